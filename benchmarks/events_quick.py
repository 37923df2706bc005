#!/usr/bin/env python3
"""A quick harness for the same-event model: the event rows of benchmarks/real_news.py, refitted per fold.

    .venv/bin/python benchmarks/events_quick.py          # build the cache once (~1 min), then score
    .venv/bin/python benchmarks/events_quick.py --bar 0.5

The sentence scorers are fitted per fold exactly as ``real_news.py`` fits
them, and the sentence-pair probabilities of every mixed set are cached (in
``$TMPDIR/parallax_events_cache.pkl``, keyed by the sentence features and
model); only the event model is refitted and scored each run, so a change
to ``desktop/engine/events.py`` is measured in seconds.  Same folds, sets and
shuffling as ``real_news.py``; purity is the share of sentence groups (built
as the pipeline builds them) of one event only.  ``real_news.py`` is the
figure of record.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import random
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import realdata as rd  # noqa: E402


def _cache_path(test_seed: int = 7) -> Path:
    parts = ["desktop/engine/pair_features.py", "desktop/engine/features.py", "desktop/engine/segment.py",
             "desktop/engine/align.py", "resources/nltk/abbreviations.txt", "resources/models/sentence_pair.json",
             "resources/lexicon/word_frequencies.tsv", "resources/lexicon/news_synonyms.txt"]
    parts += sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop/engine/ingest").glob("*.py"))  # the texts
    source = b"".join((ROOT / part).read_bytes() for part in parts)
    key = hashlib.sha1(source).hexdigest()[:10]
    suffix = "" if test_seed == 7 else f"_s{test_seed}"
    return Path(tempfile.gettempdir()) / f"parallax_events_cache_{key}{suffix}.pkl"


def _scored(names, scorer):
    """(names kept, events, published, vectors, pair scores) of one comparison."""
    from desktop.engine.align import sentence_vectors
    import training as tr

    data = tr.ecb_set(names)
    vectors = sentence_vectors(data.sentences)
    scores = {(a, b): scorer.score(vectors[a], vectors[b])
              for a, b in combinations(range(len(data.names)), 2)}
    return data.names, [d.published for d in data.documents], vectors, scores


def build_cache(test_seed: int = 7) -> dict:
    import training as tr
    from desktop.engine.align import sentence_vectors
    from desktop.engine.ingest import read_document
    from desktop.engine.segment import segment

    started = time.time()
    ecb = tr.ecb_sentence_examples()
    pairs = tr.msrp_sentence_examples()
    gold = tr.gold_case_examples()
    sys.path.insert(0, str(ROOT / "tests"))
    from alignment_eval import load_cases

    cases = []
    for case in load_cases():
        if case.name.startswith(("heldout", "seeds")):
            continue
        documents = [read_document(path) for path in case.paths()]
        texts = [[d.text[p.start:p.end] for p in segment(d.text, "X")] for d in documents]
        cases.append((texts, [d.published for d in documents], [f in case.unrelated for f in case.files]))
    sets7 = rd.mixed_sets(seed=test_seed)
    sets11 = rd.mixed_sets(seed=11)
    cache = {"folds": []}
    for fold in range(rd.FOLDS):
        scorer = tr.fit_scorer(ecb, pairs, f"cv{fold}", exclude_fold=fold, gold=gold)
        train = []
        for topic, main, extra in sets11:
            if rd.fold_of(topic) == fold:
                continue
            kept, published, vectors, scores = _scored(main + extra, scorer)
            train.append((topic, [n.endswith("ecbplus") for n in kept], published, vectors, scores))
        own = []
        for texts, published, outside in cases:
            vectors = sentence_vectors(texts)
            scores = {(a, b): scorer.score(vectors[a], vectors[b]) for a, b in combinations(range(len(texts)), 2)}
            own.append((outside, published, vectors, scores))
        test = []
        order = random.Random(3)
        for topic, main, extra in sets7:
            if rd.fold_of(topic) != fold:
                continue
            names = main + extra
            order.shuffle(names)
            kept = [n for n in names if rd.ecb_document_undated(n) is not None]
            if len(kept) < 2:
                continue
            kept, published, vectors, scores = _scored(kept, scorer)
            test.append((topic, [n in extra for n in kept], published, vectors, scores, kept))
        cache["folds"].append({"scorer": scorer, "train": train, "own": own, "test": test})
        print(f"fold {fold} cached ({time.time() - started:.0f} s)", file=sys.stderr)
    return cache


def load_cache(test_seed: int = 7) -> dict:
    """The cached comparisons; ``test_seed``: the seed of the scored mixed sets (7 as in real_news.py)."""
    path = _cache_path(test_seed)
    if path.exists():
        return pickle.loads(path.read_bytes())
    cache = build_cache(test_seed)
    path.write_bytes(pickle.dumps(cache))
    return cache


def evaluate(cache, bar=None, verbose=False, neighbours=None, cascade=False):
    """(outsider recall, false outsider rate, purity, pairwise AUC) and the counts behind them.

    ``cascade``: score the set as the app leaves it (:func:`_as_the_app_settles`)."""
    import training as tr
    from desktop.engine import events as ev

    tally = dict(out=0, caught=0, ins=0, apart=0, groups=0, pure=0)
    labels_all, probs_all = [], []
    misses, wrongly = [], []
    for fold, data in enumerate(cache["folds"]):
        scorer = data["scorer"]
        examples = tr.EventExamples()
        for topic, events, published, vectors, scores in data["train"]:
            rows = ev.article_pair_rows(vectors, published, scores, scorer)
            examples.add(rows, {(a, b): int(events[a] == events[b]) for a, b in rows}, 1.0, rd.fold_of(topic))
        for outside, published, vectors, scores in data["own"]:
            rows = ev.article_pair_rows(vectors, published, scores, scorer)
            examples.add(rows, {(a, b): int(not outside[a] and not outside[b]) for a, b in rows},
                         tr.GOLD_WEIGHT, -1)
        model = tr.fit_event_model(examples)
        threshold = bar if bar is not None else model.threshold
        for topic, outsider, published, vectors, scores, names in data["test"]:
            rows = ev.article_pair_rows(vectors, published, scores, scorer)
            same = model.probabilities(rows)
            for (a, b), p in same.items():
                labels_all.append(int(outsider[a] == outsider[b]))
                probs_all.append(p)
            kw = {} if neighbours is None else {"neighbours": neighbours}
            found = ev.clusters(len(names), same, threshold, **kw)
            if cascade:
                found = _as_the_app_settles(found, model, threshold, vectors, published, scores, scorer, kw)
            missed, apart = separation_tally(outsider, found, scores, scorer, tally)
            misses += [(topic, names[k]) for k in missed]
            wrongly += [names[k] for k in apart]
    auc = _auc(labels_all, probs_all)
    result = (tally["caught"] / tally["out"], tally["apart"] / tally["ins"], tally["pure"] / tally["groups"], auc)
    if verbose:
        from collections import Counter

        print("missed outsiders by topic:", Counter(t for t, _ in misses).most_common())
        print("how they were missed:", {k: v for k, v in tally.items() if k.startswith("missed_")})
        print("most missed outsiders:", Counter(n for _, n in misses).most_common(12))
        print("most often set apart wrongly:", Counter(wrongly).most_common(12))
    return result, tally


def _as_the_app_settles(found, model, threshold, vectors, published, scores, scorer, kw):
    """The clusters as the app ended with them until December 2026: it unticked the articles
    set apart and judged the rest again, until a comparison set none of them apart; every
    article unticked on the way is set apart.  (The app now compares the rest as one story,
    ``CompareConfig.one_story``, which is the single comparison ``evaluate`` scores.)
    Returned as clusters, main story first."""
    from desktop.engine import events as ev

    kept = list(range(len(vectors)))
    main = found[0] if found and len(found[0]) >= 2 else None
    if main is None:
        return found  # no story to set anyone apart from
    while len(main) < len(kept):
        kept = sorted(main)
        sub_scores = {(kept.index(a), kept.index(b)): s for (a, b), s in scores.items()
                      if a in kept and b in kept}
        rows = ev.article_pair_rows([vectors[k] for k in kept], [published[k] for k in kept],
                                    sub_scores, scorer)
        again = ev.clusters(len(kept), model.probabilities(rows), threshold, **kw)
        # With no story among the rest, the app shows them all and marks none.
        main = [kept[k] for k in again[0]] if again and len(again[0]) >= 2 else kept
    return [sorted(main)] + [[k] for k in range(len(vectors)) if k not in main]


def separation_tally(outsider: list[bool], found: list[list[int]], scores, scorer, tally: dict
                     ) -> tuple[list[int], list[int]]:
    """Count one mixed set as ``real_news.py`` does; returns (outsiders missed, insiders set apart).

    ``found``: the event clusters, main story first.  An article is set apart
    when a main story (two or more articles) exists and it is not in it.  A
    missed outsider is counted by how: inside a main story that holds every
    insider too (``missed_joined``) or inside one that lost some insider
    (``missed_led``, the main story itself is mixed).  Sentence groups are
    built as the pipeline builds them (links among the main story's articles,
    or strong links among all when there is none); a group is pure when all
    its sentences come from one side.
    """
    from desktop.engine.align import build_groups
    from desktop.engine.model import CompareConfig

    config = CompareConfig()
    main = set(found[0]) if found and len(found[0]) >= 2 else set()
    insiders = {k for k, out in enumerate(outsider) if not out}
    missed, wrongly = [], []
    for k, is_out in enumerate(outsider):
        apart = bool(main) and k not in main
        if is_out:
            tally["out"] += 1
            tally["caught"] += apart
            if not apart:
                missed.append(k)
                how = "missed_joined" if insiders <= main else ("missed_led" if main else "missed_no_story")
                tally[how] = tally.get(how, 0) + 1
        else:
            tally["ins"] += 1
            tally["apart"] += apart
            if apart:
                wrongly.append(k)
    grouped = main or set(range(len(outsider)))
    links = {(a, i, b, j): p for (a, b), s in scores.items() if a in grouped and b in grouped
             for (i, j), p in s.items()}
    bar = scorer.link_threshold if main else scorer.strong_threshold
    for group in build_groups(links, bar, config.max_per_article, config.max_span, config.merge_support,
                              keep_support=config.keep_support):
        tally["groups"] += 1
        tally["pure"] += len({outsider[a] for a in group.members}) == 1
    return missed, wrongly


def _auc(labels, scores):
    """Area under the ROC curve (ties count half)."""
    ranked = sorted(zip(scores, labels))
    pos = sum(labels)
    neg = len(labels) - pos
    rank_sum = 0.0
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        avg = (i + j + 1) / 2
        rank_sum += avg * sum(l for _, l in ranked[i:j])
        i = j
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg) if pos and neg else float("nan")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bar", type=float, nargs="*")
    parser.add_argument("--neighbours", type=int)
    parser.add_argument("-v", action="store_true")
    parser.add_argument("--cascade", action="store_true",
                        help="score each set as the app settles it: compared again without the "
                             "articles set apart until none is")
    parser.add_argument("--test-seed", type=int, default=7,
                        help="score mixed sets of another seed (a check that a gain is not the sets' luck)")
    args = parser.parse_args(argv)
    cache = load_cache(args.test_seed)
    for bar in args.bar or [None]:
        (recall, false_rate, purity, auc), t = evaluate(cache, bar, args.v, args.neighbours, args.cascade)
        print(f"bar {bar}: outsider recall {recall:.3f} ({t['caught']}/{t['out']})  false {false_rate:.3f} "
              f"({t['apart']}/{t['ins']})  purity {purity:.3f} ({t['pure']}/{t['groups']})  AUC {auc:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
