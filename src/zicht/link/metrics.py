"""Clustering quality from contingency counts: never enumerates the pairs inside a large cluster.

Both measures compare a predicted label and a true label per item (here: per ad).
- pairwise: a pair of items is a predicted match when both carry the same predicted label, a true match when
  they carry the same true label. TP = sum over contingency cells of C(n_ij, 2).
- B-cubed (Bagga and Baldwin 1998): per item, precision = |its predicted cluster & its true cluster| / |its
  predicted cluster|, recall = the same over its true cluster; averaged over items. Equals
  sum_ij n_ij^2 / |P_i| / N (precision) and sum_ij n_ij^2 / |T_j| / N (recall).
"""

from __future__ import annotations

from typing import Any

import numpy as np


def _codes(labels: Any) -> np.ndarray:
    return np.unique(np.asarray(labels), return_inverse=True)[1].astype(np.int64).ravel()


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _pairs(counts: np.ndarray) -> float:
    counts = counts.astype(np.float64)
    return float((counts * (counts - 1) / 2).sum())


def contingency(predicted: Any, truth: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Cell counts n_ij with their predicted and true cluster sizes, plus the cell's (pred, truth) codes."""
    pred = _codes(predicted)
    true = _codes(truth)
    if pred.shape != true.shape:
        raise ValueError("predicted and true labels must have one entry per item")
    cells, cell_counts = np.unique(np.stack([pred, true], axis=1), axis=0, return_counts=True)
    pred_sizes = np.bincount(pred)
    true_sizes = np.bincount(true)
    return cell_counts, pred_sizes[cells[:, 0]], true_sizes[cells[:, 1]], cells


def clustering_metrics(predicted: Any, truth: Any) -> dict[str, dict[str, float]]:
    """Pairwise and B-cubed precision, recall and F1 of a clustering against the truth.

    With no predicted (or true) pairs at all, pairwise precision (recall) is 1.0 by convention.
    """
    if len(np.asarray(predicted)) == 0:
        one = {"precision": 1.0, "recall": 1.0, "f1": 1.0}
        return {"pairwise": dict(one), "bcubed": dict(one)}
    n_ij, pred_size, true_size, _ = contingency(predicted, truth)
    total = float(n_ij.sum())
    tp = _pairs(n_ij)
    pred_pairs = _pairs(np.bincount(_codes(predicted)))
    true_pairs = _pairs(np.bincount(_codes(truth)))
    p_pair = tp / pred_pairs if pred_pairs else 1.0
    r_pair = tp / true_pairs if true_pairs else 1.0
    sq = n_ij.astype(np.float64) ** 2
    p_b3 = float((sq / pred_size).sum() / total)
    r_b3 = float((sq / true_size).sum() / total)
    return {
        "pairwise": {"precision": p_pair, "recall": r_pair, "f1": _f1(p_pair, r_pair)},
        "bcubed": {"precision": p_b3, "recall": r_b3, "f1": _f1(p_b3, r_b3)},
    }
