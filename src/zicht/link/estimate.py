"""The number of unique advertisers with an interval: a bootstrap over uncertain link decisions.

Links the model is sure about (probability >= `high`) are contracted first; each replicate then keeps every
uncertain candidate link (probability in [low, high)) with its own probability, independently, and counts the
connected components (plus one extra worker per component holding an ad that states several workers). The
interval is the replicates' percentile interval, widened to include the point estimate (the thresholded
clustering), so it says how much the count moves with the link decisions the model cannot make confidently.
It does not cover errors the model is confident about; docs/linking.md reports its coverage on simulations.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from zicht.link.cluster import connected_components


@dataclass(frozen=True)
class Estimate:
    point: int
    low: float
    high: float
    replicates: int
    uncertain_links: int


def bootstrap_count(
    n_nodes: int,
    left: np.ndarray,
    right: np.ndarray,
    probability: np.ndarray,
    several: np.ndarray,
    point: int,
    replicates: int = 200,
    low: float = 0.02,
    high: float = 0.98,
    level: float = 0.95,
    seed: int = 1,
) -> Estimate:
    """Percentile interval of the advertiser count over random link decisions (see the module docstring)."""
    sure = probability >= high
    base = connected_components(n_nodes, left[sure], right[sure])
    roots, node_root = np.unique(base, return_inverse=True)
    root_several = np.zeros(len(roots), dtype=bool)
    np.logical_or.at(root_several, node_root, several)
    open_ = (probability >= low) & ~sure
    l_root, r_root, p_open = node_root[left[open_]], node_root[right[open_]], probability[open_]
    differ = l_root != r_root
    l_root, r_root, p_open = l_root[differ], r_root[differ], p_open[differ]
    rng = np.random.default_rng(seed)
    counts = np.empty(replicates)
    for i in range(replicates):
        take = rng.random(len(p_open)) < p_open
        labels = connected_components(len(roots), l_root[take], r_root[take])
        groups = np.unique(labels)
        extra = np.zeros(len(roots), dtype=bool)
        np.logical_or.at(extra, labels, root_several)
        counts[i] = len(groups) + int(extra.sum())
    tail = (1 - level) / 2
    lo, hi = np.quantile(counts, [tail, 1 - tail]) if replicates else (point, point)
    return Estimate(point, float(min(lo, point)), float(max(hi, point)), replicates, int(len(p_open)))
