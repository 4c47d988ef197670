"""The synthetic advertisement market: an agent model whose output is the ground truth of the served sites.

Agents are workers (sex workers), intermediaries (who run the ads of several workers behind one phone) and
the three ad sites. A worker advertises through *chains*: one presence on one site, made of one ad at a time.
Every week (measurement moment) each live chain may stop (the worker stops; the ad may stay online for some
weeks as a stale ad), pause or come back (ads flicker), be re-posted under a new site code, or move to another
municipality (a new ad). Site-a ads are sometimes cross-posted to site b (same phone, name, municipality and
wording). New chains are born so that the number of active ads follows the 2021 seasonal shape; a share of
them lives for less than a week (seen at one measurement or none). Everything is drawn from one
numpy Generator(PCG64(seed)) in a fixed order, so a seed gives byte-identical truth files.

The distributions come from the 2021 baseline (../shared/reference/baseline-2021.md): gender, type mix
(Fig 2.7), age by origin (tables 2.3, 2.5), origin (Fig 2.10), hourly price by type (table 2.2), municipality
(tables 2.4, 2.5), fill rates (appendix 5), licence terms (table 2.6). docs/simulator.md explains the choices.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from zicht.config import Config
from zicht.errors import InputError
from zicht.refdata import ReferenceData, fold
from zicht.vocab import GENDERS, ORIGIN_GROUPS

SITE_CODES: tuple[str, ...] = ("a", "b", "c")
SITE_A, SITE_B, SITE_C = 0, 1, 2
LANGUAGES: tuple[str, ...] = ("nl", "en", "mixed", "es", "pl", "ro")
PHONE_STYLES: tuple[str, ...] = ("plain", "spaced", "dotted", "words", "homoglyph", "international", "hidden")
LICENCE_TERMS: tuple[str, ...] = ("club", "privéhuis", "bureau", "KvK")
INDICATORS: tuple[str, ...] = (
    "age_under_21",
    "available_24_7",
    "unsafe_sex",
    "third_party",
    "new_in_town",
    "several_workers",
)
PRICE_UNITS: tuple[str, ...] = ("30min", "1h", "2h", "night")
# Hours per price unit: price_per_hour = price_amount / hours. A "night" counts as 8 hours.
UNIT_HOURS: dict[str, float] = {"30min": 0.5, "1h": 1.0, "2h": 2.0, "night": 8.0}

# ---------------------------------------------------------------------------------------------------------
# Market dynamics (weekly), tuned so that every calibration target of calibration.py holds (seeds 1-12).
# ---------------------------------------------------------------------------------------------------------

# Active unique ads per week at scale 1.0 (primary ads, cross-site copies not counted), 52 weeks from
# 25 Aug 2020 (Fig 2.5): rise to just over 7,500 at the end of November, an abrupt fall to about 6,000 in
# the second half of December, 6,500 in January, then 6,000-6,500. The plateau runs at 6,500-6,700: the
# report's summary says 6,500-7,000 (INCONSISTENT with Fig 2.5), and only a plateau at that level comes
# near the 365,140 raw ads. Longer runs repeat the year.
_RISE = [6250, 6300, 6350, 6410, 6470, 6530, 6600, 6660, 6720, 6780, 7200, 7540, 7550, 7570, 7560, 7420]
_WINTER = [6950, 6180, 6080, 6320, 6520, 6600, 6600, 6600]
_PLATEAU = [round(6600 + 120 * math.sin(2 * math.pi * k / 13)) for k in range(28)]
TARGET_ACTIVE = np.array(_RISE + _WINTER + _PLATEAU, dtype=np.float64)
for _peak in (31, 44):  # after the closure peaks the market refills over a few weeks, not at once
    TARGET_ACTIVE[_peak : _peak + 4] -= (300, 200, 110, 40)
assert TARGET_ACTIVE.size == 52

BURN_IN_WEEKS = 60  # the market runs this long at the week-0 level before the first measurement
HAZARD_LONG = 0.016  # weekly chance that a long-lived chain's worker stops
HAZARD_MEDIUM = 0.06
LONG_SHARE = 0.55  # of regular chains
HAZARD_SHORT = 0.8  # chains of workers who advertise briefly (the one-off ads)
SHORT_SHARE = 0.20  # of new chains, times the seasonal profile below
GHOST_SHARE = 0.05  # ads online for less than a week between two measurements, per new chain
P_STALE = 0.3  # a stopping worker's visible ad stays online (stale) ...
STALE_MEAN_WEEKS = 3.0  # ... for a geometric number of weeks with this mean
PAUSE_RATE = 0.15  # weekly chance that a visible ad is paused (taken offline, not removed)
RETURN_RATE = 0.5  # weekly chance that a paused ad is shown again
MAX_PAUSE_RATE = 0.45  # the December holiday pause may raise the pause rate up to this
MOVE_RATE = 0.004  # weekly chance that a visible ad is replaced by a new ad in another municipality
P_REENTRY = 0.07  # share of new chains that are workers coming back after a break
P_SHARED_AD = 0.025  # share of new chains that are one ad shared by 2-3 workers
P_C_SIBLING = 0.12  # share of site-c workers who also run an ad on site a
MIN_BIRTHS, MAX_BIRTHS = 150.0, 3000.0  # new chains per week at scale 1.0 (bounds of the controller)
NAME_CHANGE_REPOST, PHONE_CHANGE_REPOST = 0.10, 0.08
NAME_CHANGE_MOVE, PHONE_CHANGE_MOVE = 0.15, 0.10
NAME_CHANGE_REENTRY, PHONE_CHANGE_REENTRY, MUNI_CHANGE_REENTRY = 0.5, 0.4, 0.3


def _week_of_year(week: int) -> int:
    return week % 52


def stop_multiplier(week: int) -> float:
    """Closures peak (about 2x) at the end of March and the end of June 2021 (Fig 2.4)."""
    return 4.6 if _week_of_year(week) in (31, 44) and week >= 0 else 1.0


def short_multiplier(week: int) -> float:
    """Seasonal share of brief advertisers (Fig 2.3: high in early September, lowest around New Year,
    a sharp peak at the end of June)."""
    if week < 0:
        return 1.0
    woy = _week_of_year(week)
    if woy <= 2:
        return 2.0
    if 16 <= woy <= 20:
        return 0.15
    if woy in (43, 44):
        return 2.2
    return 1.0


def target_active(week: int) -> float:
    return float(TARGET_ACTIVE[0] if week < 0 else TARGET_ACTIVE[_week_of_year(week)])


# ---------------------------------------------------------------------------------------------------------
# Who advertises: the 2021 distributions (shares of ads)
# ---------------------------------------------------------------------------------------------------------

# Gender as the ad states it; "couple" arises from shared ads of a woman and a man.
GENDER_P = np.array([0.955, 0.036, 0.009, 0.0])  # female, male, trans, (couple: only via shared ads)

TYPE_COMBOS: tuple[tuple[str, ...], ...] = (
    ("home",),
    ("home", "escort"),
    ("home", "massage"),
    ("escort",),
    ("home", "escort", "massage"),
    ("massage",),
    ("escort", "massage"),
)
# Fig 2.7 (home 22, home+escort 22, home+massage 17, escort 16, all three 10, massage 2; escort+massage 7 is
# what "any escort 55%" and "any massage 36%" leave): the national mix of ads, normalised.
TYPE_MIX_NATIONAL = np.array([22, 22, 17, 16, 10, 2, 7], dtype=np.float64) / 96.0
# Site c is the high-price escort segment: its workers offer escort (some also massage).
C_SEGMENT_SHARE = 0.155
TYPE_MIX_C = np.array([0, 0, 0, 0.7, 0, 0, 0.3])
TYPE_MIX_AB = (TYPE_MIX_NATIONAL - C_SEGMENT_SHARE * TYPE_MIX_C) / (1 - C_SEGMENT_SHARE)

# Origin (Fig 2.10 and table 2.5): of ads that state it 21% Dutch; of the others 58.6% Europe (41% of those
# Eastern Europe), 31.2% South America, 10.2% other.
ORIGIN_GROUP_P = np.array([0.21, 0.79 * 0.586 * 0.41, 0.79 * 0.586 * 0.59, 0.79 * 0.312, 0.79 * 0.102])
ORIGIN_COUNTRIES: dict[str, tuple[tuple[str, float], ...]] = {
    "NL": (("NL", 1.0),),
    "europe_east": (
        ("RO", 38),
        ("HU", 16),
        ("PL", 14),
        ("BG", 12),
        ("CZ", 5),
        ("SK", 4),
        ("UA", 5),
        ("RU", 3),
        ("LT", 1),
        ("LV", 1),
        ("MD", 1),
    ),
    "europe_other": (
        ("ES", 24),
        ("IT", 18),
        ("DE", 12),
        ("BE", 10),
        ("FR", 10),
        ("PT", 8),
        ("GB", 6),
        ("GR", 5),
        ("AT", 3),
        ("CH", 2),
        ("SE", 2),
    ),
    "south_america": (
        ("CO", 28),
        ("VE", 18),
        ("DO", 16),
        ("BR", 16),
        ("AR", 5),
        ("CU", 5),
        ("PE", 4),
        ("EC", 3),
        ("SR", 3),
        ("CL", 2),
    ),
    "other": (
        ("TH", 28),
        ("NG", 12),
        ("MA", 10),
        ("TR", 10),
        ("CN", 8),
        ("PH", 10),
        ("ID", 5),
        ("JP", 4),
        ("US", 5),
        ("VN", 4),
        ("IN", 4),
    ),
}

# Stated age bins (<=30, 31-40, 41-50, 51-60, 61-70, >70) by stated origin: table 2.3 (Dutch column), table
# 2.5 (non-Dutch by region) and, for ads without an origin, what the "all" column leaves (they are older).
AGE_BIN_BOUNDS = ((18, 30), (31, 40), (41, 50), (51, 60), (61, 70), (71, 75))
AGE_BINS_BY_GROUP = {
    "NL": (53.3, 25.5, 14.7, 5.7, 0.8, 0.0),
    "europe_east": (78.2, 18.5, 3.0, 0.3, 0.0, 0.0),
    "europe_other": (78.2, 18.5, 3.0, 0.3, 0.0, 0.0),
    "south_america": (68.9, 26.1, 4.3, 0.6, 0.1, 0.0),
    "other": (70.0, 25.8, 3.6, 0.5, 0.1, 0.0),
    "unstated": (5728, 2734, 1307, 412, 62, 5),
}
# Within the youngest bin ages 18..30 are not uniform: few 18-19 year olds, most in their early twenties.
YOUNG_AGE_WEIGHTS = np.array([2, 4, 6, 8, 9, 10, 10, 10, 9, 8, 7, 6, 5], dtype=np.float64)

# Hourly price bins of table 2.2 (<50, 50-100, 101-150, 151-200, 201-250, 251-300, >300) per price class,
# solved so that the home and escort columns of table 2.2 come out (home-only workers are cheap, site c dear).
PRICE_BIN_P = {
    "home": (1.6, 9.8, 85.0, 1.0, 2.4, 0.1, 0.1),
    "home_escort": (1.8, 5.1, 36.1, 51.4, 2.5, 2.0, 1.1),
    "escort": (1.0, 3.0, 30.0, 55.0, 8.0, 2.0, 1.0),
    "c": (0.0, 0.5, 8.0, 56.0, 25.0, 6.5, 4.0),
}
PRICE_VALUES: tuple[tuple[tuple[float, float], ...], ...] = (
    ((35, 1), (40, 2), (45, 2)),
    ((50, 2), (60, 2), (70, 2), (75, 2), (80, 3), (90, 2), (100, 6)),
    ((110, 3), (120, 5), (125, 2), (130, 5), (140, 8), (150, 77)),
    ((160, 10), (170, 5), (175, 15), (180, 15), (200, 55)),
    ((220, 20), (225, 10), (250, 70)),
    ((275, 20), (280, 10), (300, 70)),
    ((350, 50), (400, 35), (500, 15)),
)
PRICE_UNIT_P = np.array([0.09, 0.79, 0.05, 0.07])  # 30min, 1h, 2h, night

# Fill rates: per site (a/b vs c) so that the raw-ad average is the baseline's (origin 72%, price 71%,
# age 96%, municipality 98%, type 98%; gender always). Site c (escort profiles with fixed fields) states more.
FILL_AB = {"origin": 0.698, "price": 0.678, "age": 0.955, "municipality": 0.977, "types": 0.977}
FILL_C = {"origin": 0.85, "price": 0.90, "age": 0.99, "municipality": 1.0, "types": 1.0}

LICENCE_P = np.array([178, 150, 36, 10], dtype=np.float64)  # table 2.6 (374 of 27,866 ads)
LICENCE_RATE = 374 / 27866
P_24_7, P_UNSAFE, P_THIRD_PARTY_INTERMEDIARY, P_THIRD_PARTY = 0.04, 0.012, 0.4, 0.004
P_NEW_IN_TOWN_MOVE, P_NEW_IN_TOWN_FIRST = 0.7, 0.06
OBFUSCATED_STYLE_P = np.array([0.35, 0.25, 0.2, 0.2])  # spaced, dotted, words, homoglyph
P_INTERNATIONAL_STYLE = 0.15
# Foreign phone numbers: share of workers of an origin with a number of that country: (valid mobile prefixes,
# digits after the prefix, share). Dutch numbers are +316 and eight digits, the first 1-5.
FOREIGN_PHONES: dict[str, tuple[tuple[str, ...], int, float]] = {
    "RO": (("+4072", "+4073", "+4074", "+4075", "+4076", "+4077"), 7, 0.2),
    "PL": (("+4850", "+4851", "+4853", "+4857"), 7, 0.2),
    "CO": (
        ("+57300", "+57310", "+57311", "+57312", "+57313", "+57314", "+57315", "+57320", "+57321"),
        7,
        0.15,
    ),
    "BE": (("+3246", "+3247", "+3248", "+3249"), 7, 0.3),
    "DE": (
        ("+49151", "+49152", "+49157", "+49160", "+49170", "+49171", "+49172", "+49176", "+49177"),
        8,
        0.3,
    ),
}
# Languages other than nl/en/mixed go to workers who plausibly write them.
LANGUAGE_ORIGINS = {
    "es": ("ES", "CO", "VE", "DO", "AR", "CU", "PE", "EC", "CL"),
    "pl": ("PL",),
    "ro": ("RO", "MD"),
}

# Where ads are: table 2.4 (top 10 by ads, shares of ads naming a municipality) and table 2.5 (ads per 100,000
# inhabitants) for four smaller municipalities; the rest follows population, capped below both lists.
TOP_MUNICIPALITY_SHARES = {
    "GM0363": 0.204,
    "GM0599": 0.109,
    "GM0518": 0.068,
    "GM0344": 0.039,
    "GM0772": 0.030,
    "GM0855": 0.020,
    "GM0202": 0.020,
    "GM0758": 0.020,
    "GM0034": 0.017,
    "GM0268": 0.015,
}
PER_100K_EXTRA = {
    "GM0756": 389,
    "GM0957": 369,
    "GM0917": 341,
    "GM0384": 305,
}  # Boxmeer, Roermond, Heerlen, Diemen
BASELINE_ADS_WITH_MUNICIPALITY = 27243
REST_MAX_SHARE, REST_MAX_PER_100K, REST_EXPONENT = 0.012, 200.0, 1.15

FEMALE_NAMES = {
    "NL": (
        "Lisa Sanne Emma Anouk Femke Iris Eva Noa Julia Sophie Lotte Fleur Mirjam Ingrid Esther Marloes "
        "Kim Naomi Chantal Daphne Melissa Jessica Debby Wendy Mandy Sandra Linda Petra Yvonne Manon Romy "
        "Britt Demi Tess Roos Isa Vera Nina Bo Floor Kelly Priscilla Angela Monique"
    ),
    "europe_east": (
        "Ana Ioana Andreea Elena Maria Alexandra Bianca Diana Roxana Katarzyna Agnieszka Natalia Kasia "
        "Zuzana Ivana Marta Anna Oksana Olga Irina Svetlana Daria Viktoria Nikoleta Gergana Desislava "
        "Eszter Reka Dorina Alina Larisa Mihaela Simona Adriana Cristina Monika Lenka Tereza Jana Vesna"
    ),
    "europe_other": (
        "Chiara Giulia Francesca Sofia Lucia Carmen Paula Ines Beatriz Lea Hannah Laura Claire Chloe "
        "Camille Amelie Charlotte Emily Olivia Nadia Sara Alba Nerea Martina Aurora Giorgia Ilaria Leonie "
        "Mila Marie Jade Lola Rita Helena Mia Zoe Greta Elisa Bianca Noemi"
    ),
    "south_america": (
        "Camila Valentina Daniela Gabriela Mariana Isabella Luisa Paola Andrea Carolina Juliana Fernanda "
        "Yesenia Yuliana Karla Ximena Dayana Yamile Leidy Catalina Lorena Milagros Rosa Yaneth Jennifer "
        "Tatiana Larissa Bruna Thais Raquel Yolanda Esperanza Lina Angie Estefania Marcela Johana Vanessa "
        "Luana Kimberly"
    ),
    "other": (
        "Mai Lin Suki Yuki Aiko Mei Ling Nong Ploy Nok Fon Dara Amina Fatima Leila Yasmin Aisha Zara "
        "Priya Anjali Grace Blessing Joy Precious Ebony Jasmine Naledi Selin Derya Ayla Maya Kiko Hana "
        "Sora Rina Tina Lily Ruby Amber Kiara"
    ),
}
MALE_NAMES = (
    "Mark Kevin Dennis Tim Ricardo Marco Luca Carlos Diego Andrei Adam Max Bas Thomas Jeroen Sven Daan "
    "Alex Rico Jay Milan Ryan Sem Niels Joao Pedro Mateo Kris Erik Leon"
).split()
FEMALE_NAMES_BY_GROUP = tuple(tuple(FEMALE_NAMES[group].split()) for group in ORIGIN_GROUPS)
NAME_VARIANTS = (
    ("{n}", 0.66),
    ("Sexy {n}", 0.07),
    ("{n} NEW", 0.05),
    ("Lady {n}", 0.05),
    ("Mooie {n}", 0.05),
    ("{n} xxx", 0.04),
    ("Hete {n}", 0.04),
    ("{n} Escort", 0.04),
)


def _p(weights: Any) -> np.ndarray:
    arr = np.asarray(weights, dtype=np.float64)
    return arr / arr.sum()


def municipality_weights(reference: ReferenceData) -> tuple[list[str], np.ndarray]:
    """The share of ads per municipality (all 352 codes of 2021), deterministic, see the constants above."""
    codes = [m.code for m in reference.municipalities]
    population = np.array([m.population for m in reference.municipalities], dtype=np.float64)
    share = np.zeros(len(codes))
    fixed = np.zeros(len(codes), dtype=bool)
    index = {code: i for i, code in enumerate(codes)}
    for code, value in TOP_MUNICIPALITY_SHARES.items():
        share[index[code]], fixed[index[code]] = value, True
    for code, per_100k in PER_100K_EXTRA.items():
        i = index[code]
        share[i], fixed[i] = per_100k * population[i] / 100_000 / BASELINE_ADS_WITH_MUNICIPALITY, True
    rest = 1.0 - share.sum()
    cap = np.minimum(
        REST_MAX_SHARE, REST_MAX_PER_100K * population / 100_000 / BASELINE_ADS_WITH_MUNICIPALITY
    )
    weight = np.where(fixed, 0.0, population**REST_EXPONENT)
    free = ~fixed
    for _ in range(50):  # water-filling: spread the rest over the free municipalities, capped
        left = rest - share[~free & ~fixed].sum()
        scaled = left * weight / weight[free].sum()
        over = free & (scaled > cap)
        if not over.any():
            share[free] = scaled[free]
            break
        share[over] = cap[over]
        free &= ~over
    return codes, share / share.sum()


@dataclass
class _Grow:
    """Column arrays that grow by appending (amortised doubling)."""

    dtypes: dict[str, Any]
    size: int = 0
    cols: dict[str, np.ndarray] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.cols = {name: np.zeros(1024, dtype=dtype) for name, dtype in self.dtypes.items()}

    def add(self, n: int, **values: Any) -> np.ndarray:
        """Append n rows (columns not given are 0); returns their indices."""
        start, end = self.size, self.size + n
        capacity = len(next(iter(self.cols.values())))
        if end > capacity:
            new_capacity = max(end, 2 * capacity)
            for name, col in self.cols.items():
                grown = np.zeros(new_capacity, dtype=col.dtype)
                grown[:start] = col[:start]
                self.cols[name] = grown
        for name, value in values.items():
            self.cols[name][start:end] = value
        self.size = end
        return np.arange(start, end)

    def __getitem__(self, name: str) -> np.ndarray:
        return self.cols[name]

    def view(self, name: str) -> np.ndarray:
        return self.cols[name][: self.size]


# Chain states
ON, OFF, STALE, DEAD = 0, 1, 2, 3
# Chain kinds
REGULAR_LONG, REGULAR_MEDIUM, SHORT = 0, 1, 2


def _unit_hash(ids: np.ndarray, seed: int) -> np.ndarray:
    """A fixed pseudo-random number in [0, 1) per id (splitmix64), apart from the model's random stream."""
    x = ids.astype(np.uint64) + np.uint64((seed * 0x9E3779B97F4A7C15) % 2**64)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return (x >> np.uint64(11)).astype(np.float64) / float(1 << 53)


class Market:
    """One simulation run. Use `build_market(config, reference)`; the class holds the weekly state."""

    def __init__(self, config: Config, reference: ReferenceData) -> None:
        self.config = config
        self.scale = config.scale
        self.weeks = config.weeks
        self.rng = np.random.Generator(np.random.PCG64(config.seed))
        self.muni_codes, self.muni_p = municipality_weights(reference)
        self.muni_index = {code: i for i, code in enumerate(self.muni_codes)}
        self.type_has = {
            t: np.array([t in combo for combo in TYPE_COMBOS]) for t in ("home", "escort", "massage")
        }
        self.muni_cdf = np.cumsum(self.muni_p)
        self.reference = reference
        self.hidden_sites = {SITE_CODES.index(s) for s in config.hidden_phone_sites}
        self.site_a_share = 0.595 / (0.595 + 0.258)  # of primary a/b chains (site shares 57/28/14 of raw ads)
        self.p_crosspost = self._crosspost_chance(0.258, 0.595)
        self.country_codes: list[str] = []
        self.country_index: dict[str, int] = {}
        self.group_countries: list[tuple[np.ndarray, np.ndarray]] = []
        for group in ORIGIN_GROUPS:
            pairs = ORIGIN_COUNTRIES[group]
            idx: list[int] = []
            for code, _ in pairs:
                if code not in self.country_index:
                    self.country_index[code] = len(self.country_codes)
                    self.country_codes.append(code)
                idx.append(self.country_index[code])
            self.group_countries.append((np.array(idx), _p([weight for _, weight in pairs])))
        self.country_group = np.zeros(len(self.country_codes), dtype=np.int8)
        for g, (members, _) in enumerate(self.group_countries):
            self.country_group[members] = g
        self.names: list[str] = []  # display-name strings, indexed by name id
        self.phones: list[str] = []  # E.164 strings, indexed by phone id
        self._seen_dutch: set[int] = set()
        self.workers = _Grow(
            {
                "gender": np.int8,
                "country": np.int16,
                "origin_stated": np.bool_,
                "age": np.int16,
                "types": np.int8,
                "segment_c": np.bool_,
                "price": np.float64,
                "muni": np.int16,
                "intermediary": np.int32,
                "base_name": np.int32,
                "first_name": np.int32,
                "phone": np.int32,
                "active_from": np.int32,
                "active_to": np.int32,
                "live_chains": np.int16,
                "last_stop": np.int32,
            }
        )
        self.intermediaries = _Grow({"phone": np.int32})
        self.chains = _Grow(
            {
                "worker": np.int32,
                "w2": np.int32,
                "w3": np.int32,
                "n_workers": np.int8,
                "gender": np.int8,
                "site": np.int8,
                "kind": np.int8,
                "state": np.int8,
                "stale_until": np.int32,
                "ad": np.int32,
                "xpost": np.int32,
                "xposting": np.bool_,
                "muni": np.int16,
                "name": np.int32,
                "phone": np.int32,
                "born": np.int32,
            }
        )
        self.ads = _Grow(
            {
                "chain": np.int32,
                "site": np.int8,
                "posted": np.int32,
                "removed": np.int32,
                "name": np.int32,
                "phone": np.int32,
                "muni": np.int16,
                "repost_of": np.int32,
                "xpost_of": np.int32,
                "moved": np.bool_,
                "first": np.bool_,
            }
        )
        self.live = np.zeros(0, dtype=np.int32)  # chain ids not DEAD
        self.listed: list[np.ndarray] = []  # per measured week: ad ids visible

    def _crosspost_chance(self, b_primary: float, a_ads: float) -> float:
        """Chance that a new site-a chain cross-posts to site b, so that crosspost_rate of site-b ads are
        copies (chains cross-post for life, so the share holds whatever the chains' dynamics)."""
        x = self.config.crosspost_rate
        if x >= 1:
            return 1.0
        return min(1.0, x / (1 - x) * b_primary / max(a_ads, 1e-9))

    # --- small draws -------------------------------------------------------------------------------------
    def _choice(self, p: np.ndarray, n: int) -> np.ndarray:
        return np.searchsorted(np.cumsum(p), self.rng.random(n) * (1 - 1e-12), side="right")

    def _after_changes(self, shown: np.ndarray, week: int) -> np.ndarray:
        """The visible chains once the configured [[changes]] have taken `1 - factor` of the matching ones
        offline. Which chains go is a fixed hash of the chain, not a random draw, so a market with changes is
        the same market as without them (same random stream) minus those chains, and a chain once taken
        offline stays offline."""
        ch, wk = self.chains, self.workers
        for change in self.config.changes:
            if week < change.from_week or change.municipality not in self.muni_index:
                continue
            worker = ch["worker"][shown]
            hit = ch["muni"][shown] == self.muni_index[change.municipality]
            if change.type is not None:
                hit &= self.type_has[change.type][wk["types"][worker]]
            shown = shown[~(hit & (_unit_hash(shown, self.config.seed) >= change.factor))]
        return shown

    def _munis(self, n: int) -> np.ndarray:
        return np.searchsorted(
            self.muni_cdf, self.rng.random(n) * self.muni_cdf[-1] * (1 - 1e-12), side="right"
        )

    def _new_dutch_numbers(self, n: int) -> np.ndarray:
        """n Dutch mobile numbers never handed out before (the 8 digits after +316, first digit 1-5)."""
        out: list[int] = []
        while len(out) < n:
            for value in self.rng.integers(10_000_000, 60_000_000, size=n - len(out) + 16).tolist():
                if value not in self._seen_dutch:
                    self._seen_dutch.add(value)
                    out.append(value)
                    if len(out) == n:
                        break
        return np.array(out, dtype=np.int64)

    def _new_phones(self, countries: np.ndarray) -> np.ndarray:
        """One new phone id per worker: Dutch mobile, or a number of the worker's country for some."""
        n = len(countries)
        codes = [self.country_codes[c] for c in countries]
        u = self.rng.random(n)
        foreign = np.array(
            [c in FOREIGN_PHONES and u[i] < FOREIGN_PHONES[c][2] for i, c in enumerate(codes)], dtype=bool
        )
        dutch = self._new_dutch_numbers(int((~foreign).sum()))
        other_digits = self.rng.integers(0, 10**8, size=int(foreign.sum()))
        other_prefix = self.rng.random(int(foreign.sum()))
        start = len(self.phones)
        di = fi = 0
        for i in range(n):
            if foreign[i]:
                prefixes, digits, _ = FOREIGN_PHONES[codes[i]]
                prefix = prefixes[int(other_prefix[fi] * len(prefixes))]
                self.phones.append(f"{prefix}{int(other_digits[fi]) % 10**digits:0{digits}d}")
                fi += 1
            else:
                self.phones.append(f"+316{int(dutch[di]):08d}")
                di += 1
        return np.arange(start, start + n, dtype=np.int32)

    def _new_first_names(self, workers: np.ndarray) -> np.ndarray:
        """A first name per worker from the name list of their gender and origin ("TS ..." for trans)."""
        wk = self.workers
        u = self.rng.random(len(workers))
        start = len(self.names)
        for i, w in enumerate(workers):
            gender = GENDERS[wk["gender"][w]]
            pool = (
                MALE_NAMES
                if gender == "male"
                else FEMALE_NAMES_BY_GROUP[self.country_group[wk["country"][w]]]
            )
            first = pool[int(u[i] * len(pool))]
            self.names.append("TS " + first if gender == "trans" else first)
        return np.arange(start, len(self.names), dtype=np.int32)

    def _display_names(self, first_names: np.ndarray) -> np.ndarray:
        """A display name per first name, in one of the common variants ("Sexy Lisa", "Lisa NEW")."""
        variants = self._choice(_p([weight for _, weight in NAME_VARIANTS]), len(first_names))
        start = len(self.names)
        for first, variant in zip(first_names, variants, strict=True):
            self.names.append(NAME_VARIANTS[variant][0].format(n=self.names[first]))
        return np.arange(start, len(self.names), dtype=np.int32)

    # --- agents ------------------------------------------------------------------------------------------
    def _new_workers(
        self, n: int, week: int, female_only: bool = False, male_only: bool = False
    ) -> np.ndarray:
        rng = self.rng
        segment_c = rng.random(n) < C_SEGMENT_SHARE
        types = np.where(segment_c, self._choice(TYPE_MIX_C, n), self._choice(TYPE_MIX_AB, n)).astype(np.int8)
        if female_only:
            gender = np.zeros(n, dtype=np.int8)
        elif male_only:
            gender = np.ones(n, dtype=np.int8)
        else:
            gender = self._choice(GENDER_P, n).astype(np.int8)
        group = self._choice(ORIGIN_GROUP_P, n)
        country = np.zeros(n, dtype=np.int16)
        u = rng.random(n)
        for g, (idx, p) in enumerate(self.group_countries):
            sel = group == g
            country[sel] = idx[np.searchsorted(np.cumsum(p), u[sel] * (1 - 1e-12), side="right")]
        origin_stated = rng.random(n) < np.where(segment_c, FILL_C["origin"], FILL_AB["origin"])
        age_group = np.where(origin_stated, group, len(ORIGIN_GROUPS))
        age = np.zeros(n, dtype=np.int16)
        ub, ua = rng.random(n), rng.random(n)
        young_cdf = np.cumsum(_p(YOUNG_AGE_WEIGHTS))
        for g, key in enumerate((*ORIGIN_GROUPS, "unstated")):
            sel = age_group == g
            bins = np.searchsorted(np.cumsum(_p(AGE_BINS_BY_GROUP[key])), ub[sel] * (1 - 1e-12), side="right")
            lo = np.array([AGE_BIN_BOUNDS[b][0] for b in range(6)])[bins]
            hi = np.array([AGE_BIN_BOUNDS[b][1] for b in range(6)])[bins]
            value = lo + np.floor(ua[sel] * (hi - lo + 1)).astype(np.int64)
            young = bins == 0
            value[young] = 18 + np.searchsorted(young_cdf, ua[sel][young] * (1 - 1e-12), side="right")
            age[sel] = value
        # price class: site c; home without escort (or massage only); escort without home; both
        has_home = np.isin(types, [0, 1, 2, 4])
        has_escort = np.isin(types, [1, 3, 4, 6])
        price_class = np.where(segment_c, 3, np.where(has_home & has_escort, 1, np.where(has_escort, 2, 0)))
        price = np.zeros(n)
        ubin, uval = rng.random(n), rng.random(n)
        for k, key in enumerate(("home", "home_escort", "escort", "c")):
            sel = price_class == k
            bins = np.searchsorted(np.cumsum(_p(PRICE_BIN_P[key])), ubin[sel] * (1 - 1e-12), side="right")
            values = np.zeros(int(sel.sum()))
            for b in range(7):
                vs = np.array([v for v, _ in PRICE_VALUES[b]])
                cdf = np.cumsum(_p([w for _, w in PRICE_VALUES[b]]))
                bb = bins == b
                values[bb] = vs[np.searchsorted(cdf, uval[sel][bb] * (1 - 1e-12), side="right")]
            price[sel] = values
        muni = self._munis(n).astype(np.int16)
        intermediary = np.full(n, -1, dtype=np.int32)
        behind = np.flatnonzero(rng.random(n) < self.config.shared_phone_rate)
        if behind.size:
            new = rng.random(behind.size) < 0.3
            pick = rng.random(behind.size)
            for j, i in enumerate(behind):  # few per week: a loop is fine
                if new[j] or self.intermediaries.size == 0:
                    phone = self._new_phones(np.array([self.country_index["NL"]]))[0]
                    intermediary[i] = self.intermediaries.add(1, phone=phone)[0]
                else:
                    intermediary[i] = int(pick[j] * self.intermediaries.size)
        ids = self.workers.add(
            n,
            gender=gender,
            country=country,
            origin_stated=origin_stated,
            age=age,
            types=types,
            segment_c=segment_c,
            price=price,
            muni=muni,
            intermediary=intermediary,
            active_from=week,
            active_to=week,
            live_chains=0,
            last_stop=week,
        )
        own_phone = self._new_phones(country)
        phone = np.where(
            intermediary >= 0, self.intermediaries["phone"][np.maximum(intermediary, 0)], own_phone
        )
        self.workers["phone"][ids] = phone
        first = self._new_first_names(ids)
        self.workers["first_name"][ids] = first
        self.workers["base_name"][ids] = self._display_names(first)
        return ids

    def _new_ads(
        self,
        chains: np.ndarray,
        week: int,
        repost_of: np.ndarray | None = None,
        moved: np.ndarray | bool = False,
        first: bool = False,
    ) -> np.ndarray:
        ch = self.chains
        n = len(chains)
        ads = self.ads.add(
            n,
            chain=chains,
            site=ch["site"][chains],
            posted=week,
            removed=self.weeks,
            name=ch["name"][chains],
            phone=ch["phone"][chains],
            muni=ch["muni"][chains],
            repost_of=-1 if repost_of is None else repost_of,
            xpost_of=-1,
            moved=moved,
            first=first,
        )
        ch["ad"][chains] = ads
        return ads

    def _crosspost(self, chains: np.ndarray, week: int) -> None:
        """Give each chain's current (site-a) ad a site-b copy."""
        ch = self.chains
        parents = ch["ad"][chains]
        ads = self.ads.add(
            len(chains),
            chain=chains,
            site=SITE_B,
            posted=week,
            removed=self.weeks,
            name=ch["name"][chains],
            phone=ch["phone"][chains],
            muni=ch["muni"][chains],
            repost_of=-1,
            xpost_of=parents,
            moved=self.ads["moved"][parents],
            first=self.ads["first"][parents],
        )
        ch["xpost"][chains] = ads

    def _remove_current(self, chains: np.ndarray, week: int) -> None:
        ch, ad = self.chains, self.ads
        ad["removed"][ch["ad"][chains]] = week
        x = ch["xpost"][chains]
        ad["removed"][x[x >= 0]] = week
        ch["xpost"][chains] = -1

    def _new_chains(self, n: int, week: int) -> np.ndarray:
        """n new chains (plus site-a siblings of some site-c workers), each with its first ad visible now."""
        rng = self.rng
        wk, ch = self.workers, self.chains
        kind = np.where(
            rng.random(n) < SHORT_SHARE * short_multiplier(week),
            SHORT,
            np.where(rng.random(n) < LONG_SHARE, REGULAR_LONG, REGULAR_MEDIUM),
        ).astype(np.int8)
        role = rng.random(n)
        shared = role < P_SHARED_AD
        reentry = (role >= P_SHARED_AD) & (role < P_SHARED_AD + P_REENTRY)
        worker = np.zeros(n, dtype=np.int32)
        w2 = np.full(n, -1, dtype=np.int32)
        w3 = np.full(n, -1, dtype=np.int32)
        # re-entries: workers without a live chain whose last stop is at least 4 weeks ago
        ri = np.flatnonzero(reentry)
        pool = np.flatnonzero((wk.view("live_chains") == 0) & (wk.view("last_stop") <= week - 4))
        if ri.size and pool.size:
            chosen = np.unique(pool[rng.integers(0, pool.size, size=ri.size)])
            ri = ri[: chosen.size]
            worker[ri] = chosen
        else:
            ri = ri[:0]
        fresh = np.ones(n, dtype=bool)
        fresh[ri] = False
        fresh_single = fresh & ~shared
        worker[fresh_single] = self._new_workers(int(fresh_single.sum()), week)
        si = np.flatnonzero(fresh & shared)
        gender = wk["gender"][worker].copy()
        if si.size:
            kinds = rng.random(si.size)  # duo of women 60%, woman and man 30%, three women 10%
            couple = (kinds >= 0.6) & (kinds < 0.9)
            trio = kinds >= 0.9
            worker[si] = self._new_workers(si.size, week, female_only=True)
            w2[si[~couple]] = self._new_workers(int((~couple).sum()), week, female_only=True)
            w2[si[couple]] = self._new_workers(int(couple.sum()), week, male_only=True)
            w3[si[trio]] = self._new_workers(int(trio.sum()), week, female_only=True)
            gender[si] = np.where(couple, GENDERS.index("couple"), GENDERS.index("female"))
        n_workers = 1 + (w2 >= 0) + (w3 >= 0)
        segment_c = wk["segment_c"][worker]
        site = np.where(segment_c, SITE_C, np.where(rng.random(n) < self.site_a_share, SITE_A, SITE_B))
        name = wk["base_name"][worker].copy()
        phone = wk["phone"][worker].copy()
        muni = wk["muni"][worker].copy()
        for k, members in enumerate((w2, w3)):  # shared ads: "Lisa & Mia"
            has = np.flatnonzero(members >= 0)
            if has.size:
                joined = [
                    f"{self.names[name[i]]} & {self.names[wk['first_name'][members[i]]]}"
                    if k == 0
                    else f"{self.names[name[i]].replace(' & ', ', ')} & "
                    f"{self.names[wk['first_name'][members[i]]]}"
                    for i in has
                ]
                name[has] = np.arange(len(self.names), len(self.names) + has.size)
                self.names.extend(joined)
        if ri.size:  # returning workers: often a new name, number or place
            u = rng.random((ri.size, 3))
            rw = worker[ri]
            change_name = u[:, 0] < NAME_CHANGE_REENTRY
            if change_name.any():
                name[ri[change_name]] = self._display_names(self._new_first_names(rw[change_name]))
            change_phone = (u[:, 1] < PHONE_CHANGE_REENTRY) & (wk["intermediary"][rw] < 0)
            if change_phone.any():
                phone[ri[change_phone]] = self._new_phones(wk["country"][rw[change_phone]])
                wk["phone"][rw[change_phone]] = phone[ri[change_phone]]
            move = u[:, 2] < MUNI_CHANGE_REENTRY
            muni[ri[move]] = self._munis(int(move.sum()))
        chains = ch.add(
            n,
            worker=worker,
            w2=w2,
            w3=w3,
            n_workers=n_workers,
            gender=gender,
            site=site,
            kind=kind,
            state=ON,
            stale_until=0,
            ad=-1,
            xpost=-1,
            muni=muni,
            name=name,
            phone=phone,
            born=week,
        )
        self._new_ads(chains, week, first=True)
        for members in (worker, w2, w3):
            m = members[members >= 0]
            np.add.at(wk["live_chains"], m, 1)
        xposting = (site == SITE_A) & (rng.random(n) < self.p_crosspost)
        ch["xposting"][chains] = xposting
        if xposting.any():
            self._crosspost(chains[xposting], week)
        siblings = chains[(site == SITE_C) & (n_workers == 1) & (rng.random(n) < P_C_SIBLING)]
        if siblings.size:
            sw = ch["worker"][siblings]
            sib = ch.add(
                siblings.size,
                worker=sw,
                w2=-1,
                w3=-1,
                n_workers=1,
                gender=ch["gender"][siblings],
                site=SITE_A,
                kind=ch["kind"][siblings],
                state=ON,
                stale_until=0,
                ad=-1,
                xpost=-1,
                muni=ch["muni"][siblings],
                name=ch["name"][siblings],
                phone=ch["phone"][siblings],
                born=week,
            )
            self._new_ads(sib, week, first=True)
            np.add.at(wk["live_chains"], sw, 1)
            chains = np.concatenate([chains, sib])
        return chains

    def _ghosts(self, n: int, week: int) -> None:
        """Ads posted and removed between two measurements: in the truth, never in a listing."""
        if n <= 0:
            return
        chains = self._new_chains(n, week)
        ch, wk = self.chains, self.workers
        self._remove_current(chains, week)
        ch["state"][chains] = DEAD
        for col in ("worker", "w2", "w3"):
            m = ch[col][chains]
            m = m[m >= 0]
            np.add.at(wk["live_chains"], m, -1)
            wk["last_stop"][m] = week
        return

    # --- the weekly step ---------------------------------------------------------------------------------
    def _stop_workers(self, chains: np.ndarray, week: int) -> None:
        ch, wk = self.chains, self.workers
        for col in ("worker", "w2", "w3"):
            m = ch[col][chains]
            m = m[m >= 0]
            np.add.at(wk["live_chains"], m, -1)
            np.maximum.at(wk["active_to"], m, week - 1)
            wk["last_stop"][m] = week

    def step(self, week: int) -> None:
        rng, ch = self.rng, self.chains
        live = self.live
        state = ch["state"][live]
        # 1. stale ads leave when their time is up, and at the sites' year-end clean-up (late December)
        stale = live[state == STALE]
        cleanup = _week_of_year(week) == 18 and week >= 0
        ending = stale if cleanup else stale[ch["stale_until"][stale] <= week]
        self._remove_current(ending, week)
        ch["state"][ending] = DEAD
        # 2. workers stop
        active = live[state <= OFF]
        hazard = np.array([HAZARD_LONG, HAZARD_MEDIUM, HAZARD_SHORT])[ch["kind"][active]] * stop_multiplier(
            week
        )
        stop = rng.random(active.size) < hazard
        stopping = active[stop]
        self._stop_workers(stopping, week)
        visible_before = ch["state"][stopping] == ON
        goes_stale = visible_before & (rng.random(stopping.size) < P_STALE)
        stale_new = stopping[goes_stale]
        ch["state"][stale_new] = STALE
        ch["stale_until"][stale_new] = week + rng.geometric(1 / STALE_MEAN_WEEKS, size=stale_new.size)
        gone = stopping[~goes_stale]
        self._remove_current(gone, week)
        ch["state"][gone] = DEAD
        # 3. pause and return; in December the pause rate rises so the active count can fall (holidays)
        cont = active[~stop]
        on = cont[ch["state"][cont] == ON]
        off = cont[ch["state"][cont] == OFF]
        target = target_active(week) * self.scale
        n_stale = int((ch["state"][live] == STALE).sum())
        floor = MIN_BIRTHS * self.scale * (0.8 if 16 <= _week_of_year(week) <= 18 else 1.0)
        pause = PAUSE_RATE
        expected = on.size * (1 - pause) + off.size * RETURN_RATE + n_stale + floor
        if expected > target and on.size:
            pause = min(
                MAX_PAUSE_RATE, (on.size + off.size * RETURN_RATE + n_stale + floor - target) / on.size
            )
        pausing = on[rng.random(on.size) < pause]
        returning = off[rng.random(off.size) < RETURN_RATE]
        ch["state"][pausing] = OFF
        ch["state"][returning] = ON
        # 4. visible ads are re-posted under a new code, or moved to another municipality
        visible = cont[ch["state"][cont] == ON]
        u = rng.random(visible.size)
        rate = self.config.repost_rate
        for moving, chains in (
            (False, visible[u < rate]),
            (True, visible[(u >= rate) & (u < rate + MOVE_RATE)]),
        ):
            if not chains.size:
                continue
            old_ads = ch["ad"][chains]
            self._remove_current(chains, week)
            v = rng.random((chains.size, 2))
            p_name, p_phone = (
                (NAME_CHANGE_MOVE, PHONE_CHANGE_MOVE) if moving else (NAME_CHANGE_REPOST, PHONE_CHANGE_REPOST)
            )
            wk = self.workers
            workers = ch["worker"][chains]
            new_name = (v[:, 0] < p_name) & (ch["n_workers"][chains] == 1)
            if new_name.any():
                ch["name"][chains[new_name]] = self._display_names(wk["first_name"][workers[new_name]])
            new_phone = (v[:, 1] < p_phone) & (wk["intermediary"][workers] < 0)
            if new_phone.any():
                phones = self._new_phones(wk["country"][workers[new_phone]])
                ch["phone"][chains[new_phone]] = phones
                wk["phone"][workers[new_phone]] = phones
            if moving:
                ch["muni"][chains] = self._munis(chains.size)
            self._new_ads(chains, week, repost_of=None if moving else old_ads, moved=moving)
            again = chains[ch["xposting"][chains]]
            if again.size:
                self._crosspost(again, week)
        # 5. new chains fill the market up to the seasonal level; some ads live for less than a week
        n_visible = int(np.isin(ch["state"][live], (ON, STALE)).sum())
        births = int(round(min(max(target - n_visible, floor), MAX_BIRTHS * self.scale)))
        born = self._new_chains(births, week)
        self._ghosts(int(rng.poisson(GHOST_SHARE * births)), week)
        live = np.concatenate([live, born])
        self.live = live[ch["state"][live] != DEAD]
        # 6. the measurement: every visible ad (and its cross-post) is listed
        shown = self.live[np.isin(ch["state"][self.live], (ON, STALE))]
        shown = self._after_changes(shown, week)
        if week >= 0:
            x = ch["xpost"][shown]
            self.listed.append(np.concatenate([ch["ad"][shown], x[x >= 0]]))
        site = ch["site"][shown]
        n_a, n_b = float((site == SITE_A).sum()), float((site == SITE_B).sum())
        # gentle feedback: chains cross-post for life, so correct the stock's drift through the new chains
        rate = self.config.crosspost_rate
        wanted = rate / (1 - rate) * n_b if rate < 1 else n_a
        have = float((ch["xpost"][shown] >= 0).sum())
        correction = min(3.0, max(0.2, 1 + 3 * (wanted - have) / max(wanted, 1.0)))
        self.p_crosspost = min(1.0, self._crosspost_chance(n_b, n_a) * correction)

    def run(self) -> None:
        n0 = int(round(target_active(0) * self.scale / (RETURN_RATE / (RETURN_RATE + PAUSE_RATE))))
        self.live = self._new_chains(n0, -BURN_IN_WEEKS)
        start = self.live.copy()
        self.chains["state"][start] = np.where(
            self.rng.random(start.size) < PAUSE_RATE / (PAUSE_RATE + RETURN_RATE), OFF, ON
        )
        for week in range(-BURN_IN_WEEKS + 1, self.weeks):
            self.step(week)
        ch, wk = self.chains, self.workers
        still = self.live[np.isin(ch["state"][self.live], (ON, OFF))]
        for col in ("worker", "w2", "w3"):
            m = ch[col][still]
            wk["active_to"][m[m >= 0]] = self.weeks - 1


@dataclass(frozen=True)
class MarketTables:
    workers: pa.Table
    ads: pa.Table
    listings: pa.Table


@dataclass(frozen=True)
class SimulationSummary:
    """What `simulate` wrote: where, how much, and how long it took."""

    out: Path
    seed: int
    weeks: int
    scale: float
    workers: int
    ads: int  # distinct ads (ad_key), listed or not
    ad_rows: int  # rows of ads.parquet: one per (ad, worker)
    listings: int  # raw observations: (week, site, ad) visible
    seconds: float


def simulate(config: Config, out: Path, data_dir: Path) -> SimulationSummary:
    """Run the market model with `config` and write DIR/truth/*.parquet and DIR/config.toml to `out`."""
    from zicht.refdata import load_reference
    from zicht.simulate.truth import write_truth

    if Path(out).exists() and not Path(out).is_dir():
        raise InputError(f"--out {out} is a file, not a folder", "choose a folder for the simulation")
    started = time.perf_counter()
    reference = load_reference(Path(data_dir))
    tables = build_market(config, reference)
    write_truth(
        Path(out),
        {"workers.parquet": tables.workers, "ads.parquet": tables.ads, "listings.parquet": tables.listings},
        config,
    )
    return SimulationSummary(
        out=Path(out),
        seed=config.seed,
        weeks=config.weeks,
        scale=config.scale,
        workers=tables.workers.num_rows,
        ads=len(set(tables.ads.column("ad_key").to_pylist())),
        ad_rows=tables.ads.num_rows,
        listings=tables.listings.num_rows,
        seconds=round(time.perf_counter() - started, 2),
    )


def build_market(config: Config, reference: ReferenceData) -> MarketTables:
    """Run the agent model and assemble the three truth tables (see docs/simulated-market.md)."""
    market = Market(config, reference)
    market.run()
    return _Assembler(market).tables()


class _Assembler:
    """Turns the model state into the truth tables: ids, what each ad states, and the listings."""

    def __init__(self, market: Market) -> None:
        self.m = market
        self.rng = market.rng
        self.realism = np.random.default_rng([market.config.seed, 16])  # realism draws only

    def tables(self) -> MarketTables:
        m, rng = self.m, self.rng
        ads, ch, wk = m.ads, m.chains, m.workers
        n_ads = ads.size
        # keep ads online at some moment from the first measurement on (ghosts posted before it are dropped)
        keep = ads.view("removed") >= 1
        site = ads.view("site")
        # site ad codes increase with posting time, with gaps (other ads, other countries)
        codes = np.zeros(n_ads, dtype=np.int64)
        for s, (startcode, gap) in enumerate(((4_100_000, 9), (21_000_000, 14), (310_000, 5))):
            idx = np.flatnonzero(site == s)
            order = idx[np.lexsort((idx, ads.view("posted")[idx]))]
            codes[order] = startcode + np.cumsum(rng.integers(1, gap + 1, size=order.size))
        site_ad_id = np.array(
            [f"K{c:07d}" if s == SITE_A else str(c) for s, c in zip(site, codes, strict=True)], dtype=object
        )
        ad_key = np.array(
            [f"{SITE_CODES[s]}:{code}" for s, code in zip(site, site_ad_id, strict=True)], dtype=object
        )
        content = self._content(site)
        ad_names = self._name_variants(np.array(m.names, dtype=object)[ads.view("name")])
        # rows: one per (ad, worker), in ad order
        chain = ads.view("chain")
        members = np.stack([ch["worker"][chain], ch["w2"][chain], ch["w3"][chain]], axis=1)
        kept_ads = np.flatnonzero(keep)
        row_ad = np.repeat(kept_ads, (members[kept_ads] >= 0).sum(axis=1))
        row_worker = members[kept_ads][members[kept_ads] >= 0]
        kept_workers = np.unique(row_worker)
        worker_ids = np.array([f"w{i + 1:07d}" for i in range(wk.size)], dtype=object)

        def ref(col: np.ndarray) -> pa.Array:  # links to ads gone before the first measurement are dropped
            linked = (col >= 0) & keep[np.maximum(col, 0)]
            values = _or_null(linked, ad_key[np.maximum(col, 0)])
            return pa.array(values[row_ad], type=pa.string())

        ads_table = pa.table(
            {
                "ad_key": pa.array(ad_key[row_ad], type=pa.string()),
                "site": pa.array(np.array(SITE_CODES, dtype=object)[site[row_ad]], type=pa.string()),
                "site_ad_id": pa.array(site_ad_id[row_ad], type=pa.string()),
                "worker_id": pa.array(worker_ids[row_worker], type=pa.string()),
                "display_name": pa.array(ad_names[row_ad], type=pa.string()),
                "phone_e164": pa.array(content["phone_e164"][row_ad], type=pa.string()),
                "posted_week": pa.array(ads.view("posted")[row_ad], type=pa.int32()),
                "removed_week": pa.array(ads.view("removed")[row_ad], type=pa.int32()),
                **{
                    name: _arrow(values[row_ad], name)
                    for name, values in content.items()
                    if name != "phone_e164"
                },
                "repost_of": ref(ads.view("repost_of")),
                "crosspost_of": ref(ads.view("xpost_of")),
            }
        )
        from zicht.simulate.truth import ADS_SCHEMA, LISTINGS_SCHEMA, WORKERS_SCHEMA

        ads_table = ads_table.select(ADS_SCHEMA.names).cast(ADS_SCHEMA)
        # workers
        w = kept_workers
        types = [list(TYPE_COMBOS[t]) for t in wk["types"][w]]
        advertiser = np.where(
            wk["intermediary"][w] >= 0,
            np.array([f"i{i + 1:06d}" for i in np.maximum(wk["intermediary"][w], 0)], dtype=object),
            worker_ids[w],
        )
        country = np.array(m.country_codes, dtype=object)[wk["country"][w]]
        groups = np.array(ORIGIN_GROUPS, dtype=object)[m.country_group[wk["country"][w]]]
        lies = np.where(rng.random(w.size) < 0.15, rng.integers(1, 5, size=w.size), 0)  # true age >= stated
        workers_table = pa.table(
            {
                "worker_id": worker_ids[w],
                "gender": np.array(GENDERS, dtype=object)[wk["gender"][w]],
                "origin_country": country,
                "origin_group": groups,
                "age": (wk["age"][w] + lies).astype(np.int32),
                "municipality_code": np.array(m.muni_codes, dtype=object)[wk["muni"][w]],
                "types": pa.array(types, type=pa.list_(pa.string())),
                "price_per_hour": wk["price"][w].astype(np.float64),
                "active_from_week": wk["active_from"][w],
                "active_to_week": wk["active_to"][w],
                "advertiser_id": advertiser,
                "name": np.array(m.names, dtype=object)[wk["first_name"][w]],
            }
        ).cast(WORKERS_SCHEMA)
        # listings
        weeks = np.repeat(np.arange(len(m.listed), dtype=np.int32), [len(x) for x in m.listed])
        listed = np.concatenate(m.listed) if m.listed else np.zeros(0, dtype=np.int32)
        order = np.lexsort((codes[listed], site[listed], weeks))
        weeks, listed = weeks[order], listed[order]
        start = date.fromisoformat(m.config.start_date)
        dates = np.array([start + timedelta(days=7 * k) for k in range(max(len(m.listed), 1))], dtype=object)
        listings_table = pa.table(
            {
                "week": pa.array(weeks, type=pa.int32()),
                "measurement_date": pa.array(dates[weeks], type=pa.date32()),
                "site": pa.array(np.array(SITE_CODES, dtype=object)[site[listed]], type=pa.string()),
                "site_ad_id": pa.array(site_ad_id[listed], type=pa.string()),
            }
        ).cast(LISTINGS_SCHEMA)
        return MarketTables(workers_table, ads_table, listings_table)

    def _content(self, site: np.ndarray) -> dict[str, np.ndarray]:
        """What each ad states (identical on every row of the ad). Chain-level habits, ad-level details."""
        m, rng = self.m, self.rng
        ads, ch, wk = m.ads, m.chains, m.workers
        n = ads.size
        chain = ads.view("chain")
        n_chains = ch.size
        # chain habits (re-posts and cross-posts keep them)
        chain_site = ch.view("site")
        is_c = chain_site == SITE_C
        fill = {key: np.where(is_c, FILL_C[key], FILL_AB[key]) for key in FILL_AB}
        stated = {key: rng.random(n_chains) < fill[key] for key in ("price", "age", "municipality", "types")}
        worker = ch.view("worker")
        unit = m._choice(PRICE_UNIT_P, n_chains)
        licence = np.where(rng.random(n_chains) < LICENCE_RATE, m._choice(_p(LICENCE_P), n_chains), -1)
        flag_24_7 = rng.random(n_chains) < P_24_7
        flag_unsafe = rng.random(n_chains) < P_UNSAFE
        behind = wk["intermediary"][worker] >= 0
        flag_third = rng.random(n_chains) < np.where(behind, P_THIRD_PARTY_INTERMEDIARY, P_THIRD_PARTY)
        place_u = rng.random(n_chains)
        place_mode = m._choice(
            np.array([0.75, 0.05, 0.20]), n_chains
        )  # common name, official name, woonplaats
        language = self._languages(worker, chain_site)
        # per ad
        w = worker[chain]
        posted = ads.view("posted")
        real_age = wk["age"][w] + np.maximum(posted, 0) // 52
        stated_age = np.where(stated["age"][chain], self._shaded_ages(real_age, w, site, posted), -1)
        origin = np.where(wk["origin_stated"][w], wk["country"][w], -1)
        price = self._drifted_prices(wk["price"][w], w, site, posted)
        if m.config.origin_omission_rate > 0:
            omit = self.realism.random(n) < m.config.origin_omission_rate
            origin = np.where(omit, -1, origin)
        units = np.array(PRICE_UNITS, dtype=object)[unit[chain]]
        hours = np.array([UNIT_HOURS[u] for u in PRICE_UNITS])[unit[chain]]
        step = np.where(hours * price < 100, 5.0, 10.0)
        amount = np.round(price * hours / step) * step
        has_price = stated["price"][chain]
        muni = ads.view("muni")
        has_muni = stated["municipality"][chain]
        phone_hidden = np.isin(site, list(m.hidden_sites))
        obfuscated = rng.random(n) < m.config.obfuscation_rate
        style = np.where(
            phone_hidden,
            6,
            np.where(
                obfuscated,
                1 + m._choice(OBFUSCATED_STYLE_P, n),
                np.where(rng.random(n) < P_INTERNATIONAL_STYLE, 5, 0),
            ),
        )
        text_seed = rng.integers(0, 2**31 - 1, size=n)
        new_in_town = (ads.view("moved") & (rng.random(n) < P_NEW_IN_TOWN_MOVE)) | (
            ads.view("first") & (rng.random(n) < P_NEW_IN_TOWN_FIRST)
        )
        n_workers = ch["n_workers"][chain]
        flags = np.stack(
            [
                (stated_age >= 0) & (stated_age < 21),
                flag_24_7[chain],
                flag_unsafe[chain],
                flag_third[chain],
                new_in_town,
                n_workers > 1,
            ],
            axis=1,
        )
        indicator_lists = [[INDICATORS[j] for j in np.flatnonzero(row)] for row in flags]
        types = [
            list(TYPE_COMBOS[t]) if s else []
            for t, s in zip(wk["types"][w], stated["types"][chain], strict=True)
        ]
        return {
            "n_workers": n_workers.astype(np.int32),
            "ad_gender": np.array(GENDERS, dtype=object)[ch["gender"][chain]],
            "ad_types": np.array(types + [None], dtype=object)[:-1],
            "stated_age": _or_null(stated_age >= 0, stated_age),
            "stated_origin_country": _or_null(
                origin >= 0, np.array(m.country_codes, dtype=object)[np.maximum(origin, 0)]
            ),
            "price_per_hour": _or_null(has_price, amount / hours),
            "price_unit": _or_null(has_price, units),
            "price_amount": _or_null(has_price, amount),
            "municipality_code": _or_null(has_muni, np.array(m.muni_codes, dtype=object)[muni]),
            "place_name": _or_null(has_muni, self._places(muni, place_mode[chain], place_u[chain])),
            "language": np.array(LANGUAGES, dtype=object)[language[chain]],
            "phone_e164": _or_null(~phone_hidden, np.array(m.phones, dtype=object)[ads.view("phone")]),
            "phone_style": np.array(PHONE_STYLES, dtype=object)[style],
            "licence_term": _or_null(
                licence[chain] >= 0, np.array(LICENCE_TERMS, dtype=object)[np.maximum(licence[chain], 0)]
            ),
            "indicators": np.array(indicator_lists + [None], dtype=object)[:-1],
            "text_seed": text_seed.astype(np.int64),
        }

    # --- realism (config: age_shading_rate, price_drift_rate, origin_omission_rate, name_variant_rate) ---
    # Drawn from their own generator, so a market with every rate at 0 is the same as before they existed.
    def _shaded_ages(
        self, age: np.ndarray, w: np.ndarray, site: np.ndarray, posted: np.ndarray
    ) -> np.ndarray:
        """Per (worker, site) a shading of 1-3 years down, with probability age_shading_rate; per ad,
        with half that probability, the age rounded to a multiple of 5. Never under 18."""
        rate = self.m.config.age_shading_rate
        if rate <= 0:
            return age
        n_workers = self.m.workers.size
        shaded = self.realism.random((n_workers, 3)) < rate
        down = self.realism.integers(1, 4, size=(n_workers, 3)) * shaded
        out = age - down[w, site]
        rounded = self.realism.random(len(age)) < rate / 2
        out = np.where(rounded, np.round(out / 5) * 5, out).astype(age.dtype)
        return np.maximum(out, 18)

    def _drifted_prices(
        self, price: np.ndarray, w: np.ndarray, site: np.ndarray, posted: np.ndarray
    ) -> np.ndarray:
        """With probability price_drift_rate a worker's price drifts linearly over the year (-10% to +25% a
        year), and independently a (worker, site) pair asks 15% or 10% less, or 10% or 20% more."""
        rate = self.m.config.price_drift_rate
        if rate <= 0:
            return price
        n_workers = self.m.workers.size
        drift = np.where(
            self.realism.random(n_workers) < rate, self.realism.uniform(-0.10, 0.25, n_workers), 0
        )
        factors = np.array([0.85, 0.9, 1.1, 1.2])
        by_site = np.where(
            self.realism.random((n_workers, 3)) < rate,
            factors[self.realism.integers(0, len(factors), size=(n_workers, 3))],
            1.0,
        )
        return price * (1 + drift[w] * np.maximum(posted, 0) / 52) * by_site[w, site]

    def _name_variants(self, names: np.ndarray) -> np.ndarray:
        """With probability name_variant_rate an ad shows a variant of its display name: a spelling (a doubled
        or swapped letter), a nickname, an added word, or an added emoji."""
        rate = self.m.config.name_variant_rate
        if rate <= 0:
            return names
        out = names.copy()
        pick = np.flatnonzero(self.realism.random(len(names)) < rate)
        kinds = self.realism.integers(0, 4, size=len(pick))
        words = ("Sexy", "Hot", "NEW", "Real")
        emoji = ("\U0001f48b", "\U0001f339", "\u2764\ufe0f", "\U0001f525")
        choice = self.realism.integers(0, 4, size=len(pick))
        for i, kind, c in zip(pick.tolist(), kinds.tolist(), choice.tolist(), strict=True):
            name = str(names[i])
            parts = name.split(" ")
            core = max(parts, key=len)
            if kind == 0 and len(core) > 3:  # spelling: i <-> y, or a doubled consonant
                variant = core.replace("i", "y", 1) if "i" in core[1:] else core[:2] + core[2] + core[2:]
            elif kind == 1 and len(core) > 4:  # nickname
                variant = core[:3] + ("y" if core[2] not in "aeiouy" else "")
            else:
                variant = core
            name = name.replace(core, variant, 1)
            if kind == 2:
                name = f"{words[c]} {name}" if words[c] != "NEW" else f"{name} NEW"
            elif kind == 3:
                name = f"{name} {emoji[c]}"
            out[i] = name
        return out

    def _languages(self, worker: np.ndarray, chain_site: np.ndarray) -> np.ndarray:
        """Ad language: site c is English; a/b follow language_mix, with es/pl/ro only for workers who
        plausibly write them (their share is kept by raising the chance among those workers)."""
        m, rng = self.m, self.rng
        mix = {lang: float(m.config.language_mix.get(lang, 0.0)) for lang in LANGUAGES}
        total = sum(mix.values())
        mix = {k: v / total for k, v in mix.items()}
        country = np.array(m.country_codes, dtype=object)[m.workers["country"][worker]]
        n = worker.size
        u = rng.random(n)
        lang = np.full(n, -1, dtype=np.int64)
        taken = np.zeros(n)
        for lang_code, origins in LANGUAGE_ORIGINS.items():
            fits = np.isin(country, origins)
            share = fits.mean() if n else 0.0
            p = min(1.0, mix[lang_code] / share) if share > 0 else 0.0
            pick = fits & (lang < 0) & (u >= taken) & (u < taken + p)
            lang[pick] = LANGUAGES.index(lang_code)
            taken = np.where(fits, taken + p, taken)
        rest = lang < 0
        base = (
            _p([mix["nl"], mix["en"], mix["mixed"]])
            if mix["nl"] + mix["en"] + mix["mixed"] > 0
            else _p([1, 0, 0])
        )
        lang[rest] = m._choice(base, int(rest.sum()))
        lang[chain_site == SITE_C] = LANGUAGES.index("en")
        return lang

    def _places(self, muni: np.ndarray, mode: np.ndarray, u: np.ndarray) -> np.ndarray:
        m = self.m
        ref = m.reference
        common = np.array([mm.common_name for mm in ref.municipalities], dtype=object)
        official = np.array([mm.name for mm in ref.municipalities], dtype=object)
        places: dict[str, list[str]] = {}
        for place in ref.places:
            places.setdefault(place.municipality_code, []).append(place.name)
        lists = []
        for i, code in enumerate(m.muni_codes):  # other places than the municipality's own name
            own = {fold(common[i]), fold(official[i])}
            lists.append(sorted(p for p in places.get(code, []) if fold(p) not in own) or [common[i]])
        out = np.where(mode == 1, official[muni], common[muni]).astype(object)
        for k in np.flatnonzero(mode == 2):
            options = lists[muni[k]]
            out[k] = options[int(u[k] * len(options))]
        return out


def _or_null(mask: np.ndarray, values: np.ndarray) -> np.ndarray:
    """An object array: values where mask holds, else None."""
    out = np.full(mask.shape, None, dtype=object)
    out[mask] = np.asarray(values, dtype=object)[mask]
    return out


def _arrow(values: np.ndarray, name: str) -> pa.Array:
    from zicht.simulate.truth import ADS_SCHEMA

    return pa.array(list(values) if values.dtype == object else values, type=ADS_SCHEMA.field(name).type)
