"""Table-driven tests for the fifth-round types grammar (src/zicht/extract/types.py): reception is a hosting
verb or noun, the client coming over, or a place on the speaker's side; outcall is the speaker moving to the
client or a place on the client's side; each read with negation, in nl/en/es/pt/pl/ro/it. Each case names its
pattern family. Plus the male nouns "masseur", "heer (50)" and a bare "man" after the age."""

from __future__ import annotations

import re

import pytest

from zicht.extract.gender import gender_from_text
from zicht.extract.text import fold, prepare
from zicht.extract.types import FAMILIES, types_from

FAMILY_CASES = [
    ("home_hosting", "I host in a quiet apartment near the station."),
    ("home_hosting", "We also host couples."),
    ("home_hosting", "Gewoon aanbellen na afspraak."),
    ("home_hosting", "Bellen of gewoon binnenlopen."),
    ("home_hosting", "Binnenwandelen zonder afspraak."),
    ("home_hosting", "Walk-in welcome."),
    ("home_hosting", "Ik woon en werk in Schiedam."),
    ("home_hosting", "Tengo sitio y salidas."),
    ("home_hosting", "Vieni a trovarmi."),
    ("home_hosting", "Zaprasza panów do siebie."),
    ("home_hosting", "Kamers vanaf 60 euro."),
    ("home_client_comes", "Je komt naar mijn woning."),
    ("home_client_comes", "Een heer die me af en toe komt bezoeken."),
    ("home_client_comes", "Waar je me kunt bezoeken."),
    ("home_client_comes", "Een plekje waar je welkom bent."),
    ("home_client_comes", "Come to my place."),
    ("home_speaker_place", "Je kunt bij mij terecht in Zwolle."),
    ("home_speaker_place", "Jullie kunnen bij mij op de boerderij terecht."),
    ("home_speaker_place", "Ik doe alleen afspraken bij mij."),
    ("home_speaker_place", "Samen of apart bij ons op de kamer."),
    ("home_speaker_place", "I meet gentlemen at my place."),
    ("home_speaker_place", "Massagem no meu espaço."),
    ("home_speaker_place", "Vieni nel mio appartamento."),
    ("home_speaker_place", "Recibo en mi piso."),
    ("home_speaker_place", "Spotkania u mnie."),
    ("home_speaker_place", "Te astept la mine."),
    ("home_speaker_place", "Werkt vanuit een kamer boven het café."),
    ("home_speaker_place", "In een hotelkamer die ik regel."),
    ("home_speaker_place", "Mijn massagetafel staat klaar."),
    ("home_speaker_place", "In zijn eigen kerker."),
    ("escort_moves", "Ik kom alleen naar hotels."),
    ("escort_moves", "Ik kan ook naar jou komen."),
    ("escort_moves", "Ik bezoek ook klanten op de camping."),
    ("escort_moves", "I only meet at hotels."),
    ("escort_moves", "Voy a tu hotel."),
    ("escort_moves", "I travel to you."),
    ("escort_moves", "Hotelbezoek mogelijk."),
    ("escort_client_place", "We spreken af in jouw woning."),
    ("escort_client_place", "Afspreken bij jou of in hotel."),
    ("escort_client_place", "Alleen bij jou of in een hotel."),
    ("escort_client_place", "Ontvangst in hotel of bij jou."),
    ("escort_client_place", "At my place or theirs."),
    ("escort_client_place", "Op je hotelkamer."),
    ("escort_client_place", "Przyjade u ciebie."),
]


@pytest.mark.parametrize(("family", "text"), FAMILY_CASES)
def test_family_matches(family: str, text: str) -> None:
    work_type, pattern = FAMILIES[family]
    assert re.search(pattern, fold(text)), (family, text)
    assert work_type in types_from(text)[0]


NEGATED_CASES = [
    ("Ik doe alleen afspraken bij mij, niet bij jou of in hotels.", {"home"}),
    ("Ik heb geen eigen plek, dus alleen bij jou of in een hotel.", {"escort"}),
    ("Ik heb geen eigen ruimte, dus we spreken af in jouw woning.", {"escort"}),
    ("I only meet at hotels, I don't receive at home.", {"escort"}),
    ("Afspraken op locatie, niet bij mij thuis.", set()),
    ("Geen walk-in, alleen op afspraak.", set()),
]


@pytest.mark.parametrize(("text", "expected"), NEGATED_CASES)
def test_negation(text: str, expected: set[str]) -> None:
    assert types_from(text)[0] == expected


NOT_A_TYPE = [
    "Ik verlang naar jou.",  # longing, not travel
    "Ik woon bij jou in de buurt.",
    "Voel je thuis.",
    "Atendo só senhores.",  # "I serve": no place
    "Ik kom uit Roemenië, vanuit het centrum bereikbaar.",
    "Bezoek mijn website.",
]


@pytest.mark.parametrize("text", NOT_A_TYPE)
def test_not_a_type(text: str) -> None:
    assert types_from(text)[0] == set()


GENDER_CASES = [
    ("Massage door gediplomeerde masseur Erik.", "male"),
    ("Dominante heer (50) zoekt onderdanige dames.", "male"),
    ("Erotische massage door Sam, 32, man, voor mannen.", "male"),
    ("Ik ben Els, weduwe. Ik zoek een vaste heer in Assen.", "female"),
    ("Dames en heren, welkom.", None),
]


@pytest.mark.parametrize(("text", "expected"), GENDER_CASES)
def test_male_nouns(text: str, expected: str | None) -> None:
    found = gender_from_text(prepare(text))
    assert (found[0] if found else None) == expected
