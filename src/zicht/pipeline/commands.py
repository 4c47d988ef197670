"""CLI: `zicht demo` and the evaluations against the synthetic market's ground truth."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from zicht.commandline import ConfigOption, DataDirOption, app, console, data_dir, eval_app, handles_errors
from zicht.config import load_config
from zicht.errors import InputError

SimOption = Annotated[Path, typer.Option("--sim", help="Folder written by `zicht simulate`.")]
StoreOption = Annotated[Path, typer.Option("--store", help="The DuckDB store file.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _check_inputs(sim: Path, store: Path) -> None:
    if not (sim / "truth" / "listings.parquet").is_file():
        raise InputError(f"no simulation in {sim}", "run `zicht simulate --out DIR` first")
    if not store.is_file():
        raise InputError(f"store not found: {store}")


@app.command()
@handles_errors
def demo(
    out: Annotated[Path, typer.Option("--out", help="Output folder.")],
    weeks: Annotated[int | None, typer.Option("--weeks", help="Weeks to simulate and crawl.")] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Random seed of the market.")] = None,
    scale: Annotated[
        float | None, typer.Option("--scale", help="Market size; 1.0 = the 2021 market.")
    ] = None,
    full: Annotated[bool, typer.Option("--full", help="The full 2021-sized market (scale 1.0).")] = False,
    config_file: ConfigOption = None,
    data_dir_option: DataDirOption = None,
) -> None:
    """Run the main job on the synthetic market: simulate, serve, crawl, extract, link, measure, report."""
    from zicht.pipeline.demo import DEMO_SCALE, run_demo

    default_scale = None if config_file else DEMO_SCALE
    scale = 1.0 if full else (default_scale if scale is None else scale)  # 0 is an error, not "no scale"
    config = load_config(config_file, weeks=weeks, seed=seed, scale=scale)
    result = run_demo(config, out, data_dir(data_dir_option))
    timing = ", ".join(f"{stage} {secs:.0f}s" for stage, secs in result.seconds.items())
    console.print(
        f"report: {result.report_html}\nworkbook: {result.report_xlsx}\nstore: {result.store}\n{timing}"
    )


@app.command("run")
@handles_errors
def run(
    store: StoreOption,
    archive: Annotated[Path, typer.Option("--archive", help="Archive folder (WARC runs, one per moment).")],
    base_url: Annotated[
        list[str],
        typer.Option("--base-url", help="SITE=URL per site (default: the config's sites table)."),
    ] = [],  # noqa: B006
    date: Annotated[
        str | None,
        typer.Option("--date", help="Measurement date YYYY-MM-DD (default: today)."),
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Refresh the report in this folder.")
    ] = None,
    adapters_dir: Annotated[
        Path | None, typer.Option("--adapters", help="Folder of extra site adapters (*.yaml).")
    ] = None,
    config_file: ConfigOption = None,
    data_dir_option: DataDirOption = None,
) -> None:
    """One measurement moment end to end: crawl, ingest, relink, report. Exit 0 only when it is complete."""
    import datetime as dt

    from zicht.crawl.commands import parse_base_urls
    from zicht.pipeline.weekly import MomentIncomplete, run_moment
    from zicht.sites import load_adapters

    config = load_config(config_file)
    try:
        day = dt.date.fromisoformat(date) if date else dt.date.today()
    except ValueError:
        raise InputError(f"--date must be a date like 2026-12-08, not {date!r}") from None
    urls = parse_base_urls(base_url) if base_url else config.base_urls
    if not urls:
        raise InputError("no sites to crawl", "give --base-url SITE=URL or a [sites] table in the config")
    adapters = load_adapters() + (load_adapters(adapters_dir) if adapters_dir else [])
    try:
        run_moment(
            store,
            archive,
            adapters,
            urls,
            day,
            config,
            data_dir(data_dir_option),
            report,
            on_stage=lambda stage, line: console.print(f"{stage}: {line}", highlight=False, soft_wrap=True),
        )
    except MomentIncomplete as error:
        print(f"error: {error.one_line()}", file=sys.stderr)  # noqa: T201
        raise typer.Exit(1) from None


@app.command()
@handles_errors
def link(store: StoreOption, config_file: ConfigOption = None) -> None:
    """Link ads to advertisers: the 2021 rules and Zicht's entity resolution, with an interval."""
    from zicht.pipeline import link_store

    config = load_config(config_file)
    if not store.is_file():
        raise InputError(f"store not found: {store}")
    s = link_store(store, config)
    console.print(
        f"2021 rules: {s.baseline:,} advertisers; Zicht: {s.zicht:,} ({s.low:,.0f}-{s.high:,.0f}); "
        f"{s.shared_contact_groups:,} shared-contact groups"
    )


@eval_app.command("crawl")
@handles_errors
def eval_crawl(sim: SimOption, store: StoreOption, as_json: JsonFlag = False) -> None:
    """Per week and site: ads listed in the truth, found in the store, missing, duplicated."""
    from zicht.evaluate.crawl import crawl_completeness

    _check_inputs(sim, store)
    rows = crawl_completeness(sim, store)
    if as_json:
        print(json.dumps({"rows": rows}))  # noqa: T201
        return
    missing = sum(r["missing"] for r in rows)
    console.print(f"{len(rows)} week-site cells, {sum(r['listed'] for r in rows)} listed, {missing} missing")


@eval_app.command("tables")
@handles_errors
def eval_tables(store: StoreOption, as_json: JsonFlag = False, data_dir_option: DataDirOption = None) -> None:
    """The store's tables against the published 2021 figures, with the calibration's tolerances."""
    from zicht.evaluate.tables2021 import compare_with_2021, render
    from zicht.refdata import load_reference
    from zicht.store import connect

    results = compare_with_2021(connect(store, read_only=True), load_reference(data_dir(data_dir_option)))
    if as_json:
        rows = [
            {
                "name": r.name,
                "target": r.target,
                "measured": r.simulated,
                "tolerance": r.tolerance,
                "ok": r.ok,
            }
            for r in results
        ]
        print(json.dumps({"rows": rows}))  # noqa: T201
    else:
        render(results, title="The store's tables against the 2021 baseline", measured="measured")
    if any(r.ok is False for r in results):
        raise typer.Exit(1)


@eval_app.command("dedupe")
@handles_errors
def eval_dedupe(sim: SimOption, store: StoreOption, as_json: JsonFlag = False) -> None:
    """Baseline rules and Zicht's entity resolution against the truth: pairwise and B-cubed scores, counts."""
    from zicht.evaluate.dedupe import evaluate_store

    _check_inputs(sim, store)
    result = evaluate_store(store, sim)
    print(json.dumps(result, indent=None if as_json else 2))  # noqa: T201
