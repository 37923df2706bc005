"""Which articles of one block report one event: the engine's own decision.

A block (:func:`.blocking.block_into_groups`) is a few dozen articles at
most.  Its articles are segmented and vectorised as one comparison, the
candidate pairs inside it are scored by the sentence scorer, and the
same-event model and clustering of :mod:`desktop.engine.events` decide
the stories -- through :func:`desktop.engine.pipeline.event_clusters`, the
very call the app's comparison makes, so a corpus and the app agree on
what "one event" means.  Only candidate pairs are scored: a pair blocking
did not propose counts as "not the same event".

Public verb: :func:`stories_of_block`.
"""
from __future__ import annotations

from itertools import combinations
from typing import Optional, Sequence

from ..align import sentence_vectors
from ..model import Article, CompareConfig, Document, article_ids
from ..pipeline import event_clusters
from ..scoring import get_scorer
from ..segment import segment

ALL_PAIRS_UP_TO = 12  # a block this small is scored pair by pair, as a comparison in the app is


def stories_of_block(documents: Sequence[Document],
                     pairs: Optional[Sequence[tuple[int, int]]] = None,
                     config: CompareConfig = CompareConfig()) -> list[list[int]]:
    """The block's articles clustered by event (indices into ``documents``), largest first.

    ``pairs`` are the candidate pairs (a < b) to score; every pair when None
    or when the block holds at most :data:`ALL_PAIRS_UP_TO` articles.
    """
    count = len(documents)
    if count < 2:
        return [[k] for k in range(count)]
    ids = article_ids(count)
    articles = [Article(id=aid, source=doc.source, text=doc.text, passages=segment(doc.text, aid),
                        published=doc.published) for aid, doc in zip(ids, documents)]
    vectors = sentence_vectors([[a.passage_text(p) for p in a.passages] for a in articles])
    scorer = get_scorer(config.scorer)
    if pairs is None or count <= ALL_PAIRS_UP_TO:
        pairs = list(combinations(range(count), 2))
    pair_scores = {(a, b): scorer.score(vectors[a], vectors[b]) for a, b in sorted(set(pairs))}
    if not pair_scores:
        return [[k] for k in range(count)]
    return event_clusters(articles, vectors, pair_scores, scorer, config)
