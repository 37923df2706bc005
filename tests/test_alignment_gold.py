"""Alignment measured on the hand-written gold cases in tests/gold/align.

Run with ``-s`` to see precision, recall and F1 per case next to the naive
baseline (plain-word TF-IDF cosine, one threshold, tuned on these very cases
so the comparison flatters the baseline).

The engine's thresholds were tuned on the first three own cases.  Cases
named ``heldout_*`` were written afterwards, blind (without running the
engine on them), and no setting was changed after scoring them: their
figures are the honest estimate for new text, and they are held to a lower
bar that guards against regressions.
"""
from pathlib import Path

import pytest

from desktop.engine import CompareConfig, compare_files

from alignment_eval import Score, baseline_pairs, evaluate, load_cases, score

CASES = load_cases()
OWN = [c for c in CASES if not c.name.startswith("seeds")]
TUNED = [c for c in OWN if not c.name.startswith("heldout")]
HELDOUT = [c for c in OWN if c.name.startswith("heldout")]
BASELINE_THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6]


@pytest.fixture(scope="module")
def results():
    return {case.name: evaluate(case) for case in CASES}


def test_gold_cases_exist():
    assert len(TUNED) >= 3 and HELDOUT and any(c.name.startswith("seeds") for c in CASES)


@pytest.mark.parametrize("case", OWN, ids=lambda c: c.name)
def test_distractor_article_is_kept_out(results, case):
    _, comparison, _, _ = results[case.name]
    unrelated = {case.files[i] for i, a in enumerate(comparison.articles) if not a.related}
    assert unrelated == set(case.unrelated)
    distractor_ids = {comparison.articles[case.files.index(f)].id for f in case.unrelated}
    for group in comparison.groups:
        assert not distractor_ids & set(group.articles())


@pytest.mark.parametrize("case", TUNED, ids=lambda c: c.name)
def test_each_tuned_case_aligns_well(results, case):
    s, *_ = results[case.name]
    print(f"\n{case.name}: {s}")
    assert s.f1 >= 0.8


def _best_baseline(results, cases):
    best, best_t = None, None
    for t in BASELINE_THRESHOLDS:
        total = Score(0, 0, 0)
        for c in cases:
            _, comparison, _, gold = results[c.name]
            total = total + score(baseline_pairs(comparison, t), gold)
        if best is None or total.f1 > best.f1:
            best, best_t = total, t
    return best, best_t


@pytest.mark.parametrize("case", HELDOUT, ids=lambda c: c.name)
def test_each_heldout_case_aligns_fairly(results, case):
    s, *_ = results[case.name]
    print(f"\n{case.name} (held out): {s}")
    assert s.f1 >= 0.7


def test_heldout_cases_beat_the_baseline_set_on_the_tuned_cases(results):
    """The baseline's threshold is chosen on the tuned cases, as ours were."""
    _, t = _best_baseline(results, TUNED)
    ours, base = Score(0, 0, 0), Score(0, 0, 0)
    for c in HELDOUT:
        _, comparison, _, gold = results[c.name]
        ours = ours + results[c.name][0]
        base = base + score(baseline_pairs(comparison, t), gold)
    print(f"\nheld-out cases: Parallax {ours}\n  naive baseline at {t}: {base}")
    assert ours.f1 >= base.f1 + 0.05


def test_tuned_cases_overall_beat_the_naive_baseline(results):
    ours = sum((results[c.name][0] for c in TUNED), Score(0, 0, 0))
    best_base, best_t = _best_baseline(results, TUNED)
    print(f"\nParallax on the tuned own cases: {ours}")
    print(f"Naive TF-IDF baseline (best single threshold {best_t}): {best_base}")
    heldout = sum((results[c.name][0] for c in HELDOUT), Score(0, 0, 0))
    print(f"Parallax on the held-out cases: {heldout}; on all own cases: {ours + heldout}")
    assert ours.f1 >= 0.9
    assert ours.f1 >= best_base.f1 + 0.1


def test_splits_are_grouped_with_both_halves(results):
    """Every gold group with two sentences from one article and found at all keeps both."""
    kept = found = 0
    for case in OWN:
        _, comparison, _, _ = results[case.name]
        from alignment_eval import locate
        for group in case.groups:
            files = [f for f, _ in group]
            split_files = {f for f in files if files.count(f) == 2}
            if not split_files:
                continue
            ids = [locate(comparison, case, f, s) for f, s in group]
            predicted = [g for g in comparison.groups if set(ids) & set(g.passages)]
            if predicted:
                found += 1
                kept += any(set(ids) <= set(g.passages) for g in predicted)
    print(f"\nsplit groups found: {found}, with all sentences in one group: {kept}")
    assert found >= 6 and kept / found >= 0.6


def test_seed_pair_finds_repeated_points_and_no_false_groups(results):
    """Seeds 003/004 share little wording; what is grouped must be right.

    The two points they retell in shared phrases (Trump's threat to cut
    "federal funding"; Mamdani would "surprise conservative" people) are found.
    """
    s, *_ = results["seeds_003_004"]
    print(f"\nseeds_003_004: {s}")
    assert s.fp == 0
    assert s.tp >= 2


def test_five_seeds_do_not_tie_other_stories_to_the_meeting():
    """Seeds 000-002 are other Mamdani stories: nothing of theirs joins 003/004."""
    from conftest import SEEDS
    comparison = compare_files(sorted(str(p) for p in SEEDS.glob("*.txt")),
                               CompareConfig(find_facts=False))
    by_source = {Path(a.source).name[:3]: a.id for a in comparison.articles}
    meeting = {by_source["003"], by_source["004"]}
    for group in comparison.groups:
        articles = set(group.articles())
        assert not (articles & meeting and articles - meeting), group
