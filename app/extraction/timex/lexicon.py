"""Word tables and the regular-expression fragments built from them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

MONTHS: Final = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS: Final = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
SEASONS: Final = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# TIMEX3 parts of the day.
DAY_PARTS: Final = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip
NUMBERS: Final = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a couple of": 2, "a couple": 2, "couple of": 2,
}  # fmt: skip
# Quantities that say "some number of": TIMEX3 writes them as X.
VAGUE_NUMBERS: Final = frozenset(
    {"a few", "few", "several", "many", "some", "a number of", "the next few", "numerous"}
)
ORDINALS: Final = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}  # fmt: skip
# Duration units: TIMEX3 letter, whether it is a time unit (PT…), and years per unit for the
# larger ones that TIMEX3 counts in years.
UNITS: Final = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "generation": "Y",
}  # fmt: skip
TIME_UNITS: Final = frozenset({"second", "minute", "hour"})
# `quarterly` mostly qualifies money (`a quarterly dividend`), so it stays out; `annually`
# after a rate (`8% annually`) is left out by the rule.
SET_ADVERBS: Final = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y",
}  # fmt: skip
# Deictic words TIMEX3 values with a reference point rather than a date. Left out, as news
# annotators leave them: `previously`, `soon`, bare `recent` and `future`.
REFERENCES: Final = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "current": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "a later date": "FUTURE_REF", "a future date": "FUTURE_REF",
    "a later time": "FUTURE_REF",
}  # fmt: skip


_PLAIN_WORD: Final = re.compile(r"[\w .'’&/,-]*")


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first so that `sept` wins over `sep`.

    Written as a tree of shared beginnings (`s(?:ept?|...)`), which matches the same text
    in the same order of preference: the words that match at one place are each the
    beginning of the next, and the tree tries the longer before the shorter as the flat
    alternation does; but the engine tests a shared beginning once instead of once per word
    at every place a rule is tried.
    """
    keys = sorted(words, key=len, reverse=True)
    if not all(_PLAIN_WORD.fullmatch(key) and "  " not in key for key in keys):
        return "|".join(key.replace(" ", r"\s+").replace(".", r"\.") for key in keys)
    tree: _Tree = {}
    for key in keys:
        node = tree
        for atom in (r"\s+" if char == " " else re.escape(char) for char in key):
            node = node.setdefault(atom, {})
        node[_END] = {}
    return _written(tree)


_Tree = dict[str, "_Tree"]
_END: Final = ""  # the key of a word that ends at a node; no atom is empty


def _written(node: _Tree) -> str:
    """The regex of a tree: its branches in order, then, if a word ends here, nothing."""
    branches = [atom + _written(child) for atom, child in node.items() if atom != _END]
    if not branches:
        return ""
    if len(branches) == 1 and _END not in node:
        return branches[0]
    return f"(?:{'|'.join(branches)})" + ("?" if _END in node else "")


# Words that make a paragraph's `second half` or `fourth quarter` a part of a game, not of
# the year, unless its sentence speaks of money (`second-half profit`). Only words that
# speak of nothing else: `penalty`, `rebound`, `overtime` also speak of law and money.
SPORT_WORDS: Final = frozenset(
    {"goal", "goals", "scored", "scoring", "scorer", "scoreboard", "touchdown", "halftime",
     "half-time", "referee", "striker", "goalkeeper", "inning", "innings", "quarterback",
     "equaliser", "equalizer", "kickoff", "kick-off", "wicket", "puck", "free kick",
     "penalty kick", "field goal"}
)  # fmt: skip
MONEY_WORDS: Final = frozenset(
    {"profit", "revenue", "sale", "earnings", "loss", "percent", "%", "$", "economy", "growth",
     "gdp", "fiscal", "share", "stock", "output", "inflation", "dividend", "forecast", "price",
     "income", "demand", "market", "quarterly", "billion", "million"}
)  # fmt: skip
# Things named after a holiday: `Christmas trees` are no date.
HOLIDAY_THINGS: Final = frozenset(
    {"tree", "card", "carol", "light", "decoration", "ornament", "present", "gift", "egg",
     "bunny", "stocking", "song", "music", "movie", "film", "special", "cactus", "island"}
)  # fmt: skip
# Kinds of things named by a season: `winter wheat`, `a summer storm` are no dates.
SEASONAL_THINGS: Final = frozenset(
    {"wheat", "crop", "coat", "clothing", "clothes", "tire", "tyre", "jacket", "olympics",
     "game", "storm", "weather", "squash", "solstice", "equinox", "wear"}
)  # fmt: skip
