"""Expand ``PATH | URL | -`` into documents.

* a directory: every file below it, recursively, in sorted order (hidden files and
  folders and project boilerplate such as README/LICENSE/ATTRIBUTION are skipped);
* a file, by extension: ``.txt .text .md`` text, ``.html .htm .xhtml`` a page,
  ``.jsonl .ndjson`` a batch of document objects, ``.json`` one object or a list,
  ``.xml .rss .atom`` a feed; any other file is sniffed (binary is refused);
* ``http(s)://`` a URL, fetched; a page, a feed or text, by content type and content;
* ``-`` standard input: JSON lines when it parses as such, else text.

Whole inputs (files, pages) are refused over ``max_document_bytes`` before they are
read; JSONL is read line by line, each line under the same limit.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterator

from ..errors import (BinaryInput, EmptyInput, InputError, InputTooLarge, MalformedRecord,
                      UnsupportedInput)
from ..store.db import NewDocument
from .common import Produced
from .feeds import looks_like_feed
from .jsonl import iter_jsonl, looks_like_jsonl, record_to_document
from .text import decode, looks_binary

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
JSON_EXT = {".json"}
FEED_EXT = {".xml", ".rss", ".atom"}
#: file names (without extension, lower case) a directory walk skips: not reports
BOILERPLATE = {"readme", "license", "licence", "attribution", "notice", "copying", "changelog"}

_HTML_HEAD = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<p[\s>]", re.I)


def is_url(source: str) -> bool:
    return bool(re.match(r"https?://", source, re.I))


def looks_like_html(head: bytes) -> bool:
    return bool(_HTML_HEAD.search(head[:4096]))


@dataclass
class Context:
    """What reading a source needs: settings, plain-text defaults, an HTTP client."""

    settings: Any
    outlet: str | None = None
    published: str | None = None
    stdin: IO[bytes] | None = None
    _client: Any = field(default=None, repr=False)

    @property
    def cap(self) -> int:
        return int(self.settings.max_document_bytes)

    @property
    def client(self):
        if self._client is None:
            from .fetch import make_client

            self._client = make_client(self.settings)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def produce(sources: list[str], ctx: Context) -> Iterator[Produced]:
    """Every document (or failure) the ``sources`` hold, in order."""
    for source in sources:
        source = str(source)
        try:
            if source == "-":
                yield from _stdin(ctx)
            elif is_url(source):
                yield from _url(source, ctx)
            else:
                path = Path(source)
                if path.is_dir():
                    yield from _directory(path, ctx)
                elif path.exists():
                    yield from _file(path, ctx)
                else:
                    yield Produced(source, error=UnsupportedInput(
                        "no such file, directory or URL (URLs start with http:// or https://)"))
        except InputError as exc:  # the source as a whole (e.g. an unreadable feed)
            yield Produced(source, error=exc)


# -- directories and files -----------------------------------------------------------
def _directory(root: Path, ctx: Context) -> Iterator[Produced]:
    for dirpath, dirnames, filenames in os.walk(root, onerror=None, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fname in sorted(filenames):
            path = Path(dirpath) / fname
            if fname.startswith("."):
                continue
            if path.stem.lower() in BOILERPLATE:
                yield Produced(str(path), skipped="project boilerplate (README, LICENSE, ...), not a report")
                continue
            try:
                yield from _file(path, ctx)
            except InputError as exc:
                yield Produced(str(path), error=exc)


def _file(path: Path, ctx: Context) -> Iterator[Produced]:
    name = str(path)
    ext = path.suffix.lower()
    try:
        size = path.stat().st_size
        if not path.is_file():
            yield Produced(name, error=UnsupportedInput("not a regular file"))
            return
        if ext in JSONL_EXT:
            with path.open("rb") as fh:
                yield from iter_jsonl(fh, name=name, cap=ctx.cap, via="jsonl", origin=name)
            return
        if size > ctx.cap:
            yield Produced(name, error=InputTooLarge(
                f"the file is {size:,} bytes, over the max_document_bytes limit of {ctx.cap:,} "
                "(raise the setting to take it)"))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Produced(name, error=UnsupportedInput(f"cannot read: {exc.strerror or exc}"))
        return
    hint = ("text" if ext in TEXT_EXT else "html" if ext in HTML_EXT else "json" if ext in JSON_EXT
            else "feed" if ext in FEED_EXT else None)
    yield from from_bytes(data, name=name, via="file", origin=name, hint=hint, ctx=ctx)


def from_bytes(data: bytes, *, name: str, via: str, origin: str, hint: str | None, ctx: Context,
               url: str | None = None, charset: str | None = None) -> Iterator[Produced]:
    """Documents of one whole input whose kind is ``hint`` (text, html, json, feed, jsonl)
    or, when None, sniffed from the content."""
    if not data.strip():
        yield Produced(name, error=EmptyInput("empty" if not data else "only white space"))
        return
    reason = looks_binary(data)
    if reason:
        yield Produced(name, error=BinaryInput(reason))
        return
    head = data[:65536]
    if hint is None:
        if looks_like_feed(head):
            hint = "feed"
        elif looks_like_html(head):
            hint = "html"
        elif looks_like_jsonl(head):
            hint = "jsonl"
        else:
            hint = "text"
    if hint == "feed":
        if not looks_like_feed(head):
            yield Produced(name, error=UnsupportedInput("not an RSS/Atom feed (no <rss> or <feed> element)"))
            return
        from .feeds import iter_feed

        def page(link: str, label: str) -> NewDocument:
            return fetch_page(link, ctx, label=label)

        yield from iter_feed(data, name=name, settings=ctx.settings, page_document=page)
        return
    if hint == "jsonl":
        yield from iter_jsonl(io.BytesIO(data), name=name, cap=ctx.cap, via="jsonl", origin=origin)
        return
    try:
        if hint == "json":
            yield from _json(data, name=name, origin=origin)
            return
        if hint == "html":
            yield Produced(name, document=html_document(data, via=via, origin=origin, url=url,
                                                        charset=charset))
            return
        text = decode(data, what="the text")
        yield Produced(name, document=NewDocument(
            text=text, raw=data, via=via, origin=origin, content_type="text/plain", url=url,
            outlet=ctx.outlet, published=ctx.published))
    except InputError as exc:
        yield Produced(name, error=exc)


def _json(data: bytes, *, name: str, origin: str) -> Iterator[Produced]:
    try:
        obj = json.loads(decode(data, what="the JSON file"))
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    records = obj if isinstance(obj, list) else [obj]
    for i, rec in enumerate(records, 1):
        item = f"{name}[{i}]" if isinstance(obj, list) else name
        raw = json.dumps(rec, ensure_ascii=False).encode("utf-8") if isinstance(obj, list) else data
        try:
            yield Produced(item, document=record_to_document(
                rec, raw, where=f"record {i}" if isinstance(obj, list) else "the object",
                via="jsonl", origin=origin))
        except InputError as exc:
            yield Produced(item, error=exc)


def _decode_html(data: bytes, charset: str | None) -> str:
    if charset:
        try:
            return data.decode(charset).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            pass
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", data[:4096], re.I)
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(m.group(1).decode("ascii")).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, what="the page")


def html_document(data: bytes, *, via: str, origin: str, url: str | None = None,
                  charset: str | None = None) -> NewDocument:
    from .html import parse_html

    page = parse_html(_decode_html(data, charset), url=url, what="the page")
    return NewDocument(text=page.text, raw=data, via=via, origin=origin, content_type="text/html",
                       url=page.url, outlet=page.outlet, title=page.title, author=page.author,
                       published=page.published, meta=page.meta)


# -- URLs and standard input ----------------------------------------------------------
def fetch_page(url: str, ctx: Context, *, label: str | None = None) -> NewDocument:
    """Fetch a page a feed entry links to; raise InputError unless it is an HTML or text page."""
    from .fetch import fetch

    got = fetch(url, ctx.settings, ctx.client)
    out = list(from_bytes(got.data, name=label or url, via="url", origin=url,
                          hint=_hint_for(got.content_type, got.data, allow_feed=False), ctx=ctx,
                          url=got.url, charset=got.charset))
    if len(out) != 1 or out[0].document is None:
        err = next((p.error for p in out if p.error), None)
        raise err or UnsupportedInput(f"{url} is not an article page")
    return out[0].document


def _hint_for(ctype: str, data: bytes, *, allow_feed: bool = True) -> str | None:
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if allow_feed and (ctype in ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
                       or (ctype in ("application/xml", "text/xml") and looks_like_feed(data[:4096]))):
        return "feed"
    if ctype in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
        return "jsonl"
    if ctype == "application/json":
        return "json"
    if ctype == "text/plain":
        return "jsonl" if looks_like_jsonl(data[:65536]) else "text"
    return None


def _url(url: str, ctx: Context) -> Iterator[Produced]:
    from .fetch import fetch

    try:
        got = fetch(url, ctx.settings, ctx.client)
    except InputError as exc:
        yield Produced(url, error=exc)
        return
    yield from from_bytes(got.data, name=url, via="url", origin=url,
                          hint=_hint_for(got.content_type, got.data), ctx=ctx, url=got.url,
                          charset=got.charset)


def _stdin(ctx: Context) -> Iterator[Produced]:
    stream = ctx.stdin if ctx.stdin is not None else sys.stdin.buffer
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)
    try:
        while True:
            chunk = stream.read(1 << 20)
            if not chunk:
                break
            spool.write(chunk)
        size = spool.tell()
        spool.seek(0)
        head = spool.read(65536)
        spool.seek(0)
        if looks_like_jsonl(head):
            yield from iter_jsonl(spool, name="<stdin>", cap=ctx.cap, via="jsonl", origin="<stdin>")
            return
        if size > ctx.cap:
            yield Produced("<stdin>", error=InputTooLarge(
                f"standard input is {size:,} bytes, over the max_document_bytes limit of {ctx.cap:,}"))
            return
        data = spool.read()
        yield from from_bytes(data, name="<stdin>", via="stdin", origin="<stdin>", hint=None, ctx=ctx)
    finally:
        spool.close()
