"""The archive under stress, through real servers, on SQLite and on PostgreSQL: many clients
adding at once, a server killed in the middle of writes, the database going away."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, func, select

from app.models import Facts
from app.storage.schema import actors, dates, quotes
from tests.live_server import LiveServer, live_server
from tests.postgres import PostgresCluster
from tests.test_api import assert_problem
from tests.test_archive import KEY, story

AUTH = {"Authorization": f"Bearer {KEY}"}
SHIPPED = "putin-takes-hard-line-on-japan-island-dispute-before-abes-visit-a64210"


def _env(database_url: str) -> dict[str, str]:
    return {"NEWSFACTS_DATABASE_URL": database_url, "NEWSFACTS_API_KEYS": KEY}


def add_until_answered(base_url: str, text: str, deadline: float) -> httpx.Response:
    """POST the article, waiting and retrying while the server says it is busy."""
    while True:
        response = httpx.post(
            f"{base_url}/v1/articles", json={"text": text}, headers=AUTH, timeout=60
        )
        if response.status_code not in (429, 503) or time.monotonic() > deadline:
            return response
        time.sleep(float(response.headers.get("retry-after", "1")) / 4)


def run_at_once(count: int, work: Callable[[int], None]) -> None:
    threads = [threading.Thread(target=work, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)


def added_ids(server: LiveServer) -> list[str]:
    page = httpx.get(f"{server.base_url}/v1/articles", params={"limit": 500}).json()
    return [item["id"] for item in page["items"] if item["id"] != SHIPPED]


def test_twenty_clients_adding_at_once_lose_nothing(database_url: str) -> None:
    deadline = time.monotonic() + 240
    own: dict[int, httpx.Response] = {}
    shared: dict[int, httpx.Response] = {}
    common = story("Bellmore", "Grace Ito")
    with live_server(_env(database_url)) as server:

        def client(number: int) -> None:
            text = story(f"Crossfield {number}", "Victor Hale")
            own[number] = add_until_answered(server.base_url, text, deadline)
            shared[number] = add_until_answered(server.base_url, common, deadline)

        run_at_once(20, client)
        assert sorted(response.status_code for response in own.values()) == [201] * 20
        statuses = sorted(response.status_code for response in shared.values())
        assert statuses == [200] * 19 + [201]
        assert len({response.headers["location"] for response in shared.values()}) == 1
        listed = added_ids(server)
        for response in [*own.values(), shared[0]]:
            article_id = response.json()["article"]["id"]
            assert listed.count(article_id) == 1
            served = httpx.get(f"{server.base_url}/v1/articles/{article_id}/facts")
            assert served.json() == response.json()


def _database_agrees(database_url: str, facts: Facts) -> None:
    """The rows a query uses say what the served document says."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            for table, expected in ((actors, facts.actors), (quotes, facts.quotes),
                                    (dates, facts.dates)):  # fmt: skip
                counted = connection.scalar(
                    select(func.count())
                    .select_from(table)
                    .where(table.c.article_id == facts.article.id)
                )
                assert counted == len(expected)
    finally:
        engine.dispose()


def test_a_server_killed_mid_write_restarts_with_a_consistent_archive(database_url: str) -> None:
    created: list[str] = []
    stop = threading.Event()
    with live_server(_env(database_url)) as server:

        def client(number: int) -> None:
            for round_ in range(1000):
                text = story(f"Eastleigh {number}-{round_}", "Nadia Kerr")
                try:
                    response = httpx.post(
                        f"{server.base_url}/v1/articles",
                        json={"text": text, "published": "2024-08-01"},
                        headers=AUTH,
                        timeout=30,
                    )
                except httpx.TransportError:
                    return  # the server is gone
                if response.status_code == 201:
                    created.append(response.json()["article"]["id"])
                if stop.is_set():
                    return

        writers = threading.Thread(target=run_at_once, args=(6, client))
        writers.start()
        deadline = time.monotonic() + 120
        while len(created) < 5:  # killed once writes are flowing, mid-way through others
            assert time.monotonic() < deadline, "no article was added"
            time.sleep(0.05)
        server.process.kill()
        stop.set()
        writers.join(timeout=120)
    assert created
    with live_server(_env(database_url)) as restarted:
        listed = set(added_ids(restarted))
        assert set(created) <= listed
        for article_id in listed:
            response = httpx.get(f"{restarted.base_url}/v1/articles/{article_id}/facts")
            facts = Facts.model_validate(response.json())
            assert facts.quotes and facts.actors and facts.dates
            _database_agrees(database_url, facts)
        # And it takes writes again.
        again = add_until_answered(
            restarted.base_url, story("Westleigh", "Nadia Kerr"), time.monotonic() + 60
        )
        assert again.status_code == 201


@pytest.fixture
def own_postgres() -> Iterator[PostgresCluster]:
    """A cluster that a test may stop and start."""
    cluster = PostgresCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


def _assert_shipped_served(server: LiveServer) -> None:
    base = f"{server.base_url}/v1/articles/{SHIPPED}"
    for route in ("", "/facts", "/quotes", "/actors", "/dates", "/timeline"):
        assert httpx.get(base + route).status_code == 200


def _assert_writes_refused(server: LiveServer, text: str) -> None:
    response = httpx.post(
        f"{server.base_url}/v1/articles", json={"text": text}, headers=AUTH, timeout=30
    )
    problem = assert_problem(response, 503)
    assert "archive" in problem["detail"]
    assert response.headers["retry-after"]
    deleted = httpx.delete(f"{server.base_url}/v1/articles/some-article", headers=AUTH)
    assert_problem(deleted, 503)


def test_with_postgresql_down_writes_are_503_and_the_shipped_articles_served(
    own_postgres: PostgresCluster,
) -> None:
    database_url = own_postgres.new_database()
    with live_server(_env(database_url)) as server:
        before = add_until_answered(
            server.base_url, story("Harlow", "Ben Amos"), time.monotonic() + 60
        )
        assert before.status_code == 201
        own_postgres.stop()
        _assert_writes_refused(server, story("Harlow Vale", "Ben Amos"))
        _assert_shipped_served(server)
        own_postgres.start()
        after = add_until_answered(
            server.base_url, story("Harlow Vale", "Ben Amos"), time.monotonic() + 60
        )
        assert after.status_code == 201
        assert len(added_ids(server)) == 2


def test_with_an_unusable_sqlite_file_writes_are_503_and_the_shipped_articles_served(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the archive's folder should be", encoding="utf-8")
    database_url = f"sqlite:///{blocker / 'archive.sqlite3'}"
    with live_server(_env(database_url)) as server:
        _assert_writes_refused(server, story("Oakridge", "Mei Chen"))
        _assert_shipped_served(server)
        assert_problem(httpx.get(f"{server.base_url}/v1/articles"), 503)
