"""Table-driven tests of the pure extractors: each case is (input, expected) with an id naming the trap."""

from __future__ import annotations

from pathlib import Path

import pytest

from zicht.extract.age import age_from_field, age_from_text
from zicht.extract.gender import gender_from_field, gender_from_text, resolve_gender
from zicht.extract.indicators import indicators_from
from zicht.extract.licence import licence_terms
from zicht.extract.origin import origin_from_field, origin_from_text
from zicht.extract.phone import phone_from_field, phone_from_text
from zicht.extract.place import PlaceIndex
from zicht.extract.price import price_per_hour
from zicht.extract.text import prepare
from zicht.extract.types import types_from


@pytest.fixture(scope="module")
def places(data_dir: Path) -> PlaceIndex:
    return PlaceIndex.from_data_dir(data_dir)


AGE_CASES = [
    ("Ik ben Roos, 22 jaar en echt Nederlands", 22, "jaar"),
    ("Hot Latina, 26yo, incall only", 26, "yo"),
    ("Leeftijd: 33. Uur: 120", 33, "label"),
    ("age: 31", 31, "english-label"),
    ("Sandra, zesentwintig jaar", 26, "dutch-words"),
    ("an elegant lady of forty-two years", 42, "english-words"),
    ("Ik ben drieëntwintig en slank", 23, "dutch-words-diaeresis"),
    ("veintitrés años", 23, "spanish-words"),
    ("Mijn vriendin van 25 en ik (21) komen naar je toe", 21, "friend-age-ignored"),
    ("Ik ben 27 en mijn vriendin is 22", 27, "first-own-age"),
    ("sinds 2019 actief, lengte 1.65, maat 36", None, "year-height-size"),
    ("al 20 jaar ervaring, ik ben 47", 47, "experience-ignored"),
    ("Alleen heren boven de 30 jaar. Ik ben Wendy (34)", 34, "client-age-ignored"),
    ("Alleen 18+! Ik ben 30", 30, "18-plus-notice"),
    ("ik ben 24/7 beschikbaar", None, "24-7-not-age"),
    ("3 kinderen van 5, 8 en 12 jaar. Ik ben 34.", 34, "children-ignored"),
    ("Stel (hij 35, zij 31)", 35, "couple-first"),
    ("Sexy Dutch MILF, 46, private incall", 46, "word-comma-number"),
    ("mam 27 lat", 27, "polish"),
    ("am 20 de ani", 20, "romanian"),
    ("1 uur 150 euro, 30 min 90", None, "prices-not-ages"),
    ("Ik ben 1994 geboren", None, "birth-year"),
    ("Ik ben 12 jaar ervaren", None, "implausible"),
    ("Natte droom Kelly 25 uit Rotterdam", 25, "name-number-place"),
    ("Young gay boy 19 for men", 19, "person-number-clientele"),
    ("Massage 60 in Amsterdam", None, "service-number-not-age"),
    ("Lisa 22 in Den Haag", 22, "in-den-not-in-de"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in AGE_CASES], ids=[c[2] for c in AGE_CASES])
def test_age_from_text(text: str, expected: int | None) -> None:
    found = age_from_text(prepare(text))
    assert (found[0] if found else None) == expected, found


@pytest.mark.parametrize(
    ("value", "expected"), [("23", 23), ("23 jaar", 23), ("", None), ("17", None), ("x", None)]
)
def test_age_from_field(value: str, expected: int | None) -> None:
    assert age_from_field(value) == expected


PRICE_CASES = [
    ("€150 per uur", 150.0, "per-uur"),
    ("Half uur 100, uur 160.", 160.0, "duration-first"),
    ("50 rozen kwartier, 90 half uur, 160 uur", 160.0, "amount-first-roses"),
    ("€100 halfuur, €160 heel uur", 160.0, "amount-first"),
    ("vanaf €65 per half uur", 130.0, "half-hour-scaled"),
    ("30 minutes: 150 EUR; 1 hour: 250 EUR; 2 hours: 450 EUR; Overnight: 1500 EUR", 250.0, "site-c-table"),
    ("1 hour: 350 EUR / 400 EUR; 3 hours: 900 EUR", 350.0, "incall-outcall-columns"),
    ("2 uur €300. Geen aanbetaling", 150.0, "two-hours"),
    ("Drie uur €500. Hele nacht €1000.", 166.67, "closest-to-hour"),
    ("Hele nacht €960", 120.0, "night-8-hours"),
    ("Minimaal anderhalf uur: €270.", 180.0, "ninety-minutes"),
    ("€150-200 p/u", 150.0, "range-lower-bound"),
    ("Tarief tussen €150 en €200 per uur", 150.0, "range-words"),
    ("Entree €15. Kamer + dame 30 min €80.", 160.0, "entrance-fee-ignored"),
    ("Aanbetaling €50 vooraf. €250 per uur", 250.0, "deposit-ignored"),
    ("Taxi 30 euro extra. Minimum 1 hour: 200 euro.", 200.0, "taxi-ignored"),
    ("Anaal mogelijk tegen meerprijs van €50. Uur €150.", 150.0, "extra-ignored"),
    ("1 uur €175, elk volgend uur €150", 175.0, "next-hour-ignored"),
    ("€220 eerste uur, daarna €180 per uur", 220.0, "first-hour"),
    ("Bel 06 12 34 56 78. Uur €150", 150.0, "phone-digits-ignored"),
    ("Open van 11.00 tot 23.00 uur. 30 min €70", 140.0, "opening-hours-ignored"),
    ("Dora, 25. Half uur 75, uur 130.", 130.0, "age-not-price"),
    ("Tarief: €150", 150.0, "no-duration-is-hourly"),
    ("€120,- per uur", 120.0, "comma-dash"),
    ("200 euro ora", 200.0, "romanian"),
    ("Una hora 140, media hora 80", 140.0, "spanish"),
    ("1 Std 100 Euro", 100.0, "german"),
    ("60min=90€", 90.0, "compact"),
    ("Prijs in overleg", None, "no-price"),
    ("Ik ben 24 jaar", None, "age-only"),
    ("Cena: pół godziny 75 euro", 150.0, "polish-l-stroke"),
    ("Preț: toată noaptea 1200 euro", 150.0, "romanian-night"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in PRICE_CASES], ids=[c[2] for c in PRICE_CASES])
def test_price_per_hour(text: str, expected: float | None) -> None:
    found = price_per_hour(text)
    assert (found[0] if found else None) == expected, found


PHONE_CASES = [
    ("Bel 06 12 98 76 54", "+31612987654", "spaced"),
    ("06.18.27.36.10", "+31618273610", "dotted"),
    ("0 6 - 3 3 4 4 5 5 6 6", "+31633445566", "single-digits"),
    ("nul zes een twee drie vier vijf zes zeven acht", "+31612345678", "dutch-words"),
    ("zero six one one two two three three four four", "+31611223344", "english-words"),
    ("zes-een-twee-drie-vier-vijf-zes-vier-acht (met 0 ervoor)", "+31612345648", "words-without-zero"),
    ("O6-5432l987", "+31654321987", "homoglyphs"),
    ("06-2O3O4O5O ook whatsapp", "+31620304050", "letter-o"),
    ("+31 (0)6 12 43 65 87", "+31612436587", "plus31-bracket-zero"),
    ("0031 6 2468 1357", "+31624681357", "0031"),
    ("+32 470 12 34 12", "+32470123412", "belgian"),
    ("Tel 0048 512 345 678", "+48512345678", "polish-00"),
    ("020-6123457", "+31206123457", "landline"),
    ("Uur €130. 06 1122 3308", "+31611223308", "price-before-phone"),
    ("Bel 06-12 34 56 78 of 06-87 65 43 21", "+31612345678", "first-of-two"),
    ("KvK 81234567, vergunning 2021-045", None, "registration-numbers"),
    ("24/7 bereikbaar, 1 uur 150", None, "no-phone"),
    ("Whatsapp O6-296OO4lO", "+31629600410", "homoglyphs-most-digits"),
    ("Bel plus vier nul zeven drie acht acht acht zeven vier nul drie", "+40738887403", "plus-word"),
    (
        "Call plus five seven three one one five three eight zero two seven six",
        "+573115380276",
        "plus-english",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in PHONE_CASES], ids=[c[2] for c in PHONE_CASES])
def test_phone_from_text(text: str, expected: str | None) -> None:
    found = phone_from_text(prepare(text))
    assert (found[0] if found else None) == expected, found


@pytest.mark.parametrize(
    ("value", "expected"),
    [("tel:+31612345601", "+31612345601"), ("06-12345678", "+31612345678"), ("", None), ("12", None)],
)
def test_phone_from_field(value: str, expected: str | None) -> None:
    assert phone_from_field(value) == expected


ORIGIN_CASES = [
    ("Sexy Roemeense meid", "RO", "dutch-adjective"),
    ("polska dziewczyna", "PL", "polish"),
    ("Soy Camila, colombiana de 22 años", "CO", "spanish"),
    ("Sou a Juliana, brasileira", "BR", "portuguese"),
    ("Bianca, româncă, 24 ani", "RO", "romanian"),
    ("Hot Oekraïense Anna", "UA", "diaeresis"),
    ("I am from Lithuania", "LT", "from-country"),
    ("Dziewczyna z Polski", "PL", "z-country"),
    ("uit de Dominicaanse Republiek", "DO", "republic"),
    ("Nadia, Marokkaans-Nederlandse meid", "MA", "compound"),
    ("echte Hollandse meid", "NL", "hollandse"),
    ("Ik spreek Nederlands, Engels en Spaans.", None, "languages"),
    ("speaks 5 languages (English, French, Spanish)", None, "english-languages"),
    ("Frans zonder, Grieks, Spaans", None, "services"),
    ("Thaise massage in Utrecht", None, "massage-style"),
    ("Ik heb Nederlandse klanten het liefst. Ik ben Roemeense.", "RO", "clients-ignored"),
    ("mijn moeder is Indonesisch", None, "parent"),
    ("Russisch sprekende Oekraïense", "UA", "speaking"),
    ("op tour door Nederland", None, "country-not-origin"),
    ("Heet Cubaans stel", "CU", "neuter-noun"),
    ("een lieve man uit Brazilië", "BR", "man-is-the-advertiser"),
    ("Mijn man uit Turkije en ik", None, "my-husband"),
    ("een sportieve vrouw uit Verenigde Staten", "US", "two-word-country"),
    ("Ik kom uit Oostenrijk", "AT", "austria"),
    ("Zwitserse vrouw", "CH", "swiss"),
    ("Regio Hoek van Holland", None, "place-name-not-origin"),
    ("Latijns-Amerikaanse dames", None, "region-not-us"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[:2] for c in ORIGIN_CASES], ids=[c[2] for c in ORIGIN_CASES]
)
def test_origin_from_text(text: str, expected: str | None) -> None:
    assert origin_from_text(prepare(text))[0] == expected


@pytest.mark.parametrize(
    ("text", "group"),
    [("Latina Carolina", "south_america"), ("Oost-Europese schoonheid", "europe_east")],
    ids=["latina", "east-european"],
)
def test_origin_group_only(text: str, group: str) -> None:
    assert origin_from_text(prepare(text))[:2] == (None, group)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Roemeens", "RO"), ("Nederlands", "NL"), ("Colombian", "CO"), ("Latina", None), ("", None)],
)
def test_origin_from_field(value: str, expected: str | None) -> None:
    assert origin_from_field(value)[0] == expected


GENDER_TEXT_CASES = [
    ("TS Bianca, Braziliaanse transsexual", "trans", "ts"),
    ("Travestiet Mariska ontvangt", "trans", "travestiet"),
    ("Brazilian shemale Jessy", "trans", "shemale"),
    ("Stel (hij 35, zij 31) ontvangt heren", "couple", "stel"),
    ("Ondeugend koppel uit Venlo", "couple", "koppel"),
    ("Stel je voor: een lieve meid", "female", "stel-je-voor"),
    ("Lekkere jongen (26) voor dames en heren", "male", "jongen-first"),
    ("Rijpe dame zoekt jonge knul", "female", "dame-first"),
    ("Leuke vrouw zoekt leuke man", "female", "man-as-client"),
    ("Den Haag Transvaal, lieve vrouw", "female", "transvaal-not-trans"),
    ("Ik ben Petra", None, "no-cue"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[:2] for c in GENDER_TEXT_CASES], ids=[c[2] for c in GENDER_TEXT_CASES]
)
def test_gender_from_text(text: str, expected: str | None) -> None:
    found = gender_from_text(prepare(text))
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("field", "text", "letters", "expected"),
    [
        ("female", None, 0, "female"),
        ("female", ("trans", "ts"), 0, "trans"),
        ("male", ("female", "dame"), 0, "male"),
        (None, None, 40, "female"),
        (None, None, 3, None),
    ],
    ids=["field", "trans-overrides", "field-beats-text", "default", "too-short"],
)
def test_resolve_gender(
    field: str | None, text: tuple[str, str] | None, letters: int, expected: str | None
) -> None:
    assert resolve_gender(field, text, letters) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Vrouw", "female"),
        ("Man", "male"),
        ("Transgender", "trans"),
        ("Stel", "couple"),
        ("Female", "female"),
        ("Couple", "couple"),
    ],
)
def test_gender_from_field(value: str, expected: str) -> None:
    assert gender_from_field(value) == expected


TYPE_CASES = [
    ("Privé-ontvangst, Escort", {"home", "escort"}, "field"),
    ("thuisontvangst in Almere", {"home"}, "thuisontvangst"),
    ("prive ontvangst", {"home"}, "no-accent"),
    ("Incall & outcall", {"home", "escort"}, "english"),
    ("Ik kom naar je toe of hotelbezoek", {"escort"}, "komt-naar-je-toe"),
    ("body-to-body en tantra", {"massage"}, "massage-words"),
    ("Alleen ontvangst, geen escort", {"home"}, "negated-escort"),
    ("Geen bezoek aan huis, alleen ontvangst", {"home"}, "negated-visit"),
    ("erotische massage", {"massage"}, "erotic-massage"),
    ("Recibo en mi apartamento. Salidas a hotel", {"home", "escort"}, "spanish"),
    ("Ik bied escourt en thuisontvangst", {"home", "escort"}, "escourt-misspelling"),
    ("Ik heb een eigen kamer", {"home"}, "own-room"),
    ("3 meiden aanwezig in ons huis", {"home"}, "in-our-house"),
    ("Escote bonito", set(), "spanish-escote-not-escort"),
    ("Ik kom ook naar je toe", {"home", "escort"}, "ook-implies-home"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in TYPE_CASES], ids=[c[2] for c in TYPE_CASES])
def test_types_from(text: str, expected: set[str]) -> None:
    assert types_from(text)[0] == expected


PLACE_CASES = [
    ("Ontvangst in Amsterdam", "GM0363", "plain"),
    ("Den Haag Scheveningen", "GM0518", "den-haag"),
    ("'s-Gravenhage", "GM0518", "official"),
    ("Escort in The Hague", "GM0518", "english"),
    ("in Den Bosch", "GM0796", "den-bosch"),
    ("Amsterdam-Zuidoost", "GM0363", "district"),
    ("Bijlmer", "GM0363", "bijlmer"),
    ("Zaandam", "GM0479", "woonplaats"),
    ("ontvangt in Beek (Limburg)", "GM0888", "ambiguous-same-name"),
    ("Ik ontvang in Nes op Ameland", "GM0060", "ambiguous-named-municipality"),
    ("Hengelo (Ov)", "GM0164", "hengelo"),
    ("Nieuwe meid, kom snel", None, "common-word"),
    ("de beste meid, echt waar", None, "best-echt-words"),
    ("uit Best", "GM0753", "best-after-preposition"),
    ("Escort in heel Nederland", None, "country-hamlet"),
    ("Nowa w Hadze!", "GM0518", "polish-locative-haga"),
    ("nowa w Utrechcie", "GM0344", "polish-locative-t"),
    ("Meiden van de Haagse Escort Service", "GM0518", "city-adjective"),
    ("Amsterdamse meid in Utrecht", "GM0344", "adjective-only-fallback"),
    ("Franse meid", None, "nationality-not-city"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in PLACE_CASES], ids=[c[2] for c in PLACE_CASES])
def test_place_find(places: PlaceIndex, text: str, expected: str | None) -> None:
    found = places.find(prepare(text))
    assert (found[0] if found else None) == expected


def test_place_lookup_field(places: PlaceIndex) -> None:
    assert places.lookup("'s-Hertogenbosch") == "GM0796"
    assert places.lookup("Rotterdam") == "GM0599"
    assert places.lookup("Atlantis") is None


LICENCE_CASES = [
    ("Privéhuis Venus, vergunningnummer 2021-045", ["privéhuis", "vergunning"], "privehuis-number"),
    ("Escortbureau Diamond, KvK 81234567", ["bureau", "KvK"], "bureau-kvk"),
    ("Club Paradise Roermond", ["club"], "club"),
    ("geen bureau, geen club, gewoon privé", [], "negated"),
    ("Independent escort, no agency", [], "no-agency"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[:2] for c in LICENCE_CASES], ids=[c[2] for c in LICENCE_CASES]
)
def test_licence_terms(text: str, expected: list[str]) -> None:
    assert [term for term, _ in licence_terms(prepare(text))] == expected


INDICATOR_CASES = [
    ("Ook 24/7 bereikbaar", None, ["available_24_7"], "24-7"),
    ("de hele dag en nacht bereikbaar", None, ["available_24_7"], "dag-en-nacht"),
    ("Ik doe ook zonder condoom", None, ["unsafe_sex"], "zonder-condoom"),
    ("Zonder bescherming bespreekbaar", None, ["unsafe_sex"], "zonder-bescherming"),
    ("Without protection on request", None, ["unsafe_sex"], "without-protection"),
    ("Rustig en zonder haast", None, [], "zonder-haast-is-safe"),
    ("Mijn manager neemt de telefoon op", None, ["third_party"], "mijn-manager"),
    ("Altijd veilig, nooit zonder condoom", None, [], "negated-unsafe"),
    ("Bel mijn manager voor een afspraak", None, ["third_party"], "manager"),
    ("Boekingen via onze receptie", None, ["third_party"], "receptie"),
    ("Nieuw in Rotterdam!", None, ["new_in_town"], "nieuw-in"),
    ("Niet nieuw in het vak", None, [], "new-in-trade"),
    ("Duo escort, 2 meiden", None, ["several_workers"], "duo"),
    ("Lekkere jongen voor dames en heren", None, [], "dames-as-clients"),
    ("Ik ben 19", 19, ["age_under_21"], "under-21"),
    ("Ik ben 21", 21, [], "21-not-under"),
]


@pytest.mark.parametrize(
    ("text", "age", "expected"), [c[:3] for c in INDICATOR_CASES], ids=[c[3] for c in INDICATOR_CASES]
)
def test_indicators(text: str, age: int | None, expected: list[str]) -> None:
    found = indicators_from(prepare(text), age, "female")
    assert [e.name for e in found] == expected
    assert all(e.match for e in found)  # every flag keeps its evidence


def test_couple_is_not_several_workers() -> None:
    assert indicators_from(prepare("Wij zijn een ondeugend stel"), None, "couple") == []


def test_types_implied_only_without_field() -> None:
    assert types_from("Ik kom ook naar je toe", implied=False)[0] == {"escort"}


def test_name_states_nothing(places: PlaceIndex) -> None:
    from zicht.extract import extract_ad
    from zicht.models import AdInput

    text = "Hoi, Rina Escort hier, 35 jaar. Mijn naam is Rina Escort en ik ontvang in Eindhoven."
    record = extract_ad(AdInput("x", text, {"name": "Rina Escort"}), places, detect=False)
    assert record.types == ("home",)
    thais = extract_ad(
        AdInput("y", "Mijn naam is Thais, ik ontvang thuis in Breda", {"name": "Thais"}), places, detect=False
    )
    assert thais.origin_country is None
    ad = AdInput("z", "Ik kom ook naar je toe (escort)", {"reception": "Escort"})
    assert extract_ad(ad, places, detect=False).types == ("escort",)


def test_relaxed_keeps_boundaries_in_negative_lookarounds() -> None:
    from zicht.extract.text import _relaxed

    assert _relaxed(r"\bfoo|(?<!\bvoor\s)\bbar|[\b]x|\\b") == r"foo|(?<!\bvoor\s)bar|[\b]x|\\b"


def test_gated_patterns_match_like_their_full_pattern() -> None:
    """Every Gated pattern finds exactly the matches of its plain regex, on word salads from its own words."""
    import random
    import re

    from zicht.extract import gender, indicators, licence, types, workers
    from zicht.extract.text import Gated

    gated = [p for _, p in types._PATTERNS] + [p for _, p in licence.TERMS] + [gender._TRANS, workers.PLURAL]
    gated += [p for p in indicators._PATTERNS.values() if isinstance(p, Gated)]
    words = sorted({w for p in gated for w in re.findall(r"[a-z]{2,}", p.pattern)})
    words += ["2", "24/7", "de", "een", "voor", "xvoor", " ", "\n", ".", "-", "ik", "mijn", "Amsterdam"]
    rng = random.Random(7)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        for pattern in gated:
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in pattern.full.finditer(text)
            ]
            hit = pattern.search(text)
            full = pattern.full.search(text)
            assert (hit.span() if hit else None) == (full.span() if full else None)
