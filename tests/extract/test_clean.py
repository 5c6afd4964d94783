"""The ``clean`` stage: page furniture found line by line, prose left alone."""

from marsad.extract.clean import find_furniture


def masked_lines(text: str) -> list[str]:
    return [text[s:e] for s, e in find_furniture(text)]


def test_wire_captions_and_credits_are_furniture():
    text = ("MBABANE (Reuters) - Police arrested opposition leaders on Friday.\n\n"
            "FILE PHOTO: The King greets journalists in Jakarta, Indonesia, October 20, 2019. "
            "REUTERS/Willy Kurniawan/File Photo\n\n"
            "The empty seats are seen at the United Nations in Geneva, Switzerland, September 23, 2019.\n"
            "REUTERS/Marina Depetris\n"
            "The former minister speaks in Tunis on June 25, 2012. Photo: AFP\n"
            "Click to expand Image Journalist Omar Radi in Casablanca, Morocco, 2018.\n"
            "The raids took place as anger swelled.\n")
    assert masked_lines(text) == [
        "FILE PHOTO: The King greets journalists in Jakarta, Indonesia, October 20, 2019. "
        "REUTERS/Willy Kurniawan/File Photo",
        "The empty seats are seen at the United Nations in Geneva, Switzerland, September 23, 2019.",
        "REUTERS/Marina Depetris",
        "The former minister speaks in Tunis on June 25, 2012. Photo: AFP",
        "Click to expand Image Journalist Omar Radi in Casablanca, Morocco, 2018.",
    ]


def test_prose_that_looks_like_furniture_is_kept():
    text = ("Relatedly, the government regulates private arms sales abroad.\n"
            "Police said the photo: it was staged and the video was fake.\n"
            "He was arrested in Geneva, Switzerland, September 23, 2019.\n"
            "Related: Syria's war in numbers\n")
    assert masked_lines(text) == ["Related: Syria's war in numbers"]
