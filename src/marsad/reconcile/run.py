"""Reconciliation: stored events -> incidents, with the review log replayed on top.

Only segments touched since the last run are recomputed (see :mod:`.cluster`): a segment
is touched when it holds an event that belongs to no incident yet (a new report or a new
extraction), a member of an incident that lost an event (re-extraction), or an event a
review decision refers to (so every decision is replayed on every run). ``full=True``
recomputes and rewrites everything. Since clustering is a deterministic function of a
segment's events, an incremental run gives the same incidents as a full one.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable

import sqlalchemy as sa

from ..store import schema as t
from .build import build_incident
from .cluster import cluster_segment, segments
from .features import Ev
from .review import apply_attributes, load_decisions, replay_membership, resolve_ref

#: bump when a change to reconciliation changes incidents: stored incidents are recomputed
ALGO_VERSION = "2"
CHUNK = 900


@dataclass
class ReconcileSummary:
    events: int = 0
    incidents: int = 0
    segments: int = 0
    recomputed_segments: int = 0
    recomputed_events: int = 0
    new: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    decisions: int = 0
    applied: int = 0
    unapplied: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    full: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _chunks(seq: list, n: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def light_query():
    ev, x, d = t.events.c, t.extractions.c, t.documents.c
    return (sa.select(ev.id, ev.document_id, ev.key, ev.rank, ev.type, ev.sub_type, ev.date_start,
                      ev.date_end, ev.date_precision, ev.country, ev.admin1_iso, ev.location_name,
                      ev.lat, ev.lon, ev.geo_precision, ev.fatalities_best, d.published, d.outlet,
                      d.title, d.url,
                      t.events.c.data[("location", "admin1")].as_string().label("admin1_name"))
            .join(t.extractions, x.id == ev.extraction_id)
            .join(t.documents, d.id == ev.document_id)
            .where(x.is_current.is_(True)))


def load_events(conn, document_ids: list[str] | None = None) -> list[Ev]:
    q = light_query()
    if document_ids is None:
        return [Ev(r) for r in conn.execute(q).mappings()]
    out: list[Ev] = []
    for chunk in _chunks(sorted(set(document_ids))):
        out.extend(Ev(r) for r in conn.execute(q.where(t.events.c.document_id.in_(chunk))).mappings())
    return out


def by_document(evs: Iterable[Ev]) -> dict[str, list[Ev]]:
    out: dict[str, list[Ev]] = {}
    for e in evs:
        out.setdefault(e.doc, []).append(e)
    for v in out.values():
        v.sort(key=lambda e: (e.rank, e.key))
    return out


def _load_data(conn, evs: list[Ev], everything: bool) -> None:
    by_id = {e.id: e for e in evs}
    ev, x = t.events.c, t.extractions.c
    q = (sa.select(ev.id, ev.data).join(t.extractions, x.id == ev.extraction_id)
         .where(x.is_current.is_(True)))
    if everything:
        for i, data in conn.execute(q):
            e = by_id.get(i)
            if e is not None:
                e.load(data if isinstance(data, dict) else {})
        return
    for chunk in _chunks(sorted(by_id)):
        for i, data in conn.execute(q.where(ev.id.in_(chunk))):
            by_id[i].load(data if isinstance(data, dict) else {})


def _load_statements(conn, doc_ids: list[str]) -> dict[str, list[dict]]:
    import json

    x = t.extractions.c
    out: dict[str, list[dict]] = {}
    for chunk in _chunks(sorted(set(doc_ids))):
        q = sa.select(x.document_id, x.result["statements"]).where(
            x.is_current.is_(True), x.document_id.in_(chunk))
        for doc, st in conn.execute(q):
            if isinstance(st, str):
                try:
                    st = json.loads(st)
                except ValueError:
                    st = None
            if isinstance(st, list) and st:
                out[doc] = st
    return out


def _row(inc: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
    loc = inc.get("location") or {}
    date = inc.get("date") or {}
    return {"id": inc["id"], "type": inc.get("type"), "sub_type": inc.get("sub_type"),
            "date_start": date.get("start"), "date_end": date.get("end"),
            "country": loc.get("country"), "admin1_iso": loc.get("admin1_iso"),
            "lat": loc.get("lat"), "lon": loc.get("lon"), "grade": inc.get("grade"),
            "fatalities_best": inc.get("fatalities_best"), "data": inc, "updated_at": now}


def reconcile(store, settings, *, full: bool = False,
              progress: Callable[[int, int], None] | None = None) -> ReconcileSummary:
    """Cluster the current events into incidents, replay the review log and store the
    result. ``progress(advance, total)`` is called as events are processed."""
    import gc

    # hundreds of thousands of small, acyclic objects: the cyclic collector would only
    # rescan them over and over (a third of the run time on a large archive)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _reconcile(store, settings, full=full, progress=progress)
    finally:
        if enabled:
            gc.enable()


def _reconcile(store, settings, *, full: bool,
               progress: Callable[[int, int], None] | None) -> ReconcileSummary:
    t0 = time.perf_counter()
    window = int(settings.reconcile_window_days)
    max_km = float(settings.reconcile_max_km)
    summary = ReconcileSummary(full=full)
    inc_ev = t.incident_events.c
    with store.engine.connect() as conn:
        evs = load_events(conn)
        links = conn.execute(sa.select(inc_ev.incident_id, inc_ev.event_id)).all()
        decisions = load_decisions(conn)
        meta = dict(conn.execute(sa.select(t.meta.c.key, t.meta.c.value)
                                 .where(t.meta.c.key.like("reconcile.%"))).all())
        orphans = set(conn.execute(sa.select(t.incidents.c.id).where(
            t.incidents.c.id.not_in(sa.select(inc_ev.incident_id)))).scalars())
    summary.events = len(evs)
    summary.decisions = len(decisions)
    by_id = {e.id: e for e in evs}
    by_doc = by_document(evs)
    old_members: dict[str, set[int]] = {}
    event_incident: dict[int, str] = {}
    for iid, eid in links:
        old_members.setdefault(iid, set()).add(eid)
        event_incident[eid] = iid
    everything = full or meta.get("reconcile.version") != ALGO_VERSION

    segs = segments(evs, window)
    seg_of = {e.id: i for i, s in enumerate(segs) for e in s}
    summary.segments = len(segs)
    stale = {iid for iid, mem in old_members.items() if any(eid not in by_id for eid in mem)}
    if everything:
        touched = set(range(len(segs)))
    else:
        touched = {seg_of[e.id] for e in evs if e.id not in event_incident}
        for iid in stale:
            touched.update(seg_of[eid] for eid in old_members[iid] if eid in by_id)
        for d in decisions:
            for r in (d.get("payload") or {}).get("refs") or []:
                e = resolve_ref(r, by_doc)
                if e is not None:
                    touched.add(seg_of[e.id])
        # an old incident spanning segments (a merge) is rebuilt whole
        while True:
            tev = {e.id for s in touched for e in segs[s]}
            extra = set()
            for iid, mem in old_members.items():
                if mem & tev:
                    extra.update(seg_of[eid] for eid in mem if eid in by_id and seg_of[eid] not in touched)
            if not extra:
                break
            touched |= extra
    order = sorted(touched)
    touched_evs = [e for s in order for e in segs[s]]
    touched_ids = {e.id for e in touched_evs}
    summary.recomputed_segments, summary.recomputed_events = len(order), len(touched_evs)

    with store.engine.connect() as conn:
        _load_data(conn, touched_evs, everything and len(touched_evs) == len(evs))
        statements = _load_statements(conn, [e.doc for e in touched_evs if e.rank == 0])

    clusters: list[list[Ev]] = []
    for s in order:
        clusters.extend(cluster_segment(segs[s], window, max_km))
        if progress:
            progress(len(segs[s]), len(touched_evs))

    outcome: dict[int, dict[str, Any]] = {}

    def report(d, ok: bool, why: str | None, missing: list) -> None:
        outcome[d["id"]] = {"id": d["id"], "action": d["action"], "target": d["target"],
                            "applied": ok, "why": why, "missing_refs": missing,
                            "reason": d.get("reason")}

    clusters = replay_membership(decisions, clusters, by_doc, report)
    incidents = [build_incident(c, statements) for c in clusters]
    inc_by_event = {e.id: inc for c, inc in zip(clusters, incidents) for e in c}
    apply_attributes(decisions, inc_by_event, by_doc, report)
    for d in decisions:  # decisions whose references are all gone were never reported
        if d["id"] not in outcome:
            report(d, False, "none of its references is found in the current events", [])
    summary.applied = sum(1 for o in outcome.values() if o["applied"])
    summary.unapplied = [o for _, o in sorted(outcome.items()) if not o["applied"]]

    last_seen = int(meta.get("reconcile.review_seen") or 0)
    affected = {iid for iid, mem in old_members.items() if mem & touched_ids} | stale | orphans
    if everything:
        affected |= set(old_members) | orphans
    to_write: list[dict[str, Any]] = []
    new_ids = set()
    for inc in incidents:
        iid = inc["id"]
        new_ids.add(iid)
        mem = {e["event_id"] for e in inc["events"]}
        reviewed = any(n["decision"] > last_seen for n in inc["review"]["decisions"])
        if iid not in old_members and iid not in orphans:
            summary.new += 1
            to_write.append(inc)
        elif old_members.get(iid) != mem or reviewed:
            summary.changed += 1
            to_write.append(inc)
        else:
            summary.unchanged += 1
            if everything:
                to_write.append(inc)
    removed = affected - new_ids
    summary.removed = len(removed)
    delete = sorted(removed | {inc["id"] for inc in to_write})
    now = dt.datetime.now(dt.timezone.utc)
    with store.engine.begin() as conn:
        for chunk in _chunks(delete):
            conn.execute(t.incident_events.delete().where(inc_ev.incident_id.in_(chunk)))
            conn.execute(t.incidents.delete().where(t.incidents.c.id.in_(chunk)))
        rows = [_row(inc, now) for inc in to_write]
        for chunk in _chunks(rows, 2000):
            conn.execute(t.incidents.insert(), chunk)
        links_new = [{"incident_id": inc["id"], "event_id": e["event_id"]}
                     for inc in to_write for e in inc["events"]]
        for chunk in _chunks(links_new, 5000):
            conn.execute(t.incident_events.insert(), chunk)
        state = {"reconcile.version": ALGO_VERSION,
                 "reconcile.review_seen": str(max([d["id"] for d in decisions], default=0)),
                 "reconcile.last_run": now.isoformat()}
        conn.execute(t.meta.delete().where(t.meta.c.key.in_(list(state))))
        conn.execute(t.meta.insert(), [{"key": k, "value": v} for k, v in state.items()])
        summary.incidents = conn.execute(sa.select(sa.func.count()).select_from(t.incidents)).scalar_one()
    summary.seconds = round(time.perf_counter() - t0, 3)
    return summary
