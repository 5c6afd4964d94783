"""Progress bars for long commands: shown on a terminal, silent in pipes and tests."""

from __future__ import annotations

import contextlib
from typing import Callable, Iterator

from .common import console_err


@contextlib.contextmanager
def progress_bar(label: str, total: int | None) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n)``; draws a rich progress bar on stderr when it is a terminal."""
    if not console_err.is_terminal or (total is not None and total < 2):
        yield lambda n=1: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console_err, transient=True) as prog:
        task = prog.add_task(label, total=total)
        yield lambda n=1: prog.advance(task, n)
