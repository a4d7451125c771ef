"""The input of an extraction request, as a FastAPI dependency any route can reuse.

The body is JSON (`ExtractRequest`: `text` or `html`, with `title` and `published`), or the
article itself as a raw body: `text/html` (a whole page), `text/plain` or `text/markdown`,
with `title` and `published` in the query string.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from app.api.deps import RuntimeDep
from app.api.problems import ProblemError
from app.extraction.pipeline import Source, SourceFormat
from app.models import BLANK_TEXT, ExtractHtmlRequest, ExtractRequest, IsoDate

JSON_MEDIA_TYPE = "application/json"
RAW_FORMATS: dict[str, SourceFormat] = {
    "text/html": "html",
    "text/plain": "text",
    "text/markdown": "text",
}

EXAMPLE = {
    "text": (
        '"This is our land," Foreign Minister Sergei Lavrov told reporters in Moscow on '
        "Wednesday. He said talks would resume next week."
    ),
    "title": "Lavrov rules out a deal",
    "published": "2019-01-21",
}
HTML_EXAMPLE = (
    "<html><head><title>Council approves ferry line</title>"
    '<meta property="article:published_time" content="2024-05-14"></head><body><article>'
    "<p>The harbour council voted on Monday to open a ferry line to the islands.</p>"
    '<p>"This will change how people get to work," council chair Helen Marsh said.</p>'
    "</article></body></html>"
)

# The request body as the OpenAPI schema documents it (the route reads it itself). The raw
# bodies are told in the route's description only: client generators drop an operation
# whose body has a media type they do not know, JSON included.
REQUEST_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        JSON_MEDIA_TYPE: {
            "schema": {
                "oneOf": [
                    {"$ref": "#/components/schemas/ExtractRequest"},
                    {"$ref": "#/components/schemas/ExtractHtmlRequest"},
                ]
            },
            "examples": {
                "text": {"value": EXAMPLE},
                "html": {"value": {"html": HTML_EXAMPLE, "published": "2024-05-14"}},
            },
        },
    },
}


def document_request_schemas(app: FastAPI) -> None:
    """Add the request models to the app's OpenAPI components, which FastAPI fills only
    with the models of the parameters it parses itself."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            schemas = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in (ExtractRequest, ExtractHtmlRequest):
                schemas[model.__name__] = model.model_json_schema()
        return app.openapi_schema or {}

    app.openapi = openapi  # type: ignore[method-assign]


def _media_type(request: Request) -> tuple[str, str | None]:
    """The media type and charset of the body."""
    media_type, *parameters = request.headers.get("content-type", "").split(";")
    charset = None
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return media_type.strip().lower(), charset


def _decode(body: bytes, charset: str | None, source_format: SourceFormat) -> str:
    try:
        return body.decode(charset or "utf-8")
    except LookupError as error:
        raise ProblemError(415, f"Unknown charset {charset!r}; send UTF-8.") from error
    except UnicodeDecodeError as error:
        if source_format == "html":  # pages misdeclare their encoding; keep what reads
            return body.decode(charset or "utf-8", errors="replace")
        raise ProblemError(
            400, f"The body is not valid {charset or 'UTF-8'} text.", slug="malformed-body"
        ) from error


def _invalid(errors: list[dict[str, Any]]) -> RequestValidationError:
    return RequestValidationError([{**item, "loc": ("body", *item["loc"])} for item in errors])


def _from_json(body: bytes) -> ExtractRequest | ExtractHtmlRequest:
    """`{"html": …}` is a page; anything else is read as `{"text": …}`."""
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise _invalid(
            [{"type": "json_invalid", "loc": (), "msg": f"JSON decode error: {error}"}]
        ) from error
    is_page = isinstance(payload, dict) and "html" in payload and "text" not in payload
    model = ExtractHtmlRequest if is_page else ExtractRequest
    try:
        return model.model_validate(payload)
    except ValidationError as error:
        raise _invalid([dict(item) for item in error.errors()]) from error


async def read_source(
    request: Request,
    runtime: RuntimeDep,
    title: Annotated[
        str | None, Query(description="Headline, for a raw body (JSON carries its own).")
    ] = None,
    published: Annotated[
        IsoDate | None,
        Query(description="Publication date, YYYY-MM-DD, for a raw body."),
    ] = None,
) -> Source:
    """The article source of an extraction request, within the configured limits."""
    settings = runtime.settings
    media_type, charset = _media_type(request)
    body = await request.body()
    if media_type == JSON_MEDIA_TYPE or media_type.endswith("+json"):
        payload = _from_json(body)
        source_format: SourceFormat
        if isinstance(payload, ExtractHtmlRequest):
            source_format, content = "html", payload.html
        else:
            source_format, content = "text", payload.text
        title, published = payload.title or title, payload.published or published
    elif media_type in RAW_FORMATS:
        source_format = RAW_FORMATS[media_type]
        content = _decode(body, charset, source_format)
    else:
        raise ProblemError(
            415,
            "Send JSON (`Content-Type: application/json`) or the article itself as "
            f"{', '.join(RAW_FORMATS)}.",
        )
    # A page's size is bounded by the body limit; its article text, like any text, by this.
    limit = settings.max_text_chars
    if source_format == "text" and len(content) > limit:
        raise ProblemError(413, f"The text has {len(content)} characters; the limit is {limit}.")
    if not content.strip():
        raise ProblemError(422, BLANK_TEXT, slug="validation-error")
    return Source(
        content, source_format, title=title, published=published, max_chars=settings.max_text_chars
    )


SourceDep = Annotated[Source, Depends(read_source)]


def request_json(source: Source) -> str:
    """The source as the JSON request that carries it: what identifies its content."""
    request: ExtractRequest | ExtractHtmlRequest
    if source.format == "html":
        request = ExtractHtmlRequest.model_construct(
            html=source.content, title=source.title, published=source.published
        )
    else:
        request = ExtractRequest.model_construct(
            text=source.content, title=source.title, published=source.published
        )
    return request.model_dump_json()
