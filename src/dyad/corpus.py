"""The real-news evaluation corpus: a committed manifest and offset-only gold, texts kept in a local cache.

Real articles are third-party text, so the repository never holds them. It keeps, per
article, how to find the text again (url, search query and rank) and its sha256, and gold
events whose evidence is character offsets. The texts live in a git-ignored cache
(`.real-corpus/texts/{id}.txt`); this module checks that cache against the manifest,
says what is still to be fetched, and writes the gold files `dyad eval events` reads.

Offsets and hashes are taken over `normalise_cached_text(text)`, so a text fetched again
with different whitespace still verifies.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.errors import InputError

REPO = Path(__file__).resolve().parents[2]
MANIFEST = REPO / "tests" / "data" / "real" / "manifest.jsonl"
GOLD = REPO / "tests" / "data" / "real" / "gold.jsonl"
DEFAULT_CACHE = REPO / ".real-corpus"
DEV_SHARE = 60  # percent of articles in dev, by a fixed hash of the id
SPLITS = ("dev", "test")


def normalise_cached_text(text: str) -> str:
    """NFC, each line stripped with inner space runs collapsed, at most one blank line in a row."""
    lines = [" ".join(line.split()) for line in unicodedata.normalize("NFC", text).splitlines()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip() + "\n"


def text_sha256(text: str) -> str:
    return hashlib.sha256(normalise_cached_text(text).encode("utf-8")).hexdigest()


def split_of(article_id: str) -> str:
    """dev or test, fixed forever by a hash of the id (never by content or order)."""
    bucket = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "dev" if bucket < DEV_SHARE else "test"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InputError(str(path), "file not found")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise InputError(f"{path}:{number}", f"invalid JSON: {error.msg}") from None
    return rows


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


@dataclass
class CacheStatus:
    """What the local cache holds against the manifest."""

    verified: list[str] = field(default_factory=list)
    missing: list[dict[str, Any]] = field(default_factory=list)
    mismatched: list[dict[str, Any]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing and not self.mismatched


def check_cache(manifest: list[dict[str, Any]], cache: Path) -> CacheStatus:
    """Verify each manifest entry's cached text by its sha256."""
    status = CacheStatus()
    for entry in manifest:
        path = cache / "texts" / f"{entry['id']}.txt"
        if not path.is_file():
            status.missing.append(entry)
        elif text_sha256(path.read_text(encoding="utf-8")) != entry["sha256"]:
            status.mismatched.append(entry)
        else:
            status.verified.append(entry["id"])
    return status


def cached_text(cache: Path, article_id: str) -> str:
    return normalise_cached_text((cache / "texts" / f"{article_id}.txt").read_text(encoding="utf-8"))


def _span_text(text: str, spans: list[list[int]]) -> str:
    return " … ".join(text[start:end] for start, end in spans)


def eval_record(entry: dict[str, Any], gold: dict[str, Any], text: str, path: str) -> dict[str, Any]:
    """A `dyad eval events` gold line: offsets turned back into the text they point at."""
    events = []
    for event in gold.get("events", []):
        restored = dict(event)
        restored["evidence"] = _span_text(text, event["evidence"])
        for side in ("actor", "recipient"):
            restored[side] = [
                {**entity, "text": _span_text(text, [entity["span"]]) if entity.get("span") else entity.get("name")}
                for entity in event.get(side, [])
            ]
        events.append(restored)
    return {"id": entry["id"], "path": path, "published": entry.get("published"), "events": events}


def build_eval_files(
    manifest: list[dict[str, Any]], gold_files: dict[str, Path], cache: Path, verified: set[str]
) -> dict[str, Path]:
    """Write `{cache}/eval/{name}-{split}.jsonl` for each gold file and split, over verified texts only."""
    written: dict[str, Path] = {}
    by_id = {entry["id"]: entry for entry in manifest}
    texts = {article_id: cached_text(cache, article_id) for article_id in verified}  # read once, used by every file
    for name, gold_path in gold_files.items():
        gold = {row["id"]: row for row in read_jsonl(gold_path)}
        for split in SPLITS:
            rows = []
            for article_id, entry in by_id.items():
                if article_id in texts and article_id in gold and split_of(article_id) == split:
                    path = f"../texts/{article_id}.norm.txt"
                    rows.append(eval_record(entry, gold[article_id], texts[article_id], path))
            out = cache / "eval" / f"{name}-{split}.jsonl"
            write_jsonl(out, rows)
            written[f"{name}-{split}"] = out
    for article_id, text in texts.items():  # the exact text the offsets point into
        (cache / "texts" / f"{article_id}.norm.txt").write_text(text, encoding="utf-8")
    return written


# --- turning an annotator's quoted evidence into offsets -------------------------------------------------


_EQUIVALENT = {ch: group for group in ("'’‘`", '"“”«»', "-–—") for ch in group}


def _loose_pattern(quote: str) -> re.Pattern[str]:
    """Match a quote whatever its whitespace, quote-mark and dash style."""

    def char(ch: str) -> str:
        return f"[{re.escape(_EQUIVALENT[ch])}]" if ch in _EQUIVALENT else re.escape(ch)

    words = normalise_cached_text(quote).split()
    return re.compile(r"\s+".join("".join(char(ch) for ch in word) for word in words))


def locate(text: str, quote: str, after: int = 0) -> tuple[int, int] | None:
    """Character offsets of a quote in the text, preferring the first match after `after`."""
    if not quote or not quote.strip():
        return None
    pattern = _loose_pattern(quote)
    match = pattern.search(text, after) or pattern.search(text)
    return (match.start(), match.end()) if match else None


ENTITY_FIELDS = ("name", "country", "sector")
PLACE_NAME_WORDS = 4  # "Havana", "the Gaza Strip"; a longer phrase is the article's words, not a name


def _place_name(name: str | None) -> str | None:
    """A place's name, kept only when it is a name: descriptions are third-party text."""
    return name if name and len(name.split()) <= PLACE_NAME_WORDS else None


EVENT_FIELDS = ("type", "mode", "context", "modality", "date", "date_precision", "core")


def to_offsets(text: str, events: list[dict[str, Any]], source: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Annotator events with quotes -> committed events with offsets; problems are listed, not hidden."""
    converted, problems = [], []
    for number, event in enumerate(events, start=1):
        evidence = locate(text, event.get("evidence") or "")
        if evidence is None:
            problems.append(f"{source} event {number}: evidence not found in the text")
            continue
        record: dict[str, Any] = {name: event.get(name) for name in EVENT_FIELDS}
        record["core"] = bool(event.get("core", True))
        record["context"] = list(event.get("context") or [])
        record["modality"] = event.get("modality") or "asserted"
        for side in ("actor", "recipient"):
            record[side] = []
            for entity in event.get(side) or []:
                kept = {name: entity.get(name) for name in ENTITY_FIELDS}
                span = locate(text, entity.get("text") or "", after=max(evidence[0] - 400, 0))
                if span:
                    kept["span"] = list(span)
                record[side].append(kept)
        location = event.get("location")
        record["location"] = (
            {"name": _place_name(location.get("name")), "country": location.get("country")} if location else None
        )
        record["evidence"] = [list(evidence)]
        if not record["actor"]:
            problems.append(f"{source} event {number}: no actor")
            continue
        converted.append(record)
    return converted, problems


# --- human agreement ---------------------------------------------------------------------------------------


@dataclass
class Agreement:
    """How far two annotators agree: F1 of one against the other over (type, country set) keys."""

    articles: int = 0
    first: int = 0
    second: int = 0
    both: int = 0
    field_hits: dict[str, int] = field(default_factory=dict)

    @property
    def f1(self) -> float:
        return 2 * self.both / (self.first + self.second) if self.first + self.second else 0.0

    def accuracy(self, name: str) -> float:
        return self.field_hits.get(name, 0) / self.both if self.both else 0.0


def agreement(first: list[dict[str, Any]], second: list[dict[str, Any]], core_only: bool = False) -> Agreement:
    """Compare two annotation files article by article (articles both coded), keys as in the guide's section 7."""
    from dyad.evaluate import FIELDS, event_key, field_checks

    result = Agreement(field_hits=dict.fromkeys(FIELDS, 0))
    other = {row["id"]: row for row in second}
    for row in first:
        if row["id"] not in other:
            continue
        result.articles += 1
        keyed = []
        for events in (row.get("events", []), other[row["id"]].get("events", [])):
            kept = [event for event in events if event.get("core", True) or not core_only]
            keys: dict[Any, dict[str, Any]] = {}
            for event in kept:
                keys.setdefault(event_key(event), event)
            keyed.append(keys)
        result.first += len(keyed[0])
        result.second += len(keyed[1])
        for key in keyed[0].keys() & keyed[1].keys():
            result.both += 1
            for name, hit in field_checks(keyed[0][key], keyed[1][key]).items():
                result.field_hits[name] += hit
    return result


def gold_articles(split: str, cache: Path = DEFAULT_CACHE, manifest: Path = MANIFEST, gold: Path = GOLD) -> list[Any]:
    """The split's gold articles from the cache, in memory, for tests and scripts; only verified texts."""
    from dyad.evaluate import GoldArticle
    from dyad.ingest.text import article_from_text

    entries = read_jsonl(manifest)
    verified = set(check_cache(entries, cache).verified)
    by_id = {row["id"]: row for row in read_jsonl(gold)}
    found = []
    for entry in entries:
        if entry["id"] in verified and entry["id"] in by_id and split_of(entry["id"]) == split:
            text = cached_text(cache, entry["id"])
            record = eval_record(entry, by_id[entry["id"]], text, "")
            article = article_from_text(text, ref=entry["id"], published=entry.get("published"))
            found.append(GoldArticle(article, record["events"]))
    return found


@dataclass
class Calibrated:
    """What `dyad corpus calibrate` fitted and how it did, in sample and held out by article."""

    weights: dict[str, float]
    l2: float
    threshold: float
    events: int
    correct: int
    folds: int
    in_sample: list[Any]  # (threshold, Counts) with the model fitted on every dev article
    held_out: list[Any]  # the same, each article scored by a model fitted without it (pooled over folds)
    brier_in_sample: float
    brier_held_out: float
    reliability: list[tuple[float, float, int, float, float]]  # held out, by bin

    def at(self, sweep: list[Any], threshold: float | None = None) -> Any:
        """The counts of a sweep at a threshold (default: the chosen one)."""
        wanted = self.threshold if threshold is None else threshold
        return min(sweep, key=lambda row: abs(row[0] - wanted))[1]


def calibrate(gold: list[Any], predicted: dict[str, list[Any]], target: float = 0.85, folds: int = 5, seed: int = 0):
    """Fit the confidence model on dev articles and measure it honestly.

    The held-out figures pool k folds by article: each article's events are scored by a model
    fitted, L2 choice included, on the other articles only, then all are scored against the gold
    together. Those are the figures to expect on unseen news like dev; the in-sample ones are not.
    """
    from dyad.evaluate import confidence_samples, threshold_sweep
    from dyad.events.confidence import Calibration, brier, choose_l2, features, fit, held_out_scores, reliability

    articles = {item.article.ref: item.article for item in gold}
    samples = confidence_samples(gold, predicted)
    described = [(features(event, articles[event.article_ref]), label, event.article_ref) for event, label in samples]
    labels = [label for _, label, _ in described]

    def fitter(part):
        return fit([(found, label) for found, label, _ in part], l2=choose_l2(part))

    l2 = choose_l2(described)
    weights = fit([(found, label) for found, label, _ in described], l2=l2)
    model = Calibration(weights)
    in_scores = [model.chance(found) for found, _, _ in described]
    held_scores = held_out_scores(described, fitter, folds, seed) if folds > 1 else in_scores
    in_sample = threshold_sweep(gold, _rescored(predicted, samples, in_scores))
    held_out = threshold_sweep(gold, _rescored(predicted, samples, held_scores))
    threshold = best_threshold(held_out if folds > 1 else in_sample, target)
    return Calibrated(
        weights=weights,
        l2=l2,
        threshold=0.95 if threshold is None else threshold,
        events=len(samples),
        correct=sum(labels),
        folds=folds,
        in_sample=in_sample,
        held_out=held_out,
        brier_in_sample=brier(in_scores, labels),
        brier_held_out=brier(held_scores, labels),
        reliability=reliability(held_scores, labels),
    )


F1_NOISE = 0.005  # on 68 dev articles an F1 gap this small is about one event: noise, not a better threshold


def best_threshold(sweep: list[Any], target: float) -> float | None:
    """Of the thresholds whose precision reaches the target, the highest whose F1 is within noise of the
    best: precision is preferred where recall costs next to nothing. Read off the held-out sweep, it is
    chosen on figures unseen news can be expected to give, not on the fitted articles' own."""
    reaching = [(threshold, c.f1) for threshold, c in sweep if c.tp + c.fp and c.precision >= target]
    if not reaching:
        return None
    best = max(f1 for _, f1 in reaching)
    return max(threshold for threshold, f1 in reaching if f1 >= best - F1_NOISE)


def _rescored(predicted: dict[str, list[Any]], samples: list[Any], scores: list[float]) -> dict[str, list[Any]]:
    """`predicted` with each event's confidence replaced by its score (samples list events in order)."""
    by_event = {id(event): round(score, 3) for (event, _), score in zip(samples, scores, strict=True)}
    return {
        ref: [event.model_copy(update={"confidence": by_event.get(id(event), 0.0)}) for event in events]
        for ref, events in predicted.items()
    }
