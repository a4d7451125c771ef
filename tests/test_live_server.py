"""A real server process, as an operator runs it: how it reads bodies, and what it logs."""

from __future__ import annotations

import json
import socket
import tempfile
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

import httpx
import pytest

from app.settings import get_settings
from tests.live_server import LiveServer, live_server

pytestmark = pytest.mark.slow

CHUNK = b" " * (1024 * 1024)


@dataclass
class Session:
    declared_answer: bytes = b""
    streamed_answer: bytes = b""
    chunks_sent: int = 0
    log_lines: list[str] = field(default_factory=list)


def _connect(server: LiveServer) -> socket.socket:
    address = urlparse(server.base_url)
    return socket.create_connection((address.hostname, address.port), timeout=10)


def _post_declaring_30_mb(server: LiveServer) -> bytes:
    with _connect(server) as connection:
        connection.sendall(
            b"POST /v1/extract HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\n"
            + f"Content-Length: {30 * 1024 * 1024}\r\n\r\n".encode()
        )
        # Not a byte of the body is sent: a server that waited for it would time out here.
        return connection.recv(65536)


def _post_streaming_30_mb(server: LiveServer) -> tuple[bytes, int]:
    """Chunks of 1 MiB until the server answers; the answer and the chunks it took."""
    sent = 0
    answer = b""
    with _connect(server) as connection:
        connection.sendall(
            b"POST /v1/extract HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        connection.settimeout(0.2)
        while sent < 30 and not answer:
            try:
                connection.sendall(f"{len(CHUNK):x}\r\n".encode() + CHUNK + b"\r\n")
                sent += 1
                answer = connection.recv(65536)
            except TimeoutError:
                continue
            except (BrokenPipeError, ConnectionResetError):
                break
        connection.settimeout(10)
        return answer or connection.recv(65536), sent


def _use(base: str) -> None:
    """Requests of every kind of outcome, for the log."""
    httpx.get(f"{base}/v1/articles")
    httpx.head(f"{base}/v1/articles")
    httpx.get(f"{base}/v1/articles/no-such-article")
    httpx.get(f"{base}/v1/articles?limit=0")
    httpx.get(f"{base}/v1/articles?limt=5")
    httpx.post(f"{base}/v1/extract", json={"text": "The mayor said on Monday the bridge was safe."})
    httpx.post(
        f"{base}/v1/extract",
        content=b'{"text": "x", "title": "\\ud800"}',
        headers={"content-type": "application/json"},
    )


@pytest.fixture(scope="module")
def session() -> Session:
    """One server's life: requests, then its log once it has stopped."""
    session = Session()
    with tempfile.TemporaryFile() as log:
        with live_server(log=log) as server:
            session.declared_answer = _post_declaring_30_mb(server)
            session.streamed_answer, session.chunks_sent = _post_streaming_30_mb(server)
            _use(server.base_url)
            time.sleep(0.3)  # the access log is written in batches
        log.seek(0)
        session.log_lines = log.read().decode().splitlines()
    return session


def test_a_declared_30_mb_body_is_refused_before_it_is_sent(session: Session) -> None:
    assert session.declared_answer.startswith(b"HTTP/1.1 413 ")
    assert b"application/problem+json" in session.declared_answer


def test_a_streamed_body_is_refused_once_it_passes_the_limit(session: Session) -> None:
    assert session.streamed_answer.startswith(b"HTTP/1.1 413 ")
    assert 2 <= session.chunks_sent <= get_settings().max_body_bytes // len(CHUNK) + 2


def test_every_line_the_server_logs_is_one_json_object(session: Session) -> None:
    lines = session.log_lines
    assert len(lines) >= 10
    documents = []
    for line in lines:
        document = json.loads(line)
        assert isinstance(document, dict), line
        documents.append(document)
    messages = " ".join(str(document.get("message", "")) for document in documents)
    # uvicorn's own lines, our readiness line, and the access log, all as JSON.
    assert "Uvicorn running on" in messages
    assert "Application startup complete" in messages
    assert "ready: 1 article(s) loaded" in messages
    assert "Shutting down" in messages
    paths = [(d.get("method"), d.get("path"), d.get("status")) for d in documents]
    assert ("HEAD", "/v1/articles", 200) in paths
    assert ("POST", "/v1/extract", 413) in paths
    assert ("POST", "/v1/extract", 422) in paths
