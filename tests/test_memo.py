"""The in-memory cache of added articles: `fresh` reads agree with the cache itself."""

from __future__ import annotations

import time

from app.api.memo import ExpiringCache


def _cache(maxsize: float = 10, ttl: float = 60) -> ExpiringCache[str, str]:
    return ExpiringCache(maxsize, ttl, getsizeof=len)


def test_a_stored_entry_is_fresh_until_deleted() -> None:
    cache = _cache()
    cache["a"] = "xx"
    assert cache.fresh("a") == "xx"
    del cache["a"]
    assert cache.fresh("a") is None
    cache["b"] = "yy"
    cache.pop("b")
    assert cache.fresh("b") is None


def test_an_entry_evicted_for_room_is_no_longer_fresh() -> None:
    cache = _cache(maxsize=4)
    cache["a"] = "xx"
    cache["b"] = "yy"
    cache["c"] = "zz"  # no room for three: the least recently used goes
    assert "a" not in cache
    assert cache.fresh("a") is None
    assert cache.fresh("c") == "zz"


def test_an_entry_is_not_fresh_past_its_time_to_live() -> None:
    cache = _cache(ttl=0.05)
    cache["a"] = "xx"
    time.sleep(0.1)
    assert cache.fresh("a") is None
    cache["b"] = "yy"  # the cache drops what expired as it stores
    assert cache.fresh("b") == "yy"
    assert "a" not in cache


def test_a_replaced_entry_reads_its_new_value() -> None:
    cache = _cache()
    cache["a"] = "xx"
    cache["a"] = "yyy"
    assert cache.fresh("a") == "yyy"
    cache.clear()
    assert cache.fresh("a") is None
