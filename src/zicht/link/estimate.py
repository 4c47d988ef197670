"""The number of unique advertisers with an interval.

Point: the clusters of the thresholded, constrained clustering, plus one extra worker per cluster holding an
ad that states several workers (a couple, "two girls"): the store says "several", not how many.

Interval, from three sources of error, each resampled or bounded, none widened by a constant:
1. The model's parameters, without re-training: per replicate every comparison's m and u are drawn from
   Dirichlet posteriors around Splink's trained values (`resolve.parameter_draw`), and each pair's match
   weight moves by the drawn levels' change of log2(m/u). A re-training per replicate (the old design: 200
   EM runs) gave the same spread at a hundred times the cost: on a market of 100,000 candidate pairs the
   sampling error of m and u is small against that of the link decisions.
2. The link decisions: every candidate pair with a probability in [low, high) under the drawn parameters is
   drawn as a link with that probability (pairs above are links, below are not), and the drawn links are
   clustered with the same constraints as the point (`cluster.constrained_labels`).
3. How many people stand behind an ad that says "several": at least two (one extra) and, for ads that are
   not a couple, up to `max_workers` (default three): an explicit bound, because the store keeps the flag,
   not the number. It only widens the upper end.
4. Returns no candidate pair can see: a worker who comes back with a new name AND a new phone shares nothing
   with her old ads, so her return is a cluster of its own (a split; the count is too high). Their number is
   estimated by capture-recapture (`unseen_returns`): every ad after the first of its cluster is an
   "arrival", "caught" by the phone list when an earlier ad of the cluster has its phone and by the name
   list when one has its name. Under independence of the two changes (within a stratum of the gap since the
   cluster's previous ad), the arrivals caught by neither number about n10 * n01 / n11 (Lincoln-Petersen),
   of which those linked by other evidence are seen; the rest are splits. Arrivals without a phone (site c)
   have the name list only: their missed share is the stratum's name-change odds. Per replicate the keep
   rates are drawn from their Beta posteriors and the missed arrivals from the negative binomial given the
   caught ones (`Arrivals.draw`); the draw only lowers the lower end: a split only makes the count too high.
The interval is the replicates' 2.5-97.5% range of (1 + 2), the lower end taken of (1 + 2 - 4), widened to
include the point, plus (3) on the upper end. Its coverage is measured on simulated markets in
docs/linking.md (`benchmarks/bench_link_coverage.py`), not assumed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from zicht.link.cluster import constrained_labels


@dataclass(frozen=True)
class Estimate:
    point: int
    low: float
    high: float
    replicates: int
    uncertain_links: int
    several_clusters: int = 0  # clusters with an ad stating several workers (one extra worker each)
    open_several: int = 0  # of which not a couple: up to max_workers - 2 more workers each (upper end)
    unseen_returns: float = 0.0  # estimated returns under a new name and phone that no pair links (splits)


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


GAP_STRATA = (0, 1, 5)  # arrival strata by weeks since the cluster's previous ad: <=0, 1, 2-5, 6+


@dataclass(frozen=True)
class Arrivals:
    """Per gap stratum (rows), the arrivals of the point clustering (columns): phone-visible ads caught by
    phone and name, phone only, name only, neither (linked by other evidence); ads without a phone caught by
    name, not caught by name."""

    table: np.ndarray  # shape (strata, 6)

    def unseen(self) -> float:
        """Expected arrivals that no list caught and no link found (splits), at the posterior means."""
        n11, n10, n01, n00, c1, c0 = (self.table[:, k] for k in range(6))
        keep_phone = (n11 + 1) / (n11 + n01 + 2)  # among name-caught arrivals: the phone was kept
        keep_name = (n11 + 1) / (n11 + n10 + 2)  # among phone-caught arrivals: the name was kept
        caught = 1 - (1 - keep_phone) * (1 - keep_name)
        missed = (n11 + n10 + n01) * (1 - caught) / caught + c1 * (1 - keep_name) / keep_name
        return float(np.maximum(missed - n00 - c0, 0).sum())

    def draw(self, rng: np.random.Generator) -> float:
        """One draw of the unseen count: keep rates from their Beta posteriors (uniform priors), then the
        arrivals both lists missed as negative binomial given the caught ones, less those linked anyway."""
        n11, n10, n01, n00, c1, c0 = (self.table[:, k] for k in range(6))
        keep_phone = rng.beta(n11 + 1, n01 + 1)
        keep_name = rng.beta(n11 + 1, n10 + 1)
        caught = 1 - (1 - keep_phone) * (1 - keep_name)
        missed = rng.negative_binomial(np.maximum(n11 + n10 + n01, 1), caught) * (n11 + n10 + n01 > 0)
        missed_no_phone = rng.negative_binomial(np.maximum(c1, 1), keep_name) * (c1 > 0)
        return float(np.maximum(missed - n00, 0).sum() + np.maximum(missed_no_phone - c0, 0).sum())


def arrival_table(
    labels: np.ndarray, first_week: np.ndarray, last_week: np.ndarray, phone: np.ndarray, name: np.ndarray
) -> Arrivals:
    """Classify every ad after the first of its cluster (ordered by first week) by whether an earlier ad of
    the cluster shows its phone / its name (codes, -1 = none) and by the weeks since the cluster's latest
    earlier ad ended. See the module docstring (4)."""
    n = len(labels)
    table = np.zeros((len(GAP_STRATA) + 1, 6))
    if n == 0:
        return Arrivals(table)
    order = np.lexsort((np.arange(n), first_week, labels))
    lab, fw, lw, ph, nm = (x[order].astype(np.int64) for x in (labels, first_week, last_week, phone, name))
    arrival = np.r_[False, lab[1:] == lab[:-1]]
    span = int(lw.max() - lw.min() + 1) if n else 1
    running = np.maximum.accumulate(lab * span + (lw - lw.min()))  # per cluster: latest end so far
    previous_end = np.r_[0, running[:-1] - lab[:-1] * span + lw.min()]
    gap = fw - previous_end
    stratum = np.searchsorted(np.asarray(GAP_STRATA), gap, side="left")

    def seen_before(code: np.ndarray) -> np.ndarray:
        """Whether an earlier ad of the same cluster shows this code."""
        key = np.lexsort((np.arange(n), code, lab))
        same = np.r_[False, (lab[key][1:] == lab[key][:-1]) & (code[key][1:] == code[key][:-1])]
        out = np.zeros(n, dtype=bool)
        out[key] = same
        return out & (code >= 0)

    p, q = seen_before(ph), seen_before(nm)
    has_phone = ph >= 0
    cell = np.select(
        [has_phone & p & q, has_phone & p, has_phone & q, has_phone, q],
        [0, 1, 2, 3, 4],
        default=5,
    )
    np.add.at(table, (stratum[arrival], cell[arrival]), 1)
    return Arrivals(table)


def bootstrap_count(
    n_nodes: int,
    left: np.ndarray,
    right: np.ndarray,
    draw_probabilities: Callable[[np.random.Generator], np.ndarray],
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
    arrivals: Arrivals | None = None,
) -> Estimate:
    """Point and interval of the advertiser count (see the module docstring).

    `draw_probabilities(rng)` gives the match probability of each pair (left[i], right[i]) under one draw of
    the model's parameters; `labels` the point clustering; `several` / `couple` per ad: it states several
    workers / it is a couple; `arrivals` the point clustering's arrival table (none: no unseen returns).
    """
    point, k, open_k = count_with_extras(labels, several, couple)
    rng = np.random.default_rng(seed)
    counts = np.empty(replicates)
    unseen = np.zeros(replicates)
    uncertain = 0
    for i in range(replicates):
        p = draw_probabilities(rng) if len(left) else np.zeros(0)
        open_ = (p >= low) & (p < high)
        uncertain = max(uncertain, int(open_.sum()))
        link = (p >= high) | (open_ & (rng.random(len(p)) < p))
        cannot = p < cannot_below
        drawn = constrained_labels(n_nodes, left, right, link & ~cannot, cannot, p)
        counts[i] = count_with_extras(drawn, several, couple)[0]
        if arrivals is not None:
            unseen[i] = arrivals.draw(rng)
    tail = (1 - level) / 2
    lo = np.quantile(counts - unseen, tail) if replicates else point
    hi = np.quantile(counts, 1 - tail) if replicates else point
    upper_extra = open_k * max(0, max_workers - 2)
    return Estimate(
        point,
        float(min(lo, point)),
        float(max(hi, point) + upper_extra),
        replicates,
        uncertain,
        k,
        open_k,
        arrivals.unseen() if arrivals is not None else 0.0,
    )
