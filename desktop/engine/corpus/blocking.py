"""Candidate pairs without comparing every two articles: MinHash/LSH blocking.

Each article is reduced to its *key terms*: the ``KEY_TERMS`` stemmed
content words that are most its own (TF-IDF against the whole corpus:
names, places, the rare verbs of the event).  Reports of one event share a
few of them; reports of other events almost never do (on ECB+, 97% of
article pairs from different topics share none of their top 20, against
1.5% of same-event pairs).  MinHash signatures of these sets, banded one
value per band (:mod:`.minhash`), find the articles that share key terms in
time linear in the corpus; each article keeps its ``NEIGHBOURS`` closest
candidates by exact key-term overlap, so the candidate list stays linear
too.  Dates block as well: two articles whose publication dates are both
known and more than ``window_days`` apart are never candidates, and they
do not even meet in a bucket unless their dates fall in the same or
neighbouring ``window_days``-wide slots, so a corpus spanning years costs
no more per article than one spanning a month.

:func:`block_into_groups` then cuts the candidate graph into blocks of at
most ``max_block`` articles (single linkage, strongest pair first, refusing
joins past the size), so that the engine's same-event decision runs on
small sets, like a comparison in the app.

Public verbs: :func:`key_terms`, :func:`candidate_pairs`, :func:`block_into_groups`.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter
from datetime import date
from itertools import combinations
from typing import Iterator, Optional, Sequence

from ..features import content_terms
from .minhash import signature

KEY_TERMS = 20
NEIGHBOURS = 10
SIGNATURE = 64
MIN_OVERLAP = 0.04  # key-term Jaccard below this is no evidence (one shared term in 20 is 0.026)
MAX_BUCKET = 2000  # a bucket this large is a word of the whole corpus, not of a story


def terms_of(text: str) -> Counter:
    """Stemmed content terms of a text with their counts (the engine's own tokenizer)."""
    return Counter(term.lstrip("@") for term in content_terms(text))


def key_terms(counts: Counter, df: Counter, documents: int, k: int = KEY_TERMS) -> frozenset[str]:
    """The ``k`` terms of one article that are most its own: TF-IDF against the corpus.

    Terms found in one article only cannot link it to another and are skipped.
    """
    score = {t: (1.0 + math.log(n)) * math.log(documents / df[t])
             for t, n in counts.items() if df.get(t, 0) > 1}
    return frozenset(sorted(score, key=lambda t: (-score[t], t))[:k])


def _days_apart(a: Optional[str], b: Optional[str]) -> Optional[int]:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def _slot(published: Optional[str], window_days: Optional[int]) -> Optional[int]:
    """The stretch of ``window_days`` days an article's date falls in; None when undated (or no window)."""
    if window_days is None or not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal() // max(1, window_days)
    except ValueError:
        return None


def _meetings(members: list[int], slots: Sequence[Optional[int]]) -> Iterator[tuple[int, int]]:
    """The pairs (a < b) of one LSH bucket whose dates may lie within the window.

    Blocking by date as well as by terms: two dated articles meet only in
    the same or neighbouring slots (so a corpus spanning years never pairs
    its months), an undated article meets every other.  A slot's group (or
    the undated group) of more than ``MAX_BUCKET`` is a word of the whole
    period, not of a story, and is skipped.
    """
    groups: dict[Optional[int], list[int]] = {}
    for number in members:
        groups.setdefault(slots[number], []).append(number)
    undated = groups.pop(None, [])
    if len(undated) > MAX_BUCKET:
        undated = []
    yield from combinations(undated, 2)
    for slot, group in groups.items():
        if len(group) > MAX_BUCKET:
            continue
        yield from combinations(group, 2)
        later = groups.get(slot + 1, ())
        if len(later) <= MAX_BUCKET:
            yield from ((min(a, b), max(a, b)) for a in group for b in later)
        yield from ((min(a, b), max(a, b)) for a in group for b in undated)


def candidate_pairs(keys: Sequence[frozenset[str]], dates: Sequence[Optional[str]] = (),
                    window_days: Optional[int] = 30, neighbours: int = NEIGHBOURS,
                    min_overlap: float = MIN_OVERLAP) -> dict[tuple[int, int], float]:
    """(a, b) with a < b -> key-term Jaccard, for the pairs worth the engine's decision.

    The LSH buckets are built one band at a time and each article keeps
    only its ``neighbours`` best candidates so far, so memory grows with
    the corpus, not with the pairs its buckets hold.
    """
    count = len(keys)
    signatures = [signature(k, SIGNATURE) for k in keys]
    slots = [_slot(d, window_days) for d in dates] if dates else [None] * count
    best: list[list[tuple[float, int]]] = [[] for _ in keys]  # min-heaps of (overlap, other)
    seen: set[int] = set()
    for band in range(SIGNATURE):
        buckets: dict[int, list[int]] = {}
        for number, sig in enumerate(signatures):
            buckets.setdefault(sig[band], []).append(number)
        for members in buckets.values():
            if len(members) < 2:
                continue
            for a, b in _meetings(members, slots):
                if a * count + b in seen:
                    continue
                seen.add(a * count + b)
                union = len(keys[a] | keys[b])
                overlap = len(keys[a] & keys[b]) / union if union else 0.0
                if overlap < min_overlap:
                    continue
                if dates and window_days is not None:
                    days = _days_apart(dates[a], dates[b])
                    if days is not None and days > window_days:
                        continue
                for one, other in ((a, b), (b, a)):
                    heap = best[one]
                    if len(heap) < neighbours:
                        heapq.heappush(heap, (overlap, other))
                    elif (overlap, other) > heap[0]:
                        heapq.heapreplace(heap, (overlap, other))
    pairs: dict[tuple[int, int], float] = {}
    for a, found in enumerate(best):
        for overlap, b in found:
            pairs[(min(a, b), max(a, b))] = overlap
    return pairs


def block_into_groups(count: int, pairs: dict[tuple[int, int], float], max_block: int) -> list[list[int]]:
    """Articles cut into blocks of at most ``max_block`` along the strongest candidate pairs.

    Every article is in exactly one block; blocks are sorted by first article.
    """
    parent = list(range(count))
    size = [1] * count

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for (a, b), _ in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        ra, rb = root(a), root(b)
        if ra == rb or size[ra] + size[rb] > max_block:
            continue
        if size[ra] < size[rb]:
            ra, rb = rb, ra
        parent[rb] = ra
        size[ra] += size[rb]
    groups: dict[int, list[int]] = {}
    for k in range(count):
        groups.setdefault(root(k), []).append(k)
    return sorted(groups.values(), key=lambda g: g[0])
