"""Phone number in E.164: site field first, else the first valid number in the text after de-obfuscation
(spaced or dotted digits, digits written as words in Dutch or English, homoglyphs O/o for 0 and
l/I/| for 1)."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from zicht.extract.text import Prepared

DEFAULT_REGION = "NL"
MAX_CANDIDATES = 12

_DIGIT_WORDS = {
    "nul": "0",
    "zero": "0",
    "een": "1",
    "één": "1",
    "one": "1",
    "twee": "2",
    "two": "2",
    "drie": "3",
    "three": "3",
    "vier": "4",
    "four": "4",
    "vijf": "5",
    "five": "5",
    "zes": "6",
    "six": "6",
    "zeven": "7",
    "seven": "7",
    "acht": "8",
    "eight": "8",
    "negen": "9",
    "nine": "9",
}
_WORD_ALT = "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True))
# A run of at least 7 digit words or digits, separated by spaces, dots, commas or hyphens.
# "plus" (or "+") before the run is the international prefix: "plus vier nul zeven ...".
_WORD_RUN = re.compile(
    rf"(?<![a-z])(?P<plus>(?:plus|\+)\s*)?(?:(?:{_WORD_ALT}|\d)(?:[\s.,-]{{0,3}})){{7,16}}(?![a-z])"
)
_WORD_ITEM = re.compile(rf"{_WORD_ALT}|\d")
# A candidate: optional +, then digits (or homoglyphs) with separators; at most 30 characters.
# En and em dashes separate groups too ("06 – 18 33 27 90", "06 – 3 – 4 – 8 ...").
_RUN = re.compile(r"(?<![\w+])(?:\+|00)?[\dOoIl|(][\dOoIl|\s.\-–—/()]{7,36}[\dOoIl|](?![\w])")
_HOMOGLYPHS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
_GROUP_SPLIT = re.compile(r"\s{1,}|/|[–—]")
# Opening hours ("10.00-24.00", "12:00 - 02:00") and a bar between them ("ma-vr 10.00-24.00 | za ...") are
# no phone digits (a bar "|" stands for 1 only inside a run of digits).
_TIME_RANGE = re.compile(
    r"(?<![\d.:])([01]?\d|2[0-4])[.:][0-5]\d\s*[-–]\s*([01]?\d|2[0-4])[.:][0-5]\d(?![\d.:])"
)
_LONE_BAR = re.compile(r"(?<=\s)\|(?=\s)")
# A national number that is no Dutch number, in a German text ("Handy: 0171 4829310"), is German.
_GERMAN_TEXT = re.compile(r"\b(?:handy|anruf|anrufen|ruf|std|stunde|uhr|und|ich|mich|dich|bei|nur|oder)\b")


@lru_cache(maxsize=65536)
def _valid(digits: str, region: str = DEFAULT_REGION) -> str | None:
    if not 8 <= len(digits.lstrip("+")) <= 15:
        return None
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    try:
        number = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _digits(run: str) -> str:
    run = run.replace("(0)", "").replace("–", "-").replace("—", "-").translate(_HOMOGLYPHS)
    plus = "+" if run.lstrip().startswith("+") else ""
    return plus + re.sub(r"\D", "", run)


def _from_run(run: str) -> str | None:
    if "." in run or ":" in run:
        run = _LONE_BAR.sub(" ", _TIME_RANGE.sub(" ", run))  # opening hours glued to a number
    real = sum(c.isdigit() for c in run)
    if real < 3 or real + sum(c in "Oo" for c in run) + sum(c in "Il|" for c in run) < 8:
        return None  # "O6-296OO4lO" counts; a word of letters does not
    whole = _valid(_digits(run))
    if whole:
        return whole
    groups = [g for g in _GROUP_SPLIT.split(run.strip()) if g]
    if len(groups) > 8:
        return None
    # A price or a second number glued to the phone number: try the parts, those starting like a phone first.
    parts = [
        (start, size) for size in range(len(groups) - 1, 0, -1) for start in range(len(groups) - size + 1)
    ]
    parts.sort(key=lambda p: (groups[p[0]][:1] not in "0+(Oo", -p[1], p[0]))
    for start, size in parts:
        found = _valid(_digits(" ".join(groups[start : start + size])))
        if found:
            return found
    return None


def phone_from_field(value: str | None) -> str | None:
    if not value:
        return None
    return _valid(_digits(value.removeprefix("tel:")[:40]))


def phone_from_text(text: Prepared) -> tuple[str, str] | None:
    """The first valid phone number in the text and the characters it was read from."""
    candidates: list[tuple[int, str]] = [(m.start(), m.group()) for m in _RUN.finditer(text.raw)]
    folded = text.folded
    for m in _WORD_RUN.finditer(folded):
        items = _WORD_ITEM.findall(m.group()[m.end("plus") - m.start() if m.group("plus") else 0 :])
        if any(not item.isdigit() for item in items):
            digits = "".join(_DIGIT_WORDS.get(item, item) for item in items)
            if m.group("plus"):
                digits = "+" + digits
            elif len(digits) == 9 and digits.startswith("6"):
                digits = "0" + digits  # "zes een twee ... (met 0 ervoor)": a mobile number without its 0
            candidates.append((m.start(), digits))
    ordered = sorted(candidates)[:MAX_CANDIDATES]
    for _, run in ordered:
        found = _from_run(run)
        if found:
            return found, run.strip()
    if ordered and _GERMAN_TEXT.search(folded):
        for _, run in ordered:
            digits = _digits(run)
            if digits.startswith("0") and not digits.startswith("00"):
                german = _valid(digits, "DE")
                if german:
                    return german, run.strip()
    return None
