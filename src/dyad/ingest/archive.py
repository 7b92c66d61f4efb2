"""Gzip and zip inputs, opened transparently: what is inside is read by its own name.

`x.jsonl.gz` is read as JSON Lines and its failures name `x.jsonl.gz:LINE`; a member of
`bundle.zip` is named `bundle.zip!member.txt`. Decompressed sizes are held to the same
limit as files, so a small archive cannot unpack into gigabytes. Nothing is ever extracted
to disk, but a member named with `..` or an absolute path (a "zip-slip" archive) is a crafted
file, not an export: it fails rather than being read.
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath

from dyad.errors import InputError
from dyad.records import Article, Failure

Dispatch = Callable[[bytes, str, str], Iterator[Article | Failure]]


def gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """All members of a gzip stream; truncation, corruption or too much output is InputError."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except EOFError:
        raise InputError(source, "truncated gzip: the compressed stream ends before its end marker") from None
    except (OSError, zlib.error) as error:
        raise InputError(source, f"corrupt gzip: {error}") from None
    if len(out) > max_bytes:
        raise InputError(source, f"decompresses to over the {max_bytes}-byte limit")
    return out


def inner_name(name: str) -> str:
    """The name a gzipped file had before compression: `a.jsonl.gz` -> `a.jsonl`."""
    lowered = name.lower()
    if lowered.endswith(".tgz"):
        return name[:-4] + ".tar"
    return name[:-3] if lowered.endswith(".gz") else name


def read_zip(data: bytes, source: str, max_bytes: int, dispatch: Dispatch) -> Iterator[Article | Failure]:
    """Every file in the zip, each read by its own name; a bad member fails alone."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as error:
        yield Failure(source=source, stage="ingest", reason=f"corrupt zip: {error}")
        return
    with archive:
        members = [
            info
            for info in archive.infolist()
            if not info.filename or (not info.is_dir() and (_unsafe(info.filename) or not _hidden(info.filename)))
        ]
        if not members:
            yield Failure(source=source, stage="ingest", reason="zip archive holds no files")
            return
        for info in sorted(members, key=lambda member: member.filename):
            where = f"{source}!{info.filename}"
            if not info.filename:
                yield Failure(source=where, stage="ingest", reason="member with an empty name: a damaged zip, not read")
                continue
            if _unsafe(info.filename):
                reason = "unsafe member path (absolute or with '..'): a crafted zip, not read"
                yield Failure(source=where, stage="ingest", reason=reason)
                continue
            if info.file_size > max_bytes:
                reason = f"member is {info.file_size} bytes, over the {max_bytes}-byte limit"
                yield Failure(source=where, stage="ingest", reason=reason)
                continue
            try:
                with archive.open(info) as member:
                    content = member.read(max_bytes + 1)
            except (
                zipfile.BadZipFile,
                zlib.error,
                EOFError,
                OSError,
                RuntimeError,
                NotImplementedError,
                ValueError,
            ) as error:
                yield Failure(source=where, stage="ingest", reason=f"cannot unpack: {error}")
                continue
            if len(content) > max_bytes:
                yield Failure(source=where, stage="ingest", reason=f"unpacks to over the {max_bytes}-byte limit")
                continue
            yield from dispatch(content, where, info.filename)


def _unsafe(name: str) -> bool:
    """A member path that would land outside the folder it was unpacked into."""
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or (len(name) > 1 and name[1] == ":")


def _hidden(name: str) -> bool:
    """Dot files and the resource forks macOS adds to zips are not articles."""
    parts = PurePosixPath(name).parts
    return any(part.startswith(".") or part == "__MACOSX" for part in parts)
