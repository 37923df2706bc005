"""Spellings that are the same word: typography, accents, conventions.

``fold("Vendôme") == fold("Vendome")``, ``fold("Theatre") == fold("Theater")``,
``fold("realised") == fold("realized")``, ``fold("neighbourhood") ==
fold("neighborhood")``, ``fold("AMD’s") == fold("AMD's")``.  A person's name
spelt differently (Zohran/Zahran, Bettie/Betty) does not fold together: only
accents, case, apostrophes, hyphens and British/American endings are
undone.  Used wherever two wordings are told apart (names, quotes), so a
house style is never shown as a conflict.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-"})
_ENDINGS = (  # British -> American, longest first; applied once at the end of a word
    ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("ise", "ize"),
    ("yse", "yze"), ("ysed", "yzed"), ("ogue", "og"), ("tre", "ter"), ("tres", "ters"),
    ("elled", "eled"), ("elling", "eling"), ("ence", "ense"),
)
_OUR = re.compile(r"our(?=(?:s|ed|ing|hood|ite|ites|able|ful)?$)")
# -re words too short for the endings above, or whose -bre the endings leave alone (timbre and
# timber are two words, so no ending rule): fibre/fiber, metre/meter.
_SHORT_RE = {gb + tail: us + tail for gb, us in (
    ("fibre", "fiber"), ("sabre", "saber"), ("calibre", "caliber"), ("sombre", "somber"),
    ("metre", "meter"), ("litre", "liter"), ("mitre", "miter"), ("meagre", "meager"))
    for tail in ("", "s")}
_SHORT_OUR = {"our", "ours", "four", "hour", "hours", "tour", "tours", "pour", "sour", "your", "yours",
              "flour", "dour", "detour", "contour", "fours"}


@lru_cache(maxsize=8192)
def fold_word(word: str) -> str:
    w = unicodedata.normalize("NFKD", word.translate(_APOSTROPHES))
    w = "".join(c for c in w if not unicodedata.combining(c)).lower().replace("-", "").replace(".", "")
    if len(w) > 4:
        for gb, us in _ENDINGS:
            if w.endswith(gb) and len(w) - len(gb) >= 3:
                w = w[: -len(gb)] + us
                break
    # colour/color, but never in a name: Okafor and Okafour are two spellings of a person.
    if word[:1].islower() and w not in _SHORT_OUR and len(w) > 5:
        w = _OUR.sub("or", w)
    if word[:1].islower():  # never a name: Petre and Peter, Fabre and Faber are two people
        w = _SHORT_RE.get(w, w)
    return w


# "U. S." and "J. R. R.": initials spaced out are one word, as "U.S." is.
_SPACED_INITIAL = re.compile(r"\b([A-Z])\.\s+(?=[A-Z]\.)")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def fold(text: str) -> str:
    """A wording reduced to what a house style cannot change."""
    text = _SPACED_INITIAL.sub(r"\1.", text)
    tokens = re.findall(r"[\w'’.-]+", text)
    words = [fold_word(t) for t in tokens]
    # Middle initials ("Robert J. Pickell", "Robert J. K. Pickell", first name "Robert J")
    # are a style choice too.
    if len(words) > 1:
        words = [words[0]] + [w for t, w in zip(tokens[1:], words[1:])
                              if len(w) > 1 and not _INITIALS.fullmatch(t)]
    return " ".join(w for w in words if w)


def same_spelling(a: str, b: str) -> bool:
    """Whether two wordings differ only in style ("Latter-day"/"Latter Day" too)."""
    return fold(a).replace(" ", "") == fold(b).replace(" ", "")
