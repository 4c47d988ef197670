"""Before and after: the weekly measures of two periods, their difference and a 95% interval.

The researcher's question after a policy change (the Wrs) is whether a measure moved more than chance would
move it. Two sources of chance matter and neither is independent across rows:
- advertisers: one advertiser's ads come and go together, over many weeks and sometimes several places;
- weeks: the whole market shares seasonal and weekly shocks.
So the interval comes from a two-way bootstrap: each replicate gives every advertiser a Poisson(1) weight (all
its observations in both periods move together) and resamples each period's weeks in moving blocks of
consecutive weeks. Advertisers are the 'zicht' advertiser keys (an ad without a link counts on its own).
With two stores (a 2021 measurement and a later one) advertisers of the two stores are drawn independently.

Measures, per week of a period, nationally and per municipality of the ad:
- counts (the period's mean per week): active ads, active ads per type, new ads (not seen at the store's
  previous moment; undefined at its first moment), closed ads (not seen at its next moment; undefined at its
  last), active advertisers;
- means over the period's observations: price per hour, stated age, share of ads with each indicator, share
  stating an Eastern European origin.
A measure is flagged when its interval excludes 0. Rows resting on fewer distinct ads than the small-cell
threshold in either period are suppressed (values None): they would publish small counts and say nothing;
so are count measures whose weekly mean is under the threshold in either period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from zicht.errors import InputError
from zicht.store import connect

TYPES = ("home", "escort", "massage")
INDICATORS = ("age_under_21", "available_24_7", "unsafe_sex", "third_party", "new_in_town", "several_workers")
REPLICATES = 500


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @classmethod
    def parse(cls, text: str, option: str) -> Period:
        first, sep, last = text.partition(":")
        try:
            period = cls(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
        except ValueError:
            raise InputError(f"{option} must be START:END with dates like 2021-01-05, not {text!r}") from None
        if not sep or period.end < period.start:
            raise InputError(f"{option} {text!r}: END must not be before START")
        return period

    def label(self) -> str:
        return f"{self.start}:{self.end}"

    def display(self) -> str:
        return f"{self.start:%d %b %Y} to {self.end:%d %b %Y}"


@dataclass(frozen=True)
class MeasureRow:
    measure: str
    municipality: str | None
    before: float | None
    after: float | None
    difference: float | None
    interval: tuple[float, float] | None
    flagged: bool
    suppressed: bool = False

    @property
    def relative(self) -> float | None:
        if self.difference is None or not self.before:
            return None
        return self.difference / self.before

    def as_json(self) -> dict[str, object]:
        return {
            "measure": self.measure,
            "municipality": self.municipality,
            "before": self.before,
            "after": self.after,
            "difference": self.difference,
            "interval": list(self.interval) if self.interval else None,
            "flagged": self.flagged,
            "suppressed": self.suppressed,
        }


# One row per kept observation (weekly duplicates of baseline rule 1 left out, as in the weekly measures).
OBSERVATIONS_SQL = """
WITH ordered AS (SELECT moment_id, measured_on, row_number() OVER (ORDER BY measured_on, moment_id) AS k
                 FROM moments),
kept AS (
  SELECT o.* FROM observations o
  LEFT JOIN weekly_duplicates d USING (moment_id, site, site_ad_id)
  WHERE d.moment_id IS NULL
),
seq AS (
  SELECT o.*, r.k, r.measured_on,
    lag(r.k) OVER (PARTITION BY o.site, o.site_ad_id ORDER BY r.k) AS prev_k,
    lead(r.k) OVER (PARTITION BY o.site, o.site_ad_id ORDER BY r.k) AS next_k
  FROM kept o JOIN ordered r USING (moment_id)
)
SELECT s.measured_on, s.k, (SELECT max(k) FROM ordered) AS last_k, s.site || ':' || s.site_ad_id AS ad,
  coalesce(l.advertiser_key, 'ad:' || s.site || ':' || s.site_ad_id) AS advertiser,
  s.municipality_code, s.types, s.price_per_hour, s.age, s.origin_group, s.indicators, s.prev_k, s.next_k
FROM seq s
LEFT JOIN ad_links l ON l.method = 'zicht' AND l.site = s.site AND l.site_ad_id = s.site_ad_id
"""


@dataclass
class _Rows:
    """Observation rows of one store as arrays, with the measures' values per row."""

    week: np.ndarray  # index into the store's weeks
    weeks: list[dt.date]
    advertiser: np.ndarray  # index into advertisers
    advertisers: int
    ad: np.ndarray
    municipality: list[str | None]
    counts: dict[str, np.ndarray]  # measure -> value per row (0/1), or NaN where undefined
    national: dict[str, np.ndarray]  # count measures whose national value per row differs (advertisers)
    ratios: dict[str, tuple[np.ndarray, np.ndarray]]  # measure -> (value, has a value) per row


def _load(con: duckdb.DuckDBPyConnection) -> _Rows:
    try:
        table = con.sql(OBSERVATIONS_SQL).to_arrow_table()
    except duckdb.Error as error:
        raise InputError(f"cannot read the store: {error}") from None
    cols = table.to_pydict()
    n = table.num_rows
    weeks = sorted(set(cols["measured_on"]))
    week_index = {d: i for i, d in enumerate(weeks)}
    advertiser_ids: dict[str, int] = {}
    types = [set(t or ()) for t in cols["types"]]
    indicators = [set(i or ()) for i in cols["indicators"]]
    k, last_k = np.array(cols["k"]), np.array(cols["last_k"])
    prev_k = np.array([np.nan if p is None else p for p in cols["prev_k"]], dtype=float)
    next_k = np.array([np.nan if p is None else p for p in cols["next_k"]], dtype=float)
    new = np.where(k > 1, (np.isnan(prev_k) | (prev_k < k - 1)).astype(float), np.nan)
    closed = np.where(k < last_k, (np.isnan(next_k) | (next_k > k + 1)).astype(float), np.nan)
    counts = {"active_ads_per_week": np.ones(n)}
    counts.update({f"active_{t}_ads_per_week": np.array([t in ts for ts in types], float) for t in TYPES})
    counts.update({"new_ads_per_week": new, "closed_ads_per_week": closed})
    # an advertiser counts once per week: once nationally, once in each municipality it advertises in
    counts["active_advertisers_per_week"] = _first_of(
        cols["advertiser"], cols["measured_on"], cols["municipality_code"]
    )
    national = {"active_advertisers_per_week": _first_of(cols["advertiser"], cols["measured_on"])}
    ratios = {
        "price_per_hour": _values(cols["price_per_hour"]),
        "age": _values(cols["age"]),
        "share_origin_europe_east": _values(
            [None if g is None else float(g == "europe_east") for g in cols["origin_group"]]
        ),
    }
    ratios.update(
        {f"share_{i}": (np.array([i in s for s in indicators], float), np.ones(n)) for i in INDICATORS}
    )
    return _Rows(
        week=np.array([week_index[d] for d in cols["measured_on"]], dtype=np.int64),
        weeks=weeks,
        advertiser=np.array([advertiser_ids.setdefault(a, len(advertiser_ids)) for a in cols["advertiser"]]),
        advertisers=len(advertiser_ids),
        ad=np.array(cols["ad"], dtype=object),
        municipality=cols["municipality_code"],
        counts=counts,
        national=national,
        ratios=ratios,
    )


def _first_of(*keys: Sequence[object]) -> np.ndarray:
    """1.0 for the first row of each distinct combination of keys, else 0.0."""
    seen: set[tuple[object, ...]] = set()
    first = np.zeros(len(keys[0]))
    for i, key in enumerate(zip(*keys, strict=True)):
        if key not in seen:
            seen.add(key)
            first[i] = 1.0
    return first


def _values(values: Sequence[float | None]) -> tuple[np.ndarray, np.ndarray]:
    has = np.array([v is not None for v in values], float)
    return np.array([0.0 if v is None else float(v) for v in values]), has


@dataclass
class _Side:
    """One period of one store: which rows and weeks, and the groups (national + municipalities)."""

    rows: _Rows
    mask: np.ndarray  # rows in the period
    week_ids: np.ndarray  # the store's week indexes in the period
    group: np.ndarray  # per row: 0 national is added separately; municipality group index + 1


def compare_stores(
    before_store: Path,
    after_store: Path | None,
    before: Period,
    after: Period,
    municipalities: Sequence[str] = (),
    threshold: int = 10,
    replicates: int = REPLICATES,
    seed: int = 1,
) -> list[MeasureRow]:
    """Every measure, nationally and per municipality (all, or those named), before against after."""
    first = connect(before_store, read_only=True)
    second = connect(after_store, read_only=True) if after_store is not None else None
    try:
        return compare_connections(
            first,
            second,
            before,
            after,
            municipalities=municipalities,
            threshold=threshold,
            replicates=replicates,
            seed=seed,
        )
    finally:
        first.close()
        if second is not None:
            second.close()


def compare_connections(
    before_con: duckdb.DuckDBPyConnection,
    after_con: duckdb.DuckDBPyConnection | None,
    before: Period,
    after: Period,
    **options: Any,
) -> list[MeasureRow]:
    """compare_stores on open connections (an in-memory store built from a simulation's truth, say)."""
    first = _load(before_con)
    second = first if after_con is None else _load(after_con)
    return compare_rows(first, second, before, after, **options)


def compare_rows(
    first: _Rows,
    second: _Rows,
    before: Period,
    after: Period,
    municipalities: Sequence[str] = (),
    threshold: int = 10,
    replicates: int = REPLICATES,
    seed: int = 1,
) -> list[MeasureRow]:
    wanted = list(municipalities) or sorted(
        {m for rows in (first, second) for m in rows.municipality if m is not None}
    )
    groups = {code: i + 1 for i, code in enumerate(wanted)}  # group 0: national
    sides = [_side(first, before, groups, "--before"), _side(second, after, groups, "--after")]
    rng = np.random.default_rng(seed)
    draws = _bootstrap_weights(sides, first is second, replicates, rng)
    names = [None, *wanted]
    rows = []
    for measure in [*first.counts, *first.ratios]:
        point = [_statistic(side, measure, len(names)) for side in sides]
        reps = [
            np.array([_statistic(side, measure, len(names), w, ws) for w, ws in zip(*draw, strict=True)])
            for side, draw in zip(sides, draws, strict=True)
        ]
        support = [_support(side, measure, len(names)) for side in sides]
        for g, name in enumerate(names):
            rows.append(_row(measure, name, point, reps, support, g, threshold, measure in first.counts))
    return rows


def _side(rows: _Rows, period: Period, groups: dict[str, int], option: str) -> _Side:
    week_ids = np.array(
        [i for i, d in enumerate(rows.weeks) if period.start <= d <= period.end], dtype=np.int64
    )
    if week_ids.size == 0:
        raise InputError(f"{option} {period.label()}: the store has no measurement moment in that period")
    group = np.array([groups.get(m or "", 0) for m in rows.municipality], dtype=np.int64)
    return _Side(rows, np.isin(rows.week, week_ids), week_ids, group)


def _bootstrap_weights(
    sides: list[_Side], one_store: bool, replicates: int, rng: np.random.Generator
) -> list[tuple[list[np.ndarray], list[np.ndarray]]]:
    """Per side, per replicate: advertiser weights (shared by both sides of one store) and week weights."""
    advertiser_draws: list[list[np.ndarray]] = []
    for index, side in enumerate(sides):
        if index == 1 and one_store:
            advertiser_draws.append(advertiser_draws[0])
        else:
            advertiser_draws.append([rng.poisson(1.0, side.rows.advertisers) for _ in range(replicates)])
    week_draws = [[_block_week_weights(side, rng) for _ in range(replicates)] for side in sides]
    return list(zip(advertiser_draws, week_draws, strict=True))


def _block_week_weights(side: _Side, rng: np.random.Generator) -> np.ndarray:
    """Weights of the store's weeks from a moving-block resample of the period's weeks (mean weight 1)."""
    weeks = side.week_ids
    length = max(1, round(len(weeks) ** (1 / 3)))
    starts = rng.integers(0, len(weeks) - length + 1, size=-(-len(weeks) // length))
    drawn = np.concatenate([weeks[s : s + length] for s in starts])[: len(weeks)]
    weights = np.zeros(len(side.rows.weeks))
    np.add.at(weights, drawn, 1.0)
    return weights


def _statistic(
    side: _Side,
    measure: str,
    n_groups: int,
    advertiser_weight: np.ndarray | None = None,
    week_weight: np.ndarray | None = None,
) -> np.ndarray:
    """The measure per group (0 = national) for the period, under optional bootstrap weights."""
    rows = side.rows
    weight = side.mask.astype(float)
    if advertiser_weight is not None:
        weight = weight * advertiser_weight[rows.advertiser]
    if week_weight is not None:
        weight = weight * week_weight[rows.week]
    if measure in rows.counts:
        value = rows.counts[measure]
        defined = ~np.isnan(value)
        weeks = (week_weight[side.week_ids] if week_weight is not None else np.ones(len(side.week_ids))) @ (
            _defined_weeks(rows, side, defined)
        )
        numerator = _by_group(side, np.where(defined, value, 0.0) * weight, n_groups)
        if measure in rows.national:
            numerator[0] = (rows.national[measure] * weight).sum()
        return np.divide(numerator, weeks, out=np.full(n_groups, np.nan), where=weeks > 0)
    value, has = rows.ratios[measure]
    numerator = _by_group(side, value * has * weight, n_groups)
    denominator = _by_group(side, has * weight, n_groups)
    return np.divide(numerator, denominator, out=np.full(n_groups, np.nan), where=denominator > 0)


def _defined_weeks(rows: _Rows, side: _Side, defined: np.ndarray) -> np.ndarray:
    """1 for each of the period's weeks at which the measure is defined (new/closed are not at the ends)."""
    defined_weeks = set(rows.week[defined].tolist())
    return np.array([float(w in defined_weeks) for w in side.week_ids])


def _by_group(side: _Side, values: np.ndarray, n_groups: int) -> np.ndarray:
    sums = np.bincount(side.group, weights=values, minlength=n_groups)[:n_groups]
    sums[0] = values.sum()  # national: every row, also those of municipalities not asked for
    return sums


def _support(side: _Side, measure: str, n_groups: int) -> np.ndarray:
    """Distinct ads behind the measure per group in the period (the small-cell rule's count)."""
    rows = side.rows
    if measure in rows.counts:
        value = rows.counts[measure]
        used = side.mask & (np.nan_to_num(value) > 0)
    else:
        used = side.mask & (rows.ratios[measure][1] > 0)
    support = np.zeros(n_groups, dtype=np.int64)
    support[0] = len(set(rows.ad[used]))
    for g in range(1, n_groups):
        support[g] = len(set(rows.ad[used & (side.group == g)]))
    return support


def _row(
    measure: str,
    municipality: str | None,
    point: list[np.ndarray],
    reps: list[np.ndarray],
    support: list[np.ndarray],
    g: int,
    threshold: int,
    is_count: bool,
) -> MeasureRow:
    if min(support[0][g], support[1][g]) < threshold:
        return MeasureRow(measure, municipality, None, None, None, None, False, suppressed=True)
    before, after = float(point[0][g]), float(point[1][g])
    if is_count and min(before, after) < threshold:  # a weekly count under the threshold is published nowhere
        return MeasureRow(measure, municipality, None, None, None, None, False, suppressed=True)
    differences = reps[1][:, g] - reps[0][:, g]
    differences = differences[~np.isnan(differences)]
    if np.isnan(before) or np.isnan(after) or differences.size == 0:
        return MeasureRow(measure, municipality, None, None, None, None, False, suppressed=True)
    low, high = (float(x) for x in np.quantile(differences, [0.025, 0.975]))
    return MeasureRow(
        measure, municipality, before, after, after - before, (low, high), flagged=low > 0 or high < 0
    )
