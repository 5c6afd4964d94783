"""Stage ``places``: find place mentions and resolve them against the gazetteer.

Candidates are the model's GPE/LOC/FAC entities, its ORG/PERSON/NORP entities whose
text is a gazetteer name (the model mislabels Syrian villages; after "the town / village
/ city / district ... of" such an entity counts as a place entity), and runs of
capitalised words (with Arabic article particles such as ``al-``/``ez-``) looked up in
the gazetteer.

Resolution has two passes. The first finds the report's country context: countries,
provinces and sizeable cities named without a country hint, and demonyms ("Syrian"),
vote for their country, mentions in the first sentences counting more. The second
resolves every candidate with that country ranked first, so "Aleppo" or "Tripoli"
in a report about Syria or Lebanon is the local one. A name followed by the province or
country that holds it ("the town of Ariha in Idlib", "Paris, Texas"; not a list, "Daraa,
Idlib and Hama") is the town there, and its vote goes to the country that holds it.

False positives are kept out by general rules: names in ``geo/data/common_words.txt``
(weekdays, months, news words, given names) and English stop words are never places;
a place smaller than a city is accepted only in the report's country (or when the
model itself labelled it a place); person and organisation entities only when they
resolve inside the report's country; a name a title gives anywhere in the report or its
headline ("Governor Bello") is that person wherever it stands alone (:func:`titled_names`),
and a full name the model calls a person once is a person wherever it recurs ("Aung San
Suu Kyi": no town "Aung San" in it). A town the text puts in a province of the report's
country ("Oban village in Cross River State") is not a town abroad that has its name
among alternate names (Auburn, USA), nor a namesake in another province ("Tal Malah in
Hama province" is no Malah of Sweida): left unresolved, the province places the event.
A name shared with places abroad by their alternate names only votes for its country in
full ("Hama" is no less Syria's for being an alternate name of a Japanese town).

Phrases around a name set the ACLED geo precision and the anchor:

====================================================  =========  ==================
phrase                                                precision  anchored on
====================================================  =========  ==================
a town or village named ("in Jableh")                 1          the town
"near X", "outskirts of X", "outside X", "eastern X",  2          X (a town), or the
"X countryside", "rural X", "X district", a region                province when X is
                                                                 a province
"X province/governorate", a bare province name        3          the province
a country alone                                       3          country, admin1 null
====================================================  =========  ==================

Each :class:`~marsad.extract.base.Place` spans the whole phrase ("Latakia's countryside").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from ..geo.build import BIG_TOWN, TOWN
from ..geo.countries import subdivision_kind
from ..geo.distance import haversine_km
from ..geo.gazetteer import LOCAL_FEATURES
from ..geo.normalize import ALT_NAME_SIMILARITY, similarity
from .actors import index_matches
from .base import PLACE_NAME_TAIL, Context, CueBefore, Place, Within, component
from .cues import CARRIED, PATRON, ROUTE, cue_before
from .dates import MONTH_NAMES, WEEKDAY_NAMES
from .numbers import words_value

# -- candidate spans ---------------------------------------------------------------------

_PARTICLE = r"(?:al|el|as|ad|ar|ash|at|az|ez|an|ad-dh|adh|ath|es|ed|et|er)[-‐]"
#: prepositions before a place ("in", "west of", "outside the")
PLACE_PREPOSITIONS = r"in|near|at|from|outside|of|to|into|towards|around|across"
_COMPASS_TAIL = r"\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?$"
#: ... and "on": the words before a lower-case "al-Bab" that make it a place
_LOCATIVE_BEFORE = re.compile(rf"\b(?:on|{PLACE_PREPOSITIONS}){_COMPASS_TAIL}", re.IGNORECASE)
#: a name after an Arabic article written in lower case: "al-Bab", "ar-Raqqa"
_PARTICLE_NAME = re.compile(_PARTICLE + r"[A-Z]")
#: lower-case words inside a name: "Aqareb es Safi", "Tell ad Daman", "Beit ibn Yusuf"
_LINKING = r"(?:al|el|as|ad|ar|ash|az|es|ed|ez|an|um|umm|bin|ibn|bani|abu|de|du|la)"
#: ... of which these are never English words: after them comes the end of a longer name
_NAME_PARTICLE = r"(?:al|el|ash|ad|ar|az|es|ed|ez|um|umm|bin|ibn|bani|abu)"
_NAME_BEFORE = re.compile(rf"[A-Z][\w'’-]*\s+(?:{_NAME_PARTICLE}\s+|(?i:{_PARTICLE}))$")
#: a title before a person's name: "Governor Bello", "President Kenya"... is a person
_HONORIFIC_BEFORE = re.compile(
    r"\b(?:Governor|Gov\.|President|Minister|Senator|Sen\.|General|Gen\.|Colonel|Col\.|Major|"
    r"Captain|Capt\.|Lieutenant|Lt\.|Sergeant|Sgt\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sheikh|Imam|Bishop|"
    r"Father|Judge|Justice|Commissioner|Mayor|Chief|Prince|Princess|King|Queen|Emir|Sultan|Pope)\s+$")
_CAPWORD = rf"(?:{_PARTICLE})?[A-Z][\w'’‘`ʿ-]*"
_LINK = r"(?:\s+|-)"
#: runs of capitalised words, allowing lower-case particles ("Ain al-Arus", "Deir ez-Zor")
CAP_RUN = re.compile(
    rf"(?<![\w-]){_CAPWORD}(?:{_LINK}(?:{_LINKING}\s+)?{_CAPWORD}){{0,4}}")

MAX_NGRAM = 5
ENTITY_PLACES = frozenset({"GPE", "LOC", "FAC"})
ENTITY_MAYBE = frozenset({"ORG", "PERSON", "NORP"})

# -- precision phrases -------------------------------------------------------------------

_BEFORE_NEAR = re.compile(
    r"(?:\b(?:near(?:by)?|nearby|close\s+to|outside(?:\s+of)?|(?:the\s+)?(?:outskirts|suburbs|edge|"
    r"vicinity|environs|countryside|periphery|surroundings)\s+of|on\s+the\s+(?:outskirts|edge)\s+of|"
    r"(?:the\s+)?(?:rural|countryside\s+of|(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?)"
    r"(?:\s+part\s+of|\s+of)?|(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"\s+of))\s+(?:the\s+(?:(?:city|town|village|area)\s+of\s+)?)?)$",
    re.IGNORECASE)
#: names listed before the one at hand: "Latakia and ", "Daraa, Idlib and "
_LISTED_BEFORE = r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?:\s*,\s*|\s+and\s+))"
#: ... the second of a list after such words: "the countryside of Idleb and Hama"
_BEFORE_AREA_LISTED = re.compile(
    rf"\b(?i:the\s+)?(?i:countryside|countrysides|outskirts|rural\s+areas|suburbs)\s+(?i:of)\s+{_LISTED_BEFORE}+$")
_AFTER_AREA = re.compile(
    r"^(?:['’]s|s)?\s+(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?\s+)?"
    r"(?:countryside|outskirts|suburbs?|environs|surroundings|"
    r"district|area|region|plains?|desert|hinterland|rural\s+areas?)\b", re.IGNORECASE)
_AFTER_PROVINCE = re.compile(
    r"^(?:['’]s)?\s+(?:province|governorate|governate|governorates|provinces|muhafaza|"
    r"state|county|counties|region\s+of\s+\w+|departments?(?!\s+of\b))\b", re.IGNORECASE)
_BEFORE_PROVINCE = re.compile(
    r"(?:\b(?i:the\s+)?(?i:province|governorate|state|region|department)(?i:s)?\s+(?i:of)\s+"
    rf"(?P<listed>{_LISTED_BEFORE}*))$")
#: ... of several provinces: "the provinces of Latakia and Tartus"
_PLURAL_PROVINCE_WORD = re.compile(r"(?:province|governorate|state|region|department)s\s", re.IGNORECASE)
#: after a place name that only qualifies someone: "Damascus-backed forces", "a
#: London-based monitor", "a UK-based media watchdog" (no event there, no vote for its country)
QUALIFIER = re.compile(r"[-‐]\s?(?:backed|based|led|allied|aligned|funded|supported|affiliated|born|"
                       r"headquartered|sponsored|linked)\b", re.IGNORECASE)
#: after a city that says where a report was filed: "Washington: ...", "BEIRUT (Reuters) - ..."
#: ... with its country or state: "Aleppo, Syria - At least 25 ...", "KYIV, Ukraine (AP) —"
#: the date a wire gives after the city it was filed from: "Mexico City, Sept 3 (EFE).-"
_FILED_DATE = r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:,?\s+\d{4})?))?"
_FILED_AT_IN = re.compile(r",\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}" + _FILED_DATE +
                          r"(?:\s*\([A-Za-z .]{1,30}\))?\.?\s*[:–—-]\s+[A-Z]")
_FILED_AT = re.compile(_FILED_DATE + r"(?:,?\s*\([A-Za-z .]{1,30}\))?\.?\s*[:–—-]\s+[A-Z]")
#: a country named as where something happened ("in Syria", "in northern Syria", "in N. Syria")
_IN_COUNTRY = re.compile(
    r"\b(?:in|inside|across|throughout)\s+(?:the\s+)?(?:(?:(?:north|south)-?(?:east|west)?|east|west)(?:ern)?\s+|"
    r"[NSEW]\.\s*)?$", re.IGNORECASE)
#: before a place where someone lived away from home: "lured back from exile in France",
#: "granted asylum in Sweden", "had lived in Germany" (a life's place, not an event's; read
#: by events); not where people live now ("Syrians living in Lebanon were attacked")
EXILE_BEFORE = (r"\b(?:exile|asylum|refuge)\s+in\s+(?:the\s+)?$|"
                r"\b(?:(?:had|once|previously|formerly)\s+lived|settled)\s+in\s+(?:the\s+)?$")
_EXILE_BEFORE = re.compile(EXILE_BEFORE, re.IGNORECASE)
#: before a place where someone studies or teaches: "a PhD student at Leeds University",
#: "a lecturer at the University of Ibadan" (a life's place, no vote for the report's
#: country; read by events)
STUDIED_AT_BEFORE = (r"\b(?:student|students|lecturer|professor|researcher|scholar|graduate|fellow|academic|"
                     r"alumnus|alumna)\s+(?:at|of)\s+(?:the\s+)?(?:University\s+of\s+)?$")
_STUDIED_AT_BEFORE = re.compile(STUDIED_AT_BEFORE, re.IGNORECASE)
#: after a state that does to someone what a state does at home: "Iran executed dissident
#: journalist Ruhollah Zam", "Egypt has jailed": where it was done
_HOME_ACT_AFTER = re.compile(r"\s+(?:has\s+|have\s+|had\s+|on\s+\w+\s+)?(?:executed|hanged|arrested|detained|jailed|"
                             r"imprisoned|sentenced|convicted|tortured|deported)\b")
#: a country named as a neighbour ("near Lebanon", "the border with Turkey", "from Iraq")
_NEAR_COUNTRY = re.compile(
    r"\b(?:near|towards?|from|border\s+with|borders?\s+of|close\s+to|into|"
    r"(?:deal|agreement|accord|treaty|talks|negotiations|relations|ties|dispute)\s+with)\s+(?:the\s+)?$",
    re.IGNORECASE)
_BEFORE_ARTICLE = re.compile(r"(?:\bthe\s+)$", re.IGNORECASE)
#: before a state or its capital named as a side's patron ("rebels backed by Turkey",
#: "militias loyal to Damascus"): who backs, not where (read by events)
PATRON_BEFORE = PATRON + r"\s+(?:the\s+)?$"
_PATRON_BEFORE = re.compile(PATRON_BEFORE, re.IGNORECASE)
#: before where the wounded or dead were carried ("the wounded were taken to a hospital in
#: Reyhanli", "victims brought to Turkey", "rushed to hospitals in"): not where it happened
_CARRIED_TO = re.compile(CARRIED + r"\s+(?:an?\s+|the\s+)?"
                         r"(?:(?:\w+\s+){0,2}?(?:hospitals?|clinics?|medical\s+(?:cent(?:er|re)s?|facilit(?:y|ies)|points?))"
                         r"\s+(?:in|at|across|inside|near)\s+(?:the\s+)?(?:\w+\s+)?)?$", re.IGNORECASE)


#: after a people's word, a border ("near the Turkish border", "the Syrian-Turkish frontier"):
#: the border of two countries, which says little of which side
_BORDER_AFTER = re.compile(r"(?:[\s-]+[A-Z][a-z]+)?\s+(?:border|borders|frontier)\b"
                           # (not "a Syrian border town", "Turkish border guards": the people's own)
                           r"(?!\s+(?:town|village|city|district|province|region|area|post|posts|guards?|"
                           r"police|forces|troops|patrols?|crossings?|gates?|points?|camps?|base)\b)")


#: the course of a journey (:data:`~marsad.extract.cues.ROUTE`): where someone came from or
#: was headed
_ROUTE_BEFORE = re.compile(ROUTE + r"\s+(?:from|to|for)\s+(?:the\s+)?"
                           # (the names between "from" and "to" are capitalised: "from Athens to")
                           r"(?:[A-Z][\w'’-]*\s+){0,3}(?:(?:to|for)\s+(?:the\s+)?)?$")


def route_cue(ctx: Context) -> CueBefore:
    """Whether a place is an end of a journey told (read by places and events)."""
    return cue_before(ctx, "route", _ROUTE_BEFORE, 60)


def carried_to_cue(ctx: Context) -> CueBefore:
    """Whether a place is where the wounded or dead were carried (read by places and events)."""
    return cue_before(ctx, "carried", _CARRIED_TO, 70)


#: after a people's word, arms that strike from afar ("Israeli jets", "Russian warplanes",
#: "US drones", "Turkish artillery"): the attacker's nationality, which says little of
#: where they struck
_STRIKES_FROM_AFAR = re.compile(
    r"(?:[\s-]+(?:led|backed))?(?:\s+(?:fighter|war|coalition|military|army))?\s+"
    r"(?:jets?|warplanes?|planes?|aircraft|air\s*force|air\s*strikes?|airstrikes?|air\s*raids?|drones?|"
    r"missiles?|rockets?|helicopters?|gunships?|bombers?|warships?|navy|naval\s+forces|artillery|"
    r"strikes|raids|bombardments?|shelling|bombings)\b",
    re.IGNORECASE)

LOCAL = LOCAL_FEATURES   # the features of a town or a site, as the gazetteer tells them
#: a town abroad this large is a place even when the model calls it no place
WORLD_CITY = 1_000_000
#: how far from the report's own places a town abroad smaller than a city may lie
NEAR_ABROAD_KM = 500
REGIONAL = frozenset({"admin1", "region", "admin2"})


def _stopwords() -> frozenset[str]:
    global _STOP
    if _STOP is None:
        try:
            from spacy.lang.en.stop_words import STOP_WORDS
        except ImportError:  # pragma: no cover - spaCy is a dependency
            STOP_WORDS = set()
        from ..geo.gazetteer import common_words

        _STOP = frozenset({w.lower() for w in STOP_WORDS} | common_words())
    return _STOP


_STOP: frozenset[str] | None = None


class _Cand:
    __slots__ = ("start", "end", "text", "label", "matches", "demonym", "free")

    def __init__(self, start: int, end: int, text: str, label: str | None):
        self.start, self.end, self.text, self.label = start, end, text, label
        self.matches: list = []
        self.free: list = []        # matches without the report's country ranked first
        self.demonym: str | None = None


#: a preposition that opens a sentence and the model's place entity: "At Westminster"
_LEAD_PREPOSITION = re.compile(r"(?:At|In|On|From|Near|Outside|Inside|Around|Across|Throughout)\s+")


def _leading_preposition(seg: str, match) -> int:
    """The length of a preposition opening ``seg`` that is not part of the place's name
    ("At Westminster": lookup keys drop "at", an Arabic article; "In Salah" keeps "In")."""
    lead = _LEAD_PREPOSITION.match(seg)
    if lead is None or match.name.lower().startswith(lead.group(0).lower()):
        return 0
    return lead.end()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to the name: no leading "the", trailing possessive or punctuation."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    seg = text[start:end]
    if seg.lower().startswith("the "):
        start += 4
    if text[end - 2:end] in ("'s", "’s"):
        end -= 2
    return start, end


def _lookup(gaz, text: str, country: str | None, fuzzy: bool = False) -> list:
    """Matches of a surface form; tries the form without a stripped-apostrophe possessive
    ("Aleppos outskirts", "Syrias Idlib province") when the form itself is unknown, then
    (``fuzzy``, with a country) its transliteration skeleton inside the country."""
    m = gaz.lookup(text, country)
    facility = _FACILITY_END.search(text) if m and not m[0].exact else None
    if facility is not None:
        head = text[:facility.start()]
        if any(x.exact for x in gaz.lookup(head, None)[:1]):
            # "Aberdeen Harbour", an alternate name of Hong Kong's Aberdeen only: the
            # harbour of an Aberdeen, which the report's context tells like any other
            return []
    if m:
        return m
    if len(text) > 4 and text.endswith("s") and not text.endswith("ss"):
        # by a name of its own, not an alternate spelling ("Marshals" is no Marshall)
        m = gaz.lookup(text[:-1], country)
        m = [x for x in m if (x.feature not in LOCAL or x.population >= TOWN) and x.exact]
        if m:
            return m
    if fuzzy and country:
        return gaz.lookup_fuzzy(text, country)
    return []


#: words before a name that make it a place: "in", "near", "west of", "outside the"
_PLACE_BEFORE = re.compile(rf"\b(?:{PLACE_PREPOSITIONS}){_COMPASS_TAIL}", re.IGNORECASE)


#: the compass words that begin regions' names: "Eastern Ghouta", "Western Equatoria"
_COMPASS_WORDS = frozenset("north south east west northern southern eastern western central northeastern "
                           "northwestern southeastern southwestern".split())


def _compass_named(name: str, best) -> bool:
    """A region whose name begins with a compass word, written in lower case ("eastern
    Ghouta" is Eastern Ghouta): the rest of the name is capitalised and the match exact."""
    first, _, rest = name.partition(" ")
    return first in _COMPASS_WORDS and rest[:1].isupper() and best.exact and best.feature in ("region", "admin1", "admin2")


def _site(best) -> bool:
    """A shipped site (an air base, a prison, a camp) matched by one of its whole names."""
    return best.feature == "site" and best.exact


#: what makes the name before it an outlet's: "the judiciary's Mizan news agency"
_AGENCY_AFTER = re.compile(r"\s+(?:news\s+agency|press\s+agency|news\s+service)\b", re.IGNORECASE)
#: a company named like a town: "telecoms giant Orange", "Orange's former CEO" (see
#: :func:`resolve_places`)
_COMPANY_BEFORE = re.compile(r"\b(?:giant|company|firm|corporation|conglomerate|multinational|retailer|"
                             r"manufacturer|maker|brand|insurer)\s+$", re.IGNORECASE)
_COMPANY_AFTER = re.compile(r"['’]s\s+(?:(?:former|then|current|new|annual|quarterly|\d{4})\s+)?(?:CEO|"
                            r"chief\s+executive|chairman|chairwoman|shareholders|subsidiary|subsidiaries|"
                            r"revenues?|profits?|shares|stock)\b")


def _acceptable(c: _Cand, best, country: str | None, stop: frozenset[str], text: str = "",
                provinces: Counter[str] | None = None) -> bool:
    """Whether a candidate is the place ``best`` (``country``: the one the report is judged in;
    ``provinces``: the report's provinces named without ambiguity, :func:`_admin1_context`)."""
    name = c.text
    low = name.lower()
    if low in stop or low.rstrip("s") in stop and best.feature in LOCAL:
        return False
    if not name[:1].isupper() and not (_PARTICLE_NAME.match(name) and best.country == country
                                       and _LOCATIVE_BEFORE.search(text, max(0, c.start - 30), c.start)) \
            and not _compass_named(name, best):
        return False    # "in the town of al-Bab" in a report on Syria is a place, "bab" is not;
                        # abroad, or named without a preposition of place, a lower-case
                        # "al-Jadida" is a neighbourhood and "al-Mayadeen" a TV channel
    letters = sum(ch.isalpha() for ch in name)
    if letters <= 3 and not (name.isupper() and best.feature == "country") and not (
            # a short town name of the report's country after a word of place: "in Owo, a town
            # in Ondo state" (not an acronym, nor a word of another kind)
            letters == 3 and name.istitle() and best.exact and best.feature in LOCAL
            and country is not None and best.country == country and best.population >= TOWN
            and _PLACE_BEFORE.search(text, max(0, c.start - 30), c.start)):
        return False
    # acronyms (SANA, AFP, and "SANAs" with its apostrophe stripped) are places only when
    # they are a country's (UK, USA, UAE)
    bare = name[:-1] if name.endswith("s") else name
    if letters - (bare != name) <= 5 and bare.replace(".", "").isupper() and best.feature != "country":
        return False
    if _site(best):
        return True     # "Hmeimim airbase": a shipped site's whole name is no other thing
    label = c.label
    in_context = country is not None and best.country == country
    if label in ("ORG", "PERSON", "NORP") and not best.exact and best.feature not in ("country", "admin1") \
            and not (in_context and best.feature in LOCAL and similarity(name, best.name) >= ALT_NAME_SIMILARITY
                     and _LOCATIVE_BEFORE.search(text, max(0, c.start - 30), c.start)):
        return False    # a company, person or people named like a town's alternate name
                        # ("Google" is Topeka's, "The New Arab" Kobane's); not a spelling of
                        # a town of the report's country after a word of place ("bombs on
                        # Khan Sheikhoun", which the model took for a person)
    if not best.exact and best.feature in LOCAL:
        # a town by one of its alternate names: GeoNames lists translations and nicknames
        # ("White House" is Casablanca, "Westside" Las Vegas, "Periyar" Erode), so the name
        # must be a spelling of the town's ("Calcutta", "Kiev", "Deir Ezour") or the model
        # must call it a place; a town abroad needs both ("Guru" is no Gulu), and must be
        # a city known abroad by other spellings (a Syrian report's "Madira", a village of
        # Damascus countryside, is not Madhira, India, nor its "Zafarana" Zaafarana, Egypt)
        spelled = similarity(name, best.name) >= ALT_NAME_SIMILARITY
        if country is not None and not in_context:
            if label not in ("GPE", "LOC") or not spelled or best.population < BIG_TOWN:
                return False
        elif label not in ("GPE", "LOC", "FAC") and not spelled:
            return False
    if best.feature in ("country", "admin1", "region"):
        # (a province or country by its own name right after "in" is one, whatever the model
        # says: "Gunmen in Kasai killed 40 villagers", where it saw a person)
        return label in (None, "GPE", "LOC", "FAC", "NORP", "ORG") or in_context or (
            label == "PERSON" and best.exact and _IN_COUNTRY.search(text, max(0, c.start - 30), c.start) is not None)
    if best.feature == "admin2" and best.exact and label in ("GPE", "LOC") and (
            " " in name or _AFTER_PROVINCE.match(text[c.end:c.end + 40])):
        return True     # a district or province by its whole name ("Negros Oriental") or
                        # called one ("Bukidnon province"), whose population the gazetteer
                        # does not know
    big = best.population >= BIG_TOWN
    town = best.population >= TOWN
    if label in ("GPE", "LOC", "FAC"):
        # the model (or the gazetteer's entity ruler) says it is a place
        return in_context or town or country is None and best.population >= 1000
    # a person or organisation entity, or an unlabelled capitalised run: only towns of the
    # report's country (villages are labelled GPE by the ruler), or large cities - abroad,
    # unless the words before it make it a place ("west of Kirkuk"), cities of a million
    # ("Orange", "Mobile" and "Vista" are no American towns in a report on the Philippines)
    if country is not None and not in_context and not _PLACE_BEFORE.search(text, max(0, c.start - 30), c.start):
        return best.population >= WORLD_CITY
    if country is None and town and best.exact and _PLACE_BEFORE.search(text, max(0, c.start - 30), c.start):
        return True     # a town by its own name after a word of place, in a report that names
                        # no country ("abducted by armed men in Tumaco", an event to the model)
    if in_context and not town and not best.exact and " " in name \
            and _WHERE_BEFORE.search(text, max(0, c.start - 20), c.start) \
            and similarity(name, best.name) >= _SPELLING_SIMILARITY:
        return True     # a village of the report's country right after "near" or "outside", by
                        # another spelling of its name of two words or more ("villages near Tal
                        # Tamr", Tall Tamr, which the model took for a person)
    if in_context and best.exact and best.feature in LOCAL and provinces and provinces.get(best.admin1_iso) \
            and name[:1].isupper() and _PLACE_BEFORE.search(text, max(0, c.start - 30), c.start) \
            and not _NOUN_AFTER.match(text, c.end) and not _OF_NAME_AFTER.match(text, c.end):
        return True     # a village by its own name after a word of place, in a province the
                        # report names ("shot dead in the state of Veracruz ... killed in
                        # Tezonapa", which the model took for an organisation); not a word of
                        # a longer name ("at the Battle of Stepney", "al-Rai mountain")
    return (in_context and town) or big


#: how alike a name must be to a village's to be a spelling of it ("Tal Tamr", Tall Tamr)
_SPELLING_SIMILARITY = 0.8


#: a province named after a sea or gulf ("Red Sea"), told as the water itself
_WATER_NAME = re.compile(r"\b(?:Sea|Gulf|Ocean|Lake|Lakes)$")
_SHIP_BEFORE = re.compile(r"\b(?:ships?|vessels?|tankers?|boats?|off\s+the\s+coast|waters|sailing|shipping)\b[^.;]*$",
                          re.IGNORECASE)


#: "pro-" or "anti-" right before a name: the name is a side taken, not a place
_ALLEGIANCE_BEFORE = re.compile(r"\b(?:pro|anti)\s?[-\u2010\u2011\u2013]\s?$", re.IGNORECASE)


def _allegiance(text: str, start: int) -> bool:
    """The name at ``start`` says whose side someone is on, not where anything happened:
    "Pro-Damascus media outlets said", "pro-Ankara rebels shelled Tal Rifaat", "anti-Moscow
    protests"."""
    return bool(_ALLEGIANCE_BEFORE.search(text, max(0, start - 6), start))


#: the first word of many Arabic place names ("Kafr Batna", "Tal Hamis", "Deir Hafer", "Ain
#: Issa", "Khan Sheikhoun"): the word after it is the rest of that name
_TOPONYM_HEAD_BEFORE = re.compile(
    r"(?<![\w'’-])(?:Kafr|Kfar|Kafar|Tal|Tall|Tel|Tell|Deir|Dayr|Ain|Ayn|Beit|Bayt|Khan|Ras|Jabal|Jebel|Jabel|"
    r"Bir|Umm|Maarat|Ma['’]arat|Qasr|Jisr|Wadi|Marj|Hayy|Khirbet|Khirbat)[ \t]+$")


def _name_fragment(text: str, start: int) -> bool:
    """The words from ``start`` end a longer name, and are no place of their own: "Safi"
    of "Aqareb es Safi", "Bello" of "Governor Bello", "Batna" of "Kafr Batna" (not Algeria's
    Batna: a village the gazetteer lacks)."""
    lo = max(0, start - 30)
    return bool(_NAME_BEFORE.search(text, lo, start) or _HONORIFIC_BEFORE.search(text, lo, start)
                or _TOPONYM_HEAD_BEFORE.search(text, max(0, start - 12), start))


#: the name after a title: "Governor Bello", "President Muhammadu Buhari"
_NAME_WORD = r"[A-Z][\w-]*(?:['’][A-Z][\w-]*)?"     # "Buhari", "O'Brien" (not "Trump's")
_TITLED_NAME = re.compile(_HONORIFIC_BEFORE.pattern.replace(r")\s+$", r")\s+") +
                          rf"(?:{_NAME_WORD}\s+){{0,2}}(?P<surname>{_NAME_WORD})(?![\w-])")


def titled_names(ctx: Context) -> frozenset[str]:
    """Surnames a title gives anywhere in the report or its headline ("Niger Governor
    Bello promises ..."): the same word alone elsewhere is that person ("Bello met
    President Buhari in Abuja"), one sense per report, not the Colombian city."""
    out = set()
    for source in (ctx.text, ctx.meta.get("title") or ""):
        for m in _TITLED_NAME.finditer(source):
            out.add(m["surname"])
    return frozenset(out)


def _whole_word_spans(text: str, phrase: str) -> list[tuple[int, int]]:
    """The spans of ``phrase`` in ``text`` as whole words (no letter or digit next to it):
    found with ``str.find`` (a pattern compiled per name would cost more than the search)."""
    out = []
    i = text.find(phrase)
    while i >= 0:
        e = i + len(phrase)
        if not (i and (text[i - 1].isalnum() or text[i - 1] == "_")) \
                and not (e < len(text) and (text[e].isalnum() or text[e] == "_")):
            out.append((i, e))
            i = text.find(phrase, e)
        else:
            i = text.find(phrase, i + 1)
    return out


def _person_spans(ctx: Context, gaz) -> list[tuple[int, int]]:
    """Every occurrence of a full name (two words or more, no place's name: the model
    calls "Lapu Lapu City's" a person) the model calls a person anywhere in the report:
    one sense per report, so "Aung San Suu Kyi" is her name also where the model (or
    the gazetteer's entity ruler) took "Aung San", a town, out of it."""
    names = {ctx.text[slice(*_trim(ctx.text, s, e))] for s, e, label in ctx.entities if label == "PERSON"}
    names = {n for n in names if len(n.split()) > 1 and n[:1].isupper() and not _lookup(gaz, n, None)}
    spans = []
    for name in names:
        found = _whole_word_spans(ctx.text, name)
        if any(_KIND_OF_PLACE_BEFORE.search(ctx.text, max(0, s - 40), s) or _KIND_OF_PLACE_AFTER.match(ctx.text, e)
               for s, e in found):
            continue    # "the city of Maarat al-Numan": a place the model took for a person
        # ... and where "near" or "outside" is right before it, that one ("villages near Tal
        # Tamr", not "near Ali Hassan's house"; "in" may be a person's: "in Ali Hassan's words")
        spans.extend((s, e) for s, e in found if not (_WHERE_BEFORE.search(ctx.text, max(0, s - 20), s)
                                                      and not _POSSESSIVE_AFTER.match(ctx.text, e)))
    return spans


#: words right before a name that say it is where something is: "near Tal Tamr"
_WHERE_BEFORE = re.compile(r"\b(?:near|outside|around)\s+$", re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


#: "the town of X": X is a place even where the model calls it a person or an organisation
#: a lower-case word right after a name: it qualifies a noun ("the Somali capital")
_NOUN_AFTER = re.compile(r"\s+[a-z]")
#: a district's word after a name: "Ballia district", "Kupwara District"
_DISTRICT_AFTER = re.compile(r"\s+district\b", re.IGNORECASE)
_OF_NAME_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_KIND_OF_PLACE_AFTER = re.compile(
    r"\s+(?:town|village|city|district|neighbou?rhood|suburb|region|camp|area|countryside|hamlet)\b")
_KIND_OF_PLACE_BEFORE = re.compile(
    r"\b(?:town|village|city|district|neighbou?rhood|suburb|province|governorate|region|camp|"
    r"municipality|hamlet|settlement|countryside|outskirts)s? of\s+(?:the\s+)?$", re.IGNORECASE)


_CAPS_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]*[ \t]+){1,2}$")
_CAPS_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*\b){1,2}")


def _whole_name(gaz, text: str, s: int, e: int, country: str | None) -> tuple[int, int] | None:
    """The span of a longer place name of which a place entity is a part: the capitalised
    words right before or after it make, with it, a name the gazetteer knows exactly, of a
    province or a town, in another country than the entity alone names ("Negros Oriental",
    where the model saw "Oriental", which alone is a Moroccan region)."""
    # a name linked on ("Santander de Quilichao", of which the ruler saw the province
    # "Santander"): the whole, where the gazetteer knows it by that very name; or by hyphens
    # ("Mazar-i-Sharif"), also by a spelling of the gazetteer's name
    for tail_of, spelled in ((_NAME_TAIL, False), (_HYPHEN_TAIL, True)):
        tail = tail_of.match(text, e)
        if tail is None:
            continue
        whole = text[s:tail.end()]
        found = gaz.lookup(whole, country)
        if found and (found[0].exact or spelled and similarity(whole, found[0].name) >= ALT_NAME_SIMILARITY):
            return s, tail.end()
    before = _CAPS_BEFORE.search(text, max(0, s - 40), s)
    after = _CAPS_AFTER.match(text, e)
    if before is None and after is None:
        return None
    starts = [s] + ([before.start() + m.start() for m in re.finditer(r"\b[A-Z]", before.group(0))]
                    if before else [])
    ends = [e] + ([e + m.end() for m in re.finditer(r"[A-Z][\w'’-]*", after.group(0))] if after else [])
    alone: list | None = None     # the entity's own matches, looked up only when needed
    best = None
    for a in starts:
        for b in ends:
            if (a, b) == (s, e) or (best is not None and b - a <= best[1] - best[0]):
                continue
            found = gaz.lookup(text[a:b], country)
            if not found or not found[0].exact:
                continue
            top = found[0]
            if top.feature in LOCAL and top.population < TOWN:
                continue    # a village named like a person ("Cesar Chavez")
            if alone is None:
                alone = gaz.lookup(text[s:e], country)
            if alone and alone[0].exact and alone[0].country == top.country:
                continue    # "An Indiana": no other country than the entity alone's
            best = (a, b)
    return best


def _part_of_unknown_name(gaz, text: str, e: int, country: str | None) -> bool:
    """The capitalised words right after a name, themselves no place, are followed by a
    word of a kind of place: they and the name are one name of a settlement ("Tall Tawil
    village", where the model saw only "Tall"); not a list whose commas were lost ("Aleppo
    Hama countryside")."""
    after = _CAPS_AFTER.match(text, e)
    if after is None or not _KIND_OF_PLACE_AFTER.match(text, after.end()):
        return False
    return not _lookup(gaz, after.group(0).strip(), country)


#: a state's body that acts in its own country: "Cambodian authorities arrested", "a
#: Guatemalan court", "Ecuadorian police" (not its government, officials or authorities
#: that only speak: "Canadian authorities have described the election as marred")
#: (of which those that act at home only, not a state's arms, which may be abroad)
_HOME_BODIES = (r"police|policemen|courts?|judges?|judiciary|prosecutors?|prosecution|(?:security|intelligence)\s+"
                r"services|authorities(?=\s+(?:have\s+|had\s+)?(?:arrested|detained|raided|charged|jailed|sentenced|"
                r"deported|seized|dispersed|abducted|tortured|banned|shut|closed)\b)")
_BODY_ADJECTIVE = r"\s+(?:(?:state|federal|national|military|security|riot|secret|judicial|local)\s+)?"
_STATE_BODY_AFTER = re.compile(_BODY_ADJECTIVE + r"(?:" + _HOME_BODIES +
                               r"|security\s+forces|soldiers|troops|army|military|forces|junta|intelligence)\b")
_HOME_BODY_AFTER = re.compile(_BODY_ADJECTIVE + r"(?:" + _HOME_BODIES + r")\b")


def _state_demonym(gaz, text: str, word: str, end: int) -> str | None:
    """The country of a people's word the shipped list lacks, made by a regular ending on
    the country's name ("Cambodian", "Guatemalan"), when a body of that state follows it:
    such a body acts at home. (As a country vote anywhere, such words cost more than they
    gave: "Canadian officials said" is no event in Canada.)"""
    if not word.isalpha() or not _STATE_BODY_AFTER.match(text, end):
        return None
    return gaz.demonym(word, derive=True)


#: what follows a name that cannot follow a possessive: a preposition, a verb, punctuation
_NOT_OWNING_AFTER = re.compile(r"\s*[,.;:!?)\]\"”]|\s*$|\s+(?:in|on|at|near|of|from|to|into|and|or|by|for|with|"
                               r"was|were|is|are|has|have|had|said|says)\b")


def _no_possessive_here(gaz, text: str, name: str, end: int) -> bool:
    """``name`` is known only as a possessive whose apostrophe was stripped ("Aleppos
    outskirts": Aleppo's), but no possession follows it here ("the village of Tal Hamis in
    Hasakeh province" is no Hami's)."""
    return name.endswith("s") and _NOT_OWNING_AFTER.match(text, end) is not None and not gaz.lookup(name, None) \
        and bool(gaz.lookup(name[:-1], None))


def _not_a_name_start(text: str, word: tuple[int, int], titled: frozenset[str], memo: dict) -> bool:
    """The word ends a longer name, is a titled surname or says whose side someone is on."""
    key = ("start", word[0])
    if key not in memo:
        memo[key] = _name_fragment(text, word[0]) or text[word[0]:word[1]] in titled \
            or _allegiance(text, word[0])
    return memo[key]


def _run_probe(gaz, text: str, a: int, b: int, single: bool, stop, memo: dict):
    """What a run of capitalised words from ``a`` to ``b`` is, whatever the report's country:
    ``None`` when it cannot be a name, else its span and text, the country of the people it
    names (``dem``) and whether the text calls it a place (``kind``)."""
    key = (a, b)
    if key in memo:
        return memo[key]
    s, e = _trim(text, a, b)
    out = None
    seg = text[s:e]
    if e > s and (seg[:1].isupper() or re.match(_PARTICLE, seg, re.IGNORECASE)) \
            and not (single and seg.lower() in stop):
        # a people's name: "Syrian"; of two words also in the plural, so that no word
        # of "Hong Kongers" or "South Africans" is taken for a town ("Hong" is Hong'an's)
        dem = (gaz.demonym(seg) or _state_demonym(gaz, text, seg, e)) if single else (
            gaz.demonym(seg) or (gaz.demonym(seg[:-1]) if seg.endswith("s") else None))
        # a word the text calls a place ("Izraa town", "the Qalamun region", "the
        # village of X") may be matched by its spelling variants, as a place entity is
        kind = single and (_KIND_OF_PLACE_AFTER.match(text, e) is not None or
                           _KIND_OF_PLACE_BEFORE.search(text, max(0, s - 40), s) is not None or
                           _AFTER_PROVINCE.match(text[e:e + 40]) is not None)
        out = (s, e, seg, dem, kind)
    memo[key] = out
    return out


def _candidates(ctx: Context, gaz, titled: frozenset[str], people: list[tuple[int, int]],
                country: str | None = None, memo: dict | None = None) -> list[_Cand]:
    """Place candidates, not inside the ``people``'s names nor a ``titled`` surname.
    ``memo`` keeps, between the calls of one report (without and with its country), what
    the capitalised runs are whatever the country."""
    text = ctx.text
    stop = _stopwords()
    memo = {} if memo is None else memo
    out: list[_Cand] = []
    taken = bytearray(len(text) + 1)    # 1 where a candidate (or a person's name) already is

    def take(s: int, e: int) -> None:
        taken[s:e] = b"\x01" * (e - s)
    for s, e in people:
        take(s, e)
    inside_person = Within(people)
    for s, e, label in ctx.entities:
        if label not in ENTITY_PLACES and label not in ENTITY_MAYBE:
            continue
        s, e = _trim(text, s, e)
        if e <= s or ctx.is_masked(s, e):
            continue
        if _name_fragment(text, s) or text[s:e] in titled:
            continue
        if _allegiance(text, s):
            take(s, e)
            continue
        if inside_person(s, e):
            continue    # "Aung San" of "Aung San Suu Kyi", where the model saw her name
        if label in ("PERSON", "ORG", "NORP") and (
                _KIND_OF_PLACE_BEFORE.search(text, max(0, s - 40), s) or _KIND_OF_PLACE_AFTER.match(text, e)) \
                and not (label == "NORP" and gaz.demonym(text[s:e])):
            label = "GPE"   # "the strategic border town of Ras al-Ain", "Izraa town", whatever the
                            # model says ("the Kurdish town of" keeps its demonym)
        c = _Cand(s, e, text[s:e], label)
        if label in ENTITY_PLACES and _NOUN_AFTER.match(text, e) and not _KIND_OF_PLACE_AFTER.match(text, e) \
                and not _AFTER_PROVINCE.match(text[e:e + 40]) and gaz.demonym(c.text):
            label = "NORP"  # "the Somali capital": the people's word, not Ethiopia's Somali region
        dem = None
        if label == "NORP" or label == "PERSON" and " " not in c.text and _NOUN_AFTER.match(text, e):
            # (a one-word "person" before a noun may be a people's word the model took for a
            # name: "said Azerbaijani authorities had detained")
            dem = gaz.demonym(c.text) or _state_demonym(gaz, text, c.text, e)
            if dem:
                label = "NORP"
        if label == "NORP":
            c.demonym = dem
            if c.demonym:
                out.append(c)
                take(s, e)
                continue
        if label in ENTITY_PLACES:
            longer = _whole_name(gaz, text, s, e, country)
            if longer is not None and taken.find(1, longer[0], longer[1]) == -1 \
                    and not ctx.is_masked(*longer):
                s, e = longer    # "Negros Oriental", of which the model saw "Oriental"
                c = _Cand(s, e, text[s:e], label)
        if label in ENTITY_PLACES and _part_of_unknown_name(gaz, text, e, country):
            take(s, e)
            continue    # "Tall Tawil village": a village the gazetteer lacks, not At Tall
        found = _lookup(gaz, c.text, country, fuzzy=country is not None)
        if found and _no_possessive_here(gaz, text, c.text, e):
            found = []
        if not found:
            if label == "PERSON":
                take(s, e)    # "Daniel Pearl": no place inside a person's name
            continue    # other entities that are no known name: their words are tried as runs
        lead = _leading_preposition(c.text, found[0])
        if lead:
            s += lead    # "At Westminster": the name's span
            c = _Cand(s, e, text[s:e], label)
        out.append(c)
        take(s, e)
    # capitalised runs outside entities: the longest known sub-run wins
    if "runs" not in memo:
        memo["runs"] = [(m.start(), m.end(), [(w.start() + m.start(), w.end() + m.start())
                                              for w in re.finditer(r"\S+", m.group(0))])
                        for m in CAP_RUN.finditer(text) if not ctx.is_masked(m.start(), m.end())]
    for rs, re_, words in memo["runs"]:
        if taken.find(1, rs, re_) != -1:
            # the words after a name already taken, with none taken among them:
            # "Maharashtra's Beed district", where the model took only the province
            held = [k for k, (a, b) in enumerate(words) if taken.find(1, a, b) != -1]
            words = words[held[-1] + 1:]
            if not words or not text[words[0][0]:words[0][1]][:1].isupper():
                continue
        i = 0
        while i < len(words):
            if _not_a_name_start(text, words[i], titled, memo):
                i += 1
                continue
            found = False
            for j in range(min(len(words), i + MAX_NGRAM), i, -1):
                probe = _run_probe(gaz, text, words[i][0], words[j - 1][1], j == i + 1, stop, memo)
                if probe is None:
                    continue
                s, e, seg, dem, kind = probe
                hits = dem or _lookup(gaz, seg, country, fuzzy=j > i + 1 or kind)
                if hits and not dem and _no_possessive_here(gaz, text, seg, e):
                    continue
                if hits and not dem and _leading_preposition(seg, hits[0]):
                    continue    # "At Westminster": the name is the shorter run
                if hits and not dem and _part_of_unknown_name(gaz, text, e, country):
                    continue    # "Tall Tawil village"
                if hits:
                    c = _Cand(s, e, seg, "GPE" if kind and not dem else None)
                    c.demonym = dem
                    out.append(c)
                    i = j
                    found = True
                    break
            if not found:
                i += 1
    out.sort(key=lambda c: c.start)
    return out


#: after a name, another item of a list: ", Hama", " and Hama" (not ", on Monday", ", March 3")
_LIST_GOES_ON = re.compile(
    r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+)(?!(?:" + "|".join(MONTH_NAMES + WEEKDAY_NAMES) + r")\b)[A-Z]")


def _contains(text: str, c: "_Cand", d: "_Cand") -> bool:
    """The words between two names say the second holds the first ("Ariha in Idlib",
    "Tripoli, Lebanon"), not that they are items of a list ("Daraa, Idlib and Hama")."""
    between = text[c.end:d.start]
    if not _IN_PROVINCE.match(between):
        return False
    return "," not in between or not _LIST_GOES_ON.match(text, d.end)


def _placed_by_next(text: str, cands: list[_Cand], gaz) -> dict[int, Any]:
    """The names that a province or country named right after them places ("the town of
    Ariha in Idlib", "Paris, Texas", "Tripoli, Lebanon"), when a town of the name lies
    there: their starts, each with a test of a match that lies there."""
    out: dict[int, Any] = {}
    for c, d in zip(cands, cands[1:]):
        if c.demonym or d.demonym or d.start - c.end > 30 or not _contains(text, c, d):
            continue
        # a province, or a country, named after the town (the province may be named like
        # its chief town: "Ariha in Idlib"); of provinces of one name, the one where a town
        # of the name lies ("Algeciras, Huila department": Colombia's Huila, not Angola's)
        towns = _lookup(gaz, c.text, None)[:8]
        for outer in _lookup(gaz, d.text, None)[:4]:
            if outer.feature not in ("country", "admin1"):
                continue
            country = outer.feature == "country"
            where = outer.country if country else outer.admin1_iso

            def there(m, country=country, where=where) -> bool:
                return m.feature in LOCAL and (m.country if country else m.admin1_iso) == where
            if any(there(m) for m in towns):
                out[c.start] = there
                break
    return out


#: a city or a country named for its government, as the subject of a verb of saying, deciding or
#: sending ("Moscow and Damascus had rejected a plea", "Ankara views the YPG as ...",
#: "Washington said", "Moscow launched air strikes in support of ...") or the owner of a
#: policy ("Moscow's planned truce")
GOVERNS_AFTER = re.compile(
    r"(?:\s+and\s+[A-Z][\w'’-]+)?\s+(?:(?:has|had|have|would|will|also|again|has\s+also|had\s+already)\s+)?"
    r"(?:said|says|rejected|rejects|accused|accuses|denied|denies|insisted|insists|announced|announces|"
    r"warned|warns|vowed|vows|demanded|demands|refused|refuses|views?|viewed|considers?|considered|"
    r"condemned|condemns|welcomed|welcomes|urged|urges|blamed|blames|agreed|agrees|"
    r"wants?|wanted|responded|responds|threatened|threatens|maintains|maintained|called\s+for|calls\s+for|"
    r"backs|backed|supports|supported|hopes|hoped|fears|feared|argued|argues|believes|believed|"
    r"intervened|intervenes|launched|launches|deployed|deploys|sent|sends)\b|"
    r"(?:'s|’s|s)?\s+(?:planned\s+|proposed\s+)?(?:truce|ceasefire|decision|policy|position|offer|proposal|"
    r"plea|demands?|refusal|envoy|ambassador|allies|ally|backing)\b")

#: ... or as the one accused, blamed, urged or warned of or to something ("accusing Ankara
#: of violating the ceasefire", "called on Moscow to rein in", "blamed Damascus for"): a
#: verb right before the name and a preposition right after it (:func:`addressed_as_government`)
_ADDRESSED_BEFORE = re.compile(
    r"\b(?:accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|press(?:es|ed|ing)|"
    r"call(?:s|ed|ing)?\s+on|criticis(?:e|es|ed|ing)|criticiz(?:e|es|ed|ing)|warn(?:s|ed|ing)?|"
    r"condemn(?:s|ed|ing)?|told|tell(?:s|ing)?|ask(?:s|ed|ing)?|invit(?:e|es|ed|ing))\s+$", re.IGNORECASE)
_ADDRESSED_AFTER = re.compile(r"\s+(?:of|for|to|over|against)\b")


#: a place preposition before a city: where something happened, whatever verb follows ("a
#: meeting in Islamabad demanded ...")
_PREPOSITION_BEFORE_CITY = re.compile(rf"\b(?:inside|{PLACE_PREPOSITIONS})\s+(?:the\s+)?$", re.IGNORECASE)


def addressed_as_government(text: str, start: int, end: int) -> bool:
    """A city or country named as the government accused, blamed, urged or warned
    ("accusing Ankara of violating the ceasefire", "urged Moscow to", "blamed Syria for")."""
    return bool(_ADDRESSED_AFTER.match(text, end)) and bool(_ADDRESSED_BEFORE.search(text, max(0, start - 20), start))


def _country_context(ctx: Context, cands: list[_Cand], gaz, stop) -> str | None:
    votes: Counter[str] = Counter()
    weak: Counter[str] = Counter()   # the nationality of arms striking from afar, patrons
    filed: Counter[str] = Counter()  # the country of the town the report was filed from (no
                                     # vote: "ANKARA (Reuters) - ... a Syrian border town")
    unplaced = False                 # a village's name shared by a famous city abroad
    patron_before = cue_before(ctx, "patron", _PATRON_BEFORE, 30)
    carried_before = carried_to_cue(ctx)
    route_before = route_cue(ctx)
    first = ctx.sentences[2][1] if len(ctx.sentences) > 2 else (ctx.sentences[-1][1] if ctx.sentences else 0)
    title = (ctx.meta.get("title") or "")
    placed = _placed_by_next(ctx.text, cands, gaz)
    # the peoples a sentence names: a town named beside one, which that people's country
    # has too, is that country's ("Honduran activist Berta Caceres was shot dead in her
    # home in La Esperanza": not the bigger Guatemalan town; but no big city's namesake,
    # "the British Guardian and the Sydney Morning Herald")
    peoples: dict[int, set[str]] = {}
    for c in cands:
        if c.demonym:
            peoples.setdefault(ctx.sentence_of(c.start), set()).add(c.demonym)
    next_cand = {c.start: d for c, d in zip(cands, cands[1:])}
    for c in cands:
        lead = 1.5 if c.start < first else 1.0
        if filed_at(ctx.text, c.start, c.end) and not _topic_country(gaz, ctx.text, c) \
                and not QUALIFIER.match(ctx.text, c.end) and not _NAME_GOES_ON.match(ctx.text, c.end):
            found = _lookup(gaz, c.text, None) if not c.demonym else []
            if found and found[0].exact and found[0].feature in FILED_FROM and found[0].country:
                filed[found[0].country] += 1.5
            continue
        if QUALIFIER.match(ctx.text, c.end) or _NAME_GOES_ON.match(ctx.text, c.end):
            continue    # "a UK-based watchdog"; "Washington:", "BEIRUT (Reuters) -"; "Mashhad
                        # al-Kallasa", a longer name (but "Mali: Jihadists kill 15 soldiers")
        if _part_of_city(ctx.text, c):
            continue
        if c.demonym:
            if _STRIKES_FROM_AFAR.match(ctx.text, c.end) or _BORDER_AFTER.match(ctx.text, c.end):
                # "Israeli jets struck a depot near Palmyra": a weak vote, and alone none
                # (the event may lie anywhere the jets reach); "near the Turkish border"
                # names the border of two countries
                weak[c.demonym] += 0.2 * lead
            else:
                # (a state's body that acts at home counts as its country named: "Kyrgyz
                # security services detained 11 people who opposed a border deal with
                # Uzbekistan")
                votes[c.demonym] += (1.0 if _HOME_BODY_AFTER.match(ctx.text, c.end) else 0.5) * lead
            continue
        if _STUDIED_AT_BEFORE.search(ctx.text, max(0, c.start - 40), c.start):
            continue    # "a PhD student at Leeds University": where she studies
        c.matches = _lookup(gaz, c.text, None)
        addressed = addressed_as_government(ctx.text, c.start, c.end)
        # "rebels backed by Turkey", "the wounded were taken to Turkey", "accusing Ankara of
        # violating the ceasefire": who backs, where the wounded went, who is accused
        patron = patron_before(c.start) or carried_before(c.start) or addressed or route_before(c.start)
        if c.start in placed:
            # "Ariha in Idlib", "Paris, Texas": the town there votes, not a bigger one abroad
            c.matches = [m for m in c.matches if placed[c.start](m)] + \
                [m for m in c.matches if not placed[c.start](m)]
        if not c.matches:
            continue
        best = c.matches[0]
        if best.feature in LOCAL and _part_of_bigger(ctx.text, c, next_cand.get(c.start), best, gaz):
            continue
        if _facility_elsewhere(gaz, ctx.text, c, best):
            continue
        if best.feature in ("city", "place") and best.population >= BIG_TOWN and GOVERNS_AFTER.match(ctx.text, c.end) \
                and not _PREPOSITION_BEFORE_CITY.search(ctx.text, max(0, c.start - 20), c.start):
            addressed = patron = True   # "Moscow denied the claim": a capital speaks for its government
        people = peoples.get(ctx.sentence_of(c.start)) if peoples else None
        if people and best.feature in LOCAL and best.country not in people and best.population < BIG_TOWN:
            # (a village's namesake there under another spelling too: "Turkish-backed Syrian rebels
            # captured the town of Ras al-Ain", Syria's Ra's al 'Ayn, not Morocco's Ras El Ain)
            best = next((m for m in c.matches[:8] if m.country in people and m.feature in LOCAL
                         and (m.exact or best.population < TOWN)), best)
        prov_word = _AFTER_PROVINCE.match(ctx.text[c.end:c.end + 40])
        if best.feature == "country" and prov_word:
            best = _province_named(c.matches) or best  # "Niger State"
        elif not best.exact and prov_word:
            best = _province_named(c.matches, levels=("admin1", "admin2")) or best  # "Samar province"
        elif best.feature == "admin1" and prov_word:
            best = _province_of_kind(c.matches, best, prov_word.group(0))  # "Plateau state": Nigeria's
        if not best.country or not _acceptable(c, best, None, stop):
            continue
        if not best.exact and c.label not in ENTITY_PLACES:
            continue    # a word the model calls no place, known only as a town's alternate
                        # name, is no evidence ("Ching", a surname, is Jing'an)
        if best.feature in LOCAL and best.population >= BIG_TOWN and _small_place_word(ctx.text, c):
            unplaced = True
            continue    # "the community of Trujillo": not Peru's city; a namesake, whose country
                        # the rest of the report tells
        if (best.feature in LOCAL or best.feature != "country" and _role_and_given_name_before(ctx.text, c.start)) \
                and _given_name(ctx, gaz, c, stop):
            continue    # "activist Jose Santos": a surname the ruler took for a town votes for none
                        # (nor, after a role, for a province: "Activist Ricardo Lagunes")
        owner = _owner_named_before(gaz, ctx.text, c.start)
        if owner is not None and owner[2] and not any(m.country == owner[0] for m in c.matches[:8]):
            owner = None    # "the Turkish border town of Azaz": Syria's Azaz votes for Syria
        if owner is not None and best.feature != "country":
            votes[owner[0]] += lead * 1.5  # "the central Malian town of Moura": in Mali, whatever Moura
            continue
        if best.feature == "country":
            # "killed in northern Syria" places the report, and so does "Iran executed";
            # "near Lebanon", "on the border with Turkey" name a neighbour, "exile in
            # France" a life's place
            before = ctx.text[max(0, c.start - 30):c.start]
            # (not a country owning what the words are in: "killed in Turkey's offensive on
            # the Afrin region")
            owns = ctx.text[c.end:c.end + 2] in ("'s", "’s")
            w = 0.5 if _EXILE_BEFORE.search(before) else 2.0 if _IN_COUNTRY.search(before) and not owns \
                else 0.5 if _NEAR_COUNTRY.search(before) else 1.0
            if _HOME_ACT_AFTER.match(ctx.text, c.end):
                w = 2.0
        elif best.feature in ("admin1", "region"):
            w = 1.5
        elif best.population >= BIG_TOWN or c.label in ENTITY_PLACES:
            w = 1.5 if best.population >= TOWN else 0.75
        else:
            continue
        # a name shared by places of several countries votes for each less (by their own
        # names: "Hama" is no less Syria's for being an alternate name of Ono-hara, Japan)
        countries = {m.country for m in c.matches[:4] if m.score >= best.score - 0.5
                     and (m.exact or not best.exact)}
        # a country or town named like a province or county of another ("Niger", "Georgia",
        # Somerset, New Jersey and the English county) speaks for both
        countries |= {m.country for m in c.matches[1:] if m.feature in ("admin1", "admin2") and m.exact}
        if best.feature == "country" and GOVERNS_AFTER.match(ctx.text, c.end) or addressed:
            w *= 0.4    # "Russia said the Syrian air force had struck ...": its government speaks
                        # (or is spoken to: "accusing Ankara of violating the ceasefire")
        share = lead * w / max(1, len(countries))
        if patron:
            weak[best.country] += share * 0.4
            continue
        votes[best.country] += share
        if best.feature == "country":
            # a name two countries go by ("Congo") speaks for both; their places decide
            for m in c.matches[1:4]:
                if m.feature == "country" and m.exact and m.country in countries and m.country != best.country:
                    votes[m.country] += share
    if title and not ctx.text.lstrip().startswith(title[:40]):
        # a title kept apart from the text: its places vote too (no offsets needed)
        for m in CAP_RUN.finditer(title[:300]):
            seg = m.group(0)
            dem = gaz.demonym(seg)
            if dem:
                votes[dem] += 0.75
                continue
            found = _lookup(gaz, seg, None)
            if found and found[0].country and seg.lower() not in stop and (
                    found[0].feature in ("country", "admin1") or found[0].population >= BIG_TOWN):
                votes[found[0].country] += 1.5
    if unplaced:
        # such a village lies where the report was filed, unless the report says elsewhere
        votes.update(filed)
    if not votes:
        # no place but the town it was filed from: the report is that country's
        # ("BAMAKO (Reuters) - Gunmen killed 20 civilians in an attack on a village")
        return filed.most_common(1)[0][0] if filed else None
    votes.update(weak)
    return votes.most_common(1)[0][0]


def filed_at(text: str, start: int, end: int, *, with_country: bool = False) -> bool:
    """A city opening the text or a sentence near the start, before a colon, a dash or an
    agency ("Washington: US Secretary of State ...", "BEIRUT (Reuters) -"): where the
    report was filed, not where anything happened (no vote for the report's country, no
    event's place). ``with_country``: also with its country or state between ("Aleppo,
    Syria - At least 25", "MATAMOROS, Mexico (Reuters) -"), which is no event's place but
    still says which country the report is about."""
    if paren_dateline(text, start, end):
        return True
    opens = start == 0 or text[start - 1] in "\n(" or text[max(0, start - 2):start] == ". "
    return start < 200 and opens and bool(_FILED_AT.match(text, end)
                                          or with_country and _FILED_AT_IN.match(text, end))


_PAREN_DATELINE_TAIL = re.compile(r"\)\s*[-–—]\s")


def paren_dateline(text: str, start: int, end: int) -> bool:
    """A press release's place alone in brackets opening a line near the start, after
    captions perhaps: "(Nairobi) – Rwandan authorities have arrested ..." (Human Rights
    Watch's form): where it was issued."""
    return 0 < start < 1000 and text[start - 1] == "(" and (start == 1 or text[start - 2] == "\n") \
        and bool(_PAREN_DATELINE_TAIL.match(text, end))


#: the kinds of place a report is filed from: towns (not a region, a province or a country)
FILED_FROM = frozenset({"city", "village", "place"})


def _topic_country(gaz, text: str, c: "_Cand") -> bool:
    """A country's or a region's name before a colon opening a headline ("Mali: Jihadists
    kill 15 soldiers near Gao", "Eastern Ghouta: At least 250 civilians have been killed")
    is what the report is about, not where it was filed (reports are filed from towns)."""
    if not text.startswith(":", c.end) or c.demonym:
        return False
    found = gaz.lookup(c.text, None)
    return bool(found) and found[0].exact and found[0].feature not in FILED_FROM


#: the kinds of first-level subdivision a word names (pycountry's subdivision types), where
#: English news names them by that kind consistently ("Anbar province" is an Iraqi
#: governorate, Saudi Arabia's "Eastern Province" a region: "province" tells no kind)
_KIND_WORDS = {"state": "state", "states": "state", "department": "department", "departments": "department"}


def _province_of_kind(matches: list, best, word: str):
    """Of provinces sharing a name, the one whose kind the word after or before it names
    ("Plateau state": Nigeria's state, not Benin's department); else ``best``."""
    kind = next((_KIND_WORDS[w] for w in re.findall(r"[a-z]+", word.lower()) if w in _KIND_WORDS), None)
    if kind is None or not best.admin1_iso or subdivision_kind(best.admin1_iso) == kind:
        return best
    return next((m for m in matches if m.feature == "admin1" and m.exact and m.admin1_iso
                 and subdivision_kind(m.admin1_iso) == kind), best)


def _province_named(matches: list, country: str | None = None, levels: tuple[str, ...] = ("admin1",)):
    """The province (of ``country``, if given) that has this very name, among the matches
    of a name that is first a country's ("Niger State", "Georgia" in a US report), or
    first another town's alternate name ("Samar province": ``levels`` admin1 and admin2)."""
    return next((m for m in matches if m.feature in levels and m.exact
                 and (country is None or m.country == country)), None)


def _sentence_sense(ctx: Context, cands: list[_Cand], placed: dict[int, Any] | None = None) -> None:
    """A name shared by towns of several countries is the one in the country of the
    places named beside it (by their own names, in a sense they have whatever the
    report's country: "Reyes", an alternate name of a Mexican town, is no evidence),
    when that town is no smaller ("detained in Aberdeen, Scotland" in a report about
    Hong Kong; Damascus, Maryland never replaces Damascus); a name told with the
    province or country that holds it (``placed``, :func:`_placed_by_next`) is the town
    there, whatever its size ("Trujillo, Honduras" is no city of Peru). It keeps that
    sense wherever the report names it again (one sense per report)."""
    placed = placed or {}
    sense: dict[str, Any] = {}
    by_sent: dict[int, list[_Cand]] = {}
    for c in cands:
        if c.matches and not c.demonym:
            by_sent.setdefault(ctx.sentence_of(c.start), []).append(c)
    for sent in sorted(by_sent):
        group = by_sent[sent]
        # neighbours named by their own names, in a sense that owes nothing to the
        # report's country ("According to Preston" is Preston, Idaho only because the
        # report is American: no evidence): the names in each country
        # (kept up to date as senses change, so that no name is compared with every other)
        named_in: dict[str, Counter[str]] = {}

        def count(d: _Cand, n: int) -> None:
            if d.matches[0].exact and (not d.free or d.free[0].country == d.matches[0].country):
                named_in.setdefault(d.matches[0].country, Counter())[d.text] += n

        for d in group:
            count(d, 1)
        for c in group:
            key = c.text.lower()
            if key in sense:
                count(c, -1)
                c.matches = [sense[key]] + [m for m in c.matches if m is not sense[key]]
                count(c, 1)
                continue
            top = c.matches[0]
            if c.start in placed and not placed[c.start](top):
                # "Trujillo, Honduras": the village there, not the city of Peru the name
                # alone means (nor the town the country context would choose)
                there = next((m for m in c.free[:12] if placed[c.start](m)), None)
                if there is not None:
                    count(c, -1)
                    c.matches = [there] + [m for m in c.matches if m is not there]
                    count(c, 1)
                    sense[key] = there
                continue
            if top.feature not in LOCAL:
                continue
            beside = {cc for cc, texts in named_in.items() if texts.total() - texts[c.text] > 0}
            if not beside or top.country in beside:
                continue
            alt = next((m for m in c.free[:8] if m.country in beside and m.feature in LOCAL
                        and m.population >= max(TOWN, top.population)), None)
            if alt is not None:
                count(c, -1)
                c.matches = [alt] + [m for m in c.matches if m is not alt]
                count(c, 1)
                sense[key] = alt


#: a possessive name before another: "Aleppo's ", "Aleppos " (apostrophe stripped)
_OWNER_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w-]+?)(['’]s?|s) $")
#: the name of a part of a city that many cities have ("the Old City of Damascus", "the
#: historic Old Town of Hebron"), before "of" and the city it is a part of: no place of its
#: own, and no vote for the country of the one the gazetteer lists by that name (Jerusalem's)
_PART_OF_CITY = re.compile(r"(?:Old|Ancient|Historic|Historical)\s+(?:City|Town|Quarter|Souk|Market|Centre|Center)"
                           r"|City\s+Cent(?:re|er)|Downtown")
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


#: a part of a city by its kind, before the city: "the Hamidiyeh district of Deir al-Zor city",
#: "the Sheikh Maqsoud neighbourhood in Aleppo"
_PART_KIND_OF = re.compile(r"\s+(?:district|neighbou?rhood|quarter|suburb)\s+(?:of|in)\s+(?:the\s+)?"
                           r"(?:city\s+of\s+)?[A-Z]")


def _part_of_city(text: str, c: "_Cand") -> bool:
    """The candidate names a part of the city named after it ("the Old City of Damascus")."""
    return bool(_PART_OF_CITY.fullmatch(c.text)) and bool(_OF_NAME.match(text, c.end))


def _part_of_bigger(text: str, c: "_Cand", after: "_Cand | None", best, gaz) -> bool:
    """The candidate names a district of the bigger town named right after it ("the
    Hamidiyeh district of Deir al-Zor city"), not one the town after is a district of ("the
    Damascus suburb of Jaramana"): that town tells the country, not a town elsewhere named
    like the district (Iran's Hamidiyeh)."""
    m = _PART_KIND_OF.match(text, c.end)
    if m is None or after is None or after.start != m.end() - 1 or after.demonym:
        return False
    host = _lookup(gaz, after.text, None)
    return bool(host) and host[0].exact and host[0].feature in LOCAL and host[0].population > best.population


def _owner_in(gaz, text: str, start: int, country: str) -> bool:
    """The name at ``start`` follows a place of ``country`` in the possessive: "Aleppo's
    Old City", or "Aleppos Old City" with the apostrophe stripped (when the word with its
    "s" is no place of its own)."""
    m = _OWNER_BEFORE.search(text, max(0, start - 40), start)
    if m is None or m.group(2) == "s" and gaz.lookup(m.group(1) + "s"):
        return False
    found = gaz.lookup(m.group(1), country)
    return bool(found) and found[0].exact and found[0].country == country


#: capitalised words before a place's name that belong to it or qualify it
_PLACE_MODIFIERS = _COMPASS_WORDS | frozenset(
    "greater old new upper lower downtown rural coastal occupied metro "
    "inner outer saint san santa port fort mount lake cape al el".split())
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]{2,}) $")


def _role_and_given_name_before(text: str, start: int) -> bool:
    """A role and a capitalised word right before: "Activist Ricardo <start>"."""
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and _ROLE_BEFORE_ANY_CASE.search(text, max(0, m.start(1) - 25), m.start(1)) is not None


def _given_name_before(ctx: Context, gaz, c: "_Cand", stop: frozenset[str]) -> bool:
    """The name follows a capitalised word inside its sentence that is no place, people,
    title or qualifier: a given name ("Joaquin Phoenix", "Rooney Mara", where the entity
    ruler took the surname for the town before the model could see the person)."""
    m = _WORD_BEFORE.search(ctx.text, max(0, c.start - 20), c.start)
    if m is None:
        return False
    sent = ctx.sentence_of(c.start)
    if sent < 0 or ctx.text[ctx.sentences[sent][0]:m.start(1)].strip() == "":
        return False    # the word opens the sentence: capitalised anyway
    word = m.group(1)
    low = word.lower()
    if low in _PLACE_MODIFIERS or _HONORIFIC_BEFORE.match(word + " "):
        return False
    if _role_and_given_name_before(ctx.text, c.start) and not gaz.demonym(word):
        return True     # "Activist Ricardo Lagunes": a role, a given name, a surname, whatever
                        # town "Ricardo" may also be (or a word no place is: "activist Ahmed Douma")
    if low in stop:
        return False
    # a people, a province or a town qualifies the place ("Sinai Arish", "Aleppos Old City")
    return not gaz.demonym(word) and not _place_word(gaz, word)


#: a person's role ("leader", "activist") ...
_ROLE = (r"(?:leader|activist|defender|journalist|reporter|lawyer|farmer|teacher|student|priest|pastor|"
         r"unionist|environmentalist|campaigner|blogger|photographer|editor|organi[sz]er|official|"
         r"commander|soldier|officer|member|worker|chief|councillor|candidate|resident|man|woman|boy|girl|"
         r"son|daughter|brother|sister|husband|wife|father|mother)")
#: ... before the name ("community leader Santos Martinez")
_ROLE_BEFORE = re.compile(rf"(?<![\w-]){_ROLE}\s$")
_ROLE_BEFORE_ANY_CASE = re.compile(rf"(?<![\w-]){_ROLE}\s$", re.IGNORECASE)
#: ... or in an aside after it ("Santos Martinez, a Garifuna community leader,")
_ROLE_ASIDE = re.compile(rf"\s*,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,4}}{_ROLE}s?\b")


def _given_name_of(ctx: Context, gaz, c: "_Cand", stop: frozenset[str]) -> bool:
    """The name precedes a capitalised word that is no kind of place, people, country or
    province (a town may share a surname), and a role comes before them or in an aside
    after them: a given name ("community leader Santos Martinez", "Santos Martinez, a
    Garifuna leader,"), where the entity ruler took the first name for a town."""
    m = _NEXT_WORD.match(ctx.text, c.end)
    if m is None or not (_ROLE_BEFORE.search(ctx.text, max(0, c.start - 20), c.start)
                         or _ROLE_ASIDE.match(ctx.text, m.end())):
        return False
    word = m.group(1)
    return not (word.lower() in stop or word.lower() in PLACE_NAME_TAIL or gaz.demonym(word) or any(
        x.exact and x.feature in ("country", "admin1") for x in _lookup(gaz, word, None)))


def _given_name(ctx: Context, gaz, c: "_Cand", stop: frozenset[str]) -> bool:
    """The name is a part of a person's: the surname after a given name, or the given name
    before a surname (:func:`_given_name_before`, :func:`_given_name_of`)."""
    return _given_name_before(ctx, gaz, c, stop) or _given_name_of(ctx, gaz, c, stop)


def _place_word(gaz, word: str) -> bool:
    """The word is by its own name a country, a province or a town (at least
    :data:`~marsad.geo.build.TOWN` people; not a hamlet that happens to be called "Fox")."""
    return any(m.exact and (m.feature not in LOCAL or m.population >= TOWN)
               for m in _lookup(gaz, word, None))


def _far_small_town(best, anchors: list[tuple[float, float]]) -> bool:
    """A town abroad smaller than a city, far (over :data:`NEAR_ABROAD_KM`) from every
    place of the report's country that the report names: when the report does not name
    the town's country either, a name of a village the gazetteer lacks, not the town
    ("Zahra", a district of Aleppo in a Syrian report, is not Ez Zahra, Tunisia;
    Ceylanpinar, across the border from Ras al-Ain, stays; Tomohon stays in a report
    that names Indonesia)."""
    if best.feature not in LOCAL or best.population >= BIG_TOWN or best.lat is None or not anchors:
        return False
    return all(haversine_km(best.lat, best.lon, lat, lon) > NEAR_ABROAD_KM for lat, lon in anchors)


#: a word for a small place before or after its name ("the community of Trujillo", "Oban village")
_SMALL_PLACE_BEFORE = re.compile(
    r"\b(?:village|hamlet|community|settlement|small\s+town)s?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_SMALL_PLACE_AFTER = re.compile(r"\s+(?:village|hamlet|community|settlement)\b")


def _small_place_word(text: str, c: "_Cand") -> bool:
    """The name is told as a village's, a hamlet's or a community's, which no city of a
    million is (so the report's country holds it, not a famous city abroad)."""
    return bool(_SMALL_PLACE_BEFORE.search(text[max(0, c.start - 40):c.start])
                or _SMALL_PLACE_AFTER.match(text, c.end))


def _world_city(free, local) -> bool:
    """A famous place (a country, a province, a city of a million) that the country
    context would swap for a place fifty times smaller (Rome for Rome, New York)."""
    if free.feature in ("country", "admin1") and local.feature in LOCAL:
        return free.feature == "country" or local.population < TOWN
    return free.population >= 1_000_000 and local.population * 50 < free.population


def _admin1_context(cands: list[_Cand], country: str | None) -> Counter[str]:
    """Provinces the report names without ambiguity (provinces, large towns), counted."""
    out: Counter[str] = Counter()
    for c in cands:
        if not c.matches or c.demonym:
            continue
        best = c.matches[0]
        if best.country != country or not best.admin1_iso:
            continue
        if best.feature in ("admin1", "region") or best.population >= 50000:
            out[best.admin1_iso] += 1
    return out


#: between a place and the province or city named right after it: "Mallah Farms in Aleppo"
_NEXT_TO = re.compile(r"^[\s,]*(?:in|of|,)?\s*(?:the\s+)?$")
#: ... and between a place and the province it lies in: "Oban village in Cross River State",
#: "Douma, Rural Damascus", "the El Rosario monarch butterfly sanctuary in Michoacan", "San
#: Marcos de la Sierra, in the Honduran department of Intibuca" - a town of the report's
#: country missing from the gazetteer is not the town abroad that has its name among
#: alternate names
_IN_PROVINCE = re.compile(r"^[\s,]*(?:(?:(?!(?:and|or)\s)[\w-]+\s+){0,2}(?:village|town|city|district|area|community|municipality|"
                          r"neighbou?rhood|suburb|camp|sanctuary|reserve|park|stronghold|bastion|enclave)\s+)?"
                          r"(?:(?:in|of|,)\s*(?:the\s+)?|in\s+(?:the\s+)?(?:[\w-]+\s+)?(?:department|province|state|region|"
                          r"governorate|county|prefecture)\s+of\s+)$", re.IGNORECASE)


def _prefer_admin1(matches: list, admin1s: Counter[str], near: str | None) -> list:
    """Among near-equal local matches of one country, the one in a province the report
    names (the province named right after the place first: "Mallah Farms in Aleppo");
    a town named so only by an alternate name never displaces one named so in its own
    right ("Portland" is no Sandusky, Ohio, whatever else the report says of Ohio)."""
    if len(matches) < 2 or matches[0].feature not in LOCAL:
        return matches
    top = matches[0]
    rivals = [m for m in matches[:8] if m.country == top.country and m.feature in LOCAL
              and m.score >= top.score - 1.2 and m.admin1_iso and (m.exact or not top.exact)]
    if len(rivals) < 2:
        return matches

    def key(m):
        return (m.admin1_iso == near, admin1s.get(m.admin1_iso, 0), m.score)

    best = max(rivals, key=key)
    if best is top:
        return matches
    return [best] + [m for m in matches if m is not best]


def _within(matches: list, near: str | None) -> list:
    """The town of a name that lies in the province or city named right after it, first,
    wherever else a bigger town has that name: "the town of Ariha in Idlib" is the Syrian
    Ariha, not Jericho (whose Arabic name it is), "Paris, Texas" the Texan one."""
    if not near or not matches or matches[0].admin1_iso == near:
        return matches
    inside = next((m for m in matches[:8] if m.admin1_iso == near and m.feature in LOCAL), None)
    if inside is None:
        return matches
    return [inside] + [m for m in matches if m is not inside]


def _anchor(gaz, best, matches, want_admin1: bool):
    """The entry a phrase is anchored on: the province when asked for and X names one."""
    if want_admin1:
        if best.feature == "admin1":
            return best
        for m in matches:
            if m.feature == "admin1" and m.admin1_iso == best.admin1_iso and best.admin1_iso:
                return m
        if best.admin1_iso and best.country:
            a = gaz.admin1(best.country, best.admin1_iso)
            if a is not None:
                return a
        return best
    # a bare name of both a province and its chief town: the town (ACLED codes the city)
    if best.feature == "admin1":
        for m in matches[1:4]:
            if m.feature in LOCAL and m.admin1_iso == best.admin1_iso and m.population >= TOWN:
                return m
    return best


#: kinds of registered source whose names are no places: "Mada Masr" (Masr is Cairo's
#: Arabic name), "Jordan Times", "Kurdistan 24", "Syria TV"; a government's name is its
#: country's ("the Turkish government")
_OUTLET_TYPES = frozenset({"media", "state_media", "monitor", "international_org"})


def _outlet_spans(ctx: Context) -> list[tuple[int, int]]:
    """Spans of the names of registered outlets, monitors and international bodies (the
    source registry's ``[[source]]`` entries of :data:`_OUTLET_TYPES`)."""
    reg = getattr(ctx.resources, "sources", None)
    if reg is None:
        return []
    return [(s, e) for s, e, entry in index_matches(ctx, reg.index, "source_registry")
            if entry.kind == "source" and entry.type in _OUTLET_TYPES]


def resolve_places(ctx: Context, gaz) -> tuple[list[Place], str | None]:
    stop = _stopwords()
    titled, people = titled_names(ctx), _person_spans(ctx, gaz)   # once: they need no country
    in_outlet = Within(_outlet_spans(ctx))
    memo: dict = {}     # the capitalised runs, whatever the country: shared by both calls

    def candidates(country: str | None = None) -> list[_Cand]:
        # a word of an outlet's longer name is no place ("Masr" of "Mada Masr", "America"
        # of "PEN America"); an outlet named just like a place may be the place ("the town
        # of Al Mayadeen"), and a people's name in it still tells what the report is about
        # ("the Syrian Observatory"); nor is a name right before "news agency" (the
        # judiciary's "Mizan news agency", which the registry may not know)
        found = [c for c in _candidates(ctx, gaz, titled, people, country, memo)
                 if c.demonym or not in_outlet(c.start, c.end) and not _AGENCY_AFTER.match(ctx.text, c.end)]
        # a name the report calls a company is one in all its mentions ("telecoms giant
        # Orange ... while Orange has been fined")
        companies = {c.text for c in found if not c.demonym and (
            _COMPANY_BEFORE.search(ctx.text, max(0, c.start - 20), c.start) or _COMPANY_AFTER.match(ctx.text, c.end))}
        return [c for c in found if c.text not in companies] if companies else found

    cands = candidates()
    country = _country_context(ctx, cands, gaz, stop)
    if country:
        # again, now that transliteration variants can be matched inside the country
        cands = candidates(country)
    text = ctx.text
    placed = _placed_by_next(text, cands, gaz)
    for c in cands:
        if c.demonym:
            continue
        free = _lookup(gaz, c.text, None)
        c.matches = _lookup(gaz, c.text, country, fuzzy=c.label in ENTITY_PLACES or " " in c.text)
        if free and c.matches and free[0].country != c.matches[0].country and _world_city(free[0], c.matches[0]) \
                and not (c.matches[0].feature in LOCAL and _small_place_word(text, c)):
            c.matches = free    # London stays in England in a report about the United States
                                # (not "the community of Trujillo": no city of a million)
        if c.matches and c.matches[0].feature not in ("country",):
            # "Somali" is a people before a region, "Australian" before a territory (a
            # listed demonym also counted for the country context; a derived one does not)
            c.demonym = gaz.demonym(c.text, derive=True)
        c.free = free
    _sentence_sense(ctx, cands, placed)
    admin1s = _admin1_context(cands, country)
    # words of people's full names ("Fidel Castro" ... "Castro"): not places alone
    person_words = {w for s, e, label in ctx.entities if label == "PERSON"
                    for w in text[s:e].split()[1:] if len(text[s:e].split()) > 1}
    # ... and a name's first word, which in Chinese, Korean or Hungarian names is the
    # surname ("Zhang Zhan" ... "Zhang was sentenced"), unless it is the town's own name
    # and not only one GeoNames lists among its alternates (Chang'an's "Zhang")
    first_words = {text[s:e].split()[0] for s, e, label in ctx.entities if label == "PERSON"
                   and len(text[s:e].split()) > 1}
    # a name abroad right after a person's given names is their surname, not a place:
    # the entity ruler labels "Salem" of "Lady Ann Salem" an Indian city
    person_ends = {e for s, e, label in ctx.entities if label == "PERSON"}
    for c in cands:
        abroad = c.matches and c.matches[0].feature != "country" and country and c.matches[0].country != country
        after_person = c.start - 1 in person_ends and text[c.start - 1] == " "
        if abroad and (after_person or _given_name(ctx, gaz, c, stop)):
            person_words.add(c.text)
        elif after_person and c.matches and c.matches[0].feature in LOCAL and c.matches[0].population < BIG_TOWN \
                and _role_and_given_name_before(text, c.start):
            # ... and a town at home, after a role and a given name the model saw as a person
            # ("journalist Lourdes Maldonado": no village of Guerrero)
            person_words.add(c.text)
    # a name abroad right after a place of the report's country and its possessive is a
    # part of that place: "Aleppo's Old City" (also "Aleppos", apostrophe stripped) is not
    # Hebron's
    part_of = {c.start for c in cands
               if country and c.matches and not c.demonym and c.matches[0].country != country
               and c.matches[0].feature != "country" and _owner_in(gaz, text, c.start, country)} | {
        c.start for c in cands if _part_of_city(text, c)}
    # a small town abroad needs its country named in the report, or to lie near one of
    # the report's own places
    named = {c.demonym for c in cands if c.demonym} | {
        c.matches[0].country for c in cands if c.matches and c.matches[0].feature == "country"}
    anchors = [(m.lat, m.lon) for c in cands if c.matches and not c.demonym
               for m in c.matches[:1] if m.country == country and m.lat is not None]
    places: list[Place] = []
    holds: dict[int, str] = {}    # start of a name -> the province it names, holding a town before it
    taken_names: set[tuple[str, int]] = set()
    place_starts = {s for s, _e, label in ctx.entities if label in ("GPE", "LOC", "FAC")}
    for i, c in enumerate(cands):
        if c.demonym:
            continue
        matches = c.matches
        if not matches:
            continue
        if c.text in person_words and matches[0].feature != "country" or c.start in part_of:
            continue
        if c.text in first_words and not matches[0].exact and matches[0].feature in LOCAL:
            continue
        near = province = holder = holder_at = None
        # the rest of a longer name the gazetteer lacks ("San Marcos de la Sierra") is no gap
        tail = _NAME_TAIL.match(text, c.end)
        c_end = tail.end() if tail else c.end
        for d in cands[i + 1:i + 4]:
            if d.start < c_end:
                continue    # a part of the name ("Rosario" of "El Rosario"), no place after it
            if d.start - c_end <= 40 and d.matches and d.matches[0].feature in ("admin1", "city"):
                between = text[c_end:d.start]
                if _IN_PROVINCE.match(between):
                    if d.matches[0].feature == "admin1":
                        province = d.matches[0].admin1_iso
                    elif _AFTER_PROVINCE.match(text[d.end:d.end + 40]):
                        # a city named with its province's word is the province ("in Latakia province")
                        province = next((m.admin1_iso for m in d.matches[:4] if m.feature == "admin1"), None)
                if _NEXT_TO.match(between):
                    near = d.matches[0].admin1_iso
                    holder = near if _contains(text, c, d) else None
                    holder_at = d.start if holder else None
                    break
        owned = _owner_named_before(gaz, text, c.start)
        owner, owner_start, border = owned if owned is not None else (None, c.start, False)
        if border and not any(m.country == owner for m in matches):
            owner = None    # no such town at that side of the border: the other side's
        if owner is not None and owner != matches[0].country and matches[0].feature != "country":
            # "the central Malian town of Moura" is Mali's Moura, not Portugal's; when the
            # gazetteer has none there the people's word still placed the report
            matches = [m for m in matches if m.country == owner]
            if not matches:
                # a town the gazetteer lacks: the country, at precision 3, from the
                # people's word to the name
                home = gaz.country(owner)
                whole = sum(ch.isalpha() for ch in c.text) >= 4 and text[c.end:c.end + 1] not in ("-", "‐", "'", "’")
                if home is not None and whole:
                    s0 = owner_start
                    places.append(Place(
                        start=s0, end=c.end, text=text[s0:c.end], name=ascii_name(home.name),
                        country=home.country, lat=home.lat, lon=home.lon, precision=3, feature="country",
                        geonames_id=home.geonames_id, score=0.5, sentence=ctx.sentence_of(c.start)))
                continue
        matches = _prefer_admin1(_within(matches, holder), admin1s, near)
        best = matches[0]
        if province and province[:2] == country and best.feature in LOCAL \
                and not any(m.admin1_iso == province for m in matches[:8] if m.feature in LOCAL):
            continue    # "Oban village in Cross River State" (Nigeria) is no Auburn, USA, and
                        # "Tal Malah in Hama province" no Malah of Sweida: the province places it
        if best.feature in LOCAL and best.country == country and admin1s and best.admin1_iso not in admin1s \
                and _DISTRICT_AFTER.match(text, c.end) and not any(m.feature == "admin2" for m in matches[:8]):
            continue    # "Ballia district" in a report on Uttar Pradesh is no town of Bihar named so
                        # (the gazetteer lacks the district): no place rather than a wrong one
        if best.feature == "country" and country and best.country != country:
            # "Niger" in a report about Nigeria is Niger State; "Georgia" in one about the
            # United States the state; but a subdivision that ISO 3166-1 also lists as
            # this very country (CN-TW, US-PR, NL-AW) is no other place: "Taiwan" in a
            # report on China stays Taiwan
            named_so = _province_named(matches[1:4], country)
            if named_so is not None and named_so.admin1_iso != f"{country}-{best.country}":
                best = named_so
        # a town's name the report has already taken for the town stays a place ("detained
        # in Aberdeen, Scotland ... the Aberdeen harbour master")
        if best.feature == "admin1" and _WATER_NAME.search(c.text) \
                and not _AFTER_PROVINCE.match(text[c.end:c.end + 40]) \
                and (_BEFORE_ARTICLE.search(text, max(0, c.start - 5), c.start)
                     or _SHIP_BEFORE.search(text, max(0, c.start - 60), c.start)):
            continue    # "a ship in the Red Sea" is at sea, not in Egypt's Red Sea governorate
                        # ("Red Sea state", "the Red Sea governorate" are the provinces)
        # a people's word before "town of" sets the country the name is judged in ("the
        # southern Lebanese town of Bint Jbeil" in a report the strikes' side dominates)
        judged_in = owner if owner is not None and best.country == owner and not border else country
        if (c.text, best.place_id) not in taken_names and not _acceptable(c, best, judged_in, stop, text, admin1s) \
                or _facility_elsewhere(gaz, text, c, best):
            continue
        if best.feature in LOCAL and not _site(best) and (
                _STREET_AFTER.match(text, c.end)
                or (c.label == "PERSON" and _name_continues(text, c.end, place_starts))):
            continue    # "on Roosevelt Avenue" is a street, "leader Aung San Suu Kyi" a person
        if best.feature in LOCAL:
            taken_names.add((c.text, best.place_id))
        if country and best.country != country and not _site(best) and (
                best.country not in named and _far_small_town(best, anchors)
                or best.feature in LOCAL and best.population >= TOWN and _small_place_word(text, c)
                or _FACILITY_AFTER.match(text, c.end) or _NAME_GOES_ON.match(text, c.end)
                or _SO_CALLED.search(text, max(0, c.start - 15), c.start)
                or _longer_name(gaz, text, c.end)):
            continue    # "the Salem Mosque in Ariha" is no Indian city, nor "the coastal village
                        # of Bayda" (in a report on Syria) Libya's city of 250,000, nor "Mashhad
                        # al-Kallasa" (a district of Aleppo) an Iranian one, nor "Adam Fox",
                        # "Toyota Camry", "the Delta Company", "the so-called Hirak" towns
        start, end = c.start, c.end
        before = text[max(0, start - 60):start]
        after = text[end:end + 40]
        precision = None
        want_admin1 = False
        m_prov_a = _AFTER_PROVINCE.match(after)
        m_prov_b = _BEFORE_PROVINCE.search(before)
        if m_prov_b is not None and m_prov_b["listed"] and best.feature == "country" and not m_prov_a \
                and not _PLURAL_PROVINCE_WORD.search(m_prov_b.group(0)):
            m_prov_b = None     # "the state of Guerrero, Mexico": the country that holds the state
        if best.feature == "country" and (m_prov_a or m_prov_b):
            # "Niger State" is the Nigerian state, not the country named like it
            best = _province_named(matches) or best
        elif (m_prov_a or m_prov_b) and best.feature == "admin1":
            # "Plateau state" is Nigeria's state, not Benin's Plateau department
            word = (m_prov_a or m_prov_b).group(0)
            best = _province_of_kind(matches, best, word)
        elif (m_prov_a or m_prov_b) and country and best.country != country \
                and _province_named(matches, country) is not None:
            # "La Paz department" in a report on Honduras is its department, not Bolivia's city
            best = _province_named(matches, country)
        elif (m_prov_a or m_prov_b) and not best.exact:
            # "Samar province" is the Philippine province of that very name, not Samara
            best = _province_named(matches, levels=("admin1", "admin2")) or best
        elif (m_prov_a or m_prov_b) and best.feature in LOCAL \
                and (named_prov := _province_named(matches, best.country, levels=("admin1", "admin2"))) is not None:
            # "Bulacan province" is the Philippine province, not the town of its name (whose
            # region the province word would otherwise have taken), "the state of Guerrero,
            # Mexico" the Mexican state, not a village of Coahuila named Guerrero
            best = named_prov
        m_area = _AFTER_AREA.match(after)
        m_near = _BEFORE_NEAR.search(before)
        if best.feature == "country":
            precision = 3
        elif m_prov_a or m_prov_b:
            # a province the gazetteer keeps below admin1 (the Philippines' "Samar
            # province") stays itself
            precision, want_admin1 = 3, best.feature != "admin2"
            if m_prov_a:
                end = end + m_prov_a.end()
            elif not m_prov_b["listed"]:
                start = start - len(m_prov_b.group(0))  # "the provinces of Latakia and Tartus":
                                                         # the first takes the words, both the level
        elif m_area:
            word = m_area.group(0).split()[-1].lower()
            is_prov = best.feature == "admin1" or any(
                m.feature == "admin1" and m.admin1_iso == best.admin1_iso for m in matches[:4])
            want_admin1 = is_prov and word not in ("district",)
            # "Lower Shabelle region", "the Sagaing region", "the Amhara region": where a
            # province is a region, its name with the word is the province (precision 3; not
            # "the northern Lower Shabelle region", a part of it)
            precision = 3 if word == "region" and best.feature == "admin1" and m_near is None \
                and m_area.group(0).split()[0].lower() == "region" else 2
            end = end + m_area.end()
        elif m_near:
            precision = 2
            start = start - len(m_near.group(0))
            is_prov = best.feature == "admin1" or any(
                m.feature == "admin1" and m.admin1_iso == best.admin1_iso for m in matches[:4])
            phrase = m_near.group(0).lower()
            want_admin1 = is_prov and ("countryside" in phrase or "rural" in phrase)
        elif _BEFORE_AREA_LISTED.search(before):
            # "the countryside of Idleb and Hama": Hama's countryside too (the first took the words)
            precision = 2
            want_admin1 = best.feature == "admin1" or any(
                m.feature == "admin1" and m.admin1_iso == best.admin1_iso for m in matches[:4])
        if c.start in holds and best.feature in LOCAL and precision is None:
            # "the village of Kafr Nabl in Idlib": Idlib is the province that holds the
            # town, not the city of its name
            province_of = next((m for m in matches[:4] if m.feature == "admin1"
                                and m.admin1_iso == holds[c.start]), None)
            if province_of is not None:
                best, precision, want_admin1 = province_of, 3, True
        entry = _anchor(gaz, best, matches, want_admin1)
        if holder_at is not None and entry.feature in LOCAL and entry.admin1_iso == holder:
            holds[holder_at] = holder
        if precision is None:
            precision = {"admin1": 3, "country": 3, "region": 2, "admin2": 2}.get(entry.feature, 1)
            if entry.feature == "region" and not entry.admin1_iso:
                precision = 3   # a region across provinces ("Darfur")
        if entry.feature in ("admin1",) and precision == 1:
            precision = 3
        if precision == 2 and entry.feature == "country":
            precision = 3
        feature = entry.feature if entry.feature in ("country", "admin1", "admin2", "city", "village") else (
            "place" if entry.feature != "region" else "admin2")
        places.append(Place(
            start=start, end=end, text=text[start:end], name=ascii_name(entry.name), country=entry.country,
            admin1=ascii_name(entry.admin1) if entry.feature != "country" else None,
            admin1_iso=entry.admin1_iso if entry.feature != "country" else None,
            admin2=ascii_name(entry.admin2), lat=entry.lat, lon=entry.lon, precision=precision,
            feature=feature, geonames_id=entry.geonames_id,
            score=_confidence(c, best, country, matches),
            sentence=ctx.sentence_of(c.start)))
    places = _capital_places(ctx, gaz, cands, places, country)
    return _in_host_city(ctx, places), country


#: a people's word before the kind of place a name is: "the central Malian town of",
#: "the Syrian border town of", "a Kurdish-majority city of"
_OWNER_KIND_BEFORE = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:([a-z-]+)\s+)?(?:town|village|city|district|province|region|governorate|state|"
    r"department|county|port|hamlet|municipality)\s+of\s+$")


def _owner_named_before(gaz, text: str, start: int) -> tuple[str, int, bool] | None:
    """The country a people's word right before "town of" gives the name after it, where
    that word starts, and whether the country is only the border's ("the Turkish border
    town of Azaz" lies at Turkey's border, on either side: a town of that name in the
    country is preferred, but none there does not make the name Turkey's)."""
    m = _OWNER_KIND_BEFORE.search(text, max(0, start - 60), start)
    country = gaz.demonym(m.group(1), derive=True) if m else None
    return (country, m.start(1), m.group(2) == "border") if country else None


#: "capital" after a people's word or a country's possessive ("the Somali capital",
#: "Syria's capital"), not when the capital's name follows ("Congo's capital Brazzaville")
#: nor a capital of something else ("the capital of Raqqa province")
_CAPITAL_AFTER = re.compile(r"(?:['’]s)?\s+capital\b(?!['’]s)(?!,?\s+(?:city\s+)?(?:of\b|[A-Z]))")
#: "the capital" alone: the capital of the report's country ("a bomb exploded in the
#: capital"), not a provincial or rebel capital ("the provincial capital", "the IS capital")
_THE_CAPITAL = re.compile(r"\b(?:in|into|inside|near|outside|around|across|throughout|of|at)\s+the\s+(capital)\b"
                          r"(?!['’]s)(?!,?\s+(?:city\s+)?(?:of\b|[A-Z]))")


def _capital_places(ctx: Context, gaz, cands: list[_Cand], places: list[Place],
                    country: str | None) -> list[Place]:
    """Capitals named by what they are: "the Somali capital", "Syria's capital" (that
    country's), "in the capital" (the report's country's), each the capital city at
    precision 1; the country's own mention gives way to it. "North of the capital", "30km
    from the capital" name no place of the event."""
    text = ctx.text
    found: list[tuple[int, int, str]] = []
    for c in cands:
        m = _CAPITAL_AFTER.match(text, c.end)
        if m is None:
            continue
        if c.demonym:
            found.append((c.start, m.end(), c.demonym))
        elif "'" in m.group(0)[:2] or "’" in m.group(0)[:2]:
            home = next((p for p in places if p.start == c.start and p.feature == "country"), None)
            if home is not None:
                found.append((c.start, m.end(), home.country))
    if country:
        for m in _THE_CAPITAL.finditer(text):
            found.append((m.start(1), m.end(1), country))
    if not found:
        return places
    out = list(places)
    for s, e, cc in found:
        cap = gaz.capital(cc)
        if cap is None or ctx.is_masked(s, e) or any(p.start < e and s < p.end and p.feature != "country"
                                                     for p in out):
            continue
        if _BEFORE_NEAR.search(text, max(0, s - 60), s):
            continue    # "a suburb northeast of the capital" lies outside it, often in another province
        out = [p for p in out if not (p.start < e and s < p.end)]
        out.append(Place(start=s, end=e, text=text[s:e], name=ascii_name(cap.name), country=cap.country,
                         admin1=ascii_name(cap.admin1), admin1_iso=cap.admin1_iso,
                         admin2=ascii_name(cap.admin2), lat=cap.lat, lon=cap.lon, precision=1,
                         feature="city", geonames_id=cap.geonames_id,
                         score=0.75 if cc == country else 0.6, sentence=ctx.sentence_of(s)))
    out.sort(key=lambda p: p.start)
    return out


#: a building or street named after a place or a person: "Salem Mosque", "Cairo Street"
#: a street named after a place or a person: no place of its own ("Roosevelt Avenue")
_STREET_AFTER = re.compile(r"\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive)(?![\w-])")
#: a person's name going on after a part the model took for a name ("Aung San Suu Kyi")
_NAME_CONTINUES = re.compile(r"\s+([A-Z][a-z]+)\b")
#: capitalised words that open a figure, not a name ("Dozens of civilians")
_VAGUE_CAPS = frozenset({"Dozens", "Hundreds", "Thousands", "Scores", "Tens", "Several", "Many", "Some"})


def _name_continues(text: str, end: int, place_starts: set[int]) -> bool:
    """A capitalised word follows that is no number word and begins no place the model
    found ("Aung San Suu Kyi"; not "Khan Sheikhun Sixteen civilians", nor the tags "Kafr
    Takharim Khan Sheikhun")."""
    m = _NAME_CONTINUES.match(text, end)
    if m is None or m.start(1) in place_starts:
        return False
    word = m.group(1)
    return word not in _VAGUE_CAPS and words_value([word.lower()]) is None

#: a building or site named after its town: "Salem Mosque", "Aberdeen Harbour"
_FACILITY_WORDS = (r"Mosque|Hospital|School|Church|Cathedral|University|College|Stadium|Prison|Hotel|"
                   r"Mall|Market|Bridge|Street|Road|Avenue|Square|Roundabout|Camp|Airport|Shrine|"
                   r"Bakery|Clinic")
_FACILITY_AFTER = re.compile(rf"\s+(?:(?:Grand|Great|Central|National|Old)\s+)?(?:{_FACILITY_WORDS})\b")
#: ... in any case, then the place that holds it: "Al-Sadr prison in Abu Dhabi"
_FACILITY_IN_PLACE = re.compile(_FACILITY_AFTER.pattern + r"\s+(?:in|near|outside|at)\s+(?:the\s+)?"
                                r"(?P<place>(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))", re.IGNORECASE)


def _facility_elsewhere(gaz, text: str, c: "_Cand", best) -> bool:
    """A town's alternate name that names a facility another country's place holds: "Al-Sadr
    prison in Abu Dhabi" is no Sadr City (but "the Frankfurt airport in Germany" is Frankfurt's)."""
    if best.feature not in LOCAL or best.exact:
        return False
    m = _FACILITY_IN_PLACE.match(text, c.end)
    if m is None:
        return False
    holder = _lookup(gaz, m.group("place"), None)[:1]
    return bool(holder) and holder[0].country != best.country


#: ... ending a name looked up whole, harbours too
_FACILITY_END = re.compile(rf"\s+(?:{_FACILITY_WORDS}|Harbou?r|Port|Docks?|Station)$")
#: a capitalised word right after a name
_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)\b(?!-)")
#: a term, not a place: "the so-called “Hirak” movement"
_SO_CALLED = re.compile(r"\bso-called\s+[\"“'‘]?$", re.IGNORECASE)


def _longer_name(gaz, text: str, end: int) -> bool:
    """A capitalised word that is no place, people, day, month or kind of place follows
    the name: the name begins a longer one ("Adam Fox", "Toyota Camry", "Delta Company",
    "Charlotte Fakes"; not "Kabul Afghanistan", "Gaza Strip", "London Tuesday")."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    return word.lower() not in PLACE_NAME_TAIL and not gaz.demonym(word) and not _place_word(gaz, word)


#: an Arabic article and a name after a name, or a linking particle and a name: the name
#: goes on ("Mashhad al-Kallasa", "Praia da Luz")
#: the words that link the parts of a place's name: "Praia da Luz", "San Marcos de la Sierra"
_LINKS = r"da|de|do|dos|das|del|della|di|du|des|la|le|van|von|der|den|y"
#: the rest of a place's longer name: "de la Sierra" of "San Marcos de la Sierra"
_NAME_TAIL = re.compile(rf"(?:\s+(?:{_LINKS})(?:\s+(?:la|las|los|le|les))?\s+[A-Z][\w'’-]*)+")
#: ... or linked by hyphens, which the model's entity stops at: "Mazar-i-Sharif", "Bandar-e Abbas"
_HYPHEN_TAIL = re.compile(r"[-‐](?:[a-z]{1,2}[-‐ ])?[A-Z][\w'’]*")
_NAME_GOES_ON = re.compile(rf"\s+(?i:{_PARTICLE})[A-Z]|\s+(?:{_LINKS})\s+[A-Z]")
_NEIGHBOURHOOD = re.compile(r"\s+(?:neighbou?rhood|quarter)\b", re.IGNORECASE)
_IN_AFTER = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?")
_OF_AFTER = re.compile(r"\s+of\s")
_CITY_AFTER = re.compile(r"\s+city\b", re.IGNORECASE)


def _in_host_city(ctx: Context, places: list[Place]) -> list[Place]:
    """A neighbourhood ("the Qusour neighborhood") lies in the city named right after it
    ("al-Qusour neighborhood in Deir Ezzor city"), else in the one the report has just
    named ("the eastern city of Deir el-Zour"), whatever town elsewhere shares its name:
    it is placed in that city, at ACLED precision 1."""
    out: list[Place] = []
    for p in places:
        m = _NEIGHBOURHOOD.match(ctx.text, p.end) if p.feature not in ("country", "admin1") else None
        if m and _OF_AFTER.match(ctx.text, m.end()):
            m = None    # "the Aleppo neighborhood of al-Sukkari": a neighbourhood of Aleppo itself
        host = None
        if m:
            # "al-Qusour neighborhood in Deir Ezzor city", else the city named before it
            after = _IN_AFTER.match(ctx.text, m.end())
            host = next((q for q in places if after and q.start == after.end() and (
                q.feature == "city" or (q.feature == "admin1" and _CITY_AFTER.match(ctx.text, q.end)))), None)
            host = host or next((q for q in reversed(out) if q.feature == "city" and q.country == p.country
                                 and 0 <= p.sentence - q.sentence <= 2 and q.name != p.name), None)
        if host is None:
            out.append(p)
            continue
        out.append(replace(host, start=p.start, end=m.end(), text=ctx.text[p.start:m.end()],
                           precision=1, feature="place", sentence=p.sentence))
    return out


_MARKS = str.maketrans({"ʻ": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "‘": "'", "’": "'"})


def ascii_name(name: str | None) -> str | None:
    """A gazetteer name in plain Latin letters, as GeoNames' ``asciiname`` and English
    reports write it ("Ţarţūs" -> "Tartus", "Khān Shaykhūn" -> "Khan Shaykhun"); the
    report's own spelling stays in ``text``."""
    if not name:
        return name
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", name.translate(_MARKS))
                   if not unicodedata.combining(ch))


def _confidence(c: _Cand, best, country: str | None, matches: list) -> float:
    s = 0.5
    if c.label in ENTITY_PLACES:
        s += 0.2
    if country and best.country == country:
        s += 0.15
    if best.exact:
        s += 0.1
    if len(matches) > 1 and matches[1].score >= best.score - 0.3 and matches[1].country != best.country:
        s -= 0.2
    return round(max(0.05, min(1.0, s)), 2)


_NAME = r"(?:al-|Al-|el-|El-|ad-|as-|ash-|at-|az-|ar-)?[A-Z][\w’'-]+(?:\s+(?:al-|el-|ad-|as-|ash-)?[A-Z][\w’'-]+|\s+al-[\w’'-]+){0,3}"
_SETTLEMENTS = re.compile(
    rf"\b(?P<kind>villages?|towns?|hamlets?|neighbou?rhoods?|districts?|suburbs?|camps?)\s+of\s+"
    rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+and\s+{_NAME})?)")
_SPLIT_NAMES = re.compile(r"\s*,\s*|,?\s+and\s+")
#: ... and a village named before its kind: "a raid on Kwaga village in Borno state" (not
#: "The village", "Old village": a word that begins sentences or is no name)
_SETTLEMENT_BEFORE = re.compile(
    rf"(?<![\w’'-])(?!(?:The|A|An|This|That|One|Another|Each|Every|Our|Their|His|Her|Its|Old|New|Model|Global|"
    rf"Olympic|Smart|Border|Local|Nearby|Home|Native)\s)"
    rf"(?P<names>[A-Z][\w’'-]+(?:\s+(?:{_LINKING}\s+|(?:al|el|as|ad|ar|ash|az)-)?[A-Z][\w’'-]+){{0,3}})"
    rf"\s+(?P<kind>village|hamlet)\b")


def _settlement_matches(text: str):
    """The settlements the text names by a word of their kind: ``(start, end, kind,
    names_start, names)``, in text order."""
    found = [(m.start(), m.end(), m.group("kind"), m.start("names"), m.group("names"))
             for m in _SETTLEMENTS.finditer(text)]
    if "illage" in text or "amlet" in text:
        found += [(m.start(), m.end(), m.group("kind"), m.start("names"), m.group("names"))
                  for m in _SETTLEMENT_BEFORE.finditer(text)]
        found.sort()
    return found


def named_settlements(ctx: Context, places: list[Place]) -> list[Place]:
    """Settlements the text names ("the villages of Al-Qabu and Ain al-Arus") that the
    gazetteer does not know (or knows only a part of, "Tall" in "Tall Tawil"). Each becomes a Place with the name as written, located in the
    province (or country) the same sentence places it in, with that province's
    coordinates and ACLED precision 2 ("part of a district"): the village is real and
    sourced, only its exact point is unknown. Importing a GeoNames dump makes them
    precision 1. The host is a place of the report's country: a stray match abroad in the
    sentence does not carry Syrian villages to Iran. A quarter of a city with no host in its
    sentence lies in the city the report was filed from, in the report's country; a town or
    village that only its country holds ("the town of Dablo in northern Burkina Faso") is
    named so at the country's point, precision 3."""
    text = ctx.text
    out: list[Place] = []
    partial: list[Place] = []
    # a people's or a faith's word before the kind says whose village it is ("the Sunni
    # village of Bayda", "an Alawite village"): no village's name
    peoples = {(s, e) for s, e, label in ctx.entities if label == "NORP"}
    # the city the report was filed from holds no town it tells of (found once: datelines
    # lie near the start)
    filed = {id(p) for p in places if p.start < 1000 and filed_at(text, p.start, p.end, with_country=True)}
    for m_start, m_end, kind, names_start, names_text in _settlement_matches(text):
        if ctx.is_masked(m_start, m_end):
            continue
        sent = ctx.sentence_of(m_start)
        # (not the city the report was filed from: "KINSHASA (Reuters) - M23 rebels seized the
        # town of Rubaya" is no town of Kinshasa's)
        context = [p for p in places if p.sentence == sent and p.feature in ("admin1", "admin2", "city")
                   and p.start >= m_start - 80 and not (names_start <= p.start < m_end)
                   and (ctx.country_context is None or p.country == ctx.country_context)
                   and id(p) not in filed]
        kind = kind.lower()
        if not context and kind.startswith(("neighbo", "district", "suburb")):
            # a quarter of a city, the report filed from that city ("ALEPPO, Syria (AP) -
            # ... barrel bombs on the rebel-held neighborhood of al-Shaar")
            context = [p for p in places if p.start < 200 and p.feature == "city" and ctx.country_context
                       and p.country == ctx.country_context and id(p) in filed][:1]
        precision = 2
        if not context and kind.startswith(("village", "town", "hamlet")):
            # "the town of Dablo in northern Burkina Faso", "the town of Rubaya, home to a major
            # coltan mine in eastern Congo": only the country holds it, so its point is the
            # country's (precision 3), but the name is the town's
            context = [p for p in places if p.sentence == sent and p.feature == "country"
                       and p.start >= m_end and p.start - m_end <= 80
                       and not any(m_end <= q.start < p.start for q in places)
                       and (ctx.country_context is None or p.country == ctx.country_context)][:1]
            precision = 3
        if not context:
            continue
        host = min(context, key=lambda p: abs(p.start - m_end))
        feature = "village" if kind.startswith(("village", "hamlet")) else "place"
        pos = names_start
        names = _SPLIT_NAMES.split(names_text)
        if not kind.endswith("s"):
            names = names[:1]   # "the village of Trujillo, Front Line Defenders said": one village
        for name in names:
            start = text.index(name, pos)
            end = start + len(name)
            pos = end
            if (start, end) in peoples:
                continue
            inside = [p for p in places if p.start < end and start < p.end]
            if inside and not all(start <= p.start and p.end <= end and p.end - p.start < end - start
                                  and p is not host for p in inside):
                continue
            # a gazetteer match on part of the name ("Tall" of "Tall Tawil") is not the place
            partial.extend(inside)
            out.append(Place(start=start, end=end, text=name, name=name, country=host.country,
                             admin1=host.admin1, admin1_iso=host.admin1_iso, admin2=host.admin2,
                             lat=host.lat, lon=host.lon, precision=precision, feature=feature,
                             score=0.4, sentence=sent))
    for p in partial:
        if p in places:
            places.remove(p)
    return out


#: a sentence (or clause) opened by "In X,": the region the sentence tells of
FRONTED_IN = re.compile(r"(?:^|[.;:]\s+|\n)\s*(?:(?:Meanwhile|Elsewhere|Separately|And|Also),?\s+)?[Ii]n\s+$")


def _fronted_provinces(ctx: Context, gaz, places: list[Place]) -> list[Place]:
    """A city named like its province that opens a sentence, "In X,", before a town of
    that province the sentence names, is the province: "In Deir ez-Zor, an IS car bomb
    killed four SDF fighters in the town of Hajin" (the roundup's region, not the city)."""
    out = list(places)
    towns: dict[tuple[int, str], list[Place]] = {}     # (sentence, province) -> its towns
    for q in places:
        if q.precision == 1 and q.admin1_iso:
            towns.setdefault((q.sentence, q.admin1_iso), []).append(q)
    for i, p in enumerate(places):
        if p.feature not in LOCAL or p.precision != 1 or not p.admin1_iso or not ctx.text.startswith(",", p.end) \
                or not FRONTED_IN.search(ctx.text, max(0, p.start - 30), p.start):
            continue
        if not any(q.start > p.end and q.name != p.name for q in towns.get((p.sentence, p.admin1_iso), ())):
            continue
        a = gaz.admin1(p.country, p.admin1_iso)
        if a is None or similarity(ascii_name(a.name) or "", p.name or "") < ALT_NAME_SIMILARITY \
                and similarity(p.admin1 or "", p.name or "") < ALT_NAME_SIMILARITY:
            continue
        out[i] = Place(start=p.start, end=p.end, text=p.text, name=p.admin1 or ascii_name(a.name), country=p.country,
                       admin1=p.admin1, admin1_iso=p.admin1_iso, admin2=None, lat=a.lat, lon=a.lon, precision=3,
                       feature="admin1", geonames_id=a.geonames_id, score=p.score, sentence=p.sentence)
    return out


@component("places", reads=("text", "sentences", "entities", "masked"),
           assigns=("places", "country_context"))
def places_stage(ctx: Context) -> None:
    """Place mentions resolved against the gazetteer, with ACLED geo precision."""
    gaz = ctx.resources.gazetteer
    ctx.places, ctx.country_context = resolve_places(ctx, gaz)
    ctx.places = _fronted_provinces(ctx, gaz, ctx.places)
    extra = named_settlements(ctx, ctx.places)
    if extra:
        ctx.places = sorted(ctx.places + extra, key=lambda p: p.start)


def salient_place(ctx: Context, places: list[Place] | None = None) -> Place | None:
    """The place a report is most about: provinces weighted by mentions, the lead counting
    most; the first mention in that province is returned. For evaluation and the events
    stage's fallback, which passes only the ``places`` where something can happen (no
    dateline, no "Damascus-backed")."""
    places = ctx.places if places is None else sorted(places, key=lambda p: p.start)
    if not places:
        return None
    lead_end = ctx.sentences[1][1] if len(ctx.sentences) > 1 else len(ctx.text)
    score: Counter[str] = Counter()
    first: dict[str, Place] = {}
    for p in places:
        if not p.admin1_iso:
            continue
        w = 1.0 + (2.0 if p.start < lead_end else 0.0)
        if ctx.country_context and p.country != ctx.country_context:
            w *= 0.3
        score[p.admin1_iso] += w
        first.setdefault(p.admin1_iso, p)
    if not score:
        return places[0]
    return first[score.most_common(1)[0][0]]


def describe(places: list[Place]) -> list[dict[str, Any]]:
    return [p.as_location() | {"feature": p.feature, "start": p.start, "end": p.end} for p in places]
