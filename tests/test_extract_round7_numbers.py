"""Table-driven tests for the age and price phenomena read from the round-7 development batches (dev7a, dev7b,
dev7c): misspelt and foreign durations, table columns, asking verbs, one duration and one amount in a sentence
or row, minimum bookings, rate units, rentals and earnings (no price); bare ages between a person word or name
and a place, service or verb, ages in other languages, and business ads listing several workers (no age).
Each case names its phenomenon; non-cases guard against over-reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from zicht.extract.age import age_from_text
from zicht.extract.place import PlaceIndex
from zicht.extract.price import price_from_field, price_per_hour
from zicht.extract.text import prepare


@pytest.fixture(scope="module")
def places(data_dir: Path) -> PlaceIndex:
    return PlaceIndex.from_data_dir(data_dir)


PRICE_CASES = [
    # misspelt durations
    ("hlf uur 60 eur hl uur 100 eur alles met condoom", 100.0, "hlf-uur-hl-uur"),
    ("hlf uur 75 heel uur 130, niet onderhandelen", 130.0, "hlf-uur-heel-uur"),
    # a bar between a duration and its amount is a column
    ("15 min  | € 50\n30 min  | € 80\n60 min  | € 140\n", 140.0, "bar-column-table"),
    ("15 min | 60\n30 min | 100\n2 hrs  | 350\n", 200.0, "bar-column-no-currency"),
    ("Kamerprijzen: 20 min €60 | 30 min €80 | 45 min €105 | 60 min €135", 135.0, "bar-row-separator"),
    # the asking verb between a duration and its amount
    ("Voor een uur vraag ik 90 euro, voor anderhalf uur 130 euro.", 90.0, "vraag-ik"),
    ("Een uur met ons samen 150 euro, zij alleen 1 uur 110.", 150.0, "met-ons-samen"),
    # one duration and one amount in a sentence or list row
    ("Een sessie duurt 2 uur en kost 170 euro. Bel 0317-482916.", 85.0, "sentence-2-uur-kost"),
    ("2 uur gezellig samen voor 200 euro. 06-36281045", 100.0, "sentence-gezellig-samen"),
    (
        "– 30 minuten ontspanning: €60\n– 60 minuten body to body + happy end: €120\n",
        120.0,
        "row-service-names",
    ),
    # minimum bookings
    ("Outcall only. 2 hours minimum, €400. Contact me.", 200.0, "hours-minimum"),
    ("Minimaal 2 uur, samen €300. Mail via de site.", 150.0, "minimaal-samen"),
    ("Escort vanaf 2 uur (€300), ontvangst per uur €140.", 140.0, "explicit-hourly-wins"),
    ("Vanaf 2 uur, €130 per uur", 130.0, "rate-unit-after-minimum"),
    ("Overnight (8-10 hours) 1400 EUR incl. dinner.", 175.0, "hour-range-lower-bound"),
    ("Sessie 2,5 uur €200. Intake gesprek gratis.", 80.0, "two-and-a-half-hours"),
    # other languages
    ("Nálam: fél óra 80€, 1 óra 140€. Hotelbe is megyek (+taxi).", 140.0, "hu-fel-ora"),
    ("30 perc ... 100 €\n1 óra ..... 170 €", 170.0, "hu-perc-leaders"),
    ("1 час - 150 евро, 2 часа - 280 евро.", 150.0, "bg-chas-evro"),
    ("30 мин - 100 €, 1 час - 170 €", 170.0, "bg-min"),
    ("150€ un'ora, 100€ mezz'ora", 150.0, "it-amount-first"),
    ("Mezz'ora 120, un'ora 200. Niente senza.", 200.0, "it-mezzora"),
    ("1/2 Std. 80€, 1 Std. 140€. Französisch pur gegen Aufpreis.", 140.0, "de-std-dot"),
    ("1 Std. 160 €, 2 Std. 300 €, Übernachtung 900 €.", 160.0, "de-std-ubernachtung"),
    ("30 min - 80 euro\n1 godz - 140 euro\nnoc - do uzgodnienia", 140.0, "pl-godz"),
    ("Pernoite 1200 euros.", 150.0, "pt-pernoite"),
    ("Cobro 200 euros a hora.", 200.0, "pt-a-hora"),
    # no price: rentals, worker earnings, periods other than hours
    ("Werkkamers te huur. Per dag €90, per week €500.", None, "rental-te-huur"),
    ("Huur: ochtend €60, middag €70, avond/nacht €120.", None, "rental-huur-colon"),
    ("Studio for rent near Schiphol. €120 per day or €700 per week.", None, "rental-for-rent"),
    ("Je verdient €80 per uur, wij zorgen voor de klanten.", None, "earnings"),
    ("Bij ons verdien je tot €2000 per week.", None, "earnings-per-week"),
    # non-cases for the one-duration sentence: a notice period or travel time is no booking
    ("Bel 1 uur van tevoren, 2 uur €300", 150.0, "notice-then-price"),
    ("Ik ben binnen 1 uur bij je, tarief €200.", 200.0, "travel-time-not-duration"),
    ("Bel 2 uur van tevoren. Tarief €150", 150.0, "notice-other-sentence"),
    # a national phone number ends at its tenth digit; a range stays on its line
    ("bel me 0635917284 25 min 60 50 min 110", 132.0, "phone-then-duration"),
    ("bel 015228374651, 1 uur 150", 150.0, "long-foreign-number-blanked"),
    ("1 uur €100\n- 2 uur €180", 100.0, "bullet-not-range"),
    ("Tarief €150-200 per uur", 150.0, "range-lower-bound"),
    ("Ik kan 2 uur van tevoren, €150", 150.0, "notice-same-sentence"),
]


@pytest.mark.parametrize(("text", "expected", "case"), PRICE_CASES, ids=[c[2] for c in PRICE_CASES])
def test_price(text: str, expected: float | None, case: str) -> None:
    found = price_per_hour(text)
    assert (found[0] if found else None) == expected


RATE_FIELD_CASES = [
    ("75 p/half uur", 150.0, "field-per-half-hour"),
    ("vanaf 140", 140.0, "field-vanaf"),
    ("from €200", 200.0, "field-from"),
    ("120", 120.0, "field-bare"),
]


@pytest.mark.parametrize(
    ("field", "expected", "case"), RATE_FIELD_CASES, ids=[c[2] for c in RATE_FIELD_CASES]
)
def test_rate_field(field: str, expected: float | None, case: str) -> None:
    found = price_from_field(field)
    assert (found[0] if found else None) == expected


AGE_CASES = [
    # a person word right before the number
    ("Geile milf 38 Heerlen, ook escort. 0647281953", 38, "milf-number-place"),
    ("HETERO MAN 38 VOOR BI/GAY HEREN. PRIVE IN VLAARDINGEN. 1 UUR 80 EURO.", 38, "caps-man-voor"),
    ("LEKKERE RIJPE VROUW 52 VOOR EEN GEZELLIG UURTJE IN KAMPEN!!", 52, "caps-vrouw-voor-een-uurtje"),
    ("Rijpe heer 67 geeft ontspanningsmassage aan heren, Tegelen.", 67, "heer-number-verb"),
    ("Masculine Moroccan guy 28 for gay and bi men.", 28, "guy-number-for"),
    ("Ik ben Joost, een rustige heer van 58 met ervaring als masseur.", 58, "heer-van"),
    # a name, the number, then a service word or a verb
    ("Busty Russian Mila 32 incall Amstelveen 150/h", 32, "name-number-incall"),
    ("Thai lady Nok 40 give very good massage, oil or traditional.", 40, "name-number-give"),
    ("Mature Dutch lady Ellen, 61 (but I look 10 years younger).", 61, "name-comma-number-paren"),
    ("Ukrainian blonde Olena 🇺🇦, 27. Living in Rijswijk.", 27, "flag-comma-number"),
    # ages in other languages
    ("Szia! Réka vagyok, 24 éves magyar lány.", 24, "hu-eves"),
    ("Аз съм Мила, 26 г., от България.", 26, "bg-g-dot"),
    ("Ragazzo italiano 35enne, bel fisico, per donne e coppie.", 35, "it-enne"),
    ("Ciao! Sono Alessia, trent'anni, siciliana.", 30, "it-trent-anni"),
    ("Sono Giulia, ragazza di ventotto anni.", 28, "it-ventotto"),
    ("Bruna Ferraz, 27a, carioca 🇧🇷", 27, "pt-27a"),
    # two people
    ("Stel (wij 50 en 52) zoekt heren tussen 25 en 45 jaar voor trio.", 50, "wij-two-ages"),
    ("Twee vriendinnen van 24 en 26 die samen naar jouw hotel komen.", 24, "two-friends"),
    ("Ik ben geen 20 meer maar 44 en daar ben ik trots op!", 44, "corrected-age"),
    # non-cases: prices, durations, minimum ages, approximations, businesses listing workers
    ("Half uur met dame 90, heel uur 160.", None, "met-dame-price"),
    ("Lady 80 for 30 min, 1 hour 150.", None, "lady-price-for-duration"),
    ("Dame 60 min 100 euro.", None, "dame-duration"),
    ("Man 50+ zoekt dame.", None, "man-50-plus"),
    ("Incall 70 outcall 90.", None, "incall-price"),
    ("Gezellige vrouw van 50+, een uurtje kost 80.", None, "kost-80"),
    ("Ervaren stel (beide eind 30) komt naar jullie toe.", None, "eind-30"),
    ("Wij zoeken nieuwe dames (min. 21 jaar) voor dag- of nachtdienst.", None, "minimum-age"),
    ("Alleen dames met registratie. Minimum leeftijd 21 jaar.", None, "minimum-leeftijd"),
    ("Onze 12 dames zijn tussen 22 en 50 jaar.", None, "age-range"),
    ("Club Velvet. Aanwezig o.a. Jolanda (38), Kiki (22) en Bianca.", None, "club-lists-workers"),
    ("Sexclub La Playa. Dames: Romy 22, Lotte 35, Alina 28 + gastdames", None, "club-names-numbers"),
    ("Privéhuis Roos. Nieuw bij ons: Roxana (23) uit Roemenië! Ook aanwezig: Sofia.", 23, "one-named"),
    ("Ik ben Eva (27), zij is Nina (32). Wij werken in een privéhuis.", 27, "workers-speak-themselves"),
    ("Masha and Olga, 23 and 25, duo for you.", 23, "duo-without-business"),
]


@pytest.mark.parametrize(("text", "expected", "case"), AGE_CASES, ids=[c[2] for c in AGE_CASES])
def test_age(text: str, expected: int | None, case: str, places: PlaceIndex) -> None:
    found = age_from_text(prepare(text), places.names)
    assert (found[0] if found else None) == expected
