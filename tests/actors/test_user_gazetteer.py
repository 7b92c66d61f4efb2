"""A user's YAML file extends the package gazetteer: its people are tagged and resolved."""

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.actors.gazetteer import load_gazetteer
from dyad.actors.resolve import ActorResolver
from dyad.cli import app
from dyad.errors import ConfigError
from dyad.pipeline import Pipeline

USER_FILE = """
people:
  - name: Tamara Volkava
    aliases: [Volkava]
    country: BLR
    roles:
      - {sector: EDU, title: Rector, start: "2019-01-01", end: "2023-12-31"}
      - {sector: GOV, title: Minister of Education, start: "2024-01-01", end: null}
organisations:
  - {name: Minsk Tractor Cooperative, aliases: [MTC], country: BLR, sector: BUS}
"""


@pytest.fixture(scope="module")
def user_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("actors") / "my_actors.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    return path


def test_a_user_file_adds_people_and_organisations(user_file):
    gazetteer = load_gazetteer((str(user_file),))
    person = gazetteer.find("Tamara Volkava")
    assert person is not None and person.country == "BLR"
    assert gazetteer.find("MTC") is not None
    assert load_gazetteer().find("Tamara Volkava") is None  # the package gazetteer is untouched


def test_a_person_from_a_user_file_resolves_in_text(user_file):
    pipeline = Pipeline(actor_files=(str(user_file),))
    doc = pipeline.nlp("Volkava welcomed the Cuban students in Minsk.")
    assert (doc.ents[0].text, doc.ents[0].label_) == ("Volkava", "PERSON")  # the entity ruler knows the name
    gazetteer = load_gazetteer((str(user_file),))
    [volkava] = ActorResolver(doc, gazetteer, dt.date(2025, 3, 1)).resolve(doc[0])
    assert (volkava.name, volkava.country, volkava.sector, volkava.resolved_by) == (
        "Tamara Volkava", "BLR", "GOV", "gazetteer",
    )  # fmt: skip
    [rector] = ActorResolver(doc, gazetteer, dt.date(2020, 3, 1)).resolve(doc[0])
    assert rector.sector == "EDU"  # the role held on the event date


def test_a_missing_user_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError):
        load_gazetteer((str(tmp_path / "absent.yaml"),))


def test_the_cli_takes_actor_files(user_file, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Volkava praised the Cuban students in Minsk on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--published", "2025-05-05", "--actors", str(user_file)])
    assert result.exit_code == 0, result.output
    actors = [actor for line in result.stdout.splitlines() for actor in json.loads(line)["actor"]]
    assert ("Tamara Volkava", "BLR", "GOV") in [(a["name"], a["country"], a["sector"]) for a in actors]
    missing = CliRunner().invoke(app, ["extract", str(article), "--actors", str(tmp_path / "absent.yaml")])
    assert missing.exit_code == 1
