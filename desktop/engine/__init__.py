"""Parallax's engine: ingest -> segment -> align -> diff -> facts -> reports.

Qt-free by rule (a test enforces it): the command line and the desktop app
are both thin fronts on :func:`compare` / :func:`compare_files`.  The names
below load on first use, so that importing a light part of the engine (the
model, ingest) does not pay for NLTK, which matters for the app's start-up.
"""
from importlib import import_module

_LAZY = {
    "Comparison": "model", "CompareConfig": "model", "Document": "model",
    "compare": "pipeline", "compare_files": "pipeline", "read_documents": "pipeline",
}

__all__ = sorted(_LAZY)


def __getattr__(name):
    if name in _LAZY:
        value = getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
