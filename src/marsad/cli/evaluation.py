"""Commands: eval."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Commands of this area are added here."""
