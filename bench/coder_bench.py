"""Coder speed, measured in one run and printed as ratios (no timed assertions in tests).

    .venv/bin/python bench/coder_bench.py [--copies 20] [--generated 300]

Prints sentences/s of the event coder alone (on pre-parsed Docs), on the bench corpus and on
distinct generated articles of realistic length (bench/generated.py: 8-15 sentences, varied
dates, so the date cache helps little), articles/s end to end (parse + code), and the ratio of
end-to-end throughput to a bare `nlp.pipe` of the same model on the same texts.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dyad.events.component import EVENTS
from dyad.events.dates import parse_date_phrase
from dyad.ingest import read_paths
from dyad.ingest.text import article_from_text
from dyad.pipeline import NLP_BATCH_SIZE, Pipeline
from dyad.records import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generated import articles as generated_articles

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "samples", ROOT / "tests" / "data" / "gold" / "articles"]


def corpus(copies: int) -> list[Article]:
    articles = [item for item in read_paths(CORPORA) if isinstance(item, Article)]
    return articles * copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20, help="How many times to repeat the corpus.")
    parser.add_argument("--generated", type=int, default=300, help="How many generated articles to code.")
    args = parser.parse_args()
    pipeline = Pipeline()
    articles = corpus(args.copies)
    texts = [article.text for article in articles]
    parse_only = pipeline.nlp.select_pipes(disable=[EVENTS])  # the bare parse, without the event component
    # warm up, so neither side pays for first-call set-up (model, gazetteer and city tables)
    warm = list(pipeline.nlp.pipe(texts[:20]))
    for doc, article in zip(warm, articles[:20], strict=True):
        pipeline.coder.code(doc, article)

    # the bare parse keeps no Docs, like the end-to-end run: holding hundreds of them costs
    # garbage-collection time that would flatter the ratio
    start = time.perf_counter()
    for _ in pipeline.nlp.pipe(texts, batch_size=NLP_BATCH_SIZE):
        pass
    bare = time.perf_counter() - start

    docs = list(pipeline.nlp.pipe(texts, batch_size=NLP_BATCH_SIZE))  # untimed: the coder's input
    sentences = sum(1 for doc in docs for _ in doc.sents)
    parse_date_phrase.cache_clear()  # the corpus repeats itself; a real one repeats less
    start = time.perf_counter()
    for doc, article in zip(docs, articles, strict=True):
        pipeline.coder.code(doc, article)
    coder_only = time.perf_counter() - start

    generated = [
        article_from_text(record["text"], ref=record["id"], published=record["published"])
        for record in generated_articles(args.generated)
    ]
    generated_docs = [_doc_of(pipeline, article) for article in generated]  # untimed: the coder's input
    generated_sentences = sum(1 for doc in generated_docs for _ in doc.sents)
    parse_date_phrase.cache_clear()
    start = time.perf_counter()
    for doc, article in zip(generated_docs, generated, strict=True):
        pipeline.coder.code(doc, article)
    coder_generated = time.perf_counter() - start

    parse_only.restore()
    parse_date_phrase.cache_clear()
    start = time.perf_counter()
    for _ in pipeline.code(articles):
        pass
    end_to_end = time.perf_counter() - start

    print(f"corpus: {len(articles)} articles, {sentences} sentences (one core)")
    print(f"bare nlp.pipe:   {len(articles) / bare:8.1f} articles/s")
    print(f"coder alone:     {sentences / coder_only:8.1f} sentences/s")
    print(
        f"coder alone, generated: {generated_sentences / coder_generated:8.1f} sentences/s "
        f"({len(generated)} articles, {generated_sentences} sentences)"
    )
    print(f"end to end:      {len(articles) / end_to_end:8.1f} articles/s")
    print(f"end-to-end / bare nlp.pipe throughput: {bare / end_to_end:.2f}")


def _doc_of(pipeline: Pipeline, article: Article) -> object:
    """A parsed Doc without the event component, for the coder to be timed on."""
    from dyad.pipeline import _doc

    return pipeline.nlp(_doc(pipeline.nlp, article))


if __name__ == "__main__":
    main()
