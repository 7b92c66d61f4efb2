"""JSON Lines: one article per line with `text` and optional id, url, title, published."""

from __future__ import annotations

import json
from collections.abc import Iterator

from dyad.errors import InputError
from dyad.ingest.text import article_from_text
from dyad.records import Article, Failure


def read_jsonl(data: bytes, source: str) -> Iterator[Article | Failure]:
    """Yield one Article per good line and one Failure per bad line; the file goes on."""
    for number, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _article_from_line(raw, where)
        except InputError as error:
            yield Failure(source=where, stage="ingest", reason=error.reason)


def _article_from_line(raw: bytes, where: str) -> Article:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(where, f"not valid UTF-8 at byte {error.start}: JSON Lines must be UTF-8") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, f"invalid JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        raise InputError(where, "each line must be a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "missing or empty 'text' field")
    given_id = record.get("id")
    return article_from_text(
        text,
        ref=str(given_id) if given_id not in (None, "") else where,
        published=_optional_str(record.get("published")),
        url=_optional_str(record.get("url")),
        title=_optional_str(record.get("title")),
        outlet=_optional_str(record.get("outlet") or record.get("source")),
    )


def _optional_str(value: object) -> str | None:
    return None if value in (None, "") else str(value)
