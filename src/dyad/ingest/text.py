"""Plain-text articles: a title on the first line when present, metadata lines, then prose."""

from __future__ import annotations

from dyad.dates import normalise_published
from dyad.errors import InputError
from dyad.ingest.sections import split_sections
from dyad.records import Article, article_id_for


def article_from_text(
    text: str,
    ref: str,
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    header: bool = True,
    fallback_published: str | None = None,
) -> Article:
    """Build an Article from raw text; explicit arguments win over what the text says.

    The publication date is `published`, else a date line of the text ('Published:',
    'date 2024-07-17'), else the lead's dateline when it states a year, else
    `fallback_published` (a crawl date: when the page was fetched, not written).
    `header=False` when an extractor already took the title and metadata out of the text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(ref, "empty article: no text")
    lead, sections = split_sections(text, header=header)
    found = lead.metadata
    published_text = (
        published
        or found.get("published")
        or found.get("date")
        or found.get("posted")
        or lead.dateline
        or fallback_published
    )
    return Article(
        id=article_id_for(text),
        ref=ref,
        url=url or found.get("url") or found.get("link"),
        title=title or lead.title,
        published=normalise_published(published_text, ref),
        outlet=outlet or found.get("source") or found.get("outlet"),
        author=author or lead.author,
        text=text,
        sections=sections,
    )
