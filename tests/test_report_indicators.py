"""The report's indicators section: shares of ads per moment and municipality, with each weakness beside."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa

from zicht.refdata import ReferenceData
from zicht.report.sections import indicator_texts, indicators_section
from zicht.store import Moment, connect, replace_moment
from zicht.store.db import OBSERVATION_SCHEMA

INDICATORS = ("age_under_21", "available_24_7", "unsafe_sex", "third_party", "new_in_town", "several_workers")


def _rows(moment: str, ads: list[tuple[str, str, list[str]]]) -> pa.Table:
    columns = {name: [None] * len(ads) for name in OBSERVATION_SCHEMA.names}
    columns["moment_id"] = [moment] * len(ads)
    columns["site"] = ["a"] * len(ads)
    columns["site_ad_id"] = [code for code, _, _ in ads]
    columns["municipality_code"] = [place for _, place, _ in ads]
    columns["indicators"] = [flags for _, _, flags in ads]
    for name in ("types", "licence_terms"):
        columns[name] = [[] for _ in ads]
    return pa.Table.from_pydict(columns, schema=OBSERVATION_SCHEMA)


def test_every_extracted_indicator_has_a_label_and_a_weakness() -> None:
    texts = indicator_texts()
    assert tuple(texts) == INDICATORS
    assert all(text["label"] and text["weakness"] for text in texts.values())


def test_indicators_are_counted_per_moment_and_per_municipality(reference: ReferenceData) -> None:
    con = connect(Path(":memory:"))
    first = [(f"A{i}", "GM0363", ["new_in_town"] if i < 4 else []) for i in range(12)]
    second = [(f"A{i}", "GM0363", ["available_24_7"] if i < 6 else []) for i in range(12)]
    replace_moment(con, Moment("m1", 0, dt.date(2021, 1, 5)), _rows("m1", first))
    replace_moment(con, Moment("m2", 0, dt.date(2021, 1, 12)), _rows("m2", second + [("B1", "GM0014", [])]))
    section = indicators_section(con, reference, threshold=10)
    tables = dict(section.tables)
    per_moment = tables["Indicators per moment"].to_pydict()
    assert per_moment["ads"] == [12, 13]
    assert per_moment["new in town"] == [4, 0]
    assert per_moment["24/7 share"][1] == 6 / 13
    per_place = tables["Indicators by municipality"].to_pydict()
    assert per_place["municipality"] == ["Amsterdam"]  # Groningen's one ad is under the threshold: no row
    assert per_place["new in town"] == [4] and per_place["24/7"] == [6]
    assert tables["Indicator weaknesses"].num_rows == len(INDICATORS)
    assert not any("A1" in str(row) for t in tables.values() for row in t.to_pylist())  # never a list of ads
