"""``marsad export`` and ``marsad report``: the commands over the library, with the
incidents served by a stand-in for ``marsad.reconcile.list_incidents``."""

from __future__ import annotations

import csv
import io
import json
import sys
import types

import pytest


@pytest.fixture
def served(incidents, monkeypatch):
    """Serve the fixture incidents as the reconcile library would (filtering them as the
    store does); record the filters asked for."""
    from marsad.export.common import filter_incidents

    calls: list[dict] = []

    def list_incidents(store, *, since=None, until=None, country=None, admin1=None,
                       type=None, limit=None):  # noqa: A002
        calls.append({k: v for k, v in (("since", since), ("until", until),
                                        ("country", country), ("admin1", admin1)) if v})
        return filter_incidents(incidents, since=since, until=until, country=country,
                                admin1=admin1)

    fake = types.ModuleType("marsad.reconcile")
    fake.list_incidents = list_incidents
    monkeypatch.setitem(sys.modules, "marsad.reconcile", fake)
    return calls


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'marsad.sqlite'}"


def test_export_acled_to_file(cli, served, db, tmp_path):
    out = tmp_path / "acled.csv"
    r = cli("export", "--format", "acled-csv", "--output", out, db=db)
    assert r.code == 0, r.err
    assert "exported 4 incident(s) as acled-csv" in r.out
    raw = out.read_bytes()
    assert raw.count(b"\r\n") >= 5 and raw.decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert [r_["event_id_cnty"] for r_ in rows] == ["SYR17", "SYR18", "SYR-inc-19", "IRQ20"]


def test_export_geojson_to_stdout_counts_omitted(cli, served, db):
    r = cli("export", "--format", "geojson", "--country", "SY", "--since", "2017-04-01", db=db)
    assert r.code == 0, r.err
    fc = json.loads(r.out)
    assert fc["type"] == "FeatureCollection"
    assert sorted(f["id"] for f in fc["features"]) == [17, 18]
    assert "1 omitted (without coordinates)" in r.err
    assert served[-1] == {"country": "SY", "since": "2017-04-01"}


def test_filters_the_library_lacks_are_applied_here(cli, incidents, monkeypatch, db):
    fake = types.ModuleType("marsad.reconcile")
    fake.list_incidents = lambda store: incidents  # an older signature: no filters
    monkeypatch.setitem(sys.modules, "marsad.reconcile", fake)
    r = cli("export", "-f", "jsonl", "--country", "Iraq", db=db)
    assert r.code == 0 and [json.loads(x)["id"] for x in r.out.splitlines()] == [20]


def test_country_names_become_iso_codes(cli, served, db):
    r = cli("export", "-f", "jsonl", "--country", "Syria", db=db)
    assert r.code == 0 and served[-1] == {"country": "SY"}
    assert len(r.out.splitlines()) == 3


def test_export_jsonl_and_ucdp(cli, served, db):
    r = cli("export", "-f", "jsonl", "--admin1", "Idlib", db=db)
    assert r.code == 0 and [json.loads(x)["id"] for x in r.out.splitlines()] == [17]
    r = cli("export", "-f", "ucdp-csv", db=db)
    assert r.code == 0
    assert len(list(csv.DictReader(io.StringIO(r.out, newline="")))) == 3
    assert "1 omitted" in r.err


def test_export_bad_input(cli, served, db, tmp_path):
    r = cli("export", "-f", "acled-csv", "--since", "last week", db=db)
    assert r.code == 1 and "is not a date" in r.err
    r = cli("export", "-f", "xlsx", db=db)
    assert r.code != 0
    r = cli("export", "-f", "jsonl", "-o", tmp_path / "missing" / "x.jsonl", db=db)
    assert r.code == 1 and "does not exist" in r.err


def test_report_markdown_with_images_beside(cli, served, db, tmp_path):
    out = tmp_path / "sitrep.md"
    r = cli("report", "--output", out, "--country", "Syria", db=db)
    assert r.code == 0, r.err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Situation report: Syria, 2017-04-04 to 2017-04-08")
    for name in ("sitrep-map.png", "sitrep-daily.png"):
        assert (tmp_path / name).read_bytes()[:4] == b"\x89PNG"
        assert f"]({name})" in text
    assert "report on 3 incident(s)" in r.out


def test_report_html_to_stdout(cli, served, db):
    r = cli("report", "--format", "html", "--until", "2017-04-05", db=db)
    assert r.code == 0, r.err
    assert r.out.startswith("<!DOCTYPE html>") and "data:image/png;base64," in r.out
    assert "Situation report: all areas" in r.out
    assert "<script" not in r.out
