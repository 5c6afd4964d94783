"""The situation report: its figures, its escaping of hostile text, its images."""

from __future__ import annotations

import base64
import re
import struct
from datetime import datetime, timezone

import pytest

from marsad.export.charts import daily_png, map_png
from marsad.export.report import make_report, md, summarize

GEN = datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_summary_totals_and_breakdowns(incidents):
    s = summarize(incidents, generated=GEN)
    f = s["totals"]["fatalities"]
    # 17: 58/72/100, 18: 12/12/open, 20: 7/10/12 (civilians + combatants), 19: no figure
    assert (f["incidents"], f["with_figures"]) == (4, 3)
    assert (f["low"], f["best"], f["high"], f["open"]) == (77, 94, 124, 1)
    assert s["period"]["text"] == "2017-04-04 to 2017-04-08"
    types = {a["type"]: a for a in s["by_type"]}
    assert types["explosions_remote_violence"]["incidents"] == 2
    assert types["explosions_remote_violence"]["best"] == 82
    assert types["protests"]["with_figures"] == 0
    places = {a["admin1"]: a for a in s["by_place"]}
    assert places["Idlib"]["places"] == ["Khan Shaykhun"] and places["Nineveh"]["country"] == "Iraq"
    assert [d["day"].isoformat() for d in s["by_day"]] == [
        "2017-04-04", "2017-04-05", "2017-04-06", "2017-04-07"]
    # main incidents: by best figure, the incident without figures left out
    assert [e["id"] for e in s["main"]] == ["17", "18", "20"]
    # contested: the incident with a denial, the denial listed first
    assert [e["id"] for e in s["contested"]] == ["17"]
    first = s["contested"][0]["claims"][0]
    assert (first["source"], first["stance"]) == ("Syrian government", "denies")


def test_summary_filters(incidents):
    s = summarize(incidents, country="IQ", generated=GEN)
    assert s["incidents"] == 1 and s["area"] == "Iraq"
    assert s["totals"]["fatalities"]["best"] == 10
    s = summarize(incidents, since="2017-04-01", until="2017-04-30", admin1="Idlib")
    assert s["incidents"] == 1 and s["period"]["text"] == "2017-04-01 to 2017-04-30"


def test_html_is_self_contained_and_escapes_hostile_text(incidents, hostile):
    incidents[0]["claims"][0]["text"] = "SOHR: " + hostile
    incidents[0]["claims"][0]["source"]["name"] = '"><svg onload=alert(1)>'
    rep = make_report(incidents, fmt="html", generated=GEN)
    page = rep.text
    assert "<script" not in page.lower()
    assert "<svg" not in page
    # no element carries an event handler; the only <img> elements are the two charts
    assert not re.search(r"<[a-zA-Z][^>]*\son\w+\s*=", page)
    assert len(re.findall(r"<img\b", page)) == 2
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;svg onload=alert(1)&gt;" in page
    # nothing fetched from anywhere: no remote URL in src/href, no stylesheet link, no font
    assert not re.search(r'(src|href)\s*=\s*"(?!data:)', page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    imgs = re.findall(r'<img id="(\w+)" src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert {name for name, _ in imgs} == {"map", "daily"}
    for _name, b64 in imgs:
        w, h = _png_size(base64.b64decode(b64))
        assert w >= 400 and h >= 300
    assert "77 \u2013 124+ (best 94)" in page
    assert "Situation report: all areas, 2017-04-04 to 2017-04-08" in page


def test_markdown_writes_images_beside_the_output(incidents, hostile, tmp_path):
    out = tmp_path / "weekly.md"
    rep = make_report(incidents, fmt="md", output=out, generated=GEN)
    assert set(rep.files) == {"weekly-map.png", "weekly-daily.png"}
    assert "![Map of the incidents](weekly-map.png)" in rep.text
    assert "data:image" not in rep.text
    for data in rep.files.values():
        _png_size(data)
    # hostile text is inert in Markdown too (no raw HTML a renderer would pass through)
    assert "<script>" not in rep.text and "<img" not in rep.text
    assert "&lt;script&gt;" in rep.text
    assert "| Idlib | Syria | 1 | 58 \u2013 100 (best 72) | Khan Shaykhun |" in rep.text


def test_markdown_without_output_embeds_data_uris(incidents):
    rep = make_report(incidents, fmt="md", generated=GEN)
    assert rep.files == {} and "](data:image/png;base64," in rep.text


def test_md_escape():
    assert md("a|b") == "a\\|b"
    assert md("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"
    assert md("<b>\n*x*") == "&lt;b&gt; \\*x\\*"


def test_report_with_nothing(incidents):
    rep = make_report([], fmt="html", generated=GEN)
    assert "no dated incidents" in rep.text and "<img" not in rep.text
    rep = make_report(incidents, fmt="html", since="2030-01-01")
    assert rep.summary["incidents"] == 0


def test_charts_survive_hostile_labels(incidents):
    incidents[0]["location"]["admin1"] = r"$\frac{1}{0}$ {\undefined} $$ ^_^"
    png = map_png(incidents)
    assert _png_size(png)[0] > 0
    assert map_png([incidents[2]]) is None  # no coordinates, no map
    assert daily_png([]) is None


def test_long_periods_use_coarser_buckets(incidents):
    incidents[3]["date"] = {"start": "2018-06-01", "end": "2018-06-01"}
    s = summarize(incidents)
    assert s["chart_unit"] == "week"
    assert sum(b["incidents"] for b in s["chart_series"]) == 4
    incidents[3]["date"] = {"start": "2021-06-01"}
    assert summarize(incidents)["chart_unit"] == "month"


def test_unknown_report_format(incidents):
    from marsad.errors import InputError

    with pytest.raises(InputError):
        make_report(incidents, fmt="pdf")


def test_report_on_a_reconcile_shaped_incident(reconciled):
    rep = make_report([reconciled], fmt="md", generated=GEN, images=False)
    (entry,) = rep.summary["contested"]
    assert entry["reasons"] == ["Russian Ministry of Defence denies (report 9f0c1d2e3a4b)"]
    first = entry["claims"][0]
    assert first["source"] == "Russian Ministry of Defence"
    assert first["stance"] == "denies (any strike on Sarmada)"
    assert {c["figure"] for c in entry["claims"][1:]} == {"at least 9 killed total",
                                                         "11-15 killed total"}
    assert "9 \u2013 15+ (best 11)" in rep.text
    assert "Why contested: Russian Ministry of Defence denies" in rep.text
