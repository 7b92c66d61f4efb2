"""The hostile corpus at scale: 10,000 files, 10% hostile, through `dyad run`, with exact counts.

    .venv/bin/python bench/hostile_bench.py [--files 10000] [--hostile-share 0.1]

Writes the corpus of tests/ingest/hostile_corpus.py to a temporary folder, runs `dyad run`
on it in a subprocess, and checks what the 200-file test checks: every good article stored
once, every hostile file named once among the failures, exit code 0. Prints the counts and
the time; exits 1 if a count is off.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dyad.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.ingest.hostile_corpus import MAX_BYTES, write_corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--hostile-share", type=float, default=0.10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = write_corpus(Path(folder) / "corpus", args.files, args.hostile_share)
        db = Path(folder) / "bench.duckdb"
        started = time.monotonic()
        command = [sys.executable, "-m", "dyad.cli", "run", str(corpus.root), "--db", str(db)]
        result = subprocess.run([*command, "--max-bytes", str(MAX_BYTES)], capture_output=True, text=True)
        elapsed = time.monotonic() - started
        with Store(db) as store:
            texts = sorted(row[0] for row in store.query("SELECT text FROM articles"))
            failures = store.failures()
        named = sorted(path for f in failures for path in corpus.hostile if f.source.startswith(path))
        good = texts == sorted(corpus.good.values())
        hostile = named == sorted(corpus.hostile) and len(failures) == len(corpus.hostile)
        print(
            f"{args.files} files ({len(corpus.good)} good, {len(corpus.hostile)} hostile) in {elapsed:.0f}s: "
            f"exit {result.returncode}, {len(texts)} articles stored ({'exact' if good else 'WRONG'}), "
            f"{len(failures)} failures ({'each hostile file once' if hostile else 'WRONG'})"
        )
        if result.returncode != 0:
            print(result.stderr[-2000:])
        return 0 if good and hostile and result.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
