"""Indicators: named flags on an ad's wording, each with the text that triggered it.

They describe ads, never people, and none of them alone means exploitation: the reports call "24/7" and anal
services weak signals; "unlicensed" is not "trafficked". Known weaknesses per flag are in docs/extraction.md.
"""

from __future__ import annotations

import re

from zicht.extract.text import Gated, Prepared, fold, negated
from zicht.models import Evidence
from zicht.vocab import Gender

INDICATORS = ("age_under_21", "available_24_7", "unsafe_sex", "third_party", "new_in_town", "several_workers")

_PATTERNS: dict[str, Gated | re.Pattern[str]] = {
    "available_24_7": Gated(
        r"\b24\s*/\s*7\b|\b24-7\b|\b24x7\b|\b24\s*(?:uur|u|h|hours|horas|std)\s*(?:per|a|al|/)?\s*(?:dag|day|dia)\b|"
        r"\b24\s*(?:uur\s+)?(?:bereikbaar|beschikbaar|open|available)\b|\b(?:available|recibo|open)\s+24\s*"
        r"(?:hours|horas|h|uur)\b|\bdag\s+en\s+nacht\b|\bday\s+and\s+night\b|\bnon[\s-]?stop\b|"
        r"altijd\s+bereikbaar|always\s+available|"
        # "24 horas", "24 hours" on its own; not a notice period ("24 hours in advance", "24 horas antes")
        r"\b24\s*(?:horas|hours|hrs)\b(?!\s*(?:de\s+)?(?:in\s+advance|ahead|before|notice|antes|de\s+antelacion|"
        r"vooraf|van\s+tevoren|ago|geleden|prior))"
    ),
    "unsafe_sex": Gated(
        r"zonder\s+condoom|without\s+(?:a\s+)?condom|\bno\s+condom|sin\s+condon|bez\s+gumki|fara\s+prezervativ|"
        r"bareback|\bbb\b|onbeschermd\w*|unprotected|\bowo\b|(?:pijpen|frans|blowjob|bj)\s+(?:zonder|without)\b|"
        # "ook zonder" ending a phrase, also run-on ("24/7 ook zonder 1u 120"); not "ook zonder afspraak"
        r"\b(?:doe|ook|alles)\s+(?:ook\s+)?zonder\s*(?:[.!,]|$|(?=\d|€))|\bnatural\s+(?:sex|service)|"
        r"\b(?:zonder|without|sin|sem|bez|fara|ohne)\s+(?:bescherming|protection|proteccion|protecao|"
        r"zabezpieczenia|protectie|schutz)\b"
    ),
    "third_party": Gated(
        r"bel\s+mijn\s+(?:manager|assistent\w*|secretaresse|vriend\w*|receptie)|\b(?:my|mijn|mi|meu)\s+manager|"
        r"\bmanagerul\b|"
        r"bookings?\s+(?:only\s+)?(?:via|through)|boeking\w*\s+via|boeken\s+via|afspra(?:ak|ken)\s+(?:alleen\s+)?via\s+"
        r"(?:mijn|onze|de|my|our)\b|\breceptie\b|\breceptionist\b|\bcentrale\b|\boffice\b|\bkantoor\b|"
        r"\bbooker\b|regelt\s+de\s+afspraken|(?:through|via)\s+my\s+(?:friend|manager|agent)|call\s+our|"
        r"bel\s+onze|\bonze\s+receptie|\bassistente\b|\bmy\s+agent\b|\breserver\w*\s+(?:alleen\s+)?via|"
        r"\breservations?\s+(?:only\s+)?(?:via|through)|\breservas?\s+(?:solo\s+)?(?:por|via|con)\b"
    ),
    "new_in_town": re.compile(  # not Gated: faster as it is
        r"\bnieuw\w*\s+(?:\w+\s+){0,2}?in\s+(?!het\s+vak|dit\s+werk|de\s+branche|het\s+werk)|"
        r"\bnew\s+(?:\w+\s+){0,1}?in\s+(?!the\s+business)|\bnuev[oa]\s+en\b|\bnowa\s+w\b|\bnou[aă]\s+[iî]n\b|"
        r"\bop\s+tour\b|\bon\s+tour\b|\b(?:alleen|vanaf)\s+deze\s+week\b|\bdeze\s+week\s+(?:\w+\s+){0,2}in\b|"
        r"\bonly\s+this\s+week\b|\bnet\s+aangekomen\b|\bjust\s+arrived\b|\bvoor\s+korte\s+tijd\b|"
        r"\bnieuw\w*\s+(?:dame|meid|girl|collega)\w*\s+bij\s+ons\b|"
        r"\bfor\s+a\s+(?:short\s+time|few\s+days)\b|\bvisiting\b(?!\s+(?:\w+\s+){0,2}(?:regularly|often|every|weekly|monthly))|\bde\s+passage\b|\bfirst\s+time\s+in\b|"
        r"\beerste\s+keer\s+in\b|\bsinds\s+kort\s+in\b|\balleen\s+vandaag\b|\b\d\s+weeks?\s+only\b|"
        r"\bfor\s+\d\s+weeks?\s+only\b|\bthis\s+week\s+only\b|\b(?:recien|acabo\s+de)\s+llegad[ao]s?\b|"
        r"\brecem[\s-]+chegad[ao]s?\b|\bnewly\s+arrived\b|\bsinds\s+kort\s+(?:\w+\s+)?in\b|"
        r"\bnieuw\w*\s+(?:(?:dame|dames|meid|meiden|girls?|collega)\w*\s+bij\s+(?:club|privehuis)\b|"
        # "Nieuw bij Club Mistral in Amersfoort": a venue's name between
        r"bij\s+(?:club|privehuis|prive|salon)\s+(?:[\w'-]+\s+){0,3}?in\b)|"
        # "LAATSTE WEEK IN Arnhem", "nu ook in Groningen", "for one week only"
        r"\blaatste\s+(?:week|weekend|dagen|dag)\s+in\b|\bnu\s+ook\s+in\b|\bone\s+week\s+only\b|"
        r"\bnur\s+diese\s+woche\b"
    ),
    "several_workers": Gated(
        r"\b(?:[2-9]|twee|drie|vier|vijf|zes|meerdere|several|two|three|four|beide)\s+(?:\w+\s+){0,2}?"
        r"(?:meiden|meisjes|dames|girls|ladies|vrouwen|chicas|masseuses|dziewczyny|escorts|modellen|models)\b|"
        r"\bduo\b|"
        r"\b(?:wij|we)\s+(?:zijn|are|werken|work)\b|"
        r"\b(?:onze|our)\s+(?:\w+\s+)?(?:dames|meiden|girls|ladies|models|modellen|escorts|masseuses|chicas)\b|"
        r"\b(?:met|with)\s+(?:mijn|my)\s+(?:\w+\s+)?(?:vriendin|collega|friend|colleague|girlfriend)\b|"
        r"\b(?:mijn|my)\s+(?:vriendin|collega|friend|colleague)\s+(?:\(\d+\)\s+)?(?:kan|can|komt|comes)\s+(?:ook\s+|also\s+)?(?:mee|join)|"
        r"samen\s+of\s+apart|together\s+or\s+separately|ons\s+tweeen|werkt\s+ook\s+hier"
    ),
}
# Rarer phrasings, each behind a cheap substring test (a branch more in the patterns above costs every ad):
# "Ontvangst 24 uur" (a service offered round the clock, not "24 uur van tevoren"); "for 5 days only".
_RARE: dict[str, tuple[str, re.Pattern[str]]] = {
    "available_24_7": (
        "24",
        re.compile(
            r"\b(?:geopend|ontvangst|ontvang|bereikbaar|beschikbaar|incall|outcall)\s+24\s*(?:hours|horas|h|uur)\b"
            r"(?!\s*(?:van\s+tevoren|vooraf|in\s+advance|ahead|notice))"
        ),
    ),
    "new_in_town": (
        "only",
        re.compile(
            r"\b(?:\d|one|two|three|four|five|six|seven|a\s+few)\s+(?:days?|nights?|weeks?)\s+only\b|"
            r"\bonly\s+(?:for\s+)?(?:\d|one|two|three|four|five|six|seven|a\s+few)\s+(?:days|nights)\b"
        ),
    ),
}
# A plural alone ("onze meiden", "girls") counts too, unless it names the clientele or a recruitment ("voor
# dames", "zoekt dames", "ook dames"): checked on the word before, outside the regex (a lookbehind in front of
# the pattern would keep Python's re from scanning fast for its first letters).
# A negation right after an unsafe-sex term: "Bareback not possible", "BB? Nee", "zonder condoom: nooit".
_NEGATED_AFTER = re.compile(
    r"^\s*(?:mogelijk|possible|posible|possivel|ok)?\s*[?!.:,-]*\s*(?:is\s+|doe\s+ik\s+|kan\s+)?(?:niet|not|no\b|nee\b|nooit|never|geen|nunca|nao|nie\b|nu\b)"
    r"(?!\s+(?:probleem|problem|extra))"
)
# "Vandaag aanwezig: Anna, Bianca, Carla en Diana": several workers named after a presence word (raw text:
# names are capitalised); weekdays and months are no names ("Aanwezig: maandag en dinsdag").
_NAME_LIST = re.compile(
    r"(?i:aanwezig|anwesend|present|werkzaam|working)\s*:?\s*"
    r"((?:[A-Z][^\W\d_]+\s*,\s*)*[A-Z][^\W\d_]+\s*,?\s+(?:en|and|&|und|y)\s+[A-Z][^\W\d_]+)"
)
_NAME_LIST_HINTS = ("aanwezig", "anwesend", "present", "werkzaam", "working")
_NOT_NAMES = frozenset(
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag monday tuesday wednesday thursday friday "
    "saturday sunday januari februari maart april mei juni juli augustus september oktober november december "
    "january february march may june july august october".split()
)
# "Mooie Zuzana in Alkmaar, nieuw!!": "nieuw" right after the place the advertiser is in (raw: a capital).
_NEW_AFTER_PLACE = re.compile(
    r"\b(?:in|naar)\s+[A-Z][^\W\d_]+(?:[\s-][A-Z][^\W\d_]+)?\s*[,!-]*\s*(?:nieuw|new)\b"
)
_PLURAL = Gated(r"\b(?:meiden|dames|girls|ladies|masseuses)\b")
_NOT_PLURAL_BEFORE = re.compile(r"\b(?:voor|for|zoekt|ook|and|en)\s$")
# "Dames en heren", "ladies and gentlemen": a greeting, not several workers.
_GREETING_AFTER = re.compile(r"^\s+(?:en|and|&|y)\s+(?:heren|gentlemen|gents|caballeros)\b")


def indicators_from(text: Prepared, age: int | None, gender: Gender | None) -> list[Evidence]:
    """Evidence for each indicator the ad's wording shows, in INDICATORS order."""
    folded = text.folded
    found: list[Evidence] = []
    if age is not None and age < 21:
        found.append(Evidence("age_under_21", f"age {age}"))
    for name, pattern in _PATTERNS.items():
        if name == "several_workers" and gender == "couple":
            continue  # a couple is one advertiser of two people; counted by gender, not as several workers
        first = _first_not_negated(pattern, folded, name)
        rare = _RARE.get(name)
        if first is None and rare is not None and rare[0] in folded:
            first = _first_not_negated(rare[1], folded, name)
        if name == "several_workers":
            plural = _first_plural(folded)
            if plural is not None and (first is None or plural.start() < first.start()):
                first = plural
            if first is None:
                first = _name_list(text)
        if name == "new_in_town" and first is None and ("nieuw" in folded or "new" in folded):
            first = _NEW_AFTER_PLACE.search(text.raw)
        if first is not None:
            found.append(Evidence(name, first.group().strip()))
    return found


def _first_not_negated(pattern: Gated | re.Pattern[str], folded: str, name: str) -> re.Match[str] | None:
    for match in pattern.finditer(folded):
        if name in ("unsafe_sex", "new_in_town") and negated(folded, match.start()):
            continue
        if name == "unsafe_sex" and _NEGATED_AFTER.match(folded[match.end() : match.end() + 24]):
            continue
        return match
    return None


def _name_list(text: Prepared) -> re.Match[str] | None:
    if not any(hint in text.folded for hint in _NAME_LIST_HINTS):
        return None
    for match in _NAME_LIST.finditer(text.raw):
        names = re.findall(r"[^\W\d_]+", match.group(1))
        if not any(fold(n) in _NOT_NAMES for n in names):
            return match
    return None


def _first_plural(folded: str) -> re.Match[str] | None:
    for match in _PLURAL.finditer(folded):
        if not _NOT_PLURAL_BEFORE.search(
            folded[max(0, match.start() - 7) : match.start()]
        ) and not _GREETING_AFTER.match(folded[match.end() : match.end() + 16]):
            return match
    return None
