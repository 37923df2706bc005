"""Article bodies from web pages by the extractor (issue 14), its fallbacks,
hostile markup, and plain text that keeps an article's own short sentences."""
import socket
import sys
import time

import pytest

from conftest import ROOT
from desktop.engine.errors import IngestError
from desktop.engine.ingest import document_from_text, html as html_reader, read_html

DATA = ROOT.parent / "shared" / "data" / "article-extraction"

PARAGRAPHS = [
    "The council voted on Tuesday to close the Elm Street bridge for repairs after engineers "
    "found cracks in two of its steel beams during a routine inspection last month.",
    "Engineers said the work would take at least three weeks and cost about $1.5 million, "
    "which the state has agreed to pay from its emergency fund for local roads.",
    "Residents on the east side said the closure came as a surprise, and several shop owners "
    "asked the council to run a shuttle bus across the river while the work goes on.",
    "The mayor said a shuttle would start on Monday and run every twenty minutes.",
    "The bridge remains closed.",
]


def _page(body_paragraphs, extra_in_article="", head=""):
    paras = "".join(f"<p>{p}</p>" for p in body_paragraphs)
    return f"""<!doctype html><html><head><title>Elm Street bridge closes | Hartwell Gazette</title>
    <meta property="og:title" content="Elm Street bridge closes">
    <meta property="og:site_name" content="Hartwell Gazette">{head}</head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
    <main><article><h1>Elm Street bridge closes</h1>
    <div class="byline">By Dana Ruiz</div>
    <div class="article-body">
    <div class="share-bar"><a>Share on Facebook</a><a>Share on X</a><a>Email</a><span>1.2k shares</span></div>
    {paras}{extra_in_article}
    <div class="newsletter-signup"><p>Get the Gazette's morning briefing in your inbox every weekday before seven o'clock.</p></div>
    </div>
    <aside class="related-stories"><h3>Related stories</h3><ul><li><a>Bus drivers vote to strike over pay and hours next month</a></li></ul></aside>
    </article></main>
    <footer>Copyright © 2026 Hartwell Gazette. All rights reserved.</footer></body></html>"""


def _read(markup: str):
    return read_html(markup.encode("utf-8"), "page.html")


def test_extractor_keeps_the_short_closing_sentence_and_drops_furniture():
    doc = _read(_page(PARAGRAPHS))
    assert doc.text.split("\n\n") == PARAGRAPHS
    for debris in ("Home", "Share on Facebook", "1.2k", "Related stories", "Bus drivers",
                   "morning briefing", "Copyright", "By Dana Ruiz"):
        assert debris not in doc.text
    assert (doc.title, doc.outlet, doc.byline) == ("Elm Street bridge closes", "Hartwell Gazette",
                                                    "Dana Ruiz")


def test_extracted_text_does_not_go_through_the_plain_text_clean_up(monkeypatch):
    from desktop.engine import ingest

    def refuse(_raw):
        raise AssertionError("the extractor's text went through clean_text")

    monkeypatch.setattr(ingest, "clean_text", refuse)
    doc = _read(_page(PARAGRAPHS))
    assert doc.text.endswith("The bridge remains closed.")


def test_the_own_parser_reads_the_page_when_the_extractor_finds_nothing(monkeypatch):
    monkeypatch.setattr(html_reader, "extract_article", lambda markup: "")
    doc = _read(_page(PARAGRAPHS))
    assert doc.text.startswith(PARAGRAPHS[0])
    assert "Share on Facebook" not in doc.text


def test_a_failing_extractor_is_not_a_failed_read(monkeypatch):
    import readability

    class Broken:
        def __init__(self, *_a, **_k):
            raise ValueError("boom")

    monkeypatch.setattr(readability, "Document", Broken)
    doc = _read(_page(PARAGRAPHS))
    assert PARAGRAPHS[1] in doc.text


def test_jsonld_body_wins_when_it_says_more_than_the_page():
    body = " ".join(PARAGRAPHS)
    markup = ("<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
              "\"headline\": \"Elm Street bridge closes\", \"articleBody\": \"" + body + "\"}"
              "</script></head><body><div id='app'><p>Elm Street bridge closes for three weeks of "
              "repairs.</p></div></body></html>")
    doc = _read(markup)
    assert doc.text == body


def test_a_page_with_only_a_menu_is_still_refused():
    with pytest.raises(IngestError, match="no article text"):
        _read("<html><body><p>Please enable JavaScript</p></body></html>")


def test_reading_a_page_never_touches_the_network(monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("network used while reading a file")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    doc = _read(_page(PARAGRAPHS, head='<link rel="canonical" href="https://gazette.example/'
                                       '2026/03/03/bridge">'))
    assert doc.text.endswith("The bridge remains closed.")


def test_publication_date_from_htmldate_then_the_own_rules():
    # htmldate finds dates the own rules miss: the canonical address of a saved
    # page, a numeric date in the byline; nothing in the head says either
    canonical = _page(PARAGRAPHS, head='<link rel="canonical" '
                      'href="https://gazette.example/2026/03/03/elm-street-bridge-closes">')
    assert _read(canonical).published == "2026-03-03"
    numeric = _page(PARAGRAPHS).replace(
        '<div class="byline">By Dana Ruiz</div>',
        '<div class="byline">By Dana Ruiz, updated <span class="date">03/03/2026</span></div>')
    assert _read(numeric).published == "2026-03-03"
    assert html_reader.page_date(numeric) == "2026-03-03"
    # and a "Posted on ... by ..." line still gives date and author when htmldate has nothing
    posted = _page(PARAGRAPHS).replace('<div class="byline">By Dana Ruiz</div>',
                                       '<p>Posted on March 3, 2026 by Tom Ashby</p>')
    doc = _read(posted)
    assert doc.published == "2026-03-03"
    assert "Posted on" not in doc.text


@pytest.mark.parametrize("name, markup", [
    ("40k unclosed comments", "<p>" + PARAGRAPHS[0] + "</p>" + "<!--" * 40000),
    ("a bare <![", "<p>" + PARAGRAPHS[0] + "</p><![" + "x" * 50000),
    ("40k <![", "<p>" + PARAGRAPHS[0] + "</p>" + "<![" * 40000),
    ("unclosed comment before the story", "<html><body><!-- a note <p>" + PARAGRAPHS[0]
     + "</p></body></html>"),
])
def test_hostile_markup_is_fast_and_does_not_crash(name, markup):
    started = time.monotonic()
    try:
        doc = _read(markup)
    except IngestError as exc:  # refusing is fine; crashing or hanging is not
        assert "internal error" not in exc.reason
    else:
        assert "Elm Street bridge" in doc.text
    assert time.monotonic() - started < 3, name


def test_stray_end_tags_do_not_make_the_own_parser_quadratic():
    markup = ("<html><body>" + "<div>" * 5000 + "<p>" + PARAGRAPHS[0] + "</p>"
              + "</span>" * 20000 + "</body></html>")
    started = time.monotonic()
    text, _info = html_reader.own_html_to_lines(markup)
    assert time.monotonic() - started < 1.5
    assert PARAGRAPHS[0] in text
    doc = _read(markup)  # and the whole reader, extractor included
    assert PARAGRAPHS[0] in doc.text


def test_closing_short_sentence_survives_the_plain_text_clean_up():
    text = ("Bridge closes for repairs\n\nBy Dana Ruiz\n\n" + "\n\n".join(PARAGRAPHS)
            + "\n\nShare on Facebook\n\nRead more.\n\nCopyright © 2026 Hartwell Gazette.\n")
    doc = document_from_text(text)
    assert doc.text.split("\n\n") == PARAGRAPHS
    assert doc.byline == "Dana Ruiz"


def test_opening_short_sentence_survives_the_plain_text_clean_up():
    opening = "It happened again."
    doc = document_from_text("Home\n\nNews\n\n" + opening + "\n\n" + "\n\n".join(PARAGRAPHS[:3]))
    assert doc.text.split("\n\n") == [opening] + PARAGRAPHS[:3]


def test_debris_after_the_story_still_goes_by_what_it_is():
    tail = ["Read more.", "Share this article.", "All rights reserved.", "12 comments",
            "Posted on March 3, 2026 by Tom Ashby"]
    doc = document_from_text("\n\n".join(PARAGRAPHS + tail))
    assert doc.text.split("\n\n") == PARAGRAPHS


@pytest.mark.skipif(not (DATA / "ground-truth.json").exists(),
                    reason="../shared/data/article-extraction is absent (see its README)")
def test_benchmark_half_f1_and_no_page_empty():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import extraction

    pages = extraction.load_pages(DATA)
    result = extraction.run_bodies("parallax", pages)
    print(f"\nbenchmark half: F1 {result['f1']:.3f} P {result['precision']:.3f} "
          f"R {result['recall']:.3f}, empty {result['empty']}, below 0.5 {result['below_half']}")
    assert result["f1"] >= 0.95
    assert result["empty"] == 0
    assert result["below_half"] == 0


def test_story_in_a_promo_classed_column_beside_teasers():
    """The page the bundle smoke check reads: the own parser alone returns the
    teasers (the story's column has a "promo" class); the extractor the story."""
    path = ROOT / "tests" / "fixtures" / "formats" / "extractor_page.html"
    from desktop.engine.ingest import read_document

    doc = read_document(path)
    assert doc.text.startswith("The council voted on Tuesday to close the Elm Street bridge")
    assert doc.text.endswith("The bridge remains closed.")
    assert "School board" not in doc.text and "By Dana Ruiz" not in doc.text
    assert (doc.title, doc.byline, doc.published, doc.outlet) == (
        "Elm Street bridge closes for three weeks", "Dana Ruiz", "2026-03-03", "Hartwell Gazette")
    own_text, _info = html_reader.own_html_to_lines(path.read_text(encoding="utf-8"))
    assert "School board" in own_text and "council voted" not in own_text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("language, text", [
    ("Korean", "서울시는 화요일 한강 다리의 보수 공사를 위해 3주 동안 통행을 막는다고 밝혔다.\n"
               "시민들은 출근길 혼잡을 걱정했다. 시는 셔틀버스를 20분마다 운행한다.\n"),
    ("Japanese", "市議会は火曜日、エルム通りの橋を修理のため三週間閉鎖することを決めた。\n"
                 "技術者によると、工事費は約一億五千万円になる見込みだ。\n住民からは驚きの声が上がった。\n"
                 "橋は閉鎖中だ。\n"),
    ("Russian", "Городской совет во вторник решил закрыть мост на Вязовой улице на ремонт.\n"
                "Инженеры говорят, что работы займут три недели и обойдутся в 1,5 миллиона.\n"),
])
def test_utf16_without_bom_in_other_scripts_is_text_not_binary(tmp_path, encoding, language, text):
    from desktop.engine.ingest import read_document

    path = tmp_path / f"{language}.txt"
    path.write_bytes((text * 3).encode(encoding))  # as Notepad's "Unicode" without a BOM
    doc = read_document(path)
    for sentence in text.split("\n")[:-1]:  # the short last one too ("橋は閉鎖中だ。")
        assert doc.text.count(sentence) == 3, (language, sentence)


def test_random_bytes_with_nuls_on_one_side_are_still_binary(tmp_path):
    from desktop.engine.ingest import read_document
    import random

    rng = random.Random(7)
    # Valid UTF-16-LE code units (no surrogates), with zero high bytes as in spaces:
    # it decodes, but into unassigned and private-use code points, not prose.
    data = bytearray()
    for i in range(2000):
        data += bytes([rng.randrange(1, 256), 0 if i % 20 == 0 else rng.randrange(0xE0, 0xF9)])
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(data))
    with pytest.raises(IngestError, match="binary|decode"):
        read_document(path)


def test_mixed_cp1252_and_utf8_keeps_both_kinds_of_quotes_and_warns(tmp_path):
    from desktop.engine.ingest import read_document

    # A UTF-8 article into which a paragraph from a Windows-1252 file was pasted
    # (a 9D byte in the UTF-8 ” made the old reader fall back to latin-1).
    utf8 = ("The council’s report said the “new rules” would cost €40 a week.\n\n"
            * 2).encode("utf-8")
    cp1252 = ("Shop owners called the plan “a disaster” and said they would appeal.\n\n"
              ).encode("cp1252")
    path = tmp_path / "mixed.txt"
    path.write_bytes(utf8 + cp1252 + utf8)
    doc = read_document(path)
    assert "Shop owners called the plan “a disaster” and said" in doc.text
    assert "The council’s report said the “new rules” would cost €40 a week." in doc.text
    assert not any(0x80 <= ord(c) <= 0x9F for c in doc.text)
    assert any("mixes two text encodings" in w for w in doc.warnings)


def _docx(document_xml: str, main: str = "word/document.xml", strict: bool = False) -> bytes:
    """A .docx laid out as Word writes it: content types, package relationships
    naming the main part, the part's own relationships, core properties."""
    import io
    import zipfile

    rel_ns = ("http://purl.oclc.org/ooxml/officeDocument/relationships" if strict
              else "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   f'<Override PartName="/{main}" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel_ns}/officeDocument" Target="/{main}"/>'
                   '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
                   'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                   '</Relationships>')
        z.writestr(main, document_xml)
        z.writestr("docProps/core.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
                   'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                   '<dc:title>Elm Street bridge closes</dc:title></cp:coreProperties>')
    return out.getvalue()


def _document_xml(ns: str) -> str:
    paras = "".join(f'<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:lang w:val="en-GB"/>'
                    f'</w:rPr><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in PARAGRAPHS)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{ns}" '
            'xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships">'
            f'<w:body>{paras}<w:sectPr/></w:body></w:document>')


@pytest.mark.parametrize("strict, main", [
    (True, "word/document.xml"),             # Word: Save as "Strict Open XML Document"
    (False, "word/document2.xml"),           # main part under another name (Word online, converters)
    (True, "word/document2.xml"),
])
def test_docx_strict_namespace_and_main_part_from_rels(tmp_path, strict, main):
    from desktop.engine.ingest import read_document

    ns = ("http://purl.oclc.org/ooxml/wordprocessingml/main" if strict
          else "http://schemas.openxmlformats.org/wordprocessingml/2006/main")
    path = tmp_path / "article.docx"
    path.write_bytes(_docx(_document_xml(ns), main=main, strict=strict))
    doc = read_document(path)
    assert doc.text.split("\n\n") == PARAGRAPHS
    assert doc.title == "Elm Street bridge closes"
