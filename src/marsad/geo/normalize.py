"""Name normalisation shared by the index builder and the lookups.

``norm("Al-Lādhiqīyah")`` and ``norm("al Ladhiqiyah")`` give the same key. The key is
case-folded, without diacritics, apostrophes or ``ʿ``/``ʾ`` marks, hyphens turned into
spaces, and Arabic article tokens (``al``, ``el``, ``ash`` ...) dropped wherever they
stand, so that "Ain al-Arus", "Ain Al Arous" style variants meet on one key when their
letters agree. Spelling variants beyond that ("Deir ez-Zor" / "Dayr az Zawr") come from
the alternate names in the data and from ``data/aliases.tsv``.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

#: Arabic definite-article forms (with sun-letter assimilation) dropped from keys
ARTICLES = frozenset({
    "al", "el", "il", "ul", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az",
    "ed", "en", "er", "es", "esh", "et", "ez",
})
_SEP = re.compile(r"[\s\-‐‑‒–—_/.,()]+")
_NON_KEY = re.compile(r"[^0-9a-z ]")


#: letters NFKD does not decompose to ASCII, and marks that are not letters
_PRE = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "ł": "l",
                      "Ł": "L", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d",
                      **{ch: None for ch in "'`´‘’ʼʻʿʾ\u02bc\u02bb\u2032\""}})


def fold(text: str) -> str:
    """Case-folded ASCII text without diacritics and quote marks (Latin letters kept)."""
    s = text.translate(_PRE)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    return s.lower()


def norm(text: str) -> str:
    """The lookup key of a name ('' when nothing Latin is left)."""
    s = _SEP.sub(" ", fold(text))
    s = _NON_KEY.sub("", s)
    toks = s.split()
    kept = [t for t in toks if t not in ARTICLES]
    if not kept:  # a name made only of article-like tokens ("As", "En")
        kept = toks
    return " ".join(kept)


#: least similarity (:func:`similarity`) of an alternate name to a town's name for the
#: name to be a spelling of it, not a translation or a nickname: "Calcutta"/Kolkata 0.40,
#: "White House"/Casablanca 0.10 (GeoNames lists both kinds among alternate names)
ALT_NAME_SIMILARITY = 0.35


def similarity(a: str, b: str) -> float:
    """How alike two names are as spellings: difflib's ratio of their lookup keys."""
    return difflib.SequenceMatcher(None, norm(a), norm(b)).ratio()


_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u0300-\u036f\u02b0-\u02ff\u2000-\u206f]")


def is_latin(text: str) -> bool:
    """True when the name is written in Latin script (other scripts are not indexed)."""
    return text.isascii() or _NON_LATIN.search(text) is None


def is_code(name: str) -> bool:
    """Airport/station codes in alternate names ("DAM", "ALP", "LTK"): not names."""
    letters = name.replace(" ", "")
    return len(letters) <= 4 and letters.isupper() and letters.isalpha()


_SKEL_MAP = (("ph", "f"), ("q", "k"), ("ck", "k"), ("dh", "z"), ("th", "t"), ("gh", "g"),
             ("kh", "k"), ("sh", "s"), ("ch", "s"), ("j", "g"), ("c", "k"))


def skeleton(key: str) -> str:
    """A coarse key for transliteration variants of a normalised key: "Khan Sheikhun",
    "Khan Shaykhoun" and "Khān Shaykhūn" share ``kn skn``. Vowels (and y, w, h after the
    first letter) are dropped, doubled letters collapsed and a few digraphs merged.
    Only used as a fallback inside one country: it collides too often to be used alone."""
    words = []
    for w in key.split():
        for a, b in _SKEL_MAP:
            w = w.replace(a, b)
        if len(w) > 1 and w[0] in "aeiou":    # Afrin / Efrin, Idlib / Edlib
            w = w.lstrip("aeiou") or w
        out = w[:1]
        for ch in w[1:]:
            if ch in "aeiouywh":
                continue
            if out and out[-1] == ch:
                continue
            out += ch
        words.append(out)
    return " ".join(words)
