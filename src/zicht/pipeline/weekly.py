"""`zicht run`: one measurement moment end to end, the way a weekly cron job runs Zicht.

crawl every configured site -> ingest the run -> relink the whole store -> (optionally) refresh the report.
The moment id is its date (YYYY-MM-DD); the store numbers weeks from the dates of its moments, so moments
ingested one week at a time get the weeks one batch would give. Rerunning a date resumes its crawl (pages
archived before are not fetched again) and replaces the moment in the store. One run per store and archive
at a time (zicht.locks). A moment is ingested only when its crawl is complete: a partial week would bias
every weekly measure, so an incomplete crawl stops here and the next run of the same date resumes it.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from zicht.config import Config
from zicht.crawl import RunSummary
from zicht.errors import CrawlError, ZichtError
from zicht.locks import exclusive
from zicht.pipeline import LinkSummary, ingest_runs, link_store
from zicht.sites.schema import Adapter
from zicht.store import Moment, connect

# A failed URL (all retries spent) is tried again in a second session before the moment counts as incomplete.
CRAWL_SESSIONS = 2

StageReport = Callable[[str, str], None]  # (stage, one line of summary)


class MomentIncomplete(ZichtError):
    """The crawl of a moment did not find every listed ad; the moment was not ingested."""


@dataclass(frozen=True)
class MomentResult:
    moment: Moment  # with its week among the store's moments
    crawl: RunSummary
    observations: int
    link: LinkSummary
    report: Path | None


def moment_id_of(date: dt.date) -> str:
    return date.isoformat()


def run_moment(
    store: Path,
    archive: Path,
    adapters: list[Adapter],
    base_urls: dict[str, str],
    date: dt.date,
    config: Config,
    data_dir: Path,
    report_dir: Path | None = None,
    on_stage: StageReport | None = None,
) -> MomentResult:
    """Measure one moment: crawl, ingest, relink, report. Raises MomentIncomplete when the crawl is not
    complete (nothing ingested), CrawlError when a site's layout changed."""
    say = on_stage or (lambda stage, line: None)
    moment_id = moment_id_of(date)
    with ExitStack() as locks:
        locks.enter_context(exclusive(Path(f"{store}.lock"), f"store {store}"))
        locks.enter_context(exclusive(Path(archive) / ".zicht-run.lock", f"archive {archive}"))
        crawl = _crawl(adapters, base_urls, moment_id, archive, config, say)
        started = time.perf_counter()
        ingested = ingest_runs(store, archive, [Moment(moment_id, 0, date)], data_dir, config, workers=1)
        for run, reason in ingested.failed:  # a damaged archive: say so, do not store a partial week
            hint = "move the run aside and run the date again"
            raise ZichtError(f"moment {run} was not ingested: {reason}", hint)
        moment, moments = _stored_moment(store, moment_id)
        say(
            "ingest",
            f"{ingested.observations:,} observations as week {moment.week} of {moments} moment(s) in "
            f"{time.perf_counter() - started:.1f} s",
        )
        started = time.perf_counter()
        linked = link_store(store, config)
        say(
            "link",
            f"Zicht {linked.zicht:,} advertisers ({linked.low:,.0f}-{linked.high:,.0f}), 2021 rules "
            f"{linked.baseline:,}, in {time.perf_counter() - started:.1f} s",
        )
        report = None
        if report_dir is not None:
            from zicht.report import write_report

            started = time.perf_counter()
            report = write_report(store, report_dir, config, data_dir).html
            say("report", f"{report} in {time.perf_counter() - started:.1f} s")
    return MomentResult(moment, crawl, ingested.observations, linked, report)


def _crawl(
    adapters: list[Adapter],
    base_urls: dict[str, str],
    moment_id: str,
    archive: Path,
    config: Config,
    say: StageReport,
) -> RunSummary:
    from zicht.crawl import crawl_run

    started = time.perf_counter()
    for session in range(1, CRAWL_SESSIONS + 1):
        try:
            summary = crawl_run(adapters, base_urls, moment_id, archive, config)
        except CrawlError:
            if session == CRAWL_SESSIONS:
                raise  # a changed layout, or an overview page that keeps failing
            continue
        if summary.complete:
            break
    sites = ", ".join(f"{s.site} {s.ads}/{'?' if s.listed is None else s.listed}" for s in summary.sites)
    state = "complete" if summary.complete else "INCOMPLETE"
    say(
        "crawl",
        f"{moment_id} {state}: ads {sites}; {summary.pages:,} pages, {sum(s.errors for s in summary.sites)} "
        f"failed URLs, {summary.sessions} session(s), {time.perf_counter() - started:.1f} s",
    )
    if not summary.complete:
        missing = sum(s.missing or 0 for s in summary.sites)
        raise MomentIncomplete(
            f"moment {moment_id} is incomplete ({missing} listed ads missing); it was not ingested",
            f"run `zicht run --date {moment_id}` again to resume the crawl",
        )
    return summary


def _stored_moment(store: Path, moment_id: str) -> tuple[Moment, int]:
    """The moment as stored (its week follows from the dates) and how many moments the store holds."""
    con = connect(store, read_only=True)
    try:
        row = con.execute(
            "SELECT moment_id, week, measured_on, (SELECT count(*) FROM moments) FROM moments "
            "WHERE moment_id = ?",
            [moment_id],
        ).fetchone()
    finally:
        con.close()
    assert row is not None, moment_id
    return Moment(row[0], row[1], row[2]), int(row[3])
