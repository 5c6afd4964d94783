"""Reconciliation on both backends: clustering, figures, grades, determinism,
incremental runs, and review decisions that survive re-reconciliation and re-extraction."""

from __future__ import annotations

import random

import pytest
import sqlalchemy as sa

from marsad.config import load_settings
from marsad.errors import NotFound, ReviewError
from marsad.reconcile import get_incident, list_incidents, reconcile, record_decision, review_log
from marsad.store import Store
from marsad.store import schema as t

from .reconcile_helpers import (add_all, add_report, claim, event, khan_shaykhun_reports, other_idlib_reports,
                      reextract)

SETTINGS = load_settings(env={})


def _by_reports(store):
    return {frozenset(i["reports"]): i for i in list_incidents(store, include_rejected=True)}


def _ks(store, docs):
    hits = [i for i in list_incidents(store, include_rejected=True) if docs[0] in i["reports"]]
    assert len(hits) == 1
    return hits[0]


def test_khan_shaykhun_is_one_incident_with_a_range(store):
    docs = add_all(store, khan_shaykhun_reports())
    s = reconcile(store, SETTINGS)
    assert s.events == 7 and s.incidents == 1 and s.new == 1
    inc = list_incidents(store)[0]
    assert sorted(inc["reports"]) == sorted(docs)
    tot = inc["fatalities"]["total"]
    assert (tot["low"], tot["high"], tot["open"]) == (58, 100, True)
    # SOHR is the monitor: its highest figure (72) is the best; relays count once
    assert tot["best"] == 72 and "monitor" in tot["rule"]
    keys = [s["key"] for s in inc["sources"]]
    assert keys.count("sohr") == 1 and inc["corroboration"] == len(keys) == 4
    sohr = next(s for s in inc["sources"] if s["key"] == "sohr")
    assert {"Reuters", "Al Jazeera", "AFP", "Asharq Al-Awsat"} <= set(sohr["relayed_by"])
    assert inc["sub_type"] == "chemical_weapon" and inc["date"]["start"] == "2017-04-04"
    assert inc["location"]["name"] == "Khan Shaykhun" and inc["grade"] == "confirmed"
    # every outlet's claim is listed, with its quote and report
    assert len(inc["claims"]) == 7
    assert {c["document_id"] for c in inc["claims"]} == set(docs)
    assert all(c["text"] and c["outlet"] for c in inc["claims"])
    low_claims = {inc["claims"][i]["source"]["name"] for i in tot["claims"]["low"]}
    assert low_claims <= {"Syrian Observatory for Human Rights", "SOHR"}
    assert get_incident(store, inc["id"][:8]) == inc


def test_different_incidents_same_day_and_governorate_stay_apart(store):
    ks = add_all(store, khan_shaykhun_reports())
    other = add_all(store, other_idlib_reports())
    reconcile(store, SETTINGS)
    groups = set(_by_reports(store))
    assert groups == {frozenset(ks), frozenset(other[:2]), frozenset(other[2:])}


def test_one_report_with_two_events_feeds_two_incidents(store):
    ks = add_all(store, khan_shaykhun_reports()[:2])
    clash = add_all(store, other_idlib_reports()[:1])
    both = add_report(store, "r both", [
        event("chemical_weapon", "2017-04-04", "Khan Shaykhun", [claim("SOHR", "monitor", 58)]),
        event("armed_clash", "2017-04-04", "Jisr al-Shughur", [claim("SOHR", "monitor", 9)], key="e2")])
    reconcile(store, SETTINGS)
    groups = set(_by_reports(store))
    assert frozenset(ks + [both]) in groups and frozenset(clash + [both]) in groups


def test_same_input_in_any_order_gives_the_same_incidents(db_url, tmp_path):
    reports = khan_shaykhun_reports() + other_idlib_reports()
    results = []
    for seed, url in ((1, db_url), (2, f"sqlite:///{tmp_path / 'other.sqlite'}")):
        shuffled = list(reports)
        random.Random(seed).shuffle(shuffled)
        with Store.open(url) as s:
            add_all(s, shuffled)
            reconcile(s, SETTINGS)
            results.append(sorted((i["id"], tuple(sorted(i["reports"])), i["grade"],
                                   i["fatalities_best"]) for i in list_incidents(s)))
    assert results[0] == results[1] and len(results[0]) == 3


def test_incremental_run_touches_only_what_changed(store):
    ks = add_all(store, khan_shaykhun_reports()[:4])
    add_all(store, other_idlib_reports())
    aleppo = add_report(store, "a1", [event("shelling_artillery_missile_attack", "2016-07-01", "Aleppo",
                                            [claim("SNHR", "monitor", 4)])])
    reconcile(store, SETTINGS)
    with store.engine.connect() as conn:
        before = dict(conn.execute(sa.select(t.incidents.c.id, t.incidents.c.updated_at)).all())
    text, outlet, evs = khan_shaykhun_reports()[4]
    new = add_report(store, text, evs, outlet=outlet)
    s = reconcile(store, SETTINGS)
    assert (s.new, s.changed, s.removed) == (0, 1, 0)
    assert s.recomputed_segments == 1 and s.recomputed_events < s.events
    inc = _ks(store, ks)
    assert set(inc["reports"]) == set(ks + [new])
    with store.engine.connect() as conn:
        after = dict(conn.execute(sa.select(t.incidents.c.id, t.incidents.c.updated_at)).all())
    assert set(after) == set(before)
    untouched = [i for i in after if i != inc["id"]]
    assert all(after[i] == before[i] for i in untouched)
    assert any(aleppo in i["reports"] for i in list_incidents(store, country="SY", admin1="SY-HL"))
    # the incremental result equals a full recomputation
    snapshot = sorted((i["id"], tuple(sorted(i["reports"]))) for i in list_incidents(store))
    reconcile(store, SETTINGS, full=True)
    assert sorted((i["id"], tuple(sorted(i["reports"]))) for i in list_incidents(store)) == snapshot


def test_review_decisions_survive_reconcile_and_reextraction(store):
    reports = khan_shaykhun_reports() + other_idlib_reports()
    docs = add_all(store, reports)
    ks, clash, strike = docs[:7], docs[7:9], docs[9]
    reconcile(store, SETTINGS)
    ks_id = _ks(store, ks)["id"]
    record_decision(store, "split", [ks_id, ks[4]], reason="r5 is a different strike", reviewer="ana")
    record_decision(store, "merge", [clash[0], strike], reason="same battle", reviewer="ana")
    record_decision(store, "edit", [ks_id], field="fatalities.total",
                    value="60-74-90", reason="later count", reviewer="ana")
    record_decision(store, "reject", [ks[4]], reason="duplicate", reviewer="bo")

    def check():
        groups = _by_reports(store)
        assert frozenset(ks[:4] + ks[5:]) in groups
        assert frozenset([ks[4]]) in groups and groups[frozenset([ks[4]])]["status"] == "rejected"
        assert frozenset(clash + [strike]) in groups
        main = groups[frozenset(ks[:4] + ks[5:])]
        tot = main["fatalities"]["total"]
        assert (tot["low"], tot["best"], tot["high"]) == (60, 74, 90) and "edited by ana" in tot["rule"]
        assert main["review"]["edits"][0]["automatic"]["best"] == 72
        assert all(i["status"] != "rejected" for i in list_incidents(store))

    s = reconcile(store, SETTINGS)
    assert s.applied == 4 and not s.unapplied
    check()
    reconcile(store, SETTINGS, full=True)
    check()
    # re-extraction: a new extractor version stores new event rows for every report
    for doc, (_, _, evs) in zip(docs, reports):
        reextract(store, doc, evs, version="t2")
    s = reconcile(store, SETTINGS)
    assert s.applied == 4 and not s.unapplied and s.removed == 0
    check()
    assert len(review_log(store)) == 4


def test_decision_that_no_longer_applies_is_reported_not_dropped(store):
    docs = add_all(store, khan_shaykhun_reports()[:3])
    reconcile(store, SETTINGS)
    d = record_decision(store, "confirm", [docs[2]], reason="checked", reviewer="ana")
    # the report is re-extracted as a different event entirely (other type, day and place)
    reextract(store, docs[2], [event("peaceful_protest", "2017-05-01", "Douma", [claim("AFP", "media")])])
    s = reconcile(store, SETTINGS)
    assert [u["id"] for u in s.unapplied] == [d["id"]] and s.unapplied[0]["why"]
    assert [r["id"] for r in review_log(store)] == [d["id"]]


def test_denial_makes_an_incident_contested(store):
    add_report(store, "c1", [event("air_drone_strike", "2016-07-01", "Aleppo", [
        claim("SOHR", "monitor", 12, text="SOHR said Russian jets killed 12 in Aleppo market"),
        claim("Russian Defence Ministry", "government", stance="denies",
              text="The Russian Defence Ministry denied its jets flew over Aleppo")])])
    add_report(store, "c2", [event("air_drone_strike", "2016-07-01", "Aleppo", [
        claim("Local Coordination Committees", "monitor", 14, text="air strike Aleppo market killed 14")])])
    reconcile(store, SETTINGS)
    [inc] = list_incidents(store)
    assert inc["grade"] == "contested" and inc["contested"]
    assert any("denies" in r for r in inc["contested_reasons"])
    # the denial's figure-less claim is listed but never used for figures
    assert inc["fatalities"]["total"]["low"] == 12


def test_statement_denial_and_disputed_responsibility(store):
    add_report(store, "s1", [event("attack", "2016-07-10", "Aleppo",
                                   [claim("SOHR", "monitor", 20)], perpetrator=("Islamic State", "jihadist_group"))],
               statements=[{"source": {"name": "Islamic State", "type": "armed_group"}, "stance": "denies",
                            "about": "the attack", "start": 0, "end": 2, "text": "s1"}])
    reconcile(store, SETTINGS)
    [inc] = list_incidents(store)
    assert inc["grade"] == "contested" and inc["statements"][0]["stance"] == "denies"
    add_report(store, "s2", [event("attack", "2016-07-20", "Aleppo", [claim("SOHR", "monitor", 7)],
                                   perpetrator=("Syrian government forces", "state_forces"))])
    add_report(store, "s3", [event("attack", "2016-07-20", "Aleppo", [claim("SANA", "state_media", 7)],
                                   perpetrator=("Jabhat al-Nusra", "jihadist_group"))])
    reconcile(store, SETTINGS)
    disputed = [i for i in list_incidents(store) if i["date"]["start"] == "2016-07-20"]
    assert len(disputed) == 1 and disputed[0]["grade"] == "contested"
    assert any("responsibility" in r for r in disputed[0]["contested_reasons"])


@pytest.mark.parametrize("claims,grade", [
    ([claim("Enab Baladi", "media", 3)], "weak"),
    ([claim("SOHR", "monitor", 3)], "fair"),
    ([claim("Enab Baladi", "media", 3), claim("Reuters", "media", 3)], "fair"),
    ([claim("SOHR", "monitor", 3), claim("Syrian Observatory for Human Rights", "monitor", 4)], "fair"),
    ([claim("SOHR", "monitor", 3), claim("UNICEF", "international_org", 4)], "confirmed"),
])
def test_grades(store, claims, grade):
    add_report(store, "g", [event("air_drone_strike", "2016-07-01", "Aleppo", claims)])
    reconcile(store, SETTINGS)
    assert list_incidents(store)[0]["grade"] == grade


def test_events_without_place_or_date(store):
    a = add_report(store, "n1", [event("air_drone_strike", "2016-07-01", None, [claim("SOHR", "monitor", 3)])])
    b = add_report(store, "n2", [event("air_drone_strike", "2016-07-01", None, [claim("SOHR", "monitor", 3)])])
    c = add_report(store, "n3", [event("air_drone_strike", None, "Aleppo", [claim("AFP", "media", 3)])],
                   published="2016-07-02")
    d = add_report(store, "n4", [event("air_drone_strike", "2016-07-01", "Aleppo", [claim("SOHR", "monitor", 3)])])
    reconcile(store, SETTINGS)
    groups = set(_by_reports(store))
    # no country: never compared; undated: dated by its report's publication
    assert frozenset([a]) in groups and frozenset([b]) in groups
    assert frozenset([c, d]) in groups


def test_review_validation_errors(store):
    docs = add_all(store, khan_shaykhun_reports()[:2])
    reconcile(store, SETTINGS)
    inc = list_incidents(store)[0]["id"]
    with pytest.raises(ReviewError):
        record_decision(store, "merge", [docs[0], docs[1]], reason="x")  # already one
    with pytest.raises(ReviewError):
        record_decision(store, "edit", [inc], field="fatalities.total", value="12")  # no reason
    with pytest.raises(ReviewError):
        record_decision(store, "edit", [inc], field="fatalities.total", value="9-3", reason="x")
    with pytest.raises(ReviewError):
        record_decision(store, "edit", [inc], field="colour", value="red", reason="x")
    with pytest.raises(ReviewError):
        record_decision(store, "confirm", ["Ideadbeef00"])
    with pytest.raises(NotFound):
        get_incident(store, "Inothere")
    assert review_log(store) == []


def test_review_log_is_append_only(store):
    docs = add_all(store, khan_shaykhun_reports()[:2])
    reconcile(store, SETTINGS)
    record_decision(store, "confirm", [docs[0]], reviewer="ana", reason="seen")
    for stmt in (t.review_log.update().values(reason="changed"), t.review_log.delete()):
        with pytest.raises(sa.exc.DBAPIError):
            with store.engine.begin() as conn:
                conn.execute(stmt)
    [d] = review_log(store)
    assert (d["reviewer"], d["action"], d["reason"]) == ("ana", "confirm", "seen")
    assert d["target"].startswith(f"event:{docs[0]}/")


def test_edits_of_date_place_actor_and_type(store):
    docs = add_all(store, khan_shaykhun_reports()[:3])
    reconcile(store, SETTINGS)
    inc = list_incidents(store)[0]["id"]
    for field, value in (("date", "2017-04-03/2017-04-04"), ("place", "Khan Sheikhoun"),
                         ("actor", "perpetrator=Syrian Air Force"), ("type", "air_drone_strike"),
                         ("injured.total", "300-400")):
        record_decision(store, "edit", [inc], field=field, value=value, reason="checked", reviewer="ana")
    s = reconcile(store, SETTINGS)
    assert s.applied == 5 and not s.unapplied
    got = get_incident(store, inc)
    assert (got["date"]["start"], got["date"]["end"]) == ("2017-04-03", "2017-04-04")
    assert got["location"]["name"] == "Khan Sheikhoun" and got["location"]["admin1_iso"] == "SY-ID"
    assert got["location"]["lat"] is None  # the old coordinates were of the automatic place
    assert [a["name"] for a in got["actors"] if a["role"] == "perpetrator"] == ["Syrian Air Force"]
    assert (got["type"], got["sub_type"]) == ("explosions_remote_violence", "air_drone_strike")
    assert (got["injured"]["total"]["low"], got["injured"]["total"]["high"]) == (300, 400)
    assert [e["field"] for e in got["review"]["edits"]] == ["date", "location", "actor", "type",
                                                          "injured.total"]
    assert got["review"]["edits"][0]["automatic"]["start"] == "2017-04-04"
    assert set(got["reports"]) == set(docs)
