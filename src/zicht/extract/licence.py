"""Signs of licensed work (table 2.6 of the 2021 baseline): club, privéhuis, (escort)bureau, KvK,
and licence or
registration numbers ("vergunning"). Keyword hits, not proof: the baseline found 42% of "club" ads
licensed."""

from __future__ import annotations

import re

from zicht.extract.text import Gated, Prepared, negated

TERMS: tuple[tuple[str, Gated], ...] = (
    ("club", Gated(r"\b(?:seks|sex|sauna|relax|nacht|night|paren|swingers?|erotiek)?club(?:s|je)?\b")),
    ("privéhuis", Gated(r"\bprive[\s-]?huis\w*|\bprivate\s+house\b")),
    (
        "bureau",
        Gated(r"\b(?:escort)?[\s-]?bureaus?\b|\bescort\s*agency\b|\bagency\b"),
    ),
    ("KvK", Gated(r"\bk\.?v\.?k\b|kamer\s+van\s+koophandel")),
    (
        "vergunning",
        Gated(
            r"\b(?:exploitatie)?vergunning\w*|\bvergund\w*|registratienummer|registration\s+number|"
            r"licen[cs]e\s*(?:nr|number)|licentie\w*|\blicensed\b|\blicen[cs]e\b|"
            # registration wording, but a KvK registration is "KvK" only
            r"(?<!kvk-)(?<!kvk\s)\bregistratie\b(?!\s+(?:bij|at|met)\s+(?:de\s+)?k\.?v\.?k)"
        ),
    ),
)

_DUO = re.compile(
    r"\bduo\b|\b(?:2|3|twee|drie|two|three|beide|both|dos|tres|dwie|trzy|doua|trei)\s+(?:\w+\s+)?"
    r"(?:meiden|dames|girls|ladies|chicas)\b|samen\s+of\s+apart|together\s+or\s+separately|vriendinnen|"
    r"\b(?:z'n|ons|with)\s+(?:tweeen|drieen|two|three)\b"
)


def licence_terms(text: Prepared) -> list[tuple[str, str]]:
    """(term, matched text) for each licence term named and not negated ("geen club", "no agency")."""
    folded = text.folded
    found: list[tuple[str, str]] = []
    for term, pattern in TERMS:
        for match in pattern.finditer(folded):
            if not negated(folded, match.start()):
                found.append((term, match.group().strip()))
                break
    venue = any(term in ("club", "privéhuis", "bureau") for term, _ in found)
    if not venue and "escort" in folded:  # a club or privéhuis that also sends escorts is no bureau
        business = _escort_business(folded)
        if business:
            found.append(("bureau", business))
    return found


def _escort_business(folded: str) -> str | None:
    """An escort ad offering several escorts ("onze dames", "our ladies", "exclusieve escorts") is an escort
    business even without the word bureau; "Escort service Eindhoven – ik ben Lisa" is one escort."""
    from zicht.extract.indicators import plural_workers  # imported here: indicators imports this module

    if _DUO.search(folded):
        return None  # two friends advertising together are not a business
    plural = plural_workers(folded)
    return f"escort ... {plural.group()}" if plural else None
