"""The store's tables (SQLAlchemy Core), as the latest migration leaves them.

Migrations under ``migrations/versions`` create and change these tables; this module
mirrors the result so that queries can be written against it. The design keeps every
layer separate so that later layers never rewrite earlier ones:

* ``documents``: one row per distinct text (id = SHA-256 of the text), raw bytes exactly
  as first received; ``arrivals`` logs every time content arrived (also repeats).
* ``extractions``: one row per document and extractor version (full JSON result);
  ``is_current`` marks the one that reconciliation reads.
* ``events`` and ``claims``: the events of each extraction, flattened for querying.
* ``incidents`` and ``incident_events``: the output of reconciliation (rebuildable).
* ``review_log``: append-only human decisions, replayed over every reconciliation.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True),          # sha256 hex of text (UTF-8)
    Column("text", Text, nullable=False),
    Column("raw", LargeBinary, nullable=False),          # bytes exactly as first received
    Column("raw_sha256", String(64), nullable=False),
    Column("content_type", String(100)),                 # text/plain, text/html, application/json, ...
    Column("url", Text),
    Column("outlet", String(200)),
    Column("title", Text),
    Column("author", Text),
    Column("published", String(10)),                     # YYYY-MM-DD
    Column("language", String(8)),
    Column("external_id", Text),                         # the `id` of a JSONL record
    Column("via", String(20), nullable=False),           # file | url | feed | jsonl | stdin
    Column("origin", Text),                              # path or URL it came from
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("meta", JSON),                                # anything else we learnt
)
Index("ix_documents_outlet", documents.c.outlet)
Index("ix_documents_published", documents.c.published)
Index("ix_documents_language", documents.c.language)

arrivals = Table(
    "arrivals", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("via", String(20), nullable=False),
    Column("origin", Text),
    Column("raw_sha256", String(64), nullable=False),
    Column("arrived_at", DateTime(timezone=True), nullable=False),
    Column("created", Boolean, nullable=False),          # did this arrival create the document?
)
Index("ix_arrivals_document", arrivals.c.document_id)

extractions = Table(
    "extractions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("extractor_version", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("status", String(10), nullable=False),        # ok | error | skipped
    Column("error_code", String(10)),
    Column("error_message", Text),
    Column("result", JSON),
    Column("is_current", Boolean, nullable=False, default=True),
    UniqueConstraint("document_id", "extractor_version", name="uq_extraction_doc_version"),
)
Index("ix_extractions_current", extractions.c.document_id, extractions.c.is_current)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("extraction_id", Integer, ForeignKey("extractions.id"), nullable=False),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("key", String(20), nullable=False),           # e1, e2, ... within the extraction
    Column("rank", Integer, nullable=False),             # salience order, 0 = main event
    Column("type", String(40)),
    Column("sub_type", String(60)),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("date_precision", Integer),
    Column("country", String(2)),
    Column("admin1_iso", String(10)),
    Column("location_name", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("fatalities_best", Integer),                  # best total (or sum of groups) for sorting
    Column("data", JSON, nullable=False),                # the event object of the contract
)
Index("ix_events_block", events.c.country, events.c.admin1_iso, events.c.date_start)
Index("ix_events_extraction", events.c.extraction_id)
Index("ix_events_document", events.c.document_id)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("source_name", Text),
    Column("source_type", String(30)),
    Column("stance", String(20)),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
)
Index("ix_claims_event", claims.c.event_id)
Index("ix_claims_source", claims.c.source_name)

incidents = Table(
    "incidents", metadata,
    Column("id", String(40), primary_key=True),          # stable: derived from its earliest report
    Column("type", String(40)),
    Column("sub_type", String(60)),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("country", String(2)),
    Column("admin1_iso", String(10)),
    Column("lat", Float),
    Column("lon", Float),
    Column("grade", String(20)),
    Column("fatalities_best", Integer),
    Column("data", JSON, nullable=False),                # the incident object (docs/incidents.md)
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_incidents_block", incidents.c.country, incidents.c.admin1_iso, incidents.c.date_start)

incident_events = Table(
    "incident_events", metadata,
    Column("incident_id", String(40), ForeignKey("incidents.id"), primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id"), primary_key=True),
)
Index("ix_incident_events_event", incident_events.c.event_id)

review_log = Table(
    "review_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("reviewer", String(200)),
    Column("action", String(20), nullable=False),        # merge | split | confirm | reject | edit
    Column("target", Text, nullable=False),              # stable reference (see reconcile.review)
    Column("payload", JSON),
    Column("reason", Text),
)

meta = Table(
    "meta", metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text),
)
