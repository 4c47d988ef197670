"""docs/records.md describes the records and vocabularies the code uses: every table is checked here."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import get_args

from zicht import vocab
from zicht.extract.indicators import INDICATORS
from zicht.extract.licence import TERMS
from zicht.models import AdRecord
from zicht.store.db import OBSERVATION_COLUMNS

DOC = (Path(__file__).resolve().parents[1] / "docs" / "records.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = DOC.index(f"## {title}")
    end = DOC.find("\n## ", start + 1)
    return DOC[start : end if end > 0 else None]


def _first_column(section: str) -> list[str]:
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("|---")]
    return [row.split("|")[1].strip() for row in rows[1:]]


def _vocabulary(name: str) -> list[str]:
    row = next(line for line in _section("Vocabularies").splitlines() if line.startswith(f"| {name} |"))
    return [value.strip() for value in row.split("|")[2].split(",")]


def test_the_ad_record_table_lists_every_field_in_order() -> None:
    assert _first_column(_section("AdRecord")) == [f.name for f in dataclasses.fields(AdRecord)]


def test_the_observation_table_lists_every_store_column_in_order() -> None:
    assert _first_column(_section("Observation")) == list(OBSERVATION_COLUMNS)


def test_the_vocabularies_are_the_code_s() -> None:
    assert _vocabulary("Gender") == list(get_args(vocab.Gender))
    assert _vocabulary("WorkType") == list(get_args(vocab.WorkType))
    assert _vocabulary("OriginGroup") == list(get_args(vocab.OriginGroup))
    assert _vocabulary("licence terms") == [term for term, _ in TERMS]
    assert _vocabulary("indicators") == list(INDICATORS)


def test_the_origin_groups_list_the_code_s_countries() -> None:
    text = " ".join(_section("Vocabularies").split())
    east = re.search(r"europe_east is (.*?); south_america", text)
    south = re.search(r"south_america is (.*?) \(Latin", text)
    assert east and south
    assert sorted(c.strip() for c in east.group(1).split(",")) == sorted(vocab.EUROPE_EAST)
    assert sorted(c.strip() for c in south.group(1).split(",")) == sorted(vocab.SOUTH_AMERICA)
