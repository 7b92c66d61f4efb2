"""CSV and TSV: a header row, then one article per row; column names come from `Columns`.

Rows are named by the line they start on (`file.csv:7`, the header being line 1), so a
failure points at the place to fix even when quoted fields span lines.

A quote that is opened and never closed makes the csv module read the later lines into that
one field, up to the end of the file or the next quote, silently merging many articles into
one. A row spanning lines that strict CSV rules reject (it ends inside quotes, or a closing
quote is followed by more text) is such a merge: it fails ("unclosed quote"), and reading
resumes on the line after the one it started on, so the rows it swallowed are still read.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator

from dyad.errors import InputError
from dyad.ingest.decode import decode_bytes
from dyad.ingest.options import Columns, article_from_fields
from dyad.records import Article, Failure

# Article text is long; the csv module's default 128 KiB field limit is a guard for other data.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
# Each unclosed quote costs a re-read of the rest of the file; past this many the rest fails
# as one, so a file of broken rows cannot take quadratic time.
MAX_UNCLOSED_QUOTES = 20


def read_csv(
    data: bytes, source: str, columns: Columns | None = None, *, delimiter: str = ","
) -> Iterator[Article | Failure]:
    """Yield one Article per good row and one Failure per bad row (`file:line`)."""
    columns = columns or Columns()
    try:
        text = decode_bytes(data, source)
    except InputError as error:
        yield Failure(source=source, stage="ingest", reason=error.reason)
        return
    lines = list(io.StringIO(text, newline=""))
    reader = csv.reader(iter(lines), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(reader)]
    except (StopIteration, csv.Error) as error:
        yield Failure(source=source, stage="ingest", reason=f"no CSV header row: {error or 'empty'}")
        return
    if columns.text not in header:
        reason = f"no {columns.text!r} column in the header (columns: {', '.join(header)}); see --column text=NAME"
        yield Failure(source=source, stage="ingest", reason=reason)
        return
    rows = 0
    for item in _rows(lines, reader.line_num, header, columns, source, delimiter):
        rows += 1
        yield item
    if not rows:
        yield Failure(source=source, stage="ingest", reason="CSV has a header row but no rows: no articles in it")


def _rows(
    lines: list[str], consumed: int, header: list[str], columns: Columns, source: str, delimiter: str
) -> Iterator[Article | Failure]:
    """The rows after the first `consumed` lines, restarting past each unclosed quote."""
    unclosed = 0
    while consumed < len(lines):
        reader = csv.reader(iter(lines[consumed:]), delimiter=delimiter)
        offset, consumed = consumed, len(lines)
        while True:
            start = offset + reader.line_num + 1
            where = f"{source}:{start}"
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                yield Failure(source=where, stage="ingest", reason=f"malformed CSV: {error}")
                if offset + reader.line_num < start:
                    break
                continue
            end = offset + reader.line_num
            if (end > start or end == len(lines)) and _merged(lines[start - 1 : end], delimiter, end > start):
                unclosed += 1
                reason = f"unclosed quote: a quoted field opened on this line runs on through line {end}"
                yield Failure(source=where, stage="ingest", reason=reason)
                if unclosed >= MAX_UNCLOSED_QUOTES:
                    rest = f"{source}:{start + 1}"
                    reason = f"lines {start + 1}-{end} not read: over {MAX_UNCLOSED_QUOTES} unclosed quotes in the file"
                    yield Failure(source=rest, stage="ingest", reason=reason)
                    return
                consumed = start  # read again from the line after the one the bad row began on
                break
            item = _article(row, header, columns, where)
            if item is not None:
                yield item


def _article(row: list[str], header: list[str], columns: Columns, where: str) -> Article | Failure | None:
    """One row as an Article, a Failure naming it, or None for a blank row."""
    if not any(cell.strip() for cell in row):
        return None
    if len(row) > len(header):
        reason = f"row has {len(row)} fields but the header has {len(header)} (an unquoted delimiter?)"
        return Failure(source=where, stage="ingest", reason=reason)
    try:
        return article_from_fields(dict(zip(header, row, strict=False)), columns, where)
    except InputError as error:
        return Failure(source=where, stage="ingest", reason=error.reason)


def _merged(row_lines: list[str], delimiter: str, multiline: bool) -> bool:
    """Whether a row breaks strict quoting in the way of a stray quote.

    A real multi-line field is quoted cleanly; a stray quote either never closes (the row
    ends inside quotes, at the end of the file) or "closes" on the next row's opening quote,
    followed by more text. The lenient reader accepts both; strict mode rejects them. A
    one-line row is only judged on the first: `"x"y` on one line merges nothing.
    """
    try:
        for _ in csv.reader(iter(row_lines), delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return multiline or "unexpected end of data" in str(error)
    return False
