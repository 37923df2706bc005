"""Corpus scale: blocking libraries, story sorting on ECB+, and time and memory as the corpus grows.

    python benchmarks/corpus_scale.py --part blocking
    python benchmarks/corpus_scale.py --part ecb          # parallax corpus on all of ECB+ topics 1-35
    python benchmarks/corpus_scale.py --part ecb --cv     # ... and out of sample (needs numpy)
    python benchmarks/corpus_scale.py --part ecb --orders 8   # ... and under 8 other content orders
    python benchmarks/corpus_scale.py --score-run runs/ecb    # a finished run scored by sub-topic
    python benchmarks/corpus_scale.py --part scale --sizes 1000,10000 --engines local,dask
    python benchmarks/corpus_scale.py --part scale --sizes 100000 --sort-only

*blocking*: the project's pure-Python MinHash (``desktop/engine/corpus/minhash.py``)
against ``datasketch`` (if installed) on the ECB+ articles' key-term sets.

*ecb*: the whole command on every ECB+ article in one corpus, scored by
sub-topic: purity (share of articles whose story's majority is their
sub-topic) and completeness (share of articles in their sub-topic's largest
story).  The shipped models were fitted on these very topics, so that
figure is in-sample; ``--cv`` measures it honestly: for each of the five
topic folds (``realdata.fold_of``) the sentence scorer and the same-event
model are refitted on the other four (``benchmarks/training.py``), every
block is scored with them and only the fold's own articles are counted.
It reports the app's grouping rule, the corpus's linkage alone, the
command's (linkage, then the split of stories with two unlike sides), and
nested choices of the corpus rule's numbers (picked on four folds, counted
on the fifth): the linkage's two alone, and those with the split's two.
The command sorts the articles in an order of their content; ``--orders N``
sorts them again under N other such orders (salted hashes) to show how much
the figures owe to the one order's ties.

*scale*: a synthetic corpus of N articles made from ECB+ (every article
repeated with its paragraphs shuffled, the outlet varied and the date
moved on a week per copy, so each copy of a sub-topic is its own story),
run by the command's own code on the local pool and on a local Dask
cluster of two workers, each run in a fresh process: wall time per stage,
stories, purity and completeness against the copies' sub-topics, and the
peak memory of the whole process tree (main process and workers, sampled
every 0.2 s).  Needs ``../shared/data`` (or ``$PARALLAX_SHARED_DATA``).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import realdata  # noqa: E402
from desktop.engine.corpus import CorpusOptions, run_corpus  # noqa: E402
from desktop.engine.corpus.blocking import key_terms, terms_of  # noqa: E402
from desktop.engine.corpus.minhash import lsh_buckets, signature  # noqa: E402


def ecb_articles() -> list[tuple[str, str, str]]:
    """(path, sub-topic label, text) of every ECB+ article the reader accepts."""
    out = []
    for topic in realdata.topics():
        for sub, names in realdata.ecb_corpus()[topic].items():
            for name in names:
                document = realdata.ecb_document(name)
                if document is not None:
                    path = realdata.data_root() / "ecbplus" / "articles" / str(topic) / f"{name}.txt"
                    out.append((str(path), f"{topic}_{sub}", document.text))
    return out


def tally(stories: list[list[int]], truth: list[str], counted=None) -> tuple[int, int, int]:
    """(articles in their story's majority, articles in their label's largest story, articles) over ``counted``."""
    counted = set(range(len(truth))) if counted is None else counted
    pure = 0
    by_label: dict[str, Counter] = {}
    for n, story in enumerate(stories):
        majority = Counter(truth[k] for k in story).most_common(1)[0][0]
        pure += sum(1 for k in story if k in counted and truth[k] == majority)
        for k in story:
            if k in counted:
                by_label.setdefault(truth[k], Counter())[n] += 1
    return pure, sum(c.most_common(1)[0][1] for c in by_label.values()), len(counted)


def purity_completeness(stories: list[list[int]], truth: list[str]) -> tuple[float, float]:
    pure, complete, total = tally(stories, truth)
    return pure / total, complete / total


def part_blocking() -> None:
    articles = ecb_articles()
    counts = [terms_of(text) for _, _, text in articles]
    df = Counter(t for c in counts for t in c)
    keys = [key_terms(c, df, len(counts)) for c in counts]
    gold = {(a, b) for a, b in itertools.combinations(range(len(articles)), 2)
            if articles[a][1] == articles[b][1]}
    makers = {"own (pure Python, one-permutation)": lambda s, p: signature(s, p)}
    try:
        from datasketch import MinHash

        def datasketch_signature(s, p):
            m = MinHash(num_perm=p, seed=1)
            m.update_batch([w.encode("utf-8") for w in s])
            return tuple(m.hashvalues.tolist())
        makers["datasketch 2.0 (numpy)"] = datasketch_signature
    except ImportError:
        print("datasketch is not installed: only the own MinHash is measured")
    print(f"{len(articles)} articles, {len(gold)} same-event pairs; key terms: top 20 per article")
    print("| MinHash | size | rows/band | ms per article | same-event recall | candidate pairs |")
    print("|---|---|---|---|---|---|")
    for name, make in makers.items():
        for size in (64, 128):
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                signatures = [make(k, size) for k in keys]
                best = min(best, time.perf_counter() - start)
            for rows in (1, 2):
                candidates = set()
                for members in lsh_buckets(signatures, rows).values():
                    candidates.update(itertools.combinations(members, 2))
                recall = len(candidates & gold) / len(gold)
                print(f"| {name} | {size} | {rows} | {1000 * best / len(keys):.3f} | {recall:.3f} | "
                      f"{len(candidates)} ({len(candidates) / (len(keys) * (len(keys) - 1) / 2):.1%}) |")


def part_ecb(workers, cv: bool, orders: int = 0) -> None:
    articles = ecb_articles()
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "ecb.jsonl"
        listing.write_text("".join(json.dumps({"path": p}) + "\n" for p, _, _ in articles), encoding="utf-8")
        truth = {p: label for p, label, _ in articles}
        out = Path(tmp) / "out"
        start = time.perf_counter()
        result = run_corpus([str(listing)], out, CorpusOptions(), workers=workers)
        took = time.perf_counter() - start
        sources = [json.loads(line)["source"] for line in
                   (out / "work" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
        labels = [truth[s] for s in sources]
        purity, completeness = purity_completeness(result.stories, labels)
        shared = sum(1 for s in result.stories if len(s) > 1)
        print(f"ECB+ all topics, shipped models (in-sample): {result.articles} articles -> "
              f"{len(result.stories)} stories ({shared} of 2+), purity {purity:.3f}, completeness "
              f"{completeness:.3f}, {took:.1f} s with comparisons and reports "
              f"(workers: {workers or 'one per CPU'})")
        if orders:
            other_orders(listing, truth, orders, workers)
        if cv:
            cross_validated(out, labels)


def sorted_only(inputs: list[str], out: Path, workers) -> tuple[list[list[int]], list[str]]:
    """The stories of a corpus run stopped before comparing, and its articles' sources."""
    def stop(stage, done, total):
        if stage == "compare":
            raise StopIteration  # the stories are saved by now
    try:
        run_corpus(inputs, out, CorpusOptions(), workers=workers, progress=stop)
    except StopIteration:
        pass
    stories = json.loads((out / "work" / "stories.json").read_text(encoding="utf-8"))["stories"]
    sources = [json.loads(line)["source"] for line in
               (out / "work" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return stories, sources


def other_orders(listing: Path, truth: dict[str, str], count: int, workers) -> None:
    """How much the figures owe to the one content order the command uses: ``count`` other orders.

    The command orders the articles by a hash of their content; each other
    order here is the same rule with a salted hash (not a setting: a way to see
    the spread an arbitrary order leaves in the ties).
    """
    import hashlib
    from desktop.engine.corpus import run as corpus_run
    plain = corpus_run.content_digest
    figures = []
    try:
        for salt in range(1, count + 1):
            corpus_run.content_digest = lambda d, salt=salt: hashlib.sha256(
                f"{salt}:{plain(d)}".encode()).hexdigest()
            with tempfile.TemporaryDirectory() as tmp:
                stories, sources = sorted_only([str(listing)], Path(tmp) / "out", workers)
            purity, completeness = purity_completeness(stories, [truth[s] for s in sources])
            figures.append((purity, completeness, len(stories)))
            print(f"  order {salt}: purity {purity:.3f}, completeness {completeness:.3f}, "
                  f"{len(stories)} stories", flush=True)
    finally:
        corpus_run.content_digest = plain
    ps, cs, ns = zip(*figures)
    print(f"ECB+ in-sample under {count} other content orders: purity {min(ps):.3f}-{max(ps):.3f} "
          f"(mean {sum(ps) / count:.3f}), completeness {min(cs):.3f}-{max(cs):.3f} "
          f"(mean {sum(cs) / count:.3f}), stories {min(ns)}-{max(ns)}")


def part_score_run(run: Path) -> None:
    """A finished run's stories (``parallax corpus ... --out RUN``) scored against the ECB+ sub-topics."""
    label = {}
    for topic in realdata.topics():
        for sub, names in realdata.ecb_corpus()[topic].items():
            for name in names:
                label[f"{topic}/{name}.txt"] = f"{topic}_{sub}"
    stories = json.loads((run / "work" / "stories.json").read_text(encoding="utf-8"))["stories"]
    sources = [json.loads(line)["source"] for line in
               (run / "work" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    truth = [label.get("/".join(Path(s).parts[-2:])) for s in sources]
    unknown = sum(1 for t in truth if t is None)
    kept = {k for k, t in enumerate(truth) if t is not None}
    scored = [[k for k in s if k in kept] for s in stories]
    purity, completeness = purity_completeness([s for s in scored if s], [t or "?" for t in truth])
    pure, complete, total = tally([s for s in scored if s], [t or "?" for t in truth], kept)
    shared = sum(1 for s in stories if len(s) > 1)
    print(f"{run}: {len(sources)} articles ({unknown} not in ECB+ topics 1-35), {len(stories)} stories "
          f"({shared} of 2+), purity {pure / total:.3f}, completeness {complete / total:.3f}")


def remembered(function):
    """``function(members)``, computed once per set of members (the rules share the stories they split)."""
    memo: dict[tuple[int, ...], object] = {}

    def call(members):
        key = tuple(members)
        if key not in memo:
            memo[key] = function(members)
        return memo[key]
    return call


def cross_validated(out: Path, truth: list[str]) -> None:
    """Out-of-sample purity and completeness: models refitted without each topic fold."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import training as tr  # needs numpy (the `train` extra)
    from desktop.engine.corpus.run import CorpusOptions as Options, Spool, content_digest, sorting_blocks
    from desktop.engine.corpus.stories import (LINK_SHARE, LINK_THRESHOLD, SPLIT_BELOW, SPLIT_SIDE, SameEvent,
                                               link_stories, split_stories)
    from desktop.engine.events import clusters, register_event_model
    from desktop.engine.model import CompareConfig
    from desktop.engine.scoring import register

    spool = Spool(out / "work" / "articles.jsonl")
    spool.load()
    documents = [spool.read(k) for k in range(len(spool.offsets))]
    counts = [terms_of(d.text) for d in documents]
    df = Counter(t for c in counts for t in c)
    options = Options()
    # The command's own blocks, its articles in content order (as run_corpus makes them).
    blocks, _ = sorting_blocks([{"keys": key_terms(c, df, len(counts)), "published": d.published,
                                 "digest": content_digest(d), "source": d.source}
                                for c, d in zip(counts, documents)], options)
    fold_of_article = [realdata.fold_of(int(label.split("_")[0])) for label in truth]
    ecb, msrp, gold = tr.ecb_sentence_examples(), tr.msrp_sentence_examples(), tr.gold_case_examples()
    # A rule: None (the app's), or (share, threshold, split below or None, split side).
    rules = {"app (agreement clustering, its bar)": None,
             f"corpus linkage only ({LINK_SHARE:g} of pairs, {LINK_THRESHOLD:g})":
             (LINK_SHARE, LINK_THRESHOLD, None, SPLIT_SIDE),
             f"corpus linkage, then split (under {SPLIT_BELOW:g} across two sides of {SPLIT_SIDE}+; the command)":
             (LINK_SHARE, LINK_THRESHOLD, SPLIT_BELOW, SPLIT_SIDE)}
    linkage_grid = [(share, threshold, None, SPLIT_SIDE) for share in (0.25, 0.34, 0.5, 0.67, 1.0)
                    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)]
    split_grid = [(share, threshold, below, side) for share in (0.25, 0.5) for threshold in (0.4, 0.45, 0.5, 0.55)
                  for below in (0.35, 0.4, 0.45) for side in (3, 4, 5)]
    every = set(rules.values()) | set(linkage_grid) | set(split_grid)
    found: dict[object, dict[int, tuple[int, int, int]]] = {}
    for fold in range(realdata.FOLDS):
        scorer = tr.fit_scorer(ecb, msrp, f"cv{fold}", exclude_fold=fold, gold=gold)
        register(scorer.name, lambda s=scorer: s)
        model = tr.fit_event_model(tr.event_examples(scorer, [t for t in realdata.topics()
                                                              if realdata.fold_of(t) != fold]))
        register_event_model(f"cv{fold}", model)
        config = CompareConfig(scorer=scorer.name, event_model=f"cv{fold}", find_facts=False)
        scored = [SameEvent([documents[k] for k in b], config) if len(b) > 1 else None for b in blocks]
        within = [remembered(same.within) if same is not None else None for same in scored]
        counted = {k for k, f in enumerate(fold_of_article) if f == fold}
        linked: dict[tuple[float, float], list] = {}
        for rule in every:
            stories = []
            for number, (block, same) in enumerate(zip(blocks, scored)):
                if same is None:
                    stories.append(block)
                    continue
                if rule is None:
                    local = clusters(len(block), same.probabilities, model.threshold)
                else:  # as the command does: no story spans more than the window
                    share, threshold, below, side = rule
                    key = (number, share, threshold)
                    if key not in linked:
                        linked[key] = link_stories(len(block), same.probabilities, threshold, share,
                                                   [documents[k].published for k in block], options.window_days)
                    local = linked[key]
                    if below is not None:
                        local = split_stories(local, within[number], below, side)
                stories += [[block[k] for k in members] for members in local]
            found.setdefault(rule, {})[fold] = tally(stories, truth, counted)
        print(f"  fold {fold} done", file=sys.stderr, flush=True)

    def pooled(rule, folds) -> tuple[float, float]:
        sums = [sum(found[rule][f][i] for f in folds) for i in range(3)]
        return sums[0] / sums[2], sums[1] / sums[2]

    folds = range(realdata.FOLDS)
    print(f"ECB+ out of sample (scorer and event model refitted without each of {realdata.FOLDS} topic folds):")
    print("| grouping rule | purity | completeness |")
    print("|---|---|---|")
    for name, rule in rules.items():
        print(f"| {name} | {pooled(rule, folds)[0]:.3f} | {pooled(rule, folds)[1]:.3f} |")
    for name, rule in rules.items():
        each = [pooled(rule, [f]) for f in folds]
        print(f"  per fold, {name}: purity {' / '.join(f'{p:.2f}' for p, _ in each)}; "
              f"completeness {' / '.join(f'{c:.2f}' for _, c in each)}")
    for name, grid in (("linkage only: share and threshold", linkage_grid),
                       ("linkage and split: share, threshold, split below, side", split_grid)):
        nested = [0, 0, 0]
        picks = []
        for fold in folds:
            others = [f for f in folds if f != fold]

            def merit(rule):
                p, c = pooled(rule, others)
                return (p >= 0.95 and c >= 0.9, p + c)
            pick = max(grid, key=merit)
            picks.append(pick)
            for i in range(3):
                nested[i] += found[pick][fold][i]
        print(f"| {name} picked on the other four folds ({len(grid)} choices) "
              f"{[p[:2] if p[2] is None else p for p in picks]} | "
              f"{nested[0] / nested[2]:.3f} | {nested[1] / nested[2]:.3f} |")
        for pick in sorted(set(picks), key=picks.count, reverse=True):
            print(f"  picked {picks.count(pick)} of {len(picks)} times: {pick[:2] if pick[2] is None else pick}, "
                  f"on all five folds out of sample {pooled(pick, folds)[0]:.3f} / {pooled(pick, folds)[1]:.3f}")


def synthetic(size: int, seed: int = 1) -> tuple[list[dict], list[str]]:
    """``size`` articles: ECB+ repeated, each copy shuffled, its outlet varied and dated a week later."""
    rng = random.Random(seed)
    base = ecb_articles()
    rows, truth = [], []
    start = date(2020, 1, 1)
    for n in range(size):
        _, label, text = base[n % len(base)]
        copy = n // len(base)
        paragraphs = text.split("\n")
        if copy:
            rng.shuffle(paragraphs)
        topic_day = sum(map(ord, label)) % 300  # the two events of a topic fall on different days
        day = start + timedelta(days=topic_day + 7 * copy)
        rows.append({"text": "\n".join(paragraphs), "outlet": f"Outlet {(n + copy) % 20}",
                     "date": day.isoformat()})
        truth.append(f"{label}#{copy}")
    return rows, truth


class PeakMemory:
    """The largest summed resident memory of this process and all its descendants, sampled."""

    def __init__(self, every: float = 0.2):
        self.every, self.peak, self._stop = every, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil  # comes with dask[distributed]; only this benchmark needs it
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for process in [me] + me.children(recursive=True):
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def one_run(size: int, engine: str, sort_only: bool, workers: int) -> dict:
    """One scale run in this process: a dict of what was measured."""
    rows, truth = synthetic(size)
    stage_started: dict[str, float] = {}

    def progress(stage, done, total):
        stage_started.setdefault(stage, time.perf_counter())
        if sort_only and stage == "compare":
            raise StopIteration  # the stories are saved: stop before comparing them

    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "corpus.jsonl"
        with listing.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row) + "\n")
        del rows
        out = Path(tmp) / "out"
        start = time.perf_counter()
        with PeakMemory() as memory:
            try:
                result = run_corpus([str(listing)], out, CorpusOptions(window_days=3, find_facts=True),
                                    engine=engine, workers=workers,
                                    scheduler=f"local:{workers}" if engine == "dask" else None,
                                    progress=progress)
                compared = result.compared
            except StopIteration:
                compared = 0
        end = time.perf_counter()
        stories = json.loads((out / "work" / "stories.json").read_text(encoding="utf-8"))["stories"]
    purity, completeness = purity_completeness(stories, truth)
    read_s = stage_started.get("sort", end) - start
    sort_s = stage_started.get("compare", end) - stage_started.get("sort", end)
    return {"articles": size, "engine": engine, "sort_only": sort_only, "read_s": round(read_s, 1),
            "sort_s": round(sort_s, 1), "compare_s": None if sort_only else round(end - stage_started["compare"], 1),
            "total_s": round(end - start, 1), "stories": len(stories), "compared": compared,
            "purity": round(purity, 3), "completeness": round(completeness, 3),
            "peak_mb": round(memory.peak / 2**20),
            "main_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def part_scale(sizes: list[int], engines: list[str], sort_only: bool, workers: int) -> None:
    print("| articles | engine | stage | read s | sort s | compare s | total s | stories | purity | "
          "completeness | peak MB (all processes) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for size in sizes:
        for engine in engines:
            # A fresh process per run, so that peak memory is the run's own.
            done = subprocess.run([sys.executable, __file__, "--one", str(size), engine, "--workers", str(workers)]
                                  + (["--sort-only"] if sort_only else []), capture_output=True, text=True)
            if done.returncode != 0:
                print(f"| {size} | {engine} | failed: {done.stderr.strip().splitlines()[-1:]} |")
                continue
            r = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"| {r['articles']:,} | {r['engine']} | "
                  f"{'read + sort' if r['sort_only'] else 'whole job'} | {r['read_s']} | {r['sort_s']} | "
                  f"{'' if r['compare_s'] is None else r['compare_s']} | {r['total_s']} | {r['stories']:,} | "
                  f"{r['purity']:.3f} | {r['completeness']:.3f} | {r['peak_mb']:,} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=("blocking", "ecb", "scale", "all"), default="all")
    parser.add_argument("--cv", action="store_true", help="ecb: also out of sample (refits the models)")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--engines", default="local,dask")
    parser.add_argument("--sort-only", action="store_true", help="scale: read and sort, compare nothing")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--orders", type=int, default=0, metavar="N",
                        help="ecb: also sort under N other content orders (the spread the ties leave)")
    parser.add_argument("--score-run", type=Path, metavar="DIR",
                        help="score a finished run of parallax corpus on ECB+ articles against the sub-topics")
    parser.add_argument("--one", nargs=2, metavar=("SIZE", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not realdata.available():
        sys.exit("../shared/data (ECB+) is absent")
    if args.score_run:
        part_score_run(args.score_run)
        return
    if args.one:
        print(json.dumps(one_run(int(args.one[0]), args.one[1], args.sort_only, args.workers)))
        return
    if args.part in ("blocking", "all"):
        part_blocking()
    if args.part in ("ecb", "all"):
        part_ecb(args.workers, args.cv, args.orders)
    if args.part in ("scale", "all"):
        part_scale([int(s) for s in args.sizes.split(",")], args.engines.split(","), args.sort_only,
                   args.workers)


if __name__ == "__main__":
    main()
