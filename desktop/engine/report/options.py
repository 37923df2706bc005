"""What a report covers and when it was made: :class:`ReportOptions`."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

from ... import __version__


def _now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


@dataclass(frozen=True)
class ReportOptions:
    """Choices for one report.

    ``articles``: ids of the articles to include, in the order given
    (``None``: all of them).  ``conflicts_only``: leave out everything but the
    articles, the summary, the conflicts and the aligned passages that hold a
    conflict.  ``version`` and ``generated`` are stamped on the report and are
    filled in automatically; pass them only to make output reproducible.
    """

    articles: Optional[tuple[str, ...]] = None
    conflicts_only: bool = False
    version: str = __version__
    generated: datetime = field(default_factory=lambda: _now())

    def generated_text(self) -> str:
        """``22 November 2026, 10:40 UTC+01:00``: unambiguous in any locale."""
        stamp = self.generated
        text = f"{stamp.day} {stamp:%B %Y, %H:%M}"
        offset = stamp.utcoffset()
        if offset is not None:
            minutes = int(offset.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            hours, mins = divmod(abs(minutes), 60)
            text += f" UTC{sign}{hours:02d}:{mins:02d}" if minutes else " UTC"
        return text
