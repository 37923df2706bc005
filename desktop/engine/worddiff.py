"""Word-level differences between two passages, readable for prose.

Tokens are words and punctuation marks; they are compared case-blind and
with typographic variants folded (curly vs straight quotes, dash kinds), so
that house style is not reported as a change.  Short runs of shared
function words between two changes are folded into one replacement, which
keeps the result from turning into confetti.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Sequence

from .model import DiffOp

_TOKEN = re.compile(r"[^\W_]+(?:[’'.,\-][^\W_]+)*|[^\w\s]", re.UNICODE)
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "−": "-",
                       "\u00a0": " "})
_GLUE = frozenset({"the", "a", "an", "of", "to", "in", "on", "and", "at", "for", "by", "as",
                   "is", "was", "that", ",", ".", "'", '"'})

Token = tuple[str, int, int]  # folded text, start, end


def fold(text: str) -> str:
    """Comparison form of text: typographic variants made equal, case ignored."""
    return text.translate(_FOLD).lower()


def tokens(text: str, spans: Sequence[tuple[int, int]]) -> list[Token]:
    """Tokens of ``text`` inside each span, with offsets into ``text``."""
    out: list[Token] = []
    for start, end in spans:
        for m in _TOKEN.finditer(text, start, end):
            out.append((fold(m.group()), m.start(), m.end()))
    return out


def _fold_glue(opcodes: list[list]) -> list[list]:
    """Merge change / short glue-only equal run / change into one replace."""
    out: list[list] = []
    for op in opcodes:
        out.append(list(op))
        while (len(out) >= 3 and out[-1][0] != "equal" and out[-3][0] != "equal"
               and out[-2][0] == "equal" and out[-2][2] - out[-2][1] <= 2
               and out[-2][5] is True):
            third = out.pop()
            out.pop()
            first = out.pop()
            out.append(["replace", first[1], third[2], first[3], third[4], False])
    return out


def word_diff(text_a: str, spans_a: Sequence[tuple[int, int]],
              text_b: str, spans_b: Sequence[tuple[int, int]]) -> tuple[tuple[DiffOp, ...], float]:
    """Edit operations turning the A spans into the B spans, and the share of equal tokens."""
    return diff_tokens(tokens(text_a, spans_a), spans_a, tokens(text_b, spans_b), spans_b)


def diff_tokens(ta: list[Token], spans_a: Sequence[tuple[int, int]],
                tb: list[Token], spans_b: Sequence[tuple[int, int]]) -> tuple[tuple[DiffOp, ...], float]:
    """:func:`word_diff` of spans already cut into :func:`tokens` (a group's passage is
    diffed against every other article's, so it is cut once)."""
    ka, kb = [t[0] for t in ta], [t[0] for t in tb]
    matcher = SequenceMatcher(None, ka, kb, autojunk=False)
    raw = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        glue = tag == "equal" and all(k in _GLUE for k in ka[i1:i2])
        raw.append([tag, i1, i2, j1, j2, glue])
    ops = []
    for tag, i1, i2, j1, j2, _ in _fold_glue(raw):
        a_start, a_end = _char_span(ta, i1, i2, spans_a)
        b_start, b_end = _char_span(tb, j1, j2, spans_b)
        ops.append(DiffOp(tag, a_start, a_end, b_start, b_end))
    equal = sum(i2 - i1 for tag, i1, i2, _, _ in matcher.get_opcodes() if tag == "equal")
    total = len(ka) + len(kb)
    return tuple(ops), (2.0 * equal / total if total else 1.0)


def _char_span(toks: list[Token], i1: int, i2: int, spans: Sequence[tuple[int, int]]) -> tuple[int, int]:
    if i2 > i1:
        return toks[i1][1], toks[i2 - 1][2]
    # An empty side of an insert or delete sits at the boundary between tokens.
    if i1 < len(toks):
        return toks[i1][1], toks[i1][1]
    if toks:
        return toks[-1][2], toks[-1][2]
    return (spans[0][0], spans[0][0]) if spans else (0, 0)
