"""How long a simulated year takes and how much memory it needs (budget: 60 s and 4 GB on 2 cores).

Runs `zicht simulate` for scale 1.0 x 52 weeks (the 2021 market) in a fresh process per repetition, so the
peak RSS (resource.getrusage of the child) is that of one simulation, then times the calibration check.

    .venv/bin/python benchmarks/bench_simulate.py
    .venv/bin/python benchmarks/bench_simulate.py --scale 2 --weeks 104 --repeat 1
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path


def _one(scale: float, weeks: int, seed: int, out: str, check: bool, conn: mp.connection.Connection) -> None:
    from zicht.config import load_config
    from zicht.refdata import load_reference, resolve_data_dir
    from zicht.simulate.calibration import check as run_check
    from zicht.simulate.calibration import failures
    from zicht.simulate.market import simulate
    from zicht.simulate.truth import read_truth

    data_dir = resolve_data_dir()
    started = time.perf_counter()
    summary = simulate(load_config(None, seed=seed, weeks=weeks, scale=scale), Path(out), data_dir)
    simulated = time.perf_counter() - started
    missed = -1
    checked = 0.0
    if check:
        started = time.perf_counter()
        missed = len(failures(run_check(read_truth(Path(out)), load_reference(data_dir))))
        checked = time.perf_counter() - started
    conn.send((simulated, checked, missed, summary.listings, summary.ads, summary.workers))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-check", action="store_true", help="skip timing the calibration check")
    args = parser.parse_args()
    ctx = mp.get_context("spawn")
    for run in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            parent, child = ctx.Pipe()
            proc = ctx.Process(
                target=_one, args=(args.scale, args.weeks, args.seed, f"{tmp}/sim", not args.no_check, child)
            )
            wall = time.perf_counter()
            proc.start()
            simulated, checked, missed, listings, ads, workers = parent.recv()
            proc.join()
            wall = time.perf_counter() - wall
            size = sum(p.stat().st_size for p in Path(tmp, "sim").rglob("*") if p.is_file())
        # the largest child so far: every run is the same size, so this is one simulation's peak
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kB on Linux
        check_text = "" if args.no_check else f", check {checked:.1f} s ({missed} missed)"
        print(  # noqa: T201
            f"run {run + 1}: scale {args.scale} x {args.weeks} weeks: "
            f"simulate {simulated:.1f} s{check_text}, "
            f"process {wall:.1f} s; peak RSS {peak_mb:,.0f} MB; {listings:,} listings, {ads:,} ads, "
            f"{workers:,} workers; {size / 1e6:.1f} MB on disk"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
