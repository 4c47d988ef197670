"""Gender of the ad: female, male, trans (transgender, TS, shemale, travestiet, ladyboy) or couple.

The site field comes first, except that trans or couple wording in the text overrides a plain man/vrouw field:
sites offer only man/vrouw, and the 2021 baseline found its transgender ads by text mining.
"""

from __future__ import annotations

import re

from zicht.extract.text import Gated, Prepared, first_char_test, fold, negated
from zicht.vocab import Gender

_TRANS = Gated(
    r"\b(?:trans(?:gender|vrouw|girl|woman|ex|sex|z)?|ts|"
    # transsexual in nl/en/de/fr/ro/pl spellings: transseksueel, transexual, transsexuelle, transsexuala,
    # transseksualna; Bulgarian/Russian транссексуална, трансвестит
    r"trans{1,2}e[kx]s?u[ae]\w*|"
    r"t-?girl|shemale|she-male|travestie?t?e?|travesti|ladyboy)\b|"
    r"\bтранс(?:с?ексуал\w*|вестит\w*|джендър\w*|гендер\w*)?(?![а-я])"
)
_COUPLE = re.compile(
    r"\b(?:koppel|couple|echtpaar|stelletje|pareja)\b|"
    # pt casal, ro cuplu, it coppia as the advertiser ("somos um casal", "suntem un cuplu"); the plurals
    # (casais, cupluri, coppie) are the clientele
    r"\b(?:um|somos|nosso)\s+casal\b|^casal\b|\b(?:un|suntem)\s+cuplu\b|^cuplu\b|\b(?:una|siamo)\s+coppia\b|"
    r"^coppia\b|"
    # Polish "para" (a couple) only in a Polish phrase: "para" is also es/pt "for" ("para senhores").
    r"\b(?:mloda|mlode|fajna|napalona|otwarta|sympatyczna|jestesmy|dojrzala|malzenska|mieszana|ta|nasza)\s+para\b|"
    r"\bpara\s+(?:szuka|zaprasza|bi\b|hetero|mieszana|z\s+\w+\b)|^para\b(?!\s+(?:o|a|os|as|el|la|los|las|ti|voce|"
    r"senhores|hombres|homens|caballeros|senores|todos|mi|me|ser|que|un|una|um|uma|usted)\b)|"
    r"\b(?:een|ons|ondeugend|leuk|spannend|geil|heet|hete|bi|jong|getrouwd|\w+s)\s+stel\b|^stel\b(?!\s+(?:je|u|jij|ik|het|voor|dat|me)\b)|"
    r"\bstel\s*(?:\(|uit\b|van\b|zoekt\b|ontvangt\b)|"
    # Hungarian "pár vagyunk" (we are a couple; "pár nap" is "a few days"); German "ein (nettes) Paar", "wir
    # sind ein Paar" (Dutch "een paar" is "a few"; "Paare" as clientele is plural)
    r"\b(?:par\s+vagyunk|(?:magyar|hazas|fiatal|erett)\s+par)\b|\bein\s+(?:\w+es\s+)?paar\b"
)
# Every match of _COUPLE contains one of these: a cheap test before the (slow) pattern.
_COUPLE_HINTS = (
    "koppel",
    "couple",
    "echtpaar",
    "stel",
    "pareja",
    "para",
    "paar",
    "casal",
    "cuplu",
    "coppia",
    "vagyunk",
) + ("magyar par", "hazas par", "fiatal par", "erett par")
# One \b group over all branches: a single word-boundary test per position keeps the scan cheaper.
_MALE = re.compile(
    r"\b(?:"
    # male nouns: nl jongen/knul/vent/kerel/gozer, en boy/guy/bloke, es hombre/chico, fr homme, it ragazzo, pl
    # chlopak/facet/mezczyzna, ro baiat/barbat, hu srac/ferfi, pt rapaz/garoto/homem; "masseur" (a masseuse
    # is female); "homme"/"homem" not as the clientele ("pour homme")
    r"(?:jongen|jongeman|boy|guy|knul|vent|kerel|gozer|bloke|fella|gigolo|male|mannelijke|gay|hombre|chico|"
    r"ragazzo|chlopak|facet|mezczyzna|baiat|barbat|srac|ferfi|rapaz|garoto|masseur|"
    # male nationality forms of es/pt (the -a forms are female cues); not language names (italiano, espanol)
    r"brasileiro|brasileno|colombiano|venezolano|dominicano|cubano|peruano|mexicano|argentino|chileno|"
    r"ecuatoriano|boliviano|uruguayo|paraguayo|hondureno|salvadoreno|guatemalteco|puertorriqueno)\b|"
    r"(?:homme|homem)(?<!pour\shomme)(?<!les\shomme)(?<!para\shomem)\b|"
    # an adjective before man; a nationality adjective may stand between ("Knappe Turkse man")
    r"(?:rijpe|jonge|sportieve|getrouwde|geile|lekkere|hete|stoere|knappe|hetero|bi|een|young|handsome|"
    r"mature)\s+(?:[a-z]+(?:se|sche|ish|ian|can|ese)\s+)?man\b|"
    # "heer", "gentleman" only as the advertiser ("Dominante heer (50)", "Gentleman, 48,", "heer 67", "heer
    # van 58", "gentleman escort"), not a client ("de heer 50+")
    r"(?:heer|gentleman)\s*(?:\(\d\d\)|,\s*\d\d\b)|heer(?<!de\sheer)\s+(?:van\s+)?\d\d\b(?!\s*\+)|"
    r"gentleman\s+(?:escort|companion|masseur)\b|"
    # a bare "man" right after the age ("Sam, 32, man, voor mannen"); "discrete man voor vrouwen"
    r"\d\d\s*(?:jaar\s*)?,\s*(?:[a-z]+\s+){0,2}?man\b|man\s+(?:voor|for)\s+(?:vrouwen|dames|women|ladies|"
    r"stellen|couples)\b|"
    r"joven\s+(?:latino|moreno|guapo|activo|dominicano|colombiano|venezolano|brasileno|cubano)\b|"
    # German: an adjective before Typ/Mann/Kerl ("sympathischer Typ", "junger Mann"); not "oder Mann"
    r"(?:sympathischer|romantischer|erotischer|exotischer|sudlandischer|junger|netter|reifer|sportlicher|"
    r"gepflegter|attraktiver|charmanter|erfahrener|deutscher)\s+(?:typ|mann|kerl)\b|typ\s*\(\d\d|"
    # the provider of a service: "massage door een ervaren man", "massage by a handsome man"
    r"(?:door|by)\s+(?:een|a|an)\s+(?:[a-z]+\s+){0,2}?man\b|"
    # "ik ben een lieve man", "I am a friendly guy"
    r"(?:ben|am|i'm|im)\s+(?:een|a|an)\s+(?:\w+\s+){0,3}?(?:man|guy|jongen|kerel|vent|heer|gentleman)\b"
    r")"
)
# Its first characters tested ahead (same matches): places where no branch can start fail at once.
_MALE = first_char_test(_MALE)
# "Man (45), verzorgd": a capitalised "Man" before the age is the advertiser; lower case it is mostly someone
# else's ("mijn man (45) en ik"). Read on the raw text, where the capital is kept.
_MAN_AGE = re.compile(r"\b(?:Man|MAN)\s*(?:\(\s*\d\d\s*\)|,\s*\d\d\b|\s\d\d\b(?!\s*\+))")
_FEMALE = re.compile(
    r"\b(?:meid|meidje|meisje|meiden|vrouw|vrouwtje|dame|dames|girl|girls|lady|ladies|woman|chica|mujer|"
    r"dziewczyna|fata|tanara|studente|milf|babe|schoonheid|beauty|masseuse|escortdame|brunette|blondine|"
    r"latina|polka|romanca|russin|ukrainka|colombiana|venezolana|dominicana|cubana|peruana|brasileira|"
    r"portuguesa|rumana|rusa|she|zij|ze|her|haar|mevrouw|lieverd|dominatrix|meesteres|godin|goddess|queen|"
    r"girlfriend|vriendinnen|famke|mulatta|filipina|weduwe|ragazza|lany|frau|hausfrau|femme)\b"
    # "Dames en heren", "ladies and gentlemen": a greeting, not a gender cue
    r"(?!\s+(?:en|and|&)\s+(?:heren|gentlemen|gents)\b)"
)
# Its first characters tested ahead (same matches): places where no branch can start fail at once.
_FEMALE = first_char_test(_FEMALE)
# A greeting or the clientele before a woman noun ("Hey ladies!", "voor dames", "for women"): no cue for the
# advertiser. Read on the text just before the noun.
# An article may stand between ("Voor de vrouw die eens wil genieten", "for the woman who", "para la mujer").
_ADDRESSED = re.compile(
    r"\b(?:hi|hey|hello|hallo|hoi|dear|beste|voor|for|para|pour|fur|dla|pentru)\s+"
    r"(?:(?:de|het|elke|iedere|the|every|each|any|la|las|el|a|as|toda|todas|la|les|chaque)\s+)?"
    r"(?:lieve\s+|all\s+|alle\s+)?$"
)
# The readers addressed at the start of a sentence ("Dames, mag ik mij even voorstellen?", "Lieve dames!",
# "Ladies, ..."): a plural noun followed by a comma or exclamation mark is a vocative, not the advertiser.
_VOCATIVE_NOUNS = frozenset("dames ladies meiden girls vrouwen women chicas".split())
_VOCATIVE_BEFORE = re.compile(r"(?:^|[.!?\n]\s*)(?:(?:lieve|beste|dear|lovely|sweet|queridas|hola)\s+)?$")
_VOCATIVE_AFTER = re.compile(r"\s*[,!](?!\s*[\d(])")


def _vocative(folded: str, match: re.Match[str]) -> bool:
    return (
        match.group() in _VOCATIVE_NOUNS
        and bool(_VOCATIVE_BEFORE.search(folded, max(0, match.start() - 16), match.start()))
        and bool(_VOCATIVE_AFTER.match(folded, match.end()))
    )


_FIELD = (
    (re.compile(r"trans|\bts\b|shemale|travest|ladyboy"), "trans"),
    (re.compile(r"stel|koppel|couple|paar|pareja"), "couple"),
    (re.compile(r"vrouw|female|woman|dame|\bf\b|mujer|kobieta"), "female"),
    (re.compile(r"\bman\b|male|\bm\b|heer|hombre|mezczyzna|jongen"), "male"),
)


def gender_from_field(value: str | None) -> Gender | None:
    if not value:
        return None
    folded = fold(value)
    for pattern, gender in _FIELD:
        if pattern.search(folded):
            return gender  # type: ignore[return-value]
    return None


def gender_from_text(text: Prepared, name: str | None = None) -> tuple[Gender, str] | None:
    """The first gender cue of the text; trans wording in the display name ("TS Demi") counts too."""
    folded = text.folded
    if name and (trans_name := _TRANS.search(fold(name))):
        return "trans", trans_name.group()
    for match in _TRANS.finditer(folded):
        if not negated(folded, match.start()):
            return "trans", match.group()
    couple = _COUPLE.search(folded) if any(hint in folded for hint in _COUPLE_HINTS) else None
    if couple:
        return "couple", couple.group()
    male = _MALE.search(folded)
    if "Man" in text.raw or "MAN" in text.raw:
        capital = _MAN_AGE.search(text.raw)
        if capital and (not male or capital.start() < male.start()):
            male = capital
    female = next(
        (
            m
            for m in _FEMALE.finditer(folded)
            if not _ADDRESSED.search(folded, max(0, m.start() - 24), m.start()) and not _vocative(folded, m)
        ),
        None,
    )
    if male and (not female or male.start() < female.start()):
        return "male", male.group()
    if female:
        return "female", female.group()
    return None


DEFAULT_GENDER: Gender = "female"  # 95% of the 2021 ads; see docs/extraction.md
MIN_LETTERS_FOR_DEFAULT = 20


def resolve_gender(field: Gender | None, text: tuple[Gender, str] | None, letters: int = 0) -> Gender | None:
    """Field first (trans or couple wording in the text overrides it), then the text, then the default for an
    ad with some text but no gender wording at all (most such ads name a woman: "Ik ben Petra")."""
    if text and text[0] in ("trans", "couple") and field in (None, "female", "male"):
        return text[0]
    if field or text:
        return field or (text[0] if text else None)
    return DEFAULT_GENDER if letters >= MIN_LETTERS_FOR_DEFAULT else None
