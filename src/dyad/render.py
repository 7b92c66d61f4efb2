"""Terminal and file renderings of events, shared by the CLI commands."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.table import Table

from dyad.evaluate import Report
from dyad.records import Entity, Event

if TYPE_CHECKING:
    from dyad.query import HappeningRow

CSV_COLUMNS = [
    "id", "article_ref", "type", "mode", "modality", "date", "date_precision", "actor", "actor_country",
    "actor_sector", "recipient", "recipient_country", "recipient_sector", "location", "location_country",
    "cameo", "evidence",
]  # fmt: skip


def entity_label(entities: Iterable[Entity]) -> str:
    return "; ".join(f"{e.name or e.text} ({e.country or '?'} {e.sector or '?'})" for e in entities)


def jsonl_line(event: Event) -> str:
    """One line of `--format jsonl`: the coding guide's record plus article_id and article_ref."""
    return json.dumps(event.to_dict(), ensure_ascii=False)


def csv_text(events: Iterable[Event]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for event in events:
        writer.writerow(
            {
                "id": event.id,
                "article_ref": event.article_ref,
                "type": event.type,
                "mode": event.mode or "",
                "modality": event.modality,
                "date": event.date or "",
                "date_precision": event.date_precision or "",
                "actor": "; ".join(e.name or e.text for e in event.actor),
                "actor_country": "; ".join(e.country or "" for e in event.actor),
                "actor_sector": "; ".join(e.sector or "" for e in event.actor),
                "recipient": "; ".join(e.name or e.text for e in event.recipient),
                "recipient_country": "; ".join(e.country or "" for e in event.recipient),
                "recipient_sector": "; ".join(e.sector or "" for e in event.recipient),
                "location": event.location.name if event.location else "",
                "location_country": (event.location.country or "") if event.location else "",
                "cameo": event.cameo,
                "evidence": " | ".join(item.text for item in event.evidence),
            }
        )
    return buffer.getvalue()


def event_brief(event: Event) -> str:
    """Two lines for a reader: who did what to whom, when and where; then the evidence."""
    kind = event.type + (f"/{event.mode}" if event.mode else "")
    recipient = f" -> {entity_label(event.recipient)}" if event.recipient else ""
    where = f" in {event.location.name}" if event.location else ""
    when = event.date or "undated"
    head = f"[bold]{kind}[/bold] {when} ({event.modality}){where}: {entity_label(event.actor)}{recipient}"
    return f"{head}\n    [dim]\u201c{event.evidence[0].text}\u201d[/dim]  [dim]({event.article_ref})[/dim]"


def events_table(events: Iterable[Event], *, title: str | None = None, evidence: bool = True) -> Table:
    table = Table(title=title, show_lines=evidence)
    for column in ("date", "type", "actor", "recipient", "modality", "where"):
        table.add_column(column)
    if evidence:
        table.add_column("evidence", ratio=2)
    for event in events:
        type_label = event.type + (f" / {event.mode}" if event.mode else "")
        row = [
            event.date or "",
            type_label,
            entity_label(event.actor),
            entity_label(event.recipient),
            event.modality,
            event.location.name if event.location else "",
        ]
        if evidence:
            row.append(event.evidence[0].text)
        table.add_row(*row)
    return table


def scores_table(report: Report) -> Table:
    table = Table(title="Event extraction against gold")
    for column in ("type", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "type" else "left")
    rows = [*sorted(report.by_type.items()), ("ALL", report.overall)]
    for name, counts in rows:
        table.add_row(
            name, str(counts.tp), str(counts.fp), str(counts.fn),
            f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}",
        )  # fmt: skip
    return table


def sweep_table(sweep: list) -> Table:
    """Precision, recall and F1 by confidence threshold: the trade-off a user chooses from."""
    table = Table(title="By --min-confidence")
    for name in ("threshold", "P", "R", "F1", "kept"):
        table.add_column(name, justify="right")
    for threshold, counts in sweep:
        table.add_row(
            f"{threshold:.2f}",
            f"{counts.precision:.3f}",
            f"{counts.recall:.3f}",
            f"{counts.f1:.3f}",
            str(counts.tp + counts.fp),
        )
    return table


def happenings_table(rows: Iterable[HappeningRow], *, title: str | None = None) -> Table:
    """One row per happening: its record, its modality, and how many told it."""
    table = Table(title=title, show_lines=True)
    for column in ("date", "type", "actor", "recipient", "modality", "sources", "outlets"):
        table.add_column(column, justify="right" if column == "sources" else "left")
    table.add_column("evidence", ratio=2)
    for row in rows:
        event = row.representative
        table.add_row(
            row.date or "",
            event.type + (f" / {event.mode}" if event.mode else ""),
            entity_label(event.actor),
            entity_label(event.recipient),
            row.modality,
            str(row.sources),
            ", ".join(row.outlets),
            event.evidence[0].text,
        )
    return table


HAPPENING_CSV_COLUMNS = [
    "id", "type", "countries", "modality", "date", "date_precision", "place_country", "mentions", "articles",
    "sources", "outlets", "first_report", "last_report", "actor", "recipient", "evidence",
]  # fmt: skip


def happenings_csv(rows: Iterable[HappeningRow]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HAPPENING_CSV_COLUMNS)
    writer.writeheader()
    for row in rows:
        event = row.representative
        writer.writerow(
            {
                "id": row.id,
                "type": row.type,
                "countries": "; ".join(row.countries),
                "modality": row.modality,
                "date": row.date or "",
                "date_precision": row.date_precision or "",
                "place_country": row.place_country or "",
                "mentions": row.mentions,
                "articles": row.articles,
                "sources": row.sources,
                "outlets": "; ".join(row.outlets),
                "first_report": row.first_report or "",
                "last_report": row.last_report or "",
                "actor": entity_label(event.actor),
                "recipient": entity_label(event.recipient),
                "evidence": event.evidence[0].text,
            }
        )
    return buffer.getvalue()
