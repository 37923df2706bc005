"""Loaders for the real news in ``../shared/data`` (ECB+, MSRP), shared by the
real-news benchmark, the training script and the floor test.

Nothing here is shipped with the app: it reads third-party data from beside
the checkout (or from ``$PARALLAX_SHARED_DATA``) and never copies it.

ECB+ articles are compared as the app would compare them: each article's
text becomes a :class:`~desktop.engine.model.Document`, the engine segments
it, and every passage is mapped back to the corpus sentences it covers, so
that a passage carries the cross-document event chains of those sentences.
"""
from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDS = 5


def data_root() -> Path:
    return Path(os.environ.get("PARALLAX_SHARED_DATA", ROOT.parent / "shared" / "data"))


def available() -> bool:
    return (data_root() / "ecbplus" / "corpus.json").is_file()


@dataclass(frozen=True)
class EcbSentence:
    start: int
    end: int
    annotated: bool
    events: frozenset[str]


@dataclass(frozen=True)
class EcbDoc:
    name: str  # "1_1ecb"
    topic: int
    sub: str  # "ecb" or "ecbplus": two different events of one kind
    text: str
    sentences: tuple[EcbSentence, ...]

    @property
    def event(self) -> str:
        return f"{self.topic}_{self.sub}"


@lru_cache(maxsize=1)
def ecb_corpus() -> dict[int, dict[str, list[str]]]:
    """topic -> sub-topic ("ecb"/"ecbplus") -> document names, topics as ints."""
    raw = json.loads((data_root() / "ecbplus" / "corpus.json").read_text(encoding="utf-8"))
    return {int(t): {sub: list(names) for sub, names in subs.items()} for t, subs in raw.items()}


@lru_cache(maxsize=None)
def ecb_doc(name: str) -> EcbDoc:
    meta = json.loads((data_root() / "ecbplus" / "meta" / f"{name}.json").read_text(encoding="utf-8"))
    sentences = tuple(
        EcbSentence(s["start"], s["end"], bool(s["annotated"]), frozenset(s["events"]))
        for s in meta["sentences"] if "start" in s)
    sub = "ecbplus" if name.endswith("ecbplus") else "ecb"
    return EcbDoc(name, int(meta["topic"]), sub, meta["text"], sentences)


def fold_of(topic: int) -> int:
    """Cross-validation fold of a topic: topics are split, never sentences or articles."""
    return topic % FOLDS


def topics() -> list[int]:
    return sorted(ecb_corpus())


@dataclass(frozen=True)
class PassageGold:
    """What the corpus says about one passage of an article the engine segmented."""

    annotated: bool
    events: frozenset[str]


def passage_gold(doc: EcbDoc, passages) -> list[PassageGold]:
    """Each passage (offsets into ``doc.text``) with the chains of the corpus sentences it overlaps."""
    out = []
    for p in passages:
        covered = [s for s in doc.sentences if s.start < p.end and p.start < s.end]
        annotated = any(s.annotated for s in covered)
        events = frozenset().union(*(s.events for s in covered if s.annotated)) if covered else frozenset()
        out.append(PassageGold(annotated, events))
    return out


def gold_sentence_pairs(golds: list[list[PassageGold]], min_shared: int
                        ) -> set[tuple[int, int, int, int]]:
    """(article a, passage i, article b, passage j), a < b, of annotated passages sharing chains."""
    pairs = set()
    for a, b in combinations(range(len(golds)), 2):
        for i, ga in enumerate(golds[a]):
            if not ga.annotated or not ga.events:
                continue
            for j, gb in enumerate(golds[b]):
                if gb.annotated and len(ga.events & gb.events) >= min_shared:
                    pairs.add((a, i, b, j))
    return pairs


def judged_pairs(golds: list[list[PassageGold]]) -> set[tuple[int, int, int, int]]:
    """Pairs whose both passages the annotators covered: only these can be judged."""
    return {(a, i, b, j) for a, b in combinations(range(len(golds)), 2)
            for i, ga in enumerate(golds[a]) if ga.annotated
            for j, gb in enumerate(golds[b]) if gb.annotated}


def mixed_sets(seed: int = 7, per_direction: int = 2) -> list[tuple[int, list[str], list[str]]]:
    """(topic, main-event docs, other-event docs): 3 of one sub-topic + 0, 1 or 2 of the other.

    Built for every topic in both directions with a fixed seed, so every run
    and every engine sees the same sets.
    """
    rng = random.Random(seed)
    sets = []
    for topic in topics():
        subs = ecb_corpus()[topic]
        for main, other in (("ecb", "ecbplus"), ("ecbplus", "ecb")):
            if len(subs[main]) < 3 or not subs[other]:
                continue
            for outsiders in (0, 1, 2):
                for _ in range(per_direction):
                    chosen = rng.sample(subs[main], 3)
                    extra = rng.sample(subs[other], min(outsiders, len(subs[other])))
                    sets.append((topic, chosen, extra))
    return sets


def msrp_pairs(limit: int | None = None) -> list[tuple[int, str, str]]:
    """(quality, sentence 1, sentence 2) from the MSRP training part."""
    path = data_root() / "msrp" / "msr_paraphrase_train.txt"
    rows = []
    with path.open(encoding="utf-8-sig") as handle:
        next(handle)
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5:
                rows.append((int(parts[0]), parts[3], parts[4]))
    return rows[:limit] if limit else rows


@lru_cache(maxsize=None)
def ecb_document(name: str):
    """The article as the app reads it (dateline and debris handled by the reader).

    None when the reader refuses it (a few corpus files hold only a dateline).
    """
    from desktop.engine.errors import IngestError
    from desktop.engine.ingest import read_document

    doc = ecb_doc(name)
    try:
        return read_document(data_root() / "ecbplus" / "articles" / str(doc.topic) / f"{name}.txt")
    except IngestError:
        return None


def ecb_document_undated(name: str):
    """:func:`ecb_document` without its publication date, for deciding and scoring events.

    In this corpus only the ``ecbplus`` half of each topic kept datelines, so
    two dated articles are always of one event: a model given the dates would
    learn the corpus's make-up (it did: weight 3.3 on "published within three
    days"), not how news is dated.  The event and alignment figures are
    therefore measured without dates; the facts figures keep them (a
    dateline is what "Friday" resolves against).
    """
    from dataclasses import replace

    document = ecb_document(name)
    return None if document is None else replace(document, published=None)


def ecb_passage_gold(name: str, text: str, passages) -> list[PassageGold]:
    """Gold of passages segmented from ``text`` (the reader's cleaned form of the article)."""
    doc = ecb_doc(name)
    offset = doc.text.find(text)
    shifted = []
    cursor = 0
    for p in passages:
        if offset >= 0:
            start = offset + p.start
        else:  # the reader changed the text inside: find each passage on its own
            found = doc.text.find(text[p.start:p.end], cursor)
            start = found if found >= 0 else -1
        if start < 0:
            shifted.append(None)
            continue
        cursor = start
        shifted.append(type("Span", (), {"start": start, "end": start + p.end - p.start})())
    golds = passage_gold(doc, [s for s in shifted if s is not None])
    it = iter(golds)
    return [next(it) if s is not None else PassageGold(False, frozenset()) for s in shifted]
