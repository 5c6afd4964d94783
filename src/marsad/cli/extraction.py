"""Commands of the extraction stage: extract, reextract, geocode, gazetteer, eval."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Extraction commands are added here (issue 3)."""
