"""Types of sex work offered: home (privé-/thuisontvangst, incall), escort (outcall, hotel visits), massage.

The site field and the text are both read and their types united; a negated phrase ("geen escort", "no
outcall") does not count.
"""

from __future__ import annotations

import re

from zicht.extract.text import Gated, fold, negated
from zicht.vocab import WorkType

# A small grammar of where the meeting takes place. Reception (home): the speaker hosts, or the place is on
# the speaker's side; outcall (escort): the speaker moves towards the client, or the place is the client's.
# Each family is a list of alternatives over folded text (lower case, no accents), kept apart so that tests
# can exercise them one by one (tests/test_extract_grammar.py). Negation is read around every match.
_ME = r"(?:mij|me|ons|mnie|siebie)"  # first person (nl/pl)
_YOU = r"(?:jou|je|u|jullie)"  # second person (nl)
_MY = r"(?:mijn|my|onze|our|mi|mio|mia|meu|minha|moj\w*|meine?m?|mon|ma)"
_YOUR = r"(?:jouw|uw|your|tu|seu|sua|twoj\w*|deine?m?)"
# places a person lives or works in (nl/en/es/pt/pl/it/ro)
_PLACE = (
    r"(?:huis|woning|appartement|flat|kamer|werkkamer|studio|kerker|dungeon|boerderij|praktijk|salon|"
    r"massagetafel|place|apartment|room|home|house|casa|piso|apartamento|departamento|lugar|sitio|espacio|"
    r"espaco|ape|apartament\w*|mieszkani\w*|pokoj\w*|appartamento|chambre|maison|hotel\w*)"
)
# Hosting verbs and nouns (first person, or the client coming / walking in).
HOME_HOSTING = (
    r"prive[\s-]*ontvan\w*|priveontvan\w*|thuis[\s-]*ontvan\w*|\bontvan(?:gst|gts|gs|st|g|gt|gen)\b|\bonvangst\b|"
    r"incall|private\s+(?:reception|apartment)|\breceive\b|\brecibo\b|\bprzyjmuje\w*|\bprimesc\b|"
    r"\bricevo\b|\brecois\b|\bempfang\w*|\bprivate\s+house\b|\b(?:i|we)\s+(?:\w+\s+)?host\b|\bhosting\b|\bwalk[\s-]*ins?\b|"
    r"\baan\s*bellen\b|\bbinnen\s*(?:lopen|loopt|wandelen|wandel|stappen|stap|vallen)\b|"
    r"\bwoon\s+en\s+werk\b|\blive\s+and\s+work\b|\btengo\s+(?:un\s+)?(?:sitio|lugar|piso|apartamento|espacio)\b|"
    r"\bvieni\s+a\s+trovarmi\b|\bzaprasza\w*\s+(?:\w+\s+)?do\s+(?:siebie|mnie|moj\w*)\b|"
    r"\bkamers?\s*(?:\d|[:=]|prijs|huur|vanaf|v\.a\.)|kamer\s*\+\s*dame"
)
# The client comes to the speaker ("kom langs", "je komt naar mij", "come visit me", "die me komt bezoeken").
HOME_CLIENT_COMES = (
    r"kom\s+(?:\w+\s+)?langs|langs\s*(?:te\s+)?kom\w*|\b(?:even|snel|gezellig|gewoon|eens|gerust)\s+langs\b|"
    r"(?:you|je)\s+(?:come|komt)\s+(?:to|bij)\s+(?:me|mij)|come\s+and\s+visit\s+me|\bvisit\s+me\b|"
    r"\b(?:kom|komt|komen|come)\s+(?:\w+\s+)?(?:naar|to)\s+(?:mij|me|mijn|ons|onze|my|our)\b|"
    r"\b(?:me|mij|ons)\s+(?:\w+\s+){0,4}?bezoeken\b|\bbezoek\s+(?:me|mij|ons)\b|"
    r"\bwaar\s+(?:je|u|jullie)\s+(?:\w+\s+)?(?:welkom|terecht)\b|\bwelkom\s+bij\s+(?:mij|ons)\b|"
    r"\bkom\w*\s+(?:\w+\s+)?bij\s+[a-z]+\s+in\b"
)
# A place on the speaker's side ("bij mij terecht", "in mijn woning", "at my place", "en mi piso", "u mnie").
HOME_SPEAKER_PLACE = (
    r"\bbij\s+(?:mij|ons)\s+(?:\w+\s+){0,4}?terecht\b(?!\s+voor\b)|\bterecht\s+(?:bij|in)\s+(?:mij|ons|mijn|onze)\b|"
    r"\bbij\s+(?:mij|ons)\s+(?:thuis|op\s+(?:de\s+)?\w+|aan\s+huis)\b|"
    r"\b(?:afspr\w*|ontmoet\w*|alleen|of|ook|sessies?|dates?)\s+bij\s+(?:mij|ons)\b|"
    r"\bbij\s+(?:mij|ons)\s+(?:of|en)\s+(?:bij\s+)?(?:jou|je|u|in)\b|"
    r"\b(?:in|op|naar|at|en|no|na|em|nel|nella|w|la|dans|chez)\s+"
    + _MY
    + r"\s+(?:[\w-]+\s+)?"
    + _PLACE
    + r"\b|"
    # not when brought along to the client: "ik kom naar je toe met mijn massagetafel"
    r"\b(?:mijn|my)(?<!met\smijn)(?<!neem\smijn)(?<!breng\smijn)(?<!with\smy)\s+(?:\w+\s+)?(?:massagetafel|massage\s+table|werkkamer|kerker|dungeon)\b|"
    r"\bat\s+my\s+(?:place|apartment|flat|home|studio)\b|\bmy\s+place\b|\bbij\s+(?:mij|ons)\s+thuis|\bbei\s+mir\b|"
    # "thuis in Utrecht" is the speaker's home unless it is the client's ("bij jou thuis in")
    r"\bu\s+mnie\b|\bla\s+mine\b|\bthuis(?<!jou\sthuis)(?<!je\sthuis)(?<!\bu\sthuis)(?<!uw\sthuis)(?<!jullie\sthuis)\s+in\b|\bchez\s+moi\b|"
    r"\bvanuit\s+(?:huis|(?:een|mijn|ons|onze|het)\s+(?:\w+\s+)?(?:kamer|huis|pand|appartement|woning|studio|salon))\b|"
    r"\bhotel\w*\s+(?:\w+\s+)?die\s+ik\s+(?:regel|boek|huur)\b|\bmy\s+hotel\s*room\b|"
    r"\bwerk\w*\s+(?:\w+\s+){0,3}?in\s+(?:een|ons|het|mijn)\s+(?:\w+\s+)?(?:huis|pand|salon|appartement|studio)\b|"
    r"\b(?:piso|apartamento|lugar|espacio|sitio|local)\s+(?:propio|proprio|privado|discreto)\b|"
    # "mi propio apartamento", "meu proprio apartamento"; not "tu propia casa" (the client's). The possessive
    # is checked behind the word: a branch starting with "mi"/"un" would stop the fast scan everywhere.
    r"\b(?:propi[ao](?<!tu\spropi[ao])(?<!su\spropi[ao])|propri[ao](?<!tua\spropri[ao])(?<!sua\spropri[ao])"
    r"(?<!seu\spropri[ao])(?<!teu\spropri[ao]))\s+(?:piso|apartamento|lugar|espacio|espaco|sitio|casa|"
    r"departamento|estudio|local)\b|"
    # someone else's place in an agency's or a third-person ad: "in haar praktijk", "in zijn studio"
    r"\bin\s+(?:haar|zijn|her|his)\s+(?:[\w-]+\s+)?(?:praktijk|massagepraktijk|salon|massagesalon|studio|"
    r"appartement|apartment|woning|huis|kamer|werkkamer|kerker)\b|"
    r"\beigen\s+(?:[\w-]+\s+){0,3}?[\w-]*(?:kamer|ruimte|appartement|woning|ingang|studio|werkruimte|praktijk|salon|"
    r"kerker|plek|plekje|huis|pand)\b|"
    r"\bown\s+(?:[\w-]+\s+){0,2}?(?:room|place|apartment|flat|studio)\b|\bprivate\s+rooms?\b|"
    r"\b(?:mijn|my|onze|our)\s+(?:[\w-]+\s+)?(?:studio|praktijk|massagepraktijk|massagesalon|salon)\b|"
    r"\bin\s+(?:ons|onze)\s+(?:huis|appartement|woning|flat|studio|pand|salon)\b|\bprywatnie\b|"
    r"\bprive\s*(?:huis|\.|$|in\b)|\bprivehuis|\bclub\b|\braamwerk|\bprive\b(?!-)"
)
# The speaker moves towards the client ("ik kom naar je toe", "I travel to you", "voy a tu hotel").
ESCORT_MOVES = (
    r"\bes{1,2}[ck]o{1,2}u?r[dt]\w*|outcall|hotel\s*bezoek|hotelvisit|hotel\s+visits?|thuis\s*bezoek|"
    r"bezoek\s+aan\s+huis|\bkom\w*\s+(?:\w+\s+){0,2}(?:bij|naar)\s+" + _YOU + r"\b|"
    r"\bnaar\s+" + _YOU + r"\s+toe\b|\bnaar\s+(?:jou|u|jullie)\s+(?:\w+\s+)?(?:komen|kom|rijden)\b|"
    r"\b(?:kom\w*|ga|gaan|rijd\w*|come|go|travel|visit)\s+(?:\w+\s+){0,2}(?:naar|to)\s+(?:hotels?|you|your)\b|"
    r"\b(?:i|we)\s+(?:\w+\s+)?(?:come|travel|visit)\s+(?:to\s+)?you\b|\bmeet\s+(?:\w+\s+){0,2}?at\s+(?:hotels?|your)\b|"
    r"\bbezoek(?:en)?\s+(?:ook\s+)?(?:klanten|heren|je|jou|u)\b|"
    r"\bsalidas?\b|\bsalgo\b|domicili?[oe]|\b(?:voy|vou|vengo)\s+(?:a|al|ao|en)\s+(?:tu|seu|su)?\s*(?:hotel|casa)\b|"
    r"\bdepla(?:s(?:ari|are|arile|ez|am|ri)|c(?:e|ements?))\b|\bchez\s+(?:toi|vous)\b|"
    r"dojazd|dojezdzam|\bjade\s+do\s+ciebie\b|\bvin\s+la\b|\bvin\s+(?:eu\s+)?la\s+tine\b|acompanhante|hausbesuch\w*|"
    r"\baan\s+huis\b"
)
# A place on the client's side ("bij jou thuis", "your hotel", "en tu casa", "u ciebie", "or theirs").
ESCORT_CLIENT_PLACE = (
    r"\bbij\s+"
    + _YOU
    + r"\s+(?:thuis|in\s+(?:het|je|jouw|uw)?\s*hotel)|\b(?:in|naar|op)\s+(?:je|jouw|uw)\s+hotel\w*|"
    r"\b(?:afspr\w*|ontmoet\w*|alleen|of|ook|zowel)\s+bij\s+(?:jou|u|jullie)\b|\bbij\s+(?:jou|u)\s+(?:of|en)\b|"
    r"\b(?:jouw|uw)\s+(?:eigen\s+)?(?:woning|huis|hotel\w*|appartement|adres|thuis)\b|"
    r"\bje\s+(?:woning|hotel\w*|appartement|adres)\b|"
    r"\b(?:at|to|in)\s+your\s+(?:place|hotel|home|house|apartment|room)|\bor\s+theirs\b|\btheir\s+(?:place|hotel)\b|"
    r"\b(?:en|a)\s+tu\s+(?:casa|hotel|domicilio|apartamento)|\b(?:no\s+seu|na\s+sua|ao\s+seu)\s+(?:hotel|casa)|"
    r"\bu\s+ciebie\b|\bla\s+(?:tine|hotel)\b|naar\s+(?:je|jouw|uw)\s+(?:hotel|huis)|"
    r"\bhotel\s*(?:en|and|of|or|/)\s*(?:thuis|huis|home)bezoek"
)
MASSAGE = (
    r"massa(?:ge|gem|je|z|ggio)\w*|masaz\w*|\bmasaj\w*|body[\s-]*(?:to|2|tot)[\s-]*body|tantr\w*|"
    r"\bnuru\b|\blingam\b|masseuse|masseur|masajista"
)
FAMILIES: dict[str, tuple[WorkType, str]] = {
    "home_hosting": ("home", HOME_HOSTING),
    "home_client_comes": ("home", HOME_CLIENT_COMES),
    "home_speaker_place": ("home", HOME_SPEAKER_PLACE),
    "escort_moves": ("escort", ESCORT_MOVES),
    "escort_client_place": ("escort", ESCORT_CLIENT_PLACE),
    "massage": ("massage", MASSAGE),
}
_PATTERNS: tuple[tuple[WorkType, Gated], ...] = tuple(
    (work_type, Gated("|".join(p for name, (t, p) in FAMILIES.items() if t == work_type)))
    for work_type in ("home", "escort", "massage")
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
    r"^\s*(?:niet\s+mogelijk|not\s+possible|nee\b|no\b|pas\b|niet\b(?!\s+(?:alleen|enkel|slechts|meer\s+dan|ver)\b))"
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
