"""The logarithmic span tests that keep hostile input linear agree with their plain
definitions on every small case: random sets of (possibly overlapping) spans, every
query span near them."""

from __future__ import annotations

import random
import re

import pytest

from marsad.extract.base import Context, CueBefore, Place, Within
from marsad.extract.events import _holds, _Taken


def _cases(seed: int, sets: int = 400):
    rnd = random.Random(seed)
    for _ in range(sets):
        spans = [(a, a + rnd.randint(1, 8)) for a in (rnd.randint(0, 40) for _ in range(rnd.randint(0, 6)))]
        yield spans, [(s, e) for s in range(45) for e in range(s + 1, s + 9)]


def _within_plain(spans, s, e):
    return any(ps <= s and e <= pe and pe - ps > e - s for ps, pe in spans)


def _taken_plain(spans, s, e):
    return any(a < e and s < b and not _holds(Place(s, e, "x", "x", "SY"), a, b) for a, b in spans)


def _masked_plain(spans, s, e):
    return any(a <= s < b or a < e <= b for a, b in spans)


@pytest.mark.parametrize("fast, plain", [
    (lambda spans: Within(spans), _within_plain),          # a name inside a longer name
    (lambda spans: (lambda s, e, t=_Taken(spans): t.overlaps(Place(s, e, "x", "x", "SY"))), _taken_plain),
    (lambda spans: Context(text="x" * 60, meta={}, masked=list(spans)).is_masked, _masked_plain),
], ids=["Within", "events._Taken", "Context.is_masked"])
def test_the_fast_span_tests_agree_with_their_plain_definitions(fast, plain):
    for spans, queries in _cases(7):
        test = fast(spans)
        for s, e in queries:
            assert test(s, e) == plain(spans, s, e), (spans, s, e)


def test_is_masked_indexes_a_new_list_of_furniture_anew():
    ctx = Context(text="x" * 60, meta={}, masked=[(0, 5)])
    assert not ctx.is_masked(50, 55)
    ctx.masked = [(0, 60)]
    assert ctx.is_masked(50, 55)


def test_a_cue_before_a_position_is_searched_only_where_its_words_end_near():
    text = "rebels backed by Turkey shelled Afrin; Turkey said ... " + "x " * 50 + "Turkey"
    cue = CueBefore(text, [m.end() for m in re.finditer(r"\bbacked\s+by\b", text)],
                    re.compile(r"\bbacked\s+by\s+$"), 30)
    first = text.index("Turkey")
    assert cue.near(first) and cue(first)
    second = text.index("Turkey", first + 1)
    assert cue.near(second) and not cue(second)       # words near, no phrase right before it
    assert not cue.near(len(text) - 6) and not cue(len(text) - 6)


def test_what_is_derived_from_the_text_is_made_once_and_anew_for_a_new_text():
    ctx = Context(text="Shelling hit Idlib.", meta={})
    made = []

    def make():
        made.append(ctx.text)
        return len(made)
    assert ctx.derived("cue", make) == 1
    assert ctx.derived("cue", make) == 1 and made == ["Shelling hit Idlib."]
    assert ctx.derived("other", make) == 2          # each key its own value
    ctx.text = "Shelling hit Homs."
    assert ctx.derived("cue", make) == 3 and made[-1] == "Shelling hit Homs."


def test_what_is_derived_from_a_stage_output_is_made_anew_for_a_new_output():
    ctx = Context(text="Shelling hit Idlib.", meta={})
    ctx.figures = []
    made = []

    def make():
        made.append(ctx.figures)
        return len(made)
    assert ctx.derived("counts", make, of=ctx.figures) == 1
    assert ctx.derived("counts", make, of=ctx.figures) == 1
    ctx.figures = []                                # another list, though equal: made anew
    assert ctx.derived("counts", make, of=ctx.figures) == 2 and made[-1] is ctx.figures


def test_whole_word_spans_agree_with_their_pattern():
    from marsad.extract.places import _whole_word_spans

    rnd = random.Random(3)
    for _ in range(20000):
        text = "".join(rnd.choice("ab _-1é²") for _ in range(rnd.randint(0, 20)))
        phrase = "".join(rnd.choice("ab é") for _ in range(rnd.randint(1, 4))).strip() or "a"
        plain = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]
        assert _whole_word_spans(text, phrase) == plain, (text, phrase)
