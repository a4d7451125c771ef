"""The facts document keeps every byte on its way from the extraction process to the client.

`tests/data/facts/` holds what `POST /v1/extract` served for the shipped article and the
bench texts before the document was encoded in the extraction process; when the rules
change what they find, regenerate it with `.venv/bin/python -m tests.facts_reference` and
review the diff. The other checks hold whatever the rules find: the served bytes are the
standard encoding of a freshly validated copy of the same extraction run in this process.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from app.extraction.pipeline import Source, extract_text
from app.models import Facts
from app.runner import ExtractionRunner
from tests.facts_reference import reference_path, sources

SOURCES = sources()


@pytest.fixture(scope="module")
def served(client: TestClient) -> dict[Path, bytes]:
    bodies = {}
    for source in SOURCES:
        response = client.post("/v1/extract", json={"text": source.read_text(encoding="utf-8")})
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        bodies[source] = response.content
    return bodies


@pytest.fixture(scope="module")
def in_process(nlp: Language) -> dict[Path, Facts]:
    return {source: extract_text(nlp, source.read_text(encoding="utf-8")) for source in SOURCES}


@pytest.mark.parametrize("source", SOURCES, ids=[source.stem[:24] for source in SOURCES])
def test_the_served_document_is_the_reference(served: dict[Path, bytes], source: Path) -> None:
    assert served[source] == reference_path(source).read_bytes(), (
        "POST /v1/extract no longer serves the reference bytes. If the extraction rules "
        "changed, regenerate them: .venv/bin/python -m tests.facts_reference"
    )


@pytest.mark.parametrize("source", SOURCES, ids=[source.stem[:24] for source in SOURCES])
def test_the_served_document_is_the_standard_encoding_of_the_extraction(
    served: dict[Path, bytes], in_process: dict[Path, Facts], source: Path
) -> None:
    revalidated = Facts.model_validate(in_process[source].model_dump())
    assert served[source] == revalidated.model_dump_json().encode()
    assert json.loads(served[source]) == in_process[source].model_dump(mode="json")


def test_the_runner_gives_the_models_of_the_document_it_sent(
    client: TestClient, in_process: dict[Path, Facts]
) -> None:
    runner: ExtractionRunner = client.app.state.runtime.runner  # type: ignore[attr-defined]
    source = SOURCES[1]
    extracted = client.portal.call(  # type: ignore[union-attr]
        lambda: runner.extract(Source(source.read_text(encoding="utf-8")))
    )
    assert extracted.facts == in_process[source]
