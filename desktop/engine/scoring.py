"""The sentence scorer seam: how likely two sentences are to tell the same thing.

A scorer takes two articles' sentence vectors and returns a probability for
each candidate pair; it also owns the threshold at which a pair is linked,
because a threshold only means something for the score it was set on.
Scorers are found by name in a small registry, like the readers' suffix
table: trying a sentence model means adding one module that calls
:func:`register`, then naming it in ``CompareConfig.scorer``.

The default, ``"lexical"``, is a logistic model over the features of
:mod:`desktop.engine.pair_features`, fitted on real news (ECB+ topics 1-35,
MSRP training pairs and the project's tuned gold cases) by
``scripts/train_models.py`` and shipped as ``resources/models/sentence_pair.json``.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from operator import mul
from typing import Callable, Protocol

from .pair_features import FEATURES, Candidates, candidates
from .resources import resource_path


class SentenceScorer(Protocol):
    name: str
    link_threshold: float  # a pair at or above this probability is linked
    strong_threshold: float  # at or above this, a link is evidence that two articles share an event

    def score(self, left, right) -> dict[tuple[int, int], float]:
        """Probability that sentence i of ``left`` and j of ``right`` tell the same thing."""


@dataclass(frozen=True)
class LogisticScorer:
    """Logistic regression over the pair features: fast, and small enough to read."""

    name: str
    weights: tuple[float, ...]
    link_threshold: float
    strong_threshold: float

    @classmethod
    def from_json(cls, name: str, text: str) -> "LogisticScorer":
        data = json.loads(text)
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"scorer {name!r} was fitted on other features: {data['features']}")
        return cls(name, tuple(float(w) for w in data["weights"]),
                   float(data["link_threshold"]), float(data["strong_threshold"]))

    def probability(self, row: tuple[float, ...]) -> float:
        z = sum(map(mul, self.weights, row))  # the same products, summed in the same order
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def score(self, left, right) -> dict[tuple[int, int], float]:
        return self.score_candidates(left, right, candidates(left, right))

    def score_candidates(self, left, right, found: Candidates) -> dict[tuple[int, int], float]:
        """:meth:`score` on candidates already built (the event rows read the same ones)."""
        return {pair: self.probability(row) for pair, row in zip(found.pairs, found.rows)}


def score_pairs(scorer: SentenceScorer, vectors, pairs, on_pair: Callable[[int], None] | None = None
                ) -> tuple[dict[tuple[int, int], dict[tuple[int, int], float]], dict[tuple[int, int], Candidates]]:
    """The scorer's probabilities for each two articles in ``pairs``, and the candidate pairs
    they were scored on when the scorer scores the shared candidates (``score_candidates``),
    so that the event rows need not build them again (a third to a half of a comparison's time)."""
    scores, found = {}, {}
    shared = getattr(scorer, "score_candidates", None)
    for n, (a, b) in enumerate(pairs):
        if on_pair is not None:
            on_pair(n)
        if shared is None:
            scores[(a, b)] = scorer.score(vectors[a], vectors[b])
        else:
            found[(a, b)] = candidates(vectors[a], vectors[b])
            scores[(a, b)] = shared(vectors[a], vectors[b], found[(a, b)])
    return scores, found


_FACTORIES: dict[str, Callable[[], SentenceScorer]] = {}
_BUILT: dict[str, SentenceScorer] = {}


def register(name: str, factory: Callable[[], SentenceScorer]) -> None:
    """Make a scorer available under ``name`` (built on first use)."""
    _FACTORIES[name] = factory
    _BUILT.pop(name, None)


def get_scorer(name: str) -> SentenceScorer:
    if name not in _BUILT:
        try:
            factory = _FACTORIES[name]
        except KeyError:
            raise ValueError(f"no sentence scorer named {name!r} (known: {', '.join(sorted(_FACTORIES))})")
        _BUILT[name] = factory()
    return _BUILT[name]


def scorer_names() -> list[str]:
    return sorted(_FACTORIES)


register("lexical", lambda: LogisticScorer.from_json(
    "lexical", resource_path("models", "sentence_pair.json").read_text(encoding="utf-8")))
