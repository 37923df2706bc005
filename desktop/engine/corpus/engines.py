"""Where a corpus's tasks run: a local process pool (the default), a Dask cluster, or this process.

Tasks are plain functions of picklable payloads (articles as JSON text) that
return text (contract JSON), so any ``concurrent.futures`` executor will do:
the local pool, or a Dask client's (:mod:`.dask_engine`, only imported when
asked for).  The pool's workers ignore Ctrl+C: the command handles it once,
in the main process, and stops the workers itself.

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
def executor(engine: str = "local", workers: Optional[int] = None,
             scheduler: Optional[str] = None) -> Iterator[Optional[Executor]]:
    """An executor for ``engine``, or None to run in this process (local, ``workers == 0``).

    ``engine`` is ``"local"`` (a process pool of ``workers``, default one per
    CPU) or ``"dask"`` (``scheduler``: a Dask scheduler's address or
    ``local:N``).  On the way out -- finished, failed or interrupted -- queued
    tasks are cancelled and the workers stopped, so Ctrl+C returns at once.
    """
    if engine == "dask":
        from .dask_engine import dask_executor
        with dask_executor(scheduler or "local") as pool:
            yield pool
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (known: local, dask)")
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
        for process in processes:
            process.join(timeout=5)
        # The pool's manager thread must see its workers gone and close its pipes before the
        # interpreter's exit handler wakes it: racing it there printed "Exception ignored in
        # <module 'threading'> … Bad file descriptor" after Ctrl+C now and then.
        manager = getattr(pool, "_executor_manager_thread", None)
        if manager is not None:
            manager.join(timeout=5)
        raise
    else:
        pool.shutdown(wait=True)


def width(pool: Optional[Executor]) -> int:
    """How many tasks the executor runs at once (1 for none)."""
    if pool is None:
        return 1
    return getattr(pool, "workers", None) or getattr(pool, "_max_workers", 1)
