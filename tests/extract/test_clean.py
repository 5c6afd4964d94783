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
            "Show Caption Hide Caption Apple Daily to print final edition The paper began printing "
            "Wednesday evening.\n"
            "The raids took place as anger swelled.\n")
    assert masked_lines(text) == [
        "FILE PHOTO: The King greets journalists in Jakarta, Indonesia, October 20, 2019. "
        "REUTERS/Willy Kurniawan/File Photo",
        "The empty seats are seen at the United Nations in Geneva, Switzerland, September 23, 2019.",
        "REUTERS/Marina Depetris",
        "The former minister speaks in Tunis on June 25, 2012. Photo: AFP",
        "Click to expand Image Journalist Omar Radi in Casablanca, Morocco, 2018.",
        "Show Caption Hide Caption Apple Daily to print final edition The paper began printing "
        "Wednesday evening.",
    ]


def test_captions_closed_by_a_photographers_credit_are_furniture():
    captions = [
        "Police in Khabarovsk (Igor Volkov/AP)",
        "A boy lights a candle for the protesters who have been killed, at a sit-in in Tahrir Square, "
        "Baghdad, Iraq, 26 December 2019, Ameer Al Mohmmedaw/picture alliance via Getty Images",
        "Kashmiri protesters run for cover in Srinagar on August 23, 2019. Adnan Abidi/Reuters",
        "One of the reported Uyghur detention camps in China. (Getty Images)",
        "Ching speaks at a festival in Los Angeles. (Tommaso Boddi / Getty Images)",
        "Kamilla Seidler in La Paz, Bolivia. Photograph: Aizar Raldes/AFP via Getty",
    ]
    prose = ["Police detained 20 protesters in Khabarovsk on Saturday, the AP reported.",
             "The agency's reporter was beaten by police (AP)."]
    text = "\n".join(captions + prose) + "\n"
    assert masked_lines(text) == captions


def test_prose_that_looks_like_furniture_is_kept():
    text = ("Relatedly, the government regulates private arms sales abroad.\n"
            "Police said the photo: it was staged and the video was fake.\n"
            "He was arrested in Geneva, Switzerland, September 23, 2019.\n"
            "Related: Syria's war in numbers\n")
    assert masked_lines(text) == ["Related: Syria's war in numbers"]


def test_inline_photo_captions_of_single_line_reports_are_furniture():
    from marsad.extract.clean import find_inline_captions

    text = ("Last updated at Jul 152015 A member of the regime forces runs near destroyed "
            "buildings in the city of Hasakeh on Monday (AFP photo) BEIRUT Thirteen civilians "
            "were killed in air raids on Aleppo province. A man walks by a damaged site in "
            "Qamishli July 27 2016. (TRT World and Agencies) Two Russian airmen were killed when "
            "their helicopter was shot down. (TRT World and Agencies) The toll rose.")
    found = [text[s:e] for s, e in find_inline_captions(text)]
    assert found == [
        "A member of the regime forces runs near destroyed buildings in the city of Hasakeh "
        "on Monday (AFP photo)",
        "A man walks by a damaged site in Qamishli July 27 2016. (TRT World and Agencies)",
    ]   # the dateline stays, and a past-tense sentence before a credit is the report's own


def test_a_block_of_related_headlines_closing_a_one_line_report_is_furniture():
    from marsad.extract.clean import find_related_tail

    text = ("The SDF launched the campaign to retake Raqqa last November. ... 87 Related Turkey "
            "Detains 49 Daesh Suspects in Showcase Operation Four Senior Daesh Commanders Killed "
            "in Afghanistan by US Mother of All Bombs Tags militants Kurds Comment via Facebook")
    ((s, e),) = find_related_tail(text)
    assert text[s:e].startswith("Related Turkey Detains") and e == len(text)
    # a "Related" block at the top, followed by the report's own sentences, stays
    top = ("Print Tweet Views 729 Related IS group claims attack on Syrian town -A double bomb "
           "attack killed 31 people in Qamishli on Wednesday. Rescue workers were still at work.")
    assert find_related_tail(top) == []
    # ... and so does a name: "Foreign Operations, and Related Programs Appropriations Act"
    assert find_related_tail("under the State, Foreign Operations, and Related Programs Act") == []


def test_the_other_stories_a_page_appends_are_furniture():
    from marsad.extract.clean import find_other_stories

    report = "Police arrested the publisher on Monday, his lawyer said. " * 6
    other = "Court Threatens To Revoke Senator's Bail\n\nThe court said on Monday it would revoke the bail."
    text = report + "\nYOU SHOULD NOT MISS THESE HEADLINES FROM NIGERIAN TRIBUNE\n\n" + other
    [(s, e)] = find_other_stories(text)
    assert text[s:].startswith("YOU SHOULD NOT MISS") and e == len(text)
    # at the top of a page such a line is navigation, not the end of the report
    assert find_other_stories("Read Next\n" + report) == []
    # a sentence that mentions what to read next is no such line
    assert find_other_stories(report + "\nRead next week's report on the trial.\n" + report) == []
