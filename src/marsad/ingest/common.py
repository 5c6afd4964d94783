"""What the ingest modules share: one produced item (a document or a failure) and dates."""

from __future__ import annotations

from dataclasses import dataclass

from ..days import normalize_date, parse_day  # noqa: F401 - the readers' names for them
from ..errors import InputError
from ..store.db import NewDocument


@dataclass
class Produced:
    """One input turned into a document ready to store, or into the reason it cannot be."""

    name: str                                  # what the user would recognise: path, path:line, URL
    document: NewDocument | None = None
    error: InputError | None = None
    skipped: str | None = None                 # why an input was passed over (not a failure)


Item = Produced
