"""Where a corpus's tasks run: a local process pool (the default) or in this process.

Tasks are plain functions of picklable payloads (articles as text) that
return text (contract JSON), so any executor with ``submit`` will do.  The
pool's workers ignore Ctrl+C: the command handles it once, in the main
process, and stops the workers itself.

Public verbs: :func:`executor` and :func:`width`.
"""
from __future__ import annotations

import contextlib
import os
import signal
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Iterator, Optional


def _quiet_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def executor(engine: str = "local", workers: Optional[int] = None) -> Iterator[Optional[Executor]]:
    """An executor for ``engine`` ("local"), or None to run in this process (``workers == 0``).

    On the way out -- finished, failed or interrupted -- queued tasks are
    cancelled and the workers stopped, so Ctrl+C returns at once.
    """
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (known: local)")
    if workers == 0:
        yield None
        return
    count = workers or os.cpu_count() or 1
    pool = ProcessPoolExecutor(max_workers=count, initializer=_quiet_worker)
    try:
        yield pool
    except BaseException:
        processes = list(getattr(pool, "_processes", {}).values())  # only the ones this pool started
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        raise
    else:
        pool.shutdown(wait=True)


def width(pool: Optional[Executor]) -> int:
    """How many tasks the executor runs at once (1 for none)."""
    return getattr(pool, "_max_workers", 1) if pool is not None else 1
