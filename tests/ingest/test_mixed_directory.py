"""A directory of every form, good and bad, through Store.ingest: exact counts, twice."""

import gzip
import json
import zipfile

import pytest

from dyad.store import Store
from tests.ingest.builders import SPANISH, STORIES, WarcRecord, empty_page, html_page, rss, warc_bytes

MAX_BYTES = 20_000


def _write_corpus(root):
    """15 files: 14 articles, 1 repeat, 8 failures; the comments say which is which."""
    root.mkdir()
    # a: plain text with a title and metadata lines -> 1 article
    (root / "a_wire.txt").write_text(
        "Belarus to ship tractors to Cuba\nPublished: 2025-03-04\n\n" + STORIES["tractors"], encoding="utf-8"
    )
    # b: a web page -> 1 article
    (root / "b_page.html").write_text(html_page(STORIES["fuel"], date="2025-03-03"), encoding="utf-8")
    # c: a crawl with a request, two pages and one corrupt page -> 2 articles, 1 failure
    crawl, _, _ = warc_bytes(
        [
            WarcRecord("https://wire.example/sanctions", b"", record_type="request"),
            WarcRecord("https://wire.example/sanctions", html_page(STORIES["sanctions"]).encode()),
            WarcRecord("https://wire.example/arrest", html_page(STORIES["arrest"]).encode(), corrupt=True),
            WarcRecord("https://wire.example/port", html_page(STORIES["port"]).encode()),
        ],
        gzip=True,
    )
    (root / "c_crawl.warc.gz").write_bytes(crawl)
    # d: an RSS feed with two items -> 2 articles
    items = [
        {
            "title": "Roadmap",
            "guid": "d-1",
            "pubDate": "Sat, 01 Mar 2025 10:00:00 GMT",
            "description": STORIES["roadmap"],
        },
        {"title": "Vote", "guid": "d-2", "pubDate": "Wed, 29 Oct 2025 10:00:00 GMT", "description": STORIES["vote"]},
    ]
    (root / "d_world.rss").write_text(rss(items), encoding="utf-8")
    # e: CSV with two good rows and a row without text -> 2 articles, 1 failure
    (root / "e_table.csv").write_text(
        f'id,published,text\ne-1,2025-02-02,"{STORIES["medics"]}"\ne-2,2025-02-03,"{STORIES["blackout"]}"\ne-3,,\n',
        encoding="utf-8",
    )
    # f: JSON Lines: two articles (the second's text is h_plain.txt's too) and a broken line -> 2 articles, 1 failure
    lines = [json.dumps({"id": "f-1", "text": STORIES["exercise"]}), json.dumps({"text": STORIES["treaty"]}), "{oops"]
    (root / "f_lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # g: gzipped text -> 1 article
    (root / "g_wire.txt.gz").write_bytes(gzip.compress(STORIES["priest"].encode()))
    # h: plain text, the same article as f's second line -> a repeat: no new article, a second source
    (root / "h_plain.txt").write_text(STORIES["treaty"], encoding="utf-8")
    # i: a zip of a text file and a page -> 2 articles
    with zipfile.ZipFile(root / "i_bundle.zip", "w") as bundle:
        bundle.writestr("solar.txt", STORIES["solar"])
        bundle.writestr("pages/summit.html", html_page(STORIES["summit"]))
    # j: Spanish -> 1 article, stored and marked, not coded
    (root / "j_spanish.txt").write_text(SPANISH, encoding="utf-8")
    # k-o: a binary file, an empty file, a truncated gzip, a page with no article, an oversize file -> 5 failures
    (root / "k_photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    (root / "l_empty.txt").write_bytes(b"")
    packed = gzip.compress("\n".join(lines).encode())
    (root / "m_broken.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    (root / "n_nav.html").write_text(empty_page(), encoding="utf-8")
    (root / "o_huge.txt").write_text((STORIES["vote"] + "\n") * 200, encoding="utf-8")


@pytest.fixture()
def store(tmp_path, pipeline):
    with Store(tmp_path / "mixed.duckdb") as opened:
        yield opened


def test_mixed_directory_ingests_with_exact_counts_and_a_second_run_adds_nothing(store, tmp_path):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus)
    first = store.ingest([corpus], max_bytes=MAX_BYTES)
    assert (first.files, first.articles_added, first.articles_known, first.failures_added) == (15, 14, 1, 8)
    assert first.events_added > 0
    failed = {f.source.removeprefix(f"{corpus}/").split("#")[0]: f.reason for f in store.failures()}
    assert set(failed) == {
        "c_crawl.warc.gz",
        "e_table.csv:4",
        "f_lines.jsonl:3",
        "k_photo.jpg",
        "l_empty.txt",
        "m_broken.jsonl.gz",
        "n_nav.html",
        "o_huge.txt",
    }
    assert "corrupt record" in failed["c_crawl.warc.gz"]
    assert "binary" in failed["k_photo.jpg"] and "empty" in failed["l_empty.txt"]
    assert "truncated gzip" in failed["m_broken.jsonl.gz"] and failed["n_nav.html"] == "no article text found"
    assert f"over the {MAX_BYTES}-byte limit" in failed["o_huge.txt"]
    assert {row[0] for row in store.query("SELECT DISTINCT stage FROM failures")} == {"ingest"}

    counts = store.counts()
    assert counts == {"articles": 14, "events": first.events_added, "failures": 8}
    assert store.query("SELECT count(*) FROM article_sources")[0][0] == 15
    [(treaty_sources,)] = store.query(
        "SELECT count(*) FROM article_sources s JOIN articles a ON a.id = s.article_id WHERE a.text LIKE 'Venezuela%'"
    )
    assert treaty_sources == 2, "one article from the .txt and the .jsonl, both sources kept"
    languages = dict(store.query("SELECT language, count(*) FROM articles GROUP BY language"))
    assert languages == {"en": 13, "es": 1}
    [(spanish_events,)] = store.query(
        "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE a.language = 'es'"
    )
    assert spanish_events == 0
    refs = {row[0] for row in store.query("SELECT source FROM article_sources")}
    assert f"{corpus}/i_bundle.zip!pages/summit.html" in refs and f"{corpus}/d_world.rss#d-2" in refs
    assert any(ref.startswith(f"{corpus}/c_crawl.warc.gz#urn:uuid:") for ref in refs)

    second = store.ingest([corpus], max_bytes=MAX_BYTES)
    assert (second.files, second.articles_added, second.articles_known) == (15, 0, 15)
    assert (second.events_added, second.failures_added) == (0, 0)
    assert store.counts() == counts
    assert store.query("SELECT count(*) FROM article_sources")[0][0] == 15
