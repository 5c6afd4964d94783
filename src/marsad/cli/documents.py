"""Commands on documents: ingest, documents, document, stats."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Document commands are added here."""
