"""Phone numbers in the text.

Behaviour cases of the development rounds, grouped by field. Each section names the file its cases came
from (the batch misses they fixed are in docs/extraction.md); the cases are unchanged. New cases go to
the case tables in tests/data/extract_cases/."""

from __future__ import annotations

import pytest

from zicht.extract.phone import phone_from_text
from zicht.extract.text import prepare

# From test_extract_round7_other.py (r7_other): Table-driven tests for the round-7 rules on origin, place,
# phone, licence terms and indicators, read from the outside-written development batches dev7a/b/c:
# nationality words in more languages (German, Hungarian, Bulgarian in Cyrillic, Italian and Spanish
# regional words, French, Brazilian), Dutch city and regional adjectives, business ads whose workers
# differ in origin, foreign exonyms and locatives of Dutch cities, en-dash phone numbers, escort
# businesses as bureaus, and the settled indicator conventions. Each case names its phenomenon; non-cases
# guard against over-reading.

PHONE_CASES_R7_OTHER = [
    ("Bel of app 06 – 18 33 27 90 (geen anonieme nummers)", "+31618332790", "en-dash-groups"),
    ("Nummer: 06 – 3 – 4 – 8 – 8 – 2 – 1 – 6 – 0", "+31634882160", "en-dash-single-digits"),
    (
        "Geopend: ma-vr 10.00-24.00 | za 12.00-24.00 | zo gesloten. Tel. 074-2915570",
        "+31742915570",
        "opening-hours-are-no-number",
    ),
    ("Hotel- und Hausbesuche. 1 Std. 160 €. Handy: 0171 4829310", "+491714829310", "german-mobile-national"),
]


@pytest.mark.parametrize(
    ("text", "expected", "case"), PHONE_CASES_R7_OTHER, ids=[c[2] for c in PHONE_CASES_R7_OTHER]
)
def test_phone_r7_other(text: str, expected: str, case: str) -> None:
    found = phone_from_text(prepare(text))
    assert found is not None and found[0] == expected


def test_dutch_number_is_not_read_as_german_r7_other() -> None:
    found = phone_from_text(prepare("Ich empfange dich. Tel 06 12 34 56 78"))
    assert found is not None and found[0] == "+31612345678"
