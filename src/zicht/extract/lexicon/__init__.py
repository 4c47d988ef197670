"""Languages as data: one lexicon per language with the closed word classes the rules read.

Each language is one module here (nl.py, en.py, ... cs.py) holding a `LEXICON`; the rules build their
regexes from the union of all lexicons (`words`, `alternation`), so a word class is defined once, and a new
language is one file plus its case table (tests/data/extract_cases/lexicon_<code>.toml).

Word classes (every entry is written as an ad writes it; the rules match the folded form: lower case, no
accents, "ł" as "l"):
- numbers: the number words 0-99, built from units, teens and tens by the language's compound rule
  (`numbers`); checked against num2words in the tests;
- first_person: "ik ben", "i am" ... before a stated age or name;
- age_units: "jaar", "years", "lat" ... after an age;
- hour_words: the hour and its abbreviations ("uur", "hr", "hodina"); half_hour: "half uur", "půl hodiny";
- currency: currency words before or after an amount;
- nationality: nationality forms not yet in origin.py's tables (word -> ISO 3166 code);
- reception / outcall: phrases that state incall or outcall (read by types.py as the "lexicon" families,
  with its negation);
- phone_old / phone_new: words marking a number as the old one or the current one.

Migration status (docs/extraction.md): numbers, first_person, age_units, hour_words, half_hour, currency,
phone_old/new are read from here for every language; most nationality forms, negators, person nouns and
the reception and outcall phrase families of the first ten languages still sit in origin.py, text.py and
types.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

# ISO 639-1 codes of the lexicons, in the order they are read. "cs" is the language added as data only.
CODES = ("nl", "en", "es", "pt", "pl", "ro", "de", "fr", "it", "hu", "bg", "cs")


@dataclass(frozen=True)
class Lexicon:
    code: str
    numbers: Mapping[str, int]
    first_person: tuple[str, ...] = ()
    age_units: tuple[str, ...] = ()
    hour_words: tuple[str, ...] = ()
    half_hour: tuple[str, ...] = ()
    currency: tuple[str, ...] = ()
    nationality: Mapping[str, str] = field(default_factory=dict)
    reception: tuple[str, ...] = ()
    outcall: tuple[str, ...] = ()
    phone_old: tuple[str, ...] = ()
    phone_new: tuple[str, ...] = ()


def numbers(
    units: str,
    teens: str,
    tens: str,
    compound: str,
    *,
    tens_in_compound: str | None = None,
    one_in_compound: str | None = None,
    elide: bool = False,
    variants: Mapping[str, int] | None = None,
) -> dict[str, int]:
    """The number words 0-99 of a language: units (0-9), teens (10-19) and tens (20-90, eight words) split
    on spaces, and the compound rule for 21-99 as a format with {tens} and {unit} ("{unit}en{tens}",
    "{tens}-{unit}", "{tens} y {unit}"). tens_in_compound: the tens as they stand in a compound when they
    differ (hu "huszon-"); one_in_compound: the unit 1 in a compound (nl "een", ro "unu"); elide: drop the
    last vowel of the tens before a unit starting with a vowel (it "ventuno"). variants: other spellings."""
    unit_words, teen_words, ten_words = units.split(), teens.split(), tens.split()
    assert len(unit_words) == 10 and len(teen_words) == 10 and len(ten_words) == 8
    compound_tens = tens_in_compound.split() if tens_in_compound else ten_words
    out: dict[str, int] = {}
    for value, word in enumerate(unit_words):
        out.setdefault(word, value)
    for value, word in enumerate(teen_words, start=10):
        out.setdefault(word, value)
    for index, ten in enumerate(ten_words):
        base = (index + 2) * 10
        out.setdefault(ten, base)
        for unit in range(1, 10):
            unit_word = one_in_compound if unit == 1 and one_in_compound else unit_words[unit]
            stem = compound_tens[index]
            if elide and unit_word[0] in "aeiou" and stem[-1] in "aeiou":
                stem = stem[:-1]
            out.setdefault(compound.format(tens=stem, unit=unit_word), base + unit)
    for word, value in (variants or {}).items():
        out.setdefault(word, value)
    return out


@cache
def lexicons() -> tuple[Lexicon, ...]:
    return tuple(import_module(f"zicht.extract.lexicon.{code}").LEXICON for code in CODES)


def _fold(word: str) -> str:
    from zicht.extract.text import fold

    return " ".join(fold(word).split())


@cache
def words(kind: str) -> tuple[str, ...]:
    """Every word of one class over all lexicons, folded, without repeats, longest first."""
    found: list[str] = []
    for lexicon in lexicons():
        value = getattr(lexicon, kind)
        found.extend(value if not isinstance(value, Mapping) else value.keys())
    return tuple(sorted(dict.fromkeys(_fold(w) for w in found), key=lambda w: (-len(w), w)))


@cache
def mapping(kind: str) -> dict[str, object]:
    """One word -> value class (numbers, nationality) over all lexicons, folded; the first language wins."""
    out: dict[str, object] = {}
    for lexicon in lexicons():
        for word, value in getattr(lexicon, kind).items():
            out.setdefault(_fold(word), value)
    return out


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of folded words or phrases, longest first; a space or hyphen inside a phrase
    matches any run of spaces or hyphens ("twenty one", "twenty-one")."""
    parts = sorted(dict.fromkeys(items), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.sub(r"\\[\s-]|\\ ", r"[\\s-]+", re.escape(p)) for p in parts) + ")"
