"""Table-driven tests for the phenomena read in heldout9's misses (round 10): outcall compounds and visiting
hotels across languages (hotelmassage, huisbezoek, "I visit hotels", pt "vou até você no hotel", pl
"przyjechać do hotelu"); a pair of language names (no origin), an uninflected Dutch city adjective after
"echt"/"ik ben", a profile-list item after a blanked display name, "ook <nationality>" among a business's
ladies; an age range after between/tussen/entre; a vocative "Dames," before the advertiser's own words.
Each case names its phenomenon; non-cases guard against over-reading."""

from __future__ import annotations

import pytest

from zicht.extract.age import age_from_text
from zicht.extract.gender import gender_from_text
from zicht.extract.origin import origin_from_text
from zicht.extract.text import prepare, without_name
from zicht.extract.types import types_from

TYPE_CASES = [
    # a massage or a visit brought to the client's hotel or home (compounds), with "ook" implying reception
    ("Ook hotelmassage mogelijk.", {"escort", "home", "massage"}, "nl-ook-hotelmassage"),
    ("Hotelmassage vanaf 120 euro", {"escort", "massage"}, "nl-hotelmassage"),
    ("Huisbezoek mogelijk in de regio", {"escort"}, "nl-huisbezoek"),
    ("Ook huisbezoek", {"escort", "home"}, "nl-ook-huisbezoek"),
    # visiting hotels
    ("I receive at my apartment and I also visit hotels in the city.", {"home", "escort"}, "en-also-visit"),
    ("I visit hotels only", {"escort"}, "en-visit-hotels"),
    ("Ik bezoek ook hotels in Utrecht", {"escort", "home"}, "nl-bezoek-ook-hotels"),
    ("Visito hoteles en Madrid", {"escort"}, "es-visito-hoteles"),
    # pt "vou até você", with "no hotel" after it (Portuguese "no" is "in the", not a negation)
    ("Atendo em local próprio. Também vou até você no hotel.", {"home", "escort"}, "pt-vou-ate-voce-no"),
    ("Também vou até você", {"escort", "home"}, "pt-tambem-implies-home"),
    # pl "przyjechać / przyjadę do hotelu / ciebie"
    ("Przyjmuję w mieszkaniu. Mogę też przyjechać do hotelu.", {"home", "escort"}, "pl-przyjechac-do-hotelu"),
    ("Przyjadę do ciebie", {"escort"}, "pl-przyjade-do-ciebie"),
    ("Mogę też przyjechać do hotelu.", {"escort", "home"}, "pl-tez-implies-home"),
    # non-cases
    ("Przyjdź do mnie", {"home"}, "non-pl-przyjdz-do-mnie"),
    ("Come visit my hotel room", {"home"}, "non-visit-my-hotel"),
    ("Incall no. Outcall 150", {"escort"}, "non-incall-no-still-negated"),
    ("Hotel Amsterdam Centrum", set(), "non-hotel-name"),
]


@pytest.mark.parametrize("text,expected,case", TYPE_CASES, ids=[c[2] for c in TYPE_CASES])
def test_types(text: str, expected: set[str], case: str) -> None:
    assert types_from(text)[0] == expected


ORIGIN_CASES = [
    # a pair of language names is the languages spoken
    ("Sweet girl in Leiden, 24. 1h €160. Dutch & English. Call me", None, "en-dutch-and-english"),
    ("Nederlands en Engels. Bel 0612345678", None, "nl-nederlands-en-engels"),
    ("Leiden, Dutch/English, 06 12345678", None, "slash-pair"),
    ("I am half Dutch and English", "NL", "non-stated-pair"),
    ("Dutch and English girl in Leiden", "NL", "non-pair-before-person-noun"),
    ("Sexy Dutch girl, English spoken", "NL", "non-single-word"),
    ("Nederlandse en Engelse roots", "NL", "non-inflected-pair"),
    # an uninflected Dutch city adjective in a stated-origin context
    ("Mijn naam is Fleur, ik ben 27 en echt Amsterdams.", "NL", "echt-amsterdams"),
    ("Ik ben Rotterdams en trots", "NL", "ik-ben-rotterdams"),
    ("Rasechte Haagse meid", "NL", "inflected-still-works"),
    ("Normaal Amsterdams Peil", None, "non-amsterdams-peil"),
    ("Mooi Amsterdams grachtenpand", None, "non-city-adjective-on-a-building"),
    # "ook <nationality>" among a business's ladies: some of them, no origin
    (
        "Privéhuis Het Huis 🏡 dagelijks 4-6 lieve dames, ook Nederlandse. Gewoon aanbellen!",
        None,
        "ook-among",
    ),
    ("Club Venus: onze Thaise dames verwennen je", "TH", "non-all-workers-share"),
]


@pytest.mark.parametrize("text,expected,case", ORIGIN_CASES, ids=[c[2] for c in ORIGIN_CASES])
def test_origin(text: str, expected: str | None, case: str) -> None:
    assert origin_from_text(prepare(text))[0] == expected


@pytest.mark.parametrize(
    "text,name,expected",
    [
        ("Hai! Nieuw in Arnhem 💕 Roxy, 25 jaar, Roemeens. Ik ontvang", "Roxy", "RO"),
        ("Nieuw! Roxy, 25, Pools, slank", "Roxy", "PL"),
        ("Nieuw! Roxy, 25, Nederlands, Engels.", "Roxy", None),  # two plain words: languages
    ],
)
def test_profile_list_after_blanked_name(text: str, name: str, expected: str | None) -> None:
    assert origin_from_text(without_name(prepare(text), name))[0] == expected


AGE_CASES = [
    ("All our ladies are between 21 and 30 years.", None, "en-between-range"),
    ("Onze dames zijn tussen 25 en 45 jaar", None, "nl-tussen-range"),
    ("Chicas entre 20 y 30 años", None, "es-entre-range"),
    ("Ik ben 25 jaar en tussen de lakens een tijger", 25, "non-own-age"),
]


@pytest.mark.parametrize("text,expected,case", AGE_CASES, ids=[c[2] for c in AGE_CASES])
def test_age(text: str, expected: int | None, case: str) -> None:
    found = age_from_text(prepare(text))
    assert (found[0] if found else None) == expected


GENDER_CASES = [
    # a vocative "Dames," addresses the readers; the advertiser speaks after it
    ("Dames, mag ik mij even voorstellen? Ik ben een gentleman die luistert.", "male", "nl-vocative-dames"),
    ("Lieve dames! Ik ben een ervaren masseur", "male", "nl-lieve-dames-vocative"),
    ("Ladies, I am a friendly guy from Utrecht", "male", "en-ladies-vocative"),
    ("I am a gentleman who listens", "male", "en-i-am-a-gentleman"),
    # non-cases: a woman noun with an age or a list, or not at the start of a sentence
    ("Dames, 25, uit Utrecht", "female", "non-age-after"),
    ("Dames: Linda en Romy", "female", "non-roster"),
    ("Sexy dames, nieuw in Breda", "female", "non-adjective-before"),
]


@pytest.mark.parametrize("text,expected,case", GENDER_CASES, ids=[c[2] for c in GENDER_CASES])
def test_gender(text: str, expected: str | None, case: str) -> None:
    found = gender_from_text(prepare(text))
    assert (found[0] if found else None) == expected
