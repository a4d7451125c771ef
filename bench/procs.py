"""Servers as subprocesses on free loopback ports, their memory, and their clean end."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from devtools.ports import HOST as HOST  # re-exported: every bench module asks procs for it
from devtools.ports import free_port
from devtools.processes import children as children  # re-exported as HOST is
from devtools.processes import memory_kb

ROOT = Path(__file__).absolute().parent.parent  # not resolved: bench/ may be a symlink
LOGS = ROOT / "bench" / "results" / "logs"
kept_logs: list[Path] = []  # server logs that held a traceback, kept for a look


def http_get(port: int, path: str, timeout: float = 5.0) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _status_field(pid: int, name: str) -> int:
    """A `kB` field of /proc/PID/status, in bytes (0 when the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def rss(pid: int) -> int:
    return _status_field(pid, "VmRSS")


def peak_rss(pid: int) -> int:
    return _status_field(pid, "VmHWM")


def pss(pid: int) -> int:
    """Proportional set size: shared pages count once across the processes sharing them."""
    try:
        return memory_kb(pid)["Pss"] * 1024
    except (OSError, KeyError, ValueError):
        return 0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process and its direct children."""
    return cpu_seconds(pid) + sum(cpu_seconds(child) for child in children(pid))


def can_pin() -> bool:
    return (os.cpu_count() or 1) >= 2 and hasattr(os, "sched_setaffinity")


@dataclass
class Server:
    """A server subprocess in its own session, so that it and its children end together."""

    name: str
    command: Sequence[str]
    port: int
    env: dict[str, str]
    cpus: set[int] | None = None
    process: subprocess.Popen[bytes] | None = None
    log: Path | None = None
    started: float = 0.0
    ready_after: float = 0.0

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self) -> None:
        handle, name = tempfile.mkstemp(prefix=f"bench-{self.name}-", suffix=".log")
        os.close(handle)
        self.log = Path(name)
        with self.log.open("wb") as logfile:
            self.started = time.perf_counter()
            self.process = subprocess.Popen(
                list(self.command),
                cwd=ROOT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=logfile,
                stderr=logfile,
                start_new_session=True,
            )
        if self.cpus:  # threads and children started later inherit the affinity
            os.sched_setaffinity(self.process.pid, self.cpus)

    def wait_ready(self, path: str, timeout_s: float) -> float:
        """Seconds from spawn to the first 200 on `path`; raises after `timeout_s`."""
        deadline = self.started + timeout_s
        while time.perf_counter() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited early:\n{self.log_tail()}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                status, _ = http_get(self.port, path, timeout=2.0)
                if status == 200:
                    self.ready_after = time.perf_counter() - self.started
                    return self.ready_after
            time.sleep(0.01)
        raise TimeoutError(f"{self.name} not ready on {path} within {timeout_s:g} s")

    def wait_children(self, count: int, timeout_s: float) -> None:
        """Wait until the server has `count` child processes: the app forks its extraction
        processes just after it is ready, once it has loaded the rules' data packages, and
        a row that measured before would see it still loading."""
        deadline = time.perf_counter() + timeout_s
        while len(children(self.pid)) < count:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited early:\n{self.log_tail()}")
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{self.name} forked no {count} processes in {timeout_s:g} s")
            time.sleep(0.01)

    def log_tail(self, lines: int = 20) -> str:
        if self.log is None or not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        """SIGTERM to the server's process group, SIGKILL if it lingers; always reaps."""
        process = self.process
        if process is None:
            return
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        # Children that outlived their parent are still in the group.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        if self.log is not None:
            self._keep_log_if_troubled(self.log)

    def _keep_log_if_troubled(self, log: Path) -> None:
        """A log with a traceback goes to bench/results/logs/ (and `kept_logs`); others go."""
        with contextlib.suppress(OSError):
            text = log.read_text(errors="replace")
            if "Traceback" in text:
                LOGS.mkdir(parents=True, exist_ok=True)
                kept = LOGS / f"{self.name}-{self.port}.log"
                kept.write_text(text)
                kept_logs.append(kept)
            log.unlink()


def base_env(port: int, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSFACTS_")}
    env.update(
        {
            "NEWSFACTS_HOST": HOST,
            "NEWSFACTS_PORT": str(port),
            "NEWSFACTS_WORKERS": "1",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra or {})
    return env


@contextlib.contextmanager
def running(
    name: str,
    module: str,
    *,
    env: dict[str, str] | None = None,
    cpus: set[int] | None = None,
    ready_path: str = "/readyz",
    timeout_s: float = 180.0,
) -> Iterator[Server]:
    """`python -m module serve` (the app) or `python -m module` (the bare app), ready (and
    the app's extraction processes forked, when `env` says how many)."""
    port = free_port()
    args = [sys.executable, "-m", module] + (["serve"] if module == "app" else [])
    server = Server(name, args, port, base_env(port, env), cpus=cpus)
    try:
        server.start()
        server.wait_ready(ready_path, timeout_s)
        if module == "app":
            processes = int(server.env.get("NEWSFACTS_EXTRACTION_CONCURRENCY", "0"))
            server.wait_children(processes, timeout_s)
        yield server
    finally:
        server.stop()
