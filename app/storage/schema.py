"""The archive's tables. The facts document is kept as served (JSON, and gzipped, so that a
read needs no encoding); beside it, one row per actor, quote and date mention, with the
columns a query across articles filters on. Migrations (`migrations/versions/`) create
exactly these tables; a test compares the two."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
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
    false,
)

metadata = MetaData()

# Ids sort byte-wise on every database, as they do in Python (PostgreSQL's default collation
# would put `a-b` after `ab`), so a listing merged with the shipped articles keeps one order.
ID = String(100).with_variant(String(100, collation="C"), "postgresql")
KEY = String(80).with_variant(String(80, collation="C"), "postgresql")


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
    # The shipped articles are indexed too, so that questions across articles cover them;
    # they are served from memory, and neither listed nor deleted from here.
    Column("shipped", Boolean, nullable=False, server_default=false()),
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
    # Across articles (revision 0002): the actor's key, its name folded for search, the
    # quotes it said here, its roles here (JSON) and the article's publication day.
    Column("key", KEY),
    Column("name_folded", Text),
    Column("quote_count", Integer),
    Column("roles", Text),
    Column("published", Date),
    Index("ix_actors_name", "name"),
    Index("ix_actors_key", "key"),
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
    # Across articles (revision 0002): the speaker's key, the day the quote was said (else
    # the article's publication day), and the quote as served (JSON).
    Column("speaker_key", KEY),
    Column("dated", Date),
    Column("document", Text),
    Index("ix_quotes_speaker_name", "speaker_name"),
    Index("ix_quotes_dated", "dated"),
)
# A speaker's quotes in the order `GET /v1/quotes?speaker=` serves them (revision 0004).
Index(
    "ix_quotes_speaker_order",
    quotes.c.speaker_key,
    quotes.c.dated.desc().nulls_last(),
    quotes.c.article_id,
    quotes.c.start,
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

timeline = Table(
    "timeline",
    metadata,
    _article_key(),
    Column("date_id", ID, primary_key=True),
    Column("interval_start", Date, nullable=False),
    Column("interval_end", Date, nullable=False),
    Column("published", Date),
    Column("start", Integer, nullable=False),
    Column("sentence_folded", Text, nullable=False),
    Column("entry", Text, nullable=False),
    Index("ix_timeline_interval", "interval_start", "interval_end"),
)

timeline_actors = Table(
    "timeline_actors",
    metadata,
    _article_key(),
    Column("date_id", ID, primary_key=True),
    Column("actor_key", KEY, primary_key=True),
    Index("ix_timeline_actors_key", "actor_key"),
)

# Each actor key once, with what the actor rows of all its articles add up to (revision
# 0003): kept up to date in the transaction of every add and delete (`summaries.py`), so
# that a page of actors across articles reads one row per actor, however many articles
# name it. `roles` is a JSON list of the roles in the order first stated, each with where
# it was first stated (so that an article added later can still come first).
actor_keys = Table(
    "actor_keys",
    metadata,
    Column("key", KEY, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("kind", String(50)),
    Column("country", String(2)),
    Column("article_count", Integer, nullable=False),
    Column("quote_count", Integer, nullable=False),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("name_folded", Text, nullable=False),
    Column("roles", Text, nullable=False),
)
# The orders `GET /v1/actors` sorts by, so that a page reads only its own rows.
Index("ix_actor_keys_articles", actor_keys.c.article_count.desc(), actor_keys.c.key)
Index("ix_actor_keys_quotes", actor_keys.c.quote_count.desc(), actor_keys.c.key)
Index("ix_actor_keys_name", actor_keys.c.name_folded, actor_keys.c.key)

# Full-text search lives outside the declared tables: on SQLite, FTS5 tables kept by
# triggers (`quotes_fts`, `actor_keys_fts`, `timeline_fts` and their shadow tables); on
# PostgreSQL, a generated `search` tsvector column on `quotes`, `actor_keys` and `timeline`
# with a GIN index. Migrations 0002, 0003 and 0004 make them; comparisons of the schema
# with these tables leave them out. The quotes' words are stemmed English with no word
# dropped: PostgreSQL's own `english` drops stop words, which SQLite's FTS5 keeps.
FTS_TABLES = ("quotes_fts", "actor_keys_fts", "timeline_fts")
SEARCH_COLUMN = "search"
QUOTE_SEARCH_CONFIGURATION = "english_every_word"


def declared(name: str | None, type_: str, _parents: object = None) -> bool:
    """Whether a database object is one the tables above declare (Alembic's `include_name`)."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(FTS_TABLES)
    if type_ == "column":
        return name != SEARCH_COLUMN
    if type_ == "index":
        return not name.endswith("_search")
    return True
