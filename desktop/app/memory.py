"""Keep Python's full garbage collections short while the app works.

A full (oldest-generation) collection walks every container object alive and
holds the GIL while it does, whichever thread triggers it.  Right after start
some 70,000 of those are alive for good (modules, the engine's language
tables, Qt wrappers); with them in the walk, each full pass during a
comparison of 20 long articles froze the window for 50-100 ms.
:func:`freeze_start_up` moves what is alive at start-up out of those passes
(:func:`gc.freeze`), so they walk only the objects made since.  The launcher
calls it once the window is up; the stall benchmark does the same.
"""
from __future__ import annotations

import gc


def freeze_start_up() -> int:
    """Collect once, then leave everything alive now out of later collections.

    Returns how many objects were set aside.  Objects made later (articles,
    comparisons, windows) are collected as usual.
    """
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
