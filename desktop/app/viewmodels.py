"""Narrow, Qt-free view-models built from a Comparison.

* :func:`pair_view_model` - what the side-by-side view shows for two
  articles: their texts, the links between passages, the word-level spans,
  the passages only one side has, and the ordered list of differences.
* :func:`overview_model` - the pairwise sharing matrix and the
  who-carries-which-group grid.
* :func:`fact_rows` - the facts table, conflicts first; a date written as
  a weekday or "yesterday" shows the calendar date the facts engine resolved
  it to (the mention's ISO value), as in "Friday (27 Feb 2026)"; a weekday
  the engine could not resolve (no publication date) but matched to another
  article's dated mention shows that date and whose it is, "Friday (21 Nov
  2025, from A)".
"""
from __future__ import annotations

import bisect
import re

from dataclasses import dataclass, field
from typing import Optional

from datetime import date

from ..engine.model import Article, Comparison, Fact, Mention, article_of
from ..engine.report.view import link_mark, value_text
from ..engine.wording import plural


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # insert | delete | replace | only_here | fact_value


@dataclass(frozen=True)
class Link:
    """Passages of the left article told again by passages of the right one."""

    group: str
    left: tuple[int, int]  # character range in the left text
    right: tuple[int, int]
    left_passages: tuple[str, ...]
    right_passages: tuple[str, ...]
    changed: bool
    similarity: float
    # One side only *also* tells the group's point (its own is another group's):
    # linked without word marks or a stop, as the story table shows it plain.
    also: bool = False
    # False when the two sides are in one group only through other articles'
    # passages: the sentence scorer does not link them to each other.
    direct: bool = True
    strength: Optional[float] = None  # the direct link's probability, when known
    weak_group: bool = False  # the group as a whole is a weak link

    @property
    def loose(self) -> bool:
        """Not linked directly, or only by a link under the weak-link bar in a group that is
        not weak as a whole (as the story table and the reports mark a cell)."""
        return bool(link_mark(self.direct, self.strength, self.weak_group))


@dataclass(frozen=True)
class Stop:
    """A place next/previous difference visits: a changed link or a lone passage."""

    side: str  # "left" | "right"
    start: int
    end: int
    passage: str
    kind: str  # "changed" | "only_here"
    link: Optional[int] = None  # index into links, when the stop is a link
    last: Optional[str] = None  # the block's last passage, when it spans several

    @property
    def passage_end(self) -> str:
        return self.last or self.passage


@dataclass
class PairViewModel:
    left: Article
    right: Article
    links: list[Link] = field(default_factory=list)
    left_spans: list[Span] = field(default_factory=list)
    right_spans: list[Span] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)
    conflict_marks: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def passage_at(self, side: str, position: int) -> Optional[str]:
        article = self.left if side == "left" else self.right
        for passage in article.passages:
            if passage.start <= position < passage.end:
                return passage.id
        return None

    def link_for_passage(self, passage_id: str) -> Optional[int]:
        """The passage's link in its own group, else one where it is only also told."""
        found = None
        for n, link in enumerate(self.links):
            if passage_id in link.left_passages or passage_id in link.right_passages:
                if not link.also:
                    return n
                found = n if found is None else found
        return found

    def only_here_ids(self, side: str) -> set[str]:
        article = self.left if side == "left" else self.right
        linked = {p for link in self.links
                  for p in (link.left_passages if side == "left" else link.right_passages)}
        return {p.id for p in article.passages} - linked


def _range(article: Article, passage_ids: tuple[str, ...]) -> tuple[int, int]:
    numbers = [int(pid[len(article.id):]) - 1 for pid in passage_ids]
    passages = [article.passages[n] for n in numbers]
    return min(p.start for p in passages), max(p.end for p in passages)


def pair_view_model(comparison: Comparison, left_id: str, right_id: str) -> PairViewModel:
    """Everything the side-by-side view needs for ``left_id`` against ``right_id``."""
    left, right = comparison.article(left_id), comparison.article(right_id)
    model = PairViewModel(left, right)
    for group in comparison.groups:
        for diff in group.diffs:
            a_art, b_art = article_of(diff.a), article_of(diff.b)
            if {a_art, b_art} != {left_id, right_id}:
                continue
            flipped = a_art != left_id
            a_ids = diff.a_passages or (diff.a,)
            b_ids = diff.b_passages or (diff.b,)
            l_ids, r_ids = (b_ids, a_ids) if flipped else (a_ids, b_ids)
            changed = any(op.tag != "equal" for op in diff.ops)
            model.links.append(Link(group.id, _range(left, l_ids), _range(right, r_ids),
                                    tuple(l_ids), tuple(r_ids), changed, diff.similarity,
                                    direct=group.linked_directly(l_ids, r_ids),
                                    strength=group.link_between(l_ids, r_ids), weak_group=group.weak))
            for op in diff.ops:
                if op.tag == "equal":
                    continue
                la, lb = (op.b_start, op.b_end) if flipped else (op.a_start, op.a_end)
                ra, rb = (op.a_start, op.a_end) if flipped else (op.b_start, op.b_end)
                # From the left reader's view: words only on the left were
                # "deleted" on the way to the right, and vice versa.
                tag = op.tag
                if flipped and tag in ("insert", "delete"):
                    tag = "delete" if tag == "insert" else "insert"
                if tag == "replace":
                    if lb > la:
                        model.left_spans.append(Span(la, lb, "replace"))
                    if rb > ra:
                        model.right_spans.append(Span(ra, rb, "replace"))
                elif tag == "delete" and lb > la:
                    model.left_spans.append(Span(la, lb, "delete"))
                elif tag == "insert" and rb > ra:
                    model.right_spans.append(Span(ra, rb, "insert"))
    model.links += _also_links(comparison, left, right)
    model.links.sort(key=lambda link: (link.left[0], link.also))

    # With nothing shared, "only here" would cover every sentence and say
    # nothing; the view explains the pair is unrelated instead.
    sides = (("left", left, model.left_spans), ("right", right, model.right_spans)) \
        if model.links else ()
    for side, article, spans in sides:
        lonely = model.only_here_ids(side)
        for passage in article.passages:
            if passage.id in lonely:
                spans.append(Span(passage.start, passage.end, "only_here"))
    model.left_spans.sort(key=lambda s: s.start)
    model.right_spans.sort(key=lambda s: s.start)
    model.stops = _stops(model)
    model.conflict_marks = _conflict_marks(comparison, left_id, right_id)
    return model


def _also_links(comparison: Comparison, left: Article, right: Article) -> list[Link]:
    """A group's members in one article against a passage of the other told *also* there."""
    links = []
    for group in comparison.groups:
        for told in group.also:
            owner = article_of(told.passage)
            if owner not in (left.id, right.id):
                continue
            member = right.id if owner == left.id else left.id
            ids = tuple(p for p in group.passages if article_of(p) == member)
            if not ids:
                continue
            l_ids, r_ids = ((told.passage,), ids) if owner == left.id else (ids, (told.passage,))
            links.append(Link(group.id, _range(left, l_ids), _range(right, r_ids), l_ids, r_ids,
                              False, told.confidence, also=True))
    return links


def _stops(model: PairViewModel) -> list[Stop]:
    """Differences in reading order of the left article, then the right's lone passages.

    Lone right passages are slotted in after the left position of their
    nearest preceding linked passage, so the tour reads both sides in step.
    """
    stops: list[tuple[float, Stop]] = []
    if not model.links:
        return []
    for n, link in enumerate(model.links):
        if link.changed:
            stops.append((link.left[0], Stop("left", link.left[0], link.left[1],
                                             link.left_passages[0], "changed", n)))
    # The sets once, not once a passage: a 200,000-character article has
    # thousands of passages, and recomputing them held the window 50 ms and more.
    only_left, only_right = model.only_here_ids("left"), model.only_here_ids("right")
    for passage in model.left.passages:
        if passage.id in only_left:
            stops.append((passage.start, Stop("left", passage.start, passage.end, passage.id,
                                              "only_here")))
    right_to_left = sorted((link.right[0], link.left[0]) for link in model.links)
    right_starts = [r_start for r_start, _ in right_to_left]
    for passage in model.right.passages:
        if passage.id not in only_right:
            continue
        # The last link (in right-side order) starting at or before the passage.
        k = bisect.bisect_right(right_starts, passage.start)
        anchor = right_to_left[k - 1][1] + 0.5 if k else 0.0
        stops.append((anchor, Stop("right", passage.start, passage.end, passage.id,
                                   "only_here")))
    stops.sort(key=lambda item: (item[0], item[1].side))
    return _blocks([stop for _, stop in stops])


def _blocks(stops: list[Stop]) -> list[Stop]:
    """Consecutive lone passages of one side become one stop: one stop per block, as in Meld."""
    out: list[Stop] = []
    for stop in stops:
        last = out[-1] if out else None
        if last is not None and stop.kind == last.kind == "only_here" \
                and stop.side == last.side and _next_passage(last.passage_end, stop.passage):
            out[-1] = Stop(last.side, last.start, stop.end, last.passage, last.kind, None,
                           stop.passage)
        else:
            out.append(stop)
    return out


def _next_passage(previous: str, current: str) -> bool:
    art = article_of(previous)
    return article_of(current) == art and \
        int(current[len(art):]) == int(previous[len(art):]) + 1


def _conflict_marks(comparison: Comparison, left_id: str,
                    right_id: str) -> dict[str, list[tuple[int, int]]]:
    marks: dict[str, list[tuple[int, int]]] = {"left": [], "right": []}
    for fact in comparison.facts:
        if fact.status != "conflict":
            continue
        for mention in fact.mentions:
            if mention.article == left_id:
                marks["left"].append((mention.start, mention.end))
            elif mention.article == right_id:
                marks["right"].append((mention.start, mention.end))
    return marks


# --- overview --------------------------------------------------------------

@dataclass
class OverviewModel:
    article_ids: list[str]
    labels: dict[str, str]
    share: dict[tuple[str, str], float]  # (row, col) -> share of row's passages grouped with col
    groups: list[tuple[str, str, set[str]]]  # (group id, snippet, articles carrying it)


def overview_model(comparison: Comparison, snippet_chars: int = 110) -> OverviewModel:
    ids = [a.id for a in comparison.articles]
    labels = {a.id: (a.outlet or a.title or a.source.rsplit("/", 1)[-1]) for a in comparison.articles}
    shared_with: dict[tuple[str, str], set[str]] = {}
    groups = []
    for group in comparison.groups:
        carriers = set(group.told_by())  # an also-told passage carries the point too
        for pid in group.told():
            owner = article_of(pid)
            for other in carriers:
                if other != owner:
                    shared_with.setdefault((owner, other), set()).add(pid)
        first_article, first_passage = comparison.passage(group.passages[0])
        text = " ".join(first_article.passage_text(first_passage).split())
        if len(text) > snippet_chars:
            text = text[:snippet_chars - 1].rstrip() + "…"
        groups.append((group.id, text, carriers))
    share = {}
    for a in comparison.articles:
        for b in comparison.articles:
            if a.id == b.id:
                share[(a.id, b.id)] = 1.0
            else:
                share[(a.id, b.id)] = len(shared_with.get((a.id, b.id), ())) / max(1, len(a.passages))
    return OverviewModel(ids, labels, share, groups)


# --- facts -----------------------------------------------------------------

_STATUS_ORDER = {"conflict": 0, "single": 2, "agree": 1}


@dataclass(frozen=True)
class FactRow:
    fact: Fact
    status: str
    kind: str
    note: str
    values: dict[str, str]  # article id -> value as written


_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_ISO = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")
_MONTH_DAY = re.compile(r"--(\d\d)(?:-(\d\d))?$")


def calendar_text(value) -> str:
    """A date fact's value in calendar words: "2024-11-15" -> "15 Nov 2024",
    "2026-03" -> "Mar 2026", a range "2025-11-01/2025-11-10" -> "1–10 Nov 2025",
    "--11-21" -> "21 Nov";
    anything else (an unresolved weekday keeps its name) as it is."""
    text = value_text(value)
    if "/" in text:
        first, last = (calendar_text(part) for part in text.split("/", 1))
        a, b = first.split(" "), last.split(" ")
        if len(a) == len(b) == 3 and a[2] == b[2]:
            # One year said once: "1–10 Nov 2025", "28 Oct – 3 Nov 2025".
            if a[1] == b[1]:
                return f"{a[0]}–{b[0]} {a[1]} {a[2]}"
            return f"{a[0]} {a[1]} – {last}"
        return f"{first} – {last}"
    found, partial = _ISO.match(text), _MONTH_DAY.match(text)
    try:
        if found:
            year, month, day = found.groups()
            if day:
                date(int(year), int(month), int(day))  # a real day, or shown as it is
                return f"{int(day)} {_MONTHS[int(month) - 1]} {year}"
            return f"{_MONTHS[int(month) - 1]} {year}" if month else year
        if partial:
            month, day = partial.groups()
            name = _MONTHS[int(month) - 1]
            return f"{int(day)} {name}" if day else name
    except (ValueError, IndexError):
        pass
    return text


def _with_date(written: str, value) -> str:
    """``written`` followed by the calendar date it stands for, when that says more."""
    resolved = calendar_text(value)
    if not resolved or resolved.casefold() in written.casefold() or \
            value_text(value).casefold() in written.casefold():
        return written
    if any(ch.isdigit() for ch in written):  # "March 3": only the year it was read in
        year = _ISO.match(value_text(value).split("/")[0])
        return f"{written} ({year.group(1)})" if year and year.group(1) not in written \
            else written
    return f"{written} ({resolved})"


_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()


def _day_of(value) -> Optional[date]:
    text = value_text(value)
    found = _ISO.match(text)
    if not (found and found.group(3)):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _weekday_dates(fact: Fact) -> dict[int, str]:
    """For each mention that is a bare weekday (the article had no date to resolve it by),
    the one day another article's mention of this fact gives on that weekday, and whose."""
    days = [(m.article, _day_of(m.value)) for m in fact.mentions]
    out = {}
    for n, mention in enumerate(fact.mentions):
        name = value_text(mention.value).casefold()
        if name not in _WEEKDAYS:
            continue
        found = {(day, article) for article, day in days
                 if day is not None and article != mention.article
                 and day.weekday() == _WEEKDAYS.index(name)}
        if len({day for day, _article in found}) == 1:
            day, article = min(found, key=lambda item: item[1])
            out[n] = f"{calendar_text(day.isoformat())}, from {article}"
    return out


def fact_rows(comparison: Comparison, conflicts_only: bool = False) -> list[FactRow]:
    rows = []
    for fact in comparison.facts:
        if conflicts_only and fact.status != "conflict":
            continue
        values: dict[str, str] = {}
        note = fact.note
        inferred = _weekday_dates(fact) if fact.kind == "date" else {}
        # One wording read as two days ("Saturday" a week apart in reports a day apart):
        # the note names no day for it, each cell says its own.
        days_of: dict[str, set[str]] = {}
        for mention in fact.mentions:
            days_of.setdefault((mention.text or "").casefold(), set()).add(value_text(mention.value))
        for n, mention in enumerate(fact.mentions):
            shown = mention.text if mention.text else str(mention.value)
            if n in inferred:
                shown = f"{shown} ({inferred[n]})"
            elif fact.kind == "date":
                dated = _with_date(shown, mention.value)
                if dated != shown and not any(ch.isdigit() for ch in shown) and \
                        len(days_of.get(shown.casefold(), ())) == 1:
                    # The note names the date as written: give it its calendar date once.
                    in_note = f"{shown}, {calendar_text(mention.value)}"
                    if in_note not in note:
                        note = re.sub(rf"(?<!\w){re.escape(shown)}(?!\w|,)", in_note, note,
                                      count=1)
                shown = dated
            if mention.article in values and shown not in values[mention.article].split(" / "):
                values[mention.article] += f" / {shown}"
            else:
                values.setdefault(mention.article, shown)
        rows.append(FactRow(fact, fact.status, fact.kind, note, values))
    rows.sort(key=lambda r: _STATUS_ORDER.get(r.status, 3))
    return rows


def fact_pair(fact: Fact, current: tuple[str, str]) -> tuple[str, str]:
    """The two articles to show a fact in: keep the current pair when it covers it."""
    ids = list(dict.fromkeys(m.article for m in fact.mentions))
    if len(ids) >= 2 and current[0] in ids and current[1] in ids:
        return current
    if current[0] in ids and len(ids) >= 2:
        return current[0], next(i for i in ids if i != current[0])
    if len(ids) >= 2:
        return ids[0], ids[1]
    if ids:
        other = current[1] if current[0] == ids[0] else current[0]
        return ids[0], other
    return current


def mentions_in(fact: Fact, article_id: str) -> list[Mention]:
    return [m for m in fact.mentions if m.article == article_id]


def summary_text(comparison: Comparison) -> str:
    """The status bar's line about a finished comparison."""
    articles = comparison.articles
    conflicts = sum(1 for f in comparison.facts if f.status == "conflict")
    unrelated = [a.id for a in articles if not a.related]
    summary = (f"{len(articles)} articles · {plural(len(comparison.groups), 'shared passage')}"
               f" · {plural(conflicts, 'conflict')}")
    if unrelated and len(unrelated) < len(articles):
        summary += f" · {', '.join(unrelated)} about a different event"
    elif unrelated:
        summary += " · these articles do not seem to report the same event"
    return summary


def pair_choices(comparison: Comparison) -> list[tuple[str, str]]:
    """(id, label) of every article for the pair view's pickers."""
    some_related = any(a.related for a in comparison.articles)
    choices = []
    for a in comparison.articles:
        label = a.title or a.outlet or a.source.rsplit("/", 1)[-1]
        if some_related and not a.related:
            label += "  (different event)"
        choices.append((a.id, label))
    return choices


def default_pair(comparison: Comparison, kept: Optional[tuple[Optional[str], Optional[str]]] = None
                 ) -> tuple[str, str]:
    """The pair to show: ``kept`` when both are still there, else the pair sharing the most.

    Opening on the related pair that shares the most passages makes the first
    view show links rather than two unconnected texts.
    """
    if kept and all(kept) and kept[0] != kept[1]:
        return kept[0], kept[1]
    related = [a.id for a in comparison.articles if a.related]
    pool = related if len(related) >= 2 else [a.id for a in comparison.articles]
    shared: dict[tuple[str, str], int] = {}
    for group in comparison.groups:
        carriers = [aid for aid in pool if aid in group.articles()]
        for i, left in enumerate(carriers):
            for right in carriers[i + 1:]:
                shared[(left, right)] = shared.get((left, right), 0) + 1
    if shared:
        return max(shared, key=lambda pair: (shared[pair], -pool.index(pair[0])))
    return pool[0], pool[1]
