"""Stage ``attribution``: who claims what, typed from a shipped, user-extensible registry.

The source registry is TOML data (``marsad/data/sources.toml``, documented at its top)
merged with the user's file named by the ``sources_file`` setting: named sources
(monitors, agencies, outlets, governments, armed groups), generic typed sources
("activists", "opposition media", "a military source") and descriptive references
("the organization", "the monitor", "state media") that stand for the last source of a
fitting type.

Candidate sources are the registry's matches (an office such as "secretary general" only
when no other owner is named right before it), titled persons ("Foreign Minister X"),
ministries, "a military source" phrases, a nationality with a state body or media ("the
Iraqi government", "Egyptian state television"), and the model's entities: a place entity
is a government only when it is a place, an organisation is typed by the words of its
name ("Philippine National Police", "the Plain Dealer"), a nationality before the noun it
qualifies ("Russian airstrikes") is none.

For each speech cue ("said", "reported", "according to", "denied", "vowed", ...) the
source is found by cheap local rules over word tokens: the subject right before the cue
(appositives skipped: "Hezbollah, a longtime ally of Assad, ... denying"), the phrase
after "according to" / "by", an inverted subject ("..., added the Observatory"), or a
pronoun resolved to the previous source. Relayed chains ("Reuters, citing SANA") yield
the original source; the recipient of "told X" is never the source; the outlet that
published the document is never the source of a claim it attributes to someone else.

Each :class:`~marsad.extract.base.Attribution` covers its evidence sentence (extended
to the start of a quotation the cue closes) with the source's registry name and type
and a stance: asserts | alleges | denies | condemns | vows | accuses. Denials,
condemnations, vows and accusations also become document-level statements. A cue used
as a noun ("broken promises by X", "media reports") is none, and rejecting a plea or
denying someone access is a refusal, not a denial.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..errors import ConfigError
from .actors import (NON_STATE_CATEGORIES, PhraseIndex, _shipped, _str_list, context_tokens, defined_acronyms,
                     expand_alias, index_matches, merge_entries, read_toml_file)
from .base import (BODY_WORDS, BRACKETED_ACRONYM, CLAIMED_ACT, LEADING_ARTICLE, Attribution, Context, Source,
                   component, span_reach)
from .dates import MONTHS, WEEKDAYS
from .places import PLACE_PREPOSITIONS

SOURCE_TYPES = ("monitor", "state_media", "media", "government", "armed_group",
                "international_org", "witness", "unknown")
STATEMENT_STANCES = ("denies", "condemns", "vows", "accuses")
#: which stance wins when one source has several cues in a sentence
_STANCE_RANK = {"denies": 0, "condemns": 1, "vows": 2, "accuses": 3, "alleges": 4, "asserts": 5}

# -- the registry --------------------------------------------------------------------


@dataclass
class SourceEntry:
    kind: str                      # source | generic | reference
    name: str = ""
    type: str = ""
    aliases: list[str] = field(default_factory=list)
    cased: list[str] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)   # [[source]] only: see _owned_elsewhere
    types: list[str] = field(default_factory=list)
    default: str | None = None
    default_countries: list[str] = field(default_factory=list)
    antecedent_word: str | None = None  # [[reference]]: the antecedent's name has this word
    local_aliases: list[str] = field(default_factory=list)   # [[source]]: only in a report on
    countries: list[str] = field(default_factory=list)       # ... one of these countries
    head_aliases: list[str] = field(default_factory=list)    # [[source]]: common nouns, on their own only


@dataclass
class SourceRegistry:
    entries: list[SourceEntry]
    index: PhraseIndex
    offices: PhraseIndex
    by_name: dict[str, SourceEntry]
    adjectives: dict[str, str]
    outlet_cache: dict[str, Source] = field(default_factory=dict)
    local: PhraseIndex | None = None     # local aliases: see SourceEntry.local_aliases
    local_countries: frozenset[str] = frozenset()   # ... the countries they apply in

    def source(self, name: str) -> Source | None:
        e = self.by_name.get(name.lower())
        return Source(e.name, e.type) if e else None

    def normalise(self, text: str) -> Source | None:
        """The registered source a whole phrase names (e.g. an outlet), or None."""
        hits = self.index.find(text)
        if len(hits) == 1 and hits[0][0] == 0 and hits[0][1] == len(text.strip()):
            e = hits[0][2]
            if e.kind == "source":
                return Source(e.name, e.type)
        return self.source(text.strip()) if text.strip() else None

    def outlet(self, outlet: str) -> Source | None:
        """The registered source an outlet's name (document metadata) stands for, cached."""
        o = self.outlet_cache.get(outlet)
        if o is None:
            # metadata often writes an acronym in lower case ("nna", "afp") and leaves out the
            # Arabic article of a name ("manar" for Al-Manar)
            name = outlet.strip()
            short = name.upper() if name.islower() and len(name) <= 5 else None
            o = (self.normalise(name) or (short and self.normalise(short))
                 or (name and self.normalise(f"al {name}")) or Source("", ""))
            self.outlet_cache[outlet] = o
        return o if o.name else None


_KEYS = {
    "source": {"name", "type", "aliases", "cased", "offices", "replace", "local_aliases", "countries",
               "head_aliases"},
    "generic": {"type", "aliases", "cased"},
    "reference": {"types", "aliases", "cased", "default", "default_countries", "antecedent_word"},
}


def parse_source_tables(data: dict[str, Any], origin: str
                        ) -> tuple[list[tuple[SourceEntry, bool]], list[SourceEntry], dict[str, str]]:
    unknown = set(data) - {"source", "generic", "reference", "adjectives"}
    if unknown:
        raise ConfigError(f"{origin}: unknown top-level key(s) {sorted(unknown)}; use [[source]], "
                          f"[[generic]], [[reference]] and [adjectives]", code="M105")
    named: list[tuple[SourceEntry, bool]] = []
    others: list[SourceEntry] = []
    for kind in ("source", "generic", "reference"):
        items = data.get(kind, [])
        if not isinstance(items, list):
            raise ConfigError(f"{origin}: {kind!r} must be an array of tables ([[{kind}]])", code="M105")
        for n, item in enumerate(items, 1):
            where = f"{origin}: {kind} #{n}: "
            if not isinstance(item, dict):
                raise ConfigError(f"{where}must be a table", code="M105")
            extra = set(item) - _KEYS[kind]
            if extra:
                raise ConfigError(f"{where}unknown key(s) {sorted(extra)} (allowed: "
                                  f"{', '.join(sorted(_KEYS[kind]))})", code="M105")
            e = SourceEntry(kind=kind)
            if kind == "source":
                name = item.get("name")
                if not isinstance(name, str) or not name.strip():
                    raise ConfigError(f"{where}needs a non-empty 'name'", code="M105")
                e.name = name.strip()
                where = f"{origin}: source {e.name!r}: "
            if kind in ("source", "generic"):
                t = item.get("type")
                if kind == "generic" and t is None:
                    raise ConfigError(f"{where}needs a 'type'", code="M105")
                if t is not None and t not in SOURCE_TYPES:
                    raise ConfigError(f"{where}type {t!r} is not one of {', '.join(SOURCE_TYPES)}",
                                      code="M105")
                e.type = t or ""
            else:
                e.types = _str_list(item.get("types"), where, "types")
                if not e.types:
                    raise ConfigError(f"{where}needs 'types', a list of source types", code="M105")
                bad = [t for t in e.types if t not in SOURCE_TYPES]
                if bad:
                    raise ConfigError(f"{where}types {bad} are not among {', '.join(SOURCE_TYPES)}",
                                      code="M105")
                d = item.get("default")
                if d is not None and not isinstance(d, str):
                    raise ConfigError(f"{where}'default' must be a source name", code="M105")
                e.default = d
                w = item.get("antecedent_word")
                if w is not None and (not isinstance(w, str) or not w.strip() or " " in w.strip()):
                    raise ConfigError(f"{where}'antecedent_word' must be one word", code="M105")
                e.antecedent_word = w.strip().lower() if w else None
                e.default_countries = [c.upper() for c in _str_list(item.get("default_countries"), where,
                                                                    "default_countries")]
            e.aliases = _str_list(item.get("aliases"), where, "aliases")
            e.cased = _str_list(item.get("cased"), where, "cased")
            e.offices = _str_list(item.get("offices"), where, "offices")
            e.local_aliases = _str_list(item.get("local_aliases"), where, "local_aliases")
            e.countries = [c.upper() for c in _str_list(item.get("countries"), where, "countries")]
            e.head_aliases = [a.strip().lower() for a in _str_list(item.get("head_aliases"), where, "head_aliases")]
            if any(not a.isalpha() for a in e.head_aliases):
                raise ConfigError(f"{where}'head_aliases' are single plain words (\"observatory\")", code="M105")
            if bool(e.local_aliases) != bool(e.countries):
                raise ConfigError(f"{where}'local_aliases' and 'countries' go together: the aliases name "
                                  f"this source only in a report on one of the countries", code="M105")
            if kind != "source" and not (e.aliases or e.cased):
                raise ConfigError(f"{where}needs 'aliases'", code="M105")
            for a in e.aliases + e.cased + e.offices + e.local_aliases + e.head_aliases:
                expand_alias(a, where)
            if kind == "source":
                named.append((e, bool(item.get("replace", False))))
            else:
                others.append(e)
    adjectives = data.get("adjectives", {})
    if not isinstance(adjectives, dict) or not all(
            isinstance(k, str) and v in SOURCE_TYPES for k, v in adjectives.items()):
        raise ConfigError(f"{origin}: [adjectives] maps words to source types "
                          f"({', '.join(SOURCE_TYPES)})", code="M105")
    return named, others, {k.lower(): v for k, v in adjectives.items()}


def build_source_registry(named: list[SourceEntry], others: list[SourceEntry],
                          adjectives: dict[str, str]) -> SourceRegistry:
    index = PhraseIndex()
    offices = PhraseIndex()
    local = PhraseIndex()
    entries = list(others) + list(named)   # named sources win a shared alias
    by_name: dict[str, SourceEntry] = {}
    for e in entries:
        where = f"{e.kind} {e.name or (e.aliases or e.cased)[0]!r}: "
        if e.kind == "source":
            by_name[e.name.lower()] = e
            index.add(e.name, e)
        index.add_aliases(e, e.aliases + e.head_aliases, e.cased, where)
        offices.add_aliases(e, e.offices, [], where)
        local.add_aliases(e, e.local_aliases, [], where)
    for e in entries:
        if e.kind == "reference" and e.default and e.default.lower() not in by_name:
            raise ConfigError(f"reference {e.aliases[:1]}: default {e.default!r} is not a registered "
                              f"[[source]] name", code="M105")
    return SourceRegistry(entries, index, offices, by_name, adjectives, local=local,
                          local_countries=frozenset(c for e in entries for c in e.countries))


def load_source_registry(settings: Any = None) -> SourceRegistry:
    """The shipped source registry merged with ``settings.sources_file`` (if set)."""
    shipped = _shipped("sources.toml")
    named, others, adjectives = parse_source_tables(read_toml_file(shipped, "source registry"), str(shipped))
    base = [e for e, _ in named]
    user = getattr(settings, "sources_file", None) if settings is not None else None
    if user:
        u_named, u_others, u_adj = parse_source_tables(
            read_toml_file(user, "source registry (setting sources_file)"), str(user))
        base = merge_entries(base, u_named, "source", str(user), ("type",))
        others = others + u_others
        adjectives = {**adjectives, **u_adj}
    for e in base:
        if not e.type:
            raise ConfigError(f"source {e.name!r} needs a 'type'", code="M105")
    return build_source_registry(base, others, adjectives)


# -- cues ----------------------------------------------------------------------------

def _cues(stance: str, words: str) -> dict[str, str]:
    return {w: stance for w in words.split()}


CUES: dict[str, str] = {
    **_cues("asserts", "said says say saying reported reporting told tells stated stating announced announces "
                       "announcing confirmed confirms confirming documented documenting estimated estimates "
                       "estimating added adds adding noted notes explained declared described describing wrote "
                       "tweeted counted recorded revealed indicated warned insisted acknowledged admitted "
                       "reports report affirmed affirming learned learnt concerned alarmed"),
    **_cues("alleges", "claimed claims claim claiming alleged alleges alleging suggested suggest suggests "
                       "allegations accusations"),
    **_cues("denies", "denied denies deny denying rejected rejects rejecting refuted refutes refuting"),
    **_cues("condemns", "condemned condemns condemning denounced denounces denouncing deplored deplores "
                        "deploring decried decries slammed slams"),
    **_cues("vows", "vowed vows vowing pledged pledges pledging promised promises swore"),
    **_cues("accuses", "accused accuses accusing blamed blames blaming"),
}
_RELAY = {"citing", "quoting", "cited", "quoted"}
#: cues told with "is": "Front Line Defenders is concerned about the arrest of ...", the
#: way defenders' alerts report what befell someone (no passive: the subject speaks)
_FEELING_CUES = {"concerned", "alarmed"}
#: what a "denial" refuses rather than denies: no statement about what happened
_REFUSED = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,3}?(?:pleas?|calls?|offers?|proposals?|demands?|requests?|invitations?|appeals?|"
    r"deals?|plans?|resolutions?|bail|bond|parole|motions?|petitions?|bids?|access|entry|visas?|permission|"
    r"permits?|applications?|ceasefire|"
    r"truce)\b", re.IGNORECASE)
#: cues that are also nouns, and the words that make them nouns
_NOUN_CUES = {"claims", "claim", "reports", "report", "promises", "pledges", "vows", "estimates", "notes"}
_NOUN_BEFORE = set("""the a an these those such its his her their our my your of broken empty false unconfirmed
new recent earlier previous many several some conflicting media news initial preliminary latest first no any
official press""".split())
#: after a cue, a clause about the speaker itself ("said it had targeted criminals"): a verb
#: joined by "and" later in the sentence is the speaker's too ("... and denied dispersing
#: the protest"), not that of another subject ("said officers demeaned her and accused her")
#: (where or when it said so may come first: "said in a statement that it had attacked army
#: positions ... and denied targeting civilians", "said on Telegram they ...")
_SELF_CLAUSE = re.compile(r"(?:\s+(?:in|on|via)\s+(?:(?:a|an|its|his|her|their)\s+)?(?:[\w-]+\s+)?[\w-]+,?)?"
                          r"\s+(?:that\s+)?(?:it|he|she|they|we)\b", re.IGNORECASE)
#: "The civil defence put the toll at 19": putting a toll at a count is saying it
_TOLL_CUES = {"put", "puts", "putting", "placed", "places", "placing"}
_TOLL_AFTER = re.compile(r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:toll|tally|number\s+of\s+[\w-]+)\s+"
                         r"(?:[\w-]+\s+){0,4}?at\b", re.IGNORECASE)
#: calling an act a crime is condemning it: "called the attack a war crime", "called the
#: killings a massacre" (not "called for", "called on", "called a press conference")
_CALLING_CUES = {"called", "calls", "calling", "branded", "brands", "branding", "labelled", "labeled"}
_CALLED_CRIME = re.compile(
    r"\s+(?:it|this|that|them|(?:the|this|that|these|those|their|its|his|her|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:attacks?|bombings?|strikes?|killings?|killing|shelling|raids?|arrests?|detention|executions?|massacres?|"
    r"crackdown|assault|incident|act|murders?|abductions?))(?:\s+[\w-]+){0,4}?\s+(?:an?\s+)?(?:[\w-]+\s+)?"
    r"(?:crimes?|massacre|atrocity|atrocities|terrorism|terrorist act|act of terror(?:ism)?|murder|genocide|"
    r"outrage|violation)\b", re.IGNORECASE)
#: dismissing a report or an accusation is denying it ("dismissed the report as
#: fabricated"; not "dismissed the minister", "dismissed the case")
_DISMISSING_CUES = {"dismissed", "dismisses", "dismissing"}
_DISMISSED_CLAIM = re.compile(
    r"\s+(?:the|these|those|such|this|that|all|as)?\s*(?:[\w-]+\s+){0,3}?(?:reports?|claims?|allegations?|accusations?|"
    r"charges?|accounts?|rumou?rs?|stories|story)\b|\s+(?:it|them|this|that)\s+as\s+(?:false|baseless|fabricat|lies|propaganda|untrue)",
    re.IGNORECASE)
#: voicing concern over an act is telling it ("The IACHR expressed concern over the murder of
#: ..."), voicing outrage condemning it
_EXPRESSING_CUES = {"expressed", "expresses", "expressing", "voiced", "voices", "voicing"}
_FEELING_AFTER = re.compile(r"\s+(?:its\s+|their\s+|his\s+|her\s+)?(?:(?:deep|grave|serious|strong|great|growing)\s+)?"
                            r"(?P<feeling>concerns?|alarm|outrage|indignation)(?:\s+[\w-]+){0,2}?\s+"
                            r"(?:over|about|at|regarding|following)\b",
                            re.IGNORECASE)
_CUE_KEYS = set(CUES) | _RELAY | {"according"} | _TOLL_CUES | _CALLING_CUES | _DISMISSING_CUES | _EXPRESSING_CUES
_NOT_FINITE = re.compile(r"ing$")
#: what a doer claims when it claims an act as its own
_RESPONSIBILITY = re.compile(r"\s+(?:" + CLAIMED_ACT + ")", re.IGNORECASE)
_INVERTIBLE = {"said", "says", "added", "adds", "reported", "stated", "noted", "explained", "wrote",
               "declared", "claimed", "announced", "confirmed", "warned", "insisted", "tweeted", "estimated"}
#: invertible cues whose next name may be whom the speaker addressed, not the speaker: it
#: speaks only where the clause ends after it ("..., warned the Observatory." but not
#: "warned the United States to expect reprisals")
_ADDRESSING = frozenset({"warned"})
_PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "any", "we": "any"}

_FILLER = set("""at scene site ground hospital clinic
has have had also later earlier previously then again reportedly publicly officially
categorically strongly flatly firmly quickly immediately repeatedly already on in a an the its their his her
statement statements tweet post online to issue issued released release publish published late early evening
morning night afternoon monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last
this week month monitoring rescue group network channel agency news tv television website newspaper daily which who
would will was were is are been being separately further recently subsequently first initially itself jointly
both all not did does do it monitor organization organisation spokesman spokeswoman spokesperson office
media outlet outlets center centre press bureau sources source said previously alone had correspondent correspondents reporter
reporters journalist journalists deeply gravely seriously extremely very particularly""".split())
_PREPS = {"in", "at", "near", "of", "from", "to", "on", "into", "with", "for", "against", "by", "about",
          "over", "under", "between", "across", "around", "toward", "towards", "through", "like", "than",
          "including", "among", "as", "after", "before", "during", "outside", "inside"}
_ROLE_NOUNS = {"director", "head", "chief", "spokesman", "spokeswoman", "spokesperson", "official",
               "officials", "member", "members", "leader", "leaders", "representative", "founder",
               "chairman", "president", "commander", "researcher", "researchers", "sources", "source",
               "spokesmen", "officer", "envoy", "minister", "ambassador", "secretary", "staff"}
_APPOSITIVE = re.compile(r",[^,\"“”]{1,90},")
_GAP_WORD = re.compile(r"[\w’']+|[^\w\s]")
#: the words after a name that only says who leads, backs or hosts the next one: "the
#: Kurdish-led SDF", "Iranian-backed militias", "the UK-based Observatory"
_LED = r"(?:led|backed|based|run|funded|supported|allied|affiliated|controlled|held)"
_ACCORDING_GAP = re.compile(
    r"^\s*(?:(?:the|a|an|figures|data|statement|report|reports|tally|count|toll|information|estimates?|"
    r"latest|recent|annual|joint|final|preliminary|initial|new|issued|released|published|compiled|gathered|"
    rf"provided|from|by|of|[\w’'-]+-{_LED}|"
    # what kind of outlet, whose side: "the pro-government daily", "the Lebanese newspaper"
    r"(?:pro|anti)-[\w’'-]+|daily|weekly|newspaper|paper|opposition|official|state-run|independent|local|"
    r"online|news|website|outlet|broadcaster|channel|television|tv|agency|"
    # what kind of body: "the Oslo-based group Iran Human Rights", "the rights watchdog X"
    r"(?:human\s+)?rights|group|organi[sz]ation|watchdog|monitor|ngo|network|campaign|advocacy|"
    # ... a party's: "the opposition coalition FNDC", "the ruling party ZANU-PF"
    r"coalition|alliance|movement|party|ruling|"
    r"(?-i:[A-Z][a-z]+(?:an|ese|i|ish)))\s+)*$",
    re.IGNORECASE)
_BY_GAP = re.compile(rf"^\s*by\s+(?:the\s+)?(?:[\w’'-]+-{_LED}\s+)?$",
                     re.IGNORECASE)
_INVERT_GAP = re.compile(r"^\s*(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+)?$",
                         re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:allegedly|purportedly|unverified|unconfirmed|could not (?:be )?(?:independently )?"
                    r"verif\w*|cannot (?:be )?(?:independently )?verif\w*)\b", re.IGNORECASE)
_DENIAL_PHRASE = re.compile(
    r"\b(?:(?:has|have|had) no (?:ties|links?|connection|connections|involvement|role|relation)|nothing to do with|"
    r"(?:was|were|is|are) not involved|no involvement|baseless (?:allegations|claims|accusations)|"
    r"categorically (?:denies|denied|rejects|rejected))\b", re.IGNORECASE)

#: an armed body, whatever words name it (a word of its own before: "the forces" alone
#: names no one)
_ARMED_BODY = (r"(?:(?!(?i:the|a|an|its|their)\s)[\w’'-]+\s+){1,2}?"
               r"(?:group|alliance|militias?|factions?|forces|rebels|coalition|movement|regime)")
_SOURCE_AT = re.compile(
    r"(?:sources?\s+(?:at|in|within|from|inside|close to)\s+(?:the\s+)?"
    r"((?:[A-Z][\w’'-]*\s+){0,2}(?:[A-Z][\w’'-]*|police|army|ministry|hospital|command|council|office|"
    r"military|government|opposition|security)|" + _ARMED_BODY + r")"
    # ... or one of an armed body: "a commander in the pro-Damascus alliance"
    r"|(?:commanders?|officials?|officers?)\s+(?:in|of|from|with|within|inside)\s+(?:the\s+)?"
    r"(" + _ARMED_BODY + r"))\b")
_A_SOURCE_STOP = set("said says told reported the a an of in at on and or but that this these those who which "
                     "was were is are has have had according to by with from for".split())
_NAME = r"[A-Z][\w’'.-]*(?:\s+(?:(?:al|el|bin|ibn|abu|de|da|van|von|der|bin)[\s-])?[A-Z][\w’'-]*){0,3}"
_QUOTE_CHARS = re.compile(r"[\"“”]")
_ABOUT_LEAD = re.compile(
    r"^\s*(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
    r"in a statement|in statements|publicly|strongly|categorically|firmly|flatly|again|also)\s*,?\s*)*"
    r"(?:that\s+)?", re.IGNORECASE)
_ABOUT_END = re.compile(r"[,.;:!?]|\s(?:and|while|but|saying|adding|calling|stating|as)\s")
_SENT_SPLIT = re.compile(r"[^\n.!?]+(?:[.!?]+[\"”’)]*|$)")


@dataclass
class _Cand:
    start: int
    end: int
    kind: str                 # named | titled | ministry | asource | generic | reference | ner
    source: Source | None = None
    entry: SourceEntry | None = None
    label: str = ""
    possessive: str | None = None   # "its" of "its Foreign Ministry"
    ministry: str = ""


_PRIORITY = {"named": 0, "titled": 1, "ministry": 2, "asource": 3, "generic": 4, "reference": 5, "ner": 6}


#: a nationality followed by a state body or by media ("Iraqi government", "Egyptian state
#: television", "Turkish news agencies")
_NORP_BODY = re.compile(
    r"[ \t]+(?P<state>(?:state|state-run|official)\s+)?(?:(?:local|federal|interim|transitional|military|"
    r"security|border|riot|regional|provincial)\s+)?(?:(?P<media>news agenc(?:y|ies)|media|newspapers?|television|tv|"
    r"broadcaster|press)|government|authorities|officials?|army|military|police|security forces|forces|"
    r"troops|(?:foreign|interior|defen[cs]e|justice|health) ministry|ministry|embassy|president|"
    r"prime minister|junta|prosecutors?|spokes(?:man|woman|person))\b", re.IGNORECASE)
#: a state's body after an organisation's name, maybe after "-run"/"-controlled": "the Houthi
#: health ministry", "the Hamas-run interior ministry"
_ORG_BODY = re.compile(r"(?:['’]s?)?(?:-(?:run|controlled|led|held))?[ \t]+(?:(?:de facto|local|interim)\s+)?"
                       r"(?:(?:foreign|interior|defen[cs]e|justice|health|information)\s+ministry|ministry\s+of\s+"
                       r"(?:health|interior|defen[cs]e|information|foreign\s+affairs)|government|authorities)\b",
                       re.IGNORECASE)


def _body_type(m: re.Match) -> str:
    """The source type of a people's body (a match of :data:`_NORP_BODY`): its media, its
    state's media, or its state."""
    if m.group("media"):
        return "state_media" if m.group("state") else "media"
    return "government"


#: a capitalised word before what :data:`_NORP_BODY` matches: maybe a people's word
_PEOPLE_BODY = re.compile(r"\b(?P<people>(?-i:[A-Z])[a-zé]+)(?=" + _NORP_BODY.pattern + ")", re.IGNORECASE)
#: a nationality followed by the noun it qualifies
_NORP_MODIFIER = re.compile(r"[ \t]+(?!(?:said|says|say|told|reported|claimed|denied|accused|have|has|had|"
                            r"were|was|are|is|also|who|which|that|and|or)\b)[A-Za-z]")
_PREPOSITION_BEFORE = re.compile(rf"\b(?:on|inside|{PLACE_PREPOSITIONS})\s+(?:the\s+)?$", re.IGNORECASE)
_WORD = re.compile(r"[\w’'-]+")
_PRONOUN_AFTER = re.compile(r"\s+(he|she|they)\b")
_RELAY_RE = re.compile(r"\b(?:citing|quoting|cited|quoted)\b")


#: the name of an organisation says what it is
_ORGANISATION_NAME = re.compile(
    r"\b(?:Initiative|Committee|Commission|Cent(?:er|re)|Foundation|Network|Institute|Association|Council|Union|"
    r"Organi[sz]ation|Watch|Federation|League|Society|Forum|Alliance|Coalition|Movement|Project|Campaign|"
    r"Trust|Fund|Observatory|Collective|Defenders|Lawyers|Journalists|Rights)\b")


def _named_before(text: str, name: "_Cand", acronym: "_Cand") -> bool:
    """``acronym`` is an acronym in brackets right after ``name``: "the Pastoral Land
    Commission (CPT)", "Women of Zimbabwe Arise (WOZA)"."""
    return text[name.end:acronym.start].strip() == "(" \
        and BRACKETED_ACRONYM.fullmatch(text, acronym.start - 1, acronym.end + 1) is not None


def _acronym_of_name(text: str, start: int, end: int) -> bool:
    """The span is a name's acronym in brackets, or a name followed by one: what is
    introduced so is an organisation ("Women of Zimbabwe Arise (WOZA)")."""
    return bool(BRACKETED_ACRONYM.fullmatch(text, max(0, start - 1), end + 1)
                or BRACKETED_ACRONYM.match(text, end + 1 if text.startswith(" ", end) else end))


#: a bracket the name opens and does not close: "Egyptian Initiative for Personal Rights (EIPR"
_OPEN_BRACKET_TAIL = re.compile(r"\s*\([^)]*$")


#: a dateline naming the agency that filed the report: "DAMASCUS (Reuters) -", "BEIRUT,
#: Lebanon (AP) —", "KABUL, Jan 5 (Reuters) -", "Idlib, SANA -" (at the start of a line near
#: the start of the text)
_DATELINE_AGENCY = re.compile(
    r"(?:^|\n)[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}"
    r"(?:[ \t]*,[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})?"
    r"(?:[ \t]*,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?[ \t]*"
    r"(?:\(([^()\n]{2,40})\)|,[ \t]*([A-Za-z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2}))[ \t]*[-–—:]")
#: how far into the text a dateline may be
DATELINE_REACH = 400


def dateline_outlet(text: str, reg: "SourceRegistry") -> Source | None:
    """The registered outlet a dateline names as the report's ("DAMASCUS (Reuters) -" is
    Reuters, "Idlib, SANA -" SANA): what the report tells with no other source, its
    outlet tells, when the document's metadata name no outlet. None without one."""
    for m in _DATELINE_AGENCY.finditer(text[:DATELINE_REACH]):
        name = (m.group(1) or m.group(2) or "").strip()
        src = reg.outlet(name) if name else None
        if src is not None and src.type in ("media", "state_media"):
            return src
    return None


def _strip_article(text: str) -> str:
    text = text.strip()
    if "(" in text:
        text = _OPEN_BRACKET_TAIL.sub("", text)
    if text[:2].lower() in ("th", "a ", "an"):
        return LEADING_ARTICLE.sub("", text)
    return text


#: a name that only qualifies the next one: "Kurdish-led", "Iranian-backed", "UK-based"
_NAME_TAIL = re.compile(r"-[A-Z][\w]*")
#: an organisation's name that the model ended on "of" or "for" because the place after it
#: was taken first ("the Council of Indigenous Peoples of" + "Cauca"): it goes on
_ORG_CUT = re.compile(r"[ \t](?:of|for)$")
_ORG_REST = re.compile(r"[ \t]+[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,3}")
_LED_AFTER = re.compile(rf"[-‐‑ ]{_LED}\b", re.IGNORECASE)


#: a capitalised word right before a registered source's `head_aliases` makes them the
#: last word of another body's name ("the Sudan Conflict Observatory")
_CAPITAL_BEFORE = re.compile(r"\b(?!(?:The|A|An|This|That|Its|Their)\s)[A-Z][A-Za-z]*\s+$")


#: an office whose place may follow it: "the governor of Hatay", "the mayor of Aleppo"
_OFFICE_END = re.compile(r"(?:governor|mayor|prefect|head|chief|commander|spokes(?:man|woman|person))$", re.IGNORECASE)
_OF_PLACE_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*"
    r"(?:\s+(?:province|state|region|governorate|county|district|city|department|prefecture))?\b")


#: after a generic word, the kind of body it makes of a name that follows: "the opposition
#: coalition FNDC", "the opposition party Tisza"
_TITLE_OF_NAME_AFTER = re.compile(r"\s+(?:coalition|party|alliance|bloc|front|movement|platform)\s+(?-i:[A-Z])",
                                  re.IGNORECASE)


def _candidates(ctx: Context, reg: SourceRegistry, tokens) -> list[_Cand]:
    text = ctx.text
    cands: list[_Cand] = []
    country = (getattr(ctx, "country_context", None) or "").upper()
    # a source's local aliases, in a report on one of its countries, win their words
    # ("the coalition" is the Saudi-led one in a report on Yemen)
    local = [(s, e, entry) for s, e, entry in reg.local.find(text, tokens)
             if country in entry.countries] if reg.local and country in reg.local_countries else []
    hits = [h for h in index_matches(ctx, reg.index, "source_registry")
            if not any(s < h[1] and h[0] < e for s, e, _ in local)] + local
    for s, e, entry in sorted(hits, key=lambda h: h[0]):
        if entry.head_aliases and text[s:e].lower() in entry.head_aliases \
                and _CAPITAL_BEFORE.search(text, max(0, s - 40), s):
            continue    # "the Sudan Conflict Observatory" is not "the Observatory"
        if entry.kind == "source":
            if (body := _ORG_BODY.match(text, e)) is not None:
                e = body.end()      # "the Taliban government said": the body speaks for its owner
            cands.append(_Cand(s, e, "named", Source(entry.name, entry.type), entry))
        elif entry.kind == "generic":
            if _TITLE_OF_NAME_AFTER.match(text, e):
                continue    # "the opposition coalition FNDC", "the opposition party X": the name speaks
            if entry.type == "government" and _OFFICE_END.search(text, s, e) and (m := _OF_PLACE_AFTER.match(text, e)):
                e = m.end()     # "the governor of Turkey's Hatay province": the place is the office's
            cands.append(_Cand(s, e, "generic", Source(_strip_article(text[s:e]), entry.type), entry))
        else:
            cands.append(_Cand(s, e, "reference", None, entry))
    for s, e, entry in reg.offices.find(text, tokens):
        if not _owned_elsewhere(text, s, entry, reg):
            cands.append(_Cand(s, e, "named", Source(entry.name, entry.type), entry))
    norms, starts, ends = tokens
    for k in [k for k, w in enumerate(norms) if w in _CAND_HOOKS]:
        w = norms[k]
        if w in _SOURCE_HEADS:
            _source_phrase(text, reg, norms, starts, ends, k, cands)
        elif w in _TITLE_WORDS:
            _titled(text, norms, starts, ends, k, cands)
        elif w == "ministry":
            _ministry(text, norms, starts, ends, k, cands)
    places = _mask_array(len(text), ((p.start, p.end) for p in ctx.places))
    gazetteer = getattr(ctx.resources, "gazetteer", None)
    gpe = sorted((s, e) for s, e, label in ctx.entities if label == "GPE")
    gpe_starts = [s for s, _e in gpe]
    for m in _OWNED_TITLE.finditer(text):
        # "Turkey's foreign minister", unnamed: a state's office speaks for its government
        # (and a ruler's body for theirs: "Lukashenko's government rejected the findings")
        owner = m.group("owner")
        k = bisect.bisect_right(gpe_starts, m.start()) - 1
        state = places.find(1, m.start(), m.start("owner") + len(owner)) >= 0 or (
            k >= 0 and gpe[k][1] > m.start()) or (
            gazetteer is not None and any(x.feature == "country" and x.exact for x in gazetteer.lookup(owner)[:1]))
        cands.append(_Cand(m.start(), m.end(), "titled",
                           Source(re.sub(r"\s+", " ", m.group(0)),
                                  "government" if state or m.group("body") else "unknown")))
    norp_at = {s for s, _e, label in ctx.entities if label == "NORP"}
    if gazetteer is not None:
        for m in _PEOPLE_BODY.finditer(text):
            # a people's word the model did not take for one ("the Burkinabe army said")
            if m.start() not in norp_at and gazetteer.demonym(m.group("people")):
                b = _NORP_BODY.match(text, m.end("people"))
                cands.append(_Cand(m.start(), b.end(), "generic", Source(text[m.start():b.end()], _body_type(b))))
    for s, e, label in ctx.entities:
        if label in ("ORG", "PERSON", "GPE", "NORP"):
            if label == "NORP" and _NORP_MODIFIER.match(text, e):
                # "the Iraqi government", "Nigerian police": a state body speaks; "Russian
                # airstrikes" is no speaker
                m = _NORP_BODY.match(text, e)
                if m:
                    cands.append(_Cand(s, m.end(), "generic", Source(text[s:m.end()], _body_type(m))))
                continue
            if label == "GPE" and (m := _NORP_BODY.match(text, e)) is not None and not m.group("media") \
                    and not _PREPOSITION_BEFORE.search(text, max(0, s - 12), s):
                # a place's state body speaks as a nationality's does: "the Gaza health
                # ministry said", "the Tigray regional government" (not a place that only
                # says where: "in Damascus countryside state-run news agency reported")
                cands.append(_Cand(s, m.end(), "generic", Source(text[s:m.end()], "government")))
                continue
            if label == "ORG" and (m := _ORG_BODY.match(text, e)) is not None:
                # an organisation's state body speaks as a people's does: "the Houthi health
                # ministry", "the Hamas-run interior ministry" (a de facto authority's)
                cands.append(_Cand(s, m.end(), "generic", Source(_strip_article(text[s:m.end()]), "government")))
                continue
            if _LED_AFTER.match(text, e):
                continue    # "the Kurdish-led SDF", "Iranian-backed militias": who leads, not who speaks
            if label in ("ORG", "PERSON") and (tail := _NAME_TAIL.match(text, e)):
                e = tail.end()      # "OVD-Info": the model stopped at the hyphen
            elif label == "ORG" and _ORG_CUT.search(text, s, e) and (rest := _ORG_REST.match(text, e)):
                e = rest.end()
            t = text[s:e]
            name = _strip_article(t)
            # a place that speaks is its government ("Beijing said"); a name the model took
            # for a place that the gazetteer does not know is not ("Karapatan has documented")
            typ = "unknown"
            if label == "GPE" and (places.find(1, s, e) >= 0
                                   or gazetteer is None or gazetteer.lookup(name)):
                typ = "government"
            elif label == "ORG":
                typ = _org_type(name)
            if label != "PERSON" and (typ == "unknown" or label == "GPE"):
                # "human rights group Karapatan": what the words say it is, even where the
                # model took it for a place
                typ = _described_type(text, s, e) or typ
            cands.append(_Cand(s, e, "ner", Source(name, typ), label=label))
    _group_with_fighters(ctx, reg, cands)
    _redefined_acronyms(ctx, reg, cands)
    _acronym_according(text, cands)
    _described_after(ctx, cands)
    _bodies(ctx, cands)
    # titles that embed a registered organisation speak for it, whole: "Syrian Coalition
    # President Khaled Khoja" is the Coalition's, not a bare "Khaled Khoja"'s
    _fix_titled(text, cands, reg)
    # resolve overlaps: by priority, then length
    cands.sort(key=lambda c: (_PRIORITY[c.kind], -(c.end - c.start), c.start))
    occupied = _mask_array(len(text), ctx.masked)   # masked furniture counts as taken
    keep: list[_Cand] = []
    for c in cands:
        if occupied.find(1, c.start, c.end) >= 0:
            continue
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
        keep.append(c)
    keep.sort(key=lambda c: c.start)
    return keep


def _redefined_acronyms(ctx: Context, reg: SourceRegistry, cands: list[_Cand]) -> None:
    """A registered source's acronym that the report gives an actor it names
    (:func:`marsad.extract.actors.defined_acronyms`: "the Rapid Support Forces (RSF) ... the
    RSF said" is not Reporters Without Borders): that actor speaks (an acronym the report
    gives a name that is no actor's, "the UN Office of Coordination for Humanitarian Affairs
    (OCHA)", is still the registered source's)."""
    text = ctx.text
    defined = defined_acronyms(text, ctx.actors)
    if not defined:
        return
    actors = {(m.start, m.end): m for m in ctx.actors}
    ours: dict[str, bool] = {}   # acronym -> the registry knows the name the report defines it by
    for k, c in enumerate(cands):
        acronym = text[c.start:c.end]
        if c.kind != "named" or c.entry is None or acronym not in defined:
            continue
        d = defined[acronym]
        if acronym not in ours:
            # ("the Philippine National Police (PNP)": a name of the registered source's own)
            bracket = text.find(f"({acronym})", d.start)    # (the letters themselves are no name)
            ours[acronym] = any(o.kind == "named" and o.entry is c.entry and o.start < bracket and d.start < o.end
                                for o in cands)
        m = actors.get((c.start, c.end))
        if not ours[acronym] and m is not None and m.name == d.name:
            cands[k] = _Cand(c.start, c.end, "named", reg.source(m.name)
                             or Source(m.name, _TYPE_BY_CATEGORY.get(m.category, "unknown")))


_ACCORDING_TO = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,9}\b")


def _acronym_according(text: str, cands: list[_Cand]) -> None:
    """An organisation named by an acronym the model took for nothing, after "according to"
    and words of what kind of body it is: "according to the opposition coalition FNDC"."""
    taken = None
    for m in _ACCORDING_TO.finditer(text):
        a = _ACRONYM.search(text, m.end(), min(len(text), m.end() + 80))
        if a is None or not _ACCORDING_GAP.match(text[m.end():a.start()]):
            continue
        if taken is None:   # (made once, when first needed: a long text may say "according to" often)
            taken = _mask_array(len(text), ((c.start, c.end) for c in cands))
        if taken.find(1, a.start(), a.end()) >= 0:
            continue
        taken[a.start():a.end()] = b"\x01" * (a.end() - a.start())
        cands.append(_Cand(a.start(), a.end(), "ner", Source(a.group(), "unknown"), label="ORG"))


#: the fighters of an armed group, after its name ("Houthi rebels", "Taliban fighters")
_FIGHTERS = (r"(?:rebels?|militants?|fighters?|insurgents?|jihadists?|guerrillas?|guerillas?|militiam[ae]n|"
             r"gunm[ae]n|separatists?|combatants?)")
_FIGHTERS_IN = re.compile(rf"\b{_FIGHTERS}$", re.IGNORECASE)
_FIGHTERS_AFTER = re.compile(rf"[ \t]+{_FIGHTERS}\b", re.IGNORECASE)


def _group_with_fighters(ctx: Context, reg: SourceRegistry, cands: list[_Cand]) -> None:
    """An armed group named with its fighters speaks by its name ("Houthi rebels said",
    "Taliban fighters said", "Islamic State militants claimed"), as the actor dictionary
    names it, not as "rebels" in general nor as nobody known: the non-state actors found by
    their name (capitalised; not a generic word made a country's, not "Turkish-backed
    rebels", whose backer is no name of theirs) before or with a word for fighters."""
    text = ctx.text
    registry = index_matches(ctx, reg.index, "source_registry")    # in text order, none overlapping
    starts = [a for a, _b, _entry in registry]
    for m in ctx.actors:
        if m.category not in NON_STATE_CATEGORIES or m.generic is not None or not text[m.start:m.start + 1].isupper():
            continue
        e = m.end
        if not _FIGHTERS_IN.search(text, m.start, e):
            after = _FIGHTERS_AFTER.match(text, e)
            if after is None:
                continue
            e = after.end()
        if _LED_AFTER.search(text, m.start, e):
            continue
        # the registry's name where it knows the group's words ("the Ahrar al-Sham rebel
        # group"), else the actor dictionary's
        k = bisect.bisect_left(starts, m.start)
        known = next((Source(entry.name, entry.type) for a, b, entry in registry[k:k + 4]
                      if a < e and b <= e and entry.kind == "source"), None)
        cands.append(_Cand(m.start, e, "named", known or reg.source(m.name) or Source(m.name, "armed_group")))


#: a body named by its capitalised name ending in a word for a body ("the Sudan Doctors
#: Committee", "the Zimbabwe Lawyers for Human Rights Network"), which the model does not
#: always take for an organisation; a possessive ends the owner's name, and a first word
#: that "of" follows names whose members they are ("Officials of the Network"), not the body
_BODY_NAME = re.compile(
    r"\b(?!(?:The|A|An|In|On|At|But|And|Meanwhile|Yesterday|Today|Earlier|Later|However|Also)\b)"
    r"[A-Z][\w&.-]*+(?![ \t]+of\b)(?:[ \t]+(?:(?:of|for|and|on)(?:[ \t]+the)?[ \t]+)?[A-Z][\w&.-]*){0,6}?[ \t]+"
    r"(?:(?:" + "|".join(BODY_WORDS) + r")\b"
    # ... and what it is for: "the Egyptian Initiative for Personal Rights", "the Committee
    # to Protect Journalists"
    r"(?:[ \t]+(?:for|to|on|of)(?:[ \t]+the)?[ \t]+[A-Z][\w&-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w&-]*){0,3}(?![’'\w]))?"
    # ... or its members and the cause they stand for: "the Zimbabwe Lawyers for Human Rights"
    # (not "Defence Lawyers for Ivanov")
    r"|(?:Lawyers|Journalists|Doctors|Physicians|Reporters|Defenders|Mothers|Women|Students|Scholars)[ \t]+"
    r"(?:for|Without|Against)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w&-]*[ \t]+(?:and[ \t]+)?){0,3}"
    r"(?:Rights|Justice|Peace|Democracy|Freedom|Borders|Truth|Accountability|Change|Life)\b)")


def _bodies(ctx: Context, cands: list[_Cand]) -> None:
    """Give a body's whole name its word: a registry's generic word inside an
    organisation's name ("doctors" in "the Central Committee of Sudanese Doctors") is not
    the speaker, the organisation is (with the generic word's type when its name tells
    none); a capitalised name on one line ending in a word for a body (or in what the body
    is for) is an organisation even when the model did not say so ("the Sudan Doctors
    Committee said", "the Egyptian Initiative for Personal Rights said")."""
    text = ctx.text
    orgs = [c for c in cands if c.kind == "ner" and c.label == "ORG"]
    names = sorted((c.start, c.end) for c in cands if c.kind in ("ner", "named"))
    starts, reach = [a for a, _b in names], span_reach(names)
    for m in _BODY_NAME.finditer(text):
        s, e = m.span()
        k = bisect.bisect_right(starts, s) - 1
        if k < 0 or reach[k] < e:      # no name already holds it
            name = _strip_article(text[s:e])
            c = _Cand(s, e, "ner", Source(name, _org_type(name)), label="ORG")
            cands.append(c)
            orgs.append(c)
    if not orgs:
        return
    generics = sorted((c for c in cands if c.kind == "generic"), key=lambda c: c.start)
    g_starts = [g.start for g in generics]
    inside = []
    for org in orgs:
        lo = bisect.bisect_left(g_starts, org.start)
        hi = bisect.bisect_left(g_starts, org.end)
        held = [g for g in generics[lo:hi] if g.end <= org.end and g.end - g.start < org.end - org.start]
        if held and org.source is not None:
            if org.source.type == "unknown":
                org.source = Source(org.source.name, held[0].source.type)
            inside.extend(held)
    if inside:
        gone = {id(g) for g in inside}
        cands[:] = [c for c in cands if id(c) not in gone]


_OFFICE_MODIFIERS = {"acting", "deputy", "former", "assistant", "under", "interim", "outgoing", "then",
                     "new", "current", "executive", "general", "the"}
_WORD_BEFORE = re.compile(r"([\w.-]+?)([’']s|[’'])?\s*$")


def _owned_elsewhere(text: str, start: int, entry: SourceEntry, reg: SourceRegistry) -> bool:
    """Whether an office ("secretary general", "security council") that other bodies have too
    belongs to an owner named right before it that is not ``entry``: "the party's
    secretary-general", "ZCTU acting secretary general", "the National Security Council", "the
    ILO Commission of Inquiry" (but "the UN Security Council", "U.N. Under Secretary General")."""
    head = text[max(0, start - 80):start]
    while True:
        m = _WORD_BEFORE.search(head)
        if m is None:
            return False
        word, possessive = m.group(1), m.group(2)
        if possessive is None and word.lower() in _OFFICE_MODIFIERS:
            head = head[:m.start()]
            continue
        break
    before = head[:m.start()].rstrip()
    if not possessive and (not word[:1].isupper() or (word.endswith(".") and "." not in word[:-1])):
        return False        # "told the", or a sentence's last word
    if not possessive and (not before or before[-1] in ".!?:\"“”\n"):
        return False        # a capital that starts a sentence owns nothing
    if possessive and word.lower() in ("its", "their", "his", "her"):
        return False
    owner = head[max(0, m.start() - 60):m.end(1)]
    hits = reg.index.find(owner)
    return not any(e is entry and end >= len(owner.rstrip(".")) for _, end, e in hits)


#: what an unregistered organisation is, by the words of its name ("Philippine National
#: Police", "Treasury Department", "Interfax news agency", "Belarusian Association of
#: Journalists", "Assistance Association for Political Prisoners")
_ORG_TYPES = (
    ("government", re.compile(r"\b(?:police|ministry|army|military|armed forces|department|government|"
                              r"embassy|prosecutor(?:'s|’s)? office|presidency|parliament|gendarmerie|"
                              r"national guard|command)\b", re.IGNORECASE)),
    ("media", re.compile(r"\b(?:news|daily|times|post|gazette|gazeta|tribune|herald|journal|television|tv|"
                         r"radio|broadcasting|broadcaster|newspaper|magazine|press agency|news agency|"
                         r"dealer|chronicle|telegraph|observer)\b", re.IGNORECASE)),
    ("monitor", re.compile(r"\b(?:human rights|rights watch|political prisoners|"
                           r"(?:union|syndicate|association|federation) of journalists|journalists[’']? (?:union|syndicate|"
                           r"association|federation)|press freedom|civil liberties|documentation (?:center|centre)|observatory|"
                           r"(?:peace|conflict) studies|(?:conflict|violence) monitor(?:ing)?)\b",
                           re.IGNORECASE)),
)


#: words that say what kind of body a name is, right before it or in an apposition after
#: it ("human rights group Karapatan said", "OVD-Info, a rights monitor, said")
_KIND_OF_BODY = (
    ("monitor", r"(?:human\s+)?rights\s+(?:group|organi[sz]ation|watchdog|body|monitor|NGO|cent(?:re|er))|"
                r"monitoring\s+(?:group|organi[sz]ation)|watchdog|(?:press|media)[\s-]+freedom\s+(?:group|organi[sz]ation)"),
    ("media", r"news\s+agency|newspaper|daily|broadcaster|(?:TV|television)\s+(?:channel|station)|"
              r"news\s+(?:site|website|outlet)"),
    # a state's security or intelligence service ("the FSB security service said", "the Shin
    # Bet internal security agency")
    ("government", r"(?:internal\s+|domestic\s+|state\s+)?(?:security|intelligence)\s+(?:service|agency)"),
)
_KIND_BEFORE = [(typ, re.compile(rf"\b(?:{rx})\s+(?:the\s+)?$", re.IGNORECASE)) for typ, rx in _KIND_OF_BODY]
_KIND_AFTER = [(typ, re.compile(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{rx})\b", re.IGNORECASE))
               for typ, rx in _KIND_OF_BODY]


#: a name and the words after it that say what kind of body it is ("the Viasna human rights
#: centre said", "the OVD-Info monitoring group said", "the Karapatan rights group said")
_NAME_DESCRIBED = [(typ, re.compile(
    r"(?<![\w-])(?!(?:The|A|An|In|On|At|But|And|This|That|Its|Their|His|Her)\b)"
    rf"(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,3}})\s+(?:{rx})\b")) for typ, rx in _KIND_OF_BODY]


_MODIFIER_NAME = re.compile(r"-(?:based|backed|led|run|linked|affiliated|funded|owned|born|controlled|aligned|"
                            r"allied|sponsored|registered|focused)$", re.IGNORECASE)
_INDEFINITE_BEFORE = re.compile(r"\b(?:an?)\s+$", re.IGNORECASE)


def _described_after(ctx: Context, cands: list["_Cand"]) -> None:
    """A name followed by words for its kind of body speaks as that body, by its name: the
    candidate is stretched over the words (so that "monitoring group" inside is no second
    speaker) and typed by them; a name the model did not take for one becomes one."""
    text = ctx.text
    found = sorted(((m.start("name"), m.end(), m.group("name"), typ)
                    for typ, rx in _NAME_DESCRIBED for m in rx.finditer(text)), key=lambda x: x[0])
    if not found:
        return
    n = len(text)
    peoples = _mask_array(n, ((a, b) for a, b, label in ctx.entities if label == "NORP"))
    # no people's word ("the Russian rights group"), no modifier ("a UK-based newspaper")
    found = [f for f in found if peoples.find(1, f[0], f[1]) < 0
             and not _MODIFIER_NAME.search(f[2]) and not _INDEFINITE_BEFORE.search(text, max(0, f[0] - 4), f[0])]
    names = sorted((c for c in cands if c.kind in ("ner", "named")), key=lambda c: c.start)
    starts = [c.start for c in names]
    titled = _mask_array(n, ((c.start, c.end) for c in cands if c.kind in ("named", "titled", "ministry")))
    spans = []
    for s, e, name, typ in found:
        k = bisect.bisect_right(starts, s) - 1
        held = names[k] if k >= 0 and names[k].end > s else None
        if held is not None and held.kind == "named":
            continue    # a registered source keeps its registry's name and type
        if held is not None:
            held.end = max(held.end, e)
            held.label = "ORG"
            if held.source is not None and held.source.type == "unknown":
                held.source = Source(held.source.name, typ)
            spans.append((held.start, held.end))
        elif titled.find(1, s, e) < 0:
            cands.append(_Cand(s, e, "ner", Source(name, typ), label="ORG"))
            spans.append((s, e))
    if not spans:
        return
    # the words for the kind are no speaker of their own ("the OVD-Info monitoring group")
    within = _mask_array(n, spans)
    cands[:] = [c for c in cands if c.kind not in ("generic", "reference") or within.find(0, c.start, c.end) >= 0]


def _described_type(text: str, start: int, end: int) -> str | None:
    """The type the words describing a name give it ("rights group Karapatan"), else None."""
    for (typ, before), (_t, after) in zip(_KIND_BEFORE, _KIND_AFTER):
        if before.search(text, max(0, start - 50), start) or after.match(text, end, end + 80):
            return typ
    return None


def _org_type(name: str) -> str:
    return next((typ for typ, rx in _ORG_TYPES if rx.search(name)), "unknown")


def _mask_array(n: int, spans: Iterable[tuple[int, int]]) -> bytearray:
    arr = bytearray(n)
    for s, e in spans:
        s, e = max(0, s), min(n, e)
        if e > s:
            arr[s:e] = b"\x01" * (e - s)
    return arr


_TITLE_WORDS = {"president", "minister", "ambassador", "governor", "mayor", "chancellor", "king", "emir",
                "secretary", "premier", "envoy", "spokesman", "spokeswoman", "spokesperson"}
#: titles that speak for a state also in lower case before a name, as wire copy writes
#: them: "regional governor Oleksandr Prokudin said", "foreign minister Sergei Lavrov"
_TITLE_LOWER_OK = {"envoy", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor", "minister", "ambassador"}
_NAME_AT = re.compile(r"\s+(" + _NAME + r")")
_A_SOURCE_DETS = {"a", "an", "one", "two", "three", "several", "other", "some"}
#: the heads of "a(n) <words> source": "a Syrian military source", "an army officer", "two
#: senior security officials" (the words type it: [adjectives] of the registry)
_SOURCE_HEADS = {"source", "sources", "officer", "officers", "official", "officials", "commander", "commanders"}
_CAND_HOOKS = {"ministry"} | _SOURCE_HEADS | _TITLE_WORDS
_MINISTRY_KINDS = {"foreign", "defence", "defense", "interior", "information", "health", "justice", "affairs"}


def _source_phrase(text, reg, norms, starts, ends, k, cands) -> None:
    """ "an Alawite source", "a Syrian military source", "a source at Aleppo police",
    "security sources" """
    if norms[k] == "sources":
        # sources a word of the registry's adjectives types, with no determiner: "security
        # sources said", "Syrian military sources" (the words right before "sources" only)
        d = k
        while d > 0 and k - d < 3 and norms[d - 1] in reg.adjectives and not any(
                ch in text[ends[d - 1]:starts[d]] for ch in ",;:.()"):
            d -= 1
        if d < k:   # (a registered name over the words wins when overlaps are resolved)
            typ = reg.adjectives[norms[d]]
            cands.append(_Cand(starts[d], ends[k], "asource", Source(text[starts[d]:ends[k]], typ)))
            return
    for back in (1, 2, 3, 4):
        d = k - back
        if d < 0 or any(ch in text[ends[d]:starts[d + 1]] for ch in ",;:.()"):
            break       # "injuring three civilians, local sources reported": no determiner of it
        w = norms[d]
        if w in _A_SOURCE_DETS:
            if back == 1:
                break
            words = [text[starts[x]:ends[x]] for x in range(d + 1, k)]
            typ = next((reg.adjectives[x.lower()] for x in sorted(words, key=lambda x: x.lower() == "local")
                        if x.lower() in reg.adjectives), None)
            if typ is None:
                typ = "witness" if any(x[:1].isupper() for x in words) else "unknown"
            seg = text[starts[d + 1]:ends[k]]
            if any(c.kind == "named" and starts[d + 1] <= c.start and c.end <= ends[k] for c in cands):
                return  # "citing an NDF official": the registered source speaks, by its name
            cands.append(_Cand(starts[d], ends[k], "asource", Source(seg, typ)))
            return
        if w in _A_SOURCE_STOP:
            break
    m = _SOURCE_AT.match(text, starts[k])
    if m:
        name = m.group(1) or m.group(2)
        typ = next((reg.adjectives[x.lower()] for x in name.split() if x.lower() in reg.adjectives), "unknown")
        begin = starts[k - 1] if k > 0 and norms[k - 1] in ("a", "an", "one") else starts[k]
        cands.append(_Cand(begin, m.end(), "asource", Source(name, typ)))


#: an office named by its owner, with no name after it: "Turkey's foreign minister said";
#: a state's body so, in lower case ("Israel's military", "Egypt's interior ministry"; a
#: capitalised "Turkey's Defence Ministry" is a ministry's name)
_OWNED_TITLE = re.compile(
    r"\b(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s\s+(?:(?:(?i:foreign|defen[cs]e|interior|prime|deputy|justice|"
    r"information|health|finance|home|acting|vice|chief)\s+)*(?i:minister|president|premier|ambassador|envoy|"
    r"spokes(?:man|woman|person)|governor|prosecutor(?:[\s-]+general)?|attorney[\s-]+general|army chief|"
    r"police chief)|"
    r"(?P<body>(?:foreign|defen[cs]e|interior|justice|information|health|home)\s+ministry|army|military|"
    r"armed forces|government|authorities|police|security forces|regime|junta|presidency))\b(?!\s+[A-Z])")


#: words of a day or month (the dates stage's), no part of a title before them
_WHEN_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"today", "yesterday"}


def _titled(text, norms, starts, ends, k, cands) -> None:
    """ "Syrian President Ahmed al-Sharaa", "Foreign Minister X", "Pentagon spokesman X" """
    word = text[starts[k]:ends[k]]
    if not word[0].isupper() and norms[k] not in _TITLE_LOWER_OK:
        return
    m = _NAME_AT.match(text, ends[k])
    if not m or m.group(1).split()[0].lower() in _TITLE_WORDS:
        return
    begin = k
    while begin > 0 and k - begin < 3 and text[starts[begin - 1]:starts[begin - 1] + 1].isupper() \
            and text[ends[begin - 1]:starts[begin]].strip() in ("", "-") and norms[begin - 1] not in _WHEN_WORDS:
        begin -= 1      # (not "on Wednesday Homs governor X": the day is no part of the title)
    label = text[starts[begin]:ends[k]]
    # "CPNE President X" heads an organisation, not a state
    typ = "unknown" if any(len(x) > 1 and x.isupper() for x in label.split()[:-1]) else "government"
    cands.append(_Cand(starts[begin], m.end(), "titled", Source(m.group(1).strip(), typ), label=label))


def _ministry(text, norms, starts, ends, k, cands) -> None:
    """ "its Foreign Ministry", "Turkey's Defence Ministry", "the Ministry of Foreign Affairs" """
    if not text[starts[k]].isupper():
        return
    if k > 0 and norms[k - 1] in _MINISTRY_KINDS and text[starts[k - 1]].isupper():
        first, last = k - 1, ends[k]
        if norms[k - 1] == "affairs" and k > 1 and norms[k - 2] == "foreign":
            first = k - 2
        ministry = " ".join(text[starts[first]:last].split())
        b = first
        possessive = None
        owner_words = []
        while b > 0 and len(owner_words) < 4 and text[starts[b - 1]].isupper():
            b -= 1
            owner_words.insert(0, b)
        if not owner_words and b > 0 and norms[b - 1] in ("its", "their", "his", "her"):
            possessive = norms[b - 1]
            b -= 1
        owner = text[starts[owner_words[0]]:ends[owner_words[-1]]] if owner_words else ""
        if owner.lower().startswith("the "):
            owner = owner[4:]
        cands.append(_Cand(starts[b], last, "ministry", None, possessive=possessive, ministry=ministry,
                           label=owner))
    elif k + 2 < len(norms) and norms[k + 1] == "of":
        j = k + 2
        if norms[j] == "the":
            j += 1
        if j < len(norms) and norms[j] in _MINISTRY_KINDS | {"foreign"}:
            if norms[j] == "foreign" and j + 1 < len(norms) and norms[j + 1] == "affairs":
                j += 1
            ministry = " ".join(text[starts[k]:ends[j]].split())
            b = k - 1 if k > 0 and norms[k - 1] == "the" else k
            cands.append(_Cand(starts[b], ends[j], "ministry", None, ministry=ministry))


def _fix_titled(text: str, cands: list[_Cand], reg: SourceRegistry) -> None:
    """Titles that embed a registered organisation speak for it ("Pentagon spokesman X")."""
    for c in cands:
        if c.kind != "titled" or " " not in c.label:
            continue
        for s, e, entry in reg.index.find(c.label):
            if entry.kind == "source":
                c.kind = "named"
                c.source = Source(entry.name, entry.type)
                c.entry = entry
                break


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _QUOTE_CHARS.finditer(text):
        ch = m.group()
        if ch == "“" or (ch == '"' and open_at is None):
            open_at = m.start()
        elif open_at is not None:
            if m.start() - open_at <= 2000:
                spans.append((open_at, m.end()))
            open_at = None
    return spans


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span of ``spans`` (in text order, none overlapping) strictly around ``pos``."""
    k = bisect.bisect_left(spans, pos, key=lambda sp: sp[0]) - 1
    if k >= 0 and spans[k][0] < pos < spans[k][1]:
        return spans[k]
    return None


def _first_from(cands: list[_Cand], pos: int) -> _Cand | None:
    """The first candidate (in text order) that starts at or after ``pos``."""
    k = bisect.bisect_left(cands, pos, key=lambda c: c.start)
    return cands[k] if k < len(cands) else None


_LOCATIVE = re.compile(
    r"\b(?:in|of|from|near|at|inside|across|to)\s+(?:the\s+)?(?:(?:eastern|western|northern|southern|central|rural|"
    r"besieged|rebel[- ]held|opposition[- ]held|government[- ]held|nearby)\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}")
_PASSIVE_GAP = re.compile(r"\b(?:was|were|is|are|been|being|be)\s*$", re.IGNORECASE)
_NO_ACT = {"will", "would", "could", "may", "might", "should", "must", "can", "cannot", "to", "not", "never",
           "didn’t", "didn't", "doesn't", "doesn’t", "won't", "won’t", "nor"}


#: an acronym in brackets after a name, in another language's initials or none the model
#: took for one: "the Foundation for Press Freedom (FLIP) reported", "the Committee of
#: Peasant Unity (CUC)"
_BRACKETED = r"\s*\(\s*[A-Z][\w&.-]{1,12}\s*\)"
_BRACKETED_ACRONYM_GAP = re.compile("^" + _BRACKETED)
_ACRONYM_AFTER = re.compile(f"(?:{_BRACKETED})?")


def _gap_ok(gap: str) -> bool:
    if len(gap) > 160:
        return False
    gap = _LOCATIVE.sub(" ", _APPOSITIVE.sub(" ", _BRACKETED_ACRONYM_GAP.sub(" ", gap)))
    words = _GAP_WORD.findall(gap)
    return len(words) <= 8 and all(w.lower() in _FILLER for w in words)


_SKIP_BEFORE = {"the", "a", "an", "eastern", "western", "northern", "southern", "central", "rural", "besieged",
                "northwestern", "northeastern", "southwestern", "southeastern", "neighbouring", "neighboring",
                "nearby", "downtown", "greater"}


def _prev_word(text: str, pos: int, floor: int) -> tuple[str, int]:
    """The word before ``pos`` (skipping "the" and place adjectives) and its start."""
    window = text[max(floor, pos - 60):pos]
    words = list(_WORD.finditer(window))
    base = max(floor, pos - 60)
    while words and (words[-1].group().lower() in _SKIP_BEFORE
                     or words[-1].group().lower().endswith(("-held", "-controlled", "-run"))):
        words.pop()
    if not words:
        return "", pos
    return words[-1].group().lower(), base + words[-1].start()


@dataclass
class _Found:
    cand: _Cand | None
    pronoun: str | None
    cue: str
    cue_start: int
    cue_end: int
    stance: str
    finite: bool


#: the words of a reference that may stand for an armed group: "the group said"
_GROUP_WORD = re.compile(r"\b(?:group|organi[sz]ation|movement|militia|faction|brigade|front)\b", re.IGNORECASE)

class _Resolver:
    """Resolves references, pronouns and possessives against earlier sources."""

    def __init__(self, ctx: Context, reg: SourceRegistry, cands: list[_Cand], sentence_of):
        self.ctx = ctx
        self.sentence_of = sentence_of
        self.reg = reg
        self.cands = cands
        self.attributed: list[tuple[int, Source, str]] = []   # (offset, source, kind)
        self.country = getattr(ctx, "country_context", None)

    def resolve(self, cand: _Cand) -> Source | None:
        if cand.kind == "reference":
            types = cand.entry.types
            word = cand.entry.antecedent_word

            def fits(src: Source) -> bool:
                # "the coalition" stands for the last coalition named, not any government
                return src.type in types and (word is None or word in src.name.lower().split())
            for _, src, kind in reversed(self.attributed):
                # generic sources ("officials") are no antecedents of "the ministry"
                if kind == "generic":
                    continue
                if fits(src) and src.name != _strip_article(self.ctx.text[cand.start:cand.end]):
                    return src
            before = bisect.bisect_left(self.cands, cand.start, key=lambda c: c.start)
            for c in reversed(self.cands[:before]):
                if c.kind in ("named", "titled") and c.source and fits(c.source):
                    return c.source
            if "armed_group" in types and word is None and _GROUP_WORD.search(self.ctx.text, cand.start, cand.end):
                # "Hamas claimed the attack, the group said": the armed group named last,
                # in its sentence or the one before
                group = self._armed_group_before(cand.start)
                if group is not None:
                    return group
            if "international_org" in types and word is None and not cand.entry.default:
                # "Egyptian security forces arrested three staff members of the Egyptian
                # Initiative for Personal Rights (EIPR), the group said": the organisation
                # the model named last, in the sentence or the one before, when its name
                # says it is one
                org = self._org_before(before, cand.start)
                if org is not None and (_ORGANISATION_NAME.search(org.source.name)
                                        or _acronym_of_name(self.ctx.text, org.start, org.end)):
                    return org.source
            e = cand.entry
            # "state media" is Syria's SANA only in a report on Syria: in a report whose
            # country is unknown it stays what the text says
            if e.default and (not e.default_countries
                              or self.country is not None and self.country.upper() in e.default_countries):
                return self.reg.source(e.default)
            return Source(_strip_article(self.ctx.text[cand.start:cand.end]), types[0])
        if cand.kind == "ministry":
            owner = cand.label
            if cand.possessive or not owner:
                owner = ""
                for c in reversed(self.cands):
                    if c.end <= cand.start and c.kind == "ner" and c.label == "GPE" and cand.start - c.end < 400:
                        owner = c.source.name
                        break
            owner = re.sub(r"['’]s$", "", owner)
            name = f"{owner} {cand.ministry}".strip()
            known = self.reg.source(name)
            return known or Source(name, "government")
        return cand.source

    def _org_before(self, before: int, pos: int) -> _Cand | None:
        """The organisation the model named last among the first ``before`` candidates, in
        the sentence of ``pos`` or the one before."""
        here = self.sentence_of(pos)
        found = None
        for c in reversed(self.cands[max(0, before - 200):before]):
            if self.sentence_of(c.start) < here - 1:
                break
            if found is not None:
                # an acronym in brackets after the name: the name ("Women of Zimbabwe Arise (WOZA)")
                return c if c.label == "ORG" and _named_before(self.ctx.text, c, found) else found
            if c.kind == "ner" and c.label == "ORG" and c.end <= pos:
                if not BRACKETED_ACRONYM.fullmatch(self.ctx.text, max(0, c.start - 1), c.end + 1):
                    return c
                found = c
        return found

    def _armed_group_before(self, pos: int) -> Source | None:
        """The non-state armed group the actor dictionary found last before ``pos``, in
        its sentence or the one before, as a source."""
        here = self.sentence_of(pos)
        actors = self.ctx.actors       # in text order
        k = bisect.bisect_right(actors, pos, key=lambda m: m.start)
        for m in reversed(actors[max(0, k - 50):k]):
            if m.sentence < here - 1:
                break
            if m.end > pos:
                continue
            if m.category in NON_STATE_CATEGORIES:
                return self.reg.source(m.name) or Source(m.name, "armed_group")
        return None

    def pronoun(self, word: str, pos: int) -> Source | None:
        si = self.sentence_of(pos)
        for off, src, kind in reversed(self.attributed):
            if off >= pos:
                continue
            if si >= 0 and self.sentence_of(off) < si - 3:
                break
            if _PRONOUNS[word] == "person" and kind not in ("titled", "asource", "ner:PERSON", "named", "pronoun"):
                continue
            return src
        return None


#: a headline's closing speaker after a dash or a colon: "Russian strikes kill 9 civilians
#: in Idlib - monitor", "IS car bomb kills 20 in Hasakeh: state media"
_HEADLINE_TAIL = re.compile(r"(?:\s[-–—]\s*|:\s*)(?P<tail>[^\W\d][\w'’ .-]{1,45}?)[\s.]*$")


def _headline_speaker(ctx: Context, sentence: tuple[int, int], cands: list[_Cand], resolver: "_Resolver",
                      found_by_sentence: dict) -> None:
    """The source a headline names at its end ("... kill 9 civilians in Idlib - monitor")
    asserts what the headline says, as if it had said so."""
    ss, se = sentence
    m = _HEADLINE_TAIL.search(ctx.text, ss, se)
    if m is None:
        return
    # (the tail is the speaker, a word or two before its name at most: not a clause that
    # ends in a name, "Iran: Two protesters were executed in Tehran")
    cand = next((c for c in cands if m.start("tail") <= c.start and c.end <= se
                 and not ctx.text[c.end:se].strip(" .") and len(ctx.text[m.start("tail"):c.start].split()) <= 2),
                None)
    if cand is None:
        return
    src = resolver.resolve(cand)
    if src is None:
        return
    f = _Found(cand, None, ctx.text[m.start():m.end()], m.start(), m.end(), "asserts", True)
    found_by_sentence.setdefault(0, []).append((f, src, m.start(), m.end()))
    resolver.attributed.append((m.start(), src, cand.kind))


#: a colon after a speaker opening a sentence, and the sentence it says
_LABEL_COLON = re.compile(r":[ \t]+(?=\S)")


def _label_speakers(ctx: Context, sentences: list[tuple[int, int]], sentence_of, cands: list[_Cand],
                    resolver: "_Resolver", found_by_sentence: dict) -> None:
    """A registered source opening a sentence before a colon asserts what follows
    ("Syrian Observatory for Human Rights: 23 civilians were killed ..."), in a sentence
    no one else is told to say; not a state named so, which is the topic ("Iran: Two
    protesters were executed", as rights groups title their reports)."""
    for cand in cands:
        if cand.kind != "named" or not _LABEL_COLON.match(ctx.text, cand.end):
            continue
        si = sentence_of(cand.start)
        if si < 0 or si in found_by_sentence or ctx.text[sentences[si][0]:cand.start].strip():
            continue
        src = resolver.resolve(cand)
        if src is None or src.type == "government":
            continue
        ss, se = sentences[si]
        f = _Found(cand, None, ctx.text[ss:se], ss, se, "asserts", True)
        found_by_sentence[si] = [(f, src, ss, se)]
        resolver.attributed.append((ss, src, cand.kind))


def find_attributions(ctx: Context, reg: SourceRegistry) -> tuple[list[Attribution], list[dict[str, Any]]]:
    text = ctx.text
    tokens = context_tokens(ctx)
    norms, starts, ends = tokens
    sentences = ctx.sentences or [(m.start(), m.end()) for m in _SENT_SPLIT.finditer(text) if m.group().strip()]
    bounds = [s for s, _ in sentences]

    def sentence_of(pos: int) -> int:
        i = bisect.bisect_right(bounds, pos) - 1
        return i if i >= 0 and pos < sentences[i][1] else -1

    cands = _candidates(ctx, reg, tokens)
    quotes = _quote_spans(text)
    resolver = _Resolver(ctx, reg, cands, sentence_of)
    covered = _mask_array(len(text), [(c.start, c.end) for c in cands])
    masked = _mask_array(len(text), ctx.masked) if ctx.masked else None

    found_by_sentence: dict[int, list[tuple[_Found, Source, int, int]]] = {}
    n = len(norms)
    for k in [k for k, w in enumerate(norms) if w in _CUE_KEYS]:
        w = norms[k]
        stance = CUES.get(w)
        if w in _TOLL_CUES:
            stance = "asserts" if _TOLL_AFTER.match(text, ends[k]) else None
        elif w in _DISMISSING_CUES:
            stance = "denies" if _DISMISSED_CLAIM.match(text, ends[k]) else None
        elif w in _CALLING_CUES:
            stance = "condemns" if _CALLED_CRIME.match(text, ends[k]) else None
        elif w in _EXPRESSING_CUES:
            fm = _FEELING_AFTER.match(text, ends[k])
            stance = None if fm is None else (
                "condemns" if fm["feeling"].lower() in ("outrage", "indignation") else "asserts")
        elif stance == "alleges" and _RESPONSIBILITY.match(text, ends[k]):
            stance = "asserts"      # "Hamas claimed responsibility": the doer says it did it
        according = w == "according" and k + 1 < n and norms[k + 1] == "to"
        relay = w in _RELAY
        if stance is None and not according and not relay:
            continue
        cs, ce = starts[k], ends[k]
        if according:
            ce = ends[k + 1]
            stance = "asserts"
        if relay:
            stance = "asserts"
        if w in _NOUN_CUES and k > 0 and norms[k - 1] in _NOUN_BEFORE:
            continue    # "broken promises by X", "media reports", "these claims": nouns
        if stance == "denies" and _REFUSED.match(text, ends[k]):
            continue    # "rejected a US plea", "denied him access to a lawyer": a refusal
        if masked is not None and masked.find(1, cs, ce) >= 0:
            continue
        if covered[cs]:
            continue
        si = sentence_of(cs)
        if si < 0:
            continue
        ss, se = sentences[si]
        quoted = _in_spans(cs, quotes)
        found = _find_source(ctx, w, according or relay, cs, ce, ss, se, cands, quoted, quotes, resolver)
        if found is None:
            # a second verb of the same speaker: "the council said it had targeted criminals
            # and denied dispersing the protest"
            earlier = found_by_sentence.get(si)
            if earlier and k > 0 and norms[k - 1] in ("and", "but") and not according and not relay \
                    and _SELF_CLAUSE.match(text, earlier[-1][0].cue_end):
                f0, src0, _, _ = earlier[-1]
                f = _Found(f0.cand, f0.pronoun, text[cs:ce], cs, ce, stance, not _NOT_FINITE.search(w))
                found_by_sentence[si].append((f, src0, cs, ce))
            continue
        cand, pron = found
        if pron:
            src = resolver.pronoun(pron, cs)
            kind = "pronoun"
        else:
            src = resolver.resolve(cand)
            kind = f"ner:{cand.label}" if cand.kind == "ner" else cand.kind
        if src is None:
            continue
        # relayed chain: an outlet citing / quoting someone passes on that someone's claim
        if not relay and src.type in ("media", "state_media"):
            relayed = _relayed(ctx, cands, resolver, cs, ss, se, quotes)
            if relayed is not None:
                src = relayed
        f = _Found(cand, pron, text[cs:ce], cs, ce, stance, not _NOT_FINITE.search(w))
        found_by_sentence.setdefault(si, []).append((f, src, cs, ce))
        resolver.attributed.append((cs, src, kind))
        # sources named together say it together: "a monitoring group and rescue workers said"
        for other in _conjoined(text, cands, cand, cs, ss, se) if cand is not None and not relay else ():
            osrc = resolver.resolve(other)
            if osrc is not None and osrc.name != src.name:
                of = _Found(other, None, text[cs:ce], cs, ce, stance, f.finite)
                found_by_sentence[si].append((of, osrc, cs, ce))

    if 0 not in found_by_sentence and sentences:
        _headline_speaker(ctx, sentences[0], cands, resolver, found_by_sentence)
    _label_speakers(ctx, sentences, sentence_of, cands, resolver, found_by_sentence)

    outlet = ctx.meta.get("outlet") if isinstance(ctx.meta, dict) else None
    outlet_names = set()
    if isinstance(outlet, str) and outlet.strip():
        outlet_names.add(outlet.strip().lower())
        o = reg.outlet(outlet)
        if o is not None:
            outlet_names.add(o.name.lower())

    attributions: list[Attribution] = []
    abouts: list[str] = []
    for si in sorted(found_by_sentence):
        ss, se = sentences[si]
        per_source: dict[str, tuple[_Found, Source]] = {}
        for f, src, cs, ce in found_by_sentence[si]:
            key = src.name.lower()
            old = per_source.get(key)
            if old is None or (not old[0].finite, _STANCE_RANK[old[0].stance]) > (not f.finite, _STANCE_RANK[f.stance]):
                per_source[key] = (f, src)
        for key, (f, src) in per_source.items():
            if key in outlet_names:
                continue
            start, end = ss, se
            # a quotation the cue closes, opened in an earlier sentence
            for qs, qe in quotes:
                if qs < start <= qe <= f.cue_start:
                    start = qs
                if f.cue_end <= qs < end < qe:
                    end = qe
            stance = f.stance
            body = text[start:end]
            if stance == "asserts" and _HEDGE.search(body):
                stance = "alleges"
            if stance in ("asserts", "alleges") and _DENIAL_PHRASE.search(body):
                stance = "denies"
            cand = f.cand
            attributions.append(Attribution(
                start=start, end=end, source=Source(src.name, src.type), stance=stance,
                source_start=cand.start if cand else -1, source_end=cand.end if cand else -1,
                cue=f.cue, sentence=si))
            abouts.append(_about(text, f, stance, end, quotes, start))
    attributions_sorted = sorted(zip(attributions, abouts), key=lambda p: (p[0].start, p[0].source_start))
    attributions = [a for a, _ in attributions_sorted]
    abouts = [b for _, b in attributions_sorted]
    return attributions, _statements(text, attributions, abouts)


#: what joins two sources named together ("X and Y said", "according to X and Y")
_AND_GAP = re.compile(r"\s+(?:and|as\s+well\s+as)\s+(?:(?:the|a|an)\s+)?(?:(?:its|their)\s+(?:main\s+|key\s+|close\s+)?"
                      r"(?:ally|allies|backer|backers|partner|partners)\s+)?")


#: what may come right before a subject of two sources: the sentence's start, a
#: punctuation mark, a conjunction or a time ("On Saturday Moscow and Syrian media
#: reported"); not "of" or "both" ("the neighborhoods of X and Y", "in both Syria and Iraq")
_SUBJECT_OPENS = re.compile(r"(?:[,;:.!?\"“”‘’(—–-]|\b(?:the|a|an|and|but|while|whereas|as|that|also|meanwhile|earlier|later|"
                            r"then|yesterday|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day))\s*$",
                            re.IGNORECASE)


def _opens_subject(text: str, ss: int, start: int) -> bool:
    lo = max(ss, start - 40)
    before = text[lo:start]
    return (lo == ss and not before.strip()) or bool(_SUBJECT_OPENS.search(before))


def _conjoined(text: str, cands: list[_Cand], cand: _Cand, cue: int, ss: int, se: int) -> list[_Cand]:
    """The sources named together with ``cand`` as one subject: the one right before it
    across "and" when ``cand`` is the cue's subject ("a monitoring group and rescue workers
    said"), the one right after it across "and" when ``cand`` follows the cue ("according to
    the UN and local officials"). Not across a comma ("struck ISIS, and activists said"),
    nor where the first is no subject's start ("the neighborhoods of X and Y, adding")."""
    i = bisect.bisect_left(cands, cand.start, key=lambda c: c.start)   # in text order, not overlapping
    if i >= len(cands) or cands[i] is not cand:
        return []
    if cand.end <= cue:
        first = cands[i - 1] if i > 0 else None
        if first is not None and first.start >= ss and _AND_GAP.fullmatch(text, first.end, cand.start) \
                and _opens_subject(text, ss, first.start):
            return [first]
        return []
    if i + 1 < len(cands) and cands[i + 1].end <= se and _AND_GAP.fullmatch(text, cand.end, cands[i + 1].start):
        return [cands[i + 1]]
    return []


def _find_source(ctx: Context, w: str, forward_only: bool, cs: int, ce: int, ss: int, se: int,
                 cands: list[_Cand], quoted, quotes, resolver: _Resolver):
    """(candidate, pronoun) that is the source of the cue at [cs, ce), or None."""
    text = ctx.text

    def allowed(c: _Cand) -> bool:
        if quoted is not None:
            # inside a quotation only a named source speaking of itself counts
            return c.kind == "named" and quoted[0] < c.start < quoted[1]
        return _in_spans(c.start, quotes) is None

    nxt = _first_from(cands, ce)
    if nxt is not None and nxt.start >= se:
        nxt = None
    if forward_only:
        if nxt is not None and _ACCORDING_GAP.match(text[ce:nxt.start]) and allowed(nxt):
            after = _first_from(cands, nxt.end)
            if nxt.kind != "named" and after is not None and after.kind == "named" and after.start < se \
                    and not text[nxt.end:after.start].strip() and allowed(after):
                return after, None  # "according to the Turkish state news agency Anadolu": its name
            return nxt, None
        return None
    # passive: "reported by X", "claimed by X", "denied by X"
    if nxt is not None and w not in _FEELING_CUES and _BY_GAP.match(text[ce:nxt.start]) and allowed(nxt):
        return nxt, None    # (but "concerned by the arrest of X": X is what concerns)
    # a pronoun right before the cue: '"...," he said'
    prev, _pstart = _prev_word(text, cs, ss)
    if prev in _NO_ACT:   # "will deny", "did not deny", "to condemn": not an act of the source
        return None
    if (w.endswith("ed") and w not in _FEELING_CUES or w == "told") and (_PASSIVE_GAP.search(text[max(ss, cs - 30):cs])
                                              or text.startswith(" of", ce)):
        return None   # "was accused", "Assad accused of", "X was told": the subject is not the source
    if prev in _PRONOUNS and quoted is None:
        return None, prev
    back = _subject_before(text, w, cs, ss, cands, allowed)
    if back is not None and back.kind != "ner":
        return back, None
    fwd = _inverted(text, w, ce, se, cands, allowed, quoted)
    # a name right before the cue is its subject unless the one after it ends the clause
    # ("Montaser said a chief officer at a police station called his friend": Montaser)
    end = _INVERT_END if back is None or text[back.end:cs].strip() else _CLAUSE_END
    if fwd is not None and (fwd[0] is None or back is None and (w not in _ADDRESSING or end.match(text, fwd[0].end))
                            or fwd[0].kind != "ner" and end.match(text, fwd[0].end)):
        return fwd
    # a cue right after a comma, its speaker after it ending the sentence, is inverted
    # whatever name came before ("... in El Estor, Izabal, on 6 June, said the Committee of
    # Peasant Unity (CUC)."; not "Ahmed, a spokesman, said the army had shelled the town")
    if fwd is not None and back is not None and back.kind == "ner" and text[ss:cs].rstrip().endswith(",") \
            and _CLAUSE_END.match(text, _ACRONYM_AFTER.match(text, fwd[0].end).end()):
        return fwd
    return (back, None) if back is not None else None



#: a speaker's verb and a comma between it and a participle cue: "X said, adding that"
_SAID_THEN = re.compile(r"\s+(?:(?:has|had)\s+)?(?:said|says|told\s+\w+|reported|stated|wrote)\s*,\s*")


def _subject_before(text: str, w: str, cs: int, ss: int, cands: list[_Cand], allowed) -> _Cand | None:
    """The candidate right before the cue that can be its subject."""
    # candidates are in text order and do not overlap: their ends are in order too
    last = bisect.bisect_right(cands, cs, key=lambda c: c.end) - 1
    for i in range(last, -1, -1):
        c = cands[i]
        if c.start < ss or cs - c.end > 160:
            break
        if not allowed(c):
            continue
        if w.endswith("ing") and _SAID_THEN.fullmatch(text, c.end, cs):
            return c    # "the Observatory said, adding that": the speaker goes on
        # "the Pastoral Land Commission (CPT) said": the name before its acronym speaks
        acronym = i > 0 and _named_before(text, cands[i - 1], c)
        if not _gap_ok(text[c.end + acronym:cs]):
            continue
        if acronym:
            c = cands[i - 1]
        elif c.kind in ("ner", "generic"):
            # "Amnesty International UK": a registered source right before wins, and so it
            # does before a generic word of its office ("the SDF media center said")
            if i > 0 and cands[i - 1].kind == "named" and not text[cands[i - 1].end:c.start].strip():
                c = cands[i - 1]
        pw, pstart = _prev_word(text, c.start, ss)
        if pw in _PREPS and not (pw == "with" and w.endswith("ing") and not text[c.end:cs].strip()):
            # (but "with its ministry denouncing": the ministry denounces)
            if pw == "of" or (pw == "for" and not text[c.end:cs].strip()):
                # "a spokesman for the SDF said": the SDF says it (not "a spokesman for IS who
                # reported to the group's leader")
                pw2, _ = _prev_word(text, pstart, ss)
                if pw2 not in _ROLE_NOUNS:
                    continue
            else:
                continue
        return c
    return None


#: what ends an inverted speaker ("..., said the Observatory.", "said police on Monday"),
#: unlike the subject of what a speaker before the cue said ("the Doctors Committee said
#: police killed seven"): the speaker is the one before
_INVERT_END = re.compile(r"\s*(?:[,.;:!?\"”’)]|$|(?:on|in|at|late|early|earlier|yesterday|today|told|who|"
                         r"which|citing|quoting|according|spokes\w*)\b)")


#: ... and what ends it for sure, not a place or a time that may begin the clause it says
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?\"”’)]|$|(?:told|who|which|citing|quoting|according)\b)")


def _inverted(text: str, w: str, ce: int, se: int, cands: list[_Cand], allowed, quoted):
    """'..., added the Observatory', 'said he': (candidate, pronoun) after the cue."""
    if w not in _INVERTIBLE or quoted is not None:
        return None
    m = _PRONOUN_AFTER.match(text, ce, se)
    if m:
        return None, m.group(1)
    c = _first_from(cands, ce)
    if c is not None and c.start < se and _INVERT_GAP.match(text[ce:c.start]) and allowed(c):
        return c, None
    return None


def _relayed(ctx: Context, cands: list[_Cand], resolver: _Resolver, cs: int, ss: int, se: int,
             quotes) -> Source | None:
    text = ctx.text
    for m in _RELAY_RE.finditer(text, ss, se):
        pos = m.end()
        c = _first_from(cands, pos)
        if c is not None and c.start < se and _ACCORDING_GAP.match(text[pos:c.start]):
            src = resolver.resolve(c)
            if src is not None:
                return src
    return None


_RECIPIENT = re.compile(r"\s+(?:[A-Z][\w’'-]*\s+){1,3}")
_BY_AGENT = re.compile(r"\s+by\s+[^,.;:\"“”]{1,60}?(?=\s(?:of|for)\s+[a-z])")


#: the speaker's words named as a charge after what was charged: "soldiers opened fire on
#: the crowd, a charge the army denied" (what is denied is the clause before the comma)
_CHARGE_BEFORE = re.compile(
    r",\s*(?:a|an|the)\s+(?:charge|claim|accusation|allegation|report|account|version)s?\s+"
    r"(?:which\s+|that\s+)?(?:[\w'’-]+\s+){1,5}(?:(?:has|have|had|also|strongly|flatly)\s+)*$", re.IGNORECASE)


#: a speaker and a verb of saying opening the clause a charge names ("Witnesses said ...")
_SAID_LEAD = re.compile(r"[^,.;:]{0,80}?\b(?:said|say|says|reported|claimed|alleged|accused)\s+(?:that\s+)?")


def _about(text: str, f: _Found, stance: str, limit: int, quotes, start: int = 0) -> str:
    if stance not in STATEMENT_STANCES:
        return ""
    if stance == "denies" and f.stance != "denies":
        m = _DENIAL_PHRASE.search(text, f.cue_end, limit)
        if m:
            return _clip(text[m.start():limit])
    begin = f.cue_end
    if f.cue.lower() == "told":      # "told Ynet that ...": skip the recipient
        m = _RECIPIENT.match(text, begin)
        if m:
            begin = m.end()
    else:                            # "accused by Washington of using starvation": skip the agent
        m = _BY_AGENT.match(text, begin)
        if m:
            begin = m.end()
    about = _clip(text[begin:limit])
    if not about.strip(" .,;:!?\"“”"):
        # '"..." the authorities pledged': what was pledged is the quotation before the cue
        q = [(s, e) for s, e in quotes if e <= f.cue_start]
        about = _clip(text[q[-1][0] + 1:q[-1][1]]) if q else ""
        charge = _CHARGE_BEFORE.search(text, start, f.cue_start) if not q else None
        if charge is not None:
            said = _SAID_LEAD.match(text, start, charge.start())
            about = _clip(text[said.end() if said else start:charge.start()])
    return about


def _clip(rest: str) -> str:
    rest = rest[_ABOUT_LEAD.match(rest).end():]
    m = _ABOUT_END.search(rest)
    if m and m.start() > 0:
        rest = rest[:m.start()]
    rest = _QUOTE_CHARS.sub("", rest)
    words = rest.split()[:14]
    return " ".join(words)


def _statements(text: str, attributions: list[Attribution], abouts: list[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    last_sentence: list[int] = []
    for a, about in zip(attributions, abouts):
        prev = None
        for st, ls in zip(out, last_sentence):
            if st["source"]["name"] == a.source.name and 0 <= a.sentence - ls <= 2 and (
                    st["stance"] == a.stance or a.stance in ("asserts", "alleges")):
                prev = st
        if prev is not None:
            idx = out.index(prev)
            prev["start"] = min(prev["start"], a.start)
            prev["end"] = max(prev["end"], a.end)
            prev["text"] = text[prev["start"]:prev["end"]]
            last_sentence[idx] = a.sentence
            continue
        if a.stance not in STATEMENT_STANCES:
            continue
        out.append({"source": {"name": a.source.name, "type": a.source.type}, "stance": a.stance,
                    "about": about or None, "start": a.start, "end": a.end, "text": text[a.start:a.end]})
        last_sentence.append(a.sentence)
    return out


#: the source type of a speaker the registry does not know, from its actor category
_TYPE_BY_CATEGORY = {"rebel_group": "armed_group", "jihadist_group": "armed_group", "militia": "armed_group",
                     "state_forces": "government", "foreign_forces": "government"}


def _type_by_actor(ctx: Context, attributions: list[Attribution], statements: list[dict[str, Any]]) -> None:
    """A speaker the source registry does not type that the actor dictionary knows is an
    armed group or a state's forces ("the Houthis vowed", "the army said"): typed so; and
    a name typed in one mention is typed so in the others."""
    typed: dict[str, str] = {}
    for a in attributions:
        if a.source.type != "unknown" or a.source_start < 0:
            continue
        for m in ctx.actors:
            if m.start < a.source_end and a.source_start < m.end and m.category in _TYPE_BY_CATEGORY:
                a.source = Source(a.source.name, _TYPE_BY_CATEGORY[m.category])
                typed[a.source.name] = a.source.type
                break
    # one name, one type: "Philippine rights group Karapatan said ... Karapatan said" (the
    # words that typed its first mention type the others)
    known: dict[str, set[str]] = {}
    for a in attributions:
        if a.source.type != "unknown":
            known.setdefault(a.source.name, set()).add(a.source.type)
    for a in attributions:
        kinds = known.get(a.source.name)
        if a.source.type == "unknown" and kinds is not None and len(kinds) == 1:
            a.source = Source(a.source.name, next(iter(kinds)))
            typed[a.source.name] = a.source.type
    for st in statements:
        src = st.get("source") or {}
        if src.get("type") == "unknown" and src.get("name") in typed:
            src["type"] = typed[src["name"]]


@component("attribution", reads=("text", "sentences", "masked", "entities", "places", "actors"),
           assigns=("attributions", "statements"))
def attribution_stage(ctx: Context) -> None:
    """Who claims what: sources (registry-typed, else by the actor dictionary), stances and
    document-level statements."""
    attributions, statements = find_attributions(ctx, ctx.resources.sources)
    _type_by_actor(ctx, attributions, statements)
    ctx.attributions = attributions
    ctx.statements = statements
