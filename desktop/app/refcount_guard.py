"""Work around a PySide6 reference-count bug on Python 3.11 and older.

With PySide6-Essentials 6.12 on CPython 3.11 every call to a Qt method that
returns ``void`` gives back ``None`` without taking a reference to it, and
every emit of a ``bool`` signal drops a reference to ``True``/``False``; so
each such call lowers that singleton's reference count by one (measured
with ``sys.getrefcount``; ints, strings, floats and objects are unaffected).  A session makes
millions of these calls (painting alone does); once the count reaches zero
the interpreter aborts with "none_dealloc: deallocating None" (we saw it at
exit after a single comparison).  Python 3.12 made ``None`` immortal, so
there the bug is harmless and this module does nothing.

``guard_none()`` raises the counts of ``None``, ``True`` and ``False`` far
out of reach; ``keep_guarding()``
re-checks it on a slow timer for long sessions.  Remove this module when
the dependency is fixed or the app requires Python 3.12+.
"""
from __future__ import annotations

import ctypes
import sys

_LOW_WATER = 1 << 40
_TOP_UP = 1 << 42


def _affected() -> bool:
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def guard_none() -> None:
    """Make sure the reference counts of None, True and False cannot run down to zero."""
    if not _affected():
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object, at id(obj).
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _LOW_WATER:
            count.value += _TOP_UP


def keep_guarding(parent) -> None:
    """Re-check once a minute for as long as ``parent`` (a QObject) lives."""
    if not _affected():
        return
    from PySide6.QtCore import QTimer

    guard_none()
    timer = QTimer(parent)
    timer.setInterval(60_000)
    timer.timeout.connect(guard_none)
    timer.start()
