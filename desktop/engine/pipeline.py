"""The one call that turns articles into a comparison.

``compare`` runs segment -> align -> diff -> facts over documents already
read; ``compare_files`` reads files first and keeps going past the ones that
cannot be read.  Both report progress through ``progress(stage, fraction)``
and stop with :class:`Cancelled` as soon as ``should_cancel()`` is true.
"""
from __future__ import annotations

import logging
import os
from dataclasses import replace
from itertools import combinations
from typing import Optional, Sequence

from . import facts as facts_stage
from .align import SentenceGroup, build_groups, sentence_vectors
from .events import article_pair_rows, clusters, event_model, probabilities_among, split_clusters
from .scoring import get_scorer, score_pairs
from .errors import Cancelled, IngestError
from .ingest import expand_paths, read_document, supported_suffixes
from .ingest.web import fetch_url, is_url
from .model import (AlsoPassage, Article, CancelFn, Comparison, CompareConfig, Document, Group,
                    InputError, PairDiff, PassageLink, ProgressFn, article_ids)
from .segment import segment
from .set_apart import set_apart_note
from .worddiff import diff_tokens, tokens


log = logging.getLogger(__name__)


class _Steps:
    def __init__(self, progress: Optional[ProgressFn], should_cancel: Optional[CancelFn]):
        self.progress = progress
        self.should_cancel = should_cancel

    def __call__(self, stage: str, fraction: float) -> None:
        if self.should_cancel is not None and self.should_cancel():
            raise Cancelled("comparison cancelled")
        if self.progress is not None:
            self.progress(stage, max(0.0, min(1.0, fraction)))


def read_documents(paths: Sequence[str], progress: Optional[ProgressFn] = None,
                   should_cancel: Optional[CancelFn] = None) -> tuple[list[Document], list[InputError]]:
    """Documents of the readable paths (folders expanded) and errors for the rest."""
    step = _Steps(progress, should_cancel)
    documents, errors = [], []
    for path in paths:
        if os.path.isdir(path) and not expand_paths([path]):
            errors.append(InputError(str(path), "the folder holds no readable articles "
                                     f"({', '.join(supported_suffixes())})"))
    expanded = expand_paths(list(paths))  # links are kept as they are
    for n, path in enumerate(expanded):
        step("read", n / max(1, len(expanded)))
        try:
            if is_url(str(path)):
                documents.append(fetch_url(str(path), should_cancel=should_cancel))
            else:
                documents.append(read_document(path))
        except IngestError as exc:
            errors.append(InputError(exc.source, exc.reason))
    return documents, errors


def compare_files(paths: Sequence[str], config: CompareConfig = CompareConfig(),
                  progress: Optional[ProgressFn] = None,
                  should_cancel: Optional[CancelFn] = None) -> Comparison:
    documents, errors = read_documents(paths, progress, should_cancel)
    return compare(documents, config, progress, should_cancel, errors=errors)


def compare(documents: Sequence[Document], config: CompareConfig = CompareConfig(),
            progress: Optional[ProgressFn] = None, should_cancel: Optional[CancelFn] = None,
            errors: Sequence[InputError] = ()) -> Comparison:
    step = _Steps(progress, should_cancel)
    step("segment", 0.0)
    ids = article_ids(len(documents))
    articles = [
        Article(id=aid, source=doc.source, text=doc.text, passages=segment(doc.text, aid),
                title=doc.title, outlet=doc.outlet, byline=doc.byline, published=doc.published,
                warnings=tuple(doc.warnings))
        for aid, doc in zip(ids, documents)
    ]

    step("align", 0.0)
    vectors = sentence_vectors([[a.passage_text(p) for p in a.passages] for a in articles])
    scorer = get_scorer(config.scorer)
    pairs = list(combinations(range(len(articles)), 2))
    pair_scores, found = score_pairs(scorer, vectors, pairs,
                                     lambda n: step("align", n / max(1, len(pairs))))
    if config.one_story:
        events, same_event = [list(range(len(articles)))], {}
    else:
        events, same_event = event_clusters(articles, vectors, pair_scores, scorer, config, found)
    del found  # the candidates' rows: no longer needed, and large for many articles
    main = set(events[0]) if events and len(events[0]) >= 2 else set()
    # With no two articles judged to report one event there is no main story
    # to set the others apart from: none is marked, and only strong links
    # are grouped.
    threshold = scorer.link_threshold if main else scorer.strong_threshold
    grouped = main or set(range(len(articles)))
    links = {(a, i, b, j): p for (a, b), scores in pair_scores.items()
             if a in grouped and b in grouped for (i, j), p in scores.items()}
    sentence_groups = build_groups(links, threshold, config.max_per_article, config.max_span,
                                   config.merge_support, keep_support=config.keep_support)
    articles = _with_events(articles, events, main, vectors, pair_scores, scorer, same_event)
    groups = [_group(n, g, articles) for n, g in enumerate(sentence_groups, start=1)]
    step("diff", 0.0)
    groups = [_with_diffs(g, articles) for g in groups]
    step("facts", 0.0)
    result = Comparison(tuple(articles), tuple(groups), (), tuple(errors))
    if config.find_facts:
        result = _with_facts(result, should_cancel)
    step("done", 1.0)
    return result


def _with_facts(result: Comparison, should_cancel: Optional[CancelFn]) -> Comparison:
    """The comparison with its facts; when finding them breaks, without, and a warning says so.

    The aligned passages are worth showing even then, in the app and on the
    command line alike.
    """
    try:
        facts = tuple(facts_stage.find_facts(result, should_cancel))
    except Cancelled:
        raise
    except Exception as exc:  # noqa: BLE001 - any fault of the facts stage, reported not raised
        log.exception("finding facts failed; the comparison goes on without them")
        return replace(result, warnings=result.warnings + (f"{FACTS_FAILED}{type(exc).__name__}: {exc}",))
    return replace(result, facts=facts)


# How the warning of a facts failure begins (the app shows what follows it).
FACTS_FAILED = "Facts could not be found: "


def event_clusters(articles, vectors, pair_scores, scorer, config, found=None
                   ) -> tuple[list[list[int]], dict[tuple[int, int], float]]:
    """Articles clustered by event, largest first, and P(same event) of every two articles
    (see :mod:`desktop.engine.events`); a large cluster of two unlike sides, scored again
    as a comparison of its own articles, is cut in two (:func:`events.split_clusters`)."""
    model = event_model(config.event_model)
    published = [a.published for a in articles]
    rows = article_pair_rows(vectors, published, pair_scores, scorer, found)
    same = model.probabilities(rows)

    scored_alone: dict[tuple[int, ...], dict[tuple[int, int], float]] = {}

    def within(members: list[int]) -> dict[tuple[int, int], float]:
        if len(members) == len(articles):
            return same  # the comparison itself, already scored
        alone = probabilities_among(model, members, vectors, published, pair_scores, scorer, found)
        scored_alone[tuple(sorted(members))] = alone
        return alone

    events = split_clusters(clusters(len(articles), same, model.threshold), same, within)
    # Where a cluster was cut, the probabilities that decided it (its articles scored among
    # themselves) are the ones an article set apart by the cut is explained with.
    kept = {tuple(sorted(e)) for e in events}
    cut = [alone for members, alone in scored_alone.items() if members not in kept]
    if cut:
        same = dict(same)
        for alone in cut:
            same.update(alone)
    return events, same


def _with_events(articles, events, main, vectors, pair_scores, scorer, same_event) -> list[Article]:
    """Articles marked with their event cluster; those outside the main story say why."""
    if not main:
        return articles
    number = {k: n for n, members in enumerate(events, start=1) for k in members}
    out = []
    for k, article in enumerate(articles):
        if k in main:
            out.append(replace(article, related=True, event=1))
            continue
        together = [articles[m].id for m in events[number[k] - 1] if m != k]
        closest = max(main, key=lambda m: same_event.get((min(k, m), max(k, m)), 0.0))
        close_call = (articles[closest].id, same_event.get((min(k, closest), max(k, closest)), 0.0))
        out.append(replace(article, related=False, event=number[k],
                           event_note=set_apart_note(k, main, articles, vectors, pair_scores, scorer,
                                                     together, close_call)))
    return out


def _group(n: int, group: SentenceGroup, articles: list[Article]) -> Group:
    passage_ids = tuple(articles[a].passages[i].id for a, ix in group.members.items() for i in ix)
    confidence = round(group.confidence, 4)
    also = tuple(AlsoPassage(articles[t.article].passages[t.sentence].id,
                             articles[t.partner[0]].passages[t.partner[1]].id,
                             round(t.probability, 4)) for t in group.also)
    links = tuple(PassageLink(articles[a].passages[i].id, articles[b].passages[j].id, round(p, 4))
                  for (a, i, b, j), p in group.links)
    return Group(f"G{n}", passage_ids, confidence, confidence=confidence, also=also, links=links)


def _with_diffs(group: Group, articles: list[Article]) -> Group:
    by_article: dict[str, list[str]] = {}
    for pid in group.passages:
        by_article.setdefault(pid.rstrip("0123456789"), []).append(pid)
    lookup = {a.id: a for a in articles}
    spans = {aid: [_span(lookup[aid], pid) for pid in pids] for aid, pids in by_article.items()}
    cut = {aid: tokens(lookup[aid].text, spans[aid]) for aid in by_article}
    diffs = []
    for left_id, right_id in combinations(by_article, 2):
        ops, similarity = diff_tokens(cut[left_id], spans[left_id], cut[right_id], spans[right_id])
        diffs.append(PairDiff(by_article[left_id][0], by_article[right_id][0], ops,
                              tuple(by_article[left_id]), tuple(by_article[right_id]),
                              round(similarity, 4)))
    return replace(group, diffs=tuple(diffs))


def _span(article: Article, passage_id: str) -> tuple[int, int]:
    passage = article.passages[int(passage_id[len(article.id):]) - 1]
    return passage.start, passage.end
