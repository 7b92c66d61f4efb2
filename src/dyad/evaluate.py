"""Scoring an extraction against a gold file by the coding guide's section 7 rules.

Two events match when, within one article, the type is equal and the set of actor and
recipient countries together is equal. Precision, recall and F1 count unique
(type, country set) keys per article. Gold events marked `"core": false` are optional:
finding them is not a false positive, missing them is not a false negative. Among
matched events, sectors, direction, modality, date (at the coarser precision) and
location country are each scored on their own.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.errors import InputError
from dyad.ingest.text import article_from_text
from dyad.records import Article, Event

Key = tuple[str, frozenset[str]]
FIELDS = ("sectors", "direction", "modality", "date", "location")


@dataclass(frozen=True)
class GoldArticle:
    article: Article
    events: list[dict[str, Any]]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Overall and per-type counts, field accuracy on matches, and the mismatches to read."""

    overall: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    field_hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    matched: int = 0
    false_positives: list[tuple[str, Key, str]] = field(default_factory=list)
    false_negatives: list[tuple[str, Key, str]] = field(default_factory=list)
    # (article, type, field, gold value, predicted value, predicted evidence) for each field
    # a matched event got wrong, so that date and location misses can be read in their sentence
    field_misses: list[tuple[str, str, str, str, str, str]] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.field_hits[name] / self.matched if self.matched else 0.0

    def to_dict(self) -> dict[str, Any]:
        def counts(c: Counts) -> dict[str, float]:
            return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall, "f1": c.f1}

        return {
            "overall": counts(self.overall),
            "by_type": {name: counts(c) for name, c in sorted(self.by_type.items())},
            "matched": self.matched,
            "accuracy": {name: self.accuracy(name) for name in FIELDS},
        }


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Gold lines `{id, published, text | path, events}`; `path` is relative to the gold file."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "gold file not found")
    gold = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}", f"invalid JSON: {error.msg}") from None
        if "text" in record:
            text = record["text"]
        elif "path" in record:
            article_path = path.parent / record["path"]
            if not article_path.is_file():
                raise InputError(f"{path}:{number}", f"article file not found: {article_path}")
            text = article_path.read_text(encoding="utf-8")
        else:
            raise InputError(f"{path}:{number}", "a gold line needs 'text' or 'path'")
        article = article_from_text(text, ref=str(record.get("id", number)), published=record.get("published"))
        gold.append(GoldArticle(article, record.get("events", [])))
    return gold


def event_key(event: dict[str, Any] | Event) -> Key:
    data = event.to_dict() if isinstance(event, Event) else event
    countries = {e.get("country") for e in [*data["actor"], *data.get("recipient", [])] if e.get("country")}
    return data["type"], frozenset(countries)


def _same_date(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    if gold.get("date") is None or predicted.get("date") is None:
        return gold.get("date") is None and predicted.get("date") is None
    length = min(len(gold["date"]), len(predicted["date"]))
    return gold["date"][:length] == predicted["date"][:length]


def field_checks(gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, bool]:
    def sectors(event: dict[str, Any]) -> set[tuple[str, str]]:
        return {(e.get("country"), e.get("sector")) for e in [*event["actor"], *event.get("recipient", [])]}

    def sides(event: dict[str, Any]) -> tuple[set[str], set[str]]:
        return {e.get("country") for e in event["actor"]}, {e.get("country") for e in event.get("recipient", [])}

    def place(event: dict[str, Any]) -> str | None:
        return (event.get("location") or {}).get("country")

    return {
        "sectors": sectors(gold) == sectors(predicted),
        "direction": sides(gold) == sides(predicted),
        "modality": gold.get("modality", "asserted") == predicted.get("modality"),
        "date": _same_date(gold, predicted),
        "location": place(gold) == place(predicted),
    }


def score(gold: Iterable[GoldArticle], predicted: dict[str, list[Event]]) -> Report:
    """Compare predicted events (by article ref) with the gold ones, article by article."""
    report = Report()
    for item in gold:
        ref = item.article.ref
        required: dict[Key, dict[str, Any]] = {}
        optional: dict[Key, dict[str, Any]] = {}
        for event in item.events:
            target = required if event.get("core", True) else optional
            target.setdefault(event_key(event), event)
        optional = {k: v for k, v in optional.items() if k not in required}
        candidates: dict[Key, list[dict[str, Any]]] = defaultdict(list)
        for event in predicted.get(ref, []):
            candidates[event_key(event)].append(event.to_dict())
        found: dict[Key, dict[str, Any]] = {}
        for key, events in candidates.items():
            gold_event = required.get(key) or optional.get(key)
            # several predicted events may share a key; the closest one stands for it
            if gold_event is None:
                found[key] = events[0]
            else:
                found[key] = max(events, key=lambda e, g=gold_event: sum(field_checks(g, e).values()))
        for key, event in found.items():
            gold_event = required.get(key) or optional.get(key)
            if gold_event is None:
                report.overall.fp += 1
                report.by_type[key[0]].fp += 1
                report.false_positives.append((ref, key, event["evidence"][0]["text"]))
                continue
            if key in required:
                report.overall.tp += 1
                report.by_type[key[0]].tp += 1
            report.matched += 1
            for name, hit in field_checks(gold_event, event).items():
                report.field_hits[name] += hit
                if not hit:
                    shown = (_show(gold_event, name), _show(event, name), _evidence_text(event))
                    report.field_misses.append((ref, key[0], name, *shown))
        for key, event in required.items():
            if key not in found:
                report.overall.fn += 1
                report.by_type[key[0]].fn += 1
                report.false_negatives.append((ref, key, event.get("evidence", "")))
    return report


def _show(event: dict[str, Any], name: str) -> str:
    if name == "date":
        return str(event.get("date"))
    if name == "modality":
        return str(event.get("modality"))
    if name == "location":
        location = event.get("location") or {}
        return (
            f"{location.get('country')} ({location['name']})" if location.get("name") else str(location.get("country"))
        )
    if name == "direction":
        actors = "+".join(sorted(str(e.get("country")) for e in event["actor"]))
        recipients = "+".join(sorted(str(e.get("country")) for e in event.get("recipient", [])))
        return f"{actors}->{recipients}"
    return ",".join(
        sorted(f"{e.get('country')}:{e.get('sector')}" for e in [*event["actor"], *event.get("recipient", [])])
    )


def _evidence_text(event: dict[str, Any]) -> str:
    """The first evidence sentence of a predicted event, for reading a field miss in place."""
    evidence = event.get("evidence") or []
    return str(evidence[0].get("text", "")) if evidence else ""


def evaluate_events(
    gold_files: Iterable[str | Path],
    code: Callable[[list[Article]], dict[str, list[Event]]],
    min_confidence: float = 0.0,
) -> Report:
    """Load gold files, code their articles with `code`, and score the events at or above `min_confidence`."""
    gold, predicted = code_gold(gold_files, code)
    return score(gold, confident(predicted, min_confidence))


def code_gold(
    gold_files: Iterable[str | Path], code: Callable[[list[Article]], dict[str, list[Event]]]
) -> tuple[list[GoldArticle], dict[str, list[Event]]]:
    """The gold articles and what `code` finds in them, for scoring more than once."""
    gold = [item for path in gold_files for item in load_gold(path)]
    return gold, code([item.article for item in gold])


@dataclass
class ActorReport:
    """Country and sector accuracy on an actor test set, overall and by rule."""

    total: int = 0
    country_hits: int = 0
    sector_hits: int = 0
    by_group: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def country_accuracy(self) -> float:
        return self.country_hits / self.total if self.total else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sector_hits / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        groups = {
            name: {"n": n, "country": c / n, "sector": s / n} for name, (n, c, s) in sorted(self.by_group.items())
        }
        return {"n": self.total, "country": self.country_accuracy, "sector": self.sector_accuracy, "groups": groups}


def evaluate_actors(path: str | Path, nlp: Any, gazetteer: Any) -> ActorReport:
    """Resolve each mention in its sentence context and compare country and sector.

    Lines: `{text, mention, start, date, country, sector, rule, in_gazetteer}`.
    """
    import datetime as dt

    from dyad.actors.resolve import ActorResolver

    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "actor test set not found")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    report = ActorReport()
    docs = nlp.pipe(row["text"] for row in rows)
    for row, doc in zip(rows, docs, strict=True):
        day = dt.date.fromisoformat(row["date"]) if row.get("date") else None
        span = doc.char_span(row["start"], row["start"] + len(row["mention"]), alignment_mode="expand")
        resolved = None
        if span is not None:
            found = ActorResolver(doc, gazetteer, day).resolve(span.root)
            overlapping = [e for e in found if e.text in row["mention"] or row["mention"] in e.text]
            resolved = (overlapping or found or [None])[0]
        country = resolved.country if resolved else None
        sector = resolved.sector if resolved else None
        country_hit, sector_hit = country == row["country"], sector == row["sector"]
        report.total += 1
        report.country_hits += country_hit
        report.sector_hits += sector_hit
        for group in (f"rule:{row.get('rule')}", "in gazetteer" if row.get("in_gazetteer") else "not in gazetteer"):
            counts = report.by_group[group]
            counts[0] += 1
            counts[1] += country_hit
            counts[2] += sector_hit
        if not (country_hit and sector_hit):
            wanted = f"{row['country']} {row['sector']}"
            report.misses.append((row["mention"], row["text"][:100], wanted, f"{country} {sector}"))
    return report


SWEEP = tuple(round(step / 20, 2) for step in range(20))  # 0.00, 0.05, ... 0.95


def threshold_sweep(
    gold: list[GoldArticle], predicted: dict[str, list[Event]], thresholds: Iterable[float] = SWEEP
) -> list[tuple[float, Counts]]:
    """Overall counts when only events with confidence >= t are kept, for each t."""
    return [(threshold, score(gold, confident(predicted, threshold)).overall) for threshold in thresholds]


def confident(predicted: dict[str, list[Event]], threshold: float) -> dict[str, list[Event]]:
    """Each article's events at or above the confidence threshold (an unscored event counts as 0)."""
    return {ref: [e for e in events if (e.confidence or 0.0) >= threshold] for ref, events in predicted.items()}


def lowest_threshold_for(sweep: list[tuple[float, Counts]], precision: float) -> float | None:
    """The lowest threshold whose precision reaches the target (with at least one event kept)."""
    for threshold, counts in sweep:
        if counts.tp + counts.fp and counts.precision >= precision:
            return threshold
    return None


def confidence_samples(gold: list[GoldArticle], predicted: dict[str, list[Event]]) -> list[tuple[Event, int]]:
    """Each predicted event with 1 when its (type, country set) key is in the gold (core or not), else 0."""
    samples = []
    for item in gold:
        keys = {event_key(event) for event in item.events}
        for event in predicted.get(item.article.ref, []):
            samples.append((event, int(event_key(event) in keys)))
    return samples


MISS_CAUSES = (
    "below the threshold",
    "no trigger",
    "other type",
    "actor or recipient unresolved",
    "wrong role",
    "outside a sentence read",
)


def miss_causes(
    gold: list[GoldArticle], predicted: dict[str, list[Event]], kept: dict[str, list[Event]] | None = None
) -> dict[str, int]:
    """Why each required gold event was missed, judged from what dyad coded in the same sentence.

    `kept` is what a confidence threshold left of `predicted` (default: all of it).
    - below the threshold: dyad coded it, with too low a confidence;
    - no trigger: nothing was coded from that sentence;
    - other type: something of another type was;
    - actor or recipient unresolved: the same type, with countries that are a strict part of the gold's;
    - wrong role: the same type with other countries;
    - outside a sentence read: the gold's evidence could not be placed in the text.
    """
    report = score(gold, predicted if kept is None else kept)
    articles = {item.article.ref: item.article for item in gold}
    causes = dict.fromkeys(MISS_CAUSES, 0)
    for ref, (type_, countries), evidence in report.false_negatives:
        if any(event_key(event) == (type_, countries) for event in predicted.get(ref, [])):
            causes["below the threshold"] += 1
            continue
        start = articles[ref].text.find(evidence.split(" … ")[0]) if evidence else -1
        if start < 0:
            causes["outside a sentence read"] += 1
            continue
        end = start + len(evidence)
        there = [
            event
            for event in predicted.get(ref, [])
            if any(item.start < end and start < item.end for item in event.evidence)
        ]
        same_type = [event for event in there if event.type == type_]
        if not there:
            causes["no trigger"] += 1
        elif not same_type:
            causes["other type"] += 1
        elif any(event.countries() < countries for event in same_type):
            causes["actor or recipient unresolved"] += 1
        else:
            causes["wrong role"] += 1
    return causes
