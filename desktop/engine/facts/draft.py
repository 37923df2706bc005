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
    subject: str = ""  # an agreement's or lone value's thing and words ("date: Sunday"; notes.quantity_subject)

    def fact(self, fact_id: str) -> Fact:
        return Fact(fact_id, FactKind(self.kind), FactStatus(self.status), self.group, self.note,
                    tuple(self.mentions), self.approximate)


def fold_repeats(drafts: list[Draft]) -> list[Draft]:
    """One agreement per thing agreed: the same words agreed in several points of the story
    ("date: Sunday (same)" four times over) are one fact with every mention, and a value
    found "only in H" that other articles agree on word for word joins their agreement."""
    agreed: dict[tuple[str, str], Draft] = {}
    out: list[Draft] = []
    for draft in drafts:
        if draft.status != FactStatus.AGREE or not draft.subject:
            out.append(draft)
            continue
        key = (str(draft.kind), draft.subject.lower())
        first = agreed.get(key)
        if first is None:
            agreed[key] = draft
            out.append(draft)
            continue
        _absorb(first, draft)
    kept = []
    for draft in out:
        lone = draft.status == FactStatus.SINGLE and draft.subject
        home = agreed.get((str(draft.kind), draft.subject.lower())) if lone else None
        if home is not None:
            _absorb(home, draft)
            continue
        kept.append(draft)
    # An agreement or a lone value whose every mention a conflict already shows says less
    # than the conflict, and read beside it contradicts it ("two weeks (same)" under "two
    # weeks vs three weeks").
    in_conflict = {(m.article, m.start, m.end) for d in kept if d.status == FactStatus.CONFLICT
                   for m in d.mentions}
    return [d for d in kept if d.status == FactStatus.CONFLICT
            or not all((m.article, m.start, m.end) in in_conflict for m in d.mentions)]


def reading_order(mention: Mention) -> tuple:
    """Sort key: article by article as the reader meets them ("A" < … < "Z" < "AA"), then place."""
    return len(mention.article), mention.article, mention.start


def _absorb(into: Draft, other: Draft) -> None:
    seen = {(m.article, m.start, m.end) for m in into.mentions}
    into.mentions.extend(m for m in other.mentions if (m.article, m.start, m.end) not in seen)
    into.mentions.sort(key=reading_order)
    if other.group != into.group:
        into.group = None  # agreed in more than one point of the story
    into.approximate = into.approximate or other.approximate
