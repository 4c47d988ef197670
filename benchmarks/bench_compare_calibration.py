"""How often `zicht compare` flags a change that is not there, and how well it finds one that is.

For each seed: a simulated market (perfect crawl from the truth, linked), first half of the weeks against the
second half. Without [[changes]] every flag is a false alarm (target: about 5% of published (municipality,
measure) pairs); with a 0.6 change of home ads in Rotterdam, that row's relative difference is printed.

    python benchmarks/bench_compare_calibration.py --seeds 1-10 [--scale 0.3] [--weeks 16]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from zicht.config import load_config
from zicht.evaluate.dedupe import store_from_truth
from zicht.link import link_baseline, link_zicht
from zicht.measure.compare import Period, compare_connections
from zicht.refdata import shipped_data_dir
from zicht.simulate.market import simulate


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


CHANGE = {"from_week": 8, "municipality": "GM0599", "type": "home", "factor": 0.6}


def run(seed: int, scale: float, weeks: int, changed: bool) -> tuple[int, int, int, int, float | None]:
    config = load_config(None, scale=scale, weeks=weeks, seed=seed, changes=[CHANGE] if changed else [])
    with tempfile.TemporaryDirectory() as folder:
        simulate(config, Path(folder), shipped_data_dir())
        con = store_from_truth(Path(folder), b"k" * 32)
    link_baseline(con)
    link_zicht(con)
    start = dt.date.fromisoformat(config.start_date)
    half = weeks // 2
    before = Period(start, start + dt.timedelta(weeks=half - 1))
    after = Period(start + dt.timedelta(weeks=half), start + dt.timedelta(weeks=weeks - 1))
    rows = compare_connections(con, None, before, after, replicates=300, seed=seed)
    published = [r for r in rows if not r.suppressed and r.municipality is not None]
    national = [r for r in rows if not r.suppressed and r.municipality is None]
    target = next(r for r in rows if r.municipality == "GM0599" and r.measure == "active_home_ads_per_week")
    return (
        len(published),
        sum(r.flagged for r in published),
        len(national),
        sum(r.flagged for r in national),
        target.relative if target.flagged else None,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", default="1-10")
    parser.add_argument("--scale", type=float, default=0.3)
    parser.add_argument("--weeks", type=int, default=16)
    args = parser.parse_args()
    first, _, last = args.seeds.partition("-")
    seeds = range(int(first), int(last or first) + 1)
    total = flagged = national_total = national_flagged = 0
    for seed in seeds:
        pairs, hits, n_pairs, n_hits, _ = run(seed, args.scale, args.weeks, changed=False)
        total, flagged = total + pairs, flagged + hits
        national_total, national_flagged = national_total + n_pairs, national_flagged + n_hits
        say(f"seed {seed}: no change, {hits}/{pairs} municipal and {n_hits}/{n_pairs} national flagged")
    say(
        f"false alarms without any change: {flagged}/{total} = {flagged / max(total, 1):.1%} municipal, "
        f"{national_flagged}/{national_total} = {national_flagged / max(national_total, 1):.1%} national"
    )
    found = [run(seed, args.scale, args.weeks, changed=True)[4] for seed in seeds]
    say(
        f"0.6 change of Rotterdam home ads: flagged in {sum(f is not None for f in found)}/{len(found)}, "
        f"relative differences {[None if f is None else round(f, 3) for f in found]}"
    )


if __name__ == "__main__":
    main()
