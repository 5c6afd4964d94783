"""Hand-made incidents in the shape of docs/incidents.md, for the export tests.

They are built here (not read from the store) so that the export functions are tested
on their own; the CLI tests feed the same dicts through a stand-in ``list_incidents``.
"""

from __future__ import annotations

import copy

import pytest

HOSTILE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'


def _range(low, best, high, rule="min/median/max of independent sources", open_=None):
    r = {"low": low, "best": best, "high": high, "rule": rule, "claims": []}
    if open_ is not None:  # reconcile's shape: the highest figure kept, flagged open-ended
        r["open"] = open_
    return r


def _claim(name, stype, stance, text, doc, figure=None, outlet=None):
    return {"source": {"name": name, "type": stype}, "stance": stance, "figure": figure,
            "text": text, "document_id": doc, "start": 10, "end": 10 + len(text),
            "outlet": outlet}


INCIDENTS = [
    {   # a chemical attack with a range of figures, four sources, one denial
        "id": 17,
        "type": "explosions_remote_violence",
        "sub_type": "chemical_weapon",
        "date": {"start": "2017-04-04", "end": "2017-04-04", "precision": 1},
        "location": {"name": "Khan Shaykhun", "country": "SY", "admin1": "Idlib",
                     "admin1_iso": "SY-ID", "admin2": "Maarrat al-Nu'man", "lat": 35.4414,
                     "lon": 36.6517, "precision": 1, "text": "the town of Khan Shaykhun"},
        "fatalities": {"total": _range(58, 72, 100),
                       "civilians": _range(58, 72, 100),
                       "children": _range(11, 20, 20), "combatants": None, "women": None},
        "injured": {"total": _range(300, 400, None)},
        "grade": "contested",
        "contested": True,
        "reports": ["d1", "d2", "d3", "d4"],
        "claims": [
            _claim("Syrian Observatory for Human Rights", "monitor", "asserts",
                   'SOHR said 58 people, including 11 children, were killed, "a massacre", '
                   "it said,\nin the town.", "d1", {"group": "total", "low": 58, "best": 58,
                                                    "high": 58}, "Reuters"),
            _claim("World Health Organization", "international_org", "asserts",
                   "The WHO said at least 72 people were killed.", "d2"),
            _claim("Idlib health directorate", "government", "asserts",
                   "The local health directorate put the toll at 100.", "d3"),
            _claim("Syrian government", "government", "denies",
                   "The Syrian army denied using any chemical weapons.", "d4"),
        ],
        "actors": [
            {"role": "perpetrator", "name": "Syrian government forces",
             "category": "state_forces"},
            {"role": "perpetrator", "name": "Russian air force", "category": "foreign_forces"},
            {"role": "target", "name": "Civilians", "category": "civilians"},
        ],
        "sources": ["Syrian Observatory for Human Rights", "World Health Organization",
                    "Idlib health directorate"],
        "corroboration": 3,
    },
    {   # a battle with an open-ended figure and hostile text in names and notes
        "id": 18,
        "type": "battles",
        "sub_type": "armed_clash",
        "date": {"start": "2017-04-06", "end": "2017-04-08", "precision": 2},
        "location": {"name": '=HYPERLINK("http://evil","x"), "Hama" ' + HOSTILE,
                     "country": "SY", "admin1": "Hama", "admin1_iso": "SY-HM",
                     "admin2": None, "lat": 35.135, "lon": 36.75, "precision": 2,
                     "text": "near Hama"},
        "fatalities": {"total": _range(12, 12, 12, open_=True)},
        "grade": "fair",
        "contested": False,
        "reports": ["d5", "d6"],
        "claims": [
            _claim("Syrian Arab News Agency", "state_media", "asserts",
                   "SANA said dozens of terrorists were killed. " + HOSTILE, "d5"),
            _claim("Hay'at Tahrir al-Sham", "armed_group", "alleges",
                   "HTS claimed the army lost 30 soldiers.", "d6"),
        ],
        "actors": [
            {"role": "side_a", "name": "Syrian government forces", "category": "state_forces"},
            {"role": "side_b", "name": "-Hay'at Tahrir al-Sham", "category": "jihadist_group"},
        ],
        "sources": ["Syrian Arab News Agency", "Hay'at Tahrir al-Sham"],
        "corroboration": 2,
    },
    {   # a protest with no figures and no coordinates
        "id": "inc-19",
        "type": "protests",
        "sub_type": "peaceful_protest",
        "date": {"start": "2017-04-07", "end": None, "precision": None},
        "location": {"name": "Daraa", "country": "SY", "admin1": "Daraa",
                     "admin1_iso": "SY-DR", "admin2": None, "lat": None, "lon": None,
                     "precision": 3, "text": "in Daraa province"},
        "fatalities": {},
        "injured": None,
        "grade": "weak",
        "contested": None,
        "reports": ["d7"],
        "claims": [_claim("Local Coordination Committees", "monitor", "asserts",
                          "Hundreds protested in Daraa.", "d7")],
        "actors": [{"role": "participant", "name": "Protesters (Syria)",
                    "category": "protesters"}],
        "sources": None,
        "corroboration": 1,
    },
    {   # an air strike in Iraq where only civilians and combatants are counted
        "id": 20,
        "type": "explosions_remote_violence",
        "sub_type": "air_drone_strike",
        "date": {"start": "2017-04-05"},
        "location": {"name": "Mosul", "country": "IQ", "admin1": "Nineveh",
                     "admin1_iso": "IQ-NI", "lat": 36.34, "lon": 43.13, "precision": 1},
        "fatalities": {"civilians": _range(5, 7, 9), "combatants": _range(2, 3, 3)},
        "grade": "confirmed",
        "contested": False,
        "reports": ["d8", "d9"],
        "claims": [_claim("Airwars", "monitor", "asserts", "Airwars counted 7 civilians.", "d8")],
        "actors": [{"role": "perpetrator", "name": "US-led coalition",
                    "category": "foreign_forces"},
                   {"role": "target", "name": "Islamic State", "category": "jihadist_group"}],
        "sources": ["Airwars", "Iraqi Joint Operations Command"],
        "corroboration": 2,
    },
]


@pytest.fixture
def incidents():
    """A fresh deep copy per test (tests may modify it)."""
    return copy.deepcopy(INCIDENTS)


@pytest.fixture
def hostile():
    """The hostile markup planted in the fixture's place name and claim text."""
    return HOSTILE


@pytest.fixture
def reconciled():
    """An incident in the exact shape marsad.reconcile builds (sources as objects, claims
    with a ``figures`` list, document-level ``statements``, ``contested_reasons``)."""
    return {
        "schema": "marsad.incident/1", "id": "I3f2a9c0d11be",
        "type": "explosions_remote_violence", "sub_type": "air_drone_strike",
        "date": {"start": "2024-02-10", "end": "2024-02-11", "precision": 1},
        "location": {"name": "Sarmada", "country": "SY", "admin1": "Idlib",
                     "admin1_iso": "SY-ID", "admin2": "Harim", "lat": 36.18, "lon": 36.71,
                     "precision": 1},
        "actors": [{"role": "perpetrator", "name": "Russian air force",
                    "category": "foreign_forces", "reports": 2},
                   {"role": "target", "name": "civilians", "category": "civilians",
                    "reports": 1}],
        "fatalities": {"total": {"low": 9, "best": 11, "high": 15, "open": True,
                                 "rule": "low: lowest asserted figure; ...", "sources": 2,
                                 "claims": {"low": [0], "best": [1], "high": [1]}}},
        "injured": {},
        "fatalities_best": 11, "grade": "contested", "grade_rule": "a denial",
        "contested": True,
        "contested_reasons": ["Russian Ministry of Defence denies (report 9f0c1d2e3a4b)"],
        "corroboration": 2,
        "sources": [{"key": "sohr", "name": "SOHR", "type": "monitor", "documents": ["a"],
                     "relayed_by": ["Reuters"]},
                    {"key": "sana", "name": "SANA", "type": "state_media",
                     "documents": ["b"], "relayed_by": []}],
        "reports": ["a", "b"],
        "claims": [
            {"source": {"name": "SOHR", "type": "monitor"}, "source_key": "sohr",
             "stance": "asserts", "text": "SOHR said at least 9 people were killed.",
             "figures": [{"outcome": "killed", "group": "total", "low": 9, "best": 9,
                          "high": None}],
             "start": 0, "end": 40, "document_id": "a", "outlet": "Reuters"},
            {"source": {"name": "SANA", "type": "state_media"}, "source_key": "sana",
             "stance": "asserts", "text": "SANA said 11 to 15 were killed.",
             "figures": [{"outcome": "killed", "group": "total", "low": 11, "best": 11,
                          "high": 15}],
             "start": 0, "end": 30, "document_id": "b", "outlet": "SANA"},
        ],
        "statements": [{"source": {"name": "Russian Ministry of Defence", "type": "government"},
                        "stance": "denies", "about": "any strike on Sarmada",
                        "text": "The ministry denied any strike on Sarmada.",
                        "document_id": "b"}],
        "status": "active",
    }
