"""Exports in the formats event-data users already read.

- `plover-json`: one JSON object a line, with the field names of the PLOVER manual's data
  chapter (id, date, actor/recipient entity objects with code and sector, event, mode,
  context, event_loc, event_text, quad_code, event_scale, text_info, cite_info, coder,
  coded_date), the layout POLECAT records follow. dyad's own fields that PLOVER has no
  name for (modality, confidence, happening_id, date_precision, rules) are added under
  their dyad names, as the manual allows.
- `gdelt-csv`: the 61 tab-separated columns of the GDELT 2.0 event table, one row per
  happening, with NumMentions/NumSources/NumArticles from its reports. Deviations: geo
  country codes are ISO 3166 alpha-3 (GDELT uses FIPS 10-4); actor geography, tone,
  ethnic and religion codes are left empty (dyad does not code them); GLOBALEVENTID is a
  63-bit integer derived from the happening id, so it is the same in every run.
- `parquet`: a flat table (lists for countries and contexts), partitioned by month of the
  event date (`month=2025-06/`; undated events under the month of publication), readable
  by DuckDB, polars and pandas without dyad.
- `jsonl`: the record exactly as `dyad extract` prints it, plus `happening_id`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.dataset as pads

from dyad.dates import iso_to_date
from dyad.happenings import Happening
from dyad.records import Entity, Event

FORMATS = ("plover-json", "gdelt-csv", "parquet", "jsonl")
CODER = "dyad"


@dataclass(frozen=True)
class Source:
    """What an export says about the article an event came from."""

    article_id: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Exported:
    """One event with its article and the happening it belongs to."""

    event: Event
    source: Source
    happening_id: str | None = None


def quad_class(cameo: str) -> int:
    """CAMEO root 01-05 verbal cooperation (1), 06-09 material cooperation (2), 10-14
    verbal conflict (3), 15-20 material conflict (4)."""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "code": entity.country,
        "sector": entity.sector,
        "entity_text": entity.text,
        "identifier_text": entity.name,
    }


def plover_record(item: Exported) -> dict[str, Any]:
    """The PLOVER JSON record of one event (see the module docstring for the fields)."""
    event, source = item.event, item.source
    location = event.location
    return {
        "id": event.id,
        "date": event.date,
        "date_precision": event.date_precision,
        "actor": [_entity(e) for e in event.actor],
        "recipient": [_entity(e) for e in event.recipient],
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": list(event.context),
        "event_loc": None
        if location is None
        else {
            "extracted_place": location.name,
            "resolved_place": location.name,
            "lat": location.lat,
            "lon": location.lon,
            "country_code": location.country,
        },
        "event_text": [evidence.text for evidence in event.evidence],
        "quad_code": quad_class(event.cameo),
        "event_scale": event.score,
        "text_info": [{"start": evidence.start, "end": evidence.end} for evidence in event.evidence],
        "cite_info": {
            "citation": event.article_ref,
            "url": source.url,
            "title": source.title,
            "publication": source.outlet,
            "language": source.language,
            "coder": CODER,
            "codebook": "plover",
        },
        "coder": CODER,
        "modality": event.modality,
        "confidence": event.confidence,
        "happening_id": item.happening_id,
        "rules": list(event.rules),
    }


def jsonl_record(item: Exported) -> dict[str, Any]:
    return {**item.event.to_dict(), "happening_id": item.happening_id}


# The GDELT 2.0 event table, in order.
_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
# GDELT's geo types: 1 country, 4 world city.
_GEO_COUNTRY, _GEO_CITY = 1, 4


def global_event_id(happening_id: str) -> int:
    """A positive 63-bit integer from the happening's hex id: stable across runs."""
    return int(happening_id.lstrip("h")[:15], 16)


def _actor_columns(entities: Sequence[Entity]) -> list[str]:
    if not entities:
        return [""] * len(_ACTOR_FIELDS)
    first = entities[0]
    country = first.country or ""
    iso = len(country) == 3 and country.isalpha() and country.isupper()
    sector = first.sector or ""
    code = (country if iso else "") + sector if sector != "IGO" or iso else country
    return [
        code,
        (first.name or first.text).upper(),
        country if iso else "",
        "" if iso else country,  # international bodies (EU, NATO) are GDELT "known groups"
        "",
        "",
        "",
        sector,
        "",
        "",
    ]


def _geo_columns(event: Event) -> list[str]:
    location = event.location
    if location is None:
        return [""] * len(_GEO_FIELDS)
    kind = _GEO_CITY if location.lat is not None and location.name != location.country else _GEO_COUNTRY
    return [
        str(kind),
        location.name,
        location.country or "",
        "",
        "",
        "" if location.lat is None else f"{location.lat:.4f}",
        "" if location.lon is None else f"{location.lon:.4f}",
        "",
    ]


def _day(date: str | None) -> dt.date | None:
    return iso_to_date(date)[0] if date else None


@dataclass(frozen=True)
class HappeningSummary:
    """What a GDELT row says of a happening: its record and how it was reported."""

    id: str
    representative: Event
    mentions: int
    outlets: int
    articles: int
    first_report: str | None


def summarize(happening: Happening, events: dict[str, Event], sources: dict[str, Source]) -> HappeningSummary:
    """A clustered happening (dyad.happenings) as an export row's input."""
    return HappeningSummary(
        id=happening.id,
        representative=events[happening.representative().event_id],
        mentions=len(happening.members),
        outlets=len(happening.outlets) or 1,
        articles=happening.source_count,
        first_report=happening.first_report,
    )


def gdelt_row(happening: HappeningSummary, sources: dict[str, Source]) -> list[str]:
    """One happening as a GDELT 2.0 event row, from its representative record (dates at
    day precision: a month-dated happening gets the month's first day, as GDELT has no
    coarser date). NumMentions counts its reports, NumSources its outlets, NumArticles
    its articles (re-posts included)."""
    event = happening.representative
    source = sources.get(event.article_id, Source(article_id=event.article_id))
    day = _day(event.date) or _day(source.published)
    first_report = _day(happening.first_report)
    fraction = "" if day is None else f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
    return [
        str(global_event_id(happening.id)),
        "" if day is None else day.strftime("%Y%m%d"),
        "" if day is None else day.strftime("%Y%m"),
        "" if day is None else str(day.year),
        fraction,
        *_actor_columns(event.actor),
        *_actor_columns(event.recipient),
        "1",
        event.cameo,
        event.cameo[:3],
        event.cameo[:2],
        str(quad_class(event.cameo)),
        f"{event.score:.1f}",
        str(happening.mentions),
        str(happening.outlets),
        str(happening.articles),
        "",
        *([""] * len(_GEO_FIELDS)),
        *([""] * len(_GEO_FIELDS)),
        *_geo_columns(event),
        "" if first_report is None else first_report.strftime("%Y%m%d") + "000000",
        source.url or event.article_ref,
    ]


def _month(item: Exported) -> str:
    date = item.event.date or item.source.published
    return date[:7] if date and len(date) >= 7 else (date[:4] + "-00" if date else "unknown")


def parquet_table(items: Iterable[Exported]) -> pa.Table:
    rows = []
    for item in items:
        event, source = item.event, item.source
        location = event.location
        rows.append(
            {
                "month": _month(item),
                "id": event.id,
                "happening_id": item.happening_id,
                "article_id": event.article_id,
                "type": event.type,
                "mode": event.mode,
                "context": list(event.context),
                "modality": event.modality,
                "date": event.date,
                "date_precision": event.date_precision,
                "actor_names": [e.name or e.text for e in event.actor],
                "actor_countries": [e.country for e in event.actor],
                "actor_sectors": [e.sector for e in event.actor],
                "recipient_names": [e.name or e.text for e in event.recipient],
                "recipient_countries": [e.country for e in event.recipient],
                "recipient_sectors": [e.sector for e in event.recipient],
                "location_name": location.name if location else None,
                "location_country": location.country if location else None,
                "lat": location.lat if location else None,
                "lon": location.lon if location else None,
                "cameo": event.cameo,
                "quad_class": quad_class(event.cameo),
                "goldstein": event.score,
                "confidence": event.confidence,
                "evidence": event.evidence[0].text,
                "evidence_start": event.evidence[0].start,
                "evidence_end": event.evidence[0].end,
                "url": source.url,
                "outlet": source.outlet,
                "published": source.published,
                "record": event.to_json(),
            }
        )
    return pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA)


_TEXTS = pa.list_(pa.string())
PARQUET_SCHEMA = pa.schema(
    [
        ("month", pa.string()), ("id", pa.string()), ("happening_id", pa.string()), ("article_id", pa.string()),
        ("type", pa.string()), ("mode", pa.string()), ("context", _TEXTS), ("modality", pa.string()),
        ("date", pa.string()), ("date_precision", pa.string()), ("actor_names", _TEXTS),
        ("actor_countries", _TEXTS), ("actor_sectors", _TEXTS), ("recipient_names", _TEXTS),
        ("recipient_countries", _TEXTS), ("recipient_sectors", _TEXTS), ("location_name", pa.string()),
        ("location_country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()), ("cameo", pa.string()),
        ("quad_class", pa.int8()), ("goldstein", pa.float64()), ("confidence", pa.float64()),
        ("evidence", pa.string()), ("evidence_start", pa.int64()), ("evidence_end", pa.int64()),
        ("url", pa.string()), ("outlet", pa.string()), ("published", pa.string()), ("record", pa.string()),
    ]
)  # fmt: skip


def write_parquet(items: Iterable[Exported], folder: Path) -> int:
    """A month-partitioned dataset under `folder` (hive layout: month=YYYY-MM/part-0.parquet)."""
    table = parquet_table(items)
    pads.write_dataset(
        table,
        folder,
        format="parquet",
        partitioning=pads.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
        existing_data_behavior="delete_matching",
        basename_template="part-{i}.parquet",
    )
    return table.num_rows


def write_lines(format: str, items: Iterable[Exported], out: IO[str]) -> int:
    """plover-json or jsonl: one JSON object a line."""
    make = plover_record if format == "plover-json" else jsonl_record
    count = 0
    for item in items:
        out.write(json_line(make(item)) + "\n")
        count += 1
    return count


# Characters JSON leaves raw that some line readers (Python's str.splitlines, JavaScript)
# take for line breaks: escaped, so one record is always one line.
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_line(record: dict[str, Any]) -> str:
    text = json.dumps(record, ensure_ascii=False)
    for raw, escaped in _LINE_BREAKS.items():
        text = text.replace(raw, escaped)
    return text


# GDELT's cells never hold tabs or line breaks; text that does is written with spaces.
_CELL_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def gdelt_cell(value: str) -> str:
    return _CELL_BREAKS.sub(" ", value)


def write_gdelt(happenings: Iterable[HappeningSummary], sources: dict[str, Source], out: IO[str]) -> int:
    """GDELT's files are tab-separated with no header; a header row is written first here
    so that the columns can be read by name (skip it to concatenate with GDELT files)."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(GDELT_COLUMNS)
    count = 0
    for happening in happenings:
        writer.writerow([gdelt_cell(cell) for cell in gdelt_row(happening, sources)])
        count += 1
    return count


def iter_exported(
    events: Iterable[Event], sources: dict[str, Source], happenings: Iterable[Happening]
) -> Iterator[Exported]:
    membership = {m.event_id: h.id for h in happenings for m in h.members}
    for event in events:
        source = sources.get(event.article_id, Source(article_id=event.article_id))
        yield Exported(event=event, source=source, happening_id=membership.get(event.id))


def json_schema(format: str) -> dict[str, Any]:
    """The JSON Schema one line of a JSON export follows (plover-json or jsonl)."""
    from importlib import resources

    from dyad.records import event_json_schema

    if format == "plover-json":
        return json.loads((resources.files("dyad") / "data" / "plover-record.schema.json").read_text("utf-8"))
    if format == "jsonl":
        schema = event_json_schema()
        schema["properties"]["happening_id"] = {"type": ["string", "null"], "description": "The happening's id"}
        schema["title"] = "dyad jsonl export record"
        return schema
    raise ValueError(f"no JSON Schema for format {format!r}")
