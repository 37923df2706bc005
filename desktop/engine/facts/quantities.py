"""Numbers, money, percentages, dates and times compared across articles.

First inside aligned groups: passages of one group tell the same thing, so
two counts of the same noun there (or the only date each side gives) speak
of the same fact.  Then across whole articles for counts whose noun is
specific ("police officers", or "people" with what happened to them:
"people injured"), when each article gives one consistent value.
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..model import Comparison, FactStatus
from . import lexicon
from .draft import Draft
from .extract import Extraction
from .items import TIME_UNITS, Item
from .notes import quantity_note, quantity_subject
from .gate import Scene, near_copy, same_thing, slot
from .slots import noun_dated, related_verbs, same_verb
from .values import cluster_status, compared_items, date_class, relation

import re

QUANTITY_KINDS = ("number", "money", "percent", "date", "time")
_WORDS = re.compile(r"[a-z][a-z'’-]+")


def _across(per_article: dict):
    """Every two entries of two different articles: (first article, its entry,
    second article, its entry), articles in the order given."""
    articles = list(per_article)
    for x, first in enumerate(articles):
        for second in articles[x + 1:]:
            for a in per_article[first]:
                for b in per_article[second]:
                    yield first, a, second, b


def _consistent(items: list[Item]) -> bool:
    """All values one article gives for a thing agree with each other."""
    for n, a in enumerate(items):
        for b in items[n + 1:]:
            if relation(a, b) not in ("same", "compatible"):
                return False
    return True


def _one_each(by_article: dict[str, list[Item]]) -> Optional[list[Item]]:
    """One item per article when every article's items are consistent."""
    chosen = []
    for items in by_article.values():
        if not items:
            continue
        if len(items) > 1 and not _consistent(items):
            return None
        chosen.append(items[0])
    return chosen if len(chosen) >= 2 else None


def _topic_key(item: Item) -> Optional[str]:
    """A topic as compared: "Voters" in a headline is "voter" in the text (shown as written)."""
    topic = item.extra.get("topic")
    return lexicon.singular(topic.lower()) if topic else None


def _bucket(items: Iterable[Item], key) -> dict:
    buckets: dict = {}
    for item in items:
        k = key(item)
        if k is None:
            continue
        buckets.setdefault(k, {}).setdefault(item.article, []).append(item)
    return buckets


def _count_clusters(by_article: dict[str, list[Item]]) -> list[list[Item]]:
    items = [i for lst in by_article.values() for i in lst if i.key is not None]
    clusters = []
    for head, per in _bucket(items, lambda i: i.extra.get("head")).items():
        events = {i.extra.get("event") for lst in per.values() for i in lst} - {None}
        if len(events) > 1:
            for event in events:
                sub = {a: [i for i in lst if i.extra.get("event") == event] for a, lst in per.items()}
                cluster = _one_each(sub)
                if cluster:
                    clusters.append(cluster)
            continue
        if not head and not events:
            continue
        cluster = _one_each(per)
        if cluster:
            clusters.append(cluster)
    return clusters


def _topic_clusters(by_article: dict[str, list[Item]], kind_key) -> list[list[Item]]:
    clusters = []
    for _, per in _bucket([i for lst in by_article.values() for i in lst], kind_key).items():
        if len(per) < 2:
            continue
        if all(len(lst) == 1 for lst in per.values()):
            # The one sum (or share) each side gives in passages telling the
            # same thing is the same sum, however the sentence words it.
            clusters.append([lst[0] for lst in per.values()])
            continue
        by_topic = _bucket([i for lst in per.values() for i in lst], _topic_key)
        for topic_per in by_topic.values():
            cluster = _one_each(topic_per) if all(len(l) == 1 for l in topic_per.values()) else None
            if cluster:
                clusters.append(cluster)
    return clusters


def _unique_clusters(by_article: dict[str, list[Item]], kind_key, sit_out: bool = False) -> list[list[Item]]:
    """The one value of a kind each article gives in a group.

    With ``sit_out`` (clock times) an article giving two values (the call at 3:30, the
    firefighters at 3:42) cannot say which of them the others' is and sits out while the
    rest still meet, unless its two values are all the rest give and only two articles are
    left: "called at 3:30" and "reached it at 3:42" beside "called at 3:30 and reached it at
    3:42" are likely two moments, while eight reports split between 3:30 and 3:33 on the one
    call are a disagreement.  Without it (dates: a group's two dates are mostly two
    happenings, "in 1997" beside "since 1959") any such article leaves the kind unread.
    """
    clusters = []
    for _, per in _bucket([i for lst in by_article.values() for i in lst], kind_key).items():
        values = [{repr(i.value): i for i in lst} for lst in per.values()]  # a value repeated counts once
        single = [next(iter(v.values())) for v in values if len(v) == 1]
        if len(single) < 2 or (not sit_out and len(single) < len(per)):
            continue
        told = {repr(i.value) for i in single}
        explained = any(len(v) > 1 and told <= v.keys() for v in values)
        if explained and len(single) < 3:
            continue
        clusters.append(single)
    return clusters


def _clusters_for(kind: str, by_article: dict[str, list[Item]]) -> list[list[Item]]:
    if kind == "number":
        return _count_clusters(by_article)
    if kind == "money":
        return _topic_clusters(by_article, lambda i: i.key)
    if kind == "percent":
        return _topic_clusters(by_article, lambda i: i.key)
    if kind == "date":
        return _unique_clusters(by_article, date_class)
    return _unique_clusters(by_article, lambda i: i.key or "time", sit_out=True)  # a game clock is no time of day


def _comparable(scene: Scene, tied: bool = False):
    """Whether two disagreeing values measure the same thing (see :mod:`.gate`)."""
    def check(a: Item, b: Item) -> bool:
        return same_thing(a, b, scene, tied)
    return check


def _counts_like(ext: Extraction, heads: set, like: list[Item], scene: Scene) -> list[Item]:
    """The counts an article gives, outside quotes, of what one of ``like`` counts: the same
    noun, on the same verb, of the same thing."""
    return [i for i in ext.quantities if i.kind == "number" and i.passage and not i.in_quote
            and i.extra.get("head") in heads
            and any(same_verb(slot(i, ext.article), slot(m, scene.article(m.article)))
                    and same_thing(i, m, scene) for m in like)]


def _said_otherwise(items: list[Item], scene: Scene) -> set[int]:
    """The counts (their ids) whose own article, elsewhere, gives the value they are said to
    contradict.

    An article whose lead says "killing 10 people" and which recalls a past quake further on
    ("It killed 612 people") is aligned there with another report's "Ten people were killed":
    612 is of something else, since that article itself gives the other report's ten.
    """
    aside = set()
    for a in items:
        if not a.extra.get("head"):
            continue  # a bare number ("12") may count anything: no evidence of another thing
        ext = scene.extractions[a.article]
        for b in items:
            if b.article == a.article or relation(a, b) != "conflict":
                continue
            if any(relation(other, b) == "same" and all(other is not i for i in items)
                   for other in _counts_like(ext, {a.extra.get("head")}, [b], scene)):
                aside.add(id(a))
                break
    return aside


def _draft(items: list[Item], group: Optional[str], used: set[int],
           scene: Scene, paired: bool = False, tied: bool = False) -> Optional[Draft]:
    """``paired``: two sentences that are each other's best match and each give
    one sum (or share): like two sentences aligned one to one, the sums are one.
    ``tied``: see :func:`.gate.same_thing`."""
    comparable = (lambda a, b: True) if paired else _comparable(scene, tied)
    items = compared_items(items)
    if len({i.article for i in items}) < 2:
        return None
    status, approx = cluster_status(items, comparable)
    if status == FactStatus.CONFLICT and items[0].kind == "number":
        aside = _said_otherwise(items, scene)
        if aside:  # the rest may still disagree among themselves
            items = [i for i in items if id(i) not in aside]
            if len({i.article for i in items}) < 2:
                return None
            status, approx = cluster_status(items, comparable)
    if status is None:
        return None
    for item in items:
        used.add(id(item))
    return Draft(items[0].kind, status, quantity_note(items, status, approx),
                 [i.mention() for i in items], group, approx, subject=quantity_subject(items, status))


def _new_draft(cluster: list[Item], used: set[int], scene: Scene, group_of, origin: str,
               paired: bool = False) -> Optional[Draft]:
    """The fact a cluster found across whole articles tells, unless it tells nothing new.

    Values already told as one fact ("three weeks" twice) may disagree with a
    further article ("four weeks"): with any member told, only a conflict is new.
    """
    if all(id(i) in used for i in cluster):
        return None
    if any(id(i) in used for i in cluster):
        comparable = None if paired else _comparable(scene)
        if cluster_status(cluster, comparable)[0] != FactStatus.CONFLICT:
            return None
    draft = _draft(cluster, group_of([i.passage for i in cluster]), used, scene, paired=paired)
    if draft:
        draft.origin = origin
    return draft


def _pair_similarity(group) -> dict[tuple[str, str], float]:
    """Word-diff similarity between the passages two articles give to a group."""
    result = {}
    for d in group.diffs:
        for a in d.a_passages or (d.a,):
            for b in d.b_passages or (d.b,):
                result[(a, b)] = result[(b, a)] = d.similarity
    return result


def _weak_conflict(items: list[Item], extractions: dict[str, Extraction], group,
                   need: int = 2, similar: float = 0.3) -> bool:
    """True when no disagreeing pair is tied by its sentences.

    A pair is tied when its two sentences share ``need`` content words or
    read alike (diff similarity >= ``similar``).  Guards against passages
    grouped loosely: "smaller than ... since 2012" and "lost 5 percent of its
    students since 2021" are not one fact.
    """
    skip = _not_context()
    sims = _pair_similarity(group)
    words = {id(i): _context_words(extractions[i.article], i) - skip for i in items}
    conflicting = False
    for n, a in enumerate(items):
        for b in items[n + 1:]:
            if a.article == b.article or relation(a, b) != "conflict":
                continue
            conflicting = True
            if len(words[id(a)] & words[id(b)]) >= need or sims.get((a.passage, b.passage), 0) >= similar:
                return False
    return conflicting


def group_facts(comparison: Comparison, scene: Scene, used: set[int], cancelled) -> list[Draft]:
    extractions = scene.extractions
    drafts = []
    for group in comparison.groups:
        if cancelled():
            break
        by_kind: dict[str, dict[str, list[Item]]] = {}
        for pid in group.passages:
            aid = pid.rstrip("0123456789")
            ext = extractions.get(aid)
            if ext is None:
                continue
            for item in ext.by_passage.get(pid, ()):
                by_kind.setdefault(item.kind, {}).setdefault(aid, []).append(item)
        for kind, by_article in by_kind.items():
            if len(by_article) < 2:
                continue
            for cluster in _clusters_for(kind, by_article):
                # Counts carry their noun and clock times are specific; sums,
                # shares and dates need their sentences to agree on the matter.
                if kind in ("money", "percent", "date") and _weak_conflict(cluster, extractions, group):
                    continue
                draft = _draft(cluster, group.id, used, scene)
                if draft:
                    draft.origin = "group"
                    drafts.append(draft)
            # Then what no key brought together: values facing each other in near copies,
            # and the one count each side gives of things the facts' synonyms make one.
            drafts += _opposite_pairs(by_article, group.id, used, scene)
            if kind == "number":
                drafts += _kindred_counts(by_article, group.id, used, scene)
    return drafts


def _opposite_pairs(by_article: dict[str, list[Item]], group: str, used: set[int],
                    scene: Scene) -> list[Draft]:
    """Values that stand opposite each other in two near-identical sentences.

    "The 6.1-magnitude quake struck" / "The 5.9-magnitude quake struck": one
    sentence edited into the other, and the edit is the value, so the two
    are values of one thing even with no counted noun after them.  Each
    value pairs with at most one other per article (the first it faces).
    """
    drafts = []
    for _, a, _, b in _across(by_article):
        if id(a) in used or id(b) in used or a.in_quote or b.in_quote:
            continue
        if a.extra.get("converted") != b.extra.get("converted"):
            continue  # a converted sum against a stated one
        if relation(a, b) != "conflict" or not near_copy(scene, a, b):
            continue
        draft = _draft([a, b], group, used, scene)
        if draft:
            draft.note = draft.note.replace("number:", f"{_slot_label(a, scene)}:", 1)
            draft.subject = draft.subject.replace("number:", f"{_slot_label(a, scene)}:", 1)
            draft.origin = "opposite"
            drafts.append(draft)
    return drafts


def _noun_senses(item: Item) -> set[int]:
    """The facts' own same-meaning lines the words of a count's noun phrase fall in."""
    table = lexicon.counted_as_one()
    words = [w.lower() for w in (item.extra.get("phrase") or "").split()]
    return {table[w] for w in {lexicon.singular(w) for w in words} | set(words) if w in table}


def _kindred_counts(by_article: dict[str, list[Item]], group: str, used: set[int],
                    scene: Scene) -> list[Draft]:
    """The one count each side gives, in two sentences aligned one to one, of
    nouns the facts' synonyms make one: "eliminates 38 teaching positions" /
    "36 teachers will lose their jobs" (teaching, teachers)."""
    drafts = []
    for _, a, _, b in _across(by_article):
        # One may already agree with a vaguer count ("36 teachers" / "dozens
        # of teachers"): the disagreement with the other side is still new.
        if (id(a) in used and id(b) in used) or a.in_quote or b.in_quote:
            continue
        if not a.extra.get("head") or a.extra.get("head") == b.extra.get("head"):
            continue
        if not (_noun_senses(a) & _noun_senses(b)) or scene.tight(a, b) is None:
            continue
        if relation(a, b) != "conflict":
            continue
        draft = _draft([a, b], group, used, scene, paired=True)
        if draft:
            draft.origin = "kindred"
            drafts.append(draft)
    return drafts


def _slot_label(item: Item, scene: Scene) -> str:
    """What an unlabelled value is of, from the word joined to it ("6.1-magnitude")."""
    if item.label:
        return item.label
    text = scene.article(item.article).text
    joined = re.match(r"-([A-Za-z]+(?:-[A-Za-z]+)*)", text[item.end:item.end + 30])
    return joined.group(1) if joined else "number"


def _specific(item: Item) -> bool:
    head = item.extra.get("head")
    if head is None:
        return False
    if item.extra.get("event"):
        return True
    return bool(head) and head not in lexicon.generic_nouns()


def _context_words(ext: Extraction, item: Item) -> set[str]:
    article = ext.article
    passage = next((p for p in article.passages if p.id == item.passage), None)
    if passage is None:
        return set()
    stop = lexicon.stopwords()
    words = _WORDS.findall(article.text[passage.start:passage.end].lower())
    return {lexicon.singular(w)[:6] for w in words if w not in stop and len(w) > 2}


def article_facts(scene: Scene, used: set[int], group_of,
                  in_conflict: frozenset = frozenset()) -> list[Draft]:
    """Counts of one specific thing compared across whole articles.

    With what happened to them ("people injured") head noun and event are
    key enough; without, the whole noun phrase must be the same and the two
    sentences must share at least two other words, since "2,800 residents"
    (who live there) and "4,000 residents" (who fled) are different things.
    """
    extractions = scene.extractions
    per_key: dict[str, dict[str, list[Item]]] = {}
    for aid, ext in extractions.items():
        for item in ext.quantities:
            if item.kind == "number" and item.passage and _specific(item):
                key = item.key if item.extra.get("event") else \
                    f"{item.key}|{item.extra.get('phrase', '').lower()}"
                per_key.setdefault(key, {}).setdefault(aid, []).append(item)
    drafts = []
    for key, per in per_key.items():
        if len(per) < 2:
            continue
        if any((i.article, i.start, i.end) in in_conflict for lst in per.values() for i in lst):
            continue  # already told as a conflict inside a group
        cluster = _one_each(per)
        if not cluster:
            continue
        if not cluster[0].extra.get("event"):
            contexts = [_context_words(extractions[i.article], i) for i in cluster]
            noun = {w[:6] for w in (cluster[0].extra.get("phrase") or "").lower().split()}
            shared = set.intersection(*contexts) - noun - {lexicon.singular(cluster[0].extra.get("head") or "")[:6]}
            if len(shared) < 2:
                continue
        # A value already agreeing with a vaguer one inside a group ("17 homes" /
        # "more than a dozen homes") may still disagree with a third article
        # ("Nineteen homes have been lost"): only that conflict is new.
        draft = _new_draft(cluster, used, scene, group_of, "article")
        if draft:
            drafts.append(draft)
    return drafts


# Content words the sentences of two equal dates, times, shares or sums must share, beyond
# the value itself, to be shown agreeing outside a group of aligned passages.
LEFTOVER_SHARED_WORDS = 2


def _told_alike(extractions: dict[str, Extraction], items: list[Item], group_of) -> bool:
    """Whether equal values carrying no noun of their own (a weekday, a share) are told of
    one thing: their passages stand in one group, or every other one's sentence shares
    words with the first's beyond the value."""
    if group_of([i.passage for i in items]) is not None:
        return True
    first = items[0]
    own = {lexicon.singular(w)[:6] for i in items for w in _WORDS.findall(i.text.lower())}
    base = _context_words(extractions[first.article], first) - own
    return all(len(base & _context_words(extractions[i.article], i)) >= LEFTOVER_SHARED_WORDS
               for i in items[1:])


def leftover_facts(extractions: dict[str, Extraction], used: set[int], group_of) -> list[Draft]:
    """What is left: the same value given by several articles (agree) or by one (single)."""
    by_value: dict[tuple, dict[str, list[Item]]] = {}
    keyed: dict[str, set[str]] = {}
    for aid, ext in extractions.items():
        for item in ext.quantities:
            if item.kind == "number" and item.key is not None:
                keyed.setdefault(item.key, set()).add(aid)
    for aid, ext in extractions.items():
        for item in ext.quantities:
            if id(item) in used or not item.passage or item.in_quote:
                continue
            if item.kind == "number" and not _specific(item):
                continue
            value_key = repr(item.value)
            key = (item.kind, item.key if item.kind == "number" else None, value_key)
            by_value.setdefault(key, {}).setdefault(aid, []).append(item)
    drafts = []
    for (kind, key, _), per in by_value.items():
        if len(per) >= 2:
            items = [lst[0] for lst in per.values()]
            if kind != "number" and not _told_alike(extractions, items, group_of):
                continue  # "Saturday" of a shooting and of the riots a week on: no agreement, nor "only in"
            for i in items:
                used.add(id(i))
            drafts.append(Draft(kind, FactStatus.AGREE, quantity_note(items, FactStatus.AGREE, False),
                                [i.mention() for i in items], group_of([i.passage for i in items]),
                                any(i.approx for i in items),
                                subject=quantity_subject(items, FactStatus.AGREE)))
            continue
        (aid, lst), = per.items()
        if kind == "number" and len(keyed.get(key, ())) > 1:
            continue  # other articles count this too, but not comparably: no "single"
        drafts.append(Draft(kind, FactStatus.SINGLE, quantity_note(lst, FactStatus.SINGLE, lst[0].approx),
                            [item.mention() for item in lst], group_of([i.passage for i in lst]),
                            any(i.approx for i in lst), subject=quantity_subject(lst, FactStatus.SINGLE)))
    return drafts


_NOT_CONTEXT = None


def _not_context() -> set[str]:
    global _NOT_CONTEXT
    if _NOT_CONTEXT is None:
        from .dates import MONTHS, WEEKDAYS
        from .numbers import WORD_VALUES
        words = set(WORD_VALUES) | set(MONTHS) | set(WEEKDAYS) | {
            "percent", "million", "billion", "thousand", "hundred", "dollar", "said", "says", "about",
            "nearly", "more", "than", "some", "roughly", "around"}
        _NOT_CONTEXT = {lexicon.singular(w)[:6] for w in words}
    return _NOT_CONTEXT


def _kind_key(item: Item):
    if item.kind == "number":
        if not _specific(item):
            return None
        return ("number", item.extra.get("head"), item.extra.get("event"),
                (item.extra.get("phrase") or "").lower())
    if item.kind in ("money", "percent", "time"):
        return (item.kind, item.key)
    return None


def _folded(words: set[str]) -> set[str]:
    """Context words with the shared news synonyms folded ("costs" and "bill" one)."""
    table = lexicon.synonym_clusters()
    return {f"~{table[w]}" if w in table else w for w in words}


def _only_one(scene: Scene, item: Item) -> bool:
    same = [i for i in scene.extractions[item.article].by_passage.get(item.passage or "", ())
            if i.kind == item.kind and not i.in_quote]
    return len(same) == 1


def _of_what(scene: Scene, item: Item) -> set[str]:
    """The words right after a sum or share, folded by the shared synonyms: what it
    is of ("75 percent of firefighting costs" / "two thirds of the bill": costs, bill)."""
    text = scene.article(item.article).text
    stop = lexicon.stopwords() | _not_context()
    # "110 billion euros in loans over three years" / "30bn euros from its deficit over the
    # next three years": how long and in what money say nothing of what a sum is of.
    words = [w for w in _WORDS.findall(text[item.end:item.end + 60].lower())
             if w not in stop and lexicon.singular(w) not in _NOT_OF_WHAT][:4]
    return _folded({lexicon.singular(w) for w in words} | set(words))


_NOT_OF_WHAT = TIME_UNITS | {"decade", "euro", "dollar", "pound", "yen", "yuan", "rupee", "franc", "sterling"}


def sentence_facts(scene: Scene, used: set[int], group_of, min_shared: int = 3) -> list[Draft]:
    """Pairs of leftover quantities whose sentences share several words.

    The aligner may leave two tellings of one fact apart (one article folds
    it into a longer sentence).  Two sums, shares, times or counts of the
    same thing still pair up when their sentences share at least
    ``min_shared`` content words and each is the other's only best match.
    """
    extractions = scene.extractions
    contexts: dict[str, set[str]] = {}
    candidates: dict[tuple, list[Item]] = {}
    skip = _not_context()
    for aid, ext in extractions.items():
        for item in ext.quantities:
            if id(item) in used or not item.passage or item.in_quote:
                continue
            key = _kind_key(item)
            if key is None:
                continue
            if item.passage not in contexts:
                contexts[item.passage] = _folded(_context_words(ext, item) - skip)
            candidates.setdefault(key, []).append(item)
    best: dict[int, tuple[int, Optional[Item]]] = {}
    for items in candidates.values():
        for a in items:
            top, choice = 0, None
            for b in items:
                if b.article == a.article:
                    continue
                shared = len(contexts[a.passage] & contexts[b.passage])
                if shared > top:
                    top, choice = shared, b
                elif shared == top and shared:
                    choice = None  # a tie: not sure which one
            best[id(a)] = (top, choice)
    drafts = []
    for items in candidates.values():
        for a in items:
            top, b = best[id(a)]
            if b is None or top < min_shared or id(a) in used or id(b) in used:
                continue
            if best.get(id(b), (0, None))[1] is not a:
                continue
            paired = a.kind in ("money", "percent") and _only_one(scene, a) and _only_one(scene, b) \
                and bool(_of_what(scene, a) & _of_what(scene, b))
            draft = _draft([a, b], group_of([a.passage, b.passage]), used, scene, paired=paired)
            if draft:
                draft.origin = "sentence"
                drafts.append(draft)
    return drafts


_OFFSET_AFTER = {"ago", "after", "before", "later", "earlier", "prior"}
_SPAN_BEFORE = {"for", "in", "over", "during", "past", "last", "spent"}
_UNIT_STEMS = {"week", "month", "year", "day", "hour", "minut", "secon", "past", "last"}
_HEDGES = {"about", "around", "almost", "nearly", "roughly", "some", "more", "less", "than", "the",
           "over", "under", "just", "at", "least", "most", "only", "approximately", "a", "an"}


def _time_shape(item: Item, s) -> Optional[str]:
    """How a count of time is told: "offset" ("two weeks ago", "three weeks before
    the shooting") or "span" ("for three weeks", "in the past four years")."""
    unit_at = s.last + len((item.extra.get("phrase") or "").split())
    after = s.tokens[unit_at] if unit_at < len(s.tokens) else ""
    if after in _OFFSET_AFTER:
        return "offset"
    k = s.first - 1
    while k >= 0 and s.tokens[k] in _HEDGES and s.tokens[k] not in _SPAN_BEFORE:
        k -= 1
    return "span" if k >= 0 and s.tokens[k] in _SPAN_BEFORE else None


def time_count_facts(scene: Scene, used: set[int], group_of) -> list[Draft]:
    """Counts of time on one verb, compared across whole articles.

    The aligner may keep two tellings apart ("had been in hospital for three
    weeks with pneumonia" / "hospitalized in Los Angeles for four weeks due to
    pneumonia"; "married two weeks before the shooting" / "wed about three weeks
    ago").  A count of the same unit of time on the same verb, told the same way
    (both an offset or both a span), the one such count each article gives, is
    one fact; spans must also share a word close by ("pneumonia"), since "going
    out with her boyfriend for two years" and "living in South Wales for three
    years" are two lives.  Other counts are left to the aligned groups: box
    scores repeat one verb and noun for every player ("finished with 269 yards").
    """
    per_key: dict[tuple, dict[str, list[Item]]] = {}
    slots: dict[int, object] = {}
    for aid, ext in scene.extractions.items():
        for item in ext.quantities:
            if item.kind != "number" or not item.passage or item.in_quote:
                continue
            head = item.extra.get("head")
            if head not in TIME_UNITS:
                continue
            s = slot(item, ext.article)
            shape = _time_shape(item, s)
            if s.verb is None or shape is None:
                continue
            slots[id(item)] = s
            per_key.setdefault((head, s.verb, shape), {}).setdefault(aid, []).append(item)
    drafts = []
    for (_, _, shape), per in per_key.items():
        if len(per) < 2:
            continue
        cluster = _one_each(per)
        if not cluster:
            continue
        if shape == "span":
            # The verb's own word ("worked") does not count: "Andy Ryan, who has
            # worked at the plant for nearly 30 years" and "where she had worked
            # for 15 years" are two careers.
            verb = slots[id(cluster[0])].verb or ""
            shared = frozenset.intersection(*[slots[id(i)].frame for i in cluster])
            if not {w for w in shared if w not in _UNIT_STEMS and not w.startswith(verb[:4])}:
                continue
        draft = _new_draft(cluster, used, scene, group_of, "verb")
        if draft:
            drafts.append(draft)
    return drafts


# Words naming a kind of sum, not what it is for: "a $161-million deal" (one
# player's) and "the $90 million deal they gave to Torii Hunter" are two.
_NO_PURPOSE = {"deal", "deals", "contract", "contracts", "offer", "offers", "agreement", "package",
               "sum", "amount", "total", "worth", "value", "figure"}
_PURPOSE_GLUE = {"of", "in", "to", "for", "the", "a", "an", "on", "its", "their", "his", "her"}


def _purpose(scene: Scene, item: Item) -> set[str]:
    """What a sum or share is for, in the word right next to it, folded by the
    facts' synonyms: "a $4.2 million rehabilitation" / "$42 million to overhaul";
    "a 2 percent raise" / "pay will rise 3 percent"."""
    text = scene.article(item.article).text
    after = [w for w in _WORDS.findall(text[item.end:item.end + 30].lower()) if w not in _PURPOSE_GLUE][:1]
    before = _WORDS.findall(text[max(0, item.start - 20):item.start].lower())
    before = before[-1:] if before and before[-1] not in _PURPOSE_GLUE else []
    words = [w for w in after + before if w not in _NO_PURPOSE]
    return _folded({lexicon.singular(w) for w in words} | set(words))


def purpose_facts(scene: Scene, used: set[int], group_of) -> list[Draft]:
    """Sums (or shares) for one named purpose in unaligned sentences.

    Each sentence gives one sum of its kind, and the words around the two sums
    name one purpose through the facts' synonyms ("rehabilitation" /
    "overhaul"); each sum has that one partner in the other article.  A sum is
    specific enough that two for one purpose in one story are one figure.
    """
    found: dict[str, list[tuple[Item, set[str]]]] = {}
    for aid, ext in scene.extractions.items():
        for item in ext.quantities:
            if item.kind not in ("money", "percent") or not item.passage \
                    or item.in_quote or item.extra.get("converted") or not _only_one(scene, item):
                continue
            words = {w for w in _purpose(scene, item) if w.startswith("~")}
            if words:
                found.setdefault(aid, []).append((item, words))
    # Each sum's partners, by article: one a side, or it is unclear which is meant.
    partners: dict[int, dict[str, list[Item]]] = {}
    for first, (a, wa), second, (b, wb) in _across(found):
        if a.kind == b.kind and wa & wb:
            partners.setdefault(id(a), {}).setdefault(second, []).append(b)
            partners.setdefault(id(b), {}).setdefault(first, []).append(a)
    drafts = []
    told: set[frozenset] = set()
    for items in found.values():
        for a, _ in items:
            mates = partners.get(id(a), {})
            if not mates or any(len(lst) != 1 for lst in mates.values()):
                continue
            cluster = [a] + [lst[0] for lst in mates.values()]
            # Every member must see the same partners: a clique, one sum per article.
            ids = {id(i) for i in cluster}
            if frozenset(ids) in told:
                continue
            told.add(frozenset(ids))
            if any({id(j) for lst in partners.get(id(i), {}).values() for j in lst} != ids - {id(i)}
                   for i in cluster[1:]):
                continue
            # Sums already told as agreeing ("a 2 percent raise" twice) may disagree
            # with a further article ("pay will rise 3 percent").
            draft = _new_draft(cluster, used, scene, group_of, "purpose", paired=True)
            if draft:
                drafts.append(draft)
    return drafts


_HEIGHT = re.compile(r"\b\d\s?-?\s?(?:foot|feet|ft)\b|\bfeet\s+tall\b|\b\d['’]\s?\d{1,2}\b", re.IGNORECASE)


def weight_facts(scene: Scene, used: set[int], group_of) -> list[Draft]:
    """A person's weight told beside a height: a description of the one sought or
    held ("He is 5-feet-8 inches tall, weighing 130 pounds" / "Orozco is
    5-foot-8,135 pounds"), the one such each article gives."""
    per: dict[str, list[Item]] = {}
    for aid, ext in scene.extractions.items():
        for item in ext.quantities:
            if item.kind != "number" or item.extra.get("head") != "pound" or id(item) in used \
                    or not item.passage or item.in_quote:
                continue
            passage = ext.article.passages[ext.index.position(item.passage)]
            if _HEIGHT.search(ext.article.text, passage.start, passage.end):
                per.setdefault(aid, []).append(item)
    cluster = _one_each(per)
    draft = _new_draft(cluster, used, scene, group_of, "weight", paired=True) if cluster else None
    if not draft:
        return []
    draft.note = draft.note.replace("pounds:", "weight (pounds):", 1)
    draft.subject = draft.subject.replace("pounds:", "weight (pounds):", 1)
    return [draft]


def _within_month(item: Item) -> bool:
    """A day, a month or a part of one ("early November"), not a year, a week or a season."""
    precision = item.extra.get("precision")
    return precision in ("day", "month") or (precision == "range" and bool(item.extra.get("part"))
                                             and not str(item.value).startswith("--"))


def date_facts(scene: Scene, used: set[int], group_of) -> list[Draft]:
    """Days of one happening told in unaligned sentences.

    "Crews will begin removing debris from the river Thursday" / "Crews are
    expected to start hauling wreckage out of the river Friday": the same (or
    a synonymous) verb, a word they share near the date ("river"), and the only
    date of each sentence.  A pair is kept only when each date has that one
    partner in the other article; the gate then decides as for any two values
    (a report's own date, a quoted day, different named subjects are never one).
    """
    found: dict[str, list[tuple[Item, object, set[str]]]] = {}
    for aid, ext in scene.extractions.items():
        for item in ext.quantities:
            clock = item.kind == "time" and bool(item.extra.get("clock"))
            if (item.kind != "date" and not clock) or id(item) in used or not item.passage or item.in_quote:
                continue
            if not clock and not _within_month(item):
                continue  # "retiring in 1993", "indicted in 1990": careers, not the story's days
            dates_here = [i for i in ext.by_passage.get(item.passage, ()) if i.kind == item.kind]
            if len(dates_here) != 1:
                continue
            s = slot(item, ext.article)
            if s.reporting or s.bare or (s.verb is None and (clock or not s.frame)):
                continue
            found.setdefault(aid, []).append((item, s, _context_words(ext, item) - _not_context()))
    partners: dict[int, list[Item]] = {}
    for _, (a, sa, words_a), _, (b, sb, words_b) in _across(found):
        if a.kind != b.kind or a.key != b.key:
            continue  # a clock only against a clock of the same stretch of play
        # Each date's own verb ("decided on Saturday to fire" is the deciding);
        # a date with none dates the noun it follows ("his victory celebration
        # on November 2"), which the other sentence must name.
        if sa.verb is None or sb.verb is None:
            if not noun_dated(sa, sb):
                continue
        elif sa.verb != sb.verb and not related_verbs(sa, sb):
            continue
        verbs = tuple(v[:4] for v in (sa.verb, sb.verb) if v)
        shared = {w for w in words_a & words_b if not w.startswith(verbs)}
        if len(shared) < 2:
            continue
        partners.setdefault(id(a), []).append(b)
        partners.setdefault(id(b), []).append(a)
    drafts = []
    for items in found.values():
        for a, _, _ in items:
            mates = partners.get(id(a), [])
            if len(mates) != 1:
                continue
            b = mates[0]
            if partners.get(id(b)) != [a] or id(a) in used or id(b) in used:
                continue
            draft = _draft([a, b], group_of([a.passage, b.passage]), used, scene, tied=True)
            if draft:
                draft.origin = "date"
                drafts.append(draft)
    return drafts


def extend_conflicts(scene: Scene, used: set[int], drafts: list[Draft]) -> None:
    """Add to a count's conflict the value a further article gives for it.

    A conflict told inside one group ("injuring five people" / "injured three
    people") leaves out an article whose telling the aligner put elsewhere ("the
    quake ... injured two people"): its count of the same noun on the same verb,
    the one such count that article gives, belongs to the same fact, unless it also
    gives another value that is already told in another fact.
    """
    for draft in drafts:
        if draft.status != FactStatus.CONFLICT or draft.kind != "number" or draft.origin != "group":
            continue
        spans = {(m.article, m.start, m.end) for m in draft.mentions}
        members = [i for ext in scene.extractions.values() for i in ext.quantities
                   if (i.article, i.start, i.end) in spans]
        heads = {i.extra.get("head") for i in members}
        if len(heads) != 1 or not next(iter(heads)):
            continue
        told = {i.article for i in members}
        for aid, ext in scene.extractions.items():
            if aid in told:
                continue
            # Every such count the article gives, whatever it says: when one is already
            # told in another fact ("killing at least 10 people", agreeing there), a second
            # of another value ("more than a dozen people were killed by a quake in eastern
            # China", "It killed 612 people" of an earlier quake) is most likely of something
            # else; the same value said again is the article's count.
            counts = _counts_like(ext, heads, members, scene)
            already = [i for i in counts if id(i) in used]
            if any(relation(i, a) != "same" for i in counts for a in already if i is not a):
                continue
            found = [i for i in counts if id(i) not in used
                     and any(relation(i, m) == "conflict" for m in members)]
            if found and _consistent(counts):
                used.add(id(found[0]))
                draft.mentions.append(found[0].mention())
                draft.note = quantity_note(members + [found[0]], FactStatus.CONFLICT, draft.approximate)
                members.append(found[0])
