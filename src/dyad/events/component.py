"""The event coder as a spaCy component, so a parsed Doc carries its events (`doc._.events`).

The article a Doc was made from rides on `doc._.article` (its publication date, ref and
sections steer the coder); a Doc made from bare text is coded as one untitled article. A
coder error on one article is recorded on `doc._.failure` (stage "events"), never raised,
so the rest of the batch goes on.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from dyad.actors.gazetteer import load_gazetteer
from dyad.events import version
from dyad.events.coder import EventCoder
from dyad.events.lexicon import load_lexicon
from dyad.records import Article, Event, Failure, article_id_for

log = logging.getLogger(__name__)
EVENTS = "dyad_events"

for _name in ("article", "events", "failure"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory(EVENTS, default_config={"actor_files": []})
def make_event_coder(nlp: Language, name: str, actor_files: list[str]) -> EventComponent:
    return EventComponent(tuple(actor_files))


class EventComponent:
    """Runs EventCoder on each Doc; holds only the read-only coder, so it keeps no per-article state."""

    def __init__(self, actor_files: tuple[str, ...] = ()) -> None:
        self.coder = EventCoder(load_gazetteer(actor_files), load_lexicon())

    def __call__(self, doc: Doc) -> Doc:
        article: Article | None = doc._.article
        if article is None:
            article = Article(id=article_id_for(doc.text), ref="<doc>", text=doc.text)
        doc._.events = []
        if article.language not in (None, "en"):
            return doc
        try:
            doc._.events = self.code(doc, article)
        except Exception as error:
            log.exception("coding failed for %s", article.ref)
            reason = f"event coding failed: {type(error).__name__}: {error}"
            doc._.failure = Failure(source=article.ref, stage="events", reason=reason)
        return doc

    def code(self, doc: Doc, article: Article) -> list[Event]:
        """The coder's events, stamped with the coder version that made them."""
        stamp = {"coder_version": version.coder_version()}
        return [event.model_copy(update=stamp) for event in self.coder.code(doc, article)]
