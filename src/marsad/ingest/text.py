"""Turn bytes into text faithfully, or say why not.

Order of checks: known binary signatures (PNG, PDF, ZIP, ...), byte-order marks (UTF-8,
UTF-16, UTF-32), NUL bytes and control characters (binary), strict UTF-8, then charset
detection with charset-normalizer. Text that is only white space is refused as empty.
"""

from __future__ import annotations

import codecs

from ..errors import BinaryInput, EmptyInput, EncodingError

#: (signature, offset, what it is)
MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"%PDF-", 0, "a PDF file (convert it to text first, e.g. with pdftotext)"),
    (b"PK\x03\x04", 0, "a ZIP archive (or a .docx/.odt/.xlsx file)"),
    (b"PK\x05\x06", 0, "an empty ZIP archive"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"BZh", 0, None),  # only binary if the rest says so (BZh is also a word start)
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\x7fELF", 0, "an executable (ELF)"),
    (b"MZ", 0, None),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Microsoft Office document"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"RIFF", 0, None),
    (b"WEBP", 8, "a WebP image"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"ftyp", 4, "a video or image file (MP4/HEIC)"),
    (b"ID3", 0, "an MP3 file"),
    (b"OggS", 0, "an Ogg media file"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: control characters that plain text never holds (tab, LF, VT, FF, CR and ESC are allowed)
_CONTROL = set(range(0, 32)) - {9, 10, 11, 12, 13, 27}
#: share of such characters above which bytes are taken for binary
CONTROL_RATIO = 0.02
SAMPLE = 64 * 1024


def magic_kind(data: bytes) -> str | None:
    """What a known binary signature says ``data`` is, or None."""
    for sig, offset, what in MAGIC:
        if what and data[offset:offset + len(sig)] == sig:
            return what
    return None


def _bom(data: bytes) -> tuple[str | None, int]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None, 0


def looks_binary(data: bytes) -> str | None:
    """The reason ``data`` is not text, or None when it may be text."""
    what = magic_kind(data)
    if what:
        return f"looks like {what}, not text"
    enc, _ = _bom(data)
    if enc and enc != "utf-8":
        return None  # UTF-16/32 text holds NUL bytes legitimately
    sample = data[:SAMPLE]
    if b"\x00" in sample:
        return "holds NUL bytes: binary data, not text"
    if sample:
        controls = sum(1 for b in sample if b in _CONTROL)
        if controls / len(sample) > CONTROL_RATIO:
            return f"{controls} control characters in the first {len(sample)} bytes: binary data, not text"
    return None


def decode(data: bytes, *, what: str = "input") -> str:
    """The text of ``data``: BOM, else UTF-8, else the encoding charset-normalizer finds.

    Line endings become ``\\n``. Raises :class:`BinaryInput`, :class:`EncodingError`
    or :class:`EmptyInput`.
    """
    if not data.strip():
        raise EmptyInput(f"{what} is empty" if not data else f"{what} holds only white space")
    reason = looks_binary(data)
    if reason:
        raise BinaryInput(f"{what} {reason}")
    enc, skip = _bom(data)
    text: str | None = None
    if enc:
        try:
            text = data[skip:].decode(enc)
        except UnicodeDecodeError as exc:
            raise EncodingError(f"{what} starts with a {enc} byte-order mark but is not valid "
                                f"{enc} ({exc.reason} at byte {exc.start + skip})") from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(data, what)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(ord(c) in _CONTROL for c in text[:SAMPLE]) and _control_share(text) > CONTROL_RATIO:
        raise BinaryInput(f"{what} decodes to control characters: binary data, not text")
    if not text.strip():
        raise EmptyInput(f"{what} holds only white space")
    return text


def _control_share(text: str) -> float:
    sample = text[:SAMPLE]
    return sum(1 for c in sample if ord(c) in _CONTROL) / max(1, len(sample))


def _detect(data: bytes, what: str) -> str:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:1_000_000]))
    best = _prefer_common(results)
    if best is None or best.encoding is None:
        raise EncodingError(f"{what} is not UTF-8 and its encoding cannot be recognised; "
                            "convert it to UTF-8 (e.g. with iconv)")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise EncodingError(f"{what} is not UTF-8 and does not decode as {best.encoding} either; "
                            "convert it to UTF-8 (e.g. with iconv)") from None


#: legacy encodings most text in our languages comes in; preferred when detection ties
COMMON_LEGACY = ("cp1252", "cp1256", "cp1251", "cp1254", "iso8859_1", "cp1250")


def _prefer_common(results: list) -> object | None:
    """charset-normalizer's best match, except that among matches as clean and coherent
    as the best, the most common legacy code page wins (French in cp1252 otherwise
    ties with Central-European cp1250 and comes out with wrong accents)."""
    if not results:
        return None
    best = results[0]
    ties = [r for r in results
            if r.chaos <= best.chaos + 1e-9 and r.coherence >= best.coherence - 1e-9]
    for enc in COMMON_LEGACY:
        for r in ties:
            if r.encoding == enc:
                return r
    return best
