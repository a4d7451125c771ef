"""HTTP semantics and strict validation, through TestClient with the real pipeline."""

from __future__ import annotations

import gzip
from dataclasses import replace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.models import Facts
from app.settings import get_settings
from tests.test_api import assert_problem

ARTICLES = "/v1/articles"


@pytest.fixture(scope="module")
def article(client: TestClient) -> str:
    article_id: str = client.get(ARTICLES).json()["items"][0]["id"]
    return f"{ARTICLES}/{article_id}"


def _get_routes(client: TestClient, article: str) -> list[str]:
    return [
        "/healthz",
        "/readyz",
        "/docs",
        "/redoc",
        "/openapi.json",
        ARTICLES,
        article,
        *(f"{article}/{sub}" for sub in ("facts", "quotes", "actors", "dates", "timeline")),
        f"{article}/quotes/q1",
        f"{article}/dates/d1",
    ]


def test_root_leads_to_the_docs(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code in (301, 302, 307, 308)
    assert response.headers["location"] == "/docs"
    assert "swagger" in client.get("/").text.lower()


def test_head_answers_every_get_route_as_get_without_a_body(
    client: TestClient, article: str
) -> None:
    for url in _get_routes(client, article):
        got = client.get(url, headers={"Accept-Encoding": "identity"})
        head = client.head(url, headers={"Accept-Encoding": "identity"})
        assert (head.status_code, head.content) == (got.status_code, b""), url
        assert head.headers.get("etag") == got.headers.get("etag"), url
        assert head.headers["content-type"] == got.headers["content-type"], url
        assert int(head.headers["content-length"]) == len(got.content), url


@pytest.mark.parametrize("sub", ["", "/facts", "/quotes", "/actors", "/dates", "/timeline"])
def test_gzip_and_plain_bodies_have_their_own_strong_etags(
    client: TestClient, article: str, sub: str
) -> None:
    url = article + sub
    zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert zipped.json() == plain.json()
    for response in (zipped, plain):
        assert response.headers["vary"] == "Accept-Encoding"
        assert not response.headers["etag"].startswith("W/")
    assert zipped.headers["etag"] != plain.headers["etag"]
    # Each ETag revalidates its own representation only.
    for encoding, etag, other in [
        ("gzip", zipped.headers["etag"], plain.headers["etag"]),
        ("identity", plain.headers["etag"], zipped.headers["etag"]),
    ]:
        held = {"Accept-Encoding": encoding, "If-None-Match": etag}
        assert client.get(url, headers=held).status_code == 304
        stale = {"Accept-Encoding": encoding, "If-None-Match": other}
        assert client.get(url, headers=stale).status_code == 200


def test_a_declared_length_over_the_limit_is_refused_unread(client: TestClient) -> None:
    response = client.post(
        "/v1/extract",
        content=b"{}",
        headers={"content-type": "application/json", "content-length": str(30 * 1024 * 1024)},
    )
    assert_problem(response, 413)


def test_a_long_title_is_refused(client: TestClient) -> None:
    problem = assert_problem(
        client.post("/v1/extract", json={"text": "The mayor spoke.", "title": "x" * 2_000_000}),
        422,
    )
    assert problem["errors"][0]["location"] == ["body", "title"]
    schema = client.get("/openapi.json").json()["components"]["schemas"]["ExtractRequest"]
    title = schema["properties"]["title"]
    assert any(option.get("maxLength") for option in title["anyOf"])


@pytest.mark.parametrize("field", ["text", "title"])
def test_a_lone_surrogate_is_a_422_not_a_500(client: TestClient, field: str) -> None:
    document = {"text": "The mayor spoke on Monday.", field: "Mayor \\ud800 spoke."}
    body = "{" + ", ".join(f'"{name}": "{value}"' for name, value in document.items()) + "}"
    response = client.post(
        "/v1/extract", content=body.encode(), headers={"content-type": "application/json"}
    )
    problem = assert_problem(response, 422)
    assert problem["errors"][0]["location"] == ["body", field]


def test_a_lone_surrogate_in_a_field_name_is_a_422(client: TestClient) -> None:
    response = client.post(
        "/v1/extract",
        content=b'{"text": "The mayor spoke.", "\\ud800": 1}',
        headers={"content-type": "application/json"},
    )
    assert_problem(response, 422)


@pytest.mark.parametrize(
    ("sub", "query", "named"),
    [
        ("/quotes", "speakr=sergei-lavrov", "speakr"),
        ("/quotes", "type=person", "type"),
        ("/actors", "kind=direct", "kind"),
        ("/facts", "limit=1", "limit"),
        ("", "verbose=1", "verbose"),
    ],
)
def test_an_unknown_query_parameter_is_a_422_naming_it(
    client: TestClient, article: str, sub: str, query: str, named: str
) -> None:
    problem = assert_problem(client.get(f"{article}{sub}?{query}"), 422)
    assert problem["errors"][0]["location"] == ["query", named]
    assert f"`{named}`" in problem["detail"]


def test_a_repeated_query_parameter_is_a_422(client: TestClient, article: str) -> None:
    problem = assert_problem(client.get(f"{article}/quotes?kind=direct&kind=partial"), 422)
    assert problem["errors"][0]["location"] == ["query", "kind"]
    assert "more than once" in problem["errors"][0]["message"]


def test_from_after_to_is_a_422(client: TestClient, article: str) -> None:
    problem = assert_problem(client.get(f"{article}/dates?from=2019-02-01&to=2019-01-01"), 422)
    assert problem["errors"][0]["location"] == ["query", "from"]
    same_day = client.get(f"{article}/dates?from=2019-01-16&to=2019-01-16")
    assert same_day.status_code == 200


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"json": {"text": "   "}},
        {"json": {"text": ""}},
        {"json": {"text": "x", "published": "0000-01-01"}},
        {"json": {"text": "x", "published": "10000-01-01"}},
        {"json": {"text": "x", "published": "2019-02-30"}},
    ],
)
def test_every_422_has_an_errors_list(client: TestClient, request_kwargs: dict[str, Any]) -> None:
    problem = assert_problem(client.post("/v1/extract", **request_kwargs), 422)
    assert problem["errors"]
    assert all(error["location"] and error["message"] for error in problem["errors"])


def test_only_a_422_example_shows_an_errors_list(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            for status, response in operation["responses"].items():
                problem = response.get("content", {}).get("application/problem+json")
                if problem is None:
                    continue
                example = problem["example"]
                assert example["status"] == int(status), (path, status)
                assert ("errors" in example) == (status == "422"), (path, status)


def test_every_schema_field_is_described(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    undescribed = [
        f"{name}.{field}"
        for name, schema in schemas.items()
        if name not in ("HTTPValidationError", "ValidationError")
        for field, spec in schema.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undescribed == []


def test_path_examples_exist(client: TestClient) -> None:
    """Swagger UI's "Try it out" fills in each path parameter's example: each must exist.
    (DELETE's example is the article that POST's example adds: the browser test runs both.)"""
    schema = client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method == "delete":
                continue
            parameters = [p for p in operation.get("parameters", []) if p["in"] == "path"]
            url = path
            for parameter in parameters:
                (example,) = parameter["examples"].values()
                url = url.replace("{" + parameter["name"] + "}", example["value"])
            if parameters:
                assert client.get(url).status_code == 200, url


def test_cors_is_off_by_default(client: TestClient) -> None:
    response = client.get(ARTICLES, headers={"Origin": "https://example.org"})
    assert "access-control-allow-origin" not in response.headers


def _with_cors(client: TestClient, origins: list[str]) -> TestClient:
    """A client of the loaded service, allowing `origins`."""
    settings = get_settings().model_copy(update={"cors_origins": origins})
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    return TestClient(create_app(runtime=replace(runtime, settings=settings)))


def test_cors_origins_come_from_a_setting(client: TestClient) -> None:
    with _with_cors(client, ["https://news.example"]) as cors_client:
        allowed = cors_client.get(ARTICLES, headers={"Origin": "https://news.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://news.example"
        other = cors_client.get(ARTICLES, headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers
        preflight = cors_client.options(
            "/v1/extract",
            headers={
                "Origin": "https://news.example",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "https://news.example"


def test_a_date_says_which_quote_was_said_then(client: TestClient) -> None:
    text = (
        '"The plant will close," Governor Ann Lee told reporters on Tuesday. '
        "Mayor Tom Hill said the town would fight the decision."
    )
    facts = Facts.model_validate(
        client.post("/v1/extract", json={"text": text, "published": "2024-03-08"}).json()
    )
    quote = next(q for q in facts.quotes if q.text.startswith("The plant will close"))
    tuesday = next(d for d in facts.dates if d.text == "Tuesday")
    assert quote.said_on == tuesday.id
    assert tuesday.quote_id == quote.id
    for date in facts.dates:
        if date.quote_id is not None:
            said = next(q for q in facts.quotes if q.id == date.quote_id)
            assert said.said_on == date.id


def test_said_on_comes_from_the_clause_of_the_quotes_own_cue(client: TestClient) -> None:
    text = (
        "A senior aide vowed not to give up any land and Foreign Minister Karl Berg offered "
        "a pointed reminder of the country's defeat in 1945."
    )
    body = {"text": text, "published": "2024-03-08"}
    facts = Facts.model_validate(client.post("/v1/extract", json=body).json())
    vow = next(q for q in facts.quotes if q.cue == "vowed")
    assert vow.said_on is None
    year = next(d for d in facts.dates if d.text == "1945")
    assert year.quote_id is None


def test_the_timeline_lists_a_quote_on_the_day_it_was_said(
    client: TestClient, article: str
) -> None:
    timeline = client.get(f"{article}/timeline").json()["items"]
    facts = Facts.model_validate(client.get(f"{article}/facts").json())
    said_on = {q.id: q.said_on for q in facts.quotes}
    listed = [(quote_id, entry["date_id"]) for entry in timeline for quote_id in entry["quote_ids"]]
    assert listed
    assert all(said_on[quote_id] == date_id for quote_id, date_id in listed)


@pytest.mark.parametrize(
    ("published", "expression"),
    [("0001-01-01", "last year"), ("0001-01-01", "yesterday"), ("9999-12-31", "next year")],
)
def test_relative_dates_past_the_calendar_do_not_vanish(
    client: TestClient, published: str, expression: str
) -> None:
    text = f"The council said {expression} that the bridge would close."
    response = client.post("/v1/extract", json={"text": text, "published": published})
    assert response.status_code == 200, response.text
    facts = Facts.model_validate(response.json())
    assert [d.text.lower() for d in facts.dates] == [expression]


@pytest.mark.parametrize(
    ("published", "expression", "value"),
    [
        ("0999-06-09", "last week", "0999-W22"),
        ("0999-06-09", "last month", "0999-05"),
        ("0010-06-09", "next year", "0011"),
        ("0001-01-08", "last week", "0001-W01"),
    ],
)
def test_years_before_1000_keep_four_digits(
    client: TestClient, published: str, expression: str, value: str
) -> None:
    text = f"The council said {expression} that the bridge would close."
    response = client.post("/v1/extract", json={"text": text, "published": published})
    facts = Facts.model_validate(response.json())
    assert [d.value for d in facts.dates] == [value]


def test_a_published_date_outside_the_calendar_is_a_422(client: TestClient) -> None:
    for published in ("0000-12-31", "10000-01-01", "-0001-01-01"):
        body = {"text": "The council met.", "published": published}
        assert_problem(client.post("/v1/extract", json=body), 422)


def test_gzip_body_is_real_gzip(client: TestClient, article: str) -> None:
    with client.stream("GET", f"{article}/quotes", headers={"Accept-Encoding": "gzip"}) as raw:
        compressed = b"".join(raw.iter_raw())
    assert gzip.decompress(compressed).startswith(b'{"items"')


def test_an_id_from_a_long_headline_ends_on_a_whole_word(client: TestClient) -> None:
    title = (
        "Regional council approves sweeping overhaul of public transport network "
        "after marathon overnight session"
    )
    body = {"text": "The council met on Monday.", "title": title, "published": "2024-03-08"}
    article_id = client.post("/v1/extract", json=body).json()["article"]["id"]
    assert article_id == (
        "regional-council-approves-sweeping-overhaul-of-public-transport-network-after"
    )


def test_head_on_a_post_only_route_is_a_405_without_a_body(client: TestClient) -> None:
    response = client.head("/v1/extract")
    assert response.status_code == 405
    assert response.content == b""
    assert response.headers["allow"] == "POST"


def test_cors_headers_reach_the_whole_facts_document(client: TestClient, article: str) -> None:
    with _with_cors(client, ["*"]) as cors_client:
        facts = cors_client.get(f"{article}/facts", headers={"Origin": "https://a.example"})
        assert facts.status_code == 200
        assert facts.headers["access-control-allow-origin"] == "*"
