"""Every error marsad raises on purpose.

The hierarchy (one tree, as in httpx's ``_exceptions.py``)::

    MarsadError                      base class: the CLI prints ``error [CODE]: message``
    ├── ConfigError                  a setting has a bad value or marsad.toml is unreadable
    ├── StoreError                   the database cannot be opened, migrated or written
    │   └── NotFound                 no document / incident / event with that id
    ├── InputError                   one input cannot be taken (the batch goes on)
    │   ├── EmptyInput               nothing but white space
    │   ├── BinaryInput              bytes that are not text (images, archives, ...)
    │   ├── EncodingError            text in no encoding we can decode faithfully
    │   ├── InputTooLarge            over ``max_document_bytes``
    │   ├── MalformedRecord          a JSONL line that is not a valid document object
    │   ├── UnsupportedInput         a file kind we do not read
    │   └── FetchError               a URL that cannot be fetched (timeout, status, size)
    ├── ExtractError                 extraction of one document failed
    │   ├── ModelNotInstalled        the spaCy model is missing
    │   └── TextTooLong              over ``max_extract_chars``
    ├── GazetteerError               the gazetteer index cannot be built or a dump is malformed
    │   └── NoPlaceMatch             no gazetteer entry has that name (geocode)
    ├── ReviewError                  a review decision is invalid (unknown target, bad field)
    └── EvalError                    a gold file is malformed

Each class carries a stable ``code`` (like spaCy's ``E001``) that users can search for
in ``docs/errors.md``. Messages say what went wrong *and* what to do about it.

An error of one input (``InputError``, ``ExtractError``) fails that input only; the
batch goes on. A ``ConfigError``, ``ModelNotInstalled`` or ``GazetteerError`` met while
extracting is no document's fault: every document would fail alike, so it stops the run.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base class of every error marsad raises on purpose."""

    code = "M000"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


class ConfigError(MarsadError):
    code = "M100"


class StoreError(MarsadError):
    code = "M200"


class NotFound(StoreError):
    code = "M204"


class InputError(MarsadError):
    code = "M300"


class EmptyInput(InputError):
    code = "M301"


class BinaryInput(InputError):
    code = "M302"


class EncodingError(InputError):
    code = "M303"


class InputTooLarge(InputError):
    code = "M304"


class MalformedRecord(InputError):
    code = "M305"


class UnsupportedInput(InputError):
    code = "M306"


class FetchError(InputError):
    code = "M307"


class ExtractError(MarsadError):
    code = "M400"


class ModelNotInstalled(ExtractError):
    code = "M401"


class TextTooLong(ExtractError):
    code = "M402"


class GazetteerError(MarsadError):
    code = "M500"


class NoPlaceMatch(GazetteerError):
    """``marsad geocode`` found no gazetteer entry with that name."""

    code = "M504"


class ReviewError(MarsadError):
    code = "M600"


class EvalError(MarsadError):
    code = "M700"


def all_errors() -> list[type[MarsadError]]:
    """Every error class, in code order (used to generate docs/errors.md)."""
    seen: list[type[MarsadError]] = []
    stack = [MarsadError]
    while stack:
        cls = stack.pop()
        seen.append(cls)
        stack.extend(cls.__subclasses__())
    return sorted(seen, key=lambda c: c.code)
