"""Which articles of one block report one event: the engine's same-event probabilities, linked.

A block (:func:`.blocking.block_into_groups`) is a few dozen articles at
most.  Its articles are segmented and vectorised as one comparison, every
two of them are scored by the sentence scorer, and the same-event model of
:mod:`desktop.engine.events` (``article_pair_rows`` and ``event_model``, as a
comparison in the app uses them) gives the probability that they report one
event.

Only the linkage differs from the app's.  A comparison in the app holds a
handful of articles and clusters them by agreement with the pairwise
decisions over each article's four closest; a block holds several stories, often two events of one kind (two
quakes, two arrests of one team's players), and three strong links between
two such stories are easy to find.  Here two clusters join while the mean
of the best quarter of all their cross pairs reaches 0.4: a story joins
another only when a good share of its articles look alike, yet not every
report need be like every other.  Then each story of eight or more is
scored again as a comparison of its own articles (:meth:`SameEvent.within`)
and cut in two where it holds two sides of four or more whose cross pairs
average under 0.35 (:func:`split_stories`): among themselves the names all
its reports share weigh nothing and each article's closest other is a
report of its own event, so two events of one kind that the block merged
fall apart.  Chosen by topic-wise cross-validation on ECB+ with the scorer
and event model refitted per fold (``benchmarks/corpus_scale.py --part ecb
--cv``; docs/corpus.md): out of sample the app's rule gives purity 0.862,
completeness 0.973; the linkage alone 0.909, 0.943; with the split 0.975,
0.914 (0.975, 0.909 when the four numbers are picked without the fold they
are counted on).  The block's articles come in content order
(:func:`.run.content_order`): the scorer and the ties here read positions.

Public verbs: :func:`stories_of_block`, :func:`link_stories`, :func:`split_stories`, :class:`SameEvent`.
"""
from __future__ import annotations

from datetime import date
from itertools import combinations
from typing import Callable, Optional, Sequence

from ..align import sentence_vectors
from ..events import event_model, probabilities_among
from ..model import Article, CompareConfig, Document, article_ids
from ..scoring import get_scorer
from ..segment import segment
from ..story_split import split_stories as _split

LINK_SHARE = 0.25  # the share of two clusters' cross pairs whose mean decides a join
LINK_THRESHOLD = 0.4  # ... and the mean it must reach (picked by nested CV by topic, see docs/corpus.md)
SPLIT_BELOW = 0.35  # a story is cut in two when the mean probability across its two sides is under this
SPLIT_SIDE = 4  # ... and each side holds this many articles or more
# How stories are formed, for the run's fingerprint: sorted stories saved by
# another rule are sorted again, not reused.
SORTING = f"content order, link {LINK_SHARE:g}/{LINK_THRESHOLD:g}, split {SPLIT_BELOW:g}/{SPLIT_SIDE}"


class SameEvent:
    """The same-event probabilities of one block, and of any part of it scored on its own.

    ``probabilities``: (a, b) with a < b -> P(same event) for every two of
    the block's articles, scored as one comparison.  :meth:`within` scores
    some of them as a comparison of their own: the sentence links stay the
    block's, but the features the model reads against the rest of the
    comparison (each article's closest other, which names are rare) are
    measured among those articles only, as in a comparison of one story.
    """

    def __init__(self, documents: Sequence[Document], config: CompareConfig = CompareConfig()):
        ids = article_ids(len(documents))
        # Dates are left out of the model's evidence.  In a corpus most articles of
        # one day report different events, a case the model never saw (its ECB+
        # training pairs are dated on one side at most): with dates, two same-day
        # reports of unrelated events scored 0.62 on average, without them 0.07.
        # Dates act instead as a hard limit (blocking, and the window in link_stories).
        articles = [Article(id=aid, source=doc.source, text=doc.text, passages=segment(doc.text, aid),
                            published=None) for aid, doc in zip(ids, documents)]
        self._vectors = sentence_vectors([[a.passage_text(p) for p in a.passages] for a in articles])
        self._scorer = get_scorer(config.scorer)
        self._model = event_model(config.event_model)
        self._pair_scores = {(a, b): self._scorer.score(self._vectors[a], self._vectors[b])
                             for a, b in combinations(range(len(documents)), 2)}
        self.probabilities = self._score(range(len(documents)))

    def _score(self, members: Sequence[int]) -> dict[tuple[int, int], float]:
        return probabilities_among(self._model, members, self._vectors, [None] * len(self._vectors),
                                   self._pair_scores, self._scorer)

    def within(self, members: Sequence[int]) -> dict[tuple[int, int], float]:
        """(a, b) -> P(same event) for every two of ``members``, scored as a comparison of them alone."""
        return self._score(members)


def same_event_probabilities(documents: Sequence[Document],
                             config: CompareConfig = CompareConfig()) -> dict[tuple[int, int], float]:
    """(a, b) with a < b -> P(same event), for every two of ``documents``, as one comparison."""
    return SameEvent(documents, config).probabilities


def _day(published: Optional[str]) -> Optional[int]:
    try:
        return date.fromisoformat(published[:10]).toordinal()  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def link_stories(count: int, same: dict[tuple[int, int], float], threshold: float = LINK_THRESHOLD,
                 share: float = LINK_SHARE, dates: Sequence[Optional[str]] = (),
                 window_days: Optional[int] = None) -> list[list[int]]:
    """``count`` articles clustered: join the closest two clusters while their link reaches ``threshold``.

    The link of two clusters is the mean of the best ``share`` of their
    cross pairs' probabilities (at least one pair).  With ``dates`` and
    ``window_days``, no story spans more than ``window_days`` between its
    dated articles.  Clusters come largest first, then by first article.
    """
    groups = [[k] for k in range(count)]
    days = [_day(d) for d in dates] if dates and window_days is not None else [None] * count
    spans: list[Optional[tuple[int, int]]] = [(d, d) if d is not None else None for d in days]

    def joined(x: Optional[tuple[int, int]], y: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
        if x is None or y is None:
            return x or y
        return min(x[0], y[0]), max(x[1], y[1])

    def too_long(span: Optional[tuple[int, int]]) -> bool:
        return span is not None and window_days is not None and span[1] - span[0] > window_days

    def link(x: list[int], y: list[int]) -> float:
        values = sorted((same.get((min(a, b), max(a, b)), 0.0) for a in x for b in y), reverse=True)
        best = values[:max(1, round(len(values) * share))]
        return sum(best) / len(best)

    while len(groups) > 1:
        best, pair = threshold, None
        for m in range(len(groups)):
            for n in range(m + 1, len(groups)):
                if too_long(joined(spans[m], spans[n])):
                    continue
                value = link(groups[m], groups[n])
                if value >= best:
                    best, pair = value, (m, n)
        if pair is None:
            break
        m, n = pair
        groups[m] = sorted(groups[m] + groups[n])
        spans[m] = joined(spans[m], spans[n])
        del groups[n], spans[n]
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def stories_of_block(documents: Sequence[Document], config: CompareConfig = CompareConfig(),
                     threshold: float = LINK_THRESHOLD,
                     window_days: Optional[int] = None) -> list[list[int]]:
    """The block's articles clustered by event (indices into ``documents``), largest first.

    Every pair is scored: a block is bounded (``max_block``), so this costs
    a constant per article, and the linkage needs the weak pairs too.  No
    story spans more than ``window_days`` between its dated articles.  Then
    each story is scored again on its own and cut in two where its articles
    form two unlike sides (:func:`split_stories`): a story is a part of a
    block, so this stays a constant per article.
    """
    if len(documents) < 2:
        return [[k] for k in range(len(documents))]
    same = SameEvent(documents, config)
    linked = link_stories(len(documents), same.probabilities, threshold,
                          dates=[d.published for d in documents], window_days=window_days)
    return split_stories(linked, same.within)


def split_stories(stories: list[list[int]], within: Callable[[list[int]], dict[tuple[int, int], float]],
                  below: float = SPLIT_BELOW, side: int = SPLIT_SIDE) -> list[list[int]]:
    """:func:`desktop.engine.story_split.split_stories` with the corpus's own bar and side."""
    return _split(stories, within, below, side)
