"""`dyad eval ask`: does each answer cite the happenings a correct answer must cite, and little else?

Happening ids are hashes that change with the coder, so the question set names happenings by
description: type, the set of countries, a date (matched at the coarser precision); `also`
lists other happenings a good answer may cite (`countries_include` for "anything involving").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.ask import ask
from dyad.ask.answer import Citation
from dyad.errors import ConfigError
from dyad.store import Store


@dataclass(frozen=True)
class Scored:
    id: str
    category: str
    question: str
    required: int
    found: int
    cited: int
    relevant: int
    expected_none: bool
    said_none: bool

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def complete(self) -> bool:
        return self.found == self.required and self.expected_none == self.said_none

    @property
    def none_right(self) -> bool:
        return self.expected_none == self.said_none


@dataclass(frozen=True)
class Report:
    rows: list[Scored]

    @property
    def complete_share(self) -> float:
        answerable = [r for r in self.rows if not r.expected_none]
        return sum(r.complete for r in answerable) / len(answerable) if answerable else 1.0

    @property
    def irrelevant_share(self) -> float:
        cited = sum(r.cited for r in self.rows)
        return (cited - sum(r.relevant for r in self.rows)) / cited if cited else 0.0

    @property
    def none_accuracy(self) -> float:
        return sum(r.none_right for r in self.rows) / len(self.rows) if self.rows else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "questions": len(self.rows),
            "all_required_cited": round(self.complete_share, 3),
            "irrelevant_citations": round(self.irrelevant_share, 3),
            "no_support_right": round(self.none_accuracy, 3),
            "rows": [{**r.__dict__, "recall": round(r.recall, 3)} for r in self.rows],
        }


def read_questions(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ConfigError(f"cannot read question set {path}: {error}") from None
    rows = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ConfigError(f"{path}:{number}: invalid JSON: {error}") from None
    return rows


def matches(citation: Citation, described: dict[str, Any]) -> bool:
    """Whether a cited happening is the one described (type, country set, date at the coarser precision)."""
    if "type" in described and citation.type != described["type"]:
        return False
    if "countries" in described and sorted(set(citation.countries)) != sorted(described["countries"]):
        return False
    if not set(described.get("countries_include", ())) <= set(citation.countries):
        return False
    if "date" in described:
        date, wanted = citation.date or "", described["date"]
        shorter = min(len(date), len(wanted))
        return bool(date) and date[:shorter] == wanted[:shorter]
    return True


def score(store: Store, questions: list[dict[str, Any]], *, min_confidence: float = 0.0) -> Report:
    rows = []
    for item in questions:
        answer = ask(store, item["question"], min_confidence=min_confidence)
        cited = answer.citations
        required = item.get("required", [])
        acceptable = required + item.get("also", [])
        found = sum(any(matches(c, want) for c in cited) for want in required)
        relevant = sum(any(matches(c, want) for want in acceptable) for c in cited)
        rows.append(Scored(item["id"], item.get("category", ""), item["question"], len(required), found,
                           len(cited), relevant, bool(item.get("no_support")), answer.no_support))  # fmt: skip
    return Report(rows)
