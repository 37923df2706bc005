"""A fact under construction, before ids are given out."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model import Fact, FactKind, FactStatus, Mention


@dataclass
class Draft:
    kind: FactKind
    status: FactStatus
    note: str
    mentions: list[Mention]
    group: Optional[str] = None
    approximate: bool = False
    origin: str = ""  # which comparison made it (group, article, sentence, quote, person): for diagnosis

    def fact(self, fact_id: str) -> Fact:
        return Fact(fact_id, FactKind(self.kind), FactStatus(self.status), self.group, self.note,
                    tuple(self.mentions), self.approximate)
