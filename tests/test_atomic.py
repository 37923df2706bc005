"""Atomic writes: complete file or the old one, with ordinary permissions."""
import os

import pytest

from desktop.engine.atomic import write_atomic


def test_new_file_gets_umask_permissions_not_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "report.html"
        write_atomic(target, "<p>hi</p>")
    finally:
        os.umask(old)
    assert target.read_text() == "<p>hi</p>"
    assert target.stat().st_mode & 0o777 == 0o644


def test_failed_rename_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "session.parallax"
    target.write_text("old")

    def boom(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["session.parallax"]
