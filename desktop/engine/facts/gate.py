"""Whether two disagreeing values are values of the same thing.

A shared noun is not enough on real news: "11 seasons" with Philadelphia
and "15 seasons" in the NBA, "sentenced Tuesday" and "convicted Thursday",
"went to Promises on Tuesday" and "her rep said Friday" are all different
things.  Two values are taken for one thing when

- they stand opposite each other in two sentences that are otherwise
  nearly the same (one sentence edited into the other); or
- they hang on the same verb ("died Thursday" / "died on Friday", "served
  five months" / "served four months"), or, for counts, share what happened
  to the counted things ("10 people killed" / "killed three people").

A date or time of the report itself ("officials said Saturday") is never
compared: when a story was told is no fact of the story.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from ..model import Article, Group, Passage
from .dates import parse_published
from .items import TIME_UNITS, Item
from .slots import Slot, noun_dated, opposite, related_verbs, same_verb, similarity, slot_for, unit_after, zone_after

if TYPE_CHECKING:
    from .extract import Extraction

# Two sentences this alike (word-diff ratio) are one sentence edited.
NEAR_COPY = 0.5
_DATED = ("date", "time")


@lru_cache(maxsize=1)
def value_words() -> frozenset[str]:
    """Words that only give a value's size or shape, never what it measures."""
    from .dates import MONTHS, WEEKDAYS
    from .numbers import WORD_VALUES
    return frozenset(WORD_VALUES) | frozenset(MONTHS) | frozenset(WEEKDAYS) | {
        "million", "billion", "trillion", "thousand", "hundred", "dozen", "dozens", "percent",
        "per", "cent", "today", "yesterday", "tomorrow", "tonight", "a.m", "p.m", "am", "pm"}


@dataclass
class Scene:
    """What the gate reads besides the two values: articles and aligned groups."""

    extractions: dict[str, "Extraction"]
    groups: tuple[Group, ...] = ()
    group_of: dict[str, Group] = field(default_factory=dict)  # passage id -> its group

    def __post_init__(self) -> None:
        for group in self.groups:
            for pid in group.passages:
                self.group_of.setdefault(pid, group)

    def article(self, article_id: str) -> Article:
        return self.extractions[article_id].article

    def sentence(self, item: Item) -> tuple[Article, Passage]:
        """The article of ``item`` and the passage (sentence) holding it."""
        ext = self.extractions[item.article]
        return ext.article, ext.article.passages[ext.index.position(item.passage or "")]

    def tight(self, a: Item, b: Item) -> Optional[Group]:
        """The group when the two values' sentences are each other's only telling of it.

        One sentence from each article in one aligned group, each holding
        the only value of its kind there: the alignment says the two
        sentences tell the same thing, and nothing else in them competes.
        """
        group = self.group_of.get(a.passage or "")
        if group is None or self.group_of.get(b.passage or "") is not group:
            return None
        for item in (a, b):
            own = [p for p in group.passages if p.rstrip("0123456789") == item.article]
            if len(own) != 1:
                return None
            same_kind = [i for i in self.extractions[item.article].by_passage.get(item.passage, ())
                         if i.kind == item.kind and not i.in_quote]
            if len(same_kind) != 1:
                return None
        return group


def slot(item: Item, article: Article) -> Slot:
    words = value_words()
    phrase = (item.extra.get("phrase") or "").lower().split()
    if phrase:
        words = words | frozenset(phrase)
    return slot_for(item, article, words, dated=item.kind in _DATED)


def _near_copy(a: Slot, b: Slot, counted: bool = False) -> bool:
    """``counted``: bare numbers, which must say the same unit or both none
    ("26 Somali crewmembers" against the "11" of "10 Nov 11")."""
    if similarity(a, b) < NEAR_COPY or not opposite(a, b):
        return False
    # "15 miles north" / "24km north", "170,000-square-foot" / "15,800-square-metre":
    # one distance in two units, not two distances.
    ua, ub = unit_after(a), unit_after(b)
    return ua == ub or (not counted and (not ua or not ub))


def near_copy(scene: Scene, a: Item, b: Item) -> bool:
    """The values stand opposite each other in two near-identical sentences."""
    if not a.passage or not b.passage:
        return False
    sa, sb = slot(a, scene.article(a.article)), slot(b, scene.article(b.article))
    return not (sa.bare or sb.bare) and _near_copy(sa, sb, a.kind == "number")


def _elapsed(item: Item, s: Slot) -> bool:
    """A count of time up to the report ("eight days ago", "the past eight days",
    "after eight days of riots"): it grows with the day an article was written."""
    if item.kind != "number" or item.extra.get("head") not in TIME_UNITS:
        return False
    before = s.tokens[s.first - 1] if s.first > 0 else ""
    unit_at = s.last + len((item.extra.get("phrase") or "").split())
    after = s.tokens[unit_at] if unit_at < len(s.tokens) else ""
    if item.extra.get("head") in ("day", "week") and after == "of":
        return True  # "reeling from four days of riots": the riots so far
    return after == "ago" or before in ("past", "last") or (before == "after" and after == "of")


_SCOPES = {"since", "during", "so", "this", "in", "over", "for"}
_PERIODS = {"first", "second", "third", "fourth", "final", "last", "opening", "overtime", "half",
            "quarter", "period", "season", "career", "year", "month", "week", "far", "run", "stretch"}


def _scope(item: Item, s: Slot) -> tuple[str, ...]:
    """The stretch of time or play a count is limited to, read after its noun:
    "since October", "during a 15-2 run", "in the second half", "so far", "this
    season", "as director" (a role).  Two counts of one thing over different stretches are not one value."""
    at = s.last + len((item.extra.get("phrase") or "").split())
    words = s.tokens[at:at + 5]
    # "the final four games of the 2007 season", "in 2008": a year names the stretch.
    year = next((w for w in s.tokens[at:at + 6] if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")), None)
    if year and words and words[0] in ("of", "in", "during", "since"):
        return ("year", year)
    if words and words[0] == "as":
        return ("as",)  # "four seasons as director of personnel": in one role only
    if not words or words[0] not in _SCOPES:
        return _opening_scope(s)
    if words[0] in ("since", "during"):
        return tuple(words[:2])
    tail = [w for w in words[1:4] if w not in ("the", "a", "an", "his", "her", "their", "its")]
    if tail and tail[0] in _PERIODS:
        return (words[0], tail[0])
    return ()


_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0,
         "month": 30.44, "year": 365.25}


def _opening_scope(s: Slot) -> tuple[str, ...]:
    """A stretch of play the sentence opens with, before the value ("During the
    game's deciding 15-2 run, Echenique ... blocked two shots"): it limits
    every count after it, like one told after the noun."""
    if not s.tokens or s.tokens[0] not in ("during", "in", "since", "over") or s.first < 2:
        return ()
    for w in s.tokens[1:min(s.first, 8)]:
        if w in _PERIODS and w not in ("year", "month", "week", "last", "far"):
            return (s.tokens[0], w)
    return ()


_CHANGE_BEFORE = {"by", "rate", "up", "down", "rise", "rose", "risen", "fell", "fallen", "grew", "grown",
                  "increase", "increased", "increasing", "decrease", "decreased", "decreasing",
                  "jumped", "dropped", "climbed", "declined", "gained", "growth"}
_CHANGE_AFTER = {"daily", "annually", "yearly", "every", "per", "a"}


def _share_shape(item: Item, s: Slot) -> Optional[str]:
    """How a percentage is told: "part" of a whole ("0.2 percent of IE users") or a
    "change" ("increasing by 50 per cent every day", "at a rate of 50% daily")."""
    after = s.tokens[s.last] if s.last < len(s.tokens) else ""
    if after == "of":
        return "part"
    if after in _CHANGE_AFTER or _CHANGE_BEFORE & set(s.tokens[max(0, s.first - 3):s.first]):
        return "change"
    return None


def _days_between(scene: Scene, a: Item, b: Item) -> Optional[int]:
    pa, pb = (parse_published(scene.article(i.article).published) for i in (a, b))
    return abs((pa - pb).days) if pa and pb else None


def _elapsed_apart(scene: Scene, a: Item, b: Item) -> bool:
    """Two counts of time up to their reports differ by more than the days
    between the reports: "returned 12 weeks ago" and "moved back around six
    weeks ago" a day apart are two tellings that disagree, while "eight days
    ago" on Saturday and "five days of riots" on Wednesday are one span.
    Unknown publication dates explain any difference."""
    gap = _days_between(scene, a, b)
    ua, ub = _DAYS.get(a.extra.get("head")), _DAYS.get(b.extra.get("head"))
    if gap is None or ua is None or ub is None:
        return False
    return a.lo * ua > b.hi * ub + gap or b.lo * ub > a.hi * ua + gap


# A date this many days before its report is history, not news of the day.
_PAST_DAYS = 30


def _side_of_report(scene: Scene, item: Item) -> Optional[str]:
    """"past" when the date lies well before its article's publication, "ahead"
    when it lies after it, else None (near the report, or either unknown)."""
    published = parse_published(scene.article(item.article).published)
    if published is None or item.hi <= 0:
        return None
    day = published.toordinal()
    if item.hi < day - _PAST_DAYS:
        return "past"
    return "ahead" if item.lo > day else None


def _past_and_ahead(scene: Scene, a: Item, b: Item) -> bool:
    """One date is history and the other still to come, each by its own report:
    "first hosted the Oscars in 2007" against "would return next year to host".
    (Reports written months apart may see one hearing first ahead, then past.)"""
    if {_side_of_report(scene, a), _side_of_report(scene, b)} != {"past", "ahead"}:
        return False
    gap = _days_between(scene, a, b)
    return gap is not None and gap <= _PAST_DAYS


def _months(value: str) -> Optional[int]:
    try:
        return int(value[:4]) * 12 + (int(value[5:7]) - 1 if len(value) >= 7 else 0)
    except ValueError:
        return None


def _told_of_another_time(scene: Scene, item: Item) -> bool:
    """The value's sentence names a month or year well before its report ("In
    February, a quake ... hit Zarand, killing 612 people" in a November report):
    background about another happening, not the story's own figure."""
    article = scene.article(item.article)
    now = _months(article.published or "")
    if now is None:
        return False
    old = False
    for other in scene.extractions[item.article].by_passage.get(item.passage or "", ()):
        if other.kind != "date" or other.in_quote or not isinstance(other.value, str):
            continue
        then = _months(other.value)
        if then is None or now - then < 2:
            continue
        # A date the sentence happens at ("In February, a quake ..."; "hurt in
        # September and missed 10 games, including last Sunday's"), not one
        # describing a thing in it ("The 1962 steel bridge fell on Monday").
        before = article.text[max(0, other.start - 8):other.start].lower().split()
        if before and before[-1] in ("in", "on", "since", "during", "last", "early", "late"):
            old = True
    return old


# A day told relative to another happening of the same sentence ("shook the
# island on Monday as the toll from a quake a day before rose").
_OTHER_DAY = re.compile(r"\b(?:(?:a|one|two|three|four|five|several|\d+) days? (?:before|after|earlier|later)"
                        r"|the (?:previous|next|following) (?:day|night|morning|evening)"
                        r"|the (?:day|night|morning|evening) (?:before|after))\b", re.IGNORECASE)


def _two_days(scene: Scene, item: Item) -> bool:
    """The date's sentence dates two happenings, one counted from the other:
    which of them another article's day belongs to, nothing says."""
    article, passage = scene.sentence(item)
    return _OTHER_DAY.search(article.text, passage.start, passage.end) is not None


_IF = re.compile(r"\s*(?:[\"“‘']\s*)?(?:if|unless|should)\b", re.IGNORECASE)
# Two capitalised words at least: "the 2008 Miami Dolphins" is a team's season, while
# "the 1967 Staunton killings" dates the killings.
_NAMED_AFTER = re.compile(r"\s+[A-Z][\w.'’-]*\s+[A-Z]")
# "Friday's second semifinal": a day owning one of several things.
_OWNS_ONE_OF_SEVERAL = re.compile(r"['’]s\s+(?:first|second|third|fourth|fifth|other)\s+\w",
                                  re.IGNORECASE)


def _hypothetical(scene: Scene, item: Item) -> bool:
    """The value's sentence opens on a condition ("If the Saints beat Seattle, ...
    at 8 p.m. Saturday"): a day or hour of what may happen, not of what did."""
    article, passage = scene.sentence(item)
    return _IF.match(article.text, passage.start) is not None


def _names_a_thing(scene: Scene, item: Item) -> bool:
    """A year between "the" and a name says which thing, not when something
    happened: "the 2008 Miami Dolphins"; so does a day owning a noun that an
    ordinal picks out: "the winner of Friday's second semifinal".  (A day owning
    a noun alone may still date the happening: "Sunday's quake killed 10".)"""
    text = scene.article(item.article).text
    if _OWNS_ONE_OF_SEVERAL.match(text, item.end):
        return True
    before = text[max(0, item.start - 4):item.start].lower()
    return before.endswith("the ") and isinstance(item.value, str) and len(item.value) == 4 \
        and _NAMED_AFTER.match(text, item.end) is not None


def _people(scene: Scene, item: Item) -> frozenset[str]:
    """The surnames of the people the value's sentence names (kept on the item)."""
    if "people" not in item.extra:
        _, passage = scene.sentence(item)
        item.extra["people"] = frozenset(
            h.text.split()[-1].lower() for h in scene.extractions[item.article].hits
            if h.kind == "person" and passage.start <= h.start < passage.end)
    return item.extra["people"]


def _ages(scene: Scene, item: Item) -> list[float]:
    """The ages the value's sentence gives ("the 36-year-old", "Smith, 61"). Reports of one
    person's age at one time differ by a year at most, so sentences whose ages are all further
    apart speak of different people."""
    if "ages" not in item.extra:
        sentence = scene.extractions[item.article].by_passage.get(item.passage or "", ())
        item.extra["ages"] = [other.lo for other in sentence
                              if other.kind == "number" and (other.key or "").startswith("age|")]
    return item.extra["ages"]


def _told_too(a: Item, b: Item, scene: Scene) -> bool:
    """``a``'s sentence also gives ``b``'s value: "32 million tuned in, against 55.3
    million a decade ago" holds the 55.3 million the other article gives."""
    from .values import relation
    for other in scene.extractions[a.article].by_passage.get(a.passage or "", ()):
        if other is a or other.kind != b.kind or relation(other, b) != "same":
            continue
        # A count of something else ("18 injured and 12 arrested") is not the same value.
        if b.kind != "number" or other.key is None or other.key == b.key:
            return True
    return False


def same_thing(a: Item, b: Item, scene: Scene, tied: bool = False) -> bool:
    """``tied``: the caller found the two sentences tell one happening (the
    day of one dated noun, :func:`.quantities.date_facts`), so a noun may stand
    for the verb."""
    if not a.passage or not b.passage:
        return False
    sa, sb = slot(a, scene.article(a.article)), slot(b, scene.article(b.article))
    if sa.bare or sb.bare:
        return False  # a dateline or time stamp: when a page was made, not what happened
    if a.kind in _DATED and (sa.reporting or sb.reporting):
        return False
    if a.kind == "date" and (a.in_quote or b.in_quote):
        return False  # "we can grow our economy today": the speaker's day, not the article's
    if a.kind == "time" and zone_after(sa) != zone_after(sb):
        # "4:30 p.m. ET" and "1:30 p.m. PST" may be one kick-off; against a time
        # with no zone, which zone it is told in is unknown.
        return False
    if a.kind in _DATED and _hypothetical(scene, a) != _hypothetical(scene, b):
        return False  # "If the Saints beat Seattle, ... at 8 p.m." against the game's 3:30 p.m.
    if _told_too(a, b, scene) or _told_too(b, a, scene):
        return False
    if a.kind == "number" and _told_of_another_time(scene, a) != _told_of_another_time(scene, b):
        return False  # last February's quake against this one
    shapes = {_share_shape(a, sa), _share_shape(b, sb)} if a.kind == "percent" else set()
    if shapes == {"part", "change"}:
        return False  # a part of the users against the victims' daily growth
    if a.kind == "number" and _scope(a, sa) != _scope(b, sb):
        return False  # "arrested three times since October" / "arrested four times"
    if (_elapsed(a, sa) or _elapsed(b, sb)) and not _elapsed_apart(scene, a, b):
        return False  # "eight days ago" on Saturday is "five days of riots" on Wednesday
    if a.key is None or not a.key.startswith("age|"):
        ages_a, ages_b = _ages(scene, a), _ages(scene, b)
        if ages_a and ages_b and all(abs(x - y) > 1 for x in ages_a for y in ages_b):
            return False  # "The 36-year-old … fell" / "31-year-old Robert Buckley … fell": two people
    if _near_copy(sa, sb, a.kind == "number"):
        return True
    if a.kind == "date" and (_names_a_thing(scene, a) or _names_a_thing(scene, b)):
        return False
    if a.kind == "date" and _past_and_ahead(scene, a, b):
        return False
    if a.kind == "date" and (_two_days(scene, a) or _two_days(scene, b)):
        return False  # the aftershock "on Monday" against the quake "yesterday"
    if a.kind == "date":
        pa, pb = _people(scene, a), _people(scene, b)
        if pa and pb and not pa & pb:
            return False  # "placed Chris Ivory on injured reserve Tuesday" / "Pierre Thomas ... Wednesday"
    if sa.subject and sb.subject and sa.subject != sb.subject:
        return False  # "Vaughn finished with 16 points" / "Daye finished with 20 points"
    if a.kind in _DATED and sa.named - sb.named and sb.named - sa.named:
        return False  # "before Taunton Crown Court on 19 August" / "before ... Magistrates' Court on Tuesday"
    if a.kind == "number" and sa.verb and sa.verb == sb.verb and sa.ahead != sb.ahead:
        return False  # "will miss the final two games" / "missed four games" (after his surgery)
    if a.kind == "number" and a.extra.get("event") and a.extra.get("event") == b.extra.get("event"):
        return True  # "10 people killed" / "killed three people": what happened to them
    if a.extra.get("converted") and b.extra.get("converted") and opposite(sa, sb):
        return True  # one sum converted two ways, in the same place of one sentence
    # (Not a game clock: a game has many plays and one sentence may tell two, "tied
    # Ford with 14:05 left, then set the record with 7:41 left": a clock needs its verb.)
    specific = a.kind in ("money", "percent", "time") or a.extra.get("head") == "degree"  # a temperature
    if specific and not a.extra.get("clock") and scene.tight(a, b) is not None:
        # A sum, a share or a clock time is specific: the only one each side
        # gives in two sentences aligned one to one is the same.  (Asking the
        # verbs to agree too would cut one false flag on ECB+ but lose five
        # paraphrased conflicts of the own cases: "rated poor" / "put in the
        # worst condition".)
        return True
    if tied and a.kind == "date" and noun_dated(sa, sb):
        return True  # "his victory celebration on November 2" / "won ... victory in early November"
    return same_verb(sa, sb) or related_verbs(sa, sb)
