"""Reading the `extract --jsonl` input and writing its output (atomically: temp file, then rename)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from zicht.errors import InputError
from zicht.models import AdInput, AdRecord


def _ad(obj: Any, number: int) -> AdInput:
    if not isinstance(obj, dict):
        raise InputError(
            f"line {number} is not a JSON object", 'expected {"id": ..., "text": ..., "fields": {...}}'
        )
    raw = obj.get("fields")
    fields: dict[str, str] = raw if isinstance(raw, dict) else {}
    text = obj.get("text")
    return AdInput(id=str(obj.get("id", number)), text=text if isinstance(text, str) else "", fields=fields)


def read_inputs(path: Path, keep_expect: bool = False) -> Iterator[Any]:
    """AdInput per line (or (AdInput, expect) pairs); invalid UTF-8 is replaced, bad JSON is an InputError."""
    if not Path(path).is_file():
        raise InputError(f"input file {path} not found", "pass an existing JSONL file")
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{path} line {number} is not valid JSON: {error.msg}") from None
            except RecursionError:
                raise InputError(f"{path} line {number} is nested too deeply to be an ad") from None
            ad = _ad(obj, number)
            if keep_expect:
                expect = obj.get("expect")
                if not isinstance(expect, dict):
                    raise InputError(f"{path} line {number} has no expect object", "add the expected values")
                yield ad, expect
            else:
                yield ad


def write_records(records: Iterable[AdRecord], out: Path) -> int:
    """Write one JSON object per record to `out` via a temporary file; returns the number written."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    handle, temp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            for record in records:
                stream.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
                count += 1
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return count
