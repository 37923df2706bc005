"""The background jobs: read, download, compare, build the story table, export.

Plain functions that return a job for :meth:`desktop.app.tasks.TaskRunner.start`
(``job(progress, should_cancel) -> result``).  None of them touches a widget:
they run on a worker thread and hand back plain values.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from ..engine.errors import Cancelled, IngestError
from ..engine.ingest.web import fetch_url
from ..engine.model import Comparison, CompareConfig, Document
from ..engine.pipeline import FACTS_FAILED, compare, read_documents
from ..engine.atomic import write_atomic
from ..engine.report import render
from ..engine.report.formats import FORMATS
from .story import StoryModel, story_model

log = logging.getLogger(__name__)


def read_job(paths: Sequence[str]):
    """Read files and folders: ``(documents, errors)``."""
    paths = list(paths)
    return lambda progress, cancel: read_documents(paths, progress, cancel)


def fetch_job(links: Sequence[str]):
    """Download web links one by one: ``(documents, errors)``."""
    links = list(links)
    count = len(links)

    def job(progress, should_cancel):
        documents, errors = [], []
        for n, link in enumerate(links):
            def step(_stage, fraction, n=n):
                progress("download", (n + max(0.0, min(1.0, fraction))) / count)
            try:
                documents.append(fetch_url(link, should_cancel=should_cancel, progress=step))
            except IngestError as exc:
                errors.append(exc)
        return documents, errors

    return job


def compare_job(documents: Sequence[Document], keys: Sequence[int], config: CompareConfig,
                reference: Optional[int]):
    """Compare, then build the story table read against the entry ``reference`` (a key).

    Result: ``(keys, comparison, facts_error, story)``; when fact checking
    breaks, the comparison comes without facts and ``facts_error`` says what
    went wrong.
    """
    documents, keys = list(documents), list(keys)

    def job(progress, should_cancel):
        # A facts failure is a warning on the comparison (pipeline.compare).
        comparison = compare(documents, config, progress, should_cancel)
        facts_error = next((w.removeprefix(FACTS_FAILED) for w in comparison.warnings
                            if w.startswith(FACTS_FAILED)), None)
        ref_id = None
        if reference in keys:
            ref_id = comparison.articles[keys.index(reference)].id
        return keys, comparison, facts_error, story_model(comparison, ref_id)

    return job


def story_job(comparison: Comparison, reference: Optional[str]):
    """Rebuild the story table against another reference: ``(comparison, story)``."""
    def job(_progress, _cancel) -> tuple[Comparison, StoryModel]:
        return comparison, story_model(comparison, reference)
    return job


@dataclass(frozen=True)
class ExportResult:
    """What an export came to: the file written, or a one-line reason it was not."""

    path: Optional[Path]
    fmt: str
    error: str = ""


def render_on_gui_thread(fmt: str) -> bool:
    """PDF is laid out by Qt's text engine, which is not safe beside the GUI thread."""
    return FORMATS[fmt].drawn_by_qt


def export_job(comparison: Comparison, path: str, fmt: str, options,
               content: Optional[str | bytes] = None):
    """Render a report (unless ``content`` is already rendered), then write it
    atomically: an :class:`ExportResult`.

    Cancelling before the file is written leaves nothing behind.  A failure
    comes back as the result's ``error`` (a writer's bug is logged with its
    traceback), so the window shows one line and stays up.
    """
    def job(progress, should_cancel) -> ExportResult:
        target = Path(path)
        if target.is_dir():
            return ExportResult(None, fmt, f"Could not export the report: {path} is a folder.")
        progress("export", 0.05)
        try:
            data = render(comparison, fmt, options) if content is None else content
            if should_cancel():
                raise Cancelled()
            progress("export", 0.8)
            write_atomic(target, data)
        except Cancelled:
            raise
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            return ExportResult(None, fmt, f"Could not export the report to {path}: {reason}")
        except Exception as exc:  # a bug in a writer must not take the window down
            log.exception("exporting the %s report to %s failed", fmt, path)
            return ExportResult(None, fmt, f"Could not export the report to {path}: "
                                           f"{type(exc).__name__}: {exc}")
        progress("export", 1.0)
        return ExportResult(target, fmt)
    return job
