"""Make untrusted text inert in Markdown.

Article text must come out of a Markdown renderer as the same plain words:
no emphasis, no links or images (``[x](javascript:...)``,
``![](http://tracker)``), no raw HTML (``<script>``, ``<img onerror=...>``),
no entity tricks, no table breaks.  Every character that has a meaning
inline in CommonMark/GFM (or in the common maths and attribute extensions)
gets a backslash, which CommonMark defines as "this character, literally";
line breaks become spaces, and a leading ``#``, ``+``, ``-``, ``=`` or
``1.`` is escaped too, so nothing can start a heading, list, quote or code
block.  Full stops, hyphens, quotes and underscores inside a word
(``file_name``, which CommonMark never reads as emphasis) stay as they are,
so the raw Markdown still reads well.
"""
from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*\[\]{}<>!|~&$]|(?<![^\W_])_|_(?![^\W_]))")
_LEADING = re.compile(r"^(?:([#+\-=])|(\d+)([.)]))")
_SPACES = re.compile(r"\s+")


def md_text(text: object) -> str:
    """One line of literal text, safe anywhere inline (also inside a table cell)."""
    flat = _SPACES.sub(" ", str(text)).strip()
    return _LEADING.sub(_lead, _SPECIAL.sub(r"\\\1", flat))


def _lead(match: re.Match) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def md_span(text: object) -> str:
    """Like :func:`md_text` but keeps leading/trailing spaces (for runs inside a sentence)."""
    flat = _SPACES.sub(" ", str(text))
    return _SPECIAL.sub(r"\\\1", flat)
