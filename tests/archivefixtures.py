"""A tiny market served over HTTP (webfixtures' hand-made truth, no simulator) to crawl real archive
runs from: a few ads per site, so a crawl takes seconds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from webfixtures import write_truth

TINY_MARKET = {"a": 6, "b": 4, "c": 3}
CRAWL_CONFIG = "[crawl]\nloopback_only = true\nautothrottle = false\n"


@contextmanager
def tiny_sites(folder: Path, weeks: int = 2) -> Iterator[dict[str, str]]:
    """Serve a tiny market from `folder`; yields the base URL of each site."""
    from zicht.simulate.serve import SiteServer

    sim = write_truth(folder, n_ads=TINY_MARKET, weeks=weeks, seed=3)
    with SiteServer(sim, fault_rate=0.0) as server:
        yield server.base_urls


def crawl_tiny_runs(archive: Path, folder: Path, run_ids: list[str]) -> None:
    """Crawl one run per id, week by week, into `archive` (in this process's crawl worker)."""
    from zicht.config import build_config
    from zicht.crawl import crawl_run
    from zicht.simulate.serve import SiteServer
    from zicht.sites import load_adapters

    config = build_config({"crawl": {"loopback_only": True, "autothrottle": False}})
    sim = write_truth(folder, n_ads=TINY_MARKET, weeks=len(run_ids), seed=3)
    with SiteServer(sim, fault_rate=0.0) as server:
        for week, run_id in enumerate(run_ids):
            server.set_week(week)
            crawl_run(load_adapters(), server.base_urls, run_id, archive, config)
