"""Calendar periods (a day, a week, a quarter …) with their TIMEX3 value and interval."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from dateutil.relativedelta import relativedelta

Grain = Literal[
    "day", "weekend", "week", "month", "quarter", "half", "season", "year", "decade", "century"
]
SEASON_CODES = ("WI", "SP", "SU", "FA")
# Month each season starts in; winter is counted in the year its January falls in.
_SEASON_START = {"WI": 12, "SP": 3, "SU": 6, "FA": 9}
_STEP = {
    "day": relativedelta(days=1), "weekend": relativedelta(weeks=1), "week": relativedelta(weeks=1),
    "month": relativedelta(months=1), "quarter": relativedelta(months=3),
    "half": relativedelta(months=6), "season": relativedelta(months=3),
    "year": relativedelta(years=1), "decade": relativedelta(years=10),
    "century": relativedelta(years=100),
}  # fmt: skip
# From the finest grain to the coarsest.
GRAINS: tuple[Grain, ...] = (
    "day", "weekend", "week", "month", "quarter", "season", "half", "year", "decade", "century"
)  # fmt: skip
_MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "season": 3}
_YEARS_IN = {"year": 1, "decade": 10, "century": 100}


def _add_months(year: int, month: int, months: int) -> dt.date:
    index = year * 12 + month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """A calendar period of one grain, known by its first day."""

    grain: Grain
    start: dt.date

    @classmethod
    def containing(cls, grain: Grain, day: dt.date) -> Period:
        if grain == "day":
            return cls(grain, day)
        if grain in ("week", "weekend"):
            monday = day - dt.timedelta(days=day.weekday())
            return cls(grain, monday + dt.timedelta(days=5 if grain == "weekend" else 0))
        if grain == "season":
            shifted = _add_months(day.year, day.month, 1)  # December opens the next winter
            return cls(grain, _add_months(shifted.year, (shifted.month - 1) // 3 * 3 + 1, -1))
        if grain in _MONTHS_IN:
            months = _MONTHS_IN[grain]
            return cls(grain, dt.date(day.year, (day.month - 1) // months * months + 1, 1))
        years = _YEARS_IN[grain]
        return cls(grain, dt.date(max(day.year // years * years, 1), 1, 1))

    @property
    def end(self) -> dt.date:
        """The first day after the period."""
        return self.shift(1).start if self.grain != "weekend" else self.start + dt.timedelta(2)

    def shift(self, count: int) -> Period:
        """The period `count` grains later (earlier when negative)."""
        if self.grain in ("day", "week", "weekend"):
            days = count if self.grain == "day" else 7 * count
            return Period(self.grain, self.start + dt.timedelta(days=days))
        if self.grain in _MONTHS_IN:
            months = _MONTHS_IN[self.grain] * count
            return Period(self.grain, _add_months(self.start.year, self.start.month, months))
        years = _YEARS_IN[self.grain] * count
        return Period(self.grain, self.start.replace(year=self.start.year + years))

    def moved(self, unit: Grain, count: int) -> Period:
        """The period of this grain `count` units away: a year before 1989-Q3 is 1988-Q3."""
        return Period.containing(self.grain, self.start + _STEP[unit] * count)

    @property
    def value(self) -> str:
        start = self.start
        if self.grain == "day":
            return start.isoformat()
        if self.grain in ("week", "weekend"):
            year, week, _ = start.isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if self.grain == "weekend" else "")
        if self.grain == "month":
            return f"{start.year:04d}-{start.month:02d}"
        if self.grain == "quarter":
            return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
        if self.grain == "half":
            return f"{start.year:04d}-H{(start.month - 1) // 6 + 1}"
        if self.grain == "season":
            code = SEASON_CODES[(start.month % 12) // 3]
            return f"{start.year + (code == 'WI'):04d}-{code}"
        if self.grain == "year":
            return f"{start.year:04d}"
        if self.grain == "decade":
            return f"{start.year // 10:03d}X"
        return f"{start.year // 100:02d}"


def season(code: str, year: int) -> Period:
    """The season `code` (`SU`, `WI` …) of `year`; winter is the one whose January is in it."""
    month = _SEASON_START[code]
    return Period("season", dt.date(year - (code == "WI"), month, 1))


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The `nth` (1-based; -1 for the last) `weekday` of a month, for holidays."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = _add_months(year, month, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
