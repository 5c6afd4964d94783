"""Commands: eval (score extraction or reconciliation against gold files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, List, Optional

import typer

from .common import FORMAT_OPTION, Format, console, console_err, dumps, print_table, state


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def _floors_for(report: dict[str, Any], mins: dict[str, float]) -> dict[str, float]:
    """The --min floors that apply to one report: plain names, or KIND.METRIC."""
    out = {}
    for name, v in mins.items():
        kind, dot, metric = name.rpartition(".")
        if dot and kind == report["kind"]:
            out[metric] = v
        elif not dot and name in report["metrics"]:
            out[name] = v
    return out


def _print_report(report: dict[str, Any], show_errors: bool) -> None:
    from rich.table import Table

    title = f"{report['gold']}  ({report['kind']}, {report.get('documents')} documents"
    if "seconds" in report:
        title += f", {report['seconds']} s"
    title += ")"
    base = report.get("baseline")
    table = Table(title=title)
    table.add_column("metric")
    table.add_column("system", justify="right")
    if base:
        table.add_column("baseline", justify="right")
    table.add_column("correct / scored", justify="right")
    for name, value in report["metrics"].items():
        c, n = report.get("counts", {}).get(name, (None, None))
        cells = [name, _fmt(value)]
        if base:
            cells.append(_fmt(base["metrics"].get(name)))
        cells.append(f"{c} / {n}" if n is not None else "")
        table.add_row(*cells)
    print_table(table)
    if report["kind"] == "clusters":
        console.print(f"gold clusters: {report['gold_clusters']}   predicted incidents: "
                      f"{report['predicted_incidents']}   reports: {report['reports']}")
        if show_errors:
            for d in report["disagreements"]:
                if d["kind"] == "split":
                    parts = ", ".join(f"{r} -> {i or 'no incident'}" for r, i in d["reports"].items())
                    console.print(f"gold cluster {d['gold']} split: {parts}", markup=False, soft_wrap=True)
                else:
                    parts = ", ".join(f"{r} ({g})" for r, g in d["reports"].items())
                    console.print(f"incident {d['incident']} mixes gold clusters: {parts}",
                                  markup=False, soft_wrap=True)
        return
    if report.get("extraction_errors"):
        console.print(f"[yellow]{report['extraction_errors']} documents failed extraction[/]")
    if report["kind"] == "seed":
        _print_seed_rows(report)
    elif show_errors:
        _print_wrong_rows(report)


def _print_seed_rows(report: dict[str, Any]) -> None:
    from rich.table import Table

    fields = ("sub_type", "date", "place", "precision", "sources", "stance", "actors")
    table = Table(title="per gold event / statement")
    for col in ("gold", "req", "what", "matched", "checks"):
        table.add_column(col, overflow="fold")
    for row in report["rows"]:
        checks = []
        for f in fields:
            if row.get(f) is not None:
                checks.append(f + (" ok" if row[f] else " [red]WRONG[/]"))
        for g, x in (row.get("fatalities") or {}).items():
            checks.append(f"{g} ok" if x["ok"] else f"{g} [red]got {x['got']}[/] (gold {x['gold']})")
        matched = row["matched"]
        table.add_row(str(row["gold"]), "yes" if row["required"] else "", row["type"].rpartition("/")[2],
                      "[red]no[/]" if matched in (None, False) else ("yes" if matched is True else str(matched)),
                      ", ".join(checks))
    print_table(table)
    for m in report.get("must_not") or []:
        mark = {True: "ok", False: "[red]VIOLATED[/]", None: "not checked"}[m["ok"]]
        console.print(f"must not: {m['rule']} -> {mark}")


def _print_wrong_rows(report: dict[str, Any]) -> None:
    for row in report["rows"]:
        wrong = {k: v for k, v in row.items() if isinstance(v, tuple) and not v[0]}
        if wrong:
            console.print(f"{row['id']}: " + "; ".join(
                f"{k} gold={v[1]} got={v[2]}" for k, v in wrong.items()), soft_wrap=True)


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_cmd(
        ctx: typer.Context,
        gold: List[Path] = typer.Argument(..., help="Gold files (.jsonl, .gold.json, or a folder of .gold.json)."),
        min_: List[str] = typer.Option([], "--min", metavar="METRIC=VALUE",
                                       help="Exit 1 when METRIC (or KIND.METRIC) is below VALUE. Repeatable."),
        limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N documents."),
        processes: int = typer.Option(1, "--processes", "-p", min=1, help="Extraction worker processes."),
        baseline: bool = typer.Option(False, "--baseline", help="Also score the naive baseline."),
        clusters: bool = typer.Option(False, "--clusters",
                                      help="Ingest, extract, reconcile; score incidents against gold clusters (B-cubed)."),
        show_errors: bool = typer.Option(False, "--show-errors", "--verbose", "-v",
                                         help="List the documents (or clusters) where the system disagrees with gold."),
        fmt: Format = FORMAT_OPTION,
    ) -> None:
        """Score extraction against gold files (spec/gold.md) and print the metrics."""
        from ..eval import check_floors, evaluate, evaluate_clusters, parse_min

        st = state(ctx)
        mins = parse_min(min_)
        reports = []
        for path in gold:
            if clusters:
                r = evaluate_clusters(path, settings=st.settings, processes=processes, limit=limit,
                                      db_url=st.database_url)
            else:
                r = evaluate(path, settings=st.settings, processes=processes, limit=limit, baseline=baseline)
            reports.append(r)
        kinds = {r["kind"] for r in reports}
        known = {m for r in reports for m in r["metrics"]} | {f"{r['kind']}.{m}" for r in reports for m in r["metrics"]}
        # KIND.METRIC floors of a kind not evaluated here are unused (one command line can
        # carry the floors of several gold files); any other unknown name is an error.
        failures = []
        for name in mins:
            kind, dot, _ = name.rpartition(".")
            if name not in known and (not dot or kind in kinds):
                failures.append(f"--min {name}: no such metric (known: "
                                f"{', '.join(sorted(m for m in known if '.' not in m))})")
        for r in reports:
            failures += [f"{r['gold']}: below floor: {msg}" if "no such" not in msg and "not measured" not in msg
                         else f"{r['gold']}: {msg}"
                         for msg in check_floors(r["metrics"], _floors_for(r, mins))]
        if fmt == Format.table:
            for r in reports:
                _print_report(r, show_errors)
        else:
            out = []
            for r in reports:
                r = dict(r)
                if not show_errors:
                    r.pop("rows", None)
                    r.pop("disagreements", None)
                out.append(r)
            if fmt == Format.jsonl:
                for r in out:
                    typer.echo(dumps(r))
            else:
                typer.echo(dumps(out[0] if len(out) == 1 else out, indent=2))
        if failures:
            for f in failures:
                console_err.print(f"eval: {f}", markup=False, soft_wrap=True)
            raise typer.Exit(1)
