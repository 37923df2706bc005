"""Command line: ``parallax compare FILE... --json OUT`` and friends.

A thin front on the engine.  With no sub-command it opens the desktop app.
Exit codes: 0 success; 1 nothing to compare (fewer than two readable
articles) or bad usage; 2 the comparison was written but some inputs could
not be read (each named on stderr).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Sequence

from . import __version__

EXIT_OK, EXIT_FAILED, EXIT_PARTIAL = 0, 1, 2


def _write(target: str, content: str | bytes) -> None:
    if target == "-":
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content if content.endswith("\n") else content + "\n")
        return
    from .engine.atomic import write_atomic
    write_atomic(Path(target), content)


def _report_writers() -> dict[str, Callable]:
    """Format name -> function(comparison) returning str or bytes."""
    from .engine import contract
    writers: dict[str, Callable] = {"json": contract.dumps}
    try:
        from .engine.report import RENDERERS
    except ImportError:
        RENDERERS = {}
    writers.update(RENDERERS)

    def pdf(comparison):
        # The PDF writer is Qt's, so it lives outside the Qt-free engine.
        from .report_pdf import render_pdf
        return render_pdf(comparison)

    writers["pdf"] = pdf
    return writers


def _compare(args: argparse.Namespace) -> int:
    from .engine import CompareConfig, compare_files
    from .engine.facts_text import facts_summary

    comparison = compare_files(args.files, CompareConfig(find_facts=True))
    for error in comparison.errors:
        print(f"parallax: {error}", file=sys.stderr)
    for article in comparison.articles:
        for warning in article.warnings:
            print(f"parallax: warning: {article.source}: {warning}", file=sys.stderr)
    if len(comparison.articles) < 2:
        print(f"parallax: nothing to compare: {len(comparison.articles)} readable article(s), "
              "need at least 2", file=sys.stderr)
        return EXIT_FAILED
    writers = _report_writers()
    wanted = [(fmt, getattr(args, fmt)) for fmt in ("json", "html", "pdf", "md", "csv")
              if getattr(args, fmt, None)]
    for fmt, target in wanted:
        if fmt not in writers:
            print(f"parallax: the {fmt} report is not available in this version", file=sys.stderr)
            return EXIT_FAILED
        try:
            _write(target, writers[fmt](comparison))
        except OSError as exc:
            print(f"parallax: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_FAILED
    if args.facts or not wanted:
        print(facts_summary(comparison))
    return EXIT_PARTIAL if comparison.errors else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallax",
        description="Compare several news reports of one event. Without a command, opens the app.")
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    sub = parser.add_subparsers(dest="command")
    cmp_ = sub.add_parser("compare", help="compare articles and write reports")
    cmp_.add_argument("files", nargs="+", help="article files or folders (.txt, .md, .html, ...)")
    cmp_.add_argument("--json", metavar="OUT", help="write the comparison JSON ('-' for stdout)")
    cmp_.add_argument("--html", metavar="OUT", help="write an HTML report")
    cmp_.add_argument("--pdf", metavar="OUT", help="write a PDF report")
    cmp_.add_argument("--md", metavar="OUT", help="write a Markdown report")
    cmp_.add_argument("--csv", metavar="OUT", help="write the facts as CSV")
    cmp_.add_argument("--facts", action="store_true",
                      help="print the facts that differ, conflicts first, one line each")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "compare" or any(a in ("-h", "--help", "--version") for a in argv[:1]):
        parser = build_parser()
        args = parser.parse_args(argv)
        return _compare(args)
    from .app.main import run_app
    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main())
