"""Signs of licensed work (table 2.6 of the 2021 baseline): club, privéhuis, (escort)bureau, KvK,
and licence or
registration numbers ("vergunning"). Keyword hits, not proof: the baseline found 42% of "club" ads
licensed."""

from __future__ import annotations

import re
from functools import lru_cache

from zicht.extract.text import Gated, Prepared, negated
from zicht.extract.workers import plural_workers

TERMS: tuple[tuple[str, Gated], ...] = (
    ("club", Gated(r"club(?:s|je)?\b")),  # also in compounds: saunaclub, nachtclub, relaxclub
    ("privéhuis", Gated(r"\bprive[\s-]?huis\w*|\bprivate\s+house\b")),
    (
        "bureau",
        Gated(r"\b(?:escort)?[\s-]?bureaus?\b|\bescort\s*agency\b|\bagency\b"),
    ),
    ("KvK", Gated(r"\bk\.?v\.?k\b|kamer\s+van\s+koophandel")),
    (
        "vergunning",
        Gated(
            r"\b(?:exploitatie)?vergunning\w*|registratienummer|registration\s+number|licen[cs]e\s*(?:nr|number)"
            r"|licentie\w*|\blicensed\b"
        ),
    ),
)

_DUO = Gated(  # Gated: its branches start with a few words, scanned for first
    r"\bduo\b|\b(?:2|3|twee|drie|two|three|beide|both|dos|tres|dwie|trzy|doua|trei)\s+(?:\w+\s+)?"
    r"(?:meiden|dames|girls|ladies|chicas)\b|samen\s+of\s+apart|together\s+or\s+separately|vriendinnen|"
    r"\b(?:z'n|ons|with)\s+(?:tweeen|drieen|two|three)\b"
)


# Rarer licence wording, read only when its words occur: "vergunde locatie", "licence municipality X",
# "geldige registratie" (a KvK registration is the term KvK only).
_RARE_VERGUNNING = re.compile(
    r"\b(?:exploitatie)?vergunning\w*|registratienummer|registration\s+number|licen[cs]e\s*(?:nr|number)|"
    r"licentie\w*|\blicensed\b|\bvergund\w*|\blicen[cs]e\b|\bregistratie\b(?!\s+(?:bij|at|met)\s+(?:de\s+)?k\.?v\.?k)"
)
_RARE_GATES = ("vergund", "licen", "registratie")


def licence_terms(text: Prepared) -> list[tuple[str, str]]:
    """(term, matched text) for each licence term named and not negated ("geen club", "no agency")."""
    return list(_terms(text.folded))


@lru_cache(maxsize=4)  # the record and the indicators ask for the same ad's terms in turn
def _terms(folded: str) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for term, pattern in TERMS:
        matches = pattern.finditer(folded)
        if term == "vergunning" and any(map(folded.__contains__, _RARE_GATES)):
            matches = _RARE_VERGUNNING.finditer(folded)  # finds the main wording too
        for match in matches:
            if not negated(folded, match.start()) and not _kvk_registration(folded, match):
                found.append((term, match.group().strip()))
                break
    venue = any(term in ("club", "privéhuis", "bureau") for term, _ in found)
    if not venue and "escort" in folded:  # a club or privéhuis that also sends escorts is no bureau
        business = _escort_business(folded)
        if business:
            found.append(("bureau", business))
    return tuple(found)


def _kvk_registration(folded: str, match: re.Match[str]) -> bool:
    """ "KvK-registratie": a KvK registration is the term KvK only."""
    return match.group() == "registratie" and folded[max(0, match.start() - 4) : match.start()] in (
        "kvk-",
        "kvk ",
    )


def _escort_business(folded: str) -> str | None:
    """An escort ad offering several escorts ("onze dames", "our ladies", "exclusieve escorts") is an escort
    business even without the word bureau; "Escort service Eindhoven – ik ben Lisa" is one escort."""

    if _DUO.search(folded):
        return None  # two friends advertising together are not a business
    plural = plural_workers(folded)
    return f"escort ... {plural.group()}" if plural else None
