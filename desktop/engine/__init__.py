"""Parallax's engine: ingest -> segment -> align -> diff -> facts -> reports.

Qt-free by rule (a test enforces it): the command line and the desktop app
are both thin fronts on :func:`compare` / :func:`compare_files`.
"""
from .model import Comparison, CompareConfig, Document
from .pipeline import compare, compare_files, read_documents

__all__ = ["Comparison", "CompareConfig", "Document", "compare", "compare_files", "read_documents"]
