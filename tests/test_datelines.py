"""Timestamp lines as news sites print them give the article's date; sentences never do."""
import pytest

from desktop.engine.ingest import read_document
from desktop.engine.ingest.datelines import dateline_date


@pytest.mark.parametrize("line, iso", [
    ("UPDATED 05/03/2013 at 11:00 AM EDT", "2013-05-03"),
    ("12:52 p. m. EDT May 2, 2013", "2013-05-02"),
    ("Fri., May. 3, 2013 11:45 AM PDT", "2013-05-03"),
    ("June 6th, 2013 7:38pm EDT", "2013-06-06"),
    ("8/2/13 at 1:30 PM", "2013-08-02"),
    ("PUBLISHED: 22:07 GMT, 7 July 2012", "2012-07-07"),
    ("Updated Thu 6 May 2010, 9:03am AEST", "2010-05-06"),
    ("WASHINGTON, DC, April 28, 2009", "2009-04-28"),
    ("2 A. M. FEB. 4, 2009", "2009-02-04"),
    ("Posted: 04/9/2012 8:33 am Updated: 04/9/2012 8:33 am", "2012-04-09"),
    ("25/12/2011", "2011-12-25"),  # the day first when the month cannot come first
    # Signed by an agency, with the wire's place after it; clock times before a zone;
    # a day and year joined by a dash; a press release's stamp.
    ("AFP Mar 4, 2014, 09.12AM IST DELHI:", "2014-03-04"),
    ("Reuters Oct 2, 2015, 11.40PM GMT", "2015-10-02"),
    ("POSTED: 0930 GMT (1730 HKT), June 3, 2008", "2008-06-03"),
    ("Tuesday, March 12-2013 at 08:45", "2013-03-12"),
    ("FOR IMMEDIATE RELEASE August 4, 2010", "2010-08-04"),
    ("Release: 04/11/2012", "2012-04-11"),
    ("May 3, 2013 EDT", "2013-05-03"),            # the year before a zone is no clock time
    ("Thu 9 Feb 2012 UK", "2012-02-09"),
    ("First Posted: 03/14/12 07:20 PM ET Updated: 05/14/12 05:12 AM ET", "2012-03-14"),  # posted, not updated
    ("Published: June 2, 2014 Updated: June 3, 2014", "2014-06-02"),
])
def test_a_timestamp_line_gives_its_date(line, iso):
    assert dateline_date(line) == iso


@pytest.mark.parametrize("line", [
    "Three people died May 3, 2013.",
    "The gang member shot him outside a building in 2005.",
    "By Dana Reyes, May 3, 2013",     # a byline: read by the byline rule, not as a bare date
    "May 3",                          # no year: not a date to rely on
    "13/13/2013",
    "Posted 1 year, 160 days ago",
    "Reuters said on May 3, 2013",        # a sentence that names an agency
    "Found March 8, 2013",                # a headline's word is no padding
    "Harbour reopened: 4 November 2011",  # a headline that ends on a date
])
def test_a_line_that_is_more_than_a_date_gives_none(line):
    assert dateline_date(line) is None


def test_a_pasted_article_with_its_timestamp_line_is_dated(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("UPDATED 05/03/2013 at 11:00 AM EDT\n\n"
                    "The actress checked into a treatment centre in Malibu on Thursday, her "
                    "publicist said, and will stay there for several weeks.\n", encoding="utf-8")
    document = read_document(path)
    assert document.published == "2013-05-03"
    assert "11:00 AM" not in document.text


def test_a_long_timestamp_line_is_no_title_and_no_sentence(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Harbour workers return after strike\n\n"
                    "Dock workers went back to the gates on Wednesday after a two-day strike over pay, "
                    "the union said, and the first ships were unloaded by the evening.\n\n"
                    "PUBLISHED: WEDNESDAY, JUNE 4, 2014, 6:05 PM\n\n"
                    "UPDATED: THURSDAY, JUNE 5, 2014, 8:15 AM\n\n"
                    "The port authority said it expected the backlog of container ships to clear "
                    "within a week, and that no cargo had been lost.\n", encoding="utf-8")
    document = read_document(path)
    assert document.published == "2014-06-04"  # the first stamp
    assert document.title == "Harbour workers return after strike"
    assert "PUBLISHED" not in document.text and "UPDATED" not in document.text
    assert document.text.startswith("Dock workers went back") and "The port authority" in document.text

    path.write_text("Harbour workers return after strike\n\n"
                    "PUBLISHED: WEDNESDAY, JUNE 4, 2014, 6:05 PM\n\n"
                    "UPDATED: THURSDAY, JUNE 5, 2014, 8:15 AM\n\n"
                    "Dock workers went back to the gates on Wednesday after a two-day strike over pay, "
                    "the union said, and the first ships were unloaded by the evening.\n", encoding="utf-8")
    document = read_document(path)
    assert document.published == "2014-06-04" and document.title == "Harbour workers return after strike"


def test_a_line_that_starts_with_a_date_but_says_more_stays(tmp_path):
    path = tmp_path / "timeline.txt"
    path.write_text("Posted: 06/05/2014 9:12 am\n\n"
                    "June 4, 2014: the day the port stood still\n\n"
                    "Dock workers walked out at dawn on Monday and the gates stayed shut for two days, "
                    "the union said, while the port authority counted the ships waiting offshore.\n\n"
                    "June 2, 2014: union and port talks break down\n\n"
                    "Negotiators for both sides left the table after eleven hours without a deal on "
                    "pay, and the union called the strike that evening.\n", encoding="utf-8")
    document = read_document(path)
    assert document.published == "2014-06-05"
    assert document.title == "June 4, 2014: the day the port stood still"  # after a stamp, a headline
    assert "June 2, 2014: union and port talks break down" in document.text


def test_a_file_holding_only_a_timestamp_is_no_article(tmp_path):
    from desktop.engine.errors import IngestError

    path = tmp_path / "stamp.txt"
    path.write_text("Sat., Jun. 7, 2014 10:20 AM PDT\n\n\n", encoding="utf-8")
    with pytest.raises(IngestError, match="no article text"):
        read_document(path)


@pytest.mark.parametrize("first, title", [
    ("Novemer 27, 2005", None),  # ECB+ 20_5ecbplus: the app listed the report under this name
    ("Apollo 11, 1969", "Apollo 11, 1969"),  # that shape, but no month in it: a headline
])
def test_a_date_line_with_a_misspelt_month_is_no_title(tmp_path, first, title):
    path = tmp_path / "quake.txt"
    path.write_text(first + "\n\nAn earthquake shook an island in the Persian Gulf on Sunday, flattening "
                    "seven villages and killing ten people, officials said.\n", encoding="utf-8")
    document = read_document(path)
    assert (document.title or None) == title
    assert document.text.startswith("An earthquake shook")
