"""Showing a comparison: the story table, the pair view, facts and overview.

:class:`Presenter` sequences what the views show when the controller says the
articles or the result changed.  The story table fills first; the pair view,
the facts and the overview follow on later turns of the event loop, so no
single step holds the UI thread for long with many articles.  ``shown`` is
emitted once everything shows the comparison.

The presenter reads the window's views through their public names
(``pair_view``, ``story_view``, ``facts_view``, ``overview_view``,
``article_list``, ``reader_tabs``, ``reader_box``, ``summary_label``,
``message_bar``, ``find_bar``) and asks the window to ``update_page()`` and
``update_title()``.  It owns the pair on screen (as session keys, so it
survives a new comparison) for the saved session.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QObject, QTimer, Signal

from ..engine.model import Comparison, Fact
from .article_list import ArticleRow
from .viewmodels import (default_pair, fact_pair, fact_rows, mentions_in, overview_model,
                         pair_choices, pair_view_model, summary_text)


class Presenter(QObject):
    shown = Signal(object)  # Comparison, once the views show it

    def __init__(self, window, controller, sessions, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.window = window
        self.controller = controller
        self.sessions = sessions
        self.shown_comparison: Optional[Comparison] = None  # fully on screen, panels too
        self._pair_keys: Optional[tuple[int, int]] = None

    @property
    def comparison(self) -> Optional[Comparison]:
        return self.controller.comparison

    # --- the pair on screen, for the saved session ----------------------------------

    def pair_keys(self) -> Optional[tuple[int, int]]:
        return self._pair_keys

    def set_pair_keys(self, keys: Optional[tuple[int, int]]) -> None:
        self._pair_keys = keys

    # --- a new result ------------------------------------------------------------------

    def show_comparison(self, comparison: Optional[Comparison]) -> None:
        w = self.window
        self.refresh_list()
        w.update_page()
        self.shown_comparison = None
        if comparison is None:
            w.pair_view.show_pair(None)
            w.pair_view.set_choices([], "", "")
            w.facts_view.show_facts([], [], 0, 0)
            w.overview_view.clear()
            session = self.controller.session
            included = len(session.included())
            if not len(session):
                w.summary_label.setText("")
            elif included < 2:
                w.summary_label.setText("Add at least one more article to compare.")
                w.reader_tabs.setCurrentWidget(w.story_view)
            else:
                w.summary_label.setText(f"Comparing {included} articles…")
            w.update_title()
            return
        w.summary_label.setText(summary_text(comparison))
        w.update_title()
        # The pair view and the panels below fill on the next turns of the
        # event loop (the story table first), so no single step holds the UI
        # thread for long with many articles.
        QTimer.singleShot(0, lambda c=comparison: self._show_pair_of(c))

    def show_story(self, story) -> None:
        story_view = self.window.story_view
        story_view.show_story(story)
        set_apart = self.controller.set_apart
        apart = [(e, set_apart[e.key]) for e in self.controller.session.entries
                 if not e.included and e.key in set_apart]
        lines = []
        if apart:
            names = "; ".join(f"“{e.display_title}”" for e, _note in apart)
            # Where one of them is a story of two reports or more, say how to read it instead.
            other = any(self.controller.other_story(e.key) for e, _note in apart)
            how = ("tick them in the list to add them, or select one and choose Articles → Compare"
                   " Its Story Instead" if other else "tick them in the list to add them")
            lines.append(f"Left out as other stories ({how}): {names}.")
        ticked_in = self.controller.ticked_in_keys()
        ticked = [e for e in self.controller.session.entries if e.key in ticked_in]
        if ticked:
            # Compared as the user asked, but the columns should not pass for the story's own.
            names = "; ".join(f"“{e.display_title}”" for e in ticked)
            lines.append(f"Ticked back in, though judged to report another event: {names}.")
        story_view.set_left_out(" ".join(lines))

    def _show_pair_of(self, comparison: Comparison) -> None:
        if comparison is not self.comparison:
            return
        was_saved = not self.sessions.is_modified()
        kept = (tuple(self.controller.article_id_for(k) for k in self._pair_keys)
                if self._pair_keys else None)
        pair = default_pair(comparison, kept)
        self.window.pair_view.set_choices(pair_choices(comparison), *pair)
        self.show_pair_ids(*pair)
        if was_saved:
            # A pair the app picked by itself is not an unsaved change.
            self.sessions.mark_saved()
        self.window.update_title()
        QTimer.singleShot(0, lambda: self._show_panels(comparison))

    def _show_panels(self, comparison: Comparison) -> None:
        if comparison is not self.comparison:
            return
        self.refresh_facts()
        QTimer.singleShot(0, lambda: self._show_overview(comparison))

    def _show_overview(self, comparison: Comparison) -> None:
        if comparison is not self.comparison:
            return
        self.window.overview_view.show_overview(overview_model(comparison))
        QTimer.singleShot(0, lambda c=comparison: self._announce(c))

    def _announce(self, comparison: Comparison) -> None:
        if comparison is self.comparison:
            self.shown_comparison = comparison
            self.shown.emit(comparison)

    # --- the pair view ---------------------------------------------------------------------

    def show_pair(self, left_id: str, right_id: str) -> None:
        """Show two compared articles side by side (ids as in the comparison)."""
        if self.comparison is None or left_id == right_id:
            if self.comparison is not None and left_id == right_id:
                self.window.message_bar.show_message(
                    "Choose two different articles to compare.", "info")
            return
        self.window.pair_view.set_choices(pair_choices(self.comparison), left_id, right_id)
        self.show_pair_ids(left_id, right_id)

    def show_pair_ids(self, left_id: str, right_id: str) -> None:
        """(Re)build the pair view's documents for two articles already chosen."""
        self._pair_keys = (self.controller.key_for(left_id), self.controller.key_for(right_id))
        self.window.pair_view.show_pair(pair_view_model(self.comparison, left_id, right_id))
        self.window.find_bar.refresh()
        self.sessions.state_changed()

    def refresh_pair(self) -> None:
        """Rebuild the pair on screen (span colours are baked into its documents)."""
        pair_view = self.window.pair_view
        left, right = pair_view.left_pick.currentData(), pair_view.right_pick.currentData()
        if left and right and left != right:
            self.show_pair_ids(left, right)

    def open_point(self, row: int, column: int = -1) -> bool:
        """Read one row of the story table side by side: its reference and the chosen article."""
        story, comparison = self.controller.story, self.comparison
        if story is None or comparison is None:
            return False
        pair = story.pair_for(row, column)
        if pair is None:
            return False
        self.show_pair(*pair)
        ranges = []
        cells = {c.article: c for c in story.rows[row].cells if c is not None}
        for aid in pair:
            cell = cells.get(aid)
            spans = [comparison.passage(p)[1] for p in (cell.passages if cell else ())]
            ranges.append((min(p.start for p in spans), max(p.end for p in spans))
                          if spans else None)
        w = self.window
        w.reader_tabs.setCurrentWidget(w.reader_box)
        w.pair_view.show_point(*ranges)
        return True

    # --- facts and the article list ---------------------------------------------------------

    def refresh_facts(self) -> None:
        facts_view, comparison = self.window.facts_view, self.comparison
        if comparison is None:
            facts_view.show_facts([], [], 0, 0)
            return
        only = facts_view.conflicts_only.isChecked()
        rows = fact_rows(comparison, only)
        conflicts = sum(1 for f in comparison.facts if f.status == "conflict")
        facts_view.show_facts(rows, [a.id for a in comparison.articles],
                              len(comparison.facts), conflicts)

    def show_fact(self, fact: Fact) -> None:
        """Show where a fact is told: its row of the story, or its passages side by side."""
        w, comparison = self.window, self.comparison
        if comparison is None:
            return
        w.summary_label.setText(fact.note)
        if w.reader_tabs.currentWidget() is w.story_view:
            # The story row shows every article's mention at once.
            for mention in fact.mentions:
                if mention.passage and w.story_view.select_passage(mention.passage):
                    return
        current = (w.pair_view.left_pick.currentData() or "",
                   w.pair_view.right_pick.currentData() or "")
        left_id, right_id = fact_pair(fact, current)
        if (left_id, right_id) != current:
            self.show_pair(left_id, right_id)
        spans, passages = [], []
        for aid in (left_id, right_id):
            mentions = mentions_in(fact, aid)
            spans.append([(m.start, m.end) for m in mentions])
            passage_range = None
            if mentions:
                first = mentions[0]
                if first.passage:
                    _, passage = comparison.passage(first.passage)
                    passage_range = (passage.start, passage.end)
                else:
                    passage_range = (first.start, first.end)
            passages.append(passage_range)
        w.reader_tabs.setCurrentWidget(w.reader_box)
        w.pair_view.show_marks(spans[0], spans[1], passages[0], passages[1])

    def refresh_list(self) -> None:
        rows = []
        comparison, controller = self.comparison, self.controller
        some_related = comparison is not None and any(a.related for a in comparison.articles)
        ticked_keys = controller.ticked_in_keys()
        for entry in controller.session.entries:
            aid = controller.article_id_for(entry.key) if entry.included else None
            article = comparison.article(aid) if aid else None
            doc = entry.document
            ticked_in = entry.key in ticked_keys
            apart_note = controller.set_apart.get(entry.key, "") \
                if not entry.included or ticked_in else ""
            apart = bool(apart_note) or bool(article is not None and not article.related
                                             and some_related)
            note = apart_note or (article.event_note if article is not None else "")
            rows.append(ArticleRow(entry.key, aid, entry.display_title, doc.outlet or "",
                                   doc.published or "", entry.word_count, entry.included,
                                   apart, doc.source, note, ticked_in))
        self.window.article_list.show_entries(rows)
