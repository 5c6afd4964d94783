"""Reading incidents back: :func:`list_incidents`, :func:`get_incident`, and the short
row shown by ``marsad incidents``."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from ..errors import NotFound
from ..store import schema as t
from .features import fold, source_key


def _data(v: Any) -> dict[str, Any]:
    if isinstance(v, str):
        import json

        return json.loads(v)
    return v


def list_incidents(store, *, since: str | None = None, until: str | None = None,
                   country: str | None = None, admin1: str | None = None,
                   type: str | None = None, source: str | None = None,  # noqa: A002
                   grade: str | None = None, include_rejected: bool = False,
                   limit: int | None = None) -> list[dict[str, Any]]:
    """Incidents (the dicts of docs/incidents.md) ordered by date then id.

    ``since``/``until`` keep incidents whose dates overlap the period; ``country`` is an
    ISO 3166-1 alpha-2 code; ``admin1`` an ISO 3166-2 code (``SY-ID``) or an admin1 name;
    ``type`` an event type or sub-type; ``source`` matches a claim's source name (also
    "SOHR" for the Syrian Observatory for Human Rights) or the outlet of a report.
    Rejected incidents are left out unless ``include_rejected``."""
    i = t.incidents.c
    q = sa.select(i.data).order_by(i.date_start.is_(None), i.date_start, i.id)
    if since:
        q = q.where(sa.func.coalesce(i.date_end, i.date_start) >= since)
    if until:
        q = q.where(i.date_start <= until)
    if country:
        q = q.where(sa.func.upper(i.country) == country.strip().upper())
    admin1_name = None
    if admin1:
        a = admin1.strip()
        if len(a) >= 4 and a[2] == "-":
            q = q.where(sa.func.upper(i.admin1_iso) == a.upper())
        else:
            admin1_name = fold(a)
    if type:
        q = q.where(sa.or_(i.type == type, i.sub_type == type))
    if grade:
        q = q.where(i.grade == grade)
    want_src = (fold(source), source_key(source)) if source else None
    out = []
    with store.engine.connect() as conn:
        for (data,) in conn.execute(q):
            inc = _data(data)
            if not include_rejected and inc.get("status") == "rejected":
                continue
            if admin1_name and fold((inc.get("location") or {}).get("admin1")) != admin1_name:
                continue
            if want_src and not _has_source(inc, *want_src):
                continue
            out.append(inc)
            if limit and len(out) >= limit:
                break
    return out


def _has_source(inc: dict[str, Any], folded: str, key: str) -> bool:
    for s in inc.get("sources") or []:
        if s.get("key") == key or folded in fold(s.get("name")):
            return True
    for c in inc.get("claims") or []:
        if folded in fold((c.get("source") or {}).get("name")) or folded in fold(c.get("outlet")):
            return True
    return False


def get_incident(store, incident_id: str) -> dict[str, Any]:
    """One incident by id (or an unambiguous prefix of 5+ characters)."""
    key = (incident_id or "").strip()
    i = t.incidents.c
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(i.data).where(i.id == key)).first()
        if row is None and len(key) >= 5:
            rows = conn.execute(sa.select(i.data).where(i.id.like(key + "%")).limit(2)).all()
            if len(rows) > 1:
                raise NotFound(f"incident id prefix {incident_id!r} is ambiguous; give more characters")
            row = rows[0] if rows else None
    if row is None:
        raise NotFound(f"no incident {incident_id!r} (see `marsad incidents`; run `marsad reconcile` "
                       "after ingesting)")
    return _data(row[0])


def fmt_range(r: dict[str, Any] | None) -> str:
    if not r:
        return ""
    lo, b, hi = r.get("low"), r.get("best"), r.get("high")
    plus = "+" if r.get("open") else ""
    if lo == hi:
        return f"{b}{plus}"
    return f"{b} ({lo}-{hi}{plus})"


def summary_row(inc: dict[str, Any]) -> dict[str, Any]:
    loc = inc.get("location") or {}
    date = inc.get("date") or {}
    d = date.get("start") or ""
    if date.get("end") and date.get("end") != date.get("start"):
        d += f"..{date['end']}"
    fat = inc.get("fatalities") or {}
    return {"id": inc["id"], "date": d, "type": inc.get("sub_type") or inc.get("type"),
            "place": loc.get("name") or "", "admin1": loc.get("admin1_iso") or "",
            "killed": fmt_range(fat.get("total") or fat.get("civilians")),
            "grade": inc.get("grade") + (" (rejected)" if inc.get("status") == "rejected" else ""),
            "sources": inc.get("corroboration"), "reports": len(inc.get("reports") or [])}
