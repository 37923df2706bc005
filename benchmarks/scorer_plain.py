"""A trial sentence scorer through the scorer seam: the lexical features plus
how much two sentences share *beyond* names and numbers.  Measured, not shipped
unless docs/real-news.md says so:

    .venv/bin/python benchmarks/real_news.py --trial plain

Two sentences sharing "John Smith, 34" and nothing else ("was arrested by
police at his home" / "will appear before magistrates") score high on the
whole-sentence cosine; these features let the model see that the rest differs.
- ``plain_cos``: the cosine of the two sentences' TF-IDF vectors over the terms
  that are not numbers and that neither article writes as a name anywhere (a
  sentence's first word is capitalised anyway), each side renormalised;
- ``names_only``: 1 when every shared term is a name or a number.
"""
from __future__ import annotations

import math

NAME = "lexical+plain"


def _plain(vector: dict[str, float], names: frozenset[str]) -> dict[str, float]:
    kept = {t: w for t, w in vector.items() if t not in names and not t[:1].isdigit()}
    norm = math.sqrt(sum(w * w for w in kept.values())) or 1.0
    return {t: w / norm for t, w in kept.items()}


_NAMES: dict[int, tuple[object, frozenset[str]]] = {}


def _article_names(vectors) -> frozenset[str]:
    found = _NAMES.get(id(vectors))
    if found is None or found[0] is not vectors:
        if len(_NAMES) > 5000:
            _NAMES.clear()
        found = (vectors, frozenset().union(*vectors.names) if vectors.names else frozenset())
        _NAMES[id(vectors)] = found
    return found[1]


def extra(left, right, i: int, j: int) -> tuple[float, ...]:
    names = _article_names(left) | _article_names(right)
    a, b = left.sentences[i], right.sentences[j]
    shared = a.keys() & b.keys()
    pa, pb = _plain(a, names), _plain(b, names)
    if len(pa) > len(pb):
        pa, pb = pb, pa
    plain_cos = sum(w * pb.get(t, 0.0) for t, w in pa.items())
    names_only = float(bool(shared) and all(t in names or t[:1].isdigit() for t in shared))
    return (plain_cos, names_only)
