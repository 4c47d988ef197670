"""The number of unique advertisers with an interval.

Point: the clusters of the thresholded, constrained clustering, plus one extra worker per cluster holding an
ad that states several workers (a couple, "two girls"): the store says "several", not how many.

Interval, from three sources of error, each resampled or bounded, none widened by a constant:
1. The model's parameters: the candidate pairs are resampled with replacement (a multinomial over their
   comparison patterns) and the model is re-fitted on them (`refit`, the same training as the point).
   Fellegi-Sunter's independence assumption makes one fit over-confident; a refit on other pairs moves the
   probabilities of the borderline patterns, which is where the count is decided.
2. The link decisions: every candidate pair with a probability in [low, high) of the refitted model is drawn
   as a link with that probability (pairs above are links, below are not), and the drawn links are clustered
   with the same constraints as the point (`cluster.constrained_labels`).
3. How many people stand behind an ad that says "several": at least two (one extra) and, for ads that are
   not a couple, up to `max_workers` (default three): an explicit bound, because the store keeps the flag,
   not the number. It only widens the upper end.
The interval is the replicates' 2.5-97.5% range of (1 + 2), widened to include the point, plus (3) on the
upper end. Its coverage is measured on simulated markets in docs/linking.md, not assumed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from zicht.link.cluster import constrained_labels
from zicht.link.model import FittedModel


@dataclass(frozen=True)
class Estimate:
    point: int
    low: float
    high: float
    replicates: int
    uncertain_links: int
    several_clusters: int = 0  # clusters with an ad stating several workers (one extra worker each)
    open_several: int = 0  # of which not a couple: up to max_workers - 2 more workers each (upper end)


def count_with_extras(labels: np.ndarray, several: np.ndarray, couple: np.ndarray) -> tuple[int, int, int]:
    """(clusters + one extra per cluster with a several-workers ad, such clusters, of which not a couple)."""
    n = len(labels)
    has_several = np.zeros(n, dtype=bool)
    np.logical_or.at(has_several, labels, several)
    has_couple = np.zeros(n, dtype=bool)
    np.logical_or.at(has_couple, labels, several & couple)
    clusters = int(np.unique(labels).size)
    k = int(has_several.sum())
    return clusters + k, k, int((has_several & ~has_couple).sum())


def bootstrap_count(
    n_nodes: int,
    left: np.ndarray,
    right: np.ndarray,
    patterns: np.ndarray,
    pattern_of_pair: np.ndarray,
    pattern_counts: np.ndarray,
    refit: Callable[[np.ndarray], FittedModel],
    labels: np.ndarray,
    several: np.ndarray,
    couple: np.ndarray,
    cannot_below: float = 0.01,
    replicates: int = 200,
    low: float = 0.001,
    high: float = 0.999,
    max_workers: int = 3,
    level: float = 0.95,
    seed: int = 1,
) -> Estimate:
    """Point and interval of the advertiser count (see the module docstring).

    `patterns` are the distinct comparison patterns of the candidate pairs, `pattern_counts` how many pairs
    show each, `pattern_of_pair` the pattern index of each pair (left[i], right[i]); `labels` the point
    clustering; `refit(pattern_counts)` trains a model; `several` / `couple` per ad: it states several
    workers / it is a couple.
    """
    point, k, open_k = count_with_extras(labels, several, couple)
    rng = np.random.default_rng(seed)
    total = int(pattern_counts.sum())
    counts = np.empty(replicates)
    uncertain = 0
    for i in range(replicates):
        if total:
            resampled = rng.multinomial(total, pattern_counts / total).astype(np.float64)
            p = refit(resampled).probabilities(patterns)[pattern_of_pair]
        else:
            p = np.zeros(0)
        open_ = (p >= low) & (p < high)
        uncertain = max(uncertain, int(open_.sum()))
        link = (p >= high) | (open_ & (rng.random(len(p)) < p))
        cannot = p < cannot_below
        drawn = constrained_labels(n_nodes, left, right, link & ~cannot, cannot, p)
        counts[i] = count_with_extras(drawn, several, couple)[0]
    tail = (1 - level) / 2
    lo, hi = np.quantile(counts, [tail, 1 - tail]) if replicates else (point, point)
    upper_extra = open_k * max(0, max_workers - 2)
    return Estimate(
        point, float(min(lo, point)), float(max(hi, point) + upper_extra), replicates, uncertain, k, open_k
    )
