"""`zicht simulate` (the synthetic market and its ground truth, optionally checked against the 2021 baseline)
and `zicht serve` (the three simulated sites on 127.0.0.1)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zicht.commandline import ConfigOption, DataDirOption, app, console, data_dir, handles_errors


@app.command("simulate")
@handles_errors
def simulate_command(
    out: Annotated[Path, typer.Option("--out", help="Folder for truth/*.parquet and config.toml.")],
    seed: Annotated[int | None, typer.Option("--seed", help="Random seed (default: config, 1).")] = None,
    weeks: Annotated[int | None, typer.Option("--weeks", help="Weekly measurements (default: 52).")] = None,
    scale: Annotated[
        float | None, typer.Option("--scale", help="Market size, 1.0 = the 2021 market.")
    ] = None,
    config_file: ConfigOption = None,
    check: Annotated[
        bool, typer.Option("--check", help="Compare with the 2021 baseline; exit 1 on a miss.")
    ] = False,
    data_dir_option: DataDirOption = None,
) -> None:
    """Write a synthetic ad market with its ground truth (workers, ads, weekly listings)."""
    from zicht.config import load_config
    from zicht.refdata import load_reference
    from zicht.simulate.market import simulate

    config = load_config(config_file, seed=seed, weeks=weeks, scale=scale)  # validates before any output
    directory = data_dir(data_dir_option)
    summary = simulate(config, out, directory)
    console.print(
        f"simulated {summary.weeks} weeks (seed {summary.seed}, scale {summary.scale}) in "
        f"{summary.seconds:.1f} s: {summary.workers:,} workers, {summary.ads:,} ads, "
        f"{summary.listings:,} listings -> {summary.out}"
    )
    if check:
        from zicht.simulate.calibration import check as run_check
        from zicht.simulate.calibration import failures, render
        from zicht.simulate.truth import read_truth

        results = run_check(read_truth(out), load_reference(directory))
        render(results)
        missed = failures(results)
        if missed:
            names = ", ".join(r.name for r in missed)
            print(f"calibration: {len(missed)} of {len(results)} targets missed: {names}")  # noqa: T201
            raise typer.Exit(1)


@app.command("serve")
@handles_errors
def serve_command(
    sim: Annotated[Path, typer.Option("--sim", help="Folder written by `zicht simulate`.")],
    port: Annotated[
        int, typer.Option("--port", help="Port of site a; b and c use the next two (0: any).")
    ] = 8000,
    fault_rate: Annotated[
        float | None,
        typer.Option("--fault-rate", min=0.0, max=0.5, help="Override the simulation's fault rate."),
    ] = None,
) -> None:
    """Serve the three simulated ad sites on 127.0.0.1 until stopped (Ctrl-C)."""
    from zicht.errors import InputError
    from zicht.simulate.truth import CONFIG_FILE, SCHEMAS, TRUTH_DIR

    missing = [p for p in (sim / CONFIG_FILE, *(sim / TRUTH_DIR / f for f in SCHEMAS)) if not p.is_file()]
    if missing:
        raise InputError(
            f"no simulation in {sim} (missing {missing[0]})", "run `zicht simulate --out DIR` first"
        )
    from zicht.simulate.serve import serve_forever

    serve_forever(sim, port, fault_rate)
