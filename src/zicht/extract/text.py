"""Text preparation shared by the extractors: length cap, accent folding, word tokens with clause numbers.

Every extractor reads the same `Prepared` view of an ad, built once per ad, so each regex runs over at most
MAX_TEXT characters of already-folded text (bounded work on hostile input).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any, NamedTuple

from zicht.extract.normalise import normalise

MAX_TEXT = 20_000  # characters of ad text processed; the rest is ignored
MAX_FIELD = 500  # characters of one site field processed

# Zero-width characters (\u200b-\u200d, \ufeff) are not blanked here: the normalisation pass removes them
# ("0\u200b6" is "06"); direction marks and separators are blanked.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u200e\u200f\u2028-\u202e]")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CLAUSE_END = re.compile(r"[.!?;\n]+(?:\s|$)|\n")
# Fractions and dashes, and letters that NFKD does not decompose (ł in "pół godziny", ø, ß, æ).
_FRACTIONS = str.maketrans(
    {
        "½": " half ",
        "¼": " kwartier ",
        "’": "'",
        "‘": "'",
        "–": "-",
        "—": "-",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "ı": "i",
    }
)


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(text: str) -> str:
    """Lowercase, strip accents (é -> e, ë -> e, ă -> a), keep punctuation and digits."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", _replace_specials(text))
    return _COMBINING.sub("", decomposed).lower()


_SPECIALS = tuple((chr(code), value) for code, value in _FRACTIONS.items())


def _replace_specials(text: str) -> str:
    """text.translate(_FRACTIONS), faster for the usual text that has none of them (str.translate with
    string values looks up every character)."""
    for char, value in _SPECIALS:
        if char in text:
            text = text.replace(char, value)
    return text


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Fold one word token to ASCII lowercase (as zicht.refdata.fold does for place names)."""
    return (
        unicodedata.normalize("NFKD", word.translate(_FRACTIONS)).encode("ascii", "ignore").decode().lower()
    )


def clean(text: object, limit: int = MAX_TEXT) -> str:
    """Any input as a safe string: non-strings become empty, NULs and control characters become spaces."""
    if not isinstance(text, str):
        return ""
    text = text[:limit]
    if text.isprintable() or _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(" ", text)


class Token(NamedTuple):
    text: str  # as written
    word: str  # folded (ASCII lowercase)
    start: int  # offset in the original text
    end: int
    clause: int  # number of the sentence or line the token is in


_new_tuple = tuple.__new__


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
        append, fold_one = out.append, fold_word  # local names: this loop runs for every word of every ad
        for m in _WORD.finditer(self.raw):
            word = fold_one(text := m.group())
            if word:
                start, end = m.span()
                # tuple.__new__ builds the same Token without NamedTuple's Python-level __new__: a third of
                # the time of tokenising
                append(_new_tuple(Token, (text, word, start, end, bisect_right(ends, start))))
        return out

    @cached_property
    def words(self) -> list[str]:
        return [t.word for t in self.tokens]


def prepare(text: object) -> Prepared:
    """The cleaned (`clean`) and normalised (`zicht.extract.normalise`) text, ready for every reader."""
    return Prepared(normalise(clean(text)))


def _relaxed(pattern: str) -> str:
    """The pattern with its \\b assertions removed, except inside negative lookarounds (where removing one
    would reject more): it matches wherever the pattern matches, and more."""
    out: list[str] = []
    negative: list[bool] = []  # per open group: is it a negative lookaround?
    i, in_class = 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            pair = pattern[i : i + 2]
            if not (pair == "\\b" and not in_class and not any(negative)):
                out.append(pair)
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            negative.append(pattern.startswith(("(?!", "(?<!"), i))
        elif char == ")" and negative:
            negative.pop()
        out.append(char)
        i += 1
    return "".join(out)


class Gated:
    """A regex run behind a fast twin, with the same results as the pattern alone.

    Python's re scans quickly only for the first characters of an alternation, and only when no branch starts
    with \\b; a large alternation otherwise tries every branch at every position. Two ways round that:

    - When every top-level branch must start with one of a few literal words (`_branch_starts`), the twin is
      an alternation of those literals, scanned fast; at each place one occurs, only the branches that can
      start with that literal are tried (anchored there). A literal whose branches all start with \\b counts
      only at a word start.
    - Otherwise the twin is the pattern without \\b (`_relaxed`): it finds where a match can start and the
      full pattern runs from there.
    """

    __slots__ = ("full", "quick", "_starts")

    def __init__(self, pattern: str) -> None:
        self.full = re.compile(pattern)
        starts = _branch_starts(pattern) if self.full.groups == 0 else None
        if starts is None:
            self.quick = re.compile(_relaxed(pattern))
            self._starts: dict[str, re.Pattern[str]] | None = None
        else:
            self.quick, self._starts = starts

    @property
    def pattern(self) -> str:
        return self.full.pattern

    def search(self, text: str) -> re.Match[str] | None:
        if self._starts is None:
            hit = self.quick.search(text)
            return self.full.search(text, hit.start()) if hit else None
        return self._match_from(text, 0)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._starts is None:
            hit = self.quick.search(text)
            return self.full.finditer(text, hit.start()) if hit else iter(())
        return self._iterate(text)

    def _match_from(self, text: str, pos: int) -> re.Match[str] | None:
        """The leftmost match at or after pos: the first literal place where its branches match."""
        assert self._starts is not None
        while hit := self.quick.search(text, pos):
            match = self._starts[hit.group()].match(text, hit.start())
            if match:
                return match
            pos = hit.start() + 1
        return None

    def _iterate(self, text: str) -> Iterator[re.Match[str]]:
        # Like finditer: each search resumes where the previous match ended (a match is never empty: it
        # starts with a literal).
        pos = 0
        while match := self._match_from(text, pos):
            yield match
            pos = match.end()


_MAX_STARTS = 400  # literals per pattern; more and the pattern is not worth splitting
_START_LENGTH = 6  # characters of a literal start that are enough to tell branches apart


def _branch_starts(pattern: str) -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]] | None:
    """(alternation of start literals, literal -> pattern of the branches that can start with it), or None
    when some branch can start without a literal (a repeat, a class, a flag).

    Each literal stands for the branches that can start with it, kept in their order: at a place where the
    literal occurs no other branch can match, so the first branch that matches there is the one the full
    pattern would choose. No literal is the start of another, so at most one occurs at any place."""
    parsed = _parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII):
        return None
    branches = _top_level_branches(pattern)
    if len(branches) <= 2:
        return None  # with few branches the regex's own scan is as fast
    starts: list[set[tuple[str, bool]]] = []
    for branch in branches:
        found, _ = _starts_of(_parser.parse(branch).data, {("", False)})
        if any(literal == "" for literal, _ in found):
            return None
        starts.append(found)
    literals: list[str] = []  # the shortest starts; a longer one is covered by its shorter start
    for literal in sorted({literal for found in starts for literal, _ in found}, key=len):
        if not any(literal.startswith(shorter) for shorter in literals):
            literals.append(literal)
    if len(literals) > _MAX_STARTS:
        return None
    table: dict[str, re.Pattern[str]] = {}
    alternatives: list[str] = []
    for literal in literals:
        chosen = [
            b
            for b, found in zip(branches, starts, strict=True)
            if any(s.startswith(literal) for s, _ in found)
        ]
        table[literal] = re.compile("|".join(chosen))
        at_word_start = all(
            bounded for found in starts for s, bounded in found if s.startswith(literal)
        ) and bool(re.match(r"\w", literal))
        escaped = re.escape(literal)
        # the word-start test written after the literal: a branch that starts with a lookbehind would stop
        # the fast scan for first characters
        alternatives.append(f"{escaped}(?<!\\w{escaped})" if at_word_start else escaped)
    return re.compile("|".join(alternatives)), table


def _starts_of(items: Any, starts: set[tuple[str, bool]]) -> tuple[set[tuple[str, bool]], bool]:
    """The literal texts a parsed regex sequence can start with, each extending one of `starts`, and whether
    the whole sequence was read (else the starts are only its first characters). A start is (literal, True)
    when \\b stands before its first character. Sound, not exact: every match starts with one of them."""
    for op, av in items:
        if op is _constants.LITERAL:
            starts = {(s + chr(av), bounded) for s, bounded in starts}
        elif op is _constants.AT:
            if av is _constants.AT_BOUNDARY:
                starts = {(s, bounded or s == "") for s, bounded in starts}
        elif op in (_constants.ASSERT, _constants.ASSERT_NOT):
            continue  # zero width: the match still starts with what follows
        elif op is _constants.BRANCH:
            found: set[tuple[str, bool]] = set()
            complete = True
            for alternative in av[1]:
                more, done = _starts_of(alternative, starts)
                found |= more
                complete = complete and done
            if len(found) > _MAX_STARTS:
                return starts, False
            if not complete:
                return found, False
            starts = found
        elif op is _constants.SUBPATTERN and not (av[1] or av[2]):  # a group without flags
            starts, complete = _starts_of(av[3], starts)
            if not complete:
                return starts, False
        elif op is _constants.IN and (chars := _class_chars(av)) is not None:
            if len(chars) * len(starts) > _MAX_STARTS:
                return starts, False
            starts = {(s + char, bounded) for s, bounded in starts for char in chars}
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and av[0] >= 1:
            return _starts_of(av[2], starts)[0], False  # at least one round
        else:
            return starts, False
        if min(len(s) for s, _ in starts) >= _START_LENGTH:
            return starts, False
    return starts, True


def _class_chars(items: Any) -> list[str] | None:
    """The characters of a small character class of literals and short ranges ([2-9], [ck]), else None."""
    chars: list[str] = []
    for op, av in items:
        if op is _constants.LITERAL:
            chars.append(chr(av))
        elif op is _constants.RANGE and av[1] - av[0] < 10:
            chars.extend(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return chars


def _top_level_branches(pattern: str) -> list[str]:
    """The pattern split at the | that are outside groups and character classes."""
    out: list[str] = []
    depth, in_class, start, i = 0, False, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 1 + pattern.startswith("]", i + 1) + pattern.startswith("^]", i + 1) * 2
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def without_name(text: Prepared, name: str | None) -> Prepared:
    """The text with the ad's display name blanked out (same length, so offsets hold): words in a name
    ("Rina Escort", "Thais", "Latina Sofia") are not statements about the work or the origin."""
    name = " ".join((name or "").split()).lower()
    raw = text.raw
    lowered = raw.lower()
    if len(name) < 3 or name not in lowered or len(lowered) != len(raw):
        return text
    chars = list(raw)
    start = lowered.find(name)
    while start >= 0:
        end = start + len(name)
        before = lowered[start - 1] if start else " "
        after = lowered[end] if end < len(lowered) else " "
        if not before.isalnum() and not after.isalnum():
            chars[start:end] = " " * len(name)
        start = lowered.find(name, end)
    masked = "".join(chars)
    return text if masked == raw else Prepared(masked)


NEGATION = re.compile(
    r"(?:\b(?:geen|no|niet|not|nooit|never|sin|bez|fara|nie|kein\w*|zonder|without|don'?t|doesn'?t|"
    r"can'?t|cannot|won'?t)\b[\s\w/-]{0,12})$"
)


def negated(folded: str, start: int) -> bool:
    """True when a negation word stands just before position `start` (same clause, a few words back)."""
    window = folded[max(0, start - 22) : start]
    cut = max(window.rfind("."), window.rfind("!"), window.rfind(","), window.rfind("\n"))
    if cut >= 0:
        window = window[cut + 1 :]
    return bool(NEGATION.search(window))


_CATEGORY_CLASSES = {
    _constants.CATEGORY_DIGIT: r"\d",
    _constants.CATEGORY_UNI_DIGIT: r"\d",
    _constants.CATEGORY_WORD: r"\w",
    _constants.CATEGORY_UNI_WORD: r"\w",
    _constants.CATEGORY_SPACE: r"\s",
    _constants.CATEGORY_UNI_SPACE: r"\s",
}


def first_char_test(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with a lookahead for the characters a match can start with put in front, when they can
    be worked out (else the pattern itself). Same matches: the lookahead only turns away places where no
    branch could start. Worth it for a large alternation that re would otherwise try branch by branch at
    every position (a leading lookbehind or \\b or optional group keeps re from scanning for first chars)."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE | re.ASCII | re.LOCALE):
        return pattern
    parsed = _parser.parse(pattern.pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE | re.ASCII | re.LOCALE):
        return pattern
    found = _first_chars(parsed.data)
    if found is None or found[1]:
        return pattern  # some start unknown, or the pattern can match the empty string
    # the pattern in a group: a lookahead written before "a|b" would apply to "a" alone
    return re.compile("(?=[" + "".join(sorted(found[0])) + "])(?:" + pattern.pattern + ")", pattern.flags)


def _first_chars(items: Any) -> tuple[set[str], bool] | None:
    """(class items a parsed sequence can start with, whether it can match empty), or None when unknown."""
    chars: set[str] = set()
    for op, av in items:
        if op in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
            continue  # zero width: the match starts with what follows
        if op is _constants.LITERAL:
            return chars | {re.escape(chr(av))}, False
        if op is _constants.IN:
            for item, value in av:
                if item is _constants.LITERAL:
                    chars.add(re.escape(chr(value)))
                elif item is _constants.RANGE:
                    chars.add(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
                elif item is _constants.CATEGORY and value in _CATEGORY_CLASSES:
                    chars.add(_CATEGORY_CLASSES[value])
                else:
                    return None  # a negated class, a negated category
            return chars, False
        if op is _constants.BRANCH:
            nullable = False
            for alternative in av[1]:
                found = _first_chars(alternative)
                if found is None:
                    return None
                chars |= found[0]
                nullable = nullable or found[1]
            if not nullable:
                return chars, False
        elif op is _constants.SUBPATTERN and not (av[1] or av[2]):  # a group without flags
            found = _first_chars(av[3])
            if found is None:
                return None
            chars |= found[0]
            if not found[1]:
                return chars, False
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
            found = _first_chars(av[2])
            if found is None:
                return None
            chars |= found[0]
            if av[0] >= 1 and not found[1]:
                return chars, False
        else:
            return None  # any character, a back reference, ...
    return chars, True
