"""`[[changes]]` in the simulator: a known policy effect, so comparisons can be checked against truth."""

from __future__ import annotations

from collections import Counter

import pytest

from zicht.config import load_config
from zicht.errors import ConfigError
from zicht.refdata import ReferenceData
from zicht.simulate.market import MarketTables, build_market

CHANGE = {"from_week": 4, "municipality": "GM0599", "type": "home", "factor": 0.6}


def _listed(tables: MarketTables) -> Counter[tuple[int, bool]]:
    """Listings per (week, the ad is placed in Rotterdam by a worker offering home visits)."""
    workers = {w["worker_id"]: w for w in tables.workers.to_pylist()}
    ads: dict[tuple[str, str], dict] = {}
    for ad in tables.ads.to_pylist():
        ads.setdefault((ad["site"], ad["site_ad_id"]), ad)  # a shared ad: its first worker posts it
    counts: Counter[tuple[int, bool]] = Counter()
    for row in tables.listings.to_pylist():
        ad = ads[row["site"], row["site_ad_id"]]
        worker = workers[ad["worker_id"]]
        where = ad["municipality_code"] or worker["municipality_code"]  # an ad naming no place is still there
        counts[row["week"], where == "GM0599" and "home" in worker["types"]] += 1
    return counts


def test_a_change_scales_the_matching_ads_from_its_week_and_nothing_else(reference: ReferenceData) -> None:
    settings = {"scale": 0.3, "weeks": 8, "seed": 4}
    before = _listed(build_market(load_config(None, **settings), reference))
    after = _listed(build_market(load_config(None, **settings, changes=[CHANGE]), reference))
    for week in range(8):
        assert after[week, False] == before[week, False]  # every other ad as without the change
    assert all(after[week, True] == before[week, True] for week in range(4))
    ratio = sum(after[w, True] for w in range(4, 8)) / sum(before[w, True] for w in range(4, 8))
    assert 0.5 < ratio < 0.7


@pytest.mark.parametrize(
    "bad",
    [
        {**CHANGE, "factor": 1.5},
        {**CHANGE, "municipality": "Rotterdam"},
        {**CHANGE, "type": "club"},
        {k: v for k, v in CHANGE.items() if k != "from_week"},
    ],
)
def test_a_bad_change_is_named_in_one_line(bad: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match="changes"):
        load_config(None, changes=[bad])
