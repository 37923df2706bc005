#!/usr/bin/env python3
"""How Parallax does on real news: one table, cross-validated by topic.

    .venv/bin/python benchmarks/real_news.py            # cross-validated (needs numpy: .[train])
    .venv/bin/python benchmarks/real_news.py --shipped  # the shipped models as they are (no refit)
    .venv/bin/python benchmarks/real_news.py --sample 40  # also print 40 random linked pairs to read
    .venv/bin/python benchmarks/real_news.py --readings benchmarks/readings/*.tsv
        # also: which of the pairs read blind before are still shown, by verdict and mark

Reads ``../shared/data`` (see its README).  With cross-validation the ECB+
topics are split into five folds by topic number; for each fold the sentence
scorer and the same-event model are refitted on the other four folds (and
the MSRP chunks of those folds) and scored only on the topics of this one,
so no figure is scored on the topics its model was fitted on.

Rows:
- event separation, on mixed sets (3 articles of one event + 0, 1 or 2 of the
  other event of the topic, both directions, fixed seed): outsider recall
  (outsiders set apart), false outsider rate (main-event articles set apart)
  and purity (groups holding sentences of one event only);
- alignment on every ECB+ sub-topic compared whole: recall of the strict
  gold (two annotated sentences sharing two or more event chains) and a
  precision lower bound (of the predicted pairs whose sentences were both
  annotated, the share that share at least one chain);
- the MSRP training pairs laid out as two articles (first sentences against
  second sentences, in chunks of 300), paraphrase pairs as gold;
- the project's own gold cases and seeds 003/004 (never used for fitting).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

import realdata as rd  # noqa: E402
from desktop.engine import CompareConfig  # noqa: E402
from desktop.engine.model import WEAK_BELOW, Document  # noqa: E402
from desktop.engine.pipeline import compare  # noqa: E402


class Tally:
    def __init__(self):
        self.counts: dict[str, float] = {}

    def add(self, **kw):
        for k, v in kw.items():
            self.counts[k] = self.counts.get(k, 0) + v

    def __getitem__(self, k):
        return self.counts.get(k, 0)

    def ratio(self, a, b):
        return self[a] / self[b] if self[b] else float("nan")


GROUP_KNOBS = {}  # CompareConfig fields set from the command line (--merge-support and the like)


def _config(scorer: str, event_model: str) -> CompareConfig:
    return CompareConfig(find_facts=False, scorer=scorer, event_model=event_model, **GROUP_KNOBS)


def text_key(text: str) -> str:
    """A sentence's key in a readings file: a hash of its words, so the file holds no corpus text."""
    import hashlib

    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def load_readings(path: str) -> dict[frozenset, str]:
    """Pairs read before (``benchmarks/readings/*.tsv``: sample seed, number, key of A, key of B,
    verdict) -> verdict (YES, BORDERLINE or NO)."""
    out = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            _, _, a, b, verdict = line.split("\t")
            out[frozenset((a, b))] = verdict
    return out


def print_readings(readings: dict[frozenset, str], sample: list) -> None:
    """How many of the pairs read before are still shown, by verdict and by the marks a user
    sees: a change that takes pairs away can be read against an earlier reading without reading
    again (pairs it adds are unread).  ``sample``: the entries :func:`alignment` collects."""
    from collections import Counter

    # key -> (linked directly, the link's probability or None, the row's confidence)
    shown = {frozenset((text_key(e[0]), text_key(e[1]))): (e[5] if len(e) > 5 else True,
                                                           e[6] if len(e) > 6 else None, e[4])
             for e in sample}

    def counts(keep) -> str:
        found = Counter(v for pair, v in readings.items() if pair in shown and keep(*shown[pair]))
        return ", ".join(f"{v} {found[v]}" for v in ("YES", "BORDERLINE", "NO"))

    read = Counter(readings.values())
    kept = Counter(v for pair, v in readings.items() if pair in shown)
    print("\nPairs read blind before, still shown: "
          + ", ".join(f"{v} {kept[v]}/{read[v]}" for v in ("YES", "BORDERLINE", "NO")))
    total = sum(kept.values())
    if total:
        print(f"  of those still shown, YES {kept['YES'] / total:.3f} "
              f"(all read: {read['YES'] / sum(read.values()):.3f})")
    print("  linked directly: " + counts(lambda direct, link, row: direct))
    print("  joined through other members: " + counts(lambda direct, link, row: not direct))
    print(f"  with no mark (linked directly at {WEAK_BELOW} or more, row not weak): "
          + counts(lambda direct, link, row: direct and row >= WEAK_BELOW
                   and (link is None or link >= WEAK_BELOW)))
    for low, high in ((0.0, 0.5), (0.5, 0.65), (0.65, 0.8), (0.8, 0.9), (0.9, 1.01)):
        print(f"  linked directly at {low:.2f}-{min(high, 1):.2f}: "
              + counts(lambda direct, link, row: link is not None and low <= link < high))


def _passage_index(comparison):
    """passage id -> (article index, sentence index)."""
    return {p.id: (k, n) for k, a in enumerate(comparison.articles) for n, p in enumerate(a.passages)}


def direct_pairs(comparison) -> dict[tuple[int, int, int, int], float]:
    """The shown pairs the sentence scorer links directly (a group's links, an also-told
    passage's link to its partner), with the link's probability; the rest of a row's pairs
    were joined through others."""
    where = _passage_index(comparison)
    out = {}
    for group in comparison.groups:
        found = ([(k.a, k.b, k.probability) for k in group.links or ()]
                 + [(t.passage, t.linked_to, t.confidence) for t in group.also])
        for p, q, probability in found:
            (a, i), (b, j) = sorted((where[p], where[q]))
            out[(a, i, b, j)] = max(probability, out.get((a, i, b, j), 0.0))
    return out


def predicted_pairs(comparison, also: bool = True) -> set[tuple[int, int, int, int]]:
    """Every two passages of different articles shown in one row (``also``: also-told ones too)."""
    return set(pair_confidence(comparison, also))


def pair_confidence(comparison, also: bool = True) -> dict[tuple[int, int, int, int], float]:
    """Each shown pair (see :func:`predicted_pairs`) with the confidence of its row (the
    higher, if it stands in two)."""
    where = _passage_index(comparison)
    out: dict[tuple[int, int, int, int], float] = {}
    for group in comparison.groups:
        members = sorted(where[p] for p in (group.told() if also else group.passages))
        for (a, i), (b, j) in combinations(members, 2):
            if a != b:
                out[(a, i, b, j)] = max(out.get((a, i, b, j), 0.0), group.confidence)
    return out


def event_separation(sets, config, tally: Tally) -> None:
    order = random.Random(3)
    for topic, main, extra in sets:
        names = main + extra
        order.shuffle(names)  # the order of files must not tell which is the story
        data = _documents(names)
        if data is None:
            continue
        names, documents = data
        comparison = compare(documents, config)
        outsider = [n in extra for n in names]
        for article, is_out in zip(comparison.articles, outsider):
            if is_out:
                tally.add(outsiders=1, outsiders_caught=int(not article.related))
            else:
                tally.add(insiders=1, insiders_set_apart=int(not article.related))
                if not extra:
                    tally.add(insiders_no_outsider=1, set_apart_no_outsider=int(not article.related))
        where = _passage_index(comparison)
        for group in comparison.groups:
            kinds = {outsider[where[p][0]] for p in group.told()}
            tally.add(groups=1, pure_groups=int(len(kinds) == 1))


def two_events(topics, config, tally: Tally) -> None:
    """Both sub-topics of each topic compared together (two events of one kind, 10-30
    articles): of the article pairs put in one event cluster, how many are of one event, and
    of the same-event pairs, how many are put together."""
    for topic in topics:
        subs = rd.ecb_corpus()[topic]
        data = _documents(subs["ecb"] + subs["ecbplus"])
        if data is None:
            continue
        names, documents = data
        comparison = compare(documents, config)
        # (With no two articles judged one event every article would keep event 1 and count
        # as together; 10-30 reports of two events never come to that.)
        event = [a.event for a in comparison.articles]
        for a, b in combinations(range(len(names)), 2):
            together, gold = event[a] == event[b], names[a].endswith("ecbplus") == names[b].endswith("ecbplus")
            tally.add(two_together=int(together), two_right=int(together and gold), two_same=int(gold))
        tally.add(two_topics=1, two_split=int(len({e for e in event}) > 1))


def _documents(names):
    documents, kept = [], []
    for name in names:
        document = rd.ecb_document_undated(name)
        if document is not None:
            documents.append(document)
            kept.append(name)
    return (kept, documents) if len(documents) >= 2 else None


def alignment(topics, config, tally: Tally, sample: list | None = None,
              reliability: list | None = None) -> None:
    """``reliability``: gets (group confidence, judged pairs right, judged pairs) per group."""
    from training import ecb_set

    for topic in topics:
        for sub, names in rd.ecb_corpus()[topic].items():
            data = ecb_set(names)
            if len(data.names) < 2:
                continue
            comparison = compare(data.documents, config)
            # All one event: a set-level rule that peels the least alike report off a
            # large story shows here, not in the mixed sets (docs/real-news.md).
            tally.add(whole_articles=len(comparison.articles),
                      whole_set_apart=sum(a.related is False for a in comparison.articles))
            strict = rd.gold_sentence_pairs(data.golds, 2)
            loose = rd.gold_sentence_pairs(data.golds, 1)
            judged = rd.judged_pairs(data.golds)
            shown = pair_confidence(comparison)
            predicted = set(shown)
            direct = direct_pairs(comparison)
            added = predicted - predicted_pairs(comparison, also=False)  # only through an also-told one
            tally.add(strict=len(strict), strict_found=len(strict & predicted),
                      predicted=len(predicted), judged=len(predicted & judged),
                      judged_right=len(predicted & judged & loose), also=len(added),
                      also_strict=len(strict & added), also_judged=len(added & judged),
                      also_right=len(added & judged & loose))
            # Pairs a user sees with no mark: linked directly, firmly, in a row not weak.
            plain = {k for k in predicted if direct.get(k, 0.0) >= WEAK_BELOW and shown[k] >= WEAK_BELOW}
            tally.add(plain=len(plain), plain_strict=len(strict & plain), plain_judged=len(plain & judged),
                      plain_right=len(plain & judged & loose))
            through = predicted - set(direct)  # joined through other members of the row
            tally.add(through=len(through), through_strict=len(strict & through),
                      through_judged=len(through & judged), through_right=len(through & judged & loose))
            if reliability is not None:
                where = _passage_index(comparison)
                for group in comparison.groups:
                    members = sorted(where[p] for p in group.passages)
                    cross = {(a, i, b, j) for (a, i), (b, j) in combinations(members, 2) if a != b}
                    if cross & judged:
                        reliability.append((group.confidence, len(cross & judged & loose),
                                            len(cross & judged)))
            if sample is not None:
                for a, i, b, j in sorted(predicted):  # an order no set internals can move
                    sample.append((data.sentences[a][i], data.sentences[b][j],
                                   (a, i, b, j) in loose, (a, i, b, j) in added, shown[(a, i, b, j)],
                                   (a, i, b, j) in direct, direct.get((a, i, b, j))))


def msrp(chunks, config, tally: Tally) -> None:
    """``chunks``: (chunk number, chunk), laid out as in fitting (``training.msrp_layout``)."""
    from training import msrp_layout

    for number, chunk in chunks:
        first, second, at = msrp_layout(chunk, number)
        left = Document("msrp-1", "\n\n".join(first))
        right = Document("msrp-2", "\n\n".join(second))
        comparison = compare([left, right], config)
        # Sentences are one paragraph each; map passages to pair index by paragraph.
        para = {p.id: (k, p.paragraph) for k, a in enumerate(comparison.articles) for p in a.passages}
        predicted = set()
        for group in comparison.groups:
            members = [para[p] for p in group.passages]
            for (a, i), (b, j) in combinations(sorted(members), 2):
                if a != b:
                    predicted.add((i, j))
        gold = {(n, at[n]) for n, (q, _, _) in enumerate(chunk) if q == 1}
        tally.add(msrp_gold=len(gold), msrp_found=len(gold & predicted), msrp_predicted=len(predicted))


def own_cases(tally: Tally, config=None) -> dict[str, tuple]:
    """The own gold cases and seeds 003/004, with the shipped models or ``config``'s."""
    from alignment_eval import evaluate, load_cases

    out = {}
    for case in load_cases():
        s, *_ = evaluate(case, config)
        out[case.name] = (s.precision, s.recall, s.f1)
        key = "seeds" if case.name.startswith("seeds") else (
            "heldout" if case.name.startswith("heldout") else "tuned")
        tally.add(**{f"{key}_tp": s.tp, f"{key}_fp": s.fp, f"{key}_fn": s.fn})
    return out


def _prf(tally, key):
    tp, fp, fn = tally[f"{key}_tp"], tally[f"{key}_fp"], tally[f"{key}_fn"]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


RELIABILITY_BINS = (0.0, 0.5, 0.65, 0.8, 0.9, 1.01)


def print_reliability(entries) -> None:
    """How often the judged pairs inside groups of each confidence are right.

    A group's confidence claims the probability that its passages tell the
    same thing; the judged pairs (both sentences annotated) say how often
    they do (a lower bound: annotation covers mostly openings).
    """
    if not entries:
        return
    print("\nGroup confidence against judged pairs right (each judged pair counts once):")
    print("| confidence | groups | judged pairs | mean confidence | right |")
    print("|---|---|---|---|---|")
    total = sum(n for *_, n in entries)
    gap = 0.0
    for lo, hi in zip(RELIABILITY_BINS, RELIABILITY_BINS[1:]):
        inside = [(c, r, n) for _, c, r, n in entries if lo <= c < hi]
        pairs = sum(n for *_, n in inside)
        if not pairs:
            continue
        mean = sum(c * n for c, _, n in inside) / pairs
        right = sum(r for _, r, _ in inside) / pairs
        gap += pairs / total * abs(mean - right)
        print(f"| {lo:.2f}–{min(hi, 1.0):.2f} | {len(inside)} | {pairs} | {mean:.3f} | {right:.3f} |")
    print(f"expected calibration error (pair-weighted): {gap:.3f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shipped", action="store_true", help="score the shipped models (no refit)")
    parser.add_argument("--topics", type=int, nargs="*", help="only these ECB+ topics")
    parser.add_argument("--sample", type=int, default=0, help="print this many random linked pairs")
    parser.add_argument("--sample-seed", type=int, nargs="+", default=[40], metavar="N",
                        help="the seed(s) of that sample (the docs read 40, 43 and 45)")
    parser.add_argument("--sample-also", type=int, default=0, metavar="N",
                        help="print N random pairs of those shown together only through an also-passage")
    parser.add_argument("--trial", metavar="NAME",
                        help="cross-validate a trial scorer from benchmarks/scorer_NAME.py instead")
    parser.add_argument("--also", type=float, metavar="P",
                        help="the bar of the link that tells a sentence also in another group "
                             "(align.ALSO_THRESHOLD, 0.5 in the app)")
    parser.add_argument("--also-support", type=float, metavar="S",
                        help="the mean link probability an also-told sentence needs with the "
                             "group's members (align.ALSO_SUPPORT, 0.6 in the app)")
    parser.add_argument("--dump-pairs", metavar="PATH",
                        help="write every shown pair (texts, chain gold, also-told, row confidence, "
                             "direct, link) to a pickle, to draw a reading from")
    parser.add_argument("--readings", metavar="TSV", nargs="+",
                        help="report which pairs of earlier blind readings are still shown "
                             "(benchmarks/readings/*.tsv)")
    for knob in ("merge_support", "keep_support"):
        parser.add_argument(f"--{knob.replace('_', '-')}", type=float, help=f"CompareConfig.{knob}")
    for knob in ("max_per_article", "max_span"):
        parser.add_argument(f"--{knob.replace('_', '-')}", type=int, help=f"CompareConfig.{knob}")
    args = parser.parse_args(argv)
    import desktop.engine.align as grouping

    for knob in ("merge_support", "keep_support", "max_per_article", "max_span"):
        if getattr(args, knob) is not None:
            GROUP_KNOBS[knob] = getattr(args, knob)

    if args.also is not None:
        grouping.ALSO_THRESHOLD = args.also
    if args.also_support is not None:
        grouping.ALSO_SUPPORT = args.also_support
    if not rd.available():
        print(f"real_news: no data at {rd.data_root()}; nothing measured", file=sys.stderr)
        return 1
    started = time.time()
    topics = args.topics or rd.topics()
    sets = [s for s in rd.mixed_sets() if s[0] in topics]
    events, align, para = Tally(), Tally(), Tally()
    reliability: list = []  # (fold, group confidence, judged pairs right, judged pairs)
    sample = [] if args.sample or args.sample_also or args.readings or args.dump_pairs else None
    from training import msrp_chunks

    chunks = msrp_chunks()
    trial = None
    if args.shipped:
        config = _config("lexical", "default")
        event_separation(sets, config, events)
        two_events(topics, config, events)
        alignment(topics, config, align, sample, reliability)
        msrp(list(enumerate(chunks)), config, para)
    else:
        import training as tr
        from desktop.engine.events import register_event_model
        from desktop.engine.scoring import register

        trial = __import__(f"scorer_{args.trial}") if args.trial else None
        extra = trial.extra if trial else None
        ecb = tr.ecb_sentence_examples(extra=extra)
        pairs = tr.msrp_sentence_examples(extra=extra)
        gold = tr.gold_case_examples(extra=extra)
        for fold in range(rd.FOLDS):
            fold_topics = [t for t in topics if rd.fold_of(t) == fold]
            scorer = tr.fit_scorer(ecb, pairs, f"cv{fold}", exclude_fold=fold, gold=gold)
            if trial:
                scorer = tr.TrialScorer(**scorer.__dict__, extra=trial.extra)
            register(scorer.name, lambda s=scorer: s)
            train_topics = [t for t in rd.topics() if rd.fold_of(t) != fold]
            model = tr.fit_event_model(tr.event_examples(scorer, train_topics))
            register_event_model(f"cv{fold}", model)
            config = _config(scorer.name, f"cv{fold}")
            event_separation([s for s in sets if s[0] in fold_topics], config, events)
            two_events(fold_topics, config, events)
            found: list = []
            alignment(fold_topics, config, align, sample, found)
            reliability += [(fold, *entry) for entry in found]
            msrp([(n, c) for n, c in enumerate(chunks) if n % rd.FOLDS == fold], config, para)
    own = Tally()
    own_config = None
    if trial:
        # The own cases share no topic with ECB+, so they are scored as the app would be
        # with the trial shipped: both models refitted on everything (as
        # scripts/train_models.py fits them).  Before December 2026 a trial's own and
        # seeds rows were the shipped models' figures.
        scorer = tr.TrialScorer(**tr.fit_scorer(ecb, pairs, "trial-all", gold=gold).__dict__,
                                extra=trial.extra)
        register(scorer.name, lambda s=scorer: s)
        register_event_model("trial-all", tr.fit_event_model(tr.event_examples(scorer, rd.topics())))
        own_config = _config(scorer.name, "trial-all")
    cases = own_cases(own, own_config)

    mode = "shipped models" if args.shipped else f"cross-validated by topic ({rd.FOLDS} folds)"
    mode += (f", also-told at {grouping.ALSO_THRESHOLD} (support {grouping.ALSO_SUPPORT})"
             if grouping.ALSO_THRESHOLD is not None else ", no also-told passages")
    if GROUP_KNOBS:
        mode += ", " + ", ".join(f"{k} {v}" for k, v in sorted(GROUP_KNOBS.items()))
    print(f"Parallax on real news: {mode}; {len(topics)} ECB+ topics, {len(sets)} mixed sets")
    print("| measure | value | target |")
    print("|---|---|---|")
    print(f"| outsider recall (other-event articles set apart) | {events.ratio('outsiders_caught', 'outsiders'):.3f}"
          f" ({events['outsiders_caught']:.0f}/{events['outsiders']:.0f}) | >= 0.90 |")
    print(f"| false outsider rate (same-event articles set apart) | {events.ratio('insiders_set_apart', 'insiders'):.3f}"
          f" ({events['insiders_set_apart']:.0f}/{events['insiders']:.0f}; in sets with no outsider "
          f"{events['set_apart_no_outsider']:.0f}/{events['insiders_no_outsider']:.0f}) | <= 0.05 |")
    print(f"| same-event articles set apart, ECB+ sub-topics compared whole | "
          f"{align.ratio('whole_set_apart', 'whole_articles'):.3f} ({align['whole_set_apart']:.0f}"
          f"/{align['whole_articles']:.0f}) | |")
    print(f"| two events compared together (both sub-topics of a topic): pairs clustered together"
          f" of one event / one event's pairs kept together | {events.ratio('two_right', 'two_together'):.3f}"
          f" / {events.ratio('two_right', 'two_same'):.3f} ({events['two_split']:.0f} of"
          f" {events['two_topics']:.0f} topics split) | |")
    print(f"| purity (groups of one event only) | {events.ratio('pure_groups', 'groups'):.3f}"
          f" ({events['pure_groups']:.0f}/{events['groups']:.0f}) | >= 0.95 |")
    print(f"| strict gold recall (ECB+ sub-topics compared whole) | {align.ratio('strict_found', 'strict'):.3f}"
          f" ({align['strict_found']:.0f}/{align['strict']:.0f}) | >= 0.75 |")
    print(f"| precision lower bound (judged pairs sharing a chain) | {align.ratio('judged_right', 'judged'):.3f}"
          f" ({align['judged_right']:.0f}/{align['judged']:.0f} of {align['predicted']:.0f} predicted) | >= 0.75 |")
    if align["also"]:
        print(f"| of which held by also-passages | {align['also']:.0f} pairs: strict {align['also_strict']:.0f},"
              f" judged right {align['also_right']:.0f}/{align['also_judged']:.0f} | |")
    print(f"| of which shown with no mark (linked directly, firmly, in a row not weak) | {align['plain']:.0f}"
          f" pairs: strict {align['plain_strict']:.0f}, judged right {align['plain_right']:.0f}/"
          f"{align['plain_judged']:.0f} | |")
    print(f"| of which joined through other members (not linked themselves) | {align['through']:.0f} pairs:"
          f" strict {align['through_strict']:.0f}, judged right {align['through_right']:.0f}/"
          f"{align['through_judged']:.0f} | |")
    p = para.ratio("msrp_found", "msrp_predicted")
    r = para.ratio("msrp_found", "msrp_gold")
    print(f"| MSRP training pairs as two articles: P / R | {p:.3f} / {r:.3f} | |")
    for key, label, target in (("tuned", "own tuned cases", ">= 0.90"),
                               ("heldout", "own blind cases", ">= 0.88"),
                               ("seeds", "seeds 003/004", "R >= 0.6 at P >= 0.8")):
        p, r, f = _prf(own, key)
        print(f"| {label}: P / R / F1 | {p:.3f} / {r:.3f} / {f:.3f} | {target} |")
    print(f"({time.time() - started:.0f} s)")
    if args.shipped:
        reliability = [(0, *entry) for entry in reliability]
    print_reliability(reliability)
    for name, (p, r, f) in cases.items():
        print(f"  {name}: P={p:.3f} R={r:.3f} F1={f:.3f}")
    if args.dump_pairs:
        import pickle

        Path(args.dump_pairs).write_bytes(pickle.dumps(sample))
    if args.readings:
        print_readings({k: v for path in args.readings for k, v in load_readings(path).items()}, sample)
    if sample and args.sample_also:
        added = [entry for entry in sample if entry[3]]
        print(f"\n{args.sample_also} of {len(added)} pairs shown together only through an also-passage"
              " (seed 41); * = shares a chain in the corpus gold")
        for n, (x, y, ok, *_) in enumerate(random.Random(41).sample(added, min(args.sample_also, len(added))), 1):
            print(f"{n:2d}{'*' if ok else ' '} A: {x}\n    B: {y}")
    for seed in (args.sample_seed if sample and args.sample else ()):
        rng = random.Random(seed)
        print(f"\n{args.sample} random linked pairs (seed {seed}); * = shares a chain in the corpus gold,"
              " + = shown together only through an also-passage, [c] = the row's confidence")
        for n, (x, y, ok, added, c, *_) in enumerate(rng.sample(sample, min(args.sample, len(sample))), 1):
            print(f"{n:2d}{'*' if ok else ' '}{'+' if added else ' '} [{c:.2f}] A: {x}\n     B: {y}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
