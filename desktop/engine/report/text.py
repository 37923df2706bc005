"""Plain-words phrasing shared by the HTML, Markdown and PDF reports."""
from __future__ import annotations

from typing import Callable

from ..model import WEAK_BELOW, Article
from ..wording import listed, plural
from .view import UNLINKED, WEAKLY_LINKED, FactView, PairSummary, ReportView, label, link_mark, source_name

# The aligned table's legend, when a row shows a passage only also told there.
ALSO_LEGEND = ("A grey passage marked “also told here” belongs to another row but tells this "
               "point too; its wording is compared in its own row.")

# ... when a row shows a member not linked, or only weakly, to the row's reference passage.
LINK_LEGEND = ("A passage marked “joined through” is not linked to the row's reference passage "
               "(the one its word marks are read against) but to another article's passage in the "
               "row, and one marked “linked only weakly” is linked to it with a probability under "
               f"{WEAK_BELOW:.0%}: either may tell a different point.")


def article_list(ids) -> str:
    """"B", "B and C", "B, C and D", "B, C and 4 others"."""
    return listed(ids, most=3)


def link_note(cell, base: str, row_weak: bool = False) -> str:
    """How a member is linked to the row's reference passage, when it says so (see
    ``Row.marks_link``): "joined through C, not linked to A", "linked to A only weakly (52%)"."""
    mark = "" if cell is None or cell.also_of else link_mark(cell.linked, cell.link, row_weak)
    if mark == UNLINKED:
        if not cell.via:  # linked only to passages of articles this report leaves out
            return f"not linked to {base} itself"
        return f"joined through {article_list(cell.via)}, not linked to {base}"
    if mark == WEAKLY_LINKED:
        return f"linked to {base} only weakly ({cell.link:.0%})"
    return ""


KIND_NAMES = {"number": "number", "money": "amount of money", "date": "date", "time": "time",
              "percent": "percentage", "person": "person", "name": "name", "quote": "quotation",
              "place": "place", "title": "title", "quantity": "quantity"}


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def article_name(article: Article) -> str:
    """``A — Reuters`` style heading for an article column or block."""
    return f"{article.id} — {label(article)}"


def article_facts(article: Article) -> list[tuple[str, str]]:
    """The details shown for one article, as (label, value) pairs, empty ones left out."""
    rows = [("Outlet", article.outlet), ("By", article.byline), ("Published", article.published),
            ("Source", source_name(article.source) if article.title else None),
            ("Length", f"{plural(article.word_count, 'word')}, {plural(len(article.passages), 'passage')}")]
    return [(k, " ".join(v.split())) for k, v in rows if v and v.strip()]


def title_of(article: Article) -> str:
    """The article's title, or its file name when it has none."""
    return " ".join((article.title or "").split()) or source_name(article.source)


def passage_span(passages) -> str:
    """"D12" for one passage, "D12–D13" for a run of them (a paragraph's sentences)."""
    passages = list(passages)
    return passages[0] if len(passages) == 1 else f"{passages[0]}–{passages[-1]}"


def main_title(view: ReportView) -> str:
    """The first compared article's title, and how many others the report covers."""
    if not view.articles:
        return "No articles"
    first = next((a for a in view.articles if a.related), view.articles[0])
    others = len(view.articles) - 1
    return title_of(first) + (f" — and {plural(others, 'other report')}" if others else "")


# Past this many compared pairs (five articles), one sentence per pair is a
# wall of near-identical lines (55 for eleven reports); one per article instead.
PAIR_LINES_UP_TO = 6


def summary_lines(view: ReportView) -> list[str]:
    """One sentence per compared pair (one per article when they are many), then one
    naming the articles left out."""
    compared = [p for p in view.pairs if p.compared]
    if len(compared) > PAIR_LINES_UP_TO:
        lines = [article_sentence(view, a.id, compared) for a in view.articles
                 if any(a.id in (p.a, p.b) for p in compared)]
    else:
        lines = [pair_sentence(view, p) for p in compared]
    left_out = [a.id for a in view.articles if not a.related]
    if len(view.articles) >= 2 and not lines:
        lines.append("No two of these articles were judged to report the same event, so "
                     "nothing was aligned.")
    elif left_out:
        lines += _left_out_lines([a for a in view.articles if not a.related])
    return lines


def _left_out_lines(articles: list[Article]) -> list[str]:
    """One sentence for the articles set apart alone, one for each other event two or more
    of them report together ("C and D were judged to report another event, the same one")."""
    by_event: dict[int, list[str]] = {}
    for article in articles:
        by_event.setdefault(article.event, []).append(article.id)
    alone = [ids[0] for ids in by_event.values() if len(ids) == 1]
    lines = []
    if alone:
        verb = "was" if len(alone) == 1 else "were"
        events = "a different event" if len(alone) == 1 else "different events"
        lines.append(f"{listed(alone)} {verb} judged to report {events} and left out of the comparison.")
    for ids in (ids for ids in by_event.values() if len(ids) > 1):
        lines.append(f"{listed(ids)} were judged to report another event, the same one, and left out "
                     "of the comparison.")
    return lines


def article_sentence(view: ReportView, article_id: str, compared: list[PairSummary]) -> str:
    """What one article shares with the others: "C tells 9 of its 9 passages (100%) as
    another article does too; most with A and I (9 each), fewest with J (3); no conflicting facts."."""
    shared: dict[str, int] = {}
    for pair in compared:
        if pair.a == article_id:
            shared[pair.b] = pair.shared_a
        elif pair.b == article_id:
            shared[pair.a] = pair.shared_b
    total = len(view.article(article_id).passages)
    told = view.told_elsewhere.get(article_id, 0)
    line = (f"{article_id} tells {told} of its {plural(total, 'passage')} ({percent(told, total)}) as another "
            "article does too")
    if shared and told:
        top, low = max(shared.values()), min(shared.values())
        most = [k for k, n in shared.items() if n == top]
        line += f"; most with {listed(most)} ({top}{' each' if len(most) > 1 else ''})"
        if low < top:
            fewest = [k for k, n in shared.items() if n == low]
            line += f", fewest with {listed(fewest)} ({low}{' each' if len(fewest) > 1 else ''})"
    clashes = sum(1 for f in view.conflicts if article_id in {m.article for m in f.mentions})
    clash_text = plural(clashes, "conflicting fact") + " with the others" if clashes else "no conflicting facts"
    return f"{line}; {clash_text}."


def pair_sentence(view: ReportView, pair: PairSummary) -> str:
    a, b = view.article(pair.a), view.article(pair.b)
    if not pair.compared:
        if not (a.related or b.related):
            return f"{a.id} and {b.id} were not compared: they were judged to report different events."
        odd = b if a.related else a
        return f"{a.id} and {b.id} were not compared: {odd.id} was judged to report a different event."
    conflicts = plural(pair.conflicts, "conflicting fact") if pair.conflicts else "no conflicting facts"
    return (f"{a.id} and {b.id} tell the same thing in {pair.shared_a} of {a.id}’s "
            f"{plural(pair.total_a, 'passage')} ({percent(pair.shared_a, pair.total_a)}) and "
            f"{pair.shared_b} of {b.id}’s {pair.total_b} "
            f"({percent(pair.shared_b, pair.total_b)}); {conflicts}.")


def headline(view: ReportView) -> str:
    parts = [plural(len(view.articles), "article"),
             plural(view.total_groups, "group") + " of passages telling the same thing",
             plural(len(view.conflicts), "conflicting fact")]
    return ", ".join(parts[:-1]) + " and " + parts[-1] + "."


def fact_name(fact_id: str) -> str:
    """How a report names a fact: "fact 12" for F12, so that no fact reads as article F's
    passage (F12 is also article F's twelfth sentence)."""
    return f"fact {fact_id[1:]}" if fact_id[:1] == "F" and fact_id[1:].isdigit() else fact_id


def fact_names(fact_ids) -> str:
    return ", ".join(fact_name(f) for f in fact_ids)


def said_by(fact: FactView) -> list[tuple[list[str], str]]:
    """A fact's words for a one-line listing: each wording once, with the articles that use it,
    in the order they first come ("A, C, D: “16”; B, H: “Sixteen”"), so that an article giving an
    age in two sentences, or eleven reports naming Egypt, are not listed again and again; nothing
    when the note already says the one wording and who uses it."""
    order: dict[str, tuple[list[str], str]] = {}
    for mention in fact.mentions:
        text = " ".join(mention.text.split())
        ids, _ = order.setdefault(text.casefold(), ([], text))
        if mention.article not in ids:
            ids.append(mention.article)
    said = list(order.values())
    if len(said) == 1:
        ids, text = said[0]
        if text.casefold() in fact.note.casefold() and f"in {', '.join(ids)}" in fact.note:
            return []  # "Kimani Gray named in A, B, C" says it all
    return said


def said_suffix(fact: FactView, who: Callable[[list[str]], str], quoted: Callable[[str], str]) -> str:
    """" — " and :func:`said_by`'s wordings, each as ``who(ids)`` then ``quoted(text)``, or ""."""
    parts = [who(ids) + quoted(text) for ids, text in said_by(fact)]
    return " — " + "; ".join(parts) if parts else ""


def fact_heading(fact: FactView) -> str:
    kind = KIND_NAMES.get(fact.kind, fact.kind.replace("_", " "))
    extra = " (approximate)" if fact.approximate else ""
    return f"{fact_name(fact.id)} · {kind}{extra}"


def stamp(view: ReportView) -> str:
    return (f"Made by Parallax {view.options.version} on {view.options.generated_text()}.")
