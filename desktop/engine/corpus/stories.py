"""Which articles of one block report one event: the engine's same-event probabilities, linked.

A block (:func:`.blocking.block_into_groups`) is a few dozen articles at
most.  Its articles are segmented and vectorised as one comparison, every
two of them are scored by the sentence scorer, and the same-event model of
:mod:`desktop.engine.events` (its public ``summarise``,
``comparison_features`` and ``event_model``, as a comparison in the app
uses them) gives the probability that they report one event.

Only the linkage differs from the app's.  A comparison in the app holds a
handful of articles and joins clusters by the mean of their three closest
links; a block holds several stories, often two events of one kind (two
quakes, two arrests of one team's players), and three strong links between
two such stories are easy to find.  Here two clusters join while the mean
of the best quarter of all their cross pairs reaches 0.6: a story joins
another only when a good share of its articles look alike, yet not every
report need be like every other.  Chosen by topic-wise cross-validation on
ECB+ with the event model refitted per fold (``benchmarks/corpus_scale.py
--part ecb --cv``; docs/corpus.md): out of sample the app's rule gives purity
0.83, completeness 0.96, this one 0.96, 0.93.

Public verbs: :func:`stories_of_block`, :func:`link_stories`.
"""
from __future__ import annotations

from itertools import combinations
from typing import Sequence

from ..align import sentence_vectors
from ..events import comparison_features, event_model, summarise
from ..model import Article, CompareConfig, Document, article_ids
from ..scoring import get_scorer
from ..segment import segment

LINK_SHARE = 0.25  # the share of two clusters' cross pairs whose mean decides a join
LINK_THRESHOLD = 0.6  # ... and the mean it must reach


def same_event_probabilities(documents: Sequence[Document],
                             config: CompareConfig = CompareConfig()) -> dict[tuple[int, int], float]:
    """(a, b) with a < b -> P(same event), for every two of ``documents``, as one comparison."""
    ids = article_ids(len(documents))
    articles = [Article(id=aid, source=doc.source, text=doc.text, passages=segment(doc.text, aid),
                        published=doc.published) for aid, doc in zip(ids, documents)]
    vectors = sentence_vectors([[a.passage_text(p) for p in a.passages] for a in articles])
    scorer = get_scorer(config.scorer)
    pair_scores = {(a, b): scorer.score(vectors[a], vectors[b])
                   for a, b in combinations(range(len(documents)), 2)}
    summaries = [summarise(v.sentences, a.published, v.names) for a, v in zip(articles, vectors)]
    rows = comparison_features(summaries, pair_scores, scorer.link_threshold, scorer.strong_threshold)
    model = event_model(config.event_model)
    return {key: model.probability(row) for key, row in rows.items()}


def link_stories(count: int, same: dict[tuple[int, int], float], threshold: float = LINK_THRESHOLD,
                 share: float = LINK_SHARE) -> list[list[int]]:
    """``count`` articles clustered: join the closest two clusters while their link reaches ``threshold``.

    The link of two clusters is the mean of the best ``share`` of their
    cross pairs' probabilities (at least one pair).  Clusters come largest
    first, then by first article.
    """
    groups = [[k] for k in range(count)]

    def link(x: list[int], y: list[int]) -> float:
        values = sorted((same.get((min(a, b), max(a, b)), 0.0) for a in x for b in y), reverse=True)
        best = values[:max(1, round(len(values) * share))]
        return sum(best) / len(best)

    while len(groups) > 1:
        best, pair = threshold, None
        for m in range(len(groups)):
            for n in range(m + 1, len(groups)):
                value = link(groups[m], groups[n])
                if value >= best:
                    best, pair = value, (m, n)
        if pair is None:
            break
        m, n = pair
        groups[m] = sorted(groups[m] + groups[n])
        del groups[n]
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def stories_of_block(documents: Sequence[Document], config: CompareConfig = CompareConfig(),
                     threshold: float = LINK_THRESHOLD) -> list[list[int]]:
    """The block's articles clustered by event (indices into ``documents``), largest first.

    Every pair is scored: a block is bounded (``max_block``), so this costs
    a constant per article, and the linkage needs the weak pairs too.
    """
    if len(documents) < 2:
        return [[k] for k in range(len(documents))]
    return link_stories(len(documents), same_event_probabilities(documents, config), threshold)
