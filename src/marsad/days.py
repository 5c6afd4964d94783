"""Publication days as ``YYYY-MM-DD`` strings, from what readers and callers hand over.

Kept apart from :mod:`marsad.ingest` (which loads the store) so that extraction can
check a document's date without importing the database layer.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from typing import Any

__all__ = ["parse_day", "normalize_date"]

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_day(value: str) -> str:
    """``value`` if it is a valid ``YYYY-MM-DD`` date, else ValueError."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        dt.date.fromisoformat(value.strip())
    except ValueError as exc:  # 2017-02-30
        raise ValueError(f"{value!r} is not a real day ({exc}); give YYYY-MM-DD") from None
    return value.strip()


def normalize_date(value: Any) -> str | None:
    """A publication date as ``YYYY-MM-DD``: from ISO dates and datetimes, RFC 2822 dates
    (feeds) and ``time.struct_time``; None when ``value`` is not a recognisable date."""
    if value is None or value == "":
        return None
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    m = _ISO_DATE.match(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed else None
