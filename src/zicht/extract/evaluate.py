"""Per-field accuracy of extraction on a labelled set (`zicht eval extract --gold FILE --json`).

Accuracy of a field = share of all lines whose extracted value equals the expected one, nulls included (an
expected null must be extracted as null). Lists compare as sets; prices match within 0.01 euro.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from zicht.errors import InputError
from zicht.extract.io import read_inputs
from zicht.extract.place import PlaceIndex
from zicht.extract.record import extract_ad

FIELDS = (
    "gender",
    "types",
    "origin_country",
    "origin_group",
    "age",
    "price_per_hour",
    "municipality_code",
    "phone",
    "language",
    "licence_terms",
    "indicators",
)


def same(field: str, got: Any, expected: Any) -> bool:
    if field in ("types", "licence_terms", "indicators"):
        return set(got or ()) == set(expected or ())
    if field == "price_per_hour" and got is not None and expected is not None:
        return abs(float(got) - float(expected)) < 0.01
    return got == expected


def evaluate(gold: Path, places: PlaceIndex, detect: bool = True) -> dict[str, Any]:
    """{"n": lines, "accuracy": {field: share}, "correct": {field: [right, counted]},
    "errors": {field: [ids]}} over a labelled JSONL file (the accuracy floor test compares the counts)."""
    from zicht.vocab import origin_group

    rows = list(read_inputs(gold, keep_expect=True))
    if not rows:
        raise InputError(f"no labelled lines in {gold}", "each line needs id, text, fields and expect")
    hits = dict.fromkeys(FIELDS, 0)
    counted = dict.fromkeys(FIELDS, 0)
    errors: dict[str, list[str]] = {f: [] for f in FIELDS}
    for ad, expect in rows:
        record = extract_ad(ad, places, detect=detect).to_json()
        expect = dict(expect)
        if "origin_country" in expect and "origin_group" not in expect:
            expect["origin_group"] = (
                origin_group(expect["origin_country"]) if expect["origin_country"] else None
            )
        for field in FIELDS:
            if field not in expect or (field == "origin_group" and expect.get("origin_country") is None):
                continue  # a region-only origin has no gold group: not counted
            counted[field] += 1
            if same(field, record[field], expect[field]):
                hits[field] += 1
            else:
                errors[field].append(ad.id)
    accuracy = {f: round(hits[f] / counted[f], 4) for f in FIELDS if counted[f]}
    correct = {f: [hits[f], counted[f]] for f in FIELDS if counted[f]}
    return {
        "n": len(rows),
        "accuracy": accuracy,
        "correct": correct,
        "errors": {f: e for f, e in errors.items() if e},
    }


def iter_json(lines: Iterable[str]) -> Iterable[dict[str, Any]]:
    for line in lines:
        if line.strip():
            yield json.loads(line)
