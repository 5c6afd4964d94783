"""Incidents as ACLED-style CSV rows. The column mapping is documented in docs/exports.md."""

from __future__ import annotations

import re
import time
from datetime import datetime
from typing import Any, Iterable, Mapping

from .common import (EVENT_TYPES, SUB_EVENT_TYPES, actors, as_float, country_info,
                     date_span, denials, get, group_range, independent_sources, is_contested,
                     safe_cell, source_types, text, time_precision, total_range, write_csv)

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
    # marsad extensions (after ACLED's columns, so ACLED readers can ignore them)
    "marsad_id", "fatalities_low", "fatalities_best", "fatalities_high", "grade",
    "corroboration", "reports",
)

#: Columns that may carry text taken from articles: defused against formula injection.
TEXT_COLUMNS = frozenset({
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2",
    "admin3", "location", "source", "notes", "tags", "marsad_id", "reports", "event_id_cnty",
})

#: ACLED's inter codes for marsad's actor categories.
INTER_CODES: dict[str, int] = {
    "state_forces": 1,
    "rebel_group": 2,
    "jihadist_group": 2,
    "militia": 3,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "foreign_forces": 8,
}

SIDE_1_ROLES = ("perpetrator", "side_a", "participant")
SIDE_2_ROLES = ("target", "side_b")

#: ACLED's region of the countries of the Middle East and North Africa (others: empty).
REGIONS: dict[str, str] = {
    **{c: "Middle East" for c in ("BH", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA",
                                  "SA", "SY", "TR", "AE", "YE")},
    **{c: "Northern Africa" for c in ("DZ", "EG", "LY", "MA", "SD", "TN")},
}

#: Source ``type`` of the claims -> ACLED source scale (see docs/exports.md).
SOURCE_SCALES: dict[str, str] = {
    "international_org": "International",
    "state_media": "National",
    "government": "National",
}
_SCALE_ORDER = ("Local partner", "Subnational", "National", "Regional", "International",
                "New media", "Other")

_PV = "Political violence"


def disorder_type(event_type: str | None, sub_type: str | None) -> str:
    """ACLED's disorder type of an event type / sub-event type."""
    if sub_type == "excessive_force_against_protesters":
        return f"{_PV}; Demonstrations"
    if sub_type == "mob_violence":
        return _PV
    if event_type in ("battles", "explosions_remote_violence", "violence_against_civilians"):
        return _PV
    if event_type in ("protests", "riots"):
        return "Demonstrations"
    if event_type == "strategic_developments":
        return "Strategic developments"
    return ""


def _sides(incident: Mapping) -> tuple[list[Mapping], list[Mapping]]:
    one: list[Mapping] = []
    two: list[Mapping] = []
    seen: set[tuple[int, str]] = set()
    for a in actors(incident):
        name = text(a.get("name")).strip()
        if not name:
            continue
        role = a.get("role")
        side = 1 if role in SIDE_1_ROLES else 2 if role in SIDE_2_ROLES else 0
        if not side or (side, name.casefold()) in seen:
            continue
        seen.add((side, name.casefold()))
        (one if side == 1 else two).append(a)
    return one, two


def inter_code(actor: Mapping | None) -> int:
    """ACLED inter code of an actor; 0 when there is no actor or its category is unknown."""
    if not actor:
        return 0
    return INTER_CODES.get(text(actor.get("category")), 0)


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's two-digit interaction code: the lower inter code first; a sole actor is
    ``inter1 * 10``; 0 when neither actor category is known."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return 0
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def event_id(incident: Mapping, iso3: str) -> str:
    """``SYR123``: ISO alpha-3 of the country (``XXX`` when unknown) + the incident id
    (its digits when the id is numeric, else the id itself after a dash)."""
    raw = text(incident.get("id")).strip()
    prefix = iso3 or "XXX"
    if re.fullmatch(r"\d+", raw):
        return f"{prefix}{int(raw)}"
    return f"{prefix}-{raw}"


def acled_fatalities(incident: Mapping) -> int:
    """ACLED's single conservative figure: the ``low`` of the total, else civilians +
    combatants lows; 0 when no figure was reported (ACLED's convention)."""
    fig = total_range(incident)
    return fig.low if fig.low is not None else 0


def _range_phrase(fig) -> str:
    from .report import fmt_range

    return fmt_range(fig.low, fig.best, fig.high, fig.open_ended)


def _when(incident: Mapping) -> str:
    start, end = date_span(incident)
    if start is None:
        return "On an unknown date"
    if end and end != start:
        return f"Between {start.isoformat()} and {end.isoformat()}"
    return f"On {start.isoformat()}"


def notes(incident: Mapping, *, max_chars: int = 1000) -> str:
    """A short generated summary: when, what, where, the fatality range, sources, grade."""
    etype = SUB_EVENT_TYPES.get(text(incident.get("sub_type")), "") or \
        EVENT_TYPES.get(text(incident.get("type")), "") or "an event"
    loc = incident.get("location") or {}
    names: list[str] = []
    for p in (text(get(loc, "name")), text(get(loc, "admin1")),
              country_info(get(loc, "country"))["name"]):
        if p and p not in names:
            names.append(p)
    place = ", ".join(names)
    parts = [f"{_when(incident)}, {etype.lower() if etype != 'Other' else 'an event'}"
             + (f" in {place}" if place else "") + "."]
    fig = total_range(incident)
    parts.append(f"Fatalities: {_range_phrase(fig)}.")
    civ = group_range(incident, "civilians")
    if civ.known and fig.known:
        parts.append(f"Civilians: {_range_phrase(civ)}.")
    srcs = independent_sources(incident)
    if srcs:
        parts.append(f"Sources ({len(srcs)} independent): {'; '.join(srcs)}.")
    grade = text(incident.get("grade"))
    if grade:
        parts.append(f"Grade: {grade}.")
    deniers = []
    for c in denials(incident):
        n = text(get(c, "source", "name"))
        if n and n not in deniers:
            deniers.append(n)
    if deniers:
        parts.append(f"Denied by: {'; '.join(deniers)}.")
    out = " ".join(parts)
    out = re.sub(r"\s+", " ", out).strip()
    return out if len(out) <= max_chars else out[: max_chars - 1] + "\u2026"


def source_scale(incident: Mapping) -> str:
    scales = {SOURCE_SCALES.get(t, "Other") for t in source_types(incident)}
    return "-".join(s for s in _SCALE_ORDER if s in scales)


def tags(incident: Mapping) -> str:
    out = []
    grade = text(incident.get("grade"))
    if grade:
        out.append(f"grade: {grade}")
    if is_contested(incident):
        out.append("contested")
    fig = total_range(incident)
    if fig.open_ended:
        out.append("fatalities open-ended")
    return "; ".join(out)


def _timestamp(incident: Mapping, now: int) -> int:
    for key in ("updated_at", "updated", "modified"):
        v = incident.get(key)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return int(v)
        if isinstance(v, str):
            try:
                return int(datetime.fromisoformat(v.replace("Z", "+00:00")).timestamp())
            except ValueError:
                continue
    return now


def acled_row(incident: Mapping, *, now: int | None = None) -> dict[str, Any]:
    """One incident as an ACLED-style row (dict of column -> value, text columns defused)."""
    now = int(time.time()) if now is None else now
    loc = incident.get("location") if isinstance(incident.get("location"), Mapping) else {}
    country = country_info(loc.get("country"))
    etype, stype = text(incident.get("type")), text(incident.get("sub_type"))
    one, two = _sides(incident)
    a1 = one[0] if one else None
    a2 = two[0] if two else None
    i1, i2 = inter_code(a1), inter_code(a2)
    start, _end = date_span(incident)
    lat, lon = as_float(loc.get("lat")), as_float(loc.get("lon"))
    civ_target = (etype == "violence_against_civilians"
                  or stype == "excessive_force_against_protesters"
                  or (etype in ("explosions_remote_violence", "riots")
                      and any(text(a.get("category")) == "civilians" for a in two)))
    fig = total_range(incident)
    reports = incident.get("reports") if isinstance(incident.get("reports"), (list, tuple)) else []
    row: dict[str, Any] = {
        "event_id_cnty": event_id(incident, country["iso3"]),
        "event_date": start.isoformat() if start else "",
        "year": start.year if start else "",
        "time_precision": time_precision(incident) or "",
        "disorder_type": disorder_type(etype, stype),
        "event_type": EVENT_TYPES.get(etype, etype),
        "sub_event_type": SUB_EVENT_TYPES.get(stype, stype),
        "actor1": a1.get("name") if a1 else "",
        "assoc_actor_1": "; ".join(text(a.get("name")) for a in one[1:]),
        "inter1": i1,
        "actor2": a2.get("name") if a2 else "",
        "assoc_actor_2": "; ".join(text(a.get("name")) for a in two[1:]),
        "inter2": i2,
        "interaction": interaction(i1, i2),
        "civilian_targeting": "Civilian targeting" if civ_target else "",
        "iso": country["isonumeric"],
        "region": REGIONS.get(country["iso2"], ""),
        "country": country["name"],
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "admin3": loc.get("admin3"),
        "location": loc.get("name"),
        "latitude": f"{lat:.4f}" if lat is not None else "",
        "longitude": f"{lon:.4f}" if lon is not None else "",
        "geo_precision": loc.get("precision") if loc.get("precision") in (1, 2, 3) else "",
        "source": "; ".join(independent_sources(incident)),
        "source_scale": source_scale(incident),
        "notes": notes(incident),
        "fatalities": acled_fatalities(incident),
        "tags": tags(incident),
        "timestamp": _timestamp(incident, now),
        "marsad_id": incident.get("id"),
        "fatalities_low": fig.low,
        "fatalities_best": fig.best,
        "fatalities_high": fig.high,
        "grade": incident.get("grade"),
        "corroboration": incident.get("corroboration"),
        "reports": "; ".join(text(r) for r in reports),
    }
    for col in TEXT_COLUMNS:
        row[col] = safe_cell(row[col])
    return row


def acled_rows(incidents: Iterable[Mapping], *, now: int | None = None) -> list[dict[str, Any]]:
    now = int(time.time()) if now is None else now
    return [acled_row(inc, now=now) for inc in incidents]


def acled_csv(incidents: Iterable[Mapping], out=None, *, now: int | None = None) -> str | None:
    """Write the incidents as ACLED-style CSV to ``out`` (a text file opened with
    ``newline=''``), or return the CSV text when ``out`` is ``None``."""
    return write_csv(acled_rows(incidents, now=now), ACLED_COLUMNS, out)
