"""Readers: every input form becomes Article or Failure; a bad file never stops the batch.

Plain text, JSON Lines, CSV/TSV, HTML pages, WARC archives, RSS/Atom feeds, and any of them
gzipped or zipped; directories are walked, '-' is standard input. Each article's language
is detected here, once, whatever form it came in, and text that is not prose (see
`dyad.ingest.prose`) becomes a failure instead of an article.

FIFOs, sockets and devices are never opened (a FIFO would block the run forever): they
become failures. `input_problems` names the inputs that give nothing at all (a missing
path, an empty directory), which the command line turns into a warning and exit code 1.
"""

from __future__ import annotations

import io
import logging
import stat
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
from dyad.ingest.prose import garbage_reason
from dyad.ingest.text import article_from_text
from dyad.ingest.warc import read_warc
from dyad.records import Article, Failure

log = logging.getLogger(__name__)
STDIN = "-"
# An archive inside an archive inside an archive is as deep as real data goes.
MAX_NESTING = 3


def expand_paths(
    paths: Iterable[str | Path], *, include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> Iterator[str]:
    """Files as given, directories walked recursively in a stable order, '-' for stdin.

    `include`/`exclude` are glob patterns matched against each found file's name and its
    path below the directory (`*.html`, `2025/*`); files named explicitly are always read.
    Hidden files and folders (`.git`, `.DS_Store`) are skipped. Special files (FIFOs,
    devices) found in a directory are listed too, so that reading them gives a failure row.
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
            if any(part.startswith(".") for part in relative.parts) or child.is_dir():
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
        yield from _checked(_guarded(_read_source(source, options), source))


def input_problems(
    paths: Iterable[str | Path], *, include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> list[str]:
    """What makes an input give nothing: a missing path, or a directory with no file to read.

    One line per path, for a warning; an empty list when every path holds something.
    """
    problems = []
    for path in paths:
        if str(path) == STDIN:
            continue
        path = Path(path)
        if not path.exists():
            problems.append(f"{path}: no such file or directory")
        elif path.is_dir() and not any(True for _ in expand_paths([path], include=include, exclude=exclude)):
            selected = " matching --include/--exclude" if include or exclude else ""
            problems.append(f"{path}: directory holds no files{selected} to read")
    return problems


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
    yield from _checked(_guarded(_dispatch(data, source, source, options, depth=0), source))


def _read_source(source: str, options: ReadOptions) -> Iterator[Article | Failure]:
    if source != STDIN and formats.is_warc_name(source) and _regular(source):
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


def _regular(source: str) -> bool:
    try:
        return stat.S_ISREG(Path(source).stat().st_mode)
    except OSError:
        return False


def _binary(data: bytes) -> bool:
    return not data.startswith((b"\xff\xfe", b"\xfe\xff")) and looks_binary(data)


def _checked(items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
    """Garbage becomes a failure naming its record; articles get their language."""
    for item in items:
        if isinstance(item, Article):
            if reason := garbage_reason(item.text):
                yield Failure(source=item.ref, stage="ingest", reason=reason)
                continue
            if (language := detect_language(item.text)) and language != item.language:
                item = item.model_copy(update={"language": language})
        yield item


def _guarded(items: Iterator[Article | Failure], source: str) -> Iterator[Article | Failure]:
    """A reader's unforeseen exception fails its file, not the run; the fuzz tests hunt these."""
    try:
        yield from items
    except Exception as error:  # a bug, logged as one, but one bad file must not stop the batch
        log.exception("%s: reader failed", source)
        reason = f"reader error (a dyad bug, please report it): {type(error).__name__}: {error}"
        yield Failure(source=source, stage="ingest", reason=reason)


def _read_bytes(source: str, max_bytes: int) -> bytes:
    if source == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(source, f"standard input is over the {max_bytes}-byte limit")
        return data
    path = Path(source)
    try:
        status = path.stat()
    except FileNotFoundError:
        raise InputError(source, "no such file or directory") from None
    except OSError as error:
        raise InputError(source, f"cannot read: {error.strerror}") from None
    if not stat.S_ISREG(status.st_mode):
        raise InputError(source, f"not a regular file ({_kind(status.st_mode)}): skipped, never opened")
    size = status.st_size
    if size > max_bytes:
        raise InputError(source, f"file is {size} bytes, over the {max_bytes}-byte limit")
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(source, f"cannot read: {error.strerror}") from None


def _kind(mode: int) -> str:
    """What a special file is, in the words `ls -l` users know."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _selected(relative: str, name: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    def matches(pattern: str) -> bool:
        return fnmatchcase(name, pattern) or fnmatchcase(relative, pattern)

    if include and not any(matches(pattern) for pattern in include):
        return False
    return not any(matches(pattern) for pattern in exclude)


__all__ = ["DEFAULT_MAX_BYTES", "STDIN", "Columns", "expand_paths", "input_problems", "read_bytes", "read_paths"]
