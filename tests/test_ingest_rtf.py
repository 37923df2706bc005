"""RTF as word processors write it (issue 14's measured gaps): nested-table cells, font
charsets, generator text and hyperlinks.  The files in tests/fixtures/rtf are written by
hand in the shape Word, WordPad and Aspose.Words give them."""
import re

import pytest

from conftest import ROOT
from desktop.engine.ingest import read_rtf
from desktop.engine.ingest.rtf import rtf_to_text

RTF = ROOT / "tests" / "fixtures" / "rtf"


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def _cells(text: str) -> list[str]:
    return [cell.strip() for cell in re.split(r"[\t\n]", text) if cell.strip()]


def test_nested_table_cells_are_not_glued():
    # The reader's own output: the plain-text clean-up after it is not under test here.
    text, info = rtf_to_text((RTF / "word_nested_table.rtf").read_bytes(), "turnout.rtf")
    cells = _cells(text)
    assert cells == ["Officials released the turnout by district on Monday.",
                     "Northern district", "Turnout", "62 percent", "Seats", "14",
                     "Southern district", "55 percent", "The count ends on Friday."]
    assert info["title"] == "Turnout by district"


def test_rows_end_lines_and_cells_are_separated():
    text, _ = rtf_to_text(rb"{\rtf1\ansi\trowd\cellx2000\cellx4000\pard\intbl Name\cell Age\cell\row"
                          rb"\trowd\cellx2000\cellx4000\pard\intbl Ann\cell 41\cell\row"
                          rb"\pard Officials said the table is complete.\par}", "t.rtf")
    lines = text.split("\n")
    assert _cells(lines[0]) == ["Name", "Age"] and _cells(lines[1]) == ["Ann", "41"]


WORDS = {
    222: ("cp874", "สวัสดีครับ ข่าววันนี้"),
    161: ("cp1253", "Καλημέρα από την Αθήνα"),
    204: ("cp1251", "Мост закроют на ремонт"),
    162: ("cp1254", "Köprü salı günü kapanacak"),
    177: ("cp1255", "הגשר ייסגר לשיפוצים"),
    178: ("cp1256", "سيغلق الجسر للإصلاحات"),
    238: ("cp1250", "Most bude uzavřen kvůli opravám"),
    128: ("cp932", "橋は修理のため閉鎖されます"),
}


@pytest.mark.parametrize("charset", sorted(WORDS))
def test_font_charset_decodes_the_fonts_bytes(charset):
    codec, words = WORDS[charset]
    escaped = "".join(ch if ch == " " else "".join(f"\\'{b:02x}" for b in ch.encode(codec))
                      for ch in words).encode("ascii")
    # As Word writes it: the body font is ANSI, the foreign run selects its own font.
    rtf = (rb"{\rtf1\adeflang1025\ansi\ansicpg1252\uc1\adeff0\deff0\deflang1033"
           rb"{\fonttbl{\f0\fbidi \froman\fcharset0\fprq2{\*\panose 02020603050405020304}"
           rb"Times New Roman;}{\f40\fbidi \froman\fcharset" + str(charset).encode() +
           rb"\fprq2 Foreign Font;}}"
           rb"\pard\plain \f0\fs24 Caf\'e9 opens. {\rtlch\fcs1 \af40 \ltrch\fcs0 \f40\lang1054 "
           + escaped + rb"}\f0  Caf\'e9 closes.\par}")
    doc = read_rtf(rtf, "foreign.rtf")
    assert doc.text.strip() == f"Café opens. {words} Café closes."


def test_generator_and_document_info_do_not_leak_into_the_text():
    text, info = rtf_to_text((RTF / "aspose_evaluation.rtf").read_bytes(), "aspose.rtf")
    assert "Aspose" not in text and "Evaluation" not in text
    assert _lines(text) == [
        "Officials said on Tuesday that the bridge would close for repairs.",
        "The mayor said the work would take three weeks."]
    assert info["title"] == "Bridge to close for repairs"


def test_hyperlinks_keep_the_text_and_the_url_once():
    doc = read_rtf((RTF / "wordpad_hyperlinks.rtf").read_bytes(), "links.rtf")
    assert _lines(doc.text) == [
        "The figures are in the city’s report (https://example.org/reports/bridge-2024.pdf), "
        "published on Monday.",
        "Write to desk@example.org or see https://example.org/.",
        "See the table below and page 2."]


def test_a_word_processor_document_loses_no_line_to_the_debris_clean_up():
    """Read as a user reads it: the table rows and the short closing sentence stay."""
    from desktop.engine.ingest import read_document

    doc = read_document(RTF / "word_nested_table.rtf")
    for line in ("Officials released the turnout by district on Monday.", "62 percent",
                 "Southern district", "The count ends on Friday."):
        assert line in doc.text, (line, doc.text)
    assert doc.text.rstrip().endswith("The count ends on Friday.")
