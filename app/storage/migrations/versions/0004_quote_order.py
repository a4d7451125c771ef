"""Quotes' search keeps every word, and a speaker's quotes are indexed in the order they
are served.

- PostgreSQL's `english` configuration drops stop words, so `q=plans for them` searched
  for `plan` alone: the same question matched other quotes than on SQLite (whose FTS5
  tokenizer keeps every word), and a quote could not be found by its own words ("not
  give up"). The quotes' search now stems English and drops nothing
  (`english_every_word`).
- `quotes?speaker=` is served newest first: an index in that order reads a page's rows
  only, instead of sorting all of a prolific speaker's quotes first.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.storage.migrations.fulltext import (
    create_postgres_search,
    drop_postgres_search,
    on_postgres,
)

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SEARCH_CONFIGURATION = "english_every_word"
_QUOTE_WORDS = "text || ' ' || coalesce(speaker_name, '')"


def _quote_search(configuration: str) -> str:
    return f"to_tsvector('{configuration}'::regconfig, {_QUOTE_WORDS})"


def _newest_first() -> sa.TextClause:
    # SQLite sorts NULL first, so its DESC already puts undated quotes last (and it has
    # no NULLS LAST in an index).
    return sa.text("dated DESC NULLS LAST" if on_postgres() else "dated DESC")


def upgrade() -> None:
    op.drop_index("ix_quotes_speaker_key_dated", "quotes")
    op.create_index(
        "ix_quotes_speaker_order", "quotes", ["speaker_key", _newest_first(), "article_id", "start"]
    )
    if on_postgres():
        op.execute(
            f"CREATE TEXT SEARCH DICTIONARY {SEARCH_CONFIGURATION}_stem "
            "(TEMPLATE = snowball, Language = english)"
        )
        op.execute(f"CREATE TEXT SEARCH CONFIGURATION {SEARCH_CONFIGURATION} (COPY = english)")
        op.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {SEARCH_CONFIGURATION} "
            f"ALTER MAPPING REPLACE english_stem WITH {SEARCH_CONFIGURATION}_stem"
        )
        drop_postgres_search("quotes")
        create_postgres_search("quotes", _quote_search(SEARCH_CONFIGURATION))


def downgrade() -> None:
    if on_postgres():
        drop_postgres_search("quotes")
        create_postgres_search("quotes", _quote_search("english"))
        op.execute(f"DROP TEXT SEARCH CONFIGURATION {SEARCH_CONFIGURATION}")
        op.execute(f"DROP TEXT SEARCH DICTIONARY {SEARCH_CONFIGURATION}_stem")
    op.drop_index("ix_quotes_speaker_order", "quotes")
    op.create_index("ix_quotes_speaker_key_dated", "quotes", ["speaker_key", "dated"])
