"""Stage ``triggers``: words and phrases that signal an event, mapped to ACLED types.

The lexicon is data (``data/triggers.toml``): each entry has a regular expression, the
ACLED ``type`` and ``sub_type``, and a ``strength``: ``strong`` triggers (air strike,
massacre, car bomb) make an event on their own; ``weak`` ones (attack, fighting,
killed) need support in the same sentence (a casualty figure, an armed actor or a
strong trigger) so that a football "attack" or a "battle" for votes is not an event.
``instrument`` triggers (warplanes, drones, rockets, grenades) name a weapon, not an act:
they make an event only beside an act in their sentence ("warplanes struck", "fired
rockets", a casualty figure), so that "arrived by plane" or "missile defence" is none.
``generic`` triggers (killed, dead) say that violence happened without saying which
kind; the events stage gives them the type of the nearest specific trigger.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as ir

from ..errors import ConfigError
from .alternation import Alternation
from .base import Context, CueBefore, Trigger, component
from .cues import BACKED, cue_before

STRENGTH_WEIGHT = {"strong": 3.0, "medium": 2.0, "weak": 1.0, "generic": 0.5, "instrument": 3.0}


@dataclass(frozen=True)
class Lexicon:
    alternation: Alternation                            # one alternative per entry
    entries: tuple[tuple[str, str, str, float], ...]   # (type, sub_type, strength, weight) per entry


@lru_cache(maxsize=2)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Compile the trigger lexicon into one alternation of its entries' patterns."""
    if path:
        raw = open(path, "rb").read()
    else:
        raw = ir.files("marsad.data").joinpath("triggers.toml").read_bytes()
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"trigger lexicon is not valid TOML: {exc}", code="M106") from None
    parts, entries = [], []
    for i, entry in enumerate(data.get("trigger", [])):
        try:
            regex, typ, sub = entry["pattern"], entry["type"], entry["sub_type"]
        except KeyError as exc:
            raise ConfigError(f"trigger entry {i} lacks {exc}", code="M106") from None
        strength = entry.get("strength", "strong")
        if strength not in STRENGTH_WEIGHT:
            raise ConfigError(f"trigger entry {i} has strength {strength!r}; expected one of "
                              f"{', '.join(STRENGTH_WEIGHT)}", code="M106")
        if any(ord(c) < 32 for c in regex):
            # a TOML basic string reads "\b" as a backspace: the word boundary needs "\\b"
            raise ConfigError(f"trigger entry {i} has a control character in its pattern {regex!r}; "
                              "write a regular expression's backslash as \\\\ in a TOML string, "
                              "or use a literal string ('...')", code="M106")
        try:
            re.compile(regex)
        except re.error as exc:
            raise ConfigError(f"trigger entry {i} has a bad pattern {regex!r}: {exc}", code="M106") from None
        parts.append(regex)
        entries.append((typ, sub, strength, float(entry.get("weight", STRENGTH_WEIGHT[strength]))))
    return Lexicon(Alternation(parts), tuple(entries))


def find_triggers(text: str, lexicon: Lexicon) -> list[tuple[int, int, str, str, str, float]]:
    """Every match of the lexicon, left to right, as ``re.finditer`` over it finds them
    (scanned word by word: :class:`marsad.extract.alternation.Alternation`)."""
    out = []
    for start, end, idx in lexicon.alternation.finditer(text):
        typ, sub, strength, weight = lexicon.entries[idx]
        out.append((start, end, typ, sub, strength, weight))
    return out


#: words that make what follows hypothetical, feared or demanded, not reported as done:
#: "warns against new US missile strikes", "bracing for a possible attack", "arrested in
#: the run-up to planned nationwide protests", "if they were receiving threats" (not "a
#: well-planned attack", "unclear if he was shot"; the modal "may", not the month: "Friday 23
#: May 2014 Syrian rebels bombarded")
_HYPOTHETICAL = re.compile(
    r"\b(?:warn(?:s|ed|ing)? (?:against|of)|threat(?:en(?:s|ed|ing)?)? (?:to|of|with)|"
    r"possib(?:le(?! terms)|ility of)|potential|would|could|might|(?-i:may)|plan(?:s|ned|ning)? (?:to|for)|"
    r"fears? (?:of|that)|risk of|prevent(?:ing)?|avoid(?:ing)?|in case of|pretext for|"
    r"bracing for|prepar(?:e|es|ed|ing) for|readiness for|vow(?:s|ed)? to|will|anticipat\w*|"
    r"call(?:s|ed)? for|demand(?:s|ed)?|ban on|prohibit\w*|"
    r"(?<![\w-])(?:planned|upcoming|scheduled|proposed|forthcoming)|"
    r"(?<!unclear )(?<!unknown )(?<!asked )(?<!know )(?<!known )(?<!as )(?<!even )if)\b"
    # ... up to the trigger, unless a clause of what did happen begins between ("vowed to
    # retaliate after a Saudi-led air strike killed 30")
    r"(?:(?!\b(?:after|following|because|since|amid|when)\b)[^.;:\"]){0,30}$",
    re.IGNORECASE)


#: a sentence that tells an agreement failed, was sought, broken or is still to be voted on
#: tells no agreement:
#: "attempts at securing a truce have faltered", "struggling to broker a ceasefire",
#: "rejected a plea ... burying any hope for the revival of the ceasefire"
_NO_AGREEMENT = re.compile(
    r"\b(?:collaps\w*|falter\w*|fail\w*|broke down|break(?:s|ing)? down|violat\w*|breach\w*|"
    r"struggl\w*|attempts?|efforts? to|hopes? (?:for|of)|revival|rejected|declared [\w\s-]{0,30} over|"
    r"calls? for|urged|pushing for|seek(?:s|ing)?|sought|expired|scrapped|rescinded|"
    # ... or is still to be voted on or discussed ("as the UN Security Council delayed a
    # vote on a ceasefire")
    r"vot(?:e|es|ed|ing) on|draft resolution|delayed a vote|postponed a vote|discuss(?:es|ed|ing)?)\b",
    re.IGNORECASE)


def failed_agreement(text: str, sentence: tuple[int, int]) -> bool:
    """True when the sentence tells that an agreement failed, was sought or was broken."""
    return bool(_NO_AGREEMENT.search(text, sentence[0], sentence[1]))


#: the start of a war told as background: what follows it in the sentence ("since the
#: conflict began in March 2011 with anti-government protests") is no event of the report
_WAR_BEGAN = re.compile(
    r"\b(?:since|when|after)\s+(?:the\s+|a\s+|its\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:conflict|war|civil war|uprising|crisis|revolt|revolution|insurgency)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:began|begun|erupted|broke out|started|flared)\b", re.IGNORECASE)


#: how far before a trigger the start of a war is looked for (a bound, so that a text
#: of one endless sentence costs no more than one of many)
_WAR_BEGAN_REACH = 300


def war_background(text: str, start: int, sentence_start: int) -> bool:
    """True when the trigger follows, in its sentence, the start of a war told as
    background ("... since the conflict began in March 2011 with anti-government protests")."""
    return bool(_WAR_BEGAN.search(text, max(sentence_start, start - _WAR_BEGAN_REACH), start))


#: a time after an earlier act: "Just days after a deadly Assad regime chemical attack a
#: woman was killed ...", "weeks after the killing of", "a week after Ukrainian forces
#: recaptured the city": the act is the background of the sentence's news, told (if at
#: all) where the report tells it
_TIME_AFTER = re.compile(
    r"\b(?:(?:just|only|barely|shortly|soon|hours|days|weeks|months|a\s+(?:day|week|month|year)|"
    r"(?:two|three|four|five|six|several|a\s+few|few|\d+)\s+(?:hours|days|weeks|months))\s+)+after\s+"
    r"(?:(?:a|an|the|last\s+\w+['’]?s?|this\s+\w+['’]?s?|[\w-]+['’]s)\s+)?"
    r"(?:(?!(?:the|a|an|his|her|their|its|and)\s)[\w'’-]+\s+){0,4}$", re.IGNORECASE)


#: an act told as a habit over years, not as a happening: "Al-Shabaab has killed several
#: journalists in recent years", "security forces have arrested hundreds over the past decade",
#: "Iran has executed 582 people so far this year"
_HABIT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:(?:also|repeatedly|regularly|often|frequently|previously)\s+)?$",
                           re.IGNORECASE)
_HABIT_SPAN = re.compile(r"\b(?:in\s+recent\s+(?:years|decades)|over\s+the\s+(?:past|last)\s+(?:few\s+|several\s+|"
                         r"\w+\s+)?(?:years|decades?)|over\s+the\s+years|for\s+(?:years|decades)|"
                         # ... or as a period's tally: "have executed 582 people so far this year"
                         r"so\s+far\s+(?:this\s+(?:year|month)|in\s+(?:19|20)\d\d)|(?:this|last)\s+year\s+alone|"
                         r"since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year)\b", re.IGNORECASE)


def habitual(text: str, start: int, sentence: tuple[int, int], spans: dict | None = None) -> bool:
    """True when the trigger tells an act as a habit over years (present perfect, with a
    span of years in its sentence): background, no event. ``spans`` caches, per sentence,
    whether it tells a span of years (a long sentence is searched once)."""
    if not _HABIT_BEFORE.search(text, max(sentence[0], start - 40), start):
        return False
    if spans is None:
        return bool(_HABIT_SPAN.search(text, *sentence))
    if sentence not in spans:
        spans[sentence] = bool(_HABIT_SPAN.search(text, *sentence))
    return spans[sentence]


def time_after(text: str, start: int, sentence_start: int) -> bool:
    """True when the trigger names the earlier act a sentence's news came days after."""
    return bool(_TIME_AFTER.search(text[max(sentence_start, start - 90):start]))


#: protests (and riots) told as the backdrop of the sentence's news, not as an event of it: "shot dead
#: ..., as anti-government protests continued across the country", "amid weeks of
#: protests", "killed on his way home from a protest", "an interview to Al Jazeera about
#: student protests", the charge of one tried ("convicted of inciting violent anti-government
#: protests", "charges related to the Gezi Park protests of 2013")
_PROTEST_BACKDROP_BEFORE = re.compile(
    r"(?:\b(?:as|while)\s+(?:[\w-]+\s+){0,3}|\bamid\s+(?:(?:the\s+)?(?:ongoing|continuing|continued|nationwide|"
    r"mass|widespread|weeks\s+of|months\s+of|days\s+of)\s+)(?:[\w-]+\s+){0,2}|"
    r"\b(?:home|back|returning)\s+from\s+(?:a|an|the)\s+(?:[\w-]+\s+)?|"
    r"\b(?:interviews?|spoke|speaking|talked|talking|wrote|writing|articles?|reports?|comments?)\s+"
    r"(?:(?!about\b)[\w-]+\s+){0,4}about\s+(?:the\s+)?(?:[\w-]+\s+)?|"
    # ... or what a bomb was thrown at ("A grenade attack on a political rally in Goma killed
    # three": the blast's dead, no protest of its own)
    r"\b(?:(?:grenade|bomb|suicide|rocket|mortar|drone)\s+attacks?|bombings?|blasts?|explosions?|air\s*strikes?)\s+"
    r"(?:on|at|targeting|against|during|near)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}|"
    # ... or what someone's work was on ("after her reporting on the Gujarat riots")
    r"\b(?:reporting|coverage|documentary|documentaries|book|film|articles?|stories|story|writings?|research)\s+"
    r"(?:on|of|into)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}|"
    r"\b(?:convicted|charged|accused|sentenced|indicted|prosecuted|tried|guilty)\s+(?:\w+\s+){0,3}?(?:of|for|with|over)\s+"
    r"(?:inciting|organi[sz]ing|leading|participating\s+in|taking\s+part\s+in|joining|calling\s+for|instigating)\s+"
    r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}|"
    r"\bcharges?\s+(?:related\s+to|linked\s+to|over|in\s+connection\s+with|stemming\s+from|arising\s+from)\s+"
    r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}|"
    # ... what one is punished for, far from the verb ("sentenced X to seven years in a penal
    # colony on Tuesday for organising mass riots", "on charges of organising mass riots during
    # the 2020 protests")
    r"\b(?:for|charges?\s+of)\s+(?:inciting|organi[sz]ing|instigating|leading|participating\s+in|taking\s+part\s+in|"
    r"supporting|backing|endorsing|encouraging|attending|joining|calling\s+for|covering|filming|reporting\s+on)\s+"
    r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}(?:(?:during|in|at)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2})?|"
    # ... or for words said there ("charged with royal defamation over a speech at a rally")
    r"\b(?:over|for)\s+(?:(?:a|an|the|his|her|their)\s+)?(?:speech|speeches|remarks|comments|address|poem|song|"
    r"slogans?|performance)\s+(?:(?:he|she|they)\s+(?:made|gave|delivered|read|recited|sang)\s+)?(?:at|during)\s+"
    r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3})$", re.IGNORECASE)
#: ... and what someone is tried for, however far the charge's words are from it ("indicted
#: Osman Kavala on charges of attempting to overthrow the government over the 2013 Gezi Park
#: protests", "sentenced five students for their role in the protests")
_TRIED_OVER_BEFORE = re.compile(
    r"\b(?:indicted|charged|prosecuted|convicted|sentenced|tried|accused)\b[^.;:]{0,100}?\s"
    r"(?:over|for\s+(?:his|her|their)\s+(?:role|part|involvement)\s+in)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE)
#: how far before a word of protest the charge's words are looked for
_TRIED_OVER_REACH = 160
_PROTEST_GOES_ON = re.compile(r"\s+(?:continued|went\s+on|persisted|spread|raged|swept|continue)\b", re.IGNORECASE)


#: an act told as the start of a span: "killed since protests against President Daniel Ortega
#: began in April"
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_ACT_BEGAN = re.compile(r"(?:\s+[\w'’.-]+){0,5}?\s+(?:began|started|erupted|broke\s+out)\b", re.IGNORECASE)


def span_start(text: str, start: int, end: int, sentence_start: int) -> bool:
    """True when the trigger names what a span began with ("since protests ... began")."""
    return bool(_SINCE_BEFORE.search(text[max(sentence_start, start - 40):start]) and _ACT_BEGAN.match(text, end))


def protest_backdrop(text: str, start: int, end: int, sentence_start: int) -> bool:
    """True when a word of protest names the backdrop of the sentence's news (see
    :data:`_PROTEST_BACKDROP_BEFORE`): after "amid" with a word of duration or extent, after
    "home from", after words spoken or written "about" it, in the charge someone was tried
    on or what they were tried over (:data:`_TRIED_OVER_BEFORE`), or after "as" when the
    protests go on ("as protests continued")."""
    m = _PROTEST_BACKDROP_BEFORE.search(text[max(sentence_start, start - 60):start])
    if m is None:
        return bool(_TRIED_OVER_BEFORE.search(text, max(sentence_start, start - _TRIED_OVER_REACH), start))
    return not m.group(0).lower().startswith(("as", "while")) or bool(_PROTEST_GOES_ON.match(text, end))


#: arms that back a force's act (:data:`~marsad.extract.cues.BACKED`): the support of the act
#: the sentence tells, no act of its own
_BACKING = re.compile(BACKED + r"\s+(?:[A-Za-z'’.-]+\s+){0,4}$", re.IGNORECASE)
_BACKING_ARMS = re.compile(
    r"(?:air\s*strikes?|airstrikes?|air\s*raids?|(?:war)?planes?|(?:fighter\s+)?jets?|aircraft|helicopters?|"
    r"drones?|artillery|tanks?|shelling|bombardments?|air\s*power)$", re.IGNORECASE)


def backing(text: str, start: int, end: int, sentence_start: int, cue: CueBefore) -> bool:
    """True when the trigger names arms that back another act of its sentence ("regime
    forces backed by Russian air strikes retook the village"); ``cue``: the backing words of
    the text, found once (:class:`~marsad.extract.base.CueBefore`)."""
    if not _BACKING_ARMS.match(text, start, end) or not cue.near(start):
        return False
    return bool(_BACKING.search(text[max(sentence_start, start - 70):start]))


#: words right before a trigger that deny it happened: "no arrests were reported", "no one
#: was injured", "they were not detained", "never attacked" (not "not only arrested")
_DENIED_BEFORE = re.compile(r"(?:\b(?:no|zero|without(?:\s+any)?)(?:\s+(?:immediate|further|other|new|reported|"
                            r"known|major|serious))?|\b(?:nobody|no\s+one|none)\s+(?:was|were|has\s+been|have\s+been|"
                            r"had\s+been|got)|\b(?:was|were|is|are|has|have|had)\s+(?:not|never)(?:\s+been)?|"
                            r"\bnever(?:\s+been)?)\s+$", re.IGNORECASE)


def denied(text: str, start: int, sentence_start: int) -> bool:
    """True when the words right before a trigger deny it happened."""
    return bool(_DENIED_BEFORE.search(text, max(sentence_start, start - 30), start))


#: a trigger told as what may come to be: "renewed fighting could erupt", "violence might
#: spread" (not "the attack could have been prevented": a counterfactual of what happened)
_MAY_HAPPEN_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:could|would|might|may)\s+(?:well\s+|soon\s+|again\s+)?"
                               r"(?:erupt|break\s+out|resume|spread|escalate|follow|occur|happen|ensue|spiral|flare)\b",
                               re.IGNORECASE)


def hypothetical(text: str, start: int, sentence_start: int, end: int | None = None) -> bool:
    """True when the words before a trigger, in its sentence, make it hypothetical, or
    (given its ``end``) the words right after it tell it as what may come to be."""
    return bool(_HYPOTHETICAL.search(text[max(sentence_start, start - 60):start])) or (
        end is not None and _MAY_HAPPEN_AFTER.match(text, end) is not None)


#: the sub-types of a change of territory (read by events too)
TERRITORY = frozenset({"government_regains_territory", "non_state_actor_overtakes_territory"})

#: words that make a change of territory only tried, so that what happened is a clash:
#: "repelled an attempt by regime forces to advance on", "tried to storm and capture the
#: village", "a failed bid to retake"
_THWARTED = re.compile(
    r"\b(?:attempt(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|bids?|fail(?:s|ed|ing)?|"
    r"unsuccessful(?:ly)?|seek(?:s|ing)?|sought|aim(?:s|ed|ing)?)\b"
    r"(?:(?!\b(?:after|and then|before|following|when|while)\b)[^.;:\"]){0,60}$", re.IGNORECASE)


#: a change of territory without fighting: "took control of Kidal after rebels withdrew
#: without a fight", "entered the town unopposed"
_UNOPPOSED = re.compile(r"\bwithout (?:a |any )?(?:fight|fighting|resistance|(?:a |any )?(?:shot|shots) (?:being )?fired|"
                        r"firing a (?:single )?shot)|\bunopposed\b|\bpeacefully\b", re.IGNORECASE)


def thwarted(text: str, start: int, sentence_start: int) -> bool:
    """True when the words before a change of territory, in its sentence, tell it was
    only tried ("an attempt by regime forces to advance on")."""
    return bool(_THWARTED.search(text[max(sentence_start, start - 70):start]))


@component("triggers", reads=("text", "sentences", "masked"), assigns=("triggers",))
def triggers(ctx: Context) -> None:
    """Find event triggers (ACLED type and sub-type) outside page furniture, leaving out
    hypothetical ones ("warns against new strikes", "a possible attack"), agreements
    that failed or are only sought ("attempts at a truce have faltered"), what a
    sentence tells of how a war began ("since the conflict began with protests"), the
    earlier act its news came days after ("days after a chemical attack, a bomb ..."),
    arms that only back the sentence's act ("troops backed by Russian air strikes") and
    protests that are only the backdrop of its news ("as protests continued", "since
    protests against the president began in April"); a battle a span began with is left,
    as it is often the report's news ("killed since the rebel assault began on Sunday")."""
    lex = load_lexicon()
    found = []
    no_agreement: dict[int, bool] = {}     # per sentence: it is searched once
    backed = cue_before(ctx, "backed", _BACKING, 70)
    unopposed: dict[int, bool] = {}
    habit_spans: dict[tuple[int, int], bool] = {}
    for s, e, typ, sub, strength, weight in find_triggers(ctx.text, lex):
        if ctx.is_masked(s, e):
            continue
        sent = ctx.sentence_of(s)
        if sent < 0:
            continue
        if typ != "violence" and hypothetical(ctx.text, s, ctx.sentences[sent][0], e) \
                or denied(ctx.text, s, ctx.sentences[sent][0]):
            continue
        if sub == "agreement":
            if sent not in no_agreement:
                no_agreement[sent] = failed_agreement(ctx.text, ctx.sentences[sent])
            if no_agreement[sent]:
                continue
        if war_background(ctx.text, s, ctx.sentences[sent][0]) or time_after(ctx.text, s, ctx.sentences[sent][0]) \
                or habitual(ctx.text, s, ctx.sentences[sent], habit_spans) \
                or backing(ctx.text, s, e, ctx.sentences[sent][0], backed) \
                or typ == "protests" and span_start(ctx.text, s, e, ctx.sentences[sent][0]) \
                or typ in ("protests", "riots") and protest_backdrop(ctx.text, s, e, ctx.sentences[sent][0]):
            continue
        if sub in TERRITORY and thwarted(ctx.text, s, ctx.sentences[sent][0]):
            sub = "armed_clash"        # fighting happened; the territory did not change hands
        elif sub in TERRITORY:
            if sent not in unopposed:  # each sentence is searched once
                unopposed[sent] = bool(_UNOPPOSED.search(ctx.text, *ctx.sentences[sent]))
            if unopposed[sent]:
                typ, sub = "strategic_developments", "non_violent_transfer_of_territory"
        found.append(Trigger(s, e, ctx.text[s:e], typ, sub, sent, weight, strength))
    ctx.triggers = found
