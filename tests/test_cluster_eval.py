"""Cluster scoring on hand-made happenings: perfect, split and merged clusterings."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.cluster_eval import GoldHappening, read_gold, score
from dyad.errors import ConfigError
from dyad.happenings import Happening, Mention
from tests.test_happenings import _event

GOLD = [
    GoldHappening("H1", "CONSULT", frozenset({"BLR", "CUB"}), frozenset({"a1", "a2", "a3"}), "2025-06-24"),
    GoldHappening("H2", "CONSULT", frozenset({"BLR", "CUB"}), frozenset({"a4"}), "2025-09-10"),
]


def _member(article: str, key: str, date: str = "2025-06-24") -> Mention:
    return Mention.of(_event(key, date=date).model_copy(update={"article_id": article}))


VISIT = [_member("a1", "e1"), _member("a2", "e2"), _member("a3", "e3")]
LATER = [_member("a4", "e4", "2025-09-10")]
NOISE = [_member("a9", "e9")]  # an article the gold does not know: not scored here


def _happening(name: str, members: list[Mention]) -> Happening:
    return Happening(id=name, type="CONSULT", countries=("BLR", "CUB"), members=members)


def test_a_perfect_clustering_scores_one():
    scores = score([_happening("p1", VISIT), _happening("p2", LATER + NOISE)], GOLD, {})
    assert (scores.pairwise_precision, scores.pairwise_recall, scores.bcubed_f1) == (1.0, 1.0, 1.0)
    assert scores.labelled_events == 4 and scores.unlabelled_events == 1


def test_splitting_a_happening_costs_recall_only():
    scores = score([_happening("p1", VISIT[:1]), _happening("p2", VISIT[1:]), _happening("p3", LATER)], GOLD, {})
    assert scores.pairwise_precision == 1.0
    assert scores.pairwise_recall == pytest.approx(1 / 3, abs=0.001)
    assert scores.bcubed_recall < 1.0 and scores.bcubed_precision == 1.0


def test_merging_two_happenings_costs_precision_only():
    scores = score([_happening("p1", VISIT + LATER)], GOLD, {})
    assert scores.pairwise_recall == 1.0
    assert scores.pairwise_precision == 0.5
    assert scores.bcubed_precision < 1.0


def test_gold_lines_are_read_and_bad_ones_named(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        '{"happening": "H1", "type": "CONSULT", "countries": ["BLR", "CUB"], "date": "2025-06-24", '
        '"reports": [{"article": "a1", "modality": "asserted"}]}\n{"happening": "H2"}\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"gold\.jsonl:2"):
        read_gold(path)
    path.write_text(path.read_text().splitlines()[0] + "\n", encoding="utf-8")
    assert read_gold(path)[0].articles == frozenset({"a1"})
