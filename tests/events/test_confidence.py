"""Confidence: every event is scored, the model learns from labels, and thresholds filter everywhere."""

import json

import pytest

from dyad.evaluate import Counts, lowest_threshold_for
from dyad.events.confidence import Calibration, features, fit, load_calibration, write_calibration
from dyad.store import Store, StoreOptions
from tests.conftest import SAMPLES
from tests.helpers import code_text
from tests.test_cli import run

TEXT = (
    "Russian Foreign Minister Sergei Lavrov met his Cuban counterpart Bruno Rodríguez in Moscow on Monday. "
    "Cuba condemned the United States embargo."
)


def test_every_coded_event_carries_a_confidence_between_0_and_1(pipeline):
    events = code_text(pipeline, TEXT)
    assert events
    assert all(event.confidence is not None and 0.0 <= event.confidence <= 1.0 for event in events)


def test_features_read_the_record(pipeline):
    meeting = next(e for e in code_text(pipeline, TEXT) if e.type == "CONSULT")
    found = features(meeting)
    assert found["has_recipient"] == 1.0 and found["bias"] == 1.0 and found["unreal"] == 0.0
    assert found["actors_named"] == 1.0 and found["one_country"] == 0.0
    assert not any(name.startswith(("type:", "rule:", "trigger:")) for name in found)  # nothing keyed to one trigger


def test_weights_change_scores_in_the_expected_direction(pipeline):
    events = code_text(pipeline, TEXT)
    trusting = Calibration({"bias": 2.0})
    doubting = Calibration({"bias": -2.0})
    assert all(trusting.score(e) > 0.8 > 0.2 > doubting.score(e) for e in events)
    placed = Calibration({"place_in_sentence": 3.0, "bias": -1.5})
    by_type = {e.type: placed.score(e) for e in events}
    assert by_type["CONSULT"] > 0.8 and by_type["ACCUSE"] < 0.2  # the talks name Moscow; the condemnation no place


def test_fit_learns_which_feature_predicts_a_correct_event():
    samples = [({"bias": 1.0, "has_recipient": 1.0}, 1)] * 40 + [({"bias": 1.0, "has_recipient": 0.0}, 0)] * 40
    samples += [({"bias": 1.0, "has_recipient": 1.0}, 0)] * 5 + [({"bias": 1.0, "has_recipient": 0.0}, 1)] * 5
    weights = fit(samples, l2=0.1)  # little shrinkage: this checks what it learns, not how it regularises
    model = Calibration(weights)
    assert weights["has_recipient"] > 1.0
    with_recipient = 1 / (1 + pow(2.718281828, -(weights["bias"] + weights["has_recipient"])))
    assert with_recipient == pytest.approx(40 / 45, abs=0.08)  # calibrated: near the observed rate
    assert model.weights == weights


def test_fit_gives_no_weight_to_a_feature_seen_in_too_few_events():
    samples = [({"bias": 1.0, "rare": float(n < 3)}, int(n < 3 or n % 2)) for n in range(60)]
    assert "rare" not in fit(samples, l2=0.1, min_count=5)
    assert fit(samples, l2=0.1, min_count=3)["rare"] > 1.0


def test_default_threshold_is_read_off_the_held_out_sweep_preferring_precision():
    from dyad.corpus import best_threshold

    sweep = [
        (0.4, Counts(tp=50, fp=12, fn=40)),  # precision below the target
        (0.5, Counts(tp=48, fp=8, fn=42)),
        (0.6, Counts(tp=47, fp=6, fn=43)),  # F1 within noise of 0.5's, more precise
        (0.7, Counts(tp=40, fp=3, fn=50)),
    ]
    assert best_threshold(sweep, 0.85) == 0.6
    assert best_threshold(sweep, 0.99) is None


def test_lowest_threshold_reaching_a_precision():
    sweep = [(0.0, Counts(tp=5, fp=5)), (0.5, Counts(tp=4, fp=1)), (0.9, Counts(tp=2, fp=0))]
    assert lowest_threshold_for(sweep, 0.8) == 0.5
    assert lowest_threshold_for(sweep, 0.99) == 0.9
    assert lowest_threshold_for([(0.0, Counts(tp=1, fp=9))], 0.85) is None


def test_calibration_file_round_trips(tmp_path):
    path = tmp_path / "confidence.yaml"
    write_calibration(path, {"bias": 0.5, "type:AID": -1.25}, 0.35, "2026-12-04", {"articles": 3})
    loaded = load_calibration(str(path))
    assert loaded.weights == {"bias": 0.5, "type:AID": -1.25} and loaded.default_threshold == 0.35


def test_store_keeps_what_reaches_the_threshold(pipeline, tmp_path):
    with Store(tmp_path / "all.duckdb", StoreOptions(min_confidence=0.0)) as store:
        store.ingest([SAMPLES])
        everything = store.events()
        scores = sorted(e.confidence for e in everything)
        middle = scores[len(scores) // 2]
        assert {e.id for e in store.events(min_confidence=middle)} == {
            e.id for e in everything if e.confidence >= middle
        }
    with Store(tmp_path / "some.duckdb", StoreOptions(min_confidence=middle)) as store:
        store.ingest([SAMPLES])
        assert {e.id for e in store.events()} == {e.id for e in everything if e.confidence >= middle}


def test_cli_min_confidence_filters_extract():
    everything = run("extract", str(SAMPLES), "--min-confidence", "0")
    assert everything.returncode == 0, everything.stderr
    records = [json.loads(line) for line in everything.stdout.splitlines()]
    top = max(r["confidence"] for r in records)
    strict = run("extract", str(SAMPLES), "--min-confidence", str(top))
    kept = [json.loads(line) for line in strict.stdout.splitlines()]
    assert kept and all(r["confidence"] >= top for r in kept)
    assert len(kept) == sum(r["confidence"] >= top for r in records)
    above = run("extract", str(SAMPLES), "--min-confidence", str(min(top + 0.001, 1.0)))
    assert above.returncode == 0 and (top == 1.0 or not above.stdout.strip())
    assert run("extract", str(SAMPLES), "--min-confidence", "1.5").returncode != 0


def test_each_event_names_the_rules_that_made_it(pipeline):
    events = code_text(pipeline, "Lavrov condemned the U.S. sanctions on Cuba. Russia and Cuba held talks in Moscow.")
    accusation = next(e for e in events if e.type == "ACCUSE")
    assert accusation.rules[0] == "trigger:verb:condemn" and "actor:subject" in accusation.rules
    talks = next(e for e in events if e.type == "CONSULT")
    assert "place:sentence" in talks.rules
    assert features(talks)["place_in_sentence"] == 1.0 and features(accusation)["place_in_sentence"] == 0.0


def test_l2_is_chosen_by_held_out_articles():
    from dyad.events.confidence import L2_GRID, choose_l2

    # a feature that is pure noise: the held-out loss rewards shrinking it, so a strong L2 wins
    samples = [({"bias": 1.0, f"noise{n % 7}": 1.0}, n % 2, f"a{n % 10}") for n in range(200)]
    chosen = choose_l2(samples)
    assert chosen in L2_GRID and chosen >= 3.0


def test_folds_deal_each_article_once_and_repeat_with_the_seed():
    from dyad.events.confidence import article_folds

    articles = [f"a{n}" for n in range(23)]
    parts = article_folds(articles, folds=5, seed=7)
    assert len(parts) == 5 and sorted(a for part in parts for a in part) == sorted(articles)
    assert all(4 <= len(part) <= 5 for part in parts)
    assert parts == article_folds(reversed(articles), folds=5, seed=7)
    assert parts != article_folds(articles, folds=5, seed=8)


def test_held_out_scores_never_fit_on_the_article_they_score():
    from dyad.events.confidence import held_out_scores

    # each article has its own feature that says whether its events are right: fitted on the same
    # articles it looks perfect, held out it has learnt nothing and falls back to the base rate
    samples = [({"bias": 1.0, f"article:{n % 20}": 1.0}, int(n % 20 < 10), f"a{n % 20}") for n in range(200)]
    seen = []

    def fitter(part):
        seen.append({group for _, _, group in part})
        return fit([(found, label) for found, label, _ in part], l2=0.1)

    held = held_out_scores(samples, fitter, folds=5, seed=0)
    assert len(seen) == 5 and all(len(groups) == 16 for groups in seen)
    assert all(sum(group not in groups for groups in seen) == 1 for _, _, group in samples)  # held out once
    inside = Calibration(fit([(found, label) for found, label, _ in samples], l2=0.1))
    in_sample = [inside.chance(found) for found, _, _ in samples]
    labels = [label for _, label, _ in samples]
    from dyad.events.confidence import brier

    assert brier(in_sample, labels) < 0.05 < 0.2 < brier(held, labels)


def test_brier_and_reliability_on_hand_counted_scores():
    from dyad.events.confidence import brier, reliability

    scores = [0.9, 0.9, 0.9, 0.9, 0.1, 0.1, 1.0]
    labels = [1, 1, 1, 0, 0, 1, 1]
    assert brier(scores, labels) == pytest.approx((3 * 0.01 + 0.81 + 0.01 + 0.81 + 0) / 7)
    rows = reliability(scores, labels, bins=10)
    assert [(low, n) for low, _, n, _, _ in rows] == [(0.1, 2), (0.9, 5)]
    assert rows[1][3] == pytest.approx(0.92) and rows[1][4] == pytest.approx(0.8)
