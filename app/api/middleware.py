"""Plain ASGI layers for HTTP semantics every route shares: `HEAD` and the body size limit."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGetMiddleware:
    """`HEAD` on any route answers as `GET` would, with the same headers and no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        # A copy: the server keeps its own scope, and knows a HEAD response has no body.
        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


def too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"The request body is over the limit of {limit} bytes.")


class BodyLimitMiddleware:
    """A request body over `limit` bytes is refused with 413 as soon as that is known: from
    its `Content-Length` before a byte is read, else while it is read, chunk by chunk."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = max(
            (int(value) for name, value in scope["headers"]
             if name == b"content-length" and value.isdigit()),
            default=0,
        )  # fmt: skip
        received = 0

        async def receive_within_limit() -> Message:
            nonlocal received
            if declared > self.limit:  # refused before a byte of it is read
                raise too_large(self.limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise too_large(self.limit)
            return message

        await self.app(scope, receive_within_limit, send)
