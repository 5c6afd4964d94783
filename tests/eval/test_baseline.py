import pytest

from marsad.eval.baseline import dateline, first_number, first_places, naive_result


@pytest.mark.parametrize("text,iso", [
    ("Wed 05 Apr 2017 Dozens killed", "2017-04-05"),
    ("30-06-2016 Shelling on Aleppo", "2016-06-30"),
    ("24.08.2013 The attack", "2013-08-24"),
    ("Damascus, April 4, 2017 - An air strike", "2017-04-04"),
    ("2017-04-16: a bomb", "2017-04-16"),
    ("An air strike killed 12 people on 4 April 2017 in Idlib province", None),  # beyond 40 chars
    ("31-02-2016 not a date", None),
])
def test_dateline(text, iso):
    assert dateline(text)[0] == iso


def test_first_number_skips_dateline_and_years():
    text = "Sun 16 Apr 2017 In 2016 the toll was 1,300 and later 12"
    _, end = dateline(text)
    assert first_number(text, end) == (1300, "1,300")
    assert first_number("no figures here") is None


def test_first_places():
    assert first_places("Shelling in Idleb and Aleppo") == ("SY", "SY-ID")
    assert first_places("Syria: the Damascus countryside was hit, then Homs") == ("SY", "SY-RD")
    assert first_places("Police in Harare, Zimbabwe arrested him") == ("ZW", None)
    assert first_places("nothing") == (None, None)


def test_naive_result_shape():
    r = naive_result({"id": "x", "text": "Sun 16 Apr 2017 A blast in Aleppo killed 112 people",
                      "published": None})
    ev = r["events"][0]
    assert r["schema"] == "marsad.extraction/1"
    assert ev["date"]["start"] == "2017-04-16"
    assert ev["location"]["admin1_iso"] == "SY-HL"
    assert ev["fatalities"]["total"]["best"] == 112
    assert ev["actors"] == [] and ev["type"] is None
    # no dateline: the metadata date
    r = naive_result({"text": "A blast", "published": "2020-01-02"})
    assert r["events"][0]["date"]["start"] == "2020-01-02" and r["events"][0]["location"] is None
