"""Commands of reconciliation: reconcile, incidents, incident, review, export, report."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Incident commands are added here (issue 4)."""
