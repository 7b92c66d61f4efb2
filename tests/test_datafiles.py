"""The fast YAML loader must read every data file exactly as PyYAML's safe loader does."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import yaml

from dyad.datafiles import SAFE_LOADER, read_yaml
from dyad.errors import ConfigError

DATA_FILES = sorted(
    path
    for package in ("dyad.events", "dyad.actors")
    for path in Path(str(resources.files(package) / "data")).rglob("*.yaml")
)


def test_the_c_loader_is_in_use():
    assert SAFE_LOADER is yaml.CSafeLoader


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.name)
def test_every_data_file_parses_identically(path: Path):
    assert read_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_there_are_data_files_to_compare():
    assert len(DATA_FILES) >= 10


def test_a_broken_file_is_named(tmp_path: Path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("verbs: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.yaml"):
        read_yaml(broken)
    with pytest.raises(ConfigError, match=r"missing\.yaml"):
        read_yaml(tmp_path / "missing.yaml")
