"""Word lists of the facts stage, read once from ``resources/facts``.

Every list is plain text written for Parallax; ``phrase|value`` lines become
dictionaries.  All lookups are lower-case unless the name says otherwise.
"""
from __future__ import annotations

from functools import lru_cache

from ..resources import word_list


def _pairs(name: str) -> dict[str, str]:
    result = {}
    for line in word_list("facts", name):
        key, _, value = line.partition("|")
        result[key.strip().lower()] = value.strip().lower()
    return result


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Title phrase (lower case) -> normalised role."""
    return _pairs("titles.txt")


@lru_cache(maxsize=1)
def first_name_pronouns() -> dict[str, str]:
    """Given name (lower case) -> "he" or "she", where the name says it clearly (first_names.txt)."""
    return _pairs("first_names.txt")


@lru_cache(maxsize=1)
def offices() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("facts", "offices.txt"))


@lru_cache(maxsize=1)
def compatible_roles() -> frozenset[frozenset[str]]:
    pairs = []
    for line in word_list("facts", "compatible_roles.txt"):
        a, _, b = line.partition("|")
        pairs.append(frozenset((a.strip().lower(), b.strip().lower())))
    return frozenset(pairs)


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    return word_list("facts", "org_words.txt")


@lru_cache(maxsize=1)
def place_lead_words() -> frozenset[str]:
    return word_list("facts", "place_lead_words.txt")


@lru_cache(maxsize=1)
def lone_org_words() -> frozenset[str]:
    return word_list("facts", "lone_org_words.txt")


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    return word_list("facts", "place_words.txt")


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Countries, regions and well-known places (places.txt) and the world's cities (cities.txt)."""
    return word_list("facts", "places.txt") | word_list("facts", "cities.txt")


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("facts", "person_nouns.txt"))


@lru_cache(maxsize=1)
def generic_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("facts", "generic_nouns.txt"))


@lru_cache(maxsize=1)
def events() -> dict[str, str]:
    return _pairs("events.txt")


@lru_cache(maxsize=1)
def synonym_clusters() -> dict[str, int]:
    """Word -> the number of its cluster in the shared news synonyms (the
    aligner's list): "begin" and "start", "rise" and "raise" are one; then
    the facts' own additions (``facts/same_meaning.txt``), a line joining the
    cluster of a word it shares with one already read."""
    table: dict[str, int] = {}
    lines = list(word_list("lexicon", "news_synonyms.txt")) + list(word_list("facts", "same_meaning.txt"))
    for n, line in enumerate(lines):
        words = [w.lower() for w in line.split()]
        cluster = next((table[w] for w in words if w in table), n)
        for word in words:
            table.setdefault(word, cluster)
    return table


@lru_cache(maxsize=1)
def counted_as_one() -> dict[str, int]:
    """Word -> its line in the facts' own list (``facts/same_meaning.txt``) only:
    nouns whose counts are one figure ("teaching positions" / "teachers").  The
    aligner's news synonyms are too loose for a count ("crews" are teams of
    "firefighters", so eight crews and dozens of firefighters agree)."""
    table: dict[str, int] = {}
    for n, line in enumerate(word_list("facts", "same_meaning.txt")):
        for word in line.lower().split():
            table.setdefault(word, n)
    return table


@lru_cache(maxsize=1)
def irregular_verbs() -> dict[str, str]:
    """Irregular verb form -> the verb ("fell" -> "fall")."""
    return _pairs("verbs.txt")


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("facts", "speech_verbs.txt"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("stopwords.txt"))


_IRREGULAR = {"people": "people", "persons": "person", "men": "man", "women": "woman",
              "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse",
              "police": "police", "staff": "staff", "personnel": "personnel", "crew": "crew",
              "data": "data", "news": "news", "series": "series", "species": "species"}


@lru_cache(maxsize=4096)
def singular(word: str) -> str:
    """A noun's singular form, by rule (no dictionary): ``officers`` -> ``officer``."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def looks_plural(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR:
        return True
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is"))


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    return word_list("facts", "not_name_words.txt")
