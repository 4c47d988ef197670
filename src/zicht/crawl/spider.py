"""The Scrapy side of a crawl run: one spider over every site of a run, and its downloader middlewares.

Imported only inside the crawl worker process (zicht.crawl.worker).

Request flow (downloader middlewares, by priority):
  60 LoopbackGuard      refuse non-loopback targets when crawl.loopback_only is set
 100 RobotsTxt (Scrapy) obey robots.txt
 540 Backoff            wait before a retry: 0.5 s, 1 s, 2 s ... (at most 8 s)
 550 Retry (Scrapy)     5xx, 408, 429, timeouts and connection errors
 560 TruncationRetry    a HTML body without </html> is retried like a 5xx
 580 MetaRefresh (Scrapy), 600 Redirect (Scrapy): follow redirects ...
 610 OriginGuard        ... but only within the site's origin: a redirect elsewhere fails the URL
 960 ArchiveCache       on resume, a URL already archived in this run is served from the WARC file
 970 Archiver           every response received is written to the run's WARC file and journal
(Responses pass the middlewares from the highest number down, so OriginGuard sees a redirect first.)
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response
from scrapy.responsetypes import responsetypes
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.response import get_meta_refresh
from twisted.internet.defer import CancelledError
from twisted.python.failure import Failure

from zicht.crawl.archive import RunArchive
from zicht.crawl.net import is_loopback, origin
from zicht.sites.read import read_ad_page, read_overview
from zicht.sites.schema import Adapter

HTML_END = b"</html>"
BACKOFF_BASE, BACKOFF_MAX = 0.5, 8.0
REDIRECT_STATUSES = frozenset((301, 302, 303, 307, 308))


class OffOriginRedirect(IgnoreRequest):
    """A page redirected to another scheme, host or port than its site's base URL."""


def redirect_target(response: Response, settings: Any) -> str | None:
    """Where Scrapy's redirect middlewares would send the crawler next: a 3xx Location or a meta refresh."""
    location = response.headers.get(b"Location")
    if response.status in REDIRECT_STATUSES and location:
        target = location.decode("latin-1")
        scheme = urlsplit(response.url).scheme
        return urljoin(response.url, f"{scheme}:{target}" if target.startswith("//") else target)
    if isinstance(response, HtmlResponse) and settings.getbool("METAREFRESH_ENABLED"):
        delay, url = get_meta_refresh(response, ignore_tags=settings.getlist("METAREFRESH_IGNORE_TAGS"))
        if url and delay is not None and delay < settings.getfloat("METAREFRESH_MAXDELAY"):
            return url
    return None


def is_truncated(response: Response, kind: str | None) -> bool:
    """A HTML page whose body does not end with </html> (trailing whitespace allowed) was cut off."""
    if response.status != 200:
        return False
    content_type = (response.headers.get(b"Content-Type") or b"").lower()
    if kind not in ("overview", "ad") and b"html" not in content_type:
        return False
    return not response.body.rstrip().lower().endswith(HTML_END)


@dataclass
class SiteState:
    """What the spider learns about one site during a run (rebuilt on resume from the archive)."""

    name: str
    base_url: str
    adapter: Adapter
    listed: int | None = None
    overview_urls: set[str] = field(default_factory=set)
    overview_pages: int = 0
    codes: set[str] = field(default_factory=set)  # ad codes found on overview pages
    listings: Counter[str] = field(default_factory=Counter)
    ads_read: int = 0
    text_found: int = 0
    coverage: Counter[str] = field(default_factory=Counter)
    code_mismatch: int = 0
    errors: int = 0
    fatal: list[str] = field(default_factory=list)
    started: float | None = None
    last: float | None = None


class ZichtSpider(scrapy.Spider):
    name = "zicht"

    def __init__(
        self,
        sites: list[SiteState],
        archive: RunArchive,
        emit: Callable[[dict[str, Any]], None],
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.sites = {site.name: site for site in sites}
        self.archive = archive
        self.emit = emit
        self._origins = {urlsplit(site.base_url)[:2]: site.name for site in sites}
        self._last_emit = 0.0

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ZichtSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.on_spider_error, signal=scrapy.signals.spider_error)
        return spider

    def on_spider_error(self, failure: Failure, response: Response | Failure, spider: scrapy.Spider) -> None:
        """A callback or errback raised (a bug or a hostile page): the run must not pass as complete.

        Scrapy sends the Response when a callback raised and the download's Failure when an errback did.
        An error no site can be named for fails every site.
        """
        request = response.request if isinstance(response, Response) else getattr(response, "request", None)
        name = self.site_of(request) if isinstance(request, Request) else None
        url = request.url if isinstance(request, Request) else "a page"
        detail = " ".join(f"{failure.type.__name__}: {failure.value}".split())[:200]
        for site in [self.sites[name]] if name in self.sites else list(self.sites.values()):
            site.fatal.append(f"site {site.name}: reading {url} raised {detail}")

    def site_of(self, request: Request) -> str | None:
        return request.meta.get("zicht_site") or self._origins.get(urlsplit(request.url)[:2])

    def redirect_of(self, request: Request, response: Response) -> str | None:
        """Where a response to one of our overview or ad pages redirects the crawl to, if anywhere."""
        if request.meta.get("zicht_site") not in self.sites or request.meta.get("dont_redirect"):
            return None
        return redirect_target(response, self.settings)

    def leaves_origin(self, request: Request, response: Response) -> str | None:
        """The target of a redirect of one of our pages to another origin than its site's, else None."""
        target = self.redirect_of(request, response)
        if target is None or origin(target) == origin(self.sites[request.meta["zicht_site"]].base_url):
            return None
        return target

    # -- requests
    def _overview(self, site: SiteState, url: str, page: int) -> Request:
        site.overview_urls.add(url)
        return Request(
            url,
            callback=self.parse_overview,
            errback=self.on_error,
            priority=10,
            meta={
                "download_slot": site.name,
                "zicht_site": site.name,
                "zicht_kind": "overview",
                "zicht_page": page,
            },
        )

    async def start(self) -> AsyncIterator[Request]:
        now = time.perf_counter()
        for site in self.sites.values():
            site.started = now
            for path in site.adapter.start_paths:
                yield self._overview(site, site.base_url.rstrip("/") + path, 1)

    # -- callbacks
    def parse_overview(self, response: Response) -> Iterator[Request]:
        site = self.sites[response.meta["zicht_site"]]
        site.last = time.perf_counter()
        if response.meta.get("zicht_truncated"):
            self._failed(site, _request(response), "truncated body after retries")
            return
        overview = site.adapter.overview
        seen = read_overview(site.adapter, response.body, response.url)
        site.overview_pages += 1
        first = response.meta["zicht_page"] == 1
        if first:
            if seen.listed_total is None:
                site.fatal.append(
                    f"site {site.name}: listed_total selector {_spec(overview.listed_total)} "
                    f"found nothing on {response.url}"
                )
            site.listed = seen.listed_total
        if seen.links_found == 0 and first and (site.listed is None or site.listed > 0):
            site.fatal.append(
                f"site {site.name}: ad_links selector {overview.ad_links!r} found no ad links on "
                f"{response.url}" + (f" although the site lists {site.listed} ads" if site.listed else "")
            )
        elif seen.links_found and not seen.ads:
            site.fatal.append(
                f"site {site.name}: ad_code_pattern {overview.ad_code_pattern!r} matched none of "
                f"the {seen.links_found} ad links on {response.url} (e.g. {seen.unmatched[0]})"
            )
        for url, code in seen.ads:
            site.listings[code] += 1
            if code in site.codes:
                continue  # listed twice (on two pages or under two URLs): fetched once
            site.codes.add(code)
            yield Request(
                url,
                callback=self.parse_ad,
                errback=self.on_error,
                meta={
                    "download_slot": site.name,
                    "zicht_site": site.name,
                    "zicht_kind": "ad",
                    "zicht_ad": code,
                },
            )
        if seen.next_url and seen.next_url not in site.overview_urls:
            yield self._overview(site, seen.next_url, response.meta["zicht_page"] + 1)
        self._progress(site)

    def parse_ad(self, response: Response) -> None:
        site = self.sites[response.meta["zicht_site"]]
        site.last = time.perf_counter()
        if response.meta.get("zicht_truncated"):
            self._failed(site, _request(response), "truncated body after retries")
            return
        page = read_ad_page(site.adapter, response.body)
        site.ads_read += 1
        site.text_found += page.text_found and bool(page.text)
        site.coverage.update(page.fields.keys())
        if page.fields.get("code") not in (None, response.meta["zicht_ad"]):
            site.code_mismatch += 1
        self._progress(site)

    def on_error(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        name = self.site_of(request)
        if name is None:
            return
        site = self.sites[name]
        site.last = time.perf_counter()
        if failure.check(HttpError):
            reason = f"HTTP {failure.value.response.status}"
        elif failure.check(OffOriginRedirect):
            reason = str(failure.value)
        elif failure.check(DownloadCancelledError, CancelledError):
            # Scrapy cancels a download larger than DOWNLOAD_MAXSIZE (nothing else cancels ours)
            reason = f"larger than crawl.max_page_bytes ({self.settings.getint('DOWNLOAD_MAXSIZE')} bytes)"
        elif failure.check(IgnoreRequest):
            reason = f"refused: {failure.value}" if str(failure.value) else "refused (robots.txt)"
        else:
            reason = f"{failure.type.__name__}: {failure.value}".strip()[:200]
        self._failed(site, request, reason)

    def _failed(self, site: SiteState, request: Request, reason: str) -> None:
        site.errors += 1
        kind = request.meta.get("zicht_kind", "other")
        self.archive.fail(site.name, kind, request.url, request.meta.get("zicht_ad"), reason)
        if kind == "overview":
            site.fatal.append(
                f"site {site.name}: overview page {request.url} failed ({reason}); "
                "resume the run with the same run id to retry"
            )
        self._progress(site, force=True)

    def closed(self, reason: str) -> None:
        """Send the final counts (progress events are otherwise sent at most five times a second)."""
        self._progress(force=True)

    def _progress(self, site: SiteState | None = None, force: bool = False) -> None:
        now = time.perf_counter()
        if force or now - self._last_emit > 0.2:
            self._last_emit = now
            self.emit(
                {
                    "type": "progress",
                    "sites": {
                        s.name: {
                            "listed": s.listed,
                            "found": len(s.codes),
                            "ads": s.ads_read,
                            "errors": s.errors,
                        }
                        for s in self.sites.values()
                    },
                }
            )


def _request(response: Response) -> Request:
    assert response.request is not None
    return response.request


def _spec(spec: Any) -> str:
    return repr(spec.selector) if spec.selector else f"label {spec.label!r}"


# ---------------------------------------------------------------------------------------------- middlewares


class _Middleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> _Middleware:
        return cls(crawler)

    @property
    def spider(self) -> ZichtSpider:
        spider = self.crawler.spider
        assert isinstance(spider, ZichtSpider)
        return spider


class LoopbackGuard(_Middleware):
    def process_request(self, request: Request) -> None:
        if self.crawler.settings.getbool("ZICHT_LOOPBACK_ONLY") and not is_loopback(request.url):
            raise IgnoreRequest(f"non-loopback target {request.url} refused (crawl.loopback_only)")


class Backoff(_Middleware):
    async def process_request(self, request: Request) -> None:
        tries = request.meta.get("retry_times", 0)
        if tries and not request.meta.get("zicht_backed_off") == tries:
            request.meta["zicht_backed_off"] = tries
            await asyncio.sleep(min(BACKOFF_BASE * 2 ** (tries - 1), BACKOFF_MAX))


class TruncationRetry(_Middleware):
    def process_response(self, request: Request, response: Response) -> Response | Request:
        if request.meta.get("zicht_cached") or not is_truncated(response, request.meta.get("zicht_kind")):
            return response
        retry = get_retry_request(request, spider=self.spider, reason="truncated body")
        if retry is not None:
            return retry
        request.meta["zicht_truncated"] = True
        return response


class OriginGuard(_Middleware):
    """Refuse to follow a redirect of an overview or ad page that leaves its site's origin.

    The other host's page would otherwise be archived as the site's ad.
    """

    def process_response(self, request: Request, response: Response) -> Response:
        off = self.spider.leaves_origin(request, response)
        if off is not None:
            raise OffOriginRedirect(f"redirect off origin to {urlsplit(off).netloc or off}")
        return response


class ArchiveCache(_Middleware):
    def process_request(self, request: Request) -> Response | None:
        entry = self.spider.archive.cached(request.url)
        if entry is None:
            return None
        request.meta["zicht_cached"] = True
        body = self.spider.archive.read_body(entry)
        if entry["kind"] in ("overview", "ad"):
            headers = {"Content-Type": "text/html; charset=utf-8"}
            return HtmlResponse(
                url=request.url, status=entry["status"], headers=headers, body=body, request=request
            )
        cls = responsetypes.from_args(url=request.url)
        return cls(url=request.url, status=entry["status"], body=body, request=request)


class Archiver(_Middleware):
    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get("zicht_cached"):
            return response
        spider = self.spider
        site = spider.site_of(request)
        if site is None:
            return response
        kind = request.meta.get("zicht_kind") or (
            "robots" if request.url.endswith("/robots.txt") else "other"
        )
        parts = urlsplit(request.url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        spider.archive.write(
            site=site,
            kind=kind,
            url=request.url,
            site_ad_id=request.meta.get("zicht_ad"),
            request_line=f"{request.method} {target or '/'} HTTP/1.1",
            request_headers=[("Host", parts.netloc), *_headers(request.headers)],
            status=response.status,
            reason=_reason(response.status),
            response_headers=_headers(response.headers),
            body=response.body,
            ok=response.status == 200
            and not is_truncated(response, kind)
            and spider.redirect_of(request, response) is None,  # a meta refresh is a hop, not the page
        )
        return response


def _headers(headers: Any) -> list[tuple[str, str]]:
    return [(k.decode("latin-1"), v.decode("latin-1")) for k, values in headers.items() for v in values]


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


MIDDLEWARES = {
    f"{__name__}.LoopbackGuard": 60,
    f"{__name__}.Backoff": 540,
    f"{__name__}.TruncationRetry": 560,
    f"{__name__}.OriginGuard": 610,
    f"{__name__}.ArchiveCache": 960,
    f"{__name__}.Archiver": 970,
}


def scrapy_settings(crawl: dict[str, Any], n_sites: int) -> dict[str, Any]:
    """Scrapy settings for a run from Config.crawl (as a dict)."""
    per_site = int(crawl["concurrency_per_site"])
    return {
        "BOT_NAME": "zicht",
        "USER_AGENT": crawl["user_agent"],
        "ROBOTSTXT_OBEY": crawl["obey_robots"],
        "CONCURRENT_REQUESTS": per_site * n_sites,
        "CONCURRENT_REQUESTS_PER_DOMAIN": per_site,
        "DOWNLOAD_DELAY": crawl["download_delay"],
        "AUTOTHROTTLE_ENABLED": crawl["autothrottle"],
        "AUTOTHROTTLE_START_DELAY": max(crawl["download_delay"], 0.5),
        "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": max(1.0, per_site / 2),
        "RETRY_ENABLED": True,
        "RETRY_TIMES": crawl["retries"],
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "DOWNLOAD_TIMEOUT": crawl["timeout_seconds"],
        "DOWNLOAD_MAXSIZE": crawl["max_page_bytes"],
        "DOWNLOAD_WARNSIZE": crawl["max_page_bytes"] // 2,
        "COOKIES_ENABLED": False,
        "COMPRESSION_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "CONCURRENT_ITEMS": 4,  # callbacks yield a few requests, no items; 100 would start 100 tasks a page
        "LOGSTATS_INTERVAL": 0,
        "DOWNLOADER_MIDDLEWARES": MIDDLEWARES,
        "ZICHT_LOOPBACK_ONLY": crawl["loopback_only"],
    }
