"""The issue's acceptance checks, through the real `dyad` command over the seeds and samples."""

import json
import subprocess
import sys

import pytest

from tests.ask.conftest import build_store
from tests.conftest import MESSAGE_SEED, REPO, ROADMAP_SEED

AREAS = ("energy", "transport", "industry", "biotechnology", "health", "food security")


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory, pipeline):
    """A closed database file of the seeds and samples, for the `dyad` command to open."""
    if not ROADMAP_SEED.exists() or not MESSAGE_SEED.exists():
        pytest.skip("../shared/seeds/ is not present on this machine")
    path = tmp_path_factory.mktemp("acceptance") / "seeded.duckdb"
    build_store(path, pipeline, seeds=True).close()
    return str(path)


def dyad(*args):
    result = subprocess.run([sys.executable, "-m", "dyad.cli", *args], capture_output=True, text=True, cwd=REPO,
                            timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_lukashenko_promise_lists_the_areas_with_dates_and_sources(seeded_db):
    data = json.loads(dyad("ask", "What did Lukashenko promise Cuba?", "--db", seeded_db, "--format", "json"))
    headline = " ".join(g["headline"] for s in data["sections"] for g in s["groups"])
    assert all(area in headline for area in AREAS), headline
    message = [c for c in data["citations"] if c["date"] == "2025-07-26"]
    assert message and all(c["refs"] for c in data["citations"])


@pytest.mark.parametrize(
    "question",
    [
        "What areas of cooperation have Cuba and Belarus identified?",
        "How does Cuba's internal situation affect cooperation with Belarus?",
        "What symbolism does the relationship between Cuba and Belarus have?",
        "What is the main objective of the roadmap signed between Cuba and Belarus?",
        "How does this agreement affect the Cuban population?",
        "What is Russia's role in the agreement between Cuba and Belarus?",
        "Why does the Cuban government prioritize relations with Belarus?",
    ],
)
def test_the_seeds_other_faq_questions_get_cited_answers(seeded_store, question):
    from dyad.ask import ask

    answer = ask(seeded_store, question, min_confidence=0.6)
    assert not answer.no_support and all((c.id and c.date is not None) or c.refs for c in answer.citations)


def test_promises_belarus_to_cuba_each_have_a_status_with_evidence(seeded_db):
    rows = json.loads(dyad("promises", "--actor", "BLR", "--recipient", "CUB", "--db", seeded_db, "-f", "json"))
    assert rows and all(r["status"] in ("kept", "pending", "contradicted", "unknown") for r in rows)
    assert all(r["kept_by"] or r["contradicted_by"] for r in rows if r["status"] in ("kept", "contradicted"))
    text = dyad("promises", "--actor", "BLR", "--recipient", "CUB", "--db", seeded_db)
    assert "KEPT" in text and "kept by:" in text
