"""One JSON line per request, and a request id echoed in `X-Request-ID`.

A request only appends a tuple to a queue; a thread formats the lines and writes them in
batches, so the log costs the request path almost nothing (it was most of the cost of a
cached GET when each line went through `logging` and a write of its own)."""

from __future__ import annotations

import atexit
import itertools
import json
import os
import re
import sys
import threading
import time
from collections import deque
from typing import TextIO

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_CLIENT_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")

Entry = tuple[str, str, str, int, float]


def format_entry(entry: Entry) -> str:
    request_id, method, path, status, duration_ms = entry
    # Only the path and method can hold characters JSON must escape; the id matches _CLIENT_ID
    # or is hex. Formatting by hand is several times faster than json.dumps of a dict.
    return (
        f'{{"request_id": "{request_id}", "method": {json.dumps(method)}, '
        f'"path": {json.dumps(path)}, "status": {status}, "duration_ms": {duration_ms:.2f}}}'
    )


class AccessLogWriter:
    def __init__(self, stream: TextIO | None = None, interval_s: float = 0.05) -> None:
        self._stream = stream
        self._interval_s = interval_s
        self._entries: deque[Entry] = deque()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="access-log", daemon=True)
        self._thread.start()
        atexit.register(self.close)

    def record(self, entry: Entry) -> None:
        self._entries.append(entry)  # deque.append is atomic: no lock on the request path

    def flush(self) -> None:
        lines = []
        while self._entries:
            lines.append(format_entry(self._entries.popleft()) + "\n")
        if lines:
            stream = self._stream or sys.stderr
            stream.write("".join(lines))
            stream.flush()

    def _run(self) -> None:
        while not self._stopped.wait(self._interval_s):
            self.flush()

    def close(self) -> None:
        self._stopped.set()
        self.flush()


class AccessLogMiddleware:
    """A plain ASGI middleware: it adds no task or body copy to the request path."""

    def __init__(self, app: ASGIApp, writer: AccessLogWriter | None) -> None:
        self.app = app
        self.writer = writer
        # Unique per process without a system call per request, unlike uuid4.
        self._prefix = os.urandom(6).hex()
        self._counter = itertools.count(1)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = self._request_id(scope)
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", request_id.encode()),
                ]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            if self.writer is not None:
                duration_ms = (time.perf_counter() - started) * 1000
                self.writer.record(
                    (request_id, scope["method"], scope["path"], status, duration_ms)
                )

    def _request_id(self, scope: Scope) -> str:
        for name, value in scope.get("headers", []):
            if name == b"x-request-id":
                text = bytes(value).decode("latin-1")
                if _CLIENT_ID.match(text):
                    return text
        return f"{self._prefix}{next(self._counter):010x}"
