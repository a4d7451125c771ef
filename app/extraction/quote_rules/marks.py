"""Quotation-mark scanning: the quoted stretches of an article body, robust to bad marks.

Marks are paired paragraph by paragraph, so a stray or missing mark can cost at most the
quote it belongs to, never the rest of the article. The one exception is the news
convention for quotes that run over several paragraphs: no closing mark until the last
paragraph, and an opening mark at the start of each continuing paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from functools import cached_property


class Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


@dataclass(frozen=True)
class MarkSet:
    """The glyphs of one family of quotation marks and the role each one suggests."""

    opening: str
    closing: str
    ambiguous: str

    @cached_property
    def glyphs(self) -> str:
        return self.opening + self.closing + self.ambiguous

    @cached_property
    def finder(self) -> re.Pattern[str]:
        """Any one of the glyphs: a regex scan skips the text between marks in C."""
        return re.compile(f"[{re.escape(self.glyphs)}]")


DOUBLE = MarkSet(opening="“„«", closing="”»", ambiguous='"')
# Single marks carry quotes in some outlets' house style; the straight `'` is left out,
# being far more often an apostrophe than a quotation mark.
SINGLE = MarkSet(opening="‘", closing="’", ambiguous="")

# Characters after which a mark opens a quote, and before which it closes one.
_BEFORE_OPENING = "([{—–-/"
_AFTER_CLOSING = ".,;:!?)]}—–-…"


@dataclass(frozen=True)
class Stretch:
    """The quoted words, one character range of the body per paragraph they run over,
    each without the marks, the spaces inside them (`« Oui »`) or the comma that hands
    over to the attribution (`"We will win," she said`)."""

    segments: tuple[tuple[int, int], ...]
    closed: bool = True
    # For a quote whose closing mark never came: whether its opening mark starts a
    # paragraph, and whether another opening mark, not the paragraph's end, ended it.
    opens_paragraph: bool = False
    reopened: bool = False

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    def text(self, body: str) -> str:
        return " ".join(body[start:end] for start, end in self.segments)


def trimmed(body: str, start: int, end: int, *, last: bool = True) -> tuple[int, int]:
    """The range without surrounding spaces and, at the end of a quote, its handing-over
    comma."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or (last and body[end - 1] == ",")):
        end -= 1
    return start, end


def _trim(body: str, stretch: Stretch) -> Stretch:
    last = len(stretch.segments) - 1
    segments = tuple(
        trimmed(body, a, b, last=i == last) for i, (a, b) in enumerate(stretch.segments)
    )
    return replace(stretch, segments=segments)


@dataclass(frozen=True)
class _Mark:
    position: int
    role: Role
    glyph: str


@dataclass
class _Open:
    """A quote opened and not yet closed: the paragraphs it has run over so far."""

    segments: list[tuple[int, int]]
    starts_paragraph: bool
    glyph: str


def _role(text: str, i: int, marks: MarkSet) -> Role:
    """Open or close, from the characters around the mark, else from its glyph."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before.isspace() or before in _BEFORE_OPENING or before in marks.glyphs
    closes = after.isspace() or after in _AFTER_CLOSING or after in marks.glyphs
    if opens and not closes:
        return Role.OPEN
    if closes and not opens:
        return Role.CLOSE
    if text[i] in marks.opening:
        return Role.OPEN
    if text[i] in marks.closing:
        return Role.CLOSE
    return Role.EITHER


def _marks(text: str, marks: MarkSet) -> Iterator[_Mark]:
    for found in marks.finder.finditer(text):
        i, char = found.start(), found.group()
        # A closing single mark between letters is an apostrophe (`don’t`).
        if char in SINGLE.closing and 0 < i < len(text) - 1 and text[i + 1].isalpha():
            continue
        yield _Mark(i, _role(text, i, marks), char)


def _has_words(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _at_start(text: str, i: int) -> bool:
    """Whether only spaces and markdown emphasis stand before position i."""
    return not text[:i].strip(" \t*_")


def _continues(carried: _Open, mark: _Mark, text: str) -> bool:
    """Whether a paragraph's first mark carries on the quote left open before it: an
    opening mark of the same glyph starting the paragraph. A closing mark further on
    does not: the words before it are the narrator's, the mark a stray."""
    opening = mark.role is not Role.CLOSE and mark.glyph == carried.glyph
    return opening and _at_start(text, mark.position)


def _scan_paragraph(
    text: str, offset: int, carried: _Open | None, marks: MarkSet
) -> tuple[list[Stretch], _Open | None]:
    """Pair the marks of one paragraph; return its stretches and a quote left open."""
    stretches: list[Stretch] = []
    current: _Open | None = None
    segment_start = 0
    for index, mark in enumerate(_marks(text, marks)):
        if carried is not None and index == 0 and _continues(carried, mark, text):
            # The quote from the previous paragraph goes on in this one.
            current, segment_start = carried, mark.position + 1
            carried = None
            continue
        opens = mark.role is Role.OPEN or (mark.role is Role.EITHER and current is None)
        if opens:
            if current is not None and current.glyph == mark.glyph:
                # A second opening mark like the first: the quote before it lost its
                # closing mark. (One of another glyph may open a quote inside a quote;
                # the first is dropped as stray.)
                current.segments.append((offset + segment_start, offset + mark.position))
                stretches.extend(_unclosed(current, reopened=True))
            current = _Open([], _at_start(text, mark.position), mark.glyph)
            segment_start = mark.position + 1
            continue
        if current is None:
            continue  # a closing mark with nothing open: stray
        current.segments.append((offset + segment_start, offset + mark.position))
        if _has_words(text[segment_start : mark.position]) or len(current.segments) > 1:
            stretches.append(Stretch(tuple(current.segments)))
        current = None
    if carried is not None:
        stretches.extend(_unclosed(carried))
    if current is None:
        return stretches, None
    current.segments.append((offset + segment_start, offset + len(text.rstrip())))
    return stretches, current


def _unclosed(quote: _Open, *, reopened: bool = False) -> list[Stretch]:
    """A quote whose closing mark never came, to the end of the last paragraph it ran
    over or to the next opening mark; the attribution decides where it really ends
    (`unclosed.mend`)."""
    segments = tuple(quote.segments)
    return [Stretch(segments, False, opens_paragraph=quote.starts_paragraph, reopened=reopened)]


def quoted_stretches(
    body: str, paragraphs: Sequence[tuple[int, int]], marks: MarkSet = DOUBLE
) -> list[Stretch]:
    """Every quoted stretch of the body, in reading order; `paragraphs` are (start, end)."""
    stretches: list[Stretch] = []
    carried: _Open | None = None
    for start, end in paragraphs:
        found, carried = _scan_paragraph(body[start:end], start, carried, marks)
        stretches.extend(found)
    if carried is not None:
        stretches.extend(_unclosed(carried))
    return [_trim(body, s) for s in stretches if any(_has_words(body[a:b]) for a, b in s.segments)]


def all_quoted_stretches(body: str, paragraphs: Sequence[tuple[int, int]]) -> list[Stretch]:
    """Double-mark quotes, and single-mark quotes in paragraphs that have no double marks."""
    double = quoted_stretches(body, paragraphs)
    plain = [(a, b) for a, b in paragraphs if not DOUBLE.finder.search(body, a, b)]
    single = [s for s in quoted_stretches(body, plain, SINGLE) if len(s.segments) == 1]
    return sorted(double + single, key=lambda s: s.start)
