"""Scoring candidate pairs with Splink (Fellegi-Sunter, trained by Splink's EM): Zicht's settings.

Zicht writes no model code of its own: this module only says *what* Splink compares and how it trains.
- Blocking (`blocking_rules`): pairs sharing a phone pseudonym, a name + municipality, or a name + stated age.
  A block larger than `max_block` ads (an intermediary's phone, a very common name) only yields pairs that
  also agree on the name, so one phone or name cannot make the pair count explode.
- Comparisons (`comparisons`): phone with the shared-phone level (a custom level: agreeing on a phone that
  shows several names in one week is weak evidence), name with Splink's term-frequency adjustment (agreeing on
  a rare name says more than on "Lisa"), municipality (term frequency: Amsterdam is common), stated age and
  price within tolerances (advertisers round and shade them per site), origin with a coarser "same origin
  group" level (latina vs Colombiana), gender, services, and when the ads were online (timing).
  "Differ while both ads are online" is its own level for phone and name: a person rarely shows two numbers
  at once, but changes them between ads.
- Training (`train`): u by Splink's random sampling; m by Splink's EM, one session per blocking rule
  (personal phone; name + municipality; name + age), each session estimating the comparisons it does not
  block on; the prior match share from deterministic rules with an assumed recall.

The same settings run on Spark (`SparkAPI`): every level is plain SQL over `_l` / `_r` columns.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

PHONE_AGREES = 3  # phone levels (gamma) >= this agree on the phone (3: a shared phone, 4: a personal one)
NAME_AGREES = 3  # name levels >= this agree on the name

_CONCURRENT = "first_week_l <= last_week_r AND first_week_r <= last_week_l"


def _null(col: str) -> dict[str, Any]:
    return {"sql_condition": f"{col}_l IS NULL OR {col}_r IS NULL", "label_for_charts": "null",
            "is_null_level": True}  # fmt: skip


def _level(sql: str, label: str, tf_adjustment_column: str | None = None) -> dict[str, Any]:
    level: dict[str, Any] = {"sql_condition": sql, "label_for_charts": label}
    if tf_adjustment_column:  # Splink's term-frequency adjustment on this level (weight 1)
        level |= {"tf_adjustment_column": tf_adjustment_column, "tf_adjustment_weight": 1.0}
    return level


# Levels are listed from the most to the least similar after the null level (Splink's order: the first
# matching CASE wins); Splink numbers them the other way round (gamma 0 = the last, least similar level).
def comparisons(age_tolerance: tuple[int, int] = (2, 5)) -> list[dict[str, Any]]:
    """Splink comparison dicts (levels are SQL over `col_l` / `col_r`)."""
    near, far = age_tolerance
    return [
        {
            "output_column_name": "phone",
            "comparison_levels": [
                _null("phone"),
                _level("phone_l = phone_r AND NOT phone_shared_l", "same personal phone"),
                # Zicht's shared-phone level: one phone showing several names in one week (an intermediary)
                _level("phone_l = phone_r", "same shared phone (several names in a week)"),
                _level(f"{_CONCURRENT}", "other phone while both ads are online"),
                _level("ELSE", "other phone, at other times"),
            ],
        },
        {
            "output_column_name": "name",
            "comparison_levels": [
                _null("name"),
                _level("name_l = name_r", "same name", tf_adjustment_column="name"),
                _level(f"{_CONCURRENT}", "other name while both ads are online"),
                _level("ELSE", "other name, at other times"),
            ],
        },
        {
            "output_column_name": "muni",
            "comparison_levels": [
                _null("muni"),
                _level("muni_l = muni_r", "same municipality", tf_adjustment_column="muni"),
                _level("ELSE", "other municipality"),
            ],
        },
        {
            "output_column_name": "age",
            "comparison_levels": [
                _null("age"),
                _level("age_l = age_r", "same stated age"),
                _level(f"abs(age_l - age_r) <= {near}", f"age within {near} years"),
                _level(f"abs(age_l - age_r) <= {far}", f"age within {far} years"),
                _level("ELSE", f"age more than {far} years apart"),
            ],
        },
        {
            "output_column_name": "price",
            "comparison_levels": [
                _null("price"),
                _level("price_l = price_r", "same price"),
                _level("abs(price_l - price_r) <= 0.15 * greatest(price_l, price_r)", "price within 15%"),
                _level("abs(price_l - price_r) <= 0.35 * greatest(price_l, price_r)", "price within 35%"),
                _level("ELSE", "price more than 35% apart"),
            ],
        },
        {
            "output_column_name": "origin",
            "comparison_levels": [
                {**_null("origin_group")},
                _level("origin_l = origin_r", "same origin country"),
                _level("origin_group_l = origin_group_r", "same origin group (one may name no country)"),
                _level("ELSE", "other origin"),
            ],
        },
        {
            "output_column_name": "gender",
            "comparison_levels": [
                _null("gender"),
                _level("gender_l = gender_r", "same gender"),
                _level("ELSE", "other gender"),
            ],
        },
        {
            "output_column_name": "types",
            "comparison_levels": [
                _null("types"),
                _level("types_l = types_r", "same services"),
                _level("ELSE", "other services"),
            ],
        },
        {
            # same site and both online in a common week (two ads at once: rarely one person) / same site,
            # one after the other within 2 weeks (a re-post) / same site later / other site at the same time
            # (a cross-post) / other site, never at the same time
            "output_column_name": "timing",
            "comparison_levels": [
                _level(f"site_l = site_r AND {_CONCURRENT}", "same site, online at once"),
                _level(
                    "site_l = site_r AND least(abs(first_week_r - last_week_l), "
                    "abs(first_week_l - last_week_r)) <= 2",
                    "same site, re-post within 2 weeks",
                ),
                _level("site_l = site_r", "same site, later"),
                _level(f"{_CONCURRENT}", "other site, online at once"),
                _level("ELSE", "other site, other times"),
            ],
        },
    ]


def blocking_rules(max_block: int) -> list[str]:
    """Candidate pairs: same phone, same name + municipality, same name + stated age (Splink SQL rules).
    `*_block` columns hold the block sizes (`candidates.build_ads`)."""
    return [
        f"l.phone = r.phone AND (l.phone_block <= {max_block} OR l.name = r.name)",
        f"l.name = r.name AND l.muni = r.muni AND l.name_muni_block <= {max_block}",
        f"l.name = r.name AND l.age = r.age AND l.name_age_block <= {max_block}",
    ]


# EM sessions (splink's recipe: a blocking rule per session, the comparisons it blocks on are not estimated)
TRAINING_RULES = (
    "l.phone = r.phone AND NOT l.phone_shared",
    "l.name = r.name AND l.muni = r.muni",
    "l.name = r.name AND l.age = r.age",
)
# deterministic rules for the prior match share (Splink's estimate_probability_two_random_records_match)
PRIOR_RULES = ("l.phone = r.phone AND l.name = r.name",)
PRIOR_RECALL = 0.7  # assumed share of the true pairs that the prior rules find

COLUMNS = (
    "ad_idx", "site", "phone", "phone_shared", "name", "muni", "age", "price", "origin", "origin_group",
    "gender", "types", "first_week", "last_week", "phone_block", "name_muni_block", "name_age_block",
)  # fmt: skip


def settings(max_block: int, threshold_columns: bool = True) -> dict[str, Any]:
    """The Splink settings dict of Zicht's model."""
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "ad_idx",
        "comparisons": comparisons(),
        "blocking_rules_to_generate_predictions": blocking_rules(max_block),
        "retain_matching_columns": True,
        "retain_intermediate_calculation_columns": threshold_columns,
        "additional_columns_to_retain": [],
        "max_iterations": 25,
        "em_convergence": 0.0001,
    }


@dataclass(frozen=True)
class LevelParameters:
    """Trained m and u per comparison level (gamma order, null level excluded), for the interval and docs."""

    names: tuple[str, ...]
    labels: tuple[tuple[str, ...], ...]
    m: tuple[np.ndarray, ...]
    u: tuple[np.ndarray, ...]
    prior: float

    def describe(self) -> list[dict[str, object]]:
        return [
            {"comparison": n, "gamma": g, "label": self.labels[k][g], "m": float(self.m[k][g]),
             "u": float(self.u[k][g]), "log2_bf": float(math.log2(self.m[k][g] / self.u[k][g]))}
            for k, n in enumerate(self.names)
            for g in range(len(self.m[k]))
        ]  # fmt: skip


PROBABILITY_FLOOR = 1e-4  # no level is impossible: extraction errors happen (a cap on Splink's vetoes)


def level_parameters(linker: Any) -> LevelParameters:
    """m and u of the trained Splink model per comparison, indexed by gamma (0 = the least similar)."""
    names, labels, ms, us = [], [], [], []
    for comparison in linker._settings_obj.comparisons:
        levels = [lvl for lvl in comparison.comparison_levels if not lvl.is_null_level]
        by_gamma = sorted(levels, key=lambda lvl: lvl.comparison_vector_value)
        names.append(comparison.output_column_name)
        labels.append(tuple(lvl.label_for_charts for lvl in by_gamma))
        ms.append(np.array([_prob(lvl.m_probability) for lvl in by_gamma]))
        us.append(np.array([_prob(lvl.u_probability) for lvl in by_gamma]))
    prior = float(linker._settings_obj._probability_two_random_records_match)
    return LevelParameters(tuple(names), tuple(labels), tuple(ms), tuple(us), prior)


def _prob(value: float | None) -> float:
    if value is None or not np.isfinite(value):
        return PROBABILITY_FLOOR
    return max(float(value), PROBABILITY_FLOOR)


def floor_parameters(linker: Any) -> None:
    """Floor every trained m and u at PROBABILITY_FLOOR (Splink's EM can drive a level to 0 on a market
    where nobody ever shows it: a veto of -40 bits that one extraction error would turn into a split)."""
    for comparison in linker._settings_obj.comparisons:
        for lvl in comparison.comparison_levels:
            if lvl.is_null_level:
                continue
            for attr in ("m_probability", "u_probability"):
                value = getattr(lvl, attr)
                if value is not None and value < PROBABILITY_FLOOR:
                    setattr(lvl, attr, PROBABILITY_FLOOR)


def quiet_splink() -> None:
    logging.getLogger("splink").setLevel(logging.ERROR)
