"""Extraction of any article's facts on request; nothing is stored."""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.api.deps import RunnerDep, Runtime, RuntimeDep
from app.api.extract_input import REQUEST_BODY, SourceDep
from app.api.problems import ProblemError, problem_responses
from app.extraction.guards import TextTooLongError, UnreadableTextError
from app.extraction.pipeline import Source
from app.models import Facts
from app.runner import (
    ExtractedFacts,
    ExtractionBusyError,
    ExtractionCrashError,
    ExtractionRunner,
    ExtractionTimeoutError,
)

router = APIRouter(prefix="/v1", tags=["extraction"])


@router.post(
    "/extract",
    summary="Extract the facts of an article",
    description=(
        "Parses the article (scraped markdown, plain text, or a whole HTML page, whose main "
        "text and metadata are read), extracts its quotes, actors and dates and returns the "
        "same facts document the articles routes serve; offsets refer to `article.body`. "
        "Relative dates resolve against `published`, a dateline in the text, or the page's "
        "metadata. The body is JSON (`text` or `html`), or the article itself with "
        "`Content-Type: text/html`, `text/plain` or `text/markdown` and `title`, `published` "
        "in the query string. A text that is not English prose is refused with 422 "
        "(`language` names the language detected)."
    ),
    operation_id="extractFacts",
    response_model=Facts,
    responses=problem_responses(400, 413, 415, 422, 429, 500, 503),
    openapi_extra={"requestBody": REQUEST_BODY},
)
async def extract(runtime: RuntimeDep, runner: RunnerDep, source: SourceDep) -> Response:
    extracted = await run_extraction(runtime, runner, source)
    # The document was encoded and validated where it was built: sent as it came.
    return Response(extracted.json, media_type="application/json")


async def run_extraction(
    runtime: Runtime, runner: ExtractionRunner, source: Source
) -> ExtractedFacts:
    """The source's facts, or the problem document that says why there are none."""
    try:
        return await runner.extract(source)
    except UnreadableTextError as error:
        raise ProblemError(
            422, error.detail, slug="unreadable-text", language=error.language
        ) from error
    except TextTooLongError as error:
        raise ProblemError(413, error.detail) from error
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
