"""The shared shapes of the extraction pipeline and the component registry.

Like spaCy's ``Language.factory(..., assigns=...)``, every stage is a function
registered with :func:`component`, declaring which :class:`Context` fields it
``reads`` and which it ``assigns``. :class:`marsad.extract.pipeline.Pipeline` checks
the declarations when it is built, so a stage can be replaced or improved alone.

All offsets are character offsets into ``Context.text``, the stored document text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable

# -- mentions found by the stages ------------------------------------------------------


@dataclass
class Place:
    """A place mention resolved against the gazetteer."""

    start: int
    end: int
    text: str                     # the mention phrase, e.g. "Latakia's countryside"
    name: str                     # gazetteer name, e.g. "Latakia"
    country: str | None           # ISO 3166-1 alpha-2
    admin1: str | None = None     # governorate/province name
    admin1_iso: str | None = None  # ISO 3166-2 code, e.g. SY-LA
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int = 1            # ACLED geo precision: 1 town, 2 near/part of district, 3 province
    feature: str = "place"        # country | admin1 | admin2 | city | village | place
    geonames_id: int | None = None
    score: float = 0.0            # resolution confidence 0..1
    sentence: int = -1            # index into Context.sentences

    def as_location(self) -> dict[str, Any]:
        return {
            "name": self.name, "country": self.country, "admin1": self.admin1,
            "admin1_iso": self.admin1_iso, "admin2": self.admin2, "lat": self.lat,
            "lon": self.lon, "precision": self.precision, "text": self.text,
        }


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    start_date: dt.date
    end_date: dt.date
    precision: int                # ACLED time precision: 1 day, 2 week, 3 month
    kind: str                     # dateline | absolute | weekday | relative | range | publication
    sentence: int = -1


@dataclass
class Figure:
    """A casualty figure: ``low``/``best``/``high`` (``high`` None = open-ended)."""

    start: int
    end: int
    text: str
    low: int
    best: int
    high: int | None
    outcome: str                  # killed | injured
    group: str                    # total | civilians | combatants | children | women
    sentence: int = -1
    part_of: int | None = None    # index (in Context.figures) of the total this is part of
    derived: bool = False         # computed ("the rest were combatants"), not stated
    flag: str | None = None       # e.g. "implausible": never reported as a fatality count
    vague: bool = False           # "dozens", "hundreds": ACLED conservative value
    elliptic: bool = False        # "... in Idlib and 5 in Aleppo": the count of its own place only

    def as_range(self) -> dict[str, Any]:
        return {"low": self.low, "best": self.best, "high": self.high, "text": self.text}


#: an article opening a phrase ("the army", "a monitor"); read by actors and attribution
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)

#: an acronym in brackets: "(ZLHR)", "(WOZA)", "(MoI)"; read by nlp (the organisation whose
#: words spell it) and attribution ("the group" after such an organisation)
BRACKETED_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&-]{0,10}[A-Z])\)")


#: words that make a fighter's noun a civilian's: the bearer is under arms no more ("a
#: former police officer", "retired soldiers", "off-duty policemen"); read by figures (they
#: are civilians when killed) and actors (they name no force)
NO_LONGER_ARMED = frozenset({"former", "retired", "off-duty", "demobilised", "demobilized"})
#: capitalised words after a place's name that leave it a place's, not the start of a
#: person's or a longer name: days and months, kinds of place, the place's own
#: institutions and facilities ("Toronto Police", "Westminster Magistrates Court", "Homs
#: Province", not "Santos Martinez"); read by places (a longer name) and figures (a person
#: whose given name the entity ruler took for a town)
PLACE_NAME_TAIL = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december city town village province "
    "governorate state region district county department countryside valley river mountain "
    "mountains heights strip bay island islands border area desert plain plains lake sea gulf "
    "coast peninsula crossing basin oblast prefecture municipality suburbs outskirts "
    "metropolitan metro police army council government authorities mayor governor court "
    "courts magistrates crown tribunal harbour harbor port docks airport airbase base camp "
    "prison hospital university square street road and the was were has had".split())


#: words that end or head the name of a body ("the Sudan Doctors Committee", "the National
#: Union of Journalists"): read by attribution (such a name speaks) and actors (the people
#: named in it are no group of people at the scene)
BODY_WORDS = (
    "Committee", "Council", "Union", "Association", "Network", "Centre", "Center", "Commission",
    "Federation", "Syndicate", "League", "Foundation", "Institute", "Organisation", "Organization",
    "Society", "Forum", "Alliance", "Coalition", "Observatory", "Collective", "Platform", "Initiative",
    "Congress", "Bureau", "Unit", "Group")
_BODY_WORD = re.compile(r"\b(?:" + "|".join(BODY_WORDS) + r")\b")
_NAME_RUN = re.compile(r"[A-Z][\w’'&.-]*(?:\s+(?:(?:of|for|to|and)(?:\s+the)?\s+)?[A-Z][\w’'&.-]*)*")


def in_body_name(text: str, start: int, end: int) -> bool:
    """True when the capitalised words ``text[start:end]`` are part of a body's name
    ("Doctors" in "the Central Committee of Sudanese Doctors", "Lawyers" in "Zimbabwe
    Lawyers for Human Rights Network")."""
    if not text[start:start + 1].isupper():
        return False
    lo = max(0, start - 60)
    for m in _NAME_RUN.finditer(text, lo, min(len(text), end + 60)):
        if m.start() <= start and end <= m.end():
            rest = text[m.start():start] + " " + text[end:m.end()]
            return bool(_BODY_WORD.search(rest))
        if m.start() > start:
            break
    return False


#: what a doer claims when it claims an act as its own, after "claimed" ("claimed
#: responsibility", "claimed the attack", "claimed Monday's bombing"): read by attribution
#: (the doer asserts it) and actors (the claimant is the perpetrator, not a mere speaker)
CLAIMED_ACT = (r"(?:(?:full|sole)\s+)?(?:responsibility|credit)\b|(?:the\s+|this\s+|that\s+|an?\s+|[\w-]+['’]s\s+)?"
               r"(?:[\w-]+\s+)?(?:attack|bombing|blast|strike|killing|assassination|operation|ambush|"
               r"abduction|kidnapping|explosion|shooting|raid)s?\b")


@dataclass
class ActorMention:
    start: int
    end: int
    text: str
    name: str                     # normalised name from the dictionary
    category: str                 # state_forces | foreign_forces | rebel_group | jihadist_group |
                                  # militia | protesters | rioters | civilians | unknown
    sentence: int = -1
    role_hint: str | None = None  # perpetrator | target | side | source | investigator ..., from syntax
    country: str | None = None    # the country whose actor this is (the entry's ``country``)
    generic: Any = None           # the generic dictionary entry a country's name stands for
                                  # ("security forces"), so an event abroad can rename it
    affiliation: bool = False     # named as someone's affiliation ("a member of the NPA",
                                  # "suspected PKK militants"), from syntax
    conjunct: bool = False        # joined to the mention before it ("Hezbollah fighters and
                                  # Syrian troops", "the army backed by allied militias")


@dataclass
class Source:
    name: str
    type: str                     # monitor | state_media | media | government | armed_group |
                                  # international_org | witness | unknown


@dataclass
class Attribution:
    """A stretch of text attributed to a source ("X said ...", "according to X")."""

    start: int                    # the evidence span (usually the sentence)
    end: int
    source: Source
    stance: str                   # asserts | alleges | denies | condemns | vows | accuses
    source_start: int = -1        # span of the source's name in the text
    source_end: int = -1
    cue: str = ""                 # said | reported | according to | ...
    sentence: int = -1


@dataclass
class Trigger:
    """A word or phrase that signals an event of an ACLED type."""

    start: int
    end: int
    text: str
    type: str
    sub_type: str
    sentence: int = -1
    weight: float = 1.0
    strength: str = "strong"      # strong | medium | weak | generic | instrument (see triggers.py)


# -- the per-document context ---------------------------------------------------------


@dataclass
class Context:
    """Everything known about one document while it goes through the pipeline."""

    text: str
    meta: dict[str, Any]          # id, title, url, outlet, published (YYYY-MM-DD or None), language
    resources: Any = None         # marsad.extract.resources.Resources (shared, read-only)
    doc: Any = None               # the spaCy Doc of the cleaned text
    masked: list[tuple[int, int]] = field(default_factory=list)   # furniture spans (clean)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, label)
    places: list[Place] = field(default_factory=list)
    country_context: str | None = None   # most likely country of the report (ISO alpha-2)
    dateline: DateMention | None = None
    dates: list[DateMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skip: bool = False            # set by a stage when the rest must not run (e.g. language)

    @property
    def published(self) -> dt.date | None:
        p = self.meta.get("published")
        if not p:
            return self.dateline.start_date if self.dateline else None
        try:
            return dt.date.fromisoformat(p)
        except ValueError:
            return None

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that holds ``offset`` (binary search), -1 if none."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = self.sentences[mid]
            if offset < s:
                hi = mid - 1
            elif offset >= e:
                lo = mid + 1
            else:
                return mid
        return -1

    def derived(self, key: str, make: Callable[[], Any], of: Any = None) -> Any:
        """``make()``, computed once per document and shared by the stages that need it (a
        scan of the text for cue words, a phrase index's matches). ``make`` must depend
        only on the text and the resources, or (``of``) on that one stage output too (the
        figures, the triggers): the value is kept for as long as the text, or that very
        object, is."""
        basis = self.text if of is None else of
        memo = self.__dict__.setdefault("_derived", {})
        hit = memo.get(key)
        if hit is None or hit[0] is not basis:
            hit = memo[key] = (basis, make())
        return hit[1]

    def is_masked(self, start: int, end: int) -> bool:
        """Whether the span [start, end) begins or ends inside furniture (``masked``)."""
        index = self.__dict__.get("_masked_index")
        if index is None or index[0] is not self.masked or index[1] != len(self.masked):
            spans = sorted(self.masked)
            index = (self.masked, len(self.masked), [s for s, _e in spans], span_reach(spans))
            self.__dict__["_masked_index"] = index
        _m, _n, starts, reach = index
        k = bisect.bisect_right(starts, start) - 1          # spans with s <= start
        if k >= 0 and reach[k] > start:
            return True
        k = bisect.bisect_left(starts, end) - 1             # spans with s < end
        return k >= 0 and reach[k] >= end


def span_reach(spans: list[tuple[int, int]]) -> list[int]:
    """For spans sorted by start: the furthest end among each span and those before it."""
    out, far = [], -1
    for _s, e in spans:
        far = max(far, e)
        out.append(far)
    return out


class Within:
    """Whether a span lies inside a longer one of ``spans`` (which may overlap), in
    logarithmic time, so that a text of one name repeated thousands of times stays
    linear: "Aung San" inside "Aung San Suu Kyi", "Deir Ezzor" inside "Deir Ezzor
    military airport"."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _e in spans]
        self.reach = span_reach(spans)
        self.first_start_by_end: dict[int, int] = {}
        for s, e in spans:
            self.first_start_by_end.setdefault(e, s)

    def __call__(self, s: int, e: int) -> bool:
        k = bisect.bisect_right(self.starts, s) - 1
        if k < 0:
            return False
        return self.reach[k] > e or (self.reach[k] == e and self.first_start_by_end.get(e, s) < s)


class CueBefore:
    """Whether ``pattern`` (anchored at its end) matches right before a position: searched
    only where one of its opening words ends (``ends``, sorted, found once per text: see
    :mod:`marsad.extract.cues`) within ``reach`` characters before it, so that a text of
    many names costs one scan, not a search per name."""

    def __init__(self, text: str, ends: list[int], pattern: re.Pattern, reach: int):
        self.text, self.ends, self.pattern, self.reach = text, ends, pattern, reach

    def near(self, pos: int) -> bool:
        """One of the words ends within ``reach`` characters before ``pos``."""
        k = bisect.bisect_left(self.ends, pos - self.reach)
        return k < len(self.ends) and self.ends[k] <= pos

    def __call__(self, pos: int) -> bool:
        return self.near(pos) and bool(self.pattern.search(self.text, max(0, pos - self.reach), pos))


# -- the registry ---------------------------------------------------------------------


@dataclass(frozen=True)
class Component:
    name: str
    func: Callable[[Context], None]
    reads: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str
    #: the same stage over many contexts at once, when that is cheaper (spaCy's nlp.pipe)
    batch: Callable[[list[Context]], None] | None = None


REGISTRY: dict[str, Component] = {}


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the white space at either end (empty: ``start == end``)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def component(name: str, *, reads: tuple[str, ...] = (), assigns: tuple[str, ...] = ()):
    """Register a pipeline stage: ``func(ctx)`` reads ``reads`` and sets ``assigns``."""

    def wrap(func: Callable[[Context], None]) -> Callable[[Context], None]:
        REGISTRY[name] = Component(name, func, tuple(reads), tuple(assigns),
                                   (func.__doc__ or "").strip().split("\n")[0])
        return func

    return wrap


def batch_of(name: str):
    """Register ``func(ctxs)`` as the registered stage ``name`` run over many contexts at
    once. It must assign exactly what the stage does one context at a time."""

    def wrap(func: Callable[[list[Context]], None]) -> Callable[[list[Context]], None]:
        REGISTRY[name] = replace(REGISTRY[name], batch=func)
        return func

    return wrap
