"""CSV and TSV: a header row, then one article per row; column names come from `Columns`.

Rows are named by the line they start on (`file.csv:7`, the header being line 1), so a
failure points at the place to fix even when quoted fields span lines.
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
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(reader)]
    except (StopIteration, csv.Error) as error:
        yield Failure(source=source, stage="ingest", reason=f"no CSV header row: {error or 'empty'}")
        return
    if columns.text not in header:
        reason = f"no {columns.text!r} column in the header (columns: {', '.join(header)}); see --column text=NAME"
        yield Failure(source=source, stage="ingest", reason=reason)
        return
    while True:
        start = reader.line_num + 1
        where = f"{source}:{start}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Failure(source=where, stage="ingest", reason=f"malformed CSV: {error}")
            if reader.line_num < start:
                return
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            reason = f"row has {len(row)} fields but the header has {len(header)} (an unquoted delimiter?)"
            yield Failure(source=where, stage="ingest", reason=reason)
            continue
        try:
            yield article_from_fields(dict(zip(header, row, strict=False)), columns, where)
        except InputError as error:
            yield Failure(source=where, stage="ingest", reason=error.reason)
