"""One small exception tree, so callers can catch dyad's failures without catching bugs."""

from __future__ import annotations


class DyadError(Exception):
    """Root of every error dyad raises on purpose."""


class InputError(DyadError):
    """An input file or record cannot be read as an article; names the source."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ConfigError(DyadError):
    """A setting, flag or data file is invalid."""


class ModelError(DyadError):
    """The spaCy model is missing or is not the one dyad expects."""


class StoreError(DyadError):
    """The database cannot be opened or written."""
