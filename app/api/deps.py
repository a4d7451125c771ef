"""Dependencies shared by the routes: the runtime state, the store, one article's facts
(shipped, or added and read through the archive's cache)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Path, Request
from spacy.language import Language

from app.api import examples
from app.api.archived import ArchivedFacts, CachedFacts
from app.api.problems import ProblemError
from app.api.responses import EncodedJson
from app.extraction.ids import ID_PATTERN
from app.models import Facts
from app.runner import ExtractionRunner
from app.settings import Settings
from app.storage import ArchiveUnavailableError
from app.store import ArticleStore

RETRY_LATER = {"Retry-After": "5"}


@dataclass
class Runtime:
    """What the service holds in memory; filled in by the startup task."""

    settings: Settings
    nlp: Language | None = None
    store: ArticleStore | None = None
    runner: ExtractionRunner | None = None
    archived: ArchivedFacts | None = None
    startup_error: str | None = None
    # The whole facts document is the hottest response: encoded once per shipped article.
    encoded_facts: dict[str, EncodedJson] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        return self.store is not None and self.runner is not None and self.archived is not None

    def cached_added(self, article_id: str) -> EncodedJson | None:
        """The document of an added article, when the cache holds it."""
        cached = self.archived.cached(article_id) if self.archived is not None else None
        return cached.encoded if cached is not None else None


async def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def _not_ready() -> ProblemError:
    return ProblemError(
        503, "The service is still loading its pipeline and articles.", headers=RETRY_LATER
    )


async def get_store(runtime: RuntimeDep) -> ArticleStore:
    if runtime.store is None:
        raise _not_ready()
    return runtime.store


async def get_runner(runtime: RuntimeDep) -> ExtractionRunner:
    if runtime.runner is None:
        raise _not_ready()
    return runtime.runner


async def get_archived(runtime: RuntimeDep) -> ArchivedFacts:
    if runtime.archived is None:
        raise _not_ready()
    return runtime.archived


StoreDep = Annotated[ArticleStore, Depends(get_store)]
RunnerDep = Annotated[ExtractionRunner, Depends(get_runner)]
ArchivedDep = Annotated[ArchivedFacts, Depends(get_archived)]


def archive_unavailable(error: ArchiveUnavailableError) -> ProblemError:
    return ProblemError(
        503,
        "The archive of added articles cannot be reached; the shipped articles are still "
        f"served. Retry shortly. ({error})",
        slug="archive-unavailable",
        headers=RETRY_LATER,
    )


ArticleId = Annotated[
    str,
    Path(
        pattern=ID_PATTERN,
        description="The article's id (a slug).",
        openapi_examples=examples.path_example(examples.ARTICLE_SUMMARY["id"]),
    ),
]


def _unknown_article(article_id: str) -> ProblemError:
    return ProblemError(404, f"No article with id {article_id!r}; GET /v1/articles lists them.")


async def _added(article_id: str, archived: ArchivedFacts) -> CachedFacts:
    try:
        added = await archived.get(article_id)
    except ArchiveUnavailableError as error:
        raise archive_unavailable(error) from error
    if added is None:
        raise _unknown_article(article_id)
    return added


async def get_facts(article_id: ArticleId, store: StoreDep, archived: ArchivedDep) -> Facts:
    facts = store.facts.get(article_id)
    if facts is None:
        return (await _added(article_id, archived)).facts
    return facts


async def get_encoded_facts(
    article_id: ArticleId, archived: ArchivedDep, runtime: RuntimeDep
) -> EncodedJson:
    encoded = runtime.encoded_facts.get(article_id)
    if encoded is None:
        return (await _added(article_id, archived)).encoded
    return encoded


FactsDep = Annotated[Facts, Depends(get_facts)]
EncodedFactsDep = Annotated[EncodedJson, Depends(get_encoded_facts)]
