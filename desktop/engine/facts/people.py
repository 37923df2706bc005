"""People compared across articles: spelling of the name and title.

People are keyed by surname.  Across two articles, a first name spelt a
little differently ("Zohran"/"Zahran", edit distance 1-2) for the same
surname is a conflict; so is a surname spelt a little differently
("Kowalski"/"Kowalsky") when the first name, an office, or an aligned group
ties the two together.  Offices that one person does not hold at once
("mayor-elect" vs "president") are a title conflict.  Anyone named in two
or more articles consistently is an agreement; organisations and places
named alike in several articles too.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Iterable, Optional

from ..model import Article, FactKind, FactStatus, Mention
from . import lexicon
from .draft import Draft, reading_order
from .extract import Extraction
from .names import NameHit, Person
from .quote_facts import _edit_distance
from .variants import fold, fold_word, same_spelling


def _mention(article: Article, hit: NameHit, with_title: bool = False) -> Mention:
    start, end = hit.start, hit.end
    if with_title and hit.title_start is not None:
        t_end = hit.title_start + len(hit.title_text)
        start, end = min(start, hit.title_start), max(end, t_end)
    passage = None
    for p in article.passages:
        if p.start <= start < p.end:
            passage = p.id
            break
    value = hit.role if with_title else hit.text
    return Mention(article.id, passage, start, end, article.text[start:end], value, None)


# Particles a surname may be written with or without (lower case: surnames are keyed so).
_PARTICLES = ("la", "le", "de", "di", "da", "du", "del", "van", "von", "mc", "mac")


def _close(a: str, b: str) -> bool:
    """Two spellings of one name that differ by a letter or two, not by house style.

    "Bettie"/"Betty", "Bryant"/"Brian": two letters in a name of five or
    more; "Catherine"/"Katherine", "Giannis"/"Yiannis": the first letter
    alone, in a name of five or more (shorter names differing in their first
    letter are other names: "Dan"/"Jan").
    """
    if a == b or len(a) < 3 or len(b) < 3 or same_spelling(a, b):
        return False
    la, lb = a.lower(), b.lower()
    distance = _edit_distance(la, lb)
    if la[0] != lb[0]:
        return distance == 1 and min(len(a), len(b)) >= 5 and la[1:] == lb[1:]
    limit = 1 if min(len(a), len(b)) < 5 else 2
    return distance <= limit


def _spelling_of(full: str, firsts: tuple[str, ...]) -> bool:
    """Whether ``full`` may name the person whose first names are ``firsts``: a first word
    alike in most letters ("Kathryn" beside "Catherine" / "Katherine"; not "Gary"), or their
    initial ("B. Page").  A relative of a like name ("Betsy" beside "Bettie") still passes."""
    words = full.split()[:-1]
    if not words:
        return True
    mine = words[0].lower().rstrip(".")
    heads = [first.split()[0].lower() for first in firsts if first]
    if len(mine) == 1:
        return any(head.startswith(mine) for head in heads)
    return any(SequenceMatcher(None, mine, head).ratio() >= 0.6 for head in heads)


def _spellings(names: Iterable[str]) -> str:
    """The different spellings among ``names``, joined by "vs": a third is named ("Catherine vs
    Katherine vs Kathryn Gomes"), but a surname alone, an initial ("B. Page"), a middle name
    more or less ("Robyn Norma Mendes") or a house style ("José" / "Jose") is no spelling."""
    names = list(dict.fromkeys(names))
    # A surname alone counts only when the full names give no second spelling:
    # "Wolfe" against "Ilene Wolff" is the only difference there is.
    forms = _forms([n for n in names if len(n.split()) > 1])
    if len(forms) < 2:
        forms = _forms(names)
    shown = []
    for n, wordings in enumerate(forms):
        # Like with like: "Bettie Mae Page vs Betty Mae Page", "Robyn Mendes vs Robin Mendes".
        lengths = {len(w.split()) for m, other in enumerate(forms) if m != n for w in other}
        shown.append(max((w for w in wordings if len(w.split()) in lengths), key=lambda w: len(w.split()),
                         default=wordings[0]))
    return " vs ".join(shown)


def _forms(names: list[str]) -> list[list[str]]:
    """``names`` put together by spelling: the wordings of each, in the order met."""
    forms: list[list[str]] = []
    for name in names:
        same = next((f for f in forms if any(_one_spelling(name, w) for w in f)), None)
        if same is None:
            forms.append([name])
        else:
            same.append(name)
    return forms


def _one_spelling(a: str, b: str) -> bool:
    """Two wordings of one spelling of a name (see :func:`_spellings`)."""
    if same_spelling(a, b):
        return True
    wa, wb = [fold_word(w) for w in a.split()], [fold_word(w) for w in b.split()]
    if wa[-1] != wb[-1]:
        return False
    if len(wa) == 1 or len(wb) == 1:
        return True
    first_a, first_b = wa[0], wb[0]
    initial = (len(first_a) == 1 and first_b.startswith(first_a)) or (len(first_b) == 1 and first_a.startswith(first_b))
    return (first_a == first_b and len(wa) != len(wb)) or initial


def _first_names(person: Person) -> dict[str, NameHit]:
    result = {}
    for full, hit in person.full_names.items():
        first = " ".join(full.split()[:-1])
        result.setdefault(first, hit)
    return result


def _role_label(people: list[tuple[str, Person]]) -> Optional[str]:
    for _, person in people:
        for role in person.roles:
            if role in lexicon.offices():
                return role
    return None


def _compatible(a: str, b: str) -> bool:
    return a == b or frozenset((a, b)) in lexicon.compatible_roles() or \
        a not in lexicon.offices() or b not in lexicon.offices()


def _first_name_variant(entries: list[tuple[str, Person]], articles):
    """The first pair of articles spelling one person's first name differently, if any:
    (article a, its hit, article b, its hit, a's first name, b's)."""
    firsts = [(aid, _first_names(p)) for aid, p in entries]
    for x in range(len(firsts)):
        for y in range(x + 1, len(firsts)):
            (aa, fa), (ab, fb) = firsts[x], firsts[y]
            for na, ha in fa.items():
                if na in fb:
                    continue
                for nb, hb in fb.items():
                    if nb not in fa and _close(na, nb) and not _plural_of_two(
                            na, ha, articles[aa], nb, hb, articles[ab]):
                        return aa, ha, ab, hb, na, nb
    return None


def people_facts(extractions: dict[str, Extraction], group_of, passage_groups) -> list[Draft]:
    drafts: list[Draft] = []
    by_surname: dict[str, list[tuple[str, Person]]] = {}
    for aid, ext in extractions.items():
        for surname, person in ext.people.items():
            if person.hits:
                by_surname.setdefault(surname, []).append((aid, person))
    articles = {aid: ext.article for aid, ext in extractions.items()}
    spelled: set[str] = set()

    # Surnames spelt differently: blocked by their first two letters ("Wetzler"/"Welzler").
    blocks: dict[str, list[str]] = {}
    for surname in by_surname:
        blocks.setdefault(surname[:2], []).append(surname)
    for names in blocks.values():
        for x in range(len(names)):
            for y in range(x + 1, len(names)):
                sa, sb = names[x], names[y]
                if len(sa) < 4 or not _close(sa, sb):
                    continue
                draft = _surname_variant(sa, sb, by_surname, articles, passage_groups)
                if draft:
                    drafts.append(draft)
                    spelled.update((sa, sb))
    # A surname with and without its particle: "Anthony LaCalamita" / "Anthony Calamita".
    for surname in by_surname:
        for particle in _PARTICLES:
            bare = surname[len(particle):]
            if surname.startswith(particle) and len(bare) >= 5 and bare in by_surname \
                    and not {surname, bare} & spelled \
                    and not any(name.lower().endswith(f"{particle} {bare}")  # "Del Giudice": a space, no more
                                for _, person in by_surname[bare] for name in person.full_names):
                draft = _surname_variant(surname, bare, by_surname, articles, passage_groups)
                if draft:
                    drafts.append(draft)
                    spelled.update((surname, bare))

    for surname, entries in by_surname.items():
        if len(entries) < 2:
            continue
        label = _role_label(entries)
        owner = f"{label}'s name" if label else "name"
        # First names spelt differently (unless the surname's conflict gave every spelling).
        found = None if surname in spelled else _first_name_variant(entries, articles)
        if found:
            aa, ha, ab, hb, na, nb = found
            # Every article's spelling, so each side of the disagreement shows; not the
            # family's other people ("her brother Jack Page" beside Bettie / Betty Page).
            mentions = []
            for aid, person in entries:
                for full, hit in person.full_names.items():
                    if _spelling_of(full, (na, nb)):
                        mentions.append(_mention(articles[aid], hit))
            spellings = _spellings(m.text for m in sorted(mentions, key=reading_order))  # a third: "Kathryn"
            drafts.append(Draft(FactKind.PERSON, FactStatus.CONFLICT, f"{owner}: {spellings}", mentions,
                                origin="first-name"))
            spelled.add(surname)
        # Titles: an office in one article that fits none the other gives; an
        # office inside a quote ("As president, Senator Obama will ...") is
        # the speaker's word at the time, not the article's.
        entries = [(aid, _unquoted_roles(p, extractions[aid])) for aid, p in entries]
        clash = None
        for x in range(len(entries)):
            for y in range(len(entries)):
                if x == y:
                    continue
                (aa, pa), (ab, pb) = entries[x], entries[y]
                ra = [r for r in pa.roles if r in lexicon.offices()]
                rb = [r for r in pb.roles if r in lexicon.offices()]
                if not ra or not rb:
                    continue
                for r in rb:
                    if r not in ra and all(not _compatible(r, o) for o in ra):
                        clash = (aa, [pa.roles[o] for o in ra], ab, pb.roles[r])
                        break
                if clash:
                    break
            if clash:
                break
        if clash:
            aa, has, ab, hb = clash
            who = entries[0][1].display
            told = " / ".join(dict.fromkeys(h.title_text for h in has))
            mentions = []
            for aid, person in entries:  # every article's titles for the person
                for role, hit in person.roles.items():
                    if role in lexicon.offices():
                        mentions.append(_mention(articles[aid], hit, True))
            drafts.append(Draft(FactKind.PERSON, FactStatus.CONFLICT, f"{who}'s title: {told} vs {hb.title_text}",
                                mentions, origin="title"))
        if not found and surname not in spelled:
            drafts.extend(_named_in(entries, articles))
    drafts.extend(_entity_agreements(extractions, articles))
    drafts.extend(_organisation_variants(extractions, articles))
    return drafts


def _named_in(entries: list[tuple[str, Person]], articles) -> list[Draft]:
    """"Kimani Gray named in A, B, C": one agreement per person the articles share a surname for.

    A surname is a family's: "Kimani Gray" and his sister "Mahnefah Gray", the deputy
    "Hoyt Teasley" and his widow "Deborah Teasley" are two people, each named in the
    articles that give their first name.  An article that gives the surname alone
    ("Gray said") backs a person only when the articles name no one else by it.
    """
    people: list[tuple[str, list[tuple[str, NameHit]]]] = []  # (first name, [(article, hit)])
    for aid, person in entries:
        for full, hit in person.full_names.items():
            first = " ".join(full.split()[:-1])
            home = next((p for p in people if _one_first_name(p[0], first)), None)
            if home is None:
                people.append((first, [(aid, hit)]))
            elif all(a != aid for a, _ in home[1]):
                home[1].append((aid, hit))
    if len(people) <= 1:
        hits = []
        for aid, person in entries:
            full = next(iter(person.full_names.values()), None)
            hits.append(_mention(articles[aid], full or person.hits[0]))
        return [Draft(FactKind.PERSON, FactStatus.AGREE,
                      f"{entries[0][1].display} named in {', '.join(a for a, _ in entries)}", hits)]
    drafts = []
    for _, named in people:
        if len(named) < 2:
            continue
        named.sort(key=lambda item: item[0])
        display = max((hit.text for _, hit in named), key=len)
        drafts.append(Draft(FactKind.PERSON, FactStatus.AGREE,
                            f"{display} named in {', '.join(a for a, _ in named)}",
                            [_mention(articles[aid], hit) for aid, hit in named]))
    return drafts


def _one_first_name(a: str, b: str) -> bool:
    """Whether two first names (or initials) can be one person's: equal, one spelling
    of the other ("Heidar"/"Heydar"), or one the other's initial ("J."/"John")."""
    if not a or not b or a.lower() == b.lower() or _close(a, b) or same_spelling(a, b):
        return True
    fa, fb = a.split()[0].rstrip("."), b.split()[0].rstrip(".")
    return (len(fa) == 1 or len(fb) == 1) and fa[:1].lower() == fb[:1].lower()


def _plural_of_two(na: str, ha: NameHit, article_a: Article, nb: str, hb: NameHit,
                   article_b: Article) -> bool:
    """"Hurricanes Katrina and George" against "Hurricane Katrina": a plural
    for two names joined by "and" is grammar, not another spelling."""
    if na.rstrip("s") != nb.rstrip("s") or na == nb or " " in na or " " in nb:
        return False  # only a plural title word before one name ("Motion Pictures Arts" is a slip)
    plural, hit, article = (na, ha, article_a) if len(na) > len(nb) else (nb, hb, article_b)
    return bool(re.match(r"\s+and\s+[A-Z]", article.text[hit.end:hit.end + 12]))


def _unquoted_roles(person: Person, ext: Extraction) -> Person:
    """The person with only the titles given outside quotations."""
    quotes = [(q.start, q.end) for q in ext.quotes]
    roles = {role: hit for role, hit in person.roles.items()
             if not any(s <= (hit.title_start if hit.title_start is not None else hit.start) < e
                        for s, e in quotes)}
    if len(roles) == len(person.roles):
        return person
    return Person(person.surname, person.full_names, person.hits, roles)


def _surname_variant(sa: str, sb: str, by_surname, articles, passage_groups) -> Optional[Draft]:
    ea = {aid: p for aid, p in by_surname[sa]}
    eb = {aid: p for aid, p in by_surname[sb]}
    if set(ea) & set(eb):
        return None  # one article uses both: perhaps two people
    for aid_a, pa in ea.items():
        for aid_b, pb in eb.items():
            fa = {n.split()[0].lower() for n in pa.full_names if len(n.split()) > 1}
            fb = {n.split()[0].lower() for n in pb.full_names if len(n.split()) > 1}
            tied = bool(fa & fb)
            if fa and fb and not tied:
                continue  # different first names: different people
            roles = set(pa.roles) & set(pb.roles)
            groups_a = {passage_groups.get(_pid(articles[aid_a], h.start)) for h in pa.hits} - {None}
            groups_b = {passage_groups.get(_pid(articles[aid_b], h.start)) for h in pb.hits} - {None}
            if tied or roles or groups_a & groups_b:
                label = next(iter(roles), None) or next(iter(pa.roles), None)
                owner = f"{label}'s name" if label else "name"
                # Every spelling each article gives, first names too ("Heidar Alishvandi",
                # "Heydar Alishvandi", "Heydar Alishbandi"): one fact, not one per letter.
                # Not a relative named beside them ("her brother Jack Page").
                anchors = tuple(fa | fb)
                mentions = []
                for entries in (ea, eb):
                    for aid, person in entries.items():
                        hits = [hit for full, hit in person.full_names.items()
                                if not fa | fb or _spelling_of(full, anchors)] or person.hits[:1]
                        mentions += [_mention(articles[aid], hit) for hit in hits]
                spellings = _spellings(m.text for m in sorted(mentions, key=reading_order))
                return Draft(FactKind.PERSON, FactStatus.CONFLICT, f"{owner}: {spellings}", mentions,
                             origin="surname")
    return None


def _pid(article: Article, offset: int) -> Optional[str]:
    for p in article.passages:
        if p.start <= offset < p.end:
            return p.id
    return None


def _entity_agreements(extractions: dict[str, Extraction], articles) -> list[Draft]:
    seen: dict[tuple[str, str], dict[str, NameHit]] = {}
    for aid, ext in extractions.items():
        for hit in ext.hits:
            if hit.kind in ("organization", "place"):
                # One name in two house styles is one name ("Place Vendome" / "Place Vendôme",
                # "Internationally Recognised Transit Corridor" / "... Recognized ...").
                key = fold(hit.text).replace(" ", "")
                seen.setdefault((hit.kind, key), {}).setdefault(aid, hit)
    drafts = []
    for (kind, _), per in seen.items():
        if len(per) >= 2:
            first = next(iter(per.values()))
            drafts.append(Draft(kind, FactStatus.AGREE, f"{first.text} named in {', '.join(per)}",
                                [_mention(articles[aid], hit) for aid, hit in per.items()]))
    return drafts


def _organisation_variants(extractions: dict[str, Extraction], articles) -> list[Draft]:
    """An organisation's name spelt two ways by two articles ("Gordon Advisers" / "Gordon
    Advisors"): names of several words alike but for one word a letter or two apart, not a
    plural, and no article writing both."""
    spellings: dict[str, dict[str, NameHit]] = {}
    for aid, ext in extractions.items():
        for hit in ext.hits:
            if hit.kind == "organization" and len(hit.text.split()) > 1:
                spellings.setdefault(hit.text, {}).setdefault(aid, hit)
    names = sorted(spellings)
    drafts = []
    for x, a in enumerate(names):
        for b in names[x + 1:]:
            wa, wb = a.split(), b.split()
            if len(wa) != len(wb) or set(spellings[a]) & set(spellings[b]):
                continue
            differ = [(p, q) for p, q in zip(wa, wb) if p != q]
            if len(differ) != 1:
                continue
            p, q = differ[0]
            if p.rstrip("s") == q.rstrip("s") or not _close(p, q) or min(len(p), len(q)) < 5:
                continue
            mentions = [_mention(articles[aid], hit) for name in (a, b) for aid, hit in spellings[name].items()]
            drafts.append(Draft(FactKind.ORGANIZATION, FactStatus.CONFLICT, f"name: {a} vs {b}", mentions,
                                origin="organisation"))
    return drafts
