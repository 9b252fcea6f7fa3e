"""Alembic environment: runs migrations on the engine the app hands over (never a config URL)."""

from alembic import context

from studio.store.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite can only ALTER through a table copy
    )
    with context.begin_transaction():
        context.run_migrations()
