"""Ingest: turn files, directories, pages, feeds, URLs and standard input into stored
documents. ``ingest(sources, store, settings)`` is the library call behind
``marsad ingest``; it never prints.

Every input is one document or one failure with its reason (a named
:class:`marsad.errors.InputError`); one bad input never stops the batch. Each document
is stored in its own transaction, so an interruption leaves no half-written document.
Re-ingesting a text already stored changes nothing and counts as *unchanged*.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import IO, Any, Callable, Iterable

from ..errors import ExtractError, InputError, MarsadError, StoreError
from .common import Produced, normalize_date, parse_day

__all__ = ["IngestReport", "Failure", "ingest", "parse_day", "normalize_date", "Produced"]


@dataclass(frozen=True)
class Failure:
    name: str
    code: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "code": self.code, "message": self.message}


@dataclass
class IngestReport:
    """What one ingest run did. ``created`` lists the ids of new documents in order."""

    ingested: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0
    created: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)          # every stored or matched id, in order
    failures: list[Failure] = field(default_factory=list)
    skipped_items: list[tuple[str, str]] = field(default_factory=list)
    extraction: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def as_dict(self) -> dict[str, Any]:
        return {"ingested": self.ingested, "unchanged": self.unchanged, "failed": self.failed,
                "skipped": self.skipped, "created": list(self.created),
                "failures": [f.as_dict() for f in self.failures],
                "skipped_items": [{"name": n, "reason": r} for n, r in self.skipped_items],
                "extraction": dict(self.extraction)}

    def summary(self) -> str:
        s = f"ingested {self.ingested}, unchanged {self.unchanged}, failed {self.failed}"
        if self.skipped:
            s += f", skipped {self.skipped}"
        return s


#: ``extract(store, settings, document_ids, progress=None) -> counts``
ExtractHook = Callable[..., dict]
#: ``on_item(name, status, detail)``; status is ingested | unchanged | failed | skipped
OnItem = Callable[[str, str, str | None], None]


def _check_published(published: str | dt.date | None) -> str | None:
    if published is None or published == "":
        return None
    if isinstance(published, dt.date):
        return published.isoformat()
    try:
        return parse_day(published)
    except ValueError as exc:
        raise InputError(f"--published: {exc}") from None


def ingest(sources: Iterable[str], store: Any, settings: Any, *, outlet: str | None = None,
           published: str | dt.date | None = None, on_item: OnItem | None = None,
           extract: ExtractHook | None = None, extract_progress: Any = None,
           stdin: IO[bytes] | None = None) -> IngestReport:
    """Store every document ``sources`` (paths, directories, URLs, ``-``) hold.

    ``outlet`` and ``published`` (YYYY-MM-DD) apply to plain-text inputs. ``extract``,
    when given, is called with the ids of the newly created documents in batches of
    ``settings.batch_size``, after they are stored.
    """
    from ..lang import detect_language
    from .sources import Context, produce

    ctx = Context(settings=settings, outlet=(outlet or None), published=_check_published(published),
                  stdin=stdin)
    report = IngestReport()
    pending: list[str] = []
    batch = max(1, int(getattr(settings, "batch_size", 64) or 64))

    def note(name: str, status: str, detail: str | None = None) -> None:
        if on_item is not None:
            on_item(name, status, detail)

    def fail(name: str, exc: MarsadError) -> None:
        report.failed += 1
        report.failures.append(Failure(name, exc.code, exc.message))
        note(name, "failed", f"[{exc.code}] {exc.message}")

    def run_extraction() -> None:
        if extract is None or not pending:
            pending.clear()
            return
        ids = list(pending)
        pending.clear()
        try:
            counts = extract(store, settings, ids, progress=extract_progress) or {}
        except MarsadError as exc:
            fail(f"extraction of {len(ids)} new documents", exc)
            return
        except Exception as exc:  # noqa: BLE001 - the documents are stored; say extraction failed
            fail(f"extraction of {len(ids)} new documents", ExtractError(
                f"{exc.__class__.__name__}: {exc}; the documents are stored, run extraction again later"))
            return
        for k, v in counts.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                report.extraction[k] = report.extraction.get(k, 0) + int(v)

    try:
        for item in produce(list(sources), ctx):
            if item.skipped:
                report.skipped += 1
                report.skipped_items.append((item.name, item.skipped))
                note(item.name, "skipped", item.skipped)
                continue
            if item.error is not None or item.document is None:
                fail(item.name, item.error or InputError("nothing could be read"))
                continue
            doc = item.document
            try:
                if not doc.language:
                    doc.language = detect_language(doc.text, settings.languages)
                result = store.add_document(doc)
            except MarsadError as exc:
                fail(item.name, exc)
                continue
            except Exception as exc:  # noqa: BLE001 - one document's failure never sinks the batch
                fail(item.name, StoreError(
                    f"could not be stored ({exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}); "
                    "nothing of it was written", code="M205"))
                continue
            report.ids.append(result.id)
            if result.created:
                report.ingested += 1
                report.created.append(result.id)
                pending.append(result.id)
                note(item.name, "ingested", result.id)
                if len(pending) >= batch:
                    run_extraction()
            else:
                report.unchanged += 1
                note(item.name, "unchanged", result.id)
        run_extraction()
    finally:
        ctx.close()
    return report
