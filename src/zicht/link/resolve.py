"""Zicht's entity resolution: ads -> Splink (blocking, comparisons, EM, prediction) -> guarded clusters ->
count with an interval.

`link_zicht(con, config)` reads `observations` and `moments`, writes `ad_links` rows with method 'zicht' (keys
kept stable across relinks by keys.py) and the table `shared_contacts`, and returns the advertiser estimate
with its interval. Splink runs on its own in-memory DuckDB (or on Spark, `LinkConfig.backend`), so the store
never holds Splink's work tables; only the ads (one Arrow table) go in and the scored pairs come back.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from zicht.config import LinkSettings
from zicht.link.candidates import build_ads, template_pairs
from zicht.link.cluster import connected_components, constrained_components
from zicht.link.estimate import Estimate, arrival_table, bootstrap_count
from zicht.link.keys import write_stable_links
from zicht.link.model import (
    COLUMNS,
    PRIOR_RECALL,
    PRIOR_RULES,
    TRAINING_RULES,
    LevelParameters,
    floor_parameters,
    level_parameters,
    quiet_splink,
    settings,
)

LinkConfig = LinkSettings  # the [link] section of Config (zicht.config), every default documented there


@dataclass(frozen=True)
class ScoredPairs:
    """Splink's predictions for the candidate pairs (l < r), ordered by (l, r)."""

    left: np.ndarray
    right: np.ndarray
    probability: np.ndarray
    weight: np.ndarray  # Splink's match weight (log2 odds, term frequencies included)
    gamma: dict[str, np.ndarray]  # comparison level per pair (-1: null)
    parameters: LevelParameters
    skipped_sessions: tuple[str, ...]  # EM sessions undone after Splink's m = 0 failure
    linker: Any = field(repr=False, default=None)  # the trained Splink linker (charts, waterfall)


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
    model: LevelParameters = field(repr=False)
    seconds: float = 0.0
    scored: ScoredPairs | None = field(repr=False, default=None)

    @property
    def interval(self) -> tuple[float, float]:
        return (self.estimate.low, self.estimate.high)


def splink_api(backend: str = "duckdb") -> Any:
    """A Splink database API: a fresh in-memory DuckDB, or Spark (local session unless one is active)."""
    if backend == "duckdb":
        from splink import DuckDBAPI

        scratch = duckdb.connect(":memory:")
        scratch.execute("SET enable_progress_bar = false")
        return DuckDBAPI(connection=scratch)
    if backend == "spark":  # pragma: no cover - pyspark is not a dependency (docs/linking.md)
        from pyspark.sql import SparkSession
        from splink import SparkAPI

        return SparkAPI(spark_session=SparkSession.builder.getOrCreate())
    raise ValueError(f"unknown Splink backend {backend!r}: use 'duckdb' or 'spark'")


def _register(db_api: Any, ads: pa.Table, backend: str) -> Any:
    if backend == "spark":  # pragma: no cover
        return db_api.register(db_api.spark.createDataFrame(ads.to_pandas()), table_name="zicht_ads")
    return db_api.register(ads, table_name="zicht_ads")


def train_and_predict(ads: pa.Table, config: LinkConfig, db_api: Any = None) -> ScoredPairs:
    """Splink: u by random sampling, m by EM per blocking rule, prior from deterministic rules, then the
    prediction over the blocking rules; m and u floored (model.floor_parameters)."""
    from splink import Linker

    quiet_splink()
    db_api = db_api or splink_api(config.backend)
    frame = _register(db_api, ads, config.backend)
    linker = Linker(frame, settings(config.max_block), log_level=None)
    linker.training.estimate_probability_two_random_records_match(list(PRIOR_RULES), recall=PRIOR_RECALL)
    linker.training.estimate_u_using_random_sampling(max_pairs=config.u_pairs, seed=config.seed)
    skipped = []
    for rule in TRAINING_RULES:
        saved = linker._settings_obj.core_model_settings.copy()
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(rule)
        except ValueError:
            skipped.append(rule)
            # Splink 5.0.0: an EM step that drives a level's m to exactly 0.0 fails its own validation
            # (m < 1e-300) and leaves the model half-updated; the session is undone and skipped, the other
            # sessions estimate those comparisons (seen on small markets with many intermediary phones)
            linker._settings_obj.core_model_settings = saved
    floor_parameters(linker)
    predictions = linker.inference.predict(warning_mode="never")
    parameters = level_parameters(linker)
    gammas = [f"gamma_{n}" for n in parameters.names]
    table = predictions.as_pyarrow_table()
    order = np.lexsort((table.column("ad_idx_r").to_numpy(), table.column("ad_idx_l").to_numpy()))
    column = {c: table.column(c).to_numpy()[order] for c in ("ad_idx_l", "ad_idx_r", "match_probability",
                                                             "match_weight", *gammas)}  # fmt: skip
    return ScoredPairs(
        column["ad_idx_l"].astype(np.int64),
        column["ad_idx_r"].astype(np.int64),
        column["match_probability"].astype(np.float64),
        column["match_weight"].astype(np.float64),
        {n: column[f"gamma_{n}"].astype(np.int64) for n in parameters.names},
        parameters,
        tuple(skipped),
        linker,
    )


def _agree(scored: ScoredPairs, name: str) -> np.ndarray:
    """Pairs on the top (most similar) level of a comparison."""
    k = scored.parameters.names.index(name)
    return scored.gamma[name] == len(scored.parameters.m[k]) - 1


def parameter_draw(scored: ScoredPairs, low: float, high: float) -> Any:
    """A function rng -> match probabilities of the pairs under m and u drawn from their Dirichlet
    posteriors (counts: m x the expected matches the comparison saw, u x the expected non-matches), applied
    as a change of Splink's match weight per level. The pairs that no plausible draw moves out of [low, high)
    are not recomputed."""
    params = scored.parameters
    p = scored.probability
    matches = {n: float(p[scored.gamma[n] >= 0].sum()) for n in params.names}
    nonmatches = {n: float((1 - p)[scored.gamma[n] >= 0].sum()) for n in params.names}

    def draw(rng: np.random.Generator) -> np.ndarray:
        weight = scored.weight.copy()
        for k, n in enumerate(params.names):
            m = rng.dirichlet(params.m[k] * max(matches[n], 1.0) + 0.5)
            u = rng.dirichlet(params.u[k] * max(nonmatches[n], 1.0) + 0.5)
            delta = np.log2(np.maximum(m, 1e-12) / np.maximum(u, 1e-12)) - np.log2(params.m[k] / params.u[k])
            g = scored.gamma[n]
            weight += np.where(g >= 0, delta[np.maximum(g, 0)], 0.0)
        return 1.0 / (1.0 + np.exp2(-weight))

    return draw


def _guard(
    labels: np.ndarray, left: np.ndarray, right: np.ndarray, name_agrees: np.ndarray, names: np.ndarray,
    max_names: int,
) -> tuple[np.ndarray, int]:  # fmt: skip
    """Split clusters that show more than `max_names` names: inside them keep only name-agreeing links."""
    named = names >= 0
    pairs = np.unique(np.stack([labels[named], names[named]], axis=1), axis=0)
    cluster_ids, name_counts = np.unique(pairs[:, 0], return_counts=True)
    crowded = cluster_ids[name_counts > max_names]
    if len(crowded) == 0:
        return labels, 0
    inside = np.isin(labels[left], crowded)
    keep = ~inside | name_agrees
    return connected_components(len(labels), left[keep], right[keep]), int(len(crowded))


def link_zicht(
    con: duckdb.DuckDBPyConnection, config: LinkConfig | None = None, db_api: Any = None
) -> LinkResult:
    """Link ads to advertisers (ad_links method 'zicht'), fill shared_contacts, estimate the count.
    `db_api`: a Splink database API to run the model on (default: `splink_api(config.backend)`)."""
    config = config or LinkConfig()
    started = time.perf_counter()
    con.execute("SET enable_progress_bar = false")
    n_ads = build_ads(con)
    relation = con.sql(f"SELECT {', '.join(COLUMNS)} FROM link_ads ORDER BY ad_idx")
    ads = relation.to_arrow_table() if hasattr(relation, "to_arrow_table") else relation.arrow()
    scored = train_and_predict(ads, config, db_api)
    left, right, probability = scored.left, scored.right, scored.probability
    ad_rows = con.execute(
        "SELECT ad_idx, dense_rank() OVER (ORDER BY name) - 1 AS name_code, name IS NULL AS no_name, "
        "several, couple, coalesce(dense_rank() OVER (ORDER BY phone) - 1, -1) AS phone_code, phone IS NULL "
        "AS no_phone, first_week, last_week FROM link_ads ORDER BY ad_idx"
    ).fetchnumpy()
    names = np.where(ad_rows["no_name"], -1, ad_rows["name_code"]).astype(np.int64)
    several = ad_rows["several"].astype(bool) & config.several_extra
    couple = ad_rows["couple"].astype(bool)
    labels = constrained_components(n_ads, left, right, probability, config.threshold, config.cannot_below)
    linked = (probability >= config.threshold) & (labels[left] == labels[right])  # the links kept
    name_agrees = _agree(scored, "name")
    labels, guarded = _guard(
        labels, left[linked], right[linked], name_agrees[linked], names, config.max_names
    )
    phones = np.where(ad_rows["no_phone"], -1, ad_rows["phone_code"]).astype(np.int64)
    arrivals = (
        arrival_table(labels, ad_rows["first_week"], ad_rows["last_week"], phones, names)
        if config.unseen_returns
        else None
    )
    estimate = bootstrap_count(
        n_ads,
        left,
        right,
        parameter_draw(scored, *config.uncertain),
        labels,
        several,
        couple,
        cannot_below=config.cannot_below,
        replicates=config.replicates,
        low=config.uncertain[0],
        high=config.uncertain[1],
        max_workers=config.max_workers,
        seed=config.seed,
        arrivals=arrivals,
    )
    write_clusters(con, labels)
    groups = _write_shared_contacts(con, labels)
    return LinkResult(
        ads=n_ads,
        candidate_pairs=len(left),
        links=int(linked.sum()),
        clusters=int(np.unique(labels).size),
        estimate=estimate,
        shared_contact_groups=groups,
        guarded_clusters=guarded,
        model=scored.parameters,
        seconds=time.perf_counter() - started,
        scored=scored,
    )


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


def write_clusters(con: duckdb.DuckDBPyConnection, labels: np.ndarray) -> None:
    """The one place where final clusters become `ad_links` rows (method 'zicht'): label = an ad index of
    `link_ads`. Keys are carried over from the previous relink (keys.py), not taken from this run's labels."""
    ads = con.execute("SELECT site, site_ad_id FROM link_ads ORDER BY ad_idx").fetchall()
    write_stable_links(con, dict(zip(ads, labels.tolist(), strict=True)))


def _write_shared_contacts(con: duckdb.DuckDBPyConnection, labels: np.ndarray) -> int:
    """Groups of several advertisers behind one phone, or one near-identical ad text (template)."""
    template_pairs(con)
    pairs = con.execute("SELECT l, r FROM link_templates").fetchnumpy()
    left, right = pairs["l"].astype(np.int64), pairs["r"].astype(np.int64)
    across = labels[left] != labels[right]
    template = connected_components(len(labels), left[across], right[across])
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
