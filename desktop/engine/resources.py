"""Where the data the app ships lives: installed, in a checkout, in a bundle.

The repository keeps its data in the top-level folders ``resources/`` and
``seeds/``.  An installed Parallax (``pip install .``, a wheel, an editable
install) carries them inside the package as ``desktop.resources`` and
``desktop.seeds`` (see ``[tool.setuptools]`` in pyproject.toml), and they are
read through :mod:`importlib.resources`.  Two other layouts have no such
package and use the folders directly:

* a PyInstaller bundle: ``resources/`` and ``seeds/`` next to the code, in
  ``sys._MEIPASS`` (build.spec puts them there);
* a checkout run without installing (``python -m desktop`` from the
  repository root): the repository root, two levels above this package.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources as _ilr
from pathlib import Path

RESOURCES_PACKAGE = "desktop.resources"
SEEDS_PACKAGE = "desktop.seeds"
# A file every copy of resources/ has: tells a real data folder from a stray one.
_MARKER = ("nltk", "abbreviations.txt")


def root() -> Path:
    """The folder holding ``resources/`` and ``seeds/`` in a bundle or a checkout.

    In a PyInstaller bundle that is ``sys._MEIPASS``; from a checkout it is
    the repository root, two levels above this package.  (An installed
    package has no such folder: use :func:`resources_dir` and :func:`seeds_dir`.)
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def _package_dir(package: str) -> Path | None:
    """The folder of an installed data package, through importlib.resources.

    None where the package is not installed (a bundle, a bare checkout).
    """
    try:
        found = _ilr.files(package)
    except (ModuleNotFoundError, TypeError):
        return None
    if isinstance(found, Path):
        return found
    # A data package has no __init__.py: it is a namespace package, for which
    # files() gives a MultiplexedPath whose entries are plain Paths.
    for child in found.iterdir():
        return Path(child).parent
    return None


@lru_cache(maxsize=None)
def resources_dir() -> Path:
    """The folder with the shipped data (word lists, icons, desktop entry)."""
    if not getattr(sys, "_MEIPASS", None):
        installed = _package_dir(RESOURCES_PACKAGE)
        if installed is not None and installed.joinpath(*_MARKER).is_file():
            return installed
    return root() / "resources"


@lru_cache(maxsize=None)
def seeds_dir() -> Path:
    """The folder with the sample articles (seeds/ in the repository)."""
    if not getattr(sys, "_MEIPASS", None):
        installed = _package_dir(SEEDS_PACKAGE)
        if installed is not None and installed.is_dir():
            return installed
    return root() / "seeds"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


@lru_cache(maxsize=None)
def word_list(*parts: str) -> frozenset[str]:
    """A shipped list: one entry a line, ``#`` comments and blanks skipped."""
    lines = resource_path(*parts).read_text(encoding="utf-8").splitlines()
    return frozenset(l.strip() for l in lines if l.strip() and not l.lstrip().startswith("#"))
