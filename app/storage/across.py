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
    Select,
    String,
    column,
    distinct,
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
    Role,
)
from app.storage.schema import actors, articles, quotes, timeline, timeline_actors

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


def _quote_search(
    connection: Connection, statement: Select[Any], words: Sequence[str]
) -> tuple[Select[Any], list[ColumnElement[Any]]]:
    """The statement restricted to quotes matching every word, and the order by relevance."""
    if _postgres(connection):
        query = func.plainto_tsquery(literal_column("'english'::regconfig"), " ".join(words))
        search: ColumnElement[Any] = literal_column("quotes.search")
        return statement.where(search.bool_op("@@")(query)), [func.ts_rank(search, query).desc()]
    match = " ".join(f'"{word}"' for word in words)
    joined = statement.join(_QUOTES_FTS, _QUOTES_FTS.c.rowid == literal_column("quotes.rowid"))
    return joined.where(literal_column("quotes_fts").op("MATCH")(match)), [_QUOTES_FTS.c.rank]


def search_quotes(
    connection: Connection, query: QuoteQuery, offset: int, limit: int
) -> tuple[list[ArchiveQuote], int]:
    statement = select(quotes.c.document, quotes.c.speaker_key, *_ARTICLE_COLUMNS).join(
        articles, articles.c.id == quotes.c.article_id
    )
    conditions = []
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
    statement = statement.where(*conditions)
    relevance: list[ColumnElement[Any]] = []
    if query.words:
        statement, relevance = _quote_search(connection, statement, query.words)
    total = connection.scalar(select(func.count()).select_from(statement.subquery())) or 0
    rows = connection.execute(
        statement.order_by(
            *relevance, quotes.c.dated.desc().nulls_last(), quotes.c.article_id, quotes.c.start
        )
        .offset(offset)
        .limit(limit)
    ).all()
    items = []
    for row in rows:
        document = json.loads(row.document)
        if document["speaker"] is not None:
            document["speaker"]["key"] = row.speaker_key
        items.append(ArchiveQuote.model_validate(document | {"article": _article_ref(row)}))
    return items, total


def _named(connection: Connection, words: Sequence[str]) -> Any:
    """Keys of the actors whose name has a word starting with each of `words`."""
    if _postgres(connection):
        found = text(
            "SELECT key FROM actors WHERE search @@ to_tsquery('simple'::regconfig, :query)"
        ).bindparams(query=" & ".join(f"{word}:*" for word in words))
    else:
        found = text(
            "SELECT named.key FROM actors_fts JOIN actors AS named "
            "ON named.rowid = actors_fts.rowid WHERE actors_fts MATCH :query"
        ).bindparams(query=" ".join(f'"{word}"*' for word in words))
    return found.columns(column("key", String))


def _actor_rows() -> Select[Any]:
    return select(
        actors.c.key,
        func.min(actors.c.name).label("name"),
        func.min(actors.c.type).label("type"),
        func.max(actors.c.kind).label("kind"),
        func.max(actors.c.country).label("country"),
        func.count(distinct(actors.c.article_id)).label("article_count"),
        func.coalesce(func.sum(actors.c.quote_count), 0).label("quote_count"),
        func.min(actors.c.published).label("first_seen"),
        func.max(actors.c.published).label("last_seen"),
        func.min(actors.c.name_folded).label("name_folded"),
    ).group_by(actors.c.key)


def _with_roles(connection: Connection, rows: Sequence[Any]) -> list[ArchiveActor]:
    roles: dict[str, dict[str, Role]] = {row.key: {} for row in rows}
    stated = connection.execute(
        select(actors.c.key, actors.c.roles)
        .where(actors.c.key.in_(list(roles)))
        .order_by(actors.c.published.nulls_last(), actors.c.article_id)
    )
    for key, listed in stated:
        for role in json.loads(listed or "[]"):
            roles[key].setdefault(json.dumps(role, sort_keys=True), Role.model_validate(role))
    return [
        ArchiveActor.model_validate(
            {
                name: value
                for name, value in row._asdict().items()
                if name in ArchiveActor.model_fields
            }
            | {"roles": list(roles[row.key].values())}
        )
        for row in rows
    ]


_ACTOR_ORDER: dict[str, list[ColumnElement[Any]]] = {
    "articles": [literal_column("article_count").desc(), actors.c.key],
    "quotes": [literal_column("quote_count").desc(), actors.c.key],
    "name": [literal_column("name_folded"), actors.c.key],
}


def search_actors(
    connection: Connection,
    words: Sequence[str],
    actor_type: str | None,
    order: ActorOrder,
    offset: int,
    limit: int,
) -> tuple[list[ArchiveActor], int]:
    statement = _actor_rows().where(actors.c.key.is_not(None))
    if words:
        statement = statement.where(actors.c.key.in_(_named(connection, words)))
    if actor_type is not None:
        statement = statement.where(actors.c.type == actor_type)
    total = connection.scalar(select(func.count()).select_from(statement.subquery())) or 0
    rows = connection.execute(
        statement.order_by(*_ACTOR_ORDER[order]).offset(offset).limit(limit)
    ).all()
    return _with_roles(connection, rows), total


def find_actor(connection: Connection, key: str) -> ArchiveActor | None:
    rows = connection.execute(_actor_rows().where(actors.c.key == key)).all()
    return _with_roles(connection, rows)[0] if rows else None


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
    interval overlaps it, `words` the ones whose sentence holds each word."""
    statement = select(timeline.c.entry, *_ARTICLE_COLUMNS).join(
        articles, articles.c.id == timeline.c.article_id
    )
    conditions: list[ColumnElement[bool]] = [
        timeline.c.sentence_folded.contains(word, autoescape=True) for word in query.words
    ]
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
