"""Web archives (WARC, plain or record-gzipped): the HTML pages a crawl fetched.

Only `response` records with a 2xx status and an HTML content type are pages; requests,
metadata, redirects, images and scripts are not articles and are passed over. Each page
keeps its provenance: the ref is `file#<WARC-Record-ID>`, the url is the WARC target URI,
and the record date stands in for a publication date the page does not state.

A damaged record (a failed digest, a record cut short, a header that does not parse) is a
failure naming the record or its byte offset; reading goes on from the next record that
can be found, so one bad record costs that record only.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from dyad.errors import InputError
from dyad.ingest.html import article_from_html
from dyad.ingest.options import ReadOptions
from dyad.records import Article, Failure

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

log = logging.getLogger(__name__)
GZIP_MAGIC = b"\x1f\x8b\x08"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_UNCOMPRESSED_RECORD_START = b"\nWARC/1."
_CHUNK = 1 << 20
_HEAD_BYTES = 512
_TRUNCATED = "truncated record"


def is_warc(head: bytes) -> bool:
    """An uncompressed WARC starts with its version line; a gzipped one does inside gzip."""
    if head.startswith(b"WARC/"):
        return True
    if head.startswith(GZIP_MAGIC):
        try:
            return zlib.decompressobj(wbits=31).decompress(head[:_HEAD_BYTES], 16).startswith(b"WARC/")
        except zlib.error:
            return False
    return False


def read_warc(stream: BinaryIO, source: str, options: ReadOptions | None = None) -> Iterator[Article | Failure]:
    """Articles from the HTML responses of a seekable WARC stream; damaged records fail alone."""
    from warcio.archiveiterator import ArchiveIterator  # here, not at the top: only WARCs need it

    options = options or ReadOptions()
    stream.seek(0)
    head = stream.read(_HEAD_BYTES)
    if not is_warc(head):
        yield Failure(source=source, stage="ingest", reason="not a readable WARC file: it does not start with WARC/1.x")
        return
    gzipped = head.startswith(GZIP_MAGIC)
    start: int | None = 0
    found, cut_short, last_start = 0, False, 0
    while start is not None:
        stream.seek(start)
        records = ArchiveIterator(stream, check_digests=True)
        try:
            for record in records:
                last_start = records.offset
                for item in _read_record(record, source, options):
                    found += 1
                    cut_short = cut_short or (isinstance(item, Failure) and item.reason.startswith(_TRUNCATED))
                    yield item
            start = None
        except Exception as error:  # warcio raises many types for damaged bytes; all mean the same here
            offset = records.offset
            log.debug("%s: damaged record at byte %d", source, offset, exc_info=True)
            start = _next_record_start(stream, offset + 1, gzipped)
            if offset == 0 and start is None:
                yield Failure(source=source, stage="ingest", reason=f"not a readable WARC file: {_describe(error)}")
                return
            reason = f"corrupt WARC record at byte {offset}: {_describe(error)}"
            yield Failure(source=f"{source}@{offset}", stage="ingest", reason=reason)
            last_start = start if start is not None else last_start
    if gzipped and not cut_short and not _gzip_complete(stream, last_start):
        yield Failure(source=source, stage="ingest", reason="truncated gzip: the file ends inside a compressed record")
    elif found == 0:
        yield Failure(source=source, stage="ingest", reason="no HTML response records in this WARC file")


def _read_record(record: ArcWarcRecord, source: str, options: ReadOptions) -> Iterator[Article | Failure]:
    if record.rec_type != "response" or record.http_headers is None:
        return
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(_HTML_TYPES) or not record.http_headers.get_statuscode().startswith("2"):
        return
    headers = record.rec_headers
    record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>")
    where = f"{source}#{record_id}" if record_id else source
    body = record.content_stream().read(options.max_bytes + 1)
    if len(body) > options.max_bytes:
        reason = f"record body is over the {options.max_bytes}-byte limit"
        yield Failure(source=where, stage="ingest", reason=reason)
        return
    if record.raw_stream.limit > 0:
        reason = f"{_TRUNCATED}: the file ends {record.raw_stream.limit} bytes before the record does"
        yield Failure(source=where, stage="ingest", reason=reason)
        return
    if record.digest_checker.passed is False:
        reason = "corrupt record: " + "; ".join(record.digest_checker.problems)
        yield Failure(source=where, stage="ingest", reason=reason)
        return
    warc_date = headers.get_header("WARC-Date") or ""
    try:
        yield article_from_html(
            body,
            where,
            url=headers.get_header("WARC-Target-URI"),
            fallback_published=warc_date[:10] or None,
            charset=_charset(content_type),
        )
    except InputError as error:
        yield Failure(source=where, stage="ingest", reason=error.reason)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _next_record_start(stream: BinaryIO, offset: int, gzipped: bool) -> int | None:
    """Where the next record may begin: a gzip member header, or a WARC version line."""
    marker = GZIP_MAGIC if gzipped else _UNCOMPRESSED_RECORD_START
    skip = 0 if gzipped else 1
    stream.seek(offset)
    carry = b""
    position = offset
    while chunk := stream.read(_CHUNK):
        window = carry + chunk
        found = window.find(marker)
        if found >= 0:
            return position - len(carry) + found + skip
        carry = window[-(len(marker) - 1) :]
        position += len(chunk)
    return None


def _gzip_complete(stream: BinaryIO, start: int) -> bool:
    """Whether the gzip members from `start` (the last record's) to the end are whole.

    warcio reads a cut-off last member without complaint; this is the check it leaves out.
    """
    stream.seek(start)
    decompressor = zlib.decompressobj(wbits=31)
    try:
        while chunk := stream.read(_CHUNK):
            while chunk:
                decompressor.decompress(chunk)
                chunk = decompressor.unused_data
                if chunk:
                    decompressor = zlib.decompressobj(wbits=31)
    except zlib.error:
        return False
    return decompressor.eof


def _describe(error: Exception) -> str:
    """The error in one printable line: warcio quotes the damaged bytes it met."""
    text = "".join(ch if ch.isprintable() and ch.isascii() else "?" for ch in " ".join(str(error).split()))
    return f"{type(error).__name__}: {text[:80]}" if text else type(error).__name__
