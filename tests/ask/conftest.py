"""A store of the samples and the cluster corpus (the seeds too, when present), built once."""

from __future__ import annotations

import pytest

from dyad.store import Store
from tests.conftest import DATA, MESSAGE_SEED, ROADMAP_SEED, SAMPLES


def build_store(path, pipeline, *, seeds: bool = False) -> Store:
    store = Store(path)
    store.ingest([SAMPLES], pipeline=pipeline)
    store.ingest([DATA / "clusters" / "articles.jsonl"], pipeline=pipeline)
    if seeds:
        store.ingest([MESSAGE_SEED], published="2025-07-26", pipeline=pipeline)
        store.ingest([ROADMAP_SEED], published="2025-11", pipeline=pipeline)
    return store


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory, pipeline):
    store = build_store(tmp_path_factory.mktemp("ask") / "corpus.duckdb", pipeline)
    yield store
    store.close()


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory, pipeline):
    if not ROADMAP_SEED.exists() or not MESSAGE_SEED.exists():
        pytest.skip("../shared/seeds/ is not present on this machine")
    store = build_store(tmp_path_factory.mktemp("ask") / "seeded.duckdb", pipeline, seeds=True)
    yield store
    store.close()
