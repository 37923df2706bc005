"""Make the binary and derived fixtures in tests/fixtures/formats/.

    QT_QPA_PLATFORM=offscreen python scripts/make_format_fixtures.py

Writes, from text written for these tests:
  print.pdf        a three-page "print to PDF" of a news story, with a running
                   header, a footer with the page URL and "Page n of m", and
                   words broken across lines with hyphens (made with Qt's
                   QPdfWriter, then /Author and /CreationDate added by pypdf)
  columns.pdf      one page set in two columns
  article.docx     a minimal Word document (zipfile + hand-written XML)
  newsletter.eml   a multipart newsletter e-mail (text + HTML, quoted-printable)
  saved_page.mhtml news_page.html packed as a browser's "save as single file"
The HTML pages and memo.rtf next to them are written by hand.
"""
from __future__ import annotations

import io
import os
import sys
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "formats"

PDF_PARAGRAPHS = [
    "Hospital parking fees to be scrapped for night-shift staff",
    "By Aisha Bello",
    "Night-shift nurses and porters at the county hospital will no longer pay to park from "
    "June, the health trust announced on Thursday after a petition signed by more than "
    "3,000 staff.",
    "The trust said the change would cost it about £180,000 a year in lost fees, money it "
    "plans to recover by raising charges for visitors who stay longer than four hours.",
    "Staff had argued that buses do not run late enough for people who finish after "
    "midnight, leaving them no choice but to drive and pay up to £9 for a twelve-hour shift.",
    "The decision follows pressure from the state gov-\nernment, which asked every trust to "
    "review its parking charges last year, and from a well-\nknown campaign led by a retired "
    "ward sister.",
    "“This is money that was coming straight out of the pockets of the lowest-paid people "
    "in the building,” said Gemma Hartley, a union representative at the hospital.",
    "Day staff will still pay the standard rate, but the trust said it would look at "
    "their charges again when the new multi-storey car park opens in 2027.",
    "Visitors to the children’s ward and to patients receiving end-of-life care will "
    "continue to park free of charge, as they have since 2019.",
    "The trust’s board is expected to confirm the timetable at its next meeting, on "
    "May 21, after talks with the unions about how the passes will be handed out.",
]
PDF_HEADER = "Parking fees scrapped for night staff – County Herald"
PDF_FOOTER = "https://countyherald.example/news/parking-fees-night-staff"


def make_pdf(path: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import (QFont, QGuiApplication, QPageLayout, QPageSize, QPainter,
                               QPdfWriter, QTextDocument)

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    buffer = io.BytesIO()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    qbuf = QBuffer(data)
    qbuf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(qbuf)
    writer.setTitle("Hospital parking fees to be scrapped for night-shift staff")
    writer.setCreator("Parallax fixture script")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A5), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 20, 15, 20), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    painter = QPainter(writer)
    page_rect = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = page_rect.width(), page_rect.height()
    band = 90  # pixels at 300 dpi kept for the running header and footer

    doc = QTextDocument()
    font = QFont("DejaVu Serif")
    font.setPointSizeF(11)
    doc.setDefaultFont(font)
    html = [f"<h2>{PDF_PARAGRAPHS[0]}</h2>", f"<p><i>{PDF_PARAGRAPHS[1]}</i></p>"]
    for para in PDF_PARAGRAPHS[2:]:
        html.append("<p>" + para.replace("\n", "<br>") + "</p>")
    doc.setHtml("".join(html))
    # Lay the text out at the printer's resolution.
    doc.documentLayout().setPaintDevice(writer)
    doc.setPageSize(QSizeF(width, height - 2 * band))
    pages = doc.pageCount()
    small = QFont("DejaVu Sans")
    small.setPointSizeF(7)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.save()
        painter.setFont(small)
        painter.drawText(QRectF(0, 0, width, band * 0.8), Qt.AlignmentFlag.AlignLeft, PDF_HEADER)
        painter.drawText(QRectF(0, height - band * 0.8, width * 0.8, band * 0.8),
                         Qt.AlignmentFlag.AlignLeft, PDF_FOOTER)
        painter.drawText(QRectF(width * 0.8, height - band * 0.8, width * 0.2, band * 0.8),
                         Qt.AlignmentFlag.AlignRight, f"Page {page + 1} of {pages}")
        painter.restore()
        painter.save()
        painter.translate(0, band - page * (height - 2 * band))
        clip = QRectF(0, page * (height - 2 * band), width, height - 2 * band)
        doc.drawContents(painter, clip)
        painter.restore()
    painter.end()
    qbuf.close()
    del app, buffer

    from pypdf import PdfReader, PdfWriter

    out = PdfWriter(clone_from=PdfReader(io.BytesIO(bytes(data))))
    out.add_metadata({"/Author": "Aisha Bello", "/CreationDate": "D:20260312094500Z"})
    with path.open("wb") as handle:
        out.write(handle)
    print(f"{path.name}: {pages} pages")


COLUMN_LEFT = [
    "The river rose by two metres in a single night, flooding the lower town for the first "
    "time since 1998.",
    "Shopkeepers on Quay Street spent the morning carrying stock upstairs while the fire "
    "service pumped water out of the square.",
]
COLUMN_RIGHT = [
    "By noon the water had started to fall, and the council said the flood defences upstream "
    "had held.",
    "Engineers will inspect the old stone bridge on Monday before it reopens to traffic.",
]


def make_columns_pdf(path: Path) -> None:
    """A two-column page (a table with one row, two cells), as newsletters print."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
    from PySide6.QtGui import (QFont, QGuiApplication, QPageLayout, QPageSize, QPainter,
                               QPdfWriter, QTextDocument)

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    data = QByteArray()
    qbuf = QBuffer(data)
    qbuf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(qbuf)
    writer.setTitle("River floods the lower town")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    doc = QTextDocument()
    font = QFont("DejaVu Serif")
    font.setPointSizeF(10)
    doc.setDefaultFont(font)
    left = "".join(f"<p>{p}</p>" for p in COLUMN_LEFT)
    right = "".join(f"<p>{p}</p>" for p in COLUMN_RIGHT)
    doc.setHtml(f'<table width="100%" cellspacing="20"><tr><td width="50%" valign="top">{left}</td>'
                f'<td width="50%" valign="top">{right}</td></tr></table>')
    doc.documentLayout().setPaintDevice(writer)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    painter = QPainter(writer)
    doc.drawContents(painter)
    painter.end()
    qbuf.close()
    del app
    path.write_bytes(bytes(data))
    print(f"{path.name}: written")


DOCX_PARAGRAPHS = [
    ("Title", "Ferry crew strike called off after late-night deal"),
    (None, "A strike by ferry crews that would have halted crossings over the Easter weekend "
           "was called off early on Wednesday after a late-night deal on pay."),
    (None, "The union said its members would receive a 5.5 percent rise this year and a "
           "further 3 percent next April, close to what they had asked for in February."),
    (None, "Passengers who had already cancelled their bookings will be offered a full "
           "refund, the operator said in a statement."),
]


def make_docx(path: Path) -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = []
    for style, text in DOCX_PARAGRAPHS:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        # Split runs mid-word, as Word does after edits.
        half = len(text) // 2
        runs = (f'<w:r><w:t xml:space="preserve">{text[:half]}</w:t></w:r>'
                f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text[half:]}</w:t></w:r>')
        body.append(f"<w:p>{props}{runs}</w:p>")
    # A deleted revision that must not show up in the text.
    body.insert(2, '<w:p><w:del w:id="1" w:author="Ed"><w:r><w:delText>Deleted sentence that '
                   'should not appear.</w:delText></w:r></w:del></w:p>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{w}"><w:body>{"".join(body)}</w:body></w:document>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
            '<dc:title>Ferry crew strike called off</dc:title><dc:creator>J. Doe</dc:creator>'
            '</cp:coreProperties>')
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '</Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("[Content_Types].xml", types), ("word/document.xml", document),
                           ("docProps/core.xml", core)):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
    print(f"{path.name}: written")


NEWSLETTER_PARAGRAPHS = [
    "Good morning. The county council will decide on Thursday whether to close three "
    "rural libraries, and the vote is closer than it looked a week ago.",
    "Two councillors who backed the closures in January now say they want a year’s delay "
    "while volunteers try to run the branches themselves.",
    "The libraries in Ashby Cross, Fenmoor and Little Haddon lend fewer than 40 books a "
    "day between them, according to figures the council published on Monday.",
    "Campaigners plan to hand in a petition with 6,200 signatures before the meeting, "
    "which starts at 10 a.m. and will be streamed online.",
    "That’s all for today. We will send a special edition as soon as the vote is in.",
]


def make_eml(path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = "The Fenland Briefing <briefing@fenland-briefing.example>"
    msg["To"] = "reader@example.org"
    msg["Subject"] = "Library closures: the vote is closer than it looks"
    msg["Date"] = format_datetime(datetime(2026, 3, 16, 6, 45, tzinfo=timezone.utc))
    msg["Message-ID"] = "<briefing-2026-03-16@fenland-briefing.example>"
    plain = "\n\n".join(NEWSLETTER_PARAGRAPHS) + "\n\nUnsubscribe: https://fenland-briefing.example/u\n"
    msg.set_content(plain)
    body = "".join(f"<p>{p}</p>" for p in NEWSLETTER_PARAGRAPHS)
    html = f"""<html><body>
<table class="wrapper"><tr><td>
<div class="preheader" style="display:none">Three libraries, one vote, and a petition.</div>
<p class="view-online"><a href="https://fenland-briefing.example/web">View this email in your browser</a></p>
<h1>The Fenland Briefing</h1>
{body}
<div class="share"><a>Forward to a friend</a> <a>Share on Facebook</a></div>
<div class="footer"><p>You are receiving this email because you signed up for The Fenland Briefing at our website.</p>
<p><a href="https://fenland-briefing.example/u">Unsubscribe</a> · <a>Update your preferences</a></p>
<p>The Fenland Briefing, 12 Market Street, Ely</p></div>
</td></tr></table></body></html>"""
    msg.add_alternative(html, subtype="html", cte="quoted-printable")
    path.write_bytes(bytes(msg))
    print(f"{path.name}: written")


def make_mhtml(path: Path) -> None:
    page = (OUT / "news_page.html").read_text(encoding="utf-8")
    msg = EmailMessage()
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = "https://coastline.example/local/ferry-cuts"
    msg["Subject"] = "Harbor ferry service cut to two sailings a day | The Coastline Courier"
    msg["Date"] = "Wed, 15 Apr 2026 09:00:00 -0000"
    msg["MIME-Version"] = "1.0"
    msg.make_related()
    html = EmailMessage()
    html.set_content(page, subtype="html", cte="quoted-printable")
    html["Content-Location"] = "https://coastline.example/local/ferry-cuts"
    msg.attach(html)
    css = EmailMessage()
    css.set_content("body { font-family: serif; } .cookie-consent { position: fixed; }",
                    subtype="css")
    css["Content-Location"] = "https://coastline.example/static/site.css"
    msg.attach(css)
    path.write_bytes(bytes(msg))
    print(f"{path.name}: written")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    make_docx(OUT / "article.docx")
    make_eml(OUT / "newsletter.eml")
    make_mhtml(OUT / "saved_page.mhtml")
    make_pdf(OUT / "print.pdf")
    make_columns_pdf(OUT / "columns.pdf")


if __name__ == "__main__":
    main()
