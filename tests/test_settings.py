"""Defaults that depend on the machine: the CPUs the process may use."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.settings import Settings, usable_cpus

AFFINITY = len(os.sched_getaffinity(0))


def _cgroup(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content)
    return tmp_path


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, AFFINITY),  # no cgroup files: the affinity
        ({"cpu.max": "max 100000\n"}, AFFINITY),  # v2, no quota
        ({"cpu.max": "50000 100000\n"}, 1),  # half a CPU is one process
        ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, AFFINITY),
        ({"cpu/cpu.cfs_quota_us": "100000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 1),
        ({"cpu.max": "6400000 100000\n"}, AFFINITY),  # a quota above the affinity
    ],
)
def test_usable_cpus_follow_affinity_and_the_cgroup_quota(
    tmp_path: Path, files: dict[str, str], expected: int
) -> None:
    assert usable_cpus(_cgroup(tmp_path, files)) == expected


def test_the_default_concurrency_leaves_one_usable_cpu_to_the_server() -> None:
    assert Settings().extraction_concurrency == max(1, usable_cpus() - 1)


def test_cors_origins_are_none_by_default_and_read_as_json(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().cors_origins == []
    monkeypatch.setenv("NEWSFACTS_CORS_ORIGINS", '["https://news.example"]')
    assert Settings().cors_origins == ["https://news.example"]
