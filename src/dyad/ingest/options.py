"""What a read is told from outside: flags for single articles, column names, the size limit.

Tabular inputs (JSON Lines, CSV) come from many tools with their own column names, so the
names are configurable rather than assumed; one mapping serves both formats.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace

from dyad.errors import ConfigError, InputError
from dyad.ingest.text import article_from_text
from dyad.records import Article

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Columns:
    """Which column (CSV) or key (JSON Lines) holds each article field; `text` is required."""

    text: str = "text"
    id: str = "id"
    url: str = "url"
    title: str = "title"
    published: str = "published"
    outlet: str = "outlet"

    @classmethod
    def parse(cls, pairs: Iterable[str]) -> Columns:
        """Read `field=column` pairs as given on the command line, e.g. `text=body`."""
        known = {f.name for f in fields(cls)}
        given: dict[str, str] = {}
        for pair in pairs:
            key, sep, column = pair.partition("=")
            key, column = key.strip(), column.strip()
            if not sep or not column:
                raise ConfigError(f"--column takes FIELD=NAME, e.g. text=body; got {pair!r}")
            if key not in known:
                raise ConfigError(f"--column: unknown field {key!r}; choose from {', '.join(sorted(known))}")
            given[key] = column
        return replace(cls(), **given)


@dataclass(frozen=True)
class ReadOptions:
    """Settings for one read: `published`/`url` override what single-article inputs say."""

    published: str | None = None
    url: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    columns: Columns = field(default_factory=Columns)


def article_from_fields(record: Mapping[str, object], columns: Columns, where: str) -> Article:
    """One row or JSON object as an Article; a missing text or a bad date raises InputError.

    The Article's ref is `where` (`file:LINE`, `file#ELEMENT`), then `#` and the record's own
    id when it has one (`wire.jsonl:3#wire-7`): the place says which copy this was, so the
    same article in two files keeps two sources, and the id is not lost.
    """
    text = record.get(columns.text)
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, f"missing or empty {columns.text!r} field")
    given_id = _optional_str(record.get(columns.id))
    ref = f"{where}#{given_id}" if given_id else where
    outlet = record.get(columns.outlet)
    if outlet in (None, "") and columns.outlet == "outlet":
        outlet = record.get("source")  # the name older exports used
    return article_from_text(
        text,
        ref=ref,
        published=_optional_str(record.get(columns.published)),
        url=_optional_str(record.get(columns.url)),
        title=_optional_str(record.get(columns.title)),
        outlet=_optional_str(outlet),
    )


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
