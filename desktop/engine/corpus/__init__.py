"""Coverage at scale: a corpus of articles sorted into stories, each compared.

Qt-free, like the rest of the engine.  Modules, each with one or two public verbs:

* :mod:`.sources` -- what to read: folders, files, links, CSV/JSONL lists;
* :mod:`.minhash` -- MinHash signatures and LSH buckets in pure Python;
* :mod:`.blocking` -- candidate pairs and small blocks, no all-pairs step;
* :mod:`.stories` -- the engine's same-event decision inside a block;
* :mod:`.engines` -- where tasks run (a local process pool);
* :mod:`.summary` -- per-story and per-outlet tables and the index page;
* :mod:`.run` -- :func:`run_corpus`, the whole job, resumable.
"""
from __future__ import annotations

from .run import CorpusOptions, CorpusResult, run_corpus

__all__ = ["CorpusOptions", "CorpusResult", "run_corpus"]
