"""The story table's rows in the reference article's order (Qt-free view-model)."""
from __future__ import annotations

from desktop.app.story import story_model
from desktop.engine.model import Article, Comparison, Group
from desktop.engine.pipeline import _with_diffs
from desktop.engine.segment import segment

A = ("Officers shot and killed a 16-year-old in Brooklyn on Saturday night. "
     "Hundreds of people marched to the precinct on Monday.")
B = ("A candlelit vigil drew more than a hundred people to the street on Monday. "
     "Sixteen-year-old Kimani Gray was shot and killed on Saturday night by two officers. "
     "Hundreds marched to the precinct on Monday.")


def _comparison() -> Comparison:
    articles = [Article(aid, f"{aid.lower()}.txt", text, segment(text, aid)) for aid, text in (("A", A), ("B", B))]
    groups = [_with_diffs(Group(gid, passages, 0.9), articles)
              for gid, passages in (("G1", ("A1", "B2")), ("G2", ("A2", "B3")))]
    return Comparison(tuple(articles), tuple(groups), ())


def test_the_table_opens_on_the_reference_s_opening():
    """B's own lead (B1, told by no other) comes right after the point its next passage
    stands at, not above the reference's opening; B keeps its own order from there."""
    rows = story_model(_comparison(), "A").rows
    firsts = [next(c.passages[0] for c in r.cells if c is not None) for r in rows]
    assert firsts == ["A1", "B1", "A2"]
    assert story_model(_comparison(), "B").rows[0].cells[1].passages == ("B1",)  # read against B: its own order
