"""The DuckDB store: idempotent ingest, failures as rows, filters."""

import shutil

import pytest

from dyad.store import Store
from tests.conftest import SAMPLES

GOOD = (
    "Belarus and Cuba sign trade protocol\nPublished: 2025-03-04\n\n"
    "Belarus and Cuba signed a trade protocol in Havana on Monday. "
    "The European Union imposed sanctions on Belarus on Tuesday."
)


@pytest.fixture()
def store(tmp_path, pipeline):
    with Store(tmp_path / "test.duckdb") as opened:
        yield opened


def test_second_run_adds_nothing(store, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "copy.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    first = store.ingest([corpus])
    assert (first.files, first.articles_added, first.articles_known, first.failures_added) == (3, 1, 1, 1)
    assert first.events_added >= 2
    before = store.counts()
    second = store.ingest([corpus])
    assert (second.articles_added, second.events_added, second.failures_added) == (0, 0, 0)
    assert store.counts() == before
    sources = store.query("SELECT count(*) FROM article_sources")[0][0]
    assert sources == 2, "both files are recorded as sources of the one article"


def test_event_filters(store, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    store.ingest([tmp_path / "good.txt"])
    sanctions = store.events(type="SANCTION")
    assert [e.type for e in sanctions] == ["SANCTION"]
    assert store.events(actor="EU", type="SANCTION") == sanctions
    assert store.events(recipient="BLR", type="SANCTION") == sanctions
    assert store.events(actor="BLR", type="SANCTION") == []
    assert store.events(since="2025-03-04", type="SANCTION") == sanctions
    assert store.events(until="2025-03-01") == []
    evidence = store.query("SELECT text, start_char, end_char FROM event_evidence")
    article_text = store.query("SELECT text FROM articles")[0][0]
    assert all(article_text[start:end] == text for text, start, end in evidence)


def test_samples_ingest_with_events_of_many_types(store, tmp_path):
    corpus = tmp_path / "samples"
    shutil.copytree(SAMPLES, corpus)
    summary = store.ingest([corpus])
    assert summary.articles_added == len(list(SAMPLES.glob("*.txt")))
    assert summary.failures_added == 0
    types = {row[0] for row in store.query("SELECT DISTINCT type FROM events")}
    assert {"CONSULT", "SUPPORT", "SANCTION", "AID", "ACCUSE"} <= types
