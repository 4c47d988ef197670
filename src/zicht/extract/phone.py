"""Phone number in E.164: site field first, else the current valid number in the text after
de-obfuscation.

Readers, in this order, each candidate validated with phonenumbers:
1. digit runs with spaces, dots, dashes, slashes or brackets, homoglyphs O/o for 0 and l/I/| for 1;
2. digit runs across any separator (punctuation, symbols, emoji, "x", "*", "~", "•", "♥") and glued to
   letters ("papi0612345678"); a run ending in mask characters ("06-1234xxxx", "0612345***") is refused;
3. number words of every lexicon (zicht.extract.lexicon: "nul zes eenenveertig ...", "zero six ...",
   "cero seis doce ...", "zero sześć ...", "zero șase ..."), compounds read as two digits.
Keycaps, fullwidth, circled and mathematical digits are plain digits by then (zicht.extract.normalise).
A national number takes its region from a country word or flag beside it ("Belgisch nummer 0470 ...",
"Duits mobiel", "🇧🇪 0470 ..."), else from the site's default region (`region`, NL). Of several numbers the
one marked new or current wins over one marked old ("oud nummer ..., nieuw nummer ...").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import phonenumbers

from zicht.extract.lexicon import alternation, mapping, words
from zicht.extract.text import Prepared

DEFAULT_REGION = "NL"
MAX_CANDIDATES = 12

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


def _from_run(run: str, region: str = DEFAULT_REGION) -> str | None:
    if "." in run or ":" in run:
        run = _LONE_BAR.sub(" ", _TIME_RANGE.sub(" ", run))  # opening hours glued to a number
    real = sum(c.isdigit() for c in run)
    if real < 3 or real + sum(c in "Oo" for c in run) + sum(c in "Il|" for c in run) < 8:
        return None  # "O6-296OO4lO" counts; a word of letters does not
    whole = _valid(_digits(run), region)
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
        found = _valid(_digits(" ".join(groups[start : start + size])), region)
        if found:
            return found
    return None


def phone_from_field(value: str | None, region: str = DEFAULT_REGION) -> str | None:
    if not value:
        return None
    return _valid(_digits(value.removeprefix("tel:")[:40]), _region(region))


def _region(region: str | None) -> str:
    region = (region or DEFAULT_REGION).strip().upper()
    return region if len(region) == 2 and region.isalpha() else DEFAULT_REGION


# Reader 2: digit groups across any separator of up to four characters that are no letters or digits
# (punctuation, symbols, emoji, spaces on one line), or one letter between two digits ("06x12x34").
_ANY_RUN = re.compile(r"(?:\+|00)?\d(?:(?:[^\w\n]{1,4}|(?<=\d)[a-zA-Z](?=\d))?\d){7,15}")
_GROUP = re.compile(r"\+?\d+")
_MASKED_AFTER = re.compile(r"[xX*#?]")  # glued to the run: "06-1234xxxx", "0612345***"
_MASKED_BEFORE = re.compile(r"[xX*#]{2}[^\w\n]?$")
_DATE = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
_IBAN_BEFORE = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}\s?$")

# Reader 3: number words of every lexicon, each read as its digits (0-9 one, 10-99 two).
NUMBER_WORDS: dict[str, int] = {w: int(v) for w, v in mapping("numbers").items()}  # type: ignore[call-overload]
_ZERO_WORDS = frozenset(w for w, v in NUMBER_WORDS.items() if v == 0)
_TOKEN_NUMBERS = frozenset(w for w in NUMBER_WORDS if w.isalpha())
_NUMBER_WORD_RUN = re.compile(
    rf"(?<![a-z])(?P<plus>(?:plus|\+)\s*)?(?:(?:{alternation(NUMBER_WORDS)}|\d)(?![a-z])[^\w\n]{{0,4}}){{4,16}}"
)
_NUMBER_WORD_ITEM = re.compile(rf"{alternation(NUMBER_WORDS)}(?![a-z])|\d")
_SPACES = re.compile(r"[\s-]+")
_WORD_VALUE = {_SPACES.sub(" ", w): v for w, v in NUMBER_WORDS.items()}  # "twenty-one", "twenty one"

# Region of a national number: a country word or a flag beside it.
_PHONE_NOUN = (
    r"(?:nummer|number|nr|no|mobiel|mobile|mobil|handy|gsm|tel|telefoon|telefon|telephone|phone|numero|numer|"
    r"cislo|telefono|telefone|whatsapp|app)"
)
_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
_PHONE_OLD = re.compile(rf"\b{alternation(words('phone_old'))}\b")
_PHONE_NEW = re.compile(rf"\b{alternation(words('phone_new'))}\b")


@lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    from zicht.extract.origin import COUNTRY_WORDS

    return COUNTRY_WORDS


def _may_name_region(text: Prepared) -> bool:
    """A flag or a country word anywhere in the text: only then is the region beside a number looked for."""
    if not text.raw.isascii() and _FLAG.search(text.raw):
        return True
    countries = _country_words()
    return any(word in countries for word in text.words)


class _Candidate(NamedTuple):
    start: int
    end: int
    number: str  # E.164
    run: str  # the characters it was read from


def _flag_code(pair: str) -> str:
    return "".join(chr(ord(c) - 0x1F1E6 + 65) for c in pair)


def _region_beside(raw: str, folded: str, start: int, end: int) -> tuple[str | None, bool]:
    """(region, strong) named beside a number: a flag right before or after it, or a country word; strong when
    the country word qualifies a phone noun ("Belgisch nummer", "Duits mobiel", "German number") or
    stands right before the number."""
    line_start = max(raw.rfind("\n", 0, start) + 1, start - 40)
    line_end = raw.find("\n", end)
    line_end = min(end + 25, len(raw) if line_end < 0 else line_end)
    near = raw[max(line_start, start - 4) : start] + raw[end : min(line_end, end + 4)]
    flag = _FLAG.search(near)
    if flag:
        return _flag_code(flag.group()), True
    if len(folded) != len(raw):
        return None, False
    before = folded[line_start:start]
    countries = _country_words()
    found: tuple[str | None, bool] = (None, False)
    for m in re.finditer(r"[a-z]+", before):
        code = countries.get(m.group())
        if code:
            rest = before[m.end() :]
            strong = bool(re.match(rf"\W*(?:{_PHONE_NOUN}\b|\W*$)", rest))
            found = (code, strong)
    return found


def _read(
    run: str,
    raw: str,
    folded: str,
    start: int,
    end: int,
    region: str,
    whole_only: bool = False,
    regions: bool = True,
) -> str | None:
    """The valid number a candidate run holds, its region from a country word or flag beside it (looked for
    only when `regions`: the text names a country or shows a flag somewhere)."""
    digits = _digits(run) if not whole_only else run
    hint, strong = _region_beside(raw, folded, start, end) if regions else (None, False)
    national = digits.startswith("0") and not digits.startswith("00")
    if hint and hint != region and national and strong:
        found = _valid(digits, hint)
        if found:
            return found
    if whole_only:
        return _valid(digits, region)
    found = _from_run(run, region)
    if found is None and hint and hint != region and national:
        found = _valid(digits, hint)
    return found


def _any_runs(raw: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Reader 2's runs that no reader-1 run covers, each as the digits of its best sub-run of groups."""
    out: list[tuple[int, int, str]] = []
    for m in _ANY_RUN.finditer(raw):
        start, end = m.span()
        if any(s <= start < e or s < end <= e for s, e in taken):
            continue
        if _MASKED_AFTER.match(raw, end) or _MASKED_BEFORE.search(raw, max(0, start - 4), start):
            continue
        if _DATE.match(m.group()) or _IBAN_BEFORE.search(raw, max(0, start - 12), start):
            continue
        out.append((start, end, m.group()))
    return out


def _from_groups(run: str, region: str) -> str | None:
    """The longest sequence of a run's digit groups that starts like a phone number (0 or +) and is valid."""
    groups = _GROUP.findall(run)
    if len(groups) > 12:
        return None
    whole = _valid(_digits(run), region)
    if whole:
        return whole
    for size in range(len(groups) - 1, 0, -1):
        for first in range(len(groups) - size + 1):
            if groups[first][:1] not in "0+":
                continue
            found = _valid("".join(groups[first : first + size]), region)
            if found:
                return found
    return None


def _number_word_run(tokens: list[str]) -> bool:
    """Four or more number words or digit groups in a row, at least one of them a word: only then can number
    words spell a phone number (a set lookup per word; the long alternation runs only then)."""
    run = 0
    words_in_run = False
    for word in tokens:
        if word in _TOKEN_NUMBERS:
            run, words_in_run = run + 1, True
        elif word.isdigit():
            run += 1
        else:
            run, words_in_run = 0, False
        if run >= 4 and words_in_run:
            return True
    return False


def _word_runs(text: Prepared) -> list[tuple[int, str, str]]:
    """Reader 3: (start, digits, words) of runs of number words (and digits) in any lexicon language."""
    if not _number_word_run(text.words):
        return []
    out: list[tuple[int, str, str]] = []
    for m in _NUMBER_WORD_RUN.finditer(text.folded):
        body = m.group()[m.end("plus") - m.start() if m.group("plus") else 0 :]
        items = _NUMBER_WORD_ITEM.findall(body)
        if all(item.isdigit() for item in items):
            continue  # digits only: reader 1 and 2 read them
        digits = "".join(
            item if item.isdigit() else str(_WORD_VALUE[_SPACES.sub(" ", item)]) for item in items
        )
        if len(digits) < 8:
            continue
        if m.group("plus"):
            digits = "+" + digits
        elif len(digits) == 9 and digits.startswith("6"):
            digits = "0" + digits  # "zes een twee ... (met 0 ervoor)": a mobile number without its 0
        out.append((m.start(), digits, m.group().strip()))
    return out


def phone_from_text(text: Prepared, region: str = DEFAULT_REGION) -> tuple[str, str] | None:
    """The current valid phone number in the text and the characters it was read from."""
    region = _region(region)
    raw, folded = text.raw, text.folded
    found: list[_Candidate] = []
    runs = sorted((m.start(), m.end(), m.group()) for m in _RUN.finditer(raw))[:MAX_CANDIDATES]
    taken: list[tuple[int, int]] = []
    regions = bool(runs) and _may_name_region(text)
    for start, end, run in runs:
        number = _read(run, raw, folded, start, end, region, regions=regions)
        if number:
            found.append(_Candidate(start, end, number, run.strip()))
            taken.append((start, end))
    if len(found) == 1:
        return found[0].number, found[0].run  # the usual ad: one number (readers 2 and 3 are not needed)
    more = _any_runs(raw, taken)[:MAX_CANDIDATES]
    if more and not runs:
        regions = _may_name_region(text)
    for start, end, run in more:
        number = _read(run, raw, folded, start, end, region, True, regions) or _from_groups(run, region)
        if number:
            found.append(_Candidate(start, end, number, run.strip()))
    spelled = _word_runs(text)
    if spelled and not runs and not more:
        regions = _may_name_region(text)
    for start, digits, words_read in spelled:
        if any(c.start <= start < c.end for c in found):
            continue
        number = _read(digits, raw, folded, start, start + len(words_read), region, True, regions)
        if number is None and not digits.startswith("+"):
            number = _from_groups(digits, region)
        if number:
            found.append(_Candidate(start, start + len(words_read), number, words_read))
    if found:
        chosen = _current(sorted(found, key=lambda c: c.start), folded if len(folded) == len(raw) else None)
        return chosen.number, chosen.run
    if runs and _GERMAN_TEXT.search(folded):
        for _, _, run in runs:
            digits = _digits(run)
            if digits.startswith("0") and not digits.startswith("00"):
                german = _valid(digits, "DE")
                if german:
                    return german, run.strip()
    return None


def _current(found: list[_Candidate], folded: str | None) -> _Candidate:
    """The first number, unless another is marked new or current and the first old ("oud nummer ...")."""
    if folded is None or len({c.number for c in found}) < 2:
        return found[0]
    marks = []
    previous_end = 0
    for c in found:
        lead = folded[max(previous_end, c.start - 30) : c.start]
        lead = re.split(r"[.!?\n]", lead)[-1]
        marks.append((bool(_PHONE_NEW.search(lead)), bool(_PHONE_OLD.search(lead))))
        previous_end = c.end
    for c, (new, _old) in zip(found, marks, strict=True):
        if new:  # "werkt niet meer, nieuw nummer 06 ...": the new mark is the nearer one
            return c
    for c, (_new, old) in zip(found, marks, strict=True):
        if not old:
            return c
    return found[0]
