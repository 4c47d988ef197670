"""Extraction: an ad's site fields and free text to the canonical record (interfaces.md), with indicators.

Public API: `extract_ad(ad, places) -> AdRecord`, `extract_ads(ads, places) -> list[AdRecord]` (same results,
faster for many ads), `PlaceIndex.from_data_dir(path)`, `extract_file(...)`, `evaluate(gold, places)`.
Each variable family has its own module of pure functions.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from zicht.extract.evaluate import evaluate
from zicht.extract.io import read_inputs, write_records
from zicht.extract.place import PlaceIndex
from zicht.extract.record import extract_ad, extract_ads
from zicht.models import AdInput, AdRecord

__all__ = [
    "PlaceIndex",
    "evaluate",
    "extract_ad",
    "extract_ads",
    "extract_file",
    "read_inputs",
    "write_records",
]


def extract_file(source: Path, out: Path, places: PlaceIndex, detect: bool = True) -> int:
    """Extract every ad of a JSONL file into OUT (written atomically); returns the number of records."""
    return write_records(_in_batches(read_inputs(source), places, detect), out)


def _in_batches(
    ads: Iterator[AdInput], places: PlaceIndex, detect: bool, size: int = 1000
) -> Iterator[AdRecord]:
    """extract_ads over consecutive batches, so a large file never sits in memory at once."""
    while batch := list(islice(ads, size)):
        yield from extract_ads(batch, places, detect=detect)
