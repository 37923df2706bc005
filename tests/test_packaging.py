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


APP_ID = "io.github.parallax_news.Parallax"
# What a desktop should offer Parallax for, by the suffixes desktop.engine.ingest reads.
MIME_FOR_SUFFIX = {
    ".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown",
    ".markdown": "text/markdown", ".html": "text/html", ".htm": "text/html",
    ".xhtml": "application/xhtml+xml", ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".rtf": "application/rtf", ".eml": "message/rfc822", ".mhtml": "multipart/related",
    ".mht": "multipart/related",
}


def _desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "resources" / f"{APP_ID}.desktop", encoding="utf-8")
    return entry["Desktop Entry"]


def test_desktop_entry():
    section = _desktop_entry()
    assert section["Type"] == "Application"
    assert section["Version"] == "1.0"  # the spec version desktop-file-validate knows
    assert section["Name"] == "Parallax"
    assert section["Exec"].split()[0] == "Parallax"
    assert section["Icon"] == APP_ID
    assert not (ROOT / "resources" / "parallax.desktop").exists(), "renamed to the app id"


def test_desktop_entry_offers_every_type_the_app_reads():
    from desktop.engine.ingest import supported_suffixes
    offered = set(filter(None, _desktop_entry()["MimeType"].split(";")))
    for suffix in supported_suffixes():
        assert suffix in MIME_FOR_SUFFIX, f"{suffix}: add its MIME type here and to the .desktop file"
        assert MIME_FOR_SUFFIX[suffix] in offered, f"{suffix}: {MIME_FOR_SUFFIX[suffix]} not in MimeType"


def test_metainfo_names_the_app_and_the_current_version():
    import xml.etree.ElementTree as ET
    root = ET.parse(ROOT / "resources" / f"{APP_ID}.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    versions = [r.get("version") for r in root.iter("release")]
    assert versions and versions[0] == pyproject_version(), "add a <release> for the new version"


def _pyproject():
    import tomllib
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_pyproject_lists_every_package_and_ships_the_data_folders():
    tool = _pyproject()["tool"]["setuptools"]
    on_disk = {str(p.parent.relative_to(ROOT)).replace("/", ".")
               for p in (ROOT / "desktop").rglob("__init__.py") if "__pycache__" not in p.parts}
    listed = set(tool["packages"])
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert tool["package-dir"] == {"desktop.resources": "resources", "desktop.seeds": "seeds"}
    assert {"desktop.resources", "desktop.seeds"} <= listed
    assert tool["package-data"]["desktop.resources"] == ["**/*"]
    assert _pyproject()["project"]["scripts"]["parallax"] == "desktop.__main__:main"


def test_data_is_read_from_the_installed_package_when_there_is_one(tmp_path, monkeypatch):
    from desktop.engine import resources
    data = tmp_path / "resources"
    (data / "nltk").mkdir(parents=True)
    (data / "nltk" / "abbreviations.txt").write_text("dr\n", encoding="utf-8")
    monkeypatch.setattr(resources._ilr, "files", lambda package: data)
    resources.resources_dir.cache_clear()
    try:
        assert resources.resources_dir() == data
        assert resources.resource_path("nltk", "abbreviations.txt").read_text() == "dr\n"
    finally:
        resources.resources_dir.cache_clear()


def test_data_falls_back_to_the_checkout_without_an_installed_package(monkeypatch):
    from desktop.engine import resources

    def not_installed(package):
        raise ModuleNotFoundError(package)
    monkeypatch.setattr(resources._ilr, "files", not_installed)
    resources.resources_dir.cache_clear()
    resources.seeds_dir.cache_clear()
    try:
        assert resources.resources_dir() == ROOT / "resources"
        assert resources.seeds_dir() == ROOT / "seeds"
        assert resources.resource_path("nltk", "abbreviations.txt").is_file()
    finally:
        resources.resources_dir.cache_clear()
        resources.seeds_dir.cache_clear()


def test_entry_point_refuses_a_foreign_desktop_package(monkeypatch, capsys):
    import desktop
    import desktop.__main__ as entry
    assert desktop.PARALLAX_PACKAGE == entry.MARKER
    assert entry.package_clash() is None
    monkeypatch.delattr(desktop, "PARALLAX_PACKAGE")
    message = entry.package_clash()
    assert message and "not Parallax's" in message and "pipx" in message
    assert entry.main(["--version"]) == 3
    assert "not Parallax's" in capsys.readouterr().err


def _bundle_libs():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import bundle_libs
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return bundle_libs


@pytest.mark.parametrize("name,allowed", [
    ("libwayland-cursor.so.0", True), ("libwayland-egl.so.1", True), ("libxcb.so.1", True),
    ("libxcb-randr.so.0", True), ("libX11.so.6", True), ("libxkbcommon-x11.so.0", True),
    ("libGL.so.1", True), ("libEGL.so.1", True), ("libfontconfig.so.1", True),
    ("libfreetype.so.6", True), ("libdbus-1.so.3", True), ("libc.so.6", True),
    ("libxcb-cursor.so.0", False), ("libxcb-icccm.so.4", False), ("libpng16.so.16", False),
    ("libicuuc.so.73", False), ("libglib-2.0.so.0", False), ("libQt6Gui.so.6", False),
    ("libz.so.1", False), ("libpython3.11.so.1.0", False),
])
def test_bundle_library_rule(name, allowed):
    assert _bundle_libs().desktop_provides(name) is allowed


def test_bundle_library_check_reports_desktop_libraries_and_fails_on_others():
    bl = _bundle_libs()
    ldd = (
        "./PySide6/Qt/plugins/platforms/libqwayland.so:\n"
        "\tlinux-vdso.so.1 (0x00007ffd)\n"
        "\tlibwayland-cursor.so.0 => not found\n"
        "\tlibQt6Gui.so.6 => /b/_internal/PySide6/Qt/lib/libQt6Gui.so.6 (0x1)\n"
        "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x2)\n"
        "./PySide6/Qt/plugins/platforms/libqxcb.so:\n"
        "\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x3)\n"
        "\tlibpng16.so.16 => not found\n"
    )
    problems, desktop = bl.classify(bl.parse_ldd(ldd), "/b/_internal")
    assert set(desktop) == {"libwayland-cursor.so.0", "libc.so.6"}
    assert desktop["libwayland-cursor.so.0"]["here"] is False
    assert desktop["libc.so.6"]["here"] is True
    assert sorted(problems) == [
        "libpng16.so.16 (missing)",
        "libxcb-cursor.so.0 (only outside the bundle: /lib/x86_64-linux-gnu/libxcb-cursor.so.0)"]


def test_docs_state_the_bundle_library_rule():
    docs = (ROOT / "docs" / "packaging.md").read_text(encoding="utf-8")
    for _pattern, why in _bundle_libs().DESKTOP_LIBS:
        assert why in docs, f"docs/packaging.md does not name {why!r}"


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


@pytest.mark.parametrize("script", ["scripts/package.sh", "scripts/bundle_smoke.sh",
                                    "scripts/setup.sh", "scripts/run.sh",
                                    "scripts/wheel_check.sh", ".ci/run"])
def test_packaging_scripts_are_valid_bash(script):
    done = subprocess.run(["bash", "-n", str(ROOT / script)],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
