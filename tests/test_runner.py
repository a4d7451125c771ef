"""The extraction runner's answers: the encoded document, or the error the extraction raised."""

from __future__ import annotations

import asyncio
import threading

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from app.extraction.pipeline import Source, extract_text
from app.runner import ExtractionRunner, ExtractionTimeoutError

TEXT = '"We will rebuild the bridge," Mayor Ann Lee told reporters on Monday.'


class _UnpicklableError(Exception):
    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("not today")


@Language.component("newsfacts_test_refuses")
def _refuses(doc: Doc) -> Doc:
    if "unpicklable" in doc.text:
        raise _UnpicklableError("an error that cannot cross a pipe")
    raise ValueError(f"refused {len(doc)} tokens")


def _extract(runner: ExtractionRunner, text: str) -> bytes:
    async def run() -> bytes:
        try:
            return (await runner.extract(Source(text))).json
        finally:
            runner.close()

    return asyncio.run(run())


@pytest.mark.parametrize("processes", [True, False], ids=["processes", "threads"])
def test_the_runner_answers_the_encoded_document(nlp: Language, processes: bool) -> None:
    runner = ExtractionRunner(nlp, concurrency=1, timeout_s=30, processes=processes)
    assert _extract(runner, TEXT) == extract_text(nlp, TEXT).model_dump_json().encode()


def test_an_error_in_the_extraction_process_is_raised_in_the_server() -> None:
    refusing = spacy.blank("en")
    refusing.add_pipe("newsfacts_test_refuses")
    with pytest.raises(ValueError, match="refused 4 tokens"):
        _extract(ExtractionRunner(refusing, concurrency=1, timeout_s=30), "Talks went on.")
    with pytest.raises(RuntimeError, match="_UnpicklableError: an error that cannot cross a pipe"):
        _extract(ExtractionRunner(refusing, concurrency=1, timeout_s=30), "unpicklable text")


def test_a_job_sent_before_the_runner_starts_waits_for_it(nlp: Language) -> None:
    runner = ExtractionRunner(nlp, concurrency=1, timeout_s=60, start=False)
    starting = threading.Timer(0.5, runner.start)
    starting.start()
    try:
        assert _extract(runner, TEXT) == extract_text(nlp, TEXT).model_dump_json().encode()
    finally:
        starting.join()


def test_a_job_sent_to_a_runner_never_started_times_out(nlp: Language) -> None:
    runner = ExtractionRunner(nlp, concurrency=1, timeout_s=0.5, start=False)
    with pytest.raises(ExtractionTimeoutError):
        _extract(runner, TEXT)
