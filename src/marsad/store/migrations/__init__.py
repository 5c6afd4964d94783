"""Alembic migrations, applied automatically by :meth:`marsad.store.Store.open`."""
