"""Reading files: encodings, debris removal, metadata, bad input."""
import pytest

from conftest import SEEDS
from desktop.engine.errors import IngestError
from desktop.engine.ingest import read_document

SEED_000 = SEEDS / "000_64f3fec7505f8c49.txt"

BODY = ("The council voted on Tuesday to close the Elm Street bridge for repairs. "
        "Engineers said the work would take three weeks.\n\n"
        "Residents said the closure came as a surprise to everyone on the east side.\n")


def test_seed_000_body_is_free_of_web_debris():
    doc = read_document(SEED_000)
    text = doc.text
    for debris in ("• Home", "View All Result", "No Result", "SHARES", "Share197Tweet123Share",
                   "Share on Facebook", "Read more", "Copyright ©", "appeared first on",
                   "When ICE Shows Up", "Comparing Apples to Apples", "DNYUZ"):
        assert debris not in text, debris
    assert text.startswith("Zohran Mamdani was not asking for an endorsement.")
    assert text.rstrip().endswith("“If anybody is skeptical, I would say get to know him.”")


def test_seed_000_metadata_is_pulled_out_not_left_as_text():
    doc = read_document(SEED_000)
    assert doc.title == "The Wary, Warming, Wildly Consequential Alliance of Ocasio-Cortez and Mamdani"
    assert doc.published == "2025-09-22"
    assert doc.outlet == "New York Times"
    assert doc.byline == "Matt Flegenheimer"
    assert doc.title not in doc.text
    assert "September 22, 2025" not in doc.text
    assert "Matt Flegenheimer is a correspondent" not in doc.text


def test_seed_002_comments_after_the_newsletter_are_left_out():
    doc = read_document(SEEDS / "002_5abd526e33e5c8b9.txt")
    assert "JVP Action endorsed Zohran" in doc.text
    assert "certainly quite charismatic" not in doc.text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_are_detected(tmp_path, encoding):
    text = "Café owners said the “new rules” cost them €40 a week. " * 3 if encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252") else "Café owners said the new rules cost them a lot each week, all of them. " * 3
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_document(path)
    assert "Café owners said" in doc.text


def test_html_article_gives_body_and_metadata(tmp_path):
    page = """<!doctype html><html><head><title>Bridge closes | Gazette</title>
    <meta property="og:title" content="Elm Street bridge to close">
    <meta property="og:site_name" content="Hartwell Gazette">
    <meta property="article:published_time" content="2026-03-03T08:00:00Z">
    <meta name="author" content="Dana Ruiz"></head><body>
    <nav><a>Home</a><a>News</a><a>Sports</a></nav>
    <article><h1>Elm Street bridge to close</h1>
    <p>The council voted on Tuesday to close the Elm Street bridge for repairs.</p>
    <p>Engineers said the work would take three weeks and cost $1.5 million in all.</p>
    <script>alert('x')</script></article>
    <footer>Copyright © 2026 Hartwell Gazette. All rights reserved.</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "Elm Street bridge to close"
    assert doc.outlet == "Hartwell Gazette"
    assert doc.published == "2026-03-03"
    assert doc.byline == "Dana Ruiz"
    assert "council voted on Tuesday" in doc.text and "$1.5 million" in doc.text
    for debris in ("Sports", "alert", "Copyright", "Elm Street bridge to close\n"):
        assert debris not in doc.text


@pytest.mark.parametrize("make, reason", [
    (lambda p: p.write_bytes(b""), "empty"),
    (lambda p: p.write_bytes(b"  \n\n "), "empty"),
    (lambda p: p.write_bytes(bytes(range(256)) * 20), "binary"),
    (lambda p: p.mkdir(), "folder"),
    (lambda p: None, "no such file"),
])
def test_bad_input_names_the_file_and_the_reason(tmp_path, make, reason):
    path = tmp_path / "bad.txt"
    make(path)
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert str(path) in str(info.value)
    assert reason in info.value.reason


def test_unsupported_suffix_is_refused_clearly(tmp_path):
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert "unsupported file type" in info.value.reason


def _cleaned(tmp_path, text: str) -> str:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return read_document(str(path)).text


_PROSE = ("The officers said they had followed the group for several blocks before one of the young men "
          "turned toward them, and the department released a statement later that night.")


def test_a_paragraph_trailing_off_in_a_quote_is_prose_not_a_teaser(tmp_path):
    # ECB+ 19_10ecbplus: the lead paragraph ends "... his sister Mahnefah Gray said, "He has common
    # sense..." and was dropped as a teaser ("Schools close as snow ...").
    lead = ("Yesterday, the police explained that officers shot and killed a 16-year-old in Brooklyn "
            "because he allegedly pointed a gun at them. However, his relatives are skeptical of the "
            'police account; his sister said, "He has common sense...')
    text = _cleaned(tmp_path, "\n\n".join([lead, _PROSE, _PROSE, "Schools close as snow ..."]))
    assert text.startswith("Yesterday, the police explained")
    assert "Schools close as snow" not in text


def test_prose_after_a_list_it_announces_is_kept(tmp_path):
    # ECB+ 29_12ecbplus and 7_7ecbplus: the paragraphs after a play-by-play or a table of records
    # were dropped with everything after the list.
    before = ("With 90 yards to go and two time outs left in their pocket, the Chiefs ended the season "
              "for their fans by running the following plays:")
    plays = ["1st-and-10 - Quinn pass incomplete short right", "2nd-and-10 - Charles up middle for 2 yards",
             "3rd-and-8 - Hillis around right end for -2 yards", "4th-and-10 - Colquitt punt"]
    after = ("So on a day when at least nine quarterbacks threw for 300 yards or more, the Chiefs would "
             "not let their own quarterback throw the ball once on the final drive of the game.")
    text = _cleaned(tmp_path, "\n\n".join([_PROSE, _PROSE, before] + plays + [after]))
    assert "So on a day when at least nine quarterbacks" in text
    assert "4th-and-10 - Colquitt punt" in text
    # Without the colon the list ends the article, as a list of links after it would.
    text = _cleaned(tmp_path, "\n\n".join([_PROSE, _PROSE, _PROSE, before.rstrip(":") + "."] + plays + [after]))
    assert "So on a day" not in text


def test_a_one_line_item_that_looks_like_a_teaser_is_still_read(tmp_path):
    # ECB+ 5_7ecbplus: a dateline and one truncated sentence; refused as "no article text".
    text = _cleaned(tmp_path, "MONDAY, MAY 23, 2005\n\nFIRED IN PHILLY!! Sixers' Coach Jim O'Brien was fired "
                              "today and taking over will be former Portland Trailblazers Coach...\n")
    assert text.startswith("FIRED IN PHILLY!!") and "MAY 23" not in text
    with pytest.raises(IngestError, match="no article text"):
        _cleaned(tmp_path, "MONDAY, MAY 23, 2005\n")  # a stamp alone is still no article
