"""Extract stored documents and store the results, per document and extractor version.

Used by ``marsad ingest`` (on the documents a batch created) and ``marsad reextract``
(on every document lacking an extraction of the current version, or all with ``--all``).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from ..config import Settings
from .pipeline import Pipeline, default_processes


def _doc_objects(store, ids: Iterable[str]) -> Iterable[dict[str, Any]]:
    for doc_id in ids:
        d = store.get_document(doc_id)
        yield {"id": d["id"], "text": d["text"], "title": d["title"], "url": d["url"],
               "outlet": d["outlet"], "published": d["published"], "language": d["language"]}


def extract_and_store(store, settings: Settings, document_ids: list[str], *,
                      pipeline: Pipeline | None = None, processes: int | None = None,
                      progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Extract ``document_ids`` and save each result; returns counts
    ``{"documents", "events", "errors"}``. One bad document never stops the batch: its
    error is stored with the extraction."""
    counts = {"documents": 0, "events": 0, "errors": 0}
    if not document_ids:
        return counts
    pipeline = pipeline or Pipeline(settings=settings)
    if processes is None:
        processes = default_processes() if len(document_ids) >= 16 else 1
    if processes > 1:
        # forked workers must not share the parent's database connections
        store.engine.dispose(close=False)
    docs = _doc_objects(store, document_ids)
    for doc_id, result in zip(document_ids, pipeline.run_many(docs, processes=processes)):
        # stored under the version of the pipeline that made the result
        store.save_extraction(doc_id, result["extractor"]["version"], result)
        counts["documents"] += 1
        counts["events"] += len(result.get("events") or [])
        counts["errors"] += 1 if result.get("error") else 0
        if progress:
            progress(1)
    return counts
