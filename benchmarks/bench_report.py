"""Benchmark of the measure and report stages: seconds for the weekly measures, the 2021 tables and writing
report.html + report.xlsx, on a generated store (zicht.measure.testing) or an existing one.

Usage:
    .venv/bin/python benchmarks/bench_report.py --advertisers 80000 --weeks 52   # about 365,000 observations
    .venv/bin/python benchmarks/bench_report.py --store out/zicht.duckdb
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from zicht.config import Config
from zicht.measure.tables import baseline_tables
from zicht.measure.testing import make_store
from zicht.measure.weekly import weekly_tables
from zicht.refdata import load_reference, resolve_data_dir
from zicht.report import write_report
from zicht.store.db import connect


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path)
    parser.add_argument("--advertisers", type=int, default=80000)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    data_dir = resolve_data_dir()
    with tempfile.TemporaryDirectory() as tmp:
        result: dict[str, float | int] = {}
        store = args.store
        if store is None:
            started = time.perf_counter()
            store = make_store(Path(tmp) / "bench.duckdb", args.advertisers, args.weeks, args.seed)
            result["generate_seconds"] = round(time.perf_counter() - started, 2)
        con = connect(store, read_only=True)
        result["observations"] = con.execute("SELECT COUNT(*) FROM observations").fetchall()[0][0]
        started = time.perf_counter()
        weekly_tables(con)
        result["weekly_seconds"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        baseline_tables(con, load_reference(data_dir), min_count=10)
        result["tables_seconds"] = round(time.perf_counter() - started, 2)
        con.close()
        started = time.perf_counter()
        paths = write_report(store, Path(tmp) / "out", Config(), data_dir)
        result["write_report_seconds"] = round(time.perf_counter() - started, 2)
        result["html_bytes"] = paths.html.stat().st_size
        result["xlsx_bytes"] = paths.xlsx.stat().st_size
        result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(result))  # noqa: T201


if __name__ == "__main__":
    main()
