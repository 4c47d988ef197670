"""Crawl stage: polite, resumable crawls of the ad sites into a WARC archive, one run per moment."""

from zicht.crawl.archive import iter_archived_ads, load_manifest
from zicht.crawl.run import RunSummary, SiteSummary, crawl_run, shutdown_worker

__all__ = ["RunSummary", "SiteSummary", "crawl_run", "iter_archived_ads", "load_manifest", "shutdown_worker"]
