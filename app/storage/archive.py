"""Added articles: stored once with all their facts, read back by id, listed, deleted."""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import hashlib
import heapq
import json
import threading
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    true,
)
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError

from app.models import ArticleSummary, Facts
from app.storage.database import create_archive_engine, upgrade
from app.storage.schema import actors, articles, dates, quotes

# The stored gzip is what clients that accept gzip receive: worth the slowest level once.
GZIP_LEVEL = 9
_SUMMARY_COLUMNS = [articles.c[name] for name in ArticleSummary.model_fields]


class ArchiveUnavailableError(Exception):
    """The database cannot be reached (or is too busy); the operation may be retried."""


@dataclass(frozen=True)
class StoredFacts:
    """An added article's facts, and the document as served: JSON, and gzipped."""

    facts: Facts
    json: bytes
    gzipped: bytes

    @property
    def article_id(self) -> str:
        return self.facts.article.id


@dataclass(frozen=True)
class Added:
    stored: StoredFacts
    created: bool  # False: the same content was there already, under `stored.article_id`


@dataclass(frozen=True)
class PublishedRange:
    start: dt.date | None = None
    end: dt.date | None = None

    def keeps(self, published: dt.date | None) -> bool:
        if self.start is None and self.end is None:
            return True
        return (
            published is not None
            and (self.start is None or published >= self.start)
            and (self.end is None or published <= self.end)
        )

    def where(self) -> ColumnElement[bool]:
        published = articles.c.published
        conditions: list[ColumnElement[bool]] = [true()]
        if self.start is not None:
            conditions.append(published >= self.start)
        if self.end is not None:
            conditions.append(published <= self.end)
        return and_(*conditions)


def content_key(*parts: str | None) -> str:
    """What makes two additions the same: a digest of everything the client sent."""
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def newest_first(summary: ArticleSummary) -> tuple[bool, int, str]:
    """The listing's order: latest `published` first, undated last, then by id."""
    published = summary.published
    return (published is None, -published.toordinal() if published else 0, summary.id)


def _sorted_before(summary: ArticleSummary) -> ColumnElement[bool]:
    """Rows that `newest_first` puts before `summary`."""
    published, article_id = articles.c.published, articles.c.id
    if summary.published is None:
        return or_(published.is_not(None), article_id < summary.id)
    return or_(
        published > summary.published,
        and_(published == summary.published, article_id < summary.id),
    )


def _with_id(facts: Facts, article_id: str) -> StoredFacts:
    if facts.article.id != article_id:
        article = facts.article.model_copy(update={"id": article_id})
        facts = facts.model_copy(update={"article": article})
    body = facts.model_dump_json().encode()
    return StoredFacts(facts, body, gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))


def _candidate_ids(article_id: str, key: str) -> Iterator[str]:
    """The article's own id, then ones made unique by its content key (two stories with
    the same headline, or an addition of a shipped article, keep apart)."""
    yield article_id
    yield f"{article_id[:80]}-{key[:8]}"
    yield f"{article_id[:35]}-{key}"  # the content key is unique: this one is free


def fact_rows(facts: Facts) -> dict[Table, list[dict[str, Any]]]:
    """The rows of the actors, quotes and dates tables that hold the article's facts."""
    article_id = facts.article.id
    return {
        actors: [
            {
                "article_id": article_id,
                "id": actor.id,
                "name": actor.name,
                "type": actor.type,
                "kind": actor.kind,
                "country": actor.country,
                "salience": actor.salience,
                "mention_count": len(actor.mentions),
            }
            for actor in facts.actors
        ],
        quotes: [
            {
                "article_id": article_id,
                "id": quote.id,
                "kind": quote.kind,
                "text": quote.text,
                "speaker_id": quote.speaker.id if quote.speaker else None,
                "speaker_name": quote.speaker.name if quote.speaker else None,
                "cue": quote.cue,
                "said_on": quote.said_on,
                "paragraph": quote.paragraph,
                "start": quote.start,
                "end": quote.end,
            }
            for quote in facts.quotes
        ],
        dates: [
            {
                "article_id": article_id,
                "id": mention.id,
                "text": mention.text,
                "type": mention.type,
                "value": mention.value,
                "interval_start": mention.interval.start if mention.interval else None,
                "interval_end": mention.interval.end if mention.interval else None,
                "paragraph": mention.paragraph,
            }
            for mention in facts.dates
        ],
    }


class Archive:
    """The archive in one database. Thread-safe: each call takes a pooled connection.

    The schema is brought up to date by the first call that reaches the database, so a
    server started while the database is down serves its shipped articles and picks the
    archive up once the database answers."""

    def __init__(self, url: str, *, extraction_version: str) -> None:
        self.engine = create_archive_engine(url)
        self._extraction_version = extraction_version
        self._schema_ready = False
        self._schema_lock = threading.Lock()

    @contextlib.contextmanager
    def _connection(self, *, write: bool = False) -> Iterator[Connection]:
        try:
            if not self._schema_ready:
                with self._schema_lock:
                    if not self._schema_ready:
                        upgrade(self.engine)
                        self._schema_ready = True
            with self.engine.begin() if write else self.engine.connect() as connection:
                yield connection
        except (OperationalError, InterfaceError) as error:
            raise ArchiveUnavailableError(str(error.orig or error).strip()) from error

    def ping(self) -> None:
        """Raise ArchiveUnavailableError unless the database answers."""
        with self._connection() as connection:
            connection.execute(select(1))

    def find(self, key: str) -> str | None:
        """The id of the article added with this content key, if any."""
        with self._connection() as connection:
            found: str | None = connection.scalar(
                select(articles.c.id).where(articles.c.content_key == key)
            )
            return found

    def load(self, article_id: str) -> StoredFacts | None:
        with self._connection() as connection:
            row = connection.execute(
                select(articles.c.facts, articles.c.facts_gzip).where(articles.c.id == article_id)
            ).first()
        if row is None:
            return None
        body = row.facts.encode()
        return StoredFacts(Facts.model_validate_json(body), body, bytes(row.facts_gzip))

    def add(self, facts: Facts, key: str, reserved: Collection[str] = ()) -> Added:
        """Store the facts under the article's id (made unique if it is taken), in one
        transaction; content that is there already is not stored again."""
        for article_id in _candidate_ids(facts.article.id, key):
            if article_id in reserved:
                continue
            stored = _with_id(facts, article_id)
            try:
                self._insert(stored, key)
                return Added(stored, created=True)
            except IntegrityError:  # the id is taken, or this content was just added
                if (existing := self.find(key)) is not None and (
                    loaded := self.load(existing)
                ) is not None:
                    return Added(loaded, created=False)
        raise AssertionError("the last candidate id holds the unique content key")

    def _insert(self, stored: StoredFacts, key: str) -> None:
        article = stored.facts.article
        with self._connection(write=True) as connection:
            connection.execute(
                insert(articles).values(
                    id=article.id,
                    content_key=key,
                    title=article.title,
                    byline=article.byline,
                    published=article.published,
                    url=article.url,
                    word_count=article.word_count,
                    added_at=dt.datetime.now(dt.UTC),
                    extraction_version=self._extraction_version,
                    facts=stored.json.decode(),
                    facts_gzip=stored.gzipped,
                )
            )
            for table, rows in fact_rows(stored.facts).items():
                if rows:
                    connection.execute(insert(table), rows)

    def delete(self, article_id: str) -> bool:
        """Remove an added article and its facts; False when there is none by that id."""
        with self._connection(write=True) as connection:
            removed = connection.execute(delete(articles).where(articles.c.id == article_id))
            return removed.rowcount > 0

    def page(
        self,
        shipped: Sequence[ArticleSummary],
        published: PublishedRange,
        offset: int,
        limit: int,
    ) -> tuple[list[ArticleSummary], int]:
        """One page of the shipped and the added articles together, newest first, and how
        many there are in all. The shipped ones are few: each one's place in the whole
        list is counted, and the added ones between them are read as one slice."""
        kept = sorted((s for s in shipped if published.keeps(s.published)), key=newest_first)
        with self._connection() as connection:
            stored_total = connection.scalar(
                select(func.count()).select_from(articles).where(published.where())
            )
            places = [
                index
                + (
                    connection.scalar(
                        select(func.count())
                        .select_from(articles)
                        .where(published.where(), _sorted_before(summary))
                    )
                    or 0
                )
                for index, summary in enumerate(kept)
            ]
            on_page = [
                s for s, place in zip(kept, places, strict=True) if offset <= place < offset + limit
            ]
            shipped_before = sum(place < offset for place in places)
            wanted = limit - len(on_page)
            rows = (
                connection.execute(
                    select(*_SUMMARY_COLUMNS)
                    .where(published.where())
                    .order_by(articles.c.published.desc().nulls_last(), articles.c.id)
                    .offset(offset - shipped_before)
                    .limit(wanted)
                ).all()
                if wanted
                else []
            )
        added = [ArticleSummary.model_validate(row._asdict()) for row in rows]
        items = list(heapq.merge(on_page, added, key=newest_first))
        return items, len(kept) + (stored_total or 0)

    def close(self) -> None:
        self.engine.dispose()
