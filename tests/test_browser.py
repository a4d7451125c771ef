"""The real Swagger UI and ReDoc in headless Chromium, against a live server, used as a person
uses them: "Try it out", then "Execute", with nothing typed in; and no request leaves the
server."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

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

pytestmark = pytest.mark.slow


KEY = "browser-test-key"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server that takes writes, into an archive of its own."""
    state = tmp_path_factory.mktemp("browser-state")
    with live_server({"NEWSFACTS_API_KEYS": KEY, "NEWSFACTS_STATE_DIR": str(state)}) as running:
        yield running.base_url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _open(browser: Browser, url: str) -> tuple[Page, list[str]]:
    """A fresh page at `url`, with every URL it requested (scripts' requests included)."""
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url, wait_until="networkidle")
    return page, requested


def _outside(requested: list[str]) -> set[str]:
    hosts = {urlparse(url).hostname for url in requested if not url.startswith(("data:", "blob:"))}
    return {str(host) for host in hosts} - {"127.0.0.1"}


def _operations(server: str) -> list[tuple[str, str]]:
    schema = httpx.get(f"{server}/openapi.json").json()
    return [
        (operation["tags"][0], operation["operationId"])
        for path in schema["paths"].values()
        for operation in path.values()
    ]


def _authorize(page: Page) -> None:
    """Swagger UI's Authorize button, with the server's write key."""
    page.locator(".auth-wrapper .authorize").click()
    page.locator(".modal-ux input").fill(KEY)
    page.locator(".modal-ux .auth-btn-wrapper button.authorize").click()
    page.locator(".modal-ux .auth-btn-wrapper button.btn-done").click()


def test_every_operation_runs_from_swagger_ui_without_typing(server: str, browser: Browser) -> None:
    """With the key given to Authorize, every example works as it stands: the example
    article is added, then deleted."""
    page, requested = _open(browser, f"{server}/docs")
    _authorize(page)
    operations = _operations(server)
    assert len(operations) >= 13
    shown: dict[str, str] = {}
    for tag, operation_id in operations:
        block = page.locator(f"#operations-{tag}-{operation_id}")
        block.locator(".opblock-summary").first.click()
        block.get_by_role("button", name="Try it out").click()
        block.get_by_role("button", name="Execute").click()
        status = block.locator(".live-responses-table .response .response-col_status").first
        status.wait_for(timeout=30_000)
        shown[operation_id] = status.inner_text().strip()
        block.locator(".opblock-summary").first.click()  # fold it again
    assert {op: code for op, code in shown.items() if not code.startswith("2")} == {}
    assert _outside(requested) == set()
    page.close()


def test_a_quote_reads_as_json_in_swagger_ui(server: str, browser: Browser) -> None:
    page, _ = _open(browser, f"{server}/docs")
    block = page.locator("#operations-articles-listQuotes")
    block.locator(".opblock-summary").click()
    block.get_by_role("button", name="Try it out").click()
    block.get_by_role("button", name="Execute").click()
    body = block.locator(".live-responses-table .response-col_description pre").first
    body.wait_for(timeout=15_000)
    assert "Sergei Lavrov" in body.inner_text()
    page.close()


def test_redoc_renders_and_fetches_nothing_from_outside(server: str, browser: Browser) -> None:
    page, requested = _open(browser, f"{server}/redoc")
    page.locator("h2", has_text="List an article's quotes").wait_for(timeout=30_000)
    page.wait_for_load_state("networkidle")
    assert _outside(requested) == set()
    page.close()


def test_swagger_ui_authorize_takes_the_key_and_adds_an_article(
    server: str, browser: Browser
) -> None:
    page, requested = _open(browser, f"{server}/docs")
    _authorize(page)
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
    assert _outside(requested) == set()
    page.close()
