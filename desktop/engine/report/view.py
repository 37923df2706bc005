"""What a report says, worked out once for every output format.

:func:`build_view` turns a :class:`~desktop.engine.model.Comparison` and
:class:`~desktop.report.options.ReportOptions` into plain records: the
articles, how much each pair shares, the facts, the aligned rows with their
word-level marks, and the passages found in only one article.  Renderers
only lay these records out and escape them; they make no decisions.

Word-level marks: each aligned row is read against its *first* article (the
leftmost column holding text).  In that column, words the other articles
leave out or word differently are marked ``"del"``; in every other column,
words that article adds or words differently are marked ``"ins"``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any, Optional, Sequence

from ..model import Article, Comparison, Fact, Group, Mention, PairDiff, Passage, article_of, is_weak
from .options import ReportOptions

Mark = str  # "" plain, "ins" added/changed, "del" left out/changed, "hit" a fact's words

UNLINKED, WEAKLY_LINKED = "unlinked", "weak"


def link_mark(linked: bool, link: Optional[float], row_weak: bool) -> str:
    """How a member stands to the passage its row is read against, when it should say so:
    ``UNLINKED`` (the scorer does not link the two; it joined through others),
    ``WEAKLY_LINKED`` (linked under the weak-link bar, in a row not weak as a whole, which
    says so already) or "".  The one rule for the reports, the story table and side by side."""
    if not linked:
        return UNLINKED
    if link is not None and is_weak(link) and not row_weak:
        return WEAKLY_LINKED
    return ""


@dataclass(frozen=True)
class Span:
    """A run of text with one mark."""

    text: str
    mark: Mark = ""


@dataclass(frozen=True)
class Cell:
    """What one article contributes to an aligned row."""

    article: str
    passages: tuple[str, ...]
    spans: tuple[Span, ...]
    # The group whose row holds this passage as a member, when the passage is
    # only *also* told here (a lead telling two points); "" for a member.
    also_of: str = ""
    # False for a member the sentence scorer does not link to the row's first
    # cell itself: it joined the row through other members (``via``, the
    # articles whose members it is linked to).  Read blind on ECB+, such pairs
    # told the same thing 13 times in 34, directly linked ones 71 in 85.
    linked: bool = True
    via: tuple[str, ...] = ()
    # The probability of its strongest direct link with the row's first cell,
    # when it has one and it is known.  Read blind, direct links under the
    # weak-link bar told the same thing 8 times in 17, those above 63 in 68.
    link: Optional[float] = None


@dataclass(frozen=True)
class Row:
    """One group of passages telling the same thing, one cell per article."""

    group: str
    cells: tuple[Optional[Cell], ...]  # in the order of ReportView.columns
    similarity: Optional[float]  # of the two-article diff, when there are two
    conflicts: tuple[str, ...]  # ids of conflicting facts found in this row
    confidence: float = 1.0  # calibrated probability that the row's passages tell the same thing

    @property
    def weak(self) -> bool:
        return is_weak(self.confidence)

    @property
    def base(self) -> str:
        """The article the row's word marks are read against: its first member."""
        return next(c.article for c in self.cells if c is not None and not c.also_of)

    def marks_link(self, cell: Optional[Cell]) -> bool:
        """Whether ``cell`` says how it is linked to the row's first cell: not linked itself,
        or linked only weakly in a row that is not marked weak as a whole."""
        return cell is not None and not cell.also_of and bool(link_mark(cell.linked, cell.link, self.weak))


@dataclass(frozen=True)
class PairSummary:
    a: str
    b: str
    shared_a: int
    total_a: int
    shared_b: int
    total_b: int
    conflicts: int
    compared: bool  # False when either article reports a different event


@dataclass(frozen=True)
class MentionView:
    article: str
    passage: Optional[str]
    text: str
    value: str  # the normalised value, "" when it says nothing beyond the text
    speaker: Optional[str]
    context: tuple[Span, ...]  # the sentence, with the mention marked "hit"


@dataclass(frozen=True)
class FactView:
    id: str
    kind: str
    status: str
    note: str
    approximate: bool
    group: Optional[str]
    mentions: tuple[MentionView, ...]


@dataclass(frozen=True)
class Paragraph:
    """Consecutive passages of one paragraph found in only one article."""

    passages: tuple[str, ...]
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class UniqueBlock:
    article: str
    compared: bool  # False: the article reports a different event, nothing listed
    count: int
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class ReportView:
    options: ReportOptions
    articles: tuple[Article, ...]
    columns: tuple[Article, ...]  # the articles with a column of aligned passages
    errors: tuple[tuple[str, str], ...]
    pairs: tuple[PairSummary, ...]
    conflicts: tuple[FactView, ...]
    agreements: tuple[FactView, ...]
    singles: tuple[FactView, ...]
    rows: tuple[Row, ...]
    unique: tuple[UniqueBlock, ...]
    total_groups: int
    # Article id -> how many of its passages another article tells too (in any shown group).
    told_elsewhere: dict[str, int] = field(default_factory=dict)

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def has_row(self, group_id: str) -> bool:
        """Whether the report shows the row of ``group_id`` (an also-told cell's own row)."""
        return any(row.group == group_id for row in self.rows)

    @property
    def has_also(self) -> bool:
        """Whether any row shows a passage only also told there."""
        return any(c is not None and c.also_of for row in self.rows for c in row.cells)

    @property
    def has_link_notes(self) -> bool:
        """Whether any row shows a member that says how (weakly, or not) it is linked."""
        return any(row.marks_link(c) for row in self.rows for c in row.cells)


def label(article: Article, limit: int = 40) -> str:
    """Short human name of an article: its outlet, else its title (shortened), else its file."""
    for candidate in (article.outlet, article.title):
        if candidate and candidate.strip():
            return shorten(" ".join(candidate.split()), limit)
    return source_name(article.source)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:—–-")
    return (cut or text[:limit - 1]) + "…"


def source_name(source: str) -> str:
    """File name of a local source (folders stay private); web addresses whole."""
    if "://" in source:
        return source
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def value_text(value: Any) -> str:
    """A mention's normalised value in words: ``3``, ``2025-11-21``, ``1.5 – 2``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, (int, float)):
        return f"{value:,}"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {value_text(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return " – ".join(value_text(v) for v in value)
    return " ".join(str(value).split())


def build_view(comparison: Comparison, options: Optional[ReportOptions] = None) -> ReportView:
    options = options or ReportOptions()
    articles = _selected(comparison, options.articles)
    chosen = [a.id for a in articles]
    wanted = set(chosen)
    groups = [g for g in comparison.groups
              if len(_present(g, wanted)) >= 2 and any(a in wanted for a in g.articles())]
    facts = [_fact_view(comparison, f, wanted) for f in comparison.facts]
    facts = [f for f in facts if f is not None]
    conflicts = tuple(f for f in facts if f.status == "conflict")
    conflict_rows = _conflicts_by_group(comparison, conflicts, groups)
    columns = [a for a in articles if a.related or any(a.id in g.articles() for g in groups)]
    owner = {pid: g.id for g in comparison.groups for pid in g.passages}
    rows = tuple(_row(comparison, g, [a.id for a in columns], conflict_rows.get(g.id, ()), owner)
                 for g in groups)
    if options.conflicts_only:
        rows = tuple(r for r in rows if r.conflicts)
    grouped = {pid for g in groups for pid in g.told() if article_of(pid) in wanted}
    unique = () if options.conflicts_only else tuple(_unique(a, grouped) for a in articles)
    return ReportView(
        options=options,
        articles=tuple(articles),
        columns=tuple(columns),
        errors=tuple((e.source, e.reason) for e in comparison.errors),
        pairs=tuple(_pair(a, b, groups, conflicts) for a, b in combinations(articles, 2)),
        conflicts=conflicts,
        agreements=() if options.conflicts_only else tuple(f for f in facts if f.status == "agree"),
        singles=() if options.conflicts_only else tuple(f for f in facts if f.status == "single"),
        rows=rows,
        unique=unique,
        total_groups=len(groups),
        told_elsewhere={a.id: sum(1 for pid in grouped if article_of(pid) == a.id) for a in articles},
    )


def _selected(comparison: Comparison, ids: Optional[Sequence[str]]) -> list[Article]:
    if ids is None:
        return list(comparison.articles)
    known = {a.id: a for a in comparison.articles}
    missing = [i for i in ids if i not in known]
    if missing:
        raise ValueError(f"no such article in the comparison: {', '.join(missing)}")
    return [known[i] for i in dict.fromkeys(ids)]


def _present(group: Group, wanted: set[str]) -> list[str]:
    """The wanted articles a group's row shows: its members' and its also-passages'."""
    return [a for a in group.told_by() if a in wanted]


# --- facts ------------------------------------------------------------------------------

def _fact_view(comparison: Comparison, fact: Fact, wanted: set[str]) -> Optional[FactView]:
    mentions = [m for m in fact.mentions if m.article in wanted]
    needed = 1 if fact.status == "single" else 2
    if len({m.article for m in mentions}) < needed:
        return None
    note = " ".join(fact.note.split())
    views, seen = [], set()
    for mention in mentions:
        view = _mention_view(comparison, mention)
        # A report that prints one paragraph twice (ECB+ 33_3ecb quotes the prosecutor twice,
        # word for word) says it once as far as the reader is concerned.
        sentence = " ".join("".join(span.text for span in view.context).split())
        key = (view.article, " ".join(view.text.split()), sentence)
        if key not in seen:
            seen.add(key)
            views.append(view)
    return FactView(fact.id, fact.kind, fact.status, note[:1].upper() + note[1:],
                    fact.approximate, fact.group, tuple(views))


def _mention_view(comparison: Comparison, mention: Mention) -> MentionView:
    value = value_text(mention.value)
    if value.casefold() == " ".join(mention.text.split()).casefold():
        value = ""
    context: tuple[Span, ...] = ()
    pid = mention.passage
    try:
        article = comparison.article(mention.article)
        passage = (comparison.passage(pid)[1] if pid
                   else _passage_at(article, mention.start))
    except (KeyError, IndexError, ValueError):
        article, passage = None, None
    if article is not None and passage is not None:
        pid = passage.id
        start = max(passage.start, min(mention.start, passage.end))
        end = max(start, min(mention.end, passage.end))
        context = _spans(article.text, passage.start, passage.end, [(start, end, "hit")])
    return MentionView(mention.article, pid, " ".join(mention.text.split()), value,
                       mention.speaker, context)


def _passage_at(article: Article, offset: int) -> Optional[Passage]:
    for passage in article.passages:
        if passage.start <= offset < passage.end:
            return passage
    return None


def _conflicts_by_group(comparison: Comparison, conflicts: Sequence[FactView],
                        groups: Sequence[Group]) -> dict[str, tuple[str, ...]]:
    owner = {pid: g.id for g in groups for pid in g.passages}
    found: dict[str, list[str]] = {}
    for fact in conflicts:
        homes = {fact.group} if fact.group else set()
        homes |= {owner[m.passage] for m in fact.mentions if m.passage in owner}
        for home in homes:
            found.setdefault(home, []).append(fact.id)
    return {k: tuple(v) for k, v in found.items()}


# --- aligned rows ------------------------------------------------------------------------

def _row(comparison: Comparison, group: Group, chosen: list[str],
         conflicts: tuple[str, ...], owner: dict[str, str]) -> Row:
    by_article: dict[str, list[str]] = {}
    for pid in group.passages:
        by_article.setdefault(article_of(pid), []).append(pid)
    # An also-passage is shown plain: its words are weighed in its own row.
    also = {article_of(t.passage): t.passage for t in group.also
            if article_of(t.passage) not in by_article}
    present = [a for a in chosen if a in by_article]
    base = present[0]
    marks: dict[str, list[tuple[int, int, Mark]]] = {aid: [] for aid in present}
    left_out: list[list[tuple[int, int]]] = []  # per other article: the base's words it lacks
    similarity = None
    for other in present[1:]:
        diff, flipped = _diff_between(group, base, other)
        if diff is None:
            continue
        if len(present) == 2:
            similarity = diff.similarity
        lacks = []
        for op in diff.ops:
            if op.tag == "equal":
                continue
            base_span = (op.b_start, op.b_end) if flipped else (op.a_start, op.a_end)
            other_span = (op.a_start, op.a_end) if flipped else (op.b_start, op.b_end)
            if base_span[1] > base_span[0]:
                lacks.append(base_span)
            if other_span[1] > other_span[0]:
                marks[other].append((*other_span, "ins"))
        left_out.append(lacks)
    text = comparison.article(base).text
    marks[base] = [(lo, hi, "del") for lo, hi in most_leave_out(text, left_out)]
    cells = tuple(_cell(comparison, aid, by_article[aid], marks[aid]) if aid in marks
                  else _cell(comparison, aid, [also[aid]], [], owner.get(also[aid], ""))
                  if aid in also else None
                  for aid in chosen)
    cells = tuple(_with_link(group, by_article, present, c) for c in cells)
    return Row(group.id, cells, similarity, conflicts, group.confidence)


def most_leave_out(text: str, left_out: Sequence[Sequence[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The ranges of ``text`` that more than half of the other articles leave out or word
    differently; ``left_out`` holds, for each other article, the ranges it lacks.

    With one other article that is every range it lacks.  With ten, a word one
    outlet drops is no news about the reference passage, and striking the union
    would strike nearly every word of it (a wire lead retold by ten outlets).
    Ranges apart only by spaces join, so a struck phrase reads as one.
    """
    if not left_out:
        return []
    count: dict[int, int] = {}
    for ranges in left_out:
        covered = set()
        for lo, hi in ranges:
            covered.update(range(lo, hi))
        for i in covered:
            count[i] = count.get(i, 0) + 1
    need = len(left_out) // 2 + 1
    ranges: list[tuple[int, int]] = []
    for i in sorted(k for k, n in count.items() if n >= need):
        if ranges and (ranges[-1][1] == i or not text[ranges[-1][1]:i].strip()):
            ranges[-1] = (ranges[-1][0], i + 1)
        else:
            ranges.append((i, i + 1))
    return ranges


def _with_link(group: Group, by_article: dict[str, list[str]], present: list[str],
               cell: Optional[Cell]) -> Optional[Cell]:
    """``cell``, marked when its passages are not linked directly to those of the row's
    first article (``present[0]``); ``via``: the shown articles whose passages they link to."""
    base = present[0]
    if cell is None or cell.also_of or cell.article == base:
        return cell
    if group.linked_directly(by_article[base], cell.passages):
        return replace(cell, link=group.link_between(by_article[base], cell.passages))
    via = [a for a in present if a not in (base, cell.article)
           and group.linked_directly(by_article[a], cell.passages)]
    return replace(cell, linked=False, via=tuple(via))


def _diff_between(group: Group, left: str, right: str) -> tuple[Optional[PairDiff], bool]:
    for diff in group.diffs:
        a, b = article_of(diff.a), article_of(diff.b)
        if (a, b) == (left, right):
            return diff, False
        if (a, b) == (right, left):
            return diff, True
    return None, False


def _cell(comparison: Comparison, article_id: str, passage_ids: list[str],
          marks: list[tuple[int, int, Mark]], also_of: str = "") -> Cell:
    article = comparison.article(article_id)
    spans: list[Span] = []
    previous = None
    for pid in passage_ids:
        passage = comparison.passage(pid)[1]
        number = int(pid[len(article_id):])
        if previous is not None:
            spans.append(Span(" " if number == previous + 1 else " … "))
        spans.extend(_spans(article.text, passage.start, passage.end, marks))
        previous = number
    return Cell(article_id, tuple(passage_ids), _merge(spans), also_of)


def _spans(text: str, start: int, end: int, marks: Sequence[tuple[int, int, Mark]]) -> tuple[Span, ...]:
    """``text[start:end]`` cut into runs; marked ranges clipped and trimmed of spaces."""
    flags: list[Mark] = [""] * (end - start)
    for m_start, m_end, mark in marks:
        lo, hi = max(start, m_start), min(end, m_end)
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        for i in range(lo - start, hi - start):
            flags[i] = mark
    spans: list[Span] = []
    run_start = start
    for i in range(start, end + 1):
        if i == end or flags[i - start] != flags[run_start - start]:
            if i > run_start:
                spans.append(Span(_flat(text[run_start:i]), flags[run_start - start]))
            run_start = i
    return tuple(spans)


def _flat(text: str) -> str:
    """Line breaks inside a passage become spaces; spacing is otherwise kept."""
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def _merge(spans: Sequence[Span]) -> tuple[Span, ...]:
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if out and out[-1].mark == span.mark:
            out[-1] = Span(out[-1].text + span.text, span.mark)
        else:
            out.append(span)
    return tuple(out)


# --- summary and single-article passages -------------------------------------------------

def _pair(a: Article, b: Article, groups: Sequence[Group],
          conflicts: Sequence[FactView]) -> PairSummary:
    shared_a: set[str] = set()
    shared_b: set[str] = set()
    for group in groups:
        shown = group.told()
        if {a.id, b.id} <= set(group.told_by()):
            shared_a.update(p for p in shown if article_of(p) == a.id)
            shared_b.update(p for p in shown if article_of(p) == b.id)
    clashes = sum(1 for f in conflicts if {a.id, b.id} <= {m.article for m in f.mentions})
    return PairSummary(a.id, b.id, len(shared_a), len(a.passages), len(shared_b),
                       len(b.passages), clashes, a.related and b.related)


def _unique(article: Article, grouped: set[str]) -> UniqueBlock:
    if not article.related:
        return UniqueBlock(article.id, False, 0, ())
    paragraphs: list[Paragraph] = []
    current: list[Passage] = []

    def flush() -> None:
        if current:
            spans: list[Span] = []
            for n, passage in enumerate(current):
                if n:
                    gap = int(passage.id[len(article.id):]) - int(current[n - 1].id[len(article.id):])
                    spans.append(Span(" " if gap == 1 else " … "))
                spans.extend(_spans(article.text, passage.start, passage.end, ()))
            paragraphs.append(Paragraph(tuple(p.id for p in current), _merge(spans)))
            current.clear()

    for passage in article.passages:
        if passage.id in grouped:
            continue
        if current and current[-1].paragraph != passage.paragraph:
            flush()
        current.append(passage)
    flush()
    return UniqueBlock(article.id, True, sum(len(p.passages) for p in paragraphs),
                       tuple(paragraphs))
