"""URLs and feeds against a real local HTTP server: pages, redirects, 404, oversize
bodies, unreachable hosts, and RSS/Atom feeds with a broken entry."""

import pytest

from marsad import __version__
from marsad.errors import FetchError
from marsad.ingest import ingest
from marsad.ingest.fetch import fetch

from .ingest_pages import ARTICLE, page


def _rss(base: str, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{base}{link}</link><description>{d}</description>"
        f"<pubDate>Tue, 04 Apr 2017 10:00:00 GMT</pubDate></item>" for t, link, d in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Example Feed</title><link>{base}/</link>{entries}</channel></rss>").encode()


def test_fetch_follows_redirects_and_sends_the_user_agent(http_server, settings):
    target = http_server.add("/a", page("Strike on Idlib", ARTICLE))
    url = http_server.redirect("/old", target)
    got = fetch(url, settings)
    assert got.url == target and got.status == 200 and got.content_type == "text/html"
    assert got.data.startswith(b"<!DOCTYPE html>")
    agents = {ua for _, ua in http_server.requests}
    assert agents == {f"marsad/{__version__} (offline-first conflict-event observatory; research use)"}


def test_fetch_failures_say_what_happened(http_server, settings):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(http_server.base + "/missing", settings)
    http_server.redirect("/loop", http_server.base + "/loop")
    with pytest.raises(FetchError, match="redirects"):
        fetch(http_server.base + "/loop", settings)
    with pytest.raises(FetchError, match="cannot connect"):
        fetch("http://127.0.0.1:9/", settings)
    with pytest.raises(FetchError, match="not a URL"):
        fetch("ftp://example.org/x", settings)


def test_fetch_size_cap_holds_with_and_without_content_length(http_server, settings):
    small = settings.replace(max_document_bytes=50_000)
    http_server.add("/big", b"a" * 60_000, ctype="text/plain")
    http_server.add("/big-stream", b"a" * 60_000, ctype="text/plain", X_No_Length="1")
    for path in ("/big", "/big-stream"):
        with pytest.raises(FetchError, match="max_document_bytes"):
            fetch(http_server.base + path, small)
    assert fetch(http_server.base + "/big", settings).data == b"a" * 60_000


def test_ingest_urls_stores_pages_and_reports_each_bad_url(http_server, store, settings):
    ok = http_server.add("/article", page("Gas attack kills 58", ARTICLE, canonical="https://news.example/gas"))
    moved = http_server.redirect("/moved", ok)
    http_server.add("/huge", b"<html><body><p>" + b"x " * 40_000 + b"</p></body></html>")
    small = settings.replace(max_document_bytes=50_000)
    report = ingest([ok, moved, http_server.base + "/nope", http_server.base + "/huge",
                     "http://127.0.0.1:9/"], store, small)
    assert (report.ingested, report.unchanged, report.failed) == (1, 1, 3)
    assert [(f.name, f.code) for f in report.failures] == [
        (http_server.base + "/nope", "M307"), (http_server.base + "/huge", "M307"),
        ("http://127.0.0.1:9/", "M307")]
    doc = store.get_document(report.created[0], with_raw=True)
    assert doc["via"] == "url" and doc["origin"] == ok
    assert (doc["title"], doc["published"], doc["outlet"], doc["url"]) == (
        "Gas attack kills 58", "2017-04-04", "Example News", "https://news.example/gas")
    assert doc["raw"] == http_server.routes["/article"][2]


def test_rss_feed_entries_are_fetched_or_used_and_a_broken_entry_is_reported(http_server, store, settings):
    base = http_server.base
    http_server.add("/p1", page("First report", ARTICLE))
    http_server.add("/p3", page("Third report", ARTICLE.replace("58", "72")))
    long_summary = ("Rescue workers in Aleppo said 15 civilians were killed when shells hit a "
                    "market in the Salaheddine district on Monday morning. ") * 6
    feed = _rss(base, [("First", "/p1", "short teaser"), ("Broken", "/gone", "teaser"),
                       ("Third", "/p3", "teaser"), ("Inline", "/unused", long_summary)])
    url = http_server.add("/feed.xml", feed, ctype="application/rss+xml")
    report = ingest([url], store, settings)
    assert (report.ingested, report.failed) == (3, 1)
    assert report.failures[0].name == f"{url}: entry 2 ({base}/gone)"
    assert "HTTP 404" in report.failures[0].message
    docs = {d["title"]: d for d in store.list_documents()}
    assert set(docs) == {"First report", "Third report", "Inline"}
    assert docs["Inline"]["url"] == base + "/unused"
    assert "/unused" not in [p for p, _ in http_server.requests]          # content used, not fetched
    inline = store.get_document(docs["Inline"]["id"], with_raw=True)
    assert inline["via"] == "feed" and inline["published"] == "2017-04-04"
    assert inline["outlet"] == "Example Feed" and "Salaheddine" in inline["text"]
    assert inline["raw"].decode().strip() == long_summary.strip()          # the entry's content


def test_atom_feed_file_on_disk(http_server, store, settings, tmp_path):
    http_server.add("/a1", page("Atom report", ARTICLE))
    atom = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Atom Example</title><id>urn:x</id><updated>2017-04-05T00:00:00Z</updated>"
            f'<entry><title>A1</title><id>urn:a1</id><link href="{http_server.base}/a1"/>'
            f"<updated>2017-04-05T00:00:00Z</updated><summary>teaser</summary></entry>"
            f"<entry><title>No link</title><id>urn:a2</id><updated>2017-04-05T00:00:00Z</updated>"
            f"<summary>tiny</summary></entry></feed>")
    path = tmp_path / "news.atom"
    path.write_text(atom)
    report = ingest([str(path)], store, settings)
    assert (report.ingested, report.failed) == (1, 1)
    assert report.failures[0].code == "M305" and "no link" in report.failures[0].message
    assert store.list_documents()[0]["title"] == "Atom report"
