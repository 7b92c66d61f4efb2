"""Ask dyad: FAQ-style questions answered from every stored happening, each claim cited.

No model and no network: the question is read with the gazetteer and the cue words of
ask/data/en.yaml, the store is searched with SQL and full-text search, and the answer
only counts, dates and cites what it found.
"""

from __future__ import annotations

from dyad.ask.answer import Answer, Citation
from dyad.ask.corpus import load, search_scores
from dyad.ask.parse import Question, parse
from dyad.ask.retrieve import retrieve
from dyad.store import Store

__all__ = ["Answer", "Citation", "Question", "ask", "parse"]


def ask(store: Store, question: str, *, min_confidence: float = 0.0) -> Answer:
    """Answer `question` from `store`'s happenings (those reaching `min_confidence`)."""
    from dyad.ask.answer import compose

    parsed = parse(question)
    corpus = load(store, min_confidence=min_confidence)
    terms = list(parsed.keywords) + [a for a in parsed.areas]
    parsed, facets = retrieve(parsed, corpus, search_scores(store, terms))
    return compose(parsed, facets)
