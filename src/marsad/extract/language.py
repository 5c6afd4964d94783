"""Stage ``language``: record the report's language; stop non-English reports with a note.

No English rules run on Arabic (or any other) text: the result carries the language
and a note, and no events.
"""

from __future__ import annotations

from ..lang import detect_language
from .base import Context, component


@component("language", reads=("text", "meta"), assigns=("meta", "skip", "notes"))
def language(ctx: Context) -> None:
    """Detect the language unless given; skip the rest for anything but English."""
    lang = ctx.meta.get("language")
    if not lang:
        lang = detect_language(ctx.text, ctx.resources.settings.languages)
        ctx.meta["language"] = lang
    if not ctx.text.strip():
        ctx.notes.append("empty text: nothing to extract")
        ctx.skip = True
    elif lang and lang != "en":
        ctx.notes.append(f"language {lang!r} is not handled yet: stored, no events extracted")
        ctx.skip = True
