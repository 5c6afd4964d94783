"""A large alternation scanned word by word (``marsad.extract.alternation``): the same
matches as ``re.finditer`` over the whole alternation, found by trying at each word only
the alternatives that can begin with its first letters."""

import json

import pytest

from marsad.extract.alternation import PREFIX, Alternation, first_characters
from marsad.extract.triggers import load_lexicon


def plain(alt: Alternation, text: str) -> list[tuple[int, int, int]]:
    """What re.finditer over the whole alternation finds."""
    return [(m.start(), m.end(), int(m.lastgroup[1:])) for m in alt.pattern.finditer(text)]


def test_first_characters_of_literals_classes_and_repeats():
    assert first_characters("air ?strikes?") == {"air"}
    assert first_characters("(?:war)?planes?") == {"war", "pla"}
    assert first_characters("(?<!stun )grenades?") == {"gre"}
    assert first_characters("IEDs?") == {"ied"}
    assert first_characters("[A-C]x") == {"ax\0", "bx\0", "cx\0"}
    # a word that may be shorter than the prefix: the rest is any character
    assert first_characters("IED") == {"ied"}
    assert first_characters("go") == {"go\0"}
    # a class of word characters: any character there
    assert first_characters(r"(?:\w+ )?shot") == {"\0\0\0", "\0\0 ", "\0 s", "sho"}


def test_a_form_the_reading_does_not_know_is_tried_everywhere():
    # a back reference: the reading cannot tell its letters
    assert first_characters(r"(a)\1") == {"\0\0\0"}
    # a non-ASCII letter IGNORECASE may fold onto an ASCII one ("ſ" onto "s")
    assert first_characters("ſhot") == {"\0ho"}


ALTS = ["air ?strikes?", "(?<!stun )grenades?", "shell(?:ed|ing|s)?", "shot(?! down)",
        r"(?:shot|stabbed) (?:\w+ ){0,3}?to death", "(?-i:[A-Z])\\w*-(?:made|built) bombs?",
        "kill(?:ed|s)?", "IEDs?", "go", "arrest(?:ed)?"]


@pytest.mark.parametrize("text", [
    "An air strike killed three; a stun grenade and grenades were thrown.",
    "They were shot to death, shot down, shelled and Shelling went on.",
    "He was SHOT dead after the Airstrikes, then stabbed his neighbour to death.",
    "Iranian-made bombs and US-built bomb; IED, IEDs, ieds-like, pre-shelling, shot-",
    "go go-go going ago; arrested re-arrested arrest",
    "ſhot Ｋilled, killed, air  strikes; \u00e9shot, shot\u00e9 — “shot”",
    "", "a", "sh", "shell",
])
def test_same_matches_as_finditer_over_the_whole(text):
    alt = Alternation(ALTS)
    assert list(alt.finditer(text)) == plain(alt, text)


def each_alone(alt: Alternation, text: str) -> list[tuple[int, int, int]]:
    """Every match of every alternative, each alternative scanned at every word start alone."""
    return sorted((p, m.end(), i) for i, one in enumerate(alt._alone)
                  for p in range(len(text) + 1) if (m := one.match(text, p)) is not None)


@pytest.mark.parametrize("text", [
    "An air strike killed three; a stun grenade and grenades were thrown.",
    "They were shot to death, shot down, shelled and Shelling went on.",
    "He was SHOT dead after the Airstrikes, then stabbed his neighbour to death.",
    "go go-go going ago; arrested re-arrested arrest",
    "", "a", "sh",
])
def test_every_match_of_every_alternative_at_each_word(text):
    alt = Alternation(ALTS)
    found = list(alt.every(text))
    assert sorted(found) == each_alone(alt, text)
    assert [p for p, _e, _i in found] == sorted(p for p, _e, _i in found)
    # where two alternatives match at one word, both are there: "shot" and "shot to death"
    if "shot to death" in text:
        p = text.index("shot to death")
        assert {i for q, _e, i in found if q == p} == {3, 4}


def test_the_first_alternative_that_matches_wins_as_in_the_whole():
    alt = Alternation(["shot", r"shot dead", r"(?:\w+ )?dead"])
    text = "He was shot dead; two dead."
    assert list(alt.finditer(text)) == plain(alt, text)
    # "shot" before "shot dead" in the list: "shot" wins; then "dead", "two dead"
    assert [text[s:e] for s, e, _i in alt.finditer(text)] == ["shot", "dead", "two dead"]
    assert [i for _s, _e, i in alt.finditer(text)] == [0, 2, 2]


def test_the_trigger_lexicon_on_the_dev_corpora(shared_corpus):
    """Every report of both dev sets: the shipped lexicon finds what the whole pattern finds."""
    alt = load_lexicon().alternation
    texts = []
    for name in ("fakes-dev.jsonl", "hrds-dev.jsonl"):
        texts += [json.loads(line)["text"] for line in (shared_corpus / name).read_text("utf-8").splitlines()
                  if line.strip()]
    assert len(texts) > 600
    for text in texts:
        assert list(alt.finditer(text)) == plain(alt, text)
    # ... in upper and in title case too
    for text in texts[:50]:
        for variant in (text.upper(), text.title()):
            assert list(alt.finditer(variant)) == plain(alt, variant)


def test_keys_are_bounded_by_the_alphabet_of_first_letters():
    alt = Alternation(ALTS)
    noise = "".join(chr(c) for c in range(33, 127)) * 3
    list(alt.finditer(" ".join(noise[i:i + PREFIX] for i in range(len(noise)))))
    bound = 1
    for letters in alt._alphabet:
        bound *= len(letters) + 1
    assert 0 < len(alt._keys) <= bound
