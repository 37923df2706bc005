"""File → Open Corpus Result…: a corpus run's stories listed, searched, sorted and opened (issue 17).

A small corpus (the bridge story told three times, the school vote twice,
one lone article; ``test_corpus.py``) is run with ``parallax corpus``'s
engine; the window lists its three stories, the search box narrows them,
the headers sort them by size, date and conflicts, and opening a story
shows its articles in the story table.
"""
from __future__ import annotations


import pytest

from desktop.app.actions import MENUS
from desktop.app.corpus_window import CorpusWindow, open_corpus_result
from desktop.engine.corpus import run_corpus
from test_corpus import FAST, write_listing

TIMEOUT = 30_000


@pytest.fixture
def corpus_run(tmp_path):
    listing = write_listing(tmp_path / "list.csv")
    out = tmp_path / "run"
    run_corpus([str(listing)], out, FAST, workers=0)
    return out


def test_the_menu_offers_open_corpus_result():
    labels = [item[0] for _, items in MENUS for item in items if isinstance(item, tuple)]
    assert "Open Cor&pus Result…" in labels


def test_a_corpus_run_is_listed_filtered_sorted_and_a_story_opens_in_the_story_table(
        window, qtbot, corpus_run):
    dialog = open_corpus_result(window, corpus_run)
    assert isinstance(dialog, CorpusWindow) and dialog.isVisible()
    assert window.corpus_window is dialog
    stories = dialog.shown_stories()
    assert [s.articles for s in stories] == [3, 2, 1]  # the biggest first
    bridge, vote, lone = stories
    assert "Harlow Street" in bridge.title or "Millbrook" in bridge.title
    assert bridge.outlets == ("Daily", "Gazette", "Wire") and bridge.conflicts >= 1
    assert lone.points == 0 and lone.conflicts == 0

    dialog.set_filter("eastvale")  # a word of the school story's title, any case
    assert [s.story for s in dialog.shown_stories()] == [vote.story]
    assert dialog.count_label.text() == "1 of 3 stories"
    dialog.set_filter("gazette")  # outlets are searched too
    assert {s.story for s in dialog.shown_stories()} == {bridge.story, vote.story}
    dialog.set_filter("")
    dialog.sort_by("Articles")
    assert [s.articles for s in dialog.shown_stories()] == [1, 2, 3]
    dialog.sort_by("Dates")  # 2024-03-04 (bridge), 2024-04-11 (lone), 2024-05-20 (vote)
    assert [s.story for s in dialog.shown_stories()] == [bridge.story, lone.story, vote.story]
    dialog.sort_by("Conflicts", descending=True)
    assert dialog.shown_stories()[0].story == bridge.story

    dialog.set_filter("harlow")
    dialog.select(0)
    assert dialog.open_selected()
    qtbot.waitUntil(lambda: window.comparison is not None and len(window.comparison.articles) == 3
                    and not window.comparison_busy() and window.shown_comparison is window.comparison
                    and window.story_view.measured(), timeout=TIMEOUT)
    assert window.story_view.column_ids() == ["A", "B", "C"]
    assert window.story_view.row_count() > 0
    assert sorted(a.outlet for a in window.comparison.articles) == ["Daily", "Gazette", "Wire"]
    assert any("Harlow Street" in a.text for a in window.comparison.articles)
    # The corpus judged the story: the window compares it as one, as the corpus did.
    assert window.controller.compared_as_one_story()
    # Another story replaces the articles (nothing saved to ask about in tests).
    dialog.set_filter("eastvale")
    assert dialog.open_selected()  # the only story shown opens without a selection
    qtbot.waitUntil(lambda: window.comparison is not None and len(window.comparison.articles) == 2
                    and not window.comparison_busy(), timeout=TIMEOUT)
    assert all("Linden Elementary" in a.text for a in window.comparison.articles)


def test_a_folder_without_a_run_is_reported_and_nothing_changes(window, tmp_path):
    assert open_corpus_result(window, tmp_path) is None
    assert getattr(window, "corpus_window", None) is None
    assert len(window.session) == 0
