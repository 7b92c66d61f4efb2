"""Readers: every input form becomes Article or Failure; a bad file never stops the batch.

Plain text, JSON Lines, CSV/TSV, HTML pages, WARC archives, RSS/Atom feeds, and any of them
gzipped or zipped; directories are walked, '-' is standard input. Each article's language
is detected here, once, whatever form it came in.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path

from dyad.errors import InputError
from dyad.ingest import formats
from dyad.ingest.archive import gunzip, inner_name, read_zip
from dyad.ingest.csvfile import read_csv
from dyad.ingest.decode import decode_bytes, looks_binary
from dyad.ingest.feed import read_feed
from dyad.ingest.html import read_html
from dyad.ingest.jsonl import read_json, read_jsonl
from dyad.ingest.language import detect_language
from dyad.ingest.options import DEFAULT_MAX_BYTES, Columns, ReadOptions
from dyad.ingest.text import article_from_text
from dyad.ingest.warc import read_warc
from dyad.records import Article, Failure

STDIN = "-"
# An archive inside an archive inside an archive is as deep as real data goes.
MAX_NESTING = 3


def expand_paths(
    paths: Iterable[str | Path], *, include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> Iterator[str]:
    """Files as given, directories walked recursively in a stable order, '-' for stdin.

    `include`/`exclude` are glob patterns matched against each found file's name and its
    path below the directory (`*.html`, `2025/*`); files named explicitly are always read.
    Hidden files and folders (`.git`, `.DS_Store`) are skipped.
    """
    for path in paths:
        if str(path) == STDIN:
            yield STDIN
            continue
        path = Path(path)
        if not path.is_dir():
            yield str(path)
            continue
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path)
            if any(part.startswith(".") for part in relative.parts) or not child.is_file():
                continue
            if _selected(relative.as_posix(), child.name, include, exclude):
                yield str(child)


def read_paths(
    paths: Iterable[str | Path],
    *,
    published: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    columns: Columns | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> Iterator[Article | Failure]:
    """Read every path; unreadable ones become Failure records naming the file.

    `published` and `url` apply to single-article inputs (text, HTML); `columns` names the
    fields of CSV and JSON Lines; `max_bytes` limits each file and what unpacks from it.
    """
    options = ReadOptions(published=published, url=url, max_bytes=max_bytes, columns=columns or Columns())
    for source in expand_paths(paths, include=include, exclude=exclude):
        yield from _with_language(_read_source(source, options))


def read_bytes(
    data: bytes,
    source: str,
    *,
    published: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    columns: Columns | None = None,
) -> Iterator[Article | Failure]:
    """Read bytes that came under the name `source`, dispatching on suffix and content."""
    options = ReadOptions(published=published, url=url, max_bytes=max_bytes, columns=columns or Columns())
    yield from _with_language(_dispatch(data, source, source, options, depth=0))


def _read_source(source: str, options: ReadOptions) -> Iterator[Article | Failure]:
    if source != STDIN and formats.is_warc_name(source) and Path(source).is_file():
        # Crawls are big: stream records from disk; the size limit applies to each page.
        try:
            with open(source, "rb") as stream:
                yield from read_warc(stream, source, options)
        except OSError as error:
            yield Failure(source=source, stage="ingest", reason=f"cannot read: {error.strerror}")
        return
    try:
        data = _read_bytes(source, options.max_bytes)
    except InputError as error:
        yield Failure(source=source, stage="ingest", reason=error.reason)
        return
    yield from _dispatch(data, source, source, options, depth=0)


def _dispatch(data: bytes, source: str, name: str, options: ReadOptions, depth: int) -> Iterator[Article | Failure]:
    """`source` names the input in records (`a.zip!b.txt`); `name` is what its form is judged by."""
    if not data or data.isspace():
        yield Failure(source=source, stage="ingest", reason="empty file: no text to read")
        return
    form = formats.detect_format(name, data)
    if form in (formats.GZIP, formats.ZIP) and depth >= MAX_NESTING:
        yield Failure(source=source, stage="ingest", reason=f"archives nested more than {MAX_NESTING} deep")
        return
    if form not in (formats.GZIP, formats.ZIP, formats.WARC) and _binary(data):
        reason = "binary file: this is not text (is it an image, PDF or archive?)"
        yield Failure(source=source, stage="ingest", reason=reason)
        return
    if form == formats.GZIP:
        inner = inner_name(name)
        if formats.is_warc_name(inner) or formats.detect_format(inner, data) == formats.WARC:
            yield from read_warc(io.BytesIO(data), source, options)
            return
        try:
            unpacked = gunzip(data, source, options.max_bytes)
        except InputError as error:
            yield Failure(source=source, stage="ingest", reason=error.reason)
            return
        yield from _dispatch(unpacked, source, inner, options, depth + 1)
    elif form == formats.ZIP:
        yield from read_zip(
            data,
            source,
            options.max_bytes,
            lambda content, where, member: _dispatch(content, where, member, options, depth + 1),
        )
    elif form == formats.WARC:
        yield from read_warc(io.BytesIO(data), source, options)
    elif form == formats.JSONL:
        yield from read_jsonl(data, source, options.columns)
    elif form == formats.JSON:
        yield from read_json(data, source, options.columns)
    elif form in (formats.CSV, formats.TSV):
        yield from read_csv(data, source, options.columns, delimiter="\t" if form == formats.TSV else ",")
    elif form == formats.HTML:
        yield from read_html(data, source, url=options.url, published=options.published)
    elif form == formats.FEED:
        yield from read_feed(data, source)
    elif form == formats.XML:
        yield Failure(source=source, stage="ingest", reason="XML that is not an RSS or Atom feed")
    else:
        try:
            text = decode_bytes(data, source)
            yield article_from_text(text, ref=source, published=options.published, url=options.url)
        except InputError as error:
            yield Failure(source=source, stage="ingest", reason=error.reason)


def _binary(data: bytes) -> bool:
    return not data.startswith((b"\xff\xfe", b"\xfe\xff")) and looks_binary(data)


def _with_language(items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
    for item in items:
        if isinstance(item, Article) and (language := detect_language(item.text)) and language != item.language:
            item = item.model_copy(update={"language": language})
        yield item


def _read_bytes(source: str, max_bytes: int) -> bytes:
    if source == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(source, f"standard input is over the {max_bytes}-byte limit")
        return data
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


def _selected(relative: str, name: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    def matches(pattern: str) -> bool:
        return fnmatchcase(name, pattern) or fnmatchcase(relative, pattern)

    if include and not any(matches(pattern) for pattern in include):
        return False
    return not any(matches(pattern) for pattern in exclude)


__all__ = ["DEFAULT_MAX_BYTES", "STDIN", "Columns", "expand_paths", "read_bytes", "read_paths"]
