"""``parallax corpus --dask``: the same job on dask.distributed (issue 17).

A local Dask cluster of two worker processes sorts and compares the small
hand-made corpus of ``test_corpus.py``; it must find the same stories and
write the same comparisons as the local process pool, and it must pick up a
run the pool left unfinished (and the other way round) without redoing a
finished story.  Dask is the optional ``cluster`` extra; CI installs it with
the ``test`` extra, and these tests are skipped where it is absent, except
the one that checks the message given without it.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.engine.corpus import run_corpus
from test_corpus import FAST, ROOT, _folder, _stories_by_name

needs_dask = pytest.mark.skipif(
    subprocess.run([sys.executable, "-c", "import distributed"], capture_output=True).returncode != 0,
    reason="dask.distributed is not installed (pip install '.[cluster]')")


def _outputs(out: Path) -> dict[str, str]:
    """Every story file by name; the contract JSON and summaries parsed, so key order cannot matter.

    A report says the minute it was made: two runs may straddle a minute.
    """
    files = {}
    for path in sorted((out / "stories").iterdir()):
        text = path.read_text(encoding="utf-8")
        files[path.name] = json.loads(text) if path.suffix == ".json" else _MADE_AT.sub("", text)
    return files


_MADE_AT = re.compile(r"\d{1,2} \w+ \d{4}, \d{2}:\d{2} UTC")


@needs_dask
def test_a_local_dask_cluster_finds_the_same_stories_and_comparisons_as_the_pool(tmp_path):
    folder = _folder(tmp_path)
    pooled = run_corpus([str(folder)], tmp_path / "pool", FAST, workers=2)
    on_dask = run_corpus([str(folder)], tmp_path / "dask", FAST, engine="dask", scheduler="local:2")
    assert on_dask.stories == pooled.stories and on_dask.compared == 2
    assert _stories_by_name(tmp_path / "dask") == _stories_by_name(tmp_path / "pool")
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "pool")
    assert (tmp_path / "dask" / "index.html").read_text(encoding="utf-8") == \
        (tmp_path / "pool" / "index.html").read_text(encoding="utf-8")


@needs_dask
def test_a_run_interrupted_on_one_engine_resumes_on_the_other_without_redoing_stories(tmp_path):
    folder = _folder(tmp_path)

    def interrupt_after_first(stage, done, total):
        if stage == "compare" and done == 1:
            raise KeyboardInterrupt

    for first, then, out in ((("local", None), ("dask", "local:2"), tmp_path / "a"),
                             (("dask", "local:2"), ("local", None), tmp_path / "b")):
        with pytest.raises(KeyboardInterrupt):
            run_corpus([str(folder)], out, FAST, engine=first[0], scheduler=first[1], workers=None,
                       progress=interrupt_after_first)
        assert len(list((out / "stories").glob("*.summary.json"))) == 2  # the lone article's and one story's
        assert not (out / "index.html").exists()
        stamps = {p.name: p.stat().st_mtime_ns for p in (out / "stories").iterdir()}
        again = run_corpus([str(folder)], out, FAST, engine=then[0], scheduler=then[1])
        assert (again.compared, again.skipped) == (1, 2), f"{first[0]} then {then[0]}"
        for name, stamp in stamps.items():
            assert (out / "stories" / name).stat().st_mtime_ns == stamp, f"{name} was redone"
        assert len(list((out / "stories").glob("*.html"))) == 2 and (out / "index.html").exists()


@needs_dask
def test_the_command_runs_on_dask_local_workers(tmp_path):
    folder, out = _folder(tmp_path), tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "desktop", "corpus", str(folder), "--out", str(out),
                           "--dask", "local:2"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "stories done 2/2" in done.stderr and "Traceback" not in done.stderr
    assert len(list((out / "stories").glob("*.html"))) == 2


def test_without_dask_the_option_says_how_to_install_it(tmp_path):
    folder = _folder(tmp_path)
    # None in sys.modules makes `import distributed` fail as if it were not installed.
    code = ("import sys; sys.modules['distributed'] = None\n"
            "from desktop import corpus_cli\n"
            f"sys.exit(corpus_cli.main([{str(folder)!r}, '--out', {str(tmp_path / 'out')!r}, "
            "'--dask', 'local:2']))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "pip install 'parallax[cluster]'" in done.stderr
    assert not (tmp_path / "out").exists()  # nothing started


def test_a_bad_local_size_is_refused_before_anything_starts(tmp_path):
    from desktop import corpus_cli
    said = []
    args = corpus_cli.build_parser().parse_args([str(tmp_path), "--out", str(tmp_path / "out"),
                                                 "--dask", "local:0"])
    assert corpus_cli.run(args, say=said.append) == corpus_cli.EXIT_FAILED
    assert len(said) == 1 and ("local:N" in said[0] or "install" in said[0])


def test_the_app_and_the_local_engine_never_import_dask():
    code = ("import sys\n"
            "import desktop.app.main_window, desktop.engine.corpus, desktop.corpus_cli\n"
            "from desktop.engine.corpus import engines\n"
            "with engines.executor('local', 0): pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@needs_dask
def test_an_unreachable_scheduler_is_one_clear_error():
    from desktop.engine.corpus.dask_engine import DaskUnreachable, dask_executor
    with pytest.raises(DaskUnreachable, match="could not reach the Dask scheduler at tcp://127.0.0.1:9"):
        with dask_executor("tcp://127.0.0.1:9", connect_timeout=1):
            pass
