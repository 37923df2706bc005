"""Candidate mentions found in one article, before any comparison.

An :class:`Item` is one extracted thing (a count, a sum of money, a date, a
quote, a name) with its span, its normalised value and what is needed to
compare it: a numeric interval (``lo``..``hi``), a key saying *what* is
counted, and a short human label used in notes.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from ..model import Article, Mention

# A figure followed by a capitalised name and a street word is an address
# ("1800 Pitkin Ave.", "221 Baker Street"): no count, no year.
STREET_AFTER = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){1,3}(?:Ave|Avenue|St|Street|Rd|Road|Blvd|Boulevard|Drive|Dr|Lane|Ln|"
    r"Way|Place|Pl|Court|Ct|Terrace|Parkway|Pkwy|Highway)\b")

INF = float("inf")
# What a count of elapsed time is counted in ("eight days ago", "served five months").
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})


@dataclass
class Item:
    kind: str
    article: str
    start: int
    end: int
    text: str
    value: Any = None
    lo: float = 0.0
    hi: float = 0.0
    approx: bool = False
    key: Optional[str] = None       # what is counted or named ("officer|injured", "pct")
    label: str = ""                 # for notes: "passengers hurt"
    passage: Optional[str] = None
    speaker: Optional[str] = None
    in_quote: bool = False
    extra: dict = field(default_factory=dict)

    def mention(self) -> Mention:
        return Mention(self.article, self.passage, self.start, self.end, self.text,
                       self.value, self.speaker)

    @property
    def exact(self) -> bool:
        return not self.approx and self.lo == self.hi


class PassageIndex:
    """Finds the passage holding an offset of one article (binary search)."""

    def __init__(self, article: Article):
        self.starts = [p.start for p in article.passages]
        self.passages = article.passages

    def position(self, passage_id: str) -> int:
        """Index of a passage of this article (ids end in its 1-based number)."""
        return int(passage_id.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) - 1

    def at(self, offset: int) -> Optional[str]:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.passages[i].start <= offset < self.passages[i].end:
            return self.passages[i].id
        return None


def span_item(article: Article, kind: str, start: int, end: int, **kwargs: Any) -> Item:
    """An item whose text is exactly ``article.text[start:end]``."""
    return Item(kind, article.id, start, end, article.text[start:end], **kwargs)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Taken:
    """Spans already claimed by an extractor, so later ones skip them."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))

    def hit(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.spans, (start, end))
        for j in (i - 1, i):
            if 0 <= j < len(self.spans) and overlaps(self.spans[j], (start, end)):
                return True
        # A long span starting earlier may cover this one.
        for j in range(max(0, i - 4), i):
            if overlaps(self.spans[j], (start, end)):
                return True
        return False
