"""The log file: errors with their tracebacks for a bug report, one clear line for the user.

Every test sends the log to a temporary folder (``PARALLAX_DATA_DIR``).
"""
from __future__ import annotations

import logging
import threading

import pytest

from conftest import SEED_003, SEED_004
from desktop import cli
from desktop.app import paths


@pytest.fixture
def data(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(folder))
    yield folder
    paths.stop_logging()


def _boom(comparison):
    raise ZeroDivisionError("the writer divided by nothing")


def test_a_report_writer_bug_is_one_line_for_the_user_and_a_traceback_in_the_log(
        data, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "_report_writers", lambda: {"md": _boom})
    code = cli.main(["compare", str(SEED_003), str(SEED_004), "--md", str(tmp_path / "r.md")])
    err = capsys.readouterr().err
    assert code == cli.EXIT_FAILED
    assert err.count("\n") == 1, err
    assert "cannot write the md report: ZeroDivisionError: the writer divided by nothing" in err
    assert str(data / "parallax.log") in err, "the line says where the detail is"
    assert "Traceback" not in err
    logged = (data / "parallax.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "in _boom" in logged and "ZeroDivisionError" in logged
    assert not (tmp_path / "r.md").exists()


def test_an_unexpected_error_is_one_line_and_a_traceback(data, monkeypatch, capsys):
    import desktop.engine

    def broken(*_args, **_kwargs):
        raise RuntimeError("engine fell over")

    monkeypatch.setattr(desktop.engine, "compare_files", broken)
    code = cli.main(["compare", str(SEED_003), str(SEED_004)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_FAILED
    assert err.count("\n") == 1 and "internal error: RuntimeError: engine fell over" in err
    logged = (data / "parallax.log").read_text(encoding="utf-8")
    assert "Traceback" in logged and "in broken" in logged


def test_unreadable_inputs_are_one_line_each_and_kept_in_the_log(data, tmp_path, capsys):
    missing = tmp_path / "gone.txt"
    code = cli.main(["compare", str(SEED_003), str(SEED_004), str(missing),
                     "--json", str(tmp_path / "o.json")])
    err = capsys.readouterr().err
    assert code == cli.EXIT_PARTIAL
    assert err.splitlines() == [f"parallax: {missing}: no such file"]
    logged = (data / "parallax.log").read_text(encoding="utf-8")
    assert "WARNING desktop.cli" in logged and f"{missing}: no such file" in logged


def test_a_clean_run_writes_no_log_and_says_nothing(data, tmp_path, capsys):
    assert cli.main(["compare", str(SEED_003), str(SEED_004),
                     "--json", str(tmp_path / "o.json")]) == cli.EXIT_OK
    assert capsys.readouterr().err == ""
    assert not data.exists(), "no log, not even an empty folder, when nothing went wrong"


@pytest.mark.parametrize("argv", [["compare", "--verbose"], ["--verbose", "compare"],
                                  ["compare", "-v"]])
def test_verbose_prints_the_detail_on_stderr(data, tmp_path, monkeypatch, capsys, argv):
    monkeypatch.setattr(cli, "_report_writers", lambda: {"md": _boom})
    code = cli.main(argv + [str(SEED_003), str(SEED_004), "--md", str(tmp_path / "r.md")])
    err = capsys.readouterr().err
    assert code == cli.EXIT_FAILED
    assert "DEBUG" in err and "log file" in err, err
    assert "Traceback (most recent call last)" in err and "in _boom" in err
    assert "Traceback" in (data / "parallax.log").read_text(encoding="utf-8")


def test_the_log_rotates_and_stays_small(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "LOG_MAX_BYTES", 2000)
    log_file = paths.start_logging(log_file=tmp_path / "logs" / "parallax.log")
    try:
        for n in range(200):
            logging.getLogger("desktop.test").warning("record number %d of many", n)
    finally:
        paths.stop_logging()
    files = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert files == ["parallax.log", "parallax.log.1"]
    assert all((tmp_path / "logs" / f).stat().st_size <= 2000 for f in files)
    assert "record number 199" in log_file.read_text(encoding="utf-8")


def test_starting_twice_does_not_log_twice(tmp_path):
    target = tmp_path / "parallax.log"
    paths.start_logging(log_file=target)
    paths.start_logging(log_file=target)
    logging.getLogger("desktop.test").error("once")
    paths.stop_logging()
    assert target.read_text(encoding="utf-8").count("once") == 1


def test_an_uncaught_exception_in_a_thread_reaches_the_log(tmp_path, monkeypatch):
    target = tmp_path / "parallax.log"
    passed_on = []
    monkeypatch.setattr(threading, "excepthook", lambda args: passed_on.append(args.exc_value))
    before = threading.excepthook
    paths.start_logging(log_file=target)
    restore = paths.install_excepthooks()
    try:
        def work():
            raise KeyError("lost in a worker")

        thread = threading.Thread(target=work, name="worker-7")
        thread.start()
        thread.join()
    finally:
        restore()
        paths.stop_logging()
    logged = target.read_text(encoding="utf-8")
    assert "uncaught exception in thread worker-7" in logged
    assert "Traceback" in logged and "lost in a worker" in logged
    assert [str(e) for e in passed_on] == ["'lost in a worker'"], \
        "the previous hook (stderr) still runs"
    assert threading.excepthook is before, "the hooks are put back"


def test_the_app_logs_a_failed_export_with_its_traceback(tmp_path, qtbot, monkeypatch):
    """The window shows one line; the log keeps the writer's traceback."""
    from desktop.app import main_window as mw
    from desktop.app import operations
    from desktop.engine import compare_files

    target = tmp_path / "parallax.log"
    paths.start_logging(log_file=target)
    try:
        window = mw.MainWindow(_scratch_settings(tmp_path))
        qtbot.addWidget(window)
        comparison = compare_files([str(SEED_003), str(SEED_004)])

        def broken_export(*_args, **_kwargs):
            raise ZeroDivisionError("export divided by nothing")

        monkeypatch.setattr(operations, "render", broken_export)
        shown = []
        monkeypatch.setattr(window.message_bar, "show_message",
                            lambda text, kind="info", *a, **k: shown.append((text, kind)))
        # Written on a worker thread: the failure comes back as a message.
        with qtbot.waitSignal(window.exporter.failed, timeout=30_000):
            window.exporter.start(comparison, str(tmp_path / "r.md"), "md", None)
    finally:
        paths.stop_logging()
    assert not (tmp_path / "r.md").exists()
    assert shown and shown[-1][1] == "error" and "\n" not in shown[-1][0]
    assert "ZeroDivisionError: export divided by nothing" in shown[-1][0]
    logged = target.read_text(encoding="utf-8")
    assert "Traceback" in logged and "in broken_export" in logged


def _scratch_settings(tmp_path):
    from PySide6.QtCore import QSettings
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
