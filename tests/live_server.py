"""A real `python -m app serve` process on a free loopback port, for tests that need one."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

import httpx

from app.settings import PROJECT_ROOT
from devtools.ports import free_port


@dataclass(frozen=True)
class LiveServer:
    process: subprocess.Popen[bytes]
    base_url: str


@contextmanager
def live_server(
    env: dict[str, str] | None = None, timeout_s: float = 60, *, log: IO[bytes] | None = None
) -> Iterator[LiveServer]:
    """Start the server (with `env` added to the environment), wait for `/readyz`, and stop
    it (SIGTERM) when done; what it writes goes to `log`, if given."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT_ROOT,
        env={**os.environ, "NEWSFACTS_LOG_LEVEL": "info", **(env or {})},
        stdout=log or subprocess.DEVNULL,
        stderr=log or subprocess.DEVNULL,
    )
    server = LiveServer(process, f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            assert process.poll() is None, "the server exited"
            assert time.monotonic() < deadline, "the server never became ready"
            try:
                if httpx.get(f"{server.base_url}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        yield server
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
