"""`crawl_run`: one measurement moment of every site, crawled in the worker process and archived as WARC.

The public API is callable any number of times from one process: each call sends a job to a long-lived
worker process (zicht.crawl.worker) that keeps Twisted's reactor running between runs.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from zicht.config import Config
from zicht.crawl.archive import load_manifest
from zicht.errors import CrawlError
from zicht.sites.schema import Adapter


@dataclass(frozen=True)
class SiteSummary:
    """One site in one run. `missing` = listed - ads (None when the site's total was not found)."""

    site: str
    listed: int | None
    found: int  # distinct ad codes on the overview pages
    ads: int  # distinct ad pages archived
    missing: int | None
    duplicates: int  # ad pages archived more than once (0 unless something is wrong)
    pages: int  # good responses archived (robots.txt, overview and ad pages)
    errors: int  # URLs that failed after retries
    retries: int  # responses that were retried (5xx, truncated)
    seconds: float
    layout_errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class RunSummary:
    """A crawl run (a measurement moment): where it is archived and how complete it is."""

    run_id: str
    started_at: str
    finished_at: str
    archive: Path
    manifest: Path
    sessions: int  # 1, or more when the run was resumed
    seconds: float  # of the last session
    complete: bool
    error: str | None
    sites: tuple[SiteSummary, ...]

    @property
    def pages(self) -> int:
        return sum(site.pages for site in self.sites)

    @classmethod
    def from_manifest(cls, archive: Path, run_id: str) -> RunSummary:
        manifest = load_manifest(archive, run_id)
        sites = tuple(
            SiteSummary(
                name,
                s["listed"],
                s["found"],
                s["ads"],
                s["missing"],
                s["duplicate_fetches"],
                s["pages"],
                s["errors"],
                s["retries"],
                s["seconds"],
                tuple(s["layout_errors"]),
            )
            for name, s in sorted(manifest["sites"].items())
        )
        return cls(
            run_id,
            manifest["started_at"],
            manifest["finished_at"],
            Path(archive),
            Path(archive) / run_id / "manifest.json",
            manifest["sessions"],
            manifest["seconds"],
            manifest["complete"],
            manifest["error"],
            sites,
        )


class CrawlWorker:
    """The parent's handle on one worker process (started lazily, reused for every run)."""

    def __init__(self) -> None:
        import zicht

        self.log: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        env = dict(os.environ)
        src = str(Path(zicht.__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
        self.proc = spawn_for_life(
            [sys.executable, "-m", "zicht.crawl.worker", "--parent", str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
            encoding="utf-8",
            bufsize=1,
            env=env,
        )
        self.pid = self.proc.pid
        self._read()  # the "ready" line

    def _died(self) -> CrawlError:
        self.proc.wait()
        self.log.seek(0)
        tail = " | ".join(self.log.read().strip().splitlines()[-3:])
        return CrawlError(
            f"crawl worker (pid {self.pid}) stopped with status {self.proc.returncode}"
            + (f": {tail}" if tail else ""),
            "resume the run with the same run id",
        )

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise self._died()
        message: dict[str, Any] = json.loads(line)
        return message

    def run(self, job: dict[str, Any], on_event: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps(job) + "\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise self._died() from None
        while True:
            message = self._read()
            if message["type"] in ("done", "error"):
                return message
            on_event(message)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self) -> None:
        if self.alive():
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def spawn_for_life(args: list[str], **popen: Any) -> subprocess.Popen[str]:
    """Popen from a thread that lives as long as this process.

    The worker asks Linux to kill it when its parent dies (PR_SET_PDEATHSIG), and Linux takes the *thread*
    that forked it for the parent: a worker started from a short-lived thread would die with that thread.
    """
    if threading.current_thread() is threading.main_thread():
        return subprocess.Popen(args, **popen)
    done: Future[subprocess.Popen[str]] = Future()
    _spawn_requests().put((args, popen, done))
    return done.result()


@functools.cache
def _spawn_requests() -> queue.Queue[tuple[list[str], dict[str, Any], Future[Any]]]:
    """The queue of a daemon thread that never ends and starts processes for other threads."""
    requests: queue.Queue[tuple[list[str], dict[str, Any], Future[Any]]] = queue.Queue()

    def serve() -> None:
        while True:
            args, popen, done = requests.get()
            try:
                done.set_result(subprocess.Popen(args, **popen))
            except BaseException as error:  # noqa: BLE001 - handed to the waiting thread
                done.set_exception(error)

    threading.Thread(target=serve, daemon=True, name="zicht-spawner").start()
    return requests


_lock = threading.Lock()
_worker: CrawlWorker | None = None


def current_worker() -> CrawlWorker:
    """The worker process, started on first use (and again after it died)."""
    global _worker
    if _worker is None or not _worker.alive():
        _worker = CrawlWorker()
    return _worker


@atexit.register
def shutdown_worker() -> None:
    global _worker
    if _worker is not None:
        _worker.close()
        _worker = None


def check_targets(adapters: list[Adapter], base_urls: dict[str, str], config: Config) -> list[Adapter]:
    """The adapters of the sites in `base_urls`, after checking URLs (and loopback when required)."""
    from zicht.crawl.net import is_loopback

    by_name = {adapter.name: adapter for adapter in adapters}
    unknown = sorted(set(base_urls) - set(by_name))
    if unknown:
        raise CrawlError(
            f"no adapter for site(s) {unknown}; adapters: {sorted(by_name)}",
            "add a YAML file with --adapters DIR",
        )
    if not base_urls:
        raise CrawlError("nothing to crawl: give at least one site base URL")
    for site, url in base_urls.items():
        if not url.startswith(("http://", "https://")):
            raise CrawlError(f"site {site}: base URL {url!r} must start with http:// or https://")
        if config.crawl.loopback_only and not is_loopback(url):
            raise CrawlError(f"site {site}: {url} is not a loopback address and crawl.loopback_only is set")
    return [by_name[site] for site in sorted(base_urls)]


def build_job(
    chosen: list[Adapter], base_urls: dict[str, str], run_id: str, archive: Path, config: Config
) -> dict[str, Any]:
    """The job line the worker reads: everything it needs to crawl the run, as JSON-ready values."""
    import zicht

    return {
        "run_id": run_id,
        "archive": str(Path(archive).resolve()),
        "software": f"zicht/{getattr(zicht, '__version__', '0.1')}",
        "crawl": config.crawl.model_dump(mode="json"),
        "sites": [
            {"name": a.name, "base_url": base_urls[a.name].rstrip("/"), "adapter": a.model_dump(mode="json")}
            for a in chosen
        ],
    }


def crawl_run(
    adapters: list[Adapter],
    base_urls: dict[str, str],
    run_id: str,
    archive: Path,
    config: Config,
    on_progress: Callable[[dict[str, Any]], None] | None = None,
) -> RunSummary:
    """Crawl every site in `base_urls` once as measurement moment `run_id`, archiving into ARCHIVE/run_id/.
    `on_progress` receives the worker's progress events ({"sites": {name: {listed, found, ads, errors}}}).

    Calling again with the same run_id resumes (pages already archived are not fetched again). Raises
    CrawlError when a site's selectors find nothing (its layout changed) or an overview page fails; the
    manifest is still written, marked with the error, and `iter_archived_ads` refuses such a run.
    """
    chosen = check_targets(adapters, base_urls, config)
    job = build_job(chosen, base_urls, run_id, archive, config)
    with _lock:
        reply = current_worker().run(job, on_progress or (lambda event: None))
    if reply["type"] == "error" and reply.get("crawl_error"):
        raise CrawlError(reply["message"], reply.get("hint"))
    if reply["type"] == "error":
        raise CrawlError(f"crawl run {run_id} failed in the worker: {reply['message']}")
    summary = RunSummary.from_manifest(Path(archive), run_id)
    if summary.error:
        raise CrawlError(f"run {run_id}: {summary.error}")
    return summary
