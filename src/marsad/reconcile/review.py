"""Human decisions: recorded append-only in ``review_log`` and replayed over the
automatic result on every reconciliation (docs/incidents.md, "Review").

Targets are *stable references* that survive re-extraction (which creates new event
rows): an event is referenced by its document id, its key (``e1`` ...) and a
fingerprint (type, sub-type, date, admin1) taken when the decision was made. An
incident is referenced by its anchor event. The ``target`` column holds
``event:<document_id>/<key>`` of the first reference; ``payload.refs`` holds them all.

A reference resolves to the current event of that document with, in order: the same
key and the same fingerprint; any key and the same fingerprint; the same key and at
least two of type, date and admin1 equal; any key and at least two equal (most equal
first, then main event first). A decision none of whose references resolve is kept in
the log and reported as *unapplied*, never dropped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import sqlalchemy as sa

from ..errors import ReviewError
from ..store import schema as t
from .features import Ev, day, iso

ACTIONS = ("merge", "split", "confirm", "reject", "edit")
MEMBERSHIP = ("merge", "split")
GROUPS = ("total", "civilians", "combatants", "children", "women")
ROLES = ("perpetrator", "target", "side_a", "side_b", "participant")
SUBTYPES = {
    "battles": ("armed_clash", "government_regains_territory", "non_state_actor_overtakes_territory"),
    "explosions_remote_violence": ("chemical_weapon", "air_drone_strike", "suicide_bomb",
                                   "shelling_artillery_missile_attack", "remote_explosive_landmine_ied",
                                   "grenade"),
    "violence_against_civilians": ("sexual_violence", "attack", "abduction_forced_disappearance"),
    "protests": ("peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters"),
    "riots": ("violent_demonstration", "mob_violence"),
    "strategic_developments": ("agreement", "arrests", "change_to_group_activity", "disrupted_weapons_use",
                               "headquarters_or_base_established", "looting_property_destruction",
                               "non_violent_transfer_of_territory", "other"),
}
TYPE_OF = {s: ty for ty, subs in SUBTYPES.items() for s in subs}


# -- resolving references ------------------------------------------------------------
def _matches(ref_fp: dict[str, Any], e: Ev) -> int:
    fp = e.fingerprint
    return sum(1 for k in ("type", "date", "admin1") if ref_fp.get(k) is not None and ref_fp.get(k) == fp.get(k))


def resolve_ref(ref: dict[str, Any], by_doc: dict[str, list[Ev]]) -> Ev | None:
    """The current event a reference designates, or None (see the module doc)."""
    evs = by_doc.get(ref.get("document_id") or "") or []
    if not evs:
        return None
    fp = ref.get("fingerprint") or {}
    wanted = sum(1 for k in ("type", "date", "admin1") if fp.get(k) is not None)
    key = ref.get("key")
    need_all = max(wanted, 1)
    for e in evs:
        if e.key == key and _matches(fp, e) >= need_all:
            return e
    full = [e for e in evs if _matches(fp, e) >= need_all]
    if full:
        return min(full, key=lambda e: (e.rank, e.key))
    need = min(2, wanted)
    for e in evs:
        if e.key == key and _matches(fp, e) >= need:
            return e
    part = [e for e in evs if _matches(fp, e) >= need]
    if part:
        return min(part, key=lambda e: (-_matches(fp, e), e.rank, e.key))
    return None


# -- reading and writing the log -----------------------------------------------------
def load_decisions(conn) -> list[dict[str, Any]]:
    rows = conn.execute(sa.select(t.review_log).order_by(t.review_log.c.id)).mappings().all()
    out = []
    for r in rows:
        d = dict(r)
        if isinstance(d.get("payload"), str):
            try:
                d["payload"] = json.loads(d["payload"])
            except ValueError:
                d["payload"] = {}
        if isinstance(d.get("created_at"), (dt.datetime, dt.date)):
            d["created_at"] = d["created_at"].isoformat()
        out.append(d)
    return out


def review_log(store) -> list[dict[str, Any]]:
    """Every decision, oldest first: ``{id, created_at, reviewer, action, target, payload, reason}``."""
    with store.engine.connect() as conn:
        return load_decisions(conn)


def parse_edit(field: str, value: Any) -> tuple[str, Any]:
    """Validate an ``edit``: returns the normalised ``(field, value)``."""
    f = (field or "").strip().lower()
    if isinstance(value, str):
        v = value.strip()
        if v.startswith("{") or v.startswith("["):
            try:
                value = json.loads(v)
            except ValueError:
                raise ReviewError(f"edit value for {field!r} is not valid JSON", code="M603") from None
        else:
            value = v
    m = re.fullmatch(r"(fatalities|killed|injured)(?:\.(\w+))?", f)
    if m:
        outcome = "injured" if m.group(1) == "injured" else "fatalities"
        group = m.group(2) or "total"
        if group not in GROUPS:
            raise ReviewError(f"unknown victim group {group!r}; use one of {', '.join(GROUPS)}", code="M603")
        return f"{outcome}.{group}", _parse_range(value)
    if f == "date":
        if isinstance(value, dict):
            s, e = value.get("start"), value.get("end") or value.get("start")
        else:
            parts = str(value).replace("..", "/").split("/")
            s, e = parts[0], parts[-1]
        if day(s) is None or day(e) is None or day(e) < day(s):
            raise ReviewError(f"bad date {value!r}: give YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD", code="M603")
        return "date", {"start": iso(day(s)), "end": iso(day(e)), "precision": 1 if s == e else 2}
    if f in ("place", "location"):
        if isinstance(value, dict):
            allowed = {"name", "country", "admin1", "admin1_iso", "admin2", "lat", "lon", "precision"}
            bad = set(value) - allowed
            if bad:
                raise ReviewError(f"unknown location keys {sorted(bad)}; allowed: {sorted(allowed)}", code="M603")
            return "location", value
        if not str(value):
            raise ReviewError("empty place", code="M603")
        return "location", {"name": str(value)}
    if f in ("actor", "actors"):
        if isinstance(value, dict):
            actor = value
        else:
            role, sep, name = str(value).partition("=")
            if not sep:
                raise ReviewError("actor edit: give ROLE=NAME (e.g. perpetrator=Islamic State) or a JSON "
                                  "object {\"role\", \"name\", \"category\"}", code="M603")
            actor = {"role": role.strip(), "name": name.strip()}
        if actor.get("role") not in ROLES or not actor.get("name"):
            raise ReviewError(f"actor edit needs a role in {ROLES} and a name", code="M603")
        return "actor", {k: actor.get(k) for k in ("role", "name", "category") if actor.get(k)}
    if f in ("type", "sub_type"):
        s = str(value).split("/")[-1]
        if s not in TYPE_OF:
            raise ReviewError(f"unknown sub-type {value!r}", code="M603")
        return "type", {"type": TYPE_OF[s], "sub_type": s}
    raise ReviewError(f"cannot edit {field!r}: edit fatalities.GROUP, injured.GROUP, date, place, "
                      "actor or type", code="M603")


def _parse_range(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        lo, b, hi = value.get("low"), value.get("best"), value.get("high")
    else:
        parts = str(value).split("-")
        try:
            nums = [int(p) for p in parts]
        except ValueError:
            raise ReviewError(f"bad figure {value!r}: give N, LOW-HIGH or LOW-BEST-HIGH", code="M603") from None
        if len(nums) == 1:
            lo = b = hi = nums[0]
        elif len(nums) == 2:
            lo, hi = nums
            b = lo
        elif len(nums) == 3:
            lo, b, hi = nums
        else:
            raise ReviewError(f"bad figure {value!r}", code="M603")
    if b is None:
        b = lo
    if lo is None:
        lo = b
    vals = [v for v in (lo, b, hi) if v is not None]
    if b is None or any(not isinstance(v, int) or isinstance(v, bool) or v < 0 for v in vals) \
            or lo > b or (hi is not None and hi < b):
        raise ReviewError(f"bad figure {value!r}: need 0 <= low <= best <= high", code="M603")
    return {"low": lo, "best": b, "high": hi}


# -- replay --------------------------------------------------------------------------
def replay_membership(decisions, clusters: list[list[Ev]], by_doc, report) -> list[list[Ev]]:
    """Apply merges and splits in log order to ``clusters`` (lists of events)."""
    where: dict[int, int] = {}
    groups: dict[int, list[Ev]] = {}
    for i, c in enumerate(clusters):
        groups[i] = list(c)
        for e in c:
            where[e.id] = i
    nxt = len(clusters)
    for d in decisions:
        if d["action"] not in MEMBERSHIP:
            continue
        refs = (d.get("payload") or {}).get("refs") or []
        evs = [resolve_ref(r, by_doc) for r in refs]
        found = [e for e in evs if e is not None and e.id in where]
        missing = [r for r, e in zip(refs, evs) if e is None or e.id not in where]
        if d["action"] == "merge":
            ids = []
            for e in found:
                if where[e.id] not in ids:
                    ids.append(where[e.id])
            if len(found) < 2:
                report(d, False, "fewer than two of its incidents are found in the current events", missing)
                continue
            keep = min(ids)
            for g in ids:
                if g == keep:
                    continue
                for e in groups.pop(g):
                    where[e.id] = keep
                    groups[keep].append(e)
            report(d, True, None, missing)
        else:  # split: refs[0] = the incident, refs[1:] = the events moved out
            movers = [e for e, r in zip(evs[1:], refs[1:]) if e is not None and e.id in where]
            if not movers:
                report(d, False, "none of the events to split out is found in the current events", missing)
                continue
            new = []
            for e in movers:
                g = where[e.id]
                groups[g] = [m for m in groups[g] if m.id != e.id]
                if not groups[g]:
                    del groups[g]
                new.append(e)
                where[e.id] = nxt
            groups[nxt] = new
            nxt += 1
            report(d, True, None, [r for r, e in zip(refs[1:], evs[1:]) if e is None])
    return [g for _, g in sorted(groups.items()) if g]


def apply_attributes(decisions, incidents_by_event: dict[int, dict], by_doc, report) -> None:
    """Apply confirm, reject and edit, in log order, to the built incidents."""
    for d in decisions:
        if d["action"] in MEMBERSHIP:
            continue
        refs = (d.get("payload") or {}).get("refs") or []
        e = resolve_ref(refs[0], by_doc) if refs else None
        inc = incidents_by_event.get(e.id) if e is not None else None
        if inc is None:
            report(d, False, "its incident's anchor event is not found in the current events", refs[:1])
            continue
        who = d.get("reviewer") or "a reviewer"
        note = {"decision": d["id"], "action": d["action"], "reviewer": d.get("reviewer"),
                "reason": d.get("reason"), "created_at": d.get("created_at")}
        inc["review"]["decisions"].append(note)
        if d["action"] == "confirm":
            inc["status"] = "active"
            inc["grade"] = "confirmed"
            inc["grade_rule"] = f"confirmed by {who}" + (f": {d['reason']}" if d.get("reason") else "")
        elif d["action"] == "reject":
            inc["status"] = "rejected"
            inc["grade_rule"] += f"; rejected by {who}" + (f": {d['reason']}" if d.get("reason") else "")
        else:
            _apply_edit(inc, d, who)
        report(d, True, None, [])


def _apply_edit(inc: dict, d: dict, who: str) -> None:
    p = d.get("payload") or {}
    field, value = p.get("field"), p.get("value")
    before: Any = None
    rule = f"edited by {who}: {d.get('reason') or ''}".rstrip(": ")
    if field and (field.startswith("fatalities.") or field.startswith("injured.")):
        outcome, group = field.split(".", 1)
        before = inc[outcome].get(group)
        r = dict(value)
        r.update(open=r.get("high") is None, rule=rule, sources=(before or {}).get("sources", 0),
                 claims=(before or {}).get("claims", {"low": [], "best": [], "high": []}), edited=True)
        if r["high"] is None:
            r["high"] = r["best"]
        inc[outcome][group] = r
        if outcome == "fatalities":
            from .figures import best_total

            inc["fatalities_best"] = best_total(inc["fatalities"])
    elif field == "date":
        before = inc["date"]
        inc["date"] = dict(value, edited=True)
    elif field == "location":
        before = inc["location"]
        loc = {k: inc["location"].get(k) for k in ("country", "admin1", "admin1_iso", "admin2")}
        loc.update(name=None, lat=None, lon=None, precision=None)  # old coordinates: another place
        loc.update(value)
        loc["edited"] = True
        inc["location"] = loc
    elif field == "actor":
        before = [a for a in inc["actors"] if a["role"] == value["role"]]
        inc["actors"] = [a for a in inc["actors"] if a["role"] != value["role"]] + \
            [dict(value, reports=0, edited=True)]
    elif field == "type":
        before = {"type": inc["type"], "sub_type": inc["sub_type"]}
        inc["type"], inc["sub_type"] = value["type"], value["sub_type"]
    inc["review"]["edits"].append({"decision": d["id"], "field": field, "value": value,
                                   "automatic": before, "reviewer": d.get("reviewer"),
                                   "reason": d.get("reason")})
