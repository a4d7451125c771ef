"""Load generators: `wrk` when it is installed, else a Python one (`python -m bench.load`).

Both run in their own process, so the generator never shares a GIL with the bench or a server.
The Python generator also serves as the paced latency probe of row 3.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from bench.procs import HOST


@dataclass
class LoadResult:
    tool: str
    connections: int
    seconds: float
    requests: int
    errors: int  # socket errors, timeouts and responses that are not 2xx/3xx
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def find_wrk(install: bool) -> str | None:
    """`wrk` on the PATH; with `install`, try Debian's package once (root only)."""
    found = shutil.which("wrk")
    if found or not install:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("bench: wrk is missing; trying `apt-get install -y wrk`", file=sys.stderr)
        with contextlib.suppress(subprocess.TimeoutExpired):
            subprocess.run(
                ["apt-get", "install", "-y", "-qq", "wrk"],
                capture_output=True,
                timeout=300,
                check=False,
            )
    return shutil.which("wrk")


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        return float("nan")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def parse_wrk(output: str, connections: int) -> LoadResult:
    requests = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", output)
    if requests is None:
        raise RuntimeError(f"unexpected wrk output:\n{output}")
    seconds = _ms(requests.group(2) + requests.group(3)) / 1000
    errors = 0
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    return LoadResult(
        tool="wrk",
        connections=connections,
        seconds=seconds,
        requests=int(requests.group(1)),
        errors=errors,
        p50_ms=_ms(percentiles.get("50", "")),
        p99_ms=_ms(percentiles.get("99", "")),
    )


def _pinned(command: list[str], cpus: set[int] | None) -> list[str]:
    if cpus and shutil.which("taskset"):
        return ["taskset", "-c", ",".join(map(str, sorted(cpus))), *command]
    return command


def run_load(
    url: str,
    *,
    connections: int,
    seconds: float,
    wrk: str | None,
    cpus: set[int] | None = None,
    interval_s: float = 0.0,
) -> LoadResult:
    """A closed-loop load of `connections` for `seconds` (bounded: it always ends)."""
    if wrk is not None and interval_s == 0:
        command = [
            wrk,
            "-t1",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "10s",
            "--latency",
            url,
        ]
        done = subprocess.run(
            _pinned(command, cpus),
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=True,
        )
        return parse_wrk(done.stdout, connections)
    command = [
        sys.executable,
        "-m",
        "bench.load",
        url,
        f"--connections={connections}",
        f"--seconds={seconds}",
        f"--interval={interval_s}",
    ]
    done = subprocess.run(
        _pinned(command, cpus), capture_output=True, text=True, timeout=seconds + 60, check=True
    )
    return LoadResult(**json.loads(done.stdout))


# --- the Python generator ---------------------------------------------------------------


async def _response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    match = re.search(rb"\r\ncontent-length:\s*(\d+)", head, re.IGNORECASE)
    if match is None:
        raise ConnectionError("no content-length")
    await reader.readexactly(int(match.group(1)))
    return status


async def _connection(
    port: int,
    request: bytes,
    deadline: float,
    interval_s: float,
    latencies: list[float],
    errors: list[int],
) -> None:
    while time.perf_counter() < deadline:
        try:
            reader, writer = await asyncio.open_connection(HOST, port)
        except OSError:
            errors[0] += 1
            await asyncio.sleep(0.05)
            continue
        try:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                writer.write(request)
                status = await asyncio.wait_for(_response(reader), 10)
                latencies.append(time.perf_counter() - started)
                if status >= 400:
                    errors[0] += 1
                if interval_s:
                    await asyncio.sleep(interval_s)
        except (OSError, asyncio.IncompleteReadError, TimeoutError, ConnectionError):
            errors[0] += 1
        finally:
            writer.close()


async def _generate(url: str, connections: int, seconds: float, interval_s: float) -> LoadResult:
    parts = urlsplit(url)
    port = parts.port or 80
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    request = f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n\r\n".encode()
    latencies: list[float] = []
    errors = [0]
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(
        *(
            _connection(port, request, deadline, interval_s, latencies, errors)
            for _ in range(connections)
        )
    )
    elapsed = time.perf_counter() - started
    latencies.sort()

    def percentile(q: float) -> float:
        if not latencies:
            return float("nan")
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000

    return LoadResult(
        tool="python",
        connections=connections,
        seconds=elapsed,
        requests=len(latencies),
        errors=errors[0],
        p50_ms=percentile(0.50),
        p99_ms=percentile(0.99),
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("url")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--interval", type=float, default=0.0, help="pause after each response")
    args = parser.parse_args(argv)
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    result = asyncio.run(_generate(args.url, args.connections, args.seconds, args.interval))
    print(json.dumps(asdict(result)))


if __name__ == "__main__":
    main()
