"""Stage ``actors``: who takes part, normalised from a shipped, user-extensible dictionary.

The dictionary is TOML data (``marsad/data/actors.toml``, documented at its top),
merged with the user's file named by the ``actors_file`` setting. Aliases are compiled
into a token trie (:class:`PhraseIndex`), so matching an article costs one pass over
its word tokens; the longest match wins and masked furniture is skipped.

Each :class:`~marsad.extract.base.ActorMention` gets a ``role_hint`` from cheap local
syntax: the agent of a violence verb ("X shelled", "by X", "X warplanes") is a
``perpetrator``, its patient ("killed 12 civilians", "attack on X", "X were killed")
a ``target``, and the parties of "clashes between X and Y" / "X clashed with Y" are
``side``.

:class:`PhraseIndex` and :func:`tokenize` are shared with the attribution stage.
"""

from __future__ import annotations

import collections
import re
import tomllib
from dataclasses import dataclass, field, replace
from itertools import product
from pathlib import Path
from typing import Any, Iterable

from ..errors import ConfigError
from .base import (BRACKETED_ACRONYM, CLAIMED_ACT, LEADING_ARTICLE, NO_LONGER_ARMED, ActorMention, Context, Within,
                   component, in_body_name)

CATEGORIES = ("state_forces", "foreign_forces", "rebel_group", "jihadist_group", "militia",
              "protesters", "rioters", "civilians", "unknown")
#: a state's forces, at home or abroad
STATE_CATEGORIES = frozenset({"state_forces", "foreign_forces"})
NON_STATE_CATEGORIES = frozenset({"rebel_group", "jihadist_group", "militia"})
#: those who bear arms
ARMED_CATEGORIES = STATE_CATEGORIES | NON_STATE_CATEGORIES
MAX_EXPANSIONS = 512

# -- tokens and the phrase trie ------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_APOS = str.maketrans("", "", "'’")


def tokenize(text: str) -> tuple[list[str], list[int], list[int]]:
    """Word tokens of ``text``: (normalised forms, start offsets, end offsets).

    The normal form is lower case without apostrophes, so "Syria's" and "Syrias" (as
    texts with apostrophes stripped upstream write it) are the same token; hyphens and
    other punctuation separate tokens.
    """
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lowered
        ms = list(_TOKEN.finditer(text))
        norms = [m.group().lower() for m in ms]
    else:
        ms = list(_TOKEN.finditer(low))
        norms = [m.group() for m in ms]
    if "'" in text or "’" in text:
        norms = [t.translate(_APOS) for t in norms]
    return norms, [m.start() for m in ms], [m.end() for m in ms]


def context_tokens(ctx: Context) -> tuple[list[str], list[int], list[int]]:
    """:func:`tokenize` of ``ctx.text``, computed once per document and shared by stages."""
    return ctx.derived("tokens", lambda: tokenize(ctx.text))


def index_matches(ctx: Context, index: "PhraseIndex", key: str) -> list[tuple[int, int, Any]]:
    """``index.find`` over ``ctx.text``, found once per document under ``key`` and shared
    by the stages that read the same index (places and attribution, the source registry)."""
    return ctx.derived(key, lambda: index.find(ctx.text, context_tokens(ctx)))


_END = ""  # trie key that marks the end of a phrase (never a token)
#: punctuation between two words that no phrase spans: a comma, a colon, a line break, or
#: a quotation opening before the second ("The \"Army of Conquest\""; but "Islamic State
#: (IS) group militants", "\"terrorist\" positions" go on)
_BREAK = re.compile(r"[,;:!?\n]|[\"“]$")


class PhraseIndex:
    """A token trie of phrases, each carrying a value; leftmost-longest matching."""

    def __init__(self) -> None:
        self.root: dict[str, Any] = {}
        self.size = 0

    def add(self, phrase: str, value: Any, *, cased: bool = False) -> bool:
        norms, starts, ends = tokenize(phrase)
        if not norms:
            return False
        node = self.root
        for t in norms:
            node = node.setdefault(t, {})
        exact = tuple(phrase[s:e].translate(_APOS) for s, e in zip(starts, ends)) if cased else None
        node.setdefault(_END, []).append((exact, value))
        self.size += 1
        return True

    def add_aliases(self, value: Any, aliases: Iterable[str], cased: Iterable[str], where: str) -> None:
        """Add every expansion of ``aliases`` (matched in any case) and of ``cased``
        (matched only as written) for ``value``; see :func:`expand_alias`."""
        for a in aliases:
            for phrase in expand_alias(a, where):
                self.add(phrase, value)
        for a in cased:
            for phrase in expand_alias(a, where):
                self.add(phrase, value, cased=True)

    def find(self, text: str, tokens: tuple[list[str], list[int], list[int]] | None = None
             ) -> list[tuple[int, int, Any]]:
        """Non-overlapping matches ``(start, end, value)``: leftmost, then longest.

        A word of the text ending in "s" also matches the phrase word without it
        (plurals, possessives written without apostrophe). No phrase spans a comma, a
        colon or a line break between its words, nor goes on into a quotation. Where
        several values share a phrase, the one added last wins.
        """
        norms, starts, ends = tokens if tokens is not None else tokenize(text)
        root = self.root
        out: list[tuple[int, int, Any]] = []
        n = len(norms)
        i = 0
        while i < n:
            t = norms[i]
            node = root.get(t)
            if node is None and len(t) > 3 and t[-1] == "s":
                node = root.get(t[:-1])
            if node is None:
                i += 1
                continue
            best: tuple[int, Any] | None = None
            # every path the words allow: a word ending in "s" may follow its own branch
            # and its stem's ("Islamic State's invasion": a phrase on "states" must not hide
            # "islamic state")
            stack = [(node, i + 1)]
            while stack:
                node, j = stack.pop()
                hits = node.get(_END)
                if hits and (best is None or j > best[0]):
                    v = _pick(hits, text, starts, ends, i, j)
                    if v is not None:
                        best = (j, v)
                if j >= n or _BREAK.search(text, ends[j - 1], starts[j]):
                    continue    # no phrase across a comma ("Kaduna state, police")
                t = norms[j]
                nxt = node.get(t)
                # (the word's own form is tried first: of two phrases as long, "the reports"
                # wins over "the report" for the words "the reports")
                if len(t) > 3 and t[-1] == "s" and (stem := node.get(t[:-1])) is not None:
                    stack.append((stem, j + 1))
                if nxt is not None:
                    stack.append((nxt, j + 1))
            if best is None:
                i += 1
                continue
            out.append((starts[i], ends[best[0] - 1], best[1]))
            i = best[0]
        return out


def _pick(hits: list, text: str, starts: list[int], ends: list[int], i: int, j: int) -> Any:
    value = None
    for exact, v in hits:
        if exact is not None:
            got = tuple(text[starts[k]:ends[k]].translate(_APOS) for k in range(i, j))
            if got != exact:
                continue
        value = v
    return value


# -- alias syntax --------------------------------------------------------------------

_GROUP = re.compile(r"\(([^()\[\]]*)\)|\[([^()\[\]]*)\]")


def expand_alias(alias: str, where: str = "") -> list[str]:
    """Expand ``(a|b)`` (one of) and ``[a|b]`` (optional) into plain phrases."""
    parts: list[list[str]] = []
    pos = 0
    for m in _GROUP.finditer(alias):
        parts.append([alias[pos:m.start()]])
        if m.group(1) is not None:
            parts.append(m.group(1).split("|"))
        else:
            parts.append([""] + m.group(2).split("|"))
        pos = m.end()
    parts.append([alias[pos:]])
    rest = alias[pos:]
    if any(c in rest for c in "()[]") or any(c in p for ps in parts for p in ps for c in "()[]"):
        raise ConfigError(f"{where}alias {alias!r} has unbalanced or nested brackets "
                          f"(use (a|b) for one of, [a|b] for optional, not nested)", code="M105")
    count = 1
    for p in parts:
        count *= len(p)
    if count > MAX_EXPANSIONS:
        raise ConfigError(f"{where}alias {alias!r} expands to {count} phrases, over "
                          f"{MAX_EXPANSIONS}: split it", code="M105")
    out = []
    for combo in product(*parts):
        phrase = " ".join("".join(combo).split())
        if phrase:
            out.append(phrase)
    return out


# -- the dictionary ------------------------------------------------------------------


@dataclass
class ActorEntry:
    name: str
    category: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    cased: list[str] = field(default_factory=list)
    national: str | None = None
    localize: str | None = None
    local_only: bool = False
    #: the aliases name an actor only right after a nationality ("Indian forces"; "forces"
    #: alone names no one)
    after_nationality: bool = False
    #: more countries where the generic words of the ``national`` kind mean this entry
    #: ("the coalition" in Yemen is the Saudi-led coalition)
    national_in: list[str] = field(default_factory=list)


@dataclass
class ActorDictionary:
    entries: list[ActorEntry]
    index: PhraseIndex
    national: dict[tuple[str, str], ActorEntry]   # (country, "military"|"police"|"rebels") -> entry
    #: entries made on first use for countries the dictionary has no ``national`` entry of
    synthesized: dict[tuple[str, str], ActorEntry] = field(default_factory=dict)

    def find(self, text: str, tokens=None) -> list[tuple[int, int, ActorEntry]]:
        return self.index.find(text, tokens)

    def generic(self, kind: str) -> ActorEntry | None:
        """The first generic entry localized as ``kind`` ("military": "Military forces")."""
        return next((e for e in self.entries if e.localize == kind and not e.after_nationality), None)

    def localized(self, entry: ActorEntry, country: str | None, named: bool = False) -> ActorEntry:
        """The national entry standing for a generic one in ``country``: the dictionary's
        own (``national``), else ACLED's name for a country's forces ("Military Forces of
        Nigeria", "Police Forces of Nigeria"; not for a ``local_only`` entry), else
        ``entry`` itself. ``named``: the text names the country ("Palestinian security
        forces"), so that no country is left generic."""
        if not entry.localize or not country:
            return entry
        key = (country.upper(), entry.localize)
        found = self.national.get(key)
        if found is not None or entry.local_only:
            return found or entry
        if named and entry.localize in _NAMED_AS:
            # "Russian peacekeepers": a state's own soldiers, not a mission's
            kind = self.generic(_NAMED_AS[entry.localize])
            return self.localized(kind, country, named=True) if kind is not None else entry
        found = self.synthesized.get(key)
        if found is None and entry.localize in NATIONAL_NAMES and (named or key[0] not in NO_NATIONAL_FORCES):
            name = country_display_name(key[0])
            if name is None:
                return entry
            found = ActorEntry(name=NATIONAL_NAMES[entry.localize].format(name), category=entry.category,
                               country=key[0], national=entry.localize)
            self.synthesized[key] = found
        return found or entry


#: ACLED's names for a country's own forces, used when the dictionary names none
NATIONAL_NAMES = {"military": "Military Forces of {}", "police": "Police Forces of {}"}
#: generic kinds that, told with a state's nationality and of no entry of theirs there,
#: are that state's forces of another kind ("Russian peacekeepers" are Russia's military)
_NAMED_AS = {"peacekeepers": "military"}
#: countries where reports' "the army", "security forces" are more often another state's
#: (Palestine: the Israeli army): the generic words keep their generic name there
NO_NATIONAL_FORCES = frozenset({"PS"})
#: countries ACLED's force names give with the article ("Military Forces of the United States")
_WITH_THE = frozenset({"US", "GB"})


def country_display_name(code: str) -> str | None:
    """A country's short English name as a force's name takes it ("Iran", "the United
    States"); :func:`marsad.geo.countries.country_display_name` without the article."""
    from ..geo.countries import country_display_name as short

    name = short(code)
    return f"the {name}" if name and code.upper() in _WITH_THE else name


def _shipped(name: str) -> Path:
    return Path(__file__).resolve().parent.parent / "data" / name


def read_toml_file(path: str | Path, what: str) -> dict[str, Any]:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{what} file {p} does not exist", code="M103") from None
    except OSError as exc:
        raise ConfigError(f"{what} file {p} cannot be read: {exc}", code="M103") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{what} file {p} is not valid TOML: {exc}", code="M104") from None


def _str_list(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}{key!r} must be a list of strings", code="M105")
    return list(value)


_ACTOR_KEYS = {"name", "category", "country", "aliases", "cased", "national", "national_in", "localize",
               "local_only", "after_nationality", "replace"}


def parse_actor_entries(data: dict[str, Any], origin: str) -> list[tuple[ActorEntry, bool]]:
    """Validate ``[[actor]]`` tables; returns (entry, replace) pairs."""
    unknown = set(data) - {"actor"}
    if unknown:
        raise ConfigError(f"{origin}: unknown top-level key(s) {sorted(unknown)}; "
                          f"actors are [[actor]] tables", code="M105")
    items = data.get("actor", [])
    if not isinstance(items, list):
        raise ConfigError(f"{origin}: 'actor' must be an array of tables ([[actor]])", code="M105")
    out = []
    for n, item in enumerate(items, 1):
        where = f"{origin}: actor #{n}: "
        if not isinstance(item, dict):
            raise ConfigError(f"{where}must be a table", code="M105")
        extra = set(item) - _ACTOR_KEYS
        if extra:
            raise ConfigError(f"{where}unknown key(s) {sorted(extra)} (allowed: "
                              f"{', '.join(sorted(_ACTOR_KEYS))})", code="M105")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{where}needs a non-empty 'name'", code="M105")
        where = f"{origin}: actor {name!r}: "
        cat = item.get("category")
        if cat is not None and cat not in CATEGORIES:
            raise ConfigError(f"{where}category {cat!r} is not one of {', '.join(CATEGORIES)}",
                              code="M105")
        country = item.get("country")
        if country is not None and not (isinstance(country, str) and len(country) == 2):
            raise ConfigError(f"{where}country must be an ISO 3166-1 alpha-2 code", code="M105")
        for key in ("national", "localize"):
            v = item.get(key)
            if v is not None and not isinstance(v, str):
                raise ConfigError(f"{where}{key!r} must be a string", code="M105")
        local_only = item.get("local_only", False)
        if not isinstance(local_only, bool) or (local_only and not item.get("localize")):
            raise ConfigError(f"{where}'local_only' must be true or false, and needs 'localize'", code="M105")
        after_nationality = item.get("after_nationality", False)
        if not isinstance(after_nationality, bool) or (after_nationality and not item.get("localize")):
            raise ConfigError(f"{where}'after_nationality' must be true or false, and needs 'localize'",
                              code="M105")
        aliases = _str_list(item.get("aliases"), where, "aliases")
        cased = _str_list(item.get("cased"), where, "cased")
        national_in = _str_list(item.get("national_in"), where, "national_in")
        if national_in and not item.get("national") or any(len(c) != 2 or not c.isalpha() for c in national_in):
            raise ConfigError(f"{where}'national_in' must list ISO 3166-1 alpha-2 codes, and needs 'national'",
                              code="M105")
        for a in aliases:
            expand_alias(a, where)  # validates syntax early
        entry = ActorEntry(name=name.strip(), category=cat or "", country=country.upper() if country else None,
                           aliases=aliases, cased=cased, national=item.get("national"),
                           localize=item.get("localize"), local_only=local_only,
                           after_nationality=after_nationality, national_in=[c.upper() for c in national_in])
        out.append((entry, bool(item.get("replace", False))))
    return out


def merge_entries(base: list[Any], extra: Iterable[tuple[Any, bool]], what: str, origin: str,
                  fields: tuple[str, ...]) -> list[Any]:
    """Merge user entries over shipped ones by name (case-insensitive)."""
    by_name = {e.name.lower(): e for e in base}
    out = list(base)
    for entry, replace in extra:
        old = by_name.get(entry.name.lower())
        if old is None or replace:
            for f in fields:
                if not getattr(entry, f):
                    raise ConfigError(f"{origin}: {what} {entry.name!r}: needs {f!r}", code="M105")
            if old is not None:
                out[out.index(old)] = entry
            else:
                out.append(entry)
            by_name[entry.name.lower()] = entry
            continue
        for key, value in vars(entry).items():
            if key in ("name",) or not value:
                continue
            if isinstance(value, list):
                getattr(old, key).extend(value)
            else:
                setattr(old, key, value)
    return out


def build_actor_dictionary(entries: list[ActorEntry]) -> ActorDictionary:
    index = PhraseIndex()
    national: dict[tuple[str, str], ActorEntry] = {}
    for e in entries:
        where = f"actor {e.name!r}: "
        if e.name:
            index.add(e.name, e)
        index.add_aliases(e, e.aliases, e.cased, where)
        if e.national:
            for country in ([e.country] if e.country else []) + e.national_in:
                national[(country, e.national)] = e
    return ActorDictionary(entries, index, national)


def load_actor_dictionary(settings: Any = None) -> ActorDictionary:
    """The shipped actor dictionary merged with ``settings.actors_file`` (if set)."""
    shipped = _shipped("actors.toml")
    entries = [e for e, _ in parse_actor_entries(read_toml_file(shipped, "actor dictionary"), str(shipped))]
    user = getattr(settings, "actors_file", None) if settings is not None else None
    if user:
        extra = parse_actor_entries(read_toml_file(user, "actor dictionary (setting actors_file)"), str(user))
        entries = merge_entries(entries, extra, "actor", str(user), ("category",))
    return build_actor_dictionary(entries)


# -- roles ---------------------------------------------------------------------------

_VIOLENT = (r"kill(?:ed|s|ing)?|shell(?:ed|s|ing)?|attack(?:ed|s|ing)?|bomb(?:ed|s|ing)?|bombard(?:ed|s|ing)?|"
            r"target(?:ed|s|ing)?|str(?:uck|ike|ikes|iking)|hit(?:s|ting)?|sho(?:t|ot|ots|oting)|fir(?:ed|es|ing)|"
            r"raid(?:ed|s|ing)?|storm(?:ed|s|ing)?|execut(?:e|ed|es|ing)|massacr(?:e|ed|es|ing)|slaughter(?:ed|s|ing)?|"
            r"kidnap(?:ped|s|ping)?|abduct(?:ed|s|ing)?|arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|seiz(?:e|ed|es|ing)|"
            r"captur(?:e|ed|es|ing)|launch(?:ed|es|ing)?|carri(?:ed)? out|carry(?:ing)? out|open(?:ed)? fire|"
            r"ambush(?:ed|es|ing)?|besieg(?:ed|es|ing)|dropp(?:ed|ing)|drops?|pound(?:ed|s|ing)?|destroy(?:ed|s|ing)?|"
            r"burn(?:ed|t|s|ing)?|torch(?:ed|es|ing)?|loot(?:ed|s|ing)?|tortur(?:e|ed|es|ing)|assassinat(?:e|ed|es|ing)|"
            r"wound(?:ed|s|ing)?|injur(?:ed|es|ing)|beat(?:en|s|ing)?|murder(?:ed|s|ing)?|rap(?:ed|es|ing)|"
            r"overr(?:an|un|uns)|advanc(?:ed|es|ing)|took control|took over|recaptur(?:e|ed|es|ing)|"
            r"took|tak(?:e|es|ing) control|shot dead|gunned down|blew up|set fire|"
            r"assault(?:ed|s|ing)?|target|hit|intercept(?:ed|s)?|repel(?:led|s)?|crack(?:ed)? down|disperse(?:d|s)?|br(?:oke|eak|eaks|eaking) up|"
            r"tear[- ]?gass(?:ed|ing)|(?<!was )(?<!were )(?<!been )(?<!is )(?<!are )(?:used|deployed)|us(?:e|es|ing)|"
            r"eliminat(?:e|ed|es|ing)|detonat(?:e|ed|es|ing)|thr(?:ew|ow|ows|owing)|hurl(?:ed|s|ing)?|lobb(?:ed|ing)|"
            r"plant(?:ed|s|ing)|"
            # "resumed air strikes", "stepped up their shelling"
            r"(?:resum|intensifi|escalat|renew|continu|pursu)(?:ed|es|ing|e)?\s+(?:(?:their|its|the)\s+)?(?:air\s*strikes?|airstrikes|"
            r"shelling|bombardment|bombing|attacks?|raids?|offensive|assault)|"
            # "pressed their offensive", "pushed ahead with its assault"
            r"(?:press|push)(?:ed|es|ing)?\s+(?:on\s+with\s+|ahead\s+with\s+)?(?:their|its|the)\s+(?:\w+\s+)?"
            r"(?:offensive|assault|attacks?|campaign|advance)|"
            r"step(?:ped|s|ping)?\s+up\s+(?:(?:their|its|the)\s+)?(?:air\s*strikes?|airstrikes|shelling|bombardment|"
            r"bombing|attacks?|raids?|offensive|assault)|"
            r"bl(?:ew|ow|ows|owing) (?:himself|herself|themselves|itself) up|infiltrat(?:e|ed|es|ing)|"
            # claims and attributions of responsibility
            r"claim(?:ed|s|ing)?\s+(?:" + CLAIMED_ACT + r")|"
            r"(?:(?:is|are|was|were) )?(?:widely )?(?:believed|thought|suspected|said) to (?:be|have been) (?:behind|responsible)|"
            r"(?:is|are|was|were) (?:behind|responsible)|bears? (?:the )?(?:primary |full |sole )?responsibility|responsible for")
_AUX = (r"(?:(?:have|has|had|was|were|is|are|been|also|reportedly|allegedly|then|later|again|"
        r"repeatedly|apparently|previously|recently|already|subsequently|first|on \w+day|overnight|"
        r"yesterday|today|last \w+|early \w+|late \w+)\s+)*")
#: "terrorists positioned in the southern neighbourhoods of Daraa city", "militants in Idlib"
_PLACE_GAP = (r"(?:(?:(?:positioned|entrenched|stationed|based|deployed|holed\s+up)\s+)?"
              r"(?:in|at|near|on|around|outside|inside|from)\s+(?:the\s+)?"
              r"(?:(?:(?:north|south|east|west)\w*\s+)?"
              r"(?:village|town|city|area|neighbou?rhoods?|districts?|outskirts|suburbs?|countryside)\s+of\s+)?"
              r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}"
              r"(?:\s+(?:village|town|city|area|neighbou?rhood|district|countryside))?\s+)?")
_APPOS = r"(?:\s*,[^,.;\"“”]{1,80},)?(?:\s*\([^()]{1,60}\))?"
#: before a name told as an apposition of a noun phrase opening its clause: "Islamic
#: State's Afghanistan affiliate, ISIS-K, claimed" (not a list: "Hamas, Hezbollah, ...")
_APPOSED_BEFORE = re.compile(r"(?:^|[.;:]\s+|^\s*)(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}"
                             r"(?:affiliate|branch|wing|offshoot|arm|group|militia|faction|movement|organi[sz]ation)"
                             # ... where it is, and what it is called: "the Islamic State group's
                             # affiliate in Afghanistan, known as IS-K, claimed"
                             r"(?:\s+(?:in|of|for)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?,\s*"
                             r"(?:(?:known|referred\s+to)\s+as\s+|called\s+|dubbed\s+)?$",
                             re.IGNORECASE)
#: nouns heading an actor's phrase after its name ("IS group militants", "the army's units")
_HEAD = (r"(?:(?:group|organi[sz]ation|units?|fighters|forces|troops|members|militants|jihadists|gunmen|"
         r"soldiers|elements|terrorists|loyalists|militiamen|personnel|officers|commanders?|leaders?|"
         r"field commanders|men|cells?|brigades?|battalions?|rebels|insurgents|factions?|splinter\s+groups?|"
         r"offshoots?|wings?|affiliates?|branch(?:es)?)\s+)?")

#: one member of a force, maybe named: "a Turkish soldier", "US Navy diver Robert Stethem, 23,"
_MEMBER = (r"(?:(?:soldier|officer|commander|pilot|diver|sailor|marine|guard|policeman|serviceman|"
           r"member|fighter|militant|contractor|advis[eo]r|agent)(?:\s+(?-i:[A-Z][\w'’-]+)){0,3}" + _APPOS + r"\s+)")
#: a victim told beside the actor as one subject: "A soldier| and a civilian were killed"
_AND_VICTIM = (r"(?i:and\s+(?:an?|the|one|two|three|four|five|six|\d+)\s+(?:[\w'’-]+\s+){0,2}?"
               r"(?:civilians?|man|men|woman|women|child|children|boys?|girls?|residents?|villagers?|others?|"
               r"people|persons?|journalists?|workers?|farmers?|students?|passers?-by|bystanders?)\s+)?")
_AFTER_PASSIVE = re.compile(  # place names are capitalised ("the base in Monguno was overrun")
    r"^" + _APPOS + r"\s*(?i:" + _MEMBER + "|" + _HEAD + ")" + _AND_VICTIM + _PLACE_GAP +
    # a passive needs its "be" ("were killed", "have been killed"): "has killed" is active
    r"(?i:(?:(?:have|has|had|to|also|all|both|later|then|\w+ly)\s+){0,3}(?:were|was|are|is|being|been|got|be)\s+"
    r"(?:(?:also|all|both|later|then|being|\w+ly)\s+){0,2}"
    r"(?:killed|slain|wounded|injured|slaughtered|massacred|executed|kidnapped|abducted|arrested|detained|"
    r"targeted|attacked|shot|hit|besieged|tortured|murdered|raped|beaten|displaced|evacuated|trapped|"
    r"buried|burned|burnt|shelled|bombed|struck|gunned down|rounded up|taken hostage|held hostage|"
    r"eliminated|neutrali[sz]ed|ambushed|captured|expelled|defeated|repelled|routed|pushed back|driven out|"
    r"overrun|stormed|seized|raided|fired\s+(?:up)?on|shot\s+at|teargassed|tear-gassed|dispersed))\b"
    r"|^\s*(?i:" + _HEAD + r"(?:died|perished|lost their lives|were among the dead))\b")
# "militants killed in clashes": a participle with no object is a reduced passive
_AFTER_REDUCED = re.compile(
    r"^" + _APPOS + r"\s*" + _HEAD + r"(?:killed|wounded|injured|slain|executed|dead|arrested|detained|abducted|"
    r"kidnapped|jailed|imprisoned|tortured|beaten|sentenced)\s*(?:$|[.,;:\"”]|"
    r"(?:in|during|by|as|when|after|while|near|on|since|amid|following|overnight|last|yesterday|today|"
    r"including|among)\b)", re.IGNORECASE)
#: the actor's aircraft, vehicle or post is what was hit: "a Russian military helicopter was
#: shot down", "an army convoy was ambushed", "Russian military helicopter downed in Syria"
#: (a passive needs its "be", else "Syrian warplanes hit a market" would be the same)
_AFTER_HIT_INSTRUMENT = re.compile(
    r"^" + _APPOS + r"[\s-]*(?:(?:military|transport|attack|fighter|army|police|cargo|reconnaissance)\s+){0,2}"
    r"(?:war ?planes?|(?:fighter )?jets?|aircraft|planes?|helicopters?|gunships?|drones?|tanks?|convoys?|"
    r"vehicles?|patrols?|checkpoints?|air ?bases?|bases?|outposts?|headquarters|barracks)\s+"
    r"(?:(?:was|were|is|are|being|has been|have been|had been)\s+(?:\w+ly\s+)?(?:shot down|downed|destroyed|hit|"
    r"struck|targeted|attacked|ambushed|bombed|shelled|overrun|blown up)|(?:shot down|downed)\s+"
    r"(?:in|over|near|by|outside|on|after)\b)", re.IGNORECASE)
#: the allies named with the actor that acts: "Turkish forces and their Syrian rebel allies shelled",
#: state media's "the Turkish occupation forces and their mercenaries bombarded"
_WITH_ALLIES = (r"(?:\s+(?i:and\s+(?:its|their)\s+(?:[\w-]+\s+){0,3}?"
                r"(?:allies|proxies|partners|mercenaries|militias|agents)))?")
_AFTER_ACTIVE = re.compile(  # place names are capitalised: only the gap is case-sensitive
    r"^" + _APPOS + _WITH_ALLIES + r"\s+(?i:" + _MEMBER + "|" + _HEAD + r")" + _PLACE_GAP +
    r"(?i:" + _AUX + r"(?:" + _VIOLENT + r"))\b")
_AFTER_INSTRUMENT = re.compile(
    r"^" + _APPOS + r"[\s-]*(?:(?:war ?planes?|(?:fighter )?jets?|aircraft|planes?|helicopters?|gunships?|"
    r"air ?strikes?|strikes|(?:air )?raids?|shelling|artillery|rockets?|missiles?|mortars?|bombardment|bombing|"
    r"snipers?|drones?|gunfire|fire|tanks?|barrel bombs?|attacks?|offensive|assault|operations?|bombs?|"
    r"car bombs?|truck bombs?|suicide (?:bombers?|bombings?|attacks?|blasts?|car bombs?|attackers?)|"
    r"bombers?|explosives?|(?:roadside )?bombs?|ieds?|landmines?|mines?|massacres?|chemical (?:attacks?|weapons)|"
    r"gas attacks?|ambush|executions?|fighters (?:attacked|killed|shelled|stormed))\b)", re.IGNORECASE)
_SELF_INSTRUMENT = re.compile(
    r"\b(?:war ?planes?|jets?|aircraft|planes|helicopters?|gunships|air ?strikes?|strikes?|raids?|shelling|"
    r"artillery|missiles?|bombers|drones?|bombing|rockets?|rocket\s+fire|mortars?|mortar\s+(?:fire|shells|rounds)|"
    r"shells|sniper\s+fire|snipers|gunfire|bombardment)\b", re.IGNORECASE)
_BEFORE_BY = re.compile(
    r"(?:\b(?:at the hands of|blamed on|attributed to|carried out by|launched by|committed by|perpetrated by|"
    r"conducted by|claimed by|fired by|dropped by|planted by)|\b(\w+)\s+by)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_AGENT_BY = re.compile(  # "<word> by X" makes X the perpetrator when <word> is violence
    r"(?:" + _VIOLENT + r")|attacks?|strikes?|airstrikes?|raids?|shelling|bombardments?|fire|bombings?|"
    r"massacres?|assaults?|offensives?|killings?|ambush|operations?|executions?|abductions?|crackdown|"
    r"violence|torture|rockets?|missiles?|bombs?|explosions?|blasts?|gunfire|sniper|shots|incursion|siege|"
    # ... or the end of a violent act's phrase: "shot dead by", "beaten to death by", "burned alive by"
    r"dead|death|alive",
    re.IGNORECASE)
# "accused X of", "blaming X for", "held X responsible" (X's backer may come first: "blaming
# the al Qaeda-linked Katiba Macina group")
_BEFORE_ACCUSED = re.compile(r"\b(?P<cue>accus(?:ed|es|ing)|blam(?:ed|es|ing)|held|holds|holding)\s+(?:the\s+)?"
                             r"(?P<name>(?:(?:(?-i:[A-Z])[\w'’-]*|al|el)\s+){0,4})$", re.IGNORECASE)
_AFTER_ACCUSED = re.compile(r"^" + _APPOS + r"\s+" + _HEAD + r"(?:of|for|responsible)\b", re.IGNORECASE)
#: ... or the one blamed or accused, with nothing more said: "the United Nations said,
#: blaming the Kamuina Nsapu militia."
_AFTER_BLAMED = re.compile(r"^\s*(?:(?:group|militia|movement|faction|organi[sz]ation|rebels|militants|jihadists|"
                           r"insurgents|fighters)\s*)?(?:[.;]|$)")
_BEFORE_TARGET = re.compile(
    r"(?:\b(?:kill(?:ed|s|ing)?|target(?:ed|s|ing)?|attack(?:ed|s|ing)?|shell(?:ed|s|ing)?|bomb(?:ed|s|ing)?|"
    r"str(?:uck|ike|iking)|hit(?:ting)?|sho(?:t|ot|oting)|execut(?:e|ed|es|ing)|kidnap(?:ped|ping|s)?|"
    r"abduct(?:ed|ing|s)?|arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|massacr(?:ed|ing)|slaughter(?:ed|ing)?|"
    r"wound(?:ed|ing)?|injur(?:ed|ing)|tortur(?:ed|ing)|murder(?:ed|ing)?|assassinat(?:ed|ing)|ambush(?:ed|ing)|"
    r"besieg(?:ed|ing)|disperse(?:d)?|beat(?:ing)?|rap(?:ed|ing)|eliminat(?:e|ed|es|ing)|against|"
    r"fired\s+(?:live\s+(?:ammunition|rounds|bullets)\s+)?(?:on|at|upon)|pound(?:ed|s|ing)|"
    r"bombard(?:ed|s|ing)|hammer(?:ed|s|ing)|raid(?:ed|s|ing)|storm(?:ed|s|ing)|overr(?:an|un|unning)|"
    r"(?:attacks?|strikes?|raids?|assault|offensive|shelling|bombardment|bombing|fire|crackdown|violence|"
    r"massacres?|killings?|killing|murders?|executions?|abductions?|kidnappings?)\s+(?:on|of|against|targeting)))"
    r"\s+(?:the\s+|at least\s+|more than\s+|over\s+|about\s+|around\s+|nearly\s+|some\s+|dozens of\s+|"
    r"hundreds of\s+|scores of\s+|several\s+|many\s+|\d(?:[\d,.]*\d)?\s+|"   # (not "wounding 18, a police ...")
    r"(?:members?|fighters?|soldiers?|officers?|commanders?|leaders?|militants?|elements|personnel)\s+of\s+|"
    # what the side holds: "shelled positions of the YPG", "struck a convoy of"
    r"(?:positions?|posts?|bases?|headquarters|checkpoints?|convoys?|strongholds?|hideouts?|camps?|"
    r"vehicles?)\s+(?:held\s+by|belonging\s+to|of)\s+|"
    r"(?!(?:which|that|who|whom|and|but|or|in|at|on|near|of|from|to|as|by|for|with|while|when)\s)\w+\s+){0,3}"
    r"(?:[\w-]+-(?:affiliated|linked|backed|led|allied|aligned|run)\s+)?$",   # "the SDF-affiliated Asayish"
    re.IGNORECASE)
_COUNT_BEFORE = re.compile(   # (not a date: "On 14 February 2019, unidentified men abducted")
    r"(?:\b(?!(?:19|20)\d\d\b)\d(?:[\d,.]*\d)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|dozens|hundreds|scores|thousands|tens|several|many|more|some))\s+"
    r"(?:(?!(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s|(?:19|20)\d\d\b)[\w-]+\s+){0,2}$",
    re.IGNORECASE)
_AFTER_COUNTED = re.compile(r"^\s+" + _HEAD + r"(?:were\s+)?(?:killed|dead|died|injured|wounded|slain|hurt|executed|"
                            r"kidnapped|abducted)\b(?!\s+(?:at least|more than|over|about|around|nearly|some|"
                            r"dozens|hundreds|scores|several|\d))", re.IGNORECASE)
# a headline without punctuation: "10 Civilians killed 40 injured" counts two tolls
_AFTER_HEADLINE_TOLLS = re.compile(
    r"^\s+" + _HEAD + r"(?:killed|dead)\s+(?:\d[\d,]*|dozens|scores|hundreds)\s+(?:others\s+)?"
    r"(?:injured|wounded|hurt)\b", re.IGNORECASE)
_SPEECH = (r"(?:said|says|added|adds|reported|reports|told|stated|announced|claim(?:ed|s)(?!\s+(?:" + CLAIMED_ACT + r"))|"
           r"denied|denies|"
           r"confirmed|accused|accuses|blamed|blames|condemned|vowed|warned|estimated|documented|insisted|"
           r"declared|acknowledged|admitted|noted|argued|urged|called|quoted|cited|stressed|emphasi[sz]ed|"
           r"denounced|demanded|affirmed|reiterated|asserted|explained|pointed out|alleged|"
           r"(?:call|condemn|denounce|stresse|demand|urge|warn|insist|vow|announce|confirm|deplore)s|deplored|"
           r"describe[ds](?!\s+as\b))")   # "men described as 'militia'" are not speaking
_AFTER_SPEECH = re.compile(
    r"^" + _APPOS + r"\s+(?:(?:also|later|earlier|has|have|had|on \w+day|in a statement|strongly|firmly|again|"
    r"repeatedly)\s+)*" + _SPEECH + r"\b",
    re.IGNORECASE)
#: a headline's speaker: "Syrian Coalition: Assad Used Chemical Weapons 136 Times"
_HEADLINE_SPEAKER = re.compile(r"^\s*:\s+\S")
#: what may come before it in its sentence: nothing, or a dateline ("Wednesday 24 August 2016 16:58")
_HEADLINE_START = re.compile(r"[\W\d]{0,20}(?:(?:[A-Z][a-z]+|\d[\d:./-]*)[\s,]+){0,6}(?:the\s+)?")
# "X said (that) it killed ...": the speaker claims the violence
#: what may come between a speech verb and what it tells: "said on Monday that"
_SPEECH_LEAD = r"\s+(?:(?:(?:on )?\w+day|in a statement|that)\s+)*"
_SPEECH_CLAIM = re.compile(  # matched from the end of the speech verb
    _SPEECH_LEAD + r"(?:it|they|its \w+|their \w+)\s+(?:had\s+|have\s+|has\s+)?"
    # ... a taking of ground too ("the army said it had regained control of Salma")
    r"(?:" + _VIOLENT + r"|regain(?:ed|s|ing)?|retook|retak(?:e|en|es|ing)|recaptur(?:e|ed|es|ing)|"
    r"liberat(?:e|ed|es|ing)|(?:took|taken)\s+(?:full\s+)?control|repel(?:led|s|ling)?|repuls(?:e|ed|es|ing))\b",
    re.IGNORECASE)
#: ... or its own losses, which make it a side of the fight it tells: "Hezbollah said two of its
#: fighters were killed in clashes with Nusra Front militants"
_SPEECH_OWN_LOSS = re.compile(
    _SPEECH_LEAD + r"(?:(?:at\s+least\s+)?[\w-]+\s+of\s+)?(?:its|their)\s+(?:own\s+)?"
    r"(?:fighters|members|troops|soldiers|men|personnel|militants|officers|commanders?|combatants|guards)\s+"
    r"(?:had\s+been|have\s+been|were|was)\s+(?:killed|wounded|injured)\b", re.IGNORECASE)
#: an actor that investigates or hunts for the culprits of the act: "police are
#: investigating the killing", "German police treating the case as a murder probe"
_AFTER_INVESTIGATES = re.compile(
    r"^" + _APPOS + r"\s+" + _AUX + r"(?:(?:now|still|currently)\s+)?"
    r"(?:investigat(?:e|es|ed|ing)|probing|treating\s+(?:[\w'’-]+\s+){1,5}?as|"
    r"searching\s+for|hunting\s+for|looking\s+for|appeal(?:ed|ing|s)?\s+for|(?:opened|launched)\s+"
    r"(?:an?\s+)?(?:investigation|probe|inquiry))\b", re.IGNORECASE)
#: those who charge someone with an act: "Police charged two men with the killing of X",
#: "prosecutors indicted four officers over the murder" (not its doers)
_AFTER_CHARGES = re.compile(
    r"^" + _APPOS + r"\s+" + _AUX + r"(?:charged|indicted|prosecuted)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:with|over|for|in\s+connection\s+with)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+)?"
    r"(?:killings?|murders?|assassinations?|deaths?|kidnappings?|abductions?|rapes?|attacks?|shootings?|"
    r"bombings?|torture|lynching)\b", re.IGNORECASE)
#: those a statement asks to look into an act or to free its victims: "called on authorities
#: to investigate", "urged the police to find the killers" (not its doers)
_BEFORE_ASKED = re.compile(r"\b(?:call(?:ed|s|ing)?\s+on|urg(?:ed|es|ing|e)|ask(?:ed|s|ing)?|appeal(?:ed|s|ing)?\s+to|"
                           r"press(?:ed|es|ing)?)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
_ASKED_TO_ACT = re.compile(r"^\s+to\s+(?:(?:swiftly|promptly|quickly|fully|thoroughly|immediately|urgently)\s+)?"
                           r"(?:investigate|find|identify|bring|prosecute|arrest|release|free|protect|ensure|conduct|"
                           r"open|hold|punish|guarantee|clarify|determine|establish|locate|search)\b", re.IGNORECASE)
#: those who find or free the victims, not their captors or killers: "police discovered the
#: workers held against their will", "The police had on Monday in Kano rescued ..." (active
#: only: "the policemen were rescued from the mob" were the victims)
_AFTER_FINDS = re.compile(
    r"^" + _APPOS + r"\s+(?:(?:have|has|had|also|later|then|reportedly|on \w+day|yesterday|today)\s+)*"
    + _PLACE_GAP + r"(?:discover(?:ed|s)|uncover(?:ed|s)|found|rescu(?:ed|es)|freed)\b", re.IGNORECASE)
#: "126 workers rescued by police": the rescuers, not the captors
_BEFORE_RESCUERS = re.compile(r"\b(?:rescued|freed|discovered|found|located)\s+by\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?$",
                              re.IGNORECASE)
_AFTER_SOURCE = re.compile(
    r"^[\s-]*(?:(?:military|security|media|medical|local|informed|field)\s+)?(?:source|sources|officials?|"
    r"spokes(?:man|woman|person)|command|media|statement|correspondent|news agency|television|tv|"
    r"website|channel|ministry|representative|envoy|minister|press office)\b", re.IGNORECASE)
_BEFORE_SOURCE = re.compile(r"\b(?:according to|quoting|cited|citing|told)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,1}$",
                            re.IGNORECASE)
#: the subject of someone's reporting or inquiry, not a party to the act: "threats after
#: reporting on local police corruption", "his investigation into the army's role"
_BEFORE_TOPIC = re.compile(
    r"\b(?:report(?:ing|ed|s)?|writ(?:ing|ten|es)|wrote|investigat(?:ing|ed|ions?)|inquir(?:y|ies|ing)|"
    r"criticis(?:ing|ed|m)|criticiz(?:ing|ed)|critical|expos(?:ing|ed|é)|documenting|documented|covering|"
    r"covered|coverage|articles?|stories|story|posts?|research(?:ing)?)\s+(?:on|about|into)\s+(?:(?:the|local|alleged|"
    r"state|national|federal|municipal|his|her|their)\s+)*$"
    # the parties of ties someone looks into: "research on ties between Pakistan's ISI and"
    r"|\b(?:on|about|into|over|researching|investigating|probing|examining|exposing)\s+(?:the\s+|alleged\s+)?"
    r"(?:ties|links|relations|connections|collusion)\s+"
    r"(?:between|with)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?$"
    # ... and the doers of the wrongs someone's work is on: "documenting abuses by the army",
    # "who exposed corruption committed by police officers"
    r"|\b(?:document(?:ed|ing|s)?|expos(?:e|ed|es|ing)|denounc(?:e|ed|es|ing)|investigat(?:e|ed|es|ing)|"
    r"uncover(?:ed|ing|s)?|criticis(?:e|ed|es|ing)|criticiz(?:e|ed|es|ing)|reporting\s+on|reported\s+on|"
    r"campaign(?:ed|ing|s)?\s+against|(?:speaking|spoke|speaks)\s+out\s+against)\s+(?:the\s+)?"
    r"(?:(?:alleged|widespread|systematic|human\s+rights|rights|extrajudicial)\s+)*(?:abuses|crimes|violations|"
    r"killings|corruption|atrocities|torture|misconduct|brutality|excesses|massacres)\s+"
    r"(?:(?:allegedly\s+)?(?:committed|perpetrated|carried\s+out)\s+)?by\s+(?:the\s+)?$", re.IGNORECASE)
#: ... told as the object of the work itself, before what the actor did: "who had documented
#: police killings in Dandora", "known for exposing army abuses" (:data:`_AFTER_WRONGS`)
_BEFORE_WORK_ON = re.compile(
    # a person's work, told of them: "who had documented", "known for exposing", "for denouncing"
    r"\b(?:who\s+(?:had\s+|has\s+|have\s+)?(?:been\s+)?|known\s+for\s+|for\s+|after\s+)"
    r"(?:document(?:ed|ing|s)?|expos(?:e|ed|es|ing)|investigat(?:e|ed|es|ing)|denounc(?:e|ed|es|ing)|"
    r"criticis(?:e|ed|es|ing)|criticiz(?:e|ed|es|ing)|uncover(?:ed|ing|s)?|"
    r"campaign(?:ed|ing|s)?\s+against)\s+(?:(?:the|alleged|local|state|widespread|systematic)\s+)*$",
    re.IGNORECASE)
_AFTER_WRONGS = re.compile(r"^(?:['’]s)?\s+(?:extrajudicial\s+|extra-judicial\s+|illegal\s+)?(?:killings|abuses|"
                           r"corruption|brutality|violence|crimes|violations|misconduct|torture|atrocities|"
                           r"excesses|impunity|massacres)\b", re.IGNORECASE)
_AFTER_MODIFIER = re.compile(r"^[\s-]*(?:controlled|held|run|led|backed|affiliated|linked|allied|aligned|"
                             r"stronghold|territory|territories|areas?|positions?|lines?)\b", re.IGNORECASE)
#: what may stand between "between" and the first side, and between the two sides
_SIDE_WORDS = r"(?:(?:the|some|rival|armed|masked|pro-\w+|anti-\w+|\d[\d,]*)\s+){0,2}"
_BETWEEN_FIRST = re.compile(r"\s+" + _SIDE_WORDS)
_BETWEEN_AND = re.compile(r"[^.;:,]{0,25}?\s(?:and|&)\s+" + _SIDE_WORDS)
_AND_ALLIED = re.compile(r"\s+and\s+(?:(?:its|their)\s+)?(?:allied|allies|loyalist|pro-government|pro-regime)\b.*",
                         re.IGNORECASE | re.DOTALL)
_CLASH_BETWEEN = re.compile(
    r"\b(?:clash(?:es|ed)?|fighting|fights?|battles?|confrontations?|skirmish(?:es)?|combat|war|hostilities|"
    r"firefights?|gunfights?|exchanges? of fire|fought|clashing|battling)\s+(?:\w+\s+){0,4}?between\b", re.IGNORECASE)
_BEFORE_SIDE = re.compile(
    r"\b(?:clash(?:es|ed)?|clashing|fought|fighting|battl(?:ed|es|ing)|skirmish(?:es|ed)?|confrontations?|"
    r"engaged)\s+(?:\w+\s+){0,2}?(?:with|against)\s+(?:the\s+)?(?:[\w-]+\s+){0,1}$", re.IGNORECASE)
_AFTER_SIDE = re.compile(
    r"^" + _APPOS + r"\s+" + _AUX + r"(?:clash(?:ed|es)?|fought|battled|skirmished|exchanged fire|engaged)\s+"
    r"(?:\w+\s+){0,2}?(?:with|against)\b", re.IGNORECASE)
#: the side that gives way ("X surrendered to Y", "X retreated") is not the battle's agent;
#: the one it gives way to is
_YIELDS = r"(?:surrender(?:ed|s)?|capitulat(?:ed|es)|retreat(?:ed|s)?|withdr[ea]w|fled)"
_AFTER_YIELDS = re.compile(r"^" + _APPOS + r"\s+" + _AUX + _YIELDS + r"\b", re.IGNORECASE)
_BEFORE_YIELDED_TO = re.compile(r"\b(?:surrender(?:ed|s|ing)?|capitulat(?:ed|es|ing))\s+to\s+(?:the\s+)?"
                                r"(?:[\w-]+\s+){0,1}$", re.IGNORECASE)
#: a sentence that leaves the perpetrator open: no agent hint is taken from it
_UNCERTAIN = re.compile(
    r"\b(?:not (?:immediately |yet |entirely )?clear|unclear|unknown (?:who|whether)|(?:no ?one|nobody|no group|"
    r"no party|no faction) (?:has |had |have )?(?:immediately |yet |so far )?(?:claimed|took|taken)|"
    r"not (?:immediately |yet )?(?:been )?claimed|either\b[^.]{1,60}\bor\b|could not (?:be )?(?:determine|confirm|"
    r"verify|identify)|(?:denied|denies|deny|denying)\b)", re.IGNORECASE)
#: the report says nobody knows who did it: "It was not immediately clear who carried out
#: the raids", "unclear who was behind the blast", "No group has claimed responsibility",
#: "There was no immediate claim of responsibility" (narrower than :data:`_UNCERTAIN`, which only
#: withholds an agent hint in its sentence: "either X or Y", a denial, "not clear" of anything).
#: The events stage makes the event it is said of the act of unidentified perpetrators.
UNKNOWN_PERPETRATOR = re.compile(
    r"\b(?:(?:not|un)\s*(?:yet\s+|immediately\s+)?clear\s+who\s+(?:had\s+|has\s+)?(?:carried\s+out|"
    r"(?:was|is|were|are)\s+(?:behind|responsible)|fired|launched|conducted|planted|staged|attacked)|"
    r"(?:no|none)\s+(?:one|group|party|faction|side|organi[sz]ation)?\s*(?:has\s+|had\s+)?(?:yet\s+|"
    r"immediately\s+)?claimed\s+(?:the\s+)?(?:responsibility|it|the\s+attack)|"
    r"nobody\s+(?:has\s+|had\s+)?(?:yet\s+|immediately\s+)?claimed|"
    r"no\s+(?:immediate\s+)?claim\s+of\s+responsibility|no\s+immediate\s+claim)\b", re.IGNORECASE)
#: the words that name a force's allies: "its allied", "their loyalist", "pro-government"
_ALLY_WORDS = r"(?:(?:its|their)\s+)?(?:(?:allied|loyalist|pro-government|pro-regime)\s+)?"
#: between a force and those fighting with it: "the army backed by allied militias" (read by events)
BACKED_GAP = re.compile(r"\s*[,–—-]?\s*(?:backed|supported|aided|assisted|helped|joined|accompanied)\s+by\s+"
                        # (after another backer that is no actor: "backed by Russian air power and")
                        r"(?:(?:the\s+)?(?:[\w'’-]+\s+){1,3}(?:and|as\s+well\s+as)\s+)?"
                         + _ALLY_WORDS + r"(?:the\s+)?$", re.IGNORECASE)
#: right before a force that backs the act of the one named before it, however far: "Syrian
#: troops launched a ground offensive in Hama province backed by Russian air strikes"
_BACKER_BEFORE = re.compile(r"\b(?:backed|supported|aided|assisted|covered)\s+by\s+" + _ALLY_WORDS
                            + r"(?:the\s+)?$|\bwith\s+(?:the\s+)?(?:air\s+)?(?:support|backing|cover)\s+"
                            r"(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE)
#: between two mentions: one is joined to the other ("X and Y", "X, Y", "X and its allied Y")
_COORD_GAP = re.compile(r"\s*(?:(?:,\s*|and\s+|or\s+|as well as\s+|along with\s+|together with\s+)"
                        + _ALLY_WORDS + r"|"
                        r"and (?:its|their) (?:allies?|allied \w+)\s+|"
                        r"alongside\s+(?:(?:a|an|its|their)\s+)?(?:[a-z-]+\s+)?)?(?:the\s+)?$", re.IGNORECASE)
#: between a generic mention and the named one it belongs to ("militants from the Islamic State")
_MEMBER_GAP = re.compile(r"^\s+(?:from|of|belonging to|loyal to|affiliated (?:to|with)|linked to)\s+"
                         r"(?:the\s+)?(?:so[- ]called\s+)?$", re.IGNORECASE)
_PAREN_GAP = re.compile(r"^\s*(?:\([^()]{0,40}\)?\s*)?$")
#: words that make the actor after them someone's affiliation: "an alleged central committee
#: member of the Communist Party of the Philippines-New People's Army", "suspected PKK
#: militants", "accused of links to Hezbollah", "charged with joining a terrorist group"
_AFFILIATION_BEFORE = re.compile(
    r"\b(?:members?|supporters?|sympathi[sz]ers?|cadres?|suspected|alleged(?:ly)?|accused|tagged|branded|"
    r"labell?ed|affiliated|linked|links|ties|belonging|join(?:ing|ed)?|membership|charged|convicted|"
    r"financing|funding|spying|aiding|collaborat(?:ing|ion)|contacts?|communicating)\b[^.;:!?]{0,50}$",
    re.IGNORECASE)
#: generic entries that a named actor next to them specifies ("ISIL terrorist group")
GENERIC_NAMES = frozenset({"Unidentified armed group", "Jihadist militants", "Paramilitaries", "Military forces"})


# words one of which must occur before a mention for the matching pattern to apply
#: a co-victim: "journalist Jorge Armenta was shot dead ... along with a police officer"
_CO_VICTIMS = frozenset({"civilians", "protesters", "state_forces"})
_ALONG_WITH_BEFORE = re.compile(r"\b(?:along|together)\s+with\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+|two\s+|three\s+)?"
                                r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_VICTIM_TOLD = re.compile(r"\b(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:shot\s+dead|killed|murdered|slain|"
                          r"gunned\s+down|shot|stabbed|abducted|kidnapped|wounded|injured)\b", re.IGNORECASE)
_TARGET_CUES = ("kill", "target", "attack", "shell", "bomb", "stru", "stri", "hit", "sho", "execut", "kidnap",
                "abduct", "arrest", "detain", "massacr", "slaughter", "wound", "injur", "tortur", "murder",
                "assassinat", "ambush", "besieg", "dispers", "beat", "rap", "eliminat", "against", "raid",
                "assault", "offensive", "fire", "crackdown", "violence", "pound", "bombard", "hammer", "storm",
                "overr")
_SOURCE_CUES = ("according", "quot", "cit", "told")
_ACCUSE_CUES = ("accus", "blam", "held", "hold")
_BY_CUES = ("by", "hands of", "blamed on", "attributed to")


def _generic(m: ActorMention) -> bool:
    """A mention of a generic word: unidentified doers, "militants", "paramilitaries", or
    the rebels ("NPA rebels" are the NPA's, whatever the report's country calls its rebels)."""
    return m.category == "unknown" or m.name in GENERIC_NAMES or (
        m.generic is not None and m.generic.localize == "rebels")


def merge_mentions(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """Join a named actor and the generic word that heads or precedes it into one mention
    of the named actor: "ISIL terrorist group", "Nusra Front militants", "Islamic State (IS)
    jihadists", "a suicide bomber from the Nusra Front", "militants of the so-called X"; the
    authorities a non-state group runs are that group: "Hamas authorities in Gaza"."""
    out: list[ActorMention] = []
    for m in mentions:
        if out:
            p = out[-1]
            gap = text[p.end:m.start]
            join = None
            if len(gap) <= 45 and p.sentence == m.sentence:
                if _PAREN_GAP.match(gap) and (p.name == m.name or (_generic(m) and not _generic(p))):
                    join = p
                elif not gap.strip() and _generic(p) and not _generic(m):
                    join = m   # "militant group Islamic State"
                elif _MEMBER_GAP.match(gap) and _generic(p) and not _generic(m):
                    join = m
                elif not gap.strip() and p.category in NON_STATE_CATEGORIES and m.generic is not None \
                        and m.generic.category in STATE_CATEGORIES:
                    join = p   # "Hamas authorities in Gaza", "Houthi police officers", "the Asayish
                               # security forces": the force a non-state group runs is that group
                elif not gap.strip() and p.category in STATE_CATEGORIES and p.generic is None \
                        and m.generic is not None and m.generic.category in STATE_CATEGORIES:
                    join = p   # "the FSB security service", "the SBU security service": the
                               # state's named force, told by its kind
            if join is not None:
                end = m.end + 1 if "(" in gap and ")" not in gap and text.startswith(")", m.end) else m.end
                out[-1] = ActorMention(start=p.start, end=end, text=text[p.start:end], name=join.name,
                                       category=join.category, sentence=p.sentence,
                                       country=join.country, generic=join.generic)
                continue
        out.append(m)
    return out


_OPENING_QUOTES = frozenset('"“‘\'')
_CLOSING_QUOTES = frozenset('"”’\'')


def role_hints(text: str, mentions: list[ActorMention], sentences: list[tuple[int, int]]) -> None:
    """Set ``role_hint`` on each mention from the words around it: ``perpetrator``,
    ``target``, ``side``, ``yields`` (a side that gives way: "X surrendered", "X retreated"),
    ``prevails`` (the side given way to: "surrendered to X"),
    ``source`` (a speaker: "X said", "a police source"), ``investigator``, ``topic`` (what
    someone reported on: "reporting on local police corruption") or None."""
    def bounds(m: ActorMention) -> tuple[int, int]:
        if 0 <= m.sentence < len(sentences):
            return sentences[m.sentence]
        return max(0, m.start - 200), min(len(text), m.end + 200)

    sides: set[int] = set()
    allied: set[int] = set()    # one side named with its allies between "between" and "and"
    uncertain: set[int] = set()
    # "clashes between X and Y": the two mentions after "between" in the sentence
    by_sentence: dict[int, list[int]] = {}
    for k, m in enumerate(mentions):
        by_sentence.setdefault(m.sentence, []).append(k)
    for si, ks in by_sentence.items():
        if si < 0:
            continue
        s, e = sentences[si]
        if _UNCERTAIN.search(text, s, e):
            uncertain.add(si)
        for cm in _CLASH_BETWEEN.finditer(text, s, e):
            after = [k for k in ks if mentions[k].start >= cm.end()][:2]
            # the two sides are the conjuncts of "between A and B", A right after "between"
            # ("between the KNU and the military regime and 70,000 Karen civilians" names no
            # side it knows first: its civilians are not the regime's opponent)
            if len(after) == 2 and _BETWEEN_FIRST.fullmatch(text, cm.end(), mentions[after[0]].start):
                third = next((k for k in ks if mentions[k].start >= mentions[after[1]].end), None)
                if third is not None and _AND_ALLIED.fullmatch(text, mentions[after[0]].end, mentions[after[1]].end) \
                        and _BETWEEN_AND.fullmatch(text, mentions[after[1]].end, mentions[third].start):
                    # "between the army and allied militias and rebels": the army and its
                    # allies are one side (agents), the rebels the other
                    allied.update(after)
                    sides.add(third)
                elif _BETWEEN_AND.fullmatch(text, mentions[after[0]].end, mentions[after[1]].start):
                    sides.update(after)
    for k, m in enumerate(mentions):
        s, e = bounds(m)
        before = text[max(s, m.start - 60):m.start]
        after = text[m.end:min(e, m.end + 120)]
        if after.startswith(",") and _APPOSED_BEFORE.search(text[max(s, m.start - 100):m.start]):
            # the name told as another's apposition: "Islamic State's Afghanistan affiliate,
            # ISIS-K, claimed the attack": what follows the apposition is its own
            after = after[1:]
        elif after[:1] in _CLOSING_QUOTES and m.start > 0 and text[m.start - 1] in _OPENING_QUOTES:
            # a name in quotes ("terrorists" shelled, killed 15 "terrorists"): its words go on
            # after it and before it
            after, before = after[1:], before[:-1]
        low = before.lower()   # cheap substring gates keep the end-anchored searches rare
        hint = None
        if k in allied:
            hint = "perpetrator"
        elif " to" in low and _BEFORE_YIELDED_TO.search(before):
            hint = "prevails"
        elif k in sides or (("with" in low or "against" in low) and _BEFORE_SIDE.search(before)) \
                or _AFTER_SIDE.match(after):
            hint = "side"
        elif _AFTER_YIELDS.match(after):
            hint = "yields"
        elif _AFTER_PASSIVE.match(after) or _AFTER_REDUCED.match(after) or _AFTER_HIT_INSTRUMENT.match(after) or (
                (_AFTER_COUNTED.match(after) or _AFTER_HEADLINE_TOLLS.match(after)) and (
                m.category == "civilians" or _COUNT_BEFORE.search(before))):
            hint = "target"
        elif any(w in low for w in _TARGET_CUES) and _BEFORE_TARGET.search(before):
            hint = "target"
        elif "with" in low and m.category in _CO_VICTIMS and _ALONG_WITH_BEFORE.search(before) \
                and _VICTIM_TOLD.search(text, s, m.start):
            # "was shot dead ..., along with a police officer who was guarding him" (not
            # "fighters were killed ... along with eight IS members including the bomber":
            # attackers who died in their attack are still its perpetrators)
            hint = "target"
        elif _AFTER_SOURCE.match(after) or (any(w in low for w in _SOURCE_CUES) and _BEFORE_SOURCE.search(before)):
            hint = "source"
        elif _BEFORE_TOPIC.search(before) or _AFTER_WRONGS.match(after) and _BEFORE_WORK_ON.search(before):
            hint = "topic"
        elif _AFTER_INVESTIGATES.match(after) or _AFTER_FINDS.match(after) or _AFTER_CHARGES.match(after) or (
                " by" in low and _BEFORE_RESCUERS.search(before)) or (
                _ASKED_TO_ACT.match(after) and _BEFORE_ASKED.search(before)):
            hint = "investigator"
        elif _HEADLINE_SPEAKER.match(after) and _HEADLINE_START.fullmatch(text, s, m.start):
            hint = "source"   # "Syrian Coalition: Assad Used Chemical Weapons ..."
        elif sm := _AFTER_SPEECH.match(after):
            hint = "perpetrator" if _SPEECH_CLAIM.match(after, sm.end()) else \
                "side" if _SPEECH_OWN_LOSS.match(after, sm.end()) else "source"
        elif _AFTER_MODIFIER.match(after):
            hint = None
        elif (_SELF_INSTRUMENT.search(m.text) or _AFTER_INSTRUMENT.match(after)
              or _AFTER_ACTIVE.match(after)):
            hint = "perpetrator"
        elif any(w in low for w in _ACCUSE_CUES) and (am := _BEFORE_ACCUSED.search(before)) and (
                _AFTER_ACCUSED.match(after) and not am["name"]
                or _AFTER_BLAMED.match(after) and am["cue"].lower().startswith(("accus", "blam"))):
            hint = "perpetrator"
        elif any(w in low for w in _BY_CUES):
            bm = _BEFORE_BY.search(before)
            if bm and (bm.group(1) is None or _AGENT_BY.fullmatch(bm.group(1))):
                hint = "perpetrator"
        if hint == "perpetrator" and m.sentence in uncertain:
            hint = None
        m.role_hint = hint
        m.affiliation = bool(_AFFILIATION_BEFORE.search(before))
    for a, b in zip(mentions, mentions[1:]):
        b.conjunct = a.sentence == b.sentence and (b.start - a.end <= 40 and bool(
            _COORD_GAP.match(text, a.end, b.start) or BACKED_GAP.match(text, a.end, b.start))
            or bool(_BACKER_BEFORE.search(text, max(a.end, b.start - 40), b.start)))
    # "X and Y shelled", "Hezbollah, the Syrian army killed": the conjuncts share the role;
    # a force backed by an agent's arms is the agent ("regime forces backed by Russian air
    # strikes retook": the forces retook, the jets backed them)
    for k in range(len(mentions) - 2, -1, -1):
        a, b = mentions[k], mentions[k + 1]
        if a.role_hint in (None, "side") and b.role_hint == "perpetrator" and a.sentence == b.sentence \
                and b.start - a.end <= 40 and BACKED_GAP.match(text, a.end, b.start):
            a.role_hint = "perpetrator"     # (the subject of a clash its backers are told in:
                                            # "Syrian troops, backed by ... militias, clashed with")
        elif a.role_hint is None and b.role_hint in ("perpetrator", "target", "side") and a.sentence == b.sentence \
                and b.start - a.end <= 40 and (_COORD_GAP.match(text, a.end, b.start)
                                               or b.role_hint == "side" and BACKED_GAP.match(text, a.end, b.start)):
            if b.role_hint != "side":
                a.role_hint = b.role_hint
            elif k + 1 not in sides and _AFTER_SIDE.match(text[b.end:min(bounds(b)[1], b.end + 120)]):
                # "the army and allied militias clashed with rebels": the subjects are one
                # side, the agent's (not "between A and B", which are two)
                a.role_hint = b.role_hint = "perpetrator"


_COMPOUND_MODIFIER = re.compile(
    r"-(?:linked|backed|affiliated|allied|aligned|run|held|controlled|led|supported|sponsored|funded|"
    r"leaning|friendly|dominated|occupied|besieged|inspired|owned|appointed|imposed|style)\b", re.IGNORECASE)


#: (state media's "occupation" between: "the Turkish occupation forces")
_CAPITALISED_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+|U\.?S\.?|U\.?K\.?)\s+(?:(?:occupation|occupying)\s+)?$")
#: the two countries news names by their letters as a nationality ("a US base", "UK troops")
_LETTERED = {"US": "US", "UK": "GB"}


def nationality_before(text: str, start: int, gaz) -> tuple[str, int, int] | None:
    """The country a nationality right before a name or force names ("Syrian border
    guards", "Nigerian police", "Egyptian authorities"), with the nationality word's span,
    else None."""
    m = _CAPITALISED_BEFORE.search(text, max(0, start - 25), start)
    # a word the shipped list lacks, by a regular ending on its country's name, names the
    # force's state too ("Cambodian authorities", "Guatemalan police")
    country = (_LETTERED.get(m.group(1).replace(".", "")) or gaz.demonym(m.group(1), derive=True)) if m else None
    return (country, m.start(1), m.end(1)) if country else None


#: a nationality told as a belief after a force ("warplanes believed to be Russian")
_BELIEVED_TO_BE = re.compile(
    r"\s*,?\s+(?:(?:widely|generally)\s+)?(?:believed|thought|suspected|presumed|understood|reported|said)\s+"
    r"to\s+(?:be|have\s+been)\s+(?:either\s+)?([A-Z][a-z]+|U\.?S\.?|U\.?K\.?)\b(?!\s+or\b)")


def _nationality_believed(text: str, end: int, gaz) -> str | None:
    """The country of a nationality told after a force as what it is believed to be
    ("warplanes believed to be Russian", "jets thought to be Syrian"), else None (not "either
    Syrian or Russian")."""
    m = _BELIEVED_TO_BE.match(text, end)
    if m is None:
        return None
    return _LETTERED.get(m.group(1).replace(".", "")) or gaz.demonym(m.group(1))


#: a country that launches what its forces do: "Turkey launched a military offensive"
_COUNTRY_LAUNCHING = re.compile(
    r"(?<![\w-])([A-Z][a-z]+(?:\s[A-Z][a-z]+)?|U\.?S\.?|U\.?K\.?)\s+"
    # ... with its allies ("The United States and Arab allies launched air strikes")
    r"(?:and\s+(?:its\s+)?(?:[A-Z][a-z]+\s+|regional\s+|Western\s+)?(?:allies|partners)\s+)?"
    r"(?:(?:has|had|have)\s+)?"
    r"(?:launched|began|begun|started|carried\s+out|conducted|stepped\s+up|expanded|resumed|intensified|"
    r"widened|mounted|staged)\s+(?:(?:a|an|its|their|the|new|fresh|major|large-scale|full-scale|"
    r"cross-border|ground|air)\s+)*$"
    # ... or whose own forces it says did it ("Israel said its fighter jets struck")
    r"|(?<![\w-])([A-Z][a-z]+(?:\s[A-Z][a-z]+)?|U\.?S\.?|U\.?K\.?)\s+(?:has\s+|had\s+)?"
    r"(?:said|says|announced|confirmed|claimed|admitted|acknowledged|stated)\s+(?:that\s+|on\s+\w+\s+)?"
    r"(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}$")


def _country_launching(text: str, start: int, gaz) -> str | None:
    """The country named as the subject that launches the force's act right before it
    ("Turkey launched a military offensive", "Russia began its military operation"), or
    that says its own forces did it ("Israel said its fighter jets struck"), else None."""
    m = _COUNTRY_LAUNCHING.search(text, max(0, start - 80), start)
    return country_by_name(m.group(1) or m.group(2), gaz) if m is not None else None


def country_by_name(name: str, gaz) -> str | None:
    """The country a word names by its very name ("Turkey", "Israel") or by the letters
    news uses ("US", "U.K."), else None."""
    name = name.replace(".", "")
    if name in _LETTERED:
        return _LETTERED[name]
    hit = gaz.lookup(name)[:1]
    return hit[0].country if hit and hit[0].feature == "country" and hit[0].exact else None


#: a place noun after a name makes the name a place's possessive ("Hamas countryside")
_PLACE_NOUN_AFTER = re.compile(r"\s+(?:(?:north|south|east|west)\w*\s+)?(?:countryside|province|governorate)\b")


#: after a force's one word, a noun that makes the word an adjective of a rule, an office or a
#: thing, no force at the scene: "marched against military rule", "military service",
#: "army spending", "police reform", "escorted from Military Hospital in Aleppo"
_NO_FORCE_AFTER = re.compile(r"[ \t]+(?:rule|service|spending|budget|aid|reforms?|academy|college|parade|"
                             r"exercises?|drills?|hardware|equipment|experts?|analysts?|hospitals?|"
                             r"cemetery|cemeteries)\b", re.IGNORECASE)


#: a word before a force's noun that makes its bearer no member now ("a former police
#: officer", "retired soldiers"; figures count them as civilians by the same words)
_FORMER_BEFORE = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(NO_LONGER_ARMED))) + r"|ex-)\s*"
                            r"(?:(?-i:[A-Z])[\w'’-]*\s+)?$",    # "a former Afghan army officer"
                            re.IGNORECASE)


def find_actors(ctx: Context, dictionary: ActorDictionary, tokens=None) -> list[ActorMention]:
    text = ctx.text
    country = getattr(ctx, "country_context", None)
    gaz = getattr(ctx.resources, "gazetteer", None)
    places = getattr(ctx, "places", None) or ()
    in_place = Within([(p.start, p.end) for p in places])
    out: list[ActorMention] = []
    coalition: ActorMention | None = None   # the last coalition named: what "the coalition" is
    shared: list[tuple[int, int]] = []      # (a joined nationality's start, its force's start)
    for start, end, entry in dictionary.find(text, tokens or context_tokens(ctx)):
        if ctx.masked and ctx.is_masked(start, end):
            continue
        if text.startswith("-", end) and _COMPOUND_MODIFIER.match(text, end):
            continue   # "Hezbollah-linked network", "IS-held town": a modifier, not a party
        if _PLACE_NOUN_AFTER.match(text, end):
            continue   # "in Hamas countryside": Hama's, its apostrophe stripped
        if entry.category in ARMED_CATEGORIES and _NO_FORCE_AFTER.match(text, end) \
                and len(LEADING_ARTICLE.sub("", text[start:end]).split()) == 1:
            continue   # "against military rule": no force at the scene
        if in_place(start, end):
            continue   # "Deir Ezzor military airport": a word of a place's name
        if entry.category == "civilians" and in_body_name(text, start, end):
            continue   # "the Sudan Doctors Committee said": a body's name, no people at the scene
        if entry.category in ARMED_CATEGORIES and _FORMER_BEFORE.search(text, max(0, start - 30), start):
            continue   # "a former police officer", "retired soldiers": no force's members now
        nationality = named = None
        if entry.localize and gaz is not None:
            nationality = nationality_before(text, start, gaz)
            named = ((nationality[0] if nationality else None) or _nationality_believed(text, end, gaz)
                     or _country_launching(text, start, gaz))
        if entry.after_nationality and named is None:
            continue   # "the forces of change": no nationality, no actor
        if entry.local_only and entry.localize == "coalition" and named is None and coalition is not None:
            # "the coalition" is the last coalition the report named (the Syrian National
            # Coalition in its own statements), as for sources (sources.toml's
            # ``antecedent_word``); only a report that named none takes its country's
            out.append(replace(coalition, start=start, end=end, text=text[start:end],
                               sentence=ctx.sentence_of(start), role_hint=None))
            continue
        if named and entry.localize in _NAMED_AS and country and (country, entry.localize) in dictionary.national:
            named = None    # "Chadian peacekeepers" in Mali serve its UN mission
        e = dictionary.localized(entry, named or country, named=named is not None)
        if e is entry and entry.local_only:
            continue   # "the opposition" names an armed actor only where the report's country has one
        m = ActorMention(start=start, end=end, text=text[start:end], name=e.name,
                         category=e.category, sentence=ctx.sentence_of(start), country=e.country,
                         generic=entry if entry.localize and named is None else None)
        if not entry.local_only and "coalition" in e.name.lower().split():
            coalition = m
        if gaz is not None and (nationality is not None or entry.national):
            # "Russian and Syrian warplanes": each nationality joined to the force's names a force
            for other, cs, ce in _joined_forces(text, start, entry, nationality, gaz, dictionary):
                out.append(ActorMention(start=cs, end=ce, text=text[cs:ce], name=other.name,
                                        category=other.category, sentence=m.sentence, country=other.country))
                shared.append((cs, start))
        out.append(m)
    out = merge_mentions(text, _acronym_mentions(ctx, out))
    _resolve_anaphors(text, out)
    role_hints(text, out, ctx.sentences)
    by_start = {m.start: m for m in out}
    for cs, head in shared:
        if cs in by_start and head in by_start:
            # the nationalities share the force's role, as conjuncts do
            by_start[cs].role_hint = by_start[head].role_hint
            by_start[head].conjunct = True
    return out


_FIRST_WORD = re.compile(r"[A-Z][a-z]+")
#: a nationality joined to the next one by a comma or "and": "Russian and Syrian warplanes",
#: "US, British and French jets"
_NATIONALITY_JOINED = re.compile(r"(?<![\w.])([A-Z][a-z]+|U\.?S\.?|U\.?K\.?)(?:\s*,\s*|,?\s+and\s+)$")


def _joined_forces(text: str, start: int, entry: ActorEntry, nationality: tuple[str, int, int] | None, gaz,
                   dictionary: ActorDictionary) -> list[tuple[ActorEntry, int, int]]:
    """The forces of the other nationalities joined to the one that names the force at
    ``start`` ("Russian" in "Russian and Syrian warplanes"), each with its word's span: a
    generic force after its nationality (``nationality``), or a country's force the
    dictionary knows with its nationality ("Syrian warplanes"), looked up only when a
    nationality is joined before it."""
    generic = entry
    if nationality is None:
        if not entry.country or not _NATIONALITY_JOINED.search(text, max(0, start - 20), start):
            return []
        word = _FIRST_WORD.match(text, start)
        if word is None or gaz.demonym(word.group()) != entry.country:
            return []
        nationality, generic = (entry.country, start, word.end()), dictionary.generic(entry.national)
        if generic is None:
            return []
    out = []
    for c, cs, ce in _coordinated_nationalities(text, nationality, gaz):
        other = dictionary.localized(generic, c, named=True)
        if other is not generic:
            out.append((other, cs, ce))
    return out


def _coordinated_nationalities(text: str, nationality: tuple[str, int, int], gaz) -> list[tuple[str, int, int]]:
    """The other countries of nationalities listed before the one that names a force
    ("Russian" in "Russian and Syrian warplanes"), each with its word's span, in text order
    (at most four: a longer list is no force's)."""
    found: list[tuple[str, int, int]] = []
    country, start = nationality[0], nationality[1]
    seen = {country}
    while len(found) < 4 and (m := _NATIONALITY_JOINED.search(text, max(0, start - 20), start)) is not None:
        c = _LETTERED.get(m.group(1).replace(".", "")) or gaz.demonym(m.group(1))
        if c is None:
            break
        if c not in seen:
            seen.add(c)
            found.append((c, m.start(1), m.end(1)))
        start = m.start(1)
    return found[::-1]


#: the dictionary's unidentified doers that, definite, name a group the report has named
#: already: "captured Shaddadi from Islamic State, a major blow to the militant group"
_ANAPHORS = frozenset({"militant group", "terrorist group", "armed group", "militants", "terrorists",
                       "attackers", "assailants", "gunmen"})
_DEFINITE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


#: a word that may be an acronym: capitals, maybe digits, "&" or a hyphen inside ("RSF", "IS-K")
_ACRONYM_WORD = re.compile(r"(?<![\w-])[A-Z][A-Za-z0-9&-]{0,10}[A-Z](?!\w)")


def defined_acronyms(text: str, mentions: Iterable[ActorMention]) -> dict[str, ActorMention]:
    """The acronyms the report gives the actors it names, each with the mention that
    defines it: "the Rapid Support Forces (RSF)", "Paramilitary Rapid Support Forces (RSF)
    fighters" (letters the report also gives a name that is no actor's, or two actors
    share, are neither's)."""
    found: dict[str, ActorMention | None] = {}
    defining: dict[str, int] = {}
    for m in mentions:
        if m.generic is not None or not text[m.start:m.start + 1].isupper():
            continue
        a = BRACKETED_ACRONYM.search(text, m.start, min(len(text), m.end + 14))
        if a is None or a.start() > m.end + 1 or a.group(1) == text[m.start:m.end]:
            continue
        acronym = a.group(1)
        defining[acronym] = defining.get(acronym, 0) + 1
        if acronym in found and (found[acronym] is None or found[acronym].name != m.name):
            found[acronym] = None
        else:
            found.setdefault(acronym, m)
    if not found:
        return {}
    told = collections.Counter(a.group(1) for a in BRACKETED_ACRONYM.finditer(text))    # (one scan)
    return {k: m for k, m in found.items() if m is not None and told[k] <= defining[k]}


def _acronym_mentions(ctx: Context, mentions: list[ActorMention]) -> list[ActorMention]:
    """``mentions`` with the bare uses of an acronym the report gave a named actor ("the
    RSF stormed the village"), as that actor, whatever the dictionary takes the letters
    for elsewhere: the report's own definition wins."""
    text = ctx.text
    defined = defined_acronyms(text, mentions)
    if not defined:
        return mentions
    out = list(mentions)
    at = {(m.start, m.end): k for k, m in enumerate(out)}
    covered = Within([(m.start, m.end) for m in mentions])
    for hit in _ACRONYM_WORD.finditer(text):     # (one scan for them all)
        m = defined.get(hit.group())
        if m is None:
            continue
        s, e = hit.span()
        if (ctx.masked and ctx.is_masked(s, e)) or text.startswith("(", s - 1) \
                or (text.startswith("-", e) and _COMPOUND_MODIFIER.match(text, e)):
            continue
        use = ActorMention(start=s, end=e, text=hit.group(), name=m.name, category=m.category,
                           sentence=ctx.sentence_of(s), country=m.country)
        if (s, e) in at:
            out[at[(s, e)]] = use       # the dictionary's other reading of the letters
        elif not covered(s, e):
            out.append(use)
    out.sort(key=lambda x: (x.start, -x.end))
    return out


def _resolve_anaphors(text: str, mentions: list[ActorMention]) -> None:
    """A definite unidentified doer ("the militant group", "the gunmen") after the report
    has named exactly one non-state armed group is that group, not an unknown one (a
    pro-government militia is never the report's "terrorists")."""
    named: dict[str, ActorMention] = {}
    for k, m in enumerate(mentions):
        if m.category in NON_STATE_CATEGORIES and "government" not in m.name.lower():
            named.setdefault(m.name, m)
        elif m.category == "unknown" and len(named) == 1 and m.text.lower() in _ANAPHORS \
                and _DEFINITE_BEFORE.search(text, max(0, m.start - 5), m.start):
            (ante,) = named.values()
            mentions[k] = replace(m, name=ante.name, category=ante.category, country=ante.country,
                                  generic=None)


@component("actors", reads=("text", "sentences", "masked", "entities", "places", "country_context"),
           assigns=("actors",))
def actors_stage(ctx: Context) -> None:
    """Actor mentions from the dictionary, normalised (generic forces named for the
    nationality before them, else the report's country), with role hints from local
    syntax."""
    ctx.actors = find_actors(ctx, ctx.resources.actors)


#: generic forces that are the ones of the country where the event is, whatever the
#: report's country: police do not act abroad
_WHERE_THEY_ACT = frozenset({"police"})


def as_in(mentions: list[ActorMention], dictionary: ActorDictionary | None, country: str | None,
          report_country: str | None) -> list[ActorMention]:
    """The mentions as named in an event in ``country``.

    A generic force ("security forces") in a report of no one country, and the generic
    police in an event outside the report's country, take the name of the event's
    country's forces (an army, "the regime", acts abroad: in a report on Syria it stays
    Syria's). A country's forces are its state forces at home ("Turkish troops" in
    Turkey) and foreign forces abroad ("Syrian government forces" shelling Lebanon), as
    ACLED codes them."""
    if not country:
        return mentions
    out = []
    for m in mentions:
        name, category, own = m.name, m.category, m.country
        if m.generic is not None and dictionary is not None and country != report_country \
                and country not in NO_NATIONAL_FORCES \
                and (report_country is None or m.generic.localize in _WHERE_THEY_ACT):
            e = dictionary.localized(m.generic, country)
            if e is m.generic and e.local_only:
                continue
            name, category, own = e.name, e.category, e.country
        if own and category in STATE_CATEGORIES:
            category = "state_forces" if own == country else "foreign_forces"
        if (name, category) != (m.name, m.category):
            m = replace(m, name=name, category=category, country=own)
        out.append(m)
    return out


def same_force(mentions: list[ActorMention], dictionary: ActorDictionary | None) -> list[ActorMention]:
    """An event's generic force left without a country's name ("the police" in a report
    on Palestine, or of no one country) is the force of that kind the event names
    ("Israeli border police ... fatally shot ... police said"), when it names one only."""
    if dictionary is None or not any(m.generic is not None and m.name == m.generic.name for m in mentions):
        return mentions
    kind_of = {e.name: kind for (_c, kind), e in [*dictionary.national.items(), *dictionary.synthesized.items()]}
    out = []
    for m in mentions:
        if m.generic is not None and m.name == m.generic.name:
            named = {(n.name, n.category, n.country) for n in mentions
                     if n.generic is None and kind_of.get(n.name) == m.generic.localize}
            if len(named) == 1:
                name, category, country = next(iter(named))
                m = replace(m, name=name, category=category, country=country)
        out.append(m)
    return out


#: those who bear arms, the unidentified gunmen included: the categories that can be the
#: default perpetrator of one-sided violence, or a side of a battle
BEARS_ARMS = ARMED_CATEGORIES | {"unknown"}
#: event types whose perpetrator needs a syntactic cue: an explosion or a strike is
#: rarely claimed in the sentence that reports it, and the armed actors around it are
#: more often its victims, the side holding the place, or background
_CUE_ONLY = frozenset({"explosions_remote_violence"})


#: ACLED's civilians (and peaceful protesters) are victims or participants, never the
#: perpetrators of political violence: those who commit it are coded as rioters or militias
_NEVER_PERPETRATORS = frozenset({"civilians", "protesters"})
#: hints that only matter in battles: elsewhere they are no hint
_SIDE_HINTS = (None, "side", "yields", "prevails")


#: role hints of mentions that only take part: speakers and investigators
_ONLY_PARTICIPATE = frozenset({"source", "investigator", "topic"})


def assign_roles(event_type: str, mentions: list[ActorMention],
                 sub_type: str | None = None) -> list[dict[str, Any]]:
    """The actors of one event with their roles (perpetrator, target, side_a/side_b,
    participant), from the mentions in the event's sentences, in text order.

    A mention's ``role_hint`` (from local syntax) wins; mentions hinted ``source``
    (speakers, "a police source") or ``investigator`` ("police are investigating") only
    participate, and so do civilians and protesters
    hinted perpetrator (ACLED codes civilians as victims, never as perpetrators).
    Otherwise: in battles the first two armed actors are the sides; civilians and
    protesters are targets. When no mention is hinted perpetrator, the first armed (or
    unidentified armed) actor is
    the perpetrator of violence against civilians (of an arrest, not a group named as the
    detainees' affiliation), but never of remote violence
    (explosions, strikes, shelling), whose perpetrator must be named by the syntax
    ("X shelled", "by X", "X warplanes"); anyone else participates. A peaceful protest
    has no default perpetrator, and its protesters (and the civilians who protest) are
    its participants, not anyone's targets; nor has mob violence (the mob's: the forces
    around it were most often sent to stop it).
    """
    roles: list[tuple[str, ActorMention]] = []
    if event_type == "battles":
        return _battle_roles(mentions)
    if sub_type == "agreement":
        return _agreement_roles(mentions)
    hinted = any(a.role_hint == "perpetrator" and a.category not in _NEVER_PERPETRATORS for a in mentions)
    default = None
    if not hinted and event_type not in _CUE_ONLY and sub_type not in ("peaceful_protest", "mob_violence"):
        # a group named as the detainees' affiliation ("tagged her as a member of the
        # NPA", "suspected PKK militants") arrests no one unless the words say so
        default = next((a.name for a in mentions if a.role_hint in _SIDE_HINTS
                        and a.category in BEARS_ARMS
                        and not (sub_type == "arrests" and a.affiliation
                                 and a.category not in STATE_CATEGORIES)), None)
    # "a journalist was detained in Yekaterinburg, the FSB security service said": the
    # state's force that tells of an arrest no one else is said to have made made it
    speaker = next((a.name for a in mentions if a.role_hint == "source" and a.category in STATE_CATEGORIES),
                   None) if sub_type == "arrests" and not hinted and default is None else None
    for a in mentions:
        role = a.role_hint
        if speaker is not None and a.name == speaker:
            role = "perpetrator"
        elif role in _ONLY_PARTICIPATE or (role == "perpetrator" and a.category in _NEVER_PERPETRATORS):
            role = "participant"
        elif role in _SIDE_HINTS:
            if a.category in ("civilians", "protesters"):
                role = "participant" if sub_type == "peaceful_protest" else "target"
            elif a.name == default:
                role = "perpetrator"
            else:
                role = "participant"
        roles.append((role, a))
    # unidentified attackers told as the named group's ("Islamic State suicide bombers and
    # gunmen killed ...") are that group, no other perpetrator
    roles = [(role, a) for k, (role, a) in enumerate(roles)
             if not (role == "perpetrator" and a.category == "unknown" and a.conjunct and k > 0
                     and roles[k - 1][0] == "perpetrator" and roles[k - 1][1].category in ARMED_CATEGORIES
                     and roles[k - 1][1].sentence == a.sentence)]
    # one actor has one role: the perpetrator's other mentions ("arrested during police
    # raids", "the police said") add no target or participant of the same name
    perpetrators = {a.name for role, a in roles if role == "perpetrator"}
    return _actor_rows([(role, a) for role, a in roles if role == "perpetrator" or a.name not in perpetrators])


def _agreement_roles(mentions: list[ActorMention]) -> list[dict[str, Any]]:
    """The parties to an agreement ("Rebels and the government signed a ceasefire"): the
    first two armed actors (the state's forces stand for the state) are its sides, no one
    its perpetrator; the others (speakers, mediators) take part."""
    sides: list[str] = []
    roles: list[tuple[str, ActorMention]] = []
    for a in mentions:
        if a.category in ARMED_CATEGORIES and a.role_hint not in _ONLY_PARTICIPATE \
                and (a.name in sides or len(sides) < 2):
            if a.name not in sides:
                sides.append(a.name)
            roles.append(("side_a" if a.name == sides[0] else "side_b", a))
        else:
            roles.append(("participant", a))
    return _actor_rows(roles)


def _actor_rows(roles: list[tuple[str, ActorMention]]) -> list[dict[str, Any]]:
    """The event's actor objects, one per role and name, in text order; an actor that has
    a part in the event (perpetrator, target, side) is not also listed as a participant
    for its other mentions ("killing three members of the Asayish ... the Asayish said"),
    nor an unidentified armed group in the role of a named armed actor acted against or
    present."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    cast = {a.name for role, a in roles if role != "participant"}
    # an unidentified armed group beside a named armed actor in the same role of those acted
    # against or present is that actor told by a generic word ("Turkish-backed rebels ...
    # killing eight of the attackers"); not of those who acted, where the unidentified one
    # may be the doer ("a suicide bomber") and the named one a mistake
    named = {role for role, a in roles if a.category in ARMED_CATEGORIES} - {"perpetrator", "side_a"}
    for role, a in roles:
        if role == "participant" and a.name in cast:
            continue
        if a.category == "unknown" and role in named:
            continue
        if (role, a.name) not in seen:
            seen.add((role, a.name))
            out.append({"role": role, "name": a.name, "category": a.category, "text": a.text})
    return out


def _conjunct_agents(mentions: list[ActorMention], first: ActorMention | None) -> set[str]:
    """The armed actors joined to side A's, in its sentence, as agents of the same act
    ("Hezbollah fighters and Syrian troops took control of Qusayr"): side A too. The next
    mention of another part (a target, a speaker) or not joined to the one before it
    ("Nigerian troops repelled an attack by Boko Haram fighters") ends the run."""
    if first is None or first.role_hint not in ("perpetrator", "prevails"):
        return set()
    out: set[str] = set()
    for a in mentions[mentions.index(first) + 1:]:
        if a.sentence != first.sentence or a.role_hint != first.role_hint or a.category not in BEARS_ARMS \
                or not a.conjunct:
            break   # "Nigerian troops repelled an attack by Boko Haram": no ally
        out.add(a.name)
    out.discard(first.name)
    return out


def _battle_roles(mentions: list[ActorMention]) -> list[dict[str, Any]]:
    """Battles have sides, not perpetrators. ``side_a`` is the first armed actor named as
    the agent ("X attacked", "by X", "surrendered to X"), else the first armed actor that is
    neither a victim ("20 X fighters were killed") nor gave way ("X retreated") nor only a
    speaker; the other armed actors are ``side_b``; civilians caught in the fighting are
    targets, and civilians or protesters named as a side ("clashes between activists and
    police") are ``side_b`` (the events stage makes such a clash a riot)."""
    victims = {a.name for a in mentions if a.role_hint in ("target", "yields")}
    armed = [a for a in mentions if a.category in BEARS_ARMS]
    first = next((a for a in armed if a.role_hint in ("perpetrator", "prevails")), None) or \
        next((a for a in armed if a.role_hint in (None, "side") and a.name not in victims), None) or \
        next((a for a in armed if a.role_hint in ("side", "yields")), None)
    side_a = first.name if first is not None else None
    allies = _conjunct_agents(mentions, first)
    other_armed = {a.name for a in armed if a.name != side_a and a.name not in allies
                   and a.role_hint not in _ONLY_PARTICIPATE}
    roles: list[tuple[str, ActorMention]] = []
    for a in mentions:
        if a.category in BEARS_ARMS and a.role_hint not in _ONLY_PARTICIPATE:
            role = "side_a" if a.name == side_a or a.name in allies else "side_b"
        elif a.category in ("civilians", "protesters") and a.role_hint not in _ONLY_PARTICIPATE:
            # "clashes between masked activists and police": the unarmed are a side
            role = "side_b" if a.role_hint == "side" and side_a is not None and not other_armed else "target"
        else:
            role = "participant"
        roles.append((role, a))
    return _actor_rows(roles)
