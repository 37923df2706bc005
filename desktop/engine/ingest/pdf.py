"""PDF files: the text layer through pypdf, reflowed into paragraphs.

Running headers and footers (lines repeated on most pages) and page numbers
are dropped, words hyphenated across line ends are joined ("gov-" +
"ernment") while real compounds keep their hyphen ("well-known").  Columns
come out in the order the PDF draws them, which for print-to-PDF and most
layout programs is column by column.
"""
from __future__ import annotations

import io
import logging
import re
import time
from collections import Counter

from ..errors import IngestError

MAX_PAGES = 300
# Work, not only size: a 5 KB PDF can hold millions of drawing operators.  pypdf
# reads about 30,000 a second; a dense real page has a few thousand.
MAX_PAGE_OPERATORS = 100_000
MAX_OPERATORS = 500_000
MAX_SECONDS = 20.0


class _TooMuchWork(Exception):
    """Raised from inside pypdf's page walk when a budget is spent."""


class _Budget:
    def __init__(self):
        self.left = MAX_OPERATORS
        self.stop_at = time.monotonic() + MAX_SECONDS
        self.page_left = MAX_PAGE_OPERATORS
        self.reason = ""

    def start_page(self) -> None:
        self.page_left = MAX_PAGE_OPERATORS

    def spend(self, *_args) -> None:
        self.left -= 1
        self.page_left -= 1
        if self.page_left < 0:
            self.reason = "page"
        elif self.left < 0:
            self.reason = "document"
        elif (self.left & 1023) == 0 and time.monotonic() > self.stop_at:
            self.reason = "time"
        else:
            return
        raise _TooMuchWork(self.reason)

    @property
    def spent(self) -> bool:
        return self.left <= 0 or time.monotonic() > self.stop_at

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—\s]*\d{1,4}[-–—\s]*|(?:page|p\.|seite|página|pagina)\s*\d{1,4}(?:\s*(?:of|/|von|de|di)\s*\d{1,4})?"
    r"|\d{1,4}\s*(?:/|of)\s*\d{1,4})$", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…:][\"'”’)\]]*$|[\"”’]$")
_HYPHENATED = re.compile(r"(\w+)-$")
_TAIL = 100  # a hyphenated word is looked for at the end of a paragraph, never in all of it
# First halves that usually start a real compound, so the hyphen is kept.
_COMPOUND_HEADS = {
    "well", "self", "ex", "so", "all", "half", "long", "short", "high", "low", "full", "far",
    "much", "ill", "cross", "anti", "pro", "post", "pre", "co", "non", "mid", "multi", "vice",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first",
    "second", "third", "year", "day", "week", "month", "state", "city", "right", "left",
    "middle", "old", "new", "top", "front", "hard", "open", "fast", "free", "best", "worst",
    "hands", "face", "life", "large", "small", "world", "time", "close", "brand", "record",
}


def _shape(line: str) -> str:
    """A line with its digits masked, so "Page 3" and "Page 4" count as one."""
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def _page_lines(page, budget: "_Budget | None" = None) -> list[str]:
    """Lines of one page, with "" where the vertical gap says a paragraph ends.

    pypdf reports where each piece of text sits; a gap between lines clearly
    wider than the usual line spacing (or a jump back up, a new column) is a
    paragraph break that the plain text would lose.
    """
    pieces: list[tuple[str, float | None]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            pieces.append((text, y))

    plain = page.extract_text(visitor_text=visit,
                              visitor_operand_before=budget.spend if budget else None) or ""
    lines: list[tuple[str, float | None]] = []
    buffer, line_y = "", None
    for text, y in pieces:
        parts = text.split("\n")
        for n, part in enumerate(parts):
            if n:
                lines.append((buffer, line_y))
                buffer, line_y = "", None
            if part.strip() and line_y is None:
                line_y = y
            buffer += part
    lines.append((buffer, line_y))
    if "\n".join(t for t, _ in lines).split() != plain.split():
        return plain.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    gaps = sorted(abs(b[1] - a[1]) for a, b in zip(lines, lines[1:])
                  if a[1] is not None and b[1] is not None and abs(b[1] - a[1]) > 0.01)
    if not gaps:
        return [t for t, _ in lines]
    usual = gaps[len(gaps) // 2]
    out: list[str] = []
    last_y = None
    for text, y in lines:
        if not text.strip():
            continue
        if last_y is not None and y is not None and abs(y - last_y) > 1.35 * usual:
            out.append("")
        out.append(text)
        last_y = y if y is not None else last_y
    return out


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Shapes of lines near the top or bottom of most pages: headers, footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = lines[:3] + lines[-3:]
        counts.update({_shape(l) for l in edge if l.strip()})
    need = max(2, (len(pages) + 1) // 2)
    return {shape for shape, n in counts.items() if n >= need}


def _join_hyphenated(first: str, second: str, vocabulary: set[str]) -> str:
    """``first`` ends with "word-"; join it to ``second`` with or without the hyphen."""
    head_match = _HYPHENATED.search(first[-_TAIL:])
    tail_match = re.match(r"(\w+)", second)
    if not head_match or not tail_match:
        return f"{first}{second}"
    head, tail = head_match.group(1), tail_match.group(1)
    joined = (head + tail).lower()
    hyphenated = f"{head}-{tail}".lower()
    keep = (hyphenated in vocabulary and joined not in vocabulary) or (
        joined not in vocabulary and (head.lower() in _COMPOUND_HEADS or tail[:1].isupper()
                                      or head[-1:].isdigit() or tail[:1].isdigit()))
    return f"{first}{second}" if keep else f"{first[:-1]}{second}"


def reflow(pages: list[list[str]]) -> str:
    """Page lines -> paragraphs separated by blank lines."""
    running = _running_lines([[l for l in page if l.strip()] for page in pages])
    lines: list[str] = []
    for page in pages:
        for line in page:
            line = " ".join(line.split())
            if not line:
                lines.append("")
                continue
            if _PAGE_NUMBER.match(line) or _shape(line) in running:
                continue
            lines.append(line)
    words = " ".join(lines)
    vocabulary = {w.lower() for w in re.findall(r"\w+(?:-\w+)*", words)}
    lengths = sorted(len(l) for l in lines if l)
    full = lengths[int(len(lengths) * 0.9)] if lengths else 80
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if not current:
            current = line
        elif _HYPHENATED.search(current[-_TAIL:]) and line[:1].isalpha() and line[:1].islower():
            current = _join_hyphenated(current, line, vocabulary)
        else:
            current = f"{current} {line}"
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        short = len(line) < 0.8 * full
        ends = bool(_TERMINAL.search(line))
        heading = not ends and len(line) < 0.6 * full and nxt[:1].isupper()
        if not nxt or (short and ends) or heading:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _pdf_date(value) -> str | None:
    match = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", str(value or ""))
    if not match:
        return None
    year, month, day = map(int, match.groups())
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _useful_title(title: str | None) -> str | None:
    if not title:
        return None
    title = " ".join(str(title).split())
    if (not title or re.search(r"\.(?:docx?|pdf|html?|txt|odt|rtf|indd)$", title, re.I)
            or title.lower().startswith(("microsoft word", "untitled"))):
        return None
    return title


def pdf_text(data: bytes, source: str) -> tuple[str, dict[str, str | None], list[str]]:
    """Body text, metadata and warnings of a PDF; IngestError for the unreadable."""
    head = data[:1024]
    if b"%PDF-" not in head:
        raise IngestError(source, "this is not a PDF file (no PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise IngestError(source, "the PDF is truncated (incomplete download or copy?)")
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, FileNotDecryptedError
    except ImportError:  # pragma: no cover - a broken install
        raise IngestError(source, "PDF support is not installed (pypdf is missing)") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    warnings: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                raise IngestError(source, "the PDF is encrypted with a method Parallax cannot "
                                  "open; save an unprotected copy and try again") from None
            if not opened:
                raise IngestError(source, "the PDF is password-protected; save an unprotected "
                                  "copy and try again")
        count = len(reader.pages)
        if count == 0:
            raise IngestError(source, "the PDF has no pages")
        if count > MAX_PAGES:
            warnings.append(f"only the first {MAX_PAGES} of {count} pages were read")
        pages: list[list[str]] = []
        budget = _Budget()
        for index in range(min(count, MAX_PAGES)):
            if budget.spent:
                warnings.append(f"only the first {index} of {count} pages were read (the PDF "
                                "asks for too much work to read whole)")
                break
            budget.start_page()
            try:
                lines = _page_lines(reader.pages[index], budget)
            except _TooMuchWork as exc:
                if str(exc) == "page":
                    warnings.append(f"page {index + 1} was skipped: it asks for too much work "
                                    f"to read (more than {MAX_PAGE_OPERATORS:,} drawing "
                                    "instructions)")
                lines = []
            except (FileNotDecryptedError, DependencyError):
                raise IngestError(source, "the PDF is encrypted and cannot be read") from None
            except Exception:  # one damaged page should not lose the others
                warnings.append(f"page {index + 1} could not be read")
                lines = []
            pages.append(lines)
        info: dict[str, str | None] = {}
        try:
            meta = reader.metadata or {}
            info["title"] = _useful_title(meta.get("/Title"))
            author = meta.get("/Author")
            info["byline"] = " ".join(str(author).split()) or None if author else None
            info["published"] = _pdf_date(meta.get("/CreationDate"))
        except Exception:
            info = {}
    except IngestError:
        raise
    except RecursionError:
        raise IngestError(source, "the PDF is damaged (its structure nests too deeply)") from None
    except MemoryError:
        raise IngestError(source, "the PDF is too complex to read") from None
    except Exception as exc:  # pypdf's errors are not a closed set
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise IngestError(source, f"the PDF is damaged or truncated ({detail})") from None
    if sum(len("".join(p).strip()) for p in pages) < 20:
        raise IngestError(source, "this PDF has no text layer (a scan?)")
    return reflow(pages), info, warnings
