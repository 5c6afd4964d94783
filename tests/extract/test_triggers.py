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


@pytest.mark.parametrize("text, found", [
    ("Officials were implicated in the looting of Covid-19 funds.", []),
    ("The governor plundered state coffers for a decade.", []),
    ("Militias were looting homes in the old city.", ["looting"]),
    ("Shops were looted overnight.", ["looted"]),
])
def test_looting_money_is_no_property_destruction(text, found):
    hits = find_triggers(text, load_lexicon())
    assert [text[s:e] for s, e, _typ, sub, *_ in hits if sub == "looting_property_destruction"] == found


@pytest.mark.parametrize("text, found", [
    ("Police in riot gear and riot police with riot shields lined the bridge.", []),
    ("The Riot Act has been opposed by the presidency.", []),
    ("Riots broke out in the capital.", ["Riots"]),
    ("The Taliban busted a kidnapping gang in Kabul.", []),
    ("Gunmen were kidnapping travellers on the highway.", ["kidnapping"]),
])
def test_equipment_and_gangs_are_no_riot_or_kidnapping(text, found):
    hits = find_triggers(text, load_lexicon())
    assert [text[s:e] for s, e, typ, sub, *_ in hits
            if typ == "riots" or sub == "abduction_forced_disappearance"] == found
