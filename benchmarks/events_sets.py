"""Set-level event rules, measured on the fold models of ``events_quick.py`` (cross-validated).

* ``split_check(below, side)``: the app's clusters, then each large cluster of two unlike
  sides cut in two (``events.split_clusters``, shipped at 0.25 / 4), on both sub-topics of
  each topic compared together (two events) and on each sub-topic compared whole (one
  event); ``whole_topics()``: the clustering alone on the first.  See docs/real-news.md,
  "Two events of one kind compared together".
* A trial, not shipped: a second look at each event cluster, one article at a time.  After
  the clustering, a small logistic model reads each member of a cluster of three or more
  beside the rest (its mean logit P(same event) with the others, their mean among
  themselves, the gap, its lowest and highest, how far below the other members' own means
  it falls); members it calls outliers leave, weakest first.  Fitted on inner
  cross-fitted probabilities (the event model refitted without each training fold in
  turn).  See docs/real-news.md, "A second look at each cluster".

    .venv/bin/python benchmarks/events_sets.py 7 0.3 0.5   # the trial, mixed sets only
    .venv/bin/python -c "import sys; sys.path.insert(0, 'benchmarks'); \
        import events_sets as t; t.run(7, (0.3, 0.5)); t.split_check(0.25, 4)"
"""
import math
import os
import pathlib
import pickle
import statistics
import sys
import tempfile
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks")); sys.path.insert(0, str(ROOT))
import events_quick as eq  # noqa: E402
import realdata as rd  # noqa: E402
import training as tr  # noqa: E402
from desktop.engine import events as ev

L = ev._logit

def p_of(same, a, b):
    return same.get((a, b) if a < b else (b, a), 0.0)

# RAW=1: also the gap of a few raw event features; WHOLE=1: train on whole sets as clusters too.
RAW = [n for n in ("name_cos", "doc_cos", "numbers_shared", "unit_conflict", "unit_agree", "lead_person", "top3_link", "key_names", "lead_cos", "ev_mean")]
USE_RAW = os.environ.get("RAW", "0") == "1"
WHOLE = os.environ.get("WHOLE", "1") == "1"
def raw_gaps(k, C, full):
    O = [j for j in C if j != k]
    out = []
    for name in RAW:
        i = ev.EVENT_FEATURES.index(name)
        f = lambda a, b: full[(a, b) if a < b else (b, a)][i]
        m_in = sum(f(k, j) for j in O) / len(O)
        lo = [f(a, b) for n, a in enumerate(O) for b in O[n+1:]]
        out.append(sum(lo) / len(lo) - m_in)
    return tuple(out)

def feats(k, C, same, full=None):
    base = _feats(k, C, same)
    return (raw_gaps(k, C, full) + base) if USE_RAW else base

def _feats(k, C, same):
    O = [j for j in C if j != k]
    lin = [L(p_of(same, k, j)) for j in O]
    lo = [L(p_of(same, i, j)) for n, i in enumerate(O) for j in O[n+1:]]
    mean_in = sum(lin) / len(lin); mean_o = sum(lo) / len(lo)
    others_in = []
    for m in O:
        others_in.append(sum(L(p_of(same, m, j)) for j in C if j != m) / (len(C) - 1))
    mu = sum(others_in) / len(others_in)
    sd = statistics.pstdev(others_in) if len(others_in) > 1 else 0.0
    return (mean_in, min(lin), max(lin), mean_o, mean_o - mean_in, mean_in - mu,
            (mean_in - mu) / (sd + 1.0), float(mean_in <= min(others_in)), 1.0)

def examples_from(sets_found):
    rows, labels = [], []
    for events, same, found, full in sets_found:
        cl = list(found) + ([list(range(len(events)))] if WHOLE and len(events) >= 3 else [])
        for C in cl:
            if len(C) < 3: continue
            votes = [events[k] for k in C]
            major = max(set(votes), key=votes.count)
            for k in C:
                rows.append(feats(k, C, same, full)); labels.append(int(events[k] != major))
    return rows, labels

def prob(w, row):
    z = sum(a * b for a, b in zip(w, row)); return 1 / (1 + math.exp(-z))

def refine(n, found, same, w, bar, thr, full):
    out = []
    for C in found:
        C = list(C); removed = []
        while len(C) >= 3:
            scored = [(prob(w, feats(k, C, same, full)), k) for k in C]
            pbest, k = max(scored)
            if pbest <= bar: break
            C.remove(k); removed.append(k)
        out.append(C)
        if removed:
            sub = {(a, b): p for (a, b), p in same.items() if a in removed and b in removed}
            idx = sorted(removed); pos = {x: i for i, x in enumerate(idx)}
            subsame = {(pos[a], pos[b]): p for (a, b), p in sub.items()}
            for g in ev.clusters(len(idx), subsame, thr):
                out.append([idx[i] for i in g])
    def coh(g):
        pr = [(a, b) for n_, a in enumerate(g) for b in g[n_+1:]]
        return sum(same.get(x, 0) for x in pr) / len(pr) if pr else 0
    return sorted([sorted(g) for g in out if g], key=lambda g: (-len(g), -coh(g), g[0]))

def fit_model(train_rows, own_rows):
    ex = tr.EventExamples()
    for topic, events, rows in train_rows:
        ex.add(rows, {(a, b): int(events[a] == events[b]) for a, b in rows}, 1.0, rd.fold_of(topic))
    for outside, rows in own_rows:
        ex.add(rows, {(a, b): int(not outside[a] and not outside[b]) for a, b in rows}, tr.GOLD_WEIGHT, -1)
    return tr.fit_event_model(ex)

def main(seed=7, bars=(0.5,)):
    cache = eq.load_cache(seed)
    bases = [float(x) for x in os.environ.get('BASES', '').split()] or [None]
    tallies = {(c, b): dict(out=0, caught=0, ins=0, apart=0, groups=0, pure=0) for c in bases for b in (None,) + tuple(bars)}
    for fold, data in enumerate(cache["folds"]):
        scorer = data["scorer"]
        train_rows = [(t, e, ev.article_pair_rows(v, p, s, scorer)) for t, e, p, v, s in data["train"]]
        own_rows = [(o, ev.article_pair_rows(v, p, s, scorer)) for o, p, v, s in data["own"]]
        model = fit_model(train_rows, own_rows)
        inner = []
        for g in range(rd.FOLDS):
            if g == fold: continue
            m_g = fit_model([r for r in train_rows if rd.fold_of(r[0]) != g], own_rows)
            for t, e, rows in train_rows:
                if rd.fold_of(t) != g: continue
                same = m_g.probabilities(rows)
                inner.append((e, same, ev.clusters(len(e), same, m_g.threshold), ev.complete_rows(rows, m_g.sentence_weights)))
        X, y = examples_from(inner)
        w = tr.fit_logistic(X, y, [1.0] * len(y))
        if fold == 0: print("weights", [round(x, 2) for x in w], "pos", sum(y), len(y))
        for topic, outsider, published, vectors, scores, names in data["test"]:
            rows = ev.article_pair_rows(vectors, published, scores, scorer)
            same = model.probabilities(rows)
            full = ev.complete_rows(rows, model.sentence_weights)
            for c, b in tallies:
                thr = model.threshold if c is None else c
                found = ev.clusters(len(names), same, thr)
                f = found if b is None else refine(len(names), found, same, w, b, thr, full)
                eq.separation_tally(outsider, f, scores, scorer, tallies[(c, b)])
    for b, t in tallies.items():
        print(f"bar {b}: recall {t['caught']/t['out']:.3f} false {t['apart']/t['ins']:.3f} purity {t['pure']/t['groups']:.3f}")

if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    bars = tuple(float(x) for x in sys.argv[2:]) or (0.3, 0.4, 0.5, 0.6)
    main(seed, bars)

def whole_data():
    cache = eq.load_cache(7)
    cpath = pathlib.Path(tempfile.gettempdir()) / "parallax_outlier_whole.pkl"
    wc = pickle.loads(cpath.read_bytes()) if cpath.exists() else {}
    corpus = rd.ecb_corpus(); changed = False
    for topic in rd.topics():
        f = rd.fold_of(topic)
        for sub, names in corpus[topic].items():
            if (f, topic, sub) not in wc:
                wc[(f, topic, sub)] = eq._scored(names, cache["folds"][f]["scorer"]); changed = True
    if changed: cpath.write_bytes(pickle.dumps(wc))
    return cache, {(t, s): v for (f, t, s), v in wc.items()}

def run(seed=7, bars=(0.3, 0.5), whole_weight=1.0):
    cache7 = eq.load_cache(seed)
    cache, wc = whole_data()
    tallies = {b: dict(out=0, caught=0, ins=0, apart=0, groups=0, pure=0, wapart=0, wn=0) for b in (None,) + tuple(bars)}
    wrows = {}
    for (t, s), (kept, published, vectors, scores) in wc.items():
        sc = cache["folds"][rd.fold_of(t)]["scorer"]
        wrows[(t, s)] = (len(kept), ev.article_pair_rows(vectors, published, scores, sc))
    for fold, data in enumerate(cache7["folds"]):
        scorer = data["scorer"]
        train_rows = [(t, e, ev.article_pair_rows(v, p, s, scorer)) for t, e, p, v, s in data["train"]]
        own_rows = [(o, ev.article_pair_rows(v, p, s, scorer)) for o, p, v, s in data["own"]]
        model = fit_model(train_rows, own_rows)
        inner, inner_w = [], []
        for g in range(rd.FOLDS):
            if g == fold: continue
            m_g = fit_model([r for r in train_rows if rd.fold_of(r[0]) != g], own_rows)
            for t, e, rows in train_rows:
                if rd.fold_of(t) != g: continue
                same = m_g.probabilities(rows)
                inner.append((e, same, ev.clusters(len(e), same, m_g.threshold), ev.complete_rows(rows, m_g.sentence_weights)))
            for (t, s), (n, rows) in wrows.items():
                if rd.fold_of(t) != g or n < 3: continue
                same = m_g.probabilities(rows)
                inner_w.append(([False] * n, same, ev.clusters(n, same, m_g.threshold), ev.complete_rows(rows, m_g.sentence_weights)))
        X, y = examples_from(inner)
        Xw, yw = examples_from(inner_w)
        w = tr.fit_logistic(X + Xw, y + yw, [1.0] * len(y) + [whole_weight] * len(yw))
        if fold == 0: print("weights", [round(x, 2) for x in w], "pos", sum(y), len(y), "whole rows", len(yw))
        for topic, outsider, published, vectors, scores, names in data["test"]:
            rows = ev.article_pair_rows(vectors, published, scores, scorer)
            same = model.probabilities(rows)
            full = ev.complete_rows(rows, model.sentence_weights)
            found = ev.clusters(len(names), same, model.threshold)
            for b in tallies:
                f = found if b is None else refine(len(names), found, same, w, b, model.threshold, full)
                eq.separation_tally(outsider, f, scores, scorer, tallies[b])
        for (t, s), (n, rows) in wrows.items():
            if rd.fold_of(t) != fold: continue
            same = model.probabilities(rows)
            full = ev.complete_rows(rows, model.sentence_weights)
            found = ev.clusters(n, same, model.threshold)
            for b in tallies:
                f = found if b is None else refine(n, found, same, w, b, model.threshold, full)
                tallies[b]["wapart"] += n - len(f[0]); tallies[b]["wn"] += n
    for b, t in tallies.items():
        print(f"bar {b}: recall {t['caught']/t['out']:.3f} false {t['apart']/t['ins']:.3f} purity {t['pure']/t['groups']:.3f}"
              f"  whole sub-topics set apart {t['wapart']}/{t['wn']} ({t['wapart']/t['wn']:.3f})")


def whole_topics(neighbours=None, bars=(None,)):
    """Both sub-topics of a topic compared together: how the clustering splits two big events.

    Pair precision / recall of "same cluster" against "same sub-topic", and how many articles
    of the main cluster report the other event.
    """
    cache = eq.load_cache(7)
    cpath = pathlib.Path(tempfile.gettempdir()) / "parallax_whole_topics.pkl"
    wt = pickle.loads(cpath.read_bytes()) if cpath.exists() else {}
    corpus = rd.ecb_corpus()
    changed = False
    for topic in rd.topics():
        if topic not in wt:
            names = corpus[topic]["ecb"] + corpus[topic]["ecbplus"]
            wt[topic] = eq._scored(names, cache["folds"][rd.fold_of(topic)]["scorer"])
            changed = True
    if changed:
        cpath.write_bytes(pickle.dumps(wt))
    for bar in bars:
        tp = fp = fn = 0
        main_total = main_other = 0
        split = 0
        for fold, data in enumerate(cache["folds"]):
            scorer = data["scorer"]
            train_rows = [(t, e, ev.article_pair_rows(v, p, s, scorer)) for t, e, p, v, s in data["train"]]
            own_rows = [(o, ev.article_pair_rows(v, p, s, scorer)) for o, p, v, s in data["own"]]
            model = fit_model(train_rows, own_rows)
            for topic, (kept, published, vectors, scores) in wt.items():
                if rd.fold_of(topic) != fold:
                    continue
                rows = ev.article_pair_rows(vectors, published, scores, scorer)
                same = model.probabilities(rows)
                kw = {} if neighbours is None else {"neighbours": neighbours}
                found = ev.clusters(len(kept), same, bar if bar is not None else model.threshold, **kw)
                where = {k: n for n, g in enumerate(found) for k in g}
                sub = [name.endswith("ecbplus") for name in kept]
                for a in range(len(kept)):
                    for b in range(a + 1, len(kept)):
                        together, gold = where[a] == where[b], sub[a] == sub[b]
                        tp += together and gold
                        fp += together and not gold
                        fn += gold and not together
                main = found[0]
                major = max((True, False), key=lambda s: sum(sub[k] == s for k in main))
                main_total += len(main)
                main_other += sum(sub[k] != major for k in main)
                split += len([g for g in found if len(g) >= 2]) >= 2
        print(f"whole topics (bar {bar}): same-cluster pairs P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f};"
              f" main cluster holds {main_other}/{main_total} of the other event; {split}/{len(wt)} topics split in two")


def _within(model, scorer, vectors, published, scores):
    """P(same event) of some articles scored as a comparison of their own (as corpus.stories does)."""
    def score(members):
        members = sorted(members)
        local = {(i, j): scores[(members[i], members[j])]
                 for i in range(len(members)) for j in range(i + 1, len(members))}
        rows = ev.article_pair_rows([vectors[k] for k in members], [published[k] for k in members], local, scorer)
        return {(members[i], members[j]): p for (i, j), p in model.probabilities(rows).items()}
    return score


def split_check(below=None, side=None):
    """The app's clusters, then corpus.stories.split_stories on each of 2 x side or more articles:
    whole topics (two events), whole sub-topics (one event)."""
    from desktop.engine.corpus import stories as st
    below = st.SPLIT_BELOW if below is None else below
    side = st.SPLIT_SIDE if side is None else side
    cache, wc = whole_data()
    wt = pickle.loads((pathlib.Path(tempfile.gettempdir()) / "parallax_whole_topics.pkl").read_bytes())
    res = {k: dict(tp=0, fp=0, fn=0, other=0, main=0, split=0, n=0, apart=0, arts=0) for k in ("app", "split")}
    for fold, data in enumerate(cache["folds"]):
        scorer = data["scorer"]
        train_rows = [(t, e, ev.article_pair_rows(v, p, s, scorer)) for t, e, p, v, s in data["train"]]
        own_rows = [(o, ev.article_pair_rows(v, p, s, scorer)) for o, p, v, s in data["own"]]
        model = fit_model(train_rows, own_rows)
        for topic, (kept, published, vectors, scores) in wt.items():
            if rd.fold_of(topic) != fold:
                continue
            rows = ev.article_pair_rows(vectors, published, scores, scorer)
            same = model.probabilities(rows)
            found = ev.clusters(len(kept), same, model.threshold)
            sub = [name.endswith("ecbplus") for name in kept]
            for key, f in (("app", found), ("split", st.split_stories(
                    found, _within(model, scorer, vectors, published, scores), below, side))):
                r = res[key]
                where = {k: n for n, g in enumerate(f) for k in g}
                for a in range(len(kept)):
                    for b in range(a + 1, len(kept)):
                        together, gold = where[a] == where[b], sub[a] == sub[b]
                        r["tp"] += together and gold
                        r["fp"] += together and not gold
                        r["fn"] += gold and not together
                main = max(f, key=len)
                major = max((True, False), key=lambda s: sum(sub[k] == s for k in main))
                r["main"] += len(main)
                r["other"] += sum(sub[k] != major for k in main)
                r["split"] += len([g for g in f if len(g) >= 2]) >= 2
                r["n"] += 1
        for (t, s), (kept, published, vectors, scores) in wc.items():
            if rd.fold_of(t) != fold:
                continue
            rows = ev.article_pair_rows(vectors, published, scores, scorer)
            same = model.probabilities(rows)
            found = ev.clusters(len(kept), same, model.threshold)
            for key, f in (("app", found), ("split", st.split_stories(
                    found, _within(model, scorer, vectors, published, scores), below, side))):
                f = sorted(f, key=lambda g: -len(g))
                res[key]["apart"] += len(kept) - len(f[0])
                res[key]["arts"] += len(kept)
    for key, r in res.items():
        print(f"{key:5s} (below {below}, side {side}): whole topics pairs P {r['tp'] / max(1, r['tp'] + r['fp']):.3f}"
              f" R {r['tp'] / max(1, r['tp'] + r['fn']):.3f}, main holds {r['other']}/{r['main']} of the other event,"
              f" {r['split']}/{r['n']} split; whole sub-topics set apart {r['apart']}/{r['arts']}")
