"""Readers: every input form becomes Article or Failure; a bad file never stops the batch."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyad.errors import InputError
from dyad.ingest.decode import decode_bytes
from dyad.ingest.jsonl import read_jsonl
from dyad.ingest.text import article_from_text
from dyad.records import Article, Failure

JSONL_SUFFIXES = (".jsonl", ".ndjson")
TEXT_SUFFIXES = (".txt", ".text", ".md", "")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN = "-"


def expand_paths(paths: Iterable[str | Path]) -> Iterator[str]:
    """Files as given, directories walked recursively in a stable order, '-' for stdin."""
    for path in paths:
        if str(path) == STDIN:
            yield STDIN
            continue
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield str(child)
        else:
            yield str(path)


def read_paths(
    paths: Iterable[str | Path],
    *,
    published: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Failure]:
    """Read every path; unreadable ones become Failure records naming the file."""
    for source in expand_paths(paths):
        try:
            data = _read_bytes(source, max_bytes)
        except InputError as error:
            yield Failure(source=source, stage="ingest", reason=error.reason)
            continue
        yield from read_bytes(data, source, published=published, url=url)


def read_bytes(
    data: bytes, source: str, *, published: str | None = None, url: str | None = None
) -> Iterator[Article | Failure]:
    """Dispatch on the file's form: JSON Lines by suffix or content, else plain text."""
    if source.lower().endswith(JSONL_SUFFIXES) or (source == STDIN and _looks_like_jsonl(data)):
        yield from read_jsonl(data, source)
        return
    try:
        text = decode_bytes(data, source)
        yield article_from_text(text, ref=source, published=published, url=url)
    except InputError as error:
        yield Failure(source=source, stage="ingest", reason=error.reason)


def _read_bytes(source: str, max_bytes: int) -> bytes:
    if source == STDIN:
        return sys.stdin.buffer.read()
    path = Path(source)
    if not path.exists():
        raise InputError(source, "no such file or directory")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(source, f"file is {size} bytes, over the {max_bytes}-byte limit")
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(source, f"cannot read: {error.strerror}") from None


def _looks_like_jsonl(data: bytes) -> bool:
    lines = [line.strip() for line in data.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith(b"{") for line in lines[:5])


__all__ = ["expand_paths", "read_bytes", "read_paths"]
