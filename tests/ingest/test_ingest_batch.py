"""Ingest as a library call on SQLite and PostgreSQL: idempotency, the shared corpus,
bad inputs in a directory, stdin, plain-text options, the extraction hook, and one
transaction per document."""

import io
import json

import pytest
import sqlalchemy as sa

from marsad.errors import InputError
from marsad.ingest import ingest
from marsad.store import schema as t

from .ingest_pages import ARTICLE, page


def test_the_seed_report_twice_is_one_document(store, settings, shared_corpus):
    seed = shared_corpus / "seed" / "ynet-syria-coast.txt"
    first = ingest([str(seed)], store, settings)
    again = ingest([str(seed)], store, settings)
    assert (first.ingested, first.unchanged, first.failed) == (1, 0, 0)
    assert (again.ingested, again.unchanged, again.failed) == (0, 1, 0)
    assert store.count("documents") == 1
    doc = store.get_document(first.created[0], with_raw=True)
    assert doc["raw"] == seed.read_bytes()
    assert doc["text"] == seed.read_text(encoding="utf-8")
    assert doc["language"] == "en" and doc["via"] == "file" and doc["content_type"] == "text/plain"


def test_the_dev_corpus_stores_its_distinct_articles_once(store, settings, shared_corpus):
    path = shared_corpus / "fakes-dev.jsonl"
    lines = path.read_bytes().splitlines()
    distinct = {json.loads(line)["text"] for line in lines}
    first = ingest([str(path)], store, settings)
    assert first.ingested == len(distinct) == 302
    assert first.unchanged == len(lines) - len(distinct) == 5
    again = ingest([str(path)], store, settings)
    assert (again.ingested, again.unchanged, again.failed) == (0, len(lines), 0)
    assert store.count("documents") == 302
    rec = json.loads(lines[0])
    doc = store.get_document(rec["id"], with_raw=True)        # found by the record's own id
    assert doc["raw"] == lines[0] and doc["title"] == rec["title"] and doc["outlet"] == rec["outlet"]


def test_a_directory_of_good_and_bad_inputs(store, settings, tmp_path):
    d = tmp_path / "inbox"
    (d / "sub").mkdir(parents=True)
    (d / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (d / "empty.txt").write_bytes(b"")
    with open(d / "huge.txt", "wb") as fh:      # 60 MB of real text, over the 10 MB default cap
        block = b"Shelling continued overnight in the eastern districts of the city. " * 1000
        for _ in range(60_000_000 // len(block) + 1):
            fh.write(block)
    good = [{"text": f"{n} people were killed in an air strike on Maarat al-Numan, a monitor said.",
             "outlet": "Example"} for n in (3, 4, 5)]
    (d / "sub" / "batch.jsonl").write_text(
        json.dumps(good[0]) + "\n" + '{"text": "broken' + "\n" + json.dumps(good[1]) + "\n"
        + json.dumps(good[2]) + "\n", encoding="utf-8")
    (d / "sub" / "page.html").write_bytes(page("Gas attack kills 58", ARTICLE))
    (d / "README.md").write_text("This folder holds test inputs.")
    (d / ".hidden.txt").write_text("not read")

    report = ingest([str(d)], store, settings)
    assert (report.ingested, report.unchanged, report.failed, report.skipped) == (4, 0, 4, 1)
    failures = {f.name: f for f in report.failures}
    assert set(failures) == {str(d / "photo.png"), str(d / "empty.txt"), str(d / "huge.txt"),
                             f"{d / 'sub' / 'batch.jsonl'}:2"}
    assert failures[str(d / "photo.png")].code == "M302" and "PNG" in failures[str(d / "photo.png")].message
    assert failures[str(d / "empty.txt")].code == "M301"
    assert failures[str(d / "huge.txt")].code == "M304" and "max_document_bytes" in failures[str(d / "huge.txt")].message
    assert failures[f"{d / 'sub' / 'batch.jsonl'}:2"].code == "M305"
    titles = sorted((r["title"] or "") for r in store.list_documents())
    assert titles == ["", "", "", "Gas attack kills 58"]
    assert report.skipped_items == [(str(d / "README.md"), report.skipped_items[0][1])]


def test_huge_file_is_refused_before_it_is_read(store, settings, tmp_path, monkeypatch):
    from pathlib import Path

    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(11_000_000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the cap"))
    report = ingest([str(big)], store, settings)
    assert [f.code for f in report.failures] == ["M304"]


def test_stdin_text_takes_outlet_and_published(store, settings):
    data = "Ten civilians were killed in shelling on Douma, rescuers said.\n".encode()
    report = ingest(["-"], store, settings, outlet="Local Wire", published="2018-02-20",
                    stdin=io.BytesIO(data))
    doc = store.get_document(report.created[0], with_raw=True)
    assert (doc["outlet"], doc["published"], doc["via"], doc["raw"]) == ("Local Wire", "2018-02-20", "stdin", data)


def test_stdin_jsonl_is_read_as_records(store, settings):
    lines = [json.dumps({"id": f"r{i}", "text": f"Report number {i} about clashes near Raqqa."})
             for i in range(3)]
    report = ingest(["-"], store, settings, outlet="ignored for records",
                    stdin=io.BytesIO("\n".join(lines).encode()))
    assert report.ingested == 3
    docs = store.list_documents()
    assert {d["via"] for d in docs} == {"jsonl"} and {d["outlet"] for d in docs} == {None}


def test_outlet_and_published_apply_to_plain_text_only(store, settings, tmp_path):
    (tmp_path / "a.txt").write_text("Five killed in Deraa, the monitor said.")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "Six killed in Deraa.", "outlet": "Own"}))
    ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")], store, settings,
           outlet="Given", published="2019-05-01")
    got = {d["outlet"]: d["published"] for d in store.list_documents()}
    assert got == {"Given": "2019-05-01", "Own": None}
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        ingest([str(tmp_path / "a.txt")], store, settings, published="01/05/2019")


def test_extraction_hook_gets_new_documents_in_batches(store, settings, tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"Doc {i}: clashes in Idlib."}) for i in range(5)))
    calls = []

    def hook(store_, settings_, ids, progress=None):
        assert store_ is store and all(store.get_document(i) for i in ids)   # stored before
        calls.append(list(ids))
        return {"extracted": len(ids)}

    report = ingest([str(path)], store, settings.replace(batch_size=2), extract=hook)
    assert calls == [report.created[0:2], report.created[2:4], report.created[4:5]]
    assert report.extraction == {"extracted": 5}
    again = ingest([str(path)], store, settings, extract=hook)
    assert again.unchanged == 5 and len(calls) == 3          # nothing new: no extraction


def test_a_crash_inside_one_document_leaves_nothing_of_it(store, settings, tmp_path, monkeypatch):
    texts = [f"Report {i}: shelling hit the market in Ariha." for i in range(3)]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i, text in enumerate(texts):
        (inbox / f"{i}.txt").write_text(text)
    real_insert = t.arrivals.insert
    calls = {"n": 0}

    def flaky_insert(*a, **kw):          # the document row is written, then the arrival fails
        calls["n"] += 1
        if calls["n"] == 2:
            raise sa.exc.OperationalError("INSERT INTO arrivals", {}, Exception("disk I/O error"))
        return real_insert(*a, **kw)

    monkeypatch.setattr(t.arrivals, "insert", flaky_insert)
    report = ingest([str(inbox)], store, settings)
    monkeypatch.undo()
    assert (report.ingested, report.failed) == (2, 1)
    assert report.failures[0].name == str(inbox / "1.txt") and report.failures[0].code == "M205"
    stored = {d["id"] for d in store.list_documents()}
    from marsad.store.db import text_id
    assert stored == {text_id(texts[0]), text_id(texts[2])}
    assert store.count("documents") == 2 and store.count("arrivals") == 2
