"""The reference facts documents of `tests/test_facts_bytes.py`: the exact bytes
`POST /v1/extract` serves for the shipped article and the bench texts.

    .venv/bin/python -m tests.facts_reference          # rewrite tests/data/facts/*.json

Run it whenever the extraction rules change what they find (and review the diff): the test
then checks that the way the document is built, sent between processes and encoded keeps
every byte of it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from app.settings import PROJECT_ROOT

FOLDER = Path(__file__).resolve().parent / "data" / "facts"
SHIPPED_ARTICLE = (
    PROJECT_ROOT / "data" / "2019-01-21-putin-takes-hard-line-on-japan-island-dispute.md"
)
BENCH_TEXTS = PROJECT_ROOT / "bench" / "texts"


def sources() -> list[Path]:
    """The articles whose facts are pinned: the shipped one and the bench texts."""
    return [SHIPPED_ARTICLE, *sorted(BENCH_TEXTS.glob("*.txt"))]


def reference_path(source: Path) -> Path:
    return FOLDER / f"{source.stem}.json"


def served(texts: list[str]) -> Iterator[bytes]:
    """What `POST /v1/extract` answers for each text, through the whole application."""
    from fastapi.testclient import TestClient

    from app.api.main import create_app
    from tests.conftest import wait_until_ready

    with TestClient(create_app()) as client:
        wait_until_ready(client)
        for text in texts:
            response = client.post("/v1/extract", json={"text": text})
            response.raise_for_status()
            yield response.content


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    paths = sources()
    texts = [path.read_text(encoding="utf-8") for path in paths]
    for path, body in zip(paths, served(texts), strict=True):
        reference_path(path).write_bytes(body)
        print(f"{reference_path(path).relative_to(PROJECT_ROOT)}: {len(body):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
