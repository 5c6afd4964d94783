"""Reading gold files (see ``shared/spec/gold.md``) and telling their kind apart.

* ``*.jsonl`` whose ``gold`` has ``main_event``  -> kind ``fakes`` (report level, Syria)
* ``*.jsonl`` whose ``gold`` has ``violation_types`` -> kind ``hrds`` (report level, worldwide)
* ``*.gold.json`` with ``gold.events`` -> kind ``seed`` (event level); its text is the
  sibling ``.txt`` of the same stem. A directory means every ``*.gold.json`` in it.

A gold file is curated data: a malformed line is an :class:`~marsad.errors.EvalError`
naming the file and line, never silently skipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvalError

KINDS = ("fakes", "hrds", "seed")
DOC_FIELDS = ("id", "text", "title", "published", "outlet", "url")
#: a gold line larger than this is refused (gold files hold news articles, not books)
MAX_LINE_BYTES = 5_000_000


@dataclass
class GoldItem:
    """One annotated document: the document object to extract, and its ``gold``."""

    doc: dict[str, Any]
    gold: dict[str, Any]


@dataclass
class GoldSet:
    path: str
    kind: str
    items: list[GoldItem]


def kind_of(gold: Any) -> str | None:
    if not isinstance(gold, dict):
        return None
    if "main_event" in gold:
        return "fakes"
    if "violation_types" in gold:
        return "hrds"
    if "events" in gold:
        return "seed"
    return None


def _document(obj: dict[str, Any], where: str) -> dict[str, Any]:
    if not isinstance(obj.get("text"), str):
        raise EvalError(f'{where}: no "text" string', code="M701")
    return {k: obj.get(k) for k in DOC_FIELDS}


def load_gold(path: str | Path, *, limit: int | None = None) -> GoldSet:
    """Read a gold file (or a directory of ``*.gold.json``) into a :class:`GoldSet`."""
    p = Path(path)
    if p.is_dir():
        files = sorted(p.glob("*.gold.json"))
        if not files:
            raise EvalError(f"{p}: no *.gold.json files in this directory", code="M702")
        items: list[GoldItem] = []
        for f in files:
            items.extend(load_gold(f).items)
        return GoldSet(str(p), "seed", items[:limit] if limit else items)
    if not p.is_file():
        raise EvalError(f"{p}: no such gold file", code="M702")
    if p.name.endswith(".gold.json"):
        return GoldSet(str(p), "seed", [_load_seed(p)])
    return _load_jsonl(p, limit)


def _load_seed(p: Path) -> GoldItem:
    try:
        obj = json.loads(p.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"{p}: not valid JSON: {exc}", code="M701") from None
    if not isinstance(obj, dict) or kind_of(obj.get("gold")) != "seed":
        raise EvalError(f'{p}: an event-level gold file needs "gold": {{"events": [...]}}', code="M701")
    txt = p.with_name(p.name[: -len(".gold.json")] + ".txt")
    if "text" not in obj:
        if not txt.is_file():
            raise EvalError(f"{p}: its text file {txt.name} is missing beside it", code="M702")
        obj["text"] = txt.read_text(encoding="utf-8")
    return GoldItem(_document(obj, str(p)), obj["gold"])


def _load_jsonl(p: Path, limit: int | None) -> GoldSet:
    items: list[GoldItem] = []
    kind: str | None = None
    with p.open("rb") as fh:
        for number, line in enumerate(fh, 1):
            where = f"{p.name} line {number}"
            if len(line) > MAX_LINE_BYTES:
                raise EvalError(f"{where} is over {MAX_LINE_BYTES:,} bytes", code="M701")
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise EvalError(f"{where} is not valid JSON: {exc}", code="M701") from None
            if not isinstance(obj, dict):
                raise EvalError(f"{where} is not a JSON object", code="M701")
            k = kind_of(obj.get("gold"))
            if k is None or k == "seed":
                raise EvalError(f'{where}: "gold" has neither "main_event" nor "violation_types" '
                                f"(see spec/gold.md)", code="M701")
            if kind is None:
                kind = k
            elif k != kind:
                raise EvalError(f"{where}: gold of kind {k} in a file of kind {kind}", code="M701")
            items.append(GoldItem(_document(obj, where), obj["gold"]))
            if limit and len(items) >= limit:
                break
    if kind is None:
        raise EvalError(f"{p}: no gold records", code="M701")
    return GoldSet(str(p), kind, items)
