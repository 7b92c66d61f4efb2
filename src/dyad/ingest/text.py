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
    header: bool = True,
) -> Article:
    """Build an Article from raw text; explicit arguments win over what the text says.

    `header=False` when an extractor already took the title and metadata out of the text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(ref, "empty article: no text")
    lead, sections = split_sections(text, header=header)
    found = lead.metadata
    published_text = published or found.get("published") or found.get("date") or found.get("posted")
    return Article(
        id=article_id_for(text),
        ref=ref,
        url=url or found.get("url") or found.get("link"),
        title=title or lead.title,
        published=normalise_published(published_text, ref),
        outlet=outlet or found.get("source") or found.get("outlet"),
        text=text,
        sections=sections,
    )
