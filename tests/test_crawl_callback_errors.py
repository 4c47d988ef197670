"""An exception in a spider callback or errback is a fatal error of its site: the run is not complete."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from crawlsite import AD_PAGE, AdSite, make_config, serve
from scrapy.http import HtmlResponse, Request
from twisted.python.failure import Failure

from zicht.crawl import crawl_run, load_manifest
from zicht.crawl.spider import SiteState, ZichtSpider
from zicht.errors import CrawlError
from zicht.sites import load_adapters

ADAPTERS = load_adapters()
SITE_A = next(a for a in ADAPTERS if a.name == "a")
DEPTH = 5000  # deeper than Python's recursion limit: reading the ad text raises RecursionError


def nested_ad(code: str) -> str:
    """A real ad page whose text sits under thousands of nested elements (hostile or broken markup)."""
    text = "<span>" * DEPTH + "Hallo" + "</span>" * DEPTH
    return AD_PAGE.replace("K4105052", code).replace('<div class="ad-text">', f'<div class="ad-text">{text}')


def test_an_ad_page_that_makes_the_callback_raise_fails_the_run(tmp_path: Path) -> None:
    site = AdSite(n_ads=3)
    site.ad_html = lambda code: nested_ad(code) if code == "K0000002" else AD_PAGE.replace("K4105052", code)
    with serve(site.respond) as base, pytest.raises(CrawlError) as failed:
        crawl_run(ADAPTERS, {"a": base}, "w001", tmp_path, make_config())

    raised = f"site a: reading {base}/advertentie/K0000002 raised RecursionError"
    assert raised in failed.value.one_line()
    manifest = load_manifest(tmp_path, "w001")
    assert manifest["complete"] is False and raised in manifest["error"]
    assert any(raised in error for error in manifest["sites"]["a"]["layout_errors"])


class NoArchive:
    """Stands in for the run archive: the handler under test writes nothing to it."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the archive was used: {name}")


@pytest.mark.parametrize("seen_as", ["response", "failure", "failure without request"])
def test_spider_error_handler_takes_what_scrapy_sends(seen_as: str) -> None:
    """Scrapy sends spider_error with response=<Response> when a callback raised and with
    response=<Failure> (the download error) when an errback raised; both name the site's URL."""
    site = SiteState("a", "http://127.0.0.1:9", SITE_A)
    spider = ZichtSpider(sites=[site], archive=NoArchive(), emit=lambda event: None)  # type: ignore[arg-type]
    url = "http://127.0.0.1:9/advertentie/K0000001"
    request = Request(url, meta={"zicht_site": "a", "zicht_kind": "ad"})
    if seen_as == "response":
        response: Any = HtmlResponse(url, body=b"<html></html>", request=request)
    else:
        response = Failure(ConnectionError("reset"))
        if seen_as == "failure":
            response.request = request  # as Scrapy sets it on download errors
    spider.on_spider_error(failure=Failure(ValueError("boom\nagain")), response=response, spider=spider)
    where = url if seen_as != "failure without request" else "a page"  # then no site can be told: all fail
    assert site.fatal == [f"site a: reading {where} raised ValueError: boom again"]
