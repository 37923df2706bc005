"""The conflicts Parallax shows in small comparisons of real news, listed for reading.

    .venv/bin/python benchmarks/facts_slices.py                # slices starting at 0, 2, ..., 10
    .venv/bin/python benchmarks/facts_slices.py --starts 4 --size 3 --kinds date time

``real_news_facts.py`` compares every ECB+ sub-topic whole, as its judged
flags were made; a user more often compares three or four reports.  This
lists the conflicts of slices of each sub-topic (articles ``start`` to
``start + size - 1`` in corpus order), each with the sentence of every
mention, so they can be read.  Nothing here is scored: no gold exists for
slices.  A conflict met in several slices is printed once.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import realdata as rd  # noqa: E402

from desktop.engine.model import FactStatus  # noqa: E402
from desktop.engine.pipeline import compare  # noqa: E402


def _sentence(comparison, mention) -> str:
    if not mention.passage:
        article = comparison.article(mention.article)
        return article.text[max(0, mention.start - 80):mention.end + 80]
    article, passage = comparison.passage(mention.passage)
    return article.passage_text(passage)


def slice_conflicts(starts: list[int], size: int, kinds: set[str] | None):
    """Yield (sub-topic, start, conflict, comparison) for every conflict of every slice."""
    for topic, subs in sorted(rd.ecb_corpus().items()):
        for sub, names in subs.items():
            for start in starts:
                documents = [d for d in (rd.ecb_document(n) for n in names[start:start + size])
                             if d is not None]
                if len(documents) < 2:
                    continue
                comparison = compare(documents)
                for fact in comparison.facts:
                    if fact.status == FactStatus.CONFLICT and (not kinds or str(fact.kind) in kinds):
                        yield f"{topic}_{sub}", start, fact, comparison


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--starts", type=int, nargs="*", default=[0, 2, 4, 6, 8, 10],
                        help="first article of each slice (corpus order)")
    parser.add_argument("--size", type=int, default=4, help="articles in a slice")
    parser.add_argument("--kinds", nargs="*", help="only these kinds (date, time, number, ...)")
    args = parser.parse_args(argv)
    if not rd.available():
        print(f"facts_slices: no data at {rd.data_root()}; nothing listed", file=sys.stderr)
        return 1
    seen: set[tuple[str, str]] = set()
    count = 0
    for sub, start, fact, comparison in slice_conflicts(args.starts, args.size,
                                                        set(args.kinds) if args.kinds else None):
        if (sub, fact.note) in seen:
            continue
        seen.add((sub, fact.note))
        count += 1
        print(f"{count:3d}. {sub} (articles {start + 1}-{start + args.size}) [{fact.kind}] {fact.note}")
        for mention in fact.mentions:
            print(f"       {mention.article}: {' '.join(_sentence(comparison, mention).split())[:220]}")
    print(f"{count} conflicts in slices of {args.size} starting at {args.starts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
