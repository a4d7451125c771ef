"""What a rule makes of an expression, and how relative ones are resolved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from app.extraction.timex.calendar import Grain, Period
from app.models import DateType, Direction

PUBLICATION = "publication"


@dataclass(frozen=True)
class Timex:
    """A normalised temporal expression (before it is placed in the article)."""

    type: DateType
    value: str | None
    granularity: str | None = None
    period: Period | None = None
    mod: str | None = None
    anchor: str | None = None  # `publication`, or the id of the mention it was counted from
    direction: Direction | None = None
    quant: str | None = None  # of a set: `every six months` is P6M, EVERY

    def with_mod(self, mod: str | None) -> Timex:
        return self if mod is None or self.mod is not None else replace(self, mod=mod)


def dated(period: Period, *, anchor: dt.date | None = None, by: str = PUBLICATION) -> Timex:
    """A date of `period`; when `anchor` is given the period was counted from it."""
    if anchor is None:
        return Timex("date", period.value, period.grain, period)
    return Timex(
        "date", period.value, period.grain, period, None, by, _direction_of(period, anchor)
    )


@dataclass(frozen=True)
class Reference:
    """The date the narrative last mentioned: `that day`, `a year earlier` count from it."""

    id: str
    period: Period
    at: int = 0  # where it is written, a character offset

    def then(self, period: Period) -> Timex:
        return dated(period, anchor=self.period.start, by=self.id)


def _direction_of(period: Period, anchor: dt.date) -> Direction:
    if period.end <= anchor:
        return "past"
    return "future" if period.start > anchor else "same"


def relative(grain: Grain, offset: int, published: dt.date | None) -> Timex:
    """`last year`, `this week`, `next month`: calendar units counted from the publication."""
    if published is None:
        direction: Direction = "past" if offset < 0 else "future" if offset > 0 else "same"
        return Timex("date", None, grain, direction=direction)
    return dated(Period.containing(grain, published).shift(offset), anchor=published)


@dataclass(frozen=True)
class Recurring:
    """Something that comes back every cycle (a weekday, a month, a holiday) with no year."""

    unresolved: str  # TIMEX3 value with X for what the text leaves open: `XXXX-WXX-2`
    cycle: Grain  # "week" or "year"
    # The occurrence within one cycle; None in a cycle it does not fall in (29 February).
    occurrence: Callable[[Period], Period | None]

    def around(self, day: dt.date) -> list[Period]:
        here = Period.containing(self.cycle, day)
        found = (self.occurrence(here.shift(step)) for step in (-1, 0, 1))
        return [period for period in found if period is not None]


# How a direction picks among the occurrences around the publication date.
def _latest_started(periods: list[Period], day: dt.date) -> Period:
    return [period for period in periods if period.start <= day][-1]


def _earliest_unfinished(periods: list[Period], day: dt.date) -> Period:
    return next(period for period in periods if period.end > day)


def _distance(period: Period, day: dt.date) -> int:
    """Days from `day` to the period (0 inside it), counted to its last day when past."""
    if period.end <= day:
        return (day - period.end).days + 1
    return max((period.start - day).days, 0)


def _nearest(periods: list[Period], day: dt.date) -> Period:
    return min(periods, key=lambda period: _distance(period, day))


def _strictly_before(periods: list[Period], day: dt.date) -> Period:
    return [period for period in periods if period.end <= day][-1]


def _strictly_after(periods: list[Period], day: dt.date) -> Period:
    return next(period for period in periods if period.start > day)


# How far ahead a present-tense clause looks: `the law takes effect Jan. 1`.
_SOON_DAYS = 122
# A date of the year this close to the publication is the one meant, whatever the tense.
_NEAR_DAYS = 45


def _present(periods: list[Period], day: dt.date) -> Period:
    """A present-tense clause: the occurrence under way, one due soon, else the last one."""
    upcoming = _strictly_after(periods, day)
    current = [period for period in periods if period.start <= day < period.end]
    if current:
        return current[0]
    return upcoming if (upcoming.start - day).days <= _SOON_DAYS else _strictly_before(periods, day)


def _in_this_cycle(periods: list[Period], day: dt.date) -> Period:
    return periods[1]


PICKERS: dict[str, Callable[[list[Period], dt.date], Period]] = {
    "past": _latest_started,
    "done": _latest_started,  # a past verb the date hangs on directly: `changed in December`
    "future": _earliest_unfinished,
    "same": _nearest,
    "last": _strictly_before,
    "next": _strictly_after,
    "this": _in_this_cycle,
    "present": _present,
}


def recurring(what: Recurring, how: str, published: dt.date | None, direction: Direction) -> Timex:
    """Resolve a recurring expression by the tense (`past` …) or a determiner (`last` …)."""
    if published is None:
        return Timex("date", what.unresolved, what.cycle, direction=direction)
    around = what.around(published)
    if what.cycle == "year" and how in ("past", "same"):
        if near := [period for period in around if _distance(period, published) <= _NEAR_DAYS]:
            # `until mid-November` written in late October: weeks away is the one meant,
            # though reported speech puts the clause in the past.
            return dated(near[0], anchor=published)
        if how == "same":
            how = "present"  # a week either way is near; a month of the year is not
    try:
        return dated(PICKERS[how](around, published), anchor=published)
    except (IndexError, StopIteration, ValueError):  # no occurrence that way: `Feb. 29`, 2023
        return Timex("date", None, None, direction=direction)
