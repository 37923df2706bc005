"""Hostile inputs to the facts stage: figures too large for a float never crash it."""
from __future__ import annotations

from desktop.engine.model import Document
from desktop.engine.pipeline import compare

_BASE = "The council met on Monday and approved the budget of $4 million for 12 schools. "


def _compare(extra_a: str, extra_b: str):
    docs = [Document("a.txt", _BASE + extra_a, published="2024-05-02"),
            Document("b.txt", _BASE + extra_b, published="2024-05-02")]
    return compare(docs)


def test_a_number_of_hundreds_of_digits_is_no_fact_and_no_crash():
    # Issue 16, item 1: float("9" * 309) is infinity and int() of it raised OverflowError.
    huge = "9" * 309
    result = _compare(f"The ledger listed {huge} coins.", f"The ledger listed {huge}1 coins.")
    texts = [m.text for f in result.facts for m in f.mentions]
    assert not any(huge[:20] in t for t in texts)
    assert any(f.kind == "money" for f in result.facts)  # the rest is still compared


def test_number_words_that_multiply_past_a_float_are_skipped():
    words = " ".join(["hundred"] * 200)
    result = _compare(f"They counted one {words} stars.", f"They counted two {words} stars.")
    assert all("hundred hundred" not in m.text for f in result.facts for m in f.mentions)


def test_a_run_of_more_than_18_digits_is_no_sum_of_money():
    result = _compare("A fee of $1234567890123456789012 was logged.",
                      "A fee of $1234567890123456789013 was logged.")
    assert not any("1234567890" in m.text for f in result.facts for m in f.mentions)
