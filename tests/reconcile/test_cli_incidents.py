"""The commands: reconcile, incidents, incident, review ... (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

from marsad.store import Store

from .reconcile_helpers import add_all, khan_shaykhun_reports, other_idlib_reports

REQUIRED = {"id", "type", "sub_type", "date", "location", "fatalities", "injured", "grade", "reports",
            "claims"}


def _seed(db_url):
    with Store.open(db_url) as s:
        return add_all(s, khan_shaykhun_reports() + other_idlib_reports())


def test_reconcile_and_list(cli, db_url):
    docs = _seed(db_url)
    r = cli("reconcile", db=db_url)
    assert r.code == 0, r.err
    assert "10 events -> 3 incidents" in r.out and "3 new" in r.out
    r = cli("incidents", "--format", "jsonl", db=db_url)
    lines = [json.loads(x) for x in r.out.splitlines()]
    assert len(lines) == 3 and all(REQUIRED <= set(x) for x in lines)
    ks = next(x for x in lines if docs[0] in x["reports"])
    assert ks["fatalities"]["total"]["rule"] and ks["date"]["start"] == "2017-04-04"
    assert all({"source", "stance", "text", "document_id", "start", "end"} <= set(c) for c in ks["claims"])
    r = cli("incidents", "--type", "armed_clash", "--format", "json", db=db_url)
    assert [x["sub_type"] for x in json.loads(r.out)] == ["armed_clash"]
    r = cli("incidents", "--source", "SANA", "--format", "json", db=db_url)
    assert len(json.loads(r.out)) == 1
    r = cli("incidents", "--since", "2017-04-04", "--until", "2017-04-04", "--format", "json", db=db_url)
    assert len(json.loads(r.out)) == 3
    r = cli("incidents", "--since", "2017-04-05", "--format", "json", db=db_url)
    assert json.loads(r.out) == []
    r = cli("incidents", "--since", "last week", db=db_url)   # refused, not an empty list
    assert r.code == 2 and "not a date" in r.err
    r = cli("incidents", "--admin1", "SY-HL", "--format", "json", db=db_url)
    assert json.loads(r.out) == []
    r = cli("incidents", db=db_url)
    assert r.code == 0 and "3 incidents" in r.out


def test_incident_provenance_and_review_commands(cli, db_url):
    docs = _seed(db_url)
    cli("reconcile", db=db_url)
    ks = next(x for x in json.loads(cli("incidents", "--format", "json", db=db_url).out)
              if docs[0] in x["reports"])
    r = cli("incident", ks["id"], db=db_url)
    assert r.code == 0 and "Asharq" in r.out and "monitor" in r.out
    r = cli("review", "edit", ks["id"], "fatalities.total", "58-70-100", "--reason", "UN count",
            "--reviewer", "ana", db=db_url)
    assert r.code == 0, r.err
    r = cli("review", "split", ks["id"], docs[4], "--reviewer", "ana", db=db_url)
    assert r.code == 0, r.err
    r = cli("review", "merge", docs[7], docs[9], "--reason", "same", db=db_url)
    assert r.code == 0, r.err
    r = cli("review", "confirm", docs[9], db=db_url)
    assert r.code == 0, r.err
    inc = json.loads(cli("incident", ks["id"], "--format", "json", db=db_url).out)
    assert inc["fatalities"]["total"]["best"] == 70 and docs[4] not in inc["reports"]
    r = cli("reconcile", "--full", "--format", "json", db=db_url)
    s = json.loads(r.out)
    assert s["applied"] == 4 and s["unapplied"] == []
    log = json.loads(cli("review", "log", "--format", "json", db=db_url).out)
    assert [d["action"] for d in log] == ["edit", "split", "merge", "confirm"]
    assert log[0]["reviewer"] == "ana" and log[0]["payload"]["value"]["best"] == 70
    r = cli("review", "log", db=db_url)
    assert r.code == 0 and "UN count" in r.out
    r = cli("review", "edit", ks["id"], "date", "2017-13-01", "--reason", "x", db=db_url)
    assert r.code == 1 and "M603" in r.err
    r = cli("incident", "Inothing", db=db_url)
    assert r.code == 1 and "M204" in r.err
