"""The trigger lexicon (``data/triggers.toml``): loading, validation and matching."""

import pytest

from marsad.errors import ConfigError
from marsad.extract.triggers import find_triggers, load_lexicon


def words(text: str, *sub_types: str, types: tuple[str, ...] = ()) -> list[str]:
    """The words of ``text`` the shipped lexicon makes triggers of these sub-types or types."""
    return [text[s:e] for s, e, typ, sub, *_ in find_triggers(text, load_lexicon())
            if sub in sub_types or typ in types]


def staged(text: str):
    """The triggers the stage keeps in ``text`` (split by the tests' sentence splitter)."""
    from marsad.extract.base import Context
    from marsad.extract.triggers import triggers

    from .helpers import split_sentences

    ctx = Context(text=text, meta={})
    ctx.sentences = split_sentences(text)
    triggers(ctx)
    return ctx.triggers


def test_shipped_lexicon_names_weapons_as_instruments():
    text = "Warplanes fired rockets; air strikes followed; rocket fire hit."
    found = {text[s:e]: strength for s, e, _t, _s, strength, _w in find_triggers(text, load_lexicon())}
    assert found["Warplanes"] == "instrument" and found["rockets"] == "instrument"
    assert found["air strikes"] == "strong" and found["rocket fire"] == "strong"
    assert found["fired"] == "weak"


@pytest.mark.parametrize("entry, message", [
    ('pattern = "boom"\ntype = "battles"\nsub_type = "armed_clash"\nstrength = "loud"', "strength 'loud'"),
    ('pattern = "(boom"\ntype = "battles"\nsub_type = "armed_clash"', "bad pattern"),
    ('pattern = "boom"\ntype = "battles"', "lacks"),
    # TOML reads "\b" in a basic string as a backspace: a word boundary never matched
    ('pattern = "boom\\b"\ntype = "battles"\nsub_type = "armed_clash"', "control character"),
])
def test_a_bad_lexicon_entry_is_a_config_error(tmp_path, entry, message):
    path = tmp_path / "triggers.toml"
    path.write_text("[[trigger]]\n" + entry + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as exc:
        load_lexicon(str(path))
    assert exc.value.code == "M106"


@pytest.mark.parametrize("text, found", [
    ("Officials were implicated in the looting of Covid-19 funds.", []),
    ("The governor plundered state coffers for a decade.", []),
    ("Militias were looting homes in the old city.", ["looting"]),
    ("Shops were looted overnight.", ["looted"]),
])
def test_looting_money_is_no_property_destruction(text, found):
    assert words(text, "looting_property_destruction") == found


@pytest.mark.parametrize("text, found", [
    # strikes on a place or a target with no instrument named are air or missile strikes
    ("Strikes on the town of Douma killed 17 civilians.", ["Strikes"]),
    ("Government strikes targeting Idlib killed 12.", ["strikes"]),
    # ... and so are strikes that kill or hit
    ("The strikes killed 14 people, among them four children.", ["strikes"]),
    ("The strike also hit a bakery.", ["strike"]),
    # not a workers' strike
    ("Teachers went on strike on Monday.", []),
    ("A general strike on Tuesday closed the shops.", []),
    ("Doctors began a hunger strike on the day of the trial.", []),
    ("The hunger strike killed him.", []),
])
def test_strikes_on_a_place_are_air_strikes(text, found):
    assert words(text, "air_drone_strike") == found


def test_a_workers_strike_against_low_pay_is_no_event():
    from marsad.extract import extract

    assert extract("Doctors began a strike against low pay in Nairobi.", published="2021-01-05")["events"] == []


@pytest.mark.parametrize("text, found", [
    ("Police in riot gear and riot police with riot shields lined the bridge.", []),
    ("The Riot Act has been opposed by the presidency.", []),
    ("Riots broke out in the capital.", ["Riots"]),
    ("The Taliban busted a kidnapping gang in Kabul.", []),
    ("Gunmen were kidnapping travellers on the highway.", ["kidnapping"]),
    # captivity told without the word kidnap
    ("Workers were being held against their will in a rice mill.", ["held against their will"]),
    ("The girl was held captive for a week.", ["held captive"]),
    ("He was held in custody for a week.", []),
    ("Gunmen hijacked a bus; the hijackers freed the driver.", ["hijacked", "hijackers"]),
    # taken by people who hide who they are
    ("He has been missing since he was taken by plainclothes officers.",
     ["has been missing", "taken by plainclothes officers"]),
    ("The activist was bundled into an unmarked van.", ["bundled into an unmarked van"]),
    ("He was led away by armed men at dawn.", ["led away by armed men"]),
    ("Dzamara was seized by five men in March 2015.", ["seized by five men"]),
    ("The weapons were seized by police.", []),
    ("The photo was taken by an unknown photographer.", []),
    ("He was taken by police to the station.", []),
])
def test_equipment_and_gangs_are_no_riot_or_kidnapping(text, found):
    assert words(text, "abduction_forced_disappearance", types=("riots",)) == found


@pytest.mark.parametrize("text, found", [
    ("The footage released on Friday shows soldiers fleeing.", []),
    ("No casualty figure has been released by civil defence teams.", []),
    ("Rebels released 20 prisoners under the deal.", ["released 20 prisoners", "deal"]),
    ("The journalist was released from prison on Monday.", ["released from prison"]),
])
def test_a_release_is_of_people_not_of_footage(text, found):
    assert words(text, "agreement") == found


@pytest.mark.parametrize("text, agreements", [
    ("Several attempts at securing a long-lasting truce have faltered.", 0),
    ("A U.N. mediator has been struggling to broker a ceasefire in Aleppo.", 0),
    ("Russia rejected a US plea, burying any hope for the revival of the ceasefire.", 0),
    ("The army declared the week-long ceasefire over on Monday.", 0),
    ("Forces pounded Ghouta as the UN Security Council delayed a vote on a ceasefire.", 0),
    ("Diplomats discussed a truce for Aleppo in Geneva.", 0),
    ("Fighters left Homs on Thursday under an agreement with the government.", 1),
])
def test_an_agreement_that_failed_or_is_sought_is_none(text, agreements):
    assert sum(t.sub_type == "agreement" for t in staged(text)) == agreements


@pytest.mark.parametrize("text, is_hypothetical", [
    ("Residents were bracing for a possible attack", True),
    ("Parliament condemns in the strongest possible terms the murder", False),
])
def test_the_strongest_possible_terms_make_nothing_hypothetical(text, is_hypothetical):
    from marsad.extract.triggers import hypothetical

    start = text.rindex(" ") + 1
    assert hypothetical(text, start, 0) is is_hypothetical


@pytest.mark.parametrize("text, is_hypothetical", [
    ("AFP Friday 23 May 2014 Syrian Islamist rebels bombarded", False),   # the month
    ("Officials said the army may soon have bombarded", True),            # the modal verb
])
def test_the_month_of_may_makes_nothing_hypothetical(text, is_hypothetical):
    from marsad.extract.triggers import hypothetical

    assert hypothetical(text, text.rindex(" ") + 1, 0) is is_hypothetical


@pytest.mark.parametrize("text, found", [
    ("More than 330000 people have been killed in Syria since the conflict began in March 2011 "
     "with anti-government protests.", []),
    ("Millions have been displaced since Syria's civil war started in 2011 with the brutal repression "
     "of anti-government protests.", []),
    ("Thousands joined protests in Homs on Friday, since the army began shelling the city.", ["protests"]),
])
def test_how_a_war_began_is_background(text, found):
    assert [t.text for t in staged(text) if t.type == "protests"] == found


@pytest.mark.parametrize("text", [
    "He died of cardiac arrest in custody.",
    "She suffered a heart attack in prison.",
    "The witness had a panic attack.",
])
def test_medical_words_are_no_arrest_or_attack(text):
    assert words(text, "arrests", "generic_attack") == []


@pytest.mark.parametrize("text, arrests", [
    ("Will the pact arrest a deteriorating human rights record?", []),
    ("The reforms failed to arrest the decline of the currency.", []),
    ("Video of the activist's arrest spread quickly online.", ["arrest"]),
    ("Police arrest the protest leaders.", ["arrest"]),
])
def test_to_halt_something_is_no_arrest(text, arrests):
    assert words(text, "arrests") == arrests


@pytest.mark.parametrize("text, arrests", [
    ("He has not been seen since he was taken away by police in Beijing in August 2015.", ["taken away by police"]),
    ("The lawyer was led away by security officers after the hearing.", ["led away by security officers"]),
    ("The rubbish was taken away by the council.", []),
    # ... and so is giving oneself up to the police or an agency
    ("Anand Teltumbde surrendered to the National Investigation Agency in Mumbai on 14 April.",
     ["surrendered to the National Investigation Agency"]),
    ("The suspect surrendered himself to police on Friday.", ["surrendered himself to police"]),
    ("Hundreds of fighters surrendered to the army in Aleppo.", []),
])
def test_taken_away_by_police_is_an_arrest(text, arrests):
    assert words(text, "arrests") == arrests


def test_a_violent_protest_is_a_violent_demonstration():
    text = "A weekend of unrest saw violent protests grip towns nationwide."
    hits = find_triggers(text, load_lexicon())
    assert [(text[s:e], typ, sub) for s, e, typ, sub, *_ in hits] == [
        ("violent protests", "riots", "violent_demonstration")]


@pytest.mark.parametrize("text, word, sub_type", [
    # a headline's present tense
    ("Israel tortures female prisoners, a commission says.", "tortures", "attack"),
    ("Saudi Arabia executes 37 men.", "executes", "attack"),
    ("Egypt imprisons a journalist for a tweet.", "imprisons", "arrests"),
])
def test_the_present_tense_of_a_headline_is_a_trigger(text, word, sub_type):
    assert words(text, sub_type) == [word]


@pytest.mark.parametrize("text, air", [
    ("The bomber blew himself up at the checkpoint.", []),
    ("Police said the bomber was a teenager.", []),
    ("Six long-range Tu-22M3 bombers struck targets near Deir Ezzor.", ["Tu-22M3 bombers"]),
    ("Russian bombers pounded the town.", ["Russian bombers"]),
    ("B-52 bombers flew over the region.", ["B-52 bombers"]),
])
def test_a_bomber_is_an_aircraft_only_when_named_as_one(text, air):
    assert words(text, "air_drone_strike") == air


@pytest.mark.parametrize("text, events", [
    ("Islamic State militants crucified five civilians in the town on Sunday.", [("violence_against_civilians", "attack")]),
    ("A woman was stoned to death by Taliban fighters on Sunday.", [("violence_against_civilians", "attack")]),
    ("Christians remember that Jesus was crucified on Good Friday.", []),
    ("Police accused him of stoning houses and patrols of the National Police.", []),
])
def test_crucifixion_and_stoning_are_killings_told_beside_their_doers(text, events):
    from marsad.extract import Pipeline

    result = Pipeline().run({"id": "t", "text": text, "published": "2015-08-31"})
    assert [(e["type"], e["sub_type"]) for e in result["events"]] == events


@pytest.mark.parametrize("text", [
    "Security forces killed at least 38 protesters on Wednesday.",
    "Police shot dead two anti-government protesters in Lagos.",
    "Soldiers opened fire on demonstrators, killing five.",
    "Protesters were shot by police in Minsk.",
])
def test_killing_or_shooting_protesters_is_excessive_force(text):
    hits = find_triggers(text, load_lexicon())
    subs = {sub for _s, _e, _typ, sub, *_ in hits}
    assert "excessive_force_against_protesters" in subs and "attack" not in subs


@pytest.mark.parametrize("text, found", [
    ("The army launched an offensive on the town.", ["offensive on the town"]),
    ("Offensive and abusive online content is posted every day.", []),
    ("He was fined for posting offensive remarks.", []),
])
def test_offensive_words_are_no_offensive(text, found):
    assert words(text, types=("battles",)) == found


@pytest.mark.parametrize("text, found", [
    ("Troops massacred 40 villagers.", ["massacred"]),
    ("The massacre of civilians in Srebrenica.", ["massacre"]),
    ("The senator accused ministers of a massacre of public services.", []),
    ("Activists filmed the slaughter of animals at the farm.", []),
    ("Farmers slaughtered livestock for the feast.", []),
])
def test_a_massacre_of_animals_or_of_services_is_no_massacre(text, found):
    assert words(text, "attack") == found


@pytest.mark.parametrize("text, air", [
    # a civil aircraft is no weapon
    ("The passenger plane landed in Athens.", []),
    ("A commercial jet and a private jet were grounded.", []),
    ("Warplanes and jets struck the town.", ["Warplanes", "jets"]),
    ("Regime aircraft carried out raids.", ["aircraft"]),
])
def test_a_civil_aircraft_is_no_instrument(text, air):
    assert words(text, "air_drone_strike") == air


@pytest.mark.parametrize("text, found", [
    # a fighting force, the fight against corruption: no fighting
    ("Washington regards them as the most effective fighting force on the ground.", []),
    ("Ashurkov heads the Foundation for Fighting Corruption.", []),
    ("Fighting against corruption is his priority.", []),
    ("Fighting raged in the city for a second day.", ["Fighting"]),
])
def test_a_fighting_force_is_no_fighting(text, found):
    assert words(text, types=("battles",)) == found


@pytest.mark.parametrize("text, disrupted, attack", [
    # drones and missiles shot down are an interception (ACLED's disrupted weapons use),
    # not a shooting nor a missile strike; an aircraft shot down stays as it was
    ("Ukraine's air force said it shot down 24 of 31 drones launched overnight.",
     ["shot down 24 of 31 drones"], []),
    ("Two missiles were shot down over Kyiv on Saturday.", ["missiles were shot down"], []),
    ("A Russian military helicopter was shot down over Syria.", [], ["shot"]),
])
def test_drones_or_missiles_shot_down_are_an_interception(text, disrupted, attack):
    assert words(text, "disrupted_weapons_use") == disrupted
    assert words(text, "attack") == attack
    if disrupted:
        assert words(text, "shelling_artillery_missile_attack") == []


@pytest.mark.parametrize("text, mob", [
    # a mob's violence outside a demonstration is ACLED's mob violence
    ("Mob violence in Churachandpur district left 54 people dead.", ["Mob violence"]),
    ("A lynch mob attacked the police station.", ["lynch mob"]),
    ("Protesters rioted in the capital.", []),
])
def test_a_mob_is_mob_violence(text, mob):
    assert words(text, "mob_violence") == mob


@pytest.mark.parametrize("text, found", [
    # the earlier act a sentence's news came days after is its background
    ("Just days after a deadly Assad regime chemical attack a woman was killed in Homs.", ["killed"]),
    ("Nine days after the abduction the terrorists beheaded Pearl.", ["beheaded"]),
    ("Hours after the ceasefire deal, air strikes hit Idlib.", ["air strikes"]),
    # an act that came after another is not background ("after" alone, no time)
    ("Soldiers opened fire after an attack on their post.", ["opened fire", "attack on their post"]),
])
def test_the_act_news_came_days_after_is_background(text, found):
    from marsad.extract.base import Context
    from marsad.extract.triggers import triggers as triggers_stage
    ctx = Context(text=text, meta={})
    ctx.sentences = [(0, len(text))]
    triggers_stage(ctx)
    assert [t.text for t in ctx.triggers if t.type != "violence" or t.text == "killed"] == found


def test_a_death_in_custody_is_an_attack():
    assert words("Journalist Samuel Wazizi died in military custody in Yaounde.", "attack") == \
        ["died in military custody"]
    assert words("Large numbers of people have died in detention.", "attack") == ["died in detention"]


@pytest.mark.parametrize("text, found", [
    ("The house was hit by a shell in Douma.", True),
    ("A mortar shell landed on a school.", True),
    ("A child was killed by a stray shell.", True),
    ("Shell said its profits rose.", False),
    ("They used a shell company to hide the money.", False),
])
def test_one_shell_is_shelling(text, found):
    subs = {t[3] for t in find_triggers(text, load_lexicon())}
    assert ("shelling_artillery_missile_attack" in subs) is found


@pytest.mark.parametrize("text, is_hypothetical", [
    ("The Houthis vowed to retaliate after a Saudi-led strike", False),   # what happened, after the vow's aim
    ("The Houthis vowed to retaliate with a strike", True),
    ("Officials warned of a possible attack", True),
])
def test_a_clause_of_what_happened_ends_a_hypothetical(text, is_hypothetical):
    from marsad.extract.triggers import hypothetical

    assert hypothetical(text, text.rindex(" ") + 1, 0) is is_hypothetical


def test_killing_off_a_game_kills_no_one():
    found = {t[3] for t in find_triggers("The team attacked relentlessly and killed off the game.", load_lexicon())}
    assert "generic" not in found
    found = {t[3] for t in find_triggers("Gunmen killed three people.", load_lexicon())}
    assert "generic" in found


def test_security_restored_to_a_village_is_territory_regained():
    subs = {t[3] for t in find_triggers(
        "Army units restored security and stability to the village of al-Rashidin.", load_lexicon())}
    assert "government_regains_territory" in subs


@pytest.mark.parametrize("text, found", [
    ("Unknown assailants stabbed a human rights defender to death.", ["stabbed a human rights defender to death"]),
    ("Attackers hacked three farmers to death.", ["hacked three farmers to death"]),
    ("A journalist was strangled in her apartment.", ["strangled"]),
    ("Two men were burned alive by a mob.", ["burned alive"]),
    ("Gunmen stabbed two men in the market.", ["stabbed"]),
    ("A knife attack left two people wounded.", ["knife attack"]),
    # a verb's object ends before "to death" can make it a killing
    ("He was bored to death.", []),
    ("Police beat a man and his fear to death was clear.", []),
])
def test_killings_by_hand_are_attacks(text, found):
    assert words(text, "attack") == found


@pytest.mark.parametrize("text, found", [
    ("Five people were killed when a shell hit their house.", ["shell"]),
    ("A mortar shell landed in the market.", ["mortar shell"]),
    ("The shell company fell into debt.", []),
])
def test_a_shell_that_hit_is_shelling(text, found):
    assert words(text, "shelling_artillery_missile_attack") == found


@pytest.mark.parametrize("text, sub_type", [
    ("Rebels repelled an attempt by regime forces to advance on the al-Rayhan front, killing 12.",
     "armed_clash"),
    ("Government troops used chlorine gas during an attempt to regain control of the centre.", "armed_clash"),
    ("Troops have been trying to retake the base with no luck so far.", "armed_clash"),
    ("The operation aimed at liberating Raqqa from the militants.", "armed_clash"),
    # what was tried before and then done is a change of territory
    ("Rebels tried for weeks and then captured the town of Kinsabba.", "non_state_actor_overtakes_territory"),
    ("Government forces recaptured the town of Palmyra.", "government_regains_territory"),
])
def test_a_change_of_territory_only_tried_is_a_clash(text, sub_type):
    assert [t.sub_type for t in staged(text) if t.type == "battles"] == [sub_type]


@pytest.mark.parametrize("text, found", [
    ("He was taken from his home by five men wearing police uniforms.", ["taken from his home by five men"]),
    ("She was dragged from her car by masked gunmen.", ["dragged from her car by masked gunmen"]),
    ("He was taken from his home by ambulance.", []),
])
def test_taken_from_home_by_men_is_an_abduction(text, found):
    assert words(text, "abduction_forced_disappearance") == found


@pytest.mark.parametrize("text, found", [
    ("Taliban fighters beat journalists covering a protest.", ["beat journalists"]),
    ("Guards beat two female detainees.", ["beat two female detainees"]),
    ("Guards beat a prisoner of conscience in Evin prison.", ["beat a prisoner"]),
    ("Liverpool beat Chelsea on Wednesday.", []),
    ("She beat the record set by her rival.", []),
])
def test_beating_people_is_a_word_of_harm(text, found):
    assert words(text, "attack") == found


@pytest.mark.parametrize("text, found", [
    ("Soldiers destroyed the homes of 20 families.", ["destroyed the homes"]),
    ("Militants burned down dozens of houses in the village.", ["burned down dozens of houses"]),
    ("Israeli bulldozers demolished a house in Hebron.", ["demolished"]),
    ("The storm destroyed the bridge.", []),
])
def test_property_destroyed(text, found):
    assert words(text, "looting_property_destruction") == found


@pytest.mark.parametrize("text, expected", [
    ("Government troops took control of Kidal after rebels withdrew without a fight.",
     [("strategic_developments", "non_violent_transfer_of_territory"),
      ("strategic_developments", "change_to_group_activity")]),
    ("Rebels captured the town unopposed.", [("strategic_developments", "non_violent_transfer_of_territory")]),
    ("Rebels captured the town after fierce fighting.",
     [("battles", "non_state_actor_overtakes_territory"), ("battles", "armed_clash")]),
])
def test_a_place_taken_without_a_fight_is_a_non_violent_transfer(text, expected):
    assert [(t.type, t.sub_type) for t in staged(text)] == expected


@pytest.mark.parametrize("text", [
    "SDF fighters repelled an ISIS counter-attack in Deir Ezzor.",
    "Rebels counterattacked near Aleppo.",
])
def test_a_counter_attack_is_fighting(text):
    assert words(text, "armed_clash")


@pytest.mark.parametrize("text, found", [
    # control taken, whatever word says how complete
    ("Hezbollah fighters and Syrian troops took full control of the town of Qusayr.", ["took full control"]),
    ("Rebels gained control of the village on Sunday.", ["gained control"]),
    ("The army has taken complete control of the district.", ["taken complete control"]),
    ("Rebels took control of the village.", ["took control"]),
    # a place seized or taken, named by its kind
    ("Syrian opposition fighters have seized the town of Morek after heavy fighting.", ["seized the town"]),
    ("Islamic State militants took the strategic town of Palmyra.", ["took the strategic town"]),
    ("Police seized the car of the activist.", []),
    ("Soldiers took a village official hostage.", []),
    # ... or by what it was to those who held it
    ("Kurdish-led forces have captured the last Islamic State group stronghold in Raqqa province.",
     ["captured the last Islamic State group stronghold"]),
    ("Rebels seized the jihadists' bastion of Dabiq.", ["seized the jihadists' bastion"]),
])
def test_control_taken_is_a_change_of_territory(text, found):
    assert words(text, "non_state_actor_overtakes_territory") == found


@pytest.mark.parametrize("text, found", [
    # a march is a protest; the month is not, nor a force's march on a city
    ("Police detained more than 400 women at a march in Minsk.", ["a march"]),
    ("Thousands joined the marches in Minsk on Sunday.", ["the marches"]),
    ("Riot police dispersed the marchers.", ["marchers"]),
    ("Rebels began a march on Damascus in March.", []),
    # ... but a march on a day is on that day
    ("Police arrested 14 activists during a peaceful march on Tuesday.", ["peaceful march"]),
    ("Thousands joined the march on 8 March.", ["the march"]),
    ("The truce was agreed on 4 March.", []),
])
def test_a_march_is_a_protest(text, found):
    assert words(text, types=("protests",)) == found


@pytest.mark.parametrize("text, found", [
    ("Government forces pounded Eastern Ghouta for a seventh day.", ["pounded"]),
    ("Warplanes pounded rebel positions near Hama.", ["pounded"]),
    ("Police were pounding the door of the house with a mallet.", []),
])
def test_forces_that_pounded_a_place_shelled_it(text, found):
    assert words(text, "shelling_artillery_missile_attack") == found


@pytest.mark.parametrize("text, protests", [
    # the backdrop of the sentence's news: protests that go on, that the act came amid, or
    # that a victim came home from
    ("An activist was shot dead in Karbala, as anti-government protests continued across the country.", []),
    ("A journalist was arrested amid weeks of protests against the government.", []),
    ("He was killed on his way home from a protest.", []),
    ("He was arrested after giving an interview to Al Jazeera about student protests.", []),
    ("He was convicted of inciting violent anti-government protests in 2017.", []),
    ("They face life imprisonment on charges related to the Gezi Park protests of 2013.", []),
    ("More than 300 people have been killed since protests against President Daniel Ortega began in April.", []),
    # ... what one is punished for however far from the verb, what someone's work was on
    # (riots too)
    ("A court sentenced Pavel Sevyarynets to seven years in a penal colony on Tuesday for organising mass "
     "riots.", []),
    ("Authorities in Minsk sentenced activist Pavel Ivanov to eight years on charges of organising mass riots "
     "during the 2020 protests.", []),
    ("Journalist Rana Ayyub has received death threats after her reporting on the Gujarat riots.", []),
    # ... or what a bomb was thrown at, not what the police did to
    ("A grenade attack on a political rally in Goma killed three people.", []),
    ("A police attack on a protest in Goma injured three people.", ["protest"]),
    ("Iranian police arrested rapper Toomaj Salehi in Isfahan for supporting the protests.", []),
    ("Taliban forces detained two journalists for covering a protest in Kabul.", []),
    # ... or for words said at it
    ("Thai authorities charged activist Parit Chiwarak with royal defamation over a speech at a rally in Bangkok.",
     []),
    ("He was arrested for remarks he made during a protest in Minsk.", []),
    # ... or what someone is tried over, however far the charge's words are from it
    ("Turkish prosecutors indicted Osman Kavala on charges of attempting to overthrow the government over the "
     "2013 Gezi Park protests.", []),
    ("A court sentenced five students to prison for their role in the protests in Minsk.", []),
    # ... not the protest the sentence tells
    ("Thousands attended a rally in Bangkok to hear a speech by the opposition leader.", ["rally"]),
    ("Police fired tear gas as thousands protested in the capital.", ["tear gas", "protested"]),
    ("Police detained 40 people amid protests in Minsk.", ["protests"]),
    ("Thousands of protesters marched in Baghdad.", ["protesters", "marched"]),
])
def test_protests_told_as_the_backdrop_are_no_trigger(text, protests):
    assert [t.text for t in staged(text) if t.type in ("protests", "riots")] == protests


@pytest.mark.parametrize("text, found", [
    ("The activist was raped in custody.", ["raped"]),
    ("Journalist Rana Ayyub has received death threats and rape threats on social media.", []),
    ("She faced threats of rape online.", []),
])
def test_a_threat_of_rape_is_no_rape(text, found):
    assert words(text, "sexual_violence") == found


@pytest.mark.parametrize("text, found", [
    ("An air strike hit a migrant detention centre in Tajoura.", []),
    ("Guards beat detainees at the detention facility.", []),
    ("He has been in detention since May.", ["detention"]),
    ("Police detained 12 people.", ["detained"]),
])
def test_a_detention_centre_is_a_place_not_an_arrest(text, found):
    assert words(text, "arrests") == found


@pytest.mark.parametrize("text, found", [
    ("Coalition forces launched an assault on Yemen's main port city of Hodeidah.",
     ["assault on Yemen's main port"]),
    ("Houthi fighters said they had repelled the attack.", ["repelled the attack"]),
    # an assault on a person is harm, not fighting
    ("Police assaulted a journalist in the city.", []),
    # a siege broken, a supply route cut
    ("Regime forces broke a three-year rebel siege of two towns.", ["broke a three-year rebel siege"]),
    ("The army cut the main supply route between Aleppo and Turkey.", ["cut the main supply route"]),
    ("The storm cut power lines to the town.", []),
])
def test_an_assault_on_a_defended_place_is_fighting(text, found):
    assert words(text, types=("battles",)) == found


@pytest.mark.parametrize("text, found", [
    ("Fighters seized the ancient Christian town of Maaloula.", ["seized the ancient Christian town"]),
    ("Rebels captured the key strategic town of Jisr al-Shughur.", ["captured the key strategic town"]),
    # no taking of a place
    ("They took the children to the city.", []),
    ("The army took a bus into town.", []),
])
def test_a_place_taken_with_words_before_its_kind_is_taken(text, found):
    assert words(text, "non_state_actor_overtakes_territory") == found


@pytest.mark.parametrize("text, found", [
    ("A US-Russian brokered ceasefire took effect in southwestern Syria on Sunday.", ["ceasefire took effect"]),
    ("The truce was announced by both sides.", ["truce was announced"]),
    ("The deal came into force at midnight.", ["deal came into force"]),
])
def test_an_agreement_in_force_is_told_with_medium_strength(text, found):
    got = [(text[s:e], strength) for s, e, _t, sub, strength, _w in find_triggers(text, load_lexicon())
           if sub == "agreement"]
    assert got == [(w, "medium") for w in found]


@pytest.mark.parametrize("text, found", [
    ("Soldiers tied them up and set them on fire, killing 11 people.", ["set them on fire"]),
    ("Gunmen doused the villagers and set them ablaze.", ["set them ablaze"]),
    # one who sets himself on fire attacks no one
    ("A man set himself on fire outside parliament.", []),
])
def test_people_set_on_fire_are_attacked(text, found):
    assert words(text, "attack") == found


@pytest.mark.parametrize("text, expected", [
    # an act told as a habit over years is background
    ("Al-Shabaab has killed several journalists in recent years.", []),
    ("Police have murdered thousands of people over the past decade.", []),
    # ... or as a period's tally
    ("Security forces in Iran have executed at least 582 people so far this year.", []),
    # ... not one act, nor a habit with no span of years
    ("Al-Shabaab has killed two journalists in Mogadishu.", ["killed"]),
    ("Gunmen killed several journalists in recent years.", ["killed"]),
])
def test_an_act_told_as_a_habit_over_years_is_no_trigger(text, expected):
    assert [t.text for t in staged(text)] == expected


@pytest.mark.parametrize("text, found", [
    ("Sarin and chemical weapons killed dozens; a chemical attack followed.", ["Sarin", "chemical weapons",
                                                                              "chemical attack"]),
    ("Warplanes struck chemical weapons facilities near Damascus.", []),
    ("Syria handed over its chemical weapons stockpile and dismantled its chemical weapons program.", []),
    ("Inspectors of the Organisation for the Prohibition of Chemical Weapons arrived.", []),
])
def test_chemical_weapons_are_no_attack_where_they_are_made_kept_or_banned(text, found):
    assert words(text, "chemical_weapon") == found


@pytest.mark.parametrize("text, expected", [
    # an act told as what may come to be is no act
    ("Analysts warn that renewed fighting could erupt in the region if the talks collapse.", []),
    ("Officials fear violence might spread to the capital.", []),
    # ... unlike a counterfactual of what happened
    ("The bombing could have been prevented, residents said.", ["bombing"]),
])
def test_an_act_that_may_come_to_be_is_no_trigger(text, expected):
    assert [t.text for t in staged(text) if t.type != "violence"] == expected


@pytest.mark.parametrize("text, found", [
    # a death threatened, sentenced or awaited is no death
    ("She had received death threats since publishing the report.", []),
    ("The court upheld the death sentences of two men.", []),
    ("The activist faces the death penalty if convicted.", []),
    ("The lawyer, who is on death row in Riyadh, was arrested in 2018.", []),
    # ... a death told is one
    ("His death was confirmed by the hospital.", ["death"]),
    ("The deaths of three protesters sparked outrage.", ["deaths"]),
    # the martyrs counted are the dead (not a square, a brigade or a day named for them)
    ("51 martyrs from Kefraya and al-Fouaa escorted from Military Hospital in Aleppo", ["martyrs"]),
    ("Thousands gathered in Martyrs Square in Beirut.", []),
    ("The Martyrs of Yarmouk Brigade shelled the town.", []),
])
def test_a_death_threatened_or_sentenced_is_no_death(text, found):
    assert words(text, "generic") == found
