"""Questions across the whole archive, the shipped articles included: quotes by speaker,
words or date; actors across articles with their counts; a timeline over many articles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from sqlalchemy import Connection

from app.api import examples
from app.api.deps import ArchivedDep, archive_unavailable
from app.api.pagination import Page, PageDep
from app.api.problems import ProblemError
from app.api.responses import cached_json
from app.api.routes.articles import LISTED, NOT_FOUND
from app.extraction.ids import ID_PATTERN
from app.models import (
    ActorType,
    ArchiveActor,
    ArchiveQuote,
    ArchiveTimelineEntry,
    ArticleSummary,
    IsoDate,
    QuoteKind,
)
from app.storage import ArchiveUnavailableError
from app.storage.across import (
    ActorOrder,
    DayRange,
    QuoteQuery,
    TimelineQuery,
    actor_articles,
    find_actor,
    search_actors,
    search_quotes,
    search_timeline,
)
from app.storage.keys import words

router = APIRouter(tags=["across"])
Answer = TypeVar("Answer")
MAX_SEARCH_CHARS = 200

ActorKey = Annotated[
    str,
    Path(
        pattern=ID_PATTERN,
        description="An actor's key across articles (from `GET /v1/actors`).",
        openapi_examples=examples.path_example(examples.ACTOR_KEY),
    ),
]
From = Annotated[IsoDate | None, Query(alias="from", description="Earliest day, YYYY-MM-DD.")]
To = Annotated[IsoDate | None, Query(alias="to", description="Latest day, YYYY-MM-DD.")]
SpeakerKey = Annotated[
    str | None, Query(pattern=ID_PATTERN, description="Only quotes by the actor of this key.")
]
Kind = Annotated[QuoteKind | None, Query(description="Only quotes of this kind.")]


def _search(description: str) -> Any:
    return Query(
        min_length=1,
        max_length=MAX_SEARCH_CHARS,
        description=description,
    )


def _words(q: str | None) -> list[str] | None:
    """The words searched; None when `q` holds none that can be searched (a lone accent),
    so that nothing matches."""
    if q is None:
        return []
    return words(q) or None


def _days(start: dt.date | None, end: dt.date | None) -> DayRange:
    if start is not None and end is not None and start > end:
        raise RequestValidationError(
            [{"type": "date_order", "loc": ("query", "from"), "msg": "`from` is after `to`."}]
        )
    return DayRange(start, end)


async def _read(archived: ArchivedDep, query: Callable[[Connection], Answer]) -> Answer:
    try:
        return await archived.ask(query)
    except ArchiveUnavailableError as error:
        raise archive_unavailable(error) from error


def _page(
    request: Request, page: PageDep, found: tuple[list[Answer], int], shape: type[Page[Answer]]
) -> Response:
    items, total = found
    return cached_json(
        request, shape(items=items, total=total, limit=page.limit, offset=page.offset)
    )


async def _quotes(
    request: Request, archived: ArchivedDep, page: PageDep, query: QuoteQuery
) -> Response:
    found = await _read(
        archived, partial(search_quotes, query=query, offset=page.offset, limit=page.limit)
    )
    return _page(request, page, found, Page[ArchiveQuote])


@router.get(
    "/v1/quotes",
    summary="Search the quotes of every article",
    description=(
        "Quotes of the shipped and the added articles. `speaker` keeps an actor's quotes (its "
        "key across articles); `q` searches the quote's words and its speaker's name (every "
        "word must match, English stems: `island` finds `islands`) and ranks the closest "
        "first; `from` and `to` keep the quotes said on those days (else published then). "
        "Without `q`, the latest first."
    ),
    operation_id="searchQuotes",
    response_model=Page[ArchiveQuote],
    responses=LISTED,
)
async def list_all_quotes(
    request: Request,
    archived: ArchivedDep,
    page: PageDep,
    speaker: SpeakerKey = None,
    q: Annotated[str | None, _search("Words the quote or its speaker's name holds.")] = None,
    kind: Kind = None,
    date_from: From = None,
    date_to: To = None,
    article: Annotated[
        str | None, Query(pattern=ID_PATTERN, description="Only quotes of this article.")
    ] = None,
) -> Response:
    days, searched = _days(date_from, date_to), _words(q)
    if searched is None:
        return _page(request, page, ([], 0), Page[ArchiveQuote])
    return await _quotes(
        request, archived, page, QuoteQuery(speaker, searched, kind, days, article)
    )


@router.get(
    "/v1/actors",
    summary="Search the actors of every article",
    description=(
        "Each real-world actor once across the articles, with how many articles it is in, "
        "its quotes, when it was first and last seen, and its roles. `q` finds names by the "
        "start of their words, whatever the case and accents (`lavrov`, `Sergei Lav`)."
    ),
    operation_id="searchActors",
    response_model=Page[ArchiveActor],
    responses=LISTED,
)
async def list_all_actors(
    request: Request,
    archived: ArchivedDep,
    page: PageDep,
    q: Annotated[str | None, _search("The start of the name's words.")] = None,
    type: Annotated[ActorType | None, Query(description="Only actors of this type.")] = None,
    sort: Annotated[ActorOrder, Query(description="Most articles, most quotes, or by name.")] = (
        "articles"
    ),
) -> Response:
    searched = _words(q)
    if searched is None:
        return _page(request, page, ([], 0), Page[ArchiveActor])
    found = await _read(
        archived,
        partial(
            search_actors,
            words=searched,
            actor_type=type,
            order=sort,
            offset=page.offset,
            limit=page.limit,
        ),
    )
    return _page(request, page, found, Page[ArchiveActor])


async def _actor(archived: ArchivedDep, key: str) -> ArchiveActor:
    actor = await _read(archived, partial(find_actor, key=key))
    if actor is None:
        raise ProblemError(404, f"No actor with key {key!r}; GET /v1/actors lists them.")
    return actor


@router.get(
    "/v1/actors/{key}",
    summary="Get an actor across articles",
    description="The actor with its counts, first and last appearance and roles.",
    operation_id="getArchiveActor",
    response_model=ArchiveActor,
    responses=NOT_FOUND,
)
async def get_archive_actor(request: Request, archived: ArchivedDep, key: ActorKey) -> Response:
    return cached_json(request, await _actor(archived, key))


@router.get(
    "/v1/actors/{key}/quotes",
    summary="List an actor's quotes across articles",
    description="Its quotes in every article, the latest first; `kind`, `from`, `to`.",
    operation_id="listArchiveActorQuotes",
    response_model=Page[ArchiveQuote],
    responses=NOT_FOUND,
)
async def list_actor_quotes(
    request: Request,
    archived: ArchivedDep,
    page: PageDep,
    key: ActorKey,
    kind: Kind = None,
    date_from: From = None,
    date_to: To = None,
) -> Response:
    days = _days(date_from, date_to)
    await _actor(archived, key)
    return await _quotes(request, archived, page, QuoteQuery(key, (), kind, days))


@router.get(
    "/v1/actors/{key}/articles",
    summary="List the articles an actor appears in",
    description="Summaries of the articles, newest `published` first (undated ones last).",
    operation_id="listArchiveActorArticles",
    response_model=Page[ArticleSummary],
    responses=NOT_FOUND,
)
async def list_actor_articles(
    request: Request, archived: ArchivedDep, page: PageDep, key: ActorKey
) -> Response:
    await _actor(archived, key)
    found = await _read(
        archived, partial(actor_articles, key=key, offset=page.offset, limit=page.limit)
    )
    return _page(request, page, found, Page[ArticleSummary])


@router.get(
    "/v1/timeline",
    summary="List dated statements across articles in time order",
    description=(
        "Every resolved date of every article with its sentence, earliest first (then by "
        "publication). `actor` keeps the sentences naming that actor (its key), `q` the ones "
        "with a word starting with each of its words (any case or accents: `fish treat` "
        "finds `fisheries treaty`), `from` and `to` the dates overlapping those days."
    ),
    operation_id="getArchiveTimeline",
    response_model=Page[ArchiveTimelineEntry],
    responses=LISTED,
)
async def get_archive_timeline(
    request: Request,
    archived: ArchivedDep,
    page: PageDep,
    actor: Annotated[
        str | None, Query(pattern=ID_PATTERN, description="Only sentences naming this actor key.")
    ] = None,
    q: Annotated[str | None, _search("The start of words the sentence holds.")] = None,
    date_from: From = None,
    date_to: To = None,
) -> Response:
    days, searched = _days(date_from, date_to), _words(q)
    if searched is None:
        return _page(request, page, ([], 0), Page[ArchiveTimelineEntry])
    query = TimelineQuery(actor, searched, days)
    found = await _read(
        archived, partial(search_timeline, query=query, offset=page.offset, limit=page.limit)
    )
    return _page(request, page, found, Page[ArchiveTimelineEntry])
