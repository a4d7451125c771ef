"""Added articles served from memory: a cache bounded in bytes (NEWSFACTS_CACHE_MB), filled
from the archive on demand, so neither the start nor the memory grows with the archive.
Used from the event loop only (the cache is not thread-safe). Questions across articles
are asked here too, on threads of their own."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Awaitable, Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Connection

from app.api.memo import ExpiringCache
from app.api.responses import EncodedJson
from app.models import Facts
from app.settings import usable_cpus
from app.storage import Archive, StoredFacts

Answer = TypeVar("Answer")

# A parsed facts document holds about six times the bytes of its JSON (measured with
# tracemalloc on the shipped article's facts).
PARSED_BYTES_PER_JSON_BYTE = 6


def _yield_cpu(niceness: int) -> None:
    if niceness:
        with contextlib.suppress(OSError):
            os.nice(niceness)  # this thread only (Linux)


@dataclass(frozen=True)
class CachedFacts:
    facts: Facts
    encoded: EncodedJson

    @classmethod
    def of(cls, stored: StoredFacts) -> CachedFacts:
        return cls(stored.facts, EncodedJson.of_parts(stored.json, stored.gzipped))

    @property
    def size(self) -> int:
        body = len(self.encoded.body)
        return body * (1 + PARSED_BYTES_PER_JSON_BYTE) + len(self.encoded.gzipped)


Added = tuple[CachedFacts, bool]  # the article, and whether this call created it


def _settle(task: asyncio.Future[Added]) -> None:
    """Mark the outcome as seen: its requests may all have gone (their clients hung up)."""
    if not task.cancelled():
        task.exception()


class ArchivedFacts:
    """The facts of added articles by id: from memory when held, else from the archive.
    An entry lives `ttl_s` at most, so a delete made through another replica shows here
    within that time; the least recently used go first when memory runs out."""

    def __init__(
        self, archive: Archive, *, max_bytes: int, ttl_s: float, question_niceness: int = 0
    ) -> None:
        self.archive = archive
        # Questions across articles run Python (rows to models to JSON) and, on SQLite, the
        # query itself in this process: on threads of the default pool they take the GIL and
        # the core from the event loop, and `/facts` from memory slows down by half while a
        # few clients ask (bench row 15). On Linux a thread's niceness is its own, so these
        # threads yield the CPU to the event loop and to the other reads; alone they run as
        # fast as before. Sized like asyncio's default pool.
        self._questions = ThreadPoolExecutor(
            max_workers=min(32, usable_cpus() + 4),
            thread_name_prefix="questions",
            initializer=_yield_cpu,
            initargs=(question_niceness,),
        )
        self._cache: ExpiringCache[str, CachedFacts] = ExpiringCache(
            max_bytes, ttl_s, getsizeof=lambda entry: entry.size
        )
        self._adding: dict[str, asyncio.Future[Added]] = {}

    async def add(
        self, key: str, extract: Callable[[], Awaitable[Facts]], reserved: Collection[str]
    ) -> Added:
        """The article added with this content key: found in the archive, or extracted and
        stored. Requests for content that is being added wait for that addition rather
        than extracting it again (clients retrying, or racing each other)."""
        running = self._adding.get(key)
        if running is not None:
            entry, _ = await asyncio.shield(running)
            return entry, False
        task = asyncio.ensure_future(self._add(key, extract, reserved))
        self._adding[key] = task
        task.add_done_callback(lambda _: self._adding.pop(key, None))
        task.add_done_callback(_settle)
        # Shielded: a client that hangs up does not cancel an addition others may wait on.
        return await asyncio.shield(task)

    async def _add(
        self, key: str, extract: Callable[[], Awaitable[Facts]], reserved: Collection[str]
    ) -> Added:
        known = await asyncio.to_thread(self.archive.find, key)
        if known is not None and (entry := await self.get(known)) is not None:
            return entry, False
        facts = await extract()
        added = await asyncio.to_thread(self.archive.add, facts, key, reserved)
        return self.keep(added.stored), added.created

    def cached(self, article_id: str) -> CachedFacts | None:
        """The entry in memory, if any, at the cost of a dict look-up (the hot path's)."""
        return self._cache.fresh(article_id)

    async def get(self, article_id: str) -> CachedFacts | None:
        """Raises ArchiveUnavailableError when it must read the archive and cannot."""
        if (entry := self._cache.get(article_id)) is not None:
            return entry
        stored = await asyncio.to_thread(self.archive.load, article_id)
        return self.keep(stored) if stored is not None else None

    def keep(self, stored: StoredFacts) -> CachedFacts:
        entry = CachedFacts.of(stored)
        if entry.size <= self._cache.maxsize:
            self._cache[stored.article_id] = entry
        return entry

    def forget(self, article_id: str) -> None:
        self._cache.pop(article_id, None)

    async def ask(self, question: Callable[[Connection], Answer]) -> Answer:
        """A read-only question to the archive (a function of a connection), answered on a
        thread that yields the CPU (`question_niceness`)."""
        return await asyncio.get_running_loop().run_in_executor(
            self._questions, self.archive.read, question
        )

    def close(self) -> None:
        self._questions.shutdown(wait=False, cancel_futures=True)
        self.archive.close()

    @property
    def bytes_held(self) -> float:
        return self._cache.currsize
