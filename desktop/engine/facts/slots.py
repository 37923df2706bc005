"""Where a value sits in its sentence, and whether two values sit in one slot.

Two articles that tell one thing often share most of a sentence and differ
in the value ("The 6.1-magnitude quake struck Qeshm" / "The 5.9-magnitude
quake struck Qeshm").  Aligning the two sentences word by word (a diff)
shows whether two values stand opposite each other, in a sentence that is
otherwise the same: then they are two values of one thing, whatever noun
follows them or not.

Also read here, from the words around a value (its clause):

- ``frame``: the content words next to it (the verb or noun it hangs on:
  "died Thursday", "served five months in prison");
- ``reporting``: a date or time of the report itself ("officials said
  Saturday"), never a fact of the story.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Optional

from . import lexicon

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*|\d+(?:[.,:]\d+)*")
_CLAUSE_STOPS = ",;:—–\n\"“”"  # brackets stay inside: "announced today (14 October 2011)"
# Words that hedge, place or connect a value: no part of what it measures.
_LIGHT = {"on", "at", "in", "late", "early", "last", "this", "next", "since", "by", "until", "from",
          "of", "the", "a", "an", "about", "around", "some", "nearly", "almost", "more", "than",
          "over", "under", "least", "just", "approximately", "roughly", "estimated", "p", "m", "am",
          "pm", "ago", "before", "after", "earlier", "later", "only", "up", "to", "for", "with",
          "and", "or", "was", "were", "is", "are", "had", "has", "have", "been", "be", "its", "their",
          "his", "her", "s", "it", "that", "which", "who", "as", "total", "another", "further",
          "then", "still", "also", "all", "those", "these", "there", "other", "morning", "evening",
          "night", "afternoon", "day", "days", "week", "weeks", "year", "years", "month", "months"}
_REPORTING = {"said", "says", "say", "told", "tells", "announced", "announces", "confirmed", "confirms",
              "reported", "reports", "stated", "added", "statement", "released", "according", "tweeted",
              "posted", "wrote", "explained", "noted", "revealed", "disclosed", "declared", "insisted",
              "acknowledged", "testified", "report", "reporting", "news", "conference", "briefing"}


@dataclass(frozen=True)
class Slot:
    """A value's place in its sentence (token indices) and the words about it."""

    tokens: tuple[str, ...]       # the sentence's words, lower case
    first: int                    # the value's tokens: [first, last)
    last: int
    frame: frozenset[str]         # stems of content words close by in its clause
    reporting: bool               # a date or time of the report itself
    verbs: frozenset[str] = frozenset()  # the verb it hangs on, each side, in its clause
    bare: bool = False            # the sentence says nothing but values (a dateline, a time stamp)
    verb: Optional[str] = None    # its own verb: the closest before it, else after it
    subject: Optional[str] = None  # the name just before its own verb ("Vaughn finished with 16")
    capitals: frozenset[int] = frozenset()  # tokens written with a capital inside the sentence (names)
    ahead: bool = False           # its own verb is told ahead ("will miss"), not done
    named: frozenset[str] = frozenset()  # words written as names between its own verb and it


# Words ending like verbs that are not verbs (or say nothing of what happened).
_NOT_VERBS = {"hundred", "red", "bed", "need", "speed", "seed", "feed", "breed", "weed", "creed",
              "shed", "sled", "led", "morning", "evening", "during", "nothing", "something",
              "anything", "everything", "building", "spring", "thing", "king", "ring", "string",
              "wing", "ceiling", "according", "including", "following", "meeting", "ruling",
              "hearing", "funding", "earnings", "wedding", "sibling", "shooting", "bombing",
              "landing", "beijing", "reading", "sterling", "darling", "pudding", "clothing",
              "headquartered", "unprecedented", "sacred", "kindred", "naked", "wicked", "rugged",
              "beloved", "aged"}
_AUXILIARIES = {"be", "have", "hav", "do", "will", "would", "shall", "should", "can", "could", "may",
                "might", "must", "get"}
_SUBORDINATORS = {"when", "after", "before", "while", "because", "since", "until", "where", "who",
                  "which", "whose", "whom", "that", "if", "though", "although", "as", "and", "but"}
_SPEECH_FORMS = {"said", "says", "say", "saying", "told", "tells", "telling", "added", "adding",
                 "stated", "reported", "announced", "confirmed", "estimated", "estimates", "noted"}
_SIDES = {"knee", "ankle", "leg", "arm", "hand", "foot", "eye", "ear", "shoulder", "hip", "side",
          "wing", "field", "tackle", "guard", "lane", "turn", "back", "wrist", "elbow", "thigh"}
_BE = {"was", "were", "is", "are", "been", "be", "being"}
# Before a verb, what tells it ahead of its happening ("will miss the final two games").
_AHEAD = {"will", "shall", "won't", "won’t"}
# Words standing between a subject and its verb ("have offered", "will have been named").
_AUXILIARY_FORMS = _BE | {"has", "have", "had", "will", "would", "shall", "should", "can", "could",
                          "may", "might", "must", "did", "does", "do"}
_DETERMINERS = {"a", "an", "the", "their", "his", "her", "its", "our"}  # not "that": "a shooting that occurred"
# Verbs of going that, with "back", say a return ("moved back", "came back", "flew back").
_GOING = {"mov", "com", "go", "head", "fly", "flew", "driv", "walk", "mak"}
_HARM = {"damage": "damaged", "injuries": "injured", "injury": "injured", "wounds": "injured",
         "burns": "burned"}
# Words that open a clause of their own before a value.
_OPENERS = {"after", "when", "before", "while", "because", "until", "once", "as"}
_BUILDINGS = {"home", "homes", "house", "houses", "building", "buildings", "structures", "residences"}
_MODALS = {"will", "would", "to", "can", "could", "may", "might", "must", "shall", "should"}


def verb_lemma(word: str, before: str = "") -> str | None:
    """The verb a word is a form of, by rule, or None when it does not read as one.

    "fell" -> "fall", "falling" -> "fall", "killed" -> "kill", "died" -> "die";
    a participle after a determiner is an adjective ("a reported $30
    million"); a bare word after "will" or "to" is a verb ("will host").
    """
    if before in _MODALS and word[:1].isupper():
        return None  # "moved back to Millom": a name after "to", not a verb
    lemma = _lemma(word.lower().replace("’", "'"), before)
    # Words for one happening ("hurt", "injuring", "wounded") are one verb.
    return _event_classes().get(lemma, lemma) if lemma else None


def _lemma(w: str, before: str) -> str | None:
    irregular = lexicon.irregular_verbs()
    if before in _DETERMINERS:
        return None  # "a reported $30 million", "his left knee", "a broken leg": adjectives
    if w in irregular:
        return _root(irregular[w])
    if w in _NOT_VERBS or not w.isalpha():
        return None
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ied") and len(w) == 4:
        return _root(w[:-1])  # "tied", "lied": tie, lie
    if w.endswith("ed") and len(w) >= 5:
        return _root(w[:-2])
    if w.endswith("ing") and len(w) >= 6:
        # "was scoring", ", killing three": a verb; "the ACC scoring record": a modifier.
        if before in _BE or before in ("", "and", "after", "before", "while", "by", "when", "since"):
            return _root(w[:-3])
        return None
    if before in _MODALS and len(w) > 2 and w not in lexicon.stopwords():
        return _root(w)
    return None


@lru_cache(maxsize=1)
def _event_classes() -> dict[str, str]:
    """Verb -> what happened, from the event words ("hurt", "injured" -> "injured")."""
    classes = {}
    for word, event in lexicon.events().items():
        lemma = _lemma(word, "")
        if lemma:
            classes.setdefault(lemma, event)
    return classes


def _root(stem: str) -> str:
    """One spelling for "arriv(e)", "stopp(ed)", "stop": final e dropped, doubled consonant undone."""
    if stem.endswith("e") and len(stem) > 2:
        stem = stem[:-1]
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        stem = stem[:-1]
    return stem


def _stem(word: str) -> str:
    return lexicon.singular(word.lower().replace("’", "'").split("'")[0])[:5]


def _tokens(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), lo + m.start(), lo + m.end()) for m in _TOKEN.finditer(text[lo:hi])]


# "an 8-year, $160 million contract": a comma between two sizes of one thing
# ends no clause.
_SIZE_BEFORE_COMMA = re.compile(r"\w-(?:year|month|week|day|game|season)s?$", re.IGNORECASE)


def _clause(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    left = start
    while left > lo and (text[left - 1] not in _CLAUSE_STOPS
                         or (text[left - 1] == "," and not text[left:start].strip()
                             and _SIZE_BEFORE_COMMA.search(text, lo, left - 1))):
        left -= 1
    right = end
    while right < hi and text[right] not in _CLAUSE_STOPS:
        right += 1
    return left, right


def slot_of(text: str, start: int, end: int, lo: int, hi: int, value_words: frozenset[str],
            reach: int = 2, dated: bool = False) -> Slot:
    """The slot of the value ``text[start:end]`` in the sentence ``text[lo:hi]``.

    ``value_words``: words that only say the value's scale or shape (number
    words, month and weekday names), left out of the frame.
    """
    toks = _tokens(text, lo, hi)
    words = tuple(t for t, _, _ in toks)
    inside = [k for k, (_, s, e) in enumerate(toks) if s < end and start < e]
    first = inside[0] if inside else 0
    last = inside[-1] + 1 if inside else 0
    c_lo, c_hi = _clause(text, start, end, lo, hi)
    stop = lexicon.stopwords()

    def content(k: int) -> bool:
        w = words[k]
        return w[0].isalpha() and w not in stop and w not in _LIGHT and w not in value_words \
            and len(w) > 1

    before = [k for k in range(first - 1, -1, -1) if toks[k][1] >= c_lo and content(k)][:reach]
    after = [k for k in range(last, len(toks)) if toks[k][2] <= c_hi and content(k)][:reach]
    frame = frozenset(_stem(words[k]) for k in before + after)
    # The verbs a value may hang on: the closest one before it in its clause
    # ("served five months", "died Thursday") and the closest after it
    # ("three cables were cut"); the first of them is its own verb.
    verbs = []
    found: list[int] = []  # token index of each verb in ``verbs``
    crossed = False  # the value opens a clause of its own ("disrupted after three cables were cut")
    for order in (range(first - 1, -1, -1), range(last, len(toks))):
        for k in order:
            if toks[k][1] < c_lo or toks[k][2] > c_hi:
                break
            if dated and k < first and words[k] in _AFTER_WHAT and k + 1 < first \
                    and words[k + 1] in _DETERMINERS:
                break  # "charged after a shooting at a party Friday": the shooting's day
            if k < first and not found and words[k] in _OPENERS:
                crossed = True
            if k > first and words[k] in _SUBORDINATORS:
                break  # "in 1998 when he joined": the next clause's verb is not the value's
            if text[toks[k][1] - 1:toks[k][1]] == "-" or text[toks[k][2]:toks[k][2] + 1] == "-":
                continue  # "worst-hit", "long-awaited": part of a compound word, no verb
            if words[k] == "left" and k + 1 < len(words) and words[k + 1] in _SIDES:
                continue  # "a sprained left knee": a side, not a leaving
            lemma = verb_lemma(text[toks[k][1]:toks[k][2]], words[k - 1] if k > 0 and toks[k - 1][1] >= c_lo else "")
            if lemma in _GOING and k + 1 < len(words) and words[k + 1] == "back":
                lemma = "return"  # "moved back to Millom", "came back home": a return
            if lemma is None and words[k] == "hospital" and k > 0 and words[k - 1] in ("in", "the"):
                lemma = verb_lemma("hospitalized")  # "had been in hospital for three weeks"
            if lemma == "los" and set(words[first:last + 2]) & _BUILDINGS:
                lemma = verb_lemma("destroyed")  # "19 homes have been lost" (to a fire, a flood)
            if lemma in ("suffer", "sustain"):
                # "suffered severe damage", "sustained minor injuries": were damaged, were hurt
                harm = [_HARM[w] for w in words[k + 1:k + 4] if w in _HARM]
                lemma = harm[0] if harm else lemma
            if lemma and not dated and words[k] in _SPEECH_FORMS:
                continue  # "said five villages were hit": the telling, not what the count is of
            if lemma and lemma not in _AUXILIARIES:
                verbs.append(lemma)
                found.append(k)
                break
    if crossed and len(found) == 2 and found[0] < first:
        # The verb before "after"/"when" is the other clause's; the value's own
        # verb is the one of its clause, after it ("three cables were damaged").
        verbs.reverse()
        found.reverse()
    own_word = None  # the word of the value's own verb, and whether it is passive
    subject = None
    ahead = False
    if found:
        k = found[0]
        own_word = (words[k], k > 0 and words[k - 1] in _BE)
        ahead = any(words[j] in _AHEAD for j in range(max(0, k - 3), k) if toks[j][1] >= c_lo)
        if k < first:
            subject = _subject(text, toks, k)
    # A line of values alone, or in capitals ("UPDATED: THURSDAY, MARCH 14, 2013, 9:31 AM").
    line = text[lo:hi]
    bare = not any(content(k) for k in range(len(toks))) or not any(c.islower() for c in line)
    reporting = False
    if dated:
        # A speech verb right before or right after the date ("said Saturday",
        # "Saturday said"), with only light words between.
        near = []
        for order in (range(first - 1, -1, -1), range(last, len(toks))):
            for k in order:
                if toks[k][1] < c_lo or toks[k][2] > c_hi:
                    break
                if words[k] in _LIGHT or words[k] in value_words:
                    continue
                near.append(k)
                break
        speech = lexicon.speech_verbs() | _REPORTING
        # "The fire was reported at 2:35" is the happening itself, not the report.
        reporting = any(words[k] in speech and not (k > 0 and words[k - 1] in _BE) for k in near)
        # "posted in Hit and Run Accidents on Friday", "announced at a news
        # conference Tuesday that": the value's own verb is the telling.
        if own_word is not None and own_word[0] in speech and not own_word[1]:
            reporting = True
    capitals = frozenset(k for k, (_, s, _) in enumerate(toks) if k and text[s].isupper())
    # "to appear before Taunton Crown Court on 19 August": the name between a happening's
    # verb and its value says which one it is.
    named = frozenset(words[j] for j in range(found[0] + 1, first) if j in capitals) \
        if found and found[0] < first else frozenset()
    return Slot(words, first, last, frame, reporting, frozenset(verbs), bare,
                verbs[0] if verbs else None, subject, capitals, ahead, named)


def _subject(text: str, toks: list[tuple[str, int, int]], verb: int) -> Optional[str]:
    """The surname of a capitalised name right before a verb ("Earl Clark finished"),
    or before its auxiliaries ("the Nationals have offered", "Smith had been named")."""
    k = verb - 1
    while k > 0 and text[toks[k][1]:toks[k][2]].lower() in _AUXILIARY_FORMS:
        k -= 1
    if k < 0:
        return None
    word = text[toks[k][1]:toks[k][2]]
    if not word[:1].isupper() or word.lower() in lexicon.stopwords() or word.isupper():
        return None
    from .dates import MONTHS, WEEKDAYS
    if word.lower() in WEEKDAYS or word.lower() in MONTHS:
        return None  # "hit the island on Sunday, injuring five people": a day, not who
    return word.lower()


@lru_cache(maxsize=4096)
def _opcodes(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, tuple]:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio(), tuple(matcher.get_opcodes())


def similarity(a: Slot, b: Slot) -> float:
    """How alike the two sentences read, word for word (0..1)."""
    return _opcodes(a.tokens, b.tokens)[0]


def opposite(a: Slot, b: Slot) -> bool:
    """The two values stand opposite each other where the two sentences differ."""
    _, ops = _opcodes(a.tokens, b.tokens)
    for tag, i1, i2, j1, j2 in ops:
        if tag != "replace":
            continue
        if i1 < a.last and a.first < i2 and j1 < b.last and b.first < j2:
            return True
    return False


ZONES = frozenset({"et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt",
                   "gmt", "utc", "bst", "cet", "cest", "ist", "jst", "aest", "aedt"})


def zone_after(slot: Slot) -> Optional[str]:
    """A time zone written right after a clock time ("4:30 p.m. ET" -> "et")."""
    for w in slot.tokens[slot.last:slot.last + 3]:
        if w in ZONES:
            return w
        if w not in ("p", "m", "a", "am", "pm"):
            return None
    return None


def unit_after(slot: Slot) -> tuple[str, ...]:
    """The words right after a value that say its unit ("square", "foot"; "km")."""
    unit = []
    for w in slot.tokens[slot.last:slot.last + 2]:
        if not w[0].isalpha() or w in lexicon.stopwords():
            break
        unit.append(w)
    return tuple(unit)


def shared_frame(a: Slot, b: Slot) -> int:
    return len(a.frame & b.frame)


def same_verb(a: Slot, b: Slot) -> bool:
    """Each value's own verb is one the other may hang on.

    "approve a levy on May 12" / "ask voters on May 5 to approve a levy"
    agree; "divorced Neal in 1947 when she met" / "began modeling in 1950
    when she met" do not (the divorce, the start of modelling).
    """
    return (a.verb is not None and a.verb in b.verbs) or (b.verb is not None and b.verb in a.verbs)


def _clusters_of(lemma: str) -> set[int]:
    """The synonym clusters a verb lemma's forms fall in ("begin", "start"; "schedul" -> "schedule")."""
    table = lexicon.synonym_clusters()
    forms = (lemma, lemma + "e", lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing")
    return {table[f] for f in forms if f in table}


def related_verbs(a: Slot, b: Slot) -> bool:
    """The two values' own verbs are words news uses for one happening ("will
    begin removing" / "to start hauling"): the shared synonym clusters."""
    if a.verb is None or b.verb is None:
        return False
    return bool(_clusters_of(a.verb) & _clusters_of(b.verb))


_DATING = {"on", "during", "in", "of"}
# A date after "after a ..." belongs to that noun, not to the verb before it.
_AFTER_WHAT = {"after", "before", "following"}
# Nouns that only place a date ("at some point on Monday", "at that stage in
# August"): they name no happening another sentence could share.
_PLACING = {"point", "points", "time", "times", "moment", "moments", "stage", "stages"}


def noun_dated(a: Slot, b: Slot) -> bool:
    """One value has no verb and dates the noun before it, which the other's
    sentence names: "his victory celebration on November 2, 2024" / "had won
    a landslide election victory in early November"."""
    if (a.verb is None) == (b.verb is None):
        return False
    bare, told = (a, b) if a.verb is None else (b, a)
    # Only a noun the date follows through a preposition ("celebration on",
    # "victory celebration during"): "Saturday's operation", "the Saturday
    # shooting", "since October 23" tie the date to nothing as closely.
    # A name there ("an interview with Mamdani on") is whom, not what happened.
    k = bare.first - 1
    if k < 2 or bare.tokens[k] not in _DATING:
        return False
    noun = {_stem(bare.tokens[j]) for j in range(max(0, k - 2), k)
            if bare.tokens[j] not in _LIGHT and bare.tokens[j][0].isalpha() and j not in bare.capitals
            and bare.tokens[j] not in _PLACING}
    named = {_stem(w) for j, w in enumerate(told.tokens)
             if not told.first <= j < told.last and j not in told.capitals}
    return bool(noun & named)


def slot_for(item, article, value_words: frozenset[str], dated: bool = False) -> Optional[Slot]:
    """The slot of an extracted item, cached on it."""
    cached = item.extra.get("slot")
    if cached is not None:
        return cached
    if not item.passage:
        return None
    passage = article.passages[int(item.passage[len(article.id):]) - 1]
    slot = slot_of(article.text, item.start, item.end, passage.start, passage.end, value_words,
                   dated=dated)
    item.extra["slot"] = slot
    return slot
