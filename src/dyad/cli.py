"""The `dyad` command: thin wrappers over the library; library errors become messages here."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from dyad import query, render
from dyad.dates import normalise_published, parse_iso_date
from dyad.errors import DyadError, InputError
from dyad.ingest.options import DEFAULT_MAX_BYTES
from dyad.records import EVENT_TYPES, Failure, event_json_schema
from dyad.runner import IngestSummary
from dyad.store import BATCH_ARTICLES, DB_ENV, DEFAULT_DB, Store, StoreOptions

if TYPE_CHECKING:
    from dyad.pipeline import Pipeline
    from dyad.runner import Executor, Sink

app = typer.Typer(
    help="dyad: turn news articles into verifiable political event records.\n\n"
    "Typical use: `dyad run articles/` to ingest into ./dyad.duckdb, then `dyad summary` "
    "and `dyad events --actor BLR --type SUPPORT`. `dyad extract FILE` codes without storing.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True)
errors = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])
_state = {"debug": False}


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


def _bad_option(option: str, message: str) -> NoReturn:
    """A bad command-line value stops the command before any work: one line, exit code 2 (a usage error)."""
    sys.stderr.write(f"error: {option}: {message}\n")
    raise typer.Exit(2)


def _published_value(value: str | None) -> str | None:
    """--published as ISO; an impossible date (2025-13-45) is refused rather than stored with its articles."""
    try:
        return normalise_published(value, "--published")
    except InputError as error:
        _bad_option("--published", error.reason)


def _since_value(value: str | None) -> str | None:
    return _iso_value("--since", value)


def _until_value(value: str | None) -> str | None:
    return _iso_value("--until", value)


def _iso_value(option: str, value: str | None) -> str | None:
    """Query bounds are exact ISO dates: a typo is refused, never guessed at."""
    if value is None:
        return None
    try:
        return parse_iso_date(value, option)
    except InputError as error:
        _bad_option(option, error.reason)


def _limit_value(value: int | None) -> int | None:
    if value is not None and value < 1:
        _bad_option("--limit", f"must be at least 1, got {value}")
    return value


def _type_value(value: str | None) -> str | None:
    if value and value.upper() not in EVENT_TYPES:
        _bad_option("--type", f"unknown type {value!r}; choose from {', '.join(EVENT_TYPES)}")
    return value


DbOption = Annotated[
    Path, typer.Option("--db", envvar=DB_ENV, help=f"DuckDB file to use (default ./{DEFAULT_DB}, or ${DB_ENV}).")
]
PathsArgument = Annotated[
    list[str], typer.Argument(help="Files, directories (read recursively) or - for standard input.", show_default=False)
]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published", help="Publication date for plain-text input, e.g. 2025-07-27.", callback=_published_value
    ),
]
UrlOption = Annotated[str | None, typer.Option("--url", help="URL of the article, for plain-text input.")]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors",
        help="YAML file of extra people, organisations and places, in the shape of dyad/actors/data/en/*.yaml. "
        "Repeatable.",
    ),
]


WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        help="Worker processes, each loading the model once (default: the number of cores). 1 runs in this "
        "process. The output is the same for any number.",
        show_default=False,
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, for scripts.")]
DaskOption = Annotated[
    str | None,
    typer.Option(
        "--dask",
        help="Code on a Dask cluster: a scheduler address (tcp://HOST:8786), or 'local' for a LocalCluster of one "
        "worker process per core (or --workers). The database is still written here, in input order.",
        show_default=False,
    ),
]


MinConfidenceOption = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Keep events whose confidence is at least this (0-1). Default: the calibrated threshold in "
        "dyad/events/data/confidence.yaml, the lowest giving precision >= 0.85 on the real-news dev set; "
        "0 keeps everything.",
        show_default=False,
    ),
]


def _threshold(value: float | None) -> float:
    """The user's --min-confidence, else the calibrated default."""
    from dyad.events.confidence import load_calibration

    return load_calibration().default_threshold if value is None else value


def friendly(command: F) -> F:
    """Print DyadError as one line and exit 1; tracebacks only with --debug."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DyadError as error:
            if _state["debug"]:
                raise
            errors.print(f"[red]error:[/red] {error}")
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks and debug logs.")] = False,
) -> None:
    _state["debug"] = debug
    logging.basicConfig(level=logging.DEBUG if debug else logging.ERROR, format="%(levelname)s %(name)s: %(message)s")


def _actor_files(actors: list[Path] | None) -> tuple[str, ...]:
    return tuple(str(path) for path in actors or [])


def _pipeline(actors: list[Path] | None) -> Pipeline:
    """The shared pipeline, or one whose gazetteer the user's actor files extend."""
    from dyad.pipeline import Pipeline, default_pipeline

    return Pipeline(actor_files=_actor_files(actors)) if actors else default_pipeline()


def _workers(given: int | None) -> int:
    """--workers, else one per core."""
    return given or os.cpu_count() or 1


def _warn_about_inputs(paths: list[str], include: list[str] | None = None, exclude: list[str] | None = None) -> bool:
    """Warn, before any work, about paths that give nothing; True when there was one."""
    from dyad.ingest import input_problems

    problems = input_problems(paths, include=include or (), exclude=exclude or ())
    for problem in problems:
        errors.print(f"[yellow]warning[/yellow]: {escape(problem)}", highlight=False, soft_wrap=True)
    return bool(problems)


def _exit_if_incomplete(problem_inputs: bool, articles_read: int) -> None:
    """Exit 1 when an input gave nothing or no article at all was read: the run did not do what was asked."""
    if not articles_read:
        errors.print("[yellow]warning[/yellow]: no article could be read from the input", highlight=False)
    if problem_inputs or not articles_read:
        raise typer.Exit(1)


def _redated(summary: IngestSummary) -> str:
    count = summary.articles_redated
    return f"; {count} re-dated to --published and re-coded" if count else ""


def _report_failures(failures: list[Failure]) -> None:
    for failure in failures:
        errors.print(f"[yellow]skipped[/yellow] {escape(failure.source)}: {escape(failure.reason)}", highlight=False)


@app.command()
@friendly
def extract(
    paths: PathsArgument,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="jsonl (one record a line), table or csv.")
    ] = OutputFormat.jsonl,
    published: PublishedOption = None,
    url: UrlOption = None,
    actors: ActorsOption = None,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Print the events of the given articles, without a database.

    Bad files are reported on stderr by name and skipped; the rest go on.
    """
    from dyad.ingest import read_paths

    problem_inputs = _warn_about_inputs(paths)
    threshold = _threshold(min_confidence)
    pipeline = _pipeline(actors)
    items = list(read_paths(paths, published=published, url=url))
    _report_failures([item for item in items if isinstance(item, Failure)])
    articles = [item for item in items if not isinstance(item, Failure)]
    events = []
    for coded in pipeline.code(articles):
        if coded.failure:
            _report_failures([coded.failure])
        events += [event for event in coded.events if (event.confidence or 0.0) >= threshold]
    _print_events(events, format, title=f"{len(events)} events from {len(articles)} articles")
    _exit_if_incomplete(problem_inputs, len(articles))


@app.command()
@friendly
def run(
    paths: PathsArgument,
    db: DbOption = Path(DEFAULT_DB),
    published: PublishedOption = None,
    url: UrlOption = None,
    include: Annotated[
        list[str] | None,
        typer.Option("--include", help="In directories, read only files matching this glob ('*.html'). Repeatable."),
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="In directories, skip files matching this glob. Repeatable.")
    ] = None,
    column: Annotated[
        list[str] | None,
        typer.Option(
            "--column",
            help="CSV/JSONL column for a field, FIELD=NAME (fields: text, id, url, title, published, outlet), "
            "e.g. --column text=body. Repeatable.",
        ),
    ] = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Largest file (or unpacked archive member, or WARC page) read.")
    ] = DEFAULT_MAX_BYTES,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per transaction; a killed run resumes after the last.")
    ] = BATCH_ARTICLES,
    actors: ActorsOption = None,
    min_confidence: MinConfidenceOption = None,
    workers: WorkersOption = None,
    dask: DaskOption = None,
    parquet_parts: Annotated[
        bool,
        typer.Option(
            "--parquet-parts",
            help="With --dask: workers write each coded batch as Parquet under DB.parts/ (on a shared filesystem "
            "for a remote cluster), merged into the database in input order and then removed. "
            "`dyad events --parts DB.parts` queries parts not merged yet.",
        ),
    ] = False,
    keep_parts: Annotated[bool, typer.Option("--keep-parts", help="With --parquet-parts: keep merged parts.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Ingest articles into the database; running the same input again adds nothing.

    Events below --min-confidence are not stored; each stored event keeps its confidence.

    Reads text, JSON Lines, CSV, HTML, WARC, RSS/Atom, and any of them gzipped or zipped.
    """
    from dyad.ingest import Columns
    from dyad.ingest.options import ReadOptions
    from dyad.runner import PathSource, RunOptions
    from dyad.runner import run as run_loop

    problem_inputs = _warn_about_inputs(paths, include, exclude)
    read = ReadOptions(published=published, url=url, max_bytes=max_bytes, columns=Columns.parse(column or []))
    if parquet_parts and not dask:
        raise typer.BadParameter("--parquet-parts needs --dask", param_hint="--parquet-parts")
    source = PathSource(paths, read, include=include or [], exclude=exclude or [])
    started = time.monotonic()
    pipeline = _pipeline(actors)
    with Store(db, StoreOptions(min_confidence=_threshold(min_confidence), release_between_batches=True)) as store:
        with _run_target(store, pipeline, dask, workers, parquet_parts, keep_parts) as (sink, executor):
            options = RunOptions(
                batch_size=batch_size, workers=_workers(workers), executor=executor, redate=published is not None
            )
            with _progress("ingest", len(source.files), lambda summary: summary.files, quiet) as update:
                summary = run_loop(source, pipeline, sink, options, update)
        _report_failures(summary.failures)
        counts = store.counts()
    elapsed = time.monotonic() - started
    console.print(
        f"[bold]{summary.files}[/bold] files: [green]{summary.articles_added} new articles[/green] "
        f"({summary.articles_known} already stored{_redated(summary)}), [green]{summary.events_added} events[/green], "
        f"[yellow]{summary.failures_added} new failures[/yellow], in {elapsed:.1f}s "
        f"({summary.articles_read / max(elapsed, 1e-6):,.1f} articles/s).  Database {db}: {counts['articles']} "
        f"articles, {counts['events']} events, {counts['failures']} failures."
    )
    _exit_if_incomplete(problem_inputs, summary.articles_read)


@contextlib.contextmanager
def _run_target(
    store: Store, pipeline: Pipeline, dask: str | None, workers: int | None, parts: bool, keep_parts: bool
) -> Iterator[tuple[Sink, Executor | None]]:
    """The sink and executor of a run: the store and the default workers, or a Dask cluster
    (whose workers may write Parquet parts that the store merges)."""
    if not dask:
        yield store, None
        return
    from dyad.dask_executor import DaskExecutor
    from dyad.parts import Merged, new_run_dir, parts_dir

    # Dask logs each step of its scheduler and workers at INFO; --debug shows them
    logging.getLogger("distributed").setLevel(logging.DEBUG if _state["debug"] else logging.ERROR)
    run_dir = new_run_dir(parts_dir(store.path)) if parts else None
    with err_console.status(f"starting Dask ({dask})"):
        executor = DaskExecutor(pipeline, dask, workers=workers, parts=run_dir)
    try:
        if run_dir is None:
            yield store, executor
            return
        merged = Merged(store, executor.read, keep=keep_parts)
        yield merged, executor
        merged.finish(run_dir)
    finally:
        executor.close()


@contextlib.contextmanager
def _progress(
    label: str, total: int, done: Callable[[IngestSummary], int], quiet: bool
) -> Iterator[Callable[[IngestSummary], None]]:
    """A rich bar with articles/s, events and failures; off when quiet, or for one item off a terminal."""
    columns_shown = (
        TextColumn(f"[bold]{label}[/bold]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.fields[detail]}"),
    )  # fmt: skip
    with Progress(*columns_shown, console=errors, disable=quiet or (total < 2 and not errors.is_terminal)) as bar:
        task = bar.add_task(label, total=total, detail="")

        def update(summary: IngestSummary) -> None:
            detail = (
                f"{summary.articles_read} articles ({summary.rate():,.1f}/s), {summary.events_added} events, "
                f"{len(summary.failures)} failures"
            )
            bar.update(task, completed=done(summary), detail=detail)

        yield update


@app.command()
@friendly
def recode(
    db: DbOption = Path(DEFAULT_DB),
    batch_size: Annotated[
        int,
        typer.Option("--batch-size", min=1, help="Articles per transaction; a killed recode resumes after the last."),
    ] = BATCH_ARTICLES,
    actors: ActorsOption = None,
    min_confidence: MinConfidenceOption = None,
    workers: WorkersOption = None,
    quiet: QuietOption = False,
) -> None:
    """Re-code the stored articles whose events came from another coder version (see `coder_version`).

    Each article is re-coded once: its events and coding failures are replaced. Running it again does nothing.
    """
    from dyad.events.version import coder_version
    from dyad.runner import RunOptions
    from dyad.runner import recode as recode_loop

    _require_db(db)
    started = time.monotonic()
    with Store(db, StoreOptions(min_confidence=_threshold(min_confidence), release_between_batches=True)) as store:
        stale = len(store.stale_ids(coder_version()))
        options = RunOptions(batch_size=batch_size, workers=_workers(workers))
        with _progress("recode", stale, lambda summary: summary.articles_read, quiet) as update:
            _, summary = recode_loop(store, _pipeline(actors), options, update)
        _report_failures(summary.failures)
    console.print(
        f"[green]{summary.articles_added} articles re-coded[/green] to coder version {coder_version()}: "
        f"[green]{summary.events_added} events[/green], [yellow]{len(summary.failures)} failures[/yellow], "
        f"in {time.monotonic() - started:.1f}s."
    )


@app.command()
@friendly
def events(
    db: DbOption = Path(DEFAULT_DB),
    actor: Annotated[str | None, typer.Option(help="ISO3 country (or IGO code) on the actor side, e.g. BLR.")] = None,
    recipient: Annotated[str | None, typer.Option(help="ISO3 country on the recipient side.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 country on either side.")] = None,
    type: Annotated[
        str | None, typer.Option("--type", help=f"PLOVER type: {', '.join(EVENT_TYPES)}.", callback=_type_value)
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Earliest event date, YYYY[-MM[-DD]].", callback=_since_value)
    ] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date, YYYY[-MM[-DD]].", callback=_until_value)] = None,
    limit: Annotated[
        int | None, typer.Option(help="At most this many events (1 or more).", callback=_limit_value)
    ] = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="table, jsonl or csv.")] = OutputFormat.table,
    min_confidence: MinConfidenceOption = None,
    clusters: Annotated[
        bool,
        typer.Option(
            "--clusters", help="One row per happening (the reports of one happening merged), with its source count."
        ),
    ] = False,
    parts: Annotated[
        Path | None,
        typer.Option(
            "--parts",
            help="Query the Parquet parts under this directory in place (e.g. DB.parts from `dyad run --dask "
            "--parquet-parts`: batches not merged yet, or kept with --keep-parts) instead of the database.",
        ),
    ] = None,
) -> None:
    """Query stored events, e.g. `dyad events --actor BLR --type SUPPORT --since 2025-06`.

    With --clusters, each happening is one row: the record most of its reports agree on,
    and how many articles and outlets tell it.
    """
    filters = {
        "actor": actor,
        "recipient": recipient,
        "country": country,
        "type": type,
        "since": since,
        "until": until,
        "limit": limit,
        "min_confidence": _threshold(min_confidence),
    }
    if parts is not None:
        from dyad import parts as parquet_parts

        found = parquet_parts.events(parts, **filters)
        _print_events(found, format, title=f"{len(found)} events in parts")
        return
    _require_db(db)
    if clusters:
        with Store(db, READER) as store:
            rows = query.happenings(store, **filters)
        _print_happenings(rows, format)
        return
    with Store(db, READER) as store:
        found = store.events(**filters)
    _print_events(found, format, title=f"{len(found)} events")


@app.command()
@friendly
def summary(
    db: DbOption = Path(DEFAULT_DB),
    examples: Annotated[int, typer.Option(help="How many example events to show.")] = 5,
) -> None:
    """Counts by type and modality, the busiest dyads, and example events with evidence."""
    from rich.table import Table

    _require_db(db)
    with Store(db, READER) as store:
        counts = store.counts()
        clustered = store.cluster_counts()
        by_type = query.counts_by_type(store)
        happenings_by_type = dict(query.counts_of_happenings_by_type(store))
        by_modality = query.counts_by_modality(store)
        dyads = query.busiest_dyads(store)
        shown = query.example_events(store, examples)
    console.print(
        f"[bold]{clustered['happenings']} happenings told in {counts['events']} event mentions, from "
        f"{counts['articles']} articles ({clustered['duplicates']} of them near-duplicates of another); "
        f"{counts['failures']} failures[/bold] in {db}"
    )
    types = Table(title="Happenings by type")
    types.add_column("type")
    types.add_column("happenings", justify="right")
    types.add_column("mentions", justify="right")
    for name, count in by_type:
        types.add_row(name, str(happenings_by_type.get(name, 0)), str(count))
    console.print(types)
    console.print("Modality: " + ", ".join(f"{name} {count}" for name, count in by_modality))
    pairs = Table(title="Busiest dyads")
    for column in ("country", "country", "events"):
        pairs.add_column(column)
    for dyad in dyads:
        pairs.add_row(dyad.first, dyad.second, str(dyad.events))
    console.print(pairs)
    console.print("[bold]Examples, with the sentence each was coded from[/bold]")
    for event in shown:
        console.print(render.event_brief(event), highlight=False)


@app.command()
@friendly
def failures(db: DbOption = Path(DEFAULT_DB)) -> None:
    """List what could not be processed, and why: source, stage and reason, tab-separated."""
    _require_db(db)
    with Store(db, READER) as store:
        found = store.failures()
    if not found:
        console.print("No failures recorded.")
        return
    sys.stdout.write("source\tstage\treason\n")
    for failure in found:
        fields = (" ".join(value.split()) for value in (failure.source, failure.stage, failure.reason))
        sys.stdout.write("\t".join(fields) + "\n")


eval_app = typer.Typer(help="Score dyad against gold files kept in the repo (coding guide section 7).")
app.add_typer(eval_app, name="eval")


@eval_app.command("events")
@friendly
def eval_events(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files: {id, published, text | path, events}.")],
    errors_shown: Annotated[int, typer.Option("--errors", help="Print up to N false positives/negatives.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    min_confidence: MinConfidenceOption = None,
    causes: Annotated[
        bool, typer.Option("--causes", help="Count the misses by cause (no trigger, other type, unresolved, role).")
    ] = False,
) -> None:
    """Precision, recall and F1 of event extraction, overall and per type, field accuracy, and a threshold sweep.

    The scores are for events at or above --min-confidence (the calibrated default unless given); the sweep
    shows overall precision, recall and F1 at thresholds 0.00 to 0.95, so you can pick your own trade-off.
    Example: `dyad eval events tests/data/gold/events.jsonl tests/data/gold/samples.jsonl`
    """
    from dyad.evaluate import FIELDS, code_gold, confident, miss_causes, score, threshold_sweep
    from dyad.pipeline import default_pipeline

    failures: list = []

    def code(articles: list) -> dict:
        coded_articles = list(default_pipeline().code(articles))
        failures.extend(coded.failure for coded in coded_articles if coded.failure is not None)
        return {coded.article.ref: coded.events for coded in coded_articles}

    threshold = _threshold(min_confidence)
    gold_articles, predicted = code_gold(gold, code)
    kept = confident(predicted, threshold)
    report = score(gold_articles, kept)
    sweep = threshold_sweep(gold_articles, predicted)
    for failure in failures:  # an article the coder failed on scores as if it had no events
        err_console.print(f"[red]warning[/red]: {failure.source}: {failure.reason}", highlight=False)
    if as_json:
        result = report.to_dict()
        result["min_confidence"] = threshold
        result["sweep"] = [{"threshold": t, "precision": c.precision, "recall": c.recall, "f1": c.f1} for t, c in sweep]
        sys.stdout.write(json.dumps(result, indent=2) + "\n")
        return
    console.print(render.scores_table(report))
    console.print(
        f"At min confidence {threshold:.2f}. Field accuracy on {report.matched} matched events: "
        + ", ".join(f"{name} {report.accuracy(name):.3f}" for name in FIELDS)
    )
    console.print(render.sweep_table(sweep))
    if causes:
        counted = miss_causes(gold_articles, predicted, kept)
        total = max(sum(counted.values()), 1)
        console.print("Misses by cause: " + ", ".join(f"{name} {n} ({n / total:.0%})" for name, n in counted.items()))
    for ref, key, text in report.false_positives[:errors_shown]:
        console.print(f"[red]FP[/red] {ref} {key[0]} {sorted(key[1])}: {text[:160]}", highlight=False)
    for ref, key, text in report.false_negatives[:errors_shown]:
        console.print(f"[yellow]FN[/yellow] {ref} {key[0]} {sorted(key[1])}: {text[:160]}", highlight=False)
    for ref, type_, name, wanted, got, text in report.field_misses[:errors_shown]:
        console.print(f"[blue]{name}[/blue] {ref} {type_}: gold {wanted} / got {got}: {text[:160]}", highlight=False)


@eval_app.command("actors")
@friendly
def eval_actors(
    test_set: Annotated[Path, typer.Argument(help="JSONL of mentions: {text, mention, start, date, country, sector}.")],
    errors_shown: Annotated[int, typer.Option("--errors", help="Print up to N misses.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    actors: ActorsOption = None,
) -> None:
    """Country and sector accuracy of actor resolution, overall and by rule.

    Example: `dyad eval actors tests/data/actors/mentions.jsonl`
    """
    from dyad.actors.gazetteer import load_gazetteer
    from dyad.evaluate import evaluate_actors
    from dyad.nlp import load_pipeline

    files = _actor_files(actors)
    report = evaluate_actors(test_set, load_pipeline(None, files), load_gazetteer(files))
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=2) + "\n")
        return
    console.print(
        f"{report.total} mentions: country accuracy {report.country_accuracy:.3f}, "
        f"sector accuracy {report.sector_accuracy:.3f}"
    )
    for name, scores in report.to_dict()["groups"].items():
        console.print(f"  {name:24} n={scores['n']:4}  country {scores['country']:.3f}  sector {scores['sector']:.3f}")
    for mention, text, wanted, got in report.misses[:errors_shown]:
        console.print(f"[yellow]miss[/yellow] {mention!r}: want {wanted}, got {got} | {text}", highlight=False)


corpus_app = typer.Typer(
    help="The real-news evaluation corpus: a committed manifest and offset-only gold; the texts stay in a "
    "git-ignored cache (.real-corpus/) that you fill with the search tool."
)
app.add_typer(corpus_app, name="corpus")
CacheOption = Annotated[Path, typer.Option("--cache", help="Local cache of the article texts (git-ignored).")]


@corpus_app.command("check")
@friendly
def corpus_check(
    cache: CacheOption = Path(".real-corpus"),
    manifest: Annotated[Path, typer.Option("--manifest", help="The committed manifest.")] = Path(
        "tests/data/real/manifest.jsonl"
    ),
) -> None:
    """Verify the cached texts against the manifest, list what to fetch, and build the eval gold files.

    Each text the manifest lists must be at CACHE/texts/ID.txt with the manifest's sha256 (taken over
    whitespace-normalised text). What is missing is listed with the search query and rank that find it
    again. Then CACHE/eval/gold-dev.jsonl and gold-test.jsonl are written for `dyad eval events`.
    Exits 2 while some text is missing or differs from the manifest.
    """
    from dyad import corpus

    entries = corpus.read_jsonl(manifest)
    status = corpus.check_cache(entries, cache)
    for entry in status.missing:
        console.print(
            f"[yellow]fetch[/yellow] {entry['id']}: search pages for {entry['query']!r}, rank {entry['rank']}, "
            f"{entry['url']} -> {cache}/texts/{entry['id']}.txt",
            highlight=False,
        )
    for entry in status.mismatched:
        console.print(
            f"[red]differs[/red] {entry['id']}: sha256 is not the manifest's ({entry['url']})", highlight=False
        )
    gold_files = {
        name: manifest.parent / f"{name}.jsonl"
        for name in ("gold", "annotator_a", "annotator_b")
        if (manifest.parent / f"{name}.jsonl").is_file()
    }
    written = corpus.build_eval_files(entries, gold_files, cache, set(status.verified))
    console.print(
        f"{len(status.verified)} of {len(entries)} texts verified, {len(status.missing)} to fetch, "
        f"{len(status.mismatched)} differing."
    )
    for name, path in written.items():
        console.print(f"  {name}: dyad eval events {path}", highlight=False)
    if not status.complete:
        raise typer.Exit(2)


@corpus_app.command("agreement")
@friendly
def corpus_agreement(
    first: Annotated[Path, typer.Argument(help="One annotator's gold file.")] = Path(
        "tests/data/real/annotator_a.jsonl"
    ),
    second: Annotated[Path, typer.Argument(help="The other annotator's gold file.")] = Path(
        "tests/data/real/annotator_b.jsonl"
    ),
) -> None:
    """Human agreement: F1 of one annotator against the other, and field agreement on shared events.

    Needs no article text: events are compared by type and country set (coding guide section 7).
    """
    from dyad import corpus
    from dyad.evaluate import FIELDS

    a, b = corpus.read_jsonl(first), corpus.read_jsonl(second)
    for label, core_only in (("all events", False), ("core events", True)):
        found = corpus.agreement(a, b, core_only=core_only)
        fields = ", ".join(f"{name} {found.accuracy(name):.3f}" for name in FIELDS)
        console.print(
            f"{label}: {found.articles} articles, {found.first} vs {found.second} events, {found.both} shared: "
            f"F1 {found.f1:.3f}; on shared events {fields}"
        )


@corpus_app.command("import")
@friendly
def corpus_import(
    annotations: Annotated[Path, typer.Argument(help="Folder of ID.jsonl files whose evidence is quoted text.")],
    out: Annotated[Path, typer.Option("--out", help="Gold file to write, with offsets instead of text.")],
    cache: CacheOption = Path(".real-corpus"),
    manifest: Annotated[Path, typer.Option("--manifest", help="The committed manifest.")] = Path(
        "tests/data/real/manifest.jsonl"
    ),
) -> None:
    """Turn an annotator's files (quoted evidence) into a committable gold file (character offsets only).

    Quotes not found in the cached text are reported and left out; nothing from the text is written.
    """
    from dyad import corpus

    entries = {entry["id"]: entry for entry in corpus.read_jsonl(manifest)}
    rows, problems = [], []
    for path in sorted(annotations.glob("*.jsonl")):
        article_id = path.stem
        if article_id not in entries:
            problems.append(f"{path}: id not in the manifest")
            continue
        text = corpus.cached_text(cache, article_id)
        events, found = corpus.to_offsets(text, corpus.read_jsonl(path), str(path))
        problems += found
        rows.append({"id": article_id, "published": entries[article_id].get("published"), "events": events})
    corpus.write_jsonl(out, rows)
    for problem in problems:
        err_console.print(f"[yellow]warning[/yellow]: {problem}", highlight=False)
    console.print(f"{len(rows)} articles, {sum(len(r['events']) for r in rows)} events written to {out}")


@corpus_app.command("manifest")
@friendly
def corpus_manifest(
    parts: Annotated[list[Path], typer.Argument(help="JSONL rows {id, url, query, rank, outlet, ...} to add.")],
    cache: CacheOption = Path(".real-corpus"),
    manifest: Annotated[Path, typer.Option("--manifest", help="The committed manifest.")] = Path(
        "tests/data/real/manifest.jsonl"
    ),
) -> None:
    """Add fetched articles to the manifest, with the sha256 of their cached text; a url already listed is skipped."""
    from dyad import corpus

    rows = corpus.read_jsonl(manifest) if manifest.is_file() else []
    urls = {row["url"] for row in rows}
    added = 0
    for part in parts:
        for row in corpus.read_jsonl(part):
            if row["url"] in urls:
                err_console.print(f"[yellow]skipped[/yellow] {row['id']}: {row['url']} is listed already")
                continue
            path = cache / "texts" / f"{row['id']}.txt"
            if not path.is_file():
                raise InputError(str(path), "no cached text for this manifest row")
            row["sha256"] = corpus.text_sha256(path.read_text(encoding="utf-8"))
            row["split"] = corpus.split_of(row["id"])
            rows.append(row)
            urls.add(row["url"])
            added += 1
    corpus.write_jsonl(manifest, sorted(rows, key=lambda row: row["id"]))
    console.print(f"{added} articles added; the manifest lists {len(rows)}.")


@corpus_app.command("calibrate")
@friendly
def corpus_calibrate(
    gold: Annotated[list[Path], typer.Argument(help="The real-news dev gold (from `dyad corpus check`).")],
    target: Annotated[float, typer.Option("--target", help="Precision the default threshold must reach.")] = 0.85,
    out: Annotated[Path | None, typer.Option("--out", help="Where to write (default: the packaged file).")] = None,
    folds: Annotated[
        int,
        typer.Option(
            "--folds", min=0, help="Cross-validate by article with this many folds, print held-out figures (0: none)."
        ),
    ] = 5,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the shuffle that deals articles into folds.")] = 0,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the figures; write nothing.")] = False,
) -> None:
    """Fit the confidence model on dev, measure it held out by article (k-fold), and set the default
    --min-confidence. Never calibrate on the test split.
    """
    import datetime as dt

    from rich.table import Table

    from dyad.corpus import calibrate
    from dyad.evaluate import code_gold
    from dyad.events.confidence import CALIBRATION, MIN_COUNT, write_calibration
    from dyad.pipeline import default_pipeline

    if any("test" in path.name for path in gold):
        raise DyadError("calibrate on the dev split only; the test split is only scored")
    if folds == 1:
        raise typer.BadParameter("--folds must be 0 (none) or at least 2")
    pipeline = default_pipeline()

    def code(articles: list) -> dict:
        return {coded.article.ref: coded.events for coded in pipeline.code(articles)}

    gold_articles, predicted = code_gold(gold, code)
    fitted = calibrate(gold_articles, predicted, target=target, folds=folds, seed=seed)
    sweep = Table(title=f"By --min-confidence: in sample, and held out ({folds}-fold by article)")
    for name in ("threshold", "P", "R", "F1", "kept", "P cv", "R cv", "F1 cv", "kept cv"):
        sweep.add_column(name, justify="right")
    for (threshold, inside), (_, held) in zip(fitted.in_sample, fitted.held_out, strict=True):
        mark = " *" if abs(threshold - fitted.threshold) < 1e-9 else ""
        cells = [f"{c.precision:.3f} {c.recall:.3f} {c.f1:.3f} {c.tp + c.fp}".split() for c in (inside, held)]
        sweep.add_row(f"{threshold:.2f}{mark}", *cells[0], *cells[1])
    console.print(sweep)
    if folds:
        bins = Table(title="Reliability held out: mean confidence against the share of events that matched the gold")
        for name in ("bin", "events", "confidence", "matched"):
            bins.add_column(name, justify="right")
        for low, high, n, mean, observed in fitted.reliability:
            bins.add_row(f"{low:.1f}-{high:.1f}", str(n), f"{mean:.3f}", f"{observed:.3f}")
        console.print(bins)
    console.print(
        f"{fitted.events} dev events, {fitted.correct} matched; Brier in sample {fitted.brier_in_sample:.4f}, "
        f"held out {fitted.brier_held_out:.4f}; L2 {fitted.l2}"
    )
    for name, sweep_rows in (("in sample", fitted.in_sample), ("held out", fitted.held_out)):
        counts = fitted.at(sweep_rows)
        console.print(
            f"at {fitted.threshold:.2f} {name}: P {counts.precision:.3f} R {counts.recall:.3f} F1 {counts.f1:.3f}"
        )
    if dry_run:
        return
    notes = {
        "articles": len(gold_articles),
        "events_scored": fitted.events,
        "correct": fitted.correct,
        "target_precision": target,
        "l2": fitted.l2,
        "min_count": MIN_COUNT,
        "folds": folds,
        "seed": seed,
    }
    for name, rows in [("in_sample", fitted.in_sample), *([("held_out", fitted.held_out)] if folds else [])]:
        counts = fitted.at(rows)
        notes[name] = {"P": round(counts.precision, 3), "R": round(counts.recall, 3), "F1": round(counts.f1, 3)}
    notes["brier_held_out"] = round(fitted.brier_held_out, 4)
    write_calibration(out or CALIBRATION, fitted.weights, fitted.threshold, dt.date.today().isoformat(), notes)
    console.print(f"default threshold {fitted.threshold:.2f} written to {out or CALIBRATION}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of one event record (a line of `dyad extract --format jsonl`)."""
    sys.stdout.write(json.dumps(event_json_schema(), indent=2, ensure_ascii=False) + "\n")


def _print_events(events: list, format: OutputFormat, title: str) -> None:
    """One place for the three output forms of `extract` and `events`."""
    if format is OutputFormat.jsonl:
        for event in events:
            sys.stdout.write(render.jsonl_line(event) + "\n")
    elif format is OutputFormat.csv:
        sys.stdout.write(render.csv_text(events))
    else:
        console.print(render.events_table(events, title=title))


def _print_happenings(rows: list[query.HappeningRow], format: OutputFormat) -> None:
    if format is OutputFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
    elif format is OutputFormat.csv:
        sys.stdout.write(render.happenings_csv(rows))
    else:
        console.print(render.happenings_table(rows, title=f"{len(rows)} happenings"))


# Readers share the file with each other and with a `dyad run` between its batches.
READER = StoreOptions(read_only=True)


def _require_db(db: Path) -> None:
    if not db.exists():
        raise DyadError(f"no database at {db}: run `dyad run PATH --db {db}` first")


# the happening commands (export, cluster, eval clusters), the question commands (ask, promises,
# brief, eval ask) and `serve` register themselves on `app`
from dyad import cli_ask, cli_happenings, cli_web  # noqa: E402, F401

if __name__ == "__main__":  # pragma: no cover
    # `python -m dyad.cli` runs this file as __main__; the module imported by name is the
    # one the happening commands registered on
    from dyad.cli import app as registered

    registered()
