"""Table-driven tests for the round-7 rules on origin, place, phone, licence terms and indicators, read from
the outside-written development batches dev7a/b/c: nationality words in more languages (German, Hungarian,
Bulgarian in Cyrillic, Italian and Spanish regional words, French, Brazilian), Dutch city and regional
adjectives, business ads whose workers differ in origin, foreign exonyms and locatives of Dutch cities,
en-dash phone numbers, escort businesses as bureaus, and the settled indicator conventions. Each case names
its phenomenon; non-cases guard against over-reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from zicht.extract.indicators import indicators_from
from zicht.extract.licence import licence_terms
from zicht.extract.origin import origin_from_text
from zicht.extract.phone import phone_from_text
from zicht.extract.place import PlaceIndex
from zicht.extract.text import prepare


@pytest.fixture(scope="module")
def places(data_dir: Path) -> PlaceIndex:
    return PlaceIndex.from_data_dir(data_dir)


ORIGIN_CASES = [
    # nationality words in more languages
    ("Heiße polnische Frau Ewa, 30, in Venlo", "PL", "de-polnische"),
    ("Rumänin Ioana (25) empfängt dich in Arnhem", "RO", "de-rumanin"),
    ("Reife Ostfriesin (50) empfängt dich in Emmen", "DE", "de-ostfriesin"),
    ("Szia! Csinos magyar lány, 25 éves, Utrechtben", "HU", "hu-magyar"),
    ("Vera vagyok, Budapestről, 30 éves", "HU", "hu-from-city-suffix"),
    ("Polski chłopak, 25 lat, dyskretny", "PL", "pl-masculine"),
    ("Masażysta Tomek, Polak, 40 lat", "PL", "pl-noun"),
    ("Băiat român, 24 ani, pentru doamne", "RO", "ro-roman-accented"),
    ("Двe момичета, българка, 24 г.", "BG", "bg-cyrillic"),
    ("Ескорт Ани, 25 г., рускиня", "RU", "ru-cyrillic"),
    ("Sono Sara, napoletana, 28 anni", "IT", "it-city-demonym"),
    ("Ciao, Chiara, siciliana verace", "IT", "it-regional"),
    ("Luca, ragazzo romano, 30 anni", "IT", "it-romano"),
    ("Carmen, andaluza de Málaga, 35 años", "ES", "es-regional"),
    ("Madrileña elegante, 29 años", "ES", "es-city-demonym"),
    ("Trans carioca, 24 anos, recebo em Haarlem", "BR", "pt-carioca"),
    ("Paulista safada, 30 anos", "BR", "pt-paulista"),
    ("Homme français, 40 ans, pour femmes", "FR", "fr-masculine"),
    ("Jolie Parisienne de 27 ans", "FR", "fr-city-demonym"),
    ("Élégante Genevoise de 40 ans", "CH", "fr-swiss-city"),
    ("Ik ben Lisa uit Parijs, 30 jaar", "FR", "from-foreign-city"),
    ("Lotte uit Antwerpen, 24", "BE", "from-belgian-city"),
    ("Slovaakse Eva, sinds kort in Breda", "SK", "nl-variant-spelling"),
    ("thaise massage door Pim (thais vrouw 40 jaar)", "TH", "plain-before-person-noun"),
    ("Poolse massage dame Ewa in Oss", "PL", "nationality-massage-person"),
    # Dutch regional and city adjectives give NL, Flemish gives BE
    ("Vlotte Noord-Hollandse meid van 29", "NL", "nl-region-with-compass-prefix"),
    ("Ondeugende Zaanse meid van 42", "NL", "nl-city-adjective"),
    ("Gezellige Utrechtse dame (39)", "NL", "nl-city-adjective-2"),
    ("In Fryske faam fan 35", "NL", "frisian"),
    ("Vlaamse meid Lotte (22)", "BE", "flemish"),
    ("Esmee, 26, Nederlands, lange benen.", "NL", "plain-after-age-in-profile"),
]
ORIGIN_NON_CASES = [
    ("lekkere hindoestaanse meid uit lelystad 27 jr", "hindustani-is-a-group"),
    ("ANTILLIAANSE SCHOONHEID in Rotterdam", "antillean-is-a-group"),
    ("Age 30, 1.70. English, Deutsch, Nederlands.", "language-list-without-verb"),
    ("Our ladies (Russian, Czech, Brazilian, Dutch) visit you", "several-nationalities-listed"),
    ("Elke dag dames aanwezig, o.a. Nederlandse, Poolse en Spaanse meiden", "nationalities-of-workers"),
    ("Ik spreek Engels. Based in De Fryske Marren", "municipality-name"),
    (
        "Privéhuis X. Dames van 21 tot 45, Nederlandse en Oost-Europese dames.",
        "nationality-and-region-of-workers",
    ),
    ("Swedish, deep tissue and sports massage at your hotel", "massage-style-list"),
    (
        "Club X: 8 dames aanwezig, o.a. Jolanda (38), Kiki (22) en Bianca uit Hongarije",
        "one-worker-of-a-club",
    ),
    ("Privéhuis X: 4-6 dames aanwezig. Nieuw: Mei (25) en Roemeense Lara (31)!", "two-featured-workers"),
    ("Club Paradise: Nadia (26) Bulgaarse, Melissa (31) Nederlandse, Ewa (24) Poolse", "club-roster"),
    ("Luis, romance en passie, 30 jaar", "english-romance-is-no-romanian"),
    ("Zaanse Schans bezoeken en daarna", "city-adjective-without-person"),
    ("Mooie meid uit Groningen", "from-dutch-city"),
]


@pytest.mark.parametrize(("text", "expected", "case"), ORIGIN_CASES, ids=[c[2] for c in ORIGIN_CASES])
def test_origin_round7(text: str, expected: str, case: str) -> None:
    assert origin_from_text(prepare(text))[0] == expected


@pytest.mark.parametrize(("text", "case"), ORIGIN_NON_CASES, ids=[c[1] for c in ORIGIN_NON_CASES])
def test_origin_round7_non_cases(text: str, case: str) -> None:
    assert origin_from_text(prepare(text))[0] is None


def test_featured_worker_of_a_business_gives_her_origin() -> None:
    text = "Privéhuis Amor: nieuw Giulia (27), Italiaanse schoonheid! Ook aanwezig: Sabrina, Tessa en Joy."
    assert origin_from_text(prepare(text))[0] == "IT"


def test_worker_naming_her_venue_later_keeps_her_origin() -> None:
    text = "Hongaarse Reka (25) - privéhuis Candy Schiedam. Samen met 3 andere dames."
    assert origin_from_text(prepare(text))[0] == "HU"


def test_business_with_one_shared_nationality_keeps_it() -> None:
    text = "Massage salon Lotus: our friendly Thai ladies welcome you. Club with 6 ladies."
    assert origin_from_text(prepare(text))[0] == "TH"


PLACE_CASES = [
    ("Rotterdamban fogadlak", "GM0599", "hu-inessive"),
    ("most Groningenben dolgozom", "GM0014", "hu-inessive-2"),
    ("Új lány Amszterdamban!", "GM0363", "hu-exonym-inessive"),
    ("Csinos nő, Almerében", "GM0034", "hu-inessive-accented"),
    ("Приемам в Хага", "GM0518", "bg-the-hague"),
    ("Красива, 25 г., Ротердам", "GM0599", "bg-rotterdam"),
    ("блондинка в Зволе", "GM0193", "bg-zwolle"),
    ("Je reçois à La Haye", "GM0518", "fr-the-hague"),
    ("ontvangt in Snits", "GM1900", "frisian-name"),
    ("In Ljouwert", "GM0080", "frisian-name-2"),
]
PLACE_NON_CASES = [
    ("Hartelijke groet, Monique", "everyday-word-groet"),
    ("Ik hebben jou nodig", "dutch-verb-ending-ben"),
]


@pytest.mark.parametrize(("text", "expected", "case"), PLACE_CASES, ids=[c[2] for c in PLACE_CASES])
def test_place_round7(places: PlaceIndex, text: str, expected: str, case: str) -> None:
    found = places.find(prepare(text))
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(("text", "case"), PLACE_NON_CASES, ids=[c[1] for c in PLACE_NON_CASES])
def test_place_round7_non_cases(places: PlaceIndex, text: str, case: str) -> None:
    assert places.find(prepare(text)) is None


PHONE_CASES = [
    ("Bel of app 06 – 18 33 27 90 (geen anonieme nummers)", "+31618332790", "en-dash-groups"),
    ("Nummer: 06 – 3 – 4 – 8 – 8 – 2 – 1 – 6 – 0", "+31634882160", "en-dash-single-digits"),
    (
        "Geopend: ma-vr 10.00-24.00 | za 12.00-24.00 | zo gesloten. Tel. 074-2915570",
        "+31742915570",
        "opening-hours-are-no-number",
    ),
    ("Hotel- und Hausbesuche. 1 Std. 160 €. Handy: 0171 4829310", "+491714829310", "german-mobile-national"),
]


@pytest.mark.parametrize(("text", "expected", "case"), PHONE_CASES, ids=[c[2] for c in PHONE_CASES])
def test_phone_round7(text: str, expected: str, case: str) -> None:
    found = phone_from_text(prepare(text))
    assert found is not None and found[0] == expected


def test_dutch_number_is_not_read_as_german() -> None:
    found = phone_from_text(prepare("Ich empfange dich. Tel 06 12 34 56 78"))
    assert found is not None and found[0] == "+31612345678"


LICENCE_CASES = [
    ("Escortservice Noord – onze dames komen naar u toe", {"bureau"}, "escortservice"),
    ("Bulgarian escort service in Rotterdam. Girls 21-28 years", {"bureau"}, "escort-service"),
    ("Brabant Escorts — outcall to your home or hotel", {"bureau"}, "escorts-business"),
    ("VIP Escort Limburg. Onze hostesses komen naar u", {"bureau"}, "escort-with-our-workers"),
    ("SAUNACLUB De Oase — Waalwijk", {"club"}, "saunaclub"),
    ("Relaxclub Vechtzicht, Breukelen", {"club"}, "relaxclub"),
    ("Nachtclub Lady's Night, Emmen", {"club"}, "nachtclub"),
    ("Vergunde locatie, schoon en veilig", {"vergunning"}, "vergunde"),
    ("Registered privéhuis, licence municipality Zaanstad.", {"privéhuis", "vergunning"}, "licence-noun"),
    ("Alleen dames met geldige registratie.", {"vergunning"}, "registratie"),
    ("Ingeschreven bij de KvK", {"KvK"}, "kvk-only"),
    ("Registered at KvK (no. 71234455)", {"KvK"}, "registered-at-kvk-is-kvk-only"),
]
LICENCE_NON_CASES = [
    ("Escort Nina, ik kom naar je toe", "one-escort"),
    ("Ik werk zelfstandig, geen bureau, geen club", "negated"),
    ("Nina, escort voor heren. Mijn vriendin is ook escort.", "two-friends-are-no-bureau"),
]


@pytest.mark.parametrize(("text", "expected", "case"), LICENCE_CASES, ids=[c[2] for c in LICENCE_CASES])
def test_licence_round7(text: str, expected: set[str], case: str) -> None:
    assert {term for term, _ in licence_terms(prepare(text))} == expected


@pytest.mark.parametrize(("text", "case"), LICENCE_NON_CASES, ids=[c[1] for c in LICENCE_NON_CASES])
def test_licence_round7_non_cases(text: str, case: str) -> None:
    assert licence_terms(prepare(text)) == []


INDICATOR_CASES = [
    # available_24_7
    ("Disponibile H24 a Den Haag", "available_24_7", "h24"),
    ("recibo en Schiedam centro 24h. 1 hora 150", "available_24_7", "24h"),
    # unsafe_sex
    ("Französisch pur gegen Aufpreis", "unsafe_sex", "de-franzosisch-pur"),
    ("Fellation nature, 69", "unsafe_sex", "fr-fellation-nature"),
    ("beijo grego, oral sem camisinha", "unsafe_sex", "pt-sem-camisinha"),
    ("Beijo na boca, oral sem capa.", "unsafe_sex", "pt-sem-capa"),
    ("Kissing, BJ natural, all positions", "unsafe_sex", "bj-natural"),
    ("doe ook gv zonder voor extra", "unsafe_sex", "gv-zonder"),
    # third_party
    ("afspraken maken via mijn vriendin, zij regelt alles", "third_party", "afspraken-maken-via"),
    ("For appointment call my friend +40 731 554 209", "third_party", "call-my-friend"),
    ("Onze receptioniste stelt u voor aan de dames", "third_party", "receptioniste"),
    ("Gezellige ontvangst door onze gastvrouw", "third_party", "gastvrouw"),
    ("Bestellen? Onze telefoniste helpt u graag", "third_party", "telefoniste"),
    ("Our operator speaks Dutch and English", "third_party", "operator"),
    ("Book through our agency line +31 10 302 4455", "third_party", "agency-line"),
    ("Wij regelen chauffeur, afspraken en veiligheid", "third_party", "we-arrange-appointments"),
    ("We handle all the clients and the driver brings you", "third_party", "we-handle-clients"),
    ("Reserveren kan, bel de bar: 046-4518902", "third_party", "bel-de-bar"),
    ("Escortbureau Zeeland. Bel 0113-227561", "third_party", "escort-bureau-line"),
    # new_in_town
    ("Nowa dziewczyna w Eindhoven!!", "new_in_town", "pl-nowa-noun-w"),
    ("Здравей! Нова в Хага!", "new_in_town", "bg-nova-v"),
    ("appena arrivata a Maastricht per pochi giorni!", "new_in_town", "it-appena-arrivata"),
    ("Trans Valentina in Eindhoven solo questo weekend!", "new_in_town", "it-solo-questo-weekend"),
    ("Em TOUR pela Holanda", "new_in_town", "pt-em-tour"),
    ("Új lány Amszterdamban!", "new_in_town", "hu-uj-lany"),
    ("Neu in Kerkrade!! Polnische Frau", "new_in_town", "de-neu-in"),
    ("New Chinese lady 🇨🇳 in Zoetermeer", "new_in_town", "new-lady-flag-in"),
    ("only few days in The Hague!!", "new_in_town", "only-few-days"),
    ("Nieuw bij ons: Roxana (23)!", "new_in_town", "nieuw-bij-ons"),
    ("this weekend only in Breda", "new_in_town", "this-weekend-only"),
    # several_workers
    ("Două fete românce, 23 și 25 de ani", "several_workers", "ro-two-girls"),
    ("nieuwe meisjes uit Roemenie en Hongarije!!", "several_workers", "meisjes"),
    ("Täglich geöffnet, 8-12 Damen aus ganz Europa", "several_workers", "de-damen-range"),
    ("Onze hostesses komen naar u", "several_workers", "onze-hostesses"),
    ("Brabant Escorts 24/7, blondes and brunettes", "several_workers", "escorts-plural"),
    ("Bij ons werken Tanja (29), Ivana (33) en Olga (25).", "several_workers", "names-with-ages"),
    ("vandaag aanwezig:\n★ Nadia (26) – slank\n★ Melissa (31) – rond", "several_workers", "roster-lines"),
    ("Massage salon is looking for masseuses, good income", "several_workers", "recruitment"),
    ("Werkkamer te huur per uur, voor dames die zelf klanten ontvangen", "several_workers", "room-rental"),
    ("mijn vriendin van 31 komt soms ook erbij voor een trio", "several_workers", "friend-joins"),
    ("Escortbureau Zeeland – wij bezoeken u in Goes", "several_workers", "escort-bureau"),
]
INDICATOR_NON_CASES = [
    ("ik ontvang alleen op afspraak, dus niet 24/7 zoals sommigen denken", "available_24_7", "negated-24-7"),
    ("Free accommodation, 24/7 security.", "available_24_7", "24-7-security"),
    ("Reserveer 24h van tevoren", "available_24_7", "24h-notice"),
    ("Lekker samen douchen, duo douche mogelijk", "several_workers", "duo-douche"),
    ("Nooit zonder condoom, oral only with protection", "unsafe_sex", "negated-unsafe"),
    ("escort lady visiting you in Amsterdam", "new_in_town", "visiting-you"),
    ("New photos in my gallery!", "new_in_town", "new-photos"),
    ("Info: 0416-338 419", "third_party", "bare-info-number"),
]


@pytest.mark.parametrize(("text", "flag", "case"), INDICATOR_CASES, ids=[c[2] for c in INDICATOR_CASES])
def test_indicators_round7(text: str, flag: str, case: str) -> None:
    assert flag in {e.name for e in indicators_from(prepare(text), None, "female")}


@pytest.mark.parametrize(
    ("text", "flag", "case"), INDICATOR_NON_CASES, ids=[c[2] for c in INDICATOR_NON_CASES]
)
def test_indicators_round7_non_cases(text: str, flag: str, case: str) -> None:
    assert flag not in {e.name for e in indicators_from(prepare(text), None, "female")}


MALE_CLIENTELE = [
    "Hey ladies! Jonge sportieve man uit Ede, 29 jaar",
    "Discrete heer biedt dames een ontspannende massage aan",
    "ben een lieve man, dordrecht en omgeving, dames en stellen, geen mannen",
]


@pytest.mark.parametrize("text", MALE_CLIENTELE)
def test_male_advertiser_addresses_clients_not_colleagues(text: str) -> None:
    assert "several_workers" not in {e.name for e in indicators_from(prepare(text), None, "male")}


def test_female_clientele_plural_after_greeting() -> None:
    text = "Hi ladies and couples, I'm Anna"
    assert "several_workers" not in {e.name for e in indicators_from(prepare(text), None, "female")}
