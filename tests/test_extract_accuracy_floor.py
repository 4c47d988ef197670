"""Accuracy floor: no change to the rules may lose accuracy on any labelled set, field by field.

Every labelled set in tests/data/labelled/*.jsonl is extracted (language included) and, per field, the number
of ads right must be at least the count recorded in tests/data/labelled/floors.json (right of counted, from
the accuracy when the floor was set). Files named heldout10* are never read: that set is an untouched check
scored once, after development.

A change that gains accuracy may raise the floors: `python tests/test_extract_accuracy_floor.py --raise`
rewrites floors.json with the new counts where they are higher (never lower).
"""

from __future__ import annotations

import json
import sys
from fractions import Fraction
from pathlib import Path

import pytest

LABELLED = Path(__file__).resolve().parent / "data" / "labelled"
FLOORS = LABELLED / "floors.json"
UNTOUCHED_PREFIX = "heldout10"


def labelled_sets() -> list[Path]:
    return sorted(p for p in LABELLED.glob("*.jsonl") if not p.name.startswith(UNTOUCHED_PREFIX))


def _counts(gold: Path) -> dict[str, list[int]]:
    from zicht.extract import evaluate
    from zicht.refdata import shipped_data_dir

    return evaluate(gold, _places(shipped_data_dir()))["correct"]


_PLACES: dict[Path, object] = {}


def _places(data_dir: Path):  # type: ignore[no-untyped-def]
    from zicht.extract import PlaceIndex

    if data_dir not in _PLACES:
        _PLACES[data_dir] = PlaceIndex.from_data_dir(data_dir)
    return _PLACES[data_dir]


def test_no_untouched_set_is_listed() -> None:
    assert all(not p.name.startswith(UNTOUCHED_PREFIX) for p in labelled_sets())
    assert not any(name.startswith(UNTOUCHED_PREFIX) for name in json.loads(FLOORS.read_text()))


def test_every_labelled_set_has_a_floor() -> None:
    floors = json.loads(FLOORS.read_text())
    assert sorted(floors) == [p.name for p in labelled_sets()]


@pytest.mark.parametrize("gold", labelled_sets(), ids=lambda p: p.name)
def test_accuracy_floor(gold: Path) -> None:
    floor = json.loads(FLOORS.read_text())[gold.name]
    got = _counts(gold)
    lost = {
        field: f"{got[field][0]}/{got[field][1]} < {right}/{counted}"
        for field, (right, counted) in floor.items()
        if Fraction(got[field][0], got[field][1]) < Fraction(right, counted)
    }
    assert not lost, f"{gold.name} lost accuracy: {lost}"


def _raise_floors() -> None:
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    for gold in labelled_sets():
        old = floors.get(gold.name, {})
        new = _counts(gold)
        for field, (right, counted) in new.items():
            if field not in old or Fraction(right, counted) > Fraction(*old[field]):
                old[field] = [right, counted]
        floors[gold.name] = old
    lines = [
        f"  {json.dumps(name)}: {json.dumps(dict(sorted(counts.items())))}"
        for name, counts in sorted(floors.items())
    ]
    FLOORS.write_text("{\n" + ",\n".join(lines) + "\n}\n")


if __name__ == "__main__" and sys.argv[1:] == ["--raise"]:
    _raise_floors()
