"""Table-driven tests for the phenomena added after the third held-out batch was read (fourth round): negated
reception/outcall ("Ik ontvang niet", "I don't do outcall"), "naar je toe komen", own rooms and studios as
reception, language lists and hyphenated or uninflected nationality words, two people's ages, dot-leader price
lists and Romanian "minute", streets and provinces that contain a place name, greetings ("Dames en heren"),
and new-in-town / 24-hour wording in es/en. Each case names its phenomenon."""

from __future__ import annotations

from pathlib import Path

import pytest

from zicht.extract.age import age_from_text
from zicht.extract.gender import gender_from_text
from zicht.extract.indicators import indicators_from
from zicht.extract.origin import origin_from_text
from zicht.extract.place import PlaceIndex
from zicht.extract.price import price_per_hour
from zicht.extract.text import prepare
from zicht.extract.types import types_from


@pytest.fixture(scope="module")
def places(data_dir: Path) -> PlaceIndex:
    return PlaceIndex.from_data_dir(data_dir)


TYPE_CASES = [
    # negation after the verb, English contractions
    ("Ik ontvang niet, ik kom naar je toe.", {"escort"}, "nl-ontvang-niet"),
    ("Ik ontvang niet alleen heren maar ook stellen", {"home"}, "nl-niet-alleen-is-not-negation"),
    ("I don't do outcall, only incall.", {"home"}, "en-dont-do-outcall"),
    ("Sorry, no incall. Outcall only", {"escort"}, "en-no-incall"),
    ("I can't receive, I come to you", {"escort"}, "en-cant-receive"),
    # outcall word order with a modal verb
    ("Ik kan ook naar je toe komen in Rotterdam", {"escort", "home"}, "nl-ook-naar-je-toe-komen"),
    ("Wil je dat ik naar jou toe kom?", {"escort"}, "nl-naar-jou-toe"),
    # own room, studio, praktijk
    ("Own private room with shower", {"home"}, "en-own-private-room"),
    ("Discreet private rooms available", {"home"}, "en-private-rooms"),
    ("En Den Haag, lugar propio y discreto", {"home"}, "es-lugar-propio"),
    ("Eigen volledig ingerichte SM-studio", {"home"}, "nl-eigen-two-words-studio"),
    ("Massage in mijn praktijk in Zeist", {"home", "massage"}, "nl-mijn-praktijk"),
    ("Welcome in our studio", {"home"}, "en-our-studio"),
    ("Ik ben mijn eigen baas, eigen vervoer", set(), "nl-eigen-baas-not-a-room"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in TYPE_CASES], ids=[c[2] for c in TYPE_CASES])
def test_types_round4(text: str, expected: set[str]) -> None:
    assert types_from(text)[0] == expected


ORIGIN_CASES = [
    ("Mature lady, English and Dutch speaking", None, "en-language-list"),
    ("Spaans en Engels sprekend", None, "nl-language-list"),
    ("Nederlandse en Belgische klanten welkom", None, "nl-clientele-list"),
    ("Roemeense en Hongaarse meiden", "RO", "list-of-people-keeps-first"),
    ("Cabo-verdiana linda Kelly", "CV", "pt-hyphenated-cabo-verdiana"),
    ("Cape Verdean girl Maria", "CV", "en-two-word-cape-verdean"),
    ("Priya, half Indiaas half Nederlands", "IN", "nl-half-indiaas"),
    ("Hongaars blondje Zsofi", "HU", "nl-uninflected-before-neuter-noun"),
    ("Ik spreek Hongaars en Duits", None, "nl-uninflected-language"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[:2] for c in ORIGIN_CASES], ids=[c[2] for c in ORIGIN_CASES]
)
def test_origin_round4(text: str, expected: str | None) -> None:
    assert origin_from_text(prepare(text))[0] == expected


AGE_CASES = [
    ("Two Russian girls, Masha and Olga, 23 and 25, together", 23, "en-two-ages"),
    ("Lisa en Kim, 21 en 24 jaar", 21, "nl-two-ages-with-unit"),
    ("Nieuw! Sexy Kim 25 Vlaardingen prive", 25, "name-number-place"),
    ("Kamer 30 Vlaardingen", None, "room-number-place"),
    ("Quickie 50 Halfuur 80", None, "price-list-not-name-number-place"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in AGE_CASES], ids=[c[2] for c in AGE_CASES])
def test_age_round4(places: PlaceIndex, text: str, expected: int | None) -> None:
    found = age_from_text(prepare(text), places.names)
    assert (found[0] if found else None) == expected


PRICE_CASES = [
    ("15 min ....... €40\n30 min ....... €70\n60 min ....... €130", 130.0, "dot-leaders"),
    ("1 uur ___ 120", 120.0, "underscore-leaders"),
    ("60 min …… 110 euro", 110.0, "ellipsis-leaders"),
    ("30 minute 80 euro, o ora 140 euro", 140.0, "ro-minute"),
    ("30 de minute 80 euro", 160.0, "ro-de-minute"),
    ("60 min €130\nExtra's: anaal +€50", 130.0, "extra-on-next-line-is-not-this-price"),
    ("1 uur €130 extra", None, "extra-on-same-line"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in PRICE_CASES], ids=[c[2] for c in PRICE_CASES])
def test_price_round4(text: str, expected: float | None) -> None:
    found = price_per_hour(text)
    assert (found[0] if found else None) == expected


PLACE_CASES = [
    ("Ontvangst aan de Lange Voorhout in Den Haag", "GM0518", "street-lange-voorhout"),
    ("Voorhout, bij Leiden", "GM1525", "voorhout-the-village"),
    ("Ik kom naar je toe in Drenthe en Groningen.", None, "province-groningen-listed"),
    ("Groningen, Drenthe en Friesland", None, "province-groningen-first"),
    ("Escort in de provincie Utrecht en Amersfoort", "GM0307", "provincie-utrecht"),
    ("Ik werk in Utrecht en Groningen", "GM0344", "two-cities"),
    ("Ook escort in Zeeland", None, "province-zeeland"),
    ("Groningen centrum", "GM0014", "city-groningen"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in PLACE_CASES], ids=[c[2] for c in PLACE_CASES])
def test_place_round4(places: PlaceIndex, text: str, expected: str | None) -> None:
    found = places.find(prepare(text))
    assert (found[0] if found else None) == expected


def test_place_field_zeeland_still_read(places: PlaceIndex) -> None:
    assert places.lookup("Zeeland") == "GM1685"  # a city field names the village


INDICATOR_CASES = [
    ("Recibo en mi piso, 24 horas.", ["available_24_7"], "es-24-horas"),
    ("Call 24 hours in advance", [], "en-24-hours-notice"),
    ("In Maastricht this week only", ["new_in_town"], "en-this-week-only"),
    ("Recién llegada a Rotterdam", ["new_in_town"], "es-recien-llegada"),
    ("Newly arrived in Breda", ["new_in_town"], "en-newly-arrived"),
    ("Nieuw! Sinds kort werkzaam in Den Haag", ["new_in_town"], "nl-sinds-kort-werkzaam-in"),
    (
        "Nieuwe meiden bij Club Venus in Heerlen",
        ["new_in_town", "several_workers"],
        "nl-nieuwe-meiden-bij-club",
    ),
    ("Dames en heren, welkom", [], "greeting-not-several-workers"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[:2] for c in INDICATOR_CASES], ids=[c[2] for c in INDICATOR_CASES]
)
def test_indicators_round4(text: str, expected: list[str]) -> None:
    assert [e.name for e in indicators_from(prepare(text), None, "female")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dames en heren, Sven (30) hier, hetero man", "male"),
        ("Ladies and gentlemen, welcome", None),
        ("Lieve dame voor heren", "female"),
    ],
    ids=["nl-greeting-then-man", "en-greeting-only", "dame-still-female"],
)
def test_greeting_is_not_a_gender_cue(text: str, expected: str | None) -> None:
    found = gender_from_text(prepare(text))
    assert (found[0] if found else None) == expected
