"""The actor keys' summary (`actor_keys`): one row per actor across articles, with what the
actor rows of all its articles add up to, kept exact in the transaction of every add and
delete of an article.

Why a table kept on write rather than an aggregate on read: an actor named in a thousand
articles has a thousand rows, and a page of actors sorted by count would aggregate every
one of them; articles are added far less often than actors are read.

Why the merge is done in Python under a row lock rather than in one SQL upsert: the roles
are a list in the order first stated, deduplicated, which no portable SQL expression
merges. So an add takes each of its keys' rows in one statement, `INSERT … ON CONFLICT
(key) DO UPDATE` (which creates a missing key and locks an existing one, waiting for a
writer that holds it), merges, and writes back. The keys are taken in sorted order, by
adds and deletes alike, so two writers never wait on each other in a cycle. A delete
locks its keys before it removes the article, then recomputes them from the rows that
remain (a sum could be decremented, but the first and last day seen and the roles'
order cannot), and drops a key left with no article; an add waiting on that key then
finds it gone and inserts it afresh (PostgreSQL retries the insert of an upsert whose
conflicting row was deleted). SQLite runs one writer at a time: its driver begins the
transaction at the first write, which waits for the file's writer, and the reads that the
merge depends on come after it, so they see the latest rows."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from app.storage.schema import actor_keys, actors

# Where a role was first stated: the article's publication day (undated last), the
# article, the actor row, the role's place in that row; the order the roles are listed in.
StatedAt = tuple[str | None, str, str, int]
_SOURCE_COLUMNS = (
    actors.c.key,
    actors.c.article_id,
    actors.c.id,
    actors.c.name,
    actors.c.type,
    actors.c.kind,
    actors.c.country,
    actors.c.quote_count,
    actors.c.published,
    actors.c.name_folded,
    actors.c.roles,
)
# Everything but the key and what the key fixes (its type and folded name).
_MERGED_COLUMNS = (
    "name",
    "kind",
    "country",
    "article_count",
    "quote_count",
    "first_seen",
    "last_seen",
    "roles",
)
Ordered = TypeVar("Ordered", str, dt.date)
_IN_CHUNK = 500  # keys per `IN (…)`: well under every database's limit of parameters


def _stated_order(at: StatedAt) -> tuple[bool, str, str, str, int]:
    published, article_id, actor_id, index = at
    return (published is None, published or "", article_id, actor_id, index)


def _least(first: Ordered | None, second: Ordered | None) -> Ordered | None:
    """The lesser of the two that are known."""
    return min((value for value in (first, second) if value is not None), default=None)


def _greatest(first: Ordered | None, second: Ordered | None) -> Ordered | None:
    """The greater of the two that are known."""
    return max((value for value in (first, second) if value is not None), default=None)


@dataclass(frozen=True)
class StatedRole:
    at: StatedAt
    role: dict[str, Any]


@dataclass(frozen=True)
class Summary:
    key: str
    name: str
    type: str
    kind: str | None
    country: str | None
    article_count: int
    quote_count: int
    first_seen: dt.date | None
    last_seen: dt.date | None
    name_folded: str
    roles: tuple[StatedRole, ...]

    @classmethod
    def of_actor_row(cls, row: Mapping[Any, Any]) -> Summary:
        """What one actor row adds, but the article: `summarise` counts articles."""
        published: dt.date | None = row["published"]
        day = published.isoformat() if published else None
        roles = json.loads(row["roles"] or "[]")
        return cls(
            key=row["key"],
            name=row["name"],
            type=row["type"],
            kind=row["kind"],
            country=row["country"],
            article_count=0,
            quote_count=row["quote_count"] or 0,
            first_seen=published,
            last_seen=published,
            name_folded=row["name_folded"] or "",
            roles=tuple(
                StatedRole((day, row["article_id"], row["id"], index), role)
                for index, role in enumerate(roles)
            ),
        )

    @classmethod
    def of_stored(cls, row: Mapping[Any, Any]) -> Summary:
        fields = {name: row[name] for name in cls.__dataclass_fields__ if name != "roles"}
        roles = tuple(
            StatedRole((day, article_id, actor_id, index), stated["role"])
            for stated in json.loads(row["roles"])
            for day, article_id, actor_id, index in [stated["at"]]
        )
        return cls(**fields, roles=roles)

    def merged(self, other: Summary) -> Summary:
        """Both together; `other` holds other articles than this (the counts add up)."""
        roles: dict[str, StatedRole] = {}
        for stated in sorted((*self.roles, *other.roles), key=lambda s: _stated_order(s.at)):
            roles.setdefault(json.dumps(stated.role, sort_keys=True), stated)
        return replace(
            self,
            name=min(self.name, other.name),
            kind=_greatest(self.kind, other.kind),
            country=_greatest(self.country, other.country),
            article_count=self.article_count + other.article_count,
            quote_count=self.quote_count + other.quote_count,
            first_seen=_least(self.first_seen, other.first_seen),
            last_seen=_greatest(self.last_seen, other.last_seen),
            roles=tuple(roles.values()),
        )

    def stored(self) -> dict[str, Any]:
        fields = {name: getattr(self, name) for name in self.__dataclass_fields__}
        return fields | {
            "roles": json.dumps([{"at": list(r.at), "role": r.role} for r in self.roles])
        }


def roles_of_stored(roles: str) -> list[dict[str, Any]]:
    """The roles of a stored summary, in the order first stated."""
    return [stated["role"] for stated in json.loads(roles)]


def summarise(rows: Iterable[Mapping[Any, Any]]) -> dict[str, Summary]:
    """Per key, what the actor rows (of any articles) add up to."""
    summaries: dict[str, Summary] = {}
    articles: dict[str, set[str]] = {}
    for row in rows:
        key = row["key"]
        if key is None:
            continue
        one = Summary.of_actor_row(row)
        summaries[key] = summaries[key].merged(one) if key in summaries else one
        articles.setdefault(key, set()).add(row["article_id"])
    return {
        key: replace(summary, article_count=len(articles[key]))
        for key, summary in summaries.items()
    }


def _upsert(connection: Connection) -> Any:
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(actor_keys)


def add_to_summaries(connection: Connection, rows: Iterable[Mapping[Any, Any]]) -> None:
    """Count the actor rows of articles just inserted (in this transaction) in their keys."""
    added = summarise(rows)
    if not added:
        return
    empty = {"article_count": 0, "quote_count": 0, "first_seen": None, "last_seen": None}
    # A new key goes in empty, then merges like an existing one: one path for both.
    statement = _upsert(connection)
    taken = connection.execute(
        statement.on_conflict_do_update(
            index_elements=[actor_keys.c.key], set_={"key": statement.excluded.key}
        ).returning(*actor_keys.c),
        [added[key].stored() | empty | {"roles": "[]"} for key in sorted(added)],
    )
    current = {row.key: Summary.of_stored(row._mapping) for row in taken}
    _write(connection, [current[key].merged(added[key]) for key in sorted(added)])


def _write(connection: Connection, summaries: Sequence[Summary]) -> None:
    if not summaries:
        return
    values = []
    for summary in summaries:
        stored = summary.stored()
        values.append({name: stored[name] for name in _MERGED_COLUMNS} | {"at_key": summary.key})
    connection.execute(
        update(actor_keys)
        .where(actor_keys.c.key == bindparam("at_key"))
        .values({name: bindparam(name) for name in _MERGED_COLUMNS}),
        values,
    )


def _chunks(keys: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(set(keys))
    return (ordered[i : i + _IN_CHUNK] for i in range(0, len(ordered), _IN_CHUNK))


def lock_summaries(connection: Connection, keys: Iterable[str]) -> None:
    """Hold the keys' rows until the transaction ends (PostgreSQL; SQLite has one writer),
    taken in sorted order as every writer takes them."""
    for chunk in _chunks(keys):
        connection.execute(
            select(actor_keys.c.key)
            .where(actor_keys.c.key.in_(chunk))
            .order_by(actor_keys.c.key)
            .with_for_update()
        ).all()


def refresh_summaries(connection: Connection, keys: Iterable[str]) -> None:
    """Recompute the keys (locked by `lock_summaries`) from the actor rows left after a
    delete; a key left with no article goes."""
    for chunk in _chunks(keys):
        left = connection.execute(select(*_SOURCE_COLUMNS).where(actors.c.key.in_(chunk)))
        summaries = summarise(row._mapping for row in left)
        _write(connection, list(summaries.values()))
        gone = [key for key in chunk if key not in summaries]
        if gone:
            connection.execute(delete(actor_keys).where(actor_keys.c.key.in_(gone)))


def rebuild_summaries(connection: Connection) -> None:
    """Every key's summary again from all the actor rows (a migration's fill)."""
    connection.execute(delete(actor_keys))
    rows = connection.execute(
        select(*_SOURCE_COLUMNS)
        .where(actors.c.key.is_not(None))
        .order_by(actors.c.key)
        .execution_options(yield_per=5000)
    )
    by_key = itertools.groupby((row._mapping for row in rows), key=lambda row: row["key"])
    batch: list[dict[str, Any]] = []
    for _, group in by_key:
        batch += [summary.stored() for summary in summarise(group).values()]
        if len(batch) >= 1000:
            connection.execute(insert(actor_keys), batch)
            batch = []
    if batch:
        connection.execute(insert(actor_keys), batch)
