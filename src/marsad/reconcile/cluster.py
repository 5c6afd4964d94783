"""Clustering events into incidents.

1. **Blocking.** Events are compared only within a block: same country and same admin1
   (ISO 3166-2). Within a block, events sorted by date are cut into *segments* wherever
   the gap to every earlier event exceeds the date window: no two events of different
   segments can ever be linked, so a segment is the unit that is recomputed when
   something in it changes (incremental runs), and cost grows with the archive size,
   not its square.
2. **Pairwise evidence** (:func:`pair_score`): date overlap, type compatibility,
   distance, place name, actors, figures and word overlap of the evidence sentences.
   Some evidence is a hard "no": dates further apart than the window, incompatible
   event families (a protest is never an air strike), geocoded places further apart
   than ``reconcile_max_km``, and two events of the same document (a report that
   describes two events describes two incidents).
3. **Greedy, order-free assignment.** Events are visited in a canonical order
   (date, document id, rank) that does not depend on insertion order or row ids. Each
   joins the open cluster with the best link (average of the best and the mean pair
   score over its members, no hard conflict with any member) when that link reaches
   :data:`THRESHOLD`, else starts a new cluster. Same input, same clusters.
"""

from __future__ import annotations

from typing import Iterable

from ..geo.distance import haversine_km
from .features import Ev

THRESHOLD = 3.0

FAMILY = {
    "battles": "violent",
    "explosions_remote_violence": "violent",
    "violence_against_civilians": "violent",
    "protests": "demo",
    "riots": "demo",
    "strategic_developments": "strategic",
}
# a delivery mode that a chemical attack report may also name
_CHEM_DELIVERY = {"air_drone_strike", "shelling_artillery_missile_attack"}


def type_score(a: Ev, b: Ev) -> float | None:
    """Evidence from the event types; None when they can never be one incident."""
    fa, fb = FAMILY.get(a.type or ""), FAMILY.get(b.type or "")
    if fa and fb and fa != fb:
        # a protest met with force may be reported as an attack on civilians
        pair = {a.sub, b.sub}
        if not ("excessive_force_against_protesters" in pair and {fa, fb} == {"violent", "demo"}):
            return None
    if fa == fb == "strategic" and a.sub and b.sub and a.sub != b.sub:
        return None
    if not a.sub or not b.sub:
        return 0.0
    chem = (a.sub == "chemical_weapon", b.sub == "chemical_weapon")
    if a.sub == b.sub:
        return 3.0 if chem[0] else 1.5
    if chem[0] or chem[1]:
        other = b.sub if chem[0] else a.sub
        return -0.5 if other in _CHEM_DELIVERY else -1.5
    if a.type == b.type:
        return 0.3
    return 0.0


def pair_score(a: Ev, b: Ev, window: int, max_km: float) -> float | None:
    """Evidence that ``a`` and ``b`` describe one incident, or None for "never"."""
    if a.doc == b.doc:
        return None
    gap = max(a.d0, b.d0) - min(a.d1, b.d1)
    if gap > window:
        return None
    ts = type_score(a, b)
    if ts is None:
        return None
    score = ts
    # date
    narrow = a.d1 - a.d0 <= 1 and b.d1 - b.d0 <= 1 and a.prec == 1 and b.prec == 1
    if gap <= 0:
        score += 2.0 if (narrow and a.d0 == b.d0) else (1.0 if narrow else 0.3)
    elif gap == 1:
        score += 0.8
    else:
        score -= 0.5 * (gap - 1)
    # place
    if a.lat is not None and b.lat is not None and a.gprec <= 2 and b.gprec <= 2:
        d = haversine_km(a.lat, a.lon, b.lat, b.lon)
        if d > max_km:
            return None
        if d <= 3:
            score += 1.5
        elif d <= 10:
            score += 0.8
        elif d <= 25:
            score -= 0.5
        else:  # two towns far apart: different places, unless everything else agrees
            score -= 3.0 if a.gprec == 1 and b.gprec == 1 else 1.5
    if a.place and a.place == b.place and a.gprec <= 2 and b.gprec <= 2:
        score += 1.0
    # actors
    if a.perps and b.perps:
        score += 0.5 if a.perps & b.perps else -0.3
    # figures
    if a.total and b.total and a.total > 0 and b.total > 0:
        lo, hi = sorted((a.total, b.total))
        r = lo / hi
        score += 0.8 if r >= 0.75 else 0.3 if r >= 0.4 else (-0.8 if r < 0.15 and hi >= 20 else 0.0)
    # words of the evidence sentences and place names
    if a.toks and b.toks:
        inter = len(a.toks & b.toks)
        if inter:
            score += min(2.0, 4.0 * inter / (len(a.toks) + len(b.toks) - inter))
    return score


def segments(events: Iterable[Ev], window: int) -> list[list[Ev]]:
    """Cut events into independent segments (see the module doc). Events that cannot
    be compared (no country or no date) are singleton segments."""
    blocks: dict[tuple, list[Ev]] = {}
    out: list[list[Ev]] = []
    for e in events:
        if e.block is None:
            out.append([e])
        else:
            blocks.setdefault(e.block, []).append(e)
    for block in sorted(blocks):
        evs = sorted(blocks[block], key=lambda e: e.order)
        cur: list[Ev] = []
        max_end = None
        for e in evs:
            if cur and e.d0 > max_end + window:
                out.append(cur)
                cur, max_end = [], None
            cur.append(e)
            max_end = e.d1 if max_end is None else max(max_end, e.d1)
        if cur:
            out.append(cur)
    return out


class _Cluster:
    __slots__ = ("n", "members", "docs", "start", "end")

    def __init__(self, n: int, e: Ev):
        self.n, self.members, self.docs, self.start, self.end = n, [e], {e.doc}, e.d0, e.d1


def cluster_segment(seg: list[Ev], window: int, max_km: float) -> list[list[Ev]]:
    """Clusters of one segment (see the module doc), each in canonical order.

    Main events (rank 0) are placed first, then the other events of the reports: a
    report's main event is what it is about, so it decides which incident the report
    joins; secondary mentions then join the incident they fit, or start their own."""
    if len(seg) == 1:
        return [list(seg)]
    evs = sorted(seg, key=lambda e: (e.rank > 0, e.order))
    clusters: list[_Cluster] = []
    by_day: dict[int, list[_Cluster]] = {}
    for e in evs:
        seen: set[int] = set()
        best, best_link = None, THRESHOLD
        for dd in range(e.d0 - window, e.d1 + window + 1):
            for c in by_day.get(dd, ()):
                if c.n in seen:
                    continue
                seen.add(c.n)
                if e.doc in c.docs:
                    continue
                total, top, ok = 0.0, -1e9, True
                for m in c.members:
                    sc = pair_score(e, m, window, max_km)
                    if sc is None:
                        ok = False
                        break
                    total += sc
                    if sc > top:
                        top = sc
                if not ok:
                    continue
                link = 0.5 * (top + total / len(c.members))
                if link > best_link or (link == best_link and (best is None or c.n < best.n)):
                    best, best_link = c, link
        if best is None:
            c = _Cluster(len(clusters), e)
            clusters.append(c)
            for dd in range(e.d0, e.d1 + 1):
                by_day.setdefault(dd, []).append(c)
        else:
            best.members.append(e)
            best.docs.add(e.doc)
            for dd in range(e.d0, e.d1 + 1):
                if dd < best.start or dd > best.end:
                    by_day.setdefault(dd, []).append(best)
            best.start, best.end = min(best.start, e.d0), max(best.end, e.d1)
    return [sorted(c.members, key=lambda m: m.order) for c in clusters]
