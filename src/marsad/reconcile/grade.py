"""Grades of incidents, in the spirit of Airwars (docs/incidents.md, "Grades").

* ``contested``: a source denies the incident (a claim or a statement with stance
  ``denies`` in one of its reports), or responsibility is disputed (reports name
  perpetrators on opposite sides: state or foreign forces versus non-state armed groups).
* ``confirmed``: two or more independent sources, one of them a monitor or an
  international organisation, and not contested.
* ``fair``: two or more independent sources, or one monitor / international organisation.
* ``weak``: a single source that is neither (or no identifiable source).

Independent sources are counted by normalised source name over asserting and alleging
claims; an outlet relaying SOHR counts as SOHR; the "unknown" source is never counted.
A reviewer's ``confirm`` sets the grade to ``confirmed`` and says so in ``grade_rule``.
"""

from __future__ import annotations

from typing import Any

STATE = {"state_forces", "foreign_forces"}
NON_STATE = {"rebel_group", "jihadist_group", "militia"}
STRONG = {"monitor", "international_org"}


def disputed_responsibility(perps_by_doc: dict[str, set[str]]) -> bool:
    """True when one report blames state/foreign forces and another a non-state armed
    group (and neither blames both)."""
    sides = []
    for cats in perps_by_doc.values():
        s = ("state" if cats & STATE else "") + ("nonstate" if cats & NON_STATE else "")
        if s in ("state", "nonstate"):
            sides.append(s)
    return len(set(sides)) > 1


def grade(sources: dict[str, dict[str, Any]], contested: list[str]) -> tuple[str, str]:
    """``(grade, rule)`` from the independent sources ``{key: {"type": ...}}``."""
    n = len(sources)
    strong = sorted(k for k, s in sources.items() if s.get("type") in STRONG)
    if contested:
        return "contested", "contested: " + "; ".join(contested)
    if n >= 2 and strong:
        return "confirmed", f"{n} independent sources including a monitor or international organisation"
    if n >= 2:
        return "fair", f"{n} independent sources, none a monitor or international organisation"
    if strong:
        return "fair", "a single source that is a monitor or international organisation"
    if n == 1:
        return "weak", "a single source that is not a monitor or international organisation"
    return "weak", "no identifiable source"
