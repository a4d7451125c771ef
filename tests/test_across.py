"""Questions across the archive through HTTP, on SQLite and on PostgreSQL: one key per
person across articles, namesakes apart, counts that follow deletions, full-text ranking,
name search, and a timeline across articles."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.api.main import create_app
from app.models import Facts
from app.settings import Settings
from app.storage import Archive
from app.storage.across import find_actor
from app.storage.keys import actor_key
from app.storage.schema import actor_keys, actors
from app.storage.summaries import Summary, summarise
from tests.conftest import Extract, wait_until_ready
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


def test_a_quote_is_found_by_every_one_of_its_words_and_paged(client: TestClient) -> None:
    add(
        client,
        "Strikers vow to hold out",
        [
            '"We will not give up until the mines reopen," union leader Kwame Asante said.',
            '"We will give them what they are owed," mine owner Petra Lindqvist said.',
            '"Nobody gives up a fight like this," Asante added on Friday.',
        ],
        "2024-03-01",
    )
    # Common words are words too, as on every database: `not` and `up` narrow the search.
    found = page(client, "/v1/quotes", q="will not give up")
    assert [q["text"] for q in found["items"]] == ["We will not give up until the mines reopen"]
    assert page(client, "/v1/quotes", q="them")["total"] == 1
    both = page(client, "/v1/quotes", q="give up", limit=1)
    assert both["total"] == 2 and len(both["items"]) == 1
    second = page(client, "/v1/quotes", q="give up", limit=1, offset=1)
    assert second["total"] == 2
    assert second["items"][0]["text"] != both["items"][0]["text"]
    past = page(client, "/v1/quotes", q="give up", offset=5)
    assert past["total"] == 2 and past["items"] == []


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


def _titles(actor: dict[str, Any]) -> list[str]:
    return [role["title"] for role in actor["roles"]]


def test_the_actor_summary_follows_adds_re_adds_and_deletes(client: TestClient) -> None:
    senator = (
        "Port plan stalls",
        ['"The port stays public," Senator Marta Kowalczyk told reporters on Monday.'],
        "2022-05-10",
    )
    first = add(client, *senator)
    earlier = add(
        client,
        "Kowalczyk backs rail link",
        [
            '"Rail is the future," Transport Minister Marta Kowalczyk said on Tuesday.',
            '"We will build it," Marta Kowalczyk added.',
        ],
        "2021-03-01",
    )
    key = key_of(first, "Marta Kowalczyk")
    assert key_of(earlier, "Marta Kowalczyk") == key
    actor = page(client, f"/v1/actors/{key}")
    assert (actor["article_count"], actor["quote_count"]) == (2, 3)
    assert (actor["first_seen"], actor["last_seen"]) == ("2021-03-01", "2022-05-10")
    # Roles in the order first stated: the article published first states its own first.
    assert _titles(actor) == ["Transport Minister", "Senator"]
    assert page(client, "/v1/actors", q="kowalczyk")["items"] == [actor]

    title, paragraphs, published = senator
    again = client.post(
        "/v1/articles",
        json={"text": "\n\n".join([title, *paragraphs]), "published": published},
        headers=AUTH,
    )
    assert again.status_code == 200
    assert page(client, f"/v1/actors/{key}") == actor  # the same content counts once

    later = add(
        client,
        "Harbour vote delayed",
        ['"We need more time," Marta Kowalczyk, the chair of the harbour committee, said Friday.'],
        "2023-01-20",
    )
    actor = page(client, f"/v1/actors/{key}")
    assert (actor["article_count"], actor["quote_count"], actor["last_seen"]) == (
        3,
        4,
        "2023-01-20",
    )
    assert _titles(actor) == ["Transport Minister", "Senator", "chair of the harbour committee"]

    assert client.delete(f"/v1/articles/{earlier.article.id}", headers=AUTH).status_code == 204
    actor = page(client, f"/v1/actors/{key}")
    assert (actor["article_count"], actor["quote_count"]) == (2, 2)
    assert (actor["first_seen"], actor["last_seen"]) == ("2022-05-10", "2023-01-20")
    assert _titles(actor) == ["Senator", "chair of the harbour committee"]

    for facts in (first, later):
        assert client.delete(f"/v1/articles/{facts.article.id}", headers=AUTH).status_code == 204
    assert_problem(client.get(f"/v1/actors/{key}"), 404)
    assert page(client, "/v1/actors", q="kowalczyk")["total"] == 0

    add(client, *senator)  # back after its last article went
    actor = page(client, f"/v1/actors/{key}")
    assert (actor["article_count"], actor["quote_count"], _titles(actor)) == (1, 1, ["Senator"])
    assert (actor["first_seen"], actor["last_seen"]) == ("2022-05-10", "2022-05-10")


def test_every_sort_orders_the_whole_list(client: TestClient) -> None:
    listed = {
        sort: page(client, "/v1/actors", sort=sort, limit=500)
        for sort in ("articles", "quotes", "name")
    }
    assert len({body["total"] for body in listed.values()}) == 1
    articles = [(-a["article_count"], a["key"]) for a in listed["articles"]["items"]]
    quotes = [(-a["quote_count"], a["key"]) for a in listed["quotes"]["items"]]
    names = [a["name"].casefold() for a in listed["name"]["items"]]
    assert articles == sorted(articles) and quotes == sorted(quotes)
    assert len(names) > 3 and names == sorted(names)
    second_page = page(client, "/v1/actors", sort="quotes", limit=2, offset=2)["items"]
    assert second_page == listed["quotes"]["items"][2:4]


def test_adds_and_a_delete_at_once_lose_no_count(client: TestClient) -> None:
    def story(number: int) -> tuple[str, list[str], str]:
        return (
            f"Mill number {number} reopens",
            [f'"Mill {number} will hire again," Mayor Tomasz Wierzbicki told workers on Monday.'],
            f"2020-02-{number + 1:02d}",
        )

    seed = add(client, *story(0))
    key = key_of(seed, "Tomasz Wierzbicki")
    answers: dict[int, int] = {}

    def adding(number: int) -> None:
        title, paragraphs, published = story(number)
        text = "\n\n".join([title, *paragraphs])
        while True:  # the server takes a few extractions at a time: 429 asks to retry
            response = client.post(
                "/v1/articles", json={"text": text, "published": published}, headers=AUTH
            )
            if response.status_code != 429:
                break
            time.sleep(float(response.headers.get("retry-after", "1")) / 4)
        answers[number] = response.status_code

    def deleting() -> None:
        answers[0] = client.delete(f"/v1/articles/{seed.article.id}", headers=AUTH).status_code

    threads = [threading.Thread(target=adding, args=(n,)) for n in range(1, 13)]
    threads.insert(6, threading.Thread(target=deleting))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert answers == {0: 204} | dict.fromkeys(range(1, 13), 201)
    actor = page(client, f"/v1/actors/{key}")
    assert (actor["article_count"], actor["quote_count"]) == (12, 12)
    assert (actor["first_seen"], actor["last_seen"]) == ("2020-02-02", "2020-02-13")


def test_writers_at_once_keep_every_summary_exact(database_url: str, extract: Extract) -> None:
    """Adds and deletes of articles sharing actors, all released at once on the storage
    layer itself (through HTTP, one extraction process spaces the writes out)."""
    template = extract(
        '"The mill will hire again," Mayor Tomasz Brzezinski told workers in Lodz on Monday, '
        "and union leader Ewa Nowakowska agreed.",
    )

    def copy(number: int) -> Facts:
        article = template.article.model_copy(
            update={"id": f"mill-copy-{number}", "published": dt.date(2020, 3, 1 + number)}
        )
        return template.model_copy(update={"article": article})

    archive = Archive(database_url, extraction_version="test")
    try:
        for number in range(5):
            archive.add(copy(number), f"{number:064d}")
        start = threading.Barrier(25)
        failures: list[BaseException] = []

        def run(write: Callable[[], object]) -> None:
            start.wait()
            try:
                write()
            except BaseException as error:
                failures.append(error)

        threads = [
            threading.Thread(target=run, args=(partial(archive.delete, f"mill-copy-{n}"),))
            for n in range(5)
        ] + [
            threading.Thread(target=run, args=(partial(archive.add, copy(n), f"{n:064d}"),))
            for n in range(5, 25)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert failures == []
        speaker = next(a for a in template.actors if a.name == "Tomasz Brzezinski")
        actor = archive.read(partial(find_actor, key=actor_key(speaker.name, "person", "")))
        assert actor is not None
        assert (actor.article_count, actor.quote_count) == (20, 20 * len(speaker.quote_ids))
        assert (actor.first_seen, actor.last_seen) == (dt.date(2020, 3, 6), dt.date(2020, 3, 25))
        with archive.engine.connect() as connection:
            rows = connection.execute(select(actors).where(actors.c.key.is_not(None)))
            expected = summarise(row._mapping for row in rows)
            stored = {
                row.key: Summary.of_stored(row._mapping)
                for row in connection.execute(select(actor_keys))
            }
        assert stored == expected
    finally:
        archive.close()


def test_the_timeline_search_matches_the_start_of_words(client: TestClient) -> None:
    facts = add(
        client,
        "Lighthouse accord marks ten years",
        [
            "Governor Astrid Halvorsen signed the lighthouse accord on June 4, 2019, in Bergen.",
            '"It still holds," Astrid Halvorsen said on Monday.',
        ],
        "2029-06-04",
    )
    found = page(client, "/v1/timeline", q="LIGHTH acc")["items"]
    assert [(e["article"]["id"], e["interval"]["start"]) for e in found] == [
        (facts.article.id, "2019-06-04")
    ]
    assert page(client, "/v1/timeline", q="ighthouse")["total"] == 0  # not a word's start


def test_questions_run_on_threads_that_yield_the_cpu(client: TestClient) -> None:
    """The threads answering questions across articles run at the configured niceness
    (Linux: a thread's own), so that `/facts` from memory keeps the CPU while clients ask
    (bench row 15)."""
    page(client, "/v1/actors")
    threads = [t for t in threading.enumerate() if t.name.startswith("questions")]
    assert threads
    expected = min(19, os.getpriority(os.PRIO_PROCESS, 0) + Settings().question_niceness)
    for thread in threads:
        stat = Path(f"/proc/self/task/{thread.native_id}/stat").read_text()
        assert int(stat.rsplit(")", 1)[1].split()[16]) == expected  # the `nice` field
