"""200 files, 10% of them hostile (every kind in hostile_corpus.HOSTILE), through `dyad run`: exact counts."""

from __future__ import annotations

from typer.testing import CliRunner

from dyad.cli import app
from dyad.store import Store
from tests.ingest.hostile_corpus import HOSTILE, MAX_BYTES, write_corpus


def test_hostile_corpus_stores_every_good_article_once_and_names_every_hostile_file_once(
    tmp_path, pipeline, monkeypatch
):
    monkeypatch.setattr("dyad.pipeline._default", pipeline)
    corpus = write_corpus(tmp_path / "corpus", files=200)
    assert len(corpus.good) == 180 and len(corpus.hostile) == 20
    assert set(corpus.hostile.values()) == set(HOSTILE)
    db = tmp_path / "hostile.duckdb"

    result = CliRunner().invoke(app, ["run", str(corpus.root), "--db", str(db), "--max-bytes", str(MAX_BYTES)])
    assert result.exit_code == 0, result.output

    with Store(db) as store:
        texts = [row[0] for row in store.query("SELECT text FROM articles")]
        sources = [row[0] for row in store.query("SELECT source FROM article_sources")]
        failures = store.failures()
    assert sorted(texts) == sorted(corpus.good.values()), "every good article stored, once"
    assert sorted(source.split(":")[0] for source in sources) == sorted(corpus.good)
    named = sorted(next(path for path in corpus.hostile if f.source.startswith(path)) for f in failures)
    assert named == sorted(corpus.hostile), "every hostile file named once, and nothing else failed"

    again = CliRunner().invoke(app, ["run", str(corpus.root), "--db", str(db), "--max-bytes", str(MAX_BYTES)])
    assert again.exit_code == 0 and "0 new articles (180 already stored)" in again.output
    with Store(db) as store:
        assert store.counts() == {"articles": 180, "events": store.counts()["events"], "failures": 20}
