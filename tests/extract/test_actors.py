"""The ``actors`` stage: the dictionary (shipped + user file), alias matching, role hints."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from marsad.errors import ConfigError
from marsad.extract.actors import (CATEGORIES, PhraseIndex, actors_stage, as_in, assign_roles, expand_alias,
                                   find_actors,
                                   load_actor_dictionary, tokenize)
from marsad.extract.base import Context

from .helpers import SEED, split_sentences





@pytest.fixture(scope="module")
def dictionary():
    return load_actor_dictionary(None)


def actors(text: str, dictionary, country: str | None = "SY", masked=()):
    ctx = Context(text=text, meta={}, masked=list(masked), sentences=split_sentences(text))
    ctx.country_context = country
    return find_actors(ctx, dictionary)


def one(text: str, dictionary, phrase: str, **kw):
    found = [a for a in actors(text, dictionary, **kw) if a.text == phrase]
    assert len(found) == 1, (phrase, [(a.text, a.name) for a in actors(text, dictionary, **kw)])
    return found[0]


# -- dictionary and matching -----------------------------------------------------------


def test_shipped_dictionary_is_valid_and_uses_known_categories(dictionary):
    assert dictionary.index.size > 500
    assert {e.category for e in dictionary.entries} <= set(CATEGORIES)
    names = {e.name for e in dictionary.entries}
    assert {"Syrian government forces", "Islamic State", "Syrian Democratic Forces", "Assad loyalists",
            "Hezbollah", "Russian forces", "International coalition", "Civilians"} <= names


@pytest.mark.parametrize("phrase, name, category", [
    ("regime forces", "Syrian government forces", "state_forces"),
    ("Syrian Arab Army", "Syrian government forces", "state_forces"),
    ("regime-aligned security forces", "Syrian government forces", "state_forces"),
    ("Syria's government", "Syrian government forces", "state_forces"),
    ("Syrias government", "Syrian government forces", "state_forces"),    # FA-KES strips apostrophes
    ("security forces aligned with the new regime", "Syrian government forces", "state_forces"),
    ("Russian warplanes", "Russian forces", "foreign_forces"),
    ("US-led coalition", "International coalition", "foreign_forces"),
    ("U.S.-led military coalition", "International coalition", "foreign_forces"),
    ("American-led international coalition", "International coalition", "foreign_forces"),
    ("Daesh", "Islamic State", "jihadist_group"),
    # a state's intelligence ministry by its agents
    ("agents of the Ministry of Intelligence", "Syrian government forces", "state_forces"),
    ("intelligence ministry agents", "Syrian government forces", "state_forces"),
    ("ISIL", "Islamic State", "jihadist_group"),
    ("Jabhat Fateh al-Sham", "Nusra Front", "jihadist_group"),
    ("SDF", "Syrian Democratic Forces", "rebel_group"),
    ("remnants of the Assad regime", "Assad loyalists", "militia"),
    ("loyalists of ousted dictator Bashar Assad", "Assad loyalists", "militia"),
    ("pro-Assad militants", "Assad loyalists", "militia"),
    ("Hezbollah", "Hezbollah", "militia"),
    ("unidentified gunmen", "Unidentified armed group", "unknown"),
    # aircraft whose side is not known are no state's (not the report's country's "warplanes")
    ("Unidentified warplanes", "Unidentified armed group", "unknown"),
    ("unknown drones", "Unidentified armed group", "unknown"),
    ("demonstrators", "Protesters", "protesters"),
    ("Alawite civilians", "Civilians", "civilians"),
    ("Israeli fire", "Israeli forces", "foreign_forces"),
    ("KNU", "Karen National Union", "rebel_group"),
    ("Baloch Liberation Army", "Baloch Liberation Army", "rebel_group"),
    ("Maoist rebels", "Maoist rebels", "rebel_group"),
    ("Mai-Mai militiamen", "Mai-Mai militias", "militia"),
    ("Ambazonian separatists", "Ambazonian separatists", "rebel_group"),
    ("separatist fighters", "Separatist rebels", "rebel_group"),
    ("Israeli sniper fire", "Israeli forces", "foreign_forces"),
    ("Turkish gunfire", "Turkish forces", "foreign_forces"),
    ("Russian fire", "Russian forces", "foreign_forces"),
    # ISWAP split from Boko Haram in 2016: ACLED codes them apart
    ("ISWAP fighters", "Islamic State West Africa Province", "jihadist_group"),
    ("Boko Haram", "Boko Haram", "jihadist_group"),
    ("plainclothes officers", "Police Forces of Syria", "state_forces"),
    ("prison guards", "Police Forces of Syria", "state_forces"),
    ("Islamic State in the Greater Sahara", "Islamic State Sahel Province", "jihadist_group"),
    ("Katiba Macina", "JNIM", "jihadist_group"),
    ("Ansarul Islam", "Ansarul Islam", "jihadist_group"),
    ("dissidents of the former FARC", "FARC", "rebel_group"),
])
def test_aliases_normalise_to_name_and_category(dictionary, phrase, name, category):
    a = one(f"Witnesses saw {phrase} near the town.", dictionary, phrase)
    assert (a.name, a.category) == (name, category)


def test_longest_match_wins_and_offsets_point_into_text(dictionary):
    text = "Clashes broke out between security forces aligned with the new regime and others."
    found = actors(text, dictionary)
    a = found[0]
    assert a.text == "security forces aligned with the new regime"
    assert text[a.start:a.end] == a.text
    assert not any(x.text == "security forces" for x in found)


def test_variants_hyphens_apostrophes_and_stripped_apostrophes(dictionary):
    for text in ("pro-Assad militants fled.", "pro Assad militants fled.", "Pro-assad Militants fled."):
        assert actors(text, dictionary)[0].name == "Assad loyalists"
    # texts with apostrophes stripped upstream ("Assads forces")
    assert actors("Assads forces advanced.", dictionary)[0].name == "Syrian government forces"


def test_cased_alias_only_with_its_case(dictionary):
    assert [a.name for a in actors("IS fighters attacked the town.", dictionary)] == ["Islamic State"]
    assert actors("It is fighters that matter, he is sure.", dictionary, country=None) == []


def test_generic_forces_take_the_name_of_the_report_country(dictionary):
    assert one("Security forces opened fire.", dictionary, "Security forces").name == "Syrian government forces"
    generic = one("Security forces opened fire.", dictionary, "Security forces", country=None)
    assert (generic.name, generic.category) == ("Military forces", "state_forces")
    # no dictionary entry for Nigeria's forces: ACLED's names
    assert one("Police beat the marchers.", dictionary, "Police", country="NG").name == "Police Forces of Nigeria"
    army = one("The army shelled the village.", dictionary, "The army", country="NG")
    assert (army.name, army.category, army.country) == ("Military Forces of Nigeria", "state_forces", "NG")
    assert one("The military seized power.", dictionary, "The military", country="EG").name == "Military Forces of Egypt"
    # a dictionary entry marked national takes the generic words in its country
    assert one("The army shelled the village.", dictionary, "The army", country="MM").name == "Military Forces of Myanmar"
    assert one("Troops fired on the crowd.", dictionary, "Troops", country="TR").name == "Turkish forces"
    # who arrests, detains and charges ("the authorities") is the police, as ACLED codes arrests
    assert one("The authorities detained him.", dictionary, "The authorities", country="BY").name \
        == "Police Forces of Belarus"
    # in Palestine, reports' "the army" is mostly Israel's: the generic name stays
    assert one("The army raided the camp.", dictionary, "The army", country="PS").name == "Military forces"


@pytest.mark.parametrize("text, phrase, country, name", [
    ("The rebels took the town.", "rebels", "SY", "Syrian armed opposition"),
    ("The rebels took the town.", "rebels", "YE", "Rebel forces"),
    ("The rebels took the town.", "rebels", None, "Rebel forces"),
    ("Iran-backed Houthi rebels fired missiles.", "Houthi rebels", "SA", "Houthis"),
    ("The kingdom fights Iran-backed Huthi rebels.", "Huthi rebels", "SA", "Houthis"),
    ("Saudi-led coalition warplanes struck Sanaa.", "Saudi-led coalition warplanes", "YE", "Saudi-led coalition"),
    ("The US-led coalition struck Raqqa.", "US-led coalition", "SY", "International coalition"),
    # "the coalition" is the one fighting in the report's country
    ("The coalition struck Raqqa.", "The coalition", "SY", "International coalition"),
    ("Coalition warplanes struck Mosul.", "Coalition warplanes", "IQ", "International coalition"),
    ("The coalition struck Sanaa.", "The coalition", "YE", "Saudi-led coalition"),
    ("Coalition air strikes hit Saada.", "Coalition air strikes", "YE", "Saudi-led coalition"),
    ("Coalition air strikes hit Tripoli.", "Coalition air strikes", "LY", "Coalition forces"),
    ("The opposition shelled the town.", "The opposition", "SY", "Syrian armed opposition"),
    # the Observatory's words for the armed opposition, and the regime's militias
    ("Three fighters of the factions were killed.", "fighters of the factions", "SY", "Syrian armed opposition"),
    ("Five regime militiamen were killed.", "regime militiamen", "SY", "Pro-government militias"),
    ("State Security raided his house.", "State Security", "SY", "Syrian government forces"),
    ("Hamas fighters fired rockets.", "Hamas fighters", "IL", "Hamas"),
    ("PA forces detained a journalist.", "PA forces", "PS", "Palestinian Authority security forces"),
    ("Palestinian security forces detained him.", "Palestinian security forces", "PS",
     "Palestinian Authority security forces"),
])
def test_generic_rebels_and_local_words_follow_the_report_country(dictionary, text, phrase, country, name):
    found = [a for a in actors(text, dictionary, country=country) if phrase in a.text]
    assert [a.name for a in found] == [name]


@pytest.mark.parametrize("text, country, name", [
    # "the coalition" is the last coalition the report named, before its country's
    ("The Syrian Coalition condemned the strike. The coalition called for a probe.", "SY",
     "Syrian National Coalition"),
    ("The Saudi-led coalition bombed Hodeidah. The coalition said it hit rebels.", "SY", "Saudi-led coalition"),
    ("The Syrian Coalition met in Istanbul. The US-led coalition struck Raqqa. The coalition said it hit IS.",
     "SY", "International coalition"),
])
def test_the_coalition_is_the_last_coalition_named(dictionary, text, country, name):
    found = [a for a in actors(text, dictionary, country=country) if a.text == "The coalition"]
    assert [a.name for a in found] == [name]


@pytest.mark.parametrize("text, country", [
    ("The opposition said the vote was rigged.", "BY"),   # a political opposition
    ("State Security raided his house.", "EG"),
    ("The new government cut wages.", "AU"),
    ("The new government cut wages.", None),
    ("The coalition passed the budget.", "MY"),   # a coalition government
    ("The coalition passed the budget.", None),
])
def test_local_words_name_no_actor_elsewhere(dictionary, text, country):
    assert actors(text, dictionary, country=country) == []


def test_a_name_before_a_place_noun_is_the_place_possessive(dictionary):
    # FA-KES strips apostrophes: "Hamas countryside" is Hama's
    text = "Army units killed 40 terrorists in Kafr Zita in Hamas northern countryside."
    assert "Hamas" not in [a.name for a in actors(text, dictionary)]
    assert [a.name for a in actors("Hamas gunmen opened fire.", dictionary, country="PS")] == ["Hamas"]


def test_national_in_names_more_countries_and_needs_national(tmp_path):
    f = tmp_path / "actors.toml"
    f.write_text('[[actor]]\nname = "Joint Force"\ncategory = "foreign_forces"\nnational = "coalition"\n'
                 'national_in = ["ml", "BF"]\naliases = ["joint force"]\n')
    d = load_actor_dictionary(SimpleNamespace(actors_file=str(f)))
    assert [a.name for a in actors("The coalition shelled the town.", d, country="ML")] == ["Joint Force"]
    assert [a.name for a in actors("The coalition shelled the town.", d, country="BF")] == ["Joint Force"]
    for bad in ('national_in = ["ML"]', 'national = "coalition"\nnational_in = ["Mali"]'):
        f.write_text(f'[[actor]]\nname = "X"\ncategory = "militia"\n{bad}\naliases = ["x men"]\n')
        with pytest.raises(ConfigError, match="national_in"):
            load_actor_dictionary(SimpleNamespace(actors_file=str(f)))


def test_local_only_needs_localize(tmp_path):
    f = tmp_path / "actors.toml"
    f.write_text('[[actor]]\nname = "X"\ncategory = "militia"\nlocal_only = true\naliases = ["x men"]\n')
    with pytest.raises(ConfigError, match="local_only"):
        load_actor_dictionary(SimpleNamespace(actors_file=str(f)))


def test_after_nationality_needs_localize(tmp_path):
    f = tmp_path / "actors.toml"
    f.write_text('[[actor]]\nname = "X"\ncategory = "militia"\nafter_nationality = true\naliases = ["x men"]\n')
    with pytest.raises(ConfigError, match="after_nationality"):
        load_actor_dictionary(SimpleNamespace(actors_file=str(f)))


def test_a_force_s_word_before_a_rule_or_a_thing_names_no_force(dictionary):
    assert [a.text for a in actors("Thousands marched against military rule in Omdurman.", dictionary)] == []
    assert [a.text for a in actors("He refused military service and army spending.", dictionary)] == []
    # ... the force itself is named so
    assert [a.text for a in actors("The military ruled the country; the army shelled Douma.", dictionary)] == [
        "The military", "the army"]
    assert [a.text for a in actors("The military rule ended.", dictionary)] == []
    # ... nor a place named for it ("escorted from Military Hospital in Aleppo")
    assert [a.text for a in actors("51 bodies were escorted from Military Hospital in Aleppo.", dictionary)] == []


def test_former_rebels_are_no_armed_group_but_its_dissidents_are(dictionary):
    assert [a.name for a in actors("Gunmen killed two former FARC rebels in Cauca.", dictionary, country="CO")] == [
        "Unidentified armed group"]
    assert [a.name for a in actors("Dissidents of the former FARC killed two soldiers.", dictionary,
                                   country="CO")] == ["FARC", "Military Forces of Colombia"]


def test_an_acronym_the_report_gives_an_actor_names_it_after(dictionary):
    text = ("Paramilitary Rapid Support Forces (RSF) fighters killed 40 people in the village. The RSF stormed "
            "it twice; RSF's commanders denied it; RSF-held towns were shelled.")
    found = [(a.text, a.name) for a in actors(text, dictionary, country="SD")]
    assert found == [("Paramilitary Rapid Support Forces (RSF) fighters", "Rapid Support Forces"),
                     ("RSF", "Rapid Support Forces"), ("RSF", "Rapid Support Forces")]
    # with no definition, the bare letters name no one (they are as often Reporters Without Borders)
    assert actors("The RSF stormed the village.", dictionary, country="SD") == []
    # letters the report gives another name too are neither's
    text = ("The Rapid Support Forces (RSF) and the Revolutionary Socialist Front (RSF) clashed. The RSF "
            "attacked again.")
    assert [a.text for a in actors(text, dictionary, country="SD")] == ["Rapid Support Forces"]


def test_forces_alone_name_no_one(dictionary):
    # without a nationality right before it (no gazetteer here to tell one), "forces" is no actor
    assert [a.text for a in actors("The forces of change marched on the capital.", dictionary)] == []
    assert [a.name for a in actors("Rebel forces shelled the town.", dictionary)] == ["Syrian armed opposition"]


def _mention(dictionary, text, phrase, country):
    return one(text, dictionary, phrase, country=country)


@pytest.mark.parametrize("text, phrase, report, event, name, category", [
    # a country's forces are state forces at home and foreign forces abroad
    ("Turkish troops fired.", "Turkish troops", "SY", "TR", "Turkish forces", "state_forces"),
    ("Turkish troops fired.", "Turkish troops", "SY", "SY", "Turkish forces", "foreign_forces"),
    ("Regime forces shelled the border.", "Regime forces", "SY", "LB", "Syrian government forces", "foreign_forces"),
    ("Iraqi forces advanced.", "Iraqi forces", "IQ", "IQ", "Iraqi forces", "state_forces"),
    # the police are the event's country's, whatever the report's country
    ("Police arrested him.", "Police", "NG", "GB", "Police Forces of the United Kingdom", "state_forces"),
    # an army acts abroad: in a report on Syria "the army" stays Syria's
    ("The army shelled the town.", "The army", "SY", "LB", "Syrian government forces", "foreign_forces"),
    # a report of no one country: the event's country names them
    ("The army shelled the town.", "The army", None, "NG", "Military Forces of Nigeria", "state_forces"),
    ("Rebels attacked.", "Rebels", None, "SY", "Syrian armed opposition", "rebel_group"),
    # non-state actors keep their category wherever they are
    ("Hezbollah fighters attacked.", "Hezbollah fighters", "LB", "SY", "Hezbollah", "militia"),
])
def test_actors_as_named_in_the_events_country(dictionary, text, phrase, report, event, name, category):
    m = _mention(dictionary, text, phrase, report)
    [a] = as_in([m], dictionary, event, report)
    assert (a.name, a.category) == (name, category)
    assert (a.start, a.end, a.text) == (m.start, m.end, m.text)


def test_local_words_are_dropped_in_an_event_of_another_country(dictionary):
    m = _mention(dictionary, "The new regime arrested him.", "The new regime", "SY")
    assert m.name == "Syrian government forces"
    assert as_in([m], dictionary, "SY", "SY") == [m]
    assert as_in([m], dictionary, None, "SY") == [m]


def test_masked_furniture_is_skipped(dictionary):
    text = "Rebels attacked.\nPhoto: regime forces parade\nMore text."
    start = text.index("Photo")
    masked = [(start, text.index("\nMore"))]
    assert [a.text for a in actors(text, dictionary, masked=masked)] == ["Rebels"]


def test_sentence_index_is_set(dictionary):
    text = "Rebels advanced. Later, regime forces shelled the village."
    found = actors(text, dictionary)
    assert [(a.text, a.sentence) for a in found] == [("Rebels", 0), ("regime forces", 1)]


# -- roles -----------------------------------------------------------------------------


@pytest.mark.parametrize("text, phrase, role", [
    ("Russian warplanes struck the market.", "Russian warplanes", "perpetrator"),
    ("Regime forces shelled the town on Monday.", "Regime forces", "perpetrator"),
    ("The attack was carried out by the Islamic State.", "Islamic State", "perpetrator"),
    ("Three people were killed by regime forces.", "regime forces", "perpetrator"),
    ("The massacres were allegedly carried out by the current regime.", "the current regime", "perpetrator"),
    ("Internal security forces in Latakia had seized weapons.", "Internal security forces", "perpetrator"),
    ("The air strike killed 12 civilians in the town.", "civilians", "target"),
    ("More than 500 Alawites have been slaughtered.", "Alawites", "target"),
    ("Five civilians were also killed in the raid.", "civilians", "target"),
    ("Gunmen opened fire on protesters.", "Gunmen", "perpetrator"),
    ("Coalition air strikes against IS positions continued.", "IS", "target"),
    # a doer claiming its act
    ("The Islamic State claimed Monday's bombing in Kabul.", "Islamic State", "perpetrator"),
    ("The Taliban claimed responsibility for the attack.", "The Taliban", "perpetrator"),
    # what a side holds, struck
    ("Turkish artillery shelled positions of the YPG near Afrin.", "YPG", "target"),
    ("Russian jets struck positions held by the Nusra Front.", "Nusra Front", "target"),
    # a headline's reduced passive: the one arrested is no perpetrator
    ("Journalist arrested, charged after reporting on attacks on churches.", "Journalist", "target"),
    ("Activists detained in Harare as police disperse a rally.", "Activists", "target"),
])
def test_role_hints(dictionary, text, phrase, role):
    assert one(text, dictionary, phrase).role_hint == role


@pytest.mark.parametrize("text, phrase, role", [
    # victims named with their group: the group is the target, not the perpetrator
    ("US-led strikes killed more than 20 IS fighters in Raqa.", "IS fighters", "target"),
    ("At least 30 Nusra Front militants were killed in the raid.", "Nusra Front militants", "target"),
    ("31 IS militants killed in clashes near Dabiq.", "IS militants", "target"),
    ("Two Nusra Front commanders have been killed in Idlib.", "Nusra Front", "target"),
    ("Drones hit a car, killing three members of the Syrian Democratic Forces.", "Syrian Democratic Forces", "target"),
    # a headline without punctuation counts two tolls, it does not make the dead the killers
    ("At Least 10 Civilians killed 40 injured in Rocket Fire in Daraa.", "Civilians", "target"),
    ("25 ISIS Terrorists killed 10 wounded in Army Raid.", "ISIS Terrorists", "target"),
    # a perfect tense is active: "has killed" is not "has been killed"
    ("The Syrian army has killed 70 Islamic State fighters.", "Syrian army", "perpetrator"),
    ("Police have arrested five activists.", "Police", "perpetrator"),
    # the agent, also behind parentheses, head nouns and claims of responsibility
    ("Kurdish-led Syrian Democratic Forces (SDF) killed 35 fighters.", "Kurdish-led Syrian Democratic Forces (SDF)",
     "perpetrator"),
    ("The Syrian army units eliminated 75 militants.", "Syrian army", "perpetrator"),
    ("The Islamic State group on Monday claimed responsibility for the bombing.", "Islamic State group", "perpetrator"),
    ("The Islamic State is believed to be behind the attack.", "Islamic State", "perpetrator"),
    ("State media accused rebels of using chemical arms.", "rebels", "perpetrator"),
    # ... or the one blamed, with nothing more said, also behind a name the dictionary lacks
    ("Gunmen killed 40 villagers, the UN said, blaming the Kamuina Nsapu militia.", "militia", "perpetrator"),
    # ... its backer told first and its kind after
    ("Jihadists killed 132 civilians, the government said, blaming the al Qaeda-linked Katiba Macina group.",
     "Katiba Macina", "perpetrator"),
    ("Residents blamed the army.", "the army", "perpetrator"),
    # a count ends before its comma: the speaker told after it is no victim
    ("A bomb struck a bus in Kabul, killing six and wounding 18, a police spokesman said.", "police", "source"),
    ("Rebels held the army at bay.", "the army", None),
    ("Daesh said that it killed 50 opposition fighters.", "Daesh", "perpetrator"),
    ("An IS car bomb killed 20 people.", "IS", "perpetrator"),
    ("Dozens were killed by US-led air strikes.", "US-led air strikes", "perpetrator"),
    # the actor's aircraft, vehicle or post is what was hit: it is the target
    ("A Russian military helicopter was shot down over Syria on Monday.", "Russian military", "target"),
    # ... or the side whose positions were pounded or bombarded
    ("Turkish warplanes pounded positions of the YPG in Afrin on Sunday.", "YPG", "target"),
    ("Russian jets bombarded rebel positions near Hader.", "rebel positions", "target"),
    ("Russian military helicopter downed in Syria, five dead.", "Russian military", "target"),
    ("A Syrian army convoy was ambushed near Palmyra.", "Syrian army", "target"),
    ("Syrian warplanes hit a market in Idlib.", "Syrian warplanes", "perpetrator"),
    ("An Israeli strike on a car in southern Lebanon killed two men.", "Israeli strike", "perpetrator"),
    ("A US drone strike killed a commander in Somalia.", "US drone strike", "perpetrator"),
    # one member of the force, maybe named, was the victim
    ("US Navy diver Robert Stethem was beaten and shot dead in Beirut.", "US Navy", "target"),
    ("A US Navy diver, Robert Stethem, was beaten by the hijackers.", "US Navy", "target"),
    ("A Syrian army officer was shot dead in Daraa.", "Syrian army", "target"),
    ("A Syrian army officer shot dead a protester in Daraa.", "Syrian army", "perpetrator"),
    # ... told with another victim as one subject
    ("A soldier and a civilian were killed in the process.", "soldier", "target"),
    # speakers are sources, not parties
    ("A source at Aleppo Police Command told SANA that shells fell.", "Police", "source"),
    ("According to the Syrian army the strikes continued.", "Syrian army", "source"),
    ("The Syrian army said rockets fell on the city.", "Syrian army", "source"),
    ("The Syrian Coalition strongly condemns the massacre in Atareb.", "Syrian Coalition", "source"),
    ("The Syrian Coalition denounced the massacre in Ghouta.", "Syrian Coalition", "source"),
    ("The coalition described the attack as a horrifying massacre.", "The coalition", "source"),
    # a headline's speaker, after a dateline too
    ("Wednesday 24 August 2016 16:58 Syrian Coalition: Assad Used Chemical Weapons in Ghouta.",
     "Syrian Coalition", "source"),
    # those who find or free the victims are not their captors or killers
    ("The police had on Monday in Kano discovered workers held against their will.", "The police", "investigator"),
    ("126 workers were rescued by police in Kano.", "police", "investigator"),
    ("Police found the bodies of three men in Kano.", "Police", "investigator"),
    ("The policemen were rescued from the mob.", "policemen", None),
    # ... nor are those who charge someone with the act
    ("Police charged two men with the killing of activist Albert Ojwang.", "Police", "investigator"),
    ("Police have charged a suspect over the abduction of the journalist.", "Police", "investigator"),
    # "described as" names, it does not speak: "by" still makes the agent
    ("Killings were carried out by unknown armed men described as militia.", "unknown armed men", "perpetrator"),
    # a speaker who says it did it claims the act, the weekday bare or not
    ("Houthi rebels said Tuesday they had fired a missile at Jizan.", "Houthi rebels", "perpetrator"),
    ("Houthi rebels said on Tuesday they had fired a missile at Jizan.", "Houthi rebels", "perpetrator"),
    # forces sent somewhere do no violence by being sent
    ("Mob violence left 54 dead, as police were deployed across the district.", "police", None),
])
def test_role_hints_victims_agents_and_sources(dictionary, text, phrase, role):
    assert one(text, dictionary, phrase).role_hint == role


def test_named_group_absorbs_the_generic_word_next_to_it(dictionary):
    found = actors("ISIL terrorist group killed more than 50 people.", dictionary)
    assert [(a.text, a.name, a.role_hint) for a in found] == [
        ("ISIL terrorist group", "Islamic State", "perpetrator")]
    found = actors("A suicide bomber from the Nusra Front blew himself up at an army post.", dictionary)
    assert [(a.text, a.name, a.role_hint) for a in found][0] == (
        "suicide bomber from the Nusra Front", "Nusra Front", "perpetrator")
    found = actors("July 19 2014 Militant group Islamic State killed 270 soldiers.", dictionary)
    assert [(a.text, a.name, a.role_hint) for a in found][0] == (
        "Militant group Islamic State", "Islamic State", "perpetrator")
    # two named groups side by side stay two
    found = actors("Hezbollah and the Syrian army killed two commanders.", dictionary)
    assert [(a.name, a.role_hint) for a in found] == [
        ("Hezbollah", "perpetrator"), ("Syrian government forces", "perpetrator")]
    found = actors("The Syrian Army alongside a volunteer militia has killed 70 Islamic State fighters.", dictionary)
    assert [(a.name, a.role_hint) for a in found] == [
        ("Syrian government forces", "perpetrator"), ("Paramilitaries", "perpetrator"),
        ("Islamic State", "target")]
    # the authorities a non-state group runs are that group; a country's are its police
    found = actors("Hamas authorities in Gaza detained three activists.", dictionary, country="PS")
    assert [(a.text, a.name, a.role_hint) for a in found][0] == ("Hamas authorities", "Hamas", "perpetrator")
    # ... and so are its police and security forces
    found = actors("A car bomb killed five members of the Asayish security forces and two Houthi police officers.",
                   dictionary, country="SY")
    assert [(a.text, a.name) for a in found] == [("Asayish security forces", "Asayish"),
                                                 ("Houthi police officers", "Houthis")]
    found = actors("Iranian authorities executed the wrestler in Shiraz.", dictionary, country="IR")
    assert [(a.name, a.role_hint) for a in found] == [("Police Forces of Iran", "perpetrator")]


def test_uncertain_sentence_names_no_perpetrator(dictionary):
    text = "It was not clear who carried out the raids but Russian warplanes struck the area before."
    assert [a.role_hint for a in actors(text, dictionary)] == [None]
    text = "No one claimed responsibility but the Islamic State group has carried out bombings there."
    assert [a.role_hint for a in actors(text, dictionary)] == [None]


def _roles(text, dictionary, event_type):
    return [(r["role"], r["name"]) for r in assign_roles(event_type, actors(text, dictionary))]


def test_a_peaceful_protest_has_participants_not_targets_or_a_default_perpetrator(dictionary):
    text = "Students and activists rallied in Idlib as regime forces looked on."
    found = actors(text, dictionary)
    roles = [(r["role"], r["name"]) for r in assign_roles("protests", found, "peaceful_protest")]
    assert roles == [("participant", "Civilians"), ("participant", "Syrian government forces")]
    # police who beat the marchers make it a protest with intervention: they are the perpetrator
    roles = [(r["role"], r["name"]) for r in assign_roles("protests", found, "protest_with_intervention")]
    assert ("perpetrator", "Syrian government forces") in roles and ("target", "Civilians") in roles


def test_a_force_backing_the_act_is_on_its_side_however_far(dictionary):
    text = "Syrian troops launched a ground offensive in Hama province backed by Russian air strikes."
    assert _roles(text, dictionary, "battles") == [("side_a", "Syrian government forces"), ("side_a", "Russian forces")]
    text = "Rebels, with the support of Turkish artillery, attacked Kurdish fighters near Afrin."
    assert [r for r, _ in _roles(text, dictionary, "battles")] == ["side_a", "side_a", "side_b"]


def test_a_force_that_resumed_or_stepped_up_strikes_carried_them_out(dictionary):
    for text in ("Government forces resumed air strikes and shelling on the last rebel-held pocket.",
                 "Russian forces stepped up their bombardment of the town."):
        assert [r for r, _ in _roles(text, dictionary, "explosions_remote_violence")] == ["perpetrator"]
    # resuming talks is no act of violence
    assert actors("Government forces resumed talks with the rebels.", dictionary)[0].role_hint is None


def test_a_name_told_as_an_apposition_acts_as_the_clause_s_subject(dictionary):
    text = "Islamic State's Afghanistan affiliate, ISIS-K, claimed the attack."
    found = actors(text, dictionary)
    assert [(a.text, a.name, a.role_hint) for a in found][-1] == ("ISIS-K", "Islamic State", "perpetrator")
    # ... also told where it is and what it is called, in a long clause
    text = "The Islamic State group's affiliate in Afghanistan, known as IS-K, claimed responsibility."
    found = actors(text, dictionary, country="AF")
    assert [(a.text, a.name, a.role_hint) for a in found][-1] == ("IS-K", "Islamic State", "perpetrator")
    # a list of names is no apposition
    found = actors("Hamas, Hezbollah, and Iran condemned the attack.", dictionary)
    assert all(a.role_hint != "perpetrator" for a in found)
    # a lone gunman is an unidentified armed actor
    assert [a.name for a in actors("A gunman killed 50 people at two mosques.", dictionary)] == [
        "Unidentified armed group"]


def test_a_group_s_faction_or_affiliate_acts_as_the_group(dictionary):
    for text in ("A Taliban faction claimed a suicide bombing that killed 70 people in Lahore.",
                 "An Islamic State affiliate attacked a checkpoint in Sinai."):
        assert actors(text, dictionary)[0].role_hint == "perpetrator"


def test_a_co_victim_is_a_target(dictionary):
    text = ("Journalist Jorge Armenta was shot dead on Saturday night in Ciudad Obregon, in the northern state of "
            "Sonora, along with a police officer who was guarding him.")
    assert [r for r, _ in _roles(text, dictionary, "violence_against_civilians")] == ["target", "target"]
    # one who acted with another is no victim
    text = "Soldiers along with police officers raided the village."
    assert "target" not in [r for r, _ in _roles(text, dictionary, "violence_against_civilians")]


def test_assign_roles_remote_violence_needs_a_cue(dictionary):
    text = "A bomb exploded in Aleppo as the regime and the opposition resumed evacuations."
    assert {r for r, _ in _roles(text, dictionary, "explosions_remote_violence")} == {"participant"}
    text = "Russian warplanes struck the market in Idlib, killing 12 civilians."
    assert _roles(text, dictionary, "explosions_remote_violence") == [
        ("perpetrator", "Russian forces"), ("target", "Civilians")]


def test_those_who_investigate_the_act_are_not_its_perpetrators(dictionary):
    for text in ("A journalist was found shot dead, and police are investigating the killing.",
                 "A journalist was found shot dead; police have launched an investigation.",
                 "A journalist was found shot dead. Police are hunting for the gunmen.",
                 "A journalist was found shot dead. Police are treating his death as a murder.",
                 # what he reported on is no party to the act either
                 "A journalist was found shot dead. His family said he had received threats after "
                 "reporting on local police corruption.",
                 # nor the wrongs a victim's work exposed
                 "A journalist, who had documented police killings in Dandora, was found shot dead.",
                 "A journalist known for exposing police abuses was found shot dead.",
                 # ... nor the doers of the wrongs her work is on
                 "A journalist who had been documenting abuses by the police was found shot dead.",
                 "A journalist who exposed crimes committed by police officers was found shot dead."):
        roles = _roles(text, dictionary, "violence_against_civilians")
        assert ("participant", "Police Forces of Syria") in roles
        assert ("perpetrator", "Police Forces of Syria") not in roles
    # the gunmen they hunt are
    roles = _roles("A journalist was found shot dead. Police are hunting for the gunmen.", dictionary,
                   "violence_against_civilians")
    assert ("perpetrator", "Unidentified armed group") in roles
    # police who kill stay the perpetrators
    for text in ("Police shot dead a protester, and investigators are examining the footage.",
                 "Police treating detainees brutally beat a protester to death.",
                 "Police shot dead a protester who documented the rally."):
        assert _roles(text, dictionary, "violence_against_civilians")[0] == ("perpetrator", "Police Forces of Syria")


def test_reports_of_civilian_casualties_name_the_victims(dictionary):
    roles = _roles("Airstrikes hit the town, with reports of civilian casualties.", dictionary,
                   "explosions_remote_violence")
    assert ("target", "Civilians") in roles


def test_assign_roles_hinted_perpetrator_beats_first_armed_actor(dictionary):
    text = "A police source said gunmen opened fire on civilians in the market."
    assert _roles(text, dictionary, "violence_against_civilians") == [
        ("participant", "Police Forces of Syria"), ("perpetrator", "Unidentified armed group"), ("target", "Civilians")]
    # without any cue the first armed actor that is not a speaker perpetrates one-sided violence
    text = "Soldiers and residents were seen in the village. Activists counted 12 bodies."
    assert _roles(text, dictionary, "violence_against_civilians")[0] == ("perpetrator", "Syrian government forces")


def test_assign_roles_battle_sides_skip_the_victims(dictionary):
    text = ("At least 18 jihadists from the Islamic State group were killed in overnight clashes "
            "with Kurdish fighters near Kobane.")
    roles = _roles(text, dictionary, "battles")
    assert roles == [("side_b", "Islamic State"), ("side_a", "Syrian Democratic Forces")]
    text = "Rebels clashed with regime forces overnight."
    assert _roles(text, dictionary, "battles") == [
        ("side_a", "Syrian armed opposition"), ("side_b", "Syrian government forces")]


def test_the_side_that_gives_way_is_not_the_agent(dictionary):
    text = "Pro-Assad militants surrendered to security forces following clashes in the city."
    assert _roles(text, dictionary, "battles") == [
        ("side_b", "Assad loyalists"), ("side_a", "Syrian government forces")]
    text = "Rebels retreated from the town after clashes with regime forces."
    assert _roles(text, dictionary, "battles") == [
        ("side_b", "Syrian armed opposition"), ("side_a", "Syrian government forces")]


def test_clashes_between_two_sides(dictionary):
    text = ("Fighting raged amid clashes between security forces aligned with the new regime "
            "and loyalists of ousted dictator Bashar Assad.")
    found = actors(text, dictionary)
    assert [(a.name, a.role_hint) for a in found] == [
        ("Syrian government forces", "side"), ("Assad loyalists", "side")]
    found = actors("Rebels clashed with regime forces overnight.", dictionary)
    assert [a.role_hint for a in found] == ["side", "side"]


def test_compound_modifiers_are_not_parties(dictionary):
    found = actors("The Hezbollah-linked network and IS-held towns; Iran-backed militias attacked.", dictionary)
    assert [(a.text, a.name) for a in found] == [("Iran-backed militias", "Pro-government militias")]


def test_no_role_without_syntax(dictionary):
    found = actors("The SDF controls much of the province. Rebel-held areas are quiet.", dictionary)
    assert [a.role_hint for a in found] == [None]


def test_seed_actors(dictionary):
    text = SEED.read_text(encoding="utf-8")
    found = actors(text, dictionary)
    by_text = {a.text: a for a in found}
    assert by_text["Alawite civilians"].category == "civilians"
    assert by_text["security forces aligned with the new regime"].category == "state_forces"
    assert by_text["loyalists of ousted dictator Bashar Assad"].category == "militia"
    assert by_text["internal security forces"].role_hint == "perpetrator"
    assert by_text["pro-Assad militants"].category == "militia"
    assert by_text["the current regime"].role_hint == "perpetrator"
    for a in found:
        assert text[a.start:a.end] == a.text


def test_stage_uses_resources(dictionary):
    text = "Regime forces shelled Douma."
    ctx = Context(text=text, meta={}, resources=SimpleNamespace(actors=dictionary),
                  sentences=split_sentences(text))
    actors_stage(ctx)   # no country known: the generic name
    assert [(a.name, a.category, a.role_hint) for a in ctx.actors] == [
        ("Military forces", "state_forces", "perpetrator")]


# -- the user's file -------------------------------------------------------------------


def test_user_file_is_merged(tmp_path):
    user = tmp_path / "actors.toml"
    user.write_text('''
[[actor]]
name = "Tatmadaw"
category = "state_forces"
country = "MM"
aliases = ["tatmadaw", "myanmar (army|military|junta)"]

[[actor]]
name = "Hezbollah"
aliases = ["the party of god"]
''', encoding="utf-8")
    d = load_actor_dictionary(SimpleNamespace(actors_file=str(user)))
    found = actors("The Myanmar junta and the Party of God and Hizbollah.", d, country=None)
    assert [(a.text, a.name, a.category) for a in found] == [
        ("Myanmar junta", "Tatmadaw", "state_forces"),
        ("the Party of God", "Hezbollah", "militia"),
        ("Hizbollah", "Hezbollah", "militia"),   # shipped aliases are kept
    ]


def test_user_file_can_change_a_category(tmp_path):
    user = tmp_path / "actors.toml"
    user.write_text('[[actor]]\nname = "Hezbollah"\ncategory = "foreign_forces"\n', encoding="utf-8")
    d = load_actor_dictionary(SimpleNamespace(actors_file=str(user)))
    assert actors("Hezbollah fighters advanced.", d)[0].category == "foreign_forces"


@pytest.mark.parametrize("content, message", [
    ("[[actor]\nname = 'x'", "not valid TOML"),
    ("[[actor]]\nname = 'X'\ncategory = 'aliens'\naliases = ['x']", "category 'aliens'"),
    ("[[actor]]\ncategory = 'unknown'", "needs a non-empty 'name'"),
    ("[[actor]]\nname = 'New'\naliases = ['new group']", "needs 'category'"),
    ("[[actor]]\nname = 'X'\ncategory = 'unknown'\naliases = 'x'", "list of strings"),
    ("[[actor]]\nname = 'X'\ncategory = 'unknown'\nalias = ['x']", "unknown key"),
    ("[[actor]]\nname = 'X'\ncategory = 'unknown'\naliases = ['(a|b']", "brackets"),
    ("[[actors]]\nname = 'X'", "unknown top-level"),
])
def test_invalid_user_file_is_a_config_error(tmp_path, content, message):
    user = tmp_path / "bad.toml"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_actor_dictionary(SimpleNamespace(actors_file=str(user)))
    assert message in str(exc.value)
    assert str(user) in str(exc.value)


def test_missing_user_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_actor_dictionary(SimpleNamespace(actors_file=str(tmp_path / "nope.toml")))


def test_settings_object_is_accepted(settings, tmp_path):
    user = tmp_path / "a.toml"
    user.write_text('[[actor]]\nname = "Wagner Group"\ncategory = "foreign_forces"\naliases = ["wagner mercenaries"]\n',
                    encoding="utf-8")
    d = load_actor_dictionary(settings.replace(actors_file=str(user)))
    assert actors("Wagner mercenaries attacked.", d)[0].name == "Wagner Group"


# -- the matcher -----------------------------------------------------------------------


def test_expand_alias():
    assert sorted(expand_alias("(syrian|regime) forces")) == ["regime forces", "syrian forces"]
    assert sorted(expand_alias("loyalists of [the] assad")) == ["loyalists of assad", "loyalists of the assad"]
    with pytest.raises(ConfigError, match="expands to"):
        expand_alias("(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)")


def test_phrase_index_leftmost_longest():
    idx = PhraseIndex()
    idx.add("new york", "city")
    idx.add("new york times", "paper")
    idx.add("times", "word")
    text = "The New York Times and the times."
    assert [(text[s:e], v) for s, e, v in idx.find(text)] == [("New York Times", "paper"), ("times", "word")]


def test_no_phrase_spans_a_comma_or_goes_on_into_a_quotation():
    idx = PhraseIndex()
    idx.add("state police", "state police")
    idx.add("police", "police")
    idx.add("the army", "army")
    idx.add("army of conquest", "jaish al-fatah")
    idx.add("islamic state is group militants", "is")
    text = ('gunmen abducted a priest in Kaduna state, police said. The "Army of Conquest" and '
            'Islamic State (IS) group militants fought state police.\nPolice said')
    assert [(text[s:e], v) for s, e, v in idx.find(text)] == [
        ("police", "police"), ("Army of Conquest", "jaish al-fatah"),
        ("Islamic State (IS) group militants", "is"), ("state police", "state police"), ("Police", "police")]


def test_tokenize_offsets():
    text = "Syria’s state-run agency"
    norms, starts, ends = tokenize(text)
    assert norms == ["syrias", "state", "run", "agency"]
    assert [text[s:e] for s, e in zip(starts, ends)] == ["Syria’s", "state", "run", "agency"]


def test_civilians_and_protesters_are_never_perpetrators(dictionary):
    # a cue that would make them the agent ("civilians ... killed" read as "X killed") only
    # makes them participants; the armed actor named is the default perpetrator
    text = "Civilians killed 3 gunmen who had stormed the village, and Nusra Front fighters were nearby."
    ms = actors(text, dictionary)
    for m in ms:
        if m.category == "civilians":
            m.role_hint = "perpetrator"
    roles = {(r["role"], r["name"]) for r in assign_roles("violence_against_civilians", ms)}
    assert ("perpetrator", "Civilians") not in roles and ("participant", "Civilians") in roles
    assert ("perpetrator", "Unidentified armed group") in roles or ("perpetrator", "Nusra Front") in roles


def test_the_perpetrator_has_no_second_role_in_its_event(dictionary):
    text = "Police arrested 12 activists during police raids, the police said."
    roles = _roles(text, dictionary, "strategic_developments")
    names = [name for role, name in roles if name.startswith("Police")]
    assert [(role, name) for role, name in roles if name in names] == [("perpetrator", names[0])]


def test_an_actor_with_a_part_in_the_event_is_not_also_a_participant(dictionary):
    text = "Drones hit a car, killing three members of the Asayish. The Asayish said the car burned."
    assert _roles(text, dictionary, "explosions_remote_violence") == [("target", "Asayish")]


def test_a_named_group_absorbs_the_rebels_after_it(dictionary):
    found = actors("NPA rebels attacked an army patrol in Samar.", dictionary, country="PH")
    assert [(a.text, a.name) for a in found][0] == ("NPA rebels", "New People's Army")


def test_a_group_named_as_the_detainees_affiliation_is_no_default_arrester(dictionary):
    def arresters(text):
        rows = assign_roles("strategic_developments", actors(text, dictionary, country="PH"), "arrests")
        return [r["name"] for r in rows if r["role"] == "perpetrator"]
    assert arresters("A doctor tagged as a member of the New People's Army was arrested in Manila.") == []
    assert arresters("Police arrested a doctor tagged as a member of the New People's Army in Manila.") == \
        ["Police Forces of Philippines"]


def test_the_state_force_that_tells_of_an_arrest_no_one_else_made_made_it(dictionary):
    def roles(text, sub_type="arrests"):
        return [(r["role"], r["name"]) for r in assign_roles(
            "strategic_developments", actors(text, dictionary, country="RU"), sub_type)]
    text = "A US journalist was detained in Yekaterinburg on espionage charges, the FSB security service said."
    # one mention: the named force told by its kind
    assert [(a.text, a.name) for a in actors(text, dictionary, country="RU")] == [
        ("journalist", "Civilians"), ("FSB security service", "Federal Security Service (Russia)")]
    assert roles(text) == [("target", "Civilians"), ("perpetrator", "Federal Security Service (Russia)")]
    # ... not where another is said to have made it, nor of another kind of event
    assert ("perpetrator", "Federal Security Service (Russia)") not in roles(
        "Soldiers detained a US journalist in Yekaterinburg, the FSB security service said.")
    assert ("perpetrator", "Federal Security Service (Russia)") not in roles(text, "disrupted_weapons_use")


@pytest.mark.parametrize("text", [
    "Unidentified assailants threw a grenade at a cafe in Mogadishu.",
    "Militants planted a bomb under a bus in Quetta.",
    "Gunmen hurled explosives at a police post.",
])
def test_who_threw_or_planted_the_bomb_did_the_explosion(dictionary, text):
    # an explosion's perpetrator must be named by the syntax: throwing and planting name it
    assert _roles(text, dictionary, "explosions_remote_violence")[0][0] == "perpetrator"


def test_allies_told_as_agents_of_one_act_are_one_side(dictionary):
    text = "Hezbollah fighters and Syrian troops took control of the town of Qusayr after weeks of fighting."
    assert _roles(text, dictionary, "battles") == [("side_a", "Hezbollah"), ("side_a", "Syrian government forces")]
    # the other party named in between ends the run: two agents of two acts are two sides
    text = "Rebels attacked army positions in Qusayr, and Hezbollah fighters shelled rebel areas."
    assert [r for r, _ in _roles(text, dictionary, "battles")].count("side_a") == 1


def test_palestinian_islamic_jihad(dictionary):
    found = actors("The Palestinian Islamic Jihad fired rockets at Israel on Monday.", dictionary, country="PS")
    assert [(a.name, a.category) for a in found][:1] == [("Palestinian Islamic Jihad", "rebel_group")]
    found = actors("Its al-Quds Brigades fired rockets at Israel on Monday.", dictionary, country="PS")
    assert [a.name for a in found][:1] == ["Palestinian Islamic Jihad"]
    # Lebanon's 1980s "Islamic Jihad" is no Palestinian group
    assert "Palestinian Islamic Jihad" not in [a.name for a in actors(
        "The hijackers of Islamic Jihad held the passengers in Beirut.", dictionary, country="LB")]


def test_in_a_battle_civilians_who_speak_are_no_targets(dictionary):
    text = "Government troops and rebels clashed in the town last week, residents said."
    roles = _roles(text, dictionary, "battles")
    assert ("participant", "Civilians") in roles and ("target", "Civilians") not in roles
    # civilians caught in the fighting are
    text = "Government troops and rebels clashed in the town, killing four civilians."
    assert ("target", "Civilians") in _roles(text, dictionary, "battles")


@pytest.mark.parametrize("text", [
    "She was arrested by officers of the State Security Service at her home.",
    "Agents of the National Security Agency detained the blogger.",
    "The intelligence service detained two journalists.",
])
def test_a_states_security_services_are_state_forces(dictionary, text):
    assert "state_forces" in {a.category for a in actors(text, dictionary)}


def test_another_states_intelligence_agency_is_not_the_reports_countrys(dictionary):
    found = actors("The US Central Intelligence Agency spied on him in Sydney.", dictionary, country="AU")
    assert "Military Forces of Australia" not in {a.name for a in found}


def test_federal_forces_are_state_forces(dictionary):
    found = actors("Federal forces and rebel fighters clashed near the border.", dictionary)
    assert [(a.text.lower(), a.category) for a in found][0] == ("federal forces", "state_forces")


def test_members_of_an_affiliated_group_killed_are_targets(dictionary):
    text = "Turkish drones struck a vehicle near Qamishli, killing three members of the SDF-affiliated Asayish."
    assert ("target", "Asayish") in _roles(text, dictionary, "explosions_remote_violence")


def test_only_joined_agents_are_allies_of_side_a(dictionary):
    # the attacker named after "repelled an attack by" is the other side
    text = "Nigerian troops repelled an attack by Boko Haram fighters on a base in Monguno."
    roles = dict((name, role) for role, name in _roles(text, dictionary, "battles"))
    assert roles.get("Boko Haram") == "side_b"
    # forces joined by "and" act together
    text = "Hezbollah fighters and Syrian troops took control of Qusayr from rebels."
    roles = dict((name, role) for role, name in _roles(text, dictionary, "battles"))
    assert roles["Hezbollah"] == roles["Syrian government forces"] == "side_a"


def test_a_side_named_with_its_allies_between_between_and_and(dictionary):
    text = "Clashes between the army and allied militias and rebels killed 12 fighters near Hama."
    roles = dict((name, role) for role, name in _roles(text, dictionary, "battles"))
    assert roles["Syrian government forces"] == roles["Paramilitaries"] == "side_a"
    assert roles["Syrian armed opposition"] == "side_b"


def test_separatist_authorities_are_no_state_forces(dictionary):
    found = actors("Shelling killed five civilians in Donetsk, separatist authorities said.", dictionary,
                   country="UA")
    assert [(a.text, a.category) for a in found if "authorities" in a.text] == [
        ("separatist authorities", "rebel_group")]


def test_a_former_member_of_a_force_is_no_mention_of_it(dictionary):
    found = actors("Kassig, 26, was a former Army Ranger; the Taliban executed a retired police officer.",
                   dictionary)
    assert [a.name for a in found] == ["Taliban"]
    # ... with the force's nationality between
    found = actors("Taliban gunmen killed a former Afghan army officer in Kandahar.", dictionary, country="AF")
    assert [a.name for a in found] == ["Taliban"]
    # not a former state's forces of another, told before a word of its own
    found = actors("A former Taliban stronghold was shelled by Afghan troops.", dictionary, country="AF")
    assert "Military Forces of Afghanistan" in [a.name for a in found]


def test_a_name_in_quotes_keeps_the_words_before_it(dictionary):
    a = one('The army said it had killed 15 "terrorists" in North Waziristan.', dictionary, "terrorists",
            country="PK")
    assert a.role_hint == "target"


@pytest.mark.parametrize("text, expected", [
    ("Police killed seven protesters, the Sudan Doctors Committee said.", ["Police", "protesters"]),
    ("The Assistance Association for Political Prisoners said soldiers shot two students.",
     ["soldiers", "students"]),
    ("Volunteers of the Students Federation of India were detained.", []),
    # the same people outside a name are people
    ("Doctors said police beat two journalists.", ["Doctors", "police", "journalists"]),
])
def test_people_named_in_a_bodys_name_are_no_mention(dictionary, text, expected):
    assert [a.text for a in actors(text, dictionary, country="SD")] == expected


@pytest.mark.parametrize("text, expected", [
    ("The army captured Shaddadi from Islamic State, a major blow to the militant group.",
     [("Syrian government forces", "state_forces"), ("Islamic State", "jihadist_group"),
      ("Islamic State", "jihadist_group")]),
    ("Boko Haram fighters stormed the village. The gunmen killed 20 villagers.",
     [("Boko Haram", "jihadist_group"), ("Boko Haram", "jihadist_group"), ("Civilians", "civilians")]),
    # with no group named before, or two, the doer stays unknown
    ("The gunmen killed 20 villagers.", [("Unidentified armed group", "unknown"), ("Civilians", "civilians")]),
    # a pro-government militia is never the report's "terrorists"
    ("The army and the NDF surprised the terrorists near Aleppo.",
     [("Syrian government forces", "state_forces"), ("Pro-government militias", "militia"),
      ("Unidentified armed group", "unknown")]),
])
def test_a_definite_unknown_doer_is_the_one_group_named_before(dictionary, text, expected):
    assert [(a.name, a.category) for a in actors(text, dictionary, country="SY")] == expected


@pytest.mark.parametrize("text, phrase", [
    ("Security forces arrested a blogger in Hanoi.", "blogger"),
    ("A rights defender was shot dead in Honduras.", "rights defender"),
    ("Gunmen abducted a Catholic priest from his parish.", "priest"),
    ("Police detained a paralegal of the group.", "paralegal"),
    # the staff of an organisation
    ("Security forces arrested three senior staff members of the group.", "staff members"),
    ("Gunmen shot dead two employees of the aid group.", "employees"),
])
def test_one_civilian_of_a_kind_the_defenders_reports_name_is_a_civilian(dictionary, text, phrase):
    assert one(text, dictionary, phrase).category == "civilians"


def test_the_parties_to_an_agreement_are_its_sides(dictionary):
    found = actors("The Syrian army and Jaish al-Islam agreed a truce in Douma, the Observatory said.", dictionary)
    rows = assign_roles("strategic_developments", found, "agreement")
    assert [(r["role"], r["name"]) for r in rows] == [("side_a", "Syrian government forces"),
                                                     ("side_b", "Syrian armed opposition")]


def test_a_phrase_on_a_plural_word_does_not_hide_the_shorter_one_on_its_stem():
    index = PhraseIndex()
    index.add("islamic state", "IS")
    index.add("islamic state's west africa province", "ISWAP")   # a path on "states"
    text = "before the Islamic State's invasion, and the Islamic State's West Africa Province"
    assert [(text[s:e], v) for s, e, v in index.find(text)] == [
        ("Islamic State's", "IS"), ("Islamic State's West Africa Province", "ISWAP")]


def test_an_unidentified_group_beside_a_named_one_acted_against_is_that_one(dictionary):
    roles = _roles("Kurdish YPG fighters repelled an attack by Turkish-backed rebels near Afrin, killing eight "
                   "of the attackers.", dictionary, "battles")
    assert ("side_b", "Unidentified armed group") not in roles and ("side_b", "Syrian armed opposition") in roles
    # ... but of those who acted it may be the doer: kept
    roles = _roles("A suicide bomber struck a wedding in Hassakeh, and the SDF said 22 were killed.",
                   dictionary, "explosions_remote_violence")
    assert any(name == "Unidentified armed group" for _role, name in roles)


@pytest.mark.parametrize("text, phrase, name", [
    ("Rebel shelling on government-held districts of Aleppo killed five people.", "Rebel shelling",
     "Syrian armed opposition"),
    ("Nine civilians were killed in opposition rocket fire on western Aleppo.", "opposition rocket fire",
     "Syrian armed opposition"),
    ("Jihadist mortar fire killed two children in Mhardeh.", "Jihadist mortar fire", "Jihadist militants"),
])
def test_the_arms_of_a_kind_of_armed_group_are_its_acts(dictionary, text, phrase, name):
    m = one(text, dictionary, phrase)
    assert (m.name, m.role_hint) == (name, "perpetrator")


@pytest.mark.parametrize("text, phrase, name, country", [
    ("The FSB detained a Crimean Tatar activist in Simferopol.", "FSB", "Federal Security Service (Russia)", "RU"),
    ("Members of the Rapid Action Battalion shot dead two men.", "Rapid Action Battalion",
     "Rapid Action Battalion (Bangladesh)", "BD"),
    ("Basij militiamen beat protesters in Tehran.", "Basij militiamen", "Basij (Iran)", "IR"),
    ("The Shin Bet arrested two Palestinians in Hebron.", "Shin Bet", "Shin Bet (Israel)", "IL"),
    ("Agents of SEBIN detained the journalist.", "SEBIN", "SEBIN (Venezuela)", "VE"),
])
def test_a_state_s_named_security_service_is_its_state_force(dictionary, text, phrase, name, country):
    m = one(text, dictionary, phrase)
    assert (m.name, m.category, m.country) == (name, "state_forces", country)


def test_a_state_s_named_service_is_no_police_of_its_report(dictionary):
    # the generic police of a report on Russia stay Russia's police, not the FSB
    assert one("Police detained 30 protesters in Moscow.", dictionary, "Police", country="RU").name == \
        "Police Forces of Russia"


def test_the_parties_of_ties_someone_looks_into_are_a_topic(dictionary):
    m = one("He was researching ties between Pakistan's ISI and the militants when he was abducted.",
            dictionary, "ISI")
    assert m.role_hint == "topic"
    m = one("He wrote about links between the Islamic State and local smugglers.", dictionary, "Islamic State")
    assert m.role_hint == "topic"


def test_the_group_a_detainee_is_charged_with_joining_arrests_no_one(dictionary):
    found = actors("A lawyer was arrested in Cairo and charged with joining a terrorist group.", dictionary)
    rows = assign_roles("strategic_developments", found, "arrests")
    assert ("perpetrator", "Unidentified armed group") not in [(r["role"], r["name"]) for r in rows]


@pytest.mark.parametrize("text, expected", [
    # pressing or going on with an offensive is acting, with the allies named beside
    ("Turkish forces and their Syrian rebel allies pressed their offensive against Kurdish fighters, shelling "
     "the border town of Ras al-Ain.",
     [("perpetrator", "Turkish forces"), ("perpetrator", "Syrian armed opposition"),
      ("target", "Syrian Democratic Forces")]),
    ("US-backed Kurdish forces pushed ahead with their offensive on Manbij, shelling the town.",
     [("perpetrator", "Syrian Democratic Forces")]),
    ("IS fighters continued their assault on Kobani, shelling the town.", [("perpetrator", "Islamic State")]),
])
def test_forces_pressing_an_offensive_carry_out_its_strikes(dictionary, text, expected):
    assert _roles(text, dictionary, "explosions_remote_violence") == expected


@pytest.mark.parametrize("text, phrase", [
    ("CPJ condemned the killing and called on authorities to investigate.", "authorities"),
    ("The group urged the police to find the killers.", "the police"),
])
def test_those_asked_to_investigate_an_act_only_take_part_in_it(dictionary, text, phrase):
    assert one(text, dictionary, phrase).role_hint == "investigator"
    assert [r["role"] for r in assign_roles("violence_against_civilians", actors(text, dictionary))
            if r["name"].startswith("Police")] == ["participant"]


def test_fulani_herdsmen_are_an_ethnic_militia(dictionary):
    m = one("Fulani herdsmen killed 12 farmers in Plateau state.", dictionary, "Fulani herdsmen")
    assert (m.name, m.category, m.role_hint) == ("Fulani ethnic militia", "militia", "perpetrator")


def test_unidentified_attackers_told_as_a_named_group_s_are_that_group(dictionary):
    roles = _roles("Islamic State suicide bombers and gunmen killed more than 200 people in Sweida.", dictionary,
                   "violence_against_civilians")
    assert [name for role, name in roles if role == "perpetrator"] == ["Islamic State"]
    # ... not when they are named apart
    roles = _roles("Islamic State claimed the bombing. Gunmen also killed two people.", dictionary,
                   "violence_against_civilians")
    assert "Unidentified armed group" in [name for role, name in roles if role == "perpetrator"]


@pytest.mark.parametrize("text", [
    "Terrorists positioned in Douma fired mortar shells at Jaramana, killing two civilians.",
    "Terrorist groups entrenched in the village of Rahoum fired 13 rocket shells on the town.",
    "Terrorists stationed in Bani Zaid neighborhood fired rocket shells on the city.",
    "Terrorist groups positioned in the southern neighborhoods of Daraa city fired mortar shells on al-Mahatta.",
])
def test_a_force_told_where_it_is_dug_in_still_acts(dictionary, text):
    # where the force is positioned stands between it and its verb, as a place does
    roles = _roles(text, dictionary, "explosions_remote_violence")
    assert roles[0] == ("perpetrator", "Unidentified armed group")


def test_a_force_told_where_it_is_fought_does_not_do_what_follows_the_place(dictionary):
    # "in northern Syria capturing": the participle is the subject's, not the force fought
    text = ("The Syrian Democratic Forces have been the main force fighting Daesh in northern Syria capturing "
            "significant territory.")
    found = actors(text, dictionary, country="SY")
    assert [(a.name, a.role_hint) for a in found if a.name == "Islamic State"] == [("Islamic State", None)]


@pytest.mark.parametrize("text, expected", [
    # a year before the doers is a date, not a count of victims
    ("On 14 February 2019, unidentified men abducted a human rights lawyer in Cairo.",
     ("perpetrator", "Unidentified armed group")),
    ("On 14 February 2019 gunmen abducted a human rights lawyer in Cairo.", ("perpetrator", "Unidentified armed group")),
    # a count is
    ("On Monday, 12 gunmen killed in clashes were buried.", ("target", "Unidentified armed group")),
])
def test_a_year_before_the_doers_is_no_count_of_them(dictionary, text, expected):
    assert _roles(text, dictionary, "violence_against_civilians")[0] == expected


@pytest.mark.parametrize("text", [
    # the subject of a clash and the backers told between it and its verb are one side
    "Syrian troops, backed by Russian air power and Iranian-backed militias, clashed with rebels near Aleppo.",
    "Regime troops backed by Syrian and Russian warplanes have been battling rebels for control of Al Maleh.",
])
def test_a_force_and_its_backers_are_one_side_of_a_clash(dictionary, text):
    roles = dict((n, r) for r, n in _roles(text, dictionary, "battles"))
    assert roles["Syrian government forces"] == "side_a" and roles["Syrian armed opposition"] == "side_b"


def test_tribal_fighters_are_a_communal_militia(dictionary):
    roles = _roles("Clashes between the Syrian Democratic Forces and Arab tribal fighters killed 54 people.",
                   dictionary, "battles")
    assert {n for r, n in roles if r.startswith("side")} == {"Syrian Democratic Forces", "Tribal militias"}
    assert len({r for r, n in roles if r.startswith("side")}) == 2


@pytest.mark.parametrize("text, doer", [
    ("A protester was shot dead by soldiers in Khartoum.", "soldiers"),
    ("A journalist was beaten to death by police in Lagos.", "police"),
    ("The activist was burned alive by a mob.", "a mob"),
])
def test_the_agent_after_a_violent_act_s_last_word_is_hinted_its_doer(dictionary, text, doer):
    assert [(m.text, m.role_hint) for m in actors(text, dictionary, country=None) if m.text == doer] == [
        (doer, "perpetrator")]


@pytest.mark.parametrize("text", [
    'Syrian state media said "terrorists" shelled the Mezzeh neighbourhood of Damascus.',
    "SANA said “terrorists” fired mortar shells on Jaramana.",
])
def test_a_doer_named_in_quotes_still_acts(dictionary, text):
    (m,) = [m for m in actors(text, dictionary) if m.text == "terrorists"]
    assert m.role_hint == "perpetrator"


@pytest.mark.parametrize("text, speaker", [
    ("Hezbollah said two of its fighters were killed in clashes with Nusra Front militants.", "Hezbollah"),
    ("The Syrian army said on Monday that 12 of its soldiers were killed in clashes with Islamic State.",
     "Syrian army"),
])
def test_a_speaker_that_tells_its_own_losses_in_a_fight_is_a_side(dictionary, text, speaker):
    roles = _roles(text, dictionary, "battles")
    assert {r for r, n in roles if r.startswith("side")} == {"side_a", "side_b"}
    (m,) = [m for m in actors(text, dictionary) if m.text == speaker]
    assert m.role_hint == "side"
