"""Stage ``events``: group triggers, places, dates, actors, figures and claims into events.

How (documented so that it can be argued with):

1. **Frames.** Every sentence with a trigger yields a frame per event type it signals.
   Strong and medium triggers stand alone; weak ones need support in the sentence (a
   casualty figure, an armed actor, a strong trigger; for torture or a beating, people
   in custody: "tortures female prisoners"); a weapon ("warplanes", "rockets")
   needs a violent act beside it (a violent trigger, "struck", "fired", "killed", a
   casualty figure). A sentence with only generic violence words ("killed", "wounded")
   and a figure is a *figure frame*: it has no type of its own. A massacre told in the
   sentence of a strike or a shelling is that violence's toll ("warplanes committed a
   massacre"), not an attack of its own. A clash whose parties are demonstrators and at
   most one armed actor ("protesters clashed with police") is a violent demonstration,
   not a battle, and not a peaceful protest as well; an organised armed group's arson
   that harms civilians ("armed men set fire to a church, killing 14") is an attack,
   not a riot.
2. **Events.** Frames are read in order. A typed frame joins an open event of the same
   type unless it names a different town, or a town where the event had only a province
   and it is far from the event's last sentence, or it comes from a different source and
   names its own place, or its sentence opens with a date weeks before the report ("In
   March two blasts ..."); otherwise it opens a new event. A frame whose trigger is plural
   ("two massacres") and names several towns opens one event per town. A figure frame
   joins the nearest event within two sentences before it (or the first event after it);
   a figure frame that names no place counts from the event's last casualties as well
   ("Five were killed. 20 others were wounded. The death toll later rose to 12");
   when that sentence made both a one-sided and a battle event, civilian figures go to the
   first and totals and combatants to the second (ACLED codes civilian deaths under
   violence against civilians).
3. **Fields.** The location is the most specific place in the event's sentences (else the
   lead's, else the report's country at precision 3 with no admin1, its span a mention of
   the country or the nationality of its forces: "Egyptian authorities"), leaving out places
   that only say where someone is from ("born in X", "Shamar Fisher, 35, of X", "an aid
   worker from X") or where a weapon was fired from when the sentence says where it hit
   ("shells fired from Idlib hit Aleppo"), whose officials or court these are, whose
   government a capital stands for ("militias loyal to Damascus", "a diplomatic contest
   with London", "Moscow has denied", "Ankara views", "Moscow's planned truce"), or where
   the report was filed; a violent event is not placed where the court that tries it sits
   ("pleaded guilty in federal court in X").
   The date is a date stated in the event's sentences that is not the date of the
   *report* ("said on Sunday") nor the start of a span ("since September 2015"); else,
   for an event told with no date at all, the date the sentence before it carries; else
   the report's main event's date; else the publication date (precision 1 if a dateline
   or publication date exists). Figures are grouped by outcome and victim group: low is
   the lowest, best the highest stated, high the highest or open; parts of a total never
   add up twice; implausible figures, and a part larger than the total that the report
   tells after it (or a total smaller than a part told before it), are kept in ``flags``
   only (``implausible``, ``cumulative``, ``inconsistent``). Actors are named as in the
   event's country (:func:`~marsad.extract.actors.as_in`).
4. **Claims.** Attributions that overlap the event's sentences; without any, the outlet
   that published the report asserts it (the metadata's, else the registered agency its
   dateline names: "DAMASCUS (Reuters) -"; else "unknown"). A sentence that tells no event but a claim of
   responsibility ("The Daesh group claimed responsibility for the attack.") gives the
   violent event told last before it its perpetrator, and is part of its evidence. A
   sentence saying that nobody knows who did it ("It was not immediately clear who carried
   out the raids", "No group has claimed responsibility") makes the one-sided event it
   tells (or the one told within two sentences before it) the act of unidentified
   perpetrators, as ACLED codes it, unless a claim of responsibility is told for it.
5. **Salience.** Events in the report's country come before events placed only abroad;
   then the event that holds the lead (headline and first sentences that say something:
   a dateline line is skipped), the one told in the very first sentence before one told
   in the next, then by mentions, strength and order.
"""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import functools
import itertools
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from ..geo.build import PART_OF
from ..geo.countries import country_display_name
from .actors import (ARMED_CATEGORIES, BACKED_GAP, BEARS_ARMS, NON_STATE_CATEGORIES, STATE_CATEGORIES,
                     UNKNOWN_PERPETRATOR, as_in, assign_roles, country_by_name, nationality_before, same_force)
from .attribution import dateline_outlet
from .dates import since_before, time_after_act
from .figures import uncounted_casualties
from .cues import RUNNING_TOTAL
from .places import (EXILE_BEFORE, FILED_FROM, FRONTED_IN, GOVERNS_AFTER, PATRON_BEFORE, PLACE_PREPOSITIONS,
                     QUALIFIER as _MODIFIER, LOCAL, STUDIED_AT_BEFORE,
                     addressed_as_government, carried_to_cue, filed_at, paren_dateline, route_cue, salient_place)
from .triggers import TERRITORY
from .base import (ActorMention, Attribution, Context, DateMention, Figure, Place, Trigger, component,
                   span_reach)

VIOLENT = {"battles", "explosions_remote_violence", "violence_against_civilians"}
_ADMIN_WORDS = re.compile(r"\b(?:provinces?|governorates?|regions?|districts?|states?|countryside)\b", re.I)
ARMED = ARMED_CATEGORIES
_SPEECH_BEFORE = re.compile(
    r"(?:said|says|reported|reports|told(?:\s+(?:reporters|journalists|the\s+press|a\s+news\s+conference|"
    r"(?-i:[A-Z][\w.]*)))?|announced|stated|added|confirmed|claimed|declared|"
    r"published|posted|tweeted|wrote|statement|report|estimated|documented|"
    # a report that came out that day: "in its latest report released on Wednesday"
    r"(?:report|study|statement|findings|survey|analysis)\s+(?:\w+\s+){0,2}?"
    r"(?:released|issued|presented|launched|unveiled|out))\W+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE)
#: the day news of an act came out: "news of it only emerged on Monday" (no later than the
#: act, but its date only when nothing else dates it)
_NEWS_OUT_BEFORE = re.compile(
    r"\b(?:emerged|surfaced|came\s+to\s+light|became\s+known|(?:was|were)\s+(?:first\s+)?made\s+public)"
    r"\W+(?:only\s+)?(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)
#: a statement's verb right after a date: "CPJ today condemned the detention of ...",
#: "the ministry on Sunday announced": the day it was said, not the day of what it tells
_SPEECH_AFTER = re.compile(
    r"\s*(?:said|says|reported|announced|stated|confirmed|claimed|declared|condemned|denounced|"
    r"called\s+(?:on|for)|urged|demanded|warned|published|released\s+a|issued)\b", re.IGNORECASE)
#: words before a trigger that make it another happening than the one told so far:
#: "another strike", "a separate attack", "a 1987 kidnapping" (a year of its own)
_ANOTHER = re.compile(r"\b(?:(?:additional|another|separate|second|other|new|further)\s+(?:\w+\s+)?|"
                      r"an?\s+(?:19|20)\d\d\s+(?:\w+\s+)?)$", re.I)
_PLURAL_TRIGGER = re.compile(r"(?:es|s)$", re.IGNORECASE)
#: the lead: the report's first sentences that say something (its headline and first
#: sentence, or its first two sentences)
_LEAD_SENTENCES = 2
#: a line of fewer words than this that tells no event is no sentence of the lead but a
#: dateline or page furniture: "MOSCOW (Sputnik)", "29.10.2017(updated 1731 29.10.2017)"
_LEAD_MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass
class Frame:
    sentence: int
    type: str | None
    sub_type: str | None
    weight: float
    triggers: list[Trigger] = field(default_factory=list)
    #: the part of the sentence whose places are the frame's: an act told before what it
    #: answers ("struck the airbase in retaliation for the chemical attack on Khan
    #: Sheikhoun") has the places before it; the act answered, those after
    clause: tuple[int, int] | None = None
    motive: bool = False            # the frame is of the act another answers
    own_clause: bool = False        # the clause is the frame's own account (its casualties too)
    #: the clause, told as the act before another's and naming no town, is where the
    #: sentence's other clause is ("torched a police station in Kisumu after police shot dead
    #: two men")
    where_other: bool = False
    #: the frame only goes on telling the open event of its type ("The attack took place in
    #: the municipality of Tezonapa"); it makes none of its own
    join_only: bool = False


@dataclass
class Draft:
    type: str
    sub_type: str
    weight: float
    sentences: list[int]
    triggers: list[Trigger]
    places: list[Place] = field(default_factory=list)
    anchor_place: Place | None = None   # a town the event was split on
    share: tuple[int, int] | None = None  # (k, n): the k-th of the n towns its sentence was split on
    clause: tuple[int, int] | None = None  # the part of its sentence the event was split on
    figure_sentences: list[int] = field(default_factory=list)
    figure_groups: set[str] | None = None  # restrict figures taken from figure frames
    distinct: bool = False              # the text says it is another event ("another strike")
    claim_sentences: list[int] = field(default_factory=list)  # "X claimed responsibility for the attack"
    unknown_doer: tuple[int, int] | None = None  # "it was not clear who carried out the raids"
    answered: bool = False              # told as what another act answered ("in retaliation for")
    elsewhere: list[tuple[int, int]] = field(default_factory=list)  # clauses of that act: not its places

    @property
    def last(self) -> int:
        return max(self.sentences + self.figure_sentences)

    def _place_index(self) -> dict[str, Any]:
        """The event's places as a set of ids, its towns and its provinces, kept up to date
        by :meth:`add_places` (built again when the list was changed otherwise)."""
        idx = self.__dict__.get("_places_idx")
        if idx is None or idx["n"] != len(self.places):
            idx = self.__dict__["_places_idx"] = {
                "n": len(self.places), "ids": {_place_id(p) for p in self.places},
                "precise": _precise(self.places), "admin1s": {p.admin1_iso for p in self.places if p.admin1_iso}}
        return idx

    def add_places(self, places: Iterable[Place]) -> None:
        """Add the places not already among the event's (a report of thousands of sentences
        adds them in time linear in their number, not quadratic)."""
        idx = self._place_index()
        for p in places:
            key = _place_id(p)
            if key in idx["ids"]:
                continue
            idx["ids"].add(key)
            self.places.append(p)
            idx["precise"].extend(_precise([p]))
            if p.admin1_iso:
                idx["admin1s"].add(p.admin1_iso)
        idx["n"] = len(self.places)

    def precise_places(self) -> list[Place]:
        """:func:`_precise` of the event's places."""
        return self._place_index()["precise"]

    def admin1s(self) -> set[str]:
        """The provinces of the event's places."""
        return self._place_index()["admin1s"]

    def last_told(self, sentence: int, with_figures: bool = True) -> int | None:
        """The last of the event's sentences (and casualty sentences) at or before
        ``sentence``, else None (a sorted copy is kept while they do not change)."""
        key = "_told_f" if with_figures else "_told"
        lens = (len(self.sentences), len(self.figure_sentences) if with_figures else 0)
        cached = self.__dict__.get(key)
        if cached is None or cached[0] != lens:
            told = sorted(self.sentences + self.figure_sentences if with_figures else self.sentences)
            cached = self.__dict__[key] = (lens, told)
        k = bisect.bisect_right(cached[1], sentence)
        return cached[1][k - 1] if k else None

    @property
    def first(self) -> int:
        return min(self.sentences)


def _by_sentence(items) -> dict[int, list]:
    out: dict[int, list] = {}
    for it in items:
        out.setdefault(it.sentence, []).append(it)
    return out


_RELEASE_DATELINE = re.compile(r",\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}),?\s+\d{4}\)")
#: a place name before the officials, institutions or inmates of that place: "ex-Guantanamo
#: detainees", "Tehran officials", "a Geneva court" (not before a victim: "a Brooklyn
#: journalist" was to be kidnapped in Brooklyn)
_PEOPLE_AFTER = re.compile(
    r"\s+(?:detainees?|prisoners?|inmates?|officials?|authorities|government|diplomats?|embassy|"
    r"consulate|court|judges?|prosecutors?|office|headquarters)\b")


def _foreign_attribute(ctx: Context, p: Place) -> bool:
    """A place abroad named only to say whose officials, court or inmates these are
    ("ex-Guantanamo detainees", "a Geneva court"): the report's events happen elsewhere."""
    if not ctx.country_context or p.country == ctx.country_context or p.feature == "country":
        return False
    return bool(_PEOPLE_AFTER.match(ctx.text, p.end)) or ctx.text[max(0, p.start - 3):p.start].lower() == "ex-"


#: words before a place that say where someone comes from, not where anything happened
_BIOGRAPHY_BEFORE = re.compile(
    r"\b(?:raised|born|grew\s+up|brought\s+up|native|natives|hails?|hailing|originally|hometown|"
    r"home\s+town)\s+(?:in|of|from)\s+(?:the\s+)?$|\bhometown\s+of\s+$|"
    # "a humanitarian aid worker from Arizona", "a journalist from Lyon": where a person is from
    r"\b(?:man|woman|men|women|boy|girl|teenager|worker|workers|journalist|journalists|reporter|activist|"
    r"activists|student|students|teacher|doctor|nurse|lawyer|farmer|blogger|photographer|filmmaker|"
    r"priest|pastor|missionary|businessman|businesswoman|tourist|tourists|pilgrims?|volunteer|"
    r"couple|family|resident|residents|mother|father|son|daughter)\s+from\s+(?:the\s+)?$|"
    r"\b(?:was|is)\s+an?\s+(?:[\w-]+\s+){0,4}?from\s+(?:the\s+)?$|"   # "was a former Army Ranger from"
    + STUDIED_AT_BEFORE + "|"   # "a PhD student at Leeds University"
    + EXILE_BEFORE,     # "lured back from exile in France"
    re.IGNORECASE)


#: a relative clause of what someone did or does ("who helped the Lumad set up health
#: centers in", "who had campaigned against police brutality in"), not of what befell them
#: ("who was detained in"), ending at the place ...
_WHO_WORKED_BEFORE = re.compile(r"\bwho\s+(?!(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\b)"
                                r"(?:[\w'’-]+\s+){1,10}?(?:in|at|across|around|throughout)\s+(?:the\s+)?$",
                                re.IGNORECASE)
#: ... right before the predicate of the one it tells of: "... in Mindanao| was arrested"
_WORK_AFTER = re.compile(r"\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?\w+(?:ed|en|nt)\b")


#: a capital named for its government: "militias loyal to Damascus", "backed by Tehran",
#: "a diplomatic contest with London", "talks between Kabul and ..."
_LOYAL_TO = re.compile(PATRON_BEFORE + r"|"
                       r"\b(?:talks|contest|dispute|row|tensions?|relations|negotiations|deal|agreement|"
                       r"spat|standoff|rift|ties)\s+(?:\w+\s+){0,2}?(?:with|between)\s+(?:the\s+)?$",
                       re.IGNORECASE)


_CITY_FEATURES = ("city", "place", "village")
#: the place prepositions, and those that put a city in a relation ("at war with Damascus")
_PREPOSITION_BEFORE = re.compile(rf"\b(?:on|with|against|by|toward|{PLACE_PREPOSITIONS})\s+(?:the\s+)?$",
                                 re.IGNORECASE)


def _government_named(ctx: Context, p: Place) -> bool:
    """A city that stands for its government ("Moscow has denied", "Ankara views"), not
    one where something happened ("a meeting in Islamabad demanded ..."); a city or country
    accused, blamed or urged ("accusing Ankara of violating the ceasefire")."""
    return addressed_as_government(ctx.text, p.start, p.end) or p.feature in _CITY_FEATURES \
        and bool(GOVERNS_AFTER.match(ctx.text, p.end)) \
        and not _PREPOSITION_BEFORE.search(ctx.text, max(0, p.start - 20), p.start)


#: a state body right after a place's name: "Hong Kong police", "the Gaza health ministry"
_PLACE_BODY = re.compile(r"\s+(?:(?:regional|provincial|state|local|municipal|city)\s+)?(?:police|(?:health\s+)?ministry|"
                         r"government|authorities|officials|administration|governor)\b", re.IGNORECASE)


#: "of" after a person's name, or after their age: "Rep. Betty McCollum of Minnesota",
#: "Shamar Fisher, 35, of Montgomery"
_OF_AFTER_NAME = re.compile(r"(?:,\s*\d{1,3},)?\s+of\s+(?:the\s+)?$")


class _Taken:
    """Spans of names that are claims' sources or actors (sorted; they may overlap)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _e in self.spans]
        self.reach = span_reach(self.spans)

    def overlaps(self, p: Place) -> bool:
        """A span overlaps the place and is not a shorter part of its name (:func:`_holds`):
        "Al-Mayadeen network" is no place, "Deir Ezzor military airport" still is."""
        left = bisect.bisect_left(self.starts, p.start)     # spans starting before the place
        if left and self.reach[left - 1] > p.start:
            return True
        right = bisect.bisect_left(self.starts, p.end)      # ... and those starting inside it
        return any(not _holds(p, s, e) for s, e in self.spans[left:right])


#: the word for an administrative division ending a name the model took for a person's
#: ("Kajuru LGA of Kaduna State")
_DIVISION_END = re.compile(r"\s(?:LGA|District|County|Municipality|Province|Governorate|Region|Department|"
                           r"Prefecture|Township|Commune|Subdistrict|Sub-district)$")


def _person_ends(ctx: Context) -> frozenset[int]:
    """Where the names the model calls people end (computed once per document), but for
    those ending in an administrative division's word."""
    return ctx.derived("person_ends", lambda: frozenset(
        e for s, e, label in ctx.entities if label == "PERSON" and not _DIVISION_END.search(ctx.text, s, e)),
        of=ctx.entities)


def _biography(ctx: Context, p: Place) -> bool:
    """A place that only says where someone was born, raised or comes from ("Lindhout,
    raised in Red Deer, and a photographer were snatched", "Shamar Fisher, 35, of
    Montgomery", "an aid worker from Arizona"): not where the event was."""
    if _BIOGRAPHY_BEFORE.search(ctx.text, max(0, p.start - 30), p.start):
        return True
    if _WORK_AFTER.match(ctx.text, p.end) and _WHO_WORKED_BEFORE.search(ctx.text, max(0, p.start - 120), p.start):
        return True     # "A health worker who helped the Lumad set up health centers in Mindanao was arrested"
    of = _OF_AFTER_NAME.search(ctx.text, max(0, p.start - 20), p.start)
    return of is not None and of.start() in _person_ends(ctx)


#: words before the place a weapon was fired from: "rockets fired from Gaza", "a drone
#: launched from Yemen", "missiles launched from Syrian territory"
_LAUNCHED_FROM = re.compile(r"\b(?:fired|launched|lobbed|shot)\s+from\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$"
                            # ... or where the shooters are dug in: "terrorist organizations
                            # positioned in Eastern Ghouta targeted Bab Touma with mortar shells"
                            r"|\b(?:positioned|entrenched|stationed|based|holed\s+up|dug\s+in)\s+(?:in|inside|at)\s+"
                            r"(?:the\s+)?(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)


def _launch_points(ctx: Context, places: list[Place]) -> set[int]:
    """Ids of the places a weapon was fired from when their sentence names another place
    (where it hit: ACLED codes a strike where it lands): "Rockets fired from Gaza landed
    in an open area near Sderot", "terrorists positioned in Eastern Ghouta targeted
    Damascus"."""
    launched = [p for p in places if _LAUNCHED_FROM.search(ctx.text, max(0, p.start - 40), p.start)]
    if not launched:
        return set()
    hit: dict[int, set[str]] = {}      # sentence -> names of the places not fired from
    ids = {id(p) for p in launched}
    for q in places:
        if id(q) not in ids and not _dateline_place(ctx, q):    # (where the report was filed hit nothing)
            hit.setdefault(q.sentence, set()).add(q.name)
    return {id(p) for p in launched if hit.get(p.sentence, set()) - {p.name}}


#: what follows a dateline city: another city ("ISTANBUL/ANKARA"), then the agency
_AGENCY_TAIL = re.compile(r"(?:\s*/\s*[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*)*\s*\([A-Za-z .]{1,30}\)\s*(?:[-–—:,]|[A-Z])")
_DATELINE_TAIL = re.compile(r"^\s*(?:\([A-Za-z .]{1,30}\)\s*)?(?:[-–—:,]|(?<=\s)[A-Z])")


def _dateline_place(ctx: Context, p: Place) -> bool:
    """A place that only says where the report was filed ("BEIRUT (Reuters) -", a city
    right after the dateline, "(Tunis, December 28, 2019) -", "Washington: The US ..."
    opening the report): not where anything happened."""
    if p.start > 1000 or p.feature == "country":
        return False
    # a press release's "(Tunis, December 28, 2019) -", or "DAMASCUS (Sputnik)" after a
    # photo caption or a related link
    if ctx.text[max(0, p.start - 1):p.start] == "(" and _RELEASE_DATELINE.match(ctx.text, p.end) \
            or paren_dateline(ctx.text, p.start, p.end):
        return True     # ... or a line's "(Nairobi) – Rwandan authorities have arrested ..."
    if p.text.isupper() and len(p.text) > 3 and _AGENCY_TAIL.match(ctx.text, p.end):
        return True
    if p.start > 200:
        return False
    after = ctx.text[p.end:p.end + 20]
    if p.feature not in FILED_FROM and after.startswith(":"):
        return False    # "Eastern Ghouta: At least 250 civilians ...": the report's topic
    if filed_at(ctx.text, p.start, p.end, with_country=True):
        return True     # "Washington: US Secretary of State Tony Blinken has spoken ...",
                        # "Aleppo, Syria - At least 25 civilians were killed in ... Atareb"
    if p.text.isupper() and len(p.text) > 3 and _DATELINE_TAIL.match(after):
        return True
    dl = ctx.dateline
    return dl is not None and 0 <= p.start - dl.end <= 3 and bool(_DATELINE_TAIL.match(after))


_MASSACRE = re.compile(r"massacres?|massacred|slaughter(?:ed|s)?", re.IGNORECASE)


#: deaths told with a cause that is no political violence: a storm, a crash, a disease
#: ("The storm killed 12 people", "A bus crash in Peru killed 20 passengers"): a sentence
#: that tells casualties with no word of violence and one of these makes no event
_OTHER_CAUSE = re.compile(
    r"\b(?:storms?|floods?|flooding|earthquakes?|quakes?|tremors?|landslides?|mudslides?|avalanches?|"
    r"hurricanes?|cyclones?|typhoons?|tornado(?:e)?s?|tsunamis?|heat ?waves?|droughts?|famine|wildfires?|"
    r"bush ?fires?|forest fires?|lightning|crash(?:ed|es)?|collisions?|collided|derail(?:ed|ment)|capsized?|"
    r"shipwrecks?|drown(?:ed|ing)|accidents?|accidental(?:ly)?|stampedes?|covid(?:-19)?|coronavirus|"
    r"pandemic|epidemic|cholera|ebola|malaria|measles|overdoses?|gas leaks?|carbon monoxide)\b", re.IGNORECASE)
_HIJACK = re.compile(r"hijack", re.IGNORECASE)
#: unidentified actors named by their arms ("gunmen", "armed men", "militants"), not only by
#: what they did ("attackers", "assailants", which a football report has too)
_ARMED_UNKNOWN = re.compile(r"\b(?:gun ?men|armed|masked|hit ?men|militants?|terrorists?|kidnappers|abductors|"
                            r"snipers?|bombers?)\b", re.IGNORECASE)
#: ... who, setting fire to something, are no crowd either ("Unknown assailants set fire to the
#: home of activist X"): :func:`_armed_riot`
_ARSON_DOERS = re.compile(r"\b(?:assailants?|attackers?|arsonists?)\b", re.IGNORECASE)


#: people held by those who hurt them ("tortures female prisoners", "beat up the detainees"):
#: a word of bodily harm done to them is no figure of speech
_IN_CUSTODY = re.compile(r"\b(?:prisoners?|detainees?|inmates?|captives?|in (?:police |military |their |his |her )?"
                         r"(?:custody|detention|prisons?|jails?|cells?)|(?:while|when) (?:being )?(?:held|detained|"
                         r"interrogated)|during (?:his |her |their )?(?:interrogation|detention))\b", re.IGNORECASE)
#: a critic of those in power harmed by attackers (not a team's defender beaten by a striker):
#: "a journalist was beaten by unknown assailants", "thugs assaulted a human rights lawyer"
_CRITIC = re.compile(r"\b(?:journalists?|reporters?|photo-?journalists?|bloggers?|activists?|"
                     r"(?:rights|environmental|land|indigenous|community|water|forest)\s+defenders?|"
                     r"(?:rights|human\s+rights)\s+lawyers?|lawyers?|campaigners?|trade\s+unionists?|dissidents?|"
                     r"(?:social|community|indigenous|union|peasant)\s+leaders?)\b",
                     re.IGNORECASE)
#: who harmed a critic, or with what: "by unknown men", "by three men", "with machetes"
_ATTACKERS = re.compile(r"\b(?:assailants|attackers|thugs|(?:unknown|unidentified|masked|armed|plain-?clothes)\s+"
                        r"(?:men|persons|people|individuals|assailants|attackers)|"
                        r"by\s+(?:a\s+(?:group|gang)\s+of\s+|two\s+|three\s+|four\s+|five\s+|several\s+)"
                        r"(?:[\w-]+\s+)?men|with\s+(?:an?\s+)?(?:machetes?|knives|knife|clubs|sticks|batons|iron\s+bars?|"
                        r"metal\s+(?:bars?|rods?|pipes?)|stones|rocks|acid|hammers?))\b", re.IGNORECASE)


def _critic_named(ctx: Context, sent: int) -> bool:
    """A sentence naming a critic of those in power ("Activist X went missing"), read once."""
    seen = ctx.__dict__.setdefault("_marsad_critic_named", {})
    if sent not in seen:
        seen[sent] = bool(_CRITIC.search(ctx.text, *ctx.sentences[sent]))
    return seen[sent]


def _harm_done(ctx: Context, sent: int) -> bool:
    """A sentence whose weak words of bodily harm are acts: it names people in custody
    (:data:`_IN_CUSTODY`), or a critic and attackers. Read once per sentence: a long one
    may hold thousands of such words."""
    seen = ctx.__dict__.setdefault("_marsad_harm_done", {})
    if sent not in seen:
        s, e = ctx.sentences[sent]
        seen[sent] = bool(_IN_CUSTODY.search(ctx.text, s, e)) or _critic_attacked(ctx, sent)
    return seen[sent]


def _critic_attacked(ctx: Context, sent: int) -> bool:
    """A sentence naming a critic and attackers or their weapons ("environmental defender X
    was attacked with machetes by three men"), read once."""
    seen = ctx.__dict__.setdefault("_marsad_critic_attacked", {})
    if sent not in seen:
        seen[sent] = _critic_named(ctx, sent) and bool(_ATTACKERS.search(ctx.text, *ctx.sentences[sent]))
    return seen[sent]


#: the weak words of bodily harm that people in custody make an act (not threats or harassment)
_BEATEN = re.compile(r"beat|assault", re.IGNORECASE)
_HARM = re.compile(r"tortur(?:ed|es|ing)|" + _BEATEN.pattern, re.IGNORECASE)
#: torture told done to a critic ("lawyer X was tortured in Changsha"; so a critic beaten or
#: assaulted: "Two human rights defenders were beaten by members of the ruling party's youth
#: wing"): no figure of speech
_TORTURED = re.compile(r"tortured\b(?!\s+(?:by|with)\s+(?:the\s+)?(?:doubts?|guilt|memor(?:y|ies)|thoughts?|"
                       r"fears?|grief|questions?|nightmares?|regrets?|uncertainty|idea|worry|worries|anxiety|"
                       r"shame|loss|pain|longing|jealousy|indecision|insomnia)\b)", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|had\s+been|has\s+been|have\s+been|being)\s+(?:\w+ly\s+)?"
                             r"(?:(?:beaten|abused|assaulted)\s+and\s+)?$", re.IGNORECASE)
#: ... and those that a critic's attackers make one ("was attacked by unknown men")
_ATTACKED = re.compile(r"attacked|stabb(?:ed|ing)", re.IGNORECASE)


#: people who are no protesters right after a word of harm: "beat journalists covering a
#: protest", "assaulted two reporters" (students or activists at a protest may be protesters)
_NOT_PROTESTERS = (r"(?:journalists?|reporters?|photographers?|cameram[ae]n|lawyers?|passers-by|bystanders|"
                   r"doctors|medics|children)\b(?!\s+(?:protesters|demonstrators|marchers))")
_NOT_PROTESTERS_OBJECT = re.compile(
    r"\s+(?:(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|several|dozens of|some|many|\d+)\s+)?"
    r"(?:[\w-]+\s+)?" + _NOT_PROTESTERS, re.IGNORECASE)
#: ... or before it, told in the passive: "Two journalists covering a protest against the mine
#: were assaulted by municipal police"
_NOT_PROTESTERS_SUBJECT = re.compile(
    r"\b" + _NOT_PROTESTERS + r"[^.;]{0,100}?\s(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE)


def _others_than_protesters(ctx: Context, t: Trigger) -> bool:
    """The word of harm is done to others than protesters: those it names after it ("beat
    journalists covering a protest") or, told in the passive, before it."""
    return bool(_NOT_PROTESTERS_OBJECT.match(ctx.text, t.end)
                or _NOT_PROTESTERS_OBJECT.match(ctx.text, _object_start(t))
                or _NOT_PROTESTERS_SUBJECT.search(ctx.text, max(ctx.sentences[t.sentence][0], t.start - 130), t.start))


#: a protest that forces acted against: "cracked down on protests", "dispersed a protest",
#: "during demonstrations"
_FORCE_ON_PROTEST = re.compile(
    r"\b(?:crack(?:ed|ing|s)?\s+down\s+on|crackdown\s+on|dispers(?:e|ed|es|ing)|break(?:ing|s)?\s+up|broke\s+up|"
    r"during|amid|at|against|(?:bloodiest|deadliest|most\s+violent)\s+(?:single\s+)?day\s+(?:yet\s+)?(?:of|in|since))"
    r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _object_start(t: Trigger) -> int:
    """Where a trigger's object begins: after its first word when the trigger holds it
    ("beat journalists"), else after the trigger."""
    space = t.text.find(" ")
    return t.start + space if space >= 0 else t.end


#: words of arms seized or found, which a violent act may take as its spoils
_SPOILS = re.compile(r"(?:seiz|confiscat|weapons|arms|ammunition)", re.IGNORECASE)

#: an act told as what another answers: "in retaliation for the chemical attack"
_MOTIVE_BEFORE = re.compile(r"\b(?:in\s+(?:retaliation|revenge|reprisal|response)\s+(?:for|to)|to\s+avenge|"
                            r"(?:as\s+)?(?:revenge|retaliation|reprisal)\s+for|retaliating\s+for)\s+"
                            r"(?:(?:the|an?|its|their|his|her|last\s+\w+'s|this\s+\w+'s)\s+)?(?:[\w'’-]+\s+){0,4}$",
                            re.IGNORECASE)


def _sentence_frames(ctx: Context, sent: int, trigs: list[Trigger], figs: list[Figure],
                     actors: list[ActorMention], told_before: frozenset[str] = frozenset()) -> list[Frame]:
    """The frames (one per event type) a sentence's triggers make (casualties told with no
    violent word make a frame without a type, which the events stage gives to the event told
    near them, unless the sentence names a cause that is no violence: :data:`_OTHER_CAUSE`).
    A weak word ("assaulted", "threats") needs support in its sentence (a strong word, a
    toll, an armed actor, gunmen, people in custody for a word of bodily harm: "Israel
    tortures female Palestinian prisoners"), or a strong word of its type in the sentence
    before (``told_before``): "... in a hammer attack on a blogger. The pair assaulted him
    on 26 February 2020 in his home" goes on telling that attack."""
    specific = [t for t in trigs if t.type != "violence"]
    generic = [t for t in trigs if t.type == "violence"]
    has_figure = any(f.flag is None and f.outcome in ("killed", "injured") for f in figs)
    # a weapon named without a violent act ("arrived by plane", "drones with cameras", "a
    # passenger jet diverted to arrest a dissident") is no event
    violent_act = has_figure or generic or any(t.strength != "instrument" and t.type in VIOLENT
                                               for t in specific)
    if not violent_act or any(_HIJACK.match(t.text) for t in specific):
        # the aircraft told with a hijacking is the one hijacked ("the hijacking of a TWA
        # plane and the murder of a US navy diver"), not a strike's
        specific = [t for t in specific if t.strength != "instrument"]
    has_strong = any(t.strength in ("strong", "medium", "instrument") for t in specific)
    armed = [a for a in actors if a.category in ARMED or a.category == "unknown" and _ARMED_UNKNOWN.search(a.text)]
    has_armed = bool(armed)
    has_generic_kill = any(t.sub_type == "generic" for t in generic)
    violent = any(t.type in VIOLENT for t in specific)
    by_type: dict[str, list[Trigger]] = {}
    strong_types = {t.type for t in specific if t.strength != "weak"}
    for t in specific:
        if t.type == "strategic_developments" and t.strength == "weak" and violent:
            continue  # "surrendered following clashes": the clash is the event
        if t.type == "protests" and _CHARGED_FOR_BEFORE.search(ctx.text, _window_start(ctx, t, 80), t.start):
            continue  # "sentenced ... on charges of smuggling and financing protests": the crime
                      # charged, no protest of the report's
        if t.type == "protests" and _ANNUAL_BEFORE.search(ctx.text, _window_start(ctx, t, 60), t.start):
            continue  # "former organisers of the annual Tiananmen vigil": a custom, no protest held
        if t.strength == "weak":
            between = ctx.text[t.end:t.end + 25].lower().lstrip().startswith("between")
            supported = between or has_strong or has_figure or has_armed or has_generic_kill \
                or t.type in told_before or (_HARM.match(t.text) and _harm_done(ctx, sent)) \
                or ((_TORTURED.match(ctx.text, t.start) or _BEATEN.match(t.text)) and _critic_named(ctx, sent)
                    and _PASSIVE_BEFORE.search(ctx.text, max(0, t.start - 25), t.start)) \
                or (_ATTACKED.match(t.text) and _critic_attacked(ctx, sent))
            if t.sub_type == "abduction_forced_disappearance":
                # someone missing is feared disappeared when a critic is (not a child gone
                # missing while police appeal for witnesses), unless found dead: "The body of
                # journalist X, who had been missing since Wednesday, was found" is a killing
                supported = (t.type in told_before or _critic_named(ctx, sent)) and not any(
                    f.flag is None and f.outcome == "killed" for f in figs)
            if not supported:
                continue
            # a one-sided weak word beside a strong trigger of another type adds nothing
            # ("protesters were beaten" is the protest's), unless armed men did it to others
            # than protesters beside a protest ("Taliban fighters beat journalists covering
            # a protest"), or armed men of no state did it ("Supporters of the ruling party
            # attacked opposition activists with machetes during a rally": ACLED's violence
            # against civilians, not the rally's intervention)
            others = strong_types - {t.type}
            if has_strong and t.type != "battles" and others and not (
                    t.type == "violence_against_civilians" and has_armed
                    and others <= {"protests"}
                    and (_others_than_protesters(ctx, t) or any(
                        a.role_hint == "perpetrator" and a.category in NON_STATE_CATEGORIES for a in actors))):
                continue
            if has_strong and t.type == "battles" and not between and any(
                    s.type == "explosions_remote_violence" for s in specific):
                continue
            if t.type == "battles" and not between and "violence_against_civilians" in strong_types and len(
                    {a.name for a in actors if a.category in ARMED and a.role_hint != "source"}) == 1:
                continue    # "troops shot dead a teenager during clashes near Ramallah": the
                            # killing, told with the clashes it happened in, its doer the one
                            # side named (with none named, "Fighting continues ... following
                            # massacres", the fighting is news of its own)
        by_type.setdefault(t.type, []).append(t)
    # "protesters clashed with police": demonstrators fighting the forces facing them make
    # a violent demonstration, not a battle (ACLED's battles are between armed groups)
    if "battles" in by_type and _demonstrators_clash(actors):
        by_type["riots"] = by_type.get("riots", []) + [
            replace(t, type="riots", sub_type="violent_demonstration") for t in by_type.pop("battles")]
    # "protesters set fire to government buildings": the demonstration was violent, one
    # event (a riot), not also a peaceful protest
    if any(t.sub_type == "violent_demonstration" for t in by_type.get("riots", ())) and "protests" in by_type:
        calm = [t for t in by_type.pop("protests") if t.sub_type != "peaceful_protest"]
        if calm:
            by_type["protests"] = calm
    # "rioters looted shops and torched cars", "soldiers burned down houses and killed 10
    # civilians": the looting or burning is the riot's or the attack's (ACLED codes property
    # destroyed in a violent act as that act)
    sd = by_type.get("strategic_developments")
    if sd and by_type.keys() & (VIOLENT | {"riots"}) and all(
            t.sub_type == "looting_property_destruction" for t in sd):
        del by_type["strategic_developments"]
    # "The group said it killed 30 soldiers and seized weapons", "troops killed three militants
    # in a raid and confiscated their rifles": the arms taken are the violent act's spoils
    # (ACLED codes the act), not a seizure of their own
    sd = by_type.get("strategic_developments")
    if sd and (has_figure or by_type.keys() & VIOLENT) and all(
            t.sub_type == "disrupted_weapons_use" and _SPOILS.match(t.text) for t in sd):
        del by_type["strategic_developments"]
    # "wildfires destroyed hundreds of homes", "floods swept away houses": no one's act
    sd = by_type.get("strategic_developments")
    if sd and all(t.sub_type == "looting_property_destruction" for t in sd) and not has_armed \
            and _OTHER_CAUSE.search(ctx.text, *ctx.sentences[sent]):
        del by_type["strategic_developments"]
    # "security forces shot dead 38 people as they cracked down on protests": the killing is
    # the force used against the protest (ACLED codes it so), not a second event with the
    # same dead; unless those killed are others than protesters ("shot dead a journalist");
    # so too beside the forces' other means against a protest ("Police fired tear gas and
    # water cannon; at least five people were shot dead outside parliament")
    vac = by_type.get("violence_against_civilians")
    if vac and "protests" in by_type and all(t.sub_type == "attack" for t in vac) and any(
            a.category in STATE_CATEGORIES for a in actors) and any(
            t.sub_type == "protest_with_intervention"
            or _FORCE_ON_PROTEST.search(ctx.text, max(ctx.sentences[sent][0], t.start - 40), t.start)
            for t in by_type["protests"]) and not any(_others_than_protesters(ctx, t) for t in vac):
        del by_type["violence_against_civilians"]
    # "the activist was burned alive by a mob", "he was lynched": a crowd's killing, with no
    # armed group named, is the crowd's violence (ACLED codes violence of rioters against
    # civilians as mob violence), not a second event with the same victim
    vac = by_type.get("violence_against_civilians")
    armed_doers = any(a.role_hint not in ("source", "investigator") for a in armed)   # ("police said": no doer)
    if vac and not armed_doers and all(t.sub_type == "attack" for t in vac) and (
            by_type.get("riots") and all(t.sub_type == "mob_violence" for t in by_type["riots"])
            or "riots" not in by_type and all(t.text.lower().startswith("lynch") for t in vac)):
        by_type.setdefault("riots", []).extend(replace(t, type="riots", sub_type="mob_violence")
                                               for t in by_type.pop("violence_against_civilians"))
    # "warplanes committed a massacre": the massacre is the strike's toll, not an act of
    # its own (ACLED codes civilians killed by remote violence as that violence)
    vac = by_type.get("violence_against_civilians")
    if vac and all(_MASSACRE.fullmatch(t.text) for t in vac) and any(
            t.strength in ("strong", "instrument") for t in by_type.get("explosions_remote_violence", [])):
        del by_type["violence_against_civilians"]
    frames = []
    s0, e0 = ctx.sentences[sent]
    for typ, ts in by_type.items():
        # what the act answers is another act: "missiles struck the airbase in retaliation
        # for the chemical attack on Khan Sheikhoun" is a missile strike, and the chemical
        # attack, with the places told after it, is an event of its own
        motives = {id(t): m for t in ts
                   if (m := _MOTIVE_BEFORE.search(ctx.text, max(s0, t.start - 60), t.start))}
        acts = [t for t in ts if id(t) not in motives]
        if acts and motives:
            cut = min(m.start() for m in motives.values())
            answered = [t for t in ts if id(t) in motives]
            first = max(answered, key=lambda t: (t.weight, -t.start))
            frames.append(_typed_frame(ctx, sent, typ, acts, clause=(s0, cut)))
            frames.append(Frame(sent, typ, first.sub_type, first.weight, answered, clause=(cut, e0), motive=True))
            continue
        frames.append(_typed_frame(ctx, sent, typ, ts))
    if all(f.type == "strategic_developments" for f in frames):
        # casualties told beside an arrest are a violent act's, not the arrest's ("the
        # attack, which killed 14 worshippers ... police arrested five suspects")
        attack_words = [t for t in generic if t.sub_type == "generic_attack"]
        if (has_figure or (attack_words and has_armed and has_generic_kill)) \
                and not _OTHER_CAUSE.search(ctx.text, *ctx.sentences[sent]):
            if has_figure and frames and all(f.sub_type == "looting_property_destruction" for f in frames):
                frames = []     # "burned down houses and killed 10 civilians": the killing's
            frames.append(Frame(sent, None, None, 0.0, generic))
    if not frames and has_generic_kill and not has_figure and (has_armed or not told_before & VIOLENT) \
            and not _OTHER_CAUSE.search(ctx.text, s0, e0):
        # casualties told with no number ("Army units destroyed terrorists' dens in the
        # countryside of Hama, killing and injuring many terrorists"): an act whose dead were
        # not counted, a battle when they were fighters (its fatalities unknown, not nought)
        group = uncounted_casualties(ctx.text, s0, e0)
        if group is not None:
            typ, sub = ("battles", "armed_clash") if group == "combatants" else ("violence_against_civilians", "attack")
            frames.append(Frame(sent, typ, sub, 0.5, generic))
    if not frames and len(told_before & VIOLENT) == 1 and any(
            _DEFINITE_BEFORE.search(ctx.text, max(s0, t.start - 20), t.start) for t in generic):
        # "A journalist was shot dead in the state of Veracruz. The attack took place in the
        # municipality of Tezonapa": the act the sentence before told, told on
        (typ,) = told_before & VIOLENT
        frames.append(Frame(sent, typ, None, 0.0, generic, join_only=True))
    return frames


#: an act told as the answer to the one before: "Hezbollah fired dozens of rockets at
#: northern Israel in response", "In retaliation, the army shelled ...", "the rebels retaliated"
_ANSWERING = re.compile(r"\b(?:in\s+(?:retaliation|revenge|reprisal|response)\b(?!\s+(?:for|to)\b)|"
                        r"retaliat(?:ed|ing)\b)", re.IGNORECASE)


#: words that tell an act as one that came after another: "Hezbollah later fired rockets",
#: "the group then attacked", "hit back", "fired back"
_THEN = re.compile(r"\b(?:later|then|subsequently|afterwards|in\s+turn|(?:hit|struck|fired|shot)\s+back)\b",
                   re.IGNORECASE)


def _later_doers(ctx: Context, fr: Frame, actor_s: dict[int, list[ActorMention]], sent: int) -> set[str]:
    """The doers of a one-sided act told as one that came after another ("Hezbollah later
    fired rockets"), for :func:`_strikes_back`; empty when it is not told so."""
    if fr.type not in _ONE_SIDED or not _THEN.search(ctx.text, *ctx.sentences[sent]):
        return set()
    return {a.name for a in actor_s.get(sent, []) if a.role_hint == "perpetrator"}


def _strikes_back(d: "Draft", doers: set[str], actor_s: dict[int, list[ActorMention]]) -> bool:
    """The later act's ``doers`` (:func:`_later_doers`) include one the event struck and none
    of its doers: an act of one side against the other is no battle's, so the struck striking
    back is another act ("An Israeli drone strike ... killed two Hezbollah members. Hezbollah
    later fired rockets at an Israeli army post")."""
    told = [a for s in d.sentences for a in actor_s.get(s, [])]
    struck = {a.name for a in told if a.role_hint == "target"}
    return bool(doers & struck) and not doers & {a.name for a in told if a.role_hint == "perpetrator"}


def _answering(ctx: Context, sent: int, fr: Frame) -> bool:
    """The frame's violent act is told as an answer to an act told before it: another act."""
    if fr.type not in VIOLENT:
        return False    # "In response, the regime cracked down on striking workers with arrests"
    s0, e0 = fr.clause if fr.clause is not None else ctx.sentences[sent]
    return _ANSWERING.search(ctx.text, s0, e0) is not None


def _typed_frame(ctx: Context, sent: int, typ: str, ts: list[Trigger],
                 clause: tuple[int, int] | None = None) -> Frame:
    """The frame of one type of event a sentence's words tell, of the kind its weightiest
    word tells."""
    best = max(ts, key=lambda t: (t.weight, -t.start))
    sub_type = best.sub_type
    if typ == "battles":
        # a battle in which a place changed hands is coded as that change (ACLED):
        # "captured the town after a week of clashes"
        sub_type = next((t.sub_type for t in ts if t.sub_type in TERRITORY
                         and _changed_hands(ctx.text, t)), sub_type)
    return Frame(sent, typ, sub_type, best.weight, ts, clause=clause)


def _holds(p: Place, start: int, end: int) -> bool:
    """The place's name holds the span and more ("Deir Ezzor military airport")."""
    return p.start <= start and end <= p.end and p.end - p.start > end - start


_NEAR = re.compile(r"(?:near|outside)\s", re.IGNORECASE)
#: a place given relative to another by its direction or nearness: "north of X", "near X"
#: the compass's eight points ("north", "north-east", "northeast")
_COMPASS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_RELATIVE = re.compile(rf"(?:near|{_COMPASS}\s+of)\s", re.IGNORECASE)
_LIST_BREAK = re.compile(r"\band\b|[,;]")


#: a sentence is split into one event per town, or per clause, for at most this many: one
#: that lists more is a summary (and each of its events would carry all its words)
_MAX_SPLIT = 12
#: where a sentence joins two accounts: "... in Kirkuk while a roadside bomb killed two
#: soldiers in Mosul", "...; in Harasta, two children were wounded" (not "and": "three
#: children were killed and five others were wounded ... in Rastan" is one account)
_CLAUSE_BREAK = re.compile(r";\s+|,?\s+(?:while|whereas)\s+", re.IGNORECASE)
_CLAUSE_BREAK_AND = re.compile(r";\s+|,?\s+(?:while|whereas)\s+|,\s+and\s+", re.IGNORECASE)
#: the "and" before a second count of another place (the figures stage's elliptic count:
#: "killed 12 people in Idlib and 5 in Aleppo")
_AND_BEFORE = re.compile(r"\s+and\s+$")


def _clause_cuts(ctx: Context, s0: int, e0: int, figs: list[Figure], comma_and: bool = False
                 ) -> list[tuple[int, int]]:
    """Where a sentence joins two accounts: a semicolon, "while", "whereas", or the "and"
    before an elliptic count of another place; with ``comma_and``, also ", and"."""
    cuts = [m.span() for m in (_CLAUSE_BREAK_AND if comma_and else _CLAUSE_BREAK).finditer(ctx.text, s0, e0)]
    for f in figs:
        if f.elliptic and (m := _AND_BEFORE.search(ctx.text, max(s0, f.start - 12), f.start)):
            cuts.append(m.span())
    return sorted(cuts)


def _clauses(ctx: Context, sent: int, fr: Frame, places: list[Place],
             figs: list[Figure]) -> list[tuple[tuple[int, int], list[Trigger], Place]]:
    """The clauses of a sentence that tell the frame's kind of event in two towns, each
    with its own town and casualties: ((start, end), triggers, town) per clause, else []."""
    s0, e0 = ctx.sentences[sent]
    # (", and" joins two accounts only where nothing else does: "regime shelling on Khan
    # Sheikhoun killed two civilians, and Russian warplanes struck Maarat al-Numan, wounding
    # five"; it also joins the towns of a list, where a split finds no account in each)
    return _split_clauses(ctx, fr, places, figs, _clause_cuts(ctx, s0, e0, figs) if figs else [], s0, e0) or (
        _split_clauses(ctx, fr, places, figs, _clause_cuts(ctx, s0, e0, figs, comma_and=True), s0, e0)
        if figs else [])


def _split_clauses(ctx: Context, fr: Frame, places: list[Place], figs: list[Figure], cuts: list[tuple[int, int]],
                   s0: int, e0: int) -> list[tuple[tuple[int, int], list[Trigger], Place]]:
    if not cuts or len(cuts) >= _MAX_SPLIT:
        return []
    out = []
    counted_any = False
    for cs, ce in zip([s0] + [e for _s, e in cuts], [s for s, _e in cuts] + [e0]):
        town = _town_in(places, cs, ce)
        counted = [f for f in figs if cs <= f.start < ce and f.flag is None]
        told = [t for t in fr.triggers if cs <= t.start < ce]
        # each account has its town, and its casualties or its own word of the act
        # ("..., while warplanes carried out 5 airstrikes on the town of Douma")
        if town is None or not (counted or told):
            return []
        counted_any = counted_any or bool(counted)
        out.append(((cs, ce), told or list(fr.triggers), town))
    if not counted_any or len({p.name for _, _, p in out}) < len(out):
        return []
    return out


#: where a sentence turns from one kind of act to another told as before or beside it:
#: "shot dead 24 protesters in Nasiriya, hours after demonstrators set fire to the
#: consulate in Najaf"
_KIND_BREAK = re.compile(r",\s+(?:(?:hours|days|minutes|moments|shortly|soon|a\s+day|a\s+week)\s+)?"
                         r"(?:after|before|as|when|while|whereas)\s+|;\s+", re.IGNORECASE)


#: ... or, with no comma, to an act told as the one before it, by its doer or its victim and a
#: verb ("torched a police station on Sunday after police shot dead two men", "took to the
#: streets after security forces arrested an activist"; not "after clashes with police",
#: "after being shot", where "after" tells no other act of its own): what comes after
#: "after" up to the other kind's word, one to five words
_AFTER_CLAUSE = re.compile(r"\s+(?:(?:hours|days|minutes|shortly|soon)\s+)?after\s+(?!(?:being|having)\b)"
                           r"(?=(?:[\w'’-]+\s+){1,5}$)", re.IGNORECASE)


def _town_in(places: list[Place], start: int, end: int) -> Place | None:
    """The most specific town of a clause: a town, or a village the gazetteer does not
    know ("the town of Kafr Batna")."""
    towns = [p for p in places if start <= p.start < end and (p.precision == 1 or p.feature == "place")
             and p.feature not in ("country", "admin1")]
    return min(towns, key=_rank_place) if towns else None


def _split_kinds(ctx: Context, sent: int, frames: list[Frame], places: list[Place],
                 figures: list[Figure] = (), actors: list[ActorMention] = ()) -> list[Frame]:
    """Frames of different kinds told in clauses of their own, each with its own town
    ("... shot dead 24 protesters in Nasiriya, hours after demonstrators stormed and set
    fire to the Iranian consulate in Najaf"), get those clauses: their places, casualties
    and actors are their clause's; so does one type told in clauses of two kinds (see
    :func:`_clauses_of_kinds`). A clause with no town of its own is its own account when the
    sentence's ``figures`` and ``actors`` give it casualties and doers of its own. Otherwise
    the frames are left as they are."""
    typed = [f for f in frames if f.type is not None and f.clause is None]
    if not typed or len(typed) != len([f for f in frames if f.type is not None]):
        return frames
    if len(typed) == 1:
        # one type told in clauses of two kinds of its own ("Rebel mortar fire killed 12
        # people ..., while government barrel bombs killed at least 20"): a frame each
        parts = _clauses_of_kinds(ctx, typed[0])
        if parts is None:
            return frames
        split = _split_kinds(ctx, sent, parts, places, figures, actors)
        if any(f.clause is None for f in split) or all(_town_in(places, *f.clause) for f in split):
            return frames   # (clauses each with a town of their own are split by their towns)
        return [f for f in frames if f is not typed[0]] + split
    typed.sort(key=lambda f: min(t.start for t in f.triggers))
    s0, e0 = ctx.sentences[sent]
    bounds = [s0]
    earlier = [False]      # per clause: told as the act before the one of the clause before it
    for a, b in zip(typed, typed[1:]):
        a_end = max(t.end for t in a.triggers)
        b_start = min(t.start for t in b.triggers)
        if a_end > b_start:
            return frames       # their words interleave: one account
        cut = next(_KIND_BREAK.finditer(ctx.text, a_end, b_start), None)
        before = cut is None and (cut := _AFTER_CLAUSE.search(ctx.text, a_end, b_start)) is not None
        if cut is None:
            return frames
        bounds.append(cut.start())
        earlier.append(before)
    bounds.append(e0)
    spans = list(zip(bounds, bounds[1:]))
    towns = [_town_in(places, cs, ce) for cs, ce in spans]
    named = [t.name for t in towns if t is not None]
    if len(set(named)) < len(named) or not named:
        return frames
    # a clause with no town of its own is its own account when it tells its own casualties
    # and its own doers ("Rebel mortar fire killed 12 people in Aleppo, state media said,
    # while government barrel bombs killed at least 20 in opposition-held districts"), or,
    # told as the act before ("took to the streets after security forces arrested an
    # activist"), its own doers
    if any(t is None and not (_own_doer(actors, cs, ce) if told_before else _own_account(figures, actors, cs, ce))
           for t, (cs, ce), told_before in zip(towns, spans, earlier)):
        return frames
    for f, span, town, told_before in zip(typed, spans, towns, earlier):
        f.clause, f.own_clause = span, True
        f.where_other = told_before and town is None
    return frames


def _clauses_of_kinds(ctx: Context, frame: Frame) -> list[Frame] | None:
    """The frame's words cut at each clause break between two of different sub-types, as
    frames of their own (None when its words tell one kind, or no break parts them)."""
    ts = sorted(frame.triggers, key=lambda t: t.start)
    groups = [[ts[0]]]
    for t in ts[1:]:
        prev = groups[-1][-1]
        if t.sub_type != prev.sub_type and next(_KIND_BREAK.finditer(ctx.text, prev.end, t.start), None):
            groups.append([t])
        else:
            groups[-1].append(t)
    if len(groups) < 2 or len({g[0].sub_type for g in groups}) < len(groups):
        return None
    return [_typed_frame(ctx, frame.sentence, frame.type, g) for g in groups]


def _refines(d: Draft, towns: list[Place]) -> bool:
    """The event names no town (not even one named like its province: "the city of Homs")
    but a province one of ``towns`` lies in."""
    if any(p.feature in LOCAL for p in d.places):
        return False
    provinces = {p.admin1_iso for p in d.places if p.admin1_iso}
    return any(p.admin1_iso in provinces for p in towns)


_DEFINITE_BEFORE = re.compile(r"\bthe\s+(?:\w+\s+)?$", re.IGNORECASE)


def _battle_of_attack(ctx: Context, d: Draft, fr: Frame, sent: int, actor_s: dict[int, list[ActorMention]],
                      fig_s: dict[int, list[Figure]]) -> bool:
    """The fighting a sentence right after an attack told only between named armed forces
    refers back to ("the fighting", "the clashes"), with no civilian among the attack's dead:
    the attack was that battle ("Islamic State militants attacked Kurdish-led forces ...,
    killing eight fighters. The SDF said 15 militants were killed in the fighting")."""
    if fr.type != "battles" or d.type != "violence_against_civilians" or d.sub_type != "attack" \
            or sent - d.last > 1:
        return False
    if not any(_DEFINITE_BEFORE.search(ctx.text, max(0, t.start - 20), t.start) for t in fr.triggers):
        return False
    ms = [a for s in d.sentences for a in actor_s.get(s, ())]
    if len({a.name for a in ms}) < 2 or any(a.category not in ARMED_CATEGORIES for a in ms):
        return False
    return not any(f.group in ("civilians", "children", "women") for s in d.sentences for f in fig_s.get(s, ()))


def _sentence_gap(xs: list[int], ys: list[int]) -> int:
    """The fewest sentences between one of ``xs`` and one of ``ys`` (bisecting the longer,
    sorted: an account joined by thousands of sentences is not compared with each)."""
    long, short = (sorted(xs), ys) if len(xs) >= len(ys) else (sorted(ys), xs)
    best = None
    for b in short:
        k = bisect.bisect_left(long, b)
        for a in long[max(0, k - 1):k + 1]:
            if best is None or abs(a - b) < best:
                best = abs(a - b)
    return best if best is not None else 0


#: words that tell how someone arrested or taken is held, not an act: "her whereabouts remain
#: unknown", "he has been held incommunicado"
_HOW_HELD = re.compile(r"whereabouts\b.*\bunknown|held\s+incommunicado", re.IGNORECASE)
#: the acts whose captive such words tell of
_TAKING = frozenset({("strategic_developments", "arrests"),
                     ("violence_against_civilians", "abduction_forced_disappearance")})


def _held_after(ctx: Context, fr: Frame, drafts: list["Draft"], made_here: list["Draft"], sent: int) -> "Draft | None":
    """The arrest or abduction told in the two sentences before, when all the frame's words
    tell only how its captive is held ("Security forces arrested X in Khartoum. Her
    whereabouts remain unknown": one arrest, not an arrest and a disappearance)."""
    if not fr.triggers or not all(_HOW_HELD.fullmatch(t.text) for t in fr.triggers):
        return None
    for d in reversed(drafts):
        if sent - d.last > 2:
            break
        if (d.type, d.sub_type) in _TAKING and not any(d is m for m in made_here):
            return d
    return None


def _own_account(figures: list[Figure], actors: list[ActorMention], start: int, end: int) -> bool:
    """The clause tells a casualty count and an armed doer of its own (of its sentence's)."""
    return any(start <= f.start and f.end <= end for f in figures) and _own_doer(actors, start, end)


def _own_doer(actors: list[ActorMention], start: int, end: int) -> bool:
    """The clause names a doer of its own (of its sentence's actors)."""
    return any(start <= a.start and a.end <= end and a.role_hint == "perpetrator" for a in actors)


def _locating_places(text: str, places: list[Place], towns: list[Place]) -> set[int]:
    """The places (their ids) that only say where another is, not where another event was:
    right after it by "near" or "outside" ("the Hmeimim airbase near Jableh"), or after a
    town of ``towns``, by direction or nearness, with no list between them ("captured the
    village of Tal Jihan from Kurdish fighters north of Manbij", "the village of Tokhar
    near the northern Syrian city of Manbij"; but "outside Saraqeb and ... in the town of
    Ehsim" are two places), or a part by its compass of a bigger place a town is told in
    ("the town of Suran in northern Hama"). Each place is compared with the nearest before it
    only (a sentence may name thousands)."""
    ends = sorted(q.end for q in places)
    anchors = sorted(((q.end, q) for q in towns if not _RELATIVE.match(q.text)), key=lambda x: x[0])
    anchor_ends = [e for e, _q in anchors]
    out: set[int] = set()
    for p in towns:
        if _NEAR.match(p.text):
            k = bisect.bisect_left(ends, p.start - 3)
            if k < len(ends) and ends[k] <= p.start:
                out.add(id(p))
                continue
        start = p.start
        if _COMPASS_PART.match(p.text):
            # a part of a bigger place a town is told in: "the town of Suran in northern Hama"
            k = bisect.bisect_right(anchor_ends, p.start) - 1
            if k >= 0 and _IN_GAP.fullmatch(text, anchor_ends[k], p.start):
                out.add(id(p))
                continue
        if not _RELATIVE.match(p.text):
            # the relation told before the kind of place: "the village of Tokhar near the
            # northern Syrian city of Manbij"
            m = _RELATIVE_KIND_BEFORE.search(text, max(0, p.start - 70), p.start)
            if m is None:
                continue
            start = m.start()
        k = bisect.bisect_right(anchor_ends, start) - 1
        if k >= 0 and not _LIST_BREAK.search(text, anchor_ends[k], start):
            out.add(id(p))
    return out


_COMPASS_PART = re.compile(rf"{_COMPASS}ern\s", re.IGNORECASE)
_IN_GAP = re.compile(r",?\s+in\s+(?:the\s+)?")
_RELATIVE_KIND_BEFORE = re.compile(
    rf"\b(?:near|outside|{_COMPASS}\s+of)\s+"
    r"(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:city|town|village|capital|provincial\s+capital)\s+of\s+$", re.IGNORECASE)


def _demonstrators_clash(actors: list[ActorMention]) -> bool:
    """The sentence's parties are demonstrators (or rioters) and at most one armed actor."""
    return any(a.category in ("protesters", "rioters") for a in actors) and \
        len({a.name for a in actors if a.category in ARMED}) <= 1


def _place_key(p: Place) -> tuple:
    return (p.country, p.admin1_iso, p.name if p.precision == 1 else None)


def _place_id(p: Place) -> tuple:
    """What tells two place mentions apart (their span and what it resolved to)."""
    return (p.start, p.end, p.name, p.country, p.admin1_iso, p.precision, p.feature)


def _precise(places: list[Place]) -> list[Place]:
    """Towns and villages; a city named like its province ("Idlib", "Aleppo") is left out
    because a report naming it may mean either."""
    return [p for p in places if p.precision == 1 and p.feature not in ("country", "admin1")
            and not (p.admin1 and p.name.casefold() == p.admin1.casefold())]


def _compatible_place(d: Draft, places: list[Place], sent: int) -> bool:
    if not places or not d.places:
        return True
    new_precise = _precise(places)
    old_precise = d.precise_places()
    if d.anchor_place is not None:
        if any(_place_key(p) == _place_key(d.anchor_place) for p in places):
            return True
        # (nor a province, or its city, other than the anchor's: "In Deir ez-Zor, an IS car
        # bomb killed four" after shelling in Daret Azza, Aleppo)
        admins_new = {p.admin1_iso for p in places if p.admin1_iso}
        return not new_precise and (not admins_new or d.anchor_place.admin1_iso in admins_new)
    if new_precise and old_precise:
        return any(_place_key(a) == _place_key(b) for a in new_precise for b in old_precise)
    admins_new = {p.admin1_iso for p in places if p.admin1_iso}
    admins_old = d.admin1s()
    if admins_new and admins_old and not admins_new & admins_old:
        return False
    if new_precise and not old_precise and sent - d.last > 2:
        return False
    return True


def _source_names(atts: list[Attribution]) -> set[str]:
    return {a.source.name for a in atts}


@component("events", reads=("text", "sentences", "places", "dates", "figures", "actors",
                            "attributions", "triggers", "statements", "meta"),
           assigns=("events",))
def events(ctx: Context) -> None:
    """Group the stages' findings into ACLED events, main event first."""
    trig_s = _by_sentence(ctx.triggers)
    fig_s = _by_sentence(ctx.figures)
    # a name that is a claim's source or an actor is not a place ("Al-Mayadeen network")
    # ... but a place's state body that speaks leaves the place its own ("Hong Kong police
    # said", "the Gaza health ministry said": Hong Kong and Gaza are still places)
    place_ends = {p.start: p.end for p in ctx.places if _PLACE_BODY.match(ctx.text, p.end)}
    taken = _Taken([(place_ends[a.source_start] if a.source.type == "government"
                     and place_ends.get(a.source_start, a.source_end) < a.source_end else a.source_start, a.source_end)
                    for a in ctx.attributions if a.source_start >= 0]
                   + [(a.start, a.end) for a in ctx.actors])
    launched = _launch_points(ctx, ctx.places)
    carried_before = carried_to_cue(ctx)   # where the wounded were carried
    # the place of an office that speaks ("the mayor of Aleppo said") is no event's place,
    # but an event told with no place of its own is where its speaker's office is
    ordered = sorted(ctx.places, key=lambda p: p.start)
    starts = [p.start for p in ordered]
    spoken = []
    for a in ctx.attributions:
        if a.source_start >= 0 and a.source.type == "government" and " of " in ctx.text[a.source_start:a.source_end]:
            k = bisect.bisect_left(starts, a.source_start)
            while k < len(starts) and starts[k] < a.source_end:
                spoken.append(ordered[k])
                k += 1
    ctx.__dict__["_marsad_spoken"] = _by_sentence(spoken)
    place_s = _by_sentence(p for p in ctx.places
                           if not taken.overlaps(p) and not _dateline_place(ctx, p) and id(p) not in launched
                           and not _MODIFIER.match(ctx.text, p.end)
                           and not _foreign_attribute(ctx, p) and not _biography(ctx, p)
                           and not _LOYAL_TO.search(ctx.text, max(0, p.start - 30), p.start)
                           and not carried_before(p.start)
                           and not _government_named(ctx, p))
    actor_s = _by_sentence(ctx.actors)
    date_s = _by_sentence(ctx.dates)
    att_s = _attributions_by_sentence(ctx)
    # the ends of a journey told ("arrested on his way to Hathras in Uttar Pradesh") are not
    # where the event was, when its sentence names another place below a country's level
    # (a bus "travelling from Aleppo to Hama" was hit somewhere on its course)
    route_before = route_cue(ctx)
    for sent, ps in place_s.items():
        ends = {id(p) for p in ps if route_before(p.start)}
        if ends and any(p.feature != "country" and id(p) not in ends for p in ps):
            place_s[sent] = [p for p in ps if id(p) not in ends]
    _speakers_forces(ctx, actor_s, att_s)
    # the casualties, places and doers of an earlier act a sentence's news is told as the
    # time after ("..., a day after a suicide bombing in Manbij killed 10") are that act's
    # (the country such a clause names stays the news's when the news names no place of its
    # own: "Five years after the Supreme Court banned the group in Russia, rights groups called
    # for the release of 80 of its members")
    for sent, spans in _prior_act_clauses(ctx, trig_s, att_s).items():
        for by_s in (fig_s, place_s, actor_s):
            if sent in by_s:
                kept = [x for x in by_s[sent] if not any(cs <= x.start < ce for cs, ce in spans)]
                if by_s is place_s and not kept:
                    # ... but where one found dead went missing or was taken is the best there
                    # is of where ("was found dead on Sunday, three days after he went missing
                    # near his community in Olancho")
                    taken = any(_TAKEN_BEFORE.search(ctx.text, cs, ce) for cs, ce in spans)
                    kept = by_s[sent] if taken else [p for p in by_s[sent] if p.feature == "country"]
                by_s[sent] = kept

    _recalled_figures(ctx, fig_s, date_s, trig_s)
    drafts: list[Draft] = []
    pending_figures: list[Frame] = []
    for sent in sorted(trig_s):
        before = frozenset(t.type for t in trig_s.get(sent - 1, []) if t.strength == "strong")
        frames = _sentence_frames(ctx, sent, trig_s[sent], fig_s.get(sent, []), actor_s.get(sent, []), before)
        frames = _split_kinds(ctx, sent, frames, place_s.get(sent, []), fig_s.get(sent, []), actor_s.get(sent, []))
        made_here: list[Draft] = []
        for fr in frames:
            if fr.type is None:
                pending_figures.append(fr)
                continue
            places = place_s.get(sent, [])
            borrowed = fr.where_other
            if fr.clause is not None and not borrowed:
                places = [p for p in places if fr.clause[0] <= p.start < fr.clause[1]
                          or p.feature in ("country", "admin1")]
            precise = _precise(places)
            plural = any(_PLURAL_TRIGGER.search(t.text) for t in fr.triggers)
            # a town named only to say where another is makes no event of its own
            named = [p for p in places if p.feature not in ("country", "admin1", "admin2") and p.name != p.admin1]
            locating = _locating_places(ctx.text, places, named)
            towns = [p for p in named if id(p) not in locating]
            s0, e0 = ctx.sentences[sent]
            clauses = _clauses(ctx, sent, fr, places, fig_s.get(sent, []))
            if clauses:
                for (cs, ce), ts, p in clauses:
                    # each account is of the kind its own words tell: "regime shelling on
                    # Kafr Batna, while warplanes carried out airstrikes on Douma"
                    own = max(ts, key=lambda t: (t.weight, -t.start))
                    sub = own.sub_type if own.type == fr.type and own.sub_type != "generic" \
                        and fr.sub_type not in TERRITORY else fr.sub_type
                    d = Draft(fr.type, sub, fr.weight, [sent], ts,
                              [p] + [q for q in places if not (cs <= q.start < ce) and q.feature in ("country", "admin1")],
                              anchor_place=p, clause=(cs, ce))
                    drafts.append(d)
                    made_here.append(d)
                continue
            town_ids = {id(p) for p in towns}     # (by identity: a long sentence has many)
            if plural and len({p.name for p in towns}) >= 2 and len(towns) <= _MAX_SPLIT \
                    and all(id(p) in town_ids for p in precise) \
                    and not _ADMIN_WORDS.search(ctx.text[s0:e0].replace("countryside", "")):
                others = [q for q in places if id(q) not in town_ids]
                for k, p in enumerate(towns):
                    d = Draft(fr.type, fr.sub_type, fr.weight, [sent], list(fr.triggers),
                              [p] + others, anchor_place=p, share=(k, len(towns)))
                    drafts.append(d)
                    made_here.append(d)
                continue
            if fr.join_only and (not towns or date_s.get(sent)):
                continue    # (told on only to say where: a date would be the news's)
            held = _held_after(ctx, fr, drafts, made_here, sent)
            if held is not None:
                # "Her whereabouts remain unknown": how the one arrested or taken is held,
                # no act of its own
                held.sentences.append(sent)
                made_here.append(held)
                continue
            target = None
            # a sentence opened as another happening ("Separately, ...", "In another attack")
            # or by a date weeks before the report joins no open event
            earlier = _set_in_the_past(ctx, sent, date_s.get(sent, [])) or _aside(ctx, sent) or fr.motive \
                or _answering(ctx, sent, fr)
            later = _later_doers(ctx, fr, actor_s, sent)
            for d in () if earlier else reversed(drafts):
                if (d.type != fr.type and not _battle_of_attack(ctx, d, fr, sent, actor_s, fig_s)) \
                        or any(d is m for m in made_here) or _other_delivery(d, fr):
                    continue
                if not _compatible_place(d, places, sent) or (fr.join_only and not _refines(d, towns)):
                    continue
                if later and _strikes_back(d, later, actor_s):
                    continue
                # (a denial answers what others told: "The Syrian government has denied using
                # cluster munitions" is of the attack told at the top)
                srcs_new = _source_names([a for a in att_s.get(sent, []) if a.stance != "denies"])
                if srcs_new and (sent - d.last > 2 or (precise and sent - d.last > 1)):
                    srcs_old = {n for s in d.sentences for n in _source_names(att_s.get(s, []))}
                    if srcs_old and not srcs_new & srcs_old:
                        continue
                if any(_ANOTHER.search(ctx.text[max(0, t.start - 25):t.start]) for t in fr.triggers):
                    continue
                target = d
                break
            if target is None and fr.join_only:
                continue
            if target is None:
                target = Draft(fr.type, fr.sub_type, fr.weight, [sent], list(fr.triggers), list(places))
                if fr.motive:
                    # the act answered: its own clause's casualties and town
                    target.clause, target.answered = fr.clause, True
                    target.anchor_place = min(precise, key=_rank_place) if precise else None
                elif fr.own_clause:
                    target.clause = fr.clause
                target.distinct = earlier or any(_ANOTHER.search(ctx.text[max(0, t.start - 25):t.start])
                                                 for t in fr.triggers)
                drafts.append(target)
            else:
                if target.type != fr.type:     # the attack of one force on another was a battle
                    target.type, target.sub_type, target.weight = fr.type, fr.sub_type, fr.weight
                target.sentences.append(sent)
                target.triggers.extend(fr.triggers)
                target.add_places(places)
                # the kind of violence is the one the event was first reported with;
                # later sentences only sharpen a vague first word ("attack", "fighting")
                if fr.weight > target.weight and target.weight < 2.0:
                    target.sub_type, target.weight = fr.sub_type, fr.weight
            if fr.clause is not None and not fr.motive and not borrowed:
                # the sentence's other clauses are another act's: not this one's places
                target.elsewhere += [(a, b) for a, b in ((s0, fr.clause[0]), (fr.clause[1], e0)) if a < b]
            made_here.append(target)

    _attach_figure_frames(ctx, drafts, pending_figures, fig_s, place_s)
    drafts = _merge_same(drafts)
    _attach_responsibility(ctx, drafts, actor_s)
    _attach_unknown_doer(ctx, drafts)
    if not drafts:
        ctx.events = []
        return
    lead_abroad = any(_abroad(ctx, d) and d.first < _lead(ctx)[1] for d in drafts)
    ordered = sorted(drafts, key=lambda d: _salience(ctx, d, lead_abroad), reverse=True)
    if ordered[0].type not in VIOLENT:
        # the report is about the act whose suspects were arrested or tried, when it tells
        # it too: the act named as a suspect's crime, else (arrested suspects) the first act
        act = next((d for d in ordered if d.type in VIOLENT and _crime_of_suspects(ctx, d)), None)
        if act is None and _follow_up(ctx, ordered[0]):
            act = next((d for d in ordered if d.type in VIOLENT), None)
        if act is None:
            # a violent act the lead tells before the arrest or agreement ("Police killed
            # three suspected drug dealers ... rights groups said the men had been arrested
            # before they were shot")
            lead_end = _lead(ctx)[1]
            act = next((d for d in ordered if d.type in VIOLENT and d.first < min(lead_end, ordered[0].first)
                        and _salience(ctx, d, lead_abroad)[0]), None)
        if act is not None:
            ordered.remove(act)
            ordered.insert(0, act)
    # sentences that made both a one-sided and another violent event: route figures by group
    kinds: dict[int, set[str]] = {}
    for d in drafts:
        if d.anchor_place is None:
            for s in d.sentences:
                kinds.setdefault(s, set()).add(d.type)
    # (a protest beside an attack told in its sentence is the attack's backdrop for its
    # casualties: "attacked opposition activists with machetes during a rally, injuring 12")
    mixed = {s: k for s, k in kinds.items()
             if "violence_against_civilians" in k and k & (VIOLENT - {"violence_against_civilians"} | {"protests"})}
    main_date = None
    out: list[dict[str, Any]] = []
    # the events of one kind, place and date told in each sentence
    told_in: dict[tuple[str, tuple[int, int]], list[dict[str, Any]]] = {}
    by_kind: dict[tuple, list[dict[str, Any]]] = {}
    for d in ordered:
        ev = _build_event(ctx, d, len(out) + 1, place_s, fig_s, actor_s, att_s, main_date, mixed)
        if not out:
            main_date = ev["date"]
        kind = _account_key(ev)
        first = (kind, tuple(ev["sentences"][0])) if ev["sentences"] else None
        twin = next((o for o in told_in.get(first, ()) if _told_within(ev, o)), None)
        if twin is not None:
            # "militants attacked an army checkpoint, sparking clashes": the attack on
            # soldiers became a battle when built, told in the same sentences as the clash
            twin["triggers"] = sorted(twin["triggers"] + ev["triggers"], key=lambda t: t["start"])[:5]
            continue
        # (the events are indexed by kind, date and country: a report of a thousand
        # accounts does not compare each with every other)
        same = by_kind.get(_kind_key(ev), ()) if ev["location"] and ev["location"].get("precision") == 3 else ()
        vaguer = next((o for o in same if _vaguer_account(ev, o)), None)
        if vaguer is not None:
            # "... killed in clashes near Mohassan. The clashes erupted after IS fighters
            # attacked Nusra positions": the attack became the battle it opened when built,
            # placed only in the country, between the same sides, with no toll of its own
            vaguer["triggers"] = sorted(vaguer["triggers"] + ev["triggers"], key=lambda t: t["start"])[:5]
            vaguer["sentences"] = sorted({tuple(x) for x in vaguer["sentences"] + ev["sentences"]})
            vaguer["sentences"] = [list(x) for x in vaguer["sentences"]]
            continue
        for sent in ev["sentences"]:
            told_in.setdefault((kind, tuple(sent)), []).append(ev)
        by_kind.setdefault(_kind_key(ev), []).append(ev)
        out.append(ev)
    ctx.events = out


def _account_key(ev: dict[str, Any]) -> str:
    """An event's kind, place and date, as one key."""
    return json.dumps([ev["type"], ev["sub_type"], ev["location"], ev["date"]], sort_keys=True, default=str)


def _kind_key(ev: dict[str, Any]) -> tuple:
    """An event's kind, date and country."""
    return ev["type"], ev["sub_type"], (ev["date"] or {}).get("start"), (ev["location"] or {}).get("country")


def _vaguer_account(b: dict[str, Any], a: dict[str, Any]) -> bool:
    """``b`` tells ``a`` again, less precisely: of its kind and date, placed only in its
    country (or province), with no casualties of its own, and acted by some of ``a``'s
    actors in the same roles."""
    lb, la = b["location"], a["location"]
    if not lb or not la or lb.get("precision") != 3 or la.get("precision") == 3 \
            or lb.get("country") != la.get("country") or lb.get("admin1") not in (None, la.get("admin1")):
        return False
    if (b["type"], b["sub_type"], b["date"]) != (a["type"], a["sub_type"], a["date"]) \
            or b["fatalities"] or b["injured"]:
        return False
    cast = {(x["role"], x["name"]) for x in b["actors"] if x["role"] != "participant"}
    return bool(cast) and cast <= {(x["role"], x["name"]) for x in a["actors"]}


def _told_within(b: dict[str, Any], a: dict[str, Any]) -> bool:
    """Every sentence that tells ``b`` tells ``a`` too."""
    return {tuple(s) for s in b["sentences"]} <= {tuple(s) for s in a["sentences"]}


#: how long before the report a sentence's opening date must end to set it in the past
_PAST_OPENING = dt.timedelta(days=14)


def _set_in_the_past(ctx: Context, sent: int, dates: list[DateMention]) -> bool:
    """A sentence opened by a date weeks before the report ("In March two blasts occurred
    near Bab al-Saghir", "In 2013, Kayla was kidnapped") tells an earlier happening: it
    does not join the report's event of the same kind."""
    pub = ctx.published
    if pub is None or not dates:
        return False
    m = min(dates, key=lambda m: m.start)
    opening = ctx.text[ctx.sentences[sent][0]:m.start]
    return not opening.strip(" \"'“‘(") and m.end_date < pub - _PAST_OPENING and not _date_of_report(ctx, m)


_RESPONSIBILITY = re.compile(r"\b(?:(?:claim(?:ed|s|ing)?|took|takes|taking|assumed|admitted) (?:the )?"
                             r"responsibility\b|"
                             # ... or claimed the act itself: "Islamic State claimed the attack
                             # through its Amaq news agency"
                             r"claim(?:ed|s|ing)? (?:the|this|that|both|Saturday['’]s|Sunday['’]s|Monday['’]s|"
                             r"Tuesday['’]s|Wednesday['’]s|Thursday['’]s|Friday['’]s|(?:twin|double|deadly) )\s*"
                             r"(?:(?:twin|double|deadly|suicide|car|bomb|truck|suicide car) )*"
                             r"(?:attacks?|bombings?|blasts?|explosions?|assaults?|ambush(?:es)?|killings?|"
                             r"shootings?|kidnappings?|abductions?|massacres?|raids?|operations?)\b"
                             # (not a claim about it: "They claimed the attack was caused by an airstrike")
                             r"(?!\s+(?:was|were|is|are|had|has|have|came|killed|left|happened|took|targeted|"
                             r"caused)\b))", re.IGNORECASE)


def _attach_responsibility(ctx: Context, drafts: list[Draft], actor_s: dict[int, list[ActorMention]]) -> None:
    """A sentence that only claims an attack ("The Daesh group claimed responsibility for
    the attack.") names the perpetrator of the violent event told last before it."""
    told = {s for d in drafts for s in d.sentences + d.figure_sentences}
    for sent, mentions in actor_s.items():
        if sent in told or not any(m.role_hint == "perpetrator" for m in mentions):
            continue
        s, e = ctx.sentences[sent]
        if not _RESPONSIBILITY.search(ctx.text, s, e):
            continue
        before = [(max(x for x in d.sentences if x < sent), d) for d in drafts
                  if d.type in VIOLENT and any(x < sent for x in d.sentences)]
        if before:
            max(before, key=lambda b: b[0])[1].claim_sentences.append(sent)


#: the kinds of event a perpetrator is unknown of (battles have sides, not perpetrators)
_ONE_SIDED = ("explosions_remote_violence", "violence_against_civilians")


def _attach_unknown_doer(ctx: Context, drafts: list[Draft]) -> None:
    """A sentence saying that nobody knows who did it ("It was not immediately clear who
    carried out the raids", "No group has claimed responsibility for the attack") is said
    of the one-sided violent event it tells, else of the one told last before it, within
    two sentences."""
    told: dict[int, Draft] = {}         # sentence -> the first one-sided event it tells
    counted: dict[int, Draft] = {}      # sentence -> the first one whose toll it tells
    for d in drafts:
        if d.type in _ONE_SIDED:
            for x in d.sentences:
                told.setdefault(x, d)
            for x in d.figure_sentences:
                counted.setdefault(x, d)
    if not told:
        return
    for sent, (s, e) in enumerate(ctx.sentences):
        m = UNKNOWN_PERPETRATOR.search(ctx.text, s, e)
        if m is None:
            continue
        target = told.get(sent) or counted.get(sent) or told.get(sent - 1) or told.get(sent - 2)
        if target is not None and target.unknown_doer is None:
            target.unknown_doer = (m.start(), m.end())


#: how many sentences after the event's first a "not clear who" still undoes the doer it named
_DOER_NAMED_REACH = 2


def _unidentified(ctx: Context, d: Draft, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The actors of an event the report says nobody knows the doer of: whoever was taken
    for its perpetrator only takes part, and the dictionary's unidentified perpetrators
    (ACLED's "Unidentified Armed Group") are the perpetrator, told by that very sentence.
    A claim of responsibility told for the event outweighs it, and so does a doer named by
    the sentence that first tells the event when the doubt comes more than
    :data:`_DOER_NAMED_REACH` sentences later."""
    if d.unknown_doer is None or d.claim_sentences:
        return rows
    if ctx.sentences[min(d.first + _DOER_NAMED_REACH, len(ctx.sentences) - 1)][1] <= d.unknown_doer[0]:
        # the doer named where the event is first told ("Jet strikes blamed on the Syrian
        # regime hit ...") is not undone by a "not clear who" said paragraphs later
        named = {m.name for m in ctx.actors if m.sentence == d.first and m.role_hint == "perpetrator"}
        if any(r["role"] == "perpetrator" and r["name"] in named for r in rows):
            return rows
    out = [dict(r, role="participant") if r["role"] == "perpetrator" else r for r in rows]
    dictionary = getattr(ctx.resources, "actors", None)
    found = dictionary.find("unidentified perpetrators") if dictionary is not None else []
    if found:
        entry = found[0][2]
        s, e = d.unknown_doer
        out = [r for r in out if r["name"] != entry.name]
        out.insert(0, {"role": "perpetrator", "name": entry.name, "category": entry.category,
                       "text": ctx.text[s:e]})
    unique: dict[tuple[str, str], dict[str, Any]] = {}
    for r in out:
        unique.setdefault((r["role"], r["name"]), r)
    return list(unique.values())


#: explosions delivered from the air and those planted or carried on the ground
_AIR, _GROUND = frozenset({"air_drone_strike"}), frozenset({"suicide_bomb", "remote_explosive_landmine_ied"})


def _other_delivery(a: Draft | Frame, b: Draft | Frame) -> bool:
    """Two explosions told with specific words, one from the air and one planted or
    carried ("a suicide bomber struck the market" and "Syrian jets bombed several
    villages"), or a chemical attack and a bomb planted or carried ("a car bomb killed
    four ... videos of an alleged chemical attack"), are two happenings."""
    if min(a.weight, b.weight) < 2.0:
        return False
    subs = {a.sub_type, b.sub_type}
    if "chemical_weapon" in subs and subs & _GROUND:
        return True     # a gas attack (from the air or by shells) and a car bomb
    return bool(subs & _AIR) and bool(subs & _GROUND)


def _merge_same(drafts: list[Draft]) -> list[Draft]:
    """One report, one event per happening: drafts of the same type in the same province
    whose towns do not differ are one event told in several places of the report (the
    headline, the monitor's figure, a later paragraph). Events split on towns, events
    the text calls another, and a town-level account far (more than two sentences) from
    a province-level one stay apart."""
    out: list[Draft] = []
    for d in drafts:
        host = None
        if d.anchor_place is None and not d.distinct:
            for o in out:
                if o.type != d.type or o.anchor_place is not None \
                        or _other_delivery(o, d):
                    continue
                a1 = {p.admin1_iso for p in o.places if p.admin1_iso}
                a2 = {p.admin1_iso for p in d.places if p.admin1_iso}
                if not (a1 and a2 and a1 & a2):
                    continue
                t1 = {p.name for p in _precise(o.places)}
                t2 = {p.name for p in _precise(d.places)}
                if t1 and t2 and not t1 & t2:
                    continue
                gap = _sentence_gap(o.sentences, d.sentences)
                if bool(t1) != bool(t2) and gap > 2:
                    continue  # a town far from a province-wide account: another happening
                host = o
                break
        if host is None:
            out.append(d)
            continue
        host.sentences = sorted(set(host.sentences) | set(d.sentences))
        host.triggers.extend(d.triggers)
        host.add_places(d.places)
        host.figure_sentences = sorted(set(host.figure_sentences) | set(d.figure_sentences))
        if d.figure_groups is not None or host.figure_groups is not None:
            host.figure_groups = (host.figure_groups or set()) | (d.figure_groups or set())
    return out


def _fronted_admins(ctx: Context, sent: int) -> set[str]:
    """The provinces of the places a sentence opens with, "In X," (a roundup's section:
    "In Homs countryside, army units killed 12 terrorists")."""
    s0, e0 = ctx.sentences[sent]
    comma = ctx.text.find(",", s0, e0)
    if comma < 0:
        return set()
    by_sentence = ctx.derived("places_by_sentence", lambda: _by_sentence(ctx.places), of=ctx.places)
    return {p.admin1_iso for p in by_sentence.get(sent, ()) if p.admin1_iso and p.end <= comma
            and FRONTED_IN.search(ctx.text, max(0, p.start - 30), p.start)}


def _attach_figure_frames(ctx: Context, drafts: list[Draft], frames: list[Frame],
                          fig_s: dict[int, list[Figure]], place_s: dict[int, list[Place]]) -> None:
    # casualties go to a violent event or a protest, never to an arrest or an agreement
    takers = [d for d in drafts if d.type != "strategic_developments"]
    dated = {d.sentence for d in ctx.dates}
    armed = {a.sentence for a in ctx.actors if a.category in ARMED}
    # the violent events told in each province (their places do not change from here on)
    in_province: dict[str, list[Draft]] = {}
    for d in takers:
        if d.type in VIOLENT:
            for a in d.admin1s():
                in_province.setdefault(a, []).append(d)
    # the provinces each sentence names (a sentence naming a place that resolved to none
    # holds an empty set)
    placed_admins: dict[int, set[str]] = {}
    for p in ctx.places:
        placed_admins.setdefault(p.sentence, set()).update([p.admin1_iso] if p.admin1_iso else [])
    # the events told in each sentence: a frame looks only at those within two sentences
    rank = {id(d): k for k, d in enumerate(takers)}
    by_sent: dict[int, list[Draft]] = {}
    for d in takers:
        for s in set(d.sentences) | set(d.figure_sentences):
            by_sent.setdefault(s, []).append(d)

    def tell(d: Draft, sentence: int) -> None:
        d.figure_sentences.append(sentence)
        by_sent.setdefault(sentence, []).append(d)

    for fr in frames:
        # a toll told with no place of its own goes on from the last casualties told
        admins = placed_admins.get(fr.sentence)
        placed = admins is not None
        near_by = {id(d): d for s in range(fr.sentence - 2, fr.sentence + 3) for d in by_sent.get(s, ())}
        cands = sorted(near_by.values(), key=lambda d: rank[id(d)])
        prev = {id(d): d.last_told(fr.sentence, with_figures=not placed) for d in cands}
        fronted = _fronted_admins(ctx, fr.sentence)
        before = [d for d in cands if prev[id(d)] is not None and fr.sentence - prev[id(d)] <= 2
                  and not _aside(ctx, fr.sentence)
                  # a roundup's next section ("In Homs countryside, army units killed 12
                  # terrorists"): another province's casualties than the event's before, or
                  # than those of the section between ("In Daraa province, ...")
                  and not (fronted and (not fronted & d.admin1s() if d.admin1s() else any(
                      (between := _fronted_admins(ctx, k)) and not fronted & between
                      for k in range(prev[id(d)] + 1, fr.sentence))))]
        if before:
            nearest = max(prev[id(d)] for d in before)
            near = [d for d in before if prev[id(d)] == nearest]
            if len(near) > 1:
                vac = [d for d in near if d.type == "violence_against_civilians"]
                other = [d for d in near if d.type != "violence_against_civilians"]
                if vac and other:
                    tell(vac[0], fr.sentence)
                    vac[0].figure_groups = (vac[0].figure_groups or set()) | {"civilians", "children", "women"}
                    tell(other[0], fr.sentence)
                    other[0].figure_groups = (other[0].figure_groups or set()) | {"total", "combatants"}
                    continue
            tell(near[0], fr.sentence)
            continue
        # ... or of the event told right after, unless that names another place or is
        # told as another happening ("Gunmen killed a teacher in Peshawar. In a separate
        # attack, a policeman was shot dead in Quetta")
        after = [d for d in cands if d.first > fr.sentence and d.first - fr.sentence <= 2
                 and _compatible_place(d, place_s.get(fr.sentence, []), fr.sentence)
                 and not _aside(ctx, d.first)]
        if after:
            tell(after[0], fr.sentence)
            continue
        # casualties with no stated kind of violence: an event of its own
        figs = [f for f in fig_s.get(fr.sentence, []) if f.flag is None and f.outcome == "killed"]
        if not figs:
            continue
        # ... unless a toll told later of the only event in the provinces it names, with
        # no date or armed actor of its own ("SANA reported the attack quoting Homs
        # Governor as putting the death toll at six"; not "In Hama the army killed 70")
        if admins and fr.sentence not in dated and fr.sentence not in armed:
            told_there = list(itertools.islice(
                (d for d in in_province.get(next(iter(admins)), ()) if d.first < fr.sentence
                 and admins <= d.admin1s() and _compatible_place(d, place_s.get(fr.sentence, []), fr.sentence)), 2))
            if len(told_there) == 1:
                tell(told_there[0], fr.sentence)
                continue
        groups = {f.group for f in figs}
        if groups <= {"combatants"}:
            typ, sub = "battles", "armed_clash"
        else:
            typ, sub = "violence_against_civilians", "attack"
        made = Draft(typ, sub, 0.1, [fr.sentence], list(fr.triggers), [])
        drafts.append(made)
        rank[id(made)] = len(takers)
        takers.append(made)
        by_sent.setdefault(fr.sentence, []).append(made)


#: an arrest of the suspects of some other act: "arrested three suspects", "detained in
#: connection with the killing", "held over the murder of", "charged with murder",
#: "suspected of involvement in the hijacking of a plane and the murder of a diver" (not
#: "accused of" alone: the arrested activist is "accused of spreading false news", and
#: "jets accused of bombing a market" tell the day's bombing)
_SUSPECTS = re.compile(
    r"\b(?:suspects?|suspected\s+(?:killers?|attackers?|kidnappers?)|"
    r"(?:in\s+connection\s+with|over|(?<!responsibility\s)for)\s+(?:the|his|her|their|a)\s+(?:alleged\s+|\w+\s+)?"
    r"(?:killings?|murders?|assassination|abduction|kidnapping|death|attacks?|bombings?|shooting)|"
    r"(?:charged\s+with|(?:found\s+)?guilty\s+(?:of|in)|convicted\s+(?:of|in|over)|"
    r"(?:convicting|charging|accusing)\s+(?:them|him|her|the\s+\w+)\s+(?:of|with|over|in))\s+"
    r"(?:the\s+)?(?:murder|killing|kidnapping|abduction)|perpetrators?|"
    r"(?:(?:suspected|wanted)\s+(?:of|for|over|in)\s+(?:(?:involvement|complicity|participation|"
    r"taking\s+part|participating)\s+in\s+)?|accused\s+of\s+(?:involvement|complicity|participation|"
    r"taking\s+part|participating)\s+in\s+)(?:(?:the|a|an|his|her|their)\s+)?(?:[\w'-]+\s+){0,7}"
    r"(?:murders?|killings?|kidnappings?|abductions?|assassinations?|hijackings?|bombings?|massacres?|"
    r"torture))\b", re.IGNORECASE)


_RESPONSIBLE_BEFORE = re.compile(r"\bresponsible\s+$", re.IGNORECASE)


def _follow_up(ctx: Context, d: Draft) -> bool:
    """An arrest told as the sequel of a violent act (its suspects detained): the report
    is about the act, which comes first when the report tells it too."""
    if d.type != "strategic_developments" or d.sub_type != "arrests":
        return False
    return any(_SUSPECTS.search(ctx.text[max(ctx.sentences[t.sentence][0], t.start - 60):
                                         min(ctx.sentences[t.sentence][1], t.end + 80)])
               for t in d.triggers)


def _window_start(ctx: Context, t: Trigger, chars: int) -> int:
    """Where the words before a trigger start: ``chars`` back, not before its sentence."""
    return max(ctx.sentences[t.sentence][0], t.start - chars)


def _charge(ctx: Context, t: Trigger) -> bool:
    """A trigger naming the crime someone is suspected, charged or convicted of ("found
    guilty in the kidnapping of Amanda Lindhout")."""
    return any(m.start() <= t.start and t.end <= m.end()
               for m in _SUSPECTS.finditer(ctx.text, _window_start(ctx, t, 100), t.end))


#: the words that make what follows the crime someone is charged with, sentenced or held for
#: ("on charges of smuggling and financing protests", "jailed for taking part in protests")
#: a yearly protest that names who organise it, not one held: "former organisers of the
#: annual Tiananmen vigil" (but "thousands attended the annual vigil" held it)
_ANNUAL_BEFORE = re.compile(r"\b(?:organi[sz]ers?|founders?|leaders?|members?)\s+of\s+(?:the\s+|an?\s+)?"
                            r"(?:annual|yearly)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_CHARGED_FOR_BEFORE = re.compile(
    r"\b(?:charges?\s+(?:of|for)|charged\s+(?:with|for)|accused\s+of|convicted\s+(?:of|for)|"
    r"(?:sentenced|jailed|imprisoned|prosecuted|tried|fined)\s+(?:[\w'’-]+\s+){0,6}?for)\s+"
    r"(?:[\w'’-]+\s+){0,5}$", re.IGNORECASE)
_REMEMBERED_BEFORE = re.compile(r"\b(?:anniversary|commemorat\w+|memory|memorial)\s+(?:of|for|to)\b[^.;:]{0,80}$",
                                re.IGNORECASE)


def _remembered(ctx: Context, t: Trigger) -> bool:
    """A trigger naming what an anniversary or memorial recalls ("vigils to mark the
    second anniversary of Julian Assange being detained"): the sentence's date is the
    remembering's."""
    return bool(_REMEMBERED_BEFORE.search(ctx.text[_window_start(ctx, t, 100):t.start]))


def _crime_of_suspects(ctx: Context, d: Draft) -> bool:
    """An act the report names as someone's crime (:func:`_charge`)."""
    return any(_charge(ctx, t) for t in d.triggers)


def _lead(ctx: Context) -> tuple[int, int, int]:
    """Where the report's lead lies, as sentence indices: its first sentence that says
    something, the end (exclusive) of the lead (:data:`_LEAD_SENTENCES` such sentences),
    and the end of the sentence after the lead. A short line that tells no event (a
    dateline, "MOSCOW (Sputnik)") is skipped, so that it does not push the report's first
    sentence out of the lead. Without such lines: ``(0, 2, 3)``."""
    cached = ctx.__dict__.get("_lead")
    if cached is not None and cached[0] is ctx.sentences and cached[1] is ctx.triggers:
        return cached[2]
    told = {t.sentence for t in ctx.triggers}
    saying: list[int] = []
    for i, (s, e) in enumerate(ctx.sentences):
        if i in told or len(_WORD.findall(ctx.text, s, e)) >= _LEAD_MIN_WORDS:
            saying.append(i)
            if len(saying) > _LEAD_SENTENCES:
                break
    n = len(ctx.sentences)
    first = saying[0] if saying else 0
    lead_end = saying[_LEAD_SENTENCES - 1] + 1 if len(saying) >= _LEAD_SENTENCES else n
    after = saying[_LEAD_SENTENCES] + 1 if len(saying) > _LEAD_SENTENCES else n
    bounds = (first, lead_end, after)
    ctx.__dict__["_lead"] = (ctx.sentences, ctx.triggers, bounds)
    return bounds


def _abroad(ctx: Context, d: Draft) -> bool:
    """An event whose places are all in other countries than the report's."""
    country = ctx.country_context
    return bool(country) and bool(d.places) and all(p.country and p.country != country for p in d.places)


#: a sentence that opens on another happening than the report's: "In a separate incident",
#: "Separately", "Elsewhere", "Meanwhile", "In another attack"
_ASIDE_OPENING = re.compile(
    r"\s*[\"“]?(?:in\s+(?:a\s+)?(?:separate|another|other|unrelated)\s+(?:\w+\s+)?(?:incidents?|attacks?|"
    r"developments?|news|events?|violence|clash(?:es)?|strikes?)|separately|elsewhere|meanwhile|"
    r"in\s+other\s+(?:news|developments))\b", re.IGNORECASE)


def _aside(ctx: Context, sent: int) -> bool:
    """A sentence that opens on another happening (:data:`_ASIDE_OPENING`), also after
    the report's dateline ("12 Jun 2016 Meanwhile Syrian regime accused of bombing ...")."""
    start = ctx.sentences[sent][0]
    dl = ctx.dateline
    if dl is not None and start <= dl.start and not ctx.text[start:dl.start].strip():
        start = dl.end
    return bool(_ASIDE_OPENING.match(ctx.text, start))


def _salience(ctx: Context, d: Draft, lead_abroad: bool = False) -> tuple:
    """Main event first: an event placed in the report's country before one placed only
    abroad (a report is about its country; foreign parties are background), then the
    event in the lead (:func:`_lead`, told with a strong word), then the one the headline
    or first sentence tells (a town's share told next is a part of it), then by mentions
    and strength. A happening told as an aside ("In a separate incident", "Elsewhere",
    "Meanwhile") is not the lead's, nor one told as what another act answered ("in
    retaliation for the chemical attack"). An event told without a place of its own counts as in the report's
    country, except beside an event the lead tells abroad, when only its own place in the
    lead counts ("One of two British nationals charged with ... torture and behead
    hostages in Syria" leads a report from a Virginia court before the hostages'
    captivity told paragraphs later)."""
    first, lead_end, _after = _lead(ctx)
    lead = 1 if d.first < lead_end and not _aside(ctx, d.first) and not d.answered else 0
    mentions = len(set(d.sentences)) + 0.5 * len(set(d.figure_sentences))
    home = not _abroad(ctx, d) if d.places or not lead_abroad else bool(lead)
    return (home, lead, d.weight >= 2.0 and lead, d.first <= first, mentions + d.weight, -d.first)


def _reading_order(ctx: Context, d: Draft) -> list[int]:
    """The sentences to read an event's place and date from, most telling first: the
    sentence that first reports it (or its casualties), then (when that is in the lead)
    the sentences right after it up to the one after the lead, then the rest of its
    sentences in order."""
    start = min(d.sentences + d.figure_sentences)  # a casualty sentence may come first
    order = [start]
    _first, lead_end, after = _lead(ctx)
    if start < lead_end:
        order += [s for s in range(start + 1, after) if s < len(ctx.sentences)]
    rest = sorted((set(d.sentences) | set(d.figure_sentences)) - set(order))
    return order + rest


def _rank_place(p: Place):
    """Most specific first; of two as specific, a province before a region across provinces
    ("Mindanao's Bukidnon province": Bukidnon), a place named before one only given
    relative to a town ("Tal Jihan" before "north of Manbij")."""
    return ({"country": 3}.get(p.feature, 0), p.precision, p.precision == 3 and not p.admin1_iso,
            bool(_RELATIVE.match(p.text)), -p.score, p.start)


#: a court, a trial or prosecutors before the place they sit in: "pleaded guilty in
#: federal court in Alexandria, Virginia", "an antiterrorism court in Karachi",
#: "Prosecutors in Germany", "U.S. attorney for the Eastern District of Virginia", "the
#: verdict in Saudi Arabia"
_COURT_BEFORE = re.compile(
    r"\b(?i:court(?:room|house)?s?|tribunal|trial|verdicts?|hearings?|judges?|jury|prosecutors?|"
    r"prosecution|attorneys?)\b[^.;:!?]{0,25}?\s(?i:in|at|of)\s+(?i:the\s+)?(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2},\s*)?$")


#: a court or prosecutors named after the place they sit in: "the Braunschweig state
#: prosecutor", "Karachi's anti-terrorism court", "a Paris criminal court"
_COURT_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?i:(?:state|public|federal|district|regional|high|supreme|criminal|military|"
    r"anti-?terrorism)\s+){0,2}(?i:court(?:room|house)?s?|tribunal|prosecutors?(?:['’]s?)?|prosecution)\b")


def _court_place(ctx: Context, p: Place) -> bool:
    """A place named as where a court sits or prosecutors work ("a courtroom in
    Alexandria, Virginia", "the Braunschweig state prosecutor"): the act they try
    happened elsewhere, or the report says so in its own words."""
    m = _COURT_BEFORE.search(ctx.text, max(0, p.start - 60), p.start)
    if m is not None and _AT_THE_COURT.search(ctx.text, max(0, m.start() - 30), m.start()):
        return False    # "beaten outside a court in Almaty": the act was there
    return bool(m or _COURT_AFTER.match(ctx.text, p.end))


#: where an act at a court happens: "outside a court in X", "on the steps of the courthouse"
_AT_THE_COURT = re.compile(r"\b(?:outside|in\s+front\s+of|near|(?:at|on)\s+the\s+(?:gates?|entrance|doors?|steps)\s+"
                           r"(?:of|to))\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


def _pick_location(ctx: Context, d: Draft, place_s: dict[int, list[Place]],
                   is_main: bool = False) -> tuple[Place | None, list[Place]]:
    """The event's place: the most specific place of the first sentence (in reading
    order) that names one in the report's country, refined by a more specific place in
    the same province elsewhere in the event; the others become extra locations."""
    if d.anchor_place is not None:
        return d.anchor_place, []
    if d.type in VIOLENT:
        # where a court sits or prosecutors work is where the act is tried, not done
        # (filtered once per report, not once per event)
        cached = ctx.__dict__.get("_marsad_uncourted")
        if cached is None or cached[0] is not place_s:
            cached = (place_s, {s: [p for p in ps if not _court_place(ctx, p)] for s, ps in place_s.items()})
            ctx.__dict__["_marsad_uncourted"] = cached
        place_s = cached[1]
    if d.elsewhere:
        # not the places of the act it answered, told in its sentences (a view over those
        # sentences only: a report of many such sentences is not copied for each)
        spans = sorted(d.elsewhere)
        starts, reach = [a for a, _b in spans], span_reach(spans)

        def elsewhere(pos: int) -> bool:   # (bisected: thousands of such spans stay cheap)
            k = bisect.bisect_right(starts, pos) - 1
            return k >= 0 and reach[k] > pos
        place_s = collections.ChainMap({s: [p for p in place_s.get(s, []) if p.feature == "country"
                                            or not elsewhere(p.start)]
                                        for s in set(d.sentences)}, place_s)
    country = ctx.country_context
    own = set(d.sentences) | set(d.figure_sentences)
    order = _reading_order(ctx, d)
    best = None
    # "a Madras missionary held hostage in Haiti": the event is where its word says
    attached = _attached_place(ctx, d, order, place_s)
    if attached is not None:
        country = attached.country
        if attached.feature != "country":
            best = attached
    # "Security forces in Iran have killed at least 185 people in a crackdown on nationwide
    # protests ... The heaviest toll was in Sistan-Baluchistan": a protest wave told across
    # the country is the country's; the places told after are parts of it (strikes "on towns
    # across the country" keep the town the report goes on with, as coders do)
    if best is None and attached is None and d.type in ("protests", "riots") \
            and (nation := _nationwide(ctx, order, own, place_s)) is not None:
        parts = [p for s in sorted(own) for p in place_s.get(s, []) if p.feature != "country"
                 and p.country == nation.country]
        extra, seen = [], set()
        for p in sorted(parts, key=_rank_place):
            if _place_key(p) not in seen:
                seen.add(_place_key(p))
                extra.append(p)
        return nation, extra
    # "Turkey will clear northeast Syria of Kurdish YPG militia ... a Turkish offensive in
    # the region": the event is where its first sentence points
    if best is None and attached is None:
        region = _country_region(ctx, [s for s in order if s in own], place_s, country)
        if region is not None:
            country = region.country
            best = _first_place(ctx.text, order, place_s, country) or region
    # places in the report's country first; if the event names none there, the report's
    # country was the wrong guess for this event ("Russia says it struck Idlib") - unless
    # the event names the country itself ("Egypt's security forces attacked ...", then a
    # statement from Geneva): then it stays in the country, at country level
    if best is None:
        best = _first_place(ctx.text, order, place_s, country)
    if best is None and attached is None and not _names_country([s for s in order if s in own],
                                                                place_s, country):
        best = _first_place(ctx.text, order, place_s, None)
    if best is not None:
        country = best.country
    places = [p for s in sorted(own) for p in place_s.get(s, [])]
    if best is None:
        local = [p for p in places if p.feature != "country" and (not country or p.country == country)]
        if not local:
            # ... or where the office that tells it is: "five people were killed, the mayor of
            # Aleppo said"
            spoken = ctx.__dict__.get("_marsad_spoken", {})
            local = [p for s in sorted(own) for p in spoken.get(s, [])
                     if p.feature != "country" and (not country or p.country == country)]
        if not local and (town := _the_town_before(ctx, d, place_s)) is not None \
                and (not country or town.country == country):
            local = [town]
        named = None if local or attached is not None else _named_country(
            ctx, [s for s in order if s in own], place_s, country)
        if local:
            best = min(local, key=_rank_place)
        elif named is not None:
            # "the murder of Raman Bandarenka in Belarus", in a report mostly on Ethiopia:
            # the event is in the country its first sentence with a place names
            return named, []
        elif is_main:
            # the report's main event without a place of its own: the place the report
            # is most about (a report is written about where its main event happened)
            best = salient_place(ctx, [p for ps in place_s.values() for p in ps])
            if best is not None and country and best.country != country:
                best = None
        if best is None:
            if attached is not None and attached.feature == "country":
                return attached, []
            return _territory_place(ctx, place_s) or _country_place(ctx), []
    # a place that only says where the one before it lies ("the village of Tokhar near the
    # city of Manbij") is no place of the event's
    locating = set().union(*(_locating_places(ctx.text, ps, ps) for ps in _by_sentence(places).values()))
    if best.admin1_iso:
        # a more specific place in the same province; or, for a place told only as near
        # another, a settlement named beside that very place ("near Manbij" ... "the
        # village of Tokhar near ... Manbij")
        near = bool(_RELATIVE.match(best.text))
        finer = [p for p in places if p.admin1_iso == best.admin1_iso and p.feature != "country"
                 and id(p) not in locating and (p.precision < best.precision or near and p.precision == best.precision
                                                and p.feature in ("village", "place") and (p.lat, p.lon) == (best.lat, best.lon))]
        if finer:
            best = min(finer, key=_rank_place)
    elif best.feature == "admin2" and best.precision == 3:
        # a region across provinces ("Mindanao's Bukidnon province"): a place its sentence
        # names in one of its country's provinces says more
        finer = [p for p in places if p.sentence == best.sentence and p.country == best.country and p.admin1_iso
                 and id(p) not in locating]
        if finer:
            best = min(finer, key=_rank_place)
    extra, seen = [], {_place_key(best)}
    for p in sorted(places, key=_rank_place):
        k = _place_key(p)
        if k in seen or p.feature == "country" or (country and p.country != country) or id(p) in locating:
            continue
        if p.admin1_iso and p.admin1_iso == best.admin1_iso and p.precision >= best.precision:
            continue
        seen.add(k)
        extra.append(p)
    return best, extra


#: a town told by its kind alone, as one named before: "a suicide car bombing at a police
#: station in the city" (not "the city of Aden", "the city's", "the town council")
_DEFINITE_TOWN = re.compile(r"\b(?:in|at|near|outside|inside|across|around|of)\s+the\s+(?:same\s+)?(?:city|town|village)"
                            r"(?![’'\w-]|\s+of\b|\s+(?:council|hall|centre|center|square|limits|authorities)\b)",
                            re.IGNORECASE)


def _the_town_before(ctx: Context, d: Draft, place_s: dict[int, list[Place]]) -> Place | None:
    """The town an event that names none tells as "the city" or "the town": the last town
    named before those words, in their sentence or the three before."""
    for s in sorted(d.sentences):
        ss, se = ctx.sentences[s]
        m = _DEFINITE_TOWN.search(ctx.text, ss, se)
        if m is None:
            continue
        for k in range(s, max(-1, s - 4), -1):
            towns = [p for p in place_s.get(k, ()) if p.start < m.start() and p.precision == 1
                     and p.feature in ("city", "village", "place")]
            if towns:
                return max(towns, key=lambda p: p.start)
        return None
    return None


_LOCATIVE = re.compile(r"\s+(?:in|inside|at|near|outside)\s+(?:the\s+)?"
                       r"(?:(?:north|south)?-?(?:east|west)?(?:ern)?\s+)?")


#: a strike's target right after its word, in the sentence that first tells it: "Israeli air
#: strikes on the Gaza Strip", "bombardment on rebel-held Eastern Ghouta"
_ON_TARGET = re.compile(r"\s+on\s+(?:the\s+)?(?:(?:rebel|government|regime|opposition|militant)-held\s+)?")


def _first_place(text: str, order: list[int], place_s: dict[int, list[Place]], country: str | None) -> Place | None:
    """The most specific place below country level (in ``country``, if given) of the
    first sentence, in reading order, that has one. A sentence that lists places in several
    provinces ("attacks in Daraa countryside Aleppo Damascus") gives way to the next sentence
    that names places in one of them only."""
    def here(s: int) -> list[Place]:
        found = [p for p in place_s.get(s, []) if p.feature != "country"
                 and (country is None or p.country == country)]
        # a place that only says where the one right before it lies ("in Bulacan province
        # north of Manila") is not the event's
        locating = _locating_places(text, found, found)
        return [p for p in found if id(p) not in locating] or found

    for k, s in enumerate(order):
        cands = here(s)
        if not cands:
            continue
        provinces = {p.admin1_iso for p in cands if p.admin1_iso}
        if len(provinces) > 1:
            for s2 in order[k + 1:]:
                later = here(s2)
                if later and len({p.admin1_iso for p in later}) == 1 and later[0].admin1_iso in provinces:
                    return min(later, key=_rank_place)
        best = min(cands, key=_rank_place)
        # of as specific places, the one the casualties are told in: "an attack on the town
        # of Kobani and the city of Hasaka, killing at least 23 civilians in Kobani"
        tolled = [p for p in cands if p.precision == best.precision and p.feature == best.feature
                  and _TOLL_IN_BEFORE.search(text, max(0, p.start - 80), p.start)]
        return min(tolled, key=_rank_place) if tolled and best not in tolled else best
    return None


#: the casualties told right before a place: "killing at least 23 civilians in"
_TOLL_IN_BEFORE = re.compile(
    r"\b(?:killing|killed|wounding|wounded|injuring|injured|leaving)\s+(?:(?:at\s+least|more\s+than|some|about|"
    r"nearly|over)\s+)?[\w,-]+\s+(?:[\w-]+\s+){0,3}?(?:in|at|inside)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$",
    re.IGNORECASE)


def _names_country(order: list[int], place_s: dict[int, list[Place]], country: str | None) -> bool:
    """The first sentence, in reading order, that names places names ``country`` itself
    and no town abroad."""
    for s in order if country else ():
        here = place_s.get(s, [])
        if here:
            return not any(p.country != country and p.feature != "country" for p in here) \
                and any(p.feature == "country" and p.country == country for p in here)
    return False


#: a locative before a country's name: "in Belarus", "in neighbouring Iraq", "across Zambia",
#: and where a strike or attack lands: "airstrikes on the Gaza Strip", "drones over Syria"
#: (not a name that qualifies a noun: "a book on the Vietnam war")
#: (wider than the places stage's ``_IN_COUNTRY``, which weighs what a report is about: "in
#: neighbouring Iraq" names a neighbour of the report's country, and there the event)
_IN_COUNTRY_BEFORE = re.compile(r"\b(?:in|inside|into|across|throughout|within|on|over)\s+(?:the\s+)?"
                                r"(?:neighbou?ring\s+|[a-z]+ern\s+)?$", re.IGNORECASE)


#: "a group banned in Russia": a law's reach, not a place where something happened
_BANNED_BEFORE = re.compile(r"\b(?:banned|outlawed|prohibited|proscribed|illegal)\s+in\s+(?:the\s+)?$",
                            re.IGNORECASE)
#: "in Ecuador's London embassy": the country owns what is named next; "on the Vietnam
#: war": the name qualifies a noun
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b|\s+(?:war|conflict|crisis|issue|question|file|policy|government|"
                               r"regime|embassy|talks|deal|peace|border)\b")


def _named_country(ctx: Context, order: list[int], place_s: dict[int, list[Place]],
                   country: str | None) -> Place | None:
    """The country the first of ``order``'s sentences that names places names, when that
    sentence names one country only, at country level, not ``country``, and after a
    locative ("in Belarus"): a country named otherwise ("the US-Russia truce", "accuses
    Israel", "a coalition led by the United States") is a party, not a place."""
    for s in order:
        here = place_s.get(s, [])
        if here:
            named = {p.country for p in here}
            if len(named) == 1 and all(p.feature == "country" for p in here) and country not in named:
                return next((p for p in here
                             if _IN_COUNTRY_BEFORE.search(ctx.text, max(0, p.start - 30), p.start)
                             and not _BANNED_BEFORE.search(ctx.text, max(0, p.start - 30), p.start)
                             and not _POSSESSIVE_AFTER.match(ctx.text, p.end)), None)
            return None
    return None


#: a compass word before a country's name: "northeast Syria", "in southern Lebanon"
_COMPASS_BEFORE = re.compile(rf"\b{_COMPASS}(?:ern)?\s+$", re.IGNORECASE)


def _country_region(ctx: Context, order: list[int], place_s: dict[int, list[Place]],
                    country: str | None) -> Place | None:
    """A part of another country, named by a compass word before that country's name
    ("northeast Syria", "southern Lebanon"), in the first of the event's sentences that
    names places and no town of the report's country: a region where things happen,
    not a country that acts or speaks."""
    for s in order:
        here = place_s.get(s, [])
        if not here:
            continue
        if any(p.country == country and p.feature != "country" for p in here):
            return None
        return next((p for p in here if p.feature == "country" and p.country != country
                     and _COMPASS_BEFORE.search(ctx.text, max(0, p.start - 16), p.start)), None)
    return None


#: a capitalised word of a speaker's name, without its possessive: "Turkish", "Israel('s)", "U.S."
_NAME_WORD = re.compile(r"([A-Z][\w.]*)(?:['’]s)?")


def _state_named(gaz, words: str) -> str | None:
    """The state a speaker's name says it is a body of: by a people's word ("The Turkish
    defence ministry") or the state's own name ("Israel's military", "the US military")."""
    for m in _NAME_WORD.finditer(words):
        if (c := gaz.demonym(m.group(1), derive=True) or country_by_name(m.group(1), gaz)) is not None:
            return c
    return None


#: the words of a state's servicemen or its aircraft (not "military action" it may take)
_SERVICE = re.compile(r"\b(?:soldiers?|troops?|servicem[ae]n|service\s+members?|personnel|officers?|forces|"
                      r"marines|pilots?|warplanes?|war\s+planes?|jets?|aircraft|helicopters?|drones?)\b", re.IGNORECASE)


def _speakers_forces(ctx: Context, actor_s: dict[int, list[ActorMention]],
                     att_s: dict[int, list[Attribution]]) -> None:
    """A state's body that tells of soldiers tells of its own ("The Turkish defence ministry
    said two soldiers were killed in a rocket attack near Afrin", "The US military said three
    soldiers were wounded"): the generic military words of its sentence (no people's word
    names them) are that state's forces, not those of the country where it happened."""
    dictionary = getattr(ctx.resources, "actors", None)
    gaz = getattr(ctx.resources, "gazetteer", None)
    if dictionary is None or gaz is None:
        return
    for sent, atts in att_s.items():
        generic = {id(m) for m in actor_s.get(sent, ()) if m.generic is not None
                   and m.generic.localize == "military" and m.role_hint != "source" and _SERVICE.search(m.text)}
        if not generic:
            continue
        states = {c for a in atts if a.source.type == "government" and a.source_start >= 0
                  and (c := _state_named(gaz, ctx.text[a.source_start:a.source_end])) is not None}
        if len(states) != 1:
            continue
        state = states.pop()
        out = []
        for m in actor_s[sent]:
            if id(m) in generic and (e := dictionary.localized(m.generic, state, named=True)) is not m.generic:
                m = replace(m, name=e.name, category=e.category, country=e.country)
            out.append(m)
        actor_s[sent] = out


#: how long after or before another act a clause is told: "hours", "a day", "several weeks",
#: "two months", "a year"
_TIME_LENGTH = (r"(?:hours|days|weeks|months|years|minutes|shortly|soon|a\s+day|a\s+week|a\s+month|a\s+year|"
                r"the\s+day|(?:two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|many|\d{1,2})\s+"
                r"(?:hours|days|weeks|months|years))")
#: a clause told as the time after another act: ", a day after", ", hours after", ", days before"
_TIME_AFTER_BREAK = re.compile(rf",\s+{_TIME_LENGTH}\s+(?:after|before)\s+", re.IGNORECASE)
#: ... the same told first, up to its comma: "Days after a chemical attack killed more than 80
#: people in Khan Sheikhoun, an air strike killed five civilians in Saraqeb"
_TIME_AFTER_FRONT = re.compile(rf"\s*(?:(?:just|only|barely)\s+)?{_TIME_LENGTH}\s+(?:after|before)\s+"
                               r"[^,;]{1,200}?,", re.IGNORECASE)


#: an earlier act that took someone away, told as the time after: "three days after he went
#: missing", "a week after she was abducted"
_TAKEN_BEFORE = re.compile(r"\b(?:missing|disappear(?:ed|ance)|abduct(?:ed|ion)|kidnapp(?:ed|ing)|"
                           r"taken\s+away|seized|snatched)\b", re.IGNORECASE)


def _prior_act_clauses(ctx: Context, trig_s: dict[int, list[Trigger]],
                       att_s: dict[int, list[Attribution]]) -> dict[int, list[tuple[int, int]]]:
    """Per sentence, the clauses that tell an earlier act as the time its news came after
    (:data:`_TIME_AFTER_BREAK`, :data:`_TIME_AFTER_FRONT`) and hold no word of an event the
    triggers stage kept (it leaves out the act's own words: ``time_after``): a trailing one
    ends at a semicolon, at the words of who said so or at the sentence's end. A weapon such a
    clause names, beside the news's own words, is the earlier act's and is taken out of
    ``trig_s`` ("Turkish artillery pounded Afrin, a day after the group said it had shot down
    a Turkish helicopter": no air strike); the clause's acts of their own stay events ("...,
    hours after demonstrators stormed and set fire to the Iranian consulate in Najaf")."""
    out: dict[int, list[tuple[int, int]]] = {}
    for sent, trigs in trig_s.items():
        s0, e0 = ctx.sentences[sent]
        spans = []
        if (m := _TIME_AFTER_FRONT.match(ctx.text, s0, e0)) is not None:
            spans.append((m.start(), m.end()))
        for m in _TIME_AFTER_BREAK.finditer(ctx.text, s0, e0):
            ends = [e0] + [a.start for a in att_s.get(sent, []) if a.start > m.end()]
            semi = ctx.text.find(";", m.end(), e0)
            spans.append((m.start(), min(ends + ([semi] if semi >= 0 else []))))
        if not spans:
            continue
        inside = {id(t) for t in trigs if any(cs <= t.start < ce for cs, ce in spans)}
        if inside and any(t.strength != "instrument" for t in trigs if id(t) not in inside):
            trig_s[sent] = trigs = [t for t in trigs if id(t) not in inside or t.strength != "instrument"]
        spans = [(cs, ce) for cs, ce in spans if not any(cs <= t.start < ce for t in trigs)]
        if spans and any(not any(cs <= t.start < ce for cs, ce in spans) for t in trigs):
            out[sent] = spans
    return out


#: how long before the report the date right after a figure must end to tell a recalled act
_RECALLED = dt.timedelta(days=60)
_FIGURE_CLAUSE_ENDS = re.compile(r"[,;:()\"“”]|\b(?:and|but|while|who|which|when|as)\b")


def _recalled_figures(ctx: Context, fig_s: dict[int, list[Figure]], date_s: dict[int, list[DateMention]],
                      trig_s: dict[int, list[Trigger]]) -> None:
    """Takes out of ``fig_s`` the casualties a sentence of the report's days tells as those
    of an act long before, dated right after them, where no violent word outside them tells
    that act ("protesters ... on Tuesday who were demanding justice for a human rights
    defender shot dead by police in 2017": no one was killed at the protest; but "detained
    five people over the killing of a journalist in a car bomb in July 2016" tells the
    bombing, the event its casualties are of)."""
    pub = ctx.published
    if pub is None:
        return
    for sent, figs in list(fig_s.items()):
        dates = date_s.get(sent, [])
        if len(dates) < 2 or not any(m.end_date >= pub - _PAST_OPENING for m in dates):
            continue
        kept = []
        for f in figs:
            m = next((m for m in dates if f.end <= m.start <= f.end + 40), None)
            if m is not None and m.end_date < pub - _RECALLED \
                    and not _FIGURE_CLAUSE_ENDS.search(ctx.text, f.end, m.start) \
                    and not any(t.type in VIOLENT and not f.start <= t.start < f.end for t in trig_s.get(sent, ())):
                continue
            kept.append(f)
        if len(kept) < len(figs):
            fig_s[sent] = kept


def _attached_place(ctx: Context, d: Draft, order: list[int],
                    place_s: dict[int, list[Place]]) -> Place | None:
    """The place right after one of the event's words, by a locative preposition, in the
    first sentence (in reading order) that has one: "held hostage in Haiti"; by "on" only in
    the sentence that first tells the event (:data:`_ON_TARGET`)."""
    trig_s = _by_sentence(d.triggers)
    for s in order:
        starting = {}
        for p in place_s.get(s, []):
            starting.setdefault(p.start, p)
        for t in trig_s.get(s, ()):
            m = _LOCATIVE.match(ctx.text, t.end) or (_ON_TARGET.match(ctx.text, t.end) if s == order[0] else None)
            if m and m.end() in starting:
                return starting[m.end()]
    return None


def _territory_place(ctx: Context, place_s: dict[int, list[Place]]) -> Place | None:
    """For an event that names no place of its own, in a report whose every place in its
    country lies in a territory indexed as a province of that country (Hong Kong, Macau:
    :data:`marsad.geo.build.PART_OF`), that territory, at precision 3, with the span of
    its first mention: a report on Hong Kong is not about all of China. Other provinces
    are no such fallback: the events a report tells without a place ("since protests
    began in 2011") are as often the country's as the province's."""
    country = ctx.country_context
    local = [p for ps in place_s.values() for p in ps if p.country == country and p.feature != "country"]
    if not country or not local or len({p.admin1_iso for p in local}) != 1 or not local[0].admin1_iso \
            or local[0].admin1_iso.split("-", 1)[1] not in PART_OF:
        return None
    p = min(local, key=lambda q: q.start)
    gaz = getattr(ctx.resources, "gazetteer", None)
    entry = gaz.admin1(country, p.admin1_iso) if gaz is not None else None
    return Place(p.start, p.end, p.text, p.admin1 or p.name, country, p.admin1, p.admin1_iso,
                 lat=entry.lat if entry is not None else None, lon=entry.lon if entry is not None else None,
                 precision=3, feature="admin1", sentence=p.sentence)


def _nationality_place(ctx: Context) -> Place | None:
    """The report's country named only by the nationality of a state's forces or
    authorities ("Egyptian authorities arrested a blogger", "Iranian security forces"), of
    its courts, or of the civilians it is about ("Vietnamese blogger X was sentenced"):
    that word's span."""
    gaz = getattr(ctx.resources, "gazetteer", None)
    country = ctx.country_context
    if gaz is None or not country:
        return None
    for a in ctx.actors:
        if a.country != country:
            continue
        found = nationality_before(ctx.text, a.start, gaz)     # "Egyptian authorities"
        if found is None:                                       # "Iranian security forces", one name
            word = ctx.text[a.start:a.end].split(maxsplit=1)[0] if a.end > a.start else ""
            found = (gaz.demonym(word), a.start, a.start + len(word)) if word else None
        if found is not None and found[0] == country:
            _c, s, e = found
            return Place(s, e, ctx.text[s:e], country_display_name(country) or ctx.text[s:e], country,
                         precision=3, feature="country", sentence=a.sentence)
    # ... or of a state's court or prosecutors, which are no actors ("a Bahraini court")
    for m in _STATE_BODY.finditer(ctx.text):
        word = m.group(1)
        if gaz.demonym(word, derive=True) == country:
            return Place(m.start(1), m.end(1), word, country_display_name(country) or word, country,
                         precision=3, feature="country", sentence=ctx.sentence_of(m.start(1)))
    # ... or of civilians the report is about, when it is the report's country already
    # ("Vietnamese blogger Pham Doan Trang was sentenced": no place named but the people's)
    return _people_place(ctx, gaz, country)


def _people_place(ctx: Context, gaz, country: str | None) -> Place | None:
    """The country of the civilians a report is about, by the people's word before them
    ("Vietnamese blogger X", "Saudi women's rights activist X"): of ``country`` only, when
    given; else (a report whose country is unknown) the first such word's."""
    for a in ctx.actors:
        if a.category == "civilians":
            found = nationality_before(ctx.text, a.start, gaz)
            if found is None and (m := _PEOPLE_THEN_WORDS.search(ctx.text, max(0, a.start - 50), a.start)):
                # ... with the words of the person's cause between ("Saudi women's rights activist")
                found = (gaz.demonym(m.group(1), derive=True), m.start(1), m.end(1))
            if found is not None and found[0] and (country is None or found[0] == country):
                c, s, e = found
                return Place(s, e, ctx.text[s:e], country_display_name(c) or ctx.text[s:e], c,
                             precision=3, feature="country", sentence=a.sentence)
    return None


#: a people's word, then up to four words, before a civilian's noun ("Saudi women's rights
#: activist", "Guatemalan Indigenous leader and land defender")
_PEOPLE_THEN_WORDS = re.compile(r"(?<![\w.])([A-Z][a-z]{2,})\s+(?:[A-Za-z][\w'’-]*\s+){1,4}$")


#: a people's word before a state's body: "a Bahraini court", "Guatemalan prosecutors"
_STATE_BODY = re.compile(r"\b([A-Z][a-z]{3,})\s+(?:(?:state|federal|military|criminal|supreme|appeals?|high|"
                         r"anti-terrorism|terrorism|revolutionary|security)\s+)?(?:courts?|judges?|judiciary|"
                         r"prosecutors?|prosecution|tribunal|government|authorities|regime)\b")


#: words that tell an act across a whole country: "nationwide protests", "across the
#: country", "in several cities across Myanmar"
_NATIONWIDE = re.compile(r"\b(?:nationwide|nation-wide|countrywide|country-wide|across\s+the\s+(?:country|nation)|"
                         r"throughout\s+the\s+(?:country|nation)|all\s+over\s+the\s+country|"
                         r"(?:several|many|multiple|various|different)\s+(?:cities|towns|provinces|regions|states)\s+"
                         r"(?:across|in|of|throughout)(?=\s+(?-i:[A-Z])))", re.IGNORECASE)


def _nationwide(ctx: Context, order: list[int], own: set[int], place_s: dict[int, list[Place]]) -> Place | None:
    """The country an event is told across, in the first of its sentences that names a
    place, when that sentence says so and names no place below the country (nor a
    country other than the report's)."""
    for s in order:
        if s not in own or not place_s.get(s):
            continue
        places = place_s[s]
        if any(p.feature != "country" for p in places) or not _NATIONWIDE.search(ctx.text, *ctx.sentences[s]):
            return None
        # (the report's country, not another a speaker or a force is of)
        return next((p for p in places if ctx.country_context in (None, p.country)), None)
    return None


def _country_place(ctx: Context) -> Place | None:
    """The report's country, at precision 3, for an event that names no place of its
    own: a Place mention of that country in the report, so the location keeps a span
    (else the nationality of its state's forces: :func:`_nationality_place`)."""
    if not ctx.country_context:
        gaz = getattr(ctx.resources, "gazetteer", None)
        # ("Guatemalan Indigenous leader X was released": a people's word no vote counted)
        return _people_place(ctx, gaz, None) if gaz is not None else None
    mentions = [p for p in ctx.places if p.country == ctx.country_context]
    if not mentions:
        return _nationality_place(ctx)
    countries = [p for p in mentions if p.feature == "country"]
    if countries:
        return countries[0]
    p = mentions[0]
    return Place(p.start, p.end, p.text, country_display_name(ctx.country_context) or p.country,
                 p.country, precision=3, feature="country", sentence=p.sentence)


def _location_dict(p: Place | None, ctx: Context) -> dict[str, Any] | None:
    if p is None:
        return None
    loc = p.as_location()
    if p.feature == "country":
        loc.update({"admin1": None, "admin1_iso": None, "admin2": None, "precision": 3})
    return loc


#: a date this close to an event's word is the event's own ("the 2012 murder case",
#: "killed on 4 April 2013"), however old
_DATE_OWN = 12
#: ... when told within this many sentences of the event's first sentence
_OWN_DATE_SENTENCES = 3
#: an event told with no recent date takes the past date nearest its word, within this
#: many characters ("abducted and beheaded while investigating a story in 2002")
_PAST_REACH = 60


#: a participle naming a state of its noun, not a happening: "Jailed Saudi activist Loujain
#: al-Hathloul appeared before a court on Thursday", "the slain journalist's family"
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?:^|\b(?:the|a|an|this|that|these|those|some|other|many|several|all|his|her|their|its|"
    r"our|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|\d+)\s+)$", re.IGNORECASE)
_ATTRIBUTIVE_AFTER = re.compile(
    r"\s+(?!(?:by|in|on|at|for|from|with|after|during|over|and|or|to|as|since|near|while|"
    r"when|under|without|because|before|into|outside|inside|amid|following|were|was|are|is)\b)"
    r"[A-Za-z]")
_PARTICIPLE = re.compile(r"(?:\w+ed|slain|missing)$", re.IGNORECASE)


def _attributive(ctx: Context, t: Trigger) -> bool:
    """A trigger used as an adjective before its noun ("jailed activist", "the slain
    journalist"): it says the event happened, not when; the date of its sentence belongs
    to what the noun's person did or underwent next."""
    if not _PARTICIPLE.search(t.text) or " " in t.text:
        return False
    return bool(_ATTRIBUTIVE_BEFORE.search(ctx.text[_window_start(ctx, t, 20):t.start])) and \
        bool(_ATTRIBUTIVE_AFTER.match(ctx.text, t.end))


def _dated_by(ctx: Context, d: Draft) -> tuple[Draft, set[int]]:
    """The event as far as its words can date it: without the sentences where it is only
    named by an attributive participle, as someone's charge ("was charged with
    kidnapping after she was detained last month") or as what an anniversary recalls;
    with the sentences that then date nothing (all of them, when no word tells it)."""
    # (whether a word tells its event is asked once per word: a long sentence split into
    # one event per town gives each of them all its words)
    known = ctx.__dict__.setdefault("_marsad_telling", {})
    telling = []
    for t in d.triggers:
        key = (t.start, t.end, t.text)
        told = known.get(key)
        if told is None:
            told = known[key] = not _attributive(ctx, t) and not _charge(ctx, t) and not _remembered(ctx, t)
        if told:
            telling.append(t)
    if len(telling) == len(d.triggers):
        return d, set()
    if not telling:
        return d, set(d.sentences)
    sents = sorted({t.sentence for t in telling})
    return replace(d, sentences=[s for s in d.sentences if s in sents], triggers=telling), set()


@dataclass
class _Words:
    """An event's words in one sentence, for lookups by offset (a long sentence may hold
    thousands, told beside as many dates): starts sorted, with the greatest end among
    the words up to each, and ends sorted."""

    starts: list[int]
    reach: list[int]      # reach[i]: the greatest end of the words starting at or before starts[i]
    ends: list[int]


def _words_in(d: Draft, sentence: int) -> _Words | None:
    """The event's words in ``sentence`` (indexed once per draft, list of words and kind), but
    for a weak word of another kind told beside one of the event's own kind."""
    cached = d.__dict__.get("_marsad_words")
    if cached is None or cached[0] is not d.triggers or cached[1] != len(d.triggers) or cached[3] != d.sub_type:
        # a weak word of another kind than the event's, beside its own, is another act's
        # ("The activist, arrested in 2017, was released on bail on Tuesday": the release's day)
        own = {t.sentence for t in d.triggers if t.sub_type == d.sub_type}
        spans: dict[int, list[tuple[int, int]]] = {}
        for t in d.triggers:
            if not (t.strength == "weak" and t.sub_type not in (d.sub_type, "generic") and t.sentence in own):
                spans.setdefault(t.sentence, []).append((t.start, t.end))
        index = {}
        for sent, ss in spans.items():
            ss.sort()
            index[sent] = _Words([a for a, _b in ss], list(itertools.accumulate((b for _a, b in ss), max)),
                                 sorted(b for _a, b in ss))
        cached = (d.triggers, len(d.triggers), index, d.sub_type)
        d.__dict__["_marsad_words"] = cached
    return cached[2].get(sentence)


def _gap(d: Draft, m: DateMention) -> int:
    """Characters between a date and the nearest of the event's words in its sentence
    (a large number when the sentence has none of them): "filed charges on Thursday in
    the 2012 murder case" dates the murder 2012."""
    w = _words_in(d, m.sentence)
    if w is None:
        return 10**6
    i = bisect.bisect_left(w.starts, m.end)          # words starting at or after the date's end
    if i > 0 and w.reach[i - 1] > m.start:
        return 0                                      # a word overlaps the date
    after = w.starts[i] - m.end if i < len(w.starts) else 10**6
    j = bisect.bisect_right(w.ends, m.start)          # words ending at or before its start
    before = m.start - w.ends[j - 1] if j > 0 else 10**6
    return min(after, before)


def _year_of_noun(d: Draft, m: DateMention) -> bool:
    """A year right before the event's noun ("wanted over a 1987 kidnapping") dates it
    wherever the noun is told."""
    return _word_starts_within(d, m.sentence, m.end, m.end + 3)


def _word_starts_within(d: Draft, sentence: int, lo: int, hi: int) -> bool:
    """One of the event's words in ``sentence`` starts in [lo, hi)."""
    w = _words_in(d, sentence)
    if w is None:
        return False
    i = bisect.bisect_left(w.starts, lo)
    return i < len(w.starts) and w.starts[i] < hi


def _date_dict(m: DateMention) -> dict[str, Any]:
    return {"start": m.start_date.isoformat(), "end": m.end_date.isoformat(),
            "precision": m.precision, "text": m.text}


def _pick_date(ctx: Context, d: Draft, main_date: dict | None) -> dict[str, Any]:
    """The event's date, from the dates told in its sentences (reading order first, then
    the date nearest the event's words). A date told as the start of a span ("supported
    by Russia since September 2015") is how long something lasts, never the event's
    date. A date weeks before the report is background ("in July") unless it is told in
    the sentence that first reports the event (or its casualties), or right by the
    event's word near that first account ("filed charges on Thursday in the 2012 murder
    case"); further on, an old date by such a word is a past happening told as
    background ("the town recaptured on January 26"), and so is a span that began more
    than two weeks before the report ("last month"). An event told only with past dates
    takes the one nearest its word ("jailed in May 2018"), but not the start of a span
    ("since an uprising began in 2011"); an event told with no date takes the one the
    sentence before it carries (:func:`_carried_date`); otherwise the main event's date,
    else the report's date, each said so in a ``note``. Sentences that only name the event ("jailed
    activist", "charged with kidnapping", "the anniversary of his arrest") do not date
    it (:func:`_dated_by`)."""
    d, silent = _dated_by(ctx, d)
    order = _reading_order(ctx, d)
    sents = set(order) - silent
    told = [m for m in ctx.dates if (m.sentence in sents or m.sentence in silent and _year_of_noun(d, m))
            and not _date_of_report(ctx, m) and not _of_a_prior_act(ctx, d, m)
            and not (time_after_act(m) and _dates_another_noun(ctx, d, m))
            and not _RUNNING_TOTAL_SPAN.search(ctx.text, max(0, m.start - 100), m.start)
            and not _date_in_aside(ctx, d, m)]
    told = _before_news_out(ctx, told)
    pub = ctx.published
    cands = told
    if pub is not None and told:
        # the start of a span ("supported by Russia since September 2015", "the bloodiest
        # day since last month's coup") is how long something lasts, not when the event
        # happened
        dating = [m for m in told if m.kind == "range" and not _long_span_elsewhere(d, m, pub)
                  or m.kind != "range" and not _SINCE.match(m.text)
                  and since_before(ctx.text, m.start) is None
                  and not _dates_another_noun(ctx, d, m)
                  or _state_since(ctx, d, m)]
        cands = [m for m in dating if m.sentence == order[0]] or [
            m for m in dating if m.end_date >= pub - dt.timedelta(days=7) and m.start_date <= pub
            and (m.start_date >= pub - dt.timedelta(days=14) or m.kind == "range")
            or (_gap(d, m) <= _DATE_OWN and m.sentence - d.first <= _OWN_DATE_SENTENCES)]
    if cands:
        kind_rank = {"range": 0, "absolute": 1, "weekday": 2, "relative": 2}
        pos = {s: i for i, s in enumerate(order)}
        gap = functools.partial(_gap, d)
        return _date_dict(_refined(ctx, d, min(cands, key=lambda m: (pos[m.sentence], gap(m), m.precision,
                                                                     kind_rank.get(m.kind, 3), m.start)),
                                   told))
    past = [m for m in told if (_gap(d, m) <= _PAST_REACH or _fronted(ctx, m) and _words_in(d, m.sentence))
            and not _span_start(ctx, m, d)]
    if past:
        return _date_dict(_refined(ctx, d, min(past, key=lambda m: (_gap(d, m), m.precision, m.sentence, m.start)),
                                   told))
    carried = _carried_date(ctx, d) if not told else None
    if carried is not None:
        return _date_dict(carried)
    if main_date is not None:
        return dict(main_date, text=main_date.get("text"),
                    note=main_date.get("note") or "not stated; the main event's date")
    if pub is None:
        return {"start": None, "end": None, "precision": None, "text": None}
    text = ctx.dateline.text if ctx.dateline is not None and not ctx.meta.get("published") else None
    return {"start": pub.isoformat(), "end": pub.isoformat(), "precision": 1, "text": text,
            "note": "not stated; the report's date"}


#: a state a disappearance or a detention leaves, told since when: "missing since November
#: 2017", "held incommunicado since his arrest in March", "in custody since 2019"
_STATE_SINCE_BEFORE = {
    "abduction_forced_disappearance": re.compile(
        r"\b(?:has|have|had)\s+been\s+(?:missing|disappeared)\s+(?:ever\s+)?$", re.IGNORECASE),
    "arrests": re.compile(
        r"\b(?:has|have|had)\s+been\s+(?:detained|held(?:\s+incommunicado)?|in\s+(?:custody|detention|prison|jail)|"
        r"jailed|imprisoned|behind\s+bars|incarcerated)\s+(?:ever\s+)?$", re.IGNORECASE),
}


def _state_since(ctx: Context, d: Draft, m: DateMention) -> bool:
    """The start of the state an abduction or an arrest left, told of someone ("has been
    missing since November 2017, when he was taken from his farm", "has been held since
    March") is the act's date, not only how long something lasts (but "some 98,000 Syrians
    forcibly disappeared since March 2011" is a span's count)."""
    state = _STATE_SINCE_BEFORE.get(d.sub_type)
    if state is None or not _SINCE.match(m.text):
        return False
    return state.search(ctx.text, max(0, m.start - 50), m.start) is not None


#: a date that opens its sentence as its own phrase: "In February 2019, 27 members of ..."
_FRONTED_BEFORE = re.compile(r"[\s\"“(]*(?:(?:early|late|later|earlier)\s+)?(?:in|on|during|at)?\s*", re.IGNORECASE)
_FRONTED_AFTER = re.compile(r"\s*,")


def _fronted(ctx: Context, m: DateMention) -> bool:
    """The date opens its sentence, set off by a comma: it dates the whole sentence,
    however far the event's word is ("In February 2019, 27 members of Iran's Islamic
    Revolutionary Guard Corps were killed in a suicide attack")."""
    return m.sentence >= 0 and _FRONTED_BEFORE.fullmatch(ctx.text, ctx.sentences[m.sentence][0], m.start) is not None \
        and _FRONTED_AFTER.match(ctx.text, m.end) is not None


def _dates_another_noun(ctx: Context, d: Draft, m: DateMention) -> bool:
    """A date that owns a noun which is none of the event's words ("protests against last
    month's military coup", "A year after the killing of X, thousands marched"): that
    noun's date, not the event's."""
    if not (m.text.endswith(("'s", "’s")) or ctx.text.startswith(("'s ", "’s "), m.end) or time_after_act(m)):
        return False
    return not _word_starts_within(d, m.sentence, m.end, m.end + 40)


def _refined(ctx: Context, d: Draft, chosen: DateMention, told: list[DateMention]) -> DateMention:
    """A year, a month or a week the event is dated by, made precise by a date within it told
    near the event's word in another of its sentences (its own sentence's other dates are
    those of what else it tells: "in August shelling ..., officials told reporters on
    Saturday"): "convicted seven men of the 2016 murder of Berta Caceres. Caceres was
    shot dead in her home in March 2016" is March 2016."""
    if chosen.precision < 2 or chosen.start_date == chosen.end_date or not (
            chosen.kind == "absolute" or chosen.kind == "relative" and chosen.precision == 2):
        return chosen     # a day; a span ("since 2016") is no date to refine; "last week" is
                          # ("abducted last week ... taken from his home on September 8"), but
                          # not "a month ago", whose days tell more happenings than the event
    finer = [m for m in told if m.sentence != chosen.sentence and chosen.start_date <= m.start_date
             and m.end_date <= chosen.end_date and (m.end_date - m.start_date) < (chosen.end_date - chosen.start_date)
             and _gap(d, m) <= _PAST_REACH and not _span_start(ctx, m, d)]
    return min(finer, key=lambda m: (_gap(d, m), m.sentence, m.start)) if finer else chosen


#: a span ("since X") that began longer than this before the report is a state that lasts
#: ("the Baath regime in power since 1963"), the event's own only right by its word
_LONG_SPAN = dt.timedelta(days=60)
#: ... within this many characters ("detained since 2016", "held without trial since May")
_SPAN_REACH = 30


def _long_span_elsewhere(d: Draft, m: DateMention, pub: dt.date) -> bool:
    """A span that began long before the report and is told away from the event's words:
    how long something else lasts ("the Baath regime in power since 1963 ... responded
    with military force to peaceful protests" does not date the protests 1963-2017)."""
    return m.start_date < pub - _LONG_SPAN and _gap(d, m) > _SPAN_REACH


#: a relative clause set off by commas, open before a date: "The lawyer, who has defended
#: dozens of activists since 2015, was detained ..."
_ASIDE_OPEN = re.compile(r",\s+(?:who|whom|whose|which)\s[^,;()]{0,120}$", re.IGNORECASE)


def _date_in_aside(ctx: Context, d: Draft, m: DateMention) -> bool:
    """The date is told in a relative clause set off by commas that holds none of the
    event's words in its sentence: it dates what the clause tells of someone, not the event."""
    if m.sentence < 0 or m.sentence >= len(ctx.sentences):
        return False
    s0, e0 = ctx.sentences[m.sentence]
    opened = _ASIDE_OPEN.search(ctx.text, max(s0, m.start - 130), m.start)
    if opened is None:
        return False
    close = ctx.text.find(",", m.end, min(e0, m.end + 80))
    if close < 0:
        return False
    words = [t for t in d.triggers if t.sentence == m.sentence]
    return bool(words) and not any(opened.start() <= t.start < close for t in words)


_SINCE_BEFORE = re.compile(r"\bsince\b[^.;,]{0,40}$", re.IGNORECASE)
#: the period of a running total ("bringing the total killed in the state since January to
#: 400") dates no event
_RUNNING_TOTAL_SPAN = re.compile(RUNNING_TOTAL + r"[^.;,]{0,80}$", re.IGNORECASE)
#: a date told as a span's start: "since September 2015"
_SINCE = re.compile(r"since\s", re.IGNORECASE)


#: events that are a state lasting from their start: a detention, a disappearance
_HELD = frozenset({"arrests", "abduction_forced_disappearance"})
#: one person's state, told with its auxiliary: "has been detained", "was held"
_ONE_HELD_BEFORE = re.compile(r"\b(?:(?:has|had)\s+been|was|is|remains)\s+(?:\w+ly\s+)?(?:in\s+)?$", re.IGNORECASE)
#: what may stand between the word of such a state and "since": "held incommunicado since"
_HELD_SINCE = re.compile(r"(?:\s+(?:incommunicado|without\s+(?:charge|trial)|in\s+(?:custody|prison|jail|detention)|"
                         r"arbitrarily|illegally))*\s*$", re.IGNORECASE)


def _span_start(ctx: Context, m: DateMention, d: Draft | None = None) -> bool:
    """A date that starts a span rather than dating a happening: "since 2014", "fighting
    militias since an armed uprising began in 2011" (but "since his arrest in 2019" dates
    the event's own arrest)."""
    if d is not None and d.sub_type in _HELD and _SINCE.match(m.text) and any(
            0 <= m.start - t.end <= 40 and _HELD_SINCE.match(ctx.text, t.end, m.start)
            and _ONE_HELD_BEFORE.search(ctx.text, max(0, t.start - 20), t.start) for t in d.triggers):
        return False    # "has been detained since October 2017": when the detention began, the
                        # arrest's date (not "98,000 Syrians forcibly disappeared since 2011")
    if m.kind == "range" or _SINCE.match(m.text):
        return True
    lo = max(ctx.sentences[m.sentence][0], m.start - 45) if m.sentence >= 0 else max(0, m.start - 45)
    since = _SINCE_BEFORE.search(ctx.text, lo, m.start)
    if since is None:
        return False
    return d is None or not any(since.start() < t.start and t.end <= m.start for t in d.triggers)


def _carried_date(ctx: Context, d: Draft) -> DateMention | None:
    """The date a story carries into an event told without one: the last date of the
    sentence right before the event's first sentence ("... put down an uprising in Hama
    in 1982. An estimated 20,000 people were killed in the massacre ..." dates the
    massacre 1982). Online news makes most sentences a paragraph, so a paragraph break
    does not stop it; a sentence further back does."""
    prev = d.first - 1
    if prev < 0:
        return None
    # a span ("since 2014") is how long something lasts, not when
    cands = [m for m in ctx.dates if m.sentence == prev and not _date_of_report(ctx, m)
             and not _span_start(ctx, m) and not _dates_another_noun(ctx, d, m)]
    return max(_before_news_out(ctx, cands), key=lambda m: m.start, default=None)


def _before_news_out(ctx: Context, dates: list[DateMention]) -> list[DateMention]:
    """The dates, without the day news of the act came out ("happened on Friday night, but
    news of it only emerged on Monday": Friday) unless nothing else dates it."""
    out = [m for m in dates if _NEWS_OUT_BEFORE.search(ctx.text, max(0, m.start - 40), m.start)]
    return [m for m in dates if m not in out] if out and len(out) < len(dates) else dates


#: a clause telling what came before the event: "was murdered after being detained by
#: police in November 1981", "died following his arrest in May"
_PRIOR_ACT = re.compile(r"\b(?:after|following)\s+(?:being|having\s+been|his|her|their)\s+\w+", re.IGNORECASE)


def _of_a_prior_act(ctx: Context, d: Draft, m: DateMention) -> bool:
    """A date told, after the event's word, in a clause of what came before the event
    ("murdered after being detained in November 1981"): the earlier act's date."""
    w = _words_in(d, m.sentence)
    j = bisect.bisect_right(w.ends, m.start) if w is not None else 0
    if j == 0:
        return False
    return bool(_PRIOR_ACT.search(ctx.text, w.ends[j - 1], m.start))


def _date_of_report(ctx: Context, m: DateMention) -> bool:
    """A date of the report, not of anything it tells: its dateline or publication date,
    or the day someone spoke ("said on Sunday"; a range such as "since Thursday" is the
    span of what was said, and stays)."""
    if m.kind in ("dateline", "publication"):
        return True
    before = ctx.text[max(ctx.sentences[m.sentence][0], m.start - 40):m.start]
    return m.kind != "range" and bool(_SPEECH_BEFORE.search(before) or _SPEECH_AFTER.match(ctx.text, m.end))


_UPDATE = re.compile(r"(?:toll|number of (?:dead|deaths|victims)|tally)\W+(?:\w+\W+){0,4}?"
                     r"(?:rose|risen|rises|climbed|increased|reached|jumped|hit|hits|stands?|stood|"
                     r"now|grew)\b[^.]{0,30}$|\b(?:new|updated|latest|revised) (?:death )?toll\b[^.]{0,40}$",
                     re.IGNORECASE)


#: another's toll of the event told after the report's own: "A Britain-based monitor put the
#: toll at 57", "the Observatory gave a death toll of 30"
_TOLL_AT = r"(?:death\s+)?(?:toll|number\s+of\s+(?:dead|deaths|victims|fatalities))\s+(?:at|of)\s+"
_ANOTHER_TOLL = re.compile(r"\b(?:put|puts|putting|placed|places|gave|gives|giving)\s+(?:the\s+|its\s+|a\s+)?"
                           r"(?:(?:overall|total|higher|lower|different)\s+)?" + _TOLL_AT + "$", re.IGNORECASE)
#: ... a figure whose text begins with those words ("toll at six")
_TOLL_HEAD = re.compile(_TOLL_AT, re.IGNORECASE)


#: a count told as more than those told before: "a soldier was also killed", "also killed two"
_ALSO = re.compile(r"\balso\s+(?:been\s+)?(?:killed|died|dead|shot\s+dead|lost\s+(?:his|her|their)\s+lives|"
                   r"wounded|injured|hurt)\b", re.IGNORECASE)


#: words before a count that leave it untold: "It did not say whether any fighters were also killed"
_NOT_TOLD_SO = re.compile(r"\b(?:whether|if|not|no)\b", re.IGNORECASE)


#: how far beyond an open-ended whole ("more than 500") a part may go and still be part
#: of it ("including 523 civilians"); "at least seven people died" is no count of 132 civilians
_OPEN_REACH = 2


def _placed_and_spoken(ctx: Context) -> tuple[frozenset[int], frozenset[int]]:
    """The sentences that name a place, and those that tell someone's account (once a
    report)."""
    cached = ctx.__dict__.get("_placed_and_spoken")
    if cached is None:
        cached = (frozenset(p.sentence for p in ctx.places), frozenset(a.sentence for a in ctx.attributions))
        ctx.__dict__["_placed_and_spoken"] = cached
    return cached


def _wholes_of_one_group(ctx: Context) -> set[int]:
    """Indices of the figures whose parts are all of their own group ("three police
    officers and two attackers": combatants all); once a report (each event asks)."""
    def make() -> set[int]:
        groups: dict[int, set[str]] = {}
        for f in ctx.figures:
            if f.part_of is not None and 0 <= f.part_of < len(ctx.figures):
                groups.setdefault(f.part_of, set()).add(f.group)
        return {w for w, gs in groups.items() if gs == {ctx.figures[w].group}}
    return ctx.derived("wholes_of_one_group", make, of=ctx.figures)


def _other_tolls(ctx: Context, fs: list[Figure], first: int, primary: list[Figure]) -> list[Figure]:
    """Of ``fs``, the tolls another source gives after the report's own (``primary``, of
    sentence ``first``), each answering it: the count of that outcome told last before it
    (no sum, no part) is one of ``primary``, and its sentence names no place."""
    out = []
    placed, _spoken = _placed_and_spoken(ctx)
    own = {id(f) for f in primary}
    theirs: set[str] | None = None
    for f in fs:
        if f.sentence <= first or f.part_of is not None or f.derived or f.sentence in placed:
            continue
        head = _TOLL_HEAD.match(ctx.text, f.start)     # the figure's own "toll at" of "toll at six"
        if not _ANOTHER_TOLL.search(ctx.text, max(0, f.start - 60), head.end() if head else f.start):
            # ... or a count of the same victims another source tells: "Gunmen killed 15
            # villagers, a local official said. Police said 10 villagers were killed."
            if theirs is None:
                theirs = set().union(*(_speakers_at(ctx, p.start) for p in primary))
            # (the only count of its outcome in its sentence: "the car bomb killed 36, the
            # rockets nine others" splits the toll, under the speaker's other name)
            mine = _speakers_at(ctx, f.start)
            if not mine or not theirs or mine & theirs or f.flag is not None or f.vague or _ALSO.search(f.text) \
                    or _outcome_counts(ctx)[(f.sentence, f.outcome)] > 1:
                continue
        starts, figs = _counts_by_outcome(ctx).get(f.outcome, ((), ()))
        k = bisect.bisect_left(starts, f.start) - 1
        if k >= 0 and id(figs[k]) in own:
            out.append(f)
    return out


def _attributions_by_sentence(ctx: Context) -> dict[int, list[Attribution]]:
    """The attributions over each sentence (a quote may run over several), in text order;
    once a report (bisected: a report of thousands of sentences stays linear)."""
    def make() -> dict[int, list[Attribution]]:
        out: dict[int, list[Attribution]] = {}
        starts = [a for a, _b in ctx.sentences]
        for a in ctx.attributions:
            for k in range(max(0, bisect.bisect_right(starts, a.start) - 1), bisect.bisect_left(starts, a.end)):
                if ctx.sentences[k][1] > a.start:
                    out.setdefault(k, []).append(a)
        return out
    return ctx.derived("attributions_by_sentence", make, of=ctx.attributions)


def _speakers_at(ctx: Context, pos: int) -> set[str]:
    """The names of the sources that assert or allege what the text at ``pos`` tells."""
    return {a.source.name for a in _attributions_by_sentence(ctx).get(ctx.sentence_of(pos), ())
            if a.start <= pos < a.end and a.stance in ("asserts", "alleges")}


def _outcome_counts(ctx: Context) -> collections.Counter:
    """How many counts of each outcome each sentence tells: (sentence, outcome) -> n."""
    return ctx.derived("outcome_counts", lambda: collections.Counter((f.sentence, f.outcome) for f in ctx.figures),
                       of=ctx.figures)


def _counts_by_outcome(ctx: Context) -> dict[str, tuple[list[int], list[Figure]]]:
    """Per outcome, the report's own counts (no sums, no parts) in text order with their
    starts; once a report (each event asks)."""
    def make() -> dict[str, tuple[list[int], list[Figure]]]:
        by: dict[str, tuple[list[int], list[Figure]]] = {}
        for g in sorted(ctx.figures, key=lambda g: g.start):
            if not g.derived and g.part_of is None:
                starts, figs = by.setdefault(g.outcome, ([], []))
                starts.append(g.start)
                figs.append(g)
        return by
    return ctx.derived("counts_by_outcome", make, of=ctx.figures)


def _ranges(ctx: Context, figs: list[Figure], set_aside: list[Figure] | None = None) -> dict[str, Any]:
    """Per victim group, the Range this report gives for the event.

    A report states its toll where it first reports the event (headline, lead); later
    sentences add detail, other strikes or war-wide counts. So ``best`` is the figure of
    the earliest sentence that gives one for the group (the largest there), unless a later
    sentence updates the toll ("the death toll rose to 72"); ``low`` and ``high`` span
    those same figures (``high`` None when the figure is open-ended, "at least"), and
    another source's toll told after them (:func:`_other_tolls`: "A Britain-based monitor
    put the toll at 57").
    A part larger than an exact whole (civilians, combatants, children or women above the
    total), or more than twice an open-ended one ("more than 500" and "523 civilians" agree),
    cannot belong to the same count: the one told later is left out, into ``set_aside``
    ("killing dozens" and then "45 civilians" is no contradiction); so is a civilian count
    told after a larger count of children or women. When a report gives only women and
    children, they are civilians: ``civilians`` is their sum, marked ``derived``.
    """
    by_group: dict[str, list[Figure]] = {}
    for f in figs:
        by_group.setdefault(f.group, []).append(f)
    one_group = _wholes_of_one_group(ctx)
    out: dict[str, Any] = {}
    told_in: dict[str, int] = {}
    chosen_of: dict[str, Figure] = {}
    for group, fs in by_group.items():
        exact = [f for f in fs if not f.vague]
        if exact:
            fs = exact  # "hundreds were killed" yields to the count given later
        first = min(f.sentence for f in fs)
        told_in[group] = first if not all(f.vague for f in fs) else -1   # "dozens" is any count
        primary = [f for f in fs if f.sentence == first]
        updates = [f for f in fs if f.sentence > first and
                   _UPDATE.search(ctx.text[max(0, f.start - 80):f.start + max(0, f.text.find(str(f.best)))])]
        chosen = max(updates, key=lambda f: f.start) if updates else max(
            primary, key=lambda f: (f.best, not f.derived, -f.start))
        if chosen.derived and not updates:
            # a sum of groups told together ("16 civilians and three children": 19) yields
            # to a count of its own that the report tells again ("Sixteen civilians -
            # including three children - were killed")
            again = {f.best for f in ctx.figures if f.group == group and f.sentence > first
                     and not f.derived and f.outcome == chosen.outcome}
            chosen = max((f for f in primary if not f.derived and f.best in again),
                         key=lambda f: (f.best, -f.start), default=chosen)
        pool = primary + updates
        # a part of a whole in the same pool, all of whose parts are of the whole's group
        # ("three police officers" of "three police officers and two attackers", "two of
        # them" of "17 people were killed"), bounds neither end of the whole's range; parts
        # of other groups may overlap ("16 civilians and three children": 16 to 19)
        ids = {id(f) for f in pool}
        pool = [f for f in pool if f.part_of not in one_group or id(ctx.figures[f.part_of]) not in ids] or pool
        lows = [f.low for f in pool if f.low is not None]
        highs = [f.high for f in pool]
        high = None if any(h is None for h in highs) else max(highs)
        if high is not None and high < chosen.best:
            high = chosen.best
        if not updates:
            # another's toll of the event told later spans the range, the report's own still
            # the best ("Twin bombings killed 46 people, state media said. A Britain-based
            # monitor put the toll at 57": 46 to 57), when the toll it answers is the report's
            # own (not another strike's told in between), and it tells of no other place
            for f in _other_tolls(ctx, fs, first, primary):
                lows.append(f.low if f.low is not None else f.best)
                high = None if high is None or f.high is None else max(high, f.high)
        out[group] = {"low": min(lows + [chosen.best]), "best": chosen.best, "high": high, "text": chosen.text}
        chosen_of[group] = chosen
        if chosen.derived:
            out[group]["derived"] = True
        # more of the group told later as more, of no other place and in no one's account ("An
        # Indian soldier was also killed"; not "Five civilians were also killed in similar attacks
        # on Tal Toughan", nor "the Civil Defense said 10 people were also wounded in that attack")
        added = [f for f in fs if f.sentence > first and not updates and f.part_of is None and not f.derived
                 and _ALSO.search(f.text)]
        if added:
            placed, spoken = _placed_and_spoken(ctx)
            added = [f for f in added if f.sentence not in placed and f.sentence not in spoken
                     and not _NOT_TOLD_SO.search(ctx.text, ctx.sentences[f.sentence][0], f.start)]
        if added:
            r = out[group]
            r["low"] += sum(f.low for f in added)
            r["best"] += sum(f.best for f in added)
            r["high"] = None if r["high"] is None or any(f.high is None for f in added) else (
                r["high"] + sum(f.high for f in added))
            r["text"] = "; ".join([r["text"]] + [f.text for f in added])
            r["derived"] = True
    # a part larger than the total: one of the two counts something else ("Air raids kill
    # 18 civilians ... seven others were killed" elsewhere; a lead's "seven people died" and
    # a month's "more than 132 civilians"). The one the report tells later gives way; the
    # caller keeps its figure in the event's flags and flags it in its claim.
    for whole, part in (("total", "civilians"), ("total", "combatants"), ("total", "children"),
                        ("total", "women"), ("civilians", "children"), ("civilians", "women")):
        if part in out and whole in out and told_in[whole] >= 0 and out[part]["best"] > (
                out[whole]["best"] * _OPEN_REACH if out[whole]["high"] is None else out[whole]["best"]):
            later = part if told_in[part] > told_in[whole] else whole
            if whole == "civilians" and later == part:
                continue    # children are not always civilians: only a civilian count told
                            # after them ("at least one teacher") gives way
            del out[later]
            if set_aside is not None:
                set_aside.append(chosen_of[later])
    if "civilians" not in out and "total" not in out and ("women" in out or "children" in out):
        parts = [out[g] for g in ("women", "children") if g in out]
        out["civilians"] = {
            "low": sum(p["low"] for p in parts), "best": sum(p["best"] for p in parts),
            "high": None if any(p["high"] is None for p in parts) else sum(p["high"] for p in parts),
            "text": "; ".join(p["text"] for p in parts), "derived": True,
        }
    return out


def _actors(ctx: Context, d: Draft, actor_s: dict[int, list[ActorMention]], sents: list[int],
            country: str | None) -> list[dict[str, Any]]:
    dictionary = getattr(ctx.resources, "actors", None)
    found = [a for s in sents for a in actor_s.get(s, [])]
    if d.clause is not None:
        # a clause of its own: the actors its sentence names in the other clause are the
        # other account's (not its speakers: "..., the Observatory said")
        cs, ce = d.clause
        found = [a for a in found if not (ctx.sentences[a.sentence][0] <= cs < ctx.sentences[a.sentence][1])
                 or cs <= a.start < ce or a.role_hint == "source"]
    # an act a sentence tells only after naming it someone's crime ("police said they had
    # arrested two men suspected of killing indigenous leader Cristina Bautista, who was shot
    # dead in Cauca"): who is named before the words of the charge arrested, accuses or
    # tells, and did not do it
    if d.type in VIOLENT:
        cut: dict[int, int] = {}
        for t in d.triggers:
            if t.start < cut.get(t.sentence, ctx.sentences[t.sentence][1]):
                cut[t.sentence] = t.start
        charged = ctx.__dict__.setdefault("_marsad_charged", {})     # (each sentence searched once)
        for sent, first in list(cut.items()):
            if sent not in charged:
                # (not who says it was "responsible for a suicide bombing": its doer)
                m = _SUSPECTS.search(ctx.text, *ctx.sentences[sent])
                charged[sent] = m.start() if m is not None and not _RESPONSIBLE_BEFORE.search(
                    ctx.text, max(0, m.start() - 12), m.start()) else -1
            cut[sent] = charged[sent] if 0 <= charged[sent] <= first else -1
        if any(c > 0 for c in cut.values()):
            found = [a for a in found if a.start >= cut.get(a.sentence, -1)]
    mentions = as_in(found, dictionary, country, ctx.country_context)
    return assign_roles(d.type, same_force(mentions, dictionary), d.sub_type)


#: a statement's stance as a claim about the event it tells: accusing someone of the act
#: alleges the act ("the government accused Turkey of shelling the town, killing three");
#: condemning it presupposes it ("Amnesty condemned the execution of four men"); a vow
#: claims nothing that happened
_CLAIM_STANCE = {"asserts": "asserts", "alleges": "alleges", "denies": "denies",
                 "accuses": "alleges", "condemns": "asserts"}


def _claims(ctx: Context, d: Draft, sents: list[int], att_s: dict[int, list[Attribution]],
            figs: list[Figure], aside: list[Figure] = ()) -> list[dict[str, Any]]:
    claims, seen = [], set()

    def add(sentences) -> None:
        for s in sentences:
            for a in att_s.get(s, []):
                key = (a.source.name, a.start, a.end)
                stance = _CLAIM_STANCE.get(a.stance)
                if key in seen or stance is None:
                    continue
                seen.add(key)
                claims.append(_claim(ctx, a.source.name, a.source.type, stance, a.start, a.end, figs, aside=aside))
    add(sents)
    # a claim of responsibility told after the event ("Al-Shabaab claimed responsibility for
    # the attack") is the group's claim of it, beside whoever told the event
    claimed = [s for s in sorted(d.claim_sentences) if s not in sents]
    if not claims and sents:
        s, e = ctx.sentences[min(sents)]
        outlet = ctx.meta.get("outlet")
        registry = getattr(ctx.resources, "sources", None)
        known = registry.outlet(outlet) if registry is not None and isinstance(outlet, str) else None
        if not outlet and registry is not None:
            known = _dateline_outlet(ctx, registry)   # "DAMASCUS (Reuters) -"
        if known is not None:      # "sana" is SANA, a state outlet
            name, typ = known.name, known.type
        else:
            name, typ = (outlet, "media") if outlet else ("unknown", "unknown")
        claims.append(_claim(ctx, name, typ, "asserts", s, e, figs, outlet_itself=True, aside=aside))
    add(claimed)
    return claims


def _dateline_outlet(ctx: Context, registry):
    """The outlet the report's dateline names (read once per document, not per event)."""
    if "_marsad_dateline_outlet" not in ctx.__dict__:
        ctx.__dict__["_marsad_dateline_outlet"] = dateline_outlet(ctx.text, registry)
    return ctx.__dict__["_marsad_dateline_outlet"]


def _claim(ctx: Context, name: str, typ: str, stance: str, start: int, end: int,
           figs: list[Figure], outlet_itself: bool = False, aside: list[Figure] = ()) -> dict[str, Any]:
    for ms, me in sorted(ctx.masked):
        if start <= ms < end:
            end = ms  # evidence never runs into page furniture
            break
    while end > start and ctx.text[end - 1].isspace():
        end -= 1
    inside = [f for f in figs if start <= f.start < end]
    c: dict[str, Any] = {"source": {"name": name, "type": typ}, "stance": stance,
                         "start": start, "end": end, "text": ctx.text[start:end]}
    if inside:
        c["figures"] = [{"outcome": f.outcome, "group": f.group, "low": f.low, "best": f.best,
                         "high": f.high, "text": f.text, "derived": f.derived, **({"vague": True} if f.vague else {})}
                        for f in inside]
        for f, row in zip(inside, c["figures"]):
            if any(f is g for g in aside):
                row["flag"] = "inconsistent"   # left out of the event: reconciliation skips it too
    if outlet_itself:
        c["unattributed"] = True
    return c


def _violent_triggers(ctx: Context) -> tuple[list[int], list[Trigger]]:
    """The violent triggers in text order and their starts (computed once per document)."""
    def make() -> tuple[list[int], list[Trigger]]:
        violent = sorted((t for t in ctx.triggers if t.type in VIOLENT), key=lambda t: t.start)
        return [t.start for t in violent], violent
    return ctx.derived("violent_triggers", make, of=ctx.triggers)


def _route(ctx: Context, f: Figure, sent: int, default_type: str, kinds: set[str]) -> str:
    """The event type a figure in a sentence with several kinds of violence (``kinds``: the
    types of its events) belongs to: the type of a trigger inside or right beside the
    figure's phrase, else by victim group; beside a protest only, the attack's."""
    starts, violent = _violent_triggers(ctx)
    k = bisect.bisect_left(starts, f.start - 3)
    while k < len(starts) and starts[k] <= f.end + 3:
        if violent[k].sentence == sent:
            return violent[k].type
        k += 1
    if f.group in ("civilians", "children", "women") or not kinds & (VIOLENT - {"violence_against_civilians"}):
        return "violence_against_civilians"
    return default_type if default_type != "violence_against_civilians" else "battles"


_NONLETHAL_PROTESTS = frozenset({"peaceful_protest", "protest_with_intervention"})


def _protest_sub_type(sub_type: str | None, fatalities: dict[str, Any], actors: list[dict[str, Any]],
                      lethal: bool = False) -> str | None:
    """A protest's sub-type kept to ACLED's definitions: peaceful protests and protests with
    intervention have no dead, so protesters killed where the state's forces were are
    excessive force against protesters (who killed whom is left to the words: the forces are
    its perpetrator only by default; ``lethal``: a count over the protests' days told
    protesters killed); a peaceful protest the state's forces acted against
    ("as police fired tear gas", "police detained dozens") is one with intervention."""
    if sub_type in _NONLETHAL_PROTESTS and (lethal or any(r.get("best") for r in fatalities.values())) \
            and any(a["category"] in STATE_CATEGORIES for a in actors):
        return "excessive_force_against_protesters"
    if sub_type == "peaceful_protest" and any(a["role"] == "perpetrator" and a["category"] in STATE_CATEGORIES
                                              for a in actors):
        return "protest_with_intervention"
    return sub_type


#: words of violence against people who cannot fight back, whoever they are: captured
#: soldiers executed, a policeman abducted, detainees tortured
_DEFENCELESS = re.compile(r"\b(?:execut\w*|behead\w*|tortur\w*|abduct\w*|kidnap\w*|captur\w*|"
                          r"hostages?|captives?|detainees?|prisoners?|off-duty|unarmed)\b", re.IGNORECASE)


def _armed_on_armed(ctx: Context, d: Draft, fatalities: dict[str, Any], actors: list[dict[str, Any]]) -> bool:
    """An attack whose doers and targets all bear arms is a battle, as ACLED defines violence
    against civilians as violence against the unarmed: "Taliban fighters stormed a police
    checkpoint, killing seven policemen", "Israeli troops shot dead two Palestinian
    gunmen". Not when civilians are among its dead, nor when its words tell of captives or
    executions (violence against the defenceless is violence against civilians)."""
    if d.type != "violence_against_civilians" or d.sub_type != "attack":
        return False
    targets = [a for a in actors if a["role"] == "target"]
    doers = [a for a in actors if a["role"] == "perpetrator"]
    if not targets or not doers or not all(a["category"] in BEARS_ARMS for a in targets + doers):
        return False
    if any((fatalities.get(g) or {}).get("best") for g in ("civilians", "children", "women")):
        return False
    return not any(_DEFENCELESS.search(ctx.text, *ctx.sentences[s]) for s in d.sentences)


def _ambushed_unarmed(d: Draft, fatalities: dict[str, Any], actors: list[dict[str, Any]]) -> bool:
    """An ambush of the unarmed is an attack on civilians, not a battle: "an indigenous
    leader was killed in an ambush by illegal loggers" (an ambush is one-sided, unlike
    clashes or fighting, in which civilians caught are a battle's). Not when a second armed
    actor is named or combatants died."""
    if d.type != "battles" or d.sub_type != "armed_clash":
        return False
    if not all(t.text.lower().startswith("ambush") for t in d.triggers if t.type == "battles"):
        return False
    if len({a["name"] for a in actors if a["category"] in BEARS_ARMS}) > 1 \
            or (fatalities.get("combatants") or {}).get("best"):
        return False
    return any((fatalities.get(g) or {}).get("best") for g in ("civilians", "children", "women")) \
        or any(a["role"] == "target" and a["category"] == "civilians" for a in actors)


#: the words of a place taken, not only fought over or advanced on ("advanced towards",
#: "the liberation of Raqqa" tell an aim)
_CHANGED_HANDS = re.compile(r"(?:re)?captured|seized|took|taken|overran|overrun|retook|retaken|regained|"
                            r"restored|liberated", re.IGNORECASE)
#: "liberated" before a noun of places is what a side calls its ground, not a place taken
#: ("shelling of the liberated areas")
_LIBERATED_GROUND = re.compile(r"\s+(?:areas?|territor(?:y|ies)|regions?|zones?|parts?|lands?|north|south)\b",
                               re.IGNORECASE)


def _changed_hands(text: str, t: Trigger) -> bool:
    """The trigger tells a place taken ("captured", "liberated the town"), not only fought
    over or advanced on."""
    if not _CHANGED_HANDS.match(t.text):
        return False
    return not (t.text.lower() == "liberated" and _LIBERATED_GROUND.match(text, t.end))


#: characters between a taker named as the subject and its verb ("Syrian government
#: forces and allied militias captured")
_SUBJECT_REACH = 60
#: who overtakes territory when it is not the state (militias may fight for the state or
#: against it: the verb's sub-type stays)
_NON_STATE_TAKERS = frozenset({"rebel_group", "jihadist_group", "unknown"})


def _territory_sub_type(ctx: Context, d: Draft, actors: list[dict[str, Any]]) -> str | None:
    """Who took the place decides ACLED's sub-type, not the verb: a town "captured" by the
    army is government regaining territory, one "recaptured" by rebels a non-state actor
    overtaking it. The taker is the armed actor named as the verb's subject (the nearest
    before it in its sentence, within :data:`_SUBJECT_REACH`). Foreign forces, militias,
    and a taker the report does not name so ("the government's recapture of Aleppo ...
    rebel groups maintain a presence"), keep the verb's."""
    sub_type = d.sub_type
    if d.type != "battles" or sub_type not in TERRITORY:
        return sub_type
    for t in d.triggers:
        if t.sub_type not in TERRITORY:
            continue
        before = sorted((m for m in ctx.actors if m.sentence == t.sentence and m.end <= t.start),
                        key=lambda m: m.start)
        if not before:
            continue
        takers = _takers(ctx.text, before)
        taker = takers[-1]
        if t.start - taker.end > _SUBJECT_REACH or taker.role_hint in ("yields", "target"):
            continue
        kinds = {m.category for m in takers}
        if "state_forces" in kinds and not kinds & _NON_STATE_TAKERS:
            # "Syrian troops and allied militiamen captured": the state's forces, with help
            return "government_regains_territory"
        if kinds & _NON_STATE_TAKERS and "state_forces" not in kinds:
            return "non_state_actor_overtakes_territory"
        return sub_type
    return sub_type


def _takers(text: str, before: list[ActorMention]) -> list[ActorMention]:
    """The actors named as one subject right before a verb: the last actor and those joined
    to it ("Syrian troops and allied militiamen"), or, when one backs a force named before
    it with its arms, that force alone ("regime forces backed by regime and Russian air
    strikes retook": the forces, not the Russian jets). ``before``: mentions in text order."""
    k = len(before) - 1
    first, backed = k, False
    while first > 0 and before[first].conjunct:
        if BACKED_GAP.match(text, before[first - 1].end, before[first].start):
            backed = True
        first -= 1
    return [before[first]] if backed else before[first:]


_DEMONSTRATION_WORD = re.compile(r"protest|demonstrat|rall(?:y|ies)|march", re.IGNORECASE)


def _armed_riot(d: Draft, fatalities: dict[str, Any], injured: dict[str, Any],
                actors: list[dict[str, Any]]) -> tuple[str, str] | None:
    """The (type, sub-type) of a riot whose doers are an organised armed group, with no
    crowd among its actors (ACLED's riots are the violence of crowds): an attack when it
    harmed civilians ("armed men set fire to a church, killing 14 worshippers"), else the
    destruction of property ("Government troops and allied militias torched homes in three
    villages"); None for a crowd's riot."""
    if d.type != "riots" or any(a["category"] in ("protesters", "rioters") for a in actors) \
            or any(_DEMONSTRATION_WORD.search(t.text) for t in d.triggers):
        return None     # ("arrested 23 members after violent protests": the protesters' riot)
    doers = [a for a in actors if a["role"] == "perpetrator"]
    if not doers or not all(a["category"] in ARMED_CATEGORIES or a["category"] == "unknown"
                            and (_ARMED_UNKNOWN.search(a["text"] or "") or _ARSON_DOERS.search(a["text"] or ""))
                            for a in doers):
        return None
    harmed = any((r.get(g) or {}).get("best") for r in (fatalities, injured)
                 for g in ("civilians", "children", "women", "total"))
    if harmed or any(a["role"] == "target" and a["category"] == "civilians" for a in actors):
        return "violence_against_civilians", "attack"
    return "strategic_developments", "looting_property_destruction"


#: between a group and "claimed responsibility": it did not ("has not claimed", "has yet to")
_NOT_CLAIMED = re.compile(r"\b(?:not|never|yet|no|denied|denies)\b|n['’]t\b", re.IGNORECASE)


def _claimed_by(ctx: Context, d: Draft, actors: list[dict[str, Any]], actor_s: dict[int, list[ActorMention]]
                ) -> list[dict[str, Any]]:
    """An attack that a named group claimed responsibility for (:func:`_attach_responsibility`,
    or in a sentence of the event: "Islamic State claimed responsibility for the twin
    blasts") is that group's: the unidentified attackers its account named ("two suicide
    bombers") are its own, no other perpetrator."""
    claimants = {m.name for s in d.claim_sentences for m in actor_s.get(s, ())
                 if m.role_hint == "perpetrator" and m.category != "unknown"}
    claimants |= {m.name for s in d.sentences for m in actor_s.get(s, ())
                  if m.role_hint == "perpetrator" and m.category != "unknown"
                  and (r := _RESPONSIBILITY.search(ctx.text, m.end, min(len(ctx.text), m.end + 40)))
                  and not _NOT_CLAIMED.search(ctx.text, m.end, r.start())}
    if not claimants or not any(a["role"] == "perpetrator" and a["name"] in claimants for a in actors):
        return actors
    return [a for a in actors if not (a["role"] == "perpetrator" and a["category"] == "unknown")]


def _share_of(f: Figure, k: int, n: int) -> Figure:
    """The share of the figure ``f`` the ``k``-th of ``n`` places told together takes: an
    even share (the remainder to the first), at least none and at most the whole; derived,
    with the figure's own words."""
    best = f.best // n + (f.best % n if k == 0 else 0)
    return replace(f, low=0, best=best, derived=True)


def _build_event(ctx: Context, d: Draft, n: int, place_s, fig_s, actor_s, att_s,
                 main_date: dict | None, mixed: dict[int, set[str]]) -> dict[str, Any]:
    sents = sorted(set(d.sentences) | set(d.figure_sentences))
    told = sorted(set(sents) | set(d.claim_sentences))  # the claimant's sentence is evidence too
    figs_all = []
    for s in sents:
        for f in fig_s.get(s, []):
            if s in d.figure_sentences and s not in d.sentences and d.figure_groups is not None \
                    and f.group not in d.figure_groups:
                continue
            if s in mixed and s in d.sentences and _route(ctx, f, s, d.type, mixed[s]) != d.type:
                continue
            figs_all.append(f)
    if d.clause is not None:
        # a clause of its own ("... killed five people in Kirkuk while a roadside bomb killed
        # two soldiers in Mosul"): its sentence's figures in that clause only
        cs, ce = d.clause
        figs_all = [f for f in figs_all if not (ctx.sentences[f.sentence][0] <= cs < ctx.sentences[f.sentence][1])
                    or cs <= f.start < ce]
    elif d.anchor_place is not None:
        # a figure in a sentence naming several towns belongs to none of them alone: each
        # town's event takes an even share of it, as ACLED divides a toll told for several
        # places (the remainder to the first), from none to the whole
        # (unless the town's own count of that outcome is told elsewhere: "In Kafr Batna,
        # seven people were killed")
        shared = [f for f in figs_all if f.sentence in d.sentences]
        figs_all = [f for f in figs_all if f.sentence not in d.sentences]
        if d.share is not None:
            counted = {f.outcome for f in figs_all if f.flag is None}
            figs_all += [_share_of(f, *d.share) for f in shared if f.outcome not in counted]
    else:
        # a count told of another place ("... and 5 in Aleppo") is that place's event's
        figs_all = [f for f in figs_all if not f.elliptic]
    if d.type == "strategic_developments":
        # ACLED's strategic developments have no fatalities: the dead told beside an arrest
        # are a violent event's
        figs_all = [f for f in figs_all if f.outcome not in ("killed", "injured")]
    ok = [f for f in figs_all if f.flag is None]
    flags = [{"text": f.text, "flag": f.flag, "start": f.start, "end": f.end}
             for f in figs_all if f.flag is not None]
    set_aside: list[Figure] = []
    fatalities = _ranges(ctx, [f for f in ok if f.outcome == "killed"], set_aside) or {}
    injured = _ranges(ctx, [f for f in ok if f.outcome == "injured"], set_aside) or {}
    flags += [{"text": f.text, "flag": "inconsistent", "start": f.start, "end": f.end} for f in set_aside]
    loc, extra = _pick_location(ctx, d, place_s, is_main=n == 1)
    country = loc.country if loc is not None else None
    actors = _actors(ctx, d, actor_s, told, country)
    if d.type == "protests":
        # protesters killed over the days of the protests the event is one of ("killing more
        # than 150 people since the start of the protests") tell the force used, not its dead
        own = {t.sentence for t in d.triggers}
        over_days = any(f.flag == "cumulative" and f.outcome == "killed" and f.sentence in own for f in figs_all)
        sub_type = _protest_sub_type(d.sub_type, fatalities, actors, lethal=over_days)
        if sub_type != d.sub_type:
            d.sub_type = sub_type   # the roles depend on it: protesters are targets now
            actors = _actors(ctx, d, actor_s, told, country)
    if (recoded := _armed_riot(d, fatalities, injured, actors)) is not None:
        d.type, d.sub_type = recoded
        actors = _actors(ctx, d, actor_s, told, country)
    if _armed_on_armed(ctx, d, fatalities, actors):
        d.type, d.sub_type = "battles", "armed_clash"   # sides now, not perpetrator and target
        actors = _actors(ctx, d, actor_s, told, country)
    elif _ambushed_unarmed(d, fatalities, actors):
        d.type, d.sub_type = "violence_against_civilians", "attack"
        actors = _actors(ctx, d, actor_s, told, country)
    elif d.type == "battles" and any(a["role"].startswith("side") and a["category"] in ("civilians", "protesters")
                                     for a in actors) \
            and len({a["name"] for a in actors if a["category"] in BEARS_ARMS}) <= 1:
        # ACLED's battles are between armed groups: "clashes between masked activists and
        # police officers", with no other armed side, are a riot, a demonstration's when
        # protesters (students, workers) were a side
        protest = any(a["category"] == "protesters" or a["text"].lower().endswith(
            ("activists", "demonstrators", "students", "workers")) for a in actors if a["role"].startswith("side"))
        d.type, d.sub_type = "riots", "violent_demonstration" if protest else "mob_violence"
        actors = _actors(ctx, d, actor_s, told, country)
    if d.sub_type == "abduction_forced_disappearance" and fatalities:
        # ACLED: an abduction with fatalities reported is coded as an attack ("abducted
        # outside his home ... and found dead hours later")
        d.sub_type = "attack"
    d.sub_type = _territory_sub_type(ctx, d, actors)
    actors = _claimed_by(ctx, d, actors, actor_s)
    event: dict[str, Any] = {
        "id": f"e{n}",
        "type": d.type,
        "sub_type": d.sub_type,
        "date": _pick_date(ctx, d, main_date),
        "location": _location_dict(loc, ctx),
        "extra_locations": [_location_dict(p, ctx) for p in extra],
        "actors": _unidentified(ctx, d, actors),
        "fatalities": fatalities,
        "injured": injured,
        "claims": _claims(ctx, d, sents, att_s, ok, set_aside),
        "triggers": [{"text": t.text, "start": t.start, "end": t.end} for t in d.triggers[:5]],
        "sentences": [[ctx.sentences[s][0], ctx.sentences[s][1]] for s in told],
    }
    if flags:
        event["flags"] = flags
    return event
