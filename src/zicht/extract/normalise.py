"""One normalisation pass before the rules: every reader sees the same characters.

- every Unicode digit form becomes an ASCII digit: keycaps ("1️⃣", "1⃣", "🔟"), fullwidth ("０６"), circled and
  negative circled ("⓪⑥", "❶"), parenthesised and full-stop digits, mathematical bold/double-struck/monospace
  ("𝟎𝟔"), the decimal digits of other scripts (Arabic-Indic, Devanagari ...); superscripts, subscripts and
  fractions are left alone ("m²", "½" are no digits of a number);
- mathematical and fullwidth letters become plain letters ("𝐄𝐬𝐜𝐨𝐫𝐭" -> "Escort"), circled letters too;
- zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen) and variation selectors are removed;
- Cyrillic and Greek letters that look like Latin ones inside a Latin word become Latin ("Аmsterdam" with a
  Cyrillic А): a word written wholly in Cyrillic (a Bulgarian ad) is left as it is.

Number words are not rewritten in the text itself (an article "een" is no "1"): the readers that need them
(phone, age, price) read them through the lexicons (`zicht.extract.lexicon`) where they form a number.
The pass is a no-op, and nearly free, on the usual text (one regex search for any character it changes).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache

_REMOVED = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u20e3" + "".join(map(chr, range(0xFE00, 0xFE10)))
# Blocks where a character may be a digit form or a styled letter (checked one by one at import).
_STYLED_BLOCKS = (
    (0x0660, 0x0DEF),  # Arabic-Indic, Devanagari ... decimal digits (Nd only)
    (0x2460, 0x24FF),  # enclosed alphanumerics: ① ⑩ ⒜ Ⓐ ⓪
    (0x2776, 0x2793),  # dingbat circled digits ❶ ➀ ➊
    (0xFF01, 0xFF5E),  # fullwidth ASCII
    (0x1D400, 0x1D7FF),  # mathematical alphanumerics
    (0x1F100, 0x1F10C),  # digit full stop / comma 🄁
    (0x1F110, 0x1F189),  # parenthesised, circled, squared Latin letters 🄰 🅐 🅰
)
_KEYCAP_TEN = "\U0001f51f"


def _styled(char: str) -> str | None:
    """The plain form of a styled digit or letter, else None."""
    category = unicodedata.category(char)
    name = unicodedata.name(char, "")
    if category == "Nd":
        return str(unicodedata.digit(char))
    if category == "No":
        if any(word in name for word in ("SUPERSCRIPT", "SUBSCRIPT", "FRACTION")):
            return None
        value = unicodedata.numeric(char, None)
        if value is not None and value == int(value) and 0 <= value <= 20:
            return str(int(value))
        return None
    if category in ("Lu", "Ll", "So", "Po"):
        plain = unicodedata.normalize("NFKC", char)
        plain = plain.strip("()")
        if len(plain) == 1 and plain.isascii() and plain.isalnum():
            return plain
        if "LATIN" in name and ("CAPITAL" in name or "SMALL" in name):
            letter = name.split()[-1]
            if len(letter) == 1 and letter.isalpha():
                return letter if "CAPITAL" in name else letter.lower()
    return None


def _table() -> dict[int, str]:
    table: dict[int, str] = dict.fromkeys(map(ord, _REMOVED), "")
    for low, high in _STYLED_BLOCKS:
        for code in range(low, min(high, sys.maxunicode) + 1):
            char = chr(code)
            if low == 0x0660 and unicodedata.category(char) != "Nd":
                continue
            plain = _styled(char)
            if plain is not None and plain != char:
                table[code] = plain
    table[ord(_KEYCAP_TEN)] = "10"
    return table


_TABLE = _table()


def _ranges(codes: list[int]) -> str:
    """A character class of the codes as ranges: re searches a class of a few ranges much faster than one of
    a thousand single characters."""
    parts: list[str] = []
    start = previous = codes[0]
    for code in codes[1:] + [-1]:
        if code != previous + 1:
            parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else ""))
            start = code
        previous = code
    return "[" + "".join(parts) + "]"


_CHANGED = re.compile(_ranges(sorted(_TABLE)))

# Cyrillic and Greek letters that look like Latin ones.
_HOMOGLYPHS = str.maketrans(
    {
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
        "Х": "X", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "І": "I",
        "ј": "j", "ѕ": "s", "Ѕ": "S", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K",
        "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v", "κ": "k",
    }
)  # fmt: skip
_HOMOGLYPH_CHARS = "".join(chr(c) for c in _HOMOGLYPHS)
_MIXED_WORD = re.compile(
    rf"[^\W\d_]*(?:[A-Za-z][^\W\d_]*[{_HOMOGLYPH_CHARS}]|[{_HOMOGLYPH_CHARS}][^\W\d_]*[A-Za-z])[^\W\d_]*"
)
_NON_LATIN_LETTER = re.compile(r"[^\x00-\u024f]")
_ANY_HOMOGLYPH = re.compile(f"[{_HOMOGLYPH_CHARS}]")


def _latin_word(match: re.Match[str]) -> str:
    word = match.group()
    fixed = word.translate(_HOMOGLYPHS)
    # only when every other letter is Latin: "Аmsterdam" yes, a Cyrillic word with one Latin typo no
    return word if _NON_LATIN_LETTER.search(fixed) else fixed


@lru_cache(maxsize=4096)
def _normalise_cached(text: str) -> str:
    return _normalise(text)


def _normalise(text: str) -> str:
    if _CHANGED.search(text):
        text = text.translate(_TABLE)
    if _ANY_HOMOGLYPH.search(text) and _MIXED_WORD.search(text):
        text = _MIXED_WORD.sub(_latin_word, text)
    return text


def normalise(text: str) -> str:
    """The text with digit forms, styled letters, invisible characters and homoglyphs normalised."""
    if text.isascii():
        return text
    return _normalise_cached(text) if len(text) < 200 else _normalise(text)
