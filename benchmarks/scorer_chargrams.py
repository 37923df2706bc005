"""A trial sentence scorer through the scorer seam: the lexical features plus
how alike two sentences' *spellings* are.  Measured, not shipped unless
docs/real-news.md says so:

    .venv/bin/python benchmarks/real_news.py --trial chargrams

Stemmed terms match only when the stems are equal: "Kowalski" and "Kowalsky",
"evacuees" and "evacuation", "fatalities" and "fatal", "Teixeira" and "Texeira"
share nothing.  Character 4-grams of the content words (a word padded with
spaces at both ends) do.
- ``gram_cos``: cosine of the two sentences' 4-gram counts over their content words;
- ``gram_rest``: the same over the words the two do not share as written, so
  that it adds what the term cosine cannot already see.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from desktop.engine.features import _stopwords

NAME = "lexical+chargrams"
_WORD = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=200_000)
def _words(text: str) -> frozenset[str]:
    stop = _stopwords()
    return frozenset(w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in stop)


def _grams(words) -> Counter:
    out: Counter = Counter()
    for w in words:
        padded = f" {w} "
        out.update(padded[k:k + 4] for k in range(len(padded) - 3))
    return out


def _cos(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(n * b.get(g, 0) for g, n in a.items())
    return dot / math.sqrt(sum(n * n for n in a.values()) * sum(n * n for n in b.values()))


def extra(left, right, i: int, j: int) -> tuple[float, ...]:
    a, b = _words(left.texts[i]), _words(right.texts[j])
    shared = a & b
    return (_cos(_grams(a), _grams(b)), _cos(_grams(a - shared), _grams(b - shared)))
