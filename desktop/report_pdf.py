"""The PDF report: the HTML report's content, laid out by Qt on landscape pages.

Outside the engine because it needs Qt.  :func:`render_pdf` builds a
simplified HTML page (the subset ``QTextDocument`` understands: tables,
inline colours, ``<u>``/``<s>``) from the same
:func:`~desktop.engine.report.build_view` records as the HTML report, lays it
out on A4 landscape pages with :class:`QTextDocument`, and paints each page
through :class:`QPdfWriter` with a running footer ("page 3 of 7").  Qt's PDF
engine embeds (subsets of) the fonts it uses.  A ``QGuiApplication`` is
created if none exists (offscreen when there is no display).
"""
from __future__ import annotations

import os
import re
import sys
from typing import Iterable, Optional

from .engine.model import Comparison
from .engine.report import ReportOptions, build_view
from .engine.report import text as words
from .engine.report.as_html import e as _e, spans_html
from .engine.report.view import Cell, FactView, ReportView, Row, Span, label
from .engine.set_apart import reason_only

SERIF = ["DejaVu Serif", "Georgia", "Cambria", "Times New Roman", "Liberation Serif", "serif"]
SANS = ["DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans", "sans-serif"]
_INS = 'style="background-color:#d8f1de; color:#0d5a26; text-decoration:underline"'
_DEL = 'style="background-color:#fbe0e0; color:#8c1d1d; text-decoration:line-through"'
_HIT = 'style="background-color:#fff0a8; font-weight:bold"'
_MUTED = "#5b5f6a"
_FLAG = "#a4361a"
_RULE = "border-bottom:1px solid #c9ccd3"


# QTextDocument knows no <ins>, <del> or <mark>: the same marks as inline styles.
_QT_TAGS = {"ins": (f"<u {_INS}>", "</u>"), "del": (f"<s {_DEL}>", "</s>"),
            "hit": (f"<span {_HIT}>", "</span>")}


def _spans(spans: Iterable[Span]) -> str:
    return spans_html(spans, _QT_TAGS)


# Where a name may break in a narrow column head: after "_", "-" or "/", and before a file's
# extension. Qt otherwise breaks it wherever the column ends ("20_1ecbplus.t" / "xt").
_NAME_BREAKS = re.compile(r"(?<=[_/-])(?=\w)|(?=\.[A-Za-z]\w{0,4}$)")  # not "magnitude 6.1"


def _column_label(article) -> str:
    return _NAME_BREAKS.sub("\u200b", label(article))


def _sans(text: str, size: Optional[str] = None, color: Optional[str] = None,
          bold: bool = False) -> str:
    style = [f"font-family:'{SANS[0]}','{SANS[1]}','{SANS[3]}',sans-serif"]
    if size:
        style.append(f"font-size:{size}")
    if color:
        style.append(f"color:{color}")
    if bold:
        style.append("font-weight:bold")
    return f'<span style="{"; ".join(style)}">{text}</span>'


def _tag(article_id: str) -> str:
    return _sans(f"[{_e(article_id)}]", bold=True)


# Qt's line breaking is quadratic in a word it cannot break (a 400,000-character
# run took 8 s, growing fast); such runs get a zero-width space every _BREAK_EVERY
# characters of text, so they wrap like any line.  Entities count as one character
# and are never split.
_BREAK_EVERY = 80
_TEXT_NODE = re.compile(r">([^<]+)<")
_LONG_RUN = re.compile(r"(?:&#?\w+;|[^\s&\u200b]){%d,}" % (2 * _BREAK_EVERY))
_UNIT = re.compile(r"&#?\w+;|[^&]")


def _breakable(html: str) -> str:
    def run(match: re.Match) -> str:
        units = _UNIT.findall(match.group(0))
        return "\u200b".join("".join(units[i:i + _BREAK_EVERY])
                              for i in range(0, len(units), _BREAK_EVERY))

    def node(match: re.Match) -> str:
        text = match.group(1)
        return ">" + (_LONG_RUN.sub(run, text) if len(text) >= 2 * _BREAK_EVERY else text) + "<"

    return _TEXT_NODE.sub(node, html)


def qt_html(view: ReportView) -> str:
    """The report as the HTML subset QTextDocument lays out well."""
    parts = [f"<p>{_sans('PARALLAX COMPARISON REPORT', '7.5pt', _MUTED)}</p>",
             f'<h1 style="font-size:17pt">{_e(_h1(view))}</h1>',
             f"<p>{_sans(_e(words.headline(view)) + ' ' + _e(words.stamp(view)), '8.5pt', _MUTED)}</p>"]
    parts += _articles(view) + _summary(view) + _conflicts(view)
    parts += _other("Facts the articles agree on", view.agreements)
    parts += _aligned(view) + _unique(view)
    parts += _other("Facts found in only one article", view.singles)
    return _breakable("<html><body>" + "\n".join(parts) + "</body></html>")


def _h1(view: ReportView) -> str:
    return words.main_title(view)


def _h2(title: str, page_break: bool = False) -> str:
    brk = "page-break-before:always; " if page_break else ""
    return f'<h2 style="{brk}font-size:13pt; margin-top:14px">{_sans(_e(title))}</h2>'


def _articles(view: ReportView) -> list[str]:
    rows = []
    for article in view.articles:
        details = " · ".join(_e(v if k not in ("By", "Published") else f"{k.lower()} {v}")
                             for k, v in words.article_facts(article))
        flag = ""
        if not article.related:
            # Why, as the HTML and Markdown reports say it: what it shares and what it lacks.
            reason = reason_only(article.event_note) if article.event_note else ""
            flag = "<br>" + _sans("Different event: judged to report another event, left out "
                                  "of the alignment.", "8.5pt", _FLAG, bold=True)
            if reason:
                flag += " " + _sans(_e(reason), "8.5pt", _MUTED)
        elif article.event_note:  # set apart, and ticked back in by the user
            flag = "<br>" + _sans("Ticked in.", "8.5pt", _FLAG, bold=True) + " " + \
                _sans(_e(article.event_note), "8.5pt", _MUTED)
        rows.append(f'<tr><td width="5%" valign="top">{_tag(article.id)}</td>'
                    f"<td><b>{_e(words.title_of(article))}</b><br>"
                    f"{_sans(details, '8.5pt', _MUTED)}{flag}</td></tr>")
    errors = "".join(f"<p>Could not read <b>{_e(s)}</b>: {_e(r)}</p>" for s, r in view.errors)
    return [_h2("Articles"), f'<table width="100%" cellpadding="3" cellspacing="0">{"".join(rows)}</table>',
            errors]


def _summary(view: ReportView) -> list[str]:
    if not view.pairs:
        return []
    items = "".join(f"<li>{_e(p)}</li>" for p in words.summary_lines(view))
    return [_h2("Summary"), f"<ul>{items}</ul>"]


def _mentions(fact: FactView, view: ReportView) -> str:
    rows = []
    previous = None
    for m in fact.mentions:
        said = f"<b>“{_e(m.text)}”</b>"
        if m.value:
            said += " " + _sans(f"= {_e(m.value)}", "8pt", _MUTED)
        if m.speaker:
            said += " " + _sans(f"according to {_e(m.speaker)}", "8pt", _MUTED)
        context = f'<br><span style="color:{_MUTED}">{_spans(m.context)}</span>' if m.context else ""
        who = "" if m.article == previous else \
            f"{_tag(m.article)} {_sans(_e(label(view.article(m.article))), '8.5pt')}"
        previous = m.article
        rows.append(f'<tr><td width="22%" valign="top">{who}</td>'
                    f"<td>{said}{context}</td></tr>")
    return "".join(rows)


def _conflicts(view: ReportView) -> list[str]:
    out = [_h2("Conflicts")]
    if not view.conflicts:
        return out + [f"<p><i>No conflicting facts were found.</i></p>"]
    for fact in view.conflicts:
        out.append(f'<h4 style="font-size:10pt; margin-top:10px; margin-bottom:3px">{_e(fact.note)} '
                   f"{_sans(_e(words.fact_heading(fact)), '8pt', _MUTED)}</h4>")
        out.append(f'<table width="100%" cellpadding="3" cellspacing="0" '
                   f'style="border-left:3px solid {_FLAG}">{_mentions(fact, view)}</table>')
    return out


def _other(title: str, facts: tuple[FactView, ...]) -> list[str]:
    if not facts:
        return []
    items = "".join(
        f"<li>{_sans(_e(words.fact_name(f.id).capitalize()), '8pt', _MUTED)} {_e(f.note)}"
        + words.said_suffix(f, lambda ids: " ".join(_tag(a) for a in ids) + " ", lambda t: f"“{_e(t)}”")
        + "</li>" for f in facts)
    return [_h2(f"{title} ({len(facts)})"), f"<ul>{items}</ul>"]


def _cell(cell: Optional[Cell], view: ReportView, row: Optional[Row] = None) -> str:
    if cell is None:
        return f'<td bgcolor="#f5f6f8" style="{_RULE}">{_sans("not in this article", "7.5pt", _MUTED)}</td>'
    ids = _sans(_e(", ".join(cell.passages)), "7pt", _MUTED, bold=True)
    if cell.also_of:  # told here too; its wording is compared in its own row
        own = (f"its own row is {_e(cell.also_of)}" if view.has_row(cell.also_of)
               else f"its own group ({_e(cell.also_of)}) is not shown")
        note = _sans(f"<i>also told here; {own}</i>", "7pt", _MUTED)
        text = f'<span style="color:{_MUTED}">{_e("".join(s.text for s in cell.spans))}</span>'
        return f'<td valign="top" style="{_RULE}">{ids} {note}<br>{text}</td>'
    if row is not None and row.marks_link(cell):  # not linked to the row's first passage, or weakly
        note = _sans(f"<i>{_e(words.link_note(cell, row.base, row.weak))}</i>", "7pt", _MUTED)
        return f'<td valign="top" style="{_RULE}">{ids} {note}<br>{_spans(cell.spans)}</td>'
    return f'<td valign="top" style="{_RULE}">{ids} {_spans(cell.spans)}</td>'


def _aligned(view: ReportView) -> list[str]:
    if not view.rows:
        return [_h2("Aligned passages")] + ["<p><i>No passages were found telling the same thing in two or more "
                      "articles.</i></p>"]
    out = [_h2("Aligned passages")]
    out.append("<p>" + _sans(
        "Each row holds passages that tell the same thing, read against the leftmost article in "
        f"the row: <s {_DEL}>struck through</s> are its words most of the others leave out or put "
        f"differently; <u {_INS}>underlined</u> are words another article adds or puts "
        "differently." + (" " + words.ALSO_LEGEND if view.has_also else "")
        + (" " + words.LINK_LEGEND if view.has_link_notes else ""), "8pt", _MUTED) + "</p>")
    width = max(1, (100 - 6) // max(1, len(view.columns)))
    head = "".join(f'<th width="{width}%" align="left">{_tag(a.id)} '
                   f"{_sans(_e(_column_label(a)), '8.5pt', bold=True)}</th>" for a in view.columns)
    rows = []
    for row in view.rows:
        flag = ""
        if row.conflicts:
            flag = "<br>" + _sans("conflict: " + _e(words.fact_names(row.conflicts)), "7pt", _FLAG)
        if row.weak:
            flag += "<br>" + _sans(f"<i>weak link<br>({row.confidence:.0%})</i>", "7pt", _MUTED)  # a narrow column
        rows.append(f'<tr><td width="6%" valign="top" style="{_RULE}">{_sans(_e(row.group), "8pt", _MUTED, True)}'
                    f"{flag}</td>{''.join(_cell(c, view, row) for c in row.cells)}</tr>")
    out.append('<table width="100%" border="0" cellpadding="4" cellspacing="0" '
               'style="border-collapse:collapse; font-size:9pt">'
               f'<thead><tr><th width="6%" align="left">{_sans("Group", "8pt")}</th>{head}</tr></thead>'
               f"<tbody>{''.join(rows)}</tbody></table>")
    return out


def _unique(view: ReportView) -> list[str]:
    """One column per article, so lines keep a readable length on a landscape page."""
    if not view.unique:
        return []
    out = [_h2("Found in only one article")]
    listed = [b for b in view.unique if b.compared]
    for block in view.unique:
        if not block.compared:
            article = view.article(block.article)
            out.append(f"<p>{_tag(article.id)} {_e(label(article))}: "
                       "<i>not compared, judged to report a different event.</i></p>")
    if not listed:
        return out
    counts = [b.count for b in listed]
    if len(listed) == 1 or max(counts) > 2 * min(counts) + 5:
        # Lopsided: columns would leave pages of white; one article after another instead,
        # at a readable measure.
        return out + _unique_in_turn(view, listed)
    width = 100 // len(listed)
    head, cells = [], []
    for block in listed:
        article = view.article(block.article)
        head.append(f'<th width="{width}%" align="left">{_tag(article.id)} '
                    f"{_sans(_e(_column_label(article)), '8.5pt', bold=True)}<br>"
                    f"{_sans(_e(words.plural(block.count, 'passage')) + f' of {len(article.passages)}', '7.5pt', _MUTED)}"
                    "</th>")
        if block.paragraphs:
            body = "".join(f'<p style="margin-bottom:5px">{_sans(_e(words.passage_span(p.passages)), "7pt", _MUTED, True)} '
                           f"{_spans(p.spans)}</p>" for p in block.paragraphs)
        else:
            body = "<p><i>Every passage is also told elsewhere.</i></p>"
        cells.append(f'<td valign="top">{body}</td>')
    out.append('<table width="100%" cellpadding="5" cellspacing="0" style="font-size:9pt">'
               f"<thead><tr>{''.join(head)}</tr></thead><tbody><tr>{''.join(cells)}</tr></tbody></table>")
    return out


def _unique_in_turn(view: ReportView, blocks) -> list[str]:
    """One article after another, in a table narrower than the page: a readable measure."""
    out = []
    for block in blocks:
        article = view.article(block.article)
        out.append(f'<h3 style="font-size:10.5pt; margin-top:10px">{_tag(article.id)} '
                   f"{_sans(_e(label(article)))} "
                   f"{_sans(_e(words.plural(block.count, 'passage')) + f' of {len(article.passages)}', '8pt', _MUTED)}</h3>")
        if not block.paragraphs:
            out.append("<p><i>Every passage is also told elsewhere.</i></p>")
            continue
        body = "".join(f'<p style="margin-bottom:5px">{_sans(_e(words.passage_span(p.passages)), "7pt", _MUTED, True)} '
                       f"{_spans(p.spans)}</p>" for p in block.paragraphs)
        out.append(f'<table width="72%" cellpadding="0" cellspacing="0"><tr><td>{body}</td></tr></table>')
    return out


def _keep_headings_with_next(doc, page: "QSizeF") -> None:
    """Move a heading that would end a page to the next one (Qt has no keep-with-next).

    Headings (``<h1>``-``<h4>``, fact notes included) whose following block
    starts on another page get a page break before them.  Qt relays a changed
    document out lazily (and then miscounts its pages), so after each break
    the whole document is laid out again before the next heading is measured.
    """
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextFormat

    height = page.height()
    layout = doc.documentLayout()
    block = doc.begin()
    for _ in range(200):  # at most this many moves; a report has far fewer pages
        moved = None
        while block.isValid():
            following = block.next()
            if block.blockFormat().headingLevel() > 0 and following.isValid():
                top = layout.blockBoundingRect(block).top()
                number = int(top // height)
                nxt = layout.blockBoundingRect(following)
                lines = following.layout()
                first_line = lines.lineAt(0).height() if lines.lineCount() else nxt.height()
                ends_page = int((nxt.top() + min(first_line, nxt.height())) // height) != number
                if ends_page and top - number * height > 1:
                    fmt = QTextBlockFormat()
                    fmt.setPageBreakPolicy(QTextFormat.PageBreak_AlwaysBefore)
                    QTextCursor(block).mergeBlockFormat(fmt)
                    moved = following
                    break
            block = following
        if moved is None:
            return
        doc.setPageSize(QSizeF(page.width(), height + 1))
        doc.setPageSize(page)
        block = moved


def _ensure_app():
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") \
                and sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["parallax-report"])
    return app


def render_pdf(comparison: Comparison, options: Optional[ReportOptions] = None) -> bytes:
    """The report as PDF bytes: A4 landscape, fonts embedded, numbered pages."""
    options = options or ReportOptions()
    view = build_view(comparison, options)
    _app = _ensure_app()  # noqa: F841  (must stay alive while painting)
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import (QFont, QPageLayout, QPageSize, QPainter, QPdfWriter,
                               QTextDocument)

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(f"Parallax comparison report: {_h1(view)}")
    writer.setCreator(f"Parallax {options.version}")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Landscape,
                                     QMarginsF(12, 11, 12, 10), QPageLayout.Millimeter))

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setFamilies(SERIF)
    font.setPointSizeF(10)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet("h1, h2, h3 { font-weight: bold; } ul { margin-left: 0; }")
    doc.setHtml(qt_html(view))

    page = writer.pageLayout().paintRectPixels(writer.resolution())
    footer_height = writer.resolution() * 0.28  # inches
    body = QSizeF(page.width(), page.height() - footer_height)
    doc.setPageSize(body)
    _keep_headings_with_next(doc, body)
    count = doc.pageCount()

    foot_font = QFont()
    foot_font.setFamilies(SANS)
    foot_font.setPointSizeF(7.5)
    painter = QPainter(writer)
    try:
        for n in range(count):
            if n:
                writer.newPage()
            painter.save()
            painter.translate(0, -n * body.height())
            doc.drawContents(painter, QRectF(0, n * body.height(), body.width(), body.height()))
            painter.restore()
            painter.setFont(foot_font)
            painter.setPen(Qt.darkGray)
            strip = QRectF(0, body.height(), body.width(), footer_height)
            painter.drawText(strip, Qt.AlignLeft | Qt.AlignBottom,
                             f"Parallax {options.version} · comparison report · "
                             f"{options.generated_text()}")
            painter.drawText(strip, Qt.AlignRight | Qt.AlignBottom, f"page {n + 1} of {count}")
    finally:
        painter.end()
    buffer.close()
    return bytes(data)
