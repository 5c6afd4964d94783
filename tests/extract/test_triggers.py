"""The trigger lexicon (``data/triggers.toml``): loading, validation and matching."""

import pytest

from marsad.errors import ConfigError
from marsad.extract.triggers import find_triggers, load_lexicon


def test_shipped_lexicon_names_weapons_as_instruments():
    text = "Warplanes fired rockets; air strikes followed; rocket fire hit."
    found = {text[s:e]: strength for s, e, _t, _s, strength, _w in find_triggers(text, load_lexicon())}
    assert found["Warplanes"] == "instrument" and found["rockets"] == "instrument"
    assert found["air strikes"] == "strong" and found["rocket fire"] == "strong"
    assert found["fired"] == "weak"


@pytest.mark.parametrize("entry, message", [
    ('pattern = "boom"\ntype = "battles"\nsub_type = "armed_clash"\nstrength = "loud"', "strength 'loud'"),
    ('pattern = "(boom"\ntype = "battles"\nsub_type = "armed_clash"', "bad pattern"),
    ('pattern = "boom"\ntype = "battles"', "lacks"),
])
def test_a_bad_lexicon_entry_is_a_config_error(tmp_path, entry, message):
    path = tmp_path / "triggers.toml"
    path.write_text("[[trigger]]\n" + entry + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as exc:
        load_lexicon(str(path))
    assert exc.value.code == "M106"
