"""Short human sentences for facts: "passengers hurt: four vs five"."""
from __future__ import annotations

from datetime import date

from ..model import FactStatus
from .items import Item

_KIND_LABELS = {"money": "amount", "percent": "share", "date": "date", "time": "time",
                "number": "number", "quote": "quote"}


def clip(text: str, limit: int = 48) -> str:
    """``text`` on one line, cut to ``limit`` characters at a word's end where one is near."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    if text[limit - 1] != " " and space >= limit * 2 // 3:  # "…much better than", not "…much bette"
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def distinct_texts(items: list[Item]) -> list[str]:
    return [text for text, _ in _distinct(items)]


def _distinct(items: list[Item]) -> list[tuple[str, Item]]:
    """Each different wording of ``items`` as a note shows it, with the first item giving it."""
    seen: dict[str, tuple[str, Item]] = {}
    # A borrowed year is worth saying only beside a year an article wrote.
    own_year = any(i.kind == "date" and i.hi > 0 and not i.extra.get("year_borrowed") for i in items)
    # ... and not when a dated article wrote the very same words ("the end of July" twice).
    written = {_shown(i).lower() for i in items if not i.extra.get("year_borrowed")}
    for item in items:
        shown = _shown(item)
        if own_year and item.extra.get("year_borrowed") and item.lo and shown.lower() not in written:
            # Say which year an undated article's month was read in.
            shown += f" (taken as {date.fromordinal(int(item.lo)).year} from the reports' dates)"
        seen.setdefault(shown.lower(), (shown, item))
    return list(seen.values())


def _by_value(items: list[Item]) -> list[str]:
    """The different wordings of ``items`` joined by "/" where they give one value:
    "10 / ten vs three", not "10 vs three vs ten", which reads as three figures."""
    runs: dict[tuple, list[str]] = {}
    for text, item in _distinct(items):
        # A date never placed on the calendar (an undated report's "Friday", "Nov. 3": day 0)
        # is one value with those that read the same ("friday", "--11-03"), not with every other.
        placed = item.kind != "date" or item.hi > 0
        runs.setdefault((item.lo, item.hi, item.approx) if placed else str(item.value).lower(), []).append(text)
    return [" / ".join(run) for run in runs.values()]


def _shown(item: Item) -> str:
    """An item's words as a note quotes them: trimmed, clipped, a sentence's capital dropped."""
    shown = item.text.strip().rstrip(" ,;:")
    if shown.endswith(".") and not shown.replace(" ", "").lower().endswith(("a.m.", "p.m.")):
        shown = shown.rstrip(".")
    shown = clip(shown, 40)
    if item.kind in ("number", "percent") and shown[:1].isupper():
        # "Five" at a sentence start reads "five"; a headline's "THREE" reads "three".
        shown = shown.lower() if shown.isupper() else shown[0].lower() + shown[1:]
    return shown


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


def quantity_subject(items: list[Item], status: str) -> str:
    """What an agreement or a lone value tells: the thing and the words given of it ("date:
    Sunday", "deaths: 10 / ten"); two facts with one subject are one fact (``draft.fold_repeats``)."""
    texts = distinct_texts(items)
    return f"{quantity_label(items)}: {' / '.join(texts) if status == FactStatus.AGREE else texts[0]}"


def quantity_note(items: list[Item], status: str, approximate: bool) -> str:
    label = quantity_label(items)
    texts = distinct_texts(items)
    if status == FactStatus.CONFLICT:
        return f"{label}: {' vs '.join(_by_value(items))}"
    if status == FactStatus.AGREE:
        # "about 25" twice is the same words, however loose each is.
        return (f"{quantity_subject(items, status)} "
                f"({'roughly the same' if approximate and len(texts) > 1 else 'same'})")
    return f"{quantity_subject(items, status)} (only in {items[0].article})"


def wording_difference(a: str, b: str, context: int = 3) -> tuple[str, str]:
    """The stretch where two wordings of a quote part, with a few words around.

    "This budget balances the books on the backs of children" and "... of our
    kids" give ("…backs of children", "…backs of our kids").
    """
    from difflib import SequenceMatcher
    wa, wb = a.split(), b.split()
    norm = lambda ws: [w.lower().strip(".,;:!?\"'“”‘’") for w in ws]  # noqa: E731
    ops = [op for op in SequenceMatcher(None, norm(wa), norm(wb), autojunk=False).get_opcodes()
           if op[0] != "equal"]
    # One outlet quoting more of the sentence (words only at the start or the
    # end of one side) is no difference of wording: show the first change inside.
    inner = [op for op in ops if not (op[0] in ("insert", "delete") and
                                      (op[1] == 0 and op[3] == 0 or op[2] == len(wa) and op[4] == len(wb)))]
    ops = inner or ops
    if not ops:
        return clip(a, 40), clip(b, 40)
    _, i1, i2, j1, j2 = ops[0]
    _, _, i2, _, j2 = ops[-1] if ops[-1][2] - i1 <= 12 and ops[-1][4] - j1 <= 12 else ops[0]

    def window(words, lo, hi):
        start, end = max(0, lo - context), min(len(words), hi + context)
        text = clip(" ".join(words[start:end]).strip(" ,"), 48)
        if end < len(words) and not text.endswith("…"):  # one ellipsis, not "bette……" or "14-0.…"
            text = text.rstrip(".,;:") + "…"
        return ("…" if start > 0 else "") + text
    return window(wa, i1, i2), window(wb, j1, j2)
