"""The Alembic migrations: from an empty database up to the schema the code declares, and
back down, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
from functools import partial

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from app.storage import Archive
from app.storage.across import QuoteQuery, search_actors, search_quotes
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
        return {t for t in inspector.get_table_names() if t.endswith("_fts")}
    tables = set(inspector.get_table_names()) & {"quotes", "actors", "actor_keys", "timeline"}
    return {
        f"{table}.{column['name']}"
        for table in tables
        for column in inspector.get_columns(table)
        if column["name"] == "search"
    } | {
        name
        for table in tables
        for index in inspector.get_indexes(table)
        if (name := index["name"] or "").endswith("_search")
    }


# The search structures at each revision, on SQLite (FTS5 tables) and on PostgreSQL.
_SEARCHED = {
    "0002": ({"quotes_fts", "actors_fts"}, {"quotes", "actors"}),
    "head": (set(FTS_TABLES), {"quotes", "actor_keys", "timeline"}),
}


def _expected_search(engine: Engine, revision: str) -> set[str]:
    fts, tables = _SEARCHED[revision]
    if engine.dialect.name == "sqlite":
        return fts
    return {f"{table}.search" for table in tables} | {f"ix_{table}_search" for table in tables}


def test_the_search_revision_goes_up_and_down(database_url: str) -> None:
    engine = create_archive_engine(database_url)
    try:
        downgrade(engine, "base")  # the module's database: whatever the test before left
        upgrade(engine, "0001")
        assert not _search_objects(engine)
        upgrade(engine, "0002")
        assert _search_objects(engine) == _expected_search(engine, "0002")
        upgrade(engine)
        assert _search_objects(engine) == _expected_search(engine, "head")
        downgrade(engine, "0002")
        assert _search_objects(engine) == _expected_search(engine, "0002")
        assert "actor_keys" not in inspect(engine).get_table_names()
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


def test_the_summary_revision_counts_the_actors_already_stored(
    database_url: str, extract: Extract
) -> None:
    first = extract(
        '"Rates will stay high," economist Nadia Petrova told reporters on Monday.',
        published=dt.date(2024, 3, 4),
    )
    second = extract(
        '"Prices will fall," Nadia Petrova said in a speech on Friday.',
        published=dt.date(2025, 6, 6),
    )
    archive = Archive(database_url, extraction_version="test")
    try:
        downgrade(archive.engine, "base")
        upgrade(archive.engine)
        archive.add(first, "a" * 64)
        archive.add(second, "b" * 64)
        downgrade(archive.engine, "0002")  # an archive from before the summary revision
        upgrade(archive.engine)
        found, total = archive.read(
            partial(
                search_actors,
                words=["petrova"],
                actor_type=None,
                order="articles",
                offset=0,
                limit=10,
            )
        )
        assert total == 1
        assert (found[0].name, found[0].article_count, found[0].quote_count) == (
            "Nadia Petrova",
            2,
            2,
        )
        assert (found[0].first_seen, found[0].last_seen) == (
            dt.date(2024, 3, 4),
            dt.date(2025, 6, 6),
        )
        assert [role.model_dump() for role in found[0].roles] == [
            role.model_dump()
            for role in next(a for a in first.actors if a.name == "Nadia Petrova").roles
        ]
    finally:
        downgrade(archive.engine, "base")
        archive.close()
