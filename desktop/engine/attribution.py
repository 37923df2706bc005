"""Who told it, taken out of a sentence before it is compared for what it tells.

"The fire started on Tuesday, fire chief John Smith said" and "The fire
started on Wednesday, according to Mayor Ellen Jones" tell one point with two
sources; "Twelve people were hurt, police said" and "The road was closed,
police said" tell two points with one.  The words of the attribution (the
source, its title, the speech verb, "in a statement") say nothing of the
point, so the sentence vectors leave them out.  The sentence's own text, its
names and its quotes are kept everywhere else.

``without_attribution(text)`` returns the sentence with the attribution
blanked (same length, so offsets hold); a sentence that is nothing but an
attribution ("Fanning said.") is returned whole.
"""
from __future__ import annotations

import re
from functools import lru_cache

_VERBS = (r"said|says|say|told|tells|added|adds|reported|reports|stated|states|announced|explained|noted|"
          r"wrote|writes|insisted|confirmed|claimed|declared|warned|stressed|recalled|replied|"
          r"responded|testified|tweeted|acknowledged|admitted|commented|cautioned|argued|emphasized")
# A source: up to eight words (names, titles, "the state news agency"), no clause break inside.
_SOURCE = r"(?:[^\s,;:!?“”\"]+\s+){0,8}?[^\s,;:!?“”\"]+"
# What may follow the verb in a closing attribution: its day, its channel or audience.
_AFTER_VERB = r"(?:\s+[^,;:!?“”\"]{0,70}?)?"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    closing = re.compile(  # "…, fire chief John Smith said Tuesday." / "…,” he told reporters."
        rf"(?:[,;]|[”\"’'])\s*{_SOURCE}\s+(?:{_VERBS})\b{_AFTER_VERB}\s*[.!?]?\s*$", re.IGNORECASE)
    said_first = re.compile(  # "…, said Lt. Gregg Hastings of the Oregon State Police."
        rf"(?:[,;]|[”\"’'])\s*(?:{_VERBS})\s+[^,;:!?“”\"]{{1,90}}?\s*[.!?]?\s*$", re.IGNORECASE)
    according = re.compile(  # "…, according to the Bristol district attorney's office."
        r"(?:,\s*)?according\s+to\s+[^,;:!?“”\"]{1,90}?(?:[.!?]\s*$|(?=,))", re.IGNORECASE)
    opening = re.compile(  # "Police said the fire started …" / "Fire chief John Smith said that …"
        rf"^\s*{_SOURCE}\s+(?:{_VERBS})(?:\s+(?:on\s+)?\w+day)?\s+(?:that\s+)?(?=[a-z“\"‘'])")
    return closing, said_first, according, opening


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def without_attribution(text: str) -> str:
    """``text`` with its attribution blanked out (see the module docstring)."""
    out = text
    for pattern in _patterns():
        m = pattern.search(out)
        if m is None:
            continue
        trial = _blank(out, m.start(), m.end())
        if sum(c.isalpha() for c in trial) < 12:
            continue  # nothing left but the attribution: keep the sentence
        out = trial
    return out
