"""The shipped articles: parsed and extracted once at startup, then served from memory."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from app.extraction.article import parse_article
from app.extraction.pipeline import extract_facts
from app.facts_cache import FactsCache
from app.models import ArticleSummary, Facts
from app.settings import Settings

ARTICLE_SUFFIXES = (".md", ".txt", ".markdown")

logger = logging.getLogger("newsfacts.store")


@dataclass(frozen=True)
class LoadFailure:
    file: str
    reason: str


@dataclass
class ArticleStore:
    """Facts of every article file in the data folder, keyed by article id."""

    facts: dict[str, Facts] = field(default_factory=dict)
    failures: list[LoadFailure] = field(default_factory=list)

    @classmethod
    def load(cls, data_dir: Path, nlp: Language, cache: FactsCache | None = None) -> ArticleStore:
        """Every article file of the folder; facts come from `cache` when it holds them."""
        store = cls()
        if not data_dir.is_dir():
            store.failures.append(LoadFailure(str(data_dir), "the data folder does not exist"))
            logger.error("data folder %s does not exist", data_dir)
            return store
        for path in sorted(p for p in data_dir.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES):
            store._add(path, nlp, cache)
        return store

    def _add(self, path: Path, nlp: Language, cache: FactsCache | None) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self._fail(path, f"unreadable: {error}")
            return
        cached = cache.get(text) if cache else None
        article = cached.article if cached else parse_article(text)
        if not article.body:
            self._fail(path, "no body text")
            return
        if article.id in self.facts:
            self._fail(path, f"duplicate article id {article.id!r}")
            return
        facts = cached or extract_facts(article, nlp)
        if cache and not cached:
            cache.put(text, facts)
        self.facts[article.id] = facts
        logger.info("loaded %s as %s", path.name, article.id)

    def _fail(self, path: Path, reason: str) -> None:
        self.failures.append(LoadFailure(path.name, reason))
        logger.error("skipped article file %s: %s", path.name, reason)

    def summaries(self) -> list[ArticleSummary]:
        return [
            ArticleSummary.model_validate(
                facts.article.model_dump(include=set(ArticleSummary.model_fields))
            )
            for facts in self.facts.values()
        ]


def facts_cache(settings: Settings, nlp: Language) -> FactsCache | None:
    return FactsCache(settings.cache_dir / "facts", nlp) if settings.facts_cache else None
