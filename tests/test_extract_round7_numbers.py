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
    ("– 30 minuten ontspanning: €60\n– 60 minuten body to body + happy end: €120\n", 120.0, "row-service-names"),
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
