"""Numbers, counts, percentages and sums of money in one article.

Each match becomes an :class:`Item` of kind ``number``, ``percent`` or
``money`` whose ``lo``..``hi`` interval encodes the value and any hedge
("about 50" is 45..55, "more than 40" is 40..inf), so approximate values
can be told compatible or not.  Counts carry the noun they count and, when
the sentence says it, what happened to them ("five passengers were hurt":
key ``passenger|injured``); that key is what makes two counts comparable.
"""
from __future__ import annotations

import math
import re
from typing import Optional

from ..model import Article
from . import lexicon
from .items import INF, STREET_AFTER, TIME_UNITS, Item, Taken, span_item

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
# "$200MM": finance's own shorthand for a million (a sum only; "5mm" is a length).
_ABBR_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mm": 1_000_000, "mln": 1_000_000, "b": 1_000_000_000,
                "bn": 1_000_000_000, "tn": 1_000_000_000_000}
WORD_VALUES = {w: i for i, w in enumerate(_UNITS)}
WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})

_NUMWORD = "|".join(_UNITS + _TENS + ["hundred", "thousand", "million", "billion", "dozen"])
_WORDS = (rf"(?:\b(?:an?|one)\s+(?=(?:dozen|hundred|thousand|million|billion)\b))?"
          rf"\b(?:{_NUMWORD})(?:(?:\s+and\s+|[\s-])(?:{_NUMWORD}))*\b")
_DIGITS = (r"(?:(?<![\w.,/:'’-])|(?<=\$US))(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
           r"(?![\d:/]|,\d|\.\d|(?:st|nd|rd|th)\b)")  # not an ordinal ("the 81st Academy Awards")
_VAGUE = r"\b(?:dozens|scores|hundreds|thousands|millions|billions)\b(?=\s+(?:of|more|upon)\b)"
# "a few hundred", "several thousand": as vague as "hundreds", not the round figure.
_FEW = r"\b(?:a\s+few|several)\s+(?:dozen|hundred|thousand|million|billion)\b"
_FEW_RE = re.compile(_FEW, re.IGNORECASE)
_QUALS = ("about|around|approximately|roughly|some|nearly|almost|close to|an estimated|estimated|"
          "more than|over|at least|upwards of|in excess of|just over|just under|fewer than|less than|"
          "under|up to|at most|as many as|as much as|as few as|no more than|no fewer than|"
          "no less than|only|exactly|just|a total of|a further|another")
_CURRENCY = r"(?P<cur>US\$|U\.S\.\s?\$|\$US|C\$|A\$|\$|€|£|¥)"
_UNIT = (r"(?P<unit>\s*%|\s*percent\b|\s*per\s?cent\b|\s*percentage\s+points?\b|"
         r"\s+(?:US\s|U\.S\.\s)?dollars\b|\s+euros?\b|\s+pounds(?:\s+sterling)?\b|\s+yen\b|"
         r"\s+(?:USD|EUR|GBP)\b)")

_NUMBER_RE = re.compile(
    rf"(?:(?P<qual>\b(?:{_QUALS}))\s+)?(?:{_CURRENCY}\s?)?"
    rf"(?P<num>{_DIGITS}|{_FEW}|{_WORDS}|{_VAGUE})"
    rf"(?P<scale>[\s-]+(?:million|billion|trillion|thousand)\b|(?:k|m|mn|mm|mln|bn|b|tn)\b)?"
    rf"{_UNIT}?",
    re.IGNORECASE)

_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
              "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
              "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
              "tenth": 10, "tenths": 10}
_FRACTION_RE = re.compile(
    rf"(?:(?P<qual>\b(?:{_QUALS}))\s+)?"
    r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine)[\s-]"
    r"(?P<d>half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b"
    r"(?=\s+of\b)|(?:(?P<qual2>\b(?:more than|less than|nearly|almost|about|roughly|over|under|just over|just under))\s+)?"
    r"\b(?P<half>half)\b(?=\s+of\b)",
    re.IGNORECASE)

_VAGUE_RANGES = {"dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999),
                 "thousands": (2_000, 9_999), "millions": (2e6, 9.99e8), "billions": (2e9, 9.99e11)}
_CURRENCIES = {"$": "USD", "us$": "USD", "$us": "USD", "u.s.$": "USD", "u.s. $": "USD", "c$": "CAD", "a$": "AUD",
               "€": "EUR", "£": "GBP", "¥": "JPY", "dollars": "USD", "us dollars": "USD",
               "u.s. dollars": "USD", "euro": "EUR", "euros": "EUR", "pounds": "GBP",
               "pounds sterling": "GBP", "yen": "JPY", "usd": "USD", "eur": "EUR", "gbp": "GBP"}

_WORD_RE = re.compile(r"[A-Za-z](?:[\w'’]|-(?=[A-Za-z]))*|[^\w\s]")  # 'points-13': the word ends at the figure
# Past these a run of digits or number words is no quantity a report states
# (the national debt is 14 digits); they are skipped, never compared.
_MAX_DIGITS = 18
_MAX_VALUE = 1e18
_SKIP_BEFORE = re.compile(r"(?:\b(?:No|no|Number|number|Route|Flight|Interstate|I|Highway|Section|"
                          r"Article|Chapter|Room|Suite|Apt|Unit|Gate|Pier|Level|Grade|grade|page|"
                          r"Page|Act|Local|District|Ward|Precinct|Station|Engine|Ladder|Company)\.?"
                          r"\s+|#|\b[A-Z]{2,3}[ -])$")  # "AK 47", "AK-47": a model's name


# Letters glued to a figure that are no unit make it part of a name ("76ers",
# "49ers"; "5km", "10am" stay).
_GLUED_NAME = re.compile(r"(?!(?:km|kg|mm|cm|mph|kph|ft|lbs?|am|pm|st|nd|rd|th|s)\b)[A-Za-z]{2,}")


# Ages: "a 61-year-old man", "Sixty-year-old Joe Smith", "Joe Smith, 61, of Akron",
# "Smith, aged 60".  Whose age it is keys the fact, so two people's ages in one
# passage are never compared with each other.
_YEARS_OLD = re.compile(r"[- ](?:years?|yrs?)[- ]old\b")
_AGE_NAME_AFTER = re.compile(r"\s*((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)")
_AGE_NOUN_AFTER = re.compile(r"\s*([a-z]+)")
_AGE_NAME_BEFORE = re.compile(r"([A-Z][\w'’-]+),\s+(?:aged\s+)?$")
_AGE_NOUN_BEFORE = re.compile(r"\b(?:his|her|their|the|a)\s+([a-z]+),\s+(?:aged\s+)?$")


def _age_holder(text: str, start: int, end: int, value: float) -> Optional[str]:
    """Whose age the figure at ``[start, end)`` gives: a surname, a noun ("man"), or None."""
    if not 0 < value < 120 or value != int(value):
        return None
    old = _YEARS_OLD.match(text, end)
    if old:
        name = _AGE_NAME_AFTER.match(text, old.end()) if text[old.end():old.end() + 1] == " " else None
        if name:
            # "a 61-year-old Akron man": the man, not Akron.
            noun = _AGE_NOUN_AFTER.match(text, name.end())
            if noun and noun.group(1) in lexicon.person_nouns():
                return noun.group(1)
            return name.group(1).split()[-1]
        # "a 60-year-old woman"; "the 23-year-old was charged", "a 60-year-old, terminally
        # ill woman": a person; "a 41-year-old double murder case": no one's age.
        noun = _AGE_NOUN_AFTER.match(text, old.end())
        if noun and noun.group(1) in lexicon.person_nouns():
            return noun.group(1)
        if noun and noun.group(1) not in lexicon.stopwords() and text[old.end():old.end() + 1] == " ":
            return None
        return "person"
    if text[end:end + 1] != ",":
        return None
    before = text[max(0, start - 60):start]
    name = _AGE_NAME_BEFORE.search(before)
    if name:
        word = name.group(1)
        # "Boston, 3, ..." is a score and "Friday, 12, ..." a date: a person's age only.
        if word.lower() in lexicon.stopwords() or word in lexicon.places() or word in lexicon.not_name_words():
            return None
        return word
    noun = _AGE_NOUN_BEFORE.search(before)
    return noun.group(1) if noun else None


def words_to_number(text: str) -> Optional[float]:
    """``"twenty-five"`` -> 25, ``"two hundred and five"`` -> 205, ``"a dozen"`` -> 12."""
    total, current = 0.0, 0.0
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current = max(current, 1)
            continue
        if word == "dozen":
            current = (current or 1) * 12
        elif word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _hedge(qual: Optional[str], value: float) -> tuple[float, float, bool]:
    """The interval a hedged value stands for."""
    q = (qual or "").lower()
    if q in ("", "exactly", "only", "just", "a total of", "a further", "another"):
        return value, value, False
    if q in ("about", "around", "approximately", "roughly", "some", "close to", "an estimated",
             "estimated"):
        return value * 0.9, value * 1.1, True
    if q in ("nearly", "almost", "just under"):
        return value * 0.85, value, True
    if q in ("more than", "over", "at least", "upwards of", "in excess of", "just over",
             "no fewer than", "no less than"):
        return value, INF, True
    if q in ("fewer than", "less than", "under", "up to", "at most", "as many as", "as much as",
             "no more than", "as few as"):
        return 0.0, value, True
    return value, value, False


def _following_words(text: str, pos: int, limit: int = 8) -> list[tuple[str, int, int]]:
    words = []
    for m in _WORD_RE.finditer(text, pos, min(len(text), pos + 90)):
        words.append((m.group(), m.start(), m.end()))
        if len(words) >= limit:
            break
    return words


# Spans of time and measures: what happens in a story does not happen to them, so a label
# never joins them to a happening's word ("two years after the death", "fell 700 meters to
# his death").
_SPANS_AND_MEASURES = TIME_UNITS | {
    "night", "decade", "season", "century", "meter", "kilometer", "centimeter", "millimeter", "foot", "mile",
    "yard", "inch", "kilogram", "ton", "tonne", "acre", "hectare", "gallon", "liter", "litre", "mph", "kph",
    "degree"}

# Units written short or in British spelling, under one head: "12 km" and "12 kilometers",
# "3 metres" and "3 meters" count one thing.
_UNIT_HEADS = {"km": "kilometer", "kms": "kilometer", "kilometre": "kilometer", "kg": "kilogram",
               "kgs": "kilogram", "kilogramme": "kilogram", "metre": "meter", "centimetre": "centimeter",
               "millimetre": "millimeter", "cm": "centimeter", "mm": "millimeter", "ft": "foot",
               "mph": "mph", "kph": "kph"}


def _measure_head(word: str) -> Optional[str]:
    """The head of a measure or span of time written as ``word`` ("yards" -> "yard"), else None."""
    head = _UNIT_HEADS.get(word) or _UNIT_HEADS.get(lexicon.singular(word)) or lexicon.singular(word)
    return head if head in _SPANS_AND_MEASURES else None


def count_noun(text: str, end: int, value: float) -> tuple[Optional[str], str, Optional[str], str]:
    """What a number counts: (head noun singular, noun phrase, event class, event word).

    "40 police officers" -> ("officer", "police officers", None, "");
    "five passengers were hurt" -> ("passenger", "passengers", "injured", "hurt");
    "four dead" -> ("", "", "killed", "dead").
    """
    stop = lexicon.stopwords()
    events = lexicon.events()
    words = _following_words(text, end, 9)
    if words and "-" in words[0][0]:
        # "4,051 yards-breaking Cam Newton's record": a dash lost its spaces, and
        # the measure before it is what is counted.
        first = words[0][0].split("-", 1)[0]
        if _measure_head(first.lower()):
            words[0] = (first, words[0][1], words[0][1] + len(first))
    i = 0
    if words and words[0][0].lower() == "of":  # "two of the victims"
        i = 1
        while i < len(words) and words[i][0].lower() in ("the", "those", "these", "them", "its", "their"):
            i += 1
        if i < len(words) and (words[i][0].isdigit() or words[i][0].lower() in _UNITS + _TENS):
            i += 1  # "five of the six bullet casings": a part of the whole, counting casings
    phrase: list[str] = []
    head = None
    event_class, event_word = None, ""
    while i < len(words) and len(phrase) < 3:
        w = words[i][0]
        lw = w.lower()
        if not w[0].isalpha() or lw in stop or lw in lexicon.speech_verbs():
            break
        if lw in events and head is None and (not phrase or lw.endswith("ed")):
            event_class, event_word = events[lw], w
            if not lexicon.looks_plural(lw) or lw in ("deaths", "fatalities", "injuries"):
                i += 1
                if lw in ("deaths", "fatalities", "injuries"):
                    head = ""
                    break
                continue
        if not phrase and lw in _UNIT_HEADS:  # "seven km (4 miles)": the unit is what is counted
            phrase.append(w)
            head = _UNIT_HEADS[lw]
            i += 1
            break
        if lexicon.looks_plural(lw) or (value == 1 and not lw.endswith(("ed", "ing", "ly"))):
            phrase.append(w)
            head = lexicon.singular(lw)
            head = _UNIT_HEADS.get(head, head)
            i += 1
            if i < len(words) and lexicon.looks_plural(words[i][0]) and words[i][0][0].islower():
                continue
            break
        if lw.endswith(("ed", "ing", "ly")) and not phrase:
            # "38 teaching positions", "40 nursing jobs": a gerund naming a kind
            # of the plural noun right after it, not a verb.
            after = words[i + 1][0] if i + 1 < len(words) else ""
            if not (lw.endswith("ing") and after[:1].islower() and lexicon.looks_plural(after.lower())):
                break
        phrase.append(w)
        i += 1
    if head is None:
        if event_class:
            return "", "", event_class, event_word
        return None, "", None, ""
    # What happened to them, a few words on: "were hurt", "have been killed".
    if event_class is None:
        for w, _, _ in words[i:i + 4]:
            lw = w.lower()
            if lw in events:
                event_class, event_word = events[lw], w
                break
            if not w[0].isalpha() or lw in (",", ";", "and", "but", "who", "which", "that"):
                break
    return head, " ".join(phrase), event_class, event_word


# Verbs a poll's share goes on with ("68 percent believe", "40% support").
_POLL_VERBS = frozenset({"believe", "think", "say", "support", "oppose", "want", "approve", "disapprove",
                         "favor", "favour", "expect", "agree", "disagree", "feel", "prefer", "trust"})


def _topic_after(text: str, end: int) -> Optional[str]:
    """The thing a percent or sum is about: "27% approval", "10% of Trump voters" -> voter."""
    stop = lexicon.stopwords()
    phrase: list[str] = []
    for w, _, _ in _following_words(text, end, 6):
        lw = w.lower()
        if not w[0].isalpha() or lw == "to":  # "$42 million to overhaul": no noun
            break
        if lw in stop or lw == "percent":
            if phrase:
                break
            continue
        if lw.endswith(("ed", "ing", "ly")) or lw in lexicon.speech_verbs() or lw in _POLL_VERBS:
            break  # "68 percent believe the government ...": what they think, not what it is of
        if lw in WORD_VALUES or lw in ("hundred", "thousand", "million", "billion", "dozen"):
            break  # "$160 million over eight years": a count of something else
        if lw.endswith(("'s", "’s", "'", "’")):
            # "103 million euros in one of the world's biggest heists": an owner
            # belongs to the words after it, never the thing the sum is about.
            break
        phrase.append(w)
        if len(phrase) == 2:
            break
    # "Trump voters": a capitalised modifier is not the topic.
    for w in phrase:
        if w[0].islower():
            return lexicon.singular(w.lower())
    # Names only ("52 percent in Egypt"): shown as written ("share (Egypt)"), never made a
    # plural's singular ("Philippines"); topics are compared without case (``quantities``).
    return phrase[-1] if phrase else None


# "2 1/2 years", "3½ minutes": a whole number and a fraction are one value.
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_MIXED_RE = re.compile(r"(?<![\w.,/])(?:(?P<whole>\d+)\s+(?P<n>\d)/(?P<d>\d{1,2})|"
                       r"(?P<whole2>\d+)?(?P<vulgar>[½¼¾⅓⅔]))(?![\w/])")


def _mixed_value(m: re.Match) -> Optional[float]:
    if m.group("vulgar"):
        return round(int(m.group("whole2") or 0) + _VULGAR[m.group("vulgar")], 6)
    n, d = int(m.group("n")), int(m.group("d"))
    if d == 0 or n >= d:
        return None
    return round(int(m.group("whole")) + n / d, 6)


# A bare figure right after a temperature is in degrees: "outside temperatures were minus 20",
# "the mercury fell to 5 below".
_TEMPERATURE_BEFORE = re.compile(
    r"\b(?:temperatures?|temps|mercury|thermometers?)\s+(?:of|were|was|at|reached|read|hit|"
    r"(?:dropped|fell|plunged|sank|rose|climbed)\s+to)\s+(?:a\s+)?(?:low\s+of\s+|high\s+of\s+)?"
    r"(?:minus|negative|-|−)?\s*$", re.IGNORECASE)


_BELOW_ZERO = re.compile(r"(?:\bminus|\bnegative|(?<!\w)[-−])\s*$", re.IGNORECASE)


# A run of digit groups with spaces between ("0800 555 111") or a leading
# zero ("0845"): a telephone number or a code, never a quantity.
_CODE_BEFORE = re.compile(r"\d[ \t]$")
_CODE_AFTER = re.compile(r"^[ \t]\d")


def find_numbers(article: Article, taken: Taken) -> list[Item]:
    text = article.text
    items: list[Item] = []
    for m in _FRACTION_RE.finditer(text):
        if taken.hit(m.start(), m.end()):
            continue
        if m.group("half"):
            fraction = 0.5
            qual = m.group("qual2")
        else:
            n = 1 if m.group("n").lower() in ("a", "one") else WORD_VALUES[m.group("n").lower()]
            fraction = n / _FRACTIONS[m.group("d").lower()]
            qual = m.group("qual")
        lo, hi, approx = _hedge(qual, fraction)
        hi = min(hi, 1.0)
        taken.add(m.start(), m.end())
        items.append(span_item(article, "percent", m.start(), m.end(), value=round(fraction, 6),
                               lo=lo, hi=hi, approx=approx, key="pct",
                               extra={"topic": _topic_after(text, m.end())}))
    for m in _MIXED_RE.finditer(text):
        if taken.hit(m.start(), m.end()):
            continue
        value = _mixed_value(m)
        if value is None:
            continue
        taken.add(m.start(), m.end())
        items.append(_exact_count(article, m.start(), m.end(), value))
    for m in _HEIGHT_WEIGHT.finditer(text):
        # "is 5-foot-8,135 pounds": a height, and after its comma the weight, which
        # the number pattern never sees (a digit glued to a hyphen or a comma).
        if taken.hit(m.start("weight"), m.end("weight")):
            continue
        taken.add(m.start("weight"), m.end("weight"))
        items.append(_exact_count(article, m.start("weight"), m.end("weight"), int(m.group("weight"))))
    for m in _NUMBER_RE.finditer(text):
        item = _number_item(article, m)
        if item is None or taken.hit(item.start, item.end):
            continue
        taken.add(item.start, item.end)
        items.append(item)
    return _with_conversions_marked(text, _ranges_joined(article, items))


# Between two figures of one range: "10 to 15", "two or three", "between 30 and 40".
_RANGE_JOIN = re.compile(r"\s+(?:to|or|and)\s+$")
_RANGE_FROM = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)


def _ranges_joined(article: Article, items: list[Item]) -> list[Item]:
    """Two counts told as a range made one item spanning it: "between 10 and 15 people"
    is 10 to 15 people, which "twelve" is within; kept apart, "15 vs twelve" disagreed.

    "From 10 to 15" is a change, not a range, and "two women and one man" a list:
    "and" joins a range only after "between".
    """
    text = article.text
    out: list[Item] = []
    numbers = sorted((i for i in items if i.kind == "number"), key=lambda i: i.start)
    merged: dict[int, Item] = {}
    gone: set[int] = set()
    for a, b in zip(numbers, numbers[1:]):
        if id(a) in gone or not isinstance(a.value, (int, float)) or not isinstance(b.value, (int, float)):
            continue
        join = _RANGE_JOIN.match(text, a.end, b.start)
        if not join or not 0 <= a.value < b.value or (a.key is not None and a.key != b.key):
            continue
        before = _RANGE_FROM.search(text, max(0, a.start - 9), a.start)
        word = join.group().strip().lower()
        if before is not None and before.group().lower().startswith("from"):
            continue
        if word == "and" and before is None:
            continue
        start = before.start() if before is not None else a.start
        merged[id(b)] = span_item(article, "number", start, b.end, value={"min": a.value, "max": b.value},
                                  lo=a.lo, hi=b.hi, approx=True, key=b.key, label=b.label,
                                  extra=b.extra)
        gone.add(id(a))
        gone.add(id(b))
    for item in items:
        if id(item) in merged:
            out.append(merged[id(item)])
        elif id(item) not in gone:
            out.append(item)
    return out


_CONVERTS = re.compile(r"\d(?:[\d,.]*\d)?(?:[\s-]*(?:million|billion|trillion|bn|mn|m|k)\b)?"
                       r"(?:\s*(?:euros?|pounds|dollars|yen|yuan|rupees|[A-Z]{3}))?\s*\(\s*$",
                       re.IGNORECASE)


def _with_conversions_marked(text: str, items: list[Item]) -> list[Item]:
    """Mark a sum in brackets right after another sum: "85 million euros ($108 million)"
    converts the first; it is compared only with other conversions (two outlets
    converting one sum differently), never with a sum an article states."""
    drop = set()
    for item in items:
        if item.kind != "money":
            continue
        # What a bracket converts: a sum or a bare figure (its currency sign may be lost).
        if _CONVERTS.search(text, max(0, item.start - 40), item.start):
            drop.add(id(item))
    for item in items:
        if id(item) in drop:
            item.key = f"{item.key}|converted"
            item.extra["converted"] = True
    return items


_BODY = re.compile(r"\bweigh|\bweight|\bheav(?:y|ier)\b|\blighter\b|\btall\b|\d-(?:foot|feet|ft)\b|\blbs?\b",
                   re.IGNORECASE)


def _sentence_around(text: str, at: int) -> str:
    lo = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at), at - 200)
    hi = min([k for k in (text.find(". ", at), text.find("\n", at)) if k >= 0] + [at + 200])
    return text[max(0, lo):hi]


def _weight_item(article: Article, m: re.Match, start: int, value: float, qual) -> Item:
    lo, hi, approx = _hedge(qual, value)
    return span_item(article, "number", start, m.end(), value=int(value) if value == int(value) else value,
                     lo=lo, hi=hi, approx=approx, key="pound|", label="pounds",
                     extra={"head": "pound", "event": None, "phrase": "pounds"})


def _exact_count(article: Article, start: int, end: int, value) -> Item:
    """An exact count at ``[start, end)`` with what it counts, read after it."""
    head, phrase, event, event_word = count_noun(article.text, end, value)
    return span_item(article, "number", start, end, value=value, lo=value, hi=value,
                     key=f"{head}|{event or ''}" if head is not None else None,
                     label=" ".join(x for x in (phrase, event_word.lower()) if x),
                     extra={"head": head, "event": event, "phrase": phrase})


_HEIGHT_WEIGHT = re.compile(r"\b\d\s?-?(?:foot|feet|ft)-?\s?\d{1,2},(?P<weight>\d{2,3})(?=\s+(?:pounds|lbs?)\b)",
                            re.IGNORECASE)


_BEFORE_COUNT = re.compile(r"\b([A-Za-z]+)\s+(?:at\s+least\s+|about\s+|some\s+|nearly\s+|more\s+than\s+"
                           r"|up\s+to\s+|around\s+|an\s+estimated\s+)?$")


def _event_before(text: str, start: int) -> tuple[Optional[str], str]:
    """What happened to the counted things, told by the verb right before the count,
    and the word to label it with: "injuring five people" -> ("injured", "injured")."""
    m = _BEFORE_COUNT.search(text, max(0, start - 40), start)
    if not m:
        return None, ""
    word = m.group(1)
    events = lexicon.events()
    # The class names the label ("people injured", not "people injuring").
    if word.lower() in events:
        return events[word.lower()], events[word.lower()]
    from .slots import verb_lemma
    lemma = verb_lemma(word)
    classes = set(events.values())
    return (lemma, lemma) if lemma in classes else (None, "")


def _number_item(article: Article, m: re.Match) -> Optional[Item]:
    text = article.text
    num = m.group("num")
    cur = m.group("cur")
    unit = (m.group("unit") or "").strip().lower()
    scale_s = (m.group("scale") or "").strip(" \t\n-").lower()
    start = m.start()
    qual = m.group("qual")
    if num[0].isdigit():
        digits = num.replace(",", "")
        around = text[max(0, m.start("num") - 1):m.end("num") + 6]
        if "\ufffd" in around or re.match(r",\s\d{3}\b", text[m.end("num"):m.end("num") + 5]):
            return None  # a garbled character beside it, or "2, 000" (a broken thousands comma)
        if not (cur or unit or scale_s) and (
                (len(digits) > 1 and digits[0] == "0" and "." not in digits)
                or _CODE_BEFORE.search(text, max(0, m.start("num") - 2), m.start("num"))
                or _CODE_AFTER.match(text[m.end("num"):m.end("num") + 2])):
            return None
        if len(digits.partition(".")[0]) > _MAX_DIGITS:
            return None  # a serial, a hash or garbage, never a quantity in prose
        value = float(digits)
        vague = None
    elif num.lower() in _VAGUE_RANGES or _FEW_RE.fullmatch(num):
        scale = num.lower().split()[-1]  # "hundreds", or the "hundred" of "a few hundred"
        vague = _VAGUE_RANGES[scale if scale.endswith("s") else scale + "s"]
        value = float(vague[0])
    else:
        vague = None
        if num.lower() in ("one", "a", "an") and not (cur or unit or scale_s):
            return None
        value = words_to_number(num)
        if value is None:
            return None
        # Keep a lone "one"/"a" out: it is a pronoun or an article far more often.
        if value == 1 and not (cur or unit or scale_s):
            return None
        if not num[0].isalpha():
            return None
    if scale_s:
        if scale_s in _ABBR_SCALES and not cur and not unit:
            return None  # "5m" without a currency is a length
        value *= _SCALES.get(scale_s, _ABBR_SCALES.get(scale_s, 1))
    if not math.isfinite(value) or value > _MAX_VALUE:
        return None  # "a million million million ...": no figure a report compares
    is_money = bool(cur) or unit in _CURRENCIES or unit.startswith(("us ", "u.s. "))
    if is_money and unit == "pounds" and not cur and _BODY.search(_sentence_around(text, start)):
        # "weighing 130 pounds", "5-foot-8, 135 pounds": a weight, not sterling.
        return _weight_item(article, m, start, value, qual)
    is_percent = unit.startswith(("%", "percent", "per"))
    points = unit.startswith("percentage")
    if not (is_money or is_percent or points):
        # Skip what is a label, a score or an address rather than a quantity.
        before = text[max(0, start - 14):start]
        if _SKIP_BEFORE.search(before):
            return None
        after = text[m.end():m.end() + 2]
        if after[:1] in ("-", "–", "/") and after[1:2].isdigit():
            return None
        if num[0].isdigit() and start > 0 and (text[start - 1] in "-–/" and text[start - 2:start - 1].isdigit()):
            return None
        if num.isdigit() and len(num) == 4 and 1800 <= value <= 2100 and not scale_s:
            return None  # a year the date finder left alone
        if num[0].isdigit() and not scale_s and (_GLUED_NAME.match(text, m.end("num"))
                                                  or STREET_AFTER.match(text, m.end("num"))):
            return None  # part of a name or an address
        if num == "911":
            return None  # the emergency number ("911 calls"), not a count
    if vague:
        lo, hi, approx = vague[0], vague[1], True
        json_value = {"min": vague[0], "max": vague[1]}
    else:
        lo, hi, approx = _hedge(qual, value)
        json_value = int(value) if value == int(value) else value
    if qual and not approx and qual.lower() not in ("exactly",):
        start = m.start("num") if not cur else m.start("cur")  # "only five": the hedge is no part
    end = m.end()
    if is_money:
        currency = _CURRENCIES.get(cur.lower().replace(" ", "") if cur else unit, None) if cur else \
            _CURRENCIES.get(unit, "USD")
        if cur and currency is None:
            currency = _CURRENCIES.get(cur.lower(), "USD")
        return span_item(article, "money", start, end,
                         value={"amount": json_value, "currency": currency}, lo=lo, hi=hi,
                         approx=approx, key=f"money|{currency}", label="amount",
                         extra={"topic": _topic_after(text, end)})
    if is_percent or points:
        frac = lambda v: v / 100.0 if v != INF else INF  # noqa: E731
        jv = round(value / 100.0, 6) if not vague else None
        return span_item(article, "percent", start, end, value=jv, lo=frac(lo), hi=frac(hi),
                         approx=approx, key="points" if points else "pct",
                         label="percentage points" if points else "share",
                         extra={"topic": _topic_after(text, end)})
    holder = _age_holder(text, m.start("num"), m.end("num"), value) if not (vague or scale_s or qual) else None
    if holder is not None:
        return span_item(article, "number", start, end, value=json_value, lo=lo, hi=hi, approx=approx,
                         key=f"age|{holder.lower()}", label="age", extra={"head": "age", "event": None,
                                                                          "phrase": "age", "holder": holder})
    head, phrase, event, event_word = count_noun(text, end, value)
    if head is None and _TEMPERATURE_BEFORE.search(text, max(0, start - 40), start):
        head, phrase = "degree", "degrees"  # "temperatures were minus 20": degrees, unsaid
    if head == "degree" and not vague and isinstance(json_value, (int, float)):
        below = _BELOW_ZERO.search(text, max(0, start - 10), start)
        if below:  # "minus 17 degrees" is -17, shown as written
            start, json_value, lo, hi = below.start(), -json_value, -hi, -lo
    if head and head.endswith("'") and head[:-1].isalpha():
        head = head[:-1] + "s"  # "47 KO's" counts what "46 KOs" does
    if head in lexicon.generic_nouns() and event is None:
        # "injuring five people": a generic noun says what is counted only with
        # what happened to it (a specific one, "homes", keys on itself).
        event, event_word = _event_before(text, start)
    key = None
    label = ""
    if head is not None:
        key = f"{head}|{event or ''}"
        label = " ".join(x for x in (phrase or ("people" if event else ""), event_word.lower()) if x)
        if head in _SPANS_AND_MEASURES and phrase:
            # "two years after the death": the death did not happen to the years, so the
            # label is "years" (the key keeps the event: spans before two happenings differ).
            # Likewise a measure ("meters", not "meters death").
            label = phrase
    return span_item(article, "number", start, end, value=json_value, lo=lo, hi=hi, approx=approx,
                     key=key, label=label,
                     extra={"head": head, "event": event, "phrase": phrase})
