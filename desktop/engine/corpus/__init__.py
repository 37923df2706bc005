"""Coverage at scale: a corpus of articles sorted into stories, each compared.

Qt-free, like the rest of the engine.  Modules, each with one or two public verbs:

* :mod:`.sources` -- what to read: folders, files, links, CSV/JSONL lists;
* :mod:`.minhash` -- MinHash signatures and LSH buckets in pure Python;
* :mod:`.blocking` -- candidate pairs and small blocks, no all-pairs step;
* :mod:`.stories` -- the engine's same-event probabilities inside a block, linked into stories;
* :mod:`.engines` -- where tasks run (a local process pool, or Dask through :mod:`.dask_engine`);
* :mod:`.summary` -- per-story and per-outlet tables and the index page;
* :mod:`.run` -- :func:`run_corpus`, the whole job, resumable;
* :mod:`.result` -- a finished run read back (the app's story list).
"""
from __future__ import annotations

from .run import CorpusOptions, CorpusResult, run_corpus

__all__ = ["CorpusOptions", "CorpusResult", "run_corpus"]
