"""The archive: articles with their facts document, and their actors, quotes and dates.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(100).with_variant(sa.String(100, collation="C"), "postgresql")


def _article_key() -> sa.Column[str]:
    return sa.Column(
        "article_id", ID, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", ID, primary_key=True),
        sa.Column("content_key", sa.String(64), nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("url", sa.Text),
        sa.Column("word_count", sa.Integer, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extraction_version", sa.String(64), nullable=False),
        sa.Column("facts", sa.Text, nullable=False),
        sa.Column("facts_gzip", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_articles_published_id", "articles", ["published", "id"])
    op.create_table(
        "actors",
        _article_key(),
        sa.Column("id", ID, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(50)),
        sa.Column("country", sa.String(2)),
        sa.Column("salience", sa.Float, nullable=False),
        sa.Column("mention_count", sa.Integer, nullable=False),
    )
    op.create_index("ix_actors_name", "actors", ["name"])
    op.create_table(
        "quotes",
        _article_key(),
        sa.Column("id", ID, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("speaker_id", ID),
        sa.Column("speaker_name", sa.Text),
        sa.Column("cue", sa.Text),
        sa.Column("said_on", ID),
        sa.Column("paragraph", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_index("ix_quotes_speaker_name", "quotes", ["speaker_name"])
    op.create_table(
        "dates",
        _article_key(),
        sa.Column("id", ID, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("value", sa.String(100)),
        sa.Column("interval_start", sa.Date),
        sa.Column("interval_end", sa.Date),
        sa.Column("paragraph", sa.Integer, nullable=False),
    )
    op.create_index("ix_dates_interval", "dates", ["interval_start", "interval_end"])


def downgrade() -> None:
    for table in ("dates", "quotes", "actors", "articles"):
        op.drop_table(table)
