"""What the stage tests share: the seed report's path and a tiny sentence splitter, so
that a stage's tests do not depend on the spaCy stage."""

import re
from pathlib import Path

from marsad.eval.shared import shared_dir

SEED = shared_dir(Path(__file__).resolve().parents[2]) / "corpus" / "seed" / "ynet-syria-coast.txt"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences end at . ! ? or a line break; spans are trimmed of white space."""
    out = []
    for m in re.finditer(r"[^.!?\n]+[.!?]*", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
