"""Indicators: named flags on an ad's wording, each with the text that triggered it.

They describe ads, never people, and none of them alone means exploitation: the reports call "24/7" and anal
services weak signals; "unlicensed" is not "trafficked". Known weaknesses per flag are in docs/extraction.md.
"""

from __future__ import annotations

import re

from zicht.extract.licence import licence_terms
from zicht.extract.text import Gated, Prepared, first_char_test, fold, negated
from zicht.extract.workers import PLURAL, PLURAL_NOT_CLIENTS, plural_workers
from zicht.models import Evidence
from zicht.vocab import Gender

INDICATORS = ("age_under_21", "available_24_7", "unsafe_sex", "third_party", "new_in_town", "several_workers")

# Things that are new without anyone arriving: a venue, a service, a web page, a number.
_NEW_THING = (
    r"(?:massages?|massagesalon|massagepraktijk|salon|studio|praktijk|practice|website|site|webpage|pagina|page|foto\w*|photos?|pics?|"
    r"nummer|telefoonnummer|number|advertentie|ad|profiel|profile|kamer|room|appartement|apartment|locatie)\b"
)
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
        r"bareback|\bbb\b|onbeschermd\w*|unprotected|\bowo\b|(?:pijpen|frans|blowjob|bj|gv)\s+(?:zonder|without)\b|"
        # "ook zonder" ending a phrase, also run-on ("24/7 ook zonder 1u 120"); not "ook zonder afspraak"
        r"\b(?:doe|ook|alles)\s+(?:ook\s+)?zonder\s*(?:[.!,]|$|(?=\d|€))|\bnatural\s+(?:sex|service)|"
        r"\b(?:zonder|without|sin|sem|bez|fara|ohne)\s+(?:bescherming|protection|proteccion|protecao|"
        r"zabezpieczenia|protectie|schutz)\b"
    ),
    "third_party": Gated(
        r"bel\s+mijn\s+(?:manager|assistent\w*|secretaresse|vriend\w*|receptie)|\b(?:my|mijn|mi|meu)\s+manager|"
        r"\bmanagerul\b|"
        r"bookings?\s+(?:only\s+)?(?:via|through)|boeking\w*\s+via|boeken\s+via|afspra(?:ak|ken)\s+(?:maken\s+|plannen\s+)?(?:alleen\s+)?via\s+"
        r"(?:mijn|onze|de|my|our)\b|\breceptie\b|\breceptionist\w*|\bcentrale\b|\boffice\b|\bkantoor\b|"
        r"\bbooker\b|regelt\s+de\s+afspraken|(?:through|via)\s+my\s+(?:friend|manager|agent)|call\s+our|"
        r"bel\s+onze|\bonze\s+receptie|\bassistente\b|\bmy\s+agent\b|\breserver\w*\s+(?:alleen\s+)?via|"
        r"\breservations?\s+(?:only\s+)?(?:via|through)|\breservas?\s+(?:solo\s+)?(?:por|via|con)\b"
    ),
    # not Gated: faster as a regex with its first characters tested ahead
    "new_in_town": first_char_test(
        re.compile(
            # a new place or service is no new arrival: "nieuwe massage in Zaandam", "mijn nieuwe studio in"
            r"\bnieuw\w*\s+(?:(?!"
            + _NEW_THING
            + r")\w+\s+){0,2}?in\s+(?!het\s+vak|dit\s+werk|de\s+branche|het\s+werk)|"
            r"\bnew\s+(?:(?!" + _NEW_THING + r")\S+\s+){0,3}?in\s+(?!the\s+business|my\b|your\b)|"
            r"\bnuev[oa]\s+en\b|\bnowa\s+(?:\w+\s+)?w\b|\bnou[aă]\s+[iî]n\b|"
            r"\b(?:op|on|em|en|in|auf)\s+tour\b|\b(?:alleen|vanaf)\s+deze\s+week\b|\bdeze\s+week\s+(?:\w+\s+){0,2}in\b|"
            r"\bonly\s+this\s+week\b|\bnet\s+aangekomen\b|\bjust\s+arrived\b|\bvoor\s+korte\s+tijd\b|"
            r"\bnieuw\w*\s+(?:dame|meid|girl|collega)\w*\s+bij\s+ons\b|"
            r"\bfor\s+a\s+(?:short\s+time|few\s+days)\b|\bvisiting\b(?!\s+(?:you|your|u|clients|customers|gentlemen)\b|\s+(?:\w+\s+){0,2}(?:regularly|often|every|weekly|monthly))|\bde\s+passage\b|\bfirst\s+time\s+in\b|"
            r"\beerste\s+keer\s+in\b|\bsinds\s+kort\s+in\b|\balleen\s+vandaag\b|\b\d\s+weeks?\s+only\b|"
            r"\bfor\s+\d\s+weeks?\s+only\b|\bthis\s+week\s+only\b|\b(?:recien|acabo\s+de)\s+llegad[ao]s?\b|"
            r"\brecem[\s-]+chegad[ao]s?\b|\bnewly\s+arrived\b|\bsinds\s+kort\s+(?:\w+\s+)?in\b|"
            r"\bnieuw\w*\s+(?:(?:dame|dames|meid|meiden|girls?|collega)\w*\s+bij\s+(?:club|privehuis)\b|"
            # "Nieuw bij Club Mistral in Amersfoort": a venue's name between
            r"bij\s+(?:club|privehuis|prive|salon)\s+(?:[\w'-]+\s+){0,3}?in\b)|"
            # "LAATSTE WEEK IN Arnhem", "nu ook in Groningen", "for one week only"
            r"\blaatste\s+(?:week|weekend|dagen|dag)\s+in\b|\bnu\s+ook\s+in\b|\bone\s+week\s+only\b|"
            r"\bnur\s+diese\s+woche\b"
        )
    ),
    "several_workers": Gated(
        r"\b(?:[2-9]|twee|drie|vier|vijf|zes|meerdere|several|two|three|four|beide)\s+(?:\w+\s+){0,2}?"
        r"(?:meiden|meisjes|dames|girls|ladies|vrouwen|chicas|masseuses|dziewczyny|escorts|modellen|models)\b|"
        r"\bduo\b(?!\s*(?:douche|shower|bad|bath|ducha|dildo))|"
        r"\b(?:wij|we)\s+(?:zijn|are|werken|work|bezoeken|visit|leveren|deliver|bieden|offer)\b|"
        r"\b(?:onze|our)\s+(?:\w+\s+)?(?:dames|meiden|meisjes|girls|ladies|models|modellen|escorts|masseuses|"
        r"chicas|hostesses)\b|"
        r"\b(?:met|with)\s+(?:mijn|my)\s+(?:\w+\s+)?(?:vriendin|collega|friend|colleague|girlfriend)\b|"
        r"\b(?:mijn|my)\s+(?:vriendin|collega|friend|colleague)\s+(?:\(\d+\)\s+|van\s+\d+\s+)?(?:kan|can|komt|comes)\s+"
        r"(?:soms\s+|sometimes\s+)?(?:ook\s+|also\s+)?(?:mee|join|erbij)|"
        r"samen\s+of\s+apart|together\s+or\s+separately|ons\s+tweeen|werkt\s+ook\s+hier"
    ),
}
# Rarer phrasings, each behind cheap substring tests (a branch more in the patterns above costs every ad):
# name -> (gates, pattern) entries; a pattern runs only when one of its gates occurs in the folded text.
_RARE: dict[str, tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]] = {
    "available_24_7": (
        (
            ("24",),
            re.compile(
                # "Ontvangst 24 uur" (round the clock, not "24 uur van tevoren"); "H24", "24h"
                r"\b(?:geopend|ontvangst|ontvang|bereikbaar|beschikbaar|incall|outcall)\s+24\s*(?:hours|horas|h|uur)"
                r"\b(?!\s*(?:van\s+tevoren|vooraf|in\s+advance|ahead|notice))|\bh24\b|"
                r"\b24\s?h\b(?!\s*(?:van\s+tevoren|vooraf|in\s+advance|ahead|notice|before|antes|prima|vorher))"
            ),
        ),
    ),
    "unsafe_sex": (
        # "BJ natural", "fellation nature"
        (
            ("natur",),
            re.compile(
                r"\b(?:bj|blowjob|oral|fellation|pijpen|blasen)\s+(?:natural|nature|naturel|natur)\b|"
                r"\bnatural\s+(?:bj|blowjob|oral)\b"
            ),
        ),
        # German "Französisch pur" / "FP"
        (("pur", "fp"), re.compile(r"\bfranzosisch\s+pur\b|\bfp\b")),
        # pt "oral sem capa/camisinha", "sin preservativo", "ohne Gummi"
        (
            ("camisinha", "capa", "preservativ", "kondom", "gummi"),
            re.compile(
                r"\b(?:sem|sin|ohne|bez|fara)\s+(?:camisinha|capa|preservativo|prezervativ|kondom|gummi|gumy)\b"
            ),
        ),
    ),
    "third_party": (
        # "Afspraken met Lara (24) maken via haar vriendin Jolanda"
        (
            ("afspra",),
            re.compile(
                r"\bafspra(?:ak|ken)\b[^.!?\n]{0,40}?\bvia\s+(?:mijn|haar|zijn|onze|de|my|her|his|our)\s+"
                r"(?:\w+\s+)?(?:vriendin|vriend|manager|assistent\w*|collega|secretaresse|receptie|zus|partner|"
                r"agent|chauffeur|baas)\b"
            ),
        ),
        # someone else answers or arranges: a hostess, an operator, a friend to call, a booking line
        (
            ("gastvrouw", "telefonist", "operator", "call my", " line", "bel de", "bel onze"),
            re.compile(
                r"\bgastvrouw\b|\btelefonist\w*|\boperator\b|"
                r"\bcall\s+my\s+(?:friend|manager|assistant|agent|secretary)\b|\b(?:agency|booking|office)\s+line\b|"
                r"\bbel\s+(?:de|onze)\s+(?:bar|balie)\b"
            ),
        ),
        # "wij regelen de afspraken", "we handle all the clients", "wij zorgen voor de klanten"
        (
            ("regelen", "handle", "arrange", "zorgen voor", "plannen", "take care"),
            re.compile(
                r"\b(?:wij|we)\s+(?:regelen|handle|arrange|plannen|zorgen\s+voor|take\s+care\s+of)\s+"
                r"(?:[\w']+,?\s+){0,3}?(?:afspraken|klanten|clients|bookings|appointments)\b"
            ),
        ),
    ),
    "new_in_town": (
        (
            ("only",),
            re.compile(
                r"\b(?:\d|one|two|three|four|five|six|seven|(?:a\s+)?few)\s+(?:days?|nights?|weeks?)\s+only\b|"
                r"\bonly\s+(?:for\s+)?(?:\d|one|two|three|four|five|six|seven|(?:a\s+)?few)\s+(?:days|nights)\b|"
                r"\bonly\s+this\s+weekend\b"
            ),
        ),
        # "this weekend only", "alleen dit weekend", it "solo questo weekend", es "solo esta semana"
        (
            ("weekend", "semana", "settimana", "paso"),
            re.compile(
                r"\b(?:this|dit|deze)\s+weekend\s+(?:only|alleen)\b|"
                r"\b(?:alleen|nur|solo)\s+(?:dit|deze|dieses|questo|questa|este|esta)\s+"
                r"(?:weekend|wochenende|semana|settimana|fin\s+de\s+semana)\b|\bde\s+paso\b"
            ),
        ),
        (("bij ons",), re.compile(r"\bnieuw\s+bij\s+ons\b")),
        # "por pocos días", "por poucos dias", "na kilka dni", "pentru câteva zile", "een paar dagen in"
        (
            ("dias", "dni", "zile", "dagen"),
            re.compile(
                r"\bpor\s+(?:muy\s+)?(?:pocos|poucos|unos|alguns)\s+dias\b|\bna\s+kilka\s+dni\b|"
                r"\bpentru\s+(?:doar\s+)?(?:cateva|putine)\s+zile\b|"
                r"\b(?:alleen|slechts|maar)\s+(?:een\s+)?(?:paar|enkele)\s+dagen\b|\b(?:paar|enkele)\s+dagen\s+in\b"
            ),
        ),
        # pt "nova em Utrecht", "novinha na cidade"
        (("nova", "novinha"), re.compile(r"\bnov(?:a|inha)\s+(?:\w+\s+)?(?:em|na|no)\b")),
        # a club or privéhuis announcing new workers by name and age: "Nieuw: Sabrina (24) en Diana (29)"
        (
            ("nieuw",),
            re.compile(
                r"\b(?:club|privehuis|prive\s+huis|salon)\b[\s\S]{0,200}?\bnieuw\w*\s*[:!]+\s*[a-z]+\s*\(\s*\d{2}"
            ),
        ),
        # bg/ru "нова в", it "appena arrivata", "per pochi giorni", "nuova a", hu "új lány", de "neu in"
        (
            ("нов", "appena", "pochi", "uj ", "neu ", "nuova"),
            re.compile(
                r"\bнова(?:я)?\s+(?:\S+\s+)?в\b|\bappena\s+arrivat[ao]\b|\bper\s+pochi\s+giorni\b|"
                r"\bnuova\s+(?:\w+\s+)?(?:a|in)\b|\buj\s+lany\b|\bneu\s+(?:in|hier)\b"
            ),
        ),
    ),
    "several_workers": (
        # recruitment of workers
        (
            (
                "zoek",
                "gezocht",
                "looking for",
                "hiring",
                "wanted",
                "sucht",
                "suchen",
                "buscamos",
                "poszukujemy",
                "cautam",
            ),
            re.compile(
                r"\b(?:zoek\w*|gezocht|looking\s+for|hiring|wanted|sucht|suchen|buscamos|poszukujemy|cautam)\b"
                r"[^\n]{0,60}?\b(?:dames|meiden|meisjes|girls|ladies|masseuses|escorts|damen|chicas|modellen|"
                r"models|collega'?s|colleagues)\b"
            ),
        ),
        # counts in other languages and two-digit counts: "Două fete", "8-12 Damen", "12 leuke dames"
        (
            (
                "fete",
                "damen",
                "hostesses",
                "dames",
                "girls",
                "ladies",
                "meiden",
                "models",
                "modellen",
                "escorts",
            ),
            re.compile(
                r"\b(?:[1-9]\d|doua|trei|dwie|trzy|zwei|drei)\s+(?:\w+\s+){0,2}?"
                r"(?:meiden|meisjes|dames|damen|girls|ladies|vrouwen|chicas|fete|hostesses|models|modellen|escorts)\b"
            ),
        ),
        # rooms or windows let to workers
        (
            ("huur", "for rent"),
            re.compile(
                r"\b(?:te\s+huur|verhuur\w*|for\s+rent|huur)\b[\s\S]{0,200}?\b(?:voor|for)\s+(?:\w+\s+)?"
                r"(?:dames|ladies|girls|meiden)\b|"
                r"\b(?:voor|for)\s+(?:\w+\s+)?(?:dames|ladies|girls|meiden)\b[\s\S]{0,200}?\b(?:te\s+huur|huur)\b"
            ),
        ),
    ),
}
_RECRUITMENT = _RARE["several_workers"][0][1]
# "Tanja (29), Ivana (33) en Olga (25)", a roster of lines "★ Nadia (26) – ...": two or more named ages.
_NAMED_AGE = re.compile(r"\b([A-Z][^\W\d_]{2,})\s*\((\d{2})\s*[),]")  # "Diana (29)", "Diana (29, Bulgaarse)"
# 24/7 of the building, not of the worker: "24/7 security/beveiliging".
_NOT_AVAILABILITY_AFTER = re.compile(r"^\s*(?:security|beveiliging|bewaking|camera\w*|surveillance)")
# A list headed by a negation: "Wat ik niet doe: anaal en alles zonder condoom", "No: ...", "Geen: ...".
_NEGATED_LIST_HEAD = re.compile(
    r"\b(?:niet|not|no|geen|nooit|never|nie|nu|nicht|don'?t)\b(?:\s+\w+){0,2}\s*:[^\n:.!?]*$"
)
# The client's office: "naar je hotel of kantoor", "thuis of op kantoor", "to your office".
_CLIENT_PLACE_BEFORE = re.compile(r"\b(?:of|or|op|naar|je|jouw|uw|your|at|to|en|and)\s+$")
# A negation right before "24/7": "niet 24/7", "not 24/7" (the word before only: "zonder afspraak 24/7"
# counts).
_NEGATED_24_7 = re.compile(r"\b(?:niet|not|nicht|nooit|never|geen|no)\s+(?:meer\s+|more\s+)?$")
# An escort business with a phone number takes its bookings itself (third party), unless it only recruits.
_PHONE_LIKE = re.compile(r"(?:\+|\b0)\d[\d\s.-]{7,}")
_CALL_ME = re.compile(
    r"\b(?:bel|call|text|app|sms|contact|whatsapp)\s+(?:of\s+\w+\s+|or\s+\w+\s+)?(?:me|mij)\b"
)
# Words between a number and a plural that make the number no count of workers ("27 voor dames").
_NOT_A_COUNT = re.compile(r"\d+\s+(?:\w+\s+)?(?:voor|for|van|jaar|years)\s")
_BOOKING = re.compile(r"\b(?:book\w*|boek\w*|reserv\w*|bestel\w*)\b")
_RECRUITING = re.compile(
    r"\b(?:zoek\w*|gezocht|looking\s+for|hiring|wanted|sollicit\w*|vacature|apply|verdien\w*|earn|"
    r"busca\w*|procura\w*|trabajar|trabalhar|szukamy|poszukujemy|angajam|cautam|sucht|suchen)\b"
)
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


def indicators_from(text: Prepared, age: int | None, gender: Gender | None) -> list[Evidence]:
    """Evidence for each indicator the ad's wording shows, in INDICATORS order."""
    folded = text.folded
    found: list[Evidence] = []
    if age is not None and age < 21:
        found.append(Evidence("age_under_21", f"age {age}"))
    for name in _PATTERNS:
        if name == "several_workers":
            if gender == "couple":
                continue  # a couple is one advertiser of two people: counted by gender, not as workers
            words = several_workers(text, clientele_plural=gender == "male")
            if words is not None:
                found.append(Evidence(name, words))
            continue
        first = _first_match(name, folded)
        if name == "new_in_town" and first is None and ("nieuw" in folded or "new" in folded):
            first = _NEW_AFTER_PLACE.search(text.raw)
        if first is not None:
            found.append(Evidence(name, first.group().strip()))
        elif name == "third_party" and _bureau_line(text):
            found.append(Evidence(name, "escort bureau's booking line"))
    return found


def several_workers(text: Prepared, clientele_plural: bool = False) -> str | None:
    """The words that offer more than one worker, if any (couples are not told apart here).

    clientele_plural: a plural alone ("dames", "ladies") names the clients, as in a male advertiser's ad."""
    folded = text.folded
    first = _first_match("several_workers", folded)
    if clientele_plural and first is not None and first.re is _RECRUITMENT:
        first = None  # "man zoekt dames": a male advertiser looks for clients, not colleagues
    plural = plural_workers(folded, PLURAL_NOT_CLIENTS if clientele_plural else PLURAL)
    if plural is not None and (first is None or plural.start() < first.start()):
        first = plural
    if first is None:
        first = _name_list(text) or _named_ages(text.raw)
    return first.group().strip() if first is not None else None


def _first_match(name: str, folded: str) -> re.Match[str] | None:
    first = _first_not_negated(_PATTERNS[name], folded, name)
    for gates, pattern in _RARE.get(name, ()):
        if first is not None:
            break
        if any(map(folded.__contains__, gates)):
            first = _first_not_negated(pattern, folded, name)
    return first


def _bureau_line(text: Prepared) -> bool:
    """A business's booking line: an escort bureau's phone number (the office arranges the visit) unless the
    ad only recruits, or a club's or privéhuis's number to book on ("Info/reserveren: 055-...")."""
    folded = text.folded
    terms = {term for term, _ in licence_terms(text)}  # cached: record.py asked for the same text
    if not terms & {"bureau", "club", "privéhuis"} or _PHONE_LIKE.search(text.raw) is None:
        return False
    if _CALL_ME.search(folded):
        return False  # "Escort agency Golden Rose ... call or text me": the worker's own number
    booking = _BOOKING.search(folded) is not None
    if "bureau" in terms and "escort" in folded and (booking or not _RECRUITING.search(folded)):
        return True
    return booking and bool(terms & {"club", "privéhuis"})


def _named_ages(raw: str) -> re.Match[str] | None:
    """The second of two or more different names each with an age in brackets."""
    if "(" not in raw:
        return None
    names: set[str] = set()
    for match in _NAMED_AGE.finditer(raw):
        names.add(match.group(1).lower())
        if len(names) >= 2:
            return match
    return None


def _first_not_negated(pattern: Gated | re.Pattern[str], folded: str, name: str) -> re.Match[str] | None:
    for match in pattern.finditer(folded):
        if name in ("unsafe_sex", "new_in_town") and negated(folded, match.start()):
            continue
        if name == "unsafe_sex" and _NEGATED_AFTER.match(folded[match.end() : match.end() + 24]):
            continue
        if name == "unsafe_sex" and _NEGATED_LIST_HEAD.search(
            folded, folded.rfind("\n", 0, match.start()) + 1, match.start()
        ):
            continue  # "Wat ik niet doe: anaal en alles zonder condoom"
        if (
            name == "third_party"
            and match.group() in ("kantoor", "office")
            and _CLIENT_PLACE_BEFORE.search(folded, max(0, match.start() - 12), match.start())
        ):
            continue  # "ik kom naar je hotel, appartement of kantoor", "thuis of op kantoor": the client's
        if name == "several_workers" and _NOT_A_COUNT.match(match.group()):
            continue  # "27 voor dames": an age before the clientele
        if name == "available_24_7" and (
            _NEGATED_24_7.search(folded[max(0, match.start() - 14) : match.start()])
            or _NOT_AVAILABILITY_AFTER.match(folded[match.end() : match.end() + 16])
        ):
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

    return None
