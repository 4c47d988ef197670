"""Table-driven tests for the phrasing families added after the second held-out batch was read: reception and
outcall wording in nl/en/de/es/pt/pl/ro, price tables with the unit before or after the amount, place names
that are also common words, negation after unsafe-sex terms, and related traps. Each case names its
phenomenon."""

from __future__ import annotations

from pathlib import Path

import pytest

from zicht.extract.age import age_from_text
from zicht.extract.gender import gender_from_text
from zicht.extract.indicators import indicators_from
from zicht.extract.licence import licence_terms
from zicht.extract.origin import origin_from_text
from zicht.extract.place import PlaceIndex
from zicht.extract.price import price_per_hour
from zicht.extract.text import prepare
from zicht.extract.types import types_from


@pytest.fixture(scope="module")
def places(data_dir: Path) -> PlaceIndex:
    return PlaceIndex.from_data_dir(data_dir)


TYPE_CASES = [
    # reception
    ("Ik heb een rustig plekje aan huis", {"home"}, "nl-plekje-aan-huis-is-reception"),
    ("Praktijk aan huis in Zeist", {"home"}, "nl-praktijk-aan-huis"),
    ("Massage aan huis in de regio", {"massage", "escort"}, "nl-massage-aan-huis-is-outcall"),
    # round 8: "ook" before outcall wording implies reception too (tests/test_extract_round8_types.py)
    ("Ook aan huis mogelijk", {"escort", "home"}, "nl-ook-aan-huis"),
    ("Snel even langs voor een quickie", {"home"}, "nl-even-langs"),
    ("Kom je gezellig langs?", {"home"}, "nl-kom-two-words-langs"),
    ("Je mag altijd langskomen", {"home"}, "nl-langskomen"),
    ("Wij ontvangen bij ons thuis", {"home"}, "nl-bij-ons-thuis"),
    ("Ik werk in Lisse in een gezellig huis met andere meiden", {"home"}, "nl-werk-in-een-huis"),
    ("Kamer 30 min 60, 60 min 100", {"home"}, "nl-room-price"),
    ("Ich empfange dich privat in Venlo", {"home"}, "de-empfange"),
    ("Besuch mich bei mir zu Hause", {"home"}, "de-bei-mir"),
    ("I work in a private house with 3 other girls", {"home"}, "en-private-house"),
    ("Te espero en mi piso discreto", {"home"}, "es-en-mi-piso"),
    ("Atendo no meu apartamento", {"home"}, "pt-no-meu-apartamento"),
    ("Zapraszam do mnie, spotkania u mnie", {"home"}, "pl-u-mnie"),
    ("Te astept la mine, discret", {"home"}, "ro-la-mine"),
    # outcall
    ("Of komen naar jullie", {"escort"}, "nl-komen-naar-jullie"),
    ("Bij mij thuis of bij jou in het hotel", {"home", "escort"}, "nl-bij-jou-in-het-hotel"),
    ("Ik kom graag bij u thuis", {"escort"}, "nl-bij-u-thuis"),
    ("Discreet in je hotelkamer", {"escort"}, "nl-in-je-hotelkamer"),
    ("I can come to your hotel", {"escort"}, "en-to-your-hotel"),
    ("Outcall only: at your place", {"escort"}, "en-at-your-place"),
    ("Voy a tu hotel, tambien en tu casa", {"escort"}, "es-en-tu-casa"),
    ("Vou ao seu hotel", {"escort"}, "pt-ao-seu-hotel"),
    ("Przyjade u ciebie w hotelu", {"escort"}, "pl-u-ciebie"),
    ("Vin la hotel sau la tine", {"escort"}, "ro-la-tine"),
    # negation still wins
    ("Niet bij jou thuis, wel in je hotel", {"escort"}, "nl-negated-bij-jou-thuis"),
    ("Geen ontvangst, wel escort", {"escort"}, "nl-geen-ontvangst"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in TYPE_CASES], ids=[c[2] for c in TYPE_CASES])
def test_types_phrasing(text: str, expected: set[str]) -> None:
    assert types_from(text)[0] == expected


PRICE_CASES = [
    ("Half uur 80 uur 150 nacht 800", 150.0, "unit-before-amount-no-separators"),
    ("80 half uur, 150 uur", 150.0, "unit-after-amount"),
    ("30 min: 80 | 60 min: 140", 140.0, "table-with-colons"),
    ("€80 / 30 min • €140 / 60 min", 140.0, "table-currency-first"),
    ("kamer 30 min vanaf €70", 140.0, "vanaf-between-duration-and-amount"),
    ("1 hour from 150 EUR", 150.0, "from-between"),
    ("Een uur met mij kost 130 euro, twee uur 240", 130.0, "met-mij-kost"),
    ("Halfje €80, uurtje €140", 140.0, "halfje-uurtje"),
    ("Open van 10 tot 22 uur. Massage 60 min €80", 80.0, "opening-hours-not-a-price"),
    ("24 uur per dag bereikbaar. 1 uur 150", 150.0, "24-uur-per-dag-not-a-price"),
    ("Bel tussen 11-23u. Uurtarief 120", 120.0, "opening-hours-short"),
    ("Media hora 70, una hora 120", 120.0, "es-table"),
    ("Pol godziny 250 zl, godzina 400", 400.0, "pl-table"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in PRICE_CASES], ids=[c[2] for c in PRICE_CASES])
def test_price_tables(text: str, expected: float | None) -> None:
    found = price_per_hour(text)
    assert (found[0] if found else None) == expected


PLACE_CASES = [
    ("Hee lekker ding, ik ontvang in Hoofddorp", "GM0394", "greeting-hee-is-not-a-place"),
    ("Hee schatje! Bel me", None, "greeting-alone"),
    ("Ik woon in Hee op Terschelling", "GM0093", "hee-after-in-capitalised"),
    ("Chantal uit Capelle a/d IJssel", "GM0502", "a/d-abbreviation"),
    ("Alphen a/d Rijn, discreet", "GM0484", "a/d-alphen"),
    ("Acompanhante em Roterdão", "GM0599", "pt-exonym-rotterdam"),
    ("Chica en Groninga", "GM0014", "es-exonym-groningen"),
    ("ontvang in hoofddorp", "GM0394", "lowercase-long-woonplaats-kept"),
    ("Oss centrum", "GM0828", "short-municipality-name-kept"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in PLACE_CASES], ids=[c[2] for c in PLACE_CASES])
def test_place_common_words(places: PlaceIndex, text: str, expected: str | None) -> None:
    found = places.find(prepare(text))
    assert (found[0] if found else None) == expected


INDICATOR_CASES = [
    ("Bareback not possible, always safe!", [], "negation-after-bareback"),
    ("Ook zonder condoom mogelijk? Nee, nooit zonder!", [], "question-then-nee"),
    ("BB? Nee!", [], "bb-question-nee"),
    ("Bareback no problem", ["unsafe_sex"], "no-problem-is-not-negation"),
    ("Pijpen zonder, alles kan", ["unsafe_sex"], "plain-unsafe"),
    ("Reserveren via 020-7654321", ["third_party"], "reserveren-via"),
    ("Our models visit you in Amsterdam", ["several_workers"], "our-models"),
    ("Wij werken in een privéhuis", ["several_workers"], "wij-werken"),
    ("Trio mogelijk met mijn collega!", ["several_workers"], "met-mijn-collega"),
    ("Mijn vriendin (24) kan ook mee!", ["several_workers"], "vriendin-kan-mee"),
    ("Nieuwe dame bij ons in het huis", ["new_in_town"], "nieuwe-dame-bij-ons"),
    ("visiting Rotterdam regularly", [], "visiting-regularly"),
    ("Only visiting Rotterdam this week", ["new_in_town"], "visiting"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[:2] for c in INDICATOR_CASES], ids=[c[2] for c in INDICATOR_CASES]
)
def test_indicator_phrasing(text: str, expected: list[str]) -> None:
    assert [e.name for e in indicators_from(prepare(text), None, "female")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Joyce 💖 34 💖 Veenendaal", 34),
        ("Ik ben niet jong meer (65!) maar ondeugend", 65),
        ("Sexy Kim 23 😘", 23),
        ("Kamer 30 😘", None),
    ],
    ids=["emoji-around-age", "exclamation-in-brackets", "emoji-after", "room-number-not-age"],
)
def test_age_emoji(text: str, expected: int | None) -> None:
    found = age_from_text(prepare(text))
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Só para senhores educados", None),
        ("Solo para caballeros", None),
        ("Młoda para szuka pani", "couple"),
        ("Jesteśmy parą z Polski", "couple"),
    ],
    ids=["pt-para-is-for", "es-para-is-for", "pl-mloda-para", "pl-jestesmy-para"],
)
def test_para_couple(text: str, expected: str | None) -> None:
    found = gender_from_text(prepare(text))
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TS Yasmin uit Istanbul, nu in Amsterdam", "TR"),
        ("Carla from Sao Paulo", "BR"),
        ("Jade, 28, half Indonesian. Kissing, cuddling", "ID"),
        ("Sofia uit Amsterdam", None),
        ("Indonesian massage", None),
    ],
    ids=[
        "city-istanbul",
        "two-word-city",
        "veto-only-in-same-sentence",
        "first-name-city-not-listed",
        "style",
    ],
)
def test_origin_city(text: str, expected: str | None) -> None:
    assert origin_from_text(prepare(text))[0] == expected


def test_private_house_is_a_licence_term() -> None:
    assert [t for t, _ in licence_terms(prepare("I work in a private house"))] == ["privéhuis"]
