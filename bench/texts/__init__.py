"""Original news-like articles written for the benchmark (plain text, first line a headline)."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def load_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(FOLDER.glob("*.txt"))]


def word_count(text: str) -> int:
    return len(text.split())
