"""The naive method the system is compared with (``marsad eval --baseline``).

For each document it builds a result object of the extraction contract with one main
event, so that the same scorers apply:

* date: the dateline, i.e. the first date-like expression in the first 40 characters
  ("Sun 16 Apr 2017", "30-06-2016", "24.08.2013", "2017-04-16", "April 4, 2017"); when
  there is none, the publication date of the document metadata.
* place: the first Syrian governorate named in the text (the 14 governorates and their
  main spellings, and pycountry's ISO 3166-2 names), as ``admin1_iso``; the country is
  that of the first country or governorate named.
* killed: the first number written in digits after the dateline that is not a year
  (1900-2099), as ``fatalities.total``.
* no type, no actors: perpetrator ``unknown``, cause ``unknown``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from .common import fold

#: ISO 3166-2 code -> common English spellings of the 14 Syrian governorates
SYRIAN_GOVERNORATES: dict[str, tuple[str, ...]] = {
    "SY-DI": ("Damascus",),
    "SY-RD": ("Rif Dimashq", "Rif Damascus", "Rural Damascus", "Damascus countryside", "Reef Dimashq"),
    "SY-HL": ("Aleppo", "Halab"),
    "SY-ID": ("Idlib", "Idleb", "Edlib"),
    "SY-HI": ("Homs", "Hims"),
    "SY-HM": ("Hama", "Hamah"),
    "SY-LA": ("Latakia", "Lattakia", "Latakiya", "Ladhiqiyah"),
    "SY-TA": ("Tartus", "Tartous", "Tartous"),
    "SY-DY": ("Deir ez-Zor", "Deir ezzor", "Deir al-Zor", "Deir el-Zor", "Deir Ezzor", "Deir Ez Zor",
              "Dayr az Zawr", "Deir Azzour", "Deir al-Zour"),
    "SY-RA": ("Raqqa", "Raqqah", "Rakka"),
    "SY-HA": ("Hasakah", "Hasaka", "Hassakeh", "Hasakeh", "Hassakah"),
    "SY-QU": ("Quneitra", "Qunaytirah", "Kuneitra"),
    "SY-DR": ("Daraa", "Deraa", "Dara'a", "Dar'a", "Derra"),
    "SY-SU": ("Suwayda", "Sweida", "Suwaida", "Sweyda", "Swaida"),
}

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_MON = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_PATTERNS = (
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b"), ("d", "m", "y")),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON},?\s+(\d{{4}})\b", re.I), ("d", "mon", "y")),
    (re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), ("mon", "d", "y")),
)
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w])")


def dateline(text: str, window: int = 40) -> tuple[str | None, int]:
    """(ISO date, end offset) of the first date-like expression in ``text[:window]``."""
    head = text[:window]
    found: list[tuple[int, int, str]] = []
    for rx, order in _DATE_PATTERNS:
        for m in rx.finditer(head):
            parts = dict(zip(order, m.groups()))
            try:
                month = _MONTHS[parts["mon"].lower()[:3]] if "mon" in parts else int(parts["m"])
                day = dt.date(int(parts["y"]), month, int(parts["d"]))
            except (ValueError, KeyError):
                continue
            found.append((m.start(), m.end(), day.isoformat()))
    if not found:
        return None, 0
    start, end, iso = min(found)
    return iso, end


@lru_cache(maxsize=1)
def _place_patterns() -> tuple[re.Pattern, dict[str, tuple[str, str | None]]]:
    """One regex over folded text for every governorate and country name."""
    import pycountry

    names: dict[str, tuple[str, str | None]] = {}
    for sd in pycountry.subdivisions.get(country_code="SY") or []:
        names.setdefault(fold(sd.name), ("SY", sd.code))
    for code, spellings in SYRIAN_GOVERNORATES.items():
        for sp in spellings:
            names[fold(sp)] = ("SY", code)
    from .hrds import _name_index

    for name, cc in _name_index().items():
        if len(name) > 3:
            names.setdefault(name, (cc, None))
    alts = sorted(names, key=len, reverse=True)
    rx = re.compile(r"\b(" + "|".join(re.escape(a) for a in alts) + r")\b")
    return rx, names


def first_places(text: str) -> tuple[str | None, str | None]:
    """(country of the first place named, ISO code of the first governorate named)."""
    rx, names = _place_patterns()
    country = admin1 = None
    for m in rx.finditer(fold(text)):
        cc, a1 = names[m.group(1)]
        country = country or cc
        if a1:
            admin1 = a1
            break
    return country, admin1


def first_number(text: str, start: int = 0) -> tuple[int, str] | None:
    for m in _NUMBER.finditer(text, start):
        value = int(m.group(1).replace(",", ""))
        if 1900 <= value <= 2099 and "," not in m.group(1):
            continue
        return value, m.group(0)
    return None


def naive_result(document: dict[str, Any]) -> dict[str, Any]:
    """The baseline's result object (``marsad.extraction/1`` shape) for one document."""
    text = document.get("text") or ""
    date, end = dateline(text)
    date = date or document.get("published")
    country, admin1 = first_places(text)
    num = first_number(text, end)
    event: dict[str, Any] = {
        "id": "e1", "type": None, "sub_type": None,
        "date": {"start": date, "end": date, "precision": 1, "text": None} if date else None,
        "location": ({"name": None, "country": country, "admin1_iso": admin1, "precision": 3, "text": None}
                     if country else None),
        "actors": [],
        "fatalities": ({"total": {"low": num[0], "best": num[0], "high": num[0], "text": num[1]}} if num else {}),
        "claims": [],
    }
    return {"schema": "marsad.extraction/1",
            "document": {k: document.get(k) for k in ("id", "title", "url", "outlet", "published")},
            "events": [event], "statements": []}
