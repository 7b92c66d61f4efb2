"""Scoring happenings against a cluster gold set (`dyad eval clusters`).

The gold lists, for each happening, its type, its countries and the articles that report
it. A predicted event is labelled with the gold happening its article reports with the
same type and country set; events with no such happening are extraction errors, scored
by `dyad eval events`, and are left out here, so these figures measure the clustering
alone. Over the labelled events:

- pairwise: precision is the share of event pairs put in one happening that the gold
  also puts together; recall the share of gold pairs that were put together;
- B-cubed: per event, the share of its predicted cluster that shares its gold label
  (precision) and the share of its gold happening found in its cluster (recall),
  averaged over events.

Pairs within one article count too: a headline and a body sentence that report one
signing must also end up in one happening.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from dyad.errors import ConfigError
from dyad.happenings import Happening, Mention


@dataclass(frozen=True)
class GoldHappening:
    key: str
    type: str
    countries: frozenset[str]
    articles: frozenset[str]
    date: str | None = None


@dataclass(frozen=True)
class ClusterScores:
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    labelled_events: int
    unlabelled_events: int
    gold_happenings: int
    predicted_happenings: int

    def to_dict(self) -> dict[str, float | int]:
        return dict(self.__dict__)


def read_gold(path: Path) -> list[GoldHappening]:
    """Gold lines: {happening, type, countries, reports: [{article, modality}]}."""
    gold = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            gold.append(
                GoldHappening(
                    key=row["happening"],
                    type=row["type"],
                    countries=frozenset(row["countries"]),
                    articles=frozenset(report["article"] for report in row["reports"]),
                    date=row.get("date"),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise ConfigError(f"{path}:{number}: not a cluster gold line: {error}") from None
    return gold


def _closest(candidates: list[GoldHappening], date: str | None) -> GoldHappening:
    """One article may report two happenings of one type and dyad (this visit and the last
    one): the one whose date agrees with the event's, else the first listed."""
    for happening in candidates:
        if date and happening.date and (date.startswith(happening.date) or happening.date.startswith(date)):
            return happening
    return candidates[0]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(happenings: Iterable[Happening], gold: list[GoldHappening], article_keys: dict[str, str]) -> ClusterScores:
    """`article_keys` maps dyad's article ids to the gold's article names."""
    index: dict[tuple[str, str, frozenset[str]], list[GoldHappening]] = {}
    for happening in gold:
        for article in happening.articles:
            index.setdefault((article, happening.type, happening.countries), []).append(happening)
    predicted: dict[str, str] = {}  # event id -> predicted happening
    label: dict[str, str] = {}  # event id -> gold happening
    unlabelled = 0
    clusters = list(happenings)
    for cluster in clusters:
        for member in cluster.members:
            key = (article_keys.get(member.article_id, member.article_id), member.type, frozenset(member.countries))
            if key in index:
                predicted[member.event_id] = cluster.id
                label[member.event_id] = _closest(index[key], member.date).key
            else:
                unlabelled += 1
    events = sorted(label)
    together_predicted = together_gold = together_both = 0
    for first, second in combinations(events, 2):
        same_predicted = predicted[first] == predicted[second]
        same_gold = label[first] == label[second]
        together_predicted += same_predicted
        together_gold += same_gold
        together_both += same_predicted and same_gold
    precision = together_both / together_predicted if together_predicted else 1.0
    recall = together_both / together_gold if together_gold else 1.0
    by_cluster = Counter(predicted.values())
    by_label = Counter(label.values())
    by_both = Counter((predicted[e], label[e]) for e in events)
    b_precision = sum(by_both[(predicted[e], label[e])] / by_cluster[predicted[e]] for e in events)
    b_recall = sum(by_both[(predicted[e], label[e])] / by_label[label[e]] for e in events)
    count = len(events) or 1
    return ClusterScores(
        pairwise_precision=round(precision, 3),
        pairwise_recall=round(recall, 3),
        pairwise_f1=round(_f1(precision, recall), 3),
        bcubed_precision=round(b_precision / count, 3),
        bcubed_recall=round(b_recall / count, 3),
        bcubed_f1=round(_f1(b_precision / count, b_recall / count), 3),
        labelled_events=len(events),
        unlabelled_events=unlabelled,
        gold_happenings=len(gold),
        predicted_happenings=len({predicted[e] for e in events}),
    )


def score_corpus(folder: Path, db_path: Path) -> tuple[ClusterScores, dict[str, float]]:
    """Run a cluster gold folder's articles into a new database, as `dyad run` would, and
    score its happenings (pairwise, B-cubed) and its duplicate pairs against the gold."""
    from dataclasses import replace

    from dyad import query
    from dyad.records import article_id_for
    from dyad.store import Store

    rows = [json.loads(line) for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line]
    names = {article_id_for(row["text"]): row["id"] for row in rows}
    gold_copies: dict[str, str] = json.loads((folder / "duplicates.json").read_text(encoding="utf-8"))
    # a copy's report is told by its canonical article, whose events stand for both
    gold = [replace(h, articles=h.articles - set(gold_copies)) for h in read_gold(folder / "gold.jsonl")]
    with Store(db_path) as store:
        store.ingest([folder / "articles.jsonl"])
        found_copies = {
            names[a]: names[b]
            for a, b in store.query("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL")
        }
        clusters = [
            Happening(id=row.id, type=row.type, countries=tuple(row.countries), members=_members(store, row.id))
            for row in query.happenings(store)
        ]
    true = len(set(found_copies.items()) & set(gold_copies.items()))
    precision = true / len(found_copies) if found_copies else 1.0
    recall = true / len(gold_copies) if gold_copies else 1.0
    duplicates = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(_f1(precision, recall), 3)}
    return score(clusters, gold, names), duplicates


def _members(store: object, happening_id: str) -> list[Mention]:
    from dyad import query

    return [Mention.of(event) for event in query.happening_members(store, happening_id)]  # type: ignore[arg-type]
