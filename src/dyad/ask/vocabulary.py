"""The question vocabulary of `dyad ask`, read once from ask/data/en.yaml, so that cue words
are data a reader can extend and not constants buried in the parser."""

from __future__ import annotations

import functools
import importlib.resources
import re
from dataclasses import dataclass
from typing import Any

from dyad.datafiles import read_yaml
from dyad.errors import ConfigError

WORD = re.compile(r"[\w’'-]+")


def words(text: str) -> list[str]:
    """Lower-case words, with a possessive 's dropped ("Cuba's" -> "cuba")."""
    return [re.sub(r"['’]s$", "", w.lower()) for w in WORD.findall(text)]


@dataclass(frozen=True)
class TypeCue:
    """Words that put PLOVER types (and modes) in a question, and the noun the answer uses."""

    cues: tuple[tuple[str, ...], ...]
    types: tuple[str, ...]
    modes: tuple[str, ...]
    label: str


@dataclass(frozen=True)
class Vocabulary:
    kinds: dict[str, tuple[tuple[str, ...], ...]]
    types: tuple[TypeCue, ...]
    domestic_cues: tuple[tuple[str, ...], ...]
    domestic_types: tuple[str, ...]
    domestic_contexts: tuple[str, ...]
    modalities: dict[str, tuple[tuple[str, ...], ...]]
    areas: dict[str, tuple[tuple[str, ...], ...]]
    unkept: tuple[tuple[str, ...], ...]
    months: tuple[str, ...]
    since: tuple[tuple[str, ...], ...]
    until: tuple[tuple[str, ...], ...]
    stopwords: frozenset[str]
    names: dict[str, str]
    promises: dict[str, Any]


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(words(item)) for item in items)


@functools.cache
def load_vocabulary() -> Vocabulary:
    """The vocabulary in dyad/ask/data/en.yaml; a malformed file is a ConfigError naming it."""
    path = importlib.resources.files("dyad.ask") / "data" / "en.yaml"
    data = read_yaml(path, what="ask vocabulary")
    try:
        return Vocabulary(
            kinds={kind: _phrases(cues) for kind, cues in data["kinds"].items()},
            types=tuple(
                TypeCue(_phrases(row["cues"]), tuple(row["types"]), tuple(row.get("modes", ())), row["label"])
                for row in data["types"]
            ),
            domestic_cues=_phrases(data["domestic"]["cues"]),
            domestic_types=tuple(data["domestic"]["types"]),
            domestic_contexts=tuple(data["domestic"]["contexts"]),
            modalities={name: _phrases(cues) for name, cues in data["modalities"].items()},
            areas={name: _phrases(cues) for name, cues in data["areas"].items()},
            unkept=_phrases(data["unkept"]),
            months=tuple(data["months"]),
            since=_phrases(data["since"]),
            until=_phrases(data["until"]),
            stopwords=frozenset(data["stopwords"]),
            names=dict(data["names"]),
            promises={
                **data["promises"],
                "signing_cues": _phrases(data["promises"]["signing_cues"]),
                "visit_cues": _phrases(data["promises"]["visit_cues"]),
            },
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise ConfigError(f"ask vocabulary {path} is missing or misshapes {error}") from None


def find_phrase(tokens: list[str], phrase: tuple[str, ...]) -> int:
    """Index of the first occurrence of `phrase` in `tokens`, or -1."""
    n = len(phrase)
    for i in range(len(tokens) - n + 1):
        if tuple(tokens[i : i + n]) == phrase:
            return i
    return -1


def areas_in(text: str, vocabulary: Vocabulary | None = None) -> list[str]:
    """The areas (energy, health, ...) a text mentions, in the vocabulary's order."""
    tokens = words(text)
    areas = (vocabulary or load_vocabulary()).areas
    return [name for name, cues in areas.items() if any(find_phrase(tokens, cue) >= 0 for cue in cues)]


def has_any(text: str, phrases: tuple[tuple[str, ...], ...]) -> bool:
    tokens = words(text)
    return any(find_phrase(tokens, phrase) >= 0 for phrase in phrases)
