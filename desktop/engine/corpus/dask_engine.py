"""A corpus's tasks on a Dask cluster (``dask.distributed``): ``--dask ADDRESS`` or ``--dask local:N``.

Dask is optional (``pip install 'parallax[cluster]'``); the desktop app and
its bundle never import it.  Nothing here schedules: the stories (and the
sorting blocks) are independent tasks handed to a ``distributed.Client``
through its ``concurrent.futures`` face (``Client.get_executor``), so the
corpus run drives Dask exactly as it drives the local process pool, and
Dask does the placing, retrying on a lost worker and data transfer.  The
payloads are the articles as JSON text and the results are the comparison
contract's JSON, so a worker needs Parallax installed but no shared disk.

``local:N`` starts a throw-away cluster of N single-threaded worker
processes on this machine (the pipeline is pure Python: threads would share
one interpreter lock); any other address is a running scheduler's
(``tcp://host:8786``).

Public verbs: :func:`require`, :func:`local_size`, :func:`dask_executor`.
"""
from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
from concurrent.futures import Executor, Future
from typing import Iterator, Optional

INSTALL = "pip install 'parallax[cluster]' (or: pip install 'dask[distributed]')"


class DaskMissing(RuntimeError):
    """``--dask`` was asked for but ``dask.distributed`` is not installed."""


class DaskUnreachable(RuntimeError):
    """The scheduler did not answer, or has no worker."""


def require():
    """The ``distributed`` module, or :class:`DaskMissing` saying how to install it."""
    try:
        import distributed  # the optional `cluster` extra
    except ImportError as exc:
        raise DaskMissing(f"--dask needs Dask (dask.distributed), which is not installed here: "
                          f"{INSTALL}") from exc
    return distributed


def local_size(address: str) -> Optional[int]:
    """N for ``local:N`` (``local``: one worker per CPU); None for a scheduler's address."""
    if address == "local":
        return os.cpu_count() or 1
    if address.startswith("local:"):
        try:
            count = int(address[len("local:"):])
        except ValueError:
            count = 0
        if count < 1:
            raise ValueError(f"--dask {address!r}: expected local:N with N >= 1")
        return count
    return None


class DaskPool(Executor):
    """A ``concurrent.futures`` executor on a Dask client, knowing how many tasks run at once."""

    def __init__(self, client):
        self._inner = client.get_executor(pure=False)  # every story is submitted once; no hashing
        self.workers = max(1, sum(client.nthreads().values()))

    def submit(self, fn, /, *args, **kwargs) -> Future:
        return self._inner.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._inner.shutdown(wait=wait)


@contextlib.contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Start worker processes with SIGINT ignored (they inherit it), as the local pool's are.

    Ctrl+C reaches every process of the terminal's group; the command
    handles it once, here, and closes the cluster itself, instead of each
    worker printing its own traceback.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def dask_executor(address: str, connect_timeout: float = 30.0) -> Iterator[DaskPool]:
    """An executor on the Dask scheduler at ``address`` (or a local cluster for ``local:N``).

    On the way out -- finished, failed or interrupted -- unfinished tasks
    are cancelled, the client disconnects and a local cluster is stopped.
    """
    distributed = require()
    size = local_size(address)
    cluster = None
    if size is not None:
        with _workers_ignore_ctrl_c():
            # The workers' own logs stay quiet below CRITICAL: a task's failure comes
            # back through its future, and a worker whose heartbeat meets the
            # scheduler closing at the end of the run logged a traceback at ERROR
            # (seen in CI on a loaded machine) that looked like a crash.
            cluster = distributed.LocalCluster(n_workers=size, threads_per_worker=1, processes=True,
                                               dashboard_address=None, silence_logs=logging.CRITICAL)
        client = distributed.Client(cluster)
    else:
        try:
            client = distributed.Client(address, timeout=connect_timeout)
        except OSError as exc:  # distributed reports a connection time-out as OSError
            raise DaskUnreachable(f"could not reach the Dask scheduler at {address}: {exc}") from exc
    try:
        if not client.nthreads():  # a scheduler with no worker would wait for ever
            try:
                client.wait_for_workers(1, timeout=connect_timeout)
            except TimeoutError as exc:
                raise DaskUnreachable(f"the Dask scheduler at {address} has no worker "
                                      f"(waited {connect_timeout:g} s)") from exc
        pool = DaskPool(client)
        try:
            yield pool
        except BaseException:
            pool.shutdown(wait=False)  # cancels what has not run
            raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
