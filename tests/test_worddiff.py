"""Word-level diff: offsets, typographic folding, no confetti."""
from desktop.engine.worddiff import word_diff


def changes(a, b):
    ops, _ = word_diff(a, [(0, len(a))], b, [(0, len(b))])
    return [(o.tag, a[o.a_start:o.a_end], b[o.b_start:o.b_end]) for o in ops if o.tag != "equal"]


def test_number_change_is_one_replacement_on_whole_words():
    assert changes("Four people were hurt in the crash.", "Five people were hurt in the crash.") == [
        ("replace", "Four", "Five")]


def test_curly_and_straight_quotes_and_case_are_not_changes():
    assert changes("“We agreed,” Trump said.", "\"we agreed,\" Trump said.") == []


def test_insert_and_delete_have_word_offsets():
    got = changes("The bridge closed on Tuesday.", "The old bridge closed.")
    assert ("insert", "", "old") in got
    assert ("delete", "on Tuesday", "") in got


def test_glue_words_between_changes_are_folded_into_one_replacement():
    got = changes("officials blamed the storm for the outage",
                  "engineers cited the heat for the outage")
    assert got == [("replace", "officials blamed the storm", "engineers cited the heat")]


def test_spans_across_two_sentences_of_a_split():
    text = "One sentence here. Another there."
    ops, similarity = word_diff(text, [(0, 18)], text, [(0, 18), (19, 33)])
    inserted = [text[o.b_start:o.b_end] for o in ops if o.tag == "insert"]
    assert inserted == ["Another there."]
    assert 0 < similarity < 1
