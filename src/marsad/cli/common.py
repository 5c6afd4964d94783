"""What every command shares: the state object, opening the store, and output formats."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Iterable, Sequence

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..config import Settings, load_settings

console = Console(highlight=False, soft_wrap=False)
console_err = Console(stderr=True, highlight=False, soft_wrap=True)
#: the width of a table written to a file or a pipe (a terminal gives its own): rich's 80
#: columns folded every cell of `marsad incidents | less`
PIPE_WIDTH = 200


def print_table(table: Table) -> None:
    """Print a table: at the terminal's width, or at least :data:`PIPE_WIDTH` into a file or pipe."""
    if console.is_terminal:
        console.print(table)
    else:   # rich can only narrow a console's width when printing: a console for the pipe
        Console(highlight=False, soft_wrap=False, width=max(console.width, PIPE_WIDTH)).print(table)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


FORMAT_OPTION = typer.Option(Format.table, "--format", "-f",
                             help="table for people; json or jsonl for scripts.")


@dataclass
class State:
    database_url: str | None = None
    config_file: str | None = None
    debug: bool = False
    _settings: Settings | None = field(default=None, repr=False)
    _store: Any = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(config_file=self.config_file,
                                           database_url=self.database_url)
        return self._settings

    @property
    def store(self):
        if self._store is None:
            from ..store import Store

            self._store = Store.open(self.settings.resolved_database_url)
        return self._store


def day_option(value: str | None) -> str | None:
    """Typer callback: a ``--since``/``--until`` value checked as YYYY-MM-DD (a usage
    error, exit 2, otherwise)."""
    if value is None:
        return None
    from ..ingest.common import parse_day

    try:
        return parse_day(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    if obj is None:  # invoked without the root callback (tests calling a command directly)
        obj = State()
        ctx.find_root().obj = obj
    return obj


def dumps(obj: Any, *, indent: int | None = None) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent, default=str)


_CONTROL = {c: "\ufffd" for c in range(32) if chr(c) not in "\n\t"} | {127: "\ufffd"}


def printable(value: Any) -> str:
    """Text for a terminal: control characters (escape sequences in hostile article text)
    replaced, so nothing a report contains can drive the user's terminal."""
    return "" if value is None else str(value).translate(_CONTROL)


def emit(rows: Sequence[dict[str, Any]] | dict[str, Any], fmt: Format,
         columns: Iterable[str] | None = None, *, title: str | None = None) -> None:
    """Print ``rows`` as a table (only ``columns``), a JSON document, or JSON lines."""
    if fmt == Format.json:
        typer.echo(dumps(rows, indent=2))
        return
    if isinstance(rows, dict):
        rows = [rows]
    if fmt == Format.jsonl:
        for row in rows:
            typer.echo(dumps(row))
        return
    cols = list(columns) if columns else (list(rows[0].keys()) if rows else [])
    table = Table(title=title, show_lines=False)
    for c in cols:
        table.add_column(c, overflow="fold")
    for row in rows:
        # cells are plain text: a title with "[/x]" in it is shown, never read as markup
        table.add_row(*[Text(printable(row.get(c))) for c in cols])
    print_table(table)


def emit_mapping(data: dict[str, Any], fmt: Format, *, title: str | None = None) -> None:
    """Print one object: as name/value rows for people, as JSON otherwise."""
    if fmt != Format.table:
        emit(data, fmt)
        return
    table = Table(title=title, show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for k, v in data.items():
        table.add_row(Text(printable(k)), Text(printable(v if isinstance(v, str) else dumps(v))))
    print_table(table)
