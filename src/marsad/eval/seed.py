"""Scoring against event-level gold (``corpus/seed/*.gold.json``).

Matching (gold.md): an extracted event matches a gold event when the types agree and
their admin1 codes overlap (the event's location or extra locations against the gold
``admin1_iso`` list). Among candidates the best is kept, preferring a sub-type match,
the gold ``place`` by name, and claims whose evidence spans overlap the gold
``evidence`` spans. One extracted event may match several gold events: gold notes
allow an extraction that keeps two annotated events as one.

Per matched gold event the fields are compared:

* ``sub_type``: equal.
* ``date``: the extracted ``[start, end]`` lies within the gold ``[start, end]``;
  ``date_exact``: both ends equal.
* ``place`` (when the gold names one): a location of the event has that name (folded,
  close spelling accepted); ``precision`` within ``precision_accept`` when given.
* ``fatalities``: for each gold victim group, the extracted ``best`` of that group is in
  its ``accept`` list (and ``high`` is null when the gold says ``open_high``). Groups
  marked ``required: false`` are reported but not scored.
* ``sources``: each gold source is the source of some claim of the event (names folded;
  an acronym matches the initials of the full name: "SANA", "SOHR").
* ``stance``: when the gold gives ``stance_accept``, a claim from a gold source (any
  claim when the gold lists none) has an accepted stance.
* ``actors``: each required gold actor has an extracted actor of the same role
  (``perpetrator`` and ``side_a`` interchangeable) and an accepted category.

Document level: ``statements_found`` (required gold statements matched by source and
stance among the result's statements or any event claim), ``must_not_ok`` (share of the
gold ``must_not`` rules respected; see :func:`check_must_not`).
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Sequence

from .common import Scores, date_span, event_locations, event_texts, fold, range_best

_STOP = {"for", "of", "the", "and", "on", "in"}


def _initials(name: str) -> str:
    return "".join(w[0] for w in fold(name).split() if w not in _STOP)


def same_source(a: str | None, b: str | None) -> bool:
    """Source names agree: folded equal, one contains the other, or acronym/initials."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    if re.search(rf"\b{re.escape(fa)}\b", fb) or re.search(rf"\b{re.escape(fb)}\b", fa):
        return True
    ia, ib = _initials(a or ""), _initials(b or "")
    return (" " not in fa and fa == ib and len(fa) >= 2) or (" " not in fb and fb == ia and len(fb) >= 2)


def same_place(gold_name: str, name: str | None) -> bool:
    g, n = fold(gold_name), fold(name)
    if not g or not n:
        return False
    strip = lambda s: " ".join(w for w in s.split() if w not in {"al", "el", "ar", "as", "ad", "an"})  # noqa: E731
    g, n = strip(g).replace(" ", ""), strip(n).replace(" ", "")
    return g == n or difflib.SequenceMatcher(None, g, n).ratio() >= 0.8


def _claim_sources(event: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    return [(((c.get("source") or {}).get("name")), c.get("stance"))
            for c in event.get("claims") or [] if isinstance(c, dict)]


def _overlap(spans: Sequence[Sequence[int]], event: dict[str, Any]) -> int:
    n = 0
    for c in event.get("claims") or []:
        s, e = c.get("start"), c.get("end")
        if isinstance(s, int) and isinstance(e, int):
            n += sum(1 for gs, ge in spans if s < ge and gs < e)
    return n


def candidates(gold_event: dict[str, Any], events: Sequence[dict[str, Any]]) -> list[int]:
    """Indexes of extracted events matching a gold event (type + admin1), best first."""
    want = set(gold_event.get("admin1_iso") or [])
    scored = []
    for i, ev in enumerate(events):
        if ev.get("type") != gold_event.get("type"):
            continue
        if not want & {loc.get("admin1_iso") for loc in event_locations(ev)}:
            continue
        score = 4 * (ev.get("sub_type") == gold_event.get("sub_type"))
        if gold_event.get("place"):
            score += 2 * any(same_place(gold_event["place"], loc.get("name")) for loc in event_locations(ev))
        score += _overlap(gold_event.get("evidence") or [], ev)
        scored.append((-score, i))
    return [i for _, i in sorted(scored)]


def compare_event(g: dict[str, Any], ev: dict[str, Any]) -> dict[str, Any]:
    """Field-by-field comparison of a matched pair: {field: bool} (absent = not scored)."""
    out: dict[str, Any] = {"sub_type": ev.get("sub_type") == g.get("sub_type")}
    gs, ge = (g.get("date") or {}).get("start"), (g.get("date") or {}).get("end")
    s, e = date_span(ev)
    if gs:
        ge = ge or gs
        out["date"] = bool(s and gs <= s and (e or s) <= ge)
        out["date_exact"] = s == gs and (e or s) == ge
    if g.get("place"):
        out["place"] = any(same_place(g["place"], loc.get("name")) for loc in event_locations(ev))
    if g.get("precision_accept"):
        out["precision"] = ((ev.get("location") or {}).get("precision")) in g["precision_accept"]
    fat = ev.get("fatalities") or {}
    groups = {}
    for group, spec in (g.get("fatalities") or {}).items():
        rng = fat.get(group)
        ok = range_best(rng) in (spec.get("accept") or [spec.get("best")])
        if ok and spec.get("open_high"):
            ok = (rng or {}).get("high") is None
        groups[group] = {"ok": ok, "required": spec.get("required", True) is not False,
                         "gold": spec.get("accept"), "got": range_best(rng)}
    out["fatalities"] = groups
    srcs = _claim_sources(ev)
    if g.get("sources"):
        out["sources"] = all(any(same_source(gsrc, name) for name, _ in srcs) for gsrc in g["sources"])
    if g.get("stance_accept"):
        pool = [st for name, st in srcs
                if not g.get("sources") or any(same_source(gsrc, name) for gsrc in g["sources"])]
        out["stance"] = any(st in g["stance_accept"] for st in pool)
    actors_ok = []
    for ga in g.get("actors") or []:
        if ga.get("required") is False:
            continue
        roles = {ga.get("role")} | ({"perpetrator", "side_a"} if ga.get("role") in ("perpetrator", "side_a") else set())
        cats = set(ga.get("accept_categories") or [ga.get("category")])
        actors_ok.append(any(a.get("role") in roles and a.get("category") in cats
                             for a in ev.get("actors") or [] if isinstance(a, dict)))
    if actors_ok:
        out["actors"] = all(actors_ok)
    return out


def _drawn_texts(result: dict[str, Any], phrases: Sequence[str]) -> list[str]:
    """Texts an event, place or actor is drawn from: the texts of places, actors, figures,
    dates and triggers, and claim or statement texts reduced to their lines that hold
    none of ``phrases`` when nothing else is left (a claim whose evidence merely runs on
    into a furniture line is not drawn from it)."""
    out: list[str] = []
    for ev in result.get("events") or []:
        out.extend(event_texts(ev, claims=False))
    sayings = [c for ev in result.get("events") or [] for c in ev.get("claims") or []]
    sayings += [st for st in result.get("statements") or [] if isinstance(st, dict)]
    for c in sayings:
        text = str(c.get("text") or "")
        lines = [ln for ln in text.splitlines() if ln.strip()]
        clean = [ln for ln in lines if not any(p in ln.lower() for p in phrases)]
        if lines and not clean:
            out.append(text)
    return out


def _figures(result: dict[str, Any]) -> list[tuple[str, int]]:
    out = []
    for ev in result.get("events") or []:
        for grp, rng in (ev.get("fatalities") or {}).items():
            b = range_best(rng)
            if b is not None:
                out.append((grp, b))
    return out


def check_must_not(rule: str, gold: dict[str, Any], result: dict[str, Any]) -> bool | None:
    """Whether ``result`` respects one free-text ``must_not`` rule (None: rule not understood).

    The rule's wording selects the check; the check's data comes from the gold events:

    * "outside <country>": every extracted location is in a country of the gold events.
    * "page furniture": no evidence text of the result contains a phrase the rule quotes.
    * "counted as civilians" / "added together": no civilians figure equals a gold
      ``total`` that the gold does not also give as civilians, and no figure equals a
      gold total plus a gold civilians figure.
    """
    r = rule.lower()
    events = gold.get("events") or []
    if "outside" in r:
        countries = {code.split("-")[0] for g in events for code in g.get("admin1_iso") or []}
        return all(loc.get("country") in countries or loc.get("country") is None
                   for ev in result.get("events") or [] for loc in event_locations(ev))
    if "furniture" in r:
        phrases = [p.strip().lower() for p in re.findall(r"'([^']+)'", rule) if len(p.strip()) >= 4]
        return not any(p in t.lower() for p in phrases for t in _drawn_texts(result, phrases))
    if "civilians" in r or "added together" in r:
        totals = {(s.get("best")) for g in events for k, s in (g.get("fatalities") or {}).items() if k == "total"}
        civs = {(s.get("best")) for g in events for k, s in (g.get("fatalities") or {}).items() if k == "civilians"}
        figs = _figures(result)
        bad_civ = any(grp == "civilians" and v in totals - civs for grp, v in figs)
        sums = {a + b for a in totals if a for b in civs if b}
        bad_sum = any(v in sums for _, v in figs)
        return not (bad_civ or bad_sum)
    return None


def score_seed(golds: Sequence[dict[str, Any]], results: Sequence[dict[str, Any] | None],
               ids: Sequence[str | None] | None = None) -> Scores:
    """Score results against event-level ``gold`` objects (same order, same length)."""
    if len(golds) != len(results):
        raise ValueError("golds and results differ in length")
    s = Scores("seed")
    for name in ("required_found", "events_found", "sub_type", "date", "fatalities", "sources",
                 "stance", "actors", "statements_found", "must_not_ok"):
        s.tally(name)
    must_not_report = []
    for i, (gold, result) in enumerate(zip(golds, results)):
        result = result or {}
        doc_id = (ids[i] if ids else None) or i
        events = [e for e in result.get("events") or [] if isinstance(e, dict)]
        for g in gold.get("events") or []:
            required = g.get("required", True) is not False
            cands = candidates(g, events)
            row: dict[str, Any] = {"id": doc_id, "gold": g.get("id"), "required": required,
                                   "type": f"{g.get('type')}/{g.get('sub_type')}",
                                   "matched": events[cands[0]].get("id") if cands else None}
            s.tally("events_found").add(bool(cands))
            if required:
                s.tally("required_found").add(bool(cands))
            if cands:
                cmp = compare_event(g, events[cands[0]])
                row.update({k: v for k, v in cmp.items() if k != "fatalities"})
                row["fatalities"] = cmp["fatalities"]
                for key in ("sub_type", "date", "sources", "stance", "actors"):
                    if key in cmp:
                        s.tally(key).add(cmp[key])
                for grp in cmp["fatalities"].values():
                    if grp["required"]:
                        s.tally("fatalities").add(grp["ok"])
            s.rows.append(row)
        pool: list[tuple[str | None, str | None]] = []
        for st in result.get("statements") or []:
            if isinstance(st, dict):
                pool.append(((st.get("source") or {}).get("name"), st.get("stance")))
        for ev in events:
            pool.extend(_claim_sources(ev))
        for gst in gold.get("statements") or []:
            found = any(same_source(gst.get("source"), name) and stance == gst.get("stance")
                        for name, stance in pool)
            if gst.get("required", True) is not False:
                s.tally("statements_found").add(found)
            s.rows.append({"id": doc_id, "gold": gst.get("id"), "required": gst.get("required", True) is not False,
                           "type": f"statement/{gst.get('source')} {gst.get('stance')}", "matched": found})
        for rule in gold.get("must_not") or []:
            ok = check_must_not(rule, gold, result)
            must_not_report.append({"id": doc_id, "rule": rule, "ok": ok})
            if ok is not None:
                s.tally("must_not_ok").add(ok)
    s.extra["must_not"] = must_not_report
    return s
