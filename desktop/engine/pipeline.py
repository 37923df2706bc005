"""The one call that turns articles into a comparison.

``compare`` runs segment -> align -> diff -> facts over documents already
read; ``compare_files`` reads files first and keeps going past the ones that
cannot be read.  Both report progress through ``progress(stage, fraction)``
and stop with :class:`Cancelled` as soon as ``should_cancel()`` is true.
"""
from __future__ import annotations

import os
from dataclasses import replace
from itertools import combinations
from typing import Optional, Sequence

from . import facts as facts_stage
from .align import PairMatch, match_pair, related_articles, sentence_vectors
from .errors import Cancelled, IngestError
from .ingest import expand_paths, read_document, supported_suffixes
from .ingest.web import fetch_url, is_url
from .model import (Article, CancelFn, Comparison, CompareConfig, Document, Group, InputError,
                    PairDiff, ProgressFn, article_ids)
from .segment import segment
from .worddiff import word_diff


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
    pair_matches: dict[tuple[int, int], list[PairMatch]] = {}
    pairs = list(combinations(range(len(articles)), 2))
    for n, (a, b) in enumerate(pairs):
        step("align", n / max(1, len(pairs)))
        pair_matches[(a, b)] = match_pair(vectors[a], vectors[b], config)
    # Only confident matches count as evidence that two articles tell one story.
    shared = {key: sum(1 for m in matches if m.score >= config.evidence_threshold)
              for key, matches in pair_matches.items()}
    related = related_articles(shared, [len(a.passages) for a in articles], config)
    if not related:
        # No two articles show a shared event: there is no main story to set
        # the others apart from, so none is marked as "different", and only
        # confident matches are grouped.  Two articles put side by side on
        # purpose also keep the weaker matches that repeat a phrase; among
        # more articles such matches link unrelated stories (measured on the
        # five seeds: six false groups).
        related = set(range(len(articles)))
        count_phrases = len(articles) == 2
        pair_matches = {key: [m for m in matches if m.is_evidence(config, count_phrases)]
                        for key, matches in pair_matches.items()}
    articles = [_with_related(a, i in related) for i, a in enumerate(articles)]

    groups = _build_groups(articles, pair_matches, related, config)
    step("diff", 0.0)
    groups = [_with_diffs(g, articles) for g in groups]
    step("facts", 0.0)
    result = Comparison(tuple(articles), tuple(groups), (), tuple(errors))
    if config.find_facts:
        result = Comparison(result.articles, result.groups,
                            tuple(facts_stage.find_facts(result, should_cancel)), result.errors)
    step("done", 1.0)
    return result


def _with_related(article: Article, related: bool) -> Article:
    return article if article.related == related else replace(article, related=related)


def _build_groups(articles: list[Article], pair_matches: dict[tuple[int, int], list[PairMatch]],
                  related: set[int], config: CompareConfig) -> list[Group]:
    """Join pair matches that share a sentence into groups.

    Matches are joined strongest first, and a join is refused when it would
    put two sentences of one article that are not neighbours into the same
    group: one weak match must not chain two stories together.
    """
    component: dict[tuple[int, int], int] = {}
    members: dict[int, dict[int, set[int]]] = {}
    scores: dict[int, list[float]] = {}
    edges = sorted(((match.score, a, b, match) for (a, b), matches in pair_matches.items()
                    if a in related and b in related for match in matches),
                   key=lambda edge: -edge[0])
    for score, a, b, match in edges:
        nodes = [(a, i) for i in match.left] + [(b, j) for j in match.right]
        roots = {component[n] for n in nodes if n in component}
        merged: dict[int, set[int]] = {}
        for root in roots:
            for article, indices in members[root].items():
                merged.setdefault(article, set()).update(indices)
        for article, index in nodes:
            merged.setdefault(article, set()).add(index)
        if any(max(ix) - min(ix) + 1 != len(ix) or len(ix) > config.max_run
               for ix in merged.values()):
            continue
        root = min(roots) if roots else max(list(members) + [0]) + 1
        merged_scores = [s for r in roots for s in scores.pop(r, [])] + [score]
        for r in roots:
            members.pop(r, None)
        members[root] = merged
        scores[root] = merged_scores
        for article, indices in merged.items():
            for index in indices:
                component[(article, index)] = root

    ordered = sorted(members.items(),
                     key=lambda item: min((a, min(ix)) for a, ix in item[1].items()))
    groups = []
    for n, (root, by_article) in enumerate(ordered, start=1):
        passage_ids = tuple(articles[a].passages[i].id
                            for a in sorted(by_article) for i in sorted(by_article[a]))
        values = scores[root]
        groups.append(Group(f"G{n}", passage_ids, round(sum(values) / len(values), 4)))
    return groups


def _with_diffs(group: Group, articles: list[Article]) -> Group:
    by_article: dict[str, list[str]] = {}
    for pid in group.passages:
        by_article.setdefault(pid.rstrip("0123456789"), []).append(pid)
    lookup = {a.id: a for a in articles}
    diffs = []
    for left_id, right_id in combinations(by_article, 2):
        left, right = lookup[left_id], lookup[right_id]
        spans_l = [_span(left, pid) for pid in by_article[left_id]]
        spans_r = [_span(right, pid) for pid in by_article[right_id]]
        ops, similarity = word_diff(left.text, spans_l, right.text, spans_r)
        diffs.append(PairDiff(by_article[left_id][0], by_article[right_id][0], ops,
                              tuple(by_article[left_id]), tuple(by_article[right_id]),
                              round(similarity, 4)))
    return Group(group.id, group.passages, group.score, tuple(diffs))


def _span(article: Article, passage_id: str) -> tuple[int, int]:
    passage = article.passages[int(passage_id[len(article.id):]) - 1]
    return passage.start, passage.end
