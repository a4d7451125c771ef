"""The reference for row 1: a bare Starlette app that returns the same bytes, served by
uvicorn with the same settings as `python -m app serve` (see `app/cli.py`).

`python -m bench.bare` serves the file named by `BENCH_BODY_FILE` on every path; it reads
`NEWSFACTS_HOST`, `NEWSFACTS_PORT` and `NEWSFACTS_LOG_LEVEL` like the app does.
"""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


def create_app() -> Starlette:
    body = Path(os.environ["BENCH_BODY_FILE"]).read_bytes()

    async def facts(request: Request) -> Response:
        return Response(body, media_type="application/json")

    async def ready(request: Request) -> Response:
        return Response(b'{"status":"ready"}', media_type="application/json")

    return Starlette(
        routes=[
            Route("/readyz", ready),
            Route("/v1/articles/{article_id}/facts", facts),
        ]
    )


def main() -> None:
    import uvicorn

    from app.settings import get_settings

    settings = get_settings()
    uvicorn.run(
        "bench.bare:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        log_level=settings.log_level,
        access_log=False,
        timeout_graceful_shutdown=10,
    )


if __name__ == "__main__":
    main()
