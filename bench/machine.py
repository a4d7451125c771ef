"""The machine a run came from: cores, CPU model, memory, Python and library versions."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

PACKAGES = ("fastapi", "starlette", "uvicorn", "uvloop", "httptools", "pydantic", "spacy")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def wrk_version(wrk: str | None) -> str:
    if wrk is None:
        return "-"
    done = subprocess.run([wrk, "--version"], capture_output=True, text=True, timeout=10)
    words = (done.stdout + done.stderr).split()
    return words[1] if len(words) > 1 else "?"


def describe(pipeline: str, load_generator: str) -> list[str]:
    load = os.getloadavg()
    versions = ", ".join(f"{name} {_version(name)}" for name in PACKAGES)
    return [
        f"machine: {os.cpu_count()} cores, {_cpu_model()}, {_memory_gib():.1f} GiB RAM, "
        f"{platform.system()} {platform.release()}",
        f"python {platform.python_version()} ({platform.python_implementation()}); {versions}",
        f"pipeline: {pipeline} {_version(pipeline.replace('_', '-'))}; "
        f"load generator: {load_generator}",
        f"load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
        "(other processes on the machine compete for the same cores)",
    ]
