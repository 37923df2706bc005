"""Quotations in one article and who said them.

Finds “double”, "straight double" and ‘single’ quotations (an apostrophe
inside a word never closes a single quote) and attributes each to a speaker:
after the quote ("…,” Trump said", "…,’ said one analyst", "according to
X"), or before it in the same sentence ("He told Fox News: “…”", "Trump
called him a ‘…’").  A pronoun speaker is resolved to the last person named
before the quote.  A quote continued after its attribution ("…,’ said X,
‘but …’") inherits the speaker.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from ..model import Article
from . import lexicon
from .items import Item, span_item
from .names import NameHit, Person, name_kind
from .variants import fold_word

_MAX_QUOTE = 700
_WORD_RE = re.compile(r"[\w]+(?:['’][\w]+)*")
_ATTRIBUTIVE = {"called", "calling", "labeled", "labelled", "described", "describing", "dubbed",
                "branded", "termed", "wrote", "writing", "posted", "tweeted", "vowing", "vowed",
                "promised", "urged", "urging", "accused", "accusing"}
_PRONOUNS = {"he", "she"}
_HONORIFIC_BEFORE = re.compile(r"\b(Mrs|Ms|Miss|Mr)\.?\s+$")
_SUBJECT = re.compile(r"\b(he|she)\b", re.IGNORECASE)
# Verbs that, in the passive, give words said of the subject rather than by it.
_NAMING = {"called", "labeled", "labelled", "described", "dubbed", "branded", "termed", "accused"}
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$")
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|has|had|have|been|being|quoted|who|that)\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:about|with|of|to|for|against|on|from|by|at|into|toward|towards|"
                                 r"than|like|between|and)\s+(?:(?:mr|mrs|ms|miss|dr)\.?\s+)?$", re.IGNORECASE)


_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth",
             "6th": "sixth", "7th": "seventh", "8th": "eighth", "9th": "ninth", "10th": "tenth",
             "11th": "eleventh", "12th": "twelfth"}


_CLOCK_12 = re.compile(r"\b(\d{1,2})(?::\s?(\d{2}))?\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
_ZONE = re.compile(r"\b(?:PST|PDT|EST|EDT|CST|CDT|MST|MDT|GMT|UTC|BST|CET|ET|PT)\b")
_PLURAL_POSSESSIVE = re.compile(r"(\w{3,})s['’](?=\s)")


def _to_24h(m: re.Match) -> str:
    hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
    return f"{hour:02d}:{m.group(2) or '00'}"


_PER_CENT = re.compile(r"\bper\s+cent\b", re.IGNORECASE)
# Words two house styles write differently, to one form.  (An acronym spelt out, "IE" /
# "Internet Explorer", is not among them: the ECB+ readers judged that a misquote.)
_STYLE_WORDS = {"okay": "ok", "towards": "toward", "afterwards": "afterward",
                "amongst": "among", "whilst": "while", "learnt": "learned", "spelt": "spelled",
                "burnt": "burned", "dreamt": "dreamed"}
_ON_THE_HOUR = re.compile(r"\b(\d{1,2})\s?:\s?00\b")
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…")


def fragments(text: str) -> tuple[tuple[str, ...], ...]:
    """A quote's stretches between the ellipses that mark words left out."""
    parts = [normal_tokens(p) for p in _ELLIPSIS.split(text)]
    return tuple(p for p in parts if p)


def normal_tokens(text: str) -> tuple[str, ...]:
    """Words folded to what a house style cannot change: the key for comparing quotes.

    Case, apostrophes, accents, British/American spelling and small ordinals
    ("11th hour"/"eleventh-hour") are not the speaker's words.
    """
    # "6:00 p.m." and "6 p.m.", "6: 00" (a stray space): one time, written two ways.
    # "6:41pm PST" and "18:41": one clock time in two house styles; the zone is the outlet's gloss.
    text = _CLOCK_12.sub(_to_24h, text)
    text = _ZONE.sub(" ", text)
    text = _ON_THE_HOUR.sub(r"\1", text)
    # "the population's anger" / "the populations' anger": where the apostrophe falls is typing.
    text = _PLURAL_POSSESSIVE.sub(r"\1's", text)
    text = _PER_CENT.sub("percent", text)
    words = (w.replace("’", "'") for w in _WORD_RE.findall(text.lower()))
    return tuple(_STYLE_WORDS.get(w) or _ORDINALS.get(w) or fold_word(w) for w in words)


_TWO_APOSTROPHES = re.compile(r"(?:(?<=\s)|^)''(?=\w)")
_TWO_APOSTROPHES_CLOSE = re.compile(r"(?<=[\w,.!?])''(?=[\s,.;:!?)]|$)")


def _spans(text: str) -> list[tuple[int, int]]:
    """(open mark, close mark) positions of every quotation."""
    # Some wire copy marks a quote with two apostrophes (''We wanted to get that done," Wayne
    # said.; ''The Hunger Games''): read each pair as one double mark, in the place next to the
    # words, so every position stays the text's.
    text = _TWO_APOSTROPHES_CLOSE.sub('" ', _TWO_APOSTROPHES.sub(' "', text))
    spans: list[tuple[int, int]] = []
    # Curly double quotes.
    pos = 0
    while True:
        o = text.find("“", pos)
        if o < 0:
            break
        c = text.find("”", o + 1)
        nxt = text.find("“", o + 1)
        if c < 0 or c - o > _MAX_QUOTE or (0 <= nxt < c):
            pos = o + 1
            continue
        spans.append((o, c))
        pos = c + 1
    # Straight double quotes, paired within a paragraph.
    left_open = -1  # a paragraph's last mark, opening a quote it never closes
    for para in re.finditer(r"[^\n]+", text):
        marks = [m.start() for m in re.finditer('"', para.group())]
        first = 0
        if left_open >= 0 and marks and marks[0] > 0 and not para.group()[marks[0] - 1].isspace():
            # A quote broken by a paragraph break with no marks at the break
            # ("I am sorry.\n\nI just want to say ... my life," the killer said.):
            # the next paragraph's first mark closes it.
            if para.start() + marks[0] - left_open <= _MAX_QUOTE:
                spans.append((left_open, para.start() + marks[0]))
            first = 1
        for i in range(first, len(marks) - 1, 2):
            o, c = para.start() + marks[i], para.start() + marks[i + 1]
            if c - o <= _MAX_QUOTE:
                spans.append((o, c))
        left_open = -1
        if (len(marks) - first) % 2 == 1:
            o = para.start() + marks[-1]
            if o + 1 < len(text) and not text[o + 1].isspace():
                left_open = o
    # Single quotes, curly or straight.
    for opener, closer in (("‘", "’"), ("'", "'")):
        pos = 0
        while True:
            o = text.find(opener, pos)
            if o < 0:
                break
            pos = o + 1
            if o > 0 and not (text[o - 1].isspace() or text[o - 1] in "([—–-\"“:"):
                continue
            if o + 1 >= len(text) or text[o + 1].isspace():
                continue
            c = o + 1
            while True:
                c = text.find(closer, c + 1)
                if c < 0 or c - o > _MAX_QUOTE or ("‘" if opener == "‘" else "\n") in text[o + 1:c]:
                    # A single quote never runs on into the next one ("too much ‘common sense
                    # ’to point a gun …: ‘Stay down’", its close misplaced); a straight one,
                    # which no other mark opens, not past its paragraph either.  A curly one
                    # may ("‘You say things …\n\nYou’d have to ask her about that.’").
                    c = -1
                    break
                after = text[c + 1:c + 2]
                # A curly close after sentence punctuation and a stray space closes ("let me
                # die! ’and said"); a straight one there is too often the next quote's opening.
                misplaced = closer == "’" and text[c - 1] == " " and text[c - 2] in ".,!?"
                if after.isalnum() and not misplaced:  # you’re, Mamdani’s
                    continue
                if text[c - 1].isspace() and not misplaced:
                    continue
                if closer == "'" and text[c - 1] in "sS" and after == " " and text[c - 2].isalpha() \
                        and len(text[o + 1:c].split()) < 2:
                    continue
                break
            if c < 0:
                continue
            inner = text[o + 1:c]
            if opener == "'" and len(inner.split()) < 2:
                continue
            if "“" in inner or "”" in inner:
                continue
            spans.append((o, c))
            pos = c + 1
    spans.sort()
    kept: list[tuple[int, int]] = []
    for s in spans:
        if kept and s[0] < kept[-1][1]:
            continue
        kept.append(s)
    return kept


_NAME = r"((?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'-]+)"
_EDITORIAL = re.compile(r"\[[^\]]{0,80}\]|\([^)]{0,80}\)")
_DASH_SPEAKER = re.compile(r"\s*[—–-]{1,2}\s*" + _NAME)
# A full stop that ends no sentence: a title or an initial ("Mr. Barkan", "W. Mark Felt").
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Lt|Sen|Rep|Gov|Gen|St|Sgt|Capt|Det|Prof|Jr|Sr|Col|Maj|"
                           r"Cmdr|Adm|Supt|Insp|Atty|Gen|Pres|Rev|Fr|No|Mt|Ft)|\b[A-Z])$")


def _sentence_end(text: str, start: int, limit: int) -> int:
    """The first full stop after ``start`` that ends a sentence (or ``limit``)."""
    k = text.find(".", start, limit)
    while k >= 0:
        if not _ABBREVIATION.search(text, max(start, k - 6), k):
            return k
        k = text.find(".", k + 1, limit)
    return limit


class _Speakers:
    def __init__(self, article: Article, hits: list[NameHit], people: dict[str, Person]):
        self.text = article.text
        self.people = people
        self.persons = [h for h in hits if h.kind == "person"]
        self.starts = [h.start for h in self.persons]
        self._referred: dict[str, str] = {}  # surname -> "he" / "she" / "" (see referred_as)
        self._pronouns: dict[str, str] = {}  # name as written -> "he" / "she" / "" (see pronoun_of)
        verbs = "|".join(sorted(lexicon.speech_verbs() | _ATTRIBUTIVE, key=len, reverse=True))
        self.after_verb_first = re.compile(
            rf"\s*[,:]?\s*(?:{verbs})\s+((?:the\s+|a\s+|an\s+)?(?:[\w’'.-]+\s*){{1,7}}?)(?=[,.;:]|\s+(?:on|in|at|of|who|after|before|during|to|as|when)\b|$)")
        self.after_name_first = re.compile(
            rf"\s*[,:]?\s*(?:((?i:he|she|they|we)|I)|{_NAME})\s+(?:\w+ly\s+|had\s+|has\s+|later\s+|then\s+|also\s+)?(?:{verbs})\b")
        self.according = re.compile(r"\s*[,:]?\s*according to\s+" + _NAME)
        # "…," a local barber told the Times / the mayor said / one neighbour said
        self.described = re.compile(rf"\s*[,:]?\s*((?:a|an|the|one)\s+(?:[a-z][\w'’-]*\s+){{0,3}}?[a-z][\w'’-]*)"
                                    rf"\s+(?:{verbs})\b")
        self.appositive = re.compile(rf"\s*[,:]?([^,.“”\"]{{2,60}}),[^,.“”\"]{{2,70}},\s*(?:{verbs})\b")
        self.verb_re = re.compile(rf"\b(?:{verbs})\b")
        # "Page was hardly tawdry, though, Yeager said. “She was so at ease.”"
        self.said_before = re.compile(rf"(?:\b((?i:he|she))|{_NAME})\s+(?:{verbs})\.\s*$")

    def person_at(self, start: int, end: int) -> Optional[NameHit]:
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.persons) and self.persons[i].start < end:
            return self.persons[i]
        return None

    def persons_in_span(self, start: int, end: int) -> list[NameHit]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [h for h in self.persons[i:j] if h.end <= end]

    def persons_in(self, start: int, end: int) -> list[NameHit]:
        """People named in ``[start, end)`` joined only by "and" ("Zadan and Meron")."""
        i = bisect.bisect_left(self.starts, start)
        found: list[NameHit] = []
        while i < len(self.persons) and self.persons[i].start < end:
            hit = self.persons[i]
            if found and self.text[found[-1].end:hit.start].strip() != "and":
                break
            found.append(hit)
            i += 1
        return found

    def joined_before(self, hit: NameHit, start: int) -> list[NameHit]:
        """``hit`` and the people named just before it joined by "and", in order."""
        i = self.persons.index(hit)
        joint = [hit]
        while i > 0 and self.persons[i - 1].start >= start and \
                self.text[self.persons[i - 1].end:joint[0].start].strip() == "and":
            i -= 1
            joint.insert(0, self.persons[i])
        return joint

    def person_before_verb(self, start: int, verb: int) -> Optional[NameHit]:
        i = bisect.bisect_left(self.starts, verb) - 1
        if i >= 0 and self.persons[i].start >= start and not self.text[self.persons[i].end:verb].strip(" ,"):
            return self.persons[i]
        return None

    def last_person_before(self, pos: int, quotes: list[tuple[int, int]],
                           pronoun: str = "", spoken: str = "") -> Optional[NameHit]:
        """The last person named before ``pos`` outside quotes; with ``pronoun`` ("she"), the
        last one the article does not speak of the other way ("Kimani Gray ... He was 16."
        is no "she")."""
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0:
            h = self.persons[i]
            if not any(o < h.start < c for o, c in quotes) and not _spoken_of(self.people, h, spoken):
                if not pronoun or self.pronoun_of(h) in ("", pronoun.lower()):
                    return h
            i -= 1
        return None  # better no speaker than the man a "she" cannot be

    def pronoun_of(self, hit: NameHit) -> str:
        """"he", "she" or "": the hit's own clear given name first ("Catherine Gomes" beside
        her son Gary Gomes, whose surname takes "he"), else how the article refers to the surname."""
        words = hit.text.split()
        if len(words) < 2:
            return self.referred_as(hit)
        if hit.text not in self._pronouns:
            self._pronouns[hit.text] = self._full_name_pronoun(hit, words)
        return self._pronouns[hit.text]

    def _full_name_pronoun(self, hit: NameHit, words: list[str]) -> str:
        pronoun = _given_name_pronoun(words)
        if pronoun:
            return pronoun
        # A family shares its surname: "Chela Ortiz" is no "he" because her husband is.
        # ("Rev Billy Graham" and "Billy Graham" are one man; Rosa and Chela Ortiz two.)
        surname, given = words[-1].lower(), set(words[:-1])
        for other in self.persons:
            theirs = other.text.split()
            if len(theirs) > 1 and theirs[-1].lower() == surname and not given & set(theirs[:-1]):
                return ""
        return self.referred_as(hit)

    def referred_as(self, hit: NameHit) -> str:
        """"he", "she" or "" (unknown): how the article refers to this person, read from the
        first "he" or "she" after each mention of their surname, before anyone else is named
        and within the next sentence ("Kimani Gray, 16, was shot. He was ..."); possessives
        ("her family's privacy") say too little of whom they are about."""
        surname = hit.text.split()[-1].lower()
        if surname not in self._referred:
            votes = {"he": 0, "she": 0}
            for mention in (p for p in self.persons if p.text.split()[-1].lower() == surname):
                # "Jerry Tibbs", "Bettie Page": a clear given name says it as plainly as a
                # pronoun would, and is there even when no "he" or "she" follows.
                given = _given_name_pronoun(mention.text.split())
                if given:
                    votes[given] += 2
                # "Mrs Palin", "Mr. Steele": the honorific says it outright.
                honorific = _HONORIFIC_BEFORE.search(self.text, max(0, mention.start - 8), mention.start)
                if honorific:
                    votes["she" if honorific.group(1).lower().startswith(("mrs", "ms", "miss")) else "he"] += 3
                k = bisect.bisect_right(self.starts, mention.start)
                stop = self.persons[k].start if k < len(self.persons) else len(self.text)
                end = self.text.find(". ", mention.end)
                end = self.text.find(". ", end + 2) if end >= 0 else -1
                window = self.text[mention.end:min(stop, end if end >= 0 else len(self.text), mention.end + 250)]
                first = _SUBJECT.search(window)
                if first:
                    votes[first.group(1).lower()] += 1
            he, she = votes["he"], votes["she"]
            self._referred[surname] = "he" if he > she else "she" if she > he else ""
        return self._referred[surname]

    def described_speaker(self, words: str) -> str:
        """A speaker given by a description: the one person the article gives that office
        ("the mayor said" is Mayor Jane Ortiz's), else the description ("a local barber")."""
        head = words.split()[-1].lower()
        role = lexicon.titles().get(head)
        holders = {person.display for person in self.people.values() if role and role in person.roles}
        return holders.pop() if len(holders) == 1 else words

    def said_just_before(self, head_start: int, o: int, quotes: list[tuple[int, int]],
                         spoken: str = "") -> tuple[Optional[str], bool]:
        """A quote opening a sentence right after one that ends "…, Yeager said." is Yeager's."""
        text = self.text
        if text[head_start:o].strip():
            return None, False
        start = max(0, head_start - 160, text.rfind("\n", 0, head_start) + 1)
        if any(start <= qc < head_start for _, qc in quotes):
            return None, False  # a quote's own attribution: the carrying rules see to that
        m = self.said_before.search(text, start, head_start)
        if not m:
            return None, False
        if m.group(1):
            hit = self.last_person_before(m.start(), quotes, m.group(1), spoken)
            return (self.display(hit, m.group(1)) if hit else None), False
        hit = self.person_at(m.start(2), m.end(2))
        return (self.display(hit), True) if hit else (None, False)

    def subject_between(self, start: int, end: int) -> Optional[str]:
        """The person named right before the last speech verb in ``[start, end)``, if any."""
        verbs = list(self.verb_re.finditer(self.text, start, end))
        if not verbs:
            return None
        hit = self.person_before_verb(start, verbs[-1].start())
        return self.display(hit) if hit else None

    def display(self, hit: NameHit, pronoun: str = "") -> str:
        """The speaker's name in full: as written when it is ("said Frank Graham, Ramarley's
        father" is Frank, though the article calls two Grahams by one surname); for a
        surname alone, the last one named in full by it before, else its longest name.
        ``pronoun``: the "he" or "she" the surname stands for; then of the full names before,
        those whose given name fits it ("he" after Catherine Gomes is her son Gary), the one
        named most, and the surname alone when none fits."""
        if len(hit.text.split()) > 1:
            return hit.text
        person = self.people.get(hit.text.lower())
        if person is None:
            return hit.text
        before = [h for h in person.hits if h.start < hit.start and len(h.text.split()) > 1]
        if pronoun and before:
            # Of a family named before ("his daughters Patricia LaRue, Leslie LaRue …"), the
            # one the pronoun fits by given name, then the one the article names most.
            fits = {h.text: _given_name_pronoun(h.text.split()) for h in before}
            fitting = [h for h in before if fits[h.text] in (None, pronoun.lower())]
            sure = [h for h in fitting if fits[h.text]] or fitting
            if not sure:
                return hit.text  # every full name before is of the other sex
            uses = {h.text: sum(b.text == h.text for b in before) for h in sure}
            last = {h.text: n for n, h in enumerate(sure)}
            return max(uses, key=lambda name: (uses[name], last[name]))
        return before[-1].text if before else person.display

    def find(self, o: int, c: int, quotes: list[tuple[int, int]]) -> tuple[Optional[str], bool]:
        """The speaker and whether a name (not a pronoun) gives it."""
        text = self.text
        spoken = text[o:c]
        tail_end = min(_sentence_end(text, c + 1, c + 160), c + 160)
        for stop in ("!", "?", "\n", "“", "‘", '"'):
            k = text.find(stop, c + 1, c + 160)
            if k >= 0:
                tail_end = min(tail_end, k)
        tail = text[c + 1:tail_end]
        dash = _DASH_SPEAKER.match(tail)
        if dash and not re.match(r"\s+[a-z]", tail[dash.end():]):
            # "…” — Zohran Mamdani", but not "… of “gambling with World War III” —
            # Mamdani brushed off concerns": a name going on to its own verb starts a clause.
            hit = self.person_at(c + 1 + dash.start(1), c + 1 + dash.end(1))
            if hit:
                return self.display(hit), True
        if text[c - 1:c] == "." and re.match(r"\s*[A-Z]", tail):
            tail = ""  # the quote closed its sentence: what follows is a new one
        m = self.after_name_first.match(tail)
        if not m:
            # A long title before the name: "…,” Senate Minority Leader Grace
            # Whitfield said" — the person named just before the verb speaks.
            v = self.verb_re.search(tail, 0, 90)
            if v and "," not in tail[:v.start()].lstrip(" ,"):
                hit = self.person_before_verb(c + 1, c + 1 + v.start())
                if hit is not None:
                    joint = self.persons_in(c + 1, hit.end)
                    if len(joint) > 1 and joint[-1] is hit:
                        return " and ".join(dict.fromkeys(self.display(h) for h in joint)), True
                    return self.display(hit), True
        if m:
            if m.group(1):
                if m.group(1).lower() in _PRONOUNS:
                    hit = self.last_person_before(o, quotes, m.group(1), spoken)
                    return self.display(hit, m.group(1)) if hit else None, False
                return None, False
            hit = self.person_at(c + 1 + m.start(2), c + 1 + m.end(2))
            return self.display(hit) if hit else m.group(2), True
        m = self.appositive.match(tail)
        if m:  # "…,” Morris Katz, a top Mamdani adviser, said": the last person named before the aside
            hits = self.persons_in_span(c + 1 + m.start(1), c + 1 + m.end(1))
            if hits:
                return self.display(hits[-1]), True
            # "…,” the head of the disaster service, Massoud Dalman, told the television":
            # a description, then the name it gives.
            aside = self.persons_in_span(c + 1 + m.end(1) + 1, c + 1 + m.end())
            if aside and _opens_description(m.group(1)) and \
                    text[c + 1 + m.end(1) + 1:aside[0].start].strip() == "" and \
                    text[aside[0].end:c + 1 + m.end()].lstrip().startswith(","):
                return self.display(aside[0]), True
        m = self.after_verb_first.match(tail)
        if m:
            who = m.group(1).strip()
            hits = self.persons_in(c + 1 + m.start(1), c + 1 + m.end(1))
            named = self.persons_in_span(c + 1 + m.start(1), c + 1 + m.end(1))
            if len(named) > len(hits):
                # "said Anchorage businessman and blogger Andrew Halcro", "said Security
                # Response Alliance director Mike Reavey": the last name is the speaker's.
                return self.display(named[-1]), True
            if hits:
                # "said Zadan and Meron": both speak.
                return " and ".join(dict.fromkeys(self.display(h) for h in hits)), True
            after = self.person_at(c + 1 + m.end(1), c + 1 + m.end(1) + 6)
            if after is not None and re.match(r"\.?\s*$", text[c + 1 + m.end(1):after.start]):
                # "said Oregon State Police Lt. Gregg Hastings": the abbreviation's
                # full stop cut the title from the name.
                return self.display(after), True
            rest = text[c + 1 + m.end(1):c + 1 + m.end(1) + 4]
            named = self.person_at(c + 1 + m.end(1), c + 1 + m.end(1) + 4)
            if named is not None and rest.startswith(",") and _opens_description(who):
                # "said her nephew, Ravi Singh, 32": the description, then who it is.
                return self.display(named), True
            if who.split()[0].lower() in lexicon.titles() or who.lower() in lexicon.titles():
                # "said Secretary of the Interior Dirk Kempthorne": the title's holder.
                hit = self.person_at(c + 1 + m.start(1), tail_end)
                if hit and not text[c + 1 + m.start(1):hit.start].count(","):
                    return self.display(hit), True
            if who.lower() in _PRONOUNS:
                hit = self.last_person_before(o, quotes, who, spoken)
                return self.display(hit, who) if hit else None, False
            return _speaker_words(who), True
        m = self.according.match(tail)
        if m:
            hit = self.person_at(c + 1 + m.start(1), c + 1 + m.end(1))
            return self.display(hit) if hit else m.group(1), True
        m = self.described.match(tail)
        if m and not _AUXILIARY.search(m.group(1)):  # not "the company was quoted as saying"
            return self.described_speaker(m.group(1)), True
        # Before the quote, in the same sentence.
        head_start = max(0, o - 200)
        for stop in (". ", "\n", "? ", "! "):
            k = text.rfind(stop, head_start, o)
            if k >= 0:
                head_start = max(head_start, k + len(stop))
        for qo, qc in quotes:
            if head_start <= qc < o:
                head_start = qc + 1
        head = text[head_start:o]
        verbs = list(self.verb_re.finditer(head))
        if not verbs:
            return self.said_just_before(head_start, o, quotes, spoken)
        # The sentence's subject speaks: the first name or pronoun before the verb
        # ("He then praised Mamdani, stating, ‘…’" is his words, not Mamdani's).
        verb_pos = head_start + verbs[-1].start()
        if verbs[-1].group() in _NAMING and _PASSIVE_BEFORE.search(text, head_start, verb_pos):
            # "O'Brien and Biancardi are accused of acting “contrary to …”", "he was
            # called “a hero”": the words are someone else's, said of the subject.
            return None, False
        # A name right before the verb is its subject, with any joined to it by
        # "and" ("Academy Award producers Craig Zadan and Neil Meron said: ...").
        # A participle goes on from the verb before it: in "LaCalamita said nothing,
        # Pickell said, describing the suspect as "subdued"" Pickell describes.
        for verb in reversed(verbs):
            at = head_start + verb.start()
            direct = self.person_before_verb(head_start, at)
            if direct is not None and not text[direct.end:at].strip():
                # (Not after a comma: "Alan Thornhill, director of the Society for
                # Conservation Biology, said" is Thornhill speaking.)
                joint = self.joined_before(direct, head_start)
                return " and ".join(dict.fromkeys(self.display(h) for h in joint)), True
            if not (verb.group().endswith("ing") and text[head_start:at].rstrip().endswith(",")):
                break
        i = bisect.bisect_left(self.starts, head_start)
        first_person = None
        while i < len(self.persons) and self.persons[i].start < verb_pos:
            hit = self.persons[i]
            i += 1
            # Not a subject: "about Stefanik’s rhetoric", "with Mamdani".
            if text[hit.end:hit.end + 1] in ("’", "'") or _PREPOSITION_BEFORE.search(text, max(0, hit.start - 16), hit.start):
                continue
            first_person = hit
            break
        pm = re.search(r"\b(He|he|She|she)\b", head[:verbs[-1].start()])
        pronoun = head_start + pm.start() if pm else None
        if first_person and (pronoun is None or first_person.start < pronoun):
            return self.display(first_person), True
        if pronoun is not None:
            hit = self.last_person_before(pronoun, quotes, pm.group(1), spoken)
            return self.display(hit, pm.group(1)) if hit else None, False
        return None, False


_DESCRIPTION_OPENERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "one"})


# Given names that are also ranks or styles the titles list does not hold.
_RANKS_AS_NAMES = frozenset({"dean", "major", "earl", "lady", "lord", "general", "marshal", "bishop"})


def _spoken_of(people: dict[str, Person], hit: NameHit, spoken: str) -> bool:
    """Whether the quote ``spoken`` speaks of ``hit`` in the third person, by surname or as
    "the <role>": "He told Fox News: “I would like to see the new mayor do well”" is not the
    mayor-elect speaking, though he was named last."""
    quote = spoken.lower()
    if not quote:
        return False
    surname = hit.text.split()[-1].lower()
    if re.search(rf"\b{re.escape(surname)}\b", quote):
        return True
    person = people.get(surname)
    heads = {role.split("-")[0].split()[-1] for role in (person.roles if person else ())}
    return any(re.search(rf"\bthe\s+(?:[a-z]+\s+)?{re.escape(head)}\b", quote) for head in heads if head)


def _given_name_pronoun(words: list[str]) -> Optional[str]:
    """"he" or "she" when a full name's given name says it, else None: the first word before
    the surname that is a known given name ("W. Mark Felt", "Rev Billy Graham", "Actor
    Leonardo DiCaprio": titles and initials are no given names)."""
    known, titles = lexicon.first_name_pronouns(), lexicon.titles()
    # "Dean", "Major", "Lady" are given names too, and titles: "Dean Susan Miller" is Susan.
    return next((known[w.lower()] for w in words[:-1] if w.lower() in known
                 and w.lower() not in titles and w.lower() not in _RANKS_AS_NAMES), None)


def _opens_description(words: str) -> bool:
    """"her nephew", "the head of the service": words that describe someone, not name them."""
    first = words.split()[0].lower() if words.split() else ""
    return first in _DESCRIPTION_OPENERS


def _speaker_words(who: str) -> Optional[str]:
    """The words after "said" as the speaker when no person is named there: a description
    ("a local barber") or a name the name finder missed; not a stray word ("said a"), a
    clause ("one leaflet distributed") or a place ("said Nostrand Ave")."""
    words = who.split()
    if not words or len(words) > 5 or not who[:1].isalpha():
        return None
    if words[0].lower() in ("the", "a", "an"):
        return who if len(words) > 1 else None
    if not who[:1].isupper():
        return None
    if words[0].lower() not in lexicon.titles() and name_kind(words) != "person":
        return None  # ("said Mayor Jo Park" is a person whatever "Park" suggests)
    return who


def _attribution_only(gap: str, verb_re: re.Pattern) -> bool:
    """The text between two quotes is just the first one's attribution sentence."""
    if "\n" in gap or len(gap) > 250 or not verb_re.search(gap):
        return False
    if any(mark in gap for mark in '"“”'):
        return False  # another quote opens between (one the reader could not close)
    body = gap.strip().rstrip(".").strip()
    ends = [m.start() for m in re.finditer(r"[.!?](?=\s)", body)]
    ends = [k for k in ends if not _ABBREVIATION.search(body, max(0, k - 6), k)]
    return not ends and gap.rstrip().endswith(".")


def _opens_next_paragraph(gap: str, verb_re: re.Pattern) -> bool:
    """The text between two quotes ends one paragraph on the first quote (or its attribution
    sentence) and opens the next on the second."""
    head, newline, tail = gap.rpartition("\n")
    if not newline or tail.strip() or "\n" in head.strip():
        return False
    head = head.strip()
    return not head or _attribution_only(head, verb_re)


def _attributed_after(text: str, close: int, verb_re: re.Pattern) -> bool:
    """A speech verb follows the quote in its sentence ("“…,” said Fire Chief Ames."): it
    names its own speaker, even where the finder missed who."""
    after = text[close + 1:close + 120]
    end = re.search(r"[.!?](?=\s)|\n", after)
    return bool(verb_re.search(after[:end.start() if end else len(after)]))


def find_quotes(article: Article, hits: list[NameHit], people: dict[str, Person]) -> list[Item]:
    text = article.text
    spans = _spans(text)
    speakers = _Speakers(article, hits, people)
    items: list[Item] = []
    previous: Optional[tuple[int, int, Optional[str]]] = None
    for o, c in spans:
        start, end = o + 1, c
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        speaker, explicit = speakers.find(o, c, spans)
        if speaker is None and previous is not None and previous[2]:
            gap = text[previous[1] + 1:o]
            if len(gap) <= 80 and not re.search(r"[.!?]\s", gap):
                speaker = previous[2]
            elif _attribution_only(gap, speakers.verb_re):
                # "“…,” Mr. Barkan said. “…”": the quote goes on after its attribution.
                speaker = previous[2]
            elif _opens_next_paragraph(gap, speakers.verb_re) and not _attributed_after(text, c, speakers.verb_re):
                # "“…,” Judge Bodiford said. ¶ “If I could give you more, I would.”": a
                # paragraph that opens on an unattributed quote goes on with the last
                # speaker, unless the sentence between names another ("Dr. Benjamin said
                # that … ¶ “My father died …”").
                closed = text[previous[1] - 1:previous[1]] in (".", "!", "?")  # a new sentence between
                speaker = (closed and speakers.subject_between(previous[1] + 1, o)) or previous[2]
        # "[the Act]", "(Tara Reid)": an editor's words inside a quote are not the speaker's.
        tokens = normal_tokens(_EDITORIAL.sub(" ", text[start:end]))
        if not tokens:
            continue
        value = " ".join(text[start:end].replace("’", "'").replace("‘", "'").split())
        items.append(span_item(article, "quote", start, end, value=value, speaker=speaker,
                               key="quote", label="quote",
                               extra={"tokens": tokens, "explicit": explicit,
                                      "fragments": fragments(_EDITORIAL.sub(" ", text[start:end]))}))
        previous = (o, c, speaker)
    return items
