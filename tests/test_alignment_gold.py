"""Alignment measured on the hand-written gold cases in tests/gold/align.

Run with ``-s`` to see precision, recall and F1 per case next to the naive
baseline (plain-word TF-IDF cosine, one threshold, tuned on these very cases
so the comparison flatters the baseline).

The engine's thresholds were tuned on the first three own cases.  Cases
named ``heldout_*`` were written afterwards, blind (without running the
engine on them), and no setting was changed after scoring them: their
figures are the honest estimate for new text, and they are held to a lower
bar that guards against regressions.

Every case has a floor a little below the figure the README states (or, for
the tuned cases, which the README states only together, below the measured
figure printed per case).  Floors are minimums: a better aligner passes.
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

# F1 of aligned sentence pairs, per case.  Measured when the floors were set:
# bridge 0.901, school board 0.892, wildfire 0.912 (README: 0.902 together);
# README: port strike 0.757, hospital outage 0.812, seeds 003/004 0.444
# (P 1.000, R 0.286: 2 of 7 gold pairs, no false one).
F1_FLOOR = {
    "bridge_collapse": 0.85,
    "school_board_budget": 0.85,
    "wildfire_evacuation": 0.85,
    "heldout_port_strike": 0.74,
    "heldout_hospital_outage": 0.79,
    "seeds_003_004": 0.44,
}
TUNED_F1_FLOOR = 0.89    # README: 0.902 on the three tuned cases together
HELDOUT_F1_FLOOR = 0.76  # README: 0.783 on the two held-out cases together


@pytest.fixture(scope="module")
def results():
    return {case.name: evaluate(case) for case in CASES}


def test_gold_cases_exist():
    assert len(TUNED) >= 3 and HELDOUT and any(c.name.startswith("seeds") for c in CASES)
    assert {c.name for c in CASES} == set(F1_FLOOR), "every gold case needs its floor in F1_FLOOR"


def test_gold_data_passes_its_checker(capsys):
    """tests/gold/check_gold.py: every snippet and fact context found once, in one sentence."""
    import importlib.util
    path = Path(__file__).resolve().parent / "gold" / "check_gold.py"
    spec = importlib.util.spec_from_file_location("check_gold", path)
    check_gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_gold)
    status = check_gold.main([])
    out = capsys.readouterr().out
    assert status == 0, "\n".join(line for line in out.splitlines() if line.startswith("ERROR"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_gold_case_keeps_its_floor(results, case):
    s, *_ = results[case.name]
    print(f"\n{case.name}: {s}")
    assert s.f1 >= F1_FLOOR[case.name], f"{case.name}: {s}; floor F1 {F1_FLOOR[case.name]}"


@pytest.mark.parametrize("case", OWN, ids=lambda c: c.name)
def test_distractor_article_is_kept_out(results, case):
    _, comparison, _, _ = results[case.name]
    unrelated = {case.files[i] for i, a in enumerate(comparison.articles) if not a.related}
    assert unrelated == set(case.unrelated)
    distractor_ids = {comparison.articles[case.files.index(f)].id for f in case.unrelated}
    for group in comparison.groups:
        assert not distractor_ids & set(group.articles())
    # Kept out, while the related articles are grouped with each other.
    grouped = {aid for group in comparison.groups for aid in group.articles()}
    related = {a.id for a in comparison.articles} - distractor_ids
    assert related <= grouped, f"{case.name}: articles in no group: {sorted(related - grouped)}"


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


def test_heldout_cases_together_keep_their_floor(results):
    ours = sum((results[c.name][0] for c in HELDOUT), Score(0, 0, 0))
    print(f"\nheld-out cases together: {ours}")
    assert ours.f1 >= HELDOUT_F1_FLOOR, f"held-out cases: {ours}; floor F1 {HELDOUT_F1_FLOOR}"


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
    assert ours.f1 >= TUNED_F1_FLOOR, f"tuned cases: {ours}; floor F1 {TUNED_F1_FLOOR}"
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
    assert s.fp == 0, f"seeds 003/004: {s}; README: precision 1.000 (no false pair)"
    assert s.tp >= 2, f"seeds 003/004: {s}; README: recall 0.286 (2 of 7 gold pairs)"


def test_five_seeds_do_not_tie_other_stories_to_the_meeting():
    """Seeds 000-002 are other Mamdani stories: nothing of theirs joins 003/004."""
    from conftest import SEEDS
    comparison = compare_files(sorted(str(p) for p in SEEDS.glob("*.txt")),
                               CompareConfig(find_facts=False))
    by_source = {Path(a.source).name[:3]: a.id for a in comparison.articles}
    meeting = {by_source["003"], by_source["004"]}
    # Not vacuous: the aligner did group something (measured: passages of 000 and 002;
    # with all five seeds 003 and 004 themselves share no group, so that is not asserted).
    assert comparison.groups, "the five seeds gave no groups at all"
    for group in comparison.groups:
        articles = set(group.articles())
        assert not (articles & meeting and articles - meeting), group
