import os
import sys
from pathlib import Path

# Qt must never need a screen in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEEDS = ROOT / "seeds"
SEED_003 = SEEDS / "003_4ecc2cef7e96f6a9.txt"
SEED_004 = SEEDS / "004_414ec68b31cd158a.txt"

import tempfile  # noqa: E402

import pytest  # noqa: E402

# Tests never write to the user's folders: settings, autosave and log go to scratch.
_SCRATCH = Path(tempfile.mkdtemp(prefix="parallax-tests-"))
os.environ.setdefault("PARALLAX_DATA_DIR", str(_SCRATCH / "data"))
os.environ.setdefault("PARALLAX_CONFIG_DIR", str(_SCRATCH / "config"))


@pytest.fixture(autouse=True, scope="session")
def _one_qt_application(qapp):
    """Every test shares one QApplication, made before anything can make a lesser one.

    The PDF writer makes a QGuiApplication when none exists (the command line
    needs one); a widget made after that aborts the whole process.
    """
    return qapp


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A data folder of the test's own (autosave, log)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def make_window(qtbot, tmp_path, data_dir):
    """Makes windows that share one settings file, as runs of the app do; cancels them after."""
    from app_helpers import open_window

    made = []

    def make(**kwargs):
        win = open_window(qtbot, tmp_path, **kwargs)
        made.append(win)
        return win

    yield make
    for win in made:
        win.cancel()


@pytest.fixture
def window(make_window):
    return make_window()
