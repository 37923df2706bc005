"""MinHash signatures and LSH banding in pure Python (no numpy).

One-permutation hashing with densification (Shrivastava 2017): every
shingle is hashed once (64-bit BLAKE2b, the same in every process and on
every run, so signatures can be stored and compared later), its top bits
pick one of ``size`` bins and the rest is the value kept if it is the bin's
smallest; an empty bin borrows from the next filled bin to its right.  This
costs one hash per shingle instead of one per shingle *and* permutation, which
is what makes pure Python fast enough (``benchmarks/corpus_scale.py``
measures it against ``datasketch``).

Public verbs: :func:`signature` and :func:`lsh_buckets`.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Iterable

_BITS = 64
_EMPTY = 1 << _BITS


@lru_cache(maxsize=1 << 18)
def _hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8", "surrogatepass"),
                                          digest_size=8).digest(), "little")


def signature(shingles: Iterable[str], size: int = 64) -> tuple[int, ...]:
    """The MinHash signature of a set of shingles: ``size`` integers.

    Two signatures agree at a position with probability close to the Jaccard
    similarity of the two sets.  ``size`` must be a power of two.  An empty
    set gives a signature that agrees with nothing but another empty one.
    """
    if size & (size - 1) or size <= 0:
        raise ValueError("signature size must be a power of two")
    shift = _BITS - size.bit_length() + 1
    mask = (1 << shift) - 1
    bins = [_EMPTY] * size
    for shingle in set(shingles):
        h = _hash(shingle)
        slot, value = h >> shift, h & mask
        if value < bins[slot]:
            bins[slot] = value
    if all(b == _EMPTY for b in bins):
        return tuple(bins)
    out = list(bins)
    for slot in range(size):
        if bins[slot] != _EMPTY:
            continue
        step = 1
        while bins[(slot + step) % size] == _EMPTY:
            step += 1
        # Borrowed values are offset by the distance, so that two sets only
        # agree here when they borrowed the same value from the same distance.
        out[slot] = bins[(slot + step) % size] + (step << shift)
    return tuple(out)


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the two sets behind two signatures."""
    return sum(1 for x, y in zip(a, b) if x == y) / max(1, len(a))


def lsh_buckets(signatures: Iterable[tuple[int, ...]], rows: int) -> dict[tuple, list[int]]:
    """Band the signatures ``rows`` values at a time: (band, values) -> article numbers.

    Articles that share a bucket in any band are candidate pairs; with ``b``
    bands of ``r`` rows, two sets of Jaccard ``s`` meet with probability
    ``1 - (1 - s**r)**b``.
    """
    buckets: dict[tuple, list[int]] = {}
    for number, sig in enumerate(signatures):
        for band in range(len(sig) // rows):
            key = (band, *sig[band * rows:(band + 1) * rows])
            buckets.setdefault(key, []).append(number)
    return buckets
