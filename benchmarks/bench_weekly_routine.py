"""The weekly routine as a user runs it: `zicht serve` plus one `zicht run` per simulated week, each a new
process, then the evaluations. Prints what issue 11's acceptance asks for:

- `zicht eval crawl`: missing and duplicate ads over every week and site;
- the store's moments: weeks 0..N-1 in date order;
- `zicht eval dedupe`: Zicht's B-cubed F1 and advertiser count against the truth;
- advertiser keys between the last two relinks: ads whose key changed, and how many of those changes a
  merge or split of their advertiser explains (checked on the clusters, not taken from key_changes).

    python benchmarks/bench_weekly_routine.py --out /tmp/weekly [--scale 0.3] [--weeks 6] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

import duckdb

ZICHT = [sys.executable, "-m", "zicht"]
AdId = tuple[str, str]


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def zicht(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ZICHT, *args], capture_output=True, text=True, check=False)


def keys(store: Path) -> dict[AdId, str]:
    with duckdb.connect(str(store), read_only=True) as con:
        rows = con.execute("SELECT site, site_ad_id, advertiser_key FROM ad_links WHERE method = 'zicht'")
        return {(site, code): key for site, code, key in rows.fetchall()}


def explained_changes(before: dict[AdId, str], after: dict[AdId, str]) -> tuple[int, int, int]:
    """(ads seen at both relinks, ads whose key changed, changes a merge or split explains)."""
    old_members: dict[str, set[AdId]] = defaultdict(set)
    new_members: dict[str, set[AdId]] = defaultdict(set)
    for ad, key in before.items():
        old_members[key].add(ad)
    for ad, key in after.items():
        new_members[key].add(ad)
    both = [ad for ad in before if ad in after]
    changed = [ad for ad in both if before[ad] != after[ad]]
    explained = 0
    for ad in changed:
        merged = len({before[a] for a in new_members[after[ad]] if a in before}) > 1
        split = len({after[a] for a in old_members[before[ad]] if a in after}) > 1
        explained += merged or split
    return len(both), len(changed), explained


def _running(pid: str) -> bool:
    try:
        return " Z " not in Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False


def kill_mid_crawl(command: list[str], run_dir: Path, records: int) -> str:
    """Start `zicht run`, SIGKILL it once its journal holds `records` lines; say what was left running."""
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = run_dir / "journal.jsonl"
    while run.poll() is None and (not journal.exists() or journal.read_bytes().count(b"\n") < records):
        time.sleep(0.05)
    run.kill()
    run.wait()
    lines = journal.read_bytes().count(b"\n") if journal.exists() else 0
    time.sleep(1.0)
    workers = subprocess.run(
        ["pgrep", "-f", "zicht.crawl.worker"], capture_output=True, text=True
    ).stdout.split()
    alive = [pid for pid in workers if _running(pid)]
    grew = (journal.read_bytes().count(b"\n") if journal.exists() else 0) - lines
    return f"killed at {lines} journal lines; {grew} written after the kill; live crawl workers: {len(alive)}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--scale", type=float, default=0.3)
    parser.add_argument("--weeks", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--port", type=int, default=8850)
    parser.add_argument("--kills", type=int, default=2, help="SIGKILLs of the last week's run mid-crawl")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    config = args.out / "sim.toml"
    config.write_text(f"scale = {args.scale}\nweeks = {args.weeks}\nseed = {args.seed}\nfault_rate = 0.05\n")
    sim, store, archive = args.out / "sim", args.out / "zicht.duckdb", args.out / "archive"
    made = zicht(
        "simulate",
        "--seed",
        str(args.seed),
        "--weeks",
        str(args.weeks),
        "--config",
        str(config),
        "--out",
        str(sim),
    )
    if made.returncode:
        raise SystemExit(made.stderr)
    server = subprocess.Popen(
        [*ZICHT, "serve", "--sim", str(sim), "--port", str(args.port)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        urls = [server.stdout.readline().split(": ")[1].strip() for _ in range(3)]
        base = [f"--base-url={site}={url}" for site, url in zip("abc", urls, strict=True)]
        start = dt.date(2020, 8, 25)
        last_two: list[dict[AdId, str]] = []
        for week in range(args.weeks):
            request = urllib.request.Request(f"{urls[0]}/_zicht/week/{week}", method="PUT")
            urllib.request.urlopen(request, timeout=10).close()
            date = start + dt.timedelta(weeks=week)
            if week == args.weeks - 1:
                for kill in range(args.kills):  # SIGKILL mid-crawl, as a reboot or the OOM killer would
                    say(
                        f"week {week}: kill {kill + 1} of {args.kills} mid-crawl: "
                        + kill_mid_crawl(
                            [
                                *ZICHT,
                                "run",
                                "--store",
                                str(store),
                                "--archive",
                                str(archive),
                                *base,
                                "--date",
                                date.isoformat(),
                            ],
                            archive / date.isoformat(),
                            200 * (kill + 1),
                        )
                    )
            started = time.perf_counter()
            run = zicht(
                "run", "--store", str(store), "--archive", str(archive), *base, "--date", date.isoformat()
            )
            say(f"week {week} ({date}): exit {run.returncode} in {time.perf_counter() - started:.1f} s")
            for line in run.stderr.strip().splitlines():
                say(f"    {line}")
            if run.returncode:
                raise SystemExit("the weekly run failed")
            last_two = [*last_two[-1:], keys(store)]
    finally:
        server.terminate()
        server.wait()
    rows = json.loads(zicht("eval", "crawl", "--sim", str(sim), "--store", str(store), "--json").stdout)[
        "rows"
    ]
    say(
        f"eval crawl: {len(rows)} week-site cells, listed {sum(r['listed'] for r in rows):,}, missing "
        f"{sum(r['missing'] for r in rows)}, duplicates {sum(r['duplicates'] for r in rows)}"
    )
    with duckdb.connect(str(store), read_only=True) as con:
        moments = con.execute("SELECT week, measured_on FROM moments ORDER BY measured_on").fetchall()
    in_order = [w for w, _ in moments] == list(range(args.weeks))
    say(
        f"moments: weeks {[w for w, _ in moments]} by date "
        + ("(in date order)" if in_order else "(NOT in date order)")
    )
    dedupe = json.loads(zicht("eval", "dedupe", "--sim", str(sim), "--store", str(store), "--json").stdout)
    z = dedupe["zicht"]
    say(
        f"eval dedupe: Zicht B-cubed F1 {z['bcubed']['f1']:.4f}, pairwise F1 {z['pairwise']['f1']:.4f}, "
        f"{z['estimated_advertisers']:,} advertisers {z['interval']} against {z['true_advertisers']:,} true"
    )
    both, changed, explained = explained_changes(*last_two)
    say(
        f"keys, relink {args.weeks - 1} -> {args.weeks}: {both:,} ads at both, {changed} changed key "
        f"({changed / max(both, 1):.2%}), {explained} explained by a merge or split, "
        f"{changed - explained} otherwise ({(changed - explained) / max(both, 1):.2%})"
    )


if __name__ == "__main__":
    main()
