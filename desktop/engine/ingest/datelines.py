"""Read the date of a timestamp line, as news sites print them above or below a story.

Pages and pasted articles carry lines such as "UPDATED 05/03/2013 at 11:00 AM
EDT", "12:52 p. m. EDT May 2, 2013", "Fri., May. 3, 2013 11:45 AM PDT" or
"WASHINGTON, DC, April 28, 2009".  Such a line is only a date wrapped in
times, zones, weekdays and the words "posted", "updated" and the like; what
is left once those are set aside must be a date and nothing else, so that a
sentence which happens to hold a date is never taken for the article's date.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

_MONTH_SPELLINGS = [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
                    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
                    ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
                    ("december", "dec")]
MONTH_NAMES = tuple(names[0] for names in _MONTH_SPELLINGS)  # "january" ... "december"
MONTHS = {name: number for number, names in enumerate(_MONTH_SPELLINGS, start=1) for name in names}
_WEEKDAYS = {"mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs",
             "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday"}
# Words that introduce or pad a timestamp.
_PADDING = {"posted", "published", "updated", "update", "first", "last", "story", "created",
            "modified", "on", "at", "date", "time", "dated", "hrs", "am", "pm", "a.m", "p.m",
            "release", "released", "for", "immediate"}
# News agencies that sign a timestamp line ("Reuters Sep 18, 2013, 02.16PM IST").
_AGENCIES = {"reuters", "ap", "afp", "upi", "dpa", "efe", "ani", "pti", "ians", "tnn", "cna", "xinhua",
             "bloomberg", "bernama", "kyodo", "yonhap", "anadolu", "aap", "cp", "ansa", "itar-tass",
             "tass", "ria", "wam", "irna", "apa", "bna", "sapa", "nan", "kuna", "spa", "mena"}
_ZONES = {"edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst", "akdt", "akst", "hst", "gmt",
          "bst", "utc", "ist", "cet", "cest", "eet", "eest", "aest", "aedt", "acst", "awst",
          "nzst", "nzdt", "jst", "sast", "wat", "et", "ct", "mt", "pt", "uk", "hkt", "sgt", "pht",
          "msk", "kst", "wib", "irst", "gst", "pkt"}
_ZONE_WORDS = "|".join(sorted(_ZONES, key=len, reverse=True))
# A military-style clock time before a zone: "1052 GMT".
_CLOCK_BEFORE_ZONE = re.compile(rf"\b\d{{4}}\s+(?=(?:{_ZONE_WORDS})\b)", re.IGNORECASE)
# "November 27-2005": a day and a year joined by a dash.
_DAY_DASH_YEAR = re.compile(r"\b(\d{1,2})-(\d{4})\b")
# A dateline place after the stamp, as wire copy opens: "... 05.51AM IST MUMBAI:".
_PLACE_AFTER = re.compile(r"\s+[A-Z][A-Z .'-]{2,30}:\s*$")
_TIME = re.compile(r"\b\d{1,2}(?:[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?|[ap]\b)?|\s*[ap]\.\s?m\.|\s*[ap]m\b)",
                   re.IGNORECASE)
_MERIDIEM = re.compile(r"\b[ap]\.\s?m\.?", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_PLACE = re.compile(r"^[A-Z][A-Z .'-]+(?:,\s*[A-Z][A-Za-z.]{1,14})?,\s+")


def dateline_date(line: str) -> Optional[str]:
    """ISO date of a line that is a timestamp and nothing more, else None."""
    line = line.strip()
    if not line or len(line) > 80 or " by " in f" {line.lower()} ":
        return None
    line = _PLACE.sub("", line, count=1)  # "WASHINGTON, DC, April 28, 2009"
    line = _PLACE_AFTER.sub("", line)
    line = _DAY_DASH_YEAR.sub(r"\1 \2", line)
    # A four-digit clock before a zone ("1052 GMT") only when the line is no date without
    # that reading: in "May 3, 2013 EDT" the number before the zone is the year.
    return _date_of(line) or _date_of(_CLOCK_BEFORE_ZONE.sub(" ", line))


def _date_of(line: str) -> Optional[str]:
    """The date left once times, zones, weekdays, padding and a signing agency are set aside."""
    text = _TIME.sub(" ", line)
    text = _MERIDIEM.sub(" ", text)
    text = _ORDINAL.sub(r"\1", text)
    tokens = [t.strip(".").lower() for t in re.split(r"[\s,|:;@()\[\]]+", text)]
    kept = [t for t in tokens if t and t not in _PADDING and t not in _ZONES and t not in _WEEKDAYS
            and t != "-"]
    if kept and kept[0] in _AGENCIES:  # the agency that signs it, first ...
        kept = kept[1:]
    if kept and kept[-1] in _AGENCIES:  # ... or last, "(CNA)"
        kept = kept[:-1]
    return _read(kept)


def _read(tokens: list[str]) -> Optional[str]:
    half = len(tokens) // 2
    if len(tokens) in (2, 6):  # "Posted: 04/9/2012 8:33 am Updated: 04/12/2012 8:33 am"
        first, second = _read(tokens[:half]), _read(tokens[half:])
        return first if first and second else None  # posted, not updated: the first
    if len(tokens) == 1:
        match = _NUMERIC.match(tokens[0])
        if not match:
            return None
        first, second, year = (int(g) for g in match.groups())
        # Month first, as American sites write it, unless that cannot be.
        month, day = (first, second) if first <= 12 else (second, first)
        return _iso(_full_year(year), month, day)
    if len(tokens) != 3:
        return None
    a, b, c = tokens
    if a in MONTHS and b.isdigit() and c.isdigit():        # May 3 2013
        return _iso(int(c), MONTHS[a], int(b))
    if a.isdigit() and b in MONTHS and c.isdigit():        # 7 July 2012
        return _iso(int(c), MONTHS[b], int(a))
    return None


def _full_year(year: int) -> int:
    if year >= 100:
        return year
    return 2000 + year if year < 70 else 1900 + year


def _iso(year: int, month: int, day: int) -> Optional[str]:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
