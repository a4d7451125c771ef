"""What the handlers share: reading numbers and dates, units, determiners."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from dateutil import parser as date_parser

from app.extraction.timex import lexicon as lx
from app.extraction.timex.calendar import Grain
from app.extraction.timex.context import Context


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


def parse_date(text: str, default: dt.date) -> dt.datetime | None:
    cleaned = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text)
    try:
        return date_parser.parse(
            cleaned,
            parserinfo=_PivotYears(default.year),
            default=dt.datetime.combine(default, dt.time()),
        )
    except (ValueError, OverflowError):
        return None


def reference_day(ctx: Context) -> dt.date:
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


def year_of(text: str) -> int:
    """`1996`, `nineteen ninety-six`, `two thousand and one`, `two thousand`."""
    lowered = re.sub(r"[-\s]+", " ", text.lower().strip())
    if lowered.isdigit():
        return int(lowered)
    if lowered.startswith("two thousand"):
        rest = lowered.removeprefix("two thousand").removeprefix(" and").strip()
        return 2000 + int(number(rest) or 0) if rest else 2000
    hundreds, rest = lowered.split(" ", 1)
    return int(lx.NUMBERS[hundreds] * 100 + (number(rest) or 0) % 100)


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


def grain_of(unit: str) -> Grain:
    return _GRAINS[unit.lower().removesuffix("s")]


OFFSETS: Final = {
    "this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "the past": -1,
    "the last": -1, "next": 1, "the next": 1, "coming": 1, "the coming": 1,
}  # fmt: skip
REL = lx.alternatives(OFFSETS)


def offset_of(word: str | None) -> int:
    return OFFSETS[re.sub(r"\s+", " ", word.lower())] if word else 0


def pick_by(word: str | None, tense: str) -> str:
    """Which occurrence a determiner picks (`last Friday`), else the clause's tense."""
    if word is None or word.lower() == "the":
        return tense
    return {-1: "last", 0: "this", 1: "next"}[offset_of(word)]


FISCAL_GRAINS: Final = frozenset({"quarter", "half"})


def month_number(text: str) -> int:
    return lx.MONTHS[text.lower().rstrip(".")]
