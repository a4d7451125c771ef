"""The archive's tables. The facts document is kept as served (JSON, and gzipped, so that a
read needs no encoding); beside it, one row per actor, quote and date mention, with the
columns a query across articles filters on. Migrations (`migrations/versions/`) create
exactly these tables; a test compares the two."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# Ids sort byte-wise on every database, as they do in Python (PostgreSQL's default collation
# would put `a-b` after `ab`), so a listing merged with the shipped articles keeps one order.
ID = String(100).with_variant(String(100, collation="C"), "postgresql")


def _article_key() -> Column[str]:
    return Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),
    Column("content_key", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("byline", Text),
    Column("published", Date),
    Column("url", Text),
    Column("word_count", Integer, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("extraction_version", String(64), nullable=False),
    Column("facts", Text, nullable=False),
    Column("facts_gzip", LargeBinary, nullable=False),
    Index("ix_articles_published_id", "published", "id"),
)

actors = Table(
    "actors",
    metadata,
    _article_key(),
    Column("id", ID, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("kind", String(50)),
    Column("country", String(2)),
    Column("salience", Float, nullable=False),
    Column("mention_count", Integer, nullable=False),
    Index("ix_actors_name", "name"),
)

quotes = Table(
    "quotes",
    metadata,
    _article_key(),
    Column("id", ID, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker_id", ID),
    Column("speaker_name", Text),
    Column("cue", Text),
    Column("said_on", ID),
    Column("paragraph", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_quotes_speaker_name", "speaker_name"),
)

dates = Table(
    "dates",
    metadata,
    _article_key(),
    Column("id", ID, primary_key=True),
    Column("text", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("value", String(100)),
    Column("interval_start", Date),
    Column("interval_end", Date),
    Column("paragraph", Integer, nullable=False),
    Index("ix_dates_interval", "interval_start", "interval_end"),
)
