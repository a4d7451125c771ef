"""Runs extractions off the event loop, with a bound on waiting work and a time limit."""

from __future__ import annotations

import asyncio
import datetime as dt
from concurrent.futures import ThreadPoolExecutor

from spacy.language import Language

from app.extraction.pipeline import extract_text
from app.models import Facts


class ExtractionBusyError(Exception):
    """Too many extractions are waiting already."""


class ExtractionTimeoutError(Exception):
    """An extraction ran past its time limit."""


class ExtractionRunner:
    def __init__(self, nlp: Language, *, concurrency: int, timeout_s: float) -> None:
        self._nlp = nlp
        self._executor = ThreadPoolExecutor(concurrency, thread_name_prefix="extract")
        self._max_pending = concurrency * 4
        self._pending = 0
        self._timeout_s = timeout_s

    async def extract(self, text: str, *, title: str | None, published: dt.date | None) -> Facts:
        if self._pending >= self._max_pending:
            raise ExtractionBusyError
        self._pending += 1
        try:
            loop = asyncio.get_running_loop()
            job = loop.run_in_executor(
                self._executor,
                lambda: extract_text(self._nlp, text, title=title, published=published),
            )
            return await asyncio.wait_for(job, self._timeout_s)
        except TimeoutError as error:
            raise ExtractionTimeoutError from error
        finally:
            self._pending -= 1

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
