"""Added articles served from memory: a cache bounded in bytes (NEWSFACTS_CACHE_MB), filled
from the archive on demand, so neither the start nor the memory grows with the archive.
Used from the event loop only (the cache is not thread-safe)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from cachetools import TTLCache

from app.api.responses import EncodedJson
from app.models import Facts
from app.storage import Archive, StoredFacts

# A parsed facts document holds about six times the bytes of its JSON (measured with
# tracemalloc on the shipped article's facts).
PARSED_BYTES_PER_JSON_BYTE = 6


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


class ArchivedFacts:
    """The facts of added articles by id: from memory when held, else from the archive.
    An entry lives `ttl_s` at most, so a delete made through another replica shows here
    within that time; the least recently used go first when memory runs out."""

    def __init__(self, archive: Archive, *, max_bytes: int, ttl_s: float) -> None:
        self.archive = archive
        self._cache: TTLCache[str, CachedFacts] = TTLCache(
            max_bytes, ttl_s, getsizeof=lambda entry: entry.size
        )

    def cached(self, article_id: str) -> CachedFacts | None:
        return self._cache.get(article_id)

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

    @property
    def bytes_held(self) -> float:
        return self._cache.currsize
