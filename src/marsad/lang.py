"""Language detection with lingua, restricted to the languages marsad expects.

Restricting the candidate set matters: over all 75 languages lingua calls
"Clashes in Jableh" Albanian; over our handful it is right on three-word texts.
"""

from __future__ import annotations

from functools import lru_cache

from .errors import ConfigError

#: texts shorter than this (in letters) are not classified
MIN_LETTERS = 3


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]):
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
    return LanguageDetectorBuilder.from_languages(*langs).build()


def parse_languages(value: str) -> tuple[str, ...]:
    return tuple(sorted({c.strip().lower() for c in value.split(",") if c.strip()}))


def detect_language(text: str, languages: str = "en,ar,fr,ru,tr,fa") -> str | None:
    """ISO 639-1 code of ``text`` among ``languages``, or None when there is no telling."""
    sample = text[:600]  # a paragraph is plenty; lingua costs grow with length (2.2 ms at 1,500)
    if sum(ch.isalpha() for ch in sample[:200]) < MIN_LETTERS:
        return None
    lang = _detector(parse_languages(languages)).detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang is not None else None


#: a short text makes lingua load every model it has for these languages (all n-gram
#: sizes, about 120 MB, a second); a long one only the trigram models, and the rest then
#: loads in whichever worker first meets a report that needs it
_WARM_TEXT = "Clashes in the north"


def load_detector(languages: str) -> None:
    """Build the detector and load all its language models now (lingua loads them lazily,
    about a second and 120 MB): before forking workers, so that they share one copy."""
    _detector(parse_languages(languages)).detect_language_of(_WARM_TEXT)
