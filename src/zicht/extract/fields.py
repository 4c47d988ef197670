"""Site fields handed to extraction (`fields` of the extract input): keys normalised, values capped."""

from __future__ import annotations

from collections.abc import Mapping

from zicht.extract.normalise import normalise
from zicht.extract.text import MAX_FIELD, clean

FIELD_KEYS = ("name", "age", "gender", "city", "reception", "origin", "rate", "phone", "code")
MAX_FIELDS = 50


def normalise_fields(fields: object) -> dict[str, str]:
    """Lowercase keys, string values only, stripped and capped; anything else is dropped."""
    if not isinstance(fields, Mapping):
        return {}
    out: dict[str, str] = {}
    for key, value in list(fields.items())[:MAX_FIELDS]:
        if isinstance(key, str) and isinstance(value, str | int | float) and not isinstance(value, bool):
            text = normalise(clean(str(value), MAX_FIELD)).strip()
            if text:
                out[key.strip().lower()[:50]] = text
    return out
