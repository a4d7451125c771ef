"""Keys for the routes that write: `Authorization: Bearer <key>`, checked against
NEWSFACTS_API_KEYS. Reads need no key."""

from __future__ import annotations

import hashlib
import hmac
from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.api.deps import RuntimeDep
from app.api.problems import ProblemError

# `auto_error=False`: the answer without a key is ours (a problem document), and the scheme
# still puts an "Authorize" button in Swagger UI.
_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="apiKey",
    description="A key from NEWSFACTS_API_KEYS; `make run` sets `local-dev-key`.",
)
_CHALLENGE = 'Bearer realm="newsfacts"'


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode()).digest()


def key_matches(presented: str, keys: list[str]) -> bool:
    """Compare digests of equal length against every key, in constant time, so that the
    time taken tells nothing about a key's length, its prefix or which key matched."""
    candidate = _digest(presented)
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(candidate, _digest(key))
    return matched


async def require_write_key(
    runtime: RuntimeDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    if credentials is None:
        raise ProblemError(
            401,
            "Adding or deleting articles needs a key: send `Authorization: Bearer <key>`.",
            slug="key-required",
            headers={"WWW-Authenticate": _CHALLENGE},
        )
    keys = [key.get_secret_value() for key in runtime.settings.api_keys]
    if not keys:
        raise ProblemError(
            403,
            "This server takes no writes: no key is configured (NEWSFACTS_API_KEYS).",
            slug="writes-disabled",
        )
    if not key_matches(credentials.credentials, keys):
        raise ProblemError(
            403,
            "This key is not allowed to write.",
            slug="key-refused",
            headers={"WWW-Authenticate": f'{_CHALLENGE}, error="invalid_token"'},
        )


WriteKey = Depends(require_write_key)
