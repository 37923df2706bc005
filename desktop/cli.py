"""Command line: ``parallax compare FILE... --json OUT`` and friends.

A thin front on the engine.  With no sub-command it opens the desktop app.

Exit codes (the README's table; ``EXIT_*`` below):

===  =====================================================================
0    success
1    nothing was compared or written: bad usage (unknown option, no
     files), fewer than two readable articles, or a report that could
     not be written (the reason on stderr, the detail in the log file)
2    the comparison was written but some inputs could not be read (each
     named on stderr, one line each)
141  the reader of stdout went away early (``parallax ... | head``): the
     output stops quietly, as ``128 + SIGPIPE`` like any Unix tool cut
     off by its reader; no traceback
===  =====================================================================

``--verbose`` prints debug detail to stderr.  Warnings and errors, with
tracebacks, also go to the log file (see :mod:`desktop.app.paths`).
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Callable, Optional, Sequence

from . import __version__

EXIT_OK, EXIT_FAILED, EXIT_PARTIAL = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13  # SIGPIPE

INPUTS_HELP = ("article files (.txt, .md, .html, .pdf, .docx, ...), folders of them, "
               "or links (http/https)")

log = logging.getLogger("desktop.cli")  # not __name__: that is "__main__" under -m


# Characters that must not reach a terminal as they are: controls (a newline
# in a file name would forge a line, ESC starts escape codes) and the bidi
# controls that reorder what follows (U+202E shows "evil.txt" as "txt.live").
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def terminal_safe(text: object) -> str:
    """``text`` as one printable line: controls, bidi controls and lone surrogates are
    shown as escapes (``\\n``, ``\\x1b``, ``\\u202e``)."""
    out = []
    for ch in str(text):
        code = ord(ch)
        if code < 0x20 or 0x7F <= code < 0xA0 or ch in _BIDI or 0xD800 <= code < 0xE000 \
                or code in (0x2028, 0x2029):
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii")
                       if code >= 0x7F else repr(ch)[1:-1])
        else:
            out.append(ch)
    return "".join(out)


def _say(message: str) -> None:
    """One line on stderr, whatever outside text it holds."""
    print(terminal_safe(message), file=sys.stderr)


class ArgumentParser(argparse.ArgumentParser):
    """argparse with Parallax's exit code for bad usage (1, not argparse's 2)."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_FAILED, f"{self.prog}: error: {message}\n")


def _write(target: str, content: str | bytes) -> None:
    if target == "-":
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content if content.endswith("\n") else content + "\n")
        return
    from .engine.atomic import write_atomic
    write_atomic(Path(target), content)


def use_pdf_writer() -> None:
    """Give the report formats Qt's PDF writer (the Qt-free engine cannot import it).

    The import waits until a PDF is asked for, so the command line stays Qt-free.
    """
    from .engine.report.formats import register

    def pdf(comparison, options=None):
        from .report_pdf import render_pdf
        return render_pdf(comparison, options)

    register("pdf", pdf)


def _report_writers() -> dict[str, Callable]:
    """Format name -> function(comparison) returning str or bytes (the formats' table)."""
    from .engine.report.formats import FORMATS
    use_pdf_writer()
    return {name: (lambda comparison, f=f: f.renderer(comparison))
            for name, f in FORMATS.items() if f.renderer is not None}


def _details(log_file: Optional[Path]) -> str:
    return f" (details in {log_file})" if log_file else ""


def _compare(args: argparse.Namespace, log_file: Optional[Path] = None) -> int:
    from .engine import CompareConfig, compare_files
    from .engine.facts_text import facts_summary

    comparison = compare_files(args.files, CompareConfig(find_facts=True))
    for error in comparison.errors:
        _say(f"parallax: {error}")
        log.warning("input not read: %s", error)
    for article in comparison.articles:
        for warning in article.warnings:
            _say(f"parallax: warning: {article.source}: {warning}")
    for warning in comparison.warnings:  # e.g. the facts could not be found
        _say(f"parallax: warning: {warning}")
    if len(comparison.articles) < 2:
        _say(f"parallax: nothing to compare: {len(comparison.articles)} readable article(s), "
             "need at least 2")
        return EXIT_FAILED
    writers = _report_writers()
    from .engine.report.formats import FORMATS
    wanted = [(fmt, getattr(args, fmt)) for fmt in FORMATS if getattr(args, fmt, None)]
    for fmt, target in wanted:
        if fmt not in writers:
            print(f"parallax: the {fmt} report is not available in this version", file=sys.stderr)
            return EXIT_FAILED
        try:
            content = writers[fmt](comparison)
            _write(target, content)
        except BrokenPipeError:
            raise
        except OSError as exc:
            _say(f"parallax: cannot write {target}: {exc.strerror or exc}")
            log.warning("cannot write the %s report to %s", fmt, target, exc_info=True)
            return EXIT_FAILED
        except Exception as exc:  # a bug in a writer: one line here, the traceback in the log
            log.exception("the %s report writer failed", fmt)
            _say(f"parallax: cannot write the {fmt} report: {type(exc).__name__}: {exc}"
                 f"{_details(log_file)}")
            return EXIT_FAILED
    if args.facts or not wanted:
        # Each line of the summary quotes the articles: made safe line by line.
        print("\n".join(map(terminal_safe, facts_summary(comparison).split("\n"))))
    sys.stdout.flush()  # a closed pipe shows up here, inside main's guard
    return EXIT_PARTIAL if comparison.errors else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="parallax",
        usage="%(prog)s [--verbose] [FILE | FOLDER | LINK ...]\n"
              "       %(prog)s compare [options] FILE | FOLDER | LINK ...",
        description="Compare several news reports of one event.  Without a command, opens "
                    f"the app, with the articles given compared: {INPUTS_HELP}.",
        epilog="exit codes: 0 success; 1 bad usage or nothing to compare (fewer than two "
               "readable articles) or a report not written; 2 compared, but some inputs could "
               "not be read; 141 the reader of the output stopped early.  Errors are also "
               "logged, with detail, to parallax.log in the data folder.")
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="print debug detail to stderr")
    sub = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    cmp_ = sub.add_parser("compare", prog="parallax compare",
                          help="compare articles and write reports (see: parallax compare -h)",
                          description=f"Compare articles: {INPUTS_HELP}.")
    cmp_.add_argument("files", nargs="+", metavar="FILE|FOLDER|LINK", help=INPUTS_HELP)
    from .engine.report.formats import FORMATS
    for fmt in FORMATS.values():  # --json, --html, --pdf, ...: one option a format
        cmp_.add_argument(f"--{fmt.name}", metavar="OUT", help=fmt.help)
    cmp_.add_argument("--facts", action="store_true",
                      help="print the facts that differ, conflicts first, one line each")
    # SUPPRESS: given before "compare", the flag must survive the sub-parser's default.
    cmp_.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                      help="print debug detail to stderr")
    sub.add_parser("corpus", add_help=False,
                   help="sort a corpus into stories and compare each (see: parallax corpus -h)")
    return parser


def _is_command_line(argv: list[str]) -> bool:
    """``compare`` (after an optional ``--verbose``) or a top-level help/version flag."""
    first = [a for a in argv[:2] if a not in ("-v", "--verbose")][:1]
    return first == ["compare"] or argv[:1] in (["-h"], ["--help"], ["--version"])


def _stdout_gone() -> int:
    """The reader of stdout closed it: stop quietly (the standard Python recipe).

    stdout is pointed at devnull so the interpreter's final flush of what is
    still buffered cannot raise again at exit.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (an embedding program); nothing to protect
    return EXIT_BROKEN_PIPE


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if [a for a in argv[:2] if a not in ("-v", "--verbose")][:1] == ["corpus"]:
            from .corpus_cli import main as corpus_main  # parallax corpus: desktop/corpus_cli.py
            argv.remove("corpus")  # the first: the command, not an input of that name
            return corpus_main(argv)
        if _is_command_line(argv):
            return _command_line(argv)
        from .app.main import run_app
        return run_app(argv)
    except BrokenPipeError:
        return _stdout_gone()


def _command_line(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or bad usage (already explained)
        sys.stdout.flush()
        return exc.code if isinstance(exc.code, int) else EXIT_FAILED
    from .app.paths import start_logging, stop_logging
    log_file = start_logging(args.verbose)
    try:
        return _compare(args, log_file)
    except BrokenPipeError:
        raise
    except Exception as exc:  # a bug: one clear line, the traceback in the log
        log.exception("parallax compare failed")
        _say(f"parallax: internal error: {type(exc).__name__}: {exc}{_details(log_file)}")
        return EXIT_FAILED
    finally:
        stop_logging()


if __name__ == "__main__":
    sys.exit(main())
