"""Commands of the extraction stage: extract, reextract, pipeline."""

from __future__ import annotations

import sys
from enum import Enum
from typing import List, Optional

import typer

from .common import FORMAT_OPTION, Format, console_err, dumps, emit, state


class OutFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


def read_inputs(paths: list[str], settings, *, outlet: str | None, published: str | None):
    """Yield ``(name, document object | None, error dict | None)`` for every input, using
    the same readers as ``marsad ingest`` (text, HTML, JSONL, feeds, directories, URLs, -)."""
    from ..ingest.sources import Context as SourceContext, produce

    ctx = SourceContext(settings=settings, outlet=outlet, published=published, stdin=sys.stdin.buffer)
    try:
        for item in produce(paths, ctx):
            if item.document is not None:
                d = item.document
                yield item.name, {
                    "id": d.external_id or d.id, "text": d.text, "title": d.title, "url": d.url,
                    "outlet": d.outlet, "published": d.published, "language": d.language,
                }, None
            elif item.error is not None:
                yield item.name, None, item.error.as_dict()
    finally:
        ctx.close()


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_cmd(
        ctx: typer.Context,
        paths: List[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl), directories, URLs, or - for stdin."),
        published: Optional[str] = typer.Option(None, help="Publication date of plain text (YYYY-MM-DD)."),
        outlet: Optional[str] = typer.Option(None, help="Outlet (site name) of plain text."),
        fmt: OutFormat = typer.Option(OutFormat.json, "--format", "-f",
                                      help="json: one result (or a list); jsonl: one result per line."),
        processes: int = typer.Option(1, help="Worker processes for batches."),
    ) -> None:
        """Extract events from reports and print marsad.extraction/1 results (stores nothing)."""
        from ..extract import SCHEMA, Pipeline
        from ..ingest.common import parse_day

        st = state(ctx)
        if published is not None:
            try:
                published = parse_day(published)
            except ValueError as exc:
                raise typer.BadParameter(str(exc), param_hint="--published")
        pipeline = Pipeline(settings=st.settings)
        items = list(read_inputs(paths, st.settings, outlet=outlet, published=published))
        docs = [d for _, d, _ in items if d is not None]
        results = iter(pipeline.run_many(docs, processes=processes))
        out, failed = [], 0
        for name, doc, err in items:
            if doc is None:
                res = {"schema": SCHEMA, "document": {"id": name, "title": None, "url": None, "outlet": None,
                                                     "published": None, "language": None},
                       "events": [], "statements": [],
                       "error": err}
            else:
                res = next(results)
            if res.get("error"):
                failed += 1
                console_err.print(f"failed: {name}: [{res['error']['code']}] {res['error']['message']}",
                                  highlight=False, markup=False)
            if fmt == OutFormat.jsonl:
                typer.echo(dumps(res))
            else:
                out.append(res)
        if fmt == OutFormat.json:
            typer.echo(dumps(out[0] if len(out) == 1 else out, indent=2))
        if not items or failed == len(items):
            raise typer.Exit(1)

    @app.command("reextract")
    def reextract_cmd(
        ctx: typer.Context,
        all_: bool = typer.Option(False, "--all", help="Re-run on every document, not only those "
                                  "lacking an extraction of the current extractor version."),
        processes: Optional[int] = typer.Option(None, help="Worker processes (default: up to 2)."),
    ) -> None:
        """Run the current extractor over the stored archive (results kept per version)."""
        from ..extract import pipeline
        from ..extract.store_hook import extract_and_store
        from .progress import progress_bar

        st = state(ctx)
        store = st.store
        ids = ([d["id"] for d in store.list_documents()] if all_
               else store.documents_needing_extraction(pipeline.EXTRACTOR_VERSION))
        with progress_bar("extracting", len(ids)) as advance:
            counts = extract_and_store(store, st.settings, ids, processes=processes, progress=advance)
        typer.echo(f"extractor {pipeline.EXTRACTOR_VERSION}: {counts['documents']} documents extracted, "
                   f"{counts['events']} events, {counts['errors']} errors")

    @app.command("pipeline")
    def pipeline_cmd(ctx: typer.Context, fmt: Format = FORMAT_OPTION) -> None:
        """List the extraction stages in order, with what each reads and assigns."""
        from ..extract import Pipeline

        rows = Pipeline(settings=state(ctx).settings).describe()
        emit([dict(r, reads=", ".join(r["reads"]), assigns=", ".join(r["assigns"])) for r in rows]
             if fmt == Format.table else rows, fmt, ["name", "reads", "assigns", "help"])
