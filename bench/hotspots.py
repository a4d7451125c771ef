"""`python -m bench.hotspots`: where the CPU time of `POST /v1/extract` goes.

Starts the app as the bench does (`python -m app serve`, one worker), posts the bench texts
in turn from one client for `--seconds`, and prints the CPU time per request of the server
worker and of its extraction processes (from /proc); then, for another `--seconds`, the
functions py-spy finds them in most (sampling every thread of both, `--subprocesses`).
Samples whose innermost frame only waits (a selector, a lock, a pipe with nothing to read,
uvloop's loop in C) are left out, so the shares are of the time each process works. Native
code (spaCy's Cython, numpy, pydantic-core) counts in the Python function that called it.
The in-process breakdown of an extraction's steps is `python -m bench.steps`.
"""

from __future__ import annotations

import argparse
import http.client
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench import procs
from bench.rows import _post
from bench.texts import load_texts

# Innermost frames that wait rather than work (py-spy's own idle test misses most of them).
WAITING = frozenset(
    [
        "select",  # selectors: the runner's thread waiting on its child's pipe
        "wait",  # threading.Condition / Event
        "_worker",  # concurrent.futures: a pool thread waiting for work
        "run",  # asyncio.Runner.run: uvloop's loop, in C, waiting on epoll
        "_recv",  # an extraction process waiting for its next job
        "poll",
    ]
)

# Files of the entry frames of the server's threads: on most stacks, telling nothing.
ENTRY_FILES = tuple(
    f"({name})"
    for name in [
        "<frozen runpy>", "app/__main__.py", "app/cli.py", "uvicorn/main.py",
        "uvicorn/_compat.py", "uvicorn/server.py", "asyncio/runners.py", "threading.py",
        "concurrent/futures/thread.py",
    ]
)  # fmt: skip


@dataclass
class Profile:
    samples: int = 0
    waiting: int = 0
    own: Counter[str] = field(default_factory=Counter)  # innermost frame
    within: Counter[str] = field(default_factory=Counter)  # anywhere on the stack

    @property
    def busy(self) -> int:
        return max(self.samples - self.waiting, 1)

    def top(self, counter: Counter[str], count: int) -> list[str]:
        # A frame under nearly every busy sample (a thread's or the child's entry) says nothing.
        telling = [
            (name, n)
            for name, n in counter.most_common()
            if n < 0.95 * self.busy and not name.endswith(ENTRY_FILES)
        ]
        return [f"{n / self.busy:6.1%}  {name}" for name, n in telling[:count]]


def _function(frame: str) -> str:
    """`name (path/to/file.py:LINE)` -> `name (path/to/file.py)`: lines of one function add up."""
    name, _, where = frame.partition(" (")
    return f"{name} ({where.rsplit(':', 1)[0]})" if where else name


def parse_raw(text: str) -> dict[str, Profile]:
    """py-spy's raw (collapsed) output, by process: the worker, or an extraction process."""
    profiles: dict[str, Profile] = {}
    for line in text.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = stack.split(";")
        processes = sum(frame.startswith("process ") for frame in frames)
        role = "server worker" if processes <= 1 else "extraction processes"
        functions = [
            _function(frame)
            for frame in frames
            if not frame.startswith(("process ", "thread ")) and frame != "<idle>"
        ]
        profile = profiles.setdefault(role, Profile())
        profile.samples += count
        if not functions or functions[-1].split(" (")[0].split(".")[-1] in WAITING:
            profile.waiting += count
            continue
        profile.own[functions[-1]] += count
        for function in set(functions):
            profile.within[function] += count
    return profiles


def _load(connection: http.client.HTTPConnection, texts: list[str], seconds: float) -> int:
    """Posts the texts in turn, one at a time, for `seconds` (at least one pass)."""
    requests = 0
    started = time.perf_counter()
    while requests < len(texts) or time.perf_counter() - started < seconds:
        if _post(connection, texts[requests % len(texts)]) != 200:
            raise RuntimeError("an extraction failed")
        requests += 1
    return requests


def _py_spy() -> str | None:
    beside = Path(sys.executable).with_name("py-spy")
    return str(beside) if beside.exists() else shutil.which("py-spy")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hotspots", description=__doc__)
    parser.add_argument("--seconds", type=float, default=30, help="length of the load (30)")
    parser.add_argument("--rate", type=int, default=100, help="py-spy samples per second (100)")
    parser.add_argument("--top", type=int, default=12, help="functions listed per process (12)")
    parser.add_argument(
        "--app-env",
        action="append",
        default=[],
        metavar="NEWSFACTS_X=VALUE",
        help="a setting for the app (repeatable), e.g. NEWSFACTS_EXTRACTION_NICENESS=0",
    )
    args = parser.parse_args()
    env = dict(item.split("=", 1) for item in args.app_env if "=" in item)
    py_spy = _py_spy()
    if py_spy is None:
        print("py-spy is not installed (make install): CPU per request only", file=sys.stderr)
    texts = load_texts()
    raw = Path(tempfile.mkdtemp(prefix="bench-hotspots-")) / "py-spy.txt"
    with procs.running("app", "app", env=env) as app:
        connection = http.client.HTTPConnection(procs.HOST, app.port, timeout=60)
        _load(connection, texts, 0)  # warm-up
        # First the CPU time, with nothing attached: py-spy's pauses cost the process CPU too.
        children = procs.children(app.pid)
        worker_before = procs.cpu_seconds(app.pid)
        children_before = sum(procs.cpu_seconds(child) for child in children)
        requests = _load(connection, texts, args.seconds)
        worker = procs.cpu_seconds(app.pid) - worker_before
        extraction = sum(procs.cpu_seconds(child) for child in children) - children_before
        if py_spy is not None:
            command = [py_spy, "record", "--pid", str(app.pid), "--subprocesses", "--format"]
            command += ["raw", "--rate", str(args.rate), "--duration", str(int(args.seconds))]
            with subprocess.Popen(
                [*command, "--output", str(raw)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ) as spy:
                _load(connection, texts, args.seconds)
                spy.wait(timeout=60)
    print(
        f"{requests} requests, one client: CPU per request {worker / requests * 1000:.1f} ms in "
        f"the server worker, {extraction / requests * 1000:.1f} ms in the extraction process"
    )
    if not raw.exists():
        return 0
    for role, profile in sorted(parse_raw(raw.read_text()).items()):
        print(f"\n{role}: {profile.samples} samples, {profile.waiting} waiting; of the others:")
        print("  innermost function (self):")
        print("\n".join(f"    {line}" for line in profile.top(profile.own, args.top)))
        print("  on the stack (inclusive):")
        print("\n".join(f"    {line}" for line in profile.top(profile.within, args.top)))
    raw.unlink()
    raw.parent.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
