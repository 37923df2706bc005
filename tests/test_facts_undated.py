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
               _article("His swearing-in, set for January 1, 2027, was moved. The vote will be held "
                        "on March 3, 2027. Updated December 2, 2025.")]
    # Forecasts are no day the reports were told after; of the rest, the latest.
    assert str(told_when(undated)) == "2025-12-02"
    assert str(told_when(undated + [_article("The treaty expires on June 3, 2099.")])) == "2025-12-02"
    assert told_when([_article("They met on Friday. It was February 30, 2025.")]) is None


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
    # A name before the date is whom it concerns, not what happened.
    interview = _slot("His remarks in an interview with Victory on November 2, 2024.", "November 2, 2024")
    assert interview.verb is None and not noun_dated(interview, won)


def test_a_noun_that_only_places_a_date_ties_it_to_nothing():
    # ECB+ 6_ecbplus: "at some point on Monday" (the talks) and the "sticking
    # points" of another sentence (filming in August) are not one happening.
    monday = _slot('According to THR, Ross will resume negotiating with Lionsgate about returning for '
                   'the "Games" sequel "Catching Fire" at some point on Monday.', "Monday")
    points = _slot("Two major sticking points are salary and schedule, with the film set to "
                   "begin filming in August.", "August")
    assert monday.verb is None
    assert not noun_dated(monday, points)
    # A noun that names a happening still ties its date.
    talks = _slot("Ross will be back at the talks on Monday.", "Monday")
    resumed = _slot("The talks resumed with Lionsgate, the studio said.", "studio")
    assert talks.verb is None and noun_dated(talks, resumed)


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


def _date_facts(a: str, b: str, status: FactStatus):
    docs = [Document(source=f"{n}.txt", text=t) for n, t in enumerate((a, b))]
    comparison = compare(docs, CompareConfig())
    return [sorted(m.text for m in f.mentions) for f in comparison.facts
            if f.status == status and f.kind == FactKind.DATE]


def test_the_same_vague_month_in_the_borrowed_year_agrees():
    a = (_MET + "The rapport was sown during Mamdani's victory celebration on November 4, 2025, "
                "when he spoke in Brooklyn.")
    b = (_MET_UNDATED + "Mamdani, who earlier in early November had won a landslide election victory, "
                        "praised the president.")
    assert _date_facts(a, b, FactStatus.CONFLICT) == []
    assert ["November 4, 2025", "early November"] in _date_facts(a, b, FactStatus.AGREE)


def test_a_day_without_its_year_takes_the_borrowed_one():
    a = _MET + "Mamdani celebrated his victory on November 2, 2024 in Brooklyn with his supporters."
    b = _MET_UNDATED + "Mamdani celebrated his victory on November 2 in Brooklyn with his supporters."
    assert _date_facts(a, b, FactStatus.CONFLICT) == [["November 2", "November 2, 2024"]]


def test_two_borrowed_days_still_disagree_as_written():
    # Both undated, both take 2025 from the first article's meeting: "November 3"
    # against "November 4" is still the conflict it was without any year.
    found = _date_facts(_MET + "The bridge collapsed on November 3 after days of heavy rain.",
                        _MET_UNDATED + "The bridge collapsed on November 4 after days of heavy rain.",
                        FactStatus.CONFLICT)
    assert found == [["November 3", "November 4"]]


def test_a_borrowed_year_never_decides_a_weekday():
    # Undated: "6 December" lies in the year borrowed from the other article,
    # which says nothing of which weekday it was.
    found = _date_conflicts(
        "Police said the officer shot the teenager on 6 December in Exarchia. "
        "Riots followed on December 13, 2008.",
        "According to the charge sheet, the officer shot the teenager on Sunday in Exarchia.")
    assert found == []


def test_two_borrowed_years_do_not_place_a_month_against_a_day():
    # "September" may be last year's: with both years guessed from the same
    # rough reference, only days of the month are compared.
    found = _date_facts(_MET + "The cable was cut in September near the port of Alexandria.",
                        _MET_UNDATED + "The cable was cut on November 18 near the port of Alexandria.",
                        FactStatus.CONFLICT)
    assert found == []



def test_the_borrowed_year_is_not_said_beside_the_same_words_dated():
    """"the end of July" in a dated and an undated report is one text, not
    "the end of July (taken as 2013 from the reports' dates) / the end of July"."""
    from datetime import date

    from desktop.engine.facts.items import Item
    from desktop.engine.facts.notes import distinct_texts

    july = date(2013, 7, 31).toordinal()
    dated = Item("date", "D", 0, 16, "the end of July", lo=july - 10, hi=july)
    undated = Item("date", "A", 0, 16, "the end of July", lo=july - 10, hi=july, extra={"year_borrowed": True})
    assert distinct_texts([undated, dated]) == ["the end of July"]
    early = Item("date", "A", 0, 13, "early August", lo=july + 1, hi=july + 10, extra={"year_borrowed": True})
    assert distinct_texts([early, dated]) == ["early August (taken as 2013 from the reports' dates)",
                                              "the end of July"]
