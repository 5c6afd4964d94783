"""The gazetteer index: build once, ranked lookups, admin1 mapping, GeoNames imports."""

from __future__ import annotations

import json
import sqlite3
import time
import zipfile

import pytest

from marsad.errors import GazetteerError, NoPlaceMatch
from marsad.geo.build import BUILD_VERSION, admin1_subdivisions, read_aliases
from marsad.geo.gazetteer import Gazetteer, open_gazetteer
from marsad.geo.normalize import norm, skeleton

from pathlib import Path

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "SY-sample.txt"

SYRIA = {
    "SY-DI": "Damascus", "SY-RD": "Rif Dimashq", "SY-HL": "Aleppo", "SY-ID": "Idlib",
    "SY-HM": "Hama", "SY-HI": "Homs", "SY-LA": "Latakia", "SY-TA": "Tartus",
    "SY-DR": "Daraa", "SY-SU": "As-Suwayda", "SY-QU": "Quneitra", "SY-DY": "Deir ez-Zor",
    "SY-HA": "Al-Hasakah", "SY-RA": "Raqqa",
}


def test_normalised_keys_meet():
    assert norm("Al-Lādhiqīyah") == norm("al Ladhiqiyah") == "ladhiqiyah"
    assert norm("Ain al-Arus") == norm("Ain Al Arus") == "ain arus"
    assert norm("Dar‘ā") == norm("Dar'a") == "dara"
    assert skeleton(norm("Khan Sheikhoon")) == skeleton(norm("Khān Shaykhūn"))
    assert skeleton(norm("Efrin")) == skeleton(norm("‘Afrīn"))
    assert skeleton(norm("Homs")) != skeleton(norm("Hama"))


def test_index_is_built_once_with_its_version(gaz, shared_settings):
    assert gaz.meta()["build_version"] == BUILD_VERSION
    mtime = gaz.path.stat().st_mtime_ns
    again = open_gazetteer(shared_settings)
    assert again is gaz
    assert gaz.path.stat().st_mtime_ns == mtime


def test_stale_version_rebuilds(index_copy, monkeypatch, tmp_path):
    con = sqlite3.connect(index_copy)
    con.execute("UPDATE meta SET value = 'old' WHERE key = 'build_version'")
    con.commit()
    con.close()
    calls = []

    def fake_build(path, **kw):  # stands in for the 15 s build: records the call
        calls.append(path)
        con = sqlite3.connect(path)
        con.execute("UPDATE meta SET value = ? WHERE key = 'build_version'", (BUILD_VERSION,))
        con.commit()
        con.close()

    monkeypatch.setattr("marsad.geo.gazetteer.build_index", fake_build)
    from marsad.config import load_settings

    s = load_settings(env={}, data_dir=str(tmp_path), gazetteer_path=str(index_copy))
    open_gazetteer(s)
    assert calls == [index_copy]
    open_gazetteer(s)          # now current: not rebuilt again
    assert len(calls) == 1


@pytest.mark.parametrize("name", ["Latakia", "Lattakia", "Al-Ladhiqiyah", "latakia"])
def test_latakia_spellings(gaz, name):
    best = gaz.best(name)
    assert best is not None and best.admin1_iso == "SY-LA" and best.country == "SY"


def test_all_syrian_governorates_map_to_iso(gaz):
    con = sqlite3.connect(gaz.path)
    rows = con.execute("SELECT code, iso FROM admin1 WHERE country = 'SY'").fetchall()
    con.close()
    assert len(rows) == 14
    assert sorted(iso for _c, iso in rows) == sorted(SYRIA)
    for iso, name in SYRIA.items():
        a = gaz.admin1("SY", iso)
        assert a is not None and a.feature == "admin1" and a.admin1_iso == iso
        assert a.name == name
        # and the English name finds the province (or its chief town, in the province)
        assert gaz.best(name, "SY").admin1_iso == iso, name


def test_grouped_governorates_stand_at_admin1(gaz):
    """ISO 3166-2 puts Iraq's three Kurdish governorates under the Kurdistan Region; they
    are governorates like the other fifteen (and ACLED's admin1), so their towns carry
    them, and the governorates can be named."""
    for town, iso in (("Dohuk", "IQ-DA"), ("Erbil", "IQ-AR"), ("Sulaymaniyah", "IQ-SU"),
                      ("Mosul", "IQ-NI")):
        assert gaz.best(town, "IQ").admin1_iso == iso, town
    for iso in ("IQ-DA", "IQ-AR", "IQ-SU"):
        a = gaz.admin1("IQ", iso)
        assert a is not None and a.feature == "admin1" and a.admin1_iso == iso
    con = sqlite3.connect(gaz.path)
    rows = dict(con.execute("SELECT code, iso FROM admin1 WHERE country = 'IQ'").fetchall())
    con.close()
    # every governorate has its GeoNames group (Halabja's, newer than ISO's list, is
    # left the region it lies in)
    assert len({iso for iso in rows.values() if iso} - {"IQ-KR"}) == 18



@pytest.mark.parametrize("town, country, iso", [
    # GeoNames names the group as ISO does in other words, or in another language
    ("Tripoli", "LB", "LB-AS"), ("Sidon", "LB", "LB-JA"), ("Zahle", "LB", "LB-BI"),
    ("Mashhad", "IR", "IR-09"), ("Kismayo", "SO", "SO-JH"), ("Lviv", "UA", "UA-46"),
    ("Bogota", "CO", "CO-DC"), ("Srinagar", "IN", "IN-JK"), ("Tobruk", "LY", "LY-BU"),
    # a numeric code equal to the ISO number by chance is no evidence (IR-01 is Gilan)
    ("Tabriz", "IR", "IR-03"), ("Rasht", "IR", "IR-01"), ("Urmia", "IR", "IR-04"),
    # a name that fits two groups settles nothing alone ("Mexico City" / "Mexico")
    ("Ecatepec de Morelos", "MX", "MX-MEX"), ("Mexico City", "MX", "MX-CMX"),
    ("Washington", "US", "US-DC"), ("Seattle", "US", "US-WA"),
    # GeoNames calls the province around Kyiv "Kiev": the name stays the city's
    ("Kiev", "UA", "UA-30"), ("Kiev Oblast", "UA", "UA-32"),
    # Indonesia's provinces lie under ISO's "geographical units"; compass words in
    # Indonesian and Dutch, Russian adjectival names, words in another order
    ("Surabaya", "ID", "ID-JI"), ("Bandung", "ID", "ID-JB"), ("Medan", "ID", "ID-SU"),
    ("Palu", "ID", "ID-ST"), ("Rotterdam", "NL", "NL-ZH"), ("Rostov-on-Don", "RU", "RU-ROS"),
    ("Voronezh", "RU", "RU-VOR"), ("Santiago", "CL", "CL-RM"),
    # English names from the shipped aliases (ISO gives German, Polish, Greek ones)
    ("Munich", "DE", "DE-BY"), ("Braunschweig", "DE", "DE-NI"), ("Cologne", "DE", "DE-NW"),
    ("Warsaw", "PL", "PL-14"), ("Athens", "GR", "GR-I"), ("Hohhot", "CN", "CN-NM"),
    # GeoNames has one group for the West Bank and one for Gaza: each place lies in the
    # governorate of its nearest anchor town (a village near Nablus in Nablus), not all in
    # one governorate; Taiwan likewise
    ("Nablus", "PS", "PS-NBS"), ("Huwara", "PS", "PS-NBS"), ("Jericho", "PS", "PS-JRH"),
    # groups GeoNames leaves unnamed, placed by the shipped aliases of kind "town"
    ("Wau", "SS", "SS-BW"), ("Nyala", "SD", "SD-DS"), ("Owerri", "NG", "NG-IM"), ("Yola", "NG", "NG-AD"),
    ("Jacmel", "HT", "HT-SE"), ("Goz Beida", "TD", "TD-SI"),
    ("Khan Yunis", "PS", "PS-KYS"), ("Beit Hanoun", "PS", "PS-GZA"), ("Kaohsiung", "TW", "TW-KHH"),
    ("Kherson", "UA", "UA-65"), ("Odesa", "UA", "UA-51"), ("Zaporizhzhia", "UA", "UA-23"),
    ("Dnipro", "UA", "UA-12"), ("Mykolaiv", "UA", "UA-48"), ("Gomel", "BY", "BY-HO"),
    ("El Obeid", "SD", "SD-KN"), ("Wad Medani", "SD", "SD-GZ"),
    # the DR Congo's old provinces (Orientale, Katanga, ...) hold several of its new ones:
    # the new capitals anchor them, and a town lies in the province of the nearest
    ("Bunia", "CD", "CD-IT"), ("Djugu", "CD", "CD-IT"), ("Kisangani", "CD", "CD-TO"),
    ("Likasi", "CD", "CD-HK"), ("Kabalo", "CD", "CD-TA"), ("Mwene-Ditu", "CD", "CD-LO"),
    ("Bondo", "CD", "CD-BU"), ("Idiofa", "CD", "CD-KL"),
])
def test_towns_carry_their_province(gaz, town, country, iso):
    assert gaz.best(town, country).admin1_iso == iso


def test_province_name_similarity():
    from marsad.geo.build import name_similarity

    assert name_similarity("Kashmir", "Jammu and Kashmīr") >= 0.9
    assert name_similarity("Razavi Khorasan", "Khorāsān-e Raẕavī") >= 0.9
    assert name_similarity("Sha`biyat al Butnan", "Al Buţnān") >= 0.9
    assert name_similarity("Lviv", "Lvivska oblast") >= 0.9
    assert name_similarity("North", "North Kordofan") < 0.75      # a compass word alone
    assert name_similarity("Gilan", "Āz̄ārbāyjān-e Ghārbī") < 0.5
    assert name_similarity("Central Sulawesi", "Sulawesi Tengah") >= 0.9
    assert name_similarity("South Holland", "Zuid-Holland") >= 0.9
    assert name_similarity("Rostov", "Rostovskaya oblast'") >= 0.9
    assert name_similarity("Santiago Metropolitan", "Región Metropolitana de Santiago") >= 0.9
    assert name_similarity("Central Sulawesi", "Sulawesi Utara") < 0.75



def test_a_province_named_by_two_joined_is_found_hyphenated(gaz):
    # "Sistan va Baluchestan", "Arica y Parinacota": news writes "Sistan-Baluchestan"
    assert gaz.best("Sistan-Baluchestan").admin1_iso == "IR-11"
    assert gaz.best("Arica-Parinacota").admin1_iso == "CL-AP"


def test_lebanese_and_kurdish_provinces_have_english_names(gaz):
    assert gaz.admin1("LB", "LB-JL").name == "Mount Lebanon"
    assert gaz.best("South Lebanon").admin1_iso == "LB-JA"
    assert gaz.admin1("IQ", "IQ-AR").name == "Erbil"

def test_admin1_subdivisions_promote_only_groupings_of_admin1_units():
    import pycountry

    codes = {s.code for s in admin1_subdivisions(pycountry.subdivisions)}
    assert {"IQ-AR", "IQ-DA", "IQ-SU", "IQ-BG", "IQ-KR"} <= codes
    # the provinces under Indonesia's geographical units
    assert {"ID-JB", "ID-JI", "ID-ST", "ID-PB"} <= codes
    # a region's departments, a nation's counties stay below admin1
    assert {"FR-IDF", "GB-ENG", "IT-82"} <= codes and not {"FR-75", "GB-KEN", "IT-PA"} & codes



def test_subdivisions_below_admin1_are_admin2_places(gaz):
    """A county or province of ISO 3166-2's second level is a place of its country: "Kent"
    in a British report is the county, not Kent, Washington."""
    kent = gaz.lookup("Kent", "GB")[0]
    assert (kent.feature, kent.country, kent.admin1_iso, kent.admin2) == ("admin2", "GB", "GB-ENG", "Kent")
    somerset = gaz.lookup("Somerset", "GB")[0]
    assert (somerset.feature, somerset.admin1_iso) == ("admin2", "GB-ENG")
    # placed at the town it is named after, when there is one
    palermo = next(m for m in gaz.lookup("Palermo", "IT") if m.feature == "admin2")
    assert palermo.admin1_iso == "IT-82" and palermo.lat is not None
    # without a country, the big town of the name still comes first
    assert gaz.lookup("Kent")[0].feature == "city"
    assert gaz.lookup("Palermo", "IT")[0].feature == "city"

@pytest.mark.parametrize("name,iso", [
    ("Deir Ezzor", "SY-DY"), ("Deir al-Zour", "SY-DY"), ("Idleb", "SY-ID"), ("Hasakeh", "SY-HA"),
    ("Deraa", "SY-DR"), ("Sweida", "SY-SU"), ("Rural Damascus", "SY-RD"),
    ("Damascus countryside", "SY-RD"), ("Eastern Ghouta", "SY-RD"), ("Douma", "SY-RD"),
    ("Khan Shaykhun", "SY-ID"), ("Jableh", "SY-LA"), ("Raqqa", "SY-RA"),
])
def test_common_english_spellings(gaz, name, iso):
    assert gaz.best(name, "SY").admin1_iso == iso


@pytest.mark.parametrize("name,country,iso", [
    # named regions of the wars the shipped aliases cover: a region of one province
    ("Jabal al-Zawiya", "SY", "SY-ID"), ("Wadi Barada", "SY", "SY-RD"), ("al-Ghab Plain", "SY", "SY-HM"),
    ("Hauran", "SY", "SY-DR"), ("North Waziristan", "PK", "PK-KP"), ("Bajaur", "PK", "PK-KP"),
    ("Swat Valley", "PK", "PK-KP"), ("Sinai", "EG", "EG-SIN"), ("North Sinai", "EG", "EG-SIN"),
    ("South Sinai", "EG", "EG-JS"), ("Jebel Marra", "SD", "SD-DC"), ("Nuba Mountains", "SD", "SD-KS"),
    ("Catatumbo", "CO", "CO-NSA"),
    # ... or of a country across its provinces: no province, its own coordinates
    ("Darfur", "SD", None), ("Mindanao", "PH", None), ("Donbas", "UA", None), ("Niger Delta", "NG", None),
    # the Palestinian territories are no country of their own, nor one governorate
    ("Gaza Strip", "PS", None), ("West Bank", "PS", None),
])
def test_named_conflict_regions(gaz, name, country, iso):
    best = gaz.best(name)
    assert (best.country, best.admin1_iso) == (country, iso)
    assert best.feature in ("region", "admin1") and best.lat is not None and best.lon is not None


def test_a_territory_has_its_own_coordinates_not_its_country_s(gaz):
    gaza, west_bank = gaz.best("Gaza Strip"), gaz.best("West Bank")
    assert (gaza.name, west_bank.name) == ("Gaza Strip", "West Bank")
    assert 34.2 < gaza.lon < 34.6 and 31.2 < gaza.lat < 31.6     # not Jerusalem's, the country's point
    assert 34.9 < west_bank.lon < 35.6


def test_a_region_across_provinces_needs_coordinates(tmp_path):
    bad = tmp_path / "a.tsv"
    for line in ("SD\tDarfur\tregion\n", "SD\tDarfur\tregion\t95,24\n"):
        bad.write_text(line, encoding="utf-8")
        with pytest.raises(GazetteerError, match="LAT,LON"):
            read_aliases([bad])
    bad.write_text("SD\tDarfur\tregion\t13.5,24.5\nSY-RD\tQalamoun\tregion\n", encoding="utf-8")
    assert read_aliases([bad]) == [("SD", "Darfur", "region", (13.5, 24.5)), ("SY-RD", "Qalamoun", "region", None)]


def test_countries_and_ranking(gaz):
    syria = gaz.best("Syria")
    assert syria.feature == "country" and syria.country == "SY" and syria.admin1_iso is None
    assert gaz.best("Syrian Arab Republic").country == "SY"
    # Aleppo is the Syrian city first, the province second
    top = gaz.lookup("Aleppo")
    assert top[0].country == "SY" and top[0].feature == "city"
    assert any(m.feature == "admin1" and m.admin1_iso == "SY-HL" for m in top[:3])
    # an ambiguous name follows the country context
    assert gaz.best("Tripoli").country == "LY"
    assert gaz.best("Tripoli", "LB").country == "LB"
    assert gaz.lookup("Sunday") == []
    assert gaz.demonym("Syrian") == "SY"
    # a town by its own name (population unknown) before a town only called so by another
    # tongue, unless that one is far more a town than the namesake: Delhi's Jafarabad
    assert (gaz.best("Ariha").country, gaz.best("Ariha").exact) == ("SY", True)
    assert (gaz.best("Jaffrabad").admin1, gaz.best("Jaffrabad").exact) == ("Delhi", False)


def test_fuzzy_lookup_stays_in_country(gaz):
    assert gaz.lookup("Khan Sheikhoon") == []
    m = gaz.lookup_fuzzy("Khan Sheikhoon", "SY")
    assert m and m[0].admin1_iso == "SY-ID"
    assert gaz.lookup_fuzzy("Khan Sheikhoon", "LB") == []


def test_fuzzy_lookup_needs_a_spelling_of_the_name_not_its_consonants(gaz):
    # "Qureshi" shares a skeleton with towns of the United States; a surname is no spelling
    # of them (asked twice: the skeleton cache must not leak one name's answer to another)
    for _ in range(2):
        assert gaz.lookup_fuzzy("Qureshi", "US") == []
        assert gaz.lookup_fuzzy("Quoting", "IN") == []
    assert gaz.lookup_fuzzy("Khan Sheikhoun", "SY")[0].name == "Khān Shaykhūn"


def test_lookup_cost(gaz):
    names = ["Aleppo", "Homs", "Idlib", "Douma", "Raqqa", "Nowhere Xyz", "Tartus", "Hama"]
    for n in names:
        gaz.lookup(n, "SY")
    t = time.perf_counter()
    for _ in range(500):
        for n in names:
            gaz.lookup(n, "SY")
    per = (time.perf_counter() - t) / (500 * len(names))
    assert per < 50e-6, f"cached lookup takes {per * 1e6:.1f} µs"
    gaz._cache.clear()
    gaz._raw.clear()
    t = time.perf_counter()
    for n in names:
        gaz.lookup(n, "SY")
    per = (time.perf_counter() - t) / len(names)
    assert per < 5e-3, f"uncached lookup takes {per * 1e6:.0f} µs"


def test_a_name_is_queried_once_whatever_the_country_asked(gaz):
    gaz._cache.clear()
    gaz._raw.clear()
    gaz._rows_cache.clear()
    queries = []
    con = gaz._con()
    con.set_trace_callback(queries.append)
    try:
        free = gaz.lookup("Homs")
        home = gaz.lookup("Homs", "SY")
        assert gaz.lookup("Nowhere Xyz") == gaz.lookup("Nowhere Xyz", "SY") == []
    finally:
        con.set_trace_callback(None)
    assert len([q for q in queries if "FROM names" in q]) == 2
    # ranked for the country asked all the same
    assert home[0].country == "SY" and home[0].score > free[0].score


def test_ruler_patterns(gaz):
    pats = gaz.ruler_patterns()
    texts = {p["pattern"] for p in pats}
    assert all(p["label"] == "GPE" for p in pats)
    assert {"Syria", "Latakia", "Jableh", "Tartus", "Idlib"} <= texts
    lowered = {t.lower() for t in texts}
    for word in ("sunday", "may", "reuters", "mercy", "date"):
        assert word not in lowered
    assert 5000 < len(pats) < 60000
    # a big foreign city's alternate names only when they spell its name; a focus
    # country's places keep every name
    assert "Calcutta" in texts and "White House" not in texts
    assert "Kobane" in texts


def test_geocode_result_and_no_match(gaz):
    r = gaz.geocode("Jableh", "SY")
    assert r["admin1_iso"] == "SY-LA" and r["feature"] == "city" and r["geonames_id"]
    assert isinstance(r["alternatives"], list)
    with pytest.raises(NoPlaceMatch):
        gaz.geocode("Qwxyzzy")
    with pytest.raises(NoPlaceMatch):
        gaz.geocode("   ")


def test_geocode_in_a_country_tries_spellings_there_but_not_over_a_country_or_big_citys_name(gaz):
    # a spelling the gazetteer lacks is looked for inside the country asked for ...
    assert gaz.geocode("Khan Sheikhoon", "SY")["admin1_iso"] == "SY-ID"
    # ... but a country's or a big city's own name is that place wherever it is asked:
    # Qabula, PK, shares the consonants of Kabul, and Chirala, IN, those of Israel
    r = gaz.geocode("Kabul", "PK")
    assert (r["country"], r["name"]) == ("AF", "Kabul")
    r = gaz.geocode("Israel", "IN")
    assert (r["country"], r["feature"]) == ("IL", "country")
    # Hong Kong is indexed as a province of China, as ACLED codes it; Taiwan is a country
    r = gaz.geocode("Hong Kong", "CN")
    assert (r["country"], r["admin1_iso"]) == ("CN", "CN-HK")
    r = gaz.geocode("Taiwan", "CN")
    assert (r["country"], r["feature"]) == ("TW", "country")


def test_shipped_sites_are_places_of_their_own_with_coordinates(gaz):
    # an air base, a prison or a camp that cities500 lacks: ACLED precision 1, in its province
    best = gaz.best("Hmeimim airbase")
    assert (best.feature, best.admin1_iso, best.country) == ("site", "SY-LA", "SY")
    assert abs(best.lat - 35.401) < 0.01 and abs(best.lon - 35.949) < 0.01
    # the lines of one site are its names: one place, displayed by the first
    assert gaz.best("Khmeimim Air Base").name == "Hmeimim Air Base"
    assert gaz.best("Sednaya prison").admin1_iso == "SY-RD"
    assert gaz.best("Evin prison").admin1_iso == "IR-23"
    assert "Hmeimim Air Base" in {p["pattern"] for p in gaz.ruler_patterns()}


def test_irans_provinces_by_their_english_names(gaz):
    # ISO 3166-2 names them in Persian ("Chahār Maḩāl va Bakhtīārī"): news in English does not
    for name, iso in (("Chaharmahal and Bakhtiari", "IR-14"), ("West Azerbaijan", "IR-04"),
                      ("Kohgiluyeh and Boyer-Ahmad", "IR-17"), ("North Khorasan", "IR-28")):
        best = gaz.best(name)
        assert (best.feature, best.admin1_iso) == ("admin1", iso), name
    assert gaz.best("Chaharmahal and Bakhtiari").admin1 == "Chaharmahal and Bakhtiari"


def test_a_site_needs_a_province_and_coordinates(tmp_path):
    bad = tmp_path / "a.tsv"
    for line in ("SY-LA\tSome Base\tsite\n", "SY-LA\tSome Base\tsite\t95,35\n", "SY\tSome Base\tsite\t35,35\n"):
        bad.write_text(line, encoding="utf-8")
        with pytest.raises(GazetteerError, match="LAT,LON"):
            read_aliases([bad])
    bad.write_text("SY-LA\tSome Base\tsite\t35.4, 35.9\n", encoding="utf-8")
    assert read_aliases([bad]) == [("SY-LA", "Some Base", "site", (35.4, 35.9))]


def test_alias_file_errors(tmp_path):
    bad = tmp_path / "a.tsv"
    bad.write_text("SY-LA\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as e:
        read_aliases([bad])
    assert "a.tsv:1" in e.value.message
    bad.write_text("SY-LA\tLatakia\tcapital\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as e:
        read_aliases([bad])
    assert "(region, demonym, town, site)" in e.value.message


def test_a_geonames_province_name_of_type_and_compass_words_names_nothing(gaz):
    # GeoNames calls Caracas's district "Capital": a report's "the Capital" is no province
    assert gaz.best("Caracas", "VE").admin1_iso == "VE-A"
    assert not [m for m in gaz.lookup("Capital") if m.feature == "admin1"]


def test_a_town_alias_maps_the_group_it_lies_in():
    """GeoNames leaves some admin1 groups unnamed (South Sudan's): an alias of kind
    ``town`` says which province a town lies in, and its group follows it."""
    from marsad.geo.build import map_admin1

    cities = [{"countrycode": "SS", "admin1code": "09", "name": "Wau", "alternatenames": [], "population": 127384},
              {"countrycode": "SS", "admin1code": "09", "name": "Raga", "alternatenames": [], "population": 3000},
              {"countrycode": "SS", "admin1code": "03", "name": "Bor", "alternatenames": [], "population": 26782}]
    assert map_admin1(cities, {}, []) == {}
    got = map_admin1(cities, {}, [("SS-BW", "Wau", "town", None), ("SS-JG", "Bor", "town", None)])
    assert {k: v[0] for k, v in got.items()} == {("SS", "09"): "SS-BW", ("SS", "03"): "SS-JG"}


# -- GeoNames dumps -------------------------------------------------------------------


def test_import_fixture(index_copy):
    g = Gazetteer(index_copy)
    assert g.lookup("Al-Qabu", "SY") == []           # no PyPI package has the Latakia village
    counts = g.import_geonames(SAMPLE)
    assert counts["malformed"] == 3 and len(counts["problems"]) == 3
    assert any("columns" in p for p in counts["problems"])
    assert counts["admin1_names"] == 1
    assert counts["by_feature"] == {"place": 5, "admin2": 1, "airbase": 1}
    assert counts["skipped"] == 1                    # the stream (class H)
    best = g.best("Al-Qabu", "SY")
    assert best.admin1_iso == "SY-LA" and best.admin1 == "Latakia"
    assert best.admin2 == "Jablah District"
    assert abs(best.lat - 35.2953) < 1e-6 and best.geonames_id == 99000003
    for name in ("Ain al-Arus", "Ain al Arous", "Hmeimim", "Al-Mukhtariya"):
        assert g.best(name, "SY").admin1_iso == "SY-LA", name
    # the imported air base is found beside the shipped site of the same name
    assert {m.feature for m in g.lookup("Hmeimim Air Base", "SY")} >= {"airbase", "site"}
    assert g.best("Hmeimim Air Base").admin1_iso == "SY-LA"
    # the ADM1 row gave the province another name
    assert g.best("Lattakia Governorate").admin1_iso == "SY-LA"
    # imported countries feed the entity ruler in full
    assert "Al-Qabu" in {p["pattern"] for p in g.ruler_patterns()}
    # importing again changes nothing
    n = sqlite3.connect(index_copy).execute("SELECT COUNT(*) FROM places").fetchone()[0]
    g.import_geonames(SAMPLE)
    assert sqlite3.connect(index_copy).execute("SELECT COUNT(*) FROM places").fetchone()[0] == n


def test_import_into_a_group_coarser_than_iso_takes_the_nearest_anchor(index_copy, tmp_path):
    # invented villages of the GeoNames "West Bank" group, one near Jenin, one near Hebron
    rows = [("99100001", "Kafr Testa", "32.42", "35.21"), ("99100002", "Khirbet Testa", "31.50", "35.15")]
    dump = tmp_path / "PS.txt"
    dump.write_text("".join(f"{gid}\t{n}\t{n}\t\t{lat}\t{lon}\tP\tPPL\tPS\t\tWE\t\t\t\t500\t\t\t"
                            f"Asia/Hebron\t2024-01-01\n" for gid, n, lat, lon in rows), encoding="utf-8")
    g = Gazetteer(index_copy)
    assert g.import_geonames(dump)["imported"] == 2
    assert g.best("Kafr Testa", "PS").admin1_iso == "PS-JEN"
    assert g.best("Khirbet Testa", "PS").admin1_iso == "PS-HBN"


def test_import_of_a_territory_indexed_as_a_province_puts_its_places_there(index_copy, tmp_path):
    # an invented village in Hong Kong's dump (HK.txt): China's, in Hong Kong (PART_OF)
    dump = tmp_path / "HK.txt"
    dump.write_text("99100003\tTesta Wan\tTesta Wan\t\t22.40\t114.10\tP\tPPL\tHK\t\tNTW\t\t\t\t800\t\t\t"
                    "Asia/Hong_Kong\t2024-01-01\n", encoding="utf-8")
    g = Gazetteer(index_copy)
    assert g.import_geonames(dump, countries=["HK"])["imported"] == 1
    m = g.best("Testa Wan")
    assert (m.country, m.admin1_iso) == ("CN", "CN-HK")


def test_import_country_filter_and_zip(index_copy, tmp_path):
    z = tmp_path / "SY.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(SAMPLE, "SY.txt")
        zf.writestr("readme.txt", "not a dump")
    g = Gazetteer(index_copy)
    counts = g.import_geonames(z, countries=["sy"])
    assert counts["imported"] == 6 and counts["skipped"] == 2   # the stream and the LB row
    assert g.lookup("Qornet es Sawda") == []
    assert g.best("Al-Mukhtariya").admin1_iso == "SY-LA"
    imports = json.loads(g.meta()["imports_json"])
    assert imports[-1]["countries"] == ["SY"]


def test_import_bad_files(index_copy, tmp_path):
    g = Gazetteer(index_copy)
    with pytest.raises(GazetteerError):
        g.import_geonames(tmp_path / "missing.txt")
    notzip = tmp_path / "x.zip"
    notzip.write_bytes(b"garbage")
    with pytest.raises(GazetteerError):
        g.import_geonames(notzip)
    junk = tmp_path / "junk.txt"
    junk.write_text("hello\nworld\t1\n\n# comment\n", encoding="utf-8")
    counts = g.import_geonames(junk)
    assert counts["imported"] == 0 and counts["malformed"] == 2


def test_a_province_of_that_name_comes_before_a_town_that_has_it_only_as_an_alternate_name(gaz):
    # GeoNames lists "Missouri" among Bozeman's alternate names and "Henan" among Hengyang's
    assert (gaz.lookup("Missouri")[0].feature, gaz.lookup("Missouri")[0].admin1_iso) == ("admin1", "US-MO")
    assert gaz.lookup("Henan", "CN")[0].feature == "admin1"
    # a town named so in its own right still comes first
    assert (gaz.lookup("Aleppo", "SY")[0].feature, gaz.lookup("Aleppo", "SY")[0].exact) == ("city", True)
    # a province before a small town of that name elsewhere; a large or its own town stays
    assert gaz.lookup("Oregon", "US")[0].feature == "admin1"
    assert gaz.lookup("Washington", "US")[0].feature == "city"
    assert gaz.lookup("Idlib", "SY")[0].feature == "city"


def test_demonyms_listed_and_derived(gaz):
    assert gaz.demonym("Syrian") == "SY"
    assert gaz.demonym("Australian") is None          # not listed: no country context
    assert {w: gaz.demonym(w, derive=True) for w in ("Australian", "Kenyan", "Canadian", "Malian",
                                                     "Nepalese", "Omani")} == {
        "Australian": "AU", "Kenyan": "KE", "Canadian": "CA", "Malian": "ML", "Nepalese": "NP", "Omani": "OM"}
    assert [gaz.demonym(w, derive=True) for w in ("London", "Jordan", "Sudan", "Latakian")] == [None] * 4
    # listed because no regular ending makes them from the country's name
    assert {w: gaz.demonym(w) for w in ("Honduran", "Costa Rican", "Ivorian", "Burkinabe", "Swiss")} == {
        "Honduran": "HN", "Costa Rican": "CR", "Ivorian": "CI", "Burkinabe": "BF", "Swiss": None}


def test_capitals_come_from_the_country_data(gaz):
    caps = {cc: gaz.capital(cc) for cc in ("SY", "SO", "NG", "CD")}
    assert {cc: (m.name, m.admin1_iso, m.feature) for cc, m in caps.items()} == {
        "SY": ("Damascus", "SY-DI", "city"), "SO": ("Mogadishu", "SO-BN", "city"),
        "NG": ("Abuja", "NG-FC", "city"), "CD": ("Kinshasa", "CD-KN", "city")}
    assert gaz.capital("AQ") is None and gaz.capital("XX") is None
    assert (gaz.country("ML").name, gaz.country("ML").feature) == ("Mali", "country")
    assert gaz.country("XX") is None


def test_congo_alone_names_both_congos_and_the_larger_first(gaz):
    assert [m.country for m in gaz.lookup("Congo") if m.feature == "country"] == ["CD", "CG"]
    assert gaz.lookup("Congo Republic")[0].country == "CG"


@pytest.mark.parametrize("name, shown", [
    ("Russian Federation", "Russia"), ("Türkiye", "Turkey"), ("Turkey", "Turkey"),
    ("State of Palestine", "Palestine"), ("Palestine", "Palestine"),
    ("Congo, The Democratic Republic of the", "Democratic Republic of Congo"), ("Syria", "Syria"),
])
def test_a_country_is_shown_by_acleds_short_name_and_found_by_its_others(gaz, name, shown):
    m = gaz.best(name)
    assert (m.feature, m.name) == ("country", shown)


def test_admin1_display_name_drops_local_type_words_and_takes_the_english_name_of_its_town():
    from marsad.geo.build import admin1_display_name

    cairo = {"name": "Cairo", "population": 9606916, "alternatenames": ["Al Qahirah", "Le Caire"]}
    salvador = {"name": "Salvador", "population": 2711840, "alternatenames": ["Bahia", "Sao Salvador"]}
    nyc = {"name": "New York City", "population": 8804190, "alternatenames": ["New York", "NYC"]}
    washington = {"name": "Washington", "population": 689545, "alternatenames": ["District of Columbia"]}
    geneva = {"name": "Geneva", "population": 183981, "alternatenames": ["Geneve", "Genf"]}
    assert admin1_display_name("Henan Sheng") == "Henan"
    assert admin1_display_name("Xinjiang Uygur Zizhiqu") == "Xinjiang"
    assert admin1_display_name("Dagestan, Respublika") == "Dagestan"
    assert admin1_display_name("Madrid, Comunidad de") == "Madrid"
    assert admin1_display_name("Busan-gwangyeoksi") == "Busan"
    assert admin1_display_name("Southern Nations, Nationalities and Peoples") == \
        "Southern Nations, Nationalities and Peoples"
    # the capital's English name; a town GeoNames names the province after
    assert admin1_display_name("Al Qāhirah", [cairo], english="Muhafazat al Qahirah", capital="Cairo") == "Cairo"
    assert admin1_display_name("Genève", [geneva], english="Geneva", capital="Bern") == "Geneva"
    assert admin1_display_name("Genève", [geneva], english=None, capital="Bern") == "Genève"
    # a province that is only among its seat's alternate names keeps its own
    assert admin1_display_name("Bahia", [salvador], english="Bahia", capital="Brasilia") == "Bahia"
    assert admin1_display_name("New York", [nyc], english="New York", capital="Washington") == "New York"
    assert admin1_display_name("District of Columbia", [washington], capital="Washington") == \
        "District of Columbia"
    small = dict(cairo, population=5000)
    assert admin1_display_name("Al Qāhirah", [small], capital="Cairo") == "Al Qāhirah"


@pytest.mark.parametrize("country, iso, shown", [
    ("EG", "EG-C", "Cairo"), ("BY", "BY-HM", "Minsk"), ("CN", "CN-HA", "Henan"),
    ("RU", "RU-MOW", "Moscow"), ("CH", "CH-GE", "Geneva"), ("US", "US-NY", "New York"),
    ("BR", "BR-BA", "Bahia"), ("SY", "SY-HL", "Aleppo"),
])
def test_provinces_are_shown_by_english_names_and_found_by_their_iso_ones(gaz, country, iso, shown):
    assert gaz.admin1(country, iso).name == shown


def test_a_province_is_still_found_by_its_iso_name(gaz):
    m = gaz.best("Henan Sheng")
    assert (m.admin1_iso, m.name) == ("CN-HA", "Henan")
    assert gaz.best("Al Qahirah", country="EG").admin1 == "Cairo"
