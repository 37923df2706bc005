"""One call to write a report file in any format: :func:`export_report`.

For the app's File → Export: the format follows the file's suffix unless
given.  The PDF writer needs Qt and is imported only when a PDF is asked
for, so the engine itself stays Qt-free.  Files are written atomically.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from ..atomic import write_atomic
from ..model import Comparison
from .options import ReportOptions

SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".csv": "csv",
            ".json": "json", ".pdf": "pdf"}
FORMAT_NAMES = {"html": "Web page (*.html)", "pdf": "PDF document (*.pdf)",
                "md": "Markdown (*.md)", "csv": "Facts as CSV (*.csv)",
                "json": "Comparison data, JSON (*.json)"}


def format_for(path: Union[str, Path]) -> Optional[str]:
    """``"html"``, ``"pdf"``, ``"md"``, ``"csv"`` or ``"json"`` from a file name, else None."""
    return SUFFIXES.get(Path(path).suffix.lower())


def render(comparison: Comparison, fmt: str, options: Optional[ReportOptions] = None) -> Union[str, bytes]:
    """The report as text (bytes for PDF)."""
    if fmt == "pdf":
        from ...report_pdf import render_pdf  # needs Qt: imported only when asked for
        return render_pdf(comparison, options)
    if fmt == "json":
        from ..contract import dumps
        return dumps(comparison)
    from . import RENDERERS
    if fmt not in RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}; known: {', '.join(FORMAT_NAMES)}")
    return RENDERERS[fmt](comparison, options)


def export_report(comparison: Comparison, path: Union[str, Path], fmt: Optional[str] = None,
                  options: Optional[ReportOptions] = None) -> Path:
    """Write the report to ``path`` (atomically) and return the path.

    ``fmt`` defaults to the suffix's format; ``ValueError`` when neither
    says which, ``OSError`` when the file cannot be written.  JSON is the
    whole comparison (the ``parallax.comparison/1`` contract) and ignores
    ``options``.
    """
    fmt = fmt or format_for(path)
    if fmt is None:
        raise ValueError(f"cannot tell the report format from {Path(path).name!r}; "
                         f"use one of {', '.join(sorted(SUFFIXES))}")
    target = Path(path)
    write_atomic(target, render(comparison, fmt, options))
    return target
