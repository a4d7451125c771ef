"""The FastAPI application: routes, error handling, middleware and startup."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi_offline import FastAPIOffline

from app.api.access_log import AccessLogMiddleware, AccessLogWriter
from app.api.archived import ArchivedFacts
from app.api.deps import Runtime
from app.api.extract_input import document_request_schemas
from app.api.hot_path import FactsHotPathMiddleware
from app.api.middleware import BodyLimitMiddleware, HeadAsGetMiddleware
from app.api.problems import install_problem_handlers
from app.api.query import strict_query
from app.api.responses import GZIP_MIN_BYTES, EncodedJson
from app.api.routes import across, archive, articles, docs, extract, health
from app.extraction.pipeline import load_pipeline
from app.facts_cache import extraction_code_version
from app.logs import JsonFormatter
from app.models import Facts
from app.runner import ExtractionRunner
from app.settings import Settings, get_settings
from app.storage import Archive, ArchiveUnavailableError
from app.store import ArticleStore, facts_cache

logger = logging.getLogger("newsfacts")

DESCRIPTION = """
A news article and the facts extracted from it: **quotes** (who said what, to whom, when),
**actors** (people, organisations, places, with their roles) and **dates** (every temporal
expression, normalised against the publication date).

The shipped articles are extracted once at startup and served from memory;
`POST /v1/extract` extracts any English news article on request, and `POST /v1/articles`
adds one to the archive, where every read route serves it like a shipped one (writes need
a key: use **Authorize**). Errors are `application/problem+json` documents (RFC 9457).
"""


def _load(runtime: Runtime) -> None:
    settings = runtime.settings
    nlp = load_pipeline(settings.spacy_pipeline)
    runtime.nlp = nlp
    store = ArticleStore.load(settings.data_dir, nlp, facts_cache(settings, nlp))
    runtime.encoded_facts = {
        article_id: EncodedJson.of(facts.model_dump_json().encode())
        for article_id, facts in store.facts.items()
    }
    runtime.store = store
    runtime.runner = ExtractionRunner(
        nlp,
        concurrency=settings.extraction_concurrency,
        timeout_s=settings.extraction_timeout_s,
        niceness=settings.extraction_niceness,
        start=False,
    )
    runtime.archived = ArchivedFacts(
        _open_archive(settings, list(store.facts.values())),
        max_bytes=int(settings.cache_mb * 2**20),
        ttl_s=settings.cache_ttl_s,
        question_niceness=settings.question_niceness,
    )
    logger.info("ready: %d article(s) loaded", len(runtime.store.facts))
    # Not part of readiness: /readyz promises the pipeline and the shipped articles. The data
    # packages only delay extractions: a job sent meanwhile waits for the processes, as the
    # first job of each process would otherwise wait for its own packages.
    runtime.runner.start()


def _open_archive(settings: Settings, shipped: list[Facts]) -> Archive:
    archive = Archive(
        settings.archive_url, extraction_version=extraction_code_version(), shipped=shipped
    )
    try:
        archive.ping()  # brings the schema up to date and indexes the shipped articles
    except ArchiveUnavailableError as error:  # the shipped articles are served all the same
        logger.error("the archive is unreachable for now: %s", error)
    return archive


async def _start(runtime: Runtime) -> None:
    try:
        await asyncio.to_thread(_load, runtime)
    except Exception as error:  # the service stays up to report it on /readyz
        logger.exception("startup failed")
        runtime.startup_error = f"{type(error).__name__}: {error}"


@asynccontextmanager
async def _loaded(runtime: Runtime) -> AsyncIterator[None]:
    """Load beside the server, so /healthz answers while /readyz says 503; stop the runner."""
    loading = asyncio.create_task(_start(runtime))
    try:
        yield
    finally:
        loading.cancel()
        if runtime.runner is not None:
            runtime.runner.close()
        if runtime.archived is not None:
            runtime.archived.close()


def _configure_logging(level: str) -> None:
    """Our loggers' lines as JSON on stderr, unless the server's configuration (`log_config`)
    has already sent them there; warnings go through logging too, so they are JSON as well."""
    logging.captureWarnings(True)
    ours = logging.getLogger("newsfacts")
    ours.setLevel(level.upper())
    if not ours.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(JsonFormatter())
        ours.addHandler(handler)
        ours.propagate = False


def create_app(settings: Settings | None = None, *, runtime: Runtime | None = None) -> FastAPI:
    """The application; a `runtime` that is already loaded is served as it is."""
    runtime = runtime or Runtime(settings or get_settings())
    _configure_logging(runtime.settings.log_level)
    owns_runtime = not runtime.ready
    logs_requests = logging.getLogger("newsfacts").isEnabledFor(logging.INFO)
    access_log = AccessLogWriter() if logs_requests else None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            if owns_runtime:
                async with _loaded(runtime):
                    yield
            else:
                yield
        finally:
            if access_log is not None:
                access_log.close()

    app = FastAPIOffline(
        redoc_url=None,  # served by app.api.routes.docs, without its outside request
        dependencies=[Depends(strict_query)],
        title="newsfacts",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_tags=[
            {"name": "articles", "description": "The articles and their facts."},
            {"name": "archive", "description": "Add articles to the archive, delete them."},
            {
                "name": "across",
                "description": "Questions across every article: quotes, actors, timeline.",
            },
            {"name": "extraction", "description": "Facts of any article, on request."},
            {"name": "health", "description": "Probes for orchestrators."},
        ],
    )
    app.state.runtime = runtime
    install_problem_handlers(app)
    app.include_router(docs.router)
    app.include_router(health.router)
    app.include_router(articles.router)
    app.include_router(archive.router)
    app.include_router(across.router)
    app.include_router(extract.router)
    document_request_schemas(app)
    # Outermost last: access log, CORS (when allowed), the facts hot path (a GET of it passes
    # no other layer), HEAD, the body limit, then gzip for everything else.
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES)
    app.add_middleware(BodyLimitMiddleware, limit=runtime.settings.max_body_bytes)
    app.add_middleware(HeadAsGetMiddleware)
    app.add_middleware(FactsHotPathMiddleware, runtime=runtime)
    if runtime.settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=runtime.settings.cors_origins,
            allow_methods=["GET", "HEAD", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-None-Match", "X-Request-ID"],
            expose_headers=["ETag", "Location", "X-Request-ID", "Retry-After"],
        )
    app.add_middleware(AccessLogMiddleware, writer=access_log)
    return app
