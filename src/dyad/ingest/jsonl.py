"""JSON Lines: one article per line, `text` required; key names come from `Columns`."""

from __future__ import annotations

import json
from collections.abc import Iterator

from dyad.errors import InputError
from dyad.ingest.options import Columns, article_from_fields
from dyad.records import Article, Failure


def read_jsonl(data: bytes, source: str, columns: Columns | None = None) -> Iterator[Article | Failure]:
    """Yield one Article per good line and one Failure per bad line; the file goes on."""
    columns = columns or Columns()
    for number, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _article_from_line(raw, where, columns)
        except InputError as error:
            yield Failure(source=where, stage="ingest", reason=error.reason)


def _article_from_line(raw: bytes, where: str, columns: Columns) -> Article:
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(where, f"not valid UTF-8 at byte {error.start}: JSON Lines must be UTF-8") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, f"invalid JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        raise InputError(where, f"each line must be a JSON object with a {columns.text!r} field")
    return article_from_fields(record, columns, where)
