import gzip
import json

from dyad.ingest import read_paths
from dyad.records import Article, Failure

WIRE = (
    "Minsk and Havana sign trade deal\nPublished: 2025-03-04\nSource: Test Wire\n\n"
    "MINSK, March 4 - Belarus and Cuba signed a trade agreement on Tuesday.\n"
)


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Failure)]


def test_plain_text_takes_title_and_metadata_lines(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    [article] = list(read_paths([path]))
    assert article.title == "Minsk and Havana sign trade deal"
    assert article.published == "2025-03-04"
    assert article.outlet == "Test Wire"
    assert article.ref == str(path)
    body = [article.text[s:e] for s, e in article.body_spans()]
    assert body == ["MINSK, March 4 - Belarus and Cuba signed a trade agreement on Tuesday."]


def test_flags_override_what_the_text_says(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    [article] = list(read_paths([path], published="2025-03-05", url="https://example.org/a"))
    assert (article.published, article.url) == ("2025-03-05", "https://example.org/a")


def test_jsonl_ids_become_refs_and_bad_lines_become_failures(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "wire-1", "text": "Cuba praised Belarus.", "published": "26 July 2025"}),
        "{not json",
        json.dumps({"id": "wire-2", "title": "no text here"}),
        json.dumps({"text": "Russia sent fuel to Cuba."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, failures = _split(read_paths([path]))
    assert [a.ref for a in articles] == [f"{path}:1#wire-1", f"{path}:4"]
    assert articles[0].published == "2025-07-26"
    assert [f.source for f in failures] == [f"{path}:2", f"{path}:3"]
    assert "invalid JSON" in failures[0].reason
    assert "text" in failures[1].reason


def test_bad_files_fail_by_name_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_good.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "d_garbled.txt").write_bytes(bytes(range(128, 256)) * 8)
    (tmp_path / "e_bad_utf8.jsonl").write_bytes(b'{"text": "ok line"}\n{"text": "caf\xe9 \xff\xfe"}\n')
    articles, failures = _split(read_paths([tmp_path]))
    assert len(articles) == 2
    reasons = {f.source.rsplit("/", 1)[-1]: f.reason for f in failures}
    assert "empty" in reasons["b_empty.txt"]
    assert "binary" in reasons["c_image.txt"]
    assert reasons["d_garbled.txt"].startswith("undecodable text")
    assert "UTF-8" in reasons["e_bad_utf8.jsonl:2"]


def test_latin1_text_is_detected_and_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    text = "Díaz-Canel met Lukashenko in Minsk. The Cuban president praised the Belarusian leader's friendship."
    path.write_bytes(text.encode("latin-1"))
    [article] = list(read_paths([path]))
    assert "Díaz-Canel" in article.text


def test_missing_and_oversized_files_fail(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 100, encoding="utf-8")
    items = list(read_paths([tmp_path / "nope.txt", big], max_bytes=100))
    assert [f.reason.split(":")[0] for f in items] == [
        "no such file or directory",
        "file is 500 bytes, over the 100-byte limit",
    ]


def test_same_text_gets_the_same_id(tmp_path):
    (tmp_path / "one.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(WIRE.replace("\n\n", "\n\n\n"), encoding="utf-8")
    first, second = read_paths([tmp_path])
    assert first.id == second.id and first.ref != second.ref


def test_gzipped_text_reads_like_the_text(tmp_path):
    path = tmp_path / "wire.txt.gz"
    path.write_bytes(gzip.compress(WIRE.encode()))
    [article] = list(read_paths([path]))
    assert isinstance(article, Article)
    assert (article.title, article.published, article.ref) == (
        "Minsk and Havana sign trade deal",
        "2025-03-04",
        str(path),
    )


def test_truncated_gzip_is_a_failure_naming_the_file(tmp_path):
    path = tmp_path / "wire.txt.gz"
    packed = gzip.compress(WIRE.encode())
    path.write_bytes(packed[: len(packed) // 2])
    [failure] = list(read_paths([path]))
    assert isinstance(failure, Failure)
    assert failure.source == str(path) and "truncated gzip" in failure.reason
