"""A corpus run, start to finish: read, sort into stories, compare, summarise.

:func:`run_corpus` is the one public verb.  Its stages:

1. **read** every source (:mod:`.sources`) once, spooling each article's text
   to ``OUT/work/articles.jsonl``; only small per-article facts (key terms,
   date, outlet) stay in memory;
2. **block** (:mod:`.blocking`) and **decide** (:mod:`.stories`, one task per
   block) which articles report one event, the articles taken in an order of
   their content (:func:`content_order`), so that the same articles listed in
   another order give the same stories; the stories are saved in
   ``OUT/work/stories.json``;
3. **compare** each story of two or more articles with the ordinary
   pipeline (one task per story) and write ``OUT/stories/ID.json`` (the
   comparison contract), ``ID.html`` (the report) and, last,
   ``ID.summary.json`` (the story's rows for the tables);
4. **summarise**: ``OUT/tables/*.csv`` and ``OUT/index.html`` (:mod:`.summary`).

Every file is written atomically.  A re-run with the same inputs reuses the
spool and the stories and skips every story whose summary exists, so an
interrupted run (Ctrl+C, a killed machine) goes on where it stopped, on
either engine.  Tasks run on an :mod:`.engines` executor (the local pool or
a Dask cluster); articles travel to them as their spooled JSON lines and
results come back as contract JSON, and at most two tasks per worker are in
flight, so memory is bounded by the largest story, not the corpus.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..atomic import write_atomic
from ..errors import IngestError
from ..model import CompareConfig, Document, InputError
from . import engines
from .blocking import block_into_groups, candidate_pairs, key_terms, terms_of
from .sources import iter_sources, read_source
from .summary import singleton_summary, write_tables

FORMAT = "parallax.corpus/1"
ProgressFn = Callable[[str, int, int], None]  # (stage, done, total); total 0: not known yet


@dataclass(frozen=True)
class CorpusOptions:
    """How a corpus is sorted and compared."""

    window_days: Optional[int] = 30  # candidates only within this many days (when both dates are known)
    max_block: int = 40  # most articles the same-event decision sees at once
    event_threshold: Optional[float] = None  # link two clusters need to join; None: stories.LINK_THRESHOLD
    find_facts: bool = True

    def fingerprint(self, inputs: list[str]) -> str:
        """What a finished stage must match to be reused by a re-run."""
        from .stories import SORTING
        data = json.dumps({"inputs": [os.path.abspath(i) if not i.startswith(("http://", "https://"))
                                      else i for i in inputs], "options": asdict(self),
                           "sorting": SORTING}, sort_keys=True)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


@dataclass
class CorpusResult:
    articles: int = 0
    stories: list[list[int]] = field(default_factory=list)
    compared: int = 0  # stories compared in this run
    skipped: int = 0  # stories already done by an earlier run
    errors: list[InputError] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (story id, reason)


class Spool:
    """Article texts on disk, one JSON line each, found again by offset."""

    def __init__(self, path: Path):
        self.path = path
        self.offsets: list[int] = []

    def load(self) -> bool:
        """The offsets of a finished spool; False when there is none."""
        if not self.path.is_file():
            return False
        self.offsets = []
        with self.path.open("rb") as handle:
            position = 0
            for line in handle:
                self.offsets.append(position)
                position += len(line)
        return True

    def text(self, number: int) -> str:
        """The article's JSON line, as it travels to a worker."""
        with self.path.open("rb") as handle:
            handle.seek(self.offsets[number])
            return handle.readline().decode("utf-8")

    def read(self, number: int) -> Document:
        return document_of(self.text(number))


def document_of(line: str) -> Document:
    """The :class:`Document` of one spooled JSON line."""
    data = json.loads(line)
    data["warnings"] = tuple(data.get("warnings", ()))
    data["removed"] = ()
    return Document(**data)


def _line(document: Document) -> bytes:
    data = {"source": document.source, "text": document.text, "title": document.title,
            "outlet": document.outlet, "byline": document.byline, "published": document.published,
            "warnings": list(document.warnings)}
    mended = json.dumps(data, ensure_ascii=False).encode("utf-8", "replace")
    return mended + b"\n"


def _read_all(inputs: list[str], spool: Spool, progress: ProgressFn) -> tuple[list[dict], list[InputError]]:
    """Stage 1: read and spool every article; (per-article facts, errors)."""
    errors: list[InputError] = []
    facts: list[dict] = []
    df: Counter = Counter()
    partial = spool.path.with_name(f".{spool.path.name}.p{os.getpid()}.partial")
    n = 0
    with partial.open("wb") as handle:
        for n, source in enumerate(iter_sources(inputs), start=1):  # streamed: a list's texts are not kept
            progress("read", n, 0)
            if isinstance(source, InputError):
                errors.append(source)
                continue
            try:
                document = read_source(source)
            except IngestError as exc:
                errors.append(InputError(exc.source, exc.reason))
                continue
            handle.write(_line(document))
            terms = terms_of(document.text)
            df.update(terms.keys())
            facts.append({"published": document.published, "digest": content_digest(document),
                          "source": document.source})
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, spool.path)
    spool.load()
    progress("read", n, n)
    for number, fact in enumerate(facts):  # second pass: key terms need the whole corpus's counts
        fact["keys"] = key_terms(terms_of(spool.read(number).text), df, len(facts))
    return facts, errors


def story_ids(stories: list[list[int]], sources: list[str]) -> list[str]:
    """Each story's id (``s0001-1a2b3c4d``): its rank and a hash of its members' sources."""
    out = []
    for rank, members in enumerate(stories, start=1):
        joined = "\n".join(sorted(sources[k] for k in members))
        out.append(f"s{rank:04d}-{hashlib.sha1(joined.encode('utf-8', 'replace')).hexdigest()[:8]}")
    return out


def _run_tasks(executor: Optional[Executor], function, items: Iterable[tuple[object, tuple]],
               on_result: Callable[[object, object], None], in_flight: int) -> None:
    """``on_result(key, function(payload))`` for each ``(key, payload)``, in any order.

    At most ``in_flight`` payloads are out at once (memory stays bounded);
    with no executor everything runs here, one after another.
    """
    if executor is None:
        for key, payload in items:
            on_result(key, function(payload))
        return
    running: dict[Future, object] = {}

    def collect(block: bool) -> None:
        finished, _ = wait(running, return_when=FIRST_COMPLETED) if block else (list(running), None)
        for future in finished:
            on_result(running.pop(future), future.result())

    for key, payload in items:
        running[executor.submit(function, payload)] = key
        if len(running) >= in_flight:
            collect(True)
    while running:
        collect(True)


def _config(options: CorpusOptions) -> CompareConfig:
    return CompareConfig(find_facts=options.find_facts)


def _block_task(payload: tuple) -> list[list[int]]:
    from .stories import LINK_THRESHOLD, stories_of_block
    lines, options = payload
    threshold = LINK_THRESHOLD if options.event_threshold is None else options.event_threshold
    return stories_of_block([document_of(line) for line in lines], _config(options), threshold,
                            options.window_days)


def _story_task(payload: tuple) -> tuple[str, str, dict]:
    """Compare one story: (contract JSON, HTML report, summary) -- all text, for any worker.

    A story the pipeline fails on gives (None, the reason, None): it is
    reported, not written, so a re-run tries it again.
    """
    from .. import contract
    from ..pipeline import compare
    from ..report import render_html
    from .summary import story_summary
    story_id, lines, options = payload
    try:
        # The sorting has judged the story; judged again among its own reports, the
        # comparison set apart 20 reports of ECB+ 1-35, every one of the story's own event.
        comparison = compare([document_of(line) for line in lines],
                             replace(_config(options), one_story=True))
        return contract.dumps(comparison), render_html(comparison), story_summary(story_id, comparison)
    except Exception as exc:  # noqa: BLE001 - one story's bug must not stop the corpus
        return None, f"{type(exc).__name__}: {exc}", None


def content_digest(document: Document) -> str:
    """What orders the articles for sorting: a hash of what the sorting reads (text and date)."""
    data = f"{document.published or ''}\n{document.text}".encode("utf-8", "replace")
    return hashlib.sha256(data).hexdigest()


def content_order(facts: list[dict]) -> list[int]:
    """The articles' numbers in the order of their content (``digest``, then ``source``), not the listing's.

    Every step of the sorting breaks its ties by position (the candidates an
    article keeps, the blocks' joins, which of two articles a sentence pair is
    scored from, the linkage's equal links), so the articles go through it in
    an order of their own: the same articles listed in any order (another
    folder walk, a shuffled list) give the same stories.  Two articles with
    one text and date differ only in their source, which settles their order.
    """
    return sorted(range(len(facts)), key=lambda k: (facts[k]["digest"], facts[k]["source"]))


def sorting_blocks(facts: list[dict], options: CorpusOptions) -> tuple[list[list[int]], dict[int, int]]:
    """The blocks (articles' numbers, each block and its members in content order) and each article's rank there.

    ``facts``: per article its ``keys`` (key terms), ``published``, ``digest``
    and ``source``.
    """
    order = content_order(facts)
    pairs = candidate_pairs([facts[k]["keys"] for k in order], [facts[k]["published"] for k in order],
                            options.window_days)
    blocks = [[order[c] for c in block] for block in block_into_groups(len(order), pairs, options.max_block)]
    return blocks, {k: rank for rank, k in enumerate(order)}


def by_content(stories: list[list[int]], rank: dict[int, int]) -> list[list[int]]:
    """Stories largest first, then by their first article in content order; members in the listing's order."""
    return sorted((sorted(s) for s in stories), key=lambda s: (-len(s), min(rank[k] for k in s)))


def _sort(facts: list[dict], spool: Spool, options: CorpusOptions, executor, in_flight: int,
          progress: ProgressFn) -> list[list[int]]:
    """Stage 2: articles (spool numbers) sorted into stories, largest first."""
    blocks, rank = sorting_blocks(facts, options)
    stories: list[list[int]] = [b for b in blocks if len(b) == 1]
    several = [b for b in blocks if len(b) > 1]
    done = [0]

    def items():
        for number, block in enumerate(several):
            yield number, ([spool.text(k) for k in block], options)

    def on_result(number, found):
        block = several[number]
        stories.extend([block[n] for n in cluster] for cluster in found)
        done[0] += 1
        progress("sort", done[0], len(several))

    progress("sort", 0, len(several))
    _run_tasks(executor, _block_task, items(), on_result, in_flight)
    return by_content(stories, rank)


def run_corpus(inputs: list[str], out: Path, options: CorpusOptions = CorpusOptions(),
               engine: str = "local", workers: Optional[int] = None,
               progress: Optional[ProgressFn] = None, scheduler: Optional[str] = None) -> CorpusResult:
    """Sort the articles of ``inputs`` into stories and compare each; write everything under ``out``.

    ``engine`` is ``"local"`` (a process pool of ``workers``, default: one per
    CPU; 0 runs everything in this process) or ``"dask"`` (``scheduler``: a
    Dask scheduler's address or ``local:N``) -- see :mod:`.engines`.  Re-running
    with the same inputs and options resumes, on either engine.  ``KeyboardInterrupt`` leaves
    every finished file in place and propagates.
    """
    out = Path(out)
    progress = progress or (lambda stage, done, total: None)
    work, story_dir = out / "work", out / "stories"
    work.mkdir(parents=True, exist_ok=True)
    story_dir.mkdir(parents=True, exist_ok=True)
    fingerprint = options.fingerprint(inputs)
    spool = Spool(work / "articles.jsonl")
    saved_path = work / "stories.json"
    saved = _load_json(saved_path)
    result = CorpusResult()
    with engines.executor(engine, workers, scheduler) as executor:
        in_flight = 2 * engines.width(executor)
        if saved and saved.get("fingerprint") == fingerprint and spool.load():
            stories = saved["stories"]
            result.errors = [InputError(e["source"], e["reason"]) for e in saved["errors"]]
        else:
            facts, result.errors = _read_all(inputs, spool, progress)
            stories = _sort(facts, spool, options, executor, in_flight, progress)
            write_atomic(saved_path, json.dumps({
                "format": FORMAT, "fingerprint": fingerprint, "stories": stories,
                "errors": [{"source": e.source, "reason": e.reason} for e in result.errors]}))
        result.articles, result.stories = len(spool.offsets), stories
        ids = story_ids(stories, [spool.read(k).source for k in range(len(spool.offsets))])
        summaries_done = {i for i in ids if (story_dir / f"{i}.summary.json").is_file()}
        todo = [(i, m) for i, m in zip(ids, stories) if i not in summaries_done]
        result.skipped = len(ids) - len(todo)
        shared_total = sum(1 for m in stories if len(m) > 1)
        shared_done = [sum(1 for i, m in zip(ids, stories) if len(m) > 1 and i in summaries_done)]
        for story_id, members in todo:  # one-article stories: nothing to compare
            if len(members) == 1:
                doc = spool.read(members[0])
                _write_json(story_dir / f"{story_id}.summary.json", singleton_summary(
                    story_id, doc.source, doc.outlet, doc.title, doc.published, doc.text))

        def items():
            for story_id, members in todo:
                if len(members) > 1:
                    yield story_id, (story_id, [spool.text(k) for k in members], options)

        def on_result(story_id, outcome):
            contract_json, report, summary = outcome
            if contract_json is None:
                result.failed.append((story_id, report))
                return
            write_atomic(story_dir / f"{story_id}.json", contract_json)
            write_atomic(story_dir / f"{story_id}.html", report)
            _write_json(story_dir / f"{story_id}.summary.json", summary)  # last: marks the story done
            result.compared += 1
            shared_done[0] += 1
            progress("compare", shared_done[0], shared_total)

        progress("compare", shared_done[0], shared_total)
        _run_tasks(executor, _story_task, items(), on_result, in_flight)
    reports = {i: f"stories/{i}.html" for i, m in zip(ids, stories) if len(m) > 1}
    summaries = (_load_json(story_dir / f"{i}.summary.json") for i in ids)
    write_tables(out, (s for s in summaries if s is not None), reports)
    return result


def _load_json(path: Path) -> Optional[dict]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_json(path: Path, data: dict) -> None:
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1))
