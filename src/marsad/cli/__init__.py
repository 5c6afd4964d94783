"""The ``marsad`` command: a thin layer over the library.

Each area registers its commands from its own module (``documents``, ``extraction``,
``incidents``, ...). Library errors (:class:`marsad.errors.MarsadError`) become one line
``error [CODE]: message`` on stderr and exit status 1; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import sys
from typing import Optional

import click
import typer

from .. import __version__
from ..errors import MarsadError
from .common import State, console_err

try:  # typer >= 0.20 vendors its own click: its usage errors are not click.ClickException
    from typer._click.exceptions import ClickException as _TyperClickException
except ImportError:  # pragma: no cover - older typer uses click itself
    _TyperClickException = click.ClickException

app = typer.Typer(
    rich_markup_mode=None,
    name="marsad",
    help="marsad: an offline-first conflict-event observatory. Ingest reports, extract "
         "sourced events, reconcile them into incidents, review and export.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"marsad {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    database_url: Optional[str] = typer.Option(
        None, "--db", "--database-url", metavar="URL",
        help="Database URL (overrides MARSAD_DATABASE_URL and marsad.toml)."),
    config_file: Optional[str] = typer.Option(
        None, "--config", metavar="FILE", help="Settings file (TOML); default ./marsad.toml."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    ctx.obj = State(database_url=database_url, config_file=config_file, debug=debug)


def _register() -> None:
    # Each module imports its heavy libraries inside the commands, never at import time.
    from . import documents, evaluation, exports, extraction, geo, incidents, settings_cmds

    for module in (settings_cmds, documents, extraction, geo, evaluation, incidents, exports):
        module.register(app)


_register()


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script. Returns (and exits with) the status."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        rv = app(args=args, prog_name="marsad", standalone_mode=False)
        code = rv if isinstance(rv, int) else 0
    except MarsadError as exc:
        if debug:
            console_err.print_exception()
        console_err.print(f"[bold red]error[/] [{exc.code}]: {exc.message}", markup=True,
                          highlight=False, soft_wrap=True)
        code = 1
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.exceptions.Abort:
        console_err.print("aborted")
        code = 1
    except (click.ClickException, _TyperClickException) as exc:
        exc.show()
        code = exc.exit_code
    except BrokenPipeError:
        code = 0
    except KeyboardInterrupt:
        console_err.print("interrupted")
        code = 130
    if argv is None:
        sys.exit(code)
    return code
