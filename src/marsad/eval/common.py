"""Helpers shared by the scorers: tallies, text folding, reading result objects.

Everything here is pure: no I/O, no printing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Tally:
    """Correct / scored counts of one metric. ``value`` is None when nothing was scored."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += bool(ok)

    @property
    def value(self) -> float | None:
        return round(self.correct / self.total, 4) if self.total else None


@dataclass
class Scores:
    """The outcome of scoring one gold set: metric values, their counts, per-item rows."""

    kind: str
    tallies: dict[str, Tally] = field(default_factory=dict)
    rows: list[dict[str, Any]] = field(default_factory=list)  # one per gold item (or gold event)
    extra: dict[str, Any] = field(default_factory=dict)

    def tally(self, name: str) -> Tally:
        return self.tallies.setdefault(name, Tally())

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "metrics": {k: t.value for k, t in self.tallies.items()},
            "counts": {k: [t.correct, t.total] for k, t in self.tallies.items()},
            **self.extra,
        }


_QUOTES = dict.fromkeys(map(ord, "'`´‘’ʼʻʿʾ\""), None)


def fold(text: str | None) -> str:
    """Lower case, no diacritics or quote marks, runs of non-alphanumerics as one space."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).translate(_QUOTES).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", s).split())


def main_event(result: dict[str, Any] | None) -> dict[str, Any] | None:
    """The report's main event: the first event (events are ordered by salience)."""
    if not isinstance(result, dict):
        return None
    events = result.get("events") or []
    return events[0] if events and isinstance(events[0], dict) else None


def event_locations(event: dict[str, Any]) -> list[dict[str, Any]]:
    """The event's location followed by its extra locations (never None entries)."""
    locs = [event.get("location")] + list(event.get("extra_locations") or [])
    return [loc for loc in locs if isinstance(loc, dict)]


def range_best(rng: Any) -> int | None:
    if isinstance(rng, dict) and isinstance(rng.get("best"), (int, float)):
        return int(rng["best"])
    return None


def date_span(event: dict[str, Any] | None) -> tuple[str | None, str | None]:
    """(start, end) ISO strings of an event's date; end defaults to start."""
    d = (event or {}).get("date") or {}
    start = d.get("start") if isinstance(d.get("start"), str) else None
    end = d.get("end") if isinstance(d.get("end"), str) else None
    return start, end or start


def event_texts(event: dict[str, Any], *, claims: bool = True) -> list[str]:
    """Every evidence text of an event (claims, figures, places, actors, date, triggers)."""
    out: list[str] = []
    for c in (event.get("claims") or []) if claims else []:
        if isinstance(c, dict) and c.get("text"):
            out.append(str(c["text"]))
    for group in ("fatalities", "injured"):
        for rng in (event.get(group) or {}).values():
            if isinstance(rng, dict) and rng.get("text"):
                out.append(str(rng["text"]))
    for loc in event_locations(event):
        if loc.get("text"):
            out.append(str(loc["text"]))
    for a in event.get("actors") or []:
        if isinstance(a, dict) and a.get("text"):
            out.append(str(a["text"]))
    for t in event.get("triggers") or []:
        if isinstance(t, dict) and t.get("text"):
            out.append(str(t["text"]))
    for key in ("date", "trigger"):
        v = event.get(key)
        if isinstance(v, dict) and v.get("text"):
            out.append(str(v["text"]))
        elif isinstance(v, str):
            out.append(v)
    return out
