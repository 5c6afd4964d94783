"""Exports of incidents (ACLED-style CSV, UCDP GED-style CSV, GeoJSON, JSON lines) and the
situation report. Library functions are pure: they take a list of incident dicts (the
shape of docs/incidents.md) and return text; the ``marsad export`` / ``marsad report``
commands fetch the incidents and write the files. The column mappings are documented in
docs/exports.md."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

FORMATS = ("acled-csv", "ucdp-csv", "geojson", "jsonl")


@dataclass
class Export:
    """The exported text, how many incidents it holds and how many were left out (and why)."""

    text: str
    written: int
    omitted: int = 0
    omitted_reason: str = ""


def export_incidents(incidents: Iterable[Mapping], fmt: str, *, now: int | None = None) -> Export:
    """Render ``incidents`` in one of :data:`FORMATS`."""
    incidents = list(incidents)
    if fmt == "acled-csv":
        from .acled import acled_csv

        return Export(acled_csv(incidents, now=now), len(incidents))
    if fmt == "ucdp-csv":
        from .ucdp import ucdp_csv

        text, omitted = ucdp_csv(incidents)
        return Export(text, len(incidents) - omitted, omitted,
                      "not organised violence or no reported death (UCDP GED convention)")
    if fmt == "geojson":
        from .geojson import geojson_text

        text, omitted = geojson_text(incidents)
        return Export(text, len(incidents) - omitted, omitted, "without coordinates")
    if fmt == "jsonl":
        from .jsonl import jsonl_text

        return Export(jsonl_text(incidents), len(incidents))
    from ..errors import InputError

    raise InputError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "Export", "export_incidents"]
