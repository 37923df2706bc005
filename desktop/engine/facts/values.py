"""Whether two extracted values say the same thing.

``relation(a, b)`` answers ``"same"`` (equal values), ``"compatible"``
(hedged values whose ranges meet: "about 50" and "more than 40"),
``"conflict"`` (ranges apart) or ``None`` (the two cannot be compared, e.g. a
weekday and a bare year).
"""
from __future__ import annotations

from typing import Optional

from ..model import FactStatus
from .items import Item

_TOLERANCE = 1e-9


def _intervals(a: Item, b: Item) -> str:
    if abs(a.lo - b.lo) <= _TOLERANCE * max(1.0, abs(a.lo)) and \
            abs(a.hi - b.hi) <= _TOLERANCE * max(1.0, abs(a.hi)) and not a.approx and not b.approx:
        return "same"
    if a.lo <= b.hi + _TOLERANCE and b.lo <= a.hi + _TOLERANCE:
        if a.exact and b.exact:
            return "same"
        if a.lo == b.lo and a.hi == b.hi and a.approx == b.approx:
            return "same" if not a.approx else "compatible"
        return "compatible"
    return "conflict"


def date_class(item: Item) -> str:
    precision = item.extra.get("precision")
    return "day" if precision == "day" else precision or "day"


def _overnight(a: Item, b: Item) -> bool:
    """One night told from either side of midnight: "Friday night" / "early Saturday"."""
    wa, wb = a.extra.get("weekday"), b.extra.get("weekday")
    if wa is None or wb is None:
        return False
    return (a.extra.get("night") and b.extra.get("early") and wb == (wa + 1) % 7) or \
        (b.extra.get("night") and a.extra.get("early") and wa == (wb + 1) % 7)


def _dates(a: Item, b: Item) -> Optional[str]:
    if _overnight(a, b):
        return "compatible"
    resolved_a = a.hi > 0
    resolved_b = b.hi > 0
    wa, wb = a.extra.get("weekday"), b.extra.get("weekday")
    if (a.extra.get("week_guessed") or b.extra.get("week_guessed")) and wa is not None and wb is not None:
        return "same" if wa == wb else "conflict"  # only the weekday was told, not its week
    if resolved_a and resolved_b:
        return _intervals(a, b)
    wa, wb = a.extra.get("weekday"), b.extra.get("weekday")
    if wa is not None and wb is not None:
        return "same" if wa == wb else "conflict"
    mda, mdb = a.extra.get("md"), b.extra.get("md")
    if mda and (mdb or resolved_b):
        other = mdb or _md_of(b)
        return "same" if mda == other else "conflict"
    if mdb and resolved_a:
        return "same" if mdb == _md_of(a) else "conflict"
    return None


def _md_of(item: Item) -> Optional[tuple[int, int]]:
    from datetime import date
    if item.lo != item.hi or item.hi <= 0:
        return None
    d = date.fromordinal(int(item.lo))
    return d.month, d.day


def relation(a: Item, b: Item) -> Optional[str]:
    if a.kind != b.kind:
        return None
    if a.kind == "date":
        if a.extra.get("year_borrowed") and b.extra.get("year_borrowed"):
            # Both years borrowed from the comparison: compared as written,
            # day of the month against day of the month ("November 3" /
            # "November 4"), nothing vaguer.
            if date_class(a) == date_class(b) == "day":
                return "same" if _md_of(a) == _md_of(b) else "conflict"
            return None
        if date_class(a) != date_class(b):
            # A day against a vaguer stretch ("November 2, 2024" / "early November
            # 2025"): by containment, when both are placed in time.
            if a.hi > 0 and b.hi > 0 and "day" in (date_class(a), date_class(b)):
                return "compatible" if a.lo <= b.hi and b.lo <= a.hi else "conflict"
            return None
        return _dates(a, b)
    if a.kind == "money" and a.value.get("currency") != b.value.get("currency"):
        return None
    found = _intervals(a, b)
    if found == "compatible" and _far_apart(a, b):
        # "as many as 20" / "as many as 20,000", "more than three years" / "485 years":
        # the hedges overlap, but figures this far apart are two different things.
        return None
    return found


# Two stated figures more than this many times apart are not one figure hedged.
_FAR_APART = 3.0


def _far_apart(a: Item, b: Item) -> bool:
    def figure(item: Item) -> Optional[float]:
        value = item.value.get("amount") if isinstance(item.value, dict) else item.value
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    x, y = figure(a), figure(b)
    if x is None or y is None or x <= 0 or y <= 0:
        return False
    return max(x, y) / min(x, y) > _FAR_APART


def compared_items(items: list[Item]) -> list[Item]:
    """The items that some other article's item can be compared with.

    "More than three years" (of delays) beside two reports' "485 years" (of
    the sentence) compares with neither (figures that far apart are two
    things); kept in, it would be shown agreeing with them.
    """
    return [a for a in items
            if any(b.article != a.article and relation(a, b) is not None for b in items)]


def cluster_status(items: list[Item], comparable=None) -> tuple[Optional[FactStatus], bool]:
    """(conflict | agree | None, approximate) over every pair from different articles.

    ``comparable(a, b)`` says whether two disagreeing values measure the same
    thing; when some disagreeing pair does not and none that does disagrees,
    the cluster is no fact at all (neither a conflict nor an agreement).
    """
    conflict = False
    unrelated = False
    approx = any(i.approx for i in items)
    compared = False
    for n, a in enumerate(items):
        for b in items[n + 1:]:
            if a.article == b.article:
                continue
            rel = relation(a, b)
            if rel is None:
                continue
            if rel == "conflict" and comparable is not None and not comparable(a, b):
                unrelated = True
                continue
            compared = True
            if rel == "conflict":
                conflict = True
            elif rel == "compatible":
                approx = True
    if not compared or (unrelated and not conflict):
        return None, False
    return (FactStatus.CONFLICT if conflict else FactStatus.AGREE), approx
