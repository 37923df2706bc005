"""Dates of articles that carry no publication date.

Pasted text and saved pages often lose their dateline.  Such an article's
"early November" still has a year: the one its comparison is told in.  That
year is borrowed (rough), so it places months in a year and nothing finer.
"""
from __future__ import annotations

from desktop.engine.facts.dates import find_dates, told_when
from desktop.engine.facts.gate import value_words
from desktop.engine.facts.items import Taken
from desktop.engine.facts.slots import noun_dated, slot_of
from desktop.engine.model import Article, CompareConfig, Document, FactKind, FactStatus
from desktop.engine.pipeline import compare


def _article(text: str, published: str | None = None, aid: str = "A") -> Article:
    return Article(aid, "t", text, (), published=published)


def _slot(sentence: str, value: str):
    at = sentence.index(value)
    return slot_of(sentence, at, at + len(value), 0, len(sentence), value_words(), dated=True)


def test_a_comparison_is_told_when_its_latest_dateline_or_written_day_is():
    dated = [_article("x", "2025-11-20"), _article("y", "2025-11-22"), _article("z")]
    assert str(told_when(dated)) == "2025-11-22"
    undated = [_article("They met on November 21, 2025. He had won on November 4, 2025."),
               _article("The vote will be held on March 3, 2027, officials said.")]
    # A forecast is no day the report was told after.
    assert str(told_when(undated)) == "2025-11-21"
    assert told_when([_article("They met on Friday.")]) is None


def test_an_undated_articles_month_takes_the_comparisons_year_and_says_so():
    year_of = told_when([_article("They met on November 21, 2025.")])
    early, friday = find_dates(_article("He had won in early November and met him on Friday."),
                               Taken(), year_of)
    assert early.value == "2025-11-01/2025-11-10"
    assert early.extra["year_borrowed"]
    assert friday.value == "Friday"  # a weekday is not placed by so rough a reference
    (own,) = find_dates(_article("He won in early November.", published="2025-11-22"), Taken(), year_of)
    assert not own.extra["year_borrowed"]


def test_a_date_after_its_noun_is_tied_to_that_noun_named_elsewhere():
    won = _slot("The socialist, who earlier in early November had won a landslide election victory, "
                "met Trump.", "early November")
    celebration = _slot("The rapport was sown during his historic victory celebration on "
                        "November 2, 2024.", "November 2, 2024")
    assert celebration.verb is None and won.verb is not None
    assert noun_dated(celebration, won)
    # "since October 23" starts a stretch; it dates no happening of the noun.
    patrolled = _slot("The warship patrolled the gulf on Saturday.", "Saturday")
    since = _slot("The navy's patrols in the gulf since October 23, a costly task, go on.", "October 23")
    on = _slot("The navy's patrol in the gulf on October 23, a costly task, went well.", "October 23")
    assert since.verb is None and on.verb is None
    assert noun_dated(on, patrolled)
    assert not noun_dated(since, patrolled)
    # Two verbless dates: nothing says what happened on either.
    assert not noun_dated(on, celebration)


def _date_conflicts(a: str, b: str):
    docs = [Document(source=f"{n}.txt", text=t) for n, t in enumerate((a, b))]
    comparison = compare(docs, CompareConfig())
    return [f for f in comparison.facts if f.status == FactStatus.CONFLICT and f.kind == FactKind.DATE]


_MET = ("President Trump met New York City Mayor-elect Zohran Mamdani in the Oval Office on "
        "November 21, 2025. ")
_MET_UNDATED = "President Trump met Mayor-elect Zohran Mamdani in the Oval Office on Friday afternoon. "


def test_an_undated_vague_month_conflicts_with_a_day_of_another_year():
    # Seeds 003/004 in small: neither article is dated; the first dates the
    # meeting, so the second's "early November" is November 2025.
    found = _date_conflicts(
        _MET + "The rapport was sown during Mamdani's victory celebration on November 2, 2024, "
               "when he spoke in Brooklyn.",
        _MET_UNDATED + "Mamdani, who earlier in early November had won a landslide election victory, "
                       "praised the president.")
    assert [sorted(m.text for m in f.mentions) for f in found] == [["November 2, 2024", "early November"]]
    # The note says which year the undated month was read in.
    assert "early November (taken as 2025 from the reports' dates)" in found[0].note


def test_the_same_vague_month_in_the_borrowed_year_agrees():
    found = _date_conflicts(
        _MET + "The rapport was sown during Mamdani's victory celebration on November 4, 2025, "
               "when he spoke in Brooklyn.",
        _MET_UNDATED + "Mamdani, who earlier in early November had won a landslide election victory, "
                       "praised the president.")
    assert found == []


def test_a_borrowed_year_never_decides_a_weekday():
    # Undated: "6 December" lies in the year borrowed from the other article,
    # which says nothing of which weekday it was.
    found = _date_conflicts(
        "Police said the officer shot the teenager on 6 December in Exarchia. "
        "Riots followed on December 13, 2008.",
        "According to the charge sheet, the officer shot the teenager on Sunday in Exarchia.")
    assert found == []
