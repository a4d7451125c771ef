"""The archive through HTTP, against SQLite and against a real PostgreSQL server: add, add
again, read through every route, list, delete, keys, the memory bound, a restart."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from app.api.archived import PARSED_BYTES_PER_JSON_BYTE
from app.api.main import create_app
from app.models import ArticleSummary, Facts
from app.settings import Settings
from app.storage.archive import newest_first
from tests.conftest import wait_until_ready
from tests.test_api import assert_problem

ARTICLES = "/v1/articles"
KEY = "archive-test-key"
AUTH = {"Authorization": f"Bearer {KEY}"}


def story(town: str, mayor: str) -> str:
    """A short news story of our own; the town and the mayor make each one different."""
    return (
        f"{town} council backs a new harbour bridge\n\n"
        f'"This bridge will carry {town} for a century," Mayor {mayor} told reporters on '
        "Tuesday.\n\n"
        f"The council voted 7-2 on Monday to fund the crossing, and {mayor} said work would "
        "start next spring. Opponents said the money should go to schools."
    )


@pytest.fixture(scope="module")
def archive_client(database_url: str) -> Iterator[TestClient]:
    settings = Settings(database_url=database_url, api_keys=["another-key", KEY])
    with TestClient(create_app(settings)) as client:
        wait_until_ready(client)
        yield client


def add(client: TestClient, text: str, **fields: Any) -> httpx.Response:
    response: httpx.Response = client.post(ARTICLES, json={"text": text, **fields}, headers=AUTH)
    return response


def listed_ids(client: TestClient, **params: Any) -> list[str]:
    page = client.get(ARTICLES, params={"limit": 500, **params}).json()
    assert page["total"] == len(page["items"])
    return [item["id"] for item in page["items"]]


def test_an_added_article_is_served_by_every_read_route(archive_client: TestClient) -> None:
    client = archive_client
    text = story("Port Ellis", "Maria Santos")
    response = add(client, text, published="2024-03-12")
    assert response.status_code == 201
    facts = Facts.model_validate(response.json())
    article_id = facts.article.id
    assert response.headers["location"] == f"{ARTICLES}/{article_id}"
    assert facts.article.title == "Port Ellis council backs a new harbour bridge"
    assert facts.article.published == dt.date(2024, 3, 12)
    # The same facts as an extraction on request, under the id the archive gave.
    extracted = client.post("/v1/extract", json={"text": text, "published": "2024-03-12"}).json()
    assert response.json() == extracted | {"article": extracted["article"] | {"id": article_id}}

    base = f"{ARTICLES}/{article_id}"
    assert client.get(base).json() == response.json()["article"]
    served = client.get(f"{base}/facts", headers={"accept-encoding": "gzip"})
    assert served.json() == response.json()
    assert served.headers["content-encoding"] == "gzip"
    again = client.get(f"{base}/facts", headers={"if-none-match": served.headers["etag"]})
    assert again.status_code == 304

    santos = next(actor for actor in facts.actors if actor.name == "Maria Santos")
    quote = next(q for q in facts.quotes if q.kind == "direct")
    assert quote.speaker is not None and quote.speaker.id == santos.id
    assert quote.text.startswith("This bridge will carry Port Ellis")
    by_santos = client.get(f"{base}/quotes", params={"speaker": santos.id}).json()
    assert quote.id in [item["id"] for item in by_santos["items"]]
    assert client.get(f"{base}/quotes/{quote.id}").json() == quote.model_dump(mode="json")
    people = client.get(f"{base}/actors", params={"type": "person"}).json()["items"]
    assert santos.id in [actor["id"] for actor in people]
    assert client.get(f"{base}/actors/{santos.id}").json()["name"] == "Maria Santos"
    tuesday = next(date for date in facts.dates if date.text == "Tuesday")
    assert tuesday.value == "2024-03-12"
    dated = client.get(f"{base}/dates", params={"from": "2024-03-12", "to": "2024-03-12"})
    assert tuesday.id in [item["id"] for item in dated.json()["items"]]
    assert client.get(f"{base}/dates/{tuesday.id}").json()["value"] == "2024-03-12"
    timeline = client.get(f"{base}/timeline").json()["items"]
    assert tuesday.id in [entry["date_id"] for entry in timeline]
    assert article_id in listed_ids(client)


def test_adding_the_same_content_again_stores_nothing(archive_client: TestClient) -> None:
    client = archive_client
    text = story("Lowmoor", "Ken Adebayo")
    first = add(client, text, published="2024-04-02")
    total = client.get(ARTICLES).json()["total"]
    second = add(client, text, published="2024-04-02")
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.headers["location"] == first.headers["location"]
    assert second.json() == first.json()
    assert client.get(ARTICLES).json()["total"] == total
    # Other content (here, another date) is another article.
    third = add(client, text, published="2024-04-03")
    assert third.status_code == 201
    assert third.headers["location"] != first.headers["location"]


def test_articles_with_one_headline_keep_apart(archive_client: TestClient) -> None:
    client = archive_client
    ids = []
    for mayor in ("Ann Byrne", "Tom Okafor"):
        text = story("Greyhaven", mayor).replace("Greyhaven council", "Greyhaven County council")
        response = add(client, text, title="Council backs bridge", published="2024-05-01")
        assert response.status_code == 201
        ids.append(response.json()["article"]["id"])
    assert ids[0] == "council-backs-bridge"
    assert ids[1].startswith("council-backs-bridge-") and ids[1] != ids[0]
    mayors = [client.get(f"{ARTICLES}/{i}/actors", params={"type": "person"}) for i in ids]
    assert "Ann Byrne" in mayors[0].text and "Tom Okafor" in mayors[1].text


def test_the_list_is_newest_first_with_the_shipped_articles(archive_client: TestClient) -> None:
    client = archive_client
    days = ["2019-01-25", "2019-01-21", "2019-01-10", "2018-12-31", None, "2019-01-21"]
    added = []
    for number, day in enumerate(days):
        response = add(
            client, story(f"Ashford {number}", "Lena Park"), **({"published": day} if day else {})
        )
        assert response.status_code == 201
        added.append(response.json()["article"]["id"])
    everything = client.get(ARTICLES, params={"limit": 500}).json()["items"]
    summaries = [ArticleSummary.model_validate(item) for item in everything]
    assert summaries == sorted(summaries, key=newest_first)
    assert set(added) <= {summary.id for summary in summaries}
    shipped = [s.id for s in summaries if s.id not in added and s.published == dt.date(2019, 1, 21)]
    assert shipped, "the shipped article is listed among the added ones"
    # Pages of every size put together give the whole list, shipped articles included.
    whole = [summary.id for summary in summaries]
    for limit in (1, 2, 3, 7):
        pages: list[str] = []
        for offset in range(0, len(whole) + limit, limit):
            page = client.get(ARTICLES, params={"limit": limit, "offset": offset}).json()
            assert page["total"] == len(whole)
            pages += [item["id"] for item in page["items"]]
        assert pages == whole
    # A range of days keeps the articles published within it, both ends included.
    january = listed_ids(client, published_from="2019-01-10", published_to="2019-01-21")
    assert january == sorted(
        [added[1], added[5], added[2], *shipped],
        key=lambda i: newest_first(next(s for s in summaries if s.id == i)),
    )
    assert added[4] not in listed_ids(client, published_from="1900-01-01")
    assert listed_ids(client, published_from="2019-01-22", published_to="2019-01-30") == [added[0]]
    assert_problem(client.get(ARTICLES, params={"published_from": "last week"}), 422)


def test_deleting_an_added_article(archive_client: TestClient) -> None:
    client = archive_client
    response = add(client, story("Kilbride", "Sean Walsh"), published="2024-06-01")
    article_id = response.json()["article"]["id"]
    base = f"{ARTICLES}/{article_id}"
    client.get(f"{base}/facts")  # now in memory too
    assert client.delete(base, headers=AUTH).status_code == 204
    for route in ("", "/facts", "/quotes", "/actors", "/dates", "/timeline"):
        assert_problem(client.get(base + route), 404)
    assert article_id not in listed_ids(client)
    assert_problem(client.delete(base, headers=AUTH), 404)
    # Added again, it is a new article under the same id.
    assert add(client, story("Kilbride", "Sean Walsh"), published="2024-06-01").status_code == 201
    assert client.get(f"{base}/facts").status_code == 200


def test_the_shipped_articles_are_read_only(archive_client: TestClient) -> None:
    shipped = [
        item["id"]
        for item in archive_client.get(ARTICLES, params={"limit": 500}).json()["items"]
        if item["word_count"] > 500
    ]
    assert shipped
    response = archive_client.delete(f"{ARTICLES}/{shipped[0]}", headers=AUTH)
    problem = assert_problem(response, 405)
    assert "read-only" in problem["detail"]
    assert response.headers["allow"] == "GET, HEAD"
    assert archive_client.get(f"{ARTICLES}/{shipped[0]}/facts").status_code == 200


def test_a_wrong_method_names_every_method_of_the_path(archive_client: TestClient) -> None:
    response = archive_client.put(ARTICLES, headers=AUTH)
    assert_problem(response, 405)
    assert response.headers["allow"] == "GET, POST"
    one = archive_client.patch(f"{ARTICLES}/some-article", headers=AUTH)
    assert_problem(one, 405)
    assert one.headers["allow"] == "DELETE, GET"


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, 401),
        ({"Authorization": "Bearer wrong-key"}, 403),
        ({"Authorization": f"Bearer {KEY}x"}, 403),
    ],
)
def test_writes_need_a_valid_key(
    archive_client: TestClient, headers: dict[str, str], status: int
) -> None:
    client = archive_client
    text = story("Norbury", "Ida Lund")
    response = client.post(ARTICLES, json={"text": text}, headers=headers)
    assert_problem(response, status)
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert "norbury-council-backs-a-new-harbour-bridge" not in listed_ids(client)
    deleted = client.delete(
        f"{ARTICLES}/norbury-council-backs-a-new-harbour-bridge", headers=headers
    )
    assert_problem(deleted, status)
    # The other configured key works too.
    other = {"Authorization": "Bearer another-key"}
    assert client.post(
        ARTICLES, json={"text": "The mayor of Norbury resigned on Friday."}, headers=other
    ).status_code in (200, 201)


def test_with_no_key_configured_writes_are_refused(client: TestClient) -> None:
    response = client.post(ARTICLES, json={"text": story("Eastwick", "Rosa Diaz")}, headers=AUTH)
    problem = assert_problem(response, 403)
    assert "NEWSFACTS_API_KEYS" in problem["detail"]


def test_the_cache_is_bounded_and_a_restart_serves_the_archive(
    archive_client: TestClient, database_url: str
) -> None:
    """A second server over the same database (a restart, or a replica) with room in memory
    for one article's facts serves every added article, each one read again from the
    database; what is deleted elsewhere goes once its time in the cache is up."""
    added = [
        add(archive_client, story(f"Dunmore {n}", "Omar Haddad"), published="2024-07-01")
        for n in range(3)
    ]
    first = added[0].json()["article"]["id"]
    gzipped = archive_client.get(f"{ARTICLES}/{first}/facts", headers={"accept-encoding": "gzip"})
    one_article = len(added[0].content) * (1 + PARSED_BYTES_PER_JSON_BYTE) + int(
        gzipped.headers["content-length"]
    )
    room = 1.5 * one_article
    settings = Settings(
        database_url=database_url, api_keys=[KEY], cache_mb=room / 2**20, cache_ttl_s=1
    )
    with TestClient(create_app(settings)) as client:
        wait_until_ready(client)
        archived = client.app.state.runtime.archived  # type: ignore[attr-defined]
        assert archived.bytes_held == 0  # nothing is read from the archive at startup
        for _ in range(2):
            for response in added:
                facts = response.json()
                article_id = facts["article"]["id"]
                assert client.get(f"{ARTICLES}/{article_id}/facts").json() == facts
                quotes = client.get(f"{ARTICLES}/{article_id}/quotes").json()
                assert quotes["total"] == len(facts["quotes"])
                assert 0 < archived.bytes_held <= room
        # A delete through the other server (a replica) shows here once the entry expires.
        last = f"{ARTICLES}/{added[-1].json()['article']['id']}/facts"
        assert client.get(last).status_code == 200
        assert archive_client.delete(last.removesuffix("/facts"), headers=AUTH).status_code == 204
        time.sleep(1.1)
        assert_problem(client.get(last), 404)


def test_the_schema_asks_for_the_key_on_writes_only(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert [scheme["scheme"] for scheme in schemes.values()] == ["bearer"]
    (name,) = schemes
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            writes = (method, path) in {
                ("post", ARTICLES),
                ("delete", f"{ARTICLES}/{{article_id}}"),
            }
            assert operation.get("security") == ([{name: []}] if writes else None), path
