"""The HTML report: one self-contained file, no scripts, no outside fetches.

Everything taken from the articles goes through :func:`html.escape` (quotes
included); the page carries a Content-Security-Policy that forbids scripts
and every network fetch, as a second line of defence.  Changes are marked
with ``<ins>``/``<del>`` (underline / strike-through as well as colour) so
they survive black-and-white printing and colour-blind readers.
"""
from __future__ import annotations

from html import escape
from typing import Iterable, Optional

from ..model import Comparison
from ..set_apart import reason_only
from . import text as words
from .options import ReportOptions
from .style import CSS
from .view import Cell, FactView, ReportView, Row, Span, build_view, label

_TAGS = {"ins": ("<ins>", "</ins>"), "del": ("<del>", "</del>"), "hit": ("<mark>", "</mark>")}
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"


def e(value: object) -> str:
    """Escape text for element content and double-quoted attributes."""
    return escape(str(value), quote=True)


def spans_html(spans: Iterable[Span], tags: dict[str, tuple[str, str]] = _TAGS) -> str:
    """Spans as HTML, each mark ("ins", "del", "hit") wrapped in its pair of ``tags``."""
    out = []
    for span in spans:
        opening, closing = tags.get(span.mark, ("", ""))
        out.append(f"{opening}{e(span.text)}{closing}")
    return "".join(out)


def render_html(comparison: Comparison, options: Optional[ReportOptions] = None) -> str:
    options = options or ReportOptions()
    view = build_view(comparison, options)
    return document(view)


def document(view: ReportView) -> str:
    first = view.articles[0] if view.articles else None
    title = "Parallax comparison report"
    if first is not None:
        title += f": {words.title_of(first)}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="Parallax {e(view.options.version)}">',
        f"<title>{e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        _header(view),
        _contents(view),
        _articles(view),
        _summary(view),
        _conflicts(view),
        _other_facts(view, "agree"),
        _aligned(view),
        _unique(view),
        _other_facts(view, "single"),
        f'<footer><p>{e(words.stamp(view))} Word-level marks come from a computer comparison; '
        "check them against the articles before quoting.</p></footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _tag(article_id: str) -> str:
    return f'<span class="tag">{e(article_id)}</span>'


def _header(view: ReportView) -> str:
    scope = " Conflicts only." if view.options.conflicts_only else ""
    return ("<header>"
            '<p class="kicker">Parallax comparison report</p>'
            f"<h1>{e(_h1(view))}</h1>"
            f'<p class="meta">{e(words.headline(view))}{scope} {e(words.stamp(view))}</p>'
            "</header>")


def _h1(view: ReportView) -> str:
    return words.main_title(view)


def _contents(view: ReportView) -> str:
    """A line of links to the sections (works with scripts off; hidden in print)."""
    entries = [("articles", "Articles"), ("summary", "Summary"),
               ("conflicts", f"Conflicts ({len(view.conflicts)})")]
    if view.agreements:
        entries.append(("agreed", f"Agreed facts ({len(view.agreements)})"))
    entries.append(("aligned", f"Aligned passages ({len(view.rows)})"))
    if view.unique:
        entries.append(("only-one", "Found in only one article"))
    if view.singles:
        entries.append(("single", f"Facts in one article ({len(view.singles)})"))
    links = " · ".join(f'<a href="#{anchor}">{e(title)}</a>' for anchor, title in entries)
    return f'<nav class="contents" aria-label="Sections">{links}</nav>'


def _reason(article) -> str:
    """Why an article was set apart, without the note's own opening words."""
    return reason_only(article.event_note)  # it follows "Different event." here


def _articles(view: ReportView) -> str:
    items = []
    for article in view.articles:
        details = "".join(f"<div><dt>{e(k)}</dt><dd>{e(v)}</dd></div>"
                          for k, v in words.article_facts(article))
        flag = ("" if article.related else
                '<p class="flag"><strong>Different event.</strong> Judged to report another '
                f"event: left out of the alignment. {e(_reason(article))}</p>")
        if article.related and article.event_note:  # set apart, and ticked back in by the user
            flag = f'<p class="flag"><strong>Ticked in.</strong> {e(article.event_note)}</p>'
        css = "article-card" + ("" if article.related else " unrelated")
        items.append(f'<li class="{css}">{_tag(article.id)}'
                     f'<div><h3 class="article-title">{e(words.title_of(article))}</h3>'
                     f"<dl>{details}</dl>{flag}</div></li>")
    errors = ""
    if view.errors:
        errors = ('<h3>Could not be read</h3><ul class="errors">' +
                  "".join(f"<li><strong>{e(s)}</strong>: {e(r)}</li>" for s, r in view.errors) +
                  "</ul>")
    return (f'<section id="articles"><h2>Articles</h2><ol class="articles">{"".join(items)}</ol>'
            f"{errors}</section>")


def _summary(view: ReportView) -> str:
    if not view.pairs:
        return ""
    rows = "".join(f"<li>{e(p)}</li>" for p in words.summary_lines(view))
    return f'<section id="summary" class="prose"><h2>Summary</h2><ul>{rows}</ul></section>'


def _mention_rows(fact: FactView, view: ReportView) -> str:
    rows = []
    previous = None
    for m in fact.mentions:
        said = f"<q>{e(m.text)}</q>"
        if m.value:
            said += f' <span class="value">= {e(m.value)}</span>'
        if m.speaker:
            said += f' <span class="speaker">according to {e(m.speaker)}</span>'
        context = (f'<blockquote cite="#{e(m.passage or "")}">{spans_html(m.context)}</blockquote>'
                   if m.context else "")
        who = "" if m.article == previous else f"{_tag(m.article)} {e(label(view.article(m.article)))}"
        previous = m.article
        rows.append(f"<tr><th scope=\"row\">{who}</th>"
                    f"<td><p class=\"said\">{said}</p>{context}</td></tr>")
    return "".join(rows)


def _seen_in(fact_id: str, view: ReportView) -> str:
    groups = [r.group for r in view.rows if fact_id in r.conflicts]
    if not groups:
        return ""
    return " · in " + ", ".join(f'<a href="#{e(g)}">{e(g)}</a>' for g in groups)


def _conflicts(view: ReportView) -> str:
    if not view.conflicts:
        body = '<p class="none">No conflicting facts were found.</p>'
    else:
        body = '<ol class="facts">' + "".join(
            f'<li class="fact conflict" id="{e(f.id)}"><p class="note">{e(f.note)}</p>'
            f'<p class="fact-kind">{e(words.fact_heading(f))}{_seen_in(f.id, view)}</p>'
            f'<table class="said-by"><tbody>{_mention_rows(f, view)}</tbody></table></li>'
            for f in view.conflicts) + "</ol>"
    return f'<section id="conflicts" class="prose"><h2>Conflicts</h2>{body}</section>'


_OTHER = {"agree": ("agreed", "Facts the articles agree on", "agreements"),
          "single": ("single", "Facts found in only one article", "singles")}


def _other_facts(view: ReportView, status: str) -> str:
    anchor, title, attribute = _OTHER[status]
    facts = getattr(view, attribute)
    if not facts:
        return ""
    items = "".join(
        f'<li id="{e(f.id)}"><span class="fact-kind">{e(words.fact_name(f.id).capitalize())}</span> {e(f.note)}'
        + words.said_suffix(f, lambda ids: " ".join(_tag(a) for a in ids) + " ", lambda t: f"<q>{e(t)}</q>")
        + "</li>" for f in facts)
    return (f'<section id="{anchor}" class="prose"><h2>{e(title)} ({len(facts)})</h2>'
            f'<ul class="brief">{items}</ul></section>')


def _cell_html(cell: Optional[Cell], view: ReportView, row: Optional[Row] = None) -> str:
    if cell is None:
        return '<td class="empty"><span class="absent">not in this article</span></td>'
    ids = ", ".join(cell.passages)
    if cell.also_of:  # told here too, but its own point is another row's
        own = (f'; its own row is <a href="#{e(cell.also_of)}">{e(cell.also_of)}</a>'
               if view.has_row(cell.also_of) else f"; its own group ({e(cell.also_of)}) is not shown")
        return (f'<td class="also"><span class="pid">{e(ids)}</span> <span class="also-note">'
                f'also told here{own}</span> {spans_html(cell.spans)}</td>')
    if row is not None and row.marks_link(cell):  # not linked to the row's first passage, or weakly
        return (f'<td class="loose"><span class="pid">{e(ids)}</span> <span class="also-note">'
                f'{e(words.link_note(cell, row.base, row.weak))}</span> {spans_html(cell.spans)}</td>')
    return f'<td><span class="pid">{e(ids)}</span> {spans_html(cell.spans)}</td>'


ROOMY_COLUMNS = 6  # articles the aligned table fits across the page before it scrolls sideways
MIN_COLUMN_REM = 11.0  # the narrowest an article's column gets then


def _aligned(view: ReportView) -> str:
    if not view.rows:
        note = ("No passage with a conflict is aligned." if view.options.conflicts_only
                else "No passages were found telling the same thing in two or more articles.")
        return (f'<section id="aligned" class="wide"><h2>Aligned passages</h2>'
                f'<p class="none">{e(note)}</p></section>')
    head = "".join(f'<th scope="col">{_tag(a.id)} {e(label(a))}</th>' for a in view.columns)
    body = []
    for row in view.rows:
        flag = ""
        if row.conflicts:
            links = ", ".join(f'<a href="#{e(c)}">{e(words.fact_name(c))}</a>' for c in row.conflicts)
            flag = f'<span class="row-flag">conflict {links}</span>'
        if row.weak:
            flag += (f'<span class="row-weak" title="The link between these passages is uncertain '
                     f'(confidence {row.confidence:.0%})">weak link</span>')
        cells = "".join(_cell_html(c, view, row) for c in row.cells)
        css = ' class="has-conflict"' if row.conflicts else ""
        body.append(f'<tr id="{e(row.group)}"{css}><th scope="row">{e(row.group)}{flag}</th>'
                    f"{cells}</tr>")
    width = max(1, len(view.columns))
    legend = ('<p class="legend">Each row holds passages that tell the same thing, read against '
              "the leftmost article in the row: <del>struck through</del> are its words most of the others "
              "leave out or put differently; <ins>underlined</ins> are words another article adds or "
              "puts differently. Passage numbers (A3) count sentences from the top of each article."
              + (" " + words.ALSO_LEGEND if view.has_also else "")
              + (" " + words.LINK_LEGEND if view.has_link_notes else "")
              + "</p>")
    shown = ""
    if view.options.conflicts_only:
        shown = (f'<p class="legend">Showing the {len(view.rows)} of {view.total_groups} groups '
                 "that hold a conflict.</p>")
    # Past six articles a column would be too narrow to read: the table keeps each column
    # readable and scrolls sideways on screen (in print it fits the landscape page).
    # The box scrolls both ways, so its sideways bar and the sticky article names stay in view.
    roomy = f' style="min-width:{5.2 + MIN_COLUMN_REM * width:.1f}rem"' if width > ROOMY_COLUMNS else ""
    box = ' class="sideways"' if roomy else ""
    return (f'<section id="aligned" class="wide"><h2>Aligned passages</h2>{legend}{shown}'
            f'<div{box}><table class="aligned cols-{width}"{roomy}><colgroup><col class="gcol">'
            + '<col>' * width + "</colgroup>"
            f"<thead><tr><th scope=\"col\">Group</th>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div></section>")


def _unique(view: ReportView) -> str:
    if not view.unique:
        return ""
    blocks = []
    for block in view.unique:
        article = view.article(block.article)
        heading = f"<h3>{_tag(article.id)} {e(label(article))}</h3>"
        if not block.compared:
            body = ('<p class="none">Not compared: judged to report a different event.</p>')
        elif not block.paragraphs:
            body = '<p class="none">Every passage of this article is also told elsewhere.</p>'
        else:
            count = (f'<p class="count">{e(words.plural(block.count, "passage"))} of '
                     f"{len(article.passages)}.</p>")
            body = count + "".join(
                f'<p class="only"><span class="pid">{e(words.passage_span(p.passages))}</span> {spans_html(p.spans)}</p>'
                for p in block.paragraphs)
        blocks.append(f'<div class="unique-article">{heading}{body}</div>')
    return (f'<section id="only-one" class="prose"><h2>Found in only one article</h2>'
            f'{"".join(blocks)}</section>')
