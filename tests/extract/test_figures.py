"""The ``figures`` stage and the ``numbers`` helper: quantities, outcomes, groups, parts."""

from __future__ import annotations


import pytest

from marsad.extract.base import Context
from marsad.extract.figures import IMPLAUSIBLE_ABOVE, figures_stage, find_figures
from marsad.extract.numbers import find_quantities, tokenize, words_value

from .helpers import SEED, split_sentences





def figs(text: str):
    return find_figures(text, split_sentences(text))


def summary(text: str):
    return [(f.outcome, f.group, f.low, f.best, f.high) for f in figs(text)]


# -- numbers --------------------------------------------------------------------------


@pytest.mark.parametrize("text, low, best, high", [
    ("745", 745, 745, 745),
    ("1,400", 1400, 1400, 1400),
    ("1 400", 1400, 1400, 1400),
    ("1.5 million", 1_500_000, 1_500_000, 1_500_000),
    ("seven", 7, 7, 7),
    ("twenty-three", 23, 23, 23),
    ("Thirty one", 31, 31, 31),
    ("one hundred and twenty", 120, 120, 120),
    ("a dozen", 12, 12, 12),
    ("two dozen", 24, 24, 24),
    ("half a dozen", 6, 6, 6),
    ("at least 745", 745, 745, None),
    ("more than 500", 500, 500, None),
    ("over 100", 100, 100, None),
    ("upwards of 30", 30, 30, None),
    ("20 or more", 20, 20, None),
    ("about 32", 32, 32, 32),
    ("nearly 70", 70, 70, 70),
    ("some 20", 20, 20, 20),
    ("up to 40", 40, 40, 40),
    ("fewer than 10", 9, 9, 9),
    ("20 to 30", 20, 20, 30),
    ("between 229 and 425", 229, 229, 425),
    ("20-30", 20, 20, 30),
    ("two or three", 2, 2, 3),
    # plural vague words give a floor, not a ceiling
    ("dozens", 12, 12, None),
    ("scores", 20, 20, None),
    ("tens", 10, 10, None),
    ("hundreds", 100, 100, None),
    ("thousands", 1000, 1000, None),
    ("tens of thousands", 10000, 10000, None),
    ("several", 3, 3, 3),
])
def test_quantities(text, low, best, high):
    qs = find_quantities(text)
    assert len(qs) == 1
    q = qs[0]
    assert (q.low, q.best, q.high) == (low, best, high)
    assert text[q.start:q.end] == text


def test_qualifier_and_vagueness_are_kept():
    q = find_quantities("about 32")[0]
    assert q.qualifier == "about" and not q.vague
    assert find_quantities("dozens")[0].vague
    assert find_quantities("a number of")[0:] == []
    assert find_quantities("many people") == []


def test_toll_update_takes_the_new_figure():
    q = find_quantities("the toll rose from 20 to 30")[0]
    assert (q.low, q.best, q.high) == (30, 30, 30)


def test_words_value():
    assert words_value(["two", "thousand", "five", "hundred"]) == 2500
    assert words_value(["killed"]) is None


def test_tokens_keep_offsets():
    text = "At least 745 people, al-Qaeda's  fighters"
    for t in tokenize(text):
        assert text[t.start:t.end] == t.text


# -- outcomes ------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("A bomb blast killed six people and injured 32 in Aleppo.",
     [("killed", "total", 6, 6, 6), ("injured", "total", 32, 32, 32)]),
    ("Six people were killed and 20 wounded on Monday.",
     [("killed", "total", 6, 6, 6), ("injured", "total", 20, 20, 20)]),
    ("At least 48 people dead over 100 injured after truck bomb.",
     [("killed", "total", 48, 48, None), ("injured", "total", 100, 100, None)]),
    ("Jihadists executed three officers.", [("killed", "combatants", 3, 3, 3)]),
    ("Militants killed a Syrian army officer in Daraa.", [("killed", "combatants", 1, 1, 1)]),
    ("Gunmen shot dead a local journalist in Karachi.", [("killed", "civilians", 1, 1, 1)]),
    ("At least 12 people, including a district governor, were killed.", [("killed", "total", 12, 12, None)]),
    ("At least 12 people, including the mayor, were killed.", [("killed", "total", 12, 12, None)]),
    ("Gunmen gunned down two civilians.", [("killed", "civilians", 2, 2, 2)]),
    ("A mob stabbed to death three men.", [("killed", "total", 3, 3, 3)]),
    ("Attackers hacked three farmers to death with machetes.", [("killed", "civilians", 3, 3, 3)]),
    ("Unknown assailants stabbed a human rights defender to death.", [("killed", "civilians", 1, 1, 1)]),
    ("Gunmen stabbed two men in the market and fled.", []),
    # "gunned down" in the passive is a killing; one person told by two nouns is one
    ("A land rights activist was gunned down in Negros on Friday.", [("killed", "civilians", 1, 1, 1)]),
    ("Two farmers were mowed down by troops.", [("killed", "civilians", 2, 2, 2)]),
    ("A farmer and land rights activist was shot dead in Negros.", [("killed", "civilians", 1, 1, 1)]),
    # the definite article as one victim of a killing, not of anything else
    ("Gunmen killed the priest in Kaduna.", [("killed", "civilians", 1, 1, 1)]),
    ("Gunmen shot dead the journalist in Kabul.", [("killed", "civilians", 1, 1, 1)]),
    ("The priest said gunmen had attacked the village.", []),
    ("The blogger was killed in 2019 in Karachi.", [("killed", "civilians", 1, 1, 1)]),
    ("The priest was shot dead in Kaduna.", [("killed", "civilians", 1, 1, 1)]),
    ("The priest was arrested in Kaduna.", []),
    # ... or of a wounding
    ("Gunmen opened fire on the car, wounding the driver.", [("injured", "civilians", 1, 1, 1)]),
    # ... and so is a possessive; the owner before the victim is not the one counted
    ("Gunmen abducted an activist and killed his companion, police said.", [("killed", "total", 1, 1, 1)]),
    ("His brother was shot dead outside the house.", [("killed", "total", 1, 1, 1)]),
    ("The activist's brother was shot dead in Tumaco.", [("killed", "total", 1, 1, 1)]),
    ("Her son was arrested in Kaduna.", []),
    ("A grenade hit the house, wounding his wife and two children.",
     [("injured", "women", 1, 1, 1), ("injured", "children", 2, 2, 2), ("injured", "civilians", 3, 3, 3)]),
    ("His brother said gunmen had attacked the village.", []),
    # nouns of what the people do before the noun ("polio vaccination"); leaders or members
    # of what bears no arms are not said to be combatants
    ("Gunmen killed a polio vaccination worker in Bannu.", [("killed", "civilians", 1, 1, 1)]),
    ("Gunmen killed two polio workers.", [("killed", "civilians", 2, 2, 2)]),
    ("Gunmen killed three church leaders.", [("killed", "total", 3, 3, 3)]),
    # a side that lost fighters or people lost them dead; not what else it lost
    ("The army lost two soldiers in the clashes.", [("killed", "combatants", 2, 2, 2)]),
    ("The rebels lost 30 percent of their territory.", []),
    # two nouns of who the person is, joined by a hyphen: the last is the one counted, or the
    # one under arms
    ("A farmer-activist was shot dead in Kabankalan.", [("killed", "civilians", 1, 1, 1)]),
    ("Gunmen killed two lawyer-activists in Davao.", [("killed", "civilians", 2, 2, 2)]),
    ("A soldier-poet was killed in Donetsk.", [("killed", "combatants", 1, 1, 1)]),
    ("Troops killed three rebel leaders.", [("killed", "combatants", 3, 3, 3)]),
    ("Troops killed 5 ISIS members.", [("killed", "combatants", 5, 5, 5)]),
    # a person's age or condition before the noun
    ("Police opened fire on protesters, killing a teenage boy.", [("killed", "children", 1, 1, 1)]),
    ("Shelling killed a pregnant woman in Idlib.", [("killed", "women", 1, 1, 1)]),
    ("Gunmen shot dead a security analyst in Baghdad.", [("killed", "civilians", 1, 1, 1)]),
    ("Two researchers were killed in Karachi.", [("killed", "civilians", 2, 2, 2)]),
    ("Troops killed 20 bandits in Zamfara.", [("killed", "combatants", 20, 20, 20)]),
    # no longer under arms: civilians
    ("The Taliban executed a former police officer in Ghazni.", [("killed", "civilians", 1, 1, 1)]),
    ("Gunmen killed two retired soldiers in Kaduna.", [("killed", "civilians", 2, 2, 2)]),
    # members of a civic body are civilians, of an armed one combatants
    ("Two members of the Council of Indigenous Peoples of Cauca were murdered.", [("killed", "civilians", 2, 2, 2)]),
    ("Two members of the Manbij Military Council were killed.", [("killed", "combatants", 2, 2, 2)]),
    ("A member of the Red Crescent was killed near Mayadin.", [("killed", "civilians", 1, 1, 1)]),
    # a noun in quotes is still the noun counted
    ('The army said it had killed 15 "terrorists" in an operation.', [("killed", "combatants", 15, 15, 15)]),
    ("Troops killed 12 ‘militants’ on Sunday.", [("killed", "combatants", 12, 12, 12)]),
    ("A blast killed at least 25 Syrian Army soldiers.", [("killed", "combatants", 25, 25, None)]),
    ("The strikes claimed the lives of 14 civilians.", [("killed", "civilians", 14, 14, 14)]),
    ("Seven civilians were martyred on Wednesday.", [("killed", "civilians", 7, 7, 7)]),
    ("65 bodies of civilians were found.", [("killed", "total", 65, 65, 65)]),
    # a participle's phrase between the count and its verb
    ("Two journalists working for Orient TV were killed by a sniper.", [("killed", "civilians", 2, 2, 2)]),
    ("Five soldiers guarding the checkpoint were killed.", [("killed", "combatants", 5, 5, 5)]),
    ("Two journalists covering the protest were arrested.", []),
    # the body of one is one dead, not a body of people
    ("The body of a missing environmental activist was found in a ravine.", [("killed", "civilians", 1, 1, 1)]),
    ("A body of experts met in Geneva.", []),
    ("Dozens of people have been killed in Idlib.", [("killed", "total", 12, 12, None)]),
    ("hundreds of Alawite civilians were killed", [("killed", "civilians", 100, 100, None)]),
    ("The death toll rose to 70 on Sunday.", [("killed", "total", 70, 70, 70)]),
    ("The civilian death toll rose to 70.", [("killed", "civilians", 70, 70, 70)]),
    ("The governor put the death toll at six.", [("killed", "total", 6, 6, 6)]),
    # kin named with a possessive: "her two children", "his son"
    ("Rebels shelled the town, killing a woman and her two children.",
     [("killed", "women", 1, 1, 1), ("killed", "children", 2, 2, 2), ("killed", "civilians", 3, 3, 3)]),
    ("A woman and her two children were killed.",
     [("killed", "women", 1, 1, 1), ("killed", "children", 2, 2, 2), ("killed", "civilians", 3, 3, 3)]),
    ("A man and his son were killed.",
     [("killed", "total", 1, 1, 1), ("killed", "total", 1, 1, 1), ("killed", "total", 2, 2, 2)]),
    ("Gunmen killed a man and his son.",
     [("killed", "total", 1, 1, 1), ("killed", "total", 1, 1, 1), ("killed", "total", 2, 2, 2)]),
    ("The strike killed a fighter and his wife.",
     [("killed", "combatants", 1, 1, 1), ("killed", "women", 1, 1, 1), ("killed", "total", 2, 2, 2)]),
    ("Gunmen killed their two children.", [("killed", "children", 2, 2, 2)]),
    # ... and listed: "the mayor, his wife and their driver"
    ("Gunmen killed the mayor, his wife and their driver in Cauca.",
     [("killed", "civilians", 1, 1, 1), ("killed", "civilians", 2, 2, 2), ("killed", "civilians", 3, 3, 3)]),
    # a village's or a tribe's chief is a civilian, and so are the ones added "along with" of his
    ("Gunmen killed a village chief along with three of his relatives.",
     [("killed", "civilians", 1, 1, 1), ("killed", "total", 3, 3, 3), ("killed", "total", 4, 4, 4)]),
    ("Militants killed the police chief.", [("killed", "combatants", 1, 1, 1)]),
    ("Gunmen killed three brothers in Kano.", [("killed", "total", 3, 3, 3)]),
    ("The death toll stood at 12, officials said.", [("killed", "total", 12, 12, 12)]),
    ("He put the civilian death toll at 40.", [("killed", "civilians", 40, 40, 40)]),
    ("The blast happened at 12, police said.", []),
    ("The meeting was put at 12 by the chairman.", []),
    ("The number of civilians killed by the airstrike in Raqqa has risen to 20.",
     [("killed", "civilians", 20, 20, 20)]),
    ("The death toll of children has reached 12.", [("killed", "children", 12, 12, 12)]),
    ("The civilian death toll reached 30 people.", [("killed", "civilians", 30, 30, 30)]),
    ("The civilian death toll reached 30 fighters.", [("killed", "combatants", 30, 30, 30)]),
    ("The death toll from the strike on the children's hospital rose to 30.",
     [("killed", "total", 30, 30, 30)]),
    ("Three children from one family were killed.", [("killed", "children", 3, 3, 3)]),
    ("A volunteer with the Syrian Arab Red Crescent was killed on Thursday.", [("killed", "civilians", 1, 1, 1)]),
    ("Five women and a child have been killed.",
     [("killed", "women", 5, 5, 5), ("killed", "children", 1, 1, 1), ("killed", "civilians", 6, 6, 6)]),
    ("killing at least three women and injuring dozens more",
     [("killed", "women", 3, 3, None), ("injured", "total", 12, 12, None)]),
    ("The raid left at least 27 people dead.", [("killed", "total", 27, 27, None)]),
    ("Syrian army kills over 80 terrorists.", [("killed", "combatants", 80, 80, None)]),
    ("At least 29 Syrian rebels were killed in clashes.", [("killed", "combatants", 29, 29, None)]),
    ("A suicide bomber killed five Kurdish policemen.", [("killed", "combatants", 5, 5, 5)]),
    ("the attack killed 25 members of the Nusra Front", [("killed", "combatants", 25, 25, 25)]),
    ("killing five members of the same family", [("killed", "total", 5, 5, 5)]),
    ("40 Civilians Killed 100 Injured in New Rocket Attacks",
     [("killed", "civilians", 40, 40, 40), ("injured", "total", 100, 100, 100)]),
    ("Three civilians killed 12 others injured in attacks",
     [("killed", "civilians", 3, 3, 3), ("injured", "total", 12, 12, 12)]),
    ("At least 14 people were killed 25 were wounded in an attack",
     [("killed", "total", 14, 14, None), ("injured", "total", 25, 25, 25)]),
    ("An attack killed two patients injured eight others.",
     [("killed", "civilians", 2, 2, 2), ("injured", "total", 8, 8, 8)]),
    # people named by nationality: a singular one where its noun phrase ends
    ("An airstrike killed a Syrian in Idlib.", [("killed", "total", 1, 1, 1)]),
    ("A Pakistani was killed in the blast.", [("killed", "total", 1, 1, 1)]),
    ("Gunmen killed a man and two Nigerians in Lagos.",
     [("killed", "total", 1, 1, 1), ("killed", "total", 2, 2, 2), ("killed", "total", 3, 3, 3)]),
    ("The shelling killed two Syrian soldiers.", [("killed", "combatants", 2, 2, 2)]),
    ("Gunmen hijacked a plane and killed a passenger.", [("killed", "civilians", 1, 1, 1)]),
    ("The blast killed a paramedic.", [("killed", "civilians", 1, 1, 1)]),
    # the French spelling some wires keep
    ("The clashes left 16 combattants dead.", [("killed", "combatants", 16, 16, 16)]),
])
def test_outcomes(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize("text", [
    "5000 people were displaced by the fighting.",
    "Security forces arrested 20 people.",
    "12 people are missing after the strike.",
    "Some 300 families were evacuated from the town.",
    "Gunmen kidnapped 15 villagers.",
    "A convoy carrying 5000 people left Aleppo.",
    "2000 Syria refugees stranded in Lebanon mountains",
    "Rebels captured two villages and 3 checkpoints.",
    "The strikes lasted 24 hours.",
    "A 12-year-old boy said the war began in 2011.",
    "the boy, aged 12, was treated",
    "Prices rose 40 percent and 30 % in a week.",
    "The fund gave $5 million.",
    "At 2354 the blast was heard on 24.08.2013.",
    "Fighting continued for 3 weeks.",
    "The strikes caused 30 casualties.",
    "The bombing killed and wounded 30 people.",
    "20 people were killed and wounded in the blast.",
    "The rebels left behind tens of dead and wounded members.",
    "At least 6 civilians suffer suffocation cases.",
    "Views 458 Related Lebanon charges 43 Syrians with belonging to terrorist groups",
    "Nearly 50 air strikes hit rebel-held areas.",
    "A man walks by a damaged site.",
    "Shells hit two Nigerian villages and killed livestock.",
    "The strike killed a Syrian army mule.",
    "Posted 16-04-2017 Several people were seen.",
])
def test_not_fatalities(text):
    assert [f for f in figs(text) if f.outcome == "killed"] == []


@pytest.mark.parametrize("text, expected", [
    ("Two children aged 5 and 7 were killed.", [("killed", "children", 2, 2, 2)]),
    ("In 2013 1400 people were killed in Ghouta.", [("killed", "total", 1400, 1400, 1400)]),
    ("The blast killed 5 of the soldiers.", [("killed", "combatants", 5, 5, 5)]),
    ("Strikes claimed more than 100 civilians.", [("killed", "civilians", 100, 100, None)]),
    ("Three children from one family were killed.", [("killed", "children", 3, 3, 3)]),
    ("Death Toll in Blast on Evacuees Rises to 70 REUTERS", [("killed", "total", 70, 70, 70)]),
    ("124 At least four people were killed.", [("killed", "total", 4, 4, None)]),
    ("Child killed 9 Civilians Injured in Attacks", [("injured", "civilians", 9, 9, 9)]),
    ("ISIL Kills Crucifies 5 Syrians in Deir Ezzor", [("killed", "total", 5, 5, 5)]),
    ("The bomb killed 20 people and wounded between 30 and 40 others.",
     [("killed", "total", 20, 20, 20), ("injured", "total", 30, 30, 40)]),
])
def test_more_outcomes(text, expected):
    assert summary(text) == expected


def test_casualty_toll_is_not_a_death_toll():
    assert figs("The casualty toll rose to 30.") == []


def test_dates_and_times_inside_text_are_not_numbers():
    assert summary("05-05-2016 Several Syrians Killed in Homs") == [("killed", "total", 3, 3, 3)]
    assert summary("Clashes at 18:41 killed 4 soldiers") == [("killed", "combatants", 4, 4, 4)]


def test_things_are_not_victims():
    # "30 airstrikes killed 5": 5 killed, never 30
    assert summary("30 airstrikes killed 5 people in Idlib.") == [("killed", "total", 5, 5, 5)]
    assert summary("Six barrel bombs killed two children.") == [("killed", "children", 2, 2, 2)]
    assert summary("Ten Russian raids hit Raqqa killing at least 30 people.") == [
        ("killed", "total", 30, 30, None)]


def test_vague_figures_are_flagged_vague():
    f = figs("Dozens of civilians have been killed.")[0]
    assert f.vague and f.best == 12 and "Dozens" in f.text
    f = figs("Several people were killed.")[0]
    assert f.vague and f.best == 3
    assert not figs("At least 12 civilians were killed.")[0].vague


# -- parts of a total ---------------------------------------------------------------


def test_a_part_in_an_aside_shares_the_outcome_of_its_total():
    # "hundreds of others, including 15 policemen, injured": the policemen were injured
    assert summary("Three people were killed and hundreds of others, including 15 policemen, injured.") == [
        ("killed", "total", 3, 3, 3), ("injured", "total", 100, 100, None), ("injured", "combatants", 15, 15, 15)]


def test_including_part():
    fs = figs("Air strikes killed 20 people including 8 children on Friday.")
    assert [(f.group, f.best, f.part_of) for f in fs] == [("total", 20, None), ("children", 8, 0)]
    assert fs[1].text == "including 8 children" and fs[1].outcome == "killed"


@pytest.mark.parametrize("text, total, part", [
    ("At least 72 people including nine children were killed in an airstrike.", 72, ("children", 9)),
    ("At least 11 civilians among them three children were killed Thursday.", 11, ("children", 3)),
    ("Air strikes killed 25 civilians six of them children.", 25, ("children", 6)),
    ("Ten children were among at least 48 people killed in a village.", 48, ("children", 10)),
    ("A blast killed 16 people of whom 5 were women.", 16, ("women", 5)),
    ("Two people one of them a child killed in rocket attacks.", 2, ("children", 1)),
    # a part told as an aside between the figure and its predicate
    ("Clashes left 23 civilians - including nine children - dead.", 23, ("children", 9)),
    ("At least 20 people, including eight children, were killed on Monday.", 20, ("children", 8)),
    ("20 people (including eight children) were killed.", 20, ("children", 8)),
])
def test_part_forms(text, total, part):
    fs = figs(text)
    tot = [f for f in fs if f.part_of is None]
    parts = [f for f in fs if f.part_of is not None]
    assert [f.best for f in tot] == [total]
    assert [(f.group, f.best) for f in parts] == [part]
    assert fs[parts[0].part_of] is tot[0]
    assert parts[0].outcome == tot[0].outcome == "killed"


def test_coordinated_victims_add_up_to_a_derived_total_of_which_they_are_parts():
    fs = figs("At least 16 civilians and three children have been killed in air raids.")
    assert [(f.group, f.best, f.high, f.part_of, f.derived) for f in fs] == [
        ("civilians", 16, None, 2, False), ("children", 3, 3, 2, False), ("civilians", 19, None, None, True)]
    assert fs[2].text == "At least 16 civilians and three children have been killed"
    assert fs[0].text == "At least 16 civilians"      # each part is its own phrase
    fs = figs("A man, a woman and a child were killed.")
    assert [(f.group, f.best) for f in fs] == [("total", 1), ("women", 1), ("children", 1), ("total", 3)]
    assert [f.part_of for f in fs[:3]] == [3, 3, 3]
    fs = figs("A journalist and two soldiers were wounded.")
    assert (fs[-1].outcome, fs[-1].group, fs[-1].best) == ("injured", "total", 3)
    # one article, two people; a second person named without a number
    assert [(f.group, f.best) for f in figs("A woman and child were killed.")] == [("civilians", 2)]
    fs = figs("A man and child were killed in the shelling.")
    assert [(f.text, f.group, f.best) for f in fs] == [
        ("A man", "total", 1), ("child", "children", 1), ("A man and child were killed", "total", 2)]
    # separate predicates are separate figures, not one total
    fs = figs("Five civilians were killed and two soldiers were wounded.")
    assert [(f.outcome, f.best, f.part_of) for f in fs] == [("killed", 5, None), ("injured", 2, None)]
    # after one verb too
    fs = figs("Fighting killed 30 rebels and 12 soldiers near Hama.")
    assert [(f.group, f.best, f.part_of, f.derived) for f in fs] == [
        ("combatants", 30, 2, False), ("combatants", 12, 2, False), ("combatants", 42, None, True)]
    assert fs[2].text == "killed 30 rebels and 12 soldiers"
    fs = figs("The raid killed 12 civilians and wounded 20 others.")
    assert [(f.outcome, f.best, f.part_of) for f in fs] == [("killed", 12, None), ("injured", 20, None)]


def test_the_rest_is_derived_and_never_double_counted():
    text = ("The organization estimates that at least 745 people have been killed so far, "
            "including 523 Alawite civilians, while the rest were combatants from both sides.")
    fs = figs(text)
    total, civ, comb = fs
    assert (total.group, total.low, total.best, total.high) == ("total", 745, 745, None)
    assert total.text == "at least 745 people have been killed"
    assert (civ.group, civ.best, civ.high, civ.part_of) == ("civilians", 523, 523, 0)
    assert civ.text == "including 523 Alawite civilians"
    assert (comb.group, comb.best, comb.part_of, comb.derived) == ("combatants", 222, 0, True)
    assert comb.high is None  # the rest of an open total is open
    assert comb.text == "the rest were combatants"
    # the parts never exceed the total
    assert sum(f.best for f in fs if f.part_of == 0) == total.best


def test_a_kind_of_civilian_among_a_total_bounds_civilians_from_below_only():
    # one journalist among six dead: at least one civilian, at most six (not exactly one)
    fs = figs("A suicide bombing killed six people including a journalist, and the rest were soldiers.")
    total, civ, rest = fs
    assert (civ.group, civ.low, civ.best, civ.high, civ.part_of) == ("civilians", 1, 1, 6, 0)
    assert (rest.group, rest.best, rest.high, rest.derived) == ("combatants", 5, 5, True)
    # civilians counted as such stay exact
    (_, civ) = figs("Strikes killed 20 people including 8 civilians.")
    assert (civ.low, civ.best, civ.high) == (8, 8, 8)


def test_rest_without_parts_is_not_derived():
    fs = figs("At least 20 people were killed and the rest were wounded.")
    assert [f.derived for f in fs] == [False]


# -- flags, offsets, sentences --------------------------------------------------------


def test_implausible_numbers_are_flagged():
    fs = figs("Rebels killed 99999999 people.")
    assert len(fs) == 1 and fs[0].flag == "implausible"
    assert figs(f"killed {IMPLAUSIBLE_ABOVE} people")[0].flag is None
    assert figs("Strikes killed 45 people.")[0].flag is None


def test_war_totals_are_cumulative():
    fs = figs("More than 400000 people have been killed since the war began in 2011. "
              "Strikes killed 12 people on Monday.")
    assert [(f.best, f.flag) for f in fs] == [(400000, "implausible"), (12, None)]
    fs = figs("More than 40000 people have been killed since 2011.")
    assert fs[0].flag == "cumulative"
    fs = figs("Russian airstrikes have killed thousands of civilians since Moscow intervened in 2015.")
    assert [(f.best, f.vague, f.flag) for f in fs] == [(1000, True, "cumulative")]
    # "since Thursday" is the incident's own window, not a war total
    assert figs("Since Thursday at least 745 people have been killed.")[0].flag is None
    # ... nor is a count since an offensive was launched, or since protests began
    fs = figs("At least 280 civilians have been killed since Turkey launched its offensive in January.")
    assert fs[0].flag == "cumulative"
    fs = figs("Forces have killed more than 150 people since the start of the protests on October 4.")
    assert fs[0].flag == "cumulative"
    assert figs("Strikes killed 12 people at the start of the offensive.")[0].flag is None
    # ... nor a count since a long-named start, nor one of the whole world
    fs = figs("More than 300 people have been killed since protests against President Daniel Ortega began in April.")
    assert fs[0].flag == "cumulative"
    assert figs("Last year, at least 45 journalists were killed worldwide.")[0].flag == "cumulative"
    # a count of what may come to be is hypothetical
    assert figs("Fighting could erupt, potentially killing thousands.")[0].flag == "hypothetical"
    assert figs("A new offensive would kill hundreds of civilians.")[0].flag == "hypothetical"
    # ... nor a period's tally
    for text in ("Security forces executed at least 582 people so far this year, a rights group said.",
                 "In the first six months of 2021, 91 social leaders were killed.",
                 "Police killed 40 protesters this year alone."):
        assert figs(text)[0].flag == "cumulative", text
    # ... but a day's toll told after a comma and a clause of its own is the day's
    assert figs("Since Monday, when the army started shelling, 12 people have been killed.")[0].flag is None
    # ... nor one an act's superlative is measured over
    fs = figs("The toll from the bombings in Jableh rose to 148 dead, making it the deadliest attack on the coast "
              "since the war began.")
    assert [(f.best, f.flag) for f in fs] == [(148, None)]
    fs = figs("The attack killed 40, the deadliest since 2015, and 3,000 have died since the conflict began.")
    assert [f.flag for f in fs] == ["cumulative", "cumulative"]


def test_offsets_and_sentences():
    text = "Rockets hit Aleppo.\nThe strike killed 12 people. Another raid wounded 30 civilians."
    fs = figures_ctx(text)
    assert [(f.outcome, f.best, f.sentence) for f in fs] == [("killed", 12, 1), ("injured", 30, 2)]
    for f in fs:
        assert text[f.start:f.end] == f.text


def figures_ctx(text: str, masked=()):
    ctx = Context(text=text, meta={}, masked=list(masked))
    ctx.sentences = split_sentences(text)
    figures_stage(ctx)
    return ctx.figures


def test_masked_furniture_is_skipped():
    text = "3 View gallery killed\nThe strike killed 12 people."
    assert [f.best for f in figures_ctx(text, masked=[(0, 21)])] == [12]


def test_without_sentences_the_stage_still_works():
    fs = find_figures("The strike killed 12 people. Another raid wounded 30.", [])
    assert [(f.outcome, f.best, f.sentence) for f in fs] == [("killed", 12, -1), ("injured", 30, -1)]


def test_empty_and_numberless_texts():
    assert find_figures("", []) == []
    assert figs("The match ended in a draw.") == []


def test_seed_report_figures(shared_corpus):
    text = SEED.read_text(encoding="utf-8")
    fs = figs(text)
    killed = [f for f in fs if f.outcome == "killed"]
    by_best = {f.best: f for f in killed}
    assert by_best[745].group == "total" and by_best[745].high is None
    assert by_best[523].group == "civilians" and killed[by_best[523].part_of] is by_best[745]
    assert by_best[222].derived and by_best[222].group == "combatants"
    assert by_best[500].high is None and "slaughtered" in by_best[500].text
    assert by_best[100].vague and by_best[100].group == "civilians"  # "hundreds of Alawite civilians"
    # "3 View gallery", "Get the Ynetnews app" and the like carry no figure
    assert all(f.best in (745, 523, 222, 500, 100) for f in fs)
    for f in fs:
        assert text[f.start:f.end] == f.text and f.sentence >= 0


def test_hostile_text_stays_linear():
    import time

    text = "killed 1 000 " * 5000 + "Two of the victims were minors. " * 500
    t0 = time.process_time()
    fs = find_figures(text, split_sentences(text))
    assert time.process_time() - t0 < 3.0
    assert len(fs) >= 5000


def _named(text: str, people: list[str], masked=()) -> list[tuple[str, str, int]]:
    """Figures of the stage, the named ``people`` marked as the model marks a PERSON."""
    ctx = Context(text=text, meta={}, masked=list(masked))
    ctx.sentences = split_sentences(text)
    ctx.entities = [(text.index(p), text.index(p) + len(p), "PERSON") for p in people]
    figures_stage(ctx)
    return [(f.outcome, f.group, f.best) for f in ctx.figures]


@pytest.mark.parametrize("text, people, expected", [
    # a named person the text says was killed is one dead, of the group of their title (a
    # social, indigenous or union leader is a civilian one, as in a count; a leader of what
    # the text does not say, or a rebel leader, is not said to be one)
    ("Colombian social leader Maria Rodriguez was shot dead outside her home.", ["Maria Rodriguez"],
     [("killed", "civilians", 1)]),
    ("Trade union member Juan Perez was shot dead in Cauca.", ["Juan Perez"], [("killed", "civilians", 1)]),
    ("The leader Maria Rodriguez was shot dead outside her home.", ["Maria Rodriguez"], [("killed", "total", 1)]),
    ("Journalist Jacinto Romero, 45, was shot dead in Veracruz.", ["Jacinto Romero"],
     [("killed", "civilians", 1)]),
    ("Jamal Khashoggi, a Saudi journalist, was murdered in Istanbul.", ["Jamal Khashoggi"],
     [("killed", "civilians", 1)]),
    # a relative clause between is no title: its words are of something else
    ("Activist Caroline Mwatha, who had documented police killings in Dandora, was found dead.",
     ["Caroline Mwatha"], [("killed", "civilians", 1)]),
    ("Soldier Ahmed Ali was killed and 12 civilians were wounded.", ["Soldier Ahmed Ali"],
     [("killed", "combatants", 1), ("injured", "civilians", 12)]),
    ("Activist Ali Reza was seriously injured in the attack.", ["Ali Reza"], [("injured", "civilians", 1)]),
    ("A Filipino labour organiser, Jude Fernandez, was shot dead by police.", ["Jude Fernandez"],
     [("killed", "total", 1)]),
    ("The body of Mexican journalist Luis Sanchez, who had been missing since Wednesday, was found "
     "on Saturday.", ["Luis Sanchez"], [("killed", "civilians", 1)]),
    ("The body of Luis Sanchez has not been found.", ["Luis Sanchez"], []),
    # two people named and killed together are two
    ("Journalist Juan Perez and activist Maria Lopez were shot dead in Guerrero.", ["Juan Perez", "Maria Lopez"],
     [("killed", "civilians", 2)]),
    ("Indigenous expert Bruno Pereira and British journalist Dom Phillips were killed in the Amazon.",
     ["Bruno Pereira", "Dom Phillips"], [("killed", "total", 2)]),
    ("Maria Lopez were killed.", ["Maria Lopez"], []),
    ("Activist Lokman Slim, whose body was found in his car on Thursday, had received threats.",
     ["Lokman Slim"], [("killed", "civilians", 1)]),
    ("Activist Lokman Slim, whose car was found on Thursday, had received threats.", ["Lokman Slim"], []),
    # the object of a killing, and a death in custody
    ("Unidentified men shot dead land rights defender Ricardo Mendez on Friday.", ["Ricardo Mendez"],
     [("killed", "civilians", 1)]),
    ("Gunmen shot dead activist Juan Perez in Guerrero.", ["Juan Perez"], [("killed", "civilians", 1)]),
    ("Police who killed protesters arrested Juan Perez on Monday.", ["Juan Perez"], []),
    ("Journalist Samuel Wazizi died in military custody in Yaounde.", ["Samuel Wazizi"],
     [("killed", "civilians", 1)]),
    ("Samuel Wazizi died in a car crash in Yaounde.", ["Samuel Wazizi"], []),
    # burned alive, or killed after being tortured or abducted; a long aside before the fate
    ("Indigenous leader Domingo Choc was tortured and burned alive in Chimay.", ["Domingo Choc"],
     [("killed", "civilians", 1)]),
    ("Activist Maria Lopez was abducted and killed by gunmen in Guerrero.", ["Maria Lopez"],
     [("killed", "civilians", 1)]),
    ("Environmental defender Homero Gomez, who managed the El Rosario monarch butterfly sanctuary in "
     "Michoacan, was found dead in a well.", ["Homero Gomez"], [("killed", "civilians", 1)]),
    ("Activist Maria Lopez was abducted and released by gunmen in Guerrero.", ["Maria Lopez"], []),
    # ... told in a relative clause
    ("The group condemned the murder of journalist Javier Valdez, who was shot dead in Culiacan.",
     ["Javier Valdez"], [("killed", "civilians", 1)]),
    ("Reporter Javier Valdez, who was arrested in May, is still held.", ["Javier Valdez"], []),
    # ... named as a noun the speaker condemns or reports; not one the news came after, nor
    # one a trial is about
    ("Front Line Defenders condemns the killing of human rights defender Anastasio Cruz in Guerrero.",
     ["Anastasio Cruz"], [("killed", "civilians", 1)]),
    ("The CPJ is deeply concerned by the murder of Anastasio Cruz on 9 May.", ["Anastasio Cruz"],
     [("killed", "total", 1)]),
    ("Protests continued weeks after the killing of George Floyd in Minneapolis.", ["George Floyd"], []),
    # ... or one someone denies or claims a part in
    ("Hezbollah denied any involvement in the killing of activist Lokman Slim.", ["Lokman Slim"],
     [("killed", "civilians", 1)]),
    ("The group claimed responsibility for the murder of journalist Jan Kuciak.", ["Jan Kuciak"],
     [("killed", "civilians", 1)]),
    ("A court opened the trial over the murder of activist Anastasio Cruz.", ["Anastasio Cruz"], []),
    # ... or one someone is charged with or held for (not a plot, nor an attempt)
    ("A court charged four police officers with the murder of blogger Albert Ojwang.", ["Albert Ojwang"],
     [("killed", "civilians", 1)]),
    ("Two men were arrested in connection with the killing of journalist Ana Ruiz.", ["Ana Ruiz"],
     [("killed", "civilians", 1)]),
    ("He was accused of plotting the murder of activist Ana Ruiz.", ["Ana Ruiz"], []),
    # ... the killing's year before it
    ("He was jailed for his role in the 2016 murder of environmental activist Berta Caceres.", ["Berta Caceres"],
     [("killed", "civilians", 1)]),
    ("Police charged him with attempted murder of activist Ana Ruiz.", ["Ana Ruiz"], []),
    # a count in the sentence already holds the person; what a name did or underwent
    # otherwise is no casualty
    ("Maria Rodriguez was shot dead as gunmen killed 12 people in the town.", ["Maria Rodriguez"],
     [("killed", "total", 12)]),
    ("Maria Rodriguez was arrested on Monday.", ["Maria Rodriguez"], []),
    ("Maria Rodriguez said three people were killed.", ["Maria Rodriguez"], [("killed", "total", 3)]),
])
def test_a_named_person_killed_is_one_dead(text, people, expected):
    assert _named(text, people) == expected


@pytest.mark.parametrize("text, people, expected", [
    # a person named before "and N others" is one more of the count
    ("Journalist Juan Perez and two others were killed in Guerrero on Monday.", ["Juan Perez"],
     [("killed", "total", 3)]),
    ("Gunmen shot dead Juan Perez and two other people in Guerrero on Monday.", ["Juan Perez"],
     [("killed", "total", 3)]),
    ("Soldiers shot dead Chad Booc, a volunteer teacher for Lumad schools, and four others on Thursday.",
     ["Chad Booc"], [("killed", "total", 5)]),
    ("Afghan journalist Yama Siawash, a former TOLOnews presenter, was killed along with two others when a "
     "magnetic bomb exploded.", ["Yama Siawash"], [("killed", "total", 3)]),
    # ... or "along with" N people of a kind, where and when told between
    ("Indigenous leader Cristina Bautista was shot dead in Cauca on Tuesday along with four indigenous guards.",
     ["Cristina Bautista"], [("killed", "total", 5)]),
    ("Gunmen shot dead Cristina Bautista along with three of her bodyguards.", ["Cristina Bautista"],
     [("killed", "total", 4)]),
    # ... not what is no people ("along with two cars in the convoy")
    ("Gunmen shot dead Cristina Bautista along with two dogs in Cauca.", ["Cristina Bautista"],
     [("killed", "total", 1)]),
    # ... not where the others' count is vague, nor where nothing happened to them
    ("Gunmen shot dead Juan Perez and several others in Guerrero.", ["Juan Perez"], [("killed", "total", 1)]),
    ("Juan Perez and two others were arrested in Guerrero.", ["Juan Perez"], []),
])
def test_a_person_named_before_a_count_of_others_is_one_more(text, people, expected):
    assert _named(text, people) == expected


def _named_as(text: str, name: str, label: str) -> list[tuple[str, str, int]]:
    ctx = Context(text=text, meta={})
    ctx.sentences = split_sentences(text)
    ctx.entities = [(text.index(name), text.index(name) + len(name), label)]
    figures_stage(ctx)
    return [(f.outcome, f.group, f.best) for f in ctx.figures]


@pytest.mark.parametrize("text, name, expected", [
    # the model labels a name an organisation: a person's title right before it and a name's
    # shape tell the person
    ("Gunmen shot dead environmental activist Isidro Baldenegro Lopez on Sunday.", "Isidro Baldenegro Lopez",
     [("killed", "civilians", 1)]),
    ("Journalist Juan de la Cruz Mendez was shot dead in Guerrero.", "Juan de la Cruz Mendez",
     [("killed", "civilians", 1)]),
    # ... not a body, nor a name with no person's title before it
    ("Gunmen shot dead activist Comite Campesino Union members on Sunday.", "Comite Campesino Union", []),
    ("Gunmen shot dead the Baldenegro Lopez on Sunday.", "Baldenegro Lopez", []),
    ("Gunmen shot dead activist ABC Workers on Sunday.", "ABC Workers", []),
])
def test_a_person_the_model_took_for_an_organisation(text, name, expected):
    assert _named_as(text, name, "ORG") == expected


@pytest.mark.parametrize("text, expected", [
    # the entity ruler took the surname for a town (Mendoza, Argentina) before the model
    # saw the person: the given name before it and the fate tell the person
    ("Environmental defender Carlos Mendoza was shot dead outside his home.", [("killed", "civilians", 1)]),
    ("Carlos Mendoza, an environmental defender, was shot dead in Honduras.", [("killed", "civilians", 1)]),
    # a town with no given name before it, or one that meets no such fate, is no person
    ("Gunmen attacked Mendoza on Monday.", []),
    ("Clashes in Mendoza were reported.", []),
])
def test_a_named_victim_whose_surname_the_ruler_took_for_a_town(text, expected):
    _named_after_a_town(text, "Mendoza", expected)


@pytest.mark.parametrize("text, expected", [
    # ... or the given name (Santos, Brazil): the surname after it and the fate tell the person
    ("Community leader Santos Martinez was found dead with gunshot wounds.", [("killed", "civilians", 1)]),
    ("Gunmen attacked Santos Province on Monday and killed a farmer.", [("killed", "civilians", 1)]),
    ("Santos Martinez was arrested.", []),
])
def test_a_named_victim_whose_given_name_the_ruler_took_for_a_town(text, expected):
    _named_after_a_town(text, "Santos", expected)


def _named_after_a_town(text, town, expected):
    ctx = Context(text=text, meta={}, masked=[])
    ctx.sentences = split_sentences(text)
    s = text.index(town)
    ctx.entities = [(s, s + len(town), "GPE")]
    figures_stage(ctx)
    assert [(f.outcome, f.group, f.best) for f in ctx.figures] == expected


@pytest.mark.parametrize("text, expected", [
    # a period's running total the day's dead are added to is no count of theirs
    ("Two social leaders were murdered in Cauca, bringing the number of social leaders killed in "
     "Colombia this year to 215.", [("killed", "civilians", 2, None), ("killed", "total", 215, "cumulative")]),
    # ... but a toll of the event itself, with no period, is
    ("The blast killed 28 people, and two died in hospital on Monday, bringing the death toll from the blast to 30.",
     [("killed", "total", 28, None), ("killed", "total", 2, None), ("killed", "total", 30, None)]),
])
def test_a_running_total_of_a_period_is_cumulative(text, expected):
    assert [(f.outcome, f.group, f.best, f.flag) for f in figures_ctx(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a tally over months since a month named is no count of one event
    ("More than 300 civilians have been killed in Aleppo since April.", [("killed", "civilians", 300, "cumulative")]),
    ("Around 600 Syrians have been killed in coalition air strikes since September 2014.",
     [("killed", "total", 600, "cumulative")]),
    ("The bombardment since mid-February has killed more than 132 civilians.",
     [("killed", "civilians", 132, "cumulative")]),
    # ... but the days since a date are one battle's, and the day's count beside the tally its own
    ("At least 50 fighters have been killed in clashes since June 2.", [("killed", "combatants", 50, None)]),
    ("Gunmen killed five people in Zamfara on Sunday, bringing the total killed in the state since January to "
     "more than 400 people.", [("killed", "total", 5, None)]),
])
def test_a_tally_since_a_month_is_cumulative(text, expected):
    assert [(f.outcome, f.group, f.best, f.flag) for f in figures_ctx(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # those who killed are no dead of theirs
    ("Two gunmen killed a journalist in Karachi.", [("killed", "civilians", 1)]),
    ("Two unidentified attackers killed Qais Javed on Monday.", []),
    ("Two soldiers killed three militants in Borno.", [("killed", "combatants", 3)]),
    # ... but the dead of a reduced passive are ("killed the previous day", "killed Monday")
    ("At least 12 people killed the previous day were buried.", [("killed", "total", 12)]),
    ("Five soldiers killed Monday in an ambush were buried.", [("killed", "combatants", 5)]),
    # a count after the verb opens the next clause of a headline whose commas were lost
    ("Three civilians killed 12 others injured in attacks", [("killed", "civilians", 3), ("injured", "total", 12)]),
    ("20 Civilians Killed Scores Injured in Terrorist Attacks in Aleppo", [("killed", "civilians", 20),
                                                                           ("injured", "total", 20)]),
    # a label opening the sentence before a colon is no time ("10:30")
    ("Eastern Ghouta: At least 250 civilians have been killed in 48 hours.", [("killed", "civilians", 250)]),
    ("7 December 2020: Two people were killed in Peshawar.", [("killed", "total", 2)]),
    ("Syrian Observatory for Human Rights: 23 civilians were killed in Idlib.", [("killed", "civilians", 23)]),
    # a relative clause that tells no fate of its own leaves the count its predicate after it
    ("Two Kenyan activists who had campaigned against police brutality in Mathare were found dead in a forest.",
     [("killed", "civilians", 2)]),
    ("A soldier and a civilian who attempted to rescue him were killed.",
     [("killed", "combatants", 1), ("killed", "civilians", 1), ("killed", "total", 2)]),
    # ... one that tells one is the count's predicate (a documented count), and in one where
    # someone speaks what follows is theirs
    ("The group documented 6,786 individuals who had died in custody.", []),
    ("Two activists who said they were beaten were released.", []),
    ("Read: 3 years of the counterinsurgency: 250 civilians dead", []),
])
def test_who_killed_and_who_died(text, expected):
    assert [(f.outcome, f.group, f.best) for f in figures_ctx(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a lynching kills
    ("A mob lynched two men accused of cattle theft on Saturday.", [("killed", "total", 2)]),
    ("Two men were lynched by a mob in Jharkhand.", [("killed", "total", 2)]),
])
def test_the_lynched_are_dead(text, expected):
    assert [(f.outcome, f.group, f.best) for f in figures_ctx(text)] == expected


def test_a_named_victim_keeps_the_links_of_parts_to_their_totals():
    text = ("Maria Rodriguez was shot dead on Monday. Gunmen killed 20 people, including 8 children, "
            "in Cauca.")
    ctx = Context(text=text, meta={}, masked=[])
    ctx.sentences = split_sentences(text)
    ctx.entities = [(0, 15, "PERSON")]
    figures_stage(ctx)
    assert [f.best for f in ctx.figures] == [1, 20, 8]
    assert ctx.figures[2].part_of == 1


@pytest.mark.parametrize("text, expected", [
    # suspects shot dead are dead people (ACLED counts them); arrested ones are no casualty
    ("Police said they shot dead three drug suspects who opened fire on officers.", [("killed", "total", 3)]),
    ("Police killed a suspect in Cavite on Friday.", [("killed", "total", 1)]),
    ("Police arrested three suspects on Friday.", []),
])
def test_suspects_killed_are_counted(text, expected):
    assert [(f.outcome, f.group, f.best) for f in figures_ctx(text)] == expected


def outcomes(text: str):
    return [(f.outcome, f.group, f.best) for f in figs(text)]


@pytest.mark.parametrize("text, expected", [
    # an age is no count: the person it describes is one
    ("A 12-year-old girl was killed by shelling in Idlib.", [("killed", "children", 1)]),
    ("A sniper shot dead a 10 year old boy in Madaya.", [("killed", "children", 1)]),
    ("Two 7-year-old girls were killed in the strike.", [("killed", "children", 2)]),
    # the one who shot is no victim: "a sniper shot dead a boy" is not "a sniper was shot dead"
    ("A sniper shot dead a boy in Aleppo.", [("killed", "children", 1)]),
    ("A sniper was shot dead in Aleppo.", [("killed", "combatants", 1)]),
    ("Two gunmen shot dead in Aleppo on Monday.", [("killed", "combatants", 2)]),
    # the people human-rights reports name, with the words that qualify them
    ("Gunmen shot dead a prominent human rights activist in Karachi.", [("killed", "civilians", 1)]),
    ("Gunmen shot dead an indigenous land rights defender in Cauca.", [("killed", "civilians", 1)]),
    ("Gunmen killed three environmental defenders in Honduras.", [("killed", "civilians", 3)]),
    ("Gunmen killed a community radio journalist in Tumaco.", [("killed", "civilians", 1)]),
    ("A student activist was shot dead in Khartoum.", [("killed", "civilians", 1)]),
    # a leader or member of a union, community or party is a civilian; a rebel leader is not
    ("Gunmen killed a trade union leader in Cauca.", [("killed", "civilians", 1)]),
    ("Two union members were killed in Yangon.", [("killed", "civilians", 2)]),
    ("Troops killed a rebel leader in Cauca.", [("killed", "combatants", 1)]),
    # the civilians of everyday life
    ("A grenade attack on a cafe killed two customers.", [("killed", "civilians", 2)]),
    ("Gunmen abducted 20 schoolgirls and killed two pupils.", [("killed", "civilians", 2)]),
    ("Bandits killed 12 herders and three fishermen.",
     [("killed", "civilians", 12), ("killed", "civilians", 3), ("killed", "civilians", 15)]),
    # a family of N killed is N dead
    ("A regime barrel bomb killed a family of five in Kafr Zita.", [("killed", "total", 5)]),
    ("The strike killed an entire family of six.", [("killed", "total", 6)]),
    ("The strike killed a family of seven, including four children.",
     [("killed", "total", 7), ("killed", "children", 4)]),
    ("He supported a family of five on his wage.", []),
    # N of his men
    ("A drone strike killed a senior commander and two of his bodyguards.",
     [("killed", "combatants", 1), ("killed", "combatants", 2), ("killed", "combatants", 3)]),
    # N more
    ("At least five people were killed and dozens more injured.", [("killed", "total", 5), ("injured", "total", 12)]),
    ("Two more died in hospital.", [("killed", "total", 2)]),
    ("He wanted five more minutes.", []),
])
def test_ages_agents_and_who_the_victims_are(text, expected):
    assert outcomes(text) == expected


def test_members_are_of_the_kind_the_noun_before_them_says():
    assert [(f.group, f.best) for f in figs("The strike killed 12 MSF staff members.")] == [("civilians", 12)]
    assert [(f.group, f.best) for f in figs("Ten ISIS members were killed.")] == [("combatants", 10)]


def test_service_members_are_combatants():
    assert [(f.group, f.best) for f in figs("The bombing killed 13 US service members.")] == [("combatants", 13)]


def test_a_part_told_after_the_prepositional_phrase_of_its_total():
    got = [(f.outcome, f.group, f.best, f.part_of) for f in
           figs("Eight members of one family, including five children, were killed when a shell hit their house.")]
    assert got == [("killed", "total", 8, None), ("killed", "children", 5, 0)]


@pytest.mark.parametrize("text", [
    "More than 90 people, including 32 children under the age of 10, were massacred in Houla.",
    "More than 90 people, including 32 children aged between 2 and 10, were killed in Houla.",
])
def test_a_part_qualified_inside_its_aside_still_joins_the_predicate(text):
    assert [(f.outcome, f.group, f.best) for f in figs(text)] == [("killed", "total", 90), ("killed", "children", 32)]
    # an aside with a predicate of its own lends the total none
    assert figs("Ten people, including two children who were wounded, fled.") == []



@pytest.mark.parametrize("text, expected", [
    ("Air strikes killed 12 people in Idlib and 5 in Aleppo on Friday.",
     [(12, "killed", "total", False), (5, "killed", "total", True)]),
    ("Twelve civilians were killed in Douma and five others in Harasta.",
     [(12, "killed", "civilians", False), (5, "killed", "civilians", True)]),
    # a year, or a word that is no count, is no second count
    ("Air strikes killed 12 people in Idlib and 2015 in Aleppo.", [(12, "killed", "total", False)]),
    ("Air strikes killed 12 people in Idlib and others in Aleppo.", [(12, "killed", "total", False)]),
])
def test_a_second_count_told_of_another_place_keeps_the_first_ones_victims(text, expected):
    got = find_figures(text, [(0, len(text))])
    assert [(f.best, f.outcome, f.group, f.elliptic) for f in got] == expected


def test_a_conjunct_with_a_fate_of_its_own_is_no_part_of_the_one_before():
    text = "4 people were killed including 3 children and 43 others were injured in rocket shells."
    got = find_figures(text, [(0, len(text))])
    assert [(f.best, f.outcome, f.part_of) for f in got] == [(4, "killed", None), (3, "killed", 0),
                                                              (43, "injured", None)]
    text = "Shelling killed 4 people including 3 children and 2 women."
    got = find_figures(text, [(0, len(text))])
    assert [(f.best, f.outcome, f.part_of) for f in got] == [(4, "killed", None), (3, "killed", 0), (2, "killed", 0)]
    text = "Seven civilians were killed, among them a child and two women, and nine others were injured."
    got = find_figures(text, [(0, len(text))])
    assert [(f.best, f.outcome, f.part_of) for f in got] == [(7, "killed", None), (1, "killed", 0), (2, "killed", 0),
                                                              (9, "injured", None)]


@pytest.mark.parametrize("text, expected", [
    # "N of them" with no earlier count: N of the people named before the verb
    ("Army units clashed with Daesh terrorists in Palmyra, killing 15 of them.",
     [(15, "killed", "combatants", None)]),
    ("Soldiers opened fire on protesters in Khartoum, wounding 30 of them.", [(30, "injured", "civilians", None)]),
    ("Gunmen kidnapped 20 villagers in Zamfara and killed five of them.", [(5, "killed", "civilians", None)]),
    # the sentence's subject is not whom the verb struck
    ("Rebels attacked the convoy, killing 12 of them.", [(12, "killed", "total", None)]),
    # a verb of its own, other than the earlier count's: no part of it
    ("Gunmen stormed a church in Ondo, killing 20 worshippers and wounding dozens of them.",
     [(20, "killed", "civilians", None), (12, "injured", "civilians", None)]),
    # still a part of the count before
    ("At least 20 people were killed, five of them children.",
     [(20, "killed", "total", None), (5, "killed", "children", 0)]),
    ("Police arrested 40 protesters and beat several of them.", []),
])
def test_n_of_them_struck_by_a_verb_of_its_own(text, expected):
    got = find_figures(text, [(0, len(text))])
    assert [(f.best, f.outcome, f.group, f.part_of) for f in got] == expected


@pytest.mark.parametrize("text, expected", [
    # one person killed, told by a pronoun
    ("Armed men broke into the home of land rights defender Pedro Gomez and shot him dead.", [("killed", "total", 1)]),
    ("Unknown assailants stabbed her to death in Kampala.", [("killed", "total", 1)]),
    ("Gunmen on a motorbike gunned him down outside the court.", [("killed", "total", 1)]),
    ("They abducted his brother from the house, tortured and killed him.", [("killed", "total", 1)]),
    # not one whose count it is not, nor a killing that was none
    ("Armed men stormed the house and killed him and his son.", []),
    ("A mob nearly killed him in the market.", []),
    ("Her rivals politically killed her without touching her.", []),
    ("He said the soldiers had threatened to kill him.", []),
    ("The guards could have killed him, his lawyer said.", []),
    ("Police said the suspect had not killed her.", []),
    ("Police said the suspect hadn't killed her.", []),
    # a toll told in the sentence or just before may hold that person already
    ("A journalist was killed in Kabul on Monday. Gunmen shot him dead as he left home.", [("killed", "civilians", 1)]),
    # a body told by a pronoun: the one taken or missing the sentence before is dead
    ("Activist Samuel Ochieng was abducted by unidentified men in Kisumu on 5 June. His body was found in a forest "
     "two weeks later.", [("killed", "total", 1)]),
    ("A journalist was shot dead in Kabul on Monday. His body was found near his car.", [("killed", "civilians", 1)]),
    ("Two people were killed in the attack, and the gunmen then shot her dead.", [("killed", "total", 2)]),
])
def test_a_killing_told_by_a_pronoun_is_one_dead(text, expected):
    assert _named(text, []) == expected


@pytest.mark.parametrize("text, expected", [
    # a name in the prepositional phrase does not use up its reach
    ("At least 30 fighters from the Islamic State and the Nusra Front were killed in clashes.",
     [("killed", "combatants", 30, 30, None)]),
    ("Three children from one family were killed.", [("killed", "children", 3, 3, 3)]),
    # ... but plain words still do
    ("Three children from one of the poorest families in the whole region were killed.", []),
])
def test_a_count_named_by_where_they_came_from(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize("text, expected", [
    # some of a counted group: the first count is the casualties, the second counts none
    ("One of the two pilots was killed by ground fire.", [("killed", "combatants", 1, 1, 1)]),
    ("The militants killed three of the 12 soldiers on Monday.", [("killed", "combatants", 3, 3, 3)]),
    ("Two of the three men were shot dead.", [("killed", "total", 2, 2, 2)]),
    ("One of the two was killed.", [("killed", "total", 1, 1, 1)]),
    # a group counted in words
    ("Five of the two hundred were killed.", [("killed", "total", 5, 5, 5)]),
])
def test_some_of_a_counted_group(text, expected):
    assert summary(text) == expected


def test_a_congregation_s_members_are_civilians():
    assert summary("Gunmen killed a Catholic priest and two parishioners during Sunday mass.") == [
        ("killed", "civilians", 1, 1, 1), ("killed", "civilians", 2, 2, 2), ("killed", "civilians", 3, 3, 3)]


@pytest.mark.parametrize("text, expected", [
    # the parts of a total told after a colon or a dash are parts of it, never added to it
    ("The bombing killed 43 people: 23 civilians and 20 fighters.",
     [("killed", "total", 43, None), ("killed", "civilians", 23, 0), ("killed", "combatants", 20, 0)]),
    ("Clashes killed 45 people - 30 soldiers and 15 rebels - the monitor said.",
     [("killed", "total", 45, None), ("killed", "combatants", 30, 0), ("killed", "combatants", 15, 0)]),
    # ... and a list of them goes on after a part told with "among them"
    ("The bombing killed 43 people: 23 civilians, among them five children, and 20 fighters.",
     [("killed", "total", 43, None), ("killed", "civilians", 23, 0), ("killed", "children", 5, 0),
      ("killed", "combatants", 20, 0)]),
    # not a figure with a fate of its own, nor a time
    ("Clashes killed 45 people: 30 soldiers were wounded.",
     [("killed", "total", 45, None), ("injured", "combatants", 30, None)]),
])
def test_the_parts_of_a_total_told_in_apposition(text, expected):
    assert [(f.outcome, f.group, f.best, f.part_of) for f in figs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Two men were burnt alive by a mob in Kano.", [("killed", 2)]),
    ("Militiamen burned alive three villagers in Ituri on Monday.", [("killed", 3)]),
    ("Three children were found alive under the rubble.", []),
])
def test_burned_alive_is_killed(text, expected):
    assert [(f.outcome, f.best) for f in figs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the whole told first, its part after the comma
    ("Of the 35 people killed, 21 were civilians, according to the monitor.",
     [("killed", "total", 35), ("killed", "civilians", 21)]),
    ("He said that of the 35 people killed, 21 were civilians.", [("killed", "total", 35), ("killed", "civilians", 21)]),
    ("Of those killed, 21 were civilians.", [("killed", "civilians", 21)]),
    ("Among the dead, 12 were children.", [("killed", "children", 12)]),
    # ... not a whole of others than casualties
    ("Of the 40 candidates, 12 were women.", []),
])
def test_a_part_told_after_the_whole_it_is_of(text, expected):
    assert [(f.outcome, f.group, f.best) for f in figs(text)] == expected


def test_a_part_told_after_its_whole_is_an_event_s_part_of_it():
    from marsad.extract import extract

    (ev,) = extract("Air strikes killed dozens in Douma on Monday. Of the 35 people killed, 21 were civilians, "
                    "according to the monitor.", published="2017-04-05")["events"]
    assert {k: v["best"] for k, v in ev["fatalities"].items()} == {"total": 35, "civilians": 21}


@pytest.mark.parametrize("text, best", [
    # both sides' losses in two clauses of one sentence add up
    ("Security forces killed six terrorists in an operation in the Tank district, while a soldier was martyred "
     "during the exchange of fire.", 7),
    ("Troops killed 12 militants near the border; two soldiers were also killed.", 14),
    # ... the sides known by the actors the counts name
    ("The Observatory documented the death of 7 members of regime forces in an attack by ISIS cells on their "
     "positions near Al-Mayadin, while 3 ISIS members were killed in the clashes.", 10),
    ("Five SDF fighters were killed, while 8 ISIS members were killed in the clashes near Hajin.", 13),
    # ... and the side that killed, telling what it lost
    ("Troops killed 30 Boko Haram fighters in an ambush near Bama, losing two soldiers.", 32),
    # ... one side's count told twice is two accounts, not a sum
    ("The army said it killed six militants, while officials said nine militants died.", 9),
    ("The army said it killed six IS militants, while officials said nine militants died.", 9),
    ("Five SDF fighters were killed, while the SDF said 8 fighters of its own were killed near Hajin.", 8),
])
def test_both_sides_losses_told_in_two_clauses_add_up(text, best):
    from marsad.extract import extract

    (ev,) = extract(text, published="2024-05-10")["events"]
    assert ev["fatalities"]["combatants"]["best"] == best


def test_a_person_taken_and_later_found_dead_is_one_dead():
    from marsad.extract import extract

    def killed(text):
        return [e["fatalities"] for e in extract(text, published="2024-05-10")["events"]]

    assert killed("Journalist Roberto Figueroa was abducted outside his home in Huitzilac on April 26 and found "
                  "dead hours later.") == [{"civilians": {"low": 1, "best": 1, "high": 1, "text": (
                      "Roberto Figueroa was abducted outside his home in Huitzilac on April 26 and found dead")}}]
    # taken and freed: no death
    assert killed("Journalist Roberto Figueroa was abducted outside his home in Huitzilac on April 26 and freed "
                  "hours later.") == [{}]


@pytest.mark.parametrize("text, group", [
    ("Troops killed 11 FARC dissidents in a bombing raid in Guaviare.", "combatants"),
    ("Troops killed 11 guerrilla dissidents in Guaviare.", "combatants"),
    # ... a state's dissidents are its critics
    ("Police killed two Chinese dissidents in Beijing.", "civilians"),
])
def test_a_guerrillas_dissidents_are_combatants(text, group):
    assert [(f.group, f.outcome) for f in figs(text)] == [(group, "killed")]


@pytest.mark.parametrize("text, expected", [
    # a count told of each of two sides is twice that many
    ("Clashes between troops and rebels near Marib left four dead on each side, military sources said.",
     ("four dead on each side", 8, 8, 8)),
    ("Two fighters were killed on either side in the clashes.", ("Two fighters were killed on either side", 4, 4, 4)),
    ("The fighting killed at least five people from each side.",
     ("killed at least five people from each side", 10, 10, None)),
    # ... the two sides' sum is told once
    ("At least 20 people were killed on both sides in the clashes.", ("At least 20 people were killed", 20, 20, None)),
])
def test_a_count_of_each_side_is_twice_that_many(text, expected):
    assert [(f.text, f.low, f.best, f.high) for f in find_figures(text, [(0, len(text))])] == [expected]


@pytest.mark.parametrize("text, expected", [
    # a count added to a figure's, of its fate and its own group, with no verb of its own
    ("SOHR documented the death of 5 members of regime forces and loyalist militiamen, in addition to 3 fighters "
     "of the factions, during clashes.", [("3 fighters", 3, "combatants"), ("death of 5 members", 5, "combatants"),
                                         ("*", 8, "combatants")]),
    ("The clashes killed 15 civilians as well as three Daesh fighters.",
     [("killed 15 civilians", 15, "civilians"), ("three Daesh fighters", 3, "combatants"), ("*", 18, "total")]),
    # ... not one with a fate of its own, nor things
    ("The bodies of 10 victims arrived at the hospital along with 41 people who sustained injuries.",
     [("bodies of 10 victims", 10, "total")]),
    ("The strike killed 12 people, in addition to destroying 3 houses.", [("killed 12 people", 12, "total")]),
])
def test_a_count_added_to_a_figure_shares_its_fate(text, expected):
    got = sorted(("*" if f.derived else f.text, f.best, f.group) for f in figs(text) if f.outcome == "killed")
    assert got == sorted(expected)


@pytest.mark.parametrize("text, group", [
    # casualties told with no number: the group of those killed, and no figure
    ("Army units destroyed their dens, killing and injuring many terrorists.", "combatants"),
    ("The strike killed a number of civilians in the market.", "civilians"),
    ("Many people were killed in the shelling.", "total"),
    ("Army units killed and injured scores of terrorists in Hama.", "combatants"),
    # ... not words that name no one ("killed many in the town"), nor a count
    ("The militants killed many in the town.", None),
    ("Gunmen killed 12 villagers.", None),
])
def test_casualties_told_with_no_number(text, group):
    from marsad.extract.figures import uncounted_casualties

    assert uncounted_casualties(text, 0, len(text)) == group
    if group is not None and "killed and injured" not in text:
        assert figs(text) == []
