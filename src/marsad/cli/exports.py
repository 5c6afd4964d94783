"""Commands: export, report.

Both are thin layers: they fetch the incidents with ``marsad.reconcile.list_incidents``
and hand them to the pure functions of :mod:`marsad.export`.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer

from .common import console_err, state


class ExportFormat(str, Enum):
    acled_csv = "acled-csv"
    ucdp_csv = "ucdp-csv"
    geojson = "geojson"
    jsonl = "jsonl"


class ReportFormat(str, Enum):
    md = "md"
    html = "html"


def _day(value: Optional[str], option: str) -> Optional[str]:
    if value is None:
        return None
    from ..errors import InputError
    from ..ingest.common import parse_day

    try:
        return parse_day(value)
    except ValueError as exc:
        raise InputError(f"{option} {exc}") from None


def fetch_incidents(store, *, since: Optional[str] = None, until: Optional[str] = None,
                    country: Optional[str] = None, admin1: Optional[str] = None) -> list[dict]:
    """The incidents matching the filters, from the reconcile library.

    The filters are passed to ``list_incidents`` (a country name becomes its ISO code);
    any filter that function does not take is applied here instead."""
    from ..errors import StoreError
    from ..export.common import country_info, filter_incidents

    try:
        from ..reconcile import list_incidents
    except ImportError as exc:  # the reconcile package is not installed in this build
        raise StoreError(f"incidents are not available ({exc}): run `marsad reconcile` "
                         f"with a marsad that includes the reconcile package") from None
    if country:
        # the store keeps ISO 3166-1 alpha-2 codes: "Syria" and "SYR" become "SY"
        country = country_info(country)["iso2"] or country
    filters = {k: v for k, v in (("since", since), ("until", until), ("country", country),
                                 ("admin1", admin1)) if v is not None}
    import inspect

    params = inspect.signature(list_incidents).parameters
    if not any(p.kind is p.VAR_KEYWORD for p in params.values()):
        filters = {k: v for k, v in filters.items() if k in params}
    incidents = list_incidents(store, **filters)
    # Filters this list_incidents does not take are applied here.
    rest = {k: v for k, v in (("since", since), ("until", until), ("country", country),
                              ("admin1", admin1)) if v is not None and k not in filters}
    return filter_incidents(incidents, **rest) if rest else incidents


def _write_stdout(text: str) -> None:
    data = text.encode("utf-8")
    sys.stdout.flush()
    buf = getattr(sys.stdout, "buffer", None)
    if buf is not None:
        buf.write(data)
        buf.flush()
    else:  # pragma: no cover - unusual streams
        sys.stdout.write(text)


def _write_file(path: Path, text: str) -> None:
    from ..errors import InputError

    try:
        if path.parent and not path.parent.exists():
            raise InputError(f"cannot write {path}: the folder {path.parent} does not exist")
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _note(message: str, to_file: bool) -> None:
    """Counts go to stdout when the data went to a file, else to stderr."""
    if to_file:
        typer.echo(message)
    else:
        console_err.print(message, markup=False, highlight=False, soft_wrap=True)


SINCE = typer.Option(None, "--since", metavar="YYYY-MM-DD",
                     help="Incidents ending on or after this day.")
UNTIL = typer.Option(None, "--until", metavar="YYYY-MM-DD",
                     help="Incidents starting on or before this day.")
COUNTRY = typer.Option(None, "--country", help="ISO 3166-1 code (SY) or country name.")
ADMIN1 = typer.Option(None, "--admin1", help="First-level area: name (Idlib) or ISO 3166-2 code (SY-ID).")


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export_cmd(
        ctx: typer.Context,
        fmt: ExportFormat = typer.Option(..., "--format", "-f",
                                         help="acled-csv, ucdp-csv, geojson or jsonl."),
        output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                              help="Write here instead of standard output."),
        since: Optional[str] = SINCE,
        until: Optional[str] = UNTIL,
        country: Optional[str] = COUNTRY,
        admin1: Optional[str] = ADMIN1,
    ) -> None:
        """Export incidents as ACLED-style CSV, UCDP GED-style CSV, GeoJSON or JSON lines
        (column mapping: docs/exports.md)."""
        from ..export import export_incidents

        st = state(ctx)
        incidents = fetch_incidents(st.store, since=_day(since, "--since"),
                                    until=_day(until, "--until"), country=country,
                                    admin1=admin1)
        result = export_incidents(incidents, fmt.value)
        if output is not None:
            _write_file(output, result.text)
        else:
            _write_stdout(result.text)
        msg = f"exported {result.written} incident(s) as {fmt.value}"
        if output is not None:
            msg += f" to {output}"
        if result.omitted:
            msg += f"; {result.omitted} omitted ({result.omitted_reason})"
        _note(msg, output is not None)

    @app.command("report")
    def report_cmd(
        ctx: typer.Context,
        since: Optional[str] = SINCE,
        until: Optional[str] = UNTIL,
        country: Optional[str] = COUNTRY,
        admin1: Optional[str] = ADMIN1,
        fmt: Optional[ReportFormat] = typer.Option(
            None, "--format", "-f",
            help="md or html; default: from the --output suffix, else html."),
        output: Optional[Path] = typer.Option(
            None, "--output", "-o", metavar="FILE",
            help="Write here instead of standard output. With md, the map and chart PNGs "
                 "are written beside it (<stem>-map.png, <stem>-daily.png)."),
        top: int = typer.Option(10, "--top", min=1, max=100,
                                help="How many main incidents to list."),
    ) -> None:
        """A situation report: totals with ranges, by type, place and day, the main
        incidents, contested claims and denials, with a map and a daily chart."""
        from ..export.report import make_report

        if fmt is None:
            fmt = ReportFormat.md if output is not None and output.suffix.lower() in (
                ".md", ".markdown") else ReportFormat.html
        st = state(ctx)
        since_d, until_d = _day(since, "--since"), _day(until, "--until")
        incidents = fetch_incidents(st.store, since=since_d, until=until_d, country=country,
                                    admin1=admin1)
        rep = make_report(incidents, fmt=fmt.value, output=output, since=since_d,
                          until=until_d, country=country, admin1=admin1, top=top,
                          apply_filters=False)
        if output is not None:
            _write_file(output, rep.text)
            for name, png in rep.files.items():
                try:
                    (output.parent / name).write_bytes(png)
                except OSError as exc:
                    from ..errors import InputError

                    raise InputError(f"cannot write {output.parent / name}: "
                                     f"{exc.strerror or exc}") from None
        else:
            _write_stdout(rep.text)
        s: dict[str, Any] = rep.summary
        msg = (f"report on {s['incidents']} incident(s), {s['period']['text']}"
               + (f", written to {output}" if output is not None else ""))
        if rep.files:
            msg += f" with {', '.join(sorted(rep.files))}"
        _note(msg, output is not None)
