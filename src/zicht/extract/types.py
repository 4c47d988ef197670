"""Types of sex work offered: home (privé-/thuisontvangst, incall), escort (outcall, hotel visits), massage.

The site field and the text are both read and their types united; a negated phrase ("geen escort", "no
outcall") does not count.
"""

from __future__ import annotations

import re

from zicht.extract.text import Gated, fold, negated
from zicht.vocab import WorkType

_PATTERNS: tuple[tuple[WorkType, Gated], ...] = (
    (
        "home",
        Gated(
            r"prive[\s-]*ontvan\w*|priveontvan\w*|thuis[\s-]*ontvan\w*|\bontvan(?:gst|gts|st|g|gt|gen)\b|"
            r"\bonvangst\b|incall|private\s+(?:reception|apartment)|\breceive\b|\brecibo\b|local\s+proprio|"
            r"\bprzyjmuje\b|\bprimesc\b|\bricevo\b|kom\s+(?:\w+\s+)?langs|bij\s+mij\s+thuis|"
            r"(?:you|je)\s+(?:come|komt)\s+(?:to|bij)\s+(?:me|mij)|come\s+and\s+visit\s+me|\bvisit\s+me\b|"
            r"kamer\s*\+\s*dame|\bkamer\s*(?:\d|[:=]|prijs|huur)|\bbij\s+(?:mij|ons)\s+thuis|"
            r"langs\s*(?:te\s+)?kom\w*|\b(?:even|snel|gezellig|gewoon|eens|gerust)\s+langs\b|"
            r"\bwerk\w*\s+(?:\w+\s+){0,3}?in\s+(?:een|ons|het|mijn)\s+(?:\w+\s+)?(?:huis|pand|salon|appartement|studio)\b|"
            r"\bempfang\w*|\bbei\s+mir\b|\bprivate\s+house\b|\ben\s+mi\s+(?:casa|piso|apartamento|departamento)\b|"
            r"\b(?:em\s+(?:minha|meu)|no\s+meu|na\s+minha)\s+(?:casa|apartamento|ape)\b|\bla\s+mine\b|\bu\s+mnie\b|"
            r"\b(?:piso|apartamento|lugar|espacio|sitio)\s+(?:propio|privado|discreto)\b|"
            r"\beigen\s+(?:[\w-]+\s+){0,2}?[\w-]*(?:kamer|ruimte|appartement|woning|ingang|studio|werkruimte|praktijk|salon)\b|"
            r"\bown\s+(?:[\w-]+\s+){0,2}?(?:room|place|apartment|flat|studio)\b|\bprivate\s+rooms?\b|"
            r"\b(?:mijn|my|onze|our)\s+(?:[\w-]+\s+)?(?:studio|praktijk|massagepraktijk|massagesalon|salon)\b|"
            r"\bin\s+(?:ons|mijn|my|our)\s+(?:huis|appartement|woning|flat|place|apartment|studio|house)\b|"
            r"\bat\s+my\s+(?:place|apartment|flat|home|studio)\b|\bthuis\s+in\b|vanuit\s+(?:mijn\s+)?huis|prywatnie|\bkom\w*\s+(?:\w+\s+)?bij\s+[a-z]+\s+in\b|"
            r"\bprive\s*(?:huis|\.|$|in\b)|\bprivehuis|\bclub\b|\braamwerk|\bprive\b(?!\s*-)"
        ),
    ),
    (
        "escort",
        Gated(
            r"\bes{1,2}[ck]o{1,2}u?r[dt]\w*|outcall|hotel\s*bezoek|hotelvisit|hotel\s+visits?|thuis\s*bezoek|"
            r"bezoek\s+aan\s+huis|\bkom\w*\s+(?:\w+\s+){0,2}(?:bij|naar)\s+(?:je|jou|u|jullie)\b|"
            r"\bbij\s+(?:jou|je|u|jullie)\s+(?:thuis|in\s+(?:het|je|jouw|uw)?\s*hotel)|\b(?:in|naar)\s+(?:je|jouw|uw)\s+hotel\w*|"
            r"\b(?:at|to)\s+your\s+(?:place|hotel|home|house|apartment)|\ben\s+tu\s+(?:casa|hotel|domicilio)|"
            r"\b(?:no\s+seu|na\s+sua|ao\s+seu)\s+(?:hotel|casa)|\bu\s+ciebie\b|\bla\s+(?:tine|hotel)\b|"
            r"\b(?:i|we)\s+(?:come|travel)\s+to\s+you|\bsalidas?\b|\bsalgo\b|domicilio|dojazd|dojezdzam|"
            r"\bvin\s+la\b|acompanhante|hausbesuch\w*|\baan\s+huis\b|to\s+your\s+(?:hotel|home)|"
            r"\bnaar\s+(?:je|jou|u|jullie)\s+toe\b|"
            r"naar\s+(?:je|jouw|uw)\s+(?:hotel|huis)|\bhotel\s*(?:en|and|of|or|/)\s*(?:thuis|huis|home)bezoek"
        ),
    ),
    (
        "massage",
        Gated(
            r"massa(?:ge|gem|je|z|ggio)\w*|masaz\w*|\bmasaj\w*|body[\s-]*(?:to|2|tot)[\s-]*body|tantr\w*|"
            r"\bnuru\b|\blingam\b|masseuse|masseur|masajista"
        ),
    ),
)
# "Ook escort", "ik kom ook naar je toe": "also" implies reception too. An inference, not wording: it counts
# only when the site has no reception field (the advertiser's own choice of types wins over it).
_IMPLIED_HOME = re.compile(
    r"\book\s+(?:thuisbezoek|es{1,2}[ck]o{1,2}u?r[dt]|outcall|hotelbezoek)|\bkom\s+ook\s+naar|"
    r"\book\s+naar\s+(?:je|jou|u|jullie)\s+toe\b"
)
# "Aan huis" is outcall ("massage aan huis", "ook aan huis") unless a place precedes it: "plekje aan huis",
# "praktijk aan huis" is a workplace in the advertiser's own home (reception).
_HOME_AAN_HUIS = re.compile(r"(?:plek\w*|praktijk|salon|studio|ruimte|kamer\w*|werkplek|kapsalon)\s+$")
# "Ik ontvang niet", "ontvangst niet mogelijk"; not "ik ontvang niet alleen heren".
_NEGATED_AFTER = re.compile(
    r"^\s*(?:niet\s+mogelijk|not\s+possible|nee\b|no\b|niet\b(?!\s+(?:alleen|enkel|slechts|meer\s+dan|ver)\b))"
)


def types_from(
    value: str | None, folded: str | None = None, implied: bool = True
) -> tuple[set[WorkType], list[str]]:
    """Types named in a field or text (`folded`: the text already folded), with the phrases naming them;
    `implied`: also read "ook escort" as home."""
    if not value:
        return set(), []
    folded = folded if folded is not None else fold(value)
    found: set[WorkType] = set()
    evidence: list[str] = []
    for work_type, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            if negated(folded, match.start()) or _NEGATED_AFTER.match(folded[match.end() : match.end() + 20]):
                continue
            if match.group().startswith("aan") and _HOME_AAN_HUIS.search(
                folded[max(0, match.start() - 16) : match.start()]
            ):
                found.add("home")
                evidence.append(folded[max(0, match.start() - 16) : match.end()].strip())
                continue
            found.add(work_type)
            evidence.append(match.group())
            break
    if implied and "home" not in found:
        implied_match = _IMPLIED_HOME.search(folded)
        if implied_match and not negated(folded, implied_match.start()):
            found.add("home")
            evidence.append(implied_match.group())
    return found, evidence
