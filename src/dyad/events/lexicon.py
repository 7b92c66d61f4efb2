"""Trigger, type and context lexicons, read from the YAML data files beside this module.

Words are per language, in `data/<language>/` (triggers, contexts, anaphora, grammar);
what is language-independent (the PLOVER types and their policy, `data/types.yaml`,
and the confidence model, `data/confidence.yaml`) sits in `data/` itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from dyad.datafiles import read_yaml
from dyad.errors import ConfigError
from dyad.records import EVENT_TYPES

DATA = resources.files("dyad.events") / "data"
LANGUAGE = "en"  # the folder under DATA whose word lists are read


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger word: what it codes and when it applies."""

    type: str
    mode: str | None = None
    cameo: str | None = None
    objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    particle: str | None = None
    recipient_preps: tuple[str, ...] = ()
    symmetric: bool = False
    reverse: bool = False
    destination: bool = False
    needs_recipient: bool = False
    transitive: bool | None = None
    context: str | None = None
    # the verb of its to-infinitive complement: "ordered the diplomats to leave" is an expulsion,
    # "ordered the diplomats to attend" is not
    complement: frozenset[str] = frozenset()


# where a recipient the trigger's arguments do not name may be looked for (types.yaml `recipients`)
RECIPIENT_FALLBACKS = frozenset(
    {"inside_objects", "clause_country", "sole_other_country", "condition_target", "withdrawn_from", "force_target"}
)


@dataclass(frozen=True)
class TypeInfo:
    """A PLOVER type and the coder's policy for it (data/types.yaml says what each field means)."""

    cameo: str
    score: float
    cooperative: bool
    future: str | None = None
    recipients: frozenset[str] = frozenset()
    harm: bool = False
    jurisdiction: frozenset[str] = frozenset()
    home_act: bool = False
    home_decision: bool = False
    private_travel: frozenset[str] = frozenset()
    copresent: bool = False


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, tuple[Sense, ...]]
    adjectives: dict[str, tuple[Sense, ...]]
    types: dict[str, TypeInfo]
    context_words: dict[str, str] = field(default_factory=dict)
    default_contexts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    pair_phrases: frozenset[str] = frozenset()
    event_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rewrites: dict[str, Sense] = field(default_factory=dict)
    # every trigger lemma and every word a sense's objects or subjects name, without hyphens:
    # a word spaCy splits at its hyphen ("co-operate", "cease-fire") is joined when it is one
    vocabulary: frozenset[str] = frozenset()

    def cameo(self, sense: Sense) -> str:
        return sense.cameo or self.types[sense.type].cameo


def _sense(raw: dict[str, Any], where: str) -> Sense:
    if raw.get("type") not in EVENT_TYPES:
        raise ConfigError(f"triggers.yaml: {where}: unknown type {raw.get('type')!r}")
    return Sense(
        type=raw["type"],
        mode=raw.get("mode"),
        cameo=str(raw["cameo"]) if raw.get("cameo") else None,
        objects=_words(raw.get("objects")),
        subjects=_words(raw.get("subjects")),
        particle=raw.get("particle"),
        recipient_preps=tuple(str(p) for p in raw.get("recipient") or ()),
        symmetric=bool(raw.get("symmetric")),
        reverse=bool(raw.get("reverse")),
        destination=bool(raw.get("destination")),
        needs_recipient=bool(raw.get("needs_recipient")),
        transitive=True if raw.get("transitive") else (False if raw.get("intransitive") else None),
        context=raw.get("context"),
        complement=_words(raw.get("complement")),
    )


def _words(raw: list[Any] | None) -> frozenset[str]:
    """A sense's object or subject words, lower-cased; a hyphenated one also without its
    hyphen, as a hyphen-split word joined in the text reads ('asylum-seekers')."""
    words = {str(word).lower() for word in raw or ()}
    return frozenset(words | {unhyphenated(word) for word in words})


def _type_info(name: str, raw: dict[str, Any]) -> TypeInfo:
    future = raw.get("future")
    if future is not None and future != "now" and future not in EVENT_TYPES:
        raise ConfigError(f"types.yaml: {name}: future is {future!r}, neither a type nor 'now'")
    recipients = frozenset(str(r) for r in raw.get("recipients") or ())
    if unknown := recipients - RECIPIENT_FALLBACKS:
        raise ConfigError(f"types.yaml: {name}: unknown recipients {sorted(unknown)}")
    return TypeInfo(
        cameo=str(raw["cameo"]),
        score=float(raw["score"]),
        cooperative=bool(raw["cooperative"]),
        future=future,
        recipients=recipients,
        harm=bool(raw.get("harm")),
        jurisdiction=frozenset(str(s) for s in raw.get("jurisdiction") or ()),
        home_act=bool(raw.get("home_act")),
        home_decision=bool(raw.get("home_decision")),
        private_travel=frozenset(str(sector) for sector in raw.get("private_travel") or ()),
        copresent=bool(raw.get("copresent")),
    )


def _rewrite(name: str, raw: dict[str, Any]) -> Sense:
    if raw.get("type") not in EVENT_TYPES:
        raise ConfigError(f"types.yaml: rewrites: {name}: unknown type {raw.get('type')!r}")
    return Sense(type=raw["type"], mode=raw.get("mode"), cameo=str(raw["cameo"]) if raw.get("cameo") else None)


def unhyphenated(word: str) -> str:
    """A word as the lexicon keys it: 'co-operate' and 'cooperate' are one trigger."""
    return word.replace("-", "")


def _senses(section: dict[str, Any] | None) -> dict[str, tuple[Sense, ...]]:
    """Senses by lemma; a hyphenated lemma is keyed without its hyphen, after the senses of
    the same word written solid ('co-operate' reads as 'cooperate')."""
    found: dict[str, tuple[Sense, ...]] = {}
    for lemma, senses in (section or {}).items():
        key = unhyphenated(str(lemma))
        read = tuple(_sense(raw, lemma) for raw in senses)
        found[key] = found.get(key, ()) + tuple(s for s in read if s not in found.get(key, ()))
    return found


def _vocabulary(*sections: dict[str, tuple[Sense, ...]]) -> frozenset[str]:
    words = {lemma for section in sections for lemma in section}
    for section in sections:
        for senses in section.values():
            for sense in senses:
                words |= {unhyphenated(w) for w in sense.objects | sense.subjects}
    return frozenset(words)


@lru_cache(maxsize=16)
def _read(name: str, words: bool = True) -> Any:
    """A lexicon file, of LANGUAGE's words or (words=False) language-independent; read once
    (every grammar list comes from one file), and a broken one is named in the error."""
    return read_yaml(DATA / LANGUAGE / name if words else DATA / name, what="lexicon file")


@cache
def word_list(file: str, name: str) -> frozenset[str]:
    """A named list of lower-cased words from one of data/en/'s word files, read once:
    the one reader behind grammar_words, the date words and the place words."""
    words = (_read(file) or {}).get(name)
    if not words:
        raise ConfigError(f"{file}: no list named {name!r}")
    return frozenset(str(word).lower() for word in words)


def grammar_words(name: str) -> frozenset[str]:
    """A list of grammar words from data/en/grammar.yaml ('speech_verbs')."""
    return word_list("grammar.yaml", name)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    triggers = _read("triggers.yaml")
    types = _read("types.yaml", words=False)
    contexts = _read("contexts.yaml")
    context_words = {word: name for name, words in contexts["keywords"].items() for word in words}
    anaphora = _read("anaphora.yaml")
    verbs, nouns, adjectives = (_senses(triggers.get(part)) for part in ("verbs", "nouns", "adjectives"))
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        adjectives=adjectives,
        vocabulary=_vocabulary(verbs, nouns, adjectives),
        types={name: _type_info(name, v) for name, v in types["types"].items()},
        context_words=context_words,
        default_contexts={k: tuple(v) for k, v in (contexts.get("default") or {}).items()},
        pair_phrases=frozenset(p.lower() for p in anaphora["pairs"]),
        event_nouns={noun: tuple(types) for noun, types in anaphora["event_nouns"].items()},
        rewrites={name: _rewrite(name, v) for name, v in (types.get("rewrites") or {}).items()},
    )
