"""The incident object (docs/incidents.md) built from its member events."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from .features import SOURCE_RANK, Ev, fold, iso, source_key
from .figures import GROUPS, OUTCOMES, assertion, best_total, incident_figures
from .grade import disputed_responsibility, grade

SCHEMA = "marsad.incident/1"
ROLE_ORDER = {"perpetrator": 0, "side_a": 1, "side_b": 2, "target": 3, "participant": 4}


def anchor_of(members: list[Ev]) -> Ev:
    """The incident's anchor: its earliest published report (then lowest document id
    and rank). The incident id derives from it."""
    return min(members, key=lambda e: (e.published or "9999-12-31", e.doc, e.rank, e.key))


def incident_id(anchor: Ev) -> str:
    return "I" + hashlib.sha1(f"{anchor.doc}/{anchor.key}".encode()).hexdigest()[:12]


def _mode(values: list, prefer_low: bool = True):
    c = Counter(values)
    top = max(c.values())
    cands = sorted(v for v, n in c.items() if n == top)
    return cands[0] if prefer_low else cands[-1]


def event_ref(e: Ev) -> dict[str, Any]:
    return {"document_id": e.doc, "key": e.key, "fingerprint": e.fingerprint}


def build_incident(members: list[Ev], statements: dict[str, list[dict]]) -> dict[str, Any]:
    members = sorted(members, key=lambda e: e.order)
    anchor = anchor_of(members)
    claims: list[dict[str, Any]] = []
    assertions: list[dict[str, Any]] = []
    sources: dict[str, dict[str, Any]] = {}
    contested: list[str] = []

    def add_source(k: str, name: str, stype: str, e: Ev) -> None:
        if k == "unknown":
            return
        s = sources.setdefault(k, {"key": k, "names": Counter(), "types": Counter(),
                                   "documents": set(), "relayed_by": set()})
        s["names"][name] += 1
        s["types"][stype] += 1
        s["documents"].add(e.doc)
        if e.outlet and source_key(e.outlet) != k:
            s["relayed_by"].add(e.outlet)

    for e in members:
        data = e.data or {}
        covered: set[tuple[str, str]] = set()
        first: int | None = None
        for c in data.get("claims") or []:
            if not isinstance(c, dict):
                continue
            src = c.get("source") if isinstance(c.get("source"), dict) else {}
            name = src.get("name") or e.outlet or "unknown"
            stype = src.get("type") or "unknown"
            k = source_key(name)
            stance = c.get("stance") or "asserts"
            idx = len(claims)
            claims.append({
                "source": {"name": name, "type": stype}, "source_key": k, "stance": stance,
                "figures": c.get("figures") or [], "text": c.get("text"),
                "start": c.get("start"), "end": c.get("end"), "document_id": e.doc,
                "outlet": e.outlet, "title": e.title, "event": e.key,
                "relayed": bool(e.outlet) and source_key(e.outlet) != k,
            })
            if stance == "denies":
                contested.append(f"{name} denies (report {e.doc[:12]})")
                continue
            if stance not in ("asserts", "alleges"):
                continue
            add_source(k, name, stype, e)
            if first is None:
                first = idx
            for f in c.get("figures") or []:
                if not isinstance(f, dict) or f.get("flag"):
                    continue
                outcome, group = f.get("outcome"), f.get("group") or "total"
                if outcome not in OUTCOMES or group not in GROUPS:
                    continue
                a = assertion(idx, k, stype, f.get("low"), f.get("best"), f.get("high"),
                              f.get("derived", False), vague=f.get("vague") is True)
                if a:
                    a.update(outcome=outcome, group=group)
                    assertions.append(a)
                    covered.add((outcome, group))
        # ranges of the event that no claim carries: attributed to its first claim
        for outcome, field in OUTCOMES.items():
            ranges = data.get(field) if isinstance(data.get(field), dict) else {}
            for group in GROUPS:
                r = ranges.get(group)
                if not isinstance(r, dict) or (outcome, group) in covered:
                    continue
                if first is None:
                    name = e.outlet or "unknown"
                    stype = "media" if e.outlet else "unknown"
                    first = len(claims)
                    claims.append({
                        "source": {"name": name, "type": stype}, "source_key": source_key(name),
                        "stance": "asserts", "figures": [], "text": r.get("text"),
                        "start": None, "end": None, "document_id": e.doc, "outlet": e.outlet,
                        "title": e.title, "event": e.key, "relayed": False,
                        "unattributed": True,
                    })
                    add_source(source_key(name), name, stype, e)
                fc = claims[first]
                a = assertion(first, fc["source_key"], fc["source"]["type"], r.get("low"),
                              r.get("best"), r.get("high"), r.get("derived", False))
                if a:
                    a.update(outcome=outcome, group=group)
                    assertions.append(a)

    # statements of the reports whose main event is here
    stmts = []
    for e in members:
        if e.rank != 0:
            continue
        for s in statements.get(e.doc) or []:
            if not isinstance(s, dict):
                continue
            src = s.get("source") if isinstance(s.get("source"), dict) else {}
            item = {"source": {"name": src.get("name"), "type": src.get("type")},
                    "stance": s.get("stance"), "about": s.get("about"), "text": s.get("text"),
                    "start": s.get("start"), "end": s.get("end"), "document_id": e.doc,
                    "outlet": e.outlet, "title": e.title}
            stmts.append(item)
            if s.get("stance") == "denies":
                contested.append(f"{src.get('name') or 'a source'} denies"
                                 f"{' ' + s['about'] if s.get('about') else ''} (report {e.doc[:12]})")
    perps_by_doc = {e.doc: set(e.perp_cats) for e in members if e.perp_cats}
    if disputed_responsibility(perps_by_doc):
        contested.append("responsibility disputed between state and non-state perpetrators")

    src_list = []
    for k in sorted(sources):
        s = sources[k]
        stype = max(s["types"], key=lambda t: (s["types"][t], SOURCE_RANK.get(t, 0), t))
        src_list.append({"key": k, "name": _mode(list(s["names"].elements())), "type": stype,
                         "documents": sorted(s["documents"]), "relayed_by": sorted(s["relayed_by"])})
    names = {s["key"]: s["name"] for s in src_list}
    figs = incident_figures(assertions, names)
    g, g_rule = grade({s["key"]: s for s in src_list}, contested)

    # type: most common among members; a chemical weapon wins ties (it is distinctive)
    tcount = Counter((e.type, e.sub) for e in members)
    (itype, isub) = min(tcount, key=lambda ts: (-tcount[ts], ts[1] != "chemical_weapon",
                                                 str(ts[0]), str(ts[1])))
    dated = [e for e in members if e.d0 is not None and e.dated_by == "event"] or \
        [e for e in members if e.d0 is not None]
    date: dict[str, Any] = {"start": None, "end": None, "precision": None}
    if dated:
        p = min(e.prec for e in dated)
        fine = [e for e in dated if e.prec == p]
        start = _mode([e.d0 for e in fine])
        end = max(start, _mode([e.d1 for e in fine], prefer_low=False))
        date = {"start": iso(start), "end": iso(end), "precision": p}
        if all(e.dated_by == "published" for e in dated):
            date["dated_by"] = "published"

    location = _location(members)
    actors = _actors(members)
    reports = []
    for e in sorted(members, key=lambda e: (e.published or "9999-12-31", e.doc)):
        if e.doc not in reports:
            reports.append(e.doc)
    return {
        "schema": SCHEMA,
        "id": incident_id(anchor),
        "type": itype, "sub_type": isub,
        "date": date,
        "location": location,
        "actors": actors,
        "fatalities": figs["fatalities"],
        "injured": figs["injured"],
        "fatalities_best": best_total(figs["fatalities"]),
        "grade": g, "grade_rule": g_rule,
        "contested": bool(contested), "contested_reasons": contested,
        "corroboration": len(src_list),
        "sources": src_list,
        "reports": reports,
        "events": [{"event_id": e.id, "document_id": e.doc, "key": e.key, "rank": e.rank,
                    "type": e.type, "sub_type": e.sub, "date": {"start": iso(e.d0), "end": iso(e.d1)},
                    "location": (e.data or {}).get("location", {}).get("name")
                    if isinstance((e.data or {}).get("location"), dict) else None,
                    "outlet": e.outlet, "fingerprint": e.fingerprint} for e in members],
        "claims": claims,
        "statements": stmts,
        "anchor": event_ref(anchor),
        "status": "active",
        "review": {"decisions": [], "edits": []},
    }


def _location(members: list[Ev]) -> dict[str, Any]:
    locs = [(e, e.data.get("location")) for e in members
            if isinstance((e.data or {}).get("location"), dict)]
    if not locs:
        e = members[0]
        return {"name": None, "country": e.country, "admin1": None, "admin1_iso": e.admin1,
                "admin2": None, "lat": None, "lon": None, "precision": None}
    names = Counter(fold(loc.get("name")) for _, loc in locs)
    e, loc = min(locs, key=lambda el: (el[1].get("precision") or 3, -names[fold(el[1].get("name"))],
                                       el[0].order))
    return {k: loc.get(k) for k in ("name", "country", "admin1", "admin1_iso", "admin2",
                                     "lat", "lon", "precision")}


def _actors(members: list[Ev]) -> list[dict[str, Any]]:
    acc: dict[tuple[str, str], dict[str, Any]] = {}
    for e in members:
        for a in (e.data or {}).get("actors") or []:
            if not isinstance(a, dict) or not a.get("name"):
                continue
            k = (a.get("role") or "participant", fold(a["name"]))
            cur = acc.setdefault(k, {"role": k[0], "name": a["name"], "category": a.get("category"),
                                     "documents": set()})
            cur["documents"].add(e.doc)
    out = [{"role": v["role"], "name": v["name"], "category": v["category"],
            "reports": len(v["documents"])} for v in acc.values()]
    out.sort(key=lambda a: (ROLE_ORDER.get(a["role"], 9), -a["reports"], fold(a["name"])))
    return out
