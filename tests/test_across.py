"""Questions across the archive through HTTP, on SQLite and on PostgreSQL: one key per
person across articles, namesakes apart, counts that follow deletions, full-text ranking,
name search, and a timeline across articles."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.models import Facts
from app.settings import Settings
from app.storage.keys import actor_key
from tests.conftest import wait_until_ready
from tests.test_api import assert_problem

KEY = "across-test-key"
AUTH = {"Authorization": f"Bearer {KEY}"}


@pytest.fixture(scope="module")
def client(database_url: str) -> Iterator[TestClient]:
    settings = Settings(database_url=database_url, api_keys=[KEY])
    with TestClient(create_app(settings)) as test_client:
        wait_until_ready(test_client)
        yield test_client


def add(client: TestClient, title: str, paragraphs: list[str], published: str) -> Facts:
    text = "\n\n".join([title, *paragraphs])
    response = client.post(
        "/v1/articles", json={"text": text, "published": published}, headers=AUTH
    )
    assert response.status_code == 201, response.text
    return Facts.model_validate(response.json())


def key_of(facts: Facts, name: str) -> str:
    actor = next(actor for actor in facts.actors if actor.name == name)
    quoted = [q for q in facts.quotes if q.speaker and q.speaker.id == actor.id]
    assert quoted, f"{name} says nothing in {facts.article.id}"
    return actor_key(actor.name, actor.type, facts.article.id)


def page(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_one_person_in_two_articles_is_one_key(client: TestClient) -> None:
    first = add(
        client,
        "Minister rejects port deal",
        ['"We will not sell the port," Finance Minister Elena Marchetti told reporters Monday.'],
        "2021-04-12",
    )
    second = add(
        client,
        "Minister backs new budget",
        ['"This budget keeps its promises," Elena Marchetti said in Rome on Thursday.'],
        "2023-02-16",
    )
    key = key_of(first, "Elena Marchetti")
    assert key_of(second, "Elena Marchetti") == key

    actor = page(client, f"/v1/actors/{key}")
    assert (actor["name"], actor["type"], actor["article_count"]) == (
        "Elena Marchetti",
        "person",
        2,
    )
    assert actor["quote_count"] == 2
    assert (actor["first_seen"], actor["last_seen"]) == ("2021-04-12", "2023-02-16")
    articles = page(client, f"/v1/actors/{key}/articles")
    assert [a["id"] for a in articles["items"]] == [second.article.id, first.article.id]
    quotes = page(client, "/v1/quotes", speaker=key)
    assert quotes["total"] == 2
    latest = quotes["items"][0]
    assert latest["speaker"]["key"] == key
    assert latest["article"] == {
        "id": second.article.id,
        "title": "Minister backs new budget",
        "published": "2023-02-16",
    }
    assert latest["text"] == "This budget keeps its promises"
    assert page(client, f"/v1/actors/{key}/quotes") == quotes
    only_2021 = page(client, "/v1/quotes", speaker=key, to="2022-01-01")
    assert [q["article"]["id"] for q in only_2021["items"]] == [first.article.id]


def test_namesakes_stay_apart_and_deleting_an_article_updates_the_counts(
    client: TestClient,
) -> None:
    first = add(
        client,
        "Mayor opens the bridge",
        ['"The bridge is open at last," Mayor Daniel Okoro told reporters on Friday.'],
        "2022-09-02",
    )
    second = add(
        client,
        "Coach praises his team",
        ['"My players never gave up," coach David Okoro said after the match on Sunday.'],
        "2022-09-04",
    )
    daniel, david = key_of(first, "Daniel Okoro"), key_of(second, "David Okoro")
    assert daniel != david
    found = page(client, "/v1/actors", q="okoro", type="person")
    assert {a["key"] for a in found["items"]} >= {daniel, david}

    third = add(
        client,
        "Mayor plans a second bridge",
        ['"A second bridge will follow," Mayor Daniel Okoro said on Wednesday.'],
        "2023-05-10",
    )
    assert key_of(third, "Daniel Okoro") == daniel
    assert page(client, f"/v1/actors/{daniel}")["article_count"] == 2
    deleted = client.delete(f"/v1/articles/{third.article.id}", headers=AUTH)
    assert deleted.status_code == 204
    actor = page(client, f"/v1/actors/{daniel}")
    assert (actor["article_count"], actor["quote_count"]) == (1, 1)
    assert actor["last_seen"] == "2022-09-02"
    assert page(client, "/v1/quotes", speaker=daniel)["total"] == 1
    client.delete(f"/v1/articles/{first.article.id}", headers=AUTH)
    assert_problem(client.get(f"/v1/actors/{daniel}"), 404)
    assert page(client, "/v1/quotes", speaker=daniel)["total"] == 0


def test_full_text_search_ranks_the_closer_match_first(client: TestClient) -> None:
    add(
        client,
        "Council debates transport",
        [
            '"We need better roads and a larger harbour, and one day perhaps a ferry to the '
            'island, though money is short and the council is divided," Councillor Ruth Amadi '
            "said on Monday.",
            '"The ferry bridge must be replaced and the ferry harbour needs new cranes," '
            "Councillor Ruth Amadi added.",
        ],
        "2024-02-05",
    )
    add(
        client,
        "Ferry firm warns of delays",
        ['"Ferries will be late all winter," ferry operator Tomas Lind said on Tuesday.'],
        "2024-02-06",
    )
    found = page(client, "/v1/quotes", q="ferry harbour")
    texts = [q["text"] for q in found["items"]]
    assert len(texts) == 2
    assert texts[0].startswith("The ferry bridge must be replaced")
    assert texts[1].startswith("We need better roads")
    assert all("harbour" in text.lower() for text in texts)
    # Stems: `ferries` and `ferry` are one word; the speaker's name is searched too.
    by_name = page(client, "/v1/quotes", q="Lind ferry")
    assert [q["speaker"]["name"] for q in by_name["items"]] == ["Tomas Lind"]
    assert page(client, "/v1/quotes", q="!!")["total"] == 0  # punctuation alone
    assert page(client, "/v1/quotes", q="\u0301")["total"] == 0  # an accent alone


def test_name_search_is_by_prefix_whatever_the_case_and_accents(client: TestClient) -> None:
    facts = add(
        client,
        "Economist warns on rates",
        ['"Rates will stay high," economist José Álvarez told the conference on Monday.'],
        "2024-03-04",
    )
    key = key_of(facts, "José Álvarez")
    for q in ("alvarez", "Álv", "jose alv", "JOSÉ"):
        assert key in [a["key"] for a in page(client, "/v1/actors", q=q)["items"]], q
    assert key not in [a["key"] for a in page(client, "/v1/actors", q="varez")["items"]]


def test_the_timeline_runs_across_articles_in_date_order(client: TestClient) -> None:
    later = add(
        client,
        "Ambassador recalls the treaty",
        [
            "Ambassador Ingrid Solberg signed the fisheries treaty on March 3, 2022, in Oslo.",
            '"It was a good day," Ingrid Solberg said on Monday.',
        ],
        "2024-06-10",
    )
    earlier = add(
        client,
        "Ambassador arrives in Oslo",
        [
            "Ambassador Ingrid Solberg arrived in Oslo on May 5, 2021, to open talks.",
            '"Talks start now," Ingrid Solberg said on Friday.',
        ],
        "2024-01-05",
    )
    key = key_of(later, "Ingrid Solberg")
    assert key_of(earlier, "Ingrid Solberg") == key
    entries = page(client, "/v1/timeline", actor=key)["items"]
    starts = [entry["interval"]["start"] for entry in entries]
    assert starts == sorted(starts)
    assert starts[:2] == ["2021-05-05", "2022-03-03"]
    assert [entry["article"]["id"] for entry in entries[:2]] == [
        earlier.article.id,
        later.article.id,
    ]
    assert key in entries[0]["actor_keys"]
    treaty = page(client, "/v1/timeline", q="fisheries treaty", to="2022-12-31")["items"]
    assert [entry["interval"]["start"] for entry in treaty] == ["2022-03-03"]


def test_the_shipped_articles_are_searched_too(client: TestClient, shipped_facts: Facts) -> None:
    speaker = next(q.speaker for q in shipped_facts.quotes if q.speaker and q.speaker.id)
    assert speaker is not None and speaker.id is not None
    actor = next(a for a in shipped_facts.actors if a.id == speaker.id)
    # The id the service gives the shipped article is its own (from the file's URL).
    shipped_id = page(client, "/v1/articles", published_to="2019-12-31")["items"][-1]["id"]
    key = actor_key(actor.name, actor.type, shipped_id)
    quotes = page(client, "/v1/quotes", speaker=key)
    assert quotes["total"] == len(actor.quote_ids)
    assert {q["article"]["id"] for q in quotes["items"]} == {shipped_id}


def test_answers_are_cached_gzipped_and_strict(client: TestClient) -> None:
    first = client.get("/v1/actors", headers={"accept-encoding": "gzip"})
    assert first.status_code == 200 and first.headers["etag"]
    again = client.get("/v1/actors", headers={"if-none-match": first.headers["etag"]})
    assert again.status_code == 304
    assert_problem(client.get("/v1/actors", params={"sort": "fame"}), 422)
    assert_problem(client.get("/v1/quotes", params={"from": "2024-02-01", "to": "2024-01-01"}), 422)
    assert_problem(client.get("/v1/actors/nobody-00000000/quotes"), 404)
