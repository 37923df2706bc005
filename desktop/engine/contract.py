"""The ``parallax.comparison/1`` JSON contract: to and from plain dicts.

The contract is public (reports, sessions and other tools read it): fields
are only ever added, never renamed or removed.  Added so far beyond the
founding list: article ``byline``/``related``/``word_count``/``warnings``, diff
``a_passages``/``b_passages``/``similarity``, fact ``approximate``, the
top-level ``errors`` and ``generator``, article ``event``/``event_note`` (which
event cluster, and why an article was set apart), group ``confidence`` and the
top-level ``warnings`` (caveats of the whole comparison, e.g. facts not found),
group ``also`` (passages of other groups that retell the point too), group
``links`` (the members the sentence scorer links directly, with the probability;
absent in documents written before it, where nothing is known of them).
"""
from __future__ import annotations

import json
from typing import Any

from .. import __version__
from .model import (AlsoPassage, Article, Comparison, DiffOp, Fact, FactKind, FactStatus, Group, InputError,
                    Mention, PairDiff, Passage, PassageLink, fact_enum)

SCHEMA = "parallax.comparison/1"


def to_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "generator": {"name": "parallax", "version": __version__},
        "articles": [
            {"id": a.id, "source": a.source, "title": a.title, "outlet": a.outlet,
             "published": a.published, "byline": a.byline, "related": a.related,
             "word_count": a.word_count, "warnings": list(a.warnings),
             "event": a.event, "event_note": a.event_note, "text": a.text,
             "passages": [{"id": p.id, "start": p.start, "end": p.end, "paragraph": p.paragraph}
                          for p in a.passages]}
            for a in comparison.articles
        ],
        "groups": [
            {"id": g.id, "passages": list(g.passages), "score": g.score, "confidence": g.confidence,
             "diffs": [{"a": d.a, "b": d.b,
                        "ops": [[o.tag, o.a_start, o.a_end, o.b_start, o.b_end] for o in d.ops],
                        "a_passages": list(d.a_passages), "b_passages": list(d.b_passages),
                        "similarity": d.similarity}
                       for d in g.diffs],
             "also": [{"passage": t.passage, "linked_to": t.linked_to, "confidence": t.confidence}
                      for t in g.also],
             **({} if g.links is None else
                {"links": [{"a": k.a, "b": k.b, "probability": k.probability} for k in g.links]})}
            for g in comparison.groups
        ],
        "facts": [
            {"id": f.id, "kind": f.kind, "status": f.status, "group": f.group, "note": f.note,
             "approximate": f.approximate,
             "mentions": [{"article": m.article, "passage": m.passage, "start": m.start,
                           "end": m.end, "text": m.text, "value": m.value, "speaker": m.speaker}
                          for m in f.mentions]}
            for f in comparison.facts
        ],
        "errors": [{"source": e.source, "reason": e.reason} for e in comparison.errors],
        "warnings": list(comparison.warnings),
    }


def _tupled(value: Any) -> Any:
    """JSON lists back to tuples so values stay hashable and frozen."""
    if isinstance(value, list):
        return tuple(_tupled(v) for v in value)
    if isinstance(value, dict):
        return {k: _tupled(v) for k, v in value.items()}
    return value


def from_dict(data: dict[str, Any]) -> Comparison:
    """Rebuild a comparison; raises ``ValueError`` on a foreign or damaged document."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document")
    try:
        articles = tuple(
            Article(id=a["id"], source=a["source"], text=a["text"],
                    passages=tuple(Passage(p["id"], p["start"], p["end"], p["paragraph"])
                                   for p in a["passages"]),
                    title=a.get("title"), outlet=a.get("outlet"), byline=a.get("byline"),
                    published=a.get("published"), related=a.get("related", True),
                    warnings=tuple(a.get("warnings", ())), event=int(a.get("event", 1)),
                    event_note=str(a.get("event_note", "")))
            for a in data["articles"]
        )
        groups = tuple(
            Group(g["id"], tuple(g["passages"]), g["score"],
                  tuple(PairDiff(d["a"], d["b"], tuple(DiffOp(*op) for op in d["ops"]),
                                 tuple(d.get("a_passages", (d["a"],))),
                                 tuple(d.get("b_passages", (d["b"],))),
                                 d.get("similarity", 0.0))
                        for d in g.get("diffs", ())),
                  float(g.get("confidence", g["score"])),
                  tuple(AlsoPassage(t["passage"], t["linked_to"], float(t["confidence"]))
                        for t in g.get("also", ())),
                  None if g.get("links") is None else
                  tuple(PassageLink(k["a"], k["b"], float(k["probability"])) for k in g["links"]))
            for g in data["groups"]
        )
        facts = tuple(
            Fact(f["id"], fact_enum(FactKind, f["kind"]), fact_enum(FactStatus, f["status"]),
                 f.get("group"), f.get("note", ""),
                 tuple(Mention(m["article"], m.get("passage"), m["start"], m["end"], m["text"],
                               _tupled(m.get("value")), m.get("speaker"))
                       for m in f["mentions"]),
                 f.get("approximate", False))
            for f in data.get("facts", ())
        )
        errors = tuple(InputError(e["source"], e["reason"]) for e in data.get("errors", ()))
        warnings = tuple(str(w) for w in data.get("warnings", ()))
    except (KeyError, TypeError, IndexError) as exc:
        raise ValueError(f"damaged comparison document ({exc.__class__.__name__}: {exc})") from None
    return Comparison(articles, groups, facts, errors, warnings)


def dumps(comparison: Comparison, indent: int | None = 1) -> str:
    return json.dumps(to_dict(comparison), ensure_ascii=False, indent=indent)


def loads(text: str) -> Comparison:
    return from_dict(json.loads(text))
