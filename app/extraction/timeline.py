"""The timeline: every dated statement of an article, in the order of the dates."""

from __future__ import annotations

from app.models import Facts, TimelineEntry


def build_timeline(facts: Facts) -> list[TimelineEntry]:
    """Date mentions with a resolved interval, earliest first, with what their sentence holds."""
    entries: list[tuple[tuple[object, ...], TimelineEntry]] = []
    for mention in facts.dates:
        if mention.interval is None:
            continue
        low, high = mention.sentence_start, mention.sentence_end
        actor_ids = [
            actor.id
            for actor in facts.actors
            if any(m.field == "body" and low <= m.start and m.end <= high for m in actor.mentions)
        ]
        # Only the quotes said then: another clause of the sentence may hold a quote said
        # on another day (`X vowed …, and Y recalled the defeat in 1945`).
        quote_ids = [q.id for q in facts.quotes if q.said_on == mention.id]
        entry = TimelineEntry(
            date_id=mention.id,
            text=mention.text,
            value=mention.value,
            interval=mention.interval,
            paragraph=mention.paragraph,
            sentence=mention.sentence,
            actor_ids=actor_ids,
            quote_ids=quote_ids,
        )
        order = (mention.interval.start, mention.interval.end, mention.start)
        entries.append((order, entry))
    return [entry for _, entry in sorted(entries, key=lambda pair: pair[0])]
