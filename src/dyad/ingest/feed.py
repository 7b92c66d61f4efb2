"""RSS and Atom feeds: one article per item, from its full content or else its summary.

feedparser reads every RSS and Atom dialect and repairs much malformed XML; item HTML is
reduced to plain text, one line per paragraph. Items are named `file#<guid>` (else the
link, else the item's position), so a failure points at the item.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from typing import Any

from dyad.errors import InputError
from dyad.ingest.html import fragment_text
from dyad.ingest.text import article_from_text
from dyad.records import Article, Failure

_FEED_ROOT = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|(?:\w+:)?RDF)[\s>/]",
    re.DOTALL,
)


def is_feed(head: bytes) -> bool:
    """An XML document whose root element is an RSS, Atom or RSS 1.0 (RDF) feed."""
    return bool(_FEED_ROOT.match(head[:8192]))


def read_feed(data: bytes, source: str) -> Iterator[Article | Failure]:
    """One Article per item with text; a Failure per empty item, or for an unreadable feed."""
    import feedparser  # here, not at the top: only feeds need it

    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = f"not a readable RSS or Atom feed: {parsed.get('bozo_exception')}"
        else:
            reason = "feed has no items"
        yield Failure(source=source, stage="ingest", reason=reason)
        return
    outlet = fragment_text(parsed.feed.get("title", "")) or None
    for position, entry in enumerate(parsed.entries, start=1):
        key = entry.get("id") or entry.get("link") or f"item-{position}"
        where = f"{source}#{key}"
        text = _entry_text(entry)
        if not text:
            yield Failure(source=where, stage="ingest", reason="feed item has no text (no content or summary)")
            continue
        try:
            yield article_from_text(
                text,
                ref=where,
                url=entry.get("link") or None,
                title=fragment_text(entry.get("title", "")) or None,
                published=_entry_date(entry),
                outlet=outlet,
                header=False,
            )
        except InputError as error:
            yield Failure(source=where, stage="ingest", reason=error.reason)


def _entry_text(entry: Any) -> str:
    """The longest of the item's full content and its summary, as plain text."""
    candidates = [part.get("value", "") for part in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    texts = [fragment_text(value) for value in candidates if value and value.strip()]
    return max(texts, key=len, default="")


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None
