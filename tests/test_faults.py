"""Faults the service must ride out: bad data files, slow extractions, SIGTERM under load."""

from __future__ import annotations

import shutil
import signal
import threading
import time
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from app.api.deps import Runtime
from app.api.main import create_app
from app.settings import Settings
from app.store import ArticleStore
from tests.conftest import SHIPPED_ARTICLE, wait_until_ready
from tests.live_server import live_server


def test_bad_data_files_are_reported_and_the_rest_served(tmp_path: Path) -> None:
    shutil.copy(SHIPPED_ARTICLE, tmp_path / SHIPPED_ARTICLE.name)
    (tmp_path / "binary.md").write_bytes(b"\xff\xfe\x00garbage\x80")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")  # not an article file
    with TestClient(create_app(Settings(data_dir=tmp_path))) as client:
        wait_until_ready(client)
        ready = client.get("/readyz").json()
        assert ready["articles"] == 1
        assert {failure["file"] for failure in ready["failures"]} == {"binary.md", "empty.txt"}
        assert client.get("/v1/articles").json()["total"] == 1


def test_a_missing_data_folder_is_reported(tmp_path: Path) -> None:
    with TestClient(create_app(Settings(data_dir=tmp_path / "absent"))) as client:
        wait_until_ready(client)
        ready = client.get("/readyz").json()
        assert ready["articles"] == 0
        assert "does not exist" in ready["failures"][0]["reason"]


def test_an_extraction_over_its_time_limit_is_a_problem(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, extraction_timeout_s=0.001)
    with TestClient(create_app(settings)) as client:
        wait_until_ready(client)
        response = client.post("/v1/extract", json={"text": "The mayor spoke. " * 2000})
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert "longer than" in response.json()["detail"]
        # The slot that timed out is replaced: the next extraction in time succeeds.
        client.app.state.runtime.runner._timeout_s = 30  # type: ignore[attr-defined]
        assert client.post("/v1/extract", json={"text": "The mayor spoke."}).status_code == 200


def test_sigterm_finishes_requests_in_flight_then_exits() -> None:
    with live_server() as server:
        statuses: list[int] = []
        # Long enough (about 0.4 s each, one at a time) that all three are still in flight
        # when SIGTERM comes, and the pause is long enough for all three to have arrived.
        text = "Officials said on Monday that the talks would resume next week. " * 200

        def post() -> None:
            response = httpx.post(f"{server.base_url}/v1/extract", json={"text": text}, timeout=60)
            statuses.append(response.status_code)

        requests = [threading.Thread(target=post) for _ in range(3)]
        for thread in requests:
            thread.start()
        time.sleep(0.6)
        server.process.send_signal(signal.SIGTERM)
        for thread in requests:
            thread.join(timeout=60)
        assert statuses == [200, 200, 200]
        # uvicorn re-raises the signal once it has shut down cleanly: exit by SIGTERM, not KILL.
        assert server.process.wait(timeout=30) in (0, -signal.SIGTERM)


def test_too_many_waiting_extractions_get_429(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, extraction_concurrency=1)
    text = "The minister said on Tuesday that the talks would go on. " * 150
    with TestClient(create_app(settings)) as client:
        wait_until_ready(client)
        statuses: list[int] = []

        def post() -> None:
            statuses.append(client.post("/v1/extract", json={"text": text}).status_code)

        threads = [threading.Thread(target=post) for _ in range(12)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert set(statuses) == {200, 429}
        assert statuses.count(200) >= 1


class _BrokenFacts(dict[str, object]):
    def get(self, *args: object, **kwargs: object) -> object:
        raise RuntimeError("disk on fire")


def test_an_unexpected_error_is_a_500_problem_without_a_trace(client: TestClient) -> None:
    loaded = client.app.state.runtime  # type: ignore[attr-defined]
    broken = ArticleStore(facts=_BrokenFacts(), failures=[])  # type: ignore[arg-type]
    runtime = Runtime(
        loaded.settings,
        nlp=loaded.nlp,
        store=broken,
        runner=loaded.runner,
        archived=loaded.archived,
    )
    with TestClient(create_app(runtime=runtime), raise_server_exceptions=False) as broken_client:
        response = broken_client.get("/v1/articles/some-article")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "disk on fire" not in response.text
    assert "Traceback" not in response.text
