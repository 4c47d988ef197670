"""The crawl worker process: `python -m zicht.crawl.worker` runs crawl jobs read from stdin.

Twisted's reactor cannot be restarted within a process, and the demo crawls 52 weeks from one Python
process. So crawls run in this child process, which keeps one reactor running and takes one JSON job per
line on stdin; it answers with JSON lines on stdout ("progress" events, then "done" or "error"). Scrapy's
log goes to ARCHIVE/<run_id>/crawl.log; anything else it prints goes to stderr. The parent
(zicht.crawl.run) starts the worker once and reuses it, so a run costs no interpreter or Scrapy start-up.

The worker never outlives its parent: on Linux the kernel kills it when the parent dies (PR_SET_PDEATHSIG),
and anywhere it exits at once when its stdin reaches EOF, even mid-run. An orphan that kept crawling would
write the run behind the back of a resumed crawl. (The journal is written record by record, so a run
stopped at any instant resumes cleanly.)
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any, TextIO

from zicht.processes import die_with_parent

SCRAPY_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
EXIT_PARENT_GONE = 3


def build_manifest(job: dict[str, Any], states: list[Any], archive: Any, seconds: float) -> dict[str, Any]:
    """The run manifest from the spider's view of each site and the archive's journal."""
    from zicht.crawl.archive import utc_now, warc_name

    fetched, failed, retries = archive.outcome()
    sessions = [e for e in archive.entries if e.get("t") == "note" and "session_started" in e]
    sites: dict[str, Any] = {}
    errors: list[str] = []
    for state in states:
        ad_rows = [r for r in fetched if r["site"] == state.name and r["kind"] == "ad"]
        ad_codes = [r["site_ad_id"] for r in ad_rows]
        fatal = list(state.fatal)
        if state.ads_read:
            for name in state.adapter.ad.required:
                lacking = state.ads_read - state.coverage[name]
                if lacking * 2 > state.ads_read:
                    spec = state.adapter.ad.fields[name]
                    where = f"selector {spec.selector!r}" if spec.selector else f"label {spec.label!r}"
                    fatal.append(
                        f"site {state.name}: field {name!r} ({where}) found nothing on {lacking} of "
                        f"{state.ads_read} ad pages"
                    )
            if (state.ads_read - state.text_found) * 2 > state.ads_read:
                fatal.append(
                    f"site {state.name}: text selector {state.adapter.ad.text!r} found nothing on "
                    f"{state.ads_read - state.text_found} of {state.ads_read} ad pages"
                )
        errors.extend(fatal)
        listed = state.listed
        sites[state.name] = {
            "base_url": state.base_url,
            "warc_file": f"{job['run_id']}/{warc_name(state.name)}",
            "listed": listed,
            "found": len(state.codes),
            "ads": len(set(ad_codes)),
            "missing": None if listed is None else max(listed - len(set(ad_codes)), 0),
            "duplicate_fetches": len(ad_codes) - len(set(ad_codes)),
            "duplicate_listings": sum(n - 1 for n in state.listings.values() if n > 1),
            "overview_pages": state.overview_pages,
            "pages": sum(1 for r in fetched if r["site"] == state.name),
            "errors": sum(1 for r in failed if r["site"] == state.name),
            "retries": retries.get(state.name, 0),
            "seconds": round((state.last or state.started or 0) - (state.started or 0), 3),
            "field_coverage": dict(sorted(state.coverage.items())),
            "code_mismatch": state.code_mismatch,
            "layout_errors": fatal,
            "adapter": state.adapter.model_dump(mode="json"),
        }
    complete = not errors and not failed and all(s["missing"] == 0 for s in sites.values())
    return {
        "run_id": job["run_id"],
        "started_at": sessions[0]["session_started"] if sessions else utc_now(),
        "finished_at": utc_now(),
        "sessions": len(sessions),
        "seconds": round(seconds, 3),
        "user_agent": job["crawl"]["user_agent"],
        "software": job.get("software", "zicht"),
        "complete": complete,
        "error": "; ".join(errors) or None,
        "sites": sites,
        "fetched": fetched,
        "failed": failed,
    }


class Worker:
    """Runs jobs on one reactor; every method but `submit` runs in the reactor thread."""

    def __init__(self, out: TextIO) -> None:
        from scrapy.crawler import AsyncCrawlerRunner
        from scrapy.utils.log import configure_logging

        configure_logging({"LOG_INSTALL_ROOT_HANDLER": False})
        logging.basicConfig(
            level=logging.WARNING,
            stream=sys.stderr,
            format="%(asctime)s [%(name)s] %(levelname)s: %(message)s",
        )
        self.out = out
        self.active = 0
        self.runner = AsyncCrawlerRunner({"TWISTED_REACTOR": SCRAPY_REACTOR})

    def send(self, message: dict[str, Any]) -> None:
        self.out.write(json.dumps(message) + "\n")
        self.out.flush()

    def start_job(self, line: str) -> None:
        try:
            job = json.loads(line)
            self._start(job)
        except Exception as error:  # noqa: BLE001 - reported to the parent, the worker keeps serving
            self.send(error_reply(error))

    def _start(self, job: dict[str, Any]) -> None:
        from zicht.crawl.archive import RunArchive

        archive = RunArchive(Path(job["archive"]), job["run_id"], job.get("software", "zicht"))
        try:
            self._crawl(job, archive)
        except Exception:
            archive.close()  # releases the run's writer lock
            raise

    def _crawl(self, job: dict[str, Any], archive: Any) -> None:
        from scrapy.crawler import Crawler

        from zicht.crawl.archive import utc_now
        from zicht.crawl.spider import SiteState, ZichtSpider, scrapy_settings
        from zicht.sites.schema import Adapter

        archive.note(session_started=utc_now())
        log = logging.FileHandler(archive.dir / "crawl.log", encoding="utf-8")
        log.setLevel(logging.INFO)
        log.setFormatter(logging.Formatter("%(asctime)s [%(name)s] %(levelname)s: %(message)s"))
        scrapy_log = logging.getLogger("scrapy")
        scrapy_log.setLevel(logging.INFO)
        scrapy_log.addHandler(log)
        scrapy_log.propagate = False
        states = [
            SiteState(s["name"], s["base_url"], Adapter.model_validate(s["adapter"])) for s in job["sites"]
        ]
        crawler = Crawler(ZichtSpider, scrapy_settings(job["crawl"], len(states)))
        started = time.perf_counter()
        task = self.runner.crawl(crawler, sites=states, archive=archive, emit=self.send)
        self.active += 1

        def finished(done: Any) -> None:
            self.active -= 1
            scrapy_log.removeHandler(log)
            log.close()
            try:
                error = done.exception()
                if error is not None:
                    raise error
                manifest = build_manifest(job, states, archive, time.perf_counter() - started)
                path = archive.write_manifest(manifest)  # before close(): still under the writer lock
                archive.close()
                self.send({"type": "done", "manifest": str(path)})
            except Exception as error:  # noqa: BLE001
                archive.close()
                self.send(error_reply(error))

        task.add_done_callback(finished)

    def stdin_closed(self) -> None:
        """The parent is gone (or done with us): stop now, also in the middle of a run."""
        if not self.active:
            self.stop()
            return
        sys.stderr.write("crawl worker: parent gone, stopping mid-run (resume with the same run id)\n")
        sys.stderr.flush()
        os._exit(EXIT_PARENT_GONE)  # called in the reactor thread, so between two whole archive writes

    def stop(self) -> None:
        reactor = _reactor()
        reactor.callLater(0, reactor.stop)


def error_reply(error: Exception) -> dict[str, Any]:
    """The "error" line for the parent; a CrawlError keeps its one-line message and hint."""
    from zicht.errors import CrawlError

    if isinstance(error, CrawlError):
        return {"type": "error", "crawl_error": True, "message": error.message, "hint": error.hint}
    return {"type": "error", "message": f"{type(error).__name__}: {error}", "trace": traceback.format_exc()}


def _reactor() -> Any:
    from twisted.internet import reactor

    return reactor


def main() -> None:
    if "--parent" in sys.argv:
        die_with_parent(int(sys.argv[sys.argv.index("--parent") + 1]), exit_code=EXIT_PARENT_GONE)
    from scrapy.utils.reactor import install_reactor

    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # whatever else prints goes to stderr, stdout stays the protocol channel
    sys.stdout = sys.stderr
    install_reactor(SCRAPY_REACTOR)
    reactor = _reactor()
    worker = Worker(out)

    def read_jobs() -> None:
        for line in sys.stdin:
            if line.strip():
                reactor.callFromThread(worker.start_job, line)
        reactor.callFromThread(worker.stdin_closed)

    threading.Thread(target=read_jobs, daemon=True, name="jobs").start()
    reactor.callWhenRunning(worker.send, {"type": "ready", "pid": os.getpid()})
    reactor.run(installSignalHandlers=False)


if __name__ == "__main__":
    main()
