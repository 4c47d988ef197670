"""Table-driven tests for the phenomena added after the fifth held-out batch was read (sixth round): bare
site rate fields, "1u 120" before a phone number, a club's half-hour price "met dame", run-on lower-case "name
number place" ads, "ik ben <naam> 31", two ages "(35/33)", an age never read from a price, uninflected and new
nationality words, flag emoji, several countries in a venue ad, male cues "joven latino" / "man voor vrouwen",
and new-in-town wording. Each case names its phenomenon; non-cases guard against over-reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from zicht.extract.age import age_from_text
from zicht.extract.gender import gender_from_text
from zicht.extract.indicators import indicators_from
from zicht.extract.origin import flag_origin, origin_from_text
from zicht.extract.place import PlaceIndex
from zicht.extract.price import price_from_field, price_per_hour
from zicht.extract.text import prepare


@pytest.fixture(scope="module")
def places(data_dir: Path) -> PlaceIndex:
    return PlaceIndex.from_data_dir(data_dir)


RATE_FIELD_CASES = [
    ("120", 120.0, "bare-number"),
    ("€ 120", 120.0, "euro-sign"),
    ("120,-", 120.0, "comma-dash"),
    ("150 euro", 150.0, "euro-word"),
    ("€ 75 per half uur", 150.0, "text-half-hour-still-read-as-text"),
    ("1 hour: 250 EUR", 250.0, "text-hour"),
    ("5", None, "too-small"),
    ("op aanvraag", None, "no-number"),
]


@pytest.mark.parametrize(
    ("field", "expected", "case"), RATE_FIELD_CASES, ids=[c[2] for c in RATE_FIELD_CASES]
)
def test_rate_field(field: str, expected: float | None, case: str) -> None:
    found = price_from_field(field)
    assert (found[0] if found else None) == expected


PRICE_CASES = [
    ("sexy amy escort 1u 120 06 48 39 17 25", 120.0, "1u-before-spaced-phone"),
    ("halfuur 60 0612345678", 120.0, "phone-does-not-swallow-price"),
    ("Entree €25. Half uur met dame €90. Info 046-4719283", 180.0, "club-half-hour-met-dame"),
    ("Entree 20 euro, 30 min met een meisje 70 euro", 140.0, "club-met-een-meisje"),
    ("Bel +31 6 1234 5678 voor een afspraak, 1 uur 150", 150.0, "plus-phone-blanked"),
]


@pytest.mark.parametrize(("text", "expected", "case"), PRICE_CASES, ids=[c[2] for c in PRICE_CASES])
def test_price(text: str, expected: float | None, case: str) -> None:
    found = price_per_hour(text)
    assert (found[0] if found else None) == expected


AGE_CASES = [
    ("hoi ik ben sanne 24 uit enschede. ik ontvang", 24, "lower-ik-ben-name-number"),
    ("Ik ben Mandy 31 en ik ontvang in Almere", 31, "ik-ben-name-number"),
    ("sexy amy 25 den haag ontvangs en escort", 25, "lower-name-number-place"),
    ("lieve nina 23 rotterdam prive", 23, "lower-name-number-place-2"),
    ("Yasmin 26 Marokkaanse dame Amsterdam", 26, "name-number-nationality"),
    ("Kim 22 lieve meid", None, "name-number-adjective-is-not-enough"),
    ("Lotte 27 meid uit Breda", 27, "name-number-person-word"),
    ("Stel Tom & Ilse (35/33) uit Amersfoort", 35, "two-ages-slash"),
    ("Bereikbaar 24/7 in Utrecht", None, "24-7-is-no-age"),
    ("Hola, soy Camila, dominicana, 29 añitos. Media hora 70, una hora 120.", 29, "es-anitos"),
    ("Recibo en mi apartamento. Media hora 70, una hora 120.", None, "price-after-hora-is-no-age"),
    ("ik ben er 24 uur per dag", None, "ik-ben-er-24-uur"),
    ("ik ben tot 22 bereikbaar", None, "ik-ben-tot-22"),
    ("Welkom in Zwolle 30 min 80 euro", None, "place-number-min-is-price"),
]


@pytest.mark.parametrize(("text", "expected", "case"), AGE_CASES, ids=[c[2] for c in AGE_CASES])
def test_age(text: str, expected: int | None, case: str, places: PlaceIndex) -> None:
    found = age_from_text(prepare(text), places.names)
    assert (found[0] if found else None) == expected


ORIGIN_CASES = [
    ("Lief Filipijns meisje Joy, 24", "PH", "nl-filipijns-neuter"),
    ("Slanke Lets meisje Anna, 25", "LV", "nl-lets-neuter"),
    ("Lieve Jamaicaanse Kerry-Ann, 35", "JM", "nl-jamaicaanse"),
    ("Sweet Jamaican girl in Rotterdam", "JM", "en-jamaican"),
    ("Chica latina Paola 🇨🇴, 31 años", "CO", "flag-emoji"),
    ("Ik spreek 🇳🇱 🇬🇧 🇩🇪", None, "several-flags-are-languages"),
    ("Dagelijks 5-7 dames aanwezig, o.a. uit Hongarije, Polen en Nederland.", None, "several-countries"),
    ("Dames uit Roemenie en Bulgarije", None, "two-countries-with-en"),
    ("Ik kom uit Hongarije en woon in Venlo", "HU", "one-country-then-en"),
    ("Ik spreek Lets en Engels", None, "language-not-origin"),
]


@pytest.mark.parametrize(("text", "expected", "case"), ORIGIN_CASES, ids=[c[2] for c in ORIGIN_CASES])
def test_origin(text: str, expected: str | None, case: str) -> None:
    assert origin_from_text(prepare(text))[0] == expected


def test_flag_origin_ignores_eu() -> None:
    assert flag_origin("Escort 🇪🇺 Europe") is None
    assert flag_origin("Nadia 🇺🇦🇺🇦") == "UA"


GENDER_CASES = [
    ("Joven latino Andrés, 26, de Venezuela. Masajes para hombres y mujeres", "male", "es-joven-latino"),
    ("Marcel, 39, discrete man voor vrouwen. Regio Tilburg.", "male", "nl-age-adjective-man"),
    ("Ervaren man voor dames en stellen", "male", "nl-man-voor-dames"),
    ("Chica joven y cariñosa", "female", "es-joven-chica"),
    ("Lieve meid zoekt een discrete man", "female", "client-man-after-female-cue"),
]


@pytest.mark.parametrize(("text", "expected", "case"), GENDER_CASES, ids=[c[2] for c in GENDER_CASES])
def test_gender(text: str, expected: str, case: str) -> None:
    found = gender_from_text(prepare(text))
    assert (found[0] if found else None) == expected


NEW_IN_TOWN_CASES = [
    ("LAATSTE WEEK IN ARNHEM!! Spaanse Carmen", True, "laatste-week-in"),
    ("Noorse Ingrid, 28, nu ook in Groningen!", True, "nu-ook-in"),
    ("Sexy Olga in Amsterdam for one week only.", True, "one-week-only"),
    ("Ik ontvang nu ook stellen", False, "nu-ook-without-in"),
    ("Laatste plekje vrij vandaag", False, "laatste-without-week"),
]


@pytest.mark.parametrize(
    ("text", "expected", "case"), NEW_IN_TOWN_CASES, ids=[c[2] for c in NEW_IN_TOWN_CASES]
)
def test_new_in_town(text: str, expected: bool, case: str) -> None:
    flags = {e.name for e in indicators_from(prepare(text), None, "female")}
    assert ("new_in_town" in flags) == expected
