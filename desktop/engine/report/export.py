"""One call to write a report file in any format: :func:`export_report`.

For the app's File → Export: the format follows the file's suffix unless
given; formats and their renderers come from the one table in
:mod:`.formats` (the PDF writer is registered there by the front ends,
which have Qt, so the engine never imports it).  Files are written
atomically.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from ..atomic import write_atomic
from ..model import Comparison
from .formats import all_suffixes, format_for, renderer_for
from .options import ReportOptions


def render(comparison: Comparison, fmt: str, options: Optional[ReportOptions] = None) -> Union[str, bytes]:
    """The report as text (bytes for PDF); ``ValueError`` for a format not known or not registered."""
    return renderer_for(fmt)(comparison, options)


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
                         f"use one of {', '.join(all_suffixes())}")
    target = Path(path)
    write_atomic(target, render(comparison, fmt, options))
    return target
