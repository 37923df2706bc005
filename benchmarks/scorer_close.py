"""A trial sentence scorer through the scorer seam: the lexical features plus
whether two sentences give figures close to each other.  Measured, not shipped
unless docs/real-news.md says so:

    .venv/bin/python benchmarks/real_news.py --trial close

Reports of one point round their counts their own way: "About 1,200 members …
walked off the job" / "Nearly 1,150 dock workers went on strike", "postponed 214
scheduled surgeries" / "About 200 planned operations were called off",
"destroyed 17 homes" / "Nineteen homes have been lost".  The shared-number
feature needs the same digits.  ``close_figure`` is 1 when the two sentences
give figures of 10 or more (not years) within a quarter of each other;
``close_and_counted`` when such a figure also counts one content word in both.
"""
from __future__ import annotations

from functools import lru_cache

from scorer_counts import _NUMBER, _VALUES, _counts

NAME = "lexical+close"


@lru_cache(maxsize=100_000)
def figures(text: str) -> frozenset[float]:
    out = set()
    for match in _NUMBER.finditer(text):
        raw = match.group().lower().replace(",", "")
        raw = _VALUES.get(raw, raw)
        try:
            value = float(raw)
        except ValueError:
            continue
        if value < 10 or (1900 <= value <= 2100 and "." not in raw):
            continue
        out.add(value)
    return frozenset(out)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.25 * max(a, b)


def extra(left, right, i: int, j: int) -> tuple[float, ...]:
    a, b = figures(left.texts[i]), figures(right.texts[j])
    close = any(_close(x, y) for x in a for y in b)
    counted = False
    if close:
        ca, cb = _counts(left.texts[i]), _counts(right.texts[j])
        counted = any(_close(float(x), float(y)) for u in ca.keys() & cb.keys()
                      for x in ca[u] for y in cb[u] if x.replace(".", "").isdigit() and y.replace(".", "").isdigit())
    return (float(close), float(counted))
