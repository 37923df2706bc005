"""How long exporting the seeds report takes, per format (medians over several runs).

    python benchmarks/report_export.py [--runs 7] [FILE ...]

Compares the two seed articles that report the same event (or the files
given) once, then times each renderer on that comparison.  Targets: HTML,
Markdown and CSV under 1 s, PDF under 3 s.  The first PDF run also pays for
starting Qt and loading fonts; it is reported separately and left out of the
median.  A measurement script, not a test: it prints and never fails.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.engine import compare_files  # noqa: E402
from desktop.engine.report import RENDERERS  # noqa: E402

SEEDS = [ROOT / "seeds" / "003_4ecc2cef7e96f6a9.txt", ROOT / "seeds" / "004_414ec68b31cd158a.txt"]
TARGETS = {"html": 1.0, "md": 1.0, "csv": 1.0, "pdf": 3.0}


def timed(fn, *args) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - start, out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="articles to compare (default: seeds 003 and 004)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    files = [str(f) for f in (args.files or SEEDS)]

    compare_time, comparison = timed(compare_files, files)
    print(f"{len(comparison.articles)} articles, {len(comparison.groups)} groups, "
          f"{len(comparison.facts)} facts; comparison took {compare_time:.3f} s (not counted)")

    from desktop.report_pdf import render_pdf
    renderers = dict(RENDERERS, pdf=render_pdf)
    first_pdf, _ = timed(render_pdf, comparison)
    print(f"first PDF, including Qt start-up: {first_pdf:.3f} s")
    print(f"{'format':8}{'median':>10}{'min':>10}{'max':>10}{'size':>12}  target")
    for fmt, render in renderers.items():
        times, size = [], 0
        for _ in range(args.runs):
            seconds, out = timed(render, comparison)
            times.append(seconds)
            size = len(out)
        median = statistics.median(times)
        verdict = "ok" if median < TARGETS[fmt] else "SLOW"
        print(f"{fmt:8}{median:10.4f}{min(times):10.4f}{max(times):10.4f}{size:12,}  "
              f"< {TARGETS[fmt]:.0f} s {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
