"""Everything the facts stage pulls out of one article, in one pass.

Times, dates and numbers share a set of taken spans (so "9:15 a.m." is not
also the numbers 9 and 15, nor "June 3, 2019" the number 3); names and
quotes are found independently.  Items inside a quotation are marked.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from ..model import Article
from .dates import find_dates, find_times
from .items import Item, PassageIndex, Taken
from .names import NameHit, Person, find_names
from .numbers import find_numbers
from .quotes import find_quotes


@dataclass
class Extraction:
    article: Article
    quantities: list[Item]                      # number, money, percent, date, time
    quotes: list[Item]
    hits: list[NameHit]
    people: dict[str, Person]
    by_passage: dict[str, list[Item]] = field(default_factory=dict)
    index: PassageIndex = None  # type: ignore[assignment]


def extract(article: Article, reference_day: Optional[date] = None,
            date_matches: Optional[tuple[re.Match, ...]] = None) -> Extraction:
    """``reference_day``: when an undated article's comparison was told (:func:`.dates.told_when`);
    ``date_matches``: the article's :func:`.dates.date_matches`, when already read."""
    index = PassageIndex(article)
    taken = Taken()
    quantities = (find_times(article, taken) + find_dates(article, taken, reference_day, date_matches)
                  + find_numbers(article, taken))
    quantities.sort(key=lambda i: i.start)
    hits, people = find_names(article)
    quotes = find_quotes(article, hits, people)
    starts = [q.start for q in quotes]
    by_passage: dict[str, list[Item]] = {}
    for item in quantities:
        item.passage = index.at(item.start)
        k = bisect.bisect_right(starts, item.start) - 1
        item.in_quote = k >= 0 and quotes[k].start <= item.start < quotes[k].end
        if item.passage:
            by_passage.setdefault(item.passage, []).append(item)
    for q in quotes:
        q.passage = index.at(q.start)
    return Extraction(article, quantities, quotes, hits, people, by_passage, index)
