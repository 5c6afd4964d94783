"""`marsad extract` and `marsad pipeline` per the contract (shared/spec/extraction.md):
files, stdin, JSONL batches, a bad line that does not sink the batch, exit statuses."""

import io
import json
import sys

import pytest

SCHEMA = "marsad.extraction/1"
STAGES = ["clean", "language", "nlp", "places", "dates", "figures", "actors", "attribution",
          "triggers", "events"]

# A wire report written for these tests (not from the dev corpus): one chemical attack,
# a monitor's figure, a weekday to resolve against the publication date.
IDLIB = (
    "At least 58 people were killed in a suspected chemical attack on the town of Khan Shaykhun "
    "in Idlib province on Tuesday, the Syrian Observatory for Human Rights said. Rescue workers "
    "said children were among the dead and hospitals were overwhelmed.\n"
)
HAMA = (
    "Government air strikes killed 12 civilians in the town of Kafr Zita in Hama province on "
    "Monday, rescue workers said.\n"
)
SPORTS = (
    "Real Madrid beat Barcelona 3-2 on Sunday in a thrilling match at the Bernabeu, with a late "
    "goal sealing the win in front of 80,000 fans.\n"
)

PAGE = b"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Gas attack kills 58 | Example News</title>
<meta property="og:title" content="Gas attack kills 58 in Idlib">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2017-04-04T09:30:00Z">
<link rel="canonical" href="https://news.example/2017/04/idlib-gas">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Gas attack kills 58 in Idlib</h1>
<p>At least 58 people were killed in a suspected chemical attack on Khan Shaykhun in Idlib
province on Tuesday, the Syrian Observatory for Human Rights said. Medical workers described
symptoms consistent with exposure to a nerve agent, and hospitals in the area were overwhelmed.</p>
</article><footer>Get the Example News app</footer></body></html>"""


def _check_result(res: dict) -> None:
    """The stable core of a result object."""
    assert res["schema"] == SCHEMA
    assert set(res["document"]) >= {"id", "title", "url", "outlet", "published", "language"}
    assert isinstance(res["events"], list) and isinstance(res["statements"], list)


def _main_event(res: dict) -> dict:
    assert res["events"], f"no event extracted from {res['document']}"
    return res["events"][0]


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_a_text_file_with_published_and_outlet(cli, tmp_path):
    path = tmp_path / "idlib.txt"
    path.write_text(IDLIB, encoding="utf-8")
    res = cli("extract", path, "--published", "2017-04-05", "--outlet", "Example Wire", "--format", "json")
    assert res.code == 0, res.err
    out = json.loads(res.out)
    assert isinstance(out, dict), "one input gives one result object, not a list"
    _check_result(out)
    assert "error" not in out
    doc = out["document"]
    assert doc["outlet"] == "Example Wire" and doc["published"] == "2017-04-05"
    assert doc["language"] == "en"
    ev = _main_event(out)
    assert (ev["type"], ev["sub_type"]) == ("explosions_remote_violence", "chemical_weapon")
    assert ev["date"]["start"] == "2017-04-04"  # "on Tuesday" before Wednesday 5 April 2017
    assert ev["location"]["admin1_iso"] == "SY-ID"
    total = ev["fatalities"]["total"]
    assert (total["low"], total["best"], total["high"]) == (58, 58, None)  # "at least": open-ended
    assert total["text"] in IDLIB
    sources = {c["source"]["name"]: c for c in ev["claims"]}
    sohr = sources.get("Syrian Observatory for Human Rights")
    assert sohr is not None, ev["claims"]
    assert sohr["source"]["type"] == "monitor" and sohr["stance"] == "asserts"
    # the evidence is a span of the text
    assert IDLIB[sohr["start"]:sohr["end"]] == sohr["text"]
    assert "58" in sohr["text"]


def test_a_bad_published_date_is_refused(cli, tmp_path):
    path = tmp_path / "idlib.txt"
    path.write_text(IDLIB, encoding="utf-8")
    res = cli("extract", path, "--published", "last Tuesday")
    assert res.code != 0
    assert "--published" in res.err and res.out == ""


class _Stdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


def test_stdin_jsonl_batch_keeps_ids_and_order(cli, monkeypatch):
    docs = [
        {"id": "zz-3", "text": HAMA, "published": "2017-04-04", "outlet": "Wire A",
         "title": "Strikes on Kafr Zita"},
        {"id": "aa-1", "text": SPORTS, "published": "2017-04-03"},
        {"id": "mm-2", "text": IDLIB, "published": "2017-04-05", "url": "https://x.example/a",
         "unknown_key": [1, 2]},
    ]
    data = "".join(json.dumps(d) + "\n" for d in docs).encode()
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    res = cli("extract", "-", "--format", "jsonl")
    assert res.code == 0, res.err
    out = _lines(res.out)
    assert [r["document"]["id"] for r in out] == ["zz-3", "aa-1", "mm-2"]
    for r in out:
        _check_result(r)
        assert "error" not in r
    hama, sports, idlib = out
    assert hama["document"]["outlet"] == "Wire A" and hama["document"]["title"] == "Strikes on Kafr Zita"
    assert idlib["document"]["url"] == "https://x.example/a"
    assert sports["events"] == []  # no violent event: zero events, no error
    ev = _main_event(hama)
    assert ev["location"]["admin1_iso"] == "SY-HM"
    assert ev["fatalities"]["civilians"]["best"] == 12 or ev["fatalities"]["total"]["best"] == 12
    assert ev["date"]["start"] == "2017-04-03"  # the Monday before Tuesday 4 April 2017
    assert _main_event(idlib)["location"]["admin1_iso"] == "SY-ID"


def test_html_file_and_jsonl_with_a_malformed_line(cli, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"id": "first", "text": HAMA, "published": "2017-04-04"}) + "\n"
        + '{"id": "broken", "text": \n'
        + json.dumps({"id": "third", "text": IDLIB, "published": "2017-04-05"}) + "\n",
        encoding="utf-8")
    res = cli("extract", page, batch, "--format", "jsonl")
    assert res.code == 0, res.err  # not every document failed
    out = _lines(res.out)
    assert len(out) == 4
    for r in out:
        _check_result(r)

    html = out[0]
    assert "error" not in html
    assert html["document"]["title"] == "Gas attack kills 58 in Idlib"
    assert html["document"]["outlet"] == "Example News"
    assert html["document"]["published"] == "2017-04-04"
    ev = _main_event(html)
    assert ev["location"]["admin1_iso"] == "SY-ID"
    assert ev["fatalities"]["total"]["best"] == 58
    assert all("Get the Example News app" not in (c.get("text") or "") for c in ev["claims"])

    first, broken, third = out[1:]
    assert first["document"]["id"] == "first" and "error" not in first and first["events"]
    assert third["document"]["id"] == "third" and "error" not in third and third["events"]
    assert broken["events"] == [] and broken["statements"] == []
    assert set(broken["error"]) >= {"code", "message"} and broken["error"]["code"].startswith("M")
    assert broken["error"]["message"]
    # the failure is named on stderr, with the line
    failed = [line for line in res.err.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 1 and f"{batch}:2" in failed[0] and broken["error"]["code"] in failed[0]


@pytest.mark.parametrize("content", [
    b'{"text": \n{"id": 3\n',          # every line malformed
    b'{"id": "no-text"}\n',             # a document object without text
])
def test_all_bad_input_exits_1(cli, tmp_path, content):
    batch = tmp_path / "bad.jsonl"
    batch.write_bytes(content)
    res = cli("extract", batch, "--format", "jsonl")
    assert res.code == 1
    out = _lines(res.out)
    assert out and all(r["error"]["code"] and r["events"] == [] for r in out)
    assert "failed: " in res.err


def test_missing_file_exits_1(cli, tmp_path):
    res = cli("extract", tmp_path / "nowhere.txt")
    assert res.code == 1
    assert "nowhere.txt" in res.err


def test_pipeline_lists_the_stages_in_order(cli):
    res = cli("pipeline", "--format", "json")
    assert res.code == 0, res.err
    rows = json.loads(res.out)
    assert [r["name"] for r in rows] == STAGES
    available = {"text", "meta", "resources"}
    for r in rows:
        assert set(r) >= {"name", "reads", "assigns", "help"} and r["help"]
        assert set(r["reads"]) <= available, f"{r['name']} reads what no earlier stage assigns"
        available |= set(r["assigns"])
    assert "events" in available and "statements" in available
    table = cli("pipeline")
    assert table.code == 0
    for name in STAGES:
        assert name in table.out
