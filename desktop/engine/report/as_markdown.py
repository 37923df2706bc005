"""The Markdown report, for pasting into notes, tickets and CMS drafts.

Plain CommonMark plus GFM strike-through; no raw HTML and no tables, so it
survives editors that support only the basics.  Aligned passages are one
bullet per article (a list reads better than a wide table once pasted).
Every piece of article text goes through :func:`~.mdescape.md_text`.
"""
from __future__ import annotations

import unicodedata
from typing import Iterable, Optional

from ..model import Comparison
from . import text as words
from .mdescape import md_span, md_text
from .options import ReportOptions
from .view import FactView, ReportView, Span, build_view, label

_MARKS = {"ins": ("**", "**"), "del": ("~~", "~~"), "hit": ("**", "**")}


def spans_md(spans: Iterable[Span]) -> str:
    """Runs of text with ``**``/``~~`` marks placed where CommonMark will honour them."""
    out = []
    for span in _flankable(list(spans)):
        opening, closing = _MARKS.get(span.mark, ("", ""))
        out.append(f"{opening}{md_span(span.text)}{closing}")
    return "".join(out).strip()


def _punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _flankable(spans: list[Span]) -> list[Span]:
    """Move spaces and punctuation out of the edges of marked runs until each mark can open
    and close (CommonMark's flanking rules: ``**“x**y`` would print its asterisks)."""
    out: list[Span] = []
    for n, span in enumerate(spans):
        if not span.mark:
            out.append(span)
            continue
        before = out[-1].text[-1:] if out else ""
        after = next((s.text[:1] for s in spans[n + 1:] if s.text), "")
        text, lead, tail = span.text, "", ""
        while text and (text[0].isspace() or (_punct(text[0]) and before
                                               and not before.isspace() and not _punct(before))):
            lead, before, text = lead + text[0], text[0], text[1:]
        while text and (text[-1].isspace() or (_punct(text[-1]) and after
                                                and not after.isspace() and not _punct(after))):
            tail, after, text = text[-1] + tail, text[-1], text[:-1]
        for piece, mark in ((lead, ""), (text, span.mark), (tail, "")):
            if piece:
                out.append(Span(piece, mark))
    return out


def render_markdown(comparison: Comparison, options: Optional[ReportOptions] = None) -> str:
    options = options or ReportOptions()
    view = build_view(comparison, options)
    lines: list[str] = []
    lines += [f"# Comparison report: {md_text(words.main_title(view))}", ""]
    scope = " Conflicts only." if options.conflicts_only else ""
    lines += [f"*{md_text(words.headline(view))}{scope}* {md_text(words.stamp(view))}", ""]
    lines += _articles(view) + _summary(view) + _conflicts(view)
    lines += _other_facts("Facts the articles agree on", view.agreements)
    lines += _aligned(view) + _unique(view)
    lines += _other_facts("Facts found in only one article", view.singles)
    lines += ["---", "", md_text(words.stamp(view) + " Word-level marks come from a computer "
                                 "comparison; check them against the articles before quoting."), ""]
    return "\n".join(lines)


def _articles(view: ReportView) -> list[str]:
    lines = ["## Articles", ""]
    for article in view.articles:
        details = " · ".join(md_text(f"{k.lower()} {v}" if k in ("By", "Published") else v)
                             for k, v in words.article_facts(article))
        flag = "" if article.related else (" — **different event: left out of the alignment**"
                                           + (f" ({md_text(article.event_note)})" if article.event_note else ""))
        if article.related and article.event_note:  # set apart, and ticked back in by the user
            flag = f" — **ticked in** ({md_text(article.event_note)})"
        lines.append(f"- **{md_text(article.id)}** — *{md_text(words.title_of(article))}* · "
                     f"{details}{flag}")
    for source, reason in view.errors:
        lines.append(f"- could not read {md_text(source)}: {md_text(reason)}")
    return lines + [""]


def _summary(view: ReportView) -> list[str]:
    if not view.pairs:
        return []
    return ["## Summary", ""] + [f"- {md_text(p)}"
                                 for p in words.summary_lines(view)] + [""]


def _mentions(fact: FactView, view: ReportView) -> list[str]:
    lines = []
    for m in fact.mentions:
        said = f"“{md_text(m.text)}”"
        extra = []
        if m.value:
            extra.append(f"= {md_text(m.value)}")
        if m.speaker:
            extra.append(f"according to {md_text(m.speaker)}")
        if extra:
            said += f" ({'; '.join(extra)})"
        lines.append(f"   - **{md_text(m.article)}** ({md_text(label(view.article(m.article)))}): "
                     f"{said}")
        if m.context:
            lines.append(f"     *in:* {spans_md(m.context)}")
    return lines


def _conflicts(view: ReportView) -> list[str]:
    lines = ["## Conflicts", ""]
    if not view.conflicts:
        return lines + ["No conflicting facts were found.", ""]
    for n, fact in enumerate(view.conflicts, start=1):
        lines.append(f"{n}. **{md_text(fact.note)}** ({md_text(words.fact_heading(fact))})")
        lines += _mentions(fact, view)
    return lines + [""]


def _other_facts(title: str, facts: tuple[FactView, ...]) -> list[str]:
    if not facts:
        return []
    lines = [f"## {title} ({len(facts)})", ""]
    for fact in facts:
        said = words.said_suffix(fact, lambda ids: md_text(", ".join(ids)) + ": ", lambda t: f"“{md_text(t)}”")
        lines.append(f"- {md_text(words.fact_name(fact.id).capitalize())}: {md_text(fact.note)}{said}")
    return lines + [""]


def _aligned(view: ReportView) -> list[str]:
    lines = ["## Aligned passages", ""]
    if not view.rows:
        return lines + ["No passages were found telling the same thing in two or more articles.", ""]
    lines += ["Each group holds passages that tell the same thing, read against its first "
              "article: ~~struck through~~ are words most of the others leave out or put differently; "
              "**bold** are words another article adds or puts differently."
              + (" A passage marked “also told here” belongs to another group but tells this "
                 "point too; its wording is compared in its own group." if view.has_also else "")
              + (" " + words.LINK_LEGEND if view.has_link_notes else ""),
              ""]
    for row in view.rows:
        flag = f" — conflict: {md_text(words.fact_names(row.conflicts))}" if row.conflicts else ""
        if row.weak:
            flag += f" — weak link (confidence {row.confidence:.0%})"
        lines += [f"### {md_text(row.group)}{flag}", ""]
        for article, cell in zip(view.columns, row.cells):
            if cell is None:
                continue
            also = ""
            if cell.also_of:
                also = (f"; also told here, its own group is {md_text(cell.also_of)}"
                        if view.has_row(cell.also_of) else "; also told here, its own group is not shown")
            elif row.marks_link(cell):
                also = f"; {md_text(words.link_note(cell, row.base, row.weak))}"
            lines.append(f"- **{md_text(article.id)}** ({md_text(', '.join(cell.passages))}{also}): "
                         f"{spans_md(cell.spans)}")
        lines.append("")
    return lines


def _unique(view: ReportView) -> list[str]:
    if not view.unique:
        return []
    lines = ["## Found in only one article", ""]
    for block in view.unique:
        article = view.article(block.article)
        lines += [f"### {md_text(words.article_name(article))}", ""]
        if not block.compared:
            lines += ["*Not compared: judged to report a different event.*", ""]
            continue
        if not block.paragraphs:
            lines += ["*Every passage of this article is also told elsewhere.*", ""]
            continue
        for paragraph in block.paragraphs:
            lines += [f"{md_text(words.passage_span(paragraph.passages))}: {spans_md(paragraph.spans)}", ""]
    return lines
