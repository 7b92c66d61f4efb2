"""Typed records passed between stages: Article -> (spaCy Doc) -> Event, plus Failure.

They are frozen pydantic models so that every stage boundary is validated once and the
JSON Schema of the event record can be generated from the code itself.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]

Modality = Literal["asserted", "historical", "future", "hypothetical", "negated"]
DatePrecision = Literal["day", "month", "year"]
Sector = Literal[
    "GOV",
    "MIL",
    "PTY",
    "LEG",
    "JUD",
    "COP",
    "OPP",
    "REB",
    "BUS",
    "MED",
    "EDU",
    "HLH",
    "CVL",
    "REL",
    "NGO",
    "IGO",
    "CRM",
]
SECTORS: tuple[str, ...] = Sector.__args__  # type: ignore[attr-defined]

_ISO_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


def normalise_text(text: str) -> str:
    """The form an article's identity is computed from: NFC, one space for any whitespace."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_id_for(text: str) -> str:
    """Content hash, so the same article from two files or URLs gets one id."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


class Section(_Record):
    """A labelled span of the article text; only `body` sections are coded."""

    kind: str = Field(
        description="title, metadata, standfirst, body, heading, caption, faq (heading), faq_question, "
        "faq_answer, byline, furniture"
    )
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Article(_Record):
    """Clean article text with its metadata and provenance."""

    id: str = Field(description="Hash of the normalised text")
    ref: str = Field(description="The id the input gave, else its path or URL")
    url: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, description="ISO date: YYYY, YYYY-MM or YYYY-MM-DD")
    outlet: str | None = None
    author: str | None = Field(default=None, description="As the page or the byline names it")
    language: str | None = None
    text: str
    sections: list[Section] = Field(default_factory=list)

    @field_validator("published")
    @classmethod
    def _published_is_iso(cls, value: str | None) -> str | None:
        if value is not None and not _ISO_PARTIAL_DATE.match(value):
            raise ValueError(f"published must be YYYY[-MM[-DD]], got {value!r}")
        return value

    def body_spans(self) -> list[tuple[int, int]]:
        """Character ranges that may be coded; the whole text when no sections were found."""
        spans = [(s.start, s.end) for s in self.sections if s.kind == "body"]
        return spans or [(0, len(self.text))]

    def faq(self) -> list[tuple[str, str]]:
        """The FAQ block as (question, answer) pairs, read from the sections so no text is stored twice.

        A question with no answer line gets an empty answer; a multi-paragraph answer keeps its lines.
        """
        pairs: list[tuple[str, list[str]]] = []
        for section in self.sections:
            if section.kind == "faq_question":
                pairs.append((self.text[section.start : section.end], []))
            elif section.kind == "faq_answer" and pairs:
                pairs[-1][1].append(self.text[section.start : section.end])
        return [(question, "\n".join(answer)) for question, answer in pairs]


class Entity(_Record):
    """An actor or recipient as the article names it, resolved to country and sector."""

    text: str = Field(description="The words in the article")
    name: str | None = Field(default=None, description="Canonical name, null for generic actors")
    country: str | None = Field(
        default=None, description="ISO 3166-1 alpha-3, or an organisation's short code (EU, UN)"
    )
    sector: Sector | None = None
    resolved_by: str | None = Field(
        default=None, description="How it was resolved: gazetteer, title, demonym, coref, ner"
    )


class Location(_Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class Evidence(_Record):
    """A sentence an event was coded from, with offsets into Article.text."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Event(_Record):
    """One coded event, the record of the coding guide (section 2) plus provenance."""

    id: str
    article_id: str
    article_ref: str
    type: EventType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    modality: Modality = "asserted"
    actor: list[Entity] = Field(min_length=1)
    recipient: list[Entity] = Field(default_factory=list)
    date: str | None = None
    date_precision: DatePrecision | None = None
    location: Location | None = None
    evidence: list[Evidence] = Field(min_length=1)
    cameo: str = Field(description="CAMEO code (at least the two-digit root), for GDELT users")
    score: float = Field(
        default=0.0, ge=-10, le=10, description="Cooperation-conflict score on the Goldstein scale, -10 to +10"
    )
    reported_by: Entity | None = None
    rules: list[str] = Field(
        default_factory=list,
        description="The named rules that made the record, in order: its trigger (trigger:verb:condemn), where "
        "its actor and recipient came from (actor:subject, recipient:clause-country, recipient:story), type "
        "rewrites (type:CONSULT->AGREE), and what dated and placed it (date:sentence, place:story); with each "
        "entity's resolved_by, an error points at the rule to change",
    )
    confidence: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="How likely the record is right, 0-1, calibrated on real news (events/data/confidence.yaml); "
        "null only on records stored before dyad scored confidence",
    )
    coder_version: str | None = Field(
        default=None,
        description="The coder that made the record: the package version and a hash of the coder's code and "
        "data (dyad.events.version); `dyad recode` re-codes articles coded by another version",
    )

    @field_validator("date")
    @classmethod
    def _date_is_iso(cls, value: str | None) -> str | None:
        if value is not None and not _ISO_PARTIAL_DATE.match(value):
            raise ValueError(f"date must be YYYY[-MM[-DD]], got {value!r}")
        return value

    def countries(self) -> frozenset[str]:
        """The key the coding guide compares events by, together with the type."""
        return frozenset(e.country for e in [*self.actor, *self.recipient] if e.country)


class Failure(_Record):
    """Whatever could not be processed: written down, and the batch goes on."""

    source: str
    stage: str
    reason: str


def event_json_schema() -> dict[str, Any]:
    """JSON Schema of one line of `dyad extract --format jsonl`."""
    schema = Event.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "dyad event record"
    return schema
