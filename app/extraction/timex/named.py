"""Handlers for dates the text names: `Jan. 15, 2019`, `March`, `the 1990s`, `the third quarter`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from typing import Final

from dateutil.easter import easter

from app.extraction.timex import lexicon as lx
from app.extraction.timex.calendar import Grain, Period, nth_weekday, season
from app.extraction.timex.common import (
    FISCAL_GRAINS,
    month_number,
    offset_of,
    parse_date,
    pick_by,
    reference_day,
    year_of,
)
from app.extraction.timex.context import Context
from app.extraction.timex.patterns import DAY, MONTH
from app.extraction.timex.timex import Recurring, Timex, dated, recurring, relative


def full_date(match: re.Match[str], ctx: Context) -> Timex | None:
    """Full dates in any format dateutil reads: `2019-01-22`, `11/02/89 09:42`, `Jan. 15, 2019`."""
    parsed = parse_date(match.group(0), reference_day(ctx))
    if parsed is None:
        # `Feb. 29, 2023`, `2024-04-31`: written as a date, on a day that does not exist;
        # eight bare digits that make no date are some other number.
        return None if match.group(0).isdigit() else Timex("date", None, "day")
    day = Timex("date", parsed.date().isoformat(), "day", Period("day", parsed.date()))
    if match.groupdict().get("time"):
        return Timex("time", f"{day.value}T{parsed:%H:%M}", "time", day.period)
    return day


def month_year(match: re.Match[str], ctx: Context) -> Timex | None:
    """`March 2009`, `January of 1998`, `January nineteen ninety-seven`."""
    month = month_number(re.split(r"[\s,]", match.group(0), maxsplit=1)[0])
    return dated(Period("month", dt.date(year_of(match.group("year")), month, 1)))


_DAY_OF_MONTH: Final = re.compile(rf"(?P<month>{MONTH})|(?P<day>\d+)")


def day_of_year(text: str) -> Recurring:
    """`Jan. 15`, `15 January` as a day that comes back every year; `Feb. 29` only in leap
    years, and `April 31` in none."""
    parts = {key: value for found in _DAY_OF_MONTH.finditer(text)
             for key, value in found.groupdict().items() if value}  # fmt: skip
    month, day = month_number(parts["month"]), int(parts["day"])

    def occurrence(year: Period) -> Period | None:
        try:
            return Period("day", dt.date(year.start.year, month, day))
        except ValueError:
            return None

    return Recurring(f"XXXX-{month:02d}-{day:02d}", "year", occurrence)


_RANGE_BEGUN_DAYS: Final = 31
_RANGE_START: Final = re.compile(r"\b(?:from|between|starting)\s+(?:on\s+)?$", re.IGNORECASE)


def month_day(match: re.Match[str], ctx: Context) -> Timex | None:
    """`Jan. 15`, `15 January`: the year comes from the tense of the clause."""
    what = day_of_year(match.group("date"))
    how = pick_by(match.group("rel"), ctx.how)
    found = recurring(what, how, ctx.published, ctx.tense)
    if how == "future" and _RANGE_START.search(ctx.before(12)) and ctx.published:
        # `is to run from January 23 through March 9`, written January 28: begun already
        begun = recurring(what, "past", ctx.published, ctx.tense)
        if begun.period and (ctx.published - begun.period.start).days <= _RANGE_BEGUN_DAYS:
            found = begun
    if match.group("week_of") and found.period is not None:  # `the week of March 6`
        week = Period.containing("week", found.period.start)
        return Timex("date", week.value, "week", week, None, found.anchor, found.direction)
    return found


def month_name(match: re.Match[str], ctx: Context) -> Timex | None:
    """`January`, `last October`: a month of the year the tense or the determiner points to."""
    if ctx.span[-1].tag_ == "MD" or ctx.span[-1].pos_ == "VERB":  # `may`, `to march`
        return None
    if ctx.span[-1].ent_type_ in ("PERSON", "ORG"):
        return None  # `Theresa May`, `April Ryan`
    month = month_number(match.group("month"))
    if match.group("yrel"):  # `February this year`
        the_year = relative("year", offset_of(match.group("yrel")), ctx.published)
        if the_year.period is None:
            return Timex("date", None, "month")
        return dated(Period("month", the_year.period.start.replace(month=month)),
                     anchor=ctx.published)  # fmt: skip
    what = Recurring(
        f"XXXX-{month:02d}",
        "year",
        lambda year: Period("month", dt.date(year.start.year, month, 1)),
    )
    return recurring(what, pick_by(match.group("rel"), ctx.how), ctx.published, ctx.tense)


def year(match: re.Match[str], ctx: Context) -> Timex | None:
    """A year stands alone; a four-digit count of things (`2000 troops`) does not."""
    if spoken := match.group("spoken") or match.group("spoken2"):  # `nineteen ninety-six`
        return dated(Period("year", dt.date(year_of(spoken), 1, 1)))
    following = ctx.after(30)
    if re.match(r"\s*(?:%|percent|per\s?cent|[-\s]?(?:yen|dollars|euros|pounds|years?\b))",
                following):  # fmt: skip
        return None  # `2000 percent`, `a 2000 year old tradition`
    last = ctx.span[-1]
    if not match.group(0).lower().startswith("fiscal") and last.i + 1 < len(last.doc):
        previous = last.doc[ctx.span[0].i - 1] if ctx.span[0].i else last
        introduced = previous.pos_ in ("DET", "ADP") or previous.tag_ == "PRP$"
        if last.nbor().tag_ == "NNS" and not introduced:
            return None  # `sent 2000 troops`, but `the 1989 results`, `in 1990 sales rose`
    return dated(Period("year", dt.date(int(match.group("year")), 1, 1)))


DECADE_WORDS: Final = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip


def decade(match: re.Match[str], ctx: Context) -> Timex | None:
    short = match.group("short") or match.group("word")
    if short:  # `the '80s`, `the nineties`: the century of the article, or the one before
        tens = int(short) if short.isdigit() else DECADE_WORDS[short.lower()]
        now = reference_day(ctx).year
        start = now // 100 * 100 + tens * 10
        return dated(Period("decade", dt.date(start - 100 if start > now else start, 1, 1)))
    return dated(Period("decade", dt.date(int(match.group("digits")) * 10, 1, 1)))


ORDINAL_WORDS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip


def _ordinal(text: str) -> int:
    lowered = text.lower()
    digits = re.match(r"\d+", lowered)
    return int(digits.group(0)) if digits else ORDINAL_WORDS[lowered]


def century(match: re.Match[str], ctx: Context) -> Timex | None:
    """`the 20th century`, `the Twenty-First Century`; not `20th Century Fox`, a name."""
    if _NAME_GOES_ON.match(ctx.after(4)):
        return None
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
    # Business news reports the quarters of the year so far; a forecast takes the nearest one
    # (the quarter just ended is still being talked of ahead of its report).
    how = "same" if ctx.tense == "future" else "past"
    return recurring(what, how, ctx.published, ctx.tense)


def part_of_year(match: re.Match[str], ctx: Context) -> Timex | None:
    """`the third quarter (of 1989)`, `the first half`, `third-quarter`; not a half or a
    quarter of a game (`a goal in the second half`)."""
    written = match.group("year") or match.group("year_before")
    if not written and (_OF_A_DECADE.match(ctx.after(24)) or _of_a_game(ctx)):
        return None  # `the last half of the '80s` is a part of the decade, read as the decade
    unit = match.group("unit").lower()
    if unit.startswith("two") and not written:
        return None  # `the last two quarters`: the six months up to now, a span
    # `the first two quarters of 1990` are its first half
    grain: Grain = "quarter" if unit == "quarter" else "half"
    nth = lx.ORDINALS[match.group("nth").lower()]
    if yrel := match.group("yrel"):  # `next year's first quarter`
        year = relative("year", offset_of(yrel), ctx.published)
        if year.period is None:
            return Timex("date", None, grain)
        return dated(_part(grain, nth, year.period.start.year, ctx).period or year.period,
                     anchor=ctx.published)  # fmt: skip
    return _part(grain, nth, int(written) if written else None, ctx)


_OF_A_DECADE: Final = re.compile(
    r"\s+of\s+the\s+(?:(?:\d\d)?'?\d0['’]?s|decade|century)\b", re.IGNORECASE
)
_OF_A_GAME: Final = re.compile(
    r"\s+of\s+(?:the|a|this|that|their|its|his|her)\s+"
    r"(?:game|match|contest|fight|bout|race|final|semifinal|tie)\b",
    re.IGNORECASE,
)
_SCORE: Final = re.compile(r"(?<![\d.,$])\d{1,2}\s?[–-]\s?\d{1,2}(?![\d.,%])")


def _of_a_game(ctx: Context) -> bool:
    """Whether a `second half` is of a game: its paragraph speaks of one (or gives a score,
    `ended 0–0`) and its sentence not of money."""
    if _OF_A_GAME.match(ctx.after(30)):
        return True
    sentence = ctx.parsed.sentence_of(ctx.span.start)
    words = {token.lemma_.lower() for token in sentence} | {t.lower_ for t in sentence}
    if words & lx.MONEY_WORDS:
        return False
    paragraph = ctx.parsed.article.paragraphs[ctx.parsed.paragraph_at(ctx.match.start())]
    text = paragraph.text.lower()
    return bool(_SCORE.search(paragraph.text)) or any(
        re.search(rf"\b{re.escape(word)}\b", text) for word in lx.SPORT_WORDS
    )


def reported_period(match: re.Match[str], ctx: Context) -> Timex | None:
    """`the quarter`, `the latest period`, `the year-earlier quarter` in business news.

    They go on about the quarter last named; with none, the last one completed.
    """
    back = ("earlier", "adjective", "last_year", "last_years")
    years_back = 1 if any(match.group(group) for group in back) else 0
    if written := match.group("year"):  # `the 1988 quarter`: the one reported, in 1988
        return _reported_in(int(written), ctx)
    if nth := match.group("nth"):  # `the year-ago third quarter`
        quarter = _part("quarter", lx.ORDINALS[nth.lower()], None, ctx)
        if quarter.period is None or ctx.published is None:
            return quarter
        return dated(quarter.period.moved("year", -years_back), anchor=ctx.published)
    reference = ctx.fiscal
    if reference and match.group("latest") and reference.period.grain not in FISCAL_GRAINS:
        # after the year so far's results, the latest are of the last quarter over; a quarter
        # the report told of as done (a fiscal `fourth quarter` ended Sept. 30) stays its own
        reference = None
    if reference:
        return reference.then(reference.period.moved("year", -years_back))
    if (ended := _ENDED.match(ctx.after())) and (last_day := _last_day(ended, ctx)):
        covered = Period.containing("quarter", last_day - _HALF_A_QUARTER)
        return dated(covered, anchor=ctx.published)
    return relative("quarter", -1 - 4 * years_back, ctx.published)


# `the quarter ended July 31`, with no fiscal quarter named before: the three months up to
# that day, named by the calendar quarter they mostly fall in.
_ENDED: Final = re.compile(rf"\s+end(?:ed|ing)\s+(?P<day>{MONTH}\s+{DAY})", re.IGNORECASE)
_HALF_A_QUARTER: Final = dt.timedelta(days=45)


def _last_day(ended: re.Match[str], ctx: Context) -> dt.date | None:
    """The last day of a period `ended` on it, the latest such day up to the publication."""
    what = day_of_year(ended.group("day"))
    if ctx.published is None:
        return None
    found = recurring(what, "past", ctx.published, "past").period
    return found.start if found else None


def _reported_in(year: int, ctx: Context) -> Timex:
    """The quarter or half the report goes on about, in `year`: `the 1988 period`."""
    reference = ctx.fiscal
    if reference is None:
        return dated(Period("year", dt.date(year, 1, 1)))
    shifted = reference.period.moved("year", year - reference.period.start.year)
    return reference.then(shifted)


def season_name(match: re.Match[str], ctx: Context) -> Timex | None:
    word = match.group("season").lower()
    if word == "fall" and not (match.group("rel") or match.group("year")):
        return None  # `his fall`, `prices fall`: only `this fall`, `the fall of 1998` are dates
    if match.group(0)[0].isupper() and ctx.span[0].ent_type_ not in ("", "DATE"):
        return None  # a name: `the Prague Spring`
    last = ctx.span[-1]
    if last.dep_ in ("compound", "amod") and last.head.lemma_.lower() in lx.SEASONAL_THINGS:
        return None  # `winter wheat`, `a winter storm`: kinds of things, not dates
    code = lx.SEASONS[word]
    if match.group("year"):
        return dated(season(code, year_of(match.group("year"))))
    what = Recurring(f"XXXX-{code}", "year", lambda year: season(code, year.start.year))
    return recurring(what, pick_by(match.group("rel"), ctx.tense), ctx.published, ctx.tense)


# The calendars read from `holidays`: the US federal one, and Afghanistan's for the Islamic
# year (it follows the astronomical one).
_US = "US"
_ISLAMIC = "AF"


def load_holiday_calendars() -> None:
    """Import `holidays` and the modules of the calendars read, which `_public_holidays`
    otherwise does on first use (a tenth of a second, and about 6 MB)."""
    import holidays

    for country in (_US, _ISLAMIC):
        holidays.country_holidays(country)


@cache
def _public_holidays(country: str, year: int) -> dict[str, dt.date]:
    """The first day of each holiday of `country` in `year`, by name, from `holidays`; a
    computed Islamic date is named `… (estimated)` and counts as the day."""
    import holidays  # on first use: the package adds a tenth of a second to the start

    days: dict[str, dt.date] = {}
    for day, name in sorted(holidays.country_holidays(country, years=year).items()):
        days.setdefault(name.removesuffix(" (estimated)"), day)
    return days


def _public(name: str, country: str = _US) -> Callable[[int], dt.date | None]:
    return lambda year: _public_holidays(country, year).get(name)


def _fixed(month: int, day: int) -> Callable[[int], dt.date | None]:
    return lambda year: dt.date(year, month, day)


def _after_easter(days: int) -> Callable[[int], dt.date | None]:
    return lambda year: easter(year) + dt.timedelta(days=days)


# The US federal holidays and the Islamic ones as the `holidays` package computes them; Easter and
# the feasts it moves from `dateutil.easter`; the days no public calendar keeps, by rule.
_THANKSGIVING = _public("Thanksgiving Day")
_CHRISTMAS = _public("Christmas Day")
_NEW_YEAR = _public("New Year's Day")
_EASTER = _after_easter(0)
HOLIDAYS: Final[dict[str, Callable[[int], dt.date | None]]] = {
    "christmas": _CHRISTMAS, "christmas day": _CHRISTMAS, "christmas eve": _fixed(12, 24),
    "new year's day": _NEW_YEAR, "new year's eve": _fixed(12, 31),
    "thanksgiving": _THANKSGIVING, "thanksgiving day": _THANKSGIVING,
    "independence day": _public("Independence Day"), "labor day": _public("Labor Day"),
    "memorial day": _public("Memorial Day"), "veterans day": _public("Veterans Day"),
    "martin luther king day": _public("Martin Luther King Jr. Day"),
    "martin luther king jr. day": _public("Martin Luther King Jr. Day"),
    "presidents day": _public("Washington's Birthday"),
    "presidents' day": _public("Washington's Birthday"),
    "easter": _EASTER, "easter sunday": _EASTER, "easter monday": _after_easter(1),
    "good friday": _after_easter(-2), "palm sunday": _after_easter(-7),
    "ramadan": _public("First Day of Ramadan", _ISLAMIC),
    "eid al-fitr": _public("Eid al-Fitr", _ISLAMIC),
    "eid al-adha": _public("Eid al-Adha", _ISLAMIC),
    "halloween": _fixed(10, 31), "valentine's day": _fixed(2, 14),
    # US federal elections: the Tuesday after the first Monday of November.
    "election day": lambda year: nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1),
}  # fmt: skip


def holiday(match: re.Match[str], ctx: Context) -> Timex | None:
    """`Christmas`, `last Thanksgiving`, `Easter 1998`; `Easter week` is the week of the day.

    With no year beside it, the year the sentence names (`in spring 2025, two weeks before
    Easter`), else the one the tense points to.
    """
    if _NAME_GOES_ON.match(ctx.after(4)):
        return None  # `Easter Island`, `the Christmas Carol Service`: a name it begins
    last = ctx.span[-1]
    if last.dep_ == "compound" and last.head.lemma_.lower() in lx.HOLIDAY_THINGS:
        return None  # `Christmas trees`, `Easter eggs`: things, not days
    # `the illustrator Johnnie Christmas`; a bare `Easter` the model calls a person is still
    # the feast
    first = ctx.span[0]
    if first.i > 0 and first.nbor(-1).ent_type_ == "PERSON":
        return None
    day_of = HOLIDAYS[re.sub(r"\s+", " ", match.group("name").lower().replace("’", "'"))]
    grain: Grain = _HOLIDAY_SPANS[(match.group("week") or "").strip().lower()]

    def occurrence(cycle: Period) -> Period | None:
        day = day_of(cycle.start.year)
        if day is None:
            return None
        # A Monday holiday's weekend is the one that runs into it: Memorial Day weekend.
        runs_into = grain == "weekend" and day.weekday() == 0
        return Period.containing(grain, day - dt.timedelta(days=2 * runs_into))

    if written := match.group("year"):
        found = occurrence(Period("year", dt.date(int(written), 1, 1)))
        return dated(found) if found else Timex("date", None, grain)
    if not match.group("rel") and (named := ctx.written_before(ctx.tense == "past")):
        # `in spring 2025, two weeks before Easter`: the Easter nearest that spring; in a
        # story told in the past, the one nearest the date it is at (`in 2012 … Election Day`)
        years = (Period("year", dt.date(named.start.year + step, 1, 1)) for step in (-1, 0, 1))
        if around := [period for period in map(occurrence, years) if period is not None]:
            return dated(min(around, key=lambda period: _apart(period, named)))
    fixed, next_year = day_of(2001), day_of(2002)  # a year whose date stands for the value
    moves = fixed is None or next_year != fixed.replace(year=2002)
    unresolved = "XXXX-XX-XX" if moves or grain == "week" else f"XXXX-{fixed:%m-%d}"
    what = Recurring(unresolved, "year", occurrence)
    return recurring(what, pick_by(match.group("rel"), ctx.how), ctx.published, ctx.tense)


_HOLIDAY_SPANS: Final[dict[str, Grain]] = {"": "day", "week": "week", "weekend": "weekend"}
_NAME_GOES_ON: Final = re.compile(r"\s(?-i:[A-Z][a-z])")


def _apart(one: Period, other: Period) -> int:
    """Days between two periods; 0 when they overlap."""
    return max((one.start - other.end).days, (other.start - one.end).days, 0)
