"""The analyst's web app (`dyad serve`): pages and a JSON API over a store opened read-only."""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    """`create_app` is imported on first use, so that the CLI does not load FastAPI for other commands."""
    if name == "create_app":
        from dyad.web.app import create_app

        return create_app
    raise AttributeError(f"module 'dyad.web' has no attribute {name!r}")
