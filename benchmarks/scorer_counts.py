"""A trial sentence scorer through the scorer seam: the lexical features plus
whether two sentences count the same thing.  Measured, not shipped unless
docs/real-news.md says so:

    .venv/bin/python benchmarks/real_news.py --trial counts

"The Cedar Gulch Fire has destroyed 17 homes" and "Nineteen homes have been
lost" share one content word; both count homes.  ``same_count`` is 1 when the
two sentences give a number (digits or a number word, not a year) before one
content word (the thing counted); ``same_value`` is 1 when one such count also
agrees.
"""
from __future__ import annotations

import re
from functools import lru_cache

from desktop.engine.features import cased_content_terms

NAME = "lexical+counts"

_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
          "eighty ninety hundred thousand million dozen dozens hundreds thousands").split()
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|\b(?:" + "|".join(_WORDS) + r")\b", re.IGNORECASE)
_VALUES = {w: str(n) for n, w in enumerate(_WORDS[:19], start=1)}
_VALUES.update({w: str(n) for n, w in zip(range(20, 100, 10), _WORDS[19:27])})
_NOT_UNITS = frozenset({"percent", "year", "month", "day", "week", "hour", "minut", "time"})


@lru_cache(maxsize=100_000)
def _counts(text: str) -> dict[str, frozenset[str]]:
    """unit -> values: each number (not a year) under the content word after it."""
    out: dict[str, set[str]] = {}
    for match in _NUMBER.finditer(text):
        value = match.group().lower().replace(",", "")
        value = _VALUES.get(value, value)
        if len(value) == 4 and value[:2] in ("19", "20"):
            continue
        after = cased_content_terms(text[match.end():match.end() + 40])
        unit = next((t.lstrip("@") for t, _ in after if not t.lstrip("@")[:1].isdigit()
                     and t.lstrip("@").lower() not in _WORDS), "")
        if unit and unit not in _NOT_UNITS:
            out.setdefault(unit, set()).add(value)
    return {unit: frozenset(values) for unit, values in out.items()}


def extra(left, right, i: int, j: int) -> tuple[float, ...]:
    a, b = _counts(left.texts[i]), _counts(right.texts[j])
    common = a.keys() & b.keys()
    return (float(bool(common)), float(any(a[u] & b[u] for u in common)))
