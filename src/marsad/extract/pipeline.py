"""Run the extraction stages over documents and build ``marsad.extraction/1`` results.

The order of the stages is :data:`DEFAULT_STAGES`; each stage lives in its own module
and is registered with :func:`marsad.extract.base.component`. :class:`Resources`
holds what the stages share (the spaCy pipeline, the gazetteer, the actor dictionary
and the source registry), each loaded once, on first use.
"""

from __future__ import annotations

import importlib
import itertools
import os
from functools import cached_property
from typing import Any, Iterable, Iterator, Sequence

from ..config import Settings, load_settings
from ..days import normalize_date
from ..errors import ConfigError, ExtractError, GazetteerError, MarsadError, ModelNotInstalled, TextTooLong
from ..geo.countries import load_subdivisions
from ..lang import load_detector
from .base import REGISTRY, Component, Context
from .cues import load_openers

SCHEMA = "marsad.extraction/1"
#: Bump when a change to any stage changes results: stored extractions are keyed by it.
EXTRACTOR_VERSION = "0.36.0"

#: documents per batch in ``run_many``: large enough for spaCy's batching to pay, small
#: enough that a batch's results are streamed out quickly and two workers share the load
BATCH_SIZE = 8


DEFAULT_STAGES: tuple[str, ...] = (
    "clean", "language", "nlp", "places", "dates", "figures", "actors",
    "attribution", "triggers", "events",
)

#: module that registers each stage
_STAGE_MODULES = {
    "clean": "marsad.extract.clean",
    "language": "marsad.extract.language",
    "nlp": "marsad.extract.nlp",
    "places": "marsad.extract.places",
    "dates": "marsad.extract.dates",
    "figures": "marsad.extract.figures",
    "actors": "marsad.extract.actors",
    "attribution": "marsad.extract.attribution",
    "triggers": "marsad.extract.triggers",
    "events": "marsad.extract.events",
}

#: fields set before any stage runs
_INITIAL_FIELDS = ("text", "meta", "resources")


#: errors that are no document's fault (a bad setting or data file, a missing model or
#: gazetteer): every document would fail alike, so the run stops with the one error
RUN_ERRORS = (ConfigError, ModelNotInstalled, GazetteerError)


class Resources:
    """Shared, read-only resources, each loaded on first use and then kept."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or load_settings()

    @cached_property
    def gazetteer(self):
        from ..geo.gazetteer import open_gazetteer

        return open_gazetteer(self.settings)

    @cached_property
    def nlp(self):
        from .nlp import load_nlp

        return load_nlp(self.settings, self)

    @cached_property
    def actors(self):
        from .actors import load_actor_dictionary

        return load_actor_dictionary(self.settings)

    @cached_property
    def sources(self):
        from .attribution import load_source_registry

        return load_source_registry(self.settings)


class Pipeline:
    """An ordered list of registered components, checked for what each reads."""

    def __init__(self, stages: Iterable[str] = DEFAULT_STAGES, settings: Settings | None = None,
                 resources: Resources | None = None):
        self.settings = settings or load_settings()
        self.resources = resources or Resources(self.settings)
        self.components: list[Component] = []
        available = set(_INITIAL_FIELDS)
        for name in stages:
            if name not in REGISTRY:
                importlib.import_module(_STAGE_MODULES.get(name, name))
            comp = REGISTRY.get(name)
            if comp is None:
                raise ExtractError(f"no extraction stage named {name!r}", code="M403")
            missing = [r for r in comp.reads if r not in available]
            if missing:
                raise ExtractError(
                    f"stage {name!r} reads {missing} which no earlier stage assigns; "
                    f"reorder the stages", code="M404")
            available.update(comp.assigns)
            self.components.append(comp)

    def describe(self) -> list[dict[str, Any]]:
        return [{"name": c.name, "reads": list(c.reads), "assigns": list(c.assigns), "help": c.doc}
                for c in self.components]

    def warm(self) -> None:
        """Load every resource now (before forking workers or timing)."""
        self.resources.nlp  # noqa: B018 - loads the gazetteer too
        self.resources.actors  # noqa: B018
        self.resources.sources  # noqa: B018
        load_detector(self.settings.languages)   # lingua's models, before workers fork
        load_subdivisions()                      # pycountry's ISO 3166-2 table, likewise
        # what stages compile on first use (not by running a report: the model's work buffers
        # made in this process would be copied into every worker that writes to them)
        from .triggers import load_lexicon

        load_lexicon()
        load_openers()

    # -- one document ----------------------------------------------------------------
    def run(self, document: dict[str, Any]) -> dict[str, Any]:
        """Extract one document object (``text`` required) into a result object.

        Never raises for a bad document: errors become ``result["error"]``; raises
        the errors of :data:`RUN_ERRORS`, which are no document's fault.
        """
        return self.run_batch([document])[0]

    def _context(self, document: dict[str, Any], meta: dict[str, Any]) -> Context:
        text = document.get("text")
        if not isinstance(text, str):
            raise ExtractError("document has no text", code="M405")
        problem = _bad_field(meta)
        if problem:
            raise ExtractError(f"bad document field: {problem}", code="M406")
        limit = self.settings.max_extract_chars
        if len(text) > limit:
            raise TextTooLong(
                f"text has {len(text):,} characters, over the limit of {limit:,} "
                f"(setting max_extract_chars)")
        return Context(text=text, meta=meta, resources=self.resources)

    # -- batches ---------------------------------------------------------------------
    def run_batch(self, documents: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """Results of several documents, in order: each stage runs over all of them in
        turn, a stage that can (``nlp``: spaCy's ``nlp.pipe``) over all at once. A bad
        document becomes its own ``result["error"]``; the others are not affected."""
        metas = [_document_meta(d) for d in documents]
        ctxs: list[Context | None] = []
        errors: list[dict[str, Any] | None] = []
        for document, meta in zip(documents, metas):
            try:
                ctxs.append(self._context(document, meta))
                errors.append(None)
            except MarsadError as exc:
                ctxs.append(None)
                errors.append(_error_result(meta, exc))
        for comp in self.components:
            live = [i for i, c in enumerate(ctxs) if c is not None and errors[i] is None and not c.skip]
            if not live:
                break
            if comp.batch is not None and len(live) > 1:
                try:
                    comp.batch([ctxs[i] for i in live])
                    continue
                except RUN_ERRORS:
                    raise
                except MarsadError:
                    pass    # one by one, so that only the bad document fails
            for i in live:
                try:
                    comp.func(ctxs[i])
                except RUN_ERRORS:
                    raise   # a bad setting or a missing model fails every document: stop
                except MarsadError as exc:
                    errors[i] = _error_result(metas[i], exc)
        out = []
        for i, ctx in enumerate(ctxs):
            if errors[i] is None:
                try:
                    out.append(build_result(ctx))
                    continue
                except MarsadError as exc:
                    errors[i] = _error_result(metas[i], exc)
            out.append(errors[i])
        return out

    def run_many(self, documents: Iterable[dict[str, Any]], processes: int = 1,
                 batch_size: int = BATCH_SIZE) -> Iterator[dict[str, Any]]:
        """Results in input order, documents read lazily ``batch_size`` at a time.
        ``processes > 1`` forks workers sharing loaded resources, a batch each."""
        batches = _batches(documents, max(1, batch_size))
        if processes <= 1:
            for batch in batches:
                yield from self.run_batch(batch)
            return
        import multiprocessing as mp

        self.warm()
        global _WORKER_PIPELINE
        _WORKER_PIPELINE = self
        ctx = mp.get_context("fork")
        with ctx.Pool(processes) as pool:
            for results in pool.imap(_worker_run, batches):
                yield from results
        _WORKER_PIPELINE = None


def _batches(documents: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(documents)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _bad_field(meta: dict[str, Any]) -> str | None:
    """What is wrong with a document's fields, else None; a publication date in a form
    the readers take (YYYY-MM-DD, an ISO datetime, RFC 2822, a date object) becomes its
    day (``meta`` is changed in place)."""
    for key in ("title", "outlet", "url", "language"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            return f'"{key}" must be a string or null (got {type(meta[key]).__name__})'
    if meta.get("id") is not None and not isinstance(meta["id"], (str, int)):
        return f'"id" must be a string, a number or null (got {type(meta["id"]).__name__})'
    published = meta.get("published")
    if published is not None and published != "":
        day = normalize_date(published)
        if day is None:
            return f'"published" {published!r} is not a date; give YYYY-MM-DD or null'
        meta["published"] = day
    return None


def _error_result(meta: dict[str, Any], exc: MarsadError) -> dict[str, Any]:
    return {"schema": SCHEMA, "document": meta, "events": [], "statements": [],
            "error": exc.as_dict(), "extractor": {"version": EXTRACTOR_VERSION}}


_WORKER_PIPELINE: Pipeline | None = None


def _worker_run(batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    assert _WORKER_PIPELINE is not None
    return _WORKER_PIPELINE.run_batch(batch)


def default_processes() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def _document_meta(document: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": document.get("id"),
        "title": document.get("title"),
        "url": document.get("url"),
        "outlet": document.get("outlet"),
        "published": document.get("published"),
        "language": document.get("language"),
    }


def build_result(ctx: Context) -> dict[str, Any]:
    meta = dict(ctx.meta)
    if not meta.get("published") and ctx.dateline is not None:
        meta["published"] = ctx.dateline.start_date.isoformat()
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "document": meta,
        "events": ctx.events,
        "statements": ctx.statements,
    }
    if ctx.notes:
        out["notes"] = ctx.notes
    out["extractor"] = {"version": EXTRACTOR_VERSION}
    return out
