"""A corpus of good articles with hostile files mixed in, and what a run of it must give.

Used by the hostile-corpus test (200 files) and by bench/hostile_bench.py (10,000). Every
good file holds one distinct article; every hostile file must come out as exactly one
failure naming it (its path, or a record inside it). Texts are generated here, not copied.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

# The corpus is read with this --max-bytes, so the oversized file and the bomb stay small on disk.
MAX_BYTES = 300_000
COUNTRIES = [("Belarus", "Minsk"), ("Cuba", "Havana"), ("Venezuela", "Caracas"), ("Nicaragua", "Managua")]
PARTNERS = ["Russia", "China", "Iran", "Vietnam", "Turkey", "Brazil"]
GOOD_FORMS = ("txt", "jsonl", "csv", "html", "txt.gz")


def article(number: int) -> str:
    """A distinct, plausible English news paragraph for each number."""
    country, capital = COUNTRIES[number % len(COUNTRIES)]
    partner = PARTNERS[number % len(PARTNERS)]
    return (
        f"{country} and {partner} signed trade protocol number {number} in {capital} on Tuesday, officials said. "
        f"The protocol covers {number % 7 + 2} industrial projects over the next {number % 5 + 2} years."
    )


def _good_file(root: Path, number: int) -> str:
    form = GOOD_FORMS[number % len(GOOD_FORMS)]
    text = article(number)
    path = root / f"good_{number:05d}.{form}"
    if form == "txt":
        path.write_text(text, encoding="utf-8")
    elif form == "jsonl":
        path.write_text(json.dumps({"id": f"g{number}", "published": "2025-03-04", "text": text}) + "\n", "utf-8")
    elif form == "csv":
        path.write_text(f'id,published,text\ng{number},2025-03-04,"{text}"\n', encoding="utf-8")
    elif form == "html":
        page = (
            f"<html><head><title>Protocol {number}</title></head><body><article><p>{text}</p></article></body></html>"
        )
        path.write_text(page, encoding="utf-8")
    else:
        path.write_bytes(gzip.compress(text.encode()))
    return str(path)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# Each kind writes one hostile file: name suffix -> bytes (None: a FIFO). Each must give one failure.
HOSTILE: dict[str, tuple[str, bytes | None]] = {
    "utf16_invalid": ("txt", b"\xff\xfeA\x00b\x00c\xd8\x00\xd8\x00z"),
    "json_deep": ("jsonl", b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"),
    "json_huge_number": ("jsonl", b'{"text": "x", "id": 1' + b"7" * 5000 + b"}\n"),
    "gzip_truncated": ("txt.gz", gzip.compress(article(999_001).encode() * 20)[:40]),
    "gzip_bomb": ("txt.gz", gzip.compress(b"A" * (MAX_BYTES * 40))),
    "csv_header_only": ("csv", b"id,published,text\n"),
    "csv_unclosed_quote": ("csv", b'id,text\nq1,"a quoted field that never closes\n'),
    "invalid_utf8": ("txt", bytes(range(128, 256)) * 4),
    "control_junk": ("txt", ("~#@|^*+=<>" * 30 + "\x01\x02").encode()),
    "replacement_chars": ("txt", ("\ufffd" * 40 + " " + article(999_002)).encode()),
    "bad_date": ("jsonl", json.dumps({"id": "d", "published": "2025-13-45", "text": article(999_003)}).encode()),
    "binary": ("txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
    "empty": ("txt", b""),
    "oversized": ("txt", (article(999_004) + "\n").encode() * (MAX_BYTES // 120)),
    "zip_slip": ("zip", _zip({"../../etc/evil.txt": article(999_005).encode()})),
    "fifo": ("txt", None),
}


@dataclass
class Corpus:
    """What a corpus holds: the good article texts, and the hostile files by path."""

    root: Path
    good: dict[str, str] = field(default_factory=dict)  # path -> article text
    hostile: dict[str, str] = field(default_factory=dict)  # path -> kind


def write_corpus(root: Path, files: int, hostile_share: float = 0.10) -> Corpus:
    """`files` files under `root`, `hostile_share` of them hostile, every hostile kind at least once."""
    root.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(root)
    hostile = max(len(HOSTILE), round(files * hostile_share))
    kinds = list(HOSTILE)
    spacing = files / hostile
    hostile_slots = {int(slot * spacing) for slot in range(hostile)}
    good_number = 0
    for slot in range(files):
        if slot in hostile_slots:
            kind = kinds[len(corpus.hostile) % len(kinds)]
            suffix, data = HOSTILE[kind]
            path = root / f"hostile_{slot:05d}_{kind}.{suffix}"
            if data is None:
                os.mkfifo(path)
            else:
                path.write_bytes(data)
            corpus.hostile[str(path)] = kind
        else:
            corpus.good[_good_file(root, good_number)] = article(good_number)
            good_number += 1
    return corpus
