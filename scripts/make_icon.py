"""Draw the Parallax application icon.

Two pages side by side; the same passage sits a little higher on the right
page than on the left (the "parallax"), and an amber band joins the two, as
the app joins aligned passages.  One list of shapes is both painted with
QPainter (PNG, ICO, ICNS) and written out as SVG, so the files cannot drift.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icon.py

Writes resources/icons/parallax.{svg,png,ico,icns}.  The outputs are
committed; run this again only when the drawing changes.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZE = 256  # design units == pixels of the main PNG

INK = "#22304f"     # background
PAPER = "#f6f3ec"   # pages
LINE = "#a3abbc"    # text lines
AMBER = "#f0a030"   # the aligned passage and the band between the pages

LEFT = (34, 62, 82, 148)    # page x, y, w, h
RIGHT = (140, 40, 82, 148)
SHIFT = LEFT[1] - RIGHT[1]  # how much higher the right page's passage sits
LINE_WIDTHS = (58, 50, 58, 40, 58, 52, 30)
MATCH = 2                   # index of the aligned line on both pages


def shapes() -> list[tuple]:
    """("rect", x, y, w, h, radius, colour, opacity) and ("poly", points, colour, opacity)."""
    out: list[tuple] = [("rect", 8, 8, 240, 240, 52, INK, 1.0)]
    ly = LEFT[1] + 18 + MATCH * 17
    ry = ly - SHIFT
    # The band, drawn first so that the pages cover its ends.
    out.append(("poly", [(LEFT[0] + LEFT[2] - 4, ly - 8), (RIGHT[0] + 4, ry - 8),
                         (RIGHT[0] + 4, ry + 15), (LEFT[0] + LEFT[2] - 4, ly + 15)], AMBER, 0.6))
    for (x, y, w, h) in (LEFT, RIGHT):
        out.append(("rect", x, y, w, h, 10, PAPER, 1.0))
        for i, width in enumerate(LINE_WIDTHS):
            colour = AMBER if i == MATCH else LINE
            out.append(("rect", x + 12, y + 18 + i * 17, width, 7, 3.5, colour, 1.0))
    return out


def svg() -> str:
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
             f'viewBox="0 0 {SIZE} {SIZE}">', "  <title>Parallax</title>"]
    for shape in shapes():
        if shape[0] == "rect":
            _, x, y, w, h, r, colour, alpha = shape
            extra = f' fill-opacity="{alpha}"' if alpha < 1 else ""
            parts.append(f'  <rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" '
                         f'fill="{colour}"{extra}/>')
        else:
            _, points, colour, alpha = shape
            pts = " ".join(f"{x},{y}" for x, y in points)
            parts.append(f'  <polygon points="{pts}" fill="{colour}" fill-opacity="{alpha}"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def paint(size: int):
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPolygonF

    image = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
    image.fill(Qt.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.Antialiasing)
    p.scale(size / SIZE, size / SIZE)
    p.setPen(Qt.NoPen)
    for shape in shapes():
        if shape[0] == "rect":
            _, x, y, w, h, r, colour, alpha = shape
            c = QColor(colour)
            c.setAlphaF(alpha)
            p.setBrush(c)
            p.drawRoundedRect(QRectF(x, y, w, h), r, r)
        else:
            _, points, colour, alpha = shape
            c = QColor(colour)
            c.setAlphaF(alpha)
            p.setBrush(c)
            p.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    p.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "parallax.svg").write_text(svg(), encoding="utf-8")
    big = paint(SIZE)
    ok = big.save(str(OUT / "parallax.png"))
    ok &= big.save(str(OUT / "parallax.ico"), "ICO")    # Windows (needs Qt's qico plugin)
    ok &= paint(512).save(str(OUT / "parallax.icns"), "ICNS")  # macOS (qicns plugin)
    for name in ("svg", "png", "ico", "icns"):
        print(OUT / f"parallax.{name}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
