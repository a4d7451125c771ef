"""Dates: temporal expressions with TIMEX3 values resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Final

from spacy.tokens import Span, Token

from app.extraction.document import ArticleDoc
from app.extraction.ids import sequence_id
from app.extraction.regex_gate import first_character_gated
from app.extraction.timex import lexicon as lx
from app.extraction.timex.calendar import Period
from app.extraction.timex.common import FISCAL_GRAINS
from app.extraction.timex.context import Context
from app.extraction.timex.named import HOLIDAYS
from app.extraction.timex.rules import RULES
from app.extraction.timex.timex import PUBLICATION, Reference, Timex
from app.models import DateMention, Interval

# Words before an expression that qualify it and belong to its text: `more than 70 years`.
_DURATION_MODIFIERS: Final = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "longer than": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "less than": "LESS_THAN", "under": "LESS_THAN",
    "fewer than": "LESS_THAN", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "just over": "MORE_THAN", "just under": "LESS_THAN", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "about": "APPROX", "around": "APPROX", "some": "APPROX",
    "roughly": "APPROX", "approximately": "APPROX",
}  # fmt: skip
_POINT_MODIFIERS: Final = {
    "early": "START", "earlier": "START", "the early": "START", "late": "END", "later": "END",
    "the late": "END", "mid": "MID", "the mid": "MID", "the middle of": "MID",
    "the beginning of": "START", "the start of": "START", "the end of": "END",
    "the close of": "END", "the turn of": "START", "the first half of": "START",
    "the second half of": "END", "the last half of": "END", "about": "APPROX",
    "around": "APPROX", "the first week of": "START", "the first days of": "START",
    "the last week of": "END", "the final week of": "END", "the last days of": "END",
    "the final days of": "END", "the final months of": "END", "the last months of": "END",
    "the early hours of": "START",
}  # fmt: skip
# Prepositions stay out of the text but still say which side of the date is meant.
_PREPOSITION_MODIFIERS: Final = {
    "since": "ON_OR_AFTER", "after": "AFTER", "before": "BEFORE", "until": "ON_OR_BEFORE",
    "till": "ON_OR_BEFORE", "by": "ON_OR_BEFORE",
}  # fmt: skip


def _trailing(words: dict[str, str], joiner: str = r"[-\s]+") -> re.Pattern[str]:
    keys = sorted(words, key=len, reverse=True)
    alternatives = "|".join(key.replace(" ", r"\s+") for key in keys)
    return re.compile(rf"(?<!\w)(?P<mod>{alternatives}){joiner}$", re.IGNORECASE)


_DURATION_PREFIX: Final = _trailing(_DURATION_MODIFIERS)
_POINT_PREFIX: Final = _trailing(_POINT_MODIFIERS)
_PREPOSITION_PREFIX: Final = _trailing(_PREPOSITION_MODIFIERS, r"\s+")
_LOOKBACK: Final = 24  # the longest modifier, `the final months of `, and some room
_REFERENCE_GRAINS: Final = frozenset({"day", "weekend", "week", "month", "quarter", "half", "year"})
# A third of the period, for `early`, `mid` and `late`.
_THIRDS: Final = {"START": (0, 1), "MID": (1, 2), "END": (2, 3)}


# Words written with a capital wherever they stand; any other temporal word capitalised inside
# a sentence is part of a name: ABC's "This Week", "VOA Today", CBS's "60 Minutes".
_PROPER_WORDS: Final = (
    frozenset(lx.MONTHS) | frozenset(lx.WEEKDAYS) | frozenset(lx.SEASONS)
    | {word for name in HOLIDAYS for word in re.findall(r"[a-z]+", name)}
    | {"century"}  # `the 20th Century`; the rule declines `20th Century Fox`
)  # fmt: skip


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    timex: Timex
    rule: str = ""


# The rules' patterns, each behind a lookahead on what its matches open with: scanning the
# text with every rule was a quarter of the rules' time.
_SCANNERS: Final = [first_character_gated(rule.pattern) for rule in RULES]


def _candidates(parsed: ArticleDoc) -> Iterator[tuple[int, int, int, Context]]:
    """Every match of every rule, as (start, end, rule index, context)."""
    text = parsed.text
    for index, scanner in enumerate(_SCANNERS):
        for match in scanner.finditer(text):
            yield match.start(), match.end(), index, Context(parsed, match)


def _resolved(index: int, context: Context) -> Timex | None:
    """What rule `index` makes of its match. One counted past year 1 or 9999 (`10,000 years
    ago`, `tomorrow` on 9999-12-31) is kept unresolved, as with no date to count from."""
    try:
        return RULES[index].handler(context.match, context)
    except OverflowError:
        pass
    except ValueError as error:  # `year 10000 is out of range`; not a day that does not exist
        if "out of range" not in str(error):
            return None
    context.published, context.reference, context.fiscal = None, None, None
    try:
        return RULES[index].handler(context.match, context)
    except (OverflowError, ValueError):
        return None


def _select(parsed: ArticleDoc) -> list[Found]:
    """Leftmost-longest matches that do not overlap; a rule may decline its match."""
    ordered = sorted(_candidates(parsed), key=lambda item: (item[0], item[0] - item[1], item[2]))
    found: list[Found] = []
    reference: Reference | None = None
    fiscal: Reference | None = None
    written: tuple[int, Period] | None = None
    for start, end, index, context in ordered:
        if found and start < found[-1].end:
            continue
        context.reference, context.fiscal, context.written = reference, fiscal, written
        timex = _resolved(index, context)
        if timex is None or _in_a_name(context):
            continue
        found.append(Found(start, end, timex, RULES[index].name))
        if timex.period is not None and timex.anchor is None and timex.value is not None:
            written = (start, timex.period)
        if _can_be_referred_to(timex):
            assert timex.period is not None
            reference = Reference(sequence_id("d", len(found) - 1), timex.period, start)
            if (
                timex.period.grain in FISCAL_GRAINS
                and _reported(timex.period, context)
                and not _in_passing(timex.period, fiscal, context)
            ):
                fiscal = reference
        elif (so_far := _year_so_far(context)) is not None:
            fiscal = Reference(sequence_id("d", len(found) - 1), so_far)
    return found


def _reported(period: Period, context: Context) -> bool:
    """A quarter or half whose results may be compared with `a year ago`: one over by the
    publication or told in the past (`earned $3 million in the fourth quarter ended Aug. 26`),
    not one under way or ahead (`analysts see losses in the fourth quarter`)."""
    published = context.published
    return published is None or period.end <= published or context.tense == "past"


# `a flat second quarter`, `a weak first half`: described in passing, not the one reported.
_INDEFINITE: Final = re.compile(r"\b(?:a|an)\s+(?:[a-z]+[-\s]+){0,2}$", re.IGNORECASE)


def _in_passing(period: Period, fiscal: Reference | None, context: Context) -> bool:
    """`Net rose in the third quarter. After a flat second quarter, …`: a quarter before the
    one the report is of, named with an indefinite article, is recalled in passing; `the
    year-earlier period` that follows still goes on about the report's own quarter."""
    return (
        fiscal is not None
        and period.end <= fiscal.period.start
        and _INDEFINITE.search(context.before(30)) is not None
    )


# `the nine months`, `the first six months`: results for the year so far, which a report then
# compares with `a year earlier` (the year before, not the quarter).
_MONTHS_SO_FAR: Final = re.compile(
    r"the\s+(?:first\s+|latest\s+)?(?:six|nine|\d)\s+months", re.IGNORECASE
)


def _year_so_far(context: Context) -> Period | None:
    published = context.published
    if published is None or not _MONTHS_SO_FAR.fullmatch(context.match.group(0)):
        return None
    return Period.containing("year", published - dt.timedelta(days=31))


def _opens_a_sentence(token: Token, sentence_start: int) -> bool:
    """First word of its sentence, or after an abbreviation that may have ended one (`p.m.`)."""
    if token.i > sentence_start and token.doc[token.i - 1].text.endswith("."):
        return True
    return all(not before.is_alpha for before in token.doc[sentence_start : token.i])


def _in_a_name(context: Context) -> bool:
    # `ArticleDoc.sentence_of`, not `Token.sent`, which walks the document each time.
    sentence_start = context.parsed.sentence_of(context.span.start).start
    for token in context.span:
        word = token.text.rstrip(".")
        opens_sentence = _opens_a_sentence(token, sentence_start)
        capitalised = word[:1].isupper() and word[1:].islower()
        if capitalised and word.lower() not in _PROPER_WORDS and not opens_sentence:
            return True
    return False


def _can_be_referred_to(timex: Timex) -> bool:
    """A date a later `that day` or `a year earlier` may count from.

    Only dates written out or counted from the publication: one counted from the story's
    time (`a year earlier`) is a comparison, and the story's time stays where it was.
    """
    period = timex.period
    return (
        timex.value is not None
        and timex.anchor in (None, PUBLICATION)
        and period is not None
        and period.grain in _REFERENCE_GRAINS
    )


def _qualified(found: Found, text: str, floor: int) -> Found:
    """Take in a modifier written before the expression (`more than`, `early`, `since`)."""
    window = text[max(found.start - _LOOKBACK, floor) : found.start]
    prefix = _DURATION_PREFIX if found.timex.type == "duration" else _POINT_PREFIX
    # `over the past decade` is during it: only a bare count is qualified, `over 70 years`.
    determined = prefix is _DURATION_PREFIX and text[found.start : found.end].lower().startswith(
        "the "
    )
    if found.timex.type != "set" and not determined and (match := prefix.search(window)):
        mods = _DURATION_MODIFIERS if prefix is _DURATION_PREFIX else _POINT_MODIFIERS
        mod = mods[re.sub(r"\s+", " ", match.group("mod").lower())]
        start = found.start - (len(window) - match.start())
        return replace(found, start=start, timex=found.timex.with_mod(mod))
    if found.timex.type == "date" and (match := _PREPOSITION_PREFIX.search(window)):
        mod = _PREPOSITION_MODIFIERS[match.group("mod").lower()]
        return replace(found, timex=found.timex.with_mod(mod))
    return found


def _interval(timex: Timex) -> Interval | None:
    period = timex.period
    if period is None or timex.type not in ("date", "time"):
        return None
    try:
        start, end = period.start, period.end
    except OverflowError:  # a period of year 9999 ends past the calendar
        return None
    if timex.mod in _THIRDS and (end - start).days >= 3:
        first, last = _THIRDS[timex.mod]
        days = (end - start).days
        start, end = (start + dt.timedelta(days=days * first // 3),
                      start + dt.timedelta(days=days * last // 3))  # fmt: skip
    return Interval(start=start, end=end)


def _mention(parsed: ArticleDoc, found: Found, index: int) -> DateMention:
    timex = found.timex
    return DateMention(
        id=sequence_id("d", index),
        text=parsed.text[found.start : found.end],
        type=timex.type,
        value=timex.value,
        mod=timex.mod,
        quant=timex.quant,
        granularity=timex.granularity,
        interval=_interval(timex),
        anchor=timex.anchor,
        direction=timex.direction,
        **parsed.locate(found.start, found.end).as_fields(),
    )


def _claim_holidays(parsed: ArticleDoc, found: list[Found]) -> None:
    """Label the holidays read as dates `DATE` in the parse, where the model took one for a
    name (`Easter` as a place): the actors, read from the parse's entities, leave them.

    The holiday rule declines a name it only begins (`Easter Island`), so an entity across a
    holiday read as a date is the model's mistake (`Easter, Pope`) and gives way.
    """
    doc = parsed.doc
    holidays = [parsed.span(f.start, f.end) for f in found if f.rule == "holiday"]
    if not holidays:
        return
    kept = [e for e in doc.ents if not any(e.start < h.end and h.start < e.end for h in holidays)]
    doc.ents = kept + [Span(doc, h.start, h.end, label="DATE") for h in holidays]


def extract_dates(parsed: ArticleDoc) -> list[DateMention]:
    """The article's temporal expressions; holidays are also claimed in the parse (see
    `_claim_holidays`), so extract dates before actors."""
    text = parsed.text
    qualified: list[Found] = []
    for found in _select(parsed):
        floor = qualified[-1].end if qualified else 0
        qualified.append(_qualified(found, text, floor))
    _claim_holidays(parsed, qualified)
    return [_mention(parsed, found, index) for index, found in enumerate(qualified)]
