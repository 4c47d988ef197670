"""The weekly routine as a cron job runs it: `zicht run`, one measurement moment at a time, dated."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pytest

from zicht.config import Config, load_config
from zicht.errors import ZichtError
from zicht.evaluate.crawl import crawl_completeness
from zicht.locks import Busy, exclusive
from zicht.pipeline import moments_of_runs
from zicht.pipeline.weekly import run_moment
from zicht.simulate.market import simulate
from zicht.simulate.serve import SiteServer
from zicht.sites import load_adapters
from zicht.store import Moment, connect, replace_moment
from zicht.store.db import OBSERVATION_SCHEMA

START = dt.date(2020, 8, 25)


def _no_rows() -> pa.Table:
    return OBSERVATION_SCHEMA.empty_table()


def _weeks(store: Path) -> list[tuple[str, int]]:
    con = connect(store, read_only=True)
    try:
        return [
            (m, w) for m, w in con.execute("SELECT moment_id, week FROM moments ORDER BY week").fetchall()
        ]
    finally:
        con.close()


def test_weeks_follow_the_dates_whatever_order_moments_are_ingested_in(tmp_path: Path) -> None:
    store = tmp_path / "z.duckdb"
    con = connect(store)
    dates = [START + dt.timedelta(weeks=w) for w in (2, 0, 1)]
    for date in dates:  # one moment per call, as a weekly cron job (here out of order) ingests them
        replace_moment(con, Moment(date.isoformat(), 0, date), _no_rows())
    replace_moment(con, Moment(dates[1].isoformat(), 0, dates[1]), _no_rows())  # re-ingest moves nothing
    con.close()
    assert _weeks(store) == [(str(START + dt.timedelta(weeks=w)), w) for w in range(3)]


def _fake_run(archive: Path, run: str, started: str) -> None:
    (archive / run).mkdir(parents=True)
    (archive / run / "manifest.json").write_text(json.dumps({"started_at": started}), encoding="utf-8")


def test_runs_ingested_one_at_a_time_get_the_dates_of_one_batch(tmp_path: Path) -> None:
    for run in ("w000", "w001", "w002"):
        _fake_run(tmp_path, run, "2026-12-01T10:00:00+00:00")
    batch = moments_of_runs(tmp_path, None, "2020-08-25")
    one_by_one = [moments_of_runs(tmp_path, [m.moment_id], "2020-08-25")[0] for m in reversed(batch)]
    assert sorted(one_by_one, key=lambda m: m.moment_id) == batch
    assert [m.measured_on for m in batch] == [START + dt.timedelta(weeks=w) for w in range(3)]


def test_a_run_named_by_its_date_is_dated_by_it(tmp_path: Path) -> None:
    _fake_run(tmp_path, "2021-03-02", "2021-03-04T23:00:00+00:00")  # crawled two days late
    _fake_run(tmp_path, "adhoc", "2021-03-09T08:00:00+00:00")
    assert [m.measured_on for m in moments_of_runs(tmp_path, None, None)] == [
        dt.date(2021, 3, 2),
        dt.date(2021, 3, 9),
    ]


def test_a_second_holder_of_a_lock_fails_in_one_line(tmp_path: Path) -> None:
    with exclusive(tmp_path / "z.lock", "store z"):
        with pytest.raises(Busy) as caught, exclusive(tmp_path / "z.lock", "store z"):
            pass
    assert "store z is in use" in caught.value.one_line()
    with exclusive(tmp_path / "z.lock", "store z"):  # released when its holder is done
        pass


@pytest.fixture(scope="module")
def market(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> tuple[Path, Config]:
    sim = tmp_path_factory.mktemp("market")
    config = load_config(None, scale=0.02, weeks=4, seed=5, fault_rate=0.05)
    simulate(config, sim, data_dir)
    return sim, config


def test_weekly_runs_measure_each_moment_once_in_date_order(
    market: tuple[Path, Config], tmp_path: Path, data_dir: Path
) -> None:
    sim, config = market
    store, archive = tmp_path / "z.duckdb", tmp_path / "archive"
    adapters = load_adapters()
    with SiteServer(sim) as server:
        for week in (0, 1, 2, 1):  # week 1 twice: a rerun resumes and replaces
            server.set_week(week)
            result = run_moment(
                store, archive, adapters, server.base_urls, START + dt.timedelta(weeks=week), config, data_dir
            )
            assert result.crawl.complete and result.moment.week == week
    assert _weeks(store) == [(str(START + dt.timedelta(weeks=w)), w) for w in range(3)]
    rows = crawl_completeness(sim, store)
    assert {r["week"] for r in rows} == {0, 1, 2}
    assert sum(r["missing"] for r in rows) == 0 and sum(r["duplicates"] for r in rows) == 0


def test_an_incomplete_crawl_is_not_ingested_and_says_how_to_resume(
    market: tuple[Path, Config], tmp_path: Path, data_dir: Path
) -> None:
    sim, config = market
    flaky = config.model_copy(update={"crawl": config.crawl.model_copy(update={"retries": 0})})
    store = tmp_path / "z.duckdb"
    with SiteServer(sim, fault_rate=0.3) as server, pytest.raises(ZichtError) as caught:
        run_moment(store, tmp_path / "archive", load_adapters(), server.base_urls, START, flaky, data_dir)
    assert "\n" not in caught.value.one_line()
    assert not store.exists() or _weeks(store) == []
