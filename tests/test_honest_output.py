"""Output says how sure it is: weak links look weak, articles set apart say why."""
from dataclasses import replace

from desktop.engine import CompareConfig, compare_files
from desktop.engine.contract import dumps, loads
from desktop.engine.report import render_html, render_markdown

from alignment_eval import load_cases

PORT = next(c for c in load_cases() if c.name == "heldout_port_strike")


def _port():
    return compare_files(PORT.paths(), CompareConfig(find_facts=False))


def test_an_article_set_apart_says_what_it_shares_and_lacks():
    comparison = _port()
    apart = [a for a in comparison.articles if not a.related]
    assert [PORT.files[comparison.articles.index(a)] for a in apart] == ["distractor.txt"]
    note = apart[0].event_note
    assert note.startswith("Reports another event:") and "told again in the main story" in note
    assert "names in common" in note
    assert apart[0].event == 2
    html = render_html(comparison)
    assert "told again in the main story" in html
    assert apart[0].event_note in render_markdown(comparison)


def test_weak_groups_are_marked_in_the_reports():
    comparison = _port()
    sure = tuple(replace(g, confidence=0.9) for g in comparison.groups)
    # Rows under 0.65 read right about half the time or less (docs/real-news.md).
    for confidence, shown in ((0.31, True), (0.6, True), (0.7, False), (0.93, False)):
        changed = replace(comparison, groups=(replace(sure[0], confidence=confidence),) + sure[1:])
        assert ("weak link" in render_html(changed)) == shown
        assert (f"weak link (confidence {confidence:.0%})" in render_markdown(changed)) == shown


def test_confidence_and_events_survive_the_contract():
    comparison = _port()
    again = loads(dumps(comparison))
    assert [g.confidence for g in again.groups] == [g.confidence for g in comparison.groups]
    assert [(a.event, a.event_note) for a in again.articles] == \
        [(a.event, a.event_note) for a in comparison.articles]
    assert all(0 < g.confidence <= 1 for g in comparison.groups)
