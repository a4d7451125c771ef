"""The whole facts document of an article in memory, answered before FastAPI's routing.

It is the hottest and largest response and never changes, so it is served from its encoded
bytes (a shipped article's, or an added one's in the cache) by a plain ASGI layer: no
routing over every route, no dependency solving, no validation of a path that the pattern
below has already checked. Anything else (an unknown id, an added article not in memory,
another method, another path) goes on to the application, which answers it as usual;
the OpenAPI schema documents the route through the application's own handler.
"""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.deps import Runtime
from app.api.responses import EncodedJson, representation

_FACTS_PATH = re.compile(r"^/v1/articles/([a-z0-9][a-z0-9-]{0,99})/facts$")


def _headers(scope: Scope, *names: bytes) -> list[str | None]:
    found: dict[bytes, str] = {}
    for name, value in scope["headers"]:
        if name in names:
            found[name] = value.decode("latin-1")
    return [found.get(name) for name in names]


class FactsHotPathMiddleware:
    def __init__(self, app: ASGIApp, runtime: Runtime) -> None:
        self.app = app
        self.runtime = runtime

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        encoded: EncodedJson | None = None
        # A query string is for the application to validate (this route takes none).
        if scope["type"] == "http" and scope["method"] == "GET" and not scope["query_string"]:
            match = _FACTS_PATH.match(scope["path"])
            if match is not None:
                encoded = self.runtime.encoded_facts.get(
                    match.group(1)
                ) or self.runtime.cached_added(match.group(1))
        if encoded is None:
            await self.app(scope, receive, send)
            return
        accept_encoding, if_none_match = _headers(scope, b"accept-encoding", b"if-none-match")
        status, headers, body = representation(encoded, accept_encoding or "", if_none_match)
        by_encoding = encoded.raw_headers if status == 200 else {}
        raw_headers = by_encoding.get(content_encoding := headers.get("Content-Encoding"))
        if raw_headers is None:
            raw_headers = [
                (name.lower().encode(), value.encode()) for name, value in headers.items()
            ]
            raw_headers.append((b"content-length", str(len(body)).encode()))
            by_encoding[content_encoding] = raw_headers
        await send({"type": "http.response.start", "status": status, "headers": raw_headers})
        await send({"type": "http.response.body", "body": body})
