"""The documentation pages: `/` leads to Swagger UI (served by `fastapi_offline`), and ReDoc
is served with its script patched so that the page makes no request outside the server."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html
from fastapi.responses import HTMLResponse, RedirectResponse, Response

REDOC_SCRIPT = Path(fastapi_offline.__file__).parent / "static" / "redoc.standalone.js"
# ReDoc's "API docs by Redocly" link shows a logo fetched from Redocly's CDN.
_REDOCLY_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"
_NO_IMAGE = b"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"
SCRIPT_PATH = "/redoc.standalone.js"

router = APIRouter(include_in_schema=False)


@cache
def _redoc_script() -> bytes:
    return REDOC_SCRIPT.read_bytes().replace(_REDOCLY_LOGO, _NO_IMAGE)


@router.get("/")
async def root() -> RedirectResponse:
    return RedirectResponse("/docs", status_code=307)


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    root_path = request.scope.get("root_path", "")
    return get_redoc_html(
        openapi_url=f"{root_path}{request.app.openapi_url}",
        title=f"{request.app.title} - ReDoc",
        redoc_js_url=f"{root_path}{SCRIPT_PATH}",
        redoc_favicon_url=f"{root_path}/static-offline-docs/favicon.png",
        with_google_fonts=False,
    )


@router.get(SCRIPT_PATH)
async def redoc_script() -> Response:
    return Response(
        _redoc_script(),
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=86400"},
    )
