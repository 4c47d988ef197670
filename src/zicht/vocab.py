"""Canonical values shared by every stage (see ../shared/reference/interfaces.md).

The vocabularies here are the contract between extraction, the store, the tables and the ground truth.
"""

from __future__ import annotations

from typing import Literal, get_args

Gender = Literal["female", "male", "trans", "couple"]
WorkType = Literal["home", "escort", "massage"]
OriginGroup = Literal["NL", "europe_east", "europe_other", "south_america", "other"]

GENDERS: tuple[Gender, ...] = get_args(Gender)
WORK_TYPES: tuple[WorkType, ...] = get_args(WorkType)
ORIGIN_GROUPS: tuple[OriginGroup, ...] = get_args(OriginGroup)

# Eastern Europe as interfaces.md defines it: the former Eastern bloc, former Yugoslav and Albanian states.
EUROPE_EAST = frozenset("BG BY CZ EE HU LT LV MD PL RO RU SK UA AL BA HR ME MK RS SI XK".split())
# Every other European state (EU, EFTA, UK, microstates, Caucasus and Turkey are NOT here: Turkey, Georgia,
# Armenia and Azerbaijan count as "other", as the 2021 report's "Overig" group held them).
EUROPE_OTHER = frozenset("AD AT BE CH CY DE DK ES FI FR GB GR IE IS IT LI LU MC MT NO PT SE SM VA".split())
# The 12 sovereign states of South America plus Latin-American Caribbean and Central America, which the
# 2021 report's "Zuid-Amerika" group took in (Dominican and Cuban ads are common on Dutch sites).
SOUTH_AMERICA = frozenset("AR BO BR CL CO EC GY PE PY SR UY VE CU DO PR MX CR PA GT HN NI SV".split())


def origin_group(country: str | None) -> OriginGroup | None:
    """Map an ISO 3166-1 alpha-2 country code to the baseline's origin group."""
    if not country:
        return None
    code = country.upper()
    if code == "NL":
        return "NL"
    if code in EUROPE_EAST:
        return "europe_east"
    if code in EUROPE_OTHER:
        return "europe_other"
    if code in SOUTH_AMERICA:
        return "south_america"
    return "other"


# Age bins of table 2.3. The report leaves 30 unassigned ("<30" then "31-40"); we put 30 in "<30"
# (read as "up to 30"), which keeps the bins exhaustive.
AGE_BINS: tuple[tuple[str, int, int], ...] = (
    ("<30", 0, 30),
    ("31-40", 31, 40),
    ("41-50", 41, 50),
    ("51-60", 51, 60),
    ("61-70", 61, 70),
    (">70", 71, 200),
)

# Price bins of table 2.2, euro per hour: "<50" is below 50, then upper bounds inclusive (100.5 is "101-150").
PRICE_BINS: tuple[tuple[str, float], ...] = (
    ("<50", 50.0),
    ("50-100", 100.0),
    ("101-150", 150.0),
    ("151-200", 200.0),
    ("201-250", 250.0),
    ("251-300", 300.0),
    (">300", float("inf")),
)


def age_bin(age: int | None) -> str | None:
    if age is None:
        return None
    for label, low, high in AGE_BINS:
        if low <= age <= high:
            return label
    return None


def price_bin(price: float | None) -> str | None:
    if price is None:
        return None
    if price < 50:
        return "<50"
    return next(label for label, upper in PRICE_BINS[1:] if price <= upper)
