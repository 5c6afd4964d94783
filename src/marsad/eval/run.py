"""Running an evaluation: read gold, extract (or take given results), score.

:func:`evaluate` is what ``marsad eval`` calls; the scorers it uses
(:func:`~marsad.eval.fakes.score_fakes`, :func:`~marsad.eval.hrds.score_hrds`,
:func:`~marsad.eval.seed.score_seed`) are pure functions of gold and results.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..errors import EvalError
from .baseline import naive_result
from .clusters import predicted_incidents, score_clusters
from .fakes import score_fakes
from .gold import GoldSet, load_gold
from .hrds import score_hrds
from .seed import score_seed

SCORERS = {"fakes": score_fakes, "hrds": score_hrds, "seed": score_seed}

Extractor = Callable[[list[dict[str, Any]]], Iterable[dict[str, Any]]]


def score(kind: str, golds: Sequence[dict[str, Any]], results: Sequence[dict[str, Any] | None],
          ids: Sequence[str | None] | None = None) -> dict[str, Any]:
    """Metrics of ``results`` against ``golds`` of one kind, as a plain dict."""
    if kind not in SCORERS:
        raise EvalError(f"unknown gold kind {kind!r}; expected one of {sorted(SCORERS)}", code="M703")
    s = SCORERS[kind](golds, results, ids)
    out = s.as_dict()
    out["rows"] = s.rows
    return out


def pipeline_extractor(settings, processes: int = 1) -> Extractor:
    """An extractor over :class:`marsad.extract.Pipeline` (imported on call)."""
    def run(docs: list[dict[str, Any]]) -> Iterable[dict[str, Any]]:
        from ..extract import Pipeline

        return Pipeline(settings=settings).run_many(docs, processes=processes)
    return run


def _extract(gs: GoldSet, extractor: Extractor) -> list[dict[str, Any]]:
    docs = [dict(item.doc) for item in gs.items]   # the document object, without gold
    results = list(extractor(docs))
    if len(results) != len(docs):
        raise EvalError(f"the extractor returned {len(results)} results for {len(docs)} documents",
                        code="M704")
    return results


def extractor_version() -> str:
    """The current extractor version, read when needed (never copied at import)."""
    from ..extract import pipeline

    return pipeline.EXTRACTOR_VERSION


def evaluate(path: str | Path, *, settings=None, extractor: Extractor | None = None,
             processes: int = 1, limit: int | None = None, baseline: bool = False) -> dict[str, Any]:
    """Evaluate extraction on one gold file: ``{gold, kind, documents, metrics, counts,
    rows, [baseline], errors, seconds}``."""
    gs = load_gold(path, limit=limit)
    extractor = extractor or pipeline_extractor(settings, processes)
    t0 = time.perf_counter()
    results = _extract(gs, extractor)
    seconds = time.perf_counter() - t0
    golds = [item.gold for item in gs.items]
    ids = [item.doc.get("id") for item in gs.items]
    report = {"gold": str(path), "kind": gs.kind, "documents": len(gs.items)}
    report.update(score(gs.kind, golds, results, ids))
    report["extraction_errors"] = sum(1 for r in results if isinstance(r, dict) and r.get("error"))
    report["seconds"] = round(seconds, 2)
    if baseline:
        b = score(gs.kind, golds, [naive_result(item.doc) for item in gs.items], ids)
        report["baseline"] = {"metrics": b["metrics"], "counts": b["counts"]}
    return report


def evaluate_clusters(path: str | Path, *, settings, extractor: Extractor | None = None,
                      processes: int = 1, limit: int | None = None, db_url: str | None = None,
                      reconcile: Callable | None = None) -> dict[str, Any]:
    """Ingest the gold reports into a store (a temporary SQLite file unless ``db_url``),
    extract, reconcile, and compare the incidents with the gold ``cluster`` of each report."""
    import tempfile

    from ..store import Store
    from ..store.db import NewDocument

    gs = load_gold(path, limit=limit)
    items = []
    seen: set[str] = set()
    for n, item in enumerate(gs.items):  # every gold line counts, also when an id repeats
        key = str(item.doc.get("id") or f"#{n + 1}")
        key = key if key not in seen else f"{key}#{n + 1}"
        seen.add(key)
        items.append((key, item))
    gold = {key: item.gold.get("cluster") for key, item in items}
    missing = [k for k, c in gold.items() if not c]
    if missing:
        raise EvalError(f"{path}: {len(missing)} reports have no gold \"cluster\" (first: {missing[0]}); "
                        f"--clusters needs report-level gold with clusters", code="M705")
    if reconcile is None:
        try:
            from ..reconcile import reconcile
        except ImportError as exc:
            raise EvalError(f"--clusters needs reconciliation (marsad.reconcile.reconcile), which is "
                            f"not available: {exc}", code="M707") from None
    extractor = extractor or pipeline_extractor(settings, processes)

    t0 = time.perf_counter()
    results = _extract(gs, extractor)
    with tempfile.TemporaryDirectory(prefix="marsad-eval-") as tmp:
        store = Store.open(db_url or f"sqlite:///{Path(tmp) / 'eval.sqlite'}")
        try:
            item_docs = {}
            for (key, item), result in zip(items, results):
                d = item.doc
                raw = json.dumps({k: v for k, v in d.items()}, ensure_ascii=False).encode("utf-8")
                added = store.add_document(NewDocument(
                    text=d["text"], raw=raw, via="jsonl", origin=str(path), content_type="application/json",
                    url=d.get("url"), outlet=d.get("outlet"), title=d.get("title"),
                    published=d.get("published"), external_id=d.get("id")))
                item_docs[key] = added.id
                store.save_extraction(added.id, extractor_version(), result)
            reconcile(store, settings)
            pred = predicted_incidents(store, item_docs)
        finally:
            store.close()
    report = {"gold": str(path), "documents": len(items)}
    report.update(score_clusters(gold, pred))
    report["seconds"] = round(time.perf_counter() - t0, 2)
    return report


# -- floors (the CI gate) ---------------------------------------------------------------

def parse_min(specs: Sequence[str]) -> dict[str, float]:
    """``["admin1=0.9", ...]`` -> ``{"admin1": 0.9}``; EvalError on a malformed one."""
    out: dict[str, float] = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        try:
            if not sep or not name.strip():
                raise ValueError
            v = float(value)
            if not 0.0 <= v <= 1.0:
                raise ValueError
        except ValueError:
            raise EvalError(f"--min {spec!r}: expected METRIC=VALUE with VALUE between 0 and 1, "
                            f"e.g. --min admin1=0.9", code="M706") from None
        out[name.strip()] = v
    return out


def check_floors(metrics: dict[str, float | None], floors: dict[str, float]) -> list[str]:
    """One message per metric below its floor (or unknown, or not measured)."""
    failures = []
    for name, floor in floors.items():
        if name not in metrics:
            failures.append(f"{name}: no such metric (known: {', '.join(sorted(metrics))})")
        elif metrics[name] is None:
            failures.append(f"{name}: not measured (no scored items), floor {floor:.2f}")
        elif metrics[name] < floor:
            failures.append(f"{name}: {metrics[name]:.4f} is below the floor {floor:.2f}")
    return failures


def floors_from(metrics: dict[str, float | None], margin: float = 0.02) -> dict[str, float]:
    """Floors just under what was achieved: ``achieved - margin``, rounded down to 0.01."""
    return {k: max(0.0, math.floor(round((v - margin) * 100, 6)) / 100)
            for k, v in metrics.items() if v is not None}


def keep_floors(new: dict[str, float], old: dict[str, float],
                achieved: dict[str, float | None]) -> tuple[dict[str, float], list[str]]:
    """New floors that never go down while the old floor is still met: ``(floors,
    lowered)``, where ``lowered`` names each metric whose achieved value fell below its old
    floor (accuracy fell), with the new floor taken anyway."""
    floors, lowered = dict(new), []
    for k, prev in old.items():
        if k not in floors or floors[k] >= prev:
            continue
        value = achieved.get(k)
        if value is not None and value >= prev:
            floors[k] = prev
        else:
            lowered.append(f"{k}: achieved {'-' if value is None else f'{value:.4f}'} is below the old floor "
                           f"{prev:.2f} (new floor {floors[k]:.2f})")
    return floors, lowered
