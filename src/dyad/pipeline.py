"""Article -> spaCy Doc -> Event: the stages joined, one article's failure never stopping others."""

from __future__ import annotations

import hashlib
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from dyad.events import EventCoder
from dyad.events.component import EVENTS, EventComponent
from dyad.ingest.text import article_from_text
from dyad.nlp import load_pipeline
from dyad.records import Article, Event, Failure, Section

log = logging.getLogger(__name__)
NLP_BATCH_SIZE = 32


@dataclass(frozen=True)
class Coded:
    """One article's outcome: its events, or the failure that stopped it."""

    article: Article
    events: list[Event]
    failure: Failure | None = None


@dataclass(frozen=True)
class _Part:
    """What is parsed as one Doc: a whole article, or a piece of one longer than the model takes."""

    article: Article
    whole: Article
    offset: int = 0
    last: bool = True


class Pipeline:
    """The model with dyad's components, loaded on first use; build one and reuse it across batches.

    `model` and `actor_files` say how to load it, so a worker process can build the same one.
    """

    def __init__(self, model: str | None = None, actor_files: tuple[str, ...] = ()) -> None:
        self.model = model
        self.actor_files = tuple(actor_files)
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.model, self.actor_files)
        return self._nlp

    @property
    def coder(self) -> EventCoder:
        component: EventComponent = self.nlp.get_pipe(EVENTS)
        return component.coder

    def code(self, articles: Iterable[Article]) -> Iterator[Coded]:
        """Parse with nlp.pipe and read each Doc's events; a text longer than the model's
        max_length is coded in pieces cut at paragraph breaks, offsets kept into the whole text.

        A component that raises stops nlp.pipe for every Doc in flight, so those are parsed
        again one at a time: only the article it fails on becomes a Failure (stage "nlp").
        """
        nlp = self.nlp
        queue: deque[tuple[_Part, Doc | Failure | None]] = deque()  # parts handed to nlp.pipe, not given back

        def docs() -> Iterator[Doc]:
            for article in articles:
                for part in _parts(article, nlp.max_length):
                    if article.language not in (None, "en"):
                        queue.append((part, None))
                        continue
                    try:
                        doc = _doc(nlp, part.article)
                    except Exception as error:  # the tokenizer, on a text it cannot take
                        queue.append((part, _parse_failure(part.whole, error)))
                        continue
                    queue.append((part, doc))
                    yield doc

        whole = _Whole()
        feed = docs()
        while True:
            try:
                for doc in nlp.pipe(feed, batch_size=NLP_BATCH_SIZE):
                    while queue:
                        part, queued = queue.popleft()
                        if queued is doc:
                            yield from whole.add(part, doc._.events or [], doc._.failure)
                            break
                        yield from whole.add(part, *self._alone(part, queued))
                break
            except Exception as error:  # the parts in flight are parsed alone, then the pipe goes on
                if not queue:
                    raise
                log.debug("nlp.pipe stopped (%s); parsing %d texts one at a time", error, len(queue))
                while queue:
                    part, queued = queue.popleft()
                    yield from whole.add(part, *self._alone(part, queued))
        while queue:
            part, queued = queue.popleft()
            yield from whole.add(part, *self._alone(part, queued))

    def code_batch(self, articles: Iterable[Article]) -> list[Coded]:
        """Code a whole batch inside spaCy's memory zone, so the strings and lexemes its Docs add
        are freed after it and a long run's memory stays flat. Outcomes are plain records made
        inside the zone; no Doc, Token or string id outlives it. Zones do not nest: use `code`
        from within one."""
        with self.nlp.memory_zone():
            return list(self.code(articles))

    def _alone(self, part: _Part, queued: Doc | Failure | None) -> tuple[list[Event], Failure | None]:
        """A part nlp.pipe did not give back, parsed on its own; a part not to be parsed has no events."""
        if queued is None or isinstance(queued, Failure):
            return [], queued
        try:
            doc = self.nlp(_doc(self.nlp, part.article))
        except Exception as error:
            return [], _parse_failure(part.whole, error)
        return doc._.events or [], doc._.failure


def _doc(nlp: Language, article: Article) -> Doc:
    """A tokenized Doc that knows its article, for the event component."""
    doc = nlp.make_doc(article.text)
    doc._.article = article
    return doc


def _parse_failure(article: Article, error: Exception) -> Failure:
    log.error("%s: parsing failed: %s", article.ref, error)
    return Failure(source=article.ref, stage="nlp", reason=f"parsing failed: {type(error).__name__}: {error}")


def _parts(article: Article, max_length: int) -> list[_Part]:
    """The article, or pieces of at most max_length characters cut after a paragraph break
    (else a line break, else a space) when the text is longer than the model takes."""
    text = article.text
    if len(text) <= max_length:
        return [_Part(article, article)]
    cuts = [0]
    while len(text) - cuts[-1] > max_length:
        start, limit = cuts[-1], cuts[-1] + max_length
        for separator in ("\n\n", "\n", " "):
            found = text.rfind(separator, start + 1, limit)
            if found > start:
                cuts.append(found + len(separator))
                break
        else:
            cuts.append(limit)
    ends = [*cuts[1:], len(text)]
    had_body = any(section.kind == "body" for section in article.sections)
    parts = []
    for number, (start, end) in enumerate(zip(cuts, ends, strict=True)):
        sections = [
            section.model_copy(
                update={"start": max(section.start, start) - start, "end": min(section.end, end) - start}
            )
            for section in article.sections
            if section.start < end and section.end > start
        ]
        if had_body and not any(section.kind == "body" for section in sections):
            sections = [Section(kind="body", start=0, end=0)]  # nothing here is to be coded
        piece = article.model_copy(update={"text": text[start:end], "sections": sections})
        parts.append(_Part(piece, article, start, last=number == len(cuts) - 1))
    return parts


class _Whole:
    """Joins the pieces of an article back into one Coded, evidence offsets into the whole text."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.failure: Failure | None = None

    def add(self, part: _Part, events: list[Event], failure: Failure | None) -> Iterator[Coded]:
        self.events += events if part.offset == 0 else [_shifted(event, part.offset) for event in events]
        self.failure = self.failure or failure
        if part.last:
            yield Coded(part.whole, self.events, self.failure)
            self.events, self.failure = [], None


def _shifted(event: Event, offset: int) -> Event:
    """An event of a later piece: evidence offsets moved into the whole text, and an id of its own."""
    evidence = [
        item.model_copy(update={"start": item.start + offset, "end": item.end + offset}) for item in event.evidence
    ]
    digest = hashlib.sha1(f"{event.id}|{offset}".encode()).hexdigest()[:16]
    return event.model_copy(update={"id": digest, "evidence": evidence})


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
