"""Group passages that tell the same thing across N articles.

Per pair of articles, sentences are matched one to one, greedily by
similarity (order plays no part: outlets reorder freely); then a sentence
left over next to a matched one joins it when reading the two together
matches better (one sentence in A told as two in B).  Articles that share
too little with every other article are judged to report another event and
left out.  Pair matches are joined across articles into groups.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .features import (ENTITY_MARK, Vector, cased_content_terms, clause_term_lists, combine, cosine,
                       similarity_matrix, tfidf_vectors)
from .model import CompareConfig


@dataclass(frozen=True)
class SentenceVectors:
    """One article's sentences as vectors, with the vectors of their clauses."""

    sentences: list[Vector]
    clauses: list[Vector]  # every clause of every sentence, in order
    owners: list[int]  # owners[k]: index of the sentence clause k belongs to
    phrases: list[frozenset[tuple[str, str]]]  # per sentence: adjacent term pairs (see _phrases)
    name_phrases: list[frozenset[tuple[str, str]]]  # per sentence: those written as two names

    def share_phrase(self, mine: int, other: "SentenceVectors", theirs: int) -> bool:
        """Whether sentence ``mine`` here and ``theirs`` there repeat a phrase.

        A name ("New York") written as a name in both proves nothing; a quoted
        insult capitalised by one outlet only ("Communist Lunatic") does count.
        """
        shared = self.phrases[mine] & other.phrases[theirs]
        return bool(shared - (self.name_phrases[mine] & other.name_phrases[theirs]))


def sentence_vectors(articles: list[list[str]]) -> list[SentenceVectors]:
    """Vectors of every sentence and clause of each article (a list of sentences).

    Weights are TF-IDF over all sentences and clauses of this comparison.
    """
    cased = [[cased_content_terms(text) for text in sentences] for sentences in articles]
    sentence_terms = [[[term for term, _ in terms] for terms in per] for per in cased]
    clause_terms, owners = [], []
    for sentences in articles:
        per_clause, per_owner = [], []
        for index, text in enumerate(sentences):
            for terms in clause_term_lists(text):
                per_clause.append(terms)
                per_owner.append(index)
        clause_terms.append(per_clause)
        owners.append(per_owner)
    # One TF-IDF pass over every article's sentences, then every article's clauses.
    lists = sentence_terms + clause_terms
    flat = iter(tfidf_vectors([terms for per in lists for terms in per]))
    vectors = [[next(flat) for _ in per] for per in lists]
    stock = _stock_terms([terms for per in sentence_terms for terms in per])
    out = []
    for slot in range(len(articles)):
        phrases = [_phrases(terms, stock) for terms in cased[slot]]
        out.append(SentenceVectors(vectors[slot], vectors[len(articles) + slot], owners[slot],
                                   [p for p, _ in phrases], [n for _, n in phrases]))
    return out


_STOCK_SHARE = 0.08  # a term in more than this share of all sentences is the story's stock


def _stock_terms(sentences: list[list[str]]) -> frozenset[str]:
    """Terms so common in this comparison that they are its subject, not a detail.

    In reports on a mayor-elect, "mayor" and "elect" are everywhere; a
    phrase made of them ("mayor-elect") links any two sentences.
    """
    frequency = Counter(term for terms in sentences for term in {t.lstrip(ENTITY_MARK) for t in terms})
    limit = max(2, _STOCK_SHARE * len(sentences))
    return frozenset(term for term, count in frequency.items() if count > limit)


def _phrases(terms: list[tuple[str, bool]], stock: frozenset[str]
             ) -> tuple[frozenset[tuple[str, str]], frozenset[tuple[str, str]]]:
    """Neighbouring content terms that are not the story's stock, and those of them written as names.

    Two reports that repeat a phrase ("federal funding", "surprise
    conservative ...") are retelling the same point even when the rest of
    their sentences differ; "mayor-elect" in a story about one proves nothing.
    """
    phrases, names = set(), set()
    for (a, a_capital), (b, b_capital) in zip(terms, terms[1:]):
        pair = (a.lstrip(ENTITY_MARK), b.lstrip(ENTITY_MARK))
        if pair[0] == pair[1] or pair[0] in stock or pair[1] in stock:
            continue
        phrases.add(pair)
        if a_capital and b_capital:
            names.add(pair)
    return frozenset(phrases), frozenset(names)


def sentence_similarity(left: SentenceVectors, right: SentenceVectors,
                        clause_weight: float) -> list[list[float]]:
    """Cosine of whole sentences, raised to a discounted clause-to-sentence match."""
    matrix = similarity_matrix(left.sentences, right.sentences)
    if clause_weight <= 0:
        return matrix
    for row_k, row in enumerate(similarity_matrix(left.clauses, right.sentences)):
        target = matrix[left.owners[row_k]]
        for j, s in enumerate(row):
            if clause_weight * s > target[j]:
                target[j] = clause_weight * s
    for col_k, row in enumerate(similarity_matrix(right.clauses, left.sentences)):
        j = right.owners[col_k]
        for i, s in enumerate(row):
            if clause_weight * s > matrix[i][j]:
                matrix[i][j] = clause_weight * s
    return matrix


@dataclass(frozen=True)
class PairMatch:
    """Sentences ``left`` of one article told again as ``right`` in another."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    shares_phrase: bool = False  # the two sides repeat a phrase (see _phrases)
    best_part: float = 0.0  # best sentence or clause similarity between the two sides

    def is_evidence(self, config: CompareConfig, count_phrases: bool = True) -> bool:
        """Whether this match is confident, or (``count_phrases``) weaker but repeats a phrase.

        A clause can retell a point its whole sentence dilutes, so a repeated
        phrase is judged on the best clause, not on the whole sentences.
        """
        return self.score >= config.evidence_threshold or (
            count_phrases and self.shares_phrase
            and self.best_part >= config.phrase_evidence_threshold)


def _extend_split(anchor: Vector, side: list[Vector], taken: set[int], members: list[int],
                  base: float, matrix_row: list[float], config: CompareConfig) -> tuple[list[int], float]:
    """Grow ``members`` (indices in ``side``) with adjacent free sentences that add meaning."""
    best = base
    grown = True
    # Never grow past what a group may hold: a longer run is refused whole
    # when groups are built, losing the match it came from.
    while grown and len(members) < config.max_run:
        grown = False
        for j in (min(members) - 1, max(members) + 1):
            if j < 0 or j >= len(side) or j in taken or matrix_row[j] < config.split_threshold:
                continue
            score = cosine(anchor, _merged(side, members + [j]))
            if score >= best + config.split_gain:
                members.append(j)
                taken.add(j)
                best, grown = score, True
                break
    return sorted(members), best


def match_pair(left_vectors: SentenceVectors, right_vectors: SentenceVectors,
               config: CompareConfig) -> list[PairMatch]:
    matrix = sentence_similarity(left_vectors, right_vectors, config.clause_weight)
    left, right = left_vectors.sentences, right_vectors.sentences
    candidates = sorted(
        ((s, i, j) for i, row in enumerate(matrix) for j, s in enumerate(row)
         if s >= config.split_threshold and _enough_shared(left[i], right[j], config)),
        reverse=True,
    )
    # "Best partner" is judged among eligible partners only: a short sentence
    # that shares one word must not block a real match it could never make.
    best_for_left = [0.0] * len(left)
    best_for_right = [0.0] * len(right)
    for s, i, j in candidates:
        best_for_left[i] = max(best_for_left[i], s)
        best_for_right[j] = max(best_for_right[j], s)
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for s, i, j in candidates:
        if s < config.match_threshold:
            break
        if i in used_left or j in used_right:
            continue
        # A weak match counts only when each sentence is the other's best partner.
        if s < config.strong_threshold and (s < best_for_left[i] or s < best_for_right[j]):
            continue
        used_left.add(i)
        used_right.add(j)
        pairs.append((i, j, s))

    # Two neighbouring free sentences that together tell what one sentence tells.
    for i in range(len(left)):
        if i in used_left:
            continue
        best = None
        for j in range(len(right) - 1):
            if j in used_right or j + 1 in used_right:
                continue
            if min(matrix[i][j], matrix[i][j + 1]) < config.split_threshold:
                continue
            score = cosine(left[i], combine(right[j], right[j + 1]))
            if score >= config.match_threshold and (best is None or score > best[2]):
                best = (j, j + 1, score)
        if best:
            used_left.add(i)
            used_right.update(best[:2])
            pairs.append((i, best[0], best[2]))
            pairs.append((i, best[1], best[2]))

    by_left: dict[int, list[int]] = {}
    for i, j, _ in pairs:
        by_left.setdefault(i, []).append(j)
    matches: list[PairMatch] = []
    transposed = [list(col) for col in zip(*matrix)]
    for i, js in by_left.items():
        base = cosine(left[i], _merged(right, js))
        rights, score = _extend_split(left[i], right, used_right, list(js), base, matrix[i], config)
        lefts, score = _extend_split(_merged(right, rights), left, used_left, [i], score,
                                     transposed[rights[0]], config)
        phrase = any(left_vectors.share_phrase(a, right_vectors, b) for a in lefts for b in rights)
        best_part = max(matrix[a][b] for a in lefts for b in rights)
        matches.append(PairMatch(tuple(lefts), tuple(rights), score, phrase, best_part))
    return matches


def _enough_shared(a: Vector, b: Vector, config: CompareConfig) -> bool:
    """Short sentences reach high cosines on one shared word ("ask", a name alone).

    When either sentence is short, require some substance in common, with
    names and places counting half.
    """
    if min(len(a), len(b)) < config.min_sentence_terms:
        return False  # a sign-off or fragment ("— Zohran Mamdani") tells nothing
    common = a.keys() & b.keys()
    plain = sum(1 for term in common if not term.startswith(ENTITY_MARK))
    if plain == 0:
        return False  # names alone do not make two sentences tell the same thing
    if min(len(a), len(b)) >= config.short_sentence_terms:
        return True
    return plain + 0.5 * (len(common) - plain) >= config.min_shared_terms


def _merged(vectors: list[Vector], indices: list[int]) -> Vector:
    merged = vectors[indices[0]]
    for k in indices[1:]:
        merged = combine(merged, vectors[k])
    return merged


def related_articles(shared: dict[tuple[int, int], int], sizes: list[int],
                     config: CompareConfig) -> set[int]:
    """Indices of the articles that report the main event.

    Two articles are related when enough of the shorter one's sentences have
    a counterpart in the other.  The largest connected set of related
    articles is the event; with no related pair at all, the set is empty.
    """
    n = len(sizes)
    neighbours: dict[int, set[int]] = {i: set() for i in range(n)}
    for (a, b), count in shared.items():
        smaller = max(1, min(sizes[a], sizes[b]))
        if count >= config.min_shared_passages and count / smaller >= config.related_threshold:
            neighbours[a].add(b)
            neighbours[b].add(a)
    seen: set[int] = set()
    best: set[int] = set()
    for start in range(n):
        if start in seen:
            continue
        component, stack = set(), [start]
        while stack:
            k = stack.pop()
            if k in component:
                continue
            component.add(k)
            stack.extend(neighbours[k] - component)
        seen |= component
        if len(component) > len(best):
            best = component
    return best if len(best) >= 2 else set()
