"""The facts cache: a restart reuses facts, and any change to the text misses the cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from spacy.language import Language

import app.store
from app.facts_cache import FactsCache
from app.store import ArticleStore
from tests.conftest import SHIPPED_ARTICLE


def test_a_second_load_reuses_the_facts(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(SHIPPED_ARTICLE, data / SHIPPED_ARTICLE.name)
    cache = FactsCache(tmp_path / "cache", nlp)
    first = ArticleStore.load(data, nlp, cache)
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1

    def no_pipeline(*args: object) -> None:
        raise AssertionError("the pipeline ran although the cache holds the facts")

    monkeypatch.setattr(app.store, "extract_facts", no_pipeline)
    second = ArticleStore.load(data, nlp, cache)
    assert second.facts == first.facts


def test_changed_text_and_broken_entries_miss(tmp_path: Path, nlp: Language) -> None:
    cache = FactsCache(tmp_path, nlp)
    store = ArticleStore.load(SHIPPED_ARTICLE.parent, nlp, cache)
    facts = next(iter(store.facts.values()))
    text = SHIPPED_ARTICLE.read_text(encoding="utf-8")
    assert cache.get(text) == facts
    assert cache.get(text + " ") is None
    for entry in tmp_path.glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert cache.get(text) is None


def test_an_unwritable_cache_still_loads(tmp_path: Path, nlp: Language) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    store = ArticleStore.load(SHIPPED_ARTICLE.parent, nlp, FactsCache(blocker / "sub", nlp))
    assert len(store.facts) == 1
