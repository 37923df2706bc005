"""The one table of report formats: name -> suffix, labels and renderer.

Every front end finds the formats here: the command line builds its
``--html/--pdf/...`` options from :data:`FORMATS`, the app's export dialog
its list and file filters, :func:`desktop.engine.report.export.render` its
renderer, and the tests their loops.  Adding a format is one
:class:`ReportFormat` below (or one :func:`register` call from outside).

The PDF report is drawn by Qt, which the engine must not import: its row is
here (suffix, labels) but its renderer is ``None`` until a front end that has
Qt calls ``register("pdf", render_pdf)`` (see :func:`desktop.cli.use_pdf_writer`).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Optional, Union

from ..model import Comparison
from .as_csv import render_csv
from .as_html import render_html
from .as_markdown import render_markdown
from .options import ReportOptions

Renderer = Callable[..., Union[str, bytes]]  # (comparison, options=None) -> str | bytes


def _json(comparison: Comparison, options: Optional[ReportOptions] = None) -> str:
    """The whole comparison (the contract): report options do not apply."""
    from ..contract import dumps
    return dumps(comparison)


@dataclass(frozen=True)
class ReportFormat:
    name: str  # the key: "html", also the command line's --html
    suffix: str  # what a file of this format is saved as
    label: str  # the export dialog's list
    file_filter: str  # the save dialog's filter
    note: str  # one line under the dialog's list
    help: str  # the command line's option help
    renderer: Optional[Renderer]
    takes_options: bool = True  # False: always the whole comparison (articles, conflicts only)
    binary: bool = False
    drawn_by_qt: bool = False  # its renderer is Qt's, registered by a front end
    other_suffixes: tuple[str, ...] = ()  # read as this format too


_TABLE = (
    ReportFormat("html", ".html", "Web page (HTML)", "Web page (*.html)",
                 "A self-contained page: summary, facts and the passages side by side.",
                 "write an HTML report", render_html, other_suffixes=(".htm",)),
    ReportFormat("pdf", ".pdf", "PDF document", "PDF document (*.pdf)",
                 "For printing or sending: the same content as the web page.",
                 "write a PDF report", None, binary=True, drawn_by_qt=True),
    ReportFormat("md", ".md", "Markdown", "Markdown (*.md)",
                 "Plain text with light markup, for notes and wikis.",
                 "write a Markdown report", render_markdown, other_suffixes=(".markdown",)),
    ReportFormat("csv", ".csv", "Facts as a spreadsheet (CSV)", "Facts as CSV (*.csv)",
                 "One row per fact and article; opens in any spreadsheet.",
                 "write the facts as CSV", render_csv),
    ReportFormat("json", ".json", "Comparison data (JSON)", "Comparison data, JSON (*.json)",
                 "Everything the comparison found, for other programs. Always covers all "
                 "articles.", "write the comparison JSON ('-' for stdout)", _json,
                 takes_options=False),
)

# In the order they are offered (the dialog's list, the command line's options).
FORMATS: dict[str, ReportFormat] = {f.name: f for f in _TABLE}


def register(name: str, renderer: Renderer) -> None:
    """Give a format its renderer (the PDF writer, from a front end that has Qt)."""
    if name not in FORMATS:
        raise KeyError(f"unknown report format {name!r}; known: {', '.join(FORMATS)}")
    FORMATS[name] = replace(FORMATS[name], renderer=renderer)


def renderer_for(name: str) -> Renderer:
    """The renderer of a format; ``ValueError`` when unknown or not registered."""
    found = FORMATS.get(name)
    if found is None:
        raise ValueError(f"unknown report format {name!r}; known: {', '.join(FORMATS)}")
    if found.renderer is None:
        raise ValueError(f"the {name} report is not available here (its writer needs Qt)")
    return found.renderer


def text_renderers() -> dict[str, Renderer]:
    """The Qt-free report renderers (HTML, Markdown, CSV): the reports that take options."""
    return {f.name: f.renderer for f in _TABLE
            if f.renderer is not None and f.takes_options and not f.binary}


def format_for(path: Union[str, Path]) -> Optional[str]:
    """The format a file name's suffix says (``"a.markdown"`` -> ``"md"``), else None."""
    suffix = Path(path).suffix.lower()
    return next((f.name for f in FORMATS.values()
                 if suffix == f.suffix or suffix in f.other_suffixes), None)


def all_suffixes() -> list[str]:
    return sorted(s for f in FORMATS.values() for s in (f.suffix, *f.other_suffixes))
