"""The Alembic migrations: from an empty database up to the schema the code declares, and
back down, on SQLite and on PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app.storage.database import create_archive_engine, downgrade, upgrade
from app.storage.schema import metadata

TABLES = {"articles", "actors", "quotes", "dates"}


def test_upgrade_from_empty_matches_the_schema_and_downgrade_removes_it(
    database_url: str,
) -> None:
    engine = create_archive_engine(database_url)
    try:
        assert not TABLES & set(inspect(engine).get_table_names())
        upgrade(engine)
        assert set(inspect(engine).get_table_names()) >= TABLES
        with engine.connect() as connection:
            # What the migrations built is what the code queries: no difference at all.
            assert compare_metadata(MigrationContext.configure(connection), metadata) == []
        upgrade(engine)  # a second start finds nothing to do
        downgrade(engine, "base")
        assert not TABLES & set(inspect(engine).get_table_names())
        upgrade(engine)
        assert set(inspect(engine).get_table_names()) >= TABLES
    finally:
        engine.dispose()
