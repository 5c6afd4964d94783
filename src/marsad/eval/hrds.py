"""Scoring against report-level HRDsAttack gold (``corpus/hrds-dev.jsonl``).

Metrics (share of articles correct; the main event is the first event):

``country``
    the main event's ``location.country`` (ISO 3166-1 alpha-2) is one of the countries
    the gold free-text ``country`` names (:func:`gold_countries`: ISO codes, official and
    common names via pycountry, demonyms such as "Yemeni", constituent countries such as
    "England" -> GB, first-level subdivisions such as "Texas" -> US, misspellings within
    a close edit distance, and lists such as "Myanmar and Iran" where any listed country
    is accepted; "China" also accepts Hong Kong and Macau, which ISO 3166-2 lists as
    CN-HK and CN-MO, and a gold "Hong Kong" accepts a place in China's province CN-HK,
    as marsad indexes it). Articles whose gold names no country (null, "Africa") are
    excluded.
``year``
    the main event's ``date.start`` year equals the gold ``year``, over articles with a
    gold year (years before 1900, such as ``13``, are annotation slips and excluded).
``type_compatible``
    the main event's type is compatible with one of the gold ``violation_types``
    (:data:`COMPATIBLE`, after gold.md: a killing is an attack, clash or strike; a
    detention is an arrest). ``other`` and ``unknown`` are not scored; articles with
    only those are excluded.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Any, Sequence

from .common import Scores, date_span, fold, main_event

#: names pycountry does not resolve that annotators use
COUNTRY_ALIASES: dict[str, str] = {
    "usa": "US", "us": "US", "u s": "US", "u s a": "US", "america": "US",
    "united states": "US", "united states of america": "US",
    "uk": "GB", "u k": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "russia": "RU", "soviet union": "RU", "ussr": "RU",
    "turkey": "TR", "palestine": "PS", "gaza": "PS", "west bank": "PS",
    "drc": "CD", "dr congo": "CD", "democratic republic of the congo": "CD",
    "democratic republic of congo": "CD", "congo kinshasa": "CD", "congo brazzaville": "CG",
    "south korea": "KR", "north korea": "KP", "laos": "LA", "syria": "SY", "iran": "IR",
    "vietnam": "VN", "burma": "MM", "ivory coast": "CI", "cote d ivoire": "CI",
    "swaziland": "SZ", "eswatini": "SZ", "czech republic": "CZ", "macedonia": "MK",
    "kosovo": "XK", "taiwan": "TW", "hong kong": "HK", "tibet": "CN", "xinjiang": "CN",
    "china": "CN", "the netherlands": "NL", "holland": "NL", "bolivia": "BO",
    "venezuela": "VE", "tanzania": "TZ", "moldova": "MD",
}
_SPLIT = re.compile(r"\s*(?:,|;|/|\band\b|&|\(|\)|\betc\b|\bmultiple\b)\s*")


@lru_cache(maxsize=1)
def _name_index() -> dict[str, str]:
    import pycountry

    index: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                index.setdefault(fold(v), c.alpha_2)
                if "," in v:  # "Korea, Republic of" -> also "Republic of Korea"
                    a, b = v.split(",", 1)
                    index.setdefault(fold(f"{b} {a}"), c.alpha_2)
    for k, v in COUNTRY_ALIASES.items():
        index[fold(k)] = v
    return index


@lru_cache(maxsize=1)
def _codes() -> frozenset[str]:
    return frozenset(_name_index().values())


@lru_cache(maxsize=1)
def _subdivision_index() -> dict[str, str]:
    """First-level subdivision names (no parent) -> country code, when unambiguous."""
    import pycountry

    seen: dict[str, set[str]] = {}
    for sd in pycountry.subdivisions:
        if getattr(sd, "parent_code", None):
            continue
        seen.setdefault(fold(sd.name), set()).add(sd.country_code)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and len(k) > 3}


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO alpha-2 code of one country name/code/demonym, or None."""
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    if not key:
        return None
    index = _name_index()
    if len(key) == 2 and key.upper() in _codes():
        return key.upper()
    if key in index:
        return index[key]
    # demonyms: Yemeni -> Yemen, Pakistani -> Pakistan, Syrian -> Syria, Nigerian -> Nigeria
    for suffix, repl in (("i", ""), ("n", ""), ("ian", "ia"), ("ese", ""), ("an", "a")):
        if key.endswith(suffix) and len(key) > 4 and key[: len(key) - len(suffix)] + repl in index:
            return index[key[: len(key) - len(suffix)] + repl]
    sub = _subdivision_index().get(key)
    if sub:
        return sub
    close = difflib.get_close_matches(key, list(index), n=1, cutoff=0.85)
    return index[close[0]] if close else None


#: ISO 3166-1 codes that are also ISO 3166-2 subdivisions of another country (CN-HK,
#: CN-MO): a gold "China" accepts a place in Hong Kong or Macau, as ACLED codes them
SUBDIVISION_CODES = {"CN": {"HK", "MO"}}


def gold_countries(text: str | None) -> set[str]:
    """Every country a free-text gold ``country`` names (empty: none resolvable)."""
    if not text or not str(text).strip():
        return set()
    whole = country_code(str(text))
    codes = {whole} if whole else {c for part in _SPLIT.split(str(text)) if part and (c := country_code(part))}
    return codes | {sub for c in codes for sub in SUBDIVISION_CODES.get(c, ())}


#: gold violation -> acceptable (type, sub_type) of the main event (sub_type None: any)
COMPATIBLE: dict[str, tuple[tuple[str, str | None], ...]] = {
    "killing": (("violence_against_civilians", "attack"), ("battles", "armed_clash"),
                ("explosions_remote_violence", None),
                ("protests", "excessive_force_against_protesters")),
    "arbitrary detention": (("strategic_developments", "arrests"),),
    "kidnapping": (("violence_against_civilians", "abduction_forced_disappearance"),),
    "enforced disappearance": (("violence_against_civilians", "abduction_forced_disappearance"),
                               ("strategic_developments", "arrests")),
    "torture": (("violence_against_civilians", "attack"),
                ("violence_against_civilians", "sexual_violence")),
}


def type_compatible(violation: str, event: dict[str, Any] | None) -> bool:
    if not event:
        return False
    et, st = event.get("type"), event.get("sub_type")
    return any(et == t and (s is None or st == s) for t, s in COMPATIBLE.get(violation, ()))


def score_hrds(golds: Sequence[dict[str, Any]], results: Sequence[dict[str, Any] | None],
               ids: Sequence[str | None] | None = None) -> Scores:
    """Score results against HRDsAttack ``gold`` objects (same order, same length)."""
    if len(golds) != len(results):
        raise ValueError("golds and results differ in length")
    s = Scores("hrds")
    for name in ("country", "year", "type_compatible"):
        s.tally(name)
    for i, (gold, result) in enumerate(zip(golds, results)):
        ev = main_event(result)
        row: dict[str, Any] = {"id": (ids[i] if ids else None) or i,
                               "events": len((result or {}).get("events") or [])}
        accepted = gold_countries(gold.get("country"))
        loc = (ev or {}).get("location") or {}
        pred = loc.get("country")
        if accepted:
            # a territory marsad indexes as a province (Hong Kong: CN, admin1 CN-HK) is the
            # gold's country of that name too
            ok = pred in accepted or (loc.get("admin1_iso") or "").partition("-")[2] in accepted
            s.tally("country").add(ok)
            row["country"] = (ok, gold.get("country"), pred)
        year = gold.get("year")
        if isinstance(year, int) and year >= 1900:
            start, _ = date_span(ev)
            py = int(start[:4]) if start and start[:4].isdigit() else None
            s.tally("year").add(py == year)
            row["year"] = (py == year, year, py)
        violations = [v for v in gold.get("violation_types") or [] if v in COMPATIBLE]
        if violations:
            ok = any(type_compatible(v, ev) for v in violations)
            s.tally("type_compatible").add(ok)
            row["type_compatible"] = (ok, violations,
                                      f"{(ev or {}).get('type')}/{(ev or {}).get('sub_type')}" if ev else None)
        s.rows.append(row)
    return s
