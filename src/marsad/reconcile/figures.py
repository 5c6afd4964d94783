"""Figures of an incident: one range per outcome (killed, injured) and victim group.

Every asserted figure comes from a claim of a member event (``claims[i].figures``), or,
when an event's claims carry no figures, from the event's own range attributed to its
first asserting claim (else to the publishing outlet). Denials and figures flagged
implausible are never used. The rule (docs/incidents.md):

* credible figures are those of identified sources (a monitor, agency, outlet, government,
  armed group, international organisation or witness); figures of sources of unknown
  type (a name the registry does not know) count only when no identified source gives one,
  and vague quantities ("dozens", "hundreds") only when no credible source gives a number;
* ``low``  = the lowest credible asserted figure (its ``low``);
* ``high`` = the highest credible asserted figure (the larger of its ``best`` and a stated upper
  bound); ``open`` is true when that highest figure is itself a lower bound ("at least
  100"): the toll may be higher. This is UCDP's high estimate;
* ``best`` = the figure of the most authoritative independent source when one of them is
  a monitor or an international organisation (the median of them when several share the
  top rank); otherwise the median of every independent source's figure. A source's
  figure is the highest it gave (tolls are revised upwards as bodies are counted).
  Medians are lower medians, so ``best`` is always a figure somebody asserted.
"""

from __future__ import annotations

from typing import Any

from .features import AUTHORITATIVE, SOURCE_RANK

GROUPS = ("total", "civilians", "combatants", "children", "women")
OUTCOMES = {"killed": "fatalities", "injured": "injured"}


def _int(v: Any) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v if v >= 0 else None
    if isinstance(v, float) and v == v and v >= 0:
        return int(v)
    return None


def assertion(claim_idx: int, source: str, stype: str, low: Any, best: Any, high: Any,
              derived: bool = False, vague: bool = False) -> dict[str, Any] | None:
    b = _int(best)
    lo = _int(low)
    if b is None:
        b = lo
    if b is None:
        return None
    lo = b if lo is None or lo > b else lo
    hi = _int(high)
    if hi is not None and hi < b:
        hi = b
    return {"claim": claim_idx, "source": source, "type": stype, "low": lo, "best": b,
            "high": hi, "derived": bool(derived), "vague": bool(vague)}


def _median_low(values: list[int]) -> int:
    v = sorted(values)
    return v[(len(v) - 1) // 2]


def compute_range(items: list[dict[str, Any]], names: dict[str, str]) -> dict[str, Any] | None:
    """The range of one group from its assertions (see the module doc)."""
    if not items:
        return None
    stated = [a for a in items if not a["derived"]] or items
    stated = [a for a in stated if a["type"] not in (None, "unknown")] or stated
    # "dozens", "hundreds" (ACLED's conservative 12, 100) only when nobody gives a number:
    # a vague word bounds nothing that a count says ("dozens" is not below "at least 58")
    stated = [a for a in stated if not a.get("vague")] or stated
    low = min(a["low"] for a in stated)
    low_claims = sorted({a["claim"] for a in stated if a["low"] == low})
    top = max(max(a["best"], a["high"] or 0) for a in stated)
    high_claims = sorted({a["claim"] for a in stated if max(a["best"], a["high"] or 0) == top})
    is_open = any(a["high"] is None and a["best"] == top for a in stated)

    per_source: dict[str, dict[str, Any]] = {}
    for a in stated:
        p = per_source.setdefault(a["source"], {"best": -1, "rank": 0, "claims": []})
        p["rank"] = max(p["rank"], SOURCE_RANK.get(a["type"], 0))
        if a["best"] > p["best"]:
            p["best"], p["claims"] = a["best"], [a["claim"]]
        elif a["best"] == p["best"]:
            p["claims"].append(a["claim"])
    top_rank = max(p["rank"] for p in per_source.values())
    if top_rank >= AUTHORITATIVE:
        chosen = {k: p for k, p in per_source.items() if p["rank"] == top_rank}
        label = "monitor" if top_rank == SOURCE_RANK["monitor"] else "international organisation"
        who = ", ".join(names.get(k, k) for k in sorted(chosen))
        best_rule = (f"figure of the most authoritative source ({label}: {who})" if len(chosen) == 1
                     else f"median of the most authoritative sources ({label}: {who})")
    else:
        chosen = per_source
        best_rule = f"median of {len(chosen)} independent source{'s' if len(chosen) != 1 else ''}"
    best = _median_low([p["best"] for p in chosen.values()])
    best = min(max(best, low), top)
    best_claims = sorted({c for p in chosen.values() if p["best"] == best for c in p["claims"]})
    rule = (f"low: lowest credible asserted figure; high: highest credible asserted figure"
            f"{' (open-ended: at least)' if is_open else ''}; best: {best_rule}")
    return {"low": low, "best": best, "high": top, "open": is_open, "rule": rule,
            "sources": len(per_source),
            "claims": {"low": low_claims, "best": best_claims, "high": high_claims}}


def incident_figures(assertions: list[dict[str, Any]], names: dict[str, str]) -> dict[str, dict]:
    """``{"fatalities": {group: range}, "injured": {group: range}}`` from assertions that
    carry ``outcome`` and ``group``."""
    out: dict[str, dict] = {"fatalities": {}, "injured": {}}
    by: dict[tuple[str, str], list] = {}
    for a in assertions:
        by.setdefault((a["outcome"], a["group"]), []).append(a)
    for (outcome, group), items in sorted(by.items()):
        r = compute_range(items, names)
        if r:
            out[OUTCOMES[outcome]][group] = r
    return out


def best_total(fatalities: dict[str, dict]) -> int | None:
    """The incident's best total: ``total``, else civilians + combatants."""
    t = fatalities.get("total")
    if t:
        return t["best"]
    parts = [fatalities[g]["best"] for g in ("civilians", "combatants") if fatalities.get(g)]
    return sum(parts) if parts else None
