"""Distances to a named place, compared across whole articles.

"35 miles southwest of Bandar Abbas" and "36 miles south west of Bandar
Abbas" measure one thing whatever else the two sentences say: the place
they are measured from is the key.  Two articles often tell it in unaligned
sentences (one in the lead, one in a background paragraph), so neither the
aligned groups nor the verb of the sentence bring the two values together.

Values are compared only in the same unit: "1,500 kilometers" and "940
miles" are two outlets converting, each told in its own unit, and a
conversion's rounding is no disagreement.
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import FactStatus
from . import lexicon
from .draft import Draft
from .extract import Extraction
from .items import Item
from .notes import quantity_note, quantity_subject
from .values import cluster_status, relation

_UNITS = {"mile": "mile", "miles": "mile", "kilometer": "km", "kilometers": "km", "kilometre": "km",
          "kilometres": "km", "km": "km", "kms": "km"}
_POINT = r"(?:north|south|east|west)"
# After the value: its unit, a conversion in brackets, a direction, "of"/"from",
# and the capitalised name of the place ("of the port of Bandar Abbas" too).
_AFTER = re.compile(
    r"\s*\)?\s*(?P<unit>miles?|kilomet(?:er|re)s?|kms?)\b\.?\s*(?:\([^()]{0,40}\)\s*)?\)?\s*"
    rf"(?:{_POINT}(?:[- ]?{_POINT})?\s+)?(?:of|from)\s+"
    r"(?:the\s+(?:(?:port|city|town|village|capital|island)\s+of\s+)?)?"
    r"(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})")


def place_of(item: Item, text: str) -> Optional[tuple[str, str]]:
    """(place, unit) when the value is a distance from a named place, else None."""
    if item.kind != "number":
        return None
    m = _AFTER.match(text, item.end, min(len(text), item.end + 120))
    if not m:
        return None
    return m.group("place").lower(), _UNITS[m.group("unit").lower()]


_WORD = re.compile(r"[a-z][a-z'’-]+")
_NOT_WHAT = {"mile", "miles", "kilometer", "kilometers", "kilometre", "kilometres", "km", "north", "south",
             "east", "west", "northeast", "northwest", "southeast", "southwest", "about", "some", "nearly",
             "said", "says", "located", "lies", "away", "city", "town", "port", "capital"}


def _what_words(ext: Extraction, item: Item) -> set[str]:
    passage = next((p for p in ext.article.passages if p.id == item.passage), None)
    if passage is None:
        return set()
    text = ext.article.text[passage.start:passage.end]
    names = {w.lower() for w in re.findall(r"[A-Z][\w’'-]*", text[item.end - passage.start:][:80])}
    stop = lexicon.stopwords()
    return {lexicon.singular(w)[:6] for w in _WORD.findall(text.lower())
            if w not in stop and w not in _NOT_WHAT and w not in names and len(w) > 2}


def _about_one_thing(extractions: dict[str, Extraction]):
    """Two distances from one place are of one thing when their sentences share a
    word besides the place and the measure ("the quake was 35 miles southwest of
    Bandar Abbas" / "the epicentre of the quake at ... 36 miles"): "the building,
    15 miles north of Detroit" and "a motorist 50 miles north of Detroit" are two."""
    def check(a: Item, b: Item) -> bool:
        return bool(_what_words(extractions[a.article], a) & _what_words(extractions[b.article], b))
    return check


def _linked_by_place(extractions: dict[str, Extraction], per_key: dict) -> "callable":
    """Which distances from one place are of one thing: those whose sentences share
    a word, directly or through another article's distance from that place in the
    other unit ("about 940 miles south of Tehran" said of "the island", "1,500
    kilometers south of Tehran" of "Qeshm, a ... island", "Qeshm, located 1,150
    kilometers (700 miles) southeast of Tehran").  Returns item -> its component."""
    about = _about_one_thing(extractions)
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_place: dict[str, list[Item]] = {}
    for (place, _), per in per_key.items():
        by_place.setdefault(place, []).extend(i for lst in per.values() for i in lst)
    for items in by_place.values():
        for n, a in enumerate(items):
            for b in items[n + 1:]:
                if a.article != b.article and about(a, b):
                    parent[find(id(a))] = find(id(b))
    return lambda item: find(id(item))


def _span(m) -> tuple:
    return (m.article, m.start, m.end)


def distance_facts(extractions: dict[str, Extraction], used: set[int], group_of,
                   drafts_so_far: list[Draft]) -> list[Draft]:
    """New drafts for distances from one place; an agreement found earlier
    between some of the articles is dropped from ``drafts_so_far`` when the
    distance turns out to conflict with a third article (one fact, told once)."""
    in_conflict = {_span(m) for d in drafts_so_far if d.status == FactStatus.CONFLICT for m in d.mentions}
    per_key: dict[tuple[str, str], dict[str, list[Item]]] = {}
    for aid, ext in extractions.items():
        for item in ext.quantities:
            if not item.passage or item.in_quote or (item.article, item.start, item.end) in in_conflict:
                continue  # told already as a conflict, or the speaker's own words
            key = place_of(item, ext.article.text)
            if key:
                per_key.setdefault(key, {}).setdefault(aid, []).append(item)
    linked = _linked_by_place(extractions, per_key)
    drafts = []
    for per in per_key.values():
        if len(per) < 2:
            continue
        cluster = []
        for aid, items in per.items():
            # An article giving two distances from one place (the epicentre, the
            # island; the island and last February's quake) says which is which
            # only in words: keep those its words tie to another article's
            # distance from there, or leave it out.
            if len(items) > 1:
                others = {linked(i) for other, lst in per.items() if other != aid for i in lst}
                items = [i for i in items if linked(i) in others] or items
            if all(relation(items[0], other) in ("same", "compatible") for other in items[1:]):
                cluster.append(items[0])
        if len(cluster) < 2:
            continue
        status, approx = cluster_status(cluster, lambda a, b: linked(a) == linked(b))
        if status != FactStatus.CONFLICT and any(id(i) in used for i in cluster):
            continue  # an agreement already told
        if status is None:
            continue
        if status == FactStatus.CONFLICT:
            spans = {(i.article, i.start, i.end) for i in cluster}
            drafts_so_far[:] = [d for d in drafts_so_far if d.status != FactStatus.AGREE
                                or not {_span(m) for m in d.mentions} <= spans]
        for item in cluster:
            used.add(id(item))
        drafts.append(Draft(cluster[0].kind, status, quantity_note(cluster, status, approx),
                            [i.mention() for i in cluster], group_of([i.passage for i in cluster]),
                            approx, origin="distance", subject=quantity_subject(cluster, status)))
    return drafts
