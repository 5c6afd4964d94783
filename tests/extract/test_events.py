"""The events stage on hand-built contexts, independent of the other stages' rules."""

import datetime as dt

import pytest

from marsad.extract.base import (ActorMention, Attribution, Context, DateMention, Figure, Place,
                                 Source)
from marsad.extract.events import events
from marsad.extract.triggers import triggers

from .helpers import split_sentences


def _ctx(text, sentences, **kw):
    ctx = Context(text=text, meta={"published": "2017-04-05", "outlet": "Example News"})
    ctx.sentences = sentences
    for k, v in kw.items():
        setattr(ctx, k, v)
    triggers(ctx)
    return ctx


def _span(text, phrase, sentence):
    s = text.index(phrase)
    return s, s + len(phrase), phrase


def test_one_strike_with_figures_source_and_place():
    text = ("Air strikes on Khan Shaykhun killed 58 people on Tuesday. "
            "The Syrian Observatory for Human Rights said 11 children were among the dead.")
    sents = [(0, 57), (58, len(text))]
    s, e, t = _span(text, "Khan Shaykhun", 0)
    place = Place(s, e, t, "Khan Shaykhun", "SY", "Idlib", "SY-ID", lat=35.44, lon=36.65, precision=1,
                  feature="city", sentence=0)
    f1 = Figure(*_span(text, "killed 58 people", 0), low=58, best=58, high=58, outcome="killed",
                group="total", sentence=0)
    f2 = Figure(*_span(text, "11 children", 1), low=11, best=11, high=11, outcome="killed",
                group="children", sentence=1, part_of=0)
    d = DateMention(*_span(text, "on Tuesday", 0), dt.date(2017, 4, 4), dt.date(2017, 4, 4), 1,
                    "weekday", sentence=0)
    att = Attribution(58, len(text), Source("Syrian Observatory for Human Rights", "monitor"),
                      "asserts", sentence=1)
    ctx = _ctx(text, sents, places=[place], figures=[f1, f2], dates=[d], attributions=[att])
    events(ctx)
    assert len(ctx.events) == 1
    ev = ctx.events[0]
    assert (ev["type"], ev["sub_type"]) == ("explosions_remote_violence", "air_drone_strike")
    assert ev["location"]["admin1_iso"] == "SY-ID" and ev["location"]["precision"] == 1
    assert ev["date"]["start"] == "2017-04-04"
    assert ev["fatalities"]["total"]["best"] == 58
    assert ev["fatalities"]["children"]["best"] == 11
    assert [c["source"]["name"] for c in ev["claims"]] == ["Syrian Observatory for Human Rights"]


def test_unattributed_event_is_claimed_by_the_outlet():
    text = "A car bomb exploded in Azaz killing five people."
    place = Place(*_span(text, "Azaz", 0), "Azaz", "SY", "Aleppo", "SY-HL", precision=1, feature="city",
                  sentence=0)
    fig = Figure(*_span(text, "killing five people", 0), low=5, best=5, high=5, outcome="killed",
                 group="total", sentence=0)
    ctx = _ctx(text, [(0, len(text))], places=[place], figures=[fig])
    events(ctx)
    (ev,) = ctx.events
    assert ev["sub_type"] == "remote_explosive_landmine_ied"
    assert ev["claims"][0]["source"] == {"name": "Example News", "type": "media"}
    assert ev["claims"][0]["unattributed"] is True
    # no date stated: the publication date, said so
    assert ev["date"]["start"] == "2017-04-05" and "not stated" in ev["date"]["note"]


def test_an_outlet_in_the_source_registry_claims_under_its_registered_name():
    from types import SimpleNamespace

    from marsad.extract.attribution import load_source_registry

    text = "A car bomb exploded in Azaz killing five people."
    ctx = _ctx(text, [(0, len(text))])
    ctx.meta["outlet"] = "sana"
    ctx.resources = SimpleNamespace(sources=load_source_registry())
    events(ctx)
    assert ctx.events[0]["claims"][0]["source"] == {"name": "SANA", "type": "state_media"}
    ctx.meta["outlet"] = "nna"          # an acronym written in lower case
    events(ctx)
    assert ctx.events[0]["claims"][0]["source"] == {"name": "National News Agency (Lebanon)",
                                                    "type": "state_media"}
    ctx.meta["outlet"] = "manar"        # a name without its Arabic article
    events(ctx)
    assert ctx.events[0]["claims"][0]["source"] == {"name": "Al-Manar", "type": "media"}
    ctx.meta["outlet"] = "Example News"  # not registered: the outlet's own name, a medium
    events(ctx)
    assert ctx.events[0]["claims"][0]["source"] == {"name": "Example News", "type": "media"}


@pytest.mark.parametrize("text, expected", [
    ("Warplanes struck the town at dawn.", [("explosions_remote_violence", "air_drone_strike")]),
    ("Rebels fired rockets at the airport.", [("explosions_remote_violence", "shelling_artillery_missile_attack")]),
    ("Mortars killed three children in the market.",
     [("explosions_remote_violence", "shelling_artillery_missile_attack")]),
    # a weapon named without an act is no event
    ("He arrived by plane on Tuesday and was held at the county jail.", []),
    ("Drones with cameras chase walkers down rural roads.", []),
    ("The two governments discussed missile defence cooperation.", []),
    ("Police found a pistol and a hand grenade in his possession.", []),
    ("A fighter jet escorted the plane and the journalist on board was arrested.", []),
    ("The arms sale includes 12 attack helicopters and hundreds of missiles.", []),
    ("The US announced targeted sanctions after the plane incident.", []),
    # stun grenades disperse a crowd: no explosion
    ("Police fired stun grenades to disperse the crowd.", []),
])
def test_a_weapon_makes_an_event_only_beside_an_act(text, expected):
    ctx = _ctx(text, [(0, len(text))])
    events(ctx)
    assert [(e["type"], e["sub_type"]) for e in ctx.events
            if e["type"] == "explosions_remote_violence"] == expected


def test_a_sentence_listing_several_provinces_gives_way_to_the_one_that_names_one():
    text = ("Ten civilians injured in rocket attacks in Daraa countryside, Aleppo, Damascus. "
            "Three civilians were injured in rocket attacks on Izraa town.")
    sents = [(0, text.index(" Three")), (text.index("Three"), len(text))]

    def place(phrase, name, iso, precision, sentence):
        return Place(*_span(text, phrase, sentence), name, "SY", name, iso, precision=precision,
                     feature="city" if precision == 1 else "admin1", sentence=sentence)

    places = [place("Daraa countryside", "Daraa", "SY-DR", 2, 0), place("Aleppo", "Aleppo", "SY-HL", 1, 0),
              place("Damascus", "Damascus", "SY-DI", 1, 0), place("Izraa", "Izra", "SY-DR", 1, 1)]
    ctx = _ctx(text, sents, places=places)
    ctx.country_context = "SY"
    events(ctx)
    assert ctx.events[0]["location"]["name"] == "Izra"


def test_a_sports_story_has_no_event():
    text = "Barcelona's attack was relentless and the battle for the title goes on."
    ctx = _ctx(text, [(0, len(text))])
    events(ctx)
    assert ctx.events == []


def test_implausible_figures_are_flagged_not_counted():
    text = "Shelling killed 99999999 people in Homs."
    fig = Figure(*_span(text, "killed 99999999 people", 0), low=99999999, best=99999999,
                 high=99999999, outcome="killed", group="total", sentence=0, flag="implausible")
    ctx = _ctx(text, [(0, len(text))], figures=[fig])
    events(ctx)
    (ev,) = ctx.events
    assert ev["fatalities"] == {}
    assert ev["flags"][0]["flag"] == "implausible"


def test_plural_trigger_over_two_towns_makes_two_events():
    text = "The channel reported two massacres in the villages of Qabu and Arus."
    p1 = Place(*_span(text, "Qabu", 0), "Qabu", "SY", "Latakia", "SY-LA", precision=1, feature="village",
               sentence=0)
    p2 = Place(*_span(text, "Arus", 0), "Arus", "SY", "Latakia", "SY-LA", precision=1, feature="village",
               sentence=0)
    ctx = _ctx(text, [(0, len(text))], places=[p1, p2])
    events(ctx)
    assert sorted(e["location"]["name"] for e in ctx.events) == ["Arus", "Qabu"]
    assert all(e["type"] == "violence_against_civilians" for e in ctx.events)


def test_civilian_figures_go_to_the_one_sided_event_and_totals_to_the_battle():
    text = ("Since Thursday 500 Alawites were slaughtered amid clashes between forces and loyalists. "
            "At least 745 people were killed including 523 civilians.")
    sents = [(0, 88), (89, len(text))]
    total = Figure(*_span(text, "At least 745 people were killed", 1), low=745, best=745, high=None,
                   outcome="killed", group="total", sentence=1)
    civ = Figure(*_span(text, "523 civilians", 1), low=523, best=523, high=523, outcome="killed",
                 group="civilians", sentence=1, part_of=0)
    ctx = _ctx(text, sents, figures=[total, civ])
    events(ctx)
    by_type = {e["type"]: e for e in ctx.events}
    assert by_type["violence_against_civilians"]["fatalities"]["civilians"]["best"] == 523
    assert "total" not in by_type["violence_against_civilians"]["fatalities"]
    assert by_type["battles"]["fatalities"]["total"] == {"low": 745, "best": 745, "high": None,
                                                          "text": "At least 745 people were killed"}


def test_actors_get_roles():
    text = "Regime warplanes bombed the town killing 9 civilians."
    a1 = ActorMention(*_span(text, "Regime", 0), "Syrian government forces", "state_forces", sentence=0,
                      role_hint="perpetrator")
    a2 = ActorMention(*_span(text, "civilians", 0), "Civilians", "civilians", sentence=0)
    fig = Figure(*_span(text, "killing 9 civilians", 0), low=9, best=9, high=9, outcome="killed",
                 group="civilians", sentence=0)
    ctx = _ctx(text, [(0, len(text))], actors=[a1, a2], figures=[fig])
    events(ctx)
    roles = {a["role"]: a["category"] for a in ctx.events[0]["actors"]}
    assert roles == {"perpetrator": "state_forces", "target": "civilians"}


def _country_ctx(text, sents, places, country="EG"):
    """Events of a text whose places are given, in a report about ``country``."""
    ctx = _ctx(text, sents, places=places)
    ctx.country_context = country
    events(ctx)
    return ctx


def _city(text, phrase, sentence, name, country, admin1_iso):
    return Place(*_span(text, phrase, sentence), name, country, None, admin1_iso, precision=1,
                 feature="city", sentence=sentence)


def _country(text, phrase, sentence, code):
    return Place(*_span(text, phrase, sentence), phrase, code, precision=3, feature="country",
                 sentence=sentence)


def test_an_event_naming_the_reports_country_stays_there_not_where_a_statement_came_from():
    text = ("Egypt's security forces shot dead the lawyer Gamal Eid on Sunday. "
            "Rights groups meeting in Geneva said he was shot dead outside his home.")
    sents = split_sentences(text)
    egypt = Place(*_span(text, "Egypt", 0), "Egypt", "EG", precision=3, feature="country", sentence=0)
    geneva = Place(*_span(text, "Geneva", 1), "Geneva", "CH", "Geneva", "CH-GE", precision=1,
                   feature="city", sentence=1)
    (ev,) = _country_ctx(text, sents, [egypt, geneva]).events
    assert ev["location"]["country"] == "EG" and ev["location"]["precision"] == 3


def test_an_event_first_told_with_a_foreign_town_is_placed_there():
    # the event's first sentence names a town abroad: the report's country was the wrong guess
    text = ("Egyptian agents shot dead the lawyer Gamal Eid in Geneva on Sunday. "
            "Egypt denied it.")
    sents = split_sentences(text)
    geneva = Place(*_span(text, "Geneva", 0), "Geneva", "CH", "Geneva", "CH-GE", precision=1,
                   feature="city", sentence=0)
    s = text.index("Egypt denied")
    egypt = Place(s, s + 5, "Egypt", "Egypt", "EG", precision=3, feature="country", sentence=1)
    (ev,) = _country_ctx(text, sents, [geneva, egypt]).events
    assert ev["location"]["country"] == "CH" and ev["location"]["name"] == "Geneva"


@pytest.mark.parametrize("sentence, country", [
    pytest.param("Parliament condemned the murder of the teacher Raman Bandarenka in Belarus.", "BY",
                 id="a country after a locative places the event there"),
    pytest.param("Parliament condemned the murder of the teacher Raman Bandarenka, said Belarus.", "ET",
                 id="a country named otherwise is a party, not a place"),
    pytest.param("Parliament condemned the murder of activists of a group banned in Belarus.", "ET",
                 id="where a law bans something is no place of the event"),
    pytest.param("Parliament condemned the murder of a refugee in Belarus's embassy in Addis Ababa.", "ET",
                 id="a country that owns the next name is no place of the event"),
])
def test_an_event_that_names_only_another_country_is_placed_there(sentence, country):
    # a report mostly on Ethiopia with a section on Belarus: not every event is Ethiopia's
    text = ("Ethiopia faces war. The situation in Ethiopia worries Ethiopia's neighbours. "
            "The army of Ethiopia is in Tigray. " + sentence)
    sents = split_sentences(text)
    places = [_country(text, "Ethiopia", i, "ET") for i in (0, 1)]
    i = text.index("Belarus")
    places.append(Place(i, i + 7, "Belarus", "Belarus", "BY", precision=3, feature="country", sentence=3))
    (ev,) = _country_ctx(text, sents, places, country="ET").events
    assert ev["location"]["country"] == country


def _dated(text, published):
    from marsad.extract.dates import dates_stage

    ctx = Context(text=text, meta={"published": published, "outlet": "Example News"})
    ctx.sentences = split_sentences(text)
    dates_stage(ctx)
    triggers(ctx)
    events(ctx)
    return ctx.events


@pytest.mark.parametrize("text", [
    "Warplanes backed by Russia since September 2015 bombed a market in Ashara on Monday, killing 17.",
    "Air strikes by forces backed by Russia since September 2015 killed 17 people in Ashara on Monday.",
])
def test_the_start_of_a_span_does_not_date_the_event_told_beside_it(text):
    (ev,) = _dated(text, "2016-06-07")
    assert (ev["date"]["start"], ev["date"]["text"]) == ("2016-06-06", "on Monday")


def test_the_sentence_that_first_tells_the_toll_dates_the_event():
    from marsad.extract.dates import dates_stage
    from marsad.extract.figures import figures_stage

    # the strike's own word is misspelt where its toll is told; the event's word comes
    # next, beside a span's start and another happening's "last week"
    text = ("Observers said air stikes by Syrian and Russian forces killed at least 17 people in a "
            "market in Ashara on Monday. The regime, supported by Russia in aerial strikes across "
            "the country since September 2015, began attacking the group last week.")
    ctx = Context(text=text, meta={"published": "2016-06-07", "outlet": "Example News"})
    ctx.sentences = split_sentences(text)
    for stage in (dates_stage, figures_stage, triggers, events):
        stage(ctx)
    (ev,) = ctx.events
    assert (ev["date"]["start"], ev["fatalities"]["total"]["best"]) == ("2016-06-06", 17)


def test_a_date_told_with_the_events_word_dates_it_not_the_days_other_news():
    text = ("Union leader's murder: 27 charged. "
            "The agency on Thursday filed a charge sheet against 27 people in the 2012 murder case.")
    (ev,) = [e for e in _dated(text, "2019-09-20") if e["type"] == "violence_against_civilians"]
    assert (ev["date"]["start"], ev["date"]["end"], ev["date"]["text"]) == ("2012-01-01", "2012-12-31", "2012")


def test_an_event_told_only_with_a_past_date_gets_that_date_not_the_reports():
    text = ("Activist still detained, family says. Her family spoke to reporters. "
            "They asked for help. Diplomats raised the case. Nobody answered them. "
            "She was detained in May 2018 after campaigning.")
    (ev,) = _dated(text, "2019-09-23")
    assert ev["date"]["start"] == "2018-05-01" and ev["date"]["text"] == "in May 2018"
    # with nothing dated by the event's word, the report's date, said so
    (ev,) = _dated("Activist still detained, family says. The campaign began in May 2018.", "2019-09-23")
    assert ev["date"]["start"] == "2019-09-23" and "not stated" in ev["date"]["note"]



def test_a_weak_word_goes_on_telling_the_event_of_its_kind_the_sentence_before_told():
    text = ("A court sentenced two men for attempted murder in a hammer attack on a blogger. "
            "The pair assaulted the blogger on 26 February 2020 in his home.")
    evs = [e for e in _dated(text, "2021-01-11") if e["type"] == "violence_against_civilians"]
    assert [e["date"]["start"] for e in evs] == ["2020-02-26"]
    assert "assaulted" in {t["text"] for t in evs[0]["triggers"]}
    # alone, the weak word makes no event
    assert _dated("The pair assaulted the blogger on 26 February 2020 in his home.", "2021-01-11") == []


@pytest.mark.parametrize("text, told", [
    ('The commission said that Israel "tortures and abuses" female prisoners in Damon Prison.', True),
    ("Guards beat up the detainees in the prison yard, a former inmate said.", True),
    ("He said he was tortured while being held by the intelligence service.", True),
    ("The guards threatened the prisoners, a former inmate said.", False),   # no bodily harm
    ("The minister said he was tortured by doubts over the bill.", False),   # nobody held
])
def test_a_word_of_bodily_harm_done_to_people_in_custody_is_an_act(text, told):
    evs = [e for e in _dated(text, "2021-07-30") if e["type"] == "violence_against_civilians"]
    assert bool(evs) is told


def test_a_past_date_in_the_events_clause_dates_it_when_nothing_recent_does():
    text = ("Court acquits men over journalist's abduction. "
            "He was abducted and beheaded while investigating a story in 2002.")
    evs = _dated(text, "2021-01-30")
    assert evs and evs[0]["date"]["start"] == "2002-01-01" and evs[0]["date"]["text"] == "in 2002"


def test_the_arrest_of_suspects_yields_the_main_place_to_their_act():
    story = ("Police arrested three {who}, their lawyer said. They were arrested at dawn. "
             "Their families were not told. Rights groups condemned the arrests. "
             "The journalist was shot dead outside his home in 2018.")
    evs = _dated(story.format(who="suspects over the killing of a journalist"), "2020-10-27")
    assert [(e["type"], e["sub_type"]) for e in evs] == [
        ("violence_against_civilians", "attack"), ("strategic_developments", "arrests")]
    assert evs[0]["date"]["text"] == "in 2018"
    # an activist's arrest is the report's event, whatever else it tells
    evs = _dated(story.format(who="activists over a post on social media"), "2020-10-27")
    assert evs[0]["sub_type"] == "arrests"
    # the men convicted of, or found guilty in, the act are its suspects too
    for who in ("men convicted of the murder of a journalist", "men found guilty in the killing"):
        evs = _dated(story.format(who=who), "2020-10-27")
        assert evs[0]["sub_type"] == "attack", who


@pytest.mark.parametrize("text, places, country, field, expected", [
    pytest.param("Click to expand Image\n(Tunis, December 28, 2019) - Police in Morocco shot dead "
                 "a protester, Human Rights Watch said today.",
                 [("Tunis", 1, "TN", "TN-11"), ("Morocco", 1, "MA")], "MA", "country", {"MA"},
                 id="a press release's dateline is where it was written"),
    pytest.param("Related: Army repels attack. DAMASCUS (Sputnik) Shelling killed 51 people in "
                 "Salamiyeh, a source told Sputnik. Damascus-backed fighters shelled the town of Kafr Nabl.",
                 [("DAMASCUS", 1, "SY", "SY-DI"), ("Salamiyeh", 1, "SY", "SY-HM"), ("Damascus", 2, "SY", "SY-DI")],
                 "SY", "admin1_iso", {"SY-HM"},
                 id="an agency dateline, and a place qualifying someone, place nothing"),
    pytest.param("Caption: rebels near the border. By A Reporter. ISTANBUL/ANKARA (Reuters) - Turkish "
                 "shelling killed 11 civilians in Syria near Tal Abyad, the monitor said.",
                 [("ISTANBUL", 2, "TR", "TR-34"), ("ANKARA", 2, "TR", "TR-06"), ("Syria", 2, "SY"),
                  ("Tal Abyad", 2, "SY", "SY-RA")], "TR", "country", {"SY"},
                 id="a dateline of two cities places nothing"),
    pytest.param("Idlib, (SMART) - A woman was killed by a Russian airstrike on the village of Ihsim.",
                 [("Idlib", 0, "SY", "SY-ID"), ("Ihsim", 0, "SY", "SY-ID")], "SY", "name", {"Ihsim"},
                 id="a dateline city, a comma and the agency is where the report was filed"),
    pytest.param("Washington: The minister discussed the journalist's murder. "
                 "He was abducted and murdered in Karachi in 2002.",
                 [("Washington", 0, "US", "US-DC"), ("Karachi", 1, "PK", "PK-SD")], "US", "country", {"PK"},
                 id="a city opening the report before a colon is where it was filed"),
    pytest.param("Lindhout, raised in Red Deer, and a photographer born in Sydney were snatched "
                 "by armed men near Mogadishu.",
                 [("Red Deer", 0, "CA", "CA-AB"), ("Sydney", 0, "AU", "AU-NSW"), ("Mogadishu", 0, "SO", "SO-BN")],
                 "CA", "name", {"Mogadishu"},
                 id="where someone was raised or born places nothing"),
    pytest.param("A health worker who helped the Lumad set up health centers in Kisumu was arrested by police "
                 "in Nairobi.",
                 [("Kisumu", 0, "KE", "KE-17"), ("Nairobi", 0, "KE", "KE-30")], "KE", "name", {"Nairobi"},
                 id="where someone worked, told in a clause before what befell them, places nothing"),
    pytest.param("A health worker who was detained in Kisumu was released.",
                 [("Kisumu", 0, "KE", "KE-17")], "KE", "name", {"Kisumu"},
                 id="... but where what befell them did"),
    pytest.param("Militias loyal to Damascus shelled the village of Kafr Nabudah, killing 12.",
                 [("Damascus", 0, "SY", "SY-DI"), ("Kafr Nabudah", 0, "SY", "SY-HM")],
                 "SY", "admin1_iso", {"SY-HM"},
                 id="a capital named for its government places nothing"),
    pytest.param("Mueller, an aid worker from Prescott, was kidnapped in Syria. "
                 "Kassig was a former Army Ranger from Indianapolis who was kidnapped in Syria too.",
                 [("Prescott", 0, "US", "US-AZ"), ("Syria", 0, "SY"), ("Indianapolis", 1, "US", "US-IN"),
                  ("Syria", 1, "SY")],
                 "US", "country", {"SY"},
                 id="where someone is from places nothing"),
    pytest.param("A Madras missionary was held hostage in Haiti for two months.",
                 [("Madras", 0, "IN", "IN-TN"), ("Haiti", 0, "HT")], "IN", "country", {"HT"},
                 id="the place an event's word names is where it happened"),
    pytest.param("Her kidnapping was heard again in Canada. She was kidnapped near Mogadishu in 2008.",
                 [("Canada", 0, "CA"), ("Mogadishu", 1, "SO", "SO-BN")], "CA", "name", {"Mogadishu"},
                 id="... also later in the event, before the report's country"),
    pytest.param("A man convicted in the kidnapping of a journalist dropped his appeals. "
                 "Prosecutors of Canada said the case is now complete. "
                 "He took part in the 2008 kidnapping of the journalist near Mogadishu.",
                 [("Canada", 1, "CA"), ("Mogadishu", 2, "SO", "SO-BN")], "CA", "name", {"Mogadishu"},
                 id="a country named in the lead but not in the event's own words keeps nothing"),
    pytest.param("Women took to the streets to protest Afghanistan's new government of "
                 "ex-Guantanamo detainees. Protests went on in Kabul.",
                 [("Afghanistan", 0, "AF"), ("Guantanamo", 0, "CU", "CU-14")], "AF", "country", {"AF"},
                 id="a place abroad naming whose detainees these are places nothing"),
    pytest.param("ANKARA (Reuters) - Turkey shelled Kurdish militia in northeast Syria if Russia "
                 "failed to act, Turkish officials said. Ankara has long accused its "
                 "allies. Erdogan spoke in Istanbul.",
                 [("ANKARA", 0, "TR", "TR-06"), ("Turkey", 0, "TR"), ("Syria", 0, "SY"), ("Russia", 0, "RU"),
                  ("Istanbul", 2, "TR", "TR-34")], "TR", "country", {"SY"},
                 id="a compass word before another country's name points where the event is"),
])
def test_where_an_event_happened(text, places, country, field, expected):
    """``places``: (phrase, sentence, country code[, ISO 3166-2 code of a town])."""
    made = [_city(text, p[0], p[1], p[0].title(), p[2], p[3]) if len(p) == 4 else _country(text, *p)
            for p in places]
    ctx = _country_ctx(text, split_sentences(text), made, country)
    assert ctx.events and {e["location"][field] for e in ctx.events} == expected


def test_an_event_told_without_a_date_takes_the_date_the_sentence_before_carries():
    text = ("Ex-commander on trial in Paris. He is on trial for fraud. "
            "Troops under his command put down an uprising in the city of Hama in 1982, "
            "and he has been under investigation since 2014. "
            "An estimated 20,000 people were killed in the massacre in Hama.")
    (ev,) = [e for e in _dated(text, "2019-12-18") if e["type"] == "violence_against_civilians"]
    # the story's date, not the span of the investigation ("since 2014") nor the report's
    assert (ev["date"]["start"], ev["date"]["text"]) == ("1982-01-01", "in 1982")
    # a date two sentences back carries nothing over: the report's date, said so
    (ev,) = [e for e in _dated(text.replace("2014. ", "2014. Nobody was charged. "), "2019-12-18")
             if e["type"] == "violence_against_civilians"]
    assert ev["date"]["start"] == "2019-12-18" and "not stated" in ev["date"]["note"]


def test_a_happening_told_with_a_year_of_its_own_is_another_event():
    text = ("Gunmen took the passengers of the flight hostage in June 1985. "
            "One of them was also wanted over a 1987 kidnapping of two Germans.")
    evs = [e for e in _dated(text, "2019-09-21")
           if e["sub_type"] == "abduction_forced_disappearance"]
    # "a 1987 kidnapping" stays apart from the 1985 hostage-taking, each with its year
    assert sorted(e["date"]["start"][:4] for e in evs) == ["1985", "1987"]
    # hostage-taking is a kidnapping word too
    (ev,) = _dated("The 2008 hostage-taking of a journalist ended after 15 months.", "2019-09-18")
    assert (ev["sub_type"], ev["date"]["start"]) == ("abduction_forced_disappearance", "2008-01-01")


def test_a_span_that_began_weeks_ago_does_not_date_the_days_event():
    text = ("Warplanes bombed a refugee camp in Idlib province, killing five women. "
            "Bombs and missiles struck the camp near the village. "
            "Last month the United Nations said in a long report to the Security Council in New "
            "York that the warplanes were hitting camps.")
    (ev,) = _dated(text, "2016-10-02")
    assert ev["date"]["start"] == "2016-10-02" and "not stated" in ev["date"]["note"]
    # a span of the last days is the event's ("this week")
    (ev,) = _dated(text.replace("Last month", "This week"), "2016-10-05")
    assert ev["date"]["text"] == "This week"


def test_a_dateline_line_does_not_push_the_first_sentence_out_of_the_lead():
    text = ("29.10.2017 (updated 17:31 29.10.2017)\nMOSCOW (Sputnik)\n"
            "More than 30 Nusra Front militants were killed in clashes with the army near Hama.\n"
            "The troops took the villages following the clashes, the statement added.\n"
            "In a separate operation, troops freed 19 civilians abducted by Daesh terrorists.\n"
            "The civilians were kidnapped on October 11 during a terrorist attack on a bus.")
    evs = _dated(text, "2017-10-29")
    assert [e["sub_type"] for e in evs][0] == "armed_clash"
    # told with no date of its own, the clash is the report's, not the kidnapping's
    assert evs[0]["date"]["start"] == "2017-10-29"


def test_a_long_span_told_away_from_the_events_word_is_what_something_else_lasts():
    text = ("Regime air strikes killed eight civilians in Douma on Sunday. "
             "The conflict began when the Baath regime in power since 1963 responded with military "
             "force to peaceful protests demanding reforms.")
    (protest,) = [e for e in _dated(text, "2017-11-27") if e["type"] == "protests"]
    assert protest["date"]["start"] != "1963-01-01" and protest["date"]["text"] != "since 1963"
    # a span by the event's own word is its date, however long ago it began
    text = "Journalist still held, family says. He has been detained since 2016 without trial."
    (ev,) = _dated(text, "2020-05-20")
    assert (ev["date"]["start"], ev["date"]["text"]) == ("2016-01-01", "since 2016")
    # and a span of the last days is told anywhere in the event's first sentence
    text = "Since Thursday, warplanes and artillery have pounded the town of Douma, killing 40."
    (ev,) = _dated(text, "2017-11-20")
    assert (ev["date"]["start"], ev["date"]["end"]) == ("2017-11-16", "2017-11-20")


def test_a_date_that_starts_a_span_does_not_date_the_days_strikes():
    text = ("Air strikes killed 70 militants in two days near Qamishli. "
            "Warehouses were destroyed. Officials spoke. "
            "Warplanes have been bombing militant positions since an uprising began in 2011.")
    (ev,) = _dated(text, "2014-12-26")
    assert ev["date"]["start"] == "2014-12-26" and "not stated" in ev["date"]["note"]
    # the event's own word between "since" and the year: the year dates it
    text = ("Activist still detained, family says. Her family spoke to reporters. "
            "They asked for help. Diplomats raised the case. Nobody answered them. "
            "She has spent two years in prison since her arrest in 2019.")
    (ev,) = _dated(text, "2021-12-04")
    assert ev["date"]["start"] == "2019-01-01"


def test_the_event_the_headline_tells_leads_its_towns_shares():
    text = ("Air strikes kill 42 including 16 children in Idlib province. "
            "The air raids killed 19 people outside Saraqeb and 23 people in Ehsim. "
            "Rescuers said the air strikes on Ehsim hit homes. "
            "The monitor said air strikes on Ehsim continued.")
    sents = split_sentences(text)
    idlib = Place(text.index("Idlib province"), text.index("Idlib province") + 14, "Idlib province",
                  "Idlib", "SY", "Idlib", "SY-ID", None, 35.9, 36.6, 3, "admin1", None, 1.0, 0)
    places = [idlib]
    for name in ("Saraqeb", "Ehsim"):
        for i in [j for j in range(len(text)) if text.startswith(name, j)]:
            places.append(Place(i, i + len(name), name, name, "SY", "Idlib", "SY-ID", None, 35.8, 36.7,
                                1, "city", None, 1.0, next(k for k, (a, b) in enumerate(sents) if a <= i < b)))
    ctx = _ctx(text, sents, places=places)
    triggers(ctx)
    events(ctx)
    assert ctx.events[0]["location"]["name"] == "Idlib"


def test_a_main_event_without_a_town_is_not_placed_at_the_dateline():
    text = "BEIRUT (Reuters) - Air strikes killed 20 people in Lebanon on Monday, officials said."
    places = [_city(text, "BEIRUT", 0, "Beirut", "LB", "LB-BA"), _country(text, "Lebanon", 0, "LB")]
    (ev,) = _country_ctx(text, split_sentences(text), places, "LB").events
    assert (ev["location"]["name"], ev["location"]["admin1_iso"]) == ("Lebanon", None)


@pytest.mark.parametrize("text, expected", [
    pytest.param("Jailed activist Loujain al-Hathloul appeared before a court on Thursday. "
                 "Hathloul was arrested in May 2018 with other women activists.",
                 ("2018-05-01", "in May 2018"), id="an attributive participle names a state"),
    pytest.param("Vigils are held this weekend to mark the anniversary of Julian Assange being "
                 "detained in prison. He was arrested by police on April 11 2019.",
                 ("2019-04-11", "April 11 2019"), id="an anniversary recalls its event"),
])
def test_a_sentence_that_only_names_the_event_does_not_date_it(text, expected):
    ev = next(e for e in _dated(text, "2020-12-10") if e["sub_type"] == "arrests")
    assert (ev["date"]["start"], ev["date"]["text"]) == expected
    # told as a happening, that sentence's date is the event's
    told = text.replace("Jailed activist", "Police detained activist").replace(
        "mark the anniversary of Julian Assange being detained", "protest as Julian Assange is detained")
    ev = next(e for e in _dated(told, "2020-12-10") if e["sub_type"] == "arrests")
    assert ev["date"]["start"] != expected[0]


def test_a_trial_or_sentence_yields_the_main_place_to_the_crime_it_names():
    text = ("A man found guilty in the kidnapping of a journalist has abandoned his appeals. "
            "A judge sentenced him in June 2018 to 15 years in prison. "
            "He took part in the 2008 hostage-taking of the journalist, who was working in Somalia.")
    evs = _dated(text, "2019-09-18")
    assert (evs[0]["sub_type"], evs[0]["date"]["start"]) == ("abduction_forced_disappearance", "2008-01-01")
    # a crime named only as a charge is not dated by the day of the charging
    text = ("She was charged with kidnapping after police detained her last month. "
            "Officers detained her at the airport.")
    ev = next(e for e in _dated(text, "2019-12-26") if e["sub_type"] == "abduction_forced_disappearance")
    assert ev["date"]["text"] != "last month"


@pytest.mark.parametrize("text, person, home, scene", [
    ("Police arrested Antwain Fisher, 35, of Montgomery in Auburn.", "Antwain Fisher", "Montgomery", "Auburn"),
    ("Bishop Matthew Kukah of Sokoto said the seminarian was murdered in Kaduna.",
     "Matthew Kukah", "Sokoto", "Kaduna"),
])
def test_where_someone_is_of_places_nothing(text, person, home, scene):
    made = [_city(text, home, 0, home, "US", "US-AL"), _city(text, scene, 0, scene, "US", "US-AL")]
    ctx = _ctx(text, split_sentences(text), places=made)
    ctx.country_context = "US"
    s = text.index(person)
    ctx.entities = [(s, s + len(person), "PERSON")]
    events(ctx)
    assert ctx.events and {e["location"]["name"] for e in ctx.events} == {scene}


def test_of_after_anything_but_a_persons_name_still_places():
    text = "Police arrested the mayor of Montgomery in a raid."
    made = [_city(text, "Montgomery", 0, "Montgomery", "US", "US-AL")]
    ctx = _ctx(text, split_sentences(text), places=made)
    ctx.country_context = "US"
    s = text.index("Police")
    ctx.entities = [(s, s + 6, "ORG")]
    events(ctx)
    assert {e["location"]["name"] for e in ctx.events} == {"Montgomery"}


def test_where_a_court_sits_is_not_where_the_act_it_tries_happened():
    text = ("A federal court in Alexandria, Virginia, heard how the journalist was shot dead. "
            "He was shot near Raqqa.")
    made = [_city(text, "Alexandria", 0, "Alexandria", "US", "US-VA"),
            Place(*_span(text, "Virginia", 0), "Virginia", "US", "Virginia", "US-VA", precision=3,
                  feature="admin1", sentence=0),
            _city(text, "Raqqa", 1, "Raqqa", "SY", "SY-RA")]
    ctx = _country_ctx(text, split_sentences(text), made, "US")
    attack = [e for e in ctx.events if e["sub_type"] == "attack"]
    assert attack and {e["location"]["country"] for e in attack} == {"SY"}
    # nor where a court or prosecutors named after it sit
    text = "A Karachi anti-terrorism court sentenced two men for the murder of the reporter in Hyderabad."
    made = [_city(text, "Karachi", 0, "Karachi", "PK", "PK-SD"),
            _city(text, "Hyderabad", 0, "Hyderabad", "PK", "PK-SD")]
    (ev,) = [e for e in _country_ctx(text, split_sentences(text), made, "PK").events
             if e["type"] != "strategic_developments"]
    assert ev["location"]["name"] == "Hyderabad"
    # nor where a verdict was given
    text = "The verdict in Riyadh on the murder of the journalist in Istanbul angered his fiancee."
    made = [_city(text, "Riyadh", 0, "Riyadh", "SA", "SA-01"),
            _city(text, "Istanbul", 0, "Istanbul", "TR", "TR-34")]
    (ev,) = _country_ctx(text, split_sentences(text), made, "SA").events
    assert ev["location"]["name"] == "Istanbul"
    # but an act outside a court happened there
    text = "Gunmen shot dead a lawyer outside a court in Almaty on Tuesday."
    made = [_city(text, "Almaty", 0, "Almaty", "KZ", "KZ-75")]
    (ev,) = _country_ctx(text, split_sentences(text), made, "KZ").events
    assert ev["location"]["name"] == "Almaty"


def test_strikes_by_an_air_force_state_are_air_strikes():
    text = "US-led strikes on the northern province of Raqqa killed more than 20 jihadists."
    s = text.index("Raqqa")
    raqqa = Place(s, s + 5, "Raqqa", "Raqqa", "SY", "Raqqa", "SY-RA", precision=1, feature="city", sentence=0)
    ctx = _ctx(text, split_sentences(text), places=[raqqa])
    events(ctx)
    assert [(e["type"], e["sub_type"]) for e in ctx.events] == [("explosions_remote_violence", "air_drone_strike")]
    # the coalition's strikes, also with the apostrophe stripped upstream
    for told in ("The coalition's strikes killed 10 civilians.", "US-led coalitions strikes killed 10 civilians."):
        assert [e["sub_type"] for e in _told(told)] == ["air_drone_strike"], told
    # a workers' strike is no air strike
    ctx = _ctx("Teachers' strikes closed schools in Raqqa.", [(0, 41)])
    events(ctx)
    assert ctx.events == []


def _told(text):
    """The events of a one-paragraph text with no places, figures or actors given."""
    ctx = _ctx(text, split_sentences(text))
    events(ctx)
    return ctx.events


def test_a_tunnel_bomb_is_a_remote_explosive_whatever_follows():
    text = "A rebel tunnel blast killed 38 soldiers in Aleppo. Heavy bombardment followed."
    assert _told(text)[0]["sub_type"] == "remote_explosive_landmine_ied"


def test_a_massacre_told_with_its_weapon_is_that_weapons_event():
    # ACLED codes civilians killed by an air strike as an air strike; "massacre" says how
    # many and whom, not how
    text = "Russian warplanes committed a massacre in Aleppo, killing 35 civilians."
    assert [e["sub_type"] for e in _told(text)] == ["air_drone_strike"]
    # told alone, with its toll, it is an attack on civilians
    text = "Gunmen massacred 20 villagers in Aleppo."
    assert [(e["type"], e["sub_type"]) for e in _told(text)] == [("violence_against_civilians", "attack")]


@pytest.mark.parametrize("text", [
    "France said the government was behind a chemical massacre near Damascus.",
    "State media accused rebels of using chemical arms against troops in Jobar.",
])
def test_chemical_arms_and_a_chemical_massacre_are_chemical_weapons(text):
    assert [e["sub_type"] for e in _told(text)] == ["chemical_weapon"]


def test_a_planned_protest_is_no_protest_yet_but_a_well_planned_attack_is_an_attack():
    text = "Police arrested 20 activists in the run-up to planned nationwide protests."
    assert [e["sub_type"] for e in _told(text)] == ["arrests"]
    text = "A well-planned ambush by gunmen killed 20 soldiers near Gao."
    assert [e["type"] for e in _told(text)] == ["battles"]
    # strikes a city anticipates have not happened
    text = "Residents of Damascus tried to anticipate where American missiles might strike."
    assert _told(text) == []


@pytest.mark.parametrize("text, expected", [
    # what a condition supposes has not happened; what is unclear about did
    ("If the regime bombed the hospital in Homs, it was a war crime.", []),
    ("The truce holds only if the army stops the air strikes on rebel areas.", []),
    ("It is unclear if the regime bombed the hospital in Homs.", ["shelling_artillery_missile_attack"]),
    ("It is not known if the regime bombed the hospital in Homs.", ["shelling_artillery_missile_attack"]),
])
def test_a_condition_makes_violence_hypothetical(text, expected):
    assert [e["sub_type"] for e in _told(text) if e["type"] != "strategic_developments"] == expected


@pytest.mark.parametrize("text, expected", [
    # a warrant is executed, passports are confiscated, an inbox is bombarded
    ("Police executed five search warrants in Toronto and recovered the cash.", []),
    ("Islamic State militants executed five men in Raqqa.", ["attack"]),
    ("Employers confiscated the passports of migrant workers in Doha.", []),
    ("Police confiscated a large quantity of weapons and ammunition in Homs.", ["disrupted_weapons_use"]),
    ("He bombarded Sir Keir Starmer and Emily Thornberry with hundreds of emails.", []),
    ("Regime forces bombarded Douma with rockets, killing 12.", ["shelling_artillery_missile_attack"]),
    ("The technique has seen a real explosion of applications in labs.", []),
    ("An explosion of a car bomb killed five people in Azaz.", ["remote_explosive_landmine_ied"]),
    # a law is executed, a war of independence is a name
    ("The execution of the Digital Security Act worries editors in Dhaka.", []),
    ("Lawyers criticised the execution of the new counter-terrorism law.", []),
    ("The execution of the death sentence against three men was carried out in Riyadh.", ["attack"]),
    ("Rights groups condemned the executions of five prisoners under the anti-terror law.", ["attack"]),
    ("Propaganda against the Liberation War or the Liberation Tigers is a crime.", []),
    ("The army announced the liberation of Palmyra from Islamic State fighters.",
     ["government_regains_territory"]),
    # one man's gesture, a government's note, a defendant's plea are no protest
    ("In protest, he attempted to slit his wrists in front of an investigator.", []),
    ("The minister resigned in protest at the ruling.", []),
    ("China lodged a formal protest with the embassy in Beijing.", []),
    ("He protested his innocence throughout the trial in Minsk.", []),
    ("In protest, thousands of people took to the streets of Minsk.", ["peaceful_protest"]),
    ("Thousands joined the protest in Minsk.", ["peaceful_protest"]),
])
def test_words_of_violence_used_for_something_else_tell_no_event(text, expected):
    assert [e["sub_type"] for e in _told(text)] == expected


@pytest.mark.parametrize("text", [
    "The SSS invasion of a court and the re-arrest of Omoyele Sowore angered lawyers.",
    "Police rearrested the activist in Abuja on Friday.",
    "The blogger was re-detained after his release.",
])
def test_a_second_arrest_is_an_arrest(text):
    assert "arrests" in [e["sub_type"] for e in _told(text)]


def test_a_sentence_opened_by_an_earlier_date_tells_an_earlier_happening():
    text = ("Shelling killed a woman and a child in the centre of Damascus. "
            "In March shelling near the Bab al-Saghir cemetery in Damascus killed 40 people.")
    evs = _dated(text, "2017-04-16")
    # the report's shelling (undated: the report's day) and March's, not one event of March
    assert [e["date"]["start"] for e in evs] == ["2017-04-16", "2017-03-01"]
    assert {e["sub_type"] for e in evs} == {"shelling_artillery_missile_attack"}


def test_a_claim_of_responsibility_names_the_perpetrator_of_the_attack_before_it():
    text = ("A twin bombing struck a crowd in Qamishli on Wednesday, killing 44 people. "
            "The Daesh group claimed responsibility for the attack.")
    sents = split_sentences(text)
    claimant = ActorMention(*_span(text, "Daesh group", 1), "Islamic State", "jihadist_group", sentence=1,
                            role_hint="perpetrator")
    toll = Figure(*_span(text, "killing 44 people", 0), low=44, best=44, high=44, outcome="killed",
                  group="total", sentence=0)
    ctx = _ctx(text, sents, actors=[claimant], figures=[toll])
    events(ctx)
    bombing = next(e for e in ctx.events if e["sub_type"] == "remote_explosive_landmine_ied")
    assert {"role": "perpetrator", "name": "Islamic State", "category": "jihadist_group",
            "text": "Daesh group"} in bombing["actors"]
    assert [sents[1][0], sents[1][1]] in bombing["sentences"]   # the claim is the evidence


def test_a_claim_of_responsibility_with_no_attack_before_it_names_no_perpetrator():
    text = ("The Daesh group claimed responsibility for the attack. "
            "A twin bombing struck a crowd in Qamishli on Wednesday, killing 44 people.")
    claimant = ActorMention(*_span(text, "Daesh group", 0), "Islamic State", "jihadist_group", sentence=0,
                            role_hint="perpetrator")
    toll = Figure(*_span(text, "killing 44 people", 1), low=44, best=44, high=44, outcome="killed",
                  group="total", sentence=1)
    ctx = _ctx(text, split_sentences(text), actors=[claimant], figures=[toll])
    events(ctx)
    assert [e["actors"] for e in ctx.events] == [[]]


def _strike_with_doer_unknown(cue: str, between: str = "", claim: str = ""):
    from types import SimpleNamespace

    from marsad.extract.actors import load_actor_dictionary

    text = ("Russian warplanes struck a market in Idlib on Saturday, killing 24 people. "
            + between + cue + claim)
    sents = split_sentences(text)
    pilots = ActorMention(*_span(text, "Russian warplanes", 0), "Russian forces", "foreign_forces",
                          sentence=0, role_hint="perpetrator")
    toll = Figure(*_span(text, "killing 24 people", 0), low=24, best=24, high=24, outcome="killed",
                  group="total", sentence=0)
    actors = [pilots]
    if claim:
        k = len(sents) - 1
        actors.append(ActorMention(*_span(text, "The Daesh group", k), "Islamic State", "jihadist_group",
                                   sentence=k, role_hint="perpetrator"))
    ctx = _ctx(text, sents, actors=actors, figures=[toll])
    ctx.resources = SimpleNamespace(actors=load_actor_dictionary())
    events(ctx)
    (strike,) = [e for e in ctx.events if e["sub_type"] == "air_drone_strike"]
    return {(a["role"], a["name"]): a["text"] for a in strike["actors"]}


@pytest.mark.parametrize("cue, said", [
    ("It was not immediately clear who carried out the raids.", "not immediately clear who carried out"),
    ("It was unclear who was behind the attack.", "unclear who was behind"),
    ("No group has claimed responsibility for the attack.", "No group has claimed responsibility"),
    ("There was no immediate claim of responsibility.", "no immediate claim of responsibility"),
])
def test_a_report_that_says_nobody_knows_the_doer_codes_an_unidentified_perpetrator(cue, said):
    actors = _strike_with_doer_unknown(cue)
    # the dictionary's unidentified armed group, told by the very words; whoever was taken
    # for the perpetrator only takes part
    assert actors == {("perpetrator", "Unidentified armed group"): said,
                      ("participant", "Russian forces"): "Russian warplanes"}


def test_nobody_knowing_the_doer_is_said_of_the_attack_just_told_and_yields_to_a_claim():
    assert _strike_with_doer_unknown("") == {("perpetrator", "Russian forces"): "Russian warplanes"}
    # a sentence about something else is no cue ("who was in the vehicle")
    assert _strike_with_doer_unknown("It was not clear who was in the car.") == \
        {("perpetrator", "Russian forces"): "Russian warplanes"}
    # three sentences later, it is said of nothing told just before
    far = "Rescuers searched the rubble. Shops stayed closed. Families left the town. "
    # and said paragraphs later of strikes told on, it does not undo the doer the report
    # named where it first told them
    on = "The strikes hit a bakery. The raids went on. Air strikes also hit a school. "
    assert _strike_with_doer_unknown("It was not immediately clear who carried out the strikes.",
                                     between=on) == {("perpetrator", "Russian forces"): "Russian warplanes"}
    assert ("perpetrator", "Russian forces") in _strike_with_doer_unknown(
        "No group has claimed responsibility for it.", between=far)
    # a claim of responsibility told for the attack outweighs it
    actors = _strike_with_doer_unknown("It was not immediately clear who carried out the raids. ",
                                       claim="The Daesh group claimed responsibility for the attack.")
    assert ("perpetrator", "Unidentified armed group") not in actors and ("perpetrator", "Islamic State") in actors


@pytest.mark.parametrize("sentences, kept, dropped", [
    # the lead's civilians, then "seven others" killed elsewhere: the smaller total gives way
    ((("Air raids killed 18 civilians in Aleppo.", "killed 18 civilians", "civilians", 18, False),
      ("Seven others were killed in the strikes.", "Seven others were killed", "total", 7, False)),
     {"civilians": 18}, "total"),
    # the lead's total, then a month's civilian toll: the later count gives way
    ((("At least seven people died in rebel shelling of Aleppo.", "seven people died", "total", 7, False),
      ("Shelling has killed 132 civilians this month.", "killed 132 civilians", "civilians", 132, False)),
     {"total": 7}, "civilians"),
    # "dozens" is a vague count: 45 civilians do not contradict it
    ((("Air strikes on Aleppo killed dozens.", "killed dozens", "total", 12, True),
      ("The strikes killed 45 civilians.", "killed 45 civilians", "civilians", 45, False)),
     {"total": 12, "civilians": 45}, None),
    # a civilian count told after a larger count of children counts some of them
    ((("Air strikes killed seven children in Haas.", "killed seven children", "children", 7, False),
      ("The strikes also killed at least one teacher.", "killed at least one teacher", "civilians", 1, False)),
     {"children": 7, "civilians": 7}, "civilians"),   # the children are the civilians counted (derived)
    # ... but children told after the civilians are not always civilians: both stay
    ((("Shelling killed three civilians in Douma.", "killed three civilians", "civilians", 3, False),
      ("In all 14 children were killed.", "14 children were killed", "children", 14, False)),
     {"civilians": 3, "children": 14}, None),
])
def test_a_part_larger_than_the_total_is_not_the_same_count(sentences, kept, dropped):
    text = " ".join(s[0] for s in sentences)
    sents, figs, at = [], [], 0
    for n, (sentence, phrase, group, best, vague) in enumerate(sentences):
        sents.append((at, at + len(sentence)))
        s = text.index(phrase, at)
        figs.append(Figure(s, s + len(phrase), phrase, low=best, best=best, high=best, outcome="killed",
                           group=group, sentence=n, vague=vague))
        at += len(sentence) + 1
    ctx = _ctx(text, sents, figures=figs)
    events(ctx)
    (ev,) = ctx.events
    assert {g: r["best"] for g, r in ev["fatalities"].items()} == kept
    gone = [f for f in ev.get("flags", []) if f["flag"] == "inconsistent"]
    if dropped:   # the figure left out is kept, flagged, with its span
        (flag,) = gone
        assert text[flag["start"]:flag["end"]] == flag["text"]
        assert flag["text"] == next(s[1] for s in sentences if s[2] == dropped)
    else:
        assert gone == []


def test_a_figure_left_out_of_the_event_is_flagged_in_its_claim_too():
    # reconciliation reads claims' figures: the one the event left out must not count there
    text = "Air raids killed 18 civilians in Aleppo, and seven others were killed in the strikes."
    civ = Figure(*_span(text, "killed 18 civilians", 0), low=18, best=18, high=18, outcome="killed",
                 group="civilians", sentence=0)
    tot = Figure(*_span(text, "seven others were killed", 0), low=7, best=7, high=7, outcome="killed",
                 group="total", sentence=0)
    ctx = _ctx(text, [(0, len(text))], figures=[civ, tot])
    events(ctx)
    (ev,) = ctx.events
    assert ev["fatalities"]["civilians"]["best"] == 18 and "total" not in ev["fatalities"]
    rows = {f["text"]: f.get("flag") for c in ev["claims"] for f in c.get("figures", [])}
    assert rows == {"killed 18 civilians": None, "seven others were killed": "inconsistent"}


def test_a_capital_in_a_governments_dealings_places_nothing():
    text = "He was detained for two weeks and released after a diplomatic contest with London."
    ctx = _country_ctx(text, split_sentences(text), [_city(text, "London", 0, "London", "GB", "GB-ENG")], "CN")
    assert ctx.events and [e["location"] for e in ctx.events] == [None]


def test_a_part_within_reach_of_an_open_ended_total_is_part_of_it():
    # "more than 500" and then "523 civilians" agree (the seed report); "at least seven"
    # and then 132 civilians do not
    for total, part, kept in ((500, 523, {"total", "civilians"}), (7, 132, {"total"})):
        text = (f"More than {total} people have been slaughtered in Latakia. "
                f"Monitors counted {part} civilians killed.")
        sents = split_sentences(text)
        tot = Figure(*_span(text, f"More than {total} people have been slaughtered", 0), low=total, best=total,
                     high=None, outcome="killed", group="total", sentence=0)
        civ = Figure(*_span(text, f"{part} civilians killed", 1), low=part, best=part, high=part,
                     outcome="killed", group="civilians", sentence=1)
        ctx = _ctx(text, sents, figures=[tot, civ])
        events(ctx)
        assert set(ctx.events[0]["fatalities"]) == kept, (total, part)


def _told_with_actors(text, country=None):
    """The events of a one-paragraph text with its actors found by the shipped dictionary."""
    from marsad.extract.actors import find_actors, load_actor_dictionary

    ctx = _ctx(text, split_sentences(text))
    ctx.country_context = country
    ctx.actors = find_actors(ctx, load_actor_dictionary(None))
    events(ctx)
    return [(e["type"], e["sub_type"]) for e in ctx.events]


@pytest.mark.parametrize("text, expected", [
    # demonstrators fighting the police: a violent demonstration, not a battle, and not a
    # peaceful protest as well
    ("Demonstrators clashed with police in the capital on Friday.", [("riots", "violent_demonstration")]),
    ("Riot police clashed with protesters near the square.", [("riots", "violent_demonstration")]),
    # two armed parties fight a battle, whoever else is named
    ("Police clashed with gunmen in the capital on Friday.", [("battles", "armed_clash")]),
])
def test_a_clash_of_demonstrators_with_the_police_is_a_violent_demonstration(text, expected):
    assert _told_with_actors(text) == expected


def test_a_clash_of_two_armed_parties_stays_a_battle_beside_demonstrators():
    found = _told_with_actors("Rebels clashed with government forces near the square where protesters gathered.")
    assert ("battles", "armed_clash") in found and ("riots", "violent_demonstration") not in found


def test_a_place_near_another_locates_it_and_opens_no_event_of_its_own():
    # "the Hmeimim airbase near Jableh": one strike, at the base; not one per place
    text = "Drones attacked the Hmeimim airbase near Jableh on Sunday."
    base = Place(*_span(text, "Hmeimim airbase", 0), "Hmeimim Air Base", "SY", "Latakia", "SY-LA",
                 precision=1, feature="place", sentence=0)
    near = Place(*_span(text, "near Jableh", 0), "Jablah", "SY", "Latakia", "SY-LA", precision=2,
                 feature="city", sentence=0)
    ctx = _ctx(text, split_sentences(text), places=[base, near])
    events(ctx)
    assert [e["location"]["name"] for e in ctx.events] == ["Hmeimim Air Base"]


@pytest.mark.parametrize("text, city", [
    ("Air strikes hit a market, killing 12 people. Moscow has denied any role in the air strikes.", "Moscow"),
    ("Air strikes hit a market, killing 12 people, after Moscow and Damascus had rejected a truce.", "Damascus"),
    ("Air strikes hit a market, killing 12 people. Ankara views the strikes as a provocation.", "Ankara"),
    ("Air strikes hit a market, killing 12 people, years after Moscow intervened in the war.", "Moscow"),
    # ... or is accused, blamed, urged
    ("Air strikes hit a market, killing 12 people, the group said, accusing Ankara of violating the truce.",
     "Ankara"),
    ("Air strikes hit a market, killing 12 people. The minister called on Washington to weigh in.",
     "Washington"),
])
def test_a_city_that_stands_for_its_government_is_not_where_the_event_was(text, city):
    s, e, t = _span(text, city, 0)
    p = Place(s, e, t, city, "XX", "Somewhere", "XX-01", precision=1, feature="city",
              sentence=0 if s < text.index(".") else 1)
    ctx = _ctx(text, split_sentences(text), places=[p])
    events(ctx)
    assert ctx.events and all(ev["location"] is None or ev["location"]["name"] != city for ev in ctx.events)


def test_a_city_after_a_preposition_is_a_place_whatever_verb_follows():
    text = "Gunmen shot dead a journalist as a council meeting in Islamabad demanded protection."
    s, e, t = _span(text, "Islamabad", 0)
    p = Place(s, e, t, "Islamabad", "PK", "Islamabad", "PK-IS", precision=1, feature="city", sentence=0)
    ctx = _ctx(text, split_sentences(text), places=[p])
    events(ctx)
    assert ctx.events[0]["location"]["name"] == "Islamabad"


def test_a_crime_someone_is_suspected_of_is_not_dated_by_the_arrest():
    text = ("A man suspected of involvement in the hijacking of a plane and the murder of a diver "
            "was arrested on Thursday, police said. The murder was committed in 1985.")
    ev = next(e for e in _dated(text, "2019-09-21") if e["type"] == "violence_against_civilians")
    assert ev["date"]["text"] == "in 1985"
    # accused of the act itself, the act is the report's news: its sentence dates it
    text = "Warplanes were accused of bombing a market on Thursday. Nine people died."
    (ev,) = _dated(text, "2019-09-21")
    assert ev["date"]["start"] == "2019-09-19"


def test_a_country_of_exile_is_no_event_s_place():
    from marsad.extract import extract

    (ev,) = extract("Iran executed dissident journalist Ruhollah Zam on Saturday, state media reported, months "
                    "after he was lured back from exile in France and convicted of inciting violent "
                    "anti-government protests in 2017.", published="2020-12-12")["events"]
    assert (ev["type"], ev["location"]["country"], ev["date"]["start"]) == (
        "violence_against_civilians", "IR", "2020-12-12")


def test_an_act_someone_was_convicted_of_is_their_crime():
    from marsad.extract.base import Trigger
    from marsad.extract.events import _charge

    for text, word in (("A court sentenced three men to death after convicting them of killing two policemen.",
                        "killing"),
                       ("The court sentenced him after charging him with the kidnapping of a journalist.",
                        "kidnapping"),
                       ("Gunmen were seen killing two policemen.", None)):
        ctx = _ctx(text, split_sentences(text))
        w = word or "killing"
        s = text.index(w)
        assert _charge(ctx, Trigger(s, s + len(w), w, "violence", "generic", sentence=0)) is bool(word)


def test_a_suicide_bombing_and_air_strikes_are_two_events():
    text = ("A suicide bomber blew himself up at a checkpoint in the town, killing 15 people. "
            "Warplanes later carried out air strikes on nearby villages, killing 26 people.")
    evs = _told(text)
    assert sorted(e["sub_type"] for e in evs) == ["air_drone_strike", "suicide_bomb"]
    # a suicide bomber's car bomb is one explosion
    (ev,) = _told("A suicide bomber drove a car bomb into the checkpoint. The car bomb killed 15 people.")
    assert ev["sub_type"] == "suicide_bomb"
    # and a vague word after air strikes goes on telling them
    (ev,) = _told("Warplanes carried out air strikes on the town. The bombing killed 26 people.")
    assert ev["sub_type"] == "air_drone_strike"


def test_an_undated_second_event_takes_the_main_events_date_and_says_so():
    text = ("Air strikes killed 12 civilians in the town on Monday. Rescuers searched the rubble. "
            "Elsewhere, gunmen kidnapped two aid workers.")
    main, other = _dated(text, "2020-03-04")
    assert main["date"]["start"] == "2020-03-02" and "note" not in main["date"]
    assert other["date"]["start"] == "2020-03-02"
    assert other["date"]["note"] == "not stated; the main event's date"


def test_an_event_the_lead_tells_abroad_comes_before_one_told_later_without_a_place():
    text = ("A man charged with conspiring to torture and behead hostages in Syria will plead guilty. "
            "A hearing is set for Thursday. His lawyer declined comment. Prosecutors filed papers. "
            "A drone strike killed his accomplice in 2015. The air strike hit his car. "
            "The drone strike was ordered by the Pentagon.")
    sents = split_sentences(text)
    syria = _country(text, "Syria", 0, "SY")
    ctx = _country_ctx(text, sents, [syria], country="US")
    assert ctx.events[0]["location"]["country"] == "SY"
    assert {"torture", "behead"} <= {t["text"] for t in ctx.events[0]["triggers"]}
    # placed in the report's country, the strike told later would come first
    s = text.index("his car")
    car = Place(s, s + 7, "his car", "Arlington", "US", "Virginia", "US-VA", precision=1,
                feature="city", sentence=5)
    ctx = _country_ctx(text, sents, [syria, car], country="US")
    assert ctx.events[0]["sub_type"] == "air_drone_strike"


@pytest.mark.parametrize("doers, told", [
    ("Gunmen", True), ("Armed men", True), ("Militants", True),
    ("The attackers", False), ("Assailants", False),     # a football report has attackers too
])
def test_unidentified_doers_named_by_their_arms_support_a_weak_word(doers, told):
    text = f"{doers} attacked the village on Monday."
    s = text.index(doers)
    doer = ActorMention(s, s + len(doers), doers, "Unidentified armed group", "unknown", sentence=0)
    ctx = _ctx(text, split_sentences(text), actors=[doer])
    events(ctx)
    assert bool(ctx.events) is told


@pytest.mark.parametrize("text, told", [
    ("The storm killed 12 people in the province, officials said.", False),
    ("A bus crash killed 20 passengers on Sunday.", False),
    ("The virus has killed 13,540 people, and a cholera epidemic killed 2,500 more.", False),
    ("Gunmen killed 12 people in the province, officials said.", True),
    ("Air strikes killed 12 people; the storm hampered rescuers.", True),
])
def test_deaths_told_with_a_cause_that_is_no_violence_make_no_event(text, told):
    from marsad.extract.figures import figures_stage

    ctx = _ctx(text, split_sentences(text))
    figures_stage(ctx)
    if "Gunmen" in text:
        ctx.actors = [ActorMention(0, 6, "Gunmen", "Unidentified armed group", "unknown", sentence=0)]
    events(ctx)
    assert bool(ctx.events) is told


def test_casualties_told_beside_an_arrest_are_a_violent_events():
    from marsad.extract.figures import figures_stage

    text = "Two days after the attack, which killed 14 worshippers at a mosque, police arrested five suspects."
    ctx = _ctx(text, split_sentences(text))
    figures_stage(ctx)
    events(ctx)
    kinds = {e["sub_type"]: e["fatalities"] for e in ctx.events}
    assert kinds["attack"]["civilians"]["best"] == 14
    assert kinds["arrests"] == {}       # a strategic development has no fatalities
    assert ctx.events[0]["sub_type"] == "attack"    # the suspects' act leads


@pytest.mark.parametrize("text, expected", [
    # an armed group's arson that kills civilians is an attack, not a riot
    ("Armed men set fire to a church in the north, killing 14 worshippers.",
     [("violence_against_civilians", "attack")]),
    ("Soldiers torched homes in the village, killing five villagers.", [("violence_against_civilians", "attack")]),
    # ... and so is unknown assailants' arson of a critic's home
    ("Unknown assailants set fire to the home of environmental activist Maria Santos in Oaxaca.",
     [("violence_against_civilians", "attack")]),
    # ... and one that harms no one the destruction of property
    ("Government troops and allied militias torched homes in three villages in the Tigray region.",
     [("strategic_developments", "looting_property_destruction")]),
    # a crowd's arson stays a riot, with or without dead
    ("Rioters torched shops in the city, killing one person.", [("riots", "violent_demonstration")]),
    ("A mob set fire to a police station on Monday.", [("riots", "mob_violence")]),
])
def test_an_armed_groups_deadly_arson_is_an_attack(text, expected):
    assert _told_with_actors(text) == expected


def test_masked_men_beating_someone_up_is_an_attack():
    assert _told_with_actors("Masked men beat up a trade unionist outside a factory on Monday.") == [
        ("violence_against_civilians", "attack")]
    assert _told_with_actors("The champions beat the visitors 3-0 on Monday.") == []


def test_a_critic_told_tortured_is_an_attack():
    assert _told_with_actors("Human rights lawyer Jiang Tianyong was tortured in Changsha, his wife said.") == [
        ("violence_against_civilians", "attack")]
    # ... in detention too: the detention is where it was done, not an arrest told
    assert _told_with_actors("Human rights lawyer Jiang Tianyong was tortured in detention in Changsha.") == [
        ("violence_against_civilians", "attack")]
    # ... and so is one beaten or assaulted
    assert _told_with_actors("Two human rights defenders were beaten by members of the ruling party's youth wing "
                             "in Harare on Saturday.") == [("violence_against_civilians", "attack")]
    assert _told_with_actors("The champions beat the visitors 3-0 in Harare on Saturday.") == []
    # not torment
    assert _told_with_actors("The journalist said he was tortured by doubts about the story.") == []
    assert _told_with_actors("The tortured journalist of the novel wanders through Changsha.") == []


def test_a_bombing_claimed_is_dated_by_its_sentence():
    # "claimed responsibility for a suicide bombing" names the act, not a charge: the
    # sentence's date is the bombing's
    text = ("The Pakistani Taliban claimed responsibility for a suicide bombing that killed 12 people "
            "at a police station on Monday.")
    (ev,) = _dated(text, "2019-09-10")
    assert ev["date"]["start"] == "2019-09-09"
    # arrested "for the bombing": a charge, which the day of the arrest does not date
    text = "Police arrested two men on Monday for the bombing of the police station."
    evs = _dated(text, "2019-09-10")
    assert all(e["date"]["start"] != "2019-09-09" for e in evs if e["type"] != "strategic_developments")


def test_a_happening_told_as_an_aside_is_not_the_main_event():
    text = ("Two soldiers were killed in an ambush near the town on Monday. In a separate incident, "
            "a landmine killed a civilian near the river.")
    evs = _dated(text, "2019-09-10")
    assert [e["type"] for e in evs] == ["battles", "explosions_remote_violence"]
    # also when the report's dateline opens the aside's sentence
    text = ("12 Jun 2016 Meanwhile warplanes were accused of bombing a town near the capital. "
            "Gunmen shot dead two civilians in the market on Saturday.")
    evs = _dated(text, "2016-06-12")
    assert [e["type"] for e in evs] == ["violence_against_civilians", "explosions_remote_violence"]


@pytest.mark.parametrize("text, sub_type", [
    # who took the place decides, not the verb
    ("Syrian government forces captured the town on Wednesday after a week of clashes with rebels.",
     "government_regains_territory"),
    ("Rebels recaptured the village from government forces on Friday.", "non_state_actor_overtakes_territory"),
    ("Islamic State militants seized control of the city on Wednesday.", "non_state_actor_overtakes_territory"),
    # the state's forces with militias beside them (militias alone keep the verb's)
    ("Syrian troops and allied militiamen captured the village after days of fighting with insurgents.",
     "government_regains_territory"),
    ("Rebels and jihadists captured the village on Friday.", "non_state_actor_overtakes_territory"),
    # a taker not named as the verb's subject leaves the verb's sub-type
    ("The blast hit a district once on the front line between terrorists and army forces before the army "
     "retook the city.", "government_regains_territory"),
    ("Despite the government's recapture of the city last year, rebel groups keep a presence there.",
     "government_regains_territory"),
])
def test_who_took_the_place_decides_the_territory_sub_type(text, sub_type):
    found = _told_with_actors(text)
    assert ("battles", sub_type) in found


@pytest.mark.parametrize("text, group, expected", [
    # a whole and its parts of the same group: the parts bound nothing
    ("Three police officers and two attackers were killed in a gun battle on Tuesday.", "combatants", (5, 5, 5)),
    ("At least 17 people were killed on Monday, two of them children of one family.", "total", (17, 17, None)),
    # parts of other groups may overlap the whole: the range keeps the larger part as its low
    ("At least 16 civilians and three children have been killed in air raids on Monday.", "civilians",
     (16, 19, None)),
    # ... unless the report tells the count of its own again, the children among them
    ("At least 16 civilians and three children have been killed in air raids on Idlib. Sixteen civilians - "
     "including three children - were killed on Monday in a rebel-held town, a monitoring group said.",
     "civilians", (16, 16, None)),
])
def test_parts_of_a_whole_of_their_own_group_bound_nothing(text, group, expected):
    from marsad.extract import extract

    (ev,) = [e for e in extract(text, published="2019-09-10")["events"] if group in e["fatalities"]]
    r = ev["fatalities"][group]
    assert (r["low"], r["best"], r["high"]) == expected


def test_police_breaking_up_a_protest_intervene_in_it():
    assert _told_with_actors("Police broke up a rally of opposition supporters on Monday.") == [
        ("protests", "protest_with_intervention")]


def test_a_chemical_attack_and_a_car_bomb_are_two_happenings():
    text = ("A car bomb killed four people in the capital on Thursday. Militants posted videos of an alleged "
            "chemical attack which they claimed the army was responsible for.")
    subs = [e["sub_type"] for e in _dated(text, "2013-09-05")]
    assert "remote_explosive_landmine_ied" in subs and "chemical_weapon" in subs
    # a gas attack from the air is one happening with its strike
    text = "Warplanes struck the town on Monday in a chemical attack that killed 12 people."
    assert [e["sub_type"] for e in _dated(text, "2016-08-02")] in (["chemical_weapon"], ["air_drone_strike"])


@pytest.mark.parametrize("text, group, killed", [
    # another source's count of the same victims spans the range; the report's first stays best
    ("Gunmen killed 15 villagers in the village of Kadawa in Zamfara state on Tuesday, a local official said. "
     "Police said 10 villagers were killed.", "civilians", (10, 15, 15)),
    # ... not the speaker's own split of the toll, under another of its names
    ("A car bomb and rocket fire killed at least 45 people in Homs on Tuesday, the provincial governor said. "
     "Governor Talal al-Barazi told AFP the car bomb killed 36 people and the rockets killed nine others.",
     "total", (45, 45, None)),
    # ... nor a count the report tells as its own
    ("Gunmen killed 15 villagers in the village of Kadawa in Zamfara state on Tuesday. Police said 10 villagers "
     "were killed.", "civilians", (15, 15, 15)),
])
def test_another_source_s_count_of_the_same_dead_spans_the_range(text, group, killed):
    from marsad.extract import extract

    ev = extract(text, published="2024-03-07")["events"][0]
    r = ev["fatalities"][group]
    assert (r["low"], r["best"], r["high"]) == killed


def test_a_roundup_s_section_in_another_province_tells_its_own_casualties():
    from marsad.extract import extract

    text = ("Provinces, SANA - Army units continued their operations against terrorist organizations in several "
            "areas across the country, killing and injuring scores of terrorists. In Daraa province, an army unit "
            "destroyed a vehicle equipped with a heavy machinegun east of Khirbet Ghazaleh, killing all terrorists "
            "inside. In Homs countryside, army units killed 12 terrorists in al-Rastan and Talbiseh.")
    evs = extract(text, published="2016-05-10")["events"]
    counted = [(e["location"]["admin1_iso"], e["fatalities"]["combatants"]["best"]) for e in evs
               if "combatants" in e["fatalities"]]
    assert counted == [("SY-HI", 12)]


def test_a_protest_wave_told_across_the_country_is_the_country_s():
    from marsad.extract import extract

    (ev,) = extract("Security forces in Iran have killed at least 185 people, including 19 children, in a "
                    "crackdown on nationwide protests, Iran Human Rights said on Wednesday. The heaviest toll was in "
                    "Sistan-Baluchistan province, where 90 people were killed.", published="2022-10-12")["events"]
    assert (ev["sub_type"], ev["location"]["name"], ev["location"]["precision"]) == (
        "excessive_force_against_protesters", "Iran", 3)
    assert [x["name"] for x in ev["extra_locations"]] == ["Sistan and Baluchestan"]
    # a protest in one city stays there
    (ev,) = extract("Security forces in Iran killed at least 18 protesters in Zahedan on Friday, Iran Human Rights "
                    "said.", published="2022-10-12")["events"]
    assert ev["location"]["name"] == "Zahedan"


@pytest.mark.parametrize("text, expected", [
    # the organisers of a yearly protest are named by it: no protest held
    ("Hong Kong police have arrested four former organisers of the annual Tiananmen vigil for refusing to hand "
     "over information, national security police said on Wednesday.", [("strategic_developments", "arrests")]),
    # ... a yearly protest attended is held
    ("Tens of thousands of people attended the annual Tiananmen vigil in Victoria Park on Thursday, organisers "
     "said.", [("protests", "peaceful_protest")]),
])
def test_a_yearly_protest_named_by_its_organisers_is_none_held(text, expected):
    from marsad.extract import extract

    assert [(e["type"], e["sub_type"]) for e in extract(text, published="2021-09-10")["events"]] == expected


def test_a_toll_told_for_several_towns_is_shared_among_their_events():
    from marsad.extract import extract

    evs = extract("Terrorists fired rocket shells on the neighborhoods of Bab Touma and al-Qassa in Damascus city on "
                  "Thursday, killing three citizens and injuring 11 others.", published="2017-04-02")["events"]
    got = [(e["location"]["name"], {k: (r["low"], r["best"], r["high"], r.get("derived")) for k, r in
                                    e["fatalities"].items()}, e["injured"]["total"]["best"]) for e in evs]
    # an even share each, the remainder to the first, from none to the whole: the sum is the toll
    assert got == [("Bab Touma", {"civilians": (0, 2, 3, True)}, 6), ("al-Qassa", {"civilians": (0, 1, 3, True)}, 5)]
    assert all(e["fatalities"]["civilians"]["text"] == "killing three citizens" for e in evs)


def test_a_denial_told_later_answers_the_act_told_first():
    from marsad.extract import extract

    text = ("(Beirut) - Syrian government forces used cluster munitions in an attack on a school in Idlib "
            "governorate on March 14, 2024, killing six children and a teacher, Human Rights Watch said today.\n\n"
            "Witnesses told Human Rights Watch that they heard a plane and then a series of explosions.\n\n"
            "Between October 2023 and February 2024, the United Nations documented at least 120 civilian deaths in "
            "northwest Syria from government and Russian attacks.\n\n"
            "In 2019, a government offensive on Idlib killed more than 1,600 civilians.\n\n"
            "The Syrian government has denied using cluster munitions.")
    evs = extract(text, published="2024-04-10")["events"]
    assert [(c["source"]["name"], c["stance"]) for c in evs[0]["claims"]][-1] == ("Syrian government", "denies")
    assert not any(c["stance"] == "denies" for e in evs[1:] for c in e["claims"])


def _homs_toll_report(last: str):
    """A suicide bombing in Homs, two sentences of aside, then a toll line ``last``."""
    first = "A suicide bomber struck a checkpoint in Homs. "
    text = first + "Residents said windows shook. Shops stayed shut. " + last
    sents = split_sentences(text)
    places = []
    for k, (s, e) in enumerate(sents):
        at = text.find("Homs", s, e)
        if at >= 0:
            places.append(Place(at, at + 4, "Homs", "Homs", "SY", "Homs", "SY-HI", precision=1,
                                feature="city", sentence=k))
    toll = text.index("the death toll at six")
    fig = Figure(toll, toll + 21, "the death toll at six", low=6, best=6, high=6, outcome="killed",
                 group="total", sentence=len(sents) - 1)
    return text, sents, places, fig


def test_a_later_toll_in_the_province_of_the_only_event_there_is_that_events():
    text, sents, places, fig = _homs_toll_report(
        "SANA quoted the Homs governor as putting the death toll at six.")
    ctx = _ctx(text, sents, places=places, figures=[fig])
    events(ctx)
    (ev,) = ctx.events
    assert ev["sub_type"] == "suicide_bomb"
    assert ev["fatalities"]["total"]["best"] == 6


def test_a_later_toll_with_a_date_of_its_own_is_another_event():
    text, sents, places, fig = _homs_toll_report(
        "In 2014 the Homs governor put the death toll at six.")
    k = text.index("In 2014")
    d = DateMention(k, k + 7, "In 2014", dt.date(2014, 1, 1), dt.date(2014, 12, 31), 3, "year",
                    sentence=len(sents) - 1)
    ctx = _ctx(text, sents, places=places, figures=[fig], dates=[d])
    events(ctx)
    assert [e["sub_type"] for e in ctx.events] == ["suicide_bomb", "attack"]
    assert "fatalities" not in ctx.events[0] or not ctx.events[0]["fatalities"]


def _roles(ev):
    return {(a["name"], a["role"]) for a in ev["actors"]}


def test_arms_that_back_a_force_are_no_act_of_their_own():
    from marsad.extract import extract

    # the jets backed the troops' capture: one event, the troops and their backers side A
    evs = extract("Syrian troops, backed by Russian air strikes, captured the town of Kinsabba in Latakia "
                  "province on Sunday, killing 20 rebels.", published="2016-08-12")["events"]
    assert [(e["type"], e["sub_type"]) for e in evs] == [("battles", "government_regains_territory")]
    assert _roles(evs[0]) >= {("Syrian government forces", "side_a"), ("Russian forces", "side_a")}
    # the force backed is the taker, whatever its backer's kind
    (ev,) = extract("Kurdish-led forces backed by US-led coalition air strikes captured the city of Manbij "
                    "from Islamic State on Friday.", published="2016-08-12")["events"]
    assert ev["sub_type"] == "non_state_actor_overtakes_territory"
    assert _roles(ev) == {("Syrian Democratic Forces", "side_a"), ("International coalition", "side_a"),
                          ("Islamic State", "side_b")}
    # strikes that are the sentence's own act stay one
    (ev,) = extract("Russian air strikes backed by artillery hit the town of Kinsabba on Sunday.",
                    published="2016-08-12")["events"]
    assert ev["sub_type"] == "air_drone_strike"


def test_a_place_taken_in_the_passive_is_taken_by_the_agent():
    from marsad.extract import extract

    (ev,) = extract("The Nigerian military base in Monguno was overrun by ISWAP fighters.",
                    published="2019-09-10")["events"]
    assert ev["sub_type"] == "non_state_actor_overtakes_territory"
    assert ("Military Forces of Nigeria", "side_b") in _roles(ev)


@pytest.mark.parametrize("text, forces", [
    # what a force holds, attacked, makes the fight a battle with that force
    ("The army attacked rebel positions in Daraa on Sunday.", "Syrian armed opposition"),
    ("Militias loyal to Iran attacked a US base in eastern Syria on Sunday.", "US forces"),
    ("Gunmen attacked an army checkpoint in Arish, killing five soldiers.", "Military Forces of Egypt"),
])
def test_an_attack_on_a_force_s_positions_is_a_battle(text, forces):
    from marsad.extract import extract

    (ev,) = extract(text, published="2016-08-12")["events"]
    assert ev["type"] == "battles" and (forces, "side_b") in _roles(ev)


@pytest.mark.parametrize("text, place", [
    # a patron named is no place of the event ...
    ("Rebels backed by Turkey shelled the town of Tal Rifaat on Sunday, killing three civilians.", None),
    # the Old City of a city is in that city, not Jerusalem's Old City
    ("Mortar shells hit the Old City of Damascus on Sunday, killing two civilians.", "Damascus"),
    # where the wounded were carried is not where it happened
    ("The wounded were taken to a hospital in Reyhanli after air strikes hit Idlib.", "Idlib"),
    ("Three wounded civilians were rushed to hospitals in Turkey after an air strike on the town.", None),
    # the capital of a government accused, neither the event's place nor its country's
    ("Turkish-backed Syrian fighters shelled the village of Tal Tamr, killing two civilians, the Kurdish-led "
     "SDF said on Thursday, accusing Ankara of violating the ceasefire.", "Tall Tamr"),
])
def test_places_that_are_no_event_s_place(text, place):
    from marsad.extract import extract

    (ev,) = extract(text, published="2016-08-12")["events"]
    assert (ev["location"] or {}).get("name") == place


def test_a_capital_that_sent_strikes_is_its_government_not_their_place():
    from marsad.extract import extract

    (ev,) = extract("Moscow launched air strikes in support of the Damascus regime in September.",
                    published="2016-08-12")["events"]
    assert ev["location"]["name"] != "Moscow"


def test_the_period_of_a_running_total_dates_no_event():
    from marsad.extract import extract

    (ev,) = extract("Gunmen killed five people in Zamfara on Sunday, bringing the total killed in the state "
                    "since January to more than 400 people.", published="2020-09-15")["events"]
    assert (ev["date"]["start"], ev["date"]["end"]) == ("2020-09-13", "2020-09-13")
    assert ev["fatalities"]["total"]["best"] == 5


def test_a_region_before_a_colon_opening_the_report_is_its_topic():
    from marsad.extract import extract

    (ev,) = extract("Eastern Ghouta: At least 250 civilians have been killed in 48 hours of bombardment by "
                    "Syrian government forces, the Syrian Observatory for Human Rights said.",
                    published="2018-02-21")["events"]
    assert ev["location"]["name"] == "Eastern Ghouta" and ev["fatalities"]["civilians"]["best"] == 250


@pytest.mark.parametrize("text, expected", [
    # a killing told with the clashes it happened in, one armed side named: the killing
    ("Israeli troops shot dead a Palestinian teenager during clashes near Ramallah on Friday.",
     [("violence_against_civilians", "attack")]),
    # two armed sides, or none named: the fighting is news of its own
    ("Rebels clashed with government troops near Hama as gunmen shot dead a teacher.",
     [("battles", "armed_clash"), ("violence_against_civilians", "attack")]),
    ("Fighting continues in the coastal provinces following massacres in which hundreds of civilians were killed.",
     [("battles", "armed_clash"), ("violence_against_civilians", "attack")]),
])
def test_clashes_told_with_a_killing_and_one_side_are_no_battle(text, expected):
    assert sorted(_told_with_actors(text, "SY")) == expected


def test_an_act_told_as_what_another_answers_is_an_event_of_its_own():
    from marsad.extract import extract

    evs = extract("US cruise missiles struck the Shayrat airbase near Homs early on Friday in retaliation for "
                  "the chemical attack on Khan Sheikhoun. The Syrian army said six people were killed.",
                  published="2017-04-08")["events"]
    main, answered = evs
    # the strike is of the kind its own words tell, where they say, with its dead
    assert (main["sub_type"], main["location"]["name"]) == ("shelling_artillery_missile_attack", "Shayrat Air Base")
    assert main["fatalities"]["total"]["best"] == 6
    # the act it answers is told after it, at its own place, with none of its dead
    assert (answered["sub_type"], answered["location"]["name"]) == ("chemical_weapon", "Khan Shaykhun")
    assert answered["fatalities"] == {}


@pytest.mark.parametrize("text, published, day", [
    # the day someone spoke, told before the verb, is not the day of what they tell
    ("The Committee to Protect Journalists today condemned the detention of Congolese journalist Tharcisse "
     "Kilumba, who was arrested by intelligence agents in Goma on September 11.", "2018-09-14", "2018-09-11"),
    # what a span starts from ("since last month's coup") is not the day of what it measures
    ("Myanmar security forces killed at least 114 people on Saturday in the bloodiest day of protests since "
     "last month's military coup, according to witnesses.", "2021-03-28", "2021-03-27"),
    # ... nor the day a report came out
    ("In 2019, more than 200 land defenders were killed worldwide, according to Global Witness. In its latest "
     "report released on Wednesday, the group said 64 defenders were killed in Colombia alone.", "2020-07-31",
     ("2019-01-01", "2019-12-31")),
])
def test_dates_of_speech_and_of_a_span_s_start_date_no_event(text, published, day):
    from marsad.extract import extract

    ev = extract(text, published=published)["events"][0]
    assert (ev["date"]["start"], ev["date"]["end"]) == (day if isinstance(day, tuple) else (day, day))


@pytest.mark.parametrize("text, expected", [
    ("Honduran environmental defender Salvador Zuniga was attacked with machetes by three men on his way home "
     "in Intibuca on 28 February.", [("violence_against_civilians", "attack")]),
    # no attackers or weapons named: a word of criticism, not of harm
    ("The minister attacked the environmental defender in a speech on 28 February.", []),
])
def test_a_critic_attacked_by_men_or_with_weapons_is_an_attack(text, expected):
    from marsad.extract import extract

    assert [(e["type"], e["sub_type"]) for e in extract(text, published="2019-03-05")["events"]] == expected


def test_a_count_over_the_protests_days_tells_the_force_used_not_the_event_s_dead():
    from marsad.extract import extract

    (ev,) = extract("Iraqi security forces responded violently against the protesters in Baghdad, killing more "
                    "than 150 people since the start of the protests on October 4.",
                    published="2019-10-14")["events"]
    assert (ev["type"], ev["sub_type"]) == ("protests", "excessive_force_against_protesters")
    assert ev["fatalities"] == {}
    assert any(f["flag"] == "cumulative" for f in ev["flags"])


@pytest.mark.parametrize("text, expected", [
    ("Iranian authorities hanged a Baluch man in the southeastern province of Sistan-Baluchistan on Saturday.",
     [("violence_against_civilians", "attack")]),
    ("A prisoner hanged himself in his cell on Saturday.", []),
])
def test_hanged_is_an_execution_not_of_oneself(text, expected):
    from marsad.extract import extract

    assert [(e["type"], e["sub_type"]) for e in extract(text, published="2021-01-31")["events"]] == expected


def test_a_killing_on_the_bloodiest_day_of_protests_is_the_force_used_and_a_date_owning_another_noun_dates_none():
    from marsad.extract import extract

    evs = extract("Myanmar security forces shot dead at least 38 people on Wednesday, a U.N. envoy said, in the "
                  "bloodiest day of protests against last month's military coup.", published="2021-03-03")["events"]
    assert [(e["type"], e["sub_type"], e["date"]["start"], e["date"]["end"]) for e in evs] == [
        ("protests", "excessive_force_against_protesters", "2021-03-03", "2021-03-03")]
    assert evs[0]["fatalities"]["total"]["best"] == 38


def test_an_act_a_week_before_the_news_is_its_background():
    from marsad.extract import extract

    evs = extract("Russian shelling killed two people in the southern city of Kherson on Monday, the regional "
                  "governor said, a week after Ukrainian forces recaptured the city.", published="2022-11-21")["events"]
    assert [(e["sub_type"], [c["source"]["name"] for c in e["claims"]]) for e in evs] == [
        ("shelling_artillery_missile_attack", ["regional governor"])]


def test_a_foreign_force_s_killing_during_protests_is_the_force_used_on_them():
    from marsad.extract import extract

    evs = extract("Israeli forces shot dead 58 Palestinians and wounded more than 2,700 during protests along the "
                  "Gaza border on Monday, the Gaza health ministry said.", published="2018-05-15")["events"]
    assert [(e["type"], e["sub_type"]) for e in evs] == [("protests", "excessive_force_against_protesters")]
    assert evs[0]["fatalities"]["total"]["best"] == 58


def test_a_killing_beside_the_forces_means_against_a_protest_is_the_force_used_on_it():
    from marsad.extract import extract

    evs = extract("Thousands of protesters marched through central Nairobi on Tuesday against a proposed finance "
                  "bill. Police fired tear gas and water cannon; at least five people were shot dead outside "
                  "parliament, a rights group said.", published="2024-06-26")["events"]
    assert [(e["type"], e["sub_type"], e["fatalities"]["total"]["best"]) for e in evs] == [
        ("protests", "excessive_force_against_protesters", 5)]


def test_an_event_in_the_city_is_in_the_city_named_before():
    from marsad.extract import extract

    evs = extract("Houthi rebels fired a ballistic missile at a military parade in the southern port city of Aden "
                  "on Thursday, killing at least 32 soldiers, officials said. A separate suicide car bombing at a "
                  "police station in the city killed 11 people, police said.", published="2019-08-02")["events"]
    assert [(e["sub_type"], e["location"]["name"]) for e in evs] == [
        ("shelling_artillery_missile_attack", "Aden"), ("suicide_bomb", "Aden")]
    # "the city of X" names its own city, and "the city council" no place
    evs = extract("A suicide car bombing at a police station in the city council's building killed 11 people in "
                  "Yemen, police said.", published="2019-08-02")["events"]
    assert [e["location"]["name"] for e in evs] == ["Yemen"]


def test_a_place_that_only_says_where_the_one_before_it_lies_is_not_the_event_s():
    from marsad.extract import extract

    (ev,) = extract("Philippine police shot dead 32 people in raids in Bulacan province north of Manila on Monday.",
                    published="2017-08-21")["events"]
    assert (ev["location"]["name"], ev["location"]["admin2"]) == ("Bulacan", "Bulacan")
    # ... a place told after a comma is not taken for one that only locates
    ev = extract("Gunmen killed five people in Saraqeb and north of Hama.", published="2017-08-21")["events"][0]
    assert ev["location"]["name"] == "Saraqib"


def test_acts_of_two_kinds_in_clauses_of_their_own_towns_keep_their_own_casualties():
    from marsad.extract import extract

    evs = extract("Iraqi security forces shot dead 24 protesters in the southern city of Nasiriya on Thursday, "
                  "hours after demonstrators stormed and set fire to the Iranian consulate in Najaf, medical "
                  "sources said.", published="2019-11-28")["events"]
    got = [(e["sub_type"], e["location"]["name"], (e["fatalities"].get("civilians") or {}).get("best"),
            [x["name"] for x in e["extra_locations"]]) for e in evs]
    assert got == [("excessive_force_against_protesters", "Nasiriyah", 24, []),
                   ("violent_demonstration", "Najaf", None, [])]
    # with no clause break between them, one town's two kinds of act are not split
    evs = extract("Demonstrators set fire to the consulate in Najaf and police shot dead 24 protesters.",
                  published="2019-11-28")["events"]
    assert {e["location"]["name"] for e in evs} == {"Najaf"}


def test_an_act_told_after_after_with_no_comma_is_an_act_of_its_own():
    from marsad.extract import extract

    evs = extract("Protesters torched a police station in Kisumu on Sunday after police shot dead two men during "
                  "a raid.", published="2024-03-05")["events"]
    got = sorted((e["sub_type"], e["location"]["name"], (e["fatalities"].get("total") or {}).get("best"))
                 for e in evs)
    # the killing keeps its dead, the riot none; the killing, with no town of its own, is in the riot's
    assert got == [("attack", "Kisumu", 2), ("violent_demonstration", "Kisumu", None)]
    # an arrest that a protest answered is no intervention in the protest
    evs = extract("Hundreds took to the streets of Sweida on Friday after security forces arrested a prominent "
                  "activist.", published="2024-03-05")["events"]
    assert sorted(e["sub_type"] for e in evs) == ["arrests", "peaceful_protest"]
    # "after" with no act of its own after it splits nothing
    evs = extract("Protesters torched a police station in Kisumu on Sunday after clashes with police left two "
                  "men dead.", published="2024-03-05")["events"]
    assert [(e["sub_type"], e["fatalities"]["total"]["best"]) for e in evs] == [("violent_demonstration", 2)]


def test_how_a_captive_is_held_is_no_act_of_its_own():
    from marsad.extract import extract

    text = ("Security forces arrested human rights defender Maryam Hassan at her home in Khartoum on 12 May. "
            "Her whereabouts remain unknown and her family has not been allowed to visit her.")
    evs = extract(text, published="2024-06-14")["events"]
    assert [(e["sub_type"], e["location"]["name"]) for e in evs] == [("arrests", "Khartoum")]
    # ... told of no arrest or abduction before, it is a disappearance
    evs = extract("Maryam Hassan, a rights activist, left her office in Khartoum on Monday. Her whereabouts remain "
                  "unknown, her family said.", published="2024-06-14")["events"]
    assert [e["sub_type"] for e in evs] == ["abduction_forced_disappearance"]


def test_one_found_dead_is_where_they_went_missing_when_nothing_else_says_where():
    from marsad.extract import extract

    (ev,) = extract("Environmental defender Carlos Ruiz was found dead on Sunday, three days after he was reported "
                    "missing near his community in Olancho, Honduras, local media reported.",
                    published="2023-05-10")["events"]
    assert (ev["location"]["name"], ev["location"]["country"]) == ("Olancho", "HN")
    # an earlier act of another kind keeps its places (the country named stays the news's)
    evs = extract("Five years after the Supreme Court banned the group in Russia, police in Moscow detained "
                  "80 of its members.", published="2022-04-20")["events"]
    assert [e["location"]["name"] for e in evs] == ["Moscow"]


def test_the_struck_striking_back_later_is_another_act():
    from marsad.extract import extract

    text = ("An Israeli drone strike on a car in southern Lebanon killed two Hezbollah members on Tuesday, security "
            "sources said. Hezbollah later fired rockets at an Israeli army post, the group said.")
    evs = extract(text, published="2024-01-17")["events"]
    got = sorted((e["sub_type"], [a["name"] for a in e["actors"] if a["role"] == "perpetrator"]) for e in evs)
    assert got == [("air_drone_strike", ["Israeli forces"]), ("shelling_artillery_missile_attack", ["Hezbollah"])]
    # the same doer's later strike is the event's, told on
    evs = extract("An Israeli drone strike on a car in southern Lebanon killed two Hezbollah members on Tuesday. "
                  "Israeli jets later struck the same area again.", published="2024-01-17")["events"]
    assert len(evs) == 1


def test_a_claim_of_responsibility_told_after_is_the_group_s_claim_beside_the_teller_s():
    from marsad.extract import extract

    (ev,) = extract("A car bomb exploded outside a government building in Mogadishu on Saturday, killing at least "
                    "eight people. Al-Shabaab claimed responsibility for the attack.",
                    published="2024-01-17")["events"]
    assert [a["name"] for a in ev["actors"] if a["role"] == "perpetrator"] == ["al-Shabaab"]
    assert [(c["source"]["name"], c["stance"]) for c in ev["claims"]] == [("unknown", "asserts"),
                                                                         ("Al-Shabaab", "asserts")]
    # the toll is the teller's, not the group's
    assert ev["claims"][0]["figures"] and not ev["claims"][1].get("figures")
    # ... and a state's prosecutor general speaks for its government
    (ev,) = extract("Two journalists were killed when a shell hit their car near Bakhmut on Sunday, Ukraine's "
                    "prosecutor general said.", published="2024-01-17")["events"]
    assert [c["source"] for c in ev["claims"]] == [{"name": "Ukraine's prosecutor general", "type": "government"}]


def test_an_act_in_another_province_joins_no_event_split_on_a_town():
    from marsad.extract import extract

    evs = extract("Shelling killed two children in Daret Azza, while an air strike on Kafr Zita killed a woman. "
                  "In Deir ez-Zor, an IS car bomb killed four SDF fighters.", published="2016-05-24")["events"]
    got = {(e["location"]["admin1_iso"], tuple(sorted(e["fatalities"]))) for e in evs}
    assert got == {("SY-HL", ("children", "civilians")), ("SY-HM", ("civilians", "women")),
                   ("SY-DY", ("combatants",))}


def test_an_act_told_again_only_by_its_country_joins_the_one_placed_precisely():
    from marsad.extract import extract

    text = ("At least 30 fighters from the Islamic State and the Nusra Front were killed in clashes near the town "
            "of Mohassan in Deir Ezzor province on Monday, the Syrian Observatory said. The clashes erupted after "
            "IS fighters attacked Nusra positions at dawn.")
    evs = extract(text, published="2014-05-12")["events"]
    assert [(e["type"], e["location"]["name"], e["fatalities"]["combatants"]["best"]) for e in evs] == [
        ("battles", "Mohassan", 30)]
    assert [t["text"] for t in evs[0]["triggers"]][-1] == "attacked"



def test_a_vaguer_account_needs_the_kind_date_country_and_cast_and_no_toll_of_its_own():
    from marsad.extract.events import _vaguer_account

    def ev(place, precision, admin1="Deir ez-Zor", sides=("Islamic State", "Nusra Front"), dead=None, **kw):
        out = {"type": "battles", "sub_type": "armed_clash", "date": {"start": "2014-05-12"},
               "location": {"name": place, "country": "SY", "admin1": admin1, "precision": precision},
               "fatalities": dead or {}, "injured": {},
               "actors": [{"role": r, "name": n} for r, n in zip(("side_a", "side_b"), sides)]}
        out.update(kw)
        return out

    precise = ev("Mohassan", 2)
    assert _vaguer_account(ev("Syria", 3, admin1=None), precise)
    assert _vaguer_account(ev("Deir ez-Zor", 3), precise)
    assert not _vaguer_account(ev("Aleppo", 3, admin1="Aleppo"), precise)          # another province
    assert not _vaguer_account(ev("Syria", 3, admin1=None, sides=("Syrian government forces", "Nusra Front")),
                               precise)                                          # others acted
    assert not _vaguer_account(ev("Syria", 3, admin1=None, sides=()), precise)    # no one named
    assert not _vaguer_account(ev("Syria", 3, admin1=None, dead={"total": {"best": 5}}), precise)
    assert not _vaguer_account(ev("Syria", 3, admin1=None, sub_type="government_regains_territory"), precise)
    assert not _vaguer_account(ev("Raqqa", 1, admin1="Ar-Raqqah"), precise)        # placed precisely itself


def test_of_two_towns_as_precise_the_event_is_where_its_casualties_are_told():
    from marsad.extract import extract

    (ev,) = extract("Islamic State fighters launched a two-pronged attack on the Kurdish-held town of Kobani and "
                    "the city of Hasaka on Thursday, killing at least 23 civilians in Kobani, activists said.",
                    published="2015-06-25")["events"]
    assert (ev["location"]["name"], ev["location"]["admin1"]) == ("'Ayn al 'Arab", "Aleppo")
    assert [x["name"] for x in ev["extra_locations"]] == ["Al Hasakah"]


def test_a_date_opening_its_sentence_dates_the_act_told_far_after_it():
    from marsad.extract import extract

    text = ("Iran hanged a man on Saturday, the judiciary's website said. Jaish al-Adl has carried out several "
            "high-profile bombings in Iran in recent years. In February 2019, 27 members of Iran's Islamic "
            "Revolutionary Guard Corps were killed in a suicide attack claimed by the group.")
    evs = extract(text, published="2021-01-31")["events"]
    assert [(e["sub_type"], e["date"]["start"], e["date"]["end"]) for e in evs] == [
        ("attack", "2021-01-30", "2021-01-30"), ("suicide_bomb", "2019-02-01", "2019-02-28")]
    # ... not one told inside the sentence, far from the act's word
    evs = extract(text.replace("In February 2019, 27 members", "27 members").replace(
        "were killed in a suicide attack", "who had served since February 2019 with distinction were killed "
        "in a suicide attack"), published="2021-01-31")["events"]
    assert evs[1]["date"]["start"] == "2021-01-30"


def test_a_village_near_a_city_is_the_event_s_place_not_the_city():
    from marsad.extract import extract

    (ev,) = extract("Syria: US-led coalition strikes kill 56 civilians near Manbij\nAir strikes by the US-led coalition "
                    "killed at least 56 civilians, including 11 children, in the village of Tokhar near the northern "
                    "Syrian city of Manbij on Tuesday, a monitor said.", published="2016-07-20")["events"]
    assert (ev["location"]["name"], ev["location"]["precision"], ev["extra_locations"]) == ("Tokhar", 2, [])
    assert (ev["fatalities"]["civilians"]["best"], ev["fatalities"]["children"]["best"]) == (56, 11)


def test_a_sentence_listing_more_towns_than_a_split_takes_is_one_event():
    from marsad.extract import extract

    towns = ["Douma", "Harasta", "Manbij", "Azaz", "Saraqib", "Ariha", "Khan Shaykhun", "Palmyra", "Qusayr",
             "Yabrud", "Nabk", "Zabadani", "Jableh", "Baniyas"]
    few = extract(f"Air strikes hit {', '.join(towns[:3])} on Monday.", published="2018-02-20")["events"]
    assert len(few) == 3
    many = extract(f"Air strikes hit {', '.join(towns)} on Monday.", published="2018-02-20")["events"]
    assert len(many) == 1


def test_the_place_of_an_office_that_speaks_is_the_event_s_only_when_it_has_none():
    from marsad.extract import extract

    (ev,) = extract("At least 33 Turkish soldiers were killed in an air strike by Syrian government forces in Idlib "
                    "province on Thursday, the governor of Turkey's Hatay province said.", published="2020-02-28")["events"]
    assert (ev["location"]["name"], ev["location"]["country"]) == ("Idlib", "SY")
    assert [c["source"]["name"] for c in ev["claims"]] == ["governor of Turkey's Hatay province"]
    (ev,) = extract("Five people were killed on Friday, the mayor of Aleppo said.", published="2020-02-28")["events"]
    assert ev["location"]["name"] == "Aleppo"


def test_a_group_claiming_the_attack_in_its_account_is_its_only_perpetrator():
    from marsad.extract import extract

    text = ("Two suicide bombers killed 25 people, including nine journalists, in Kabul on Monday, officials said. "
            "Islamic State claimed responsibility for the twin blasts.")
    (ev,) = extract(text, published="2018-04-30")["events"]
    assert [a["name"] for a in ev["actors"] if a["role"] == "perpetrator"] == ["Islamic State"]
    # ... not one that has not claimed it
    (ev,) = extract(text.replace("Islamic State claimed responsibility for the twin blasts.",
                                 "The Taliban, which is active in the area, has not claimed responsibility."),
                    published="2018-04-30")["events"]
    assert [a["name"] for a in ev["actors"] if a["role"] == "perpetrator"] == ["Unidentified armed group"]


@pytest.mark.parametrize("text, killed, place", [
    ("A car bomb exploded in Azaz on Sunday, killing eight people, a day after a suicide bombing in Manbij "
     "killed 10.", {"total": 8}, "I'zaz"),
    ("A car bomb exploded in Azaz on Sunday, a day after a suicide bombing in Manbij killed 10 people.",
     {}, "I'zaz"),
    ("Turkish artillery pounded Kurdish YPG positions near Afrin on Friday, a day after the group said it had "
     "shot down a Turkish helicopter in Hatay.", {}, "'Afrin"),
    # ... also months or years after
    ("A car bomb exploded in Azaz on Sunday, killing eight, two months after a suicide bombing in Manbij "
     "killed 10 people.", {"total": 8}, "I'zaz"),
    ("A year after gunmen killed 12 villagers in Kasai, soldiers killed five people in Ituri on Monday.",
     {"total": 5}, "Ituri"),
    ("Days after a chemical attack killed more than 80 people in Khan Sheikhoun, an air strike killed five "
     "civilians in Saraqeb on Monday.", {"civilians": 5}, "Saraqib"),
])
def test_the_casualties_and_places_of_an_earlier_act_told_as_the_time_after_are_not_the_news(text, killed, place):
    from marsad.extract import extract

    (ev,) = extract(text, published="2017-04-05")["events"]
    assert {k: v["best"] for k, v in ev["fatalities"].items()} == killed
    assert ev["location"]["name"] == place


def test_the_country_of_an_earlier_act_told_as_the_time_after_is_the_news_s_when_it_names_no_place():
    from marsad.extract import extract

    (ev,) = extract("Five years after the Supreme Court banned Jehovah's Witnesses in Russia, police arrested 12 "
                    "of its members on Monday.", published="2022-04-21")["events"]
    assert ev["location"]["country"] == "RU"


def test_the_doers_and_victims_of_an_earlier_act_told_as_the_time_after_are_not_the_news_s():
    from marsad.extract import extract

    (ev,) = extract("Gunmen shot dead two policemen in Arish on Tuesday, hours after a roadside bomb killed three "
                    "soldiers near Rafah, security sources said.", published="2017-04-05")["events"]
    assert ev["fatalities"]["combatants"]["best"] == 2
    assert "Military Forces of Egypt" not in {a["name"] for a in ev["actors"]}
    assert [c["source"]["name"] for c in ev["claims"]] != ["unknown"]


@pytest.mark.parametrize("text, expected", [
    ("The Turkish defence ministry said two soldiers were killed in a rocket attack near Afrin on Sunday.",
     ("Turkish forces", "target")),
    ("The US military said three soldiers were wounded in a drone attack on a base in eastern Syria.",
     ("US forces", "target")),
])
def test_a_state_body_telling_of_soldiers_tells_of_its_own(text, expected):
    from marsad.extract import extract

    (ev,) = extract(text, published="2022-06-07")["events"]
    assert expected in [(a["name"], a["role"]) for a in ev["actors"]]
    assert "Syrian government forces" not in {a["name"] for a in ev["actors"]}



@pytest.mark.parametrize("text, kind, sides", [
    # a force's positions or posts attacked: the force is the other side
    ("The White Army attacked government positions in Nasir, Upper Nile, on Tuesday.",
     ("battles", "armed_clash"), ["Nuer ethnic militia (White Army)", "Military Forces of South Sudan"]),
    # peacekeepers are a mission's armed forces, of the mission of the report's country
    ("Gunmen opened fire on peacekeepers in Beni, North Kivu, killing one, the UN mission said.",
     ("battles", "armed_clash"), ["Unidentified armed group", "MONUSCO (UN mission in DR Congo)"]),
    ("Gunmen attacked Chadian peacekeepers in Kidal, Mali, killing two.",
     ("battles", "armed_clash"), ["Unidentified armed group", "MINUSMA (UN mission in Mali)"]),
    ("Insurgents attacked AMISOM troops in Lower Shabelle on Friday.",
     ("battles", "armed_clash"), ["Rebel forces", "African Union mission in Somalia (AMISOM/ATMIS)"]),
    # ... and a state's own where they are its ("Russian peacekeepers" in Karabakh); fire at
    # armed men is a clash, with no one hurt
    ("Azerbaijani forces fired on Russian peacekeepers near Shusha on Monday.",
     ("battles", "armed_clash"), ["Military Forces of Azerbaijan", "Russian forces"]),
    # a people's armed men are its communal militia, not its civilians
    ("At least 30 people died in clashes between Druze gunmen and Bedouin tribes in Sweida province.",
     ("battles", "armed_clash"), ["Druze ethnic militia", "Tribal militias"]),
])
def test_armed_targets_and_communal_militias_make_battles(text, kind, sides):
    from marsad.extract import extract

    (ev,) = extract(text, published="2025-05-01")["events"]
    assert (ev["type"], ev["sub_type"]) == kind
    assert [a["name"] for a in ev["actors"] if a["role"].startswith("side")] == sides


def test_peacekeepers_counted_and_a_mine_struck_is_an_explosive():
    from marsad.extract import extract

    (ev,) = extract("Three UN peacekeepers were killed when their convoy hit a mine near Aguelhok in northern "
                    "Mali, MINUSMA said.", published="2025-05-01")["events"]
    assert (ev["type"], ev["sub_type"]) == ("explosions_remote_violence", "remote_explosive_landmine_ied")
    assert {k: v["best"] for k, v in ev["fatalities"].items()} == {"combatants": 3}
    assert [(a["name"], a["role"]) for a in ev["actors"]] == [("MINUSMA (UN mission in Mali)", "target")]


def test_a_bomber_blowing_himself_up_is_a_suicide_bombing_not_a_shooting():
    from marsad.extract import extract

    (ev,) = extract("One of its fighters fired on a large gathering of Kurdish fighters near Hasakah before "
                    "blowing himself up, killing 40.", published="2016-10-04")["events"]
    assert (ev["type"], ev["sub_type"]) == ("explosions_remote_violence", "suicide_bomb")


def test_an_ambush_of_the_unarmed_is_an_attack_on_civilians():
    from marsad.extract import extract

    (ev,) = extract("Indigenous leader Paulo Paulino Guajajara was killed in an ambush by illegal loggers inside "
                    "the Arariboia reserve in Maranhao state, Brazil, on Friday night.",
                    published="2019-11-03")["events"]
    assert (ev["type"], ev["sub_type"]) == ("violence_against_civilians", "attack")
    assert [(a["name"], a["role"]) for a in ev["actors"]] == [("Civilians", "target"), ("Criminal gangs", "perpetrator")]
    # ... an ambush of soldiers stays a battle
    (ev,) = extract("Gunmen killed four soldiers in an ambush in Kaduna state on Friday.",
                    published="2019-11-03")["events"]
    assert ev["type"] == "battles"


def test_protest_as_a_modifier_is_no_protest():
    from marsad.extract import extract

    (ev,) = extract("Thai police arrested three pro-democracy protest leaders in Bangkok on Thursday.",
                    published="2022-09-10")["events"]
    assert (ev["type"], ev["sub_type"]) == ("strategic_developments", "arrests")


def test_men_in_plain_clothes_are_the_police():
    from marsad.extract import extract

    (ev,) = extract("On 3 February 2022, human rights lawyer Ahmed Hassan was abducted by men in plain clothes "
                    "from his office in Cairo.", published="2022-02-10")["events"]
    assert ("Police Forces of Egypt", "perpetrator") in [(a["name"], a["role"]) for a in ev["actors"]]


def test_where_someone_studies_is_no_place_of_the_event():
    from marsad.extract import extract

    (ev,) = extract("A Saudi court has sentenced Salma al-Shehab, a PhD student at Leeds University, to 34 years "
                    "in prison for retweeting dissidents.", published="2022-08-17")["events"]
    assert ev["location"]["country"] == "SA"


@pytest.mark.parametrize("text, killed", [
    # an abbreviation's letters and dots are a modifier of the noun counted
    ("A suicide bombing at Kabul airport killed 169 Afghans and 13 U.S. service members.",
     {"total": 182, "combatants": 13}),
    ("Gunmen killed 3 U.N. staff in Gao, Mali, on Monday.", {"civilians": 3}),
])
def test_the_dots_of_an_abbreviation_do_not_end_the_noun_counted(text, killed):
    from marsad.extract import extract

    (ev,) = extract(text, published="2021-10-09")["events"]
    assert {k: v["best"] for k, v in ev["fatalities"].items()} == killed


@pytest.mark.parametrize("text, kind, killed, actors, source", [
    # volunteers fighting beside an army are its militia, not civilians, and the fighting
    # they do beside it is no event of its own
    ("JNIM fighters attacked a military convoy between Djibo and Namsiguia, killing 17 soldiers and three "
     "volunteers fighting alongside the army, the Burkinabe army said.",
     ("battles", "armed_clash"), {"combatants": 20},
     [("JNIM", "side_a"), ("Military Forces of Burkina Faso", "side_b"), ("Paramilitaries", "side_b")],
     "Burkinabe army"),
    # a bombing raid is an air strike; dissidents of a guerrilla are combatants
    ("Colombian soldiers killed 10 dissidents of the former FARC guerrilla in a bombing raid in Guaviare "
     "department, Defence Minister Diego Molano said.",
     ("explosions_remote_violence", "air_drone_strike"), {"combatants": 10},
     [("Military Forces of Colombia", "perpetrator"), ("FARC", "target")], "Diego Molano"),
    # "RSF fighters" are the Rapid Support Forces ("RSF" alone may be Reporters Without Borders)
    ("At least 60 people were killed when RSF fighters stormed the village of Wad al-Nourah in Gezira state.",
     ("violence_against_civilians", "attack"), {"total": 60},
     [("Rapid Support Forces", "perpetrator")], None),
    # a territory's rescue service and a state's air force speak
    ("An Israeli air strike on a house in Rafah killed 12 members of one family, including five children, "
     "Gaza's civil defence agency said.", ("explosions_remote_violence", "air_drone_strike"),
     {"total": 12, "children": 5}, [("Israeli forces", "perpetrator"), ("Civilians", "target")],
     "civil defence agency"),
])
def test_auxiliaries_raids_and_rescue_services(text, kind, killed, actors, source):
    from marsad.extract import extract

    (ev,) = extract(text, published="2023-05-10")["events"]
    assert (ev["type"], ev["sub_type"]) == kind
    assert {k: v["best"] for k, v in ev["fatalities"].items()} == killed
    assert [(a["name"], a["role"]) for a in ev["actors"]] == actors
    assert [c["source"]["name"] for c in ev["claims"]] == ([source] if source else ["unknown"])


def test_a_state_s_air_force_speaks():
    from marsad.extract import extract

    (ev,) = extract("Ukrainian forces shot down 23 Russian drones overnight over the Kyiv region, the air force "
                    "said.", published="2023-05-10")["events"]
    assert [(c["source"]["name"], c["source"]["type"]) for c in ev["claims"]] == [("air force", "government")]


def test_a_mob_s_lynching_told_by_the_police_is_one_event_of_mob_violence():
    from marsad.extract import extract

    (ev,) = extract("A mob lynched a man accused of blasphemy in Sialkot, Punjab province, on Friday and set his "
                    "body on fire, police said.", published="2023-03-09")["events"]
    assert (ev["type"], ev["sub_type"]) == ("riots", "mob_violence")
    assert {k: v["best"] for k, v in ev["fatalities"].items()} == {"total": 1}


@pytest.mark.parametrize("text", [
    "Wildfires have killed at least 12 people and destroyed hundreds of homes in northern Greece, firefighters said.",
    "Analysts warn that renewed fighting could erupt in the region if the talks collapse, potentially killing "
    "thousands.",
])
def test_nature_s_destruction_and_what_may_come_are_no_events(text):
    from marsad.extract import extract

    assert extract(text, published="2022-07-20")["events"] == []


def test_a_party_s_militia_attacking_a_rally_is_an_attack_with_the_rally_s_casualties():
    from marsad.extract import extract

    evs = extract("Supporters of the ruling party attacked opposition activists with machetes during a rally in "
                  "Harare on Saturday, injuring 12, the MDC Alliance said.", published="2020-10-20")["events"]
    kinds = {(e["type"], e["sub_type"]): e for e in evs}
    attack = kinds[("violence_against_civilians", "attack")]
    assert ("Political militias", "perpetrator") in [(a["name"], a["role"]) for a in attack["actors"]]
    assert {k: v["best"] for k, v in attack["injured"].items()} == {"total": 12}
    # the rally happened, without the attack's casualties
    assert all(not e["injured"] for e in evs if e["type"] == "protests")


@pytest.mark.parametrize("text, kinds", [
    # what did not happen is no event
    ("Students staged a sit-in outside parliament in Nairobi on Sunday; no arrests were made.",
     [("protests", "peaceful_protest")]),
    ("Police in Minsk said they had not detained the opposition leader.", []),
    # a weekday's march and people who rallied against someone protested
    ("In Minsk, riot police detained more than 250 people at Sunday's march, the Viasna human rights centre said.",
     [("strategic_developments", "arrests"), ("protests", "protest_with_intervention")]),
    ("Tens of thousands rallied against President Lukashenko in Minsk on Sunday.", [("protests", "peaceful_protest")]),
])
def test_denied_acts_and_rallies(text, kinds):
    from marsad.extract import extract

    assert [(e["type"], e["sub_type"]) for e in extract(text, published="2020-10-20")["events"]] == kinds


@pytest.mark.parametrize("text", [
    "Protesters set fire to government buildings in Kisumu on Tuesday.",
    "Hundreds of protesters torched a police station in Sagaing region on Sunday, residents said.",
])
def test_a_violent_demonstration_is_one_riot_not_also_a_peaceful_protest(text):
    from marsad.extract import extract

    evs = extract(text, published="2021-04-20")["events"]
    assert [(e["type"], e["sub_type"]) for e in evs] == [("riots", "violent_demonstration")]


def test_a_force_that_struck_a_number_of_targets_struck_from_afar():
    from marsad.extract import extract

    (ev,) = extract("The Israeli military said it struck more than 100 Hamas targets across the Gaza Strip overnight, "
                    "while the Gaza health ministry said at least 70 people were killed.",
                    published="2024-01-16")["events"]
    assert (ev["type"], ev["sub_type"]) == ("explosions_remote_violence", "air_drone_strike")
    assert [(a["name"], a["role"]) for a in ev["actors"]] == [("Israeli forces", "perpetrator"), ("Hamas", "target")]


@pytest.mark.parametrize("text", [
    "Two Palestinians were killed by Israeli fire in Nablus, the health ministry said, while the army said its troops "
    "had come under fire during an arrest raid.",
    "Gunmen killed two men in Nablus on Monday; a court later issued an arrest warrant for a suspect.",
])
def test_an_arrest_raid_or_warrant_is_no_arrest(text):
    from marsad.extract import extract

    assert [e["type"] for e in extract(text, published="2024-01-16")["events"]] == ["violence_against_civilians"]


def test_violent_protests_beside_armed_forces_are_the_protesters_riot_not_the_forces_destruction():
    from marsad.extract import extract

    evs = extract("Security forces arrested 23 suspected members of the banned Tehreek-e-Labbaik Pakistan (TLP) after "
                  "violent protests in Lahore, officials said.", published="2023-06-10")["events"]
    assert [(e["type"], e["sub_type"]) for e in evs] == [("strategic_developments", "arrests"),
                                                         ("riots", "violent_demonstration")]


def test_an_act_told_as_the_answer_to_the_one_before_is_another_event():
    from marsad.extract import extract

    evs = extract("An Israeli airstrike killed a Hezbollah commander and two other members of the group in the "
                  "southern Lebanese town of Bint Jbeil, a security source said. Hezbollah fired dozens of rockets "
                  "at northern Israel in response.", published="2024-05-10")["events"]
    by_sub = {e["sub_type"]: e for e in evs}
    assert set(by_sub) == {"air_drone_strike", "shelling_artillery_missile_attack"}
    strike, rockets = by_sub["air_drone_strike"], by_sub["shelling_artillery_missile_attack"]
    assert (strike["location"]["country"], strike["location"]["admin1"]) == ("LB", "Nabatieh")
    assert strike["fatalities"]["combatants"]["best"] == 3
    assert [(a["name"], a["role"]) for a in strike["actors"]] == [("Israeli forces", "perpetrator"),
                                                                   ("Hezbollah", "target")]
    assert rockets["location"]["country"] == "IL" and rockets["fatalities"] == {}
    assert [(a["name"], a["role"]) for a in rockets["actors"]] == [("Hezbollah", "perpetrator")]


def test_an_abduction_with_its_victim_found_dead_is_an_attack():
    from marsad.extract import extract

    (ev,) = extract("In Mexico, journalist Roberto Figueroa was abducted outside his home in Huitzilac, Morelos, on "
                    "April 26 and found dead hours later, the Committee to Protect Journalists said.",
                    published="2024-05-10")["events"]
    assert (ev["type"], ev["sub_type"]) == ("violence_against_civilians", "attack")
    assert ev["fatalities"]["civilians"]["best"] == 1
    assert ev["location"]["admin1"] == "Morelos" and ev["date"]["start"] == "2024-04-26"


def test_a_raid_on_a_militant_hideout_is_no_attack_on_civilians():
    from marsad.extract import extract

    evs = extract("Two soldiers and five militants were killed in a firefight in North Waziristan on Monday, the "
                  "military's media wing said. Troops had raided a militant hideout near the town.",
                  published="2024-05-10")["events"]
    assert [(e["type"], e["sub_type"]) for e in evs] == [("battles", "armed_clash")]
    assert evs[0]["fatalities"]["combatants"]["best"] == 7


def test_an_event_with_no_place_is_in_the_country_of_the_people_it_befell():
    from marsad.extract import extract

    (ev,) = extract("Saudi women's rights activist Loujain al-Hathloul, who was detained in 2018 and released in "
                    "2021, remains under a travel ban, her sister said on Monday.", published="2024-05-10")["events"]
    assert (ev["location"]["country"], ev["location"]["precision"], ev["location"]["text"]) == ("SA", 3, "Saudi")


def test_a_governments_strikes_are_its_military_s():
    from marsad.extract import extract

    (ev,) = extract("ADDIS ABABA (Reuters) - Ethiopian government drone strikes killed at least 30 people in the Amhara "
                    "region town of Finote Selam on Sunday, a local official said.", published="2024-05-10")["events"]
    assert (ev["type"], ev["sub_type"]) == ("explosions_remote_violence", "air_drone_strike")
    assert ("Military Forces of Ethiopia", "perpetrator") in {(a["name"], a["role"]) for a in ev["actors"]}


def test_the_day_news_of_an_act_came_out_does_not_date_it():
    from marsad.extract import extract

    (ev,) = extract("The attack happened on Friday night, but news of it only emerged on Monday because of poor "
                    "communications in the area, a local official said. At least 12 people were killed when "
                    "militants raided Kuchi village in Niger state.", published="2024-05-14")["events"]
    assert (ev["date"]["start"], ev["date"]["text"]) == ("2024-05-10", "on Friday night")


def test_a_roundup_sentence_tells_each_town_its_own_act():
    from marsad.extract import extract

    evs = extract("In Deir ez-Zor, an IS car bomb killed four SDF fighters at a checkpoint in the town of Hajin on "
                  "Monday. Meanwhile, in Idlib, regime shelling on Khan Sheikhoun killed two civilians, and Russian "
                  "warplanes struck the town of Maarat al-Numan, wounding five.", published="2018-05-10")["events"]
    got = {(e["location"]["name"], e["sub_type"], tuple(a["name"] for a in e["actors"] if a["role"] == "perpetrator"),
            tuple(sorted((k, v["best"]) for k, v in e["fatalities"].items())),
            tuple(sorted((k, v["best"]) for k, v in e["injured"].items()))) for e in evs}
    assert got == {
        # "In Deir ez-Zor," opening the sentence is the province: the town is Hajin
        ("Hajin", "remote_explosive_landmine_ied", ("Islamic State",), (("combatants", 4),), ()),
        # two accounts joined by ", and", each with its own kind, doer and casualties
        ("Khan Shaykhun", "shelling_artillery_missile_attack", ("Syrian government forces",), (("civilians", 2),), ()),
        ("Ma'arrat an Nu'man", "air_drone_strike", ("Russian forces",), (), (("total", 5),)),
    }


@pytest.mark.parametrize("second, best", [
    # more of the group told later as more adds up
    ("An Indian soldier was also killed and two others were injured.", 3),
    # ... not another place's, another source's account, or what is not told
    ("Two militants were also killed in a separate gunfight in Shopian.", 2),
    ("The army said two militants were also killed.", 2),
    ("It did not say whether any militants were also killed.", 2),
])
def test_a_count_told_later_as_more_adds_to_the_event(second, best):
    from marsad.extract import extract

    ev = extract("Indian security forces killed two suspected militants in a gunfight in Kashmir's Pulwama district "
                 "on Thursday, police said. " + second, published="2024-05-10")["events"][0]
    assert ev["fatalities"]["combatants"]["best"] == best


def test_protesters_fired_upon_are_the_target():
    from marsad.extract import extract

    (ev,) = extract("Protesters in Lagos were fired upon by soldiers at the Lekki toll gate on Tuesday night, Amnesty "
                    "International said, killing at least 12 people.", published="2024-05-10")["events"]
    assert ev["sub_type"] == "excessive_force_against_protesters"
    assert ("Protesters", "target") in {(a["name"], a["role"]) for a in ev["actors"]}


def test_an_event_with_no_place_in_a_report_of_no_country_is_its_peoples():
    from marsad.extract import extract

    (ev, *_rest) = extract("Guatemalan Indigenous leader and land defender Bernardo Caal Xol was released from "
                           "prison on Friday, his lawyers said. Caal Xol was jailed in 2018 after leading protests "
                           "against hydroelectric dams.", published="2022-03-10")["events"]
    assert ev["sub_type"] == "arrests"
    assert (ev["location"]["country"], ev["location"]["precision"], ev["location"]["text"]) == ("GT", 3, "Guatemalan")
