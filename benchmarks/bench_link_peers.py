"""Zicht's linking against a standard Splink 5 model on the same stores (issue 16).

Usage:
    .venv/bin/python benchmarks/bench_link_peers.py                      # default, messy, noisy; full year
    .venv/bin/python benchmarks/bench_link_peers.py --scale 0.1 --markets default,messy
Per market: `zicht simulate` (scale, 52 weeks, seed; config benchmarks/configs/NAME.toml, none for default)
-> a perfect-extraction store (`store_from_truth`, Zicht's own `build_ads`) -> each method in a fresh process
(so peak RSS is its own). Prints one JSON line per (market, method): B-cubed and pairwise P/R/F1, the count
against the truth (Zicht: with its interval), seconds of linking and peak RSS.

The standard Splink model is what a skilled Splink user would write without Zicht's extras: the same ad
table and blocking rules (phone; name + municipality; name + age), Splink's library comparisons (exact match
with term-frequency adjustment for phone, name and municipality; age exact / within 2 / within 5; price
exact / within 15% / within 35%; exact origin, gender, services), u by random sampling (2e6 pairs), m by EM on
the phone and the name + municipality rules, the prior from "same phone and name" at recall 0.7, and Splink's
connected-components clustering at match probability 0.5; the count is the number of clusters.
No shared-phone level, no timing, no guarded clustering, no several-workers extra.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow.parquet as pq

SECRET = b"bench-secret-0123456789abcdef012"
CONFIGS = Path(__file__).parent / "configs"


def _simulate(root: Path, market: str, scale: float, seed: int) -> Path:
    from zicht.config import load_config
    from zicht.refdata import resolve_data_dir
    from zicht.simulate import simulate

    sim = root / f"{market}_s{scale}_seed{seed}"
    if not (sim / "truth" / "ads.parquet").exists():
        config = None if market == "default" else CONFIGS / f"{market}.toml"
        simulate(load_config(config, seed=seed, weeks=52, scale=scale), sim, resolve_data_dir())
    return sim


def standard_splink(con: Any) -> tuple[np.ndarray, int]:
    """Cluster label per ad of `link_ads` (ad_idx order) from the standard Splink model."""
    import duckdb
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    from zicht.link.model import COLUMNS, quiet_splink

    quiet_splink()
    ads = con.sql(f"SELECT {', '.join(COLUMNS)} FROM link_ads ORDER BY ad_idx").to_arrow_table()
    db_api = DuckDBAPI(connection=duckdb.connect(":memory:"))
    frame = db_api.register(ads, table_name="ads")

    def numeric(col: str, levels: list[Any]) -> cl.CustomComparison:
        return cl.CustomComparison(
            [cll.NullLevel(col), cll.ExactMatchLevel(col), *levels, cll.ElseLevel()], output_column_name=col
        )

    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="ad_idx",
        comparisons=[
            cl.ExactMatch("phone").configure(term_frequency_adjustments=True),
            cl.ExactMatch("name").configure(term_frequency_adjustments=True),
            cl.ExactMatch("muni").configure(term_frequency_adjustments=True),
            numeric("age", [cll.AbsoluteDifferenceLevel("age", 2), cll.AbsoluteDifferenceLevel("age", 5)]),
            numeric(
                "price",
                [cll.PercentageDifferenceLevel("price", 0.15), cll.PercentageDifferenceLevel("price", 0.35)],
            ),
            cl.ExactMatch("origin"),
            cl.ExactMatch("gender"),
            cl.ExactMatch("types"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("phone"),
            block_on("name", "muni"),
            block_on("name", "age"),
        ],
    )
    linker = Linker(frame, settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        ["l.phone = r.phone AND l.name = r.name"], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("phone"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("name", "muni"))
    predictions = linker.inference.predict(warning_mode="never")
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.5)
    table = clusters.as_pyarrow_table()
    order = np.argsort(table.column("ad_idx").to_numpy())
    labels = np.unique(table.column("cluster_id").to_numpy()[order].astype(str), return_inverse=True)[1]
    return labels.ravel(), int(labels.max() + 1)


def run_one(sim: Path, method: str) -> dict[str, Any]:
    from zicht.evaluate.dedupe import _truth_labels, store_from_truth
    from zicht.link.candidates import build_ads
    from zicht.link.metrics import clustering_metrics
    from zicht.link.resolve import link_zicht

    con = store_from_truth(sim, SECRET)
    _, true_workers = _truth_labels(con, pq.read_table(sim / "truth" / "ads.parquet"))
    started = time.perf_counter()
    interval = None
    if method == "zicht":
        result = link_zicht(con)
        seconds = time.perf_counter() - started
        count = result.estimate.point
        interval = [result.estimate.low, result.estimate.high]
        rows = con.execute(
            "SELECT l.advertiser_key AS label, t.worker_id FROM ad_links AS l JOIN link_truth AS t "
            "USING (site, site_ad_id) WHERE l.method = 'zicht'"
        ).fetchnumpy()
        predicted, truth = rows["label"], rows["worker_id"]
    else:
        build_ads(con)
        labels, count = standard_splink(con)
        seconds = time.perf_counter() - started
        truth = con.execute(
            "SELECT t.worker_id FROM link_ads AS a JOIN link_truth AS t USING (site, site_ad_id) "
            "ORDER BY a.ad_idx"
        ).fetchnumpy()["worker_id"]
        predicted = labels
    scores = clustering_metrics(predicted, truth)
    return {
        "method": method,
        **{k: {m: round(v, 4) for m, v in d.items()} for k, d in scores.items()},
        "estimated_advertisers": count,
        "interval": interval,
        "true_advertisers": true_workers,
        "error": round((count - true_workers) / true_workers, 4),
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--markets", default="default,messy,noisy")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/zicht_peers"))
    parser.add_argument("--one", nargs=2, metavar=("SIM", "METHOD"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(Path(args.one[0]), args.one[1])))  # noqa: T201
        return
    for market in args.markets.split(","):
        sim = _simulate(args.cache, market, args.scale, args.seed)
        for method in ("zicht", "splink_standard"):
            out = (
                subprocess.run(
                    [sys.executable, __file__, "--one", str(sim), method],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            print(json.dumps({"market": market, "scale": args.scale, "seed": args.seed, **json.loads(out)}))  # noqa: T201


if __name__ == "__main__":
    main()
