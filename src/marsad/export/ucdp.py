"""Incidents as UCDP GED-style CSV rows. The column mapping is documented in docs/exports.md.

UCDP's GED records organised violence with at least one death. By default only incidents
of the violent event types (battles, explosions/remote violence, violence against
civilians, riots) with a best fatality estimate of at least 1 are exported; the others are
counted as omitted."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from .acled import REGIONS, _sides
from .common import (as_float, claims, country_info, date_span, get, group_range,
                     independent_sources, safe_cell, text, time_precision, total_range,
                     write_csv)

UCDP_COLUMNS = (
    "id", "relid", "year", "type_of_violence", "side_a", "side_b", "dyad_name",
    "number_of_sources", "source_article", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude",
    "geom_wkt", "country", "region", "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    # marsad extensions
    "grade", "reports",
)

TEXT_COLUMNS = frozenset({
    "relid", "side_a", "side_b", "dyad_name", "source_article", "source_original",
    "where_coordinates", "where_description", "adm_1", "adm_2", "country", "reports",
})

VIOLENT_TYPES = frozenset({"battles", "explosions_remote_violence",
                           "violence_against_civilians", "riots"})

_STATE = {"state_forces", "foreign_forces"}
_ORGANISED = {"state_forces", "foreign_forces", "rebel_group", "jihadist_group", "militia"}

# ACLED geo precision -> UCDP where_prec (1 exact place, 2 within 25 km, 4 first-order
# administrative division; 6 country only when the place is not known at all).
WHERE_PREC = {1: 1, 2: 2, 3: 4}

#: ACLED region -> UCDP region (only the regions marsad knows; others stay empty).
UCDP_REGIONS = {"Middle East": "Middle East", "Northern Africa": "Africa"}


def type_of_violence(incident: Mapping) -> int | None:
    """1 state-based, 2 non-state, 3 one-sided; ``None`` when the actors do not tell."""
    one, two = _sides(incident)
    cats1 = {text(a.get("category")) for a in one}
    cats2 = {text(a.get("category")) for a in two}
    if text(incident.get("type")) == "violence_against_civilians" or "civilians" in cats2:
        return 3 if (cats1 & _ORGANISED) or text(incident.get("type")) == \
            "violence_against_civilians" else None
    if (cats1 & _ORGANISED) and (cats2 & _ORGANISED):
        if (cats1 & _STATE) or (cats2 & _STATE):
            return 1
        return 2
    return None


def where_prec(incident: Mapping) -> int | str:
    p = get(incident, "location", "precision")
    if p in WHERE_PREC:
        return WHERE_PREC[p]
    if get(incident, "location", "admin1"):
        return 4
    if get(incident, "location", "country"):
        return 6
    return ""


def date_prec(incident: Mapping) -> int | str:
    """UCDP date precision from the span of the dates: 0 days 1; a 2-6 day range 2; a
    week 3; up to a month 4; longer 5. Without an end date, ACLED's 1/2/3 give 1/3/4."""
    start, end = date_span(incident)
    if start is None:
        return ""
    if get(incident, "date", "end"):
        days = (end - start).days + 1
        return 1 if days == 1 else 2 if days <= 6 else 3 if days == 7 else 4 if days <= 31 else 5
    return {1: 1, 2: 3, 3: 4}.get(time_precision(incident) or 1, 1)


def _side_name(side: list[Mapping]) -> str:
    return "; ".join(text(a.get("name")) for a in side)


def ucdp_row(incident: Mapping) -> dict[str, Any]:
    loc = incident.get("location") if isinstance(incident.get("location"), Mapping) else {}
    country = country_info(loc.get("country"))
    one, two = _sides(incident)
    tov = type_of_violence(incident)
    side_a, side_b = _side_name(one), _side_name(two)
    if tov == 1 and not (set(text(a.get("category")) for a in one) & _STATE):
        side_a, side_b = side_b, side_a  # UCDP puts the government on side A
    start, end = date_span(incident)
    lat, lon = as_float(loc.get("lat")), as_float(loc.get("lon"))
    fig = total_range(incident)
    civ = group_range(incident, "civilians")
    srcs = independent_sources(incident)
    articles = []
    for c in claims(incident):
        label = text(c.get("outlet")) or text(get(c, "source", "name"))
        doc = text(c.get("document_id"))
        item = f"{label} (document {doc})" if doc else label
        if item and item not in articles:
            articles.append(item)
    reports = incident.get("reports") if isinstance(incident.get("reports"), (list, tuple)) else []
    best = fig.best
    deaths_civ = civ.best if civ.best is not None else (0 if best is not None else None)
    row: dict[str, Any] = {
        "id": incident.get("id"),
        "relid": text(incident.get("id")),
        "year": start.year if start else "",
        "type_of_violence": tov or "",
        "side_a": side_a,
        "side_b": side_b,
        "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else "",
        "number_of_sources": len(srcs),
        "source_article": "; ".join(articles),
        "source_original": "; ".join(srcs),
        "where_prec": where_prec(incident),
        "where_coordinates": ", ".join(p for p in (text(loc.get("name")),
                                                   text(loc.get("admin1"))) if p),
        "where_description": loc.get("text"),
        "adm_1": loc.get("admin1"),
        "adm_2": loc.get("admin2"),
        "latitude": f"{lat:.6f}" if lat is not None else "",
        "longitude": f"{lon:.6f}" if lon is not None else "",
        "geom_wkt": f"POINT ({lon:.6f} {lat:.6f})" if lat is not None and lon is not None else "",
        "country": country["name"],
        "region": ("Middle East" if country["iso2"] == "EG"  # UCDP counts Egypt there
                   else UCDP_REGIONS.get(REGIONS.get(country["iso2"], ""), "")),
        "event_clarity": 1 if incident.get("grade") in ("confirmed", "fair") else 2,
        "date_prec": date_prec(incident),
        "date_start": start.isoformat() if start else "",
        "date_end": end.isoformat() if end else "",
        "deaths_a": "",
        "deaths_b": "",
        "deaths_civilians": deaths_civ,
        "deaths_unknown": (max(best - (deaths_civ or 0), 0) if best is not None else None),
        "best": best,
        "high": fig.high,
        "low": fig.low,
        "grade": incident.get("grade"),
        "reports": "; ".join(text(r) for r in reports),
    }
    for col in TEXT_COLUMNS:
        row[col] = safe_cell(row[col])
    return row


def is_ucdp_event(incident: Mapping) -> bool:
    """Organised violence with at least one death (best estimate)."""
    best = total_range(incident).best
    return text(incident.get("type")) in VIOLENT_TYPES and best is not None and best >= 1


def ucdp_rows(incidents: Iterable[Mapping], *, fatal_only: bool = True
              ) -> tuple[list[dict[str, Any]], int]:
    """``(rows, omitted)``: rows for the UCDP-eligible incidents and how many were left out."""
    rows, omitted = [], 0
    for inc in incidents:
        if fatal_only and not is_ucdp_event(inc):
            omitted += 1
            continue
        rows.append(ucdp_row(inc))
    return rows, omitted


def ucdp_csv(incidents: Iterable[Mapping], out=None, *, fatal_only: bool = True
             ) -> tuple[str | None, int]:
    """``(csv_text_or_None, omitted)``; writes to ``out`` when given (opened ``newline=''``)."""
    rows, omitted = ucdp_rows(incidents, fatal_only=fatal_only)
    return write_csv(rows, UCDP_COLUMNS, out), omitted
