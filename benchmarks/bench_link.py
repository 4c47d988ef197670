"""Benchmark of linking: seconds and peak memory for the baseline rules and Zicht's linking, plus quality.

Usage:
    .venv/bin/python benchmarks/bench_link.py --sim DIR          # a `zicht simulate` output (truth files)
    .venv/bin/python benchmarks/bench_link.py --scale 1.0 --weeks 52    # simulate a market first
Prints one JSON object: observations, ads, timings, peak RSS and the `zicht eval dedupe` figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

from zicht.config import load_config
from zicht.evaluate.dedupe import evaluate_dedupe, store_from_truth
from zicht.refdata import resolve_data_dir
from zicht.simulate import simulate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sim", type=Path)
    parser.add_argument("--scale", type=float, default=1.0, help="market size when simulating (1.0 = 2021)")
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--texts", action="store_true", help="text signatures of the simulated ad wording")
    args = parser.parse_args()
    sim = args.sim
    if sim is None:
        sim = Path(tempfile.mkdtemp(prefix="bench_link_"))
        simulate(
            load_config(None, seed=args.seed, weeks=args.weeks, scale=args.scale), sim, resolve_data_dir()
        )
    started = time.perf_counter()
    con = store_from_truth(sim, b"bench-secret-0123456789abcdef012", texts=args.texts)
    prepared = time.perf_counter() - started
    observations = con.execute("SELECT count(*) FROM observations").fetchall()[0][0]
    result = evaluate_dedupe(con, pq.read_table(sim / "truth" / "ads.parquet"))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(  # noqa: T201
        json.dumps(
            {
                "sim": str(sim),
                "observations": observations,
                "prepare_seconds": round(prepared, 2),
                "link_seconds": {m: result[m]["seconds"] for m in ("baseline", "zicht")},
                "peak_rss_mb": round(peak_mb),
                "dedupe": result,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
