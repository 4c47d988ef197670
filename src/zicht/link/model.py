"""Scoring candidate pairs: a Fellegi-Sunter model with u from random pairs and m from EM.

Why not splink: splink runs this very model on DuckDB (and Spark), but it pulls in a large dependency tree
(sqlglot, altair, jsonschema, ...) and its term-frequency and custom levels would need as much code as this
file.
We keep splink's recipe: comparison levels computed in SQL (portable to Spark SQL), u probabilities estimated
on random pairs (almost all non-matches), m probabilities and the match share by expectation-maximisation
over the candidate pairs' comparison patterns, null levels neutral (Bayes factor 1).

Levels are chosen so the model can express the guard against intermediary phones: agreeing on a phone that
shows several names in one week (a shared contact) is its own level, so EM learns that it is weak evidence;
agreeing on a common name is weaker than on a rare one (splink's term-frequency idea, in buckets).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np

from zicht.link.textsig import SIGNATURE_SIZE

_CONCURRENT = "a.first_week <= b.last_week AND b.first_week <= a.last_week"
NAME_AGREES = 3  # name levels >= this agree on the name
PHONE_AGREES = 3  # phone levels >= this agree on the phone (3: a shared phone, 4: a personal one)
# levels that say the two ads disagree: never evidence for a match (see `_monotone`)
DIFFER_LEVELS: dict[str, tuple[int, ...]] = {"phone": (1, 2), "name": (1, 2)}

# name -> (number of levels incl. the null level 0, SQL giving the level for a pair of ads a, b)
COMPARISONS: dict[str, tuple[int, str]] = {
    # a person rarely shows two numbers (or names) at the same time, but changes them between ads: "differ
    # while both ads are online" is its own level, apart from "differ" at different times
    "phone": (
        5,
        "CASE WHEN a.phone IS NULL OR b.phone IS NULL THEN 0 "
        f"WHEN a.phone <> b.phone AND {_CONCURRENT} THEN 1 "
        "WHEN a.phone <> b.phone THEN 2 WHEN a.phone_shared THEN 3 ELSE 4 END",
    ),
    "name": (
        6,
        f"CASE WHEN a.name IS NULL OR b.name IS NULL THEN 0 WHEN a.name <> b.name AND {_CONCURRENT} THEN 1 "
        "WHEN a.name <> b.name THEN 2 WHEN a.name_ads > 100 THEN 3 WHEN a.name_ads > 10 THEN 4 ELSE 5 END",
    ),
    "muni": (3, "CASE WHEN a.muni IS NULL OR b.muni IS NULL THEN 0 WHEN a.muni <> b.muni THEN 1 ELSE 2 END"),
    "age": (
        4,
        "CASE WHEN a.age IS NULL OR b.age IS NULL THEN 0 WHEN abs(a.age - b.age) > 3 THEN 1 "
        "WHEN abs(a.age - b.age) > 1 THEN 2 ELSE 3 END",
    ),
    "gender": (
        3,
        "CASE WHEN a.gender IS NULL OR b.gender IS NULL THEN 0 WHEN a.gender <> b.gender THEN 1 ELSE 2 END",
    ),
    "origin": (
        3,
        "CASE WHEN a.origin IS NULL OR b.origin IS NULL THEN 0 WHEN a.origin <> b.origin THEN 1 ELSE 2 END",
    ),
    "price": (
        4,
        "CASE WHEN a.price IS NULL OR b.price IS NULL THEN 0 "
        "WHEN abs(a.price - b.price) > 0.2 * greatest(a.price, b.price) THEN 1 "
        "WHEN a.price <> b.price THEN 2 ELSE 3 END",
    ),
    "types": (
        3,
        "CASE WHEN a.types IS NULL OR b.types IS NULL THEN 0 WHEN a.types <> b.types THEN 1 ELSE 2 END",
    ),
    # shared MinHash values ~ Jaccard x SIGNATURE_SIZE (values are 31-bit, so equal values at different
    # positions are negligible); Spark: size(array_intersect(a.sig, b.sig))
    "text": (
        4,
        "CASE WHEN a.sig IS NULL OR b.sig IS NULL THEN 0 "
        f"WHEN len(list_intersect(a.sig, b.sig)) >= {int(0.6 * SIGNATURE_SIZE)} THEN 3 "
        f"WHEN len(list_intersect(a.sig, b.sig))"
        f" >= {int(0.2 * SIGNATURE_SIZE)} THEN 2 ELSE 1 END",
    ),
    # when: same site and both visible in a common week (two ads at once: rarely one person) / same site,
    # one after the other within 2 weeks (a re-post) / same site later / other site at the same time / other
    # site, never at the same time
    "timing": (
        6,
        "CASE WHEN a.site = b.site AND a.first_week <= b.last_week AND b.first_week <= a.last_week "
        "THEN 1 WHEN a.site = b.site "
        "AND least(abs(b.first_week - a.last_week), abs(a.first_week - b.last_week)) <= 2 THEN 2 "
        "WHEN a.site = b.site THEN 3 "
        "WHEN a.first_week <= b.last_week AND b.first_week <= a.last_week THEN 4 ELSE 5 END",
    ),
}


def comparison_sql(pairs: str) -> str:
    """SELECT l, r and one level column per comparison for the pairs in table `pairs` (columns l, r)."""
    levels = ",\n       ".join(f"{sql} AS {name}" for name, (_, sql) in COMPARISONS.items())
    return (
        f"SELECT p.l, p.r,\n       {levels}\nFROM {pairs} AS p "
        "JOIN link_ads AS a ON a.ad_idx = p.l JOIN link_ads AS b ON b.ad_idx = p.r"
    )


@dataclass(frozen=True)
class FittedModel:
    """Estimated parameters: per comparison, m and u per level (level 0 = null, neutral), and the share of
    matches among candidate pairs."""

    names: tuple[str, ...]
    m: tuple[np.ndarray, ...]
    u: tuple[np.ndarray, ...]
    match_share: float
    iterations: int

    def log2_bayes_factors(self, patterns: np.ndarray) -> np.ndarray:
        """Sum of log2(m/u) over comparisons for each row of level codes."""
        total = np.zeros(len(patterns))
        for k in range(len(self.names)):
            weights = np.log2(self.m[k] / self.u[k])
            weights[0] = 0.0
            total += weights[patterns[:, k]]
        return total

    def probabilities(self, patterns: np.ndarray) -> np.ndarray:
        """Posterior match probability of each pattern among candidate pairs."""
        prior = np.log2(self.match_share / (1 - self.match_share))
        return 1.0 / (1.0 + np.exp2(-(prior + self.log2_bayes_factors(patterns))))

    def describe(self) -> list[dict[str, object]]:
        """m, u and match weight per comparison level (for docs and reports)."""
        return [
            {
                "comparison": n,
                "level": lvl,
                "m": float(self.m[k][lvl]),
                "u": float(self.u[k][lvl]),
                "log2_bf": float(np.log2(self.m[k][lvl] / self.u[k][lvl])),
            }
            for k, n in enumerate(self.names)
            for lvl in range(1, len(self.m[k]))
        ]


def pattern_counts(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[np.ndarray, np.ndarray]:
    """Distinct comparison patterns of a pair query and how often each occurs."""
    cols = ", ".join(COMPARISONS)
    rows = con.execute(f"SELECT {cols}, count(*) AS n FROM ({sql}) GROUP BY ALL").fetchnumpy()
    patterns = np.stack([rows[c].astype(np.int64) for c in COMPARISONS], axis=1)
    return patterns, rows["n"].astype(np.float64)


def estimate_u(con: duckdb.DuckDBPyConnection, n_ads: int, samples: int, seed: int) -> tuple[np.ndarray, ...]:
    """u per level from uniformly random pairs of distinct ads (Laplace-smoothed)."""
    rng = np.random.default_rng(seed)
    left = rng.integers(0, n_ads, samples)
    right = rng.integers(0, n_ads, samples)
    keep = left != right
    pairs = {"l": np.minimum(left, right)[keep], "r": np.maximum(left, right)[keep]}
    con.register("link_random_pairs_np", pairs)
    con.execute("CREATE OR REPLACE TEMP TABLE link_random_pairs AS SELECT * FROM link_random_pairs_np")
    con.unregister("link_random_pairs_np")
    patterns, counts = pattern_counts(con, comparison_sql("link_random_pairs"))
    out = []
    for k, (_, (levels, _)) in enumerate(COMPARISONS.items()):
        tally = np.bincount(patterns[:, k], weights=counts, minlength=levels) + 1.0
        out.append(tally / tally.sum())
    return tuple(out)


PROBABILITY_FLOOR = 1e-3  # no level is impossible: extraction errors happen, so one level alone never decides


def _floored(tally: np.ndarray) -> np.ndarray:
    share = tally / max(float(tally.sum()), 1e-12)
    share = np.maximum(share, PROBABILITY_FLOOR)
    return share / share.sum()


def _monotone(m: list[np.ndarray], u: list[np.ndarray]) -> list[np.ndarray]:
    """A disagreement is never evidence for a match: cap m at u on every comparison's "differ" levels.

    Without this, EM on a market with many intermediary phones can settle on the wrong split (candidates that
    share a phone as "non-matches", everything else as "matches", so differing phones count for a link).
    """
    out = []
    for name, m_k, u_k in zip(COMPARISONS, m, u, strict=True):
        if name != "timing":
            differ = np.array(DIFFER_LEVELS.get(name, (1,)))
            over = differ[m_k[differ] > u_k[differ]]
            if len(over):
                capped = np.zeros(len(m_k), dtype=bool)
                capped[over] = True
                rest = m_k[~capped]
                # the excess goes to the other levels, capped levels stay exactly at u
                rest = rest / rest.sum() * (1.0 - u_k[capped].sum())
                m_k = m_k.copy()
                m_k[~capped] = rest
                m_k[capped] = u_k[capped]
        out.append(m_k)
    return out


def fit(
    patterns: np.ndarray,
    counts: np.ndarray,
    u_start: tuple[np.ndarray, ...],
    max_iter: int = 200,
    tol: float = 1e-6,
    start: FittedModel | None = None,
    fix_u: bool = False,
    fix_m: bool = False,
) -> FittedModel:
    """EM for m, u and the match share on the candidate pairs' patterns.

    u starts from random pairs but is re-estimated: candidate pairs agree on a blocking key by construction,
    so their non-matches do not look like random pairs (holding u fixed makes EM call every candidate a
    match). m starts from "higher level = likelier match", which fixes which class is the match class;
    `start` (a fitted model) warm-starts the refits of the bootstrap instead.
    """
    names = tuple(COMPARISONS)
    m = []
    for levels, _ in COMPARISONS.values():
        ramp = np.linspace(1.0, float(levels) ** 2, levels)
        m.append(ramp / ramp.sum())
    model = start or FittedModel(names, tuple(m), u_start, 0.3, 0)
    for iteration in range(1, max_iter + 1):
        p = model.probabilities(patterns)
        w_match = counts * p
        w_non = counts * (1 - p)
        share = float(np.clip(w_match.sum() / counts.sum(), 1e-6, 1 - 1e-6))
        new_m, new_u = [], []
        for k, (levels, _) in enumerate(COMPARISONS.values()):
            new_m.append(
                model.m[k]
                if fix_m
                else _floored(np.bincount(patterns[:, k], weights=w_match, minlength=levels))
            )
            tally_u = np.bincount(patterns[:, k], weights=w_non, minlength=levels)
            new_u.append(model.u[k] if fix_u else _floored(tally_u))
        new_m = _monotone(new_m, new_u)
        change = max(
            float(np.abs(a - b).max()) for a, b in zip(new_m + new_u, model.m + model.u, strict=True)
        )
        model = FittedModel(names, tuple(new_m), tuple(new_u), share, iteration)
        if change < tol:
            break
    return model


# splink's training recipe: one EM session per blocking rule, u fixed at the random-pair values; a session
# does not estimate (and neutralises) the comparisons its rule blocks on, because inside the block they agree
# by construction. Each comparison's m is the mean over the sessions that estimated it.
SESSIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("phone", ("phone",)),  # pairs agreeing on a personal phone
    ("name_muni", ("name", "muni")),
    ("name_age", ("name", "age")),
)


def _session_rows(name: str, patterns: np.ndarray) -> np.ndarray:
    col = {c: i for i, c in enumerate(COMPARISONS)}
    if name == "phone":
        return patterns[:, col["phone"]] == PHONE_AGREES + 1
    other = "muni" if name == "name_muni" else "age"
    return (patterns[:, col["name"]] >= NAME_AGREES) & (patterns[:, col[other]] == COMPARISONS[other][0] - 1)


def fit_sessions(
    patterns: np.ndarray, counts: np.ndarray, u_random: tuple[np.ndarray, ...], max_iter: int = 200
) -> FittedModel:
    """m by EM in blocking-rule sessions with u fixed at the random-pair values, then u and the match share
    among all candidate pairs by EM with m fixed. Robust where the all-pairs EM (`fit`) can settle on a wrong
    split: with many intermediary phones it took "same name" for "same person"."""
    names = tuple(COMPARISONS)
    estimates: dict[str, list[np.ndarray]] = {n: [] for n in names}
    for session, blocked in SESSIONS:
        rows = _session_rows(session, patterns)
        if counts[rows].sum() < 20:
            continue
        sub = patterns[rows].copy()
        for b in blocked:
            sub[:, names.index(b)] = 0  # neutral
        model = fit(sub, counts[rows], u_random, max_iter=max_iter, fix_u=True)
        for k, n in enumerate(names):
            if n not in blocked:
                estimates[n].append(model.m[k])
    m = []
    for k, n in enumerate(names):
        if estimates[n]:
            m.append(np.mean(estimates[n], axis=0))
        else:
            ramp = np.linspace(1.0, float(len(u_random[k])) ** 2, len(u_random[k]))
            m.append(ramp / ramp.sum())
    # u and the share among the candidates by EM with m held: candidate non-matches agree on a blocking key
    # by construction, so their u is not the random pairs' u; holding m keeps the match class anchored
    return fit(
        patterns,
        counts,
        u_random,
        max_iter=max_iter,
        start=FittedModel(names, tuple(m), u_random, 0.3, 0),
        fix_m=True,
    )
