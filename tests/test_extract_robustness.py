"""Garbage in, a record of nulls out: extraction never raises or hangs (hypothesis property tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zicht.extract import PlaceIndex, extract_ad
from zicht.extract.text import MAX_TEXT
from zicht.models import AdInput, AdRecord
from zicht.vocab import GENDERS, ORIGIN_GROUPS, WORK_TYPES


@pytest.fixture(scope="module")
def places(data_dir: Path) -> PlaceIndex:
    return PlaceIndex.from_data_dir(data_dir)


def check(record: AdRecord) -> None:
    assert record.gender in (None, *GENDERS)
    assert set(record.types) <= set(WORK_TYPES)
    assert record.origin_group in (None, *ORIGIN_GROUPS)
    assert record.age is None or 18 <= record.age <= 80
    assert record.price_per_hour is None or record.price_per_hour > 0
    assert record.phone is None or record.phone.startswith("+")
    record.to_json()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(max_size=400), fields=st.dictionaries(st.text(max_size=12), st.text(max_size=60), max_size=6)
)
def test_random_text_and_fields(places: PlaceIndex, text: str, fields: dict[str, str]) -> None:
    check(extract_ad(AdInput("x", text, fields), places, detect=False))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_binary_decoded_leniently(places: PlaceIndex, data: bytes) -> None:
    check(extract_ad(AdInput("x", data.decode("utf-8", errors="replace")), places, detect=False))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    chunk=st.sampled_from(
        ["0", "06 ", "€", "uur ", "a", "1.", " ", "-", "€1", "nul ", "(", "O6", "jaar ", "1 uur "]
    ),
    key=st.sampled_from(["age", "city", "rate", "phone", "gender", "origin", "reception"]),
)
def test_huge_repeated_input(places: PlaceIndex, chunk: str, key: str) -> None:
    big = chunk * (1_000_000 // len(chunk))  # about 1 MB of one repeated pattern: must not backtrack
    record = extract_ad(AdInput("x", big, {key: big}), places, detect=False)
    check(record)


@pytest.mark.parametrize(
    "ad",
    [
        AdInput("empty", ""),
        AdInput("nul", "\x00" * 1000, {"age": "\x00"}),
        AdInput("surrogates", "\ud800\udfff text", {}),
        AdInput("not-a-string", None, None),  # type: ignore[arg-type]
        AdInput("odd-fields", "x", {"age": 23, "rate": None, 5: "x"}),  # type: ignore[dict-item]
        AdInput("emoji", "💋" * 5000),
    ],
    ids=lambda ad: ad.id,
)
def test_garbage_gives_nulls(places: PlaceIndex, ad: AdInput) -> None:
    record = extract_ad(ad, places)
    check(record)
    assert record.phone is None and record.price_per_hour is None and record.municipality_code is None


def test_text_is_capped(places: PlaceIndex) -> None:
    late = "x" * MAX_TEXT + " Bel 06 12 34 56 78, 24/7"
    record = extract_ad(AdInput("late", late), places, detect=False)
    assert record.phone is None and record.indicators == ()
