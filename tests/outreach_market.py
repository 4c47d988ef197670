"""A small simulated market (store + archive) for the outreach app's tests, dated up to today so its raw pages
are within retention; plus the same store as it was one week earlier ("last week's store")."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from zicht.config import load_config

WEEKS = 4


@dataclass(frozen=True)
class Market:
    root: Path
    sim: Path
    archive: Path
    store: Path  # every week
    store_before: Path  # the same store without its last moment: "last week"


def build_market(out: Path, data_dir: Path) -> Market:
    from zicht.crawl import crawl_run
    from zicht.pipeline import ingest_runs, link_store, moment_for_week
    from zicht.simulate.market import simulate
    from zicht.simulate.serve import SiteServer
    from zicht.sites import load_adapters

    start = dt.date.today() - dt.timedelta(weeks=WEEKS - 1)
    config = load_config(
        None, weeks=WEEKS, scale=0.03, seed=11, repost_rate=0.3, start_date=start.isoformat()
    )
    sim, archive, store = out / "sim", out / "archive", out / "zicht.duckdb"
    simulate(config, sim, data_dir)
    moments = [moment_for_week(config, week) for week in range(WEEKS)]
    with SiteServer(sim) as server:
        for moment in moments:
            server.set_week(moment.week)
            crawl_run(load_adapters(), server.base_urls, moment.moment_id, archive, config, progress=False)
    ingest_runs(store, archive, moments, data_dir, config)
    link_store(store)
    before = out / "zicht-before.duckdb"
    shutil.copyfile(store, before)
    con = duckdb.connect(str(before))
    last = moments[-1].moment_id
    con.execute("DELETE FROM observations WHERE moment_id = ?", [last])
    con.execute("DELETE FROM moments WHERE moment_id = ?", [last])
    con.close()
    return Market(out, sim, archive, store, before)
