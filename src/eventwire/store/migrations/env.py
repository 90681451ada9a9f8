"""Alembic environment: run against the connection eventwire hands over (never a config URL)."""

from alembic import context

from eventwire.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - eventwire always passes one
    raise RuntimeError("eventwire migrations run through eventwire.store.Store, not the alembic CLI")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
