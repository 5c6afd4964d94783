"""Reconciliation: stored events -> incidents with figure ranges, grades and provenance,
and the append-only review log replayed over them (docs/incidents.md).

Library API::

    reconcile(store, settings, *, full=False, progress=None) -> ReconcileSummary
    list_incidents(store, **filters) -> list[dict]
    get_incident(store, id) -> dict
    record_decision(store, action, targets, *, reason, reviewer, field, value) -> dict
    review_log(store) -> list[dict]
"""

from .decide import record_decision, resolve_target
from .query import get_incident, list_incidents, summary_row
from .review import review_log
from .run import ReconcileSummary, reconcile

__all__ = ["ReconcileSummary", "get_incident", "list_incidents", "reconcile", "record_decision",
           "resolve_target", "review_log", "summary_row"]
