"""Text hygiene applied to what every reader produces.

* Mojibake repair: UTF-8 text that was once decoded as Windows-1252 shows
  "â€™" for "’" and "Ã©" for "é".  Such runs are re-decoded, but only when
  every suspicious run turns back into valid UTF-8 (so genuine "Ã" in
  Portuguese capitals or a lone "Â" survive).
* Lone surrogates (an emoji written by Word's RTF as two ``\\u`` halves, a file
  name that is not valid UTF-8) are joined into the character they stand for
  or replaced by U+FFFD, so every save and report can encode the text.
* Control characters other than tab and newline are dropped from article text.
* Unicode NFC, so "é" typed as e + combining accent matches "é".
* Ligatures (ﬁ, ﬀ) are spelled out; zero-width characters and soft hyphens go; no-break and other odd spaces
  become plain spaces; Unicode line/paragraph separators become newlines.

Curly quotes and dashes are left alone: comparison folds them itself.
"""
from __future__ import annotations

import re
import unicodedata

# Characters a cp1252 decoder yields for the bytes 0x80-0xBF (UTF-8
# continuation bytes), plus the C1 controls that stand for its five undefined
# bytes when a latin-1 fallback was used.
_CONT = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u0081\u008d\u008f\u0090\u009d" + "".join(
    chr(c) for c in range(0xA0, 0xC0))
_C = "[" + re.escape(_CONT) + "]"
# A UTF-8 lead byte seen as cp1252 (Â..ô) followed by the right number of
# continuation bytes seen as cp1252.
_MOJIBAKE = re.compile(
    "(?:[\u00c2-\u00df]" + _C + "|[\u00e0-\u00ef]" + _C + "{2}|[\u00f0-\u00f4]" + _C + "{3})+")

_DROP = dict.fromkeys(map(ord, "\u200b\u200c\u2060\ufeff\u00ad\u180e"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005"
                                 "\u2006\u2008\u2009\u200a\u205f\u3000"), " ")
_LINES = {0x2028: "\n", 0x2029: "\n\n", 0x85: "\n"}
# Typographic ligatures (PDF text layers are full of them) spelled out.
_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl",
              0xFB05: "st", 0xFB06: "st"}


_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls (and DEL) that never belong in article text; tab, newline
# and carriage return stay (line ends are normalised by the readers).
# Vertical tab and form feed (page breaks in some text layers) become newlines.
_CONTROLS = {**dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F,
                              *(c for c in range(0x80, 0xA0) if c != 0x85)], None),
             0x0B: "\n", 0x0C: "\n"}
# The tables have no key in common and no replacement that another table would
# change again, so one pass over their union does what five passes did.
_ONE_PASS = {**_CONTROLS, **_DROP, **_SPACES, **_LINES, **_LIGATURES}
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_ONE_PASS)) + "]")


def no_lone_surrogates(text: str) -> str:
    """``text`` with surrogate pairs joined and lone surrogates replaced by U+FFFD.

    Python strings may hold surrogate code points (from ``\\u`` escapes in RTF
    or JSON, or from ``os.fsdecode`` of a file name that is not UTF-8); no
    UTF-8 encoder accepts them, so they never pass the ingest boundary.
    """
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _to_bytes(run: str) -> bytes | None:
    out = bytearray()
    for ch in run:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if 0x80 <= ord(ch) <= 0x9F:  # undefined cp1252 byte kept as a C1 control
                out.append(ord(ch))
            else:
                return None
    return bytes(out)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252, run by run, only if every run decodes."""
    runs = list(_MOJIBAKE.finditer(text))
    if not runs:
        return text
    fixed: list[str] = []
    for match in runs:
        raw = _to_bytes(match.group(0))
        if raw is None:
            return text
        try:
            fixed.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            return text
    # Plausibility: the repaired runs must be fewer characters and contain no
    # C1 controls; otherwise the "mojibake" was probably real text.
    if any(any(0x80 <= ord(c) <= 0x9F for c in f) for f in fixed):
        return text
    pieces: list[str] = []
    last = 0
    for match, repl in zip(runs, fixed):
        pieces.append(text[last:match.start()])
        pieces.append(repl)
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def clean_unicode(text: str) -> str:
    """Surrogates mended, mojibake repaired, NFC, zero-width and controls gone, odd
    spaces made plain."""
    text = repair_mojibake(no_lone_surrogates(text))
    # One pass, and none when nothing needs it: str.translate walks the text in
    # Python-speed steps (five passes held the interpreter 150 ms on 800k characters).
    if _TRANSLATED.search(text):
        text = text.translate(_ONE_PASS)
    return unicodedata.normalize("NFC", text)


# --- limits on how much text one article may bring ----------------------------------------
#
# The comparison's work grows faster than the text (two articles of 200,000
# characters take about 5 s, of 400,000 about 30 s), and one run of hundreds of
# thousands of characters without a space stalls text layout in the app and
# the PDF report.  Over a limit the text is cut and the article says so.

MAX_ARTICLE_CHARS = 200_000
MAX_TOKEN_CHARS = 1_000
_LONG_TOKEN = re.compile(r"\S{%d,}" % (MAX_TOKEN_CHARS + 1))


def precut(text: str) -> str:
    """A cheap first cut before the clean-up, so it never works on megabytes that
    :func:`within_limits` would drop anyway (debris removal may shorten the text,
    so this keeps four times the limit)."""
    return text if len(text) <= 4 * MAX_ARTICLE_CHARS else text[:4 * MAX_ARTICLE_CHARS]


def within_limits(text: str, original_length: int | None = None) -> tuple[str, list[str]]:
    """``text`` cut to :data:`MAX_ARTICLE_CHARS` (at a paragraph or word end) and with
    every run of more than :data:`MAX_TOKEN_CHARS` non-space characters shortened;
    the warnings say what was cut."""
    warnings: list[str] = []
    longest, count = 0, 0

    def shorten(match: re.Match) -> str:
        nonlocal longest, count
        longest, count = max(longest, len(match.group(0))), count + 1
        return match.group(0)[:MAX_TOKEN_CHARS] + "…"

    text = _LONG_TOKEN.sub(shorten, text)
    if count:
        warnings.append(f"{count:,} run{'s' * (count != 1)} of more than {MAX_TOKEN_CHARS:,} "
                        f"characters without a space {'were' if count != 1 else 'was'} "
                        f"shortened to {MAX_TOKEN_CHARS:,} (the longest had {longest:,})")
    total = max(len(text), original_length or 0)
    if len(text) > MAX_ARTICLE_CHARS:
        cut = text.rfind("\n\n", 0, MAX_ARTICLE_CHARS)
        if cut < MAX_ARTICLE_CHARS * 0.8:
            cut = text.rfind(" ", 0, MAX_ARTICLE_CHARS)
        if cut < MAX_ARTICLE_CHARS * 0.8:
            cut = MAX_ARTICLE_CHARS
        text = text[:cut].rstrip()
        warnings.append(f"the article is very long: only its first {len(text):,} characters "
                        f"(of {total:,}) are compared; Parallax reads at most "
                        f"{MAX_ARTICLE_CHARS:,} characters of an article")
    return text, warnings


# A short list of the commonest English function words; an article in which
# they are rare is almost certainly in another language.
_ENGLISH = frozenset("""the of and to a in is that for it was on with as he she they his her
be at by from this are have has had not but or an were said will would which their who been
its we you i our after more than about also when there one all""".split())


def language_warning(text: str) -> str | None:
    """A warning if ``text`` does not look like English (accepted regardless)."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 30:
        return None
    share = sum(1 for w in words if w in _ENGLISH) / len(words)
    if share < 0.12:
        return ("the article does not look like English; sentence splitting, alignment "
                "and fact finding are tuned for English and may work less well")
    return None
