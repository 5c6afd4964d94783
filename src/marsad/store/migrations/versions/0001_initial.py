"""Initial schema: documents, arrivals, extractions, events, claims, incidents, review log.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade():
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("raw_sha256", sa.String(64), nullable=False),
        sa.Column("content_type", sa.String(100)),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.String(200)),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("language", sa.String(8)),
        sa.Column("external_id", sa.Text),
        sa.Column("via", sa.String(20), nullable=False),
        sa.Column("origin", sa.Text),
        sa.Column("ingested_at", TZ, nullable=False),
        sa.Column("meta", sa.JSON),
    )
    op.create_index("ix_documents_outlet", "documents", ["outlet"])
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_index("ix_documents_language", "documents", ["language"])

    op.create_table(
        "arrivals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("via", sa.String(20), nullable=False),
        sa.Column("origin", sa.Text),
        sa.Column("raw_sha256", sa.String(64), nullable=False),
        sa.Column("arrived_at", TZ, nullable=False),
        sa.Column("created", sa.Boolean, nullable=False),
    )
    op.create_index("ix_arrivals_document", "arrivals", ["document_id"])

    op.create_table(
        "extractions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("extractor_version", sa.String(40), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("error_code", sa.String(10)),
        sa.Column("error_message", sa.Text),
        sa.Column("result", sa.JSON),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.UniqueConstraint("document_id", "extractor_version", name="uq_extraction_doc_version"),
    )
    op.create_index("ix_extractions_current", "extractions", ["document_id", "is_current"])

    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("extraction_id", sa.Integer, sa.ForeignKey("extractions.id"), nullable=False),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("key", sa.String(20), nullable=False),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("type", sa.String(40)),
        sa.Column("sub_type", sa.String(60)),
        sa.Column("date_start", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("date_precision", sa.Integer),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1_iso", sa.String(10)),
        sa.Column("location_name", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("fatalities_best", sa.Integer),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_events_block", "events", ["country", "admin1_iso", "date_start"])
    op.create_index("ix_events_extraction", "events", ["extraction_id"])
    op.create_index("ix_events_document", "events", ["document_id"])

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("source_name", sa.Text),
        sa.Column("source_type", sa.String(30)),
        sa.Column("stance", sa.String(20)),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("text", sa.Text),
    )
    op.create_index("ix_claims_event", "claims", ["event_id"])
    op.create_index("ix_claims_source", "claims", ["source_name"])

    op.create_table(
        "incidents",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("type", sa.String(40)),
        sa.Column("sub_type", sa.String(60)),
        sa.Column("date_start", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1_iso", sa.String(10)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("grade", sa.String(20)),
        sa.Column("fatalities_best", sa.Integer),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_incidents_block", "incidents", ["country", "admin1_iso", "date_start"])

    op.create_table(
        "incident_events",
        sa.Column("incident_id", sa.String(40), sa.ForeignKey("incidents.id"), primary_key=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), primary_key=True),
    )
    op.create_index("ix_incident_events_event", "incident_events", ["event_id"])

    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("reviewer", sa.String(200)),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("payload", sa.JSON),
        sa.Column("reason", sa.Text),
    )
    # The review log is append-only: the database itself refuses updates and deletes.
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER review_log_no_{verb.lower()} BEFORE {verb} ON review_log "
                f"BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END"
            )
    else:
        op.execute(
            "CREATE FUNCTION marsad_review_log_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'review_log is append-only'; END; $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER review_log_append_only BEFORE UPDATE OR DELETE ON review_log "
            "FOR EACH ROW EXECUTE FUNCTION marsad_review_log_append_only()"
        )

    op.create_table(
        "meta",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text),
    )


def downgrade():
    raise NotImplementedError("marsad migrations never drop data")
