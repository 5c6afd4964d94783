"""Quantities in news text: digits and number words, with qualifiers, into ranges.

Shared by the ``figures`` stage (and usable by any other). Everything here is pure
token rules: :func:`tokenize` splits a text into :class:`Token` objects carrying
character offsets, and :func:`parse_quantity` reads one quantity starting at a token.

Conventions (ACLED's conservative coding, made explicit):

* exact ``"523"``: low = best = high = 523.
* open ``"at least / more than / over / upwards of / in excess of / no fewer than N"``
  and ``"N or more"``: low = best = N, high = None (open-ended). For "more than N"
  the best estimate stays N (conservative), not N + 1.
* approximate ``"about / around / nearly / almost / some / roughly / approximately /
  an estimated / close to N"``: low = best = high = N; the qualifier stays visible in
  the text of the quantity (``qualifier`` is set).
* upper bound ``"up to / as many as N"``: low = best = high = N (the report's own
  figure; the qualifier stays visible). ``"fewer than / less than / under N"``:
  low = best = high = N - 1, ``vague`` is set.
* ranges ``"N to M" / "between N and M" / "N-M" / "N or M" / "from N to M"``:
  low = best = N (conservative), high = M. "rose from N to M" is an update: M exact.
* vague words (``vague`` is set): "dozens" = 12, "scores" = 20, "tens" = 10,
  "hundreds" = 100, "thousands" = 1000, "tens of thousands" = 10000,
  "hundreds of thousands" = 100000, "several" = 3, "a few" = 3, "a handful" = 3,
  "a couple" = 2 (ACLED names dozens/hundreds/scores/tens; the small ones are our
  conservative choice). The plural words ("dozens", "hundreds", "tens of thousands")
  are open-ended, high = None: they give a floor, not a ceiling. "A number of",
  "many", "multiple" carry no number: no quantity.
* words: "seven", "twenty-three", "Thirty one", "one hundred and twenty", "a dozen",
  "two dozen", "half a dozen", "a hundred". Digits: "745", "1,400", "1 400"
  (thousands groups), "1.5 million", "3 thousand".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Token", "Quantity", "tokenize", "parse_quantity", "find_quantities", "words_value"]


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str          # lower-cased text


@dataclass(slots=True)
class Quantity:
    """A quantity spanning tokens ``[first, last)`` (``first`` includes the qualifier)."""

    first: int                # token index where the phrase starts (qualifier included)
    num_first: int            # token index of the number itself
    last: int                 # token index after the quantity
    start: int                # character offsets of the phrase
    end: int
    low: int
    best: int
    high: int | None
    qualifier: str | None = None
    vague: bool = False
    scaled: bool = False      # written with a scale word ("million", "thousand")


_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’\-][^\W_]+)*|[^\w\s]", re.UNICODE)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words (hyphenated kept whole), digit groups and single punctuation marks.

    ``start``/``end`` limit the tokens to a part of ``text``; offsets stay those of ``text``.
    """
    it = _TOKEN.finditer(text, start, len(text) if end is None else end)
    return [Token(m.start(), m.end(), w, w.lower()) for m in it for w in (m.group(),)]


UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGIT_SCALES = {"thousand": 1000, "million": 1_000_000, "mln": 1_000_000, "billion": 1_000_000_000}

#: plural vague words give a floor, not a ceiling: their ranges are open (high None)
OPEN_VAGUE = frozenset({"dozens", "scores", "tens", "hundreds", "thousands"})
VAGUE = {"dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1000,
         "several": 3}
_VAGUE_ARTICLE = {("a", "few"): 3, ("a", "handful"): 3, ("a", "couple"): 2}
#: lower-cased words a quantity can start with (besides digits)
STARTERS = frozenset(set(UNITS) | set(TENS) | set(VAGUE) | {"a", "an", "half", "dozen", "hundred"}
                     | {f"{t}-{u}" for t in TENS for u in UNITS if 0 < UNITS[u] < 10})

# qualifiers read backwards from the number: (words, kind)
_OPEN, _APPROX, _UPTO, _UNDER = "open", "approx", "upto", "under"
_QUALIFIERS: list[tuple[tuple[str, ...], str]] = sorted([
    (("at", "least"), _OPEN), (("at", "a", "minimum"), _OPEN), (("no", "fewer", "than"), _OPEN),
    (("no", "less", "than"), _OPEN), (("not", "less", "than"), _OPEN), (("more", "than"), _OPEN),
    (("over",), _OPEN), (("upwards", "of"), _OPEN), (("in", "excess", "of"), _OPEN),
    (("exceeding",), _OPEN), (("above",), _OPEN),
    (("about",), _APPROX), (("around",), _APPROX), (("approximately",), _APPROX),
    (("roughly",), _APPROX), (("nearly",), _APPROX), (("almost",), _APPROX), (("some",), _APPROX),
    (("an", "estimated"), _APPROX), (("estimated",), _APPROX), (("close", "to"), _APPROX),
    (("circa",), _APPROX), (("approx",), _APPROX),
    (("up", "to"), _UPTO), (("as", "many", "as"), _UPTO),
    (("fewer", "than"), _UNDER), (("less", "than"), _UNDER), (("under",), _UNDER),
], key=lambda q: -len(q[0]))


def words_value(words: list[str]) -> int | None:
    """Value of a sequence of number words ("one hundred and twenty" -> 120)."""
    total = current = 0
    seen = False
    for w in words:
        if w == "and":
            continue
        if w in ("a", "an"):
            current = max(current, 1)
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in SCALES:
            total += max(current, 1) * SCALES[w]
            current = 0
        elif w == "dozen":
            current = max(current, 1) * 12
        else:
            return None
        seen = True
    return total + current if seen else None


def _word_parts(tok: Token) -> list[str] | None:
    parts = tok.low.split("-")
    if all(p in UNITS or p in TENS or p in SCALES or p == "dozen" for p in parts):
        return parts
    return None


_DIGITS = re.compile(r"^\d+$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_DECIMAL = re.compile(r"^\d+\.\d+$")
_SPACE_GAP = {" ", "\u00a0", "\u202f", "\u2009"}


def _number_at(tokens: list[Token], i: int, text: str) -> tuple[int, int, bool, bool] | None:
    """(value, next index, scaled, vague) of a bare number starting at token ``i``."""
    n = len(tokens)
    t = tokens[i]
    w = t.low
    if w[0].isdigit():
        value: float
        j = i + 1
        if _DIGITS.match(w):
            value = int(w)
            # thousands groups separated by one space: "1 400", "12 300 000"
            if len(w) <= 3 and w[0] != "0":
                while (j < n and len(tokens[j].low) == 3 and _DIGITS.match(tokens[j].low)
                       and tokens[j].start - tokens[j - 1].end == 1
                       and text[tokens[j - 1].end] in _SPACE_GAP):
                    value = value * 1000 + int(tokens[j].low)
                    j += 1
        elif _GROUPED.match(w):
            value = int(w.replace(",", ""))
        elif _DECIMAL.match(w):
            value = float(w)
        else:
            return None  # "15.04.2017", "1,23"
        scaled = False
        if j < n and tokens[j].low in _DIGIT_SCALES:
            value = value * _DIGIT_SCALES[tokens[j].low]
            j += 1
            scaled = True
        elif isinstance(value, float):
            return None  # "1.5" alone is not a count
        if value != int(value):
            return None
        return int(value), j, scaled, False
    # vague words
    if w in VAGUE:
        j = i + 1
        value = VAGUE[w]
        # "tens of thousands", "hundreds of thousands"
        if (w in ("tens", "hundreds") and j + 1 < n and tokens[j].low == "of"
                and tokens[j + 1].low in ("thousands", "millions")):
            value *= 1000 if tokens[j + 1].low == "thousands" else 1_000_000
            j += 2
        return value, j, False, True
    if w in ("a", "an") and i + 1 < n:
        nxt = tokens[i + 1].low
        if (w, nxt) in _VAGUE_ARTICLE:
            return _VAGUE_ARTICLE[(w, nxt)], i + 2, False, True
        if nxt not in ("hundred", "thousand", "dozen", "million"):
            return None
    if w == "half" and i + 2 < n and tokens[i + 1].low == "a" and tokens[i + 2].low == "dozen":
        return 6, i + 3, False, False
    words: list[str] = []
    j = i
    while j < n:
        tw = tokens[j].low
        parts = _word_parts(tokens[j])
        if parts is not None:
            words.extend(parts)
            j += 1
            continue
        if tw in ("a", "an") and j == i:
            words.append(tw)
            j += 1
            continue
        # "one hundred and twenty": "and" only after hundred/thousand, before a unit/ten
        if (tw == "and" and words and words[-1] in ("hundred", "thousand") and j + 1 < n
                and (tokens[j + 1].low.split("-")[0] in UNITS or tokens[j + 1].low.split("-")[0] in TENS)):
            words.append("and")
            j += 1
            continue
        break
    # "a" alone, or a scale word alone ("hundred") is not a number
    if not words or all(x in ("a", "an", "and") for x in words):
        return None
    if words[0] in SCALES and words[0] != "hundred" and len(words) == 1:
        return None
    if words[0] in ("hundred", "thousand", "million", "billion", "dozen") and len(words) == 1:
        # bare "dozen" ("a dozen" handled above with the article)
        if words[0] != "dozen":
            return None
    # a trailing "and" is not ours
    while words and words[-1] == "and":
        words.pop()
        j -= 1
    value = words_value(words)
    if value is None:
        return None
    scaled = any(x in ("thousand", "million", "billion") for x in words)
    return value, j, scaled, False


_QUALIFIER_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _q in _QUALIFIERS:
    _QUALIFIER_LAST.setdefault(_q[0][-1], []).append(_q)


def _qualifier_before(tokens: list[Token], i: int) -> tuple[int, str, str] | None:
    """(first token index, kind, words) of a qualifier ending right before token ``i``."""
    if i == 0 or tokens[i - 1].low not in _QUALIFIER_LAST:
        return None
    for words, kind in _QUALIFIER_LAST[tokens[i - 1].low]:
        k = len(words)
        if i - k < 0:
            continue
        if all(tokens[i - k + m].low == words[m] for m in range(k)):
            return i - k, kind, " ".join(words)
    return None


_RANGE_SEP = {"to", "-", "–", "—", "or"}
_UPDATE_CUES = {"rose", "risen", "rises", "rising", "raised", "increased", "increases", "climbed",
                "climbs", "jumped", "up", "toll", "revised", "raising", "grew"}


def parse_quantity(tokens: list[Token], i: int, text: str) -> Quantity | None:
    """The quantity whose number starts at token ``i`` (qualifier looked up before it)."""
    w = tokens[i].low
    if not (w[0].isdigit() or w in STARTERS):
        return None
    got = _number_at(tokens, i, text)
    if got is None:
        return None
    value, j, scaled, vague = got
    n = len(tokens)
    first = i
    low, best, high = value, value, value
    qualifier = None
    if vague and w in OPEN_VAGUE:
        high = None     # "dozens" says at least 12, not at most
    q = _qualifier_before(tokens, i)
    if q is not None:
        first, kind, qualifier = q
        if kind == _OPEN:
            high = None
        elif kind == _UNDER:
            low = best = high = max(value - 1, 0)
            vague = True
    # "between N and M"
    if i > 0 and tokens[i - 1].low == "between" and j + 1 < n and tokens[j].low == "and":
        got2 = _number_at(tokens, j + 1, text)
        if got2 is not None and got2[0] > value:
            return Quantity(i - 1, i, got2[1], tokens[i - 1].start, tokens[got2[1] - 1].end,
                            value, value, got2[0], "between", vague or got2[3], scaled or got2[2])
    # "N or more"
    if j + 1 < n and tokens[j].low == "or" and tokens[j + 1].low == "more" and high is not None:
        return Quantity(first, i, j + 2, tokens[first].start, tokens[j + 1].end,
                        low, best, None, qualifier or "or more", vague, scaled)
    # "N to M", "N-M", "N or M", "from N to M"
    if j + 1 < n and tokens[j].low in _RANGE_SEP and tokens[j + 1].low[0:1].isalnum():
        sep = tokens[j].low
        adjacent = sep != "-" or (tokens[j].start == tokens[j - 1].end and tokens[j + 1].start == tokens[j].end)
        got2 = _number_at(tokens, j + 1, text) if adjacent else None
        if got2 is not None and got2[0] > value and not got2[3]:
            frm = i > 0 and tokens[i - 1].low == "from"
            update = frm and any(tokens[k].low in _UPDATE_CUES for k in range(max(0, i - 6), i - 1))
            if update:
                v2 = got2[0]
                return Quantity(j + 1, j + 1, got2[1], tokens[j + 1].start, tokens[got2[1] - 1].end,
                                v2, v2, v2, None, False, got2[2])
            start_tok = i - 1 if frm else first
            return Quantity(start_tok, i, got2[1], tokens[start_tok].start, tokens[got2[1] - 1].end,
                            low, best, got2[0] if high is not None else None,
                            qualifier or ("from" if frm else None), vague, scaled or got2[2])
    return Quantity(first, i, j, tokens[first].start, tokens[j - 1].end, low, best, high,
                    qualifier, vague, scaled)


def find_quantities(text: str, tokens: list[Token] | None = None) -> list[Quantity]:
    """Every quantity in ``text``, left to right, not overlapping."""
    toks = tokens if tokens is not None else tokenize(text)
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        q = parse_quantity(toks, i, text)
        if q is None:
            i += 1
            continue
        out.append(q)
        i = max(q.last, i + 1)
    return out
