"""Questions across the whole archive (the shipped articles are indexed too): quotes by
speaker, full-text or date; actors across articles; a timeline over many articles. Each
is a function of a connection (`Archive.read`); full-text search is the database's own
(SQLite FTS5 ranked by bm25, PostgreSQL tsvector ranked by ts_rank)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    Table,
    column,
    exists,
    func,
    literal_column,
    select,
    table,
    text,
)

from app.models import (
    ArchiveActor,
    ArchiveQuote,
    ArchiveTimelineEntry,
    ArticleSummary,
)
from app.storage.schema import (
    QUOTE_SEARCH_CONFIGURATION,
    actor_keys,
    actors,
    articles,
    quotes,
    timeline,
    timeline_actors,
)
from app.storage.summaries import roles_of_stored

ActorOrder = Literal["articles", "quotes", "name"]
_ARTICLE_COLUMNS = (articles.c.id, articles.c.title, articles.c.published)
_SUMMARY_COLUMNS = [articles.c[name] for name in ArticleSummary.model_fields]
_QUOTES_FTS = table("quotes_fts", column("rowid"), column("rank"))


@dataclass(frozen=True)
class DayRange:
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class QuoteQuery:
    speaker: str | None = None
    words: Sequence[str] = ()
    kind: str | None = None
    days: DayRange = DayRange()
    article: str | None = None


@dataclass(frozen=True)
class TimelineQuery:
    actor: str | None = None
    words: Sequence[str] = ()
    days: DayRange = DayRange()


def _article_ref(row: Any) -> dict[str, Any]:
    return {"id": row.id, "title": row.title, "published": row.published}


def _postgres(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def _quote_conditions(query: QuoteQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.speaker is not None:
        conditions.append(quotes.c.speaker_key == query.speaker)
    if query.kind is not None:
        conditions.append(quotes.c.kind == query.kind)
    if query.article is not None:
        conditions.append(quotes.c.article_id == query.article)
    if query.days.start is not None:
        conditions.append(quotes.c.dated >= query.days.start)
    if query.days.end is not None:
        conditions.append(quotes.c.dated <= query.days.end)
    return conditions


def _fts_match(words: Sequence[str]) -> ColumnElement[bool]:
    """SQLite: the quotes whose FTS5 row holds every word (each quoted, so none is syntax)."""
    match = " ".join(f'"{word}"' for word in words)
    return literal_column("quotes_fts").op("MATCH")(match)


def _served(rows: Sequence[Any]) -> list[ArchiveQuote]:
    items = []
    for row in rows:
        document = json.loads(row.document)
        if document["speaker"] is not None:
            document["speaker"]["key"] = row.speaker_key
        items.append(ArchiveQuote.model_validate(document | {"article": _article_ref(row)}))
    return items


_QUOTE_COLUMNS = (quotes.c.document, quotes.c.speaker_key, *_ARTICLE_COLUMNS)
_NEWEST_FIRST = (quotes.c.dated.desc().nulls_last(), quotes.c.article_id, quotes.c.start)
_QUOTE_WORDS: ColumnElement[Any] = literal_column(f"'{QUOTE_SEARCH_CONFIGURATION}'::regconfig")


def _quotes_with_articles(conditions: Sequence[ColumnElement[bool]]) -> Select[Any]:
    return (
        select(*_QUOTE_COLUMNS)
        .join(articles, articles.c.id == quotes.c.article_id)
        .where(*conditions)
    )


def _sqlite_quotes(
    connection: Connection,
    conditions: Sequence[ColumnElement[bool]],
    words: Sequence[str],
    offset: int,
    limit: int,
) -> tuple[list[Any], int]:
    """A page of quotes ranked by bm25 when searched by words, newest first otherwise, and
    the count: every quote has its article (a foreign key), so the count leaves the join
    out, and a search by words alone counts the FTS5 index only (the join to wide quote
    rows was most of a search's time on a large archive)."""
    statement = _quotes_with_articles(conditions)
    counted = select(func.count()).select_from(quotes).where(*conditions)
    relevance: list[ColumnElement[Any]] = []
    if words:
        joined = _QUOTES_FTS.c.rowid == literal_column("quotes.rowid")
        statement = statement.join(_QUOTES_FTS, joined).where(_fts_match(words))
        relevance = [_QUOTES_FTS.c.rank]
        counted = (
            select(func.count()).select_from(_QUOTES_FTS).where(_fts_match(words))
            if not conditions
            else counted.join(_QUOTES_FTS, joined).where(_fts_match(words))
        )
    total = connection.scalar(counted) or 0
    page = statement.order_by(*relevance, *_NEWEST_FIRST).offset(offset).limit(limit)
    return list(connection.execute(page).all()), total


def _postgres_quotes(
    connection: Connection,
    conditions: Sequence[ColumnElement[bool]],
    words: Sequence[str],
    offset: int,
    limit: int,
) -> tuple[list[Any], int]:
    """A page of quotes ranked by ts_rank when searched by words, newest first otherwise,
    and the count. A search ranks and counts its matches in one pass (`count(*) OVER ()`)
    and reads the documents and articles of its page's rows only: a count and a ranking
    in two statements read every match's wide row twice, most of a search's time on a
    large archive."""
    counted = select(func.count()).select_from(quotes).where(*conditions)
    if not words:
        page = _quotes_with_articles(conditions).order_by(*_NEWEST_FIRST)
        rows = connection.execute(page.offset(offset).limit(limit)).all()
        return list(rows), connection.scalar(counted) or 0
    searched = func.plainto_tsquery(_QUOTE_WORDS, " ".join(words))
    search: ColumnElement[Any] = literal_column("quotes.search")
    matches = search.bool_op("@@")(searched)
    rank = func.ts_rank(search, searched).label("rank")
    matched = (
        select(quotes.c.article_id, quotes.c.id, quotes.c.dated, quotes.c.start, rank)
        .add_columns(func.count().over().label("total"))
        .where(matches, *conditions)
        .order_by(rank.desc(), *_NEWEST_FIRST)
        .offset(offset)
        .limit(limit)
        .subquery()
    )
    page = (
        select(*_QUOTE_COLUMNS, matched.c.total)
        .select_from(matched)
        .join(quotes, (quotes.c.article_id == matched.c.article_id) & (quotes.c.id == matched.c.id))
        .join(articles, articles.c.id == matched.c.article_id)
        .order_by(
            matched.c.rank.desc(),
            matched.c.dated.desc().nulls_last(),
            matched.c.article_id,
            matched.c.start,
        )
    )
    rows = list(connection.execute(page).all())
    if rows:
        return rows, rows[0].total
    if not offset:
        return rows, 0
    # A page past the last match says nothing of how many there are.
    return rows, connection.scalar(counted.where(matches)) or 0


def search_quotes(
    connection: Connection, query: QuoteQuery, offset: int, limit: int
) -> tuple[list[ArchiveQuote], int]:
    find = _postgres_quotes if _postgres(connection) else _sqlite_quotes
    rows, total = find(connection, _quote_conditions(query), query.words, offset, limit)
    return _served(rows), total


def _words_start(connection: Connection, searched: Table, words: Sequence[str]) -> Any:
    """Rows of `searched` (`actor_keys`, `timeline`) whose searched text has a word
    starting with each of `words`."""
    if _postgres(connection):
        query = func.to_tsquery(
            literal_column("'simple'::regconfig"), " & ".join(f"{word}:*" for word in words)
        )
        return literal_column(f"{searched.name}.search").bool_op("@@")(query)
    fts = f"{searched.name}_fts"
    found = text(f"SELECT rowid FROM {fts} WHERE {fts} MATCH :words").bindparams(
        words=" ".join(f'"{word}"*' for word in words)
    )
    return literal_column(f"{searched.name}.rowid").in_(found.columns(column("rowid", Integer)))


_ACTOR_COLUMNS = [actor_keys.c[name] for name in ArchiveActor.model_fields]
_ACTOR_ORDER: dict[str, list[ColumnElement[Any]]] = {
    "articles": [actor_keys.c.article_count.desc(), actor_keys.c.key],
    "quotes": [actor_keys.c.quote_count.desc(), actor_keys.c.key],
    "name": [actor_keys.c.name_folded, actor_keys.c.key],
}


def _actor(row: Any) -> ArchiveActor:
    return ArchiveActor.model_validate(row._asdict() | {"roles": roles_of_stored(row.roles)})


def search_actors(
    connection: Connection,
    words: Sequence[str],
    actor_type: str | None,
    order: ActorOrder,
    offset: int,
    limit: int,
) -> tuple[list[ArchiveActor], int]:
    """One page of the actors' summaries (`actor_keys`): it reads the rows of its page."""
    conditions = []
    if words:
        conditions.append(_words_start(connection, actor_keys, words))
    if actor_type is not None:
        conditions.append(actor_keys.c.type == actor_type)
    total = connection.scalar(select(func.count()).select_from(actor_keys).where(*conditions)) or 0
    rows = connection.execute(
        select(*_ACTOR_COLUMNS)
        .where(*conditions)
        .order_by(*_ACTOR_ORDER[order])
        .offset(offset)
        .limit(limit)
    ).all()
    return [_actor(row) for row in rows], total


def find_actor(connection: Connection, key: str) -> ArchiveActor | None:
    row = connection.execute(select(*_ACTOR_COLUMNS).where(actor_keys.c.key == key)).first()
    return _actor(row) if row else None


def actor_articles(
    connection: Connection, key: str, offset: int, limit: int
) -> tuple[list[ArticleSummary], int]:
    """The articles an actor appears in, newest first."""
    where = articles.c.id.in_(select(actors.c.article_id).where(actors.c.key == key))
    total = connection.scalar(select(func.count()).select_from(articles).where(where)) or 0
    rows = connection.execute(
        select(*_SUMMARY_COLUMNS)
        .where(where)
        .order_by(articles.c.published.desc().nulls_last(), articles.c.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return [ArticleSummary.model_validate(row._asdict()) for row in rows], total


def search_timeline(
    connection: Connection, query: TimelineQuery, offset: int, limit: int
) -> tuple[list[ArchiveTimelineEntry], int]:
    """Dated statements of every article, earliest first; `days` keeps the ones whose
    interval overlaps it, `words` the ones whose sentence has a word starting with each."""
    statement = select(timeline.c.entry, *_ARTICLE_COLUMNS).join(
        articles, articles.c.id == timeline.c.article_id
    )
    conditions: list[ColumnElement[bool]] = []
    if query.words:
        conditions.append(_words_start(connection, timeline, query.words))
    if query.actor is not None:
        conditions.append(
            exists().where(
                timeline_actors.c.article_id == timeline.c.article_id,
                timeline_actors.c.date_id == timeline.c.date_id,
                timeline_actors.c.actor_key == query.actor,
            )
        )
    if query.days.start is not None:
        conditions.append(timeline.c.interval_end > query.days.start)
    if query.days.end is not None:
        conditions.append(timeline.c.interval_start <= query.days.end)
    statement = statement.where(*conditions)
    total = connection.scalar(select(func.count()).select_from(statement.subquery())) or 0
    rows = connection.execute(
        statement.order_by(
            timeline.c.interval_start,
            timeline.c.interval_end,
            timeline.c.published.nulls_last(),
            timeline.c.article_id,
            timeline.c.start,
        )
        .offset(offset)
        .limit(limit)
    ).all()
    items = [
        ArchiveTimelineEntry.model_validate(json.loads(row.entry) | {"article": _article_ref(row)})
        for row in rows
    ]
    return items, total
