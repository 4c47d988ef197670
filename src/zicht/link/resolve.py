"""Zicht's entity resolution: ads -> candidate pairs -> Fellegi-Sunter scores -> guarded clusters -> count.

`link_zicht(con, config)` reads `observations` and `moments`, writes `ad_links` rows with method 'zicht' (keys
kept stable across relinks by keys.py) and the table `shared_contacts`, and returns the advertiser estimate
with its interval.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import duckdb
import numpy as np

from zicht.link.candidates import build_ads, build_pairs
from zicht.link.cluster import connected_components, constrained_components
from zicht.link.estimate import Estimate, arrival_table, bootstrap_count
from zicht.link.keys import write_stable_links
from zicht.link.model import (
    COMPARISONS,
    NAME_AGREES,
    FittedModel,
    comparison_sql,
    estimate_u,
    fit,
    fit_sessions,
)


@dataclass(frozen=True)
class LinkConfig:
    """Settings of Zicht's linking (defaults are what docs/linking.md reports)."""

    threshold: float = 0.5  # link two ads when the posterior match probability is at least this
    cannot_below: float = 0.01  # never put two ads in one cluster when their pair scored below this
    max_block: int = 400  # blocks larger than this only yield pairs that also agree on the name
    random_pairs: int = 200_000  # for the starting values of u
    max_names: int = 3  # guard: a cluster showing more names than this holds only by name-agreeing links
    use_text: bool = True
    training: str = (
        "sessions"  # "sessions": splink's per-blocking-rule EM, u from random pairs; "all": one EM
    )
    bootstrap: int = 200
    uncertain: tuple[float, float] = (0.001, 0.999)  # the bootstrap draws links with p in this range
    several_extra: bool = True  # count one extra worker per advertiser with an ad stating several workers
    max_workers: int = 3  # upper end of the interval: people behind an ad stating several (not a couple)
    unseen_returns: bool = (
        True  # lower end: capture-recapture estimate of returns no pair links (estimate.py)
    )
    seed: int = 1


@dataclass(frozen=True)
class LinkResult:
    """What one linking run found; counts only (no pseudonyms)."""

    ads: int
    candidate_pairs: int
    links: int
    clusters: int
    estimate: Estimate
    shared_contact_groups: int
    guarded_clusters: int
    model: FittedModel = field(repr=False)
    seconds: float = 0.0

    @property
    def interval(self) -> tuple[float, float]:
        return (self.estimate.low, self.estimate.high)


SHARED_CONTACTS_DDL = """
CREATE TABLE IF NOT EXISTS shared_contacts (
    group_id INTEGER NOT NULL,      -- a number, not a pseudonym
    kind VARCHAR NOT NULL,          -- 'phone' (one phone, several advertisers) or 'template' (one ad text)
    advertisers INTEGER NOT NULL,   -- Zicht advertisers behind it
    ads INTEGER NOT NULL,
    first_week INTEGER NOT NULL,
    last_week INTEGER NOT NULL,
    municipalities INTEGER NOT NULL,
    PRIMARY KEY (kind, group_id)
)
"""


def _patterns(levels: dict[str, np.ndarray], n_pairs: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct comparison patterns, the pattern index of each pair and the pairs per pattern."""
    code = np.zeros(n_pairs, dtype=np.int64)
    for name, (size, _) in COMPARISONS.items():
        code = code * size + levels[name]
    unique, pattern_of_pair, counts = np.unique(code, return_inverse=True, return_counts=True)
    patterns = np.zeros((len(unique), len(COMPARISONS)), dtype=np.int64)
    rest = unique.copy()
    for k in range(len(COMPARISONS) - 1, -1, -1):
        size = list(COMPARISONS.values())[k][0]
        patterns[:, k] = rest % size
        rest //= size
    return patterns, pattern_of_pair.reshape(-1), counts.astype(np.float64)


def _guard(
    labels: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    levels: dict[str, np.ndarray],
    names: np.ndarray,
    max_names: int,
) -> tuple[np.ndarray, int]:
    """Split clusters that show more than `max_names` names: inside them keep only name-agreeing links."""
    named = names >= 0
    pairs = np.unique(np.stack([labels[named], names[named]], axis=1), axis=0)
    cluster_ids, name_counts = np.unique(pairs[:, 0], return_counts=True)
    crowded = cluster_ids[name_counts > max_names]
    if len(crowded) == 0:
        return labels, 0
    inside = np.isin(labels[left], crowded)
    keep = ~inside | (levels["name"] >= NAME_AGREES)
    return connected_components(len(labels), left[keep], right[keep]), int(len(crowded))


def link_zicht(con: duckdb.DuckDBPyConnection, config: LinkConfig | None = None) -> LinkResult:
    """Link ads to advertisers (ad_links method 'zicht'), fill shared_contacts, estimate the count."""
    config = config or LinkConfig()
    started = time.perf_counter()
    con.execute("SET enable_progress_bar = false")
    n_ads = build_ads(con)
    n_pairs = build_pairs(con, config.max_block, config.use_text)
    u_start = estimate_u(con, n_ads, config.random_pairs, config.seed)
    scored = con.execute(comparison_sql("link_pairs") + " ORDER BY p.l, p.r").fetchnumpy()
    left = scored["l"].astype(np.int64)
    right = scored["r"].astype(np.int64)
    levels = {name: scored[name].astype(np.int64) for name in COMPARISONS}
    patterns, pattern_of_pair, counts = _patterns(levels, n_pairs)
    if config.training == "sessions":

        def refit(weights: np.ndarray) -> FittedModel:
            return fit_sessions(patterns, weights, u_start, max_iter=100)
    else:

        def refit(weights: np.ndarray) -> FittedModel:
            return fit(patterns, weights, u_start, max_iter=100)

    model = refit(counts)
    probability = model.probabilities(patterns)[pattern_of_pair]
    ads = con.execute(
        "SELECT ad_idx, dense_rank() OVER (ORDER BY name) - 1 AS name_code, name IS NULL AS no_name, "
        "several, couple, coalesce(dense_rank() OVER (ORDER BY phone) - 1, -1) AS phone_code, phone IS NULL "
        "AS no_phone, first_week, last_week FROM link_ads ORDER BY ad_idx"
    ).fetchnumpy()
    names = np.where(ads["no_name"], -1, ads["name_code"]).astype(np.int64)
    several = ads["several"].astype(bool) & config.several_extra
    couple = ads["couple"].astype(bool)
    linked = probability >= config.threshold
    labels = constrained_components(n_ads, left, right, probability, config.threshold, config.cannot_below)
    linked &= labels[left] == labels[right]  # the links the clustering kept
    sub_levels = {k: v[linked] for k, v in levels.items()}
    labels, guarded = _guard(labels, left[linked], right[linked], sub_levels, names, config.max_names)
    phones = np.where(ads["no_phone"], -1, ads["phone_code"]).astype(np.int64)
    arrivals = (
        arrival_table(labels, ads["first_week"], ads["last_week"], phones, names)
        if config.unseen_returns
        else None
    )
    estimate = bootstrap_count(
        n_ads,
        left,
        right,
        patterns,
        pattern_of_pair,
        counts,
        refit,
        labels,
        several,
        couple,
        cannot_below=config.cannot_below,
        replicates=config.bootstrap,
        low=config.uncertain[0],
        high=config.uncertain[1],
        max_workers=config.max_workers,
        seed=config.seed,
        arrivals=arrivals,
    )
    _write_links(con, labels)
    groups = _write_shared_contacts(con, labels, left, right, levels)
    return LinkResult(
        ads=n_ads,
        candidate_pairs=n_pairs,
        links=int(linked.sum()),
        clusters=int(np.unique(labels).size),
        estimate=estimate,
        shared_contact_groups=groups,
        guarded_clusters=guarded,
        model=model,
        seconds=time.perf_counter() - started,
    )


def _write_links(con: duckdb.DuckDBPyConnection, labels: np.ndarray) -> None:
    """ad_links 'zicht' with keys carried over from the previous relink (keys.py), not this run's labels."""
    ads = con.execute("SELECT site, site_ad_id FROM link_ads ORDER BY ad_idx").fetchall()
    write_stable_links(con, dict(zip(ads, labels.tolist(), strict=True)))


def _write_shared_contacts(
    con: duckdb.DuckDBPyConnection,
    labels: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    levels: dict[str, np.ndarray],
) -> int:
    """Groups of several advertisers behind one phone, or one near-identical ad text (template)."""
    across = labels[left] != labels[right]
    same_text = across & (levels["text"] == 3)
    template = connected_components(len(labels), left[same_text], right[same_text])
    con.register(
        "link_groups_np",
        {"ad_idx": np.arange(len(labels), dtype=np.int64), "label": labels, "template": template},
    )
    con.execute(SHARED_CONTACTS_DDL)
    con.execute("DELETE FROM shared_contacts")
    con.execute("""
        INSERT INTO shared_contacts
        WITH tagged AS (
            SELECT a.*, g.label, g.template FROM link_ads AS a JOIN link_groups_np AS g USING (ad_idx)
        ),
        grouped AS (
            SELECT 'phone' AS kind, phone AS grp, count(DISTINCT label) AS advertisers, count(*) AS ads,
                   min(first_week) AS first_week, max(last_week) AS last_week,
                   count(DISTINCT muni) AS municipalities
            FROM tagged WHERE phone IS NOT NULL GROUP BY phone
            UNION ALL
            SELECT 'template', CAST(template AS VARCHAR), count(DISTINCT label), count(*), min(first_week),
                   max(last_week), count(DISTINCT muni)
            FROM tagged GROUP BY template
        )
        SELECT CAST(row_number() OVER (PARTITION BY kind ORDER BY advertisers DESC, ads DESC, grp)
                    AS INTEGER),
               kind, advertisers, ads, first_week, last_week, municipalities
        FROM grouped WHERE advertisers >= 2
    """)
    con.unregister("link_groups_np")
    return int(con.execute("SELECT count(*) FROM shared_contacts").fetchall()[0][0])
