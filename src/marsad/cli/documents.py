"""Commands on documents: ingest, documents, document, stats."""

from __future__ import annotations

import sys
from typing import List, Optional

import typer

from .common import FORMAT_OPTION, Format, console_err, day_option, emit, emit_mapping, state


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_cmd(
        ctx: typer.Context,
        paths: List[str] = typer.Argument(
            ..., metavar="PATH|URL|-",
            help="Files (.txt .md .html .jsonl .json .xml/.rss/.atom, others sniffed), "
                 "directories (recursive), http(s) URLs, or - for standard input."),
        outlet: Optional[str] = typer.Option(
            None, "--outlet", metavar="NAME", help="Outlet (site name) of plain-text inputs."),
        published: Optional[str] = typer.Option(
            None, "--published", metavar="YYYY-MM-DD", callback=day_option,
            help="Publication date of plain-text inputs."),
        no_extract: bool = typer.Option(
            False, "--no-extract", help="Only store the documents; do not extract events "
                                        "(default follows the extract_on_ingest setting)."),
        fmt: Format = typer.Option(Format.table, "--format", "-f",
                                   help="table: one summary line; json/jsonl: the full report "
                                        "(counts, new ids, failures) for scripts."),
    ) -> None:
        """Store reports: text, HTML pages, JSONL batches, RSS/Atom feeds, directories, URLs.

        Each input is stored once (by the SHA-256 of its text); re-ingesting the same text
        changes nothing and counts as unchanged. Bad inputs are reported on stderr as
        `failed: NAME: [CODE] reason` and the rest goes on; the exit status is 1 when
        anything failed.
        """
        from ..ingest import ingest

        st = state(ctx)
        settings = st.settings
        store = st.store
        hook = None
        if not no_extract and settings.extract_on_ingest:
            from ..extract.store_hook import extract_and_store as hook

        def report_failure(name: str, detail: str) -> None:
            console_err.print(f"failed: {name}: {detail}", markup=False, highlight=False, soft_wrap=True)

        if console_err.is_terminal:
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            with Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(),
                          TextColumn("{task.completed} inputs"), TimeElapsedColumn(),
                          TextColumn("{task.fields[name]}"), console=console_err,
                          transient=True) as progress:
                task = progress.add_task("ingest", total=None, name="")
                xtask = progress.add_task("extract", total=None, name="extracting")

                def extract_progress(n: int = 1) -> None:
                    progress.update(xtask, advance=n)

                def on_item(name: str, status: str, detail: Optional[str]) -> None:
                    progress.update(task, advance=1, name=name[-60:])
                    if status == "failed":
                        progress.console.print(f"failed: {name}: {detail}", markup=False,
                                               highlight=False, soft_wrap=True)

                report = ingest(paths, store, settings, outlet=outlet, published=published,
                                on_item=on_item, extract=hook, extract_progress=extract_progress)
        else:
            def on_item(name: str, status: str, detail: Optional[str]) -> None:
                if status == "failed":
                    report_failure(name, detail or "")

            report = ingest(paths, store, settings, outlet=outlet, published=published,
                            on_item=on_item, extract=hook)
        if fmt == Format.table:
            line = report.summary()
            if report.extraction:
                line += "; extraction: " + ", ".join(f"{k} {v}" for k, v in report.extraction.items())
            typer.echo(line)
        else:
            emit(report.as_dict(), fmt)
        if not report.ok:
            raise typer.Exit(1)

    @app.command("documents")
    def documents_cmd(
        ctx: typer.Context,
        outlet: Optional[str] = typer.Option(None, "--outlet", metavar="NAME",
                                             help="Only documents of this outlet (any case)."),
        language: Optional[str] = typer.Option(None, "--language", metavar="CODE",
                                               help="Only documents in this language (ISO 639-1, e.g. en)."),
        since: Optional[str] = typer.Option(None, "--since", metavar="YYYY-MM-DD", callback=day_option,
                                            help="Only documents published on or after this day."),
        until: Optional[str] = typer.Option(None, "--until", metavar="YYYY-MM-DD", callback=day_option,
                                            help="Only documents published on or before this day."),
        limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many documents."),
        fmt: Format = FORMAT_OPTION,
    ) -> None:
        """List stored documents, newest publication first."""
        rows = state(ctx).store.list_documents(outlet=outlet, language=language, since=since,
                                               until=until, limit=limit)
        if fmt == Format.table:
            shown = [{**r, "id": r["id"][:12],
                      "title": (r["title"] or "")[:70] + ("…" if r["title"] and len(r["title"]) > 70 else "")}
                     for r in rows]
            emit(shown, fmt, ["id", "published", "outlet", "language", "chars", "title"],
                 title=f"{len(rows)} documents")
        else:
            emit(rows, fmt)

    @app.command("document")
    def document_cmd(
        ctx: typer.Context,
        doc_id: str = typer.Argument(..., metavar="ID",
                                     help="Document id, an unambiguous prefix of it (6+ characters), "
                                          "or the id its JSONL record carried."),
        raw: bool = typer.Option(False, "--raw",
                                 help="Write the raw bytes exactly as received, and nothing else."),
        fmt: Format = FORMAT_OPTION,
    ) -> None:
        """Show one document: its metadata, arrivals and text."""
        store = state(ctx).store
        if raw:
            doc = store.get_document(doc_id, with_raw=True)
            sys.stdout.flush()
            sys.stdout.buffer.write(doc["raw"])
            sys.stdout.buffer.flush()
            return
        doc = store.get_document(doc_id)
        if fmt != Format.table:
            emit(doc, fmt)
            return
        from .common import console, printable

        text = doc.pop("text")
        emit_mapping(doc, fmt, title=f"document {doc['id'][:12]}")
        console.print()
        console.print(printable(text), markup=False, highlight=False, soft_wrap=True)

    @app.command("stats")
    def stats_cmd(ctx: typer.Context, fmt: Format = FORMAT_OPTION) -> None:
        """Counts of what the store holds: documents by language, outlet and arrival route,
        extractions, events, incidents and review decisions."""
        emit_mapping(state(ctx).store.stats(), fmt, title="marsad store")
