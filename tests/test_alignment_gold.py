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

# F1 of aligned sentence pairs, per case, with the learned aligner (the
# decisions are fitted on real news, see benchmarks/real_news.py; the three
# tuned cases are part of that fit, the held-out ones and the seeds are not).
# Measured when the floors were set: bridge 0.806, school board 0.730,
# wildfire 0.786 (0.773 together), port strike 0.881, hospital outage 0.742
# (0.810 together), seeds 003/004 0.167 (1 of 7 gold pairs).  The hand-tuned
# aligner before it scored 0.902 / 0.783 / 0.444 here, the first on the cases
# it was tuned on, while finding 0.40 of the strict ECB+ gold where this one
# finds 0.65 (cross-validated).
F1_FLOOR = {
    "bridge_collapse": 0.77,
    "school_board_budget": 0.70,
    "wildfire_evacuation": 0.75,
    "heldout_port_strike": 0.85,
    "heldout_hospital_outage": 0.71,
    "seeds_003_004": 0.15,
}
TUNED_F1_FLOOR = 0.74    # measured 0.773 on the three tuned cases together
HELDOUT_F1_FLOOR = 0.78  # measured 0.810 on the two held-out cases together
# Distractors (another event in the same town) set apart: measured 4 of 5.
DISTRACTORS_SET_APART_FLOOR = 4


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


def test_distractor_articles_are_set_apart_and_only_they(results):
    set_apart = 0
    for case in OWN:
        _, comparison, _, _ = results[case.name]
        unrelated = {case.files[i] for i, a in enumerate(comparison.articles) if not a.related}
        assert unrelated <= set(case.unrelated), f"{case.name}: same-event articles set apart: {unrelated}"
        distractor_ids = {comparison.articles[case.files.index(f)].id for f in case.unrelated}
        if unrelated:
            set_apart += 1
            # Set apart means out of every group, with a reason in words.
            for group in comparison.groups:
                assert not distractor_ids & set(group.articles()), group
            for article in comparison.articles:
                if article.id in distractor_ids:
                    assert article.event > 1 and "another event" in article.event_note
        # The related articles are grouped with each other.
        grouped = {aid for group in comparison.groups for aid in group.articles()}
        related = {a.id for a in comparison.articles} - distractor_ids
        assert related <= grouped, f"{case.name}: articles in no group: {sorted(related - grouped)}"
    print(f"\ndistractors set apart: {set_apart} of {len(OWN)}")
    assert set_apart >= DISTRACTORS_SET_APART_FLOOR


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
    assert ours.f1 >= best_base.f1 + 0.1  # measured 0.773 against 0.629


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
    # Measured 4 of 13: a split is often taken as two points told in one
    # sentence, each sentence linked to its half.  Counted, not as a share:
    # once spelled numbers matched ("Sixty-mile-an-hour gusts") one more split
    # group was found by one of its halves (4 of 14), which is no loss.
    assert found >= 6 and kept >= 4


def test_seed_pair_links_the_meeting_itself(results):
    """Seeds 003/004 share little wording; the meeting they both report is linked."""
    s, comparison, _, _ = results["seeds_003_004"]
    print(f"\nseeds_003_004: {s}")
    assert s.tp >= 1, f"seeds 003/004: {s}"
    assert all(a.related for a in comparison.articles), "one of the two reports of the meeting was set apart"


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
