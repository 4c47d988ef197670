"""Redirects (HTTP and <meta http-equiv=refresh>) are followed only within the site's origin."""

from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import urlsplit

from crawlsite import AD_PAGE, AdSite, Reply, make_config, serve

from zicht.crawl import crawl_run, iter_archived_ads, load_manifest
from zicht.sites import load_adapters

ADAPTERS = load_adapters()


def test_redirects_that_leave_the_sites_origin_fail_the_url(tmp_path: Path) -> None:
    visits: list[str] = []
    lock = threading.Lock()

    def elsewhere(path: str) -> Reply:
        with lock:
            visits.append(path)
        return Reply(body=AD_PAGE.encode())

    with serve(elsewhere) as other:
        refresh = (
            f'<html><head><meta http-equiv="refresh" content="0; url={other}/x"></head><body></body></html>'
        )
        same_origin_refresh = refresh.replace(f"{other}/x", "/verhuisd/K0000005")
        site = AdSite(n_ads=5)
        site.routes = {
            "/advertentie/K0000002": lambda: Reply(
                302, headers={"Location": f"{other}/advertentie/K0000002"}
            ),
            "/advertentie/K0000003": lambda: Reply(body=refresh.encode()),
            "/advertentie/K0000004": lambda: Reply(301, headers={"Location": "/verhuisd/K0000004"}),
            "/verhuisd/K0000004": lambda: Reply(body=AD_PAGE.replace("K4105052", "K0000004").encode()),
            "/advertentie/K0000005": lambda: Reply(body=same_origin_refresh.encode()),
            "/verhuisd/K0000005": lambda: Reply(body=AD_PAGE.replace("K4105052", "K0000005").encode()),
        }
        with serve(site.respond) as base:
            summary = crawl_run(ADAPTERS, {"a": base}, "w001", tmp_path, make_config())

    assert visits == []  # the other origin was never asked
    assert not summary.complete
    manifest = load_manifest(tmp_path, "w001")
    off_origin = f"redirect off origin to {urlsplit(other).netloc}"
    assert {row["url"]: row["reason"] for row in manifest["failed"]} == {
        f"{base}/advertentie/K0000002": off_origin,
        f"{base}/advertentie/K0000003": off_origin,
    }
    archived = {row["url"] for row in manifest["fetched"] if row["kind"] == "ad"}
    assert archived == {
        f"{base}/advertentie/K0000001",
        f"{base}/verhuisd/K0000004",
        f"{base}/verhuisd/K0000005",
    }
    codes = sorted(ad.fields["code"] for _, _, ad in iter_archived_ads(tmp_path, "w001"))
    assert codes == ["K0000001", "K0000004", "K0000005"]
    assert (summary.sites[0].duplicates, summary.sites[0].retries) == (0, 0)  # a redirect is no retry
