"""`marsad config` and `marsad db ...`."""

from __future__ import annotations

import typer

from ..config import SETTINGS
from .common import FORMAT_OPTION, Format, emit, state


def register(app: typer.Typer) -> None:
    @app.command("config")
    def config_cmd(ctx: typer.Context, fmt: Format = FORMAT_OPTION) -> None:
        """Print every setting's effective value and where it came from."""
        st = state(ctx)
        s = st.settings
        resolved = {
            "data_dir": str(s.resolved_data_dir),
            "database_url": s.resolved_database_url,
            "gazetteer_path": str(s.resolved_gazetteer_path),
        }
        rows = []
        for setting in SETTINGS:
            value = s.values[setting.name]
            shown = resolved.get(setting.name, value) if value is None else value
            rows.append({"name": setting.name, "value": shown,
                         "source": s.sources[setting.name], "help": setting.help})
        emit(rows, fmt, ["name", "value", "source"])

    db = typer.Typer(rich_markup_mode=None, help="Database maintenance.", no_args_is_help=True)
    app.add_typer(db, name="db")

    @db.command("upgrade")
    def db_upgrade(ctx: typer.Context) -> None:
        """Apply pending schema migrations (also done automatically on first use)."""
        st = state(ctx)
        store = st.store  # opening applies migrations
        typer.echo(f"database at revision {store.revision()} ({store.dialect})")
