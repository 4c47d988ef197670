"""Table-driven tests for the gender and types phenomena read in the round-7 development batches (dev7a-c,
written by outside writers): male nouns and male nationality forms across the ads' languages, greetings and
clienteles that are no female cue, trans and couple words in other languages, a trans display name; reception
and outcall wording in German, Hungarian, Bulgarian/Russian, Italian, Portuguese, Romanian, French and
Frisian; venues where clients come (clubs, windows, entrance fees, parking, an address given by phone);
exclusive outcall ("alleen escort", "ik ontvang zelf niet") and room rentals (no type). Each case names its
phenomenon; non-cases guard against over-reading."""

from __future__ import annotations

import pytest

from zicht.extract.gender import gender_from_text
from zicht.extract.text import prepare
from zicht.extract.types import types_from

GENDER_CASES = [
    # male nouns, nl/en/de/fr/it/pl/ro/hu/pt
    ("Brabantse vent, 48, voor vrouwen", "male", "nl-vent"),
    ("Friendly Dutch bloke offering massage for men", "male", "en-bloke"),
    ("Sympathischer Typ (45) aus Venlo verwöhnt Frauen", "male", "de-typ"),
    ("Homme français, 42 ans, pour femmes et couples", "male", "fr-homme"),
    ("Ragazzo italiano 35enne, per donne e coppie", "male", "it-ragazzo"),
    ("Polski chłopak, 27 lat, zadbany", "male", "pl-chlopak"),
    ("Băiat român, 25 ani, pentru doamne", "male", "ro-baiat"),
    ("Fiatal magyar srác, 23 éves", "male", "hu-srac"),
    ("Rapaz brasileiro, moreno, 1,80", "male", "pt-rapaz"),
    # male nationality nouns/adjectives (es/pt/it): the -o form of the -a forms read as female
    ("Brasileiro Rafael 28 anos, escort", "male", "pt-brasileiro"),
    ("Cubano moreno, 38 años, cariñoso", "male", "es-cubano"),
    ("Colombiano caliente Juan, 27 jaar", "male", "es-colombiano"),
    ("Colombiana caliente, 27", "female", "es-colombiana-female"),
    ("Hablo español e italiano", None, "language-names-no-cue"),
    # a man right before the age, or an adjective before man
    ("Rijpe heer 67 geeft ontspanningsmassage", "male", "heer-before-age"),
    ("Ik ben Joost, een rustige heer van 58", "male", "heer-van-age"),
    ("HETERO MAN 38 voor dames", "male", "hetero-man-age"),
    ("ben een lieve man en kom graag bij jou", "male", "ben-een-lieve-man"),
    ("Gentleman escort for ladies, Daniel, 45", "male", "gentleman-escort"),
    ("Voor de heer 50+ die rust zoekt, lieve dame", "female", "heer-50-plus-is-client"),
    # greetings and the clientele are no female cue
    ("Hey ladies! Jonge sportieve man uit Ede", "male", "greeting-hey-ladies"),
    ("Hi ladies, I'm Alex, 31, living in Amsterdam", None, "greeting-hi-ladies"),
    ("Lieve dame in Assen", "female", "lieve-dame-is-advertiser"),
    # trans words in other languages
    ("Transsexuală româncă Sabrina", "trans", "ro-transsexuala"),
    ("Transseksualna Patrycja, 26 lat", "trans", "pl-transseksualna"),
    ("Транссексуална Ники, 25 г.", "trans", "bg-transseksualna"),
    ("Szexi transz lány Lili", "trans", "hu-transz"),
    ("TRAVESTI LUXO Bruna", "trans", "pt-travesti"),
    ("Den Haag Transvaal, lieve vrouw", "female", "transvaal-not-trans"),
    # couple words in other languages
    ("Magyar pár vagyunk (Zoli 36, Eszter 32)", "couple", "hu-par-vagyunk"),
    ("Wir sind ein nettes Paar aus Deutschland", "couple", "de-ein-paar"),
    ("Lieve meid, een paar dagen in Breda", "female", "nl-een-paar-is-a-few"),
    ("Wir empfangen Männer und Paare", None, "de-paare-clientele"),
    ("Somos um casal liberal de Rotterdam", "couple", "pt-um-casal"),
    ("Suntem un cuplu tânăr", "couple", "ro-un-cuplu"),
    ("Siamo una coppia italiana", "couple", "it-una-coppia"),
    ("Atendo homens, mulheres e casais", None, "pt-casais-clientele"),
    ("Pentru doamne și cupluri", None, "ro-cupluri-clientele"),
    ("Jongeman (25) uit Leiden", "male", "nl-jongeman"),
    ("Garoto de programa, 24 anos", "male", "pt-garoto"),
]


@pytest.mark.parametrize(("text", "expected", "case"), GENDER_CASES, ids=[c[2] for c in GENDER_CASES])
def test_gender(text: str, expected: str | None, case: str) -> None:
    found = gender_from_text(prepare(text))
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("TS Demi", "trans"), ("Transgirl Kim", "trans"), ("Demi", None), ("Tessa", None)],
)
def test_gender_trans_display_name(name: str, expected: str | None) -> None:
    found = gender_from_text(prepare("Hey schat, ik ben Demi. Ontvang in Arnhem."), name)
    assert (found[0] if found and found[0] == "trans" else None) == expected


TYPE_CASES = [
    # German
    (
        "Ich empfange dich in meiner Wohnung. Besuche auch im Hotel.",
        {"home", "escort"},
        "de-besuche-im-hotel",
    ),
    ("Haus- und Hotelbesuche nur in Kerkrade", {"escort"}, "de-hotelbesuche"),
    ("Hausbesuche möglich", {"escort"}, "de-hausbesuche"),
    ("Ich komme zu dir nach Hause", {"escort"}, "de-komme-zu-dir"),
    # Hungarian
    ("Nálam: fél óra 80€. Hotelbe is megyek.", {"home", "escort"}, "hu-nalam-hotelbe"),
    ("Utrechtben fogadlak saját lakásomban.", {"home"}, "hu-fogadlak"),
    ("Rotterdamban fogadunk pároknak", {"home"}, "hu-fogadunk"),
    ("Hozzád megyek vagy hotelbe.", {"escort"}, "hu-hozzad-megyek"),
    ("Nálam vagy hotelben.", {"home", "escort"}, "hu-hotelben"),
    # Bulgarian / Russian
    ("Приемам в апартамент, също ескорт.", {"home", "escort"}, "bg-priemam-eskort"),
    ("Приемам у дома.", {"home"}, "bg-u-doma"),
    ("Не приемам, само ескорт.", {"escort"}, "bg-negated"),
    ("Принимаю у себя, выезд.", {"home", "escort"}, "ru-prinimayu-vyezd"),
    # Italian
    ("Ricevo e mi sposto.", {"home", "escort"}, "it-mi-sposto"),
    ("Vengo io da te.", {"escort"}, "it-vengo-da-te"),
    ("Ricevo nel mio appartamento, massaggi rilassanti", {"home", "massage"}, "it-massaggi"),
    # Portuguese
    ("Recebo em Tilburg e faço deslocações.", {"home", "escort"}, "pt-recebo-deslocacoes"),
    ("Atendo no hotel, tudo limpo.", {"home"}, "pt-atendo-no-hotel"),
    ("Atendo com carinho.", set(), "pt-atendo-alone"),
    ("Atendo com local em Amsterdam.", {"home"}, "pt-com-local"),
    ("Atiendo en mi piso en Rotterdam.", {"home"}, "es-atiendo-en-mi-piso"),
    ("Atiendo en tu casa o hotel.", {"escort"}, "es-atiendo-en-tu-casa"),
    ("Também vou ao hotel.", {"escort"}, "pt-vou-ao-hotel"),
    ("Faço acompanhamento em Rotterdam, só hotéis.", {"escort"}, "pt-acompanhamento-so-hoteis"),
    # Romanian, French, Frisian
    ("Primim împreună sau separat.", {"home"}, "ro-primim"),
    ("Vin la tine sau la hotel.", {"escort"}, "ro-vin-la-tine"),
    ("Nous recevons dans notre appartement.", {"home"}, "fr-recevons"),
    ("Ik ûntfang manlju yn Snits.", {"home"}, "fy-untfang"),
    # English
    ("Receiving in a discreet apartment. Outcall also possible.", {"home", "escort"}, "en-receiving"),
    ("Your place or hotel in Amsterdam.", {"escort"}, "en-your-place-or-hotel"),
    ("Your home away from home", set(), "en-home-away-slogan"),
    ("I host in Den Haag or visit you.", {"home", "escort"}, "en-or-visit-you"),
    ("I receive in my apartment in Zwolle or come to Deventer.", {"home", "escort"}, "en-or-come-to-place"),
    ("You can also come to my place.", {"home"}, "en-come-to-my-place"),
    ("Welcome to my house!!", {"home"}, "en-welcome-to-my-house"),
    ("Tantric massage in my practice in Haarlem.", {"home", "massage"}, "en-my-practice"),
    ("Our apartment is near the station.", {"home"}, "en-our-apartment"),
    ("Our ladies stay with you the whole night.", {"escort"}, "en-stay-with-you"),
    # Dutch: places and phrases
    ("In mijn praktijkruimte in Wageningen", {"home"}, "nl-mijn-praktijkruimte"),
    ("geeft ontspanningsmassage aan heren. Bij mij.", {"home", "massage"}, "nl-bij-mij-end"),
    ("massage in Purmerend, thuis bij mij.", {"home", "massage"}, "nl-thuis-bij-mij"),
    (
        "erotisch massage, bij mij in Lelystad of ik kom naar u.",
        {"home", "escort", "massage"},
        "nl-bij-mij-in",
    ),
    ("Bij mij kun je terecht voor een massage.", {"massage"}, "nl-bij-mij-terecht-voor-offer"),
    ("Bij mij in de buurt kom ik naar je toe.", {"escort"}, "nl-bij-mij-in-de-buurt"),
    ("Ik kom ook naar Nunspeet en Ermelo.", {"home", "escort"}, "nl-kom-ook-naar-place"),
    # exclusive outcall: no reception
    ("Ik kom naar je toe (hotel of thuis), ik ontvang zelf niet.", {"escort"}, "nl-ontvang-zelf-niet"),
    ("Alleen escort, hotel of thuis in Breda.", {"escort"}, "nl-alleen-escort"),
    ("Ik ontvang niet, maar kom graag bij jou in Den Bosch.", {"escort"}, "nl-bij-jou-in-place"),
    ("Escort only, no incall.", {"escort"}, "en-escort-only"),
    # venues where clients come
    ("SEXCLUB DE VLINDER, elke dag nieuwe meiden", {"home"}, "sexclub"),
    ("Relaxclub Vechtzicht, Breukelen", {"home"}, "relaxclub"),
    ("SAUNACLUB De Oase", {"home"}, "saunaclub"),
    ("Nachtclub Lady's Night, Emmen", {"home"}, "nachtclub"),
    ("Voetbalclub zoekt sponsor", set(), "voetbalclub-not-venue"),
    ("Entree gratis. Half uur 80 euro.", {"home"}, "entree"),
    ("Kamerprijzen met dame: 30 min €80", {"home"}, "kamerprijzen-met-dame"),
    ("Kamer met dame: 30 min 60 euro", {"home"}, "kamer-met-dame"),
    ("Raam 14 op de Achterdam. Gewoon aankloppen!", {"home"}, "window-raam-aankloppen"),
    ("Window girl Anastasia, just come by the window", {"home"}, "window-girl"),
    ("Adres via telefoon: 06 12 88 50 43", {"home"}, "adres-via-telefoon"),
    ("Parkeren in de straat. Tel. 077-3520418", {"home"}, "parkeren-in-de-straat"),
    ("Gratis parkeren", {"home"}, "gratis-parkeren"),
    ("Reiskosten en parkeerkosten voor jouw rekening", set(), "parkeerkosten-no-type"),
    ("Zoetermeer prive 06-38291047", {"home"}, "prive-alone"),
    # room rental to workers: no type
    ("Werkkamer te huur per uur, voor dames die zelf klanten ontvangen.", set(), "rental-werkkamer"),
    ("Studio for rent near Schiphol, perfect for touring ladies who receive", set(), "rental-studio"),
    ("Kamer verhuur voor dames in Roosendaal", set(), "rental-kamer-verhuur"),
    # "massage" in a list
    ("Zoenen, gv, massage, 69", {"massage"}, "massage-in-list"),
]


@pytest.mark.parametrize(("text", "expected", "case"), TYPE_CASES, ids=[c[2] for c in TYPE_CASES])
def test_types(text: str, expected: set[str], case: str) -> None:
    assert types_from(text)[0] == expected


def test_skip_scan_finds_the_matches_of_finditer() -> None:
    """The skip-scan over the distinctive-word families finds exactly the matches of a plain finditer, on word
    salads from the patterns' own words."""
    import random
    import re

    from zicht.extract import types

    rng = random.Random(7)
    for pattern in filter(None, types._SKIP_SCAN_PATTERNS.values()):
        words = sorted(set(re.findall(r"[a-zа-я]{2,}", pattern.pattern))) + [
            "mijn",
            "de",
            "1",
            " ",
            ".",
            "\n",
        ]
        for _ in range(300):
            text = " ".join(rng.choice(words) for _ in range(12))
            expected = [m.span() for m in pattern.full.finditer(text)]
            assert [m.span() for m in types._scan(pattern, text)] == expected, text
