"""The real Swagger UI in headless Chromium, against a live server, with no outside request."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
from playwright.sync_api import Page, sync_playwright

from tests.live_server import live_server

CHROMIUM = os.environ.get("NEWSFACTS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# As the machine's notes advise: no background traffic to hosts this network cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with live_server() as running:
        yield running.base_url


@pytest.fixture(scope="module")
def page_and_requests(server: str) -> Iterator[tuple[Page, list[str]]]:
    requested: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("request", lambda request: requested.append(request.url))
        yield page, requested
        browser.close()


def test_swagger_ui_shows_a_quote_and_fetches_nothing_from_outside(
    server: str, page_and_requests: tuple[Page, list[str]]
) -> None:
    page, requested = page_and_requests
    article_id = httpx.get(f"{server}/v1/articles").json()["items"][0]["id"]

    page.goto(f"{server}/docs")
    operation = page.locator("#operations-articles-listQuotes")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.locator("tr[data-param-name='article_id'] input").fill(article_id)
    operation.get_by_role("button", name="Execute").click()

    response = operation.locator(".live-responses-table .response-col_description pre").first
    response.wait_for(timeout=15_000)
    text = response.inner_text()
    assert "Japan is the only country in the world" in text
    assert "Sergei Lavrov" in text

    hosts = {urlparse(url).hostname for url in requested if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, hosts
