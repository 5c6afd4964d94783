"""Language detection with lingua, restricted to the languages marsad expects.

Restricting the candidate set matters: over all 75 languages lingua calls
"Clashes in Jableh" Albanian; over our handful it is right on three-word texts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .errors import ConfigError

#: texts shorter than this (in letters, or in words) are not classified: "Deir ez-Zor" or
#: "Bolsonaro" is a name, not a language
MIN_LETTERS = 3
MIN_WORDS = 4
#: how far apart the likeliest language and the next must be for lingua to say one: a
#: short English line full of names ("Maduro's forces detain activist in Caracas") is
#: close to Spanish, French or Portuguese too, and is no telling (None), not French
MIN_DISTANCE = 0.2


#: words only English writes, a tenth or more of a paragraph of English prose (at least
#: 0.08 of the first 600 characters of every report of both dev sets that has thirty words
#: there, but one, 0.079); the other languages marsad expects have none of them, so a
#: sample with many is English without asking lingua (most of a millisecond a report)
ENGLISH_WORDS = frozenset(
    "the and of to was were is are that with by from said has have had for which they their been after this".split())
PLAINLY_ENGLISH_SHARE = 0.08
PLAINLY_ENGLISH_MIN_WORDS = 30
_LETTER_WORD = re.compile(r"[^\W\d_]+")


def plainly_english(sample: str) -> bool:
    """Whether a sample of Latin script is English past doubt: thirty words or more, of
    which a share of :data:`PLAINLY_ENGLISH_SHARE` are words only English writes."""
    words = _LETTER_WORD.findall(sample)
    if len(words) < PLAINLY_ENGLISH_MIN_WORDS:
        return False
    return sum(w.lower() in ENGLISH_WORDS for w in words) >= PLAINLY_ENGLISH_SHARE * len(words)


@lru_cache(maxsize=8)
def _detector(codes: tuple[str, ...], distance: float = 0.0):
    from lingua import IsoCode639_1, LanguageDetectorBuilder, Language

    langs = []
    for code in codes:
        try:
            iso = getattr(IsoCode639_1, code.upper())
        except AttributeError:
            raise ConfigError(
                f"language {code!r} is not supported by lingua; fix the `languages` setting",
                code="M105") from None
        langs.append(Language.from_iso_code_639_1(iso))
    if len(langs) < 2:
        raise ConfigError("the `languages` setting needs at least two languages", code="M105")
    return LanguageDetectorBuilder.from_languages(*langs).with_minimum_relative_distance(distance).build()


def parse_languages(value: str) -> tuple[str, ...]:
    return tuple(sorted({c.strip().lower() for c in value.split(",") if c.strip()}))


def detect_language(text: str, languages: str = "en,ar,fr,ru,tr,fa,es,pt") -> str | None:
    """ISO 639-1 code of ``text`` among ``languages``, or None when there is no telling
    (too short, or too close between two languages)."""
    sample = text[:600]  # a paragraph is plenty; lingua costs grow with length (2.2 ms at 1,500)
    letters = [ch for ch in sample[:200] if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    codes = parse_languages(languages)
    if sum(ch <= "\u024f" for ch in letters) * 2 <= len(letters):
        # Arabic, Persian or Russian script: no English, however short or close the call
        lang = _detector(codes).detect_language_of(sample)
    elif len(sample.split(None, MIN_WORDS)) < MIN_WORDS:
        return None
    elif "en" in codes and plainly_english(sample):
        return "en"
    else:
        lang = _detector(codes, MIN_DISTANCE).detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang is not None else None


#: a short text makes lingua load every model it has for these languages (all n-gram
#: sizes, about 120 MB, a second); a long one only the trigram models, and the rest then
#: loads in whichever worker first meets a report that needs it
_WARM_TEXT = "Clashes in the north"


def load_detector(languages: str) -> None:
    """Build the detector and load all its language models now (lingua loads them lazily,
    about a second and 120 MB): before forking workers, so that they share one copy."""
    for distance in (0.0, MIN_DISTANCE):
        _detector(parse_languages(languages), distance).detect_language_of(_WARM_TEXT)
