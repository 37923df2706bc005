"""People, organisations and places named in one article, with titles.

Capitalised word runs are split into an optional title ("New York City
Mayor-elect", "Police Commissioner") and a name; a title may also stand just
before in lower case ("press secretary Carolyn Leavitt") or in an apposition
after (", the mayor-elect of New York City").  A run is a person when it has
a title, or two to four name-like words that are neither an organisation
(org words) nor a place (gazetteer); a lone word is a person only when it is
the surname of someone already named in full, carries a title, or speaks
("Kowalski said").  Each person is keyed by surname within the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import Article
from ..resources import word_list
from . import lexicon
from .items import Item, span_item

# A capitalised word, or a run of initials before one ("A.J. Smith", "George H.W. Bush").
_CAP = r"(?:(?:[A-Z]\.){2,3}(?=\s+[A-Z])|(?:[A-Z]|[À-ÖØ-Þ])(?:[\w'’-]*\w)?(?:\.(?=\s+[A-Z]))?)"
_PARTICLE = r"(?:de|van|von|der|den|del|della|da|di|du|la|le|al|bin|ibn|dos|das)"
_RUN_RE = re.compile(rf"(?<![\w'’])({_CAP}(?:(?:[ \t]+{_PARTICLE})?[ \t]+{_CAP})*)")
_TOKEN_RE = re.compile(r"\S+")
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx.", "sir", "dame"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_KEEP_DOT = {"jr.", "sr.", "st.", "mr.", "mrs.", "ms.", "dr.", "gov.", "sen.", "rep.", "lt.", "gen.",
             "capt.", "sgt.", "det.", "prof.", "u.s.", "ave."}
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
_INITIAL = re.compile(r"[A-Z]\.")
_POSSESSIVE = re.compile(r"['’]s?$")
# Words that end an office's name and no one's ("the City Attorney's office"); titles that
# are also surnames or given names (King, Judge, Prince, Chief) are left out.
_OFFICE_WORDS = frozenset({"attorney", "general", "president", "vice-president", "manager", "director",
                           "officer", "secretary", "coach", "sheriff", "commissioner", "minister",
                           "governor", "spokesman", "spokesperson", "spokeswoman", "chairman",
                           "chairwoman", "superintendent", "prosecutor", "treasurer", "comptroller",
                           "chancellor", "undersheriff", "trooper"})
_TO_LISTENER = frozenset({"told", "tells", "tell", "telling"})
_FORMER_RE = re.compile(r"\b(?:former|ex-|then-|the late)\s*$")


@dataclass
class NameHit:
    start: int
    end: int
    text: str                      # the name alone
    kind: str                      # person | organization | place
    role: Optional[str] = None     # normalised title
    title_text: str = ""           # the title as written
    title_start: Optional[int] = None
    former: bool = False


@dataclass
class Person:
    """Everyone one article calls by one surname."""

    surname: str
    full_names: dict[str, NameHit] = field(default_factory=dict)  # first spelling seen
    hits: list[NameHit] = field(default_factory=list)
    roles: dict[str, NameHit] = field(default_factory=dict)      # role -> first hit with it

    @property
    def display(self) -> str:
        if self.full_names:
            return max(self.full_names, key=len)
        return self.hits[0].text if self.hits else self.surname


def _title_phrases() -> dict[str, list[tuple[list[str], str]]]:
    """Title phrases by their first word, longest first."""
    phrases = [(p.split(), role) for p, role in lexicon.titles().items()]
    phrases.sort(key=lambda x: -len(x[0]))
    by_first: dict[str, list[tuple[list[str], str]]] = {}
    for words, role in phrases:
        by_first.setdefault(words[0], []).append((words, role))
    return by_first


_TITLE_WORDS = None
_LOWER_TITLE_RE = None
_APPOSITION_RE = None


def _compiled():
    global _TITLE_WORDS, _LOWER_TITLE_RE, _APPOSITION_RE
    if _TITLE_WORDS is None:
        phrases = sorted(lexicon.titles(), key=len, reverse=True)
        alternation = "|".join(re.escape(p) for p in phrases)
        _LOWER_TITLE_RE = re.compile(rf"(?:\b(former|ex-|then-)\s*)?\b({alternation})\s+$")
        _APPOSITION_RE = re.compile(
            rf",\s+(?:the|a|an|its|their|his|her)\s+((?:[\w'’-]+\s+){{0,3}}?)({alternation})\b(?!-)",
            re.IGNORECASE)
        _TITLE_WORDS = _title_phrases()
    return _TITLE_WORDS, _LOWER_TITLE_RE, _APPOSITION_RE


def _tokens(run: str, offset: int) -> list[tuple[str, int, int]]:
    return [(m.group(), offset + m.start(), offset + m.end()) for m in _TOKEN_RE.finditer(run)]


def _split_sentences(tokens):
    """Break a run where a token ends a sentence ("... Mamdani. He")."""
    parts, current = [], []
    for n, tok in enumerate(tokens):
        current.append(tok)
        word = tok[0]
        if word.endswith(".") and word.lower() not in _KEEP_DOT and len(word.rstrip(".")) > 1:
            # A name's initials go on into the name ("A.J. Smith"), unless a
            # sentence plainly starts after them ("Chapel Hill, N.C. The ...").
            if _INITIALS.fullmatch(word) and n + 1 < len(tokens) \
                    and tokens[n + 1][0].lower() not in word_list("nltk", "sentence_starters.txt"):
                continue
            parts.append(current)
            current = []
    if current:
        parts.append(current)
    return parts


# A capitalised word joined to lower-case ones opens a description, not a name:
# "Twenty-year-old Andrew Lopez", "Half-brother Jonathan Carrasquillo".
_DESCRIBES = re.compile(r"^[A-Z][a-z]*(?:-[a-z]+)+$")


def _find_title(tokens, phrases):
    """Index just past the last title in ``tokens`` and that title's role, if any."""
    best = None
    lowered = [t[0].lower() for t in tokens]
    for i in range(len(tokens)):
        for words, role in phrases.get(lowered[i], ()):
            n = len(words)
            if lowered[i:i + n] == words:
                if best is None or i + n > best[0] or (i + n == best[0] and i < best[2]):
                    best = (i + n, role, i)
                break
    return best


# Points of the compass: a name they open is a place or a part of one ("Northeast Philly",
# "East Flatbush", "South Wales"), never a person; organisations named so are caught first
# by their own words ("West Coast Bank").
_COMPASS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
                      "Northeast", "Northwest", "Southeast", "Southwest"})
# Words that name a part of a place before it.
_PLACE_PARTS = _COMPASS | {"Central", "Lower", "Upper", "Greater", "Downtown", "Little"}


def name_kind(words: list[str]) -> str:
    """"place", "organization" or "person": what a capitalised run of words names, read from
    the shipped lists (places, the words that open or close a place, organisation words)."""
    org, place_words, places = lexicon.org_words(), lexicon.place_words(), lexicon.places()
    joined = " ".join(words)
    if joined in places:
        return "place"
    if any(w in org for w in words):
        return "organization"
    # "Boston Celtics", "New York Yankees", "North Carolina Tar Heels": a team; "Paris
    # Kyriakides" is a man with a city's name (a plural, not a surname ending in s:
    # "Kyriakides", "Papadopoulos").
    last = words[-1]
    if len(words) >= 2 and last.endswith("s") and not last.endswith(("ss", "'s", "’s", "is", "us", "os", "as", "des")) \
            and any(" ".join(words[:k]) in places for k in range(1, len(words))):
        return "organization"
    if words[-1] in place_words or (len(words) > 1 and words[0] in lexicon.place_lead_words()):
        return "place"
    if words[0] in places and len(words) == 2 and words[1] in places:
        return "place"  # "Paris France"
    if len(words) > 1 and words[0] in _PLACE_PARTS and " ".join(words[1:]) in places:
        return "place"  # "Southern California", "Lower Manhattan", "Northeast Philadelphia"
    if len(words) > 1 and words[0] in _COMPASS:
        return "place"
    return "person"


def _name_like(word: str, joined_ok: bool = False) -> bool:
    """A word that can be part of a person's name.

    ``joined_ok``: a hyphenated word is a surname ("Ms. Ocasio-Cortez",
    "Alexandria Ocasio-Cortez") rather than two names joined
    ("Trump-Mamdani talks").
    """
    if _INITIALS.fullmatch(word) or _INITIAL.fullmatch(word):
        return True  # "A.J." of A.J. Smith, not an acronym; "A." of A. J. Smith, not the article
    bare = word.rstrip(".")
    if bare in lexicon.not_name_words() or bare.lower() in lexicon.stopwords():
        return False
    if len(bare) > 1 and bare.isupper():
        return False  # an acronym
    parts = bare.split("-")
    if len(parts) > 1 and all(p[:1].isupper() for p in parts) and not joined_ok:
        return False  # "Trump-Mamdani": two names joined, not one
    return True


def _names_in_titles(text: str, hits: list[NameHit]) -> list[NameHit]:
    """"a film, The Notorious Bettie Page, featured …": a capital "The" before a run of
    capitalised words opens a work's name; where the run ends in someone the article names
    in full elsewhere, the hit is that person's name, not "Notorious Bettie Page"."""
    full = {" ".join(h.text.split()) for h in hits if h.kind == "person" and len(h.text.split()) > 1}
    out = []
    for hit in hits:
        words = [(m.start(), m.group()) for m in _TOKEN_RE.finditer(hit.text)]
        if hit.kind == "person" and len(words) > 2 and text[max(0, hit.start - 4):hit.start] == "The ":
            for k in range(1, len(words) - 1):
                tail = " ".join(w for _, w in words[k:])
                if tail in full:
                    start = hit.start + words[k][0]
                    hit = NameHit(start, hit.end, tail, hit.kind, hit.role, hit.title_text,
                                  hit.title_start, hit.former)
                    break
        out.append(hit)
    return out


def find_names(article: Article) -> tuple[list[NameHit], dict[str, Person]]:
    """Every name hit of the article and its people keyed by surname."""
    phrases, lower_title_re, apposition_re = _compiled()
    text = article.text
    hits: list[NameHit] = []
    singles: list[tuple[str, int, int, Optional[str], str, Optional[int]]] = []
    lone_places: list[tuple[str, int, int]] = []
    speech = lexicon.speech_verbs()
    for m in _RUN_RE.finditer(text):
        for tokens in _split_sentences(_tokens(m.group(1), m.start(1))):
            # Strip a possessive and a trailing full stop of the last token.
            word, s, e = tokens[-1]
            clean = _POSSESSIVE.sub("", word) if not word.lower().endswith(("'s", "’s")) or len(word) > 3 else word
            if word.endswith(".") and word.lower() not in _KEEP_DOT:
                clean = clean.rstrip(".")
            tokens[-1] = (clean, s, s + len(clean))
            # "Microsoft's Christopher Budd", "Duke's J.J. Redick": the name starts after
            # the possessive (the last word's possessive is stripped above).
            owner = max((k for k, t in enumerate(tokens[:-1]) if t[0].endswith(("'s", "’s"))), default=None)
            if owner is not None:
                tokens = tokens[owner + 1:]
            honored = False  # "Ms. Ocasio-Cortez": an honorific says a person follows
            while tokens and (tokens[0][0].lower() in lexicon.stopwords()
                              or tokens[0][0].rstrip(".").lower() in _HONORIFICS):
                honored = honored or tokens[0][0].rstrip(".").lower() in _HONORIFICS
                tokens = tokens[1:]
            # "Despite Trump": drop leading words that are no name, unless the
            # whole run is a known place or organisation ("White House").
            if tokens and name_kind([t[0] for t in tokens]) == "person":
                while tokens and ((tokens[0][0] in lexicon.not_name_words()
                                   and tokens[0][0].lower() not in phrases)
                                  or _DESCRIBES.match(tokens[0][0])):
                    tokens = tokens[1:]
            while tokens and tokens[-1][0].lower() in _SUFFIXES:
                tokens = tokens[:-1]
            if not tokens:
                continue
            found = _find_title(tokens, phrases)
            if found and found[0] == len(tokens) and found[2] > 0:
                found = None  # "Tishana King", "Prince Fielder"'s kin: a surname, no title
            role, title_text, title_start, former = None, "", None, False
            if found:
                end_i, role, start_i = found
                title_start = tokens[start_i][1]
                title_text = text[title_start:tokens[end_i - 1][2]]
                # "Former Mayor ...", "former Gov. ...", "then-President ...": not the office now.
                before_title = text[max(0, title_start - 12):title_start].lower()
                former = bool(_FORMER_RE.search(before_title)) or any(
                    t[0].lower() in ("former", "ex", "then", "late") for t in tokens[:start_i])
                tokens = tokens[end_i:]
                if not tokens:
                    continue
            else:
                lt = lower_title_re.search(text, max(0, tokens[0][1] - 40), tokens[0][1])
                if lt:
                    role = lexicon.titles()[lt.group(2).lower()]
                    title_start, title_text = lt.start(2), lt.group(2)
                    former = bool(lt.group(1))
            words = [t[0] for t in tokens]
            kind = name_kind(words)
            if kind == "organization" and len(words) == 1 and words[0].rstrip(".") not in lexicon.lone_org_words():
                continue  # "Police are searching": a body's kind, not its name
            if kind == "person" and words[-1].lower() in _OFFICE_WORDS and not honored:
                continue  # "City Attorney", "Surgeon General", "Assistant General Manager": an office, no one
            if len(words) > 1 and words[-1] == "Time":
                continue  # "Coordinated Universal Time", "Eastern Standard Time": a clock, no one
            start, end = tokens[0][1], tokens[-1][2]
            if kind == "person":
                # A hyphenated surname is a name after an honorific or a first name.
                if not all(_name_like(w, honored or (k == len(words) - 1 and k > 0))
                           for k, w in enumerate(words)) or len(words) > 4:
                    continue
                if role is None:
                    ap = apposition_re.match(text, end, min(len(text), end + 80))
                    if ap:
                        role = lexicon.titles()[ap.group(2).lower()]
                        title_start, title_text = ap.start(2), ap.group(2)
                        former = "former" in ap.group(1).lower() or "ex-" in ap.group(1).lower()
                if len(words) == 1:
                    singles.append((words[0], start, end, role, title_text, title_start, former,
                                    honored))
                    continue
            if kind == "place" and len(words) == 1:
                # "Houston said": a place's name alone speaking is the surname of someone
                # the article names in full, if it does; decided once everyone is known.
                lone_places.append((words[0], start, end))
                continue
            hits.append(NameHit(start, end, text[start:end], kind, role, title_text, title_start,
                                former))
    hits = _names_in_titles(text, hits)
    people: dict[str, Person] = {}
    for hit in hits:
        if hit.kind != "person":
            continue
        surname = hit.text.split()[-1].lower()
        person = people.setdefault(surname, Person(surname))
        person.full_names.setdefault(hit.text, hit)
    for word, start, end, role, title_text, title_start, former, honored in singles:
        key = word.lower()
        after = text[end:end + 30].lstrip(" ,").split(" ", 1)[0].lower().strip(",.;:")
        before = text[max(0, start - 12):start].rstrip().rsplit(" ", 1)[-1].lower()
        # "said Kowalski" names a speaker; "told Playboy" names a listener, who may be anything.
        speaks = after in speech or (before in speech and before not in _TO_LISTENER)
        if key in people or role or honored or speaks:
            hit = NameHit(start, end, word, "person", role, title_text, title_start, former)
            hits.append(hit)
            people.setdefault(key, Person(key))
    for word, start, end in lone_places:
        after = text[end:end + 30].lstrip(" ,").split(" ", 1)[0].lower().strip(",.;:")
        before = text[max(0, start - 12):start].rstrip().rsplit(" ", 1)[-1].lower()
        speaks = after in speech or before in speech
        kind = "person" if word.lower() in people and speaks else "place"
        hits.append(NameHit(start, end, text[start:end], kind, None, "", None, False))
    hits.sort(key=lambda h: h.start)
    for hit in hits:
        if hit.kind != "person":
            continue
        person = people[hit.text.split()[-1].lower()]
        person.hits.append(hit)
        if hit.role and not hit.former:
            person.roles.setdefault(hit.role, hit)
    return hits, people


def name_items(article: Article, hits: list[NameHit]) -> list[Item]:
    """Name hits as items (value: the name as written; key: kind and name)."""
    items = []
    for hit in hits:
        items.append(span_item(article, hit.kind, hit.start, hit.end, value=hit.text,
                               key=f"{hit.kind}|{hit.text.lower()}", label=hit.text,
                               extra={"role": hit.role}))
    return items
