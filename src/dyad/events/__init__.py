"""Event coding: parsed sentences to the coding guide's records."""

from dyad.events.coder import EventCoder
from dyad.events.lexicon import Lexicon, load_lexicon

__all__ = ["EventCoder", "Lexicon", "load_lexicon"]
