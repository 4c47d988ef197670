"""Behaviour tables: every case of tests/data/extract_cases/*.toml run through `extract_ad`.

One table per field (phone.toml, price.toml, age.toml, language.toml ...) and one per lexicon language
(lexicon_<code>.toml). A case: `text`, optional site `fields`, `expect` (the record fields checked; the
string "null" for a field that must stay empty) and `source` (its provenance: "issue 12 list", "written for
this table", "round N", a labelled set's id). A case the rules do not meet yet carries `open` (why): it
runs as a strict xfail, so it fails the suite the day it passes and the mark must go.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from zicht.extract import PlaceIndex, extract_ad
from zicht.extract.evaluate import same
from zicht.models import AdInput

CASES = Path(__file__).resolve().parent / "data" / "extract_cases"


def _tables() -> dict[str, dict[str, Any]]:
    return {p.stem: tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(CASES.glob("*.toml"))}


TABLES = _tables()
ALL = [
    pytest.param(
        name, i, case, marks=[pytest.mark.xfail(reason=case["open"], strict=True)] if "open" in case else []
    )
    for name, table in TABLES.items()
    for i, case in enumerate(table["case"])
]
IDS = [f"{name}-{i}" for name, table in TABLES.items() for i, _ in enumerate(table["case"])]


@pytest.fixture(scope="module")
def places(data_dir: Path) -> PlaceIndex:
    return PlaceIndex.from_data_dir(data_dir)


@pytest.mark.parametrize(("table", "number", "case"), ALL, ids=IDS)
def test_case(places: PlaceIndex, table: str, number: int, case: dict[str, Any]) -> None:
    detect = "language" in case["expect"]
    ad = AdInput(id=f"{table}-{number}", text=case["text"], fields=case.get("fields", {}))
    record = extract_ad(ad, places, detect=detect).to_json()
    for field, expected in case["expect"].items():
        expected = None if expected == "null" else expected
        assert same(field, record[field], expected), (field, record[field], expected, case["text"])


def test_every_case_has_a_source() -> None:
    assert all(case.get("source") for table in TABLES.values() for case in table["case"])


def test_every_lexicon_language_has_its_case_table() -> None:
    from zicht.extract.lexicon import CODES

    tables = sorted(name for name in TABLES if name.startswith("lexicon_"))
    assert sorted(f"lexicon_{code}" for code in CODES) == tables
