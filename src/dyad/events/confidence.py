"""How likely a coded event is to be right, so users can trade recall for precision.

A logistic model over a few things the record itself shows (its type, how its actors were
found, whether it has a recipient, its modality, whether several sentences tell it ...).
Its weights and the default threshold live in `data/confidence.yaml` (not under a language:
the model reads the record, not words), fitted on the real-news dev split by `dyad corpus
calibrate`: a confidence of 0.7 means that about 70% of dev events scored near 0.7 matched
the gold.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dyad.errors import ConfigError
from dyad.records import Article, Event

CALIBRATION = Path(str(resources.files("dyad.events") / "data" / "confidence.yaml"))
# actors found in the gazetteer or by a title are named outright; the rest are inferred
NAMED = frozenset({"gazetteer", "title", "demonym", "org"})
LONG_SENTENCE_CHARS = 250


# rules that find the recipient inside the event's own clause, rather than from the story around it
CLAUSE_RECIPIENT = frozenset(
    {"recipient:object", "recipient:inside-objects", "recipient:preposition", "recipient:place-host"}
)
UNREAL = frozenset({"future", "hypothetical", "negated"})


def features(event: Event, article: Article | None = None) -> dict[str, float]:
    """What the model reads of one event; every value is 0 or 1 except the bias.

    Only general traits of a record, each shared by many events of any type and trigger: a
    weight keyed to one trigger, rule or event type is fitted on a handful of dev events and
    does not carry to unseen news (cross-validation by article showed it). So: how the actors
    and recipient were found, whether the record says the act happened, where in the article
    and how often it is told, and whether its date, place and recipient come from its own
    sentence rather than from the story around it."""
    entities = [*event.actor, *event.recipient]
    found: dict[str, float] = {"bias": 1.0}
    found["unreal"] = float(event.modality in UNREAL)
    found["historical"] = float(event.modality == "historical")
    found["has_recipient"] = float(bool(event.recipient))
    found["one_country"] = float(len(event.countries()) == 1)
    found["actors_named"] = float(all(e.resolved_by in NAMED for e in event.actor))
    found["actor_coreferent"] = float(any(e.resolved_by == "coref" for e in event.actor))
    found["recipients_inferred"] = float(any(e.resolved_by not in NAMED for e in event.recipient))
    found["reported_speech"] = float(event.reported_by is not None)
    found["several_mentions"] = float(len(event.evidence) > 1)
    found["igo_involved"] = float(any(e.sector == "IGO" for e in entities))
    found["date_in_sentence"] = float("date:sentence" in event.rules)
    found["place_in_sentence"] = float("place:sentence" in event.rules)
    found["recipient_in_clause"] = float(any(rule in CLAUSE_RECIPIENT for rule in event.rules))
    found["nominal_trigger"] = float(
        any(rule.startswith(("trigger:noun", "trigger:adjective")) for rule in event.rules)
    )
    found["retyped"] = float(any(rule.startswith("type:") for rule in event.rules))
    found["roles_rearranged"] = float(any(rule.startswith("roles:") for rule in event.rules))
    if article is not None and article.text:
        found["in_lead"] = float(event.evidence[0].start < len(article.text) / 3)
    return found


@dataclass(frozen=True)
class Calibration:
    """Weights of the logistic model and the threshold below which events are dropped by default."""

    weights: dict[str, float] = field(default_factory=dict)
    default_threshold: float = 0.0
    fitted_on: str = ""

    def chance(self, found: dict[str, float]) -> float:
        """The model's probability for features already read (unrounded)."""
        total = sum(self.weights.get(name, 0.0) * value for name, value in found.items())
        return 1.0 / (1.0 + math.exp(-total))

    def score(self, event: Event, article: Article | None = None) -> float:
        return round(self.chance(features(event, article)), 3)

    def apply(self, events: Iterable[Event], article: Article | None = None) -> list[Event]:
        return [event.model_copy(update={"confidence": self.score(event, article)}) for event in events]


@lru_cache(maxsize=4)
def load_calibration(path: str | None = None) -> Calibration:
    source = Path(path) if path else CALIBRATION
    try:
        raw = yaml.load(source.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{source}: cannot read the confidence calibration: {error}") from None
    weights = {str(k): float(v) for k, v in (raw.get("weights") or {}).items()}
    return Calibration(weights, float(raw.get("default_threshold", 0.0)), str(raw.get("fitted_on", "")))


MIN_COUNT = 5  # events a feature must be seen in to get a weight


def fit(
    samples: Sequence[tuple[dict[str, float], int]], l2: float = 3.0, min_count: int = MIN_COUNT
) -> dict[str, float]:
    """L2-penalised logistic regression, solved by Newton's method (a few hundred events: exact and fast).

    L2 shrinks every weight but the bias toward 0, i.e. toward the dev base rate; a feature seen
    in fewer than `min_count` events gets no weight at all, since a handful of events cannot say
    how it does on unseen news."""
    import numpy as np

    seen: dict[str, int] = {}
    for found, _ in samples:
        for name, value in found.items():
            seen[name] = seen.get(name, 0) + bool(value)
    names = sorted(name for name, count in seen.items() if count >= min_count or name == "bias")
    column = {name: index for index, name in enumerate(names)}
    rows = np.zeros((len(samples), len(names)))
    for row, (found, _) in enumerate(samples):
        for name, value in found.items():
            if name in column:
                rows[row, column[name]] = value
    labels = np.array([label for _, label in samples], dtype=float)
    penalty = np.array([0.0 if name == "bias" else l2 for name in names])
    weights = np.zeros(len(names))
    for _ in range(100):
        chance = 1.0 / (1.0 + np.exp(-(rows @ weights)))
        gradient = rows.T @ (chance - labels) + penalty * weights
        hessian = (rows.T * (chance * (1 - chance))) @ rows + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return {name: round(float(weights[column[name]]), 4) for name in names if abs(weights[column[name]]) >= 1e-4}


L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)


def choose_l2(samples: Sequence[tuple[dict[str, float], int, str]], folds: int = 5) -> float:
    """The L2 strength with the lowest held-out log-loss, folding by article (the third item) so
    no article is both fitted and judged: a dev set of a few hundred events overfits easily."""
    groups = sorted({group for _, _, group in samples})
    if len(groups) < folds:
        return 1.0
    parts = [set(groups[k::folds]) for k in range(folds)]
    losses = {}
    for l2 in L2_GRID:
        loss = 0.0
        for held in parts:
            weights = fit([(found, label) for found, label, group in samples if group not in held], l2=l2)
            for found, label, group in samples:
                if group in held:
                    total = sum(weights.get(name, 0.0) * value for name, value in found.items())
                    chance = min(max(1.0 / (1.0 + math.exp(-total)), 1e-6), 1 - 1e-6)
                    loss -= math.log(chance if label else 1 - chance)
        losses[l2] = loss
    return min(losses, key=losses.__getitem__)


Sample = tuple[dict[str, float], int, str]  # an event's features, 1 when it matched the gold, its article


def article_folds(articles: Iterable[str], folds: int = 5, seed: int = 0) -> list[set[str]]:
    """Articles dealt into `folds` parts after a shuffle fixed by `seed`: events of one article share
    their text, their actors and often their errors, so they are never split between fitting and judging."""
    import random

    order = sorted(set(articles))
    random.Random(seed).shuffle(order)
    return [set(order[k::folds]) for k in range(folds)]


def held_out_scores(
    samples: Sequence[Sample],
    fitter: Callable[[Sequence[Sample]], dict[str, float]],
    folds: int = 5,
    seed: int = 0,
) -> list[float]:
    """Each sample's confidence from a model fitted without its article (k-fold by article).

    `fitter` is the whole fitting procedure (choosing its own L2 on what it is given), so the
    held-out scores judge the procedure as it will meet unseen news, not one fitted model."""
    scores = [0.0] * len(samples)
    for held in article_folds((group for _, _, group in samples), folds, seed):
        model = Calibration(fitter([sample for sample in samples if sample[2] not in held]))
        for index, (found, _, group) in enumerate(samples):
            if group in held:
                scores[index] = model.chance(found)
    return scores


def brier(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Mean squared gap between confidence and outcome (0 is perfect; always saying the base rate p
    scores p(1-p))."""
    return sum((score - label) ** 2 for score, label in zip(scores, labels, strict=True)) / max(len(labels), 1)


Bin = tuple[float, float, int, float, float]


def reliability(scores: Sequence[float], labels: Sequence[int], bins: int = 10) -> list[Bin]:
    """Per confidence bin (low, high, events, mean confidence, share that matched the gold): a calibrated
    model has the last two close in every bin. Empty bins are left out."""
    rows = []
    for k in range(bins):
        low, high = k / bins, (k + 1) / bins
        last = k == bins - 1
        inside = [(s, y) for s, y in zip(scores, labels, strict=True) if low <= s < high or (last and s == 1.0)]
        if inside:
            n = len(inside)
            rows.append((low, high, n, sum(s for s, _ in inside) / n, sum(y for _, y in inside) / n))
    return rows


def write_calibration(path: Path, weights: dict[str, float], threshold: float, fitted_on: str, notes: Any) -> None:
    header = (
        "# Confidence model of dyad's event records (dyad/events/confidence.py), written by\n"
        "# `dyad corpus calibrate`: logistic weights fitted on the real-news dev split, and the\n"
        "# default --min-confidence, chosen on held-out (k-fold by article) dev figures: of the thresholds\n"
        "# reaching the target precision, the highest with an F1 within noise of the best.\n"
        "# It reads features of the record, not words, so it sits in data/, not in a language's folder.\n"
    )
    body = {"fitted_on": fitted_on, "default_threshold": threshold, "notes": notes, "weights": weights}
    path.write_text(header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True), encoding="utf-8")
