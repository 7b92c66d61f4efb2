"""The `dyad` commands about happenings: `export`, `cluster` and `eval clusters` (imported by
dyad.cli, which owns the app, the shared options and the error handling)."""

from __future__ import annotations

import json
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from dyad import export as exporting
from dyad import query
from dyad.cli import (
    READER,
    DbOption,
    MinConfidenceOption,
    QuietOption,
    _require_db,
    _threshold,
    app,
    console,
    eval_app,
    friendly,
)
from dyad.errors import ConfigError
from dyad.records import EVENT_TYPES
from dyad.store import DEFAULT_DB, Store


class ExportFormat(StrEnum):
    plover_json = "plover-json"
    gdelt_csv = "gdelt-csv"
    parquet = "parquet"
    jsonl = "jsonl"


@app.command()
@friendly
def export(
    format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="plover-json, gdelt-csv (one row per happening), parquet or jsonl."),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="File to write (a folder for parquet, partitioned by month). Default: standard output."
        ),
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
    actor: Annotated[str | None, typer.Option(help="ISO3 country (or IGO code) on the actor side, e.g. BLR.")] = None,
    recipient: Annotated[str | None, typer.Option(help="ISO3 country on the recipient side.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 country on either side.")] = None,
    type: Annotated[str | None, typer.Option("--type", help=f"PLOVER type: {', '.join(EVENT_TYPES)}.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date, YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date, YYYY[-MM[-DD]].")] = None,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Write stored events in a format other tools read, e.g. `dyad export -f gdelt-csv -o events.tsv`.

    Every event row carries its happening's id; gdelt-csv has one row per happening with
    NumMentions, NumSources and NumArticles from its reports. The README documents each
    format and where it departs from the original.
    """
    if format is ExportFormat.parquet and out is None:
        raise typer.BadParameter("parquet is written to a folder: give --out DIR", param_hint="--out")
    if type and type.upper() not in EVENT_TYPES:
        raise typer.BadParameter(f"unknown type {type!r}; choose from {', '.join(EVENT_TYPES)}", param_hint="--type")
    _require_db(db)
    filters = {"actor": actor, "recipient": recipient, "country": country, "type": type, "since": since, "until": until}
    threshold = _threshold(min_confidence)
    with Store(db, READER) as store:
        sources = {
            row[0]: exporting.Source(*row)
            for row in store.query("SELECT id, url, title, outlet, published, language FROM articles")
        }
        if format is ExportFormat.gdelt_csv:
            happenings = query.happenings(store, min_confidence=threshold, **filters)
            rows = [query.happening_as_cluster(h) for h in happenings]
            with _output(out) as stream:
                count = exporting.write_gdelt(rows, sources, stream)
            noun = "happenings"
        else:
            found = store.events(min_confidence=threshold, **filters)
            membership = dict(store.query("SELECT event_id, happening_id FROM happening_events"))
            items = [
                exporting.Exported(e, sources.get(e.article_id, exporting.Source(e.article_id)), membership.get(e.id))
                for e in found
            ]
            if format is ExportFormat.parquet:
                assert out is not None
                count = exporting.write_parquet(items, out)
            else:
                with _output(out) as stream:
                    count = exporting.write_lines(format.value, items, stream)
            noun = "events"
    where = out if out is not None else "standard output"
    typer.echo(f"{count} {noun} written as {format.value} to {where}", err=True)


class _output:
    """A file to write, or standard output left open."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def __enter__(self):
        self.stream = self.path.open("w", encoding="utf-8", newline="") if self.path else sys.stdout
        return self.stream

    def __exit__(self, *exc: object) -> None:
        if self.path:
            self.stream.close()


@app.command()
@friendly
def cluster(db: DbOption = Path(DEFAULT_DB), quiet: QuietOption = False) -> None:
    """Rebuild near-duplicates and happenings from every stored article and event.

    `dyad run` keeps them up to date batch by batch; this gives the same result from
    scratch, e.g. after changing the clustering settings.
    """
    _require_db(db)
    with Store(db) as store:
        count = store.rebuild_happenings()
        counts = store.cluster_counts()
    if not quiet:
        console.print(f"{count} happenings; {counts['duplicates']} articles are near-duplicates of another, in {db}")


@eval_app.command("clusters")
@friendly
def eval_clusters(
    gold: Annotated[
        Path,
        typer.Argument(help="A folder with articles.jsonl, gold.jsonl and duplicates.json (tests/data/clusters)."),
    ],
    json_output: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Pairwise and B-cubed precision, recall and F1 of happenings against a cluster gold set.

    The articles are run into a temporary database, exactly as `dyad run` stores them, and
    duplicate detection is scored against duplicates.json.
    Example: `dyad eval clusters tests/data/clusters`.
    """
    from dyad.cluster_eval import score_corpus

    for name in ("articles.jsonl", "gold.jsonl", "duplicates.json"):
        if not (gold / name).is_file():
            raise ConfigError(f"{gold / name} is missing: a cluster gold folder holds articles.jsonl, gold.jsonl "
                              "and duplicates.json")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="dyad-eval-clusters-") as folder:
        scores, duplicates = score_corpus(gold, Path(folder) / "eval.duckdb")
    if json_output:
        sys.stdout.write(json.dumps({**scores.to_dict(), "duplicates": duplicates}) + "\n")
        return
    table = Table(title="Happenings against cluster gold")
    for column in ("measure", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "measure" else "left")
    table.add_row("pairwise", f"{scores.pairwise_precision:.3f}", f"{scores.pairwise_recall:.3f}",
                  f"{scores.pairwise_f1:.3f}")  # fmt: skip
    table.add_row("B-cubed", f"{scores.bcubed_precision:.3f}", f"{scores.bcubed_recall:.3f}",
                  f"{scores.bcubed_f1:.3f}")  # fmt: skip
    table.add_row("duplicate pairs", f"{duplicates['precision']:.3f}", f"{duplicates['recall']:.3f}",
                  f"{duplicates['f1']:.3f}")  # fmt: skip
    console.print(table)
    console.print(
        f"{scores.labelled_events} events matched a gold happening ({scores.unlabelled_events} did not, and are "
        f"scored by `dyad eval events`); {scores.gold_happenings} gold happenings, "
        f"{scores.predicted_happenings} predicted among the matched events."
    )
