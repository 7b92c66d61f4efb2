"""Web pages: the main text and metadata of an HTML page, without menus, ads and footers.

trafilatura finds the article body and reads title, date (through htmldate), author, site
name and canonical URL. Only the main text reaches the coder; a page where nothing
article-like is found is a failure rather than an article made of navigation links.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator
from html import unescape

import lxml.html
from lxml import etree

from dyad.errors import InputError
from dyad.ingest.decode import decode_bytes
from dyad.ingest.text import article_from_text
from dyad.records import Article, Failure

# Fewer words than this is a menu, a cookie wall or an error page, not an article.
MIN_ARTICLE_WORDS = 5
NO_TEXT = "no article text found"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "pre",
        "hr",
        "dd",
        "dt",
    ]
)
# htmldate reads dates the page marks up (meta tags, JSON-LD, <time>, the URL); its extensive
# search of free text would take "© 2025" in a footer for a publication date of 2025-01-01.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
# Browsers read these declared labels as windows-1252, and so do the pages written for them.
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252"}

for _name in ("trafilatura", "htmldate", "courlan"):
    # Their error logs duplicate the Failure records dyad writes; keep them for --debug users.
    if logging.getLogger(_name).level == logging.NOTSET:
        logging.getLogger(_name).setLevel(logging.CRITICAL)


def read_html(
    data: bytes, source: str, *, url: str | None = None, published: str | None = None
) -> Iterator[Article | Failure]:
    """One HTML file: one Article, or a Failure saying why there is none."""
    try:
        yield article_from_html(data, source, url=url, published=published)
    except InputError as error:
        yield Failure(source=source, stage="ingest", reason=error.reason)


def article_from_html(
    data: bytes | str,
    ref: str,
    *,
    url: str | None = None,
    published: str | None = None,
    fallback_published: str | None = None,
    charset: str | None = None,
) -> Article:
    """The page's main text with its metadata; `url` and `published` win over the page's own.

    `charset` is what the transport declared (an HTTP header); `fallback_published` is used
    only when the page states no date (a crawl date, say).
    """
    import trafilatura  # here, not at the top: it takes half a second to import

    markup = data if isinstance(data, str) else decode_html(data, ref, charset)
    try:
        document = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, etree.LxmlError) as error:
        raise InputError(ref, f"cannot parse HTML: {error}") from None
    text = _clean_lines(document.text or "") if document is not None else ""
    if document is None or len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(ref, NO_TEXT)
    return article_from_text(
        text,
        ref=ref,
        url=url or document.url,
        title=document.title or None,
        published=published or document.date,
        outlet=document.sitename or document.hostname or None,
        author=document.author or None,
        header=False,
        fallback_published=fallback_published,
    )


def decode_html(data: bytes, source: str, charset: str | None = None) -> str:
    """Decode by the declared charset (transport, then <meta>) when it fits, else detect it."""
    declared = [charset] if charset else []
    if match := _META_CHARSET.search(data[:4096]):
        declared.append(match[1].decode("ascii"))
    for label in declared:
        encoding = _codec(label)
        if encoding is None:
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return decode_bytes(data, source)


# Characters XML cannot hold; lxml refuses to set them as text, so they are dropped first.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed item's summary), one line per block element."""
    markup = _NOT_XML.sub("", markup)
    if "<" not in markup:
        return _clean_lines(unescape(markup))
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return _clean_lines(markup)
    for element in root.iter("script", "style", "noscript"):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return _clean_lines(root.text_content())


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _clean_lines(text: str) -> str:
    """One space between words, one line per paragraph, no blank lines."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
