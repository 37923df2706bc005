"""Write files so that a crash never leaves a half-written one behind.

The content goes to a temporary file beside the target (``.NAME.pPID-XXXX.tmp``),
is flushed to disk, then renamed over the target.  A save killed before the
rename leaves its temporary file behind; the next save of the same file
removes such leftovers when the process that made them is gone (or, for the
older unnamed kind, when they are more than an hour old).

Text is written as UTF-8; lone surrogate code points, which no UTF-8 encoder
accepts, become U+FFFD rather than failing the save.
"""
from __future__ import annotations

import os
import re
import tempfile
import threading
import time
from pathlib import Path

_STALE_UNOWNED_SECONDS = 3600
_in_flight: set[str] = set()  # temporary files this process is writing now
_lock = threading.Lock()


def _encode(content: str) -> bytes:
    try:
        return content.encode("utf-8")
    except UnicodeEncodeError:
        # Join surrogate pairs, replace lone halves (the ingest boundary does the
        # same; this is the last line of defence for text from anywhere else).
        mended = content.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return mended.encode("utf-8")


def _alive(pid: int) -> bool:
    if os.name != "posix":  # os.kill(pid, 0) would terminate a process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, belongs to someone else
        return True
    return True


def remove_stale_temps(path: Path) -> int:
    """Remove temporary files that a killed save of ``path`` left behind; how many."""
    path = Path(path)
    pattern = re.compile(r"\." + re.escape(path.name) + r"\.(?:p(\d+)-)?[^.]*\.tmp\Z")
    removed = 0
    try:
        entries = list(os.scandir(path.parent or "."))
    except OSError:
        return 0
    now = time.time()
    for entry in entries:
        match = pattern.match(entry.name)
        if not match:
            continue
        with _lock:
            if entry.path in _in_flight:
                continue
        pid = match.group(1)
        try:
            if pid is not None:
                # This process's own leftovers are stale unless in flight (checked above).
                stale = int(pid) == os.getpid() or not _alive(int(pid))
            else:
                stale = now - entry.stat(follow_symlinks=False).st_mtime > _STALE_UNOWNED_SECONDS
            if stale and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed += 1
        except (OSError, ValueError, OverflowError):
            continue
    return removed


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename."""
    path = Path(path)
    data = _encode(content) if isinstance(content, str) else content
    remove_stale_temps(path)
    with _lock:  # created and marked in flight at once, so no other thread removes it
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.p{os.getpid()}-", suffix=".tmp",
                                   dir=path.parent or ".")
        _in_flight.add(tmp)
    try:
        # mkstemp makes owner-only files; a saved report should get the mode
        # the user's umask gives any new file (or keep the mode it had).
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    finally:
        with _lock:
            _in_flight.discard(tmp)
