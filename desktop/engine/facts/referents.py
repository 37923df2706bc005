"""What a value measures, read from the clause around it.

Two values of one kind conflict only when they measure the same thing.  A
shared noun is not enough on real news ("11 seasons" with Philadelphia
against "15 seasons" in the NBA; "sentenced Tuesday" against "convicted
Thursday"), so each value carries an :class:`Anchor` read from its clause
(the stretch of its sentence between commas, semicolons, colons, dashes and
brackets):

- ``near``: the closest content words before it (three) and after it
  (three, after the counted noun): the verb or noun it hangs on;
- ``names``: capitalised names among those near words (whose points);
- ``reporting``: the value dates or times the report itself ("officials said
  Saturday", "announced today"), not the happening.

:func:`same_referent` decides whether two values can be one fact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from . import lexicon

_CLAUSE_STOPS = ",;:—–\n"  # brackets stay inside: "58km (36 miles) south-west of ..."
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,.:]*")
_SKIP = {"on", "at", "in", "late", "early", "last", "this", "next", "since", "by", "until", "from",
         "of", "the", "a", "an", "about", "around", "some", "nearly", "almost", "more", "than",
         "over", "under", "least", "just", "approximately", "roughly", "estimated", "p.m.", "a.m.",
         "pm", "am", "night", "morning", "evening", "afternoon", "day", "week", "weekend",
         "ago", "before", "after", "earlier", "later", "year", "month", "minus", "only", "up", "to"}
_GENERIC = {"said", "say", "says", "told", "people", "time", "year", "day", "report", "percent",
            "million", "billion", "thousand", "hundred", "total", "first", "last", "other", "new",
            "more", "least", "also", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten"}
_REPORTING = {"said", "says", "say", "told", "announced", "confirmed", "reported", "stated", "added",
              "statement", "released", "according", "tweeted", "posted", "wrote", "explained",
              "noted", "revealed", "disclosed", "declared", "insisted", "acknowledged", "testified"}
_NOT_NAMES = {"the", "a", "an", "in", "on", "at", "he", "she", "it", "they", "we", "i", "but", "and",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "mr", "mrs", "ms", "dr", "jan", "feb", "aug", "sept",
              "oct", "nov", "dec"}


@dataclass(frozen=True)
class Anchor:
    near: frozenset[str]
    names: frozenset[str]
    reporting: bool


_REACH = 3  # content words read on each side of a value


def _stem(word: str) -> str:
    return lexicon.singular(word.lower().strip(".'’").replace("-", ""))[:5]


def _clause(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    left = start
    while left > lo and text[left - 1] not in _CLAUSE_STOPS:
        left -= 1
    right = end
    while right < hi and text[right] not in _CLAUSE_STOPS:
        right += 1
    return left, right


def _content(tokens: list[str], stop: frozenset[str]) -> list[str]:
    return [t for t in tokens if t[0].isalpha() and t.lower() not in stop
            and t.lower() not in _SKIP and len(t) > 1]


def anchor_of(text: str, start: int, end: int, lo: int, hi: int, noun: str = "",
              kind: str = "number") -> Anchor:
    """The anchor of the value at ``text[start:end]`` inside the sentence ``text[lo:hi]``."""
    stop = lexicon.stopwords()
    c_lo, c_hi = _clause(text, start, end, lo, hi)
    before = _TOKEN.findall(text[c_lo:start])
    after_start = end
    if noun:
        at = text.find(noun, end, min(c_hi, end + len(noun) + 30))
        if at >= 0:
            after_start = at + len(noun)
    after = _TOKEN.findall(text[after_start:c_hi])
    near_before = _content(before, stop)[-_REACH:]
    near_after = _content(after, stop)[:_REACH]
    near = frozenset(_stem(w) for w in near_before + near_after) - {_stem(g) for g in _GENERIC}
    # Reporting: a speech verb right before ("said Saturday", "announced today")
    # or right after ("Saturday said"), skipping only date words.
    reporting = False
    if kind in ("date", "time"):
        closest_before = [t.lower() for t in before if t.lower() not in _SKIP][-1:]
        closest_after = [t.lower() for t in _TOKEN.findall(text[end:c_hi]) if t.lower() not in _SKIP][:1]
        speech = lexicon.speech_verbs() | _REPORTING
        reporting = bool(set(closest_before) & speech) or bool(set(closest_after) & speech)
    # Names beside the value say whose it is ("Hansbrough finished with 20 points").
    names = frozenset(w.rstrip(".").lower() for w in near_before + near_after
                      if w[:1].isupper() and len(w) > 1 and not w.isupper()
                      and w.rstrip(".").lower() not in _NOT_NAMES) - _sentence_start(text, lo)
    return Anchor(near, names, reporting)


def _sentence_start(text: str, lo: int) -> frozenset[str]:
    """The sentence's first word, capitalised only because it starts the sentence."""
    first = _TOKEN.match(text, lo)
    return frozenset({first.group().lower()}) if first else frozenset()


def same_referent(a: Optional[Anchor], b: Optional[Anchor], similar: bool = False,
                  need: int = 1, keyed: bool = False) -> bool:
    """Can two values be one fact?

    ``similar``: the two sentences are near copies (one edited from the
    other); ``need``: how many near words they must share otherwise (more
    when no aligned group ties the two sentences); ``keyed``: the values
    already share what happened to whom ("workers injured"), so only the
    names beside them are checked.
    """
    if a is None or b is None:
        return True
    if a.reporting or b.reporting:
        return False  # when a report was made is no fact of the story
    if similar:
        return True
    if a.names and b.names and not (a.names & b.names):
        return False  # Hansbrough's points against Ginyard's
    if keyed:
        return True
    return len(a.near & b.near) >= need
