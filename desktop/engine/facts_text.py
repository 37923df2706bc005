"""Plain-text listing of facts for a terminal: conflicts first, one line each."""
from __future__ import annotations

from .model import Comparison

_ORDER = {"conflict": 0, "single": 1, "agree": 2}


def facts_summary(comparison: Comparison) -> str:
    lines = []
    for article in comparison.articles:
        mark = "" if article.related else "  [different event: left out of the comparison]"
        lines.append(f"{article.id}: {article.title or article.source}{mark}")
    lines.append(f"{len(comparison.groups)} groups of passages telling the same thing")
    facts = sorted(comparison.facts, key=lambda f: (_ORDER.get(f.status, 3), f.id))
    if not facts:
        lines.append("no facts found")
    for fact in facts:
        values = "; ".join(f"{m.article}: {m.text}" for m in fact.mentions)
        lines.append(f"{fact.status.upper():8} {fact.kind:12} {fact.note}  [{values}]")
    return "\n".join(lines)
