"""The opening words of the cue phrases several stages read, found in one scan of a report
(``marsad.extract.cues``)."""

import json
import re

from marsad.extract.base import Context
from marsad.extract.cues import OPENERS, cue_before, opener_ends, report_opener_ends


def alone(pattern: str, text: str) -> list[int]:
    """Where the cue's words end, scanned alone at word starts (not after a hyphen)."""
    return sorted({m.end() for m in re.finditer(r"(?<![\w-])(?=" + pattern + r"(?![\w-]))", text, re.IGNORECASE)
                   for m in [re.compile(pattern + r"(?![\w-])", re.IGNORECASE).match(text, m.start())]})


def test_one_scan_finds_each_cue_as_if_alone(shared_corpus):
    texts = ["The wounded were brought to a hospital in Reyhanli, bringing the toll this year to 40.",
             "Rebels backed by Turkey, supported by air strikes, headed to Afrin; a no-fly zone.", ""]
    for name in ("fakes-dev.jsonl", "hrds-dev.jsonl"):
        texts += [json.loads(line)["text"] for line in (shared_corpus / name).read_text("utf-8").splitlines()
                  if line.strip()][:80]
    for text in texts:
        ends = opener_ends(text)
        for name, pattern in OPENERS.items():
            assert ends[name] == alone(pattern, text), (name, text[:80])
    first = opener_ends(texts[0])
    assert len(first["carried"]) == 1 and len(first["running_total"]) == 1 and not first["route"]
    # "backed by", "supported by" open two cues each, a patron and arms that back: all found
    second = opener_ends(texts[1])
    assert second["patron"] == second["backed"] == [texts[1].index(" Turkey"), texts[1].index(" air")]
    # "no-fly": a hyphen's second word opens no journey ("headed to" does)
    assert second["route"] == [texts[1].index(" to Afrin")]


def test_the_report_is_scanned_once_for_every_cue():
    ctx = Context(text="Rebels backed by Turkey shelled Afrin; the wounded were taken to Kilis.", meta={})
    ends = report_opener_ends(ctx)
    assert report_opener_ends(ctx) is ends
    patron = cue_before(ctx, "patron", re.compile(r"\bbacked\s+by\s+$", re.IGNORECASE), 30)
    assert patron(ctx.text.index("Turkey")) and not patron(ctx.text.index("Afrin"))
    carried = cue_before(ctx, "carried", re.compile(r"\btaken\s+to\s+$", re.IGNORECASE), 30)
    assert carried(ctx.text.index("Kilis")) and not carried(ctx.text.index("Turkey"))
