"""Benchmark the engine: two 1,500-word articles, ten 1,000-word articles, MSRP shuffle.

Reports the median wall time of the engine call (warm, in-process, with and
without the facts stage) and of the whole command-line process (cold start).
Articles are made from the seed texts: sentences drawn from the long seed
profile, shuffled and lightly reworded per article so that they partly
overlap, like reports of one event.

The MSRP shuffle (when ``../shared/data`` is there) lays 1,725 MSRP training
pairs out as two articles, first sentences against second sentences in
shuffled order, and times the comparison without the facts stage.

    .venv/bin/python benchmarks/engine_speed.py [--runs 7]
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.engine import CompareConfig, compare  # noqa: E402
from desktop.engine.ingest import read_document, document_from_text  # noqa: E402
from desktop.engine.segment import segment  # noqa: E402

SWAPS = [("said", "stated"), ("Mr.", "Mister"), ("city", "town"), ("campaign", "race"),
         ("people", "residents"), ("two", "three")]


def sentence_pool() -> list[str]:
    pool = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        doc = read_document(seed)
        pool.extend(doc.text[p.start:p.end] for p in segment(doc.text, "A"))
    return pool


def make_articles(count: int, words: int, rng: random.Random) -> list[str]:
    pool = sentence_pool()
    shared = rng.sample(pool, min(len(pool), 60))
    articles = []
    for _ in range(count):
        chosen, total = [], 0
        candidates = shared + rng.sample(pool, min(len(pool), 80))
        rng.shuffle(candidates)
        for sentence in candidates:
            if total >= words:
                break
            for old, new in SWAPS:
                if rng.random() < 0.3:
                    sentence = sentence.replace(old, new)
            chosen.append(sentence)
            total += len(sentence.split())
        paragraphs = [" ".join(chosen[i:i + 3]) for i in range(0, len(chosen), 3)]
        articles.append("\n\n".join(paragraphs))
    return articles


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(7)
    sets = {"2 x 1,500 words": make_articles(2, 1500, rng),
            "10 x 1,000 words": make_articles(10, 1000, rng)}
    with tempfile.TemporaryDirectory() as tmp:
        for label, texts in sets.items():
            docs = [document_from_text(t, f"article{i}") for i, t in enumerate(texts)]
            compare(docs)  # warm caches (stemmer, Punkt, word lists)
            with_facts = median_ms(lambda: compare(docs), args.runs)
            without = median_ms(lambda: compare(docs, CompareConfig(find_facts=False)), args.runs)
            paths = []
            for i, text in enumerate(texts):
                path = Path(tmp) / f"{label[:2].strip()}_{i}.txt"
                path.write_text(text, encoding="utf-8")
                paths.append(str(path))
            cmd = [sys.executable, "-m", "desktop.cli", "compare", *paths, "--json", str(Path(tmp) / "out.json")]
            cold = median_ms(lambda: subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True),
                             max(3, args.runs // 2))
            print(f"{label}: engine warm median {with_facts:.0f} ms (without facts {without:.0f} ms); "
                  f"whole process cold median {cold:.0f} ms")
    msrp_shuffle(rng, max(3, args.runs // 2))


def msrp_shuffle(rng: random.Random, runs: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import realdata

    if not realdata.available():
        print("MSRP shuffle: skipped (no ../shared/data)")
        return
    pairs = realdata.msrp_pairs(1725)
    firsts = [s1 for _, s1, _ in pairs]
    seconds = [s2 for _, _, s2 in pairs]
    rng.shuffle(seconds)
    docs = [document_from_text("\n\n".join(firsts), "msrp-1"),
            document_from_text("\n\n".join(seconds), "msrp-2")]
    config = CompareConfig(find_facts=False)
    ms = median_ms(lambda: compare(docs, config), runs)
    print(f"MSRP shuffle (1,725 vs 1,725 sentences): engine median {ms:.0f} ms (without facts)")


if __name__ == "__main__":
    main()
