"""dyad: news articles in, verifiable political event records out.

>>> import dyad
>>> events = dyad.extract(text, published="2025-07-27")
>>> with dyad.Store("dyad.duckdb") as store:
...     store.ingest(["articles/"])
...     store.events(actor="BLR", type="SUPPORT")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dyad.errors import ConfigError, DyadError, InputError, ModelError, StoreError
from dyad.records import Article, Entity, Event, Evidence, Failure, Location, Section, event_json_schema

if TYPE_CHECKING:
    import pandas

__version__ = "0.1.0"


def extract(text_or_article: str | Article, published: str | None = None, url: str | None = None) -> list[Event]:
    """The events of one article (text or Article), coded without storing anything."""
    from dyad.pipeline import extract as _extract

    return _extract(text_or_article, published=published, url=url)


def to_dataframe(events: list[Event]) -> pandas.DataFrame:
    """Events as a pandas DataFrame, one row per event, nested fields as Python objects."""
    import pandas

    return pandas.DataFrame([event.to_dict() for event in events])


def __getattr__(name: str) -> Any:
    if name == "Store":  # imported lazily: DuckDB is not needed to code a single text
        from dyad.store import Store

        return Store
    raise AttributeError(name)


__all__ = [
    "Article", "ConfigError", "DyadError", "Entity", "Event", "Evidence", "Failure", "InputError",
    "Location", "ModelError", "Section", "Store", "StoreError", "event_json_schema", "extract", "to_dataframe",
]  # fmt: skip
