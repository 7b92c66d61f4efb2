"""The question set and its scorer: targets met on the samples and cluster corpus (in-sample)."""

import json

from dyad.ask.answer import Citation
from dyad.ask.evaluate import matches, read_questions, score
from tests.conftest import DATA

QUESTIONS = DATA / "ask" / "questions.jsonl"


def _citation(**fields):
    base = dict(id="h1", type="AGREE", mode=None, modality="asserted", countries=["BLR", "CUB"], actors=["BLR"],
                recipients=["CUB"], date="2025-06-24", outlets=[], refs=[], evidence="", areas=[])  # fmt: skip
    return Citation(**{**base, **fields})


def test_matching_is_on_type_countries_and_coarser_date():
    assert matches(_citation(), {"type": "AGREE", "countries": ["CUB", "BLR"], "date": "2025-06"})
    assert not matches(_citation(), {"type": "AGREE", "countries": ["CUB", "BLR"], "date": "2025-07"})
    assert not matches(_citation(), {"type": "SUPPORT", "countries": ["CUB", "BLR"]})
    assert not matches(_citation(countries=["BLR", "CUB", "RUS"]), {"countries": ["BLR", "CUB"]})
    assert matches(_citation(countries=["BLR", "CUB", "RUS"]), {"countries_include": ["RUS"]})
    assert not matches(_citation(date=None), {"date": "2025"})


def test_question_set_covers_the_issue():
    rows = read_questions(QUESTIONS)
    assert len(rows) >= 60
    assert sum(r["no_support"] for r in rows) >= 10
    categories = {r["category"] for r in rows}
    assert {"promises", "visits", "areas", "third_parties", "sanctions", "domestic", "time"} <= categories
    assert all(r["required"] for r in rows if not r["no_support"])


def test_targets_are_met(corpus_store):
    report = score(corpus_store, read_questions(QUESTIONS), min_confidence=0.6)
    assert report.complete_share >= 0.8, json.dumps(report.to_dict(), indent=1)
    assert report.irrelevant_share <= 0.1
    assert all(r.none_right for r in report.rows if r.expected_none)
