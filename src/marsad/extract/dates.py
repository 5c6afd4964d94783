"""Stage ``dates``: the dateline and every date expression, resolved to calendar dates.

Pure regular expressions, no model and no ``dateparser`` (it costs milliseconds per
call; these rules cost well under a millisecond per article).

* **Dateline** (``ctx.dateline``, kind ``dateline``): the first full date (day, month
  and year) near the start of the text (first :data:`DATELINE_WINDOW` characters), in
  the forms news uses: "Sun 16 Apr 2017", "Thursday 01 September 2016 20:22",
  "30-06-2016", "24.08.2013", "Monday 10/07/2016", "Date of publication 4 April 2017",
  "April 4, 2017", "Fri Sep 27 2013", "2017-04-04", "Last updated at Apr 232017" (day
  glued to the year). Numeric forms are read day first (news of this region) unless
  that is impossible ("04/23/2017" is 23 April). A date right after a preposition
  ("on", "since", ...; "on (July 27, 2012)" too) is prose, not a dateline. "BEIRUT
  (Reuters) -" has no date: no dateline. A wire dateline without its year ("DAMASCUS, March
  8 (Reuters) -") is the dateline when the metadata give the publication date, and no date
  of anything either way. The publication date is ``meta["published"]``
  when given, else the dateline (:attr:`Context.published`).
* **Dates in the text** (``ctx.dates``, in text order, the dateline not repeated):
  absolute dates ("4 April 2017", "on April 4" -> the most recent 4 April on or before
  publication; a day-month more than 60 days ahead of publication is taken as last
  year's, a nearer future one is skipped unless told as done ("was detained ... on 28
  July"); "June 5 last year", "in January last year"
  take the year named, and a day the report has told with its year takes that year
  again: "on Sept 11, 2012" ... "on Sept 11"), months ("in March 2025", "in March",
  "last November": the last one before the publication's month, "this March",
  "earlier this month", "last month", "three months ago": precision 3; narrowed by the
  words before them: "early March" 1-10, "mid-June" 11-20, "late May" and "the end of
  June" 21 to the last day, "the first week of February" 1-7, "the last week of January"
  its last seven days, a part still to come being last year's), seasons ("last autumn",
  "this summer", "the summer of 2019", "spring 2015": the season's months in the
  northern hemisphere, precision 3; a winter is named by its December, and "the winter of
  2019" is the year), years ("in
  2012", "since 2011", "the end of 2020", "two years ago", and a
  year before the noun it dates: "the 2012 murder case"; precision 3; "last year" and
  "this year" alone are not dates: they are most often a comparison, "more than last
  year", or a running count, "so far this year"; "last year" right after what befell
  someone is, "was arrested last year", "shot him late last year", and so is "last year"
  opening a sentence as its time, "Last year, police killed ..."), weekdays ("on Tuesday", "Saturday evening",
  "late on Monday", "Monday night": the most recent such weekday on or before
  publication, the publication weekday being the publication day itself; "last
  Tuesday" on a Tuesday is a week before; "next Tuesday", a day still to come
  ("scheduled for Thursday", "will appear in court on Friday") and named days, "Bloody
  Sunday", "Black Friday", are skipped; the days of Easter are dates of their year, "the
  2019 Easter Sunday bombings", else of the last two weeks), relative
  expressions ("yesterday", "today", "last night", "overnight", "two days ago", "past
  24 hours", "the last three days": those days up to publication, "last week" and "this
  week": precision 2; "over the weekend": the last Saturday
  and Sunday; "earlier this year": January to publication, precision 3), and ranges ("since
  Thursday" = that Thursday to publication; "between Monday and Wednesday", "on Friday and
  Saturday", "late on Sunday and early on Monday"; "from 6 to 8 March"; "6-8 March";
  "March 6-8"; "from March 1 to March 4", "between 28 February and 3 March").
* Precision is ACLED's time precision: 1 the day is known, 2 the week, 3 the month.
  A range is precision 1 up to 7 days, 2 up to a month, else 3.
* Without a publication date, nothing relative is resolved (never invented): only
  dates that carry their year are kept.

Every :class:`DateMention` carries its ``sentence`` (index into ``ctx.sentences``, -1
when the text has no sentences).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from typing import Iterable

from .base import Context, DateMention, component

__all__ = ["find_dateline", "find_dates", "resolve_weekday", "since_before", "time_after_act", "dates_stage",
           "DATELINE_WINDOW"]

#: how far into the text a dateline may start
DATELINE_WINDOW = 250

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
_FULL_WD = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_FULL_MON = "January|February|March|April|May|June|July|August|September|October|November|December"
_FULL_MONTHS = frozenset(_FULL_MON.lower().split("|"))
#: the full English names, capitalised (other stages tell them from names of places)
MONTH_NAMES = tuple(_FULL_MON.split("|"))
WEEKDAY_NAMES = tuple(_FULL_WD.split("|"))
_ABBR_MON = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# month names: capitalised (or all capitals); abbreviations take an optional dot
_MON = rf"(?P<mon>(?:{_FULL_MON}|{_FULL_MON.upper()})\b|(?:{_ABBR_MON}|{_ABBR_MON.upper()})\b\.?)"
_MON2 = _MON.replace("?P<mon>", "?P<mon2>")
_WD_ANY = rf"(?:(?:{_FULL_WD}|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\b\.?,?\s+)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = _DAY.replace("?P<day>", "?P<day2>")
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# full dates (day, month, year)
_FULL_DATES = [
    # 16 Apr 2017, Thursday 01 September 2016, 4th of April 2017
    re.compile(rf"{_WD_ANY}?\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}(?!\d)"),
    # Fri Sep 27 2013, April 4, 2017
    re.compile(rf"{_WD_ANY}?\b{_MON}\s+{_DAY},?\s+{_YEAR}(?!\d)"),
    # Apr 232017 (day glued to the year)
    re.compile(rf"{_WD_ANY}?\b{_MON}\s+(?P<day>[0-3]?\d){_YEAR}(?!\d)"),
    # 30-06-2016, 24.08.2013, Monday 10/07/2016 (day first unless impossible)
    re.compile(rf"{_WD_ANY}?(?<![\d.\-/])(?P<a>\d{{1,2}})(?P<sep>[./\-])(?P<b>\d{{1,2}})(?P=sep){_YEAR}(?!\d)"),
    # 2017-04-04
    re.compile(rf"(?<![\d.\-/]){_YEAR}-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?![\d])"),
]
_DATELINE_PROSE = re.compile(
    r"\b(?:on|in|since|from|until|till|to|between|and|before|after|of|by|at|during|than)\s*[(\"'“‘]?\s*$",
    re.IGNORECASE)
_DATELINE_PREFIX = re.compile(
    r"\b(?:posted|published|updated|publication|released|dated?|issued)\s+(?:on|at|in)?\s*$",
    re.IGNORECASE)

# dates without a year (resolved against publication)
_DAY_MON = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?![\w])(?!\.?,?\s+(?:19|20)\d\d)")
_MON_DAY = re.compile(rf"\b{_MON}\s+{_DAY}\b(?!,?\s*(?:19|20)\d\d)(?!\s*-\s*\d)")
# a year alone after a preposition ("in 2012", "since 2011"), not part of a longer date
_PART_OF = r"(?:(?:end|beginning|start|middle|fall|winter|(?:first|second|third|fourth|last|final)\s+week)\s+of|" \
           r"(?:spring|summer|autumn)(?:\s+of)?)"
_YEAR_ONLY = re.compile(rf"\b(?P<prep>in|since|during|throughout|early|late|mid|{_PART_OF})[\s-]+"
                        r"(?P<year>(?:19[5-9]|20[0-4])\d)(?![\d/-])(?!\.\d)(?!\s*[-–]\s*\d)", re.IGNORECASE)
# a year before the noun it dates ("the 2012 murder case", "the 1985 TWA hijacking", "a
# 2015 drone strike", "after 2019 labor protests"), not a count of people or things ("the
# 2000 residents") nor a year that ends a phrase ("after 2019 the group split")
_YEAR_ATTR = re.compile(r"\b(?P<prep>the|its|his|her|their|this|that|a|an|after|before|following|amid|"
                        r"despite)\s+(?P<year>(?:19[5-9]|20[0-4])\d)"
                        r"(?=\s+[A-Za-z])(?!\s+(?:people|persons|civilians|residents|fighters|soldiers|"
                        r"troops|families|children|women|men|members|militants|rebels|refugees|"
                        r"prisoners|detainees|students|workers|migrants|homes|houses|buildings|"
                        r"others|of|to|and|or|in|on|at|were|are|was|is|the|a|an|he|she|it|they|we|his|"
                        r"her|its|their|when|as|but)\b)", re.IGNORECASE)
# month and year; month alone after a preposition
_MON_YEAR = re.compile(rf"\b(?:(?:in|since|of|during|early|late|mid|until|by)[\s-]+)?{_MON}\s+{_YEAR}(?!\d)")
_MON_ONLY = re.compile(rf"\b(?P<prep>(?i:in|since|during|early|late|mid|earlier\s+in|late\s+in|early\s+in|"
                       rf"last|this(?:\s+past)?|{_PART_OF}))"
                       rf"[\s-]+{_MON}(?!\s*\d)(?!\w)")
# "June 5 last year", "in January last year", "the end of June this year": the year named
_WHICH_YEAR = re.compile(r",?\s+(?:of\s+)?(?P<which>last|this)\s+year\b", re.IGNORECASE)
# day ranges: from 6 to 8 March, 6-8 March, March 6-8, between 6 and 8 March; across two
# months or with the month told twice: from March 1 to March 4, between 28 February and 3 March
_TWO_DAYS = [
    re.compile(rf"\b(?i:from|between)\s+{_DAY}\s+(?:of\s+)?{_MON}\s+(?i:to|and|until|till|through)\s+"
               rf"{_DAY2}\s+(?:of\s+)?{_MON2}(?:,?\s+{_YEAR})?(?!\w)"),
    re.compile(rf"\b(?i:from|between)\s+{_MON}\s+{_DAY}\s+(?i:to|and|until|till|through)\s+"
               rf"{_MON2}\s+{_DAY2}(?:,?\s+{_YEAR})?(?!\w)"),
]
_DAY_RANGE = [
    re.compile(rf"\b(?:from\s+|between\s+)?{_DAY}\s*(?:-|–|to|and|until)\s*{_DAY2}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?(?!\w)"),
    re.compile(rf"\b(?:from\s+|between\s+)?{_MON}\s+{_DAY}\s*(?:-|–|to|and|until)\s*{_DAY2}(?:,?\s+{_YEAR})?(?!\w)"),
]
# weekday expressions
_WD = rf"(?P<wd>{_FULL_WD}|{_FULL_WD.upper()})(?:['’]s)?"
_WD2 = _WD.replace("?P<wd>", "?P<wd2>")
_WD_MOD_L = r"(?P<mod>(?:(?:late|early|overnight|last|next|this|coming)\s+)?(?:on\s+)?)"
_WD_MOD_R = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
_SINCE_WD = re.compile(rf"\b(?i:since|starting|beginning)\s+(?i:late\s+|early\s+|last\s+)?{_WD}{_WD_MOD_R}\b")
_BETWEEN_WD = re.compile(rf"\b(?i:between|from)\s+{_WD}{_WD_MOD_R}\s+(?:and|to|until|till|through)\s+{_WD2}{_WD_MOD_R}\b")
_AND_WD = re.compile(rf"\b(?i:on|over)\s+{_WD}{_WD_MOD_R}\s+(?:and|&)\s+(?i:(?:late|early)\s+)?(?i:on\s+)?"
                     rf"{_WD2}{_WD_MOD_R}\b")
_WEEKDAY = re.compile(rf"(?i:\b{_WD_MOD_L})\b{_WD}{_WD_MOD_R}(?!\w)")
# cheap anchors (case-sensitive literal alternations are scanned fast): the patterns
# above run only in small windows around them
_YEAR_ANCHOR = re.compile(r"(?:19|20)\d\d")
_MONTH_ANCHOR = re.compile(
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC")
_WEEKDAY_ANCHOR = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY")
_RELATIVE_ANCHOR = re.compile(
    r"yesterday|Yesterday|today|Today|tonight|Tonight|this|This|last|Last|overnight|Overnight|"
    r" ago|past|Past|previous|Previous|recent|Recent|YESTERDAY|TODAY|weekend")
_SINCE_DATE = re.compile(r"\bsince\s+$", re.IGNORECASE)
#: a word that makes a weekday's name a named day, not the last such weekday: "Bloody
#: Sunday", "Easter Sunday", "Good Friday", "Black Friday", "Super Tuesday", "Ash Wednesday"
#: (the days of Easter are dated by :func:`easter_day`)
_NAMED_DAY_BEFORE = re.compile(r"\b(?:Easter|Bloody|Black|Good|Palm|Holy|Ash|Super|Cyber|Maundy|Shrove|Orthodox)"
                               r"[\s“”\"'‘’]+$")

#: a day still to come: "a hearing has been scheduled for Thursday", "the vote is set for
#: Monday", "he will appear in court on Friday" (a weekday alone is read as the last one)
_FUTURE_BEFORE = re.compile(
    r"(?:\b(?:scheduled|set|slated|planned|due|postponed|adjourned|deferred|rescheduled)\s+(?:for|to|until|till)\s+"
    r"|\bdue\s+(?:on\s+)?|\bwill\s+(?:[\w-]+\s+){1,3}?)(?:on\s+)?(?:this\s+)?$", re.IGNORECASE)


#: how long after an act the report is: "three years after the murder of", "a year since the
#: killing of", "six months after the disappearance of" (dates the act as "three years ago"
#: would; the span is the length of time)
_SPAN_AFTER_ACT = re.compile(
    r"\b(?P<rel>(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?P<unit>weeks?|months?|years?))"
    r"\s+(?:after|since)(?=\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:(?:brutal|cold-blooded|violent|targeted|"
    r"enforced|arbitrary|unlawful)\s+)?(?:murder|killing|assassination|execution|disappearance|abduction|"
    r"kidnapping|arrest|detention|massacre|bombing|attack)\b)", re.IGNORECASE)
_AFTER_ANCHOR = re.compile(r" (?:after|since|After|Since) ")
#: the last sentence of a report's lede: a length of time after an act told there is
#: counted to the news ("Three years after the murder of X, a court acquitted ..."); further
#: on it is most often counted to a past told before ("Ten weeks after his arrest, police
#: transferred him"), which this reading cannot date: no date
_LEDE = 1


def time_after_act(m: DateMention) -> bool:
    """The date is a length of time after an act ("three years after the murder of X")."""
    return m.kind == "relative" and m.text.endswith((" after", " since", " After", " Since"))


#: "last year" right after what befell someone ("was arrested last year", "killed late last
#: year", "detained in Minsk last year"): that year. Alone it is no date (a comparison, "more
#: than last year"; a running count after a verb of counting, "recorded last year")
_LAST_YEAR = r"(?:(?:in\s+)?(?:early|late)\s+)?last\s+year"
_ACT_LAST_YEAR = re.compile(
    r"\b(?P<verb>[a-z]+ed|shot|held|taken|beaten|slain|found|caught|thrown|struck|seized)\s+(?:(?:him|her|them)\s+)?"
    # (where, told between: "was detained in Minsk last year")
    r"(?:(?:in|near|at|outside)\s+(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+)?"
    r"(?P<when>" + _LAST_YEAR + r")\b(?!['’])")
#: ... or opening a sentence as its time: "Last year, security forces killed ...", "Late last
#: year, ..." (not "Since last year," the start of a span)
_FRONT_LAST_YEAR = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=\n))"
                              r"(?P<when>(?i:" + _LAST_YEAR + r"))\s*,")
#: ... nor after the words of a count compared: "exceeding the total number killed last year",
#: "more than were killed last year"
_COMPARED_BEFORE = re.compile(r"\b(?:number|numbers|total|toll|tally|figures?|than|compared|record|many|"
                              r"count|twice|half|all)\s+(?:(?:of\s+)?[\w-]+\s+){0,2}$", re.IGNORECASE)
_COUNTING_VERBS = frozenset(
    "recorded registered reported documented counted compared expected estimated planned increased "
    "decreased doubled tripled peaked dropped declined jumped surged listed ranked rated "
    "announced launched started introduced passed adopted approved published released issued "
    "signed elected founded created established formed opened closed ended received".split())


_NUMWORD = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "a": 1}
_RELATIVE = re.compile(
    r"\b(?P<rel>the\s+day\s+before\s+yesterday|yesterday|earlier\s+today|today|tonight|"
    r"this\s+(?:morning|afternoon|evening)|last\s+night|overnight|"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago|"
    r"(?:the\s+)?(?:past|last|previous)\s+(?P<hours>24|48|72|twenty-four|forty-eight)\s+hours|"
    r"(?:the\s+)?(?:past|last|previous)\s+(?:week|seven\s+days|few\s+days|several\s+days)|recent\s+days|"
    r"(?:the\s+)?(?:past|last|previous)\s+(?P<ndays>two|three|four|five|six|2|3|4|5|6)\s+days|"
    r"(?:late\s+|early\s+)?last\s+week(?:end)?|(?:earlier\s+|late\s+|early\s+)?this\s+week(?:end)?|"
    r"(?:over|during|at|on)\s+the\s+weekend|"
    r"(?:earlier\s+|late\s+|early\s+)?this\s+month|(?:late\s+|early\s+)?last\s+month|"
    r"earlier\s+(?:in\s+)?this\s+year|"
    r"(?:late\s+|early\s+)?(?P<which>last|this(?:\s+past)?|past)\s+(?P<season>spring|summer|autumn|fall|winter))\b",
    re.IGNORECASE)


# -- helpers -------------------------------------------------------------------------------


def _month(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def resolve_weekday(weekday: int, published: dt.date, last: bool = False) -> dt.date:
    """The most recent ``weekday`` (0 = Monday) on or before ``published``.

    The publication weekday is the publication day itself, unless ``last`` ("last
    Tuesday" written on a Tuesday means a week before).
    """
    back = (published.weekday() - weekday) % 7
    if back == 0 and last:
        back = 7
    return published - dt.timedelta(days=back)


def _resolve_day_month(day: int, month: int, published: dt.date, past: bool = False) -> dt.date | None:
    """The most recent day-month on or before publication; a near future one is skipped,
    unless ``past``: the words before it tell something done ("was detained ... on 28 July"
    in a June report is last year's 28 July)."""
    d = _safe_date(published.year, month, day)
    if d is None:
        d = _safe_date(published.year - 1, month, day)  # 29 Feb
        return d
    if d <= published:
        return d
    if (d - published).days <= 60 and not past:
        return None  # a future reference ("talks on 10 April"), not an event date
    return _safe_date(published.year - 1, month, day)


#: a passive of something done right before a date in its clause ("he was detained by
#: police in Kunming on 28 July", "were killed on"), with no word of what is to come
_DONE_BEFORE = re.compile(r"\b(?:was|were|had\s+been)\s+(?:\w+ly\s+)?(?!due\b|set\b|expected\b|scheduled\b)"
                          r"[a-z]+(?:ed|en|wn|ht|ut)\b[^.;:!?]{0,60}$")
_TO_COME_BEFORE = re.compile(r"\b(?:will|would|shall|due|scheduled|expected|set\s+to|planned|plans?|next|upcoming|"
                             r"(?:postponed|adjourned|deferred|delayed|rescheduled|moved|pushed\s+back|extended)"
                             r"\s+(?:\w+\s+){0,3}?(?:to|until|till))\b[^.;:!?]{0,80}$", re.IGNORECASE)


def _told_as_done(text: str, start: int) -> bool:
    """The words before a date at ``start`` tell something done, not to come."""
    lo = max(0, start - 90)
    return bool(_DONE_BEFORE.search(text, lo, start)) and not _TO_COME_BEFORE.search(text, lo, start)


#: a part of a month told before its name: "early March", "mid-June", "the end of May",
#: "the first week of February" (the thirds of a month, and its weeks)
_MONTH_PART = re.compile(
    r"\b(?:(?P<early>early|beginning\s+of|start\s+of)|(?P<mid>mid|middle\s+of)|(?P<late>late|end\s+of)|"
    r"(?P<week>first|second|third|fourth|last|final)\s+week\s+of)(?:[\s-]+(?:in|of))?[\s-]+(?:the\s+month\s+of\s+)?$",
    re.IGNORECASE)
_WEEK_NUMBER = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def month_part(m: re.Match | None, year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """The days of a month that the words before its name (a match of
    :data:`_MONTH_PART`, or None) narrow it to: early = 1-10, mid = 11-20, late or the end
    = 21 to the last day, the first week = 1-7, the last week = the last seven days."""
    if m is None:
        return None
    last = _month_end(year, month)
    if m["early"]:
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if m["mid"]:
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if m["late"]:
        return dt.date(year, month, 21), last
    which = m["week"].lower()
    if which in ("last", "final"):
        return last - dt.timedelta(days=6), last
    first = 1 + 7 * _WEEK_NUMBER[which]
    return dt.date(year, month, first), dt.date(year, month, first + 6)


def _part_words(text: str, mon_start: int) -> re.Match | None:
    """The words right before a month's name that narrow it ("early", "the first week of")."""
    return _MONTH_PART.search(text, max(0, mon_start - 30), mon_start)


def _range_precision(start: dt.date, end: dt.date) -> int:
    days = (end - start).days
    return 1 if days <= 7 else 2 if days <= 31 else 3


def since_before(text: str, s: int) -> int | None:
    """Offset of a "since" right before ``s``, if any (read by events too)."""
    lo = max(0, s - 8)
    m = _SINCE_DATE.search(text, lo, s)
    return m.start() if m else None


def _numeric_date(a: int, b: int, y: int) -> dt.date | None:
    """Day first (``a`` = day) unless impossible."""
    return _safe_date(y, b, a) or _safe_date(y, a, b)


def _full_date(m: re.Match) -> dt.date | None:
    g = m.groupdict()
    y = int(g["year"])
    if g.get("mon"):
        mon = _month(g["mon"])
        return _safe_date(y, mon, int(g["day"])) if mon else None
    if g.get("a"):
        return _numeric_date(int(g["a"]), int(g["b"]), y)
    return _safe_date(y, int(g["m"]), int(g["d"]))


# -- the dateline -----------------------------------------------------------------------------


def find_dateline(text: str, masked: Iterable[tuple[int, int]] = (),
                  window: int = DATELINE_WINDOW) -> DateMention | None:
    """The dateline: the first full date near the start that is not prose."""
    head = text[:window + 40]
    masked = list(masked)
    best: tuple[int, int, dt.date] | None = None
    for rx in _FULL_DATES:
        for m in rx.finditer(head):
            if m.start() > window:
                break
            if any(s <= m.start() < e for s, e in masked):
                continue
            before = head[max(0, m.start() - 30):m.start()]
            if _DATELINE_PROSE.search(before) and not _DATELINE_PREFIX.search(before):
                continue
            d = _full_date(m)
            if d is None:
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), m.end(), d)
            break
    if best is None:
        return None
    s, e, d = best
    return DateMention(s, e, text[s:e], d, d, 1, "dateline")


#: a wire dateline without its year, opening a line: "DAMASCUS, March 8 (Reuters) -", "ALEPPO,
#: Syria, July 3 (Xinhua) --": the day the report was filed, never the day of what it tells
_WIRE_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Za-z .'’/-]{{1,40}}(?:,\s*[A-Z][A-Za-z .'’-]{{1,30}})?,\s+{_MON}\s+{_DAY}\s*"
    r"\([A-Z][\w .&'’-]{0,30}\)\s*(?:[-–—]+|:)", re.MULTILINE)


def find_wire_dateline(text: str, published: dt.date | None) -> tuple[int, int, dt.date | None] | None:
    """A wire dateline without its year at the start of a line near the start of the text
    (after a headline, perhaps: "UPDATE 3-Gunmen kill 12 ...\n\nJOS, Nigeria, Oct 9 (Reuters)
    -"): its span and its day (the most recent such day on or before ``published``; None
    without a publication date)."""
    m = _WIRE_DATELINE.search(text[:DATELINE_WINDOW + 100])
    if m is None:
        return None
    mon = _month(m["mon"])
    if not mon:
        return None
    day = _resolve_day_month(int(m["day"]), mon, published) if published is not None else None
    return m.start("mon"), m.end("day"), day


# -- dates in the text ------------------------------------------------------------------------


def find_dates(text: str, published: dt.date | None, *,
               masked: Iterable[tuple[int, int]] = (),
               exclude: tuple[int, int] | None = None) -> list[DateMention]:
    """Every date expression of ``text`` resolved against ``published`` (text order).

    ``exclude`` is a span (the dateline) whose dates are not repeated.
    """
    cands: list[tuple[int, int, DateMention]] = []

    def add(s: int, e: int, start: dt.date | None, end: dt.date | None, precision: int, kind: str):
        if start is None or end is None or end < start:
            return
        if published is not None and start > published + dt.timedelta(days=1):
            return  # a future date is not an event date
        cands.append((s, e, DateMention(s, e, text[s:e], start, end, precision, kind)))

    pub = published
    n = len(text)
    seen: set[tuple[int, int, int]] = set()

    def windows(anchor: re.Pattern, before: int, after: int):
        # windows around each anchor, merged when they overlap (dense text is scanned once)
        lo = hi = -1
        for am in anchor.finditer(text):
            a, b = max(0, am.start() - before), min(n, am.end() + after)
            if a <= hi:
                hi = max(hi, b)
                continue
            if hi >= 0:
                yield lo, hi
            lo, hi = a, b
        if hi >= 0:
            yield lo, hi

    def each(rx: re.Pattern, lo: int, hi: int):
        for m in rx.finditer(text, lo, hi):
            key = (id(rx), m.start(), m.end())
            if key not in seen:
                seen.add(key)
                yield m

    # anchored on a year: full dates, month-year, day ranges with a year (six characters
    # after the year hold the rest of an ISO date: "2021-03-12")
    for lo, hi in windows(_YEAR_ANCHOR, 45, 6):
        for rx, read in _RANGES:
            for m in each(rx, lo, hi):
                read(m, pub, add)
        for rx in _FULL_DATES:
            for m in each(rx, lo, hi):
                d = _full_date(m)
                if d is None:
                    continue
                s2 = since_before(text, m.start())
                if s2 is not None and pub is not None and d <= pub:
                    add(s2, m.end(), d, pub, _range_precision(d, pub), "range")
                else:
                    add(m.start(), m.end(), d, d, 1, "absolute")
        for m in each(_MON_YEAR, lo, hi):
            mon = _month(m["mon"])
            if mon:
                y = int(m["year"])
                a, b = dt.date(y, mon, 1), _month_end(y, mon)
                words = _part_words(text, m.start("mon"))
                part = month_part(words, y, mon)
                if part is not None:
                    a, b = part
                if pub is not None and a <= pub < b:
                    b = pub
                add(min(m.start(), words.start()) if words else m.start(), m.end(), a, b,
                    3 if part is None else _range_precision(a, b), "absolute")
        # (the noun after an attributive year lies past the window: look a little further)
        for m in (*each(_YEAR_ONLY, lo, hi), *each(_YEAR_ATTR, lo, min(n, hi + 40))):
            # "in 2012", "since 2011": a year (ACLED has no coarser precision than 3)
            y = int(m["year"])
            a, b = dt.date(y, 1, 1), dt.date(y, 12, 31)
            season = m["prep"].split()[0].lower()
            if season in _SEASON_MONTHS and season != "winter":   # "the summer of 2019", "spring 2015"
                a, b = season_span(season, y)
            if pub is not None and b > pub:
                b = pub
            if m["prep"].lower() == "since" and pub is not None:
                add(m.start(), m.end(), a, pub, 3, "range")
            else:  # "the 2012 murder case": the span is the year itself
                add(m.start("year") if m.re is _YEAR_ATTR else m.start(), m.end(), a, b, 3, "absolute")
    if pub is None:
        return _select(cands, masked, exclude)
    # a day told with its year elsewhere in the report keeps that year when told again
    # without it ("the inferno on Sept 11, 2012" ... "the fire of Sept 11")
    told_years: dict[tuple[int, int], set[int]] = {}
    for _s, _e, dm in cands:
        if dm.kind == "absolute" and dm.precision == 1:
            told_years.setdefault((dm.start_date.month, dm.start_date.day), set()).add(dm.start_date.year)
    # anchored on a month name: dates without a year, day ranges, months alone
    for lo, hi in windows(_MONTH_ANCHOR, 25, 30):
        for rx, read in _RANGES:
            for m in each(rx, lo, hi):
                read(m, pub, add)
        for rx in (_DAY_MON, _MON_DAY):
            for m in each(rx, lo, hi):
                mon = _month(m["mon"])
                if not mon:
                    continue
                y, end = _which_year(text, m.end(), pub)
                years = told_years.get((mon, int(m["day"])), ())
                if not y and len(years) == 1:
                    y = next(iter(years))
                d = _safe_date(y, mon, int(m["day"])) if y else _resolve_day_month(
                    int(m["day"]), mon, pub, past=_told_as_done(text, m.start()))
                if d is None:
                    continue
                s2 = since_before(text, m.start())
                if s2 is not None:
                    add(s2, end, d, pub, _range_precision(d, pub), "range")
                else:
                    add(m.start(), end, d, d, 1, "absolute")
        for m in each(_MON_ONLY, lo, hi):
            mon = _month(m["mon"])
            if not mon or m["mon"].rstrip(".").lower() not in _FULL_MONTHS:
                continue  # abbreviations alone are too ambiguous ("in Mar")
            named, end = _which_year(text, m.end(), pub)
            prep = m["prep"].lower()
            if named:
                y = named
            elif prep == "last":    # "last November": the last one before this month
                y = pub.year if mon < pub.month else pub.year - 1
            elif prep == "this":    # "this March": this year's (none if still to come)
                y = pub.year
            else:
                y = pub.year if mon <= pub.month else pub.year - 1
            words = _part_words(text, m.start("mon"))
            part = month_part(words, y, mon)
            if part is not None and part[0] > pub and not named:
                y -= 1      # "late March" told on 5 March is last year's
                part = month_part(words, y, mon)
            a, b = part if part is not None else (dt.date(y, mon, 1), _month_end(y, mon))
            if b > pub:
                b = pub
            if m["prep"].lower() == "since":
                add(m.start(), end, a, pub, _range_precision(a, pub), "range")
            else:
                add(min(m.start(), words.start()) if words else m.start(), end, a, b,
                    3 if part is None else _range_precision(a, b), "absolute")
    # anchored on a weekday name
    for lo, hi in windows(_WEEKDAY_ANCHOR, 30, 60):
        for m in each(_SINCE_WD, lo, hi):
            d = resolve_weekday(WEEKDAYS[m["wd"].lower()], pub, last="last" in m.group().lower())
            add(m.start(), m.end(), d, pub, _range_precision(d, pub), "range")
        for m in (*each(_BETWEEN_WD, lo, hi), *each(_AND_WD, lo, hi)):
            d2 = resolve_weekday(WEEKDAYS[m["wd2"].lower()], pub)
            d1 = resolve_weekday(WEEKDAYS[m["wd"].lower()], d2)
            add(m.start(), m.end(), d1, d2, _range_precision(d1, d2), "range")
        for m in each(_WEEKDAY, lo, hi):
            mod = (m["mod"] or "").lower()
            if "next" in mod or "coming" in mod or (
                    not mod and _NAMED_DAY_BEFORE.search(text, max(0, m.start() - 12), m.start())):
                continue    # "Bloody Sunday", "the 2019 Easter Sunday bombings": a day of its own
            if _FUTURE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue    # "scheduled for Thursday": a day to come, not the last one
            d = resolve_weekday(WEEKDAYS[m["wd"].lower()], pub, last="last" in mod)
            add(m.start() if mod else m.start("wd"), m.end(), d, d, 1, "weekday")
    # anchored on a relative word
    for lo, hi in windows(_RELATIVE_ANCHOR, 25, 40):
        for m in each(_RELATIVE, lo, hi):
            _relative(m, pub, add)
        for m in each(_ACT_LAST_YEAR, lo, hi):
            if m["verb"].lower() not in _COUNTING_VERBS \
                    and not _COMPARED_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                # "was arrested last year": that year (not "the total number killed last year")
                y = pub.year - 1
                add(m.start("when"), m.end(), dt.date(y, 1, 1), dt.date(y, 12, 31), 3, "relative")
        for m in each(_FRONT_LAST_YEAR, lo, hi):
            y = pub.year - 1
            add(m.start("when"), m.end("when"), dt.date(y, 1, 1), dt.date(y, 12, 31), 3, "relative")
    # "three years after the murder of X": the act that long before the report
    for lo, hi in windows(_AFTER_ANCHOR, 25, 60):
        for m in each(_SPAN_AFTER_ACT, lo, hi):
            _relative(m, pub, add)
    # the days of Easter ("on Easter Sunday", "the 2019 Easter Sunday bombings") and of a fixed
    # date ("on New Year's Eve"): a date of their year, else the last such day by the report's
    # date if it is recent
    for pattern, day_of in ((_EASTER_DAY, easter_day), (_FIXED_DAY, fixed_day)):
        for m in pattern.finditer(text):
            year = m["year"] or m["year2"]     # "the 2019 Easter Sunday bombings", "on Easter Sunday in 2008"
            d = day_of(m["name"], int(year) if year else None, pub)
            if d is not None:
                add(m.start(), m.end(), d, d, 1, "absolute")
    return _weekday_with_date(text, _select(cands, masked, exclude))


#: days named for a fixed date of the year (month, day)
_FIXED_DAYS = {"new year's eve": (12, 31), "new year's day": (1, 1), "christmas eve": (12, 24),
               "christmas day": (12, 25), "international women's day": (3, 8), "women's day": (3, 8),
               "may day": (5, 1), "labour day": (5, 1), "labor day": (5, 1), "international workers' day": (5, 1),
               "workers' day": (5, 1), "human rights day": (12, 10), "international human rights day": (12, 10)}
_FIXED_DAY = re.compile(r"\b(?:(?P<year>(?:19|20)\d\d)\s+)?"
                        r"(?P<name>(?i:new\s+year['’]s\s+(?:eve|day)|christmas\s+(?:eve|day)|"
                        r"(?:international\s+)?women['’]s\s+day|may\s+day|labou?r\s+day|"
                        r"(?:international\s+)?workers['’]\s+day|(?:international\s+)?human\s+rights\s+day))\b"
                        r"(?:,?\s+(?:(?i:in|of)\s+)?(?P<year2>(?:19|20)\d\d)\b)?")


#: the days named without their year that date an act: the days of causes and labour are
#: named as much for what marks them every year ("a flashpoint on May Day", "in commemoration
#: of International Human Rights Day") and date one only with their year
_DAYS_OF_NEWS = frozenset({"new year's eve", "new year's day", "christmas eve", "christmas day"})


def fixed_day(name: str, year: int | None, published: dt.date | None) -> dt.date | None:
    """The date of a day named for a fixed date ("New Year's Eve") in ``year``, else (a day
    of :data:`_DAYS_OF_NEWS`) the last one on or before ``published`` if it is recent
    (:data:`_RECENT_NAMED_DAY`); None otherwise."""
    key = " ".join(name.lower().replace("’", "'").split())
    month, day = _FIXED_DAYS.get(key, (None, None))
    if month is None:
        return None
    if year is not None:
        return dt.date(year, month, day)
    if published is None or key not in _DAYS_OF_NEWS:
        return None
    d = dt.date(published.year, month, day)
    if d > published:
        d = dt.date(published.year - 1, month, day)
    return d if published - d <= _RECENT_NAMED_DAY else None


#: the days of Western Easter by their distance from Easter Sunday
_EASTER_OFFSETS = {"palm sunday": -7, "maundy thursday": -3, "holy thursday": -3, "good friday": -2,
                   "holy saturday": -1, "easter sunday": 0, "easter day": 0, "easter monday": 1}
_EASTER_DAY = re.compile(r"\b(?:(?P<year>(?:19|20)\d\d)\s+)?(?P<name>(?i:palm|maundy|holy|good|easter)\s+"
                         r"(?i:sunday|thursday|friday|saturday|day|monday))\b"
                         r"(?:,?\s+(?:(?i:in|of)\s+)?(?P<year2>(?:19|20)\d\d)\b)?")


#: how long after a named day (of Easter, of a fixed date) a report may name it without its year
_RECENT_NAMED_DAY = dt.timedelta(days=14)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday of ``year`` (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def easter_day(name: str, year: int | None, published: dt.date | None) -> dt.date | None:
    """The date of a day of Easter ("Good Friday") in ``year``, else the last one on or
    before ``published`` if it is recent (within :data:`_RECENT_NAMED_DAY`: "the Easter Sunday
    bombers" in a report a year on names no recent day); None for a name that is no such
    day, or with neither."""
    offset = _EASTER_OFFSETS.get(" ".join(name.lower().split()))
    if offset is None:
        return None
    if year is not None:
        return _easter(year) + dt.timedelta(days=offset)
    if published is None:
        return None
    d = _easter(published.year) + dt.timedelta(days=offset)
    return d if d <= published and published - d <= _RECENT_NAMED_DAY else None


def _weekday_with_date(text: str, found: list[DateMention]) -> list[DateMention]:
    """"on Tuesday, June 8": the weekday names the date told right after it, not the last
    Tuesday before the report; one mention of both, dated by the date."""
    out: list[DateMention] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "weekday" and m.kind == "absolute" and m.precision == 1 \
                and 0 <= m.start - prev.end <= 3 and not text[prev.end:m.start].strip(" ,"):
            s = prev.start
            out[-1] = DateMention(s, m.end, text[s:m.end], m.start_date, m.end_date, 1, "absolute", m.sentence)
            continue
        out.append(m)
    return out


def _which_year(text: str, at: int, pub: dt.date) -> tuple[int | None, int]:
    """The year a "last year" / "this year" right after ``at`` names, and where the date
    then ends (no such words: ``None, at``)."""
    which = _WHICH_YEAR.match(text, at)
    if which is None:
        return None, at
    return pub.year - (which["which"].lower() == "last"), which.end()


def _day_range(m: re.Match, pub: dt.date | None, add) -> None:
    mon = _month(m["mon"])
    d1, d2 = int(m["day"]), int(m["day2"])
    if not mon or d2 <= d1:
        return
    if m["year"]:
        a, b = _safe_date(int(m["year"]), mon, d1), _safe_date(int(m["year"]), mon, d2)
    elif pub is not None:
        a = _resolve_day_month(d1, mon, pub)
        b = _safe_date(a.year, mon, d2) if a else None
        if b is not None and b > pub:
            b = pub
    else:
        return
    if a and b:
        add(m.start(), m.end(), a, b, _range_precision(a, b), "range")


def _two_days(m: re.Match, pub: dt.date | None, add) -> None:
    """"from March 1 to March 4", "between 28 February and 3 March (2021)": the first day
    is the last such day on or before the second."""
    mon1, mon2 = _month(m["mon"]), _month(m["mon2"])
    if not mon1 or not mon2:
        return
    d1, d2 = int(m["day"]), int(m["day2"])
    if m["year"]:
        b = _safe_date(int(m["year"]), mon2, d2)
    elif pub is not None:
        b = _resolve_day_month(d2, mon2, pub)
    else:
        return
    if b is None:
        return
    a = _safe_date(b.year if (mon1, d1) <= (mon2, d2) else b.year - 1, mon1, d1)
    if a is None or a >= b:
        return
    if pub is not None and b > pub:
        b = pub
    add(m.start(), m.end(), a, b, _range_precision(a, b), "range")


#: the day-range patterns and the function that reads each
_RANGES = [*((rx, _day_range) for rx in _DAY_RANGE), *((rx, _two_days) for rx in _TWO_DAYS)]


def _select(cands, masked, exclude) -> list[DateMention]:
    """Longest first, then earliest; no overlaps; not inside the dateline or furniture."""
    blocked = sorted(list(masked) + ([exclude] if exclude is not None else []))
    starts = [s for s, _ in blocked]
    ends = [e for _, e in blocked]
    max_end = list(ends)
    for k in range(1, len(max_end)):
        max_end[k] = max(max_end[k], max_end[k - 1])
    taken_s: list[int] = []     # accepted spans, sorted, never overlapping
    taken_e: list[int] = []
    out: list[DateMention] = []
    for s, e, dm in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
        k = bisect.bisect_left(starts, e) - 1          # blocked spans starting before e
        if k >= 0 and max_end[k] > s:
            continue
        k = bisect.bisect_left(taken_s, e)
        if k > 0 and taken_e[k - 1] > s:
            continue
        taken_s.insert(k, s)
        taken_e.insert(k, e)
        out.append(dm)
    out.sort(key=lambda d: d.start)
    return out


#: the months of a season, in the northern hemisphere (where most news in English is
#: written): spring March to May, summer June to August, autumn (fall) September to
#: November; winter is December to February, named by the year of its December
_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def season_span(season: str, year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of ``season`` (a key of :data:`_SEASON_MONTHS`) of ``year``."""
    first = _SEASON_MONTHS[season.lower()]
    y, m = divmod(year * 12 + first - 1 + 2, 12)
    return dt.date(year, first, 1), _month_end(y, m + 1)


def _season_year(which: str, season: str, pub: dt.date) -> int:
    """The year of "last summer", "this winter" told at ``pub``: this year's season ("this
    summer", however far on); last year's ("last summer", "last autumn" in October: this
    year's is still going on). A winter belongs to its December: "this winter" from
    January to August is the one begun last December, "last winter" in January and
    February the one before it. "This past summer" is the latest begun."""
    season = season.lower()
    if which.endswith("past"):
        year = pub.year if season != "winter" else pub.year - (pub.month < 12)
        return year if season_span(season, year)[0] <= pub else year - 1
    last = which == "last"
    if season != "winter":
        return pub.year - 1 if last else pub.year
    current = pub.year if pub.month >= 9 else pub.year - 1
    if last and pub.month <= 2:
        return current - 1
    return current - 1 if last and pub.month >= 9 else current


def _relative(m: re.Match, pub: dt.date, add) -> None:
    rel = " ".join(m["rel"].lower().split())
    s, e = m.start(), m.end()
    day = dt.timedelta(days=1)
    if rel == "the day before yesterday":
        add(s, e, pub - 2 * day, pub - 2 * day, 1, "relative")
    elif rel in ("yesterday", "last night"):
        add(s, e, pub - day, pub - day, 1, "relative")
    elif rel in ("today", "earlier today", "tonight") or rel.startswith("this ") and rel.split()[1] in (
            "morning", "afternoon", "evening"):
        add(s, e, pub, pub, 1, "relative")
    elif rel == "overnight":
        add(s, e, pub - day, pub, 1, "relative")
    elif m["unit"]:
        n = int(m["n"]) if m["n"].isdigit() else _NUMWORD[m["n"].lower()]
        unit = m["unit"].lower()
        if unit.startswith("day"):
            add(s, e, pub - n * day, pub - n * day, 1, "relative")
        elif unit.startswith("week"):
            d = pub - 7 * n * day
            add(s, e, d, d, 2, "relative")
        elif unit.startswith("month"):   # "three months ago": that month
            y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
            add(s, e, dt.date(y, mo + 1, 1), _month_end(y, mo + 1), 3, "relative")
        elif pub.year - n >= 1:          # "two years ago": that year, no closer
            add(s, e, dt.date(pub.year - n, 1, 1), dt.date(pub.year - n, 12, 31), 3, "relative")
    elif m["hours"]:
        h = {"twenty-four": 24, "forty-eight": 48}.get(m["hours"].lower()) or int(m["hours"])
        add(s, e, pub - (h // 24) * day, pub, 1, "range")
    elif "week" in rel and "weekend" not in rel and ("past" in rel or "last" in rel and "last week" not in rel
                                                     or "previous" in rel):
        add(s, e, pub - 7 * day, pub, 2, "range")
    elif m["ndays"]:    # "the past three days": those days up to publication
        n = int(m["ndays"]) if m["ndays"].isdigit() else _NUMWORD[m["ndays"].lower()]
        add(s, e, pub - (n - 1) * day, pub, _range_precision(pub - (n - 1) * day, pub), "range")
    elif "days" in rel:
        add(s, e, pub - 7 * day, pub, 2, "range")
    elif rel.endswith("last weekend"):
        sat = resolve_weekday(5, pub, last=True)
        if (pub - sat).days < 2:
            sat -= 7 * day
        add(s, e, sat, sat + day, 1, "range")
    elif rel.endswith("this weekend") or rel.endswith("the weekend"):   # "over the weekend" too
        sat = resolve_weekday(5, pub)
        add(s, e, sat, min(sat + day, pub), 1, "range")
    elif rel.endswith("last week"):
        monday = pub - dt.timedelta(days=pub.weekday() + 7)
        add(s, e, monday, monday + 6 * day, 2, "relative")
    elif rel.endswith("this week"):
        monday = pub - dt.timedelta(days=pub.weekday())
        add(s, e, monday, pub, 2, "relative")
    elif rel.endswith("this year"):     # "earlier this year": January to publication
        add(s, e, pub.replace(month=1, day=1), pub, 3, "relative")
    elif rel.endswith("this month"):
        add(s, e, pub.replace(day=1), pub, 3, "relative")
    elif rel.endswith("last month"):
        last = pub.replace(day=1) - day
        add(s, e, last.replace(day=1), last, 3, "relative")
    elif m["season"]:   # "last autumn", "this summer": the season's months, to publication
        a, b = season_span(m["season"], _season_year(m["which"].lower(), m["season"], pub))
        add(s, e, a, min(b, pub), 3, "relative")


# -- the stage -------------------------------------------------------------------------------


@component("dates", reads=("text", "sentences", "masked", "meta"), assigns=("dateline", "dates"))
def dates_stage(ctx: Context) -> None:
    """The dateline and every date expression, resolved against the publication date."""
    ctx.dateline = find_dateline(ctx.text, ctx.masked)
    excl = (ctx.dateline.start, ctx.dateline.end) if ctx.dateline else None
    if ctx.dateline is None:
        pub = ctx.published     # the metadata's: no dateline yet
        wire = find_wire_dateline(ctx.text, pub)
        if wire is not None:
            s, e, day = wire
            excl = (s, e)
            if day is not None:
                ctx.dateline = DateMention(s, e, ctx.text[s:e], day, day, 1, "dateline")
    ctx.dates = find_dates(ctx.text, ctx.published, masked=ctx.masked, exclude=excl)
    if ctx.sentences:
        if ctx.dateline is not None:
            ctx.dateline.sentence = ctx.sentence_of(ctx.dateline.start)
        for d in ctx.dates:
            d.sentence = ctx.sentence_of(d.start)
        ctx.dates = [d for d in ctx.dates if not (time_after_act(d) and d.sentence > _LEDE)]
