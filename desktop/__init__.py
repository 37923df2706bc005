"""Parallax: read several news reports of one event side by side."""
from importlib.metadata import PackageNotFoundError, version as _version

# Tells this package from any other top-level package named `desktop` (the name
# is generic, and two distributions that both install it overwrite each other's
# files).  desktop/__main__.py checks it before running; see docs/packaging.md.
PARALLAX_PACKAGE = "parallax"


def _read_version() -> str:
    try:
        return _version("parallax")
    except PackageNotFoundError:
        # Running from a checkout or a bundle without installed metadata.
        from pathlib import Path
        import re
        import sys
        base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))
        for candidate in (base / "pyproject.toml", base / "resources" / "VERSION"):
            if candidate.exists():
                match = re.search(r'^version\s*=\s*"([^"]+)"', candidate.read_text(), re.M)
                if match:
                    return match.group(1)
        return "0.0.0"


__version__ = _read_version()
