"""A Python client generated from the OpenAPI schema (openapi-python-client) works."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient

VENV_BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def generated(client: TestClient, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("generated")
    schema = folder / "openapi.json"
    schema.write_text(json.dumps(client.get("/openapi.json").json()), encoding="utf-8")
    result = subprocess.run(
        [
            str(VENV_BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(schema),
            "--meta",
            "none",
            "--output-path",
            str(folder / "newsfacts_client"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(folder))
    yield "newsfacts_client"
    sys.path.remove(str(folder))


def _module(name: str) -> ModuleType:
    return importlib.import_module(name)


def _api_client(package: str, test_client: TestClient) -> Any:
    api_client = _module(package).Client(base_url=str(test_client.base_url))
    api_client.set_httpx_client(test_client)
    return api_client


def test_generated_client_lists_quotes_and_extracts(client: TestClient, generated: str) -> None:
    api = _api_client(generated, client)
    articles = _module(f"{generated}.api.articles.list_articles").sync(client=api)
    article_id = articles.items[0].id

    quotes = _module(f"{generated}.api.articles.list_quotes").sync(article_id, client=api)
    assert quotes.total == len(quotes.items) > 0
    assert any(
        quote.text.startswith("Japan is the only country") and quote.speaker.name == "Sergei Lavrov"
        for quote in quotes.items
    )

    request_model = _module(f"{generated}.models.extract_request").ExtractRequest
    facts = _module(f"{generated}.api.extraction.extract_facts").sync(
        client=api, body=request_model(text='"We won," Mayor Ann Lee said on Friday.')
    )
    assert [quote.text for quote in facts.quotes] == ["We won"]

    missing = _module(f"{generated}.api.articles.get_article").sync("no-such-article", client=api)
    assert missing.status == 404
