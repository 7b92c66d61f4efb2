"""Reading dyad's YAML data files: with libyaml's C parser when PyYAML has it, since the
pure-Python parser spent about 1.5 s of every start-up on the lexicons and gazetteer."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from dyad.errors import ConfigError

# The C loader builds the same Python objects as yaml.SafeLoader (tests/test_datafiles.py
# compares them on every data file); PyYAML built without libyaml falls back to the slow one.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path | Traversable, *, what: str = "data file") -> Any:
    """The parsed document; a missing or broken file is a ConfigError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"cannot read {what} {path}: {error}") from None
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        raise ConfigError(f"{what} {path} is not valid YAML: {error}") from None
