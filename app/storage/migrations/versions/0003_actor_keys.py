"""Actor keys' summary: one row per actor across articles (`actor_keys`), filled from the
actor rows already stored; the name search moves from the actor rows onto it, and the
timeline's sentences get a full-text search too.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.storage.migrations.fulltext import (
    create_postgres_search,
    create_sqlite_search,
    drop_postgres_search,
    drop_sqlite_search,
    on_postgres,
)

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

KEY = sa.String(80).with_variant(sa.String(80, collation="C"), "postgresql")

# Names and sentences are searched folded, by word prefix, with no stemming: per table,
# the column searched, and on PostgreSQL the text of it that is searched.
_WORDS = "unicode61 remove_diacritics 2"
_OLD_SEARCH = {"actors": ("name_folded", "coalesce(name_folded, '')")}
_NEW_SEARCH = {
    "actor_keys": ("name_folded", "name_folded"),
    "timeline": ("sentence_folded", "sentence_folded"),
}


def _create_search(searched: dict[str, tuple[str, str]]) -> None:
    for table, (column, expression) in searched.items():
        if on_postgres():
            create_postgres_search(table, f"to_tsvector('simple'::regconfig, {expression})")
        else:
            create_sqlite_search(table, column, _WORDS)


def _drop_search(searched: dict[str, tuple[str, str]]) -> None:
    for table in searched:
        if on_postgres():
            drop_postgres_search(table)
        else:
            drop_sqlite_search(table)


def upgrade() -> None:
    from app.storage.summaries import rebuild_summaries  # as the code of this revision does

    op.create_table(
        "actor_keys",
        sa.Column("key", KEY, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(50)),
        sa.Column("country", sa.String(2)),
        sa.Column("article_count", sa.Integer, nullable=False),
        sa.Column("quote_count", sa.Integer, nullable=False),
        sa.Column("first_seen", sa.Date),
        sa.Column("last_seen", sa.Date),
        sa.Column("name_folded", sa.Text, nullable=False),
        sa.Column("roles", sa.Text, nullable=False),
    )
    op.create_index("ix_actor_keys_articles", "actor_keys", [sa.text("article_count DESC"), "key"])
    op.create_index("ix_actor_keys_quotes", "actor_keys", [sa.text("quote_count DESC"), "key"])
    op.create_index("ix_actor_keys_name", "actor_keys", ["name_folded", "key"])
    _drop_search(_OLD_SEARCH)
    _create_search(_NEW_SEARCH)
    rebuild_summaries(op.get_bind())


def downgrade() -> None:
    _drop_search(_NEW_SEARCH)
    _create_search(_OLD_SEARCH)
    op.drop_table("actor_keys")
