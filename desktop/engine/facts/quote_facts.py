"""The same quotation in several articles: wording and speaker compared.

Quotes are paired through shared word 4-grams (short quotes through their
exact words), so no all-pairs scan is needed.  Two quotes are the same when
their words are equal or one is a stretch of the other (a partial quote);
they are variants of one quote when their words are mostly the same
(similarity >= 0.75 on word sequences, both at least five words).  A cluster
with variant wording, or with two different named speakers, is a conflict.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from typing import Optional

from ..features import word_rarity
from ..model import FactKind, FactStatus
from . import lexicon
from .draft import Draft
from .extract import Extraction
from .items import Item
from .notes import clip, wording_difference

_SHINGLE = 4
_VARIANT = 0.75
_LONG = 8  # a quote this long may be compared loosely (one speaker, or a stretch of a longer one)
_SAME_SPEAKER = 0.65  # the likeness two quotes of one named speaker need to be one quote
_PHRASE = 4  # fewer words than this: a phrase, not a quote of its own
_CLAIM = 5   # a quote this long at least can be attributed to two people in conflict
# The English rarity (features.word_rarity) of the rarest word two quotes of one speaker in
# one aligned row must share to be one quote worded differently; see quote_facts.
_MATTER_RARITY = 2.5


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def relation(a: tuple[str, ...], b: tuple[str, ...], variant: float = _VARIANT) -> Optional[str]:
    if a == b:
        return "same"
    long, short = (a, b) if len(a) >= len(b) else (b, a)
    if len(short) < _PHRASE:
        return None  # "like wildfire", "Deep Throat": a phrase many quotes hold, not a partial quote
    if _contains(long, short):
        return "part"
    if len(short) >= 5:
        ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
        if len(short) < _LONG:
            variant = max(variant, _VARIANT)  # a short quote needs the strict likeness
        if ratio >= variant or (len(short) >= _LONG and _window_ratio(long, short) >= variant):
            return "variant"
    return None


def _window_ratio(long: tuple[str, ...], short: tuple[str, ...]) -> float:
    """How alike the shorter quote is to the stretch of the longer one it matches.

    "I just wanted to say that I know that the things I've done caused ..."
    against "I know that the things that I've done caused ...": one outlet
    quotes more of the sentence, and the rest is worded differently.
    """
    matcher = SequenceMatcher(None, long, short, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return 0.0
    window = long[blocks[0].a:blocks[-1].a + blocks[-1].size]
    if not len(short) * 0.7 <= len(window) <= len(short) * 1.5:
        return 0.0
    return SequenceMatcher(None, window, short, autojunk=False).ratio()


def _fragment_relation(elided: Item, other: Item) -> Optional[str]:
    """A quote with words left out ("…") against a whole one: its stretches compared one by one."""
    parts = elided.extra.get("fragments") or ()
    if len(parts) < 2:
        return None
    found = [relation(p, other.extra["tokens"]) for p in parts if len(p) >= 5]
    if "variant" in found:
        return "variant"
    return None


def _elided_part(short: Item, long: Item) -> bool:
    """Every stretch of a quote with words left out ("…") is in the other quote."""
    parts = short.extra.get("fragments") or ()
    if len(parts) < 2:
        return False
    whole = long.extra["tokens"]
    return all(len(p) >= 2 and _contains(whole, p) for p in parts)


def _speaker_key(speaker: Optional[str]) -> Optional[str]:
    """A named speaker's surname (surnames, "|"-joined, for "Zadan and Meron"); descriptions are not names."""
    if not speaker or not speaker[:1].isupper():
        return None
    return "|".join(part.split()[-1].lower() for part in speaker.split(" and ") if part.split())


def _same_person(a: str, b: str) -> bool:
    if a == b:
        return True
    if "|" in a or "|" in b:  # joint speakers: one shared is enough
        return any(_same_person(x, y) for x in a.split("|") for y in b.split("|"))
    # Spelling variants of one surname still name one person.
    return len(a) > 4 and len(b) > 4 and _edit_distance(a, b) <= 1


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def quote_facts(extractions: dict[str, Extraction], used: set[int], group_of,
                passage_groups: dict[str, str]) -> list[Draft]:
    quotes: list[Item] = [q for ext in extractions.values() for q in ext.quotes]
    shingles: dict[tuple[str, ...], list[int]] = {}
    short: dict[tuple[str, ...], list[int]] = {}
    for n, q in enumerate(quotes):
        toks = q.extra["tokens"]
        if len(toks) < _SHINGLE:
            short.setdefault(toks, []).append(n)
        for i in range(len(toks) - _SHINGLE + 1):
            shingles.setdefault(toks[i:i + _SHINGLE], []).append(n)
    pairs: dict[tuple[int, int], str] = {}

    def consider(i: int, j: int) -> None:
        if i == j or quotes[i].article == quotes[j].article:
            return
        key = (min(i, j), max(i, j))
        if key in pairs:
            return
        ka, kb = _speaker_key(quotes[i].speaker), _speaker_key(quotes[j].speaker)
        # One named speaker on both sides: a looser likeness is still one quote.
        same_speaker = bool(ka and kb and _same_person(ka, kb))
        rel = relation(quotes[i].extra["tokens"], quotes[j].extra["tokens"],
                       _SAME_SPEAKER if same_speaker else _VARIANT)
        if rel is None:
            rel = _fragment_relation(quotes[i], quotes[j]) or _fragment_relation(quotes[j], quotes[i])
        if rel == "variant" and (_elided_part(quotes[i], quotes[j]) or _elided_part(quotes[j], quotes[i])):
            rel = "part"  # "…around the city... I still" leaves words out, it changes none
        if rel:
            pairs[key] = rel

    for members in shingles.values():
        if len(members) > 1 and len(members) < 40:
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    consider(members[x], members[y])
    for n, q in enumerate(quotes):
        toks = q.extra["tokens"]
        for size in range(1, min(_SHINGLE, len(toks) + 1)):
            for i in range(len(toks) - size + 1):
                for m in short.get(toks[i:i + size], ()):
                    # A one-word quote ("poor") only matches itself.
                    if size == len(quotes[m].extra["tokens"]) and (size > 1 or len(toks) == 1):
                        consider(n, m)
    # In passages telling the same thing, one named speaker quoted in different
    # words about the same matter ("a miracle nobody died" / "nothing short of
    # a miracle") is one quote worded differently.
    stop = lexicon.stopwords()
    in_group: dict[str, list[int]] = {}
    for n, q in enumerate(quotes):
        g = passage_groups.get(q.passage) if q.passage else None
        if g and q.extra.get("explicit") and _speaker_key(q.speaker) and len(q.extra["tokens"]) >= 4:
            in_group.setdefault(g, []).append(n)
    # On real news one speaker gives several quotes and an aligned group may
    # hold two of them: only a pair told one to one (each article's only
    # sentence in the group), of like length, neither already told word for
    # word elsewhere, is one quote worded differently.
    told = {k for key in pairs for k in key}
    per_article: dict[tuple[str, str], int] = {}
    for pid, g in passage_groups.items():
        per_article[(g, pid.rstrip("0123456789"))] = per_article.get((g, pid.rstrip("0123456789")), 0) + 1
    for g, members in in_group.items():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                a, b = quotes[i], quotes[j]
                key = (min(i, j), max(i, j))
                if a.article == b.article or key in pairs or i in told or j in told:
                    continue
                if per_article.get((g, a.article)) != 1 or per_article.get((g, b.article)) != 1:
                    continue
                la, lb = len(a.extra["tokens"]), len(b.extra["tokens"])
                if max(la, lb) > 2.5 * min(la, lb):
                    continue
                if not _same_person(_speaker_key(a.speaker), _speaker_key(b.speaker)):
                    continue
                words_a = {w for w in a.extra["tokens"] if len(w) > 3 and w not in stop}
                words_b = {w for w in b.extra["tokens"] if len(w) > 3 and w not in stop}
                shared = words_a & words_b
                # About the same matter: a good share of the shorter one's words, one of them
                # a word specific enough to mark the matter ("miracle"). Words as common as
                # "within a minute" or "late-night talk show" mark two remarks of one speaker
                # on one occasion ("Within one minute or two, the whole roof was ablaze" /
                # "police arrived within a minute or two").
                if shared and len(shared) >= 0.3 * min(len(words_a), len(words_b)) \
                        and max(word_rarity(w) for w in shared) >= _MATTER_RARITY:
                    pairs[key] = "variant"
    # Clusters by union-find.
    parent = list(range(len(quotes)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in pairs:
        parent[find(i)] = find(j)
    clusters: dict[int, list[int]] = {}
    for i, j in pairs:
        for k in (i, j):
            members = clusters.setdefault(find(k), [])
            if k not in members:
                members.append(k)
    drafts = []
    for members in clusters.values():
        members.sort(key=lambda k: (quotes[k].article, quotes[k].start))
        items = [quotes[k] for k in members]
        variant = [(i, j) for (i, j), rel in pairs.items() if rel == "variant" and i in members]
        speaker_clash = None
        related = {(i, j) for i, j in pairs if i in members}
        # "said Zadan and Meron" in one article, "Meron added" in another, "said Zadan"
        # in a third: speakers of one joint statement, not two claimants.
        joints = [set(k.split("|")) for k in (_speaker_key(i.speaker) for i in items) if k and "|" in k]
        for x in range(len(items)):
            for y in range(x + 1, len(items)):
                a, b = items[x], items[y]
                if a.article == b.article or not a.extra.get("explicit") or not b.extra.get("explicit"):
                    continue
                # Only a quote told by both, not two quotes joined through a third.
                key = (min(members[x], members[y]), max(members[x], members[y]))
                if key not in related or min(len(a.extra["tokens"]), len(b.extra["tokens"])) < _CLAIM:
                    continue
                ka, kb = _speaker_key(a.speaker), _speaker_key(b.speaker)
                if ka and kb and not _same_person(ka, kb) and not any(
                        set(ka.split("|")) <= j and set(kb.split("|")) <= j for j in joints):
                    speaker_clash = (a, b)
                    break
            if speaker_clash:
                break
        for item in items:
            used.add(id(item))
        group = group_of([i.passage for i in items])
        if speaker_clash:
            a, b = speaker_clash
            note = f"quote “{clip(a.text, 40)}” attributed to {a.speaker} vs {b.speaker}"
            if variant:
                note += "; wording differs too"
            drafts.append(Draft(FactKind.QUOTE, FactStatus.CONFLICT, note, [i.mention() for i in items], group,
                                origin="speaker"))
        elif variant:
            i, j = variant[0]
            wa, wb = wording_difference(quotes[i].text, quotes[j].text)
            who = next((q.speaker for q in (quotes[i], quotes[j]) if q.speaker), None)
            note = f"{who + chr(39) + 's ' if who else ''}quote worded differently: “{wa}” vs “{wb}”"
            drafts.append(Draft(FactKind.QUOTE, FactStatus.CONFLICT, note, [i.mention() for i in items], group,
                                origin="wording"))
        else:
            who = next((i.speaker for i in items if i.speaker), None)
            note = f"same quote{' from ' + who if who else ''}: “{clip(items[0].text, 48)}”"
            drafts.append(Draft(FactKind.QUOTE, FactStatus.AGREE, note, [i.mention() for i in items], group))
    return drafts


def single_quotes(extractions: dict[str, Extraction], used: set[int], group_of) -> list[Draft]:
    drafts = []
    for ext in extractions.values():
        for q in ext.quotes:
            if id(q) in used or not q.passage or len(q.extra["tokens"]) < 4:
                continue
            who = f" ({q.speaker})" if q.speaker else ""
            drafts.append(Draft(FactKind.QUOTE, FactStatus.SINGLE,
                                f"quote{who} only in {q.article}: “{clip(q.text, 48)}”",
                                [q.mention()], group_of([q.passage])))
    return drafts
