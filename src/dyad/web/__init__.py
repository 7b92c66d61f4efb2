"""The analyst's web app (`dyad serve`): pages and a JSON API over a store opened read-only."""

from dyad.web.app import create_app

__all__ = ["create_app"]
