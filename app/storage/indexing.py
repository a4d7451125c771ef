"""The rows that index an article's facts: per article, and across articles (actor keys,
the day each quote was said, the timeline)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select

from app.extraction.timeline import build_timeline
from app.models import Facts
from app.storage.keys import actor_key, fold
from app.storage.schema import actors, articles, dates, quotes, timeline, timeline_actors

FACT_TABLES = (actors, quotes, dates, timeline, timeline_actors)


def fact_rows(facts: Facts) -> dict[Table, list[dict[str, Any]]]:
    """The rows of every fact table that hold the article's facts."""
    article = facts.article
    article_id, published = article.id, article.published
    keys = {actor.id: actor_key(actor.name, actor.type, article_id) for actor in facts.actors}
    said_on = {mention.id: mention.interval.start for mention in facts.dates if mention.interval}
    entries = build_timeline(facts)
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
                "key": keys[actor.id],
                "name_folded": fold(actor.name),
                "quote_count": len(actor.quote_ids),
                "roles": json.dumps([role.model_dump() for role in actor.roles]),
                "published": published,
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
                # An unnamed source has no actor id, hence no key: it is no actor.
                "speaker_key": keys.get(quote.speaker.id or "") if quote.speaker else None,
                "dated": said_on.get(quote.said_on or "", published),
                "document": quote.model_dump_json(),
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
        timeline: [
            {
                "article_id": article_id,
                "date_id": entry.date_id,
                "interval_start": entry.interval.start,
                "interval_end": entry.interval.end,
                "published": published,
                "start": position,
                "sentence_folded": fold(entry.sentence),
                "entry": json.dumps(
                    entry.model_dump(mode="json")
                    | {"actor_keys": sorted({keys[i] for i in entry.actor_ids if i in keys})}
                ),
            }
            for position, entry in enumerate(entries)
        ],
        timeline_actors: [
            {"article_id": article_id, "date_id": entry.date_id, "actor_key": key}
            for entry in entries
            for key in sorted({keys[i] for i in entry.actor_ids if i in keys})
        ],
    }


def insert_fact_rows(connection: Connection, facts: Facts) -> dict[Table, list[dict[str, Any]]]:
    """Insert the rows of `fact_rows`, and return them."""
    inserted = fact_rows(facts)
    for table, rows in inserted.items():
        if rows:
            connection.execute(insert(table), rows)
    return inserted


def reindex(connection: Connection) -> None:
    """Rebuild every article's fact rows from its stored facts document (after a migration
    that adds what the rows hold)."""
    stored = connection.execute(select(articles.c.id, articles.c.facts)).all()
    for row in stored:
        for table in reversed(FACT_TABLES):
            connection.execute(delete(table).where(table.c.article_id == row.id))
        insert_fact_rows(connection, Facts.model_validate_json(row.facts))
