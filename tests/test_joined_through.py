"""Members of one row that the scorer does not link to each other are shown as such.

A group grows through links, so two of its members may be joined only through
a third article's passage.  Read blind on ECB+ (docs/real-news.md), such pairs
told the same thing 13 times in 34, directly linked ones 71 in 85; so the
engine keeps each group's direct links, and the story table, the side-by-side
view and the reports say when a passage is not linked to the row's reference.

Fixture (tests/fixtures/joined_through): three reports of one council vote.
B's opening tells the vote and the mayor's remark; C's opening tells only the
remark, A's only the vote.  So C's opening joins A's row through B's.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.engine import CompareConfig, compare_files
from desktop.engine.align import build_groups
from desktop.engine.contract import from_dict, to_dict
from desktop.engine.report.as_html import render_html
from desktop.engine.report.as_markdown import render_markdown
from desktop.engine.report.options import ReportOptions
from desktop.engine.report.view import build_view
from desktop.engine.scoring import get_scorer

FOLDER = Path(__file__).parent / "fixtures" / "joined_through"


@pytest.fixture(scope="module")
def comparison():
    return compare_files(sorted(str(p) for p in FOLDER.glob("*.txt")), CompareConfig(find_facts=False))


def _opening_group(comparison):
    return next(g for g in comparison.groups if "A1" in g.passages)


def test_a_group_keeps_the_links_that_hold_it(comparison):
    group = _opening_group(comparison)
    assert set(group.passages) == {"A1", "B1", "C1"}
    pairs = {frozenset((k.a, k.b)) for k in group.links}
    assert pairs == {frozenset(("A1", "B1")), frozenset(("B1", "C1"))}
    bar = get_scorer("lexical").link_threshold
    assert all(k.probability >= bar for k in group.links)
    assert group.linked_directly(["A1"], ["B1"]) and group.linked_directly(["C1"], ["B1"])
    assert not group.linked_directly(["A1"], ["C1"])
    # Links are only ever between members of different articles.
    for other in comparison.groups:
        assert all(k.a[0] != k.b[0] and {k.a, k.b} <= set(other.passages) for k in other.links)


def test_a_pruned_member_takes_its_links_with_it():
    point = [(0, 0), (1, 0), (3, 0), (4, 0)]
    links = {(a, i, b, j): 0.9 for n, (a, i) in enumerate(point) for (b, j) in point[n + 1:]}
    links[(0, 0, 2, 0)] = 0.94  # article 2 joined through this one link, then was left alone
    group, = build_groups(links, 0.5, keep_support=0.25)
    assert sorted(group.members) == [0, 1, 3, 4]
    assert all(2 not in (a, b) for (a, _, b, _), _ in group.links)
    assert len(group.links) == 6 and group.links[0][1] >= group.links[-1][1]


def test_a_link_once_turned_down_counts_once_its_ends_are_joined():
    # (0,0)-(2,0) at 0.9 would merge two pairs with too little support between them; they
    # merge later through article 4, and the link holds between two members all the same.
    links = {(0, 0, 1, 0): 0.99, (2, 0, 3, 0): 0.98, (0, 0, 2, 0): 0.9, (1, 0, 4, 0): 0.85,
             (2, 0, 4, 0): 0.8, (3, 0, 4, 0): 0.8}
    group, = build_groups(links, 0.5, merge_support=0.25)
    assert sorted(group.members) == [0, 1, 2, 3, 4]
    assert dict(group.links) == {k: p for k, p in links.items()}


def test_links_survive_the_contract_and_older_documents_claim_nothing(comparison):
    again = from_dict(json.loads(json.dumps(to_dict(comparison))))
    assert [g.links for g in again.groups] == [g.links for g in comparison.groups]
    old = to_dict(comparison)
    for group in old["groups"]:
        del group["links"]  # a comparison document written before the field existed
    older = from_dict(old)
    assert all(g.links is None for g in older.groups)
    assert _opening_group(older).linked_directly(["A1"], ["C1"])  # unknown: not called indirect
    view = build_view(older, ReportOptions())
    assert all(c is None or c.linked for row in view.rows for c in row.cells)


def test_the_report_view_names_whom_a_passage_joined_through(comparison):
    view = build_view(comparison, ReportOptions())
    row = next(r for r in view.rows if r.group == _opening_group(comparison).id)
    a, b, c = row.cells
    assert row.base == "A" and a.linked and b.linked
    assert not c.linked and c.via == ("B",)
    assert view.has_link_notes
    # Read against B, every member of the row is linked to its passage.
    view = build_view(comparison, ReportOptions(articles=("B", "A", "C")))
    row = next(r for r in view.rows if r.group == _opening_group(comparison).id)
    assert all(cell.linked for cell in row.cells)
    # Without B in the report, C is still not linked to A, through no article shown.
    view = build_view(comparison, ReportOptions(articles=("A", "C")))
    row = next(r for r in view.rows if r.group == _opening_group(comparison).id)
    assert not row.cells[1].linked and row.cells[1].via == ()
    assert "(C1; not linked to A itself)" in render_markdown(comparison, ReportOptions(articles=("A", "C")))


def test_the_reports_say_so(comparison):
    html = render_html(comparison)
    assert 'class="loose"' in html and "joined through B, not linked to A" in html
    assert "“joined through”" in html and "“linked only weakly”" in html  # the legend
    markdown = render_markdown(comparison)
    assert "(C1; joined through B, not linked to A)" in markdown
    against_b = render_markdown(comparison, ReportOptions(articles=("B", "A", "C")))
    assert "(C1; joined through" not in against_b
    # B's third sentence and C's are each linked to A's only (the engineer's line).
    assert "(C3; joined through A, not linked to B)" in against_b


def test_the_story_table_marks_the_cell_and_explains_it(comparison, qtbot):
    from desktop.app.story import story_model
    from desktop.app.story_view import StoryView

    story = story_model(comparison, "A")
    n = next(k for k, r in enumerate(story.rows) if r.group == _opening_group(comparison).id)
    cell = story.rows[n].cells[2]
    assert cell.link_line("A") == "Joined through B, not linked to A:"
    assert story.rows[n].cells[1].link_line("A") == ""
    view = StoryView()
    qtbot.addWidget(view)
    view.show_story(story)
    tip = view.model.data(view.model.index(n, 3), 3)  # Qt.ToolTipRole
    assert "Not linked to A's passage itself but to B's" in tip
    assert view.model.data(view.model.index(n, 3)).startswith("Joined through B, not linked to A:\n")
    layout = view.delegate.layout(n, 3, 400)
    assert layout.text().startswith("Joined through B, not linked to A:")
    assert "Not linked" not in view.model.data(view.model.index(n, 2), 3)
    # Read against B, the opening row is linked throughout.
    story = story_model(comparison, "B")
    n = next(k for k, r in enumerate(story.rows) if r.group == _opening_group(comparison).id)
    assert all(c is None or c.link_line("B") == "" for c in story.rows[n].cells)


def test_side_by_side_knows_a_link_that_is_not_one(comparison):
    from desktop.app.viewmodels import pair_view_model

    group = _opening_group(comparison).id
    through = [k for k in pair_view_model(comparison, "A", "C").links if k.group == group]
    assert through and not through[0].direct and through[0].loose
    linked = [k for k in pair_view_model(comparison, "A", "B").links if k.group == group]
    assert linked and linked[0].direct and not linked[0].loose


def test_a_weak_direct_link_says_so_unless_the_whole_row_is_weak(comparison):
    from dataclasses import replace

    from desktop.app.story import story_model
    from desktop.engine.model import Comparison, PassageLink

    opening = _opening_group(comparison)
    # As if the scorer linked A's opening and C's, but only at 0.5.
    loose = replace(opening, links=opening.links + (PassageLink("A1", "C1", 0.5),), confidence=0.9)
    groups = tuple(loose if g is opening else g for g in comparison.groups)
    changed = replace(comparison, groups=groups)
    view = build_view(changed, ReportOptions())
    row = next(r for r in view.rows if r.group == opening.id)
    cell = row.cells[2]
    assert cell.linked and cell.link == 0.5 and row.marks_link(cell)
    assert not row.marks_link(row.cells[1])  # B's link with A is strong
    assert "(C1; linked to A only weakly (50%))" in render_markdown(changed)
    from desktop.app.viewmodels import pair_view_model

    link = next(k for k in pair_view_model(changed, "A", "C").links if k.group == opening.id)
    assert link.direct and link.strength == 0.5 and link.loose
    story = story_model(changed, "A")
    n = next(k for k, r in enumerate(story.rows) if r.group == opening.id)
    assert story.rows[n].cells[2].link_line("A", story.rows[n].weak) == "Linked to A only weakly (50%):"
    # In a row marked weak as a whole, its cells do not say it again, nor does side by side.
    weak = replace(loose, confidence=0.6)
    changed = replace(comparison, groups=tuple(weak if g is opening else g for g in comparison.groups))
    row = next(r for r in build_view(changed, ReportOptions()).rows if r.group == opening.id)
    assert row.weak and not row.marks_link(row.cells[2])
    assert "only weakly" not in render_markdown(changed)
    link = next(k for k in pair_view_model(changed, "A", "C").links if k.group == opening.id)
    assert link.direct and not link.loose


def test_a_long_list_of_articles_is_shortened():
    from desktop.engine.report.text import article_list

    assert article_list(["B"]) == "B"
    assert article_list(["B", "C"]) == "B and C"
    assert article_list(["B", "C", "D"]) == "B, C and D"
    assert article_list(["A", "K", "L", "M", "P"]) == "A, K and 3 others"
