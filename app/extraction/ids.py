"""Stable, URL-safe ids for facts: the same text always gives the same ids."""

from __future__ import annotations

import re

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,99}$"


def slug(text: str, max_length: int = 60) -> str:
    """Lower-case words joined by `-`, cut after the last whole word that fits (a single
    word longer than `max_length` is cut inside)."""
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(value) <= max_length:
        return value
    words = value[: max_length + 1].rsplit("-", 1)[0]
    return words if len(words) <= max_length else value[:max_length]


class IdAllocator:
    """Hands out `slug(text)`, then `slug(text)-2`, `-3` … for repeats."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def allocate(self, text: str) -> str:
        base = slug(text) or "x"  # text with no letter or digit still needs an id
        count = self._seen.get(base, 0) + 1
        self._seen[base] = count
        return base if count == 1 else f"{base}-{count}"


def sequence_id(prefix: str, index: int) -> str:
    """Ids of facts in reading order: `q1`, `q2` … (1-based)."""
    return f"{prefix}{index + 1}"
