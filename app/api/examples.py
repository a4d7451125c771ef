"""Examples for the OpenAPI schema, taken from the shipped article: every id exists."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from app.models import Actor, ArticleSummary, DateMention, Quote

LAVROV_SENTENCE = (
    '"Japan is the only country in the world that cannot fully recognize the outcome of '
    'World War II," Lavrov told reporters Wednesday.'
)

ARTICLE_SUMMARY: dict[str, Any] = {
    "id": "putin-takes-hard-line-on-japan-island-dispute-before-abes-visit-a64210",
    "title": "Putin Takes Hard Line on Japan Island Dispute Before Abe's Visit",
    "byline": "Bloomberg",
    "published": "2019-01-21",
    "url": "https://www.themoscowtimes.com/2019/01/21/"
    "putin-takes-hard-line-on-japan-island-dispute-before-abes-visit-a64210",
    "word_count": 834,
}

QUOTE: dict[str, Any] = {
    "id": "q3",
    "kind": "direct",
    "text": "Japan is the only country in the world that cannot fully recognize the outcome of "
    "World War II",
    "segments": [{"start": 597, "end": 691}],
    "speaker": {"id": "sergei-lavrov", "name": "Sergei Lavrov"},
    "cue": "told",
    "audience": "reporters",
    "said_on": "d5",
    "channel": None,
    "paragraph": 2,
    "start": 597,
    "end": 691,
    "sentence": LAVROV_SENTENCE,
    "sentence_start": 596,
    "sentence_end": 726,
}

ACTOR: dict[str, Any] = {
    "id": "sergei-lavrov",
    "name": "Sergei Lavrov",
    "type": "person",
    "kind": None,
    "country": "RU",
    "roles": [{"title": "Foreign Minister", "affiliation": None}],
    "mentions": [
        {
            "text": "Foreign Minister Sergei Lavrov",
            "kind": "name",
            "field": "body",
            "paragraph": 1,
            "start": 510,
            "end": 540,
        },
        {
            "text": "He",
            "kind": "pronoun",
            "field": "body",
            "paragraph": 2,
            "start": 727,
            "end": 729,
        },
    ],
    "salience": 0.49,
    "quote_ids": ["q3", "q4"],
}

DATE: dict[str, Any] = {
    "id": "d5",
    "text": "Wednesday",
    "type": "date",
    "value": "2019-01-16",
    "mod": None,
    "granularity": "day",
    "interval": {"start": "2019-01-16", "end": "2019-01-17"},
    "anchor": "publication",
    "direction": "past",
    "quote_id": "q3",
    "paragraph": 2,
    "start": 716,
    "end": 725,
    "sentence": LAVROV_SENTENCE,
    "sentence_start": 596,
    "sentence_end": 726,
}

EXAMPLES: dict[type[BaseModel], dict[str, Any]] = {
    ArticleSummary: ARTICLE_SUMMARY,
    Quote: QUOTE,
    Actor: ACTOR,
    DateMention: DATE,
}


def path_example(value: str) -> dict[str, Any]:
    """A path parameter's example, which Swagger UI's "Try it out" fills in."""
    return {"shipped": {"summary": "In the shipped article", "value": value}}


def page_of(item: dict[str, Any]) -> dict[str, Any]:
    return {"items": [item], "total": 1, "limit": 100, "offset": 0}


def example_response(example: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    """An OpenAPI `responses` entry giving the 200 response an example."""
    return {200: {"content": {"application/json": {"example": example}}}}
