"""Persistent storage: :class:`Store` over SQLAlchemy Core with Alembic migrations."""

from .db import AddResult, NewDocument, Store, text_id

__all__ = ["AddResult", "NewDocument", "Store", "text_id"]
