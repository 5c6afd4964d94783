from marsad.eval.fakes import GOV, ISIS, UNKNOWN, cause_class, perpetrator_class, score_fakes

from .helpers import actor, event, result, rng


def gold(date="2017-04-04", admin1=("SY-ID",), civilians=58, perpetrator="unknown", cause="shelling"):
    return {"main_event": {"date": date, "admin1_iso": list(admin1),
                           "killed": {"civilians": civilians, "combatants": 0, "children": 0, "women": 0},
                           "perpetrator": perpetrator, "cause": cause},
            "cluster": f"{date}/x"}


def metric(golds, results, name):
    return score_fakes(golds, results).as_dict()["metrics"][name]


def counts(golds, results, name):
    return score_fakes(golds, results).as_dict()["counts"][name]


def test_admin1_right_wrong_missing():
    golds = [gold(admin1=("SY-DI", "SY-RD"))] * 4
    results = [result(event(admin1="SY-RD")), result(event(admin1="SY-HL")),
               result(event(admin1=None, country=None)), result()]
    assert counts(golds, results, "admin1") == [1, 4]


def test_admin1_uses_main_event_only():
    golds = [gold(admin1=("SY-ID",))]
    results = [result(event(admin1="SY-HL"), event(admin1="SY-ID"))]
    assert metric(golds, results, "admin1") == 0.0


def test_date_within_range_and_exact():
    golds = [gold(date="2017-04-04")] * 4
    results = [result(event(start="2017-04-04")),
               result(event(start="2017-04-03", end="2017-04-05")),
               result(event(start="2017-04-05")),
               result(event(start=None))]
    assert counts(golds, results, "date") == [2, 4]
    assert counts(golds, results, "date_exact") == [1, 4]
    assert counts(golds, results, "date_1day") == [3, 4]


def test_killed_prefers_civilians_then_total_and_skips_zero_gold():
    golds = [gold(civilians=58), gold(civilians=58), gold(civilians=58), gold(civilians=0)]
    results = [
        result(event(fatalities={"total": rng(72), "civilians": rng(58)})),   # civilians wins: right
        result(event(fatalities={"total": rng(58)})),                          # total fallback: right
        result(event(fatalities={"total": rng(100), "civilians": rng(72)})),   # wrong
        result(event(fatalities={"total": rng(5)})),                           # gold 0: not scored
    ]
    assert counts(golds, results, "killed_exact") == [2, 3]


def test_killed_range_credits_hedged_figure():
    golds = [gold(civilians=58), gold(civilians=58)]
    results = [result(event(fatalities={"total": rng(50, high=None)})),      # "at least 50"
               result(event(fatalities={"total": rng(60, low=60, high=70)}))]
    s = score_fakes(golds, results).as_dict()
    assert s["counts"]["killed_exact"] == [0, 2]
    assert s["counts"]["killed_range"] == [1, 2]


def test_cause_mapping_and_unknown_excluded():
    golds = [gold(cause="shelling"), gold(cause="chemical and toxic gases"), gold(cause="explosion"),
             gold(cause="execution"), gold(cause="unknown"), gold(cause="shooting")]
    results = [
        result(event(sub_type="air_drone_strike")),
        result(event(sub_type="chemical_weapon")),
        result(event(sub_type="shelling_artillery_missile_attack")),   # wrong
        result(event("violence_against_civilians", "attack",
                     fatalities={"civilians": rng(9, text="executed 9 people")})),
        result(event(sub_type="suicide_bomb")),                        # unknown gold: excluded
        result(event("strategic_developments", "arrests")),            # no counterpart: wrong
    ]
    assert counts(golds, results, "cause") == [3, 5]


def test_cause_class_of_plain_attack_is_shooting():
    assert cause_class(event("violence_against_civilians", "attack")) == "shooting"
    assert cause_class(None) is None


def test_perpetrator_classes():
    assert perpetrator_class(event(actors=[actor("perpetrator", "Russian forces", "foreign_forces")])) == GOV
    assert perpetrator_class(event(actors=[actor("side_a", "Syrian government forces", "state_forces")])) == GOV
    assert perpetrator_class(event(actors=[actor("perpetrator", "Islamic State", "jihadist_group")])) == ISIS
    assert perpetrator_class(event(actors=[actor("perpetrator", "Free Syrian Army", "rebel_group")])) == \
        "armed opposition groups"
    assert perpetrator_class(event(actors=[actor("perpetrator", "Syrian Democratic Forces", "rebel_group")])) == \
        "self administration forces"
    assert perpetrator_class(event(actors=[actor("perpetrator", "US-led coalition", "foreign_forces")])) == \
        "international coalition forces"
    assert perpetrator_class(event(actors=[actor("perpetrator", "Hayat Tahrir al-Sham", "jihadist_group")])) == \
        "al-nusra front"
    # a target is not a perpetrator
    assert perpetrator_class(event(actors=[actor("target", "Islamic State", "jihadist_group")])) == UNKNOWN


def test_perpetrator_scored_over_unknown_gold_too():
    golds = [gold(perpetrator="unknown"), gold(perpetrator="unknown"),
             gold(perpetrator="syrian government or russian troops")]
    results = [result(event()),                                                       # none: right
               result(event(actors=[actor("perpetrator", "Russian air force", "foreign_forces")])),  # wrong
               result(event(actors=[actor("perpetrator", "Russian air force", "foreign_forces")]))]  # right
    assert counts(golds, results, "perpetrator") == [2, 3]


def test_lengths_must_agree():
    import pytest

    with pytest.raises(ValueError):
        score_fakes([gold()], [])
