"""Promise follow-through: for each promise (an AGREE happening, or one told as future),
the later happenings between the same parties about the same thing that keep it (aid,
joint projects, a visit, a signing) or say it was not kept (negated, rejected, "has yet to").

Each promise gets a status with its evidence and the time elapsed:
kept (a fulfilment, none contradicting it since), contradicted (the latest word says not
kept), pending (dated, nothing since), unknown (undated, so nothing can be said to follow).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dyad.ask.corpus import Found, load
from dyad.ask.vocabulary import Vocabulary, areas_in, has_any, load_vocabulary
from dyad.store import Store


@dataclass(frozen=True)
class Promise:
    promise: Found
    status: str  # kept | pending | contradicted | unknown
    kept_by: list[Found]
    contradicted_by: list[Found]
    areas: list[str]
    elapsed_days: int | None  # to the deciding happening, or to the store's latest date when pending

    def to_dict(self) -> dict[str, object]:
        return {
            "happening": self.promise.id,
            "date": self.promise.date,
            "countries": list(self.promise.countries),
            "status": self.status,
            "areas": self.areas,
            "elapsed_days": self.elapsed_days,
            "kept_by": [f.id for f in self.kept_by],
            "contradicted_by": [f.id for f in self.contradicted_by],
        }


def promises(
    store: Store, *, actor: str | None = None, recipient: str | None = None, min_confidence: float = 0.0
) -> list[Promise]:
    """Every stored promise by `actor` to (or with) `recipient`, with its status."""
    return follow(load(store, min_confidence=min_confidence), actor=actor, recipient=recipient)


def follow(
    corpus: list[Found], *, actor: str | None = None, recipient: str | None = None, vocabulary: Vocabulary | None = None
) -> list[Promise]:
    """The promises in `corpus` (filtered by country codes) followed through the rest of it."""
    vocabulary = vocabulary or load_vocabulary()
    latest = max((span[1] for f in corpus if (span := f.span())), default=None)
    result = []
    for found in corpus:
        if not _is_promise(found, vocabulary):
            continue
        if actor and actor.upper() not in found.actor_countries:
            continue
        if recipient and recipient.upper() not in found.countries:
            continue
        result.append(_follow_one(found, corpus, latest, vocabulary))
    return result


def _is_promise(found: Found, vocabulary: Vocabulary) -> bool:
    modality = found.row.modality
    if modality == "future":
        return found.type in vocabulary.promises["future_types"]
    return found.type == "AGREE" and modality not in ("negated", "hypothetical")


def _follow_one(promise: Found, corpus: list[Found], latest: dt.date | None, vocabulary: Vocabulary) -> Promise:
    rules = vocabulary.promises
    areas = areas_in(promise.text, vocabulary)
    span = promise.span()
    kept, contradicted = [], []
    for other in corpus:
        if other is promise or not set(promise.countries) <= set(other.countries) or not span:
            continue
        contradicts = _contradicts(other, vocabulary)
        other_span = other.reported() if contradicts else other.span()  # a 'not yet' is as of its report
        if not other_span or other_span[0] < span[0] or not _same_matter(promise, other, areas, vocabulary):
            continue
        if contradicts:
            contradicted.append(other)
        elif other_span[0] > span[1] and _fulfils(promise, other, rules):
            kept.append(other)
    status, elapsed = "unknown", None
    if span:
        last_kept = max((f.span()[0] for f in kept), default=None)  # type: ignore[index]
        last_no = max((f.reported()[0] for f in contradicted), default=None)  # type: ignore[index]
        if last_no and (not last_kept or last_no >= last_kept):
            status, elapsed = "contradicted", (last_no - span[0]).days
        elif kept:
            first = min(f.span()[0] for f in kept)  # type: ignore[index]
            status, elapsed = "kept", (first - span[0]).days
        else:
            status, elapsed = "pending", (latest - span[0]).days if latest else None
    return Promise(promise, status, kept, contradicted, areas, elapsed)


def _same_matter(promise: Found, other: Found, areas: list[str], vocabulary: Vocabulary) -> bool:
    """Shared areas in the evidence, else a shared specific context; a promise with neither
    (only diplomatic) is matched by any later happening between its parties."""
    broad = set(vocabulary.promises["broad_contexts"])
    contexts = set(promise.row.representative.context) - broad
    if not areas and not contexts:
        return True
    return bool(set(areas) & set(areas_in(other.text, vocabulary))) or bool(
        contexts & (set(other.row.representative.context) - broad)
    )


def _fulfils(promise: Found, other: Found, rules: dict) -> bool:
    """Aid or a joint project keeps any promise; a visit keeps a promised visit, a signing a
    promised agreement."""
    if other.row.modality not in ("asserted", "historical"):
        return False
    if other.type in rules["fulfil_types"]:
        return True
    if other.type == "CONSULT" and other.row.representative.mode == "visit":
        return has_any(promise.text, rules["visit_cues"])
    return (
        other.type in rules["signing_types"]
        and has_any(other.text, rules["signing_cues"])
        and has_any(promise.text, rules["signing_cues"])
    )


def _contradicts(other: Found, vocabulary: Vocabulary) -> bool:
    if other.row.modality == "negated" or other.type in vocabulary.promises["contradict_types"]:
        return True
    return other.type != "AGREE" and other.row.modality != "hypothetical" and has_any(other.text, vocabulary.unkept)
