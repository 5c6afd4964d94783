"""Scoring incident reconciliation against gold clusters (``marsad eval --clusters``).

Each gold report has a ``cluster`` (reports describing the same incident). Its
predicted cluster is the incident that its MAIN event (rank 0) belongs to after
reconciliation; a report without events, or whose main event joined no incident, is a
singleton. B-cubed (Bagga and Baldwin 1998): for each report, precision is the share
of the reports in its predicted cluster that share its gold cluster, recall the share
of the reports in its gold cluster that share its predicted cluster; both are averaged
over reports, and F1 is their harmonic mean.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Hashable, Mapping


def bcubed(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable | None]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of ``pred`` (item -> cluster; None = singleton)
    against ``gold`` (item -> cluster). Items are those of ``gold``."""
    items = list(gold)
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    p_of = {i: (pred.get(i) if pred.get(i) is not None else ("__singleton__", i)) for i in items}
    by_gold: dict[Hashable, set] = defaultdict(set)
    by_pred: dict[Hashable, set] = defaultdict(set)
    for i in items:
        by_gold[gold[i]].add(i)
        by_pred[p_of[i]].add(i)
    precision = recall = 0.0
    for i in items:
        g, p = by_gold[gold[i]], by_pred[p_of[i]]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def disagreements(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable | None]) -> list[dict[str, Any]]:
    """Gold clusters split over several predictions, and predictions mixing gold clusters."""
    p_of = {i: pred.get(i) for i in gold}
    by_gold: dict[Hashable, list] = defaultdict(list)
    by_pred: dict[Hashable, list] = defaultdict(list)
    for i, g in gold.items():
        by_gold[g].append(i)
        if p_of[i] is not None:
            by_pred[p_of[i]].append(i)
    out = []
    for g, members in sorted(by_gold.items(), key=lambda kv: str(kv[0])):
        preds = {str(p_of[i]) if p_of[i] is not None else f"(none:{i})" for i in members}
        if len(members) > 1 and len(preds) > 1:
            out.append({"kind": "split", "gold": str(g),
                        "reports": {str(i): (str(p_of[i]) if p_of[i] is not None else None) for i in members}})
    for p, members in sorted(by_pred.items(), key=lambda kv: str(kv[0])):
        golds = {str(gold[i]) for i in members}
        if len(golds) > 1:
            out.append({"kind": "merged", "incident": str(p),
                        "reports": {str(i): str(gold[i]) for i in members}})
    return out


def score_clusters(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable | None]) -> dict[str, Any]:
    """The --clusters metrics: B-cubed, counts, and the disagreements."""
    m = bcubed(gold, pred)
    predicted = {p if p is not None else ("single", i) for i, p in ((i, pred.get(i)) for i in gold)}
    return {"kind": "clusters", "metrics": {"bcubed_precision": m["precision"], "bcubed_recall": m["recall"],
                                            "bcubed_f1": m["f1"]},
            "gold_clusters": len(set(gold.values())), "predicted_incidents": len(predicted),
            "reports": len(gold), "disagreements": disagreements(gold, pred)}


def predicted_incidents(store, item_docs: Mapping[Hashable, str]) -> dict[Hashable, str | None]:
    """item -> incident id of the main event (rank 0) of its document in ``store``
    (current extraction), None when it has none. ``item_docs``: item -> document id."""
    import sqlalchemy as sa

    from ..store import schema as t

    ev, ie, x = t.events.c, t.incident_events.c, t.extractions.c
    q = (sa.select(ev.document_id, ie.incident_id)
         .join(t.incident_events, ie.event_id == ev.id)
         .join(t.extractions, x.id == ev.extraction_id)
         .where(ev.rank == 0, x.is_current.is_(True)))
    with store.engine.connect() as conn:
        by_doc = {d: inc for d, inc in conn.execute(q)}
    return {item: by_doc.get(doc) for item, doc in item_docs.items()}
