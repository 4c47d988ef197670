"""Stated age: digits or written-out numbers (nl/en/es), ignoring ages of others, years, heights
and prices."""

from __future__ import annotations

import re
from collections.abc import Container

from zicht.extract.lexicon import alternation, mapping, words
from zicht.extract.origin import WORDS as NATIONALITY_WORDS
from zicht.extract.place import COMMON_WORDS
from zicht.extract.text import Prepared, first_char_test, fold

MIN_AGE, MAX_AGE = 18, 80

_SPACES = re.compile(r"[\s-]+")


def _number_words() -> dict[str, int]:
    """The number words 18-80 of every lexicon (zicht.extract.lexicon), spaces and hyphens as one space:
    drieëntwintig, twenty-three, veintitrés, dwadzieścia pięć, douăzeci și cinci, fünfundzwanzig, trent'."""
    words = {_SPACES.sub(" ", w): int(v) for w, v in mapping("numbers").items()}  # type: ignore[call-overload]
    return {k: v for k, v in words.items() if MIN_AGE <= v <= MAX_AGE}


NUMBER_WORDS = _number_words()
_WORDS_ALT = alternation(NUMBER_WORDS)[3:-1]  # without its group: used inside one
# A written-out number 18-80 may be present (a tens word or 18/19 inside a word): only then run the (slower)
# word patterns.
_WORDS_HINT = re.compile(
    r"tig|ty\b|ty[-\s]|tien|teen|veint|inta|enta|dieci|nt'|anta|vent|dicio|dician|"
    + "|".join(
        sorted({re.escape(w) for w, v in NUMBER_WORDS.items() if (v % 10 == 0 or v < 20) and " " not in w})
    )
)
# The age units of every lexicon (jaar, years old, lat, de ani, éves, години, let ...); "lentes" and the
# Estonian-looking "enne" as written in earlier batches.
UNIT = r"(?:" + alternation((*words("age_units"), "lentes", "enne"))[3:-1] + r")(?:\b|(?<=\.))"
# "ik ben", "i am", "soy", "jestem", "sunt", "ich bin", "jsem" ... (first person of every lexicon)
FIRST_PERSON = alternation(words("first_person"))
_NOT_AGE_AFTER = re.compile(
    r"^\s*(?:\+|/\s*\d(?!\d\s*\))|x\b|:|cm|kg|min|uur|u\b|h\b|euro|eur|€|%|,-|[.,]\d)|"
    r"^\s*(?:jaar|years?|anos|jr)?\s*(?:ervaring|experience|in\s+(?:het|dit|nederland|holland|de)\b|actief|geleden|"
    r"ago|getrouwd|werkzaam|bezig|oud(?:er)?\s+dan|en\s+ouder|and\s+older|of\s+experience)"
)
_OTHERS_BEFORE = re.compile(
    r"(?:mijn|my|haar|her|zijn|his|onze|our)\s+(?:\w+\s+){0,2}?(?:vriendin|vriend|zus|zusje|collega|moeder|vader|"
    r"dochter|zoon|nicht|partner|man|friend|sister|colleague|mother|father|kinderen|kids)\b"
    r"[\s(:,]*(?:van|is|of|die\s+is|who\s+is|\w+)?[\s(:,]*$|"
    r"\b(?:kinderen|kids|klanten|heren|mannen|men|clients|gentlemen|boven\s+de|onder\s+de|ouder\s+dan|jonger\s+dan|"
    r"over|above|under|tussen|vanaf|sinds|since|al|ruim|bijna|alleen|only|for|voor|dan|than|"
    # a range's lower end: "All our ladies are between 21 and 30 years", "entre 20 y 30 años"
    r"between|entre|miedzy|intre|zwischen)\s+(?:de\s+|the\s+)?$|"
    r"\b(?:van|of)\s+\d{1,2}\s*,\s*$|\d\s*(?:-|tot|to|a)\s*$|"
    # "eind 30", "early 40s"; "min. 21 jaar", "minimum leeftijd 21"; "tussen 25 en 45 jaar"; "geen 20 meer"
    r"\b(?:eind|begin|midden|rond|end|early|late|mid|around|geen|not|no\s+longer)\s+(?:de\s+|the\s+)?$|"
    r"\b(?:min|minimum|minimaal|minimale|minimal|max|maximum|maximaal|at\s+least|minstens)\.?\s+"
    r"(?:leeftijd\s+|age\s+|(?:van\s+)?de\s+)?[:=]?\s*$|"
    r"\b(?:tussen|between|entre|miedzy|intre)\s+(?:de\s+|the\s+)?\d{2}\s*(?:en|and|y|e|i|si|-)\s*$|"
    # road exits: "A73 afslag 21", "exit 12", "N201 afrit 3"
    r"\b(?:afslag|afrit|exit|salida|saida|junction|knooppunt)\s*(?:nr\.?\s*|no\.?\s*)?$|\b[an]\d{1,3}\s*[,-]?\s*$"
)
# Its first characters tested ahead (same matches): places where no branch can start fail at once.
_OTHERS_BEFORE = first_char_test(_OTHERS_BEFORE)


# Words after "ik ben" that are no name: "ik ben er 24/7", "ik ben tot 22 bereikbaar".
_NOT_NAME_AFTER_VERB = (
    r"(?:geen|not|no|niet|al|ruim|bijna|nu|hier|er|beschikbaar|bereikbaar|open|sinds|vanaf|tot|til|until|van|from|tussen|na|voor|"
    r"om|ongeveer|circa|pas|net|nog|available|here|there|since|about|over|under|onder|boven|dag|elke|every)"
)


def _patterns(number: str) -> tuple[re.Pattern[str], ...]:
    _N = number  # noqa: N806
    return (
        re.compile(rf"\b(?:leeftijd|age|edad|idade|wiek|varsta|alter|lft)\s*[:=.]?\s*{_N}\b"),
        re.compile(
            rf"\b(?:{FIRST_PERSON}|wij\s+zijn|"
            rf"we\s+are|(?:hij|zij|he|she)(?:\s+is)?|beide|both)\s+{_N}\b"
        ),
        re.compile(rf"\(\s*[mvhz]\s*{_N}\b"),
        re.compile(rf"\b(?:wij|we|nous|noi)\s+{_N}\s*(?:en|and|&|/|,|y|e|et)\s*\d{{2}}\b"),
        re.compile(rf",\s*{_N}a\s*,"),
        # a corrected age: "ik ben geen 20 meer maar 44", "not 20 anymore but 44"
        re.compile(
            rf"\b(?:geen|not|no)\s+\d{{2}}\s+(?:meer|anymore|more)\s*,?\s*(?:maar|but|pero|mas)\s+{_N}\b"
        ),
        # two friends' ages, the first is the advertiser's: "Twee vriendinnen van 24 en 26"
        re.compile(
            rf"\b(?:vriendinnen|meiden|meisjes|girls|zussen|sisters|friends|amigas|chicas)\s+(?:van|of|de)\s+"
            rf"{_N}\s*(?:en|and|&|y|e)\s*\d{{2}}\b"
        ),
        # "ik ben Mandy 31", "hoi ik ben sanne 24": the speaker's name between the verb and the number
        re.compile(
            rf"\b(?:ik\s+ben|i\s+am|i'm|soy|sou|jestem|sunt|ich\s+bin)\s+(?!{_NOT_NAME_AFTER_VERB}\b)[a-z]+,?\s+{_N}\b"
        ),
        re.compile(rf"{_N}\s*-?\s*{UNIT}"),
        # "Mimi, 27y," and "24 Y.": a bare y for years, glued to the number or with a dot (not Spanish "y")
        re.compile(rf"{_N}(?:y\b|\s?y\.(?!\w))"),
        re.compile(rf"{_N}\s*(?:en|and|&|y|i|si)\s*\d{{2}}\s*{UNIT}"),
        re.compile(r"\(\s*(\d{2})\s*(?:jaar|jr|j|yo|years)?\s*!*\s*(?:\)|en\s|and\s|&|/|,)"),
        re.compile(
            rf"\b(?:meid|meisje|vrouw|dame|girl|lady|jongen|man|heer|milf|kerel|guy|boy|masseur|masseuse|studente|"
            rf"schatje|vrouwtje|chica|chico|dziewczyna|babe|schoonheid|beauty|mevrouw|tante|oma)\s+(?:van|of|de)\s+{_N}\b"
        ),
        # Dutch compound person nouns: "huisvrouw van 44", "transvrouw van 33", "plattelandsmeid van 26"
        re.compile(rf"\b[a-z]{{2,}}(?:vrouw|meid|jongen|man)\s+van\s+{_N}\b"),
    )


# Each with its first characters tested ahead (same matches): places where no branch can start fail at once.
DIGIT_PATTERNS = tuple(map(first_char_test, _patterns(r"(?<![\d.,/])(\d{2})(?!\d)")))
WORD_PATTERNS = tuple(map(first_char_test, _patterns(rf"(\d{{2}}|{_WORDS_ALT})")))
# Weak: "Lisa, 28." or "girl, 22," (a word, then a two-digit number and punctuation); only when nothing else.
# Also "Kelly 25 uit Rotterdam", "boy 19 for men": a name or person word, the number, then a place
# preposition or the clientele.
_EMOJI = "[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]"
# A dash-separated run-on ad ("Kim - 29 - Leiden", "Joyce 24 – Spijkenisse") counts like commas.
_NAME_NUMBER = re.compile(
    r"\b([^\W\d_]+)(?:,?\s|\s+[-–—]\s+)(?:"
    + _EMOJI
    + r"+,?\s*)?(\d{2})\b(?=\s*[,.!)]|\s*$|\s+[-–—]\s|(?<=,\s\d\d)\s+\((?=[^\W\d_])|\s*"
    + _EMOJI
    + r"|"
    r"\s+(?:uit|from|in|aus|z|din|de|desde|da)\s+(?:the\s+|de\s+|het\s+)?[A-Z]|"
    # two people's ages, the first stated one is the advertiser's own: "Masha and Olga, 23 and 25,"
    r"\s+(?:and|en|&|y|e|i|si|und)\s+\d{2}\b(?=\s*[,.!)]|\s*$|\s+(?:jaar|years|anos|ani|lat)\b)|"
    r"\s+(?:for|voor|para|dla|pentru)\s+(?:men|man|heren|mannen|dames|women|ladies|couples|stellen|hombres|panow)\b)"
)
# "Jenny uit Hongarije. 28.": a name and where she is from, then the age as a sentence of its own.
_NAME_ORIGIN_NUMBER = re.compile(
    r"\b[A-Z][^\W\d_]+\s+(?:uit|from|aus|z|din|de|da)\s+[A-Z][^\W\d_]+(?:[\s-][A-Z][^\W\d_]+)?\s*[.,!]\s+"
    r"(\d{2})\s*(?=[.,!)]|$)"
)
_NOT_NAME = frozenset(
    "uur u h half min minuten minutes prijs tarief kwartier hour hours nacht night euro eur tel bel "
    "postcode maat "
    "cup en and of tot to van kg cm nr nummer massage escort prive kamer room bus lijn huisnummer week "
    "dag day vanaf from halfuur halfuurtje uurtje kwartiertje halfje quickie "
    # duration words in other languages: "Media hora 70" is a price, not an age
    "hora horas ora ore godzina godziny stunde stunden heure heures minutos minuti media meia "
    "sexy prive incall outcall ontvangst thuisontvangst hotel hotelbezoek visit sessie session tantra "
    "eind begin midden rond end early late mid around geen "
    # price words: "Een uurtje kost 80." is a price
    "kost kosten kostet costs cost cuesta custa costa price prijs pret precio preco preis slechts only just "
    "voor for "
    # services in a list: "Kussen, 69, pijpen zonder" (69 is a position)
    "kussen zoenen tongzoenen pijpen beffen vingeren gv fingeren kissing kiss bj cim cof gfe pse standje "
    "standjes position positions posities "
    # road exits: "(A73 afslag 21)", "exit 12", "afrit 5"
    "afslag afrit exit salida saida junction knooppunt".split()
)
# Words that name the advertiser only when set off by commas ("VIP escort, 27, model look"); "escort 80" is a
# price.
_NAME_ONLY_WITH_COMMA = frozenset({"escort"})


def _value(raw: str) -> int | None:
    value = int(raw) if raw.isdigit() else NUMBER_WORDS.get(_SPACES.sub(" ", raw))
    return value if value is not None and MIN_AGE <= value <= MAX_AGE else None


def _plausible(folded: str, start: int, end: int) -> bool:
    after = folded[end : end + 40]
    before = folded[max(0, start - 60) : start]
    return not _NOT_AGE_AFTER.search(after) and not _OTHERS_BEFORE.search(before)


# Number words 18-80 as token sequences ("vinte e cinco" -> ("vinte", "e", "cinco")), apostrophes dropped as
# the tokens drop them ("trent'" -> "trent"; the elided forms keep a note to swallow the apostrophe).
_PHRASES: dict[tuple[str, ...], int] = {tuple(k.replace("'", "").split()): v for k, v in NUMBER_WORDS.items()}
_ELIDED = frozenset(tuple(k.replace("'", "").split()) for k in NUMBER_WORDS if k.endswith("'"))
_FIRST_TOKENS = frozenset(key[0] for key in _PHRASES)
_LONGEST = max(map(len, _PHRASES))
_JOINER = re.compile(r"[\s-]+")


def _with_digits(text: Prepared) -> str | None:
    """The folded text with each number word 18-80 of any lexicon written as its digits ("twenty-three" ->
    "23", "dwadzieścia pięć" -> "25"), read from the tokens (a set lookup per word); None when there is none
    (or when folding changed the text's length, so token offsets do not hold)."""
    folded = text.folded
    if len(folded) != len(text.raw) or not _WORDS_HINT.search(folded):
        return None  # no tens word or 18/19 inside any word: no number word 18-80 (tokens not needed)
    tokens = text.tokens
    if not any(t.word in _FIRST_TOKENS for t in tokens):
        return None
    pieces: list[str] = []
    last = 0
    i = 0
    while i < len(tokens):
        if tokens[i].word not in _FIRST_TOKENS:
            i += 1
            continue
        for size in range(min(_LONGEST, len(tokens) - i), 0, -1):
            group = tokens[i : i + size]
            key = tuple(t.word for t in group)
            if key in _PHRASES and all(
                _JOINER.fullmatch(folded[a.end : b.start]) for a, b in zip(group, group[1:], strict=False)
            ):
                pieces += [folded[last : group[0].start], str(_PHRASES[key])]
                last = group[-1].end
                if key in _ELIDED and folded.startswith("'", last):
                    pieces.append(" ")  # "trent'anni" -> "30 anni"
                    last += 1
                i += size
                break
        else:
            i += 1
    return "".join(pieces) + folded[last:] if pieces else None


def age_from_field(value: str | None) -> int | None:
    if not value:
        return None
    match = re.search(r"\d{2}", value)
    if match:
        return _value(match.group())
    text = fold(value)
    return next((_value(w) for w in NUMBER_WORDS if w in text), None)


# "Sexy Kim 25 Vlaardingen": a capitalised name, the number, then a place name (checked by the caller's
# place index) with no preposition; written in lower case ("Sexy Lara 23 amsterdam west") only when the
# place name is no everyday word ("Kim 25 echt lief", Echt).
_NAME_NUMBER_PLACE = re.compile(
    r"\b([A-Z][^\W\d_]+)\s(\d{2})\s+([A-Z][^\W\d_]+(?:[\s-][A-Z][^\W\d_]+)?|[a-z]{5,}(?:[\s-][a-z]+)?)"
)
# Run-on lower-case ads ("sexy amy 25 den haag", "sanne 24 uit enschede"): the same on the folded text, only
# when the ad has (almost) no capitals, and the place checked against the place index.
_NAME_NUMBER_PLACE_LOWER = re.compile(
    r"\b([a-z]+)\s(\d{2})\s+(?:(?:uit|in|from|te|z|din|nieuw\s+in|new\s+in|nu\s+in)\s+)?([a-z]+(?:[\s-][a-z]+)?)"
)
# "Yasmin 26 Marokkaanse dame": a capitalised name, the number, then a nationality or person word.
_NAME_NUMBER_WORD = re.compile(r"\b([A-Z][^\W\d_]+)\s(\d{2})\s+([^\W\d_]+)")
_PERSON_WORDS = frozenset(
    "dame meid meisje vrouw girl lady woman chica mujer dziewczyna fata jongen boy man guy milf studente "
    "blondine brunette latina".split()
)
# "Mila 32 incall", "Nok 40 give(s) massage", "Jan 45 zoekt": what the named advertiser offers or does.
_OFFER_WORDS = frozenset(
    "incall outcall escort prive ontvangst ontvangt receives receiving hosts host visits bezoekt komt comes "
    "geeft give gives biedt offers offering zoekt seeks seeking looking verwent spoils wacht waits waiting "
    "masseert massages recibe atiende atendo busca ofrece przyjmuje primeste ricevo empfangt".split()
)
# "Geile milf 38 Heerlen", "HETERO MAN 38 VOOR", "Rijpe heer 67 geeft": a singular person word right before
# the number states the age unless a duration or price is being written ("Half uur met dame 90").
_PERSON_NUMBER = re.compile(
    r"\b(?:milf|vrouw|vrouwtje|dame|meid|meisje|girl|lady|woman|mevrouw|man|heer|jongen|boy|guy|gent|gentleman|"
    r"kerel|masseur|masseuse|chica|chico|mujer|hombre|ragazza|ragazzo|femeie|fata|baiat|studente|student|oma|"
    r"granny|mature|ts|trans|shemale|travesti|transvrouw|ladyboy|blondine|brunette|latina|latino)\s+(?:"
    + _EMOJI
    + r"+\s*)?(\d{2})\b"
)
# Its first characters tested ahead (same matches): places where no branch can start fail at once.
_PERSON_NUMBER = first_char_test(_PERSON_NUMBER)
_PRICE_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:met|with|incl|inclusief|per|uur|min|minuten|hour|hours|kwartier|quickie|con|com|z|cu)|\+|€|\d)"
    r"[\s.:]*(?:(?:een|a|an|de|la|una|uma)\s+)?(?:\w+\s+)?$"
)
# Its first characters tested ahead (same matches): places where no branch can start fail at once.
_PRICE_CONTEXT_BEFORE = first_char_test(_PRICE_CONTEXT_BEFORE)
_PRICE_CONTEXT_AFTER = re.compile(
    r"^\s*(?:p\.?\s?/?\s?u\b|p/?h\b|per\b|e\b|r\b|rozen|roses|\$|£|"
    r"(?:voor|for|per|een|a)\s+(?:een\s+|a\s+|an\s+|het\s+|1\s+)?(?:half|hele?|uur|uurtje|hour|kwartier|min|quickie|\d))"
)


def age_from_text(text: Prepared, place_names: Container[str] | None = None) -> tuple[int, str] | None:
    """The first plausible stated age in the text and the words that stated it; `place_names` (folded names)
    lets a name, number, place sequence count ("Kim 25 Vlaardingen")."""
    folded = text.folded
    if _lists_several_workers(text.raw, folded):
        return None
    best: tuple[int, int, str] | None = None
    numeric = _with_digits(text)  # "ik ben drieëntwintig" -> "ik ben 23" (same readers as digits)
    if numeric is not None:
        folded = numeric
    # the word patterns only where the tokens could not be read (folding changed the text's length)
    words_left = numeric is None and len(folded) != len(text.raw) and _WORDS_HINT.search(folded)
    for pattern in WORD_PATTERNS if words_left else DIGIT_PATTERNS:
        for match in pattern.finditer(folded):
            if best is not None and match.start() >= best[0]:
                break
            value = _value(match.group(1))
            if value is None or not _plausible(folded, match.start(1), match.end(1)):
                continue
            best = (match.start(), value, match.group())
            break
    if best is not None:
        return best[1], best[2]
    folded = text.folded
    for match in _NAME_NUMBER.finditer(text.raw):
        word = match.group(1).lower()
        value = _value(match.group(2))
        if (
            value is not None
            and _names_person(word, text.raw, match)
            and _plausible(folded, match.start(2), match.end(2))
        ):
            return value, match.group()
    for match in _NAME_ORIGIN_NUMBER.finditer(text.raw):
        value = _value(match.group(1))
        if value is not None and _plausible(folded, match.start(1), match.end(1)):
            return value, match.group()
    for match in _PERSON_NUMBER.finditer(folded):
        value = _value(match.group(1))
        if (
            value is not None
            and not _PRICE_CONTEXT_BEFORE.search(folded, max(0, match.start() - 24), match.start())
            and not _PRICE_CONTEXT_AFTER.match(folded[match.end() : match.end() + 30])
            and _plausible(folded, match.start(1), match.end(1))
        ):
            return value, match.group()
    for match in _NAME_NUMBER_WORD.finditer(text.raw):
        word = fold(match.group(3))
        value = _value(match.group(2))
        if (
            value is not None
            and (word in _PERSON_WORDS or word in NATIONALITY_WORDS or word in _OFFER_WORDS)
            and match.group(1).lower() not in _NOT_NAME
            and _plausible(folded, match.start(2), match.end(2))
        ):
            return value, match.group()
    if place_names is not None:
        for match in _NAME_NUMBER_PLACE.finditer(text.raw):
            value = _value(match.group(2))
            place = fold(match.group(3)).replace("-", " ")
            if match.group(3).islower() and place.split()[0] in COMMON_WORDS:
                continue
            if (
                value is not None
                and match.group(1).lower() not in _NOT_NAME
                and (place in place_names or place.split()[0] in place_names)
                and _plausible(folded, match.start(2), match.end(2))
            ):
                return value, match.group()
        if _few_capitals(text.raw):
            for match in _NAME_NUMBER_PLACE_LOWER.finditer(folded):
                value = _value(match.group(2))
                place = match.group(3).replace("-", " ")
                if (
                    value is not None
                    and match.group(1) not in _NOT_NAME
                    and (place in place_names or place.split()[0] in place_names)
                    and _plausible(folded, match.start(2), match.end(2))
                ):
                    return value, match.group()
    return None


# A business (club, privéhuis, bureau, salon) listing several workers with their ages has no age of its own
# (LABELLING.md): "Onze dames: Linda (34), Sharon (29)", "Dames: Romy 22, Lotte 35". A duo or couple without
# business wording keeps its first age ("Masha and Olga, 23 and 25").
_BUSINESS = re.compile(
    r"\b(?:club|sexclub|nachtclub|clubje|privehuis|prive\s*huis|escortbureau|escort\s*bureau|bureau|agency|"
    r"agentur|salon|bordeel|brothel|escort\s*service|onze\s+(?:dames|meiden|girls|ladies)|our\s+(?:ladies|girls|models)|"
    r"dames\s*:|aanwezig|bij\s+ons\s+werken)\b"
)
# "Ik ben Eva (27), zij is Nina (32). Wij werken in een privéhuis": the workers advertise themselves.
_FIRST_PERSON = re.compile(r"\b(?:ik\s+ben|i\s+am|i'm|ich\s+bin|soy|sou|jestem|sunt|je\s+suis|sono)\b")
# "Linda (34)", "Sabrina (24, Hongaarse)", "Romy 22,"
_WORKER_AGE = re.compile(
    r"\b([A-Z][^\W\d_]+)\s*(?:\(\s*(\d{2})\s*[),]|(\d{2})\s*(?=,|\s+en\b|\s+and\b|\s*\+))"
)


def _lists_several_workers(raw: str, folded: str) -> bool:
    if not _BUSINESS.search(folded) or _FIRST_PERSON.search(folded):
        return False
    named = {
        m.group(1)
        for m in _WORKER_AGE.finditer(raw)
        if m.group(1).lower() not in _NOT_NAME and _value(m.group(2) or m.group(3)) is not None
    }
    return len(named) >= 2


def _names_person(word: str, raw: str, match: re.Match[str]) -> bool:
    """The word before the number can name the advertiser: a name or person word, or "escort" set off by
    commas on both sides."""
    if word in _NAME_ONLY_WITH_COMMA:
        return (
            raw[match.end(1) : match.start(2)].strip() == "," and raw[match.end(2) : match.end(2) + 1] == ","
        )
    return word not in _NOT_NAME


def _few_capitals(raw: str) -> bool:
    head = raw[:300]
    letters = sum(map(str.isalpha, head))
    return letters > 0 and sum(map(str.isupper, head)) <= letters * 0.03
