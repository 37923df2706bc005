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
    from desktop.report_pdf import qt_html

    comparison = _comparison()
    html = RENDERERS["html"](comparison, ReportOptions())
    assert 'class="also"' in html and 'href="#G1"' in html and "“also told here”" in html
    markdown = RENDERERS["md"](comparison, ReportOptions())
    assert "(B1; also told here, its own group is G1)" in markdown
    assert "also told here; its own row is G1" in qt_html(build_view(comparison))
    plain = RENDERERS["html"](_comparison(also=False), ReportOptions())
    assert "“also told here”" not in plain, "the legend speaks of also-told passages only when there are some"


def test_a_report_of_some_articles_names_an_own_row_it_does_not_show():
    # B1's own group is told by A and B only: a report of B and C shows the
    # charges' row (C, and B's lead also told there) but not G1.
    articles = [Article(aid, f"{aid.lower()}.txt", text, segment(text, aid))
                for aid, text in (("A", A), ("B", B), ("C", C))]
    groups = (Group("G1", ("A1", "B1"), 0.95, confidence=0.95),
              Group("G2", ("A3", "C2"), 0.9, confidence=0.9, also=(AlsoPassage("B1", "A3", 0.9),)))
    comparison = Comparison(tuple(articles), tuple(_with_diffs(g, articles) for g in groups))
    options = ReportOptions(articles=("B", "C"))
    view = build_view(comparison, options)
    assert [r.group for r in view.rows] == ["G2"]
    assert _cells(view, "G2")["B"].also_of == "G1"
    html = RENDERERS["html"](comparison, options)
    assert 'href="#G1"' not in html and "its own group (G1) is not shown" in html
    # A row is shown only when a wanted article is one of its members: two
    # also-told passages side by side were never linked to each other.
    texts = (("A", A), ("B", B), ("C", C), ("D", "Smith is charged with two murders."))
    articles = [Article(aid, f"{aid.lower()}.txt", text, segment(text, aid)) for aid, text in texts]
    told = (AlsoPassage("B1", "A3", 0.9), AlsoPassage("C1", "A3", 0.8))
    groups = (Group("G1", ("A1", "B1", "C1"), 0.95, confidence=0.95),
              Group("G2", ("A3", "D1"), 0.9, confidence=0.9, also=told))
    comparison = Comparison(tuple(articles), tuple(_with_diffs(g, articles) for g in groups))
    assert [r.group for r in build_view(comparison, ReportOptions(articles=("B", "C"))).rows] == ["G1"]


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
    # Read against D, whose lead tells the charge, the charges' row comes first.
    against_d = story_model(_compared(), "D")
    charges = next(n for n, r in enumerate(against_d.rows) if r.group and any(
        c is not None and c.also_of for c in r.cells))
    own = next(n for n, r in enumerate(against_d.rows) if r.group and any(
        c is not None and not c.also_of and "B1" in c.passages for c in r.cells))
    assert charges < own and against_d.row_of_passage("B1") == own
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
    # No word diff of its own: its wording is compared in its own group.
    assert not any("B1" in d.a_passages + d.b_passages for d in charge.diffs)


def test_also_told_passages_change_no_fact(monkeypatch):
    facts = _compared().facts
    monkeypatch.setattr(align, "ALSO_THRESHOLD", None)
    without = _compared()
    assert all(not g.also for g in without.groups)
    assert facts == without.facts


def test_the_pair_view_links_the_also_told_passage_to_every_member_plainly():
    from desktop.app.viewmodels import pair_view_model

    comparison = _compared()
    charges = next(g for g in comparison.groups if g.also)
    model = pair_view_model(comparison, "A", "B")
    also = [link for link in model.links if link.also]
    assert [(link.group, link.left_passages, link.right_passages) for link in also] == \
        [(charges.id, ("A5",), ("B1",))]
    assert "A5" not in model.only_here_ids("left"), "B tells the charge too"
    assert not any(stop.start == also[0].right[0] and stop.side == "right" for stop in model.stops)
    # B1's own link (to A1, the arrest) stays the one a click on it finds.
    assert not model.links[model.link_for_passage("B1")].also
    # Only the passage's own diff marks its words; the also-link adds no marks.
    own_marks = [s for s in model.right_spans if s.kind != "only_here"]
    assert own_marks == [s for s in pair_view_model(_without_also(comparison), "A", "B").right_spans
                         if s.kind != "only_here"]


def _without_also(comparison):
    from dataclasses import replace

    return replace(comparison, groups=tuple(replace(g, also=()) for g in comparison.groups))


def test_a_corpus_story_lists_no_omission_for_a_point_told_in_another_passage():
    from desktop.engine.corpus.summary import story_summary

    comparison = _compared()
    charges = next(g for g in comparison.groups if g.also)
    omitted = {(o["article"], o["point"]) for o in story_summary("s1", comparison)["omissions"]}
    assert ("B", charges.id) not in omitted
    again = {(o["article"], o["point"]) for o in story_summary("s1", _without_also(comparison))["omissions"]}
    assert ("B", charges.id) in again
