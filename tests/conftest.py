"""Shared fixtures: the real spaCy pipeline, loaded once per test session."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from app.api.main import create_app
from app.extraction.pipeline import extract_text, load_pipeline
from app.models import Facts
from app.settings import PROJECT_ROOT, get_settings
from devtools.postgres import PostgresCluster, running_cluster

# The apps tests build log warnings only: the access log's lines, written in batches by a
# thread, would land between pytest's own lines. A live server is told `info` again.
os.environ["NEWSFACTS_LOG_LEVEL"] = "warning"
# Extractions run at the server's own priority in tests: at niceness 19 on a busy machine
# they starve past their time limits, and what a test checks is the answer, not the
# priority (`make bench` measures the niced default).
os.environ.setdefault("NEWSFACTS_EXTRACTION_NICENESS", "0")

Extract = Callable[..., Facts]
SHIPPED_ARTICLE = (
    PROJECT_ROOT / "data" / "2019-01-21-putin-takes-hard-line-on-japan-island-dispute.md"
)


@pytest.fixture(scope="session", autouse=True)
def _state_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The default archive of every app and live server of the session goes to a temporary
    folder, never into the working tree."""
    saved = os.environ.get("NEWSFACTS_STATE_DIR")
    os.environ["NEWSFACTS_STATE_DIR"] = str(tmp_path_factory.mktemp("state"))
    get_settings.cache_clear()
    yield
    if saved is None:
        os.environ.pop("NEWSFACTS_STATE_DIR")
    else:
        os.environ["NEWSFACTS_STATE_DIR"] = saved
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    """A PostgreSQL server of the tests' own, for the whole session."""
    with running_cluster() as cluster:
        yield cluster


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A new, empty archive database for the module: a SQLite file, then a PostgreSQL one."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('archive') / 'archive.sqlite3'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.new_database()


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline(get_settings().spacy_pipeline)


@pytest.fixture(scope="session")
def extract(nlp: Language) -> Extract:
    """Extract facts from text; `published` defaults to Monday 2019-01-21."""

    def run(
        text: str, *, published: dt.date | None = dt.date(2019, 1, 21), title: str | None = None
    ) -> Facts:
        return extract_text(nlp, text, title=title, published=published)

    return run


@pytest.fixture(scope="session")
def shipped_facts(extract: Extract) -> Facts:
    return extract(SHIPPED_ARTICLE.read_text(encoding="utf-8"), published=None)


def wait_until_ready(client: TestClient, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while client.get("/readyz").status_code != 200:
        assert time.monotonic() < deadline, "the service never became ready"
        time.sleep(0.1)


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    """The whole application, started once and ready (pipeline and shipped articles loaded)."""
    with TestClient(create_app()) as test_client:
        wait_until_ready(test_client)
        yield test_client
