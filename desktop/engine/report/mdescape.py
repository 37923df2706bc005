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

Autolinks need more than backslashes: a GFM renderer turns ``http://...``,
``www.`` and ``name@host`` into links by itself, and a link swallows the
backslashes that follow it (``http://h/g\\<img ...>`` became a live tag).
So ``<`` and ``>`` are written as the entities ``&lt;``/``&gt;`` (no raw angle
bracket ever reaches the output), and the ``:`` of a scheme, the ``.`` of
``www.`` and every ``@`` get a backslash, so no autolink starts at all.
"""
from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*\[\]{}!|~&$@]|(?<![^\W_])_|_(?![^\W_])"
                      # a ':' that is not a clock time (10:30) and not followed by a space
                      r"|:(?!\s)(?<![0-9]:(?=[0-9]))"
                      # the dot of "www."
                      r"|(?<=(?<![^\W_])[wW]{3})\.)")
_ENTITIES = {"<": "&lt;", ">": "&gt;"}
_ANGLES = re.compile("[<>]")
_LEADING = re.compile(r"^(?:([#+\-=])|(\d+)([.)])(?=\s|$))")  # "6.1" starts no list
_SPACES = re.compile(r"\s+")


def md_text(text: object) -> str:
    """One line of literal text, safe anywhere inline (also inside a table cell)."""
    flat = _SPACES.sub(" ", str(text)).strip()
    return _LEADING.sub(_lead, _escape(flat))


def _escape(text: str) -> str:
    escaped = _SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    return _ANGLES.sub(lambda m: _ENTITIES[m.group(0)], escaped)


def _lead(match: re.Match) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def md_span(text: object) -> str:
    """Like :func:`md_text` but keeps leading/trailing spaces (for runs inside a sentence)."""
    return _escape(_SPACES.sub(" ", str(text)))
