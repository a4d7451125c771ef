"""JSON responses for cached data: strong ETags, `304 Not Modified`, `Cache-Control`, and
documents encoded (and gzipped) once rather than on every request."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass

from fastapi import Request, Response
from pydantic import BaseModel

CACHE_CONTROL = "public, max-age=300, must-revalidate"
# Gzip at the middleware's level: a fair trade of CPU for size on the first encoding.
GZIP_LEVEL = 9


def etag_of(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


@dataclass(frozen=True)
class EncodedJson:
    """A JSON document in both representations, each with its own strong ETag."""

    body: bytes
    etag: str
    gzipped: bytes
    gzip_etag: str

    @classmethod
    def of(cls, body: bytes) -> EncodedJson:
        return cls.of_parts(body, gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))

    @classmethod
    def of_parts(cls, body: bytes, gzipped: bytes) -> EncodedJson:
        """A document gzipped already (the archive keeps both)."""
        return cls(body, etag_of(body), gzipped, etag_of(gzipped))


def _matches(if_none_match: str, etag: str) -> bool:
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in candidates or etag in candidates


def representation(
    encoded: EncodedJson, accept_encoding: str, if_none_match: str | None
) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body answering a GET of an encoded document."""
    headers = {"Cache-Control": CACHE_CONTROL, "Vary": "Accept-Encoding"}
    if "gzip" in accept_encoding.lower():
        body, headers["ETag"] = encoded.gzipped, encoded.gzip_etag
        headers["Content-Encoding"] = "gzip"
    else:
        body, headers["ETag"] = encoded.body, encoded.etag
    if if_none_match is not None and _matches(if_none_match, headers["ETag"]):
        headers.pop("Content-Encoding", None)
        return 304, headers, b""
    headers["Content-Type"] = "application/json"
    return 200, headers, body


def cached_json(request: Request, payload: BaseModel | EncodedJson) -> Response:
    """The payload as JSON, or an empty 304 when the client already holds this version."""
    if isinstance(payload, EncodedJson):
        status, headers, body = representation(
            payload,
            request.headers.get("accept-encoding", ""),
            request.headers.get("if-none-match"),
        )
        return Response(body, status_code=status, headers=headers)
    body = payload.model_dump_json().encode()
    headers = {"Cache-Control": CACHE_CONTROL, "ETag": etag_of(body)}
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None and _matches(if_none_match, headers["ETag"]):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)
