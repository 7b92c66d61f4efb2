"""Small helpers the tests share: code a text, find events by type and countries."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dyad.ingest.text import article_from_text
from dyad.pipeline import Pipeline
from dyad.records import Event


def code_text(pipeline: Pipeline, text: str, published: str | None = "2025-07-27") -> list[Event]:
    """The article's events; a coder failure raises, so a test asserting "no event" cannot pass on a crash."""
    article = article_from_text(text, ref="test", published=published)
    coded = next(pipeline.code([article]))
    if coded.failure is not None:
        raise AssertionError(f"the coder failed: {coded.failure.reason}")
    return coded.events


def find(events: list[Event], type_: str, countries: set[str]) -> Event | None:
    """The event of this type whose actor and recipient countries are exactly `countries`."""
    for event in events:
        if event.type == type_ and event.countries() == frozenset(countries):
            return event
    return None


def country_and_sector(entities: list) -> tuple[str | None, str | None]:
    """The first resolved entity's country and sector; nothing resolved fails the test."""
    assert entities, "nothing resolved"
    return entities[0].country, entities[0].sector


VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, is_alpha), no model


def parse(words, heads, deps, pos=None, lemmas=None, tags=None) -> Doc:
    """A Doc from explicit words, head indices and dependency labels: a rule tested on the exact
    tree it is written for, whatever the model's parse of the sentence is today."""
    return Doc(
        VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos or ["X"] * len(words),
        lemmas=lemmas or [w.lower() for w in words],
        tags=tags or ["XX"] * len(words),
    )
