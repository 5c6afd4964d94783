"""The ``dates`` stage: datelines, in-text dates, weekdays, relative expressions, ranges."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.extract.base import Context
from marsad.extract.dates import dates_stage, find_dateline, find_dates, resolve_weekday

from .helpers import SEED, split_sentences

D = dt.date




def run(text: str, published: str | None = None) -> Context:
    ctx = Context(text=text, meta={"published": published})
    ctx.sentences = split_sentences(text)
    dates_stage(ctx)
    return ctx


def one(text: str, published: dt.date | None):
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


# -- datelines ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected, span", [
    ("Sun 16 Apr 2017 Death toll from Aleppo bomb attack at least 112.", D(2017, 4, 16), "Sun 16 Apr 2017"),
    ("Wed 05 Apr 2017 Strikes hit Idlib.", D(2017, 4, 5), "Wed 05 Apr 2017"),
    ("30-06-2016 Syrian Army Allies Kill 100 Terrorists.", D(2016, 6, 30), "30-06-2016"),
    ("24.08.2013 Syrian state media accused rebels.", D(2013, 8, 24), "24.08.2013"),
    ("Date of publication 4 April 2017 At least 72 people.", D(2017, 4, 4), "4 April 2017"),
    ("April 4, 2017 - A suspected gas attack.", D(2017, 4, 4), "April 4, 2017"),
    ("4 April 2017 A suspected gas attack.", D(2017, 4, 4), "4 April 2017"),
    ("2017-04-04 A suspected gas attack.", D(2017, 4, 4), "2017-04-04"),
    ("Monday 10/07/2016 Clashes in Aleppo.", D(2016, 7, 10), "Monday 10/07/2016"),
    ("Fri Sep 27 2013 Bomb blast kills 60.", D(2013, 9, 27), "Fri Sep 27 2013"),
    ("Thursday 01 September 2016 20:22 Syrian Coalition.", D(2016, 9, 1), "Thursday 01 September 2016"),
    ("Last updated at Apr 232017 An Israeli attack.", D(2017, 4, 23), "Apr 232017"),
    ("Posted on April 19 2017 by Asharq Al-Awsat.", D(2017, 4, 19), "April 19 2017"),
    ("07.07.2015Get short URL A suicide bomber.", D(2015, 7, 7), "07.07.2015"),
    ("Air raids kill 18 civilians Monitor AFP Saturday 16 Jul 2016 Air raids on Aleppo.",
     D(2016, 7, 16), "Saturday 16 Jul 2016"),
])
def test_dateline_forms(text, expected, span):
    dl = find_dateline(text)
    assert dl is not None
    assert dl.start_date == expected and dl.end_date == expected
    assert dl.text == span == text[dl.start:dl.end]
    assert dl.kind == "dateline" and dl.precision == 1


def test_numeric_dateline_is_day_first_unless_impossible():
    assert find_dateline("06-01-2016 Eight people were killed.").start_date == D(2016, 1, 6)
    assert find_dateline("04/23/2017 A blast.").start_date == D(2017, 4, 23)
    assert find_dateline("31/31/2017 A blast.") is None


@pytest.mark.parametrize("text", [
    "BEIRUT (Reuters) - Air strikes killed 12 people on Monday.",
    "Air strikes on June 5 2016 killed 20 people.",           # a prose date, not a dateline
    "Bahrain released him. He was arrested on (July 27, 2012) in a protest.",   # ... in brackets
    "Dozens of children dead in Syria evacuees bombing.",
    "",
])
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_dateline_only_near_the_start():
    text = "x " * 200 + "16 Apr 2017"
    assert find_dateline(text) is None


def test_dateline_sets_publication_when_meta_has_none():
    ctx = run("Sun 16 Apr 2017 A blast hit a convoy on Saturday.")
    assert ctx.dateline.start_date == D(2017, 4, 16)
    assert ctx.published == D(2017, 4, 16)
    sat = [d for d in ctx.dates if d.kind == "weekday"]
    assert [d.start_date for d in sat] == [D(2017, 4, 15)]
    # the dateline is not repeated among the in-text dates
    assert all(d.start >= ctx.dateline.end for d in ctx.dates)


def test_meta_published_wins_over_dateline():
    ctx = run("Sun 16 Apr 2017 A blast hit a convoy on Saturday.", published="2017-04-17")
    assert ctx.published == D(2017, 4, 17)
    assert [d.start_date for d in ctx.dates] == [D(2017, 4, 15)]


# -- weekdays ------------------------------------------------------------------------------


def test_resolve_weekday():
    sat = D(2025, 3, 8)  # a Saturday
    assert resolve_weekday(5, sat) == sat                     # same weekday: the day itself
    assert resolve_weekday(5, sat, last=True) == D(2025, 3, 1)
    assert resolve_weekday(4, sat) == D(2025, 3, 7)
    assert resolve_weekday(6, sat) == D(2025, 3, 2)           # never in the future


@pytest.mark.parametrize("phrase, expected, text", [
    ("Air strikes on Tuesday killed 20.", D(2025, 3, 4), "on Tuesday"),
    ("The count issued Saturday evening rose.", D(2025, 3, 8), "Saturday evening"),
    ("Clashes erupted late on Monday in Jableh.", D(2025, 3, 3), "late on Monday"),
    ("Shelling on Monday night hit the town.", D(2025, 3, 3), "on Monday night"),
    ("He said last Saturday that it was over.", D(2025, 3, 1), "last Saturday"),
])
def test_weekdays(phrase, expected, text):
    d = one(phrase, D(2025, 3, 8))
    assert (d.start_date, d.end_date, d.precision, d.kind) == (expected, expected, 1, "weekday")
    assert d.text == text == phrase[d.start:d.end]


def test_next_weekday_and_lowercase_words_are_not_dates():
    assert find_dates("Talks will resume next Tuesday.", D(2025, 3, 8)) == []
    assert find_dates("a sunday school", D(2025, 3, 8)) == []


@pytest.mark.parametrize("text, found", [
    # a day still to come is not the last such weekday
    ("A change of plea hearing has been scheduled for Thursday.", []),
    ("The vote is set for Monday.", []),
    ("The newspaper will be published on Tuesday.", []),
    ("Supporters demanding his release will join events on Sunday.", []),
    # told as done, it is
    ("He was arrested on Thursday and will appear in court soon.", ["on Thursday"]),
])
def test_a_day_still_to_come_is_not_a_date(text, found):
    assert [m.text for m in find_dates(text, D(2025, 3, 8)) if m.kind == "weekday"] == found


def test_a_named_day_is_not_the_last_such_weekday():
    for text in ("Since the deadly 2019 Easter Sunday bombings the law has been abused.",
                 "Nine activists were killed on a “Bloody Sunday” in Negros.",
                 "Shops were looted after Black Friday sales.", "Protests on Good Friday"):
        assert [m.text for m in find_dates(text, D(2025, 3, 8)) if m.kind == "weekday"] == [], text
    # the weekday told as such stays one
    assert [m.text for m in find_dates("Troops fired on mourners on Sunday.", D(2025, 3, 8))] == ["on Sunday"]


# -- relative expressions ------------------------------------------------------------------


@pytest.mark.parametrize("phrase, start, end, precision", [
    ("Warplanes pounded the city yesterday.", D(2025, 3, 7), D(2025, 3, 7), 1),
    ("The bombing today killed four.", D(2025, 3, 8), D(2025, 3, 8), 1),
    ("Explosions were heard last night.", D(2025, 3, 7), D(2025, 3, 7), 1),
    ("The attack took place two days ago.", D(2025, 3, 6), D(2025, 3, 6), 1),
    ("at least 40 killed in the past 24 hours", D(2025, 3, 7), D(2025, 3, 8), 1),
    ("Strikes last week hit Idlib.", D(2025, 2, 24), D(2025, 3, 2), 2),
    ("Earlier this week the army advanced.", D(2025, 3, 3), D(2025, 3, 8), 2),
    ("Earlier this month rebels attacked.", D(2025, 3, 1), D(2025, 3, 8), 3),
    ("The siege began last month.", D(2025, 2, 1), D(2025, 2, 28), 3),
    # 8 March 2025 is a Saturday: this weekend is that day so far, last weekend the one before
    ("Gangs killed 20 people over the weekend.", D(2025, 3, 8), D(2025, 3, 8), 1),
    ("Fighting went on last weekend.", D(2025, 3, 1), D(2025, 3, 2), 1),
    ("The village was captured earlier this year.", D(2025, 1, 1), D(2025, 3, 8), 3),
    # two days joined: from the first to the second
    ("Government forces shelled Douma on Friday and Saturday.", D(2025, 3, 7), D(2025, 3, 8), 1),
    ("Strikes on Sunday and Wednesday killed 5.", D(2025, 3, 2), D(2025, 3, 5), 1),
])
def test_relative(phrase, start, end, precision):
    d = one(phrase, D(2025, 3, 8))
    assert (d.start_date, d.end_date, d.precision) == (start, end, precision)


def test_over_the_weekend_is_the_last_saturday_and_sunday():
    for phrase in ("over the weekend", "during the weekend", "at the weekend"):
        d = one(f"Gangs killed 20 people {phrase} in Port-au-Prince.", D(2023, 5, 8))   # a Monday
        assert (d.text, d.start_date, d.end_date) == (phrase, D(2023, 5, 6), D(2023, 5, 7))


def test_this_year_alone_is_a_comparison_not_a_date():
    assert find_dates("More people died this year than last year.", D(2025, 3, 8)) == []


@pytest.mark.parametrize("text, span", [
    ("Last year, security forces killed at least 14 environmental defenders.", (D(2024, 1, 1), D(2024, 12, 31))),
    ("The group said so. Late last year, police detained two activists.", (D(2024, 1, 1), D(2024, 12, 31))),
    ("The group said so. Earlier this year, police detained two activists.", (D(2025, 1, 1), D(2025, 3, 8))),
])
def test_a_year_opening_a_sentence_as_its_time_is_a_date(text, span):
    (d,) = find_dates(text, D(2025, 3, 8))
    assert (d.start_date, d.end_date, d.precision) == (*span, 3)


@pytest.mark.parametrize("text", [
    "Since last year, police have detained 40 activists.",
    "This year, more activists were killed.",
])
def test_a_span_s_start_or_a_year_compared_opening_a_sentence_is_no_date(text):
    assert find_dates(text, D(2025, 3, 8)) == []


def test_relative_needs_a_publication_date():
    text = "Warplanes pounded the city yesterday and on Tuesday, since Thursday, in March."
    assert find_dates(text, None) == []
    ctx = run(text)  # no meta date, no dateline
    assert ctx.published is None and ctx.dates == []


# -- absolute dates and months -------------------------------------------------------------


def test_absolute_dates():
    pub = D(2017, 4, 10)
    assert one("The attack on 4 April 2017 killed 58.", pub).start_date == D(2017, 4, 4)
    d = one("The attack on April 4 killed 58.", pub)
    assert (d.start_date, d.kind, d.text) == (D(2017, 4, 4), "absolute", "April 4")
    # a day-month after publication belongs to last year when far enough
    assert one("the massacre of 21 August", D(2014, 3, 1)).start_date == D(2013, 8, 21)
    # a near future day-month is a plan, not an event
    assert find_dates("talks on April 20 in Geneva", pub) == []


@pytest.mark.parametrize("text, expected", [
    # a near future day-month told as done is last year's
    ("Lu Siwei has been missing since he was detained by police in Kunming on 28 July.", [D(2018, 7, 28)]),
    ("Two activists were killed on 28 July.", [D(2018, 7, 28)]),
    # ... but not when it is still to come, or what something was moved to
    ("The trial of the activists will be held on 28 July.", []),
    ("The hearing was postponed to 28 July.", []),
])
def test_a_near_future_day_month_told_as_done_is_last_year_s(text, expected):
    assert [d.start_date for d in find_dates(text, D(2019, 6, 10))] == expected


def test_a_day_told_with_its_year_keeps_it_when_told_again_without():
    text = ("Workers lost their lives in the inferno on Sept 11, 2012. Families still mourn. "
            "The fire of Sept 11 killed 260. A court ruled on Sept 22.")
    got = [(d.text, d.start_date) for d in find_dates(text, D(2020, 9, 27))]
    assert got == [("Sept 11, 2012", D(2012, 9, 11)), ("Sept 11", D(2012, 9, 11)), ("Sept 22", D(2020, 9, 22))]


def test_month_precision():
    d = one("Fighting broke out in March 2025 near Latakia.", None)
    assert (d.start_date, d.end_date, d.precision) == (D(2025, 3, 1), D(2025, 3, 31), 3)
    d = one("Fighting broke out in January near Latakia.", D(2025, 3, 8))
    assert (d.start_date, d.end_date, d.precision) == (D(2025, 1, 1), D(2025, 1, 31), 3)
    d = one("Fighting broke out in November near Latakia.", D(2025, 3, 8))
    assert d.start_date == D(2024, 11, 1)
    assert find_dates("The regime may strike again.", D(2025, 3, 8)) == []


# -- ranges --------------------------------------------------------------------------------


def test_ranges():
    pub = D(2025, 3, 8)
    d = one("Since Thursday more than 500 were killed.", pub)
    assert (d.start_date, d.end_date, d.kind, d.precision) == (D(2025, 3, 6), pub, "range", 1)
    d = one("Clashes between Monday and Wednesday left 30 dead.", pub)
    assert (d.start_date, d.end_date, d.kind) == (D(2025, 3, 3), D(2025, 3, 5), "range")
    d = one("The offensive from 6 to 8 March displaced thousands.", pub)
    assert (d.start_date, d.end_date, d.kind) == (D(2025, 3, 6), D(2025, 3, 8), "range")
    d = one("Strikes on 6-8 March 2025.", None)
    assert (d.start_date, d.end_date) == (D(2025, 3, 6), D(2025, 3, 8))
    d = one("since 1 March the toll has risen", pub)
    assert (d.start_date, d.end_date, d.kind, d.precision) == (D(2025, 3, 1), pub, "range", 1)
    d = one("since 20 February the toll has risen", pub)   # over a week: week precision
    assert (d.start_date, d.end_date, d.kind, d.precision) == (D(2025, 2, 20), pub, "range", 2)


@pytest.mark.parametrize("text, start, end", [
    ("Clashes late on Sunday and early on Monday left 30 dead.", D(2025, 3, 2), D(2025, 3, 3)),
    ("Fighting from March 1 to March 4 left 30 dead.", D(2025, 3, 1), D(2025, 3, 4)),
    ("Fighting between 28 February and 3 March left 30 dead.", D(2025, 2, 28), D(2025, 3, 3)),
    ("Fighting from 20 December to 3 January 2025 left 30 dead.", D(2024, 12, 20), D(2025, 1, 3)),
    ("Fighting in the last two days left 30 dead.", D(2025, 3, 7), D(2025, 3, 8)),
    ("Fighting in the past three days left 30 dead.", D(2025, 3, 6), D(2025, 3, 8)),
])
def test_more_ranges(text, start, end):
    d = one(text, D(2025, 3, 8))
    assert (d.start_date, d.end_date, d.kind) == (start, end, "range")


# -- the seed report -----------------------------------------------------------------------


def test_seed_report_dates(shared_corpus):
    text = SEED.read_text(encoding="utf-8")
    ctx = run(text, published="2025-03-08")
    assert ctx.dateline is None
    by_text = {d.text: d for d in ctx.dates}
    since = by_text["since Thursday"]
    assert (since.start_date, since.end_date, since.kind) == (D(2025, 3, 6), D(2025, 3, 8), "range")
    assert by_text["Saturday evening"].start_date == D(2025, 3, 8)
    friday = [d for d in ctx.dates if d.text == "Friday"]
    assert friday and friday[0].start_date == D(2025, 3, 7)
    for d in ctx.dates:
        assert text[d.start:d.end] == d.text
        assert d.sentence >= 0
        s, e = ctx.sentences[d.sentence]
        assert s <= d.start < e
    # "since Thursday" is in the second sentence of the report
    assert since.sentence == 1


def test_masked_furniture_is_skipped():
    text = "Photo taken on Monday\nStrikes on Tuesday killed 5."
    ctx = Context(text=text, meta={"published": "2025-03-08"}, masked=[(0, 21)])
    ctx.sentences = split_sentences(text)
    dates_stage(ctx)
    assert [d.text for d in ctx.dates] == ["on Tuesday"]


def test_dense_dates_stay_linear():
    import time

    text = "In March 2011 on Monday yesterday since Tuesday. " * 2000
    t0 = time.process_time()
    found = find_dates(text, D(2025, 3, 8))
    assert time.process_time() - t0 < 3.0
    assert len(found) == 8000
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))   # never overlapping


def test_a_year_alone_is_a_year_long_date_and_since_a_year_runs_to_publication():
    pub = D(2021, 9, 2)
    (m,) = find_dates("He was abducted in 2012 while reporting.", pub)
    assert (m.text, m.start_date, m.end_date, m.precision) == ("in 2012", D(2012, 1, 1), D(2012, 12, 31), 3)
    (m,) = find_dates("Since 2011 the war has killed thousands.", pub)
    assert (m.kind, m.start_date, m.end_date) == ("range", D(2011, 1, 1), pub)
    assert find_dates("in 2015-2016 there were raids", pub) == []
    # a year that ends the sentence is still a year; a decimal is not
    assert [x.text for x in find_dates("He was abducted in 2002.", pub)] == ["in 2002"]
    assert find_dates("growth in 2012.5 percent", pub) == []
    assert [x.text for x in find_dates("killed in March 2019", pub)] == ["in March 2019"]


def test_a_year_before_the_noun_it_dates_is_a_date_but_a_count_is_not():
    pub = D(2019, 9, 20)
    (m,) = find_dates("They were charged in the 2012 murder case of a union leader.", pub)
    assert (m.text, m.start_date, m.end_date, m.precision) == ("2012", D(2012, 1, 1), D(2012, 12, 31), 3)
    (m,) = find_dates("A suspect in the 1985 TWA hijacking was held.", pub)
    assert m.start_date == D(1985, 1, 1)
    assert find_dates("Shelling forced the 2000 residents to flee.", pub) == []
    assert find_dates("Of the 2015 people counted, most fled.", pub) == []


def test_a_year_after_an_indefinite_article_dates_the_noun():
    pub = D(2021, 8, 31)
    (m,) = find_dates("Emwazi was killed in a 2015 drone strike.", pub)
    assert (m.text, m.start_date, m.precision) == ("2015", D(2015, 1, 1), 3)
    assert find_dates("A 2000 people fled.", pub) == []


def test_a_year_after_a_preposition_of_time_dates_the_noun_that_follows():
    pub = D(2021, 5, 17)
    (m,) = find_dates("The union was founded after 2019 labor protests in Matamoros.", pub)
    assert (m.text, m.start_date, m.precision) == ("2019", D(2019, 1, 1), 3)
    (m,) = find_dates("Arrests rose following 2018 elections.", pub)
    assert m.start_date == D(2018, 1, 1)
    # a year that ends the phrase says when something began or ended, not what it dates
    assert find_dates("After 2019 the group split.", pub) == []
    assert find_dates("Before 2000 people had fled.", pub) == []


def test_months_and_years_ago_name_that_month_and_that_year():
    pub = D(2021, 11, 5)
    (m,) = find_dates("They were kidnapped more than a month ago.", pub)
    assert (m.text, m.start_date, m.end_date, m.precision) == ("a month ago", D(2021, 10, 1), D(2021, 10, 31), 3)
    (m,) = find_dates("He was jailed three months ago.", D(2022, 2, 10))   # back across a year
    assert (m.start_date, m.end_date) == (D(2021, 11, 1), D(2021, 11, 30))
    (m,) = find_dates("She disappeared two years ago.", pub)
    assert (m.start_date, m.end_date, m.precision) == (D(2019, 1, 1), D(2019, 12, 31), 3)


@pytest.mark.parametrize("published, text, span", [
    # last year's season, this year's being on or not yet begun
    (D(2020, 9, 2), "Nine were victims of a massacre last fall in Sonora.", (D(2019, 9, 1), D(2019, 11, 30))),
    (D(2021, 1, 15), "He was arrested last summer.", (D(2020, 6, 1), D(2020, 8, 31))),
    (D(2021, 3, 10), "Early last spring gunmen abducted him.", (D(2020, 3, 1), D(2020, 5, 31))),
    # this year's, up to publication
    (D(2016, 8, 15), "Fighting has intensified this summer.", (D(2016, 6, 1), D(2016, 8, 15))),
    (D(2021, 1, 15), "This past summer police killed two.", (D(2020, 6, 1), D(2020, 8, 31))),
    # a winter is named by its December
    (D(2021, 1, 15), "Protests swelled last winter.", (D(2019, 12, 1), D(2020, 2, 29))),
    (D(2021, 4, 2), "Protests swelled last winter.", (D(2020, 12, 1), D(2021, 2, 28))),
    (D(2021, 1, 15), "Raids went on this winter.", (D(2020, 12, 1), D(2021, 1, 15))),
    # a season of a year named: its months (a winter of a year named: the year)
    (D(2021, 1, 15), "In spring 2015 the army attacked the town.", (D(2015, 3, 1), D(2015, 5, 31))),
    (D(2021, 1, 15), "He fled in the summer of 2019.", (D(2019, 6, 1), D(2019, 8, 31))),
    (D(2021, 1, 15), "He fled in the fall of 2016.", (D(2016, 9, 1), D(2016, 11, 30))),
    (D(2021, 1, 15), "He fled in the winter of 2016.", (D(2016, 1, 1), D(2016, 12, 31))),
])
def test_a_season_is_its_months(published, text, span):
    (m,) = find_dates(text, published)
    assert ((m.start_date, m.end_date), m.precision) == (span, 3)


@pytest.mark.parametrize("published, text, month", [
    # "last November": the last November before this month
    (D(2020, 9, 2), "Nine were murdered in an ambush last November.", (2019, 11)),
    (D(2020, 9, 2), "He was arrested last March.", (2020, 3)),
    (D(2020, 9, 2), "Last September, police raided the office.", (2019, 9)),
    # "this March": this year's
    (D(2020, 9, 2), "Protests began this March.", (2020, 3)),
])
def test_last_or_this_month_named_is_that_month(published, text, month):
    (m,) = find_dates(text, published)
    assert ((m.start_date.year, m.start_date.month), m.precision) == (month, 3)
    assert find_dates("Elections are due this October.", D(2020, 9, 2)) == []


def test_a_season_still_to_come_or_a_verb_is_no_date():
    assert find_dates("Talks resume this winter.", D(2021, 11, 15)) == []
    assert find_dates("This summer the vote is due.", D(2021, 1, 15)) == []
    assert find_dates("Prices could fall 2020 points.", D(2021, 1, 15)) == []


def test_a_length_of_time_after_an_act_dates_the_act():
    pub = D(2021, 5, 19)
    (m,) = find_dates("Three years after the murder of journalist Jan Kuciak, a court acquitted the accused.", pub)
    assert (m.text, m.start_date, m.end_date, m.precision) == ("Three years after", D(2018, 1, 1),
                                                               D(2018, 12, 31), 3)
    (m,) = find_dates("Six months since the abduction of the lawyer, his family still waits.", pub)
    assert (m.start_date, m.end_date) == (D(2020, 11, 1), D(2020, 11, 30))
    # not a length after anything else
    assert find_dates("Three years after the war began, the city lies in ruins.", pub) == []


def test_last_year_after_a_day_or_month_names_the_year():
    pub = D(2022, 8, 31)
    # without "last year" January resolves to this year's; with it, to last year's
    (m,) = find_dates("He was arrested in January last year.", pub)
    assert (m.text, m.start_date, m.end_date) == ("in January last year", D(2021, 1, 1), D(2021, 1, 31))
    (m,) = find_dates("He was arrested on June 5 last year.", pub)
    assert (m.text, m.start_date, m.precision) == ("June 5 last year", D(2021, 6, 5), 1)
    (m,) = find_dates("He was detained at the end of June last year.", pub)
    assert (m.text, m.start_date, m.end_date) == ("end of June last year", D(2021, 6, 21), D(2021, 6, 30))
    (m,) = find_dates("Clashes in early March this year.", pub)
    assert m.start_date == D(2022, 3, 1)
    # "last year" alone is most often a comparison ("more than last year"): no date
    assert find_dates("It executed more than last year.", pub) == []
    # ... but right after what befell someone it dates it
    (m,) = find_dates("She was arrested last year in Minsk.", pub)
    assert (m.text, m.start_date, m.end_date, m.precision) == ("last year", D(2021, 1, 1), D(2021, 12, 31), 3)
    (m,) = find_dates("Gunmen shot him late last year.", pub)
    assert (m.text, m.start_date) == ("late last year", D(2021, 1, 1))
    # ... where it befell them told between
    (m,) = find_dates("An activist who was detained in Minsk last year died in prison.", pub)
    assert (m.text, m.start_date, m.end_date) == ("last year", D(2021, 1, 1), D(2021, 12, 31))
    assert find_dates("It exceeded the total number killed in Kabul last year.", pub) == []
    # not a count compared, nor a count's verb
    assert find_dates("It exceeded the total number killed last year.", pub) == []
    assert find_dates("It was twice the number of people executed last year.", pub) == []
    assert find_dates("The group recorded last year a rise in attacks.", pub) == []


def test_a_year_after_the_part_of_it_named():
    pub = D(2021, 9, 2)
    for phrase in ("at the end of 2020", "by the beginning of 2020"):
        (m,) = find_dates(f"He was arrested {phrase}.", pub)
        assert (m.start_date, m.end_date, m.precision) == (D(2020, 1, 1), D(2020, 12, 31), 3), phrase


def test_a_month_opening_a_sentence_is_a_date():
    pub = D(2017, 4, 16)
    (m,) = find_dates("In March two blasts occurred near Bab al-Saghir cemetery.", pub)
    assert (m.text, m.start_date, m.end_date) == ("In March", D(2017, 3, 1), D(2017, 3, 31))
    (m,) = find_dates("Since March the siege has tightened.", pub)
    assert (m.kind, m.start_date, m.end_date) == ("range", D(2017, 3, 1), pub)


def test_a_wire_dateline_without_its_year_is_the_reports_day_not_the_events():
    text = ("DAMASCUS, March 8 (Reuters) - Syrian forces shelled the town on Sunday, killing nine. "
            "The shelling went on.")
    ctx = run(text, published="2021-03-08")
    assert (ctx.dateline.text, ctx.dateline.kind, ctx.dateline.start_date) == ("March 8", "dateline", D(2021, 3, 8))
    assert [(d.text, d.start_date) for d in ctx.dates] == [("on Sunday", D(2021, 3, 7))]
    # without a publication date it is no date at all, and still no event's
    ctx = run(text)
    assert ctx.dateline is None and ctx.dates == []
    # "ALEPPO, Syria, July 3 (Xinhua) --" too
    ctx = run("ALEPPO, Syria, July 3 (Xinhua) -- Rebels fired shells on Wednesday.", published="2019-07-03")
    assert ctx.dateline.start_date == D(2019, 7, 3) and [d.text for d in ctx.dates] == ["on Wednesday"]
    # ... and opening a line after a headline
    ctx = run("UPDATE 3-Gunmen kill 12 in Plateau state\n\nJOS, Nigeria, Oct 9 (Reuters) - Gunmen killed "
              "12 people late on Sunday.", published="2023-10-09")
    assert ctx.dateline.start_date == D(2023, 10, 9) and [d.text for d in ctx.dates] == ["late on Sunday"]
    # not a date in the middle of a line
    ctx = run("Rebels said that on Oct 9 (Sunday) - the day of the vote - they shelled the town.",
              published="2023-10-09")
    assert ctx.dateline is None


@pytest.mark.parametrize("text, start, end, precision", [
    # the words before a month narrow it: its thirds and its weeks
    ("Militants attacked the village in early February.", D(2019, 2, 1), D(2019, 2, 10), 2),
    ("Two journalists were killed in mid-February.", D(2019, 2, 11), D(2019, 2, 20), 2),
    ("They were detained in late February 2017.", D(2017, 2, 21), D(2017, 2, 28), 1),
    ("They were detained at the end of January.", D(2019, 1, 21), D(2019, 1, 31), 2),
    ("They were detained in the first week of February.", D(2019, 2, 1), D(2019, 2, 7), 1),
    ("They were detained in the last week of January.", D(2019, 1, 25), D(2019, 1, 31), 1),
    # a part still to come this month is last year's; one under way ends at publication
    ("They were detained in late March.", D(2018, 3, 21), D(2018, 3, 31), 2),
    ("They were detained in early March.", D(2019, 3, 1), D(2019, 3, 7), 1),
    # a month alone is the whole month, and a full month name takes no sentence's full stop
    ("They were detained in February.", D(2019, 2, 1), D(2019, 2, 28), 3),
])
def test_parts_of_a_month(text, start, end, precision):
    (m,) = find_dates(text, D(2019, 3, 7))
    assert (m.start_date, m.end_date, m.precision) == (start, end, precision)
    assert not m.text.endswith(".")


@pytest.mark.parametrize("text, start, span", [
    ("arrested during protests on Tuesday, June 8 in Yangon", dt.date(2021, 6, 8), "on Tuesday, June 8"),
    ("raided the home on Sunday August 15 and arrested both", dt.date(2021, 8, 15), "on Sunday August 15"),
])
def test_a_weekday_told_with_its_date_is_that_date(text, start, span):
    (m,) = find_dates(text, dt.date(2021, 8, 31))
    assert (m.start_date, m.end_date, m.text) == (start, start, span)


def test_an_iso_date_in_the_text_is_a_date():
    (m,) = find_dates("Gunmen killed 3 people in Kaduna on 2021-03-12.", dt.date(2021, 3, 20))
    assert (m.start_date, m.text) == (dt.date(2021, 3, 12), "2021-03-12")


@pytest.mark.parametrize("text, published, expected", [
    # a day of Easter is a date: of the year told with it, else the last one by the report's date
    ("Bomb blasts ripped through churches on Easter Sunday.", "2019-04-22", [("Easter Sunday", D(2019, 4, 21))]),
    ("He recalled the 2019 Easter Sunday bombings.", "2021-06-01", [("2019 Easter Sunday", D(2019, 4, 21))]),
    ("He had been killed in Iraq on Easter Sunday in 2008.", "2020-02-05", [("Easter Sunday in 2008", D(2008, 3, 23))]),
    ("Police detained him on Good Friday.", "2016-04-01", [("Good Friday", D(2016, 3, 25))]),
    ("Marchers gathered on Palm Sunday.", "2015-04-01", [("Palm Sunday", D(2015, 3, 29))]),
    # without its year, a day of Easter long past names no date
    ("He was accused of aiding the Easter Sunday suicide bombers.", "2022-02-13", []),
    # other named days are no dates; "a good day" no day of Easter
    ("They marked Bloody Sunday.", "2019-04-22", []),
    ("It was a good day for the rebels.", "2019-04-22", []),
])
def test_the_days_of_easter_are_dates(text, published, expected):
    pub = dt.date.fromisoformat(published)
    assert [(m.text, m.start_date) for m in find_dates(text, pub)] == expected


@pytest.mark.parametrize("text, published, expected", [
    # a day of a fixed date: of the year told with it, else the last one by the report's date
    ("Warplanes struck the town of Douma on New Year's Eve, killing 12 people.", "2017-01-03",
     [("New Year's Eve", D(2016, 12, 31))]),
    ("Gunmen kidnapped the pastor on Christmas Eve.", "2020-12-29", [("Christmas Eve", D(2020, 12, 24))]),
    ("Thousands marched on International Women's Day in 2018.", "2021-06-01",
     [("International Women's Day in 2018", D(2018, 3, 8))]),
    # ... not one long past, nor a day of a cause without its year ("a flashpoint on May Day")
    ("He recalled the Christmas Day bombing.", "2021-06-01", []),
    ("Taksim has been a flashpoint on May Day.", "2022-05-01", []),
])
def test_days_of_a_fixed_date_are_dates(text, published, expected):
    pub = dt.date.fromisoformat(published)
    assert [(m.text, m.start_date) for m in find_dates(text, pub)] == expected
