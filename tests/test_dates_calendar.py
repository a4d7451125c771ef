"""Dates on the calendar's hard cases: days that do not exist, timetables, holidays, sets,
centuries and decades, reference points, and the halves and quarters of a game."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from app.models import DateMention, Facts

Extract = Callable[..., Facts]


def found(extract: Extract, text: str, published: dt.date | None) -> dict[str, DateMention]:
    return {mention.text: mention for mention in extract(text, published=published).dates}


def value_of(extract: Extract, text: str, phrase: str, published: dt.date | None) -> str | None:
    mentions = found(extract, text, published)
    assert phrase in mentions, f"{phrase!r} not found in {list(mentions)}"
    return mentions[phrase].value


# ---------------------------------------------------------------- days that do not exist
@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("The meeting was held on Feb. 29, 2023, in Rome.", "Feb. 29, 2023"),
        ("The meeting was held on 29 February 1900 in Rome.", "29 February 1900"),
        ("The payment is due April 31, the bank said.", "April 31"),
        ("The committee will meet on June 31.", "June 31"),
        ("The file is dated 2023-02-29 in the archive.", "2023-02-29"),
        ("The form was stamped 2/30/2022 at the office.", "2/30/2022"),
    ],
)
def test_a_day_that_does_not_exist_has_no_value(
    extract: Extract, sentence: str, phrase: str
) -> None:
    assert value_of(extract, sentence, phrase, dt.date(2023, 6, 14)) is None


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The vote was held on Feb. 29.", dt.date(2024, 6, 14), "2024-02-29"),
        ("The vote was held on Feb. 29.", dt.date(2023, 6, 14), None),  # 2023 has none
        ("The vote will be held on Feb. 29.", dt.date(2023, 11, 2), "2024-02-29"),
        ("The vote was held on Feb. 29, 2024.", dt.date(2025, 1, 3), "2024-02-29"),
        ("The vote was held on Feb. 28.", dt.date(2023, 6, 14), "2023-02-28"),
    ],
)
def test_29_february_is_only_in_a_leap_year(
    extract: Extract, sentence: str, published: dt.date, expected: str | None
) -> None:
    phrase = "Feb. 29, 2024" if "2024" in sentence else sentence.split("on ")[1].rstrip(".")
    assert value_of(extract, sentence, phrase, published) == expected


# ---------------------------------------------------------------- timetables look ahead
@pytest.mark.parametrize(
    ("sentence", "phrase", "published", "expected"),
    [
        # the case: a law that takes effect on Jan. 1, told in February
        ("The law takes effect on Jan. 1.", "Jan. 1", dt.date(2024, 2, 14), "2025-01-01"),
        ("The new rules go into effect on Jan. 1.", "Jan. 1", dt.date(2024, 2, 14), "2025-01-01"),
        ("The treaty comes into force on March 1.", "March 1", dt.date(2024, 3, 4), "2025-03-01"),
        ("The contract expires on Dec. 31.", "Dec. 31", dt.date(2024, 2, 14), "2024-12-31"),
        ("The payment is due Jan. 15.", "Jan. 15", dt.date(2024, 2, 14), "2025-01-15"),
        ("The season starts in March.", "March", dt.date(2024, 11, 20), "2025-03"),
        ("The museum opens on Monday.", "Monday", dt.date(2024, 2, 14), "2024-02-19"),
        # a week boundary: published on a Sunday, the Monday is the next day
        ("The museum reopens on Monday.", "Monday", dt.date(2023, 12, 31), "2024-01-01"),
        # told in the past or the future, the tense decides
        ("The law took effect on Jan. 1.", "Jan. 1", dt.date(2024, 2, 14), "2024-01-01"),
        ("The law will take effect on Jan. 1.", "Jan. 1", dt.date(2024, 2, 14), "2025-01-01"),
        # a present that is no timetable stays near the publication
        ("The law protects workers hired on Jan. 1.", "Jan. 1", dt.date(2024, 2, 14), "2024-01-01"),
    ],
)
def test_a_timetable_in_the_present_looks_ahead(
    extract: Extract, sentence: str, phrase: str, published: dt.date, expected: str
) -> None:
    assert value_of(extract, sentence, phrase, published) == expected


# ---------------------------------------------------------------- holidays
@pytest.mark.parametrize(
    ("name", "day_2024", "day_2025"),
    [
        ("Easter", "2024-03-31", "2025-04-20"),
        ("Good Friday", "2024-03-29", "2025-04-18"),
        ("Thanksgiving", "2024-11-28", "2025-11-27"),
        ("Memorial Day", "2024-05-27", "2025-05-26"),
        ("Labor Day", "2024-09-02", "2025-09-01"),
        ("Christmas", "2024-12-25", "2025-12-25"),
        ("New Year's Day", "2024-01-01", "2025-01-01"),
        ("Independence Day", "2024-07-04", "2025-07-04"),
        ("Martin Luther King Jr. Day", "2024-01-15", "2025-01-20"),
        ("Ramadan", "2024-03-11", "2025-03-01"),
        ("Eid al-Fitr", "2024-04-10", "2025-03-30"),
    ],
)
def test_each_holiday_falls_on_its_day_of_the_year_written(
    extract: Extract, name: str, day_2024: str, day_2025: str
) -> None:
    for year, expected in ((2024, day_2024), (2025, day_2025)):
        text = f"Thousands of people travelled home for {name} {year}."
        assert value_of(extract, text, f"{name} {year}", dt.date(2026, 5, 5)) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # the case: the year comes from the date the sentence writes out
        (
            "The vote is in spring 2025, two weeks before Easter.",
            dt.date(2024, 2, 14),
            "2025-04-20",
        ),
        (
            "The vote was in spring 2019, two weeks before Easter.",
            dt.date(2024, 2, 14),
            "2019-04-21",
        ),
        # `Christmas Eve` before `Spring 2019` is the one of 2018, the nearest
        ("Classes resume in Spring 2019, after Christmas Eve.", dt.date(2018, 11, 1), "2018-12-24"),
        ("In 2019, sales rose at Christmas.", dt.date(2024, 2, 14), "2019-12-25"),
        # else the tense, across a year boundary
        ("Stores will close on Thanksgiving.", dt.date(2023, 12, 30), "2024-11-28"),
        ("Stores closed on Thanksgiving.", dt.date(2024, 1, 2), "2023-11-23"),
        ("The strike began after Labor Day.", dt.date(2024, 9, 20), "2024-09-02"),
        ("Shops will open on New Year's Day.", dt.date(2024, 12, 30), "2025-01-01"),
    ],
)
def test_a_holiday_takes_its_year_from_the_context(
    extract: Extract, sentence: str, published: dt.date, expected: str
) -> None:
    holidays = ("Christmas Eve", "Christmas", "Easter", "Thanksgiving", "Labor Day", "New Year's")
    holiday = next(name for name in holidays if name in sentence)
    holiday += " Day" if holiday == "New Year's" else ""
    assert value_of(extract, sentence, holiday, published) == expected


def test_a_holiday_weekend_is_the_one_that_runs_into_a_monday_holiday(extract: Extract) -> None:
    text = "Traffic was heavy over Memorial Day weekend and Thanksgiving weekend 2024."
    mentions = found(extract, text, dt.date(2024, 12, 2))
    assert mentions["Memorial Day weekend"].value == "2024-W21-WE"  # 25-26 May, before the 27th
    assert mentions["Thanksgiving weekend 2024"].value == "2024-W48-WE"  # after the 28th


def test_a_name_that_begins_with_a_holiday_is_no_date(extract: Extract) -> None:
    mentions = found(extract, "They flew to Easter Island last Christmas.", dt.date(2024, 2, 14))
    assert list(mentions) == ["last Christmas"]


def test_easter_is_a_date_not_a_place(client: TestClient) -> None:
    response = client.post(
        "/v1/extract",
        json={
            "text": "In spring 2025, two weeks before Easter, Pope Francis spoke in Rome.",
            "published": "2024-02-14",
        },
    )
    assert response.status_code == 200
    facts = response.json()
    easter = next(date for date in facts["dates"] if date["text"] == "Easter")
    assert easter["value"] == "2025-04-20"
    assert easter["mod"] == "BEFORE"
    names = {actor["name"] for actor in facts["actors"]}
    assert "Rome" in names
    assert not any("Easter" in name for name in names)


# ---------------------------------------------------------------- sets
@pytest.mark.parametrize(
    ("sentence", "phrase", "value", "quant"),
    [
        ("Officials inspect the plant every six months.", "every six months", "P6M", "EVERY"),
        ("The board meets every other week.", "every other week", "P2W", "EVERY"),
        ("Elections are held every four years.", "every four years", "P4Y", "EVERY"),
        ("The bus comes every 15 minutes.", "every 15 minutes", "PT15M", "EVERY"),
        ("She walks there every morning.", "every morning", "XXXX-XX-XXTMO", "EVERY"),
        ("He reads each evening.", "each evening", "XXXX-XX-XXTEV", "EACH"),
        ("The park closes every winter.", "every winter", "XXXX-WI", "EVERY"),
        ("The rules change each season.", "each season", "P1Y", "EACH"),
        ("They go there each July.", "each July", "XXXX-07", "EACH"),
        ("The report comes out annually.", "annually", "P1Y", None),
        ("The fee is reviewed yearly.", "yearly", "P1Y", None),
    ],
)
def test_a_repetition_is_a_set_with_its_quantifier(
    extract: Extract, sentence: str, phrase: str, value: str, quant: str | None
) -> None:
    mention = found(extract, sentence, dt.date(2024, 2, 14))[phrase]
    assert (mention.type, mention.value, mention.quant) == ("set", value, quant)


def test_a_rate_per_unit_of_time_is_no_set(extract: Extract) -> None:
    mentions = found(extract, "He earns $5 per hour and 20 points per season.", None)
    assert mentions == {}


# ---------------------------------------------------------------- centuries and decades
@pytest.mark.parametrize(
    ("sentence", "phrase", "published", "value", "kind"),
    [
        ("It was the worst war of the 20th Century.", "the 20th Century", None, "19", "date"),
        ("They built it in the nineteenth century.", "the nineteenth century", None, "18", "date"),
        ("Inflation fell in 1985 and rose in the following decade.", "the following decade",
         dt.date(2024, 2, 14), "199X", "date"),
        ("Growth will slow over the next decade.", "the next decade", dt.date(2024, 2, 14),
         "P10Y", "duration"),
        ("The city will grow in the next decade.", "the next decade", dt.date(2024, 2, 14),
         "203X", "date"),
        # a decade boundary: published on the last day of 2029
        ("The city will grow in the next decade.", "the next decade", dt.date(2029, 12, 31),
         "203X", "date"),
        ("Prices fell over the following decade.", "the following decade", dt.date(2024, 2, 14),
         "P10Y", "duration"),
    ],
)  # fmt: skip
def test_centuries_and_relative_decades(
    extract: Extract,
    sentence: str,
    phrase: str,
    published: dt.date | None,
    value: str,
    kind: str,
) -> None:
    mention = found(extract, sentence, published)[phrase]
    assert (mention.value, mention.type) == (value, kind)


def test_a_company_named_after_a_century_is_no_date(extract: Extract) -> None:
    assert found(extract, "He sold his 20th Century Fox shares.", None) == {}


# ---------------------------------------------------------------- reference points
@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        ("At the time, nobody knew what had happened.", "the time", "PAST_REF"),
        ("Nobody knew it at that time.", "that time", "PAST_REF"),
        ("We will decide at that time.", "that time", "FUTURE_REF"),
        ("Right now, nobody knows.", "Right now", "PRESENT_REF"),
        ("The company now employs 500 people.", "now", "PRESENT_REF"),
    ],
)
def test_reference_points(extract: Extract, sentence: str, phrase: str, value: str) -> None:
    assert value_of(extract, sentence, phrase, dt.date(2024, 2, 14)) == value


def test_the_time_of_an_event_is_not_a_reference_point(extract: Extract) -> None:
    assert found(extract, "He was mayor at the time of the attack.", dt.date(2024, 2, 14)) == {}


def test_now_as_a_name_in_capitals_is_no_date(extract: Extract) -> None:
    assert found(extract, "NOW members marched on the capital.", dt.date(2024, 2, 14)) == {}


# ---------------------------------------------------------------- edges of a period
@pytest.mark.parametrize(
    ("sentence", "phrase", "published", "value"),
    [
        ("The deal should close by the end of the year.", "the end of the year",
         dt.date(2024, 2, 14), "2024"),
        # told as past early in the year, the end of the year is the one before
        ("Sales fell at the end of the year, it said.", "the end of the year",
         dt.date(2024, 2, 14), "2023"),
        ("Sales fell at the end of the year, it said.", "the end of the year",
         dt.date(2024, 12, 30), "2024"),
        ("He will leave at the end of the month.", "the end of the month",
         dt.date(2024, 1, 31), "2024-01"),
        ("It was over by the end of the week.", "the end of the week",
         dt.date(2024, 2, 14), "2024-W06"),
        ("Cars will fly by the end of the decade.", "the end of the decade",
         dt.date(2024, 2, 14), "202X"),
        ("The plan will start at the beginning of the month.", "the beginning of the month",
         dt.date(2024, 2, 28), "2024-03"),
    ],
)  # fmt: skip
def test_the_edge_of_a_period(
    extract: Extract, sentence: str, phrase: str, published: dt.date, value: str
) -> None:
    assert value_of(extract, sentence, phrase, published) == value


def test_the_week_alone_is_left_to_the_story(extract: Extract) -> None:
    assert found(extract, "The week was hard for everyone.", dt.date(2024, 2, 14)) == {}


# ---------------------------------------------------------------- days of an event
@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        ("The strike entered its 99th day as talks stalled.", "99th day", "2024-02-14"),
        ("Protests continued for a third straight day.", "a third straight day", "2024-02-14"),
        ("Today is the eighth day of the operation.", "the eighth day", "2024-02-14"),
        ("On the second day of the trial, he testified.", "the second day", None),
    ],
)
def test_the_nth_day_of_an_event(
    extract: Extract, sentence: str, phrase: str, value: str | None
) -> None:
    assert value_of(extract, sentence, phrase, dt.date(2024, 2, 14)) == value


def test_an_ordinal_before_a_day_long_thing_or_a_month_is_no_day_of_an_event(
    extract: Extract,
) -> None:
    text = "Their third day-long meeting ended on the first day of March."
    mentions = found(extract, text, dt.date(2024, 2, 14))
    assert mentions["March"].value == "2024-03"
    assert not [phrase for phrase in mentions if "third" in phrase or "first" in phrase]


# ---------------------------------------------------------------- the units of a game
@pytest.mark.parametrize(
    "sentence",
    [
        "He had a goal disallowed in the second half.",
        "The Bears trailed in the fourth quarter of the game.",
        "He scored a second-half penalty.",
        "She led the tournament after the final round.",
        "The referee stopped the match in the first half.",
    ],
)
def test_a_part_of_a_game_is_no_calendar_date(extract: Extract, sentence: str) -> None:
    mentions = found(extract, sentence, dt.date(2023, 10, 2))
    assert all(mention.granularity not in ("half", "quarter") for mention in mentions.values())
    assert all(mention.type != "date" for mention in mentions.values())


def test_a_minute_count_of_a_match_is_a_duration(extract: Extract) -> None:
    mention = found(extract, "They scored in the first 15 minutes of the match.", None)[
        "the first 15 minutes"
    ]
    assert (mention.type, mention.value) == ("duration", "PT15M")


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        ("Sales rose in the second half.", "the second half", "2023-H2"),
        ("The game maker's profit rose in the second half.", "the second half", "2023-H2"),
        ("The economy grew in the fourth quarter.", "the fourth quarter", "2023-Q4"),
    ],
)
def test_a_half_or_quarter_of_business_stays_a_date(
    extract: Extract, sentence: str, phrase: str, value: str
) -> None:
    assert value_of(extract, sentence, phrase, dt.date(2023, 10, 2)) == value


# ---------------------------------------------------------------- names and figures of speech
@pytest.mark.parametrize(
    "sentence",
    [
        "British Prime Minister Theresa May was not invited to the summit.",
        "Mexico retaliated against Christmas trees from Oregon.",
        "The children hunted for Easter eggs in the garden.",
        "Refugees still hope for a brighter tomorrow.",
    ],
)
def test_a_name_a_thing_or_a_figure_of_speech_is_no_date(extract: Extract, sentence: str) -> None:
    assert found(extract, sentence, dt.date(2016, 9, 12)) == {}


def test_a_month_of_next_year_is_one_expression(extract: Extract) -> None:
    text = "Leaders agreed to put together a reform plan by March of next year."
    assert value_of(extract, text, "March of next year", dt.date(2016, 9, 18)) == "2017-03"


def test_a_holiday_in_a_story_told_in_the_past_is_the_one_of_the_story(extract: Extract) -> None:
    text = (
        "Campaigning against Mitt Romney in 2012, he barely mentioned climate change. "
        "But soon after Election Day, Mr. Obama changed course."
    )
    assert value_of(extract, text, "Election Day", dt.date(2016, 9, 8)) == "2012-11-06"
    # told in the present, a holiday is the coming one, whatever year came before
    text = "Sales rose in 2015. Stores expect strong sales at Christmas."
    assert value_of(extract, text, "Christmas", dt.date(2016, 9, 8)) == "2016-12-25"


@pytest.mark.parametrize(
    ("sentence", "phrase", "kind", "value"),
    [
        ("People work 60 hours a week on the farm.", "a week", "set", "P1W"),
        ("These reforms can benefit this country one day.", "one day", "date", "FUTURE_REF"),
        ("The strike lasted one day.", "one day", "duration", "P1D"),
        ("He had only been in the job one day.", "one day", "duration", "P1D"),
        ("Growth returned after several quarters of losses.", "several quarters", "duration",
         "PXQ"),
    ],
)  # fmt: skip
def test_rates_spans_and_some_day(
    extract: Extract, sentence: str, phrase: str, kind: str, value: str
) -> None:
    mention = found(extract, sentence, dt.date(2016, 9, 8))[phrase]
    assert (mention.type, mention.value) == (kind, value)


@pytest.mark.parametrize(
    "sentence",
    [
        "Less than a quarter of Hillary Clinton's donors gave more than $200.",
        "He has voted in the past nine elections.",
        "A recent poll found only a quarter of citizens favoured a change.",
        "She wrote the novel with the illustrator Johnnie Christmas.",
    ],
)
def test_a_share_a_count_of_events_or_a_surname_is_no_date(extract: Extract, sentence: str) -> None:
    assert found(extract, sentence, dt.date(2016, 9, 8)) == {}


def test_a_half_of_a_game_is_known_by_its_paragraph(extract: Extract) -> None:
    text = (
        "Sweden beat South Korea on Monday.\n\n"
        "Neither side could open the scoring in the first half as it ended 0–0. "
        "The second half ended with Sweden winning.\n\n"
        "Sales of the team's shirts rose in the second half."
    )
    mentions = extract(text, published=dt.date(2018, 6, 19)).dates
    halves = [(mention.text, mention.value) for mention in mentions if "half" in mention.text]
    assert halves == [("the second half", "2018-H2")]  # only the one of sales


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # a range that began days ago, told in the future
        ("The exhibit is to run from January 23 through March 9.", dt.date(2014, 1, 28),
         ("2014-01-23", "2014-03-09")),
        # one months away begins ahead
        ("Flights will run from August 6 through Oct. 1.", dt.date(2014, 2, 13),
         ("2014-08-06", "2014-10-01")),
        # across a year boundary
        ("Sales will run from Dec. 28 through Jan. 4.", dt.date(2014, 1, 2),
         ("2013-12-28", "2014-01-04")),
    ],
)  # fmt: skip
def test_a_range_told_ahead_may_have_begun(
    extract: Extract, sentence: str, published: dt.date, expected: tuple[str, str]
) -> None:
    values = tuple(mention.value for mention in extract(sentence, published=published).dates)
    assert values == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Monocots such as sorghum and winter wheat suffer less.",
        "A summer storm knocked out power.",
        "It continues a 2000 year old tradition.",
    ],
)
def test_kinds_of_things_and_ages_are_no_dates(extract: Extract, sentence: str) -> None:
    assert found(extract, sentence, dt.date(2014, 7, 28)) == {}


def test_the_week_of_a_market_report_is_the_week_of_its_story(extract: Extract) -> None:
    text = (
        "The index fell 5 points on Friday. For the week, the index dropped 3.8%. "
        "Volume was the week's highest."
    )
    mentions = extract(text, published=dt.date(2024, 2, 12)).dates  # a Monday
    assert [(mention.text, mention.value) for mention in mentions] == [
        ("Friday", "2024-02-09"),
        ("the week", "2024-W06"),
        ("the week", "2024-W06"),
    ]
    assert found(extract, "The week was hard for everyone.", dt.date(2024, 2, 12)) == {}


@pytest.mark.parametrize(
    ("published", "takes", "took", "will_take"),
    [
        # the last day of a year, of a month, and a Sunday closing a week
        (dt.date(2024, 12, 31), "2025-02-01", "2024-02-01", "2025-02-01"),
        (dt.date(2024, 1, 31), "2024-02-01", "2023-02-01", "2024-02-01"),
        (dt.date(2024, 2, 4), "2025-02-01", "2024-02-01", "2025-02-01"),
    ],
)
def test_a_day_of_the_year_in_each_tense_at_the_boundaries(
    extract: Extract, published: dt.date, takes: str, took: str, will_take: str
) -> None:
    for sentence, expected in (
        ("The permit expires on Feb. 1.", takes),
        ("The permit expired on Feb. 1.", took),
        ("The permit will expire on Feb. 1.", will_take),
    ):
        assert value_of(extract, sentence, "Feb. 1", published) == expected, sentence
