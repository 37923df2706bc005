"""Stepping through a comparison: differences, conflicts and find.

:class:`Navigator` moves row by row in the story table (block by block in the
pair view), from conflict to conflict (F7: in the story table one stop for each row
holding a mention, so every article's mention shows), and opens the find bar.  It reads
the window's views through their public names (``reader_tabs``,
``reader_box``, ``story_view``, ``pair_view``, ``tabs``, ``facts_view``,
``find_bar``, ``presenter``) and says "no further ..." on its status bar.
"""
from __future__ import annotations


class Navigator:
    def __init__(self, window, controller):
        self.window = window
        self.controller = controller
        self._conflict_index = -1

    def _note(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 2500)

    def reading_story(self) -> bool:
        return self.window.reader_tabs.currentWidget() is self.window.story_view

    # --- differences ----------------------------------------------------------------

    def next_difference(self) -> None:
        if self.reading_story():
            if not self.window.story_view.next_difference():
                self._note("No further point with differences.")
        elif not self.window.pair_view.next_difference():
            self._note("No further difference in this pair.")

    def previous_difference(self) -> None:
        if self.reading_story():
            if not self.window.story_view.previous_difference():
                self._note("No earlier point with differences.")
        elif not self.window.pair_view.previous_difference():
            self._note("No earlier difference in this pair.")

    # --- conflicts ---------------------------------------------------------------------

    def reset_conflicts(self, _comparison=None) -> None:
        """A new result: the next F7 starts from its first conflict."""
        self._conflict_index = -1

    def next_conflict(self) -> None:
        self.step_conflict(+1)

    def previous_conflict(self) -> None:
        self.step_conflict(-1)

    def _conflict_stops(self, conflicts) -> list[tuple]:
        """(fact, story row or -1): reading the story, one stop for each row that
        holds a mention of the conflict, so every article's mention is reached;
        side by side, one stop a conflict."""
        story = self.window.story_view.model.story if self.reading_story() else None
        stops = []
        for fact in conflicts:
            rows = sorted({story.row_of_passage(m.passage) for m in fact.mentions
                           if m.passage} - {-1}) if story is not None else []
            stops += [(fact, n) for n in rows] or [(fact, -1)]
        return stops

    def step_conflict(self, step: int) -> None:
        comparison = self.controller.comparison
        conflicts = [f for f in (comparison.facts if comparison else ())
                     if f.status == "conflict"]
        if not conflicts:
            self._note("No conflicting facts found.")
            return
        stops = self._conflict_stops(conflicts)
        self._conflict_index = (self._conflict_index + step) % len(stops)
        fact, row = stops[self._conflict_index]
        w = self.window
        w.tabs.setCurrentWidget(w.facts_view)
        if not w.facts_view.select_fact(fact.id):
            w.presenter.show_fact(fact)
        if row >= 0:
            # With many articles, bring a column holding the mention into view.
            story = w.story_view.model.story
            told = [m.article for m in fact.mentions
                    if m.passage and story.row_of_passage(m.passage) == row]
            w.story_view.select_row(row, told[0] if told else None)

    # --- find ----------------------------------------------------------------------------

    def show_find(self) -> None:
        self.window.reader_tabs.setCurrentWidget(self.window.reader_box)
        self.window.find_bar.start()

    def hide_find(self) -> None:
        self.window.find_bar.close_bar()

    def find_next(self, backward: bool = False) -> None:
        if not self.window.find_bar.isVisible():
            self.show_find()
        else:
            self.window.find_bar.find(backward)
