"""The day an undated article tells of, read from another article.

Relative dates ("Friday", "early November") resolve against the publication
date; when an article has none, a weekday it gives in a passage aligned with
a passage of another article that names a full date on that weekday ("on
November 21, 2025" / "their meeting Friday") fixes its week, and so its
year: "early November" is then November 2025, comparable by containment
with a day ("November 2, 2024").

Measured and left out: pairing the dates of one named happening across
unaligned sentences ("the victory celebration on November 2, 2024" / "had
won a landslide election victory in early November") finds that seed
conflict but flagged nine dates on ECB+, all false ("the shooting" of one
story and of another, "the trial" resumed Monday and shown Thursday).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Optional

from ..model import Comparison, FactKind
from .extract import Extraction, extract
from .items import Item


def with_reference_dates(comparison: Comparison, extractions: dict[str, Extraction]) -> None:
    """Re-read undated articles against the day an aligned full date gives one of their weekdays."""
    dated_by_passage: dict[str, list[Item]] = {}
    for ext in extractions.values():
        for item in ext.quantities:
            # A day placed in time by its own words ("November 21, 2025"), not a guessed week.
            if item.kind == FactKind.DATE and item.extra.get("precision") == "day" and item.hi > 0 \
                    and not item.extra.get("week_guessed") and item.passage and not item.in_quote:
                dated_by_passage.setdefault(item.passage, []).append(item)
    for aid, ext in list(extractions.items()):
        if ext.article.published:
            continue
        reference = _reference(ext, comparison, dated_by_passage)
        if reference is not None:
            extractions[aid] = extract(replace(ext.article, published=reference.isoformat()))


def _reference(ext: Extraction, comparison: Comparison, dated: dict[str, list[Item]]) -> Optional[date]:
    weekdays = {i.passage: i for i in ext.quantities
                if i.kind == FactKind.DATE and i.hi <= 0 and i.extra.get("weekday") is not None
                and i.passage and not i.in_quote}
    found: set[date] = set()
    for group in comparison.groups:
        own = [p for p in group.passages if p in weekdays]
        if not own:
            continue
        for pid in group.passages:
            for other in dated.get(pid, ()):
                for p in own:
                    if other.extra.get("weekday") == weekdays[p].extra.get("weekday"):
                        found.add(date.fromordinal(int(other.lo)))
    # One day agreed, or none: two candidate days would be a guess.
    return found.pop() if len(found) == 1 else None
