"""The gazetteer: ranked lookups of place names over the SQLite index.

:func:`open_gazetteer` opens the index at ``settings.resolved_gazetteer_path``, building
it first when it is missing or was built by another :data:`~marsad.geo.build.BUILD_VERSION`
(rows imported from GeoNames dumps are then re-imported from the files recorded in the
index, when those files are still there). Lookups go through the ``names`` table keyed by
:func:`marsad.geo.normalize.norm` and an in-memory LRU cache, so a repeated name costs a
dictionary hit and a new one a single indexed query.
"""

from __future__ import annotations

import json
import math
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import GazetteerError, NoPlaceMatch
from .build import (BIG_TOWN, BUILD_VERSION, FOCUS_COUNTRIES, KIND_ALIAS, KIND_ALT, KIND_MAIN, MIN_SKELETON,
                    TOWN, build_index)
from .normalize import ALT_NAME_SIMILARITY, norm, similarity, skeleton


#: how much each kind of feature weighs when names collide (before population)
FEATURE_WEIGHT = {"country": 3.0, "admin1": 2.0, "region": 1.6, "admin2": 1.2, "city": 1.0,
                  "site": 0.8, "airbase": 0.6, "village": 0.4, "place": 0.2}
NAME_WEIGHT = {KIND_MAIN: 1.0, KIND_ALIAS: 1.0, KIND_ALT: 0.6}
#: features that are "places" (a town or smaller): ACLED geo precision 1
LOCAL_FEATURES = frozenset({"city", "village", "place", "airbase", "site"})


@dataclass(frozen=True)
class Match:
    name: str
    country: str | None
    admin1: str | None
    admin1_iso: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    feature: str
    geonames_id: int | None
    population: int
    score: float
    exact: bool                 # the name matched a main name or alias (not an alternate)
    place_id: int = 0

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("place_id")
        return d


class Gazetteer:
    """Read access to one index file. Thread-safe for reads (one connection per thread)."""

    def __init__(self, path: str | Path, cache_size: int = 20000):
        self.path = Path(path)
        self._local = threading.local()
        self._cache: OrderedDict[tuple[str, str | None], list[Match]] = OrderedDict()
        self._cache_size = cache_size
        self._raw: dict[tuple[str, str | None], list[Match]] = {}
        self._rows_cache: dict[str, list[tuple]] = {}
        con = self._con()
        self._admin1_names = {row[0]: row[1] for row in con.execute(
            "SELECT admin1_iso, name FROM places WHERE feature = 'admin1'")}
        self._demonyms = dict(con.execute("SELECT key, country FROM demonyms"))
        row = con.execute("SELECT value FROM meta WHERE key = 'capitals'").fetchone()
        self._capitals: dict[str, str] = json.loads(row[0]) if row else {}

    # -- connection ------------------------------------------------------------------
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            try:
                con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
                con.execute("PRAGMA query_only = 1")
            except sqlite3.Error as exc:
                raise GazetteerError(f"cannot open the gazetteer index {self.path}: {exc}",
                                     code="M503") from None
            self._local.con = con
        return con

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None

    def meta(self) -> dict[str, str]:
        return dict(self._con().execute("SELECT key, value FROM meta"))

    # -- lookups ---------------------------------------------------------------------
    def lookup(self, name: str, country: str | None = None) -> list[Match]:
        """Entries named ``name``, best first. ``country`` (ISO alpha-2) ranks its own first."""
        raw = self._raw.get((name, country))
        if raw is not None:
            return raw
        country = country.upper() if country else None
        key = (norm(name), country)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            self._remember(name, country, hit)
            return hit
        out = self._query(key[0], country) if key[0] else []
        self._cache[key] = out
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        self._remember(name, country, out)
        return out

    def _remember(self, name: str, country: str | None, result: list[Match]) -> None:
        # surface forms as written: a repeated name costs one dictionary hit, no normalising
        if len(self._raw) >= self._cache_size:
            self._raw.clear()
        self._raw[(name, country)] = result

    def _rows(self, key: str) -> list[tuple]:
        """The entries of one normalised name, whatever the country asked: a report's names
        are looked up without its country and then with it, and most are no place at all
        (one query each, not two)."""
        rows = self._rows_cache.get(key)
        if rows is None:
            rows = self._con().execute(
                "SELECT p.id, p.name, p.country, p.admin1_iso, p.admin2, p.lat, p.lon, p.feature, "
                "p.geonames_id, p.population, n.kind FROM names n JOIN places p ON p.id = n.place_id "
                "WHERE n.key = ? LIMIT 400", (key,)).fetchall()
            if len(self._rows_cache) >= self._cache_size:
                self._rows_cache.clear()
            self._rows_cache[key] = rows
        return rows

    def _query(self, key: str, country: str | None) -> list[Match]:
        out = []
        for (pid, pname, cc, iso, adm2, lat, lon, feature, gid, pop, kind) in self._rows(key):
            s = FEATURE_WEIGHT.get(feature, 0.2) + NAME_WEIGHT.get(kind, 0.5)
            s += math.log10((pop or 0) + 1) / 3.0          # 1 per 1000x population
            if country and cc == country:
                s += 2.5
            out.append(Match(pname, cc, self._admin1_names.get(iso) if iso else None, iso, adm2,
                             lat, lon, feature, gid, int(pop or 0), round(s, 3), kind != KIND_ALT, pid))
        out.sort(key=lambda m: (-m.score, m.place_id))
        if out and not out[0].exact and out[0].feature in LOCAL_FEATURES and out[0].population < BIG_TOWN:
            # a town by its own name, whose population GeoNames does not know, before a town
            # smaller than a city that has the name only as an alternate one ("Ariha" is
            # Syria's Ariha, not Jericho, which Arabic calls so; but a village of 8,000 named
            # "Jaffrabad" does not displace Delhi's Jafarabad of 55,000)
            own = next((m for m in out if m.exact and m.feature in LOCAL_FEATURES and not m.population
                        and (country is None or (m.country == country) == (out[0].country == country))), None)
            if own is not None:
                out.remove(own)
                out.insert(0, own)
        if out and out[0].feature in LOCAL_FEATURES:
            # a province or country of that very name before a town that has it only as
            # an alternate name ("Missouri" is the state, not Bozeman; "Henan" the
            # province), or before a small town of that name elsewhere ("Oregon" is the
            # state, not Oregon, Ohio; "Idlib" stays the town, the province's own)
            top = out[0]
            top_home = country is not None and top.country == country
            for m in out[1:]:
                if m.exact and m.feature in ("admin1", "region", "country") and (
                        country is None or (m.country == country) == top_home) and (
                        not top.exact or top.population < BIG_TOWN and top.admin1_iso != m.admin1_iso):
                    out.remove(m)
                    out.insert(0, m)
                    break
        return out

    def lookup_fuzzy(self, name: str, country: str) -> list[Match]:
        """Entries of ``country`` whose transliteration skeleton equals that of ``name``
        ("Khan Sheikhun" finds Khān Shaykhūn) and whose name is a spelling of ``name``
        (:data:`FUZZY_SIMILARITY`: "Qureshi" shares a skeleton with no town it spells). A
        fallback for when :meth:`lookup` finds nothing; the matches are marked
        ``exact=False`` and scored lower."""
        raw = self._raw.get(("~" + name, country))
        if raw is not None:
            return raw
        country = country.upper()
        sk = skeleton(norm(name))
        if len(sk.replace(" ", "")) < MIN_SKELETON:
            return []
        ck = ("~" + sk, country)
        found = self._cache.get(ck)     # every entry with this skeleton, best first
        if found is None:
            rows = self._con().execute(
                "SELECT p.id, p.name, p.country, p.admin1_iso, p.admin2, p.lat, p.lon, p.feature, "
                "p.geonames_id, p.population FROM skeletons s JOIN places p ON p.id = s.place_id "
                "WHERE s.skel = ? AND p.country = ? LIMIT 50", (sk, country)).fetchall()
            short = len(sk.replace(" ", "")) < 4
            found = []
            for (pid, pname, cc, iso, adm2, lat, lon, feature, gid, pop) in rows:
                if short and (pop or 0) < TOWN and feature not in ("admin1", "region"):
                    continue    # three-letter skeletons only for towns that make the news
                s = FEATURE_WEIGHT.get(feature, 0.2) + 0.3 + math.log10((pop or 0) + 1) / 3.0 + 2.5
                found.append(Match(pname, cc, self._admin1_names.get(iso) if iso else None, iso, adm2,
                                   lat, lon, feature, gid, int(pop or 0), round(s, 3), False, pid))
            found.sort(key=lambda m: (-m.score, m.place_id))
            self._cache[ck] = found
        # a spelling of the name, not a word that shares its consonants ("Qureshi", "Quoting")
        out = [m for m in found if similarity(name, m.name) >= FUZZY_SIMILARITY]
        self._remember("~" + name, country, out)
        return out

    def best(self, name: str, country: str | None = None) -> Match | None:
        m = self.lookup(name, country)
        return m[0] if m else None

    def geocode(self, name: str, country: str | None = None, *, alternatives: int = 5) -> dict[str, Any]:
        """The ``marsad geocode`` result: best match and alternatives, or :class:`NoPlaceMatch`.

        With ``country``, entries of that country come first; when it has none, the
        transliteration skeleton is tried inside it before falling back to the world,
        unless the name is a country's own or a big city's ("Hong Kong" asked in China is
        Hong Kong, not Huanggang, which shares its consonants).
        """
        name = (name or "").strip()
        if not name:
            raise NoPlaceMatch("no match: the name is empty")
        if len(name) > 200:
            raise NoPlaceMatch(f"no match: a place name of {len(name)} characters is not a name")
        matches = self.lookup(name, country)
        if country and not any(m.country == country.upper() for m in matches) and not (
                matches and matches[0].exact
                and (matches[0].feature == "country" or matches[0].population >= BIG_TOWN)):
            matches = self.lookup_fuzzy(name, country) + matches
        if not matches:
            where = f" in {country.upper()}" if country else ""
            raise NoPlaceMatch(f"no match for {name!r}{where} in the gazetteer ({self.path}); "
                               f"import a GeoNames dump with `marsad gazetteer import` for villages")
        fields = ("name", "country", "admin1", "admin1_iso", "admin2", "lat", "lon", "feature",
                  "geonames_id")
        best = matches[0]
        out = {k: getattr(best, k) for k in fields}
        out["population"] = best.population
        out["alternatives"] = [{k: getattr(m, k) for k in fields} for m in matches[1:1 + alternatives]]
        return out

    def country(self, code: str) -> Match | None:
        """The entry of the country ``code`` (ISO alpha-2), None when unknown."""
        row = self._con().execute("SELECT id FROM places WHERE feature = 'country' AND country = ?",
                                  (code,)).fetchone()
        return self._by_id(row[0]) if row else None

    def capital(self, country: str) -> Match | None:
        """The capital city of ``country`` (ISO alpha-2), None when the data name none."""
        name = self._capitals.get(country)
        if not name:
            return None
        return next((m for m in self.lookup(name, country)
                     if m.country == country and m.feature == "city"), None)

    def demonym(self, word: str, *, derive: bool = False) -> str | None:
        """Country (alpha-2) of a demonym listed in the shipped and user aliases, such as
        "Syrian", else None. With ``derive``, also a word made by a regular English ending
        on a country's name ("Australian", "Kenyan", "Canadian", "Malian", "Nepalese")."""
        if word.isalpha() and word.isascii():
            hit = self._demonyms.get(word.lower())
        else:
            hit = self._demonyms.get(norm(word))
        if hit is not None or not derive or not (word.isalpha() and word[:1].isupper() and len(word) > 4):
            return hit
        low = word.lower()
        for suffix, repl in _DEMONYM_ENDINGS:
            if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                stem = low[: len(low) - len(suffix)] + repl
                m = next((m for m in self.lookup(stem) if m.feature == "country" and m.exact), None)
                if m is not None:
                    return m.country
        return None

    def admin1(self, country: str, iso_or_name: str) -> Match | None:
        """The admin1 entry of ``country`` given its ISO 3166-2 code or one of its names."""
        country = country.upper()
        code = iso_or_name.strip().upper()
        if "-" not in code:
            code = f"{country}-{code}"
        row = self._con().execute(
            "SELECT id FROM places WHERE feature = 'admin1' AND admin1_iso = ?", (code,)).fetchone()
        if row:
            return self._by_id(row[0])
        for m in self.lookup(iso_or_name, country):
            if m.feature == "admin1" and m.country == country:
                return m
        return None

    def _by_id(self, pid: int) -> Match:
        r = self._con().execute(
            "SELECT id, name, country, admin1_iso, admin2, lat, lon, feature, geonames_id, population "
            "FROM places WHERE id = ?", (pid,)).fetchone()
        return Match(r[1], r[2], self._admin1_names.get(r[3]) if r[3] else None, r[3], r[4], r[5],
                     r[6], r[7], r[8], int(r[9] or 0), 1.0, True, r[0])

    # -- spaCy -----------------------------------------------------------------------
    def ruler_patterns(self, min_population: int | None = None,
                       focus: tuple[str, ...] | None = None) -> list[dict]:
        """EntityRuler patterns (label GPE): every country, admin1, region and site name,
        the main names of cities of at least ``min_population`` worldwide (and the
        alternate spellings of cities over :data:`RULER_ALT_NAMES_POPULATION`), and every
        name of every place of the focus countries (:data:`FOCUS_COUNTRIES` plus any
        country with imported GeoNames rows).

        Names that are common English words (``data/common_words.txt``) or shorter than
        four letters are left out: the ruler matches case-insensitively; so are alternate
        names of towns outside the focus countries that are no spelling of the town's name
        (:data:`~marsad.geo.normalize.ALT_NAME_SIMILARITY`: GeoNames lists translations
        and nicknames, "White House" for Casablanca).
        """
        con = self._con()
        if min_population is None:
            min_population = RULER_MIN_POPULATION
        focus = tuple(focus) if focus is not None else self.focus_countries()
        common = common_words()
        qs = ",".join("?" for _ in focus) or "''"
        sel = ("SELECT n.text, n.kind, p.feature, p.population, p.name, p.country FROM places p "
               "JOIN names n ON n.place_id = p.id WHERE ")
        rows = con.execute(
            sel + "p.feature IN ('country','admin1','region','site') UNION ALL "
            + sel + "p.population >= ? AND (n.kind < 2 OR p.population >= ?) UNION ALL "
            + sel + f"p.country IN ({qs})",
            (min_population, RULER_ALT_NAMES_POPULATION, *focus)).fetchall()
        seen: set[str] = set()
        out: list[dict] = []
        for text, kind, feature, pop, main, cc in rows:
            if not text or len(text) < 4 or not text[0].isalpha() or not text[0].isupper():
                continue
            low = text.lower()
            if low in seen or low in common:
                continue
            if kind == KIND_ALT and feature not in ("country", "admin1", "region") and cc not in focus and (
                    # alternate names of big foreign cities are mostly other languages' spellings
                    not text.isascii()
                    # or translations and nicknames ("White House" is Casablanca's); a focus
                    # country keeps every name ("Kobane" is no spelling of 'Ayn al 'Arab)
                    or similarity(text, main) < ALT_NAME_SIMILARITY):
                continue
            seen.add(low)
            out.append({"label": "GPE", "pattern": text})
        return out

    def focus_countries(self) -> tuple[str, ...]:
        imported = [r[0] for r in self._con().execute(
            "SELECT DISTINCT country FROM places WHERE source = 'geonames-dump'")]
        return tuple(sorted(set(FOCUS_COUNTRIES) | set(imported)))

    # -- imports ---------------------------------------------------------------------
    def import_geonames(self, file: str | Path, *, countries=None) -> dict[str, Any]:
        """Import a GeoNames dump (see :mod:`marsad.geo.geonames_import`) into this index."""
        from .geonames_import import import_geonames

        self.close()
        counts = import_geonames(self.path, file, countries=countries)
        self._cache.clear()
        self._raw.clear()
        self._rows_cache.clear()
        return counts

    # -- information -----------------------------------------------------------------
    def info(self) -> dict[str, Any]:
        con = self._con()
        meta = self.meta()
        by_feature = dict(con.execute("SELECT feature, COUNT(*) FROM places GROUP BY feature"))
        by_source = dict(con.execute("SELECT source, COUNT(*) FROM places GROUP BY source"))
        top = con.execute("SELECT country, COUNT(*) c FROM places WHERE country IS NOT NULL "
                          "GROUP BY country ORDER BY c DESC LIMIT 15").fetchall()
        n_groups, n_mapped = con.execute(
            "SELECT COUNT(*), COUNT(iso) FROM admin1").fetchone()
        return {
            "path": str(self.path),
            "build_version": meta.get("build_version"),
            "built_at": meta.get("built_at"),
            "places": sum(by_feature.values()),
            "names": con.execute("SELECT COUNT(*) FROM names").fetchone()[0],
            "by_feature": by_feature,
            "by_source": by_source,
            "top_countries": dict(top),
            "admin1_codes_mapped": f"{n_mapped}/{n_groups}",
            "imports": meta.get("imports", ""),
        }

    def country_stats(self, country: str) -> dict[str, Any]:
        con = self._con()
        cc = country.upper()
        by_feature = dict(con.execute(
            "SELECT feature, COUNT(*) FROM places WHERE country = ? GROUP BY feature", (cc,)))
        n_groups, n_mapped = con.execute(
            "SELECT COUNT(*), COUNT(iso) FROM admin1 WHERE country = ?", (cc,)).fetchone()
        return {"country": cc, "by_feature": by_feature, "admin1_codes_mapped": f"{n_mapped}/{n_groups}"}


#: English demonym endings -> the country name's ending (tried in order)
_DEMONYM_ENDINGS = (("ian", "ia"), ("ian", "a"), ("ian", "i"), ("ian", "y"), ("ian", ""), ("an", "a"),
                    ("an", ""), ("n", ""), ("ese", ""), ("ese", "a"), ("i", ""))

#: least similarity (difflib ratio) of a name and the place a skeleton matched: "Khan
#: Sheikhun" is Khan Shaykhun (0.85); "Qureshi" is not Cary (0.18) nor Ceres (0.5)
FUZZY_SIMILARITY = 0.55

RULER_MIN_POPULATION = 300000
#: cities from this size on also give their alternate (English) spellings to the ruler
RULER_ALT_NAMES_POPULATION = 1000000


def common_words() -> frozenset[str]:
    from .build import DATA_DIR

    global _COMMON
    if _COMMON is None:
        words = set()
        for line in (DATA_DIR / "common_words.txt").read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(norm(line))
                words.add(line.lower())
        _COMMON = frozenset(words)
    return _COMMON


_COMMON: frozenset[str] | None = None


def _read_meta(path: Path, key: str) -> str | None:
    """A value of the index's ``meta`` table, read-only; None when absent or unreadable."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _stored_version(path: Path) -> str | None:
    return _read_meta(path, "build_version")


_OPEN: dict[str, Gazetteer] = {}
_LOCK = threading.Lock()


def open_gazetteer(settings, *, rebuild: bool = False) -> Gazetteer:
    """The gazetteer of ``settings``, built on first use (and when its version is stale)."""
    path = Path(settings.resolved_gazetteer_path)
    with _LOCK:
        stale = rebuild or not path.is_file() or _stored_version(path) != BUILD_VERSION
        if stale:
            imports = _previous_imports(path) if path.is_file() else []
            build_index(path)
            if imports:
                from .geonames_import import import_geonames

                for file, countries in imports:
                    if Path(file).is_file():
                        import_geonames(path, file, countries=countries)
            old = _OPEN.pop(str(path), None)
            if old is not None:
                old.close()
        gaz = _OPEN.get(str(path))
        if gaz is None:
            gaz = Gazetteer(path)
            _OPEN[str(path)] = gaz
        return gaz


def forget(path: str | Path) -> None:
    """Drop the cached reader of ``path`` (after an import changed the index)."""
    with _LOCK:
        old = _OPEN.pop(str(Path(path)), None)
        if old is not None:
            old.close()


def _previous_imports(path: Path) -> list[tuple[str, list[str] | None]]:
    import json

    raw = _read_meta(path, "imports_json")
    try:
        return [(d["file"], d.get("countries")) for d in json.loads(raw)] if raw else []
    except (ValueError, KeyError, TypeError):
        return []
