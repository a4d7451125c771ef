"""Dates: temporal expressions with TIMEX3 values resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span

from app.extraction.document import ArticleDoc
from app.extraction.ids import sequence_id
from app.models import DateMention, DateType, Direction

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_LEADING_WORDS = ("on", "in", "at", "by", "since", "until")


def _governing_tense(span: Span) -> Direction:
    verb = span.root.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ == "aux"}
    if auxiliaries & {"will", "'ll", "shall"} or (verb.tag_ == "VBG" and "is" in auxiliaries):
        return "future"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    return "same"


def _weekday_value(weekday: int, published: dt.date, direction: Direction) -> dt.date:
    delta = weekday - published.weekday()
    if direction == "past":
        return published + dt.timedelta(days=delta if delta <= 0 else delta - 7)
    if direction == "future":
        return published + dt.timedelta(days=delta if delta >= 0 else delta + 7)
    return published + dt.timedelta(days=delta)


def _normalise(span: Span, published: dt.date | None) -> tuple[str | None, Direction | None]:
    text = span.text.strip()
    if _YEAR.match(text):
        return text, None
    lowered = text.lower()
    if lowered in WEEKDAYS and published is not None:
        direction = _governing_tense(span)
        return _weekday_value(WEEKDAYS.index(lowered), published, direction).isoformat(), direction
    return None, None


def _trimmed(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in _LEADING_WORDS:
        start += 1
    return span.doc[start : span.end]


def extract_dates(parsed: ArticleDoc) -> list[DateMention]:
    published = parsed.article.published
    dates: list[DateMention] = []
    for entity in parsed.doc.ents:
        if entity.label_ not in ("DATE", "TIME"):
            continue
        span = _trimmed(entity)
        value, direction = _normalise(span, published)
        date_type: DateType = "time" if entity.label_ == "TIME" else "date"
        dates.append(
            DateMention(
                id=sequence_id("d", len(dates)),
                text=span.text,
                type=date_type,
                value=value,
                anchor="publication" if direction is not None else None,
                direction=direction,
                **parsed.locate_span(span).as_fields(),
            )
        )
    return dates
