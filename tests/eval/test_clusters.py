import pytest

from marsad.eval.clusters import bcubed, disagreements, predicted_incidents, score_clusters


def test_bcubed_known_answer():
    gold = {"a": 1, "b": 1, "c": 2}
    pred = {"a": "X", "b": "Y", "c": "Y"}
    # precision: a 1, b 1/2, c 1/2 -> 2/3 ; recall: a 1/2, b 1/2, c 1 -> 2/3
    assert bcubed(gold, pred) == {"precision": 0.6667, "recall": 0.6667, "f1": 0.6667}


def test_bcubed_all_merged_and_all_split():
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert bcubed(gold, dict.fromkeys(gold, "X")) == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    # None = no incident: each report its own singleton
    assert bcubed(gold, dict.fromkeys(gold, None)) == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert bcubed(gold, {"a": "X", "b": "X", "c": "Y", "d": "Y"})["f1"] == 1.0


def test_disagreements_name_splits_and_merges():
    gold = {"a": 1, "b": 1, "c": 2}
    d = disagreements(gold, {"a": "X", "b": "Y", "c": "Y"})
    kinds = sorted(x["kind"] for x in d)
    assert kinds == ["merged", "split"]
    s = score_clusters(gold, {"a": "X", "b": "Y", "c": "Y"})
    assert s["gold_clusters"] == 2 and s["predicted_incidents"] == 2


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_predicted_incidents_reads_main_event_of_each_document(store):
    import datetime as dt

    from marsad.store import schema as t
    from marsad.store.db import NewDocument

    ev = lambda: {"type": "battles", "sub_type": "armed_clash", "location": None}  # noqa: E731
    a = store.add_document(NewDocument(text="report a", raw=b"a", via="jsonl")).id
    b = store.add_document(NewDocument(text="report b", raw=b"b", via="jsonl")).id
    c = store.add_document(NewDocument(text="report c", raw=b"c", via="jsonl")).id
    for d in (a, b):
        store.save_extraction(d, "t", {"events": [ev(), ev()]})
    store.save_extraction(c, "t", {"events": []})
    now = dt.datetime.now(dt.timezone.utc)
    with store.engine.begin() as conn:
        ids = {(r.document_id, r.rank): r.id for r in conn.execute(t.events.select())}
        for inc in ("I1", "I2"):
            conn.execute(t.incidents.insert().values(id=inc, data={}, updated_at=now))
        conn.execute(t.incident_events.insert(), [
            {"incident_id": "I1", "event_id": ids[(a, 0)]},
            {"incident_id": "I2", "event_id": ids[(a, 1)]},
            {"incident_id": "I2", "event_id": ids[(b, 0)]},
        ])
    assert predicted_incidents(store, {"ra": a, "rb": b, "rc": c}) == {"ra": "I1", "rb": "I2", "rc": None}
