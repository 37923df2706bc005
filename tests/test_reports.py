"""Reports: HTML, Markdown, CSV and PDF, on the seeds and on a built comparison with facts."""
from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import tempfile
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest import SEED_003, SEED_004
from desktop import __version__
from desktop.engine import compare_files
from desktop.engine.model import Article, Comparison, Fact, Group, Mention
from desktop.engine.pipeline import _with_diffs
from desktop.engine.report import CSV_COLUMNS, RENDERERS, ReportOptions, build_view
from desktop.engine.report.mdescape import md_text
from desktop.engine.segment import segment

FIXED = ReportOptions(generated=datetime(2026, 11, 22, 10, 40, tzinfo=timezone.utc))

BRIDGE_A = ("The city council voted 7-2 on Tuesday to approve a $40 million bridge over the river. "
            "Mayor Jane Ortiz called it “a historic day”. Construction will begin in March.\n\n"
            "Critics said the cost was too high.")
BRIDGE_B = ("On Tuesday the city council voted 6-3 to approve a $45 million bridge across the river. "
            "Mayor Jane Ortiz called the vote “a historic day for us”. Work starts in April.\n\n"
            "The bridge will carry two lanes and a cycle path.")
BRIDGE_C = "The school board met on Monday to discuss lunch menus. No vote was taken."


def build(texts, groups, facts=(), unrelated=()):
    """A comparison made by hand: ``texts`` id -> (title, outlet, text); ``groups`` of ids.

    ``facts``: (id, kind, status, note, [(article, words, value, speaker), ...]).
    """
    articles = []
    for aid, (title, outlet, text) in texts.items():
        articles.append(Article(aid, f"/home/reporter/private/{aid.lower()}.txt", text,
                                segment(text, aid), title=title, outlet=outlet,
                                byline="Staff" if aid == "A" else None,
                                published="2026-11-17", related=aid not in unrelated))
    built_groups = [_with_diffs(Group(f"G{n}", tuple(pids), 0.8), articles)
                    for n, pids in enumerate(groups, start=1)]
    lookup = {a.id: a for a in articles}
    built_facts = []
    for fid, kind, status, note, mentions in facts:
        ms = []
        for aid, words, value, speaker in mentions:
            article = lookup[aid]
            start = article.text.index(words)
            passage = next(p for p in article.passages if p.start <= start < p.end)
            ms.append(Mention(aid, passage.id, start, start + len(words), words, value, speaker))
        built_facts.append(Fact(fid, kind, status, None, note, tuple(ms)))
    return Comparison(tuple(articles), tuple(built_groups), tuple(built_facts))


@pytest.fixture(scope="module")
def bridge():
    return build(
        {"A": ("Council approves bridge", "The Courier", BRIDGE_A),
         "B": ("Council backs river bridge", "Daily Post", BRIDGE_B),
         "C": ("School board talks lunch", "Gazette", BRIDGE_C)},
        [("A1", "B1"), ("A2", "B2"), ("A3", "B3")],
        [("F1", "number", "conflict", "The vote count differs.",
          [("A", "7-2", "7-2", None), ("B", "6-3", "6-3", None)]),
         ("F2", "money", "conflict", "The cost of the bridge differs.",
          [("A", "$40 million", 40000000, None), ("B", "$45 million", 45000000, None)]),
         ("F3", "date", "agree", "Both date the vote to Tuesday.",
          [("A", "Tuesday", "2026-11-17", None), ("B", "Tuesday", "2026-11-17", None)]),
         ("F4", "quote", "single", "Only A quotes critics.",
          [("A", "the cost was too high", None, "Critics")])],
        unrelated=("C",))


@pytest.fixture(scope="module")
def seeds():
    return compare_files([str(SEED_003), str(SEED_004)])


# --- HTML ---------------------------------------------------------------------------------

def test_facts_are_named_apart_from_passages(bridge):
    """"F1" is also article F's first passage: a report names facts "fact 1"."""
    text = RENDERERS["md"](bridge, FIXED)
    assert "(fact 1 · " in text and "conflict: fact 1, fact 2" in text and "- Fact 3: " in text
    assert "(F1 · " not in text and "conflict: F1" not in text
    page = RENDERERS["html"](bridge, FIXED)
    assert '<a href="#F1">fact 1</a>' in page and 'id="F1"' in page  # anchors keep the contract's ids


def test_html_has_the_content(bridge):
    page = RENDERERS["html"](bridge, FIXED)
    assert page.startswith("<!DOCTYPE html>")
    for title in ("Council approves bridge", "Council backs river bridge", "School board talks lunch"):
        assert title in page
    assert "The Courier" in page and "Daily Post" in page and "2026-11-17" in page
    assert "Different event." in page
    # conflicts first, in plain words, with each article's words
    assert page.index("The vote count differs.") < page.index('id="aligned"')
    assert "<q>7-2</q>" in page and "<q>6-3</q>" in page and "= 40,000,000" in page
    # side by side: one column per compared article (the unrelated C has none)
    table = page[page.index('<table class="aligned'):page.index("</table>", page.index('<table class="aligned'))]
    assert table.count('<th scope="col">') == 3  # group + A + B
    assert "<del>7-2 on Tuesday</del>" in table and "<ins>6-3</ins>" in table
    assert "<ins>On Tuesday</ins>" in table and "<del>over</del>" in table
    # passages in only one article
    only = page[page.index('id="only-one"'):]
    assert "Critics said the cost was too high." in only and "cycle path" in only
    assert f"Parallax {__version__}" in page and "22 November 2026" in page


def test_html_is_self_contained_and_scriptless(bridge):
    page = RENDERERS["html"](bridge, FIXED)
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "@media print" in page and "landscape" in page
    assert "/home/reporter/private" not in page  # only file names are shown


def test_html_options_select_articles_and_conflicts(bridge):
    page = RENDERERS["html"](bridge, ReportOptions(articles=("B", "A"), conflicts_only=True))
    assert "School board" not in page
    assert "The vote count differs." in page
    assert 'id="only-one"' not in page and "Only A quotes critics" not in page
    head = page[page.index("<thead>"):page.index("</thead>")]
    assert head.index("Daily Post") < head.index("The Courier")  # the order asked for
    with pytest.raises(ValueError):
        RENDERERS["html"](bridge, ReportOptions(articles=("A", "Z")))


def test_marks_read_against_first_article(bridge):
    view = build_view(bridge)
    row = view.rows[0]
    a, b = row.cells
    assert {s.mark for s in a.spans} <= {"", "del"} and {s.mark for s in b.spans} <= {"", "ins"}
    assert "".join(s.text for s in a.spans) == bridge.article("A").passage_text(
        bridge.article("A").passages[0])
    assert row.conflicts == ("F1", "F2")
    assert view.pairs[0].shared_a == 3 and view.pairs[0].conflicts == 2



def test_reference_struck_only_where_most_others_differ():
    """With four outlets, a word one of them words otherwise is not struck in the reference;
    a word three of three leave out is."""
    lead = "Four men rammed their car into an upmarket jewellery store in central Paris on Monday."
    texts = {"A": ("Wire", "Wire", lead),
             "B": ("Copy", "Copy", lead.replace("jewellery", "jewelry")),
             "C": ("Copy 2", "Copy 2", lead.replace(" on Monday", "")),
             "D": ("Copy 3", "Copy 3", lead.replace(" on Monday", "").replace("upmarket", "luxury"))}
    view = build_view(build(texts, [["A1", "B1", "C1", "D1"]]))
    struck = [s.text for s in view.rows[0].cells[0].spans if s.mark == "del"]
    assert struck == ["on Monday"]  # C and D lack it; only B spells jewellery otherwise
    two = build_view(build({k: texts[k] for k in "AB"}, [["A1", "B1"]]))
    assert [s.text for s in two.rows[0].cells[0].spans if s.mark == "del"] == ["jewellery"]


# --- Markdown -----------------------------------------------------------------------------

def test_markdown_has_the_content(bridge):
    text = RENDERERS["md"](bridge, FIXED)
    assert text.startswith("# Comparison report: Council approves bridge")
    assert "## Conflicts" in text and "**The vote count differs.**" in text
    assert text.index("## Conflicts") < text.index("## Aligned passages")
    assert "~~7-2 on Tuesday~~" in text and "**6-3**" in text
    assert "different event" in text and "Critics said the cost was too high." in text
    assert f"Parallax {__version__}" in text
    assert text.startswith("# Comparison report: Council approves bridge — and 2 other reports\n")


def test_a_run_of_passages_found_in_one_article_names_them_all():
    texts = {"A": ("Bridge", "Courier", "The council approved the bridge on Tuesday.\n\n"
                                        "Critics said it was too costly. They plan to appeal."),
             "B": ("Bridge", "Post", "On Tuesday the council approved the bridge.")}
    comparison = build(texts, [["A1", "B1"]])
    markdown = RENDERERS["md"](comparison, FIXED)
    assert "A2–A3: Critics said it was too costly. They plan to appeal." in markdown
    assert "· 7 words, 1 passage\n" in markdown  # not "1 passages"
    assert '<span class="pid">A2–A3</span>' in RENDERERS["html"](comparison, FIXED)


def test_the_summary_says_which_set_apart_articles_report_one_other_event(bridge):
    from dataclasses import replace

    from desktop.engine.report.text import summary_lines

    c = bridge.article("C")
    d = replace(c, id="D", passages=tuple(replace(p, id="D" + p.id[1:]) for p in c.passages))
    e = replace(c, id="E", passages=tuple(replace(p, id="E" + p.id[1:]) for p in c.passages))
    # C alone; D and E together in another cluster.
    articles = (bridge.articles[0], bridge.articles[1], replace(c, event=2), replace(d, event=3),
                replace(e, event=3))
    lines = summary_lines(build_view(replace(bridge, articles=articles)))
    assert "C was judged to report a different event and left out of the comparison." in lines
    assert "D and E were judged to report another event, the same one, and left out of the comparison." in lines
    # Each alone: different events, not one.
    articles = articles[:3] + (replace(d, event=3), replace(e, event=4))
    lines = summary_lines(build_view(replace(bridge, articles=articles)))
    assert "C, D and E were judged to report different events and left out of the comparison." in lines


def test_with_many_articles_the_summary_gives_one_sentence_per_article():
    from desktop.engine.report.text import summary_lines

    lead = "Four men rammed their car into a jewellery store in Paris on Monday. "
    fire = "They then set fire to the car and escaped in another. "
    texts = {aid: (aid, aid, lead + (fire if aid in "ABC" else "Police were at the scene. ") + "It was cold.")
             for aid in "ABCDE"}
    both = build(texts, [[f"{a}1" for a in "ABCDE"], ["A2", "B2", "C2"]])
    lines = summary_lines(build_view(both))
    assert len(lines) == 5  # not ten, one per pair
    assert lines[0] == ("A tells 2 of its 3 passages (67%) as another article does too; most with B and C "
                        "(2 each), fewest with D and E (1 each); no conflicting facts.")
    assert lines[3].startswith("D tells 1 of its 3 passages (33%) as another article does too; most with")
    few = build({a: texts[a] for a in "ABCD"}, [[f"{a}1" for a in "ABCD"]])
    assert len(summary_lines(build_view(few))) == 6  # four articles: a sentence per pair still


# --- hostile article text -----------------------------------------------------------------

EVIL = ("Officials met <script>document.title='pwned'</script> on Friday. "
        "A photo <img src=x onerror=\"document.title='pwned'\"> was shown. "
        "Read [the statement](javascript:alert('pwned')) now. "
        "Tracked ![pixel](http://tracker.example/p.gif) here. "
        "Stars *and* _under_ `code` | pipe & &amp; entity <http://evil.example> done.")
EVIL_B = ("Officials met <script>document.title='pwned'</script> on Saturday. "
          "Read [the statement](javascript:alert('pwned')) today.")


@pytest.fixture(scope="module")
def hostile():
    return build(
        {"A": ("<b onmouseover=\"alert(1)\">Title</b>", "Out\"let' <x>", EVIL),
         "B": ("[click](javascript:alert(1))", "![t](http://tracker.example/t.gif)", EVIL_B)},
        [("A1", "B1"), ("A3", "B2")],
        [("F1", "date", "conflict", "Day <script>alert(1)</script> differs",
          [("A", "Friday", "<img src=x onerror=alert(1)>", "<script>x</script>"),
           ("B", "Saturday", "[a](javascript:x)", None)])])


def test_html_escapes_article_text(hostile):
    page = RENDERERS["html"](hostile, FIXED)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower() and "<b onmouseover" not in page
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page
    assert "onerror=&quot;document.title" in page
    assert 'href="javascript' not in page and "<a href=\"http" not in page


def _unescaped(markdown_text):
    """The Markdown with every backslash escape removed: what is left is live syntax."""
    return re.sub(r"\\[\\`*_\[\]{}<>!|~&$#+\-=.)]", "", markdown_text)


def test_markdown_neutralises_article_text(hostile):
    live = _unescaped(RENDERERS["md"](hostile, FIXED))
    assert "<" not in live and ">" not in live
    assert "](" not in live and "![" not in live and "[" not in live
    assert "&amp;" not in live and "`" not in live


def test_md_text_escapes():
    assert md_text("[x](javascript:alert(1))") == r"\[x\](javascript\:alert(1))"
    assert md_text("![t](http://t)") == r"\!\[t\](http\://t)"
    assert md_text("<img src=x onerror=y>") == "&lt;img src=x onerror=y&gt;"
    assert md_text("# not a heading") == r"\# not a heading"
    assert md_text("1. not a list") == r"1\. not a list"
    assert md_text("2)") == r"2\)"
    # A figure quoted in a conflict ("6.1" beside "5.9") can start no list: no backslash.
    assert md_text("6.1") == "6.1" and md_text("1,400.") == "1,400."
    assert md_text("a\n\n- b") == r"a \- b".replace(r"\-", "-")
    assert md_text("U.S. officials, 3.5% — fine") == "U.S. officials, 3.5% — fine"


def test_chromium_runs_nothing_from_articles(hostile, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") \
        or shutil.which("google-chrome")
    if not chromium:
        pytest.skip("chromium is not installed: cannot load the report in a real browser")
    page = tmp_path / "hostile.html"
    page.write_text(RENDERERS["html"](hostile, FIXED), encoding="utf-8")
    profile = tempfile.mkdtemp()
    try:
        out = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=90)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    dom = out.stdout
    assert "<body" in dom, out.stderr[-2000:]
    title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert "pwned" not in title
    assert "<script" not in dom.lower() and "<img" not in dom.lower()
    assert not re.search(r"<[a-z][^<>]*\s(onmouseover|onerror)\s*=", dom, re.I)
    assert not re.search(r"<a\s[^<>]*href=\"(?!#)", dom, re.I)  # only our own #anchors


# --- CSV ----------------------------------------------------------------------------------

def test_csv_one_row_per_mention(bridge):
    rows = list(csv.reader(io.StringIO(RENDERERS["csv"](bridge, FIXED))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert set(CSV_COLUMNS) >= {"fact", "kind", "status", "note", "article", "text", "value",
                                "speaker"}
    assert len(rows) - 1 == sum(len(f.mentions) for f in bridge.facts)
    records = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert records[0]["fact"] == "F1" and records[0]["status"] == "conflict"  # conflicts first
    money = [r for r in records if r["fact"] == "F2"]
    assert [r["value"] for r in money] == ["40000000", "45000000"]
    assert [r["speaker"] for r in records if r["fact"] == "F4"] == ["Critics"]


def test_csv_defuses_formulas(hostile):
    formula = build({"A": ("t", "o", "Cost =SUM(A1:A9) today."), "B": ("t", "o", "Cost -5 today.")},
                    [("A1", "B1")],
                    [("F1", "number", "conflict", "=HYPERLINK(\"http://x\")",
                      [("A", "=SUM(A1:A9)", None, "@boss"), ("B", "-5", -5, None)])])
    rows = list(csv.reader(io.StringIO(RENDERERS["csv"](formula))))
    assert rows[1][CSV_COLUMNS.index("note")].startswith("'=")
    assert rows[1][CSV_COLUMNS.index("text")] == "'=SUM(A1:A9)"
    assert rows[1][CSV_COLUMNS.index("speaker")] == "'@boss"
    assert rows[2][CSV_COLUMNS.index("value")] == "-5"  # numbers stay numbers
    assert len(list(csv.reader(io.StringIO(RENDERERS["csv"](hostile))))) == 3


# --- seeds and the command line -----------------------------------------------------------

def test_every_format_on_the_seeds(seeds):
    for fmt, render in RENDERERS.items():
        out = render(seeds)
        assert isinstance(out, str) and out
        if fmt != "csv":
            assert "Trump and Mamdani" in out
    assert RENDERERS["csv"](seeds).splitlines()[0] == ",".join(CSV_COLUMNS)


def _pdf_pages(path):
    if not shutil.which("pdfinfo"):
        return None
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1)), info


def test_pdf(bridge, tmp_path):
    from desktop.report_pdf import render_pdf
    data = render_pdf(bridge, FIXED)
    assert data.startswith(b"%PDF")
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    pages = _pdf_pages(path)
    if pages is None:
        pytest.skip("poppler-utils not installed: page checks skipped")
    count, info = pages
    assert count >= 1
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert float(size.group(1)) > float(size.group(2))  # landscape
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
        text = " ".join(unicodedata.normalize("NFKC", text).split())  # ligatures apart
        assert "The vote count differs." in text and "Council backs river bridge" in text
        assert f"page 1 of {count}" in text
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
        rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
        assert rows and all("yes" in row[-5:-2][0:1] for row in rows)


def test_cli_writes_every_format(tmp_path):
    from desktop.cli import main
    outs = {fmt: tmp_path / f"report.{fmt}" for fmt in ("html", "pdf", "md", "csv", "json")}
    argv = ["compare", str(SEED_003), str(SEED_004)]
    for fmt, path in outs.items():
        argv += [f"--{fmt}", str(path)]
    assert main(argv) == 0
    assert outs["pdf"].read_bytes().startswith(b"%PDF")
    assert "<!DOCTYPE html>" in outs["html"].read_text(encoding="utf-8")
    assert outs["md"].read_text(encoding="utf-8").startswith("# Comparison report")
    assert outs["csv"].read_text(encoding="utf-8").startswith("fact,kind,status")
    assert '"parallax.comparison/1"' in outs["json"].read_text(encoding="utf-8")


def test_pdf_says_why_an_article_was_set_apart(bridge):
    # The HTML and Markdown reports gave the reason; the PDF only said "Different event".
    from dataclasses import replace

    from desktop.report_pdf import qt_html
    from desktop.engine.report import build_view
    note = "Reports another event: 1 sentence of 6 told again in the main story; 0 of its 3 names in common."
    articles = tuple(replace(a, event_note=note) if not a.related else a for a in bridge.articles)
    html = qt_html(build_view(replace(bridge, articles=articles), FIXED))
    assert "left out of the alignment." in html
    assert "1 sentence of 6 told again in the main story; 0 of its 3 names in common." in html
    assert "Reports another event:" not in html  # the flag already says so


def test_pdf_column_heads_break_file_names_between_parts(bridge):
    # Nine ECB+ reports in a landscape PDF: Qt broke "20_1ecbplus.t" / "xt" where a column ended.
    from dataclasses import replace

    from desktop.report_pdf import qt_html
    from desktop.engine.report import build_view
    articles = tuple(replace(a, source=f"/news/20_{n}ecbplus.txt", outlet=None, title=None)
                     for n, a in enumerate(bridge.articles, 1))
    html = qt_html(build_view(replace(bridge, articles=articles), FIXED))
    assert "20_\u200b1ecbplus\u200b.txt" in html  # may break after "_" and before ".txt" only
    from desktop.report_pdf import _column_label
    titled = replace(bridge.articles[0], outlet=None, title="Quake of magnitude 6.1")
    assert _column_label(titled) == "Quake of magnitude 6.1"  # a figure is no file extension


def test_pdf_shows_article_markup_as_text(hostile, tmp_path):
    from desktop.report_pdf import qt_html, render_pdf
    from desktop.engine.report import build_view
    html = qt_html(build_view(hostile, FIXED))
    assert "<script" not in html.lower() and "<img" not in html.lower()
    data = render_pdf(hostile, FIXED)
    assert data.startswith(b"%PDF")
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils not installed: text check skipped")
    path = tmp_path / "h.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "<script>document.title='pwned'</script>" in " ".join(text.split())


def test_markdown_options(bridge):
    text = RENDERERS["md"](bridge, ReportOptions(articles=("A", "B"), conflicts_only=True))
    assert "Gazette" not in text and "## Found in only one article" not in text
    assert "### G1" in text and "### G2" not in text  # only the rows holding a conflict
    assert "Only A quotes critics" not in text


def test_markdown_marks_sit_where_commonmark_honours_them():
    from desktop.engine.report.as_markdown import spans_md
    from desktop.engine.report.view import Span as S
    assert spans_md([S("“", "del"), S("We ", ""), S("don’t have", "del"), S(" us.", "")]) \
        == "“We ~~don’t have~~ us."
    assert spans_md([S("For Mamdani", ""), S(", the meeting was", "ins"), S(" it", "")]) \
        == "For Mamdani, **the meeting was** it"
    assert spans_md([S("$", ""), S("45", "ins"), S(" million", "")]) == r"\$**45** million"


def test_export_report_picks_the_format_from_the_suffix(bridge, tmp_path):
    from desktop.cli import use_pdf_writer
    from desktop.engine.report import export_report, format_for
    use_pdf_writer()  # a front end registers Qt's PDF writer; the engine cannot import it
    assert format_for("x/Report.HTM") == "html" and format_for("a.markdown") == "md"
    assert format_for("notes.txt") is None
    for name in ("r.html", "r.md", "r.csv", "r.json", "r.pdf"):
        written = export_report(bridge, tmp_path / name, options=FIXED)
        assert written.stat().st_size > 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert "parallax.comparison/1" in (tmp_path / "r.json").read_text(encoding="utf-8")
    export_report(bridge, tmp_path / "report", fmt="md")
    assert (tmp_path / "report").read_text(encoding="utf-8").startswith("# Comparison report")
    with pytest.raises(ValueError):
        export_report(bridge, tmp_path / "notes.txt")


def test_md_text_leaves_intraword_underscores():
    assert md_text("003_4ecc2cef7e96f6a9.txt") == "003_4ecc2cef7e96f6a9.txt"
    assert md_text("_emphasis_ and __strong__") == r"\_emphasis\_ and \_\_strong\_\_"


def test_report_is_stamped_when_made_not_when_imported(bridge, monkeypatch):
    from desktop.engine.report import options as options_module
    later = datetime(2031, 1, 2, 3, 4, tzinfo=timezone.utc)
    monkeypatch.setattr(options_module, "_now", lambda: later)
    assert "2 January 2031" in RENDERERS["html"](bridge)
    assert "2 January 2031" in RENDERERS["md"](bridge)


def test_edge_cases_render(bridge):
    from desktop.report_pdf import render_pdf
    empty = Comparison((), ())
    odd_fact = Fact("F9", "number", "conflict", None, "", (
        Mention("A", None, 10_000, 10_005, "far away", (1, 2), None),
        Mention("B", "B99", 0, 3, "On ", {"low": 1, "high": 2}, None)))
    odd = Comparison(bridge.articles, bridge.groups, (odd_fact,))
    for comparison in (empty, odd):
        for render in RENDERERS.values():
            assert isinstance(render(comparison), str)
        assert render_pdf(comparison).startswith(b"%PDF")
    only_a = RENDERERS["html"](bridge, ReportOptions(articles=("A",)))
    assert "Critics said the cost was too high." in only_a and 'class="aligned' not in only_a


def test_pdf_page_numbers_match_pages_when_headings_move(tmp_path):
    """Many conflicts push fact notes to page ends; the page count must stay right."""
    from desktop.report_pdf import render_pdf
    many = build({"A": ("Council approves bridge", "The Courier", BRIDGE_A),
                  "B": ("Council backs river bridge", "Daily Post", BRIDGE_B)},
                 [("A1", "B1"), ("A2", "B2"), ("A3", "B3")],
                 [(f"F{n}", "number", "conflict", f"Conflict number {n} about the vote.",
                   [("A", "7-2", "7-2", None), ("B", "6-3", "6-3", None)]) for n in range(1, 40)])
    path = tmp_path / "many.pdf"
    path.write_bytes(render_pdf(many, FIXED))
    if not (shutil.which("pdfinfo") and shutil.which("pdftotext")):
        pytest.skip("poppler-utils not installed")
    count, _ = _pdf_pages(path)
    assert count > 2
    for page in range(1, count + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert f"page {page} of {count}" in text
    everything = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                check=True).stdout
    everything = " ".join(unicodedata.normalize("NFKC", everything).split())
    assert all(f"Conflict number {n} about the vote." in everything for n in range(1, 40))
    assert "Work starts in April." in everything  # the aligned rows after the conflicts


# --- one table of formats -----------------------------------------------------------------

def test_one_table_of_formats_feeds_the_command_line_the_dialog_and_export(
        bridge, tmp_path, monkeypatch, qtbot):
    """A format added to the table shows up everywhere: no front end keeps a list of its own."""
    from desktop import cli
    from desktop.app.export_dialog import ExportDialog
    from desktop.engine.report import export_report, format_for
    from desktop.engine.report.formats import FORMATS, ReportFormat
    assert list(FORMATS) == ["html", "pdf", "md", "csv", "json"]
    extra = ReportFormat("txt", ".txt", "Plain text (test)", "Plain text (*.txt)", "A test format.",
                         "write plain text", lambda c, o=None: "plain " + c.articles[0].id)
    monkeypatch.setitem(FORMATS, "txt", extra)
    # The command line: one option a format.
    options = {a.dest for a in cli.build_parser()._subparsers._group_actions[0]
               .choices["compare"]._actions}
    assert set(FORMATS) <= options
    # The dialog: the table's labels, in its order, and its suffix for the file name.
    dialog = ExportDialog(bridge, str(tmp_path), "txt", "report")
    qtbot.addWidget(dialog)
    assert [dialog.format_box.itemText(i) for i in range(dialog.format_box.count())] == \
        [f.label for f in FORMATS.values()]
    assert dialog.path().endswith("report.txt") and dialog.format() == "txt"
    # Export: the suffix finds the format, the table's renderer writes it.
    assert format_for("x.txt") == "txt"
    assert export_report(bridge, tmp_path / "r.txt").read_text(encoding="utf-8") == "plain A"
    code = cli.main(["compare", str(SEED_003), str(SEED_004), "--txt", str(tmp_path / "c.txt")])
    assert code == 0 and (tmp_path / "c.txt").read_text(encoding="utf-8").startswith("plain")


def test_the_engine_never_imports_the_qt_pdf_writer():
    import desktop.engine.report as report
    for path in Path(report.__file__).parent.glob("*.py"):
        assert "report_pdf" not in path.read_text(encoding="utf-8").replace(
            "desktop.report_pdf`", ""), f"{path.name} reaches for the Qt PDF writer"


def test_a_paragraph_printed_twice_is_one_mention_in_the_reports():
    # ECB+ 33_3ecb prints the prosecutor's quote twice, word for word: the report listed it twice.
    from desktop.engine.ingest import document_from_text
    from desktop.engine.pipeline import compare
    from desktop.engine.report import build_view

    quote = ('"As that little girl lay bleeding to death on the sidewalk, this defendant pedaled off and '
             'got rid of the evidence," prosecutor David Rossi said.')
    opening = "The murder trial of a teenager accused of killing a girl in Albany opened on Tuesday.\n\n"
    a = opening + quote + "\n\nThe jury heard from six witnesses on the first day.\n\n" + quote
    b = opening + ('Prosecutor David Rossi told the jury, "As that little girl lay bleeding on the sidewalk, the '
                   'defendant pedaled his bike away and got rid of the evidence."')
    comparison = compare([document_from_text(a, "a.txt"), document_from_text(b, "b.txt")])
    fact, = [f for f in comparison.facts if f.status == "conflict" and f.kind == "quote"]
    assert [m.article for m in fact.mentions] == ["A", "A", "B"]  # the data keeps both places
    shown, = [f for f in build_view(comparison).conflicts if f.id == fact.id]
    assert [m.article for m in shown.mentions] == ["A", "B"]  # every report renders this view


def test_a_one_line_fact_lists_each_wording_once_with_who_uses_it():
    # ECB+ 33_ecb: "Age: 10 (same) — A: "10"; C: "10"; D: "10"; E: "10"; E: "10"", and eleven
    # reports of 19_ecbplus each listed as naming "Brooklyn" after "Brooklyn named in A, B, …".
    from desktop.engine.ingest import document_from_text
    from desktop.engine.pipeline import compare
    from desktop.engine.report import build_view
    from desktop.report_pdf import qt_html

    a = ("A 10-year-old girl was killed by a stray bullet in Albany on Friday, police chief Anne Marsh "
         "said.\n\nNeighbours held a vigil on Saturday.\n\n"
         "The 10-year-old was playing outside her home when she was hit.")
    b = "Police chief Anne Marsh said a 10-year-old girl was killed by a stray bullet in Albany on Friday."
    comparison = compare([document_from_text(a, "a.txt"), document_from_text(b, "b.txt")])
    age, = [f for f in comparison.facts if f.status == "agree" and "10" in f.note]
    assert [m.article for m in age.mentions] == ["A", "A", "B"]  # the data keeps both places
    named, = [f for f in comparison.facts if f.status == "agree" and "named in" in f.note]
    markdown = RENDERERS["md"](comparison)
    line, = [l for l in markdown.splitlines() if l.startswith("- Fact") and "10" in l.split("—")[0]]
    assert line.endswith("— A, B: “10”"), line
    assert f": {named.note}\n" in markdown  # "Albany named in A, B" says it all
    html = RENDERERS["html"](comparison)
    item = html[html.index(f'<li id="{age.id}">'):]
    assert item[:item.index("</li>")].count("<q>10</q>") == 1
    pdf_html = qt_html(build_view(comparison))
    start = pdf_html.index("Age: 10")
    assert pdf_html[start:pdf_html.index("</li>", start)].count("“10”") == 1
    # Two wordings: each with the articles that use it.
    from desktop.engine.report.text import said_by
    from desktop.engine.report.view import FactView, MentionView
    mentions = tuple(MentionView(aid, None, text, "", None, ()) for aid, text in
                     (("A", "16"), ("B", "Sixteen"), ("C", "16"), ("B", "sixteen")))
    fact = FactView("F3", "number", "agree", "Age: 16 / sixteen (same)", False, None, mentions)
    assert said_by(fact) == [(["A", "C"], "16"), (["B"], "Sixteen")]


def test_a_wide_aligned_table_keeps_its_columns_readable_and_scrolls_sideways():
    # ECB+ 19_ecbplus, eleven reports: columns of 95 pixels broke "plainclothe|s" mid-word.
    from desktop.engine.report.as_html import MIN_COLUMN_REM, ROOMY_COLUMNS

    def report(count: int) -> str:
        ids = [chr(65 + n) for n in range(count)]
        texts = {aid: (f"Report {aid}", f"Outlet {aid}", "Police shot a teenager on Saturday night.")
                 for aid in ids}
        return RENDERERS["html"](build(texts, [[f"{aid}1" for aid in ids]]), FIXED)

    wide = report(ROOMY_COLUMNS + 1)
    assert f'<div class="sideways"><table class="aligned cols-{ROOMY_COLUMNS + 1}" ' \
           f'style="min-width:{5.2 + MIN_COLUMN_REM * (ROOMY_COLUMNS + 1):.1f}rem">' in wide
    assert ".sideways { overflow: auto;" in wide and "min-width: 0 !important" in wide  # printed, it fits
    # The word marks' spoken labels are placed absolutely: unless the box is their containing
    # block they sit at the table's far right outside it, and the whole page (not only the box)
    # scrolls sideways (Chromium, ECB+ 30_ecb compared whole: page 1,687 px wide in a 1,385 window).
    assert "position: absolute" in wide
    assert "position: relative" in re.search(r"\.sideways \{[^}]*\}", wide).group(0)
    narrow = report(ROOMY_COLUMNS)
    assert '<div><table class="aligned cols-6"><colgroup>' in narrow and 'class="sideways"' not in narrow


def test_an_article_ticked_back_in_says_so_in_every_report(bridge):
    # Judged another story, ticked back in by the user and compared with the story: the
    # reports must not pass it off as one of the story's own reports.
    from dataclasses import replace

    from desktop.report_pdf import qt_html
    note = "Ticked back into the story, though judged to report another event: 0 of its 3 names in common."
    ticked = bridge.articles[-1]
    articles = tuple(replace(a, related=True, event=1, event_note=note) if a is ticked else a
                     for a in bridge.articles)
    comparison = replace(bridge, articles=articles)
    html = RENDERERS["html"](comparison, FIXED)
    assert f"<strong>Ticked in.</strong> {note}" in html and "Different event." not in html
    assert f"**ticked in** ({md_text(note)})" in RENDERERS["md"](comparison, FIXED)
    pdf = qt_html(build_view(comparison, FIXED))
    assert "Ticked in." in pdf and "0 of its 3 names in common." in pdf
    # A report of the story itself carries no such line.
    plain = replace(bridge, articles=tuple(replace(a, related=True, event=1, event_note="")
                                           for a in bridge.articles))
    assert "Ticked in." not in RENDERERS["html"](plain, FIXED)
