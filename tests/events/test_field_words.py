"""The word lists that date and place resolution read live in data files, read once."""

import pytest

from dyad.errors import ConfigError
from dyad.events.dates import date_words
from dyad.events.places import place_words


def test_name_links_join_a_split_place_name():
    assert {"de", "del", "do"} <= place_words("name_links")
    assert "of" not in place_words("name_links")  # "the port of Matanzas" is not one name


def test_ordinal_suffixes_are_data():
    assert date_words("ordinal_suffixes") == {"st", "nd", "rd", "th"}


def test_an_unknown_list_is_a_config_error():
    with pytest.raises(ConfigError):
        place_words("no_such_list")
    with pytest.raises(ConfigError):
        date_words("no_such_list")
