"""Table-driven tests for the phenomena fixed after heldout7 was read (eighth round; age, price, origin,
municipality, indicators): Dutch compound person nouns before "van NN", sex positions and road exits that are
no age, an age as a sentence of its own after a name and origin, a club's workers with "(24, Hongaarse)";
an amount after a number that is no range's lower bound, written-out amounts, opening hours that are clock
hours; a capital country code as a profile item, a foreign birthplace, "Italiaans temperament", an
uninflected regional word in a predicate list; an everyday-word place heading a dash-separated ad, a
doubled letter written single in a municipality name; new places and services that are no new arrival, es/pt
"for a few days", a club announcing new workers, a negated list head, the client's office, appointments via
someone, counts of models, male escorts as several workers and recruitment in Spanish. Each case names its
phenomenon; non-cases guard against over-reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from zicht.extract.age import age_from_text
from zicht.extract.indicators import indicators_from, several_workers
from zicht.extract.origin import origin_from_text
from zicht.extract.place import PlaceIndex
from zicht.extract.price import price_per_hour
from zicht.extract.text import prepare


@pytest.fixture(scope="module")
def places(data_dir: Path) -> PlaceIndex:
    return PlaceIndex.from_data_dir(data_dir)


AGE_CASES = [
    ("Ondeugende huisvrouw van 44 in Almere. Kussen, 69, pijpen zonder", 44, "compound-huisvrouw-beats-69"),
    ("Nederlandse transvrouw van 33, zacht en vrouwelijk", 33, "compound-transvrouw"),
    ("ondeugende plattelandsmeid van 26 uit de Achterhoek", 26, "compound-plattelandsmeid"),
    ("Sportieve zakenman van 45 voor dames", 45, "compound-zakenman"),
    ("Kussen, 69, pijpen zonder, GV met", None, "69-in-a-service-list"),
    ("Zoenen, 69, beffen", None, "69-after-zoenen"),
    ("Oma, 69, lief en geil", 69, "a-person-word-before-69-still-counts"),
    ("Club Elegance Roermond (A73 afslag 21). Vandaag aanwezig", None, "road-exit"),
    ("Vlak bij de A2 exit 28, gratis parkeren", None, "road-exit-en"),
    ("Nieuw in Hoogeveen: Jenny uit Hongarije. 28. 30min 80", 28, "age-sentence-after-name-origin"),
    ("Kim uit Breda. 45. Bel me", 45, "age-sentence-after-name-place"),
    ("Anna uit Polen. 30 min 80.", None, "a-duration-is-no-age-sentence"),
    (
        "Club Belle Amie Nijmegen. Nieuw: Sabrina (24, Hongaarse) en Diana (29, Bulgaarse)!",
        None,
        "club-workers-with-nationality-in-brackets",
    ),
    (
        "Meiden van de Haagse Escort Service: Anouk (23), Fay (25) en Kiki (29).",
        None,
        "escort-service-roster",
    ),
    ("Nieuw bij ons: Roxana (23) uit Roemenie! Ook aanwezig: Sofia en Lara", 23, "featured-worker-kept"),
]


@pytest.mark.parametrize(("text", "expected", "case"), AGE_CASES, ids=[c[2] for c in AGE_CASES])
def test_age(text: str, expected: int | None, case: str, places: PlaceIndex) -> None:
    found = age_from_text(prepare(text), places.names)
    assert (found[0] if found else None) == expected


PRICE_CASES = [
    ("Goes - ontvangst - Linda 36 - €110 p/u - bel 06 3122 4806", 110.0, "age-before-amount-is-no-range"),
    ("€150-200 per uur", 150.0, "a-range-still-gives-its-lower-bound"),
    ("30 min 80 - 1 uur 140", 140.0, "a-price-is-no-opening-hour"),
    ("Open van 10 tot 22 uur. 1 uur 150", 150.0, "opening-hours-still-blanked"),
    ("Voor honderdtwintig euro het uur verwen ik je", 120.0, "nl-written-amount"),
    ("honderd euro per uur", 100.0, "nl-honderd"),
    ("tachtig euro", 80.0, "nl-tens-alone"),
    ("Half uur vijftig euro, een uur negentig euro", 90.0, "nl-written-amounts-paired"),
    ("tweehonderdvijftig euro voor twee uur", 125.0, "nl-hundreds-and-tens"),
    ("vijfenzeventig euro", 75.0, "nl-unit-en-tens"),
    ("honderdendertig euro per uur", 130.0, "nl-honderd-en-tens"),
    ("Tarifa: doscientos cincuenta euros", 250.0, "es-hundreds-and-tens"),
    ("one hundred and fifty euros per hour", 150.0, "en-written-amount"),
    ("ochenta euros la hora", 80.0, "es-written-amount"),
    ("Mijn huis is anderhalve ton waard", None, "written-number-without-currency"),
    ("Ik kom binnen twintig minuten", None, "written-duration-is-no-amount"),
]


@pytest.mark.parametrize(("text", "expected", "case"), PRICE_CASES, ids=[c[2] for c in PRICE_CASES])
def test_price(text: str, expected: float | None, case: str) -> None:
    found = price_per_hour(text)
    assert (found[0] if found else None) == expected


ORIGIN_CASES = [
    ("Eva, 37, NL. Ontvang prive.", "NL", "profile-code"),
    ("   , 37, RO. Ontvang prive.", "RO", "profile-code-after-blanked-name"),
    ("Lisa, 25, nl", None, "lower-case-code-is-no-origin"),
    ("Bekijk www.lisa.nl voor fotos", None, "domain-is-no-origin"),
    ("Geboren in Milaan, opgegroeid in Amstelveen.", "IT", "born-in-foreign-city"),
    ("Born in Brazil, living in Utrecht", "BR", "en-born-in-country"),
    ("Soy Ana, nacida en Cuba", "CU", "es-nacida-en"),
    ("Geboren in Rotterdam, woon in Delft", None, "dutch-birthplace-left-alone"),
    ("Italiaans temperament, Nederlandse nuchterheid. Geboren in Milaan", "IT", "temperament-first"),
    ("Ik ben een nuchtere vrouw van 44, Brabants en gezellig.", "NL", "predicate-list-regional"),
    ("Ik ben Anna, 30, Pools en lief", "PL", "predicate-list-nationality"),
    ("Ik ben een vrouw van 44, Frans en Grieks mogelijk", None, "services-in-predicate-position"),
    ("Mijn vriendin is gezellig, Brabants en lief", None, "predicate-list-needs-ik-ben"),
]


@pytest.mark.parametrize(("text", "expected", "case"), ORIGIN_CASES, ids=[c[2] for c in ORIGIN_CASES])
def test_origin(text: str, expected: str | None, case: str) -> None:
    assert origin_from_text(prepare(text))[0] == expected


PLACE_CASES = [
    ("Goes - ontvangst - Linda 36 - €110 p/u", "GM0664", "everyday-word-place-heads-dash-run"),
    ("Best – nieuwe meid – 30 min 80", "GM0753", "everyday-word-place-heads-en-dash-run"),
    ("Goes is wat ik zoek", None, "everyday-word-without-dash"),
    ("Lieve meid - Goes - ontvangst", None, "not-the-first-word"),
    ("Sexy meid zoekt spanning, ontvang in zwole.", "GM0193", "doubled-letter-written-single"),
    ("Ontvang in Harlem centrum", "GM0392", "harlem"),
    ("Escort vanuit Eindhooven", "GM0772", "single-letter-doubled"),
    ("Lekker zwole zomeravond", None, "misspelling-needs-a-preposition"),
    ("In zwoele lingerie wacht ik", None, "a-word-one-letter-from-zwolle"),
    ("Ik ben terecht in meiden", None, "other-one-letter-edits-are-no-places"),
    ("Geen vorst in mijn huis", None, "vorst-is-no-voorst"),
]


@pytest.mark.parametrize(("text", "expected", "case"), PLACE_CASES, ids=[c[2] for c in PLACE_CASES])
def test_place(text: str, expected: str | None, case: str, places: PlaceIndex) -> None:
    found = places.find(prepare(text))
    assert (found[0] if found else None) == expected


INDICATOR_CASES = [
    ("Nieuwe massage in Zaandam, 1 uur 70 euro", "new_in_town", False, "new-service-in-place"),
    ("ontvang ik u in mijn nieuwe studio in Amersfoort", "new_in_town", False, "new-studio-in-place"),
    ("Nieuwe massagedame in Zwolle", "new_in_town", True, "new-massage-lady-still-new"),
    ("Nieuw in Zwolle: Lisa", "new_in_town", True, "nieuw-in-place-still"),
    ("New website in the air, new photos in my gallery", "new_in_town", False, "en-new-website"),
    ("Estoy en Den Haag por pocos días.", "new_in_town", True, "es-por-pocos-dias"),
    ("Estou em Utrecht por poucos dias", "new_in_town", True, "pt-por-poucos-dias"),
    ("Portuguesa de 31 anos, nova em Utrecht", "new_in_town", True, "pt-nova-em"),
    ("Alleen een paar dagen in Breda!", "new_in_town", True, "nl-paar-dagen"),
    (
        "Club Belle Amie Nijmegen. Nieuw: Sabrina (24, Hongaarse) en Diana (29)",
        "new_in_town",
        True,
        "club-nieuw-names",
    ),
    ("Nieuw: Sabrina (24) in Breda", "new_in_town", False, "nieuw-name-without-business"),
    (
        "Club Belle Amie Nijmegen. Nieuw: Sabrina (24, Hongaarse) en Diana (29)",
        "several_workers",
        True,
        "club-two-named-ages",
    ),
    ("Wat ik niet doe: anaal en alles zonder condoom.", "unsafe_sex", False, "negated-list-head"),
    ("Niet: anaal. Wel: pijpen zonder condoom", "unsafe_sex", True, "negated-list-ends-at-sentence"),
    ("Wat ik doe: pijpen zonder condoom", "unsafe_sex", True, "positive-list-head"),
    ("ik kom naar je hotel, appartement of kantoor in Amsterdam", "third_party", False, "client-office"),
    ("Ik kom bij jullie langs, thuis of op kantoor", "third_party", False, "op-kantoor"),
    ("Boekingen via ons kantoor: 085-4012289", "third_party", True, "our-office-still"),
    (
        "Afspraken met Lara (24) maken via haar vriendin Jolanda",
        "third_party",
        True,
        "appointments-via-her-friend",
    ),
    ("Afspraken maak je met mij, via mijn telefoon", "third_party", False, "appointments-via-own-phone"),
    ("Over 30 international models for outcall", "several_workers", True, "count-of-models"),
    ("Wij hebben 12 escorts voor u klaarstaan", "several_workers", True, "count-of-escorts"),
]


@pytest.mark.parametrize(
    ("text", "flag", "expected", "case"), INDICATOR_CASES, ids=[c[3] for c in INDICATOR_CASES]
)
def test_indicators(text: str, flag: str, expected: bool, case: str) -> None:
    flags = {e.name for e in indicators_from(prepare(text), None, "female")}
    assert (flag in flags) == expected


def test_male_escorts_are_several_workers() -> None:
    text = prepare("Escortbureau Mister X: stijlvolle mannelijke escorts voor dames en stellen")
    assert several_workers(text, clientele_plural=True) == "escorts"
    assert several_workers(prepare("Man zoekt dames voor een date"), clientele_plural=True) is None


def test_spanish_recruitment_has_no_booking_line() -> None:
    text = prepare(
        "Agencia de escorts en Rotterdam busca chicas latinas para trabajar. "
        "Contacto WhatsApp +34 622 418 907"
    )
    flags = {e.name for e in indicators_from(text, None, "female")}
    assert "third_party" not in flags
