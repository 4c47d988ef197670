"""Language of the ad text (ISO 639-1) with lingua, restricted to the languages of Dutch ad sites.

The detector is built once, lazily (building it loads the language models: the expensive part).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from zicht.extract.lexicon import CODES

# The lexicon languages (zicht.extract.lexicon) and Russian.
LANGUAGES = (*CODES, "ru")
MIN_LETTERS = 12
# The first 150 characters decide. The cost of detection grows with the text; on the 1,053 labelled ads of
# rounds 1-6 low-accuracy mode is right on 96.3% with 300 characters and 96.2% with 150, while extraction
# goes from ~1,850 to ~2,200 ads/s per core (benchmarks/bench_extract.py). High-accuracy mode (97.2%) only
# differs below 120 characters, where it is slower than at 300.
MAX_CHARS = 150


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


def detect_languages(texts: Sequence[str], low_accuracy: bool = False) -> list[str | None]:
    """detect_language of each text, in one tight loop (faster than interleaving it with other work)."""
    return [detect_language(text, low_accuracy) for text in texts]
