"""An answer built only from cited happenings: per facet, groups counted and dated with the
areas their evidence names, each happening cited with date, outlets and a ref. When nothing
is found it says so, with what it looked for; it never writes a claim it cannot cite."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dyad.ask.corpus import Found
from dyad.ask.parse import Question
from dyad.ask.retrieve import Facet
from dyad.ask.vocabulary import Vocabulary, areas_in, load_vocabulary

EXPLAIN_NOTE = (
    "dyad lists the evidence that bears on this question; it does not explain causes or feelings. "
    "Read the cited reports for their reasons."
)


@dataclass(frozen=True)
class Citation:
    id: str
    type: str
    mode: str | None
    modality: str
    countries: list[str]
    actors: list[str]
    recipients: list[str]
    date: str | None
    outlets: list[str]
    refs: list[str]
    evidence: str
    areas: list[str]

    @classmethod
    def of(cls, found: Found, vocabulary: Vocabulary) -> Citation:
        representative = found.row.representative
        return cls(
            id=found.id,
            type=found.type,
            mode=representative.mode,
            modality=found.row.modality,
            countries=list(found.countries),
            actors=sorted(found.actor_countries),
            recipients=sorted(found.recipient_countries),
            date=found.date,
            outlets=found.outlets(),
            refs=[s.url or s.ref for s in found.sources],
            evidence=" ".join(item.text for item in representative.evidence),
            areas=areas_in(found.text, vocabulary),
        )


@dataclass(frozen=True)
class Group:
    """A line of the synthesis: '3 promises from 2025-06 to 2025-09: energy, health'."""

    label: str
    count: int
    first: str | None
    last: str | None
    areas: list[str]
    citations: list[Citation]

    def headline(self) -> str:
        noun = self.label if self.count == 1 else _plural(self.label)
        if self.first and self.first == self.last:
            when = f" on {self.first}"
        elif self.first:
            when = f" from {self.first} to {self.last}"
        else:
            when = " (undated)"
        areas = f": {', '.join(self.areas)}" if self.areas else ""
        return f"{self.count} {noun}{when}{areas}"


@dataclass(frozen=True)
class Section:
    title: str
    looked_for: str
    groups: list[Group]


@dataclass(frozen=True)
class Answer:
    question: str
    understood: str
    kind: str
    sections: list[Section]
    note: str | None = None
    looked_for: list[str] = field(default_factory=list)

    @property
    def no_support(self) -> bool:
        return not self.citations

    @property
    def citations(self) -> list[Citation]:
        seen: dict[str, Citation] = {}
        for section in self.sections:
            for group in section.groups:
                for citation in group.citations:
                    seen.setdefault(citation.id, citation)
        return list(seen.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "understood": self.understood,
            "kind": self.kind,
            "no_support": self.no_support,
            "looked_for": self.looked_for,
            "note": self.note,
            "sections": [
                {
                    "title": s.title,
                    "groups": [_group_dict(g) for g in s.groups],
                }
                for s in self.sections
            ],
            "citations": [c.__dict__ for c in self.citations],
        }


def _group_dict(group: Group) -> dict[str, Any]:
    return {
        "headline": group.headline(),
        "label": group.label,
        "count": group.count,
        "first": group.first,
        "last": group.last,
        "areas": group.areas,
        "happenings": [c.id for c in group.citations],
    }


def compose(question: Question, facets: list[Facet], vocabulary: Vocabulary | None = None) -> Answer:
    """The answer to `question` from `facets`; empty facets are dropped but their search is kept."""
    vocabulary = vocabulary or load_vocabulary()
    sections = [Section(f.title, f.looked_for, group(f.found, question.areas, vocabulary)) for f in facets if f.found]
    note = EXPLAIN_NOTE if question.kind == "explain" else None
    return Answer(
        question=question.text,
        understood=question.describe(),
        kind=question.kind,
        sections=sections,
        note=note,
        looked_for=[f.looked_for for f in facets],
    )


def group(found: list[Found], asked_areas: tuple[str, ...] = (), vocabulary: Vocabulary | None = None) -> list[Group]:
    """Happenings grouped by what they are (promise, visit, sanction...), in first-date order."""
    vocabulary = vocabulary or load_vocabulary()
    groups: dict[str, list[Found]] = {}
    for item in found:
        groups.setdefault(label_of(item, vocabulary), []).append(item)
    result = []
    for label, items in groups.items():
        citations = [Citation.of(item, vocabulary) for item in items]
        dates = sorted(c.date for c in citations if c.date)
        areas: dict[str, None] = {}
        for citation in citations:
            for area in citation.areas:
                if not asked_areas or area in asked_areas:
                    areas.setdefault(area, None)
        result.append(Group(label, len(items), dates[0] if dates else None, dates[-1] if dates else None,
                            list(areas), citations))  # fmt: skip
    return result


def label_of(found: Found, vocabulary: Vocabulary) -> str:
    """The vocabulary's noun for a happening's type (a CONSULT visit is a visit)."""
    mode = found.row.representative.mode
    return vocabulary.names.get(f"{found.type} {mode}") or vocabulary.names.get(found.type) or found.type.lower()


def _plural(label: str) -> str:
    head, _, tail = label.partition(" or ")
    if tail:
        return f"{_plural(head)} or {_plural(tail)}"
    head, _, tail = label.partition(" of ")
    if tail:
        return f"{_plural(head)} of {tail}"
    if label.endswith(("s", "sh", "ch")):
        return label + "es"
    if label.endswith("y") and not label.endswith("ey"):
        return label[:-1] + "ies"
    return label + "s"
