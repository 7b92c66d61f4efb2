"""Full-text search over evidence sentences and articles (DuckDB's FTS extension, BM25).

The extension comes from the `duckdb-extension-fts` wheel and is loaded from its path, so
nothing is downloaded at run time; the wheel's version must be DuckDB's own, which is why
both are pinned together in pyproject.toml. DuckDB's FTS indexes do not follow later
writes, and a reader (the web app) opens the database read-only, so the index is built in
a private in-memory database from what the store holds, and rebuilt when the store has
changed since (`SearchIndex.for_store`).
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from typing import ClassVar, Literal

import duckdb

from dyad.errors import ConfigError
from dyad.store import Store

Kind = Literal["evidence", "article"]


def load_fts(connection: duckdb.DuckDBPyConnection) -> None:
    """Load the FTS extension shipped by the duckdb-extension-fts wheel (never downloaded)."""
    try:
        package = importlib.resources.files("duckdb_extension_fts")
    except ModuleNotFoundError:
        raise ConfigError("full-text search needs the duckdb-extension-fts package: pip install -e .") from None
    path = package / "extensions" / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    if not path.is_file():
        raise ConfigError(
            f"duckdb-extension-fts has no build for DuckDB {duckdb.__version__}: install the matching versions "
            "pinned in pyproject.toml"
        )
    connection.execute(f"LOAD '{path}'")


@dataclass(frozen=True)
class Hit:
    """One match: an event's evidence sentence or an article, with its BM25 score."""

    kind: Kind
    id: str  # the event id for evidence, the article id for articles
    article_id: str
    text: str
    score: float


class SearchIndex:
    """An in-memory BM25 index of a store's evidence sentences and article texts."""

    _cache: ClassVar[dict[str, tuple[tuple[int, int], SearchIndex]]] = {}  # by database path

    def __init__(self, source: duckdb.DuckDBPyConnection) -> None:
        """The index of what `source` (a connection whose default database is a store) holds now."""
        self.connection = duckdb.connect()
        load_fts(self.connection)
        evidence = source.execute(
            "SELECT e.id, e.article_id, string_agg(v.text, ' ' ORDER BY v.position) FROM events e "
            "JOIN event_evidence v ON v.event_id = e.id GROUP BY e.id, e.article_id"
        ).to_arrow_table()
        articles = source.execute(
            "SELECT id, id AS article_id, coalesce(title, '') || ' ' || text FROM articles"
        ).to_arrow_table()
        for name, table in (("evidence", evidence), ("article", articles)):
            self.connection.register(f"{name}_rows", table)
            self.connection.execute(f"CREATE TABLE {name} (id VARCHAR, article_id VARCHAR, body VARCHAR)")
            self.connection.execute(f"INSERT INTO {name} SELECT * FROM {name}_rows")
            self.connection.unregister(f"{name}_rows")
            self.connection.execute(f"PRAGMA create_fts_index('{name}', 'id', 'body', stemmer='english')")

    @classmethod
    def for_store(cls, store: Store) -> SearchIndex:
        """The index of this store, rebuilt only when its articles or events have changed."""
        counts = store.counts()
        key = (counts["articles"], counts["events"])
        cached = cls._cache.get(store.path)
        if cached is None or cached[0] != key:
            cls._cache[store.path] = (key, cls(store.connection))
        return cls._cache[store.path][1]

    def search(self, text: str, *, kinds: tuple[Kind, ...] = ("evidence", "article"), limit: int = 20) -> list[Hit]:
        """The best matches of any word of `text`, by BM25, best first (ties by id)."""
        hits: list[Hit] = []
        cursor = self.connection.cursor()  # its own, so that threads search at once
        for kind in kinds:
            rows = cursor.execute(
                f"SELECT id, article_id, body, score FROM (SELECT *, fts_main_{kind}.match_bm25(id, ?) AS score "
                f"FROM {kind}) WHERE score IS NOT NULL ORDER BY score DESC, id LIMIT ?",
                [text, limit],
            ).fetchall()
            hits += [Hit(kind=kind, id=r[0], article_id=r[1], text=r[2], score=float(r[3])) for r in rows]
        cursor.close()
        return sorted(hits, key=lambda hit: (-hit.score, hit.kind, hit.id))[:limit]
