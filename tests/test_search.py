"""Full-text search over evidence and articles, offline, on a store of our cluster corpus."""

from __future__ import annotations

import pytest

from dyad.search import SearchIndex, load_fts
from dyad.store import Store
from tests.conftest import DATA


@pytest.fixture(scope="module")
def store(tmp_path_factory, pipeline):
    with Store(tmp_path_factory.mktemp("search") / "s.duckdb") as store:
        store.ingest([DATA / "clusters" / "articles.jsonl"], pipeline=pipeline)
        yield store


def test_the_extension_loads_from_the_installed_wheel():
    import duckdb

    connection = duckdb.connect()
    load_fts(connection)
    assert connection.execute("SELECT count(*) FROM duckdb_functions() WHERE function_name = 'stem'").fetchall()[0][0]


def test_evidence_and_articles_are_ranked_by_bm25(store):
    hits = SearchIndex.for_store(store).search("tractors Cuba", limit=10)
    assert hits and hits == sorted(hits, key=lambda hit: (-hit.score, hit.kind, hit.id))
    assert any("tractor" in hit.text.lower() for hit in hits[:3])
    assert {hit.kind for hit in hits} <= {"evidence", "article"}


def test_stemming_matches_other_forms(store):
    hits = SearchIndex.for_store(store).search("sanctioned", kinds=("evidence",))
    assert any("sanction" in hit.text.lower() for hit in hits)


def test_nothing_found_is_an_empty_list(store):
    assert SearchIndex.for_store(store).search("zeppelin quasar") == []


def test_the_index_follows_new_articles(store, tmp_path, pipeline):
    before = SearchIndex.for_store(store)
    text = tmp_path / "new.txt"
    text.write_text("Paraguay and Uruguay signed a river navigation accord in Asuncion on Monday.", encoding="utf-8")
    store.ingest([text], published="2025-05-06", pipeline=pipeline)
    after = SearchIndex.for_store(store)
    assert after is not before
    assert any(hit.kind == "article" for hit in after.search("navigation accord"))
