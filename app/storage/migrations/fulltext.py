"""Full-text search structures that the migrations make and remove: on SQLite an FTS5
table over some columns of a table, kept by triggers; on PostgreSQL a generated `search`
tsvector column with a GIN index."""

from __future__ import annotations

from alembic import op


def on_postgres() -> bool:
    return op.get_context().dialect.name == "postgresql"


def create_sqlite_search(table: str, columns: str, tokenize: str) -> None:
    """`{table}_fts` over `columns` (comma-separated), filled from the rows already there.
    No update trigger: the searched columns of a row never change (the archive deletes and
    inserts rows, and an actor key's folded name is part of the key)."""
    fts = f"{table}_fts"
    new = ", ".join(f"new.{c.strip()}" for c in columns.split(","))
    old = ", ".join(f"old.{c.strip()}" for c in columns.split(","))
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({columns}, content='{table}', "
        f"content_rowid='rowid', tokenize='{tokenize}')"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {columns}) VALUES (new.rowid, {new}); END"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {columns}) VALUES ('delete', old.rowid, {old}); END"
    )
    op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def drop_sqlite_search(table: str) -> None:
    op.execute(f"DROP TRIGGER {table}_fts_insert")
    op.execute(f"DROP TRIGGER {table}_fts_delete")
    op.execute(f"DROP TABLE {table}_fts")


def create_postgres_search(table: str, expression: str) -> None:
    op.execute(
        f"ALTER TABLE {table} ADD COLUMN search tsvector GENERATED ALWAYS AS ({expression}) STORED"
    )
    op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING gin (search)")


def drop_postgres_search(table: str) -> None:
    op.execute(f"DROP INDEX ix_{table}_search")
    op.execute(f"ALTER TABLE {table} DROP COLUMN search")
