"""`marsad ingest`, `documents`, `document` and `stats` end to end, on both backends."""

import io
import json

import pytest

SEED = "seed/ynet-syria-coast.txt"

PAGE = b"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Gas attack kills 58 | Example News</title>
<meta property="og:title" content="Gas attack kills 58 in Idlib">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2017-04-04T09:30:00Z">
<link rel="canonical" href="https://news.example/2017/04/idlib-gas">
</head><body><article><h1>Gas attack kills 58 in Idlib</h1>
<p>At least 58 people were killed in a suspected chemical attack on Khan Shaykhun in Idlib
province on Tuesday, the Syrian Observatory for Human Rights said. Medical workers described
symptoms consistent with exposure to a nerve agent, and hospitals in the area were overwhelmed.</p>
</article></body></html>"""


def test_ingest_the_seed_twice(cli, db_url, shared_corpus):
    first = cli("ingest", "--no-extract", shared_corpus / SEED, db=db_url)
    assert first.code == 0, first.err
    assert first.out.strip() == "ingested 1, unchanged 0, failed 0"
    again = cli("ingest", "--no-extract", shared_corpus / SEED, db=db_url)
    assert again.code == 0 and again.out.strip() == "ingested 0, unchanged 1, failed 0"
    listed = json.loads(cli("documents", "--format", "json", db=db_url).out)
    assert len(listed) == 1 and listed[0]["language"] == "en"


def test_ingest_the_dev_corpus_twice(cli, db_url, shared_corpus):
    first = cli("ingest", "--no-extract", shared_corpus / "fakes-dev.jsonl", db=db_url)
    assert first.code == 0 and first.out.strip() == "ingested 302, unchanged 5, failed 0"
    again = cli("ingest", "--no-extract", shared_corpus / "fakes-dev.jsonl", db=db_url)
    assert again.out.strip() == "ingested 0, unchanged 307, failed 0"
    assert json.loads(cli("stats", "--format", "json", db=db_url).out)["documents"] == 302


def test_bad_inputs_are_named_with_their_reason_and_exit_1(cli, db_url, tmp_path):
    d = tmp_path / "inbox"
    d.mkdir()
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(1000))
    (d / "empty.txt").write_bytes(b"")
    with open(d / "big.txt", "wb") as fh:
        line = b"Fighting continued in the coastal provinces overnight.\n" * 2000
        while fh.tell() < 60_000_000:
            fh.write(line)
    (d / "batch.jsonl").write_text(
        '{"text": "Two killed in Homs."}\n{"text": \n{"text": "Three killed in Hama."}\n')
    (d / "page.html").write_bytes(PAGE)
    res = cli("ingest", "--no-extract", d, db=db_url)
    assert res.code == 1
    assert res.out.strip() == "ingested 3, unchanged 0, failed 4"
    failed = sorted(line for line in res.err.splitlines() if line.startswith("failed: "))
    assert failed == sorted([
        f"failed: {d / 'batch.jsonl'}:2: [M305] " + failed[0].split("[M305] ")[1],
        f"failed: {d / 'big.txt'}: [M304] " + next(x for x in failed if "M304" in x).split("[M304] ")[1],
        f"failed: {d / 'empty.txt'}: [M301] empty",
        f"failed: {d / 'image.png'}: [M302] looks like a PNG image, not text",
    ])
    assert "line 2" in failed[0] and "60,0" in next(x for x in failed if "M304" in x)
    again = cli("ingest", "--no-extract", d, "--format", "json", db=db_url)
    report = json.loads(again.out)
    assert again.code == 1 and (report["ingested"], report["unchanged"], report["failed"]) == (0, 3, 4)
    assert {f["code"] for f in report["failures"]} == {"M301", "M302", "M304", "M305"}
    rows = json.loads(cli("documents", "--format", "json", db=db_url).out)
    page = next(r for r in rows if r["title"])
    assert (page["title"], page["published"], page["outlet"], page["url"]) == (
        "Gas attack kills 58 in Idlib", "2017-04-04", "Example News",
        "https://news.example/2017/04/idlib-gas")


def test_unreachable_url_is_a_fetch_error(cli, tmp_path):
    res = cli("ingest", "--no-extract", "http://127.0.0.1:9/report", db=f"sqlite:///{tmp_path}/x.sqlite")
    assert res.code == 1
    assert res.err.startswith("failed: http://127.0.0.1:9/report: [M307] ")
    assert res.out.strip() == "ingested 0, unchanged 0, failed 1"


def test_stdin_text_and_options(cli, db_url, monkeypatch):
    data = "Ten civilians were killed in shelling on Douma, rescuers said.".encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    res = cli("ingest", "--no-extract", "-", "--outlet", "Wire", "--published", "2018-02-20", db=db_url)
    assert res.code == 0, res.err
    doc = json.loads(cli("documents", "--format", "jsonl", db=db_url).out.splitlines()[0])
    assert (doc["outlet"], doc["published"], doc["via"]) == ("Wire", "2018-02-20", "stdin")
    raw = cli("document", doc["id"], "--raw", db=db_url)
    assert raw.out.encode() == data


@pytest.mark.parametrize("value", ["2018-2-20", "20/02/2018", "2018-02-30"])
def test_published_must_be_a_day(cli, tmp_path, value):
    (tmp_path / "a.txt").write_text("Two killed.")
    res = cli("ingest", "--no-extract", tmp_path / "a.txt", "--published", value,
              db=f"sqlite:///{tmp_path}/x.sqlite")
    assert res.code == 2 and "YYYY-MM-DD" in res.err


def test_extraction_is_attempted_unless_no_extract(cli, tmp_path, monkeypatch):
    """Without --no-extract, ingest runs the extraction hook (or says it is unavailable)."""
    import marsad.extract.store_hook as hook

    seen = []
    monkeypatch.setattr(hook, "extract_and_store",
                        lambda store, s, ids, progress=None: seen.append(list(ids)) or {"extracted": len(ids)})
    (tmp_path / "a.txt").write_text("Two killed in Homs, a monitor said.")
    res = cli("ingest", tmp_path / "a.txt", db=f"sqlite:///{tmp_path}/x.sqlite")
    assert res.code == 0 and len(seen) == 1 and "extraction: extracted 1" in res.out
    (tmp_path / "b.txt").write_text("Three killed in Hama, a monitor said.")
    res = cli("ingest", "--no-extract", tmp_path / "b.txt", db=f"sqlite:///{tmp_path}/x.sqlite")
    assert res.code == 0 and len(seen) == 1
    (tmp_path / "c.txt").write_text("Four killed in Hama, a monitor said.")
    monkeypatch.setenv("MARSAD_EXTRACT_ON_INGEST", "false")
    res = cli("ingest", tmp_path / "c.txt", db=f"sqlite:///{tmp_path}/x.sqlite")
    assert res.code == 0 and "note:" not in res.err and len(seen) == 1


def _load(cli, db_url, tmp_path):
    rows = [
        {"id": "a", "text": "Clashes in Jableh killed 12 people.", "outlet": "ynet", "published": "2025-03-08",
         "title": "Clashes in Jableh"},
        {"id": "b", "text": "Le bombardement a tué trois civils près d'Alep, selon l'Observatoire.",
         "outlet": "AFP", "published": "2016-07-10", "title": "Bombardement"},
        {"id": "c", "text": "An air strike on Maarat al-Numan killed five people.", "outlet": "Ynet",
         "published": "2017-04-04"},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    assert cli("ingest", "--no-extract", path, db=db_url).code == 0
    return rows


def test_documents_filters_and_formats(cli, db_url, tmp_path):
    _load(cli, db_url, tmp_path)
    all_rows = json.loads(cli("documents", "-f", "json", db=db_url).out)
    assert [r["published"] for r in all_rows] == ["2025-03-08", "2017-04-04", "2016-07-10"]
    ynet = json.loads(cli("documents", "--outlet", "YNET", "--format", "json", db=db_url).out)
    assert [r["published"] for r in ynet] == ["2025-03-08", "2017-04-04"]
    french = json.loads(cli("documents", "--language", "fr", "--format", "json", db=db_url).out)
    assert [r["outlet"] for r in french] == ["AFP"]
    window = cli("documents", "--since", "2016-08-01", "--until", "2020-01-01", "--format", "jsonl", db=db_url)
    assert [json.loads(x)["published"] for x in window.out.splitlines()] == ["2017-04-04"]
    limited = json.loads(cli("documents", "--limit", "1", "--format", "json", db=db_url).out)
    assert len(limited) == 1
    table = cli("documents", db=db_url)
    assert table.code == 0 and "3 documents" in table.out and "Clashes in Jableh" in table.out
    assert all_rows[0]["id"][:12] in table.out
    assert cli("documents", "--since", "March 2017", db=db_url).code == 2


def test_document_shows_metadata_text_and_raw(cli, db_url, tmp_path):
    rows = _load(cli, db_url, tmp_path)
    doc = json.loads(cli("document", "a", "--format", "json", db=db_url).out)   # by record id
    assert doc["text"] == rows[0]["text"] and doc["title"] == "Clashes in Jableh"
    assert doc["external_id"] == "a" and [a["via"] for a in doc["arrivals"]] == ["jsonl"]
    by_prefix = cli("document", doc["id"][:8], db=db_url)
    assert by_prefix.code == 0 and rows[0]["text"] in by_prefix.out
    assert f"document {doc['id'][:12]}" in by_prefix.out and "Clashes in Jableh" in by_prefix.out
    jl = cli("document", doc["id"], "--format", "jsonl", db=db_url).out.splitlines()
    assert len(jl) == 1 and json.loads(jl[0])["id"] == doc["id"]
    raw = cli("document", doc["id"], "--raw", db=db_url).out
    assert json.loads(raw) == rows[0]                                   # the line as received
    missing = cli("document", "ffffffffffff", db=db_url)
    assert missing.code == 1 and "[M204]" in missing.err


def test_stats_in_every_format(cli, db_url, tmp_path):
    _load(cli, db_url, tmp_path)
    stats = json.loads(cli("stats", "--format", "json", db=db_url).out)
    assert stats["documents"] == 3 and stats["by_language"] == {"en": 2, "fr": 1}
    assert stats["published_from"] == "2016-07-10" and stats["published_to"] == "2025-03-08"
    assert stats["by_via"] == {"jsonl": 3}
    assert json.loads(cli("stats", "--format", "jsonl", db=db_url).out)["documents"] == 3
    table = cli("stats", db=db_url).out
    assert "documents" in table and "by_outlet" in table


def test_hostile_titles_are_shown_as_text_not_markup(cli, tmp_path):
    db = f"sqlite:///{tmp_path}/x.sqlite"
    path = tmp_path / "evil.jsonl"
    path.write_text(json.dumps({"id": "e", "title": "[/evil] [bold red]boom[/] \x1b[31m",
                                "text": "A report with a hostile title. \x1b]0;pwned\x07"}) + "\n",
                    encoding="utf-8")
    assert cli("ingest", "--no-extract", path, db=db).code == 0
    res = cli("documents", db=db)
    assert res.code == 0 and "evil" in res.out and "\x1b" not in res.out   # shown, not obeyed
    res = cli("document", "e", db=db)
    assert res.code == 0 and "\x1b" not in res.out
    res = cli("documents", "--format", "json", db=db)
    assert json.loads(res.out)[0]["title"] == "[/evil] [bold red]boom[/] \x1b[31m"   # scripts get it exact


def test_a_table_written_to_a_pipe_is_wide_enough_for_its_cells(cli, db_url, tmp_path):
    # rich folds a table to 80 columns off a terminal; `marsad documents | less` keeps a
    # title (shown up to 70 characters) on one line beside the other columns
    title = "Gas attack kills 58 in Idlib as rescuers search the rubble of the town"
    (tmp_path / "page.html").write_bytes(PAGE.replace(b'content="Gas attack kills 58 in Idlib"',
                                                      f'content="{title}"'.encode()))
    assert cli("ingest", "--no-extract", tmp_path / "page.html", db=db_url).code == 0
    out = cli("documents", db=db_url).out
    assert title in out, out
