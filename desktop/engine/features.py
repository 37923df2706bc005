"""Sentence vectors for alignment: stemmed content words weighted by rarity.

Weights are TF-IDF over all sentences in one comparison, so words every
article repeats (the protagonists' names) count for little and the specific
details (numbers, places, rare verbs) count for much.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer

from .resources import resource_path, word_list

_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*", re.UNICODE)
# Numbers written as words, as digits (also read by the event model's counted things).
NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "dozen": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16",
    "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30",
    "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
    "hundred": "100", "thousand": "1000", "million": "1000000",
}
_STEMMER = SnowballStemmer("english")

Vector = dict[str, float]
_WEIGHTS: dict[str, float] = {}


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return word_list("stopwords.txt")


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    """Word -> stem of the first word of its synonym cluster (shipped list)."""
    table: dict[str, str] = {}
    for line in word_list("lexicon", "news_synonyms.txt"):
        words = line.split()
        head = _STEMMER.stem(words[0])
        for word in words:
            # Word forms only: keying by stem would catch unrelated words
            # ("even" the adverb is the stem of "evening").
            table.setdefault(word, head)
    return table


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    synonyms = _synonyms()
    if word in synonyms:
        return synonyms[word]
    return _STEMMER.stem(word)


# The Zipf value (log10 of uses per billion words) of a term the frequency table lacks:
# as rare as the rarest it lists (about 1.0); digits are never listed.
RARE_ZIPF = 1.0
_COMMONEST_ZIPF = 7.0  # "the" is 7.7, "said" 6.0


@lru_cache(maxsize=1)
def _zipf() -> dict[str, float]:
    table: dict[str, float] = {}
    for line in resource_path("lexicon", "word_frequencies.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            stem, _, value = line.partition("\t")
            table[stem] = float(value)
    return table


def rarity(term: str) -> float:
    """How specific a term is in English at large, whatever this comparison holds: 0 for
    the commonest words, about 3 for "evacuees" and under 1 for "people" (which a story of
    two reports may repeat as often), 6 for a number or a term the frequency table lacks."""
    return max(0.0, _COMMONEST_ZIPF - _zipf().get(term.lstrip(ENTITY_MARK), RARE_ZIPF))


def word_rarity(word: str) -> float:
    """:func:`rarity` of a word as written ("miracle" about 2.9, "minute" 1.7)."""
    return rarity(_stem(word.lower()))


def rare_weighted(vec: Vector) -> Vector:
    """``vec`` with each weight multiplied by its term's :func:`rarity`, normalised again."""
    return normalise({t: w * rarity(t) for t, w in vec.items()})


ENTITY_MARK = "@"
ENTITY_WEIGHT = 0.5


def content_terms(sentence: str) -> list[str]:
    """Stemmed content words of a sentence; numbers in words become digits.

    Capitalised words inside the sentence (names, places, titles) are marked
    with ``@``: they weigh less, because articles about other events in the
    same town share them (the mayor, the high school) without telling the
    same thing.
    """
    return [term for term, _ in cased_content_terms(sentence)]


def cased_content_terms(sentence: str) -> list[tuple[str, bool]]:
    """Each content term with whether it was written with a capital, first word included."""
    stop = _stopwords()
    terms = []
    for n, match in enumerate(_WORD.finditer(sentence)):
        raw = match.group()
        capital = raw[0].isupper()
        word = raw.lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        word = word.replace(",", "")
        if word in stop or not word:
            continue
        term = NUMBER_WORDS.get(word) or _stem(word)
        entity = capital and n > 0 and not term.isdigit()
        terms.append((ENTITY_MARK + term if entity else term, capital))
    return terms


_CLAUSE_BREAK = re.compile(r"[,;:—–‘’“”\"()]")


def clause_term_lists(sentence: str) -> list[list[str]]:
    """Content terms of each clause (split at commas, dashes, quote marks) with 3+ terms.

    A sentence often retells only part of another ("Trump told Mamdani, 'I think
    you're going to surprise some conservative people', and complimented him"),
    so a clause can match where the whole sentence is diluted.
    """
    clauses = (content_terms(part) for part in _CLAUSE_BREAK.split(sentence))
    return [terms for terms in clauses if len(terms) >= 3]


def tfidf_vectors(term_lists: list[list[str]]) -> list[Vector]:
    """L2-normalised TF-IDF vectors, one per term list (sentence)."""
    df: Counter[str] = Counter()
    for terms in term_lists:
        df.update(set(terms))
    n = len(term_lists)
    idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
    vectors = []
    for terms in term_lists:
        counts = Counter(terms)
        vec = {t: (1.0 + math.log(c)) * idf[t] * _WEIGHTS.get(t[0], 1.0) for t, c in counts.items()}
        vectors.append(normalise(vec))
    return vectors


def normalise(vec: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in vec.values()))
    return {t: w / norm for t, w in vec.items()} if norm else {}


def combine(a: Vector, b: Vector) -> Vector:
    """Vector of two sentences read as one (for splits and merges)."""
    out = dict(a)
    for t, w in b.items():
        out[t] = out.get(t, 0.0) + w
    return normalise(out)


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


_WEIGHTS.update({ENTITY_MARK: ENTITY_WEIGHT})
