"""Alembic's entry point. The archive runs it with the connection it opened
(`config.attributes["connection"]`); `alembic` from the command line gets the database
from NEWSFACTS_DATABASE_URL, like the service."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from app.settings import get_settings
from app.storage.database import create_archive_engine
from app.storage.schema import metadata


def _run(connection: Connection) -> None:
    # Batch mode lets later migrations alter SQLite tables, which ALTER TABLE cannot.
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


given: Connection | None = context.config.attributes.get("connection")
if given is not None:
    _run(given)
else:
    engine = create_archive_engine(get_settings().archive_url)
    with engine.begin() as connection:
        _run(connection)
    engine.dispose()
