"""Which articles report one event: a learned pairwise decision, then clusters.

For every two articles a few numbers are measured (how many of their
sentences the sentence scorer links, how alike their openings are, which
names and numbers they share, whether the numbers they give of one thing
agree, how far apart their publication dates are, and what a same-event
sentence model makes of their candidate sentence pairs), and a logistic
model fitted on ECB+ (two events of one kind per topic, e.g.
two earthquakes) turns them into the probability that the two report the
same event.  Articles are then clustered by agreement with those decisions
over each article's few closest (correlation clustering), so one strong
pair cannot chain two stories together; every cluster is reported, and the
largest is the main story.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter, mul
from typing import Callable, Optional

from .facts.names import find_names
from .features import NUMBER_WORDS, Vector, cased_content_terms, normalise
from .model import Article
from .pair_features import FEATURES as PAIR_FEATURES
from .pair_features import candidates
from .resources import resource_path
from .story_split import split_stories

# What the same-event sentence model reads of a candidate pair: the sentence scorer's features
# but English rarity, which helps tell whether two sentences say the same thing and, read here
# as well, set more same-event articles apart (cross-validated, docs/real-news.md).
SENTENCE_FEATURES = tuple(f for f in PAIR_FEATURES if f not in ("rare_cos", "rare_shared"))
_SENTENCE_COLUMNS = tuple(PAIR_FEATURES.index(f) for f in SENTENCE_FEATURES)
_sentence_columns = itemgetter(*_SENTENCE_COLUMNS)  # row -> the tuple of those columns

EVENT_FEATURES = (
    "link_share",     # linked sentences / sentences of the shorter article
    "strong_share",   # the same counting only strong links
    "max_link",       # best sentence-pair probability
    "top3_link",      # mean of the three best
    "lead_link",      # best probability between the two openings (first three sentences)
    "doc_cos",        # cosine of the two whole articles (summed sentence vectors)
    "lead_cos",       # cosine of the two openings
    "names_shared",   # share of the rarer article's names that the other repeats
    "numbers_shared", # share of the numbers that both articles give
    "numbers_apart",  # 1 when both give numbers and share none
    "lead_names",     # share of the names in each opening that the other article repeats (the lower)
    "years_apart",    # 1 when both name years and share none
    "key_names",      # share of each article's most repeated names that the other names (the lower)
    "top_pair_names",   # in the three best-linked sentence pairs, how alike their names are
    "top_pair_numbers", # ... and how alike their numbers are (two quakes: 5.2 and 6.1)
    "dates_far",      # publication dates known and more than 14 days apart
    "rel_doc_cos",    # doc_cos against each article's closest other article (the lower of the two)
    "rel_link_share", # the same for link_share
    "rel_top3_link",  # the same for top3_link
    "rel_lead_cos",   # the same for lead_cos
    "rel_names",      # the same for names_shared
    "rel_key_names",  # the same for key_names
    "name_cos",       # cosine of the two articles' name counts, names weighted by rarity in this comparison
    "rel_name_cos",   # name_cos against each article's closest other article (the lower of the two)
    "unit_conflict",  # of the things both count ("magnitude 5.6", "10 people"), the share whose values all differ
    "unit_agree",     # ... and the share where a value agrees
    "lead_person",    # 1 when the first two sentences of both name a person in common, 0 when both name people
                      # but none in common, 0.5 when either names no one
    # The same-event sentence model (EventModel.sentence_weights: the sentence
    # features, weighed for "these two sentences' articles report one event"):
    "ev_top3",        # mean of its three best probabilities over the candidate sentence pairs
    "ev_max",         # its best
    "ev_mean",        # its mean over every candidate pair
    "ev_linked",      # its mean over the pairs the sentence scorer links
    "rel_ev_top3",    # ev_top3 against each article's closest other article (the lower of the two)
    "rel_ev_mean",    # the same for ev_mean
    "bias",
)
# Rows as article_pair_rows builds them end here; the sentence-model features
# and the bias are added by the model (EventModel.probabilities).
BASE_FEATURES = EVENT_FEATURES[:EVENT_FEATURES.index("ev_top3")]
# Features measured against the rest of the comparison (name -> base feature).
_RELATIVE = {"rel_doc_cos": "doc_cos", "rel_link_share": "link_share", "rel_top3_link": "top3_link",
             "rel_lead_cos": "lead_cos", "rel_names": "names_shared", "rel_key_names": "key_names"}
LEAD = 3
KEY_NAMES = 4
LEAD_PEOPLE = 2  # sentences read for the people an article opens on ("lead_person")


@dataclass(frozen=True)
class ArticleSummary:
    """What the event decision reads of one article."""

    doc: Vector
    lead: Vector
    names: frozenset[str]
    numbers: frozenset[str]
    lead_names: frozenset[str]
    years: frozenset[str]
    key_names: frozenset[str]  # the names the article repeats most: its protagonists and places
    sentence_names: tuple[frozenset[str], ...]
    sentence_numbers: tuple[frozenset[str], ...]
    sentences: int
    published: Optional[str]
    units: dict = field(default_factory=dict)  # unit -> the values the article gives of it (numbers_by_unit)
    lead_people: tuple = ()  # surnames of the people its first two sentences name, first named first


def summarise(sentences: list[Vector], published: Optional[str],
              sentence_names: Optional[list[frozenset[str]]] = None,
              texts: tuple[str, ...] = ()) -> ArticleSummary:
    doc: Vector = {}
    lead: Vector = {}
    for n, vec in enumerate(sentences):
        for term, weight in vec.items():
            doc[term] = doc.get(term, 0.0) + weight
            if n < LEAD:
                lead[term] = lead.get(term, 0.0) + weight
    sentence_names = sentence_names or [frozenset()] * len(sentences)
    names = frozenset().union(*sentence_names) if sentence_names else frozenset()
    numbers = frozenset(t for t in doc if t.isdigit() and len(t) < 9)
    lead_names = frozenset().union(*sentence_names[:LEAD]) if sentence_names else frozenset()
    years = frozenset(t for t in numbers if len(t) == 4 and t[:2] in ("19", "20"))
    counts: dict[str, int] = {}
    for found in sentence_names:
        for name in found:
            counts[name] = counts.get(name, 0) + 1
    key_names = frozenset(sorted(counts, key=lambda n: (-counts[n], n))[:KEY_NAMES])
    sentence_numbers = tuple(frozenset(t for t in vec if t.isdigit()) for vec in sentences)
    return ArticleSummary(normalise(doc), normalise(lead), names, numbers, lead_names, years,
                          key_names, tuple(sentence_names), sentence_numbers, len(sentences), published,
                          numbers_by_unit(texts), _lead_people(texts))


def _lead_people(texts) -> tuple[str, ...]:
    """Surnames of the people an article's first two sentences name, in order."""
    hits, _ = find_names(Article("X", "", " ".join(texts[:LEAD_PEOPLE]), ()))
    return tuple(dict.fromkeys(h.text.split()[-1].lower() for h in hits if h.kind == "person"))


def _lead_person(left: "ArticleSummary", right: "ArticleSummary") -> float:
    """Whether two articles open on the same people.  Two arrests of one team's players:
    each report of the second names the first arrest further down (the team's second such
    arrest), so the names the two share say one story; the man each opens on says two."""
    if not left.lead_people or not right.lead_people:
        return 0.5
    return float(bool(set(left.lead_people) & set(right.lead_people)))


# Number words that give a value as written ("five" is 5); "dozen", "hundred" and
# the like mostly say "many" ("hundreds of homes").
_NUMBER_WORDS = {word: value for word, value in NUMBER_WORDS.items()
                 if word not in ("dozen", "hundred", "thousand", "million")}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
# "a 33-year-old man", "aged 26 years old": an age.  Read as the unit "age"
# (two events of one kind are mostly about people of other ages); before,
# "year" was no unit and the word before the number stood in ("Police
# arrested a 33-year-old man" gave arrest: 33).
_AGE = re.compile(r"[- ]years?[- ]old\b", re.IGNORECASE)
# Words next to a number that say nothing of what is counted (times, shares).
_NOT_UNITS = frozenset({"year", "pm", "am", "gmt", "p", "m", "a", "percent"})


def numbers_by_unit(texts) -> dict[str, frozenset[str]]:
    """unit -> values: each number as written (5.6 stays 5.6, "five" is 5) under the content
    words just after and just before it ("a 5.6 magnitude quake", "magnitude 5.6", "10 people"),
    and ages under "age" ("a 33-year-old man").

    Years are left out: they date the report as much as the event.  Two
    reports of one quake give one magnitude (or two agencies' two); two
    quakes give two that differ.
    """
    out: dict[str, set[str]] = {}
    for text in texts:
        for match in _NUMBER.finditer(text):
            raw = match.group().lower()
            value = _NUMBER_WORDS.get(raw, raw.replace(",", ""))
            if len(value) == 4 and value[:2] in ("19", "20"):
                continue
            if _AGE.match(text, match.end()):  # "a 33-year-old man": whose age, not a count
                out.setdefault("age", set()).add(value)
                continue
            after = cased_content_terms(text[match.end():match.end() + 40])
            unit = next((t.lstrip("@") for t, _ in after if not t.lstrip("@").isdigit()), "")
            before = cased_content_terms(text[max(0, match.start() - 30):match.start()])
            previous = before[-1][0].lstrip("@") if before else ""
            for word in (unit, previous):
                if word and word not in _NOT_UNITS:
                    out.setdefault(word, set()).add(value)
    return {unit: frozenset(values) for unit, values in out.items()}


def _unit_contrast(left: dict[str, frozenset[str]], right: dict[str, frozenset[str]]) -> tuple[float, float]:
    """(share of the units both count whose values all differ, share where one agrees)."""
    common = left.keys() & right.keys()
    if not common:
        return 0.0, 0.0
    apart = sum(1 for unit in common if not left[unit] & right[unit])
    return apart / len(common), (len(common) - apart) / len(common)


def _cos(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


# Publication dates further apart than this are evidence of two events ("dates_far").
FAR_APART_DAYS = 14


def days_between(a: Optional[str], b: Optional[str]) -> Optional[int]:
    """Days from ISO date ``a`` to ``b`` (negative when ``b`` is earlier), None when either is unknown."""
    try:
        return (date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def _days_apart(a: Optional[str], b: Optional[str]) -> Optional[int]:
    days = days_between(a, b)
    return None if days is None else abs(days)


def _share(part: frozenset[str], whole: frozenset[str]) -> float:
    return len(part & whole) / len(part) if part else 0.5  # no names: no evidence either way


def _mean_overlap(pairs, left, right) -> float:
    """Mean Jaccard overlap of two per-sentence sets over sentence pairs (0.5 where both are empty)."""
    if not pairs or not left or not right:
        return 0.5
    total = 0.0
    for i, j in pairs:
        a, b = left[i], right[j]
        total += len(a & b) / len(a | b) if a | b else 0.5
    return total / len(pairs)


def pair_features(left: ArticleSummary, right: ArticleSummary, links: dict[tuple[int, int], float],
                  link_threshold: float, strong_threshold: float) -> tuple[float, ...]:
    """The numbers the event model reads for two articles (``links``: sentence-pair probabilities)."""
    shorter = max(1, min(left.sentences, right.sentences))
    linked_l = {i for (i, _), p in links.items() if p >= link_threshold}
    linked_r = {j for (_, j), p in links.items() if p >= link_threshold}
    strong_l = {i for (i, _), p in links.items() if p >= strong_threshold}
    strong_r = {j for (_, j), p in links.items() if p >= strong_threshold}
    ranked = sorted(links.values(), reverse=True)
    top3 = ranked[:3] + [0.0] * (3 - min(3, len(ranked)))
    lead = max((p for (i, j), p in links.items() if i < LEAD and j < LEAD), default=0.0)
    rarer, other = (left, right) if len(left.names) <= len(right.names) else (right, left)
    names = len(rarer.names & other.names) / len(rarer.names) if rarer.names else 0.0
    numbers_union = left.numbers | right.numbers
    numbers_common = left.numbers & right.numbers
    numbers = len(numbers_common) / len(numbers_union) if numbers_union else 0.0
    apart = float(bool(left.numbers and right.numbers and not numbers_common))
    days = _days_apart(left.published, right.published)
    lead_names = min(_share(left.lead_names, right.names), _share(right.lead_names, left.names))
    years_apart = float(bool(left.years and right.years and not left.years & right.years))
    key_names = min(_share(left.key_names, right.names), _share(right.key_names, left.names))
    top = sorted(links, key=lambda ij: -links[ij])[:3]
    top_names = _mean_overlap(top, left.sentence_names, right.sentence_names)
    top_numbers = _mean_overlap(top, left.sentence_numbers, right.sentence_numbers)
    return (
        min(len(linked_l), len(linked_r)) / shorter,
        min(len(strong_l), len(strong_r)) / shorter,
        ranked[0] if ranked else 0.0,
        sum(top3) / 3,
        lead,
        _cos(left.doc, right.doc),
        _cos(left.lead, right.lead),
        names,
        numbers,
        apart,
        lead_names,
        years_apart,
        key_names,
        top_names,
        top_numbers,
        # Only dates far apart are evidence.  Most reports of one day are of
        # different events, and no data here shows how much "published the
        # same week" weighs: ECB+ dates only one of each topic's two events, and
        # a weight learned from the own cases made two same-day reports of
        # unrelated events 0.62 alike (measured on a corpus, docs/corpus.md).
        float(days is not None and days > FAR_APART_DAYS),
    )


def _units_row(left: ArticleSummary, right: ArticleSummary) -> tuple[float, float]:
    return _unit_contrast(left.units, right.units)


def article_pair_rows(vectors, published: list[Optional[str]],
                      pair_scores: dict[tuple[int, int], dict[tuple[int, int], float]],
                      scorer, found: Optional[dict] = None) -> "ComparisonRows":
    """The event model's features for every two articles of one comparison.

    ``vectors``: each article's :class:`~desktop.engine.align.SentenceVectors`;
    ``pair_scores``: the scorer's sentence-pair probabilities for every two.
    The one place the app, the corpus and the fitting build these rows; the
    model completes them (:meth:`EventModel.probabilities`).  The candidate
    sentence pairs are those of ``found`` (``scoring.score_pairs``), or built
    again where it has none: about 130 ms for ten 1,000-word articles.
    """
    summaries = [summarise(v.sentences, date, v.names, v.texts) for v, date in zip(vectors, published)]
    rows = ComparisonRows(comparison_features(summaries, pair_scores, scorer.link_threshold,
                                              scorer.strong_threshold))
    for (a, b), scores in pair_scores.items():
        built = (found or {}).get((a, b)) or candidates(vectors[a], vectors[b])
        rows.sentences[(a, b)] = [(_sentence_columns(row), scores.get(pair, 0.0))
                                  for pair, row in zip(built.pairs, built.rows)]
    rows.link_threshold = scorer.link_threshold
    return rows


def probabilities_among(model: "EventModel", members, vectors, published: list[Optional[str]],
                        pair_scores, scorer, found: Optional[dict] = None) -> dict[tuple[int, int], float]:
    """P(same event) of every two of ``members`` (indices into ``vectors``), scored as a
    comparison of those articles alone: the same sentence links, but each article's closest
    other and how rare a name is measured among them.  Keys are the given indices."""
    members = sorted(members)
    pairs = [(i, j) for i in range(len(members)) for j in range(i + 1, len(members))]
    local = {(i, j): pair_scores[(members[i], members[j])] for i, j in pairs}
    local_found = {(i, j): found[(members[i], members[j])] for i, j in pairs
                   if (members[i], members[j]) in found} if found else None
    rows = article_pair_rows([vectors[k] for k in members], [published[k] for k in members], local,
                             scorer, local_found)
    return {(members[i], members[j]): p for (i, j), p in model.probabilities(rows).items()}


class ComparisonRows(dict):
    """(a, b) -> the event features of :data:`BASE_FEATURES`, and for each pair its candidate
    sentence pairs (sentence feature row, the scorer's probability), from which the model adds
    the features of its same-event sentence model (:func:`complete_rows`)."""

    def __init__(self, *args):
        super().__init__(*args)
        self.sentences: dict[tuple[int, int], list[tuple[tuple[float, ...], float]]] = {}
        self.link_threshold = 0.5


def complete_rows(rows: ComparisonRows, sentence_weights) -> dict[tuple[int, int], tuple]:
    """Every row of :data:`EVENT_FEATURES`: ``rows`` with the same-event sentence features and the bias.

    ``sentence_weights``: a logistic model over the sentence features
    (:data:`SENTENCE_FEATURES`: the scorer's but English rarity) fitted on ECB+ candidate
    sentence pairs labelled by whether their two articles report one event.
    Where the sentence scorer asks "do these two tell the same thing", this
    one asks what in a pair of sentences (shared numbers, names, phrases next
    to the kind of news' stock words) marks one event rather than two alike.
    """
    summary: dict[tuple[int, int], tuple[float, float, float, float]] = {}
    for key in rows:
        probs = []
        linked = []
        for row, p in rows.sentences.get(key, ()):
            z = sum(map(mul, sentence_weights, row))
            q = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            probs.append(q)
            if p >= rows.link_threshold:
                linked.append(q)
        probs.sort(reverse=True)
        summary[key] = (sum(probs[:3]) / 3, probs[0] if probs else 0.0,
                        sum(probs) / len(probs) if probs else 0.0, sum(linked) / len(linked) if linked else 0.0)
    best: dict[tuple[int, int], float] = {}  # (article, column) -> its highest value with anyone
    for (a, b), values in summary.items():
        for c in (0, 2):
            for k in (a, b):
                best[(k, c)] = max(best.get((k, c), 0.0), values[c])
    out = {}
    for (a, b), row in rows.items():
        values = summary[(a, b)]
        relative = tuple(min(_ratio(values[c], best[(a, c)]), _ratio(values[c], best[(b, c)])) for c in (0, 2))
        out[(a, b)] = tuple(row) + values + relative + (1.0,)
    return out


def comparison_features(summaries: list[ArticleSummary],
                        pair_scores: dict[tuple[int, int], dict[tuple[int, int], float]],
                        link_threshold: float, strong_threshold: float) -> dict[tuple[int, int], tuple]:
    """The event model's features for every two articles of one comparison.

    Besides what two articles share, how that compares with what each shares
    with its closest other article: a report of another event is less alike
    to the story's reports than they are to each other, even when the kind of
    news (two earthquakes) makes every pair look alike.
    """
    base = {key: pair_features(summaries[key[0]], summaries[key[1]], scores, link_threshold,
                               strong_threshold)
            for key, scores in pair_scores.items()}
    columns = [EVENT_FEATURES.index(name) for name in _RELATIVE.values()]
    best: dict[tuple[int, int], float] = {}  # (article, column) -> its highest value with anyone
    for (a, b), row in base.items():
        for c in columns:
            for k in (a, b):
                best[(k, c)] = max(best.get((k, c), 0.0), row[c])
    names = _name_cosines(summaries, base)
    name_best: dict[int, float] = {}
    for (a, b), value in names.items():
        for k in (a, b):
            name_best[k] = max(name_best.get(k, 0.0), value)
    out = {}
    for (a, b), row in base.items():
        relative = tuple(min(_ratio(row[c], best[(a, c)]), _ratio(row[c], best[(b, c)])) for c in columns)
        value = names[(a, b)]
        name_relative = min(_ratio(value, name_best[a]), _ratio(value, name_best[b]))
        out[(a, b)] = (row + relative + (value, name_relative) + _units_row(summaries[a], summaries[b])
                       + (_lead_person(summaries[a], summaries[b]),))
    return out


def _name_cosines(summaries: list[ArticleSummary], keys) -> dict[tuple[int, int], float]:
    """Cosine of name counts, each name weighted by how few of these articles give it.

    Two reports of one arrest keep naming the man arrested; a report of the
    other arrest names another man.  The names every article here gives (the
    team, the city) are the kind of news, not the event, so they weigh
    little; counting mentions lets the protagonist outweigh a passing name.
    Measured on ECB+ mixed sets (cross-validated by topic): outsider recall
    0.740 -> 0.775 with false outsiders 0.072 -> 0.062.
    """
    counts = []
    for summary in summaries:
        found: dict[str, int] = {}
        for names in summary.sentence_names:
            for name in names:
                found[name] = found.get(name, 0) + 1
        counts.append(found)
    spread: dict[str, int] = {}
    for found in counts:
        for name in found:
            spread[name] = spread.get(name, 0) + 1
    total = len(summaries)
    vectors = [normalise({name: n * math.log((total + 1) / (spread[name] + 0.5)) for name, n in found.items()})
               for found in counts]
    return {(a, b): _cos(vectors[a], vectors[b]) for a, b in keys}


def _ratio(value: float, best: float) -> float:
    return value / best if best > 0 else 1.0


@dataclass(frozen=True)
class EventModel:
    """Logistic model of "same event" over :data:`EVENT_FEATURES`, with its threshold."""

    weights: tuple[float, ...]
    threshold: float
    sentence_weights: tuple[float, ...] = ()  # the same-event sentence model (see complete_rows)

    @classmethod
    def from_json(cls, text: str) -> "EventModel":
        data = json.loads(text)
        if tuple(data["features"]) != EVENT_FEATURES:
            raise ValueError(f"event model fitted on other features: {data['features']}")
        if tuple(data.get("sentence_features", ())) != SENTENCE_FEATURES:
            raise ValueError("event model's sentence model fitted on other sentence features: "
                             f"{data.get('sentence_features')} (refit: scripts/train_models.py)")
        return cls(tuple(float(w) for w in data["weights"]), float(data["threshold"]),
                   tuple(float(w) for w in data["sentence_weights"]))

    def probability(self, row: tuple[float, ...]) -> float:
        """P(same event) of one complete row (:data:`EVENT_FEATURES`, bias included)."""
        z = sum(w * x for w, x in zip(self.weights, row))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probabilities(self, rows: ComparisonRows) -> dict[tuple[int, int], float]:
        """P(same event) for every two articles of :func:`article_pair_rows`."""
        return {key: self.probability(row) for key, row in complete_rows(rows, self.sentence_weights).items()}


_MODELS: dict[str, EventModel] = {}


def event_model(name: str = "default") -> EventModel:
    if name not in _MODELS:
        if name != "default":
            raise ValueError(f"no event model named {name!r}")
        _MODELS[name] = EventModel.from_json(
            resource_path("models", "same_event.json").read_text(encoding="utf-8"))
    return _MODELS[name]


def register_event_model(name: str, model: EventModel) -> None:
    _MODELS[name] = model


# How many closest articles each article's say covers.  Measured on the ECB+
# mixed sets and whole sub-topics (cross-validated by topic): 3 set apart
# fewer outsiders (0.770 against 0.798), 4 and all-pairs agree on mixed sets,
# but with all pairs a story of many reports fell apart (12.9% of the
# articles of whole sub-topics left outside their story, against 2.6% with 4).
NEIGHBOURS = 4


def clusters(count: int, same: dict[tuple[int, int], float], threshold: float,
             neighbours: int = NEIGHBOURS) -> list[list[int]]:
    """Clusters of ``count`` articles; ``same[(a, b)]`` is P(same event), a < b.

    The partition sought is the one that best agrees with the pairwise
    decisions (correlation clustering): two articles in one cluster add
    ``logit(p) - logit(threshold)``, so a pair judged alike argues for
    joining and a pair judged apart against.  Only pairs where one article
    is among the other's ``neighbours`` most alike have a say: a lone report
    of another event is tested against everyone in a small comparison, while
    a story told by fifteen reports, which are not all alike pair by pair,
    is held together by each report's closest few.  Found greedily (join the
    two clusters whose pairs agree most, while any agree), then each article
    moves to the cluster it agrees with most until none moves.  A missing
    pair counts as judged apart.  Largest cluster first; of two as large,
    the most cohesive (highest mean probability inside) first.
    """
    weights = _agreements(count, same, threshold, neighbours)
    groups: dict[int, set[int]] = {k: {k} for k in range(count)}
    where = list(range(count))
    # Total agreement between every two clusters with a say on each other.
    between: dict[int, dict[int, float]] = {k: {} for k in range(count)}
    for (a, b), w in weights.items():
        between[a][b] = between[a].get(b, 0.0) + w
        between[b][a] = between[b].get(a, 0.0) + w
    while True:
        best, pair = 0.0, None
        for x in sorted(between):
            for y, w in between[x].items():
                if x < y and w > best + 1e-12:
                    best, pair = w, (x, y)
        if pair is None:
            break
        x, y = pair
        groups[x] |= groups.pop(y)
        for k in groups[x]:
            where[k] = x
        for z, w in between.pop(y).items():
            if z == x:
                continue
            between[z].pop(y, None)
            between[x][z] = between[x].get(z, 0.0) + w
            between[z][x] = between[z].get(x, 0.0) + w
        between[x].pop(y, None)
    _settle(groups, where, weights, count)
    found = [sorted(g) for g in groups.values() if g]
    return _ordered(found, same)


def _ordered(found: list[list[int]], same: dict[tuple[int, int], float]) -> list[list[int]]:
    """Largest first; of two stories told by as many articles, the one whose reports are most
    alike (a tie must not be settled by the order of files)."""
    def cohesion(group: list[int]) -> float:
        pairs = [(a, b) for n, a in enumerate(group) for b in group[n + 1:]]
        return sum(same.get(pair, 0.0) for pair in pairs) / len(pairs) if pairs else 0.0

    return sorted(found, key=lambda g: (-len(g), -cohesion(g), g[0]))


# A cluster of 2 x SPLIT_SIDE articles or more, scored again as a comparison of its own,
# is cut in two where the mean probability across its two sides is under SPLIT_BELOW
# (story_split).  Cross-validated on ECB+ with both sub-topics of each topic compared
# together (two events of one kind, 10-30 articles; benchmarks/events_sets.py
# split_check): pairs put in one cluster were of one event 0.740 of the time without the
# cut, 0.865 with it at 0.25 (same-event pairs kept together 0.953 -> 0.949), and the
# articles of whole sub-topics (one event) set apart stayed 31 of 769.  At 0.3 / 0.35:
# 0.916 / 0.956, but 43 / 57 of 769 set apart.  The mixed sets (five articles at most)
# are too small to be cut.
SPLIT_BELOW = 0.25
SPLIT_SIDE = 4


def split_clusters(found: list[list[int]], same: dict[tuple[int, int], float],
                   within: Callable[[list[int]], dict[tuple[int, int], float]]) -> list[list[int]]:
    """:func:`clusters`' result with each large cluster that holds two unlike sides cut in two;
    ``within(members)``: P(same event) of those articles scored as a comparison of their own."""
    return _ordered(split_stories(found, within, SPLIT_BELOW, SPLIT_SIDE), same)


def _agreements(count: int, same: dict[tuple[int, int], float], threshold: float,
                neighbours: int) -> dict[tuple[int, int], float]:
    """``logit(p) - logit(threshold)`` for the pairs where one is among the other's closest."""
    def p(a: int, b: int) -> float:
        return same.get((a, b) if a < b else (b, a), 0.0)

    kept: set[tuple[int, int]] = set()
    for a in range(count):
        closest = sorted((b for b in range(count) if b != a), key=lambda b: (-p(a, b), b))[:neighbours]
        kept.update((min(a, b), max(a, b)) for b in closest)
    bar = _logit(threshold)
    return {pair: _logit(p(*pair)) - bar for pair in sorted(kept)}


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1.0 - 1e-6)
    return math.log(p / (1.0 - p))


def _settle(groups: dict[int, set[int]], where: list[int], weights, count: int, rounds: int = 10) -> None:
    """Move single articles to the cluster they agree with most (alone if they agree with none)."""
    ties: dict[int, dict[int, float]] = {k: {} for k in range(count)}
    for (a, b), w in weights.items():
        ties[a][b] = w
        ties[b][a] = w
    for _ in range(rounds):
        moved = False
        for k in range(count):
            totals: dict[int, float] = {}
            for other, w in ties[k].items():
                totals[where[other]] = totals.get(where[other], 0.0) + w
            here = totals.get(where[k], 0.0)
            target, best = None, here
            for cluster, total in sorted(totals.items()):
                if cluster != where[k] and total > best + 1e-9:
                    target, best = cluster, total
            if target is None and here < -1e-9 and len(groups[where[k]]) > 1:
                target = next(n for n in range(count) if n not in groups or not groups[n])
                groups[target] = set()
            if target is not None:
                groups[where[k]].discard(k)
                groups[target].add(k)
                where[k] = target
                moved = True
        if not moved:
            return
