"""Hypothesis on every field and parameter: no input gives a 500, every refusal is a problem
document, and every 422 lists what is wrong."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Any code point, lone surrogates included: JSON can carry them as `\ud800` escapes.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=60)
ANY_VALUE = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), ANY_TEXT,
    st.lists(st.integers(), max_size=2), st.dictionaries(ANY_TEXT, st.integers(), max_size=2),
)  # fmt: skip
FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(ANY_TEXT, ANY_VALUE),
        "title": st.one_of(ANY_TEXT, ANY_VALUE),
        "published": st.one_of(ANY_TEXT, st.dates().map(str), ANY_VALUE),
    },
)
QUIET = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _assert_answered(response: Any) -> None:
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == response.status_code
        assert ("errors" in problem) == (response.status_code == 422), problem
        if response.status_code == 422:
            assert problem["errors"]


@QUIET
@given(body=st.one_of(FIELDS, st.dictionaries(ANY_TEXT, ANY_VALUE, max_size=3)))
def test_no_body_gives_a_500(client: TestClient, body: dict[str, Any]) -> None:
    response = client.post(
        "/v1/extract",
        content=json.dumps(body).encode(),  # ASCII escapes keep lone surrogates
        headers={"content-type": "application/json"},
    )
    _assert_answered(response)


@QUIET
@given(
    sub=st.sampled_from(["", "/quotes", "/actors", "/dates", "/timeline", "/facts"]),
    query=st.lists(
        st.tuples(
            st.sampled_from(["limit", "offset", "kind", "type", "speaker", "sort", "from", "to"])
            | ANY_TEXT,
            ANY_TEXT,
        ),
        max_size=3,
    ),
)
def test_no_query_gives_a_500(client: TestClient, sub: str, query: list[tuple[str, str]]) -> None:
    article_id = client.get("/v1/articles").json()["items"][0]["id"]
    encoded = [(name.encode("utf-8", "surrogatepass"), value.encode("utf-8", "surrogatepass"))
               for name, value in query]  # fmt: skip
    response = client.get(f"/v1/articles/{article_id}{sub}", params=encoded)
    _assert_answered(response)
