"""A trial sentence scorer through the scorer seam: the lexical features plus
whether two sentences tell one happening by the same verb.  Measured, not
shipped unless docs/real-news.md says so:

    .venv/bin/python benchmarks/real_news.py --trial verbs

The pairs read wrong among those shown are mostly two points of one story in
one row: the shooting and the charge, the arrest and the hearing.  Such
sentences share their names but not what happened ("opened fire … killing" /
"has been charged with murder").  With no tagger in the app, a verb is read
by form: an irregular form the facts stage lists, or a word ending in -ed or
-ing that is not a name; speech verbs and auxiliaries are left out (every
report "said").  ``verbs_apart`` is 1 when both sentences have such verbs and
share none (by stem); ``verbs_shared`` is 1 when they share one.
"""
from __future__ import annotations

import re
from functools import lru_cache

from desktop.engine.facts.lexicon import irregular_verbs, speech_verbs
from desktop.engine.features import _stem

NAME = "lexical+verbs"

_WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)*")
_NOT_VERBS = frozenset({
    "be", "have", "do", "get", "go", "according", "including", "following", "during",
    "morning", "evening", "building", "wedding", "ceiling", "meeting", "hearing",
    "nothing", "something", "anything", "everything", "thing", "bring", "ring", "king",
    "spring", "string", "sing", "wing", "during", "speed", "need", "feed", "seed", "bed",
    "red", "shed", "hundred", "indeed", "united", "limited", "related", "based",
    "reported", "reportedly", "alleged", "allegedly", "expected", "so-called",
})


@lru_cache(maxsize=100_000)
def verbs(text: str) -> frozenset[str]:
    """Stems of the words of ``text`` that read as verbs of what happened."""
    irregular = irregular_verbs()
    speech = speech_verbs()
    out = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if word[0].isupper() and match.start() > 0:
            continue  # a name, or a title's word
        low = word.lower()
        if low in speech or low in _NOT_VERBS:
            continue
        lemma = irregular.get(low)
        if lemma is None and (low.endswith("ed") and len(low) > 4
                              or low.endswith("ing") and len(low) > 5):
            lemma = low
        if lemma and lemma not in _NOT_VERBS:
            out.add(_stem(lemma))
    return frozenset(out)


def extra(left, right, i: int, j: int) -> tuple[float, ...]:
    a, b = verbs(left.texts[i]), verbs(right.texts[j])
    both = bool(a) and bool(b)
    shared = bool(a & b)
    return (float(both and not shared), float(shared))
