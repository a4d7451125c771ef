"""Checks that keep the extraction's cost linear in the text's length, and refuse what
is not prose.

spaCy's tokenizer strips the prefixes and suffixes of a token one character at a time,
matching its rules again on what is left: a long run of punctuation or symbols with no
space in it (20,000 commas, a line of emoji) costs time quadratic in the run's length.
No article holds such a run, nor a "word" thousands of characters long, nor a text made
mostly of symbols: those are refused, by a scan of the text that is itself linear, before
any model sees them.
"""

from __future__ import annotations

import re

# Longer than any ellipsis, `?!?!` or dash rule inside a paragraph (the lines made only of
# symbols, `* * *`, `-----`, are dropped by the article parser before this check); short
# enough that the tokenizer's cost on such a run stays below its cost on prose.
MAX_SYMBOL_RUN = 100
# Longer than any word or link a news article prints.
MAX_WORD_CHARS = 1000
# Prose is mostly letters and digits; below this share of the non-space characters the
# text is something else (a table of symbols, a string of emoji).
MIN_WORD_CHAR_SHARE = 0.5
# Characters; a short text costs little whatever it holds, and its share says little.
_SHARE_CHECKED_FROM = 1000

# Whole runs, each found once: `\S{1001,}` would rescan a run from each of its characters.
_SYMBOL_RUN = re.compile(r"[^\w\s]+")
_WORD_RUN = re.compile(r"\S+")
_WORD_CHAR = re.compile(r"\w")
_SPACE = re.compile(r"\s")


class UnreadableTextError(ValueError):
    """The text cannot be read as an English news article; `detail` says why."""

    def __init__(self, detail: str, language: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.language = language

    def __reduce__(self) -> tuple[type[UnreadableTextError], tuple[str, str | None]]:
        return (type(self), (self.detail, self.language))


class TextTooLongError(ValueError):
    """The article text is longer than the limit; `detail` says by how much."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def check_length(text: str, limit: int | None) -> None:
    if limit is not None and len(text) > limit:
        raise TextTooLongError(f"The text has {len(text)} characters; the limit is {limit}.")


def _first_longer(runs: re.Pattern[str], text: str, limit: int) -> re.Match[str] | None:
    return next((run for run in runs.finditer(text) if run.end() - run.start() > limit), None)


def _symbol_run_error(run: re.Match[str]) -> UnreadableTextError:
    return UnreadableTextError(
        f"The text is not prose: it has a run of {len(run.group(0))} punctuation or symbol "
        f"characters with no space at offset {run.start()} (at most {MAX_SYMBOL_RUN})."
    )


def check_words(text: str) -> None:
    """Raise `UnreadableTextError` for a "word" longer than any article has."""
    if word := _first_longer(_WORD_RUN, text, MAX_WORD_CHARS):
        if not _WORD_CHAR.search(word.group(0)):
            raise _symbol_run_error(word)
        raise UnreadableTextError(
            f"The text is not prose: it has a word of {len(word.group(0))} characters at offset "
            f"{word.start()} (at most {MAX_WORD_CHARS})."
        )


def check_prose(text: str) -> None:
    """Raise `UnreadableTextError` when the text is not prose that extracts in linear time."""
    if run := _first_longer(_SYMBOL_RUN, text, MAX_SYMBOL_RUN):
        raise _symbol_run_error(run)
    check_words(text)
    visible = len(text) - len(_SPACE.findall(text))
    if visible >= _SHARE_CHECKED_FROM:
        share = len(_WORD_CHAR.findall(text)) / visible
        if share < MIN_WORD_CHAR_SHARE:
            raise UnreadableTextError(
                f"The text is not prose: only {share:.0%} of its characters are letters or "
                f"digits (at least {MIN_WORD_CHAR_SHARE:.0%})."
            )
