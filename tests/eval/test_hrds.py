import pytest

from marsad.eval.hrds import gold_countries, score_hrds, type_compatible

from .helpers import event, result


@pytest.mark.parametrize("text,codes", [
    ("Zimbabwe", {"ZW"}), ("USA", {"US"}), ("United States of America", {"US"}),
    ("People's Republic of China", {"CN", "HK", "MO"}), ("England", {"GB"}), ("Yemeni", {"YE"}),
    ("Texas", {"US"}), ("Nigeia", {"NG"}), ("the Netherlands", {"NL"}), ("Russia", {"RU"}),
    ("Myanmar and Iran", {"MM", "IR"}), ("SY", {"SY"}),
    ("multiple (South Africa, Zimbabwe, Malawi, etc.)", {"ZA", "ZW", "MW"}),
    ("Africa", set()), (None, set()), ("", set()),
])
def test_gold_countries(text, codes):
    assert gold_countries(text) == codes


def hg(country="Zimbabwe", year=2019, violations=("killing",)):
    return {"violation_types": list(violations), "perpetrator_type": "state actor", "year": year,
            "month": None, "day": None, "city": None, "region": None, "country": country}


def test_country_year_and_exclusions():
    golds = [hg("Zimbabwe", 2019), hg("USA", 2020), hg(None, None), hg("Asia", 13)]
    results = [result(event(country="ZW", start="2019-09-14")),
               result(event(country="CA", start="2019-12-31")),
               result(event(country="SY", start="2019-01-01")),
               result(event(country="IN", start="2013-01-01"))]
    m = score_hrds(golds, results).as_dict()
    assert m["counts"]["country"] == [1, 2]
    assert m["counts"]["year"] == [1, 2]


def test_no_event_is_wrong():
    m = score_hrds([hg()], [result()]).as_dict()
    assert m["metrics"] == {"country": 0.0, "year": 0.0, "type_compatible": 0.0}


def test_type_compatibility():
    attack = event("violence_against_civilians", "attack")
    arrest = event("strategic_developments", "arrests")
    abduction = event("violence_against_civilians", "abduction_forced_disappearance")
    assert type_compatible("killing", attack)
    assert type_compatible("killing", event("explosions_remote_violence", "air_drone_strike"))
    assert not type_compatible("killing", arrest)
    assert type_compatible("arbitrary detention", arrest)
    assert not type_compatible("arbitrary detention", attack)
    assert type_compatible("kidnapping", abduction)
    assert type_compatible("enforced disappearance", arrest)
    assert type_compatible("torture", attack)
    assert not type_compatible("other", attack)


def test_type_compatible_any_violation_and_other_only_excluded():
    golds = [hg(violations=("arbitrary detention", "killing")), hg(violations=("other",)),
             hg(violations=("kidnapping",))]
    results = [result(event("violence_against_civilians", "attack")),
               result(event("violence_against_civilians", "attack")),
               result(event("strategic_developments", "arrests"))]
    assert score_hrds(golds, results).as_dict()["counts"]["type_compatible"] == [1, 2]


def test_china_accepts_hong_kong_and_macau_as_iso_subdivisions():
    from marsad.eval.hrds import gold_countries

    assert {"CN", "HK", "MO"} <= gold_countries("China")
    assert "HK" not in gold_countries("United Kingdom")


def test_a_gold_hong_kong_accepts_a_place_in_chinas_province_cn_hk():
    # marsad indexes Hong Kong as China's (country CN, admin1 CN-HK), as ACLED codes it
    golds = [hg("Hong Kong"), hg("Hong Kong"), hg("Hong Kong")]
    results = [result(event(country="CN", admin1="CN-HK")), result(event(country="HK")),
               result(event(country="CN", admin1="CN-BJ"))]
    assert score_hrds(golds, results).as_dict()["counts"]["country"] == [2, 3]
