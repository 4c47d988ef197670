"""A small local ad site (site a's markup) for the crawl hardening tests, and helpers to crawl it.

The site can hold ad pages back until the test releases them (to kill a crawl mid-way without racing a
slow site) and serve extra routes (redirects, oversized pages, hostile markup).
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from zicht.config import Config, load_config

AD_PAGE = (Path(__file__).resolve().parent / "sites" / "a" / "ad-1.html").read_text(encoding="utf-8")
ROBOTS = b"User-agent: *\nDisallow: /account/\n"
HOLD_LIMIT = 60.0  # a held page is served anyway after this long, so a failing test cannot hang


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    chunked: bool = False  # stream the body without a Content-Length


@dataclass
class AdSite:
    """Site a with `n_ads` ads; ads after the first `serve_before_hold` wait until `release()`."""

    n_ads: int = 6
    per_page: int = 50
    serve_before_hold: int | None = None
    routes: dict[str, Callable[[], Reply]] = field(default_factory=dict)
    ad_html: Callable[[str], str] | None = None  # replaces the ad page of every code
    served_ads: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    released: threading.Event = field(default_factory=threading.Event)

    def code(self, i: int) -> str:
        return f"K{i:07d}"

    def codes(self) -> list[str]:
        return [self.code(i) for i in range(1, self.n_ads + 1)]

    def release(self) -> None:
        self.released.set()

    def overview(self, page: int) -> bytes:
        codes = self.codes()[(page - 1) * self.per_page : page * self.per_page]
        items = "".join(
            f'<li class="ad-card"><a class="ad-card__link" href="/advertentie/{c}">{c}</a></li>'
            for c in codes
        )
        more = page * self.per_page < self.n_ads
        nxt = (
            f'<a class="pagination__next" href="/advertenties?pagina={page + 1}">Volgende</a>' if more else ""
        )
        return (
            '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>'
            f'<p class="result-count"><span id="total">{self.n_ads}</span> advertenties</p>'
            f'<ul class="ad-list">{items}</ul><nav>{nxt}</nav></body></html>\n'
        ).encode()

    def ad(self, code: str) -> bytes:
        with self.lock:
            self.served_ads += 1
            hold = self.serve_before_hold is not None and self.served_ads > self.serve_before_hold
        if hold:
            self.released.wait(HOLD_LIMIT)
        html = self.ad_html(code) if self.ad_html else AD_PAGE.replace("K4105052", code)
        return html.encode()

    def respond(self, path: str) -> Reply:
        if path in self.routes:
            return self.routes[path]()
        if path == "/robots.txt":
            return Reply(body=ROBOTS, headers={"Content-Type": "text/plain"})
        if path == "/advertenties" or path.startswith("/advertenties?pagina="):
            return Reply(body=self.overview(int(path.rsplit("=", 1)[1]) if "=" in path else 1))
        if path.startswith("/advertentie/K"):
            return Reply(body=self.ad(path.rsplit("/", 1)[1]))
        return Reply(404, b"<html><body>niet gevonden</body></html>\n")


@contextmanager
def serve(respond: Callable[[str], Reply]) -> Iterator[str]:
    """Serve `respond(path)` on a free loopback port; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            reply = respond(self.path)
            self.send_response(reply.status)
            headers = {"Content-Type": "text/html; charset=utf-8", **reply.headers}
            for name, value in headers.items():
                self.send_header(name, value)
            if reply.chunked:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for start in range(0, len(reply.body), 65536):
                    chunk = reply.body[start : start + 65536]
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
            else:
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.handle_error = lambda request, address: None  # type: ignore[method-assign]  # clients that left
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def make_config(**crawl: Any) -> Config:
    config = load_config(None)
    settings = {"loopback_only": True, "autothrottle": False, "concurrency_per_site": 2, **crawl}
    return config.model_copy(update={"crawl": config.crawl.model_copy(update=settings)})


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    """Poll `condition` until it holds; fail naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def journaled_ads(run_dir: Path) -> int:
    journal = run_dir / "journal.jsonl"
    return journal.read_text(encoding="utf-8").count('"kind": "ad"') if journal.exists() else 0


def is_running(pid: int) -> bool:
    """Whether `pid` is a live process (a zombie nobody reaped yet counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def lock_is_free(run_dir: Path) -> bool:
    """Whether nobody holds the run's writer lock (a killed process holds it until its last thread ends,
    which can be after /proc shows the process as a zombie)."""
    with open(run_dir / "writer.lock", "a", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True  # closing the file releases it again


def worker_children(parent: int) -> list[int]:
    """Pids of crawl worker processes whose parent is `parent`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="utf-8")
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == parent and b"zicht.crawl.worker" in cmdline:
            found.append(int(entry.name))
    return found


def response_records(warc: Path) -> dict[int, tuple[str, str]]:
    """offset -> (record type, target URL) of every record in a WARC file."""
    out = {}
    with open(warc, "rb") as handle:
        records = ArchiveIterator(handle)
        for record in records:
            kind, url = record.rec_type, record.rec_headers.get_header("WARC-Target-URI")
            out[records.get_record_offset()] = (kind, url)
    return out


def child_env() -> dict[str, str]:
    """The environment for a child Python process that imports zicht from this checkout."""
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    return env
