"""Packaging checks that need no build (the real bundle is checked by
scripts/bundle_smoke.sh, run from scripts/package.sh in CI)."""
from __future__ import annotations

import ast
import configparser
import re
import struct
import subprocess
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build.spec"
HEAVY_QT = ("PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore",
            "PySide6.QtWebEngineWidgets", "PySide6.Qt3DCore", "PySide6.QtMultimedia")


def pyproject_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^version\s*=\s*"([^"]+)"', text, re.M).group(1)


class _Recorder:
    """Stands in for one of PyInstaller's spec classes and remembers its arguments."""

    def __init__(self, kind: str, calls: list):
        self.kind, self.calls = kind, calls

    def __call__(self, *args, **kwargs):
        obj = types.SimpleNamespace(kind=self.kind, args=args, kwargs=kwargs,
                                    pure=[], scripts=[], binaries=[], datas=[])
        self.calls.append(obj)
        return obj


@pytest.fixture(scope="module")
def spec_run():
    """Execute build.spec with PyInstaller's classes replaced by recorders."""
    calls: list = []
    fake_bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    fake_bindepend.get_imports = lambda filename, search_paths=None: set()
    saved = {k: sys.modules.get(k) for k in
             ("PyInstaller", "PyInstaller.depend", "PyInstaller.depend.bindepend")}
    sys.modules.setdefault("PyInstaller", types.ModuleType("PyInstaller"))
    sys.modules.setdefault("PyInstaller.depend", types.ModuleType("PyInstaller.depend"))
    sys.modules["PyInstaller.depend.bindepend"] = fake_bindepend
    namespace = {"__name__": "__main__", "__file__": str(SPEC), "SPECPATH": str(ROOT)}
    namespace.update({k: _Recorder(k, calls) for k in
                      ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")})
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        for key, module in saved.items():
            if module is None:
                sys.modules.pop(key, None)
            else:
                sys.modules[key] = module
    return namespace, calls


def _one(calls, kind):
    found = [c for c in calls if c.kind == kind]
    assert len(found) == 1, f"{len(found)} {kind} calls"
    return found[0]


def test_spec_parses_as_python():
    ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def test_spec_builds_one_folder_app_named_parallax(spec_run):
    _ns, calls = spec_run
    collect = _one(calls, "COLLECT")
    assert collect.kwargs["name"] == "Parallax"
    exes = [c for c in calls if c.kind == "EXE"]
    assert exes and exes[0].kwargs["name"] == "Parallax"
    for exe in exes:
        # One-folder: the executables leave the libraries to COLLECT.
        assert exe.kwargs["exclude_binaries"] is True
        assert exe in collect.args
    analysis = _one(calls, "Analysis")
    assert Path(analysis.args[0][0]) == ROOT / "desktop" / "__main__.py"
    assert (ROOT / "desktop" / "__main__.py").exists()


def test_spec_ships_resources_seeds_and_version_source(spec_run):
    analysis = _one(spec_run[1], "Analysis")
    datas = {dest: Path(src) for src, dest in analysis.kwargs["datas"]}
    assert datas["resources"] == ROOT / "resources" and datas["resources"].is_dir()
    assert datas["seeds"] == ROOT / "seeds" and datas["seeds"].is_dir()
    # desktop.__version__ reads pyproject.toml next to sys._MEIPASS in a bundle.
    assert datas["."] == ROOT / "pyproject.toml"


def test_spec_excludes_heavy_qt_and_python_modules(spec_run):
    excludes = set(_one(spec_run[1], "Analysis").kwargs["excludes"])
    for module in HEAVY_QT + ("tkinter", "numpy", "scipy", "sklearn", "matplotlib"):
        assert module in excludes, module
    for needed in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "nltk", "regex"):
        assert needed not in excludes, needed


def test_spec_filter_keeps_what_the_app_loads(spec_run):
    keep = spec_run[0]["_keep"]
    for dest in ("PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Gui.so.6",
                 "PySide6/Qt/plugins/platforms/libqxcb.so",
                 "PySide6/Qt/plugins/platforms/libqwayland.so",
                 "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                 "PySide6/Qt/plugins/imageformats/libqico.so",
                 "resources/stopwords.txt", "seeds/003_4ecc2cef7e96f6a9.txt"):
        assert keep(dest), dest
    for dest in ("PySide6/Qt/lib/libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Network.so.6",
                 "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
                 "PySide6/Qt/plugins/imageformats/libqpdf.so",
                 "PySide6/Qt/plugins/tls/libqopensslbackend.so",
                 "PySide6/Qt/translations/qtbase_de.qm",
                 "nltk_data/tokenizers/punkt/english.pickle", "nltk/test/tokenize.doctest"):
        assert not keep(dest), dest


def test_spec_platform_icons_exist():
    for name in ("parallax.png", "parallax.svg", "parallax.ico", "parallax.icns"):
        assert (ROOT / "resources" / "icons" / name).stat().st_size > 0, name
    with open(ROOT / "resources" / "icons" / "parallax.png", "rb") as png:
        head = png.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (256, 256)


def test_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "resources" / "parallax.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name"] == "Parallax"
    assert section["Exec"].split()[0] == "Parallax"
    assert section["Icon"] == "parallax"


def test_version_matches_pyproject():
    import desktop
    assert desktop.__version__ == pyproject_version()


def test_module_entry_point_prints_version():
    done = subprocess.run([sys.executable, "-m", "desktop", "--version"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"parallax {pyproject_version()}"


def test_icon_svg_is_what_make_icon_draws():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_icon
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    committed = (ROOT / "resources" / "icons" / "parallax.svg").read_text(encoding="utf-8")
    assert make_icon.svg() == committed, "run scripts/make_icon.py again"


@pytest.mark.parametrize("script", ["package.sh", "bundle_smoke.sh"])
def test_packaging_scripts_are_valid_bash(script):
    done = subprocess.run(["bash", "-n", str(ROOT / "scripts" / script)],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
