"""Article -> spaCy Doc -> Event: the stages joined, one article's failure never stopping others."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dyad.actors.gazetteer import load_gazetteer
from dyad.events import EventCoder, load_lexicon
from dyad.ingest.text import article_from_text
from dyad.nlp import load_pipeline
from dyad.records import Article, Event, Failure

log = logging.getLogger(__name__)
NLP_BATCH_SIZE = 32


@dataclass(frozen=True)
class Coded:
    """One article's outcome: its events, or the failure that stopped it."""

    article: Article
    events: list[Event]
    failure: Failure | None = None


class Pipeline:
    """Holds the loaded model and lexicons; build one and reuse it across batches."""

    def __init__(self, model: str | None = None, actor_files: tuple[str, ...] = ()) -> None:
        self.nlp = load_pipeline(model, actor_files)
        self.coder = EventCoder(load_gazetteer(actor_files), load_lexicon())

    def code(self, articles: Iterable[Article]) -> Iterator[Coded]:
        """Parse with nlp.pipe (the article rides along as context) and code each Doc."""
        codable: list[Article] = []
        for article in articles:
            if article.language not in (None, "en"):
                yield Coded(article, [])
            else:
                codable.append(article)
        pairs = ((article.text, article) for article in codable)
        parse_failures: list[Coded] = []

        def skip_the_article(component: str, _proc: object, docs: list, error: Exception) -> None:
            # a component that raises on one text costs that article, not the batch
            for doc in docs:
                article = doc._context
                log.error("%s: the %s component failed: %s", article.ref, component, error)
                reason = f"parsing failed in {component}: {type(error).__name__}: {error}"
                parse_failures.append(Coded(article, [], Failure(source=article.ref, stage="nlp", reason=reason)))

        self.nlp.default_error_handler = skip_the_article  # dyad's own components; the model's raise
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=NLP_BATCH_SIZE):
            yield from parse_failures
            parse_failures.clear()
            try:
                yield Coded(article, self.coder.code(doc, article))
            except Exception as error:
                log.exception("coding failed for %s", article.ref)
                reason = f"event coding failed: {type(error).__name__}: {error}"
                yield Coded(article, [], Failure(source=article.ref, stage="events", reason=reason))
        yield from parse_failures


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(text_or_article: str | Article, published: str | None = None, url: str | None = None) -> list[Event]:
    """Events of one article given as text or as an Article; nothing is stored."""
    if isinstance(text_or_article, Article):
        article = text_or_article
    else:
        article = article_from_text(text_or_article, ref="<text>", published=published, url=url)
    coded = next(default_pipeline().code([article]))
    return coded.events
