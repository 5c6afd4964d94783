"""Import GeoNames dumps (the documented 19-column tab-separated format) into the index.

Columns: geonameid, name, asciiname, alternatenames, latitude, longitude, feature class,
feature code, country code, cc2, admin1 code, admin2 code, admin3 code, admin4 code,
population, elevation, dem, timezone, modification date.

Accepted files: a country file (``SY.txt``), ``allCountries.txt``, or a ``.zip`` holding
them (``SY.zip`` as GeoNames serves it). The file is streamed line by line. Kept:

* class ``P`` (populated places) as ``city``/``village``/``place``;
* class ``A``: ``ADM1`` rows add their names to the province they map to (through the
  GeoNames admin1 code), ``ADM2`` rows become ``admin2`` entries and name the admin2 of
  the places imported with them; other ``A`` rows are skipped;
* class ``S`` with a military or airfield code (``AIRB``, ``AIRF``, ``AIRP``, ``MILB``,
  ``INSM``): ``airbase`` (Hmeimim and Kuweires air bases are reported as places);
* class ``L`` areas and regions (``RGN``, ``AREA``): ``region``.

A row whose geonameid is already in the index replaces it (a re-import is idempotent).
Malformed lines are counted and the first few reported, never fatal.
"""

from __future__ import annotations

import io
import json
import sqlite3
import time
import zipfile
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from ..errors import GazetteerError
from .build import KIND_ALIAS, KIND_ALT, KIND_MAIN, MIN_SKELETON, as_part, city_feature, nearest_anchor
from .normalize import is_code, is_latin, norm, skeleton

S_CODES = frozenset({"AIRB", "AIRF", "AIRP", "MILB", "INSM"})
L_CODES = frozenset({"RGN", "AREA", "RGNE"})
MAX_LINE = 1_000_000
MAX_REPORTED = 5


def _open_lines(path: Path) -> Iterator[tuple[str, IO[str]]]:
    if path.suffix.lower() == ".zip":
        try:
            zf = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise GazetteerError(f"{path} is not a readable zip file: {exc}", code="M505") from None
        with zf:
            members = [n for n in zf.namelist()
                       if n.lower().endswith(".txt") and not n.lower().startswith("readme")]
            if not members:
                raise GazetteerError(f"{path} holds no .txt GeoNames dump", code="M505")
            for name in members:
                with zf.open(name) as raw:
                    yield name, io.TextIOWrapper(raw, encoding="utf-8", errors="replace")
        return
    try:
        f = open(path, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise GazetteerError(f"cannot read {path}: {exc}", code="M505") from None
    with f:
        yield path.name, f


def _rows(lines: Iterable[str], counts: dict[str, Any], label: str) -> Iterator[list[str]]:
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        problem = None
        if len(line) > MAX_LINE:
            problem = "line too long"
        elif len(cols) != 19:
            problem = f"{len(cols)} columns instead of 19"
        else:
            try:
                int(cols[0])
                lat, lon = float(cols[4]), float(cols[5])
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    problem = "coordinates out of range"
                if cols[14] and not cols[14].lstrip("-").isdigit():
                    problem = "population is not a number"
                if not cols[1].strip():
                    problem = "empty name"
            except ValueError:
                problem = "geonameid or coordinates not numbers"
        if problem:
            counts["malformed"] += 1
            if len(counts["problems"]) < MAX_REPORTED:
                counts["problems"].append(f"{label}:{n}: {problem}")
            continue
        yield cols


def import_geonames(index_path: str | Path, file: str | Path, *,
                    countries: Iterable[str] | None = None) -> dict[str, Any]:
    """Stream a GeoNames dump into the index at ``index_path``. Returns counts.

    ``countries`` (ISO alpha-2 codes) keeps only rows of those countries.
    """
    t0 = time.perf_counter()
    file = Path(file)
    if not file.is_file():
        raise GazetteerError(f"GeoNames dump {file} does not exist", code="M505")
    keep = {c.strip().upper() for c in countries} if countries else None
    counts: dict[str, Any] = {"file": str(file), "read": 0, "imported": 0, "by_feature": {},
                              "admin1_names": 0, "skipped": 0, "malformed": 0, "problems": []}
    try:
        con = sqlite3.connect(index_path)
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot open the gazetteer index {index_path}: {exc}", code="M503") from None
    try:
        admin1_iso = {(c, a): iso for c, a, iso in con.execute("SELECT country, code, iso FROM admin1")}
        anchors: dict[tuple[str, str], list] = {}
        for c, a, iso, alat, alon in con.execute("SELECT country, code, iso, lat, lon FROM admin1_anchors"):
            anchors.setdefault((c, a), []).append((iso, alat, alon))
        admin1_place = {iso: pid for iso, pid in con.execute(
            "SELECT admin1_iso, id FROM places WHERE feature = 'admin1'")}
        admin2_names = {(c, a1, a2): n for c, a1, a2, n in con.execute(
            "SELECT country, admin1_code, code, name FROM admin2")}
        pending_admin2: list[tuple[int, str, str, str]] = []
        for label, fh in _open_lines(file):
            for cols in _rows(fh, counts, label):
                counts["read"] += 1
                (gid, name, asciiname, alts, lat, lon, fclass, fcode, cc, _cc2, a1, a2,
                 _a3, _a4, pop, *_rest) = cols
                cc = cc.strip().upper()
                if keep is not None and cc not in keep:
                    counts["skipped"] += 1
                    continue
                cc, a1 = as_part(cc, a1)      # Hong Kong's rows are China's, in CN-HK
                population = int(pop) if pop.strip() else 0
                names = [name, asciiname, *[a for a in alts.split(",") if a]]
                spelled: dict[str, str] = {}
                for n in names:
                    if n and is_latin(n) and not is_code(n):
                        k = norm(n)
                        if k and (k not in spelled or (not spelled[k].isascii() and n.isascii())):
                            spelled[k] = n
                if fclass == "A" and fcode == "ADM1":
                    iso = admin1_iso.get((cc, a1))
                    pid = admin1_place.get(iso) if iso else None
                    if pid is not None:
                        con.executemany(
                            "INSERT OR IGNORE INTO names (key, place_id, kind, text) VALUES (?, ?, ?, ?)",
                            [(k, pid, KIND_ALIAS, t) for k, t in spelled.items()])
                        counts["admin1_names"] += 1
                    else:
                        counts["skipped"] += 1
                    continue
                if fclass == "A" and fcode == "ADM2":
                    feature = "admin2"
                    admin2_names[(cc, a1, a2)] = name
                    con.execute("INSERT OR REPLACE INTO admin2 (country, admin1_code, code, name) "
                                "VALUES (?, ?, ?, ?)", (cc, a1, a2, name))
                elif fclass == "P":
                    feature = city_feature(population)
                elif fclass == "S" and fcode in S_CODES:
                    feature = "airbase"
                elif fclass == "L" and fcode in L_CODES:
                    feature = "region"
                else:
                    counts["skipped"] += 1
                    continue
                iso = admin1_iso.get((cc, a1))
                if iso is None and (cc, a1) in anchors:   # a group coarser than ISO's admin1
                    iso = nearest_anchor(anchors[(cc, a1)], float(lat), float(lon))
                adm2 = admin2_names.get((cc, a1, a2)) if a2 else None
                for table in ("names", "skeletons"):
                    con.execute(f"DELETE FROM {table} WHERE place_id IN "
                                "(SELECT id FROM places WHERE geonames_id = ?)", (int(gid),))
                con.execute("DELETE FROM places WHERE geonames_id = ?", (int(gid),))
                cur = con.execute(
                    "INSERT INTO places (geonames_id, name, country, admin1_code, admin1_iso, admin2, "
                    "lat, lon, feature, population, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (int(gid), name, cc, a1, iso, adm2, float(lat), float(lon), feature,
                     population, "geonames-dump"))
                pid = int(cur.lastrowid)
                main = norm(name)
                rows = [(main, pid, KIND_MAIN, name)] if main else []
                rows += [(k, pid, KIND_ALT, t) for k, t in spelled.items() if k != main]
                con.executemany("INSERT OR IGNORE INTO names (key, place_id, kind, text) VALUES (?, ?, ?, ?)",
                                rows)
                skels = {skeleton(k) for k in spelled}
                con.executemany("INSERT OR IGNORE INTO skeletons (skel, place_id) VALUES (?, ?)",
                                [(sk, pid) for sk in skels if len(sk.replace(" ", "")) >= MIN_SKELETON])
                if a2 and adm2 is None and feature != "admin2":
                    pending_admin2.append((pid, cc, a1, a2))
                counts["imported"] += 1
                counts["by_feature"][feature] = counts["by_feature"].get(feature, 0) + 1
        # admin2 rows may come after the places that lie in them
        for pid, cc, a1, a2 in pending_admin2:
            n = admin2_names.get((cc, a1, a2))
            if n:
                con.execute("UPDATE places SET admin2 = ? WHERE id = ?", (n, pid))
        # remember the import so that a rebuild of the index can replay it
        row = con.execute("SELECT value FROM meta WHERE key = 'imports_json'").fetchone()
        imports = json.loads(row[0]) if row else []
        entry = {"file": str(file.resolve()), "countries": sorted(keep) if keep else None}
        imports = [i for i in imports if i != entry] + [entry]
        con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('imports_json', ?)",
                    (json.dumps(imports),))
        con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('imports', ?)",
                    ("; ".join(i["file"] for i in imports),))
        con.commit()
    except sqlite3.Error as exc:
        con.rollback()
        raise GazetteerError(f"cannot write the gazetteer index {index_path}: {exc}", code="M503") from None
    finally:
        con.close()
    counts["seconds"] = round(time.perf_counter() - t0, 2)
    return counts
