"""`zicht compare`: before against after, with an interval that finds a known change and little else."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zicht.cli import _register_stage_commands, app
from zicht.config import load_config
from zicht.evaluate.dedupe import store_from_truth
from zicht.link import link_baseline, link_zicht
from zicht.measure.compare import MeasureRow, Period, compare_connections
from zicht.simulate.market import simulate

_register_stage_commands()

ROTTERDAM = "GM0599"
CHANGE = {"from_week": 8, "municipality": ROTTERDAM, "type": "home", "factor": 0.6}


@pytest.fixture(scope="module")
def changed_market(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> list[MeasureRow]:
    sim = tmp_path_factory.mktemp("changed")
    config = load_config(None, scale=0.3, weeks=16, seed=6, changes=[CHANGE])
    simulate(config, sim, data_dir)
    con = store_from_truth(sim, b"k" * 32)
    link_baseline(con)
    link_zicht(con)
    start = dt.date.fromisoformat(config.start_date)
    week = lambda n: start + dt.timedelta(weeks=n)  # noqa: E731
    return compare_connections(
        con, None, Period(week(0), week(7)), Period(week(8), week(15)), replicates=300, seed=2
    )


def _row(rows: list[MeasureRow], measure: str, municipality: str | None) -> MeasureRow:
    return next(r for r in rows if r.measure == measure and r.municipality == municipality)


def test_a_known_drop_is_flagged_with_about_its_size(changed_market: list[MeasureRow]) -> None:
    home = _row(changed_market, "active_home_ads_per_week", ROTTERDAM)
    assert home.flagged and home.relative is not None and -0.6 <= home.relative <= -0.2


def test_unchanged_municipal_measures_are_rarely_flagged(changed_market: list[MeasureRow]) -> None:
    """Measures of municipalities the change did not touch: at most 10% flagged (chance alone gives ~5%)."""
    untouched = [r for r in changed_market if r.municipality not in (None, ROTTERDAM) and not r.suppressed]
    assert len(untouched) > 50
    assert sum(r.flagged for r in untouched) / len(untouched) <= 0.10


def test_small_cells_publish_nothing(changed_market: list[MeasureRow]) -> None:
    for row in changed_market:
        if row.suppressed:
            assert (row.before, row.after, row.difference, row.interval, row.flagged) == (
                None,
                None,
                None,
                None,
                False,
            )


def test_periods_are_checked_in_one_line(tmp_path: Path) -> None:
    store = tmp_path / "z.duckdb"
    store.touch()
    for before in ("2021-01-05", "2021-02-01:2021-01-01", "yesterday:today"):
        result = CliRunner().invoke(
            app, ["compare", "--store", str(store), "--before", before, "--after", "2021-03-01:2021-03-31"]
        )
        assert result.exit_code == 2 and "--before" in result.output and "Traceback" not in result.output


def test_compare_json_has_the_interfaces_shape(changed_market: list[MeasureRow]) -> None:
    payload = json.loads(json.dumps({"measures": [r.as_json() for r in changed_market]}))
    needed = {"measure", "municipality", "before", "after", "difference", "interval", "flagged"}
    assert all(needed <= set(row) for row in payload["measures"])
    measures = {r["measure"] for r in payload["measures"] if r["municipality"] is None}
    assert {"active_ads_per_week", "active_home_ads_per_week", "active_escort_ads_per_week"} <= measures
    assert "active_massage_ads_per_week" in measures


def test_no_count_under_the_threshold_is_published(changed_market: list[MeasureRow]) -> None:
    counts = [r for r in changed_market if r.measure.endswith("_per_week") and not r.suppressed]
    assert counts and all(min(r.before or 0, r.after or 0) >= 10 for r in counts)


def test_two_stores_compare_a_measurement_with_a_later_one(tmp_path: Path) -> None:
    """A 2021 measurement against a later one: two stores, their advertisers drawn independently."""
    from zicht.measure.testing import make_store

    first = make_store(tmp_path / "2021.duckdb", advertisers=200, moments=6, seed=3)
    later = make_store(
        tmp_path / "2025.duckdb", advertisers=200, moments=6, seed=4, start=dt.date(2025, 1, 7)
    )
    result = CliRunner().invoke(
        app,
        [
            "compare",
            "--store",
            str(first),
            "--store-after",
            str(later),
            "--before",
            "2020-08-25:2020-10-06",
            "--after",
            "2025-01-07:2025-02-18",
            "--json",
            "--replicates",
            "100",
        ],
    )
    assert result.exit_code == 0, result.output
    national = {r["measure"]: r for r in json.loads(result.output)["measures"] if r["municipality"] is None}
    active = national["active_ads_per_week"]
    assert active["before"] > 0 and active["after"] > 0
    assert active["interval"][0] <= active["difference"] <= active["interval"][1]
