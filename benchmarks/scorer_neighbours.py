"""A trial sentence scorer through the scorer seam: the lexical features plus
whether the two sentences' neighbours are matched too.  Measured, not shipped
unless docs/real-news.md says so:

    .venv/bin/python benchmarks/real_news.py --trial neighbours

Outlets reorder, but locally they often keep the order of a passage: when
the sentences just before and just after two sentences are each other's
one-to-one match, the two in between tell the same thing more often than
their own words show ("No one was killed" / "Remarkably, there were no
fatalities").  ``nb_best`` is the higher, ``nb_both`` the lower of the
one-to-one match strengths of the pairs (i-1, j-1) and (i+1, j+1).
docs/real-news.md gives what it and two variants measured (strict recall up
0.03, but the pairs it adds read right 12 times in 30).
"""
from __future__ import annotations

from desktop.engine.pair_features import FEATURES, candidates

NAME = "lexical+neighbours"
_GREEDY_COS = FEATURES.index("greedy_cos")
_cache: list = [None, None, {}]


def _kept(left, right) -> dict[tuple[int, int], float]:
    if _cache[0] is not left or _cache[1] is not right:
        found = candidates(left, right)
        _cache[:] = [left, right, {pair: row[_GREEDY_COS] for pair, row in zip(found.pairs, found.rows)
                                   if row[_GREEDY_COS] > 0}]
    return _cache[2]


def extra(left, right, i: int, j: int) -> tuple[float, ...]:
    kept = _kept(left, right)
    before, after = kept.get((i - 1, j - 1), 0.0), kept.get((i + 1, j + 1), 0.0)
    return (max(before, after), min(before, after))
