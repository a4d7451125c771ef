"""Added articles: stored once with all their facts, read back by id, listed, deleted."""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import hashlib
import heapq
import json
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError

from app.models import ArticleSummary, Facts
from app.storage.database import create_archive_engine, upgrade
from app.storage.indexing import insert_fact_rows
from app.storage.schema import actors, articles
from app.storage.summaries import add_to_summaries, lock_summaries, refresh_summaries

# The stored gzip is what clients that accept gzip receive: worth the slowest level once.
GZIP_LEVEL = 9
_SUMMARY_COLUMNS = [articles.c[name] for name in ArticleSummary.model_fields]


Result = TypeVar("Result")


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
        """Added articles published in the range (the shipped ones are listed from memory)."""
        published = articles.c.published
        conditions: list[ColumnElement[bool]] = [articles.c.shipped.is_(False)]
        if self.start is not None:
            conditions.append(published >= self.start)
        if self.end is not None:
            conditions.append(published <= self.end)
        return and_(*conditions)


def shipped_key(facts: Facts) -> str:
    """A shipped article's content key: a digest of its facts (another namespace than the
    additions' keys, which digest a request)."""
    return hashlib.sha256(b"shipped\n" + facts.model_dump_json().encode()).hexdigest()


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


def _delete_with(connection: Connection, article_ids: Sequence[str]) -> int:
    """Remove the articles (their rows go with them) and count them out of their actors'
    summaries; how many there were."""
    keys = connection.scalars(
        select(actors.c.key).where(actors.c.article_id.in_(article_ids), actors.c.key.is_not(None))
    ).all()
    lock_summaries(connection, keys)
    removed = connection.execute(delete(articles).where(articles.c.id.in_(article_ids)))
    refresh_summaries(connection, keys)
    return removed.rowcount


class Archive:
    """The archive in one database. Thread-safe: each call takes a pooled connection.

    The schema is brought up to date by the first call that reaches the database, so a
    server started while the database is down serves its shipped articles and picks the
    archive up once the database answers."""

    def __init__(self, url: str, *, extraction_version: str, shipped: Sequence[Facts] = ()) -> None:
        self.engine = create_archive_engine(url)
        self._extraction_version = extraction_version
        self._shipped = shipped
        self._schema_ready = False
        self._schema_lock = threading.Lock()

    @contextlib.contextmanager
    def _connection(self, *, write: bool = False) -> Iterator[Connection]:
        try:
            if not self._schema_ready:
                with self._schema_lock:
                    if not self._schema_ready:
                        upgrade(self.engine)
                        self._index_shipped()
                        self._schema_ready = True
            with self.engine.begin() if write else self.engine.connect() as connection:
                yield connection
        except (OperationalError, InterfaceError) as error:
            raise ArchiveUnavailableError(str(error.orig or error).strip()) from error

    def _index_shipped(self) -> None:
        """Index the shipped articles' facts like added ones, so that questions across
        articles cover them: each once, by content (an article whose file changed is indexed
        again). Workers starting together race harmlessly: the loser's insert fails on the
        id and is skipped. A shipped article is never removed here: replicas of another
        version may share the database and still ship it."""
        keys = {facts.article.id: (facts, shipped_key(facts)) for facts in self._shipped}
        with self.engine.begin() as connection:
            rows = connection.execute(
                select(articles.c.id, articles.c.content_key).where(
                    articles.c.shipped, articles.c.id.in_(list(keys))
                )
            )
            indexed = {row.id: row.content_key for row in rows}
            changed = [i for i, key in indexed.items() if keys[i][1] != key]
            if changed:
                _delete_with(connection, changed)
        for article_id, (facts, key) in keys.items():
            if indexed.get(article_id) == key:
                continue
            with contextlib.suppress(IntegrityError), self.engine.begin() as connection:
                self._insert_with(connection, _with_id(facts, article_id), key, shipped=True)

    def read(self, query: Callable[[Connection], Result]) -> Result:
        """Run a read-only query (a function of a connection) on a pooled connection."""
        with self._connection() as connection:
            return query(connection)

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
        with self._connection(write=True) as connection:
            self._insert_with(connection, stored, key)

    def _insert_with(
        self, connection: Connection, stored: StoredFacts, key: str, *, shipped: bool = False
    ) -> None:
        article = stored.facts.article
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
                shipped=shipped,
            )
        )
        add_to_summaries(connection, insert_fact_rows(connection, stored.facts)[actors])

    def delete(self, article_id: str) -> bool:
        """Remove an added article and its facts; False when there is none by that id."""
        with self._connection(write=True) as connection:
            return _delete_with(connection, [article_id]) > 0

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
