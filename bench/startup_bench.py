"""Start-up: how long a one-sentence `dyad extract` takes, against loading the bare model.

    .venv/bin/python bench/startup_bench.py [--runs 5]

Each run is a fresh process, as a user's command is. Prints the median wall time of
`dyad extract` on one sentence, of `spacy.load` of the same model alone, and their ratio:
what dyad's own set-up (lexicons, gazetteer, entity ruler, city table) adds on top of
the model. Issue 10's target is 3.5 s or less for the extract.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "Belarus and Cuba signed a cooperation roadmap in Minsk on Monday.\n"


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="Fresh processes per command (the median is kept).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        text = Path(folder) / "one.txt"
        text.write_text(SENTENCE, encoding="utf-8")
        extract = median_seconds([sys.executable, "-m", "dyad.cli", "extract", str(text)], args.runs)
    model = median_seconds(
        [sys.executable, "-c", "import spacy; from dyad.nlp import model_name; spacy.load(model_name())"], args.runs
    )
    print(f"one-sentence `dyad extract`: {extract:.2f} s (median of {args.runs} fresh processes)")
    print(f"bare spacy.load of the model: {model:.2f} s")
    print(f"ratio extract / bare model load: {extract / model:.2f}")


if __name__ == "__main__":
    main()
