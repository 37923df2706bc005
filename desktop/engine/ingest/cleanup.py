"""Strip web-page debris from article text and pull out its metadata.

Saved pages and copied text carry menus, share counters, "Read more" lists,
copyright footers and syndication lines around the body.  The body is found
as the densest run of prose lines; what lies around it is read only for
metadata (title, outlet, byline, date) and is otherwise dropped.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import get_close_matches
from datetime import date

from .datelines import MONTH_NAMES, MONTHS, dateline_date
_DATE_PREFIX = (r"^(?:(?:first|last)\s+)?(?:(?:published|updated|posted)(?:\s+on)?[:\s]+)?"
                r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?")
_DATE_LINE = re.compile(
    _DATE_PREFIX + r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b.{0,40}$",
    re.IGNORECASE,
)
# The day first, as British and Indian outlets write it: "Monday, 28 November 2005, 02:24 GMT".
_DAY_FIRST_DATE_LINE = re.compile(
    _DATE_PREFIX + r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})\b.{0,40}$",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_BYLINE = re.compile(r"^by\s+(?P<name>[A-Z][\w.'’-]+(?:\s+(?:and\s+)?[A-Z][\w.'’-]+){0,5})\s*$", re.IGNORECASE)
_BIO = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s+(?:is|was)\s+(?:an?|the)\s+"
    r"(?:[\w-]+\s+){0,4}(?:correspondent|reporter|writer|editor|columnist|journalist|contributor)\b"
)
_POSTED = re.compile(
    r"^(?:posted|published|updated)(?:\s+on)?[:\s]+(?P<date>.{6,40}?)\s+by\s+"
    r"(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4})\s*$", re.IGNORECASE)
_SYNDICATION = re.compile(r"^The post .{3,300} appeared first on (?P<outlet>.+?)\.?$")
_DEBRIS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(?:share|tweet|pin|email|print)(?:\s*on\s+\w+)?(?:\d+[km]?)?(?:(?:share|tweet|pin|email|print)(?:\s*on\s+\w+)?\d*[km]?)*$",
        r"^\d+(?:[.,]\d+)?\s*[km]?(?:\s+(?:shares?|views?|comments?))?$",
        r"^(?:shares?|views?|comments?|likes?)$",
        r"^(?:no results?|view all results?|read more|load more|show more|advertisement|"
        r"sponsored|related(?: stories| articles)?|more stories|subscribe|sign in|log in|menu|search|"
        r"skip to (?:main )?content|home(?:\s+\w+)?|in \w+|news)$",
        r"^(?:copyright\s*)?©.*$",
        r"^copyright\b.{0,80}$",
        r"^all rights reserved\.?$",
        r"^(?:click here|sign up)\b.{0,80}$",
        r"^after promoting the newsletter$",
        # Inline promos for other stories: "READ MORE: Schools close as snow ..."
        r"^(?:read more|also read|read also|see also|more on this(?: story)?|related|watch|listen|"
        r"recommended|most read|don[’']t miss)\s*[:|»›]\s*.{0,150}$",
        # Cookie notices, subscription pleas and newsletter footers in plain text
        r"^(?:this (?:web)?site|we) uses? cookies\b.{0,300}$",
        r"^(?:accept|reject|allow)(?: all)?(?: cookies)?$|^manage (?:cookie )?preferences$",
        r"^(?:view|read) (?:this (?:e-?mail|newsletter) )?(?:in|on) (?:your|a|the) (?:web )?browser\.?$",
        r"^(?:unsubscribe|update (?:your )?(?:email )?preferences|manage (?:your )?subscriptions?)\b.{0,80}$",
        r"^you(?:[’']re| are) receiving this (?:e-?mail|newsletter)\b.{0,200}$",
        r"^(?:subscribe|sign up)(?: now| today| here)?\b.{0,120}$",
    )
]
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣∙*-]|\d+\.)\s+")
# A line shaped like a date whose month word is misspelt ("Novemer 27, 2005", "Febuary 3,
# 2010"): no date can be read from it, but it is no headline either ("Apollo 11, 1969" is).
_DATE_SHAPED = re.compile(r"^\s*([^\W\d_]{3,12})\.? \d{1,2},? \d{4}\s*$")
_TERMINAL = re.compile(r"[.!?…。！？][\"'”’)\]」』]*$|[\"”’」』]$")
_TEASER = re.compile(r"(?:\.\.\.|…)\s*$")


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    removed: list[str] = field(default_factory=list)


def _misspelt_date(line: str) -> bool:
    m = _DATE_SHAPED.match(line)
    return bool(m and get_close_matches(m[1].lower(), MONTH_NAMES, 1, 0.8))


def normalize_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line)
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"[ \t]+", " ", line).strip()


def parse_date_line(line: str) -> str | None:
    """ISO date of a line that is only a date ("September 22, 2025"), else None."""
    match = _DATE_LINE.match(line) or _DAY_FIRST_DATE_LINE.match(line)
    if match:
        month = MONTHS.get(match["month"].lower())
        if month:
            try:
                return date(int(match["year"]), month, int(match["day"])).isoformat()
            except ValueError:
                return None
    match = _ISO_DATE.search(line)
    if match and len(line) <= 40:
        try:
            return date(int(match["year"]), int(match["month"]), int(match["day"])).isoformat()
        except ValueError:
            return None
    # Timestamps wrapped in times, zones and weekdays ("UPDATED 05/03/2013 at 11:00 AM EDT").
    return dateline_date(line)


def _words(line: str) -> int:
    return len(line.split())


def is_prose(line: str) -> bool:
    words = _words(line)
    return (words >= 8 and bool(_TERMINAL.search(line)) and not _TEASER.search(line)) or words >= 25


# A teaser ("Schools close as snow ...") is a headline's length; a paragraph of prose
# that trails off in a quote ("his sister said, "He has common sense...") is not one.
_TEASER_WORDS = 20


def is_debris(line: str) -> bool:
    if _TEASER.search(line) and not _TERMINAL.search(line.rstrip(".… ")) and _words(line) <= _TEASER_WORDS:
        return True
    if _BULLET.match(line) and _words(line) <= 6:
        return True
    return any(p.match(line) for p in _DEBRIS)


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a line without end punctuation running into lowercase."""
    out: list[str] = []
    for line in lines:
        if (out and out[-1] and line and not _TERMINAL.search(out[-1])
                and line[0].islower() and _words(out[-1]) >= 6):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _attach_signoffs(lines: list[str]) -> list[str]:
    """A short line starting with a dash ("— Zohran Mamdani") signs the quote above it."""
    out: list[str] = []
    for line in lines:
        if out and line[:1] in "—–" and _words(line) <= 6:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _body_span(lines: list[str], blank_runs: list[int]) -> tuple[int, int] | None:
    """Index range of the densest run of prose lines.

    A run ends at three or more consecutive non-prose lines, or at a gap of
    three or more blank lines (newsletters followed by comment threads).  A
    run that announces a list ("... the following plays:", "... records in
    title fights:") goes on after it: the list and the prose after it are
    the article's own.
    """
    runs: list[tuple[int, int, int]] = []  # (first line, last prose line + 1, score)
    start = last_prose = None
    score = gap = 0
    for i, line in enumerate(lines + [""]):
        hard_break = i < len(lines) and blank_runs[i] >= 3
        prose = i < len(lines) and is_prose(line)
        if start is not None and (hard_break or (not prose and gap >= 2) or i == len(lines)):
            runs.append((start, last_prose + 1, score))
            start, score, gap = None, 0, 0
        if prose:
            if start is None:
                start = i
            last_prose, gap = i, 0
            score += len(line)
        elif start is not None:
            gap += 1
    if not runs:
        return None
    n = max(range(len(runs)), key=lambda k: (runs[k][2], -k))
    first, end = runs[n][0], runs[n][1]
    while n + 1 < len(runs) and _announces_list(lines, blank_runs, end, runs[n + 1][0]):
        n += 1
        end = runs[n][1]
    return first, end


# Past this many lines a list is no list the prose before it announced.
_LIST_LINES = 12


def _announces_list(lines: list[str], blank_runs: list[int], end: int, next_start: int) -> bool:
    """Whether the lines from the run's last one to the next run's first are a list the run
    announced with a colon, with no page break (three blank lines) inside."""
    if next_start - end > _LIST_LINES or any(blank_runs[k] >= 3 for k in range(end, next_start + 1)):
        return False
    return any(line.rstrip().endswith(":") for line in lines[end - 1:next_start])


def is_own_sentence(line: str) -> bool:
    """A sentence too short to count as prose ("The bridge remains closed."):
    a capital or a quote first, end punctuation last, and not a known kind of
    debris (copyright, "Read more.", a dateline, a teaser, a syndication line)."""
    if not _TERMINAL.search(line) or _words(line) < 2 or _TEASER.search(line):
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'「"):
        return False
    bare = line.rstrip(".!?…\"'”’) ")
    return not (is_debris(line) or is_debris(bare) or _SYNDICATION.match(line)
                or _BYLINE.match(bare) or _BIO.match(line) or parse_date_line(line))


def _with_short_sentences(lines: list[str], blank_runs: list[int],
                          span: tuple[int, int]) -> tuple[int, int]:
    """The body run grown by the article's own short sentences next to it.

    The run is found from long prose lines, so a closing one-line paragraph
    ("The bridge remains closed.") or a short opening one would fall outside
    it; they are kept unless they are debris by what they are.  Growth stops
    at anything else, and at a gap of three or more blank lines.
    """
    start, end = span
    while end < len(lines) and blank_runs[end] < 3 and is_own_sentence(lines[end]):
        end += 1
    while start > 0 and blank_runs[start] < 3 and is_own_sentence(lines[start - 1]):
        start -= 1
    return start, end


def clean_text(raw: str) -> Cleaned:
    """Cleaned body (paragraphs separated by blank lines) and metadata."""
    lines: list[str] = []
    blank_runs: list[int] = []
    blanks = 0
    for raw_line in raw.split("\n"):
        line = normalize_line(raw_line)
        if not line:
            blanks += 1
            continue
        lines.append(line)
        blank_runs.append(blanks)
        blanks = 0
    result = Cleaned(text="")
    span = _body_span(lines, blank_runs)
    if span is not None:
        span = _with_short_sentences(lines, blank_runs, span)
    if span is None:
        body_lines = [l for l in lines if not is_debris(l)]
        head: list[str] = []
        tail: list[str] = []
    else:
        head, body_lines, tail = lines[: span[0]], lines[span[0]: span[1]], lines[span[1]:]

    for line in head:
        # "Posted on March 3, 2026 by Tom Ashby" is a date line too: read the author first.
        if (m := _POSTED.match(line)) and (iso := parse_date_line(m["date"])):
            result.published = result.published or iso
            result.byline = result.byline or m["name"]
            result.removed.append(line)
        elif result.published is None and (iso := parse_date_line(line)):
            result.published = iso
        elif dateline_date(line) or _misspelt_date(line):  # a second timestamp line is no title either
            result.removed.append(line)
        elif result.byline is None and (m := _BYLINE.match(line)):
            result.byline = m["name"]
        elif (result.title is None and _words(line) >= 3 and not is_debris(line)
              and not _TERMINAL.search(line)):
            result.title = line
        else:
            result.removed.append(line)
    for line in tail:
        if (m := _SYNDICATION.match(line)) and result.outlet is None:
            result.outlet = m["outlet"].strip()
        result.removed.append(line)

    # Syndicated copies end the article with "The post ... appeared first on";
    # whatever follows it belongs to the aggregator's page, not the story.
    for i, line in enumerate(body_lines):
        if _SYNDICATION.match(line):
            result.removed.extend(body_lines[i + 1:])
            body_lines = body_lines[: i + 1]
            break
    kept: list[str] = []
    listing = False  # inside a list the article announced ("... the following plays:")
    for i, line in enumerate(body_lines):
        if listing and not is_prose(line) and not is_debris(line) and _words(line) <= 12:
            kept.append(line)  # "Joe Louis 26-1": an item of it, however short
            continue
        listing = line.rstrip().endswith(":") and _words(line) >= 6
        if m := _SYNDICATION.match(line):
            result.outlet = result.outlet or m["outlet"].strip()
            result.removed.append(line)
        elif (m := _BIO.match(line)) and i >= len(body_lines) - 3:
            result.byline = result.byline or m["name"]
            result.removed.append(line)
        elif result.byline is None and (m := _BYLINE.match(line)):
            result.byline = m["name"]
        elif (is_debris(line) or (_words(line) <= 5 and not _TERMINAL.search(line))
              or (not _TERMINAL.search(line) and dateline_date(line))):  # "Fri., May. 3, 2013 11:45 AM PDT"
            if result.published is None and (iso := parse_date_line(line)):
                result.published = iso
            result.removed.append(line)
        elif line == result.title:
            result.removed.append(line)
        else:
            kept.append(line)
    if not kept:
        # Everything looked like debris: a one-line item ("FIRED IN PHILLY!! Sixers' Coach
        # Jim O'Brien was fired today and ...") is still what the user gave.  Keep its
        # lines, but not date stamps alone (a file of only a stamp holds no article).
        kept = [line for line in lines if not parse_date_line(line) and not dateline_date(line)
                and _words(line) >= 5 and line != result.title]
        result.removed = [line for line in result.removed if line not in kept]
    result.text = "\n\n".join(_attach_signoffs(_unwrap(kept)))
    return result


def tidy_extracted(raw: str) -> Cleaned:
    """Text an article extractor already chose: spacing tidied, nothing dropped.

    Paragraphs are separated by blank lines; no line is judged as debris
    (the extractor has already separated the story from its page).
    """
    paragraphs = [normalize_line(line) for line in raw.split("\n")]
    return Cleaned(text="\n\n".join(_attach_signoffs([p for p in paragraphs if p])))
