"""The facts as CSV: one row per mention, for spreadsheets.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, tab or carriage return) get a leading apostrophe, since the
text comes from untrusted articles; numbers are written as numbers.
"""
from __future__ import annotations

import csv
import io
from typing import Optional

from ..model import Comparison
from .options import ReportOptions
from .view import build_view, value_text

CSV_COLUMNS = ("fact", "kind", "status", "approximate", "note", "article", "passage", "text",
               "value", "speaker")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """A safe CSV cell: numbers as they are, text with formula starts defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return value
    text = " ".join(str(value).split())
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(comparison: Comparison, options: Optional[ReportOptions] = None) -> str:
    options = options or ReportOptions()
    view = build_view(comparison, options)
    raw = {f.id: f for f in comparison.facts}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for fact in view.conflicts + view.agreements + view.singles:
        mentions = raw[fact.id].mentions
        chosen = {m.article for m in fact.mentions}
        for mention in (m for m in mentions if m.article in chosen):
            value = mention.value if isinstance(mention.value, (int, float)) \
                and not isinstance(mention.value, bool) else value_text(mention.value)
            writer.writerow([cell(fact.id), cell(fact.kind), cell(fact.status),
                             cell(fact.approximate), cell(fact.note), cell(mention.article),
                             cell(mention.passage), cell(mention.text), cell(value),
                             cell(mention.speaker)])
    return out.getvalue()
