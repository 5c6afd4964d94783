"""ACLED-style and UCDP-style CSV, GeoJSON and JSONL exports, parsed back by independent
readers (csv.DictReader, json, the ``geojson`` package)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from marsad.export import export_incidents
from marsad.export.acled import ACLED_COLUMNS, acled_csv, interaction
from marsad.export.common import filter_incidents, safe_cell, total_range
from marsad.export.ucdp import UCDP_COLUMNS, date_prec, ucdp_csv


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _by(rows, key, value):
    return next(r for r in rows if r[key] == value)


# ------------------------------------------------------------------ ACLED

def test_acled_columns_and_values(incidents):
    text = acled_csv(incidents, now=1_700_000_000)
    rows = _rows(text)
    assert list(rows[0].keys()) == list(ACLED_COLUMNS)
    assert len(rows) == len(incidents)
    ks = _by(rows, "marsad_id", "17")
    assert ks["event_id_cnty"] == "SYR17"
    assert ks["event_date"] == "2017-04-04" and ks["year"] == "2017"
    assert ks["time_precision"] == "1"
    assert ks["disorder_type"] == "Political violence"
    assert ks["event_type"] == "Explosions/Remote violence"
    assert ks["sub_event_type"] == "Chemical weapon"
    assert ks["actor1"] == "Syrian government forces"
    assert ks["assoc_actor_1"] == "Russian air force"
    assert (ks["inter1"], ks["inter2"], ks["interaction"]) == ("1", "7", "17")
    assert ks["actor2"] == "Civilians" and ks["civilian_targeting"] == "Civilian targeting"
    assert (ks["iso"], ks["country"], ks["region"]) == ("760", "Syria", "Middle East")
    assert (ks["admin1"], ks["location"]) == ("Idlib", "Khan Shaykhun")
    assert (ks["latitude"], ks["longitude"], ks["geo_precision"]) == ("35.4414", "36.6517", "1")
    assert ks["source"] == ("Syrian Observatory for Human Rights; World Health Organization; "
                            "Idlib health directorate")
    # ACLED's conservative single figure is the low of the range
    assert ks["fatalities"] == "58"
    assert (ks["fatalities_low"], ks["fatalities_best"], ks["fatalities_high"]) == ("58", "72", "100")
    assert "58\u2013100 (best 72)" in ks["notes"] and "Denied by: Syrian government" in ks["notes"]
    assert "contested" in ks["tags"].split("; ")
    assert ks["timestamp"] == "1700000000"
    # civilians + combatants when there is no total; the sum of the lows
    iq = _by(rows, "marsad_id", "20")
    assert iq["fatalities"] == "7" and iq["event_id_cnty"] == "IRQ20"
    assert (iq["inter1"], iq["inter2"], iq["interaction"]) == ("8", "2", "28")
    # no figure: 0 (ACLED convention); a sole actor gives interaction inter1 * 10
    pr = _by(rows, "marsad_id", "inc-19")
    assert pr["fatalities"] == "0" and pr["fatalities_best"] == ""
    assert pr["disorder_type"] == "Demonstrations" and pr["interaction"] == "60"
    assert pr["latitude"] == "" and pr["event_id_cnty"] == "SYR-inc-19"
    # open-ended range: no high, tagged
    bt = _by(rows, "marsad_id", "18")
    assert bt["fatalities_high"] == "12" and "fatalities open-ended" in bt["tags"]
    assert "Fatalities: at least 12." in bt["notes"]
    assert bt["time_precision"] == "2"


def test_acled_csv_is_rfc4180_and_quotes_hostile_text(incidents, hostile):
    incidents[0]["location"]["name"] = 'Khan "Shaykhun",\nIdlib \u062e\u0627\u0646'
    text = acled_csv(incidents, now=0)
    # CRLF line ends between records (a newline inside a quoted cell stays as typed)
    assert text.endswith("\r\n") and text.count("\r\n") == len(incidents) + 1
    rows = _rows(text)
    ks = _by(rows, "marsad_id", "17")
    assert ks["location"] == 'Khan "Shaykhun",\nIdlib \u062e\u0627\u0646'
    assert '"Khan ""Shaykhun"",\nIdlib' in text  # quoted, quotes doubled
    # the generated notes carry the place (whitespace flattened), commas and quotes intact
    assert 'in Khan "Shaykhun", Idlib \u062e\u0627\u0646, Idlib, Syria.' in ks["notes"]
    bt = _by(rows, "marsad_id", "18")
    # formula injection defused in text columns only
    assert bt["location"].startswith("'=HYPERLINK(")
    assert bt["actor2"] == "'-Hay'at Tahrir al-Sham"
    assert hostile in bt["location"]


def test_numeric_columns_are_never_prefixed(incidents):
    inc = incidents[1]
    inc["location"].update({"lat": -33.5, "lon": -70.65})
    rows = _rows(acled_csv([inc], now=0))
    assert rows[0]["latitude"] == "-33.5000" and rows[0]["longitude"] == "-70.6500"
    assert float(rows[0]["longitude"]) == pytest.approx(-70.65)


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+49", "'+49"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("Aleppo", "Aleppo"), ("a=b", "a=b"), (None, ""), (12, "12"),
])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_interaction_codes():
    assert interaction(1, 7) == 17 and interaction(7, 1) == 17
    assert interaction(6, 0) == 60 and interaction(0, 0) == 0 and interaction(2, 2) == 22


def test_countries_are_exported_by_the_names_the_gazetteer_shows():
    from marsad.export.common import country_info

    assert country_info("PS")["name"] == "Palestine" and country_info("Palestine")["iso3"] == "PSE"
    assert country_info("TR")["name"] == "Turkey" and country_info("Russia")["iso2"] == "RU"


def test_missing_everything_still_exports():
    rows = _rows(acled_csv([{"id": 1}, {"id": 2, "location": None, "actors": None,
                                        "fatalities": None, "claims": None}], now=0))
    assert [r["event_id_cnty"] for r in rows] == ["XXX1", "XXX2"]
    assert all(r["fatalities"] == "0" and r["event_date"] == "" for r in rows)


# ------------------------------------------------------------------ UCDP

def test_ucdp_columns_values_and_omissions(incidents):
    text, omitted = ucdp_csv(incidents)
    rows = _rows(text)
    assert list(rows[0].keys()) == list(UCDP_COLUMNS)
    assert omitted == 1 and len(rows) == 3  # the protest has no death and is not violence
    ks = _by(rows, "id", "17")
    assert ks["type_of_violence"] == "3"  # one-sided: organised actor against civilians
    assert (ks["low"], ks["best"], ks["high"]) == ("58", "72", "100")
    assert ks["deaths_civilians"] == "72" and ks["deaths_unknown"] == "0"
    assert (ks["where_prec"], ks["date_prec"]) == ("1", "1")
    assert ks["geom_wkt"] == "POINT (36.651700 35.441400)"
    assert ks["number_of_sources"] == "3"
    bt = _by(rows, "id", "18")
    assert bt["type_of_violence"] == "1" and bt["side_a"] == "Syrian government forces"
    assert bt["where_prec"] == "2" and bt["date_prec"] == "2"  # a 3-day range
    assert bt["high"] == "12" and bt["best"] == "12"  # open-ended: the highest asserted
    assert bt["side_b"].startswith("'-")
    iq = _by(rows, "id", "20")
    assert (iq["low"], iq["best"], iq["high"]) == ("7", "10", "12")
    assert (iq["deaths_civilians"], iq["deaths_unknown"]) == ("7", "3")


@pytest.mark.parametrize("start,end,prec,expected", [
    ("2020-01-01", "2020-01-01", 1, 1), ("2020-01-01", "2020-01-04", 2, 2),
    ("2020-01-01", "2020-01-07", 2, 3), ("2020-01-01", "2020-01-20", 3, 4),
    ("2020-01-01", "2020-03-01", 3, 5), ("2020-01-01", None, 2, 3), ("2020-01-01", None, 3, 4),
])
def test_ucdp_date_prec(start, end, prec, expected):
    assert date_prec({"date": {"start": start, "end": end, "precision": prec}}) == expected


def test_total_range_falls_back_on_groups(incidents):
    assert tuple(total_range(incidents[3])) == (7, 10, 12, False)
    assert tuple(total_range(incidents[1])) == (12, 12, 12, True)
    incidents[1]["fatalities"]["total"] = {"low": 12, "best": 15, "high": None}
    assert tuple(total_range(incidents[1])) == (12, 15, None, True)  # contract shape
    incidents[3]["fatalities"]["civilians"]["open"] = True
    assert tuple(total_range(incidents[3])) == (7, 10, 12, True)
    assert not total_range(incidents[2]).known


# ------------------------------------------------------------------ GeoJSON and JSONL

def test_geojson_structure(incidents):
    incidents.append({"id": 99, "type": "battles",
                      "location": {"name": "nowhere", "lat": 200, "lon": 10}})
    exp = export_incidents(incidents, "geojson")
    assert (exp.written, exp.omitted) == (3, 2)
    fc = json.loads(exp.text)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 3
    by_id = {f["id"]: f for f in fc["features"]}
    assert set(by_id) == {17, 18, 20}
    for inc in incidents:
        f = by_id.get(inc["id"])
        if f is None:
            continue
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert (lat, lon) == (pytest.approx(inc["location"]["lat"]),
                              pytest.approx(inc["location"]["lon"]))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["id"] == inc["id"]
    p = by_id[17]["properties"]
    assert (p["fatalities_low"], p["fatalities_best"], p["fatalities_high"]) == (58, 72, 100)
    assert p["event_type"] == "Explosions/Remote violence" and p["contested"] is True
    assert by_id[18]["properties"]["fatalities_open_ended"] is True


def test_geojson_valid_for_an_independent_parser(incidents):
    geojson = pytest.importorskip("geojson", reason="the geojson package (test extra) is not installed")
    text = export_incidents(incidents, "geojson").text
    obj = geojson.loads(text)
    assert isinstance(obj, geojson.FeatureCollection)
    assert obj.is_valid, obj.errors()
    assert all(isinstance(f.geometry, geojson.Point) for f in obj.features)


def test_jsonl_round_trip(incidents):
    text = export_incidents(incidents, "jsonl").text
    lines = text.splitlines()
    assert len(lines) == len(incidents)
    assert [json.loads(line) for line in lines] == incidents


def test_unknown_format_is_a_named_error(incidents):
    from marsad.errors import InputError

    with pytest.raises(InputError):
        export_incidents(incidents, "xlsx")


# ------------------------------------------------------------------ filters

def test_filters(incidents):
    ids = lambda xs: sorted(str(x["id"]) for x in xs)  # noqa: E731
    assert ids(filter_incidents(incidents, country="IQ")) == ["20"]
    assert ids(filter_incidents(incidents, country="Iraq")) == ["20"]
    assert ids(filter_incidents(incidents, admin1="sy-id")) == ["17"]
    assert ids(filter_incidents(incidents, admin1="Hama")) == ["18"]
    assert ids(filter_incidents(incidents, since="2017-04-07")) == ["18", "inc-19"]
    assert ids(filter_incidents(incidents, until="2017-04-04")) == ["17"]
    assert ids(filter_incidents(incidents, since="2018-01-01")) == []


def test_reconcile_shaped_incident(reconciled):
    row = _rows(acled_csv([reconciled], now=0))[0]
    assert row["event_id_cnty"] == "SYR-I3f2a9c0d11be"
    assert row["source"] == "SOHR; SANA"
    assert row["source_scale"] == "National-Other"  # from the independent sources' types
    assert row["fatalities"] == "9" and row["fatalities_high"] == "15"
    assert "9\u201315+ (best 11)" in row["notes"]
    assert "Denied by: Russian Ministry of Defence" in row["notes"]
    assert (row["inter1"], row["inter2"]) == ("8", "7")
    fc = json.loads(export_incidents([reconciled], "geojson").text)
    assert fc["features"][0]["properties"]["sources"] == ["SOHR", "SANA"]
    assert fc["features"][0]["properties"]["fatalities_open_ended"] is True
    urow = _rows(ucdp_csv([reconciled])[0])[0]
    assert urow["type_of_violence"] == "3" and urow["date_prec"] == "2"
    assert urow["source_article"] == "Reuters (document a); SANA (document b)"
