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


KEY = "browser-test-key"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with live_server({"NEWSFACTS_API_KEYS": KEY}) as running:
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


def test_swagger_ui_authorize_takes_the_key_and_adds_an_article(
    server: str, page_and_requests: tuple[Page, list[str]]
) -> None:
    page, requested = page_and_requests
    page.goto(f"{server}/docs")
    page.locator(".auth-wrapper .authorize").click()
    page.locator(".modal-ux input").fill(KEY)
    page.locator(".modal-ux .auth-btn-wrapper button.authorize").click()
    page.locator(".modal-ux .auth-btn-wrapper button.btn-done").click()

    operation = page.locator("#operations-archive-addArticle")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    body = '{"text": "\\"The pier will open in May,\\" Mayor Ruth Obi said on Friday."}'
    operation.locator("textarea.body-param__text").fill(body)
    operation.get_by_role("button", name="Execute").click()

    status = operation.locator(".live-responses-table .response .response-col_status").first
    status.wait_for(timeout=30_000)
    assert status.inner_text().strip().startswith("201")
    response = operation.locator(".live-responses-table .response-col_description pre").first
    assert "Ruth Obi" in response.inner_text()
    listed = httpx.get(f"{server}/v1/articles", params={"limit": 500}).json()["items"]
    added = [item for item in listed if item["id"].startswith("article-")]  # no headline
    assert len(added) == 1
    quotes = httpx.get(f"{server}/v1/articles/{added[0]['id']}/quotes").json()["items"]
    assert quotes[0]["speaker"]["name"] == "Ruth Obi"
    hosts = {urlparse(url).hostname for url in requested if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, hosts
