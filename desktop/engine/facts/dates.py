"""Dates and clock times in one article, normalised.

Absolute dates ("June 3", "November 21, 2025", "2019", "early November")
become ISO strings of the precision written ("2025-11-21", "2025-11",
"2019", ranges as "2025-11-01/2025-11-10").  Relative ones ("Thursday",
"yesterday", "last year") are resolved against the article's publication
date when it is known; an unresolved weekday keeps its name as value and
still compares by weekday.  Times become "HH:MM"; vague ones ("shortly
after noon") are approximate with an interval in minutes.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from ..model import Article
from .items import STREET_AFTER, Item, PassageIndex, Taken, span_item

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_PART = r"(?:(?P<part>early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+)"

_DATE_RE = re.compile("|".join([
    # Tuesday, Jan. 13, 2026 / November 21, 2025 / June 3
    rf"(?:{_WD},?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)(?:,?\s+{_YEAR}\b)?",
    # 3 June 2025 / the 3rd of June
    (rf"(?:{_WD.replace('wd', 'wd2')},?\s+)?(?:the\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
     + _MONTH.replace("month", "month2") + rf"\b(?:,?\s+{_YEAR.replace('year', 'year2')}\b)?"),
    # early November / November 2024 / mid-2019
    rf"{_PART}?{_MONTH.replace('month', 'month3')}\b(?:,?\s+{_YEAR.replace('year', 'year3')}\b)?",
    # (Not a clock: "at 2045 GMT", "1900 hours".)
    rf"(?<![\w$€£.,])(?<!\bat )(?:(?P<part4>early|mid|late)[\s-]+)?{_YEAR.replace('year', 'year4')}\b"
    rf"(?![\d%]|s\b|,\d|\.\d|-\d|\s*(?:GMT|UTC|GST|EST|EDT|CST|PST|PDT|BST|CET|IST|local time|hrs|hours)\b)",
    # relative
    rf"\b(?:(?P<rel>last|this|next|early|late)\s+)?{_WD.replace('wd', 'wd5')}\b",
    r"\b(?P<day6>yesterday|today|tonight|tomorrow|Yesterday|Today|Tomorrow)\b",
    r"\b(?P<rel7>last|this|next|earlier this|later this|Last|This|Next|Earlier this)\s+(?P<unit7>year|month|week)\b",
]))

_MONTH_ALONE_BEFORE = re.compile(r"(?:\b(?:in|since|until|by|of|from|through|last|this|next|before|after|during)\s+)$",
                                 re.IGNORECASE)


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or _MONTH_ABBR[key]


def parse_published(value: Optional[str]) -> Optional[date]:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _month_range(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def _part_range(part: Optional[str], first: date, last: date) -> tuple[date, date]:
    if not part:
        return first, last
    span = (last - first).days + 1
    third = span // 3
    part = part.lower()
    if part in ("early", "the beginning of", "the start of"):
        return first, first + timedelta(days=third - 1)
    if part in ("late", "the end of"):
        return last - timedelta(days=third - 1), last
    return first + timedelta(days=third), last - timedelta(days=third)


def _iso(first: date, last: date, precision: str) -> str:
    if precision == "day" and first == last:
        return first.isoformat()
    if precision == "month":
        return f"{first.year:04d}-{first.month:02d}"
    if precision == "year":
        return f"{first.year:04d}"
    return f"{first.isoformat()}/{last.isoformat()}"


def _guess_year(month: int, day: int, published: Optional[date]) -> Optional[int]:
    if published is None:
        return None
    # News tells of the recent past: a month later in the year than publication
    # is last year's, unless it is within a few weeks ahead.
    if (month, day) > (published.month, published.day) and month - published.month > 1:
        return published.year - 1
    if month < published.month - 9:
        return published.year + 1
    return published.year


def _date_item(article: Article, m: re.Match, published: Optional[date],
               reference_day: Optional[date] = None) -> Optional[Item]:
    g = m.groupdict()
    first = last = None
    precision = "day"
    weekday = None
    value = None
    approx = False
    part = None  # a part of a month: "early November"
    # A month named without its year, in an article without a dateline: its
    # year is borrowed from the comparison (see find_dates).
    borrowed = published is None and reference_day is not None and \
        not (g["year"] or g["year2"] or g["year3"])
    if g["month"] or g["month2"]:
        month = _month_number(g["month"] or g["month2"])
        day = int(g["day"] or g["day2"])
        year_s = g["year"] or g["year2"]
        if not 1 <= day <= 31:
            return None
        year = int(year_s) if year_s else _guess_year(month, day, published or reference_day)
        if borrowed:
            try:
                date(year, month, day)
            except ValueError:
                year = None  # "February 29" in a borrowed year that has none: left unplaced
        if year is None:
            value = f"--{month:02d}-{day:02d}"
            return span_item(article, "date", m.start(), m.end(), value=value,
                             extra={"precision": "day", "md": (month, day),
                                    "weekday": _wd_index(g["wd"] or g["wd2"])})
        try:
            first = last = date(year, month, day)
        except ValueError:
            return None
        # A borrowed year cannot tell which weekday a day was: only a written one counts.
        weekday = _wd_index(g["wd"] or g["wd2"]) if borrowed else first.weekday()
    elif g["month3"]:
        name = g["month3"]
        month = _month_number(name)
        year_s = g["year3"]
        before = article.text[max(0, m.start() - 20):m.start()]
        if not year_s and not g["part"]:
            # A bare month name must read as a date ("in November"), and
            # "May" or "Mar" alone are too often something else.
            if name.lower() not in MONTHS or name == "May" or not _MONTH_ALONE_BEFORE.search(before):
                return None
        year = int(year_s) if year_s else _guess_year(month, 1, published or reference_day)
        precision = "month" if not g["part"] else "range"
        approx = bool(g["part"])
        if year is None:
            return span_item(article, "date", m.start(), m.end(), value=f"--{month:02d}",
                             approx=approx, extra={"precision": precision, "m": month,
                                                   "part": g["part"]})
        first, last = _part_range(g["part"], *_month_range(year, month))
        part = g["part"]
    elif g["year4"]:
        if STREET_AFTER.match(article.text, m.end()):
            return None  # "1800 Pitkin Ave.": an address
        year = int(g["year4"])
        first, last = _part_range(g["part4"], date(year, 1, 1), date(year, 12, 31))
        precision = "year" if not g["part4"] else "range"
        approx = bool(g["part4"])
    elif g["wd5"]:
        wd = WEEKDAYS.index(g["wd5"].lower())
        rel = (g["rel"] or "").lower()
        if published is None:
            return span_item(article, "date", m.start(), m.end(), value=g["wd5"],
                             extra={"precision": "day", "weekday": wd})
        delta = (published.weekday() - wd) % 7
        if rel == "next" or (rel != "last" and _told_ahead(article.text, m.start())):
            # "will play Saturday", "begins its postseason Saturday": the coming one.
            first = published + timedelta(days=(wd - published.weekday()) % 7)
        elif rel == "next":
            first = published + timedelta(days=(wd - published.weekday()) % 7 or 7)
        elif rel == "last" and delta == 0:
            first = published - timedelta(days=7)
        else:
            first = published - timedelta(days=delta)
        last = first
        weekday = wd
    elif g["day6"]:
        if published is None:
            return None
        word = g["day6"].lower()
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        first = last = published + timedelta(days=offset)
        weekday = first.weekday()
    elif g["rel7"]:
        if published is None:
            return None
        rel = g["rel7"].lower()
        unit = g["unit7"]
        step = {"last": -1, "next": 1}.get(rel, 0)
        if unit == "year":
            y = published.year + step
            first, last, precision = date(y, 1, 1), date(y, 12, 31), "year"
        elif unit == "month":
            y, mo = published.year, published.month + step
            if mo == 0:
                y, mo = y - 1, 12
            elif mo == 13:
                y, mo = y + 1, 1
            first, last = _month_range(y, mo)
            precision = "month"
        else:
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
            first, last, precision = monday, monday + timedelta(days=6), "range"
            approx = True
    else:
        return None
    value = value or _iso(first, last, precision)
    # A weekday alone is resolved by guessing its week from the publication
    # date; "the court heard ... on Saturday" in a later article is still the
    # Saturday another names "8 June".
    return span_item(article, "date", m.start(), m.end(), value=value,
                     lo=float(first.toordinal()), hi=float(last.toordinal()), approx=approx,
                     extra={"precision": precision, "weekday": weekday,
                            "week_guessed": bool(g["wd5"]) and not (g["rel"] or ""),
                            "year_borrowed": borrowed and bool(g["month"] or g["month2"] or g["month3"]),
                            "part": part})


# Words that put what a weekday dates ahead of the report: future tense,
# schedules and plans, and the present of fixtures ("begins", "faces").
_AHEAD = re.compile(
    r"\b(?:will|won['’]t|'ll|shall|is|are|was|were)\s+(?:\w+ly\s+)?(?:be\s+)?"
    r"(?:scheduled|set|due|expected|slated|planned|to)\b|\b(?:will|won['’]t|'ll)\b|"
    r"\b(?:begins|starts|opens|kicks off|faces|plays|hosts|visits|returns|resumes|meets)\b|"
    r"\b(?:advances|advance|moves on) to\b|\bto (?:play|face|meet|host|visit|take on)\b",
    re.IGNORECASE)


def _told_ahead(text: str, start: int) -> bool:
    """The clause holding a weekday speaks of what is still to come."""
    lo = max(0, start - 80)
    for stop in (".", ";", "!", "?", "\n", "—"):
        k = text.rfind(stop, lo, start)
        if k >= 0:
            lo = k + 1
    head = text[lo:start]
    if re.search(r"\b(?:said|says|told|announced)\b", head):
        head = head[re.search(r"\b(?:said|says|told|announced)\b(?!.*\b(?:said|says|told|announced)\b)", head).end():]
    return bool(_AHEAD.search(head))


# Words that set a written day ahead of the report even without "will":
# "set for January 1, 2027", "runs until March 3".
_AHEAD_OF_DAY = re.compile(r"\b(?:set|scheduled|slated|planned|due|expected)\s+(?:for|on)\s+$|"
                           r"\b(?:until|till|through|by|before)\s+$|"
                           r"\b(?:expires?|ends|runs|lasts|closes)\s+(?:on\s+)?$", re.IGNORECASE)


def date_matches(text: str) -> tuple[re.Match, ...]:
    """Every match of the date pattern in ``text``, the costliest pattern here: a
    comparison reads them once for :func:`told_when` and again for :func:`find_dates`."""
    return tuple(_DATE_RE.finditer(text))


def told_when(articles: list[Article], matches: Optional[list[tuple[re.Match, ...]]] = None
              ) -> Optional[date]:
    """When a set of reports of one event was written, as near as their text says.

    The latest publication date among them; when none is dated, the latest
    fully written day ("November 21, 2025") they name outside a forecast
    ("will be held on", "set for", "until", "expires on").  Used only to give
    an undated article's month names a year.
    """
    dated = [d for d in (parse_published(a.published) for a in articles) if d]
    if dated:
        return max(dated)
    days = []
    for n, article in enumerate(articles):
        for m in (matches[n] if matches is not None else date_matches(article.text)):
            if not (m.group("year") or m.group("year2")) or _told_ahead(article.text, m.start()) or \
                    _AHEAD_OF_DAY.search(article.text[max(0, m.start() - 24):m.start()]):
                continue
            item = _date_item(article, m, None)
            if item is not None and item.extra.get("precision") == "day" and item.hi > 0:
                days.append(date.fromordinal(int(item.lo)))
    return max(days) if days else None


def _wd_index(name: Optional[str]) -> Optional[int]:
    return WEEKDAYS.index(name.lower()) if name else None


def find_dates(article: Article, taken: Taken, reference_day: Optional[date] = None,
               matches: Optional[tuple[re.Match, ...]] = None) -> list[Item]:
    """Dates of ``article``; ``reference_day`` places an undated article's months in a year.

    An undated article's "November 2" or "early November" still has a year:
    the one its comparison is told in (:func:`told_when`).  That reference is
    rough (a day its reports name, not a dateline), so it places months in a
    year but never resolves "Friday" or "yesterday", nor says which weekday
    "November 3" was; items placed so are marked ``year_borrowed``.
    """
    published = parse_published(article.published)
    items = []
    for m in (matches if matches is not None else date_matches(article.text)):
        if taken.hit(m.start(), m.end()):
            continue
        item = _date_item(article, m, published, reference_day)
        if item is not None:
            taken.add(item.start, item.end)
            _mark_night(article.text, item)
            items.append(item)
    return items


_NIGHT_AFTER = re.compile(r"\s+(?:night|evening)\b", re.IGNORECASE)
_EARLY = re.compile(r"^(?:early|before dawn)\b|\b(?:early|before dawn on)\s+$", re.IGNORECASE)


def _mark_night(text: str, item: Item) -> None:
    """"Friday night" may run past midnight, and "early Saturday" may be that night."""
    if item.extra.get("precision") != "day":
        return
    if _NIGHT_AFTER.match(text, item.end):
        item.extra["night"] = True
    if _EARLY.search(item.text) or _EARLY.search(text[max(0, item.start - 16):item.start]):
        item.extra["early"] = True


_TIME_RE = re.compile(
    r"(?:(?P<qual>shortly after|shortly before|just after|just before|soon after|a little after|"
    r"a little before|about|around|approximately|roughly|after|before|by|until|nearly|almost)\s+)?"
    r"(?:(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b|[AP]M\b)"
    r"|(?<![\d.,:])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
    r"|\b(?P<word>noon|midnight|midday)\b)",
    re.IGNORECASE)

_AT_CLOCK = re.compile(r"\b(?:at|by|around|about|from|until|till|before|after|since|to|between)\s+$",
                       re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"\s*(?:GMT|UTC|BST|CET|local|hrs\b|hours\b|h\b|[AP]M\b)", re.IGNORECASE)

# qualifier -> (minutes before, minutes after).  "By 6:40 a.m." and "after 10 p.m."
# bound a time from one side only: half a day on the open side, so a deadline is
# not read against an hour of some earlier step ("the call came in at 3:30").
_TIME_WINDOWS = {
    "about": (30, 30), "around": (30, 30), "approximately": (30, 30), "roughly": (30, 30),
    "shortly after": (0, 45), "just after": (0, 30), "soon after": (0, 60), "a little after": (0, 45),
    "after": (0, 720), "shortly before": (45, 0), "just before": (30, 0), "a little before": (45, 0),
    "before": (720, 0), "by": (720, 0), "until": (0, 0), "nearly": (30, 0), "almost": (30, 0),
}


_GAME_CLOCK = re.compile(r"\s*(?:minutes?\s+)?(?:to\s+play|to\s+go|remaining|left)\s+in\s+the\s+"
                         r"(?P<period>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<unit>quarter|half|period)\b",
                         re.IGNORECASE)


def _game_clock(article: Article, m: re.Match, taken: Taken) -> Optional[Item]:
    """A game clock read in a stretch of play ("with 10:03 to play in the third
    quarter"): a time of its own kind, compared only with clocks of that stretch."""
    period = _GAME_CLOCK.match(article.text, m.end())
    if period is None or taken.hit(m.start(), period.end()):
        return None
    seconds = int(m.group("h24")) * 60 + int(m.group("m24"))
    stretch = f"{period.group('period').lower()} {period.group('unit').lower()}"
    # The span takes in "left in the first half": its "left" is no verb of the sentence.
    taken.add(m.start(), period.end())
    return span_item(article, "time", m.start(), period.end(), value=m.group().strip(),
                     lo=float(seconds), hi=float(seconds), key=f"clock|{stretch}",
                     label=f"clock, {stretch}", extra={"clock": stretch})


def find_times(article: Article, taken: Taken) -> list[Item]:
    items = []
    for m in _TIME_RE.finditer(article.text):
        g = m.groupdict()
        if g["word"]:
            minutes = 0 if g["word"].lower() == "midnight" else 12 * 60
        elif g["ampm"]:
            hour = int(g["h"])
            if not 1 <= hour <= 12:
                continue
            minute = int(g["m"] or 0)
            pm = g["ampm"].lower().startswith("p")
            minutes = (hour % 12 + (12 if pm else 0)) * 60 + minute
        else:
            # "ate up 6:05 of the clock", "with 4:08 to play": a bare H:MM is a
            # game clock or a length unless something says it is a time of day.
            before = article.text[max(0, m.start() - 14):m.start()]
            after = article.text[m.end():m.end() + 10]
            if not _AT_CLOCK.search(before) and not _CLOCK_AFTER.match(after):
                clock = _game_clock(article, m, taken)
                if clock is not None:
                    items.append(clock)
                continue
            minutes = int(g["h24"]) * 60 + int(g["m24"])
        qual = (g["qual"] or "").lower()
        before, after = _TIME_WINDOWS.get(qual, (0, 0))
        start = m.start() if before or after else m.start("h") if g["h"] else (
            m.start("h24") if g["h24"] else m.start("word"))
        if taken.hit(start, m.end()):
            continue
        taken.add(start, m.end())
        items.append(span_item(article, "time", start, m.end(),
                               value=f"{minutes // 60:02d}:{minutes % 60:02d}",
                               lo=float(minutes - before), hi=float(minutes + after),
                               approx=bool(before or after), key="time", label="time"))
    return items


def attach_passages(items: list[Item], index: PassageIndex) -> None:
    for item in items:
        item.passage = index.at(item.start)
