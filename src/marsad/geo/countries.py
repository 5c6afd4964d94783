"""Countries' display names: the short English names ACLED uses ("Russia", "Turkey",
"Palestine"), not ISO 3166's long or recent forms ("Russian Federation", "Türkiye",
"Palestine, State of"). The gazetteer shows them as a country's name; the other names
stay names it is found by. Also the kind of a first-level subdivision ("state",
"department") by its ISO 3166-2 code."""

from __future__ import annotations

from functools import lru_cache

#: ACLED's short names where ISO 3166's (pycountry's name or common name) differ
SHORT_NAMES: dict[str, str] = {
    "RU": "Russia", "TR": "Turkey", "PS": "Palestine", "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo", "TW": "Taiwan", "CZ": "Czech Republic", "VA": "Vatican City",
    "BN": "Brunei", "FM": "Micronesia", "CI": "Ivory Coast", "CV": "Cape Verde", "TL": "East Timor",
    "SZ": "eSwatini", "VG": "British Virgin Islands", "VI": "United States Virgin Islands",
    "BQ": "Caribbean Netherlands", "SH": "Saint Helena",
}


@lru_cache(maxsize=512)
def country_display_name(code: str) -> str | None:
    """A country's short English name ("Iran", not "Iran, Islamic Republic of"), or None
    for an unknown code."""
    code = code.upper()
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return None
    return getattr(c, "common_name", None) or c.name.split(",")[0]


def load_subdivisions() -> None:
    """Load pycountry's ISO 3166-2 table now (it loads on first use, 40 ms): before
    forking workers, so that they share one copy and no report pays for it."""
    import pycountry

    pycountry.subdivisions.get(code="SY-HL")


@lru_cache(maxsize=4096)
def subdivision_kind(iso: str) -> str | None:
    """The kind of a first-level subdivision by its ISO 3166-2 code ("NG-PL" -> "state",
    "BJ-PL" -> "department"), from pycountry (loaded on first call), else None."""
    import pycountry

    sub = pycountry.subdivisions.get(code=iso)
    return sub.type.lower() if sub is not None else None
