"""Handlers for dates counted from a point: `Tuesday`, `last week`, `a year ago`, `that day`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Final

from app.extraction.timex import lexicon as lx
from app.extraction.timex.calendar import GRAINS, Grain, Period
from app.extraction.timex.common import (
    duration_value,
    grain_of,
    number,
    offset_of,
    parse_date,
    pick_by,
)
from app.extraction.timex.context import Context
from app.extraction.timex.named import day_of_year
from app.extraction.timex.patterns import DAY, DAY_WORD, MONTH, PART, WEEKDAY
from app.extraction.timex.spans import weekly_part
from app.extraction.timex.timex import Recurring, Timex, recurring, relative


def _weekday_recurring(name: str) -> Recurring:
    weekday = lx.WEEKDAYS[name.lower()]
    return Recurring(
        f"XXXX-WXX-{weekday + 1}",
        "week",
        lambda week: Period("day", week.start + dt.timedelta(days=weekday)),
    )


def _with_part(day: Timex, part: str | None) -> Timex:
    """`Friday afternoon` is a time: the day's value with TIMEX3's `TAF`."""
    if not part or day.value is None:
        return day
    code = lx.DAY_PARTS[part.lower()]
    return Timex("time", f"{day.value}T{code}", "time", day.period, day.mod, day.anchor,
                 day.direction)  # fmt: skip


_BEFORE_PLURAL_PART: Final = re.compile(rf"\s+and\s+{WEEKDAY}\s+(?P<part>{PART})s\b", re.I)


def weekday(match: re.Match[str], ctx: Context) -> Timex | None:
    """`Tuesday`, `last Friday`, `Friday afternoon`: the week the tense points to."""
    if plural := _BEFORE_PLURAL_PART.match(ctx.after()):  # `on Monday and Tuesday nights`
        return weekly_part(match.group("day"), plural.group("part"))
    what = _weekday_recurring(match.group("day"))
    if (story := match.group("story")) and ctx.reference is not None:
        # `the previous Friday`, `the following Monday`: the week of the story's last date
        back = story.lower().split()[-1] in ("previous", "preceding")
        reference = ctx.reference
        day = recurring(what, "last" if back else "next", reference.period.start, ctx.tense)
        return _with_part(reference.then(day.period) if day.period else day, match.group("part"))
    how = pick_by(match.group("rel"), ctx.tense)
    if how == "same" and re.match(r"['’]s\b", ctx.after(3)):
        how = "past"  # `Thursday's closing price` reports what has happened
    day = recurring(what, how, ctx.published, ctx.tense)
    return _with_part(day, match.group("part"))


_DAY_WORDS: Final = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


_FIGURATIVE: Final = re.compile(
    r"\b(?:a|an|the|our|their|your)\s+(?:(?:better|brighter|bright|new|different)\s+)?$", re.I
)


def day_word(match: re.Match[str], ctx: Context) -> Timex | None:
    """`yesterday`, `tonight`, `tomorrow morning`, `this morning`, `last night`."""
    word = (match.group("word") or match.group("this")).lower()
    if word in _DAY_WORDS and _FIGURATIVE.search(ctx.before(24)):
        return None  # `a brighter tomorrow`, `our today`: a figure of speech
    offset = -1 if word == "last" else _DAY_WORDS.get(word, 0)
    part = match.group("part") or match.group("part2") or ("night" if word == "tonight" else None)
    return _with_part(relative("day", offset, ctx.published), part)


_PART_MODS: Final = {"early": "START", "mid": "MID", "late": "END"}


def qualified_part(match: re.Match[str], ctx: Context) -> Timex | None:
    """`mid-afternoon yesterday`, `late Friday evening`, `early morning`: a part of a day."""
    named = match.group("day")
    day = _day_of(named, ctx) if named else relative("day", 0, ctx.published)
    timex = _with_part(day, match.group("part"))
    if timex.value is None:
        timex = Timex("time", f"T{lx.DAY_PARTS[match.group('part').lower()]}", "time")
    return timex.with_mod(_PART_MODS[match.group("mod").lower()])


def _day_of(text: str, ctx: Context) -> Timex:
    """The day a clock time is on: `Friday`, `yesterday`, `Nov. 9`."""
    lowered = text.lower()
    if lowered in _DAY_WORDS:
        return relative("day", _DAY_WORDS[lowered], ctx.published)
    what = _weekday_recurring(lowered) if lowered in lx.WEEKDAYS else day_of_year(text)
    return recurring(what, ctx.tense, ctx.published, ctx.tense)


_NAMED_TIMES: Final = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
_HOURS_LATER: Final = {"morning": 0, "afternoon": 12, "evening": 12, "night": 12}
# A day named next to a clock time, which TIMEX3 keeps as an expression of its own.
_DAY_AFTER: Final = re.compile(
    rf"\s*(?:\([^()]{{1,16}}\)\s*|\([^()]{{0,16}}?\s)?(?:[A-Z]{{2,4}},?\s+)?(?:on\s+)?"
    rf"(?P<day>{WEEKDAY}|{DAY_WORD}|{MONTH}\s+{DAY})(?!\w)",
    re.I,
)
_DAY_BEFORE: Final = re.compile(rf"\b(?P<day>{WEEKDAY}|{DAY_WORD})(?:,?\s+at)?\s+$", re.I)


def _clock(match: re.Match[str]) -> str | None:
    """`10:35 a.m.` → `10:35`; `4 in the morning` → `04:00`; `noon` → `12:00`."""
    if clock := match.group("clock"):
        if clock.lower() in _NAMED_TIMES:
            return _NAMED_TIMES[clock.lower()]
        parsed = parse_date(clock.replace(".", ""), dt.date(2000, 1, 1))
        return f"{parsed:%H:%M}" if parsed else None
    hour = int(number(match.group("hour")) or 0)
    if hour > 12:
        return None
    part = match.group("part") or match.group("part2") or "morning"
    hour = hour % 12 + _HOURS_LATER.get(part.lower(), 0)
    return f"{hour:02d}:00"


def _named_day(ctx: Context) -> str | None:
    """A day named apart from the clock time: `10:35 a.m. (0735 GMT) Friday`, `Friday at 9`."""
    named = _DAY_AFTER.match(ctx.after()) or _DAY_BEFORE.search(ctx.before())
    return named.group("day") if named else None


def clock_time(match: re.Match[str], ctx: Context) -> Timex | None:
    """`10:35 a.m.`, `3 p.m. Friday`, `noon`: on the day named beside it, else the day the
    story is telling of (`On Oct. 23 he was shot at 10 p.m.`), else the publication's."""
    hhmm = _clock(match)
    if hhmm is None or re.search(r"\bhigh\s+$", ctx.before(6), re.I):
        return None  # `high noon`: a decisive moment, not midday
    named = match.group("day") or _named_day(ctx)
    if named:
        day = _day_of(named, ctx)
    elif (story := ctx.story_day()) is not None:
        day = story.then(story.period)
    else:
        day = relative("day", 0, ctx.published)
    value = f"{day.value}T{hhmm}" if day.value else f"T{hhmm}"
    return Timex("time", value, "time", day.period, None, day.anchor, day.direction)


def relative_unit(match: re.Match[str], ctx: Context) -> Timex | None:
    """`last year`, `this week`, `next month`: calendar units; `the past decade` is a span."""
    grain = grain_of(match.group("unit"))
    if grain in ("decade", "century") and (
        "past" in match.group("rel").lower() or _ACROSS.search(ctx.before(12))
    ):
        # the ten years up to now; `over the next decade`, the ten years from now
        return Timex("duration", duration_value(1, grain), grain)
    offset = offset_of(match.group("rel"))
    fiscal = ctx.fiscal
    if grain == "year" and offset == -1 and fiscal is not None and _compares_results(ctx):
        # `a loss of $3 million, compared with earnings of $6 million last year`: the same
        # quarter (or months so far) of the year before, as `a year earlier` would be
        return fiscal.then(fiscal.period.moved("year", -1))
    this = relative(grain, offset, ctx.published)
    if grain == "quarter" and offset == 0 and fiscal is not None and this.period is not None:
        # `This quarter's loss includes charges`, in the report of the quarter just closed
        just_closed = fiscal.period == this.period.shift(-1)
        if just_closed and _QUARTERS_RESULT.match(ctx.after(30)) and ctx.tense != "future":
            return fiscal.then(fiscal.period)
    return this


# A figure set against the one before it (`from $504 million last year`, `compared with a
# loss of $3 million last year`), or `last year's $1.55 billion`, `last year's results`.
_FIGURE_COMPARED: Final = re.compile(
    r"\b(?:from|with|against|versus|vs\.)\s[^.;!?]{0,60}?[$%\d][^.;!?]{0,30}$", re.I
)
_YEARS_FIGURE: Final = re.compile(
    r"['’]s\s+(?:[$\d]|(?:fiscal\s+)?(?:results|figures|earnings|quarter|period)\b)", re.I
)


_QUARTERS_RESULT: Final = re.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(?:loss|losses|profit|earnings|results|net|income|sales|revenue)\b",
    re.I,
)


def _compares_results(ctx: Context) -> bool:
    """Whether `last year` sets a result against the one of the year before."""
    return bool(_FIGURE_COMPARED.search(ctx.before(90)) or _YEARS_FIGURE.match(ctx.after(20)))


# A preposition that makes a decade or a century a stretch of time rather than a date.
_ACROSS: Final = re.compile(r"\b(?:over|for|within|during|throughout|across)\s+$", re.I)


def weekend(match: re.Match[str], ctx: Context) -> Timex | None:
    """`the weekend`, `last weekend`: Saturday and Sunday of the week the tense points to."""
    what = Recurring("XXXX-WXX-WE", "week", lambda week: Period.containing("weekend", week.start))
    return recurring(what, pick_by(match.group("rel"), ctx.tense), ctx.published, ctx.tense)


_BACKWARDS: Final = frozenset({"ago", "earlier", "previously", "back"})
# Counted from the story's own time rather than from the publication.
_NARRATIVE: Final = frozenset({"earlier", "later"})
# TimeML reads `three days later`, `a day earlier` as a duration and a signal, not a date.
_SPAN_AND_SIGNAL: Final = frozenset({"day", "week", "fortnight"})


def shifted(match: re.Match[str], ctx: Context) -> Timex | None:
    """`a year ago` from the publication; `a year earlier` from the story's last date."""
    count = number(match.group("num")) if match.group("num") else None
    word = re.sub(r"\s+", " ", match.group("dir").lower())
    unit_word = (match.group("unit") or match.group("units")).lower().removesuffix("s")
    if word in _NARRATIVE and unit_word in _SPAN_AND_SIGNAL:
        return None  # left to the duration rule
    backwards = word in _BACKWARDS
    if count is None or count != int(count):
        return Timex("date", "PAST_REF" if backwards else "FUTURE_REF", None)
    unit = grain_of(unit_word)
    steps = int(count) * (-1 if backwards else 1)
    fiscal = ctx.fiscal if unit == "year" else None
    reference = fiscal or (ctx.reference if word in _NARRATIVE else None)
    if reference is not None:
        # `two months later` goes on from the story's date; `a year ago` after a quarter's
        # results is that quarter a year before.
        finer = min(unit, reference.period.grain, key=GRAINS.index)
        start = Period.containing(finer, reference.period.start)
        return reference.then(start.moved(unit, steps))
    if unit in ("decade", "century"):
        steps, unit = steps * (10 if unit == "decade" else 100), "year"
    return relative(unit, steps, ctx.published)


_ANAPHORIC_OFFSETS: Final = {
    "that": 0, "that same": 0, "the same": 0, "the following": 1, "the next": 1,
    "the previous": -1, "the preceding": -1, "the prior": -1, "after": 1, "before": -1,
}  # fmt: skip


# TIMEX3 writes the parts a date leaves open as X: some day of 1998 is `1998-XX-XX`.
_OPEN_PARTS: Final = {"day": "-XX-XX", "weekend": "-WXX-WE", "week": "-WXX", "month": "-XX"}


def _unknown_within(period: Period, grain: Grain) -> str:
    """The value of a `grain` somewhere inside `period`: `1998-10-XX`, `1998-WXX`."""
    if period.grain == "month" and grain == "day":
        return f"{period.value}-XX"
    known = period.value if period.grain in ("year", "decade") else f"{period.start.year:04d}"
    return known + _OPEN_PARTS.get(grain, "")


def anaphoric(match: re.Match[str], ctx: Context) -> Timex | None:
    """`that day`, `the following week`, `the next morning`: counted from the story's last date."""
    words = re.sub(r"\s+", " ", (match.group("det") or match.group("side")).lower())
    unit = (match.group("unit") or match.group("unit2")).lower()
    part = unit if unit in lx.DAY_PARTS else None
    grain: Grain = "day" if part else grain_of(unit)
    if words == "the next" and grain != "day":
        return None  # `the next week` looks ahead from the publication
    if grain in ("decade", "century") and _ACROSS.search(ctx.before(12)):
        return Timex("duration", duration_value(1, grain), grain)  # `over the following decade`
    offset = _ANAPHORIC_OFFSETS[words]
    reference = ctx.reference
    if reference is None:
        return _with_part(relative(grain, offset, ctx.published), part)
    if GRAINS.index(reference.period.grain) > GRAINS.index(grain):
        # `that day` after `last October`: a day of October 1998, which one is not said
        within = reference.then(reference.period)
        return replace(within, value=_unknown_within(reference.period, grain), granularity=grain)
    period = Period.containing(grain, reference.period.start).shift(offset)
    return _with_part(reference.then(period), part)


_YEAR_END: Final = Recurring(
    "XXXX-12-31", "year", lambda year: Period("day", year.end - dt.timedelta(days=1))
)


def year_end(match: re.Match[str], ctx: Context) -> Timex | None:
    """`year-end`, `the year's end`: the last day of the year the tense points to."""
    return recurring(_YEAR_END, ctx.tense, ctx.published, ctx.tense)


def the_year(match: re.Match[str], ctx: Context) -> Timex | None:
    """`the year`, `the full year`: the publication's; `the year ended March 31` is a span."""
    if re.match(r"\s+(?:ended|ending)\b", ctx.after(8)):
        return Timex("duration", "P1Y", "year")
    return _edge_of("year", ctx)


_EDGE: Final = re.compile(
    r"\b(?P<edge>end|close|beginning|start|middle|rest|remainder)\s+of\s+$", re.IGNORECASE
)


# `for the week`, `earlier in the month`, `the week's gains`: the week the story is in.
_IN_THE_UNIT: Final = re.compile(r"\b(?:for|during|over|throughout|in)\s+$", re.IGNORECASE)


def the_unit(match: re.Match[str], ctx: Context) -> Timex | None:
    """`the end of the month`, `the start of the week`: of the publication's month or week;
    `for the week`, `the week's most active session`: the one the story is in."""
    grain = grain_of(match.group("unit"))
    if _EDGE.search(ctx.before(16)):
        return _edge_of(grain, ctx)
    told_of = _IN_THE_UNIT.search(ctx.before(12)) or re.match(r"['’]s\b", ctx.after(3))
    if not told_of or grain not in ("week", "month"):
        return None  # `the week was hard`, `the week before the vote`: left to the story
    reference = ctx.reference
    if reference is not None and GRAINS.index(reference.period.grain) < GRAINS.index(grain):
        return reference.then(Period.containing(grain, reference.period.start))
    return relative(grain, 0, ctx.published)


def _edge_of(grain: Grain, ctx: Context) -> Timex:
    """The publication's `grain`, or the one before when the clause tells as past an end
    still ahead (`sales fell at the end of the year`, written in February), or the one
    after when it tells as future a start already gone by."""
    this = relative(grain, 0, ctx.published)
    edge = _EDGE.search(ctx.before(16))
    if this.period is None or ctx.published is None or edge is None:
        return this
    period, published = this.period, ctx.published
    third = (period.end - period.start) / 3
    word, tense = edge.group("edge").lower(), ctx.tense
    if word in ("end", "close") and tense == "past" and period.end - third > published:
        return relative(grain, -1, published)
    if word in ("beginning", "start") and tense == "future" and period.start + third <= published:
        return relative(grain, 1, published)
    return this


# Words that count the days of something up to the one the news is of.
_RUNNING: Final = re.compile(r"\b(?:its|their|for)\s+$", re.I)


def day_of_event(match: re.Match[str], ctx: Context) -> Timex | None:
    """`the 99th day` of a strike, `a third straight day`: the day the news is of when the
    count runs up to it (`entered its 99th day`, `a third straight day`, `today is the eighth
    day`); a day of an event not placed otherwise (`on the second day of the trial`) has no
    value."""
    if match.group("straight") or _RUNNING.search(ctx.before(12)) or ctx.tense != "past":
        return relative("day", 0, ctx.published)
    return Timex("date", None, "day")
