"""Coverage of the advertiser-count interval over many small simulated markets.

Usage:
    .venv/bin/python benchmarks/bench_link_coverage.py                      # seeds 1-20, scale 0.05
    .venv/bin/python benchmarks/bench_link_coverage.py --seeds 101-110 --cache /tmp/zicht_cov
Each seed: `zicht simulate` (default config, 52 weeks) -> a perfect-extraction store with text signatures
(`store_from_truth(sim, secret, texts=True)`) -> `evaluate_dedupe`. Prints one line per seed (truth, point,
interval, inside or the side of a miss) and a summary: coverage, mean width / truth, mean and SD of the error.
With --cache the simulations are kept (and reused) under that directory.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path

import pyarrow.parquet as pq

from zicht.config import load_config
from zicht.evaluate.dedupe import evaluate_dedupe, store_from_truth
from zicht.refdata import resolve_data_dir
from zicht.simulate import simulate

SECRET = b"coverage-secret-0123456789abcdef"


def _seeds(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", default="1-20", help="e.g. 1-20 or 101-110,201")
    parser.add_argument("--scale", type=float, default=0.05)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--config", type=Path, default=None, help="a simulator config TOML (default config)")
    parser.add_argument("--cache", type=Path, default=None, help="keep / reuse simulations here")
    args = parser.parse_args()
    root = args.cache or Path(tempfile.mkdtemp(prefix="bench_link_cov_"))
    rows = []
    for seed in _seeds(args.seeds):
        sim = root / f"scale{args.scale}_w{args.weeks}_s{seed}"
        if not (sim / "truth" / "ads.parquet").exists():
            config = load_config(args.config, seed=seed, weeks=args.weeks, scale=args.scale)
            simulate(config, sim, resolve_data_dir())
        con = store_from_truth(sim, SECRET, texts=True)
        z = evaluate_dedupe(con, pq.read_table(sim / "truth" / "ads.parquet"))["zicht"]
        con.close()
        truth, point, (low, high) = z["true_advertisers"], z["estimated_advertisers"], z["interval"]
        side = "inside" if low <= truth <= high else ("truth below" if truth < low else "truth above")
        row = {"seed": seed, "truth": truth, "point": point, "low": low, "high": high, "result": side}
        row["b_cubed_f1"] = round(z["bcubed"]["f1"], 4)
        rows.append(row)
        print(json.dumps(row), flush=True)  # noqa: T201
    inside = sum(r["result"] == "inside" for r in rows)
    errors = [r["point"] - r["truth"] for r in rows]
    summary = {
        "seeds": args.seeds,
        "scale": args.scale,
        "coverage": f"{inside}/{len(rows)}",
        "misses_truth_below": sum(r["result"] == "truth below" for r in rows),
        "misses_truth_above": sum(r["result"] == "truth above" for r in rows),
        "mean_width_over_truth": round(statistics.mean((r["high"] - r["low"]) / r["truth"] for r in rows), 4),
        "mean_width": round(statistics.mean(r["high"] - r["low"] for r in rows), 1),
        "mean_error": round(statistics.mean(errors), 2),
        "sd_error": round(statistics.stdev(errors), 2) if len(errors) > 1 else 0.0,
    }
    print(json.dumps(summary))  # noqa: T201


if __name__ == "__main__":
    main()
