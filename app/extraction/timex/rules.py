"""The rule table: a pattern for each construction and the handler that normalises it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from app.extraction.timex import lexicon as lx
from app.extraction.timex.calendar import Grain, Period
from app.extraction.timex.common import REL
from app.extraction.timex.context import Context
from app.extraction.timex.counted import (
    anaphoric,
    clock_time,
    day_of_event,
    day_word,
    qualified_part,
    relative_unit,
    shifted,
    the_unit,
    the_year,
    weekday,
    weekend,
    year_end,
)
from app.extraction.timex.named import (
    DECADE_WORDS,
    HOLIDAYS,
    ORDINAL_WORDS,
    century,
    decade,
    full_date,
    holiday,
    month_day,
    month_name,
    month_year,
    part_of_year,
    reported_period,
    season_name,
    year,
)
from app.extraction.timex.patterns import (
    CLOCK,
    DATE_UNIT,
    DAY,
    DAY_OF_CLOCK,
    DAY_WORD,
    DURATION_DETERMINER,
    HOUR_OF_DAY,
    MONTH,
    MONTH_ALONE,
    NUMBER,
    PART,
    SPOKEN_YEAR,
    UNIT,
    UNIT_QUALIFIER,
    WEEKDAY,
    WRITTEN_YEAR,
    YEAR,
    rx,
)
from app.extraction.timex.spans import (
    duration,
    every,
    reference,
    set_adverb,
    the_time,
    vague_span,
)
from app.extraction.timex.timex import Timex, dated

Handler = Callable[[re.Match[str], Context], Timex | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


# The dates `the day before …` may be counted from, read by their own rules.
_NEIGHBOURED: Final = ("month day", "holiday", "weekday", "day word")
_SIDES: Final = {"before": -1, "after": 1}


def next_to(match: re.Match[str], ctx: Context) -> Timex | None:
    """`the day before last Tuesday`, `the week after Easter`: a step from a date named."""
    start, end = match.span("target")
    for rule in RULES:
        target = rule.pattern.match(match.string, start) if rule.name in _NEIGHBOURED else None
        if target is None or target.end() != end:
            continue
        named = rule.handler(target, Context(ctx.parsed, target))
        if named is None or named.period is None:
            return None
        unit: Grain = "week" if match.group("unit").lower() == "week" else "day"
        step = _SIDES[match.group("side").lower()]
        return dated(Period.containing(unit, named.period.start).shift(step), anchor=ctx.published)
    return None


RULES: Final = (
    Rule(
        "iso date", rx(r"\d{4}-[01]\d-[0-3]\d(?:[T\s]+(?P<time>\d\d?:\d\d(?::\d\d)?))?"), full_date
    ),
    Rule(
        "numeric date",
        rx(r"[01]?\d/[0-3]?\d/(?:\d{4}|\d\d)(?:\s+(?P<time>\d\d?:\d\d(?::\d\d)?))?"),
        full_date,
    ),
    Rule("compact date", rx(r"(?:19|20)\d\d[01]\d[0-3]\d"), full_date),
    Rule(
        "month day year",
        rx(rf"(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+{DAY}|{DAY}\s+(?:of\s+)?{MONTH}),?\s+{YEAR}"),
        full_date,
    ),
    Rule(
        "month day",
        rx(
            r"(?P<week_of>the\s+week\s+of\s+)?(?:(?P<rel>last|this|next)\s+)?"
            rf"(?:{WEEKDAY},?\s+)?(?P<date>{MONTH}\s+{DAY}|{DAY}\s+(?:of\s+)?{MONTH})"
        ),
        month_day,
    ),
    Rule("month year", rx(rf"{MONTH},?\s+(?:of\s+)?(?P<year>{WRITTEN_YEAR})"), month_year),
    Rule(
        "month",
        rx(
            rf"(?:(?P<rel>{REL})\s+)?(?P<month>{MONTH_ALONE})"
            r"(?:,?\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)?"
            # `the March of the Penguins`, `the March for Life`, `March of Dimes`: names
            r"(?!\s+of\s+the|\s+(?:for|of)\s+(?-i:[A-Z][a-z]))"
        ),
        month_name,
    ),
    Rule(
        "year",
        rx(
            rf"(?:fiscal\s+(?:year\s+)?)?(?P<year>{YEAR})(?!/\d|[.,]\d)"
            rf"|(?:the\s+year\s+)?(?P<spoken>{SPOKEN_YEAR})|the\s+year\s+(?P<spoken2>two\s+thousand)"
        ),
        year,
    ),
    Rule(
        "decade",
        rx(
            r"(?:the\s+)?(?:(?P<digits>(?:1\d|20)\d)0|'(?P<short>\d)0)'?s"
            rf"|the\s+(?P<word>{lx.alternatives(DECADE_WORDS)})"
        ),
        decade,
    ),
    Rule(
        "century",
        rx(
            rf"(?:the\s+)?(?P<nth>\d\d?(?:st|nd|rd|th)|{lx.alternatives(ORDINAL_WORDS)})"
            r"[-\s]+century"
        ),
        century,
    ),
    Rule(
        "part of year",
        rx(
            rf"(?:the\s+)?(?:(?P<year_before>{YEAR})(?:'s)?\s+|(?P<yrel>this|last|next)\s+year's\s+)?"
            rf"(?:(?:fiscal|calendar)[-\s]+)?(?P<nth>{lx.alternatives(lx.ORDINALS)})[-\s]+(?:fiscal[-\s]+)?"
            rf"(?P<unit>quarter|half|two\s+quarters)(?:\s+of\s+(?P<year>{YEAR}))?"
        ),
        part_of_year,
    ),
    Rule(
        "reported period",
        rx(
            r"(?:the\s+)?(?:(?:(?P<latest>latest|most\s+recent|just-ended)|recent|comparable|same|"
            r"corresponding|(?P<earlier>year-earlier|year-ago|prior-year))[-\s]+){1,3}"
            r"(?:fiscal\s+)?(?:(?P<nth>first|second|third|fourth)[-\s]+)?(?P<unit>quarter|period)"
            r"(?P<last_year>\s+(?:of\s+)?last\s+year)?"
            r"|(?P<last_years>last\s+year's)\s+(?:fiscal\s+)?(?:quarter|period)"
            r"|the\s+(?:fiscal\s+)?(?P<unit2>quarter)"
            rf"|the\s+(?P<year>{YEAR})\s+(?:fiscal\s+)?(?:quarter|period)"
            r"|(?P<adjective>year-earlier|year-ago)"
        ),
        reported_period,
    ),
    Rule(
        "season",
        rx(
            rf"(?:(?P<rel>{REL}|the)\s+)?(?P<season>spring|summer|fall|autumn|winter)"
            rf"(?:\s+(?:of\s+)?(?P<year>{WRITTEN_YEAR}))?"
        ),
        season_name,
    ),
    Rule(
        "holiday",
        rx(
            rf"(?:(?P<rel>{REL})\s+)?(?P<name>{lx.alternatives(HOLIDAYS)})"
            rf"(?P<week>\s+week(?:end)?)?(?:\s+(?P<year>{YEAR}))?"
        ),
        holiday,
    ),
    Rule(
        "weekday",
        rx(
            rf"(?:(?P<story>the\s+(?:previous|preceding|following))\s+|(?P<rel>{REL})\s+)?"
            rf"(?P<day>{WEEKDAY})(?:\s+(?P<part>{PART}))?"
        ),
        weekday,
    ),
    Rule(
        "day word",
        rx(
            rf"(?P<word>{DAY_WORD})(?:\s+(?P<part>{PART}))?"
            rf"|(?P<this>this|last)\s+(?P<part2>{PART})"
        ),
        day_word,
    ),
    Rule(
        "part of a day",
        rx(
            rf"(?P<mod>early|mid|late)(?:[-\s]|(?!night))(?P<part>{PART})"  # not `midnight`
            rf"(?:,?\s+(?:on\s+)?(?P<day>{WEEKDAY}|{DAY_WORD}))?"
        ),
        qualified_part,
    ),
    Rule(
        "next to a date",
        rx(
            r"the\s+(?P<unit>day|week)\s+(?P<side>before|after)\s+(?P<target>"
            rf"(?:(?:last|this|next)\s+)?{WEEKDAY}|{MONTH}\s+{DAY}|{lx.alternatives(HOLIDAYS)}"
            r"|yesterday|tomorrow)"
        ),
        next_to,
    ),
    Rule(
        "anaphoric",
        rx(
            r"(?P<det>that(?:\s+same)?|the\s+(?:same|following|next|previous|preceding|prior))"
            rf"\s+(?P<unit>day|{PART}|week|weekend|month|year|decade|century)"
            r"|the\s+(?P<unit2>day|week|month|year)\s+(?P<side>before|after)"
            # said on its own (`had left the day before.`); `the day before the vote` and
            # `the day before police came` count from an event, which is not written as a date
            r"(?=\s*(?:[,.;:!?)\"'’”]|$)|\s+(?:and|but|or|while|when|as)\b)"
        ),
        anaphoric,
    ),
    Rule("year end", rx(r"(?:the\s+)?year(?:'s)?[-\s]end"), year_end),
    Rule(
        "the year",
        rx(
            r"the\s+(?:(?:full|fiscal|calendar|current)\s+)*year"
            r"(?![-\w]|\s+(?:of|before|after|ago|earlier|later|\d))"
        ),
        the_year,
    ),
    Rule("the unit", rx(r"the\s+(?P<unit>month|week|decade|century)(?![-\w])"), the_unit),
    Rule("clock time", rx(rf"(?:{CLOCK}|{HOUR_OF_DAY}){DAY_OF_CLOCK}"), clock_time),
    Rule(
        "relative unit",
        rx(rf"(?P<rel>{REL})\s+(?:fiscal\s+)?(?P<unit>{DATE_UNIT})"),
        relative_unit,
    ),
    Rule("weekend", rx(rf"(?:(?P<rel>{REL}|the)\s+)?weekend"), weekend),
    Rule(
        "shifted",
        rx(
            rf"(?:(?P<num>{NUMBER})\s+(?P<unit>{DATE_UNIT})s?|(?P<units>{DATE_UNIT})s)"
            r"\s+(?P<dir>ago|earlier|later|previously|hence|back|from\s+now)"
        ),
        shifted,
    ),
    Rule(
        "duration",
        rx(
            rf"{DURATION_DETERMINER}(?P<num>{NUMBER})[-\s]+{UNIT_QUALIFIER}"
            rf"(?P<unit>{UNIT})s?(?!-(?:earlier|ago|end))(?P<half>\s+and\s+a\s+half)?"
            r"(?P<old>[-\s]+(?:old|long))?|(?P<unit2>day|week|month|year)-long"
        ),
        duration,
    ),
    Rule(
        "vague span",
        rx(
            r"(?:(?P<rel>(?:the\s+)?(?:recent|coming|past|next|last|following))\s+)?"
            r"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries|generations)"
        ),
        vague_span,
    ),
    Rule("reference", rx(lx.alternatives(lx.REFERENCES)), reference),
    Rule(
        "the time",
        # `at the time` standing alone; `at the time of the attack`, `at the time he left`
        # speak of an event, which is not written as a date
        rx(r"(?<=\bat\s)(?:the|that)\s+time(?=\s*(?:[,.;:!?)\"'’”—]|$)|\s+(?:and|but|or)\b)"),
        the_time,
    ),
    Rule(
        "day of an event",
        rx(
            r"(?:the\s+|a\s+|(?<=\bits\s)|(?<=\btheir\s))"
            rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{lx.alternatives(ORDINAL_WORDS)})"
            r"\s+(?P<straight>(?:straight|consecutive|successive)\s+)?day(?!-)"
            rf"(?!\s+of\s+(?:{MONTH}|the\s+(?:month|year|week)|(?:this|last|next)\b))"
        ),
        day_of_event,
    ),
    Rule("set adverb", rx(lx.alternatives(lx.SET_ADVERBS)), set_adverb),
    Rule(
        "every",
        rx(
            rf"(?P<quant>every|each|per)\s+(?:(?P<other>other)\s+|(?P<count>{NUMBER})\s+)?"
            rf"(?:(?P<weekday>{WEEKDAY})|(?P<month>{MONTH})|(?P<unit>{UNIT})s?|(?P<part>{PART})"
            r"|(?P<season>spring|summer|fall|autumn|winter|season))"
            rf"|(?P<weekdays>{WEEKDAY})s"
            # `Tuesday nights`: a part of the day in the plural comes back each week
            rf"|(?P<weekday3>{WEEKDAY})\s+(?P<parts>{PART})s"
        ),
        every,
    ),
)
