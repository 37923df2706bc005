"""The same-event decision: numbers read with what they count, and the same-event sentence model."""
import json

import pytest

from desktop.engine import events as ev
from desktop.engine.align import sentence_vectors
from desktop.engine.events import SENTENCE_FEATURES
from desktop.engine.resources import resource_path


def test_numbers_are_read_whole_with_what_they_count():
    units = ev.numbers_by_unit(("A 5.6 magnitude earthquake hit the island in 2008, injuring five people.",
                                "The magnitude-6.1 quake killed 10 villagers."))
    assert units["magnitud"] == frozenset({"5.6", "6.1"})  # "5.6", not 5 and 6
    assert "5" in units["injur"] or "5" in units["resid"]  # "five" is 5 (under the word before or after)
    assert "10" in units["villag"]
    assert not any("2008" in values for values in units.values())  # years date the report, not the event


def test_two_quakes_disagree_on_their_magnitude_two_reports_of_one_do_not():
    one = ev.numbers_by_unit(("A 5.6 magnitude earthquake struck Qeshm island on Sunday.",))
    same = ev.numbers_by_unit(("The quake, of magnitude 5.6, damaged buildings on Qeshm.",))
    other = ev.numbers_by_unit(("A 5.9 magnitude earthquake struck Qeshm island on Sunday.",))
    assert ev._unit_contrast(one, same) == (0.0, 1.0)
    assert ev._unit_contrast(one, other) == (1.0, 0.0)
    assert ev._unit_contrast(one, {}) == (0.0, 0.0)  # nothing counted in both: no evidence


def test_two_arrests_open_on_two_men_though_both_name_the_first():
    def opening(*texts):
        vectors = sentence_vectors([list(texts)])[0]
        return ev.summarise(vectors.sentences, None, vectors.names, vectors.texts)

    jackson = opening("San Diego Chargers receiver Vincent Jackson was arrested on suspicion of drunk driving.",
                      "Police stopped Jackson at about 2:30 a.m. on Tuesday.")
    williams = opening("Chargers defensive tackle Jamal Williams was arrested on suspicion of drunken driving.",
                       "It was the team's second such arrest in a month, after Vincent Jackson's.",
                       "Williams was pulled over for speeding early Sunday.")
    again = opening("Vincent Jackson, a Chargers receiver, was booked early Tuesday after a traffic stop.")
    nobody = opening("A Chargers player was arrested on suspicion of drunken driving.")
    assert williams.lead_people[0] == "williams"
    assert ev._lead_person(jackson, again) == 1.0
    assert ev._lead_person(jackson, williams) == 1.0  # the second names the first in its opening too
    assert ev._lead_person(again, opening("Chargers tackle Jamal Williams was arrested on Sunday.")) == 0.0
    assert ev._lead_person(jackson, nobody) == 0.5  # names no one: no evidence


def test_ages_are_read_as_ages_not_counts_of_the_word_before():
    one = ev.numbers_by_unit(("Police arrested a 33-year-old man.", "The actress, 26 years old, checked in."))
    assert one == {"age": frozenset({"33", "26"})}, "not 'arrest' (the word before the number)"
    other = ev.numbers_by_unit(("Police arrested a 41-year-old man on Friday.",))
    assert ev._unit_contrast(one, other) == (1.0, 0.0)  # two arrests of two men


def _rows(texts):
    vectors = sentence_vectors([[s for s in t.split("|")] for t in texts])
    scores = {(a, b): {(0, 0): 0.9} for a in range(len(texts)) for b in range(a + 1, len(texts))}
    scorer = type("S", (), {"link_threshold": 0.35, "strong_threshold": 0.8})()
    return ev.article_pair_rows(vectors, [None] * len(texts), scores, scorer)


TEXTS = ["A 5.6 magnitude earthquake struck Qeshm island on Sunday.|Five people were hurt in Dargahan.",
         "An earthquake of magnitude 5.6 jolted Qeshm on Sunday.|Walls collapsed in Dargahan, hurting five.",
         "A 5.9 magnitude quake killed ten people on Qeshm.|Seven villages were flattened near Bandar Abbas."]


def test_rows_carry_the_sentence_pairs_and_the_model_completes_them():
    rows = _rows(TEXTS)
    assert all(len(row) == len(ev.BASE_FEATURES) for row in rows.values())
    assert all(rows.sentences[key] for key in rows)  # every pair has candidate sentence pairs
    full = ev.complete_rows(rows, ())  # a sentence model of no weights: every sentence pair at 0.5
    for key, row in full.items():
        named = dict(zip(ev.EVENT_FEATURES, row))
        assert len(row) == len(ev.EVENT_FEATURES) and named["bias"] == 1.0
        assert named["ev_max"] == 0.5 and named["ev_mean"] == 0.5
        assert named["rel_ev_mean"] == 1.0  # alike to everyone: each pair is as alike as the closest


def test_the_sentence_model_weighs_sentence_pairs_by_their_features():
    rows = _rows(TEXTS)
    shared_names = [0.0] * len(SENTENCE_FEATURES)
    shared_names[SENTENCE_FEATURES.index("shared_names")] = 3.0
    shared_names[SENTENCE_FEATURES.index("bias")] = -2.0
    full = ev.complete_rows(rows, tuple(shared_names))
    top = {key: dict(zip(ev.EVENT_FEATURES, row))["ev_max"] for key, row in full.items()}
    # The two reports of the 5.6 quake have sentences sharing names (Qeshm, Sunday, Dargahan);
    # the 5.9 quake's report shares fewer.
    assert top[(0, 1)] > top[(0, 2)]
    assert top[(0, 1)] > 0.75  # sigmoid(3 log(1 + 2) - 2): two names shared
    contrast = {key: dict(zip(ev.EVENT_FEATURES, row))["unit_conflict"] for key, row in full.items()}
    assert contrast[(0, 1)] == 0.0 and contrast[(0, 2)] == 1.0


def test_a_model_fitted_on_other_sentence_features_is_refused():
    data = json.loads(resource_path("models", "same_event.json").read_text(encoding="utf-8"))
    assert data["sentence_features"] == list(SENTENCE_FEATURES)
    ev.EventModel.from_json(json.dumps(data))
    data["sentence_features"] = data["sentence_features"][:-2] + ["bias"]
    with pytest.raises(ValueError, match="sentence features"):
        ev.EventModel.from_json(json.dumps(data))


def test_the_shipped_model_sets_the_other_quake_apart():
    from desktop.engine import CompareConfig
    from desktop.engine.model import Document
    from desktop.engine.pipeline import compare

    story = [
        "A 5.6 magnitude earthquake struck Qeshm island off Iran's southern coast on Sunday, injuring five "
        "people in the villages of Zainabieh and Koohi. The quake damaged buildings around Dargahan.",
        "An earthquake measuring 5.6 jolted Qeshm island on Sunday. Five people were injured and walls of "
        "houses collapsed in Zainabieh and Koohi near the town of Dargahan, the governor said.",
        "Iran's Qeshm island was shaken by a 5.6 magnitude earthquake on Sunday. Houses were damaged near "
        "Dargahan and five villagers from Zainabieh and Koohi were slightly injured.",
    ]
    other = ("A powerful 5.9 magnitude earthquake hit southern Iran, killing 10 people and flattening seven "
             "villages near Bandar Abbas. Governor Heidar Alishvandi said rescue teams were sent to Qeshm.")
    documents = [Document(f"r{k}", text) for k, text in enumerate(story + [other])]
    result = compare(documents, CompareConfig(find_facts=False))
    assert [a.related for a in result.articles] == [True, True, True, False]


def test_event_rows_read_the_candidates_the_scorer_scored():
    # The pipeline builds each two articles' candidate pairs once, for the
    # scorer and the event rows; the rows must be those built afresh.
    from itertools import combinations

    from desktop.engine.scoring import get_scorer, score_pairs

    vectors = sentence_vectors([
        ["A 5.6 magnitude earthquake struck Qeshm island on Sunday.", "Ten villages were damaged."],
        ["The quake, of magnitude 5.6, damaged buildings on Qeshm.", "Rescuers reached ten villages."],
        ["A 5.9 magnitude earthquake struck Qeshm island in 2005.", "Seven villages were flattened."]])
    scorer = get_scorer("lexical")
    pairs = list(combinations(range(3), 2))
    scores, found = score_pairs(scorer, vectors, pairs)
    assert set(found) == set(pairs)
    assert scores == {(a, b): scorer.score(vectors[a], vectors[b]) for a, b in pairs}
    shared = ev.article_pair_rows(vectors, [None] * 3, scores, scorer, found)
    afresh = ev.article_pair_rows(vectors, [None] * 3, scores, scorer)
    assert shared == afresh and shared.sentences == afresh.sentences
    assert all(shared.sentences[key] for key in pairs)


def test_counted_things_read_numbers_spelled_out_as_the_text_does():
    from desktop.engine.events import numbers_by_unit

    found = numbers_by_unit(["Nineteen homes were lost and hundreds of people fled.",
                             "Sixty firefighters came; five were hurt."])
    assert found["home"] == {"19"} and found["firefight"] == {"60"}
    assert "100" not in {v for values in found.values() for v in values}  # "hundreds" is no count


def _two_sides(count: int, inside: float, across: float) -> dict:
    half = count // 2
    return {(a, b): inside if (a < half) == (b < half) else across
            for a in range(count) for b in range(a + 1, count)}


def test_a_large_cluster_of_two_unlike_sides_is_cut_in_two():
    # Eight reports clustered as one story; scored among themselves they are two events.
    same = _two_sides(8, 0.9, 0.6)
    found = ev.split_clusters([list(range(8))], same, lambda members: _two_sides(8, 0.9, 0.1))
    assert found == [[0, 1, 2, 3], [4, 5, 6, 7]]


def test_a_cluster_stays_whole_when_its_sides_are_alike_or_too_small():
    same = _two_sides(8, 0.9, 0.6)
    alike = ev.split_clusters([list(range(8))], same, lambda members: _two_sides(8, 0.9, ev.SPLIT_BELOW + 0.05))
    assert alike == [list(range(8))]
    small = {k: v for k, v in _two_sides(6, 0.9, 0.1).items()}
    assert ev.split_clusters([list(range(6))], small, lambda members: small) == [list(range(6))]


def test_the_comparison_cuts_a_large_story_scored_on_its_own(monkeypatch, tmp_path):
    # A report of another event, then eight copies of three reports of one event: one story
    # of eight. With the bar set above any probability the pipeline must score the story
    # again on its own (its articles by their places in the whole comparison) and cut it in
    # two, and the articles must say so.
    from desktop.engine import CompareConfig, compare_files
    from tests.alignment_eval import GOLD_ROOT
    source = GOLD_ROOT / "bridge_collapse"
    paths = []
    for n, name in enumerate(["distractor.txt"] + ["local.txt", "national.txt", "wire.txt", "local.txt"] * 2):
        copy = tmp_path / f"{n}_{name}"
        copy.write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
        paths.append(str(copy))
    whole = compare_files(paths, CompareConfig(find_facts=False))
    assert [a.event for a in whole.articles] == [2] + [1] * 8
    calls = []
    real_split = ev.split_stories

    def spy(stories, within, below, side):
        calls.append(within(sorted(stories[0])))
        return real_split(stories, within, below, side)

    monkeypatch.setattr(ev, "split_stories", spy)
    monkeypatch.setattr(ev, "SPLIT_BELOW", 1.01)
    cut = compare_files(paths, CompareConfig(find_facts=False))
    # Every two of the eight (articles 1-8 of the comparison), scored as their own comparison.
    assert sorted(calls[0]) == [(a, b) for a in range(1, 9) for b in range(a + 1, 9)]
    assert sorted(a.event for a in cut.articles[1:]) == [1] * 4 + [2] * 4
    assert cut.articles[0].event == 3 and sum(not a.related for a in cut.articles) == 5


def test_articles_known_to_tell_one_story_are_not_judged_again():
    # The app's second run, after the first set the other stories apart: every article is
    # in the story and its passages are aligned with the others', the outsider's too.
    from desktop.engine import CompareConfig, compare_files
    from tests.alignment_eval import GOLD_ROOT
    source = GOLD_ROOT / "bridge_collapse"
    paths = [str(source / n) for n in ("local.txt", "national.txt", "wire.txt", "distractor.txt")]
    judged = compare_files(paths, CompareConfig(find_facts=False))
    assert [a.related for a in judged.articles] == [True, True, True, False]
    told = compare_files(paths, CompareConfig(find_facts=False, one_story=True))
    assert all(a.related and a.event == 1 and not a.event_note for a in told.articles)
    assert len({g.id for g in told.groups}) >= len({g.id for g in judged.groups})
    assert not any(p.startswith("D") for g in judged.groups for p in g.passages)
