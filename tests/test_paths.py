"""Per-user places: one owner (desktop/app/paths.py), one folder name, the old autosave moved.

Every test points HOME and the XDG folders at a temporary directory, so none
touches the real user's settings, autosave or log.
"""
from __future__ import annotations

import sys

import pytest

from desktop.app import paths
from desktop.engine import session as engine_session
from desktop.engine.model import Document
from desktop.engine.session import Session, read_autosave, write_autosave

linux_only = pytest.mark.skipif(sys.platform.startswith(("win", "darwin")),
                                reason="the XDG folders and the old lower-case folder are Linux's")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh home with no XDG overrides and no Parallax overrides."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "PARALLAX_DATA_DIR", "PARALLAX_CONFIG_DIR"):
        monkeypatch.delenv(name, raising=False)
    paths.identify_application()
    return folder


def _session(text="One two three.") -> Session:
    return Session((Document("a.txt", text), Document("b.txt", "Four five six.")))


@linux_only
def test_every_place_is_under_one_folder_name_that_qt_also_uses(home):
    from PySide6.QtCore import QSettings
    assert paths.data_dir() == home / ".local" / "share" / "Parallax"
    assert paths.config_dir() == home / ".config" / "Parallax"
    assert paths.autosave_path() == paths.data_dir() / "autosave.parallax"
    assert paths.log_path() == paths.data_dir() / "parallax.log"
    # Qt's own settings file for these names is the one the app opens: one place, one case.
    native = QSettings()
    assert paths.settings_path() == paths.config_dir() / "Parallax.conf"
    assert native.fileName() == str(paths.settings_path())
    assert paths.open_settings().fileName() == str(paths.settings_path())


@linux_only
def test_places_follow_xdg(home, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    assert paths.autosave_path() == tmp_path / "xdg-data" / "Parallax" / "autosave.parallax"
    assert paths.settings_path() == tmp_path / "xdg-config" / "Parallax" / "Parallax.conf"


def test_overrides_replace_the_folders(home, tmp_path, monkeypatch):
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("PARALLAX_CONFIG_DIR", str(tmp_path / "c"))
    assert paths.log_path() == tmp_path / "d" / "parallax.log"
    assert paths.autosave_path() == tmp_path / "d" / "autosave.parallax"
    settings = paths.open_settings()
    settings.setValue("view/theme", "dark")
    settings.sync()
    assert (tmp_path / "c" / "Parallax.conf").read_text().count("theme=dark") == 1


def test_the_engine_only_writes_the_autosave_where_it_is_told(home, tmp_path):
    assert paths.AUTOSAVE_NAME == engine_session.AUTOSAVE_NAME
    assert not hasattr(engine_session, "data_dir"), "the app owns the per-user folders"
    written = write_autosave(_session(), tmp_path / "given")
    assert written == tmp_path / "given" / "autosave.parallax"
    assert not (home / ".local").exists()


def test_application_identity():
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication
    paths.identify_application()
    assert QGuiApplication.desktopFileName() == "io.github.parallax_news.Parallax"
    assert QCoreApplication.organizationName() == QCoreApplication.applicationName() == "Parallax"


def test_the_app_names_itself_before_it_opens_a_window(home, tmp_path, monkeypatch):
    from desktop.app.main import run_app

    class Named(Exception):
        pass

    def stop():
        raise Named

    monkeypatch.setattr(paths, "identify_application", stop)
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "data"))
    with pytest.raises(Named):
        run_app(["--smoke", str(tmp_path / "none.txt")])


# --- the old autosave folder --------------------------------------------------------------

@linux_only
def test_an_autosave_in_the_old_folder_is_moved_once(home):
    old = home / ".local" / "share" / "parallax"
    write_autosave(_session("Left behind."), old)
    assert read_autosave(paths.data_dir()) is None
    moved = paths.migrate_legacy_autosave()
    assert moved == paths.autosave_path()
    restored = read_autosave(paths.data_dir())
    assert restored is not None and restored.documents[0].text == "Left behind."
    assert not old.exists(), "the emptied old folder is removed"
    assert paths.migrate_legacy_autosave() is None  # nothing left to move


@linux_only
def test_the_old_folder_follows_xdg_too(home, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    write_autosave(_session("Under XDG."), tmp_path / "xdg" / "parallax")
    assert paths.migrate_legacy_autosave() == tmp_path / "xdg" / "Parallax" / "autosave.parallax"
    assert read_autosave(paths.data_dir()).documents[0].text == "Under XDG."


@linux_only
def test_a_newer_autosave_is_never_overwritten_by_the_old_one(home):
    old = home / ".local" / "share" / "parallax"
    write_autosave(_session("Old."), old)
    (old / "notes.txt").write_text("something else of the user's")
    write_autosave(_session("New."), paths.data_dir())
    assert paths.migrate_legacy_autosave() is None
    assert read_autosave(paths.data_dir()).documents[0].text == "New."
    assert read_autosave(old).documents[0].text == "Old.", "the old one is left, not lost"


# --- settings from the old native store (Windows registry, macOS plist) --------------------

def test_settings_are_adopted_once_from_the_old_store(tmp_path):
    from PySide6.QtCore import QSettings
    old = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    old.setValue("view/theme", "dark")
    old.setValue("files/recent", ["/a.txt", "/b.txt"])
    new = QSettings(str(tmp_path / "new.ini"), QSettings.Format.IniFormat)
    assert paths.adopt_settings(new, old) == 2
    assert new.value("view/theme") == "dark"
    assert new.value("files/recent") == ["/a.txt", "/b.txt"]
    old.setValue("view/theme", "light")
    assert paths.adopt_settings(new, old) == 0, "settings already there win"
    assert new.value("view/theme") == "dark"
    assert paths.adopt_settings(old, QSettings(str(tmp_path / "old.ini"),
                                               QSettings.Format.IniFormat)) == 0  # same file


def test_the_window_uses_the_one_settings_file_and_data_folder(home, qtbot, tmp_path,
                                                               monkeypatch):
    from desktop.app.main_window import MainWindow
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PARALLAX_CONFIG_DIR", str(tmp_path / "config"))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.settings.fileName() == str(tmp_path / "config" / "Parallax.conf")
    assert window.autosave_dir == tmp_path / "data"
