"""Ingest throughput per input form, measured in one run (no timed assertions in tests).

    .venv/bin/python bench/ingest_bench.py [--count 10000] [--end-to-end 300]

Generates `count` distinct articles per form in a temporary folder (plain-text files, HTML
pages, one JSON Lines file, the same gzipped, one CSV, one WARC.gz crawl, RSS feeds of 500
items, one zip of text files), times `dyad.ingest.read_paths` over each (reading, parsing,
extraction and language detection, no NLP), and then times one end-to-end `Store.ingest`
(read, parse, code, store) on a smaller JSON Lines file. Prints articles/s per form.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import random
import tempfile
import time
import zipfile
from collections.abc import Callable
from html import escape
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyad.ingest import read_paths
from dyad.pipeline import Pipeline
from dyad.records import Article
from dyad.store import Store

ACTORS = ["Belarus", "Cuba", "Venezuela", "Nicaragua", "Russia", "China", "Iran", "the European Union", "Brazil"]
VERBS = ["signed an agreement with", "held talks with", "criticised", "sent aid to", "imposed sanctions on"]
TOPICS = ["energy", "trade", "agriculture", "security", "transport", "health care", "mining", "education"]
PLACES = ["Minsk", "Havana", "Caracas", "Managua", "Moscow", "Beijing", "Tehran", "Brussels", "Brasilia"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FEED_ITEMS = 500


def article(number: int, rng: random.Random) -> tuple[str, str]:
    """A title and six sentences of generated wire copy; the number makes every text distinct."""
    first, second = rng.sample(ACTORS, 2)
    topic, place, day = rng.choice(TOPICS), rng.choice(PLACES), rng.choice(DAYS)
    sentences = [
        f"{first} {rng.choice(VERBS)} {second} on {day} in {place}, officials said in statement {number}.",
        f"The talks covered {topic} and {rng.choice(TOPICS)}, according to a government spokesperson.",
        f"Ministers said {rng.randint(2, 40)} projects worth {rng.randint(10, 900)} million dollars were discussed.",
        f"{second} said it would respond within {rng.randint(2, 30)} days after consulting its partners.",
        f"Analysts in {rng.choice(PLACES)} said the move reflected a long dispute over {topic}.",
        f"A further meeting is planned in {rng.choice(PLACES)} before the end of the year.",
    ]
    return f"{first} and {second} discuss {topic} ({number})", " ".join(sentences)


def html_page(title: str, text: str, number: int) -> str:
    paragraphs = "".join(f"<p>{escape(s)}.</p>" for s in text.rstrip(".").split(". "))
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        '<meta property="og:site_name" content="Bench Wire">'
        f'<meta property="article:published_time" content="2025-03-{number % 28 + 1:02d}T08:00:00Z"></head>'
        '<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article><footer>Contact us</footer></body></html>"
    )


def write_corpus(root: Path, count: int, seed: int = 7) -> dict[str, Path]:
    """One folder or file per form, each holding `count` articles."""
    rng = random.Random(seed)
    items = [article(n, rng) for n in range(count)]
    forms: dict[str, Path] = {}
    root.mkdir(exist_ok=True)

    forms["txt files"] = root / "txt"
    forms["txt files"].mkdir()
    for n, (title, text) in enumerate(items):
        (forms["txt files"] / f"{n:06d}.txt").write_text(f"{title}\nPublished: 2025-03-04\n\n{text}\n", "utf-8")

    forms["html files"] = root / "html"
    forms["html files"].mkdir()
    for n, (title, text) in enumerate(items):
        (forms["html files"] / f"{n:06d}.html").write_text(html_page(title, text, n), "utf-8")

    lines = "".join(
        json.dumps({"id": f"b-{n}", "title": title, "published": "2025-03-04", "text": text}) + "\n"
        for n, (title, text) in enumerate(items)
    )
    forms["jsonl"] = root / "wire.jsonl"
    forms["jsonl"].write_text(lines, "utf-8")
    forms["jsonl.gz"] = root / "wire.jsonl.gz"
    forms["jsonl.gz"].write_bytes(gzip.compress(lines.encode()))

    forms["csv"] = root / "wire.csv"
    with forms["csv"].open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "published", "text"])
        writer.writerows([f"c-{n}", title, "2025-03-04", text] for n, (title, text) in enumerate(items))

    forms["warc.gz"] = root / "crawl.warc.gz"
    with forms["warc.gz"].open("wb") as handle:
        warc = WARCWriter(handle, gzip=True)
        http = [("Content-Type", "text/html; charset=utf-8")]
        for n, (title, text) in enumerate(items):
            payload = io.BytesIO(html_page(title, text, n).encode())
            headers = StatusAndHeaders("200 OK", http, protocol="HTTP/1.1")
            uri = f"https://bench.example/{n}"
            warc.write_record(warc.create_warc_record(uri, "response", payload=payload, http_headers=headers))

    forms["rss"] = root / "feeds"
    forms["rss"].mkdir()
    for start in range(0, count, FEED_ITEMS):
        entries = "".join(
            f"<item><title>{escape(title)}</title><link>https://bench.example/{n}</link><guid>g-{n}</guid>"
            f"<pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate><description>{escape('<p>' + text + '</p>')}"
            "</description></item>"
            for n, (title, text) in enumerate(items[start : start + FEED_ITEMS], start=start)
        )
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>{entries}</channel></rss>'
        (forms["rss"] / f"{start:06d}.rss").write_text(feed, "utf-8")

    forms["zip of txt"] = root / "bundle.zip"
    with zipfile.ZipFile(forms["zip of txt"], "w", zipfile.ZIP_DEFLATED) as bundle:
        for n, (title, text) in enumerate(items):
            bundle.writestr(f"{n:06d}.txt", f"{title}\n\n{text}\n")
    return forms


def timed(action: Callable[[], int]) -> tuple[int, float]:
    start = time.perf_counter()
    count = action()
    return count, time.perf_counter() - start


def read_all(path: Path) -> int:
    articles = failures = 0
    for item in read_paths([path], max_bytes=1 << 30):
        if isinstance(item, Article):
            articles += 1
        else:
            failures += 1
    if failures:
        raise SystemExit(f"{path}: {failures} failures in generated input")
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="Articles per input form.")
    parser.add_argument("--end-to-end", type=int, default=300, help="Articles for the Store.ingest run.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dyad-ingest-bench-") as tmp:
        root = Path(tmp)
        for path in write_corpus(root / "warm-up", 3, seed=1).values():  # loads models and imports, untimed
            read_all(path)
        start = time.perf_counter()
        forms = write_corpus(root, args.count)
        generated = time.perf_counter() - start
        print(f"generated {args.count:,} articles per form in {generated:.1f}s; read_paths, one core:")
        for form, path in forms.items():
            articles, seconds = timed(lambda path=path: read_all(path))
            print(f"  {form:<11} {articles:>7,} articles  {seconds:7.1f}s  {articles / seconds:9,.0f} articles/s")

        subset = root / "e2e.jsonl"
        with (root / "wire.jsonl").open(encoding="utf-8") as source:
            subset.write_text("".join(line for _, line in zip(range(args.end_to_end), source, strict=False)))
        pipeline = Pipeline()
        list(pipeline.code([a for a in read_paths([subset]) if isinstance(a, Article)][:10]))  # warm up
        with Store(root / "bench.duckdb") as store:
            summary, seconds = timed(lambda: store.ingest([subset], pipeline=pipeline).articles_added)
        print(
            f"end to end (Store.ingest: read, parse, code, store): {summary:,} articles in {seconds:.1f}s,"
            f" {summary / seconds:,.1f} articles/s"
        )


if __name__ == "__main__":
    main()
