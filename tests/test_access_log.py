"""The access log: one JSON line per request, written in batches off the request path."""

from __future__ import annotations

import io
import json

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from app.api.access_log import AccessLogMiddleware, AccessLogWriter


async def hello(request: Request) -> PlainTextResponse:
    return PlainTextResponse("hello", status_code=201)


def test_each_request_is_one_json_line_with_its_id() -> None:
    stream = io.StringIO()
    writer = AccessLogWriter(stream, interval_s=60)
    app = Starlette(routes=[Route("/hello", hello)])
    with TestClient(AccessLogMiddleware(app, writer)) as client:
        given = client.get("/hello", headers={"X-Request-ID": "client-42"})
        generated = client.get("/hello?x=1")
        missing = client.get("/nowhere")
    writer.close()
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [(line["method"], line["path"], line["status"]) for line in lines] == [
        ("GET", "/hello", 201),
        ("GET", "/hello", 201),
        ("GET", "/nowhere", 404),
    ]
    assert given.headers["x-request-id"] == lines[0]["request_id"] == "client-42"
    assert generated.headers["x-request-id"] == lines[1]["request_id"]
    assert missing.headers["x-request-id"] not in (lines[0]["request_id"], lines[1]["request_id"])
    assert all(line["duration_ms"] >= 0 for line in lines)
