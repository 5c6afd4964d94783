"""RSS and Atom feeds (feedparser). Each entry becomes a document: its own content when
that is substantial, else the page its link points to, fetched. A broken entry is
reported and the other entries go on."""

from __future__ import annotations

import re
from typing import Any, Callable, Iterator

from ..errors import InputError, MalformedRecord, UnsupportedInput
from ..store.db import NewDocument
from .common import Produced, normalize_date

#: entry content shorter than this (characters of text) is a teaser: the link is fetched
SUBSTANTIAL_CHARS = 600

_FEED_HEAD = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)


def looks_like_feed(head: bytes) -> bool:
    """Does the start of a document look like an RSS/Atom/RDF feed?"""
    return bool(_FEED_HEAD.search(head[:4096]))


def iter_feed(data: bytes, *, name: str, settings: Any,
              page_document: Callable[[str, str], NewDocument]) -> Iterator[Produced]:
    """Documents of the feed ``data``. ``page_document(url, entry_name)`` fetches and
    parses a linked page (raises InputError)."""
    import feedparser

    from .html import fragment_text

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            raise MalformedRecord(f"{name} is not a readable RSS/Atom feed: {exc}")
        if parsed.get("version"):
            raise UnsupportedInput(f"{name} is a feed with no entries")
        raise UnsupportedInput(f"{name} is not an RSS/Atom feed")
    feed_title = (parsed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, 1):
        link = (entry.get("link") or "").strip() or None
        if link and entry.get("guidislink") and not re.match(r"https?://", link, re.I):
            link = None  # feedparser's stand-in: the entry's id, not a link
        label = f"{name}: entry {number}" + (f" ({link})" if link else "")
        try:
            yield Produced(label, document=_entry_document(
                entry, number=number, name=name, link=link, feed_title=feed_title,
                fragment_text=fragment_text, page_document=page_document, label=label))
        except InputError as exc:
            yield Produced(label, error=exc)


def _entry_document(entry: Any, *, number: int, name: str, link: str | None, feed_title: str | None,
                    fragment_text: Callable[[str], str], page_document: Callable[[str, str], NewDocument],
                    label: str) -> NewDocument:
    content_html = ""
    for c in entry.get("content") or []:
        if c.get("value") and len(c["value"]) > len(content_html):
            content_html = c["value"]
    summary = entry.get("summary") or ""
    body = content_html if len(content_html) >= len(summary) else summary
    text = fragment_text(body) if body else ""
    title = (entry.get("title") or "").strip() or None
    published = normalize_date(entry.get("published_parsed") or entry.get("updated_parsed")
                               or entry.get("published") or entry.get("updated"))
    author = (entry.get("author") or "").strip() or None
    if len(text) >= SUBSTANTIAL_CHARS:
        return NewDocument(
            text=text, raw=body.encode("utf-8"), via="feed", origin=name,
            content_type="text/html" if "<" in body else "text/plain", url=link,
            outlet=feed_title, title=title, author=author, published=published,
            external_id=(entry.get("id") or None), meta={"feed": name, "entry": number},
        )
    if not link or not re.match(r"https?://", link, re.I):
        what = "no link" if not link else f"no http(s) link (only {link!r})"
        raise MalformedRecord(f"entry {number} has {what} and only {len(text)} characters of "
                              f"content (at least {SUBSTANTIAL_CHARS} are needed to use it)")
    doc = page_document(link, label)
    doc.via = "feed"
    doc.title = doc.title or title
    doc.published = doc.published or published
    doc.author = doc.author or author
    doc.outlet = doc.outlet or feed_title
    doc.external_id = doc.external_id or (entry.get("id") or None)
    doc.meta = {**(doc.meta or {}), "feed": name, "entry": number}
    return doc
