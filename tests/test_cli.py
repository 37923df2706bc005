"""The command line as a user runs it: real processes, real files; and its exit codes.

Every run logs into a temporary data folder, never the real user's.
"""
import json
import os
import subprocess
import sys
import tempfile

import pytest

from conftest import ROOT, SEED_003, SEED_004, SEEDS
from desktop import cli
from desktop.cli import EXIT_BROKEN_PIPE, EXIT_FAILED, EXIT_OK, EXIT_PARTIAL

_SCRATCH = tempfile.mkdtemp(prefix="parallax-test-cli-")


def _env():
    return {**os.environ, "PARALLAX_DATA_DIR": _SCRATCH, "PARALLAX_CONFIG_DIR": _SCRATCH}


def run(*args):
    return subprocess.run([sys.executable, "-m", "desktop.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=_env())


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PARALLAX_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "data"


def test_compare_seeds_to_json_on_stdout():
    out = run("compare", SEED_003, SEED_004, "--json", "-")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["schema"] == "parallax.comparison/1"
    assert [a["id"] for a in data["articles"]] == ["A", "B"]
    for article in data["articles"]:
        assert article["passages"], "every article is segmented"
        for p in article["passages"]:
            assert 0 <= p["start"] < p["end"] <= len(article["text"])
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for group in data["groups"]:
        assert len({pid.rstrip("0123456789") for pid in group["passages"]}) >= 2
        for diff in group["diffs"]:
            for tag, a0, a1, b0, b1 in diff["ops"]:
                assert tag in ("equal", "insert", "delete", "replace")
                a_id, b_id = diff["a"].rstrip("0123456789"), diff["b"].rstrip("0123456789")
                assert 0 <= a0 <= a1 <= len(texts[a_id]) and 0 <= b0 <= b1 <= len(texts[b_id])
    assert isinstance(data["facts"], list)


def test_json_written_to_a_file(tmp_path):
    target = tmp_path / "out.json"
    out = run("compare", SEED_003, SEED_004, "--json", target)
    assert out.returncode == 0, out.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "parallax.comparison/1"


def test_bad_inputs_are_named_one_line_each_and_the_rest_still_compare(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    missing = tmp_path / "missing.txt"
    out = run("compare", SEED_003, empty, binary, SEED_004, missing, folder, "--json", tmp_path / "o.json")
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 4
    assert any(str(empty) in l and "empty" in l for l in lines)
    assert any(str(binary) in l and "binary" in l for l in lines)
    assert any(str(missing) in l and "no such file" in l for l in lines)
    assert any(str(folder) in l and "no readable articles" in l for l in lines)
    data = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert [a["source"] for a in data["articles"]] == [str(SEED_003), str(SEED_004)]
    assert len(data["errors"]) == 4


def test_fewer_than_two_readable_articles_fails_with_one_line(tmp_path):
    out = run("compare", SEED_003, tmp_path / "nope.txt", "--json", "-")
    assert out.returncode == 1
    assert out.stdout == ""
    assert "nothing to compare" in out.stderr


def test_version_is_printed():
    out = run("--version")
    assert out.returncode == 0
    assert out.stdout.startswith("parallax ")


def test_counts_read_as_english():
    from desktop.engine.wording import plural
    assert plural(1, "group") == "1 group"
    assert plural(2, "shared passage") == "2 shared passages"
    assert plural(0, "fact") == "0 facts"
    assert plural(3, "child", "children") == "3 children"
    assert plural(12400, "word") == "12,400 words"  # a count as a reader writes it


# --- exit codes: the README's table, called in-process -------------------------------------

def test_exit_0_when_everything_was_read_and_written(data, tmp_path, capsys):
    assert cli.main(["compare", str(SEED_003), str(SEED_004),
                     "--json", str(tmp_path / "o.json")]) == EXIT_OK == 0
    assert capsys.readouterr().err == ""
    assert (tmp_path / "o.json").exists()


def test_exit_2_when_written_but_an_input_was_unreadable(data, tmp_path, capsys):
    assert cli.main(["compare", str(SEED_003), str(SEED_004), str(tmp_path / "gone.txt"),
                     "--json", str(tmp_path / "o.json")]) == EXIT_PARTIAL == 2
    assert (tmp_path / "o.json").exists()


def test_exit_1_when_fewer_than_two_articles_are_readable(data, tmp_path, capsys):
    assert cli.main(["compare", str(SEED_003), str(tmp_path / "gone.txt")]) == EXIT_FAILED == 1
    assert "nothing to compare" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["compare"],                                            # no files
    ["compare", "--bogus", str(SEED_003), str(SEED_004)],  # unknown flag
    ["compare", str(SEED_003), str(SEED_004), "--json"],  # a flag without its value
    ["--bogus"],                                            # unknown flag for the app
    ["--size"],                                             # the app's option without a value
])
def test_exit_1_for_bad_usage_with_the_reason_on_stderr(data, capsys, argv):
    assert cli.main(argv) == EXIT_FAILED == 1
    captured = capsys.readouterr()
    assert "usage: parallax" in captured.err and "error:" in captured.err
    assert captured.out == ""


def test_exit_1_when_a_report_cannot_be_written(data, tmp_path, capsys):
    target = tmp_path / "no-such-folder" / "r.json"
    assert cli.main(["compare", str(SEED_003), str(SEED_004), "--json", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"cannot write {target}" in err


@pytest.mark.parametrize("argv", [["--help"], ["-h"], ["compare", "--help"], ["--version"]])
def test_help_and_version_exit_0(capsys, argv):
    assert cli.main(argv) == 0
    assert capsys.readouterr().out


def test_help_says_files_folders_and_links_may_be_given(capsys):
    assert cli.main(["--help"]) == 0
    top = capsys.readouterr().out
    assert "FILE | FOLDER | LINK" in top
    assert "folders" in top and "links" in top and "exit codes" in top
    assert cli.main(["compare", "--help"]) == 0
    sub = capsys.readouterr().out
    assert "FILE|FOLDER|LINK" in sub and "folders" in sub and "links" in sub
    assert "--verbose" in sub


def test_the_app_parser_says_so_too_and_exits_without_a_window(capsys):
    from desktop.app.main import run_app
    assert run_app(["--help"]) == 0
    out = capsys.readouterr().out
    assert "FILE|FOLDER|LINK" in out and "folders" in out and "links" in out
    assert "--verbose" in out


# --- a reader that stops early (``| head``) ----------------------------------------------

def _piped(*args, lines_read: int):
    """Run the CLI into a pipe whose reader takes ``lines_read`` lines, then closes it."""
    proc = subprocess.Popen([sys.executable, "-m", "desktop.cli", *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    read = [proc.stdout.readline() for _ in range(lines_read)]
    proc.stdout.close()  # like head -1 exiting (or, with 0 lines, a reader already gone)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    return read, proc.wait(timeout=120), err


def test_facts_piped_into_a_reader_that_stops_after_one_line_end_quietly():
    # Whether a write still comes after the reader left is a race (the whole
    # summary may already sit in the pipe): both endings are right, a traceback never.
    (first,), code, err = _piped("compare", SEEDS, "--facts", lines_read=1)
    assert first.strip()
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert err == ""
    assert code in (EXIT_OK, EXIT_BROKEN_PIPE)


def test_output_to_a_reader_that_is_gone_ends_quietly_with_141():
    # The reader closes before anything is written, so the first write fails: no race.
    _, code, err = _piped("compare", SEEDS, "--json", "-", lines_read=0)
    assert err == ""
    assert code == EXIT_BROKEN_PIPE == 141


def test_a_broken_pipe_in_process_returns_141_and_silences_stdout(tmp_path, monkeypatch, data):
    """The standard recipe: stdout's descriptor is pointed at devnull, so the
    interpreter's last flush at exit cannot fail again."""
    sink = open(tmp_path / "stdout", "w+")

    class ClosedPipe:
        def __init__(self, fail_on):
            self.fail_on = fail_on

        def write(self, _text):
            if self.fail_on == "write":
                raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            if self.fail_on == "flush":
                raise BrokenPipeError(32, "Broken pipe")

        def fileno(self):
            return sink.fileno()

    # The write itself fails, or (a short output still in the buffer) only the flush.
    for fail_on in ("write", "flush"):
        monkeypatch.setattr(sys, "stdout", ClosedPipe(fail_on))
        assert cli.main(["compare", str(SEED_003), str(SEED_004), "--facts"]) == 141, fail_on
    os.write(sink.fileno(), b"after the reader left")
    sink.close()
    assert (tmp_path / "stdout").read_bytes() == b"", "the descriptor now goes to devnull"
