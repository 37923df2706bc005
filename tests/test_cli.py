"""The command line as a user runs it: real processes, real files."""
import json
import subprocess
import sys

from conftest import ROOT, SEED_003, SEED_004


def run(*args):
    return subprocess.run([sys.executable, "-m", "desktop.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


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
