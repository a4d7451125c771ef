"""The articles (shipped, and added to the archive) and their facts, served from memory."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError

from app.api import examples
from app.api.deps import ArchivedDep, EncodedFactsDep, FactsDep, StoreDep, archive_unavailable
from app.api.examples import example_response, page_of
from app.api.pagination import Page, PageDep
from app.api.problems import ProblemError, problem_responses
from app.api.responses import cached_json
from app.extraction.ids import ID_PATTERN
from app.extraction.timeline import build_timeline
from app.models import (
    Actor,
    ActorType,
    Article,
    ArticleSummary,
    DateMention,
    DateType,
    Facts,
    IsoDate,
    Quote,
    QuoteKind,
    TimelineEntry,
)
from app.storage import ArchiveUnavailableError, PublishedRange

router = APIRouter(prefix="/v1/articles", tags=["articles"])

NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not Modified: the `ETag` in `If-None-Match` is still current."}
}
LISTED = {**NOT_MODIFIED, **problem_responses(422, 500, 503)}
NOT_FOUND = {**NOT_MODIFIED, **problem_responses(404, 422, 500, 503)}
Fact = TypeVar("Fact", Quote, Actor, DateMention)


def _fact_id(description: str, example: dict[str, Any]) -> object:
    return Path(
        pattern=ID_PATTERN,
        description=description,
        openapi_examples=examples.path_example(example["id"]),
    )


QuoteId = Annotated[str, _fact_id("The quote's id.", examples.QUOTE)]
ActorId = Annotated[str, _fact_id("The actor's id (a slug of its name).", examples.ACTOR)]
DateId = Annotated[str, _fact_id("The date mention's id.", examples.DATE)]


def _one(request: Request, facts: Sequence[Fact], fact_id: str, kind: str) -> Response:
    for fact in facts:
        if fact.id == fact_id:
            return cached_json(request, fact)
    raise ProblemError(404, f"This article has no {kind} with id {fact_id!r}.")


def _listed(request: Request, page: PageDep, items: Sequence[Fact]) -> Response:
    return cached_json(request, page.page(items))


@router.get(
    "",
    summary="List the articles",
    description=(
        "Summaries of the shipped and the added articles, newest `published` first (undated "
        "ones last), then by id. `published_from` and `published_to` keep the articles "
        "published within those days (inclusive)."
    ),
    operation_id="listArticles",
    response_model=Page[ArticleSummary],
    responses={**LISTED, **example_response(page_of(examples.ARTICLE_SUMMARY))},
)
async def list_articles(
    request: Request,
    store: StoreDep,
    archived: ArchivedDep,
    page: PageDep,
    published_from: Annotated[
        IsoDate | None, Query(description="Earliest publication day, YYYY-MM-DD.")
    ] = None,
    published_to: Annotated[
        IsoDate | None, Query(description="Latest publication day, YYYY-MM-DD.")
    ] = None,
) -> Response:
    try:
        items, total = await asyncio.to_thread(
            archived.archive.page,
            store.summaries(),
            PublishedRange(published_from, published_to),
            page.offset,
            page.limit,
        )
    except ArchiveUnavailableError as error:
        raise archive_unavailable(error) from error
    return cached_json(
        request,
        Page[ArticleSummary](items=items, total=total, limit=page.limit, offset=page.offset),
    )


@router.get(
    "/{article_id}",
    summary="Get an article",
    description="Metadata, paragraphs with their offsets, and the body text the offsets index.",
    operation_id="getArticle",
    response_model=Article,
    responses=NOT_FOUND,
)
async def get_article(request: Request, facts: FactsDep) -> Response:
    return cached_json(request, facts.article)


@router.get(
    "/{article_id}/facts",
    summary="Get an article with all its facts",
    description="The whole facts document: the article, its quotes, actors and dates.",
    operation_id="getFacts",
    response_model=Facts,
    responses=NOT_FOUND,
)
async def get_facts(request: Request, encoded: EncodedFactsDep) -> Response:
    return cached_json(request, encoded)


@router.get(
    "/{article_id}/quotes",
    summary="List an article's quotes",
    description="Direct, partial and indirect quotes in reading order; filter by speaker, kind.",
    operation_id="listQuotes",
    response_model=Page[Quote],
    responses={**NOT_FOUND, **example_response(page_of(examples.QUOTE))},
)
async def list_quotes(
    request: Request,
    facts: FactsDep,
    page: PageDep,
    speaker: Annotated[
        str | None, Query(pattern=ID_PATTERN, description="Only quotes by this actor id.")
    ] = None,
    kind: Annotated[QuoteKind | None, Query(description="Only quotes of this kind.")] = None,
) -> Response:
    quotes = [
        quote
        for quote in facts.quotes
        if (speaker is None or (quote.speaker is not None and quote.speaker.id == speaker))
        and (kind is None or quote.kind == kind)
    ]
    return _listed(request, page, quotes)


@router.get(
    "/{article_id}/quotes/{quote_id}",
    summary="Get one quote",
    description="A quote with its speaker, cue, audience, date and where it stands.",
    operation_id="getQuote",
    response_model=Quote,
    responses={**NOT_FOUND, **example_response(examples.QUOTE)},
)
async def get_quote(request: Request, facts: FactsDep, quote_id: QuoteId) -> Response:
    return _one(request, facts.quotes, quote_id, "quote")


ACTOR_ORDER: dict[str, Callable[[Actor], tuple[float | str, str]]] = {
    "salience": lambda actor: (-actor.salience, actor.name),
    "name": lambda actor: (actor.name.lower(), actor.id),
}


@router.get(
    "/{article_id}/actors",
    summary="List an article's actors",
    description="People, organisations and places, each once, by salience (default) or name.",
    operation_id="listActors",
    response_model=Page[Actor],
    responses={**NOT_FOUND, **example_response(page_of(examples.ACTOR))},
)
async def list_actors(
    request: Request,
    facts: FactsDep,
    page: PageDep,
    type: Annotated[ActorType | None, Query(description="Only actors of this type.")] = None,
    sort: Annotated[Literal["salience", "name"], Query(description="Order of the list.")] = (
        "salience"
    ),
) -> Response:
    actors = sorted(
        (actor for actor in facts.actors if type is None or actor.type == type),
        key=ACTOR_ORDER[sort],
    )
    return _listed(request, page, actors)


@router.get(
    "/{article_id}/actors/{actor_id}",
    summary="Get one actor",
    description="The actor with its mentions, roles and the ids of its quotes.",
    operation_id="getActor",
    response_model=Actor,
    responses={**NOT_FOUND, **example_response(examples.ACTOR)},
)
async def get_actor(request: Request, facts: FactsDep, actor_id: ActorId) -> Response:
    return _one(request, facts.actors, actor_id, "actor")


def _overlaps(mention: DateMention, start: dt.date | None, end: dt.date | None) -> bool:
    if start is None and end is None:
        return True
    interval = mention.interval
    if interval is None:
        return False
    return (start is None or interval.end > start) and (end is None or interval.start <= end)


@router.get(
    "/{article_id}/dates",
    summary="List an article's date mentions",
    description=(
        "Temporal expressions in reading order with TIMEX3 values. `from` and `to` keep the "
        "mentions whose resolved interval overlaps [from, to]; `from` after `to` is a 422."
    ),
    operation_id="listDates",
    response_model=Page[DateMention],
    responses={**NOT_FOUND, **example_response(page_of(examples.DATE))},
)
async def list_dates(
    request: Request,
    facts: FactsDep,
    page: PageDep,
    type: Annotated[DateType | None, Query(description="Only mentions of this type.")] = None,
    date_from: Annotated[
        IsoDate | None, Query(alias="from", description="Earliest day, YYYY-MM-DD.")
    ] = None,
    date_to: Annotated[IsoDate | None, Query(alias="to", description="Latest day, YYYY-MM-DD.")] = (
        None
    ),
) -> Response:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise RequestValidationError(
            [{"type": "date_order", "loc": ("query", "from"), "msg": "`from` is after `to`."}]
        )
    dates = [
        mention
        for mention in facts.dates
        if (type is None or mention.type == type) and _overlaps(mention, date_from, date_to)
    ]
    return _listed(request, page, dates)


@router.get(
    "/{article_id}/timeline",
    summary="List an article's dated statements in time order",
    description=(
        "Each date mention with a resolved interval, earliest first, with its sentence, the "
        "actors in that sentence and the quotes said then (whose `said_on` it is)."
    ),
    operation_id="getTimeline",
    response_model=Page[TimelineEntry],
    responses=NOT_FOUND,
)
async def get_timeline(request: Request, facts: FactsDep, page: PageDep) -> Response:
    return cached_json(request, page.page(build_timeline(facts)))


@router.get(
    "/{article_id}/dates/{date_id}",
    summary="Get one date mention",
    description="A temporal expression with its TIMEX3 value, interval and how it was resolved.",
    operation_id="getDate",
    response_model=DateMention,
    responses={**NOT_FOUND, **example_response(examples.DATE)},
)
async def get_date(request: Request, facts: FactsDep, date_id: DateId) -> Response:
    return _one(request, facts.dates, date_id, "date mention")
