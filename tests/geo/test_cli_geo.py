"""`marsad geocode` and `marsad gazetteer ...` as a person or a script runs them."""

from __future__ import annotations

import json
import shutil

from pathlib import Path

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "SY-sample.txt"


def test_geocode_table_and_json(cli, gaz):
    r = cli("geocode", "Lattakia")
    assert r.code == 0, r.err
    for field in ("name", "country", "admin1", "admin1_iso", "admin2", "lat", "lon", "feature",
                  "geonames_id"):
        assert field in r.out
    assert "SY-LA" in r.out
    r = cli("geocode", "Aleppo", "--country", "SY", "--json")
    assert r.code == 0
    data = json.loads(r.out)
    assert data["admin1_iso"] == "SY-HL" and data["country"] == "SY"
    assert set(data) >= {"name", "country", "admin1", "admin1_iso", "admin2", "lat", "lon",
                         "feature", "geonames_id", "alternatives"}
    assert any(a["feature"] == "admin1" for a in data["alternatives"])


def test_geocode_no_match_exit_1(cli, gaz):
    r = cli("geocode", "Qwxyzzy Town")
    assert r.code == 1
    assert "no match" in r.err and "M504" in r.err
    assert len(r.err.strip().splitlines()) <= 2     # one message, no traceback
    assert "Traceback" not in r.err


def test_gazetteer_info(cli, gaz):
    r = cli("gazetteer", "info", "--country", "SY", "--format", "json")
    assert r.code == 0
    info = json.loads(r.out)
    assert info["build_version"] and info["places"] > 200000
    assert info["country"]["admin1_codes_mapped"] == "14/14"


def test_gazetteer_import_then_geocode(cli, gaz, tmp_path, monkeypatch):
    copy = tmp_path / "g.sqlite"
    shutil.copyfile(gaz.path, copy)
    monkeypatch.setenv("MARSAD_GAZETTEER_PATH", str(copy))
    r = cli("geocode", "Al-Qabu", "--country", "SY")
    assert r.code == 1
    r = cli("gazetteer", "import", str(SAMPLE), "--country", "SY")
    assert r.code == 0, r.err
    assert "malformed 3" in r.out and "imported 6" in r.out
    r = cli("geocode", "Al-Qabu", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["admin1_iso"] == "SY-LA"
    r = cli("gazetteer", "import", str(tmp_path / "nope.txt"))
    assert r.code == 1 and "does not exist" in r.err
