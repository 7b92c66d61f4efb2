"""Which coder made an event: `coder_version`, stamped on every event and every stored article.

It is derived, never bumped by hand: the package version plus a hash of every file that
decides what the coder finds, the rules and their data alike (`dyad/events/**`,
`dyad/actors/**`, `dyad/nlp.py`, `dyad/dates.py`: lexicon, gazetteer, confidence model).
Any edit to them, a comment included, makes a new version, so `dyad recode` can never miss
a change; it may re-code for one that changed nothing. The spaCy model (DYAD_MODEL) and the
user's --actors files are not part of it.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
CODER_FILES = ("events", "actors", "nlp.py", "dates.py")


@lru_cache(maxsize=1)
def coder_version() -> str:
    """'0.1.0+1a2b3c4d5e6f': the package version, then a hash of the coder's code and data."""
    from dyad import __version__

    digest = hashlib.sha256()
    for name in CODER_FILES:
        root = PACKAGE / name
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return f"{__version__}+{digest.hexdigest()[:12]}"
