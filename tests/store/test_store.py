"""The store on both backends: migrations, idempotent documents, append-only review log."""

import sqlalchemy as sa
import pytest

from marsad.errors import NotFound
from marsad.store import NewDocument, Store
from marsad.store import schema as t


def test_migrations_create_every_table(store):
    assert store.revision() == "0001"
    names = set(sa.inspect(store.engine).get_table_names())
    assert {"documents", "arrivals", "extractions", "events", "claims", "incidents",
            "incident_events", "review_log", "meta"} <= names


def test_same_text_is_one_document_and_every_arrival_is_logged(store):
    raw = "Ten killed in Idlib.".encode()
    first = store.add_document(NewDocument(text="Ten killed in Idlib.", raw=raw, via="file", origin="a.txt"))
    again = store.add_document(NewDocument(text="Ten killed in Idlib.", raw=raw, via="file", origin="b.txt"))
    assert first.created and not again.created and first.id == again.id
    assert store.count("documents") == 1
    doc = store.get_document(first.id[:10], with_raw=True)
    assert doc["raw"] == raw
    assert [a["origin"] for a in doc["arrivals"]] == ["a.txt", "b.txt"]


def test_raw_bytes_are_kept_exactly(store):
    raw = b"\xef\xbb\xbfcaf\xc3\xa9\r\n"
    res = store.add_document(NewDocument(text="café", raw=raw, via="file"))
    assert store.get_document(res.id, with_raw=True)["raw"] == raw


def test_unknown_document_is_a_named_error(store):
    with pytest.raises(NotFound):
        store.get_document("deadbeefdeadbeef")


def test_review_log_refuses_update_and_delete(store):
    import datetime as dt

    with store.engine.begin() as conn:
        conn.execute(t.review_log.insert().values(
            created_at=dt.datetime.now(dt.timezone.utc), action="confirm", target="incident:x"))
    for stmt in (t.review_log.update().values(action="reject"), t.review_log.delete()):
        with pytest.raises(sa.exc.DBAPIError):
            with store.engine.begin() as conn:
                conn.execute(stmt)
    assert store.count("review_log") == 1


def test_reopening_does_not_migrate_twice(db_url):
    with Store.open(db_url) as s:
        s.add_document(NewDocument(text="x", raw=b"x", via="stdin"))
    with Store.open(db_url) as s:
        assert s.revision() == "0001" and s.count("documents") == 1


def _result(n_killed):
    return {"schema": "marsad.extraction/1", "document": {}, "statements": [], "events": [{
        "id": "e1", "type": "explosions_remote_violence", "sub_type": "air_drone_strike",
        "date": {"start": "2017-04-04", "end": "2017-04-04", "precision": 1, "text": "Tuesday"},
        "location": {"name": "Khan Shaykhun", "country": "SY", "admin1_iso": "SY-ID", "lat": 35.4,
                     "lon": 36.6, "precision": 1, "text": "Khan Shaykhun"},
        "fatalities": {"total": {"low": n_killed, "best": n_killed, "high": None, "text": "x"}},
        "claims": [{"source": {"name": "SOHR", "type": "monitor"}, "stance": "asserts",
                    "start": 0, "end": 5, "text": "Idlib"}],
    }]}


def test_extractions_are_kept_per_version_and_one_is_current(store):
    doc = store.add_document(NewDocument(text="Idlib strike", raw=b"Idlib strike", via="stdin"))
    store.save_extraction(doc.id, "0.1", _result(58))
    store.save_extraction(doc.id, "0.2", _result(72))
    store.save_extraction(doc.id, "0.2", _result(72))  # same version again: replaced, not added
    assert store.count("extractions") == 2
    events = list(store.iter_current_events())
    assert [e["fatalities_best"] for e in events] == [72]
    assert events[0]["data"]["claims"][0]["source"]["name"] == "SOHR"
    assert store.get_extraction(doc.id, "0.1")["result"]["events"][0]["fatalities"]["total"]["best"] == 58
    assert store.documents_needing_extraction("0.3") == [doc.id]
    assert store.documents_needing_extraction("0.2") == []
