"""What reconciliation knows about one stored event: a small record with the fields
clustering compares, built from an ``events`` row (and its ``data`` JSON when loaded).

Also the normalisation of source names (relays are not corroboration: every claim is
counted under its *source*, normalised so that "SOHR" and "Syrian Observatory for Human
Rights" are one source) and the ranking of source types.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import Any

#: Source types, most authoritative first (see docs/incidents.md, "best figure").
SOURCE_RANK = {
    "monitor": 6,
    "international_org": 5,
    "media": 4,
    "witness": 3,
    "government": 2,
    "state_media": 2,
    "armed_group": 1,
    "unknown": 0,
}
AUTHORITATIVE = 5  # rank from which one source's figure is preferred to the median

_STOP = frozenset("""
a an the of for and or in on at to by with from as is are was were be been has have had
it its this that these those their there said says say told reported according after
before into over under than then also more least about some who which when where while
de des la le du al el
killed people dead death deaths toll wounded injured attack attacks strike strikes near city
town village province district area region local least people said news reports report
""".split())
_SMALL = frozenset({"for", "of", "the", "and", "in", "on", "de", "des", "la", "le", "du", "al"})
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str | None) -> str:
    """Lower-case, accents removed, punctuation as spaces, single spaces."""
    if not text:
        return ""
    s = str(text)
    if len(s) <= 120:
        return _fold_short(s)
    return _fold(s)


def _fold(s: str) -> str:
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(s.lower()))


_fold_short = functools.lru_cache(maxsize=65536)(_fold)


@functools.lru_cache(maxsize=65536)
def source_key(name: str | None) -> str:
    """The identity of a source: "SOHR", "Syrian Observatory for Human Rights" and
    "the Syrian Observatory for Human Rights" all give ``sohr``. Multi-word names of
    three or more significant words are keyed by their acronym; shorter names by their
    folded words."""
    s = fold(name)
    if not s:
        return "unknown"
    words = s.split()
    if words[0] == "the" and len(words) > 1:
        words = words[1:]
    if len(words) == 1:
        return words[0]
    sig = [w for w in words if w not in _SMALL]
    if len(sig) >= 3:
        return "".join(w[0] for w in sig)
    return " ".join(words)


def tokens(*texts: str | None) -> frozenset[str]:
    """Content words (4+ characters, or numbers) of ``texts`` for a Jaccard similarity."""
    out: set[str] = set()
    for t in texts:
        if t:
            out.update(fold(t).split())
    return frozenset(w for w in out if (len(w) >= 4 or w.isdigit()) and w not in _STOP)


def day(value: Any) -> int | None:
    """Proleptic ordinal of a ``YYYY-MM-DD`` string, else None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def iso(ordinal: int | None) -> str | None:
    return dt.date.fromordinal(ordinal).isoformat() if ordinal is not None else None


MAX_SPAN_DAYS = 31  # a longer stated period is clipped for blocking


def _region_name(admin1_iso: str, row: dict[str, Any]) -> str | None:
    name = row.get("admin1_name")
    return fold(name) if name else None


class Ev:
    """One current event as reconciliation sees it."""

    __slots__ = ("id", "doc", "key", "rank", "type", "sub", "d0", "d1", "prec", "dated_by",
                 "country", "admin1", "lat", "lon", "gprec", "published", "block",
                 "data", "outlet", "title", "url", "toks", "perps", "perp_cats", "total",
                 "place")

    def __init__(self, row: dict[str, Any]):
        self.id = int(row["id"])
        self.doc = row["document_id"]
        self.key = row["key"]
        self.rank = int(row["rank"] or 0)
        self.type = row.get("type")
        self.sub = row.get("sub_type")
        self.published = row.get("published")
        d0, d1 = day(row.get("date_start")), day(row.get("date_end"))
        self.prec = row.get("date_precision") or 1
        self.dated_by = "event"
        if d0 is None and d1 is not None:
            d0 = d1
        if d0 is None:
            pub = day(self.published)
            if pub is not None:
                # undated event: the days up to its report's publication
                d0, d1, self.prec, self.dated_by = pub - 2, pub, 2, "published"
        if d0 is not None:
            d1 = d1 if d1 is not None and d1 >= d0 else d0
            d1 = min(d1, d0 + MAX_SPAN_DAYS)
        self.d0, self.d1 = d0, d1
        self.country = row.get("country")
        self.admin1 = row.get("admin1_iso")
        self.lat, self.lon = row.get("lat"), row.get("lon")
        self.gprec = row.get("geo_precision") or 3
        self.place = fold(row.get("location_name"))
        if self.place and self.admin1 and self.place == _region_name(self.admin1, row):
            # "Idlib", "Aleppo", "Homs": the city or its governorate? Treated as the
            # governorate (no distance evidence either way)
            self.gprec = 3
        if self.country and self.d0 is not None:
            self.block = (self.country, self.admin1 or "")
        else:
            self.block = None  # cannot be compared: a singleton incident
        self.data = None
        self.outlet = row.get("outlet")
        self.title = row.get("title")
        self.url = row.get("url")
        self.toks: frozenset[str] = frozenset()
        self.perps: frozenset[str] = frozenset()
        self.perp_cats: frozenset[str] = frozenset()
        self.total = row.get("fatalities_best")

    @property
    def order(self) -> tuple:
        """Canonical order: never depends on row ids or insertion order."""
        return (self.d0 if self.d0 is not None else 10**9, self.doc, self.rank, self.key)

    @property
    def fingerprint(self) -> dict[str, Any]:
        return {"type": self.type, "sub_type": self.sub, "date": iso(self.d0) if self.dated_by == "event" else None,
                "admin1": self.admin1}

    def load(self, data: dict[str, Any], outlet=None, title=None, url=None) -> None:
        """Attach the full event object and derive the text features."""
        self.data = data or {}
        if outlet is not None:
            self.outlet = outlet
        if title is not None:
            self.title = title
        if url is not None:
            self.url = url
        texts = [c.get("text") for c in self.data.get("claims") or [] if isinstance(c, dict)]
        loc = self.data.get("location") or {}
        self.toks = tokens(loc.get("name") if isinstance(loc, dict) else None, *texts)
        perps, cats = set(), set()
        for a in self.data.get("actors") or []:
            if isinstance(a, dict) and a.get("role") == "perpetrator":
                if a.get("name"):
                    perps.add(fold(a["name"]))
                if a.get("category") and a["category"] != "unknown":
                    cats.add(a["category"])
        self.perps, self.perp_cats = frozenset(perps), frozenset(cats)
