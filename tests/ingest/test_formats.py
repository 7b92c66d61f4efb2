"""Each input form the readers accept, built here: HTML, WARC, RSS/Atom, CSV, JSONL, archives."""

import gzip
import io
import json
import zipfile

import pytest

from dyad.errors import ConfigError
from dyad.ingest import Columns, expand_paths, read_bytes, read_paths
from dyad.ingest.formats import detect_format
from dyad.ingest.html import fragment_text
from dyad.records import Article, Failure
from tests.ingest.builders import SPANISH, STORIES, WarcRecord, atom, empty_page, html_page, rss, warc_bytes


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Failure)]


# -- HTML ---------------------------------------------------------------------------------
def test_html_page_gives_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    page = html_page(
        STORIES["tractors"],
        title="Belarus to ship tractors to Cuba",
        date="2025-03-04",
        canonical="https://wire.example/tractors",
    )
    path.write_text(page, encoding="utf-8")
    [article] = list(read_paths([path]))
    assert article.title == "Belarus to ship tractors to Cuba"
    assert (article.published, article.outlet, article.url) == (
        "2025-03-04",
        "Test Wire",
        "https://wire.example/tractors",
    )
    assert article.language == "en"
    assert "signed an agreement on Tuesday" in article.text
    for furniture in ("Home", "cookies", "Copyright", "<p>"):
        assert furniture not in article.text
    body = " ".join(article.text[start:end] for start, end in article.body_spans())
    assert "spare parts and training for mechanics" in body


def test_html_flags_win_over_the_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(html_page(STORIES["fuel"], date="2025-03-04", canonical="https://wire.example/a"), "utf-8")
    [article] = list(read_paths([path], published="2025-05-01", url="https://mirror.example/a"))
    assert (article.published, article.url) == ("2025-05-01", "https://mirror.example/a")


def test_html_without_article_text_is_a_failure(tmp_path):
    path = tmp_path / "index.html"
    path.write_text(empty_page(), encoding="utf-8")
    [failure] = list(read_paths([path]))
    assert failure == Failure(source=str(path), stage="ingest", reason="no article text found")


def test_html_in_a_declared_legacy_charset(tmp_path):
    path = tmp_path / "latin.htm"
    text = "Díaz-Canel met the Belarusian president in Minsk on Monday. " + STORIES["roadmap"]
    path.write_bytes(html_page(text, charset="iso-8859-1").encode("cp1252"))
    [article] = list(read_paths([path]))
    assert "Díaz-Canel met the Belarusian president" in article.text


def test_html_in_an_undeclared_charset(tmp_path):
    path = tmp_path / "undeclared.html"
    text = "Señora Núñez said the café in Santiago reopened after the blackout. " + STORIES["blackout"]
    page = html_page(text).replace('<meta charset="utf-8">', "")
    path.write_bytes(page.encode("cp1252"))
    [article] = list(read_paths([path]))
    assert "Señora Núñez said the café" in article.text


def test_html_is_sniffed_under_a_text_name_and_on_stdin():
    page = html_page(STORIES["port"]).encode()
    for name in ("saved.txt", "-", "no_suffix"):
        [article] = list(read_bytes(page, name))
        assert "<p>" not in article.text and "deep water port" in article.text, name


# -- WARC ---------------------------------------------------------------------------------
def _crawl() -> list[WarcRecord]:
    return [
        WarcRecord("https://wire.example/tractors", b"", record_type="request"),
        WarcRecord("https://wire.example/tractors", html_page(STORIES["tractors"], date="2025-03-04").encode()),
        WarcRecord("https://wire.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png"),
        WarcRecord("https://wire.example/old", b"<html>moved</html>", status="301 Moved Permanently"),
        WarcRecord("https://wire.example/fuel", html_page(STORIES["fuel"]).encode(), date="2025-04-02T10:00:00Z"),
        WarcRecord("https://wire.example/port", html_page(STORIES["port"]).encode()),
    ]


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_warc_reads_html_responses_with_provenance(tmp_path, compressed):
    data, _, ids = warc_bytes(_crawl(), gzip=compressed)
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    path.write_bytes(data)
    articles, failures = _split(read_paths([path]))
    assert failures == []
    assert [a.url for a in articles] == [
        "https://wire.example/tractors",
        "https://wire.example/fuel",
        "https://wire.example/port",
    ]
    assert [a.ref for a in articles] == [f"{path}#{ids[i]}" for i in (1, 4, 5)]
    assert articles[0].published == "2025-03-04", "the page's own date"
    assert articles[1].published == "2025-04-02", "the record date when the page states none"
    assert all(a.language == "en" for a in articles)


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_warc_record_failing_its_digest_fails_alone(tmp_path, compressed):
    records = _crawl()
    records[4].corrupt = True
    data, _, ids = warc_bytes(records, gzip=compressed)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data)
    articles, failures = _split(read_paths([path]))
    assert [a.url for a in articles] == ["https://wire.example/tractors", "https://wire.example/port"]
    [failure] = failures
    assert failure.source == f"{path}#{ids[4]}"
    assert "corrupt record" in failure.reason and "digest" in failure.reason


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_warc_reading_goes_on_after_a_record_that_does_not_parse(tmp_path, compressed):
    data, offsets, _ = warc_bytes(_crawl(), gzip=compressed)
    damaged = bytearray(data)
    damaged[offsets[4] : offsets[4] + 6] = b"GARBLE"  # the fuel page's header (or gzip header) is destroyed
    path = tmp_path / "crawl.warc"
    path.write_bytes(bytes(damaged))
    articles, failures = _split(read_paths([path]))
    assert [a.url for a in articles] == ["https://wire.example/tractors", "https://wire.example/port"]
    [failure] = failures
    assert failure.source == f"{path}@{offsets[4]}"
    assert failure.reason.startswith(f"corrupt WARC record at byte {offsets[4]}")


def test_truncated_warc_gz_keeps_what_came_before_and_names_the_file(tmp_path):
    data, _, _ = warc_bytes(_crawl(), gzip=True)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data[:-60])
    articles, failures = _split(read_paths([path]))
    assert [a.url for a in articles] == ["https://wire.example/tractors", "https://wire.example/fuel"]
    [failure] = failures
    assert failure.source.startswith(str(path)) and "truncated" in failure.reason


def test_warc_with_no_pages_and_a_file_that_is_no_warc(tmp_path):
    data, _, _ = warc_bytes([WarcRecord("https://wire.example/", b"", record_type="request")], gzip=False)
    (tmp_path / "requests.warc").write_bytes(data)
    (tmp_path / "fake.warc").write_text("this is not a web archive\n", encoding="utf-8")
    failures = list(read_paths([tmp_path]))
    assert [(f.source.rsplit("/", 1)[-1], f.reason.split(":")[0]) for f in failures] == [
        ("fake.warc", "not a readable WARC file"),
        ("requests.warc", "no HTML response records in this WARC file"),
    ]


def test_warc_is_sniffed_on_stdin():
    data, _, _ = warc_bytes(_crawl(), gzip=True)
    articles, failures = _split(read_bytes(data, "-"))
    assert len(articles) == 3 and not failures


# -- feeds --------------------------------------------------------------------------------
def test_rss_items_become_articles(tmp_path):
    path = tmp_path / "world.xml"
    feed = rss(
        [
            {
                "title": "Belarus &amp; Cuba sign tractor deal",
                "link": "https://wire.example/tractors",
                "guid": "wire-1",
                "pubDate": "Tue, 04 Mar 2025 09:00:00 GMT",
                "description": "<p>" + STORIES["tractors"].replace(". ", ".</p><p>") + "</p>",
            },
            {
                "title": "Fuel for Cuba",
                "link": "https://wire.example/fuel",
                "guid": "wire-2",
                "pubDate": "Mon, 03 Mar 2025 18:00:00 GMT",
                "description": "A short teaser.",
                "content": "<div><p>" + STORIES["fuel"] + "</p><script>track()</script></div>",
            },
            {"title": "Photo gallery", "guid": "wire-3", "link": "https://wire.example/photos"},
        ]
    )
    path.write_text(feed, encoding="utf-8")
    articles, failures = _split(read_paths([path]))
    first, second = articles
    assert (first.ref, first.url, first.published) == (f"{path}#wire-1", "https://wire.example/tractors", "2025-03-04")
    assert first.title == "Belarus & Cuba sign tractor deal" and first.outlet == "Test Wire: World"
    assert first.text.splitlines()[0] == STORIES["tractors"].split(". ")[0] + "."
    assert "<p>" not in first.text
    assert second.text == STORIES["fuel"], "full content is preferred to the teaser, and scripts dropped"
    assert failures == [Failure(source=f"{path}#wire-3", stage="ingest", reason=failures[0].reason)]
    assert "no text" in failures[0].reason


def test_atom_entries_become_articles(tmp_path):
    path = tmp_path / "world.atom"
    entry = {
        "id": "urn:test:1",
        "title": "Sanctions on Belarus",
        "link": "https://wire.example/sanctions",
        "updated": "2025-03-05T10:00:00Z",
        "summary": f"<p>{STORIES['sanctions']}</p>",
    }
    path.write_text(atom([entry]), encoding="utf-8")
    [article] = list(read_paths([path]))
    assert (article.ref, article.published, article.text) == (f"{path}#urn:test:1", "2025-03-05", STORIES["sanctions"])


def test_xml_that_is_no_feed_and_a_broken_feed_fail(tmp_path):
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url/></urlset>', encoding="utf-8")
    (tmp_path / "broken.rss").write_text("<rss version='2.0'><channel><title>x</ti", encoding="utf-8")
    failures = list(read_paths([tmp_path]))
    reasons = {f.source.rsplit("/", 1)[-1]: f.reason for f in failures}
    assert reasons["sitemap.xml"] == "XML that is not an RSS or Atom feed"
    assert "feed" in reasons["broken.rss"]
    assert all(isinstance(f, Failure) for f in failures)


def test_fragment_text_keeps_paragraphs_and_drops_markup():
    assert fragment_text("<p>One &amp; two.</p><p>Three<br>four</p><script>x()</script>") == "One & two.\nThree\nfour"
    assert fragment_text("Plain &lt;text&gt;") == "Plain <text>"


# -- CSV and JSON Lines -------------------------------------------------------------------
def test_csv_rows_become_articles_and_bad_rows_fail_by_line(tmp_path):
    path = tmp_path / "wire.csv"
    path.write_text(
        "id,title,published,url,text\n"
        f'c1,Tractors,2025-03-04,https://wire.example/1,"{STORIES["tractors"]}"\n'
        f'c2,Two lines,4 March 2025,,"{STORIES["fuel"]}\nA second paragraph follows."\n'
        "c3,No text,2025-03-04,,\n"
        f'c4,Bad date,someday soon,,"{STORIES["port"]}"\n'
        f"c5,Too many,2025-03-04,,{STORIES['vote']}\n",
        encoding="utf-8",
    )
    articles, failures = _split(read_paths([path]))
    assert [(a.ref, a.published) for a in articles] == [(f"{path}:2#c1", "2025-03-04"), (f"{path}:3#c2", "2025-03-04")]
    assert articles[0].url == "https://wire.example/1" and articles[0].title == "Tractors"
    assert articles[1].text.endswith("\nA second paragraph follows.")
    assert [f.source for f in failures] == [f"{path}:5", f"{path}:6", f"{path}:7"]
    assert "text" in failures[0].reason
    assert "publication date" in failures[1].reason
    assert "fields" in failures[2].reason


def test_csv_and_jsonl_column_names_are_configurable(tmp_path):
    columns = Columns(text="body", id="guid", published="date", title="headline", url="link")
    (tmp_path / "a.csv").write_text(f'guid,headline,date,body\nx1,Port deal,2025-02-01,"{STORIES["port"]}"\n', "utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"guid": "x2", "headline": "Arrest", "date": "2025-02-02", "body": STORIES["arrest"]}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "c.tsv").write_text(f"guid\tbody\nx3\t{STORIES['medics']}\n", encoding="utf-8")
    articles = list(read_paths([tmp_path], columns=columns))
    assert [(a.ref, a.title, a.published) for a in articles] == [
        (f"{tmp_path}/a.csv:2#x1", "Port deal", "2025-02-01"),
        (f"{tmp_path}/b.jsonl:1#x2", "Arrest", "2025-02-02"),
        (f"{tmp_path}/c.tsv:2#x3", None, None),
    ]
    [failure] = list(read_paths([tmp_path / "a.csv"]))
    assert "no 'text' column" in failure.reason and "guid, headline, date, body" in failure.reason


def test_json_documents_hold_one_article_or_an_array(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"id": "j-1", "text": STORIES["arrest"]}), encoding="utf-8")
    many = [{"text": STORIES["medics"]}, {"title": "no text"}, "not an object"]
    (tmp_path / "many.json").write_text(json.dumps(many), encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"text": ', encoding="utf-8")
    articles, failures = _split(read_paths([tmp_path]))
    assert [a.ref for a in articles] == [f"{tmp_path}/many.json#1", f"{tmp_path}/one.json#j-1"]
    assert [f.source for f in failures] == [
        f"{tmp_path}/bad.json",
        f"{tmp_path}/many.json#2",
        f"{tmp_path}/many.json#3",
    ]
    assert failures[0].reason.startswith("invalid JSON")


def test_columns_parse_from_the_command_line():
    assert Columns.parse(["text=body", "id=guid"]) == Columns(text="body", id="guid")
    with pytest.raises(ConfigError):
        Columns.parse(["author=byline"])
    with pytest.raises(ConfigError):
        Columns.parse(["text"])


# -- compressed and bundled -----------------------------------------------------------------
def test_zip_members_are_read_by_their_own_names(tmp_path):
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w") as bundle:
        bundle.writestr("a.txt", STORIES["tractors"])
        bundle.writestr("pages/b.html", html_page(STORIES["fuel"]))
        bundle.writestr("c.jsonl.gz", gzip.compress(json.dumps({"text": STORIES["port"]}).encode() + b"\n"))
        bundle.writestr("d.txt", b"")
        bundle.writestr("__MACOSX/._a.txt", b"\x00\x05\x16\x07")
        bundle.writestr(".hidden.txt", STORIES["vote"])
    articles, failures = _split(read_paths([path]))
    assert [a.ref for a in articles] == [f"{path}!a.txt", f"{path}!c.jsonl.gz:1", f"{path}!pages/b.html"]
    assert [f.source for f in failures] == [f"{path}!d.txt"]


def test_corrupt_zip_and_oversized_gzip_fail(tmp_path):
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04" + bytes(40))
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 5000))
    failures = list(read_paths([tmp_path], max_bytes=1000))
    reasons = {f.source.rsplit("/", 1)[-1]: f.reason for f in failures}
    assert reasons["broken.zip"].startswith("corrupt zip")
    assert reasons["bomb.txt.gz"] == "decompresses to over the 1000-byte limit"


def test_gzipped_jsonl_names_its_lines_by_the_file(tmp_path):
    path = tmp_path / "wire.jsonl.gz"
    lines = [json.dumps({"text": STORIES["solar"]}), "{oops"]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    articles, failures = _split(read_paths([path]))
    assert [a.ref for a in articles] == [f"{path}:1"]
    assert [f.source for f in failures] == [f"{path}:2"]


# -- directories, sniffing, language --------------------------------------------------------
def test_directories_honour_include_and_exclude(tmp_path):
    for name in ("a.html", "b.txt", "sub/c.html", "sub/draft_d.html", ".git/e.html", "sub/.f.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.removeprefix(f"{tmp_path}/") for p in expand_paths([tmp_path], include=["*.html"])]
    assert found == ["a.html", "sub/c.html", "sub/draft_d.html"]
    found = [p.removeprefix(f"{tmp_path}/") for p in expand_paths([tmp_path], exclude=["draft_*", "sub/c.*"])]
    assert found == ["a.html", "b.txt"]


@pytest.mark.parametrize(
    ("name", "data", "form"),
    [
        ("a.txt", b"Plain words.", "text"),
        ("-", b'{"text": "x"}\n{"text": "y"}\n', "jsonl"),
        ("a.txt", b'{"text": "x"}', "text"),
        ("a.xml", b'<?xml version="1.0"?>\n<!-- c -->\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("a.xml", b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>", "feed"),
        ("a.xml", b"<?xml version='1.0'?><urlset>", "xml"),
        ("-", b"<rss version='2.0'><channel>", "feed"),
        ("-", b"\n  <!DOCTYPE html><html>", "html"),
        ("-", b"WARC/1.1\r\n", "warc"),
        ("-", gzip.compress(b"hello"), "gzip"),
        ("x.bin", b"PK\x03\x04rest", "zip"),
    ],
)
def test_detect_format(name, data, form):
    assert detect_format(name, data) == form


def test_language_is_detected_and_short_text_left_open():
    data = "\n".join(json.dumps({"id": k, "text": t}) for k, t in [("en", STORIES["vote"]), ("es", SPANISH)])
    data += "\n" + json.dumps({"id": "short", "text": "Cuba praised Belarus."})
    languages = {a.ref: a.language for a in read_bytes(data.encode(), "x.jsonl")}
    assert languages == {"x.jsonl:1#en": "en", "x.jsonl:2#es": "es", "x.jsonl:3#short": None}


def test_same_text_from_text_and_jsonl_has_one_id(tmp_path):
    (tmp_path / "a.txt").write_text(STORIES["treaty"], encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "t-1", "text": STORIES["treaty"]}) + "\n", encoding="utf-8")
    first, second = read_paths([tmp_path])
    assert first.id == second.id and (first.ref, second.ref) == (str(tmp_path / "a.txt"), f"{tmp_path}/b.jsonl:1#t-1")


def test_stdin_over_the_limit_fails(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"x" * 50)))
    [failure] = list(read_paths(["-"], max_bytes=10))
    assert failure.reason == "standard input is over the 10-byte limit"
