"""The engine must import and run in a Python that has no PySide6 at all."""
import subprocess
import sys
import textwrap

from conftest import ROOT, SEED_003, SEED_004


def test_engine_runs_with_pyside6_unimportable():
    script = textwrap.dedent(f"""
        import sys
        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):
                    raise ImportError('Qt is blocked in this test')
                return None
        sys.meta_path.insert(0, BlockQt())
        sys.path.insert(0, {str(ROOT)!r})
        import pkgutil, importlib
        import desktop.engine as engine
        for mod in pkgutil.walk_packages(engine.__path__, 'desktop.engine.'):
            importlib.import_module(mod.name)
        from desktop import cli
        c = engine.compare_files([{str(SEED_003)!r}, {str(SEED_004)!r}])
        assert len(c.articles) == 2
        assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]
        print('QT-FREE-OK')
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "QT-FREE-OK" in out.stdout


def test_no_engine_source_mentions_qt_imports():
    offenders = []
    for path in (ROOT / "desktop" / "engine").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import PySide6", "from PySide6", "import shiboken6")):
                offenders.append(f"{path}: {stripped}")
    assert offenders == []
