"""The figure rules and source normalisation, without a database."""

from marsad.reconcile.figures import assertion, compute_range
from marsad.reconcile.features import source_key


def _a(i, src, typ, best, high="same", low=None):
    return assertion(i, src, typ, best if low is None else low, best, best if high == "same" else high)


def test_best_is_the_median_of_sources_without_a_monitor():
    r = compute_range([_a(0, "reuters", "media", 10), _a(1, "afp", "media", 30),
                       _a(2, "sana", "state_media", 12), _a(3, "ap", "media", 50)], {})
    assert (r["low"], r["best"], r["high"], r["open"]) == (10, 12, 50, False)
    assert r["rule"].endswith("median of 4 independent sources") and r["sources"] == 4


def test_a_monitor_wins_and_a_source_counts_with_its_highest_figure():
    r = compute_range([_a(0, "sohr", "monitor", 40), _a(1, "sohr", "monitor", 52, high=None),
                       _a(2, "afp", "media", 35), _a(3, "ministry", "government", 90)],
                      {"sohr": "Syrian Observatory for Human Rights"})
    assert (r["low"], r["best"], r["high"], r["open"]) == (35, 52, 90, False)
    assert "Syrian Observatory" in r["rule"] and r["claims"]["best"] == [1] and r["sources"] == 3


def test_open_ended_highest_figure_and_stated_upper_bound():
    r = compute_range([_a(0, "a", "media", 58), _a(1, "b", "media", 100, high=None)], {})
    assert (r["high"], r["open"]) == (100, True)
    r = compute_range([_a(0, "a", "media", 58), _a(1, "b", "media", 100, high=None),
                       _a(2, "c", "media", 80, low=70, high=120)], {})
    assert (r["low"], r["high"], r["open"]) == (58, 120, False)


def test_derived_figures_only_when_nothing_is_stated():
    derived = assertion(0, "a", "media", 5, 5, 5, derived=True)
    stated = _a(1, "b", "media", 9)
    assert compute_range([derived, stated], {})["low"] == 9
    assert compute_range([derived], {})["best"] == 5


def test_source_keys():
    same = {"SOHR", "Syrian Observatory for Human Rights", "the Syrian Observatory for Human Rights",
            "Syrian Observatory for Human Rights."}
    assert {source_key(s) for s in same} == {"sohr"}
    assert source_key("Syrian Network for Human Rights") != "sohr"
    assert source_key(None) == source_key("") == "unknown"
    assert source_key("Reuters") == source_key("REUTERS")


def test_a_vague_quantity_bounds_nothing_a_count_says():
    dozens = assertion(0, "idlib media center", "media", 12, 12, None, vague=True)
    counts = [_a(1, "sohr", "monitor", 72, high=None), _a(2, "reuters", "media", 58, high=None)]
    r = compute_range([dozens] + counts, {})
    assert (r["low"], r["best"]) == (58, 72)
    # alone, it is the figure
    r = compute_range([dozens], {})
    assert (r["low"], r["best"], r["open"]) == (12, 12, True)
