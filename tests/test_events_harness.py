"""The quick event harness (benchmarks/events_quick.py) counts a mixed set as real_news.py does.

These run without the real-news data: they hand the counting made-up
clusters and sentence links and check what it tallies.
"""
import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import events_quick as eq  # noqa: E402

SCORER = SimpleNamespace(link_threshold=0.35, strong_threshold=0.8)


def _tally():
    return dict(out=0, caught=0, ins=0, apart=0, groups=0, pure=0)


def test_an_outsider_outside_the_main_story_is_caught():
    tally = _tally()
    missed, wrongly = eq.separation_tally([False, False, False, True], [[0, 1, 2], [3]], {}, SCORER, tally)
    assert (tally["out"], tally["caught"], tally["ins"], tally["apart"]) == (1, 1, 3, 0)
    assert missed == [] and wrongly == []


def test_an_outsider_inside_the_main_story_is_missed_and_says_how():
    tally = _tally()
    missed, _ = eq.separation_tally([False, False, False, True], [[0, 1, 2, 3]], {}, SCORER, tally)
    assert tally["caught"] == 0 and missed == [3]
    assert tally["missed_joined"] == 1
    # The main story is the outsiders' with one insider: the other two insiders are set apart.
    tally = _tally()
    missed, wrongly = eq.separation_tally([False, False, False, True, True], [[2, 3, 4], [0, 1]], {},
                                          SCORER, tally)
    assert missed == [3, 4] and wrongly == [0, 1]
    assert tally["missed_led"] == 2 and tally["apart"] == 2


def test_with_no_story_of_two_nobody_is_set_apart():
    tally = _tally()
    missed, wrongly = eq.separation_tally([False, False, True], [[0], [1], [2]], {}, SCORER, tally)
    assert missed == [2] and wrongly == [] and tally["missed_no_story"] == 1


def test_a_group_mixing_the_two_events_is_impure():
    tally = _tally()
    scores = {(0, 1): {(0, 0): 0.9}, (1, 2): {(1, 1): 0.9}}  # 0-1 insiders, 2 an outsider in the main story
    eq.separation_tally([False, False, True], [[0, 1, 2]], scores, SCORER, tally)
    assert (tally["groups"], tally["pure"]) == (2, 1)


def test_auc_counts_ties_as_half():
    assert eq._auc([0, 1], [0.2, 0.8]) == 1.0
    assert eq._auc([1, 0], [0.2, 0.8]) == 0.0
    assert eq._auc([0, 1], [0.5, 0.5]) == 0.5
