"""Crawl benchmark: pages per second for one simulated week on 127.0.0.1 with throttling off, and the speed
of reading archived ad pages (read_ad alone, and WARC re-read + read_ad as the store ingests a run).

    .venv/bin/python benchmarks/bench_crawl.py [--scale 1.0] [--fault-rate 0] [--repeat 3]

Prints numbers only; nothing is asserted. The simulated sites are served from this process (threads), the
crawl runs in the worker process (started before timing: its start-up is reported separately).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from zicht.config import load_config
from zicht.crawl import crawl_run, iter_archived_ads, load_manifest
from zicht.crawl.archive import read_payload
from zicht.crawl.run import current_worker, shutdown_worker
from zicht.refdata import resolve_data_dir
from zicht.simulate.market import simulate
from zicht.simulate.serve import SiteServer
from zicht.sites import load_adapters, read_ad


def say(text: str) -> None:
    print(text, flush=True)  # noqa: T201


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="market size (1.0 = the 2021 Dutch market)")
    parser.add_argument("--fault-rate", type=float, default=0.0)
    parser.add_argument("--repeat", type=int, default=3, help="crawl the week this many times (new run ids)")
    parser.add_argument("--throttle", action="store_true", help="keep AutoThrottle on (default: off)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="zicht-bench-crawl-"))
    archive = work / "archive"
    try:
        config = load_config(None, weeks=1, scale=args.scale, seed=11)
        crawl = config.crawl.model_copy(update={"autothrottle": args.throttle, "loopback_only": True})
        config = config.model_copy(update={"crawl": crawl})
        started = time.perf_counter()
        simulate(config, work / "sim", resolve_data_dir())
        say(f"simulate scale {args.scale}: {time.perf_counter() - started:.2f} s")

        started = time.perf_counter()
        current_worker()
        say(f"worker start-up: {time.perf_counter() - started:.2f} s (once per process)")

        adapters = load_adapters()
        rates = []
        with SiteServer(work / "sim", fault_rate=args.fault_rate) as server:
            for attempt in range(args.repeat):
                run_id = f"bench{attempt}"
                started = time.perf_counter()
                summary = crawl_run(adapters, server.base_urls, run_id, archive, config)
                seconds = time.perf_counter() - started
                rates.append(summary.pages / seconds)
                sites = ", ".join(
                    f"{s.site}: {s.ads}/{s.listed} ads {s.retries} retries" for s in summary.sites
                )
                say(
                    f"crawl {run_id}: {summary.pages} pages in {seconds:.2f} s = {rates[-1]:.0f} pages/s"
                    f" (complete={summary.complete}; {sites})"
                )
        say(f"crawl best {max(rates):.0f} pages/s, median {sorted(rates)[len(rates) // 2]:.0f}")

        manifest = load_manifest(archive, "bench0")
        by_site = {a.name: a for a in adapters}
        pages = [
            (by_site[row["site"]], read_payload(archive / row["warc_file"], row["offset"]), row["url"])
            for row in manifest["fetched"]
            if row["kind"] == "ad"
        ]
        started = time.perf_counter()
        for adapter, body, url in pages:
            read_ad(adapter, body, url)
        seconds = time.perf_counter() - started
        say(f"read_ad alone: {len(pages)} ads in {seconds:.2f} s = {len(pages) / seconds:.0f} ads/s")

        started = time.perf_counter()
        count = sum(1 for _ in iter_archived_ads(archive, "bench0"))
        seconds = time.perf_counter() - started
        say(f"iter_archived_ads (WARC + read_ad): {count} ads in {seconds:.2f} s = {count / seconds:.0f}/s")
    finally:
        shutdown_worker()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
