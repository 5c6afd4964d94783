"""Article text and metadata of an HTML page: trafilatura first, meta tags as fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import EmptyInput
from .common import normalize_date


@dataclass
class Page:
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    value = re.sub(r"\s+", " ", str(value)).strip()
    return value or None


def meta_tags(html: str) -> dict[str, str]:
    """OpenGraph / article / Dublin Core / name meta tags, <title> and the canonical link,
    by lower-cased property name (first value wins)."""
    import lxml.html

    out: dict[str, str] = {}
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, Exception):  # noqa: BLE001 - lxml raises ParserError for junk
        return out
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = _clean(el.get("content"))
        if key and content and key not in out:
            out[key] = content
    for el in root.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        if "canonical" in rel and el.get("href") and "canonical" not in out:
            out["canonical"] = el.get("href").strip()
    t = root.find(".//title")
    if t is not None and _clean(t.text_content()):
        out["title"] = _clean(t.text_content())
    for el in root.iter("time"):
        if el.get("datetime") and "time" not in out:
            out["time"] = el.get("datetime")
    return out


def _first(tags: dict[str, str], *keys: str) -> str | None:
    for k in keys:
        if tags.get(k):
            return tags[k]
    return None


def _fallback_text(html: str) -> str:
    """Paragraph text of the body when trafilatura finds no article (very short pages)."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001
        return ""
    for bad in root.xpath("//script|//style|//noscript|//nav|//header|//footer|//form"):
        bad.drop_tree()
    blocks = [_clean(el.text_content()) for el in root.xpath("//h1|//h2|//h3|//p|//li|//blockquote|//pre")]
    text = "\n".join(b for b in blocks if b)
    if not text:
        body = root.find(".//body")
        text = _clean(body.text_content()) if body is not None else ""
    return text or ""


def parse_html(html: str, *, url: str | None = None, what: str = "page") -> Page:
    """The article of ``html``: text, title, published date, outlet (site name), canonical
    URL and author. Raises :class:`EmptyInput` when the page holds no text."""
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(html, url=url, include_comments=False,
                                          with_metadata=True, include_tables=True)
    except Exception:  # noqa: BLE001 - trafilatura fails on some junk; fall back below
        doc = None
    tags = meta_tags(html)
    text = _clean_text(getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        text = _fallback_text(html)
    if not text.strip():
        raise EmptyInput(f"{what} holds no article text")
    title = _clean(getattr(doc, "title", None)) or _first(tags, "og:title", "twitter:title",
                                                           "dc.title", "title")
    published = normalize_date(getattr(doc, "date", None)) or normalize_date(
        _first(tags, "article:published_time", "og:published_time", "datepublished",
               "date", "dc.date", "dc.date.issued", "pubdate", "publishdate", "time"))
    # the site's own og:site_name verbatim (trafilatura re-capitalises it), else trafilatura's guess
    outlet = _first(tags, "og:site_name") or _clean(getattr(doc, "sitename", None)) or _first(
        tags, "application-name")
    canonical = _first(tags, "canonical", "og:url")
    page_url = _clean(getattr(doc, "url", None)) or canonical or url
    if page_url and url and not re.match(r"https?://", page_url):
        from urllib.parse import urljoin
        page_url = urljoin(url, page_url)
    author = _clean(getattr(doc, "author", None)) or _first(tags, "author", "article:author", "dc.creator")
    meta = {k: v for k, v in {"description": _first(tags, "og:description", "description"),
                              "fetched_url": url if url and url != page_url else None}.items() if v}
    return Page(text=text, title=title, published=published, outlet=outlet, url=page_url,
                author=author, meta=meta)


def _clean_text(text: str) -> str:
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.splitlines()]
    return "\n".join(ln for ln in lines if ln)


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one block per line."""
    if "<" not in html:
        return _clean_text(html)
    return _clean_text(_fallback_text(f"<html><body>{html}</body></html>"))
