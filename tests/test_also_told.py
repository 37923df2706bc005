"""A sentence that tells two points: a member of one group, *also* told in the other.

The groups are a partition, so a lead that tells both the arrest and the
charge belongs to one of them; the other row must still show that the
article tells its point (not mark it as left out), plainly, pointing to
where the sentence's words are compared.
"""
from __future__ import annotations

from pathlib import Path

from desktop.engine import align, contract
from desktop.engine.model import AlsoPassage, Article, Comparison, Document, Group
from desktop.engine.pipeline import _with_diffs, compare
from desktop.engine.report import RENDERERS, ReportOptions, build_view
from desktop.engine.segment import segment

A = ("Police arrested John Smith at his home in Millom on Friday night. "
     "Officers were called shortly after ten o'clock. "
     "Smith has been charged with the murder of his mother and sister.")
B = ("Police in Millom arrested John Smith on Friday and charged him with the murder of his "
     "mother and sister. A post-mortem examination will be held next week.")
C = ("John Smith was arrested by police at his home in Millom on Friday night. "
     "He has been charged with murdering his mother and sister.")


def _comparison(also=True) -> Comparison:
    articles = [Article(aid, f"{aid.lower()}.txt", text, segment(text, aid))
                for aid, text in (("A", A), ("B", B), ("C", C))]
    told = (AlsoPassage("B1", "A3", 0.9),) if also else ()
    groups = (Group("G1", ("A1", "B1", "C1"), 0.95, confidence=0.95),
              Group("G2", ("A3", "C2"), 0.9, confidence=0.9, also=told))
    return Comparison(tuple(articles), tuple(_with_diffs(g, articles) for g in groups))


def _cells(view, group):
    row = next(r for r in view.rows if r.group == group)
    return {c.article: c for c in row.cells if c is not None}


def test_the_row_shows_the_also_told_passage_plainly_and_where_it_belongs():
    view = build_view(_comparison())
    cells = _cells(view, "G2")
    assert cells["B"].passages == ("B1",) and cells["B"].also_of == "G1"
    assert not any(span.mark for span in cells["B"].spans), "its words are compared in G1"
    assert not cells["A"].also_of and not cells["C"].also_of
    assert _cells(view, "G1")["B"].also_of == "", "in its own row it is a member"
    assert "B" not in _cells(build_view(_comparison(also=False)), "G2")


def test_a_pair_of_articles_shares_the_also_told_point():
    pair = next(p for p in build_view(_comparison()).pairs if (p.a, p.b) == ("A", "B"))
    assert pair.shared_a == 2, "A's charge sentence is told by B's lead too"
    pair = next(p for p in build_view(_comparison(also=False)).pairs if (p.a, p.b) == ("A", "B"))
    assert pair.shared_a == 1


def test_reports_say_the_passage_is_also_told(tmp_path):
    comparison = _comparison()
    html = RENDERERS["html"](comparison, ReportOptions())
    assert 'class="also"' in html and 'href="#G1"' in html
    markdown = RENDERERS["md"](comparison, ReportOptions())
    assert "(B1; also told here, its own group is G1)" in markdown


def test_the_contract_keeps_also_told_passages():
    comparison = _comparison()
    again = contract.from_dict(contract.to_dict(comparison))
    assert again.groups[1].also == (AlsoPassage("B1", "A3", 0.9),)
    # Older documents have no "also": they read as none.
    data = contract.to_dict(comparison)
    for group in data["groups"]:
        group.pop("also")
    assert contract.from_dict(data).groups[1].also == ()


def test_the_story_table_counts_an_also_told_point_as_told():
    from desktop.app.story import story_model

    story = story_model(_comparison(), "A")
    rows = {r.group: (n, r) for n, r in enumerate(story.rows) if r.group}
    g1, row = rows["G1"][0], rows["G2"][1]
    cell = row.cells[story.column_of("B")]
    assert cell.also_of == "G1" and cell.also_point == g1 + 1
    assert story.row_of_passage("B1") == g1, "B1's own row, not the one it is also told in"
    without = story_model(_comparison(also=False), "A")
    lacking = next(r for r in without.rows if r.group == "G2")
    assert lacking.cells[without.column_of("B")] is None and lacking.differs, "B seems to leave it out"
    assert row.reference == "A"


# Four reports of one arrest (tests/fixtures/also_told): two tell the arrest
# and, four sentences on, the charge; one tells both in its lead; one tells
# only the charge.
FOLDER = Path(__file__).parent / "fixtures" / "also_told"
REPORTS = [path.read_text(encoding="utf-8").strip() for path in sorted(FOLDER.glob("*.txt"))]


def _compared():
    return compare([Document(f"{n}.txt", text) for n, text in enumerate(REPORTS)])


def test_a_lead_telling_two_points_is_also_told_in_the_second():
    comparison = _compared()
    charge = next(g for g in comparison.groups if "A5" in g.passages)
    arrest = next(g for g in comparison.groups if "A1" in g.passages)
    assert "B1" in arrest.passages, "the lead's own point is the arrest"
    assert [t.passage for t in charge.also] == ["B1"], charge
    assert charge.also[0].linked_to in charge.passages and charge.also[0].confidence >= 0.5
    # The side-by-side of B and the charge's teller gets the link, with its word diff.
    assert any({d.a, d.b} == {"B1", charge.also[0].linked_to} for d in charge.diffs)


def test_also_told_passages_change_no_fact(monkeypatch):
    facts = _compared().facts
    monkeypatch.setattr(align, "ALSO_THRESHOLD", None)
    without = _compared()
    assert all(not g.also for g in without.groups)
    assert facts == without.facts
