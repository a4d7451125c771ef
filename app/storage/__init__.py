"""The archive: added articles and their facts, kept in a SQL database (SQLAlchemy 2, with
Alembic migrations). SQLite by default, PostgreSQL when several replicas share it. Nothing
here knows about HTTP."""

from app.storage.archive import (
    Archive,
    ArchiveUnavailableError,
    PublishedRange,
    StoredFacts,
    content_key,
)

__all__ = ["Archive", "ArchiveUnavailableError", "PublishedRange", "StoredFacts", "content_key"]
