"""Alignment on small hand-made articles: the scorer seam, grouping and event clusters."""
from dataclasses import replace
from itertools import combinations

import pytest

from desktop.engine import CompareConfig, Document, compare
from desktop.engine.align import build_groups, sentence_vectors
from desktop.engine.events import clusters
from desktop.engine.model import WEAK_BELOW
from desktop.engine.pair_features import FEATURES, candidates
from desktop.engine.scoring import get_scorer, register, scorer_names

CONFIG = CompareConfig(find_facts=False)


def _doc(name: str, *sentences: str) -> Document:
    return Document(source=name, text=" ".join(sentences))


def _grouped(comparison, a: str, b: str) -> bool:
    return any({a, b} <= set(g.passages) for g in comparison.groups)


# Two reports of one council session that share almost no wording: only one
# point is retold with a phrase in common ("drainage tunnel").  Every sentence
# names the council, so "council" is the story's stock and proves nothing.
LEFT_SENTENCES = (
    "The council met for four hours on Tuesday in a packed chamber.",
    "Members argued that the drainage tunnel under the market had been neglected for decades by the council.",
    "The council chair thanked residents for their patience and wished everyone a pleasant holiday season.",
    "Outside the council building, a brass band played for children.",
)
RIGHT_SENTENCES = (
    "Several speakers said repairs to the drainage tunnel were overdue, and the council agreed to study costs.",
    "A council veteran recalled the harsh winters of his youth.",
    "Tickets for the council's spring concert went on sale at noon.",
    "Parking near the council offices was scarce all afternoon.",
)
LEFT = _doc("left.txt", *LEFT_SENTENCES)
RIGHT = _doc("right.txt", *RIGHT_SENTENCES)

STORM_LEFT = _doc("left.txt",
                  "The storm toppled trees across Brenham on Sunday night.",
                  "By noon Monday, crews had cleared the fallen oaks on Mill Road, restored the power lines "
                  "and reopened the Tarn bridge.",
                  "Classes at Brenham High will go ahead as usual on Tuesday.")
STORM_RIGHT = _doc("right.txt",
                   "A storm toppled trees across Brenham late Sunday.",
                   "Crews cleared the fallen oaks on Mill Road early Monday.",
                   "They restored the power lines by mid-morning.",
                   "The Tarn bridge reopened at noon.",
                   "The county fair starts next week.")


def test_the_repeated_phrase_pair_is_the_only_candidate_worth_a_link():
    vectors = sentence_vectors([list(LEFT_SENTENCES), list(RIGHT_SENTENCES)])
    scores = get_scorer("lexical").score(vectors[0], vectors[1])
    assert scores, "no candidate pair at all"
    best = max(scores, key=scores.get)
    assert best == (1, 0), scores
    # Sentences that share only the story's stock word never outrank it.
    assert all(p < scores[(1, 0)] for pair, p in scores.items() if pair != (1, 0))


def test_a_phrase_made_of_the_storys_stock_words_is_no_evidence():
    # "council" is in every sentence, so no phrase with it counts; "drainage
    # tunnel" and "boiler room" are details two reports can share.
    left = LEFT_SENTENCES + ("The council boiler room smelled of smoke.",)
    right = RIGHT_SENTENCES + ("Smoke filled the council boiler room.",)
    vectors = sentence_vectors([list(left), list(right)])
    left_phrases = set().union(*vectors[0].phrases)
    assert ("drainag", "tunnel") in left_phrases
    assert not {p for p in left_phrases if "council" in p}
    assert vectors[0].share_phrase(len(left) - 1, vectors[1], len(right) - 1)


def test_a_name_in_both_is_no_phrase_but_one_outlets_capitals_are():
    left = ["Police closed Main Street near New York Avenue.", "Critics called the plan a Total Disaster on Monday."]
    right = ["New York Avenue stayed open to buses.", "One critic said the plan was a total disaster for shops."]
    vectors = sentence_vectors([left, right])
    assert not vectors[0].share_phrase(0, vectors[1], 0)
    assert vectors[0].share_phrase(1, vectors[1], 1)


def test_capitals_do_not_split_a_word_from_itself():
    vectors = sentence_vectors([["The Chief Operating Officer resigned on Friday."],
                                ["The chief operating officer resigned Friday."]])
    assert set(vectors[0].sentences[0]) == set(vectors[1].sentences[0])
    assert len(vectors[0].names[0]) == 4 and vectors[0].names[0] <= set(vectors[0].sentences[0])
    assert vectors[1].names[0] == {"friday"}


def test_every_candidate_has_one_value_per_feature():
    vectors = sentence_vectors([[s for s in STORM_LEFT.text.split(". ")],
                                [s for s in STORM_RIGHT.text.split(". ")]])
    found = candidates(vectors[0], vectors[1])
    assert found.pairs and len(found.pairs) == len(found.rows)
    assert all(len(row) == len(FEATURES) for row in found.rows)


def test_one_sentence_told_as_three_links_to_them():
    comparison = compare([STORM_LEFT, STORM_RIGHT], CONFIG)
    groups = [g for g in comparison.groups if "A2" in g.passages]
    assert groups, comparison.groups
    assert sum(p.startswith("B") for p in groups[0].passages) >= 2, groups[0]
    assert _grouped(comparison, "A1", "B1")


def test_groups_carry_a_calibrated_confidence():
    comparison = compare([STORM_LEFT, STORM_RIGHT], CONFIG)
    assert comparison.groups
    for group in comparison.groups:
        assert 0.0 < group.confidence <= 1.0
        assert group.weak == (group.confidence < WEAK_BELOW)


class _Everything:
    """A scorer that links every pair it is shown: proves the seam is the one used."""

    name = "everything"
    link_threshold = 0.5
    strong_threshold = 0.5

    def score(self, left, right):
        return {(i, j): 0.99 for i in range(len(left.sentences)) for j in range(len(right.sentences))}


def test_a_scorer_added_by_name_is_the_one_the_pipeline_uses():
    register("everything", _Everything)
    assert "everything" in scorer_names() and "lexical" in scorer_names()
    plain = compare([LEFT, RIGHT], CONFIG)
    linked = compare([LEFT, RIGHT], replace(CONFIG, scorer="everything"))
    assert len(linked.groups) > len(plain.groups)
    with pytest.raises(ValueError, match="no sentence scorer named"):
        get_scorer("no-such-scorer")


def test_a_point_told_twice_on_each_side_is_one_group():
    links = {(0, 0, 1, 0): 0.9, (0, 0, 1, 1): 0.8, (0, 1, 1, 0): 0.7, (0, 1, 1, 1): 0.85}
    groups = build_groups(links, 0.5)
    assert len(groups) == 1
    assert groups[0].members == {0: (0, 1), 1: (0, 1)}


def test_one_weak_link_does_not_chain_two_points():
    # Two tight points (sentences 0 and 5 of each article) and one weak link
    # between them: they must stay two groups.
    links = {(0, 0, 1, 0): 0.95, (0, 0, 2, 0): 0.9, (1, 0, 2, 0): 0.9,
             (0, 3, 1, 3): 0.95, (0, 3, 2, 3): 0.9, (1, 3, 2, 3): 0.9,
             (0, 0, 1, 3): 0.55}
    groups = build_groups(links, 0.5)
    assert len(groups) == 2, groups


def test_a_sentence_left_alone_in_a_grown_group_leaves_it():
    # Article 2's sentence joined the point while it was a pair, through its
    # one strong link with article 0; the group then grew by broad agreement
    # among articles 0, 1, 3 and 4, none of which links to that sentence.
    point = [(0, 0), (1, 0), (3, 0), (4, 0)]
    links = {(a, i, b, j): 0.9 for (a, i), (b, j) in combinations(point, 2)}
    links[(0, 0, 2, 0)] = 0.94
    kept = build_groups(links, 0.5)
    assert len(kept) == 1 and 2 in kept[0].members  # without the rule it stays
    pruned = build_groups(links, 0.5, keep_support=0.25)
    assert len(pruned) == 1 and sorted(pruned[0].members) == [0, 1, 3, 4]
    # Its link no longer counts toward how sure the group is.
    assert pruned[0].confidence == pytest.approx(0.9)
    assert kept[0].confidence > 0.9


def test_a_small_group_keeps_every_member():
    links = {(0, 0, 1, 0): 0.9, (0, 0, 2, 0): 0.4}
    groups = build_groups(links, 0.35, keep_support=0.5)
    assert groups[0].members == {0: (0,), 1: (0,), 2: (0,)}


def test_a_group_takes_at_most_so_many_sentences_of_one_article():
    links = {(0, 0, 1, j): 0.9 for j in range(6)}
    groups = build_groups(links, 0.5, max_per_article=3)
    assert all(len(ix) <= 3 for g in groups for ix in g.members.values())


def test_average_linkage_does_not_chain_events():
    # A~B and B~C, but A and C are plainly different: not one cluster of three.
    same = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.0}
    found = clusters(3, same, 0.5)
    assert sorted(map(len, found)) == [1, 2]
    assert clusters(3, {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.8}, 0.5) == [[0, 1, 2]]


def test_of_two_stories_of_one_size_the_more_alike_is_the_main_one():
    same = {(0, 1): 0.6, (2, 3): 0.9, (0, 2): 0.1, (1, 3): 0.1}
    assert clusters(4, same, 0.5) == [[2, 3], [0, 1]]


def test_two_tight_points_stay_apart_when_only_one_of_their_sentences_is_linked():
    # Two points, each told by four articles, and one sentence of the first
    # linked to one of the second: most of either side has no partner across.
    links = {}
    for point in (0, 4):
        for a in range(4):
            for b in range(a + 1, 4):
                links[(a, point, b, point)] = 0.9
    links[(0, 0, 1, 4)] = 0.6
    groups = build_groups(links, 0.5)
    assert len(groups) == 2


def test_names_every_report_gives_weigh_less_than_the_protagonist():
    from desktop.engine.events import _name_cosines, summarise

    def summary(*names):
        return summarise([{"x": 1.0}] * len(names), None, [frozenset(n) for n in names])

    team = {"charger", "diego"}
    # The team and the city come up in every sentence, more often than either man.
    jackson = [team | {"jackson"}, team | {"jackson"}, team]
    williams = [team | {"williams"}, team | {"williams"}, team]
    summaries = [summary(*jackson), summary(*jackson[:2]), summary(*williams)]
    cos = _name_cosines(summaries, [(0, 1), (0, 2), (1, 2)])
    # The two reports of Jackson's arrest are far closer than either is to the
    # report of Williams's, although all three share the team, city and police.
    assert cos[(0, 1)] > 0.8
    assert cos[(0, 2)] < 0.5 and cos[(1, 2)] < 0.5


def _ring(count: int, near: float, far: float) -> dict[tuple[int, int], float]:
    """Reports each much like the two beside them and only loosely like the rest."""
    same = {}
    for a in range(count):
        for b in range(a + 1, count):
            beside = b - a == 1 or (a == 0 and b == count - 1)
            # The loose pairs differ a little, as real ones do, so that no
            # article is everyone's next-closest by a tie.
            same[(a, b)] = near if beside else far + 0.02 * ((5 * a + 3 * b) % 7)
    return same


def test_a_story_of_many_reports_is_held_together_by_each_reports_closest():
    same = _ring(12, 0.9, 0.3)
    assert clusters(12, same, 0.44) == [list(range(12))]
    # Letting every pair have its say would break the story up: the 54 loose
    # pairs outvote the 12 close ones.
    assert len(clusters(12, same, 0.44, neighbours=11)) > 1


def test_a_report_like_one_of_three_but_not_the_others_is_set_apart():
    same = {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9, (0, 3): 0.7, (1, 3): 0.2, (2, 3): 0.2}
    assert clusters(4, same, 0.44) == [[0, 1, 2], [3]]
    same[(1, 3)] = same[(2, 3)] = 0.6
    assert clusters(4, same, 0.44) == [[0, 1, 2, 3]]


def _two_points_and_a_sentence_telling_both():
    # Point 0 told by articles 0, 2 and 3; point 4 by articles 1, 2 and 3.
    # Sentence 0 of article 0 also retells point 4: it links to all three of
    # its sentences (article 2's and 3's sentence 4 are too far from their
    # sentence 0 for the groups to merge).
    links = {}
    for point, tellers in ((0, (0, 2, 3)), (4, (1, 2, 3))):
        for a in tellers:
            for b in tellers:
                if a < b:
                    links[(a, point, b, point)] = 0.9
    links[(0, 0, 1, 4)] = 0.7
    links[(0, 0, 2, 4)] = links[(0, 0, 3, 4)] = 0.6
    return links


def _also(groups):
    return [[(t.article, t.sentence, t.partner, t.probability) for t in g.also] for g in groups]


def test_a_sentence_retelling_two_points_is_also_told_in_the_second_group():
    links = _two_points_and_a_sentence_telling_both()
    groups = build_groups(links, 0.35, also_threshold=0.5)
    # The partition is unchanged: each point's tellers, and nothing else.
    assert [g.members for g in groups] == [{0: (0,), 2: (0,), 3: (0,)}, {1: (4,), 2: (4,), 3: (4,)}]
    # Article 0's lead is told also in point 4's group, through its one
    # direct link kept by the matching of articles 0 and 1.  Article 1's
    # sentence links to one member of point 0 only: not told there.
    assert _also(groups) == [[], [(0, 0, (1, 4), 0.7)]]


def test_an_also_told_sentence_needs_the_whole_group_behind_it():
    links = _two_points_and_a_sentence_telling_both()
    links[(0, 0, 3, 4)] = 0.2  # mean with point 4's members (0.7 + 0.6 + 0.2) / 3 < 0.6
    assert _also(build_groups(links, 0.35, also_threshold=0.5)) == [[], []]


def test_no_sentence_is_also_told_below_its_bar_or_the_link_threshold():
    links = _two_points_and_a_sentence_telling_both()
    assert _also(build_groups(links, 0.35, also_threshold=0.75)) == [[], []]
    # Never below the link threshold itself (no main story: strong links only).
    assert _also(build_groups(links, 0.8, also_threshold=0.5)) == [[], []]


def test_an_also_link_that_lost_its_sentence_to_a_stronger_one_is_not_kept():
    links = _two_points_and_a_sentence_telling_both()
    links[(0, 1, 1, 4)] = 0.8  # article 0 tells point 4 in its own sentence
    groups = build_groups(links, 0.35, also_threshold=0.5)
    assert all(not g.also for g in groups), groups


def test_an_article_that_tells_the_point_itself_gets_no_also_sentence():
    links = _two_points_and_a_sentence_telling_both()
    # Articles 2 and 3 tell both points; a link across the points adds nothing.
    links[(2, 0, 3, 4)] = 0.6  # weaker than the points: the groups are formed first
    groups = build_groups(links, 0.35, also_threshold=0.5)
    assert all(t.article not in (2, 3) for g in groups for t in g.also), _also(groups)
    assert _also(groups)[1] == [(0, 0, (1, 4), 0.7)]


def test_an_article_gives_a_group_one_also_told_sentence_its_strongest():
    links = _two_points_and_a_sentence_telling_both()
    links[(0, 8, 2, 8)] = 0.9  # a third point, told by articles 0 and 2 ...
    # ... whose sentence in article 0 retells point 4 too, more surely than its lead
    links[(0, 8, 3, 4)] = 0.8
    links[(0, 8, 1, 4)] = links[(0, 8, 2, 4)] = 0.65
    groups = build_groups(links, 0.35, also_threshold=0.5)
    point_4 = next(g for g in groups if g.members == {1: (4,), 2: (4,), 3: (4,)})
    assert _also([point_4]) == [[(0, 8, (3, 4), 0.8)]]


def test_numbers_spelled_out_are_the_numbers():
    from desktop.engine.features import content_terms

    # A sentence opening on a number spells it out ("Nineteen homes"); the next outlet writes 19.
    assert content_terms("Nineteen homes were lost.") == content_terms("19 homes were lost.")
    assert content_terms("Sixty firefighters came.") == content_terms("60 firefighters came.")
    assert "15" in content_terms("Fifteen people were hurt.")


def test_english_rarity_weighs_the_specific_word_over_the_common_one():
    """In a story of two reports "evacuees" and "people" may each be repeated alike; English
    at large says which one is specific (resources/lexicon/word_frequencies.tsv)."""
    from desktop.engine.features import cased_content_terms, rarity

    def term(word):
        return cased_content_terms(word)[0][0]

    assert rarity(term("evacuees")) > rarity(term("police")) > rarity(term("people"))
    assert rarity(term("fifteen")) == rarity("qzxv") == 6.0  # numbers and unknown words: rare
    assert rarity(term("couldn't")) < rarity(term("evacuees"))  # a contraction is no rare word
    # And the scorer reads it: two sentences sharing a specific word score above two sharing
    # a common one, all else alike.
    from desktop.engine.align import sentence_vectors
    from desktop.engine.pair_features import FEATURES, candidates

    shared, cos = FEATURES.index("rare_shared"), FEATURES.index("rare_cos")
    v = sentence_vectors([["The evacuees waited at the school gym."], ["The evacuees slept at a church."]])
    w = sentence_vectors([["The people waited at the school gym."], ["The people slept at a church."]])
    a, b = candidates(v[0], v[1]).rows[0], candidates(w[0], w[1]).rows[0]
    assert a[shared] > b[shared] and a[cos] > 0


def test_no_documents_and_one_document_make_empty_comparisons_not_errors():
    # A caller of the engine (a script, a corpus story emptied by a filter) may pass none:
    # it raised IndexError ("events[0]"); the app and the command line stop before this.
    from desktop.engine.ingest import document_from_text
    from desktop.engine.pipeline import compare
    empty = compare([])
    assert (empty.articles, empty.groups, empty.facts) == ((), (), ())
    alone = compare([document_from_text("Crews cleared the road. The bridge reopened on Monday.", "a.txt")])
    assert len(alone.articles) == 1 and not alone.groups
