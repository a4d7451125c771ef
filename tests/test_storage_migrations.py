"""The Alembic migrations: from an empty database up to the schema the code declares, and
back down, on SQLite and on PostgreSQL."""

from __future__ import annotations

from functools import partial

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from app.storage import Archive
from app.storage.across import QuoteQuery, search_quotes
from app.storage.database import create_archive_engine, downgrade, upgrade
from app.storage.schema import FTS_TABLES, declared, metadata
from tests.conftest import Extract

TABLES = {"articles", "actors", "quotes", "dates", "timeline", "timeline_actors"}


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
            assert (
                compare_metadata(
                    MigrationContext.configure(connection, opts={"include_name": declared}),
                    metadata,
                )
                == []
            )
        upgrade(engine)  # a second start finds nothing to do
        downgrade(engine, "base")
        assert not TABLES & set(inspect(engine).get_table_names())
        upgrade(engine)
        assert set(inspect(engine).get_table_names()) >= TABLES
    finally:
        engine.dispose()


def _search_objects(engine: Engine) -> set[str]:
    """The full-text search structures: FTS5 tables, or tsvector columns with their index."""
    inspector = inspect(engine)
    if engine.dialect.name == "sqlite":
        return set(inspector.get_table_names()) & set(FTS_TABLES)
    return {
        f"{table}.{column['name']}"
        for table in ("quotes", "actors")
        for column in inspector.get_columns(table)
        if column["name"] == "search"
    } | {
        name
        for table in ("quotes", "actors")
        for index in inspector.get_indexes(table)
        if (name := index["name"] or "").endswith("_search")
    }


def test_the_search_revision_goes_up_and_down(database_url: str) -> None:
    engine = create_archive_engine(database_url)
    try:
        downgrade(engine, "base")  # the module's database: whatever the test before left
        upgrade(engine, "0001")
        assert not _search_objects(engine)
        upgrade(engine)
        assert len(_search_objects(engine)) in (2, 4)  # two FTS5 tables; two columns, two indexes
        downgrade(engine, "0001")
        assert not _search_objects(engine)
        assert "timeline" not in inspect(engine).get_table_names()
        assert "key" not in {column["name"] for column in inspect(engine).get_columns("actors")}
    finally:
        downgrade(engine, "base")
        engine.dispose()


def test_the_search_revision_indexes_the_articles_already_stored(
    database_url: str, extract: Extract
) -> None:
    facts = extract('"Rates will stay high," economist Nadia Petrova told reporters on Monday.')
    archive = Archive(database_url, extraction_version="test")
    try:
        downgrade(archive.engine, "base")
        upgrade(archive.engine)
        archive.add(facts, "a" * 64)
        downgrade(archive.engine, "0001")  # an archive from before the search revision
        upgrade(archive.engine)
        quotes, total = archive.read(
            partial(search_quotes, query=QuoteQuery(words=["rates"]), offset=0, limit=10)
        )
        assert total == 1 and quotes[0].speaker is not None
        assert quotes[0].speaker.key is not None and quotes[0].speaker.name == "Nadia Petrova"
    finally:
        downgrade(archive.engine, "base")
        archive.close()
