"""The engine's own error types: everything a caller should expect to catch."""
from __future__ import annotations


class ParallaxError(Exception):
    """Base of the errors the engine raises on purpose."""


class IngestError(ParallaxError):
    """A source could not be turned into an article; ``reason`` is for people."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class Cancelled(ParallaxError):
    """The caller's ``should_cancel`` asked the pipeline to stop."""
