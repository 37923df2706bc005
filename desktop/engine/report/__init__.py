"""Comparison reports: HTML, Markdown and CSV, all Qt-free and stdlib-only.

Every format (HTML, PDF, Markdown, CSV, JSON) is one row of the table in
:mod:`.formats`: suffix, labels and renderer.  ``RENDERERS[fmt](comparison,
options)`` are its Qt-free text reports.  The PDF report is drawn by Qt and so
lives outside the engine, in :mod:`desktop.report_pdf`, which the front ends
register; the JSON form is the contract (:mod:`desktop.engine.contract`).

Modules: :mod:`.options` (what to include), :mod:`.view` (what the report
says, worked out once), :mod:`.text` (shared phrasing), :mod:`.as_html` and
:mod:`.style` (the HTML page), :mod:`.as_markdown` (with :mod:`.mdescape`) and
:mod:`.as_csv`; :mod:`.export` writes any registered format to a file.
"""
from __future__ import annotations

from typing import Callable

from ..model import Comparison
from .as_csv import CSV_COLUMNS, render_csv
from .as_html import render_html
from .as_markdown import render_markdown
from .export import export_report, render
from .formats import FORMATS, ReportFormat, format_for, register, text_renderers
from .options import ReportOptions
from .view import ReportView, build_view

Renderer = Callable[..., str]

RENDERERS: dict[str, Renderer] = text_renderers()

__all__ = ["RENDERERS", "ReportOptions", "ReportView", "build_view", "render_html",
           "render_markdown", "render_csv", "CSV_COLUMNS", "Comparison", "export_report",
           "format_for", "render", "FORMATS", "ReportFormat", "register"]
