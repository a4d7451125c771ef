"""The HTTP API through TestClient, with the real pipeline and the shipped article."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api.examples import EXAMPLES
from app.models import Actor, Article, DateMention, Facts, Quote

ARTICLES = "/v1/articles"


@pytest.fixture(scope="module")
def article_id(client: TestClient) -> str:
    items = client.get(ARTICLES).json()["items"]
    assert len(items) == 1
    article_id: str = items[0]["id"]
    return article_id


@pytest.fixture(scope="module")
def facts(client: TestClient, article_id: str) -> Facts:
    return Facts.model_validate(client.get(f"{ARTICLES}/{article_id}/facts").json())


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    problem: dict[str, Any] = response.json()
    assert problem["status"] == status
    assert problem["title"] and problem["detail"] and problem["type"]
    assert "Traceback" not in response.text
    return problem


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready"
    assert ready["articles"] == 1
    assert ready["failures"] == []


def test_list_articles(client: TestClient, article_id: str) -> None:
    page = client.get(ARTICLES).json()
    assert page["total"] == 1
    assert article_id == "putin-takes-hard-line-on-japan-island-dispute-before-abes-visit-a64210"
    assert page["items"][0]["published"] == "2019-01-21"


def test_get_article(client: TestClient, article_id: str) -> None:
    article = Article.model_validate(client.get(f"{ARTICLES}/{article_id}").json())
    assert article.byline == "Bloomberg"
    assert article.paragraphs[0].text.startswith("As Japanese Prime Minister Shinzo Abe")
    for paragraph in article.paragraphs:
        assert article.body[paragraph.start : paragraph.end] == paragraph.text


def test_facts_have_quotes_actors_and_dates(facts: Facts) -> None:
    assert facts.quotes and facts.actors and facts.dates
    actor_ids = {actor.id for actor in facts.actors}
    for quote in facts.quotes:
        assert (
            facts.article.body[quote.start : quote.end] in quote.sentence
            or quote.kind == "indirect"
        )
        if quote.speaker is not None and quote.speaker.id is not None:
            assert quote.speaker.id in actor_ids


def test_every_fact_points_into_the_body(facts: Facts) -> None:
    body = facts.article.body
    for fact in [*facts.quotes, *facts.dates]:
        # `paragraph` is where the fact starts; a quote may run on over later paragraphs.
        paragraph = facts.article.paragraphs[fact.paragraph]
        assert paragraph.start <= fact.start <= paragraph.end
        assert fact.start <= fact.end <= len(body)
        assert body[fact.start : fact.end].strip()


@pytest.mark.parametrize(
    ("collection", "model"),
    [("quotes", Quote), ("actors", Actor), ("dates", DateMention)],
)
def test_list_and_get_each_fact(
    client: TestClient, article_id: str, collection: str, model: type[Quote | Actor | DateMention]
) -> None:
    page = client.get(f"{ARTICLES}/{article_id}/{collection}").json()
    assert page["total"] == len(page["items"]) > 0
    first = model.model_validate(page["items"][0])
    one = client.get(f"{ARTICLES}/{article_id}/{collection}/{first.id}")
    assert model.model_validate(one.json()) == first
    assert_problem(client.get(f"{ARTICLES}/{article_id}/{collection}/no-such-id"), 404)


def test_lavrov_quote_is_served(client: TestClient, article_id: str) -> None:
    quotes = client.get(f"{ARTICLES}/{article_id}/quotes", params={"kind": "direct"}).json()
    lavrov = [q for q in quotes["items"] if q["text"].startswith("Japan is the only country")]
    assert lavrov
    assert lavrov[0]["speaker"]["name"] == "Sergei Lavrov"


def test_quotes_filter_by_speaker(client: TestClient, article_id: str, facts: Facts) -> None:
    speaker = next(q.speaker for q in facts.quotes if q.speaker and q.speaker.id)
    assert speaker is not None
    page = client.get(f"{ARTICLES}/{article_id}/quotes", params={"speaker": speaker.id}).json()
    assert page["total"] >= 1
    assert {q["speaker"]["id"] for q in page["items"]} == {speaker.id}


def test_pagination(client: TestClient, article_id: str, facts: Facts) -> None:
    page = client.get(f"{ARTICLES}/{article_id}/dates", params={"limit": 2, "offset": 1}).json()
    assert page["total"] == len(facts.dates)
    assert [d["id"] for d in page["items"]] == [d.id for d in facts.dates[1:3]]
    assert_problem(client.get(f"{ARTICLES}/{article_id}/dates", params={"limit": 0}), 422)


def test_actors_filter_and_sort(client: TestClient, article_id: str) -> None:
    places = client.get(f"{ARTICLES}/{article_id}/actors", params={"type": "place"}).json()
    assert places["items"] and {a["type"] for a in places["items"]} == {"place"}
    by_name = client.get(f"{ARTICLES}/{article_id}/actors", params={"sort": "name"}).json()
    names = [a["name"].lower() for a in by_name["items"]]
    assert names == sorted(names)
    by_salience = client.get(f"{ARTICLES}/{article_id}/actors").json()["items"]
    saliences = [a["salience"] for a in by_salience]
    assert saliences == sorted(saliences, reverse=True)


def test_unknown_article_is_a_problem(client: TestClient) -> None:
    problem = assert_problem(client.get(f"{ARTICLES}/no-such-article/facts"), 404)
    assert "no-such-article" in problem["detail"]


@pytest.mark.parametrize("bad_id", ["UPPER", "a..b", "x" * 200, "%2e%2e"])
def test_malformed_ids_are_rejected(client: TestClient, bad_id: str) -> None:
    response = client.get(f"{ARTICLES}/{bad_id}")
    assert response.status_code in (404, 422)
    assert response.headers["content-type"] == "application/problem+json"


def test_etag_and_not_modified(client: TestClient, article_id: str) -> None:
    first = client.get(f"{ARTICLES}/{article_id}/facts")
    etag = first.headers["etag"]
    assert first.headers["cache-control"].startswith("public")
    again = client.get(f"{ARTICLES}/{article_id}/facts", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_gzip_for_large_bodies(client: TestClient, article_id: str) -> None:
    url = f"{ARTICLES}/{article_id}/facts"
    zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert zipped.json() == plain.json()  # httpx decodes the gzip body
    assert "Accept-Encoding" in zipped.headers["vary"]
    assert "Accept-Encoding" in plain.headers["vary"]
    # Two representations, two strong ETags (RFC 9110, 8.8.3).
    assert zipped.headers["etag"] != plain.headers["etag"]
    quotes = client.get(f"{ARTICLES}/{article_id}/quotes", headers={"Accept-Encoding": "gzip"})
    assert quotes.headers["content-encoding"] == "gzip"


def test_request_id_is_echoed(client: TestClient) -> None:
    assert (
        client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"]
        == "abc-123"
    )
    generated = {client.get("/healthz").headers["x-request-id"] for _ in range(3)}
    assert len(generated) == 3
    assert all(re.fullmatch(r"[0-9a-f]{22}", request_id) for request_id in generated)


def test_extract(client: TestClient) -> None:
    response = client.post(
        "/v1/extract",
        json={
            "text": '"The vote is over," Senator Mary Smith told reporters on Tuesday.',
            "published": "2024-03-08",
        },
    )
    assert response.status_code == 200
    facts = Facts.model_validate(response.json())
    assert facts.article.published == dt.date(2024, 3, 8)
    assert [q.text for q in facts.quotes] == ["The vote is over"]
    assert facts.quotes[0].speaker is not None
    assert facts.quotes[0].speaker.name == "Mary Smith"


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"json": {"text": ""}}, 422),
        ({"json": {"text": "x", "published": "21/01/2019"}}, 422),
        ({"json": {"title": "no text"}}, 422),
        ({"json": {"text": "x", "unknown": 1}}, 422),
        ({"json": {"text": "   "}}, 422),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400),
        ({"content": b"<a/>", "headers": {"content-type": "application/xml"}}, 415),
        ({"json": {"text": "word " * 30_000}}, 413),
    ],
)
def test_extract_rejects_bad_input(client: TestClient, kwargs: dict[str, Any], status: int) -> None:
    assert_problem(client.post("/v1/extract", **kwargs), status)


def test_validation_problem_lists_fields(client: TestClient) -> None:
    problem = assert_problem(client.post("/v1/extract", json={"text": 5}), 422)
    assert problem["errors"][0]["location"] == ["body", "text"]


def test_wrong_method_and_unknown_route(client: TestClient) -> None:
    assert_problem(client.delete(ARTICLES), 405)
    assert_problem(client.get("/v2/nothing"), 404)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_reference_no_external_host(client: TestClient, page: str) -> None:
    html = client.get(page).text
    assert client.get(page).status_code == 200
    urls = re.findall(r"(?:src|href)=[\"']([^\"']+)", html)
    assert urls
    for url in urls:
        assert not re.match(r"^(https?:)?//", url), url
        assert client.get(url).status_code == 200, url


def test_openapi_documents_every_route(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            assert operation.get("summary"), where
            assert operation.get("operationId"), where
            if path.startswith("/v1/articles/{article_id}"):
                assert "404" in operation["responses"], where
            if path.startswith("/v1/"):
                assert "422" in operation["responses"], where


def test_timeline_is_in_date_order(client: TestClient, article_id: str, facts: Facts) -> None:
    page = client.get(f"{ARTICLES}/{article_id}/timeline").json()
    entries = page["items"]
    assert entries
    starts = [entry["interval"]["start"] for entry in entries]
    assert starts == sorted(starts)
    dated = {d.id for d in facts.dates if d.interval is not None}
    assert {entry["date_id"] for entry in entries} == dated
    actor_ids = {actor.id for actor in facts.actors}
    for entry in entries:
        assert entry["text"] in entry["sentence"]
        assert set(entry["actor_ids"]) <= actor_ids


def test_sentence_offsets_hold_the_sentence(facts: Facts) -> None:
    for fact in [*facts.quotes, *facts.dates]:
        assert facts.article.body[fact.sentence_start : fact.sentence_end] == fact.sentence


def test_every_operation_is_described(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert operation.get("description"), f"{method.upper()} {path}"
            if method == "get" and path.startswith("/v1/"):
                assert "304" in operation["responses"], f"{method.upper()} {path}"


@pytest.mark.parametrize(
    "text",
    [
        "Emoji 🎉🔥 said the 👩‍🚀 on Monday 🚀.",
        "قال الرئيس يوم الاثنين إن المحادثات ستستمر. Then \u202eevil\u202c text.",
        "Control \x00\x01\x07\x1b[31m characters\x7f and \ufeff BOM \ud7ff.",
        ("word " * 12_000).strip(),
        "\u201c\u201d\u2018\u2019\"'" * 200,
        '"' * 5000,
        "\n" * 1000 + "x",
    ],
    ids=["emoji", "rtl", "control", "one-long-line", "marks", "straight-marks", "newlines"],
)
def test_extract_takes_any_unicode(client: TestClient, text: str) -> None:
    response = client.post("/v1/extract", json={"text": text})
    assert response.status_code in (200, 413, 422), response.text
    if response.status_code == 200:
        Facts.model_validate(response.json())
    else:
        assert response.headers["content-type"] == "application/problem+json"


def test_schema_examples_are_valid_documents(client: TestClient) -> None:
    for model, example in EXAMPLES.items():
        model.model_validate(example)
    schema = client.get("/openapi.json").json()
    get_quote = schema["paths"]["/v1/articles/{article_id}/quotes/{quote_id}"]["get"]
    example = get_quote["responses"]["200"]["content"]["application/json"]["example"]
    assert example["speaker"]["name"] == "Sergei Lavrov"
