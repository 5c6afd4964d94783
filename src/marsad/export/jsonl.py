"""Incidents as JSON lines: one incident object per line, exactly as the reconcile
library returns it (docs/incidents.md)."""

from __future__ import annotations

import json
from typing import Iterable, Iterator, Mapping


def jsonl_lines(incidents: Iterable[Mapping]) -> Iterator[str]:
    """One compact UTF-8 JSON line (with its ``\\n``) per incident."""
    for inc in incidents:
        yield json.dumps(inc, ensure_ascii=False, default=str) + "\n"


def jsonl_text(incidents: Iterable[Mapping]) -> str:
    return "".join(jsonl_lines(incidents))
