"""The archive under stress, through real servers, on SQLite and on PostgreSQL: many clients
adding at once, a server killed in the middle of writes, the database going away."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Connection, create_engine, func, select

from app.models import Facts
from app.storage.schema import actors, dates, quotes
from devtools.postgres import PostgresCluster, running_cluster
from tests.live_server import LiveServer, live_server
from tests.test_api import assert_problem
from tests.test_archive import KEY, story

AUTH = {"Authorization": f"Bearer {KEY}"}
SHIPPED = "putin-takes-hard-line-on-japan-island-dispute-before-abes-visit-a64210"


def _env(database_url: str) -> dict[str, str]:
    # Extractions at the server's own priority: on a busy machine, niceness 19 starves them.
    return {
        "NEWSFACTS_DATABASE_URL": database_url,
        "NEWSFACTS_API_KEYS": KEY,
        "NEWSFACTS_EXTRACTION_NICENESS": "0",
    }


def add_until_answered(http: httpx.Client, text: str, deadline: float) -> httpx.Response:
    """POST the article, waiting and retrying while the server says it is busy."""
    while True:
        response = http.post("/v1/articles", json={"text": text}, headers=AUTH)
        if response.status_code not in (429, 503) or time.monotonic() > deadline:
            return response
        time.sleep(float(response.headers.get("retry-after", "1")) / 4)


def run_at_once(count: int, work: Callable[[int], None]) -> None:
    threads = [threading.Thread(target=work, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)


def added_ids(http: httpx.Client) -> list[str]:
    page = http.get("/v1/articles", params={"limit": 500}).json()
    return [item["id"] for item in page["items"] if item["id"] != SHIPPED]


def test_twenty_clients_adding_at_once_lose_nothing(database_url: str) -> None:
    deadline = time.monotonic() + 240
    own: dict[int, httpx.Response] = {}
    shared: dict[int, httpx.Response] = {}
    common = story("Bellmore", "Grace Ito")
    with live_server(_env(database_url)) as server, _client(server) as http:

        def client(number: int) -> None:
            text = story(f"Crossfield {number}", "Victor Hale")
            own[number] = add_until_answered(http, text, deadline)
            shared[number] = add_until_answered(http, common, deadline)

        run_at_once(20, client)
        assert sorted(response.status_code for response in own.values()) == [201] * 20
        statuses = sorted(response.status_code for response in shared.values())
        assert statuses == [200] * 19 + [201]
        assert len({response.headers["location"] for response in shared.values()}) == 1
        listed = added_ids(http)
        for response in [*own.values(), shared[0]]:
            article_id = response.json()["article"]["id"]
            assert listed.count(article_id) == 1
            served = http.get(f"/v1/articles/{article_id}/facts")
            assert served.json() == response.json()


def _database_agrees(connection: Connection, facts: Facts) -> None:
    """The rows a query uses say what the served document says."""
    for table, expected in ((actors, facts.actors), (quotes, facts.quotes), (dates, facts.dates)):
        counted = connection.scalar(
            select(func.count()).select_from(table).where(table.c.article_id == facts.article.id)
        )
        assert counted == len(expected)


def _client(server: LiveServer) -> httpx.Client:
    return httpx.Client(base_url=server.base_url, timeout=60)


def test_a_server_killed_mid_write_restarts_with_a_consistent_archive(database_url: str) -> None:
    created: list[str] = []
    stop = threading.Event()
    with live_server(_env(database_url)) as server, _client(server) as http:

        def client(number: int) -> None:
            for round_ in range(1000):
                text = story(f"Eastleigh {number}-{round_}", "Nadia Kerr")
                try:
                    response = http.post(
                        "/v1/articles",
                        json={"text": text, "published": "2024-08-01"},
                        headers=AUTH,
                    )
                except httpx.TransportError:
                    return  # the server is gone
                if response.status_code == 201:
                    created.append(response.json()["article"]["id"])
                if stop.is_set():
                    return

        writers = threading.Thread(target=run_at_once, args=(4, client))
        writers.start()
        deadline = time.monotonic() + 120
        while len(created) < 3:  # killed once writes are flowing, mid-way through others
            assert time.monotonic() < deadline, "no article was added"
            time.sleep(0.05)
        server.process.kill()
        stop.set()
        writers.join(timeout=120)
    assert created
    engine = create_engine(database_url)
    with live_server(_env(database_url)) as restarted, _client(restarted) as http:
        listed = set(added_ids(http))
        assert set(created) <= listed
        with engine.connect() as connection:
            for article_id in listed:
                facts = Facts.model_validate(http.get(f"/v1/articles/{article_id}/facts").json())
                assert facts.quotes and facts.actors and facts.dates
                _database_agrees(connection, facts)
        engine.dispose()
        # And it takes writes again.
        again = add_until_answered(http, story("Westleigh", "Nadia Kerr"), time.monotonic() + 60)
        assert again.status_code == 201


@pytest.fixture
def own_postgres() -> Iterator[PostgresCluster]:
    """A cluster that a test may stop and start."""
    with running_cluster() as cluster:
        yield cluster


def _assert_shipped_served(http: httpx.Client) -> None:
    for route in ("", "/facts", "/quotes", "/actors", "/dates", "/timeline"):
        assert http.get(f"/v1/articles/{SHIPPED}{route}").status_code == 200


def _assert_writes_refused(http: httpx.Client, text: str) -> None:
    response = http.post("/v1/articles", json={"text": text}, headers=AUTH)
    problem = assert_problem(response, 503)
    assert "archive" in problem["detail"]
    assert response.headers["retry-after"]
    assert_problem(http.delete("/v1/articles/some-article", headers=AUTH), 503)


def test_with_postgresql_down_writes_are_503_and_the_shipped_articles_served(
    own_postgres: PostgresCluster,
) -> None:
    database_url = own_postgres.new_database()
    with live_server(_env(database_url)) as server, _client(server) as http:
        before = add_until_answered(http, story("Harlow", "Ben Amos"), time.monotonic() + 60)
        assert before.status_code == 201
        own_postgres.stop()
        _assert_writes_refused(http, story("Harlow Vale", "Ben Amos"))
        _assert_shipped_served(http)
        own_postgres.start()
        after = add_until_answered(http, story("Harlow Vale", "Ben Amos"), time.monotonic() + 60)
        assert after.status_code == 201
        assert len(added_ids(http)) == 2


def test_with_an_unusable_sqlite_file_writes_are_503_and_the_shipped_articles_served(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the archive's folder should be", encoding="utf-8")
    database_url = f"sqlite:///{blocker / 'archive.sqlite3'}"
    with live_server(_env(database_url)) as server, _client(server) as http:
        _assert_writes_refused(http, story("Oakridge", "Mei Chen"))
        _assert_shipped_served(http)
        assert_problem(http.get("/v1/articles"), 503)
