"""What a rule may look at besides its match: the publication date and the parse around it."""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property

from spacy.tokens import Span

from app.extraction.document import ArticleDoc
from app.extraction.timex.calendar import Period
from app.extraction.timex.tense import clause_direction
from app.extraction.timex.timex import Reference
from app.models import Direction

# Prepositions that set what a verb tells at a date: `changed in December`.
_AT = frozenset({"in", "on", "during"})
_DEADLINE = re.compile(r"\b(?:until|till|by|through)\s+$", re.IGNORECASE)
# What a clause measures `since` has already happened, whatever its tense: `is up since Friday`.
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
# Terms of a deal or a dividend name a day still to come, whatever the tense of the report:
# `declared a dividend payable Dec. 15 to stock of record Nov. 17`, `effective Feb. 1`.
_TERMS = re.compile(r"\b(?:payable|effective|of\s+record)\s+(?:on\s+|as\s+of\s+)?$", re.I)


class Context:
    """One match in one article; the parse is only consulted when a rule asks for it."""

    def __init__(self, parsed: ArticleDoc, match: re.Match[str]) -> None:
        self.parsed = parsed
        self.match = match
        self.published: dt.date | None = parsed.article.published
        # Set in reading order, before the rule runs: the last date written, and the last
        # quarter or half-year, which a report goes on about (`the period`, `a year ago`).
        self.reference: Reference | None = None
        self.fiscal: Reference | None = None
        # The last date written out in full before the match (`spring 2025`), and where.
        self.written: tuple[int, Period] | None = None

    def written_before(self, in_paragraph: bool) -> Period | None:
        """The date last written out in full, when it stands in the match's sentence, or
        with `in_paragraph` anywhere before it in its paragraph."""
        if self.written is None:
            return None
        at, period = self.written
        if in_paragraph:
            start = self.parsed.article.paragraphs[self.parsed.paragraph_at(self.match.start())]
            return period if at >= start.start else None
        return period if at >= self.parsed.sentence_of(self.span.start).start_char else None

    def story_day(self) -> Reference | None:
        """The day the story last named (`On Oct. 23, …`), when it is told of in the match's
        sentence, or earlier in its paragraph by a clause in the past: a clock time with no
        day of its own (`shot at 10 p.m.`) falls on it."""
        reference = self.reference
        if reference is None or reference.period.grain != "day":
            return None
        if reference.at >= self.parsed.sentence_of(self.span.start).start_char:
            return reference
        paragraph = self.parsed.article.paragraphs[self.parsed.paragraph_at(self.match.start())]
        return reference if reference.at >= paragraph.start and self.tense == "past" else None

    @cached_property
    def span(self) -> Span:
        return self.parsed.span(*self.match.span())

    @cached_property
    def tense(self) -> Direction:
        if _TERMS.search(self.before(20)):
            return "future"
        if _SINCE.search(self.before(8)):
            return "past"
        direction = clause_direction(self.span)
        if direction == "past" and _DEADLINE.search(self.before(8)):
            return "same"  # `extended the offer until Tuesday`: a deadline may lie ahead
        return direction

    @cached_property
    def how(self) -> str:
        """The tense, or `done` for a date that hangs on a past verb directly.

        `changed in December`, `was shot on Oct. 23`: that happened, even when the day is
        near ahead; `set a deadline of Nov. 6`, `a cut in September` may lie ahead.
        """
        if self.tense != "past":
            return self.tense
        head = self.span.root.head
        verb = head.head
        told = verb.tag_ == "VBD" or any(
            child.dep_ in ("aux", "auxpass") and child.tag_ == "VBD" for child in verb.children
        )
        return "done" if head.dep_ == "prep" and head.lower_ in _AT and told else "past"

    def before(self, chars: int = 40) -> str:
        start = self.match.start()
        return self.match.string[max(start - chars, 0) : start]

    def after(self, chars: int = 40) -> str:
        end = self.match.end()
        return self.match.string[end : end + chars]
