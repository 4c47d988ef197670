"""Licence terms.

Behaviour cases of the development rounds, grouped by field. Each section names the file its cases came
from (the batch misses they fixed are in docs/extraction.md); the cases are unchanged. New cases go to
the case tables in tests/data/extract_cases/."""

from __future__ import annotations

import pytest

from zicht.extract.licence import licence_terms
from zicht.extract.text import prepare

# From test_extract_round7_other.py (r7_other): Table-driven tests for the round-7 rules on origin, place,
# phone, licence terms and indicators, read from the outside-written development batches dev7a/b/c:
# nationality words in more languages (German, Hungarian, Bulgarian in Cyrillic, Italian and Spanish
# regional words, French, Brazilian), Dutch city and regional adjectives, business ads whose workers
# differ in origin, foreign exonyms and locatives of Dutch cities, en-dash phone numbers, escort
# businesses as bureaus, and the settled indicator conventions. Each case names its phenomenon; non-cases
# guard against over-reading.

LICENCE_CASES_R7_OTHER = [
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


LICENCE_NON_CASES_R7_OTHER = [
    ("Escort Nina, ik kom naar je toe", "one-escort"),
    ("Ik werk zelfstandig, geen bureau, geen club", "negated"),
    ("Nina, escort voor heren. Mijn vriendin is ook escort.", "two-friends-are-no-bureau"),
]


@pytest.mark.parametrize(
    ("text", "expected", "case"), LICENCE_CASES_R7_OTHER, ids=[c[2] for c in LICENCE_CASES_R7_OTHER]
)
def test_licence_r7_other(text: str, expected: set[str], case: str) -> None:
    assert {term for term, _ in licence_terms(prepare(text))} == expected


@pytest.mark.parametrize(
    ("text", "case"), LICENCE_NON_CASES_R7_OTHER, ids=[c[1] for c in LICENCE_NON_CASES_R7_OTHER]
)
def test_licence_non_cases_r7_other(text: str, case: str) -> None:
    assert licence_terms(prepare(text)) == []
