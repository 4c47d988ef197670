"""Gender of the ad: female, male, trans (transgender, TS, shemale, travestiet, ladyboy) or couple.

The site field comes first, except that trans or couple wording in the text overrides a plain man/vrouw field:
sites offer only man/vrouw, and the 2021 baseline found its transgender ads by text mining.
"""

from __future__ import annotations

import re

from zicht.extract.text import Gated, Prepared, fold, negated
from zicht.vocab import Gender

_TRANS = Gated(
    r"\b(?:trans(?:gender|seksueel|seksuele|sexual|sexueel|sexuele|exual|vrouw|girl|woman|ex|sex)?|ts|"
    r"t-?girl|shemale|she-male|travestie?t?e?|travesti|ladyboy|transsexual|transexual|transsexuelle)\b"
)
_COUPLE = re.compile(
    r"\b(?:koppel|couple|echtpaar|stelletje|pareja)\b|"
    # Polish "para" (a couple) only in a Polish phrase: "para" is also es/pt "for" ("para senhores").
    r"\b(?:mloda|mlode|fajna|napalona|otwarta|sympatyczna|jestesmy|dojrzala|malzenska|mieszana|ta|nasza)\s+para\b|"
    r"\bpara\s+(?:szuka|zaprasza|bi\b|hetero|mieszana|z\s+\w+\b)|^para\b(?!\s+(?:o|a|os|as|el|la|los|las|ti|voce|"
    r"senhores|hombres|homens|caballeros|senores|todos|mi|me|ser|que|un|una|um|uma|usted)\b)|"
    r"\b(?:een|ons|ondeugend|leuk|spannend|geil|heet|hete|bi|jong|getrouwd|\w+s)\s+stel\b|^stel\b(?!\s+(?:je|u|jij|ik|het|voor|dat|me)\b)|"
    r"\bstel\s*(?:\(|uit\b|van\b|zoekt\b|ontvangt\b)"
)
# Every match of _COUPLE contains one of these: a cheap test before the (slow) pattern.
_COUPLE_HINTS = ("koppel", "couple", "echtpaar", "stel", "pareja", "para")
_MALE = re.compile(
    r"\b(?:jongen|boy|guy|knul|gigolo|male|mannelijke|gay|hombre|chico)\b|"
    r"\b(?:rijpe|jonge|sportieve|getrouwde|geile|lekkere|hete|stoere|knappe|hetero|bi|een|young|handsome|"
    # a nationality adjective may stand between ("Knappe Turkse man", "young Italian man")
    r"mature)\s+(?:[a-z]+(?:se|sche|ish|ian|can|ese)\s+)?man\b|"
    # "masseur" (a masseuse is female); "heer", "gentleman" only as the advertiser ("Dominante heer (50)",
    # "Gentleman, 48,"), not a client; a bare "man" right after the age ("Sam, 32, man, voor mannen")
    r"\bmasseur\b|\b(?:heer|gentleman)\s*(?:\(\d\d\)|,\s*\d\d\b)|\b\d\d\s*(?:jaar\s*)?,\s*(?:[a-z]+\s+){0,2}?man\b|"
    # "discrete man voor vrouwen": a man offering to women or couples; Spanish "joven latino"
    r"\bman\s+(?:voor|for)\s+(?:vrouwen|dames|women|ladies|stellen|couples)\b|"
    r"\bjoven\s+(?:latino|moreno|guapo|activo|dominicano|colombiano|venezolano|brasileno|cubano)\b"
)
# "Man (45), verzorgd": a capitalised "Man" before the age is the advertiser; lower case it is mostly someone
# else's ("mijn man (45) en ik"). Read on the raw text, where the capital is kept.
_MAN_AGE = re.compile(r"\b(?:Man|MAN)\s*(?:\(\s*\d\d\s*\)|,\s*\d\d\b)")
_FEMALE = re.compile(
    r"\b(?:meid|meidje|meisje|meiden|vrouw|vrouwtje|dame|dames|girl|girls|lady|ladies|woman|chica|mujer|"
    r"dziewczyna|fata|tanara|studente|milf|babe|schoonheid|beauty|masseuse|escortdame|brunette|blondine|"
    r"latina|polka|romanca|russin|ukrainka|colombiana|venezolana|dominicana|cubana|peruana|brasileira|"
    r"portuguesa|rumana|rusa|she|zij|ze|her|haar|mevrouw|lieverd|dominatrix|meesteres|godin|goddess|queen|"
    r"girlfriend|vriendinnen|famke|mulatta|filipina|weduwe)\b"
    # "Dames en heren", "ladies and gentlemen": a greeting, not a gender cue
    r"(?!\s+(?:en|and|&)\s+(?:heren|gentlemen|gents)\b)"
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


def gender_from_text(text: Prepared) -> tuple[Gender, str] | None:
    folded = text.folded
    for match in _TRANS.finditer(folded):
        if not negated(folded, match.start()):
            return "trans", match.group()
    couple = _COUPLE.search(folded) if any(hint in folded for hint in _COUPLE_HINTS) else None
    if couple:
        return "couple", couple.group()
    male = _MALE.search(folded)
    if "man" in folded:
        capital = _MAN_AGE.search(text.raw)
        if capital and (not male or capital.start() < male.start()):
            male = capital
    female = _FEMALE.search(folded)
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
