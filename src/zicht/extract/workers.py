"""Plural worker nouns ("meiden", "girls", "escorts"): the ad offers several workers, unless the plural names
the clientele or the reader of a greeting. Used by the several_workers indicator and by the licence terms (a
business with several workers), so it sits apart from both.
"""

from __future__ import annotations

import re

from zicht.extract.text import Gated

# Greetings and clientele around a plural: "Hi ladies", "dames en stellen", "ladies and couples".
GREETING_BEFORE = re.compile(
    r"(?:^|[.!?,\n]\s*)(?:hi|hey|hello|hallo|hoi|dear|beste|lieve|welkom|welcome|bonjour|hola)\s+$"
)
# A plural alone ("onze meiden", "girls") counts too, unless it names the clientele or a recruitment ("voor
# dames", "zoekt dames", "ook dames"): checked on the word before, outside the regex (a lookbehind in front of
# the pattern would keep Python's re from scanning fast for its first letters).
PLURAL = Gated(r"\b(?:meiden|meisjes|dames|damen|girls|ladies|masseuses|escorts|hostesses|chicas)\b")
# Plurals that never name the clientele, read in a male advertiser's ad too ("mannelijke escorts voor dames").
PLURAL_NOT_CLIENTS = Gated(r"\b(?:escorts|hostesses|masseuses)\b")
NOT_PLURAL_BEFORE = re.compile(r"\b(?:voor|for|ook|and|en)\s$")
# "Dames en heren", "ladies and gentlemen": a greeting, not several workers.
GREETING_AFTER = re.compile(
    r"^\s*(?:,|en|and|&|y)\s+(?:heren|gentlemen|gents|caballeros|stellen|koppels|couples|stelletjes|paren)\b|"
    r"^\s+(?:zijn\s+|are\s+)?(?:ook\s+|also\s+)?(?:welkom|welcome)\b"
)


def plural_workers(folded: str, plural: Gated = PLURAL) -> re.Match[str] | None:
    """The first plural worker noun ("dames", "girls", "escorts") that names neither the clientele ("voor
    dames", "heren, dames en stellen") nor the reader of a greeting ("Hi ladies")."""
    for match in plural.finditer(folded):
        before = folded[max(0, match.start() - 12) : match.start()]
        if (
            not NOT_PLURAL_BEFORE.search(before)
            and not GREETING_BEFORE.search(before)
            and not GREETING_AFTER.match(folded[match.end() : match.end() + 20])
        ):
            return match
    return None
