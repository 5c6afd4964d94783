"""Decoding bytes into text: BOMs, UTF-8, detected legacy encodings, and refusals."""

import codecs

import pytest

from marsad.errors import BinaryInput, EmptyInput, EncodingError
from marsad.ingest.text import decode, looks_binary

SENTENCE = "Clashes in Jableh killed 12 people, the monitor said on Saturday.\n"


@pytest.mark.parametrize("data", [
    SENTENCE.encode("utf-8"),
    codecs.BOM_UTF8 + SENTENCE.encode("utf-8"),
    codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"),
    SENTENCE.replace("\n", "\r\n").encode("ascii"),
])
def test_text_in_any_unicode_form_decodes_to_the_same_string(data):
    assert decode(data) == SENTENCE


def test_legacy_encoding_is_detected():
    text = ("Le bombardement a fait des blessés près de la ville ; l'hôpital évacué, "
            "a déclaré l'Observatoire. Les habitants ont fui vers le nord. ") * 4
    assert decode(text.encode("cp1252")) == text
    arabic = "قتل عشرة مدنيين في قصف على مدينة إدلب يوم الثلاثاء، بحسب المرصد السوري. " * 3
    assert decode(arabic.encode("cp1256")) == arabic


@pytest.mark.parametrize("data,word", [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x00\x00" + b"word/document.xml" * 5, "ZIP"),
    (b"GIF89a\x01\x00\x01\x00", "GIF"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"plain start\x00\x00\x00 then nul bytes", "NUL"),
    (bytes(range(1, 32)) * 20, "control characters"),
])
def test_binary_is_refused_with_what_it_is(data, word):
    with pytest.raises(BinaryInput, match=word):
        decode(data)
    assert looks_binary(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b"  \n"])
def test_empty_and_white_space_are_refused(data):
    with pytest.raises(EmptyInput):
        decode(data)


def test_broken_utf16_is_an_encoding_error():
    with pytest.raises(EncodingError, match="utf-16"):
        decode(codecs.BOM_UTF16_LE + "Idlib".encode("utf-16-le") + b"\x00\xd8\x41\x00")


def test_ordinary_text_is_not_binary():
    assert looks_binary(SENTENCE.encode() * 100) is None
    assert looks_binary("\tTabbed\fpage\x1b[0m".encode()) is None
