"""Candidate sentence pairs between two articles, each described by a few numbers.

The sentence scorer (:mod:`desktop.engine.scoring`) turns these numbers into
the probability that the two sentences tell the same thing; the training
script (``scripts/train_models.py``) fits that model on the same numbers, so
this module is the one definition of what a pair "looks like".

Only promising pairs become candidates (each sentence's few best partners by
lexical similarity, in both directions): scoring every pair of two long
articles would cost far more than it could find.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .features import Vector, rare_weighted, rarity
from .matching import rule_matches

FEATURES = (
    "sentence_cos",   # TF-IDF cosine of the two sentences
    "clause_cos",     # best cosine of a clause of one with the whole other sentence
    "row_best",       # 1 / (1 + rank of this partner among the left sentence's partners)
    "col_best",       # the same from the right sentence's side
    "row_margin",     # score minus the best other partner's score, left side
    "col_margin",     # the same, right side
    "shared_plain",   # log(1 + shared content terms that are not names)
    "shared_names",   # log(1 + shared names and places)
    "shared_stock",   # log(1 + shared terms the whole comparison repeats: the story's subject)
    "shared_numbers", # 1 when a number appears in both
    "phrase",         # 1 when the two repeat a phrase of two content words (not the story's stock)
    "short_len",      # log(1 + terms of the shorter sentence)
    "len_ratio",      # terms of the shorter / terms of the longer
    "cover_short",    # share of the shorter sentence's weight that the other repeats
    "cover_long",     # share of the longer sentence's weight that the other repeats
    "mutual",         # 1 when each sentence is the other's best partner
    "mutual_cos",     # the sentence cosine when mutual, else 0
    "greedy",         # 1 when a one-to-one matching, strongest pair first, keeps this pair
    "greedy_cos",     # the score when kept by that matching, else 0
    "rule_match",     # 1 when the earlier hand-set matching rules link the pair (see matching)
    "rare_cos",       # cosine with each term weighed by how rare it is in English (features.rarity)
    "rare_shared",    # log(1 + the shared terms' English rarity, summed)
    "bias",
)
CANDIDATES_PER_SENTENCE = 4
CLAUSE_WEIGHT = 0.75  # a clause matching a whole sentence counts at this discount
CANDIDATE_FLOOR = 0.06


@dataclass(frozen=True)
class Candidates:
    """Candidate pairs (left index, right index) and one feature row per pair."""

    pairs: list[tuple[int, int]]
    rows: list[tuple[float, ...]]


def sparse_similarity(left: list[Vector], right: list[Vector]) -> list[dict[int, float]]:
    """Cosine of every left vector with the right vectors it shares a term with."""
    index: dict[str, list[tuple[int, float]]] = {}
    for j, vec in enumerate(right):
        for term, weight in vec.items():
            index.setdefault(term, []).append((j, weight))
    rows = []
    for vec in left:
        row: dict[int, float] = {}
        for term, weight in vec.items():
            for j, other in index.get(term, ()):
                row[j] = row.get(j, 0.0) + weight * other
        rows.append(row)
    return rows


def _clause_best(left, right) -> dict[tuple[int, int], float]:
    """Best clause-to-sentence cosine for each pair, clauses taken from either side."""
    best: dict[tuple[int, int], float] = {}
    for k, row in enumerate(sparse_similarity(left.clauses, right.sentences)):
        i = left.owners[k]
        for j, s in row.items():
            if s > best.get((i, j), 0.0):
                best[(i, j)] = s
    for k, row in enumerate(sparse_similarity(right.clauses, left.sentences)):
        j = right.owners[k]
        for i, s in row.items():
            if s > best.get((i, j), 0.0):
                best[(i, j)] = s
    return best


def _top(scores: dict[int, float], count: int) -> list[tuple[int, float]]:
    return sorted(scores.items(), key=lambda item: -item[1])[:count]


def candidates(left, right, clause_weight: float = CLAUSE_WEIGHT,
               per_sentence: int = CANDIDATES_PER_SENTENCE,
               floor: float = CANDIDATE_FLOOR) -> Candidates:
    """Each sentence's best partners on the other side, with their features.

    ``left`` and ``right`` are :class:`desktop.engine.align.SentenceVectors`.
    """
    sentence = sparse_similarity(left.sentences, right.sentences)
    clause = _clause_best(left, right)
    combined: list[dict[int, float]] = [dict(row) for row in sentence]
    for (i, j), s in clause.items():
        value = clause_weight * s
        if value > combined[i].get(j, 0.0):
            combined[i][j] = value
    columns: list[dict[int, float]] = [{} for _ in right.sentences]
    for i, row in enumerate(combined):
        for j, s in row.items():
            columns[j][i] = s
    row_top = [_top(row, per_sentence + 1) for row in combined]
    col_top = [_top(col, per_sentence + 1) for col in columns]
    chosen: set[tuple[int, int]] = set()
    for i, top in enumerate(row_top):
        chosen.update((i, j) for j, s in top[:per_sentence] if s >= floor)
    for j, top in enumerate(col_top):
        chosen.update((i, j) for i, s in top[:per_sentence] if s >= floor)

    kept = _greedy(chosen, combined)
    ruled = rule_matches(left, right, combined)
    chosen |= ruled
    rare_l = left.rare or tuple(rare_weighted(v) for v in left.sentences)
    rare_r = right.rare or tuple(rare_weighted(v) for v in right.sentences)
    lengths_l = [len(v) for v in left.sentences]
    lengths_r = [len(v) for v in right.sentences]
    pairs, rows = [], []
    for i, j in sorted(chosen):
        s = combined[i][j]
        a, b = left.sentences[i], right.sentences[j]
        pairs.append((i, j))
        rows.append(_row(s, sentence[i].get(j, 0.0), clause.get((i, j), 0.0),
                         row_top[i], col_top[j], i, j, a, b, lengths_l[i], lengths_r[j],
                         left.share_phrase(i, right, j), (i, j) in kept,
                         len(left.names[i] & right.names[j]), (i, j) in ruled, left.stock,
                         rare_l[i], rare_r[j]))
    return Candidates(pairs, rows)


def _greedy(pairs, combined) -> set[tuple[int, int]]:
    """Pairs a one-to-one matching keeps, taking the strongest free pair first.

    Outlets mostly retell a point once, so the pair that wins this matching
    is far more often right than one that lost its sentence to a better match.
    """
    used_l, used_r, kept = set(), set(), set()
    for i, j in sorted(pairs, key=lambda ij: -combined[ij[0]][ij[1]]):
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            kept.add((i, j))
    return kept


def _rank_and_margin(top: list[tuple[int, float]], key: int, score: float) -> tuple[float, float]:
    rank = next((n for n, (k, _) in enumerate(top) if k == key), len(top))
    others = [s for k, s in top if k != key]
    margin = score - (others[0] if others else 0.0)
    return 1.0 / (1 + rank), margin


def _row(s, sentence_cos, clause_cos, row_top, col_top, i, j, a: Vector, b: Vector,
         len_a, len_b, phrase, greedy, names, ruled, stock, rare_a: Vector,
         rare_b: Vector) -> tuple[float, ...]:
    row_best, row_margin = _rank_and_margin(row_top, j, s)
    col_best, col_margin = _rank_and_margin(col_top, i, s)
    if len(a) > len(b):
        short, long_ = b, a
    else:
        short, long_ = a, b
    shared = short.keys() & long_.keys()
    names = min(names, len(shared))
    # One pass over the shared terms (a candidate row is built for every candidate pair):
    # the rarity-weighted cosine needs no other terms, since a term only one side has
    # adds nothing to it.
    numbers = False
    cover_short = cover_long = rare_cos = rarity_sum = 0.0
    for t in shared:
        cover_short += short[t] ** 2
        cover_long += long_[t] ** 2
        rare_cos += rare_a.get(t, 0.0) * rare_b.get(t, 0.0)
        rarity_sum += rarity(t)
        numbers = numbers or t.isdigit()
    shorter, longer = min(len_a, len_b), max(len_a, len_b)
    mutual = float(row_best == 1.0 and col_best == 1.0)
    return (
        sentence_cos, clause_cos, row_best, col_best, row_margin, col_margin,
        math.log1p(len(shared) - names), math.log1p(names), math.log1p(len(shared & stock)),
        float(numbers), float(phrase),
        math.log1p(shorter), shorter / longer if longer else 0.0,
        cover_short, cover_long, mutual, mutual * s, float(greedy), greedy * s, float(ruled),
        rare_cos, math.log1p(rarity_sum), 1.0,
    )
