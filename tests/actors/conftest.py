"""Fixtures the actor tests share: a resolver over a parsed text, and the entities of one phrase."""

import pytest

from dyad.actors.gazetteer import load_gazetteer
from dyad.actors.resolve import ActorResolver


@pytest.fixture(scope="module")
def resolver(pipeline):
    """An ActorResolver over `text`, parsed by the shared pipeline."""

    def _resolver(text: str) -> ActorResolver:
        return ActorResolver(pipeline.nlp(text), load_gazetteer())

    return _resolver


@pytest.fixture(scope="module")
def resolve(resolver):
    """Entities for the phrase `mention` (its syntactic head) in `text`; `occurrence` picks a later one."""

    def _resolve(text: str, mention: str, occurrence: int = 0):
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(mention, start + 1)
        found = resolver(text)
        span = found.doc.char_span(start, start + len(mention), alignment_mode="expand")
        return found.resolve(span.root)

    return _resolve
