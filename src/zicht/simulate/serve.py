"""Serve a simulated market's three ad sites over HTTP on 127.0.0.1 (contract: docs/simulated-market.md).

`SiteServer(sim_dir)` starts three HTTP/1.1 servers (keep-alive, one thread per connection) in background
threads: site a on port P, b on P+1, c on P+2 (P=0: any free ports). The current week is global; set it with
`server.set_week(n)` or `PUT /_zicht/week/{n}` on any port, read it with `GET /_zicht/week`.

Per week the listed ads of each site are precomputed (newest first), so a request is a dict lookup plus a
cached render. Ad pages do not depend on the week (same bytes every week); ads not listed this week are 404.

Faults (fault_rate from the simulation's config.toml unless overridden): each request for a page draws a
number from a hash of (seed, site, week, path, attempt), where attempt counts earlier requests for the same
path in the same week; below fault_rate it fails as a 503, a delay of 0.5-2 s (then served) or a truncated
body (status 200, a body cut short without `</html>`). So the same crawl sees the same faults, and a retry
draws again and can succeed. robots.txt and /_zicht/ are never faulted (a crawler that cannot read robots.txt
would be right to crawl everything, which is not what we want to test).
"""

from __future__ import annotations

import hashlib
import json
import socket
import sys
import threading
import time
from dataclasses import dataclass
from email.utils import formatdate
from functools import lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from zicht.errors import InputError, ServeError
from zicht.simulate.texts import Wording, ad_wording
from zicht.simulate.web import (
    OVERVIEW_PATH,
    PAGE_PARAM,
    PAGE_SIZE,
    ROBOTS_TXT,
    SITES,
    Ad,
    ad_path,
    page_count,
    render_ad_page,
    render_home,
    render_not_found,
    render_overview,
)

HTML = "text/html; charset=utf-8"
AD_CACHE_SIZE = 30_000  # rendered ad pages kept (a few KB each): several weeks of a full-scale market


# ------------------------------------------------------------------------------------------------ index


@dataclass(frozen=True)
class SimIndex:
    """What the server needs from a simulation directory, indexed for lookups."""

    weeks: int
    seed: int
    fault_rate: float
    ads: dict[str, dict[str, Ad]]  # site -> site_ad_id -> ad
    paths: dict[str, dict[str, str]]  # site -> URL path of the ad page -> site_ad_id
    listed: list[dict[str, tuple[str, ...]]]  # week -> site -> site_ad_ids listed, newest first
    visible: list[dict[str, frozenset[str]]]  # week -> site -> the same, as a set


def load_index(sim_dir: Path) -> SimIndex:
    """Read DIR/truth/ads.parquet, listings.parquet and DIR/config.toml into a SimIndex."""
    import pyarrow.parquet as pq

    from zicht.config import load_config

    truth = Path(sim_dir) / "truth"
    for name in ("ads.parquet", "listings.parquet"):
        if not (truth / name).is_file():
            raise InputError(f"{truth / name} not found", hint="run `zicht simulate --out DIR` first")
    config_file = Path(sim_dir) / "config.toml"
    config = load_config(config_file) if config_file.is_file() else None

    ads: dict[str, dict[str, Ad]] = {site: {} for site in SITES}
    workers_per_key: dict[str, int] = {}
    for row in pq.read_table(truth / "ads.parquet").to_pylist():
        key = str(row["ad_key"])
        workers_per_key[key] = workers_per_key.get(key, 0) + 1
        site, code = str(row["site"]), str(row["site_ad_id"])
        if site not in ads:
            raise InputError(f"ads.parquet: unknown site {site!r} for ad {key}")
        known = ads[site].get(code)
        if known is None:
            ads[site][code] = Ad.from_row(row)
        elif known.ad_key != key:
            raise InputError(
                f"ads.parquet: site {site} code {code} belongs to two ads ({known.ad_key}, {key})"
            )
    for site_ads in ads.values():  # without an n_workers column, count the worker rows
        for code, ad in site_ads.items():
            if ad.n_workers < workers_per_key[ad.ad_key]:
                site_ads[code] = Ad(**{**ad.__dict__, "n_workers": workers_per_key[ad.ad_key]})

    listings = pq.read_table(truth / "listings.parquet", columns=["week", "site", "site_ad_id"])
    by_week: dict[int, dict[str, list[str]]] = {}
    for week, site, code in zip(
        *(listings.column(c).to_pylist() for c in ("week", "site", "site_ad_id")), strict=True
    ):
        if code in ads.get(site, {}):
            by_week.setdefault(int(week), {}).setdefault(site, []).append(str(code))
    n_weeks = config.weeks if config else max(by_week, default=-1) + 1
    n_weeks = max(n_weeks, 1)

    def newest_first(site: str, codes: list[str]) -> tuple[str, ...]:
        site_ads = ads[site]
        key = lambda c: (site_ads[c].posted_week, len(c), c)  # noqa: E731
        return tuple(sorted(set(codes), key=key, reverse=True))

    listed = [
        {site: newest_first(site, by_week.get(w, {}).get(site, [])) for site in SITES} for w in range(n_weeks)
    ]
    return SimIndex(
        weeks=n_weeks,
        seed=config.seed if config else 0,
        fault_rate=config.fault_rate if config else 0.0,
        ads=ads,
        paths={site: {ad_path(ad): code for code, ad in site_ads.items()} for site, site_ads in ads.items()},
        listed=listed,
        visible=[{site: frozenset(codes) for site, codes in week.items()} for week in listed],
    )


# ---------------------------------------------------------------------------------------------- routing


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    content_type: str = HTML
    faultable: bool = True


@dataclass(frozen=True)
class Fault:
    kind: str  # "503", "slow" or "truncate"
    delay: float = 0.0  # seconds, for "slow"
    cut: float = 1.0  # share of the body kept, for "truncate"


def draw_fault(seed: int, site: str, week: int, target: str, attempt: int, rate: float) -> Fault | None:
    """The fault (or None) of one request: a pure function of its arguments."""
    if rate <= 0:
        return None
    digest = hashlib.blake2b(f"{seed}|{site}|{week}|{target}|{attempt}".encode(), digest_size=16).digest()
    if int.from_bytes(digest[:8], "big") / 2**64 >= rate:
        return None
    kind = ("503", "slow", "truncate")[digest[8] % 3]
    return Fault(kind, delay=int.from_bytes(digest[9:11], "big") / 65535, cut=0.2 + 0.6 * digest[11] / 255)


class SiteApp:
    """The three sites' routes and the global week; thread-safe, no sockets (see SiteServer)."""

    def __init__(
        self, index: SimIndex, fault_rate: float = 0.0, slow_seconds: tuple[float, float] = (0.5, 2.0)
    ) -> None:
        self.index = index
        self.fault_rate = fault_rate
        self.slow_seconds = slow_seconds
        self.week = 0
        self._lock = threading.Lock()
        self._attempts: dict[tuple[str, int, str], int] = {}
        self._wording = lru_cache(maxsize=AD_CACHE_SIZE)(self._make_wording)
        self._ad_page = lru_cache(maxsize=AD_CACHE_SIZE)(self._make_ad_page)
        self._overview = lru_cache(maxsize=4096)(self._make_overview)
        self._static = {site: (render_home(site), render_not_found(site)) for site in SITES}

    def set_week(self, week: int) -> None:
        if not 0 <= week < self.index.weeks:
            raise ServeError(f"week {week} is out of range 0-{self.index.weeks - 1}")
        self.week = week

    # -- renders, cached
    def _make_wording(self, site: str, code: str) -> Wording:
        return ad_wording(self.index.ads[site][code])

    def _make_ad_page(self, site: str, code: str) -> bytes:
        return render_ad_page(self.index.ads[site][code], self._wording(site, code))

    def _make_overview(self, site: str, week: int, page: int) -> bytes | None:
        codes = self.index.listed[week][site]
        if page > page_count(len(codes), site):
            return None
        size = PAGE_SIZE[site]
        site_ads = self.index.ads[site]
        cards = [(site_ads[c], self._wording(site, c)) for c in codes[(page - 1) * size : page * size]]
        return render_overview(site, cards, page, len(codes))

    # -- routing
    def handle(self, site: str, method: str, target: str) -> Response:
        """Answer one request for `target` (path and query) on `site`."""
        parts = urlsplit(target)
        path = parts.path
        if path.startswith("/_zicht/"):
            return self._admin(method, path)
        if method not in ("GET", "HEAD"):
            return Response(405, b"method not allowed\n", "text/plain; charset=utf-8", faultable=False)
        if path == "/robots.txt":
            return Response(200, ROBOTS_TXT, "text/plain; charset=utf-8", faultable=False)
        week = self.week
        if path == OVERVIEW_PATH[site]:
            page = self._page_number(site, parts.query)
            body = self._overview(site, week, page) if page else None
            return Response(200, body) if body else self._not_found(site)
        code = self.index.paths[site].get(path)
        if code is not None and code in self.index.visible[week][site]:
            return Response(200, self._ad_page(site, code))
        if path in ("/", ""):
            return Response(200, self._static[site][0])
        return self._not_found(site)

    def _not_found(self, site: str) -> Response:
        return Response(404, self._static[site][1])

    @staticmethod
    def _page_number(site: str, query: str) -> int | None:
        values = parse_qs(query).get(PAGE_PARAM[site])
        if not values:
            return 1
        try:
            page = int(values[-1])
        except ValueError:
            return None
        return page if page >= 1 else None

    def _admin(self, method: str, path: str) -> Response:
        def answer(status: int, data: dict[str, Any]) -> Response:
            return Response(status, json.dumps(data).encode() + b"\n", "application/json", faultable=False)

        if path == "/_zicht/week" and method in ("GET", "HEAD"):
            return answer(200, {"week": self.week, "weeks": self.index.weeks})
        if path.startswith("/_zicht/week/") and method in ("PUT", "POST"):
            try:
                self.set_week(int(path.rsplit("/", 1)[1]))
            except (ValueError, ServeError) as error:
                return answer(400, {"error": str(error), "weeks": self.index.weeks})
            return answer(200, {"week": self.week, "weeks": self.index.weeks})
        return answer(404, {"error": f"unknown admin request {method} {path}"})

    # -- faults
    def fault(self, site: str, target: str) -> Fault | None:
        """Count this attempt at `target` and draw its fault."""
        if self.fault_rate <= 0:
            return None
        week = self.week
        with self._lock:
            key = (site, week, target)
            attempt = self._attempts.get(key, 0)
            self._attempts[key] = attempt + 1
        fault = draw_fault(self.index.seed, site, week, target, attempt, self.fault_rate)
        if fault and fault.kind == "slow":
            low, high = self.slow_seconds
            fault = Fault("slow", delay=low + (high - low) * fault.delay)
        return fault


# ----------------------------------------------------------------------------------------------- sockets

_UNAVAILABLE = (
    b'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>503</title></head>'
    b"<body><h1>Service tijdelijk niet beschikbaar</h1></body></html>"
)
_date_cache: list[Any] = [0, b""]


def _http_date() -> bytes:
    now = int(time.time())
    if _date_cache[0] != now:
        _date_cache[:] = [now, formatdate(now, usegmt=True).encode()]
    return _date_cache[1]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "zicht-sim/0.1"
    timeout = 60  # idle keep-alive connections are closed after this
    disable_nagle_algorithm = True
    server: _SiteHTTPServer

    def do_GET(self) -> None:  # noqa: N802
        self._serve()

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve()

    def do_PUT(self) -> None:  # noqa: N802
        self._drain()
        self._serve()

    do_POST = do_PUT

    def _drain(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)

    def _serve(self) -> None:
        app, site = self.server.app, self.server.site
        response = app.handle(site, self.command, self.path)
        body = response.body
        status = response.status
        fault = app.fault(site, self.path) if response.faultable else None
        if fault is not None:
            if fault.kind == "503":
                status, body = 503, _UNAVAILABLE
            elif fault.kind == "slow":
                time.sleep(fault.delay)
            else:
                body = body[: int(len(body) * fault.cut)]
        head = (
            f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n".encode()
            + b"Server: zicht-sim/0.1\r\nDate: "
            + _http_date()
            + f"\r\nContent-Type: {response.content_type}\r\nContent-Length: {len(body)}\r\n".encode()
            + (b"Retry-After: 1\r\n" if status == 503 else b"")
            + (b"Connection: close\r\n" if self.close_connection else b"")
            + b"\r\n"
        )
        self.wfile.write(head if self.command == "HEAD" else head + body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


class _SiteHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], site: str, app: SiteApp) -> None:
        self.site = site
        self.app = app
        self.open_sockets: set[socket.socket] = set()
        self._sockets_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._sockets_lock:
            self.open_sockets.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._sockets_lock:
            self.open_sockets.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)

    def drop_connections(self) -> None:
        with self._sockets_lock:
            sockets = list(self.open_sockets)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class SiteServer:
    """The three simulated sites served from a simulation directory, in background threads.

    Use as a context manager, or call close(). `port=0` lets the OS pick three free ports.
    """

    def __init__(
        self,
        sim_dir: Path,
        port: int = 0,
        fault_rate: float | None = None,
        *,
        host: str = "127.0.0.1",
        slow_seconds: tuple[float, float] = (0.5, 2.0),
    ) -> None:
        index = load_index(Path(sim_dir))
        rate = index.fault_rate if fault_rate is None else fault_rate
        if not 0 <= rate <= 1:
            raise ServeError(f"fault_rate {rate} is not between 0 and 1")
        self.app = SiteApp(index, rate, slow_seconds)
        self._host = host
        self._servers: list[_SiteHTTPServer] = []
        try:
            for offset, site in enumerate(SITES):
                self._servers.append(_SiteHTTPServer((host, port + offset if port else 0), site, self.app))
        except OSError as error:
            self._close_sockets()
            raise ServeError(
                f"cannot listen on {host}:{port + len(self._servers)}: {error.strerror}",
                hint="choose another --port, or 0 for free ports",
            ) from None
        self._threads = [
            threading.Thread(
                target=s.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True, name=f"site-{s.site}"
            )
            for s in self._servers
        ]
        for thread in self._threads:
            thread.start()

    @property
    def base_urls(self) -> dict[str, str]:
        return {s.site: f"http://{self._host}:{s.server_address[1]}" for s in self._servers}

    @property
    def weeks(self) -> int:
        return self.app.index.weeks

    @property
    def week(self) -> int:
        return self.app.week

    def set_week(self, n: int) -> None:
        self.app.set_week(n)

    def close(self) -> None:
        for server in self._servers:
            server.shutdown()
        for thread in self._threads:
            thread.join(timeout=5)
        self._close_sockets()

    def _close_sockets(self) -> None:
        for server in self._servers:
            server.drop_connections()
            server.server_close()

    def __enter__(self) -> SiteServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def serve_forever(sim_dir: Path, port: int, fault_rate: float | None) -> None:
    """Serve the simulated sites until interrupted (Ctrl-C); prints the three base URLs."""
    with SiteServer(sim_dir, port, fault_rate) as server:
        out = sys.stdout
        for site, url in server.base_urls.items():
            out.write(f"site {site}: {url}\n")
        first = server.base_urls["a"]
        out.write(
            f"week 0 of {server.weeks} (fault rate {server.app.fault_rate}); "
            f"change it with: curl -X PUT {first}/_zicht/week/N\n"
        )
        out.flush()
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            out.write("stopped\n")
