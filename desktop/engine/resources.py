"""Where the data the app ships lives, in a source tree and in a bundle."""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path


def root() -> Path:
    """The folder holding ``resources/`` and ``seeds/``.

    In a PyInstaller bundle that is ``sys._MEIPASS``; from a checkout it is
    the repository root, two levels above this package.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    return root().joinpath("resources", *parts)


def seeds_dir() -> Path:
    return root() / "seeds"


@lru_cache(maxsize=None)
def word_list(*parts: str) -> frozenset[str]:
    """A shipped list: one entry a line, ``#`` comments and blanks skipped."""
    lines = resource_path(*parts).read_text(encoding="utf-8").splitlines()
    return frozenset(l.strip() for l in lines if l.strip() and not l.lstrip().startswith("#"))
