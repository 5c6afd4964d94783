"""Commands of reconciliation: reconcile, incidents, incident, review."""

from __future__ import annotations

import os
from typing import List, Optional

import typer

from .common import FORMAT_OPTION, Format, console, day_option, emit, emit_mapping, state


def _progress_callback():
    """A ``progress(advance, total)`` drawing a rich bar on a terminal, and its closer."""
    from .common import console_err

    if not console_err.is_terminal:
        return None, lambda: None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    prog = Progress(TextColumn("reconciling"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=console_err, transient=True)
    task: list = []

    def advance(n: int, total: int) -> None:
        if not task:
            prog.start()
            task.append(prog.add_task("reconcile", total=total))
        prog.advance(task[0], n)

    return advance, prog.stop


def _run_reconcile(ctx: typer.Context, full: bool = False):
    from ..reconcile import reconcile

    st = state(ctx)
    advance, stop = _progress_callback()
    try:
        return reconcile(st.store, st.settings, full=full, progress=advance)
    finally:
        stop()


def _print_summary(s, fmt: Format) -> None:
    data = s.as_dict()
    if fmt != Format.table:
        emit(data, fmt)
        return
    console.print(
        f"{s.events} events -> {s.incidents} incidents; recomputed {s.recomputed_events} events in "
        f"{s.recomputed_segments} of {s.segments} segments: {s.new} new, {s.changed} changed, "
        f"{s.removed} removed, {s.unchanged} unchanged ({s.seconds:.2f} s)")
    console.print(f"review decisions: {s.applied} applied, {len(s.unapplied)} unapplied")
    for u in s.unapplied:
        console.print(f"  unapplied #{u['id']} {u['action']} {u['target']}: {u['why']}")


def register(app: typer.Typer) -> None:
    @app.command("reconcile")
    def reconcile_cmd(
        ctx: typer.Context,
        full: bool = typer.Option(False, "--full", help="Recompute and rewrite every incident."),
        fmt: Format = FORMAT_OPTION,
    ) -> None:
        """Group the stored events into incidents and replay the review log."""
        _print_summary(_run_reconcile(ctx, full), fmt)

    @app.command("incidents")
    def incidents_cmd(
        ctx: typer.Context,
        since: Optional[str] = typer.Option(None, "--since", metavar="YYYY-MM-DD", callback=day_option,
                                            help="Only incidents ending on or after this date."),
        until: Optional[str] = typer.Option(None, "--until", metavar="YYYY-MM-DD", callback=day_option,
                                            help="Only incidents starting on or before this date."),
        country: Optional[str] = typer.Option(None, "--country", help="ISO code, e.g. SY."),
        admin1: Optional[str] = typer.Option(None, "--admin1", help="ISO 3166-2 code (SY-ID) or name."),
        type_: Optional[str] = typer.Option(None, "--type", help="Event type or sub-type."),
        source: Optional[str] = typer.Option(None, "--source", help="A claim source or outlet."),
        grade: Optional[str] = typer.Option(None, "--grade", help="confirmed | fair | weak | contested"),
        rejected: bool = typer.Option(False, "--rejected", help="Include incidents a reviewer rejected."),
        limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many incidents."),
        fmt: Format = FORMAT_OPTION,
    ) -> None:
        """List incidents (table), or print them as JSON / JSON lines (docs/incidents.md)."""
        from ..reconcile import list_incidents, summary_row

        incs = list_incidents(state(ctx).store, since=since, until=until, country=country,
                              admin1=admin1, type=type_, source=source, grade=grade,
                              include_rejected=rejected, limit=limit)
        if fmt == Format.table:
            emit([summary_row(i) for i in incs], fmt,
                 ["id", "date", "type", "place", "admin1", "killed", "grade", "sources", "reports"],
                 title=f"{len(incs)} incidents")
        else:
            emit(incs, fmt)

    @app.command("incident")
    def incident_cmd(ctx: typer.Context, incident_id: str = typer.Argument(..., metavar="ID"),
                     fmt: Format = FORMAT_OPTION) -> None:
        """One incident with full provenance: every claim with its source and report."""
        from ..reconcile import get_incident, summary_row
        from ..reconcile.query import fmt_range

        inc = get_incident(state(ctx).store, incident_id)
        if fmt != Format.table:
            emit(inc, fmt)
            return
        head = summary_row(inc)
        head["grade"] = f"{inc['grade']} ({inc.get('grade_rule')})"
        if inc.get("status") == "rejected":
            head["status"] = "rejected"
        for outcome in ("fatalities", "injured"):
            for g, r in (inc.get(outcome) or {}).items():
                head[f"{'killed' if outcome == 'fatalities' else 'injured'} {g}"] = \
                    f"{fmt_range(r)}  [{r.get('rule')}]"
        head["actors"] = "; ".join(f"{a['role']}: {a['name']}" for a in inc.get("actors") or [])
        head["sources"] = "; ".join(f"{s['name']} ({s['type']})" for s in inc.get("sources") or [])
        if inc.get("contested_reasons"):
            head["contested"] = "; ".join(inc["contested_reasons"])
        for e in inc["review"]["edits"]:
            head[f"edit #{e['decision']}"] = f"{e['field']} = {e['value']} by {e['reviewer']}: {e['reason']}"
        emit_mapping(head, fmt, title=f"incident {inc['id']}")
        rows = []
        for c in inc.get("claims") or []:
            figs = ", ".join(f"{f.get('group')} {f.get('outcome')} {f.get('best')}"
                             for f in c.get("figures") or [])
            rows.append({"source": f"{c['source']['name']} ({c['source']['type']})", "stance": c["stance"],
                         "figures": figs, "quote": c.get("text"),
                         "report": f"{c['document_id'][:12]} {c.get('outlet') or ''}: {c.get('title') or ''}",
                         "span": f"{c.get('start')}-{c.get('end')}"})
        for s in inc.get("statements") or []:
            rows.append({"source": f"{s['source']['name']} ({s['source']['type']})", "stance": s["stance"],
                         "figures": "", "quote": s.get("text"),
                         "report": f"{s['document_id'][:12]} {s.get('outlet') or ''}: {s.get('title') or ''}",
                         "span": f"{s.get('start')}-{s.get('end')}"})
        emit(rows, fmt, ["source", "stance", "figures", "quote", "report", "span"], title="claims")

    review = typer.Typer(rich_markup_mode=None, help="Human decisions over incidents (append-only log, replayed by reconcile).",
                         no_args_is_help=True)
    app.add_typer(review, name="review")

    reviewer_opt = typer.Option(None, "--reviewer", help="Who decides (default: $USER).")
    reason_opt = typer.Option(None, "--reason", help="Why (required for edit).")

    def _decide(ctx, action, targets, reason, reviewer, fmt, field=None, value=None):
        from ..reconcile import record_decision

        st = state(ctx)
        d = record_decision(st.store, action, targets, reason=reason,
                            reviewer=reviewer or os.environ.get("USER") or None,
                            field=field, value=value)
        s = _run_reconcile(ctx)
        mine = [u for u in s.unapplied if u["id"] == d["id"]]
        if fmt != Format.table:
            emit({"decision": d, "applied": not mine, "reconcile": s.as_dict()}, fmt)
            return
        console.print(f"recorded decision #{d['id']}: {action} {' '.join(targets)}")
        if mine:
            console.print(f"warning: not applied: {mine[0]['why']}")
        _print_summary(s, fmt)

    @review.command("merge")
    def merge_cmd(ctx: typer.Context,
                  targets: List[str] = typer.Argument(..., metavar="INCIDENT_OR_REPORT..."),
                  reason: Optional[str] = reason_opt, reviewer: Optional[str] = reviewer_opt,
                  fmt: Format = FORMAT_OPTION) -> None:
        """These incidents (or the incidents of these reports' main events) are one."""
        _decide(ctx, "merge", targets, reason, reviewer, fmt)

    @review.command("split")
    def split_cmd(ctx: typer.Context, incident: str = typer.Argument(..., metavar="INCIDENT"),
                  reports: List[str] = typer.Argument(..., metavar="REPORT[/eN]..."),
                  reason: Optional[str] = reason_opt, reviewer: Optional[str] = reviewer_opt,
                  fmt: Format = FORMAT_OPTION) -> None:
        """Move these reports' events out of INCIDENT into a new incident of their own."""
        _decide(ctx, "split", [incident, *reports], reason, reviewer, fmt)

    @review.command("confirm")
    def confirm_cmd(ctx: typer.Context, incident: str = typer.Argument(..., metavar="INCIDENT"),
                    reason: Optional[str] = reason_opt, reviewer: Optional[str] = reviewer_opt,
                    fmt: Format = FORMAT_OPTION) -> None:
        """Confirm an incident (grade becomes confirmed)."""
        _decide(ctx, "confirm", [incident], reason, reviewer, fmt)

    @review.command("reject")
    def reject_cmd(ctx: typer.Context, incident: str = typer.Argument(..., metavar="INCIDENT"),
                   reason: Optional[str] = reason_opt, reviewer: Optional[str] = reviewer_opt,
                   fmt: Format = FORMAT_OPTION) -> None:
        """Reject an incident (not a real event): hidden from listings and exports."""
        _decide(ctx, "reject", [incident], reason, reviewer, fmt)

    @review.command("edit")
    def edit_cmd(ctx: typer.Context, incident: str = typer.Argument(..., metavar="INCIDENT"),
                 field: str = typer.Argument(..., metavar="FIELD",
                                             help="fatalities.GROUP, injured.GROUP, date, place, actor or type"),
                 value: str = typer.Argument(..., metavar="VALUE",
                                             help="N, LOW-HIGH, LOW-BEST-HIGH; YYYY-MM-DD[/YYYY-MM-DD]; "
                                                  "a place name or JSON; ROLE=NAME; a sub-type"),
                 reason: Optional[str] = reason_opt, reviewer: Optional[str] = reviewer_opt,
                 fmt: Format = FORMAT_OPTION) -> None:
        """Correct a figure, the place, the date, an actor or the type, with a reason."""
        _decide(ctx, "edit", [incident], reason, reviewer, fmt, field=field, value=value)

    @review.command("log")
    def log_cmd(ctx: typer.Context, fmt: Format = FORMAT_OPTION) -> None:
        """Every decision, oldest first."""
        from ..reconcile import review_log

        rows = review_log(state(ctx).store)
        if fmt == Format.table:
            from .common import dumps

            rows = [{"id": r["id"], "when": str(r["created_at"])[:19], "reviewer": r["reviewer"],
                     "action": r["action"], "target": r["target"][:30],
                     "details": dumps({k: v for k, v in (r["payload"] or {}).items() if k != "refs"}),
                     "reason": r["reason"]} for r in rows]
            emit(rows, fmt, ["id", "when", "reviewer", "action", "target", "details", "reason"],
                 title="review log")
        else:
            emit(rows, fmt)
