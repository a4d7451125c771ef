"""Quotes as clients send them: broken quotation marks, French marks, quotes over several
paragraphs, the comma before an attribution, and interviews printed as questions and
answers; through `POST /v1/extract` and the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.models import Facts, Quote
from tests.test_cli import run_cli


def extract(client: TestClient, text: str) -> Facts:
    response = client.post(
        "/v1/extract", json={"text": text, "title": "A test article", "published": "2024-03-08"}
    )
    assert response.status_code == 200, response.text
    return Facts.model_validate(response.json())


def direct(facts: Facts) -> list[Quote]:
    return [q for q in facts.quotes if q.kind in ("direct", "partial")]


def spoken(facts: Facts) -> list[tuple[str, str | None]]:
    """Each direct quote's words and its speaker's name, in reading order."""
    return [(q.text, q.speaker.name if q.speaker else None) for q in direct(facts)]


def assert_exact(facts: Facts) -> None:
    body = facts.article.body
    for quote in facts.quotes:
        assert quote.text == " ".join(body[s.start : s.end] for s in quote.segments)
        assert (quote.start, quote.end) == (quote.segments[0].start, quote.segments[-1].end)


INTRODUCTION = "Mayor Linda Park opened the new bridge in Springfield on Thursday.\n\n"

# ---------------------------------------------------------------- broken quotation marks


@pytest.mark.parametrize(
    ("paragraph", "words", "cue"),
    [
        (
            '"We are proud of this project, Park told reporters on Friday. '
            "The bridge cost $40 million.",
            "We are proud of this project",
            "told",
        ),
        (
            '"It saves the town twenty minutes a day, said Park. Traffic was light.',
            "It saves the town twenty minutes a day",
            "said",
        ),
        (
            '"Why did we wait so long? asked Park. Nobody answered.',
            "Why did we wait so long?",
            "asked",
        ),
        (
            'Park spoke first. "We are proud of this project, the mayor added. Residents cheered.',
            "We are proud of this project",
            "added",
        ),
    ],
    ids=["attribution-after-a-comma", "inverted", "question", "mid-paragraph"],
)
def test_a_missing_closing_mark_ends_the_quote_at_its_attribution(
    client: TestClient, paragraph: str, words: str, cue: str
) -> None:
    facts = extract(client, INTRODUCTION + paragraph + "\n\nThe council will vote next month.")
    (quote,) = direct(facts)
    assert quote.text == words
    assert facts.article.body[quote.start : quote.end] == words
    assert quote.speaker is not None
    assert quote.cue == cue
    assert "Linda Park" in quote.speaker.name or quote.speaker.name == "the mayor"


def test_a_missing_closing_mark_ends_the_quote_at_the_paragraph(client: TestClient) -> None:
    facts = extract(
        client,
        INTRODUCTION + 'Park told reporters: "We are proud of this project.\n\n'
        "The council will vote on a second bridge next month.",
    )
    assert spoken(facts) == [("We are proud of this project.", "Linda Park")]


def test_an_unattributed_unclosed_quote_takes_no_speaker_from_the_next_paragraph(
    client: TestClient,
) -> None:
    facts = extract(
        client,
        INTRODUCTION + '"This is only the beginning\n\n'
        "The council will vote on a second bridge next month, Park said.",
    )
    assert spoken(facts) == []
    assert all("council" not in q.text or q.kind == "indirect" for q in facts.quotes)


def test_a_quote_left_open_before_the_next_paragraphs_quote_ends_at_its_attribution(
    client: TestClient,
) -> None:
    facts = extract(
        client,
        INTRODUCTION + '"We will finish the second bridge, Park said.\n\n'
        '"And then we will fix the roads," she added.',
    )
    assert spoken(facts) == [
        ("We will finish the second bridge", "Linda Park"),
        ("And then we will fix the roads", "Linda Park"),
    ]
    assert all(len(q.segments) == 1 for q in facts.quotes)


def test_a_second_opening_mark_ends_the_quote_left_open(client: TestClient) -> None:
    facts = extract(
        client,
        INTRODUCTION + '"We are proud of this project, Park said. "It will serve us for decades."',
    )
    assert spoken(facts) == [
        ("We are proud of this project", "Linda Park"),
        ("It will serve us for decades.", "Linda Park"),
    ]


def test_a_stray_closing_mark_does_not_pull_narration_into_an_open_quote(
    client: TestClient,
) -> None:
    facts = extract(
        client,
        INTRODUCTION + 'Park said: "We are proud of this project.\n\n'
        'Residents bought 5" flags for the opening.',
    )
    assert spoken(facts) == [("We are proud of this project.", "Linda Park")]


# ---------------------------------------------------------------- exact offsets


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('"We will win," Mayor Jane Doe told reporters on Tuesday.', "We will win"),
        ("Le maire Jane Doe a dit : « Nous gagnerons », on Tuesday.", "Nous gagnerons"),
        ("Mayor Jane Doe said “ we will win ” on Tuesday.", "we will win"),
        ("Mayor Jane Doe called the plan “a disaster,” and left.", "a disaster"),
    ],
    ids=["handover-comma", "french-marks", "inner-spaces", "partial"],
)
def test_the_span_is_the_words_without_marks_spaces_or_comma(
    client: TestClient, text: str, words: str
) -> None:
    facts = extract(client, text)
    (quote,) = direct(facts)
    assert quote.text == words
    assert facts.article.body[quote.start : quote.end] == words
    assert [(s.start, s.end) for s in quote.segments] == [(quote.start, quote.end)]


def test_a_quote_over_paragraphs_lists_each_paragraphs_words(client: TestClient) -> None:
    facts = extract(
        client,
        'Governor Anna Berg said: "We have cut taxes for every family in this state.\n\n'
        '"We will keep cutting them until the budget is balanced," she said.\n\n'
        "The vote is on Friday.",
    )
    (quote,) = direct(facts)
    body = facts.article.body
    assert [body[s.start : s.end] for s in quote.segments] == [
        "We have cut taxes for every family in this state.",
        "We will keep cutting them until the budget is balanced",
    ]
    assert [s.start for s in quote.segments] == [
        p.start + p.text.index("We") for p in facts.article.paragraphs[:2]
    ]
    assert_exact(facts)


# ---------------------------------------------------------------- interviews

QUESTIONS_AND_ANSWERS = """\
The Daily Herald's Ann Lee interviewed Maria Santos, the new head coach of the Riverside \
Rangers, on Monday.

**Q:** How does it feel to be back?

**A:** It feels wonderful. I grew up three blocks from this stadium.

My father sold tickets at the gate for thirty years.

**Q:** What will change?

**A:** We will play faster, and the players know it.

This interview has been edited for length."""

NAMED_TURNS = """\
Nobel laureate Jennifer Doudna spoke to Wikinews about gene editing on Tuesday.

Wikinews: What first drew you to CRISPR?

Doudna: It was curiosity about how bacteria fight viruses. We had no idea where it would lead.

Wikinews: Do you worry about misuse?

Doudna: "Yes, I do." That is why we called for a pause."""


def test_q_and_a_interview(client: TestClient) -> None:
    facts = extract(client, QUESTIONS_AND_ANSWERS)
    assert spoken(facts) == [
        ("How does it feel to be back?", "Ann Lee"),
        (
            "It feels wonderful. I grew up three blocks from this stadium. "
            "My father sold tickets at the gate for thirty years.",
            "Maria Santos",
        ),
        ("What will change?", "Ann Lee"),
        ("We will play faster, and the players know it.", "Maria Santos"),
    ]
    answer = direct(facts)[1]
    assert len(answer.segments) == 2
    assert [q for q in facts.quotes if q.kind == "indirect"] == []
    assert_exact(facts)
    santos = next(a for a in facts.actors if a.name == "Maria Santos")
    assert santos.quote_ids == [direct(facts)[1].id, direct(facts)[3].id]


def test_interview_in_named_turns(client: TestClient) -> None:
    facts = extract(client, NAMED_TURNS)
    assert spoken(facts) == [
        ("What first drew you to CRISPR?", "Wikinews"),
        (
            "It was curiosity about how bacteria fight viruses. "
            "We had no idea where it would lead.",
            "Jennifer Doudna",
        ),
        ("Do you worry about misuse?", "Wikinews"),
        ('"Yes, I do." That is why we called for a pause.', "Jennifer Doudna"),
    ]
    assert_exact(facts)


def test_interview_turns_one_line_each(client: TestClient) -> None:
    facts = extract(
        client,
        "Coach Maria Santos sat down with the Daily Herald on Monday.\n\n"
        "Q. How does it feel to be back?\nA. It feels wonderful.\n"
        "Q. What will change?\nA. We will play faster.",
    )
    assert spoken(facts) == [
        ("How does it feel to be back?", "Daily Herald"),
        ("It feels wonderful.", "Maria Santos"),
        ("What will change?", "Daily Herald"),
        ("We will play faster.", "Maria Santos"),
    ]
    assert_exact(facts)


def test_labelled_notes_are_no_interview(client: TestClient) -> None:
    facts = extract(
        client,
        'Senator Maria Lopez spoke on Monday. "We will win," she said.\n\n'
        "Correction: An earlier version misspelled the senator's name.\n\n"
        "Source: Senate records.",
    )
    assert spoken(facts) == [("We will win", "Maria Lopez")]


# ---------------------------------------------------------------- the command line


def test_command_line_reads_interviews_and_broken_marks(tmp_path: Path) -> None:
    interview = tmp_path / "interview.txt"
    interview.write_text("Coach talks\n\n" + NAMED_TURNS, encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_text(
        "Bridge opens\n\n" + INTRODUCTION + '"We are proud of this project, Park told '
        "reporters on Friday. The bridge cost $40 million.\n\nThe council will vote next month.",
        encoding="utf-8",
    )
    for path, expected in [
        (interview, ["Wikinews", "Jennifer Doudna", "Wikinews", "Jennifer Doudna"]),
        (broken, ["Linda Park"]),
    ]:
        result = run_cli("extract", str(path), "--published", "2024-03-08")
        assert result.returncode == 0, result.stderr
        facts = Facts.model_validate_json(result.stdout)
        assert [name for _, name in spoken(facts)] == expected
        assert_exact(facts)
    assert spoken(facts)[0][0] == "We are proud of this project"
