"""Across articles: actor keys, the day each quote was said, the timeline, full-text search
(SQLite FTS5 kept by triggers; PostgreSQL generated tsvector columns with GIN indexes),
and the shipped articles' flag. Existing articles are indexed again from their facts.

Revision ID: 0002
Revises: 0001
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

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ID = sa.String(100).with_variant(sa.String(100, collation="C"), "postgresql")
KEY = sa.String(80).with_variant(sa.String(80, collation="C"), "postgresql")

# What each table's search covers: the quote's words and its speaker's name (stemmed
# English), the actor's folded name (words as they are, searched by prefix).
_SQLITE_SEARCH = {
    "quotes": ("text, speaker_name", "porter unicode61 remove_diacritics 2"),
    "actors": ("name_folded", "unicode61 remove_diacritics 2"),
}
_POSTGRES_SEARCH = {
    "quotes": "to_tsvector('english'::regconfig, text || ' ' || coalesce(speaker_name, ''))",
    "actors": "to_tsvector('simple'::regconfig, coalesce(name_folded, ''))",
}


def _article_key() -> sa.Column[str]:
    return sa.Column(
        "article_id", ID, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )


def upgrade() -> None:
    from app.storage.indexing import reindex  # the rows as the code of this revision writes them

    with op.batch_alter_table("articles") as batch:
        batch.add_column(
            sa.Column("shipped", sa.Boolean, nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("actors") as batch:
        batch.add_column(sa.Column("key", KEY))
        batch.add_column(sa.Column("name_folded", sa.Text))
        batch.add_column(sa.Column("quote_count", sa.Integer))
        batch.add_column(sa.Column("roles", sa.Text))
        batch.add_column(sa.Column("published", sa.Date))
    op.create_index("ix_actors_key", "actors", ["key"])
    with op.batch_alter_table("quotes") as batch:
        batch.add_column(sa.Column("speaker_key", KEY))
        batch.add_column(sa.Column("dated", sa.Date))
        batch.add_column(sa.Column("document", sa.Text))
    op.create_index("ix_quotes_speaker_key_dated", "quotes", ["speaker_key", "dated"])
    op.create_index("ix_quotes_dated", "quotes", ["dated"])
    op.create_table(
        "timeline",
        _article_key(),
        sa.Column("date_id", ID, primary_key=True),
        sa.Column("interval_start", sa.Date, nullable=False),
        sa.Column("interval_end", sa.Date, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("sentence_folded", sa.Text, nullable=False),
        sa.Column("entry", sa.Text, nullable=False),
    )
    op.create_index("ix_timeline_interval", "timeline", ["interval_start", "interval_end"])
    op.create_table(
        "timeline_actors",
        _article_key(),
        sa.Column("date_id", ID, primary_key=True),
        sa.Column("actor_key", KEY, primary_key=True),
    )
    op.create_index("ix_timeline_actors_key", "timeline_actors", ["actor_key"])
    if on_postgres():
        for table, expression in _POSTGRES_SEARCH.items():
            create_postgres_search(table, expression)
    else:
        for table, (columns, tokenize) in _SQLITE_SEARCH.items():
            create_sqlite_search(table, columns, tokenize)
    reindex(op.get_bind())


def downgrade() -> None:
    if on_postgres():
        for table in _POSTGRES_SEARCH:
            drop_postgres_search(table)
    else:
        for table in _SQLITE_SEARCH:
            drop_sqlite_search(table)
    op.drop_table("timeline_actors")
    op.drop_table("timeline")
    op.drop_index("ix_quotes_dated", "quotes")
    op.drop_index("ix_quotes_speaker_key_dated", "quotes")
    with op.batch_alter_table("quotes") as batch:
        for column in ("document", "dated", "speaker_key"):
            batch.drop_column(column)
    op.drop_index("ix_actors_key", "actors")
    with op.batch_alter_table("actors") as batch:
        for column in ("published", "roles", "quote_count", "name_folded", "key"):
            batch.drop_column(column)
    op.execute("DELETE FROM articles WHERE shipped")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("shipped")
