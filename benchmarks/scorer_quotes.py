"""A trial sentence scorer through the scorer seam: the lexical features plus
whether two sentences quote the same words.  Measured, not shipped unless
docs/real-news.md says so:

    .venv/bin/python benchmarks/real_news.py --trial quotes

Among the pairs read wrong are two remarks of one speaker ("Microsoft encourages
all IE customers to deploy this update" / "we are aware only of attacks
that…", both Christopher Budd's): the name, the speech verb and the story's
words are shared, the quoted words are not.  ``quotes_apart`` is 1 when both
sentences quote three words or more and the quotes share at most one content
term; ``quotes_shared`` is 1 when they share three or more.
"""
from __future__ import annotations

import re
from functools import lru_cache

from desktop.engine.features import content_terms

NAME = "lexical+quotes"

_QUOTED = re.compile(r"[\"“]([^\"“”]{12,}?)[\"”]|(?<![A-Za-z])[‘']([^‘’']{12,}?)[’'](?![A-Za-z])")


@lru_cache(maxsize=100_000)
def quoted_terms(text: str) -> frozenset[str] | None:
    """The content terms quoted in ``text`` (None when it quotes under three words)."""
    words = []
    for match in _QUOTED.finditer(text):
        inner = match.group(1) or match.group(2) or ""
        if len(inner.split()) >= 3:
            words.append(inner)
    if not words:
        return None
    return frozenset(t.lstrip("@").lower() for t in content_terms(" ".join(words)))


def extra(left, right, i: int, j: int) -> tuple[float, ...]:
    a, b = quoted_terms(left.texts[i]), quoted_terms(right.texts[j])
    if a is None or b is None:
        return (0.0, 0.0)
    shared = len(a & b)
    return (float(shared <= 1), float(shared >= 3))
