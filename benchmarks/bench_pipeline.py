"""From WARC to report: seconds per stage for an archived crawl (e.g. a full simulated year) and peak memory.

    .venv/bin/zicht demo --full --out /tmp/full                      # once: simulate, serve, crawl (and more)
    .venv/bin/python benchmarks/bench_pipeline.py --demo /tmp/full   # then time ingest -> link -> report

Re-runs ingestion (extraction, pseudonyms, store), linking (2021 rules and Zicht) and the report into a fresh
store beside the demo's, from the archived WARC files alone. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from zicht.pipeline import ingest_runs, link_store, moment_for_week
from zicht.refdata import resolve_data_dir
from zicht.report import write_report
from zicht.simulate.truth import read_truth


def say(text: str) -> None:
    print(text, flush=True)  # noqa: T201


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", type=Path, required=True, help="a `zicht demo` output folder")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    args = parser.parse_args()

    config = read_truth(args.demo / "sim").config
    data_dir = resolve_data_dir()
    work = Path(tempfile.mkdtemp(prefix="zicht-bench-pipeline-"))
    store = work / "zicht.duckdb"
    moments = [moment_for_week(config, week) for week in range(config.weeks)]
    seconds: dict[str, float] = {}
    try:
        started = time.perf_counter()
        summary = ingest_runs(store, args.demo / "archive", moments, data_dir, config, workers=args.workers)
        seconds["ingest (WARC -> extract -> store)"] = time.perf_counter() - started
        started = time.perf_counter()
        link_store(store)
        seconds["link (2021 rules + Zicht)"] = time.perf_counter() - started
        started = time.perf_counter()
        write_report(store, work, config, data_dir)
        seconds["report (measure + HTML + XLSX)"] = time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = sum(seconds.values())
    say(f"{summary.observations:,} observations over {summary.moments} moments, {args.workers} workers")
    for stage, secs in seconds.items():
        say(f"  {stage:<36} {secs:7.1f} s")
    rate = summary.observations / total
    say(f"  {'total WARC -> report':<36} {total:7.1f} s  ({rate:,.0f} observations/s)")
    say(f"  peak memory (largest process)        {peak_rss_mb():7.0f} MB")


if __name__ == "__main__":
    main()
