"""Table-driven tests for the origin and age phenomena read in heldout8's misses (round 9): an uninflected
Dutch nationality word as an item of a comma-separated profile list that states the age as an item of its
own, a country name used as an adjective before a person noun ("UKRAINE GIRL"), and a bare "y" for years
("27y"). Each case names its phenomenon; non-cases guard against over-reading."""

from __future__ import annotations

import pytest

from zicht.extract.age import age_from_text
from zicht.extract.origin import origin_from_text
from zicht.extract.text import prepare

ORIGIN_CASES = [
    # an uninflected word as a profile-list item after an age item
    ("Escort Michelle, 27 jaar, Nederlands, blond, cup C.", "NL", "list-after-age-with-unit"),
    ("Gay escort jongen Kevin, 25, gespierd, Marokkaans.", "MA", "list-item-later-in-the-list"),
    ("Masseur Ricardo (38), Braziliaans, geeft massage", "BR", "list-after-bracketed-age"),
    ("Sanne, 31 jr, slank, Pools, lange benen", "PL", "list-jr-unit"),
    ("Lotte, 24 years, Roemeens!", "RO", "list-ends-with-exclamation"),
    ("Kim (29), Brabants, blond en ondeugend", "NL", "list-regional-plain"),
    # non-cases: languages, services, no age item, a plain word not set off as an item
    ("Michelle, 27 jaar, spreekt Nederlands, Engels en Duits.", None, "non-spreekt-languages"),
    ("Talen: Nederlands, Engels, Duits", None, "non-language-list"),
    ("Michelle, 27, blond, Nederlands, Engels.", None, "non-two-plain-words-are-languages"),
    ("Michelle, 27, blond, Nederlands en Engels sprekend", None, "non-speaking-list"),
    ("Eva, 25, slank, Frans, Grieks, 69", None, "non-services-in-a-list"),
    ("Eva, 25, slank, Frans, blond", None, "non-service-word-later-in-the-list"),
    ("Slank, blond, Nederlands, cup C", None, "non-no-age-item"),
    ("Prijzen: 30 min 80, 1 uur 140, Nederlands gesproken", None, "non-price-not-age"),
    ("Eva, 2021, blond, Pools", None, "non-year-not-age"),
    ("Michelle, 27 jaar, Nederlands sprekend", None, "non-nederlands-sprekend"),
    # a country name as an adjective before a person noun
    ("🔥IRINA🔥 UKRAINE GIRL 24 Y. BIG BOOBS", "UA", "caps-country-girl"),
    ("POLAND GIRL new in Utrecht", "PL", "caps-poland-girl"),
    ("Romania girl, 22, sweet", "RO", "romania-girl"),
    ("Brazil lady in Den Haag", "BR", "brazil-lady"),
    ("Colombia chica caliente", "CO", "es-colombia-chica"),
    # non-cases: a place after a preposition, a country not before a person noun
    ("Werkzaam in heel Nederland, man of vrouw welkom", None, "non-in-heel-nederland"),
    ("Ik werk in Nederland meid", None, "non-in-nederland-meid"),
    ("Tour through Europe and Holland. Girl from Amsterdam", None, "non-holland-then-sentence"),
    ("Ukraine is mooi. Meid uit Breda", None, "non-country-as-subject"),
]


@pytest.mark.parametrize(("text", "expected", "case"), ORIGIN_CASES, ids=[c[2] for c in ORIGIN_CASES])
def test_origin(text: str, expected: str | None, case: str) -> None:
    assert origin_from_text(prepare(text))[0] == expected


AGE_CASES = [
    ("Hot ladyboy Mimi, 27y, new in Eindhoven", 27, "glued-y"),
    ("IRINA UKRAINE GIRL 24 Y. BIG BOOBS", 24, "caps-y-dot"),
    ("Anna 23y.o. from Poland", 23, "y-o-still-works"),
    ("Lisa 25yo", 25, "yo-still-works"),
    # non-cases: Spanish "y" (and), a year, a dimension
    ("Sesiones de 45 y 60 minutos", None, "non-spanish-y-and"),
    ("Sinds 2019y ben ik actief", None, "non-year-with-y"),
    ("Kamer 25 y 30 m2", None, "non-spaced-y-without-dot"),
]


@pytest.mark.parametrize(("text", "expected", "case"), AGE_CASES, ids=[c[2] for c in AGE_CASES])
def test_age(text: str, expected: int | None, case: str) -> None:
    found = age_from_text(prepare(text))
    assert (found[0] if found else None) == expected
