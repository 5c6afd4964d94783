"""JSON-lines batches: one document object per line (see docs: the extraction contract).

``{"id": str, "text": str, "title": str|null, "published": "YYYY-MM-DD"|null,
"outlet": str|null, "url": str|null}``; only ``text`` is required, unknown keys are
ignored (they stay in the raw bytes). A bad line is reported with its number and the
rest of the file goes on. Each line may be at most ``max_document_bytes`` long.
"""

from __future__ import annotations

import json
from typing import IO, Iterator

from ..errors import EmptyInput, EncodingError, InputError, InputTooLarge, MalformedRecord
from ..store.db import NewDocument
from .common import Produced, normalize_date, parse_day

FIELDS = ("id", "text", "title", "published", "outlet", "url")


def iter_lines(stream: IO[bytes], cap: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes without the line ending) for each line; None for a line over
    ``cap`` bytes (skipped without holding it in memory)."""
    number = 0
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        number += 1
        if len(line) > cap and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line.rstrip(b"\n").rstrip(b"\r")


def record_to_document(obj: object, raw: bytes, *, where: str, via: str, origin: str | None) -> NewDocument:
    """A document from one decoded record; MalformedRecord / EmptyInput when it is not one."""
    if not isinstance(obj, dict):
        raise MalformedRecord(f"{where} is a JSON {type(obj).__name__}, not a document object "
                              '({"text": ..., ...})')
    text = obj.get("text")
    if text is None:
        raise MalformedRecord(f'{where} has no "text" field')
    if not isinstance(text, str):
        raise MalformedRecord(f'{where}: "text" is a {type(text).__name__}, not a string')
    if not text.strip():
        raise EmptyInput(f'{where}: "text" is empty')
    for key in ("title", "outlet", "url", "author"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise MalformedRecord(f'{where}: "{key}" is a {type(obj[key]).__name__}, not a string or null')
    ext = obj.get("id")
    if ext is not None and not isinstance(ext, (str, int)):
        raise MalformedRecord(f'{where}: "id" is a {type(ext).__name__}, not a string')
    published = obj.get("published")
    if published is not None:
        if not isinstance(published, str):
            raise MalformedRecord(f'{where}: "published" is not a string')
        try:
            published = parse_day(published)
        except ValueError:
            day = normalize_date(published)
            if day is None:
                raise MalformedRecord(f'{where}: "published" {published!r} is not a date (YYYY-MM-DD)') from None
            published = day
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return NewDocument(
        text=text, raw=raw, via=via, origin=origin, content_type="application/json",
        url=obj.get("url") or None, outlet=obj.get("outlet") or None, title=obj.get("title") or None,
        author=obj.get("author") or None, published=published,
        external_id=str(ext) if ext is not None else None,
    )


def iter_jsonl(stream: IO[bytes], *, name: str, cap: int, via: str = "jsonl",
               origin: str | None = None) -> Iterator[Produced]:
    """Documents of a JSON-lines stream; each bad line is one failure named ``name:LINE``."""
    for number, line in iter_lines(stream, cap):
        item = f"{name}:{number}"
        if line is None:
            yield Produced(item, error=InputTooLarge(
                f"line {number} is over the max_document_bytes limit of {cap:,} bytes"))
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        try:
            yield Produced(item, document=parse_line(line, number, via=via, origin=origin))
        except InputError as exc:
            yield Produced(item, error=exc)


def parse_line(line: bytes, number: int, *, via: str = "jsonl", origin: str | None = None) -> NewDocument:
    where = f"line {number}"
    try:
        s = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"{where} is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        obj = json.loads(s)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"{where} is not valid JSON: {exc.msg} at column {exc.colno}") from None
    return record_to_document(obj, line, where=where, via=via, origin=origin)


def looks_like_jsonl(head: bytes) -> bool:
    """Does the start of a stream look like JSON lines (its first line a JSON object)?"""
    head = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if not head.startswith(b"{"):
        return False
    first = head.split(b"\n", 1)[0].strip()
    try:
        return isinstance(json.loads(first.decode("utf-8")), dict)
    except (UnicodeDecodeError, json.JSONDecodeError):
        # a long first line cut off by the sniff window still counts if it starts like a record
        return first.startswith(b'{"') and b"\n" not in head[:len(first)]
