"""Alignment rules on small hand-made articles: repeated phrases, stock words, mutual best."""
from desktop.engine import CompareConfig, Document, compare
from desktop.engine.align import sentence_vectors

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


def test_two_articles_keep_a_weak_match_that_repeats_a_phrase():
    comparison = compare([LEFT, RIGHT], CONFIG)
    assert _grouped(comparison, "A2", "B1")
    assert len(comparison.groups) == 1


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


def test_among_three_unrelated_articles_a_repeated_phrase_alone_groups_nothing():
    third = _doc(
        "third.txt",
        "The orchestra opened its season with a symphony by a young composer.",
        "Critics praised the violins and the new acoustic panels.",
        "Season tickets are sold out until spring.",
    )
    assert not _grouped(compare([LEFT, RIGHT, third], CONFIG), "A2", "B1")


def test_one_sentence_told_as_three_still_links_two_of_them():
    # A group holds at most two neighbouring sentences of one article; a
    # match that grows past that must stop at two, not be lost altogether.
    left = _doc("left.txt",
                "The storm toppled trees across Brenham on Sunday night.",
                "By noon Monday, crews had cleared the fallen oaks on Mill Road, restored the power lines "
                "and reopened the Tarn bridge.",
                "Classes at Brenham High will go ahead as usual on Tuesday.")
    right = _doc("right.txt",
                 "A storm toppled trees across Brenham late Sunday.",
                 "Crews cleared the fallen oaks on Mill Road early Monday.",
                 "They restored the power lines by mid-morning.",
                 "The Tarn bridge reopened at noon.",
                 "The county fair starts next week.")
    comparison = compare([left, right], CONFIG)
    groups = [g for g in comparison.groups if "A2" in g.passages]
    assert groups, comparison.groups
    assert 1 <= sum(p.startswith("B") for p in groups[0].passages) <= 2
