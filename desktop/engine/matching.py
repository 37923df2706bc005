"""The earlier hand-set matching rules, kept as one piece of evidence for the scorer.

Before the decisions were learned, two sentences were linked by rules:
one-to-one, strongest first; a weak match only when each sentence was the
other's best partner; short sentences had to share real words, not names
alone; one sentence could match two neighbours read together.  Those rules
were tuned on the project's own cases and are precise on them, so their
verdict on a pair is one feature among others (``rule_match`` in
:mod:`desktop.engine.pair_features`): the learned model decides how far to
trust it on real news.
"""
from __future__ import annotations

from .features import Vector, combine, cosine

MATCH = 0.17      # weakest cosine a rule match may have
STRONG = 0.40     # above this a match need not be each sentence's best partner
SPLIT = 0.10      # each half of a split must reach this
MIN_TERMS = 2     # a sentence with fewer content terms matches nothing
SHORT_TERMS = 3   # below this, two sentences must share 1.5 terms (names count half)


def rule_matches(left, right, combined: list[dict[int, float]]) -> set[tuple[int, int]]:
    """Pairs (i, j) the rules link; ``combined[i][j]`` is the pair's sentence or
    discounted clause similarity, as :func:`desktop.engine.pair_features.candidates` has it."""
    lv, rv = left.sentences, right.sentences
    scores = {(i, j): s for i, row in enumerate(combined) for j, s in row.items()}
    eligible = sorted(((s, i, j) for (i, j), s in scores.items()
                       if s >= SPLIT and _enough_shared(lv[i], rv[j], left.names[i] & right.names[j])),
                      reverse=True)
    best_left: dict[int, float] = {}
    best_right: dict[int, float] = {}
    for s, i, j in eligible:
        best_left[i] = max(best_left.get(i, 0.0), s)
        best_right[j] = max(best_right.get(j, 0.0), s)
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs: set[tuple[int, int]] = set()
    for s, i, j in eligible:
        if s < MATCH:
            break
        if i in used_left or j in used_right:
            continue
        if s < STRONG and (s < best_left[i] or s < best_right[j]):
            continue
        used_left.add(i)
        used_right.add(j)
        pairs.add((i, j))
    # One sentence told as two neighbouring free sentences on the other side.
    for i in range(len(lv)):
        if i in used_left:
            continue
        best = None
        for j in range(len(rv) - 1):
            if j in used_right or j + 1 in used_right:
                continue
            if min(scores.get((i, j), 0.0), scores.get((i, j + 1), 0.0)) < SPLIT:
                continue
            s = cosine(lv[i], combine(rv[j], rv[j + 1]))
            if s >= MATCH and (best is None or s > best[1]):
                best = (j, s)
        if best:
            used_left.add(i)
            used_right.update((best[0], best[0] + 1))
            pairs.update(((i, best[0]), (i, best[0] + 1)))
    return pairs


def _enough_shared(a: Vector, b: Vector, shared_names: frozenset[str]) -> bool:
    """Short sentences reach high cosines on one shared word: ask for substance."""
    if min(len(a), len(b)) < MIN_TERMS:
        return False
    common = a.keys() & b.keys()
    names = len(common & shared_names)
    plain = len(common) - names
    if plain == 0:
        return False  # names alone do not make two sentences tell the same thing
    if min(len(a), len(b)) >= SHORT_TERMS:
        return True
    return plain + 0.5 * names >= 1.5
