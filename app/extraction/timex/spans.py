"""Handlers for spans and repetitions: `70 years`, `decades`, `now`, `daily`, `every Tuesday`."""

from __future__ import annotations

import re
from typing import Final

from app.extraction.timex import lexicon as lx
from app.extraction.timex.common import duration_value, month_number, number
from app.extraction.timex.context import Context
from app.extraction.timex.patterns import DAY_WORD, MONTH, WEEKDAY, YEAR
from app.extraction.timex.timex import Timex

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


# `a quarter of the market`, `three quarters of voters` are shares (and `a quarter of a
# century` is left to `a century`); `several quarters of losses` are time.
_SHARE_OF: Final = re.compile(r"\s+of\s", re.I)
_SHARE_COUNTS: Final = frozenset({"a", "an", "one", "three"})
_RATE: Final = re.compile(r"(?:\d|\$|dollars?|cents?|percent|%|times|twice)\s*$", re.I)
# `60 hours a week`, `three days a month`: so much time in each unit, a rate too.
_TIME_PER: Final = re.compile(r"\b(?:hours?|days?|nights?|minutes?|weeks?)\s*$", re.I)


def _someday(ctx: Context) -> bool:
    """`will one day be`, `he one day hoped`, `can benefit this country one day`: an
    indefinite time, not a day's length (`for one day`, `took one day`)."""
    span = ctx.span
    if span.text.lower() != "one day" or span.start == 0 or span.end >= len(span.doc):
        return False
    if span.root.dep_ == "npadvmod" and span.doc[span.start - 1].pos_ != "ADP":
        return span.root.head.lemma_.lower() not in _LASTING
    return span.doc[span.start - 1].tag_ == "MD" or span.doc[span.end].tag_.startswith("VB")


# Verbs whose bare complement of time is how long: `lasted one day`, `took one day`.
_LASTING: Final = frozenset(
    {"be", "last", "take", "spend", "stay", "run", "wait", "serve", "remain"}
)


def duration(match: re.Match[str], ctx: Context) -> Timex | None:
    """`70 years`, `more than 70 years`, `a 16-hour flight`, `a 70-year-old dispute`."""
    if _someday(ctx):
        return Timex("date", "PAST_REF" if ctx.tense == "past" else "FUTURE_REF", None)
    if match.group("old") and match.group("old").lower().endswith("old") and _is_age(ctx):
        return None
    written = match.group("num") or "one"  # `day-long`
    unit = match.group("unit") or match.group("unit2")
    grain = unit.lower().removesuffix("s")
    if grain == "second" and ctx.span[-1].pos_ != "NOUN":
        return None  # `a second betrayal`
    share = written.lower() in _SHARE_COUNTS and _SHARE_OF.match(ctx.after(16))
    if grain == "quarter" and ("-" in match.group(0) or share):
        return None  # `three-quarters of`, `a quarter of the market`: fractions, not periods
    per = _RATE.search(ctx.before(12)) or _TIME_PER.search(ctx.before(12))
    if written.lower() in ("a", "an") and per:
        return Timex("set", duration_value(1, unit), grain)  # `$5 a day`, `twice a week`
    count = number(written)
    if count is not None and match.group("half"):
        count += 0.5
    return Timex("duration", duration_value(count, unit), grain)


# Generations are people (`younger generations`, `a new generation of chips`) unless they
# measure how long something lasts.
_SPAN_OF_GENERATIONS: Final = re.compile(r"\b(?:for|over|across)\s+$", re.IGNORECASE)


_PART_OF_A_DATE: Final = re.compile(
    rf"\s+of\s+(?:(?:this|last|next)\s+|{MONTH}|{WEEKDAY}|{YEAR}|{DAY_WORD})", re.IGNORECASE
)


def vague_span(match: re.Match[str], ctx: Context) -> Timex | None:
    """`years`, `recent weeks`, `the coming months`, `for generations`: some number of units."""
    if re.match(r"\s+old\b", ctx.after(5)):
        return None  # the unit of `52 years old`, an age
    unit = match.group("unit")
    if unit.lower() == "generations" and not _SPAN_OF_GENERATIONS.search(ctx.before(8)):
        return None
    if _PART_OF_A_DATE.match(ctx.after()):
        return None  # `the final days of December`: a part of the date, which takes it in
    return Timex("duration", duration_value(None, unit), unit.lower().removesuffix("s"))


def reference(match: re.Match[str], ctx: Context) -> Timex | None:
    """`now`, `recently`, `the future`, `current`: TIMEX3's reference points."""
    key = re.sub(r"\s+", " ", match.group(0).lower())
    if key == "current" and ctx.span[0].pos_ != "ADJ":
        return None  # `the current` of a river, `current account` as a name
    if key == "the past" and ctx.span[-1].dep_ == "amod":
        return None  # `in the past nine elections`: a span counted, which the duration reads
    sentence = ctx.parsed.sentence_of(ctx.span.start)
    if match.group(0).isupper() and not sentence.text.isupper():
        return None  # `NOW`, the National Organization for Women, in a sentence in lower case
    if key == "current" and _THEN.search(ctx.before(6)):
        return Timex("date", "PAST_REF", None)  # `the then-current chairman`
    return Timex("date", lx.REFERENCES[key], None)


_THEN: Final = re.compile(r"\bthen[-\s]$", re.IGNORECASE)


def the_time(match: re.Match[str], ctx: Context) -> Timex | None:
    """`at the time`, `at that time`: a time the story was at, behind it unless told ahead."""
    return Timex("date", "FUTURE_REF" if ctx.tense == "future" else "PAST_REF", None)


def set_adverb(match: re.Match[str], ctx: Context) -> Timex | None:
    """`daily`, `held annually`; a growth rate (`rise 8% annually`) is no repetition in time."""
    if _RATE.search(ctx.before(12)):
        return None
    word = match.group(0).lower()
    return Timex("set", lx.SET_ADVERBS[word], None)


def weekly_part(weekday: str, part: str) -> Timex:
    """`Tuesday nights`: that part of that day of every week."""
    code = f"XXXX-WXX-{lx.WEEKDAYS[weekday.lower()] + 1}T{lx.DAY_PARTS[part.lower()]}"
    return Timex("set", code, "time")


def every(match: re.Match[str], ctx: Context) -> Timex | None:
    """`every day`, `each year`, `every six months`, `every other week`, `every morning`,
    `each summer`, `every Tuesday`, `on Mondays`, `Tuesday nights`."""
    if name := match.group("weekdays"):
        return Timex("set", f"XXXX-WXX-{lx.WEEKDAYS[name.lower()] + 1}", "day")
    if name := match.group("weekday3"):
        return weekly_part(name, match.group("parts"))
    quant = match.group("quant").upper()
    if quant == "PER" and match.group("unit") is None:
        return None  # `per season`: a rate's unit, not a repetition in time
    if name := match.group("weekday"):
        return Timex("set", f"XXXX-WXX-{lx.WEEKDAYS[name.lower()] + 1}", "day", quant=quant)
    if month := match.group("month"):
        return Timex("set", f"XXXX-{month_number(month):02d}", "month", quant=quant)
    if part := match.group("part"):
        return Timex("set", f"XXXX-XX-XXT{lx.DAY_PARTS[part.lower()]}", "time", quant=quant)
    if season := match.group("season"):
        # A named season comes back each year; a season of a league or a show, once a year.
        code = lx.SEASONS.get(season.lower())
        return Timex("set", f"XXXX-{code}" if code else "P1Y", "season", quant=quant)
    unit = match.group("unit")
    if quant == "PER" and unit.lower() in lx.TIME_UNITS:
        return None  # `instructions per second`, `miles per hour`: a speed, which TimeML leaves
    written = match.group("count")
    count = number(written) if written else 2.0 if match.group("other") else 1.0
    return Timex("set", duration_value(count, unit), unit.lower(), quant=quant)
