"""Regular-expression fragments the rules are written in."""

from __future__ import annotations

import re

from app.extraction.timex import lexicon as lx

# Whole words; `quarter-to-quarter`, `day-by-day`, `year-over-year` compare or pace, and name
# no time.
END = r"(?!\w|-(?:to|by|over)-)"
MONTH = (
    r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?!\w))"
    r"|January|February|March|April|May|June|July|August|September|October|November|December)"
)
# A month standing alone must be spelt out or dotted: `Jan Kavan` is a name.
MONTH_ALONE = (
    r"(?-i:(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\."
    r"|January|February|March|April|May|June|July|August|September|October|November|December)"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:1[6-9]|20)\d\d(?!\d)"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
NUMBER_WORD = lx.alternatives(lx.NUMBERS)
# Digits up to 999 (with thousands separators: `1,000`, never a year), `twenty-five`, `a few`.
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3})(?:\.\d+)?(?:\s+1/2)?"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_COMPOUND = rf"{_TENS}[-\s](?:one|two|three|four|five|six|seven|eight|nine)"
NUMBER = (
    rf"(?:{_DIGITS}|(?:{_COMPOUND}|{NUMBER_WORD})(?:\s+and\s+a\s+half)?"
    rf"|{lx.alternatives(lx.VAGUE_NUMBERS)})"
)
# Years as broadcasters say them: `nineteen ninety-six`, `two thousand and one`; a bare
# `two thousand` is a count unless `the year` comes before it.
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_UNDER_HUNDRED = rf"(?:{_COMPOUND}|{_TENS}|{_TEEN}|hundred)"
SPOKEN_YEAR = (
    rf"(?:eighteen|nineteen)[-\s]+{_UNDER_HUNDRED}"
    r"|two\s+thousand(?:\s+and)?[-\s]+(?:one|two|three|four|five|six|seven|eight|nine"
    rf"|{_TEEN}|{_COMPOUND}|{_TENS})"
)
WRITTEN_YEAR = rf"(?:{YEAR}|{SPOKEN_YEAR})"
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie)"
DATE_UNIT = r"(?:day|week|fortnight|month|quarter|year|decade|century|centurie)"
PART = rf"(?:{lx.alternatives(lx.DAY_PARTS)})"
TIME = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:[ap]\.\s?m\.|[ap]m(?!\w))"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|noon|midday|midnight)"
)
DAY_WORD = r"(?:today|tonight|yesterday|tomorrow)"
# Words between a count and its unit: `two more weeks`, `eight trading days`.
UNIT_QUALIFIER = r"(?:(?:more|additional|extra|straight|consecutive|trading|business|working)\s+)?"


def rx(pattern: str) -> re.Pattern[str]:
    """A rule's pattern: whole words, not after a currency sign, case-insensitive."""
    return re.compile(rf"(?<![\w$£€])(?:{pattern}){END}", re.IGNORECASE)


# ---------------------------------------------------------------- larger pieces of the table
CLOCK = rf"(?P<clock>{TIME})"
HOUR_OF_DAY = (
    rf"(?P<hour>\d\d?|{NUMBER_WORD})"
    rf"(?:\s+o'clock(?:\s+in\s+the\s+(?P<part>{PART}))?|\s+in\s+the\s+(?P<part2>{PART}))"
)
# The day written right after a clock time belongs to it: `9 a.m. EST Tuesday`, `noon Friday`;
# a capital `Today` after `4 p.m.` opens the next sentence.
DAY_OF_CLOCK = (
    r"(?:(?:\s+(?-i:[A-Z]{2,4}))?,?\s+"
    rf"(?P<day>{WEEKDAY}|(?-i:{DAY_WORD})|{MONTH}\s+{DAY}))?"
)
DURATION_DETERMINER = (
    r"(?:the\s+(?:(?:first|past|last|next|coming|latest|previous|following|final)\s+)?)?"
)
