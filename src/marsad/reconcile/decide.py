"""Recording review decisions (append-only). The replay lives in :mod:`.review`."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from ..errors import NotFound, ReviewError
from ..store import schema as t
from .build import event_ref
from .features import Ev
from .review import ACTIONS, parse_edit
from .run import load_events


def _incident_row(conn, key: str):
    i = t.incidents.c
    row = conn.execute(sa.select(i.id, i.data).where(i.id == key)).first()
    if row is None and len(key) >= 5 and key[0] == "I":
        rows = conn.execute(sa.select(i.id, i.data).where(i.id.like(key + "%")).limit(2)).all()
        if len(rows) > 1:
            raise ReviewError(f"incident id prefix {key!r} is ambiguous", code="M601")
        row = rows[0] if rows else None
    return row


def resolve_target(store, target: str) -> dict[str, Any]:
    """``{"ref": {...}, "incident": id|None, "members": set of event ids|None}`` for an
    incident id (``I…``), a document id or prefix (its main event), or ``DOC/eN``."""
    import json

    key = (target or "").strip()
    if not key:
        raise ReviewError("empty review target", code="M601")
    with store.engine.connect() as conn:
        row = _incident_row(conn, key) if key[:1] == "I" else None
        if row is not None:
            data = json.loads(row[1]) if isinstance(row[1], str) else row[1]
            members = set(conn.execute(sa.select(t.incident_events.c.event_id).where(
                t.incident_events.c.incident_id == row[0])).scalars())
            return {"ref": data["anchor"], "incident": row[0], "members": members}
        doc_part, _, ev_key = key.partition("/")
        try:
            doc_id = store.resolve_document_id(doc_part)
        except NotFound:
            raise ReviewError(f"no incident or document {target!r} (give an incident id from "
                              "`marsad incidents`, a document id, or DOCUMENT/eN)", code="M601") from None
        evs: list[Ev] = sorted(load_events(conn, [doc_id]), key=lambda e: (e.rank, e.key))
        if not evs:
            raise ReviewError(f"document {doc_id[:12]} has no extracted event to review", code="M602")
        if ev_key:
            evs = [e for e in evs if e.key == ev_key]
            if not evs:
                raise ReviewError(f"document {doc_id[:12]} has no event {ev_key!r}", code="M602")
        e = evs[0]
        iid = conn.execute(sa.select(t.incident_events.c.incident_id).where(
            t.incident_events.c.event_id == e.id)).scalar()
        members = None
        if iid is not None:
            members = set(conn.execute(sa.select(t.incident_events.c.event_id).where(
                t.incident_events.c.incident_id == iid)).scalars())
        return {"ref": event_ref(e), "incident": iid, "members": members, "event_id": e.id}


def record_decision(store, action: str, targets: list[str], *, reason: str | None = None,
                    reviewer: str | None = None, field: str | None = None,
                    value: Any = None) -> dict[str, Any]:
    """Validate and append one decision to the review log; returns it. It takes effect
    at the next :func:`reconcile` (the CLI runs one right away)."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown review action {action!r}; use one of {', '.join(ACTIONS)}", code="M606")
    targets = [x for x in (targets or []) if x and x.strip()]
    if not targets:
        raise ReviewError(f"{action} needs a target", code="M601")
    payload: dict[str, Any] = {}
    if action == "merge":
        if len(targets) < 2:
            raise ReviewError("merge needs two or more incidents", code="M604")
        res = [resolve_target(store, x) for x in targets]
        incs = {r["incident"] for r in res}
        if len(incs) == 1 and None not in incs:
            raise ReviewError(f"these are already one incident ({res[0]['incident']})", code="M604")
        payload["refs"] = [r["ref"] for r in res]
        payload["incidents"] = [r["incident"] for r in res]
    elif action == "split":
        if len(targets) < 2:
            raise ReviewError("split needs the incident and at least one report or event to move out",
                              code="M604")
        inc = resolve_target(store, targets[0])
        movers = [resolve_target(store, x) for x in targets[1:]]
        if inc["members"] is not None:
            for x, m in zip(targets[1:], movers):
                if m.get("event_id") is None:
                    raise ReviewError(f"{x!r} is an incident; give the reports (documents) to split out",
                                      code="M604")
                if m["event_id"] not in inc["members"]:
                    raise ReviewError(f"{x!r} is not part of incident {inc['incident']}", code="M604")
            if {m["event_id"] for m in movers} >= inc["members"]:
                raise ReviewError("cannot split every event out of an incident", code="M604")
        payload["refs"] = [inc["ref"]] + [m["ref"] for m in movers]
        payload["incident"] = inc["incident"]
    else:
        if len(targets) != 1:
            raise ReviewError(f"{action} takes one incident", code="M604")
        r = resolve_target(store, targets[0])
        payload["refs"] = [r["ref"]]
        payload["incident"] = r["incident"]
        if action == "edit":
            if not (reason and reason.strip()):
                raise ReviewError("an edit needs a --reason", code="M605")
            if field is None or value is None:
                raise ReviewError("an edit needs a field and a value", code="M603")
            payload["field"], payload["value"] = parse_edit(field, value)
    ref0 = payload["refs"][0]
    row = {"created_at": dt.datetime.now(dt.timezone.utc), "reviewer": reviewer or None,
           "action": action, "target": f"event:{ref0['document_id']}/{ref0['key']}",
           "payload": payload, "reason": reason}
    with store.engine.begin() as conn:
        new_id = conn.execute(t.review_log.insert().values(**row)).inserted_primary_key[0]
    row["id"] = new_id
    row["created_at"] = row["created_at"].isoformat()
    return row
