"""Fuzz target for the readers (atheris/libFuzzer): any bytes under any name give Articles or Failures.

The first input byte picks the name the bytes arrive under (so every reader is reached,
as if the file were called `x.csv` or `x.zip`); the rest is the file. A crash is any
exception escaping `read_bytes`, or a Failure from the readers' safety net ("reader
error"), which exists only so that a bug cannot stop a real run.

    python fuzz/make_seeds.py fuzz/corpus
    python fuzz/fuzz_readers.py fuzz/corpus -max_total_time=600 -rss_limit_mb=4096

Needs `pip install atheris`; fuzz/README.md records the last long run.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["dyad"]):
    from dyad.ingest import read_bytes
    from dyad.records import Article, Failure

NAMES = ("a.txt", "a.jsonl", "a.json", "a.csv", "a.tsv", "a.html", "a.rss", "a.xml", "a.warc", "a.gz", "a.zip", "-")
# Small, so each input is fast and size bombs show as failures rather than slow runs.
MAX_BYTES = 200_000


def test_one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    for item in read_bytes(data[1:], name, max_bytes=MAX_BYTES):
        if not isinstance(item, Article | Failure):
            raise TypeError(f"reader gave {type(item).__name__}")
        if isinstance(item, Failure) and item.reason.startswith("reader error"):
            raise RuntimeError(f"safety net caught a reader bug: {item.reason}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
