"""Score aligned sentence pairs against the hand-written gold in tests/gold/align.

A gold case names its articles and, for each group of sentences that tell
the same thing, one snippet per sentence.  Pairs are unordered pairs of
passages from different articles that share a group; precision, recall and
F1 are counted over those pairs.  The naive baseline pairs every two
sentences of different articles whose plain TF-IDF cosine reaches one
threshold.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from desktop.engine import CompareConfig, compare_files
from desktop.engine.model import Comparison

GOLD_ROOT = Path(__file__).resolve().parent / "gold" / "align"


@dataclass
class Case:
    name: str
    folder: Path
    files: list[str]
    unrelated: list[str]
    groups: list[list[tuple[str, str]]]

    def paths(self) -> list[str]:
        return [str((self.folder / f).resolve()) for f in self.files]


@dataclass
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def __str__(self) -> str:
        return (f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(tp={self.tp} fp={self.fp} fn={self.fn})")


def load_cases() -> list[Case]:
    cases = []
    for gold in sorted(GOLD_ROOT.glob("*/gold.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        groups = [[(m[0], m[1]) for m in g["members"]] for g in data["groups"]]
        cases.append(Case(gold.parent.name, gold.parent, data["articles"],
                          data.get("unrelated", []), groups))
    return cases


def locate(comparison: Comparison, case: Case, file: str, snippet: str) -> str:
    """Passage id of the sentence holding ``snippet`` in the article read from ``file``."""
    article = comparison.articles[case.files.index(file)]
    at = article.text.find(snippet)
    if at < 0 or article.text.find(snippet, at + 1) >= 0:
        raise AssertionError(f"{case.name}/{file}: snippet not found once in cleaned text: {snippet!r}")
    for passage in article.passages:
        if passage.start <= at < passage.end:
            if at + len(snippet) > passage.end:
                raise AssertionError(f"{case.name}/{file}: snippet crosses a sentence end: {snippet!r}")
            return passage.id
    raise AssertionError(f"{case.name}/{file}: snippet outside every passage: {snippet!r}")


def gold_pairs(comparison: Comparison, case: Case) -> set[frozenset[str]]:
    pairs = set()
    for group in case.groups:
        ids = [locate(comparison, case, f, s) for f, s in group]
        pairs.update(_cross_pairs(ids))
    return pairs


def _cross_pairs(ids) -> set[frozenset[str]]:
    return {frozenset((a, b)) for a, b in combinations(sorted(set(ids)), 2)
            if a.rstrip("0123456789") != b.rstrip("0123456789")}


def predicted_pairs(comparison: Comparison) -> set[frozenset[str]]:
    pairs = set()
    for group in comparison.groups:  # a row shows its also-passages beside its members
        pairs.update(_cross_pairs(group.told()))
    return pairs


def score(predicted: set, gold: set) -> Score:
    return Score(len(predicted & gold), len(predicted - gold), len(gold - predicted))


def evaluate(case: Case, config: CompareConfig | None = None) -> tuple[Score, Comparison, set, set]:
    comparison = compare_files(case.paths(), config or CompareConfig(find_facts=False))
    gold = gold_pairs(comparison, case)
    predicted = predicted_pairs(comparison)
    return score(predicted, gold), comparison, predicted, gold


_PLAIN_WORD = re.compile(r"\w+")


def baseline_pairs(comparison: Comparison, threshold: float) -> set[frozenset[str]]:
    """Naive baseline: plain-word TF-IDF cosine between every two sentences, one threshold."""
    items = [(p.id, Counter(_PLAIN_WORD.findall(a.passage_text(p).lower())))
             for a in comparison.articles for p in a.passages]
    df = Counter(t for _, counts in items for t in counts)
    n = len(items)
    vectors = []
    for pid, counts in items:
        vec = {t: c * (math.log((n + 1) / (df[t] + 1)) + 1) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vectors.append((pid, {t: w / norm for t, w in vec.items()}))
    pairs = set()
    for (pa, va), (pb, vb) in combinations(vectors, 2):
        if pa.rstrip("0123456789") == pb.rstrip("0123456789"):
            continue
        if sum(w * vb.get(t, 0.0) for t, w in va.items()) >= threshold:
            pairs.add(frozenset((pa, pb)))
    return pairs
