"""Where Parallax keeps per-user things, and its log.  The one owner of those places.

Every per-user location comes from here, through Qt's ``QStandardPaths`` and
one folder name, :data:`FOLDER`:

=============  ==============================================  ==============================
what           Linux (``$XDG_*`` honoured)                      from
=============  ==============================================  ==============================
settings       ``~/.config/Parallax/Parallax.conf``             :func:`settings_path`
autosave       ``~/.local/share/Parallax/autosave.parallax``    :func:`data_dir`
log            ``~/.local/share/Parallax/parallax.log``         :func:`log_path`
=============  ==============================================  ==============================

On Windows both folders are ``%LOCALAPPDATA%\\Parallax``; on macOS the data
folder is ``~/Library/Application Support/Parallax`` and the settings
``~/Library/Preferences/Parallax/Parallax.conf``.  ``$PARALLAX_DATA_DIR`` and
``$PARALLAX_CONFIG_DIR`` replace the two folders (tests and portable setups).

Before this module, the autosave lived in ``~/.local/share/parallax`` (lower
case) on Linux and the settings in the registry (Windows) or a plist (macOS);
:func:`migrate_legacy_autosave` and :func:`open_settings` bring those over once.

The module imports Qt only inside functions, so ``desktop.cli`` can import it
freely; the engine never does (it is handed the folders it needs).
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import shutil
import sys
from pathlib import Path
from typing import Callable, Optional

FOLDER = "Parallax"  # one spelling for every per-user folder and for Qt's names
ORGANIZATION = APPLICATION = FOLDER
DESKTOP_FILE_NAME = "io.github.parallax_news.Parallax"  # the .desktop file and AppStream id
SETTINGS_NAME = "Parallax.conf"
LOG_NAME = "parallax.log"
LOG_MAX_BYTES = 256 * 1024  # one file this size and one older copy: enough for a bug report
AUTOSAVE_NAME = "autosave.parallax"  # the engine's session.AUTOSAVE_NAME (checked by a test)

log = logging.getLogger("desktop")


def identify_application() -> None:
    """Give Qt the names every location and the desktop integration derive from."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    # Wayland and the desktop match windows to resources/<id>.desktop by this.
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)


def _standard(kind: str) -> Path:
    from PySide6.QtCore import QStandardPaths
    base = QStandardPaths.writableLocation(getattr(QStandardPaths.StandardLocation, kind))
    return Path(base or Path.home()) / FOLDER


def data_dir() -> Path:
    """The per-user data folder: autosave and log (not created here)."""
    override = os.environ.get("PARALLAX_DATA_DIR")
    return Path(override) if override else _standard("GenericDataLocation")


def config_dir() -> Path:
    """The per-user settings folder (not created here)."""
    override = os.environ.get("PARALLAX_CONFIG_DIR")
    return Path(override) if override else _standard("GenericConfigLocation")


def settings_path() -> Path:
    return config_dir() / SETTINGS_NAME


def autosave_path() -> Path:
    return data_dir() / AUTOSAVE_NAME


def log_path() -> Path:
    return data_dir() / LOG_NAME


# --- settings ---------------------------------------------------------------------------

def open_settings():
    """The user's ``QSettings``, always the INI file at :func:`settings_path`.

    On Linux that is the very file ``QSettings()`` used before; on Windows and
    macOS, settings found in the old native store are copied over once.
    """
    from PySide6.QtCore import QSettings
    path = settings_path()
    fresh = not path.exists()
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    if fresh and "PARALLAX_CONFIG_DIR" not in os.environ:
        native = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                           ORGANIZATION, APPLICATION)
        adopt_settings(settings, native)
    return settings


def adopt_settings(target, old) -> int:
    """Copy every key of ``old`` into an empty ``target``; the number copied.

    Nothing is copied when both are the same file (Linux) or ``target`` has keys.
    """
    same = os.path.normcase(os.path.abspath(old.fileName())) == \
        os.path.normcase(os.path.abspath(target.fileName()))
    if same or target.allKeys():
        return 0
    keys = old.allKeys()
    for key in keys:
        target.setValue(key, old.value(key))
    if keys:
        target.sync()
        log.info("copied %d settings from %s to %s", len(keys), old.fileName(), target.fileName())
    return len(keys)


# --- the autosave's old home ------------------------------------------------------------

def legacy_data_dir() -> Optional[Path]:
    """Where Parallax 0.1 put the autosave, if that differs from :func:`data_dir`.

    Only Linux differs: ``$XDG_DATA_HOME/parallax`` or ``~/.local/share/parallax``
    (lower case).  On Windows and macOS the old folder is the current one.
    """
    if os.environ.get("PARALLAX_DATA_DIR") or sys.platform.startswith("win") \
            or sys.platform == "darwin":
        return None
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / "parallax"


def migrate_legacy_autosave() -> Optional[Path]:
    """Move an autosave from the old folder when the new one has none.

    Returns the new path if something was moved.  Never overwrites an
    autosave in the new folder; on a case-insensitive disk the two folders are
    one and nothing happens.
    """
    old_dir = legacy_data_dir()
    if old_dir is None:
        return None
    old, new = old_dir / AUTOSAVE_NAME, autosave_path()
    if not old.is_file() or new.exists():
        return None
    try:
        new.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(old), str(new))
    except OSError as exc:
        log.warning("could not move the autosave from %s to %s: %s", old, new, exc)
        return None
    log.info("moved the autosave from %s to %s", old, new)
    try:
        old_dir.rmdir()  # only if nothing else is left there
    except OSError:
        pass
    return new


# --- logging ----------------------------------------------------------------------------

class _Ours:
    """Marks the handlers :func:`start_logging` installed, so a second call replaces them."""


def start_logging(verbose: bool = False, log_file: Optional[Path] = None,
                  to_file: bool = True, echo_warnings: bool = False) -> Optional[Path]:
    """Send warnings and errors (with tracebacks) to the log file; returns its path.

    ``log_file`` defaults to :func:`log_path`; the file is created only when
    the first record arrives and rotates at :data:`LOG_MAX_BYTES`.  With
    ``verbose`` every record of Parallax's own code down to debug detail also
    goes to stderr.  Without it stderr gets nothing from here (the messages
    people read are printed by the command line or shown by the window),
    except warnings and errors when ``echo_warnings`` (runs without a person
    watching the window: ``--smoke``, screenshots).
    Returns ``None`` when there is no log file (``to_file`` false or the folder
    cannot be made).  Safe to call again: it replaces what it set up before.
    """
    stop_logging()
    root = logging.getLogger()
    log.setLevel(logging.DEBUG if verbose else logging.INFO)

    path: Optional[Path] = None
    if to_file:
        path = Path(log_file) if log_file is not None else log_path()
        try:
            # delay: the folder and file are made only when the first record comes.
            handler = _OursFile(path, maxBytes=LOG_MAX_BYTES, backupCount=1, encoding="utf-8",
                                delay=True)
        except OSError:
            path = None
        else:
            handler.setLevel(logging.INFO)
            handler.setFormatter(logging.Formatter(
                "%(asctime)s %(levelname)s %(name)s [pid %(process)d]: %(message)s"))
            root.addHandler(handler)
    if verbose or echo_warnings:
        handler = _OursStream(sys.stderr)
        handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
        handler.setFormatter(logging.Formatter("parallax: %(levelname)s: %(name)s: %(message)s"))
        root.addHandler(handler)
    if not any(isinstance(h, _Ours) for h in root.handlers):
        # Keep logging's last-resort handler from printing warnings twice.
        root.addHandler(_OursNull())
    from .. import __version__
    log.debug("parallax %s, Python %s, %s; log file %s", __version__, sys.version.split()[0],
              sys.platform, path or "none")
    return path


def stop_logging() -> None:
    """Remove what :func:`start_logging` set up (closing the log file)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _Ours)]:
        root.removeHandler(handler)
        handler.close()


class _OursFile(_Ours, logging.handlers.RotatingFileHandler):
    def _open(self):
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record):
        pass  # the log is a help for bug reports: never a new error for the user


class _OursStream(_Ours, logging.StreamHandler):
    pass


class _OursNull(_Ours, logging.NullHandler):
    pass


def install_excepthooks() -> Callable[[], None]:
    """Uncaught exceptions (a Qt slot, a worker thread) go to the log with their traceback.

    Returns a function that puts the previous hooks back.
    """
    import threading
    previous, previous_thread = sys.excepthook, threading.excepthook

    def on_stderr_already() -> bool:
        return any(isinstance(h, _OursStream) for h in logging.getLogger().handlers)

    def hook(kind, value, tb):
        log.critical("uncaught exception", exc_info=(kind, value, tb))
        if not on_stderr_already():
            previous(kind, value, tb)  # still on stderr, as before

    def thread_hook(args):
        if args.exc_type is not SystemExit:
            log.critical("uncaught exception in thread %s", getattr(args.thread, "name", "?"),
                         exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        if not on_stderr_already():
            previous_thread(args)

    sys.excepthook = hook
    threading.excepthook = thread_hook

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous, previous_thread

    return restore
