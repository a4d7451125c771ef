"""Dates told relative to the story rather than to the publication: clock times on the day
the story is of; and the reference points `a later date`, `then-current`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.models import Facts

Extract = Callable[..., Facts]
FRIDAY = dt.date(2024, 3, 22)


def values(
    extract: Extract, text: str, published: dt.date = FRIDAY
) -> list[tuple[str, str | None]]:
    return [(mention.text, mention.value) for mention in extract(text, published=published).dates]


# ---------------------------------------------------------------- clock times
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day written in the same sentence
        (
            "On Nov. 28, a gunman opened fire in the lobby at about 10 p.m.",
            [("Nov. 28", "2023-11-28"), ("about 10 p.m.", "2023-11-28T22:00")],
        ),
        # a day of the week earlier in the paragraph, and the story still told in the past
        (
            "Police said the fire broke out on Wednesday. Crews arrived at 6:15 a.m. and left.",
            [("Wednesday", "2024-03-20"), ("6:15 a.m.", "2024-03-20T06:15")],
        ),
        # across the new year
        (
            "The ship sank on Dec. 31. The last message was sent at 11 p.m.",
            [("Dec. 31", "2023-12-31"), ("11 p.m.", "2023-12-31T23:00")],
        ),
    ],
)
def test_a_clock_time_falls_on_the_day_the_story_is_of(
    extract: Extract, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert values(extract, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause told ahead is not on the story's past day
        (
            "The strike began on Wednesday. The minister will speak at 3 p.m.",
            [("Wednesday", "2024-03-20"), ("3 p.m.", "2024-03-22T15:00")],
        ),
        # a day named with the time wins
        (
            "The strike began on Wednesday. Talks resume at 9 a.m. Monday.",
            [("Wednesday", "2024-03-20"), ("9 a.m. Monday", "2024-03-25T09:00")],
        ),
    ],
)
def test_a_clock_time_ahead_or_with_its_own_day_keeps_it(
    extract: Extract, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert values(extract, text) == expected


def test_a_clock_time_in_another_paragraph_is_on_the_publication_day(extract: Extract) -> None:
    text = "The talks opened on Monday.\n\nThe minister arrived at 9 a.m. and spoke briefly."
    assert values(extract, text)[-1] == ("9 a.m.", "2024-03-22T09:00")


# ---------------------------------------------------------------- reference points
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote was postponed to a later date.", [("a later date", "FUTURE_REF")]),
        ("The vote will be held at a future date.", [("a future date", "FUTURE_REF")]),
        ("The then-current chairman resigned.", [("current", "PAST_REF")]),
        ("The current chairman resigned.", [("current", "PRESENT_REF")]),
    ],
)
def test_reference_points(extract: Extract, text: str, expected: list[tuple[str, str]]) -> None:
    assert values(extract, text) == expected


# ---------------------------------------------------------------- the period a report compares
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Its third-quarter profit fell. Analysts see losses in the fourth quarter and through "
            "the third quarter of 2024. In the year-ago period, it earned $101 million.",
            dt.date(2023, 10, 26),
            [("third-quarter", "2023-Q3"), ("the fourth quarter", "2023-Q4"),
             ("the third quarter of 2024", "2024-Q3"), ("the year-ago period", "2022-Q3")],
        ),
        # at a year boundary: the fourth quarter just ended
        (
            "Its fourth-quarter profit fell. Analysts see losses through the fourth quarter of "
            "2024. In the year-ago period, it earned $101 million.",
            dt.date(2024, 1, 25),
            [("fourth-quarter", "2023-Q4"), ("the fourth quarter of 2024", "2024-Q4"),
             ("the year-ago period", "2022-Q4")],
        ),
    ],
)  # fmt: skip
def test_a_year_ago_compares_with_the_quarter_reported_not_a_forecast(
    extract: Extract, text: str, published: dt.date, expected: list[tuple[str, str]]
) -> None:
    assert values(extract, text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For the people of Poland, high noon comes today.", [("today", "2024-03-22")]),
        ("The vote is at noon today.", [("noon today", "2024-03-22T12:00")]),
    ],
)
def test_high_noon_is_no_time_of_day(
    extract: Extract, text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(extract, text) == expected
