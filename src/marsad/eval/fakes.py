"""Scoring against report-level FA-KES gold (``corpus/fakes-dev.jsonl``).

The main event of a result is its first event. Metrics (share of articles correct):

``admin1``
    the main event's ``location.admin1_iso`` is one of the gold ``admin1_iso``. No main
    event or no location counts as wrong. Over every article.
``date``
    the gold date lies within the main event's ``[date.start, date.end]`` (end defaults
    to start). ``date_exact``: ``date.start`` equals the gold date. ``date_1day``: within
    the range widened by one day each side (annotators often recorded the dateline of a
    report on an attack of "late Monday"; informative, the gate keeps ``date``). Over
    every article.
``killed_exact``
    over articles whose gold ``killed.civilians`` is > 0 (gold.md: 0 often means "not
    stated", so those articles are not scored). The predicted figure is the main
    event's ``fatalities.civilians.best`` when present, else ``fatalities.total.best``
    (FA-KES annotators recorded the victims of the attack in ``civilians``, which in
    practice is the article's headline toll). Correct when equal to the gold figure.
    ``killed_range``: the gold figure lies within the predicted ``[low, high]`` of that
    same Range (open ``high`` = no upper bound): credit for a right but hedged figure.
``cause``
    the main event's ``sub_type`` mapped by :data:`CAUSE_BY_SUBTYPE` (below) equals the
    gold ``cause``. Articles whose gold cause is ``unknown`` are excluded (the class is
    the annotators' "could not tell", not an event kind). A missing event, or a
    sub-type with no FA-KES counterpart, is wrong.
``perpetrator``
    the main event's perpetrator actor (role ``perpetrator``, else ``side_a``) mapped by
    :func:`perpetrator_class` to one of the 7 FA-KES classes equals the gold class. Over
    every article, ``unknown`` included: no perpetrator predicts ``unknown``, and a
    predicted perpetrator on an ``unknown`` gold is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Sequence

from .common import Scores, date_span, event_texts, fold, main_event

#: ACLED sub-event type -> FA-KES cause. ``attack`` is ``execution`` when the event's
#: evidence speaks of an execution (see :func:`cause_class`), else ``shooting``.
CAUSE_BY_SUBTYPE: dict[str, str] = {
    "shelling_artillery_missile_attack": "shelling",
    "air_drone_strike": "shelling",          # FA-KES files air raids and barrel bombs as shelling
    "remote_explosive_landmine_ied": "explosion",
    "suicide_bomb": "explosion",
    "grenade": "explosion",
    "chemical_weapon": "chemical and toxic gases",
    "armed_clash": "shooting",
    "attack": "shooting",
    "excessive_force_against_protesters": "shooting",
}
_EXECUTION = re.compile(r"\b(execut\w*|behead\w*|summar\w* kill\w*|firing squad)\b", re.I)

PERPETRATOR_CLASSES = (
    "syrian government or russian troops",
    "the organization of the islamic state in iraq and the levant - isis",
    "international coalition forces",
    "armed opposition groups",
    "al-nusra front",
    "self administration forces",
    "unknown",
)
GOV, ISIS, COALITION, OPPOSITION, NUSRA, SDF, UNKNOWN = PERPETRATOR_CLASSES

#: (pattern over the folded actor name and text, FA-KES class), first match wins.
#: Names are checked before categories so that "Russian air force" (foreign_forces)
#: lands with the Syrian government as FA-KES counts it.
PERPETRATOR_NAMES: tuple[tuple[str, str], ...] = (
    (r"^is$|\b(islamic state|isis|isil|daesh|daish)\b", ISIS),
    (r"\b(nusra|hts|hayat tahrir|hayaat tahrir|tahrir al sham|fateh al sham|fatah al sham)\b", NUSRA),
    (r"\b(sdf|ypg|ypj|syrian democratic forces|kurdish|asayish|self administration)\b", SDF),
    (r"\b(free syrian army|fsa|anti government|anti regime)\b", OPPOSITION),
    (r"\b(coalition|us led|u s led|american|united states|us|pentagon|french|british)\b", COALITION),
    (r"\b(russia|russian|syrian government|syrian regime|regime|assad|syrian army|saa|"
     r"government forces|pro government|loyalist|hezbollah|iran|iranian|ndf|national defence|"
     r"national defense|shabiha|syrian air force|state forces)\b", GOV),
    (r"\b(rebel|rebels|opposition|free syrian army|fsa|jaish|ahrar|faylaq|islamist|insurgent)\b",
     OPPOSITION),
)
#: fallback by actor category when no name pattern matched
PERPETRATOR_BY_CATEGORY: dict[str, str] = {
    "state_forces": GOV,
    "rebel_group": OPPOSITION,
    "jihadist_group": OPPOSITION,
    "militia": GOV,          # unnamed militias in Syrian reports are pro-government (NDF, shabiha)
    "unknown": UNKNOWN,
    "civilians": UNKNOWN,
    "protesters": UNKNOWN,
    "rioters": UNKNOWN,
}
_NAME_RES = tuple((re.compile(p), c) for p, c in PERPETRATOR_NAMES)


def perpetrator_actor(event: dict[str, Any] | None) -> dict[str, Any] | None:
    actors = [a for a in (event or {}).get("actors") or [] if isinstance(a, dict)]
    for role in ("perpetrator", "side_a"):
        for a in actors:
            if a.get("role") == role:
                return a
    return None


def perpetrator_class(event: dict[str, Any] | None) -> str:
    """The FA-KES class of an event's perpetrator (``unknown`` when there is none)."""
    actor = perpetrator_actor(event)
    if actor is None:
        return UNKNOWN
    name = fold(actor.get("name"))
    for rx, cls in _NAME_RES:
        if name and rx.search(name):
            return cls
    cat = actor.get("category")
    if cat == "foreign_forces":
        return COALITION
    if cat in PERPETRATOR_BY_CATEGORY:
        return PERPETRATOR_BY_CATEGORY[cat]
    text = fold(actor.get("text"))
    for rx, cls in _NAME_RES:
        if text and rx.search(text):
            return cls
    return UNKNOWN


def cause_class(event: dict[str, Any] | None) -> str | None:
    """The FA-KES cause of an event's sub-type (None: no event or no counterpart)."""
    if not event:
        return None
    cls = CAUSE_BY_SUBTYPE.get(event.get("sub_type") or "")
    if event.get("sub_type") == "attack" and any(_EXECUTION.search(t) for t in event_texts(event)):
        return "execution"
    return cls


def killed_range(event: dict[str, Any] | None) -> dict[str, Any] | None:
    """The Range compared with gold ``killed.civilians``: civilians if given, else total."""
    f = (event or {}).get("fatalities") or {}
    for key in ("civilians", "total"):
        rng = f.get(key)
        if isinstance(rng, dict) and isinstance(rng.get("best"), (int, float)):
            return rng
    return None


def _shift(iso: str, days: int) -> str:
    try:
        return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return iso


def score_fakes(golds: Sequence[dict[str, Any]], results: Sequence[dict[str, Any] | None],
                ids: Sequence[str | None] | None = None) -> Scores:
    """Score results against FA-KES ``gold`` objects (same order, same length)."""
    if len(golds) != len(results):
        raise ValueError("golds and results differ in length")
    s = Scores("fakes")
    for name in ("admin1", "date", "date_exact", "date_1day", "killed_exact", "killed_range", "cause", "perpetrator"):
        s.tally(name)
    for i, (gold, result) in enumerate(zip(golds, results)):
        g = gold.get("main_event") or {}
        ev = main_event(result)
        row: dict[str, Any] = {"id": (ids[i] if ids else None) or i, "events": len((result or {}).get("events") or [])}

        loc = (ev or {}).get("location") or {}
        pred_a1 = loc.get("admin1_iso")
        ok = pred_a1 is not None and pred_a1 in (g.get("admin1_iso") or [])
        s.tally("admin1").add(ok)
        row["admin1"] = (ok, g.get("admin1_iso"), pred_a1)

        start, end = date_span(ev)
        gdate = g.get("date")
        ok = bool(start and gdate and start <= gdate <= (end or start))
        s.tally("date").add(ok)
        s.tally("date_exact").add(bool(start and start == gdate))
        s.tally("date_1day").add(bool(start and gdate and _shift(start, -1) <= gdate <= _shift(end or start, 1)))
        row["date"] = (ok, gdate, [start, end])

        gk = ((g.get("killed") or {}).get("civilians")) or 0
        if isinstance(gk, (int, float)) and gk > 0:
            rng = killed_range(ev)
            best = int(rng["best"]) if rng else None
            ok = best == gk
            s.tally("killed_exact").add(ok)
            low = rng.get("low") if rng else None
            high = rng.get("high") if rng else None
            low = best if not isinstance(low, (int, float)) else low
            s.tally("killed_range").add(bool(rng) and low <= gk and (high is None or gk <= high))
            row["killed_exact"] = (ok, gk, best)

        gcause = g.get("cause")
        if gcause and gcause != "unknown":
            pred = cause_class(ev)
            s.tally("cause").add(pred == gcause)
            row["cause"] = (pred == gcause, gcause, pred or (ev or {}).get("sub_type"))

        gp = g.get("perpetrator") or UNKNOWN
        pred = perpetrator_class(ev)
        s.tally("perpetrator").add(pred == gp)
        row["perpetrator"] = (pred == gp, gp, pred)
        s.rows.append(row)
    return s
