"""Stability of the 'zicht' advertiser keys between two weekly relinks (zicht.link.keys).

Usage:
    .venv/bin/python benchmarks/bench_key_stability.py                       # seeds 1-5, scale 0.05
    .venv/bin/python benchmarks/bench_key_stability.py --seeds 1 --config benchmarks/configs/combined.toml
Per seed: `zicht simulate` (the weeks needed only) -> a perfect-extraction store with text signatures holding
weeks 0..N-1 -> link_zicht (relink 1) -> add week N -> link_zicht (relink 2). Prints, for the ads linked at
both relinks, the share whose key changed, by reason (merge, split), and the share whose key would have
changed under the keys before stable keys ('z:' + md5 of the cluster's smallest ad, recomputed every link).
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import duckdb
import pyarrow as pa

from zicht.config import load_config
from zicht.evaluate.dedupe import observations_from_truth
from zicht.link import LinkConfig, link_zicht
from zicht.refdata import resolve_data_dir
from zicht.simulate import simulate
from zicht.store.db import connect

SECRET = b"stability-secret-0123456789abcde"
AdId = tuple[str, str]


def _seeds(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def _add_weeks(
    con: duckdb.DuckDBPyConnection, observations: pa.Table, moments: pa.Table, weeks: range
) -> None:
    con.register("incoming_observations", observations)
    con.register("incoming_moments", moments)
    wanted = f"week BETWEEN {weeks.start} AND {weeks.stop - 1}"
    con.execute(f"INSERT INTO moments BY NAME SELECT * FROM incoming_moments WHERE {wanted}")
    con.execute(
        "INSERT INTO observations BY NAME SELECT o.* FROM incoming_observations AS o "
        f"JOIN incoming_moments USING (moment_id) WHERE {wanted}"
    )


def _keys(con: duckdb.DuckDBPyConnection) -> dict[AdId, str]:
    rows = con.execute("SELECT site, site_ad_id, advertiser_key FROM ad_links WHERE method = 'zicht'")
    return {(site, code): key for site, code, key in rows.fetchall()}


def _legacy_keys(keys: dict[AdId, str]) -> dict[AdId, AdId]:
    """The key before stable keys, up to the md5: the smallest ad of the ad's cluster."""
    smallest: dict[str, AdId] = defaultdict(lambda: ("\uffff", ""))
    for ad, key in keys.items():
        smallest[key] = min(smallest[key], ad)
    return {ad: smallest[key] for ad, key in keys.items()}


def _measure(seed: int, args: argparse.Namespace, workdir: Path) -> Counter[str]:
    sim = workdir / f"sim{seed}"
    config = load_config(args.config, seed=seed, scale=args.scale, weeks=args.weeks_before + 1)
    simulate(config, sim, resolve_data_dir())
    observations, moments = observations_from_truth(sim, SECRET, texts=True)
    con = connect(Path(":memory:"))
    _add_weeks(con, observations, moments, range(0, args.weeks_before))
    link_zicht(con, LinkConfig())
    before = _keys(con)
    _add_weeks(con, observations, moments, range(args.weeks_before, args.weeks_before + 1))
    link_zicht(con, LinkConfig())
    after = _keys(con)
    reasons = con.execute("SELECT reason, count(*) FROM key_changes WHERE relink = 2 GROUP BY reason")
    counts: Counter[str] = Counter(dict(reasons.fetchall()))
    seen = before.keys() & after.keys()
    legacy_before, legacy_after = _legacy_keys(before), _legacy_keys(after)
    counts["seen_before"] = len(seen)
    counts["new_ads"] = len(after) - len(seen)
    counts["legacy_changed"] = sum(legacy_before[ad] != legacy_after[ad] for ad in seen)
    return counts


def _line(label: str, counts: Counter[str]) -> str:
    seen = counts["seen_before"]
    changed = counts["merge"] + counts["split"]

    def share(n: int) -> str:
        return f"{n} ({100 * n / seen:.2f}%)" if seen else str(n)

    return (
        f"{label}: ads seen before {seen}, new ads {counts['new_ads']}; key changed {share(changed)}: "
        f"merge {share(counts['merge'])}, split {share(counts['split'])}; "
        f"before stable keys: {share(counts['legacy_changed'])}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", default="1-5", help="e.g. 1-5 or 1,3")
    parser.add_argument("--scale", type=float, default=0.05)
    parser.add_argument("--weeks-before", type=int, default=5, help="relink 1 after this many weeks")
    parser.add_argument("--config", type=Path, help="a simulator TOML (its scale/weeks/seed are overridden)")
    args = parser.parse_args()
    total: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="bench_keys_") as workdir:
        for seed in _seeds(args.seeds):
            counts = _measure(seed, args, Path(workdir))
            total.update(counts)
            print(_line(f"seed {seed}", counts))  # noqa: T201
    print(_line(f"all seeds, scale {args.scale}, week {args.weeks_before} -> {args.weeks_before + 1}", total))  # noqa: T201


if __name__ == "__main__":
    main()
