import json

import pytest

from marsad.errors import EvalError
from marsad.eval import check_floors, evaluate, evaluate_clusters, floors_from, load_gold, parse_min
from marsad.eval.baseline import naive_result

FAKES = [
    {"id": "f1", "text": "Sun 16 Apr 2017 A bomb in Aleppo killed 112 people", "gold": {
        "main_event": {"date": "2017-04-16", "admin1_iso": ["SY-HL"],
                       "killed": {"civilians": 112, "combatants": 0, "children": 0, "women": 0},
                       "perpetrator": "unknown", "cause": "explosion"}, "cluster": "2017-04-16/aleppo"}},
    {"id": "f2", "text": "Mon 17 Apr 2017 Aleppo bus blast toll rises to 120", "gold": {
        "main_event": {"date": "2017-04-15", "admin1_iso": ["SY-HL"],
                       "killed": {"civilians": 120, "combatants": 0, "children": 0, "women": 0},
                       "perpetrator": "unknown", "cause": "explosion"}, "cluster": "2017-04-16/aleppo"}},
    {"id": "f3", "text": "04-04-2017 Chemical attack in Idlib kills 58", "gold": {
        "main_event": {"date": "2017-04-04", "admin1_iso": ["SY-ID"],
                       "killed": {"civilians": 58, "combatants": 0, "children": 0, "women": 0},
                       "perpetrator": "syrian government or russian troops",
                       "cause": "chemical and toxic gases"}, "cluster": "2017-04-04/idlib"}},
]


def naive(docs):
    assert all("gold" not in d for d in docs)  # gold never reaches the extractor
    return [naive_result(d) for d in docs]


@pytest.fixture
def fakes_file(tmp_path):
    p = tmp_path / "fakes.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in FAKES))
    return p


def test_evaluate_with_given_extractor(fakes_file):
    r = evaluate(fakes_file, extractor=naive, baseline=True)
    assert r["kind"] == "fakes" and r["documents"] == 3
    assert r["counts"]["admin1"] == [3, 3]
    assert r["counts"]["date"] == [2, 3]     # f2's dateline is the 17th, gold the 15th
    assert r["counts"]["killed_exact"] == [3, 3]
    assert r["baseline"]["metrics"] == r["metrics"]
    assert evaluate(fakes_file, extractor=naive, limit=1)["documents"] == 1


def test_extractor_returning_too_few_results(fakes_file):
    with pytest.raises(EvalError, match="returned 1 results for 3"):
        evaluate(fakes_file, extractor=lambda docs: naive(docs)[:1])


def test_clusters_flow_with_stub_reconcile(fakes_file, settings):
    import sqlalchemy as sa

    from marsad.store import schema as t

    def reconcile(store, _settings):  # one incident per (admin1) of the main event
        import datetime as dt

        with store.engine.begin() as conn:
            rows = conn.execute(sa.select(t.events.c.id, t.events.c.admin1_iso)).all()
            for eid, a1 in rows:
                if not conn.execute(sa.select(t.incidents.c.id).where(t.incidents.c.id == a1)).first():
                    conn.execute(t.incidents.insert().values(id=a1, data={},
                                                             updated_at=dt.datetime.now(dt.timezone.utc)))
                conn.execute(t.incident_events.insert().values(incident_id=a1, event_id=eid))

    r = evaluate_clusters(fakes_file, settings=settings, extractor=naive, reconcile=reconcile)
    assert r["metrics"] == {"bcubed_precision": 1.0, "bcubed_recall": 1.0, "bcubed_f1": 1.0}
    assert r["gold_clusters"] == 2 and r["predicted_incidents"] == 2


def test_load_gold_kinds_and_errors(tmp_path, shared_corpus):
    assert load_gold(shared_corpus / "seed" / "ynet-syria-coast.gold.json").kind == "seed"
    seed = load_gold(shared_corpus / "seed")
    assert seed.kind == "seed" and seed.items[0].doc["text"].startswith("Fighting continues")
    assert "gold" not in seed.items[0].doc
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(FAKES[0]) + "\n{not json\n")
    with pytest.raises(EvalError, match="line 2"):
        load_gold(bad)
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(json.dumps(FAKES[0]) + "\n" + json.dumps({"text": "x", "gold": {"violation_types": []}}) + "\n")
    with pytest.raises(EvalError, match="kind hrds in a file of kind fakes"):
        load_gold(mixed)
    nogold = tmp_path / "plain.jsonl"
    nogold.write_text(json.dumps({"text": "x"}) + "\n")
    with pytest.raises(EvalError, match="main_event"):
        load_gold(nogold)
    lonely = tmp_path / "x.gold.json"
    lonely.write_text(json.dumps({"gold": {"events": []}}))
    with pytest.raises(EvalError, match="x.txt is missing"):
        load_gold(lonely)
    with pytest.raises(EvalError, match="no such gold file"):
        load_gold(tmp_path / "absent.jsonl")


def test_floors():
    assert parse_min(["admin1=0.9", "fakes.date=0.85"]) == {"admin1": 0.9, "fakes.date": 0.85}
    for bad in ("admin1", "admin1=x", "admin1=1.5", "=0.3"):
        with pytest.raises(EvalError):
            parse_min([bad])
    metrics = {"admin1": 0.93, "date": 0.84, "cause": None}
    fails = check_floors(metrics, {"admin1": 0.92, "date": 0.85, "cause": 0.5, "nope": 0.1})
    assert len(fails) == 3
    assert any(f.startswith("date: 0.8400 is below the floor 0.85") for f in fails)
    assert floors_from({"admin1": 0.9366, "date": 0.85, "x": 0.01, "y": None}) == \
        {"admin1": 0.91, "date": 0.83, "x": 0.0}


def test_cli_min_and_formats(fakes_file, cli, monkeypatch):
    import marsad.eval.run as run

    monkeypatch.setattr(run, "pipeline_extractor", lambda settings, processes=1: naive)
    ok = cli("eval", fakes_file, "--baseline", "--min", "admin1=0.9", "--min", "hrds.country=0.99")
    assert ok.code == 0, ok.err
    assert "admin1" in ok.out and "baseline" in ok.out
    low = cli("eval", fakes_file, "--min", "date=0.9", "--min", "killed_exact=0.5")
    assert low.code == 1
    assert "date: 0.6667 is below the floor 0.90" in low.err and "killed_exact" not in low.err
    unknown = cli("eval", fakes_file, "--min", "bogus=0.5")
    assert unknown.code == 1 and "no such metric" in unknown.err
    js = cli("eval", fakes_file, "--format", "json")
    data = json.loads(js.out)
    assert data["metrics"]["admin1"] == 1.0 and "rows" not in data
    verbose = cli("eval", fakes_file, "--show-errors")
    assert "f2: date gold=2017-04-15" in verbose.out
    missing = cli("eval", fakes_file.with_name("nope.jsonl"))
    assert missing.code == 1 and "M702" in missing.err


def test_cli_clusters_prints_bcubed_and_disagreements(fakes_file, cli, monkeypatch):
    import sys
    import types

    import sqlalchemy as sa

    import marsad.eval.run as run
    from marsad.store import schema as t

    def reconcile(store, _settings):  # every event its own incident: the Aleppo pair is split
        import datetime as dt

        with store.engine.begin() as conn:
            for (eid,) in conn.execute(sa.select(t.events.c.id)).all():
                conn.execute(t.incidents.insert().values(id=f"I{eid}", data={},
                                                         updated_at=dt.datetime.now(dt.timezone.utc)))
                conn.execute(t.incident_events.insert().values(incident_id=f"I{eid}", event_id=eid))

    monkeypatch.setitem(sys.modules, "marsad.reconcile", types.SimpleNamespace(reconcile=reconcile))
    monkeypatch.setattr(run, "pipeline_extractor", lambda settings, processes=1: naive)
    res = cli("eval", "--clusters", fakes_file, "--show-errors")
    assert res.code == 0, res.err
    # precision 1; recall (1/2 + 1/2 + 1) / 3
    assert "bcubed_recall" in res.out and "0.667" in res.out
    assert "gold clusters: 2" in res.out and "predicted incidents: 3" in res.out
    assert "gold cluster 2017-04-16/aleppo split" in res.out
    low = cli("eval", "--clusters", fakes_file, "--min", "bcubed_f1=0.9")
    assert low.code == 1 and "bcubed_f1" in low.err


def test_clusters_count_every_gold_line_even_with_a_repeated_id(tmp_path, settings):
    rows = [dict(FAKES[0]), dict(FAKES[0], text=FAKES[0]["text"] + " again")]
    p = tmp_path / "dup.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in rows))
    r = evaluate_clusters(p, settings=settings, extractor=naive, reconcile=lambda store, s: None)
    assert r["reports"] == 2 and r["predicted_incidents"] == 2
    assert r["metrics"]["bcubed_recall"] == 0.5


def test_keep_floors_never_lowers_a_floor_that_is_still_met():
    from marsad.eval import keep_floors

    achieved = {"admin1": 0.93, "killed": 0.80, "date": 0.50}
    new = floors_from(achieved)                      # admin1 0.91, killed 0.78, date 0.48
    old = {"admin1": 0.92, "killed": 0.70, "date": 0.55}
    floors, lowered = keep_floors(new, old, achieved)
    # admin1's old floor is still met: it stays; killed rises; date fell below its floor
    assert floors == {"admin1": 0.92, "killed": 0.78, "date": 0.48}
    assert len(lowered) == 1 and lowered[0].startswith("date: achieved 0.5000 is below the old floor 0.55")
