"""Text preparation shared by the extractors: length cap, accent folding, word tokens with clause numbers.

Every extractor reads the same `Prepared` view of an ad, built once per ad, so each regex runs over at most
MAX_TEXT characters of already-folded text (bounded work on hostile input).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

MAX_TEXT = 20_000  # characters of ad text processed; the rest is ignored
MAX_FIELD = 500  # characters of one site field processed

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CLAUSE_END = re.compile(r"[.!?;\n]+(?:\s|$)|\n")
_FRACTIONS = str.maketrans({"½": " half ", "¼": " kwartier ", "’": "'", "‘": "'", "–": "-", "—": "-"})


def fold(text: str) -> str:
    """Lowercase, strip accents (é -> e, ë -> e, ă -> a), keep punctuation and digits."""
    text = text.translate(_FRACTIONS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Fold one word token to ASCII lowercase (as zicht.refdata.fold does for place names)."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def clean(text: object, limit: int = MAX_TEXT) -> str:
    """Any input as a safe string: non-strings become empty, NULs and control characters become spaces."""
    if not isinstance(text, str):
        return ""
    text = text[:limit]
    return "".join(c if c.isprintable() or c in "\n\t" else " " for c in text)


@dataclass(frozen=True)
class Token:
    text: str  # as written
    word: str  # folded (ASCII lowercase)
    start: int  # offset in the original text
    end: int
    clause: int  # number of the sentence or line the token is in


@dataclass
class Prepared:
    """One ad text, cleaned, folded and tokenised once."""

    raw: str

    @cached_property
    def folded(self) -> str:
        return fold(self.raw)

    @cached_property
    def tokens(self) -> list[Token]:
        ends = [m.start() for m in _CLAUSE_END.finditer(self.raw)]
        out: list[Token] = []
        for m in _WORD.finditer(self.raw):
            word = fold_word(m.group())
            if word:
                out.append(Token(m.group(), word, m.start(), m.end(), bisect_right(ends, m.start())))
        return out

    @cached_property
    def words(self) -> list[str]:
        return [t.word for t in self.tokens]


def prepare(text: object) -> Prepared:
    return Prepared(clean(text))


NEGATION = re.compile(
    r"(?:\b(?:geen|no|niet|not|nooit|never|sin|bez|fara|nie|kein\w*|zonder|without)\b[\s\w/-]{0,12})$"
)


def negated(folded: str, start: int) -> bool:
    """True when a negation word stands just before position `start` (same clause, a few words back)."""
    window = folded[max(0, start - 22) : start]
    cut = max(window.rfind("."), window.rfind("!"), window.rfind(","), window.rfind("\n"))
    if cut >= 0:
        window = window[cut + 1 :]
    return bool(NEGATION.search(window))
