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

    # -- extractions ---------------------------------------------------------------
    def save_extraction(self, document_id: str, version: str, result: dict[str, Any]) -> int:
        """Store one extraction result (``marsad.extraction/1``) of a document and make it
        current; its events and claims are flattened into ``events`` and ``claims``.

        Re-saving the same document and version replaces that version's rows (an
        extractor version is deterministic); other versions are kept. One transaction.
        """
        now = utcnow()
        err = result.get("error")
        status = "error" if err else "ok"
        x, ev, cl = t.extractions, t.events, t.claims
        with self.engine.begin() as conn:
            old = conn.execute(sa.select(x.c.id).where(
                x.c.document_id == document_id, x.c.extractor_version == version)).scalar()
            if old is not None:
                old_events = sa.select(ev.c.id).where(ev.c.extraction_id == old)
                conn.execute(cl.delete().where(cl.c.event_id.in_(old_events)))
                conn.execute(t.incident_events.delete().where(t.incident_events.c.event_id.in_(old_events)))
                conn.execute(ev.delete().where(ev.c.extraction_id == old))
                conn.execute(x.delete().where(x.c.id == old))
            conn.execute(x.update().where(x.c.document_id == document_id).values(is_current=False))
            xid = conn.execute(x.insert().values(
                document_id=document_id, extractor_version=version, created_at=now,
                status=status, error_code=(err or {}).get("code"),
                error_message=(err or {}).get("message"), result=result, is_current=True,
            )).inserted_primary_key[0]
            for rank, event in enumerate(result.get("events") or []):
                loc = event.get("location") or {}
                date = event.get("date") or {}
                eid = conn.execute(ev.insert().values(
                    extraction_id=xid, document_id=document_id, key=str(event.get("id") or f"e{rank + 1}"),
                    rank=rank, type=event.get("type"), sub_type=event.get("sub_type"),
                    date_start=date.get("start"), date_end=date.get("end"),
                    date_precision=date.get("precision"), country=loc.get("country"),
                    admin1_iso=loc.get("admin1_iso"), location_name=loc.get("name"),
                    lat=loc.get("lat"), lon=loc.get("lon"), geo_precision=loc.get("precision"),
                    fatalities_best=best_fatalities(event), data=event,
                )).inserted_primary_key[0]
                claims = event.get("claims") or []
                if claims:
                    conn.execute(cl.insert(), [{
                        "event_id": eid, "document_id": document_id,
                        "source_name": (c.get("source") or {}).get("name"),
                        "source_type": (c.get("source") or {}).get("type"),
                        "stance": c.get("stance"), "start": c.get("start"), "end": c.get("end"),
                        "text": c.get("text"),
                    } for c in claims])
        return xid

    def get_extraction(self, document_id: str, version: str | None = None) -> dict[str, Any] | None:
        """The current extraction of a document (or the one of ``version``), or None."""
        x = t.extractions.c
        q = sa.select(t.extractions).where(x.document_id == document_id)
        q = q.where(x.extractor_version == version) if version else q.where(x.is_current.is_(True))
        with self.engine.connect() as conn:
            row = conn.execute(q).mappings().first()
        return _plain(dict(row)) if row else None

    def documents_needing_extraction(self, version: str) -> list[str]:
        """Ids of documents with no extraction of ``version``."""
        x = t.extractions.c
        done = sa.select(x.document_id).where(x.extractor_version == version)
        with self.engine.connect() as conn:
            return list(conn.execute(
                sa.select(t.documents.c.id).where(t.documents.c.id.not_in(done)).order_by(t.documents.c.id)
            ).scalars())

    def iter_current_events(self, *, since: str | None = None, until: str | None = None,
                            country: str | None = None, batch: int = 2000) -> Iterator[dict[str, Any]]:
        """Events of every document's current extraction, ordered by id, with their
        document's outlet and published date: ``{id, document_id, key, rank, ..., data,
        outlet, published}``."""
        ev, x, d = t.events.c, t.extractions.c, t.documents.c
        q = (sa.select(t.events, d.outlet, d.published, d.title, d.url)
             .join(t.extractions, x.id == ev.extraction_id)
             .join(t.documents, d.id == ev.document_id)
             .where(x.is_current.is_(True)))
        if since:
            q = q.where(ev.date_end >= since)
        if until:
            q = q.where(ev.date_start <= until)
        if country:
            q = q.where(ev.country == country)
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(q.where(ev.id > last).order_by(ev.id).limit(batch)).mappings().all()
            if not rows:
                return
            for r in rows:
                yield dict(r)
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


def best_fatalities(event: dict[str, Any]) -> int | None:
    """The best total of an event's fatalities: ``total``, else the sum of the groups
    that do not overlap (civilians + combatants)."""
    f = event.get("fatalities") or {}
    total = f.get("total")
    if total and total.get("best") is not None:
        return int(total["best"])
    parts = [f.get(k) for k in ("civilians", "combatants")]
    vals = [p["best"] for p in parts if p and p.get("best") is not None]
    return sum(vals) if vals else None


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
