"""The comparison controller: the articles, the background work and the result, without widgets.

A :class:`ComparisonController` (a QObject) owns the :class:`~desktop.app.session.Session`,
the task lanes (read, download, compare, story), the queues of work waiting
for a lane, the map from session entries (keys) to article ids, and the
choices that belong to the comparison (the reference article, the articles
set apart).  Views never reach into it: they follow its signals.

Rules it keeps:

* **Nothing stale.**  When the included articles change, the old result is
  dropped at once (``comparison_changed(None)``) and a new one is started;
  Close All, Cancel and removals leave no result that no longer matches the
  list.  One article shows its own text and a prompt to add another.
* **Articles set apart are left out by default.**  The first time an
  article is compared, if the engine judges it to report another event
  (``Article.related`` false) it is unticked and its reason kept in
  ``set_apart`` for the list to show; ticking it again is the user's choice
  and stands.
* **A story is judged once.**  The articles left after a comparison set
  others apart, another story chosen with Compare Its Story Instead, a corpus
  story and a session saved so are one story (``_story``), and so is an
  article the user ticks back into it: while the ticked articles all belong
  to it they are compared as one story (``CompareConfig.one_story``), not
  judged again (among fewer reports, one could fall out of the story it was
  found in).  New articles are judged.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from PySide6.QtCore import QObject, Signal

from ..engine.errors import IngestError
from ..engine.ingest import document_from_text
from ..engine.ingest.web import is_url
from ..engine.model import Comparison, CompareConfig
from ..engine.set_apart import reason_only
from . import operations
from .session import Session
from .story import StoryModel, single_article_model, story_model
from .tasks import TaskRunner

STAGE_NAMES = {"read": "Reading articles", "segment": "Splitting into sentences",
               "align": "Matching passages", "diff": "Comparing wording",
               "facts": "Checking facts", "done": "Finishing", "download": "Downloading",
               "export": "Writing the report"}


class ComparisonController(QObject):
    session_changed = Signal()  # the article list or its ticks changed
    comparison_changed = Signal(object)  # Comparison, or None when there is none (yet)
    story_changed = Signal(object)  # StoryModel or None
    message = Signal(str, str)  # text, level ("info" | "warning" | "error")
    status = Signal(str)  # a line for the status bar
    progress = Signal(str, float)  # stage name in words, fraction
    busy_changed = Signal(bool)
    settled = Signal()  # nothing left to read, download or compare

    def __init__(self, config: CompareConfig = CompareConfig(), parent: Optional[QObject] = None):
        super().__init__(parent)
        self.config = config
        self.session = Session()
        self.comparison: Optional[Comparison] = None
        self.story: Optional[StoryModel] = None
        self.compared_keys: list[int] = []
        self.reference_key: Optional[int] = None
        self.set_apart: dict[int, str] = {}  # key -> why the engine set it apart
        # key -> the keys of the story it was compared in, where a comparison told two or
        # more stories (the main one and those set apart): "Compare Its Story Instead".
        self.story_of: dict[int, frozenset[int]] = {}
        # Keys already through one comparison, ticked or unticked by the user, or restored
        # from a session: the engine never unticks these.
        self._decided: set[int] = set()
        # The keys known to tell one story: those left in after a comparison set the others
        # apart, and any the user ticks back in.  Ticked articles all in it are compared as
        # one story (CompareConfig.one_story), not judged again.
        self._story: frozenset[int] = frozenset()
        self._pending_paths: list[str] = []
        self._pending_links: list[str] = []
        self.paste_count = 0
        self._shown_warnings: set[tuple[str, str]] = set()
        self.reader = TaskRunner(self)
        self.comparer = TaskRunner(self)
        self.fetcher = TaskRunner(self)
        self.storyteller = TaskRunner(self)
        for runner, what in ((self.reader, "Reading failed"), (self.comparer, "Comparing failed"),
                             (self.fetcher, "Downloading failed"),
                             (self.storyteller, "Building the story table failed")):
            runner.failed.connect(lambda m, w=what: self._on_failed(w, m))
            runner.progress.connect(self._on_progress)
            runner.busy_changed.connect(lambda _b: self.busy_changed.emit(self.busy()))
        self.reader.finished.connect(self._on_read)
        self.reader.cancelled.connect(self._on_cancelled)
        self.comparer.finished.connect(self._on_compared)
        self.comparer.cancelled.connect(self._on_cancelled)
        self.fetcher.finished.connect(self._on_fetched)
        self.fetcher.cancelled.connect(self._on_fetch_cancelled)
        self.storyteller.finished.connect(self._on_story)

    # --- state ---------------------------------------------------------------------------

    def busy(self) -> bool:
        return self.reader.busy or self.comparer.busy or self.fetcher.busy

    def article_id_for(self, key: int) -> Optional[str]:
        if self.comparison is None:
            return None
        for k, article in zip(self.compared_keys, self.comparison.articles):
            if k == key:
                return article.id
        return None

    def key_for(self, article_id: str) -> Optional[int]:
        if self.comparison is None:
            return None
        for k, article in zip(self.compared_keys, self.comparison.articles):
            if article.id == article_id:
                return k
        return None

    # --- loading ---------------------------------------------------------------------------

    def load_paths(self, paths: list[str]) -> None:
        """Read files or folders in the background, then compare everything loaded."""
        if self.reader.busy:
            self._pending_paths += paths
            return
        self.reader.start(operations.read_job(paths))

    def load_links(self, links: list[str]) -> None:
        """Download web links in the background and add each as an article."""
        links = [link for link in links if link not in self._pending_links]
        if not links:
            return
        if self.fetcher.busy:
            self._pending_links += links
            return
        self.fetcher.start(operations.fetch_job(links))

    def add_text(self, text: str) -> bool:
        """Make an article of dragged or pasted text."""
        self.paste_count += 1
        try:
            document = document_from_text(text, f"pasted text {self.paste_count}")
        except IngestError as exc:
            self.message.emit(f"{exc.source}: {exc.reason}", "error")
            return False
        self.session.add([document])
        self.warn_about([document])
        self.changed()
        return True

    def restore(self, documents, included, replace_all: bool, set_apart=(), stories=(),
                one_story: bool = False) -> list:
        """Bring back saved articles with their ticks (the user's ticks: never set apart again),
        why any was set apart and the story each was told in (``(index, why)`` and
        ``(index, indices of its story)`` pairs, indices into ``documents``), so the list
        still says why an article is left out and Compare Its Story Instead still reaches
        the other story.  ``one_story``: the ticked articles are one story already judged
        (a saved comparison that was, a corpus story): compared as one, not judged again."""
        if replace_all:
            self.cancel()
            self.session.clear()
            self.set_apart.clear()
            self.story_of.clear()
            self._story = frozenset()
            self._drop_result()
        entries = self.session.restore(documents, included)
        self._decided.update(e.key for e in entries)
        for index, why in set_apart:
            # A ticked article keeps its reason only where it was ticked back into the story
            # (``ticked_in_keys``); elsewhere the new comparison says what it is.
            if not entries[index].included or (one_story and replace_all):
                self.set_apart[entries[index].key] = why
        for index, members in stories:
            self.story_of[entries[index].key] = frozenset(entries[m].key for m in members)
        if one_story and replace_all:
            self._story = frozenset(e.key for e in entries if e.included)
        numbers = [int(m.group(1)) for e in entries
                   if (m := re.fullmatch(r"pasted text (\d+)", e.document.source))]
        self.paste_count = max([self.paste_count] + numbers)
        self.warn_about(documents)
        self.changed()
        return entries

    def clear(self) -> None:
        """Close all articles."""
        self.cancel()
        self.session.clear()
        self.set_apart.clear()
        self.story_of.clear()
        self._story = frozenset()
        self.reference_key = None
        self.changed()

    def cancel(self) -> None:
        """Stop reading, downloading and comparing; a result no longer matching the list goes."""
        self._pending_paths.clear()
        self._pending_links.clear()
        self.reader.cancel()
        self.fetcher.cancel()
        self.comparer.cancel()
        self.storyteller.cancel()

    def warn_about(self, items) -> None:
        """One message per article that came with caveats (not English, pages skipped…)."""
        for item in items:
            fresh = [w for w in getattr(item, "warnings", ()) or ()
                     if (item.source, w) not in self._shown_warnings]
            if not fresh:
                continue
            self._shown_warnings.update((item.source, w) for w in fresh)
            name = item.title or (item.source if is_url(item.source) else
                                  item.source.replace("\\", "/").rsplit("/", 1)[-1]
                                  or item.source)
            self.message.emit(f"{name}: {'; '.join(fresh)}", "warning")

    def _add_read(self, result) -> list:
        documents, errors = result
        for error in errors:
            self.message.emit(f"Could not read {error.source}: {error.reason}", "error")
        self.session.add(documents)
        self.warn_about(documents)
        return documents

    def _on_read(self, result) -> None:
        self._add_read(result)
        if self._pending_paths:
            paths, self._pending_paths = self._pending_paths, []
            self.reader.start(operations.read_job(paths))
        self.changed()

    def _on_fetched(self, result) -> None:
        documents = self._add_read(result)
        if self._pending_links:
            links, self._pending_links = self._pending_links, []
            self.fetcher.start(operations.fetch_job(links))
        if documents:
            self.changed()
        elif not self.busy():
            self.settled.emit()  # nothing new: the comparison on screen stands

    def _on_fetch_cancelled(self) -> None:
        self._pending_links.clear()
        self.status.emit("Download cancelled.")
        if not self.busy():
            self.settled.emit()

    # --- article edits ---------------------------------------------------------------------

    def set_included(self, key: int, included: bool) -> None:
        self.session.set_included(key, included)
        if included:
            if self._story:
                # Ticked back in, it is compared with the story, as the user asked: judged
                # again it would only be listed as another story once more.  Why it was set
                # apart stays in ``set_apart``: its row still says it (``ticked_in_keys``).
                self._story |= {key}
            else:
                self.set_apart.pop(key, None)
        self._decided.add(key)
        self.changed()

    def ticked_in_keys(self) -> frozenset[int]:
        """The articles set apart that the user ticked back into the story compared now."""
        if not self.compared_as_one_story():
            return frozenset()
        return frozenset(e.key for e in self.session.included() if e.key in self.set_apart)

    def comparison_to_report(self) -> Optional[Comparison]:
        """The comparison as a report should tell it: an article ticked back into the story
        carries why it had been set apart (the reports print it as "Ticked in.")."""
        comparison = self.comparison
        if comparison is None:
            return None
        notes = {self.article_id_for(k): self.set_apart[k] for k in self.ticked_in_keys()}
        if not notes:
            return comparison
        articles = tuple(replace(a, event_note="Ticked back into the story, though judged to report "
                                               f"another event: {reason_only(notes[a.id])}")
                         if a.id in notes else a for a in comparison.articles)
        return replace(comparison, articles=articles)

    def rename(self, key: int, title: str) -> None:
        self.session.rename(key, title)
        self.changed()

    def remove(self, key: int) -> None:
        self.session.remove(key)
        self.set_apart.pop(key, None)
        self.changed()

    def move(self, key: int, offset: int) -> None:
        self.session.move(key, offset)
        self.changed()

    def set_reference(self, article_id: str) -> None:
        """Read the story table against another article (rebuilt off the GUI thread)."""
        key = self.key_for(article_id)
        if key is None or key == self.reference_key and self.story \
                and self.story.reference == article_id:
            return
        self.reference_key = key
        if self.comparison is not None:
            self.storyteller.start(operations.story_job(self.comparison, article_id))

    # --- comparing -------------------------------------------------------------------------

    def changed(self) -> None:
        """The articles changed: say so, and compare again (or clear)."""
        self.session_changed.emit()
        self.schedule_compare()

    def _drop_result(self) -> None:
        self.comparer.cancel()
        self.storyteller.cancel()
        self.comparison = None
        self.compared_keys = []

    def schedule_compare(self) -> None:
        included = self.session.included()
        keys = [e.key for e in included]
        if len(included) < 2:
            self._drop_result()
            self.story = single_article_model(included[0].document) if included else None
            self.comparison_changed.emit(None)
            self.story_changed.emit(self.story)
            if not (self.reader.busy or self.fetcher.busy):
                self.settled.emit()
            return
        if keys != self.compared_keys and self.comparison is not None:
            # The result on screen no longer matches the list: it goes now.
            self._drop_result()
            self.story = None
            self.comparison_changed.emit(None)
            self.story_changed.emit(None)
        config = self.config
        if self.compared_as_one_story():
            config = replace(config, one_story=True)
        self.comparer.start(operations.compare_job([e.document for e in included], keys,
                                                   config, self.reference_key))

    def _on_compared(self, result) -> None:
        keys, comparison, facts_error, story = result
        if facts_error:
            self.message.emit(f"Facts could not be checked for these articles ({facts_error}); "
                              "the passages are compared without them.", "warning")
        if self._set_apart_new(keys, comparison):
            return
        self.present(comparison, keys, story)
        self.warn_about(comparison.articles)
        if not (self.reader.busy or self.fetcher.busy):
            self.settled.emit()

    def _set_apart_new(self, keys: list[int], comparison: Comparison) -> bool:
        """Untick articles seen for the first time that report another event; True if any.

        The rest are compared again as the one story this comparison found
        (``_story``): judged again among fewer reports, one held in the story
        beside every report could fall out of it (ECB+ 22: a later report of the
        hearing, once the other event's report was out).
        """
        fresh = {k for k in keys if k not in self._decided}
        self._decided.update(keys)
        apart = [(k, a) for k, a in zip(keys, comparison.articles)
                 if k in fresh and not a.related]
        if not apart or len(keys) - len(apart) < 2:
            return False
        self._story = frozenset(keys) - {k for k, _ in apart}
        for key, article in apart:
            self.session.set_included(key, False)
            self.set_apart[key] = " ".join(article.event_note.split()) or \
                "Judged to report a different event."
        stories: dict[int, set[int]] = {}
        for key, article in zip(keys, comparison.articles):
            stories.setdefault(article.event, set()).add(key)
        for members in stories.values():
            for key in members:
                self.story_of[key] = frozenset(members)
        self.changed()
        return True

    def compared_as_one_story(self) -> bool:
        """The ticked articles are compared as one story already judged, not judged again."""
        keys = frozenset(e.key for e in self.session.included())
        return len(keys) >= 2 and keys <= self._story

    def other_story(self, key: int) -> Optional[frozenset[int]]:
        """The loaded articles of ``key``'s story when it is another story than the one
        compared now (two or more of them), else None."""
        loaded = {e.key for e in self.session.entries}
        members = self.story_of.get(key, frozenset()) & loaded
        included = {e.key for e in self.session.included()}
        return members if len(members) >= 2 and members != included else None

    def compare_story_of(self, key: int) -> bool:
        """Compare ``key``'s story instead of the articles ticked now (its reports ticked, the
        others unticked: the user's choice, which no comparison undoes); False if there is none."""
        members = self.other_story(key)
        if members is None:
            return False
        for entry in self.session.entries:
            self.session.set_included(entry.key, entry.key in members)
            self._decided.add(entry.key)
            if entry.key in members:
                self.set_apart.pop(entry.key, None)
        self._story = frozenset(members)  # the story a comparison found: not judged again
        self.changed()
        return True

    def present(self, comparison: Comparison, keys: list[int],
                story: Optional[StoryModel] = None) -> None:
        """Take a finished comparison; ``keys`` are the entries it compared, in order."""
        self.comparison = comparison
        self.compared_keys = list(keys)
        if story is None:
            ref = self.article_id_for(self.reference_key) if self.reference_key else None
            story = story_model(comparison, ref)
        self.story = story
        if self.reference_key is None or self.reference_key not in keys:
            self.reference_key = self.key_for(story.reference) if story.reference else None
        self.comparison_changed.emit(comparison)
        self.story_changed.emit(story)

    def _on_story(self, result) -> None:
        comparison, story = result
        if comparison is self.comparison:
            self.story = story
            self.story_changed.emit(story)

    def _on_failed(self, what: str, message: str) -> None:
        self.message.emit(f"{what}: {message}", "error")
        self.settled.emit()

    def _on_cancelled(self) -> None:
        self.status.emit("Cancelled. Change the articles or reopen them to compare again.")

    def _on_progress(self, stage: str, fraction: float) -> None:
        self.progress.emit(STAGE_NAMES.get(stage, stage.capitalize()), fraction)
