"""What the stage tests share: the seed report's path and a tiny sentence splitter, so
that a stage's tests do not depend on the spaCy stage."""

import re
from pathlib import Path

from marsad.eval.shared import shared_dir
from marsad.extract.base import strip_span

SEED = shared_dir(Path(__file__).resolve().parents[2]) / "corpus" / "seed" / "ynet-syria-coast.txt"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences end at . ! ? or a line break; spans are trimmed of white space."""
    out = []
    for m in re.finditer(r"[^.!?\n]+[.!?]*", text):
        s, e = strip_span(text, m.start(), m.end())
        if e > s:
            out.append((s, e))
    return out
