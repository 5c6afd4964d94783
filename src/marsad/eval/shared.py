"""Where the shared folder (``spec/``, ``corpus/``: the gold sets) of a source checkout is.

The project is developed beside ``shared/``; a clone made elsewhere (``git clone . /tmp/x``,
as CI does) finds it beside the repository it was cloned from. ``MARSAD_SHARED`` overrides
both. Used by the tests, ``bench/`` and ``scripts/``; ``marsad eval`` itself takes paths.
"""

from __future__ import annotations

import configparser
import os
from pathlib import Path


def shared_dir(repo: Path) -> Path:
    """``$MARSAD_SHARED``, else ``shared/`` beside the checkout at ``repo``, else beside the
    local repository ``repo`` was cloned from; the first candidate when none exists."""
    env = os.environ.get("MARSAD_SHARED")
    if env:
        return Path(env)
    beside = repo.parent / "shared"
    if beside.is_dir():
        return beside
    origin = _local_origin(repo)
    if origin is not None and (origin.parent / "shared").is_dir():
        return origin.parent / "shared"
    return beside


def _local_origin(repo: Path) -> Path | None:
    """The path of ``repo``'s ``origin`` remote when it is a local directory."""
    config = configparser.ConfigParser(strict=False, interpolation=None)
    try:
        config.read(repo / ".git" / "config", encoding="utf-8")
    except (configparser.Error, OSError):
        return None
    url = config.get('remote "origin"', "url", fallback=None)
    if not url or "://" in url or url.startswith("git@"):
        return None
    path = Path(url[len("file://"):] if url.startswith("file://") else url)
    path = (repo / path).resolve() if not path.is_absolute() else path
    return path if path.is_dir() else None
