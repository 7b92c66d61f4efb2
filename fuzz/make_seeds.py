"""Write the fuzz seed corpus: one small file of each form the readers take, good and broken.

Each seed's first byte is the index of the name it is read under (see fuzz_readers.NAMES).
The texts are written for dyad's tests; none comes from a real article.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import zipfile
from pathlib import Path

NAMES = ("a.txt", "a.jsonl", "a.json", "a.csv", "a.tsv", "a.html", "a.rss", "a.xml", "a.warc", "a.gz", "a.zip", "-")
STORY = (
    "Belarus and Cuba signed an agreement on Tuesday for the supply of tractors to Havana, officials in Minsk "
    "said. The deal runs for three years."
)
RUSSIAN = "Правительство подписало соглашение о поставках тракторов в среду."


def seeds() -> dict[str, tuple[str, bytes]]:
    """Seed name -> (the name it is read under, its bytes)."""
    row = {"id": "s1", "published": "2025-03-04", "title": "Deal", "text": STORY}
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("a.txt", STORY)
        archive.writestr("b.jsonl", json.dumps(row))
        archive.writestr("../evil.txt", STORY)
    page = f"<html><head><title>Deal</title></head><body><article><p>{STORY}</p></article></body></html>"
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><guid>g1</guid>'
        f"<title>Deal</title><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate><description>{STORY}</description>"
        "</item></channel></rss>"
    )
    warc = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://wire.example/a\r\n"
        f"WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(page) + 45}\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{page}\r\n\r\n"
    )
    return {
        "text": ("a.txt", f"Deal signed\nPublished: 2025-03-04\n\n{STORY}\n".encode()),
        "russian": ("a.txt", RUSSIAN.encode()),
        "utf16": ("a.txt", STORY.encode("utf-16")),
        "bad-utf16": ("a.txt", b"\xff\xfeA\x00b\x00c\xd8\x00\xd8\x00z"),
        "cp1252": ("a.txt", "Díaz-Canel met the minister in Minsk.".encode("cp1252")),
        "jsonl": ("a.jsonl", (json.dumps(row) + "\n{broken\n" + json.dumps({"text": RUSSIAN})).encode()),
        "deep-jsonl": ("a.jsonl", b'{"text": ' + b"[" * 2000 + b"]" * 2000 + b"}"),
        "json": ("a.json", json.dumps([row, {"title": "no text"}]).encode()),
        "csv": ("a.csv", f'id,published,text\nc1,2025-03-04,"{STORY}"\nc2,2025-02-30,"{STORY}"\n'.encode()),
        "csv-quote": ("a.csv", f'id,text\nc1,"{STORY}\nc2,"{STORY}"\n'.encode()),
        "tsv": ("a.tsv", f"id\ttext\nt1\t{STORY}\n".encode()),
        "html": ("a.html", page.encode()),
        "rss": ("a.rss", feed.encode()),
        "warc": ("a.warc", warc.encode()),
        "gzip": ("a.gz", gzip.compress(STORY.encode())),
        "gzip-cut": ("a.gz", gzip.compress(STORY.encode() * 5)[:40]),
        "zip": ("a.zip", zipped.getvalue()),
        "junk": ("a.txt", ("~#@|^*+=<>" * 20).encode()),
        "stdin-gzip": ("-", gzip.compress(json.dumps(row).encode())),
    }


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for seed, (name, data) in seeds().items():
        (out / seed).write_bytes(bytes([NAMES.index(name)]) + data)
    print(f"{len(seeds())} seeds written to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fuzz/corpus")
