"""Extraction of any article's facts on request; nothing is stored."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body

from app.api.deps import RunnerDep, Runtime, RuntimeDep
from app.api.problems import ProblemError, problem_responses
from app.models import ExtractRequest, Facts
from app.runner import (
    ExtractionBusyError,
    ExtractionCrashError,
    ExtractionRunner,
    ExtractionTimeoutError,
)

router = APIRouter(prefix="/v1", tags=["extraction"])

EXAMPLE = {
    "text": (
        '"This is our land," Foreign Minister Sergei Lavrov told reporters in Moscow on '
        "Wednesday. He said talks would resume next week."
    ),
    "title": "Lavrov rules out a deal",
    "published": "2019-01-21",
}
ExtractBody = Annotated[ExtractRequest, Body(openapi_examples={"lavrov": {"value": EXAMPLE}})]


@router.post(
    "/extract",
    summary="Extract the facts of an article",
    description=(
        "Parses the text (scraped markdown or plain text), extracts its quotes, actors and dates "
        "and returns the same facts document the articles routes serve. Relative dates resolve "
        "against `published`, or against a dateline found in the text."
    ),
    operation_id="extractFacts",
    response_model=Facts,
    responses=problem_responses(400, 413, 415, 422, 429, 500, 503),
)
async def extract(runtime: RuntimeDep, runner: RunnerDep, request: ExtractBody) -> Facts:
    return await run_extraction(runtime, runner, request)


async def run_extraction(
    runtime: Runtime, runner: ExtractionRunner, request: ExtractRequest
) -> Facts:
    """The request's facts, or the problem document that says why there are none."""
    limit = runtime.settings.max_text_chars
    if len(request.text) > limit:
        raise ProblemError(
            413, f"The text has {len(request.text)} characters; the limit is {limit}."
        )
    try:
        return await runner.extract(request.text, title=request.title, published=request.published)
    except ExtractionBusyError as error:
        raise ProblemError(
            429, "Too many extractions are waiting; retry shortly.", headers={"Retry-After": "1"}
        ) from error
    except ExtractionCrashError as error:
        raise ProblemError(
            503,
            "The process running this extraction failed; it has been replaced, retry.",
            slug="extraction-failed",
            headers={"Retry-After": "1"},
        ) from error
    except ExtractionTimeoutError as error:
        raise ProblemError(
            503,
            f"The extraction took longer than {runtime.settings.extraction_timeout_s:g} s.",
            slug="extraction-timeout",
        ) from error
