"""Writes to the archive: add an article (extracted once, stored, then served by every
read route like a shipped one) and delete one. Both need a key."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Path, Response

from app.api.archived import CachedFacts
from app.api.auth import WriteKey
from app.api.deps import ArchivedDep, RunnerDep, Runtime, RuntimeDep, archive_unavailable
from app.api.extract_input import EXAMPLE, REQUEST_BODY, SourceDep, request_json
from app.api.problems import ProblemError, problem_responses
from app.api.routes.extract import run_extraction
from app.extraction.article import article_id as id_of_article
from app.extraction.ids import ID_PATTERN
from app.extraction.pipeline import Source
from app.models import Facts
from app.runner import ExtractionRunner
from app.storage import ArchiveUnavailableError, content_key

router = APIRouter(prefix="/v1/articles", tags=["archive"])

# The article that the example of POST /v1/articles adds: "Try it out" deletes it.
EXAMPLE_ID = id_of_article(None, EXAMPLE["title"], EXAMPLE["text"])
AddedArticleId = Annotated[
    str,
    Path(
        pattern=ID_PATTERN,
        description="The id of an article added with POST /v1/articles.",
        openapi_examples={"added": {"summary": "The example article", "value": EXAMPLE_ID}},
    ),
]


async def _facts_of(runtime: Runtime, runner: ExtractionRunner, source: Source) -> Facts:
    """The source's facts as models: the archive stores them fact by fact."""
    return (await run_extraction(runtime, runner, source)).facts


def _facts_answer(entry: CachedFacts, status: int) -> Response:
    return Response(
        entry.encoded.body,
        status_code=status,
        media_type="application/json",
        headers={"Location": f"/v1/articles/{entry.facts.article.id}"},
    )


@router.post(
    "",
    summary="Add an article to the archive",
    description=(
        "Takes the same input as `POST /v1/extract`, extracts the facts, stores them and "
        "answers `201 Created` with the facts document and `Location: /v1/articles/{id}`. "
        "The same content sent again answers `200` with the article added the first time "
        "and stores nothing, so a client may retry safely. Needs `Authorization: Bearer <key>`."
    ),
    operation_id="addArticle",
    status_code=201,
    response_model=Facts,
    dependencies=[WriteKey],
    responses={
        200: {"model": Facts, "description": "This content was added before: that article."},
        201: {"description": "Added; `Location` names the new article."},
        **problem_responses(400, 401, 403, 413, 415, 422, 429, 500, 503),
    },
    openapi_extra={"requestBody": REQUEST_BODY},
)
async def add_article(
    runtime: RuntimeDep, runner: RunnerDep, archived: ArchivedDep, source: SourceDep
) -> Response:
    try:
        entry, created = await archived.add(
            content_key(request_json(source)),
            lambda: _facts_of(runtime, runner, source),
            frozenset(runtime.encoded_facts),
        )
    except ArchiveUnavailableError as error:
        raise archive_unavailable(error) from error
    return _facts_answer(entry, 201 if created else 200)


@router.delete(
    "/{article_id}",
    summary="Delete an added article",
    description=(
        "Removes an article added with `POST /v1/articles`, with all its facts. The shipped "
        "articles are read-only (`405`). Needs `Authorization: Bearer <key>`."
    ),
    operation_id="deleteArticle",
    status_code=204,
    dependencies=[WriteKey],
    responses=problem_responses(401, 403, 404, 405, 422, 500, 503),
)
async def delete_article(
    article_id: AddedArticleId, runtime: RuntimeDep, archived: ArchivedDep
) -> Response:
    if article_id in runtime.encoded_facts:
        raise ProblemError(
            405,
            f"{article_id!r} ships with the service and is read-only; only articles added "
            "with POST /v1/articles can be deleted.",
            slug="read-only-article",
            headers={"Allow": "GET, HEAD"},
        )
    try:
        removed = await asyncio.to_thread(archived.archive.delete, article_id)
    except ArchiveUnavailableError as error:
        raise archive_unavailable(error) from error
    archived.forget(article_id)
    if not removed:
        raise ProblemError(404, f"No added article with id {article_id!r}.")
    return Response(status_code=204)
