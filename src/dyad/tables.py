"""Writing rows into DuckDB tables through Arrow: one piece for the store and for clustering."""

from __future__ import annotations

from typing import Literal

import duckdb
import pyarrow as pa

# A row as DuckDB takes it from pyarrow: column name to a plain Python value.
Row = dict[str, object]


def insert_rows(
    connection: duckdb.DuckDBPyConnection, table: str, rows: list[Row], *, on_conflict: Literal["IGNORE", "REPLACE"]
) -> int:
    """Insert rows in one statement; returns how many were written (DuckDB counts ignored rows out).

    IGNORE keeps what is stored (idempotent ingest); REPLACE overwrites it (derived tables
    such as happenings, rebuilt block by block).
    """
    if not rows:
        return 0
    frame = pa.Table.from_pylist(rows)
    columns = ", ".join(frame.column_names)
    connection.register("incoming_rows", frame)
    try:
        sql = f"INSERT OR {on_conflict} INTO {table} ({columns}) SELECT {columns} FROM incoming_rows"
        return connection.execute(sql).fetchall()[0][0]
    finally:
        connection.unregister("incoming_rows")
