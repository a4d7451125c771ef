"""Extraction time grows linearly with the text: a long article must not take quadratic time."""

from __future__ import annotations

import time

from tests.conftest import Extract

PARAGRAPH = (
    '"We will not give up," the mayor, Anna Berg, told reporters on Monday. '
    "Officials said last week that the talks would resume next month, according to a report."
)


def _seconds(extract: Extract, paragraphs: int) -> float:
    text = "\n\n".join([PARAGRAPH] * paragraphs)
    started = time.process_time()  # CPU time: steadier than wall time on a busy machine
    extract(text)
    return time.process_time() - started


def test_extraction_time_is_linear_in_the_text(extract: Extract) -> None:
    _seconds(extract, 10)  # warm caches
    short = min(_seconds(extract, 40) for _ in range(2))
    long = min(_seconds(extract, 320) for _ in range(2))
    # 8x the text; spaCy itself is linear, so allow 8x plus noise, far below 64x (quadratic).
    assert long < short * 14, (
        f"{long:.2f}s for 8x the text of {short:.2f}s: something walks the whole Doc per fact. "
        "Use ArticleDoc.text and ArticleDoc.sentence_of(i), not Doc.text or Token.sent/Span.sent "
        "(spaCy rebuilds both by a scan of the Doc on every call)."
    )
