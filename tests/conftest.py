"""Shared fixtures: one loaded pipeline per test session, repo paths, the seeds when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.pipeline import Pipeline, default_pipeline

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
DATA = Path(__file__).resolve().parent / "data"
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
ROADMAP_SEED = SEEDS / "001_e1fe3d5ce54c7752.txt"
MESSAGE_SEED = SEEDS / "000_c922d414002a9c02.txt"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The shared default pipeline, the one `Store.ingest` and `dyad.extract` use."""
    return default_pipeline()


@pytest.fixture()
def seeds() -> Path:
    if not ROADMAP_SEED.exists() or not MESSAGE_SEED.exists():
        pytest.skip("../shared/seeds/ is not present on this machine")
    return SEEDS
