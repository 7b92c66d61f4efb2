"""Hostile and broken input (issue 11): each becomes a failure naming its file or record, never a crash.

Every text here is written for these tests; none is copied from a real article.
"""

from __future__ import annotations

import gzip
import json
import os
import threading

import pytest

from dyad.ingest import input_problems, read_bytes, read_paths
from dyad.ingest.prose import MAX_JUNK_SHARE, MAX_REPLACEMENT_SHARE, MIN_LETTER_SHARE, garbage_reason
from dyad.records import Article, Failure
from tests.ingest.builders import STORIES

# Our own sentences in four scripts; each must be read as prose, not rejected as junk.
PROSE = {
    "english": STORIES["tractors"],
    "russian": "Правительство Беларуси в среду подписало соглашение с Кубой о поставках тракторов и автобусов. "
    "По словам министра, первые машины отправят в Гавану уже весной следующего года.",
    "arabic": "وقّعت الحكومة اتفاقًا جديدًا للتعاون في مجال الطاقة يوم الثلاثاء، وقال الوزير إن المشروع "
    "سيوفر آلاف فرص العمل خلال السنوات الثلاث المقبلة.",
    "chinese": "两国政府周二在首都签署了一项农业合作协议，双方同意在未来三年内共同建设十个示范农场。"
    "外交部发言人表示，这项协议将促进地区经济发展。",
    "hindi": "सरकार ने मंगलवार को पड़ोसी देश के साथ व्यापार समझौते पर हस्ताक्षर किए। मंत्री ने कहा कि इससे "
    "दोनों देशों के किसानों को लाभ होगा।",
    "figures": "Final results, district 4: turnout 61.2%, Party A 41,203 votes (38.1%), Party B 39,877 (36.9%), "
    "others 26,970 (25.0%). Recount requested for 3 of 112 polling stations.",
}


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Failure)]


def test_utf16_mark_then_invalid_utf16_is_undecodable_text(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfeA\x00b\x00c\xd8\x00\xd8\x00z")
    [failure] = list(read_paths([path]))
    assert failure == Failure(source=str(path), stage="ingest", reason=failure.reason)
    assert failure.reason.startswith("undecodable text") and "UTF-16" in failure.reason


@pytest.mark.parametrize("name", ["deep.jsonl", "deep.json"])
def test_json_nested_100000_deep_fails_that_line_only(tmp_path, name):
    path = tmp_path / name
    deep = b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    good = json.dumps({"id": "g1", "text": STORIES["fuel"]}).encode()
    path.write_bytes(deep + b"\n" + good + b"\n" if name.endswith("l") else deep)
    articles, failures = _split(read_paths([path]))
    where = f"{path}:1" if name.endswith("l") else str(path)
    assert failures == [Failure(source=where, stage="ingest", reason="invalid JSON: nested too deeply to read")]
    assert [a.ref for a in articles] == ([f"{path}:2#g1"] if name.endswith("l") else [])


def test_jsonl_number_too_long_to_convert_fails_the_line():
    data = b'{"text": "x", "id": 1' + b"1" * 5000 + b"}\n"
    [failure] = list(read_bytes(data, "long.jsonl"))
    assert failure.source == "long.jsonl:1" and failure.reason.startswith("invalid JSON")


def test_truncated_gzip_is_a_failure_not_a_partial_article(tmp_path):
    path = tmp_path / "wire.txt.gz"
    path.write_bytes(gzip.compress((STORIES["solar"] + "\n").encode() * 20)[:40])
    [failure] = list(read_paths([path]))
    assert failure.source == str(path) and "truncated gzip" in failure.reason


def test_header_only_csv_is_a_failure_naming_the_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("id,title,published,text\n", encoding="utf-8")
    [failure] = list(read_paths([path]))
    assert failure.source == str(path) and "no rows" in failure.reason


def test_unclosed_quote_fails_its_row_and_the_rows_after_are_still_read(tmp_path):
    path = tmp_path / "wire.csv"
    path.write_text(
        "id,text\n"
        f'a,"{STORIES["tractors"]}"\n'
        f'b,"{STORIES["fuel"]}\n'  # the quote opened here never closes
        f'c,"{STORIES["port"]}"\n'
        f'd,"{STORIES["arrest"]}"\n',
        encoding="utf-8",
    )
    articles, failures = _split(read_paths([path]))
    assert [a.ref for a in articles] == [f"{path}:2#a", f"{path}:4#c", f"{path}:5#d"]
    assert [a.text for a in articles] == [STORIES["tractors"], STORIES["port"], STORIES["arrest"]]
    assert [f.source for f in failures] == [f"{path}:3"]
    assert failures[0].reason.startswith("unclosed quote")


def test_stray_quote_closed_by_a_later_row_does_not_merge_rows(tmp_path):
    path = tmp_path / "wire.csv"
    path.write_text(
        f'id,text\na,"{STORIES["tractors"]}\nb,"{STORIES["fuel"]}"\nc,"{STORIES["port"]}"\n', encoding="utf-8"
    )
    articles, failures = _split(read_paths([path]))
    assert [a.text for a in articles] == [STORIES["fuel"], STORIES["port"]]
    assert [f.source for f in failures] == [f"{path}:2"]


def test_clean_multiline_quoted_field_is_one_article(tmp_path):
    path = tmp_path / "wire.csv"
    path.write_text(f'id,text\na,"{STORIES["fuel"]}\n\nA second ""quoted"" paragraph."\n', encoding="utf-8")
    [article] = list(read_paths([path]))
    assert article.text.endswith('A second "quoted" paragraph.')


@pytest.mark.parametrize(
    ("data", "start"),
    [
        # control characters and symbols, kept under the binary sniff's 5% of control bytes
        ("~#@|^*+=<>" * 30 + "\x01", "not prose"),
        ("═══╬═══ ▓▓▓ ░░░ ■■■ ◆◆◆ " * 20, "not prose"),
        ("12.5 -3.1 +0.07 | 88.1 % 4/5 ; 2.0 " * 20, "not prose"),
        (STORIES["vote"].replace("e", "\ufffd"), "undecodable text"),
    ],
    ids=["ascii-symbols", "box-drawing", "numbers-only", "replacement-chars"],
)
def test_junk_text_is_a_failure_not_an_article(tmp_path, data, start):
    path = tmp_path / "junk.txt"
    path.write_text(data, encoding="utf-8")
    [failure] = list(read_paths([path]))
    assert failure.source == str(path) and failure.reason.startswith(start), failure


def test_control_characters_in_a_jsonl_text_field_fail_that_record():
    junk = "".join(chr(code) for code in range(1, 32) if chr(code) not in "\t\n\r\f\v") * 10
    data = "\n".join(json.dumps({"id": key, "text": text}) for key, text in [("j", junk), ("ok", STORIES["port"])])
    articles, failures = _split(read_bytes(data.encode(), "w.jsonl"))
    assert [a.ref for a in articles] == ["w.jsonl:2#ok"]
    assert [f.source for f in failures] == ["w.jsonl:1#j"] and failures[0].reason.startswith("not prose")


@pytest.mark.parametrize("language", sorted(PROSE))
def test_prose_in_any_script_is_not_junk(tmp_path, language):
    assert garbage_reason(PROSE[language]) is None
    path = tmp_path / f"{language}.txt"
    path.write_text(PROSE[language], encoding="utf-8")
    [article] = list(read_paths([path]))
    assert isinstance(article, Article) and article.text == PROSE[language]


def test_prose_thresholds_are_the_documented_ones():
    """The README quotes these; a change must change it too. Each is tested on both sides."""
    assert (MAX_REPLACEMENT_SHARE, MIN_LETTER_SHARE, MAX_JUNK_SHARE) == (0.01, 0.40, 0.20)
    story = STORIES["vote"]  # 170 visible characters
    assert garbage_reason(story.replace("Cuba", "Cub\ufffd", 1)) is None  # one stray mark: under 1%
    assert garbage_reason(story.replace("e", "\ufffd", 3)).startswith("undecodable text")
    assert garbage_reason(story + " " + "+" * 40) is None  # 40 of 210 are symbols: under 20%
    assert garbage_reason(story + " " + "+" * 60).startswith("not prose")  # 60 of 230
    assert garbage_reason("Turnout 61.2% in 2025") is None  # 9 of 18 are letters
    assert garbage_reason("Turnout 61.2% 58.3% in 2025").startswith("not prose")  # 9 of 23: under 40%


def _read_without_hanging(paths, fifo):
    """read_paths in a thread; if it blocks on the FIFO, a writer unblocks it and the test fails."""
    found: list = []
    reader = threading.Thread(target=lambda: found.extend(read_paths(paths)), daemon=True)
    reader.start()
    reader.join(timeout=20)
    hung = reader.is_alive()
    if hung:  # open the write end so the blocked open() returns and the thread can end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=20)
    assert not hung, "reading a FIFO blocked the run"
    return found


def test_fifo_named_or_found_in_a_directory_is_a_failure_and_never_opened(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(STORIES["treaty"], encoding="utf-8")
    fifo = corpus / "pipe.txt"
    os.mkfifo(fifo)
    for paths in ([fifo], [corpus]):
        articles, failures = _split(_read_without_hanging(paths, fifo))
        assert failures == [Failure(source=str(fifo), stage="ingest", reason=failures[0].reason)]
        assert "FIFO" in failures[0].reason
        assert [a.ref for a in articles] == ([] if paths == [fifo] else [str(corpus / "a.txt")])


def test_device_is_a_failure():
    [failure] = list(read_paths(["/dev/null"]))
    assert failure.source == "/dev/null" and "device" in failure.reason


def test_missing_path_and_empty_directory_are_named(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "hidden_only").mkdir()
    (tmp_path / "hidden_only" / ".DS_Store").write_bytes(b"x")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "a.txt").write_text(STORIES["solar"], encoding="utf-8")
    paths = [tmp_path / name for name in ("missing.txt", "empty", "hidden_only", "full")]
    assert input_problems([*paths, "-"]) == [
        f"{tmp_path}/missing.txt: no such file or directory",
        f"{tmp_path}/empty: directory holds no files to read",
        f"{tmp_path}/hidden_only: directory holds no files to read",
    ]
    assert input_problems([tmp_path / "full"], include=["*.html"]) == [
        f"{tmp_path}/full: directory holds no files matching --include/--exclude to read"
    ]


def test_same_id_in_two_files_keeps_both_sources_by_file_and_line(tmp_path, pipeline):
    from dyad.store import Store

    row = json.dumps({"id": "w1", "text": STORIES["summit"]})
    (tmp_path / "a.jsonl").write_text(row + "\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(f'id,text\nw1,"{STORIES["summit"]}"\n', encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest([tmp_path / "a.jsonl", tmp_path / "b.csv"], pipeline=pipeline)
        sources = sorted(row[0] for row in store.query("SELECT source FROM article_sources"))
        assert store.counts()["articles"] == 1
    assert sources == [f"{tmp_path}/a.jsonl:1#w1", f"{tmp_path}/b.csv:2#w1"]


def test_fuzz_regressions_give_failures_not_errors():
    """Every input the fuzzer ever crashed on (fuzz/regressions/, in its format) is read cleanly."""
    from pathlib import Path

    names = ("a.txt", "a.jsonl", "a.json", "a.csv", "a.tsv", "a.html", "a.rss", "a.xml", "a.warc", "a.gz", "a.zip", "-")
    found = sorted((Path(__file__).parents[2] / "fuzz" / "regressions").iterdir())
    assert found
    for path in found:
        data = path.read_bytes()
        for item in read_bytes(data[1:], names[data[0] % len(names)], max_bytes=200_000):
            assert not (isinstance(item, Failure) and item.reason.startswith("reader error")), (path.name, item)
