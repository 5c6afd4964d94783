"""The document store: a thin library over SQLAlchemy Core, SQLite or PostgreSQL.

``Store.open(url)`` connects and applies pending Alembic migrations. Every write that
belongs together happens in one transaction, so a crash never leaves half a document.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..errors import NotFound, StoreError
from . import schema as t

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def text_id(text: str) -> str:
    """The content-hash id of a document: SHA-256 of its text in UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class NewDocument:
    """A document ready to store. ``raw`` is the bytes exactly as received."""

    text: str
    raw: bytes
    via: str
    origin: str | None = None
    content_type: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    external_id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return text_id(self.text)


@dataclass(frozen=True)
class AddResult:
    id: str
    created: bool


def _alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


class Store:
    """All persistent state of marsad. Use :meth:`open`; close with :meth:`close`."""

    def __init__(self, engine: Engine):
        self.engine = engine

    # -- lifecycle -----------------------------------------------------------------
    @classmethod
    def open(cls, url: str, *, upgrade: bool = True) -> "Store":
        try:
            if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
                Path(url[len("sqlite:///"):]).expanduser().parent.mkdir(parents=True, exist_ok=True)
            kwargs: dict[str, Any] = {"future": True}
            if url.startswith("sqlite"):
                kwargs["connect_args"] = {"timeout": 30}
            engine = sa.create_engine(url, **kwargs)
            if url.startswith("sqlite"):
                sa.event.listen(engine, "connect", _sqlite_pragmas)
            store = cls(engine)
            if upgrade:
                store.upgrade()
            return store
        except sa.exc.ArgumentError as exc:
            raise StoreError(f"bad database URL {url!r}: {exc}", code="M201") from None
        except sa.exc.OperationalError as exc:
            raise StoreError(
                f"cannot open database {_redact(url)}: {exc.orig}".strip(), code="M202"
            ) from None
        except ModuleNotFoundError as exc:
            raise StoreError(f"no driver for {_redact(url)}: {exc}", code="M203") from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def upgrade(self) -> str | None:
        """Apply pending migrations; return the revision the database is at."""
        from alembic import command

        with self.engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
        return self.revision()

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            try:
                return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
            except sa.exc.DBAPIError:
                return None

    # -- documents -----------------------------------------------------------------
    def add_document(self, doc: NewDocument) -> AddResult:
        """Store ``doc`` unless a document with the same text exists. One transaction.

        Every arrival is logged in ``arrivals``, also when it changes nothing.
        """
        doc_id = doc.id
        now = utcnow()
        raw_sha = hashlib.sha256(doc.raw).hexdigest()
        with self.engine.begin() as conn:
            exists = conn.execute(
                sa.select(t.documents.c.id).where(t.documents.c.id == doc_id)
            ).first()
            created = exists is None
            if created:
                try:
                    conn.execute(t.documents.insert().values(
                        id=doc_id, text=doc.text, raw=doc.raw, raw_sha256=raw_sha,
                        content_type=doc.content_type, url=doc.url, outlet=doc.outlet,
                        title=doc.title, author=doc.author, published=doc.published,
                        language=doc.language, external_id=doc.external_id, via=doc.via,
                        origin=doc.origin, ingested_at=now, meta=doc.meta or None,
                    ))
                except sa.exc.IntegrityError:
                    # another writer stored the same text in between: not an error
                    created = False
            conn.execute(t.arrivals.insert().values(
                document_id=doc_id, via=doc.via, origin=doc.origin, raw_sha256=raw_sha,
                arrived_at=now, created=created,
            ))
        return AddResult(doc_id, created)

    def resolve_document_id(self, id_or_prefix: str) -> str:
        """Full id for an id or an unambiguous prefix (at least 6 hex characters)."""
        key = id_or_prefix.strip().lower()
        with self.engine.connect() as conn:
            if len(key) == 64:
                row = conn.execute(sa.select(t.documents.c.id).where(t.documents.c.id == key)).first()
                if row:
                    return row[0]
            elif len(key) >= 6:
                rows = conn.execute(
                    sa.select(t.documents.c.id).where(t.documents.c.id.like(key + "%")).limit(2)
                ).all()
                if len(rows) == 1:
                    return rows[0][0]
                if len(rows) > 1:
                    raise NotFound(f"document id prefix {id_or_prefix!r} is ambiguous; give more characters")
            # also accept the id a JSONL record carried
            rows = conn.execute(
                sa.select(t.documents.c.id).where(t.documents.c.external_id == id_or_prefix).limit(2)
            ).all()
            if len(rows) == 1:
                return rows[0][0]
        raise NotFound(f"no document {id_or_prefix!r} (see `marsad documents`)")

    def get_document(self, id_or_prefix: str, *, with_raw: bool = False) -> dict[str, Any]:
        doc_id = self.resolve_document_id(id_or_prefix)
        cols = [c for c in t.documents.c if with_raw or c.name != "raw"]
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(*cols).where(t.documents.c.id == doc_id)).mappings().first()
            arrivals = conn.execute(
                sa.select(t.arrivals.c.via, t.arrivals.c.origin, t.arrivals.c.arrived_at,
                          t.arrivals.c.created)
                .where(t.arrivals.c.document_id == doc_id).order_by(t.arrivals.c.id)
            ).mappings().all()
        out = _plain(dict(row))
        out["arrivals"] = [_plain(dict(a)) for a in arrivals]
        return out

    def list_documents(self, *, outlet: str | None = None, language: str | None = None,
                       since: str | None = None, until: str | None = None,
                       limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        d = t.documents.c
        q = sa.select(d.id, d.published, d.outlet, d.language, d.title, d.url, d.via,
                      d.ingested_at, sa.func.length(d.text).label("chars"))
        if outlet:
            q = q.where(sa.func.lower(d.outlet) == outlet.lower())
        if language:
            q = q.where(d.language == language)
        if since:
            q = q.where(d.published >= since)
        if until:
            q = q.where(d.published <= until)
        q = q.order_by(d.published.desc().nulls_last(), d.ingested_at, d.id).offset(offset)
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [_plain(dict(r)) for r in conn.execute(q).mappings()]

    def iter_documents(self, ids: Iterable[str] | None = None, batch: int = 200) -> Iterator[dict[str, Any]]:
        """Yield full documents (without raw bytes), in ingest order."""
        d = t.documents.c
        cols = [c for c in t.documents.c if c.name != "raw"]
        if ids is not None:
            for i in ids:
                yield self.get_document(i)
            return
        last = None
        while True:
            q = sa.select(*cols).order_by(d.id).limit(batch)
            if last is not None:
                q = q.where(d.id > last)
            with self.engine.connect() as conn:
                rows = conn.execute(q).mappings().all()
            if not rows:
                return
            for r in rows:
                yield _plain(dict(r))
            last = rows[-1]["id"]

    def count(self, table: str) -> int:
        tbl = t.metadata.tables[table]
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(tbl)).scalar_one()

    def stats(self) -> dict[str, Any]:
        d = t.documents.c
        with self.engine.connect() as conn:
            def grouped(col):
                rows = conn.execute(
                    sa.select(col, sa.func.count()).group_by(col).order_by(sa.func.count().desc(), col)
                ).all()
                return {(k if k is not None else "(none)"): n for k, n in rows}

            span = conn.execute(sa.select(sa.func.min(d.published), sa.func.max(d.published))).first()
            out = {
                "database": _redact(str(self.engine.url)),
                "revision": self.revision(),
                "documents": self.count("documents"),
                "arrivals": self.count("arrivals"),
                "extractions": self.count("extractions"),
                "events": self.count("events"),
                "incidents": self.count("incidents"),
                "review_decisions": self.count("review_log"),
                "published_from": span[0],
                "published_to": span[1],
                "by_language": grouped(d.language),
                "by_outlet": grouped(d.outlet),
                "by_via": grouped(d.via),
            }
        return out


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _redact(url: str) -> str:
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - only for display; never hide the real error
        return "<database>"


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """JSON-ready values: datetimes as ISO strings."""
    for k, v in list(row.items()):
        if isinstance(v, (dt.datetime, dt.date)):
            row[k] = v.isoformat()
    return row
