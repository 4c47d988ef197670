"""Connected components on numpy edge lists (no graph library): min-label propagation with pointer jumping.

The same algorithm is what Spark's GraphFrames / splink's DuckDB and Spark clustering run as repeated joins;
here it is a few vectorised passes. Each pass: every edge pulls both ends to the smaller label, then every
label jumps to its label's label until stable.
"""

from __future__ import annotations

import numpy as np


def connected_components(n_nodes: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Component label per node (the smallest node index in its component)."""
    labels = np.arange(n_nodes, dtype=np.int64)
    if n_nodes == 0 or len(left) == 0:
        return labels
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    while True:
        low = np.minimum(labels[left], labels[right])
        before = labels.copy()
        np.minimum.at(labels, left, low)
        np.minimum.at(labels, right, low)
        np.minimum.at(labels, labels.copy(), labels.copy())  # a root adopts the smallest label pointing at it
        while True:  # pointer jumping: labels[i] <- labels[labels[i]] until every node points to a root
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped
        if np.array_equal(labels, before) and np.array_equal(labels[left], labels[right]):
            return labels


def count_components(n_nodes: int, left: np.ndarray, right: np.ndarray) -> int:
    """Number of connected components."""
    labels = connected_components(n_nodes, left, right)
    return int(np.unique(labels).size)
