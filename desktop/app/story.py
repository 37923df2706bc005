"""The story table's view-model: one row per point of the story, one column per article.

Qt-free.  :func:`story_model` takes the rows the reports show
(:func:`desktop.engine.report.view.build_view`, read against the reference
article, which is why the reference goes first there) and puts them in the
reference article's order: every group is a row, and the passages no other
article has are rows of their own, slotted in after the point they follow (an
outlet's own lead, which follows none, after the point its next passage tells).
Conflicting facts are marked in place in every cell that mentions them.

:func:`single_article_model` shows one article's paragraphs, for the moment
before there is a second article to compare with.

Both run on a worker thread when the articles are many (see
:mod:`desktop.app.main_window`): building 20 articles' rows takes ~0.1 s.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Optional, Sequence

from ..engine.model import Article, Comparison, Document, article_of, is_weak
from ..engine.report.options import ReportOptions
from ..engine.report.text import link_note
from ..engine.report.view import Cell, Span, build_view, label

Mark = str  # "" | "ins" | "del" | "conflict"


@dataclass(frozen=True)
class StoryCell(Cell):
    """A report cell (:class:`~desktop.engine.report.view.Cell`: its passages, marked
    words and how it is linked to the row's reference passage) with what the table adds."""

    also_point: int = 0  # the number (1-based) in the table of the row ``also_of`` names

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def shown_text(self) -> str:
        """What the cell shows: its text, after a line saying so when it is only also told here."""
        if not self.also_of:
            return self.text
        return f"Also told here (its own point is {self.also_point or self.also_of}):\n{self.text}"

    def link_line(self, reference: Optional[str], row_weak: bool = False) -> str:
        """The line above a member's text when it is not linked to the reference passage
        itself, or (in a row not weak as a whole) only weakly; "" otherwise."""
        note = link_note(self, reference, row_weak) if reference and self.article != reference else ""
        return note[:1].upper() + note[1:] + ":" if note else ""


@dataclass(frozen=True)
class StoryRow:
    """One point of the story: a group, or passages only one article has."""

    key: str  # the group id, or "only:<first passage id>"
    group: Optional[str]
    cells: tuple[Optional[StoryCell], ...]  # in the order of StoryModel.columns
    reference: Optional[str]  # the article the row's word marks are read against
    confidence: float = 1.0
    conflicts: tuple[str, ...] = ()  # notes of the conflicting facts mentioned in the row
    conflict_ids: tuple[str, ...] = ()
    changed: bool = False  # wording differs, or only one article tells it
    # Worth a stop of next/previous difference: words changed (not just spaces or
    # punctuation), an article of the story that lacks the point, or a conflict.
    differs: bool = False

    @property
    def weak(self) -> bool:
        return self.group is not None and is_weak(self.confidence)

    @property
    def only_in(self) -> Optional[str]:
        return None if self.group else next((c.article for c in self.cells if c), None)

    def articles(self) -> list[str]:
        return [c.article for c in self.cells if c is not None]


@dataclass(frozen=True)
class StoryColumn:
    id: str
    label: str  # outlet or short title
    title: str
    related: bool
    note: str  # why it was set apart, when it was


@dataclass
class StoryModel:
    columns: tuple[StoryColumn, ...]
    reference: Optional[str]
    rows: list[StoryRow] = field(default_factory=list)
    prompt: str = ""  # shown above the table (one article: add another)

    def column_of(self, article_id: str) -> int:
        return next((n for n, c in enumerate(self.columns) if c.id == article_id), -1)

    def row_of_passage(self, passage_id: str) -> int:
        """The row holding the passage as a member (not one where it is only also told)."""
        for n, row in enumerate(self.rows):
            for cell in row.cells:
                if cell is not None and not cell.also_of and passage_id in cell.passages:
                    return n
        return -1

    def row_of_group(self, group_id: str) -> int:
        return next((n for n, r in enumerate(self.rows) if r.group == group_id), -1)

    def pair_for(self, row: int, column: int = -1) -> Optional[tuple[str, str]]:
        """The two articles to read a row side by side: its reference and the clicked one."""
        if not 0 <= row < len(self.rows):
            return None
        present = self.rows[row].articles()
        ids = [c.id for c in self.columns]
        clicked = ids[column] if 0 <= column < len(ids) else None
        first = self.rows[row].reference or (present[0] if present else None)
        if first is None or len(ids) < 2:
            return None
        if clicked and clicked != first:
            return first, clicked
        others = [a for a in present if a != first] or [a for a in ids if a != first]
        return first, others[0]


def _column(article: Article) -> StoryColumn:
    return StoryColumn(article.id, label(article, 28), article.title or label(article, 80),
                       article.related, " ".join(article.event_note.split()))


def story_model(comparison: Comparison, reference: Optional[str] = None) -> StoryModel:
    """The story table for every article of ``comparison``, read against ``reference``."""
    articles = comparison.articles
    columns = tuple(_column(a) for a in articles)
    if not articles:
        return StoryModel(columns, None)
    ids = [a.id for a in articles]
    if reference not in ids:
        related = [a.id for a in articles if a.related]
        reference = (related or ids)[0]
    order = [reference] + [i for i in ids if i != reference]
    view = build_view(comparison, ReportOptions(articles=tuple(order)))
    position = {aid: n for n, aid in enumerate(ids)}

    rows: list[StoryRow] = []
    for row in view.rows:
        cells: list[Optional[StoryCell]] = [None] * len(ids)
        for cell in row.cells:
            if cell is not None:
                cells[position[cell.article]] = StoryCell(**{f.name: getattr(cell, f.name)
                                                             for f in fields(cell)})
        present = [c for c in cells if c is not None]
        # The row is read against the leftmost member in the report's order
        # (the reference when it tells the point itself, not only also).
        base = next(c.article for c in row.cells if c is not None and not c.also_of)
        changed = any(s.mark for c in present for s in c.spans)
        rows.append(StoryRow(row.group, row.group, tuple(cells), base, row.confidence,
                             changed=changed))
    for block in view.unique:
        for paragraph in block.paragraphs:
            cells = [None] * len(ids)
            cells[position[block.article]] = StoryCell(block.article, paragraph.passages,
                                                       paragraph.spans)
            rows.append(StoryRow(f"only:{paragraph.passages[0]}", None, tuple(cells),
                                 block.article, changed=True))
    rows = _with_also_points(_in_reference_order(comparison, rows, reference, ids))
    rows = _mark_conflicts(comparison, rows)
    of_story = [n for n, a in enumerate(articles) if a.related] or list(range(len(ids)))
    rows = [replace(r, differs=_differs(r, of_story)) for r in rows]
    return StoryModel(columns, reference, rows)


def _with_also_points(rows: list[StoryRow]) -> list[StoryRow]:
    """Each also-told cell with the number of the row that holds its passage."""
    point = {row.group: n for n, row in enumerate(rows, start=1) if row.group}
    out = []
    for row in rows:
        if any(c is not None and c.also_of for c in row.cells):
            row = replace(row, cells=tuple(
                replace(c, also_point=point.get(c.also_of, 0)) if c is not None and c.also_of else c
                for c in row.cells))
        out.append(row)
    return out


def _differs(row: StoryRow, of_story: Sequence[int]) -> bool:
    """A conflict, words that differ (more than spaces or punctuation), or an
    article of the story (not one set apart) that does not tell the point."""
    if row.conflicts:
        return True
    told = [n for n in of_story if row.cells[n] is not None]
    if told and len(told) < len(of_story):
        return True
    return any(span.mark and any(ch.isalnum() for ch in span.text)
               for cell in row.cells if cell is not None for span in cell.spans)


def single_article_model(document: Document, article_id: str = "A") -> StoryModel:
    """One article before there is another: its paragraphs, and a prompt."""
    column = StoryColumn(article_id, document.outlet or document.title or document.source,
                         document.title or document.source, True, "")
    rows = []
    for n, paragraph in enumerate(p for p in document.text.split("\n\n") if p.strip()):
        text = " ".join(paragraph.split())
        rows.append(StoryRow(f"para:{n + 1}", None,
                             (StoryCell(article_id, (), (Span(text),)),), article_id))
    return StoryModel((column,), article_id, rows,
                      prompt="Add another article to compare: drop a file, a folder or a link "
                             "here, or paste text (Ctrl+V).")


def _number(passage_id: str) -> int:
    return int(passage_id[len(article_of(passage_id)):])


def _in_reference_order(comparison: Comparison, rows: list[StoryRow], reference: str,
                        ids: Sequence[str]) -> list[StoryRow]:
    """Rows in the reference article's order; the others just after the point before them."""
    ref_col = list(ids).index(reference)
    # For every article, which reference position each of its linked passages stands at.
    anchor: dict[str, float] = {}
    for row in rows:
        ref_cell = row.cells[ref_col]
        if row.group and ref_cell is not None and not ref_cell.also_of:
            where = min(_number(p) for p in ref_cell.passages)
            for cell in row.cells:
                if cell is not None and not cell.also_of:
                    for pid in cell.passages:
                        anchor[pid] = where

    anchored: dict[str, list[tuple[int, float]]] = {}  # article -> (passage number, its anchor)
    for pid, at in anchor.items():
        anchored.setdefault(article_of(pid), []).append((_number(pid), at))

    def key(item: tuple[int, StoryRow]) -> tuple:
        n, row = item
        ref_cell = row.cells[ref_col]
        if ref_cell is not None:  # a row where the passage is only also told comes after its own
            return (min(_number(p) for p in ref_cell.passages), 0, int(bool(ref_cell.also_of)), 0, n)
        col, cell = next((c, cell) for c, cell in enumerate(row.cells) if cell is not None)
        first = min(_number(p) for p in cell.passages)
        article = cell.article
        for number in range(first - 1, 0, -1):
            pid = f"{article}{number}"
            if pid in anchor:
                return (anchor[pid], 1, col, first, n)
        # Nothing of its article before it stands at a reference point (another outlet's
        # own lead): just after the point its article's next passage stands at, so the
        # table opens on the reference's opening, not on ten other outlets' leads.
        later = [at for number, at in anchored.get(article, ()) if number > first]
        return (min(later) if later else float("inf"), 1, col, first, n)

    return [row for _, row in sorted(enumerate(rows), key=key)]


def _mark_conflicts(comparison: Comparison, rows: list[StoryRow]) -> list[StoryRow]:
    """Mark each conflicting fact's words in the cells that mention them."""
    where: dict[str, int] = {}
    for n, row in enumerate(rows):
        for cell in row.cells:
            if cell is not None and not cell.also_of:  # a fact is marked in the passage's own row
                for pid in cell.passages:
                    where[pid] = n
    found: dict[int, dict[str, list[tuple[int, int]]]] = {}
    notes: dict[int, dict[str, str]] = {}
    for fact in comparison.facts:
        if fact.status != "conflict":
            continue
        for mention in fact.mentions:
            pid = mention.passage or _passage_at(comparison, mention.article, mention.start)
            if pid is None or pid not in where:
                continue
            n = where[pid]
            found.setdefault(n, {}).setdefault(pid, []).append((mention.start, mention.end))
            notes.setdefault(n, {})[fact.id] = " ".join(fact.note.split())
    if not found:
        return rows
    out = list(rows)
    for n, marks in found.items():
        row = rows[n]
        cells = []
        for cell in row.cells:
            if cell is None or not any(p in marks for p in cell.passages):
                cells.append(cell)
                continue
            ranges = []
            for pid, at in _passage_offsets(comparison, cell.passages):
                article, passage = comparison.passage(pid)
                for start, end in marks.get(pid, ()):
                    lo = max(passage.start, start) - passage.start + at
                    hi = min(passage.end, end) - passage.start + at
                    if hi > lo:
                        ranges.append((lo, hi))
            cells.append(replace(cell, spans=_overlay(cell.spans, ranges, "conflict")))
        out[n] = replace(row, cells=tuple(cells), conflicts=tuple(notes[n].values()),
                         conflict_ids=tuple(notes[n]))
    return out


def _passage_at(comparison: Comparison, article_id: str, offset: int) -> Optional[str]:
    try:
        article = comparison.article(article_id)
    except KeyError:
        return None
    return next((p.id for p in article.passages if p.start <= offset < p.end), None)


def _passage_offsets(comparison: Comparison, passages: Sequence[str]) -> list[tuple[str, int]]:
    """Where each passage starts in a cell's text (passages joined by " " or " … ")."""
    out, at, previous = [], 0, None
    for pid in passages:
        number = _number(pid)
        if previous is not None:
            at += 1 if number == previous + 1 else 3
        out.append((pid, at))
        article, passage = comparison.passage(pid)
        at += passage.end - passage.start
        previous = number
    return out


def _overlay(spans: Sequence[Span], ranges: Sequence[tuple[int, int]], mark: Mark) -> tuple[Span, ...]:
    """``spans`` with the characters in ``ranges`` (cell offsets) given ``mark``."""
    text = "".join(s.text for s in spans)
    flags: list[Mark] = []
    for span in spans:
        flags += [span.mark] * len(span.text)
    for lo, hi in ranges:
        for i in range(max(0, lo), min(len(text), hi)):
            flags[i] = mark
    out: list[Span] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or flags[i] != flags[start]:
            out.append(Span(text[start:i], flags[start]))
            start = i
    return tuple(out)
