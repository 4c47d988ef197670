"""MinHash text signatures: near-duplicate ad text without storing the text.

The store keeps, per observation, `text_signature` = the MinHash of the ad text's word 3-shingles (after
folding case, accents and punctuation). Two texts' Jaccard similarity is estimated by the share of equal
positions.
A signature reveals nothing readable: each entry is the minimum of a universal hash (a*x+b mod 2^31-1) over
shingles.
"""

from __future__ import annotations

import hashlib

import numpy as np

from zicht.refdata import fold

SIGNATURE_SIZE = 64  # 16 LSH bands of 4 rows (see candidates.py)
SHINGLE_WORDS = 3
_PRIME = np.uint64((1 << 31) - 1)  # Mersenne prime: a * x < 2^62 fits in uint64, no overflow
_rng = np.random.default_rng(20210825)
_A = _rng.integers(1, (1 << 31) - 1, SIGNATURE_SIZE, dtype=np.uint64)
_B = _rng.integers(0, (1 << 31) - 1, SIGNATURE_SIZE, dtype=np.uint64)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word shingles of the folded text; a text shorter than `size` words is one shingle."""
    words = fold(text).split()
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _hash31(values: set[str]) -> np.ndarray:
    out = np.fromiter(
        (int.from_bytes(hashlib.blake2b(v.encode(), digest_size=8).digest(), "little") for v in values),
        dtype=np.uint64,
        count=len(values),
    )
    return out % _PRIME


def text_signature(text: str | None) -> list[int] | None:
    """The MinHash signature (SIGNATURE_SIZE unsigned 64-bit ints) of a text; None for an empty text."""
    if not text:
        return None
    found = shingles(text)
    if not found:
        return None
    values = _hash31(found)
    hashed = (_A[:, None] * values[None, :] + _B[:, None]) % _PRIME
    return [int(v) for v in hashed.min(axis=1)]


def signature_jaccard(left: list[int] | None, right: list[int] | None) -> float | None:
    """Estimated Jaccard similarity of two texts from their signatures (None when either is missing)."""
    if left is None or right is None or len(left) != len(right) or not left:
        return None
    return sum(a == b for a, b in zip(left, right, strict=True)) / len(left)
