"""Language of the ad text (ISO 639-1) with lingua, restricted to the languages of Dutch ad sites.

The detector is built once, lazily (building it loads the language models: the expensive part).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

LANGUAGES = ("nl", "en", "es", "pt", "pl", "ro", "de", "fr", "it", "hu", "bg", "ru")
MIN_LETTERS = 12
# The first 300 characters decide: same accuracy as 1000 on the labelled set and the simulated year, and the
# cost of detection grows with the text (benchmarks/bench_extract.py).
MAX_CHARS = 300


@lru_cache(maxsize=2)
def detector(low_accuracy: bool = False) -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def detect_language(text: str, low_accuracy: bool = False) -> str | None:
    """ISO 639-1 code of the text's main language, or None when the text has too few letters."""
    sample = text[:MAX_CHARS]
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return None
    language = detector(low_accuracy).detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else None
