"""Short human sentences for facts: "passengers hurt: four vs five"."""
from __future__ import annotations

from .items import Item

_KIND_LABELS = {"money": "amount", "percent": "share", "date": "date", "time": "time",
                "number": "number", "quote": "quote"}


def clip(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def distinct_texts(items: list[Item]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        shown = item.text.strip().rstrip(" ,;:")
        if shown.endswith(".") and not shown.endswith(("a.m.", "p.m.")):
            shown = shown.rstrip(".")
        shown = clip(shown, 40)
        seen.setdefault(shown.lower(), shown)
    return list(seen.values())


def quantity_label(items: list[Item]) -> str:
    first = items[0]
    if first.kind == "number":
        labels = [i.label for i in items if i.label]
        return max(labels, key=len) if labels else "number"
    if first.kind in ("money", "percent"):
        topic = next((i.extra.get("topic") for i in items if i.extra.get("topic")), None)
        base = "percentage points" if first.key == "points" else _KIND_LABELS[first.kind]
        return f"{base} ({topic})" if topic else base
    return _KIND_LABELS.get(first.kind, first.kind)


def quantity_note(items: list[Item], status: str, approximate: bool) -> str:
    label = quantity_label(items)
    texts = distinct_texts(items)
    if status == "conflict":
        return f"{label}: {' vs '.join(texts)}"
    if status == "agree":
        body = " / ".join(texts)
        return f"{label}: {body} ({'roughly the same' if approximate else 'same'})"
    return f"{label}: {texts[0]} (only in {items[0].article})"
