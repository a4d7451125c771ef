"""The rule table: a pattern for each construction and the handler that normalises it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from dateutil import parser as date_parser
from dateutil.easter import easter

from app.extraction.timex import lexicon as lx
from app.extraction.timex.calendar import GRAINS, Grain, Period, nth_weekday, season
from app.extraction.timex.context import Context
from app.extraction.timex.timex import (
    Recurring,
    Reference,
    Timex,
    dated,
    recurring,
    relative,
)
from app.models import Direction

Handler = Callable[[re.Match[str], Context], Timex | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


# ---------------------------------------------------------------- pattern fragments
_END = r"(?!\w)"
_MONTH = (
    r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?!\w))"
    r"|January|February|March|April|May|June|July|August|September|October|November|December)"
)
# A month standing alone must be spelt out or dotted: `Jan Kavan` is a name.
_MONTH_ALONE = (
    r"(?-i:(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\."
    r"|January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[6-9]|20)\d\d(?!\d)"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUMBER_WORD = lx.alternatives(lx.NUMBERS)
_NUMBER = (
    rf"(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}})(?:\.\d+)?(?:\s+1/2)?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"[-\s](?:one|two|three|four|five|six|seven|eight|nine)|{_NUMBER_WORD})(?:\s+and\s+a\s+half)?"
    rf"|{lx.alternatives(lx.VAGUE_NUMBERS)})"
)
_UNIT = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie)"
)
_DATE_UNIT = r"(?:day|week|fortnight|month|quarter|year|decade|century|centurie)"
_PART = rf"(?:{lx.alternatives(lx.DAY_PARTS)})"
_TIME = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:[ap]\.\s?m\.|[ap]m(?!\w))"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|noon|midday|midnight)"
)
_DAY_WORD = r"(?:today|tonight|yesterday|tomorrow)"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w$£€])(?:{pattern}){_END}", re.IGNORECASE)


# ---------------------------------------------------------------- shared helpers
class _PivotYears(date_parser.parserinfo):
    """Two-digit years (`11/02/89`) go to the century that puts them nearest the article."""

    def __init__(self, around: int) -> None:
        super().__init__()
        self.around = around

    def convertyear(self, year: int, century_specified: bool = False) -> int:
        if year >= 100 or century_specified:
            return year
        century = self.around // 100 * 100
        candidates = (century - 100 + year, century + year, century + 100 + year)
        return min(candidates, key=lambda candidate: abs(candidate - self.around))


def _parse(text: str, default: dt.date) -> dt.datetime | None:
    cleaned = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text)
    try:
        return date_parser.parse(
            cleaned,
            parserinfo=_PivotYears(default.year),
            default=dt.datetime.combine(default, dt.time()),
        )
    except (ValueError, OverflowError):
        return None


def _reference_day(ctx: Context) -> dt.date:
    """The day absolute formats fill missing parts from: the publication, else today."""
    return ctx.published or dt.date.today()


def number(text: str) -> float | None:
    """`70`, `seventy`, `twenty-five`, `2 1/2`, `three and a half`; None for `several`."""
    lowered = re.sub(r"\s+", " ", text.lower().replace(",", ""))
    if lowered in lx.VAGUE_NUMBERS:
        return None
    half = 0.5 if lowered.endswith((" and a half", " 1/2")) else 0.0
    lowered = re.sub(r" and a half$| 1/2$", "", lowered)
    if re.fullmatch(r"\d+(?:\.\d+)?", lowered):
        return float(lowered) + half
    if lowered in lx.NUMBERS:
        return lx.NUMBERS[lowered] + half
    return float(sum(lx.NUMBERS[part] for part in re.split(r"[-\s]", lowered))) + half


# The next unit down and how many of it make one, for fractions: `2 1/2 years` is P2Y6M.
_SMALLER: Final = {"year": ("M", 12), "week": ("D", 7), "hour": ("M", 60), "minute": ("S", 60)}


def duration_value(count: float | None, unit: str) -> str:
    """TIMEX3 duration: `P70Y`, `PT5H30M`, `PXY`; decades and centuries count in years."""
    unit = unit.lower().removesuffix("s")
    unit = "century" if unit == "centurie" else unit
    code = lx.UNITS[unit]
    prefix = "PT" if unit in lx.TIME_UNITS else "P"
    if count is None:
        return f"{prefix}X{code}"
    if code in ("DE", "CE"):
        count, code = count * (10 if code == "DE" else 100), "Y"
    if code == "2W":
        count, code = count * 2, "W"
    whole = int(count)
    if count != whole and unit in _SMALLER:
        smaller, per = _SMALLER[unit]
        return f"{prefix}{whole or ''}{code if whole else ''}{round(count % 1 * per)}{smaller}"
    shown = whole if count == whole else count
    return f"{prefix}{shown}{code}"


_GRAINS: Final[dict[str, Grain]] = {
    "day": "day", "night": "day", "week": "week", "fortnight": "week", "month": "month",
    "quarter": "quarter", "year": "year", "decade": "decade", "century": "century",
    "centurie": "century",
}  # fmt: skip


def _grain(unit: str) -> Grain:
    return _GRAINS[unit.lower().removesuffix("s")]


_OFFSETS: Final = {
    "this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "the past": -1,
    "the last": -1, "next": 1, "the next": 1, "coming": 1, "the coming": 1,
}  # fmt: skip
_REL = lx.alternatives(_OFFSETS)


def _offset(word: str | None) -> int:
    return _OFFSETS[re.sub(r"\s+", " ", word.lower())] if word else 0


def _how(word: str | None, tense: Direction) -> str:
    """Which occurrence a determiner picks (`last Friday`), else the clause's tense."""
    if word is None or word.lower() == "the":
        return tense
    return {-1: "last", 0: "this", 1: "next"}[_offset(word)]


# ---------------------------------------------------------------- handlers: absolute dates
def absolute(match: re.Match[str], ctx: Context) -> Timex | None:
    """Full dates in any format dateutil reads: `2019-01-22`, `11/02/89 09:42`, `Jan. 15, 2019`."""
    parsed = _parse(match.group(0), _reference_day(ctx))
    if parsed is None:
        return None
    day = Timex("date", parsed.date().isoformat(), "day", Period("day", parsed.date()))
    if match.groupdict().get("time"):
        return Timex("time", f"{day.value}T{parsed:%H:%M}", "time", day.period)
    return day


def month_year(match: re.Match[str], ctx: Context) -> Timex | None:
    parsed = _parse(match.group(0), dt.date(2000, 1, 1))
    return dated(Period.containing("month", parsed.date())) if parsed else None


def _month_number(text: str) -> int:
    return lx.MONTHS[text.lower().rstrip(".")]


def month_day(match: re.Match[str], ctx: Context) -> Timex | None:
    """`Jan. 15`, `15 January`: the year comes from the tense of the clause."""
    probe = _parse(match.group("date"), dt.date(2000, 1, 1))  # a leap year: 29 February reads
    if probe is None:
        return None
    month, day = probe.month, probe.day

    def occurrence(year: Period) -> Period:
        last_day = 28 if (month, day) == (2, 29) and year.start.year % 4 else day
        return Period("day", dt.date(year.start.year, month, last_day))

    what = Recurring(f"XXXX-{month:02d}-{day:02d}", "year", occurrence)
    found = recurring(what, _how(match.group("rel"), ctx.tense), ctx.published, ctx.tense)
    if match.group("week_of") and found.period is not None:  # `the week of March 6`
        week = Period.containing("week", found.period.start)
        return Timex("date", week.value, "week", week, None, found.anchor, found.direction)
    return found


def month_name(match: re.Match[str], ctx: Context) -> Timex | None:
    """`January`, `last October`: a month of the year the tense or the determiner points to."""
    if ctx.span[-1].tag_ == "MD" or ctx.span[-1].pos_ == "VERB":  # `may`, `to march`
        return None
    month = _month_number(match.group("month"))
    if match.group("yrel"):  # `February this year`
        the_year = relative("year", _offset(match.group("yrel")), ctx.published)
        if the_year.period is None:
            return Timex("date", None, "month")
        return dated(Period("month", the_year.period.start.replace(month=month)),
                     anchor=ctx.published)  # fmt: skip
    what = Recurring(
        f"XXXX-{month:02d}",
        "year",
        lambda year: Period("month", dt.date(year.start.year, month, 1)),
    )
    return recurring(what, _how(match.group("rel"), ctx.tense), ctx.published, ctx.tense)


def year(match: re.Match[str], ctx: Context) -> Timex | None:
    """A year stands alone; a four-digit count of things (`2000 troops`) does not."""
    following = ctx.after(30)
    if re.match(r"\s*(?:%|percent|per\s?cent|[-\s]?(?:yen|dollars|euros|pounds))", following):
        return None
    last = ctx.span[-1]
    if not match.group(0).lower().startswith("fiscal") and last.i + 1 < len(last.doc):
        previous = last.doc[ctx.span[0].i - 1] if ctx.span[0].i else last
        introduced = previous.pos_ in ("DET", "ADP") or previous.tag_ == "PRP$"
        if last.nbor().tag_ == "NNS" and not introduced:
            return None  # `sent 2000 troops`, but `the 1989 results`, `in 1990 sales rose`
    return dated(Period("year", dt.date(int(match.group("year")), 1, 1)))


_DECADE_WORDS: Final = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip


def decade(match: re.Match[str], ctx: Context) -> Timex | None:
    short = match.group("short") or match.group("word")
    if short:  # `the '80s`, `the nineties`: the century of the article, or the one before
        tens = int(short) if short.isdigit() else _DECADE_WORDS[short.lower()]
        now = _reference_day(ctx).year
        start = now // 100 * 100 + tens * 10
        return dated(Period("decade", dt.date(start - 100 if start > now else start, 1, 1)))
    return dated(Period("decade", dt.date(int(match.group("digits")) * 10, 1, 1)))


_ORDINAL_WORDS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip


def _ordinal(text: str) -> int:
    lowered = text.lower()
    digits = re.match(r"\d+", lowered)
    return int(digits.group(0)) if digits else _ORDINAL_WORDS[lowered]


def century(match: re.Match[str], ctx: Context) -> Timex | None:
    first_year = (_ordinal(match.group("nth")) - 1) * 100
    return dated(Period("century", dt.date(max(first_year, 1), 1, 1)))


def _part(grain: Grain, nth: int, year: int | None, ctx: Context) -> Timex:
    """The `nth` quarter or half of `year`, else the nearest one to the publication."""
    count = 2 if grain == "half" else 4
    nth = min(nth, count)  # `the last quarter`, `the final half`
    months_per = 12 // count

    def occurrence(cycle: Period) -> Period:
        return Period(grain, dt.date(cycle.start.year, (nth - 1) * months_per + 1, 1))

    if year is not None:
        return dated(occurrence(Period("year", dt.date(year, 1, 1))))
    code = "Q" if grain == "quarter" else "H"
    what = Recurring(f"XXXX-{code}{nth}", "year", occurrence)
    # Results are announced after the quarter ends and forecast before: the nearest one is meant.
    return recurring(what, "same", ctx.published, ctx.tense)


def part_of_year(match: re.Match[str], ctx: Context) -> Timex | None:
    """`the third quarter (of 1989)`, `the first half`, `third-quarter`."""
    grain: Grain = "half" if match.group("unit").lower() == "half" else "quarter"
    nth = lx.ORDINALS[match.group("nth").lower()]
    if yrel := match.group("yrel"):  # `next year's first quarter`
        year = relative("year", _offset(yrel), ctx.published)
        if year.period is None:
            return Timex("date", None, grain)
        return dated(_part(grain, nth, year.period.start.year, ctx).period or year.period,
                     anchor=ctx.published)  # fmt: skip
    written = match.group("year") or match.group("year_before")
    return _part(grain, nth, int(written) if written else None, ctx)


_FISCAL_GRAINS: Final = frozenset({"quarter", "half"})


def _fiscal_reference(ctx: Context) -> Reference | None:
    """The quarter or half-year the report last named, which `the period` goes on about."""
    reference = ctx.reference
    return reference if reference and reference.period.grain in _FISCAL_GRAINS else None


def reported_period(match: re.Match[str], ctx: Context) -> Timex | None:
    """`the quarter`, `the latest period`, `the year-earlier quarter` in business news.

    They go on about the quarter last named; with none, the last one completed.
    """
    years_back = 1 if match.group("earlier") or match.group("adjective") else 0
    if nth := match.group("nth"):  # `the year-ago third quarter`
        quarter = _part("quarter", lx.ORDINALS[nth.lower()], None, ctx)
        if quarter.period is None or ctx.published is None:
            return quarter
        return dated(quarter.period.moved("year", -years_back), anchor=ctx.published)
    if reference := _fiscal_reference(ctx):
        return reference.then(reference.period.moved("year", -years_back))
    return relative("quarter", -1 - 4 * years_back, ctx.published)


def season_name(match: re.Match[str], ctx: Context) -> Timex | None:
    word = match.group("season").lower()
    if word == "fall" and not (match.group("rel") or match.group("year")):
        return None  # `his fall`, `prices fall`: only `this fall`, `the fall of 1998` are dates
    if match.group(0)[0].isupper() and ctx.span[0].ent_type_ not in ("", "DATE"):
        return None  # a name: `the Prague Spring`
    code = lx.SEASONS[word]
    if match.group("year"):
        return dated(season(code, int(match.group("year"))))
    what = Recurring(f"XXXX-{code}", "year", lambda year: season(code, year.start.year))
    return recurring(what, _how(match.group("rel"), ctx.tense), ctx.published, ctx.tense)


_HOLIDAYS: Final[dict[str, Callable[[int], dt.date]]] = {
    "christmas": lambda year: dt.date(year, 12, 25),
    "christmas eve": lambda year: dt.date(year, 12, 24),
    "christmas day": lambda year: dt.date(year, 12, 25),
    "new year's day": lambda year: dt.date(year, 1, 1),
    "new year's eve": lambda year: dt.date(year, 12, 31),
    "thanksgiving": lambda year: nth_weekday(year, 11, 3, 4),
    "thanksgiving day": lambda year: nth_weekday(year, 11, 3, 4),
    "easter": easter,
    "easter sunday": easter,
    "independence day": lambda year: dt.date(year, 7, 4),
    "halloween": lambda year: dt.date(year, 10, 31),
    "valentine's day": lambda year: dt.date(year, 2, 14),
    "labor day": lambda year: nth_weekday(year, 9, 0, 1),
    "memorial day": lambda year: nth_weekday(year, 5, 0, -1),
    # US federal elections: the Tuesday after the first Monday of November.
    "election day": lambda year: nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1),
}


def holiday(match: re.Match[str], ctx: Context) -> Timex | None:
    day_of = _HOLIDAYS[re.sub(r"\s+", " ", match.group("name").lower().replace("’", "'"))]
    if match.group("year"):
        return dated(Period("day", day_of(int(match.group("year")))))
    fixed = day_of(2001)  # a year whose date stands for the unresolved value
    moves = day_of(2002) != fixed.replace(year=2002)
    unresolved = "XXXX-XX-XX" if moves else f"XXXX-{fixed:%m-%d}"
    what = Recurring(unresolved, "year", lambda year: Period("day", day_of(year.start.year)))
    return recurring(what, _how(match.group("rel"), ctx.tense), ctx.published, ctx.tense)


# ---------------------------------------------------------------- handlers: relative dates
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


def weekday(match: re.Match[str], ctx: Context) -> Timex | None:
    """`Tuesday`, `last Friday`, `Friday afternoon`: the week the tense points to."""
    what = _weekday_recurring(match.group("day"))
    if (story := match.group("story")) and ctx.reference is not None:
        # `the previous Friday`, `the following Monday`: the week of the story's last date
        back = story.lower().split()[-1] in ("previous", "preceding")
        reference = ctx.reference
        day = recurring(what, "last" if back else "next", reference.period.start, ctx.tense)
        return _with_part(reference.then(day.period) if day.period else day, match.group("part"))
    how = _how(match.group("rel"), ctx.tense)
    if how == "same" and re.match(r"['’]s\b", ctx.after(3)):
        how = "past"  # `Thursday's closing price` reports what has happened
    day = recurring(what, how, ctx.published, ctx.tense)
    return _with_part(day, match.group("part"))


_DAY_WORDS: Final = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def day_word(match: re.Match[str], ctx: Context) -> Timex | None:
    """`yesterday`, `tonight`, `tomorrow morning`, `this morning`, `last night`."""
    word = (match.group("word") or match.group("this")).lower()
    offset = -1 if word == "last" else _DAY_WORDS.get(word, 0)
    part = match.group("part") or match.group("part2") or ("night" if word == "tonight" else None)
    return _with_part(relative("day", offset, ctx.published), part)


def _day_of(text: str, ctx: Context) -> Timex:
    lowered = text.lower()
    if lowered in _DAY_WORDS:
        return relative("day", _DAY_WORDS[lowered], ctx.published)
    return recurring(_weekday_recurring(lowered), ctx.tense, ctx.published, ctx.tense)


_NAMED_TIMES: Final = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
_HOURS_LATER: Final = {"morning": 0, "afternoon": 12, "evening": 12, "night": 12}
# A day named next to a clock time, which TIMEX3 keeps as an expression of its own.
_DAY_AFTER: Final = re.compile(
    rf"\s*(?:\([^()]{{1,16}}\)\s*|\([^()]{{0,16}}?\s)?(?:[A-Z]{{2,4}}\s+)?(?:on\s+)?"
    rf"(?P<day>{_WEEKDAY}|{_DAY_WORD})\b",
    re.I,
)
_DAY_BEFORE: Final = re.compile(rf"\b(?P<day>{_WEEKDAY}|{_DAY_WORD})(?:,?\s+at)?\s+$", re.I)


def _clock(match: re.Match[str]) -> str | None:
    """`10:35 a.m.` → `10:35`; `4 in the morning` → `04:00`; `noon` → `12:00`."""
    if clock := match.group("clock"):
        if clock.lower() in _NAMED_TIMES:
            return _NAMED_TIMES[clock.lower()]
        parsed = _parse(clock.replace(".", ""), dt.date(2000, 1, 1))
        return f"{parsed:%H:%M}" if parsed else None
    hour = int(number(match.group("hour")) or 0)
    if hour > 12:
        return None
    part = match.group("part") or match.group("part2") or "morning"
    hour = hour % 12 + _HOURS_LATER.get(part.lower(), 0)
    return f"{hour:02d}:00"


def clock_time(match: re.Match[str], ctx: Context) -> Timex | None:
    """`10:35 a.m.`, `3 p.m. Friday`, `noon`: on the day named beside it, else the publication."""
    hhmm = _clock(match)
    if hhmm is None:
        return None
    named = _DAY_AFTER.match(ctx.after()) or _DAY_BEFORE.search(ctx.before())
    day = _day_of(named.group("day"), ctx) if named else relative("day", 0, ctx.published)
    value = f"{day.value}T{hhmm}" if day.value else f"T{hhmm}"
    return Timex("time", value, "time", day.period, None, day.anchor, day.direction)


def relative_unit(match: re.Match[str], ctx: Context) -> Timex | None:
    """`last year`, `this week`, `next month`, `the past decade`: calendar units."""
    return relative(_grain(match.group("unit")), _offset(match.group("rel")), ctx.published)


def weekend(match: re.Match[str], ctx: Context) -> Timex | None:
    what = Recurring("XXXX-WXX-WE", "week", lambda week: Period.containing("weekend", week.start))
    return recurring(what, _how(match.group("rel"), ctx.tense), ctx.published, ctx.tense)


_BACKWARDS: Final = frozenset({"ago", "earlier", "previously", "back"})
# Counted from the story's own time rather than from the publication.
_NARRATIVE: Final = frozenset({"earlier", "later"})


def shifted(match: re.Match[str], ctx: Context) -> Timex | None:
    """`a year ago`, `three days later`: the unit counted from the publication date."""
    count = number(match.group("num")) if match.group("num") else None
    backwards = match.group("dir").lower() in _BACKWARDS
    if count is None or count != int(count):
        return Timex("date", "PAST_REF" if backwards else "FUTURE_REF", None)
    unit = _grain(match.group("unit") or match.group("units"))
    steps = int(count) * (-1 if backwards else 1)
    word = re.sub(r"\s+", " ", match.group("dir").lower())
    reference = ctx.reference if word in _NARRATIVE else _fiscal_reference(ctx)
    if reference is not None and (word in _NARRATIVE or unit == "year"):
        # `three days later` goes on from the story's date; `a year ago` after a quarter's
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


def anaphoric(match: re.Match[str], ctx: Context) -> Timex | None:
    """`that day`, `the following week`, `the next morning`, `the year`: the story's own time."""
    words = re.sub(r"\s+", " ", (match.group("det") or match.group("side")).lower())
    unit = (match.group("unit") or match.group("unit2")).lower()
    part = unit if unit in lx.DAY_PARTS else None
    grain: Grain = "day" if part else _grain(unit)
    if words == "the next" and grain != "day":
        return None  # `the next week` looks ahead from the publication
    offset = _ANAPHORIC_OFFSETS[words]
    reference = ctx.reference
    if reference is None:
        return _with_part(relative(grain, offset, ctx.published), part)
    if GRAINS.index(reference.period.grain) > GRAINS.index(grain):
        return reference.then(reference.period)  # `that day` after `in 1998`: 1998 is all we know
    period = Period.containing(grain, reference.period.start).shift(offset)
    return _with_part(reference.then(period), part)


def year_end(match: re.Match[str], ctx: Context) -> Timex | None:
    """`year-end`, `the year's end`: the last day of the publication's year."""
    year = relative("year", 0, ctx.published)
    if year.period is None:
        return Timex("date", "XXXX-12-31", "day")
    last_day = Period("day", year.period.end - dt.timedelta(days=1))
    return dated(last_day, anchor=ctx.published)


def the_year(match: re.Match[str], ctx: Context) -> Timex | None:
    """`the year`, `the full year`: the publication's; `the year ended March 31` is a span."""
    if re.match(r"\s+(?:ended|ending)\b", ctx.after(8)):
        return Timex("duration", "P1Y", "year")
    return relative("year", 0, ctx.published)


# ---------------------------------------------------------------- handlers: durations, sets
_PERSON_NOUNS: Final = frozenset(
    {"boy", "girl", "son", "daughter", "child", "kid", "baby", "wife", "husband", "widow",
     "man", "woman", "victim", "suspect", "patient", "mother", "father", "brother", "sister",
     "grandson", "granddaughter", "friend", "veteran", "native", "teen", "youth", "nephew",
     "niece", "cousin", "guy", "lady", "gunman", "defendant", "resident", "student"}
)  # fmt: skip
_PERSON_SUFFIXES: Final = ("er", "or", "ist", "ian", "ant", "man", "woman", "ee")


def _is_age(ctx: Context) -> bool:
    """`a 52-year-old obstetrician`, `the 6-year-old`: a person's age, which is no date."""
    old = ctx.span[-1]
    noun = old.head if old.head.i > old.i else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return True
    lemma = noun.lemma_.lower()
    return (noun.pos_ == "PROPN" or noun.ent_type_ == "PERSON" or lemma in _PERSON_NOUNS
            or lemma.endswith(_PERSON_SUFFIXES))  # fmt: skip


_RATE: Final = re.compile(r"(?:\d|\$|dollars?|cents?|percent|%|times|twice)\s*$", re.I)


def duration(match: re.Match[str], ctx: Context) -> Timex | None:
    """`70 years`, `more than 70 years`, `a 16-hour flight`, `a 70-year-old dispute`."""
    if match.group("old") and match.group("old").lower().endswith("old") and _is_age(ctx):
        return None
    written = match.group("num") or "one"  # `day-long`
    unit = match.group("unit") or match.group("unit2")
    grain = unit.lower().removesuffix("s")
    if grain == "second" and ctx.span[-1].pos_ != "NOUN":
        return None  # `a second betrayal`
    if grain == "quarter" and "-" in match.group(0):
        return None  # `three-quarters of`, `four-quarter`: fractions, not periods
    if written.lower() in ("a", "an") and _RATE.search(ctx.before(12)):
        return Timex("set", duration_value(1, unit), grain)  # `$5 a day`, `twice a week`
    count = number(written)
    if count is not None and match.group("half"):
        count += 0.5
    return Timex("duration", duration_value(count, unit), grain)


def vague_span(match: re.Match[str], ctx: Context) -> Timex | None:
    """`years`, `recent weeks`, `the coming months`, `for generations`: some number of units."""
    unit = match.group("unit")
    return Timex("duration", duration_value(None, unit), unit.lower().removesuffix("s"))


def reference(match: re.Match[str], ctx: Context) -> Timex | None:
    """`now`, `recently`, `the future`, `current`: TIMEX3's reference points."""
    key = re.sub(r"\s+", " ", match.group(0).lower())
    if key == "current" and ctx.span[0].pos_ != "ADJ":
        return None  # `the current` of a river, `current account` as a name
    return Timex("date", lx.REFERENCES[key], None)


def set_adverb(match: re.Match[str], ctx: Context) -> Timex | None:
    word = match.group(0).lower()
    return Timex("set", lx.SET_ADVERBS[word], None)


def every(match: re.Match[str], ctx: Context) -> Timex | None:
    """`every day`, `each year`, `every Tuesday`, `on Mondays`."""
    if name := match.group("weekday") or match.group("weekdays"):
        return Timex("set", f"XXXX-WXX-{lx.WEEKDAYS[name.lower()] + 1}", "day")
    if match.group("month"):
        return Timex("set", f"XXXX-{_month_number(match.group('month')):02d}", "month")
    unit = match.group("unit")
    return Timex("set", duration_value(1, unit), unit.lower())


# ---------------------------------------------------------------- the table
_CLOCK = rf"(?P<clock>{_TIME})"
_HOUR_OF_DAY = (
    rf"(?P<hour>\d\d?|{_NUMBER_WORD})"
    rf"(?:\s+o'clock(?:\s+in\s+the\s+(?P<part>{_PART}))?|\s+in\s+the\s+(?P<part2>{_PART}))"
)
_DURATION_DETERMINER = (
    r"(?:the\s+(?:(?:first|past|last|next|coming|latest|previous|following|final)\s+)?)?"
)

RULES: Final = (
    Rule(
        "iso date", _rx(r"\d{4}-[01]\d-[0-3]\d(?:[T\s]+(?P<time>\d\d?:\d\d(?::\d\d)?))?"), absolute
    ),
    Rule(
        "numeric date",
        _rx(r"[01]?\d/[0-3]?\d/(?:\d{4}|\d\d)(?:\s+(?P<time>\d\d?:\d\d(?::\d\d)?))?"),
        absolute,
    ),
    Rule("compact date", _rx(r"(?:19|20)\d\d[01]\d[0-3]\d"), absolute),
    Rule(
        "month day year",
        _rx(rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH}),?\s+{_YEAR}"),
        absolute,
    ),
    Rule(
        "month day",
        _rx(
            r"(?P<week_of>the\s+week\s+of\s+)?(?:(?P<rel>last|this|next)\s+)?"
            rf"(?:{_WEEKDAY},?\s+)?(?P<date>{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})"
        ),
        month_day,
    ),
    Rule("month year", _rx(rf"{_MONTH},?\s+(?:of\s+)?{_YEAR}"), month_year),
    Rule(
        "month",
        _rx(
            rf"(?:(?P<rel>{_REL})\s+)?(?P<month>{_MONTH_ALONE})"
            r"(?:,?\s+(?P<yrel>this|last|next)\s+year)?(?!\s+of\s+the)"
        ),
        month_name,
    ),
    Rule("year", _rx(rf"(?:fiscal\s+(?:year\s+)?)?(?P<year>{_YEAR})(?![-–/]\d|[.,]\d)"), year),
    Rule(
        "decade",
        _rx(
            r"(?:the\s+)?(?:(?P<digits>(?:1\d|20)\d)0|'(?P<short>\d)0)'?s"
            rf"|the\s+(?P<word>{lx.alternatives(_DECADE_WORDS)})"
        ),
        decade,
    ),
    Rule(
        "century",
        _rx(
            rf"(?:the\s+)?(?P<nth>\d\d?(?:st|nd|rd|th)|{lx.alternatives(_ORDINAL_WORDS)})"
            r"[-\s]+century"
        ),
        century,
    ),
    Rule(
        "part of year",
        _rx(
            rf"(?:the\s+)?(?:(?P<year_before>{_YEAR})(?:'s)?\s+|(?P<yrel>this|last|next)\s+year's\s+)?"
            rf"(?:(?:fiscal|calendar)[-\s]+)?(?P<nth>{lx.alternatives(lx.ORDINALS)})[-\s]+(?:fiscal[-\s]+)?"
            rf"(?P<unit>quarter|half)(?:\s+of\s+(?P<year>{_YEAR}))?"
        ),
        part_of_year,
    ),
    Rule(
        "reported period",
        _rx(
            r"(?:the\s+)?(?:(?:latest|most\s+recent|recent|just-ended|comparable|same|"
            r"(?P<earlier>year-earlier|year-ago|prior-year))[-\s]+){1,3}(?:fiscal\s+)?"
            r"(?:(?P<nth>first|second|third|fourth)[-\s]+)?(?P<unit>quarter|period)"
            r"|the\s+(?:fiscal\s+)?(?P<unit2>quarter)"
            r"|(?P<adjective>year-earlier|year-ago)"
        ),
        reported_period,
    ),
    Rule(
        "season",
        _rx(
            rf"(?:(?P<rel>{_REL}|the)\s+)?(?P<season>spring|summer|fall|autumn|winter)"
            rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?"
        ),
        season_name,
    ),
    Rule(
        "holiday",
        _rx(
            rf"(?:(?P<rel>{_REL})\s+)?(?P<name>{lx.alternatives(_HOLIDAYS)})"
            rf"(?:\s+(?P<year>{_YEAR}))?"
        ),
        holiday,
    ),
    Rule(
        "weekday",
        _rx(
            rf"(?:(?P<story>the\s+(?:previous|preceding|following))\s+|(?P<rel>{_REL})\s+)?"
            rf"(?P<day>{_WEEKDAY})(?:\s+(?P<part>{_PART}))?"
        ),
        weekday,
    ),
    Rule(
        "day word",
        _rx(
            rf"(?P<word>{_DAY_WORD})(?:\s+(?P<part>{_PART}))?"
            rf"|(?P<this>this|last)\s+(?P<part2>{_PART})"
        ),
        day_word,
    ),
    Rule(
        "anaphoric",
        _rx(
            r"(?P<det>that(?:\s+same)?|the\s+(?:same|following|next|previous|preceding|prior))"
            rf"\s+(?P<unit>day|{_PART}|week|weekend|month|year)"
            r"|the\s+(?P<unit2>day|week|month|year)\s+(?P<side>before|after)"
            r"(?!\s+(?:the|a|an|his|her|its|their|\w+ing)\b)"
        ),
        anaphoric,
    ),
    Rule("year end", _rx(r"(?:the\s+)?year(?:'s)?[-\s]end"), year_end),
    Rule(
        "the year",
        _rx(
            r"the\s+(?:(?:full|fiscal|calendar|current)\s+)*year"
            r"(?![-\w]|\s+(?:of|before|after|ago|earlier|later|\d))"
        ),
        the_year,
    ),
    Rule("clock time", _rx(rf"{_CLOCK}|{_HOUR_OF_DAY}"), clock_time),
    Rule(
        "relative unit",
        _rx(rf"(?P<rel>{_REL})\s+(?:fiscal\s+)?(?P<unit>{_DATE_UNIT})"),
        relative_unit,
    ),
    Rule("weekend", _rx(rf"(?:(?P<rel>{_REL}|the)\s+)?weekend"), weekend),
    Rule(
        "shifted",
        _rx(
            rf"(?:(?P<num>{_NUMBER})\s+(?P<unit>{_DATE_UNIT})s?|(?P<units>{_DATE_UNIT})s)"
            r"\s+(?P<dir>ago|earlier|later|previously|hence|back|from\s+now)"
        ),
        shifted,
    ),
    Rule(
        "duration",
        _rx(
            rf"{_DURATION_DETERMINER}(?P<num>{_NUMBER})[-\s]+(?:(?:more|additional|extra)\s+)?"
            rf"(?P<unit>{_UNIT})s?(?!-(?:earlier|ago|end))(?P<half>\s+and\s+a\s+half)?"
            r"(?P<old>[-\s]+(?:old|long))?|(?P<unit2>day|week|month|year)-long"
        ),
        duration,
    ),
    Rule(
        "vague span",
        _rx(
            r"(?:(?P<rel>(?:the\s+)?(?:recent|coming|past|next|last|following))\s+)?"
            r"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries|generations)"
        ),
        vague_span,
    ),
    Rule("reference", _rx(lx.alternatives(lx.REFERENCES)), reference),
    Rule("set adverb", _rx(lx.alternatives(lx.SET_ADVERBS)), set_adverb),
    Rule(
        "every",
        _rx(
            rf"(?:every|each|per)\s+(?:other\s+)?(?:(?P<weekday>{_WEEKDAY})|(?P<month>{_MONTH})"
            rf"|(?P<unit>{_UNIT}))|(?P<weekdays>{_WEEKDAY})s"
        ),
        every,
    ),
)
