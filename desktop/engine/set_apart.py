"""Why an article was set apart from the main story, in words the reader can check.

The event model decides (:mod:`desktop.engine.events`); this says what the
article shares with the story and what it lacks: sentences told again, names
and numbers in common, the names it gives that the story never does, and
how far apart the dates are.
"""
from __future__ import annotations

import re

from .events import FAR_APART_DAYS, days_between
from .facts import lexicon
from .facts.names import find_names
from .model import Article
from .wording import listed, plural

# A name the article repeats at least this often is its own subject, not a passing mention.
_OWN_NAME_MENTIONS = 2


# Set apart though its closest report in the main story reads as the same event at least
# this likely: the note says the call was close.
CLOSE_CALL = 0.25


def set_apart_note(k, main, articles, vectors, pair_scores, scorer, together=(),
                   closest: tuple[str, float] = ("", 0.0)) -> str:
    """What an article set apart shares with the main story and what it lacks, in words;
    ``together``: the articles that report its event with it; ``closest``: the main story's
    report most likely to tell its event (its id) and that probability."""
    best_links, best_other = -1, None
    for other in main:
        scores = pair_scores[(min(k, other), max(k, other))]
        side = 0 if k < other else 1  # the sentences of article k, not the links (one may have several)
        linked = len({pair[side] for pair, p in scores.items() if p >= scorer.link_threshold})
        if linked > best_links:
            best_links, best_other = linked, other
    own = len(articles[k].passages)
    names_here = set().union(*vectors[k].names)
    names_there = set().union(*(names for m in main for names in vectors[m].names))
    numbers_here = {t for v in vectors[k].sentences for t in v if t.isdigit()}
    numbers_there = {t for m in main for v in vectors[m].sentences for t in v if t.isdigit()}
    # What it is about that the story is not comes first: the plainest reason, and
    # the one the article list's single line has room for.
    own_names = names_of_its_own(articles[k], [articles[m] for m in main])
    parts = [f"names {listed([f'{name} {count} times' for name, count in own_names])},"
             " never named in the main story"] if own_names else []
    if best_other is not None:
        # Which report it shares most with, when it shares any: "(most with article A)"
        # after "0 sentences" would name a report it shares nothing with.
        parts.append(f"{plural(best_links, 'sentence')} of {own} told again in the main story"
                     + (f" (most with article {articles[best_other].id})" if best_links > 0 else ""))
    if names_here:  # "0 of its 0 names in common" says nothing (a short report naming no one mid-sentence)
        parts.append(f"{len(names_here & names_there)} of its {plural(len(names_here), 'name')} in common")
    if numbers_here:
        parts.append(f"{len(numbers_here & numbers_there)} of its {plural(len(numbers_here), 'number')}"
                     " in common")
    parts.append(date_gap(articles[k], [articles[m] for m in main]))
    if together:
        parts.append(f"the same event as {listed(together)}")
    opening = "Reports another event"
    who, p = closest
    if p >= 0.5:
        # Alike to one report, unlike the rest: the clusters weigh every report's say.
        opening += (f" on balance — most like {who} ({round(100 * p)}% likely the same event) but"
                    " unlike the rest of the main story")
    elif p >= CLOSE_CALL:
        # Much in common and still set apart: the reader should know it was a near thing.
        opening += f", a close call ({round(100 * p)}% likely the same as {who})"
    return opening + ": " + "; ".join(p for p in parts if p) + "."


def reason_only(note: str) -> str:
    """The note without its opening "Reports another event", for a place that already says so:
    "A close call (…): 4 sentences of 5 told again …", "4 sentences of 5 told again …"."""
    note = " ".join(note.split())
    rest = note.removeprefix("Reports another event")
    if rest == note:
        return note
    rest = rest.lstrip(":;, ").strip()
    return rest[:1].upper() + rest[1:]


def date_gap(article: Article, main: list[Article]) -> str:
    """"published 3 months before the main story", when its date and the main story's are known
    and more than two weeks apart (what the event model reads as far apart), else ""."""
    gaps = [d for d in (days_between(article.published, a.published) for a in main) if d is not None]
    days = min(gaps, key=abs, default=None)  # to the nearest of the main story's reports
    if days is None or abs(days) <= FAR_APART_DAYS:
        return ""
    size = abs(days)
    amount = (plural(size, "day") if size < 60 else plural(round(size / 30.4), "month") if size < 730
              else plural(round(size / 365.25), "year"))
    return f"published {amount} {'before' if days > 0 else 'after'} the main story"


def names_of_its_own(article: Article, main: list[Article], limit: int = 2) -> list[tuple[str, int]]:
    """(name as written, mentions) of the people and places the article names at least twice
    and no report of the main story names at all, most mentioned first: a report of another
    arrest names another man ("Jamal Williams", not "Vincent Jackson")."""
    hits, people = find_names(article)
    found: dict[str, tuple[str, int]] = {}
    places = lexicon.places()
    for person in people.values():
        if any(person.display.startswith(place + " ") for place in places):
            continue  # "New York Jews": a place's people, not a person
        found[person.surname] = (person.display, len(person.hits))
    for hit in hits:
        if hit.kind == "place":
            name, count = found.get(hit.text.lower(), (hit.text, 0))
            found[hit.text.lower()] = (name, count + 1)
    story = " ".join(a.text for a in main)
    own = [(name, count) for key, (name, count) in found.items()
           if count >= _OWN_NAME_MENTIONS and not re.search(rf"\b{re.escape(key)}\b", story, re.IGNORECASE)]
    own.sort(key=lambda item: (-item[1], item[0]))
    return own[:limit]
