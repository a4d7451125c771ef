"""The shipped articles: parsed and extracted once at startup, then served from memory."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from app.extraction.article import parse_article
from app.extraction.pipeline import extract_facts
from app.models import ArticleSummary, Facts

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
    def load(cls, data_dir: Path, nlp: Language) -> ArticleStore:
        store = cls()
        if not data_dir.is_dir():
            store.failures.append(LoadFailure(str(data_dir), "the data folder does not exist"))
            logger.error("data folder %s does not exist", data_dir)
            return store
        for path in sorted(p for p in data_dir.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES):
            store._add(path, nlp)
        return store

    def _add(self, path: Path, nlp: Language) -> None:
        try:
            article = parse_article(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            self._fail(path, f"unreadable: {error}")
            return
        if not article.body:
            self._fail(path, "no body text")
            return
        if article.id in self.facts:
            self._fail(path, f"duplicate article id {article.id!r}")
            return
        self.facts[article.id] = extract_facts(article, nlp)
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
