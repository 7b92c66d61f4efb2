"""The `dyad` commands that answer questions: `ask`, `promises`, `brief` and `eval ask`
(imported by dyad.cli, which owns the app, the shared options and the error handling)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dyad.cli import DbOption, MinConfidenceOption, _require_db, _threshold, app, eval_app, friendly
from dyad.errors import ConfigError
from dyad.store import DEFAULT_DB, Store


class AnswerFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
@friendly
def ask(
    question: Annotated[str, typer.Argument(help='A question in English, e.g. "What did Lukashenko promise Cuba?"')],
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[AnswerFormat, typer.Option("--format", "-f", help="text, markdown or json.")] = AnswerFormat.text,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Answer a question from every stored happening, each line citing happenings.

    The question is read with the gazetteer and cue words (no model, no network): actors,
    event types ("promise" is AGREE, "visit" a CONSULT visit), areas, the domestic situation
    and time ("in 2025", "since the June visit"). The answer says what it understood, counts
    and dates what it found, and says "no support found" with what it looked for when
    nothing matches. Example: `dyad ask "What did Lukashenko promise Cuba?"`.
    """
    from dyad.ask import ask as answer_question
    from dyad.ask.render import as_json, as_text

    _require_db(db)
    with Store(db) as store:
        answer = answer_question(store, question, min_confidence=_threshold(min_confidence))
    if format is AnswerFormat.json:
        sys.stdout.write(as_json(answer))
    else:
        sys.stdout.write(as_text(answer, markdown=format is AnswerFormat.markdown))


@app.command()
@friendly
def promises(
    db: DbOption = Path(DEFAULT_DB),
    actor: Annotated[str | None, typer.Option(help="ISO3 country (or IGO code) that promised, e.g. BLR.")] = None,
    recipient: Annotated[str | None, typer.Option(help="ISO3 country promised to (or with), e.g. CUB.")] = None,
    format: Annotated[AnswerFormat, typer.Option("--format", "-f", help="text, markdown or json.")] = AnswerFormat.text,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Follow each promise (AGREE, or a cooperative act told as future) through later happenings.

    A promise is kept by later aid or joint projects between the same parties about the same
    matter (or a visit or signing it promised), contradicted by a negated or rejected one or
    by "has yet to"; otherwise pending, or unknown when it has no date.
    Example: `dyad promises --actor BLR --recipient CUB`.
    """
    import json

    from dyad.ask.render import promise_lines
    from dyad.promises import promises as follow

    _require_db(db)
    with Store(db) as store:
        found = follow(store, actor=actor, recipient=recipient, min_confidence=_threshold(min_confidence))
    if format is AnswerFormat.json:
        sys.stdout.write(json.dumps([p.to_dict() for p in found], ensure_ascii=False, indent=2) + "\n")
        return
    if not found:
        sys.stdout.write(f"No promises found (actor {actor or 'any'}, recipient {recipient or 'any'}).\n")
        return
    counts = {s: sum(p.status == s for p in found) for s in ("kept", "pending", "contradicted", "unknown")}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    lines = [f"{len(found)} promises: {summary}", *promise_lines(found, markdown=format is AnswerFormat.markdown)]
    sys.stdout.write("\n".join(lines) + "\n")


class BriefFormat(StrEnum):
    markdown = "markdown"
    html = "html"


@app.command()
@friendly
def brief(
    first: Annotated[str, typer.Argument(help="ISO3 code of one side, e.g. CUB.")],
    second: Annotated[str, typer.Argument(help="ISO3 code of the other side, e.g. BLR.")],
    db: DbOption = Path(DEFAULT_DB),
    since: Annotated[str | None, typer.Option(help="Earliest happening date, YYYY[-MM[-DD]].")] = None,
    format: Annotated[BriefFormat, typer.Option("--format", "-f", help="markdown or html.")] = BriefFormat.markdown,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """A briefing on one relation from every stored article, each line citing happenings.

    What happened; what was promised and what came of it; who else is involved; the domestic
    situation in each country; how the relation moved (Goldstein scores by month).
    Example: `dyad brief CUB BLR --since 2025-01`.
    """
    from dyad.brief import brief as make_brief

    _require_db(db)
    with Store(db) as store:
        result = make_brief(store, first, second, since=since, min_confidence=_threshold(min_confidence))
    sys.stdout.write(result.html() if format is BriefFormat.html else result.markdown())


@eval_app.command("ask")
@friendly
def eval_ask(
    questions: Annotated[Path, typer.Argument(help="Question set, JSONL (tests/data/ask/questions.jsonl).")],
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Database to ask. Default: a temporary one of samples/ and the cluster corpus."),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Per question: recall of the required happenings cited, citations that are relevant, and
    whether "no support found" was right. Example: `dyad eval ask tests/data/ask/questions.jsonl`."""
    import json
    import tempfile

    from dyad.ask.evaluate import read_questions, score

    items = read_questions(questions)
    threshold = _threshold(min_confidence)
    if db is not None:
        _require_db(db)
        with Store(db) as store:
            report = score(store, items, min_confidence=threshold)
    else:
        root = Path(__file__).resolve().parents[2]
        sources = [root / "samples", root / "tests" / "data" / "clusters" / "articles.jsonl"]
        missing = [str(p) for p in sources if not p.exists()]
        if missing:
            raise ConfigError(f"no --db given and {', '.join(missing)} not found: run from a dyad checkout")
        with tempfile.TemporaryDirectory(prefix="dyad-eval-ask-") as folder:
            report = _score_fresh(Path(folder) / "ask.duckdb", sources, items, threshold)
    if json_output:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
        return
    for row in report.rows:
        verdict = "ok" if row.complete else "MISS"
        sys.stdout.write(f"{row.id} {verdict:4} recall {row.recall:.2f} cited {row.cited} relevant {row.relevant}"
                         f" none {'right' if row.none_right else 'wrong'}  {row.question}\n")  # fmt: skip
    sys.stdout.write(
        f"{len(report.rows)} questions: {report.complete_share:.1%} of answerable ones cite every required happening "
        f"(target 80%); {report.irrelevant_share:.1%} of citations irrelevant (target at most 10%); "
        f"no-support right on {report.none_accuracy:.1%}\n"
    )


def _score_fresh(path: Path, sources: list[Path], items: list[dict], threshold: float):
    """Score against a new store of `sources` (what `dyad run` would make of them)."""
    from dyad.ask.evaluate import score

    with Store(path) as store:
        for source in sources:
            store.ingest([source])
        return score(store, items, min_confidence=threshold)
