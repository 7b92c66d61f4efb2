"""The event being assembled between trigger detection and the finished record."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from dyad.events.lexicon import Sense
from dyad.records import Entity, Location


@dataclass
class Draft:
    """An event being assembled; becomes an Event once it has an actor with a country."""

    sense: Sense
    trigger: Token
    actor: list[Entity]
    recipient: list[Entity] = field(default_factory=list)
    location: Location | None = None
    reported_by: Entity | None = None
    subject_phrase: str | None = None
    object_lemmas: tuple[str, ...] = ()
    object_phrases: tuple[str, ...] = ()
    rules: list[str] = field(default_factory=list)  # which named rules filled it, in order
    # violence or coercion whose doer the text leaves unnamed or names without a country
    # ("was killed", "stabbed by migrants", "the execution of X"): coded on its victim alone
    unnamed_actor: bool = False
