"""JSON responses for cached data: strong ETags, `304 Not Modified`, `Cache-Control`, and
documents encoded (and gzipped) once rather than on every request."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass, field

from fastapi import Request, Response
from pydantic import BaseModel

CACHE_CONTROL = "public, max-age=300, must-revalidate"
# Gzip at the middleware's level: a fair trade of CPU for size on the first encoding.
GZIP_LEVEL = 9
# Smaller bodies are sent as they are, as the gzip middleware does for other responses.
GZIP_MIN_BYTES = 1024


def etag_of(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


@dataclass(frozen=True)
class EncodedJson:
    """A JSON document in both representations, each with its own strong ETag."""

    body: bytes
    etag: str
    gzipped: bytes
    gzip_etag: str
    # The raw ASGI headers of a 200 by content encoding, the same for every request: kept
    # by the hot path (`app/api/hot_path.py`) with the document, so they go when it goes.
    raw_headers: dict[str | None, list[tuple[bytes, bytes]]] = field(
        default_factory=dict, compare=False, repr=False
    )

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


def _json_representation(
    body: bytes, accept_encoding: str, if_none_match: str | None
) -> tuple[int, dict[str, str], bytes]:
    """As `representation`, for a document encoded on request: it is only gzipped when the
    client accepts gzip, the body is large enough, and the client does not hold it yet."""
    compressible = len(body) >= GZIP_MIN_BYTES
    gzipped = compressible and "gzip" in accept_encoding.lower()
    headers = {"Cache-Control": CACHE_CONTROL}
    if gzipped or not compressible:
        # The gzip middleware adds `Vary` to the other bodies, which it could have compressed.
        headers["Vary"] = "Accept-Encoding"
    etag = etag_of(body)
    # Each representation has its own strong ETag, so no cache hands gzip to a plain client.
    headers["ETag"] = etag[:-1] + '-gzip"' if gzipped else etag
    if if_none_match is not None and _matches(if_none_match, headers["ETag"]):
        return 304, headers, b""
    headers["Content-Type"] = "application/json"
    if gzipped:
        headers["Content-Encoding"] = "gzip"
        body = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
    return 200, headers, body


def cached_json(request: Request, payload: BaseModel | EncodedJson) -> Response:
    """The payload as JSON, or an empty 304 when the client already holds this version."""
    accept_encoding = request.headers.get("accept-encoding", "")
    if_none_match = request.headers.get("if-none-match")
    if isinstance(payload, EncodedJson):
        status, headers, body = representation(payload, accept_encoding, if_none_match)
    else:
        status, headers, body = _json_representation(
            payload.model_dump_json().encode(), accept_encoding, if_none_match
        )
    return Response(body, status_code=status, headers=headers)
