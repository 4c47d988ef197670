"""Table-driven tests for the types and municipality phenomena read in heldout8's misses (round 9): travelling
to hotels with a star rating or adjective between, the client coming to the speaker with a subject ("jij komt
bij mij", "vienes a mi"), a salon telling clients where to park, walking in ("kom binnen zonder afspraak"),
and an everyday-word place after an area phrase ("uit de omgeving van Goes"). Each case names its
phenomenon; non-cases guard against over-reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from zicht.extract.place import PlaceIndex
from zicht.extract.text import prepare
from zicht.extract.types import types_from

TYPE_CASES = [
    # the speaker travels to hotels, a rating or adjective between
    ("I travel to 5* hotels in Amsterdam and Utrecht", {"escort"}, "en-travel-to-5-star-hotels"),
    ("I travel to luxury hotels only", {"escort"}, "en-travel-to-luxury-hotels"),
    ("Travelling to 4 or 5 star hotels in the Randstad", {"escort"}, "en-travelling-to-star-hotels"),
    ("Ik kom naar luxe hotels in Utrecht", {"escort"}, "nl-kom-naar-luxe-hotels"),
    ("Ik reis naar je hotel in Den Haag", {"escort"}, "nl-reis-naar-je-hotel"),
    ("Ik reis naar hotels in de Randstad", {"escort"}, "nl-reis-naar-hotels"),
    ("Viajo a tu hotel en Rotterdam", {"escort"}, "es-viajo-a-tu-hotel"),
    ("Viajo a hoteles de 5 estrellas", {"escort"}, "es-viajo-a-hoteles"),
    ("Come to my hotel room in Amsterdam", {"home"}, "non-come-to-my-hotel-is-hosted"),
    ("Kom naar het hotel waar ik verblijf", set(), "non-kom-naar-het-hotel"),
    ("I travel to Amsterdam every week", set(), "non-travel-to-a-city"),
    # the client comes to the speaker
    ("Jij komt bij mij, ik zorg voor de rest.", {"home"}, "nl-jij-komt-bij-mij"),
    ("Je komt bij mij in Kampen", {"home"}, "nl-je-komt-bij-mij"),
    ("Kom je bij mij? Ik wacht.", {"home"}, "nl-kom-je-bij-mij"),
    ("Je kunt bij mij komen voor een massage", {"home", "massage"}, "nl-je-kunt-bij-mij-komen"),
    ("You come to me, I do the rest", {"home"}, "en-you-come-to-me"),
    ("You can come to us in Breda", {"home"}, "en-you-can-come-to-us"),
    ("Come and see me in Leiden", {"home"}, "en-come-and-see-me"),
    ("Vienes a mi piso en Tilburg", {"home"}, "es-vienes-a-mi"),
    ("Ven a verme, cariño", {"home"}, "es-ven-a-verme"),
    ("Vem até mim, amor", {"home"}, "pt-vem-ate-mim"),
    ("Przyjdź do mnie w Utrechcie", {"home"}, "pl-przyjdz-do-mnie"),
    ("Jij komt bij mij op de eerste plaats", set(), "non-idiom-op-de-eerste-plaats"),
    ("Jouw plezier komt bij mij op de eerste plaats", set(), "non-plezier-komt-bij-mij"),
    ("Ik kom bij jou, je hoeft niets te doen", {"escort"}, "non-ik-kom-bij-jou-is-outcall"),
    # a salon telling clients where to park: they come over
    ("Massagesalon in Katwijk. Parkeren op het plein.", {"home", "massage"}, "nl-parkeren-op-het-plein"),
    ("Parkeren in de parkeergarage om de hoek", {"home"}, "nl-parkeren-in-de-garage"),
    ("Gratis parkeren achter het pand", {"home"}, "nl-gratis-parkeren-achter"),
    ("Parkeer je auto in de zijstraat", {"home"}, "nl-parkeer-je-auto"),
    ("Parkeerplaats voor de deur", {"home"}, "nl-parkeerplaats-voor-de-deur"),
    ("Parking at the back of the building", {"home"}, "en-parking-at-the-back"),
    ("Aparcamiento gratis en la calle", {"home"}, "es-aparcamiento-gratis"),
    ("Ik kom naar je toe, parkeren bij jou moet kunnen", {"escort"}, "non-parkeren-bij-jou"),
    ("Ik kom discreet, ik parkeer om de hoek", set(), "non-ik-parkeer-escort-arriving"),
    ("Parkeerkosten voor jouw rekening", set(), "non-parkeerkosten"),
    # walking in
    ("Kom binnen zonder afspraak.", {"home"}, "nl-kom-binnen-zonder-afspraak"),
    ("Kom gewoon binnen, de koffie staat klaar", {"home"}, "nl-kom-gewoon-binnen"),
    ("Loop gerust binnen voor een massage", {"home", "massage"}, "nl-loop-gerust-binnen"),
    ("Zonder afspraak welkom van 10 tot 22 uur", {"home"}, "nl-zonder-afspraak-welkom"),
    ("Come in without an appointment", {"home"}, "en-come-in-without"),
    ("Ik kom binnen een half uur", set(), "non-kom-binnen-een-half-uur"),
    ("Ik kom binnen 30 minuten", set(), "non-binnen-30-minuten-is-within"),
    ("Kom niet zomaar binnen, bel eerst", set(), "non-negated-kom-binnen"),
]


@pytest.mark.parametrize(("text", "expected", "case"), TYPE_CASES, ids=[c[2] for c in TYPE_CASES])
def test_types(text: str, expected: set[str], case: str) -> None:
    assert types_from(text)[0] == expected


@pytest.fixture(scope="module")
def places(data_dir: Path) -> PlaceIndex:
    return PlaceIndex.from_data_dir(data_dir)


PLACE_CASES = [
    ("Vrouw van 47 jaar uit de omgeving van Goes.", "GM0664", "nl-omgeving-van-goes"),
    ("Ontvang in de buurt van Best", "GM0753", "nl-buurt-van-best"),
    ("Discreet in de regio van Ede", "GM0228", "nl-regio-van-ede"),
    ("Available in the area of Goes", "GM0664", "en-area-of-goes"),
    ("Trabajo cerca de Goes", "GM0664", "es-cerca-de-goes"),
    ("Omgeving Goes, bel me", "GM0664", "nl-omgeving-goes-still-read"),
    ("De meid van Goes", None, "non-van-without-area-word"),
    ("In de omgeving van goes lekker", None, "non-lower-case-everyday-word"),
    ("De omgeving van Best Western hotels", "GM0753", "area-then-capitalised-word-is-read"),
]


@pytest.mark.parametrize(("text", "expected", "case"), PLACE_CASES, ids=[c[2] for c in PLACE_CASES])
def test_place(text: str, expected: str | None, case: str, places: PlaceIndex) -> None:
    found = places.find(prepare(text))
    assert (found[0] if found else None) == expected
