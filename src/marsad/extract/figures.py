"""Stage ``figures``: casualty figures with their outcome, victim group and qualifiers.

Pure token rules over ``ctx.text`` (and ``ctx.sentences`` for sentence indices), no
model. Quantities are read by :mod:`marsad.extract.numbers` (see its docstring for the
range conventions: "at least N" is open, "about N" exact with the qualifier kept in the
text, "up to N" is N, ranges take the low end as best, "dozens" = 12, ...).

A quantity becomes a :class:`Figure` only when the sentence ties it to an outcome:

* **killed**: an active verb right before it ("killed / killing / kills / executed /
  massacred / slaughtered / eliminated ... N", "claimed the lives of N", "the deaths of
  N"), a predicate right after its noun phrase ("N people were killed / have been
  killed / died / dead / lost their lives / were shot dead / were among the dead"), an
  outcome noun ("N deaths / fatalities / bodies / martyrs"), or a death toll ("the death
  toll rose to N").
* **injured**: the same with wounded / injured / hurt.
* **not an outcome**: displaced, arrested, detained, missing, evacuated, kidnapped,
  abducted, fled, rescued, trapped, besieged, captured, freed, stranded... never become
  figures. "Casualties" mixes dead and wounded and ACLED does not count casualties as
  deaths: "N casualties", "a casualty toll of N", "killed and wounded N", "N were killed
  and wounded" and "N dead and wounded" give no figure.
* headlines without punctuation ("40 Civilians Killed 100 Injured", "Three civilians
  killed 12 others injured"): a verb that is already the predicate of the figure before
  it does not govern the next number.
* **not a count of people**: years, dates, times ("at 2354", "18:41"), ages ("aged 12",
  "12-year-old"), percentages, money, durations ("24 hours", "3 weeks") and counts of
  things ("30 airstrikes", "two villages", "six barrel bombs"): a number followed by a
  common noun that is not a person noun is dropped, so "30 airstrikes killed 5" gives
  only 5 killed.

Victim group, from the head noun: ``total`` (people, persons, individuals, others,
nationalities, bare numbers, the dead), ``civilians`` (civilians, residents, villagers,
citizens, patients, students, rescuers, journalists...), ``combatants`` (fighters,
soldiers, troops, militants, rebels, members, jihadists, gunmen, policemen, officers,
personnel, terrorists...; "members of the same family" is ``total``), ``children``
(children, kids, minors, boys, girls, babies) and ``women``.

Parts of a total are linked, never added twice: "killing 20 people including 8
children", "among them", "of whom", "N of them were children", "Ten children were
among at least 48 people killed" give the part ``part_of`` = index of the total in
``ctx.figures`` (and its outcome). "..., while the rest were combatants" after a total
with parts gives a ``derived`` figure (total minus the parts; open-ended if the total
is) whose text is the phrase itself. A part told as a kind of civilian rather than as
civilians ("six people including a journalist") is a lower bound: civilians 1 to 6, not
exactly 1.

Flags: ``implausible`` when a single figure is above :data:`IMPLAUSIBLE_ABOVE` (50,000:
larger than any single incident; war-wide totals are flagged too, which is what we
want for an incident count) - such a figure is never a fatality count without its flag;
``cumulative`` when the sentence reports a war-wide count ("since 2011", "since the
start of the war") or a period's tally ("so far this year", "in the first six months of
2021"), or the figure is a period's running total ("bringing the number of social leaders
killed this year to 215"); ``hypothetical`` when it counts what may come to be
("potentially killing thousands", "could kill hundreds").

A named person the text says was killed, or whose body was found, is one dead
(:func:`named_victims`, from the model's PERSON entities), unless the sentence gives a
count of its own.

The text of a figure is the phrase, e.g. "at least 745 people have been killed", with
``start``/``end`` offsets into ``ctx.text``.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Callable

from .actors import ARMED_CATEGORIES, STATE_CATEGORIES
from .base import BODY_WORDS, NO_LONGER_ARMED, PLACE_NAME_TAIL, Context, CueBefore, Figure, component
from .cues import RUNNING_TOTAL, opener_ends as cue_opener_ends, report_opener_ends
from .numbers import STARTERS, Quantity, Token, parse_quantity, tokenize

if TYPE_CHECKING:
    from .actors import ActorDictionary

__all__ = ["find_figures", "named_victims", "figures_stage", "IMPLAUSIBLE_ABOVE"]

#: a single reported figure above this is flagged ``implausible``
IMPLAUSIBLE_ABOVE = 50_000

_G_TOTAL, _G_CIV, _G_COMB, _G_CHILD, _G_WOMEN = "total", "civilians", "combatants", "children", "women"


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_VICTIMS: dict[str, str] = {}
for _g, _ws in (
    (_G_TOTAL, "people persons person individuals individual others men man syrians syrian kurds "
               "alawites druze christians sunnis shiites iraqis lebanese palestinians israelis turks "
               "russians americans iranians afghans egyptians jordanians nationals relatives victims "
               "victim bystanders souls youths youth elderly suspects suspect sons son daughters daughter "
               "brothers brother sisters sister husbands husband cousins cousin nephews nephew nieces niece "
               "grandchildren grandchild grandsons grandson granddaughters granddaughter parents "
               "fathers father siblings sibling uncles uncle aunts aunt grandfathers grandfather "
               "grandmothers grandmother companions companion colleagues colleague friends friend "
               "neighbours neighbour neighbors neighbor relative"),
    (_G_CIV, "civilians civilian residents resident villagers villager citizens citizen inhabitants "
             "non-combatants noncombatants patients patient doctors doctor nurses nurse medics medic "
             "paramedics paramedic students student teachers teacher journalists journalist reporters "
             "workers worker volunteers volunteer rescuers rescuer evacuees evacuee refugees refugee "
             "shoppers farmers farmer shepherds worshippers worshipers parishioners parishioner congregants "
             "churchgoers passengers passenger pedestrians "
             "mourners guests protesters protester demonstrators demonstrator prisoners prisoner "
             "detainees staff employees employee engineers pilgrims activists activist lawyers lawyer "
             "priests priest pastors pastor imams imam clerics cleric monks monk nuns nun judges judge "
             "politicians politician traders trader drivers driver businessmen businessman "
             "defenders defender environmentalists environmentalist unionists unionist campaigners "
             "campaigner bloggers blogger photographers photographer photojournalists photojournalist "
             "cameramen cameraman editors editor broadcasters broadcaster writers writer academics "
             "academic professors professor dissidents dissident mayors mayor councillors councillor "
             "candidates candidate customers customer diners diner commuters commuter tourists tourist "
             "visitors visitor spectators spectator pupils pupil herders herder herdsmen herdsman "
             "fishermen fisherman miners miner labourers labourer laborers laborer vendors vendor "
             "merchants merchant shopkeepers shopkeeper peasants peasant shepherd elders elder "
             "analysts analyst researchers researcher scholars scholar poets poet artists artist "
             "musicians musician singers singer filmmakers filmmaker novelists novelist authors author "
             "economists economist scientists scientist lecturers lecturer"),
    (_G_COMB, "fighters fighter soldiers soldier troops militants militant rebels rebel insurgents "
              "insurgent jihadists jihadist jihadis gunmen gunman policemen policeman police "
              "policewomen officers officer servicemen serviceman personnel combatants combatant combattants combattant "
              "members member terrorists terrorist extremists extremist militiamen militiaman guards "
              "guard bodyguards bodyguard commanders commander leaders leader chiefs chief attackers attacker "
              "assailants bombers "
              "snipers sniper mercenaries mercenary recruits conscripts pilots pilot paratroopers "
              "marines gendarmes agents loyalists troopers operatives cadres elements islamists "
              "militias militia bandits bandit kidnappers kidnapper gangsters gangster robbers robber "
              "pirates pirate smugglers smuggler poachers poacher peacekeepers peacekeeper"),
    (_G_CHILD, "children child kids kid minors minor boys boy girls girl babies baby infants infant "
               "toddlers toddler schoolchildren schoolchild teenagers teenager teens schoolgirls schoolgirl "
               "schoolboys schoolboy"),
    (_G_WOMEN, "women woman mothers mother wives wife"),
):
    for _w in _ws.split():
        _VICTIMS[_w] = _g
#: people named by their nationality or community: "two Nigerians", "a Pakistani". A
#: singular one is a person only where its noun phrase ends ("killed a Syrian in Idlib");
#: before a noun it is an adjective ("a Syrian soldier", "two Nigerian villages")
_NATIONALS_SG = _words(
    "syrian iraqi lebanese palestinian israeli turk russian american iranian afghan egyptian jordanian "
    "saudi libyan yemeni pakistani indian chinese briton nigerian filipino burmese belarusian mexican "
    "zimbabwean ukrainian ugandan somali haitian colombian vietnamese venezuelan bahraini cuban "
    "nicaraguan kenyan bangladeshi cameroonian thai malaysian indonesian ethiopian sudanese brazilian "
    "tanzanian tunisian algerian moroccan german kurd alawite yazidi")
_NATIONALS_PL = frozenset(w if w.endswith("ese") else w + "s" for w in _NATIONALS_SG)
_NATIONAL_ONE = _NATIONALS_SG - _NATIONALS_PL   # singular only ("Lebanese" is both)
for _w in _NATIONALS_SG | _NATIONALS_PL:
    _VICTIMS.setdefault(_w, _G_TOTAL)
#: the civilians counted as such; the other civilian nouns name a kind of civilian
#: ("journalist", "teacher"), so a part of a total told with them bounds civilians from below
_CIVILIANS_AS_SUCH = _words("civilians civilian non-combatants noncombatants")
_SINGULAR = _words("person individual man civilian resident villager citizen patient doctor nurse "
                   "medic student teacher journalist worker volunteer rescuer child kid minor boy girl "
                   "baby infant toddler teenager woman mother wife fighter soldier militant rebel "
                   "jihadist gunman policeman officer member terrorist commander leader chief guard bodyguard pilot "
                   "protester prisoner farmer youth activist lawyer priest pastor imam cleric monk nun judge "
                   "politician trader driver businessman passenger refugee evacuee paramedic employee "
                   "demonstrator schoolchild victim combatant insurgent extremist militiaman serviceman "
                   "attacker sniper mercenary suspect defender environmentalist unionist campaigner "
                   "blogger photographer photojournalist cameraman editor broadcaster writer academic "
                   "professor dissident mayor councillor candidate customer diner commuter tourist visitor "
                   "spectator pupil herder herdsman fisherman miner labourer laborer vendor merchant "
                   "shopkeeper peasant shepherd elder schoolgirl schoolboy son daughter brother sister "
                   "husband cousin nephew niece grandchild grandson granddaughter father sibling "
                   "analyst researcher scholar poet artist musician singer filmmaker novelist author "
                   "economist scientist lecturer bandit kidnapper gangster robber pirate smuggler poacher "
                   "uncle aunt grandfather grandmother companion colleague friend neighbour neighbor relative")
# head nouns that carry the outcome themselves
_OUTCOME_NOUNS = {"dead": "killed", "deaths": "killed", "fatalities": "killed", "bodies": "killed",
                  "corpses": "killed", "martyrs": "killed", "lives": "killed", "injuries": "injured"}
_CASUALTIES = _words("casualties casualty")
_MODIFIERS = _words(
    "young old elderly other more additional further innocent unarmed armed local foreign former retired off-duty "
    "government regime army opposition security military civil defence defense rescue aid medical "
    "red crescent field senior top high-ranking wedding family same suspected alleged islamist state "
    "pro loyalist enemy allied rival kurdish syrian iraqi turkish russian iranian lebanese american "
    "alawite sunni shiite christian druze jihadist rebel police militia terrorist civilian child "
    "female male unidentified unknown fellow ordinary displaced besieged trapped emergency health "
    "humanitarian un airport border elite special republican national defense regular auxiliary "
    "drug criminal gang and human rights prominent well-known renowned indigenous land environmental "
    "trade union community social tribal religious political freelance independent veteran rural "
    "peasant labour labor service "
    # the press's and a trade's words: "a community radio journalist", "a student activist"
    "radio television tv newspaper news press print online photo video broadcast citizen investigative "
    "student youth peace party village school university "
    # a person's age or condition: "a teenage boy", "a pregnant woman"
    "teenage teen adolescent newborn pregnant disabled handicapped blind deaf homeless poor unemployed sick "
    # ... or what befell the person before: "the body of a missing environmental activist"
    "missing disappeared exiled")
#: what makes a "leader" or a "chief" a civilian one: "a trade union leader", "social leaders",
#: "a village chief" (not "the police chief")
_CIVIC_LEADER = _words("union community social indigenous tribal religious political peasant student "
                       "village labour labor party opposition civic civil traditional clan")
#: what makes "members" civilians: "union members", "community members"
_CIVIC_MEMBER = _words("union community party church council parliament congregation")
#: a body whose members are civilians ("two members of the Council of Indigenous Peoples of
#: Cauca"), unless an armed word is among its name's ("the Manbij Military Council")
_CIVIC_BODY = _words("council union association committee organisation organization federation syndicate "
                     "society community congregation church parliament assembly network foundation commission "
                     "collective cooperative ngo crescent cross helmets charity newspaper")
_ARMED_BODY = _words("military armed army militia militias forces brigade brigades defence defense security "
                     "revolutionary liberation guerrilla guerrillas rebels rebel insurgents insurgency")
_FIGHTING_BESIDE = _words("alongside with for beside against")
_KILL_ACTIVE = _words(
    "killed killing kills kill executed executing executes execute massacred massacring massacres "
    "slaughtered slaughtering slaughters murdered murdering murders eliminated eliminating eliminates "
    "eliminate liquidated liquidating neutralised neutralized neutralising neutralizing slew slays "
    "martyring beheaded beheading assassinated assassinating crucified crucifies crucifying "
    "lynched lynching lynches lynch")
#: a side that lost a count of its fighters or people lost them dead (not "lost 30 percent")
_LOST = _words("lost losing loses lose")
_INJ_ACTIVE = _words("wounded wounding wounds wound injured injuring injures injure hurt hurting maimed maiming")
_NEG_ACTIVE = _words(
    "arrested arresting arrests detained detaining detains displaced displacing displaces kidnapped "
    "kidnapping kidnaps abducted abducting abducts evacuated evacuating evacuates rescued rescuing "
    "rescues captured capturing captures freed freeing released releasing hosting housing sheltering "
    "capture arrest detain evacuate rescue displace abduct kidnap release free treated treating")
_KILL_PRED = _words(
    "killed dead died die dies dying perished executed massacred slaughtered slain murdered martyred "
    "beheaded assassinated eliminated liquidated neutralised neutralized crucified lynched")
_INJ_PRED = _words("wounded injured hurt maimed")
#: burned alive: killed ("were burned alive", "burned alive three villagers")
_BURNED = _words("burned burnt")
_NEG_PRED = _words(
    "displaced arrested detained missing evacuated kidnapped abducted fled fleeing rescued trapped "
    "besieged captured held freed released surrendered stranded taken remain remained remaining "
    "suffocated suffering hospitalised hospitalized treated sheltering living live lived stuck homeless "
    "affected")
_AUX = _words(
    "were was have has had been be being are is reportedly allegedly also all both now later got get "
    "subsequently eventually apparently initially confirmed believed thought feared said says "
    "reported to likely so far")
_DET_BEFORE = _words("all another a an additional further the his her their its")
_POSSESSIVE = _words("his her their its")
_DEATH_OF = _words("deaths death killing killings bodies massacre execution executions lives murder murders")
_INJ_OF = _words("injury injuries wounding injuring")
_PART_CUES = (("among", "them"), ("among", "whom"), ("amongst", "them"), ("of", "whom"),
              ("including",), ("includes",), ("include",), ("included",), ("incl",))
_REST_HINT = re.compile(r"\b[Tt]he\s+(?:rest|remainder|others|remaining)\b")
_REST = (("the", "rest"), ("the", "remainder"), ("the", "others"), ("the", "remaining"))
_TIME_UNITS = _words(
    "second seconds minute minutes hour hours day days week weeks month months year years decade "
    "decades century am pm a.m p.m gmt hrs hr km kilometres kilometers kilometre kilometer miles mile "
    "metres meters metre meter m kg kilograms tons tonnes percent per cent times fold feet degrees "
    "mm litres liters dollars euros pounds lira liras usd syp st nd rd th")
_MONTHS = _words("january february march april may june july august september october november december "
                 "jan feb mar apr jun jul aug sep sept oct nov dec")
_CURRENCY = frozenset("$€£¥")
_NUMERIC_DATE = re.compile(r"\d{1,4}[-./]\d{1,2}[-./]\d{2,4}(?!\d)|\d{1,2}:\d\d")
_BOUNDARY = frozenset(".!?;")
_SENTENCE_END = frozenset(".!?")
_CUMULATIVE = re.compile(
    r"\bsince\s+(?:(?:early|late|mid|march|the\s+start\s+of|the\s+beginning\s+of|the\s+outbreak\s+of)\s+)?"
    r"(?:(?:19|20)\d\d|the\s+(?:war|conflict|uprising|revolution|crisis)"
    r"|(?:[\w'’-]+\s+){1,6}(?:began|started|erupted|intervened|broke\s+out|launched))"
    r"|\bsince\s+the\s+(?:start|beginning|outbreak)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?"
    r"(?:protests?|demonstrations|offensive|invasion|operation|campaign|siege|intervention|unrest|year)\b"
    r"|\b(?:war|conflict)\s+(?:has|have)\s+(?:killed|claimed)"
    # a period's tally: "executed at least 582 people so far this year", "in the first six
    # months of 2021", "this year alone"
    r"|\bso\s+far\s+(?:this\s+(?:year|month)|in\s+(?:19|20)\d\d|in\s+the\s+year)\b"
    r"|\b(?:this|last)\s+year\s+alone\b"
    r"|\bin\s+the\s+first\s+(?:[\w-]+\s+)?(?:months?|weeks?|half|quarter)\s+of\s+(?:the\s+|this\s+|last\s+)?"
    r"(?:year|(?:19|20)\d\d)\b"
    r"|\b(?:killed|murdered|died|imprisoned|jailed|detained)\s+(?:in\s+(?:19|20)\d\d\s+)?"
    r"(?:worldwide|around\s+the\s+world|across\s+the\s+world|globally)\b",
    re.IGNORECASE)
#: a tally over months, in the count's own clause: "killed in Aleppo since April", "the
#: bombardment since mid-February has killed" (not "since June 2", the days of one battle;
#: nor "Gunmen killed five people on Sunday, bringing the total since January to 400")
_SINCE_MONTH = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?(?:January|February|March|April|May|June|July|"
                          r"August|September|October|November|December)\b(?!\s+\d{1,2}\b)", re.IGNORECASE)
_CLAUSE_REACH = 200


def _since_month(text: str, f: "Figure", sentence: tuple[int, int]) -> bool:
    """A tally since a month named in the clause of the count ``f`` (its commas or
    semicolons, at most :data:`_CLAUSE_REACH` characters either side)."""
    s0, e0 = sentence
    lo, hi = max(s0, f.start - _CLAUSE_REACH), min(e0, f.end + _CLAUSE_REACH)
    a = max(text.rfind(",", lo, f.start), text.rfind(";", lo, f.start), lo - 1) + 1
    ends = [i for i in (text.find(",", f.end, hi), text.find(";", f.end, hi)) if i >= 0]
    return _SINCE_MONTH.search(text, a, min(ends) if ends else hi) is not None


#: before a count of what may come to be: "fighting could erupt, potentially killing thousands"
_MAY_BEFORE = re.compile(r"\b(?:potentially|possibly|could|would|might)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: a superlative the span measures one act against, no count over it: "making it the
#: deadliest attack on the coastal provinces since the war began"
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:deadliest|bloodiest|worst|largest|biggest|heaviest|highest|most\s+\w+|"
                                 r"first)\b[^.;:,]{0,80}$", re.IGNORECASE)


def _war_wide(text: str, start: int, end: int) -> bool:
    """The span ``start:end`` (a sentence) reports a war-wide count (:data:`_CUMULATIVE`),
    not only a superlative's span ("the deadliest attack since the war began")."""
    return any(not (m.group(0)[:5].lower() == "since"
                    and _SUPERLATIVE_BEFORE.search(text, max(start, m.start() - 100), m.start()))
               for m in _CUMULATIVE.finditer(text, start, end))


#: a running total the day's dead are added to (:data:`~marsad.extract.cues.RUNNING_TOTAL`)
#: of a time frame, which says it is no toll of this event ("bringing the death toll to 30"
#: is the event's own); the opening words are read by events too (the time frame dates no event)
_RUNNING_TOTAL_BEFORE = re.compile(
    RUNNING_TOTAL + r"(?=[^.;]{0,100}?\b(?:this|last|so\s+far|since|in\s+(?:19|20)\d\d|(?:19|20)\d\d)\b)"
    r"[^.;]{0,100}?\bto\s+(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+|some\s+|about\s+)?"
    r"[\w,.-]+(?:\s+[\w-]+){0,2}$",      # ... and the figure's number, where the figure ends
    re.IGNORECASE)
_RUNNING_TOTAL_REACH = 160


def running_total(text: str, f: "Figure", sentence_start: int) -> bool:
    """True when the figure is a running total of a period ("bringing the number of
    social leaders killed this year to 215")."""
    return bool(_RUNNING_TOTAL_BEFORE.search(text, max(sentence_start, f.start - _RUNNING_TOTAL_REACH), f.end))


# an outcome word must be in a sentence for it to hold a figure (searched in lower case)
_OUTCOME_HINT = re.compile(
    r"kill|dead|death|die|wound|injur|hurt|execut|massac|slaught|slain|martyr|bodies|murder|lives|"
    r"fatalit|perish|toll|eliminat|neutrali|liquidat|behead|assassin|crucif|maim|victim|shot|claim|gunned|mowed|"
    r"lynch|alive|body of|corpse")


class _Doc:
    """Tokens (of the sentences that may hold a figure) with their sentence ids."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]):
        self.text = text
        self.sentences = sentences
        hits = [m.start() for m in _OUTCOME_HINT.finditer(text.lower())]
        self.toks: list[Token] = []
        self.sid: list[int] = []
        if not hits:
            pass
        elif not sentences:
            self.toks = tokenize(text)
            self.sid = [-1] * len(self.toks)
        else:
            starts = [a for a, _ in sentences]
            chosen = sorted({k for k in (bisect.bisect_right(starts, h) - 1 for h in hits)
                             if k >= 0})
            for k in chosen:
                a, b = sentences[k]
                toks = tokenize(text, a, b)
                self.toks.extend(toks)
                self.sid.extend([k] * len(toks))
        self.n = len(self.toks)

    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < self.n else ""

    def same_sentence(self, i: int, j: int, stops: frozenset[str] = _BOUNDARY) -> bool:
        """Tokens ``i`` and ``j`` lie in one sentence, and no token of ``stops`` (by default
        a clause's end too: a semicolon) stands between them."""
        if not (0 <= i < self.n and 0 <= j < self.n):
            return False
        if self.sid[i] != self.sid[j]:
            return False
        lo, hi = min(i, j), max(i, j)
        return not any(self.toks[k].low in stops and not self._abbrev_dot(k) for k in range(lo, hi))

    def _abbrev_dot(self, k: int) -> bool:
        # "U.S." - a dot between single letters is not a boundary
        t = self.toks
        return (k > 0 and len(t[k - 1].text) == 1 and t[k - 1].text.isalpha()
                and t[k].start == t[k - 1].end)

    def match(self, i: int, words: tuple[str, ...]) -> bool:
        return all(self.low(i + m) == w for m, w in enumerate(words))


_OPENING_QUOTES = frozenset('"“‘\'')


class _NP:
    __slots__ = ("end", "head", "group", "outcome", "singular")

    def __init__(self, end: int, head: int | None, group: str | None, outcome: str | None, singular: bool):
        self.end, self.head, self.group, self.outcome, self.singular = end, head, group, outcome, singular


def _noun_phrase(d: _Doc, j: int, allow_of: bool) -> _NP | None:
    """The noun phrase after a number: ``None`` when it names things, not people."""
    start = j
    if allow_of and d.low(j) == "of":
        j += 1
    head = None
    group = None
    outcome = None
    k = j
    limit = j + 6
    while k < d.n and k < limit and d.same_sentence(start, k):
        w = _compound_head(d.low(k))
        if w in _OPENING_QUOTES and head is None and k + 1 < d.n and d.toks[k + 1].start == d.toks[k].end:
            k += 1    # 'killed 15 "terrorists"': the noun in quotes is still the noun
            continue
        if w == "." and head is None and k > j and len(d.toks[k - 1].text) == 1 and d.toks[k - 1].text.isupper() \
                and d.toks[k - 1].end == d.toks[k].start:
            k += 1    # "13 U.S. service members": the letters of an abbreviation
            limit += 1
            continue
        if w in _NATIONAL_ONE and not _np_ends(d, k + 1):
            k += 1    # "two Syrian soldiers", "two Nigerian villages": an adjective
            continue
        if w in _VICTIMS:
            if w in ("members", "member") and head is not None and group != _G_COMB:
                head = k      # "12 MSF staff members", "family members": the noun before says who
                k += 1
                continue
            head, group = k, _VICTIMS[w]
            if group == _G_COMB and any(d.low(m) in NO_LONGER_ARMED for m in range(j, k)):
                group = _G_CIV    # "a former police officer", "retired soldiers": civilians
            elif group == _G_COMB and w in _LEADER_OR_MEMBER and k > j and d.toks[k - 1].text.islower() \
                    and _plain_noun(d.low(k - 1)) and d.low(k - 1) not in _MODIFIERS:
                group = _G_TOTAL  # "three church leaders": leaders of what bears no arms, or may
            k += 1
            continue
        if w in _OUTCOME_NOUNS and (w != "dead" or head is None):
            if d.low(k + 1) in ("and", "or", "&") and d.low(k + 2) in _INJ_PRED:
                return None  # "tens of dead and wounded": casualties
            if head is None or w != "lives":
                head, outcome = k, _OUTCOME_NOUNS[w]
                group = group or _G_TOTAL
                k += 1
            break
        if head is not None:
            # a nationality before the force and its rank: "a Syrian army officer"
            if w in _MODIFIERS and w != "and" and d.low(k + 1) in _VICTIMS and d.same_sentence(start, k + 1):
                k += 1
                continue
            break
        if w in ("a", "an", "the"):
            break
        if w in _CASUALTIES:
            return None
        age_end = _age_end(d, k)
        if age_end is not None and head is None:
            k = age_end    # "a 10-year-old boy", "two 7 year old girls": an age, not a count
            limit = max(limit, k + 3)
            continue
        tok = d.toks[k]
        if w in _MODIFIERS or ("-" in w and w[0].isalpha()) or (tok.text[0].isupper() and w.isalpha()
                                                                 and w not in _KILL_PRED and w not in _INJ_PRED
                                                                 and w not in _MONTHS):
            k += 1
            continue
        if w.endswith(("'s", "’s")) and d.low(k + 1) in _VICTIMS:
            k += 1    # "the activist's brother": the owner is not the one counted
            continue
        if head is None and tok.text.islower() and _plain_noun(w) and (
                d.low(k + 1) in _VICTIMS or _plain_noun(d.low(k + 1)) and d.low(k + 2) in _VICTIMS
                and d.same_sentence(k, k + 2)):
            k += 1    # "two polio vaccination workers": nouns of what the people do
            continue
        break
    if head is None:
        # nothing but modifiers: the number stands alone ("kills six Syrian state TV")
        w = d.low(j)
        if w in _TIME_UNITS or w in _MONTHS or w in _CASUALTIES:
            return None
        if w.isalpha() and d.toks[j].text.islower() and not (
                w in _KILL_PRED or w in _INJ_PRED or w in _NEG_PRED or w in _AUX or w in _MODIFIERS
                or w in _FUNCTION):
            return None  # "30 airstrikes", "two villages"
        end = start
        while end < d.n and d.low(end) in ("more", "additional", "further") and d.same_sentence(start, end):
            end += 1    # "dozens more injured", "two more died"
        return _NP(end, None, None, None, False)
    hw = _compound_head(d.low(head))
    if group == _G_COMB and hw in ("leader", "leaders", "chief", "chiefs", "member", "members") and any(
            d.low(x) in (_CIVIC_MEMBER if hw.startswith("member") else _CIVIC_LEADER)
            for x in range(start, head)):
        group = _G_CIV    # "a trade union leader", "a village chief", "two union members"
    if hw in ("members", "member", "dissidents", "dissident") and d.low(head + 1) == "of":
        # members of a council, a union, a community: civilians (not of a military council);
        # dissidents of a guerrilla: combatants
        after = [d.low(x) for x in range(head + 2, min(d.n, head + 8)) if d.same_sentence(head, x)]
        if any(w in _ARMED_BODY for w in after):
            group = _G_COMB
        elif group == _G_COMB and any(w in _CIVIC_BODY for w in after):
            group = _G_CIV
    elif hw in ("dissidents", "dissident") and any(
            d.low(x) in _ARMED_BODY or (len(t := d.toks[x].text) >= 3 and t.isupper() and t.isalpha())
            for x in range(start, head)):
        group = _G_COMB     # a guerrilla's dissidents: "11 FARC dissidents", "guerrilla dissidents"
    if group != _G_COMB and d.low(head + 1) == "fighting" and d.low(head + 2) in _FIGHTING_BESIDE \
            and d.same_sentence(head, head + 2):
        group = _G_COMB     # "three volunteers fighting alongside the army"
    if group == _G_COMB and hw in ("members", "member"):
        # members of the same family / of his family are not combatants
        if any(d.low(x) in ("family", "families", "household") for x in range(start, min(d.n, head + 5))):
            group = _G_TOTAL
    if group in (_G_WOMEN, _G_CHILD) and d.low(head + 1) in ("and", "or") and d.low(head + 2) in _VICTIMS:
        other = _VICTIMS[d.low(head + 2)]
        if other != group:
            group = _G_CIV if other in (_G_WOMEN, _G_CHILD, _G_CIV) else _G_TOTAL
            head += 2
    return _NP(head + 1, head, group, outcome, hw in _SINGULAR or hw in _NATIONAL_ONE)


def _age_end(d: _Doc, k: int) -> int | None:
    """The token after an age written in digits at ``k`` ("10-year-old", "10 year old",
    "10-years-old"), or None."""
    if not d.low(k).isdigit():
        return None
    j = k + 1
    if d.low(j) == "-":
        j += 1
    w = d.low(j)
    if w in ("year-old", "years-old"):
        return j + 1
    if w in ("year", "years") and d.low(j + 1) == "old":
        return j + 2
    return None


def _np_ends(d: _Doc, k: int) -> bool:
    """The noun phrase ends before token ``k``: the sentence ends, or punctuation or a
    function word, verb or auxiliary follows ("a Syrian in Idlib", "a Pakistani and two
    Nigerians", "a Syrian was killed")."""
    if k >= d.n or not d.same_sentence(k - 1, k):
        return True
    w = d.low(k)
    return not w[:1].isalnum() or w in _FUNCTION or w in _AUX or w in _KILL_PRED or w in _INJ_PRED


_FUNCTION = _words(
    "in on at and or as after when while during near since including among of from by across with "
    "without but the a an inside outside around mostly most many some each apiece overnight "
    "yesterday today last this earlier later late early according into onto amid following before "
    "than more others who whom which that what where within between over under per")


def _put_at(d: _Doc, at: int) -> bool:
    """"at" after a toll or a number of casualties ("putting the death toll at six and the
    number of injured at 28", "the tally at 40", "the death toll stood at 12") gives its
    count."""
    before = d.low(at - 1)
    if before in ("stood", "stands", "stand", "remained", "remains", "was", "is", "put", "puts", "putting",
                  "placed", "places", "placing", "estimated", "estimates", "estimating", "set", "sets"):
        return _toll_before(d, at + 1) is not None   # "the death toll stood at 12"
    return before in ("toll", "tally", "count") or (
        before in ("dead", "killed", "deaths", "injured", "wounded", "casualties")
        and d.low(at - 2) == "of" and d.low(at - 3) == "number")


def _exclude_number(d: _Doc, q: Quantity) -> bool:
    """Dates, years, times, ages, percentages, money: not counts of people."""
    i = q.num_first
    t = d.toks[i]
    prev = d.low(q.first - 1)
    nxt = d.low(q.last)
    if t.low.isdigit() and len(t.low) == 4 and 1900 <= int(t.low) <= 2100 and q.num_first + 1 == q.last:
        if d.low(q.last) not in _VICTIMS:
            return True
    if prev in _MONTHS or (nxt in _MONTHS and d.toks[q.last].text[0].isupper()):
        return True
    if prev == "at" and _put_at(d, q.first - 1):
        pass    # "put the death toll at six", "the number of injured at 28": a count, not a time
    elif prev in ("aged", "age", "ages", "at", "no", "number", "no.", "#", "page", "resolution", "article"):
        return True
    if prev in ("and", "or", "to", "-") and d.low(q.first - 3) in ("aged", "age", "ages", "between"):
        if d.low(q.first - 3) != "between" or d.low(q.first - 4) in ("aged", "age", "ages"):
            return True  # "aged 5 and 7", "aged between 5 and 7"
    if prev and prev[-1] in _CURRENCY or nxt in ("%",) or nxt in _TIME_UNITS:
        return True
    if nxt in (":", "/") or prev == "/" or prev == ":" and not _label_colon(d, q.first - 1) \
            and not _breakdown_colon(d, q.first - 1):
        return True     # "10:30", "3/4" (not a label's colon: "Eastern Ghouta: At least 250 civilians";
                        # nor one before a total's parts: "43 people: 23 civilians and 20 fighters")
    if nxt == "-" and d.low(q.last + 1).startswith("year"):
        return True
    if nxt in ("years", "year") and d.low(q.last + 1) == "old":
        return True
    if nxt.startswith("year-old") or nxt.startswith("years-old"):
        return True
    return False


def _breakdown_colon(d: "_Doc", c: int) -> bool:
    """The colon at token ``c`` follows people and a space follows it: "killed 43 people: 23
    civilians and 20 fighters"."""
    return 0 < c + 1 < d.n and d.toks[c].end < d.toks[c + 1].start and d.low(c - 1) in _VICTIMS


def _label_colon(d: "_Doc", c: int) -> bool:
    """The colon at token ``c`` ends a label opening its sentence, a place, a date or a
    speaker's name of at most six capitalised words or numbers (and the small words of a
    name between them), and a space follows it ("Eastern Ghouta: At least 250 civilians",
    "7 December 2020: Two attackers", "Syrian Observatory for Human Rights: 23 civilians";
    not "10:30", nor "Read: 3 years of Duterte's counterinsurgency: 250 civilians dead")."""
    if c + 1 >= d.n or d.toks[c].end == d.toks[c + 1].start:
        return False
    k = c
    while k > 0 and d.same_sentence(k - 1, c) and c - k < 7:
        k -= 1
    if k > 0 and d.same_sentence(k - 1, c):
        return False    # more than six words before it
    label = d.toks[k:c]
    return not label or (label[0].text[:1].isupper() or label[0].text[:1].isdigit()) and all(
        t.text[:1].isupper() or t.text[:1].isdigit() or t.low in _NAME_LINKS for t in label[1:])


#: the small words inside a name: "Syrian Observatory for Human Rights", "Ministry of the Interior"
_NAME_LINKS = _words("of for the and on in al")


_SHOT = _words("shot shoot shoots shooting")
#: the words right before "the" (or "his", "her") that may make it one victim of a killing
#: ("killed the priest", "shot dead the journalist", "gunned down the mayor") or a wounding
#: ("wounding his wife and two children")
_KILLED_THE = _words("killed killing kills kill executed executing murdered murdering assassinated "
                     "assassinating beheaded beheading dead down wounded wounding injured injuring maimed maiming")
#: words that end the object of a verb before "to death" could follow it
_FUNCTION_STOP = _words("and or but after before when while in at on with by from , ; . who which that")
_GUNNED = _words("gunned gunning guns mowed mowing")
_TO_DEATH = _words("stabbed stabbing beaten beat beating hacked hacking burned burnt burning stoned stoning "
                   "tortured torturing bludgeoned clubbed lynched")


def _backward_verb(d: _Doc, first: int) -> tuple[str, int] | None:
    """(outcome, token index) of an active verb governing the quantity, or ('neg', i)."""
    p = first - 1
    skipped = 0
    while p >= 0 and skipped < 2 and d.low(p) in _DET_BEFORE and d.same_sentence(p, first):
        p -= 1
        skipped += 1
    if p < 0 or not d.same_sentence(p, first):
        return None
    w = d.low(p)
    if w in _KILL_ACTIVE or w in _INJ_ACTIVE:
        out = "killed" if w in _KILL_ACTIVE else "injured"
        # "killed and wounded 30" / "wounding and killing": casualties, not deaths
        other = _INJ_ACTIVE if out == "killed" else _KILL_ACTIVE
        if d.low(p - 1) in ("and", "or", "&") and d.low(p - 2) in other:
            return ("neg", p)
        return (out, p)
    if w in _NEG_ACTIVE:
        return ("neg", p)
    # verbs of two or three words: "shot dead two protesters", "gunned down a teacher",
    # "stabbed to death three men"
    if w == "dead" and d.low(p - 1) in _SHOT:
        return ("killed", p - 1)
    if w == "down" and d.low(p - 1) in _GUNNED:
        return ("killed", p - 1)
    if w == "alive" and d.low(p - 1) in _BURNED:
        return ("killed", p - 1)       # "burned alive three villagers"
    if w == "death" and d.low(p - 1) == "to" and d.low(p - 2) in _TO_DEATH:
        return ("killed", p - 2)
    if w in _TO_DEATH or w == "strangled":
        # "hacked three farmers to death", "stabbed a human rights defender to death"
        for k in range(first + 1, min(d.n - 1, first + 8)):
            if not d.same_sentence(first, k) or d.low(k) in _FUNCTION_STOP:
                break
            if d.low(k) == "to" and d.low(k + 1) == "death":
                return ("killed", p)
        if w == "strangled":
            return ("killed", p)
    if w == "of":
        w2 = d.low(p - 1)
        if w2 in ("family", "household") and d.low(p - 2) in ("a", "an", "one", "the", "entire", "whole"):
            # "killed a family of five": the five
            v = p - 3 if d.low(p - 2) not in ("entire", "whole") else p - 4
            if d.low(v) in _KILL_ACTIVE or d.low(v) in _INJ_ACTIVE:
                return ("killed" if d.low(v) in _KILL_ACTIVE else "injured", v)
            return None
        if w2 in _DEATH_OF or w2 in ("body", "corpse") and d.low(first) in ("a", "an", "one"):
            # ("the body of a missing environmental activist was found": one dead)
            if w2 == "lives" and d.low(p - 2) == "the":
                return ("killed", p - 3 if p >= 3 else p - 2)
            return ("killed", p - 1)
        if w2 in _INJ_OF:
            return ("injured", p - 1)
    return None


#: words that open a verb's object: "shot dead a boy", "shot dead his brother"
_OBJECT_OPENERS = _words("a an the his her their its two three four five six seven eight nine ten "
                         "dozens scores several")


def _object_follows(d: _Doc, k: int) -> bool:
    """An object noun phrase opens at token ``k`` of the same sentence (so the verb before
    it is active: "gunmen shot dead a teacher", not "two men shot dead in Aleppo")."""
    if k >= d.n or not d.same_sentence(k - 1, k):
        return False
    w = d.low(k)
    return w in _OBJECT_OPENERS or w.isdigit() or w in _VICTIMS


#: the verbs of killing that take an object ("gunmen killed a journalist")
_TRANSITIVE_KILL = _words("killed executed massacred slaughtered murdered beheaded assassinated eliminated "
                          "liquidated neutralised neutralized crucified lynched")
_NOT_A_NAME_WORD = _words("monday tuesday wednesday thursday friday saturday sunday in on at near by during "
                          "after before as when while amid following outside inside")


_TIME_NOUNS = _words("previous same following next other day days night nights week weeks weekend morning "
                     "evening afternoon month months year years hour hours")


def _count_at(d: _Doc, k: int) -> bool:
    """A count at token ``k`` opens a clause of its own ("killed 12 others injured", "killed
    3 were wounded"), not the verb's object ("killed three militants in Borno")."""
    q = parse_quantity(d.toks, k, d.text) if k < d.n else None
    if q is None or q.first != k:
        return False
    np = _noun_phrase(d, q.last, q.vague)
    after = np.end if np is not None else q.last
    return d.low(after) in _INJ_PRED or d.low(after) in _KILL_PRED or d.low(after) in _AUX


def _time_follows(d: _Doc, k: int) -> bool:
    """A time phrase opens at token ``k`` ("killed the previous day", "killed a week ago"):
    no object."""
    return d.low(k) in ("the", "a", "an", "last", "this", "that", "two", "three", "several") \
        and d.low(k + 1) in _TIME_NOUNS


#: nouns of those who do violence: with a capitalised word after their verb, they did it
#: ("two unidentified attackers killed Qais _laved", a name garbled by the text's source)
_DOERS = _words("attackers assailants gunmen hitmen assassins kidnappers abductors snipers bombers")


def _capital_follows(d: _Doc, k: int) -> bool:
    """A capitalised word of the same sentence opens at token ``k``, no weekday, month or
    capitalised preposition."""
    return k < d.n and d.same_sentence(k - 1, k) and d.toks[k].text[:1].isupper() \
        and d.low(k) not in _NOT_A_NAME_WORD and d.low(k) not in _MONTHS


def _name_follows(d: _Doc, k: int) -> bool:
    """A person's name of two capitalised words opens at token ``k`` ("attackers killed
    Qais Javed"; not "Killed In Attack", "killed Monday")."""
    return _capital_follows(d, k) and _capital_follows(d, k + 1) \
        and d.toks[k].text[1:2].islower() and d.toks[k + 1].text[1:2].islower()


_ASIDE_MARKS = frozenset({",", "-", "–", "—", "("})
_ASIDE_CLOSE = frozenset({",", "-", "–", "—", ")"})


def _forward_predicate(d: _Doc, k: int, origin: int, with_head: bool = True) -> tuple[str, int] | None:
    """(outcome, last token index) of a predicate after the noun phrase, or ('neg', i)."""
    steps = 0
    aside = False
    while k < d.n and steps < 12 and d.same_sentence(origin, k):
        w = d.low(k)
        # an aside naming a part: "23 civilians - including nine children - dead",
        # "20 people, including 8 children, were killed"
        if aside and w in _ASIDE_CLOSE:
            k, aside = k + 1, False
            steps += 1
            continue
        if aside:
            # what qualifies the part before the aside closes: "including 32 children under
            # the age of 10, were massacred" (no predicate of its own)
            close = next((t for t in range(k + 1, min(d.n, k + 8)) if d.low(t) in _ASIDE_CLOSE
                          or d.low(t) in _KILL_PRED or d.low(t) in _INJ_PRED or d.low(t) in _AUX
                          or not d.same_sentence(origin, t)), None)
            if close is not None and d.low(close) in _ASIDE_CLOSE and d.same_sentence(origin, close):
                k = close
                steps += 1
                continue
        if w in _ASIDE_MARKS:
            j = _skip_apposition(d, k + 1)
            if j is not None:
                k, aside = j, True
                steps += 1
                continue
        # coordinated noun phrase sharing the predicate: "16 civilians and three children were
        # killed", "a woman and her two children were killed"
        if w in ("and", "or", ",") and k + 1 < d.n:
            o = k + 1 + (d.low(k + 1) in _POSSESSIVE)
            q2 = parse_quantity(d.toks, o, d.text)
            j = None
            if q2 is not None and q2.first == o:
                np2 = _noun_phrase(d, q2.last, q2.vague)
                if np2 is not None and np2.head is not None:
                    j = np2.end
            elif d.low(o) in ("a", "an") or d.low(o) in _VICTIMS or d.low(o) in _MODIFIERS:
                # "a woman and her two children", "16 civilians and children", "a farmer
                # and land rights activist was shot dead" (one person told by two nouns)
                m = o + (d.low(o) in ("a", "an"))
                while m < d.n and m < k + 5 and d.low(m) not in _VICTIMS and (
                        d.low(m) in _MODIFIERS or d.toks[m].text[0].isupper()):
                    m += 1
                if d.low(m) in _VICTIMS:
                    j = m + 1
            if j is not None:
                k = j
                steps += 1
                continue
            return None
        if w in _AUX:
            k += 1
            steps += 1
            continue
        if w in ("aged", "ages") and with_head:
            # "two children aged 5 and 7 were killed"
            m = k + 1
            while m < d.n and m < k + 7 and (d.low(m)[:1].isdigit() or d.low(m) in STARTERS
                                              or d.low(m) in ("and", "or", "to", "-", "between", "years", "old")):
                m += 1
            if m > k + 1:
                k = m
                steps += 1
                continue
        # a short prepositional phrase before an auxiliary: "three children from one family were
        # killed", "a volunteer with the Syrian Arab Red Crescent was killed"; so a participle's
        # ("two journalists working for Orient TV were killed"; not a relative clause's, which
        # may be the count's own predicate: "6,786 individuals who had died in custody" is a
        # documented count, not a toll)
        if steps == 0 and with_head and (w in ("from", "of", "in", "at", "near", "inside", "on", "with")
                                         or _qualifying_participle(d, k)):
            # (names do not use up its five words: "30 fighters from the Islamic State and the
            # Nusra Front were killed")
            m = -1
            plain = 0
            for m in range(k + 1, min(d.n, k + 14)):
                if not (d.toks[m].text[:1].isupper() or d.low(m) in ("the", "and")):
                    plain += 1
                    if plain > 5:
                        break
                if d.low(m)[:1].isdigit() or d.low(m) in STARTERS and d.low(m) not in ("a", "an", "one") \
                        or not d.same_sentence(origin, m):
                    break
                if d.low(m) in ("were", "was", "have", "has", "had", "are"):
                    k = m
                    break
                if d.low(m) in _ASIDE_MARKS and m > k + 1 and _skip_apposition(d, m + 1) is not None:
                    k = m    # "eight members of one family, including five children, were killed"
                    break
            if k != m:
                return None
            steps += 1
            continue
        if with_head and w in ("who", "that") and (steps == 0 or d.low(k - 1) in _VICTIMS):
            m = _past_relative_clause(d, k, origin)
            if m is None:
                return None
            k = m
            steps += 1
            continue
        # an apposition naming a part: "including nine children", "six of them children",
        # "most of them civilians", "mostly children"
        j = _skip_apposition(d, k)
        if j is not None:
            k = j
            steps += 1
            continue
        if w in _KILL_PRED:
            if d.low(k + 1) in ("and", "or", "&") and d.low(k + 2) in _INJ_PRED:
                return ("neg", k)  # "were killed and wounded": casualties
            if w in _TRANSITIVE_KILL and d.toks[k].text[:1].islower() and d.low(k - 1) not in _AUX \
                    and not _time_follows(d, k + 1) and (
                    _object_follows(d, k + 1) and not _count_at(d, k + 1) or _name_follows(d, k + 1)
                    or any(d.low(j) in _DOERS for j in range(origin, k)) and _capital_follows(d, k + 1)):
                return None        # "two gunmen killed a journalist": the noun phrase did it (a
                                   # count after it may open the next clause of a headline whose
                                   # commas were lost: "Three civilians killed 12 others injured";
                                   # a title-case headline's words are all capitalised: "20
                                   # Civilians Killed Scores Injured")
            return ("killed", k)
        if w in _INJ_PRED:
            if w == "wounded" and d.low(k + 1) in ("and", "or") and d.low(k + 2) in _KILL_PRED:
                return ("neg", k)
            return ("injured", k)
        if w in _NEG_PRED:
            return ("neg", k)
        if w in ("gunned", "mowed") and d.low(k + 1) == "down" and d.low(k - 1) in _AUX:
            return ("killed", k + 1)   # "was gunned down": shot dead
        if w in ("shot", "burned", "burnt", "beaten", "stabbed", "tortured", "found", "stoned", "hacked",
                 "crushed", "starved", "gunned", "bombed"):
            for m in range(k + 1, min(d.n, k + 4)):
                if d.low(m) in ("dead", "death", "killed") or d.low(m) == "alive" and w in _BURNED:
                    if d.low(k - 1) not in _AUX and _object_follows(d, m + 1):
                        return None    # "a sniper shot dead a boy": the noun phrase did it
                    return ("killed", m)
            return None
        if w == "lost" and d.low(k + 1) in ("their", "his", "her") and d.low(k + 2) in ("lives", "life"):
            return ("killed", k + 2)
        if w in ("among", "amongst"):
            m = k + 1
            if d.low(m) in ("the", "those"):
                m += 1
            if d.low(m) in ("dead", "killed", "victims", "fatalities", "deaths", "bodies"):
                return ("killed", m)
            if d.low(m) in ("wounded", "injured"):
                return ("injured", m)
            return None
        return None
    return None


#: words in a relative clause that make what follows it none of the count's: a speaker's
#: ("activists who said they were beaten")
_CLAUSE_SPEAKS = _words("he she they we i it said say says told claimed alleged reported")


def _past_relative_clause(d: _Doc, k: int, origin: int) -> int | None:
    """The auxiliary right after a relative clause opened at ``k`` that tells no fate of its
    own ("Two activists who had campaigned against police brutality in Mathare| were found
    dead"), else None: a clause that tells one is the count's predicate ("6,786 individuals
    who had died in custody" is a documented count, not a toll), and one in which someone
    speaks leaves what follows theirs."""
    for m in range(k + 2, min(d.n, k + 14)):
        w = d.low(m)
        if not d.same_sentence(origin, m) or w in _KILL_PRED or w in _INJ_PRED or w in _NEG_PRED \
                or w in _CLAUSE_SPEAKS or w in ("who", "that", "which", ",", ";", ":"):
            return None
        if w in ("were", "was") and d.low(m - 1) not in _AUX:
            return m
    return None


def _qualifying_participle(d: _Doc, k: int) -> bool:
    """A present participle that opens a phrase qualifying the noun before it ("working for
    Orient TV"), not a word of an outcome ("killing", "wounding") nor of a part ("including")."""
    w = d.low(k)
    return w.endswith("ing") and w.isalpha() and len(w) > 5 and w not in _KILL_ACTIVE and w not in _INJ_ACTIVE \
        and w not in _NEG_ACTIVE and _part_cue_at(d, k) is None and w not in ("according", "following")


def _skip_apposition(d: _Doc, k: int) -> int | None:
    """Token index after an apposition starting at ``k``, or None."""
    m = None
    cue = _part_cue_at(d, k)
    if cue is not None:
        m = cue
    elif d.match(k, ("most", "of", "them")) or d.match(k, ("many", "of", "them")) or d.match(k, ("some", "of", "them")):
        m = k + 3
    elif d.low(k) in ("mostly", "mainly", "many", "most"):
        m = k + 1
    else:
        q = parse_quantity(d.toks, k, d.text)
        if q is not None and q.first == k and d.low(q.last) == "of" and d.low(q.last + 1) in ("them", "whom"):
            m = q.last + 2
    if m is None:
        return None
    while d.low(m) in ("were", "are", "was"):
        m += 1
    if m < d.n:
        q = parse_quantity(d.toks, m, d.text) or _singular_quantity(d, m)
        if q is not None and q.first == m:
            m = q.last
    np = _noun_phrase(d, m, True)
    if np is None or np.head is None:
        if cue is None:
            return None
        # "including a district governor," "including the mayor,": a part that is no count
        # of a victim group still closes an aside
        for t in range(m, min(d.n, m + 8)):
            w = d.low(t)
            if w in _ASIDE_CLOSE:
                return t if t > m else None
            if w[:1].isdigit() or w in _KILL_PRED or w in _INJ_PRED or w in _AUX or not d.same_sentence(k, t):
                return None
        return None
    return np.end


_PART_FIRST = frozenset(w[0] for w in _PART_CUES)
#: the marks before the parts of a total told in apposition ("43 people: 23 civilians and ...")
_BREAKDOWN_MARKS = frozenset({":", "-", "–", "—"})


def _part_cue_at(d: _Doc, k: int) -> int | None:
    if d.low(k) not in _PART_FIRST:
        return None
    for words in _PART_CUES:
        if d.match(k, words):
            return k + len(words)
    return None


def _toll_before(d: _Doc, first: int) -> int | None:
    """Index of "toll" (or "number of ... killed") shortly before the quantity."""
    for k in range(first - 1, max(-1, first - 21), -1):
        if not d.same_sentence(k, first):
            return None
        w = d.low(k)
        if w[:1].isdigit():
            return None
        if w == "toll":
            # a "casualty toll" mixes dead and wounded
            return None if d.low(k - 1) in ("casualty", "casualties", "injury") else k
        if w == "number" and d.low(k + 1) == "of":
            for m in range(k + 2, min(first, k + 8)):
                if d.low(m) in ("dead", "killed", "deaths", "fatalities", "victims", "martyrs", "bodies"):
                    return k
            return None
    return None


def _toll_group(d: _Doc, toll: int) -> str:
    """Whose toll: "the civilian (death) toll", "the number of civilians killed", "the
    toll of civilians"; anyone's otherwise ("the death toll from the children's hospital")."""
    k = toll - 1 if d.low(toll - 1) in ("death", "fatality") else toll
    if d.low(toll) == "toll" and d.low(k - 1) in _VICTIMS:
        return _VICTIMS[d.low(k - 1)]
    if d.low(toll + 1) == "of" and d.low(toll + 2) in _VICTIMS:
        return _VICTIMS[d.low(toll + 2)]
    return _G_TOTAL


_PART_LAST = frozenset(w[-1] for w in _PART_CUES)


#: the whole a sentence opens with, its parts told after its comma: "Of the 35 people killed,",
#: "Among the dead,", "Of those wounded,"
_WHOLE_OPENERS = _words("of among amongst")
_WHOLE_KILLED = _words("killed dead victims fatalities deaths martyrs")
_WHOLE_INJURED = _words("wounded injured")


def _fronted_whole(d: _Doc, first: int) -> tuple[int, str] | None:
    """(index of its first word, outcome) of the whole of casualties the sentence (or its
    clause after "that" or a colon) opens with, when the number at ``first`` comes right after
    its comma ("Of the 35 people killed, 21 were civilians"), else None."""
    if first < 2 or d.low(first - 1) != ",":
        return None
    for k in range(first - 2, max(-1, first - 11), -1):
        if not d.same_sentence(k, first) or d.low(k) == ",":
            return None
        if d.low(k) in _WHOLE_OPENERS and (k == 0 or not d.same_sentence(k - 1, first)
                                           or d.low(k - 1) in ("that", ":")):
            break
    else:
        return None
    words = {d.low(j) for j in range(k + 1, first - 1)}
    if words & _WHOLE_KILLED:
        return k, "killed"
    if words & _WHOLE_INJURED:
        return k, "injured"
    return None


def _part_cue_before(d: _Doc, first: int) -> int | None:
    if d.low(first - 1) not in _PART_LAST:
        return None
    for words in _PART_CUES:
        k = first - len(words)
        if k >= 0 and d.match(k, words) and d.same_sentence(k, first):
            return k
    return None


#: a possessive before a victim named alone, as "the" is ("killed his companion", "her son
#: was shot dead"); not after "and", where it is a second victim of a count told before it
#: ("killed a man and his son", :func:`_bare_conjunct`) or of a named one
_POSSESSIVE_DET = _words("his her")


def _compound_head(w: str) -> str:
    """Of two victim nouns joined by a hyphen, the one counted: the last ("a farmer-activist",
    "two lawyer-activists"), but one under arms if either is ("a soldier-poet"); any other
    word as it is."""
    if "-" in w:
        first, _, last = w.rpartition("-")
        if last in _VICTIMS and first in _VICTIMS:
            return first if _VICTIMS[first] == _G_COMB and _VICTIMS[last] != _G_COMB else last
    return w


def _singular_quantity(d: _Doc, i: int) -> Quantity | None:
    """'a child', 'an officer' (the article as the number one); 'the priest' or 'his
    companion' only as the object of a verb of killing or wounding ("gunmen killed the
    priest") or the subject of a passive one, where the definite article names one victim,
    not someone who speaks or is spoken of. A possessive between is the owner's, not the
    victim ("the activist's brother was shot dead")."""
    definite = d.low(i) == "the" or d.low(i) in _POSSESSIVE_DET
    if definite:
        verb = _backward_verb(d, i)
        if verb is not None and verb[0] not in ("killed", "injured"):
            return None     # "wounding his wife" is one hurt, as "killing his wife" is one dead
    elif d.low(i) not in ("a", "an"):
        return None
    k = i + 1
    limit = i + 5    # "an indigenous land rights defender"
    unknown = 0
    while k < d.n and k < limit:
        w = d.low(k)
        age_end = _age_end(d, k)
        if age_end is not None:
            limit += age_end - k    # "a 12-year-old girl": her age is no count
            k = age_end
            continue
        w = _compound_head(w)
        if w in _SINGULAR or (w in _NATIONALS_SG and _np_ends(d, k + 1)):
            if definite and verb is None and not _killed_after(d, k + 1):
                return None   # "the blogger said", "the priest's house"
            t = d.toks[i]
            return Quantity(i, i, i + 1, t.start, t.end, 1, 1, 1)
        if w in _MODIFIERS or (w.isalpha() and d.toks[k].text[0].isupper()) or "-" in w \
                or w.endswith(("'s", "’s")):
            k += 1
            continue
        if unknown < 2 and d.toks[k].text.islower() and _plain_noun(w) and d.low(k + 1) not in _FUNCTION_STOP:
            unknown += 1    # "a polio vaccination worker": nouns of what the person does
            k += 1
            continue
        return None
    return None


_LEADER_OR_MEMBER = _words("leader leaders member members")
#: words of quantity and degree, never a noun qualifying another
_NOT_PLAIN = _words("least most more less than about around some many few several over under nearly almost "
                    "other others another such all both each every any were was are has have had been being "
                    "not also who whom whose which that this these those there their them they")


def _plain_noun(w: str) -> bool:
    """A lower-case word that may be a noun qualifying another ("polio" of "a polio
    vaccination worker"): no function word, verb form or word of an outcome."""
    return w.isalpha() and len(w) > 2 and w not in _FUNCTION_STOP and not w.endswith(("ed", "ing", "ly")) \
        and w not in STARTERS and w not in _NOT_PLAIN \
        and w not in _KILL_PRED and w not in _INJ_PRED and w not in _KILL_ACTIVE and w not in _INJ_ACTIVE \
        and w not in _OUTCOME_NOUNS and w not in _CASUALTIES


#: "was killed", "was shot dead", "has been murdered": a passive killing of the subject
_PASSIVE_AUX = _words("was has had been")
_PASSIVE_KILLED = _words("killed murdered assassinated executed beheaded slain lynched strangled")


def _aux_within(aux_at: list[int], lo: int, hi: int) -> bool:
    """An auxiliary of :data:`_PASSIVE_AUX` stands at a token index in ``[lo, hi)``."""
    k = bisect.bisect_left(aux_at, lo)
    return k < len(aux_at) and aux_at[k] < hi


def _killed_after(d: _Doc, k: int) -> bool:
    """A passive verb of killing follows token ``k`` ("The blogger was killed in 2019",
    "the priest was shot dead", "the journalist had been stabbed to death")."""
    if not d.same_sentence(k - 1, k) or d.low(k) not in _PASSIVE_AUX:
        return False
    while d.low(k) in _PASSIVE_AUX and d.same_sentence(k - 1, k):
        k += 1
    w = d.low(k)
    return w in _PASSIVE_KILLED or (w in _SHOT and d.low(k + 1) == "dead") \
        or (w in _BURNED and d.low(k + 1) == "alive") or (
        w in _TO_DEATH and d.low(k + 1) == "to" and d.low(k + 2) == "death")


class _SpanSet:
    """Spans (furniture, numeric dates) tested for overlap in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_end: list[int] = []
        m = -1
        for _, e in spans:
            m = max(m, e)
            self.max_end.append(m)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end) - 1
        return k >= 0 and self.max_end[k] > start


class _Cand:
    __slots__ = ("q", "np", "outcome", "group", "start", "end", "parent", "among", "how", "fig",
                 "skip_to")

    def __init__(self, q: Quantity, np: _NP):
        self.q, self.np = q, np
        self.outcome: str | None = None
        self.group: str = np.group or _G_TOTAL
        self.start, self.end = q.start, (np.end - 1)
        self.parent: int | None = None       # index into cands
        self.among: int | None = None        # token index of a quantity this is "among"
        self.how = ""
        self.fig: int | None = None
        self.skip_to = 0                     # token index where the scan for quantities resumes


def find_figures(text: str, sentences: list[tuple[int, int]] | None = None,
                 masked: list[tuple[int, int]] | None = None,
                 opener_ends: dict[str, list[int]] | None = None,
                 named: NamedSide | None = None) -> list[Figure]:
    """Every casualty figure of ``text`` (see the module docstring); ``opener_ends``: where
    the cues' opening words end, when the report was scanned for them already
    (:func:`~marsad.extract.cues.opener_ends`); ``named``: the side of the armed actor a
    count's words name (:func:`named_side`), for counts of two sides."""
    d = _Doc(text, sentences or [])
    blocked = list(masked or [])
    if d.n:
        blocked.extend((m.start(), m.end()) for m in _NUMERIC_DATE.finditer(text))
    inside = _SpanSet(blocked)
    cands: list[_Cand] = []
    by_token: dict[int, int] = {}     # token index of the number -> cand index
    i = 0
    toks = d.toks
    # where "was", "has" or "had" stands: "the priest was killed" may count one
    aux_at = [k for k, t in enumerate(toks) if t.low in _PASSIVE_AUX]
    while i < d.n:
        w = toks[i].low
        if w[0].isdigit() or w in STARTERS:
            q = parse_quantity(toks, i, text)
            if q is None and (w == "a" or w == "an"):
                q = _singular_quantity(d, i)
        elif (w == "the" or w in _POSSESSIVE_DET and (i == 0 or toks[i - 1].low not in ("and", ","))) \
                and (i > 0 and toks[i - 1].low in _KILLED_THE or _aux_within(aux_at, i + 2, i + 6)):
            q = _singular_quantity(d, i)
        else:
            q = None
        if q is None:
            i += 1
            continue
        nxt_i = max(q.last, i + 1)
        if q.num_first != i:  # a "from N to M" update starts later
            nxt_i = max(nxt_i, q.last)
        if q.best == 0 or inside.overlaps(q.start, q.end) or _exclude_number(d, q):
            i = nxt_i
            continue
        c = _analyse(d, q, cands)
        if c is not None:
            by_token[q.num_first] = len(cands)
            cands.append(c)
            nxt_i = max(nxt_i, c.skip_to)
        i = nxt_i
    # "N children were among (at least) M people killed": link to the later quantity
    for idx, c in enumerate(cands):
        if c.among is not None:
            for tok_i in range(c.among, min(d.n, c.among + 4)):
                j = by_token.get(tok_i)
                if j is not None and j != idx and cands[j].outcome in ("killed", "injured"):
                    c.parent = j
                    c.outcome = cands[j].outcome
                    c.end = max(c.end, cands[j].end)
                    break
    figures: list[Figure] = []
    for idx, c in enumerate(cands):
        if c.outcome not in ("killed", "injured"):
            continue
        s = min(c.q.start, d.toks[c.start].start)
        e = max(c.q.end, d.toks[c.end].end)
        c.fig = len(figures)
        q = c.q
        figures.append(Figure(
            start=s, end=e, text=text[s:e], low=q.low, best=q.best, high=q.high,
            outcome=c.outcome, group=c.group, vague=q.vague))
    _each_side(text, figures)
    # parts
    for c in cands:
        if c.fig is not None and c.parent is not None and cands[c.parent].fig is not None:
            part, total = figures[c.fig], figures[cands[c.parent].fig]
            part.part_of = cands[c.parent].fig
            head = d.toks[c.np.head].low if c.np.head is not None else ""
            if part.group == _G_CIV and head not in _CIVILIANS_AS_SUCH and part.high is not None:
                # "six people including a journalist": one journalist, so at least one
                # civilian, and no more than the six
                part.high = None if total.high is None else max(total.high, part.best)
    _coordinated_totals(d, cands, figures)
    _coordinated_after_verb(d, cands, figures)
    _opposed_losses(d, figures, named)
    _added_counts(d, figures)
    _derive_rest(d, figures)
    _elliptic_counts(d, figures)
    # sentences and flags
    sent_flags: dict[int, bool] = {}
    sentences = sentences or []
    starts = [a for a, _ in sentences]
    runs = CueBefore(text, (opener_ends or cue_opener_ends(text))["running_total"], _RUNNING_TOTAL_BEFORE,
                     _RUNNING_TOTAL_REACH)
    for f in figures:
        f.sentence = _sentence_of(sentences, starts, f.start)
        if f.best > IMPLAUSIBLE_ABOVE or (f.high is not None and f.high > IMPLAUSIBLE_ABOVE):
            f.flag = "implausible"
        elif _MAY_BEFORE.search(text, max(0, f.start - 30), f.start):
            f.flag = "hypothetical"
        elif f.sentence >= 0:
            if f.sentence not in sent_flags:
                s0, e0 = sentences[f.sentence]
                sent_flags[f.sentence] = _war_wide(text, s0, e0)
            if sent_flags[f.sentence] or runs.near(f.end) and running_total(text, f, sentences[f.sentence][0]) \
                    or _since_month(text, f, sentences[f.sentence]):
                f.flag = "cumulative"
    return figures


#: what joins two victims of one predicate: "two men and a woman", "a man, a woman and"
_CONJ = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:(?:his|her|their|its)\s+)?$")
#: more victims named without a number: "a woman and child", "a man and his son", "the
#: mayor, his wife and their driver"
_BARE_CONJUNCT = re.compile(r"((?:\s*,\s*(?:(?:his|her|their)\s+)?[a-z]+\b){0,6})\s*,?\s+and\s+(?:(?:his|her|their)\s+)?"
                            r"([a-z]+)\b")
_BARE_ITEM = re.compile(r"\s*,\s*(?:(?:his|her|their)\s+)?([a-z]+)")


def _bare_conjunct(d: _Doc, last: _Cand, outcome: str, before: int | None = None) -> Figure | None:
    """More victims named without a number after a singular one ("a woman and child", "a
    man and his son", "the mayor, his wife and their driver"), ending before ``before``
    when given: a figure of as many, else None."""
    if not last.np.singular:
        return None
    m = _BARE_CONJUNCT.match(d.text, d.toks[last.np.end - 1].end)
    if m is None or (before is not None and m.end() >= before):
        return None
    words = [x.group(1) for x in _BARE_ITEM.finditer(m.group(1))] + [m.group(2)]
    if not all(w in _SINGULAR and w in _VICTIMS for w in words):
        return None
    start = m.start(2) if len(words) == 1 else m.start(1) + m.group(1).index(words[0])
    groups = {_VICTIMS[w] for w in words}
    n = len(words)
    group = groups.pop() if len(groups) == 1 else _G_CIV if groups <= {_G_CIV, _G_WOMEN, _G_CHILD} else _G_TOTAL
    return Figure(start=start, end=m.end(2), text=d.text[start:m.end(2)], low=n, best=n, high=n,
                  outcome=outcome, group=group)


def _coordinated_totals(d: _Doc, cands: list[_Cand], figures: list[Figure]) -> None:
    """Victims joined by "and" under one predicate add up: "two men and a woman were
    killed" is 3 killed, "a journalist and two soldiers were wounded" 3 wounded, "a
    woman and child were killed" 2. The sum is a ``derived`` figure over the whole
    phrase, of the conjuncts' group when they share it, ``civilians`` when they are all
    civilians, women or children, else ``total``; each conjunct is a part of it, so
    nothing is counted twice."""
    text = d.text
    live = [c for c in cands if c.fig is not None and c.parent is None]
    for c in live:
        # "a woman and child": one article, two people
        h = c.np.head
        if h is not None and d.low(c.q.num_first) in ("a", "an") and d.low(h - 1) == "and" \
                and d.low(h) in _SINGULAR and d.low(h - 2) in _SINGULAR:
            f = figures[c.fig]
            f.low = f.best = 2
            f.high = 2 if f.high is not None else None
    i = 0
    while i < len(live):
        chain = [live[i]]
        f0 = figures[live[i].fig]
        while i + len(chain) < len(live):
            prev, nxt = chain[-1], live[i + len(chain)]
            fn = figures[nxt.fig]
            gap = text[d.toks[prev.np.end - 1].end:nxt.q.start]
            if fn.end != f0.end or fn.outcome != f0.outcome or not _CONJ.match(gap) or len(gap) > 14:
                break
            chain.append(nxt)
        i += len(chain)
        parts = [figures[c.fig] for c in chain]
        bare = _bare_conjunct(d, chain[-1], f0.outcome, before=f0.end)
        if len(parts) < 2 and bare is None:
            continue
        if bare is not None:
            figures.append(bare)
            parts.append(bare)
        _add_sum(figures, parts, f0.start, f0.end, f0.text)
        # each conjunct's text is its own noun phrase; the last keeps the predicate
        for c in (chain if bare is not None else chain[:-1]):
            f = figures[c.fig]
            f.end = max(c.q.end, d.toks[c.np.end - 1].end)
            f.text = text[f.start:f.end]


def _add_sum(figures: list[Figure], parts: list[Figure], start: int, end: int, text: str) -> None:
    """Append the ``derived`` sum of coordinated ``parts`` (over ``text``) and make each a
    part of it: of the parts' group when they share it, ``civilians`` when they are all
    civilians, women or children, else ``total``."""
    groups = {f.group for f in parts}
    group = groups.pop() if len(groups) == 1 else (
        _G_CIV if groups <= {_G_CIV, _G_WOMEN, _G_CHILD} else _G_TOTAL)
    figures.append(Figure(
        start=start, end=end, text=text, low=sum(f.low for f in parts), best=sum(f.best for f in parts),
        high=None if any(f.high is None for f in parts) else sum(f.high for f in parts),
        outcome=parts[0].outcome, group=group, derived=True))
    for f in parts:
        f.part_of = len(figures) - 1


def _coordinated_after_verb(d: _Doc, cands: list[_Cand], figures: list[Figure]) -> None:
    """Victims joined by "and" after one verb add up as they do before one predicate:
    "killed 30 rebels and 12 soldiers" is 42 combatants killed, "killed a man and his son"
    2, a ``derived`` figure over the whole phrase of which each conjunct is a part (see
    :func:`_coordinated_totals`)."""
    text = d.text
    live = [c for c in cands if c.fig is not None and c.parent is None and figures[c.fig].part_of is None
            and not figures[c.fig].derived]
    i = 0
    while i < len(live):
        chain = [live[i]]
        if live[i].how == "verb":
            while i + len(chain) < len(live):
                prev, nxt = chain[-1], live[i + len(chain)]
                fp, fn = figures[prev.fig], figures[nxt.fig]
                gap = text[fp.end:fn.start]
                # the next conjunct begins with its number: it shares the verb before it
                if nxt.how != "verb" or nxt.start != nxt.q.first or fn.outcome != fp.outcome \
                        or not _CONJ.match(gap) or len(gap) > 14:
                    break
                chain.append(nxt)
        i += len(chain)
        parts = [figures[c.fig] for c in chain]
        # "killed a man and his son": a second victim named without a number
        bare = _bare_conjunct(d, chain[-1], parts[-1].outcome) if chain[-1].how == "verb" else None
        if bare is not None:
            figures.append(bare)
            parts.append(bare)
        if len(parts) < 2:
            continue
        _add_sum(figures, parts, parts[0].start, parts[-1].end, text[parts[0].start:parts[-1].end])


#: the words of a state's armed men and of those who fight them, in a combatant count
_STATE_SIDE = _words("soldier soldiers troops trooper troopers officer officers policeman policemen police servicemen "
                     "serviceman personnel guards guardsmen gendarmes gendarme jawans jawan sepoy sepoys marines")
_ARMED_SIDE = _words("militants militant terrorists terrorist rebels rebel insurgents insurgent jihadists jihadist "
                     "attackers attacker gunmen gunman assailants assailant bandits bandit extremists extremist "
                     "separatists separatist miscreants")
#: a second clause opened after the first count: "..., while a soldier was martyred", "; two
#: soldiers were also killed", ", and two policemen died"
_OPPOSED_JOIN = re.compile(r"(?:,\s*|;\s*|\s+)(?:while|whereas|and|but)\s+(?:(?:also|at\s+least)\s+)?$|;\s*$")


#: a count told of each of two sides: "leaving four dead on each side", "two fighters were
#: killed on either side" (not "on both sides", which tells the two sides' sum)
_EACH_SIDE = re.compile(r"\s+(?:on|from|for)\s+(?:each|either)\s+side\b", re.IGNORECASE)


def _each_side(text: str, figures: list[Figure]) -> None:
    """A count told of each of two sides is twice that many ("four dead on each side": 8),
    its text stretched over the words that say so."""
    for f in figures:
        m = _EACH_SIDE.match(text, f.end)
        if m is None:
            continue
        f.low, f.best = f.low * 2, f.best * 2
        f.high = None if f.high is None else f.high * 2
        f.end = m.end()
        f.text = text[f.start:f.end]


#: the side a combatant count names, from its text: ``(kind, name)``, kind "state" or
#: "armed", name the actor's when known, else None
Side = tuple[str, "str | None"]
NamedSide = Callable[[str], "Side | None"]


#: whose the counted are, right after the count: "7 members| of regime forces"
_WHOSE = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}[\w'’-]+")


def _side_of(text: str, f: Figure, named: NamedSide | None = None) -> Side | None:
    """The side of a combatant count: by its words ("soldiers", "militants"), else by the
    actor it names (``named``: "7 members of regime forces", "ISIS members"), the actor's
    name kept when its kind agrees with the words ("six IS militants")."""
    words = set(re.findall(r"[a-z]+", f.text.lower()))
    state, armed = bool(words & _STATE_SIDE), bool(words & _ARMED_SIDE)
    side = None if state == armed else ("state" if state else "armed", None)
    whose = _WHOSE.match(text, f.end)
    by_name = named(f.text + (whose.group() if whose else "")) if named is not None else None
    if by_name is not None and (side is None or side[0] == by_name[0]):
        return by_name
    return side


def _other_sides(a: Side | None, b: Side | None) -> bool:
    """Two sides known to differ: of two kinds, or of one kind and two names."""
    if a is None or b is None:
        return False
    return a[0] != b[0] or (a[1] is not None and b[1] is not None and a[1] != b[1])


def _opposed_losses(d: _Doc, figures: list[Figure], named: NamedSide | None = None) -> None:
    """The losses of two sides told in two clauses of one sentence add up: "security forces
    killed six terrorists in an operation in Tank, while a soldier was martyred" is 7
    combatants killed, a ``derived`` figure of which each count is a part (as counts joined
    by "and" are); so are "7 members of regime forces ..., while 3 ISIS members were killed"
    and two armed groups' losses, the sides known by the actors the counts name (``named``).
    Counts of one side told twice ("killed six militants, while officials said nine
    militants died") are two accounts, not added."""
    text = d.text
    live = [f for f in figures if not f.derived and f.part_of is None and f.group == _G_COMB and not f.vague]
    live.sort(key=lambda f: f.start)
    for a, b in zip(live, live[1:]):
        if a.outcome != b.outcome or b.part_of is not None or a.part_of is not None:
            continue
        gap = text[a.end:b.start]
        # ("..., losing two soldiers": the count the other side lost, told by its verb)
        if len(gap) > 200 or not (_OPPOSED_JOIN.search(gap)
                                  or gap.rstrip().endswith(",") and b.text.split(None, 1)[0].lower() in _LOST):
            continue
        i, j = _tok_at(d, a.start), _tok_at(d, b.start)
        if i is None or j is None or not d.same_sentence(i, j, _SENTENCE_END):
            continue
        if not _other_sides(_side_of(text, a, named), _side_of(text, b, named)):
            continue
        _add_sum(figures, [a, b], a.start, b.end, text[a.start:b.end])



#: a second count of the same victims elsewhere, its noun and verb left out: "killed 12
#: people in Idlib and 5 in Aleppo", "Twelve people were killed in Idlib and five in Aleppo"
_ELLIPTIC = re.compile(
    r"\s+(?:in|near|at|on)\s+(?:the\s+)?(?:[a-z][\w'’-]*\s+){0,3}?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s*,?"
    r"\s+and\s+(?P<num>\d[\d,]*|[a-z]+(?:-[a-z]+)?)(?:\s+(?:more|others?))?\s+(?:in|near|at)\s+(?:the\s+)?"
    r"(?:[a-z][\w'’-]*\s+){0,3}?[A-Z]")


def _count_after(d: _Doc, f: Figure, pattern: re.Pattern) -> Quantity | None:
    """The count whose number ``pattern``'s group ``num`` finds right after the figure (not a
    year, not nought), else None."""
    m = pattern.match(d.text, f.end)
    if m is None:
        return None
    k = _tok_at(d, m.start("num"))
    q = parse_quantity(d.toks, k, d.text) if k is not None else None
    if q is None or q.start != m.start("num") or q.best == 0 or (1900 <= q.best <= 2100 and not q.vague):
        return None
    return q


def _elliptic_counts(d: _Doc, figures: list[Figure]) -> None:
    """A count that shares the figure before it's victims and fate, told of another place
    ("killed 12 people in Idlib and 5 in Aleppo"): a figure of its own, of that group and
    outcome, so that each place keeps its count."""
    for f in list(figures):
        if f.derived or f.part_of is not None:
            continue
        q = _count_after(d, f, _ELLIPTIC)
        if q is None:
            continue
        figures.append(Figure(start=q.start, end=q.end, text=d.text[q.start:q.end], low=q.low, best=q.best,
                              high=q.high, outcome=f.outcome, group=f.group, vague=q.vague, elliptic=True))


#: a count told as added to the one before it, of its fate, with no verb of its own: "the death
#: of 5 members of regime forces and loyalist militiamen, in addition to 3 fighters of the
#: factions", "killed 5 soldiers as well as 3 rebels" (the words between: the first's noun
#: phrase, no clause break)
_ADDED = re.compile(r"[^,;.:()]{0,80}?,?\s+(?:in\s+addition\s+to|as\s+well\s+as|along\s+with)\s+"
                    r"(?P<num>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\b", re.IGNORECASE)


#: after the added count's noun, words that tell a fate of its own
_FATE_OF_ITS_OWN = re.compile(r"\s+(?:who|that|which|were|was|are|is|had|have|has)\b|\s*,?\s+(?:wounded|injured|hurt|"
                              r"arrested|detained|abducted|missing|rescued|evacuated|displaced)\b", re.IGNORECASE)


def _added_counts(d: _Doc, figures: list[Figure]) -> None:
    """A count of victims added to a figure's ("..., in addition to 3 fighters") is of that
    figure's fate, of its own group: both are parts of a ``derived`` sum, as counts joined
    by "and" are."""
    taken = None    # where a figure already is (made when first needed)
    for f in list(figures):
        if f.derived or f.part_of is not None or f.elliptic:
            continue
        q = _count_after(d, f, _ADDED)
        if q is None:
            continue
        if taken is None:
            taken = bytearray(len(d.text) + 1)
            for g in figures:
                taken[g.start:g.end] = b"\x01" * (g.end - g.start)
        if taken[q.start]:
            continue
        # ("..., along with three of his bodyguards": the bodyguards counted)
        of_his = d.low(q.last) == "of" and d.low(q.last + 1) in _POSSESSIVE and d.same_sentence(q.last, q.last + 2)
        np = _noun_phrase(d, q.last + 2 if of_his else q.last, q.vague)
        if np is None or np.head is None or np.group is None or np.outcome is not None:
            continue
        e = max(q.end, d.toks[np.head].end)
        if _FATE_OF_ITS_OWN.match(d.text, e):
            continue    # "the bodies of 10 victims arrived along with 41 people who sustained injuries"
        added = Figure(start=q.start, end=e, text=d.text[q.start:e], low=q.low, best=q.best, high=q.high,
                       outcome=f.outcome, group=np.group, vague=q.vague)
        figures.append(added)
        taken[q.start:e] = b"\x01" * (e - q.start)
        _add_sum(figures, [f, added], f.start, e, d.text[f.start:e])


def _sentence_of(sentences: list[tuple[int, int]], starts: list[int], offset: int) -> int:
    k = bisect.bisect_right(starts, offset) - 1 if sentences else -1
    if k >= 0 and offset < sentences[k][1]:
        return k
    return -1


def _counted_group(d: _Doc, q: Quantity) -> int | None:
    """Where the noun starts when the quantity counts some of a larger counted group ("one
    of the two pilots", "killing three of the 12 hostages"), else None."""
    j = q.last
    if d.low(j) != "of" or d.low(j + 1) not in ("the", "those", "his", "her", "their", "its"):
        return None
    w = d.low(j + 2)
    if not (w[:1].isdigit() or w in STARTERS) or w in ("a", "an"):
        return None
    q2 = parse_quantity(d.toks, j + 2, d.text)
    if q2 is None or q2.num_first != j + 2 or q2.best <= q.best:
        return None
    np = _noun_phrase(d, q2.last, False)
    if np is None or (np.head is None and d.low(q2.last) not in _AUX):
        return None     # ("one of the two was killed": the group named before)
    return q2.last


def _analyse(d: _Doc, q: Quantity, cands: list[_Cand]) -> _Cand | None:
    """Decide the outcome, group and phrase of one quantity (None: not a casualty figure)."""
    # "N of them (were) children", "Two of the victims were minors"
    j = q.last
    part_of_them = False
    counted_of = _counted_group(d, q)
    if counted_of is not None:
        j = counted_of  # "one of the two pilots was killed": one, of the pilots
    elif d.low(j) == "of" and d.low(j + 1) in ("the", "those") and d.low(j + 2) in _VICTIMS \
            and d.low(j + 2) not in ("victims", "people"):
        j += 2  # "killed 5 of the soldiers"
    elif d.low(j) == "of" and d.low(j + 1) in ("his", "her", "their", "its") and d.low(j + 2) in _VICTIMS:
        j += 2  # "killed a commander and two of his bodyguards"
    if d.low(j) == "of" and d.low(j + 1) in ("them", "whom", "those", "the"):
        k = j + 2
        if d.low(j + 1) in ("the", "those"):
            if d.low(k) not in ("victims", "dead", "killed", "people", "wounded", "injured", "fatalities"):
                return None
            k += 1
            if d.low(k) not in ("were", "are", "was", "is"):
                return None
        while d.low(k) in ("were", "are", "was", "being", "is", "reportedly", "a", "an"):
            k += 1
        np = _noun_phrase(d, k, False)
        if np is None or np.head is None:
            np = _NP(k, None, None, None, False)
        part_of_them = True
    else:
        np = _noun_phrase(d, j, q.vague or d.low(q.last - 1) == "dozen")
        if np is None:
            return None
    if q.num_first == q.first and d.low(q.first) in ("a", "an") and not np.singular and q.best == 1 \
            and q.last == q.num_first + 1:
        return None
    c = _Cand(q, np)
    if counted_of is not None:
        c.skip_to = np.end    # the group's own count is no casualty figure
    if part_of_them:
        parent = _last_parent(cands, d, q)
        back = _backward_verb(d, q.first)
        if parent is None or (back is not None and back[0] != cands[parent].outcome):
            # (the object of a verb of its own: "killing 20 worshippers and wounding dozens of them")
            return _of_them_alone(d, q, j, np, back)
        c.parent = parent
        c.outcome = cands[parent].outcome
        c.group = np.group or _G_TOTAL
        c.start, c.end = q.first, max(np.end - 1, q.last - 1)
        c.how = "part"
        c.skip_to = c.end + 1  # "one of them a child": the child is this figure, not another
        return c
    # a part after "including" / "among them" / "of whom", or after the whole told first ("Of
    # the 35 people killed, 21 were civilians")
    cue = _part_cue_before(d, q.first)
    fronted = _fronted_whole(d, q.first) if cue is None else None
    if fronted is not None:
        cue = fronted[0]
    if cue is not None and np.head is None and d.low(q.last) in ("were", "are", "was", "is"):
        np2 = _noun_phrase(d, q.last + 1, False)       # "of whom 5 were women"
        if np2 is not None and np2.head is not None:
            np = np2
            c = _Cand(q, np)
    if cue is not None and np.head is not None:
        c.start = cue
        parent = _last_parent(cands, d, q)
        if parent is not None:
            c.parent = parent
            c.outcome = cands[parent].outcome
        elif fronted is not None:
            c.outcome = fronted[1]     # "Of those killed, 21 were civilians"
        else:
            # "those killed in two attacks include 14 children"
            for k in range(cue - 1, max(-1, cue - 12), -1):
                if not d.same_sentence(k, cue):
                    break
                if d.low(k) in _KILL_PRED or d.low(k) in _KILL_ACTIVE:
                    c.outcome = "killed"
                    break
                if d.low(k) in _INJ_PRED or d.low(k) in _INJ_ACTIVE:
                    c.outcome = "injured"
                    break
        c.how = "part"
        return c if c.outcome else None
    # the parts of a total told after a colon or a dash: "killed 43 people: 23 civilians and
    # 20 fighters", "45 people - 30 soldiers and 15 rebels"
    if d.low(q.first - 1) in _BREAKDOWN_MARKS and cands and np.head is not None and np.group != _G_TOTAL:
        k = len(cands) - 1
        prev = cands[k]
        own = _forward_predicate(d, np.end, q.first, True)
        if prev.outcome and prev.end == q.first - 2 and prev.group == _G_TOTAL and prev.parent is None \
                and not prev.q.vague and q.best < prev.q.best and (own is None or own[0] == prev.outcome):
            c.outcome, c.parent, c.how = prev.outcome, k, "part"
            c.start, c.end = q.first, max(c.end, q.last - 1)
            return c
    # coordinated with the previous figure: "killing five women and a child", "a woman and
    # her two children"
    conj = q.first - 2 if d.low(q.first - 1) in _POSSESSIVE else q.first - 1
    if d.low(conj) in ("and", "&") and cands:
        prev = cands[-1]
        own = _forward_predicate(d, np.end, q.first, True) if np.head is not None else None
        # (after a comma too, in a list of parts: "23 civilians, among them five children, and 20 fighters")
        if (prev.end == conj - 1 or prev.how == "part" and prev.end == conj - 2 and d.low(conj - 1) == ",") \
                and prev.how in ("verb", "part") and np.head is not None \
                and (own is None or own[0] == prev.outcome
                     or any(d.low(k) in ("and", "or", ",") for k in range(np.end, own[1]))):
            # (not one with a fate of its own: "4 were killed including 3 children and 43
            # others were injured")
            c.outcome, c.parent, c.how = prev.outcome, prev.parent, prev.how
            c.start = q.first
            c.end = max(c.end, q.last - 1)
            return c
    back = _backward_verb(d, q.first)
    if back is not None and cands and cands[-1].how == "pred" and cands[-1].end == back[1]:
        back = None  # "40 Civilians Killed 100 Injured": the verb belongs to the figure before
    fwd = _forward_predicate(d, np.end, q.first, np.head is not None)
    if back is not None and fwd is not None and fwd[1] == np.end and d.toks[fwd[1]].text[0].isupper():
        back = None  # a title-case headline: "Child Killed 9 Civilians Injured"
    if back is None and np.head is not None and d.low(q.first - 1) in ("claimed", "claiming", "claims", "claim"):
        back = ("killed", q.first - 1)  # "claimed more than 100 civilians", "Claims 6 Martyrs"
    if back is None and np.group in (_G_COMB, _G_TOTAL) and d.low(q.first - 1) in _LOST:
        back = ("killed", q.first - 1)  # a side's losses: "killed 30 militants, losing two soldiers"
    if back is not None:
        if back[0] == "neg":
            return None
        c.outcome, c.start, c.how = back[0], back[1], "verb"
        c.end = max(c.end, q.last - 1)
        return c
    if fwd is not None:
        if fwd[0] == "neg":
            return None
        c.outcome, c.end, c.how = fwd[0], fwd[1], "pred"
        c.start = q.first
        return c
    if np.outcome is not None:
        c.outcome, c.how = np.outcome, "noun"
        c.start = q.first
        return c
    # "N (people) were among (at least) M (people) killed"
    k = np.end
    while d.low(k) in ("were", "are", "was", "is"):
        k += 1
    if d.low(k) in ("among", "amongst") and np.head is not None:
        m = k + 1
        if d.low(m) == "the":
            m += 1
        c.among = m
        c.start = q.first
        c.how = "part"
        return c
    toll = _toll_before(d, q.first)
    if toll is not None:
        c.outcome, c.how = "killed", "toll"
        c.start = toll - 1 if d.low(toll - 1) in ("death", "civilian", "fatality") else toll
        if np.group in (None, _G_TOTAL):  # "a toll of 34 civilians" names its own group
            c.group = _toll_group(d, toll)
        return c
    return None


#: how many words before its verb the people of "N of them" are looked for
_THEM_REACH = 30


def _of_them_alone(d: _Doc, q: Quantity, j: int, np: _NP, back: tuple[str, int] | None) -> _Cand | None:
    """"N of them" with no earlier figure to be a part of, as the object of a killing or
    wounding (``back``, :func:`_backward_verb`: "clashed with Daesh terrorists, killing 15
    of them"): N of the people the sentence named before the verb (the nearest person noun
    within :data:`_THEM_REACH` words gives the group; none: ``total``)."""
    if d.low(j + 1) != "them" or back is None or back[0] not in ("killed", "injured"):
        return None
    group = np.group
    first = back[1]
    while first > 0 and back[1] - first < _THEM_REACH and d.same_sentence(first - 1, back[1]):
        first -= 1
    for k in range(back[1] - 1, first, -1):    # (not the sentence's subject: "Rebels attacked")
        w = d.low(k)
        if group is None and w in _VICTIMS and w not in _SINGULAR and any(
                d.toks[m].text.islower() and d.low(m) not in _DET_BEFORE and d.low(m) not in _MODIFIERS
                for m in range(first, k)):
            group = _VICTIMS[w]
    c = _Cand(q, np)
    c.outcome, c.how, c.group = back[0], "verb", group or _G_TOTAL
    c.start, c.end = back[1], max(np.end - 1, j + 1)
    c.skip_to = c.end + 1
    return c


def _last_parent(cands: list[_Cand], d: _Doc, q: Quantity) -> int | None:
    """The nearest earlier figure that this quantity can be a part of."""
    for k in range(len(cands) - 1, -1, -1):
        p = cands[k]
        if p.outcome is None:
            continue
        same = d.same_sentence(p.q.num_first, q.num_first)
        near = d.sid[p.q.num_first] == d.sid[q.num_first] or (
            d.sid[q.num_first] >= 0 and d.sid[p.q.num_first] == d.sid[q.num_first] - 1)
        if not (same or near):
            return None
        if p.how == "part" and p.parent is not None:
            return p.parent if (cands[p.parent].q.best >= q.best or cands[p.parent].q.vague) else None
        if p.q.best >= q.best or p.q.vague:
            return k
        return None
    return None


def _derive_rest(d: _Doc, figures: list[Figure]) -> None:
    """'..., while the rest were combatants': total minus its stated parts."""
    text = d.text
    if not _REST_HINT.search(text):
        return
    for i in range(d.n):
        if d.toks[i].low != "the" or not any(d.match(i, w) for w in _REST):
            continue
        k = i + 2
        if d.low(k) == "of" and d.low(k + 1) in ("them", "the"):
            k += 2 if d.low(k + 1) == "them" else 3
        if d.low(k) not in ("were", "was", "are", "being", "been"):
            continue
        np = _noun_phrase(d, k + 1, False)
        if np is None or np.head is None:
            continue
        start, end = d.toks[i].start, d.toks[np.end - 1].end
        # the total: the parent of the latest part before the phrase in the same sentence
        total_idx = None
        for f_idx in range(len(figures) - 1, -1, -1):
            f = figures[f_idx]
            if f.start >= start:
                continue
            if f.part_of is not None:
                total_idx = f.part_of
                break
        if total_idx is None:
            continue
        total = figures[total_idx]
        if total.vague or total.derived:
            continue
        sent_tok = _tok_at(d, total.start)
        if sent_tok is None or not d.sid[sent_tok] == d.sid[i]:
            continue
        parts = [f for f in figures if f.part_of == total_idx and not f.derived]
        groups = {f.group for f in parts}
        summed = [f for f in parts if not (_G_CIV in groups and f.group in (_G_CHILD, _G_WOMEN))]
        rest = total.best - sum(f.best for f in summed)
        if rest <= 0:
            continue
        # the most the rest can be: the total's most less the parts' least
        high = None if total.high is None else total.high - sum(f.low for f in summed)
        figures.append(Figure(
            start=start, end=end, text=text[start:end], low=rest, best=rest,
            high=high if high is None or high >= rest else rest,
            outcome=total.outcome, group=np.group or _G_TOTAL, part_of=total_idx, derived=True))


def _tok_at(d: _Doc, offset: int) -> int | None:
    lo, hi = 0, d.n - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        t = d.toks[mid]
        if offset < t.start:
            hi = mid - 1
        elif offset >= t.end:
            lo = mid + 1
        else:
            return mid
    return None


#: what befell a named person: "Maria Rodriguez, 45, was shot dead", "Abdiwali Hassan
#: was reportedly killed" (the name's own verb, after an aside between commas)
_NAMED_FATE = re.compile(
    r"(?:\s+[A-Z][\w'’-]+){0,3}(?:\s*,(?P<aside>[^,.;:!?]{1,100}),|\s*,)?(?:\s+who)?\s+"
    r"(?:was|has\s+been|had\s+been|(?P<were>were|have\s+been))\s+(?:(?:\w+ly|also|then|both)\s+)?"
    r"(?P<kill>(?:(?:tortured|beaten|abducted|kidnapped|attacked|raped)\s+and\s+)?(?:shot\s+dead|shot\s+and\s+killed|"
    r"killed|murdered|assassinated|gunned\s+down|beheaded|executed|lynched|(?:stabbed|beaten|hacked|burned|burnt|tortured)"
    r"\s+to\s+death|burn(?:ed|t)\s+alive)|found\s+dead)?"
    r"(?P<hurt>(?:shot\s+and\s+)?(?:wounded|injured|seriously\s+injured|shot\s+and\s+wounded))?\b"
    # ... or died of violence: "Samuel Wazizi died in military custody"
    r"|(?:\s*,(?P<aside2>[^,.;:!?]{1,60}),|\s*,)?\s+(?P<died>died\s+(?:while\s+)?(?:in|under)\s+(?:\w+\s+)?"
    r"(?:custody|detention|prison|jail|torture)|died\s+of\s+(?:his|her|their)\s+(?:wounds|injuries))\b")
#: a person taken and later found dead or killed, told in one clause: "X was abducted
#: outside his home in Huitzilac on April 26 and found dead hours later"
_TAKEN_THEN_KILLED = re.compile(
    r"(?:\s+[A-Z][\w'’-]+){0,3}\s+(?:was|had\s+been)\s+(?:\w+ly\s+)?(?:abducted|kidnapped|seized|snatched|"
    r"taken\s+away|detained|arrested)\b[^.;:!?\n]{0,120}?\band\s+(?:was\s+)?(?:later\s+|subsequently\s+|then\s+)?"
    r"(?:found\s+dead|killed|murdered|executed|shot\s+dead)\b")
#: a killing's object: "unidentified men shot dead land rights defender Ricardo Mendez"
_KILLED_BEFORE = re.compile(
    r"\b(?:killed|killing|shot\s+dead|shooting\s+dead|murdered|murdering|assassinated|assassinating|"
    r"gunned\s+down|executed|executing|beheaded|lynched|(?:stabbed|beat|beaten|hacked|tortured)\s+to\s+death)\s+"
    r"(?:(?:the|a|an)\s+)?(?:(?!(?:and|or|but|who|which|that|as|after|before|in|on|at|by|with|for|to|"
    r"from|of)\s)(?![a-z-]*(?:ed|ing)\s)[A-Za-z][a-z-]*\s+){0,4}$")
#: a killing named as a noun that the speaker condemns or reports as news ("Front Line
#: Defenders condemns the killing of human rights defender X", "is deeply concerned by the
#: murder of journalist X"), or one someone is charged with; not one the news came after
#: ("weeks after the killing of X") or that an inquiry is about
_KILLING_OF_BEFORE = re.compile(
    r"\b(?:condemn(?:s|ed|ing)?|denounc(?:es|ed|ing|e)|deplor(?:es|ed|ing|e)|decr(?:y|ies|ied|ying)|"
    r"(?:concerned|alarmed|outraged|shocked|saddened|appalled|horrified)\s+(?:by|at|about|over)|"
    r"mourn(?:s|ed|ing)?|document(?:s|ed|ing)?|report(?:s|ed|ing)?|confirm(?:s|ed|ing)?|"
    r"learn(?:ed|t)\s+of|"
    # ... or the one someone denies or claims a part in: "denied any involvement in the killing
    # of activist X", "claimed responsibility for the murder of X"
    r"(?:involvement|role|hand|part)\s+in|responsibility\s+for|"
    # ... or the one someone is charged with or held for: "charged four police officers with
    # the murder of blogger X", "arrested in connection with the killing of X"
    r"(?:charged|accused|indicted|convicted|sentenced|arrested|detained|jailed|prosecuted|tried)"
    r"(?:\s+(?!(?:and|or|but|who|which|that)\s)[\w'’-]+){0,5}?\s+"
    r"(?:with|of|for|over|in\s+connection\s+with|in\s+the\s+case\s+of))\s+(?:the\s+)?"
    r"(?:(?:brutal|cold-blooded|targeted|violent|apparent|recent|(?:19|20)\d\d)\s+)?"
    r"(?P<kill>killing|murder|assassination|execution|lynching|beheading)\s+of\s+(?:(?:the|a|an)\s+)?"
    r"(?:(?!(?:and|or|but|who|which|that|as|after|before|in|on|at|by|with|for|to|from|of)\s)"
    r"[A-Za-z][a-z-]*\s+){0,4}$", re.IGNORECASE)
#: a person named before another and "and": "Bruno Pereira and British journalist <Dom Phillips>"
_PAIR_BEFORE = re.compile(r"[A-Z][\w'’-]+(?:\s*,\s*\d{1,3}\s*,)?\s+and\s+(?:[\w'’-]+\s+){0,3}$")
#: "X, whose body was found in his car": X is dead
#: a body's being found: "was found", "had been later discovered"
_FOUND = r"(?:was|were|has\s+been|had\s+been)\s+(?:later\s+)?(?:found|discovered|recovered|retrieved|dumped|pulled)\b"
_WHOSE_BODY = re.compile(r"\s*,\s*whose\s+(?:dead\s+)?(?:body|corpse|remains)\s+" + _FOUND)
#: "the body of (Mexican journalist) X ... was found": X is dead
_BODY_OF_BEFORE = re.compile(r"\b(?:the\s+)?(?:dead\s+)?(?:body|corpse|remains)\s+of\s+(?:[\w-]+\s+){0,4}$",
                             re.IGNORECASE)
_BODY_FOUND = re.compile(r"\b" + _FOUND)
#: a word of what befell a named person ("shot dead", "died in custody", "the body of")
_FATE_HINT = re.compile(_OUTCOME_HINT.pattern + r"|bod(?:y|ies)|corpse|remains|burn")
#: the labels the entity ruler gives a surname that is also a place's name
_SURNAME_LABELS = frozenset({"GPE", "LOC"})
#: a given name right before it ("Carlos " of "Carlos Mendoza")
_GIVEN_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]+)? $")
#: a surname right after it ("Santos" of "Santos Martinez": the given name is a town's)
_SURNAME_AFTER = re.compile(r" ([A-Z][a-z]{2,})(?: [A-Z][a-z]{2,})?(?=[\s,])")
#: a title right before the name that says which group the person is of
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+)\s+(?:[A-Z][\w'’.-]*\s+){0,1}$")
#: the word right before a title: "indigenous" of "indigenous leader X"
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
#: a name of two to five capitalised words (with the particles of Spanish, Portuguese,
#: Dutch and Arabic names between them): what a person's name looks like
_PERSONAL_NAME = re.compile(r"[A-Z][a-z’'-]+(?:\s+(?:(?:de|del|la|las|los|da|das|do|dos|di|van|von|der|bin|ibn)\s+)*"
                            r"[A-Z][a-z’'-]+){1,4}")
#: words no person's name holds: those of bodies, forces and the press
_NOT_IN_A_NAME = frozenset(BODY_WORDS) | frozenset(
    "Army Front Forces Force Brigade Brigades Battalion Party Movement Ministry Agency News Radio Television "
    "Times Post Press Media Company Corporation Bank University School Hospital Church Police State "
    "Republic Government Court Office Department Authority Service Services".split())


def _fate(text: str, sentences: list[tuple[int, int]], sent: int, s: int, e: int):
    """What the text says befell the person named at ``s:e``: ``(start, end, outcome,
    aside)`` of the phrase that says it, or None."""
    if sent >= 0:
        body = _BODY_OF_BEFORE.search(text, max(0, s - 60), s)
        found = _BODY_FOUND.search(text, e, min(sentences[sent][1], e + 200)) if body else None
        if found is not None:     # "the body of X ... was found"
            return body.start(), found.end(), "killed", None
    whose = _WHOSE_BODY.match(text, e)
    if whose is not None:       # "Lokman Slim, whose body was found in his car"
        return s, whose.end(), "killed", None
    m = _NAMED_FATE.match(text, e)
    if m is not None and not (m["kill"] or m["hurt"] or m["died"]):
        taken = _TAKEN_THEN_KILLED.match(text, e)
        if taken is not None:
            return s, taken.end(), "killed", None
    if m is not None and (m["kill"] or m["hurt"] or m["died"]):
        if m["were"]:
            # "Bruno Pereira and British journalist Dom Phillips were killed": the fate of the
            # pair (the first named is counted with the second); of one alone it is no fate
            pair = _PAIR_BEFORE.search(text, max(0, s - 80), s)
            if pair is None:
                return None
            return pair.start(), m.end(), "injured" if m["hurt"] else "killed", "pair"
        return s, m.end(), "injured" if m["hurt"] else "killed", m["aside"] or m["aside2"]
    if sent >= 0:
        killed = _KILLED_BEFORE.search(text, max(sentences[sent][0], s - 80), s)
        if killed is not None:    # "shot dead land rights defender X"
            return killed.start(), e, "killed", None
        killing = _KILLING_OF_BEFORE.search(text, max(sentences[sent][0], s - 140), s)
        if killing is not None:   # "condemns the killing of human rights defender X"
            return killing.start("kill"), e, "killed", None
    return None


def named_victims(text: str, entities: list[tuple[int, int, str]], sentences: list[tuple[int, int]],
                  figures: list[Figure], masked: list[tuple[int, int]] | None = None) -> list[Figure]:
    """One killed (or injured) for a named person the text says was killed ("Colombian
    social leader Maria Rodriguez was shot dead", "the body of journalist X, missing since
    Wednesday, was found", "gunmen shot dead activist X", "X died in military custody"), in
    a sentence that gives no count of its own for that outcome (a count told beside the
    name may already hold the person: "X was shot dead as gunmen killed 12 people" stays
    12, conservatively). The group is the title's before the name, or an aside's
    ("journalist" civilians, "soldier" combatants; a leader or member ``total``), else
    ``total``."""
    inside = _SpanSet(list(masked or []))
    starts = [a for a, _ in sentences]
    counted = {(f.sentence, f.outcome) for f in figures}
    # the sentences that hold a word of a fate (searched once, not per name)
    fated = {_sentence_of(sentences, starts, m.start()) for m in _FATE_HINT.finditer(text.lower())} \
        if sentences else None
    out: list[Figure] = []
    for s, e, label in entities:
        if fated is not None and _sentence_of(sentences, starts, s) not in fated:
            continue
        if label in _SURNAME_LABELS:
            # "Carlos Mendoza was shot dead": the gazetteer's entity ruler took the surname
            # for a town before the model could see the person; the given name and a fate
            # no place meets tell the person
            given = _GIVEN_BEFORE.search(text, max(0, s - 20), s)
            if given is not None:
                s = given.start()
            else:
                # or the given name ("Santos Martinez was found dead"): a surname after it
                surname = _SURNAME_AFTER.match(text, e)
                if surname is None or surname.group(1).lower() in PLACE_NAME_TAIL:
                    continue
                e = surname.end()
        elif label == "ORG":
            # the model's organisation that is a person's name after a person's title
            # ("shot dead environmental activist Isidro Baldenegro Lopez", which it labels ORG)
            title = _WORD_BEFORE.search(text, max(0, s - 30), s)    # "activist " of "activist X"
            if title is None or title.group(1).lower() not in _SINGULAR or _PERSONAL_NAME.fullmatch(text, s, e) is None \
                    or any(w in _NOT_IN_A_NAME for w in text[s:e].split()):
                continue
        elif label != "PERSON":
            continue
        if inside.overlaps(s, e):
            continue
        sent = _sentence_of(sentences, starts, s)
        fate = _fate(text, sentences, sent, s, e)
        if fate is None:
            continue
        fs, fe, outcome, aside = fate
        if (sent, outcome) in counted:
            continue
        if aside == "pair":     # two people named, each a civilian if both titles say so
            titles = [w.lower() for w in re.findall(r"[A-Za-z]+", text[max(0, fs - 40):s])]
            civ = sum(1 for w in titles if _VICTIMS.get(w) == _G_CIV)
            counted.add((sent, outcome))
            out.append(Figure(start=fs, end=fe, text=text[fs:fe], low=2, best=2, high=2, outcome=outcome,
                              group=_G_CIV if civ >= 2 else _G_TOTAL, sentence=sent))
            continue
        # the title before the name, the entity's own first word ("Soldier Ahmed Ali"), or
        # the noun of an aside ("Jamal Khashoggi, a journalist, was murdered")
        title = _TITLE_BEFORE.search(text, max(0, s - 40), s)
        word = title.group(1).lower() if title else ""
        first = text[s:e].split()[0].lower()
        if _VICTIMS.get(first) in (_G_CIV, _G_COMB):
            word = first
        words = (aside or "").lower().split()
        if words[:1] not in (["who"], ["whose"], ["which"], ["that"]):  # a clause tells no title
            word = next((w for w in reversed(words) if _VICTIMS.get(w) in (_G_CIV, _G_COMB)), word)
        group = _VICTIMS.get(word, _G_TOTAL)
        civic = title is not None and word in ("leader", "member") and (
            m := _WORD_BEFORE.search(text, max(0, title.start() - 20), title.start())) is not None \
            and m.group(1).lower() in _CIVIC_LEADER
        if civic:
            group = _G_CIV      # "indigenous leader X", "union member X": a civilian (as for a count)
        elif group not in (_G_CIV, _G_COMB) or word in _LEADER_OR_MEMBER:
            group = _G_TOTAL    # a leader, a member of something unnamed: not said to bear arms or not
        counted.add((sent, outcome))
        out.append(Figure(start=fs, end=fe, text=text[fs:fe], low=1, best=1, high=1,
                          outcome=outcome, group=group, sentence=sent))
    return out


#: a killing of one person told by a pronoun: "shot him dead", "stabbed her to death",
#: "gunned him down", "killed him" (not "killed him and his son", whose count it is not),
#: "his body was found" (the body of one missing or taken, told in the sentence before)
_PRONOUN_KILLED = re.compile(
    r"\b(?:(?:shot|stabbed|beat|beaten|hacked|burned|burnt|strangled|tortured|clubbed|bludgeoned)\s+(?:him|her)\s+"
    r"(?:dead|to\s+death)|gunned\s+(?:him|her)\s+down|(?:killed|murdered|assassinated|executed|lynched|beheaded)"
    r"\s+(?:him|her)|(?:his|her)\s+(?:dead\s+|lifeless\s+)?(?:body|corpse|remains)\s+" + _FOUND + r")"
    r"\b(?!\s+(?:and|or|as\s+well\s+as|along\s+with|together\s+with)\s+(?:his|her|their|a|an|the|"
    r"two|three|four|five|six|several|\d+)\b)", re.IGNORECASE)
#: words before a killing that make it none ("nearly killed him", "politically killed him",
#: "had not killed him", "could have killed her")
_NOT_QUITE_BEFORE = re.compile(r"(?:\b(?:nearly|almost|all\s+but|virtually|practically|politically|symbolically|"
                               r"figuratively|metaphorically|morally|socially|not|never|"
                               r"(?:would|could|might|may|should|must)\s+(?:not\s+)?have)|n[’']t)\s+$",
                               re.IGNORECASE)
#: sentences before a pronoun's killing whose toll may already hold its person
_PRONOUN_REACH = 2


def pronoun_victims(text: str, sentences: list[tuple[int, int]], figures: list[Figure],
                    masked: list[tuple[int, int]] | None = None) -> list[Figure]:
    """One killed (``total``) for a killing told by a singular pronoun ("armed men broke into
    the home of defender X and shot him dead"), in a sentence with no count of the dead of
    its own, when neither it nor the :data:`_PRONOUN_REACH` sentences before it tell a
    toll (which may already hold that person: "A journalist was killed in Kabul. Gunmen
    shot him as he left home")."""
    if not sentences or not any(w in text for w in ("him", "her", "his", "His", "Her")):
        return []
    inside = _SpanSet(list(masked or []))
    starts = [a for a, _ in sentences]
    killed = {f.sentence for f in figures if f.outcome == "killed"}
    out: list[Figure] = []
    for m in _PRONOUN_KILLED.finditer(text):
        if inside.overlaps(m.start(), m.end()) or _NOT_QUITE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        sent = _sentence_of(sentences, starts, m.start())
        if sent < 0 or any(k in killed for k in range(sent - _PRONOUN_REACH, sent + 1)):
            continue
        killed.add(sent)
        out.append(Figure(start=m.start(), end=m.end(), text=m.group(0), low=1, best=1, high=1,
                          outcome="killed", group=_G_TOTAL, sentence=sent))
    return out


#: a named person joined by "and" to a count of others ("Juan Perez and two others were
#: killed", "shot dead Chad Booc, a volunteer teacher, and four other people"): the count
#: of others leaves the named one out
_AND_OTHERS = re.compile(
    r"(?:\s*,\s*(?:an?|the|his|her|their)\s+[^,;.()\n]{1,60},)?\s*,?\s+and\s+"
    r"(?P<num>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+(?:others\b|other\s+[a-z]+)")
#: ... or after the named one's fate, where and when told between: "X was killed along with
#: two others", "X was shot dead in Cauca on Tuesday along with four indigenous guards", "...
#: together with three of his bodyguards"
_WITH_OTHERS = re.compile(r"(?:\s+(?:in|on|at|near|outside|inside)\b[^,;:.()\n\"“”]{1,60}?)?\s+(?:along|together)\s+"
                          r"with\s+(?:(?:his|her|their)\s+)?(?P<num>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+"
                          r"(?:others\b|other\s+[a-z]+|(?:of\s+(?:his|her|their|the)\s+)?"
                          r"(?P<noun>[a-z-]+(?:\s+[a-z-]+){0,2})\b)")


#: how far before a name a figure that holds it may begin (about a sentence)
_NEAR_NAME = 400


def _victim_noun_end(text: str, start: int, end: int) -> int | None:
    """Where a noun of people among the first words of ``text[start:end]`` ends, before any
    preposition ("indigenous guards| in"; not "cars in the convoy"), else None."""
    for w in re.finditer(r"[a-z-]+", text[start:end]):
        if w.group() in _VICTIMS:
            return start + w.end()
        if w.group() in _FUNCTION:
            return None
    return None


def named_and_others(text: str, entities: list[tuple[int, int, str]], figures: list[Figure],
                     named: list[Figure]) -> None:
    """A person named before "and N others" (or killed "along with N others") is one more
    of the count: the count of the others (or the named person's own figure, ``named`` by
    :func:`named_victims`, which may end with a name the model did not see: "shot dead Chad
    Booc") becomes N + 1, its span the name's and the count's together; only where no other
    figure counts the name."""
    if " other" not in text and " with " not in text:
        return
    names = [(s, e) for s, e, label in entities if label == "PERSON"] + [(f.start, f.end) for f in named]
    by_start = sorted(figures, key=lambda f: f.start)
    starts = [f.start for f in by_start]
    fates = {f.end for f in named}
    for s, e in names:
        m = _AND_OTHERS.match(text, e) or (_WITH_OTHERS.match(text, e) if e in fates else None)
        if m is None:
            continue
        m_end = m.end()
        if m.re is _WITH_OTHERS and m.group("noun"):
            m_end = _victim_noun_end(text, m.start("noun"), m.end())
            if m_end is None:
                continue
        toks = tokenize(text, m.start("num"), m.end())
        q = parse_quantity(toks, 0, text) if toks else None
        if q is None or q.vague or q.start != m.start("num") or not 0 < q.best < 1000:
            continue
        # the figures that may hold the name or the count: begun at most a sentence's
        # length before the name (a bound: one long text of such names costs no more)
        near = by_start[bisect.bisect_left(starts, s - _NEAR_NAME):bisect.bisect_left(starts, m_end)]
        own = [f for f in near if f.start < e and f.end > s]
        others = [f for f in near if f.start == q.start and not f.derived and f.part_of is None]
        if others and not own:
            f = others[0]
            f.start, f.text = s, text[s:f.end]
        elif not others and len(own) == 1 and own[0].best == 1 and not own[0].derived and own[0].part_of is None \
                and not any(f.start < m_end and f.end > m.start("num") for f in near):
            f = own[0]
            f.end, f.text = max(f.end, m_end), text[f.start:max(f.end, m_end)]
            f.low, f.best, f.high = q.low, q.best, q.high    # the others; the named one added below
            f.group = _G_TOTAL      # whatever the named one was, the others are not said to be so
        else:
            continue
        f.low += 1
        f.best += 1
        if f.high is not None:
            f.high += 1


#: casualties told with no number: "killing and injuring many terrorists", "killed a number
#: of civilians", "many people were killed" (numbers.py gives these words no number), or
#: none of the dead alone: "killed and injured scores of terrorists"
_MANY = r"(?:many|numerous|multiple|countless|a\s+lot\s+of|large\s+numbers\s+of|" \
        r"(?:a|an\s+unknown|a\s+large|an\s+undisclosed)\s+number\s+of)"
_UNCOUNTED = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|martyr(?:ed|ing))(?:\s+" + _MANY + r"|\s+(?:and|or)\s+(?:injur|wound)(?:ed|ing)"
    r"(?:\s+" + _MANY + r")?)\s+(?P<noun>(?:[\w,-]+\s+){0,3}[\w-]+)\b|"
    r"\b" + _MANY + r"\s+(?P<noun2>(?:[\w-]+\s+){0,2}[\w-]+)\s+(?:were|have\s+been|had\s+been)\s+"
    r"(?:killed|martyred)\b", re.IGNORECASE)


def uncounted_casualties(text: str, start: int, end: int) -> str | None:
    """The group of those a span tells killed with no number ("killing and injuring many
    terrorists": ``combatants``; "many civilians were killed": ``civilians``), else None."""
    for m in _UNCOUNTED.finditer(text, start, end):
        for w in re.findall(r"[\w-]+", (m.group("noun") or m.group("noun2")).lower()):
            if w in _VICTIMS:
                return _VICTIMS[w]
            if w in _FUNCTION and w != "of":
                break   # "killed many in the town": no one named
    return None


def named_side(dictionary: "ActorDictionary") -> NamedSide:
    """The side of the first armed actor of the dictionary a text names: ("state", name)
    for a state's forces, ("armed", name) for others bearing arms; a generic force
    ("security forces") has no name of its own."""
    def side(text: str) -> Side | None:
        for _s, _e, entry in dictionary.find(text):
            if entry.category in ARMED_CATEGORIES:
                kind = "state" if entry.category in STATE_CATEGORIES else "armed"
                return kind, None if entry.localize else entry.name
        return None
    return side


@component("figures", reads=("text", "sentences", "masked", "entities", "resources"), assigns=("figures",))
def figures_stage(ctx: Context) -> None:
    """Casualty figures (killed, injured) with qualifiers, groups and parts of totals; one
    for a named person the text says was killed or injured (:func:`named_victims`)."""
    dictionary = getattr(ctx.resources, "actors", None)
    figures = find_figures(ctx.text, ctx.sentences, ctx.masked, report_opener_ends(ctx),
                           named_side(dictionary) if dictionary is not None else None)
    extra = named_victims(ctx.text, ctx.entities, ctx.sentences, figures, ctx.masked)
    extra += pronoun_victims(ctx.text, ctx.sentences, figures + extra, ctx.masked)
    named_and_others(ctx.text, ctx.entities, figures + extra, extra)
    if extra:
        # in text order, the parts' links to their totals kept
        merged = figures + extra
        order = sorted(range(len(merged)), key=lambda i: merged[i].start)
        new_index = {old: new for new, old in enumerate(order)}
        for f in figures:
            if f.part_of is not None:
                f.part_of = new_index[f.part_of]
        figures = [merged[i] for i in order]
    ctx.figures = figures
