"""Corpus scale: blocking libraries, story sorting on ECB+, and time as the corpus grows.

    python benchmarks/corpus_scale.py                # all three parts
    python benchmarks/corpus_scale.py --part blocking
    python benchmarks/corpus_scale.py --part ecb     # parallax corpus on all of ECB+ topics 1-35
    python benchmarks/corpus_scale.py --part scale --sizes 1000,2000

*blocking*: the project's pure-Python MinHash (``desktop/engine/corpus/minhash.py``)
against ``datasketch`` (if installed) on the ECB+ articles' key-term sets:
signature time per article, and for LSH with 1 and 2 rows per band the
recall of same-event (same sub-topic) pairs and the number of candidate pairs.

*ecb*: the whole command on every ECB+ article in one corpus, scored by
sub-topic: purity (share of articles whose story's majority is their
sub-topic) and completeness (share of articles in their sub-topic's largest
story), with wall time.

*scale*: a synthetic corpus of N articles made from ECB+ (each article
repeated with its sentences shuffled, outlet and date varied; copies of one
sub-topic are one story), sorting only (no comparison), to show how the
sorting time grows with N.  Needs ``../shared/data`` (or ``$PARALLAX_SHARED_DATA``).
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


def purity_completeness(stories: list[list[int]], truth: list[str]) -> tuple[float, float]:
    purity = sum(Counter(truth[k] for k in s).most_common(1)[0][1] for s in stories) / len(truth)
    by_label: dict[str, Counter] = {}
    for n, story in enumerate(stories):
        for k in story:
            by_label.setdefault(truth[k], Counter())[n] += 1
    completeness = sum(c.most_common(1)[0][1] for c in by_label.values()) / len(truth)
    return purity, completeness


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


def part_ecb(workers) -> None:
    articles = ecb_articles()
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "ecb.jsonl"
        listing.write_text("".join(json.dumps({"path": p}) + "\n" for p, _, _ in articles), encoding="utf-8")
        truth = {p: label for p, label, _ in articles}
        for threshold in (None, 0.6, 0.7):
            out = Path(tmp) / f"out{threshold}"
            start = time.perf_counter()
            result = run_corpus([str(listing)], out, CorpusOptions(event_threshold=threshold), workers=workers)
            took = time.perf_counter() - start
            sources = [json.loads(line)["source"] for line in
                       (out / "work" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
            purity, completeness = purity_completeness(result.stories, [truth[s] for s in sources])
            shared = sum(1 for s in result.stories if len(s) > 1)
            print(f"ECB+ all topics, same-event threshold {threshold or 'app default (0.5)'}: "
                  f"{result.articles} articles -> {len(result.stories)} stories ({shared} of 2+), "
                  f"purity {purity:.3f}, completeness {completeness:.3f}, "
                  f"{took:.1f} s with comparisons and reports (workers: {workers or 'one per CPU'})")


def synthetic(size: int, seed: int = 1) -> tuple[list[dict], list[str]]:
    rng = random.Random(seed)
    base = ecb_articles()
    rows, truth = [], []
    for n in range(size):
        path, label, text = base[n % len(base)]
        copy = n // len(base)
        paragraphs = text.split("\n")
        if copy:
            rng.shuffle(paragraphs)
        topic_day = sum(map(ord, label)) % 300
        day = f"2024-{1 + (topic_day + 7 * copy) // 28 % 12:02d}-{1 + (topic_day + 7 * copy) % 28:02d}"
        rows.append({"text": "\n".join(paragraphs), "outlet": f"Outlet {n % 20}", "date": day})
        truth.append(f"{label}#{copy}")  # each copy of the corpus is dated a week later: its own story
    return rows, truth


def part_scale(sizes: list[int], workers) -> None:
    print("| articles | read + sort s | stories | purity | completeness | peak memory MB |")
    print("|---|---|---|---|---|---|")
    for size in sizes:
        rows, truth = synthetic(size)
        with tempfile.TemporaryDirectory() as tmp:
            listing = Path(tmp) / "corpus.jsonl"
            listing.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            out = Path(tmp) / "out"

            def stop_before_comparing(stage, done, total):
                if stage == "compare":
                    raise StopIteration

            start = time.perf_counter()
            try:
                run_corpus([str(listing)], out, CorpusOptions(window_days=3), workers=workers,
                           progress=stop_before_comparing)
            except StopIteration:
                pass
            took = time.perf_counter() - start
            stories = json.loads((out / "work" / "stories.json").read_text(encoding="utf-8"))["stories"]
            purity, completeness = purity_completeness(stories, truth)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"| {size} | {took:.1f} | {len(stories)} | {purity:.3f} | {completeness:.3f} | {peak:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=("blocking", "ecb", "scale", "all"), default="all")
    parser.add_argument("--sizes", default="1000,2000,4000")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    if not realdata.available():
        sys.exit("../shared/data (ECB+) is absent")
    if args.part in ("blocking", "all"):
        part_blocking()
    if args.part in ("ecb", "all"):
        part_ecb(args.workers)
    if args.part in ("scale", "all"):
        part_scale([int(s) for s in args.sizes.split(",")], args.workers)


if __name__ == "__main__":
    main()
