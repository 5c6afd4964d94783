"""End to end on a real store: ingest a few dev reports, reconcile, then export and report
through the commands. Checks that the exports carry exactly what ``list_incidents``
returns (the reconciliation itself is tested in tests/reconcile)."""

from __future__ import annotations

import csv
import io
import json

import pytest

CLUSTERS = ("2017-04-04/idlib",)


@pytest.fixture
def reconciled_store(shared_corpus, settings, tmp_path, cli):
    reconcile_mod = pytest.importorskip("marsad.reconcile")
    docs = []
    for line in (shared_corpus / "fakes-dev.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if (d.get("gold") or {}).get("cluster") in CLUSTERS:
            d.pop("gold")
            docs.append(d)
    assert len(docs) >= 3
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in docs[:4]) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'e2e.sqlite'}"
    r = cli("ingest", path, db=db)
    assert r.code == 0, r.err
    from marsad.store import Store

    store = Store.open(db)
    reconcile_mod.reconcile(store, settings)
    incidents = reconcile_mod.list_incidents(store)
    store.close()
    assert incidents, "reconciliation produced no incident"
    return db, incidents


def test_exports_and_report_from_the_store(reconciled_store, cli, tmp_path):
    db, incidents = reconciled_store
    out = tmp_path / "acled.csv"
    r = cli("export", "-f", "acled-csv", "-o", out, db=db)
    assert r.code == 0, r.err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert [row["marsad_id"] for row in rows] == [str(i["id"]) for i in incidents]
    for row, inc in zip(rows, incidents):
        assert row["event_date"] == (inc["date"]["start"] or "")
        low = ((inc.get("fatalities") or {}).get("total") or {}).get("low")
        if low is not None:
            assert row["fatalities"] == str(low)

    r = cli("export", "-f", "jsonl", db=db)
    assert [json.loads(x) for x in r.out.splitlines()] == json.loads(json.dumps(incidents))

    r = cli("export", "-f", "geojson", db=db)
    fc = json.loads(r.out)
    located = [i for i in incidents if (i.get("location") or {}).get("lat") is not None]
    assert len(fc["features"]) == len(located)
    for f, inc in zip(fc["features"], located):
        assert f["geometry"]["coordinates"] == [round(inc["location"]["lon"], 6),
                                                round(inc["location"]["lat"], 6)]

    report = tmp_path / "sitrep.html"
    r = cli("report", "--country", "SY", "-o", report, db=db)
    assert r.code == 0, r.err
    page = report.read_text(encoding="utf-8")
    assert "Situation report: Syria" in page and page.count("data:image/png;base64,") >= 1
