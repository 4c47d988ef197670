"""The whole chain as library calls: simulate -> serve -> crawl -> extract/store -> link -> measure -> report.

Each stage maps records to records; this module only chains them, so `zicht demo` and users' own scripts run
the same code.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from zicht.config import Config
from zicht.errors import CrawlError, InputError
from zicht.models import AdInput, AdRecord
from zicht.processes import die_with_parent
from zicht.store import Moment, connect, observation_rows, replace_moment
from zicht.store.pseudonyms import store_secret

BatchExtractor = Callable[[list[AdInput]], list[AdRecord]]


def make_extractor(data_dir: Path) -> BatchExtractor:
    """Extraction of a batch of ads with the place index of the reference data, built once."""
    from zicht.extract import PlaceIndex, extract_ads

    places = PlaceIndex.from_data_dir(data_dir)
    return lambda ads: extract_ads(ads, places)


class Remembering:
    """Extraction is a pure function of the ad, and most ads are unchanged from one week to the next: extract
    each distinct ad content once per process. `prime` extracts a run's new contents as one batch (faster
    than one by one: see zicht.extract.extract_ads); calling it with one ad extracts what prime left out."""

    def __init__(self, extract_many: BatchExtractor) -> None:
        self.extract_many = extract_many
        self.seen: dict[tuple[str, str, frozenset[tuple[str, str]]], AdRecord] = {}

    @staticmethod
    def key(ad: AdInput) -> tuple[str, str, frozenset[tuple[str, str]]]:
        return (ad.id, ad.text, frozenset(ad.fields.items()))

    def prime(self, ads: Iterable[AdInput]) -> None:
        new: dict[tuple[str, str, frozenset[tuple[str, str]]], AdInput] = {}
        for ad in ads:
            key = self.key(ad)
            if key not in self.seen:
                new[key] = ad
        self.seen.update(zip(new, self.extract_many(list(new.values())), strict=True))

    def __call__(self, ad: AdInput) -> AdRecord:
        key = self.key(ad)
        if key not in self.seen:
            self.prime([ad])
        return self.seen[key]


def secret_path(store: Path, config: Config) -> Path:
    return Path(config.store.secret_file) if config.store.secret_file else Path(f"{store}.secret")


# One extractor per worker process: building the place index and language detector is the expensive part.
_worker_extract: Remembering | None = None


def _init_worker(data_dir: Path, parent: int) -> None:
    global _worker_extract
    die_with_parent(parent, signal.SIGTERM)
    _worker_extract = Remembering(make_extractor(data_dir))


def _extract_run(archive: Path, moment_id: str, secret: bytes) -> pa.Table:
    from zicht.crawl import iter_archived_ads
    from zicht.link.textsig import text_signature

    assert _worker_extract is not None
    items = list(iter_archived_ads(archive, moment_id))
    _worker_extract.prime(ad for _, _, ad in items)
    return observation_rows(moment_id, items, _worker_extract, secret, text_signature)


@dataclass(frozen=True)
class IngestSummary:
    moments: int  # moments stored
    observations: int
    failed: tuple[tuple[str, str], ...] = ()  # (run id, one-line reason) of each run that could not be read


def ingest_runs(
    store: Path,
    archive: Path,
    moments: Iterable[Moment],
    data_dir: Path,
    config: Config,
    workers: int = 2,
    on_moment: Callable[[Moment, int], None] | None = None,
) -> IngestSummary:
    """Read archived runs (WARC), extract and pseudonymise in `workers` processes, store each moment.

    A run that cannot be read (a failed crawl, a missing or broken manifest) is skipped and listed in
    `failed`; the other runs are stored."""
    from zicht.runids import check_run_id

    moments = list(moments)
    for moment in moments:
        check_run_id(moment.moment_id)  # a run id is a folder name in the archive
    con = connect(store)  # first: a file that is not a store must not get a secret beside it
    total, failed = 0, []
    try:
        secret = store_secret(con, secret_path(store, config))
        with _worker_pool(workers, data_dir) as pool:
            futures = [pool.submit(_extract_run, archive, m.moment_id, secret) for m in moments]
            for moment, future in zip(moments, futures, strict=True):
                try:
                    rows = future.result()
                except (CrawlError, InputError) as error:
                    failed.append((moment.moment_id, error.one_line()))
                    continue
                count = replace_moment(con, moment, rows)
                total += count
                if on_moment:
                    on_moment(moment, count)
    finally:
        con.close()
    return IngestSummary(len(moments) - len(failed), total, tuple(failed))


@contextmanager
def _worker_pool(workers: int, data_dir: Path) -> Iterator[ProcessPoolExecutor]:
    """Extraction processes started by this one (so that they die with it, see die_with_parent); on an error
    or Ctrl-C, runs not yet started are cancelled instead of awaited. Started with spawn, not fork: forking a
    process whose other threads (a crawl worker's spawner, a served site, DuckDB's) hold locks can crash the
    child."""
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(data_dir, os.getpid())
    )
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def archived_runs(archive: Path) -> list[str]:
    """Every run in the archive that has a manifest, sorted by id."""
    return sorted(p.name for p in Path(archive).iterdir() if (p / "manifest.json").is_file())


def moment_date(archive: Path, run: str) -> dt.date:
    """A run's measurement date: the run id when it is a date (as `zicht run` names moments), else the day
    its crawl started."""
    from zicht.crawl import load_manifest

    try:
        return dt.date.fromisoformat(run)
    except ValueError:
        return dt.datetime.fromisoformat(load_manifest(archive, run)["started_at"]).date()


def moments_of_runs(archive: Path, runs: list[str] | None, start_date: str | None) -> list[Moment]:
    """Moments of archived runs, each dated on its own (never by its place on the command line).

    With `start_date` (simulated runs), a run's date is start_date plus a week per run before it among all
    runs of the archive sorted by id, so ingesting runs one at a time dates them as one batch would. The
    store numbers weeks from the dates (zicht.store.db.renumber_weeks)."""
    from zicht.errors import InputError

    try:
        start = dt.date.fromisoformat(start_date) if start_date else None
    except ValueError:
        raise InputError(f"--start-date must be a date like 2020-08-25, not {start_date!r}") from None
    every_run = archived_runs(archive)
    moments = []
    for run in runs or every_run:
        if start is not None and run in every_run:
            measured_on = start + dt.timedelta(weeks=every_run.index(run))
        else:
            measured_on = moment_date(archive, run)
        moments.append(Moment(run, 0, measured_on))
    return moments


def moment_for_week(config: Config, week: int) -> Moment:
    start = dt.date.fromisoformat(config.start_date)
    return Moment(f"w{week:03d}", week, start + dt.timedelta(weeks=week))


@dataclass(frozen=True)
class LinkSummary:
    baseline: int
    zicht: int
    low: float
    high: float
    shared_contact_groups: int


def link_store(store: Path, config: Config | None = None) -> LinkSummary:
    """Run the 2021 rules and Zicht's entity resolution (config's [link]) on the store and record the
    advertiser counts."""
    import json

    from zicht.link import link_baseline, link_zicht

    con = connect(store)
    try:
        link_baseline(con)
        result = link_zicht(con, config.link if config else None)
        baseline = con.execute(
            "SELECT count(DISTINCT advertiser_key) FROM ad_links WHERE method = 'baseline'"
        ).fetchall()[0]
        summary = LinkSummary(
            int(baseline[0]),
            result.estimate.point,
            result.estimate.low,
            result.estimate.high,
            result.shared_contact_groups,
        )
        counts = {
            "baseline": summary.baseline,
            "zicht": summary.zicht,
            "zicht_low": summary.low,
            "zicht_high": summary.high,
        }
        con.execute("INSERT OR REPLACE INTO meta VALUES ('advertisers', ?)", [json.dumps(counts)])
    finally:
        con.close()
    return summary
