"""Plain-text listing of facts for a terminal: conflicts first, one line each.

Articles are listed first (those judged to report another event marked),
then conflicts, agreements and what only one article gives, each fact on
one line: id, kind, the note, and in brackets where each article says it
(passage, the words as written, and the speaker of a quote).
"""
from __future__ import annotations

from .model import Comparison, Fact, FactStatus
from .wording import plural

_ORDER = {FactStatus.CONFLICT: 0, FactStatus.AGREE: 1, FactStatus.SINGLE: 2}
_HEADINGS = {FactStatus.CONFLICT: "CONFLICTS: the articles disagree",
             FactStatus.AGREE: "AGREEMENTS: the articles say the same",
             FactStatus.SINGLE: "ONLY IN ONE ARTICLE"}
_MAX_TEXT = 60


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_TEXT else text[:_MAX_TEXT - 1].rstrip() + "…"


def _where(fact: Fact) -> str:
    parts = []
    for m in fact.mentions:
        place = m.passage or m.article
        who = f" ({m.speaker})" if m.speaker and fact.kind == "quote" else ""
        parts.append(f"{place}: {_clip(m.text)}{who}")
    return " | ".join(parts)


def facts_summary(comparison: Comparison) -> str:
    lines = []
    for article in comparison.articles:
        mark = "" if article.related else "  [different event: left out of the comparison]"
        lines.append(f"{article.id}: {article.title or article.source}{mark}")
    lines.append(plural(len(comparison.groups), "group") + " of passages telling the same thing")
    facts = sorted(comparison.facts, key=lambda f: (_ORDER.get(f.status, 3), int(f.id[1:] or 0)
                                                    if f.id[1:].isdigit() else 0))
    if not facts:
        lines.append("no facts found")
        return "\n".join(lines)
    counts = {s: sum(1 for f in facts if f.status == s) for s in _ORDER}
    lines.append(f"{plural(counts['conflict'], 'conflict')}, {plural(counts['agree'], 'agreement')}, "
                 f"{plural(counts['single'], 'fact')} only one article gives")
    status = None
    for fact in facts:
        if fact.status != status:
            status = fact.status
            lines.append("")
            lines.append(_HEADINGS.get(status, status.upper()))
        lines.append(f"  {fact.id:>4} {fact.kind:<12} {fact.note}  [{_where(fact)}]")
    return "\n".join(lines)
