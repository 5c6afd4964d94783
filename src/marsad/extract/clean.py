"""Stage ``clean``: find page furniture (app adverts, photo and video credits, wire
captions, galleries, share and subscribe prompts, and photo captions and related-story
headlines run into the text of single-line reports) and mask it, keeping every offset into
the stored text.

Masked spans are blanked with spaces of the same length in the text the model sees,
so offsets of everything found later still point into ``Context.text``.
"""

from __future__ import annotations

import re

from .base import Context, component

# whole lines that are furniture
_FURNITURE_LINE = re.compile(
    r"""^\s*(?:
        \(?\s*(?:photo|video|image|picture|credit|photograph|illustration)s?\s*(?:credit)?\s*:.*\)?   # (Photo: Reuters)
      | \d+\s+view\s+gallery
      | view\s+gallery
      | get\s+the\s+.{1,40}\s+app\b.*
      | download\s+(?:the|our)\s+.{1,40}\s+app\b.*
      | .*\b(?:google\s+play|app\s+store)\b.*https?://.*
      | (?:follow|like)\s+us\s+on\b.*
      | (?:sign\s+up|subscribe)\b.{0,80}(?:newsletter|updates|alerts)?.*
      | (?:read|see)\s+(?:more|also)\s*:.*
      | related\s*(?:(?:articles?|stories|coverage)\b\s*:?|:|$).*    # not "Relatedly, ..."
      | advertisement
      | share\s+(?:this|on)\b.*
      | click\s+(?:here|to\s+expand)\b.*
      | show\s+caption\s+hide\s+caption\b.*                       # a caption widget and its caption
      | file\s+photo\b.*                                         # FILE PHOTO: Swaziland's King ...
      | .*\b(?:photo|image|picture|photograph)s?\s*:\s*(?-i:[A-Z][\w.&'’/-]*(?:\s+[A-Z/][\w.&'’/-]*){0,5})  # ... Photo: AFP
      | .*\bphotograph\s*:\s*[\w .'’-]{2,40}/\s*[\w .'’-]{2,40}         # ... Photograph: Aizar Raldes/AFP via Getty
      | .*[\w.'’-]\s*/\s*(?-i:AP|AFP|Reuters|REUTERS|EPA|Getty\s+Images|picture\s+alliance)(?:\s+via\s+Getty(?:\s+Images)?)?\)?\.?  # ... (Igor Volkov/AP)
      | .*\((?:Getty\s+Images|[\w.'’ -]{2,40}\s*/\s*Getty\s+Images)\)\.?                    # ... (Getty Images)
      | .*\b(?:reuters|afp|ap|getty\s+images)\s*/\s*[\w .'’-]{2,60}(?:/\s*file(?:\s+photo)?)?  # REUTERS/Name
      | (?:©|copyright\b).*
      | all\s+rights\s+reserved.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_CREDIT_LINE = re.compile(r"^\s*\((?:photo|video|image|picture)s?\s*:.*\)\s*$", re.IGNORECASE)
#: a photographer's credit alone on its line ("REUTERS/Marina Depetris")
_AGENCY_CREDIT = re.compile(r"^\s*(?:reuters|afp|ap|getty\s+images)\s*/\s*[\w .'’-]{2,60}\s*$", re.IGNORECASE)
#: a wire caption ends with where and when the picture was taken: "..., Switzerland, September 23, 2019."
_CAPTION_END = re.compile(r",\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},?|\d{1,2}\s+[A-Z][a-z]+)\s+\d{4}\.?\s*$")
_END_PUNCT = re.compile(r"[.!?:;\"'”’)]\s*$")


def find_furniture(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of furniture lines, including the caption above a credit line."""
    spans: list[tuple[int, int]] = []
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lines.append((pos, pos + len(body)))
        pos += len(line)
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if not line.strip() or len(line) > 400:
            continue
        if _FURNITURE_LINE.match(line):
            spans.append((s, e))
            if i > 0 and (_CREDIT_LINE.match(line) or _AGENCY_CREDIT.match(line)):
                # a caption: the short unpunctuated line right above a credit, or a wire
                # caption ending with the picture's place and date
                ps, pe = lines[i - 1]
                prev = text[ps:pe]
                if prev.strip() and (len(prev) < 200 and not _END_PUNCT.search(prev)
                                     or len(prev) < 400 and _CAPTION_END.search(prev)):
                    spans.append((ps, pe))
    return sorted(set(spans))


#: a photo credit closing an inline caption: "(AFP photo)", "(TRT World and Agencies)", "(Reuters)"
_INLINE_CREDIT = re.compile(
    r"\((?:AFP|Reuters|AP|EPA|Getty(?:\s+Images)?|[A-Z][\w ]{0,25}\s+and\s+Agencies|"
    r"(?:[A-Z]\w{0,12}\s+)?[Pp]hoto(?:\s+by)?[^()]{0,30}|File\s+photo)\)")
#: a caption describes a picture in the present tense: "A man walks by ...", "People
#: inspect ...", "Still image shows ..."
_CAPTION_VERB = re.compile(
    r"\b(?:walks?|runs?|carr(?:y|ies)|stands?|sits?|inspects?|shows?|(?:is|are)\s+seen|gathers?|"
    r"helps?|search(?:es)?|reacts?|rides?|drives?|waits?|comforts?|takes?\s+a\s+position|looks?\s+on|"
    r"salvages?|mourns?|holds?|pass(?:es)?\s+by|rests?)\b")
#: where an inline caption begins: after a sentence's end or a dateline
_CAPTION_START = re.compile(r"(?:[.!?\"”)]\s+|(?:19|20)\d\d\s+|^)(?=[A-Z])")


def find_inline_captions(text: str) -> list[tuple[int, int]]:
    """Photo captions run into the text of single-line reports ("... A man walks by a
    damaged site in Qamishli July 27 2016. (TRT World and Agencies) A bomb blast..."):
    from the caption's start to its credit, when it reads as a caption (present tense)."""
    spans = []
    for m in _INLINE_CREDIT.finditer(text):
        lo = max(0, m.start() - 400)
        window = text[lo:m.start()]
        # the caption's own last full stop ("... July 27 2016.") is not its start
        body = window.rstrip().rstrip(".")
        starts = [x.end() for x in _CAPTION_START.finditer(body)]
        if not starts:
            continue
        start = lo + starts[-1]
        if _CAPTION_VERB.search(text, start, m.start()):
            spans.append((start, m.end()))
    return spans


#: a block of links to related stories run into the end of a one-line report: "... 87
#: Related Turkey Detains 49 Daesh Suspects ... Tags militants Kurds ..."
#: (not a name: "State, Foreign Operations, and Related Programs Appropriations Act")
_RELATED_TAIL = re.compile(r"(?<![.!?:])(?<!\band)(?<!\bor)(?<!\bof)(?<!\bthe)\s(?:\d+\s+)?(Related)\s+(?=[A-Z\"“])")
#: ... no longer than this: a longer "tail" is the report itself after a block at its top
RELATED_TAIL_MAX = 1500


_SENTENCE_END = re.compile(r"[a-z0-9][.!?][\"”’]?\s+[A-Z]")


def find_related_tail(text: str) -> list[tuple[int, int]]:
    """The related-stories block closing a line (from "Related" to the line's end), when
    it is only that block: headlines, no sentence ending in it (an AFP page puts
    "Related" and two headlines at the top, then the report)."""
    if "Related" not in text:
        return []
    for m in _RELATED_TAIL.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if end - m.start(1) <= RELATED_TAIL_MAX and not _SENTENCE_END.search(text, m.end(), end):
            return [(m.start(1), end)]
    return []


#: a line that opens the other stories a page appends after the report ("YOU SHOULD NOT
#: MISS THESE HEADLINES FROM NIGERIAN TRIBUNE", "Read Next", "More stories"): it and
#: everything after it are furniture
_OTHER_STORIES = re.compile(
    r"^[ \t]*(?:you\s+(?:should\s+not|shouldn't|may\s+have)\s+miss(?:ed)?\b[^\n]*|read\s+next|"
    r"more\s+(?:stories|top\s+stories)|recommended(?:\s+(?:stories|for\s+you))?|"
    r"trending(?:\s+(?:now|stories))?)[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)
#: ... after this share of the text at least (a page's top navigation is no such block)
OTHER_STORIES_AFTER = 0.3


def find_other_stories(text: str) -> list[tuple[int, int]]:
    """The other stories a page appends after the report, from the line that opens them
    to the end of the text."""
    for m in _OTHER_STORIES.finditer(text):
        if m.start() >= OTHER_STORIES_AFTER * len(text):
            return [(m.start(), len(text))]
    return []


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            if chars[i] not in "\n\r":
                chars[i] = " "
    return "".join(chars)


@component("clean", reads=("text",), assigns=("masked",))
def clean(ctx: Context) -> None:
    """Mask page furniture; offsets stay those of the stored text."""
    ctx.masked = sorted(find_furniture(ctx.text) + find_inline_captions(ctx.text)
                        + find_related_tail(ctx.text) + find_other_stories(ctx.text))
