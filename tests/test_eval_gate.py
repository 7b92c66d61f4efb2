"""Quality gates: scores on the gold set in the repo may not drop below the recorded floors."""

import json

import pytest

from dyad.evaluate import evaluate_events, load_gold, score
from dyad.records import Entity, Event, Evidence
from tests.conftest import DATA, SHARED

GOLD_FILES = [DATA / "gold" / "events.jsonl", DATA / "gold" / "samples.jsonl"]
FLOORS = json.loads((DATA / "gold" / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(pipeline):
    def code(articles):
        return {coded.article.ref: coded.events for coded in pipeline.code(articles)}

    return evaluate_events(GOLD_FILES, code)


def test_event_f1_and_precision_hold_their_floors(report):
    floors = FLOORS["events"]
    assert report.overall.f1 >= floors["f1"]
    assert report.overall.precision >= floors["precision"]
    assert report.overall.recall >= floors["recall"]


def test_modality_date_and_location_hold_their_floors(report):
    for name, floor in FLOORS["events_fields"].items():
        assert report.accuracy(name) >= floor, name


@pytest.mark.parametrize(("name", "floors"), [("test.jsonl", "events_heldout"), ("test2.jsonl", "events_heldout2")])
def test_held_out_event_scores_hold_their_floors(pipeline, name, floors):
    """The held-out test halves were written without looking at the coder and are never read
    while writing rules: their scores are how the rules generalise."""

    def code(articles):
        return {coded.article.ref: coded.events for coded in pipeline.code(articles)}

    report = evaluate_events([DATA / "gold" / "heldout" / name], code)
    assert report.overall.f1 >= FLOORS[floors]["f1"]
    assert report.overall.precision >= FLOORS[floors]["precision"]
    assert report.overall.recall >= FLOORS[floors]["recall"]


def test_gold_set_is_large_and_evidence_is_verbatim():
    gold = [item for path in GOLD_FILES for item in load_gold(path)]
    assert len(gold) >= 26
    assert sum(len(item.events) for item in gold) >= 150
    for item in gold:
        for event in item.events:
            assert event["evidence"] in item.article.text, (item.article.ref, event["evidence"])


def test_scoring_follows_the_guide_keys():
    gold = load_gold(DATA / "gold" / "samples.jsonl")[:1]
    ref = gold[0].article.ref
    first = gold[0].events[0]

    def as_event(record, **changes):
        data = {**record, **changes}
        return Event(
            id="x", article_id="a", article_ref=ref, type=data["type"], cameo="00",
            actor=[Entity(**e) for e in data["actor"]], recipient=[Entity(**e) for e in data["recipient"]],
            evidence=[Evidence(text=data["evidence"], start=0, end=1)], modality=data["modality"],
        )  # fmt: skip

    exact = score(gold, {ref: [as_event(first)]})
    assert (exact.overall.tp, exact.overall.fp) == (1, 0)
    wrong_type = "ACCUSE" if first["type"] != "ACCUSE" else "PRAISE"
    missed = score(gold, {ref: [as_event(first, type=wrong_type)]}) if wrong_type != "PRAISE" else exact
    assert missed.overall.fp == 1 and missed.overall.tp == 0


def test_seed_gold_scores_when_present(pipeline):
    seeds_gold = SHARED / "seeds-gold.jsonl"
    if not seeds_gold.exists():
        pytest.skip("../shared/seeds-gold.jsonl is not present")
    report = evaluate_events([seeds_gold], lambda arts: {c.article.ref: c.events for c in pipeline.code(arts)})
    floors = FLOORS["events_seeds"]
    assert report.overall.f1 >= floors["f1"]
    assert report.overall.precision >= floors["precision"]
    assert report.overall.recall >= floors["recall"]


def test_misses_are_put_down_to_a_cause():
    """A sentence coded as nothing, as another type, or with a side missing: each miss gets one cause."""
    from dyad.evaluate import GoldArticle, miss_causes
    from dyad.ingest.text import article_from_text

    text = "Cuba thanked Russia for the fuel. Russia and Cuba held talks. Cuba condemned the blockade."
    article = article_from_text(text, ref="a", published="2025-07-27")

    def gold_event(type_, countries, evidence):
        actor = [{"country": c} for c in countries]
        return {"type": type_, "actor": actor, "recipient": [], "evidence": evidence}

    gold = [
        GoldArticle(
            article,
            [
                gold_event("SUPPORT", ["CUB", "RUS"], "Cuba thanked Russia for the fuel."),
                gold_event("CONSULT", ["CUB", "RUS"], "Russia and Cuba held talks."),
                gold_event("ACCUSE", ["CUB", "USA"], "Cuba condemned the blockade."),
            ],
        )
    ]

    def event(type_, countries, start, end):
        actor = [Entity(text=c, country=c) for c in countries]
        evidence = [Evidence(text=text[start:end], start=start, end=end)]
        return Event(id=type_, article_id="x", article_ref="a", type=type_, actor=actor, evidence=evidence, cameo="0")

    predicted = {"a": [event("AGREE", ["CUB", "RUS"], 34, 61), event("ACCUSE", ["CUB"], 62, 90)]}
    causes = miss_causes(gold, predicted)
    assert causes["no trigger"] == 1 and causes["other type"] == 1 and causes["actor or recipient unresolved"] == 1
    talks = event("CONSULT", ["CUB", "RUS"], 34, 61)
    causes = miss_causes(gold, {"a": [*predicted["a"], talks]}, kept=predicted)
    assert causes["below the threshold"] == 1 and causes["other type"] == 0
