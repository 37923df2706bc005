"""``parallax corpus FOLDER_OR_LIST... --out DIR``: a corpus sorted into stories, each compared.

Reads every article (folders walked recursively, every format the app
reads, links, and CSV/JSONL lists of texts or links with optional outlet,
date and title columns), sorts them into stories, compares each story of
two or more articles and writes, under DIR: ``stories/ID.json`` (the
comparison contract), ``stories/ID.html`` (the report), ``tables/*.csv``
(Parquet too when pyarrow is installed) and ``index.html``.  Progress and
an ETA go to stderr.  ``--dask SCHEDULER`` (or ``local:N``) runs the same
job on a Dask cluster instead of the local process pool (the optional
``cluster`` extra).  Re-running the same command resumes an interrupted
run, on either engine.  Exit codes as ``parallax compare``: 0 done, 1
nothing done (bad usage, no readable article), 2 done but some inputs
unreadable or some stories failed, 130 interrupted (Ctrl+C; re-run to go on).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

EXIT_OK, EXIT_FAILED, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 2, 130


def build_parser(parser_class=argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser = parser_class(
        prog="parallax corpus",
        description="Sort a corpus of articles into stories and compare each story.")
    parser.add_argument("inputs", nargs="+", metavar="FOLDER_OR_LIST",
                        help="folders (walked recursively), article files, links, or .csv/.jsonl "
                             "lists with a text or url column (optional outlet, date, title)")
    parser.add_argument("--out", required=True, metavar="DIR", help="where to write the results")
    engine = parser.add_mutually_exclusive_group()
    engine.add_argument("--workers", type=int, default=None, metavar="N",
                        help="processes in the local pool (default: one per CPU; 0: no pool)")
    engine.add_argument("--dask", default=None, metavar="SCHEDULER",
                        help="run the stories on a Dask cluster: a scheduler's address "
                             "(tcp://host:8786) or local:N for N local worker processes; needs "
                             "pip install 'parallax[cluster]'")
    parser.add_argument("--window", type=int, default=30, metavar="DAYS",
                        help="articles dated further apart are never one story (default 30; "
                             "-1: no window)")
    parser.add_argument("--event-threshold", type=float, default=None, metavar="P",
                        help="mean probability of 'same event' over the best quarter of two "
                             "stories' article pairs needed to join them (default 0.4; higher "
                             "splits more)")
    parser.add_argument("--no-facts", action="store_true", help="skip the facts stage (faster)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help=argparse.SUPPRESS)
    return parser


class Progress:
    """``stage done/total, ETA`` on stderr, at most once a second (and at each stage's end)."""

    def __init__(self, stream=None, every: float = 1.0):
        self.stream = stream or sys.stderr
        self.every = every
        self.stage: Optional[str] = None
        self.started = 0.0
        self.first_done = 0
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage != self.stage:
            self.stage, self.started, self.first_done, self.last = stage, now, done, 0.0
        if now - self.last < self.every and (done < total or not total):
            return
        self.last = now
        label = {"read": "articles read", "sort": "blocks sorted", "compare": "stories done"}[stage]
        line = f"parallax corpus: {label} {done}/{total}" if total else f"parallax corpus: {label} {done}"
        fresh = done - self.first_done
        if 0 < fresh and done < total:
            eta = (now - self.started) / fresh * (total - done)
            line += f", ETA {_duration(eta)}"
        print(line, file=self.stream, flush=True)


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


def run(args: argparse.Namespace, say=None) -> int:
    """Run the parsed command; the exit code."""
    from .engine.corpus import CorpusOptions, run_corpus
    say = say or (lambda message: print(message, file=sys.stderr))
    if args.dask is not None:
        from .engine.corpus.dask_engine import DaskMissing, local_size, require
        try:
            require()
            local_size(args.dask)
        except (DaskMissing, ValueError) as exc:
            say(f"parallax corpus: {exc}")
            return EXIT_FAILED
    options = CorpusOptions(window_days=None if args.window < 0 else args.window,
                            event_threshold=args.event_threshold, find_facts=not args.no_facts)
    progress = (lambda *a: None) if args.quiet else Progress()
    try:
        result = run_corpus(args.inputs, Path(args.out), options, workers=args.workers,
                            progress=progress, engine="dask" if args.dask else "local",
                            scheduler=args.dask)
    except KeyboardInterrupt:
        say(f"parallax corpus: interrupted; finished stories are kept in {args.out}: "
            "run the same command again to go on")
        return EXIT_INTERRUPTED
    except RuntimeError as exc:
        from .engine.corpus.dask_engine import DaskUnreachable
        if not isinstance(exc, DaskUnreachable):
            raise
        say(f"parallax corpus: {exc}")
        return EXIT_FAILED
    for error in result.errors:
        say(f"parallax corpus: {error}")
    for story_id, reason in result.failed:
        say(f"parallax corpus: story {story_id} not compared: {reason} (a re-run tries it again)")
    if result.articles == 0:
        say("parallax corpus: no readable article")
        return EXIT_FAILED
    shared = sum(1 for s in result.stories if len(s) > 1)
    say(f"parallax corpus: {result.articles} articles, {len(result.stories)} stories "
        f"({shared} told by two or more; {result.compared} compared now, {result.skipped} "
        f"done before); index: {Path(args.out) / 'index.html'}")
    return EXIT_PARTIAL if result.errors or result.failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """``parallax corpus ARGS``; ``argv`` without the word ``corpus``."""
    from .cli import ArgumentParser  # Parallax's exit code for bad usage (1)
    try:
        args = build_parser(ArgumentParser).parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # --help, or bad usage (already explained)
        sys.stdout.flush()
        return exc.code if isinstance(exc.code, int) else EXIT_FAILED
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
