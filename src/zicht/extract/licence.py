"""Signs of licensed work (table 2.6 of the 2021 baseline): club, privéhuis, (escort)bureau, KvK,
and licence or
registration numbers ("vergunning"). Keyword hits, not proof: the baseline found 42% of "club" ads
licensed."""

from __future__ import annotations

from zicht.extract.text import Gated, Prepared, negated

TERMS: tuple[tuple[str, Gated], ...] = (
    ("club", Gated(r"\b(?:seks|sex)?clubs?\b")),
    ("privéhuis", Gated(r"\bprive[\s-]?huis\w*|\bprivate\s+house\b")),
    ("bureau", Gated(r"\b(?:escort)?[\s-]?bureaus?\b|\bescort\s*agency\b|\bagency\b")),
    ("KvK", Gated(r"\bk\.?v\.?k\b|kamer\s+van\s+koophandel")),
    (
        "vergunning",
        Gated(
            r"\b(?:exploitatie)?vergunning\w*|registratienummer|registration\s+number|licen[cs]e\s*(?:nr|number)"
            r"|licentie\w*|\blicensed\b"
        ),
    ),
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
    return found
