"""`zicht eval tables`: the measured tables of a store against the published 2021 figures.

The same targets and tolerances as the simulator's calibration (zicht.simulate.calibration), measured on what
the pipeline produced (crawl -> extraction -> 2021 deduplication rules -> one record per advertiser), so the
check covers every stage. Shares of unique advertisers; fill rates over observations.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from zicht.measure.tables import representatives
from zicht.refdata import ReferenceData
from zicht.simulate.calibration import (
    AGE_TARGETS,
    FILL_TARGETS,
    ORIGIN_TARGETS,
    PRICE_TARGETS,
    TOP10_TARGETS,
    TYPE_TARGETS,
    CheckResult,
    render,
    share_tolerance,
)

__all__ = ["compare_with_2021", "render"]  # render: the calibration table's renderer, for `zicht eval tables`
from zicht.vocab import PRICE_BINS, WORK_TYPES, age_bin, price_bin

if TYPE_CHECKING:
    import duckdb

FILL_COLUMNS = {
    "gender": "gender",
    "types": "len(types) > 0",
    "origin": "origin_group",
    "age": "age",
    "price": "price_per_hour",
    "municipality": "municipality_code",
}


def _share(name: str, target_pp: float, hits: int, n: int, base_pp: float) -> CheckResult:
    value = hits / n if n else 0.0
    tol = share_tolerance(base_pp, target_pp / 100, n)
    return CheckResult(
        name,
        f"{target_pp:.1f}%",
        f"{100 * value:.1f}%",
        f"±{tol:.1f} pp",
        abs(100 * value - target_pp) <= tol,
    )


def _fill_rates(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    selects = ", ".join(
        f"avg(CASE WHEN {expr} IS NOT NULL AND ({expr}) IS NOT FALSE THEN 1 ELSE 0 END)"
        if expr.startswith("len")
        else f"avg(CASE WHEN {expr} IS NULL THEN 0 ELSE 1 END)"
        for expr in FILL_COLUMNS.values()
    )
    row = con.execute(f"SELECT {selects} FROM observations").fetchall()[0]
    return dict(zip(FILL_COLUMNS, (float(v or 0) for v in row), strict=True))


def compare_with_2021(
    con: duckdb.DuckDBPyConnection, reference: ReferenceData, method: str = "baseline"
) -> list[CheckResult]:
    rows = representatives(con, method).to_pylist()
    results = [_share("gender female", 95.0, sum(r["gender"] == "female" for r in rows), len(rows), 1.5)]
    combos = Counter("+".join(t for t in WORK_TYPES if t in (r["types"] or [])) for r in rows if r["types"])
    stated = sum(combos.values())
    # Fig 2.7's shares add to 96% (the rest: not stated or other combinations); compare as shares of 96.
    results += [
        _share(f"type {combo}", 100 * target / 96, combos[combo], stated, 2.0)
        for combo, target in TYPE_TARGETS.items()
    ]
    ages = Counter(age_bin(r["age"]) for r in rows if r["age"] is not None)
    results += [
        _share(f"age {label}", target, ages[label], sum(ages.values()), 2.0)
        for label, target in AGE_TARGETS.items()
    ]
    groups = Counter(r["origin_group"] for r in rows if r["origin_group"])
    results += [
        _share(f"origin {group}", target, groups[group], sum(groups.values()), 2.5)
        for group, target in ORIGIN_TARGETS.items()
    ]
    for work_type, (bins, _mean) in PRICE_TARGETS.items():
        prices = Counter(
            price_bin(r["price_per_hour"])
            for r in rows
            if r["price_per_hour"] is not None and work_type in (r["types"] or [])
        )
        results += [
            _share(f"price {work_type} {label}", target, prices[label], sum(prices.values()), 3.0)
            for (label, _), target in zip(PRICE_BINS, bins, strict=True)
        ]
    places = Counter(r["municipality_code"] for r in rows if r["municipality_code"])
    results += [
        _share(
            f"municipality {reference.by_code[code].common_name}",
            target,
            places[code],
            sum(places.values()),
            0.6 if target > 5 else 0.4,
        )
        for code, target in TOP10_TARGETS.items()
    ]
    fill = _fill_rates(con)
    n_obs = con.execute("SELECT count(*) FROM observations").fetchall()[0][0]
    results += [
        _share(f"fill {name}", target, round(fill[name] * n_obs), n_obs, 1.5)
        for name, target in FILL_TARGETS.items()
    ]
    return results
