"""HTML pages (trafilatura + meta-tag fallback) and JSON-lines records."""

import io
import json

import pytest

from marsad.errors import EmptyInput, EncodingError, InputTooLarge, MalformedRecord
from marsad.ingest.html import fragment_text, meta_tags, parse_html
from marsad.ingest.jsonl import iter_jsonl, looks_like_jsonl

from .ingest_pages import ARTICLE, page


def test_page_with_meta_tags_yields_title_date_outlet_url_author():
    html = page("Gas attack kills 58 in Idlib", ARTICLE, site="Example News",
                published="2017-04-04T09:30:00+03:00",
                canonical="https://news.example/2017/04/idlib-gas").decode()
    p = parse_html(html, url="https://news.example/amp/idlib?utm_source=x")
    assert p.title == "Gas attack kills 58 in Idlib"
    assert p.published == "2017-04-04"
    assert p.outlet == "Example News"
    assert p.url == "https://news.example/2017/04/idlib-gas"
    assert p.author == "Jane Reporter"
    assert "Khan Shaykhun" in p.text and "denied any involvement" in p.text
    assert "Home" not in p.text and "Copyright" not in p.text   # boilerplate dropped


def test_comments_are_not_article_text():
    html = ("<html><head><title>T</title></head><body><article><p>" + ARTICLE + "</p></article>"
            '<div class="comments" id="comments"><p>Reader comment: this is propaganda and lies '
            "written by someone who was never there at all.</p></div></body></html>")
    assert "Reader comment" not in parse_html(html).text


def test_meta_fallback_reads_opengraph_and_canonical():
    tags = meta_tags('<html><head><meta property="og:site_name" content=" Al  Example ">'
                     '<meta property="article:published_time" content="2016-07-27T10:00:00Z">'
                     '<link rel="canonical" href="https://a.example/x"><title>Hello</title></head></html>')
    assert tags["og:site_name"] == "Al Example"
    assert tags["article:published_time"].startswith("2016-07-27")
    assert tags["canonical"] == "https://a.example/x"
    assert tags["title"] == "Hello"


def test_short_page_falls_back_to_its_paragraphs_and_empty_page_is_refused():
    p = parse_html("<html><body><p>Two killed in Homs.</p></body></html>")
    assert p.text == "Two killed in Homs."
    with pytest.raises(EmptyInput):
        parse_html("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")


def test_feed_fragment_text_keeps_paragraphs():
    assert fragment_text("<p>One &amp; two.</p><p>Three.</p>") == "One & two.\nThree."


def _lines(*items: bytes) -> io.BytesIO:
    return io.BytesIO(b"\n".join(items) + b"\n")


def test_jsonl_bad_lines_are_named_by_number_and_the_rest_goes_on():
    good = json.dumps({"id": "a1", "text": "Ten killed in Idlib.", "title": "T", "outlet": "X",
                       "published": "2017-04-04", "url": "https://x.example/a", "gold": {"k": 1}})
    stream = _lines(
        good.encode(),
        b'{"text": "unterminated',
        b"",
        json.dumps({"title": "no text"}).encode(),
        json.dumps({"text": "Five killed.", "published": "last week"}).encode(),
        b"[1, 2]",
        "{\"text\": \"caf\xe9\"}".encode("latin-1"),
        json.dumps({"text": "   "}).encode(),
        json.dumps({"text": "Three wounded in Deir ez-Zor.", "published": "2016-07-27T08:00:00Z"}).encode(),
    )
    out = list(iter_jsonl(stream, name="b.jsonl", cap=10_000))
    by_name = {p.name: p for p in out}
    assert [p.name for p in out if p.document] == ["b.jsonl:1", "b.jsonl:9"]
    doc = by_name["b.jsonl:1"].document
    assert (doc.text, doc.title, doc.outlet, doc.published, doc.url, doc.external_id) == (
        "Ten killed in Idlib.", "T", "X", "2017-04-04", "https://x.example/a", "a1")
    assert doc.raw == good.encode()                       # the exact bytes of its line
    assert by_name["b.jsonl:9"].document.published == "2016-07-27"
    errors = {p.name: p.error for p in out if p.error}
    assert isinstance(errors["b.jsonl:2"], MalformedRecord) and "line 2" in errors["b.jsonl:2"].message
    assert isinstance(errors["b.jsonl:4"], MalformedRecord) and '"text"' in errors["b.jsonl:4"].message
    assert isinstance(errors["b.jsonl:5"], MalformedRecord) and "published" in errors["b.jsonl:5"].message
    assert isinstance(errors["b.jsonl:6"], MalformedRecord)
    assert isinstance(errors["b.jsonl:7"], EncodingError)
    assert isinstance(errors["b.jsonl:8"], EmptyInput)
    assert "b.jsonl:3" not in by_name                     # blank lines are not records


def test_jsonl_line_over_the_cap_is_refused_without_losing_the_next():
    big = json.dumps({"text": "x" * 5000}).encode()
    out = list(iter_jsonl(_lines(big, b'{"text": "after"}'), name="c.jsonl", cap=1000))
    assert isinstance(out[0].error, InputTooLarge) and out[0].name == "c.jsonl:1"
    assert out[1].document.text == "after" and out[1].name == "c.jsonl:2"


def test_jsonl_sniffing():
    assert looks_like_jsonl(b'{"text": "a"}\n{"text": "b"}\n')
    assert not looks_like_jsonl(b"Ten killed in Idlib.\n")
    assert not looks_like_jsonl(b"{not json at all")
