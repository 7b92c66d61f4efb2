"""JSON Lines (one article per line) and JSON (one object, or an array of them).

`text` is required; key names come from `Columns`. JSON Lines failures name the line
(`file:3`), JSON array failures the element (`file#3`, counting from 1). Nesting deeper
than Python's JSON parser can follow, or a number too long to convert, fails that line or
document, not the run.
"""

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


def read_json(data: bytes, source: str, columns: Columns | None = None) -> Iterator[Article | Failure]:
    """A JSON document: one article object, or an array of them; a bad element fails alone."""
    columns = columns or Columns()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        reason = f"undecodable text: not valid UTF-8 at byte {error.start}: JSON must be UTF-8"
        yield Failure(source=source, stage="ingest", reason=reason)
        return
    try:
        document = _parse(text, source, whole_document=True)
    except InputError as error:
        yield Failure(source=source, stage="ingest", reason=error.reason)
        return
    if isinstance(document, dict):
        elements, name = [document], lambda _: source
    elif isinstance(document, list):
        elements, name = document, lambda position: f"{source}#{position}"
    else:
        yield Failure(source=source, stage="ingest", reason="JSON must be an article object or an array of them")
        return
    for position, element in enumerate(elements, start=1):
        where = name(position)
        if not isinstance(element, dict):
            yield Failure(source=where, stage="ingest", reason=f"not a JSON object with a {columns.text!r} field")
            continue
        try:
            yield article_from_fields(element, columns, where)
        except InputError as error:
            yield Failure(source=where, stage="ingest", reason=error.reason)


def _article_from_line(raw: bytes, where: str, columns: Columns) -> Article:
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        reason = f"undecodable text: not valid UTF-8 at byte {error.start}: JSON Lines must be UTF-8"
        raise InputError(where, reason) from None
    record = _parse(line, where)
    if not isinstance(record, dict):
        raise InputError(where, f"each line must be a JSON object with a {columns.text!r} field")
    return article_from_fields(record, columns, where)


def _parse(text: str, where: str, *, whole_document: bool = False) -> object:
    """json.loads, with every way it can fail on bad input turned into InputError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        place = f"line {error.lineno} column {error.colno}" if whole_document else f"column {error.colno}"
        raise InputError(where, f"invalid JSON: {error.msg} at {place}") from None
    except RecursionError:
        raise InputError(where, "invalid JSON: nested too deeply to read") from None
    except ValueError as error:  # e.g. an integer of more than 4,300 digits
        raise InputError(where, f"invalid JSON: {error}") from None
