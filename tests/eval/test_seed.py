import json

from marsad.eval.seed import check_must_not, same_place, same_source, score_seed

from .helpers import actor, claim, event, result, rng

GOLD = {
    "events": [
        {"id": "g1", "required": True, "type": "violence_against_civilians", "sub_type": "attack",
         "date": {"start": "2025-03-06", "end": "2025-03-08"}, "admin1_iso": ["SY-LA", "SY-TA"],
         "actors": [{"role": "target", "category": "civilians"},
                    {"role": "perpetrator", "category": "state_forces", "required": False}],
         "fatalities": {"civilians": {"best": 523, "accept": [500, 523]}},
         "sources": ["Syrian Observatory for Human Rights"], "evidence": [[100, 200]]},
        {"id": "g2", "required": True, "type": "battles", "sub_type": "armed_clash",
         "date": {"start": "2025-03-06", "end": "2025-03-08"}, "admin1_iso": ["SY-LA"],
         "place": "Jableh", "precision_accept": [1],
         "fatalities": {"total": {"best": 745, "accept": [745], "open_high": True},
                        "combatants": {"best": 222, "accept": [222], "required": False}},
         "sources": ["SANA"], "stance_accept": ["asserts"], "evidence": [[300, 400]]},
        {"id": "g3", "required": False, "type": "protests", "sub_type": "peaceful_protest",
         "date": {"start": "2025-03-06", "end": "2025-03-08"}, "admin1_iso": ["SY-HL"],
         "fatalities": {}, "sources": []},
    ],
    "statements": [
        {"id": "s1", "required": True, "source": "Hezbollah", "stance": "denies"},
        {"id": "s2", "required": False, "source": "UAE Foreign Ministry", "stance": "condemns"},
    ],
    "must_not": [
        "an event located outside Syria (Iran is mentioned only as a party)",
        "an event drawn from page furniture: 'Get the Ynetnews app', '(Video: Reuters)'",
        "the 745 total counted as civilians, or 523 and 745 added together",
    ],
}


def good_result():
    e1 = event("violence_against_civilians", "attack", start="2025-03-06", end="2025-03-08",
               admin1="SY-LA", name="Latakia", precision=3,
               actors=[actor("target", "Alawite civilians", "civilians")],
               fatalities={"civilians": rng(523)},
               claims=[claim("Syrian Observatory for Human Rights", start=120, end=180)])
    e2 = event("battles", "armed_clash", start="2025-03-07", admin1="SY-LA", name="Jablah",
               fatalities={"total": rng(745, high=None)},
               claims=[claim("Syrian Arab News Agency", type_="state_media", start=310, end=390)])
    return result(e1, e2, statements=[{"source": {"name": "Hezbollah", "type": "armed_group"},
                                       "stance": "denies", "about": "x", "start": 1, "end": 2, "text": "t"}])


def metrics(res):
    return score_seed([GOLD], [res]).as_dict()["metrics"]


def test_good_extraction_scores_full():
    m = metrics(good_result())
    assert m["required_found"] == 1.0
    assert m["events_found"] == round(2 / 3, 4)
    for k in ("sub_type", "date", "fatalities", "sources", "stance", "actors", "statements_found", "must_not_ok"):
        assert m[k] == 1.0, k


def test_rows_detail_per_gold_event():
    s = score_seed([GOLD], [good_result()])
    g2 = next(r for r in s.rows if r["gold"] == "g2")
    assert g2["matched"] == "e2" and g2["place"] is True and g2["precision"] is True
    assert g2["date_exact"] is False  # 7 March only, within the window
    assert g2["fatalities"]["combatants"] == {"ok": False, "required": False, "gold": [222], "got": None}


def test_wrong_type_or_place_is_not_found():
    r = good_result()
    r["events"][1]["type"] = "riots"                                # g2 has type battles
    r["events"][0]["location"]["admin1_iso"] = "SY-HL"              # g1 wants SY-LA/SY-TA
    m = metrics(r)
    assert m["required_found"] == 0.0


def test_extra_location_counts_for_admin1_overlap():
    r = good_result()
    r["events"][0]["location"]["admin1_iso"] = "SY-HM"
    r["events"][0]["extra_locations"] = [{"name": "Tartus", "country": "SY", "admin1_iso": "SY-TA"}]
    assert metrics(r)["required_found"] == 1.0


def test_wrong_fields_are_counted_wrong():
    r = good_result()
    r["events"][0]["fatalities"] = {"civilians": rng(745)}       # the total as civilians
    r["events"][1]["fatalities"] = {"total": rng(745)}           # closed high, gold open
    r["events"][1]["claims"] = [claim("Syrian Arab News Agency", stance="alleges")]
    r["events"][0]["date"] = {"start": "2025-03-01", "end": "2025-03-08"}
    r["statements"] = []
    m = metrics(r)
    assert m["fatalities"] == 0.0
    assert m["stance"] == 0.0
    assert m["date"] == 0.5
    assert m["statements_found"] == 0.0
    assert m["must_not_ok"] == round(2 / 3, 4)


def test_must_not_rules():
    ok = good_result()
    assert [check_must_not(rule, GOLD, ok) for rule in GOLD["must_not"]] == [True, True, True]
    abroad = good_result()
    abroad["events"].append(event("battles", "armed_clash", country="IR", admin1="IR-07"))
    assert check_must_not(GOLD["must_not"][0], GOLD, abroad) is False
    furniture = good_result()
    furniture["events"][1]["claims"][0]["text"] = "Get the Ynetnews app on Google Play"
    assert check_must_not(GOLD["must_not"][1], GOLD, furniture) is False
    summed = good_result()
    summed["events"][1]["fatalities"] = {"total": rng(1268)}
    assert check_must_not(GOLD["must_not"][2], GOLD, summed) is False
    assert check_must_not("something we cannot check", GOLD, ok) is None


def test_source_and_place_names():
    assert same_source("SANA", "Syrian Arab News Agency")
    assert same_source("Syrian Observatory for Human Rights", "SOHR")
    assert same_source("syrian observatory for human rights", "The Syrian Observatory for Human Rights")
    assert not same_source("SANA", "Syria TV")
    assert not same_source("Al-Mayadeen", "Syrian Observatory for Human Rights")
    assert same_place("Jableh", "Jablah")
    assert same_place("Al-Qabu", "Qabu")
    assert not same_place("Jableh", "Latakia")


def test_real_seed_gold_must_not_rules_are_understood(shared_corpus):
    gold = json.loads((shared_corpus / "seed" / "ynet-syria-coast.gold.json").read_text())["gold"]
    empty = result()
    checks = [check_must_not(rule, gold, empty) for rule in gold["must_not"]]
    assert None not in checks and all(checks)


def test_furniture_rule_reads_what_events_are_drawn_from():
    rule = GOLD["must_not"][1]
    runs_on = good_result()
    runs_on["events"][1]["claims"][0]["text"] = "SANA said 745 died.\nGet the Ynetnews app on your phone"
    assert check_must_not(rule, GOLD, runs_on) is True
    place = good_result()
    place["events"][0]["location"]["text"] = "(Video: Reuters)"
    assert check_must_not(rule, GOLD, place) is False
