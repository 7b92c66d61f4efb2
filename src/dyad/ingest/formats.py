"""Which reader a file needs: by its suffix when that is telling, else by its first bytes.

Suffixes decide for the unambiguous forms (.jsonl, .csv, .html, .warc, .rss, .gz, .zip).
Plain-text names, unknown suffixes and standard input are sniffed, so a saved web page
named `.txt` or a gzip piped to stdin is still read as what it is.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from dyad.ingest.feed import is_feed
from dyad.ingest.warc import is_warc

TEXT, JSON, JSONL, CSV, TSV, HTML, WARC, FEED, XML, GZIP, ZIP = (
    "text", "json", "jsonl", "csv", "tsv", "html", "warc", "feed", "xml", "gzip", "zip",
)  # fmt: skip
_BY_SUFFIX = {
    ".json": JSON,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".csv": CSV,
    ".tsv": TSV,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".warc": WARC,
    ".rss": FEED,
    ".atom": FEED,
    ".xml": XML,
    ".gz": GZIP,
    ".zip": ZIP,
}
_TEXT_SUFFIXES = (".txt", ".text", ".md")
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_SNIFF_BYTES = 8192


def detect_format(name: str, data: bytes) -> str:
    """The reader for `data`, given the name it came under (a path, a zip member, or '-')."""
    suffix = PurePosixPath(name).suffix.lower()
    by_suffix = _BY_SUFFIX.get(suffix)
    if by_suffix == XML:
        return FEED if is_feed(data) else XML
    if by_suffix is not None:
        return by_suffix
    head = data[:_SNIFF_BYTES]
    if head.startswith(b"\x1f\x8b"):
        return WARC if is_warc(head) else GZIP
    if head.startswith(b"PK\x03\x04"):
        return ZIP
    if is_warc(head):
        return WARC
    if is_feed(head):
        return FEED
    if _HTML_START.match(head):
        return HTML
    if suffix not in _TEXT_SUFFIXES and _looks_like_jsonl(head):
        return JSONL
    return TEXT


def is_warc_name(name: str) -> bool:
    """WARC files are streamed from disk rather than read whole, so they are known by name first."""
    return name.lower().endswith((".warc", ".warc.gz"))


def _looks_like_jsonl(head: bytes) -> bool:
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith(b"{") for line in lines[:5])
