"""Extraction: an ad's site fields and free text to the canonical record (interfaces.md), with indicators.

Public API: `extract_ad(ad, places) -> AdRecord`, `PlaceIndex.from_data_dir(path)`, `extract_file(...)`,
`evaluate(gold, places)`. Each variable family has its own module of pure functions.
"""

from __future__ import annotations

from pathlib import Path

from zicht.extract.evaluate import evaluate
from zicht.extract.io import read_inputs, write_records
from zicht.extract.place import PlaceIndex
from zicht.extract.record import extract_ad

__all__ = ["PlaceIndex", "evaluate", "extract_ad", "extract_file", "read_inputs", "write_records"]


def extract_file(source: Path, out: Path, places: PlaceIndex, detect: bool = True) -> int:
    """Extract every ad of a JSONL file into OUT (written atomically); returns the number of records."""
    records = (extract_ad(ad, places, detect=detect) for ad in read_inputs(source))
    return write_records(records, out)
