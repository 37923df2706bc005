"""Pick the word-diff library by measurement.

For every pair of sentences aligned in the gold cases, diff the word tokens
with each candidate and report the median time per pair and how readable
the result is: the number of change runs (fewer, longer runs read better
than confetti) and the share of tokens left equal.

    .venv/bin/python benchmarks/diff_libraries.py
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from alignment_eval import evaluate, load_cases  # noqa: E402
from desktop.engine.worddiff import tokens  # noqa: E402


def opcodes_difflib(a, b):
    from difflib import SequenceMatcher
    return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def opcodes_cydifflib(a, b):
    from cydifflib import SequenceMatcher
    return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def opcodes_rapidfuzz(a, b):
    from rapidfuzz.distance import Levenshtein
    return [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end)
            for o in Levenshtein.opcodes(a, b)]


def opcodes_dmp(a, b):
    """diff-match-patch on words: each distinct token becomes one character."""
    from diff_match_patch import diff_match_patch
    table: dict[str, str] = {}
    enc_a = "".join(table.setdefault(t, chr(0x100 + len(table))) for t in a)
    enc_b = "".join(table.setdefault(t, chr(0x100 + len(table))) for t in b)
    dmp = diff_match_patch()
    diffs = dmp.diff_main(enc_a, enc_b, False)
    dmp.diff_cleanupSemantic(diffs)
    ops, i, j = [], 0, 0
    for kind, text in diffs:
        n = len(text)
        if kind == 0:
            ops.append(("equal", i, i + n, j, j + n)); i += n; j += n
        elif kind == -1:
            ops.append(("delete", i, i + n, j, j)); i += n
        else:
            ops.append(("insert", i, i, j, j + n)); j += n
    return ops


CANDIDATES = {"difflib": opcodes_difflib, "cydifflib": opcodes_cydifflib,
              "rapidfuzz": opcodes_rapidfuzz, "diff-match-patch": opcodes_dmp}


def sentence_pairs():
    pairs = []
    for case in load_cases():
        _, comparison, _, _ = evaluate(case)
        for group in comparison.groups:
            for diff in group.diffs:
                a_art, _ = comparison.passage(diff.a)
                b_art, _ = comparison.passage(diff.b)
                spans_a = [(comparison.passage(p)[1].start, comparison.passage(p)[1].end) for p in diff.a_passages]
                spans_b = [(comparison.passage(p)[1].start, comparison.passage(p)[1].end) for p in diff.b_passages]
                pairs.append(([t[0] for t in tokens(a_art.text, spans_a)],
                              [t[0] for t in tokens(b_art.text, spans_b)]))
    return pairs


def main() -> None:
    pairs = sentence_pairs()
    print(f"{len(pairs)} aligned passage pairs from the gold cases")
    for name, fn in CANDIDATES.items():
        try:
            fn(["a"], ["b"])
        except ImportError:
            print(f"{name:17} not installed")
            continue
        times, runs, equal_share = [], [], []
        for a, b in pairs:
            start = time.perf_counter()
            for _ in range(20):
                ops = fn(a, b)
            times.append((time.perf_counter() - start) / 20 * 1e6)
            runs.append(sum(1 for op in ops if op[0] != "equal"))
            eq = sum(op[2] - op[1] for op in ops if op[0] == "equal")
            equal_share.append(2 * eq / max(1, len(a) + len(b)))
        print(f"{name:17} median {statistics.median(times):7.1f} µs/pair   change runs median "
              f"{statistics.median(runs):4.1f} (mean {statistics.mean(runs):4.1f})   "
              f"equal tokens {statistics.mean(equal_share):.1%}")


if __name__ == "__main__":
    main()
