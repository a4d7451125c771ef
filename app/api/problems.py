"""Errors as RFC 9457 problem documents (`application/problem+json`)."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.logs import mark_logged

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "https://newsfacts.dev/problems/"

logger = logging.getLogger("newsfacts.errors")


class FieldError(BaseModel):
    location: list[str | int] = Field(
        description="Where the error is: `query` or `body`, then the parameter or field."
    )
    message: str = Field(description="What is wrong with it.")
    type: str = Field(description="A stable code for the kind of error: `missing`…")


class Problem(BaseModel):
    type: str = Field(description="A URI naming the kind of problem.")
    title: str = Field(description="A short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request and how to fix it.")
    instance: str = Field(description="The path of the request that failed.")
    errors: list[FieldError] | None = Field(
        None, description="Each invalid parameter or field; only in a 422."
    )
    language: str | None = Field(
        None, description="The language detected, for a text refused as not English (422)."
    )


class ProblemError(Exception):
    """Raise from a route to answer with a problem document."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        slug: str | None = None,
        headers: dict[str, str] | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.slug = slug
        self.headers = headers
        self.language = language


def _slug(status: int) -> str:
    return HTTPStatus(status).phrase.lower().replace(" ", "-").replace("'", "")


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_MEDIA_TYPE

    def render(self, content: Any) -> bytes:
        # ASCII escapes: a field name or value echoed from the client may hold a lone
        # surrogate, which UTF-8 cannot encode.
        return json.dumps(content, separators=(",", ":")).encode()


def problem_response(
    request: Request,
    status: int,
    detail: str,
    *,
    slug: str | None = None,
    errors: list[FieldError] | None = None,
    headers: Mapping[str, str] | None = None,
    language: str | None = None,
) -> JSONResponse:
    problem = Problem(
        type=PROBLEM_BASE + (slug or _slug(status)),
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=request.url.path,
        errors=errors,
        language=language,
    )
    return ProblemResponse(
        problem.model_dump(exclude_none=True),
        status_code=status,
        headers=dict(headers) if headers else None,
    )


def _is_json(request: Request) -> bool:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


async def _on_problem(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ProblemError)
    return problem_response(
        request,
        error.status,
        error.detail,
        slug=error.slug,
        headers=error.headers,
        language=error.language,
    )


async def _on_http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    detail = error.detail if isinstance(error.detail, str) else HTTPStatus(error.status_code).phrase
    if error.status_code == 404 and detail == "Not Found":
        detail = f"No resource at {request.url.path}; see /docs for the routes."
    elif error.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}."
        return problem_response(
            request, 405, detail, headers={**(error.headers or {}), "Allow": _allowed(request)}
        )
    return problem_response(request, error.status_code, detail, headers=error.headers)


def _allowed(request: Request) -> str:
    """Every method the schema documents on this path. Starlette names only those of the
    first route it tried, and GET and DELETE of one path are two routes."""
    methods: set[str] = set()
    for template, operations in request.app.openapi()["paths"].items():
        pattern = "[^/]+".join(re.escape(part) for part in re.split(r"\{[^}]+\}", template))
        if re.fullmatch(pattern, request.url.path):
            methods |= {method.upper() for method in operations}
    return ", ".join(sorted(methods))


async def _on_validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    raw: list[dict[str, Any]] = list(error.errors())
    in_body = any(tuple(item.get("loc", ()))[:1] == ("body",) for item in raw)
    if request.method in ("POST", "PUT", "PATCH") and in_body and not _is_json(request):
        return problem_response(
            request, 415, "Send the body as JSON with `Content-Type: application/json`."
        )
    if any(item.get("type") == "json_invalid" for item in raw):
        return problem_response(request, 400, "The body is not valid JSON.", slug="malformed-json")
    errors = [
        FieldError(
            location=[part for part in item.get("loc", ()) if isinstance(part, str | int)],
            message=str(item.get("msg", "invalid")),
            type=str(item.get("type", "invalid")),
        )
        for item in raw
    ]
    summary = "; ".join(
        f"{'.'.join(str(part) for part in e.location)}: {e.message}" for e in errors
    )
    return problem_response(
        request, 422, f"Invalid request: {summary}", slug="validation-error", errors=errors
    )


async def _on_unexpected(request: Request, error: Exception) -> JSONResponse:
    logger.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=error)
    mark_logged(error)
    return problem_response(
        request, 500, "The server failed to answer this request; it has been logged."
    )


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_unexpected)


_EXAMPLE_DETAILS = {
    400: "The body is not valid JSON.",
    401: "Adding or deleting articles needs a key: send `Authorization: Bearer <key>`.",
    403: "This key is not allowed to write.",
    404: "No article with id 'no-such-article'; GET /v1/articles lists them.",
    405: "This article ships with the service and is read-only; only articles added with "
    "POST /v1/articles can be deleted.",
    413: "The text has 120000 characters; the limit is 100000.",
    415: "Send the body as JSON with `Content-Type: application/json`.",
    422: "Invalid request: query.limit: Input should be less than or equal to 500",
    429: "Too many extractions are waiting; retry shortly.",
    500: "The server failed to answer this request; it has been logged.",
    503: "The service is still loading its pipeline and articles.",
}
_EXAMPLE_ERRORS = [
    {"location": ["query", "limit"], "message": "Input should be less than or equal to 500",
     "type": "less_than_equal"}
]  # fmt: skip


def _example(status: int) -> dict[str, Any]:
    """A problem document as the API sends it: only a 422 has an `errors` list."""
    example: dict[str, Any] = {
        "type": PROBLEM_BASE + ("validation-error" if status == 422 else _slug(status)),
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": _EXAMPLE_DETAILS[status],
        "instance": "/v1/articles",
    }
    if status == 422:
        example["errors"] = _EXAMPLE_ERRORS
    return example


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries declaring the problem documents a route may return."""
    return {
        status: {
            "model": Problem,
            "description": HTTPStatus(status).phrase,
            "content": {
                PROBLEM_MEDIA_TYPE: {
                    "schema": {"$ref": "#/components/schemas/Problem"},
                    "example": _example(status),
                }
            },
        }
        for status in statuses
    }
