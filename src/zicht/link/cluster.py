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


def constrained_components(
    n_nodes: int,
    left: np.ndarray,
    right: np.ndarray,
    probability: np.ndarray,
    threshold: float,
    cannot_below: float,
) -> np.ndarray:
    """Clusters from links with probability >= `threshold`, taken strongest first, where a link is refused
    when it would put two ads in one cluster that the model scored below `cannot_below` (a cannot-link: e.g.
    two ads online at the same time with different phones, or one intermediary phone with two names).

    Plain connected components let one weak chain (same name, same age, different phones, months apart)
    join two people whose other ads contradict it; this is the greedy form of correlation clustering.
    Returns the label per node: the smallest node index of its cluster, like `connected_components`.
    """
    return constrained_labels(
        n_nodes, left, right, probability >= threshold, probability < cannot_below, probability
    )


def constrained_labels(
    n_nodes: int,
    left: np.ndarray,
    right: np.ndarray,
    link: np.ndarray,
    cannot: np.ndarray,
    strength: np.ndarray,
) -> np.ndarray:
    """`constrained_components` with the decisions given: pairs where `link` holds are merged in order of
    decreasing `strength` unless a pair where `cannot` holds would end up inside one cluster.

    Components without an inner cannot-link (almost all) are taken as they are, in numpy; only the others
    are rebuilt link by link with a union-find in Python.
    """
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    labels = connected_components(n_nodes, left[link], right[link])
    clash = cannot & (labels[left] == labels[right])
    if not clash.any():
        return labels
    bad = np.zeros(n_nodes, dtype=bool)
    bad[labels[left[clash]]] = True
    in_bad = bad[labels]  # nodes of components that need the careful rebuild
    parent = np.where(in_bad, np.arange(n_nodes), labels).tolist()
    blocked: dict[int, set[int]] = {}
    inner = cannot & in_bad[left] & (labels[left] == labels[right])
    for a, b in zip(left[inner].tolist(), right[inner].tolist(), strict=True):
        blocked.setdefault(a, set()).add(b)
        blocked.setdefault(b, set()).add(a)

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    chosen = np.flatnonzero(link & in_bad[left])
    chosen = chosen[np.argsort(-strength[chosen], kind="stable")]
    for a, b in zip(left[chosen].tolist(), right[chosen].tolist(), strict=True):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        na, nb = blocked.get(ra, set()), blocked.get(rb, set())
        if len(na) > len(nb):
            ra, rb, na, nb = rb, ra, nb, na
        if any(find(x) == rb for x in na):
            continue
        parent[ra] = rb
        if na:
            blocked[rb] = nb | na
            blocked.pop(ra, None)
    roots = labels.copy()
    rebuilt = np.flatnonzero(in_bad)
    roots[rebuilt] = [find(x) for x in rebuilt.tolist()]
    smallest = np.full(n_nodes, n_nodes, dtype=np.int64)
    np.minimum.at(smallest, roots, np.arange(n_nodes, dtype=np.int64))
    return smallest[roots]
