"""The words that open the cue phrases stages look for right before a name or a number,
found in one scan of a report.

Several stages ask whether a phrase ends right before a position: a side's patron
("rebels backed by Turkey": places), where the wounded were carried ("taken to a hospital
in Reyhanli": places and events), a journey ("his flight from Athens to": places and
events), arms that back an act ("troops backed by Russian air strikes": triggers), a
running total ("bringing the number of social leaders killed this year to 215": figures).
A :class:`~marsad.extract.base.CueBefore` searches its phrase only near where one of its
opening words ends; the opening words of all of them are one
:class:`~marsad.extract.alternation.Alternation`, scanned once a report
(:func:`cue_before`), not once a phrase.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .alternation import Alternation
from .base import Context, CueBefore

#: before a state or its capital named as a side's patron ("rebels backed by Turkey",
#: "militias loyal to Damascus"): who backs, not where
PATRON = (r"\b(?:(?:backed|supported|funded|financed|armed|sponsored|aided)\s+by|"
          r"(?:loyal|allied|close|linked|aligned|affiliated|answerable)\s+(?:to|with))")
#: before where the wounded or dead were carried ("the wounded were taken to a hospital in
#: Reyhanli", "victims brought to Turkey", "rushed to hospitals in"): not where it happened
CARRIED = (r"\b(?:taken|rushed|brought|transferred|evacuated|transported|flown|airlifted|moved|admitted|"
           r"treated|hospitali[sz]ed|carried)\s+(?:to|in|at|into)")
#: the course of a journey: "his flight from Athens to Vilnius", "a bus travelling from
#: Aleppo to Hama", "flew to Istanbul", "on his way to Hathras": where someone came from or was
#: headed (not where one was returned, deported or extradited to, where what the report tells
#: befell them)
ROUTE = (r"\b(?i:flights?|planes?|airliner|bus|buses|train|ferry|boat|trip|journey|travel\w*|fl(?:y|ying|ew|own)|"
         r"route|en\s+route|headed|heading|bound|(?:his|her|their|the)\s+way)")
#: arms that back a force's act ("troops backed by Russian air strikes advanced", "the SDF,
#: supported by air strikes from a US-led coalition, launched an offensive", "under the
#: cover of heavy shelling"): the support of the act the sentence tells, no act of its own
BACKED = (r"\b(?:(?:backed|supported|aided|assisted|covered|helped|bolstered)\s+by|with\s+(?:the\s+)?(?:air\s+)?"
          r"(?:support|backing|cover|help)\s+(?:of|from)|under\s+(?:the\s+)?(?:air\s+)?cover\s+of)")
#: a running total the day's dead are added to: "bringing the number of social leaders
#: killed this year to 215", "raising the toll since January to 40"
RUNNING_TOTAL = (
    r"\b(?:bringing|brings|bring|brought|raising|raises|raised|pushing|pushes|taking|takes|increasing)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:total\s+|overall\s+|cumulative\s+|annual\s+)?"
    r"(?:number|toll|tally|total|count|death\s+toll|figure)\b")

#: the cues by name, in the order of the alternation's alternatives
OPENERS = {"patron": PATRON, "carried": CARRIED, "route": ROUTE, "backed": BACKED, "running_total": RUNNING_TOTAL}


@lru_cache(maxsize=1)
def load_openers() -> Alternation:
    """The opening words of every cue as one alternation (built on first use; loaded by
    :meth:`~marsad.extract.pipeline.Pipeline.warm` before workers fork)."""
    return Alternation(list(OPENERS.values()))


def opener_ends(text: str) -> dict[str, list[int]]:
    """Where in ``text`` each cue's opening words end (sorted, once each), in one scan: every match of
    every cue at every word start, so that one cue's words hide no other's ("brought to"
    opens where the wounded were carried, "brought the toll" a running total)."""
    names = list(OPENERS)
    ends: dict[str, list[int]] = {name: [] for name in names}
    for _s, e, i in load_openers().every(text):
        ends[names[i]].append(e)
    return {name: sorted(set(found)) for name, found in ends.items()}


def report_opener_ends(ctx: Context) -> dict[str, list[int]]:
    """:func:`opener_ends` of the report, found once and shared by the stages."""
    return ctx.derived("cue_openers", lambda: opener_ends(ctx.text))


def cue_before(ctx: Context, name: str, pattern: re.Pattern, reach: int) -> CueBefore:
    """Whether ``pattern`` (which opens with the cue ``name``'s words, anchored at its end)
    ends right before a position; the report is scanned for all cues' words once."""
    return CueBefore(ctx.text, report_opener_ends(ctx)[name], pattern, reach)
