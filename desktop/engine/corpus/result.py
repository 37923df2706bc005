"""A corpus run read back: its stories, for a list to show, and each story's articles.

``parallax corpus`` leaves in its output folder the spooled articles
(``work/articles.jsonl``), the sorted stories (``work/stories.json``) and one
``stories/ID.summary.json`` per finished story.  :func:`open_run` reads
them into a :class:`CorpusRun`: one :class:`StoryRow` per story (what a
list shows and sorts by) and :meth:`CorpusRun.documents` to read one
story's articles back as :class:`~desktop.engine.model.Document` objects, so
a front end opens a story like any articles.  A run stopped before its
stories were all compared still opens: stories without a summary show
what the articles say (title, outlets, dates) and no counts.

Public verbs: :func:`open_run`, :class:`CorpusRun`, :class:`StoryRow`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..model import Document
from .summary import outlet_of


class CorpusRunError(Exception):
    """The folder holds no corpus run (or an unreadable one)."""


@dataclass(frozen=True)
class StoryRow:
    story: str  # the id, as in the tables and stories/ID.*
    title: str
    articles: int
    outlets: tuple[str, ...]
    first_date: Optional[str]
    last_date: Optional[str]
    points: Optional[int]  # None: not compared (yet)
    conflicts: Optional[int]
    omissions: Optional[int]
    report: Optional[Path]  # stories/ID.html, when written


class CorpusRun:
    """The stories of one output folder and the spool their articles are read from."""

    def __init__(self, folder: Path, members: dict[str, list[int]], rows: list[StoryRow],
                 offsets: list[int]):
        self.folder = folder
        self.rows = rows
        self._members = members
        self._offsets = offsets

    def documents(self, story: str) -> list[Document]:
        """The articles of one story, in the order the run compared them."""
        from .run import document_of
        with (self.folder / "work" / "articles.jsonl").open("rb") as handle:
            out = []
            for number in self._members[story]:
                handle.seek(self._offsets[number])
                out.append(document_of(handle.readline().decode("utf-8")))
        return out


@dataclass(frozen=True)
class _Facts:
    """What the list needs of one spooled article (its text is left on disk)."""

    source: str
    title: Optional[str]
    outlet: Optional[str]
    published: Optional[str]
    opening: str


def open_run(folder) -> CorpusRun:
    """Read the run in ``folder`` (a ``parallax corpus --out`` folder); :class:`CorpusRunError` if none."""
    from .run import story_ids
    folder = Path(folder)
    try:
        saved = json.loads((folder / "work" / "stories.json").read_text(encoding="utf-8"))
        stories: list[list[int]] = saved["stories"]
        offsets, facts = [], []
        with (folder / "work" / "articles.jsonl").open("rb") as handle:
            position = 0
            for line in handle:  # streamed: memory holds a few facts per article, not the texts
                offsets.append(position)
                position += len(line)
                data = json.loads(line)
                facts.append(_Facts(data["source"], data.get("title"), data.get("outlet"),
                                    data.get("published"), " ".join(data["text"][:300].split()[:14])))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CorpusRunError(f"{folder} holds no sorted parallax corpus run: it needs "
                             "work/stories.json and work/articles.jsonl, which `parallax corpus "
                             "... --out FOLDER` writes once its articles are sorted") from exc
    if any(k >= len(facts) for members in stories for k in members):
        raise CorpusRunError(f"{folder}: the stories name articles the spool does not hold")
    ids = story_ids(stories, [f.source for f in facts])
    rows = [_row(folder, story_id, [facts[k] for k in members]) for story_id, members in zip(ids, stories)]
    return CorpusRun(folder, dict(zip(ids, stories)), rows, offsets)


def _row(folder: Path, story_id: str, docs: list[_Facts]) -> StoryRow:
    report = folder / "stories" / f"{story_id}.html"
    try:
        summary = json.loads((folder / "stories" / f"{story_id}.summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        summary = None
    dates = sorted(d.published for d in docs if d.published)
    first, last = (dates[0], dates[-1]) if dates else (None, None)
    outlets = tuple(sorted({outlet_of(d.outlet, d.source) for d in docs}))
    title = next((d.title for d in docs if d.title), None) or docs[0].opening
    if summary is None:
        return StoryRow(story_id, title, len(docs), outlets, first, last, None, None, None, None)
    return StoryRow(story_id, summary.get("title") or title, len(docs), outlets,
                    summary.get("first_date") or first, summary.get("last_date") or last,
                    summary.get("points"), len(summary.get("conflicts", ())),
                    len(summary.get("omissions", ())), report if report.is_file() else None)
