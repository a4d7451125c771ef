"""Dates: each construction on sentences of our own, then the shipped article end to end."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import pytest

from app.extraction.timex.rules import RULES
from app.models import DateMention, Facts

Extract = Callable[..., Facts]
MONDAY = dt.date(2019, 1, 21)  # the default publication date of the `extract` fixture


def dates(extract: Extract, text: str, published: dt.date | None = MONDAY) -> list[DateMention]:
    return extract(text, published=published).dates


def value_of(extract: Extract, text: str, phrase: str, published: dt.date | None = MONDAY) -> str:
    """The value given to the mention whose text is `phrase`."""
    found = {mention.text: mention for mention in dates(extract, text, published)}
    assert phrase in found, f"{phrase!r} not found in {list(found)}"
    value = found[phrase].value
    assert value is not None
    return value


# ---------------------------------------------------------------- weekdays and tense
@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("Lavrov told reporters Wednesday that no deal was near.", "Wednesday", "2019-01-16"),
        ("The two leaders will meet Tuesday in Moscow.", "Tuesday", "2019-01-22"),
        ("The talks are scheduled to resume Thursday.", "Thursday", "2019-01-24"),
        ("A Kyodo News report Monday said Abe was ready to sign.", "Monday", "2019-01-21"),
        ("Officials said on Sunday that the talks had stalled.", "Sunday", "2019-01-20"),
        ("The ministers met last Friday in Tokyo.", "last Friday", "2019-01-18"),
        ("The ministers will meet next Friday in Tokyo.", "next Friday", "2019-01-25"),
        ("Protesters planned a rally on Saturday in the capital.", "Saturday", "2019-01-26"),
        ("On Friday, the government planned new talks.", "Friday", "2019-01-18"),
    ],
)
def test_weekdays_take_the_direction_of_their_clause(
    extract: Extract, sentence: str, phrase: str, expected: str
) -> None:
    assert value_of(extract, sentence, phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bid was extended; it had been due to lapse Friday.", "2019-01-18"),
        ("The vote had been scheduled to take place Friday.", "2019-01-18"),
        ("The vote is due to take place Friday.", "2019-01-25"),
    ],
)
def test_an_arrangement_told_in_the_past_perfect_lies_behind(
    extract: Extract, sentence: str, expected: str
) -> None:
    assert value_of(extract, sentence, "Friday") == expected


def test_a_participle_takes_the_tense_of_the_clause_it_hangs_from(extract: Extract) -> None:
    text = "The ferry would start on May 2, with a second boat sailing from Aug. 6."
    assert value_of(extract, text, "Aug. 6") == "2019-08-06"


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("The firm changed its fiscal year in December.", "December", "2018-12"),
        ("The firm was sold on Nov. 6.", "Nov. 6", "2018-11-06"),
        ("The offer, which had been set to expire Nov. 6, was extended.", "Nov. 6",
         "2019-11-06"),
        ("The board approved a December dividend.", "December", "2019-12"),
    ],
)  # fmt: skip
def test_a_date_on_a_past_verb_happened_though_it_is_near_ahead(
    extract: Extract, sentence: str, phrase: str, expected: str
) -> None:
    assert value_of(extract, sentence, phrase, dt.date(2019, 10, 28)) == expected


def test_weekday_direction_and_anchor_are_reported(extract: Extract) -> None:
    (past,) = dates(extract, "Lavrov told reporters Wednesday that no deal was near.")
    assert (past.anchor, past.direction) == ("publication", "past")
    assert past.interval is not None
    assert (past.interval.start, past.interval.end) == (dt.date(2019, 1, 16), dt.date(2019, 1, 17))
    (future,) = dates(extract, "The two leaders will meet Tuesday in Moscow.")
    assert future.direction == "future"


def test_weekday_across_a_year_boundary(extract: Extract) -> None:
    new_year = dt.date(2019, 1, 1)  # a Tuesday
    assert value_of(extract, "He resigned Friday.", "Friday", new_year) == "2018-12-28"
    assert value_of(extract, "He will resign Friday.", "Friday", new_year) == "2019-01-04"


def test_without_a_publication_date_relative_values_stay_open(extract: Extract) -> None:
    (weekday,) = dates(extract, "Lavrov told reporters Wednesday that no deal was near.", None)
    assert weekday.value == "XXXX-WXX-3"
    assert weekday.anchor is None
    assert weekday.direction == "past"
    (year,) = dates(extract, "Prices rose last year.", None)
    assert year.value is None


# ---------------------------------------------------------------- calendar units
@pytest.mark.parametrize(
    ("sentence", "phrase", "expected", "published"),
    [
        ("Abe heads for Moscow this week.", "this week", "2019-W04", MONDAY),
        ("Talks will continue next week.", "next week", "2019-W05", MONDAY),
        ("Japan protested last month.", "last month", "2018-12", MONDAY),
        ("Last year, the leaders agreed to talk.", "Last year", "2018", MONDAY),
        ("The treaty could be signed next year.", "next year", "2020", MONDAY),
        ("Sales fell in the last quarter.", "the last quarter", "2018-Q4", MONDAY),
        ("He visited a decade ago.", "a decade ago", "2009", MONDAY),
        ("Exports rose last week.", "last week", "2018-W52", dt.date(2019, 1, 2)),
        ("Exports rose last month.", "last month", "2019-02", dt.date(2019, 3, 1)),
        ("He arrived two days ago.", "two days ago", "2019-01-19", MONDAY),
        ("He arrived yesterday.", "yesterday", "2019-01-20", MONDAY),
        ("He arrives tomorrow.", "tomorrow", "2019-01-22", MONDAY),
        ("Stocks fell earlier this month.", "earlier this month", "2019-01", MONDAY),
    ],
)
def test_calendar_units_count_from_the_publication_date(
    extract: Extract, sentence: str, phrase: str, expected: str, published: dt.date
) -> None:
    assert value_of(extract, sentence, phrase, published) == expected


def test_this_week_interval_is_the_iso_week(extract: Extract) -> None:
    (week,) = dates(extract, "Abe heads for Moscow this week.")
    assert week.interval is not None
    assert (week.interval.start, week.interval.end) == (dt.date(2019, 1, 21), dt.date(2019, 1, 28))
    assert week.granularity == "week"


# ---------------------------------------------------------------- absolute dates
@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("Lavrov complained after a Jan. 15 meeting.", "Jan. 15", "2019-01-15"),
        ("The accord was signed Sept. 3, 2015, in Paris.", "Sept. 3, 2015", "2015-09-03"),
        ("The accord was signed on 3 September 2015.", "3 September 2015", "2015-09-03"),
        ("The vote is set for Feb. 10.", "Feb. 10", "2019-02-10"),
        ("The election was held Dec. 30.", "Dec. 30", "2018-12-30"),
        ("Japan was defeated in 1945.", "1945", "1945"),
        ("The plant opened in March 2009.", "March 2009", "2009-03"),
        ("Prices peaked in the 1990s.", "the 1990s", "199X"),
        ("Prices peaked in the '80s.", "the '80s", "198X"),
        ("The city grew in the 19th century.", "the 19th century", "18"),
        ("Profit rose in the third quarter of 2018.", "the third quarter of 2018", "2018-Q3"),
        ("The report is dated 2019-01-18.", "2019-01-18", "2019-01-18"),
        ("The filing is dated 11/02/89.", "11/02/89", "1989-11-02"),
        ("Sales rose in December.", "December", "2018-12"),
        ("The summit will be held in April.", "April", "2019-04"),
        ("The park will close in the summer.", "the summer", "2019-SU"),
        ("The law takes effect in March.", "March", "2019-03"),
        ("Police have been searching since the Oct. 23 attack.", "Oct. 23", "2018-10-23"),
        ("The ruling is expected the week of Feb. 4.", "the week of Feb. 4", "2019-W06"),
        ("He was shot last Oct. 23 at home.", "last Oct. 23", "2018-10-23"),
        ("Snow fell last winter.", "last winter", "2018-WI"),
        ("The store will open on Christmas Eve.", "Christmas Eve", "2019-12-24"),
    ],
)
def test_absolute_and_yearless_dates(
    extract: Extract, sentence: str, phrase: str, expected: str
) -> None:
    assert value_of(extract, sentence, phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("The law was passed in nineteen ninety-six.", "nineteen ninety-six", "1996"),
        ("Prices fell in January nineteen ninety-seven.", "January nineteen ninety-seven",
         "1997-01"),
        ("The river froze in the winter of nineteen ninety-four.",
         "the winter of nineteen ninety-four", "1994-WI"),
        ("Computers may fail in the year two thousand.", "the year two thousand", "2000"),
        ("The games open in two thousand and four.", "two thousand and four", "2004"),
    ],
)  # fmt: skip
def test_years_spoken_in_broadcast_transcripts(
    extract: Extract, sentence: str, phrase: str, expected: str
) -> None:
    assert value_of(extract, sentence, phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("The board declared a dividend payable Dec. 15.", "Dec. 15", "2019-12-15"),
        ("The company named a new chief, effective Feb. 1.", "Feb. 1", "2019-02-01"),
        ("It declared a dividend to holders of record March 4.", "March 4", "2019-03-04"),
    ],
)
def test_terms_of_a_deal_name_a_day_to_come(
    extract: Extract, sentence: str, phrase: str, expected: str
) -> None:
    assert value_of(extract, sentence, phrase, dt.date(2018, 12, 20)) == expected


def test_an_arrangement_inside_a_past_report_is_past(extract: Extract) -> None:
    past = "A memorial service planned for Saturday was canceled after the plans leaked."
    assert value_of(extract, past, "Saturday") == "2019-01-19"
    ahead = "A summit planned for Saturday will draw forty leaders."
    assert value_of(extract, ahead, "Saturday") == "2019-01-26"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The father could come to the United States as early as Tuesday.", "2019-01-22"),
        ("The committee may vote Tuesday on the bill.", "2019-01-22"),
        ("He could not be reached Tuesday for comment.", "2019-01-15"),
        ("Neither he nor his lawyer could be located Tuesday.", "2019-01-15"),
        ("The suspect may have left the country Tuesday.", "2019-01-15"),
    ],
)
def test_a_possibility_lies_ahead_unless_negated_or_perfect(
    extract: Extract, sentence: str, expected: str
) -> None:
    assert value_of(extract, sentence, "Tuesday") == expected


def test_a_holiday_week_is_the_week_of_the_holiday(extract: Extract) -> None:
    text = "Pilgrims crowded the old city during Easter week."
    assert value_of(extract, text, "Easter week", dt.date(2000, 4, 26)) == "2000-W16"
    text = "Shops will stay open late in Christmas week 2019."
    assert value_of(extract, text, "Christmas week 2019") == "2019-W52"


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected", "mod"),
    [
        ("Shares fell. By mid-afternoon yesterday, they had recovered.",
         "mid-afternoon yesterday", "2019-01-20TAF", "MID"),
        ("Shares fell. By midafternoon, they had recovered.", "midafternoon", "2019-01-21TAF",
         "MID"),
        ("Rain fell. The blast came in the early morning on Saturday.",
         "early morning on Saturday", "2019-01-19TMO", "START"),
        ("Rain fell. The offer expired at midnight Friday.", "midnight Friday",
         "2019-01-18T24:00", None),
    ],
)  # fmt: skip
def test_an_early_or_late_part_of_a_day(
    extract: Extract, sentence: str, phrase: str, expected: str, mod: str | None
) -> None:
    found = {mention.text: mention for mention in dates(extract, sentence)}
    assert (found[phrase].value, found[phrase].mod) == (expected, mod)


def test_a_part_of_a_weekday_in_the_plural_is_a_set(extract: Extract) -> None:
    text = "Rain fell. New flights will leave Bombay on Monday and Tuesday nights."
    found = {mention.text: mention for mention in dates(extract, text)}
    assert (found["Monday"].type, found["Monday"].value) == ("set", "XXXX-WXX-1TNI")
    assert found["Tuesday nights"].value == "XXXX-WXX-2TNI"
    assert value_of(extract, "Rain fell. He met them Monday and Tuesday night.", "Monday") == (
        "2019-01-21"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        'The senator argued on ABC\'s "This Week" that the plan would fail.',
        "The story ran in USA Today on the front page.",
        "She spoke to 60 Minutes about her research.",
        "They watched the western High Noon again.",
    ],
)
def test_a_temporal_word_capitalised_inside_a_sentence_is_a_name(
    extract: Extract, sentence: str
) -> None:
    assert dates(extract, sentence) == []


def test_a_month_before_a_capitalised_complement_is_a_name(extract: Extract) -> None:
    assert dates(extract, "Crowds joined the annual March for Life in the capital.") == []
    assert dates(extract, "She gave to the March of Dimes.") == []
    assert value_of(extract, "Prices rose in July for the first time.", "July") == "2018-07"


def test_names_of_months_days_seasons_and_holidays_keep_their_capitals(
    extract: Extract,
) -> None:
    text = "Rain fell. Classes resume in Spring 2019, after Christmas Eve and New Year's Day."
    found = [(mention.text, mention.value) for mention in dates(extract, text)]
    assert found == [
        ("Spring 2019", "2019-SP"),
        ("Christmas Eve", "2018-12-24"),
        ("New Year's Day", "2019-01-01"),
    ]


def test_a_capital_at_the_start_of_a_sentence_is_no_name(extract: Extract) -> None:
    text = 'Rain fell. Today, the talks resumed. "This week will decide it," he said.'
    found = [(mention.text, mention.value) for mention in dates(extract, text)]
    assert found == [("Today", "2019-01-21"), ("This week", "2019-W04")]


def test_generations_are_a_span_only_when_something_lasts_them(extract: Extract) -> None:
    assert value_of(extract, "The feud has lasted for generations.", "generations") == "PXY"
    assert dates(extract, "Younger generations have moved to the cities.") == []
    assert dates(extract, "The firm sells successive generations of chips.") == []


def test_two_thousand_alone_is_a_count(extract: Extract) -> None:
    found = [mention.text for mention in dates(extract, "Some two thousand people marched.")]
    assert found == []


def test_mod_and_narrowed_interval_for_early_late_mid(extract: Extract) -> None:
    found = {m.text: m for m in dates(extract, "Growth slowed in early 2018 and mid-2017.")}
    early = found["early 2018"]
    assert (early.value, early.mod) == ("2018", "START")
    assert early.interval is not None
    assert early.interval.start == dt.date(2018, 1, 1)
    assert early.interval.end < dt.date(2018, 6, 1)
    assert found["mid-2017"].mod == "MID"


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected", "mod"),
    [
        ("Talks stalled in the final days of December.", "the final days of December",
         "2018-12", "END"),
        ("The fire broke out in the early hours of Thursday morning.",
         "the early hours of Thursday morning", "2019-01-17TMO", "START"),
        ("Prices fell in the last months of 2018.", "the last months of 2018", "2018", "END"),
    ],
)  # fmt: skip
def test_days_or_hours_of_a_date_are_a_part_of_it(
    extract: Extract, sentence: str, phrase: str, expected: str, mod: str
) -> None:
    (found,) = dates(extract, sentence)
    assert (found.text, found.value, found.mod) == (phrase, expected, mod)


def test_the_final_week_of_a_month(extract: Extract) -> None:
    (week,) = dates(extract, "The talks broke down in the final week of December.")
    assert (week.text, week.value, week.mod) == ("the final week of December", "2018-12", "END")
    assert week.interval is not None
    assert week.interval.start == dt.date(2018, 12, 21)


def test_a_bare_number_is_not_a_year(extract: Extract) -> None:
    found = dates(extract, "The army sent 2000 troops and 1,945 trucks; 17,000 people fled.")
    assert found == []


def test_ranges_give_both_ends(extract: Extract) -> None:
    found = [m.value for m in dates(extract, "Sales fell from May to July.")]
    assert found == ["2018-05", "2018-07"]
    years = [m.value for m in dates(extract, "Output fell in 2009-2010.")]
    assert years == ["2009", "2010"]


# ---------------------------------------------------------------- the story's own time
def test_that_day_counts_from_the_last_date_written(extract: Extract) -> None:
    text = "The doctor was shot on Oct. 23, 1998. Earlier that day, police were warned."
    found = {m.text: m for m in dates(extract, text)}
    that_day = found["Earlier that day"]
    assert (that_day.value, that_day.mod) == ("1998-10-23", "START")
    assert that_day.anchor == found["Oct. 23, 1998"].id


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("The mill burned last October. Its owner sold the land that same day.",
         "that same day", "2018-10-XX"),
        ("The plant opened in 1998. That day, the mayor cut a ribbon.", "That day", "1998-XX-XX"),
        ("The treaty was signed in 2015. The following month, troops withdrew.",
         "The following month", "2015-XX"),
    ],
)  # fmt: skip
def test_a_day_inside_a_longer_period_leaves_the_rest_open(
    extract: Extract, sentence: str, phrase: str, expected: str
) -> None:
    assert value_of(extract, sentence, phrase) == expected


def test_the_past_decade_is_a_span(extract: Extract) -> None:
    text = "Floods have grown common over the past decade."
    found = {mention.text: mention for mention in dates(extract, text)}
    assert (found["the past decade"].type, found["the past decade"].value) == ("duration", "P10Y")
    assert value_of(extract, "Prices doubled in the last decade.", "the last decade") == "200X"


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("The day before last Tuesday's vote, he resigned.", "The day before last Tuesday",
         "2019-01-14"),
        ("Shops will reopen the day after Christmas.", "the day after Christmas", "2019-12-26"),
        ("The ship sailed the week after Easter.", "the week after Easter", "2018-W14"),
        ("Talks end the day before Feb. 1.", "the day before Feb. 1", "2019-01-31"),
    ],
)  # fmt: skip
def test_the_day_before_a_date_named_is_a_step_from_it(
    extract: Extract, sentence: str, phrase: str, expected: str
) -> None:
    assert value_of(extract, sentence, phrase) == expected


def test_the_day_before_an_event_is_not_counted_from_the_story(extract: Extract) -> None:
    text = "The mayor was last seen on June 3, the day before police searched his house."
    assert [mention.text for mention in dates(extract, text)] == ["June 3"]
    text = "The mayor was seen on June 3. He had spoken to reporters the day before."
    assert value_of(extract, text, "the day before") == "2018-06-02"
    assert value_of(extract, "They met the day before yesterday.", "the day before yesterday") == (
        "2019-01-19"
    )


def test_the_following_week_counts_from_the_story(extract: Extract) -> None:
    text = "The treaty was signed on March 3, 2015. The following week, troops withdrew."
    assert value_of(extract, text, "The following week") == "2015-W11"


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("The rebels took the town. Three days later, the army returned.", "Three days", "P3D"),
        ("A day earlier, trucks had crossed the border.", "A day", "P1D"),
        ("A few days later, the firm cut its forecast.", "A few days", "PXD"),
        ("Two weeks later, the talks resumed.", "Two weeks", "P2W"),
    ],
)
def test_days_later_are_a_duration_and_a_signal(
    extract: Extract, sentence: str, phrase: str, expected: str
) -> None:
    found = {mention.text: mention for mention in dates(extract, sentence)}
    assert (found[phrase].type, found[phrase].value) == ("duration", expected)


def test_months_later_count_from_the_story(extract: Extract) -> None:
    text = "The plant closed in March 2015. Two months later, it reopened."
    assert value_of(extract, text, "Two months later") == "2015-05"


def test_a_year_earlier_after_a_quarter_is_that_quarter_a_year_before(extract: Extract) -> None:
    text = "Profit rose in the fourth quarter to $5 million from $4 million a year earlier."
    found = {m.text: m for m in dates(extract, text)}
    assert found["the fourth quarter"].value == "2018-Q4"
    assert found["a year earlier"].value == "2017-Q4"
    assert found["a year earlier"].anchor == found["the fourth quarter"].id


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("Profit rose 5% in the first quarter.", "the first quarter", "2019-Q1"),
        ("Profit rose 5% in the fiscal first quarter.", "the fiscal first quarter", "2019-Q1"),
        ("Profit rose in the third quarter.", "the third quarter", "2019-Q3"),
        ("The company will report third-quarter results.", "third-quarter", "2019-Q3"),
        ("Analysts expect profit to rise in the first quarter.", "the first quarter", "2020-Q1"),
    ],
)
def test_a_quarter_without_a_year_is_one_reported_or_the_nearest_ahead(
    extract: Extract, sentence: str, phrase: str, expected: str
) -> None:
    assert value_of(extract, sentence, phrase, dt.date(2019, 10, 28)) == expected


def test_a_report_goes_on_about_its_quarter_past_other_dates(extract: Extract) -> None:
    text = (
        "Third-quarter profit rose to $5 million. Last year the firm lost money. "
        "In the 1988 quarter, it earned $2 million; the quarter ended Sept. 30 "
        "brought $9 million in sales, up from $7 million a year earlier."
    )
    found = {mention.text: mention for mention in dates(extract, text, dt.date(1989, 10, 30))}
    assert found["Third-quarter"].value == "1989-Q3"
    assert found["Last year"].value == "1988"
    assert found["the 1988 quarter"].value == "1988-Q3"
    assert found["a year earlier"].value == "1988-Q3"


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("Profit fell in the quarter ended July 31.", "the quarter", "2019-Q2"),
        ("Profit fell in the quarter ended Sept. 30.", "the quarter", "2019-Q3"),
        ("Sales fell in the quarter ending Jan. 31.", "the quarter", "2018-Q4"),
    ],
)
def test_the_quarter_ended_a_day_is_the_calendar_quarter_it_mostly_covers(
    extract: Extract, sentence: str, phrase: str, expected: str
) -> None:
    assert value_of(extract, sentence, phrase, dt.date(2019, 10, 28)) == expected


def test_the_latest_quarter_is_one_that_is_over(extract: Extract) -> None:
    text = "The firm expects a loss in the fourth quarter. Sales rose in the latest quarter."
    found = {mention.text: mention for mention in dates(extract, text, dt.date(2019, 10, 28))}
    assert found["the fourth quarter"].value == "2019-Q4"
    assert found["the latest quarter"].value == "2019-Q3"


def test_the_latest_period_of_a_fiscal_quarter_told_as_done_is_that_quarter(
    extract: Extract,
) -> None:
    text = (
        "The food maker said fourth-quarter profit fell to $45 million. Sales in the latest "
        "period were $1.8 billion, up from last year's $1.6 billion."
    )
    found = {mention.text: mention for mention in dates(extract, text, dt.date(2023, 11, 2))}
    assert found["fourth-quarter"].value == "2023-Q4"
    assert found["the latest period"].value == "2023-Q4"
    assert found["last year"].value == "2022-Q4"


def test_the_latest_quarter_after_the_months_so_far_is_the_last_one_over(
    extract: Extract,
) -> None:
    text = "For the nine months, net rose 5%. In the latest quarter, sales fell 2%."
    assert value_of(extract, text, "the latest quarter", dt.date(2024, 1, 25)) == "2023-Q4"


def test_a_year_earlier_than_the_months_so_far_is_the_year_before(extract: Extract) -> None:
    text = (
        "Profit rose in the third quarter. For the nine months, net was $5 million, "
        "up from $4 million a year earlier."
    )
    found = {mention.text: mention for mention in dates(extract, text, dt.date(2019, 10, 28))}
    assert found["the nine months"].value == "P9M"
    assert found["a year earlier"].value == "2018"


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Third-quarter net fell from $2 million in the corresponding period last year.",
         "the corresponding period last year"),
        ("Third-quarter net fell. Exports in last year's quarter came to $3 million.",
         "last year's quarter"),
    ],
)  # fmt: skip
def test_the_period_last_year_is_the_reported_quarter_a_year_before(
    extract: Extract, sentence: str, phrase: str
) -> None:
    assert value_of(extract, sentence, phrase, dt.date(2019, 10, 28)) == "2018-Q3"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a January report of the fourth quarter: the year before is two calendar years back
        ("Fourth-quarter profit rose to $5 million, compared with $4 million last year.",
         dt.date(2024, 1, 25), "2022-Q4"),
        ("The bank earned $9 million in the third quarter. Third-period sales were $2 billion, "
         "up from last year's $1.8 billion.", dt.date(2023, 10, 2), "2022-Q3"),
        ("Second-quarter sales rose 8%. Last year's results were hurt by a strike.",
         dt.date(2023, 7, 31), "2022-Q2"),
        ("Profit rose in the third quarter. For the nine months, net rose to $5 million "
         "from $4 million last year.", dt.date(2019, 10, 28), "2018"),
    ],
)  # fmt: skip
def test_last_year_set_against_a_quarter_is_that_quarter_a_year_before(
    extract: Extract, text: str, published: dt.date, expected: str
) -> None:
    mentions = [m for m in dates(extract, text, published) if m.text.lower() == "last year"]
    assert [m.value for m in mentions] == [expected]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Fourth-quarter profit rose. The firm had 300 workers last year.",
         dt.date(2024, 1, 25), "2023"),
        ("Sales rose to $5 million from $4 million last year.", dt.date(2024, 1, 25), "2023"),
        ("Analysts expect a loss in the fourth quarter, up from $3 million last year.",
         dt.date(2023, 10, 2), "2022"),
    ],
)  # fmt: skip
def test_last_year_without_a_reported_quarter_to_compare_is_the_year(
    extract: Extract, text: str, published: dt.date, expected: str
) -> None:
    assert value_of(extract, text, "last year", published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Net rose 9% in the third quarter to $5 million. After a flat second quarter, the "
         "tyre maker cut costs. Charges in the year-earlier period came to $2 million.",
         dt.date(2023, 11, 1), "2022-Q3"),
        # a January report: the reported quarter and the one recalled are of the year before
        ("Fourth-quarter profit rose to $8 million. After a disappointing third quarter, "
         "sales recovered. Charges in the year-earlier period came to $1 million.",
         dt.date(2024, 1, 30), "2022-Q4"),
        # named as the quarter told of, an earlier quarter is what the report goes on about
        ("Net rose 9% in the third quarter. In the second quarter, the firm lost money. "
         "Charges in the year-earlier period came to $2 million.",
         dt.date(2023, 11, 1), "2022-Q2"),
    ],
)  # fmt: skip
def test_a_quarter_recalled_in_passing_leaves_the_report_on_its_own(
    extract: Extract, text: str, published: dt.date, expected: str
) -> None:
    assert value_of(extract, text, "the year-earlier period", published) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("Sales should recover in the first two quarters of 2025.",
         "the first two quarters of 2025", "2025-H1"),
        ("The plant ran at a loss in the last two quarters of 2023.",
         "the last two quarters of 2023", "2023-H2"),
        ("The firm lost money in 2023's first two quarters.", "2023's first two quarters",
         "2023-H1"),
        # with no year, the two quarters up to now are a span
        ("Losses mounted in the last two quarters.", "the last two quarters", "P2Q"),
    ],
)  # fmt: skip
def test_two_quarters_of_a_year_are_its_half(
    extract: Extract, sentence: str, phrase: str, expected: str
) -> None:
    assert value_of(extract, sentence, phrase, dt.date(2024, 1, 3)) == expected


def test_a_half_of_a_decade_is_no_half_year(extract: Extract) -> None:
    found = {m.text: m.value for m in dates(extract, "Prices soared in the last half of the '80s.")}
    assert found == {"the last half of the '80s": "198X"}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The firm reported a net loss of $8 million for the third quarter ended Sept. 30. "
         "This quarter's loss includes charges of $5 million.", dt.date(2023, 11, 1), "2023-Q3"),
        # reported in January, the quarter just closed is the year before's last
        ("The bank reported a loss for the fourth quarter. This quarter's results include "
         "a charge.", dt.date(2024, 1, 20), "2023-Q4"),
        # a forecast speaks of the quarter under way
        ("The firm reported a loss for the third quarter. This quarter's sales will rise, "
         "it said.", dt.date(2023, 11, 1), "2023-Q4"),
        ("This quarter's results include a charge.", dt.date(2024, 1, 20), "2024-Q1"),
    ],
)  # fmt: skip
def test_this_quarters_results_in_a_report_are_of_the_quarter_just_closed(
    extract: Extract, text: str, published: dt.date, expected: str
) -> None:
    assert value_of(extract, text, "This quarter", published) == expected


def test_the_year_period_without_a_quarter_named_is_the_year(extract: Extract) -> None:
    text = "Sales beat the 2017 period."
    assert value_of(extract, text, "the 2017 period") == "2017"


def test_the_quarter_goes_on_about_the_quarter_named(extract: Extract) -> None:
    text = "Third-quarter sales fell. During the quarter, the company cut jobs."
    assert value_of(extract, text, "the quarter") == "2018-Q3"


# ---------------------------------------------------------------- times
def test_times_of_day(extract: Extract) -> None:
    found = {m.text: m for m in dates(extract, "The blast came at 10:35 a.m. (0735 GMT) Friday.")}
    assert found["10:35 a.m."].value == "2019-01-18T10:35"
    assert found["10:35 a.m."].type == "time"
    assert found["Friday"].value == "2019-01-18"
    afternoon = {m.text: m for m in dates(extract, "They met Friday afternoon.")}
    assert afternoon["Friday afternoon"].value == "2019-01-18TAF"
    assert value_of(extract, "He left last night.", "last night") == "2019-01-20TNI"


def test_a_day_word_opening_the_next_sentence_is_its_own(extract: Extract) -> None:
    found = dates(extract, "The market closed at 4 p.m. Today, traders expect calm.")
    assert [mention.text for mention in found] == ["4 p.m.", "Today"]


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("The offer was extended until 5 p.m. EST, Feb. 6.", "5 p.m. EST, Feb. 6",
         "2019-02-06T17:00"),
        ("The bridge reopened at 10 p.m. Saturday.", "10 p.m. Saturday",
         "2019-01-19T22:00"),
        ("The polls opened at noon Sunday.", "noon Sunday", "2019-01-20T12:00"),
        ("The deadline runs out at 9 a.m. Tuesday.", "9 a.m. Tuesday", "2019-01-22T09:00"),
        ("The vote closes at 8 p.m. tomorrow.", "8 p.m. tomorrow", "2019-01-22T20:00"),
        ("The flight will land at 6 a.m. Jan. 1.", "6 a.m. Jan. 1", "2020-01-01T06:00"),
    ],
)  # fmt: skip
def test_a_clock_time_and_the_day_after_it_are_one_expression(
    extract: Extract, sentence: str, phrase: str, expected: str
) -> None:
    found = dates(extract, sentence)
    assert [(mention.text, mention.value) for mention in found] == [(phrase, expected)]


# ---------------------------------------------------------------- durations and vague values
@pytest.mark.parametrize(
    ("sentence", "phrase", "expected", "mod"),
    [
        ("It has remained for more than 70 years.", "more than 70 years", "P70Y", "MORE_THAN"),
        ("a 70-year-old dispute over four islands", "70-year-old", "P70Y", None),
        ("She waited about a month.", "about a month", "P1M", "APPROX"),
        ("The flight took five hours.", "five hours", "PT5H", None),
        ("after a 16-hour flight", "16-hour", "PT16H", None),
        ("The war lasted two decades.", "two decades", "P20Y", None),
        ("The dispute has gone on for decades.", "decades", "PXDE", None),
        ("Talks may take years.", "years", "PXY", None),
        ("Prices rose in recent weeks.", "recent weeks", "PXW", None),
        ("He recently moved.", "recently", "PAST_REF", None),
        ("The plan is now in doubt.", "now", "PRESENT_REF", None),
    ],
)
def test_durations_and_vague_expressions(
    extract: Extract, sentence: str, phrase: str, expected: str, mod: str | None
) -> None:
    found = {m.text: m for m in dates(extract, sentence)}
    assert phrase in found, list(found)
    assert (found[phrase].value, found[phrase].mod) == (expected, mod)


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("The fleet sailed for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The call lasted a minute and a half.", "a minute and a half", "PT1M30S"),
        ("The firm will close at year-end.", "year-end", "2019-12-31"),
        ("Rock music was born in the fifties.", "the fifties", "195X"),
        ("Crowds gathered on Thanksgiving Day.", "Thanksgiving Day", "2018-11-22"),
        ("He earns $500 a week.", "a week", "P1W"),
    ],
)
def test_fractions_year_end_decade_words_holidays_and_rates(
    extract: Extract, sentence: str, phrase: str, expected: str
) -> None:
    assert value_of(extract, sentence, phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Shares are up 8% since year-end.", dt.date(2019, 10, 28), "2018-12-31"),
        ("Debt fell by a third at year-end.", dt.date(2019, 1, 21), "2018-12-31"),
        ("The deal is to close at year-end.", dt.date(2019, 10, 28), "2019-12-31"),
    ],
)
def test_year_end_is_the_one_the_tense_points_to(
    extract: Extract, sentence: str, published: dt.date, expected: str
) -> None:
    assert value_of(extract, sentence, "year-end", published) == expected


def test_since_a_weekday_is_the_one_before(extract: Extract) -> None:
    assert value_of(extract, "The index is up 3% since Friday.", "Friday") == "2019-01-18"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The city will one day host the games.", "FUTURE_REF"),
        ("He said he one day wanted to fly.", "PAST_REF"),
        ("The vote was delayed by one day.", "P1D"),
    ],
)
def test_one_day_before_a_verb_is_some_day(extract: Extract, sentence: str, expected: str) -> None:
    assert value_of(extract, sentence, "one day") == expected


def test_annually_is_a_set_unless_it_gives_a_rate(extract: Extract) -> None:
    found = dates(extract, "The festival is held annually in the old town.")
    assert [(mention.text, mention.type, mention.value) for mention in found] == [
        ("annually", "set", "P1Y")
    ]
    assert dates(extract, "Sales should rise 8% annually.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The quarter-to-quarter comparison was flattered by charges.",
        "Funds hold more than a quarter of the market.",
        "The chip runs 15 million instructions per second.",
        "Managers handle day-by-day decisions.",
    ],
)
def test_comparisons_fractions_and_speeds_name_no_time(extract: Extract, sentence: str) -> None:
    assert dates(extract, sentence) == []


def test_quarters_of_something_untold_are_a_span(extract: Extract) -> None:
    text = "The firm made money after several quarters of losses."
    assert value_of(extract, text, "several quarters") == "PXQ"


def test_a_rate_is_a_set(extract: Extract) -> None:
    found = {m.text: m for m in dates(extract, "He earns $500 a week.")}
    assert found["a week"].type == "set"


def test_a_persons_age_is_not_a_duration(extract: Extract) -> None:
    assert dates(extract, "The 52-year-old doctor was shot.") == []
    assert dates(extract, "Mr. Reupke, 52 years old, was named chairman.") == []


def test_sets(extract: Extract) -> None:
    found = {
        m.text: m for m in dates(extract, "The paper appears daily and he visits every Tuesday.")
    }
    assert (found["daily"].type, found["daily"].value) == ("set", "P1D")
    assert found["every Tuesday"].value == "XXXX-WXX-2"


def test_leading_prepositions_stay_out_of_the_text(extract: Extract) -> None:
    (since,) = dates(extract, "Prices have risen since 2015.")
    assert (since.text, since.mod) == ("2015", "ON_OR_AFTER")


def test_patterns_stay_linear_on_repetitive_text() -> None:
    """No rule backtracks over a run of words it half-matches (the rules run per request)."""
    text = " ".join(["latest", "recent", "the", "past", "few", "year-earlier"] * 4000)
    started = time.perf_counter()
    for rule in RULES:
        for _ in rule.pattern.finditer(text):
            pass
    assert time.perf_counter() - started < 5.0


# ---------------------------------------------------------------- the shipped article
def test_shipped_article_dates(shipped_facts: Facts) -> None:
    found = [(m.text, m.value) for m in shipped_facts.dates]
    expected = [
        ("this week", "2019-W04"),
        ("70-year-old", "P70Y"),
        ("Tuesday", "2019-01-22"),
        ("1945", "1945"),
        ("Wednesday", "2019-01-16"),
        ("Monday", "2019-01-21"),
        ("more than 70 years", "P70Y"),
        ("Last year", "2018"),
        ("1956", "1956"),
        ("2019", "2019"),
        ("Jan. 15", "2019-01-15"),
        ("Wednesday", "2019-01-16"),
        ("decades", "PXDE"),
        ("Jan. 17", "2019-01-17"),
        ("Last month", "2018-12"),
        ("last month", "2018-12"),
        ("Thursday", "2019-01-17"),
    ]
    assert [pair for pair in found if pair in expected] == expected
    assert "the coming months" in [text for text, _ in found]
    tuesday = next(m for m in shipped_facts.dates if m.text == "Tuesday")
    assert (tuesday.anchor, tuesday.direction) == ("publication", "future")
    said_on = {quote.said_on: quote.id for quote in reversed(shipped_facts.quotes)}
    assert {m.id: m.quote_id for m in shipped_facts.dates if m.quote_id} == {
        date_id: quote_id for date_id, quote_id in said_on.items() if date_id is not None
    }
    wednesday = next(m for m in shipped_facts.dates if m.text == "Wednesday")
    assert wednesday.quote_id is not None
