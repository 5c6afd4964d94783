"""A large alternation of regular expressions, scanned word by word through an index of
the first letters each alternative can begin with.

Python's ``re`` tries every alternative of ``(?:a|b|c|...)`` at every position it
scans; for the trigger lexicon (some forty alternatives, each itself an alternation)
that was most of the ``triggers`` stage's time. :class:`Alternation` finds the same
matches as ``re.finditer`` over the whole alternation, in the same order, with the same
winning alternative, but at each word start tries only the alternatives that can begin
with the word's first :data:`PREFIX` letters. Which letters an alternative can begin
with is read from its parsed form (``re._parser``, the parser ``re.compile`` itself
uses); anything the reading does not know (a construct of a newer Python, a class of
non-ASCII letters) makes the alternative one tried everywhere, so an unknown form costs
speed, never a match. A word that begins with a non-ASCII letter is scanned with the
whole alternation (``re.IGNORECASE`` folds some of them onto ASCII ones: "ſ" onto "s").

Only alternations that match at word starts are supported: the whole is wrapped in
``(?<![\\w-])(?:...)(?![\\w-])`` (a match starts where no word character or hyphen
comes before), and always compiled with ``re.IGNORECASE``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cached_property

try:    # the parser re.compile uses; if a Python moves it, every alternative is tried everywhere
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover - only on a Python that moved them
    _C = _P = None

#: how many first characters of a word select the alternatives tried there
PREFIX = 3
_ANY = "\0"             # a character the reading cannot tell (any character may be there)
_OTHER = "\1"           # in a key: a character no alternative begins with at that place
_BEFORE, _AFTER = r"(?<![\w-])", r"(?![\w-])"


class _Unknown(Exception):
    """A form the reading of first characters does not handle."""


def _concat(heads: set[str], tails: set[str]) -> set[str]:
    out = set()
    for h in heads:
        if len(h) >= PREFIX:
            out.add(h)
            continue
        for t in tails:
            out.add((h + t)[:PREFIX])
    return out


def _sequence(items) -> set[str]:
    """The first characters (at most PREFIX, lower case) the parsed sequence can begin with;
    a string shorter than PREFIX means the sequence can end there."""
    out = {""}
    for op, av in items:
        out = _concat(out, _item(op, av))
        if all(len(s) >= PREFIX for s in out):
            break
    return out


def _char(code: int) -> str:
    c = chr(code)
    return c.lower() if c.isascii() else _ANY    # IGNORECASE may fold a non-ASCII one onto ASCII


def _item(op, av) -> set[str]:
    if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
        return {""}                      # zero width: the characters are the next item's
    if op is _C.LITERAL:
        return {_char(av)}
    if op in (_C.NOT_LITERAL, _C.ANY, _C.CATEGORY):
        return {_ANY}
    if op is _C.IN:
        out = set()
        for o, a in av:
            if o is _C.LITERAL:
                out.add(_char(a))
            elif o is _C.RANGE and a[1] - a[0] <= 64:
                out.update(_char(x) for x in range(a[0], a[1] + 1))
            else:
                return {_ANY}            # a category, a negated class, a wide range
        return out
    if op is _C.BRANCH:
        out = set()
        for alt in av[1]:
            out |= _sequence(alt)
        return out
    if op is _C.SUBPATTERN:
        return _sequence(av[-1])
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        once = _sequence(sub)
        out = set()
        # n repetitions for n up to PREFIX tell every first PREFIX characters (more than
        # PREFIX repetitions of a part that may be empty begin as PREFIX of them do)
        for n in range(min(lo, PREFIX), min(hi, PREFIX) + 1):
            cur = {""}
            for _ in range(n):
                cur = _concat(cur, once)
            out |= cur
        return out
    raise _Unknown(op)


def first_characters(pattern: str) -> set[str]:
    """The first :data:`PREFIX` characters (lower case; ``"\\0"`` for any character,
    padded with it where a match can be shorter) a match of ``pattern`` can begin with.
    ``{"\\0\\0\\0"}`` when the pattern's form is not one this reading knows."""
    if _P is None:
        return {_ANY * PREFIX}
    try:
        found = _sequence(list(_P.parse(pattern, re.IGNORECASE)))
    except (_Unknown, re.error, TypeError, ValueError, AttributeError):
        return {_ANY * PREFIX}
    return {(s + _ANY * PREFIX)[:PREFIX] for s in found}


class Alternation:
    """``(?<![\\w-])(?:alt0|alt1|...)(?![\\w-])`` (IGNORECASE); :meth:`finditer` yields
    ``(start, end, index of the alternative that matched)`` as ``re.finditer`` over it
    would (leftmost match first, the first alternative that matches there wins)."""

    def __init__(self, alternatives: Sequence[str]):
        self.alternatives = list(alternatives)
        # prefix with wildcards -> the alternatives that begin so
        self._by_prefix: dict[str, set[int]] = {}
        for i, a in enumerate(self.alternatives):
            for p in first_characters(a):
                self._by_prefix.setdefault(p, set()).add(i)
        # the characters each place of a prefix can hold; others make one key
        self._alphabet = [{p[k] for p in self._by_prefix} - {_ANY} for k in range(PREFIX)]
        first = "".join(sorted(self._alphabet[0]))
        if any(p[0] == _ANY for p in self._by_prefix):
            self._starts = re.compile(_BEFORE + r"[\s\S]")
        else:
            cls = "".join(re.escape(c) + re.escape(c.upper()) for c in first)
            self._starts = re.compile(_BEFORE + "[" + cls + r"\x80-\U0010ffff]")
        # each alternative alone: at a word, those that can begin there are tried in their
        # order, and the first that matches wins, as in the whole alternation
        self._alone = [re.compile(_BEFORE + "(?:" + a + ")" + _AFTER, re.IGNORECASE) for a in self.alternatives]
        self._keys: dict[str, tuple[int, ...]] = {}     # bounded: keys are made of the alphabet
        self._heads: dict[str, tuple[int, ...]] = {}    # a word's first letters as written, lower case

    #: at most this many first letters as written are remembered (then forgotten at once)
    MAX_HEADS = 1 << 16

    @cached_property
    def pattern(self) -> re.Pattern:
        """The whole alternation as one expression, group ``a<i>`` for alternative i
        (what :meth:`finditer` is equal to; compiled only when asked for)."""
        groups = "|".join(f"(?P<a{i}>{a})" for i, a in enumerate(self.alternatives))
        return re.compile(_BEFORE + "(?:" + groups + ")" + _AFTER, re.IGNORECASE)

    def _key(self, head: str) -> str:
        """A word's first letters (lower case) with those no alternative has at their place
        made one character: keys are bounded by the alphabet."""
        head = head.ljust(PREFIX, _OTHER)
        return "".join(c if c in self._alphabet[k] else _OTHER for k, c in enumerate(head))

    def _for_key(self, key: str) -> tuple[int, ...]:
        found = self._keys.get(key)
        if found is None:
            subset: set[int] = set()
            for mask in range(1 << PREFIX):   # each place: the key's character or the wildcard
                probe = "".join(_ANY if mask >> k & 1 else key[k] for k in range(PREFIX))
                subset |= self._by_prefix.get(probe, set())
            found = self._keys[key] = tuple(sorted(subset))    # in the alternation's order
        return found

    def _for_head(self, head: str) -> tuple[int, ...]:
        if len(self._heads) >= self.MAX_HEADS:
            self._heads.clear()     # hostile text of every triple of characters
        found = self._heads[head] = self._for_key(self._key(head))
        return found

    def _tried(self, text: str, p: int) -> Sequence[int]:
        """The alternatives that can begin at the word start ``p``, in their order."""
        head = text[p:p + PREFIX].lower()
        tried = self._heads.get(head)
        if tried is None:
            tried = self._for_head(head) if head.isascii() else range(len(self._alone))
        return tried

    def finditer(self, text: str) -> Iterator[tuple[int, int, int]]:
        done = 0
        alone = self._alone
        for m in self._starts.finditer(text):
            p = m.start()
            if p < done:
                continue
            for i in self._tried(text, p):
                found = alone[i].match(text, p)
                if found is not None:
                    done = found.end()
                    yield p, done, i
                    break

    def every(self, text: str) -> Iterator[tuple[int, int, int]]:
        """Every match of every alternative at every word start, ``(start, end, index)`` in
        the order of starts: as if each alternative were scanned alone (each with
        ``re.finditer`` of ``(?<![\\w-])(?:alt)(?![\\w-])``), but a match may also begin
        inside one before it of the same alternative. For words of several uses found
        in one scan."""
        alone = self._alone
        for m in self._starts.finditer(text):
            p = m.start()
            for i in self._tried(text, p):
                found = alone[i].match(text, p)
                if found is not None:
                    yield p, found.end(), i
