"""Incidents as a GeoJSON FeatureCollection (RFC 7946): one Point feature per incident
with coordinates, in ``[longitude, latitude]`` order (WGS 84). Incidents without valid
coordinates are left out and counted."""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping

from .common import (EVENT_TYPES, SUB_EVENT_TYPES, coordinates, country_info, date_span,
                     group_range, independent_sources, is_contested, text,
                     time_precision, total_range)


def _range(fig) -> dict[str, Any] | None:
    if not fig.known:
        return None
    return {"low": fig.low, "best": fig.best, "high": fig.high, "open": fig.open_ended}


def feature(incident: Mapping) -> dict[str, Any] | None:
    """The incident as a GeoJSON Feature, or ``None`` when it has no usable coordinates."""
    coords = coordinates(incident)
    if coords is None:
        return None
    lat, lon = coords
    loc = incident.get("location") if isinstance(incident.get("location"), Mapping) else {}
    start, end = date_span(incident)
    fig = total_range(incident)
    etype, stype = text(incident.get("type")), text(incident.get("sub_type"))
    reports = incident.get("reports") if isinstance(incident.get("reports"), (list, tuple)) else []
    props: dict[str, Any] = {
        "id": incident.get("id"),
        "type": etype or None,
        "sub_type": stype or None,
        "event_type": EVENT_TYPES.get(etype, etype) or None,
        "sub_event_type": SUB_EVENT_TYPES.get(stype, stype) or None,
        "date_start": start.isoformat() if start else None,
        "date_end": end.isoformat() if end else None,
        "time_precision": time_precision(incident),
        "location": loc.get("name"),
        "country": country_info(loc.get("country"))["name"] or None,
        "country_code": loc.get("country"),
        "admin1": loc.get("admin1"),
        "admin1_iso": loc.get("admin1_iso"),
        "admin2": loc.get("admin2"),
        "geo_precision": loc.get("precision"),
        "fatalities_low": fig.low,
        "fatalities_best": fig.best,
        "fatalities_high": fig.high,
        "fatalities_open_ended": fig.open_ended,
        "fatalities": {g: _range(group_range(incident, g))
                       for g in ("total", "civilians", "combatants", "children", "women")},
        "grade": incident.get("grade"),
        "contested": is_contested(incident),
        "corroboration": incident.get("corroboration"),
        "sources": independent_sources(incident),
        "reports": [r for r in reports if isinstance(r, (str, int))],
    }
    fid = incident.get("id")
    out: dict[str, Any] = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
        "properties": props,
    }
    if isinstance(fid, (str, int)) and not isinstance(fid, bool):
        out["id"] = fid
    return out


def feature_collection(incidents: Iterable[Mapping]) -> tuple[dict[str, Any], int]:
    """``(collection, omitted)``: the FeatureCollection and how many incidents had no
    usable coordinates."""
    features, omitted = [], 0
    for inc in incidents:
        f = feature(inc)
        if f is None:
            omitted += 1
        else:
            features.append(f)
    return {"type": "FeatureCollection", "features": features}, omitted


def geojson_text(incidents: Iterable[Mapping]) -> tuple[str, int]:
    """``(text, omitted)``: the collection serialised as UTF-8 JSON (no NaN allowed)."""
    fc, omitted = feature_collection(incidents)
    return json.dumps(fc, ensure_ascii=False, allow_nan=False, default=str) + "\n", omitted
