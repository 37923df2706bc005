"""Facts that differ between articles (numbers, money, dates, names, quotes).

``find_facts`` extracts from every related article (:mod:`.extract`), then
compares: quantities inside aligned groups and counts of one specific thing
across whole articles (:mod:`.quantities`), quotations by their words
(:mod:`.quote_facts`), people by surname (:mod:`.people`).  What only one
article gives is reported as ``single`` (numbers, money, percentages, dates,
times and quotes inside passages; not every name).  Ids run F1, F2, ...
conflicts first, then agreements, then singles, each in reading order.
"""
from __future__ import annotations

from typing import Optional

from ..errors import Cancelled
from ..model import CancelFn, Comparison, Fact, FactStatus
from .distances import distance_facts
from .dates import date_matches, told_when
from .draft import Draft, fold_repeats
from .extract import extract
from .gate import Scene
from .people import people_facts
from .quantities import article_facts, extend_conflicts, group_facts, leftover_facts, sentence_facts, time_count_facts, date_facts, purpose_facts, weight_facts
from .quote_facts import quote_facts, single_quotes

_STATUS_ORDER = {FactStatus.CONFLICT: 0, FactStatus.AGREE: 1, FactStatus.SINGLE: 2}


def find_facts(comparison: Comparison, should_cancel: Optional[CancelFn] = None) -> list[Fact]:
    def cancelled() -> bool:
        return should_cancel is not None and should_cancel()

    def check() -> None:
        if cancelled():
            raise Cancelled("comparison cancelled")

    articles = [a for a in comparison.articles if a.related]
    if not articles:
        return []
    extractions = {}
    matches = [date_matches(a.text) for a in articles]
    reference_day = told_when(articles, matches)
    for article, found in zip(articles, matches):
        check()
        extractions[article.id] = extract(article, reference_day, found)
    related = set(extractions)
    passage_groups: dict[str, str] = {}
    for group in comparison.groups:
        for pid in group.passages:
            passage_groups.setdefault(pid, group.id)

    def group_of(passages) -> Optional[str]:
        groups = {passage_groups.get(p) for p in passages}
        if len(groups) == 1:
            return groups.pop()
        return None

    used: set[int] = set()
    drafts: list[Draft] = []
    if len(related) >= 2:
        scene = Scene(extractions, comparison.groups)
        drafts += group_facts(comparison, scene, used, cancelled)
        check()
        in_conflict = frozenset((m.article, m.start, m.end) for d in drafts
                                if d.status == FactStatus.CONFLICT for m in d.mentions)
        drafts += article_facts(scene, used, group_of, in_conflict)
        drafts += distance_facts(extractions, used, group_of, drafts)
        drafts += sentence_facts(scene, used, group_of)
        drafts += time_count_facts(scene, used, group_of)
        drafts += date_facts(scene, used, group_of)
        drafts += purpose_facts(scene, used, group_of)
        drafts += weight_facts(scene, used, group_of)
        extend_conflicts(scene, used, drafts)
        drafts += quote_facts(extractions, used, group_of, passage_groups)
        check()
        drafts += people_facts(extractions, group_of, passage_groups)
    drafts += leftover_facts(extractions, used, group_of)
    drafts += single_quotes(extractions, used, group_of)
    check()
    drafts = fold_repeats(drafts)
    order = {a.id: n for n, a in enumerate(comparison.articles)}
    drafts.sort(key=lambda d: (_STATUS_ORDER[d.status],
                               min((order.get(m.article, 0), m.start) for m in d.mentions)))
    return [d.fact(f"F{n}") for n, d in enumerate(drafts, start=1)]
