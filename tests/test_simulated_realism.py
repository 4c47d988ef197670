"""The simulator's realism keys: one worker's ads state her age, price, origin and name differently, as real
advertisers do, while the default market stays exactly as it was (every key defaults to 0)."""

from __future__ import annotations

from collections import defaultdict

import pyarrow as pa
import pytest

from zicht.config import load_config
from zicht.refdata import ReferenceData
from zicht.simulate.market import build_market

SETTINGS = {"scale": 0.1, "weeks": 12, "seed": 7}


def _ads(reference: ReferenceData, **realism: float) -> pa.Table:
    return build_market(load_config(None, **SETTINGS, **realism), reference).ads


def _workers_stating_several(ads: pa.Table, column: str) -> int:
    """Workers whose ads state more than one different value of `column` (a stated null left out)."""
    stated: dict[str, set[object]] = defaultdict(set)
    for row in ads.select(["worker_id", column]).to_pylist():
        if row[column] is not None:
            stated[row["worker_id"]].add(row[column])
    return sum(len(values) > 1 for values in stated.values())


def _workers_omitting(ads: pa.Table) -> int:
    """Workers who state an origin on one ad and none on another."""
    seen: dict[str, set[bool]] = defaultdict(set)
    for row in ads.select(["worker_id", "stated_origin_country"]).to_pylist():
        seen[row["worker_id"]].add(row["stated_origin_country"] is None)
    return sum(len(kinds) == 2 for kinds in seen.values())


def test_every_realism_key_is_off_by_default() -> None:
    """The default market is the calibrated one: no key changes it unless a config sets it."""
    config = load_config(None)
    keys = ("age_shading_rate", "price_drift_rate", "origin_omission_rate", "name_variant_rate")
    assert [getattr(config, key) for key in keys] == [0, 0, 0, 0]


@pytest.mark.parametrize(
    ("key", "measure"),
    [
        ("age_shading_rate", lambda ads: _workers_stating_several(ads, "stated_age")),
        ("price_drift_rate", lambda ads: _workers_stating_several(ads, "price_per_hour")),
        ("name_variant_rate", lambda ads: _workers_stating_several(ads, "display_name")),
        ("origin_omission_rate", _workers_omitting),
    ],
)
def test_each_key_makes_one_worker_s_ads_disagree(reference: ReferenceData, key: str, measure) -> None:  # type: ignore[no-untyped-def]
    assert measure(_ads(reference, **{key: 0.5})) > 2 * measure(_ads(reference)) + 10
